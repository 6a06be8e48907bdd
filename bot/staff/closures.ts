/**
 * Closures changed by staff: add one ("1448-10-01..1448-10-04 Eid al-Fitr"),
 * shift one by days (Eid a day later when the moon was sighted differently),
 * withdraw one, list what is coming. Each change is stored, audited in the
 * same transaction, and wins over the profile at once (the running
 * calendar reads the closures again). The staff chat commands and, later,
 * the desk call the same functions.
 */
import type { Kysely } from "kysely";
import { insertClosure, listClosures, replaceOccurrence, updateOwnClosure } from "../../db/calendar";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/repo";
import type { Closure } from "../../flows/calendar";
import { MAX_CLOSURE_DAYS } from "../../orgs/calendar";
import { addDays, parseDateInput, riyadhDate } from "../../flows/dates";
import { normalizeArabic, toLatinDigits } from "../../flows/text/arabic";
import { sanitizeFreeText } from "../../flows/validate";
import type { CalendarSource } from "../calendar";
import { recordAudit } from "./audit";
import type { StaffActor } from "./types";

export interface ClosureDeps {
  db: Kysely<Database>;
  calendar: CalendarSource;
  clock: () => Date;
}

export type ClosureChange =
  /** Dates as typed: Hijri (Umm al-Qura, year below 1600) or Gregorian, "YYYY-MM-DD" or "DD/MM/YYYY". */
  | { kind: "add"; from: string; to: string; name: string }
  /** `key`: a profile closure ("eid_fitr": its occurrence in progress or next) or one staff added ("s3"). */
  | { kind: "shift"; key: string; days: number }
  | { kind: "remove"; key: string };

export type ClosureError = "invalid_date" | "reversed" | "too_long" | "past" | "no_name" | "not_found" | "bad_shift";

export type ClosureResult =
  | { ok: true; change: ClosureChange["kind"]; closure: Closure }
  | { ok: false; error: ClosureError };

/** Longest shift accepted at once (a moon sighting moves Eid by a day or two). */
const MAX_SHIFT_DAYS = 10;

/** Closures from today on, as the calendar sees them now (profile and staff), by start date. */
export async function upcomingClosures(deps: ClosureDeps, days = 366): Promise<Closure[]> {
  const today = riyadhDate(deps.clock());
  return (await deps.calendar.get()).closures(today, addDays(today, days));
}

/** Applies a staff change to the closures; audited with the actor. */
export async function changeClosure(deps: ClosureDeps, actor: StaffActor, change: ClosureChange): Promise<ClosureResult> {
  const now = deps.clock();
  const at = now.toISOString();
  const today = riyadhDate(now);
  const by = `staff:${actor.channel}:${actor.userId}`;
  const calendar = await deps.calendar.get();
  const audit = (db: Executor, target: string | null, detail: string | null) =>
    recordAudit(db, { actor, action: `closure_${change.kind}`, target, allowed: true, detail, at });
  const refuse = async (error: ClosureError, target: string | null = null): Promise<ClosureResult> => {
    await audit(deps.db, target, error);
    return { ok: false, error };
  };

  let result: Closure;
  if (change.kind === "add") {
    const name = sanitizeFreeText(change.name, 60);
    if (name === "") return refuse("no_name");
    const from = parseDateInput(change.from, now, { allowFuture: true, maxYearsBack: 1 });
    const to = parseDateInput(change.to, now, { allowFuture: true, maxYearsBack: 1 });
    if (!from.ok || !to.ok) return refuse("invalid_date");
    const startsOn = from.value.gregorian;
    const endsOn = to.value.gregorian;
    if (endsOn < startsOn) return refuse("reversed");
    if (addDays(startsOn, MAX_CLOSURE_DAYS - 1) < endsOn) return refuse("too_long");
    if (endsOn < today) return refuse("past");
    const id = await deps.db.transaction().execute(async (trx) => {
      const id = await insertClosure(trx, { name, startsOn, endsOn, by, at });
      await audit(trx, `s${id}`, `${startsOn}..${endsOn}`);
      return id;
    });
    result = { key: `s${id}`, occurrence: `s${id}`, name: { literal: name }, startsOn, endsOn, source: "staff" };
  } else {
    const key = change.key.trim().toLowerCase();
    const own = /^s(\d+)$/.exec(key);
    const current = own ? (await listClosures(deps.db)).find((c) => c.id === Number(own[1]) && c.replaces === null && !c.cancelled) : null;
    const found: Closure | null = own
      ? current
        ? { key, occurrence: key, name: { literal: current.name ?? key }, startsOn: current.startsOn, endsOn: current.endsOn, source: "staff" }
        : null
      : calendar.nextClosure(key, today);
    if (!found || found.endsOn < today) return refuse("not_found", key);
    const days = change.kind === "shift" ? change.days : 0;
    if (change.kind === "shift" && (!Number.isInteger(days) || days === 0 || Math.abs(days) > MAX_SHIFT_DAYS)) return refuse("bad_shift", key);
    const startsOn = addDays(found.startsOn, days);
    const endsOn = addDays(found.endsOn, days);
    const cancelled = change.kind === "remove";
    await deps.db.transaction().execute(async (trx) => {
      if (own) await updateOwnClosure(trx, Number(own[1]), { startsOn, endsOn, cancelled, by, at });
      else await replaceOccurrence(trx, { replaces: found.occurrence, startsOn, endsOn, cancelled, by, at });
      await audit(trx, found.occurrence, cancelled ? "cancelled" : `${startsOn}..${endsOn}`);
    });
    result = { ...found, startsOn, endsOn, source: "staff" };
  }
  deps.calendar.changed();
  return { ok: true, change: change.kind, closure: result };
}

const SUB: Record<ClosureChange["kind"], readonly string[]> = {
  add: ["add", "new", "اضافه", "اضف", "جديد"],
  shift: ["shift", "move", "تاجيل", "تحريك", "نقل", "ازاحه"],
  remove: ["remove", "cancel", "delete", "الغاء", "حذف", "احذف"],
};

/** The sub-command of "/closure" as typed (any hamza form), or null. */
export function closureSub(word: string | null): ClosureChange["kind"] | null {
  if (!word) return null;
  const w = normalizeArabic(word.toLowerCase());
  for (const [kind, words] of Object.entries(SUB) as [ClosureChange["kind"], readonly string[]][]) {
    if (words.some((x) => normalizeArabic(x) === w)) return kind;
  }
  return null;
}

/**
 * Reads the arguments of "/closure add|shift|remove": `1448-10-01..1448-10-04 "Eid al-Fitr"`
 * (one date for one day; quotes, «» or none around the name), `eid_fitr +1`, `s3`. Null when
 * they do not fit.
 */
export function parseClosureArgs(kind: ClosureChange["kind"], rest: string): ClosureChange | null {
  const text = toLatinDigits(rest).trim();
  if (kind === "add") {
    const m = /^(\S+?)(?:\s*(?:\.\.|…|–|—)\s*(\S+))?\s+(.+)$/su.exec(text);
    if (!m) return null;
    const name = m[3]!.trim().replace(/^["“”'«]+|["“”'»]+$/g, "").trim();
    return { kind, from: m[1]!, to: m[2] ?? m[1]!, name };
  }
  const m = /^(\S+)(?:\s+([+-−]?\d+))?\s*$/u.exec(text);
  if (!m) return null;
  if (kind === "remove") return m[2] === undefined ? { kind, key: m[1]! } : null;
  if (m[2] === undefined) return null;
  return { kind, key: m[1]!, days: Number(m[2].replace("−", "-")) };
}
