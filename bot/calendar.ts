/**
 * The running installation's calendar: the profile's calendar with the
 * closures staff added or moved (read from the database once, and again
 * after staff change one). The engine, the scheduler's jobs, decisions,
 * broadcasts and the outbox ask it; it is the only way to the hours.
 */
import type { Kysely } from "kysely";
import { listClosures } from "../db/calendar";
import type { Database } from "../db/schema";
import { createCalendar, type Calendar } from "../flows/calendar";
import type { Profile } from "../orgs/schema";

export interface CalendarSource {
  /** The calendar with the staff's closures as last read. */
  get(): Promise<Calendar>;
  /** Staff changed a closure: the next `get` reads them again. */
  changed(): void;
}

export function createCalendarSource(db: Kysely<Database>, profile: Profile): CalendarSource {
  let current: Promise<Calendar> | null = null;
  let generation = 0;
  const load = (): Promise<Calendar> => {
    const mine = generation;
    const loading = listClosures(db).then((rows) => createCalendar(profile, rows));
    current = loading;
    // A failed read is not kept: the next question reads again (the error reaches the caller).
    loading.catch(() => {
      if (current === loading && generation === mine) current = null;
    });
    return loading;
  };
  return {
    get: () => current ?? load(),
    changed() {
      generation++;
      current = null;
    },
  };
}
