import { sql, type Kysely } from "kysely";

/**
 * The staff audit log: every staff action and every refused attempt, with who
 * (channel and id), what, on which reference, whether it was allowed, and when.
 * Claims of tickets are read back from it (the latest allowed "claim").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("staff_audit")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("actor_channel", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_name", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text")
    .addColumn("allowed", "integer", (c) => c.notNull().check(sql`allowed in (0, 1)`))
    .addColumn("detail", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("staff_audit_target").on("staff_audit").columns(["target", "action"]).execute();
  await db.schema.createIndex("staff_audit_created").on("staff_audit").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("staff_audit").ifExists().execute();
}
