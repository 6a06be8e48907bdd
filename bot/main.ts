/**
 * The composition root: reads the environment once, opens the database,
 * loads the association profile, starts the configured channels (the console
 * when no other is configured) and shuts down gracefully on SIGINT/SIGTERM:
 * stop taking updates, finish the turn in hand, flush the outbox.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "./config";
import { createClock, parseTimeCommand } from "./clock";
import { openDatabase } from "../db";
import { loadProfile } from "../orgs/load";
import { createConsoleChannel } from "./channels/console";
import type { ChannelAdapter } from "./channels/types";
import { ConfigError } from "./errors";
import { createLogger, type Logger } from "./log";
import { startupBanner } from "./banner";
import { resolveSecretKey } from "./secrets";
import type { StaffTarget } from "./engine";
import { createScheduler } from "./scheduler";
import { createSila, DEFAULT_ATTACHMENT_TYPES } from "./app";
import { createTelegramChannel, telegramStaffTargets } from "./channels/telegram";
import { createWhatsAppChannel, normalizeWhatsAppNumber, whatsappStaffTargets } from "./channels/whatsapp";
import { cloudStaffTargets, createWhatsAppCloudChannel } from "./channels/whatsapp-cloud";
import { createStaffActions } from "./staff/actions";
import { createStaffCommands } from "./staff/commands";
import { createAttachmentStore } from "./channels/attachments";
import { launchDesk } from "./desk";
import { staffDecisions } from "./decisions";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`sila: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  // Everything this process creates (database, key, log, attachments, WhatsApp session, backups) is
  // readable by its owner only, whatever the shell's umask.
  process.umask(0o077);
  const useConsole = config.console === "on" || (config.console === "auto" && !config.telegram && config.whatsapp.mode === "off");
  // On the console the conversation owns the terminal: logs go to a file beside the database.
  const logFile = useConsole ? path.join(config.dataDir, "sila.log") : null;
  const log = logFile ? fileLogger(config.logLevel, logFile) : createLogger(config.logLevel);
  const profile = loadProfile(config.org, config.orgsDir ? { dir: config.orgsDir } : {});
  // A missing, empty or malformed key stops start-up before the database is touched.
  const secretKey = resolveSecretKey(config.secretKey, config.dataDir);
  const { db, sqlite, close } = await openDatabase(config.databasePath);

  const staffLocale = profile.locales[0] ?? "ar";
  const staff: StaffTarget[] = [
    ...(useConsole ? [{ channel: "console" as const, chatId: "staff", locale: staffLocale }] : []),
    ...telegramStaffTargets(config.telegram?.staffChatId, staffLocale),
    ...(config.whatsapp.enabled
      ? whatsappStaffTargets(config.whatsapp.staffNumbers, { ...(config.whatsapp.staffGroupId ? { groupId: config.whatsapp.staffGroupId } : {}), locale: staffLocale })
      : []),
    ...(config.whatsapp.cloud ? cloudStaffTargets(config.whatsapp.staffNumbers, staffLocale) : []),
  ];
  // One clock for the whole installation; the console can set or move it (/time).
  const time = createClock();
  const clock = time.now;
  // A folder per chat, named by a keyed hash: erasure finds a person's files; a folder name shows no number.
  const attachmentStore = createAttachmentStore(config.dataDir, secretKey);
  const sila = createSila({ db, sqlite, profile, secretKey, staff, log, clock, attachmentMaxBytes: config.attachmentMaxBytes, files: attachmentStore });
  const channels: ChannelAdapter[] = [];
  const attachments = { maxBytes: config.attachmentMaxBytes, mimeTypes: DEFAULT_ATTACHMENT_TYPES };

  // One set of staff actions (audited) for the chat commands and the desk.
  const staffActions = createStaffActions({
    db,
    profile,
    translator: sila.translator,
    cipher: sila.cipher,
    staffTargets: staff,
    clock,
    log,
    onOutbox: () => sila.outbox.kick(),
    decide: staffDecisions({ db, profile, translator: sila.translator, clock, staff, calendar: sila.calendar }),
  });
  // One staff-command layer for every channel: who is staff, commands, audit, decisions.
  const staffCommands = createStaffCommands({
    db,
    profile,
    translator: sila.translator,
    cipher: sila.cipher,
    actions: staffActions,
    staffIds: {
      telegram: config.telegram?.staffUserIds ?? [],
      whatsapp: config.whatsapp.staffNumbers.map((n) => normalizeWhatsAppNumber(n) ?? n),
      whatsapp_cloud: config.whatsapp.cloud ? config.whatsapp.staffNumbers.map((n) => normalizeWhatsAppNumber(n) ?? n) : [],
      // Whoever sits at the console is the association's staff too (`/staff /pending`).
      console: useConsole ? [CONSOLE_STAFF.userId] : [],
    },
    staffTargets: staff,
    clock,
    log,
    calendar: sila.calendar,
  });

  if (config.telegram) {
    channels.push(
      createTelegramChannel({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        ...(config.telegram.staffChatId ? { staffChatId: config.telegram.staffChatId } : {}),
        staff: staffCommands,
        translator: sila.translator,
        staffLocale,
        defaultLocale: staffLocale,
        dataDir: config.dataDir,
        attachments,
        attachmentStore,
        log,
        ...(config.telegram.webhook ? { webhook: config.telegram.webhook } : {}),
      }),
    );
  }
  if (config.whatsapp.enabled) {
    // The library (and its browser) is loaded only when WhatsApp is enabled.
    const { createWhatsAppWebClient } = await import("./channels/whatsapp/web-client");
    channels.push(
      createWhatsAppChannel({
        createClient: () => createWhatsAppWebClient({ dataDir: config.dataDir, chromiumPath: config.whatsapp.chromiumPath }),
        dataDir: config.dataDir,
        log,
        translator: sila.translator,
        locale: staffLocale,
        staff: staffCommands,
        ...(config.whatsapp.staffGroupId ? { staffGroupId: config.whatsapp.staffGroupId } : {}),
        attachments,
        attachmentStore,
        pacing: { minGapMs: config.whatsapp.minGapMs, maxPerMinute: config.whatsapp.maxPerMinute },
      }),
    );
  }

  if (config.whatsapp.cloud) {
    const cloud = config.whatsapp.cloud;
    channels.push(
      createWhatsAppCloudChannel({
        token: cloud.accessToken,
        phoneNumberId: cloud.phoneNumberId,
        appSecret: cloud.appSecret,
        verifyToken: cloud.verifyToken,
        graphUrl: cloud.graphUrl,
        apiVersion: cloud.apiVersion,
        webhook: cloud.webhook,
        ratePerSecond: cloud.ratePerSecond,
        dataDir: config.dataDir,
        attachmentStore,
        attachments,
        translator: sila.translator,
        locale: staffLocale,
        staff: staffCommands,
        staffNumbers: config.whatsapp.staffNumbers.map((n) => normalizeWhatsAppNumber(n) ?? n),
        log,
      }),
    );
  }

  const scheduler = createScheduler({ db, profile, translator: sila.translator, clock, staff, outbox: sila.outbox, log, calendar: sila.calendar });

  let consoleDone: Promise<void> | null = null;
  if (useConsole) {
    const say = (key: string, params?: Record<string, string | number>) => sila.translator.t(key, staffLocale, params);
    const consoleChannel = createConsoleChannel({
      afterTurn: async () => {
        await sila.outbox.drainOnce();
      },
      intro: say("console:banner.hint"),
      onTime: async (arg, print) => {
        const command = parseTimeCommand(arg);
        if (!command) return print(say("console:time.invalid"));
        if (command.kind === "set") time.set(command.at);
        if (command.kind === "move") time.advance(command.ms);
        print(say("console:time.now", { when: sila.translator.render({ date: clock().toISOString(), withTime: true }, staffLocale) }));
        // What fell due by the new time runs now: surveys, reminders, nudges, messages held for the quiet hours.
        if (command.kind !== "show" && !(await scheduler.runAll())) print(say("console:time.failed"));
      },
      onStaff: async (command) => {
        try {
          return await staffCommands.handleText(CONSOLE_STAFF, command);
        } catch (error) {
          log.error("console staff command failed", { error });
          return [{ text: say("console:staff.failed") }];
        }
      },
    });
    consoleDone = consoleChannel.done;
    channels.push(consoleChannel);
  }

  for (const ch of channels) sila.addSender(ch);
  sila.outbox.start();
  // The bot catches up on what came due while it was down, then keeps to the schedule (the console too).
  await scheduler.runAll();
  scheduler.start();
  const desk = config.desk.enabled
    ? await launchDesk(
        config,
        { telegram: Boolean(config.telegram), whatsapp: config.whatsapp.enabled, whatsappCloud: Boolean(config.whatsapp.cloud), console: useConsole },
        { db, profile, translator: sila.translator, cipher: sila.cipher, secretKey, clock, log, calendar: sila.calendar, actions: staffActions, onOutbox: () => sila.outbox.kick() },
        (key, params) => sila.translator.t(key, staffLocale, params),
      )
    : null;
  process.stdout.write(
    startupBanner(sila.translator, staffLocale, profile, {
      channels: channels.map((c) => c.name),
      database: config.databasePath,
      logFile,
      ...(desk?.running ? { deskUrl: desk.running.url } : {}),
    }) + (desk?.problem ? `\n  ${desk.problem}` : "") + "\n",
  );
  log.info("sila started", { org: profile.slug, database: config.databasePath, channels: channels.map((c) => c.name) });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    await desk?.running?.stop();
    scheduler.stop();
    // Stop taking updates and finish the turns in hand; WhatsApp stays connected to deliver the flush.
    const last = channels.filter((ch) => ch.name === "whatsapp");
    for (const ch of channels) if (!last.includes(ch)) await ch.stop();
    await sila.engine.idle();
    await sila.outbox.flush(10_000);
    for (const ch of last) await ch.stop();
    await sila.engine.idle();
    await sila.outbox.stop();
    await close();
    log.info("stopped");
  };
  process.on("SIGINT", () => void shutdown("SIGINT").then(() => process.exit(0)));
  process.on("SIGTERM", () => void shutdown("SIGTERM").then(() => process.exit(0)));

  // A channel's handler resolves once the message is stored (the turn committed), not when the reply goes.
  for (const ch of channels) await ch.start((m) => sila.engine.handle(m).then(() => undefined), (s) => sila.notices.recordStatus(s));

  if (consoleDone) {
    await consoleDone;
    await shutdown("end of input");
  }
}

/** The staff member at the console. */
const CONSOLE_STAFF = { channel: "console" as const, userId: "console", displayName: "console" };

/** Everything goes to `file` (created owner-only), nothing to the terminal the conversation uses. */
function fileLogger(level: Config["logLevel"], file: string): Logger {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, "a", 0o600);
  return createLogger(level, (line) => fs.writeSync(fd, line + "\n"));
}

main().catch((error: unknown) => {
  const reason = error instanceof ConfigError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`sila: ${reason}\n`);
  process.exit(1);
});
