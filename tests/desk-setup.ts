/**
 * A real desk for tests: a Sila on a temp SQLite file, the staff actions and
 * decisions wired as in `bot/main.ts`, a fake Telegram channel that records
 * what staff receive (their sign-in codes), and the desk listening on a free
 * loopback port.
 */
import fs from "node:fs";
import path from "node:path";
import { createStaffActions } from "../bot/staff/actions";
import { staffDecisions } from "../bot/decisions";
import { createDeskApp, createDirectory, startDesk, type RunningDesk } from "../bot/desk";
import { createLogger } from "../bot/log";
import type { StaffTarget } from "../bot/engine";
import { expect } from "vitest";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, type Harness, type Sent } from "./helpers";

export const STAFF_TARGETS: StaffTarget[] = [
  { channel: "console", chatId: "staff", locale: "ar" },
  { channel: "telegram", chatId: "-100200", locale: "ar" },
];

/** Telegram staff: 1001 decides (execution officer), 1002 is a relations officer (no decisions), 1003 has no role (everything). */
export const DECIDER = "1001";
export const RELATIONS = "1002";

export interface DeskHarness {
  h: Harness;
  /** What the fake Telegram channel delivered (staff private chats and the staff group). */
  telegram: Sent[];
  desk: RunningDesk;
  app: ReturnType<typeof createDeskApp>;
  attachmentsDir: string;
  close(): Promise<void>;
}

export async function createDeskHarness(options: { secure?: boolean; start?: boolean } = {}): Promise<DeskHarness> {
  const h = await createHarness({ sila: { staff: STAFF_TARGETS } });
  const telegram: Sent[] = [];
  let n = 0;
  h.sila.addSender({
    name: "telegram",
    async send(chatId, message) {
      telegram.push({ chatId, message });
      return { messageId: `tg-${++n}` };
    },
  });
  const log = createLogger("silent");
  const clock = () => h.now();
  const decide = staffDecisions({ db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock, staff: STAFF_TARGETS, calendar: h.sila.calendar });
  const actions = createStaffActions({
    db: h.opened.db,
    profile: h.profile,
    translator: h.sila.translator,
    cipher: h.sila.cipher,
    staffTargets: STAFF_TARGETS,
    clock,
    log,
    onOutbox: () => h.sila.outbox.kick(),
    decide,
  });
  const directory = createDirectory({
    profile: h.profile,
    telegram: [DECIDER, RELATIONS, "1003"],
    whatsapp: ["966500000009"],
    console: ["amal"],
    roles: [
      { channel: "telegram", id: DECIDER, role: "execution_officer" },
      { channel: "telegram", id: RELATIONS, role: "relations_officer" },
    ],
  });
  const attachmentsDir = path.join(h.dir, "attachments");
  fs.mkdirSync(attachmentsDir, { recursive: true });
  const app = createDeskApp({
    db: h.opened.db,
    profile: h.profile,
    translator: h.sila.translator,
    cipher: h.sila.cipher,
    secretKey: Buffer.alloc(32, 9),
    clock,
    log,
    calendar: h.sila.calendar,
    directory,
    actions,
    attachmentsDir,
    sessionHours: 8,
    secure: options.secure ?? false,
    onOutbox: () => h.sila.outbox.kick(),
  });
  const desk = options.start === false ? { url: "http://desk.invalid/", stop: async () => undefined } : await startDesk(app, { host: "127.0.0.1", port: 0 });
  return {
    h,
    telegram,
    desk,
    app,
    attachmentsDir,
    async close() {
      await desk.stop();
      await h.close();
    },
  };
}

/** Delivers what is queued and returns the latest six-digit code sent to `chatId` on the fake Telegram (or the console's staff chat). */
export async function latestCode(d: DeskHarness, chatId: string, channel: "telegram" | "console" = "telegram"): Promise<string | null> {
  await d.h.sila.outbox.drainOnce();
  const sent = channel === "telegram" ? d.telegram : d.h.sent;
  const texts = sent.filter((s) => s.chatId === chatId).map((s) => plain(s.message.text));
  for (const text of texts.reverse()) {
    const m = /\b(\d{6})\b/.exec(text);
    if (m) return m[1]!;
  }
  return null;
}

/** A beneficiary on `chatId` applies to tank installation (with an attachment in the attachments folder); returns the reference. */
export async function submitApplication(d: DeskHarness, chatId: string, nationalId: string): Promise<string> {
  const file = path.join(d.attachmentsDir, `deed-${chatId}.pdf`);
  fs.writeFileSync(file, `%PDF-1.4 deed of ${chatId}\n`);
  await d.h.say("السلام عليكم", chatId);
  await applyUntilSummary(d.h, "tank_installation", { nationalId, chatId, attachment: { fileRef: file, fileName: "صك الملكية.pdf", mimeType: "application/pdf" } });
  const done = plain(textOf(await submitFromSummary(d.h, chatId)));
  const ref = /A\d{2}-\d{5}/.exec(done)?.[0];
  if (!ref) throw new Error(`no reference in: ${done}`);
  return ref;
}

/** A beneficiary asks for a person and says why; returns the handoff's reference. */
export async function openHandoff(d: DeskHarness, chatId: string, words: string): Promise<string> {
  await d.h.say("السلام عليكم", chatId);
  const opened = plain(textOf(await d.h.say({ kind: "choice", value: "menu:human" }, chatId)));
  const ref = /H\d{2}-\d{5}/.exec(opened)?.[0];
  if (!ref) throw new Error(`no handoff reference in: ${opened}`);
  await d.h.say(words, chatId);
  return ref;
}

/** What the beneficiary on `chatId` received, isolates removed. */
export const receivedBy = (d: DeskHarness, chatId: string): string => plain(d.h.sent.filter((s) => s.chatId === chatId).map((s) => s.message.text).join("\n---\n"));

// ---- A browser stand-in for HTTP tests -------------------------------------------

type App = DeskHarness["app"];

/** A browser stand-in: keeps cookies, sends forms, reads the form token and the code challenge. */
export function client(app: App) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  async function request(path: string, init: { form?: Record<string, string>; method?: string; headers?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    }
    const res = await app.request(`http://127.0.0.1${path}`, { method: init.method ?? (init.form ? "POST" : "GET"), headers, ...(body ? { body } : {}) });
    for (const c of res.headers.getSetCookie()) {
      setCookies.push(c);
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (/max-age=0/i.test(c) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return { res, text: await res.text() };
  }
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const challengeOf = (html: string) => /name="challenge" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { jar, setCookies, request, csrfOf, challengeOf };
}

/** Asks for a code as `who`; returns the code form's challenge and token. */
export async function askCode(c: Client, who: string) {
  const login = await c.request("/login");
  const sent = await c.request("/login", { form: { who, _csrf: c.csrfOf(login.text) } });
  expect(sent.res.status).toBe(200);
  return { challenge: c.challengeOf(sent.text), csrf: c.csrfOf(sent.text), page: sent.text };
}

export async function signIn(d: DeskHarness, c: Client, who: string, chatId = who) {
  const { challenge, csrf } = await askCode(c, who);
  const code = await latestCode(d, chatId);
  expect(code).not.toBeNull();
  const r = await c.request("/login/code", { form: { challenge, code: code!, _csrf: csrf } });
  expect(r.res.status).toBe(303);
  return r;
}


export type Client = ReturnType<typeof client>;
