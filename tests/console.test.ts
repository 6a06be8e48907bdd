import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadProfile } from "../orgs/load";
import { validNationalId } from "./helpers";
import { parseConsoleControl, parseConsoleLine } from "../bot/channels/console";
import { createClock, parseTimeCommand } from "../bot/clock";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The lines a beneficiary would type to apply to the first program of `org`. */
function script(org: string, dir: string): string[] {
  const profile = loadProfile(org);
  const program = profile.programs.filter((p) => p.open)[0]!;
  const doc = path.join(dir, "deed.pdf");
  fs.writeFileSync(doc, "%PDF-1.4 test");
  const lines = ["السلام عليكم", "1"];
  if (profile.programs.filter((p) => p.open).length > 1) lines.push("1");
  lines.push("1", "محمد عبدالله الحربي", validNationalId(13572468), "0551234567", "بريدة", "1410/05/20");
  let consented = false;
  for (const f of program.fields) {
    if (f.sensitive && !consented) {
      lines.push("1");
      consented = true;
    }
    if (!f.required) {
      lines.push("تخطي");
      continue;
    }
    lines.push(
      f.type === "number" ? String(f.min ?? 1)
      : f.type === "choice" || f.type === "yesno" ? "1"
      : f.type === "date" ? "1445/01/01"
      : f.type === "phone" ? "0561234567"
      : f.type === "nationalId" ? validNationalId(24681357)
      : f.type === "attachment" ? `/file ${doc}`
      : "إجابة تجريبية",
    );
  }
  lines.push("1", "1", "1");
  return lines;
}

/** Runs `npm start`'s program on piped `lines` in a fresh data folder; returns what it printed. */
function runConsole(lines: string[], dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
    cwd: root,
    input: lines.join("\n") + "\n",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, ORG: "maa", ...env },
    encoding: "utf8",
    timeout: 90_000,
  });
  return { ...result, out: result.stdout.replace(/[\u2066-\u2069]/g, "") };
}

/** The part of the output after the line echoing `> line`, up to the next echoed line. */
function after(out: string, line: string): string {
  const start = out.indexOf(`> ${line}\n`);
  expect(start, `the echo of «${line}»`).toBeGreaterThanOrEqual(0);
  const rest = out.slice(start + line.length + 3);
  const next = rest.search(/^> /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe("the console's clock", () => {
  it("reads /time: Riyadh wall-clock times, dates alone, and moves", () => {
    expect(parseTimeCommand("")).toEqual({ kind: "show" });
    expect(parseTimeCommand("2027-09-23T10:00")).toEqual({ kind: "set", at: new Date("2027-09-23T07:00:00Z") });
    expect(parseTimeCommand("2027-09-23 7:05")).toEqual({ kind: "set", at: new Date("2027-09-23T04:05:00Z") });
    expect(parseTimeCommand("2027-09-23")).toEqual({ kind: "set", at: new Date("2027-09-23T06:00:00Z") });
    expect(parseTimeCommand("+3d")).toEqual({ kind: "move", ms: 3 * 86_400_000 });
    expect(parseTimeCommand("+1d12h")).toEqual({ kind: "move", ms: 36 * 3_600_000 });
    expect(parseTimeCommand("-90m")).toEqual({ kind: "move", ms: -90 * 60_000 });
    for (const bad of ["2027-02-30", "2027-13-01", "tomorrow", "+3", "3d", "2027-09-23T25:00"]) expect(parseTimeCommand(bad), bad).toBeNull();
  });

  it("keeps going from where it was set or moved", () => {
    let wall = Date.parse("2026-12-06T12:00:00Z");
    const clock = createClock(() => wall);
    expect(clock.shifted).toBe(false);
    clock.set(new Date("2027-01-01T00:00:00Z"));
    wall += 60_000;
    expect(clock.now().toISOString()).toBe("2027-01-01T00:01:00.000Z");
    clock.advance(86_400_000);
    expect(clock.now().toISOString()).toBe("2027-01-02T00:01:00.000Z");
    expect(clock.shifted).toBe(true);
  });

  it("tells console instructions from a beneficiary's messages", () => {
    expect(parseConsoleControl("/time +3d")).toEqual({ kind: "time", arg: "+3d" });
    expect(parseConsoleControl("/staff /decide A26-00001 approve")).toEqual({ kind: "staff", command: "/decide A26-00001 approve" });
    expect(parseConsoleControl("/staff")).toEqual({ kind: "staff", command: "/help" });
    expect(parseConsoleControl("/timetable")).toBeNull();
    expect(parseConsoleControl("متى الوقت")).toBeNull();
  });
});

describe("the console channel", () => {
  it("parses console stand-ins for media, contacts and voice notes", () => {
    expect(parseConsoleLine("/voice")).toMatchObject({ kind: "media", mediaType: "voice" });
    expect(parseConsoleLine("/contact +966551234567")).toMatchObject({ kind: "contact", phone: "+966551234567" });
    // The type is read from the file's bytes, not its name.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-console-file-"));
    fs.writeFileSync(path.join(dir, "x.pdf"), "%PDF-1.4 test");
    fs.writeFileSync(path.join(dir, "page.pdf"), "<html><script>alert(1)</script></html>");
    expect(parseConsoleLine(`/file ${path.join(dir, "x.pdf")}`)).toMatchObject({ kind: "media", mediaType: "document", mimeType: "application/pdf" });
    expect(parseConsoleLine(`/file ${path.join(dir, "page.pdf")}`)).toMatchObject({ kind: "media", mimeType: "application/octet-stream" });
    expect(parseConsoleLine("/file missing.pdf")).toMatchObject({ kind: "media", mimeType: "application/octet-stream" });
    expect(parseConsoleLine("مرحبا")).toEqual({ kind: "text", text: "مرحبا" });
  });

  it("runs `npm start` on piped input: a scripted Arabic conversation submits an application", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-console-"));
    const input = script("maa", dir).join("\n") + "\n";
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      input,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, ORG: "maa", LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = result.stdout.replace(/[\u2066-\u2069]/g, "");
    expect(out).toContain("وعليكم السلام");
    const ref = /A\d{2}-\d{5}/.exec(out)?.[0];
    expect(ref).toBeDefined();
    expect(out).toContain("[staff]");

    const db = new Database(path.join(dir, "sila.sqlite"), { readonly: true });
    try {
      const app = db.prepare("select * from applications where reference = ?").get(ref) as { attested_at: string; status: string };
      expect(app.status).toBe("submitted");
      expect(app.attested_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      const alert = db.prepare("select * from messages where direction = 'out' and chat_id = 'staff' and body like ?").get(`%${ref}%`) as { status: string };
      expect(alert.status).toBe("sent");
      const pending = db.prepare("select count(*) as n from outbox where status != 'sent'").get() as { n: number };
      expect(pending.n).toBe(0);
    } finally {
      db.close();
    }
  }, 90_000);

  it("has a clock of its own and takes staff commands: a decision notice, then a survey the scheduler sends", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-console-"));
    const profile = loadProfile("maa");
    const program = profile.programs.filter((p) => p.open)[0]!;
    // A Monday morning in Riyadh, so the reference is A26-00001 and nothing waits for the quiet hours.
    const lines = [
      "/time 2026-12-07T10:00",
      ...script("maa", dir),
      "/staff /pending",
      "/staff /decide A26-00001 approve",
      "/time",
      `/time +${program.durationDays + 1}d`,
      "5",
    ];
    const result = runConsole(lines, dir, { LOG_LEVEL: "info" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = result.out;

    // Start-up says what runs, in one block; the logs went to a file, not into the conversation.
    const banner = out.slice(0, out.indexOf("> "));
    expect(banner).toContain("ماء");
    expect(banner).toContain("console");
    expect(banner).toContain(path.join(dir, "sila.sqlite"));
    expect(banner).toContain(path.join(dir, "sila.log"));
    expect(out).not.toContain('"level"');
    const log = fs.readFileSync(path.join(dir, "sila.log"), "utf8");
    expect(log).toContain('"msg":"sila started"');
    expect(fs.statSync(path.join(dir, "sila.log")).mode & 0o077).toBe(0);

    // The clock was set: dates the bot tells are on it (Hijri and Gregorian).
    expect(after(out, "/time 2026-12-07T10:00")).toMatch(/7 ديسمبر 2026/);
    expect(out).toContain("A26-00001");
    expect(after(out, "/staff /pending")).toContain("[staff]");
    expect(after(out, "/staff /pending")).toContain("A26-00001");

    // The staff decision, typed at the console, reaches the beneficiary's conversation.
    const decided = after(out, "/staff /decide A26-00001 approve");
    expect(decided).toMatch(/^\[staff\]/m);
    expect(decided).toMatch(/^(?!\[staff\]).*(قبول|تهانينا|مقبول)/m);

    // Past the enrolment's end, the scheduler sends the satisfaction survey into the same conversation.
    const moved = after(out, `/time +${program.durationDays + 1}d`);
    expect(moved).toContain("🕒");
    expect(moved).toMatch(/رضا|تقييم|استبيان/);
    const db = new Database(path.join(dir, "sila.sqlite"), { readonly: true });
    try {
      const survey = db.prepare("select status, answered_at from surveys where kind = 'program'").get() as { status: string } | undefined;
      expect(survey).toBeDefined();
      const answers = db.prepare("select count(*) as n from survey_answers").get() as { n: number };
      expect(answers.n).toBeGreaterThan(0);
      const sent = db.prepare("select sent_at from surveys where kind = 'program'").get() as { sent_at: string };
      expect(sent.sent_at.slice(0, 10) > "2027-01-01").toBe(true);
    } finally {
      db.close();
    }
  }, 120_000);

  it("holds a decision notice through the quiet hours and shows it when the console's clock reaches the morning", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-console-"));
    const lines = ["/time 2026-12-07T23:30", ...script("maa", dir), "/staff /decide A26-00001 approve", "موظف", "/time 2026-12-08T09:30"];
    const result = runConsole(lines, dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const night = after(result.out, "/staff /decide A26-00001 approve");
    expect(night).toContain("[staff]");
    expect(night).not.toContain("🎉");
    // Working hours are told on the console's clock too: the next opening is the next morning.
    expect(after(result.out, "موظف")).toContain("8 ديسمبر 2026");
    const morning = after(result.out, "/time 2026-12-08T09:30");
    expect(morning).toContain("🎉");
    expect(morning).toContain("A26-00001");
  }, 120_000);

  it("stops with a message naming a wrong variable", () => {
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      input: "",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ATTACHMENT_MAX_MB: "lots" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("ATTACHMENT_MAX_MB");
  }, 90_000);
});
