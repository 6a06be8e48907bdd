/** `npm run migrate`: applies pending migrations to the configured database. */
import { loadConfig } from "../bot/config";
import { createDb, migrateToLatest } from "../db";

try {
  const config = loadConfig();
  const { db, close } = createDb(config.databasePath);
  const applied = await migrateToLatest(db);
  await close();
  process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "database is up to date\n");
} catch (error) {
  process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
