/**
 * The benchmark's phases at tiny sizes: they run, and what they count is
 * right (every application stored, nothing lost). Never asserts a timing.
 */
import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { runTurns } from "../scripts/bench/turns";
import { openLimitBench } from "../scripts/bench/limit";
import { runFaq, syntheticKb } from "../scripts/bench/faq";
import { runOutbox } from "../scripts/bench/outbox";
import { runIdle } from "../scripts/bench/idle";
import { percentile, summarize, tempDir } from "../scripts/bench/util";

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
  it("turns: every beneficiary's application is stored and every reply delivered", async () => {
    const stats = { executions: new Map<string, number>(), prepares: 0 };
    for (const variant of ["engine", "stmt-cache"] as const) {
      const r = await runTurns({ dir, fileName: `t-${variant}.sqlite`, users: 5, concurrency: 3, soloUsers: 1, variant, stats });
      expect(r.applicationsStored).toBe(6);
      expect(r.usersWithReference).toBe(6);
      expect(r.outcomes["failed"] ?? 0).toBe(0);
      expect(r.errorsLogged).toBe(0);
      expect(r.outboxPending + r.outboxFailed).toBe(0);
      expect(r.delivered).toBe(r.outboxRows);
      expect(r.latency.count).toBe(5 * r.turnsPerUser);
    }
    expect(stats.executions.size).toBeGreaterThan(5);
  });

  it("limit: every pass runs the turns it is asked for", async () => {
    const bench = await openLimitBench({ dir, users: 5, stateBytes: 500, payloadBytes: 200 });
    for (const pass of ["minimal", "minimal+delivery", "minimal+batched", "current-sql", "proposed-sql", "proposed-sql+batched", "kysely-repo", "kysely-repo+cache"] as const) {
      const r = await bench.run(pass, 50);
      expect(r.count).toBe(50);
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

  it("idle: every conversation has a session in SQLite", async () => {
    const r = await runIdle({ dir, conversations: 20, concurrency: 5 });
    expect(r.sessionsStored).toBe(20 + 20); // the warm-up chats too
  });
});
