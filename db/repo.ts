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
import type { SurveyAnswer } from "../flows/types";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface Contact {
  id: number;
  locale: string;
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

export async function recordInbound(db: Executor, m: InboundRecord): Promise<boolean> {
  const r = await db
    .insertInto("messages")
    .values({
      contact_id: m.contactId,
      channel: m.channel,
      chat_id: m.chatId,
      direction: "in",
      channel_message_id: m.messageId,
      kind: m.kind,
      body: m.body,
      status: m.status,
      error: m.error ?? null,
      created_at: m.at,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function countInboundSince(db: Executor, contactId: number, since: string): Promise<number> {
  const r = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("contact_id", "=", contactId)
    .where("direction", "=", "in")
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
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

export async function recordOutbound(
  db: Executor,
  m: { contactId: number | null; channel: ChannelName; chatId: string; messageId: string | null; body: string; at: string },
): Promise<void> {
  await db
    .insertInto("messages")
    .values({
      contact_id: m.contactId,
      channel: m.channel,
      chat_id: m.chatId,
      direction: "out",
      channel_message_id: m.messageId,
      kind: "text",
      body: m.body,
      status: "sent",
      error: null,
      created_at: m.at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

// ---- Contacts and identities -----------------------------------------------

export function toContact(r: {
  id: number;
  locale: string;
  beneficiary_type: "direct" | "indirect";
  phone: string | null;
  privacy_accepted_at: string | null;
  unreachable: number;
  created_at: string;
}): Contact {
  return {
    id: r.id,
    locale: r.locale,
    beneficiaryType: r.beneficiary_type,
    phone: r.phone,
    privacyAcceptedAt: r.privacy_accepted_at,
    unreachable: r.unreachable === 1,
    createdAt: r.created_at,
  };
}

/**
 * Finds the contact behind a channel chat, creating both on first contact.
 * A phone the channel reports links a new identity to an existing contact
 * with that phone (one person on WhatsApp and Telegram).
 */
export async function findOrCreateIdentity(
  db: Executor,
  a: { channel: ChannelName; chatId: string; phone?: string | null; defaultLocale: string; at: string; displayName?: string | null },
): Promise<{ identityId: number; contact: Contact; isNew: boolean }> {
  const existing = await db
    .selectFrom("channel_identities as i")
    .innerJoin("contacts as c", "c.id", "i.contact_id")
    .select(["i.id as identity_id", "c.id", "c.locale", "c.beneficiary_type", "c.phone", "c.privacy_accepted_at", "c.unreachable", "c.created_at"])
    .where("i.channel", "=", a.channel)
    .where("i.external_id", "=", a.chatId)
    .executeTakeFirst();
  if (existing) return { identityId: existing.identity_id, contact: toContact(existing), isNew: false };

  let contactRow = a.phone
    ? await db.selectFrom("contacts").selectAll().where("phone", "=", a.phone).orderBy("id").executeTakeFirst()
    : undefined;
  const isNew = !contactRow;
  if (!contactRow) {
    contactRow = await db
      .insertInto("contacts")
      .values({
        locale: a.defaultLocale,
        display_name: a.displayName ?? null,
        phone: a.phone ?? null,
        privacy_accepted_at: null,
        unreachable_at: null,
        created_at: a.at,
        updated_at: a.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const identity = await db
    .insertInto("channel_identities")
    .values({ contact_id: contactRow.id, channel: a.channel, external_id: a.chatId, created_at: a.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { identityId: identity.id, contact: toContact(contactRow), isNew };
}

export async function updateContact(
  db: Executor,
  id: number,
  patch: {
    locale?: string;
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

export async function loadSession(db: Executor, identityId: number): Promise<{ version: number; state: unknown } | null> {
  const r = await db.selectFrom("sessions").select(["version", "state"]).where("identity_id", "=", identityId).executeTakeFirst();
  if (!r) return null;
  return { version: r.version, state: JSON.parse(r.state) as unknown };
}

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
  const year = at.slice(2, 4);
  const name = `${prefix}${year}`;
  const row = await db
    .insertInto("counters")
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value: sql`value + 1` }))
    .returning("value")
    .executeTakeFirstOrThrow();
  return `${name}-${String(row.value).padStart(5, "0")}`;
}

// ---- Applications -----------------------------------------------------------

export const OPEN_STATUSES: ApplicationStatus[] = ["submitted", "under_review", "needs_info"];

export interface ApplicationSummary {
  reference: string;
  programId: string;
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
}

export async function applicationsOfContact(db: Executor, contactId: number): Promise<ApplicationSummary[]> {
  const rows = await db
    .selectFrom("applications")
    .select(["reference", "program_id", "status", "submitted_at", "updated_at"])
    .where("contact_id", "=", contactId)
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ reference: r.reference, programId: r.program_id, status: r.status, submittedAt: r.submitted_at, updatedAt: r.updated_at }));
}

export async function findOpenApplication(db: Executor, programId: string, nationalIdHash: string): Promise<string | null> {
  const r = await db
    .selectFrom("applications")
    .select("reference")
    .where("program_id", "=", programId)
    .where("national_id_hash", "=", nationalIdHash)
    .where("status", "in", OPEN_STATUSES)
    .executeTakeFirst();
  return r?.reference ?? null;
}

export async function insertApplication(
  db: Executor,
  a: {
    contactId: number;
    programId: string;
    fields: unknown;
    nationalIdHash: string | null;
    attestedAt: string;
    privacyAcceptedAt: string;
    termsAcceptedAt: string;
    sensitiveConsentAt: string | null;
    at: string;
  },
): Promise<{ id: number; reference: string }> {
  const reference = await nextReference(db, "A", a.at);
  const row = await db
    .insertInto("applications")
    .values({
      reference,
      contact_id: a.contactId,
      program_id: a.programId,
      status: "submitted",
      fields: JSON.stringify(a.fields),
      national_id_hash: a.nationalIdHash,
      attested_at: a.attestedAt,
      privacy_accepted_at: a.privacyAcceptedAt,
      terms_accepted_at: a.termsAcceptedAt,
      sensitive_consent_at: a.sensitiveConsentAt,
      submitted_at: a.at,
      decided_at: null,
      created_at: a.at,
      updated_at: a.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await addApplicationEvent(db, { applicationId: row.id, actor: "beneficiary", action: "submitted", from: null, to: "submitted", note: null, at: a.at });
  return { id: row.id, reference };
}

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

const TICKET_PREFIX: Record<TicketKind, string> = { complaint: "C", suggestion: "S", handoff: "H", referral: "R" };

export async function createTicket(
  db: Executor,
  t: { contactId: number; kind: TicketKind; body: string | null; attachment: unknown; referralId: string | null; at: string },
): Promise<string> {
  const reference = await nextReference(db, TICKET_PREFIX[t.kind], t.at);
  await db
    .insertInto("tickets")
    .values({
      reference,
      contact_id: t.contactId,
      kind: t.kind,
      // A referral is answered on the spot; it is recorded for the association's statistics.
      status: t.kind === "referral" ? "closed" : "open",
      body: t.body,
      attachment: t.attachment ? JSON.stringify(t.attachment) : null,
      referral_id: t.referralId,
      created_at: t.at,
      closed_at: t.kind === "referral" ? t.at : null,
      closed_by: t.kind === "referral" ? "system" : null,
    })
    .execute();
  return reference;
}

export async function openHandoffOf(db: Executor, contactId: number): Promise<{ reference: string } | null> {
  const r = await db
    .selectFrom("tickets")
    .select("reference")
    .where("contact_id", "=", contactId)
    .where("kind", "=", "handoff")
    .where("status", "=", "open")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return r ?? null;
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

/**
 * The beneficiary's answer to a "needs information" request: only for their
 * own application in that status; it returns the application to review.
 */
export async function provideApplicationInfo(
  db: Executor,
  a: { reference: string; contactId: number; text: string | null; attachment: unknown; at: string },
): Promise<boolean> {
  const app = await db
    .selectFrom("applications")
    .select(["id", "status"])
    .where("reference", "=", a.reference)
    .where("contact_id", "=", a.contactId)
    .executeTakeFirst();
  if (!app || app.status !== "needs_info") return false;
  await db.updateTable("applications").set({ status: "under_review", updated_at: a.at }).where("id", "=", app.id).execute();
  const note = [a.text, a.attachment ? `attachment: ${JSON.stringify(a.attachment)}` : null].filter(Boolean).join("\n");
  await addApplicationEvent(db, {
    applicationId: app.id,
    actor: "beneficiary",
    action: "status_changed",
    from: "needs_info",
    to: "under_review",
    note: note || null,
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

// ---- Consents ---------------------------------------------------------------

export async function recordConsent(
  db: Executor,
  c: { contactId: number; purpose: string; applicationId: number | null; at: string },
): Promise<void> {
  await db.insertInto("consents").values({ contact_id: c.contactId, purpose: c.purpose, application_id: c.applicationId, granted_at: c.at }).execute();
}
