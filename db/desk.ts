/**
 * The staff desk's sign-in codes and sessions. Callers pass hashes only: a
 * code's digits and a session's token never reach the database.
 */
import type { Executor } from "./repo";
import type { ChannelName } from "./schema";

export interface DeskStaffKey {
  channel: ChannelName;
  id: string;
}

export interface DeskCode {
  id: number;
  staff: DeskStaffKey;
  codeHash: string;
  attempts: number;
  expiresAt: string;
  usedAt: string | null;
}

export interface DeskSession {
  staff: DeskStaffKey;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/** Stores a new code, and retires the staff member's earlier unused ones (only the latest code works). */
export async function insertDeskCode(
  db: Executor,
  c: { challengeHash: string; staff: DeskStaffKey; codeHash: string; expiresAt: string; at: string },
): Promise<void> {
  await db
    .updateTable("desk_codes")
    .set({ used_at: c.at })
    .where("staff_channel", "=", c.staff.channel)
    .where("staff_id", "=", c.staff.id)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("desk_codes")
    .values({
      challenge_hash: c.challengeHash,
      staff_channel: c.staff.channel,
      staff_id: c.staff.id,
      code_hash: c.codeHash,
      expires_at: c.expiresAt,
      created_at: c.at,
    })
    .execute();
}

/** How many codes were sent to a staff member since `since` (to limit how often one is sent). */
export async function countDeskCodesSince(db: Executor, staff: DeskStaffKey, since: string): Promise<number> {
  const r = await db
    .selectFrom("desk_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("staff_channel", "=", staff.channel)
    .where("staff_id", "=", staff.id)
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findDeskCode(db: Executor, challengeHash: string): Promise<DeskCode | null> {
  const r = await db.selectFrom("desk_codes").selectAll().where("challenge_hash", "=", challengeHash).executeTakeFirst();
  return r
    ? {
        id: r.id,
        staff: { channel: r.staff_channel, id: r.staff_id },
        codeHash: r.code_hash,
        attempts: r.attempts,
        expiresAt: r.expires_at,
        usedAt: r.used_at,
      }
    : null;
}

/** Counts one attempt at a code; returns the attempts made so far. */
export async function countDeskCodeAttempt(db: Executor, id: number): Promise<number> {
  const r = await db
    .updateTable("desk_codes")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .returning("attempts")
    .executeTakeFirst();
  return r?.attempts ?? Number.POSITIVE_INFINITY;
}

/** Marks a code used; false when it already was (a code works once). */
export async function useDeskCode(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable("desk_codes").set({ used_at: at }).where("id", "=", id).where("used_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertDeskSession(db: Executor, s: { tokenHash: string; staff: DeskStaffKey; at: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto("desk_sessions")
    .values({ token_hash: s.tokenHash, staff_channel: s.staff.channel, staff_id: s.staff.id, created_at: s.at, expires_at: s.expiresAt, last_seen_at: s.at })
    .execute();
}

/** The session of a token hash, unless it has expired by `at`. */
export async function findDeskSession(db: Executor, tokenHash: string, at: string): Promise<DeskSession | null> {
  const r = await db.selectFrom("desk_sessions").selectAll().where("token_hash", "=", tokenHash).where("expires_at", ">", at).executeTakeFirst();
  return r ? { staff: { channel: r.staff_channel, id: r.staff_id }, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at } : null;
}

export async function touchDeskSession(db: Executor, tokenHash: string, at: string): Promise<void> {
  await db.updateTable("desk_sessions").set({ last_seen_at: at }).where("token_hash", "=", tokenHash).execute();
}

export async function deleteDeskSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom("desk_sessions").where("token_hash", "=", tokenHash).execute();
}

/** Removes expired sessions and codes that can no longer be used (kept a day for the rate limit). */
export async function purgeDesk(db: Executor, at: string, codesBefore: string): Promise<void> {
  await db.deleteFrom("desk_sessions").where("expires_at", "<=", at).execute();
  await db.deleteFrom("desk_codes").where("created_at", "<", codesBefore).execute();
}

/**
 * Records that a staff member wrote from `handle` (a Telegram username, lower case, no "@"): the
 * handle now names them, and no other handle they had before does (usernames change and are
 * reused). Writes only when something changed.
 */
export async function saveStaffHandle(db: Executor, s: { channel: ChannelName; handle: string; userId: string; at: string }): Promise<void> {
  const known = await db.selectFrom("staff_handles").select(["handle", "user_id"]).where("channel", "=", s.channel).where((eb) => eb.or([eb("handle", "=", s.handle), eb("user_id", "=", s.userId)])).execute();
  if (known.length === 1 && known[0]!.handle === s.handle && known[0]!.user_id === s.userId) return;
  await db.deleteFrom("staff_handles").where("channel", "=", s.channel).where("user_id", "=", s.userId).where("handle", "!=", s.handle).execute();
  await db
    .insertInto("staff_handles")
    .values({ channel: s.channel, handle: s.handle, user_id: s.userId, seen_at: s.at })
    .onConflict((oc) => oc.columns(["channel", "handle"]).doUpdateSet({ user_id: s.userId, seen_at: s.at }))
    .execute();
}

/** The staff member's id a handle was last seen with, or null. */
export async function findStaffHandle(db: Executor, channel: ChannelName, handle: string): Promise<string | null> {
  const r = await db.selectFrom("staff_handles").select("user_id").where("channel", "=", channel).where("handle", "=", handle).executeTakeFirst();
  return r?.user_id ?? null;
}
