/**
 * The calendar through the engine (createSila, a real SQLite file, an
 * injected clock): what a beneficiary is told about the next opening in
 * Ramadan, on the eve of Eid, on National Day and on a normal Thursday;
 * closures staff add or shift; the season's greeting; the committee's date;
 * proactive messages held around Friday prayer (Riyadh).
 */
import { afterEach, describe, expect, it } from "vitest";
import { decide } from "../bot/decisions";
import { queueBroadcast } from "../bot/broadcast";
import { createLogger } from "../bot/log";
import type { StaffTarget } from "../bot/engine";
import { overdueDigest } from "../bot/scheduler";
import { createStaffCommands } from "../bot/staff/commands";
import { dispatchProgramSurveys, reminderDue, remindSurveys } from "../bot/surveys";
import { createCalendar } from "../flows/calendar";
import { loadProfile } from "../orgs/load";
import { prayerTimesOn } from "../flows/calendar/prayer";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const STAFF: StaffTarget[] = [{ channel: "console", chatId: "staff", locale: "ar" }];
const member = { channel: "telegram" as const, userId: "42", displayName: "Noura" };

/** Asks for a person as a new beneficiary (in `lang`) and returns what the bot says. */
async function askForStaff(harness: Harness, chatId: string, lang: "ar" | "en"): Promise<string> {
  await harness.say(lang === "ar" ? "السلام عليكم" : "Hello", chatId);
  return plain(textOf(await harness.say({ kind: "choice", value: "menu:human" }, chatId)));
}

function staffOf(harness: Harness) {
  return createStaffCommands({
    db: harness.opened.db,
    profile: harness.profile,
    translator: harness.sila.translator,
    staffIds: { telegram: ["42"] },
    staffTargets: STAFF,
    clock: () => harness.now(),
    log: createLogger("silent"),
    calendar: harness.sila.calendar,
  });
}

const staffSays = async (harness: Harness, text: string, actor = member) =>
  plain((await staffOf(harness).handleText(actor, text)).map((m) => m.text).join("\n"));

describe("when staff will answer (maa: Sun–Thu 08:00–14:00, Ramadan 10:00–15:00)", () => {
  it("27 Ramadan in the evening: the next day at 10:00, with Ramadan's hours", async () => {
    h = await createHarness({ now: new Date("2027-03-06T17:00:00Z") }); // Saturday 27 Ramadan 1448, 20:00
    const r = await askForStaff(h, "u1", "ar");
    expect(r).toContain("يوم الأحد 28 رمضان 1448 هـ (7 مارس 2027 م) الساعة 10:00 (دوام رمضان: من 10:00 إلى 15:00)");
  });

  it("the eve of Eid: after Eid al-Fitr, Sunday 6 Shawwal, in Hijri and Gregorian", async () => {
    h = await createHarness({ now: new Date("2027-03-08T13:00:00Z") }); // Monday 29 Ramadan, 16:00
    const r = await askForStaff(h, "u1", "en");
    expect(r).toContain("when we open: after Eid al-Fitr, Sunday 6 Shawwal 1448 AH (14 March 2027) at 08:00.");
    const ar = await askForStaff(h, "u2", "ar");
    expect(ar).toContain("بعد عيد الفطر، يوم الأحد 6 شوال 1448 هـ (14 مارس 2027 م) الساعة 08:00");
  });

  it("on National Day: closed for it, staff answer on Sunday", async () => {
    h = await createHarness({ now: new Date("2027-09-23T07:00:00Z") }); // Thursday 23 September 2027, 10:00
    const r = await askForStaff(h, "u1", "en");
    expect(r).toContain("The association is closed for National Day");
    expect(r).toMatch(/when we open again: Sunday .* \(26 September 2027\) at 08:00\./);
  });

  it("a normal Thursday afternoon: Sunday at 08:00, no closure named", async () => {
    h = await createHarness({ now: new Date("2026-11-26T12:00:00Z") }); // Thursday 15:00
    const r = await askForStaff(h, "u1", "en");
    expect(r).toContain("when we open: Sunday 19 Jumada II 1448 AH (29 November 2026) at 08:00.");
    expect(r).not.toContain("after");
  });

  it("within hours: shortly; 'about' and the hours FAQ give the week, Ramadan's hours and the next opening", async () => {
    h = await createHarness({ now: new Date("2027-03-01T08:00:00Z") }); // Monday 22 Ramadan, 11:00
    expect(await askForStaff(h, "u1", "en")).toContain("We are within working hours");
    h.setNow(new Date("2027-03-01T13:00:00Z")); // 16:00: Ramadan hours are over
    await h.say("Hello", "u2");
    const about = plain(textOf(await h.say({ kind: "choice", value: "menu:about" }, "u2")));
    expect(about).toContain("Sunday to Thursday, 08:00 to 14:00");
    expect(about).toContain("In Ramadan: Sunday to Thursday, 10:00 to 15:00");
    expect(about).toContain("Staff will answer from: Tuesday 23 Ramadan 1448 AH (2 March 2027) at 10:00");
    const faq = plain(textOf(await h.say("What are your working hours?", "u2")));
    expect(faq).toContain("Staff will answer from: Tuesday 23 Ramadan 1448 AH (2 March 2027) at 10:00");
  });
});

describe("closures changed by staff", () => {
  it("a closure added from the staff chat (Hijri date, Arabic command) changes the answer, and is audited", async () => {
    h = await createHarness({ now: new Date("2026-11-26T12:00:00Z") }); // Thursday 15:00
    expect(await askForStaff(h, "u1", "en")).toContain("Sunday 19 Jumada II 1448 AH (29 November 2026) at 08:00");

    const refused = await staffSays(h, "/closure add 2026-11-29 Maintenance", { channel: "telegram", userId: "99", displayName: "x" });
    expect(await h.opened.db.selectFrom("calendar_closures").selectAll().execute()).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);

    const added = await staffSays(h, "/إجازة إضافة ١٤٤٨-٠٦-١٩ «صيانة المقر»"); // 19 Jumada II 1448 = Sunday 29 November 2026
    expect(added).toContain("s1");
    expect(added).toContain("صيانة المقر");
    expect(added).toContain("30 نوفمبر 2026");

    const r = await askForStaff(h, "u2", "en");
    expect(r).toContain("when we open: after صيانة المقر, Monday 20 Jumada II 1448 AH (30 November 2026) at 08:00.");
    const audit = await h.opened.db.selectFrom("staff_audit").selectAll().where("action", "=", "closure_add").execute();
    expect(audit).toMatchObject([{ actor_id: "42", target: "s1", allowed: 1, detail: "2026-11-29..2026-11-29" }]);

    const list = await staffSays(h, "/closures");
    expect(list).toContain("صيانة المقر (s1)");
    expect(list).toContain("عيد الفطر (eid_fitr)");

    // Withdrawn: Sunday is a working day again.
    await staffSays(h, "/closure remove s1");
    expect(await askForStaff(h, "u3", "en")).toContain("when we open: Sunday 19 Jumada II 1448 AH (29 November 2026) at 08:00.");
  });

  it("Eid shifted by a day when the moon is sighted later: the eve of Eid gets Tuesday", async () => {
    h = await createHarness({ now: new Date("2027-03-08T13:00:00Z") }); // Monday 29 Ramadan, 16:00
    expect(await askForStaff(h, "u1", "en")).toContain("after Eid al-Fitr, Sunday 6 Shawwal");
    const shifted = await staffSays(h, "/closure shift eid_fitr +1");
    expect(shifted).toContain("10 مارس 2027");
    expect(shifted).toContain("13 مارس 2027");
    const r = await askForStaff(h, "u2", "en");
    expect(r).toContain("when we open: Tuesday 1 Shawwal 1448 AH (9 March 2027) at 08:00.");
    const row = await h.opened.db.selectFrom("calendar_closures").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ replaces: "eid_fitr:1448", starts_on: "2027-03-10", ends_on: "2027-03-13", cancelled: 0, created_by: "staff:telegram:42" });
    // A bad shift changes nothing and says how.
    expect(await staffSays(h, "/closure shift eid_fitr +40")).toContain("+1");
    expect(await staffSays(h, "/closure shift nothing +1")).toContain("nothing");
  });

  it("the same operation is a function for the desk", async () => {
    const { changeClosure, upcomingClosures } = await import("../bot/staff/closures");
    h = await createHarness({ now: new Date("2027-09-01T07:00:00Z") });
    const deps = { db: h.opened.db, calendar: h.sila.calendar, clock: () => h!.now() };
    const r = await changeClosure(deps, member, { kind: "remove", key: "national_day" });
    expect(r).toMatchObject({ ok: true, closure: { occurrence: "national_day:2027" } });
    expect((await upcomingClosures(deps)).some((c) => c.key === "national_day" && c.startsOn === "2027-09-23")).toBe(false);
    h.setNow(new Date("2027-09-23T07:00:00Z"));
    expect(await askForStaff(h, "u1", "en")).toContain("We are within working hours");
    expect(await changeClosure(deps, member, { kind: "add", from: "2027-09-30", to: "2027-09-29", name: "x" })).toEqual({ ok: false, error: "reversed" });
    expect(await changeClosure(deps, member, { kind: "add", from: "1449-02-30", to: "1449-02-30", name: "x" })).toEqual({ ok: false, error: "invalid_date" });
  });
});

describe("the season's greeting", () => {
  it("in Ramadan, once per person; not outside Ramadan", async () => {
    h = await createHarness({ now: new Date("2027-03-01T08:00:00Z") });
    expect(plain(textOf(await h.say("السلام عليكم")))).toContain("رمضان كريم");
    expect(plain(textOf(await h.say("السلام عليكم")))).not.toContain("رمضان كريم");
    expect(plain(textOf(await h.say("مرحبا")))).not.toContain("رمضان كريم");
    expect(plain(textOf(await h.say("Hello", "u2")))).toContain("Ramadan Kareem");
    const row = await h.opened.db.selectFrom("contacts").select("season_greeted").orderBy("id").executeTakeFirstOrThrow();
    expect(row.season_greeted).toBe("ramadan:1448");
    h.setNow(new Date("2027-04-01T08:00:00Z"));
    expect(plain(textOf(await h.say("السلام عليكم", "u3")))).not.toContain("رمضان كريم");
  });
});

describe("the committee's period", () => {
  it("the date told after submission is the real one: a period ending in Eid ends after it", async () => {
    h = await createHarness({ now: new Date("2027-02-24T07:00:00Z") }); // Wednesday 16 Ramadan 1448
    await h.say("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(5151) });
    const done = plain(textOf(await submitFromSummary(h)));
    expect(done).toContain("لا تقل عن 14 يوماً");
    expect(done).toContain("6 شوال 1448 هـ (14 مارس 2027 م)");
  });

  it("in working days where the profile says so; the overdue digest counts them too", async () => {
    const base = (await createHarness()).profile;
    const profile = { ...base, committee: { ...base.committee, decisionPeriodIn: "workingDays" as const } };
    h = await createHarness({ now: new Date("2027-03-01T07:00:00Z"), sila: { profile, staff: STAFF } });
    await h.say("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(6161) });
    const done = plain(textOf(await submitFromSummary(h)));
    expect(done).toContain("لا تقل عن 14 يوم عمل");
    expect(done).toContain("(24 مارس 2027 م)");
    const deps = { db: h.opened.db, profile, translator: h.sila.translator, clock: () => h!.now(), staff: STAFF, calendar: h.sila.calendar };
    h.setNow(new Date("2027-03-20T07:00:00Z")); // 19 days later, 10 working days
    expect(await overdueDigest(deps)).toBe(0);
    h.setNow(new Date("2027-03-25T07:00:00Z"));
    expect(await overdueDigest(deps)).toBe(1);
  });
});

describe("survey reminders", () => {
  it("count working days where the profile counts the committee's period in them: a weekend and a staff closure are skipped", async () => {
    const base = loadProfile("maa");
    const profile = { ...base, committee: { ...base.committee, decisionPeriodIn: "workingDays" as const } };
    h = await createHarness({ now: new Date("2026-11-22T07:00:00Z"), sila: { profile, staff: STAFF } });
    const deps = { db: h.opened.db, profile, translator: h.sila.translator, clock: () => h!.now(), staff: STAFF, calendar: h.sila.calendar };
    await h.say("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(8181) });
    const ref = /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h))))![0];
    await decide(deps, { reference: ref, decision: "approve", actor: "cli:test", startsOn: "2026-11-22", endsOn: "2026-11-26" });
    // Sunday 29 November closed by staff (after the survey went on Thursday).
    expect(await staffSays(h, "/closure add 2026-11-29 صيانة المقر")).toContain("s1");

    h.setNow(new Date("2026-11-26T07:00:00Z")); // Thursday 10:00: the program ended, its survey goes
    expect(await dispatchProgramSurveys(deps)).toBe(1);
    // Three calendar days later (Sunday): a reminder counted in calendar days would go now.
    h.setNow(new Date("2026-11-29T07:00:00Z"));
    expect(await remindSurveys(deps)).toBe(0);
    // Monday and Tuesday are the first two working days.
    h.setNow(new Date("2026-12-01T07:00:00Z"));
    expect(await remindSurveys(deps)).toBe(0);
    // Wednesday 10:00 is three working days after Thursday 10:00.
    h.setNow(new Date("2026-12-02T06:59:00Z"));
    expect(await remindSurveys(deps)).toBe(0);
    h.setNow(new Date("2026-12-02T07:00:00Z"));
    expect(await remindSurveys(deps)).toBe(1);
    expect(await remindSurveys(deps)).toBe(0);
    await h.sila.outbox.drainOnce();
    expect(plain(h.sent.filter((x) => x.chatId === "u1").at(-1)!.message.text)).toContain("تذكير");
  });

  it("in calendar days by default: a Thursday's survey is reminded on Sunday", async () => {
    h = await createHarness({ now: new Date("2026-11-26T07:00:00Z") });
    const calendar = await h.sila.calendar.get();
    expect(reminderDue(calendar, "2026-11-26T07:00:00.000Z", 3).toISOString()).toBe("2026-11-29T07:00:00.000Z");
    const working = createCalendar({ ...h.profile, committee: { ...h.profile.committee, decisionPeriodIn: "workingDays" } });
    expect(reminderDue(working, "2026-11-26T07:00:00.000Z", 3).toISOString()).toBe("2026-12-01T07:00:00.000Z");
  });
});

describe("proactive messages around Friday prayer (sumou, Riyadh)", () => {
  const FRIDAY = "2026-11-27";

  it("a survey wave due during Friday prayer goes after it; a decision notice does not wait", async () => {
    const { dhuhr } = prayerTimesOn(FRIDAY, { latitude: 24.7136, longitude: 46.6753 });
    h = await createHarness({ org: "sumou", now: new Date("2026-11-22T09:00:00Z") });
    expect(h.profile.calendar.location).toMatchObject({ latitude: 24.7136, longitude: 46.6753 });
    const deps = { db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h!.now(), staff: STAFF, calendar: h.sila.calendar };
    const program = h.profile.programs.find((p) => p.open)!;
    await h.say("السلام عليكم");
    await applyUntilSummary(h, program.id, { nationalId: validNationalId(7373) });
    const ref = /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h))))![0];

    // Friday, ten minutes after Dhuhr: the committee's decision is sent at once (the person waits for it).
    h.setNow(new Date(dhuhr.getTime() + 10 * 60_000));
    await decide(deps, { reference: ref, decision: "approve", actor: "cli:test", startsOn: "2026-11-22", endsOn: FRIDAY });
    const before = h.sent.length;
    await h.sila.outbox.drainOnce();
    expect(h.sent.slice(before).map((s) => s.message.text).join("\n")).toContain(ref);

    // The program ended today: its survey is due, but not during Friday prayer.
    expect(await dispatchProgramSurveys(deps)).toBe(0);
    h.setNow(new Date(dhuhr.getTime() + 59 * 60_000));
    expect(await dispatchProgramSurveys(deps)).toBe(0);
    expect(await h.opened.db.selectFrom("surveys").selectAll().execute()).toEqual([]);

    // The window ends an hour after Dhuhr: the wave goes.
    h.setNow(new Date(dhuhr.getTime() + 60 * 60_000));
    expect(await dispatchProgramSurveys(deps)).toBe(1);
    const sent = h.sent.length;
    await h.sila.outbox.drainOnce();
    expect(h.sent.slice(sent).some((s) => s.chatId === "u1")).toBe(true);
  });

  it("a broadcast still queued when the window starts waits, in order; a conversation's reply does not", async () => {
    const { dhuhr } = prayerTimesOn(FRIDAY, { latitude: 24.7136, longitude: 46.6753 });
    h = await createHarness({ org: "sumou", now: new Date(dhuhr.getTime() - 45 * 60_000) });
    for (const chat of ["b1", "b2", "b3"]) await h.say("السلام عليكم", chat);
    const calendar = await h.sila.calendar.get();
    const base = { message: { ar: "إعلان", en: "News" }, orgName: h.profile.name, calendar };
    const first = await queueBroadcast(h.opened.db, h.sila.translator, { ...base, broadcastId: "one", at: h.now().toISOString() });
    expect(first.notBefore).toBe(h.now().toISOString()); // before the window: may go now
    const second = await queueBroadcast(h.opened.db, h.sila.translator, { ...base, broadcastId: "two", at: h.now().toISOString() });

    // The window started before the outbox got to them.
    h.setNow(new Date(dhuhr.getTime() - 10 * 60_000));
    const before = h.sent.length;
    const reply = plain(textOf(await h.say("السلام عليكم", "b2")));
    expect(reply).toContain("وعليكم السلام");
    await h.sila.outbox.drainOnce();
    expect(h.sent.slice(before).filter((s) => s.message.text.includes("إعلان"))).toEqual([]);

    // Queued during the window: not before its end.
    const third = await queueBroadcast(h.opened.db, h.sila.translator, { ...base, broadcastId: "three", at: h.now().toISOString() });
    expect(third.notBefore).toBe(new Date(dhuhr.getTime() + 60 * 60_000).toISOString());

    h.setNow(new Date(dhuhr.getTime() + 60 * 60_000));
    const after = h.sent.length;
    await h.sila.outbox.drainOnce();
    const delivered = h.sent.slice(after).filter((s) => s.message.text.includes("إعلان"));
    expect(delivered.length).toBe(first.queued + second.queued + third.queued);
    // Each chat gets them in the order they were queued.
    const rows = await h.opened.db.selectFrom("outbox").select(["chat_id", "dedupe_key", "sent_at"]).where("dedupe_key", "like", "broadcast:%").orderBy("sent_at").orderBy("id").execute();
    for (const chat of ["b1", "b2", "b3"]) {
      expect(rows.filter((r) => r.chat_id === chat).map((r) => r.dedupe_key!.split(":")[1])).toEqual(["one", "two", "three"]);
    }
  });
});
