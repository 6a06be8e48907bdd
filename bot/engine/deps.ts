/**
 * What the engine is built from (createEngine and the effect runner both take
 * it): a module of its own, so that engine/index.ts and engine/effects.ts do
 * not import each other.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { HotPath } from "../../db/hot";
import type { FaqResult } from "../../flows/faq/matcher";
import type { Locale, Profile } from "../../orgs/schema";
import type { StaffTarget } from "../channels/types";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import type { Cipher } from "../crypto";
import type { CalendarSource } from "../calendar";

export interface EngineDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  log: Logger;
  clock: () => Date;
  staff: readonly StaffTarget[];
  /** FAQ lookup in a locale (built once from the profile). */
  faq: (query: string, locale: Locale) => FaqResult;
  /** The association's calendar with the staff's closures (read before each turn, outside its transaction). */
  calendar: CalendarSource;
  /** Keyed hash of a national ID for duplicate checks. */
  hashNationalId: (id: string) => string;
  /** Encryption at rest for national IDs, sensitive answers and the messages that carry them. */
  cipher: Cipher;
  /** The statements of every turn, prepared on the same SQLite connection as `db`. */
  hot: HotPath;
  attachments: { maxBytes: number; mimeTypes: string[] };
  /**
   * The attachments folder: a file a person sent that the turn did not keep (a photo of an ID card
   * where the number is asked, a voice note) is removed from it once the turn has committed.
   */
  files?: { owns(file: string): boolean };
  /** Called after a turn commits with outbox rows to deliver. */
  onOutbox?: () => void;
  /** Longest text a turn keeps from one message (longer is cut, not refused). */
  maxTextLength?: number;
  /** Messages a contact may send in a minute before being asked to slow down (default 30). */
  floodPerMinute?: number;
}

