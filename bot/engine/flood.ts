/**
 * A chat's flood window, kept with its session (`sessions.flood`, read and
 * written every turn anyway): the start of a one-minute window, opened by the
 * first message after the last window closed, and the messages in it, packed
 * in one integer as start_ms × 1024 + count. Nothing is kept in memory.
 */
const WINDOW_MS = 60_000;
const MAX_COUNT = 1023;

/** The window after a message at `nowMs`, and the messages it holds (this one included). */
export function floodArrival(packed: number, nowMs: number): { packed: number; count: number } {
  const start = Math.floor(packed / 1024);
  if (packed <= 0 || nowMs - start >= WINDOW_MS || nowMs < start) return { packed: Math.floor(nowMs) * 1024 + 1, count: 1 };
  const count = Math.min(MAX_COUNT, (packed % 1024) + 1);
  return { packed: start * 1024 + count, count };
}
