/**
 * The desk's lists: the applications queue with filters, tickets by kind,
 * and a ticket's conversation. Free functions over the database; rows become
 * plain values before they leave.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/repo";
import type { ApplicationStatus, ChannelName, TicketKind } from "../../db/schema";

export interface QueueItem {
  reference: string;
  programId: string;
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
}

export interface QueueFilter {
  programId?: string;
  statuses: readonly ApplicationStatus[];
  /** Only applications submitted before this instant (older than some age). */
  submittedBefore?: string;
  /** Only applications submitted at or after this instant (younger than some age). */
  submittedSince?: string;
  limit: number;
}

/** Applications matching `filter`, oldest first, and how many match in all. */
export async function applicationQueue(db: Executor, filter: QueueFilter): Promise<{ total: number; items: QueueItem[] }> {
  if (filter.statuses.length === 0) return { total: 0, items: [] };
  let base = db.selectFrom("applications").where("status", "in", filter.statuses);
  if (filter.programId) base = base.where("program_id", "=", filter.programId);
  if (filter.submittedBefore) base = base.where("submitted_at", "<", filter.submittedBefore);
  if (filter.submittedSince) base = base.where("submitted_at", ">=", filter.submittedSince);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .select(["reference", "program_id", "status", "submitted_at", "updated_at"])
    .orderBy("submitted_at")
    .orderBy("id")
    .limit(filter.limit)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ reference: r.reference, programId: r.program_id, status: r.status, submittedAt: r.submitted_at, updatedAt: r.updated_at })),
  };
}

export interface TicketItem {
  reference: string;
  kind: TicketKind;
  status: "open" | "closed";
  /** The first words the beneficiary wrote (the list's preview). */
  preview: string | null;
  hasAttachment: boolean;
  createdAt: string;
  closedAt: string | null;
}

/** Tickets of `kinds` (open ones first, oldest first among them; then the latest closed). */
export async function ticketsOf(
  db: Executor,
  filter: { kinds: readonly TicketKind[]; status: "open" | "closed" | "all"; limit: number },
): Promise<{ total: number; items: TicketItem[] }> {
  if (filter.kinds.length === 0) return { total: 0, items: [] };
  let base = db.selectFrom("tickets").where("kind", "in", filter.kinds);
  if (filter.status !== "all") base = base.where("status", "=", filter.status);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .select(["reference", "kind", "status", "body", "attachment", "created_at", "closed_at"])
    .orderBy("status", "desc") // "open" before "closed"
    .orderBy(sql`kind = 'urgent'`, "desc") // a person who may be in danger first
    .orderBy((eb) => eb.case().when("status", "=", "open").then(eb.ref("id")).else(eb.neg(eb.ref("id"))).end())
    .limit(filter.limit)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      preview: r.body === null ? null : r.body.length > 120 ? `${r.body.slice(0, 119)}…` : r.body,
      hasAttachment: r.attachment !== null,
      createdAt: r.created_at,
      closedAt: r.closed_at,
    })),
  };
}

export interface ConversationMessage {
  direction: "in" | "out";
  channel: ChannelName;
  kind: string;
  /** As stored: masked, or encrypted when it carried sealed data (open it with the cipher). */
  body: string | null;
  at: string;
}

/** A contact's messages from `since` on (a ticket's conversation), oldest first, at most `limit` (the latest). */
export async function conversationOf(db: Executor, contactId: number, since: string, limit: number): Promise<ConversationMessage[]> {
  const rows = await db
    .selectFrom("messages")
    .select(["direction", "channel", "kind", "body", "created_at"])
    .where("contact_id", "=", contactId)
    .where("created_at", ">=", since)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({ direction: r.direction, channel: r.channel, kind: r.kind, body: r.body, at: r.created_at }));
}
