import type { Kysely } from "kysely";

/**
 * Where a staff action was taken (`staff_audit.via`: "chat" or "desk"), so
 * that only a staff member's own messages open their WhatsApp window; and
 * the Telegram usernames Sila has seen staff write from (`staff_handles`),
 * so that a staff member may sign in to the desk with "@handle".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("staff_audit").addColumn("via", "text", (c) => c.notNull().defaultTo("chat")).execute();
  await db.schema
    .createTable("staff_handles")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("handle", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("staff_handles_pk", ["channel", "handle"])
    .execute();
  await db.schema.createIndex("staff_handles_user").on("staff_handles").columns(["channel", "user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("staff_handles").ifExists().execute();
  await db.schema.alterTable("staff_audit").dropColumn("via").execute();
}
