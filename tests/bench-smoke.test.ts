/**
 * The benchmark's phases at tiny sizes: they run, and what they count is
 * right (every application stored, nothing lost). Never asserts a timing.
 */
import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { runTurns } from "../scripts/bench/turns";
import { openLimitBench } from "../scripts/bench/limit";
import { runFaq, syntheticKb } from "../scripts/bench/faq";
import { runBurstAndReply, runOutbox, runReplyDuringWave } from "../scripts/bench/outbox";
import { runIdle } from "../scripts/bench/idle";
import { runCloud } from "../scripts/bench/cloud";
import { percentile, summarize, tempDir } from "../scripts/bench/util";
import { timeStatements } from "../scripts/bench/sqlite";

const dir = tempDir("sila-bench-smoke-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("bench helpers", () => {
  it("computes nearest-rank percentiles", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(summarize([3, 1, 2])).toMatchObject({ count: 3, p50: 2, max: 3 });
  });
});

describe("bench phases at tiny sizes", () => {
  it("turns: every beneficiary's application is stored and every reply delivered, with and without a channel limit", async () => {
    for (const channelRate of [undefined, 20]) {
      const r = await runTurns({ dir, fileName: `t-${channelRate ?? "free"}.sqlite`, users: 5, concurrency: 3, soloUsers: 1, ...(channelRate ? { channelRate } : {}) });
      expect(r.applicationsStored).toBe(6);
      expect(r.usersWithReference).toBe(6);
      expect(r.outcomes["failed"] ?? 0).toBe(0);
      expect(r.errorsLogged).toBe(0);
      expect(r.outboxPending + r.outboxFailed).toBe(0);
      expect(r.delivered).toBe(r.outboxRows);
      expect(r.latency.count).toBe(5 * r.turnsPerUser);
      expect(r.turnRate.count).toBe(5 * r.turnsPerUser);
      // Every turn went through a commit; concurrent turns shared some.
      expect(r.commits.items).toBe(5 * r.turnsPerUser);
      expect(r.commits.groups).toBeLessThan(r.commits.items);
      // 20 a second cannot have sent 90-odd replies while the turns ran (well under a second).
      if (channelRate) expect(r.pendingAtTurnsEnd).toBeGreaterThan(0);
    }
  });

  it("statements: every statement executed while timing is counted, and timing stops", async () => {
    const timer = timeStatements();
    const r = await runTurns({ dir, fileName: "t-timed.sqlite", users: 2, concurrency: 2 });
    const times = timer.stop();
    const inbound = [...times].find(([sql]) => sql.startsWith("insert into messages") && sql.includes("'in'"));
    expect(inbound?.[1].executions).toBe(r.turns);
    const commits = times.get("commit")?.executions ?? 0;
    expect(commits).toBeGreaterThan(0);
    await runTurns({ dir, fileName: "t-untimed.sqlite", users: 1, concurrency: 1 });
    expect(times.get("commit")?.executions).toBe(commits);
  });

  it("limit: every pass runs the turns it is asked for", async () => {
    const bench = await openLimitBench({ dir, users: 5, stateBytes: 500, payloadBytes: 200 });
    for (const pass of ["minimal", "minimal+delivery", "grouped", "engine-sql"] as const) {
      const r = await bench.run(pass, 120);
      expect(r.count).toBe(120);
      expect(r.perSecond).toBeGreaterThan(0);
    }
    await bench.close();
  });

  it("faq: builds a varied knowledge base and matches every query", () => {
    const kb = syntheticKb(500, 50);
    expect(kb.entries).toHaveLength(500);
    expect(new Set(kb.entries.map((e) => e.questions[0])).size).toBe(500);
    const r = runFaq({ entries: 100, queries: 100 });
    expect(r.perQuery.count).toBe(100);
  });

  it("outbox: a paced sender loses nothing and keeps each chat's order", async () => {
    const r = await runOutbox({ dir, messages: 100, chats: 10, rate: 30, mode: "paced" });
    expect(r.sent).toBe(100);
    expect(r.lost).toBe(0);
    expect(r.orderViolations).toBe(0);
    expect(r.rejected429).toBe(0);
  });

  it("outbox: every queued message ends sent or failed, whatever the pacing", async () => {
    for (const mode of ["telegram", "strict"] as const) {
      const r = await runOutbox({ dir, messages: 60, chats: 60, rate: 30, mode });
      expect(r.sent + r.failed).toBe(60);
      expect(r.pending).toBe(0);
      expect(r.lost).toBe(r.failed);
    }
  });

  it("outbox: a reply written during a broadcast goes before the rest of it; first come first served, after it", async () => {
    const bulk = await runReplyDuringWave({ dir, wave: 200, rate: 30, bulk: true, afterSeconds: 2 });
    expect(bulk.lost).toBe(0);
    expect(bulk.waveLeftAtReply).toBeGreaterThan(100);
    const fifo = await runReplyDuringWave({ dir, wave: 200, rate: 30, bulk: false, afterSeconds: 2 });
    expect(fifo.lost).toBe(0);
    // First come first served it waits behind the wave: at most the chats sent to side by side (one lane each) remain.
    expect(fifo.waveLeftAtReply).toBeLessThanOrEqual(32);
    expect(fifo.waveLeftAtReply).toBeLessThan(bulk.waveLeftAtReply);
  });

  it("outbox: another chat's reply goes before the tail of one chat's burst, which keeps its order", async () => {
    const r = await runBurstAndReply({ dir, burst: 20, rate: 30 });
    expect(r.lost).toBe(0);
    expect(r.orderViolations).toBe(0);
    expect(r.burstLeftAtOtherReply).toBeGreaterThan(0);
  });

  it("cloud: every message reaches the emulator once and comes back delivered, nothing refused", async () => {
    const r = await runCloud({ dir, messages: 40, chats: 8, rate: 20 });
    expect(r.accepted).toBe(40);
    expect(r.delivered).toBe(40);
    expect(r.lost).toBe(0);
    expect(r.refused).toEqual({});
    expect(r.achievedPerSecond).toBeGreaterThan(0);
  });

  it("idle: every conversation has a session in SQLite", async () => {
    const r = await runIdle({ dir, conversations: 20, concurrency: 5 });
    expect(r.sessionsStored).toBe(20 + 20); // the warm-up chats too
  });
});
