/**
 * A Kysely instance over an already opened better-sqlite3 handle, with two
 * optional additions for measurement: a prepared-statement cache (Kysely's
 * SqliteDriver prepares every query anew) and a count of executions per SQL
 * text. Used only to measure what the engine would gain; production opens
 * the database with `createDb`.
 */
import type SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from "kysely";
import type { Database } from "../../db/schema";

export interface StatementStats {
  /** Executions per SQL text. */
  executions: Map<string, number>;
  /** Statements prepared (SQLite parse and plan). */
  prepares: number;
}

export function kyselyOver(sqlite: SQLite.Database, options: { cache: boolean; stats?: StatementStats }): Kysely<Database> {
  const cache = new Map<string, SqliteStatement>();
  const stats = options.stats;
  const count = (sql: string) => {
    if (stats) stats.executions.set(sql, (stats.executions.get(sql) ?? 0) + 1);
  };
  const wrap = (sql: string, stmt: SQLite.Statement): SqliteStatement => ({
    reader: stmt.reader,
    all: (p) => (count(sql), stmt.all(...(p as unknown[]))),
    run: (p) => (count(sql), stmt.run(...(p as unknown[]))),
    iterate: (p) => (count(sql), stmt.iterate(...(p as unknown[]))),
  });
  const database: SqliteDatabase = {
    close: () => sqlite.close(),
    prepare(sql) {
      if (options.cache) {
        const hit = cache.get(sql);
        if (hit) return hit;
      }
      if (stats) stats.prepares++;
      const stmt = wrap(sql, sqlite.prepare(sql));
      if (options.cache) cache.set(sql, stmt);
      return stmt;
    },
  };
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
