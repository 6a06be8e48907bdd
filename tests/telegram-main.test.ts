import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeBotApi } from "./telegram/fake-bot-api";
import { BENEFICIARY, STAFF_GROUP, STAFF_USER, TOKEN } from "./telegram/fixtures";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("npm start with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT", () => {
  const api = new FakeBotApi(TOKEN);
  beforeAll(() => api.start());
  afterAll(() => api.close());

  it("serves Telegram (not the console), answers a beneficiary, and shuts down on SIGTERM", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-tg-main-"));
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dir,
        ORG: "maa",
        LOG_LEVEL: "info",
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.url,
        TELEGRAM_STAFF_CHAT_ID: String(STAFF_GROUP),
        TELEGRAM_STAFF_USER_IDS: String(STAFF_USER.id),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await api.say(BENEFICIARY, "السلام عليكم");
      await vi.waitFor(() => expect(api.to(BENEFICIARY.id).map((m) => m.text).join("\n")).toContain("وعليكم السلام"), {
        timeout: 30_000,
        interval: 50,
      });
      const welcome = api.to(BENEFICIARY.id).at(-1)!;
      expect(welcome.reply_markup?.inline_keyboard?.length).toBeGreaterThan(3);
      expect(stderr).toContain('"channels":["telegram"]');
      expect(stdout).not.toContain("تقديم طلب"); // nothing went to the console
      // A handoff alerts the staff group.
      await api.say(BENEFICIARY, "موظف");
      await vi.waitFor(() => expect(api.to(STAFF_GROUP).length).toBeGreaterThan(0), { timeout: 30_000, interval: 50 });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('"stopped"');
    expect(stderr).not.toContain(TOKEN);
  }, 90_000);
});
