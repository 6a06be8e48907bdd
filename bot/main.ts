/**
 * The composition root: reads the environment once, opens the database,
 * loads the association profile, starts the configured channels (the console
 * when no other is configured) and shuts down gracefully on SIGINT/SIGTERM:
 * stop taking updates, finish the turn in hand, flush the outbox.
 */
import { loadConfig, type Config } from "./config";
import { openDatabase } from "../db";
import { loadProfile } from "../orgs/load";
import { createSila } from "./app";
import { createConsoleChannel } from "./channels/console";
import type { ChannelAdapter } from "./channels/types";
import { ConfigError } from "./errors";
import { createLogger } from "./log";
import { resolveSecretKey } from "./secrets";
import type { StaffTarget } from "./engine";
import { createScheduler } from "./scheduler";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`sila: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const profile = loadProfile(config.org);
  const { db, close } = await openDatabase(config.databasePath);
  const secretKey = resolveSecretKey(config.secretKey, config.dataDir);

  const staff: StaffTarget[] = [];
  const useConsole = config.console === "on" || (config.console === "auto" && !config.telegram && !config.whatsapp.enabled);
  const sila = createSila({ db, profile, secretKey, staff, log, attachmentMaxBytes: config.attachmentMaxBytes });
  const channels: ChannelAdapter[] = [];

  let consoleDone: Promise<void> | null = null;
  if (useConsole) {
    const consoleChannel = createConsoleChannel({
      afterTurn: async () => {
        await sila.outbox.drainOnce();
      },
    });
    consoleDone = consoleChannel.done;
    channels.push(consoleChannel);
  }
  if (config.telegram || config.whatsapp.enabled) {
    log.warn("a messaging channel is configured but not yet available in this version; running the console", {
      telegram: Boolean(config.telegram),
      whatsapp: config.whatsapp.enabled,
    });
  }

  for (const ch of channels) sila.addSender(ch);
  sila.outbox.start();
  const scheduler = createScheduler({ db, profile, translator: sila.translator, clock: () => new Date(), staff, outbox: sila.outbox, log });
  if (!consoleDone) {
    // A long-running bot catches up on what came due while it was down, then keeps to the schedule.
    await scheduler.runAll();
    scheduler.start();
  }
  log.info("sila started", { org: profile.slug, database: config.databasePath, channels: channels.map((c) => c.name) });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    scheduler.stop();
    for (const ch of channels) await ch.stop();
    await sila.engine.idle();
    await sila.outbox.flush(10_000);
    await sila.outbox.stop();
    await close();
    log.info("stopped");
  };
  process.on("SIGINT", () => void shutdown("SIGINT").then(() => process.exit(0)));
  process.on("SIGTERM", () => void shutdown("SIGTERM").then(() => process.exit(0)));

  for (const ch of channels) await ch.start((m) => sila.engine.handle(m).then(() => undefined));

  if (consoleDone) {
    await consoleDone;
    await shutdown("end of input");
  }
}

main().catch((error: unknown) => {
  const reason = error instanceof ConfigError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`sila: ${reason}\n`);
  process.exit(1);
});
