/**
 * The committee asks for more information: whole conversations through the
 * engine, for two associations. The next message is never taken blindly;
 * texts and files are collected, shown back and sent only on confirmation;
 * what is needed and by when can be asked; "I can't" reaches staff as a note.
 */
import { afterEach, describe, expect, it } from "vitest";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";
import { decide } from "../bot/decisions";
import type { StaffTarget } from "../bot/engine";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const STAFF: StaffTarget[] = [{ channel: "console", chatId: "staff", locale: "ar" }];
const PROFILES = ["maa", "jaliyat_badr"] as const;

async function submitted(org: string, chatId = "u1", seed = 4040404): Promise<string> {
  h = await createHarness({ org });
  await h.say("السلام عليكم", chatId);
  const program = h.profile.programs.find((p) => p.open)!;
  await applyUntilSummary(h, program.id, { nationalId: validNationalId(seed), chatId });
  return /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h, chatId))))![0];
}

async function askFor(reference: string, note: string, dueOn?: string): Promise<string> {
  const r = await decide(
    { db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h.now(), staff: STAFF, calendar: h.sila.calendar },
    { reference, decision: "needinfo", actor: "staff:telegram:42", note, ...(dueOn ? { dueOn } : {}) },
  );
  expect(r).toMatchObject({ ok: true, to: "needs_info" });
  await h.sila.outbox.drainOnce();
  return plain(h.sent.filter((s) => s.chatId === "u1").at(-1)!.message.text);
}

const status = async () => (await h.opened.db.selectFrom("applications").select("status").executeTakeFirstOrThrow()).status;
const staffSaw = () => h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text)).join("\n---\n");
const say = async (m: Parameters<Harness["say"]>[0]) => plain(textOf(await h.say(m)));
const photo = (name: string, caption?: string) =>
  ({ kind: "media", mediaType: "image", fileRef: `/data/attachments/${name}`, mimeType: "image/jpeg", fileName: name, size: 4000, ...(caption ? { caption } : {}) }) as const;

describe.each(PROFILES)("a request for information (%s)", (org) => {
  it("handles a greeting, a menu number and «موظف» as themselves and recalls the request afterwards", async () => {
    const ref = await submitted(org);
    const notice = await askFor(ref, "صورة عقد الإيجار", "2026-12-10");
    expect(notice).toContain("صورة عقد الإيجار");
    expect(notice).toMatch(/1448|2026/); // the date it is needed by, Hijri and Gregorian

    const greeted = await say("السلام عليكم");
    expect(greeted).toContain("وعليكم السلام");
    expect(greeted).toContain("تذكير");
    expect(greeted).toContain("صورة عقد الإيجار");

    const listed = await say("2");
    expect(listed).toContain(ref);
    expect(listed).toContain("المطلوب منك: صورة عقد الإيجار");

    const person = await say("موظف");
    expect(person).toMatch(/H\d{2}-\d{5}/);
    await say("إنهاء");
    expect(await status()).toBe("needs_info");
    const events = await h.opened.db.selectFrom("application_events").select("actor").execute();
    expect(events.filter((e) => e.actor === "beneficiary")).toHaveLength(1); // only the submission
  });

  it("collects texts and files in any order, shows them back, and sends every part on confirmation", async () => {
    const ref = await submitted(org);
    await askFor(ref, "صورة فاتورة الكهرباء ورقم العداد");

    const first = await say(photo("bill.jpg"));
    expect(first).toContain("استلمنا الملف");
    expect(await status()).toBe("needs_info"); // nothing goes before the beneficiary confirms

    expect(await say("رقم العداد 778899")).toContain("أضفنا ما كتبته");
    // What was sent is kept sealed in the saved conversation until it goes to the committee.
    const saved = await h.opened.db.selectFrom("sessions").select("state").execute();
    expect(saved.map((r) => r.state).join("")).not.toContain("778899");
    const needed = await say("وش المطلوب بالضبط؟");
    expect(needed).toContain("صورة فاتورة الكهرباء ورقم العداد");
    expect(needed).toContain("آخر موعد");
    expect(await say("مرحبا")).toContain("أهلاً");
    await say(photo("bill-back.jpg", "الوجه الخلفي للفاتورة"));

    const summary = await say("مراجعة وإرسال");
    for (const part of ["bill.jpg", "رقم العداد 778899", "bill-back.jpg", "الوجه الخلفي للفاتورة"]) expect(summary).toContain(part);
    expect(summary).not.toContain("وش المطلوب");
    expect(summary).not.toContain("مرحبا");

    expect(await say("1")).toContain("استلمنا ما أرسلته");
    expect(await status()).toBe("under_review");
    const event = await h.opened.db.selectFrom("application_events").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor: "beneficiary", from_status: "needs_info", to_status: "under_review" });
    for (const part of ["/data/attachments/bill.jpg", "رقم العداد 778899", "/data/attachments/bill-back.jpg", "الوجه الخلفي للفاتورة"]) {
      expect(event.note).toContain(part);
    }
    const alert = staffSaw();
    for (const part of ["bill.jpg", "رقم العداد 778899", "bill-back.jpg", "الوجه الخلفي للفاتورة"]) expect(alert).toContain(part);
    // Afterwards no reminder of a request that was answered.
    expect(await say("شكراً")).not.toContain("تذكير");
  });

  it("keeps what was sent when the person goes elsewhere, and brings it back when they return", async () => {
    const ref = await submitted(org);
    await askFor(ref, "صورة الهوية");
    await say(photo("id-front.jpg"));
    const menu = await say("القائمة");
    expect(menu).toContain("تذكير");
    const back = await say("ارسال المطلوب");
    expect(back).toContain("محفوظ");
    const summary = await say("راجع");
    expect(summary).toContain("id-front.jpg");
    await say("نعم");
    expect(await status()).toBe("under_review");
  });

  it("takes a text typed at the menu as information only when the person says so", async () => {
    const ref = await submitted(org);
    await askFor(ref, "رقم الصك");
    const asked = await say("الصك رقم 4455 لسنة 1440");
    expect(asked).toContain("رقم الصك");
    expect(asked).toContain(ref);
    await say("نعم");
    const summary = await say("خلاص");
    expect(summary).toContain("الصك رقم 4455 لسنة 1440");
    await say("ارسل");
    expect(await status()).toBe("under_review");
  });

  it("says it cannot be provided: a note to staff, the request still stands", async () => {
    const ref = await submitted(org);
    await askFor(ref, "تقرير طبي حديث");
    await h.say({ kind: "choice", value: `info:${ref}` });
    const asked = await say("ما اقدر احصله");
    expect(asked).toContain("سنبلغ اللجنة");
    const noted = await say("المستشفى لا يصدر التقرير قبل شهرين");
    expect(noted).toContain("أبلغنا اللجنة");
    expect(await status()).toBe("needs_info");
    expect(staffSaw()).toContain("المستشفى لا يصدر التقرير قبل شهرين");
    const event = await h.opened.db.selectFrom("application_events").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "info_unavailable", actor: "beneficiary", note: "المستشفى لا يصدر التقرير قبل شهرين" });
  });
});

describe("a request for information in English", () => {
  it("asks what is needed and by when, collects, and sends on confirmation", async () => {
    h = await createHarness({ org: "jaliyat_badr" });
    await h.say("Hello");
    const program = h.profile.programs.find((p) => p.open)!;
    await applyUntilSummary(h, program.id, { nationalId: validNationalId(3131313, "2"), locale: "en" });
    const ref = /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h))))![0];
    await askFor(ref, "a copy of the residence permit");
    expect(await say("Hi")).toContain("a copy of the residence permit");
    const started = await say({ kind: "choice", value: `info:${ref}` });
    expect(started).toContain("Please send it by");
    expect(await say("what is needed?")).toContain("a copy of the residence permit");
    await say({ kind: "media", mediaType: "document", fileRef: "/data/iqama.pdf", mimeType: "application/pdf", fileName: "iqama.pdf", size: 9000 });
    expect(await say("done")).toContain("iqama.pdf");
    expect(await say("yes")).toContain("we received what you sent");
    expect(await status()).toBe("under_review");
  });
});
