/**
 * WhatsApp's customer-service window as the ladder and staff see it: on the
 * Cloud API a free message reaches a person only within 24 hours of their
 * last message; after that a notice goes as an approved template (and, for a
 * staff reply or a decision, its full text follows when they write again).
 * The ladder decides at delivery (`ladder.ts`); `replyWindow` tells staff,
 * before they reply, how their reply will go.
 */
import * as notices from "../../db/notices";
import type { Executor } from "../../db/repo";
import * as repo from "../../db/repo";
import type { ChannelName } from "../../db/schema";
import type { Locale, Profile, WhatsAppTemplate } from "../../orgs/schema";

/** Meta's customer-service window, in hours. */
export const WHATSAPP_WINDOW_HOURS = 24;
/** A send this close to the window's end goes as a template rather than be refused. */
export const WINDOW_MARGIN_MS = 5 * 60_000;
/** Channels whose free messages need a window, and its length (the Cloud API adapter declares the same). */
export const WINDOWED_CHANNELS: Partial<Record<ChannelName, number>> = { whatsapp_cloud: WHATSAPP_WINDOW_HOURS };

/** True when a free message may go now to someone who last wrote at `lastInbound`. */
export function isWindowOpen(lastInbound: string | null, now: Date, hours: number): boolean {
  return lastInbound !== null && now.getTime() - Date.parse(lastInbound) < hours * 3_600_000 - WINDOW_MARGIN_MS;
}

/** The template's language for a person: theirs when the template is approved in it, else its first. */
export function templateLanguage(t: WhatsAppTemplate, locale: string): Locale {
  return t.languages.includes(locale as Locale) ? (locale as Locale) : t.languages[0]!;
}

/** How a staff reply to a contact would go now. */
export type ReplyWindow =
  /** Their chat has no window (Telegram, WhatsApp Web, the console): a free message. */
  | { windowed: false; channel: ChannelName }
  | {
      windowed: true;
      channel: ChannelName;
      /** When they last wrote on that chat (null: never). */
      lastInbound: string | null;
      open: boolean;
      /** When the window closes (or closed); null when they never wrote. */
      closesAt: string | null;
      /** Outside the window: the approved "reply" template and the language it goes in (null: none configured). */
      template: { name: string; language: Locale } | null;
    };

/** How a reply to `contactId` would go now, or null when they have no chat to reach. */
export async function replyWindow(db: Executor, profile: Profile, contactId: number, now: Date): Promise<ReplyWindow | null> {
  const address = await repo.contactAddress(db, contactId);
  if (!address) return null;
  const hours = WINDOWED_CHANNELS[address.channel];
  if (hours === undefined) return { windowed: false, channel: address.channel };
  const lastInbound = await notices.lastInbound(db, address.channel, address.chatId);
  const t = profile.whatsappTemplates.reply;
  return {
    windowed: true,
    channel: address.channel,
    lastInbound,
    open: isWindowOpen(lastInbound, now, hours),
    closesAt: lastInbound === null ? null : new Date(Date.parse(lastInbound) + hours * 3_600_000).toISOString(),
    template: t ? { name: t.name, language: templateLanguage(t, address.locale) } : null,
  };
}
