/**
 * Delivers what committed turns wrote to the outbox. Each chat with due rows
 * gets a lane that sends its rows one after another, in order; different
 * chats' lanes run side by side, so a burst to one chat (paced by the
 * channel, about one a second on Telegram) holds up no one else, and the
 * channel's own limiter keeps the overall rate. Replies of conversations are
 * read before bulk rows, which get only a few lanes. A failure is retried
 * with exponential backoff (or after the channel's own retry-after) and holds
 * its chat's later rows; a permanent failure (the person blocked the bot) is
 * recorded, the contact marked unreachable, and never retried.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { ChannelName, Database, OutboxRow } from "../../db/schema";
import * as repo from "../../db/repo";
import type { ChannelSender, OutboundMessage } from "../channels/types";
import { ChannelError } from "../errors";
import { redact, type Logger } from "../log";
import type { Cipher } from "../crypto";
import type { HotPath } from "../../db/hot";
import type { Attempt, NoticeLadder } from "../notices/ladder";

export interface OutboxOptions {
  db: Kysely<Database>;
  senders: ReadonlyMap<ChannelName, ChannelSender>;
  clock: () => Date;
  log: Logger;
  /** Attempts before a row is failed for good. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, capped at `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  batchSize?: number;
  /** Chats delivered to side by side (default 32). */
  maxLanes?: number;
  /** Of those, chats receiving only bulk rows (default 4): a reply always finds a lane. */
  maxBulkLanes?: number;
  /** Opens payloads stored encrypted (replies carrying personal data). */
  cipher: Cipher;
  /** Prepared statements on the same connection as `db`. */
  hot: HotPath;
  /** The window-aware ladder of notices (and staff numbers outside their window); without it rows go as written. */
  notices?: NoticeLadder;
  /**
   * The earliest instant bulk rows (broadcasts, survey invitations, reminders) may go (the
   * calendar: quiet hours, prayer windows). While it is later than now they wait, in their order;
   * replies of conversations, notices and staff alerts do not. Without it bulk rows go when due.
   */
  bulkSendTime?: (now: Date) => Promise<Date>;
}

export interface OutboxSender {
  /** Sends every due row once; returns how many rows were handled. */
  drainOnce(): Promise<number>;
  /** Asks for a drain soon (coalesced). */
  kick(): void;
  /** Drains until no row is due, or the time runs out (graceful shutdown). */
  flush(timeoutMs?: number): Promise<void>;
  /** Drains on an interval, for retries that become due. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function retryDelayMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

export function createOutboxSender(options: OutboxOptions): OutboxSender {
  const { db, senders, clock, log } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const base = options.baseDelayMs ?? 2_000;
  const maxDelay = options.maxDelayMs ?? 15 * 60_000;
  const batchSize = options.batchSize ?? 100;
  const maxLanes = Math.max(1, options.maxLanes ?? 32);
  const maxBulkLanes = Math.max(1, Math.min(options.maxBulkLanes ?? 4, maxLanes));

  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** Marks a row failed for good (in `trx`); a person who cannot be reached at all is marked so. */
  async function failRow(trx: Transaction<Database>, row: OutboxRow, attempts: number, reason: string, unreachable: boolean, at: string): Promise<void> {
    await trx.updateTable("outbox").set({ status: "failed", attempts, last_error: redact(reason), payload: "" }).where("id", "=", row.id).execute();
    if (unreachable && row.contact_id !== null && row.audience === "beneficiary") {
      await repo.updateContact(trx, row.contact_id, { unreachable: true }, at);
    }
  }

  async function deliver(row: OutboxRow): Promise<"sent" | "retry" | "failed"> {
    const at = clock().toISOString();
    const sealed = options.cipher.isEncrypted(row.payload);
    const message = JSON.parse(options.cipher.decrypt(row.payload)) as OutboundMessage;
    const ladder = options.notices;
    // Notices go by the window-aware ladder; everything else as written.
    let attempt: Attempt = ladder ? await ladder.plan(row, message) : { kind: "send", rung: "free", channel: row.channel, chatId: row.chat_id, message };
    for (let hop = 0; ; hop++) {
      if (attempt.kind === "unreached") {
        const reason = attempt.reason;
        await db.transaction().execute(async (trx) => {
          await failRow(trx, row, row.attempts + 1, `could not reach: ${reason}`, false, at);
          await ladder?.unreached(trx, row, reason, at);
        });
        log.warn("notice could not reach the person", { id: row.id, notice: row.notice_id, reason });
        return "failed";
      }
      const current = attempt;
      const sender = senders.get(current.channel);
      try {
        if (!sender) throw new ChannelError(`channel ${current.channel} is not running`, { permanent: false });
        const result = await sender.send(current.chatId, current.message);
        const messageId = result.messageId ?? null;
        // The hot statements run on the connection this transaction holds.
        await db.transaction().execute(async (trx) => {
          // Delivered: the payload is not kept (the sent text is in messages, IDs masked or encrypted).
          options.hot.markSent(row.id, row.attempts + 1, at);
          options.hot.recordOutbound({
            contactId: row.contact_id,
            channel: current.channel,
            chatId: current.chatId,
            messageId,
            body: sealed ? options.cipher.encrypt(current.message.text) : redact(current.message.text),
            at,
          });
          await ladder?.sent(trx, row, current, messageId, at);
        });
        // A status the channel reported before its id was recorded here.
        if (ladder && messageId !== null) await ladder.reconcile(current.channel, messageId);
        return "sent";
      } catch (error) {
        // A notice refused for good on this rung (outside the window, a template not approved, a
        // number not on WhatsApp) tries the next rung at once.
        if (ladder && row.notice_id !== null && error instanceof ChannelError && error.permanent && hop < 4) {
          log.info("notice refused on one rung; trying the next", { id: row.id, notice: row.notice_id, rung: current.rung, reason: error.message });
          attempt = await ladder.next(row, current, error);
          continue;
        }
        return retryOrFail(row, error, at);
      }
    }
  }

  async function retryOrFail(row: OutboxRow, error: unknown, at: string): Promise<"retry" | "failed"> {
    // A "too many requests" answer is the channel asking to wait, not a failed attempt.
    const throttled = error instanceof ChannelError && !error.permanent && error.retryAfterSeconds !== undefined;
    const attempts = throttled ? row.attempts : row.attempts + 1;
    const permanent = error instanceof ChannelError && error.permanent;
    const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error);
    if (permanent || attempts >= maxAttempts) {
      await db.transaction().execute(async (trx) => {
        await failRow(trx, row, attempts, reason, permanent && (error as ChannelError).unreachable, at);
        await options.notices?.failed(trx, row, error instanceof ChannelError ? error.message : reason, at);
      });
      log.warn("outbox row failed for good", { id: row.id, channel: row.channel, chat: row.chat_id, attempts, reason });
      return "failed";
    }
    const wait =
      error instanceof ChannelError && error.retryAfterSeconds !== undefined
        ? error.retryAfterSeconds * 1000
        : retryDelayMs(attempts, base, maxDelay);
    const next = new Date(clock().getTime() + wait).toISOString();
    await db.updateTable("outbox").set({ attempts, last_error: reason, next_attempt_at: next }).where("id", "=", row.id).execute();
    log.info("outbox row will be retried", { id: row.id, channel: row.channel, attempts, waitMs: wait, reason });
    return "retry";
  }

  /** The chats being delivered to: one lane each, running its rows in order. */
  const lanes = new Map<string, { done: Promise<void>; bulk: boolean }>();
  let bulkLanes = 0;
  let handled = 0;
  let cycling: Promise<void> | null = null;
  let cycleAgain = false;

  const keyOf = (row: { channel: string; chat_id: string }): string => `${row.channel}:${row.chat_id}`;

  /** Delivers `rows` (one chat's, in order) one after another; a row left for a retry holds the rest. */
  function startLane(key: string, rows: OutboxRow[], bulk: boolean): void {
    if (bulk) bulkLanes++;
    const done = (async () => {
      for (const row of rows) {
        if (stopped) return;
        const outcome = await deliver(row);
        handled++;
        if (outcome === "retry") return;
      }
    })()
      .catch((error: unknown) => log.error("outbox delivery failed", { chat: key, error }))
      .finally(() => {
        lanes.delete(key);
        if (bulk) bulkLanes--;
        // The chat may have more rows by now, and a lane is free for another chat.
        schedule();
      });
    lanes.set(key, { done, bulk });
  }

  /**
   * Starts a lane for every chat with due rows, up to the limits: different chats go side by side
   * (the channel's own limiter keeps the overall rate), so one chat's burst, paced by the channel,
   * holds up no one else. Replies of conversations are read first; bulk rows (broadcasts, survey
   * waves) get a few lanes only, so a reply never waits behind a wave.
   */
  async function cycle(): Promise<void> {
    for (;;) {
      if (stopped || lanes.size >= maxLanes) return;
      const instant = clock();
      const now = instant.toISOString();
      // Bulk rows wait while the calendar holds them (quiet hours, prayer); replies do not.
      const bulkHeld = options.bulkSendTime !== undefined && (await options.bulkSendTime(instant)).getTime() > instant.getTime();
      const busy = [...lanes.keys()];
      let query = db
        .selectFrom("outbox")
        .selectAll()
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", now)
        // A row waiting for its retry holds its chat's later rows, so each chat's order holds. (A row
        // scheduled for later, quiet hours, holds nothing: the replies of a conversation at night go.)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("outbox as w")
                .select("w.id")
                .where("w.status", "=", "pending")
                .whereRef("w.channel", "=", "outbox.channel")
                .whereRef("w.chat_id", "=", "outbox.chat_id")
                .whereRef("w.id", "<", "outbox.id")
                .where("w.next_attempt_at", ">", now)
                .where("w.last_error", "is not", null),
            ),
          ),
        );
      if (busy.length > 0) query = query.where(sql<string>`channel || ':' || chat_id`, "not in", busy);
      if (bulkHeld) query = query.where("bulk", "=", 0);
      // The replies of conversations first, then bulk rows, each in the order written.
      const rows = await query.orderBy("bulk").orderBy("id").limit(batchSize).execute();
      if (rows.length === 0) return;
      // A reply goes after the bulk rows its chat was sent before it (they go with it, not after the wave).
      const olderBulk = bulkHeld ? new Map<string, OutboxRow[]>() : await dueBulkOfChats(rows, now);
      const planned = new Map<string, OutboxRow[]>();
      const taken = new Set<number>();
      for (const row of rows) {
        const key = keyOf(row);
        let list = planned.get(key);
        if (!list) planned.set(key, (list = []));
        for (const older of olderBulk.get(key) ?? []) {
          if (older.id > row.id) break;
          if (!taken.has(older.id)) {
            taken.add(older.id);
            list.push(older);
          }
        }
        if (!taken.has(row.id)) {
          taken.add(row.id);
          list.push(row);
        }
      }
      let started = 0;
      for (const [key, list] of planned) {
        if (lanes.size >= maxLanes) break;
        const bulk = list.every((r) => r.bulk === 1);
        // Lanes come in the order read: once bulk lanes are full, the rest are bulk too.
        if (bulk && bulkLanes >= maxBulkLanes) break;
        startLane(key, list, bulk);
        started++;
      }
      // A full batch may hide other chats behind the ones just started: read again without them.
      if (rows.length < batchSize || started === 0) return;
    }
  }

  /** Runs a cycle now, or once more after the one running (kicks coalesce). */
  function schedule(): void {
    if (stopped) return;
    if (cycling) {
      cycleAgain = true;
      return;
    }
    cycling = (async () => {
      do {
        cycleAgain = false;
        await cycle();
      } while (cycleAgain && !stopped);
    })()
      .catch((error: unknown) => log.error("outbox drain failed", { error }))
      .finally(() => {
        cycling = null;
      });
  }

  /** The due bulk rows of the chats that have a conversation reply in `rows`, by chat, in id order. */
  async function dueBulkOfChats(rows: OutboxRow[], now: string): Promise<Map<string, OutboxRow[]>> {
    const replies = rows.filter((r) => r.bulk === 0);
    const out = new Map<string, OutboxRow[]>();
    if (replies.length === 0 || !(await anyBulkPending())) return out;
    const wanted = new Set(replies.map((r) => `${r.channel}:${r.chat_id}`));
    const found = await db
      .selectFrom("outbox")
      .selectAll()
      .where("status", "=", "pending")
      .where("bulk", "=", 1)
      .where("next_attempt_at", "<=", now)
      .where("channel", "in", [...new Set(replies.map((r) => r.channel))])
      .where("chat_id", "in", [...new Set(replies.map((r) => r.chat_id))])
      .where("id", "<", Math.max(...replies.map((r) => r.id)))
      .orderBy("id")
      .execute();
    for (const r of found) {
      const key = `${r.channel}:${r.chat_id}`;
      if (!wanted.has(key)) continue;
      const list = out.get(key);
      if (list) list.push(r);
      else out.set(key, [r]);
    }
    return out;
  }

  async function anyBulkPending(): Promise<boolean> {
    const r = await db.selectFrom("outbox").select("id").where("status", "=", "pending").where("bulk", "=", 1).limit(1).executeTakeFirst();
    return r !== undefined;
  }

  /** Delivers every due row (other chats' lanes side by side); resolves when none is left to start or in flight. */
  async function drainOnce(): Promise<number> {
    const before = handled;
    for (;;) {
      schedule();
      if (cycling) await cycling;
      if (lanes.size === 0) {
        if (cycling) continue; // the last lane to finish asked for another look
        return handled - before;
      }
      await Promise.race([...lanes.values()].map((l) => l.done));
    }
  }

  return {
    drainOnce,
    kick() {
      schedule();
    },
    async flush(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!stopped && Date.now() < deadline) {
        let deadlineTimer: NodeJS.Timeout | undefined;
        const timeUp = new Promise<"time">((resolve) => {
          deadlineTimer = setTimeout(() => resolve("time"), Math.max(0, deadline - Date.now()));
          deadlineTimer.unref();
        });
        const handledNow = await Promise.race([drainOnce(), timeUp]);
        clearTimeout(deadlineTimer);
        if (handledNow === "time" || (handledNow === 0 && lanes.size === 0)) return;
      }
    },
    start(intervalMs = 1_000) {
      if (timer) return;
      timer = setInterval(() => this.kick(), intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (cycling) await cycling;
      await Promise.all([...lanes.values()].map((l) => l.done));
    },
  };
}
