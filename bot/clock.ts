/**
 * The clock every part of one installation reads (engine, scheduler, staff
 * commands, decisions). In production it is the wall clock; on the console
 * it can be set or moved (`/time 2027-09-23T10:00`, `/time +3d`) so that a
 * person trying Sila sees a survey fall due or the quiet hours end without
 * waiting days. Moving it never goes backwards past what already happened
 * in the database: it only shifts what "now" means from here on.
 */

/** Riyadh is UTC+3 all year (no daylight saving). */
const RIYADH_OFFSET_MS = 3 * 3_600_000;

export interface Clock {
  /** The current instant as this installation sees it. */
  now(): Date;
  /** Sets "now" to `at`; time goes on from there at the normal pace. */
  set(at: Date): void;
  /** Moves "now" by `ms` (may be negative). */
  advance(ms: number): void;
  /** True when the clock has been set or moved away from the wall clock. */
  readonly shifted: boolean;
}

/** A clock that follows `source` (the wall clock by default), shifted by an offset the console can change. */
export function createClock(source: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => new Date(source() + offset),
    set(at) {
      offset = at.getTime() - source();
    },
    advance(ms) {
      offset += ms;
    },
    get shifted() {
      return offset !== 0;
    },
  };
}

export type TimeCommand = { kind: "show" } | { kind: "set"; at: Date } | { kind: "move"; ms: number };

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * Reads the argument of the console's `/time`:
 * - nothing: show the current time;
 * - `2027-09-23T10:00`, `2027-09-23 10:00` or `2027-09-23` (Riyadh wall clock; a date alone is 09:00);
 * - `+3d`, `-2h`, `+90m`, `+1w`, or several at once (`+1d12h`).
 * Returns null for anything else.
 */
export function parseTimeCommand(arg: string): TimeCommand | null {
  const a = arg.trim();
  if (a === "") return { kind: "show" };
  const rel = /^([+-])((?:\d+[mhdw])+)$/i.exec(a);
  if (rel) {
    let ms = 0;
    for (const part of rel[2]!.matchAll(/(\d+)([mhdw])/gi)) ms += Number(part[1]) * UNIT_MS[part[2]!.toLowerCase()]!;
    return { kind: "move", ms: rel[1] === "-" ? -ms : ms };
  }
  const abs = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?$/.exec(a);
  if (abs) {
    const [year, month, day, hour, minute] = [abs[1], abs[2], abs[3], abs[4] ?? "9", abs[5] ?? "0"].map(Number) as [number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    const utc = Date.UTC(year, month - 1, day, hour, minute) - RIYADH_OFFSET_MS;
    const check = new Date(utc + RIYADH_OFFSET_MS);
    if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // 31 February
    return { kind: "set", at: new Date(utc) };
  }
  return null;
}
