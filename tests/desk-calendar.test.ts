/**
 * Closures on the desk over HTTP: a closure added on the desk (Hijri date in
 * Arabic-Indic digits) changes what a beneficiary asking for a person is told
 * through the engine; shifting and cancelling go through the same functions
 * as the staff chat's "/closure", audited; a role without "calendar" and a
 * form without its token are refused and change nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { plain, textOf } from "./helpers";
import { client, createDeskHarness, DECIDER, RELATIONS, signIn, type DeskHarness } from "./desk-setup";

let d: DeskHarness;
afterEach(async () => {
  await d?.close();
});

/** A new beneficiary asks for a person (in English); what the bot answers. */
async function askForStaff(chatId: string): Promise<string> {
  await d.h.say("Hello", chatId);
  return plain(textOf(await d.h.say({ kind: "choice", value: "menu:human" }, chatId)));
}

const THURSDAY_AFTERNOON = new Date("2026-11-26T12:00:00Z"); // Thursday 15:00 Riyadh, after hours

describe("closures on the desk", () => {
  it("a closure added on the desk names the first working day after it in the handoff's answer; audited", async () => {
    d = await createDeskHarness({ start: false });
    d.h.setNow(THURSDAY_AFTERNOON);
    expect(await askForStaff("u1")).toContain("when we open: Sunday 19 Jumada II 1448 AH (29 November 2026) at 08:00.");

    const c = client(d.app);
    await signIn(d, c, DECIDER);
    const page = await c.request("/calendar");
    expect(page.res.status).toBe(200);
    expect(plain(page.text)).toContain("عيد الفطر");
    expect(plain(page.text)).toContain("eid_fitr");
    expect(page.text).toContain('href="/calendar"');

    // 19 Jumada II 1448 (Sunday 29 November) to Monday 30 November, typed as staff type them.
    const added = await c.request("/calendar/add", { form: { name: "صيانة المقر", from: "١٤٤٨-٠٦-١٩", to: "2026-11-30", _csrf: c.csrfOf(page.text) } });
    expect(added.res.status).toBe(303);
    const after = plain((await c.request("/calendar")).text);
    expect(after).toContain("أضيفت الإجازة: صيانة المقر (s1)");
    expect(after).toContain("الثلاثاء");

    const r = await askForStaff("u2");
    expect(r).toContain("when we open: after صيانة المقر, Tuesday 21 Jumada II 1448 AH (1 December 2026) at 08:00.");
    const rows = await d.h.opened.db.selectFrom("staff_audit").selectAll().where("action", "=", "closure_add").execute();
    expect(rows).toMatchObject([{ actor_channel: "telegram", actor_id: DECIDER, target: "s1", allowed: 1, detail: "2026-11-29..2026-11-30" }]);
    const stored = await d.h.opened.db.selectFrom("calendar_closures").selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ name: "صيانة المقر", starts_on: "2026-11-29", ends_on: "2026-11-30", created_by: `staff:telegram:${DECIDER}` });

    // Moved a day earlier (Saturday and Sunday): Monday is the first working day again.
    const token = c.csrfOf((await c.request("/calendar")).text);
    expect((await c.request("/calendar/s1/shift", { form: { days: "-1", _csrf: token } })).res.status).toBe(303);
    expect(await askForStaff("u3")).toContain("when we open: after صيانة المقر, Monday 20 Jumada II 1448 AH (30 November 2026) at 08:00.");
    // Cancelled: Sunday is a working day again.
    expect((await c.request("/calendar/s1/remove", { form: { _csrf: token } })).res.status).toBe(303);
    expect(await askForStaff("u4")).toContain("when we open: Sunday 19 Jumada II 1448 AH (29 November 2026) at 08:00.");
    const actions = (await d.h.opened.db.selectFrom("staff_audit").select(["action", "target"]).where("action", "in", ["closure_add", "closure_shift", "closure_remove"]).orderBy("id").execute()).map((a) => `${a.action} ${a.target}`);
    expect(actions).toEqual(["closure_add s1", "closure_shift s1", "closure_remove s1"]);
  });

  it("Eid shifted by a day on the desk (the moon sighted later): the eve of Eid gets the day after the old Eid", async () => {
    d = await createDeskHarness({ start: false });
    d.h.setNow(new Date("2027-03-08T13:00:00Z")); // Monday 29 Ramadan 1448, 16:00
    const c = client(d.app);
    await signIn(d, c, DECIDER);
    const token = c.csrfOf((await c.request("/calendar")).text);
    expect((await c.request("/calendar/eid_fitr/shift", { form: { days: "+1", _csrf: token } })).res.status).toBe(303);
    expect(plain((await c.request("/calendar")).text)).toContain("صارت عيد الفطر (eid_fitr)");
    expect(await askForStaff("u1")).toContain("when we open: Tuesday 1 Shawwal 1448 AH (9 March 2027) at 08:00.");
    const row = await d.h.opened.db.selectFrom("calendar_closures").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ replaces: "eid_fitr:1448", starts_on: "2027-03-10", ends_on: "2027-03-13" });
  });

  it("bad input gets a message and changes nothing", async () => {
    d = await createDeskHarness({ start: false });
    d.h.setNow(THURSDAY_AFTERNOON);
    const c = client(d.app);
    await signIn(d, c, DECIDER);
    const token = c.csrfOf((await c.request("/calendar")).text);
    await c.request("/calendar/add", { form: { name: "x", from: "2026-13-40", _csrf: token } });
    expect(plain((await c.request("/calendar")).text)).toContain("التاريخ غير صحيح");
    await c.request("/calendar/add", { form: { name: "", from: "2026-12-01", _csrf: token } });
    expect(plain((await c.request("/calendar")).text)).toContain("اكتب اسماً للإجازة");
    await c.request("/calendar/eid_fitr/shift", { form: { days: "40", _csrf: token } });
    expect(plain((await c.request("/calendar")).text)).toContain("من −10 إلى +10");
    await c.request("/calendar/nothing/remove", { form: { _csrf: token } });
    expect(plain((await c.request("/calendar")).text)).toContain("لا توجد إجازة nothing");
    expect(await d.h.opened.db.selectFrom("calendar_closures").selectAll().execute()).toEqual([]);
  });

  it("a role without 'calendar' and a forged form are refused, audited, and change nothing", async () => {
    d = await createDeskHarness({ start: false });
    d.h.setNow(THURSDAY_AFTERNOON);
    const officer = client(d.app);
    await signIn(d, officer, RELATIONS);
    const inbox = await officer.request("/inbox");
    expect(inbox.text).not.toContain('href="/calendar"');
    expect((await officer.request("/calendar")).res.status).toBe(403);
    const refused = await officer.request("/calendar/add", { form: { name: "x", from: "2026-11-29", _csrf: officer.csrfOf(inbox.text) } });
    expect(refused.res.status).toBe(403);

    const decider = client(d.app);
    await signIn(d, decider, DECIDER);
    const forged = await decider.request("/calendar/national_day/remove", { form: { _csrf: "forged" } });
    expect(forged.res.status).toBe(403);
    expect(await d.h.opened.db.selectFrom("calendar_closures").selectAll().execute()).toEqual([]);
    const audit = await d.h.opened.db.selectFrom("staff_audit").select(["action", "actor_id", "allowed", "detail"]).where("allowed", "=", 0).execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "desk_calendar", actor_id: RELATIONS, allowed: 0, detail: "role:relations_officer" },
        { action: "desk_csrf", actor_id: DECIDER, allowed: 0, detail: "bad_token" },
      ]),
    );
  });
});
