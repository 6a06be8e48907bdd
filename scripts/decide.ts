/**
 * `npm run decide -- <reference> approve|reject|needinfo|review|withdraw [--note "..."] [--start YYYY-MM-DD] [--end YYYY-MM-DD]`
 * Records a committee decision from the command line and queues the
 * beneficiary's notification (delivered by the running bot's outbox).
 */
import { createCalendarSource } from "../bot/calendar";
import os from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "../bot/config";
import { runCli } from "./cli";
import { decide, parseDecision } from "../bot/decisions";
import { createTranslator } from "../bot/i18n";
import { openDatabase } from "../db";
import { loadProfile } from "../orgs/load";

async function run(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { note: { type: "string" }, start: { type: "string" }, end: { type: "string" } },
  });
  const [reference, word] = positionals;
  const decision = word ? parseDecision(word) : null;
  if (!reference || !decision) {
    process.stderr.write("decide: usage: npm run decide -- <reference> approve|reject|needinfo|review|withdraw [--note ...]\n");
    return 2;
  }
  const config = loadConfig();
  const profile = loadProfile(config.org);
  const { db, close } = await openDatabase(config.databasePath);
  try {
    const result = await decide(
      { db, profile, translator: createTranslator({ locales: profile.locales }), clock: () => new Date(), calendar: createCalendarSource(db, profile) },
      {
        reference,
        decision,
        actor: `cli:${os.userInfo().username}`,
        ...(values.note ? { note: values.note } : {}),
        ...(values.start ? { startsOn: values.start } : {}),
        ...(values.end ? { endsOn: values.end } : {}),
      },
    );
    if (!result.ok) {
      const why =
        result.error === "not_found"
          ? `no application ${reference}`
          : result.error === "invalid_transition"
            ? `cannot move ${reference} from ${result.from} to ${result.to}`
            : "invalid --start/--end dates (YYYY-MM-DD, end not before start)";
      process.stderr.write(`decide: ${why}\n`);
      return 1;
    }
    process.stdout.write(`${result.reference}: ${result.from} -> ${result.to}${result.notified ? " (beneficiary notified)" : ""}\n`);
    return 0;
  } finally {
    await close();
  }
}

runCli("decide", run);
