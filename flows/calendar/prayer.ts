/**
 * Prayer windows for the association's city, from `adhan` with the Umm
 * al-Qura method: Friday prayer (a window around Dhuhr on Fridays) and, in
 * Ramadan, iftar (a window around Maghrib). Proactive messages that can wait
 * (survey invitations, reminders, broadcasts) wait them out.
 */
import { CalculationMethod, Coordinates, PrayerTimes } from "adhan";
import { parseIso } from "../dates";

export type PrayerWindowKind = "friday" | "iftar";

export interface PrayerWindow {
  kind: PrayerWindowKind;
  /** When the prayer is due (Dhuhr on Friday, Maghrib for iftar). */
  prayer: Date;
  start: Date;
  end: Date;
}

export interface WindowSpec {
  beforeMinutes: number;
  afterMinutes: number;
}

export interface Location {
  latitude: number;
  longitude: number;
}

const PARAMS = CalculationMethod.UmmAlQura();

/** Dhuhr and Maghrib of a Riyadh calendar day (YYYY-MM-DD) at `location`. */
export function prayerTimesOn(isoDate: string, location: Location): { dhuhr: Date; maghrib: Date } {
  const d = parseIso(isoDate);
  if (!d) throw new RangeError(`prayerTimesOn: invalid date ${isoDate}`);
  // adhan reads the day from the local fields of the Date it is given, whatever the process's zone.
  const times = new PrayerTimes(new Coordinates(location.latitude, location.longitude), new Date(d.year, d.month - 1, d.day), PARAMS);
  return { dhuhr: times.dhuhr, maghrib: times.maghrib };
}

/** The window of `kind` around `prayer`. */
export function windowAround(kind: PrayerWindowKind, prayer: Date, spec: WindowSpec): PrayerWindow {
  return {
    kind,
    prayer,
    start: new Date(prayer.getTime() - spec.beforeMinutes * 60_000),
    end: new Date(prayer.getTime() + spec.afterMinutes * 60_000),
  };
}
