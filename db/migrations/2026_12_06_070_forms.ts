import { sql, type Kysely } from "kysely";

const OLD_KINDS = "kind in ('complaint', 'suggestion', 'handoff', 'referral', 'urgent', 'care')";
const NEW_KINDS = "kind in ('complaint', 'suggestion', 'handoff', 'referral', 'urgent', 'care', 'appeal')";

/**
 * Requests for information, appeals and confidential reports.
 * - applications: the committee's request (`info_request`) and its date (`info_due_at`), shown to
 *   the beneficiary when they ask what exactly is needed and by when.
 * - tickets: a new kind, "appeal" (تظلم), tied to the rejected application it contests
 *   (`application_id`) and decided through the committee's decision path (`decision`,
 *   `decided_at`); `confidential` and `role` for reports of misconduct routed to the role the
 *   profile names; `answered_at`, a staff member's first reply (no satisfaction survey after a
 *   handoff nobody answered).
 * SQLite cannot change a CHECK constraint in place: the tickets table is rebuilt as SQLite's
 * documentation prescribes (foreign keys off, one transaction, copy, swap, indexes, check).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("info_request", "text").execute();
  await db.schema.alterTable("applications").addColumn("info_due_at", "text").execute();
  await db.schema.alterTable("tickets").addColumn("application_id", "integer", (c) => c.references("applications.id")).execute();
  await db.schema.alterTable("tickets").addColumn("confidential", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("tickets").addColumn("role", "text").execute();
  await db.schema.alterTable("tickets").addColumn("decision", "text").execute();
  await db.schema.alterTable("tickets").addColumn("decided_at", "text").execute();
  await db.schema.alterTable("tickets").addColumn("answered_at", "text").execute();
  await db.schema.createIndex("tickets_application").on("tickets").column("application_id").execute();
  await rebuildTickets(db, OLD_KINDS, NEW_KINDS);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("tickets").where("kind", "=", "appeal").execute();
  await rebuildTickets(db, NEW_KINDS, OLD_KINDS);
  await db.schema.dropIndex("tickets_application").execute();
  for (const column of ["answered_at", "decided_at", "decision", "role", "confidential", "application_id"]) {
    await db.schema.alterTable("tickets").dropColumn(column).execute();
  }
  await db.schema.alterTable("applications").dropColumn("info_due_at").execute();
  await db.schema.alterTable("applications").dropColumn("info_request").execute();
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
