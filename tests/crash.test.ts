/**
 * The crash test, small: real worker processes running the engine and the
 * outbox on a SQLite file, killed with SIGKILL at random moments and
 * restarted, then checked from the database and the delivery log (see
 * scripts/crash/). `npm run crash-test` runs the full size.
 *
 * The seed comes from CRASH_SEED when set, so a failure can be replayed.
 */
import { describe, expect, it } from "vitest";
import { formatReport, runCrashTest } from "../scripts/crash/run";
import { parseSeed } from "../scripts/crash/random";

const SEED = parseSeed(process.env["CRASH_SEED"], 20261122);

describe("crash safety", () => {
  it(
    "loses nothing and processes nothing twice across SIGKILLs and restarts",
    async () => {
      const result = await runCrashTest({ seed: SEED, chats: 16, messages: 300, kills: 3, timeoutMs: 55_000 });
      const report = formatReport(result);
      expect(result.error, report).toBeNull();
      const c = result.counts!;
      expect(result.kills.length, report).toBeGreaterThanOrEqual(3);
      expect(c.scriptedMessages).toBeGreaterThanOrEqual(300);
      expect(c.inboundRows, report).toBe(c.scriptedMessages);
      expect(c.inboundMissing + c.inboundDuplicated + c.inboundUnexpected + c.inboundNotProcessed, report).toBe(0);
      expect(c.applications, report).toBe(c.applicationsPlanned);
      expect(c.applicationsWrong, report).toBe(0);
      expect(c.feedbackFound, report).toBe(c.feedbackPlanned);
      expect(c.surveyAnswers, report).toBe(c.surveyAnswersPlanned);
      expect(c.outboxSent, report).toBe(c.outboxRows);
      expect(c.rowsNeverDelivered + c.unidentifiedDeliveries, report).toBe(0);
      // A kill repeats at most the one message each chat had in hand (chats are sent to side by side).
      expect(c.mostDuplicatesInAChat, report).toBeLessThanOrEqual(result.kills.length);
      expect(c.outOfOrderDeliveries, report).toBe(0);
      for (const check of result.checks) expect(check.ok, `${check.name}\n${report}`).toBe(true);
      expect(result.ok, report).toBe(true);
    },
    60_000,
  );
});
