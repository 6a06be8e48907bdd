/**
 * The association's calendar in its profile: Ramadan hours, closures (Eid by
 * Hijri date, national days by Gregorian date, one-off closures), the city
 * whose prayer times hold back proactive messages, and the season's greeting.
 * Weekly hours and quiet hours stay where they were (`workingHours`,
 * `quietHours`). Validated at start-up: a bad range names its field.
 *
 * Dates are written as text: "MM-DD" recurs every year (Hijri Umm al-Qura or
 * Gregorian), "YYYY-MM-DD" happens once. A Hijri day 30 that a month lacks
 * in some year means the day after the 29th for `from`, the 29th for `to`.
 */
import { z } from "zod";

const localized = z.object({ ar: z.string().min(1), en: z.string().min(1), ur: z.string().min(1).optional() });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)");
const closureId = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a lower-case id: letters, digits, _");

/** A day of a calendar: month and day, and a year when it happens once. */
export interface DaySpec {
  year: number | null;
  month: number;
  day: number;
}

/** Reads "MM-DD" or "YYYY-MM-DD" (no other check); null when the shape is wrong. */
export function readDaySpec(s: string): DaySpec | null {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  return { year: m[1] === undefined ? null : Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Longest closure a profile may declare (a typo in a year would otherwise close the office for a year). */
export const MAX_CLOSURE_DAYS = 31;

const DAY_MS = 86_400_000;

function gregorianDayOk(d: DaySpec): boolean {
  const year = d.year ?? 2001; // a common year: 02-29 recurs only in leap years, so it is refused
  const t = new Date(Date.UTC(year, d.month - 1, d.day));
  return d.month >= 1 && d.month <= 12 && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

/** A range of days: both ends in the same form ("MM-DD" or "YYYY-MM-DD"), `to` defaults to `from`. */
function range(kind: "hijri" | "gregorian") {
  const form = kind === "hijri" ? "a Hijri (Umm al-Qura) date" : "a Gregorian date";
  return z
    .object({ from: z.string(), to: z.string().optional() })
    .superRefine((r, ctx) => {
      let bad = false;
      const issue = (path: "from" | "to", message: string) => {
        bad = true;
        ctx.addIssue({ code: "custom", path: [path], message });
      };
      const ends = { from: readDaySpec(r.from), to: readDaySpec(r.to ?? r.from) };
      for (const key of ["from", "to"] as const) {
        const d = ends[key];
        const typed = key === "from" ? r.from : r.to;
        if (!d) {
          issue(key, `"${typed}" is not ${form}: expected MM-DD (every year) or YYYY-MM-DD (once)`);
        } else if (kind === "hijri") {
          if (d.month < 1 || d.month > 12) issue(key, `"${typed}": a Hijri month is 1 to 12`);
          else if (d.day < 1 || d.day > 30) issue(key, `"${typed}": a Hijri day is 1 to 30`);
          if (d.year !== null && (d.year < 1400 || d.year > 1500)) issue(key, `"${typed}": a Hijri year is between 1400 and 1500`);
        } else {
          const leap = d.year === null && d.month === 2 && d.day === 29;
          if (!gregorianDayOk(d)) issue(key, `"${typed}" is not a real Gregorian day${leap ? " every year (give the year)" : ""}`);
          if (d.year !== null && (d.year < 2000 || d.year > 2100)) issue(key, `"${typed}": a Gregorian year is between 2000 and 2100`);
        }
      }
      const { from, to } = ends;
      if (!from || !to || bad) return;
      if ((from.year === null) !== (to.year === null)) {
        issue("to", `"${r.to}" and "${r.from}" must both have a year or both not`);
        return;
      }
      // Gregorian spans are exact; Hijri months count as 30 days here (the calendar resolves the real days).
      const span =
        kind === "gregorian"
          ? (Date.UTC(to.year ?? 2001, to.month - 1, to.day) - Date.UTC(from.year ?? 2001, from.month - 1, from.day)) / DAY_MS
          : ((to.year ?? 0) - (from.year ?? 0)) * 360 + (to.month - from.month) * 30 + (to.day - from.day);
      if (span < 0) issue("to", `"${r.to}" is before "${r.from}"${from.year === null ? " (a yearly range does not cross the end of the year)" : ""}`);
      else if (span + 1 > MAX_CLOSURE_DAYS) issue("to", `a closure is at most ${MAX_CLOSURE_DAYS} days`);
    });
}

export const closureSpec = z
  .object({
    id: closureId,
    name: localized,
    hijri: range("hijri").optional(),
    gregorian: range("gregorian").optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.hijri === undefined) === (c.gregorian === undefined)) {
      ctx.addIssue({ code: "custom", path: ["hijri"], message: `closure "${c.id}" needs exactly one of "hijri" or "gregorian"` });
    }
  });
export type ClosureSpec = z.infer<typeof closureSpec>;

const weeklyHours = z.object({
  /** 0 = Sunday ... 6 = Saturday. */
  days: z.array(z.number().int().min(0).max(6)).min(1),
  open: hhmm,
  close: hhmm,
});

const window = z.object({
  beforeMinutes: z.number().int().min(0).max(180),
  afterMinutes: z.number().int().min(0).max(240),
});

/** The closures every Saudi association observes; a profile that lists its own replaces them all. */
export const DEFAULT_CLOSURES: ClosureSpec[] = [
  { id: "eid_fitr", name: { ar: "عيد الفطر", en: "Eid al-Fitr", ur: "عید الفطر" }, hijri: { from: "10-01", to: "10-04" } },
  { id: "eid_adha", name: { ar: "عيد الأضحى", en: "Eid al-Adha", ur: "عید الاضحیٰ" }, hijri: { from: "12-09", to: "12-12" } },
  { id: "founding_day", name: { ar: "يوم التأسيس", en: "Founding Day", ur: "یومِ تاسیس" }, gregorian: { from: "02-22" } },
  { id: "national_day", name: { ar: "اليوم الوطني", en: "National Day", ur: "قومی دن" }, gregorian: { from: "09-23" } },
];

export const DEFAULT_PRAYER_WINDOWS = {
  friday: { beforeMinutes: 30, afterMinutes: 60 },
  iftar: { beforeMinutes: 20, afterMinutes: 40 },
};

export const calendarSpec = z
  .object({
    /** Hours during the Hijri month of Ramadan; without them the weekly hours hold all year. */
    ramadanHours: weeklyHours.optional(),
    /** Days the association is closed; staff add or shift closures from their commands. */
    closures: z.array(closureSpec).default(DEFAULT_CLOSURES),
    /** The association's city: prayer times (Umm al-Qura) are computed for it. */
    location: z.object({
      city: localized,
      latitude: z.number().min(16).max(33),
      longitude: z.number().min(34).max(56),
    }),
    /** Survey invitations, reminders and broadcasts wait around Friday prayer and, in Ramadan, iftar. */
    prayerWindows: z
      .object({ friday: window.default(DEFAULT_PRAYER_WINDOWS.friday), iftar: window.default(DEFAULT_PRAYER_WINDOWS.iftar) })
      .default(DEFAULT_PRAYER_WINDOWS),
    /** Said once per person with the bot's greeting during Ramadan. */
    ramadanGreeting: localized.optional(),
    /** FAQ answers that speak of hours: they end with when staff answer next (the live opening). */
    hoursFaqs: z.array(z.string()).default([]),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.closures.forEach((cl, i) => {
      if (seen.has(cl.id)) ctx.addIssue({ code: "custom", path: ["closures", i, "id"], message: `duplicate closure id "${cl.id}"` });
      seen.add(cl.id);
    });
  });
export type CalendarSpec = z.infer<typeof calendarSpec>;
