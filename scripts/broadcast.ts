/**
 * `npm run broadcast -- --message-ar "..." --message-en "..." [--program ID] [--status STATUS] [--id ID] [--dry-run]`
 *
 * Queues an announcement to the contacts of the association in ORG who opted
 * in (and are reachable), optionally only those with an application to a
 * program and/or in a status. The running bot's outbox sender delivers it.
 * Each contact receives a broadcast at most once: the id (by default derived
 * from the messages and the segment) makes a re-run queue nothing twice.
 * Any problem ends with exit code 1 and one line on standard error.
 */
import { createCalendarSource } from "../bot/calendar";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { queueBroadcast } from "../bot/broadcast";
import { loadConfig } from "../bot/config";
import { createTranslator } from "../bot/i18n";
import { openDatabase } from "../db";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../db/schema";
import { loadProfile } from "../orgs/load";

const USAGE =
  'usage: npm run broadcast -- --message-ar "..." --message-en "..." [--program ID] [--status STATUS] [--id ID] [--dry-run]';

function fail(reason: string): never {
  process.stderr.write(`broadcast: ${reason.replace(/\s+/g, " ").trim()}\n`);
  process.exit(1);
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

let values: { "message-ar"?: string; "message-en"?: string; program?: string; status?: string; id?: string; "dry-run"?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      "message-ar": { type: "string" },
      "message-en": { type: "string" },
      program: { type: "string" },
      status: { type: "string" },
      id: { type: "string" },
      "dry-run": { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (e) {
  fail(`${errorText(e)} (${USAGE})`);
}

const ar = values["message-ar"]?.trim();
const en = values["message-en"]?.trim();
if (!ar) fail(`--message-ar is required and cannot be empty (${USAGE})`);
if (!en) fail(`--message-en is required and cannot be empty (${USAGE})`);
const status = values.status;
if (status !== undefined && !(APPLICATION_STATUSES as readonly string[]).includes(status)) {
  fail(`--status "${status}" is not a status: use one of ${APPLICATION_STATUSES.join(", ")}`);
}
const broadcastId =
  values.id ??
  createHash("sha256")
    .update([ar, en, values.program ?? "", status ?? ""].join("\u0000"))
    .digest("hex")
    .slice(0, 12);

try {
  const config = loadConfig();
  const profile = loadProfile(config.org);
  if (values.program !== undefined && !profile.programs.some((p) => p.id === values.program)) {
    fail(`--program "${values.program}" is not a program of ${profile.slug}: use one of ${profile.programs.map((p) => p.id).join(", ")}`);
  }
  if (!fs.existsSync(config.databasePath)) fail(`no database at ${config.databasePath} (set DATABASE_PATH or DATA_DIR)`);
  const opened = await openDatabase(config.databasePath);
  try {
    const r = await queueBroadcast(opened.db, createTranslator(), {
      broadcastId,
      message: { ar, en },
      orgName: profile.name,
      ...(values.program !== undefined ? { programId: values.program } : {}),
      ...(status !== undefined ? { status: status as ApplicationStatus } : {}),
      at: new Date().toISOString(),
      calendar: await createCalendarSource(opened.db, profile).get(),
      dryRun: values["dry-run"] ?? false,
    });
    const extra = `already queued ${r.alreadyQueued}, no channel ${r.noChannel}`;
    process.stdout.write(
      r.dryRun
        ? `broadcast ${r.broadcastId} (dry run): would queue ${r.queued} of ${r.matched} opted-in contacts (${extra})\n`
        : `broadcast ${r.broadcastId}: queued ${r.queued} of ${r.matched} opted-in contacts (${extra}); delivery from ${r.notBefore}\n`,
    );
  } finally {
    await opened.close();
  }
} catch (e) {
  fail(errorText(e));
}
