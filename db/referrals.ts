/**
 * Referrals: the repository. A referral is a ticket (R26-…) with a row of its
 * own: topic, partner, city, status, consent and follow-up, and its history.
 * Free functions over the database or a transaction; rows become plain
 * values before they leave.
 */
import type { Executor } from "./repo";
import { createTicket } from "./repo";
import type { Updateable } from "kysely";
import { FINAL_REFERRAL_STATUSES, type ReferralStatus, type ReferralTable } from "./referral-tables";

export interface Referral {
  id: number;
  reference: string;
  ticketId: number;
  ticketStatus: "open" | "closed";
  /** The request as the beneficiary wrote it (national IDs masked); null once erased. */
  body: string | null;
  contactId: number;
  topicId: string;
  partnerId: string | null;
  city: string | null;
  status: ReferralStatus;
  staffHandled: boolean;
  consent: "given" | "refused" | null;
  consentAt: string | null;
  followUpAt: string | null;
  askedAt: string | null;
  remindedAt: string | null;
  answer: "helped" | "not_helped" | "waiting" | null;
  answeredAt: string | null;
  alertedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReferralEvent {
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  at: string;
}

export const isFinal = (s: ReferralStatus): boolean => FINAL_REFERRAL_STATUSES.includes(s);

const DAY_MS = 86_400_000;
export const daysAfter = (at: string, days: number): string => new Date(Date.parse(at) + days * DAY_MS).toISOString();

function selectReferrals(db: Executor) {
  return db
    .selectFrom("referrals as r")
    .innerJoin("tickets as t", "t.id", "r.ticket_id")
    .select([
      "r.id", "t.reference", "r.ticket_id", "t.status as ticket_status", "t.body", "r.contact_id", "r.topic_id", "r.partner_id", "r.city",
      "r.status", "r.staff_handled", "r.consent", "r.consent_at", "r.follow_up_at", "r.asked_at", "r.reminded_at", "r.answer",
      "r.answered_at", "r.alerted_at", "r.created_at", "r.updated_at",
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectReferrals>["executeTakeFirstOrThrow"]>>;

const toReferral = (r: Row): Referral => ({
  id: r.id,
  reference: r.reference,
  ticketId: r.ticket_id,
  ticketStatus: r.ticket_status,
  body: r.body,
  contactId: r.contact_id,
  topicId: r.topic_id,
  partnerId: r.partner_id,
  city: r.city,
  status: r.status,
  staffHandled: r.staff_handled === 1,
  consent: r.consent,
  consentAt: r.consent_at,
  followUpAt: r.follow_up_at,
  askedAt: r.asked_at,
  remindedAt: r.reminded_at,
  answer: r.answer,
  answeredAt: r.answered_at,
  alertedAt: r.alerted_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The referral behind a ticket reference; with `contactId`, only that contact's own. */
export async function referralOf(db: Executor, reference: string, contactId?: number): Promise<Referral | null> {
  let q = selectReferrals(db).where("t.reference", "=", reference);
  if (contactId !== undefined) q = q.where("r.contact_id", "=", contactId);
  const row = await q.executeTakeFirst();
  return row ? toReferral(row) : null;
}

export async function addReferralEvent(
  db: Executor,
  e: { referralId: number; actor: string; action: string; from?: string | null; to?: string | null; note?: string | null; at: string },
): Promise<void> {
  await db
    .insertInto("referral_events")
    .values({ referral_id: e.referralId, actor: e.actor, action: e.action, from_status: e.from ?? null, to_status: e.to ?? null, note: e.note ?? null, created_at: e.at })
    .execute();
}

export async function referralEvents(db: Executor, referralId: number): Promise<ReferralEvent[]> {
  const rows = await db
    .selectFrom("referral_events")
    .select(["actor", "action", "from_status", "to_status", "note", "created_at"])
    .where("referral_id", "=", referralId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ actor: r.actor, action: r.action, fromStatus: r.from_status, toStatus: r.to_status, note: r.note, at: r.created_at }));
}

/**
 * A new referral with its ticket (open when staff take it on). `told`: the
 * beneficiary was given the partner (or told staff will help): the follow-up
 * is due `followUpDays` from now.
 */
export async function openReferral(
  db: Executor,
  r: { contactId: number; topicId: string; partnerId: string | null; city: string | null; body: string; staffHandled: boolean; told: boolean; followUpDays: number; at: string },
): Promise<Referral> {
  const reference = await createTicket(db, { contactId: r.contactId, kind: "referral", body: r.body, attachment: null, referralId: r.topicId, at: r.at, open: r.staffHandled && r.told });
  const ticket = await db.selectFrom("tickets").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
  const row = await db
    .insertInto("referrals")
    .values({
      ticket_id: ticket.id,
      contact_id: r.contactId,
      topic_id: r.topicId,
      partner_id: r.partnerId,
      city: r.city,
      status: "suggested",
      staff_handled: r.staffHandled ? 1 : 0,
      consent: null,
      consent_at: null,
      follow_up_at: r.told ? daysAfter(r.at, r.followUpDays) : null,
      asked_at: null,
      reminded_at: null,
      answer: null,
      answered_at: null,
      alerted_at: null,
      created_at: r.at,
      updated_at: r.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await addReferralEvent(db, { referralId: row.id, actor: "beneficiary", action: "opened", to: "suggested", note: r.partnerId, at: r.at });
  return (await referralOf(db, reference))!;
}

export async function updateReferral(
  db: Executor,
  id: number,
  /** Any column but the referral's identity (its ticket, contact, topic) and creation. */
  patch: Omit<Updateable<ReferralTable>, "id" | "ticket_id" | "contact_id" | "topic_id" | "created_at">,
  at: string,
): Promise<void> {
  await db.updateTable("referrals").set({ ...patch, updated_at: at }).where("id", "=", id).execute();
}

/** Opens the referral's ticket for staff (again), or closes it; true when it changed. */
export async function setTicketOpen(db: Executor, ticketId: number, open: boolean, by: string, at: string): Promise<boolean> {
  const r = open
    ? await db.updateTable("tickets").set({ status: "open", closed_at: null, closed_by: null }).where("id", "=", ticketId).where("status", "=", "closed").executeTakeFirst()
    : await db.updateTable("tickets").set({ status: "closed", closed_at: at, closed_by: by }).where("id", "=", ticketId).where("status", "=", "open").executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Referrals whose first question is due: told of a partner, not closed, never asked. */
export async function referralsToAsk(db: Executor, now: string): Promise<Referral[]> {
  const rows = await selectReferrals(db)
    .where("r.status", "not in", FINAL_REFERRAL_STATUSES)
    .where("r.follow_up_at", "is not", null)
    .where("r.follow_up_at", "<=", now)
    .where("r.asked_at", "is", null)
    .orderBy("r.id")
    .execute();
  return rows.map(toReferral);
}

/** Referrals asked and still unanswered, or answered "still waiting", `days` ago or more, not reminded yet. */
export async function referralsToRemind(db: Executor, before: string): Promise<Referral[]> {
  const rows = await selectReferrals(db)
    .where("r.status", "not in", FINAL_REFERRAL_STATUSES)
    .where("r.asked_at", "is not", null)
    .where("r.asked_at", "<=", before)
    .where("r.reminded_at", "is", null)
    .where((eb) => eb.or([eb("r.answer", "is", null), eb("r.answer", "=", "waiting")]))
    .where((eb) => eb.or([eb("r.answered_at", "is", null), eb("r.answered_at", "<=", before)]))
    .orderBy("r.id")
    .execute();
  return rows.map(toReferral);
}

/** Referrals reminded `days` ago or more with no answer since: they become "no answer". */
export async function referralsUnanswered(db: Executor, before: string): Promise<Referral[]> {
  const rows = await selectReferrals(db)
    .where("r.status", "not in", FINAL_REFERRAL_STATUSES)
    .where("r.reminded_at", "is not", null)
    .where("r.reminded_at", "<=", before)
    .where((eb) => eb.or([eb("r.answered_at", "is", null), eb("r.answered_at", "<", eb.ref("r.reminded_at"))]))
    .orderBy("r.id")
    .execute();
  return rows.map(toReferral);
}
