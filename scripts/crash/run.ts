/**
 * The crash test's parent: writes the script, runs the worker, kills it with
 * SIGKILL at random moments (when it has handled a chosen update, plus a
 * small random delay; or a random time after it started, while it resumes),
 * restarts it each time, lets the last one finish, and verifies what is in
 * the database and the delivery log. A second worker runs the same script,
 * never killed, as the reference the crashed run must match.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { loadProfile } from "../../orgs/load";
import { CRASH_SECRET, crashFiles } from "./layout";
import { createRandom } from "./random";
import { buildScript, type CrashScript } from "./script";
import { compareDigests, verifyRun, type Check, type CrashCounts } from "./verify";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const WORKER = path.join(HERE, "worker.ts");

export interface CrashOptions {
  seed: number;
  chats: number;
  /** At least this many inbound messages in all. */
  messages: number;
  /** SIGKILLs to deliver (at least). */
  kills: number;
  /** The whole run, reference included, must finish within this. */
  timeoutMs: number;
  /** Probability that one send fails and is retried. */
  flaky?: number;
  /** Keep the temp folders (printed) instead of removing them. */
  keep?: boolean;
  /** Progress lines (the CLI prints them). */
  log?: (line: string) => void;
}

export interface KillRecord {
  run: number;
  /** "after update <seq> +<ms> ms" or "<ms> ms after start". */
  moment: string;
  /** The highest update the killed process had handled (-1: none). */
  handledUpTo: number;
}

export interface CrashResult {
  ok: boolean;
  seed: number;
  dir: string;
  durationMs: number;
  kills: KillRecord[];
  restarts: number;
  /** Updates the engine reported as duplicates: redeliveries it turned into no-ops. */
  redeliveriesDeduped: number;
  counts: CrashCounts | null;
  checks: Check[];
  /** Why the run could not be verified (a worker that died by itself, the timeout). */
  error: string | null;
}

type KillPlan = { mode: "progress"; seq: number; delayMs: number } | { mode: "startup"; afterMs: number };

interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  done: boolean;
  stderr: string;
}

function startWorker(
  dir: string,
  run: number,
  flaky: number,
  onLine: (line: string) => void,
): { child: ChildProcess; exited: Promise<WorkerExit> } {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, "--dir", dir, "--run", String(run), "--flaky", String(flaky)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  let done = false;
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const lines = readline.createInterface({ input: child.stdout! });
  lines.on("line", (line) => {
    if (line === "done") done = true;
    onLine(line);
  });
  const exited = new Promise<WorkerExit>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, done, stderr }));
  });
  return { child, exited };
}

function planKills(count: number, total: number, seed: number): KillPlan[] {
  const r = createRandom(seed ^ 0x9e3779b9);
  const plans: KillPlan[] = [];
  const lo = Math.floor(total * 0.05);
  const hi = Math.max(lo + 1, Math.floor(total * 0.85));
  const positions = Array.from({ length: count }, () => r.int(lo, hi)).sort((a, b) => a - b);
  for (let i = 0; i < count; i++) {
    // One kill in five lands while the worker starts: migrations, resuming the outbox, the first batch.
    plans.push(r.chance(0.2) && i > 0 ? { mode: "startup", afterMs: r.int(300, 1500) } : { mode: "progress", seq: positions[i]!, delayMs: r.int(0, 30) });
  }
  return plans;
}

async function runWorkerToEnd(
  dir: string,
  plans: KillPlan[],
  options: { flaky: number; deadline: number; log: (line: string) => void; label: string },
): Promise<{ kills: KillRecord[]; restarts: number; deduped: number; error: string | null }> {
  const kills: KillRecord[] = [];
  let deduped = 0;
  for (let run = 0; ; run++) {
    const plan = plans[kills.length];
    let handledUpTo = -1;
    let killTimer: NodeJS.Timeout | null = null;
    let killedBy: string | null = null;
    let armed = false;
    const kill = (moment: string) => {
      if (killedBy !== null) return;
      killedBy = moment;
      worker.child.kill("SIGKILL");
    };
    const worker = startWorker(dir, run, options.flaky, (line) => {
      if (!line.startsWith("h ")) return;
      const [, seq, outcome] = line.split(" ");
      handledUpTo = Math.max(handledUpTo, Number(seq));
      if (outcome === "duplicate") deduped++;
      if (plan?.mode === "progress" && !armed && handledUpTo >= plan.seq) {
        armed = true;
        killTimer = setTimeout(() => kill(`after update ${plan.seq} +${plan.delayMs} ms`), plan.delayMs);
      }
    });
    if (plan?.mode === "startup") killTimer = setTimeout(() => kill(`${plan.afterMs} ms after start`), plan.afterMs);
    const overall = setTimeout(() => kill("timeout"), Math.max(0, options.deadline - Date.now()));
    const exit = await worker.exited;
    clearTimeout(overall);
    if (killTimer) clearTimeout(killTimer);

    if (killedBy === "timeout") return { kills, restarts: run, deduped, error: `${options.label}: timed out` };
    if (killedBy !== null && exit.signal === "SIGKILL") {
      kills.push({ run, moment: killedBy, handledUpTo });
      options.log(`${options.label}: SIGKILL ${kills.length} ${killedBy} (handled up to update ${handledUpTo})`);
      continue;
    }
    if (exit.code === 0 && exit.done) return { kills, restarts: run, deduped, error: null };
    return {
      kills,
      restarts: run,
      deduped,
      error: `${options.label}: the worker exited by itself (code ${exit.code}, signal ${exit.signal}): ${exit.stderr.trim().split("\n").slice(-5).join(" | ")}`,
    };
  }
}

function prepare(script: CrashScript, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(crashFiles(dir).script, JSON.stringify({ ...script, clockOrigin: Date.now() }));
  return dir;
}

export async function runCrashTest(options: CrashOptions): Promise<CrashResult> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const log = options.log ?? (() => undefined);
  const flaky = options.flaky ?? 0.02;
  const script = buildScript({ seed: options.seed, chats: options.chats, messages: options.messages, profile: loadProfile("maa") });
  const plans = planKills(options.kills, script.messages.length, options.seed);
  const dir = prepare(script, "sila-crash-");
  const refDir = prepare(script, "sila-crash-ref-");
  log(`seed ${options.seed}: ${script.messages.length} messages in ${script.chats.length} chats; ${plans.length} kills planned; ${dir}`);

  const [crashed, reference] = await Promise.all([
    runWorkerToEnd(dir, plans, { flaky, deadline, log, label: "crash run" }),
    runWorkerToEnd(refDir, [], { flaky: 0, deadline, log, label: "reference run" }),
  ]);

  const result: CrashResult = {
    ok: false,
    seed: options.seed,
    dir,
    durationMs: 0,
    kills: crashed.kills,
    restarts: crashed.kills.length,
    redeliveriesDeduped: crashed.deduped,
    counts: null,
    checks: [],
    error: crashed.error ?? reference.error,
  };
  if (result.error === null) {
    const verification = await verifyRun(dir, script, { kills: crashed.kills.length, secretKey: CRASH_SECRET });
    const referenceVerification = await verifyRun(refDir, script, { kills: 0, secretKey: CRASH_SECRET });
    const killsCheck: Check = {
      name: `at least ${options.kills} SIGKILLs delivered`,
      ok: crashed.kills.length >= options.kills,
      problems: crashed.kills.length >= options.kills ? [] : [`only ${crashed.kills.length}`],
    };
    const referenceCheck: Check = {
      name: "the reference run (never killed) passes the same checks",
      ok: referenceVerification.ok,
      problems: referenceVerification.checks.filter((c) => !c.ok).flatMap((c) => c.problems.map((p) => `${c.name}: ${p}`)).slice(0, 8),
    };
    result.counts = verification.counts;
    result.checks = [...verification.checks, killsCheck, referenceCheck, compareDigests(verification.digest, referenceVerification.digest)];
    result.ok = result.checks.every((c) => c.ok);
  }
  result.durationMs = Date.now() - started;
  if (!options.keep) {
    fs.rmSync(refDir, { recursive: true, force: true });
    if (result.ok) fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** The report the script prints. */
export function formatReport(r: CrashResult): string {
  const out: string[] = [];
  const c = r.counts;
  out.push(`crash test, seed ${r.seed}: ${r.ok ? "PASS" : "FAIL"} in ${(r.durationMs / 1000).toFixed(1)} s`);
  out.push(`  SIGKILLs: ${r.kills.length} (restarts: ${r.restarts})`);
  for (const k of r.kills) out.push(`    run ${k.run}: ${k.moment}, handled up to update ${k.handledUpTo}`);
  out.push(`  redelivered updates turned into no-ops by the engine: ${r.redeliveriesDeduped}`);
  if (c) {
    out.push(`  inbound: ${c.scriptedMessages} scripted in ${c.chats} chats, ${c.inboundRows} rows; missing ${c.inboundMissing}, processed twice ${c.inboundDuplicated}, unexpected ${c.inboundUnexpected}, not processed ${c.inboundNotProcessed}`);
    out.push(`  applications: ${c.applications} of ${c.applicationsPlanned} planned, wrong or missing ${c.applicationsWrong}`);
    out.push(`  complaints and suggestions: ${c.feedbackFound} of ${c.feedbackPlanned}; survey answers: ${c.surveyAnswers} of ${c.surveyAnswersPlanned}`);
    out.push(`  outbox: ${c.outboxRows} rows, ${c.outboxSent} sent, ${c.outboxPending} pending, ${c.outboxFailed} failed; ${c.outboundMessages} outbound message rows`);
    out.push(`  deliveries: ${c.deliveries} (rows delivered ${c.rowsDelivered}, never delivered ${c.rowsNeverDelivered}, duplicates ${c.duplicateDeliveries}, at most ${c.mostDuplicatesInAChat} in a chat ≤ kills ${r.kills.length}, unidentified ${c.unidentifiedDeliveries}, out of order ${c.outOfOrderDeliveries})`);
  }
  if (r.error) out.push(`  error: ${r.error}`);
  for (const check of r.checks) {
    out.push(`  ${check.ok ? "ok  " : "FAIL"} ${check.name}`);
    for (const p of check.problems) out.push(`         ${p}`);
  }
  if (!r.ok) out.push(`  files kept in ${r.dir}`);
  return out.join("\n");
}
