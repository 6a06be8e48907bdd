import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, textOf, type Harness } from "./helpers";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const FRIDAY_EVENING = new Date("2026-11-27T17:00:00Z"); // Friday 20:00 in Riyadh

describe("talking to a person", () => {
  it("opens a handoff, alerts staff, and stays silent except for القائمة and ending it", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    const opened = plain(textOf(await h.say("5")));
    const ref = /H\d{2}-\d{5}/.exec(opened)?.[0];
    expect(ref).toBeDefined();
    const role = h.profile.staffRoles.find((r) => r.id === h.profile.escalationRole)!;
    expect(opened).toContain(role.title.ar);
    expect(opened).toContain("وقت الدوام");
    expect(h.sent.some((s) => s.chatId === "staff" && plain(s.message.text).includes(ref!))).toBe(true);

    // Silence: the message goes to staff, nothing back to the beneficiary.
    expect(await h.say("أبي أعرف وين وصل موضوعي")).toHaveLength(0);
    expect(await h.say("1")).toHaveLength(0);
    const forwarded = h.sent.filter((s) => s.chatId === "staff").map((s) => s.message.text);
    expect(forwarded.some((t) => t.includes("أبي أعرف وين وصل موضوعي"))).toBe(true);

    // القائمة answers, and the handoff stays open.
    expect(textOf(await h.say("القائمة"))).toContain("ما زال مفتوحاً");
    expect(textOf(await h.say("5"))).toContain("ما زال قائماً");
    expect(textOf(await h.say("إنهاء"))).toContain("تم إنهاء المحادثة");
    const ticket = await h.opened.db.selectFrom("tickets").selectAll().where("reference", "=", ref!).executeTakeFirstOrThrow();
    expect(ticket.status).toBe("closed");
    expect(ticket.closed_by).toBe("beneficiary");
    // The bot answers again.
    expect(textOf(await h.say("القائمة"))).toContain("تقديم طلب");
  });

  it("outside working hours tells when staff will answer (next opening, Hijri and Gregorian)", async () => {
    h = await createHarness({ now: FRIDAY_EVENING });
    await h.say("السلام عليكم");
    const r = plain(textOf(await h.say("موظف")));
    expect(r).toContain("خارج أوقات الدوام");
    expect(r).toContain("29 نوفمبر 2026"); // Sunday
    expect(r).toContain(h.profile.workingHours.open);
  });
});

describe("referral", () => {
  it("answers a request outside the association's scope with the specialised body from the profile", async () => {
    h = await createHarness();
    const moh = h.profile.referrals.partners.find((p) => p.topics.includes("medical"))!;
    await h.say("السلام عليكم");
    const r = plain(textOf(await h.say("ابغى موعد في المستشفى الله يجزاكم خير")));
    expect(r).toContain("ليس من اختصاص");
    expect(r).toContain(moh.name.ar);
    expect(r).toContain("937");
    const ticket = await h.opened.db.selectFrom("tickets").selectAll().where("kind", "=", "referral").executeTakeFirstOrThrow();
    expect(ticket.referral_id).toBe("medical");
  });
});

describe("complaints and suggestions", () => {
  it("records a complaint with a ticket number, alerts staff, and treats evaluation as a right", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    expect(textOf(await h.say("4"))).toContain("حق من حقوقك");
    await h.say("شكوى");
    const r = plain(textOf(await h.say("تأخر توصيل الوايت ثلاث مرات")));
    const ref = /C\d{2}-\d{5}/.exec(r)?.[0];
    expect(ref).toBeDefined();
    expect(r).toContain("لن يؤثر");
    const staff = h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text));
    expect(staff.some((t) => t.includes(ref!) && t.includes("تأخر توصيل الوايت"))).toBe(true);
  });

  it("accepts a photo as the complaint", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    await h.say("4");
    await h.say("1");
    const r = textOf(await h.say({ kind: "media", mediaType: "image", fileRef: "/tmp/p.jpg", mimeType: "image/jpeg", caption: "الخزان مكسور" }));
    expect(r).toMatch(/C\d{2}-\d{5}/);
    const t = await h.opened.db.selectFrom("tickets").selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(t.attachment!)).toMatchObject({ fileRef: "/tmp/p.jpg" });
    expect(t.body).toBe("الخزان مكسور");
  });
});

describe("menu and the unexpected", () => {
  it("returns to the menu from anywhere with القائمة, menu or 0", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    await h.say("1");
    expect(textOf(await h.say("القائمه"))).toContain("تقديم طلب");
    await h.say("4");
    expect(textOf(await h.say("٠"))).toContain("تقديم طلب");
  });

  it("answers voice notes, photos and gibberish politely, never silently", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    expect(textOf(await h.say({ kind: "media", mediaType: "voice", fileRef: "v1", mimeType: "audio/ogg" }))).toContain("الصوتية");
    // A photo sent first is kept for the complaint or suggestion it belongs to.
    const photo = textOf(await h.say({ kind: "media", mediaType: "image", fileRef: "i1", mimeType: "image/jpeg" }));
    expect(photo).toContain("استلمنا الملف");
    expect(photo).toContain("شكوى");
    await h.say("القائمة");
    expect(textOf(await h.say("كخكخكخ زززز"))).toContain("لم أفهم");
    expect(textOf(await h.say({ kind: "location", latitude: 1, longitude: 2 }))).toContain("القائمة".slice(0, 3));
    expect((await h.say("\u200f\u200b")).length).toBe(1);
  });

  it("goes straight to the program a sentence names", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    const r = textOf(await h.say("ابغى اقدم على وايت موية"));
    expect(r).toContain("برنامج: " + h.profile.programs.find((p) => p.id === "water_truck")!.name.ar);
    await h.say("القائمة");
    expect(textOf(await h.say("ابي اقدم طلب"))).toContain("اختر البرنامج");
  });

  it("thanks and goodbyes get a kind answer", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    expect(textOf(await h.say("شكرا"))).toContain("العفو");
    expect(textOf(await h.say("مع السلامة"))).toContain("في أمان الله");
  });

  it("shows about and contact information from the profile", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    const about = plain(textOf(await h.say("6")));
    expect(about).toContain(h.profile.name.ar);
    expect(about).toContain("الأحد");
    expect(about).toContain(h.profile.workingHours.open);
  });
});
