/**
 * Small helpers shared by the benchmark phases: timing statistics, a
 * "warped" clock for simulated waiting, forced garbage collection, temp dirs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

/** Percentile (0..100) of an ascending-sorted array, nearest-rank. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Summary of durations (any unit): sorts a copy. */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

/** High-resolution "now" in milliseconds. */
export const nowMs = (): number => performance.now();

/** Milliseconds of CPU (user + system) this process has used. */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * A rate measured two ways: per second of wall time, and per second of this
 * process's CPU time. On a quiet machine they agree; when other processes
 * compete for the cores, the CPU-time rate is the steadier one.
 */
export interface Rate {
  count: number;
  wallMs: number;
  cpuMs: number;
  perSecond: number;
  perCpuSecond: number;
}

export class RateTimer {
  private readonly wall0 = nowMs();
  private readonly cpu0 = cpuMs();
  stop(count: number): Rate {
    const wallMs = nowMs() - this.wall0;
    const cpu = cpuMs() - this.cpu0;
    return { count, wallMs, cpuMs: cpu, perSecond: count / (wallMs / 1000), perCpuSecond: count / (cpu / 1000) };
  }
}

/**
 * A clock that runs with real time but can skip ahead: `sleep(ms)` does not
 * wait, the clock jumps to the sleeper's time once whatever else is running
 * has settled. Sleepers are woken in time order, so tasks that wait side by
 * side (the outbox's lanes) overlap as they would in real time instead of
 * adding up. Real work done between sleeps still counts, so a simulated rate
 * includes every real cost of the code under test.
 */
export class WarpClock {
  private skipped = 0;
  private readonly realStart = performance.now();
  private readonly sleepers: Array<{ at: number; wake: () => void }> = [];
  private pumping = false;
  constructor(private readonly origin: number) {}
  /** Milliseconds since the epoch, simulated. */
  ms(): number {
    return this.origin + (performance.now() - this.realStart) + this.skipped;
  }
  now(): Date {
    return new Date(Math.floor(this.ms()));
  }
  /** Resolves when the clock has reached `ms` from now (at once in real time; yields to the event loop). */
  async sleep(ms: number): Promise<void> {
    if (ms <= 0) {
      await new Promise<void>((r) => setImmediate(r));
      return;
    }
    await new Promise<void>((wake) => {
      this.sleepers.push({ at: this.ms() + ms, wake });
      this.pump();
    });
  }
  /** Milliseconds skipped so far (time the run did not really spend). */
  get skippedMs(): number {
    return this.skipped;
  }
  /** Wakes the earliest sleeper once the event loop has had two quiet turns (what runs has settled). */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    const turn = (quiet: number) =>
      setImmediate(() => {
        if (this.sleepers.length === 0) {
          this.pumping = false;
          return;
        }
        if (quiet < 2) {
          turn(quiet + 1);
          return;
        }
        let earliest = 0;
        for (let i = 1; i < this.sleepers.length; i++) if (this.sleepers[i]!.at < this.sleepers[earliest]!.at) earliest = i;
        const next = this.sleepers.splice(earliest, 1)[0]!;
        const now = this.ms();
        if (next.at > now) this.skipped += next.at - now;
        next.wake();
        turn(0);
      });
    turn(0);
  }
}

let gcFn: (() => void) | null = null;
/** A full garbage collection, without needing `node --expose-gc` on the command line. */
export function forceGc(): void {
  if (!gcFn) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) gcFn = g;
    else {
      v8.setFlagsFromString("--expose-gc");
      gcFn = vm.runInNewContext("gc") as () => void;
    }
  }
  gcFn();
  gcFn();
}

/** Samples heap and RSS while a phase runs, to report its peak. */
export class MemorySampler {
  peakRss = 0;
  peakHeap = 0;
  private timer: NodeJS.Timeout | null = null;
  start(everyMs = 25): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    return this;
  }
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peakRss) this.peakRss = m.rss;
    if (m.heapUsed > this.peakHeap) this.peakHeap = m.heapUsed;
  }
  stop(): this {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this;
  }
}

export function tempDir(prefix: string, base?: string): string {
  return fs.mkdtempSync(path.join(base ?? os.tmpdir(), prefix));
}

/** Removes a SQLite file and its WAL/SHM companions. */
export function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export const MB = 1024 * 1024;

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}
