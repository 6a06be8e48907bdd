import { sql, type Kysely } from "kysely";

/**
 * Referrals that close the loop (issue 19).
 * - `contacts.city`: where the person lives, as they told us when a referral's partner depends on
 *   it (asked once; erased with the rest of their data).
 * - `referrals`: one per referral ticket: the topic, the partner chosen (null: none yet, or staff
 *   find one), the city, its status (suggested, handed over, partner answered, helped, not helped,
 *   no answer), the beneficiary's consent to share a summary with the partner (the grant is also a
 *   `consents` row, purpose `referral_share:<reference>`), and the follow-up: when it is due, when
 *   the question and its one reminder went, the last answer, and when staff were alerted.
 * - `referral_events`: the referral's history (who changed what, when): what staff see with an
 *   alert and on `/show`.
 * The tickets table is unchanged: a referral ticket is open while staff should look at it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contacts").addColumn("city", "text").execute();
  await db.schema
    .createTable("referrals")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("ticket_id", "integer", (c) => c.notNull().unique().references("tickets.id"))
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("topic_id", "text", (c) => c.notNull())
    .addColumn("partner_id", "text")
    .addColumn("city", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('suggested', 'handed_over', 'partner_answered', 'helped', 'not_helped', 'no_answer')`),
    )
    .addColumn("staff_handled", "integer", (c) => c.notNull().defaultTo(0).check(sql`staff_handled in (0, 1)`))
    .addColumn("consent", "text", (c) => c.check(sql`consent in ('given', 'refused')`))
    .addColumn("consent_at", "text")
    .addColumn("follow_up_at", "text")
    .addColumn("asked_at", "text")
    .addColumn("reminded_at", "text")
    .addColumn("answer", "text", (c) => c.check(sql`answer in ('helped', 'not_helped', 'waiting')`))
    .addColumn("answered_at", "text")
    .addColumn("alerted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("referrals_contact").on("referrals").column("contact_id").execute();
  await db.schema.createIndex("referrals_follow_up").on("referrals").columns(["status", "follow_up_at"]).execute();
  await db.schema
    .createTable("referral_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("referral_id", "integer", (c) => c.notNull().references("referrals.id"))
    /** "beneficiary", "system" or "staff:<channel>:<id>". */
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("referral_events_referral").on("referral_events").columns(["referral_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("referral_events").ifExists().execute();
  await db.schema.dropTable("referrals").ifExists().execute();
  await db.schema.alterTable("contacts").dropColumn("city").execute();
}
