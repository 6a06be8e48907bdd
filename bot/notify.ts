/**
 * Messages that start outside a beneficiary's turn: staff replies, committee
 * decisions, surveys, reminders. They are rendered in the recipient's
 * language and written to the outbox in the caller's transaction, addressed
 * to the channel the person last wrote from.
 */
import type { Locale, NoticeKind } from "../orgs/schema";
import type { Reply, Text } from "../flows/types";
import * as repo from "../db/repo";
import type { Executor } from "../db/repo";
import type { NewOutbox } from "../db/schema";
import { insertNotice } from "../db/notices";
import type { OutboundMessage, StaffTarget } from "./channels/types";
import type { Translator } from "./i18n";
import { cutText } from "../flows/validate";
import { maskNationalIds } from "./pii";

/** The longest text one message may carry on any channel (Telegram's limit). */
export const MAX_MESSAGE_LENGTH = 4096;

/** A reply as one message for a direct send: cut with "…" past the limit (use `renderParts` to queue it whole). */
export function renderReply(translator: Translator, r: Reply, locale: Locale): OutboundMessage {
  const message = renderParts(translator, r, locale, Number.POSITIVE_INFINITY)[0]!;
  return message.text.length > MAX_MESSAGE_LENGTH ? { ...message, text: `${cutText(message.text, MAX_MESSAGE_LENGTH - 1)}…` } : message;
}

/**
 * A reply as the messages that carry it, each within `limit` characters: split
 * between paragraphs, else between lines, else inside a line; the choices and
 * the contact button go with the last part.
 */
export function renderParts(translator: Translator, r: Reply, locale: Locale, limit = MAX_MESSAGE_LENGTH): OutboundMessage[] {
  const text = r.text.map((part) => translator.render(part, locale)).join("\n\n");
  const extras = {
    ...(r.choices?.length ? { choices: r.choices.map((c) => ({ value: c.value, label: translator.render(c.label, locale) })) } : {}),
    ...(r.requestContact ? { requestContact: true } : {}),
  };
  const texts = splitText(text, limit);
  return texts.map((t, i) => (i === texts.length - 1 ? { text: t, ...extras } : { text: t }));
}

function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const at = Math.max(window.lastIndexOf("\n\n"), 0) || Math.max(window.lastIndexOf("\n"), 0) || Math.max(window.lastIndexOf(" "), 0);
    const cut = at > limit / 4 ? at : limit;
    const head = cutText(rest, cut);
    parts.push(head.trimEnd());
    rest = rest.slice(head.length).replace(/^\s+/, "");
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * What makes a message a notice (bot/notices/ladder.ts): its kind, what it is
 * about, and the values of the WhatsApp template that carries it when the
 * person has not written within the window.
 */
export interface NoticeSpec {
  kind: NoticeKind;
  /** The application or ticket it is about: staff see on it how the notice went. */
  reference?: string | null;
  /** The template's named values (orgs/schema.ts TEMPLATE_PARAMS), as texts rendered in the template's language. */
  params?: Record<string, Text>;
}

export interface NotifyOptions {
  /** The same key is never queued twice (scheduled jobs stay idempotent). */
  dedupeKey?: string;
  /** Earliest delivery time (quiet hours); default now. */
  notBefore?: string;
  /** A broadcast, a survey invitation or a reminder: sent after the replies of conversations. */
  bulk?: boolean;
  /** A notice: delivered by the window-aware ladder (free message, template, other channel, staff alerted). */
  notice?: NoticeSpec;
  /** Encrypts a notice carrying personal data (`reply.sensitive`) at rest. */
  seal?: (plain: string) => string;
}

/**
 * Queues `reply` to a contact; returns false when the contact has no channel
 * identity (nothing to send to) or the dedupe key was already used.
 */
export async function notifyContact(
  db: Executor,
  translator: Translator,
  contactId: number,
  reply: Reply,
  at: string,
  options: NotifyOptions = {},
): Promise<boolean> {
  const address = await repo.contactAddress(db, contactId);
  if (!address) return false;
  const locale = (translator.locales as readonly string[]).includes(address.locale) ? (address.locale as Locale) : "ar";
  const before = options.dedupeKey
    ? await db.selectFrom("outbox").select("id").where("dedupe_key", "=", options.dedupeKey).executeTakeFirst()
    : undefined;
  if (before) return false;
  if (options.notice) {
    // A notice is one message (cut past the limit), so that a template or another channel can replace it whole.
    const payload = JSON.stringify(renderReply(translator, reply, locale));
    const message = reply.sensitive && options.seal ? options.seal(payload) : payload;
    const noticeId = await insertNotice(db, {
      contactId,
      kind: options.notice.kind,
      reference: options.notice.reference ?? null,
      message,
      params: JSON.stringify(options.notice.params ?? {}),
      bulk: options.bulk ?? false,
      at,
    });
    await repo.enqueue(db, {
      contact_id: contactId,
      audience: "beneficiary",
      channel: address.channel,
      chat_id: address.chatId,
      payload: message,
      next_attempt_at: options.notBefore ?? at,
      last_error: null,
      dedupe_key: options.dedupeKey ?? null,
      created_at: at,
      sent_at: null,
      notice_id: noticeId,
      ...(options.bulk ? { bulk: 1 } : {}),
    });
    return true;
  }
  const parts = renderParts(translator, reply, locale);
  for (const [i, part] of parts.entries()) {
    await repo.enqueue(db, {
      contact_id: contactId,
      audience: "beneficiary",
      channel: address.channel,
      chat_id: address.chatId,
      payload: JSON.stringify(part),
      next_attempt_at: options.notBefore ?? at,
      last_error: null,
      dedupe_key: options.dedupeKey ? (i === 0 ? options.dedupeKey : `${options.dedupeKey}#${i}`) : null,
      created_at: at,
      sent_at: null,
      ...(options.bulk ? { bulk: 1 } : {}),
    });
  }
  return true;
}

/** The outbox rows of a text to every staff target (each in its own language). */
export function staffRows(
  translator: Translator,
  targets: readonly StaffTarget[],
  text: Text | Reply,
  at: string,
  options: NotifyOptions = {},
): Array<Omit<NewOutbox, "status" | "attempts">> {
  const reply: Reply = "text" in text && Array.isArray(text.text) ? (text as Reply) : { text: [text as Text] };
  return targets.flatMap((target) =>
    renderParts(translator, reply, target.locale).map((part, i) => ({
      contact_id: null,
      audience: "staff" as const,
      channel: target.channel,
      chat_id: target.chatId,
      // Staff see a national ID masked, even one a beneficiary typed into free text; so does the stored copy.
      payload: JSON.stringify({ ...part, text: maskNationalIds(part.text) }),
      next_attempt_at: options.notBefore ?? at,
      last_error: null,
      dedupe_key: options.dedupeKey ? `${options.dedupeKey}:${target.channel}:${target.chatId}${i === 0 ? "" : `#${i}`}` : null,
      created_at: at,
      sent_at: null,
    })),
  );
}

/** Queues a text to every staff target (each in its own language). */
export async function notifyStaff(
  db: Executor,
  translator: Translator,
  targets: readonly StaffTarget[],
  text: Text | Reply,
  at: string,
  options: NotifyOptions = {},
): Promise<void> {
  for (const row of staffRows(translator, targets, text, at, options)) await repo.enqueue(db, row);
}
