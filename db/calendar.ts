/**
 * The calendar's rows: closures staff added or changed (they win over the
 * profile), and the season greeting remembered per contact.
 */
import type { Executor } from "./repo";

/** A staff closure as the calendar reads it (flows/calendar/closures.ts `ClosureOverride`). */
export interface StoredClosure {
  id: number;
  /** The occurrence of a profile closure it replaces ("eid_fitr:1448"), or null for a closure of its own. */
  replaces: string | null;
  /** The name staff typed; null keeps the profile closure's name. */
  name: string | null;
  /** First and last closed day, Gregorian YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  /** The replaced occurrence does not happen (and a closure of its own is withdrawn). */
  cancelled: boolean;
  createdBy: string;
  updatedAt: string;
}

export async function listClosures(db: Executor): Promise<StoredClosure[]> {
  const rows = await db.selectFrom("calendar_closures").selectAll().orderBy("starts_on").orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    replaces: r.replaces,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    cancelled: r.cancelled === 1,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  }));
}

/** Adds a closure of its own; returns its id. */
export async function insertClosure(
  db: Executor,
  c: { name: string; startsOn: string; endsOn: string; by: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto("calendar_closures")
    .values({ replaces: null, name: c.name, starts_on: c.startsOn, ends_on: c.endsOn, cancelled: 0, created_by: c.by, created_at: c.at, updated_at: c.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Moves or cancels one occurrence of a profile closure (one row per occurrence, the latest change kept). */
export async function replaceOccurrence(
  db: Executor,
  c: { replaces: string; startsOn: string; endsOn: string; cancelled: boolean; by: string; at: string },
): Promise<void> {
  await db
    .insertInto("calendar_closures")
    .values({ replaces: c.replaces, name: null, starts_on: c.startsOn, ends_on: c.endsOn, cancelled: c.cancelled ? 1 : 0, created_by: c.by, created_at: c.at, updated_at: c.at })
    .onConflict((oc) =>
      oc.column("replaces").where("replaces", "is not", null).doUpdateSet({ starts_on: c.startsOn, ends_on: c.endsOn, cancelled: c.cancelled ? 1 : 0, created_by: c.by, updated_at: c.at }),
    )
    .execute();
}

/** Moves or withdraws a closure of its own; false when there is none with this id. */
export async function updateOwnClosure(
  db: Executor,
  id: number,
  patch: { startsOn: string; endsOn: string; cancelled: boolean; by: string; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable("calendar_closures")
    .set({ starts_on: patch.startsOn, ends_on: patch.endsOn, cancelled: patch.cancelled ? 1 : 0, created_by: patch.by, updated_at: patch.at })
    .where("id", "=", id)
    .where("replaces", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Remembers that a contact got this season's greeting. */
export async function rememberSeasonGreeting(db: Executor, contactId: number, season: string): Promise<void> {
  await db.updateTable("contacts").set({ season_greeted: season }).where("id", "=", contactId).execute();
}
