/**
 * `npm run bench`: how fast Sila is, against the limit of the machine.
 *
 *   npm run bench                    full run (about 1 minute on 2 cores)
 *   npm run bench -- --quick         smaller sizes, about 15 s; prints only
 *   npm run bench -- --users 2000 --concurrency 100 --only turns,faq
 *
 * Prints a table and writes it into docs/benchmarks.md (between the
 * "bench:results" markers; the explanation around them is kept). Every
 * figure is measured in this run; nothing is hard-coded. Exits non-zero
 * when a correctness check fails (an application not stored, a message lost
 * where none may be), never because a speed goal is missed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { loadProfile } from "../orgs/load";
import { runTurns, type TurnsResult } from "./bench/turns";
import { openLimitBench, type LimitPass } from "./bench/limit";
import { runFaq, type FaqResultBench } from "./bench/faq";
import { runBurstAndReply, runOutbox, runReplyDuringWave, type BurstResult, type OutboxBenchResult, type ReplyDuringWaveResult } from "./bench/outbox";
import { runIdle, type IdleResult } from "./bench/idle";
import { runCloud, type CloudBenchResult } from "./bench/cloud";
import { timeStatements, type StatementTime } from "./bench/sqlite";
import { breakdown, startProfile, type CpuProfile } from "./bench/profile";
import { MB, tempDir, type Rate } from "./bench/util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const START_MARK = "<!-- bench:results:start -->";
const END_MARK = "<!-- bench:results:end -->";

function fail(reason: string): never {
  process.stderr.write(`bench: ${reason}\n`);
  process.exit(1);
}

const USAGE = `usage: npm run bench -- [--quick] [--users N] [--concurrency N] [--channel-rate N] [--only turns,faq,outbox,cloud,idle]
  [--faq-entries N] [--faq-queries N] [--outbox-messages N] [--outbox-strict-messages N] [--outbox-rate N] [--idle N]
  [--cloud-messages N] [--cloud-rate N] [--cloud-chats N]
  [--out FILE] [--no-write | --write] [--dir DIR] [--keep] [--profile | --no-profile]`;

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      quick: { type: "boolean" },
      users: { type: "string" },
      concurrency: { type: "string" },
      "channel-rate": { type: "string" },
      solo: { type: "string" },
      only: { type: "string" },
      "faq-entries": { type: "string" },
      "faq-queries": { type: "string" },
      "outbox-messages": { type: "string" },
      "outbox-rate": { type: "string" },
      "outbox-chats": { type: "string" },
      "outbox-strict-messages": { type: "string" },
      idle: { type: "string" },
      "cloud-messages": { type: "string" },
      "cloud-rate": { type: "string" },
      "cloud-chats": { type: "string" },
      out: { type: "string" },
      write: { type: "boolean" },
      "no-write": { type: "boolean" },
      dir: { type: "string" },
      keep: { type: "boolean" },
      profile: { type: "boolean" },
      "no-profile": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }));
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}
if (values.help) {
  process.stdout.write(USAGE + "\n");
  process.exit(0);
}

const quick = values.quick === true;
function int(name: string, full: number, small: number): number {
  const raw = values[name];
  if (raw === undefined) return quick ? small : full;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive whole number, got "${String(raw)}"`);
  return n;
}
const opts = {
  users: int("users", 1_000, 300),
  concurrency: int("concurrency", 50, 50),
  /** Messages a second the channel takes during the turns (Telegram: about 30 a bot). */
  channelRate: int("channel-rate", 30, 30),
  solo: int("solo", 20, 10),
  faqEntries: int("faq-entries", 500, 500),
  faqQueries: int("faq-queries", 5_000, 1_000),
  outboxMessages: int("outbox-messages", 10_000, 1_000),
  outboxRate: int("outbox-rate", 30, 30),
  outboxChats: int("outbox-chats", 2_000, 200),
  // Today's outbox retries every 429 as a failed attempt: slow to simulate, and the losses show early.
  outboxStrictMessages: int("outbox-strict-messages", 2_000, 300),
  idle: int("idle", 10_000, 500),
  /** Messages through the WhatsApp Cloud API adapter against the emulator, at its limit (Meta's default 80 a second). */
  cloudMessages: int("cloud-messages", 4_000, 800),
  cloudRate: int("cloud-rate", 80, 80),
  cloudChats: int("cloud-chats", 1_000, 200),
};
const PHASES = ["turns", "faq", "outbox", "cloud", "idle"] as const;
type Phase = (typeof PHASES)[number];
const only = new Set<Phase>(
  typeof values.only === "string"
    ? values.only.split(",").map((p) => {
        if (!(PHASES as readonly string[]).includes(p.trim())) fail(`--only: unknown phase "${p}" (${PHASES.join(", ")})`);
        return p.trim() as Phase;
      })
    : PHASES,
);
const doProfile = values["no-profile"] ? false : values.profile === true || !quick;
const write = values["no-write"] ? false : values.write === true || (!quick && only.size === PHASES.length);
const outFile = path.resolve(typeof values.out === "string" ? values.out : path.join(ROOT, "docs", "benchmarks.md"));
const baseDir = typeof values.dir === "string" ? path.resolve(values.dir) : os.tmpdir();
fs.mkdirSync(baseDir, { recursive: true });
const dir = tempDir("sila-bench-", baseDir);

// ---- formatting --------------------------------------------------------------

const int0 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? (digits === 0 ? int0.format(n) : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })) : "n/a";
const ms = (n: number): string => (n < 1 ? fmt(n, 3) : n < 10 ? fmt(n, 2) : fmt(n, 1));
/** p50 / p95 / p99 with one unit: milliseconds, or seconds when the tail reaches a second. */
const triple = (x: { p50: number; p95: number; p99: number }): string =>
  x.p99 >= 1000
    ? `${fmt(x.p50 / 1000, 1)} / ${fmt(x.p95 / 1000, 1)} / ${fmt(x.p99 / 1000, 1)} s`
    : `${ms(x.p50)} / ${ms(x.p95)} / ${ms(x.p99)} ms`;
const mb = (bytes: number): string => `${fmt(bytes / MB, 0)} MB`;
const rateText = (r: Rate): string => `${fmt(r.perSecond)}/s (${fmt(r.perCpuSecond)} per CPU-second)`;
const mark = (ok: boolean): string => (ok ? "✅" : "❌");
let logStart = performance.now();
const log = (line: string) => {
  process.stderr.write(`[${((performance.now() - logStart) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
};

// ---- run ------------------------------------------------------------------------

const startedAt = new Date();
const baselineRss = process.memoryUsage().rss;
const loadBefore = os.loadavg();
const problems: string[] = [];
/** Defects of the code under test that the bench shows (reported, not a failure of the bench). */
const findings: string[] = [];
const t0 = performance.now();
logStart = t0;

let turns: TurnsResult | null = null;
let unpaced: TurnsResult | null = null;
/** The turn rates of the runs with the channel's limit (the better one is reported). */
const turnRuns: Rate[] = [];
let statements: { turns: number; times: Map<string, StatementTime> } | null = null;
let limit: { minimal: Rate[]; passes: Map<LimitPass, Rate>; pragmas: Record<string, unknown> } | null = null;
let faq: FaqResultBench | null = null;
const outbox: OutboxBenchResult[] = [];
const waves: ReplyDuringWaveResult[] = [];
let burst: BurstResult | null = null;
let idle: IdleResult | null = null;
let cloud: CloudBenchResult | null = null;
let cpuBreakdown: { users: number; turns: number; rows: ReturnType<typeof breakdown> } | null = null;

try {
  if (only.has("turns")) {
    const check = (label: string, t: TurnsResult) => {
      if (t.applicationsStored !== opts.users + opts.solo) problems.push(`${label}: ${t.applicationsStored} applications stored of ${opts.users + opts.solo}`);
      if (t.usersWithReference !== opts.users + opts.solo) problems.push(`${label}: ${t.usersWithReference} beneficiaries got a reference of ${opts.users + opts.solo}`);
      if ((t.outcomes["failed"] ?? 0) > 0 || t.errorsLogged > 0) problems.push(`${label}: ${t.outcomes["failed"] ?? 0} failed turns, ${t.errorsLogged} errors logged`);
      if (t.outboxPending + t.outboxFailed > 0) problems.push(`${label}: ${t.outboxPending} outbox rows pending and ${t.outboxFailed} failed after the flush`);
    };
    const base = { dir, users: opts.users, concurrency: opts.concurrency, soloUsers: opts.solo };
    log(`turns: ${opts.users} beneficiaries, ${opts.concurrency} in flight, the channel taking ${opts.channelRate} a second ...`);
    turns = await runTurns({ ...base, fileName: "turns.sqlite", channelRate: opts.channelRate });
    check("turns", turns);
    turnRuns.push(turns.turnRate);

    log("limit: raw better-sqlite3 ...");
    const bench = await openLimitBench({ dir, users: opts.users, stateBytes: turns.sessionStateBytes, payloadBytes: turns.payloadBytes });
    const limitTurns = turns.turns;
    const sideTurns = Math.min(limitTurns, quick ? 500 : 10_000);
    const minimal = [await bench.run("minimal", limitTurns)];

    log("turns: every reply delivered at once (a channel without a limit) ...");
    unpaced = await runTurns({ ...base, fileName: "turns-unpaced.sqlite" });
    check("turns (unlimited channel)", unpaced);

    log("limit: the other passes ...");
    // Interleaved rounds, best of each: other processes on the machine only ever slow a pass down.
    const passes = new Map<LimitPass, Rate>();
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      for (const p of ["minimal+delivery", "grouped", "engine-sql"] as const) {
        const r = await bench.run(p, Math.max(200, Math.floor(sideTurns / rounds)));
        const best = passes.get(p);
        passes.set(p, best ? { ...r, perSecond: Math.max(best.perSecond, r.perSecond), perCpuSecond: Math.max(best.perCpuSecond, r.perCpuSecond) } : r);
      }
    }
    minimal.push(await bench.run("minimal", limitTurns));
    limit = { minimal, passes, pragmas: bench.pragmas };
    await bench.close();

    // A second run, as the limit has two passes: other processes on the machine only ever slow a run down.
    log("turns: the same again ...");
    const again = await runTurns({ ...base, fileName: "turns-again.sqlite", channelRate: opts.channelRate });
    check("turns (second run)", again);
    turnRuns.push(again.turnRate);
    if (again.turnRate.perSecond > turns.turnRate.perSecond) turns = again;

    if (doProfile) {
      const users = Math.min(opts.users, 200);
      log(`statements: ${users} beneficiaries, every statement timed ...`);
      let timer: ReturnType<typeof timeStatements> | null = null;
      let times = new Map<string, StatementTime>();
      const timed = await runTurns({
        ...base,
        users,
        soloUsers: 0,
        fileName: "turns-statements.sqlite",
        channelRate: opts.channelRate,
        beforeTurns: async () => {
          timer = timeStatements();
        },
        afterTurns: async () => {
          times = timer!.stop();
        },
      });
      statements = { turns: timed.turns, times };

      log(`profile: ${users} beneficiaries through the engine, sampled ...`);
      let profiler: Awaited<ReturnType<typeof startProfile>> | null = null;
      let sampled: CpuProfile | null = null;
      const r = await runTurns({
        ...base,
        users,
        soloUsers: 0,
        fileName: "turns-profile.sqlite",
        channelRate: opts.channelRate,
        beforeTurns: async () => {
          profiler = await startProfile();
        },
        afterTurns: async () => {
          sampled = await profiler!.stop();
        },
      });
      cpuBreakdown = { users, turns: r.turns, rows: breakdown(sampled!) };
    }
  }

  if (only.has("faq")) {
    log(`faq: ${opts.faqEntries} entries, ${opts.faqQueries} queries ...`);
    faq = runFaq({ entries: opts.faqEntries, queries: opts.faqQueries, synonyms: loadProfile("maa").synonyms });
  }

  if (only.has("outbox")) {
    for (const mode of ["paced", "telegram", "strict"] as const) {
      const messages = mode !== "strict" ? opts.outboxMessages : Math.min(opts.outboxMessages, opts.outboxStrictMessages);
      log(`outbox: ${messages} messages at ${opts.outboxRate}/s, ${mode} ...`);
      const r = await runOutbox({ dir, messages, chats: Math.min(opts.outboxChats, messages), rate: opts.outboxRate, mode });
      outbox.push(r);
      if (mode === "paced") {
        if (r.lost > 0) problems.push(`outbox (paced): ${r.lost} messages lost`);
        if (r.orderViolations > 0) problems.push(`outbox (paced): ${r.orderViolations} messages out of order within a chat`);
      } else if (mode === "telegram") {
        if (r.lost > 0) findings.push(`outbox behind the Telegram limiter: ${r.lost} of ${r.messages} messages lost`);
        if (r.rejected429 > 0) {
          findings.push(
            `Telegram limiter: ${r.rejected429} sends answered 429 by a channel that allows ${r.rate} in any second`,
          );
        }
        if (r.orderViolations > 0) findings.push(`outbox behind the Telegram limiter: ${r.orderViolations} messages out of order within a chat`);
      } else {
        if (r.lost > 0) findings.push(`outbox without pacing: ${r.lost} of ${r.messages} messages failed for good after ${r.rejected429} answers 429 (each 429 counts as a failed attempt)`);
        if (r.orderViolations > 0) findings.push(`outbox without pacing: ${r.orderViolations} messages delivered before an earlier message of the same chat that was waiting for its retry`);
      }
    }
  }

  if (only.has("outbox")) {
    const wave = Math.min(opts.outboxMessages, 5_000);
    for (const bulk of [true, false]) {
      log(`outbox: a reply during a broadcast of ${wave}, ${bulk ? "the broadcast as bulk" : "first come first served"} ...`);
      const r = await runReplyDuringWave({ dir, wave, rate: opts.outboxRate, bulk });
      waves.push(r);
      if (r.lost > 0) problems.push(`outbox (reply during a broadcast): ${r.lost} messages not sent`);
    }
    log("outbox: another chat's reply during a burst of 100 replies to one chat ...");
    burst = await runBurstAndReply({ dir, burst: 100, rate: opts.outboxRate });
    if (burst.lost > 0) problems.push(`outbox (burst): ${burst.lost} messages not sent`);
    if (burst.orderViolations > 0) problems.push(`outbox (burst): ${burst.orderViolations} messages out of order within a chat`);
  }

  if (only.has("cloud")) {
    log(`cloud: ${opts.cloudMessages} messages through the WhatsApp Cloud API adapter, the emulator allowing ${opts.cloudRate} a second ...`);
    cloud = await runCloud({ dir, messages: opts.cloudMessages, chats: Math.min(opts.cloudChats, opts.cloudMessages), rate: opts.cloudRate });
    if (cloud.lost > 0) problems.push(`cloud: ${cloud.lost} of ${cloud.messages} messages lost`);
  }

  if (only.has("idle")) {
    log(`idle: ${opts.idle} conversations ...`);
    idle = await runIdle({ dir, conversations: opts.idle, concurrency: opts.concurrency });
    if (idle.sessionsStored < opts.idle) problems.push(`idle: ${idle.sessionsStored} sessions stored of ${opts.idle}`);
  }
} catch (error) {
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });

const loadAfter = os.loadavg();
const totalSeconds = (performance.now() - t0) / 1000;

// ---- report -----------------------------------------------------------------------

const lines: string[] = [];
const sqliteVersion = (() => {
  const db = new SQLite(":memory:");
  const v = (db.prepare("select sqlite_version() as v").get() as { v: string }).v;
  db.close();
  return v;
})();
const cpu = os.cpus();
lines.push(
  `Run ${startedAt.toISOString()}${quick ? " (**--quick**)" : ""}: Node ${process.version}, SQLite ${sqliteVersion}, ` +
    `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${mb(os.totalmem())} RAM, ${os.platform()}; ` +
    `load average ${loadBefore.map((l) => l.toFixed(1)).join("/")} before, ${loadAfter.map((l) => l.toFixed(1)).join("/")} after; ` +
    `${fmt(totalSeconds, 0)} s in all.`,
  "",
  `Options: users=${opts.users} concurrency=${opts.concurrency} solo=${opts.solo} faq-entries=${opts.faqEntries} ` +
    `faq-queries=${opts.faqQueries} outbox-messages=${opts.outboxMessages} outbox-strict-messages=${opts.outboxStrictMessages} ` +
    `outbox-rate=${opts.outboxRate} cloud-messages=${opts.cloudMessages} cloud-rate=${opts.cloudRate} idle=${opts.idle}` +
    (only.size < PHASES.length ? ` only=${[...only].join(",")}` : ""),
  "",
  "| Figure | Measured | Goal | |",
  "| --- | --- | --- | --- |",
);
const row = (figure: string, measured: string, goal = "", ok: boolean | null = null) =>
  lines.push(`| ${figure} | ${measured} | ${goal} | ${ok === null ? "" : mark(ok)} |`);

if (turns && unpaced && limit) {
  const t = turns;
  const u = unpaced;
  const stored = [t, u].every((r) => r.applicationsStored === opts.users + opts.solo && r.usersWithReference === opts.users + opts.solo);
  row(
    "Turns: full applications through the engine",
    `${fmt(t.users)} beneficiaries × ${t.turnsPerUser} turns = ${fmt(t.turns)} turns (+ ${fmt(opts.solo)} one at a time), in each of two runs; ` +
      `${fmt(t.applicationsStored)} and ${fmt(u.applicationsStored)} applications stored, ${fmt(t.delivered)} and ${fmt(u.delivered)} replies and alerts delivered, ` +
      `${(t.outcomes["failed"] ?? 0) + (u.outcomes["failed"] ?? 0)} failed turns, ${t.outboxPending + t.outboxFailed + u.outboxPending + u.outboxFailed} outbox rows left`,
    "every application stored",
    stored,
  );
  row(
    `Turns per second: ${t.concurrency} chats in flight, replies leaving at the channel's ${opts.channelRate} a second (Telegram's limit for a bot)`,
    `${rateText(t.turnRate)}; runs: ${turnRuns.map((r) => fmt(r.perSecond)).join(", ")}/s; ${fmt(t.commits.items)} turns in ${fmt(t.commits.groups)} commits (${fmt(t.commits.items / t.commits.groups, 1)} a commit)`,
  );
  row(
    `Turn latency, \`engine.handle\` with ${t.concurrency} in flight: p50 / p95 / p99`,
    `${ms(t.latency.p50)} / ${ms(t.latency.p95)} / ${ms(t.latency.p99)} ms (max ${ms(t.latency.max)})`,
  );
  if (t.soloLatency) {
    row(
      "Turn latency, one chat at a time (service time): p50 / p95 / p99",
      `${ms(t.soloLatency.p50)} / ${ms(t.soloLatency.p95)} / ${ms(t.soloLatency.p99)} ms`,
    );
  }
  row(
    "Replies waiting for the channel when the last turn committed",
    `${fmt(t.pendingAtTurnsEnd)} of ${fmt(t.outboxRows)}: ${fmt(t.pendingAtTurnsEnd / opts.channelRate / 60, 1)} minutes of sending at ${opts.channelRate} a second ` +
      `(then the limit was lifted and all were delivered in ${fmt(t.flushTailMs / 1000, 1)} s)`,
  );
  row("Peak memory during the turns (RSS / JS heap used)", `${mb(t.peakRss)} / ${mb(t.peakHeap)} (the process started at ${mb(baselineRss)} RSS)`);
  const best = limit.minimal.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const bestCpu = Math.max(...limit.minimal.map((r) => r.perCpuSecond));
  row(
    "Limit: raw better-sqlite3 turn (insert inbound, read + update session, insert outbox row; one transaction, prepared)",
    `${fmt(best.perSecond)}/s (${fmt(bestCpu)} per CPU-second); passes: ${limit.minimal.map((r) => fmt(r.perSecond)).join(", ")}/s`,
  );
  const ratio = t.turnRate.perSecond / best.perSecond;
  const ratioCpu = t.turnRate.perCpuSecond / bestCpu;
  row("**Engine ÷ limit**", `**${fmt(ratio, 2)}** (per CPU-second: ${fmt(ratioCpu, 2)})`, "≥ 0.5", ratio >= 0.5);
  row(
    `Turns per second with every reply delivered as soon as it is written (a channel without a limit: each delivery its own commit, ${fmt(u.delivered / u.turns, 2)} a turn), until the outbox is empty`,
    `${rateText(u.rate)}; ÷ limit ${fmt(u.rate.perSecond / best.perSecond, 2)}; ${fmt(u.commits.items / u.commits.groups, 1)} turns a commit`,
  );
  row(
    `Reply delivered after its turn began (outbox \`created_at\` → \`sent_at\`), channel without a limit, ${u.concurrency} in flight: p50 / p95 / p99`,
    `${triple(u.replyLag)}; the outbox was empty ${fmt(u.flushTailMs / 1000, 1)} s after the last turn`,
  );
  if (u.soloReplyLag) row("Reply delivered after its turn began, one chat at a time: p50 / p95 / p99", triple(u.soloReplyLag));
  const p = (name: LimitPass, label: string) => {
    const r = limit!.passes.get(name);
    if (r) row(label, `${rateText(r)}; ÷ limit ${fmt(r.perSecond / best.perSecond, 2)}`);
  };
  p("minimal+delivery", "Raw: the limit + delivering the reply in its own transaction (as the outbox does)");
  p("grouped", "Raw: the limit's turns committed 50 at a time, each in a savepoint (group commit)");
  p("engine-sql", "Raw: the engine's statements for a turn of a form (5), 50 turns a commit, each in a savepoint; no flow");
}
if (faq) {
  row(
    `FAQ matching: ${fmt(faq.entries)}-entry synthetic Arabic KB, ${fmt(faq.queries)} queries: median / p95 / p99 / max`,
    `${ms(faq.perQuery.p50)} / ${ms(faq.perQuery.p95)} / ${ms(faq.perQuery.p99)} / ${ms(faq.perQuery.max)} ms ` +
      `(index built in ${fmt(faq.buildMs)} ms; top-3 hit ${fmt(faq.top3 * 100)}%, off-topic rejected ${fmt(faq.offTopicRejected * 100)}%)`,
    "median < 1 ms",
    faq.perQuery.p50 < 1,
  );
}
for (const r of outbox) {
  const label =
    r.mode === "paced"
      ? `Outbox: ${fmt(r.messages)} messages through a channel that allows ${r.rate} in any second (429 + retry-after beyond), sender waits for a free slot`
      : r.mode === "telegram"
        ? `Outbox: ${fmt(r.messages)} messages, same channel, behind the Telegram adapter's limiter`
        : `Outbox: ${fmt(r.messages)} messages, same channel, no pacing (an adapter that does not pace itself)`;
  row(
    label,
    `${fmt(r.achievedPerSecond, 1)}/s, ${fmt(r.share, 3)} of the limit over ${fmt(r.simulatedSeconds, 0)} simulated s ` +
      `(${fmt(r.realSeconds, 1)} s real); sent ${fmt(r.sent)}, **lost ${fmt(r.lost)}** (failed ${fmt(r.failed)}, pending ${fmt(r.pending)}), ` +
      `${fmt(r.rejected429)} × 429, ${r.orderViolations} out of order`,
    "≥ 0.95, 0 lost",
    r.share >= 0.95 && r.lost === 0,
  );
}
const [bulkWave, fifoWave] = [waves.find((w) => w.bulk), waves.find((w) => !w.bulk)];
if (bulkWave && fifoWave) {
  row(
    `A reply written 10 s into a broadcast of ${fmt(bulkWave.wave)} (channel at ${bulkWave.rate} a second): delivered after`,
    `${bulkWave.replyLagSeconds < 1 ? `${ms(bulkWave.replyLagSeconds * 1000)} ms` : `${fmt(bulkWave.replyLagSeconds, 1)} s`}, ${fmt(bulkWave.waveLeftAtReply)} of the broadcast still waiting (the broadcast is queued as bulk); ` +
      `first come first served it would have waited ${fmt(fifoWave.replyLagSeconds, 0)} s. The broadcast took ${fmt(bulkWave.totalSeconds, 0)} s either way; ` +
      `lost ${bulkWave.lost + fifoWave.lost}`,
  );
}
if (burst) {
  row(
    `Another chat's reply while one chat gets a burst of ${fmt(burst.burst)} replies (Telegram's limits: ~1 a second in a chat, 30 overall)`,
    `${burst.otherReplyLagSeconds < 1 ? `${ms(burst.otherReplyLagSeconds * 1000)} ms` : `${fmt(burst.otherReplyLagSeconds, 1)} s`}, ` +
      `${fmt(burst.burstLeftAtOtherReply)} of the burst still waiting its turn; the burst took ${fmt(burst.burstSeconds, 0)} s at the chat's pace; ` +
      `lost ${burst.lost}, ${burst.orderViolations} out of order`,
    "< 1 s",
    burst.otherReplyLagSeconds < 1 && burst.lost === 0,
  );
}
if (cloud) {
  const refused = Object.entries(cloud.refused).map(([code, n]) => `${fmt(n)} × ${code}`).join(", ") || "none";
  row(
    `Cloud API: ${fmt(cloud.messages)} messages to ${fmt(cloud.chats)} people through the WhatsApp Cloud API adapter and the outbox, against the emulator of Meta's side ` +
      `(its own process, real HTTP) allowing ${cloud.rate} a second (130429 beyond); status callbacks back by the signed webhook`,
    `${fmt(cloud.achievedPerSecond, 1)}/s, **${fmt(cloud.share, 3)}** of the limit (${fmt(cloud.realSeconds, 1)} s); accepted ${fmt(cloud.accepted)}, ` +
      `delivered ${fmt(cloud.delivered)}, refused ${refused}, **lost ${fmt(cloud.lost)}**`,
    "≥ 0.95, 0 lost",
    cloud.share >= 0.95 && cloud.lost === 0,
  );
}
if (idle) {
  row(
    `Memory per idle conversation (${fmt(idle.conversations)} chats left mid-application, after a full GC)`,
    `${fmt(idle.heapBytesPerConversation, 0)} B of JS heap, ${fmt(idle.rssBytesPerConversation, 0)} B of RSS ` +
      `(heap ${mb(idle.heapBefore)} → ${mb(idle.heapAfter)}; ${fmt(idle.sessionsStored)} sessions in SQLite)`,
    "sessions in SQLite, not in memory",
    idle.heapBytesPerConversation < 200,
  );
}
if (cpuBreakdown) {
  const b = cpuBreakdown;
  // Shares from the profile; microseconds from the unprofiled run's CPU time per turn.
  const cpuPerTurnUs = turns ? 1e6 / turns.turnRate.perCpuSecond : NaN;
  lines.push(
    "",
    `Where the engine's CPU goes: V8 sampling profile of ${fmt(b.users)} more beneficiaries (${fmt(b.turns)} turns, replies leaving at ${opts.channelRate} a second), ` +
      `shares of self time; µs are those shares of the ${fmt(cpuPerTurnUs, 0)} µs of CPU a turn took in the unprofiled run above.`,
    "",
    "| share | ≈ µs per turn | self time in |",
    "| ---: | ---: | --- |",
    ...b.rows.map((r) => `| ${fmt(r.share * 100, 1)}% | ${fmt(r.share * cpuPerTurnUs, 0)} | ${r.category} |`),
  );
}
if (limit) {
  lines.push("", `SQLite pragmas (as \`createDb\` sets them, read back): ${Object.entries(limit.pragmas).map(([k, v]) => `${k}=${String(v)}`).join(", ")}.`);
}
if (statements && statements.times.size > 0) {
  const per = statements.turns;
  let total = 0;
  let totalNs = 0;
  for (const v of statements.times.values()) {
    total += v.executions;
    totalNs += v.ns;
  }
  lines.push(
    "",
    `Statements per turn and their time, in a run of ${fmt(per)} turns of their own with every statement timed (the outbox's deliveries at ${opts.channelRate} a second included; the commits are those of the groups and of the deliveries):`,
    "",
    "| per turn | µs each | µs per turn | statement |",
    "| ---: | ---: | ---: | --- |",
  );
  const sorted = [...statements.times].sort((a, b) => b[1].ns - a[1].ns).filter(([, v]) => v.executions / per >= 0.01 || v.ns / per >= 500);
  for (const [sql, v] of sorted) {
    const text = sql.length > 100 ? sql.slice(0, 97) + "..." : sql;
    lines.push(`| ${fmt(v.executions / per, 2)} | ${fmt(v.ns / v.executions / 1000, 1)} | ${fmt(v.ns / per / 1000, 1)} | \`${text}\` |`);
  }
  lines.push(`| **${fmt(total / per, 1)}** | | **${fmt(totalNs / per / 1000, 0)}** | all statements (${statements.times.size} distinct) |`);
}
if (findings.length) lines.push("", "Defects the run shows in the code under test:", "", ...findings.map((f) => `- ${f}`));
if (problems.length) lines.push("", "**Correctness problems:**", "", ...problems.map((p) => `- ${p}`));

const report = lines.join("\n");
process.stdout.write(report + "\n");

if (write) {
  const block = `${START_MARK}\n${report}\n${END_MARK}`;
  let doc: string;
  if (fs.existsSync(outFile)) {
    const old = fs.readFileSync(outFile, "utf8");
    const a = old.indexOf(START_MARK);
    const b = old.indexOf(END_MARK);
    doc = a >= 0 && b > a ? old.slice(0, a) + block + old.slice(b + END_MARK.length) : `${old.trimEnd()}\n\n${block}\n`;
  } else {
    doc = `# Benchmarks\n\nWritten by \`npm run bench\`.\n\n${block}\n`;
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, doc);
  log(`written: ${path.relative(process.cwd(), outFile)}`);
} else {
  log(`not written to ${path.relative(process.cwd(), outFile)} (${quick ? "--quick" : only.size < PHASES.length ? "--only" : "--no-write"}; pass --write to write)`);
}
if (problems.length) fail(`${problems.length} correctness problem(s): ${problems.join("; ")}`);
