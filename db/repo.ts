/**
 * Repositories: free functions that take the database or a transaction.
 * Rows become domain values before they leave `db/`.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type {
  ApplicationStatus,
  ChannelName,
  Database,
  NewOutbox,
  TicketKind,
} from "./schema";
import type { InfoPart, SurveyAnswer } from "./kinds";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface Contact {
  id: number;
  locale: string;
  /** True when the person chose `locale` themselves. */
  localeChosen: boolean;
  beneficiaryType: "direct" | "indirect";
  phone: string | null;
  privacyAcceptedAt: string | null;
  unreachable: boolean;
  createdAt: string;
}

// ---- Messages ---------------------------------------------------------------

/**
 * Records an inbound message; returns false when the channel already
 * delivered it (same channel and message id), which makes the turn a no-op.
 */
/** An inbound message as it is recorded. */
export interface InboundRecord {
  contactId: number | null;
  channel: ChannelName;
  chatId: string;
  messageId: string;
  kind: string;
  body: string | null;
  status: string;
  error?: string | null;
  at: string;
}

export async function setInboundStatus(db: Executor, channel: ChannelName, messageId: string, status: string): Promise<void> {
  await db
    .updateTable("messages")
    .set({ status })
    .where("channel", "=", channel)
    .where("direction", "=", "in")
    .where("channel_message_id", "=", messageId)
    .execute();
}

/** Replaces the stored body of an inbound message (to store it encrypted). */
export async function replaceInboundBody(db: Executor, channel: ChannelName, messageId: string, body: string): Promise<void> {
  await db
    .updateTable("messages")
    .set({ body })
    .where("channel", "=", channel)
    .where("direction", "=", "in")
    .where("channel_message_id", "=", messageId)
    .execute();
}

// ---- Contacts and identities -----------------------------------------------

export function toContact(r: {
  id: number;
  locale: string;
  locale_chosen_at: string | null;
  beneficiary_type: "direct" | "indirect";
  phone: string | null;
  privacy_accepted_at: string | null;
  unreachable: number;
  created_at: string;
}): Contact {
  return {
    id: r.id,
    locale: r.locale,
    localeChosen: r.locale_chosen_at !== null,
    beneficiaryType: r.beneficiary_type,
    phone: r.phone,
    privacyAcceptedAt: r.privacy_accepted_at,
    unreachable: r.unreachable === 1,
    createdAt: r.created_at,
  };
}

export async function updateContact(
  db: Executor,
  id: number,
  patch: {
    locale?: string;
    /** With `locale`: true when the person chose it, false when it follows their messages. */
    localeChosen?: boolean;
    phone?: string;
    privacyAcceptedAt?: string;
    unreachable?: boolean;
    beneficiaryType?: "direct" | "indirect";
    broadcastOptIn?: boolean;
  },
  at: string,
): Promise<void> {
  await db
    .updateTable("contacts")
    .set({
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      ...(patch.localeChosen !== undefined ? { locale_chosen_at: patch.localeChosen ? at : null } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.privacyAcceptedAt !== undefined ? { privacy_accepted_at: patch.privacyAcceptedAt } : {}),
      ...(patch.unreachable !== undefined ? { unreachable: patch.unreachable ? 1 : 0, unreachable_at: patch.unreachable ? at : null } : {}),
      ...(patch.beneficiaryType !== undefined ? { beneficiary_type: patch.beneficiaryType } : {}),
      ...(patch.broadcastOptIn !== undefined ? { broadcast_opt_in: patch.broadcastOptIn ? 1 : 0 } : {}),
      updated_at: at,
    })
    .where("id", "=", id)
    .execute();
}

/** Where a contact can be reached: the identity they wrote from most recently. */
export async function contactAddress(db: Executor, contactId: number): Promise<{ channel: ChannelName; chatId: string; locale: string } | null> {
  const r = await db
    .selectFrom("channel_identities as i")
    .innerJoin("contacts as c", "c.id", "i.contact_id")
    .leftJoin("sessions as s", "s.identity_id", "i.id")
    .select(["i.channel", "i.external_id", "c.locale"])
    .where("i.contact_id", "=", contactId)
    .orderBy("s.updated_at", "desc")
    .orderBy("i.id", "desc")
    .executeTakeFirst();
  return r ? { channel: r.channel, chatId: r.external_id, locale: r.locale } : null;
}

// ---- Sessions ---------------------------------------------------------------

export async function saveSession(db: Executor, identityId: number, version: number, state: unknown, at: string): Promise<void> {
  const json = JSON.stringify(state);
  await db
    .insertInto("sessions")
    .values({ identity_id: identityId, version, state: json, updated_at: at })
    .onConflict((oc) => oc.column("identity_id").doUpdateSet({ version, state: json, updated_at: at }))
    .execute();
}

/**
 * The contact's most recent chat and its saved state: where a proactive
 * conversation (a committee's question, a survey) is put.
 */
export async function latestSession(db: Executor, contactId: number): Promise<{ identityId: number; state: unknown } | null> {
  const r = await db
    .selectFrom("channel_identities as i")
    .leftJoin("sessions as s", "s.identity_id", "i.id")
    .select(["i.id", "s.state"])
    .where("i.contact_id", "=", contactId)
    .orderBy("s.updated_at", "desc")
    .orderBy("i.id", "desc")
    .executeTakeFirst();
  if (!r) return null;
  return { identityId: r.id, state: r.state ? (JSON.parse(r.state) as unknown) : null };
}

// ---- References ------------------------------------------------------------

/**
 * The next human-friendly reference, e.g. "A26-00042": a prefix, the
 * two-digit Gregorian year and a counter that never repeats.
 */
export async function nextReference(db: Executor, prefix: string, at: string): Promise<string> {
  const name = referenceCounter(prefix, at);
  const row = await db
    .insertInto("counters")
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value: sql`value + 1` }))
    .returning("value")
    .executeTakeFirstOrThrow();
  return formatReference(name, row.value);
}

/** The counter a reference is numbered by: the prefix and the two-digit Gregorian year ("A26"). */
export const referenceCounter = (prefix: string, at: string): string => `${prefix}${at.slice(2, 4)}`;

/** "A26" and 42 → "A26-00042". */
export const formatReference = (counter: string, value: number): string => `${counter}-${String(value).padStart(5, "0")}`;

// ---- Applications -----------------------------------------------------------

export const OPEN_STATUSES: ApplicationStatus[] = ["submitted", "under_review", "needs_info"];

export type { ApplicationSummary, TicketSummary } from "../flows/types";

export async function addApplicationEvent(
  db: Executor,
  e: { applicationId: number; actor: string; action: string; from: string | null; to: string | null; note: string | null; at: string },
): Promise<void> {
  await db
    .insertInto("application_events")
    .values({ application_id: e.applicationId, actor: e.actor, action: e.action, from_status: e.from, to_status: e.to, note: e.note, created_at: e.at })
    .execute();
}

// ---- Tickets ----------------------------------------------------------------

/** "T" for an appeal (تظلم). */
const TICKET_PREFIX: Record<TicketKind, string> = { complaint: "C", suggestion: "S", handoff: "H", referral: "R", urgent: "U", care: "M", appeal: "T" };

export async function createTicket(
  db: Executor,
  t: {
    contactId: number;
    kind: TicketKind;
    body: string | null;
    /** One attachment descriptor, or several (stored as a list). */
    attachment: unknown;
    referralId: string | null;
    at: string;
    applicationId?: number | null;
    confidential?: boolean;
    role?: string | null;
    /** A referral staff should look at (no contact of the partner to give, or a summary to pass on). */
    open?: boolean;
  },
): Promise<string> {
  const reference = await nextReference(db, TICKET_PREFIX[t.kind], t.at);
  // A referral the beneficiary was simply given is recorded closed (its follow-up goes on); one staff take on is open.
  const closedNow = t.kind === "referral" && t.open !== true;
  await db
    .insertInto("tickets")
    .values({
      reference,
      contact_id: t.contactId,
      kind: t.kind,
      status: closedNow ? "closed" : "open",
      body: t.body,
      attachment: t.attachment ? JSON.stringify(t.attachment) : null,
      referral_id: t.referralId,
      created_at: t.at,
      closed_at: closedNow ? t.at : null,
      closed_by: closedNow ? "system" : null,
      application_id: t.applicationId ?? null,
      confidential: t.confidential ? 1 : 0,
      role: t.role ?? null,
    })
    .execute();
  return reference;
}

export async function closeTicket(db: Executor, reference: string, contactId: number | null, by: string, at: string): Promise<boolean> {
  let q = db.updateTable("tickets").set({ status: "closed", closed_at: at, closed_by: by }).where("reference", "=", reference).where("status", "=", "open");
  if (contactId !== null) q = q.where("contact_id", "=", contactId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- Outbox -----------------------------------------------------------------

export async function enqueue(db: Executor, row: Omit<NewOutbox, "status" | "attempts">): Promise<void> {
  await db
    .insertInto("outbox")
    .values({ ...row, status: "pending", attempts: 0 })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/** How the parts of a reply to the committee read in an application event's note (files by name and stored path). */
export function infoPartsNote(parts: readonly InfoPart[]): string {
  return parts
    .map((p, i) => `${i + 1}. ${p.type === "text" ? p.text : `[file] ${p.file.fileName ?? p.file.mimeType ?? "file"} ${p.file.fileRef}`}`)
    .join("\n");
}

/**
 * The beneficiary's answer to a "needs information" request: only for their
 * own application in that status; it returns the application to review with
 * every part (texts and files) in the event's note.
 */
/** The contact's own application `reference` when it waits for information from them; null otherwise. */
async function awaitingInfo(db: Executor, reference: string, contactId: number): Promise<{ id: number } | null> {
  const app = await db
    .selectFrom("applications")
    .select(["id", "status"])
    .where("reference", "=", reference)
    .where("contact_id", "=", contactId)
    .executeTakeFirst();
  return app && app.status === "needs_info" ? app : null;
}

export async function provideApplicationInfo(
  db: Executor,
  a: { reference: string; contactId: number; parts: readonly InfoPart[]; at: string },
): Promise<boolean> {
  const app = await awaitingInfo(db, a.reference, a.contactId);
  if (!app) return false;
  await db
    .updateTable("applications")
    .set({ status: "under_review", updated_at: a.at, info_request: null, info_due_at: null })
    .where("id", "=", app.id)
    .execute();
  await addApplicationEvent(db, {
    applicationId: app.id,
    actor: "beneficiary",
    action: "status_changed",
    from: "needs_info",
    to: "under_review",
    note: infoPartsNote(a.parts) || null,
    at: a.at,
  });
  return true;
}

/** The beneficiary says they cannot provide what was asked: recorded as an event; the status stays. */
export async function noteInfoUnavailable(
  db: Executor,
  a: { reference: string; contactId: number; reason: string | null; at: string },
): Promise<boolean> {
  const app = await awaitingInfo(db, a.reference, a.contactId);
  if (!app) return false;
  await addApplicationEvent(db, {
    applicationId: app.id,
    actor: "beneficiary",
    action: "info_unavailable",
    from: null,
    to: null,
    note: a.reason,
    at: a.at,
  });
  return true;
}

// ---- Surveys ----------------------------------------------------------------

/** Saves one answer; a question already answered keeps its first answer (no survey is answered twice). */
export async function saveSurveyAnswer(
  db: Executor,
  a: { surveyId: number; contactId: number; questionId: string; answer: SurveyAnswer; at: string },
): Promise<boolean> {
  const survey = await db
    .selectFrom("surveys")
    .select(["id", "status"])
    .where("id", "=", a.surveyId)
    .where("contact_id", "=", a.contactId)
    .executeTakeFirst();
  if (!survey || survey.status === "answered") return false;
  const ans = a.answer;
  const r = await db
    .insertInto("survey_answers")
    .values({
      survey_id: a.surveyId,
      question_id: a.questionId,
      type: ans.type,
      score: ans.type === "scale5" ? ans.score : ans.type === "yesno" ? (ans.value ? 1 : 0) : null,
      text: ans.type === "text" ? ans.text : null,
      created_at: a.at,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function completeSurvey(db: Executor, surveyId: number, contactId: number, at: string): Promise<void> {
  await db
    .updateTable("surveys")
    .set({ status: "answered", answered_at: at })
    .where("id", "=", surveyId)
    .where("contact_id", "=", contactId)
    .where("status", "!=", "answered")
    .execute();
}
