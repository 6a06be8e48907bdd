/**
 * `npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD --format csv|html [--out FILE]`
 *
 * The period report of the association in ORG, read from DATABASE_PATH (see
 * README). Days are Riyadh calendar days, both included. Without --out the
 * report goes to standard output. Any problem ends with exit code 1 and one
 * line on standard error.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../bot/config";
import { createTranslator } from "../bot/i18n";
import { buildReport, parsePeriod, renderCsv, renderHtml } from "../bot/reports";
import { openDatabase } from "../db";
import { loadProfile } from "../orgs/load";

const USAGE = "usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD --format csv|html [--out FILE]";

function fail(reason: string): never {
  process.stderr.write(`report: ${reason.replace(/\s+/g, " ").trim()}\n`);
  process.exit(1);
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

let values: { from?: string; to?: string; format?: string; out?: string };
try {
  ({ values } = parseArgs({
    options: {
      from: { type: "string" },
      to: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (e) {
  fail(`${errorText(e)} (${USAGE})`);
}

const format = values.format;
if (format !== "csv" && format !== "html") fail(`--format must be csv or html (${USAGE})`);

let period;
try {
  period = parsePeriod(values.from, values.to);
} catch (e) {
  fail(`${errorText(e)} (${USAGE})`);
}

try {
  const config = loadConfig();
  const profile = loadProfile(config.org);
  if (!fs.existsSync(config.databasePath)) fail(`no database at ${config.databasePath} (set DATABASE_PATH or DATA_DIR)`);
  const opened = await openDatabase(config.databasePath);
  let output: string;
  try {
    const data = await buildReport(opened.db, profile, period);
    output = format === "csv" ? renderCsv(data) : renderHtml(data, createTranslator(), { locale: "ar", generatedAt: new Date() });
  } finally {
    await opened.close();
  }
  if (values.out) {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    fs.writeFileSync(values.out, output);
    process.stderr.write(`report: written to ${values.out}\n`);
  } else {
    process.stdout.write(output);
  }
} catch (e) {
  fail(errorText(e));
}
