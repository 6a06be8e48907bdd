import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { openDatabase } from "../db";

const root = fileURLToPath(new URL("..", import.meta.url));

function startBot(dir: string) {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, ORG: "maa", LOG_LEVEL: "info" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d: Buffer) => (out.stdout += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (out.stderr += d.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, out, exited };
}

describe("graceful shutdown and start-up", () => {
  it("on SIGTERM finishes the turn in hand, flushes the outbox and exits cleanly", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-shutdown-"));
    const bot = startBot(dir);
    bot.child.stdin.write("السلام عليكم\n");
    await vi.waitFor(() => expect(bot.out.stdout).toContain("وعليكم السلام"), { timeout: 30_000, interval: 50 });
    // Input stays open, as on a server: only the signal ends the process.
    bot.child.stdin.write("1\n");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    // On the console, logs go to a file beside the database, not into the conversation.
    expect(bot.out.stderr).toBe("");
    const log = fs.readFileSync(path.join(dir, "sila.log"), "utf8");
    expect(log).toContain('"shutting down"');
    expect(log).toContain('"stopped"');
    const db = new Database(path.join(dir, "sila.sqlite"), { readonly: true });
    try {
      const pending = db.prepare("select count(*) as n from outbox where status = 'pending'").get() as { n: number };
      expect(pending.n).toBe(0);
      const inbound = db.prepare("select count(*) as n from messages where direction = 'in'").get() as { n: number };
      const processed = db.prepare("select count(*) as n from messages where direction = 'in' and status = 'processed'").get() as { n: number };
      expect(processed.n).toBe(inbound.n);
    } finally {
      db.close();
    }
  }, 60_000);

  it("delivers outbox rows left pending by a previous run when it starts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-resume-"));
    const { db, close } = await openDatabase(path.join(dir, "sila.sqlite"));
    const at = new Date().toISOString();
    await db
      .insertInto("outbox")
      .values({
        contact_id: null, audience: "beneficiary", channel: "console", chat_id: "local",
        payload: JSON.stringify({ text: "رسالة بقيت من التشغيل السابق" }), status: "pending", attempts: 0,
        next_attempt_at: at, last_error: null, dedupe_key: null, created_at: at, sent_at: null,
      })
      .execute();
    await close();
    const bot = startBot(dir);
    bot.child.stdin.end("السلام عليكم\n");
    expect(await bot.exited).toBe(0);
    expect(bot.out.stdout).toContain("رسالة بقيت من التشغيل السابق");
  }, 60_000);
});
