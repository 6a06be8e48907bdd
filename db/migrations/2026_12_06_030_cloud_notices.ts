import { sql, type Kysely } from "kysely";

/**
 * The WhatsApp Cloud API and window-aware notices.
 *
 * - `chat_windows`: when each chat last wrote to us (per channel), so that a
 *   notice knows whether WhatsApp's 24-hour window is open.
 * - `notices`: every message Sila starts outside a conversation (a decision,
 *   a request for information, a survey, a reminder, a broadcast, a staff
 *   reply), with the rung of the ladder that delivered it (free message,
 *   template, another channel, or none: "could not reach") and when it was
 *   delivered and read. The free message is kept until it is no longer needed
 *   (sent for good, or followed up after a template).
 * - `outbox.notice_id`: the notice an outbox row carries.
 * - `message_statuses`: what the channel later reported about a sent message
 *   (sent, delivered, read, failed with its code), whichever arrives first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("chat_windows")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("last_inbound_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("chat_windows_pk", ["channel", "chat_id"])
    .execute();

  await db.schema
    .createTable("notices")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    .addColumn("message", "text")
    .addColumn("params", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("bulk", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rung", "text")
    .addColumn("channel", "text")
    .addColumn("chat_id", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("channel_message_id", "text")
    .addColumn("error", "text")
    .addColumn("followup", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("delivered_at", "text")
    .addColumn("read_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notices_reference").on("notices").column("reference").execute();
  await db.schema.createIndex("notices_message").on("notices").columns(["channel", "channel_message_id"]).execute();
  await db.schema.createIndex("notices_followup").on("notices").column("contact_id").where(sql.ref("followup"), "=", 1).execute();

  await db.schema.alterTable("outbox").addColumn("notice_id", "integer").execute();

  await db.schema
    .createTable("message_statuses")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_at", "text", (c) => c.notNull())
    .addColumn("error_code", "text")
    .addColumn("error_title", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("message_statuses_pk", ["channel", "message_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("message_statuses").execute();
  await db.schema.alterTable("outbox").dropColumn("notice_id").execute();
  await db.schema.dropTable("notices").execute();
  await db.schema.dropTable("chat_windows").execute();
}
