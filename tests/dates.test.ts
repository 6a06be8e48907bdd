import { describe, it, expect } from "vitest";
import {
  addDays,
  formatDualDate,
  gregorianToHijri,
  hijriToGregorian,
  parseDateInput,
  parseDateOfBirth,
  riyadhDate,
  riyadhParts,
} from "../flows/dates";

/** Known Umm al-Qura pairs (checked against ICU). */
const KNOWN_PAIRS: Array<[hijri: [number, number, number], gregorian: [number, number, number]]> = [
  [[1445, 9, 1], [2024, 3, 11]], // 1 Ramadan 1445
  [[1446, 1, 1], [2024, 7, 7]], // 1 Muharram 1446
  [[1447, 10, 1], [2026, 3, 20]], // 1 Shawwal 1447
  [[1445, 10, 1], [2024, 4, 10]], // Eid al-Fitr 1445 (Ramadan 1445 had 30 days)
  [[1448, 6, 13], [2026, 11, 23]],
];
const cd = ([year, month, day]: [number, number, number]) => ({ year, month, day });

/** A fixed "now": Monday 2026-11-23 10:00 in Riyadh. */
const NOW = new Date("2026-11-23T07:00:00Z");

describe("gregorianToHijri / hijriToGregorian", () => {
  it.each(KNOWN_PAIRS)("%j ↔ %j", (h, g) => {
    expect(gregorianToHijri(cd(g))).toEqual(cd(h));
    expect(hijriToGregorian(cd(h))).toEqual(cd(g));
  });

  it("round-trips every day over several years", () => {
    let ms = Date.UTC(2023, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    for (; ms < end; ms += 86_400_000) {
      const t = new Date(ms);
      const g = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
      expect(hijriToGregorian(gregorianToHijri(g))).toEqual(g);
    }
  });

  it("round-trips dates of birth long ago", () => {
    for (const g of [{ year: 1900, month: 1, day: 1 }, { year: 1935, month: 6, day: 15 }, { year: 1970, month: 12, day: 31 }]) {
      expect(hijriToGregorian(gregorianToHijri(g))).toEqual(g);
    }
  });

  it("returns null for Hijri dates that do not exist", () => {
    // Muharram 1445 has 29 days: 29 Muharram is 2023-08-16, 1 Safar is 2023-08-17.
    expect(hijriToGregorian({ year: 1445, month: 1, day: 29 })).toEqual({ year: 2023, month: 8, day: 16 });
    expect(hijriToGregorian({ year: 1445, month: 2, day: 1 })).toEqual({ year: 2023, month: 8, day: 17 });
    expect(hijriToGregorian({ year: 1445, month: 1, day: 30 })).toBeNull();
    expect(hijriToGregorian({ year: 1445, month: 5, day: 30 })).toBeNull();
    // Ramadan 1447 has 30 days in ICU's Umm al-Qura table (1 Shawwal 1447 = 2026-03-20).
    expect(hijriToGregorian({ year: 1447, month: 9, day: 30 })).toEqual({ year: 2026, month: 3, day: 19 });
    expect(hijriToGregorian({ year: 1445, month: 9, day: 30 })).toEqual({ year: 2024, month: 4, day: 9 });
    expect(hijriToGregorian({ year: 1445, month: 13, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: 1445, month: 0, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: 1445, month: 1, day: 31 })).toBeNull();
    expect(hijriToGregorian({ year: 1445, month: 1, day: 0 })).toBeNull();
    expect(hijriToGregorian({ year: 1445.5, month: 1, day: 1 })).toBeNull();
  });

  it("rejects invalid Gregorian input", () => {
    expect(() => gregorianToHijri({ year: 2020, month: 2, day: 30 })).toThrow(RangeError);
    expect(() => gregorianToHijri({ year: 2021, month: 13, day: 1 })).toThrow(RangeError);
  });
});

describe("parseDateInput", () => {
  it.each([
    ["11/3/2024", "2024-03-11"],
    ["11-03-2024", "2024-03-11"],
    ["11.03.2024", "2024-03-11"],
    ["11 3 2024", "2024-03-11"],
    ["2024/03/11", "2024-03-11"],
    ["2024-03-11", "2024-03-11"],
    ["2024-3-11", "2024-03-11"],
    ["١١/٣/٢٠٢٤", "2024-03-11"],
    ["٢٠٢٤-٠٣-١١", "2024-03-11"],
    ["11/3/2024 م", "2024-03-11"],
    ["11/3/2024م", "2024-03-11"],
    ["11/3/2024 AD", "2024-03-11"],
    ["  11 / 3 / 2024  ", "2024-03-11"],
    ["\u200f١١/٣/٢٠٢٤\u200f", "2024-03-11"],
    ["29/2/2024", "2024-02-29"],
  ])("reads Gregorian %j", (input, iso) => {
    expect(parseDateInput(input, NOW)).toEqual({ ok: true, value: { gregorian: iso, calendar: "gregorian" } });
  });

  it.each([
    ["1/9/1445", "2024-03-11"],
    ["01-09-1445", "2024-03-11"],
    ["1445/09/01", "2024-03-11"],
    ["1445-9-1", "2024-03-11"],
    ["١/٩/١٤٤٥ هـ", "2024-03-11"],
    ["١٤٤٥/٩/١هـ", "2024-03-11"],
    ["1/9/1445 ه", "2024-03-11"],
    ["1/9/1445 AH", "2024-03-11"],
    ["1.1.1446", "2024-07-07"],
    ["1/10/1447", "2026-03-20"],
    ["30/9/1447", "2026-03-19"], // Ramadan 1447 has 30 days in Umm al-Qura
    ["15/7/1400", "1980-05-30"],
  ])("reads Hijri %j", (input, iso) => {
    expect(parseDateInput(input, NOW)).toEqual({ ok: true, value: { gregorian: iso, calendar: "hijri" } });
  });

  it.each([
    "31/02/2020",
    "29/02/2023",
    "31/4/2024",
    "0/1/2020",
    "1/13/2020",
    "30/5/1445", // Jumada I 1445 has 29 days
    "30/1/1445", // Muharram 1445 has 29 days
    "1/1/24", // two-digit year: ambiguous
    "24/1/1",
    "1/1/0000",
    "",
    "امس",
    "2024/03",
    "11/3/2024/1",
    "1/9/1445 م", // Gregorian suffix on a Hijri year
    "11/3/2024 هـ", // Hijri suffix on a Gregorian year
  ])("rejects %j as invalid", (input) => {
    expect(parseDateInput(input, NOW)).toEqual({ ok: false, error: "date_invalid" });
  });

  it("rejects dates after today in Riyadh", () => {
    expect(parseDateInput("24/11/2026", NOW)).toEqual({ ok: false, error: "date_future" });
    expect(parseDateInput("1/1/1460", NOW)).toEqual({ ok: false, error: "date_future" });
    expect(parseDateInput("23/11/2026", NOW).ok).toBe(true);
  });

  it("uses the Riyadh date, not the UTC date, for 'today'", () => {
    // 22:30 UTC on 2026-11-22 is already 01:30 on 2026-11-23 in Riyadh.
    const lateUtc = new Date("2026-11-22T22:30:00Z");
    expect(parseDateInput("2026-11-23", lateUtc).ok).toBe(true);
    // 20:30 UTC on 2026-11-22 is 23:30 on 2026-11-22 in Riyadh.
    const earlier = new Date("2026-11-22T20:30:00Z");
    expect(parseDateInput("2026-11-23", earlier)).toEqual({ ok: false, error: "date_future" });
  });

  it("allows future dates when asked", () => {
    expect(parseDateInput("1/1/2030", NOW, { allowFuture: true })).toEqual({
      ok: true,
      value: { gregorian: "2030-01-01", calendar: "gregorian" },
    });
    expect(parseDateInput("1/10/1448", NOW, { allowFuture: true }).ok).toBe(true);
  });

  it("rejects dates more than 130 years back (or the given limit)", () => {
    expect(parseDateInput("23/11/1896", NOW).ok).toBe(true);
    expect(parseDateInput("22/11/1896", NOW)).toEqual({ ok: false, error: "date_too_old" });
    expect(parseDateInput("1/1/1300", NOW)).toEqual({ ok: false, error: "date_too_old" });
    expect(parseDateInput("1/1/2000", NOW, { maxYearsBack: 20 })).toEqual({ ok: false, error: "date_too_old" });
    expect(parseDateInput("1/1/2010", NOW, { maxYearsBack: 20 }).ok).toBe(true);
  });

  it("parseDateOfBirth behaves the same", () => {
    expect(parseDateOfBirth("١٥/٧/١٤٠٠ هـ", NOW)).toEqual({ ok: true, value: { gregorian: "1980-05-30", calendar: "hijri" } });
    expect(parseDateOfBirth("1/1/2030", NOW)).toEqual({ ok: false, error: "date_future" });
  });
});

describe("formatDualDate", () => {
  it("formats Arabic with Hijri first and Latin digits", () => {
    const s = formatDualDate("2026-11-23", "ar");
    expect(s).toContain("1448");
    expect(s).toContain("2026");
    expect(s).toContain("نوفمبر");
    expect(s).toContain("جمادى");
    expect(s).toContain("هـ");
    expect(s).not.toMatch(/[٠-٩]/);
    expect(s).toMatch(/^13 \S.* 1448 هـ \(23 نوفمبر 2026 م\)$/);
    expect(s.indexOf("1448")).toBeLessThan(s.indexOf("2026"));
  });

  it("formats English", () => {
    expect(formatDualDate("2026-11-23", "en")).toBe("13 Jumada II 1448 AH (23 November 2026)");
    expect(formatDualDate("2024-03-11", "en")).toMatch(/^1 Ramadan 1445 AH \(11 March 2024\)$/);
  });

  it("formats Urdu with Latin digits", () => {
    const s = formatDualDate("2026-11-23", "ur");
    expect(s).toMatch(/^13 .+ 1448 .+\(23 .+ 2026.*\)$/);
    expect(s).not.toMatch(/[۰-۹٠-٩]/);
  });

  it("does not shift date-only strings by the time zone", () => {
    expect(formatDualDate("2024-03-11", "en")).toContain("11 March 2024");
    expect(formatDualDate("2024-07-07", "en")).toContain("1 Muharram 1446");
  });

  it("shows instants on their Riyadh date", () => {
    // 22:30 UTC on 10 March is 01:30 on 11 March (1 Ramadan) in Riyadh.
    expect(formatDualDate(new Date("2024-03-10T22:30:00Z"), "en")).toBe("1 Ramadan 1445 AH (11 March 2024)");
    expect(formatDualDate("2024-03-10T22:30:00Z", "en")).toBe("1 Ramadan 1445 AH (11 March 2024)");
    expect(formatDualDate(new Date("2024-03-10T20:30:00Z"), "en")).toContain("10 March 2024");
  });

  it("throws on an invalid date", () => {
    expect(() => formatDualDate("2024-02-30", "ar")).toThrow(RangeError);
    expect(() => formatDualDate("not a date", "ar")).toThrow(RangeError);
    expect(() => formatDualDate(new Date(Number.NaN), "en")).toThrow(RangeError);
  });
});

describe("riyadhDate / riyadhParts", () => {
  it("uses UTC+3", () => {
    expect(riyadhDate(new Date("2026-11-26T20:59:00Z"))).toBe("2026-11-26");
    expect(riyadhDate(new Date("2026-11-26T21:00:00Z"))).toBe("2026-11-27");
    expect(riyadhParts(new Date("2026-11-26T12:30:00Z"))).toEqual({
      year: 2026,
      month: 11,
      day: 26,
      hour: 15,
      minute: 30,
      weekday: 4, // Thursday
    });
    expect(riyadhParts(new Date("2026-12-31T21:05:00Z"))).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0, minute: 5, weekday: 5 });
  });
});

describe("addDays", () => {
  it("adds and subtracts across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-11-23", 0)).toBe("2026-11-23");
    expect(addDays("2026-11-23", 365)).toBe("2027-11-23");
  });

  it("rejects invalid input", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("23/11/2026", 1)).toThrow(RangeError);
    expect(() => addDays("2026-11-23", 1.5)).toThrow(RangeError);
  });
});
