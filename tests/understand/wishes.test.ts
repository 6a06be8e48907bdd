/**
 * What a tired beneficiary types instead of what the bot asked, through the
 * engine: a wish for what a program gives starts that application; a request
 * for a person is never read as an appeal because one letter differs; at the
 * program list, a question is answered and a name is told the list comes first.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, textOf, validNationalId, type Harness } from "../helpers";

let h: Harness;
afterEach(async () => h?.close());

const said = async (text: string, chatId = "u1") => plain(textOf(await h.say(text, chatId)));
const tr = (key: string, locale: "ar" | "en" | "ur", params?: Record<string, string | number>) => plain(h.sila.translator.t(key, locale, params));

describe("a wish names the program", () => {
  it("«ابي خزان ماء لبيتي» starts the tank application (its privacy notice), not an answer on how to apply", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("ابي خزان ماء لبيتي");
    expect(out).toContain("تركيب خزانات المياه المنزلية");
    expect(out).toContain("🔒");
    expect(await said("1")).toContain("(1/");
  });

  it("«ابغى وايت» starts the water truck application; a question about it is answered instead", async () => {
    h = await createHarness({ org: "maa" });
    expect(await said("ابغى وايت")).toContain("توصيل صهاريج المياه");
    const asked = await said("كم يوم ياخذ توصيل الوايت؟", "u2");
    expect(asked).not.toContain("🔒");
  });

  it("a negated wish starts nothing", async () => {
    h = await createHarness({ org: "maa" });
    expect(await said("ما ابي خزان الحين")).not.toContain("🔒");
  });
});

describe("a person asked for is a person", () => {
  it("«ابي اتكلم مع احد عن طلبي ضروري» hands over (not «no rejected application to appeal»)", async () => {
    h = await createHarness({ org: "maa" });
    await said("السلام عليكم");
    const out = await said("ابي اتكلم مع احد عن طلبي ضروري");
    expect(out).toContain("🙋");
    expect(out).not.toContain(tr("appeal:noRejected", "ar").slice(0, 30));
  });
});

describe("having applied, then asking what happened", () => {
  it("Urdu, in two clauses: the status in Urdu, not an FAQ answer about permits", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    expect(await said("میں نے درخواست دی تھی، کیا بنا؟")).toContain(tr("status:none", "ur"));
  });
});

describe("at the program list", () => {
  it("a question is answered as at the menu; a name is told the program comes first", async () => {
    h = await createHarness({ org: "maa" });
    await said("تقديم");
    const named = await said("محمد عبدالله الحربي");
    expect(named).toContain(tr("apply:programFirst", "ar").slice(0, 30));
    const asked = await said("متى يردون علي بعد التقديم؟");
    expect(asked).not.toContain(tr("apply:programFirst", "ar").slice(0, 30));
    expect(asked).not.toContain(tr("apply:pickFromList", "ar"));
    expect(asked).toContain("أسبوعين");
  });

  it("English: a name at the list is told the program comes first, in English", async () => {
    h = await createHarness({ org: "banan" });
    await said("I want to apply");
    expect(await said("Fatima Ali")).toContain(tr("apply:programFirst", "en"));
  });
});

describe("inside the form, not understanding is not an answer", () => {
  it("«مافهمت وش تبين» at the name is explained, not stored as a name; «ليش تبون الهويه» is told why", async () => {
    h = await createHarness({ org: "hayat" });
    await said("ابي موعد فحص");
    await said("1");
    const confused = await said("مافهمت وش تبين");
    expect(confused).toContain(tr("apply:explainField", "ar").slice(0, 20));
    expect(confused).toContain("(1/");
    await said("نوره محمد القحطاني");
    const why = await said("ليش تبون الهويه");
    expect(why).toContain("سرية");
    expect(why).toContain("(2/");
    // The name stored is the name, not the confusion.
    const draft = JSON.stringify(await h.opened.db.selectFrom("sessions").selectAll().execute());
    expect(draft).toContain("القحطاني");
    expect(draft).not.toContain("مافهمت");
  });

  it("English: 'what do you mean?' at a field is explained in English", async () => {
    h = await createHarness({ org: "banan" });
    await said("I want to apply");
    await said("1");
    await said("1");
    expect(await said("what do you mean?")).toContain(tr("apply:explainField", "en"));
  });
});

describe("inside the form, an answer not at hand", () => {
  it("English: «my iqama is with the kafeel» at the ID is told it is needed and the form is kept; «what i do» is explained; the ID typed later goes on", async () => {
    h = await createHarness({ org: "sumou" });
    await said("I want to register");
    await said("1");
    await said("yes");
    await said("Ahmed Ali Khan");
    const missing = await said("i dont have iqama now its with kafeel");
    expect(missing).toContain(tr("apply:requiredMissing", "en"));
    expect(missing).not.toContain(tr("validation:nid_format", "en"));
    expect(await said("what i do")).toContain(tr("apply:explainField", "en"));
    expect(await said(validNationalId(777, "2"))).toContain("(3/");
  });

  it("Urdu: «شکریہ» at the ID number is thanked back and the question asked again, without a warning", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await said("مجھے اسلام کے کورس میں داخلہ لینا ہے");
    await said("1");
    await said("محمد عمران خان");
    const thanked = await said("شکریہ");
    expect(thanked).toContain("(2/");
    expect(thanked).not.toContain("⚠️");
  });
});

describe("what is sent instead of words", () => {
  const voice = { kind: "media", mediaType: "voice", fileRef: "/tmp/v.ogg", mimeType: "audio/ogg", size: 5000 } as const;
  const photo = { kind: "media", mediaType: "image", fileRef: "/tmp/p.jpg", mimeType: "image/jpeg", fileName: "p.jpg", size: 20000 } as const;

  it("a voice note as the very first message is welcomed and told it cannot be listened to", async () => {
    h = await createHarness({ org: "maa" });
    const out = plain(textOf(await h.say(voice, "u1")));
    expect(out).toContain(tr("common:voiceNote", "ar"));
  });

  it("a photo of the ID card at the ID question asks for the number typed; «؟» alone gets the question's help", async () => {
    h = await createHarness({ org: "maa" });
    await said("تقديم");
    await said("1");
    await said("1");
    await said("محمد عبدالله الحربي");
    const photoed = plain(textOf(await h.say(photo, "u1")));
    expect(photoed).toContain(tr("validation:nid_photo", "ar"));
    const helped = await said("؟");
    expect(helped).not.toContain(tr("validation:nid_format", "ar"));
    expect(helped).toContain("(2/");
  });
});

describe("a form begun is not an application sent", () => {
  it("«وش صار على طلبي» with a kept draft says it was not sent yet and offers to finish it; «وين وصلنا» at the resume question continues", async () => {
    h = await createHarness({ org: "banan" });
    await said("ابي اسجل في التدريب المهني");
    await said("1");
    await said("خالد سعد العتيبي");
    await said("القائمة");
    const status = await said("وش صار على طلبي");
    expect(status).toContain(tr("status:draftPending", "ar", { program: h.profile.programs[0]!.name.ar }).slice(0, 25));
    expect(status).not.toContain(tr("status:none", "ar"));
    const resumed = await said("1");
    expect(resumed).toContain(tr("apply:resumeContinue", "ar"));
    expect(await said("وين وصلنا")).toContain("(2/");
  });
});

describe("the resume question is not a trap", () => {
  it("«ممتاز», «شكرا» or a question at 'continue or start again?' are answered as at the menu; the form stays kept", async () => {
    h = await createHarness({ org: "banan" });
    await said("ابي اسجل في التدريب المهني");
    await said("1");
    await said("خالد سعد العتيبي");
    h.setNow(new Date(h.now().getTime() + 3 * 86_400_000));
    expect(await said("السلام عليكم")).toContain(tr("apply:resumeContinue", "ar"));
    const thanked = await said("شكرا");
    expect(thanked).not.toContain(tr("apply:pickFromList", "ar"));
    const asked = await said("متى يردون على الطلبات؟");
    expect(asked).not.toContain(tr("apply:pickFromList", "ar"));
    expect(asked).toContain("أسبوعين");
    // Kept: asking to continue picks up at the next question.
    expect(await said("ابي اكمل التسجيل")).toContain(tr("apply:resumeContinue", "ar"));
    expect(await said("1")).toContain("(2/");
  });
});

describe("a complaint is taken as it comes", () => {
  it("Urdu: «مجھے شکایت کرنی ہے» asks for the complaint at once; a question at that step is not filed; the complaint is", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    expect(await said("مجھے شکایت کرنی ہے")).toContain(tr("feedback:ask.complaint", "ur"));
    // A free-text step keeps the conversation's language (a complaint may be written in any language).
    expect(await said("what happens next?")).toContain(tr("feedback:questionNotSent", "ur"));
    expect(await h.opened.db.selectFrom("tickets").selectAll().execute()).toHaveLength(0);
    expect(await said("آپ کے استاد نے کلاس میں مجھ سے بدتمیزی کی اور سب کے سامنے مذاق اڑایا")).toContain("C26-");
  });

  it("the complaint written at 'complaint or suggestion?' is filed as a complaint, not met with 'choose a number'", async () => {
    h = await createHarness({ org: "maa" });
    await said("4");
    const filed = await said("الوايت ما وصلنا من اسبوعين والمندوب ما يرد على الجوال");
    expect(filed).toContain("C26-");
    expect(filed).not.toContain(tr("apply:pickFromList", "ar"));
    const [ticket] = await h.opened.db.selectFrom("tickets").select(["kind"]).execute();
    expect(ticket!.kind).toBe("complaint");
  });

  it("«شكوى» typed again at the complaint's step is not filed as the complaint: what happened is asked", async () => {
    h = await createHarness({ org: "maa" });
    expect(await said("شكوى")).toContain(tr("feedback:ask.complaint", "ar"));
    expect(await said("شكوى")).toContain(tr("feedback:ask.complaint", "ar"));
    expect(await h.opened.db.selectFrom("tickets").selectAll().execute()).toHaveLength(0);
  });

  it("«وين وصلت شكواي» at the complaint's text step is followed up, not filed as a complaint", async () => {
    h = await createHarness({ org: "maa" });
    await said("عندي شكوى");
    await said("وين وصلت شكواي؟");
    expect(await h.opened.db.selectFrom("tickets").selectAll().execute()).toHaveLength(0);
  });
});

describe("suggestions in the reader's language", () => {
  it("'did you mean' after an English question lists the FAQs' English questions, not the Arabic ones they matched", async () => {
    h = await createHarness({ org: "maa" });
    const out = await said("can I join you?");
    expect(out).toContain(tr("faq:didYouMean", "en"));
    expect(out).not.toMatch(/[\u0600-\u06FF]/);
  });
});
