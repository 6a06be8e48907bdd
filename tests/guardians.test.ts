/**
 * Age and guardians, through the engine, for two associations: an applicant
 * under 18 (from the date of birth) gives a guardian's name, relation, ID and
 * phone and the guardian attests; a program for adults only refuses with the
 * reason and a referral; the program's age limits are named.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, textOf, validNationalId, type Harness } from "./helpers";
import { draftAnswers, formUntil, said, typedAnswer } from "./form-helpers";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Fills the program's own fields after the guardian's, and stops at the summary. */
async function programFields(programId: string): Promise<string> {
  const program = h.profile.programs.find((p) => p.id === programId)!;
  let last = "";
  let consented = false;
  for (const f of program.fields) {
    if (f.sensitive && !consented) {
      await h.say("1");
      consented = true;
    }
    last = plain(textOf(await h.say(typedAnswer(f))));
  }
  return last;
}

describe.each([
  { org: "sumou", program: "youth_values" },
  { org: "banan", program: "vocational_training" },
])("an applicant under 18 ($org)", ({ org, program }) => {
  it("gives a guardian's details, and the guardian makes the declaration", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, "birth_date");
    const asked = await said(h, "15/01/2010");
    expect(asked).toContain("أقل من 18 سنة");
    expect(asked).toContain("اسم ولي الأمر");
    await h.say("عبدالله محمد الحربي");
    expect(await said(h, "أبوي")).toContain("هوية ولي الأمر");
    expect((await draftAnswers(h))["guardian_relation"]).toEqual({ type: "choice", value: "father" });
    const guardianId = validNationalId(2323232);
    expect(await said(h, guardianId)).toContain("جوال ولي الأمر");
    await h.say("0509876543");
    const summary = await programFields(program);
    expect(summary).toContain("عبدالله محمد الحربي");
    expect(summary).toContain("الأب");
    expect(summary).toContain(guardianId);

    expect(await said(h, "1")).toContain("إقرار ولي الأمر");
    await h.say("1");
    const done = await said(h, "1");
    expect(done).toMatch(/A\d{2}-\d{5}/);
    const app = await h.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    const fields = JSON.parse(app.fields) as Record<string, { type: string; value?: unknown }>;
    expect(fields["guardian_name"]).toEqual({ type: "text", value: "عبدالله محمد الحربي" });
    expect(fields["guardian_phone"]).toEqual({ type: "phone", value: "+966509876543" });
    expect(fields["guardian_id"]?.type).toBe("sealed"); // a national ID is encrypted at rest
    const consents = await h.opened.db.selectFrom("consents").select("purpose").where("application_id", "=", app.id).execute();
    expect(consents.map((c) => c.purpose)).toContain("attestation_guardian");
    expect(consents.map((c) => c.purpose)).not.toContain("attestation");
  });

  it("an adult's date of birth, corrected from the summary, drops the guardian's questions", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, "birth_date");
    await h.say("15/01/2010");
    await h.say("عبدالله محمد الحربي");
    await h.say("1");
    await h.say(validNationalId(2323232));
    await h.say("0509876543");
    await programFields(program);
    await h.say("2"); // edit
    await h.say("5"); // the date of birth
    const summary = await said(h, "15/01/2004");
    expect(summary).not.toContain("عبدالله محمد الحربي");
    expect((await draftAnswers(h))["guardian_name"]).toBeUndefined();
    expect(await said(h, "1")).not.toContain("ولي الأمر");
  });
});

describe("programs for adults only, and age limits", () => {
  it("banan: a minor is told why and referred", async () => {
    h = await createHarness({ org: "banan" });
    await h.say("السلام عليكم");
    await formUntil(h, "employment_support", "birth_date");
    const refused = await said(h, "15/01/2012");
    expect(refused).toContain("18 سنة فأكثر");
    // The partner is named; it has no contact that can be sourced yet, so staff say how to reach it (no number).
    const partner = h.profile.referrals.partners.find((p) => p.topics.includes("children_rehab"))!;
    expect(refused).toContain(partner.name.ar);
    expect(refused).toContain("«موظف»");
    expect(refused).not.toMatch(/\d{6,}/);
    expect(refused).toContain("لم نحفظ شيئاً");
    expect(await draftAnswers(h)).toEqual({});
  });

  it("hayat: a minor is told why the screening program is for adults, in English too", async () => {
    h = await createHarness({ org: "hayat" });
    await h.say("Hello");
    await formUntil(h, "early_detection", "birth_date", { en: true });
    const refused = await said(h, "15/01/2012");
    expect(refused).toContain("aged 18 or over");
    expect(refused).toContain(h.profile.referrals.partners.find((p) => p.topics.includes("medical"))!.name.en);
    expect(refused).toContain("937");
  });

  it("banan: below a program's minimum age is named as such", async () => {
    h = await createHarness({ org: "banan" });
    await h.say("السلام عليكم");
    await formUntil(h, "vocational_training", "birth_date");
    expect(await said(h, "15/01/2015")).toContain("15 سنة فأكثر");
  });
});
