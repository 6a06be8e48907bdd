/**
 * Turns: simulated beneficiaries each complete a full application through
 * the real engine (createSila, a real SQLite file, profile via loadProfile,
 * a counting console sender, the outbox draining as in production).
 */
import path from "node:path";
import { sql } from "kysely";
import { openDatabase } from "../../db";
import { loadProfile } from "../../orgs/load";
import { createSila } from "../../bot/app";
import { createLogger } from "../../bot/log";
import type { ChannelSender, InboundContent } from "../../bot/channels/types";
import type { Profile } from "../../orgs/schema";
import { nationalIdCheckDigit } from "../../flows/validate";
import { MemorySampler, nowMs, RateTimer, summarize, type Rate, type Summary } from "./util";

/** Sunday 22 Nov 2026, 12:00 in Riyadh: inside working hours, as in the tests. */
export const BENCH_ORIGIN = Date.parse("2026-11-22T09:00:00Z");

/** A valid national ID built from a seed (first digit 1). */
export function nationalIdFor(seed: number): string {
  const body = "1" + String(seed).padStart(8, "0").slice(-8);
  return body + String(nationalIdCheckDigit(body));
}

/**
 * What one beneficiary types, message by message, to apply to `programId`:
 * a greeting, the menu, the program, the privacy notice, every field, then
 * send, attest and accept the terms (the same path as tests/helpers.ts).
 */
export function applicationScript(profile: Profile, programId: string, seed: number): InboundContent[] {
  const text = (t: string): InboundContent => ({ kind: "text", text: t });
  const program = profile.programs.find((p) => p.id === programId);
  if (!program) throw new Error(`no program ${programId} in profile ${profile.slug}`);
  const open = profile.programs.filter((p) => p.open);
  const out: InboundContent[] = [text("السلام عليكم"), text("1")];
  if (open.length > 1) out.push(text(String(open.findIndex((p) => p.id === programId) + 1)));
  out.push(text("1")); // privacy notice
  out.push(text("محمد عبدالله الحربي"), text(nationalIdFor(seed)), text("0551234567"), text("بريدة"), text("1410/05/20"));
  let consented = false;
  for (const f of program.fields) {
    if (f.sensitive && !consented) {
      out.push(text("1"));
      consented = true;
    }
    switch (f.type) {
      case "text":
      case "location":
        out.push(text("إجابة تجريبية"));
        break;
      case "number":
        out.push(text(String(f.min ?? 1)));
        break;
      case "choice":
      case "yesno":
        out.push(text("1"));
        break;
      case "date":
        out.push(text(f.when === "future" ? "1450/01/01" : "1445/01/01"));
        break;
      case "phone":
        out.push(text("0561234567"));
        break;
      case "nationalId":
        out.push(text(nationalIdFor(seed + 50_000_000)));
        break;
      case "attachment":
        out.push({ kind: "media", mediaType: "document", fileRef: "/tmp/doc.pdf", mimeType: "application/pdf", fileName: "doc.pdf", size: 2048 });
        break;
    }
  }
  out.push(text("1"), text("1"), text("1")); // send, attest, terms
  return out;
}

export interface TurnsOptions {
  dir: string;
  users: number;
  concurrency: number;
  org?: string;
  programId?: string;
  /** Beneficiaries run afterwards one at a time, for the latency without queueing. */
  soloUsers?: number;
  fileName?: string;
  /**
   * The channel's limit, in messages a second over any one-second window (Telegram allows
   * about 30 a bot): the sender waits for a free slot, as the adapters do. It is lifted
   * once every turn is done, to deliver the backlog and check it. Without it the channel
   * takes every message at once.
   */
  channelRate?: number;
  /** Called right before the first turn (starts a profile). */
  beforeTurns?: () => Promise<void>;
  /** Called as soon as the last turn has committed (before the backlog is delivered): ends a profile. */
  afterTurns?: () => Promise<void>;
}

export interface TurnsResult {
  users: number;
  concurrency: number;
  turnsPerUser: number;
  turns: number;
  /** Turns per second from the first turn until every reply was delivered. */
  rate: Rate;
  /** Turns per second from the first turn until the last turn committed. */
  turnRate: Rate;
  /** Outbox rows still waiting for the channel when the last turn committed. */
  pendingAtTurnsEnd: number;
  /** Commits of the concurrent turns, and the turns (with recorded failures) they carried. */
  commits: { groups: number; items: number };
  /** Time from the last turn's end until the outbox was empty. */
  flushTailMs: number;
  latency: Summary;
  soloLatency: Summary | null;
  peakRss: number;
  peakHeap: number;
  outcomes: Record<string, number>;
  applicationsStored: number;
  usersWithReference: number;
  outboxRows: number;
  outboxPending: number;
  outboxFailed: number;
  delivered: number;
  errorsLogged: number;
  /** Turn start to delivery of each beneficiary reply (outbox created_at → sent_at), ms. */
  replyLag: Summary;
  /** The same for the beneficiaries run one at a time. */
  soloReplyLag: Summary | null;
  /** Sizes seen in the run (session state mid-application, one reply), for the limit phase. */
  sessionStateBytes: number;
  payloadBytes: number;
  file: string;
}

export async function runTurns(options: TurnsOptions): Promise<TurnsResult> {
  const file = path.join(options.dir, options.fileName ?? "turns.sqlite");
  const opened = await openDatabase(file);
  const db = opened.db;
  const profile = loadProfile(options.org ?? "maa");
  const programId = options.programId ?? profile.programs.find((p) => p.open)!.id;
  let errorsLogged = 0;
  const log = createLogger("error", () => {
    errorsLogged++;
  });
  let delivered = 0;
  const lastText = new Map<string, string>();
  const payloadSizes: number[] = [];
  let channelRate = options.channelRate ?? Infinity;
  const window: number[] = [];
  const sender: ChannelSender = {
    name: "console",
    async send(chatId, message) {
      for (;;) {
        const now = nowMs();
        while (window.length > 0 && window[0]! <= now - 1000) window.shift();
        if (window.length < channelRate) break;
        await new Promise((r) => setTimeout(r, window[0]! + 1000 - now));
      }
      if (Number.isFinite(channelRate)) window.push(nowMs());
      delivered++;
      if (chatId !== "staff") {
        lastText.set(chatId, message.text);
        // A delivered row's payload is emptied: the size of a reply is taken as it leaves.
        if (payloadSizes.length < 100_000) payloadSizes.push(Buffer.byteLength(JSON.stringify(message)));
      }
      return { messageId: `out-${delivered}` };
    },
  };
  const realStart = nowMs();
  const clock = () => new Date(BENCH_ORIGIN + (nowMs() - realStart));
  const sila = createSila({ db, sqlite: opened.sqlite, profile, secretKey: Buffer.alloc(32, 7), senders: [sender], clock, log });

  const scripts: InboundContent[][] = [];
  const totalUsers = options.users + (options.soloUsers ?? 0);
  for (let u = 0; u < totalUsers; u++) scripts.push(applicationScript(profile, programId, 1_000_000 + u));
  const turnsPerUser = scripts[0]!.length;

  const outcomes: Record<string, number> = {};
  const runUser = async (u: number, latencies: number[], afterTurn?: (n: number, chatId: string) => Promise<void>): Promise<void> => {
    const chatId = `b${u}`;
    let n = 0;
    for (const content of scripts[u]!) {
      const t0 = nowMs();
      const outcome = await sila.engine.handle({ channel: "console", chatId, messageId: `${chatId}-${++n}`, receivedAt: clock(), content });
      latencies.push(nowMs() - t0);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      await afterTurn?.(n, chatId);
    }
  };

  // The session as it is in the middle of a form (at the summary), for the limit phase.
  let sessionStateBytes = 0;
  const probeSession = async (n: number, chatId: string) => {
    if (n !== turnsPerUser - 3) return;
    const row = await db
      .selectFrom("sessions as s")
      .innerJoin("channel_identities as i", "i.id", "s.identity_id")
      .select(sql<number>`length(cast(s.state as blob))`.as("n")) // bytes, not characters
      .where("i.external_id", "=", chatId)
      .executeTakeFirst();
    sessionStateBytes = Math.max(sessionStateBytes, Number(row?.n ?? 0));
  };

  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);

  // Concurrent: `concurrency` beneficiaries in flight, each typing as soon as the previous turn ends.
  const latencies: number[] = [];
  await options.beforeTurns?.();
  const mem = new MemorySampler().start();
  const timer = new RateTimer();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, options.users) }, async () => {
      while (next < options.users) await runUser(next++, latencies);
    }),
  );
  await sila.engine.idle();
  const turnsEnd = nowMs();
  const turnRate = timer.stop(options.users * turnsPerUser);
  const commits = { ...sila.engine.commits };
  await options.afterTurns?.();
  const pendingAtTurnsEnd = await count(db.selectFrom("outbox").select((e) => e.fn.countAll<number>().as("n")).where("status", "=", "pending").executeTakeFirst());
  channelRate = Infinity;
  await sila.outbox.flush(120_000);
  const end = nowMs();
  const rate = timer.stop(options.users * turnsPerUser);
  mem.stop();

  // Solo: the same work one beneficiary at a time (service time, no queueing).
  let soloLatency: Summary | null = null;
  if (options.soloUsers) {
    const solo: number[] = [];
    for (let u = options.users; u < totalUsers; u++) await runUser(u, solo, u === options.users ? probeSession : undefined);
    await sila.engine.idle();
    await sila.outbox.flush(60_000);
    soloLatency = summarize(solo);
  }

  const applicationsStored = await count(db.selectFrom("applications").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirst());
  const outboxRows = await count(db.selectFrom("outbox").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirst());
  const outboxPending = await count(db.selectFrom("outbox").select((e) => e.fn.countAll<number>().as("n")).where("status", "=", "pending").executeTakeFirst());
  const outboxFailed = await count(db.selectFrom("outbox").select((e) => e.fn.countAll<number>().as("n")).where("status", "=", "failed").executeTakeFirst());
  let usersWithReference = 0;
  for (let u = 0; u < totalUsers; u++) if (/A\d{2}-\d{5}/.test(lastText.get(`b${u}`) ?? "")) usersWithReference++;

  const lagOf = async (from: number, to: number): Promise<Summary> => {
    const rows = await db
      .selectFrom("outbox")
      .select(["created_at", "sent_at"])
      .where("audience", "=", "beneficiary")
      .where("status", "=", "sent")
      .where("chat_id", "in", Array.from({ length: Math.min(to - from, 500) }, (_, k) => `b${from + k}`))
      .execute();
    return summarize(rows.map((r) => Date.parse(r.sent_at!) - Date.parse(r.created_at)));
  };
  const replyLag = await lagOf(0, options.users);
  const soloReplyLag = options.soloUsers ? await lagOf(options.users, totalUsers) : null;

  await sila.outbox.stop();
  await db.destroy();

  return {
    users: options.users,
    concurrency: options.concurrency,
    turnsPerUser,
    turns: options.users * turnsPerUser,
    rate,
    turnRate,
    pendingAtTurnsEnd,
    commits,
    flushTailMs: end - turnsEnd,
    latency: summarize(latencies),
    soloLatency,
    peakRss: mem.peakRss,
    peakHeap: mem.peakHeap,
    outcomes,
    applicationsStored,
    usersWithReference,
    outboxRows,
    outboxPending,
    outboxFailed,
    delivered,
    errorsLogged,
    replyLag,
    soloReplyLag,
    sessionStateBytes,
    payloadBytes: summarize(payloadSizes).p50,
    file,
  };
}
