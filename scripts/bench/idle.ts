/**
 * Memory per idle conversation: sessions live in SQLite, so a conversation
 * waiting for its next message should cost (almost) nothing in the heap.
 * Opens `conversations` chats, each left in the middle of an application
 * (greeting, then "apply": a saved session waiting for the program choice),
 * forces a full GC and compares the heap with the heap before.
 */
import path from "node:path";
import { openDatabase } from "../../db";
import { loadProfile } from "../../orgs/load";
import { createSila } from "../../bot/app";
import { createLogger } from "../../bot/log";
import type { ChannelSender } from "../../bot/channels/types";
import { forceGc } from "./util";
import { BENCH_ORIGIN } from "./turns";

export interface IdleResult {
  conversations: number;
  heapBytesPerConversation: number;
  rssBytesPerConversation: number;
  externalBytesPerConversation: number;
  sessionsStored: number;
  heapBefore: number;
  heapAfter: number;
}

export async function runIdle(options: { dir: string; conversations: number; concurrency: number }): Promise<IdleResult> {
  const opened = await openDatabase(path.join(options.dir, "idle.sqlite"));
  const profile = loadProfile("maa");
  let delivered = 0;
  const sender: ChannelSender = {
    name: "console",
    async send() {
      delivered++;
      return { messageId: `o${delivered}` };
    },
  };
  const start = performance.now();
  const sila = createSila({
    db: opened.db,
    sqlite: opened.sqlite,
    profile,
    secretKey: Buffer.alloc(32, 7),
    senders: [sender],
    clock: () => new Date(BENCH_ORIGIN + (performance.now() - start)),
    log: createLogger("silent"),
  });
  const open = async (prefix: string, count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, count) }, async () => {
        while (next < count) {
          const chatId = `${prefix}${next++}`;
          let n = 0;
          for (const text of ["السلام عليكم", "1"]) {
            await sila.engine.handle({ channel: "console", chatId, messageId: `${chatId}-${++n}`, receivedAt: new Date(), content: { kind: "text", text } });
          }
        }
      }),
    );
    await sila.engine.idle();
    await sila.outbox.flush(120_000);
  };

  // Warm up every code path (JIT, i18n, prepared caches) before the baseline.
  await open("w", Math.min(500, options.conversations));
  forceGc();
  const before = process.memoryUsage();
  await open("c", options.conversations);
  forceGc();
  const after = process.memoryUsage();

  const row = await opened.db.selectFrom("sessions").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirst();
  await sila.outbox.stop();
  await opened.close();
  const n = options.conversations;
  return {
    conversations: n,
    heapBytesPerConversation: (after.heapUsed - before.heapUsed) / n,
    rssBytesPerConversation: (after.rss - before.rss) / n,
    externalBytesPerConversation: (after.external + after.arrayBuffers - before.external - before.arrayBuffers) / n,
    sessionsStored: Number(row?.n ?? 0),
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
  };
}
