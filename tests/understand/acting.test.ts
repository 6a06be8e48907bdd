/**
 * Intents that act, through the engine: what a person asks for in their own
 * words is started at once (a person, a complaint, the programs, their
 * status, deleting their data), in Gulf Arabic, English and Urdu; the reply
 * follows the language each message is written in, unless the person chose
 * one; a number typed right after a list picks from that list.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, textOf, type Harness } from "../helpers";

let h: Harness;
afterEach(async () => h?.close());

const said = async (text: string, chatId = "u1") => plain(textOf(await h.say(text, chatId)));
const tr = (key: string, locale: "ar" | "en" | "ur", params?: Record<string, string | number>) =>
  plain(h.sila.translator.t(key, locale, params));

async function ticketsOf(kind: string): Promise<Array<{ body: string | null }>> {
  return h.opened.db.selectFrom("tickets").select(["body"]).where("kind", "=", kind as never).execute();
}

describe("asking in one's own words starts the action", () => {
  it("a person (Gulf Arabic): the conversation is handed over, not «type موظف»", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("ابغى احد من الموظفين يكلمني الله يعافيك");
    expect(out).toContain("🙋");
    expect(out).not.toMatch(/اكتب «موظف»|أرسل «موظف»/);
    expect(await ticketsOf("handoff")).toHaveLength(1);
  });

  it("a person (English, first message): handed over in English", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    const out = await said("Hello, can I talk to a real person please?");
    expect(out).toContain("Your conversation was passed to");
    expect(await ticketsOf("handoff")).toHaveLength(1);
  });

  it("a complaint (Roman Urdu): asked for in Urdu, then filed", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await said("assalam o alaikum");
    const ask = await said("mujhe shikayat karni hai");
    expect(ask).toContain(tr("feedback:ask.complaint", "ur"));
    await said("کلاس کا وقت بہت دیر سے بتایا گیا اور کوئی جواب نہیں ملا");
    const filed = await ticketsOf("complaint");
    expect(filed).toHaveLength(1);
    expect(filed[0]!.body).toContain("کلاس کا وقت");
  });

  it("a complaint already described is filed at once, without asking for it again", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("ابي اشتكي على المندوب اللي جاني امس وتأخر ثلاث ساعات وما رد على جواله");
    expect(out).not.toContain(tr("feedback:ask.complaint", "ar"));
    const filed = await ticketsOf("complaint");
    expect(filed).toHaveLength(1);
    expect(filed[0]!.body).toContain("المندوب");
  });

  it("what do you offer: every program in one line, and a number then picks a program, not a menu item", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const list = await said("وش الخدمات اللي تقدمونها؟");
    for (const p of h.profile.programs.filter((x) => x.open)) expect(list).toContain(p.name.ar);
    // "2" is the second program here (main menu 2 would be "track an application").
    const picked = await said("2");
    expect(picked).toContain(h.profile.programs.filter((x) => x.open)[1]!.name.ar);
    expect(picked).toContain("🔒");
  });

  it("what do you offer (Urdu): the programs in Urdu", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    const list = await said("آپ کون سی خدمات دیتے ہیں؟");
    expect(list).toContain(tr("menu:programsIntro", "ur", { name: h.profile.name.ur! }).split(" ").slice(1, 3).join(" "));
    for (const p of h.profile.programs.filter((x) => x.open)) expect(list).toContain(p.name.ur!);
  });

  it("an FAQ answer that says what to type offers it as a choice: a tap does it (English and Arabic)", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    const answer = await said("Do the Islam courses cost anything?");
    expect(answer).toContain('typing "complaint"');
    // The first choice is what the answer named; then another question, then a person.
    const lines = answer.split("\n");
    expect(lines.slice(-3)).toEqual([tr("menu:item.feedback", "en"), tr("faq:another", "en"), tr("menu:item.human", "en")]);
    expect(await said("1")).toContain(tr("feedback:intro", "en"));

    const ar = await said("كيف احصل على تصريح لاقامة محاضرة دعوية؟", "u2");
    expect(ar).toContain("«موظف»");
    // "staff" is named, so the person is offered once, first.
    expect(ar.split("\n").slice(-2)).toEqual([tr("menu:item.human", "ar"), tr("faq:another", "ar")]);
  });

  it("a number right after an FAQ answer picks from the answer's own choices, not the main menu", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const answer = await said("وش رقم الجوال حقكم؟");
    expect(answer).toContain(tr("faq:another", "ar"));
    // 1 here is "another question" (main menu 1 would start an application).
    const next = await said("1");
    expect(next).toContain(tr("faq:askAnything", "ar").slice(0, 12));
    expect(next).not.toContain("🔒");
    // And 2 would have been "a person".
    await said("وش رقم الجوال حقكم؟");
    await said("2");
    expect(await ticketsOf("handoff")).toHaveLength(1);
  });

  it("where is my application: the status, in words", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("وين وصل طلبي؟");
    expect(out).toContain(tr("status:none", "ar"));
  });

  it("delete my data: the confirmation question first (never deleted on a sentence alone)", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("ابي امسح كل معلوماتي من عندكم");
    expect(out).toContain(tr("privacy:deleteConfirm", "ar"));
  });

  it("a negated wish is not acted on", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    await said("ما ابي اكلم موظف، بس عندي سؤال");
    expect(await ticketsOf("handoff")).toHaveLength(0);
  });
});

describe("a word that means either of two things is asked about, not acted on", () => {
  it("«ابي انضم لكم»: applying or volunteering? Both are offered, nothing is started", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("ابي انضم لكم");
    expect(out).toContain(tr("faq:didYouMean", "ar").slice(0, 20));
    const faqs = h.profile.faqs;
    for (const id of ["how_to_apply", "volunteering"]) {
      const variants = faqs.find((f) => f.id === id)!.questions.ar;
      expect(variants.some((q) => out.includes(q)), id).toBe(true);
    }
    expect(await h.opened.db.selectFrom("applications").selectAll().execute()).toHaveLength(0);
  });

  it("«عندي ملاحظه على الموظف»: a remark on a person goes to the FAQ's complaint answer or question, not straight to the feedback form", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("عندي ملاحظه على الموظف");
    expect(out).not.toContain(tr("feedback:ask.complaint", "ar"));
    expect(out).not.toContain(tr("feedback:ask.suggestion", "ar"));
    const complaints = h.profile.faqs.find((f) => f.id === "complaints")!;
    expect(out.includes(plain(complaints.answer.ar)) || complaints.questions.ar.some((q) => out.includes(q))).toBe(true);
  });

  it("Urdu questions that hold «معلومات» or «ڈیٹا» are answered, not taken for the menu's «about» or for «show my data»", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await said("السلام علیکم");
    const privacy = plain(h.profile.faqs.find((f) => f.id === "privacy")!.answer.ur!);
    const secret = await said("کیا میری معلومات راز میں رہیں گی؟");
    expect(secret).toContain(privacy.slice(0, 30));
    const who = await said("میرا ڈیٹا کون دیکھتا ہے؟");
    expect(who).not.toContain(tr("about:title", "ur", { name: h.profile.name.ur! }).slice(0, 10));
    expect(who).toContain(privacy.slice(0, 30));
  });
});

describe("the reply follows the writer", () => {
  it("an English question after «السلام عليكم» is answered in English; a chosen language then wins", async () => {
    h = await createHarness({ org: "maa" });
    const first = await said("السلام عليكم");
    expect(first).toContain("وعليكم السلام");
    const english = await said("How can I contact you, what is your phone number?");
    expect(english).toMatch(/[A-Za-z]{4,}/);
    expect(english).not.toContain(tr("menu:prompt", "ar"));
    // Back to Arabic by writing Arabic.
    const arabic = await said("وش رقم الجوال حقكم؟");
    expect(arabic).toContain(tr("faq:more", "ar").slice(0, 10));
    // Chosen explicitly: English stays, whatever the next message is written in.
    await said("English");
    const stays = await said("وش رقم الجوال حقكم؟");
    expect(stays).toContain(tr("faq:more", "en").slice(0, 10));
  });

  it("an Urdu question is answered in Urdu, never sent to a referral", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await said("السلام عليكم");
    const out = await said("اسلامی کورس میں داخلہ کیسے لیں؟");
    expect(out).toMatch(/[\u0679\u0688\u0691\u06BA\u06C1\u06D2]/);
    expect(await ticketsOf("referral")).toHaveLength(0);
  });
});
