/**
 * The Telegram webhook: it does not start without a secret token, and a request body over the
 * limit is refused before it is read (a 150 MB POST never reaches the process's memory). Through
 * `npm start` and the Telegram channel against a Bot API server on 127.0.0.1.
 */
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createWorld, tgText, type World } from "./security/world";
import { startMain } from "./security/main";
import type { FakeUser } from "./telegram/fake-bot-api";

const SECRET = "webhook_Secret-123";
const HUGE = 150 * 1024 * 1024;

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

/**
 * POSTs `total` bytes to the webhook, writing only as fast as the server reads (backpressure), and
 * stops when an answer comes. Resolves with the status and how many bytes were handed to the socket.
 */
function post(address: { host: string; port: number }, options: { total: number; declareLength: boolean; secret: string | null }) {
  return new Promise<{ status: number | null; written: number }>((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let status: number | null = null;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      resolve({ status, written });
    };
    const req = http.request({
      host: address.host,
      port: address.port,
      path: "/telegram/hook",
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        ...(options.declareLength ? { "content-length": String(options.total) } : {}),
        ...(options.secret ? { "x-telegram-bot-api-secret-token": options.secret } : {}),
      },
    });
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.resume();
      req.destroy();
      done();
    });
    // The server hung up after answering: the answer may still be on its way.
    req.on("error", () => setImmediate(done));
    req.on("close", () => setImmediate(done));
    const pump = () => {
      while (status === null && !finished && written < options.total) {
        const ok = req.write(chunk);
        written += chunk.length;
        if (!ok) {
          req.once("drain", pump);
          return;
        }
      }
      if (written >= options.total) req.end();
    };
    pump();
  });
}

describe("Telegram webhook", () => {
  it("does not start without TELEGRAM_WEBHOOK_SECRET, and says which variable is missing", async () => {
    const r = await startMain(
      {
        DATA_DIR: "/tmp/sila-never-created",
        CONSOLE: "off",
        TELEGRAM_BOT_TOKEN: "123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop",
        TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram/hook",
      },
      "",
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("TELEGRAM_WEBHOOK_SECRET");
    expect(r.stderr).not.toContain("AAFakeTokenForTestsOnly");
  }, 60_000);

  it("refuses a 150 MB body with 413 before reading it, declared or streamed, and goes on taking updates", async () => {
    const w = (world = await createWorld({ webhookSecret: SECRET }));
    const address = w.telegram.webhookAddress()!;
    expect(w.api.webhook).toMatchObject({ secret: SECRET });

    const declared = await post(address, { total: HUGE, declareLength: true, secret: SECRET });
    expect(declared.status).toBe(413);
    expect(declared.written).toBeLessThan(HUGE / 10);

    const streamed = await post(address, { total: HUGE, declareLength: false, secret: SECRET });
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(HUGE / 10);

    // Without the secret nothing is read at all.
    const forged = await post(address, { total: HUGE, declareLength: false, secret: null });
    expect(forged.status).toBe(401);
    expect(forged.written).toBeLessThan(HUGE / 10);

    const user: FakeUser = { id: 5401, first_name: "ريم", language_code: "ar" };
    expect(tgText(await w.tg(user, "السلام عليكم"))).toContain("وعليكم السلام");
  });
});
