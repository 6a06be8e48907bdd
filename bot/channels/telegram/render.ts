/**
 * Rendering an `OutboundMessage` for Telegram: plain text (no parse mode, so
 * what a person typed can never break the formatting) split on paragraph and
 * line boundaries under Telegram's 4096-character limit; choices as an
 * inline keyboard, one button a row; the "share my number" request as a
 * one-time reply keyboard.
 */
import { createHash } from "node:crypto";
import type { OutboundChoice } from "../types";

export const TEXT_LIMIT = 4096;
/** Telegram's limit for a button's callback data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** Splits `text` into parts of at most `limit` UTF-16 units, preferring blank lines, then lines, then spaces. */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  if (text.trim().length === 0) return ["…"];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    // The last paragraph break in the second half, else the last line break, else the last space.
    let cut = -1;
    for (const minimum of [limit / 2, 1]) {
      for (const sep of ["\n\n", "\n", " "]) {
        const i = window.lastIndexOf(sep, limit);
        if (i >= minimum) {
          cut = i;
          break;
        }
      }
      if (cut > 0) break;
    }
    if (cut <= 0) {
      cut = limit;
      // Never cut a surrogate pair (an emoji) in half.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const head = rest.slice(0, cut).trimEnd();
    if (head.length > 0) parts.push(head);
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/**
 * Choice values as callback data. A value that fits (64 bytes) is sent as
 * is; a longer one as "~" and a hash, remembered here to be read back. A
 * hash this process does not know (after a restart) reads back as unknown,
 * and the adapter falls back to the button's label, which flows match too.
 */
export class CallbackCodec {
  private readonly long = new Map<string, string>();
  constructor(private readonly maxEntries = 5000) {}

  encode(value: string): string {
    if (!value.startsWith("~") && Buffer.byteLength(value, "utf8") <= CALLBACK_DATA_LIMIT) return value;
    const key = `~${createHash("sha256").update(value).digest("base64url").slice(0, 32)}`;
    this.long.delete(key);
    this.long.set(key, value);
    if (this.long.size > this.maxEntries) {
      const oldest = this.long.keys().next().value;
      if (oldest !== undefined) this.long.delete(oldest);
    }
    return key;
  }

  /** The value behind callback data, or null when it was a hash this process no longer knows. */
  decode(data: string): string | null {
    if (!data.startsWith("~")) return data;
    return this.long.get(data) ?? null;
  }
}

export interface InlineButton {
  text: string;
  callback_data: string;
}

export function inlineKeyboard(choices: readonly OutboundChoice[], codec: CallbackCodec): { inline_keyboard: InlineButton[][] } {
  return { inline_keyboard: choices.map((c) => [{ text: c.label, callback_data: codec.encode(c.value) }]) };
}

/**
 * The reply keyboard that asks for the person's number. Telegram allows one
 * keyboard per message, so choices offered with it become plain buttons
 * under the share button: pressing one sends its label, which flows match.
 */
export function contactKeyboard(shareLabel: string, choices: readonly OutboundChoice[] = []) {
  return {
    keyboard: [[{ text: shareLabel, request_contact: true as const }], ...choices.map((c) => [{ text: c.label }])],
    one_time_keyboard: true,
    resize_keyboard: true,
  };
}
