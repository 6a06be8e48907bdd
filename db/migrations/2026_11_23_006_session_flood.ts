import type { Kysely } from "kysely";

/**
 * The flood count of a chat lives with its session (read and written every
 * turn anyway): the start of its one-minute window and the messages in it,
 * packed as start_ms × 1024 + count (`bot/engine/flood.ts`). Nothing about a
 * conversation is kept in memory between turns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sessions").addColumn("flood", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("flood").execute();
}
