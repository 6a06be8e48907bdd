/**
 * Free-text fields and changes of mind, and the commands that work anywhere
 * honoured inside forms, requests for information and surveys: whole
 * conversations through the engine, for two associations.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, textOf, type Harness } from "./helpers";
import { draftAnswers, formUntil, said, savedState } from "./form-helpers";
import { createStaffCommands } from "../bot/staff/commands";
import { createLogger } from "../bot/log";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Per association: a program, its optional free-text field, and a number field. */
const CASES = [
  { org: "maa", program: "tank_installation", text: "notes", number: "household_size" },
  { org: "sumou", program: "family_values", text: "notes", number: "participants_count" },
] as const;

const stateOf = (chatId = "u1") => savedState(h, chatId);

describe("a wrong answer is not a question", () => {
  it("a place name typed for the ID number gets the ID's own error, not an FAQ answer about the place", async () => {
    h = await createHarness({ org: "maa" });
    await h.say("السلام عليكم");
    await formUntil(h, "tank_installation", "national_id");
    const out = await said(h, "الخبراء");
    expect(out).toContain("10");
    for (const faq of h.profile.faqs) expect(out).not.toContain(faq.answer.ar.slice(0, 30));
    // A real question in the same field is still answered.
    const faq = h.profile.faqs[0]!;
    expect(await said(h, `${faq.questions.ar[0]!}؟`)).toContain(faq.answer.ar.slice(0, 25));
  });
});

describe.each(CASES)("a free-text field ($org)", ({ org, program, text }) => {
  it("never stores a question, a greeting, a menu number or a change of mind as the answer", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, text);

    // A question the FAQ answers: answered, the same question asked again.
    const faq = h.profile.faqs[0]!;
    const answered = await said(h, `${faq.questions.ar[0]!}؟`);
    expect(answered).toContain(faq.answer.ar.slice(0, 25));
    // A question the FAQ does not answer: asked before it is kept.
    const confirm = await said(h, "هل تحبون القهوة العربية؟");
    expect(confirm).toContain("يبدو أن ما كتبته سؤال");
    await h.say("لا، سأكتبها من جديد");
    // A greeting, thanks, a bare menu number.
    expect(await said(h, "السلام عليكم")).toContain("وعليكم السلام");
    expect(await said(h, "شكرا")).toContain("العفو");
    expect(await said(h, "3")).toContain("كتبت «3» فقط");
    await h.say("لا");
    expect((await draftAnswers(h))[text]).toBeUndefined();

    // A change of mind is a cancellation, asked first; «لا» goes back to the same question.
    const label = h.profile.programs.find((p) => p.id === program)!.fields.find((f) => f.id === text)!.label.ar;
    for (const words of ["لا ابي", "غيرت رايي", "الغاء"]) {
      expect(await said(h, words)).toContain("هل أنت متأكد من إلغاء الطلب");
      expect(await said(h, "لا")).toContain(label);
      expect((await stateOf()).step).toMatchObject({ name: "field", fieldId: text });
    }
    expect((await draftAnswers(h))[text]).toBeUndefined();

    // A real answer is kept.
    await h.say("البيت في آخر الشارع بعد المسجد");
    expect((await draftAnswers(h))[text]).toEqual({ type: "text", value: "البيت في آخر الشارع بعد المسجد" });
  });

  it("keeps a question as the answer when the person says it is one", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, text);
    await h.say("هل القهوة العربية جاهزة؟");
    await h.say("نعم، احفظها");
    expect((await draftAnswers(h))[text]).toEqual({ type: "text", value: "هل القهوة العربية جاهزة؟" });
  });
});

describe.each(CASES)("commands inside a form ($org)", ({ org, program, text, number }) => {
  it("«موظف» hands off with the unfinished application attached, and the form goes on afterwards", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, number);
    const handed = await said(h, "موظف");
    const ref = /H\d{2}-\d{5}/.exec(handed)![0];
    const alert = h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text)).find((t) => t.includes(ref))!;
    expect(alert).toContain("طلب غير مكتمل");
    expect(alert).toContain(h.profile.programs.find((p) => p.id === program)!.name.ar);
    const ticket = await h.opened.db.selectFrom("tickets").selectAll().where("reference", "=", ref).executeTakeFirstOrThrow();
    expect(ticket.body).toContain(`partial application: ${program}`);
    const ended = await said(h, "إنهاء");
    expect(ended).toContain("حفظنا طلبك");
    expect(await said(h, "1")).toContain("لديك طلب لم يكتمل");
    const resumed = await said(h, "إكمال الطلب");
    expect((await stateOf()).step).toMatchObject({ name: "field", fieldId: number });
    expect(resumed).toContain("نكمل");
  });

  it("«موظف» in a field of words asks which is meant", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, text);
    expect(await said(h, "موظف")).toContain("هل تريد التحدث مع موظف");
    await h.say("هذه إجابتي");
    expect((await draftAnswers(h))[text]).toEqual({ type: "text", value: "موظف" });
  });

  it("a language switches and the same question is asked in it; help explains the question in hand", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    const asked = plain(textOf(await formUntil(h, program, number)));
    const english = await said(h, "English");
    expect(english).toContain("English selected");
    expect((await stateOf()).flow).toBe("apply");
    const label = h.profile.programs.find((p) => p.id === program)!.fields.find((f) => f.id === number)!.label;
    expect(english).toContain(label.en);
    expect(asked).toContain(label.ar);
    const help = await said(h, "help");
    expect(help).toContain("You are filling in an application");
    expect(help).toContain(label.en);
    await h.say("5");
    expect((await draftAnswers(h))[number]).toEqual({ type: "number", value: 5 });
    expect((await h.opened.db.selectFrom("contacts").select("locale").executeTakeFirstOrThrow()).locale).toBe("en");
  });

  it("«0» answers a number question, and stop asks before stopping announcements, never leaving the form", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await formUntil(h, program, number);
    const stop = await said(h, "إيقاف");
    expect(stop).toContain("هل تريد إيقاف رسائل الإعلانات");
    expect(stop).toContain("محفوظ");
    const kept = await said(h, "لا، نكمل");
    expect(kept).toContain("لم نغيّر شيئاً");
    expect((await stateOf()).step).toMatchObject({ name: "field", fieldId: number });
    expect((await h.opened.db.selectFrom("contacts").select("broadcast_opt_in").executeTakeFirstOrThrow()).broadcast_opt_in).toBe(1);
    await h.say("إيقاف");
    const stopped = await said(h, "نعم");
    expect(stopped).toContain("تم إيقاف الرسائل الإعلانية");
    expect((await stateOf()).step).toMatchObject({ name: "field", fieldId: number });
    expect((await h.opened.db.selectFrom("contacts").select("broadcast_opt_in").executeTakeFirstOrThrow()).broadcast_opt_in).toBe(0);
    const zero = await said(h, "0");
    expect(zero).not.toContain("اختر الخدمة");
    expect((await stateOf()).flow).toBe("apply");
  });

  it("shows the privacy notice in full once, and only a short question after an unclear reply", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await h.say("1");
    const full = await said(h, String(h.profile.programs.filter((p) => p.open).findIndex((p) => p.id === program) + 1));
    const notice = h.profile.privacyNotice.ar.slice(0, 40);
    expect(full).toContain(notice);
    const short = await said(h, "ممكن");
    expect(short).not.toContain(notice);
    expect(short).toContain("إشعار الخصوصية");
    expect(await said(h, "أوافق، لنبدأ")).toContain("(1/");
  });
});

describe("commands inside a survey", () => {
  it.each(["maa", "sumou"])("a language keeps the survey, cancel leaves it (%s)", async (org) => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    const opened = await said(h, "موظف");
    const ref = /H\d{2}-\d{5}/.exec(opened)![0];
    const staff = createStaffCommands({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      staffIds: { telegram: ["42"] },
      staffTargets: [{ channel: "console", chatId: "staff", locale: "ar" }],
      clock: () => h.now(),
      log: createLogger("silent"),
    });
    await staff.handleText({ channel: "telegram", userId: "42" }, `/reply ${ref} أهلاً بك`);
    expect(await said(h, "إنهاء")).toContain("ما مدى رضاك");
    const english = await said(h, "English");
    expect(english).toContain("How satisfied");
    expect((await stateOf()).flow).toBe("survey");
    expect(await said(h, "cancel")).toContain("stopped the survey");
    expect((await stateOf()).flow).toBe("menu");
  });
});
