/**
 * Pure helpers of the WhatsApp adapter: rendering replies as text with a
 * numbered menu, WhatsApp ids and numbers, staff targets, and turning a
 * library failure into a `ChannelError`.
 */
import { ChannelError, ConfigError } from "../../errors";
import type { StaffTarget } from "../../engine";
import type { Locale } from "../../../orgs/schema";
import { toLatinDigits } from "../../../flows/text/arabic";
import type { OutboundMessage } from "../types";

/**
 * A reply as WhatsApp text. Buttons and lists are deprecated in whatsapp-web.js,
 * so choices become numbered lines ("1. label") under the text, numbered with
 * Latin digits. A line takes the direction of its label, so an Arabic label
 * reads right to left with its number first. `requestContact` has no meaning
 * here: WhatsApp already knows the number.
 */
export function renderWhatsAppText(message: OutboundMessage): string {
  const choices = message.choices ?? [];
  if (choices.length === 0) return message.text;
  const menu = choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n");
  return message.text.trim() === "" ? menu : `${message.text}\n\n${menu}`;
}

/**
 * A phone number as WhatsApp writes it: international digits without "+"
 * ("+966 55 123 4567", "00966551234567" and the Saudi local "0551234567" all
 * give "966551234567"). Null when it is not a plausible number.
 */
export function normalizeWhatsAppNumber(input: string): string | null {
  let digits = toLatinDigits(input.trim()).replace(/[\s\-().]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  else if (digits.startsWith("00")) digits = digits.slice(2);
  else if (/^05\d{8}$/.test(digits)) digits = `966${digits.slice(1)}`;
  return /^[1-9]\d{7,14}$/.test(digits) ? digits : null;
}

/** A chat id the adapter may send to: a person (`@c.us`, `@lid`) or a group (`@g.us`). */
export function isWhatsAppChatId(chatId: string): boolean {
  return /^[0-9A-Za-z.:_-]+@(c\.us|lid|g\.us)$/.test(chatId);
}

/**
 * Staff targets for alerts from the configured staff numbers (and, when
 * given, the staff group). Throws `ConfigError` naming WHATSAPP_STAFF_NUMBERS
 * when a number is not a phone number.
 */
export function whatsappStaffTargets(
  numbers: readonly string[],
  options: { groupId?: string; locale?: Locale } = {},
): StaffTarget[] {
  const locale = options.locale ?? "ar";
  const targets: StaffTarget[] = [];
  for (const raw of numbers) {
    const number = normalizeWhatsAppNumber(raw);
    if (!number) throw new ConfigError(`WHATSAPP_STAFF_NUMBERS: "${raw}" is not a phone number in international form (9665XXXXXXXX)`);
    const chatId = `${number}@c.us`;
    if (!targets.some((t) => t.chatId === chatId)) targets.push({ channel: "whatsapp", chatId, locale });
  }
  if (options.groupId) {
    if (!/@g\.us$/.test(options.groupId)) throw new ConfigError(`WHATSAPP_STAFF_GROUP_ID: "${options.groupId}" is not a group id (…@g.us)`);
    targets.push({ channel: "whatsapp", chatId: options.groupId, locale });
  }
  return targets;
}

/** Failures that retrying cannot fix: the id is malformed or the number is not on WhatsApp. */
const PERMANENT = /invalid wid|wid error|no lid for user|not registered|not on whatsapp/i;
/** Failures that mean the browser behind the client is gone. */
const BROWSER_GONE = /session closed|target closed|browser has disconnected|detached frame|execution context was destroyed|protocol error/i;

const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);

/** Wraps a send failure: permanent for a bad id or a number not on WhatsApp, retryable otherwise. */
export function toChannelError(error: unknown, chatId: string): ChannelError {
  if (error instanceof ChannelError) return error;
  const reason = reasonOf(error);
  return new ChannelError(`WhatsApp could not send to ${chatId}: ${reason}`, { permanent: PERMANENT.test(reason), cause: error });
}

/** True when a failure says the client's browser is gone and the client must be replaced. */
export function isBrowserGone(error: unknown): boolean {
  return BROWSER_GONE.test(reasonOf(error));
}
