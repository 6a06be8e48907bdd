/**
 * The association's calendar: the one place that answers "is the office
 * open?", "when does it open next?", "may this message go now, or when?"
 * and "which day is the committee's date?". It knows the weekly hours,
 * Ramadan hours (the Hijri month of Ramadan, Umm al-Qura), closures from the
 * profile and from staff, quiet hours, and the prayer windows of the
 * association's city. Flows, the scheduler, the outbox and the staff desk
 * all ask it; none of them reads the hours from the profile.
 *
 * Pure: built from the profile and the staff's closures, every question
 * takes the instant it is about. Days are Riyadh calendar days (YYYY-MM-DD).
 */
import type { Profile } from "../../orgs/schema";
import { addDays, gregorianToHijri, parseIso, riyadhDate, riyadhInstant, riyadhParts, weekdayOf, type CalendarDate } from "../dates";
import { createClosures, type Closure, type ClosureOverride } from "./closures";
import { isQuietTime, minuteOfDay, parseClock, quietEnds, type WorkingHours } from "./hours";
import { prayerTimesOn, windowAround, type PrayerWindow } from "./prayer";

export type { Closure, ClosureOverride } from "./closures";
export type { PrayerWindow } from "./prayer";
export type { WorkingHours, QuietHours } from "./hours";

/** What the calendar reads from a profile. */
export type CalendarProfile = Pick<Profile, "workingHours" | "quietHours" | "calendar" | "committee">;

/** Opening and closing as minutes after midnight (a close before the open runs past midnight). */
export interface DayHours {
  open: number;
  close: number;
}

export interface Day {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hijri: CalendarDate;
  ramadan: boolean;
  closure: Closure | null;
  /** The hours the office keeps that day; null when it does not open (weekend or closure). */
  hours: DayHours | null;
}

export interface Opening {
  /** When staff are next at work: `now` itself while the office is open. */
  at: Date;
  openNow: boolean;
  /** The closure the office is in, or that lies between now and the opening (the last one), to name it. */
  after: Closure | null;
  /** The opening day falls in Ramadan: Ramadan hours apply. */
  ramadan: boolean;
  /** The hours of the opening day, as the profile writes them. */
  hours: WorkingHours;
}

/**
 * "notice": a message the person is waiting for (a committee decision): only
 * quiet hours hold it. "bulk": survey invitations, reminders, broadcasts:
 * quiet hours and prayer windows hold them. Replies in a conversation and
 * safety alerts are never held, so they do not ask.
 */
export type SendKind = "notice" | "bulk";

export interface Calendar {
  /** Everything about one Riyadh day. */
  day(isoDate: string): Day;
  isOpen(now: Date): boolean;
  nextOpening(now: Date): Opening;
  /** The earliest instant from `now` (included) a proactive message of this kind may go. */
  sendTime(now: Date, kind: SendKind): Date;
  /** The prayer window `now` falls in, or null. */
  prayerWindowAt(now: Date): PrayerWindow | null;
  isRamadan(now: Date): boolean;
  /** "ramadan:1448" during Ramadan 1448, else null: a season greeting is said once per season. */
  season(now: Date): string | null;
  /** The day the committee's period ends for an application submitted at `submittedAt` (a working day). */
  decisionDate(submittedAt: Date): string;
  /** The `n`th working day after `isoDate`. */
  addWorkingDays(isoDate: string, n: number): string;
  /** Closures that overlap [from, to]. */
  closures(fromIso: string, toIso: string): Closure[];
  /** The occurrence of closure `key` in progress on `todayIso` or the next one, or null. */
  nextClosure(key: string, todayIso: string): Closure | null;
  readonly profile: CalendarProfile;
}

/** How far ahead the calendar looks for an opening (closures are at most a month long). */
const SEARCH_DAYS = 400;
const MAX_CACHED_DAYS = 4_000;

/**
 * Builds the calendar of a profile with the staff's closures. Throws a
 * RangeError when the hours are malformed (the profile schema prevents it).
 */
export function createCalendar(profile: CalendarProfile, overrides: readonly ClosureOverride[] = []): Calendar {
  const settings = profile.calendar;
  const closures = createClosures(settings.closures, overrides);
  const weekly = profile.workingHours;
  const ramadanWeekly = settings.ramadanHours ?? weekly;
  const minutes = (wh: WorkingHours): DayHours => ({ open: parseClock(wh.open), close: parseClock(wh.close) });
  const normal = minutes(weekly);
  const ramadanHours = minutes(ramadanWeekly);

  const days = new Map<string, Day>();
  function day(isoDate: string): Day {
    let d = days.get(isoDate);
    if (d) return d;
    const date = parseIso(isoDate);
    if (!date) throw new RangeError(`calendar: invalid date ${isoDate}`);
    const weekday = weekdayOf(isoDate);
    const hijri = gregorianToHijri(date);
    const ramadan = hijri.month === 9;
    const closure = closures.on(isoDate);
    const wh = ramadan ? ramadanWeekly : weekly;
    const hours = closure === null && wh.days.includes(weekday) ? (ramadan ? ramadanHours : normal) : null;
    d = { date: isoDate, weekday, hijri, ramadan, closure, hours };
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(isoDate, d);
    return d;
  }

  function isOpen(now: Date): boolean {
    const today = riyadhDate(now);
    const m = minuteOfDay(riyadhParts(now));
    const h = day(today).hours;
    if (h) {
      if (h.open === h.close) return true;
      if (h.open < h.close ? m >= h.open && m < h.close : m >= h.open) return true;
    }
    // Yesterday's shift may run past midnight.
    const y = day(addDays(today, -1)).hours;
    return y !== null && y.open > y.close && m < y.close;
  }

  function nextOpening(now: Date): Opening {
    const today = riyadhDate(now);
    const hoursOf = (d: Day): WorkingHours => (d.ramadan ? ramadanWeekly : weekly);
    if (isOpen(now)) {
      const d = day(today);
      return { at: now, openNow: true, after: null, ramadan: d.ramadan, hours: hoursOf(d) };
    }
    let after: Closure | null = null;
    for (let k = 0; k <= SEARCH_DAYS; k++) {
      const d = day(addDays(today, k));
      if (d.closure) after = d.closure;
      if (!d.hours) continue;
      const at = riyadhInstant(parseIso(d.date)!, d.hours.open);
      if (at.getTime() > now.getTime()) return { at, openNow: false, after, ramadan: d.ramadan, hours: hoursOf(d) };
    }
    throw new RangeError("calendar: the office never opens (no working days)");
  }

  const prayerDays = new Map<string, PrayerWindow[]>();
  function windowsOn(isoDate: string): PrayerWindow[] {
    let list = prayerDays.get(isoDate);
    if (list) return list;
    list = [];
    const d = day(isoDate);
    if (d.weekday === 5 || d.ramadan) {
      const times = prayerTimesOn(isoDate, settings.location);
      if (d.weekday === 5) list.push(windowAround("friday", times.dhuhr, settings.prayerWindows.friday));
      if (d.ramadan) list.push(windowAround("iftar", times.maghrib, settings.prayerWindows.iftar));
    }
    if (prayerDays.size >= MAX_CACHED_DAYS) prayerDays.clear();
    prayerDays.set(isoDate, list);
    return list;
  }

  function prayerWindowAt(now: Date): PrayerWindow | null {
    const t = now.getTime();
    return windowsOn(riyadhDate(now)).find((w) => w.start.getTime() <= t && t < w.end.getTime()) ?? null;
  }

  function sendTime(now: Date, kind: SendKind): Date {
    let t = now;
    // Each step moves forward past one hold; a few are enough (quiet hours, then a window, then quiet again).
    for (let i = 0; i < 8; i++) {
      if (isQuietTime(t, profile.quietHours)) {
        t = quietEnds(t, profile.quietHours);
        continue;
      }
      const w = kind === "bulk" ? prayerWindowAt(t) : null;
      if (!w) return t;
      t = w.end;
    }
    return t;
  }

  function addWorkingDays(isoDate: string, n: number): string {
    let d = isoDate;
    for (let counted = 0, k = 0; counted < n; k++) {
      if (k > SEARCH_DAYS * 4) throw new RangeError("calendar: no working days to count");
      d = addDays(d, 1);
      if (day(d).hours) counted++;
    }
    return d;
  }

  function decisionDate(submittedAt: Date): string {
    const start = riyadhDate(submittedAt);
    const period = profile.committee.decisionPeriodDays;
    if (profile.committee.decisionPeriodIn === "workingDays") return addWorkingDays(start, period);
    // Calendar days; a period ending on a day off ends on the next working day.
    let d = addDays(start, period);
    for (let k = 0; k < SEARCH_DAYS && !day(d).hours; k++) d = addDays(d, 1);
    return d;
  }

  return {
    day,
    isOpen,
    nextOpening,
    sendTime,
    prayerWindowAt,
    isRamadan: (now) => day(riyadhDate(now)).ramadan,
    season(now) {
      const d = day(riyadhDate(now));
      return d.ramadan ? `ramadan:${d.hijri.year}` : null;
    },
    decisionDate,
    addWorkingDays,
    closures: (fromIso, toIso) => closures.between(fromIso, toIso),
    nextClosure: (key, todayIso) => closures.nextOf(key, todayIso),
    profile,
  };
}
