/**
 * The calendar part of a profile is validated at start: a bad Hijri range
 * (or any calendar field) stops start-up with a message naming the file and
 * the field, from loadProfile and from running bot/main.ts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../bot/errors";
import { loadProfile, parseProfile } from "../orgs/load";

const root = fileURLToPath(new URL("..", import.meta.url));
const maaJson = (): any => JSON.parse(fs.readFileSync(path.join(root, "orgs/maa.json"), "utf8"));

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error("expected a ConfigError, nothing was thrown");
}

/** A profile folder holding `json` as bad.json. */
function folderWith(json: any): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-orgs-"));
  fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ ...json, slug: "bad" }, null, 2));
  return dir;
}

describe("calendar fields of a profile", () => {
  it("names a Hijri day that cannot be, a month out of range and a range that runs backwards", () => {
    const json = maaJson();
    json.calendar.closures[0].hijri = { from: "10-31", to: "10-04" };
    json.calendar.closures[1].hijri = { from: "13-09", to: "13-12" };
    json.calendar.closures.push({ id: "reversed", name: { ar: "س", en: "x" }, hijri: { from: "10-05", to: "10-01" } });
    const message = errorOf(() => parseProfile(json, "orgs/maa.json"));
    expect(message.startsWith("orgs/maa.json: ")).toBe(true);
    expect(message).toContain('calendar.closures[0].hijri.from: "10-31": a Hijri day is 1 to 30');
    expect(message).toContain('calendar.closures[1].hijri.from: "13-09": a Hijri month is 1 to 12');
    expect(message).toContain('calendar.closures[4].hijri.to: "10-01" is before "10-05"');
  });

  it("names other calendar mistakes: a shape, a span, both calendars, a leap day, hours, coordinates, an FAQ", () => {
    const json = maaJson();
    json.calendar.closures[0].hijri = { from: "1448/10/01" };
    json.calendar.closures[1].hijri = { from: "11-01", to: "12-20" };
    json.calendar.closures[2].hijri = { from: "01-01" };
    json.calendar.closures[3].gregorian = { from: "02-29" };
    json.calendar.ramadanHours.open = "10";
    json.calendar.location.latitude = 46.7;
    json.calendar.hoursFaqs = ["opening_times"];
    const message = errorOf(() => parseProfile(json, "orgs/maa.json"));
    expect(message).toContain('calendar.closures[0].hijri.from: "1448/10/01" is not a Hijri (Umm al-Qura) date');
    expect(message).toContain("calendar.closures[1].hijri.to: a closure is at most 31 days");
    expect(message).toContain('calendar.closures[2].hijri: closure "founding_day" needs exactly one of "hijri" or "gregorian"');
    expect(message).toContain('calendar.closures[3].gregorian.from: "02-29" is not a real Gregorian day every year');
    expect(message).toContain("calendar.ramadanHours.open: expected HH:MM");
    expect(message).toContain("calendar.location.latitude: ");
    expect(message).toContain('calendar.hoursFaqs[0]: no FAQ with id "opening_times"');
  });

  it("requires the calendar (the city is needed for prayer times) and accepts the five shipped ones", () => {
    const json = maaJson();
    delete json.calendar;
    expect(errorOf(() => parseProfile(json, "orgs/maa.json"))).toBe("orgs/maa.json: calendar: required field is missing (expected object)");
    for (const slug of ["maa", "sumou", "jaliyat_badr", "banan", "hayat"]) {
      const p = loadProfile(slug);
      expect(p.calendar.closures.map((c) => c.id)).toEqual(["eid_fitr", "eid_adha", "founding_day", "national_day"]);
      expect(p.calendar.ramadanHours).toBeDefined();
    }
  });

  it("loadProfile stops on a bad Hijri range, naming the file and the field", () => {
    const json = maaJson();
    json.calendar.closures[0].hijri = { from: "10-01", to: "10-40" };
    const dir = folderWith(json);
    const message = errorOf(() => loadProfile("bad", { dir }));
    expect(message).toMatch(/bad\.json: calendar\.closures\[0\]\.hijri\.to: "10-40": a Hijri day is 1 to 30$/);
  });

  it("bot/main.ts does not start with it: exit 1 and the message on stderr", () => {
    const json = maaJson();
    json.calendar.closures[1].hijri = { from: "12-13", to: "12-09" };
    const orgs = folderWith(json);
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "sila-data-"));
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      input: "",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: data, ORG: "bad", ORGS_DIR: orgs, LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^sila: .*bad\.json: calendar\.closures\[1\]\.hijri\.to: "12-09" is before "12-13"/);
    expect(fs.existsSync(path.join(data, "sila.sqlite"))).toBe(false);
  }, 90_000);
});
