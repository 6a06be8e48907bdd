/**
 * Opening the database: better-sqlite3 under Kysely, WAL journal, foreign
 * keys on, a busy timeout; migrations applied to the latest.
 */
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type SqliteDatabase, type SqliteStatement } from "kysely";
import { StorageError } from "./kinds";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

export interface OpenedDb {
  db: Db;
  /** The underlying better-sqlite3 handle (backups, benchmarks). */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

/**
 * Opens (creating the folder and file if needed) the SQLite database at `file`. A new folder and
 * file are readable by their owner only (0700, 0600); SQLite gives its WAL and shared-memory files
 * the database file's permissions.
 */
export function createDb(file: string): OpenedDb {
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
  }
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    // Deleted and anonymised personal data is overwritten, not left in free pages.
    sqlite.pragma("secure_delete = ON");
  } catch (cause) {
    throw new StorageError(`cannot open the database at ${file}`, { cause });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return {
    db,
    sqlite,
    close: () => db.destroy(),
  };
}

/** Statements kept prepared; past this many distinct queries the cache starts afresh. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 for Kysely with prepared statements reused by SQL text:
 * Kysely prepares every query anew, and parsing and planning were a fifth of
 * a turn's time (docs/benchmarks.md).
 */
function cachingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new StorageError("database migration failed", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Opens the database and migrates it: what the bot and scripts call. */
export async function openDatabase(file: string): Promise<OpenedDb> {
  const opened = createDb(file);
  await migrateToLatest(opened.db);
  return opened;
}

/**
 * Copies the database at `file` to `out` with SQLite's online backup API:
 * consistent even while the bot writes. Returns the number of pages copied.
 */
export async function backupDatabase(file: string, out: string): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true, mode: 0o700 });
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    // The copy holds everything the database does: owner-only from its first byte.
    if (!fs.existsSync(out)) fs.closeSync(fs.openSync(out, "a", 0o600));
    const result = await source.backup(out);
    return result.totalPages;
  } catch (cause) {
    throw new StorageError(`backup of ${file} to ${out} failed`, { cause });
  } finally {
    source.close();
  }
}
