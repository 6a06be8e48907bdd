/**
 * What the staff workspace reads: pending applications, open tickets, one
 * application or ticket in full, and simple statistics. Free functions over
 * the database; rows become plain values before they leave.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/repo";
import { OPEN_STATUSES } from "../../db/repo";
import type { ApplicationStatus, ChannelName, TicketKind } from "../../db/schema";
import type { FieldAnswer } from "../../flows/types";
import type { StoredAnswer } from "../sealing";

export interface PendingApplication {
  reference: string;
  programId: string;
  status: ApplicationStatus;
  submittedAt: string;
}

export interface OpenTicket {
  reference: string;
  kind: TicketKind;
  createdAt: string;
}

export interface ContactInfo {
  id: number;
  displayName: string | null;
  phone: string | null;
  locale: string;
  unreachable: boolean;
  /** The channels the contact wrote from, most recent first. */
  channels: ChannelName[];
}

export interface ApplicationDetail {
  id: number;
  reference: string;
  programId: string;
  status: ApplicationStatus;
  /** As stored: national IDs and sensitive answers are sealed (open them with the cipher). */
  fields: Record<string, StoredAnswer>;
  attestedAt: string;
  termsAcceptedAt: string;
  sensitiveConsentAt: string | null;
  submittedAt: string;
  updatedAt: string;
  contact: ContactInfo;
  events: { actor: string; action: string; toStatus: string | null; note: string | null; at: string }[];
}

export interface TicketDetail {
  reference: string;
  kind: TicketKind;
  status: "open" | "closed";
  body: string | null;
  attachment: FieldAnswer | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  contact: ContactInfo;
}

/** A reference names an application ("A...") or a ticket (any other prefix). */
export type ReferenceOwner =
  | { type: "application"; reference: string; contactId: number; status: ApplicationStatus }
  | { type: "ticket"; reference: string; contactId: number; kind: TicketKind; status: "open" | "closed" };

export async function pendingApplications(db: Executor, limit: number): Promise<{ total: number; items: PendingApplication[] }> {
  const total = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", OPEN_STATUSES)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("applications")
    .select(["reference", "program_id", "status", "submitted_at"])
    .where("status", "in", OPEN_STATUSES)
    .orderBy("submitted_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ reference: r.reference, programId: r.program_id, status: r.status, submittedAt: r.submitted_at })),
  };
}

export async function openTickets(db: Executor, limit: number): Promise<{ total: number; items: OpenTicket[] }> {
  const total = await db
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("tickets")
    .select(["reference", "kind", "created_at"])
    .where("status", "=", "open")
    // Urgent safety alerts first.
    .orderBy(sql`kind = 'urgent'`, "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
  return { total: Number(total.n), items: rows.map((r) => ({ reference: r.reference, kind: r.kind, createdAt: r.created_at })) };
}

async function contactInfo(db: Executor, contactId: number): Promise<ContactInfo> {
  const c = await db
    .selectFrom("contacts")
    .select(["id", "display_name", "phone", "locale", "unreachable"])
    .where("id", "=", contactId)
    .executeTakeFirstOrThrow();
  const identities = await db
    .selectFrom("channel_identities as i")
    .leftJoin("sessions as s", "s.identity_id", "i.id")
    .select(["i.channel"])
    .where("i.contact_id", "=", contactId)
    .orderBy("s.updated_at", "desc")
    .orderBy("i.id", "desc")
    .execute();
  return {
    id: c.id,
    displayName: c.display_name,
    phone: c.phone,
    locale: c.locale,
    unreachable: c.unreachable === 1,
    channels: [...new Set(identities.map((i) => i.channel))],
  };
}

export async function findReference(db: Executor, reference: string): Promise<ReferenceOwner | null> {
  if (reference.startsWith("A")) {
    const a = await db.selectFrom("applications").select(["contact_id", "status"]).where("reference", "=", reference).executeTakeFirst();
    return a ? { type: "application", reference, contactId: a.contact_id, status: a.status } : null;
  }
  const t = await db.selectFrom("tickets").select(["contact_id", "kind", "status"]).where("reference", "=", reference).executeTakeFirst();
  return t ? { type: "ticket", reference, contactId: t.contact_id, kind: t.kind, status: t.status } : null;
}

function parseJson<T>(text: string | null, fallback: T): T {
  return text === null ? fallback : (JSON.parse(text) as T);
}

export async function applicationDetail(db: Executor, reference: string): Promise<ApplicationDetail | null> {
  const a = await db.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirst();
  if (!a) return null;
  const events = await db
    .selectFrom("application_events")
    .select(["actor", "action", "to_status", "note", "created_at"])
    .where("application_id", "=", a.id)
    .orderBy("id")
    .execute();
  return {
    id: a.id,
    reference: a.reference,
    programId: a.program_id,
    status: a.status,
    fields: parseJson<Record<string, StoredAnswer>>(a.fields, {}),
    attestedAt: a.attested_at,
    termsAcceptedAt: a.terms_accepted_at,
    sensitiveConsentAt: a.sensitive_consent_at,
    submittedAt: a.submitted_at,
    updatedAt: a.updated_at,
    contact: await contactInfo(db, a.contact_id),
    events: events.map((e) => ({ actor: e.actor, action: e.action, toStatus: e.to_status, note: e.note, at: e.created_at })),
  };
}

export async function ticketDetail(db: Executor, reference: string): Promise<TicketDetail | null> {
  const t = await db.selectFrom("tickets").selectAll().where("reference", "=", reference).executeTakeFirst();
  if (!t) return null;
  return {
    reference: t.reference,
    kind: t.kind,
    status: t.status,
    body: t.body,
    attachment: parseJson<FieldAnswer | null>(t.attachment, null),
    createdAt: t.created_at,
    closedAt: t.closed_at,
    closedBy: t.closed_by,
    contact: await contactInfo(db, t.contact_id),
  };
}

export interface Stats {
  applicationsByStatus: { status: ApplicationStatus; count: number }[];
  applicationsByProgram: { programId: string; count: number }[];
  openTicketsByKind: { kind: TicketKind; count: number }[];
  contacts: { total: number; direct: number; unreachable: number };
}

export async function stats(db: Executor): Promise<Stats> {
  const byStatus = await db
    .selectFrom("applications")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .orderBy("status")
    .execute();
  const byProgram = await db
    .selectFrom("applications")
    .select(["program_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("program_id")
    .orderBy("program_id")
    .execute();
  const byKind = await db
    .selectFrom("tickets")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "=", "open")
    .groupBy("kind")
    .orderBy("kind")
    .execute();
  const contacts = await db
    .selectFrom("contacts")
    .select([
      (eb) => eb.fn.countAll<number>().as("total"),
      sql<number>`coalesce(sum(case when beneficiary_type = 'direct' then 1 else 0 end), 0)`.as("direct"),
      sql<number>`coalesce(sum(unreachable), 0)`.as("unreachable"),
    ])
    .executeTakeFirstOrThrow();
  return {
    applicationsByStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })),
    applicationsByProgram: byProgram.map((r) => ({ programId: r.program_id, count: Number(r.n) })),
    openTicketsByKind: byKind.map((r) => ({ kind: r.kind, count: Number(r.n) })),
    contacts: { total: Number(contacts.total), direct: Number(contacts.direct), unreachable: Number(contacts.unreachable) },
  };
}
