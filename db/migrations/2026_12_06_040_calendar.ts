import { sql, type Kysely } from "kysely";

/**
 * The association's calendar as staff change it: closures they add (a
 * one-off closure) and occurrences of the profile's closures they move or
 * cancel (Eid a day later when the moon was sighted differently). Each row
 * wins over the profile for its days; every change is also in staff_audit.
 * And the last season whose greeting a contact got (said once per person).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_closures")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // The profile closure's occurrence this replaces ("eid_fitr:1448"), null for a closure of its own.
    .addColumn("replaces", "text")
    .addColumn("name", "text")
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("cancelled", "integer", (c) => c.notNull().defaultTo(0).check(sql`cancelled in (0, 1)`))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("calendar_closures_range", sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex("calendar_closures_replaces")
    .on("calendar_closures")
    .column("replaces")
    .unique()
    .where(sql.ref("replaces"), "is not", null)
    .execute();
  await db.schema.alterTable("contacts").addColumn("season_greeted", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contacts").dropColumn("season_greeted").execute();
  await db.schema.dropTable("calendar_closures").ifExists().execute();
}
