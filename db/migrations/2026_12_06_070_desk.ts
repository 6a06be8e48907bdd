import type { Kysely } from "kysely";

/**
 * The staff desk's sign-in: one-time codes (only their keyed hash is kept,
 * with an expiry and a count of attempts) and sessions (only the hash of the
 * cookie's token is kept, with an absolute expiry).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("desk_codes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("challenge_hash", "text", (c) => c.notNull().unique())
    .addColumn("staff_channel", "text", (c) => c.notNull())
    .addColumn("staff_id", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("desk_codes_staff").on("desk_codes").columns(["staff_channel", "staff_id", "created_at"]).execute();
  await db.schema
    .createTable("desk_sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("staff_channel", "text", (c) => c.notNull())
    .addColumn("staff_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("desk_sessions_expires").on("desk_sessions").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("desk_sessions").ifExists().execute();
  await db.schema.dropTable("desk_codes").ifExists().execute();
}
