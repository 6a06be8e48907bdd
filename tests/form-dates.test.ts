/**
 * Dates and places inside forms, through the engine, for two associations:
 * month names (Hijri and Gregorian, Arabic and English), either order,
 * Arabic-Indic digits and «هـ»/«م»; each date field's own rule with an error
 * naming it; an answer that reads two ways confirmed in Hijri and Gregorian;
 * the example shown accepted as shown; a location pin or a typed district.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./helpers";
import { draftAnswers, formUntil, said } from "./form-helpers";
import { hijriToGregorian } from "../flows/dates";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

describe.each(["maa", "hayat"])("a date of birth (%s)", (org) => {
  const program = org === "maa" ? "tank_installation" : "patient_support";
  it.each([
    ["3 رمضان 1410", iso(hijriToGregorian({ year: 1410, month: 9, day: 3 })!), "hijri"],
    ["٣ رمضان ١٤١٠هـ", iso(hijriToGregorian({ year: 1410, month: 9, day: 3 })!), "hijri"],
    ["1410 رمضان 3", iso(hijriToGregorian({ year: 1410, month: 9, day: 3 })!), "hijri"],
    ["١٠ مايو ١٩٩٠", "1990-05-10", "gregorian"],
    ["10 مايو 1990م", "1990-05-10", "gregorian"],
    ["20 جمادى الأولى 1410", iso(hijriToGregorian({ year: 1410, month: 5, day: 20 })!), "hijri"],
    ["٢٠/٠٥/١٤١٠ هـ", iso(hijriToGregorian({ year: 1410, month: 5, day: 20 })!), "hijri"],
    ["1990-05-10", "1990-05-10", "gregorian"],
  ])("«%s» is read", async (typed, value, calendar) => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, "birth_date");
    await h.say(typed);
    expect((await draftAnswers(h))["birth_date"]).toEqual({ type: "date", value, calendar });
  });

  it("reads English month names, and confirms an answer that reads two ways in Hijri and Gregorian", async () => {
    h = await createHarness({ org });
    await h.say("Hello");
    await formUntil(h, program, "birth_date", { en: true });
    const asked = await said(h, "05/10/1990");
    expect(asked).toContain("Do you mean");
    expect(asked).toContain("October 1990");
    expect(asked).toMatch(/1411 AH/);
    expect((await draftAnswers(h))["birth_date"]).toBeUndefined();
    expect(await said(h, "no")).toContain("with the month's name");
    await h.say("10 May 1990");
    expect((await draftAnswers(h))["birth_date"]).toEqual({ type: "date", value: "1990-05-10", calendar: "gregorian" });
  });

  it("says which rule a date of birth breaks: in the future, or too far back", async () => {
    h = await createHarness({ org });
    await h.say("Hello");
    await formUntil(h, program, "birth_date", { en: true });
    expect(await said(h, "1 January 2030")).toContain("A date of birth cannot be in the future");
    expect(await said(h, "1/1/1850")).toContain("too far in the past");
    await h.say("5 March 1985");
    expect((await draftAnswers(h))["birth_date"]).toMatchObject({ value: "1985-03-05" });
  });
});

describe("each date field's rule, and the example shown", () => {
  it("an appointment must be today or later (maa, water truck); its example is accepted as shown", async () => {
    h = await createHarness({ org: "maa" });
    await h.say("Hello");
    const asked = await said(h, "menu");
    expect(asked).toContain("Apply");
    const question = (await formUntil(h, "water_truck", "preferred_date", { en: true })).map((m) => m.text).join("\n");
    expect(question).toContain("A coming date");
    expect(await said(h, "01/01/1445")).toContain("must be today or later");
    const example = /e\.g\. (\d{2}\/\d{2}\/\d{4})/.exec(question)![1]!;
    await h.say(example);
    const [d, m, y] = example.split("/").map(Number) as [number, number, number];
    expect((await draftAnswers(h))["preferred_date"]).toEqual({ type: "date", value: iso(hijriToGregorian({ year: y, month: m, day: d })!), calendar: "hijri" });
  });

  it("a diagnosis must be today or earlier (hayat)", async () => {
    h = await createHarness({ org: "hayat" });
    await h.say("Hello");
    const question = (await formUntil(h, "patient_support", "diagnosis_date", { en: true })).map((m) => m.text).join("\n");
    expect(question).toContain("A past date");
    expect(await said(h, "1 Ramadan 1450")).toContain("must be today or earlier");
    await h.say("1 Ramadan 1446");
    expect((await draftAnswers(h))["diagnosis_date"]).toEqual({ type: "date", value: iso(hijriToGregorian({ year: 1446, month: 9, day: 1 })!), calendar: "hijri" });
  });

  it("a program's age limit is named (sumou, youth)", async () => {
    h = await createHarness({ org: "sumou" });
    await h.say("السلام عليكم");
    await formUntil(h, "youth_values", "birth_date");
    expect(await said(h, "15/01/1990")).toContain("لا تزيد أعمارهم على 25");
    await h.say("15/01/2004");
    expect((await draftAnswers(h))["birth_date"]).toMatchObject({ value: "2004-01-15" });
  });
});

describe.each(["maa", "jaliyat_badr"])("a place (%s)", (org) => {
  const [program, field] = org === "maa" ? ["water_truck", "district"] : ["translated_materials", "delivery_place"];
  it("accepts a shared location pin, or a district typed, with the association's own example", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    const question = (await formUntil(h, program, field)).map((m) => m.text).join("\n");
    expect(question).toContain(h.profile.examples!.district!.ar);
    expect(question).toContain("شارك موقعك");
    await h.say({ kind: "location", latitude: 26.0312, longitude: 43.6021 });
    expect((await draftAnswers(h))[field]).toEqual({ type: "location", latitude: 26.0312, longitude: 43.6021 });
    await h.say("رجوع");
    await h.say("حي السوق، بجوار الجامع");
    expect((await draftAnswers(h))[field]).toEqual({ type: "text", value: "حي السوق، بجوار الجامع" });
  });

  it("the city question shows the association's own city", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    const question = (await formUntil(h, program, "city")).map((m) => m.text).join("\n");
    expect(question).toContain(h.profile.examples!.city.ar);
    expect(question).not.toContain("بريدة، عرعر");
  });
});
