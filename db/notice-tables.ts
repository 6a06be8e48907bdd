/**
 * The tables of the window-aware notices (Kysely style, as in schema.ts): when
 * each chat last wrote, every notice Sila starts outside a conversation and
 * the rung that carried it, and what channels reported later about messages.
 */
import type { ColumnType, Generated } from "kysely";
import type { NoticeKind } from "../orgs/schema";
import type { ChannelName } from "./schema";

/** When a chat last wrote to us: WhatsApp's 24-hour window is measured from it. */
export interface ChatWindowTable {
  channel: ChannelName;
  chat_id: string;
  last_inbound_at: string;
}

/** The rung of the ladder a notice went by: a free message, an approved template, another channel, or none. */
export type NoticeRung = "free" | "template" | "other" | "unreached";
export type NoticeStatus = "pending" | "sent" | "delivered" | "read" | "failed" | "unreached";

/** A message Sila starts outside a conversation, and how it reached (or did not reach) the person. */
export interface NoticeTable {
  id: Generated<number>;
  contact_id: number;
  kind: NoticeKind;
  /** The application or ticket it is about. */
  reference: string | null;
  /** The free message (OutboundMessage JSON, sealed when personal), kept while a later rung may need it. */
  message: string | null;
  /** JSON: the template's named values as texts (`Text`), rendered in the template's language when sent. */
  params: ColumnType<string, string | undefined, string>;
  bulk: ColumnType<number, number | undefined, number>;
  rung: NoticeRung | null;
  channel: ChannelName | null;
  chat_id: string | null;
  status: ColumnType<NoticeStatus, NoticeStatus | undefined, NoticeStatus>;
  channel_message_id: string | null;
  error: string | null;
  /** 1 once a template went: the free message follows when the person next writes. */
  followup: ColumnType<number, number | undefined, number>;
  created_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  updated_at: string;
}

/** What a channel reported later about a sent message (WhatsApp Cloud API status callbacks). */
export interface MessageStatusTable {
  channel: ChannelName;
  message_id: string;
  status: "sent" | "delivered" | "read" | "failed";
  status_at: string;
  error_code: string | null;
  error_title: string | null;
  updated_at: string;
}
