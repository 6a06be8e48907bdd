/**
 * The referral's follow-up through the engine and the scheduler's job with a
 * clock the test moves: asked once after the profile's days (inside
 * quiet-hours rules, idempotent), answered yes by button, no in Urdu words,
 * "still waiting" then again after the one reminder (staff alerted with the
 * referral's history), and never answered ("no answer" after the reminder).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, textOf, type Harness } from "./helpers";
import { followUpReferrals } from "../bot/referrals/followup";
import { createScheduler } from "../bot/scheduler";
import { createLogger } from "../bot/log";
import type { OutboundMessage } from "../bot/channels/types";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const DAY = 86_400_000;
const later = (days: number, hours = 0) => h.setNow(new Date(h.now().getTime() + days * DAY + hours * 3_600_000));
const deps = () => ({ db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h.now(), calendar: h.sila.calendar });
const said = async (content: string | { kind: "choice"; value: string }) => plain(textOf(await h.say(content)));
const referral = () =>
  h.opened.db.selectFrom("referrals as r").innerJoin("tickets as t", "t.id", "r.ticket_id").select(["t.reference", "t.status as ticket", "r.status", "r.answer", "r.asked_at", "r.reminded_at", "r.alerted_at"]).executeTakeFirstOrThrow();
const staffSaid = () => h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text));

/** Runs the job and delivers what it queued; returns what the beneficiary got. */
async function runJob(): Promise<{ counts: Awaited<ReturnType<typeof followUpReferrals>>; got: OutboundMessage[] }> {
  const before = h.sent.length;
  const counts = await followUpReferrals(deps());
  await h.sila.outbox.drainOnce();
  return { counts, got: h.sent.slice(before).filter((s) => s.chatId === "u1").map((s) => s.message) };
}

/** jaliyat_badr: an unpaid salary, referred to the ministry's line (the person calls them). */
async function referred(text = "صاحب الشغل ما عطاني معاشي ثلاث شهور"): Promise<string> {
  h = await createHarness({ org: "jaliyat_badr" });
  await said(text);
  return (await referral()).reference;
}

describe("asked whether the partner helped", () => {
  it("after the profile's days, once, with three buttons; «yes» closes it", async () => {
    const reference = await referred();
    later(6);
    expect((await runJob()).counts.asked).toBe(0);
    later(1);
    const { counts, got } = await runJob();
    expect(counts.asked).toBe(1);
    expect(got).toHaveLength(1);
    expect(plain(got[0]!.text)).toContain(reference);
    expect(plain(got[0]!.text)).toContain("وزارة الموارد البشرية والتنمية الاجتماعية");
    expect(got[0]!.choices!.map((c) => c.value)).toEqual([`refcheck:${reference}:helped`, `refcheck:${reference}:not_helped`, `refcheck:${reference}:waiting`]);
    // Idempotent: the next run sends nothing again.
    expect((await runJob()).got).toHaveLength(0);

    const thanks = await said({ kind: "choice", value: got[0]!.choices![0]!.value });
    expect(thanks).toContain("سعدنا بذلك");
    expect(await referral()).toMatchObject({ status: "helped", answer: "helped", ticket: "closed", alerted_at: null });
    // Helped: no reminder, no alert.
    later(4);
    expect((await runJob()).counts).toEqual({ asked: 0, reminded: 0, unanswered: 0 });
    expect(staffSaid().some((s) => s.includes(reference))).toBe(false);
  });

  it("waits out quiet hours: at night nothing goes; the morning run sends it", async () => {
    await referred();
    h.setNow(new Date("2026-11-29T20:00:00Z")); // Sunday 23:00 in Riyadh, 7 days on
    expect((await runJob()).counts.asked).toBe(0);
    h.setNow(new Date("2026-11-30T06:00:00Z")); // Monday 09:00
    expect((await runJob()).counts.asked).toBe(1);
  });

  it("«no» in Urdu words: not helped, staff alerted with the referral's history", async () => {
    const reference = await referred("میرے مالک نے تین مہینے سے تنخواہ نہیں دی");
    later(7);
    const { got } = await runJob();
    expect(plain(got[0]!.text)).toContain("کیا انہوں نے آپ کی مدد کی؟");
    const r = await said("نہیں");
    expect(r).toContain("ہم نے اپنے ایک کارکن کو بتا دیا ہے");
    expect(await referral()).toMatchObject({ status: "not_helped", answer: "not_helped", ticket: "open" });
    const alert = staffSaid().find((s) => s.includes(reference) && s.includes("لم يساعدوه"));
    expect(alert).toBeDefined();
    expect(alert).toContain("السجل");
    expect(alert).toContain("سُئل هل ساعدوه");
  });

  it("«still waiting», then the reminder, «still waiting» again: staff alerted", async () => {
    const reference = await referred();
    later(7);
    await runJob();
    expect(await said("لسه")).toContain("سنسألك مرة أخرى بعد 3 أيام");
    expect(staffSaid().some((s) => s.includes(reference))).toBe(false);
    later(2);
    expect((await runJob()).counts.reminded).toBe(0);
    later(1);
    const { counts, got } = await runJob();
    expect(counts.reminded).toBe(1);
    expect(plain(got[0]!.text)).toContain("تذكير");
    expect(await said("ما زلت أنتظر")).toContain("أبلغنا أحد موظفينا");
    expect(await referral()).toMatchObject({ answer: "waiting", ticket: "open" });
    expect((await referral()).alerted_at).not.toBeNull();
    const alert = staffSaid().find((s) => s.includes(reference) && s.includes("ما زال ينتظر"));
    expect(alert).toContain("ذُكّر بالسؤال");
  });

  it("never answered: one reminder, then «no answer»; nothing more is sent", async () => {
    await referred();
    later(7);
    expect((await runJob()).counts.asked).toBe(1);
    later(3);
    expect((await runJob()).counts.reminded).toBe(1);
    later(3);
    const { counts, got } = await runJob();
    expect(counts).toEqual({ asked: 0, reminded: 0, unanswered: 1 });
    expect(got).toHaveLength(0);
    expect(await referral()).toMatchObject({ status: "no_answer", answer: null, ticket: "closed" });
    later(10);
    expect((await runJob()).counts).toEqual({ asked: 0, reminded: 0, unanswered: 0 });
  });

  it("runs with the scheduler's other jobs (catching up after downtime)", async () => {
    await referred();
    later(20); // the bot was down: the question is still asked, once
    const scheduler = createScheduler({ ...deps(), staff: [], outbox: h.sila.outbox, log: createLogger("silent") });
    expect(await scheduler.runAll()).toBe(true);
    expect((await referral()).asked_at).not.toBeNull();
    expect(await scheduler.runAll()).toBe(true);
    await h.sila.outbox.drainOnce();
    expect(h.sent.filter((s) => s.chatId === "u1" && s.message.text.includes("هل ساعدوك"))).toHaveLength(1);
  });
});

describe("staff update a referral's status with the staff commands", () => {
  const STAFF = { channel: "telegram" as const, userId: "1001", displayName: "نورة" };

  async function workspace() {
    const { createStaffCommands } = await import("../bot/staff/commands");
    return createStaffCommands({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      cipher: h.sila.cipher,
      staffIds: { telegram: ["1001"] },
      staffTargets: [{ channel: "console", chatId: "staff", locale: "ar" }],
      clock: () => h.now(),
      log: createLogger("silent"),
    });
  }
  const text = (replies: { text: string }[]) => plain(replies.map((r) => r.text).join("\n"));

  it("partner answered, then helped (Arabic alias): audited, in its history, the ticket closed, no question asked", async () => {
    const reference = await referred();
    const staff = await workspace();
    expect(text(await staff.handleText(STAFF, `/referral ${reference} partner_answered اتصلوا به اليوم`))).toContain("ردّت الجهة");
    expect(await referral()).toMatchObject({ status: "partner_answered" });
    const done = text(await staff.handleText(STAFF, `/إحالة ${reference.toLowerCase()} تمت المساعدة`));
    expect(done).toContain("تمت مساعدته");
    expect(done).toContain("أُغلقت تذكرتها");
    expect(await referral()).toMatchObject({ status: "helped", ticket: "closed" });

    const audit = await h.opened.db.selectFrom("staff_audit").select(["action", "target", "detail"]).where("action", "=", "referral").orderBy("id").execute();
    expect(audit.map((a) => a.detail)).toEqual(["suggested->partner_answered", "partner_answered->helped"]);
    expect(audit.every((a) => a.target === reference)).toBe(true);

    const shown = text(await staff.handleText(STAFF, `/show ${reference}`));
    expect(shown).toContain("مشاكل العمل والرواتب والعقود");
    expect(shown).toContain("وزارة الموارد البشرية والتنمية الاجتماعية");
    expect(shown).toContain("سجل الإحالة");
    expect(shown).toContain("staff:telegram:1001");

    // An outcome ends the follow-up.
    later(8);
    expect((await runJob()).counts.asked).toBe(0);
  });

  it("a word that is no status gets the usage; another ticket is not a referral", async () => {
    const reference = await referred();
    const staff = await workspace();
    expect(text(await staff.handleText(STAFF, `/referral ${reference} maybe`))).toContain("الحالات:");
    expect(text(await staff.handleText(STAFF, `/referral ${reference}`))).toContain("الحالات:");
    await said("4");
    await said("شكوى");
    const complaint = /C\d{2}-\d{5}/.exec(await said("تأخر توصيل الطلب ثلاث مرات"))?.[0];
    expect(complaint).toBeDefined();
    expect(text(await staff.handleText(STAFF, `/referral ${complaint} helped`))).toContain("ليست إحالة");
    expect(await referral()).toMatchObject({ status: "suggested" });
  });
});
