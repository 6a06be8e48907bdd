import { afterEach, describe, expect, it } from "vitest";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness, openForm } from "./helpers";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe("applying for a program, Arabic", () => {
  it("greets with the salam reply, collects every field, attests, and submits with a reference and a staff alert", async () => {
    h = await createHarness();
    const greet = textOf(await h.say("السلام عليكم"));
    expect(greet).toContain("وعليكم السلام");
    expect(greet).toContain(h.profile.name.ar);
    expect(greet).toContain("تقديم طلب");

    const nid = validNationalId(12345678);
    const summary = plain(textOf(await applyUntilSummary(h, "tank_installation", { nationalId: nid })));
    expect(summary).toContain("محمد عبدالله الحربي");
    expect(summary).toContain(nid);
    expect(summary).toContain("+966551234567");
    expect(summary).toContain("إرسال الطلب");

    const raw = textOf(await submitFromSummary(h));
    const done = plain(raw);
    const ref = /A\d{2}-\d{5}/.exec(done)?.[0];
    expect(ref).toBeDefined();
    // The reference reads left-to-right inside the Arabic sentence: wrapped in Unicode isolates.
    expect(raw).toContain(`\u2068${ref}\u2069`);
    expect(done).toContain(h.profile.committee.name.ar);
    expect(done).toContain(String(h.profile.committee.decisionPeriodDays));
    expect(done).toMatch(/هـ/); // Hijri date of the expected answer
    expect(done).toMatch(/20\d\d/); // and Gregorian

    const app = await h.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(app.reference).toBe(ref);
    expect(app.status).toBe("submitted");
    expect(app.program_id).toBe("tank_installation");
    expect(app.attested_at).toBe(h.now().toISOString());
    expect(app.terms_accepted_at).toBe(h.now().toISOString());
    expect(app.privacy_accepted_at).toBe(h.now().toISOString());
    expect(app.national_id_hash).toMatch(/^[0-9a-f]{64}$/);
    const fields = JSON.parse(app.fields) as Record<string, { type: string; value?: unknown }>;
    expect(fields["mobile"]).toEqual({ type: "phone", value: "+966551234567" });
    expect(fields["birth_date"]).toMatchObject({ type: "date", calendar: "hijri" });

    const events = await h.opened.db.selectFrom("application_events").selectAll().execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: "beneficiary", action: "submitted", to_status: "submitted" });

    const staff = h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text));
    const alert = staff.find((t) => t.includes(ref!));
    expect(alert).toBeDefined();
    expect(alert).toContain(`******${nid.slice(-4)}`);
    expect(alert).not.toContain(nid);

    const contact = await h.opened.db.selectFrom("contacts").selectAll().executeTakeFirstOrThrow();
    expect(contact.phone).toBe("+966551234567");
    expect(contact.privacy_accepted_at).not.toBeNull();
  });

  it("says what is wrong with a bad answer and asks again, accepting Arabic-Indic digits", async () => {
    h = await createHarness();
    await h.say("مرحبا");
    await h.say("١");
    await h.say("١");
    await h.say("١");
    expect(textOf(await h.say("محمد"))).toContain("ثلاثياً");
    const askId = textOf(await h.say("محمد عبدالله الحربي"));
    expect(askId).toContain("الهوية");
    expect(textOf(await h.say("1234567890"))).toContain("رقم التحقق");
    expect(textOf(await h.say("3234567890"))).toContain("يبدأ بـ 1");
    const arabicDigits = validNationalId(5550001).replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);
    expect(textOf(await h.say(arabicDigits))).toContain("الجوال");
    expect(textOf(await h.say("0112345678"))).toContain("05XXXXXXXX");
    expect(textOf(await h.say("٠٥٥١٢٣٤٥٦٧"))).toContain("المدينة");
  });
});

describe("a question instead of an answer", () => {
  it("answers an FAQ asked in the middle of the form, then asks the same field again", async () => {
    h = await createHarness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    const period = h.profile.faqs.find((f) => /أسبوعين|١٤|14/.test(f.answer.ar))!;
    const r = textOf(await h.say("كم ياخذ الطلب وقت عندكم؟"));
    expect(r).toContain(period.answer.ar.slice(0, 30));
    expect(r).toContain("(2/");
    expect(r).not.toContain("10 أرقام. تأكد");
    expect(textOf(await h.say(validNationalId(8080808)))).toContain("(3/");
  });

  it("does not take a question without a question mark for a name", async () => {
    h = await createHarness();
    await openForm(h);
    const r = textOf(await h.say("كم ياخذ الطلب وقت عندكم"));
    expect(r).toContain("(1/");
    expect(textOf(await h.say("محمد عبدالله الحربي"))).toContain("(2/");
  });
});

describe("applying for a program, English", () => {
  it("chooses English from the first message and completes the application in English", async () => {
    h = await createHarness();
    const hello = textOf(await h.say("Hello"));
    expect(hello).toContain(h.profile.name.en);
    expect(hello).toContain("Apply for a program");
    await applyUntilSummary(h, "water_truck", { nationalId: validNationalId(7654321, "2"), locale: "en" });
    const done = plain(textOf(await submitFromSummary(h)));
    expect(done).toContain("Your application has been received");
    expect(done).toMatch(/A\d{2}-\d{5}/);
    expect(done).toContain("AH");
    const contact = await h.opened.db.selectFrom("contacts").select("locale").executeTakeFirstOrThrow();
    expect(contact.locale).toBe("en");
  });

  it("switches language at any time", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    expect(textOf(await h.say("English"))).toContain("Apply for a program");
    expect(textOf(await h.say("عربي"))).toContain("تقديم طلب");
  });
});

describe("back, edit, cancel and resume", () => {
  it("goes back a step with رجوع and asks the previous question again", async () => {
    h = await createHarness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    const back = textOf(await h.say("رجوع"));
    expect(back).toContain("الاسم الكامل");
    expect(textOf(await h.say("خالد محمد العتيبي"))).toContain("الهوية");
  });

  it("edits one field from the summary and returns to the summary with the new value", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(1111111) });
    await h.say("2"); // edit
    const which = textOf(await h.say("4")); // the city
    expect(which).toContain("المدينة");
    const summary = textOf(await h.say("عرعر"));
    expect(summary).toContain("تم التعديل");
    expect(summary).toContain("عرعر");
    expect(summary).not.toContain("بريدة");
  });

  it("cancels only after confirmation and stores nothing", async () => {
    h = await createHarness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    expect(textOf(await h.say("إلغاء"))).toContain("متأكد");
    expect(textOf(await h.say("لا"))).toContain("الهوية"); // back to the question in hand
    await h.say("الغاء");
    expect(textOf(await h.say("نعم"))).toContain("تم إلغاء الطلب");
    expect(await h.opened.db.selectFrom("applications").selectAll().execute()).toHaveLength(0);
    // And applying again starts fresh, not from the cancelled draft.
    const again = textOf(await h.say("1"));
    expect(again).not.toContain("لم يكتمل");
  });

  it("resumes a half-filled form after the database is closed and reopened", async () => {
    h = await createHarness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    await h.say(validNationalId(2222222));
    const file = h.file;
    await h.close();

    // A restart, a day later.
    h = await createHarness({ file, now: new Date("2026-11-23T10:00:00Z") });
    const resume = textOf(await h.say("السلام عليكم"));
    expect(resume).toContain("وعليكم السلام");
    expect(resume).toContain("لم يكتمل");
    expect(resume).toContain("إكمال الطلب");
    const cont = textOf(await h.say("1"));
    expect(cont).toContain("الجوال"); // the next unanswered question

    // Starting over is offered too.
    await h.say("القائمة");
    await h.say("1");
    const fresh = textOf(await h.say("2"));
    expect(fresh).toContain("اختر البرنامج");
  });

  it("after a long pause inside the form, offers to continue or start over", async () => {
    h = await createHarness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    h.setNow(new Date(h.now().getTime() + 2 * 86_400_000));
    const r = textOf(await h.say("هلا"));
    expect(r).toContain("أهلاً بعودتك");
    expect(r).toContain("إكمال الطلب");
  });
});

describe("one open application per program and national ID", () => {
  it("refuses a second open application for the same program and ID, naming the open one", async () => {
    h = await createHarness();
    const nid = validNationalId(3333333);
    await h.say("السلام عليكم", "a");
    await applyUntilSummary(h, "tank_installation", { nationalId: nid, chatId: "a" });
    const done = plain(textOf(await submitFromSummary(h, "a")));
    const ref = /A\d{2}-\d{5}/.exec(done)![0];

    // Another chat (a relative's phone) with the same national ID.
    await h.say("السلام عليكم", "b");
    await h.say("1", "b");
    await h.say("1", "b");
    await h.say("1", "b");
    await h.say("محمد عبدالله الحربي", "b");
    const refused = plain(textOf(await h.say(nid, "b")));
    expect(refused).toContain(ref);
    expect(refused).toContain("لديك طلب قائم");
    expect(await h.opened.db.selectFrom("applications").selectAll().execute()).toHaveLength(1);
  });
});
