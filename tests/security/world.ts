/**
 * One installation for attack tests, through its public entry points: the
 * real engine and outbox (`createSila`) on a temp SQLite file, the staff
 * workspace, the Telegram channel against a Bot API server on 127.0.0.1
 * (long polling), and the WhatsApp channel on the fake client. Staff sit in a
 * Telegram group and on a WhatsApp number. Every wait is a bounded poll of
 * what the servers saw; WhatsApp pacing runs on a fake clock.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, vi } from "vitest";
import { openDatabase, type OpenedDb } from "../../db";
import { loadProfile } from "../../orgs/load";
import type { Profile } from "../../orgs/schema";
import { createSila, DEFAULT_ATTACHMENT_TYPES, type Sila } from "../../bot/app";
import { createTelegramChannel, telegramStaffTargets, type TelegramChannel } from "../../bot/channels/telegram";
import { createWhatsAppChannel, whatsappStaffTargets, type WhatsAppChannel } from "../../bot/channels/whatsapp";
import type { WhatsAppContactLike } from "../../bot/channels/whatsapp";
import { createLogger } from "../../bot/log";
import { createAttachmentStore } from "../../bot/channels/attachments";
import type { RateLimiterOptions } from "../../bot/channels/telegram/limiter";
import { createStaffCommands, type StaffWorkspace } from "../../bot/staff/commands";
import { staffDecisions } from "../../bot/decisions";
import { SECRET, SUNDAY_NOON, plain } from "../helpers";
import { FakeBotApi, type BotMessage, type FakeUser } from "../telegram/fake-bot-api";
import { FakeWhatsAppClient, fakeMessage, type FakeMessageInit, type FakeSend } from "../fakes/whatsapp-client";

export const TOKEN = "987654321:AAE2eFakeTokenForTheSecurityTests_xyz";
export const STAFF_GROUP = -100888;
export const STAFF: FakeUser = { id: 900, first_name: "نورة" };
export const STAFF_WA_NUMBER = "966500000009";
export const STAFF_WA = `${STAFF_WA_NUMBER}@c.us`;
export const STAFF_WA_GROUP = "120363000000000777@g.us";
export const WAIT = { timeout: 15_000, interval: 20 };

export interface World {
  dir: string;
  file: string;
  opened: OpenedDb;
  profile: Profile;
  sila: Sila;
  staff: StaffWorkspace;
  api: FakeBotApi;
  telegram: TelegramChannel;
  whatsapp: WhatsAppChannel;
  /** Everything the fake WhatsApp client sent. */
  waSent: FakeSend[];
  logs: string[];
  /** Sends a Telegram message (or runs `act`) and waits for the bot's answer in `chatId`; returns the new messages. */
  tg(user: FakeUser, text: string): Promise<BotMessage[]>;
  tgTurn(chatId: number, act: () => Promise<unknown>): Promise<BotMessage[]>;
  /** A WhatsApp message from `from`; waits for its turn and the outbox; returns what was sent to that chat. */
  wa(from: string, body: string | Omit<FakeMessageInit, "from">, contact?: WhatsAppContactLike): Promise<string[]>;
  /** Waits for every turn and delivers the outbox. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function createWorld(
  options: {
    org?: string;
    floodPerMinute?: number;
    webhookSecret?: string;
    telegramThrottle?: RateLimiterOptions;
    /** The engine's and staff's clock (ms); default a still clock that WhatsApp pacing moves. */
    clockMs?: () => number;
  } = {},
): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-sec-"));
  const file = path.join(dir, "sila.sqlite");
  const opened = await openDatabase(file);
  const profile = loadProfile(options.org ?? "maa");
  const logs: string[] = [];
  const log = createLogger("info", (line) => logs.push(line));
  const api = new FakeBotApi(TOKEN);
  await api.start();

  const staffTargets = [...telegramStaffTargets(String(STAFF_GROUP), "ar"), ...whatsappStaffTargets([STAFF_WA_NUMBER])];
  let now = SUNDAY_NOON.getTime();
  const clock = () => new Date(options.clockMs ? options.clockMs() : now);
  const sila = createSila({
    db: opened.db,
    sqlite: opened.sqlite,
    profile,
    secretKey: SECRET,
    staff: staffTargets,
    log,
    clock,
    outbox: { baseDelayMs: 100 },
    // The test clock hardly moves, so every chat would look like a flood; a test that wants one asks.
    floodPerMinute: options.floodPerMinute ?? Number.POSITIVE_INFINITY,
  });
  const staff = createStaffCommands({
    db: opened.db,
    profile,
    translator: sila.translator,
    cipher: sila.cipher,
    staffIds: { telegram: [String(STAFF.id)], whatsapp: [STAFF_WA_NUMBER] },
    staffTargets,
    clock,
    log,
    onOutbox: () => sila.outbox.kick(),
    decide: staffDecisions({ db: opened.db, profile, translator: sila.translator, clock, staff: staffTargets, calendar: sila.calendar }),
    calendar: sila.calendar,
  });
  const webhookPort = options.webhookSecret !== undefined ? await freePort() : null;
  const attachmentStore = createAttachmentStore(dir, SECRET);
  const telegram = createTelegramChannel({
    token: TOKEN,
    apiRoot: api.url,
    staffChatId: String(STAFF_GROUP),
    staff,
    translator: sila.translator,
    dataDir: dir,
    attachments: { maxBytes: 1024 * 1024, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    attachmentStore,
    log,
    pollingTimeoutSeconds: 1,
    ...(webhookPort !== null ? { webhook: { url: `http://127.0.0.1:${webhookPort}/telegram/hook`, secret: options.webhookSecret!, port: webhookPort } } : {}),
    throttle: options.telegramThrottle ?? { perChat: { intervalMs: 1, burst: 100 }, perGroup: { intervalMs: 1, burst: 100 }, global: { intervalMs: 1, burst: 100 } },
  });
  const waSent: FakeSend[] = [];
  const timing = {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
  let client: FakeWhatsAppClient | null = null;
  const whatsapp = createWhatsAppChannel({
    createClient: () => (client = new FakeWhatsAppClient(0, waSent, timing.now)),
    dataDir: dir,
    log,
    translator: sila.translator,
    staff,
    staffGroupId: STAFF_WA_GROUP,
    qr: { output: null },
    timing,
    clock,
    attachments: { maxBytes: 1024 * 1024, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    attachmentStore,
  });
  sila.addSender(telegram);
  sila.addSender(whatsapp);
  const handle = async (m: Parameters<Sila["engine"]["handle"]>[0]) => {
    await sila.engine.handle(m);
  };
  await telegram.start(handle);
  await whatsapp.start(handle);
  client!.connect();
  sila.outbox.start(50);

  const settle = async () => {
    await whatsapp.idle();
    await sila.engine.idle();
    await sila.outbox.drainOnce();
  };
  const tgTurn = async (chatId: number, act: () => Promise<unknown>) => {
    const before = api.to(chatId).length;
    await act();
    await vi.waitFor(() => expect(api.to(chatId).length).toBeGreaterThan(before), WAIT);
    // The rest of the turn's replies (a turn may answer in several messages).
    await sila.engine.idle();
    await sila.outbox.drainOnce();
    return api.to(chatId).slice(before);
  };
  return {
    dir,
    file,
    opened,
    profile,
    sila,
    staff,
    api,
    telegram,
    whatsapp,
    waSent,
    logs,
    tg: (user, text) => tgTurn(user.id, () => api.say(user, text)),
    tgTurn,
    async wa(from, body, contact) {
      const init: FakeMessageInit =
        typeof body === "string" ? { from, body, ...(contact ? { contact } : {}) } : { from, ...(contact ? { contact } : {}), ...body };
      const before = waSent.length;
      client!.emit("message", fakeMessage(init));
      await settle();
      return waSent.slice(before).filter((s) => s.chatId === from).map((s) => s.content);
    },
    settle,
    async close() {
      await telegram.stop();
      await whatsapp.stop();
      await sila.engine.idle();
      await sila.outbox.stop();
      await api.close();
      await opened.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The texts of Telegram messages, isolates removed. */
export const tgText = (messages: BotMessage[]): string => plain(messages.map((m) => m.text).join("\n---\n"));
export const waText = (texts: string[]): string => plain(texts.join("\n---\n"));

/**
 * Applies to the water-truck program by typed answers on any channel (`say` sends one message and
 * returns the replies as text); `mobile` is typed at the mobile question, or the channel's own
 * number confirmed when it offers one. Returns the reference.
 */
export async function applyForWaterTruck(
  say: (text: string) => Promise<string>,
  profile: Profile,
  a: { name: string; nationalId: string; mobile?: string; district: string },
): Promise<string> {
  const open = profile.programs.filter((p) => p.open);
  await say("السلام عليكم");
  await say("1");
  if (open.length > 1) await say(String(open.findIndex((p) => p.id === "water_truck") + 1));
  await say("1"); // privacy notice
  await say(a.name);
  const mobileQuestion = await say(a.nationalId);
  await say(a.mobile ?? (/\+9665/.test(mobileQuestion) ? "1" : "0551112222"));
  await say("بريدة");
  await say("1410/05/20");
  await say(a.district);
  await say("خلف المسجد الكبير");
  await say("5");
  await say("1");
  await say("1");
  const summary = await say("تخطي");
  expect(summary).toContain(a.name);
  await say("1");
  await say("1");
  const done = await say("1");
  const reference = /A\d{2}-\d{5}/.exec(done)?.[0];
  if (!reference) throw new Error(`no reference in: ${done}`);
  return reference;
}

/** The digits of `text` in Latin, everything else dropped ("١٠٢٣ 456-7890" → "10234567890"). */
export function digitsOf(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/\D/g, "");
}

/**
 * Every place in the database (every table, found in sqlite_master so a new one is not missed, every
 * text column) that holds `id` in clear, however its digits were written or separated.
 */
export function clearCopies(opened: OpenedDb, id: string): string[] {
  const tables = opened.sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`)
    .all() as Array<{ name: string }>;
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = opened.sqlite.prepare(`select rowid as _rowid, * from "${name}"`).all() as Array<Record<string, unknown>>;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "string" && digitsOf(value).includes(id)) found.push(`${name}.${column} (row ${String(row._rowid)})`);
      }
    }
  }
  return found;
}
