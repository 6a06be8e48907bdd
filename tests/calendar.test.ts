/**
 * The calendar, as a pure module: weekly hours, Ramadan hours, closures from
 * the profile and from staff, quiet hours, prayer windows, the committee's
 * date. Instants are UTC; Riyadh is UTC+3 (comments give Riyadh time).
 */
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarProfile, type ClosureOverride, type WorkingHours } from "../flows/calendar";
import { isQuietTime, quietEnds } from "../flows/calendar/hours";
import { prayerTimesOn } from "../flows/calendar/prayer";
import { loadProfile } from "../orgs/load";

const maa = loadProfile("maa");
const sumou = loadProfile("sumou"); // in Riyadh

/** A calendar of weekly hours only: no Ramadan hours, no closures. */
function weekly(wh: WorkingHours): ReturnType<typeof createCalendar> {
  const p: CalendarProfile = { ...maa, workingHours: wh, calendar: { ...maa.calendar, ramadanHours: undefined, closures: [] } };
  return createCalendar(p);
}

describe("weekly hours (Riyadh time)", () => {
  // Sunday to Thursday, 08:00–16:00 Riyadh = 05:00–13:00 UTC.
  const wh: WorkingHours = { days: [0, 1, 2, 3, 4], open: "08:00", close: "16:00" };
  const cal = weekly(wh);
  const next = (iso: string) => cal.nextOpening(new Date(iso)).at.toISOString();

  it("is open on Thursday afternoon before closing", () => {
    expect(cal.isOpen(new Date("2026-11-26T12:30:00Z"))).toBe(true); // Thu 15:30
    expect(cal.isOpen(new Date("2026-11-26T12:59:00Z"))).toBe(true); // Thu 15:59
  });

  it("closes at the closing minute and opens at the opening minute", () => {
    expect(cal.isOpen(new Date("2026-11-26T13:00:00Z"))).toBe(false); // Thu 16:00
    expect(cal.isOpen(new Date("2026-11-29T05:00:00Z"))).toBe(true); // Sun 08:00
    expect(cal.isOpen(new Date("2026-11-29T04:59:00Z"))).toBe(false); // Sun 07:59
  });

  it("is closed on Friday and Saturday, even in office hours", () => {
    expect(cal.isOpen(new Date("2026-11-27T07:00:00Z"))).toBe(false); // Fri 10:00
    expect(cal.isOpen(new Date("2026-11-28T07:00:00Z"))).toBe(false); // Sat 10:00
  });

  it("uses Riyadh time, not UTC", () => {
    expect(cal.isOpen(new Date("2026-11-25T14:00:00Z"))).toBe(false); // Wed 17:00
    expect(cal.isOpen(new Date("2026-11-23T07:30:00Z"))).toBe(true); // Mon 10:30
    expect(cal.isOpen(new Date("2026-11-23T05:30:00Z"))).toBe(true); // Mon 08:30
    expect(cal.isOpen(new Date("2026-11-28T23:00:00Z"))).toBe(false); // Sun 02:00
  });

  it("the next opening is now while open", () => {
    const now = new Date("2026-11-26T12:30:00Z");
    const o = cal.nextOpening(now);
    expect(o.openNow).toBe(true);
    expect(o.at).toBe(now);
  });

  it("after Thursday's close the next opening is Sunday 08:00", () => {
    const sunday = "2026-11-29T05:00:00.000Z";
    for (const at of ["2026-11-26T13:00:00Z", "2026-11-26T20:00:00Z", "2026-11-27T07:00:00Z", "2026-11-28T22:00:00Z", "2026-11-29T04:59:00Z"]) {
      expect([at, next(at)]).toEqual([at, sunday]);
    }
  });

  it("on a weekday evening the next opening is the next morning", () => {
    expect(next("2026-11-23T15:00:00Z")).toBe("2026-11-24T05:00:00.000Z"); // Mon 18:00 → Tue 08:00
    expect(next("2026-11-23T03:00:00Z")).toBe("2026-11-23T05:00:00.000Z"); // Mon 06:00 → Mon 08:00
  });

  it("handles a single working day a week", () => {
    const onlyFriday = weekly({ days: [5], open: "16:00", close: "20:00" });
    expect(onlyFriday.nextOpening(new Date("2026-11-27T17:00:00Z")).at.toISOString()).toBe("2026-12-04T13:00:00.000Z");
  });

  it("supports an overnight shift", () => {
    const night = weekly({ days: [4], open: "20:00", close: "02:00" });
    expect(night.isOpen(new Date("2026-11-26T18:00:00Z"))).toBe(true); // Thu 21:00
    expect(night.isOpen(new Date("2026-11-26T22:00:00Z"))).toBe(true); // Fri 01:00 (Thursday's shift)
    expect(night.isOpen(new Date("2026-11-26T23:00:00Z"))).toBe(false); // Fri 02:00
    expect(night.isOpen(new Date("2026-11-25T22:00:00Z"))).toBe(false); // Thu 01:00 (Wednesday off)
  });

  it("rejects malformed times and a week without working days", () => {
    expect(() => weekly({ days: [0], open: "8am", close: "16:00" })).toThrow(RangeError);
    expect(() => weekly({ days: [0], open: "08:00", close: "25:00" })).toThrow(RangeError);
    expect(() => weekly({ days: [], open: "08:00", close: "16:00" }).nextOpening(new Date("2026-11-23T07:00:00Z"))).toThrow(RangeError);
  });
});

describe("quiet hours", () => {
  const quiet = { start: "21:00", end: "08:00" }; // wraps midnight

  it("is quiet late in the evening and early in the morning (Riyadh)", () => {
    expect(isQuietTime(new Date("2026-11-26T18:00:00Z"), quiet)).toBe(true); // 21:00
    expect(isQuietTime(new Date("2026-11-26T21:30:00Z"), quiet)).toBe(true); // 00:30 next day
    expect(isQuietTime(new Date("2026-11-27T04:59:00Z"), quiet)).toBe(true); // 07:59
    expect(isQuietTime(new Date("2026-11-27T05:00:00Z"), quiet)).toBe(false); // 08:00
    expect(isQuietTime(new Date("2026-11-26T17:59:00Z"), quiet)).toBe(false); // 20:59
  });

  it("ends at the next 08:00 Riyadh, or now when not quiet", () => {
    const end = "2026-11-27T05:00:00.000Z";
    expect(quietEnds(new Date("2026-11-26T18:00:00Z"), quiet).toISOString()).toBe(end); // Thu 21:00
    expect(quietEnds(new Date("2026-11-26T21:00:00Z"), quiet).toISOString()).toBe(end); // Fri 00:00
    const now = new Date("2026-11-26T12:30:00Z");
    expect(quietEnds(now, quiet)).toBe(now);
  });

  it("handles a window that does not wrap, and an empty one", () => {
    const nap = { start: "13:00", end: "15:00" };
    expect(isQuietTime(new Date("2026-11-26T10:30:00Z"), nap)).toBe(true); // 13:30
    expect(isQuietTime(new Date("2026-11-26T12:00:00Z"), nap)).toBe(false); // 15:00
    expect(quietEnds(new Date("2026-11-26T10:30:00Z"), nap).toISOString()).toBe("2026-11-26T12:00:00.000Z");
    expect(isQuietTime(new Date("2026-11-26T18:00:00Z"), { start: "21:00", end: "21:00" })).toBe(false);
  });
});

describe("Ramadan and closures (maa: Sun–Thu 08:00–14:00, Ramadan 10:00–15:00)", () => {
  // Ramadan 1448 runs Mon 8 Feb – Mon 8 Mar 2027 (29 days); 1 Shawwal is Tue 9 Mar.
  const cal = createCalendar(maa);

  it("knows the days of Ramadan from the Umm al-Qura calendar", () => {
    expect(cal.day("2027-02-07").ramadan).toBe(false);
    expect(cal.day("2027-02-08")).toMatchObject({ ramadan: true, hijri: { year: 1448, month: 9, day: 1 } });
    expect(cal.day("2027-03-08")).toMatchObject({ ramadan: true, hijri: { month: 9, day: 29 } });
    expect(cal.day("2027-03-09").ramadan).toBe(false);
    expect(cal.season(new Date("2027-03-01T09:00:00Z"))).toBe("ramadan:1448");
    expect(cal.season(new Date("2027-04-01T09:00:00Z"))).toBeNull();
  });

  it("keeps Ramadan hours in Ramadan", () => {
    expect(cal.isOpen(new Date("2027-03-01T05:30:00Z"))).toBe(false); // Mon 08:30: open on a normal day
    expect(cal.isOpen(new Date("2027-03-01T07:30:00Z"))).toBe(true); // Mon 10:30
    expect(cal.isOpen(new Date("2027-03-01T11:30:00Z"))).toBe(true); // Mon 14:30: closed on a normal day
    expect(cal.isOpen(new Date("2027-03-01T12:00:00Z"))).toBe(false); // Mon 15:00
  });

  it("27 Ramadan in the evening (a Saturday): Sunday 28 Ramadan at 10:00, Ramadan hours", () => {
    const o = cal.nextOpening(new Date("2027-03-06T17:00:00Z")); // Sat 20:00
    expect(o.at.toISOString()).toBe("2027-03-07T07:00:00.000Z");
    expect(o).toMatchObject({ openNow: false, after: null, ramadan: true, hours: { open: "10:00", close: "15:00" } });
  });

  it("the eve of Eid: after Eid al-Fitr (1–4 Shawwal, Tue–Fri) and the weekend, Sunday 6 Shawwal 08:00", () => {
    const o = cal.nextOpening(new Date("2027-03-08T13:00:00Z")); // Mon 29 Ramadan, 16:00
    expect(o.at.toISOString()).toBe("2027-03-14T05:00:00.000Z");
    expect(o.after).toMatchObject({ key: "eid_fitr", occurrence: "eid_fitr:1448", startsOn: "2027-03-09", endsOn: "2027-03-12" });
    expect(o.ramadan).toBe(false);
    expect(cal.day("2027-03-14").hijri).toEqual({ year: 1448, month: 10, day: 6 });
  });

  it("National Day (Thursday 23 September 2027): closed, next Sunday 08:00 after it", () => {
    expect(cal.isOpen(new Date("2027-09-23T07:00:00Z"))).toBe(false);
    const o = cal.nextOpening(new Date("2027-09-23T07:00:00Z"));
    expect(o.at.toISOString()).toBe("2027-09-26T05:00:00.000Z");
    expect(o.after?.key).toBe("national_day");
  });

  it("a normal Thursday afternoon: Sunday 08:00, no closure named", () => {
    const o = cal.nextOpening(new Date("2026-11-26T12:00:00Z")); // Thu 15:00
    expect(o.at.toISOString()).toBe("2026-11-29T05:00:00.000Z");
    expect(o.after).toBeNull();
  });

  it("Founding Day closes even in Ramadan; Eid al-Adha is 9–12 Dhu al-Hijjah", () => {
    expect(cal.day("2027-02-22")).toMatchObject({ ramadan: true, hours: null, closure: { key: "founding_day" } });
    expect(cal.closures("2027-05-01", "2027-05-31").map((c) => [c.key, c.startsOn, c.endsOn])).toEqual([["eid_adha", "2027-05-15", "2027-05-18"]]);
  });

  it("a Hijri 30th the month lacks starts the day after the 29th, and ends on the 29th", () => {
    const p: CalendarProfile = {
      ...maa,
      calendar: { ...maa.calendar, closures: [{ id: "end_of_ramadan", name: { ar: "أواخر رمضان", en: "End of Ramadan" }, hijri: { from: "09-30", to: "10-02" } }] },
    };
    const c = createCalendar(p).closures("2027-03-01", "2027-03-31");
    expect(c.map((x) => [x.startsOn, x.endsOn])).toEqual([["2027-03-09", "2027-03-10"]]); // Ramadan 1448 has 29 days
  });
});

describe("staff closures win over the profile", () => {
  const eve = new Date("2027-03-08T13:00:00Z"); // Mon 29 Ramadan 1448, 16:00

  it("Eid moved a day later: Tuesday is still a working day", () => {
    const moved: ClosureOverride = { id: 1, replaces: "eid_fitr:1448", name: null, startsOn: "2027-03-10", endsOn: "2027-03-13", cancelled: false };
    const cal = createCalendar(maa, [moved]);
    const o = cal.nextOpening(eve);
    expect(o.at.toISOString()).toBe("2027-03-09T05:00:00.000Z");
    expect(o.after).toBeNull();
    expect(cal.day("2027-03-10").closure).toMatchObject({ key: "eid_fitr", source: "staff", name: { localized: { en: "Eid al-Fitr" } } });
  });

  it("a closure of their own lengthens the break and is named as typed", () => {
    const own: ClosureOverride = { id: 7, replaces: null, name: "صيانة المقر", startsOn: "2027-03-14", endsOn: "2027-03-14", cancelled: false };
    const o = createCalendar(maa, [own]).nextOpening(eve);
    expect(o.at.toISOString()).toBe("2027-03-15T05:00:00.000Z");
    expect(o.after).toMatchObject({ key: "s7", name: { literal: "صيانة المقر" } });
  });

  it("a cancelled occurrence opens the office; a withdrawn closure of their own is gone", () => {
    const cal = createCalendar(maa, [
      { id: 1, replaces: "national_day:2027", name: null, startsOn: "2027-09-23", endsOn: "2027-09-23", cancelled: true },
      { id: 2, replaces: null, name: "x", startsOn: "2027-09-22", endsOn: "2027-09-22", cancelled: true },
    ]);
    expect(cal.isOpen(new Date("2027-09-23T07:00:00Z"))).toBe(true);
    expect(cal.isOpen(new Date("2027-09-22T07:00:00Z"))).toBe(true);
    expect(cal.isOpen(new Date("2028-09-24T07:00:00Z"))).toBe(true); // Sunday: other years keep their days off
    expect(cal.day("2028-09-23").closure?.key).toBe("national_day");
  });

  it("finds the occurrence in progress or next, to shift it", () => {
    const cal = createCalendar(maa);
    expect(cal.nextClosure("eid_fitr", "2027-03-10")?.occurrence).toBe("eid_fitr:1448");
    expect(cal.nextClosure("eid_fitr", "2027-03-13")?.occurrence).toBe("eid_fitr:1449");
    expect(cal.nextClosure("nothing", "2027-03-13")).toBeNull();
  });
});

describe("when a proactive message may go (sumou, Riyadh)", () => {
  const cal = createCalendar(sumou);
  const riyadh = sumou.calendar.location;

  it("Friday prayer: bulk messages wait until the window after Dhuhr ends; a notice does not", () => {
    const { dhuhr } = prayerTimesOn("2026-11-27", riyadh);
    // Dhuhr in Riyadh on a late-November Friday is about 11:40 (08:40 UTC).
    expect(dhuhr.getTime()).toBeGreaterThan(Date.parse("2026-11-27T08:30:00Z"));
    expect(dhuhr.getTime()).toBeLessThan(Date.parse("2026-11-27T08:55:00Z"));
    const during = new Date(dhuhr.getTime() + 10 * 60_000);
    const w = cal.prayerWindowAt(during);
    expect(w).toMatchObject({ kind: "friday", prayer: dhuhr });
    expect(cal.sendTime(during, "bulk").getTime()).toBe(dhuhr.getTime() + 60 * 60_000);
    expect(cal.sendTime(during, "notice")).toBe(during);
    expect(cal.prayerWindowAt(new Date(dhuhr.getTime() - 31 * 60_000))).toBeNull();
    expect(cal.prayerWindowAt(new Date(dhuhr.getTime() + 60 * 60_000))).toBeNull();
  });

  it("no Friday window on other days", () => {
    const { dhuhr } = prayerTimesOn("2026-11-26", riyadh);
    expect(cal.prayerWindowAt(dhuhr)).toBeNull();
  });

  it("iftar in Ramadan: around Maghrib, every day of Ramadan only", () => {
    const { maghrib } = prayerTimesOn("2027-03-01", riyadh);
    expect(maghrib.getTime()).toBeGreaterThan(Date.parse("2027-03-01T14:40:00Z")); // about 17:55 Riyadh
    expect(maghrib.getTime()).toBeLessThan(Date.parse("2027-03-01T15:10:00Z"));
    expect(cal.prayerWindowAt(maghrib)).toMatchObject({ kind: "iftar" });
    expect(cal.sendTime(new Date(maghrib.getTime() - 5 * 60_000), "bulk").getTime()).toBe(maghrib.getTime() + 40 * 60_000);
    const outside = prayerTimesOn("2027-04-01", riyadh).maghrib;
    expect(cal.prayerWindowAt(outside)).toBeNull();
  });

  it("quiet hours hold both kinds until 08:00", () => {
    const night = new Date("2026-11-26T20:00:00Z"); // Thu 23:00
    expect(cal.sendTime(night, "bulk").toISOString()).toBe("2026-11-27T05:00:00.000Z");
    expect(cal.sendTime(night, "notice").toISOString()).toBe("2026-11-27T05:00:00.000Z");
  });
});

describe("the committee's date", () => {
  it("counts calendar days, ending on a working day", () => {
    const cal = createCalendar(maa);
    expect(cal.decisionDate(new Date("2026-11-22T09:00:00Z"))).toBe("2026-12-06"); // Sunday + 14: a Sunday
    expect(cal.decisionDate(new Date("2026-11-27T09:00:00Z"))).toBe("2026-12-13"); // Friday + 14: Friday → Sunday
    expect(cal.decisionDate(new Date("2027-02-24T09:00:00Z"))).toBe("2027-03-14"); // + 14 is in Eid → after it
  });

  it("counts working days where the profile says so (weekends and Eid do not count)", () => {
    const cal = createCalendar({ ...maa, committee: { ...maa.committee, decisionPeriodIn: "workingDays" } });
    expect(cal.decisionDate(new Date("2026-11-22T09:00:00Z"))).toBe("2026-12-10");
    expect(cal.decisionDate(new Date("2027-03-01T09:00:00Z"))).toBe("2027-03-24");
    expect(cal.addWorkingDays("2027-03-08", 1)).toBe("2027-03-14");
  });
});
