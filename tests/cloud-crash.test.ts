/**
 * `npm start` with WHATSAPP_MODE=cloud against the emulator, as a real
 * process: the bot verifies its webhook, answers a person, and a crash
 * between storing a message and sending its reply loses nothing. The
 * emulator holds the reply's send (Meta not answering), the process is
 * killed with SIGKILL, and the restarted bot sends the reply, once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCloudEmulator, type CloudEmulator } from "../scripts/cloud/emulator";
import { ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN } from "./cloud/world";

const root = fileURLToPath(new URL("..", import.meta.url));
const SARA = "966512345001";
const WAIT = { timeout: 30_000, interval: 50 };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Bot {
  child: ChildProcess;
  out: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/** One process (node with tsx's loader, no wrapper process), so that SIGKILL kills the bot itself. */
function startBot(dir: string, graphUrl: string, port: number, extra: Record<string, string> = {}): Bot {
  const child = spawn(process.execPath, ["--import", "tsx", "bot/main.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dir,
      ORG: "maa",
      LOG_LEVEL: "info",
      WHATSAPP_MODE: "cloud",
      WHATSAPP_CLOUD_ACCESS_TOKEN: ACCESS_TOKEN,
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
      WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_CLOUD_GRAPH_URL: graphUrl,
      WHATSAPP_CLOUD_WEBHOOK_PORT: String(port),
      DESK_ENABLED: "false",
      ...extra,
    },
    stdio: [extra["CONSOLE"] === "on" ? "pipe" : "ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout!.on("data", (d: Buffer) => (out.stdout += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => (out.stderr += d.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, out, exited };
}

let emu: CloudEmulator | null = null;
const bots: Bot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) {
    if (b.child.exitCode === null && b.child.signalCode === null) {
      b.child.kill("SIGKILL");
      await b.exited;
    }
  }
  await emu?.close();
  emu = null;
});

/** Meta subscribes the webhook once the bot listens (a bounded poll of the verification). */
async function subscribed(e: CloudEmulator, port: number, bot: Bot): Promise<void> {
  await vi.waitFor(async () => {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited: ${bot.out.stderr}`);
    expect(await e.subscribe(`http://127.0.0.1:${port}/webhooks/whatsapp`, VERIFY_TOKEN).catch(() => false)).toBe(true);
  }, WAIT);
}

describe("WHATSAPP_MODE=cloud as a process", () => {
  it("runs beside the console in one process (CONSOLE=on): both are answered", async () => {
    emu = await startCloudEmulator({ appSecret: APP_SECRET, accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-cloud-console-"));
    const port = await freePort();
    const bot = startBot(dir, emu.graphUrl, port, { CONSOLE: "on" });
    bots.push(bot);
    await subscribed(emu, port, bot);
    // The start-up block names both channels.
    expect(bot.out.stdout).toMatch(/console/);
    expect(bot.out.stdout).toMatch(/whatsapp_cloud/);
    bot.child.stdin!.write("السلام عليكم\n");
    await vi.waitFor(() => expect(bot.out.stdout).toContain("وعليكم السلام"), WAIT);
    const delivery = await emu.userSends(SARA, { type: "text", text: "Hello" }, { id: "wamid.both-1", name: "Sara" });
    expect(delivery.status).toBe(200);
    await vi.waitFor(() => expect(emu!.inbox(SARA).map((m) => m.text).join("\n")).toMatch(/Welcome|welcome/), WAIT);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 90_000);

  it("stops start-up naming a missing Cloud API variable", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-cloud-cfg-"));
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, WHATSAPP_MODE: "cloud", WHATSAPP_CLOUD_ACCESS_TOKEN: ACCESS_TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain("WHATSAPP_CLOUD_APP_SECRET");
    expect(stderr).toContain("WHATSAPP_CLOUD_PHONE_NUMBER_ID");
    expect(stderr).not.toContain(ACCESS_TOKEN);
  }, 60_000);

  it("loses nothing when killed between storing a message and sending its reply", async () => {
    emu = await startCloudEmulator({ appSecret: APP_SECRET, accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-cloud-crash-"));
    const port = await freePort();
    const first = startBot(dir, emu.graphUrl, port);
    bots.push(first);
    await subscribed(emu, port, first);

    // Meta stops answering sends: the reply is stored, its send hangs.
    emu.holdSends(true);
    const delivery = await emu.userSends(SARA, { type: "text", text: "السلام عليكم" }, { id: "wamid.crash-1", name: "سارة" });
    expect(delivery.status).toBe(200);
    await vi.waitFor(() => expect(emu!.parked).toBeGreaterThan(0), WAIT);
    first.child.kill("SIGKILL");
    await first.exited;
    // The emulator sees the dead process's connection close.
    await vi.waitFor(() => expect(emu!.parked).toBe(0), WAIT);

    const db = new Database(path.join(dir, "sila.sqlite"), { readonly: true });
    try {
      const inbound = db.prepare("select channel, channel_message_id from messages where direction = 'in'").all();
      expect(inbound).toEqual([{ channel: "whatsapp_cloud", channel_message_id: "wamid.crash-1" }]);
      const pending = db.prepare("select count(*) as n from outbox where status = 'pending' and chat_id = ?").get(SARA) as { n: number };
      expect(pending.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    // The held send died with its process: nothing reached the phone.
    emu.holdSends(false);
    await emu.settle();
    expect(emu.inbox(SARA)).toHaveLength(0);

    const second = startBot(dir, emu.graphUrl, port);
    bots.push(second);
    await vi.waitFor(() => expect(emu!.inbox(SARA).length).toBeGreaterThan(0), WAIT);
    await vi.waitFor(() => {
      const db2 = new Database(path.join(dir, "sila.sqlite"), { readonly: true });
      try {
        const pending = db2.prepare("select count(*) as n from outbox where status = 'pending'").get() as { n: number };
        expect(pending.n).toBe(0);
      } finally {
        db2.close();
      }
    }, WAIT);
    const replies = emu.inbox(SARA);
    expect(replies.map((m) => m.text).join("\n")).toContain("وعليكم السلام");
    // Each reply once.
    expect(new Set(replies.map((m) => m.text)).size).toBe(replies.length);
    // Meta delivering the same message again (it was answered 200, but may still) changes nothing.
    await subscribed(emu, port, second);
    const again = await emu.userSends(SARA, { type: "text", text: "السلام عليكم" }, { id: "wamid.crash-1", name: "سارة" });
    expect(again.status).toBe(200);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(emu.inbox(SARA)).toHaveLength(replies.length);
    expect(second.out.stderr).not.toContain(ACCESS_TOKEN);
    expect(second.out.stderr).not.toContain(APP_SECRET);
  }, 120_000);
});
