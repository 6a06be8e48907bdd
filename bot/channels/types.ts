/**
 * The contract between channels and the engine. A channel adapter turns its
 * events into one `InboundMessage` and delivers `OutboundMessage`s; nothing
 * outside `bot/channels` knows a channel library.
 */
import type { ChannelName } from "../../db/schema";

export type { ChannelName };

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

/** A message ready for a channel: already translated. */
export interface OutboundMessage {
  text: string;
  /** Rendered as buttons (Telegram) or a numbered menu (WhatsApp, console). */
  choices?: OutboundChoice[];
  /** Offer the channel's "share my phone number" button where it has one. */
  requestContact?: boolean;
}

export interface SendResult {
  /** The channel's id for the sent message, when it gives one. */
  messageId?: string;
}

/** What the outbox needs from a channel. Throws `ChannelError` on failure. */
export interface ChannelSender {
  readonly name: ChannelName;
  send(chatId: string, message: OutboundMessage): Promise<SendResult>;
}

/** A channel the composition root can start and stop. */
export interface ChannelAdapter extends ChannelSender {
  start(handler: (message: InboundMessage) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
