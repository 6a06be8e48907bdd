/**
 * Sila on the WhatsApp Cloud API against the emulator of Meta's side, over
 * real HTTP on 127.0.0.1 and a real SQLite file: the engine, the outbox with
 * the notice ladder, the staff workspace, the Cloud API channel with its
 * webhook server. A phone writes through the emulator (a signed webhook), and
 * `say` returns what that phone received once everything due was delivered:
 * every wait is the outbox drained and the emulator's callbacks landed,
 * never a sleep.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDb } from "../../db";
import { loadProfile } from "../../orgs/load";
import { createSila, DEFAULT_ATTACHMENT_TYPES, type Sila, type SilaOptions } from "../../bot/app";
import { cloudStaffTargets, createWhatsAppCloudChannel, type WhatsAppCloudChannel } from "../../bot/channels/whatsapp-cloud";
import type { ChannelSender, StaffTarget } from "../../bot/channels/types";
import { createLogger } from "../../bot/log";
import { createStaffCommands, type StaffWorkspace } from "../../bot/staff/commands";
import { staffDecisions } from "../../bot/decisions";
import type { Profile } from "../../orgs/schema";
import { startCloudEmulator, type CloudEmulator, type EmulatorOptions, type ReceivedMessage, type UserMessage } from "../../scripts/cloud/emulator";
import { SECRET } from "../helpers";
import { approvedTemplates } from "../../scripts/cloud/templates";

export const APP_SECRET = "0123456789abcdef0123456789abcdef";
export const ACCESS_TOKEN = "EAAGtestTokenForTheEmulator1234567890";
export const PHONE_NUMBER_ID = "106540352242922";
export const VERIFY_TOKEN = "sila-verify-token";
export const STAFF_NUMBER = "966500000999";

export { approvedTemplates };

export interface CloudWorld {
  dir: string;
  file: string;
  emu: CloudEmulator;
  opened: OpenedDb;
  sila: Sila;
  staff: StaffWorkspace;
  channel: WhatsAppCloudChannel;
  profile: Profile;
  logs: string[];
  clock: { now(): Date; set(d: Date): void; advance(ms: number): void };
  /** Delivers everything due and lets the emulator's callbacks land (a few rounds, until quiet). */
  settle(): Promise<void>;
  /** `from` sends `message`; returns what `from` received afterwards. Throws unless the webhook answered 200. */
  say(from: string, message: string | UserMessage, options?: { name?: string; id?: string }): Promise<ReceivedMessage[]>;
  stop(): Promise<void>;
}

export async function startCloudWorld(
  options: {
    org?: string;
    now?: Date;
    emulator?: Partial<EmulatorOptions>;
    sila?: Partial<SilaOptions>;
    /** More channels beside the Cloud API (a Telegram stand-in for the ladder's other rung). */
    senders?: ChannelSender[];
    staffTargets?: StaffTarget[];
    dir?: string;
    /** The fetch the adapter's Graph calls use (tests put failures in it). */
    channelFetch?: typeof globalThis.fetch;
  } = {},
): Promise<CloudWorld> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sila-cloud-"));
  const file = path.join(dir, "sila.sqlite");
  const profile = loadProfile(options.org ?? "maa");
  let now = options.now ?? new Date("2026-12-06T09:00:00Z");
  const clock = { now: () => now, set: (d: Date) => void (now = d), advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
  const logs: string[] = [];
  const log = createLogger("info", (line) => logs.push(line));
  const emu = await startCloudEmulator({
    appSecret: APP_SECRET,
    accessToken: ACCESS_TOKEN,
    phoneNumberId: PHONE_NUMBER_ID,
    templates: approvedTemplates(profile),
    now: () => now.getTime(),
    ...options.emulator,
  });
  const opened = await openDatabase(file);
  const staffTargets = options.staffTargets ?? cloudStaffTargets([STAFF_NUMBER], "ar");
  const sila = createSila({
    db: opened.db,
    sqlite: opened.sqlite,
    profile,
    secretKey: SECRET,
    staff: staffTargets,
    log,
    clock: clock.now,
    floodPerMinute: Number.POSITIVE_INFINITY,
    outbox: { baseDelayMs: 50 },
    ...(options.senders ? { senders: options.senders } : {}),
    ...options.sila,
  });
  const staff = createStaffCommands({
    db: opened.db,
    profile,
    translator: sila.translator,
    cipher: sila.cipher,
    staffIds: { whatsapp_cloud: [STAFF_NUMBER] },
    staffTargets,
    clock: clock.now,
    log,
    onOutbox: () => sila.outbox.kick(),
    decide: staffDecisions({ db: opened.db, profile, translator: sila.translator, clock: clock.now, staff: staffTargets, calendar: sila.calendar }),
  });
  const channel = createWhatsAppCloudChannel({
    token: ACCESS_TOKEN,
    phoneNumberId: PHONE_NUMBER_ID,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    graphUrl: emu.graphUrl,
    apiVersion: "v26.0",
    webhook: { host: "127.0.0.1", port: 0 },
    dataDir: dir,
    attachments: { maxBytes: 1024 * 1024, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    translator: sila.translator,
    locale: "ar",
    staff,
    staffNumbers: [STAFF_NUMBER],
    log,
    clock: clock.now,
    ...(options.channelFetch ? { fetch: options.channelFetch } : {}),
  });
  sila.addSender(channel);
  await channel.start((m) => sila.engine.handle(m).then(() => undefined), (s) => sila.notices.recordStatus(s));
  const { port } = channel.address()!;
  if (!(await emu.subscribe(`http://127.0.0.1:${port}/webhooks/whatsapp`, VERIFY_TOKEN))) throw new Error("the webhook did not verify");

  async function settle(): Promise<void> {
    for (let round = 0; round < 6; round++) {
      const before = emu.sent.length + emu.stats.deliveries;
      await channel.idle();
      await sila.engine.idle();
      await sila.outbox.flush(10_000);
      await emu.settle();
      await channel.idle();
      if (emu.sent.length + emu.stats.deliveries === before) return;
    }
  }

  return {
    dir,
    file,
    emu,
    opened,
    sila,
    staff,
    channel,
    profile,
    logs,
    clock,
    settle,
    async say(from, message, opts = {}) {
      const before = emu.inbox(from).length;
      const r = await emu.userSends(from, typeof message === "string" ? { type: "text", text: message } : message, opts);
      if (r.status !== 200) throw new Error(`the webhook answered ${r.status}: ${r.body}`);
      await settle();
      return emu.inbox(from).slice(before);
    },
    async stop() {
      await channel.stop();
      await sila.engine.idle();
      await sila.outbox.stop();
      await opened.close();
      await emu.close();
    },
  };
}

/** The last message that offers options, and the option whose title contains `label` (or the n-th). */
export function pick(received: ReceivedMessage[], which: string | number): UserMessage {
  const m = [...received].reverse().find((x) => x.options.length > 0);
  if (!m) throw new Error(`no options offered in: ${received.map((r) => r.text).join(" | ")}`);
  const o = typeof which === "number" ? m.options[which] : m.options.find((x) => x.title.includes(which));
  if (!o) throw new Error(`no option "${which}" in ${m.options.map((x) => x.title).join(", ")}`);
  const interactive = (m.body["interactive"] as { type: string }).type;
  return interactive === "button" ? { type: "button_reply", id: o.id, title: o.title } : { type: "list_reply", id: o.id, title: o.title };
}

export const texts = (received: ReceivedMessage[]): string => received.map((r) => [r.text, ...r.options.map((o) => o.title)].join("\n")).join("\n---\n").replace(/[\u2066-\u2069]/g, "");
