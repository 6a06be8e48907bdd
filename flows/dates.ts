/**
 * Dates for Saudi users: Hijri (Umm al-Qura) and Gregorian calendars and the
 * Asia/Riyadh wall clock (UTC+3, no daylight saving). Working hours, quiet
 * hours, closures and prayer windows are the calendar's (flows/calendar/).
 *
 * Pure functions: the current instant is always passed in as `now`.
 * Umm al-Qura conversions use ICU through Intl (the source of truth).
 */

import { toLatinDigits } from "./text/arabic";
import { stripInvisible, type Result } from "./validate";

/** A calendar day (no time, no time zone). Months are 1-12. */
export type CalendarDate = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
/** Riyadh is UTC+3 all year round. */
const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Calendar-date helpers (proleptic Gregorian, via UTC midnight)
// ---------------------------------------------------------------------------

/** Milliseconds of UTC midnight of a Gregorian date (handles years < 100 and overflowing days). */
function utcMidnight(year: number, month: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t.getTime();
}

function fromUtcMs(ms: number): CalendarDate {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** A calendar day as YYYY-MM-DD. */
export function toIso(d: CalendarDate): string {
  return `${String(d.year).padStart(4, "0")}-${pad2(d.month)}-${pad2(d.day)}`;
}

function isValidGregorian(d: CalendarDate): boolean {
  if (![d.year, d.month, d.day].every(Number.isInteger)) return false;
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const back = fromUtcMs(utcMidnight(d.year, d.month, d.day));
  return back.year === d.year && back.month === d.month && back.day === d.day;
}

/** Parses a strict YYYY-MM-DD string, or returns null when it is not a real date. */
export function parseIso(iso: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidGregorian(d) ? d : null;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// ---------------------------------------------------------------------------
// Hijri (Umm al-Qura)
// ---------------------------------------------------------------------------

const HIJRI_NUMERIC = new Intl.DateTimeFormat("en-US-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

function hijriOfUtcMs(ms: number): CalendarDate {
  const parts = HIJRI_NUMERIC.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

/**
 * Converts a Gregorian date to the Umm al-Qura Hijri date (as ICU computes it).
 * Throws a RangeError for an invalid Gregorian date.
 */
export function gregorianToHijri(d: CalendarDate): CalendarDate {
  if (!isValidGregorian(d)) throw new RangeError(`Invalid Gregorian date: ${JSON.stringify(d)}`);
  return hijriOfUtcMs(utcMidnight(d.year, d.month, d.day));
}

/** Anchor for the estimate: 1 Muharram 1446 AH = 2024-07-07. */
const ANCHOR_1446_MS = Date.UTC(2024, 6, 7);
const MEAN_HIJRI_MONTH_DAYS = 29.530588853;

/**
 * Converts an Umm al-Qura Hijri date to Gregorian, or returns null when the
 * Hijri date does not exist (e.g. the 30th of a 29-day month). Searches from an
 * arithmetic estimate until ICU's Hijri formatting matches.
 */
export function hijriToGregorian(h: CalendarDate): CalendarDate | null {
  if (![h.year, h.month, h.day].every(Number.isInteger)) return null;
  if (h.year < 1 || h.year > 9666 || h.month < 1 || h.month > 12 || h.day < 1 || h.day > 30) return null;

  const months = (h.year - 1446) * 12 + (h.month - 1);
  let ms = ANCHOR_1446_MS + Math.round(months * MEAN_HIJRI_MONTH_DAYS + (h.day - 1)) * DAY_MS;

  // Coarse jumps while far off (only needed if ICU leaves the Umm al-Qura table range).
  for (let i = 0; i < 10; i++) {
    const cur = hijriOfUtcMs(ms);
    const diff =
      (h.year - cur.year) * 354.367 + (h.month - cur.month) * MEAN_HIJRI_MONTH_DAYS + (h.day - cur.day);
    if (Math.abs(diff) <= 3) break;
    ms += Math.round(diff) * DAY_MS;
  }

  // Day-by-day: walk towards the target; stepping over it means it does not exist.
  let cmp = compareDates(hijriOfUtcMs(ms), h);
  const step = cmp < 0 ? DAY_MS : -DAY_MS;
  for (let i = 0; i < 40 && cmp !== 0; i++) {
    ms += step;
    const next = compareDates(hijriOfUtcMs(ms), h);
    if (next !== 0 && Math.sign(next) !== Math.sign(cmp)) return null;
    cmp = next;
  }
  return cmp === 0 ? fromUtcMs(ms) : null;
}

// ---------------------------------------------------------------------------
// Riyadh wall clock
// ---------------------------------------------------------------------------

/** Riyadh wall-clock fields of an instant. `weekday` is 0 = Sunday … 6 = Saturday. */
export type RiyadhParts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

/** The Riyadh wall-clock fields of `now`. */
export function riyadhParts(now: Date): RiyadhParts {
  const t = new Date(now.getTime() + RIYADH_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    weekday: t.getUTCDay(),
  };
}

/** The Riyadh calendar date of `now`, as YYYY-MM-DD. */
export function riyadhDate(now: Date): string {
  return toIso(riyadhParts(now));
}

/** The instant of a Riyadh wall-clock time given as minutes after midnight of a Riyadh date (may overflow). */
export function riyadhInstant(d: CalendarDate, minutes: number): Date {
  return new Date(utcMidnight(d.year, d.month, d.day) + minutes * 60_000 - RIYADH_OFFSET_MS);
}

/** The weekday of a YYYY-MM-DD date: 0 = Sunday … 6 = Saturday. Throws a RangeError on an invalid date. */
export function weekdayOf(isoDate: string): number {
  const d = parseIso(isoDate);
  if (!d) throw new RangeError(`weekdayOf: invalid date ${isoDate}`);
  return new Date(utcMidnight(d.year, d.month, d.day)).getUTCDay();
}

/** Adds (or subtracts) whole days to a YYYY-MM-DD date. Throws a RangeError on an invalid date. */
export function addDays(isoDate: string, days: number): string {
  const d = parseIso(isoDate);
  if (!d || !Number.isInteger(days)) throw new RangeError(`addDays: invalid arguments ${isoDate}, ${days}`);
  return toIso(fromUtcMs(utcMidnight(d.year, d.month, d.day + days)));
}

// ---------------------------------------------------------------------------
// Date input
// ---------------------------------------------------------------------------

/** Options for {@link parseDateInput}. */
export type DateInputOptions = {
  /** Accept dates after today (Riyadh). Default false. */
  allowFuture?: boolean;
  /** Reject dates more than this many years before today. Default 130. */
  maxYearsBack?: number;
};

/** A parsed date: the Gregorian day and which calendar the person typed it in. */
export type ParsedDate = { gregorian: string; calendar: "hijri" | "gregorian" };

export type DateInputError = "date_invalid" | "date_future" | "date_too_old";

/** Years below this are Hijri, from it on Gregorian. */
const HIJRI_YEAR_LIMIT = 1600;

/** Calendar suffixes: Hijri (هـ, ه, ھ, هجري, AH) and Gregorian (م, ميلادي, AD, CE). */
const HIJRI_SUFFIX = /\s*(?:هـ|ه|ھ|هجري|هجرية|هجريه|a\.?\s?h\.?)$/i;
const GREGORIAN_SUFFIX = /\s*(?:م|ميلادي|ميلادية|ميلاديه|a\.?\s?d\.?|c\.?\s?e\.?)$/i;
/** Date separators: slash, backslash, dash (any), dot, Arabic decimal mark, or whitespace. */
const SEP = String.raw`\s*[\/\\\-\u2010-\u2015.\u066B]\s*|\s+`;
const DMY = new RegExp(String.raw`^(\d{1,2})(?:${SEP})(\d{1,2})(?:${SEP})(\d{4})$`);
const YMD = new RegExp(String.raw`^(\d{4})(?:${SEP})(\d{1,2})(?:${SEP})(\d{1,2})$`);

/**
 * Parses a date as typed: D/M/YYYY, DD-MM-YYYY, YYYY/MM/DD, YYYY-MM-DD with
 * slashes, dashes, dots or spaces, Arabic-Indic digits, and an optional
 * suffix هـ / ه / م / AH / AD. Years below 1600 are Hijri (Umm al-Qura),
 * others Gregorian; two-digit years are rejected as ambiguous, and a suffix
 * that contradicts the year is "date_invalid". Dates after today in Riyadh
 * are "date_future" unless `allowFuture`; dates more than `maxYearsBack`
 * (default 130) years ago are "date_too_old".
 */
export function parseDateInput(
  text: string,
  now: Date,
  opts: DateInputOptions = {},
): Result<ParsedDate, DateInputError> {
  let s = toLatinDigits(stripInvisible(text)).replace(/\s+/g, " ").trim();
  let suffix: "hijri" | "gregorian" | null = null;
  if (HIJRI_SUFFIX.test(s)) {
    suffix = "hijri";
    s = s.replace(HIJRI_SUFFIX, "");
  } else if (GREGORIAN_SUFFIX.test(s)) {
    suffix = "gregorian";
    s = s.replace(GREGORIAN_SUFFIX, "");
  }
  s = s.trim();

  let year: number, month: number, day: number;
  const dmy = DMY.exec(s);
  const ymd = dmy ? null : YMD.exec(s);
  if (dmy) {
    [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  } else if (ymd) {
    [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  } else {
    return { ok: false, error: "date_invalid" };
  }

  const calendar = year < HIJRI_YEAR_LIMIT ? "hijri" : "gregorian";
  if (suffix !== null && suffix !== calendar) return { ok: false, error: "date_invalid" };

  let greg: CalendarDate | null;
  if (calendar === "hijri") {
    greg = hijriToGregorian({ year, month, day });
  } else {
    const d = { year, month, day };
    greg = isValidGregorian(d) ? d : null;
  }
  if (!greg) return { ok: false, error: "date_invalid" };

  const iso = toIso(greg);
  const today = riyadhParts(now);
  if (!opts.allowFuture && iso > toIso(today)) return { ok: false, error: "date_future" };
  const maxYearsBack = opts.maxYearsBack ?? 130;
  const oldest = toIso({ year: today.year - maxYearsBack, month: today.month, day: today.day });
  if (iso < oldest) return { ok: false, error: "date_too_old" };

  return { ok: true, value: { gregorian: iso, calendar } };
}

/** Same as {@link parseDateInput}; by default no future dates and at most 130 years back. */
export const parseDateOfBirth = parseDateInput;

// ---------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------

/** Supported display locales. */
export type DisplayLocale = "ar" | "en" | "ur";

const LOCALE_TAGS: Record<DisplayLocale, { hijri: string; gregorian: string; gregorianEra: boolean }> = {
  ar: { hijri: "ar-SA-u-ca-islamic-umalqura-nu-latn", gregorian: "ar-SA-u-ca-gregory-nu-latn", gregorianEra: true },
  en: { hijri: "en-US-u-ca-islamic-umalqura-nu-latn", gregorian: "en-US-u-ca-gregory-nu-latn", gregorianEra: false },
  ur: { hijri: "ur-PK-u-ca-islamic-umalqura-nu-latn", gregorian: "ur-PK-u-ca-gregory-nu-latn", gregorianEra: true },
};

const formatterCache = new Map<string, Intl.DateTimeFormat>();
function longFormatter(tag: string, era: boolean): Intl.DateTimeFormat {
  const key = `${tag}|${era}`;
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, {
      timeZone: "UTC",
      day: "numeric",
      month: "long",
      year: "numeric",
      ...(era ? { era: "short" } : {}),
    });
    formatterCache.set(key, f);
  }
  return f;
}

/** "day month year [era]" from formatToParts, so the order is the same in every locale. */
function dayMonthYear(f: Intl.DateTimeFormat, ms: number): string {
  const parts = f.formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return [get("day"), get("month"), get("year"), get("era")].filter(Boolean).join(" ");
}

/**
 * Formats a date in Hijri (Umm al-Qura) then Gregorian, with Latin digits:
 * ar "13 جمادى الآخرة 1448 هـ (23 نوفمبر 2026 م)",
 * en "13 Jumada II 1448 AH (23 November 2026)". Month and era names come from Intl.
 * A YYYY-MM-DD string is a calendar date and is not shifted; a Date or an ISO
 * date-time is an instant and is shown as its Riyadh date.
 * Throws a RangeError on an invalid date.
 */
export function formatDualDate(date: Date | string, locale: DisplayLocale): string {
  let day: CalendarDate | null;
  if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    day = parseIso(date);
  } else {
    const instant = typeof date === "string" ? new Date(date) : date;
    day = Number.isNaN(instant.getTime()) ? null : riyadhParts(instant);
  }
  if (!day) throw new RangeError(`formatDualDate: invalid date ${String(date)}`);
  const ms = utcMidnight(day.year, day.month, day.day);
  const tags = LOCALE_TAGS[locale];
  const hijri = dayMonthYear(longFormatter(tags.hijri, true), ms);
  const gregorian = dayMonthYear(longFormatter(tags.gregorian, tags.gregorianEra), ms);
  return `${hijri} (${gregorian})`;
}
