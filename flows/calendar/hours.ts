/**
 * Hours of one week and of one night, Riyadh time: the weekly working hours
 * (the profile's `workingHours`, or its `ramadanHours` in Ramadan) and the
 * daily quiet window for proactive messages. The calendar (./index.ts) uses
 * these; nothing else should ask them directly.
 */
import { riyadhInstant, riyadhParts, type RiyadhParts } from "../dates";
import { toLatinDigits } from "../text/arabic";

/**
 * Office hours in Riyadh time: the weekdays it opens (0 = Sunday … 6 = Saturday)
 * and the opening and closing times. A closing time earlier than the opening
 * time runs past midnight; equal times mean open all day.
 */
export type WorkingHours = { days: number[]; open: string; close: string };

/** A daily quiet window in Riyadh time, e.g. 21:00–08:00 (may wrap midnight; equal times mean none). */
export type QuietHours = { start: string; end: string };

/** Minutes after midnight of "HH:MM" (Arabic digits allowed, 24:00 allowed). Throws on a malformed time. */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(toLatinDigits(hhmm).trim());
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!(h >= 0 && h <= 24 && min >= 0 && min <= 59) || (h === 24 && min !== 0)) {
    throw new RangeError(`Invalid time "${hhmm}", expected HH:MM`);
  }
  return h * 60 + min;
}

export function minuteOfDay(p: RiyadhParts): number {
  return p.hour * 60 + p.minute;
}

/** True when `now` is inside the quiet window (start included, end excluded). */
export function isQuietTime(now: Date, quiet: QuietHours): boolean {
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  const m = minuteOfDay(riyadhParts(now));
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The instant the current quiet window ends; `now` itself when not in quiet time. */
export function quietEnds(now: Date, quiet: QuietHours): Date {
  if (!isQuietTime(now, quiet)) return now;
  const end = parseClock(quiet.end);
  const p = riyadhParts(now);
  // In quiet time, either the end is later today, or (wrapping window, evening part) tomorrow.
  const dayOffset = minuteOfDay(p) < end ? 0 : 1;
  return riyadhInstant({ year: p.year, month: p.month, day: p.day + dayOffset }, end);
}
