/**
 * The staff audit log: who did what, on which reference, whether it was
 * allowed, and when. Every staff action and every refused attempt is written
 * here. A detail is a short reason; never a national ID or a message body.
 */
import type { ExpressionBuilder } from "kysely";
import type { Executor } from "../../db/repo";
import type { Database } from "../../db/schema";
import type { StaffActor } from "./types";

export interface AuditEntry {
  actor: StaffActor;
  action: string;
  target: string | null;
  allowed: boolean;
  detail?: string | null;
  at: string;
}

export interface AuditRecord {
  id: number;
  actorChannel: string;
  actorId: string;
  actorName: string | null;
  action: string;
  target: string | null;
  allowed: boolean;
  detail: string | null;
  at: string;
}

export async function recordAudit(db: Executor, e: AuditEntry): Promise<void> {
  await db
    .insertInto("staff_audit")
    .values({
      actor_channel: e.actor.channel,
      actor_id: e.actor.userId,
      actor_name: e.actor.displayName?.slice(0, 100) ?? null,
      action: e.action,
      target: e.target,
      allowed: e.allowed ? 1 : 0,
      detail: e.detail?.slice(0, 200) ?? null,
      created_at: e.at,
      via: e.actor.via ?? "chat",
    })
    .execute();
}

/** The audit trail, newest first (optionally of one reference). */
export async function auditTrail(db: Executor, options: { target?: string; limit?: number } = {}): Promise<AuditRecord[]> {
  let q = db.selectFrom("staff_audit").selectAll().orderBy("id", "desc").limit(options.limit ?? 100);
  if (options.target !== undefined) q = q.where("target", "=", options.target);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    actorChannel: r.actor_channel,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    allowed: r.allowed === 1,
    detail: r.detail,
    at: r.created_at,
  }));
}

export interface Claim {
  channel: string;
  userId: string;
  name: string | null;
  at: string;
}

/**
 * Claims are audit rows with action "claim", allowed, and no detail or a
 * hand-over note ("from ..."); other "claim" rows record attempts that took
 * nothing (the ticket was closed, already yours, not found). An assignment
 * (the desk) is an "assign" row whose detail names the holder ("to <channel>:<id> <name>").
 */
const HOLDS = (eb: ExpressionBuilder<Database, "staff_audit">) =>
  eb.or([
    eb.and([eb("action", "=", "claim"), eb.or([eb("detail", "is", null), eb("detail", "like", "from %")])]),
    eb.and([eb("action", "=", "assign"), eb("detail", "like", "to %")]),
  ]);

/** The detail of an "assign" row: who holds the ticket from now on. */
export const assignDetail = (holder: StaffActor): string =>
  `to ${holder.channel}:${holder.userId}${holder.displayName?.trim() ? ` ${holder.displayName.trim().slice(0, 100)}` : ""}`;

function holderOf(r: { action: string; detail: string | null; actor_channel: string; actor_id: string; actor_name: string | null; created_at: string }): Claim | null {
  if (r.action === "claim") return { channel: r.actor_channel, userId: r.actor_id, name: r.actor_name, at: r.created_at };
  const m = /^to ([a-z_]+):(\S+)(?: (.+))?$/s.exec(r.detail ?? "");
  return m ? { channel: m[1]!, userId: m[2]!, name: m[3] ?? null, at: r.created_at } : null;
}

/** Who holds a ticket: the latest claim or assignment recorded for it. */
export async function latestClaim(db: Executor, reference: string): Promise<Claim | null> {
  return (await claimsOf(db, [reference])).get(reference) ?? null;
}

/** The latest claim of each of `references` (one query for a list). */
export async function claimsOf(db: Executor, references: readonly string[]): Promise<Map<string, Claim>> {
  const out = new Map<string, Claim>();
  if (references.length === 0) return out;
  const rows = await db
    .selectFrom("staff_audit")
    .select(["target", "action", "detail", "actor_channel", "actor_id", "actor_name", "created_at"])
    .where("target", "in", references)
    .where("action", "in", ["claim", "assign"])
    .where("allowed", "=", 1)
    .where(HOLDS)
    .orderBy("id", "asc")
    .execute();
  for (const r of rows) {
    const holder = holderOf(r);
    if (r.target !== null && holder) out.set(r.target, holder);
  }
  return out;
}
