/**
 * The contract between channels and the engine. A channel adapter turns its
 * events into one `InboundMessage` and delivers `OutboundMessage`s; nothing
 * outside `bot/channels` knows a channel library.
 */
import type { ChannelName } from "../../db/schema";
import type { Locale } from "../../orgs/schema";

export type { ChannelName };

/** Where staff alerts go: a staff chat on a channel, in its language. */
export interface StaffTarget {
  channel: ChannelName;
  chatId: string;
  locale: Locale;
}

export type { InboundContent, MediaType } from "../../db/kinds";
import type { InboundContent } from "../../db/kinds";

export interface InboundMessage {
  channel: ChannelName;
  /** The chat the reply goes to (Telegram chat id, WhatsApp id, "local"). */
  chatId: string;
  /** Unique within the channel: a redelivery carries the same id. */
  messageId: string;
  receivedAt: Date;
  content: InboundContent;
  senderName?: string;
  /**
   * The sender's phone, E.164, only when the channel itself vouches for it (WhatsApp's sender):
   * it joins the chat to the person proven to hold that number. Never a number the person typed.
   */
  senderPhone?: string;
}

export interface OutboundChoice {
  value: string;
  label: string;
}

/**
 * An approved message template (WhatsApp Cloud API): what a business may
 * send to someone outside the customer-service window. The body parameters
 * fill {{1}}, {{2}}, … of the approved text, in order.
 */
export interface OutboundTemplate {
  name: string;
  /** Meta's language code of the approved translation ("ar", "en", "ur"). */
  language: string;
  params: string[];
}

/** A file to send: a local file (uploaded first) or a media id the channel already holds. */
export interface OutboundMedia {
  kind: "image" | "document" | "audio";
  path?: string;
  id?: string;
  mimeType: string;
  fileName?: string;
}

/** A message ready for a channel: already translated. */
export interface OutboundMessage {
  text: string;
  /** Rendered as buttons (Telegram) or a numbered menu (WhatsApp, console). */
  choices?: OutboundChoice[];
  /** Offer the channel's "share my phone number" button where it has one. */
  requestContact?: boolean;
  /** Send this approved template instead of `text` (channels with templates); `text` says what it carries. */
  template?: OutboundTemplate;
  /** A file, with `text` as its caption (channels that send files; others send the text). */
  media?: OutboundMedia;
}

export interface SendResult {
  /** The channel's id for the sent message, when it gives one. */
  messageId?: string;
}

/** What the outbox needs from a channel. Throws `ChannelError` on failure. */
export interface ChannelSender {
  readonly name: ChannelName;
  /**
   * Hours after a person's last message during which free messages may be sent to them
   * (WhatsApp Cloud API: 24); undefined when the channel has no such window.
   */
  readonly windowHours?: number;
  send(chatId: string, message: OutboundMessage): Promise<SendResult>;
}

/** What became of a sent message, as the channel reports it later (WhatsApp Cloud API status callbacks). */
export interface DeliveryStatus {
  channel: ChannelName;
  chatId: string;
  /** The id `send` returned. */
  messageId: string;
  status: "sent" | "delivered" | "read" | "failed";
  at: Date;
  /** For "failed": the channel's code and title, and what it means for the message. */
  error?: { code: string; title: string; permanent: boolean; outsideWindow: boolean; unreachable: boolean };
}

/** A channel the composition root can start and stop. */
export interface ChannelAdapter extends ChannelSender {
  /**
   * Starts taking updates: every message goes to `handler` (resolving once it is stored),
   * and, on channels that report them, delivery statuses to `onStatus`.
   */
  start(handler: (message: InboundMessage) => Promise<void>, onStatus?: (status: DeliveryStatus) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
