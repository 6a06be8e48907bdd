/**
 * The Telegram adapter with a real grammY Bot: updates go in through
 * `bot.handleUpdate`, every outgoing call is caught by an API transformer.
 */
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions, type TelegramStaff } from "../bot/channels/telegram";
import { createRateLimiter, DEFAULT_LIMITS } from "../bot/channels/telegram/limiter";
import { CallbackCodec, splitText } from "../bot/channels/telegram/render";
import { normalizePhone } from "../bot/channels/telegram/inbound";
import type { InboundMessage } from "../bot/channels/types";
import { ChannelError } from "../bot/errors";
import { createTranslator } from "../bot/i18n";
import { createLogger } from "../bot/log";
import { DEFAULT_ATTACHMENT_TYPES } from "../bot/app";
import { findReference, isStaffCommand } from "../bot/staff/parse";
import type { StaffActor } from "../bot/staff/types";
import {
  BENEFICIARY,
  BOT_INFO,
  STAFF_GROUP,
  STAFF_USER,
  STRANGER,
  TOKEN,
  callbackUpdate,
  captureApi,
  groupText,
  messageUpdate,
  sends,
  textUpdate,
  type ApiCall,
  type Responder,
} from "./telegram/fixtures";

const translator = createTranslator();

/** A stand-in staff workspace that records what reaches it. */
function recordingStaff(): TelegramStaff & { texts: { actor: StaffActor; text: string }[]; actions: { actor: StaffActor; value: string }[] } {
  const texts: { actor: StaffActor; text: string }[] = [];
  const actions: { actor: StaffActor; value: string }[] = [];
  return {
    texts,
    actions,
    isStaff: (a) => a.channel === "telegram" && a.userId === String(STAFF_USER.id),
    isCommand: isStaffCommand,
    async handleText(actor, text) {
      texts.push({ actor, text });
      return [{ text: `staff got: ${text}` }];
    },
    async handleAction(actor, value) {
      actions.push({ actor, value });
      return [{ text: `hint for ${value}` }];
    },
    async alertChoices(text) {
      const ref = findReference(text);
      return ref ? [{ value: `staff:claim:${ref}`, label: "🙋 استلام" }] : [];
    },
  };
}

interface Setup {
  channel: TelegramChannel;
  calls: ApiCall[];
  received: InboundMessage[];
  staff: ReturnType<typeof recordingStaff>;
  logs: string[];
  dir: string;
  sleeps: number[];
}

let current: Setup | null = null;
afterEach(async () => {
  await current?.channel.stop();
  current = null;
});

async function setup(options: Partial<TelegramChannelOptions> = {}, responder?: Responder, handler?: (m: InboundMessage) => Promise<void>): Promise<Setup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-tg-"));
  const received: InboundMessage[] = [];
  const logs: string[] = [];
  const sleeps: number[] = [];
  let now = 0;
  const staff = recordingStaff();
  const channel = createTelegramChannel({
    token: TOKEN,
    staffChatId: String(STAFF_GROUP),
    staff,
    translator,
    dataDir: dir,
    attachments: { maxBytes: 1000, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    log: createLogger("debug", (l) => logs.push(l)),
    botInfo: BOT_INFO,
    transport: "none",
    throttle: {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    },
    ...options,
  });
  const calls = captureApi(channel, responder);
  await channel.start(handler ?? (async (m) => void received.push(m)));
  current = { channel, calls, received, staff, logs, dir, sleeps };
  return current;
}

describe("rendering", () => {
  it("sends plain text with choices as an inline keyboard, one button a row", async () => {
    const s = await setup();
    await s.channel.send("5001", {
      text: "اختر البرنامج *الذي* <b>ترغب</b>:",
      choices: [
        { value: "program:tank_installation", label: "تركيب خزانات المياه المنزلية" },
        { value: "program:water_truck", label: "توصيل صهاريج المياه (الوايت)" },
      ],
    });
    const [call] = sends(s.calls);
    expect(call!.payload).toEqual({
      chat_id: "5001",
      text: "اختر البرنامج *الذي* <b>ترغب</b>:",
      reply_markup: {
        inline_keyboard: [
          [{ text: "تركيب خزانات المياه المنزلية", callback_data: "program:tank_installation" }],
          [{ text: "توصيل صهاريج المياه (الوايت)", callback_data: "program:water_truck" }],
        ],
      },
    });
    expect(call!.payload).not.toHaveProperty("parse_mode");
  });

  it("keeps callback data within 64 bytes and reads long values back", async () => {
    const s = await setup();
    const long = `field:${"ملاحظات_إضافية_".repeat(6)}`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(64);
    await s.channel.send("5001", { text: "?", choices: [{ value: long, label: "ملاحظات" }, { value: "menu:apply", label: "تقديم" }] });
    const keyboard = (sends(s.calls)[0]!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    for (const [b] of keyboard) expect(Buffer.byteLength(b!.callback_data)).toBeLessThanOrEqual(64);
    expect(keyboard[1]![0]!.callback_data).toBe("menu:apply");

    await s.channel.bot.handleUpdate(callbackUpdate(BENEFICIARY, keyboard[0]![0]!.callback_data, { reply_markup: { inline_keyboard: keyboard } }));
    expect(s.received.at(-1)!.content).toEqual({ kind: "choice", value: long });

    // After a restart the hash is unknown: the button's label is taken as typed text.
    const s2 = await setup();
    await s2.channel.bot.handleUpdate(callbackUpdate(BENEFICIARY, keyboard[0]![0]!.callback_data, { reply_markup: { inline_keyboard: keyboard } }));
    expect(s2.received.at(-1)!.content).toEqual({ kind: "text", text: "ملاحظات" });
    // Without the keyboard to read, the press is answered and nothing else happens.
    await s2.channel.bot.handleUpdate(callbackUpdate(BENEFICIARY, "~unknownhash"));
    expect(s2.received).toHaveLength(1);
    const answers = s2.calls.filter((c) => c.method === "answerCallbackQuery");
    expect(answers.at(-1)!.payload.text).toContain("انتهت صلاحية هذا الزر");

    const codec = new CallbackCodec();
    expect(codec.decode(codec.encode("~tilde"))).toBe("~tilde");
    expect(codec.encode("~tilde")).not.toBe("~tilde");
  });

  it("splits texts over 4096 characters on paragraph boundaries, the keyboard on the last part", async () => {
    const s = await setup();
    const paragraph = (n: number) => `${n}. ${"كلمة ".repeat(150).trim()}`;
    const text = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join("\n\n");
    expect(text.length).toBeGreaterThan(8192);
    await s.channel.send("5001", { text, choices: [{ value: "menu:apply", label: "تقديم" }] });
    const parts = sends(s.calls);
    expect(parts.length).toBe(3);
    for (const p of parts) expect((p.payload.text as string).length).toBeLessThanOrEqual(4096);
    expect(parts.map((p) => p.payload.text).join("\n\n")).toBe(text);
    for (const p of parts) expect(p.payload.text as string).toMatch(/^\d+\. كلمة/);
    expect(parts.slice(0, -1).every((p) => p.payload.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)!.payload.reply_markup).toBeDefined();

    // Lines, then spaces, then a hard cut that never halves an emoji.
    expect(splitText("aaa\nbbb\nccc", 8)).toEqual(["aaa\nbbb", "ccc"]);
    expect(splitText("aaaa bbbb cccc", 10)).toEqual(["aaaa bbbb", "cccc"]);
    const emoji = "😀".repeat(5);
    expect(splitText(emoji, 5).join("")).toBe(emoji);
    expect(splitText(emoji, 5).every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it("does not send the parts of a long message again when the outbox retries it", async () => {
    let failOnce = true;
    let n = 0;
    const s = await setup({}, (call) => {
      if (call.method !== "sendMessage") return undefined;
      n++;
      if (n === 2 && failOnce) {
        failOnce = false;
        return { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } };
      }
      return undefined;
    });
    const text = ["أ".repeat(4000), "ب".repeat(4000), "ج".repeat(100)].join("\n\n");
    const error = await s.channel.send("5001", { text }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ permanent: false, retryAfterSeconds: 3 });
    await s.channel.send("5001", { text });
    const texts = sends(s.calls).map((c) => (c.payload.text as string)[0]);
    expect(texts).toEqual(["أ", "ب", "ب", "ج"]);
  });

  it("asks for the number with a one-time contact button, then removes that keyboard", async () => {
    const s = await setup();
    await s.channel.send("5001", { text: "(3/11) رقم الجوال", requestContact: true });
    await s.channel.send("5001", { text: "(4/11) المدينة أو المحافظة" });
    await s.channel.send("5001", { text: "(5/11) تاريخ الميلاد" });
    const [ask, next, after] = sends(s.calls);
    expect(ask!.payload.reply_markup).toEqual({
      keyboard: [[{ text: "📱 مشاركة رقم جوالي", request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
    expect(next!.payload.reply_markup).toEqual({ remove_keyboard: true });
    expect(after!.payload.reply_markup).toBeUndefined();

    // English text gets an English button; choices asked with it become plain buttons.
    await s.channel.send("6001", { text: "Is your number +966551234567?", requestContact: true, choices: [{ value: "yes", label: "Yes" }] });
    expect(sends(s.calls).at(-1)!.payload.reply_markup).toMatchObject({
      keyboard: [[{ text: "📱 Share my mobile number", request_contact: true }], [{ text: "Yes" }]],
    });
  });
});

describe("inbound updates", () => {
  it("turns a private text into one text message with a per-chat message id", async () => {
    const s = await setup();
    const u = textUpdate(BENEFICIARY, "السلام عليكم");
    await s.channel.bot.handleUpdate(u);
    const m = s.received[0]!;
    expect(m).toMatchObject({
      channel: "telegram",
      chatId: String(BENEFICIARY.id),
      messageId: `${BENEFICIARY.id}:${(u as { message: { message_id: number } }).message.message_id}`,
      content: { kind: "text", text: "السلام عليكم" },
      senderName: "سارة العتيبي",
    });
    // Telegram redelivering the same update gives the same id (the engine makes it a no-op).
    await s.channel.bot.handleUpdate(u);
    expect(s.received[1]!.messageId).toBe(m.messageId);
  });

  it("turns a button press into a choice and always answers the press", async () => {
    const failing = await setup({}, undefined, async () => {
      throw new Error("engine exploded");
    });
    await failing.channel.bot.handleUpdate(callbackUpdate(BENEFICIARY, "menu:apply"));
    expect(failing.calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(1);
    // The error boundary logged the chat, and the process goes on.
    expect(failing.logs.some((l) => l.includes("telegram update failed") && l.includes(String(BENEFICIARY.id)))).toBe(true);
    expect(failing.logs.join("\n")).not.toContain(TOKEN);

    const s = await setup();
    const u = callbackUpdate(BENEFICIARY, "menu:apply");
    await s.channel.bot.handleUpdate(u);
    const id = (u as { callback_query: { id: string } }).callback_query.id;
    expect(s.received[0]).toMatchObject({ chatId: String(BENEFICIARY.id), messageId: `cb:${id}`, content: { kind: "choice", value: "menu:apply" } });
    expect(s.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.callback_query_id)).toEqual([id]);
  });

  it("reads a shared contact as E.164, own or not", async () => {
    const s = await setup();
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { contact: { phone_number: "966551234567", first_name: "سارة", user_id: BENEFICIARY.id } }));
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { contact: { phone_number: "+966 50 111 2222", first_name: "أخي", user_id: 99 } }));
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { contact: { phone_number: "+44 7700 900123", first_name: "Friend" } }));
    expect(s.received.map((m) => m.content)).toEqual([
      { kind: "contact", phone: "+966551234567", name: "سارة", own: true },
      { kind: "contact", phone: "+966501112222", name: "أخي", own: false },
      { kind: "contact", phone: "+447700900123", name: "Friend", own: false },
    ]);
    expect(normalizePhone("0551234567")).toBe("+966551234567");
  });

  it("reads locations, voice notes and audio without downloading them", async () => {
    const s = await setup();
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { location: { latitude: 25.9, longitude: 43.5 } }));
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { voice: { file_id: "VOICE1", file_unique_id: "v1", duration: 3, mime_type: "audio/ogg", file_size: 5000 } }));
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { audio: { file_id: "AUD1", file_unique_id: "a1", duration: 30, file_name: "x.mp3", mime_type: "audio/mpeg" } }));
    expect(s.received.map((m) => m.content)).toEqual([
      { kind: "location", latitude: 25.9, longitude: 43.5 },
      { kind: "media", mediaType: "voice", fileRef: "telegram:VOICE1", mimeType: "audio/ogg", size: 5000 },
      { kind: "media", mediaType: "audio", fileRef: "telegram:AUD1", mimeType: "audio/mpeg", fileName: "x.mp3" },
    ]);
    expect(s.calls.some((c) => c.method === "getFile")).toBe(false);
  });
});

describe("attachments", () => {
  const bytes = Buffer.from("%PDF-1.4 a small deed".padEnd(600, "."));
  const fileResponder: Responder = (call) =>
    call.method === "getFile"
      ? { ok: true, result: { file_id: call.payload.file_id, file_unique_id: "uniq", file_size: undefined, file_path: "documents/file_7.pdf" } }
      : undefined;

  it("downloads a photo or document with a size limit into the chat's folder, under a name Sila makes", async () => {
    const fetched: string[] = [];
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(596, 1)]);
    const s = await setup(
      {
        fetch: async (url) => {
          fetched.push(String(url));
          const body = fetched.length === 1 ? bytes : jpeg;
          return new Response(body, { headers: { "content-length": String(body.length) } });
        },
      },
      fileResponder,
    );
    await s.channel.bot.handleUpdate(
      messageUpdate(BENEFICIARY, { document: { file_id: "DOC1", file_unique_id: "AgAD/../x", file_name: "صك.pdf", mime_type: "application/pdf", file_size: bytes.length }, caption: "الصك" }),
    );
    const content = s.received[0]!.content;
    expect(content).toMatchObject({ kind: "media", mediaType: "document", mimeType: "application/pdf", fileName: "صك.pdf", size: bytes.length, caption: "الصك" });
    const ref = (content as { fileRef: string }).fileRef;
    expect(path.dirname(path.dirname(ref))).toBe(path.join(s.dir, "attachments"));
    expect(path.basename(path.dirname(ref))).toMatch(/^telegram-[0-9a-f]{32}$/);
    expect(path.basename(ref)).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(fs.readFileSync(ref)).toEqual(bytes);
    expect(fetched).toEqual([`https://api.telegram.org/file/bot${TOKEN}/documents/file_7.pdf`]);

    await s.channel.bot.handleUpdate(
      messageUpdate(BENEFICIARY, {
        photo: [
          { file_id: "small", file_unique_id: "ps", width: 90, height: 90, file_size: 100 },
          { file_id: "big", file_unique_id: "pb", width: 800, height: 800, file_size: 600 },
        ],
      }),
    );
    expect(s.calls.filter((c) => c.method === "getFile").at(-1)!.payload.file_id).toBe("big");
    expect(s.received[1]!.content).toMatchObject({ kind: "media", mediaType: "image", mimeType: "image/jpeg" });
  });

  it("does not download what is too large or of a type not accepted", async () => {
    let streamed = 0;
    const s = await setup(
      {
        // No content-length: the stream is cut at the limit.
        fetch: async () =>
          new Response(
            new ReadableStream({
              pull(controller) {
                streamed += 400;
                controller.enqueue(new Uint8Array(400));
                if (streamed >= 4000) controller.close();
              },
            }),
          ),
      },
      fileResponder,
    );
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { document: { file_id: "BIG", file_unique_id: "big", mime_type: "application/pdf", file_size: 5_000_000 } }));
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { document: { file_id: "ZIP", file_unique_id: "zip", mime_type: "application/zip", file_size: 10 } }));
    await s.channel.bot.handleUpdate(messageUpdate(BENEFICIARY, { document: { file_id: "LIAR", file_unique_id: "liar", mime_type: "application/pdf" } }));
    expect(s.received.map((m) => m.content)).toEqual([
      { kind: "media", mediaType: "document", mimeType: "application/pdf", fileRef: "telegram:BIG", size: 5_000_000 },
      { kind: "media", mediaType: "document", mimeType: "application/zip", fileRef: "telegram:ZIP", size: 10 },
      { kind: "media", mediaType: "document", mimeType: "application/pdf", fileRef: "telegram:LIAR", size: 1200 },
    ]);
    // Only the file without a declared size was fetched, and it was cut short.
    expect(s.calls.filter((c) => c.method === "getFile").map((c) => c.payload.file_id)).toEqual(["LIAR"]);
    expect(streamed).toBeLessThan(4000);
    const files = (dir: string): string[] =>
      fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [e.name])) : [];
    expect(files(path.join(s.dir, "attachments"))).toEqual([]);
  });

  it("apologises when a download fails, and the turn does not run", async () => {
    const s = await setup({ fetch: async () => new Response("nope", { status: 502 }) }, fileResponder);
    await s.channel.bot.handleUpdate(messageUpdate({ ...BENEFICIARY, language_code: "en" }, { document: { file_id: "D", file_unique_id: "d", mime_type: "application/pdf", file_size: 10 } }));
    expect(s.received).toEqual([]);
    expect(sends(s.calls).map((c) => c.payload.text)).toEqual([translator.t("telegram:downloadFailed", "en")]);
    expect(s.logs.join("\n")).not.toContain(TOKEN);
  });
});

describe("delivery errors", () => {
  const refuse = (code: number, description: string, retryAfter?: number): Responder => (call) =>
    call.method === "sendMessage"
      ? { ok: false, error_code: code, description, ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}) }
      : undefined;
  const failure = async (s: Setup) => s.channel.send("5001", { text: "hi" }).then(() => null, (e: unknown) => e);

  it("maps 429 to a retry after Telegram's delay", async () => {
    expect(await failure(await setup({}, refuse(429, "Too Many Requests: retry after 7", 7)))).toMatchObject({
      name: "ChannelError",
      permanent: false,
      retryAfterSeconds: 7,
    });
  });

  it("maps a blocked, kicked or deactivated user and a missing chat to permanent failures", async () => {
    for (const [code, description] of [
      [403, "Forbidden: bot was blocked by the user"],
      [403, "Forbidden: user is deactivated"],
      [403, "Forbidden: bot was kicked from the group chat"],
      [400, "Bad Request: chat not found"],
    ] as const) {
      const e = await failure(await setup({}, refuse(code, description)));
      expect(e).toBeInstanceOf(ChannelError);
      expect(e).toMatchObject({ permanent: true });
      expect((e as Error).message).toContain(description);
    }
  });

  it("retries other refusals and network failures", async () => {
    expect(await failure(await setup({}, refuse(400, "Bad Request: message text is empty")))).toMatchObject({ permanent: false, retryAfterSeconds: undefined });
    expect(await failure(await setup({}, refuse(502, "Bad Gateway")))).toMatchObject({ permanent: false });

    // A Bot API server that cannot be reached: grammY's HttpError.
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer();
      srv.listen(0, "127.0.0.1", () => {
        const port = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(port));
      });
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-tg-"));
    const offline = createTelegramChannel({
      token: TOKEN,
      apiRoot: `http://127.0.0.1:${closed}`,
      staff: recordingStaff(),
      translator,
      dataDir: dir,
      attachments: { maxBytes: 1000, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
      log: createLogger("silent"),
      botInfo: BOT_INFO,
      transport: "none",
    });
    const e = await offline.send("5001", { text: "hi" }).then(() => null, (err: unknown) => err);
    expect(e).toMatchObject({ name: "ChannelError", permanent: false, message: "Telegram could not be reached" });
    expect(String((e as Error).message)).not.toContain(TOKEN);
  });
});

describe("throttling", () => {
  it("spaces messages in a chat, in a group, and overall", async () => {
    let t = 0;
    const sleeps: number[] = [];
    const limiter = createRateLimiter({
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.acquire("5001");
      times.push(t);
    }
    // A burst of three (spaced by the overall limit: no burst there), then one a second.
    const gap = DEFAULT_LIMITS.global.intervalMs;
    [0, gap, 2 * gap, 1000, 2000].forEach((want, i) => expect(times[i]).toBeCloseTo(want, 6));

    t = 100_000;
    const groupTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.acquire("-100500");
      groupTimes.push(t - 100_000);
    }
    [0, gap, 2 * gap, 3000, 6000].forEach((want, i) => expect(groupTimes[i]).toBeCloseTo(want, 6));

    t = 200_000;
    const start = t;
    for (let chat = 0; chat < 31; chat++) await limiter.acquire(`70${chat}`);
    // Thirty-one chats at once go out evenly, just under thirty a second: never more than 30 in any second.
    expect(t - start).toBeCloseTo(30 * gap, 6);
  });

  it("is applied to every message the adapter sends", async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) await s.channel.send("5001", { text: `m${i}` });
    const gap = DEFAULT_LIMITS.global.intervalMs;
    [gap, gap, 1000 - 2 * gap, 1000].forEach((want, i) => expect(s.sleeps[i]).toBeCloseTo(want, 6));
    expect(s.sleeps).toHaveLength(4);
  });
});

describe("staff in Telegram", () => {
  it("passes staff-group commands to the staff workspace, ignores other group talk", async () => {
    const s = await setup();
    await s.channel.bot.handleUpdate(groupText(STAFF_USER, "/pending"));
    await s.channel.bot.handleUpdate(groupText(STAFF_USER, "/طلبات@sila_test_bot"));
    await s.channel.bot.handleUpdate(groupText(STAFF_USER, "صباح الخير يا شباب"));
    await s.channel.bot.handleUpdate(groupText(STAFF_USER, "/help@another_bot"));
    await s.channel.bot.handleUpdate(messageUpdate(STAFF_USER, { text: "/pending" }, { id: -100999, type: "group", title: "Other" }));
    await s.channel.bot.handleUpdate(messageUpdate(STRANGER, { text: "مرحبا" }, { id: -100999, type: "group", title: "Other" }));
    await s.channel.bot.handleUpdate(messageUpdate(STRANGER, { text: "/start" }, { id: -100999, type: "group", title: "Other" }));
    expect(s.staff.texts.map((t) => [t.actor.userId, t.text])).toEqual([
      ["900", "/pending"],
      ["900", "/طلبات@sila_test_bot"],
    ]);
    expect(s.staff.texts[0]!.actor).toEqual({ channel: "telegram", userId: "900", displayName: "نورة" });
    expect(s.received).toEqual([]);
    expect(sends(s.calls).map((c) => [c.payload.chat_id, c.payload.text])).toEqual([
      [String(STAFF_GROUP), "staff got: /pending"],
      [String(STAFF_GROUP), "staff got: /طلبات@sila_test_bot"],
      // In another group, only "/start" is answered: with where to write instead.
      ["-100999", translator.t("telegram:staffOnlyHere", "ar")],
    ]);
  });

  it("sends a non-staff user's staff command to the workspace (to be refused), never to the engine", async () => {
    const s = await setup();
    await s.channel.bot.handleUpdate(textUpdate(STRANGER, "/pending"));
    await s.channel.bot.handleUpdate(groupText(STRANGER, "/show A26-00001"));
    await s.channel.bot.handleUpdate(textUpdate(STRANGER, "/start"));
    await s.channel.bot.handleUpdate(textUpdate(STRANGER, "/help"));
    expect(s.staff.texts.map((t) => [t.actor.userId, t.text])).toEqual([
      ["777", "/pending"],
      ["777", "/show A26-00001"],
    ]);
    expect(s.received.map((m) => (m.content as { text: string }).text)).toEqual(["/start", "/help"]);
  });

  it("lets staff use commands in a private chat, and still try the bot with /start", async () => {
    const s = await setup();
    await s.channel.bot.handleUpdate(textUpdate(STAFF_USER, "/stats"));
    await s.channel.bot.handleUpdate(textUpdate(STAFF_USER, "/start"));
    await s.channel.bot.handleUpdate(textUpdate(STAFF_USER, "/start campaign_2026"));
    expect(s.staff.texts.map((t) => t.text)).toEqual(["/stats"]);
    expect(s.received.map((m) => m.content)).toEqual([
      { kind: "text", text: "/start" },
      { kind: "text", text: "/start" },
    ]);
  });

  it("puts buttons under staff alerts, and answers a reply button with a reply prompt", async () => {
    const s = await setup();
    await s.channel.send(String(STAFF_GROUP), { text: "🙋 مستفيد يطلب التحدث مع موظف: \u2068H26-00003\u2069" });
    await s.channel.send(String(STAFF_GROUP), { text: "لا مرجع هنا" });
    await s.channel.send("5001", { text: "H26-00003 to a beneficiary: no staff buttons" });
    const [alert, plainAlert, beneficiary] = sends(s.calls);
    expect(alert!.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "🙋 استلام", callback_data: "staff:claim:H26-00003" }]] });
    expect(plainAlert!.payload.reply_markup).toBeUndefined();
    expect(beneficiary!.payload.reply_markup).toBeUndefined();

    await s.channel.bot.handleUpdate(callbackUpdate(STAFF_USER, "staff:reply:H26-00003", {}, STAFF_GROUP));
    expect(s.staff.actions).toEqual([{ actor: { channel: "telegram", userId: "900", displayName: "نورة" }, value: "staff:reply:H26-00003" }]);
    const prompt = sends(s.calls).at(-1)!;
    expect(prompt.payload).toMatchObject({ chat_id: String(STAFF_GROUP), text: "hint for staff:reply:H26-00003", reply_markup: { force_reply: true } });
    expect(s.calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(1);

    // Replying to the prompt is the reply command; other replies in the group are not.
    const promptId = 1000 + sends(s.calls).length;
    await s.channel.bot.handleUpdate(groupText(STAFF_USER, "أهلاً بك، نراجع طلبك الآن", { reply_to_message: { message_id: promptId, date: 0, chat: { id: STAFF_GROUP, type: "supergroup", title: "Staff" }, text: "…" } }));
    await s.channel.bot.handleUpdate(groupText(STAFF_USER, "تمام", { reply_to_message: { message_id: 1, date: 0, chat: { id: STAFF_GROUP, type: "supergroup", title: "Staff" }, text: "…" } }));
    expect(s.staff.texts.map((t) => t.text)).toEqual(["/reply H26-00003 أهلاً بك، نراجع طلبك الآن"]);
  });
});

describe("webhook mode", () => {
  it("serves the webhook on 127.0.0.1 and checks the secret token header", async () => {
    const s = await setup({ transport: "webhook", webhook: { url: "https://example.org/telegram/hook", secret: "s3cret_Token", port: 0 } });
    expect(s.calls.find((c) => c.method === "setWebhook")!.payload).toEqual({
      url: "https://example.org/telegram/hook",
      secret_token: "s3cret_Token",
      allowed_updates: ["message", "callback_query"],
    });
    const address = s.channel.webhookAddress()!;
    expect(address.host).toBe("127.0.0.1");
    const post = (pathname: string, secret: string | null, body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const data = JSON.stringify(body);
        const req = http.request(
          {
            host: address.host,
            port: address.port,
            path: pathname,
            method: "POST",
            headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(data);
      });
    expect(await post("/telegram/hook", "wrong", textUpdate(BENEFICIARY, "hack"))).toBe(401);
    expect(await post("/telegram/hook", null, textUpdate(BENEFICIARY, "hack"))).toBe(401);
    expect(await post("/elsewhere", "s3cret_Token", textUpdate(BENEFICIARY, "hack"))).toBe(404);
    expect(s.received).toEqual([]);
    expect(await post("/telegram/hook", "s3cret_Token", textUpdate(BENEFICIARY, "السلام عليكم"))).toBe(200);
    expect(s.received.map((m) => m.content)).toEqual([{ kind: "text", text: "السلام عليكم" }]);
  });
});

describe("stopping", () => {
  it("waits for the updates in hand", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered = false;
    const done: string[] = [];
    const s = await setup({}, undefined, async (m) => {
      entered = true;
      await gate;
      done.push(m.messageId);
    });
    const handling = s.channel.bot.handleUpdate(textUpdate(BENEFICIARY, "..."));
    await vi.waitFor(() => expect(entered).toBe(true));
    let stopped = false;
    const stopping = s.channel.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await Promise.all([handling, stopping]);
    expect(stopped).toBe(true);
    expect(done).toHaveLength(1);
  });
});

