/**
 * The database, table by table, in Kysely's style. Timestamps are ISO-8601
 * UTC strings; JSON columns hold text that repositories parse.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { NoticeKind } from "../orgs/schema";
import type { ReferralEventTable, ReferralTable } from "./referral-tables";
import type { ChatWindowTable, MessageStatusTable, NoticeTable } from "./notice-tables";

export type { NoticeKind };
export type { ChatWindowTable, MessageStatusTable, NoticeRung, NoticeStatus, NoticeTable } from "./notice-tables";
export { REFERRAL_STATUSES, FINAL_REFERRAL_STATUSES, type ReferralStatus, type ReferralTable, type ReferralEventTable } from "./referral-tables";

/** "whatsapp" is WhatsApp Web (whatsapp-web.js); "whatsapp_cloud" the WhatsApp Business Cloud API. */
export type ChannelName = "console" | "telegram" | "whatsapp" | "whatsapp_cloud";

export interface ContactTable {
  id: Generated<number>;
  locale: string;
  /** When the person chose `locale` explicitly (it then wins over the language of their messages); null otherwise. */
  locale_chosen_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** "indirect" until a program enrols them, then "direct" (policy definitions). */
  beneficiary_type: ColumnType<"direct" | "indirect", "direct" | "indirect" | undefined, "direct" | "indirect">;
  display_name: string | null;
  /** E.164, when known (WhatsApp sender, a shared contact, an application): data, as given. */
  phone: string | null;
  /**
   * E.164 number the channel itself vouched for (WhatsApp's sender, Telegram's shared contact of
   * one's own number): the only number that joins a new chat to this contact. Never a typed number.
   */
  verified_phone: ColumnType<string | null, string | null | undefined, string | null>;
  privacy_accepted_at: string | null;
  unreachable: ColumnType<number, number | undefined, number>;
  unreachable_at: string | null;
  broadcast_opt_in: ColumnType<number, number | undefined, number>;
  /** Set when the contact's personal data was anonymised (deletion request). */
  anonymised_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last season whose greeting the contact got ("ramadan:1448"). */
  season_greeted: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where the person lives, as they told us for a referral (asked once). */
  city: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface ChannelIdentityTable {
  id: Generated<number>;
  contact_id: number;
  channel: ChannelName;
  /** The chat id on that channel (Telegram chat id, WhatsApp id). */
  external_id: string;
  created_at: string;
}

export interface SessionTable {
  identity_id: number;
  /** The shape version of `state`; a mismatch restarts the flow cleanly. */
  version: number;
  state: string;
  updated_at: string;
  /** The chat's flood window: start_ms × 1024 + messages in it (`bot/engine/flood.ts`). */
  flood: Generated<number>;
}

export interface MessageTable {
  id: Generated<number>;
  /** The beneficiary whose chat it is; for a copy of a staff alert, the beneficiary it is about. */
  contact_id: number | null;
  channel: ChannelName;
  chat_id: string;
  direction: "in" | "out";
  /** Unique per channel and direction: a redelivered inbound message is a no-op. */
  channel_message_id: string | null;
  kind: string;
  body: string | null;
  /** in: "processed" | "failed"; out: "sent". */
  status: string;
  error: string | null;
  created_at: string;
}

/** Every application status, in the order a beneficiary's request moves through them. */
export const APPLICATION_STATUSES = ["submitted", "under_review", "needs_info", "approved", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationTable {
  id: Generated<number>;
  reference: string;
  contact_id: number;
  program_id: string;
  status: ApplicationStatus;
  /** JSON: field id → answer as collected. */
  fields: string;
  /** Keyed hash of the national ID, for duplicate checks without the clear value. */
  national_id_hash: string | null;
  attested_at: string;
  privacy_accepted_at: string;
  terms_accepted_at: string;
  sensitive_consent_at: string | null;
  submitted_at: string;
  decided_at: string | null;
  /** Set when the retention job or a deletion request removed the personal fields. */
  anonymised_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The committee's request while the status is "needs_info": what is needed, and by when. */
  info_request: ColumnType<string | null, string | null | undefined, string | null>;
  info_due_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  /** "beneficiary", "system" or "staff:<channel>:<id>". */
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  created_at: string;
}

/** "urgent": someone may be in danger (safety alert); "care": health symptoms for the care role; "appeal": تظلم on a rejection. */
export type TicketKind = "complaint" | "suggestion" | "handoff" | "referral" | "urgent" | "care" | "appeal";

export interface TicketTable {
  id: Generated<number>;
  reference: string;
  contact_id: number;
  kind: TicketKind;
  status: "open" | "closed";
  body: string | null;
  /** JSON attachment descriptor, when one was sent. */
  attachment: string | null;
  referral_id: string | null;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
  /** An appeal: the rejected application it contests. */
  application_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 for a report of misconduct: shown only through the audited full view, routed to `role`. */
  confidential: ColumnType<number, number | undefined, number>;
  /** The staff role the profile routes this ticket to (confidential reports). */
  role: ColumnType<string | null, string | null | undefined, string | null>;
  /** An appeal's outcome: "accepted" or "rejected", decided through the committee's decision path. */
  decision: ColumnType<"accepted" | "rejected" | null, "accepted" | "rejected" | null | undefined, "accepted" | "rejected" | null>;
  decided_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When a staff member first replied (a handoff nobody answered gets no satisfaction survey). */
  answered_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OutboxTable {
  id: Generated<number>;
  /** The beneficiary it goes to; for a staff alert (audience "staff"), the beneficiary it is about, when known. */
  contact_id: number | null;
  audience: "beneficiary" | "staff";
  channel: ChannelName;
  chat_id: string;
  /** JSON OutboundMessage body (text, choices, ...), rendered in the recipient's language. */
  payload: string;
  status: "pending" | "sent" | "failed";
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string;
  last_error: string | null;
  /** Optional idempotency key: the same key is never queued twice. */
  dedupe_key: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1 for broadcasts, survey invitations and reminders: they wait behind conversation replies. */
  bulk: Generated<number>;
  /** The notice this row carries (`notices`), for the window-aware ladder. */
  notice_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface EnrolmentTable {
  id: Generated<number>;
  application_id: number;
  contact_id: number;
  program_id: string;
  /** Calendar dates (YYYY-MM-DD, Riyadh). */
  starts_on: string;
  ends_on: string;
  status: "active" | "ended";
  created_at: string;
}

export interface SurveyTable {
  id: Generated<number>;
  contact_id: number;
  /** "program": after an enrolment ends; "ticket": one question after a handoff or complaint closes. */
  kind: "program" | "ticket";
  enrolment_id: number | null;
  ticket_id: number | null;
  program_id: string | null;
  status: "pending" | "sent" | "answered";
  created_at: string;
  sent_at: string | null;
  reminded_at: string | null;
  answered_at: string | null;
}

export interface SurveyAnswerTable {
  id: Generated<number>;
  survey_id: number;
  question_id: string;
  /** "scale5" | "yesno" | "text" | "skipped". */
  type: string;
  /** 1..5 for scales, 1/0 for yes/no. */
  score: number | null;
  text: string | null;
  created_at: string;
}

export interface ConsentTable {
  id: Generated<number>;
  contact_id: number;
  /** "privacy_notice", "sensitive_data:<categories>" (e.g. "sensitive_data:health,disability"), "attestation", "program_terms:<program id>", "referral_share:<ticket reference>". */
  purpose: string;
  application_id: number | null;
  granted_at: string;
}

export interface PrivacyRequestTable {
  id: Generated<number>;
  reference: string;
  contact_id: number;
  kind: "export" | "deletion";
  status: "pending" | "done" | "cancelled";
  created_at: string;
  done_at: string | null;
  done_by: string | null;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface StaffAuditTable {
  id: Generated<number>;
  /** The channel and the staff member's id on it (Telegram user id, WhatsApp number). */
  actor_channel: ChannelName;
  actor_id: string;
  actor_name: string | null;
  /** "show", "reply", "close", "claim", "pending", "stats", "decide", "help", "unknown". */
  action: string;
  /** The application or ticket reference acted on, when there is one. */
  target: string | null;
  /** 1 when done, 0 when refused (not staff). */
  allowed: number;
  /** A short reason or note; never a national ID or a message body. */
  detail: string | null;
  created_at: string;
  /** Where it was done: a staff chat, or the web desk (which opens no WhatsApp window). */
  via: ColumnType<"chat" | "desk", "chat" | "desk" | undefined, "chat" | "desk">;
}

/** A Telegram username a staff member wrote from (lower case, without "@"): "@handle" signs in to the desk. */
export interface StaffHandleTable {
  channel: ChannelName;
  handle: string;
  user_id: string;
  seen_at: string;
}

/** Every safety alert, new message in it, and escalation (what the escalation job reads). */
export interface SafetyEventTable {
  id: Generated<number>;
  ticket_reference: string;
  contact_id: number;
  action: "alert" | "update" | "escalate" | "care";
  /** The kind of danger ("self_harm", "medical", ...) or "symptoms". */
  kind: string;
  /** 0 for the safeguarding role, n for the n-th role it was escalated to. */
  level: number;
  role: string;
  created_at: string;
}

/** A one-time sign-in code of the staff desk; only keyed hashes are stored. */
export interface DeskCodeTable {
  id: Generated<number>;
  /** SHA-256 of the random challenge the sign-in page carries between asking for a code and entering it. */
  challenge_hash: string;
  staff_channel: ChannelName;
  staff_id: string;
  /** HMAC of the six digits (keyed by the installation's secret). */
  code_hash: string;
  attempts: ColumnType<number, number | undefined, number>;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A signed-in desk session; the cookie's token is never stored, only its SHA-256. */
export interface DeskSessionTable {
  token_hash: string;
  staff_channel: ChannelName;
  staff_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** Closures staff added, and occurrences of the profile's closures they moved or cancelled. */
export interface CalendarClosureTable {
  id: Generated<number>;
  /** The occurrence of a profile closure this replaces ("eid_fitr:1448"), or null for a closure of its own. */
  replaces: string | null;
  /** The name staff typed, or null to keep the profile closure's name. */
  name: string | null;
  /** First and last closed day, Gregorian YYYY-MM-DD (Riyadh). */
  starts_on: string;
  ends_on: string;
  cancelled: ColumnType<number, number | undefined, number>;
  /** "staff:<channel>:<id>", "desk:<user>". */
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  contacts: ContactTable;
  channel_identities: ChannelIdentityTable;
  sessions: SessionTable;
  messages: MessageTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  tickets: TicketTable;
  outbox: OutboxTable;
  counters: CounterTable;
  enrolments: EnrolmentTable;
  surveys: SurveyTable;
  survey_answers: SurveyAnswerTable;
  consents: ConsentTable;
  privacy_requests: PrivacyRequestTable;
  staff_audit: StaffAuditTable;
  staff_handles: StaffHandleTable;
  chat_windows: ChatWindowTable;
  notices: NoticeTable;
  message_statuses: MessageStatusTable;
  safety_events: SafetyEventTable;
  calendar_closures: CalendarClosureTable;
  desk_codes: DeskCodeTable;
  desk_sessions: DeskSessionTable;
  referrals: ReferralTable;
  referral_events: ReferralEventTable;
}

export type ContactRow = Selectable<ContactTable>;
export type NewContact = Insertable<ContactTable>;
export type ContactUpdate = Updateable<ContactTable>;
export type ApplicationRow = Selectable<ApplicationTable>;
export type NewApplication = Insertable<ApplicationTable>;
export type TicketRow = Selectable<TicketTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutbox = Insertable<OutboxTable>;
export type NoticeRow = Selectable<NoticeTable>;
