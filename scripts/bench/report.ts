/**
 * The bench's report: one markdown table of what a run measured (and the
 * CPU and statement breakdowns under it). Pure formatting; every figure comes
 * from the run.
 */
import os from "node:os";
import SQLite from "better-sqlite3";
import type { TurnsResult } from "./turns";
import type { LimitPass } from "./limit";
import type { FaqResultBench } from "./faq";
import type { BurstResult, OutboxBenchResult, ReplyDuringWaveResult } from "./outbox";
import type { IdleResult } from "./idle";
import type { CloudBenchResult } from "./cloud";
import type { StatementTime } from "./sqlite";
import type { breakdown } from "./profile";
import { MB, type Rate } from "./util";

export type BenchOptions = Record<
  | "users" | "concurrency" | "channelRate" | "solo" | "faqEntries" | "faqQueries" | "outboxMessages" | "outboxRate"
  | "outboxChats" | "outboxStrictMessages" | "idle" | "cloudMessages" | "cloudRate" | "cloudChats",
  number
>;

/** What a run measured, and how it ran. */
export interface BenchRun {
  startedAt: Date;
  quick: boolean;
  opts: BenchOptions;
  /** The phases run, and how many there are in all (a subset is named in the report). */
  only: ReadonlySet<string>;
  phaseCount: number;
  loadBefore: number[];
  loadAfter: number[];
  totalSeconds: number;
  baselineRss: number;
  turns: TurnsResult | null;
  unpaced: TurnsResult | null;
  turnRuns: Rate[];
  statements: { turns: number; times: Map<string, StatementTime> } | null;
  limit: { minimal: Rate[]; passes: Map<LimitPass, Rate>; pragmas: Record<string, unknown> } | null;
  faq: FaqResultBench | null;
  outbox: OutboxBenchResult[];
  waves: ReplyDuringWaveResult[];
  burst: BurstResult | null;
  idle: IdleResult | null;
  cloud: CloudBenchResult | null;
  cpuBreakdown: { users: number; turns: number; rows: ReturnType<typeof breakdown> } | null;
  findings: string[];
  problems: string[];
}

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

/** The report of a run, as markdown. */
export function renderReport(run: BenchRun): string {
  const { startedAt, quick, opts, only, loadBefore, loadAfter, totalSeconds, baselineRss, turns, unpaced, turnRuns, statements, limit, faq, outbox, waves, burst, idle, cloud, cpuBreakdown, findings, problems } = run;

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
      (only.size < run.phaseCount ? ` only=${[...only].join(",")}` : ""),
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
  return lines.join("\n");
}
