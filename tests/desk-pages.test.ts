/**
 * The desk's pages at work over HTTP: reports, claims shared with the chat
 * commands, complaints, every page in both languages, and the desk started
 * beside the bot by `npm start`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { auditTrail } from "../bot/staff/audit";
import { createStaffCommands } from "../bot/staff/commands";
import { createLogger } from "../bot/log";
import { plain, textOf, validNationalId } from "./helpers";
import { client, createDeskHarness, DECIDER, openHandoff, receivedBy, RELATIONS, signIn, STAFF_TARGETS, submitApplication, type DeskHarness } from "./desk-setup";

let d: DeskHarness;
afterEach(async () => {
  await d?.close();
});

describe("reports and shared claims", () => {
  it("serves the period report as a page with its charts, and as CSV and HTML downloads", async () => {
    d = await createDeskHarness({ start: false });
    await submitApplication(d, "u1", validNationalId(777));
    const c = client(d.app);
    await signIn(d, c, DECIDER);
    const view = await c.request("/reports/view?from=2026-11-01&to=2026-11-30");
    expect(view.res.status).toBe(200);
    expect(view.text).toContain("<svg");
    expect(view.res.headers.get("Content-Security-Policy")).not.toContain("script-src");
    const csv = await c.request("/reports/download?from=2026-11-01&to=2026-11-30&format=csv");
    expect(csv.res.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.res.headers.get("Content-Disposition")).toContain("attachment");
    expect(csv.text.length).toBeGreaterThan(50);
    const html = await c.request("/reports/download?from=2026-11-01&to=2026-11-30&format=html");
    expect(html.res.headers.get("Content-Disposition")).toMatch(/attachment; filename="sila-report-maa-2026-11-01-2026-11-30\.html"/);
    const bad = await c.request("/reports/view?from=2026-12-01&to=2026-11-01");
    expect(bad.res.status).toBe(303);
  });


  it("shares claims with the chat commands: a ticket claimed or assigned on the desk shows as held in /pending", async () => {
    d = await createDeskHarness({ start: false });
    const ref = await openHandoff(d, "u2", "أبغى أكلم أحد عن الفاتورة");
    const c = client(d.app);
    await signIn(d, c, DECIDER);
    const token = c.csrfOf((await c.request(`/tickets/${ref}`)).text);
    expect((await c.request(`/tickets/${ref}/assign`, { form: { to: `telegram:${RELATIONS}`, _csrf: token } })).res.status).toBe(303);
    const commands = createStaffCommands({
      db: d.h.opened.db, profile: d.h.profile, translator: d.h.sila.translator, staffIds: { telegram: [DECIDER, RELATIONS] },
      staffTargets: STAFF_TARGETS, clock: () => d.h.now(), log: createLogger("silent"),
    });
    const pending = plain((await commands.handleText({ channel: "telegram", userId: RELATIONS }, "/pending")).map((m) => m.text).join("\n"));
    expect(pending).toContain(ref);
    expect(pending).toContain(`telegram:${RELATIONS}`);
    // The other staff chats heard of the assignment.
    await d.h.sila.outbox.drainOnce();
    expect(plain(d.h.sent.filter((s) => s.chatId === "staff").map((s) => s.message.text).join("\n"))).toContain(`أسند telegram:${DECIDER} التذكرة ${ref}`);
  });
});

describe("the handoff inbox", () => {
  it("puts a person who may be in danger on top of the people waiting", async () => {
    d = await createDeskHarness({ start: false });
    const waiting = await openHandoff(d, "u7", "أبغى أكلم أحد عن موعد التركيب");
    await d.h.say("السلام عليكم", "u8");
    await d.h.say("والله تعبت من كل شي ابي انتحر", "u8");
    const urgent = (await d.h.opened.db.selectFrom("tickets").select("reference").where("kind", "=", "urgent").executeTakeFirstOrThrow()).reference;
    const c = client(d.app);
    await signIn(d, c, RELATIONS);
    const inbox = plain((await c.request("/inbox")).text);
    expect(inbox).toContain(waiting);
    expect(inbox).toContain(urgent);
    expect(inbox.indexOf(urgent)).toBeLessThan(inbox.indexOf(waiting));
  });
});

describe("complaints on the desk", () => {
  it("lists a complaint with its photo, answers it on the beneficiary's channel, closes it, and serves the photo only with a session", async () => {
    d = await createDeskHarness({ start: false });
    const photo = path.join(d.attachmentsDir, "tank.jpg");
    fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await d.h.say("السلام عليكم", "u5");
    await d.h.say("4", "u5");
    await d.h.say("1", "u5");
    const filed = plain(textOf(await d.h.say({ kind: "media", mediaType: "image", fileRef: photo, mimeType: "image/jpeg", caption: "الخزان مكسور من أسبوع" }, "u5")));
    const ref = /C\d{2}-\d{5}/.exec(filed)![0];
    const c = client(d.app);
    await signIn(d, c, RELATIONS);
    const list = await c.request("/tickets");
    expect(plain(list.text)).toContain(ref);
    expect(list.text).toContain("الخزان مكسور من أسبوع");
    const page = await c.request(`/tickets/${ref}`);
    const token = c.csrfOf(page.text);
    const image = await c.request(`/tickets/${ref}/file`);
    expect(image.res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(image.res.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect((await client(d.app).request(`/tickets/${ref}/file`)).res.status).toBe(303);
    expect((await c.request(`/tickets/${ref}/reply`, { form: { text: "نعتذر، سيصلكم الفني غداً", _csrf: token } })).res.status).toBe(303);
    expect((await c.request(`/tickets/${ref}/close`, { form: { _csrf: token } })).res.status).toBe(303);
    await d.h.sila.outbox.drainOnce();
    expect(receivedBy(d, "u5")).toContain("نعتذر، سيصلكم الفني غداً");
    expect((await c.request("/tickets")).text).not.toContain(`/tickets/${ref}"`);
    expect(plain((await c.request("/tickets?status=closed")).text)).toContain(ref);
    const trail = (await auditTrail(d.h.opened.db, { target: ref })).map((a) => a.action);
    expect(trail).toEqual(expect.arrayContaining(["show", "attachment", "reply", "close"]));
  });
});

describe("every page, in Arabic and English", () => {
  it("renders every text from the locale files: no placeholder or key left over", async () => {
    d = await createDeskHarness({ start: false });
    const app = await submitApplication(d, "u1", validNationalId(99));
    const handoff = await openHandoff(d, "u2", "أحتاج موظف");
    const c = client(d.app);
    await signIn(d, c, DECIDER);
    await c.request(`/tickets/${handoff}/reply`, { form: { text: "مرحباً", _csrf: c.csrfOf((await c.request(`/tickets/${handoff}`)).text) } });
    await d.h.sila.outbox.drainOnce();
    const pages = ["/applications", "/applications?status=all&age=overdue", `/applications/${app}`, "/inbox", "/tickets?status=all", `/tickets/${handoff}`, "/reports", "/nowhere"];
    const leftover = /\{\{|\b(?:desk|queue|file|ticket|tickets|inbox|login|nav|reports|status|kind|channel|actor|decide|lang|refused|notFound|failed)\.[a-z][a-zA-Z_.]*\b/;
    for (const lng of ["ar", "en"]) {
      await c.request(`/lang?to=${lng}&back=/`);
      for (const path of pages) {
        const r = await c.request(path);
        const visible = r.text.replace(/<[^>]+>/g, " ");
        expect([lng, path, leftover.exec(visible)?.[0] ?? null]).toEqual([lng, path, null]);
        expect(r.text).toContain(`<html lang="${lng}" dir="${lng === "ar" ? "rtl" : "ltr"}">`);
      }
    }
  });
});

describe("the desk beside the bot (npm start)", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const start = (env: Record<string, string>, input: string) =>
    spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      input,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "sila-desk-main-")), ORG: "maa", ...env },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("prints the desk's address, and piped input still ends the process", () => {
    const r = start({ DESK_PORT: "0", DESK_STAFF: "amal" }, "السلام عليكم\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/مكتب الموظفين: http:\/\/127\.0\.0\.1:\d+\//);
    expect(r.stdout).toContain("وعليكم السلام");
  }, 60_000);

  it("says in one line that the port is taken, and the bot runs on without the desk", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as net.AddressInfo).port;
      const r = start({ DESK_PORT: String(port) }, "السلام عليكم\n");
      expect(r.status).toBe(0);
      const lines = r.stdout.split("\n").filter((l) => l.includes(`127.0.0.1:${port}`));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("مستخدم");
      expect(r.stdout).toContain("وعليكم السلام");
    } finally {
      taken.close();
    }
  }, 60_000);

  it("starts no desk with DESK_ENABLED=false", () => {
    const r = start({ DESK_ENABLED: "false" }, "مرحبا\n");
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("مكتب الموظفين");
  }, 60_000);
});

