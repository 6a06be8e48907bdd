import { sql, type Kysely } from "kysely";

const OLD_KINDS = "kind in ('complaint', 'suggestion', 'handoff', 'referral')";
const NEW_KINDS = "kind in ('complaint', 'suggestion', 'handoff', 'referral', 'urgent', 'care')";

/**
 * Safety alerts. Tickets take two more kinds: "urgent" (someone may be in
 * danger: claimed with /claim like any ticket) and "care" (health symptoms
 * for the care role). SQLite cannot change a CHECK constraint in place, so
 * the table is rebuilt as SQLite's documentation prescribes (foreign keys off,
 * one transaction, copy, swap, indexes, foreign key check). `safety_events`
 * records every alert, new message and escalation of them: the audit trail and
 * what the escalation job reads.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await rebuildTickets(db, OLD_KINDS, NEW_KINDS);
  await db.schema
    .createTable("safety_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("ticket_reference", "text", (c) => c.notNull())
    .addColumn("contact_id", "integer", (c) => c.notNull().references("contacts.id"))
    .addColumn("action", "text", (c) => c.notNull().check(sql`action in ('alert', 'update', 'escalate', 'care')`))
    /** The kind of danger (self_harm, medical, ...) or "symptoms". */
    .addColumn("kind", "text", (c) => c.notNull())
    /** 0 for the first role; n for the n-th role of `escalateTo`. */
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("safety_events_ticket").on("safety_events").columns(["ticket_reference", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("safety_events").ifExists().execute();
  await db.deleteFrom("tickets").where("kind", "in", ["urgent", "care"]).execute();
  await rebuildTickets(db, NEW_KINDS, OLD_KINDS);
}

/** Rebuilds `tickets` with its CHECK on kinds changed, keeping every column, row and index. */
async function rebuildTickets(db: Kysely<any>, from: string, to: string): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'tickets'`.execute(db);
  const create = table.rows[0]?.sql;
  if (!create || !create.includes(from)) throw new Error(`tickets: expected the constraint "${from}"`);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'tickets' and sql is not null`.execute(db);
  const rebuilt = create.replace(from, to).replace(/^CREATE TABLE\s+("?)tickets\1/i, 'CREATE TABLE "tickets_new"');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(rebuilt).execute(trx);
      await sql`insert into tickets_new select * from tickets`.execute(trx);
      await sql`drop table tickets`.execute(trx);
      await sql`alter table tickets_new rename to tickets`.execute(trx);
      for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`tickets: ${broken.rows.length} foreign keys broken by the rebuild`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
