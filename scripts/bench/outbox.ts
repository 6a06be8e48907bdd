/**
 * Outbox: N queued messages drained through a fake channel that allows at
 * most `rate` sends in any one-second window overall, as Telegram does
 * (about 30 a second), and answers a send over the limit with HTTP 429 and a
 * retry-after, as a real API would.
 *
 * Time is simulated with a WarpClock: waiting (the channel's pacing, a
 * retry-after) moves the clock forward instead of sleeping; every real cost
 * (queries, JSON, the outbox's own bookkeeping) still advances it. So 10,000
 * messages at 30/s take about 333 simulated seconds and a few real ones.
 *
 * Three set-ups, the same channel behind each:
 *  - "paced": a sender that waits for a free slot of the channel's own
 *    sliding window before sending (the ideal pacing).
 *  - "telegram": the Telegram adapter's limiter (bot/channels/telegram/limiter.ts,
 *    GCRA: 30/s overall with a burst of 30, 1/s per chat with a burst of 3),
 *    driven by the same simulated clock.
 *  - "strict": no pacing at all (what the outbox does with an adapter that
 *    does not pace itself); every send over the limit is answered 429.
 */
import path from "node:path";
import { openDatabase } from "../../db";
import { createOutboxSender } from "../../bot/engine/outbox";
import { createLogger } from "../../bot/log";
import { ChannelError } from "../../bot/errors";
import { createCipher } from "../../bot/crypto";
import { createRateLimiter } from "../../bot/channels/telegram/limiter";
import { createHotPath } from "../../db/hot";
import type { ChannelSender, OutboundMessage, SendResult } from "../../bot/channels/types";
import { nowMs, WarpClock } from "./util";
import { BENCH_ORIGIN } from "./turns";

/** A channel that refuses (429) any send beyond `rate` in the last second. */
export class RateLimitedChannel implements ChannelSender {
  readonly name = "console" as const;
  private readonly window: number[] = [];
  sent = 0;
  rejected = 0;
  firstSendAt = NaN;
  lastSendAt = NaN;
  /** Per chat, the sequence numbers in the order they arrived. */
  readonly order = new Map<string, number[]>();
  constructor(
    private readonly rate: number,
    private readonly clock: WarpClock,
  ) {}

  /** Milliseconds until a send would be accepted (0: now). */
  waitMs(): number {
    const now = this.clock.ms();
    while (this.window.length > 0 && this.window[0]! <= now - 1000) this.window.shift();
    return this.window.length < this.rate ? 0 : this.window[0]! + 1000 - now;
  }

  async send(chatId: string, message: OutboundMessage): Promise<SendResult> {
    const wait = this.waitMs();
    if (wait > 0) {
      this.rejected++;
      throw new ChannelError("429: Too Many Requests", { permanent: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) });
    }
    const now = this.clock.ms();
    this.window.push(now);
    this.sent++;
    if (Number.isNaN(this.firstSendAt)) this.firstSendAt = now;
    this.lastSendAt = now;
    const seq = Number(/#(\d+)$/.exec(message.text)?.[1] ?? -1);
    let list = this.order.get(chatId);
    if (!list) this.order.set(chatId, (list = []));
    list.push(seq);
    return { messageId: `m${this.sent}` };
  }
}

/** A sender that waits for a free slot of the channel's own window before sending. */
export function pacedSender(inner: ChannelSender, limiter: { waitMs(): number }, clock: WarpClock): ChannelSender {
  return {
    name: inner.name,
    async send(chatId, message) {
      for (let wait = limiter.waitMs(); wait > 0; wait = limiter.waitMs()) await clock.sleep(wait);
      return inner.send(chatId, message);
    },
  };
}

/** The Telegram adapter's limiter in front of a sender, on the simulated clock. */
export function telegramPacedSender(inner: ChannelSender, clock: WarpClock): ChannelSender {
  const limiter = createRateLimiter({ now: () => clock.ms(), sleep: (ms) => clock.sleep(ms) });
  return {
    name: inner.name,
    async send(chatId, message) {
      await limiter.acquire(chatId);
      return inner.send(chatId, message);
    },
  };
}

export type OutboxMode = "paced" | "telegram" | "strict";

export interface OutboxBenchOptions {
  dir: string;
  messages: number;
  /** Distinct chats the messages go to (in turn), so per-chat order can be checked. */
  chats: number;
  rate: number;
  mode: OutboxMode;
  /** Give up after this much simulated time (ms). */
  maxSimulatedMs?: number;
}

export interface OutboxBenchResult {
  mode: OutboxMode;
  messages: number;
  rate: number;
  sent: number;
  failed: number;
  pending: number;
  lost: number;
  rejected429: number;
  orderViolations: number;
  simulatedSeconds: number;
  achievedPerSecond: number;
  share: number;
  realSeconds: number;
}

export async function runOutbox(options: OutboxBenchOptions): Promise<OutboxBenchResult> {
  const file = path.join(options.dir, `outbox-${options.mode}.sqlite`);
  const opened = await openDatabase(file);
  const at = new Date(BENCH_ORIGIN).toISOString();
  const insert = opened.sqlite.prepare(
    "INSERT INTO outbox (contact_id, audience, channel, chat_id, payload, status, attempts, next_attempt_at, created_at) " +
      "VALUES (NULL, 'beneficiary', 'console', ?, ?, 'pending', 0, ?, ?)",
  );
  opened.sqlite.transaction(() => {
    for (let i = 0; i < options.messages; i++) {
      const payload = JSON.stringify({ text: `تذكير: موعد استلام السلة الغذائية يوم الأحد القادم، نرجو الحضور في الوقت المحدد #${i}` });
      insert.run(`c${i % options.chats}`, payload, at, at);
    }
  })();

  const clock = new WarpClock(BENCH_ORIGIN + 1000);
  const channel = new RateLimitedChannel(options.rate, clock);
  const sender =
    options.mode === "paced" ? pacedSender(channel, channel, clock) : options.mode === "telegram" ? telegramPacedSender(channel, clock) : channel;
  const outbox = createOutboxSender({
    db: opened.db,
    hot: createHotPath(opened.sqlite),
    senders: new Map([["console", sender]]),
    clock: () => clock.now(),
    log: createLogger("silent"),
    cipher: createCipher(Buffer.alloc(32, 7)),
  });

  const realStart = nowMs();
  const simStart = clock.ms();
  const maxSim = options.maxSimulatedMs ?? 6 * 3600_000;
  for (;;) {
    const handled = await outbox.drainOnce();
    if (handled > 0) continue;
    const next = await opened.db
      .selectFrom("outbox")
      .select((e) => e.fn.min("next_attempt_at").as("t"))
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!next?.t) break;
    if (clock.ms() - simStart > maxSim) break;
    await clock.sleep(Math.max(1, Date.parse(String(next.t)) - clock.ms() + 1));
  }
  const realSeconds = (nowMs() - realStart) / 1000;
  await outbox.stop();

  const byStatus = await opened.db
    .selectFrom("outbox")
    .select(["status", (e) => e.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const n = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  await opened.close();

  let orderViolations = 0;
  for (const list of channel.order.values()) for (let i = 1; i < list.length; i++) if (list[i]! < list[i - 1]!) orderViolations++;
  // From the start of the drain to the last accepted send.
  const simulatedSeconds = (channel.lastSendAt - simStart) / 1000;
  const achieved = channel.sent / simulatedSeconds;
  return {
    mode: options.mode,
    messages: options.messages,
    rate: options.rate,
    sent: n("sent"),
    failed: n("failed"),
    pending: n("pending"),
    lost: options.messages - channel.sent,
    rejected429: channel.rejected,
    orderViolations,
    simulatedSeconds,
    achievedPerSecond: achieved,
    share: achieved / options.rate,
    realSeconds,
  };
}

export interface ReplyDuringWaveResult {
  /** Broadcast rows queued before the reply. */
  wave: number;
  rate: number;
  /** True when the wave was queued as bulk (as broadcasts are); false: every row alike, first come first served. */
  bulk: boolean;
  /** Simulated seconds from the reply's commit to its delivery. */
  replyLagSeconds: number;
  /** Wave rows still waiting when the reply was delivered. */
  waveLeftAtReply: number;
  /** Simulated seconds until the whole wave and the reply were delivered. */
  totalSeconds: number;
  lost: number;
  orderViolations: number;
}

/**
 * A broadcast of `wave` messages is going out through a channel that takes `rate` a second when,
 * `afterSeconds` into it, a beneficiary writes and the engine commits a reply (and kicks the
 * outbox, as after every turn). How long does the reply wait? With the wave queued as bulk (as
 * `queueBroadcast` does) and, for comparison, first come first served.
 */
export async function runReplyDuringWave(options: { dir: string; wave: number; rate: number; bulk: boolean; afterSeconds?: number }): Promise<ReplyDuringWaveResult> {
  const opened = await openDatabase(path.join(options.dir, `wave-${options.bulk ? "bulk" : "fifo"}.sqlite`));
  const at = new Date(BENCH_ORIGIN).toISOString();
  const insert = opened.sqlite.prepare(
    "INSERT INTO outbox (contact_id, audience, channel, chat_id, payload, status, attempts, next_attempt_at, created_at, bulk) " +
      "VALUES (NULL, 'beneficiary', 'console', ?, ?, 'pending', 0, ?, ?, ?)",
  );
  opened.sqlite.transaction(() => {
    for (let i = 0; i < options.wave; i++) {
      insert.run(`w${i}`, JSON.stringify({ text: `رمضان كريم، وكل عام وأنتم بخير #${i}` }), at, at, options.bulk ? 1 : 0);
    }
  })();

  const clock = new WarpClock(BENCH_ORIGIN + 1000);
  const channel = new RateLimitedChannel(options.rate, clock);
  const afterMs = (options.afterSeconds ?? 10) * 1000;
  let replyAt = NaN;
  let repliedAt = NaN;
  let waveLeftAtReply = NaN;
  let outbox: ReturnType<typeof createOutboxSender> | null = null;
  const watching: ChannelSender = {
    name: "console",
    async send(chatId, message) {
      const result = await channel.send(chatId, message);
      if (chatId === "reply") {
        repliedAt = clock.ms();
        waveLeftAtReply = options.wave - (channel.sent - 1);
      } else if (Number.isNaN(replyAt) && clock.ms() - simStart >= afterMs) {
        // A turn commits its reply (the engine writes the row, then kicks the outbox).
        const now = clock.now().toISOString();
        insert.run("reply", JSON.stringify({ text: "شكراً لتواصلك، اختر من القائمة #0" }), now, now, 0);
        replyAt = clock.ms();
        outbox!.kick();
      }
      return result;
    },
  };
  outbox = createOutboxSender({
    db: opened.db,
    hot: createHotPath(opened.sqlite),
    senders: new Map([["console", pacedSender(watching, channel, clock)]]),
    clock: () => clock.now(),
    log: createLogger("silent"),
    cipher: createCipher(Buffer.alloc(32, 7)),
  });
  const simStart = clock.ms();
  while ((await outbox.drainOnce()) > 0) {
    // Until every row is sent (each drain returns after a batch, or sooner after a kick).
  }
  await outbox.stop();
  const pending = await opened.db.selectFrom("outbox").select((e) => e.fn.countAll<number>().as("n")).where("status", "!=", "sent").executeTakeFirstOrThrow();
  await opened.close();
  let orderViolations = 0;
  for (const list of channel.order.values()) for (let i = 1; i < list.length; i++) if (list[i]! < list[i - 1]!) orderViolations++;
  return {
    wave: options.wave,
    rate: options.rate,
    bulk: options.bulk,
    replyLagSeconds: (repliedAt - replyAt) / 1000,
    waveLeftAtReply,
    totalSeconds: (channel.lastSendAt - simStart) / 1000,
    lost: Number(pending.n),
    orderViolations,
  };
}

export interface BurstResult {
  /** Replies queued to one chat at once (a forward of that many messages). */
  burst: number;
  /** Simulated seconds from the other chat's reply commit to its delivery. */
  otherReplyLagSeconds: number;
  /** Replies of the burst still waiting when the other chat's reply was delivered. */
  burstLeftAtOtherReply: number;
  /** Simulated seconds until the whole burst was delivered (the chat's own pace). */
  burstSeconds: number;
  lost: number;
  orderViolations: number;
}

/**
 * One chat forwards `burst` messages and gets as many replies; Telegram lets a chat have about one a
 * second (after a burst of 3), so they take a while. A second into it, another beneficiary writes and
 * the engine commits their reply. How long does it wait? Behind the Telegram adapter's limiter (the
 * chat's pace and 30 a second overall), on simulated time.
 */
export async function runBurstAndReply(options: { dir: string; burst: number; rate: number; afterSeconds?: number }): Promise<BurstResult> {
  const opened = await openDatabase(path.join(options.dir, "burst.sqlite"));
  const at = new Date(BENCH_ORIGIN).toISOString();
  const insert = opened.sqlite.prepare(
    "INSERT INTO outbox (contact_id, audience, channel, chat_id, payload, status, attempts, next_attempt_at, created_at) " +
      "VALUES (NULL, 'beneficiary', 'console', ?, ?, 'pending', 0, ?, ?)",
  );
  opened.sqlite.transaction(() => {
    for (let i = 0; i < options.burst; i++) insert.run("forwarder", JSON.stringify({ text: `عذراً، لم أفهم رسالتك #${i}` }), at, at);
  })();

  const clock = new WarpClock(BENCH_ORIGIN + 1000);
  const channel = new RateLimitedChannel(options.rate, clock);
  const afterMs = (options.afterSeconds ?? 1) * 1000;
  const simStart = clock.ms();
  let repliedAt = NaN;
  let burstLeft = NaN;
  let burstSent = 0;
  const watching: ChannelSender = {
    name: "console",
    async send(chatId, message) {
      const result = await channel.send(chatId, message);
      if (chatId === "other") {
        repliedAt = clock.ms();
        burstLeft = options.burst - burstSent;
      } else burstSent++;
      return result;
    },
  };
  const outbox = createOutboxSender({
    db: opened.db,
    hot: createHotPath(opened.sqlite),
    senders: new Map([["console", telegramPacedSender(watching, clock)]]),
    clock: () => clock.now(),
    log: createLogger("silent"),
    cipher: createCipher(Buffer.alloc(32, 7)),
  });
  const draining = outbox.drainOnce();
  // The other beneficiary writes while the burst is going out: the turn commits a reply and kicks the outbox.
  await clock.sleep(afterMs);
  const now = clock.now().toISOString();
  insert.run("other", JSON.stringify({ text: "وعليكم السلام، اختر من القائمة #0" }), now, now);
  const replyAt = clock.ms();
  outbox.kick();
  await draining;
  while ((await outbox.drainOnce()) > 0) {
    // Until every row is sent.
  }
  await outbox.stop();
  const pending = await opened.db.selectFrom("outbox").select((e) => e.fn.countAll<number>().as("n")).where("status", "!=", "sent").executeTakeFirstOrThrow();
  await opened.close();
  let orderViolations = 0;
  for (const list of channel.order.values()) for (let i = 1; i < list.length; i++) if (list[i]! < list[i - 1]!) orderViolations++;
  return {
    burst: options.burst,
    otherReplyLagSeconds: (repliedAt - replyAt) / 1000,
    burstLeftAtOtherReply: burstLeft,
    burstSeconds: (channel.lastSendAt - simStart) / 1000,
    lost: Number(pending.n),
    orderViolations,
  };
}
