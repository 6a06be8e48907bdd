import { sql, type Kysely } from "kysely";

/**
 * Requests for information, appeals and confidential reports.
 * - applications: the committee's request (`info_request`) and its date (`info_due_at`), shown to
 *   the beneficiary when they ask what exactly is needed and by when.
 * - tickets: a new kind, "appeal" (تظلم), tied to the rejected application it contests and decided
 *   through the committee's decision path (`decision`, `decided_at`); `confidential` and `role`
 *   for reports of misconduct routed to the role the profile names; `answered_at`, the first reply
 *   of a staff member (no satisfaction survey after a handoff nobody answered).
 * SQLite cannot change a CHECK constraint in place: the tickets table is rebuilt (foreign keys
 * off for the copy, as SQLite documents), keeping every row and id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("info_request", "text").execute();
  await db.schema.alterTable("applications").addColumn("info_due_at", "text").execute();

  await sql`pragma foreign_keys = off`.execute(db);
  await db.schema
    .createTable("tickets_new")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('complaint', 'suggestion', 'handoff', 'referral', 'appeal')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn("body", "text")
    .addColumn("attachment", "text")
    .addColumn("referral_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text")
    .addColumn("application_id", "integer", (c) => c.references("applications.id"))
    .addColumn("confidential", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("role", "text")
    .addColumn("decision", "text")
    .addColumn("decided_at", "text")
    .addColumn("answered_at", "text")
    .execute();
  await sql`insert into tickets_new (id, reference, contact_id, kind, status, body, attachment, referral_id, created_at, closed_at, closed_by)
            select id, reference, contact_id, kind, status, body, attachment, referral_id, created_at, closed_at, closed_by from tickets`.execute(db);
  await db.schema.dropTable("tickets").execute();
  await db.schema.alterTable("tickets_new").renameTo("tickets").execute();
  await db.schema.createIndex("tickets_contact").on("tickets").columns(["contact_id", "status"]).execute();
  await db.schema.createIndex("tickets_application").on("tickets").column("application_id").execute();
  await sql`pragma foreign_keys = on`.execute(db);
  const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
  if (broken.rows.length > 0) throw new Error(`foreign key check failed after rebuilding tickets: ${broken.rows.length} rows`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  await db.schema
    .createTable("tickets_old")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('complaint', 'suggestion', 'handoff', 'referral')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn("body", "text")
    .addColumn("attachment", "text")
    .addColumn("referral_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text")
    .execute();
  await sql`insert into tickets_old (id, reference, contact_id, kind, status, body, attachment, referral_id, created_at, closed_at, closed_by)
            select id, reference, contact_id, case when kind = 'appeal' then 'complaint' else kind end, status, body, attachment, referral_id,
                   created_at, closed_at, closed_by from tickets`.execute(db);
  await db.schema.dropTable("tickets").execute();
  await db.schema.alterTable("tickets_old").renameTo("tickets").execute();
  await db.schema.createIndex("tickets_contact").on("tickets").columns(["contact_id", "status"]).execute();
  await sql`pragma foreign_keys = on`.execute(db);
  await db.schema.alterTable("applications").dropColumn("info_due_at").execute();
  await db.schema.alterTable("applications").dropColumn("info_request").execute();
}
