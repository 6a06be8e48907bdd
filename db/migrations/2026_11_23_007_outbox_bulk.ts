import { sql, type Kysely } from "kysely";

/**
 * Bulk messages (broadcasts, survey invitations and reminders) wait behind
 * the replies of a conversation: a beneficiary who writes while thousands of
 * announcements are queued for a channel taking 30 a second is answered at
 * once, not minutes later. The pending rows are read by (bulk, id); a chat's
 * own rows still go in the order they were written, which a second partial
 * index, by chat, lets the outbox check cheaply.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("bulk", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.dropIndex("outbox_pending").execute();
  await db.schema
    .createIndex("outbox_pending")
    .on("outbox")
    .columns(["bulk", "id", "next_attempt_at"])
    .where(sql.ref("status"), "=", "pending")
    .execute();
  await db.schema
    .createIndex("outbox_pending_chat")
    .on("outbox")
    .columns(["channel", "chat_id", "id"])
    .where(sql.ref("status"), "=", "pending")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_pending_chat").execute();
  await db.schema.dropIndex("outbox_pending").execute();
  await db.schema.createIndex("outbox_pending").on("outbox").columns(["id", "next_attempt_at"]).where(sql.ref("status"), "=", "pending").execute();
  await db.schema.alterTable("outbox").dropColumn("bulk").execute();
}
