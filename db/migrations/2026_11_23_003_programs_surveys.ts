import { sql, type Kysely } from "kysely";

/** Enrolments in programs (after approval), satisfaction surveys and their answers. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("enrolments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().unique().references("applications.id"))
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("program_id", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'ended')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("enrolments_due").on("enrolments").columns(["status", "ends_on"]).execute();

  await db.schema
    .createTable("surveys")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('program', 'ticket')`))
    .addColumn("enrolment_id", "integer", (c) => c.unique().references("enrolments.id"))
    .addColumn("ticket_id", "integer", (c) => c.unique().references("tickets.id"))
    .addColumn("program_id", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'sent', 'answered')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("reminded_at", "text")
    .addColumn("answered_at", "text")
    .execute();
  await db.schema.createIndex("surveys_status").on("surveys").columns(["status", "sent_at"]).execute();

  await db.schema
    .createTable("survey_answers")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("score", "integer")
    .addColumn("text", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("survey_answers_once", ["survey_id", "question_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_answers").ifExists().execute();
  await db.schema.dropTable("surveys").ifExists().execute();
  await db.schema.dropTable("enrolments").ifExists().execute();
}
