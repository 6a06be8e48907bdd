/**
 * Cloud API: the WhatsApp Cloud API adapter sending through the outbox
 * against the emulator of Meta's side (scripts/cloud/emulator.ts, run as its
 * own process, as Meta is not in ours) at the emulator's throughput limit, in
 * real time over real HTTP on 127.0.0.1.
 * N messages are queued to `chats` people who wrote within the window; the
 * adapter paces itself at the same rate; every status callback comes back to
 * the webhook and is recorded. Measured: the rate the emulator accepted
 * (first to last accepted send) against its limit, and what was lost (not
 * accepted, refused, failed, or not confirmed delivered).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db";
import { loadProfile } from "../../orgs/load";
import { createSila, DEFAULT_ATTACHMENT_TYPES } from "../../bot/app";
import { createWhatsAppCloudChannel } from "../../bot/channels/whatsapp-cloud";
import { createLogger } from "../../bot/log";
import type { EmulatorStats } from "../cloud/emulator";

export interface CloudBenchResult {
  messages: number;
  chats: number;
  rate: number;
  /** Sends the emulator accepted, and their rate from the first to the last. */
  accepted: number;
  achievedPerSecond: number;
  /** achievedPerSecond ÷ rate. */
  share: number;
  /** Refusals by code (130429: over the throughput). */
  refused: Record<number, number>;
  /** Messages not accepted, failed, still pending, or without a "delivered" status recorded. */
  lost: number;
  delivered: number;
  realSeconds: number;
}

const SECRET = Buffer.alloc(32, 9);
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const TOKEN = "EAAGbenchTokenForTheEmulator123456789";
const PHONE_ID = "106540352242922";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The emulator as a child process, driven over its control API. */
async function emulatorProcess(rate: number): Promise<{ graphUrl: string; child: ChildProcess; call<T>(path: string, body?: unknown): Promise<T> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/cloud-emulator.ts", "--rate", String(rate)], {
    cwd: ROOT,
    env: { ...process.env, WHATSAPP_CLOUD_APP_SECRET: APP_SECRET, WHATSAPP_CLOUD_ACCESS_TOKEN: TOKEN, WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_ID },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const graphUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const line = out.split("\n")[0]!;
      if (out.includes("\n")) resolve((JSON.parse(line) as { graphUrl: string }).graphUrl);
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code})`)));
  });
  return {
    graphUrl,
    child,
    async call<T>(p: string, body?: unknown): Promise<T> {
      const res = await fetch(`${graphUrl}/_emulator/${p}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return (await res.json()) as T;
    },
  };
}

export async function runCloud(o: { dir: string; messages: number; chats: number; rate: number }): Promise<CloudBenchResult> {
  const emu = await emulatorProcess(o.rate);
  const opened = await openDatabase(path.join(o.dir, `cloud-${o.messages}-${o.rate}.sqlite`));
  const profile = loadProfile("maa");
  const log = createLogger("warn");
  const sila = createSila({ db: opened.db, sqlite: opened.sqlite, profile, secretKey: SECRET, log, outbox: { baseDelayMs: 200 } });
  const channel = createWhatsAppCloudChannel({
    token: TOKEN,
    phoneNumberId: PHONE_ID,
    appSecret: APP_SECRET,
    verifyToken: "bench-verify-token",
    graphUrl: emu.graphUrl,
    apiVersion: "v26.0",
    webhook: { host: "127.0.0.1", port: 0 },
    dataDir: o.dir,
    attachments: { maxBytes: 1024 * 1024, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    translator: sila.translator,
    ratePerSecond: o.rate,
    log,
  });
  sila.addSender(channel);
  const t0 = performance.now();
  try {
    await channel.start(async () => undefined, (s) => sila.notices.recordStatus(s));
    const sub = await emu.call<{ ok: boolean }>("subscribe", { url: `http://127.0.0.1:${channel.address()!.port}/webhooks/whatsapp`, verifyToken: "bench-verify-token" });
    if (!sub.ok) throw new Error("the emulator could not verify the webhook");
    const chats = Array.from({ length: o.chats }, (_, i) => String(966_500_000_000 + i));
    await emu.call("open-window", { numbers: chats });
    const at = new Date().toISOString();
    await opened.db.transaction().execute(async (trx) => {
      for (let i = 0; i < o.messages; i++) {
        await trx
          .insertInto("outbox")
          .values({
            contact_id: null,
            audience: "beneficiary",
            channel: "whatsapp_cloud",
            chat_id: chats[i % chats.length]!,
            payload: JSON.stringify({ text: `رسالة رقم #${i}` }),
            status: "pending",
            attempts: 0,
            next_attempt_at: at,
            last_error: null,
            dedupe_key: null,
            created_at: at,
            sent_at: null,
          })
          .execute();
      }
    });
    // Until every row is sent or failed (retries included), then the callbacks.
    for (;;) {
      await sila.outbox.drainOnce();
      const left = await opened.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "pending").executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await emu.call("settle", {});
    await channel.idle();
    const realSeconds = (performance.now() - t0) / 1000;
    const sent = await opened.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "sent").executeTakeFirstOrThrow();
    const delivered = await opened.db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("direction", "=", "out")
      .where("status", "=", "delivered")
      .executeTakeFirstOrThrow();
    const stats = await emu.call<EmulatorStats>("stats");
    const accepted = stats.accepted;
    const spanMs = stats.lastAcceptAt - stats.firstAcceptAt;
    const achievedPerSecond = accepted > 1 && spanMs > 0 ? ((accepted - 1) * 1000) / spanMs : NaN;
    const lost = Math.max(o.messages - Number(sent.n), o.messages - accepted, o.messages - Number(delivered.n));
    return {
      messages: o.messages,
      chats: o.chats,
      rate: o.rate,
      accepted,
      achievedPerSecond,
      share: achievedPerSecond / o.rate,
      refused: { ...stats.refused },
      lost,
      delivered: Number(delivered.n),
      realSeconds,
    };
  } finally {
    await channel.stop();
    await sila.outbox.stop();
    await opened.close();
    emu.child.kill("SIGTERM");
  }
}
