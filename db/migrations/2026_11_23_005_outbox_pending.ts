import { sql, type Kysely } from "kysely";

/**
 * The outbox is read by its pending rows only. An index of every row by
 * (status, next_attempt_at) made each delivery move an entry from the pending
 * part to the sent part (two index pages per commit), and a backlog of
 * thousands of due rows was sorted by id on every batch. A partial index of
 * the pending rows, in id order with their due time, is read in order, and a
 * delivered row just leaves it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_due").execute();
  await db.schema.createIndex("outbox_pending").on("outbox").columns(["id", "next_attempt_at"]).where(sql.ref("status"), "=", "pending").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_pending").execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
}
