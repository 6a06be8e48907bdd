/**
 * Kinds every layer may import (bot, flows, db, orgs, scripts): the named
 * errors Sila raises, and what a person can send and answer. This file
 * imports nothing, so `db/` and `orgs/` never reach into `bot/` for them;
 * `bot/errors.ts` and `bot/channels/types.ts` re-export them for the code
 * above.
 */
import type { ChannelName } from "./schema";

export type { ChannelName };

// ---- Errors ------------------------------------------------------------------
// Each carries its cause, so a log line can say what went wrong without losing the original stack.

/** A setting (environment variable or profile field) is missing or wrong. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input that cannot be accepted (used outside flows, e.g. by scripts). */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A channel refused or failed a delivery. `permanent` means retrying cannot
 * help (the user blocked the bot, the chat no longer exists).
 */
export class ChannelError extends Error {
  override readonly name = "ChannelError";
  readonly permanent: boolean;
  /** Seconds the channel asked us to wait before trying again (HTTP 429). */
  readonly retryAfterSeconds: number | undefined;
  /** The channel's own error code, when it gives one (WhatsApp Cloud API: "131047"). */
  readonly code: string | undefined;
  /**
   * The channel refused a free message because the person has not written within its
   * customer-service window (WhatsApp: 24 hours): a template or another channel may still reach them.
   */
  readonly outsideWindow: boolean;
  /** The person cannot be reached on this chat at all (blocked, not on the channel); default: `permanent`. */
  readonly unreachable: boolean;
  constructor(
    message: string,
    options: { permanent: boolean; retryAfterSeconds?: number; cause?: unknown; code?: string; outsideWindow?: boolean; unreachable?: boolean },
  ) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.code = options.code;
    this.outsideWindow = options.outsideWindow ?? false;
    this.unreachable = options.unreachable ?? (options.permanent && !this.outsideWindow);
  }
}

/** The database failed in a way the caller cannot fix (disk, corruption, lock). */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

// ---- What a person sends -----------------------------------------------------

export type MediaType = "image" | "document" | "audio" | "voice" | "video" | "sticker";

/** What a person sent, one variant per kind: no magic strings in a body. */
export type InboundContent =
  | { kind: "text"; text: string }
  /** A button press (Telegram inline keyboard): the value of the choice offered. */
  | { kind: "choice"; value: string }
  | {
      kind: "media";
      mediaType: MediaType;
      /** A channel reference or a local path of the downloaded file. */
      fileRef: string;
      mimeType?: string;
      fileName?: string;
      size?: number;
      caption?: string;
    }
  | {
      kind: "contact";
      phone: string;
      name?: string;
      /** The channel vouches that this is the sender's own number (Telegram: the contact's user is the sender). */
      own: boolean;
    }
  | { kind: "location"; latitude: number; longitude: number };

/** An answer to a satisfaction question, as a flow reads it and the database stores it. */
export type SurveyAnswer =
  | { type: "scale5"; score: number }
  | { type: "yesno"; value: boolean }
  | { type: "text"; text: string }
  | { type: "skipped" };

/** An answer collected for a form field, as stored. */
export type FieldAnswer =
  | { type: "text"; value: string }
  | { type: "number"; value: number }
  | { type: "choice"; value: string }
  | { type: "yesno"; value: boolean }
  | { type: "date"; value: string; calendar: "hijri" | "gregorian" }
  | { type: "phone"; value: string }
  | { type: "nationalId"; value: string }
  | {
      type: "attachment";
      fileRef: string;
      mimeType?: string;
      fileName?: string;
      size?: number;
    }
  /** A shared location pin (WhatsApp/Telegram location, console `/location`). */
  | { type: "location"; latitude: number; longitude: number }
  | { type: "skipped" };

export type AttachmentAnswer = Extract<FieldAnswer, { type: "attachment" }>;

/** One part of a reply to the committee's request, an appeal or a complaint: text or a file. */
export type InfoPart = { type: "text"; text: string } | { type: "file"; file: AttachmentAnswer };
