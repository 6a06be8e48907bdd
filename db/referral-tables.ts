/**
 * The referral tables (Kysely style, as in schema.ts): a referral of a
 * beneficiary to a partner outside the association, and its history.
 */
import type { ColumnType, Generated } from "kysely";

/** Where a referral stands, from being suggested to its outcome (the last three are outcomes). */
export const REFERRAL_STATUSES = ["suggested", "handed_over", "partner_answered", "helped", "not_helped", "no_answer"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Outcomes: the referral is no longer followed up. */
export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = ["helped", "not_helped", "no_answer"];

export interface ReferralTable {
  id: Generated<number>;
  /** The referral ticket (R26-…) that carries it. */
  ticket_id: number;
  contact_id: number;
  /** The profile's topic id (`referrals.topics`). */
  topic_id: string;
  /** The profile's partner id; null: none chosen yet (the city is asked), or none serves the city. */
  partner_id: string | null;
  /** The city the partner was chosen for, as typed. */
  city: string | null;
  status: ReferralStatus;
  /** 1: no contact of the partner could be shown (or no partner): staff take it on. */
  staff_handled: ColumnType<number, number | undefined, number>;
  /** The beneficiary's answer to sharing a summary with the partner; null when not asked (or not answered). */
  consent: "given" | "refused" | null;
  consent_at: string | null;
  /** When the beneficiary is first asked whether the partner helped (null: not told of a partner yet). */
  follow_up_at: string | null;
  asked_at: string | null;
  /** The one reminder. */
  reminded_at: string | null;
  /** The last answer to "did they help?". */
  answer: "helped" | "not_helped" | "waiting" | null;
  answered_at: string | null;
  /** When staff were alerted with its history (not helped, or still waiting after the reminder). */
  alerted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReferralEventTable {
  id: Generated<number>;
  referral_id: number;
  /** "beneficiary", "system" or "staff:<channel>:<id>". */
  actor: string;
  /** "opened", "partner", "consent", "asked", "reminded", "answer", "status", "alerted". */
  action: string;
  from_status: string | null;
  to_status: string | null;
  /** A short note (the answer, the partner); never the request's text. */
  note: string | null;
  created_at: string;
}
