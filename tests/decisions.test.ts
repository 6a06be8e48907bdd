import { afterEach, describe, expect, it } from "vitest";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness, openForm } from "./helpers";
import { decide, staffDecisions, TRANSITIONS, type DecisionDeps } from "../bot/decisions";
import { createStaffCommands } from "../bot/staff/commands";
import { dispatchProgramSurveys, remindSurveys } from "../bot/surveys";
import { programSurveyQuestions } from "../flows/survey";
import { buildReport, renderCsv } from "../bot/reports";
import { createScheduler, nudgeUnfinishedForms, overdueDigest, type JobDeps } from "../bot/scheduler";
import { createLogger } from "../bot/log";
import type { StaffTarget } from "../bot/engine";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const STAFF: StaffTarget[] = [{ channel: "console", chatId: "staff", locale: "ar" }];

function deps(): DecisionDeps & JobDeps {
  return { db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h.now(), staff: STAFF, calendar: h.sila.calendar };
}

async function submitted(chatId = "u1", seed = 9090909): Promise<string> {
  await h.say("السلام عليكم", chatId);
  await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(seed), chatId });
  return /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h, chatId))))![0];
}

const lastTo = (chatId: string) => plain(h.sent.filter((s) => s.chatId === chatId).at(-1)?.message.text ?? "");

describe("committee decisions", () => {
  it("approves: records the event, notifies in the beneficiary's language with Hijri and Gregorian dates, enrols", async () => {
    h = await createHarness();
    const ref = await submitted();
    const r = await decide(deps(), { reference: ref, decision: "approve", actor: "staff:telegram:42", note: "مرحباً بكم" });
    expect(r).toMatchObject({ ok: true, from: "submitted", to: "approved", notified: true });
    await h.sila.outbox.drainOnce();
    const msg = lastTo("u1");
    expect(msg).toContain("بقبول طلبك");
    expect(msg).toContain(ref);
    expect(msg).toContain("هـ");
    expect(msg).toContain("2026");
    const ev = await h.opened.db.selectFrom("application_events").selectAll().where("action", "=", "status_changed").executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ actor: "staff:telegram:42", from_status: "submitted", to_status: "approved", note: "مرحباً بكم" });
    const enrol = await h.opened.db.selectFrom("enrolments").selectAll().executeTakeFirstOrThrow();
    expect(enrol.starts_on).toBe("2026-11-22");
    const days = h.profile.programs.find((p) => p.id === "tank_installation")!.durationDays;
    expect(Date.parse(enrol.ends_on) - Date.parse(enrol.starts_on)).toBe(days * 86_400_000);
    const contact = await h.opened.db.selectFrom("contacts").select("beneficiary_type").executeTakeFirstOrThrow();
    expect(contact.beneficiary_type).toBe("direct");
  });

  it("rejects with the reason and how to ask for reconsideration; refuses transitions that are not allowed", async () => {
    h = await createHarness();
    const ref = await submitted();
    expect(await decide(deps(), { reference: ref, decision: "reject", actor: "cli:test", note: "خارج نطاق الخدمة" })).toMatchObject({ ok: true });
    await h.sila.outbox.drainOnce();
    const msg = lastTo("u1");
    expect(msg).toContain("خارج نطاق الخدمة");
    expect(msg).toContain(h.profile.reconsideration.ar);
    expect(await decide(deps(), { reference: ref, decision: "approve", actor: "cli:test" })).toEqual({
      ok: false, error: "invalid_transition", from: "rejected", to: "approved",
    });
    expect(await decide(deps(), { reference: "A26-99999", decision: "approve", actor: "cli:test" })).toEqual({ ok: false, error: "not_found" });
    expect(TRANSITIONS.approved).toEqual([]);
  });

  it("needs information: the beneficiary answers inside the chat and the application returns to review", async () => {
    h = await createHarness();
    const ref = await submitted();
    await decide(deps(), { reference: ref, decision: "needinfo", actor: "cli:test", note: "صورة فاتورة الكهرباء" });
    await h.sila.outbox.drainOnce();
    const ask = h.sent.filter((s) => s.chatId === "u1").at(-1)!.message;
    expect(plain(ask.text)).toContain("صورة فاتورة الكهرباء");
    expect(ask.choices?.[0]?.value).toBe(`info:${ref}`);
    // The photo is collected, shown back, and sent once confirmed (tests/needinfo.test.ts has the rest).
    const kept = plain(textOf(await h.say({ kind: "media", mediaType: "image", fileRef: "/tmp/bill.jpg", mimeType: "image/jpeg", size: 5000 })));
    expect(kept).toContain("استلمنا الملف");
    expect((await h.opened.db.selectFrom("applications").select("status").executeTakeFirstOrThrow()).status).toBe("needs_info");
    await h.say("مراجعة وإرسال");
    const reply = plain(textOf(await h.say("نعم، أرسله")));
    expect(reply).toContain("استلمنا ما أرسلته");
    const app = await h.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(app.status).toBe("under_review");
    const events = await h.opened.db.selectFrom("application_events").selectAll().orderBy("id").execute();
    expect(events.at(-1)).toMatchObject({ actor: "beneficiary", from_status: "needs_info", to_status: "under_review" });
    expect(events.at(-1)!.note).toContain("/tmp/bill.jpg");
    expect(h.sent.some((s) => s.chatId === "staff" && plain(s.message.text).includes(ref) && s.message.text.includes("📥"))).toBe(true);
  });

  it("waits out the quiet hours before notifying", async () => {
    h = await createHarness();
    const ref = await submitted();
    h.setNow(new Date("2026-11-22T20:00:00Z")); // 23:00 Riyadh
    await decide(deps(), { reference: ref, decision: "approve", actor: "cli:test" });
    const row = await h.opened.db.selectFrom("outbox").selectAll().where("payload", "like", "%بقبول%").executeTakeFirstOrThrow();
    expect(row.next_attempt_at).toBe("2026-11-23T05:00:00.000Z"); // 08:00 Riyadh
  });
});

describe("decisions from the staff chat", () => {
  it("a staff member decides with /decide (or /قرار); anyone else is refused and audited", async () => {
    h = await createHarness();
    const ref = await submitted();
    const staff = createStaffCommands({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      cipher: h.sila.cipher,
      staffIds: { telegram: ["42"] },
      staffTargets: STAFF,
      clock: () => h!.now(),
      log: createLogger("silent"),
      decide: staffDecisions(deps()),
    });
    const stranger = { channel: "telegram" as const, userId: "99" };
    const refused = (await staff.handleText(stranger, `/decide ${ref} approve`)).map((m) => m.text).join("\n");
    expect((await h.opened.db.selectFrom("applications").select("status").executeTakeFirstOrThrow()).status).toBe("submitted");
    expect(refused.length).toBeGreaterThan(0);
    const audit = await h.opened.db.selectFrom("staff_audit").selectAll().where("allowed", "=", 0).execute();
    expect(audit.length).toBe(1);

    const member = { channel: "telegram" as const, userId: "42" };
    const done = plain((await staff.handleText(member, `/قرار ${ref} needinfo صورة الصك`)).map((m) => m.text).join("\n"));
    expect(done).toContain(ref);
    expect(done).toContain("بانتظار معلومات إضافية");
    await h.sila.outbox.drainOnce();
    expect(lastTo("u1")).toContain("صورة الصك");
    const wrong = plain((await staff.handleText(member, `/decide ${ref} approvee`)).map((m) => m.text).join("\n"));
    expect(wrong).toContain("approve|reject");
    const event = await h.opened.db.selectFrom("application_events").selectAll().where("to_status", "=", "needs_info").executeTakeFirstOrThrow();
    expect(event.actor).toBe("staff:telegram:42");
  });
});

describe("the whole loop with a fake clock", () => {
  it("apply, decide, notify, enrolment ends, survey sent and answered, no reminder, low score alerted", async () => {
    h = await createHarness();
    const ref = await submitted();
    await decide(deps(), { reference: ref, decision: "approve", actor: "cli:test", startsOn: "2026-11-22", endsOn: "2026-12-01" });
    await h.sila.outbox.drainOnce();
    expect(lastTo("u1")).toContain("بقبول طلبك");

    // Before the end date: nothing.
    h.setNow(new Date("2026-11-30T09:00:00Z"));
    expect(await dispatchProgramSurveys(deps())).toBe(0);
    // The end date, during quiet hours (22:00 Riyadh): waits.
    h.setNow(new Date("2026-12-01T19:00:00Z"));
    expect(await dispatchProgramSurveys(deps())).toBe(0);
    // Next morning: sent once, even when the job runs twice.
    h.setNow(new Date("2026-12-02T06:00:00Z"));
    expect(await dispatchProgramSurveys(deps())).toBe(1);
    expect(await dispatchProgramSurveys(deps())).toBe(0);
    // A survey wave waits behind the replies of conversations.
    const invitation = await h.opened.db.selectFrom("outbox").select("bulk").where("dedupe_key", "like", "survey:%").executeTakeFirstOrThrow();
    expect(invitation.bulk).toBe(1);
    await h.sila.outbox.drainOnce();
    const intro = lastTo("u1");
    expect(intro).toContain("حق من حقوقك");
    expect(intro).toContain("ما مدى رضاك");

    // Answered three days later: still counts. The first scale answer is low.
    h.setNow(new Date("2026-12-05T08:00:00Z"));
    const questions = programSurveyQuestions(h.profile);
    const typed = { scale5: ["2", "٥", "4"], yesno: ["نعم"], text: ["التوصيل تأخر"] };
    const used = { scale5: 0, yesno: 0, text: 0 };
    let last = "";
    for (const q of questions) last = plain(textOf(await h.say(typed[q.type][used[q.type]++ % typed[q.type].length]!)));
    expect(last).toContain("شكراً جزيلاً");
    const answers = await h.opened.db.selectFrom("survey_answers").selectAll().orderBy("id").execute();
    expect(answers.map((a) => a.question_id)).toEqual(questions.map((q) => q.id));
    const firstScale = questions.find((q) => q.type === "scale5")!;
    expect(answers.find((a) => a.question_id === firstScale.id)!.score).toBe(2);
    const textQ = questions.find((q) => q.type === "text");
    if (textQ) expect(answers.find((a) => a.question_id === textQ.id)!.text).toBe("التوصيل تأخر");
    expect(h.sent.some((s) => s.chatId === "staff" && s.message.text.includes(`${firstScale.id}=2`))).toBe(true);
    const survey = await h.opened.db.selectFrom("surveys").selectAll().executeTakeFirstOrThrow();
    expect(survey.status).toBe("answered");

    // The reminder is not sent for an answered survey.
    h.setNow(new Date("2026-12-09T08:00:00Z"));
    expect(await remindSurveys(deps())).toBe(0);

    // The report shows it: the application, the decision within the period, the survey's low score.
    const report = await buildReport(h.opened.db, h.profile, { from: "2026-11-01", to: "2026-12-31" });
    expect(report.applications.byProgram.find((p) => p.programId === "tank_installation")?.byStatus.approved).toBe(1);
    expect(report.decisions.count).toBe(1);
    expect(report.decisions.withinPeriodShare).toBe(1);
    expect(report.surveys).toMatchObject({ sent: 1, answered: 1, responseRate: 1 });
    const group = report.surveys.groups.find((g) => g.programId === "tank_installation")!;
    expect(group.questions.find((q) => q.questionId === firstScale.id)?.average).toBe(2);
    expect(renderCsv(report)).toContain(firstScale.id);
  });

  it("reminds once for an unanswered survey, and the survey can't be answered twice", async () => {
    h = await createHarness();
    const ref = await submitted();
    await decide(deps(), { reference: ref, decision: "approve", actor: "cli:test", startsOn: "2026-11-22", endsOn: "2026-11-23" });
    h.setNow(new Date("2026-11-24T07:00:00Z"));
    await dispatchProgramSurveys(deps());
    h.setNow(new Date("2026-11-26T07:00:00Z"));
    expect(await remindSurveys(deps())).toBe(0); // too early
    h.setNow(new Date("2026-11-28T07:00:00Z"));
    expect(await remindSurveys(deps())).toBe(1);
    expect(await remindSurveys(deps())).toBe(0);
    await h.sila.outbox.drainOnce();
    expect(lastTo("u1")).toContain("تذكير");
    const questions = programSurveyQuestions(h.profile);
    for (const q of questions) await h.say(q.type === "scale5" ? "4" : q.type === "yesno" ? "لا" : "تخطي");
    // A stale button press from the first survey message after answering.
    await h.say({ kind: "choice", value: "1" });
    const answers = await h.opened.db.selectFrom("survey_answers").selectAll().execute();
    expect(answers).toHaveLength(questions.length);
    expect(answers.find((a) => a.question_id === questions[0]!.id)!.score).toBe(4);
  });

  it("asks one satisfaction question when a handoff a staff member answered is closed", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    const opened = plain(textOf(await h.say("موظف")));
    const handoff = /H\d{2}-\d{5}/.exec(opened)![0];
    const staff = createStaffCommands({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      staffIds: { telegram: ["42"] },
      staffTargets: STAFF,
      clock: () => h.now(),
      log: createLogger("silent"),
    });
    await staff.handleText({ channel: "telegram", userId: "42" }, `/reply ${handoff} أهلاً بك، كيف نخدمك؟`);
    const r = textOf(await h.say("إنهاء"));
    expect(r).toContain("تم إنهاء المحادثة");
    expect(r).toContain("ما مدى رضاك عن طريقة التعامل");
    expect(textOf(await h.say("1"))).toContain("نأسف");
    const s = await h.opened.db.selectFrom("surveys").selectAll().executeTakeFirstOrThrow();
    expect(s).toMatchObject({ kind: "ticket", status: "answered" });
    expect(h.sent.some((x) => x.chatId === "staff" && x.message.text.includes("ticket_satisfaction=1"))).toBe(true);
  });
});

describe("scheduled jobs", () => {
  it("sends one digest a day of applications past the decision period", async () => {
    h = await createHarness();
    const ref = await submitted();
    h.setNow(new Date(h.now().getTime() + (h.profile.committee.decisionPeriodDays + 1) * 86_400_000));
    expect(await overdueDigest(deps())).toBe(1);
    expect(await overdueDigest(deps())).toBe(0);
    await h.sila.outbox.drainOnce();
    const digest = h.sent.filter((s) => s.chatId === "staff").at(-1)!.message.text;
    expect(plain(digest)).toContain(ref);
  });

  it("nudges an untouched form once, outside quiet hours", async () => {
    h = await createHarness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    h.setNow(new Date(h.now().getTime() + 3_600_000));
    expect(await nudgeUnfinishedForms(deps())).toBe(0); // not a day yet
    h.setNow(new Date("2026-11-23T21:00:00Z")); // 00:00 Riyadh, quiet
    expect(await nudgeUnfinishedForms(deps())).toBe(0);
    h.setNow(new Date("2026-11-24T07:00:00Z"));
    expect(await nudgeUnfinishedForms(deps())).toBe(1);
    expect(await nudgeUnfinishedForms(deps())).toBe(0);
  });

  it("registers every job in Asia/Riyadh and runs them through the injected schedule", async () => {
    h = await createHarness();
    const registered: Array<{ expr: string; name: string; timezone: string; fn: () => Promise<void> }> = [];
    const scheduler = createScheduler({
      ...deps(),
      outbox: h.sila.outbox,
      log: createLogger("silent"),
      schedule: (expr, fn, o) => {
        registered.push({ expr, name: o.name, timezone: o.timezone, fn });
        return { stop: () => undefined };
      },
    });
    scheduler.start();
    expect(registered.map((r) => r.name).sort()).toEqual(["form-nudges", "outbox", "overdue-digest", "referral-follow-ups", "retention", "safety-escalation", "survey-reminders", "surveys"]);
    expect(new Set(registered.map((r) => r.timezone))).toEqual(new Set(["Asia/Riyadh"]));
    const ref = await submitted();
    await decide(deps(), { reference: ref, decision: "approve", actor: "cli:test", startsOn: "2026-11-22", endsOn: "2026-11-22" });
    await registered.find((r) => r.name === "surveys")!.fn();
    expect(await h.opened.db.selectFrom("surveys").selectAll().execute()).toHaveLength(1);
    scheduler.stop();
  });
});
