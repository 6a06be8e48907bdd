/**
 * Referrals through the engine (createSila, a real SQLite file), issue 19:
 * a request outside the association's work recognised by meaning in Arabic,
 * English and Urdu; the partner of the person's city; an unverified partner
 * going to staff instead of a number; consent given and refused (and the
 * summary through the outbox to a partner's chat); a person in danger never
 * "referred".
 */
import { afterEach, describe, expect, it } from "vitest";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";
import { loadProfile } from "../orgs/load";
import type { Profile } from "../orgs/schema";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const said = async (text: string, chatId = "u1") => plain(textOf(await h.say(text, chatId)));
const referrals = () =>
  h.opened.db.selectFrom("referrals as r").innerJoin("tickets as t", "t.id", "r.ticket_id").select(["t.reference", "t.status as ticket", "t.body", "r.topic_id", "r.partner_id", "r.city", "r.status", "r.staff_handled", "r.consent", "r.follow_up_at"]).orderBy("r.id").execute();
const staffSaid = () => h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text));

/** maa with a second food-aid partner in Buraydah whose number was checked (a test's own directory). */
function maaWithBuraydah(handover?: Profile["referrals"]["partners"][number]["handover"]): Profile {
  const p = loadProfile("maa");
  return {
    ...p,
    referrals: {
      ...p.referrals,
      partners: [
        ...p.referrals.partners,
        {
          id: "birr_buraydah",
          name: { ar: "جمعية البر ببريدة", en: "Al-Birr in Buraydah" },
          topics: ["food_aid"],
          areas: [{ ar: ["بريدة"], en: ["Buraydah", "Buraidah"] }],
          contacts: [
            { type: "phone", value: "+966163234567", hours: { days: [0, 1, 2, 3, 4], open: "08:00", close: "14:00" }, checked: "2026-12-01", source: "a test" },
            { type: "website", value: "https://birr.example.org", source: "not checked yet" } as never,
          ],
          ...(handover ? { handover } : {}),
        },
      ],
    },
  };
}

describe("recognised by meaning, through the FAQ's understanding", () => {
  it.each([
    ["ar", "صاحب الشغل ما عطاني معاشي ثلاث شهور", "وزارة الموارد البشرية والتنمية الاجتماعية"],
    ["en", "my employer did not pay my salary for two months, what can I do?", "Ministry of Human Resources and Social Development"],
    ["ur", "میرے مالک نے تین مہینے سے تنخواہ نہیں دی", "وزارتِ انسانی وسائل و سماجی ترقی"],
    ["roman Urdu", "meri tankhwah 3 mahine se nahi mili", "وزارتِ انسانی وسائل و سماجی ترقی"],
  ])("%s: an unpaid salary goes to the labour referral with its verified number", async (_lng, text, ministry) => {
    h = await createHarness({ org: "jaliyat_badr" });
    const r = await said(text);
    expect(r).toContain(ministry);
    expect(r).toContain("19911");
    const [row] = await referrals();
    expect(row).toMatchObject({ topic_id: "labour", partner_id: "hrsd", status: "suggested", staff_handled: 0, ticket: "closed" });
    // Nothing to hand over to a public line: no consent question, the person calls.
    expect(r).not.toMatch(/ملخص|summary|خلاصہ/);
  });

  it("a word the topic does not list, of the same meaning («تموين», groceries), finds it too", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    expect(await said("ابي تموين لعيالي الله يخليكم")).toContain("في أي مدينة");
    expect((await referrals())[0]).toMatchObject({ topic_id: "financial_aid", partner_id: null });
    await h.close();
    h = await createHarness({ org: "jaliyat_badr" });
    expect(await said("I need groceries for my kids")).toContain("which city");
  });

  it("an FAQ that asks its own question still wins over a topic met in passing", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await said("السلام عليكم");
    const r = await said("هل كفيلي يقدر يشوف بياناتي اللي عندكم؟");
    expect(r).not.toContain("19911");
    expect(await referrals()).toHaveLength(0);
  });
});

describe("the partner of the person's city", () => {
  it("asks the city once, and gives the partner that serves it, with its hours; another city gets its own", async () => {
    h = await createHarness({ profile: maaWithBuraydah() });
    await said("السلام عليكم");
    const asked = await said("عندكم سلال غذائيه؟");
    expect(asked).toContain("ليس من اختصاص");
    expect(asked).toContain("في أي مدينة");
    const told = await said("بريده");
    expect(told).toContain("جمعية البر ببريدة");
    expect(told).toContain("+966163234567");
    // Sunday noon: open now, Sunday to Thursday.
    expect(told).toContain("مفتوحة الآن");
    expect(told).toContain("08:00");
    // A contact without the day it was checked is never shown.
    expect(told).not.toContain("birr.example.org");
    // Not the Riyadh Al-Khabra association: it does not serve Buraydah.
    expect(told).not.toContain("برياض الخبراء");
    expect((await referrals())[0]).toMatchObject({ partner_id: "birr_buraydah", city: "بريده", staff_handled: 0 });
    const contact = await h.opened.db.selectFrom("contacts").select("city").executeTakeFirstOrThrow();
    expect(contact.city).toBe("بريده");

    // The city is remembered: the next request goes straight to the partner.
    const again = await said("ابي سلة غذائية");
    expect(again).not.toContain("في أي مدينة");
    expect(again).toContain("جمعية البر ببريدة");

    // Someone in Riyadh Al-Khabra gets the association of their town (no verified contact: staff).
    await said("السلام عليكم", "u2");
    await said("ابي سلة غذائية", "u2");
    const local = await said("انا ساكن في رياض الخبراء", "u2");
    expect(local).toContain("جمعية البر الخيرية برياض الخبراء");
    expect(local).not.toContain("بريدة");
    // Someone in Arar: no partner serves it, staff will find one.
    await said("السلام عليكم", "u3");
    await said("ابي سلة غذائية", "u3");
    expect(await said("عرعر", "u3")).toContain("سيتواصل معك أحد موظفينا ليدلّك على الجهة المناسبة في مدينتك");
    const rows = await referrals();
    expect(rows.map((r) => [r.partner_id, r.staff_handled])).toEqual([
      ["birr_buraydah", 0],
      ["birr_buraydah", 0],
      ["birr_riyadh_alkhabra", 1],
      [null, 1],
    ]);
  });

  it("a person who would rather not say where they live is helped by staff; nothing is stored as their city", async () => {
    h = await createHarness({ profile: maaWithBuraydah() });
    await said("السلام عليكم");
    await said("ابي سلة غذائية");
    expect(await said("لا")).toContain("سيتواصل معك أحد موظفينا ليدلّك على الجهة المناسبة في مدينتك");
    expect((await referrals())[0]).toMatchObject({ partner_id: null, city: null, staff_handled: 1, ticket: "open" });
    expect((await h.opened.db.selectFrom("contacts").select("city").executeTakeFirstOrThrow()).city).toBeNull();
  });

  it("knows the city from the person's application, and tells when the partner opens after hours", async () => {
    h = await createHarness({ profile: maaWithBuraydah() });
    await said("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(5151515) }); // city: بريدة
    await submitFromSummary(h);
    h.setNow(new Date("2026-11-22T16:00:00Z")); // Sunday 19:00 in Riyadh: closed until Monday 08:00
    const told = await said("ابي سلة غذائية");
    expect(told).not.toContain("في أي مدينة");
    expect(told).toContain("جمعية البر ببريدة");
    expect(told).toContain("تفتح");
    expect(told).toContain("الاثنين");
  });
});

describe("a partner without a verified contact goes to staff", () => {
  it("names the partner, gives no number, tells when staff answer, and alerts staff with an open ticket", async () => {
    h = await createHarness({ org: "banan" });
    await said("السلام عليكم");
    const r = await said("تعطون كراسي كهربائيه؟");
    expect(r).toContain("جمعية الإعاقة الحركية للكبار (حركية)");
    expect(r).toContain("سيتواصل معك أحد موظفينا");
    expect(r).not.toMatch(/\d{5,}/);
    const [row] = await referrals();
    expect(row).toMatchObject({ topic_id: "mobility_aids", partner_id: "harakiya", staff_handled: 1, ticket: "open" });
    expect(staffSaid().some((s) => s.includes(row!.reference) && s.includes("تحتاج موظفاً"))).toBe(true);
  });
});

describe("a child's disability is not a child at risk", () => {
  it("sumou: «my son is autistic, can you help» is referred for disability care (staff-handled), not to the child helpline; in Arabic too", async () => {
    h = await createHarness({ org: "sumou" });
    const r = await said("my son is autistic can you help");
    expect(r).toContain("Disabled Children's Association");
    expect(r).not.toContain("116111");
    const [row] = await referrals();
    expect(row).toMatchObject({ topic_id: "disability", partner_id: "disabled_children", staff_handled: 1 });
    expect(await said("ابني عنده توحد تساعدونه؟", "u2")).toContain("جمعية الأطفال ذوي الإعاقة");
    // Asked with «وين» / "where": the question word says how it is asked, not what.
    expect(await said("بنتي عندها توحد وين اوديها", "u3")).toContain("جمعية الأطفال ذوي الإعاقة");
    expect(await said("where can I take my autistic son?", "u4")).toContain("Disabled Children's Association");
  });
});

describe("consent to pass a summary to the partner", () => {
  it("given: recorded for its purpose, and staff get the summary to pass on", async () => {
    h = await createHarness({ org: "banan" });
    await said("السلام عليكم");
    const asked = await said("I need a wheelchair for my father");
    expect(asked).toContain("May we send a short summary");
    const { reference } = (await referrals())[0]!;
    const thanks = await said("Yes, send it");
    expect(thanks).toContain(reference);
    expect(thanks).toContain("In 7 days we will ask you");
    const consents = await h.opened.db.selectFrom("consents").select(["purpose"]).execute();
    expect(consents.map((c) => c.purpose)).toContain(`referral_share:${reference}`);
    expect((await referrals())[0]).toMatchObject({ consent: "given", status: "handed_over", ticket: "open" });
    const alert = staffSaid().find((s) => s.includes(reference) && s.includes("فضلاً انقلوه"));
    expect(alert).toContain("wheelchair for my father");
  });

  it("refused: nothing shared, nothing recorded as consent, staff told not to share", async () => {
    h = await createHarness({ org: "banan" });
    await said("السلام عليكم");
    await said("تعطون كراسي كهربائيه؟");
    const r = await said("لا");
    expect(r).toContain("لن نرسل شيئاً عنك");
    const { reference } = (await referrals())[0]!;
    expect(await h.opened.db.selectFrom("consents").select("purpose").where("purpose", "like", "referral_share:%").execute()).toEqual([]);
    expect((await referrals())[0]).toMatchObject({ consent: "refused", status: "suggested" });
    expect(staffSaid().some((s) => s.includes(reference) && s.includes("لم يوافق"))).toBe(true);
  });

  it("with a chat the profile gives for the partner, the summary goes there through the outbox", async () => {
    h = await createHarness({ profile: maaWithBuraydah({ channel: "telegram", chatId: "-1001234", checked: "2026-12-01", source: "a test" }) });
    await said("السلام عليكم");
    await said("ابي سلة غذائية لاهلي");
    const asked = await said("بريدة");
    expect(asked).toContain("هل تسمح لنا بإرسال ملخص");
    await said("نعم");
    const toPartner = await h.opened.db.selectFrom("outbox").select(["channel", "chat_id", "payload", "contact_id"]).where("chat_id", "=", "-1001234").execute();
    expect(toPartner).toHaveLength(1);
    const { reference } = (await referrals())[0]!;
    expect(toPartner[0]!.channel).toBe("telegram");
    expect(plain(toPartner[0]!.payload)).toContain(reference);
    expect(plain(toPartner[0]!.payload)).toContain("ابي سلة غذائية لاهلي");
    expect(toPartner[0]!.contact_id).not.toBeNull();
    expect(staffSaid().some((s) => s.includes(reference) && s.includes("أُرسل ملخص طلبه"))).toBe(true);
  });
});

describe("safety comes first", () => {
  it("a person in danger who names a referral topic is never referred: an urgent alert instead", async () => {
    h = await createHarness({ org: "sumou" });
    await said("السلام عليكم");
    const r = await said("زوجي يضربني كل يوم وخايفة يقتلني");
    expect(r).toContain("1919");
    expect(r).not.toContain("ليس من اختصاص");
    expect(await referrals()).toHaveLength(0);
    const urgent = await h.opened.db.selectFrom("tickets").select("kind").where("kind", "=", "urgent").execute();
    expect(urgent).toHaveLength(1);
  });
});

describe("our own programs are never referred elsewhere", () => {
  it("maa: asking for a water tanker or water delivery in English is not referred to the water company; a cut in the public network is", async () => {
    h = await createHarness({ org: "maa" });
    expect(await said("Hi, I live in a village near Riyadh Al-Khabra, how can I ask for a water tanker?")).not.toContain("National Water");
    expect(await said("I want to request water delivery, how do I start?", "u2")).not.toContain("National Water");
    expect(await said("i need a water tank", "u3")).toContain("Household water tank installation");
    expect(await said("الموية مقطوعة عندنا من الشركة", "u4")).toContain("شركة المياه الوطنية");
  });
});
