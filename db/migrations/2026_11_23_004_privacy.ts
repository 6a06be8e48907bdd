import { sql, type Kysely } from "kysely";

/** Consents recorded per purpose, and beneficiaries' privacy requests (their data, deletion). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("consents")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("application_id", "integer", (c) => c.references("applications.id"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("consents_contact").on("consents").columns(["contact_id", "purpose"]).execute();

  await db.schema
    .createTable("privacy_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('export', 'deletion')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'done', 'cancelled')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("done_by", "text")
    .execute();

  await db.schema.alterTable("contacts").addColumn("anonymised_at", "text").execute();
  await db.schema.alterTable("applications").addColumn("anonymised_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").dropColumn("anonymised_at").execute();
  await db.schema.alterTable("contacts").dropColumn("anonymised_at").execute();
  await db.schema.dropTable("privacy_requests").ifExists().execute();
  await db.schema.dropTable("consents").ifExists().execute();
}
