/**
 * Wiring the parts of one installation together: the engine, the outbox and
 * the channels, for one association profile and one database. `main.ts`
 * uses it with the real environment; tests use it with a temp database.
 */
import type { Kysely } from "kysely";
import type SQLite from "better-sqlite3";
import { createHotPath } from "../db/hot";
import type { Database, ChannelName } from "../db/schema";
import type { FaqResult } from "../flows/faq/matcher";
import { profileFaqLookup } from "../flows/faq/profile";
import type { Locale, Profile } from "../orgs/schema";
import type { ChannelSender } from "./channels/types";
import { createEngine, type Engine, type StaffTarget } from "./engine";
import { createOutboxSender, type OutboxSender } from "./engine/outbox";
import { createTranslator, type Translator } from "./i18n";
import { createLogger, type Logger } from "./log";
import { nationalIdHasher } from "./secrets";
import { createCipher, type Cipher } from "./crypto";
import { createNoticeLadder, type NoticeLadder } from "./notices/ladder";
import { createCalendarSource, type CalendarSource } from "./calendar";

export const DEFAULT_ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

export interface SilaOptions {
  db: Kysely<Database>;
  /** The better-sqlite3 handle under `db` (`OpenedDb.sqlite`): the turn's hot statements run on it. */
  sqlite: SQLite.Database;
  profile: Profile;
  secretKey: Buffer;
  senders?: ChannelSender[];
  staff?: StaffTarget[];
  clock?: () => Date;
  log?: Logger;
  translator?: Translator;
  attachmentMaxBytes?: number;
  /** The attachments folder: files people sent that no step kept are removed from it after their turn. */
  files?: { owns(file: string): boolean };
  outbox?: { baseDelayMs?: number; maxAttempts?: number };
  /** Messages per minute per contact before "please slow down" (default 30). */
  floodPerMinute?: number;
  /** Replaces the FAQ lookup built from the profile (tests inject failures with it). */
  faq?: (query: string, locale: Locale) => FaqResult;
}

export interface Sila {
  engine: Engine;
  /** Encryption at rest (staff views and "my data" open sealed answers with it). */
  cipher: Cipher;
  outbox: OutboxSender;
  /** The window-aware ladder of notices; channels report delivery statuses to `notices.recordStatus`. */
  notices: NoticeLadder;
  translator: Translator;
  /** The calendar (profile and staff closures): jobs, decisions and staff commands ask the same one. */
  calendar: CalendarSource;
  /** Registers a channel for delivery (before or after start). */
  addSender(sender: ChannelSender): void;
}

/** The profile's FAQ lookup: one matcher over every locale's questions, built once (flows/faq/profile.ts). */
export function faqLookup(profile: Profile): (query: string, locale: Locale) => FaqResult {
  return profileFaqLookup(profile);
}

export function createSila(options: SilaOptions): Sila {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? createLogger("info");
  const translator = options.translator ?? createTranslator({ locales: options.profile.locales, addressAs: options.profile.addressAs });
  const senders = new Map<ChannelName, ChannelSender>();
  for (const s of options.senders ?? []) senders.set(s.name, s);
  const cipher = createCipher(options.secretKey);
  const hot = createHotPath(options.sqlite);
  const calendar = createCalendarSource(options.db, options.profile);
  const notices = createNoticeLadder({
    db: options.db,
    profile: options.profile,
    translator,
    cipher,
    clock,
    log,
    // As the engine: with no staff chat configured, alerts go to the console's.
    staff: options.staff?.length ? options.staff : [{ channel: "console", chatId: "staff", locale: options.profile.locales[0] ?? "ar" }],
    senders,
    hot,
    onOutbox: () => outbox.kick(),
  });
  // Survey invitations, reminders and broadcasts already queued still wait out quiet hours and prayer windows.
  const bulkSendTime = async (now: Date) => (await calendar.get()).sendTime(now, "bulk");
  const outbox: OutboxSender = createOutboxSender({ db: options.db, senders, clock, log, cipher, hot, notices, bulkSendTime, ...options.outbox });
  const engine = createEngine({
    db: options.db,
    profile: options.profile,
    translator,
    log,
    clock,
    staff: options.staff ?? [],
    faq: options.faq ?? faqLookup(options.profile),
    calendar,
    hashNationalId: nationalIdHasher(options.secretKey),
    cipher,
    hot,
    attachments: { maxBytes: options.attachmentMaxBytes ?? 10 * 1024 * 1024, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    onOutbox: () => outbox.kick(),
    ...(options.floodPerMinute !== undefined ? { floodPerMinute: options.floodPerMinute } : {}),
    ...(options.files ? { files: options.files } : {}),
  });
  return {
    engine,
    cipher,
    outbox,
    notices,
    translator,
    calendar,
    addSender: (s) => senders.set(s.name, s),
  };
}
