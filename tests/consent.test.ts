/**
 * Sensitive data consent names what it covers: the kinds of sensitive data
 * the program's form asks for (health, disability, financial, family,
 * religious belief), as each field of the profile says, and records them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, submitFromSummary, textOf, validNationalId, applyUntilSummary, type Harness } from "./helpers";
import { sensitiveCategories } from "../flows/consent";
import { loadProfile, parseProfile } from "../orgs/load";
import { ConfigError } from "../bot/errors";
import fs from "node:fs";
import { PROFILES_DIR } from "../orgs/load";
import path from "node:path";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** From the menu: apply to program number `n`, accept the notice, answer the five common questions. */
async function untilFirstProgramField(h: Harness, n: number, locale: "ar" | "en" = "ar"): Promise<string> {
  await h.say(locale === "en" ? "hello" : "السلام عليكم");
  await h.say("1");
  await h.say(String(n));
  await h.say("1");
  await h.say(locale === "en" ? "Fatima Ahmed Alzahrani" : "فاطمة أحمد الزهراني");
  await h.say(validNationalId(777));
  await h.say("0551234567");
  await h.say(locale === "en" ? "Arar" : "عرعر");
  return plain(textOf(await h.say("1410/05/20")));
}

describe("the consent names the kinds of sensitive data", () => {
  it("banan: disability data (and health data for the medical report), not 'health data' for everything", async () => {
    h = await createHarness({ org: "banan" });
    const r = await untilFirstProgramField(h, 1);
    expect(r).toContain("بيانات الإعاقة");
    expect(r).toContain("بيانات صحية");
    expect(r.indexOf("بيانات الإعاقة")).toBeLessThan(r.indexOf("بيانات صحية"));
    expect(r).toContain("نوع الإعاقة");
  });

  it("banan home projects: disability, family and financial data", () => {
    const program = loadProfile("banan").programs.find((p) => p.id === "home_projects")!;
    expect(sensitiveCategories(program)).toEqual(["disability", "family", "financial"]);
  });

  it("hayat: health data", async () => {
    h = await createHarness({ org: "hayat" });
    const r = await untilFirstProgramField(h, 1);
    expect(r).toContain("بيانات صحية");
    expect(r).not.toContain("بيانات الإعاقة");
  });

  it("jaliyat_badr new Muslim care: religious belief, in English and Urdu", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    expect(await untilFirstProgramField(h, 2, "en")).toContain("sensitive personal data: religious belief");
    const profile = loadProfile("jaliyat_badr");
    expect(sensitiveCategories(profile.programs.find((p) => p.id === "new_muslim_care")!)).toEqual(["religious"]);
    expect(h.sila.translator.render({ key: "consent:category.religious" }, "ur")).toContain("مذہبی");
  });

  it("records the consent with its kinds", async () => {
    h = await createHarness({ org: "banan" });
    await applyUntilSummary(h, "vocational_training", { nationalId: validNationalId(31) });
    await submitFromSummary(h);
    const purposes = (await h.opened.db.selectFrom("consents").select("purpose").execute()).map((c) => c.purpose);
    expect(purposes).toContain("sensitive_data:disability,health");
  });
});

describe("the profile schema", () => {
  const maa = () => JSON.parse(fs.readFileSync(path.join(PROFILES_DIR, "maa.json"), "utf8"));

  it("a sensitive field must say what kind of data it is, and only a sensitive field may", () => {
    const json = maa();
    json.programs[0].fields.push({ id: "illness", type: "text", sensitive: true, label: { ar: "المرض", en: "Illness" } });
    expect(() => parseProfile(json, "orgs/maa.json")).toThrow(/programs\[0\]\.fields\[\d+\]\.sensitiveCategory: a sensitive field needs its category/);
    json.programs[0].fields.at(-1).sensitiveCategory = "astrology";
    expect(() => parseProfile(json, "orgs/maa.json")).toThrow(ConfigError);
    json.programs[0].fields.at(-1).sensitiveCategory = ["health", "financial"];
    expect(parseProfile(json, "orgs/maa.json").programs[0]!.fields.at(-1)!.sensitiveCategory).toEqual(["health", "financial"]);
    json.programs[0].fields.at(-1).sensitive = false;
    expect(() => parseProfile(json, "orgs/maa.json")).toThrow(/must be marked sensitive/);
  });

  it("safeguarding roles must exist, and numbers are digits", () => {
    const json = maa();
    json.safeguarding = { role: "nobody", escalateTo: ["execution_officer"] };
    expect(() => parseProfile(json, "orgs/maa.json")).toThrow('safeguarding.role: no staff role with id "nobody"');
    json.safeguarding = { role: "relations_officer", numbers: { moh: "nine-three-seven" } };
    expect(() => parseProfile(json, "orgs/maa.json")).toThrow(/safeguarding\.numbers\.moh/);
    json.safeguarding = { role: "relations_officer", numbers: { moh: "8002494444" }, served911: true };
    const p = parseProfile(json, "orgs/maa.json");
    expect(p.safeguarding?.numbers?.moh).toBe("8002494444");
  });
});
