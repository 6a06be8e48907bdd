/**
 * FAQ through the engine (createSila with a real SQLite file): Urdu questions
 * to jaliyat_badr get the Urdu FAQ answer, also when they hold a word a
 * referral listens for («پیسے», «اقامہ», «کفیل»); a real request outside the
 * association's scope still gets the referral; close answers are asked about.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, textOf, type Harness } from "./helpers";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const answer = (id: string, locale: "ar" | "en" | "ur") => {
  const faq = h.profile.faqs.find((f) => f.id === id);
  if (!faq) throw new Error(`no FAQ ${id} in ${h.profile.slug}`);
  const text = faq.answer[locale];
  if (!text) throw new Error(`FAQ ${id} has no ${locale} answer`);
  return text;
};
/** The first sentence of an answer: enough to recognise it in a reply. */
const opening = (text: string) => text.split(/[.،؟!]/)[0]!.trim();

describe("FAQ in Urdu (jaliyat_badr)", () => {
  it("answers Urdu questions with the Urdu FAQ, not a referral, even when they name money or the iqama", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await h.say("السلام علیکم");
    const cases: Array<[string, string]> = [
      ["کیا کتابوں کے لیے پیسے دینے پڑتے ہیں؟", "cost"], // «پیسے» is a financial-aid referral keyword
      ["کیا رجسٹریشن کے لیے اقامہ لانا ضروری ہے؟", "required_documents"], // «اقامہ»: the iqama referral
      ["آپ کے ہاں کون سے دینی کورس ہوتے ہیں؟", "courses_info"],
    ];
    for (const [q, id] of cases) {
      const r = plain(textOf(await h.say(q)));
      expect(r, q).toContain(opening(answer(id, "ur")));
      expect(r, q).not.toContain(opening(answer(id, "ar")));
    }
    const tickets = await h.opened.db.selectFrom("tickets").selectAll().where("kind", "=", "referral").execute();
    expect(tickets).toHaveLength(0);
  });

  it("finds the Urdu question even when the conversation started in Arabic", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await h.say("السلام عليكم");
    const r = plain(textOf(await h.say("کیا کتابوں کے لیے پیسے دینے پڑتے ہیں؟")));
    // The answer is the cost FAQ, in whichever language the conversation is now in.
    const faq = h.profile.faqs.find((f) => f.id === "cost")!;
    expect([faq.answer.ur!, faq.answer.ar].some((a) => r.includes(opening(a)))).toBe(true);
    expect(await h.opened.db.selectFrom("tickets").selectAll().where("kind", "=", "referral").execute()).toHaveLength(0);
  });

  it("still refers a request that is outside the association's scope", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await h.say("السلام علیکم");
    const r = plain(textOf(await h.say("میرے کفیل نے تین مہینے سے تنخواہ نہیں دی، میں کیا کروں؟")));
    const labour = h.profile.referrals.partners.find((x) => x.topics.includes("labour"))!;
    expect(r).toContain(labour.name.ur!);
    const ticket = await h.opened.db.selectFrom("tickets").selectAll().where("kind", "=", "referral").executeTakeFirstOrThrow();
    expect(ticket.referral_id).toBe("labour");
  });
});

describe("Urdu greetings", () => {
  it("answers the salam in Urdu spellings and Roman Urdu with the Urdu salam", async () => {
    const ur = JSON.parse(readFileSync(new URL("../locales/ur/common.json", import.meta.url), "utf8")) as { salamReply: string };
    const ar = JSON.parse(readFileSync(new URL("../locales/ar/common.json", import.meta.url), "utf8")) as { salamReply: string };
    for (const greeting of ["اسلام علیکم", "السلام علیکم", "assalam o alaikum", "Assalam-o-Alaikum", "aoa", "AOA"]) {
      h = await createHarness({ org: "jaliyat_badr" });
      const r = plain(textOf(await h.say(greeting)));
      expect(r, greeting).toContain(ur.salamReply);
      expect(r, greeting).not.toContain(ar.salamReply);
      await h.close();
    }
  });
});

describe("FAQ before referral in Arabic", () => {
  it("answers a privacy question that names the sponsor, and refers an unpaid salary", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await h.say("السلام عليكم");
    expect(plain(textOf(await h.say("هل كفيلي يقدر يشوف بياناتي اللي عندكم؟")))).toContain(opening(answer("privacy", "ar")));
    const r = plain(textOf(await h.say("كفيلي له شهرين ما عطاني راتبي")));
    expect(r).toContain(h.profile.referrals.partners.find((x) => x.topics.includes("labour"))!.name.ar);
  });
});

describe("close answers are asked about (did you mean)", () => {
  it("offers both applying and volunteering to 'I want to join you' instead of answering one", async () => {
    h = await createHarness({ org: "maa" });
    await h.say("السلام عليكم");
    const replies = await h.say("I want to join you");
    const values = replies.flatMap((r) => (r.choices ?? []).map((c) => c.value));
    expect(values).toContain("faq:how_to_apply");
    expect(values).toContain("faq:volunteering");
    const text = plain(textOf(replies));
    expect(text).not.toContain(opening(answer("how_to_apply", "en")));
    expect(text).not.toContain(opening(answer("volunteering", "en")));
  });
});
