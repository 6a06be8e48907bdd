/**
 * The process the crash test kills. It runs the real engine and outbox
 * (`createSila`, the `maa` profile, a SQLite file) behind a fake channel:
 *
 * - Inbound, the channel works like Telegram's getUpdates: it hands over the
 *   scripted updates from its acknowledged offset, the engine handles them,
 *   and only then is the new offset saved (fsync'ed, atomically renamed). A
 *   kill between the two makes the channel deliver the same updates again,
 *   and the engine must treat them as the no-ops they are.
 * - Outbound, every delivery appends one fsync'ed line to `deliveries.log`
 *   naming the outbox row it carries, so the verifier counts deliveries that
 *   happened more than once. Some sends fail at random (a flaky network),
 *   to exercise the retries.
 *
 * Usage (the parent does this): node --import tsx scripts/crash/worker.ts --dir DIR [--run N] [--flaky P]
 * Stdout, one line each: "ready", "h <seq> <outcome>" per handled update,
 * "done" at the end. Exit 0 once every update is handled and every outbox
 * row is delivered.
 */
import fs from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import { createSila } from "../../bot/app";
import type { ChannelSender, InboundMessage } from "../../bot/channels/types";
import { ChannelError } from "../../bot/errors";
import { createLogger } from "../../bot/log";
import { openDatabase } from "../../db";
import { loadProfile } from "../../orgs/load";
import { CRASH_SECRET, crashFiles, sha16, type DeliveryLine } from "./layout";
import { createRandom } from "./random";
import type { CrashScript } from "./script";


function readOffset(file: string): number {
  try {
    const n = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isInteger(n) && n >= 0 ? n : 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

/** The acknowledgement: written to a temp file, fsync'ed, renamed over the old one. */
function writeOffset(file: string, offset: number): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeSync(fd, String(offset));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

function emit(line: string): void {
  process.stdout.write(line + "\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: "string" },
      run: { type: "string", default: "0" },
      flaky: { type: "string", default: "0.02" },
      batch: { type: "string", default: "24" },
    },
  });
  if (!values.dir) throw new Error("--dir is required");
  const f = crashFiles(values.dir);
  const script = JSON.parse(fs.readFileSync(f.script, "utf8")) as CrashScript;
  const run = Number(values.run);
  const flaky = Number(values.flaky);
  const maxBatch = Math.max(1, Number(values.batch));
  const random = createRandom((script.seed * 7919 + run * 104_729) >>> 0);

  const clockStart = Date.parse(script.clockStart);
  const opened = await openDatabase(f.database);
  const { db } = opened;
  const deliveries = fs.openSync(f.deliveries, "a");
  let sentCount = 0;

  const sender: ChannelSender = {
    name: script.channel,
    async send(chatId, message) {
      if (random.chance(flaky)) throw new ChannelError("fake network error", { permanent: false });
      const payload = JSON.stringify(message);
      // The row in hand is the pending row of this chat with this payload; rows of one chat
      // go in order, so it must also be the chat's oldest pending row.
      const pending = await db
        .selectFrom("outbox")
        .select(["id", "payload"])
        .where("channel", "=", script.channel)
        .where("chat_id", "=", chatId)
        .where("status", "=", "pending")
        .orderBy("id")
        .execute();
      const index = pending.findIndex((r) => sila.cipher.decrypt(r.payload) === payload);
      const line: DeliveryLine = {
        row: index >= 0 ? pending[index]!.id : null,
        chat: chatId,
        hash: sha16(payload),
        oldest: index === 0,
        pid: process.pid,
      };
      fs.writeSync(deliveries, JSON.stringify(line) + "\n");
      fs.fsyncSync(deliveries);
      return { messageId: `d${process.pid}-${++sentCount}` };
    },
  };

  const sila = createSila({
    db,
    sqlite: opened.sqlite,
    profile: loadProfile("maa"),
    secretKey: CRASH_SECRET,
    senders: [sender],
    staff: [{ channel: script.channel, chatId: script.staffChatId, locale: "ar" }],
    log: createLogger("error"),
    clock: () => new Date(clockStart + (Date.now() - script.clockOrigin)),
    outbox: { baseDelayMs: 10, maxAttempts: 30 },
    // The script is faster than any person: the flood limit is not what this test is about.
    floodPerMinute: 1_000_000,
  });
  // Start-up resumes whatever a killed process left pending.
  sila.outbox.start(100);
  sila.outbox.kick();
  emit("ready");

  let offset = readOffset(f.offset);
  const total = script.messages.length;
  while (offset < total) {
    const size = random.int(1, maxBatch);
    const batch = script.messages.slice(offset, offset + size);
    await Promise.all(
      batch.map(async (m) => {
        const inbound: InboundMessage = {
          channel: script.channel,
          chatId: m.chatId,
          messageId: m.messageId,
          receivedAt: new Date(),
          content: m.content,
        };
        const outcome = await sila.engine.handle(inbound);
        emit(`h ${m.seq} ${outcome}`);
      }),
    );
    offset += batch.length;
    writeOffset(f.offset, offset);
  }

  await sila.engine.idle();
  // Deliver everything, retries included (bounded: a row that cannot be delivered is a failure).
  const deadline = Date.now() + 60_000;
  for (;;) {
    await sila.outbox.flush(5_000);
    const pending = await db
      .selectFrom("outbox")
      .select(["next_attempt_at"])
      .where("status", "=", "pending")
      .orderBy("next_attempt_at")
      .execute();
    if (pending.length === 0) break;
    if (Date.now() > deadline) throw new Error(`${pending.length} outbox rows still pending after 60 s`);
    const due = Date.parse(pending[0]!.next_attempt_at) - (clockStart + (Date.now() - script.clockOrigin));
    await delay(Math.min(1_000, Math.max(5, due)));
  }
  await sila.outbox.stop();
  fs.closeSync(deliveries);
  await opened.close();
  emit("done");
}

main().catch((error: unknown) => {
  process.stderr.write(`crash worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
