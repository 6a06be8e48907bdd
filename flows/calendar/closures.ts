/**
 * Closures on real days: the profile's rules (Eid by Hijri date, national
 * days by Gregorian date, one-off closures) resolved year by year, with the
 * staff's changes on top. A staff change either adds a closure or replaces
 * one occurrence of a profile closure ("eid_fitr:1448" moved by a day when
 * the moon was sighted differently, or cancelled); it always wins.
 */
import { readDaySpec, type ClosureSpec } from "../../orgs/calendar";
import { addDays, gregorianToHijri, hijriToGregorian, parseIso, toIso } from "../dates";
import type { Text } from "../types";
import type { StoredClosure } from "../../db/calendar";

/**
 * A closure staff added or changed, as stored (dates are Gregorian YYYY-MM-DD, both ends
 * included): `replaces` names the occurrence of a profile closure it replaces ("eid_fitr:1448"),
 * or is null for a closure of its own; a null `name` keeps the profile closure's name;
 * `cancelled` means the replaced occurrence does not happen (or the closure is withdrawn).
 */
export type ClosureOverride = Pick<StoredClosure, "id" | "replaces" | "name" | "startsOn" | "endsOn" | "cancelled">;

/** One closure on real days. */
export interface Closure {
  /** The profile closure's id ("eid_fitr"), or "s<id>" for one staff added. */
  key: string;
  /** Which occurrence: "eid_fitr:1448" (by Hijri year), "national_day:2027", a one-off's id, "s3". */
  occurrence: string;
  name: Text;
  /** First and last closed day (Gregorian YYYY-MM-DD, Riyadh). */
  startsOn: string;
  endsOn: string;
  source: "profile" | "staff";
}

/** The key staff use for a closure of their own. */
export const staffKey = (id: number): string => `s${id}`;

/**
 * A Hijri day as a Gregorian date. A 30th the month lacks that year is the day
 * after the 29th when it starts a range, the 29th when it ends one.
 */
function hijriDay(year: number, month: number, day: number, end: "from" | "to"): string | null {
  const exact = hijriToGregorian({ year, month, day });
  if (exact) return toIso(exact);
  if (day !== 30) return null;
  const last = hijriToGregorian({ year, month, day: 29 });
  if (!last) return null;
  return end === "from" ? addDays(toIso(last), 1) : toIso(last);
}

/** The occurrence of a rule in a Hijri or Gregorian year (the rule's own year when it happens once). */
function occurrenceOf(rule: ClosureSpec, year: number): Closure | null {
  const kind = rule.hijri ? "hijri" : "gregorian";
  const range = rule.hijri ?? rule.gregorian!;
  const from = readDaySpec(range.from);
  const to = readDaySpec(range.to ?? range.from);
  if (!from || !to) return null;
  const y = from.year ?? year;
  const yTo = to.year ?? year;
  const startsOn = kind === "hijri" ? hijriDay(y, from.month, from.day, "from") : toIso({ year: y, month: from.month, day: from.day });
  const endsOn = kind === "hijri" ? hijriDay(yTo, to.month, to.day, "to") : toIso({ year: yTo, month: to.month, day: to.day });
  if (!startsOn || !endsOn || endsOn < startsOn) return null;
  return {
    key: rule.id,
    occurrence: from.year === null ? `${rule.id}:${year}` : rule.id,
    name: { localized: rule.name },
    startsOn,
    endsOn,
    source: "profile",
  };
}

export interface Closures {
  /** The closure covering a day, or null. */
  on(isoDate: string): Closure | null;
  /** Closures that overlap [from, to], by start date. */
  between(fromIso: string, toIso: string): Closure[];
  /** The occurrence of `key` in progress on `todayIso` or the next one (within two years), or null. */
  nextOf(key: string, todayIso: string): Closure | null;
}

export function createClosures(rules: readonly ClosureSpec[], overrides: readonly ClosureOverride[]): Closures {
  const replaced = new Map<string, ClosureOverride>();
  const own: Closure[] = [];
  for (const o of overrides) {
    if (o.replaces !== null) {
      replaced.set(o.replaces, o);
      continue;
    }
    if (o.cancelled) continue;
    own.push({ key: staffKey(o.id), occurrence: staffKey(o.id), name: { literal: o.name ?? staffKey(o.id) }, startsOn: o.startsOn, endsOn: o.endsOn, source: "staff" });
  }

  /** Profile occurrences starting in a Gregorian year, with staff replacements applied. */
  const years = new Map<number, Closure[]>();
  function startingIn(year: number): Closure[] {
    let list = years.get(year);
    if (list) return list;
    list = [];
    const first = `${String(year).padStart(4, "0")}-01-01`;
    const hijriYears = new Set([gregorianToHijri(parseIso(first)!).year, gregorianToHijri({ year, month: 12, day: 31 }).year]);
    for (const rule of rules) {
      const candidates = rule.hijri ? [...hijriYears].map((hy) => occurrenceOf(rule, hy)) : [occurrenceOf(rule, year)];
      for (const c of candidates) {
        if (!c || Number(c.startsOn.slice(0, 4)) !== year || list.some((x) => x.occurrence === c.occurrence)) continue;
        const change = replaced.get(c.occurrence);
        if (!change) list.push(c);
        else if (!change.cancelled) {
          list.push({ ...c, startsOn: change.startsOn, endsOn: change.endsOn, source: "staff", ...(change.name ? { name: { literal: change.name } } : {}) });
        }
      }
    }
    for (const c of own) if (Number(c.startsOn.slice(0, 4)) === year) list.push(c);
    list.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.key.localeCompare(b.key));
    years.set(year, list);
    return list;
  }

  /** Closures starting in the years that can reach `from`..`to` (a moved closure may start a year earlier). */
  function around(fromIso: string, toIso: string): Closure[] {
    const out: Closure[] = [];
    for (let y = Number(fromIso.slice(0, 4)) - 1; y <= Number(toIso.slice(0, 4)); y++) out.push(...startingIn(y));
    return out;
  }

  return {
    on(isoDate) {
      // Staff closures first: a day in both is named after what staff said.
      const hits = around(isoDate, isoDate).filter((c) => c.startsOn <= isoDate && isoDate <= c.endsOn);
      return hits.find((c) => c.source === "staff") ?? hits[0] ?? null;
    },
    between(fromIso, toIso) {
      return around(fromIso, toIso).filter((c) => c.endsOn >= fromIso && c.startsOn <= toIso);
    },
    nextOf(key, todayIso) {
      const until = addDays(todayIso, 2 * 366);
      return around(todayIso, until).find((c) => c.key === key && c.endsOn >= todayIso) ?? null;
    },
  };
}
