/**
 * `npm run backup [-- --out FILE]`: a consistent copy of the live database
 * with SQLite's online backup (safe while the bot runs). Default:
 * $DATA_DIR/backups/sila-<timestamp>.sqlite.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../bot/config";
import { backupDatabase } from "../db";

try {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const config = loadConfig();
  if (!fs.existsSync(config.databasePath)) throw new Error(`no database at ${config.databasePath}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = values.out ?? path.join(config.dataDir, "backups", `sila-${stamp}.sqlite`);
  const pages = await backupDatabase(config.databasePath, out);
  process.stdout.write(`backup: ${out} (${pages} pages)\n`);
} catch (error) {
  process.stderr.write(`backup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
