import { sql, type Kysely } from "kysely";

/** The conversation core: contacts, identities, sessions, messages, applications, tickets, outbox. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("contacts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("ar"))
    .addColumn("beneficiary_type", "text", (c) =>
      c.notNull().defaultTo("indirect").check(sql`beneficiary_type in ('direct', 'indirect')`),
    )
    .addColumn("display_name", "text")
    .addColumn("phone", "text")
    .addColumn("privacy_accepted_at", "text")
    .addColumn("unreachable", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("unreachable_at", "text")
    .addColumn("broadcast_opt_in", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contacts_phone").on("contacts").column("phone").execute();

  await db.schema
    .createTable("channel_identities")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id").onDelete("cascade"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("external_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("channel_identities_channel_external", ["channel", "external_id"])
    .execute();
  await db.schema.createIndex("channel_identities_contact").on("channel_identities").column("contact_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("identity_id", "integer", (c) => c.primaryKey().references("channel_identities.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("messages")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("contact_id", "integer", (c) => c.references("contacts.id").onDelete("set null"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull().check(sql`direction in ('in', 'out')`))
    .addColumn("channel_message_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("messages_channel_message")
    .on("messages")
    .columns(["channel", "direction", "channel_message_id"])
    .unique()
    .execute();
  await db.schema.createIndex("messages_contact").on("messages").columns(["contact_id", "created_at"]).execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("program_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("fields", "text", (c) => c.notNull())
    .addColumn("national_id_hash", "text")
    .addColumn("attested_at", "text", (c) => c.notNull())
    .addColumn("privacy_accepted_at", "text", (c) => c.notNull())
    .addColumn("terms_accepted_at", "text", (c) => c.notNull())
    .addColumn("sensitive_consent_at", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("applications_contact").on("applications").column("contact_id").execute();
  await db.schema
    .createIndex("applications_nid_program")
    .on("applications")
    .columns(["national_id_hash", "program_id", "status"])
    .execute();

  await db.schema
    .createTable("application_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id"))
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("application_events_app").on("application_events").column("application_id").execute();

  await db.schema
    .createTable("tickets")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('complaint', 'suggestion', 'handoff', 'referral')`),
    )
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn("body", "text")
    .addColumn("attachment", "text")
    .addColumn("referral_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text")
    .execute();
  await db.schema.createIndex("tickets_contact").on("tickets").columns(["contact_id", "status"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("contact_id", "integer", (c) => c.references("contacts.id").onDelete("set null"))
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('beneficiary', 'staff')`))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("counters")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "counters",
    "outbox",
    "tickets",
    "application_events",
    "applications",
    "messages",
    "sessions",
    "channel_identities",
    "contacts",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
