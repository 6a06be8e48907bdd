/**
 * Choices inside forms, through the engine, for two associations: every
 * option accepted as words (with or without «ال», typos, everyday words, in
 * Arabic and English), by number or button; an answer matching no option gets
 * the options again and never an FAQ answer, a menu action or a referral; the
 * program picker has a way out, including "I don't know which program".
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./helpers";
import { draftAnswers, formUntil, said } from "./form-helpers";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Types `typed` at the question `fieldId` of `programId` and returns the stored choice. */
async function chosen(programId: string, fieldId: string, typed: string, en = false): Promise<unknown> {
  await formUntil(h, programId, fieldId, { en });
  await h.say(typed);
  return (await draftAnswers(h))[fieldId]?.value;
}

describe("choice fields at maa (housing, the tank)", () => {
  it.each([
    ["ملكي", "owned"],
    ["البيت ملك", "owned"],
    ["الملك", "owned"],
    ["ساكن بالإيجار", "rented"],
    ["ايجر", "rented"],
    ["مستأجر", "rented"],
    ["2", "rented"],
  ])("housing typed «%s» is %s", async (typed, value) => {
    h = await createHarness({ org: "maa" });
    await h.say("السلام عليكم");
    expect(await chosen("tank_installation", "housing_type", typed)).toBe(value);
  });

  it("reads English everyday words", async () => {
    h = await createHarness({ org: "maa" });
    await h.say("Hello");
    expect(await chosen("tank_installation", "housing_type", "I rent it", true)).toBe("rented");
  });

  it("answers that match no option get the options again: no FAQ answer, no menu, no referral", async () => {
    h = await createHarness({ org: "maa" });
    await h.say("السلام عليكم");
    const asked = await formUntil(h, "tank_installation", "current_tank_condition");
    expect(asked.at(-1)!.choices).toHaveLength(3);
    for (const typed of ["كم سعر الخزان؟", "أزرق", "كهرباء", "9"]) {
      const again = await said(h, typed);
      expect(again).toContain("لم أجد هذا بين الخيارات");
      expect(again).toContain("خزان تالف");
      expect(again).not.toContain("نحيلك"); // no referral
      expect(again).not.toContain("اختر الخدمة"); // not the main menu
    }
    const faqAnswers = h.profile.faqs.map((f) => f.answer.ar.slice(0, 40));
    const all = h.sent.map((s) => s.message.text).join("\n");
    for (const a of faqAnswers) expect(all).not.toContain(a);
    await h.say("الخزان خربان ويسرب");
    expect((await draftAnswers(h))["current_tank_condition"]?.value).toBe("damaged");
  });
});

describe("choice fields at banan (education, disability)", () => {
  it.each([
    ["ثانوية عامة", "secondary"],
    ["الثانوي", "secondary"],
    ["جامعي", "bachelor"],
    ["بكلريوس", "bachelor"],
    ["ما درست", "none"],
    ["ابتدائي بس", "primary"],
  ])("education typed «%s» is %s", async (typed, value) => {
    h = await createHarness({ org: "banan" });
    await h.say("السلام عليكم");
    expect(await chosen("employment_support", "education_level", typed)).toBe(value);
  });

  it.each([
    ["كفيف", "visual"],
    ["اعاقه حركيه", "physical"],
    ["التوحد", "autism"],
  ])("a disability typed «%s» is %s", async (typed, value) => {
    h = await createHarness({ org: "banan" });
    await h.say("السلام عليكم");
    expect(await chosen("vocational_training", "disability_type", typed)).toBe(value);
  });

  it("by its button", async () => {
    h = await createHarness({ org: "banan" });
    await h.say("Hello");
    await formUntil(h, "vocational_training", "disability_type", { en: true });
    await h.say({ kind: "choice", value: "hearing" });
    expect((await draftAnswers(h))["disability_type"]?.value).toBe("hearing");
  });
});

describe("the program picker", () => {
  it("offers a way out: the menu, and «I don't know which program» with a suggestion from the need (maa)", async () => {
    h = await createHarness({ org: "maa" });
    await h.say("السلام عليكم");
    const picker = await h.say("1");
    const values = picker.at(-1)!.choices!.map((c) => c.value);
    expect(values).toContain("program:unsure");
    expect(values).toContain("menu:menu");
    expect(await said(h, "القائمة")).toContain("تقديم طلب");
    await h.say("1");
    expect(await said(h, "ما أدري وش يناسبني")).toContain("اكتب باختصار ما تحتاجه");
    const suggested = await said(h, "بيتنا ما فيه خزان ماء والأسرة كبيرة");
    expect(suggested).toContain("تركيب خزانات المياه المنزلية");
    expect(await said(h, "نعم")).toContain("إشعار الخصوصية");
  });

  it("an unclear need gets the list and a person (banan), and «رجوع» leaves the picker", async () => {
    h = await createHarness({ org: "banan" });
    await h.say("السلام عليكم");
    await h.say("1");
    await h.say({ kind: "choice", value: "program:unsure" });
    const unclear = await said(h, "والله ما ادري شي");
    expect(unclear).toContain("موظف");
    expect(unclear).toContain("التدريب والتأهيل المهني");
    const person = await said(h, "ابحث عن وظيفة مناسبة");
    expect(person).toContain("دعم التوظيف");
    expect(await said(h, "رجوع")).toContain("اختر البرنامج");
    expect(await said(h, "رجوع")).toContain("تقديم طلب");
  });
});
