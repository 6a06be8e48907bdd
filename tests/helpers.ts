/**
 * A real Sila for tests: a temp SQLite file migrated to latest, a real
 * profile, a clock the test controls, and a console sender that records
 * what would have been sent.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDb } from "../db";
import { loadProfile } from "../orgs/load";
import { createSila, type Sila, type SilaOptions } from "../bot/app";
import { createLogger } from "../bot/log";
import type { ChannelSender, InboundContent, OutboundMessage } from "../bot/channels/types";
import type { Profile } from "../orgs/schema";
import { nationalIdCheckDigit } from "../flows/validate";

export interface Sent {
  chatId: string;
  message: OutboundMessage;
}

export interface Harness {
  file: string;
  dir: string;
  opened: OpenedDb;
  sila: Sila;
  profile: Profile;
  sent: Sent[];
  /** Sends a message as `chatId` and returns the replies to that chat. */
  say(content: string | InboundContent, chatId?: string, messageId?: string): Promise<OutboundMessage[]>;
  setNow(d: Date): void;
  now(): Date;
  close(): Promise<void>;
}

/** Sunday 23 Nov 2026, 12:00 in Riyadh: inside working hours. */
export const SUNDAY_NOON = new Date("2026-11-22T09:00:00Z");

export const SECRET = Buffer.alloc(32, 7);

export async function createHarness(
  options: { org?: string; file?: string; now?: Date; sila?: Partial<SilaOptions>; profile?: Profile } = {},
): Promise<Harness> {
  const dir = options.file ? path.dirname(options.file) : fs.mkdtempSync(path.join(os.tmpdir(), "sila-test-"));
  const file = options.file ?? path.join(dir, "sila.sqlite");
  const opened = await openDatabase(file);
  // A profile a test changed (a partner with a verified contact, a chat for hand-overs), else the shipped one.
  const profile = options.profile ?? loadProfile(options.org ?? "maa");
  let now = options.now ?? SUNDAY_NOON;
  const sent: Sent[] = [];
  let out = 0;
  const sender: ChannelSender = {
    name: "console",
    async send(chatId, message) {
      sent.push({ chatId, message });
      return { messageId: `out-${++out}` };
    },
  };
  const sila = createSila({
    db: opened.db,
    sqlite: opened.sqlite,
    profile,
    secretKey: SECRET,
    senders: [sender],
    clock: () => now,
    log: createLogger("silent"),
    // The test clock stands still, so every message would count as one burst.
    floodPerMinute: Number.POSITIVE_INFINITY,
    ...options.sila,
  });
  let n = 0;
  const prefix = Math.random().toString(36).slice(2, 8);
  return {
    file,
    dir,
    opened,
    sila,
    profile,
    sent,
    async say(content, chatId = "u1", messageId) {
      const before = sent.length;
      await sila.engine.handle({
        channel: "console",
        chatId,
        messageId: messageId ?? `${prefix}-${++n}`,
        receivedAt: now,
        content: typeof content === "string" ? { kind: "text", text: content } : content,
      });
      await sila.outbox.drainOnce();
      return sent.slice(before).filter((s) => s.chatId === chatId).map((s) => s.message);
    },
    setNow(d) {
      now = d;
    },
    now: () => now,
    async close() {
      await sila.outbox.stop();
      await opened.close();
    },
  };
}

/** A valid national ID (or Iqama with first digit 2) built from a seed. */
export function validNationalId(seed: number, first: "1" | "2" = "1"): string {
  const body = first + String(seed).padStart(8, "0").slice(-8);
  return body + String(nationalIdCheckDigit(body));
}

/** All reply texts joined, for assertions. */
export const textOf = (replies: OutboundMessage[]): string =>
  replies.map((r) => [r.text, ...(r.choices ?? []).map((c) => c.label)].join("\n")).join("\n---\n");

/** Strips Unicode isolates so assertions can look for plain values. */
export const plain = (s: string): string => s.replace(/[\u2066-\u2069]/g, "");

/**
 * Answers every question of `programId`'s form with a valid answer, the way
 * a beneficiary would type it; returns the replies of the last answer.
 */
export async function fillForm(
  h: Harness,
  programId: string,
  answers: { nationalId: string; chatId?: string; locale?: "ar" | "en"; attachment?: { fileRef: string; fileName: string; mimeType: string } },
): Promise<OutboundMessage[]> {
  const chatId = answers.chatId ?? "u1";
  const program = h.profile.programs.find((p) => p.id === programId)!;
  const en = answers.locale === "en";
  let last = await h.say(en ? "Mohammed Abdullah Alharbi" : "محمد عبدالله الحربي", chatId);
  last = await h.say(answers.nationalId, chatId);
  last = await h.say("0551234567", chatId);
  last = await h.say(en ? "Buraydah" : "بريدة", chatId);
  // A date of birth within the program's age limits (an adult of 20 for a youth program).
  last = await h.say(program.maxAge !== undefined && program.maxAge < 36 ? "20/05/2006" : "1410/05/20", chatId);
  let consented = false;
  for (const f of program.fields) {
    if (f.sensitive && !consented) {
      last = await h.say("1", chatId); // explicit consent for sensitive data
      consented = true;
    }
    switch (f.type) {
      case "text":
        last = await h.say(en ? "Sample answer" : "إجابة تجريبية", chatId);
        break;
      case "number":
        last = await h.say(String(f.min ?? 1), chatId);
        break;
      case "choice":
      case "yesno":
        last = await h.say("1", chatId);
        break;
      case "date":
        last = await h.say(f.when === "future" ? "1450/01/01" : "1445/01/01", chatId);
        break;
      case "location":
        last = await h.say(en ? "Al Nakheel district" : "حي النخيل", chatId);
        break;
      case "phone":
        last = await h.say("0561234567", chatId);
        break;
      case "nationalId":
        last = await h.say(validNationalId(424242), chatId);
        break;
      case "attachment":
        last = await h.say(
          { kind: "media", mediaType: "document", fileRef: "/tmp/doc.pdf", mimeType: "application/pdf", fileName: "doc.pdf", size: 2048, ...answers.attachment },
          chatId,
        );
        break;
    }
  }
  return last;
}

/** From the menu: apply to `programId` and fill the form, stopping at the summary. */
export async function applyUntilSummary(
  h: Harness,
  programId: string,
  answers: Parameters<typeof fillForm>[2],
): Promise<OutboundMessage[]> {
  const chatId = answers.chatId ?? "u1";
  const open = h.profile.programs.filter((p) => p.open);
  await h.say("1", chatId);
  if (open.length > 1) await h.say(String(open.findIndex((p) => p.id === programId) + 1), chatId);
  await h.say("1", chatId); // accept the privacy notice
  return fillForm(h, programId, answers);
}

/** Submits from the summary: send, attest, accept the terms. */
export async function submitFromSummary(h: Harness, chatId = "u1"): Promise<OutboundMessage[]> {
  await h.say("1", chatId);
  await h.say("1", chatId);
  return h.say("1", chatId);
}

/** Greets, chooses "apply", the first program and accepts the privacy notice: the form's first question is next. */
export async function openForm(h: Harness, chatId = "u1"): Promise<OutboundMessage[]> {
  await h.say("السلام عليكم", chatId);
  await h.say("1", chatId);
  if (h.profile.programs.filter((p) => p.open).length > 1) await h.say("1", chatId);
  return h.say("1", chatId);
}

/** Runs a script of `scripts/` as npm would (tsx) and collects its exit status and output. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts", script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
