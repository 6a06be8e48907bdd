/**
 * A referral on the staff desk: its topic, partner, consent and history under
 * its ticket, and its status set with the same staff action as `/referral`
 * (audited, in its history).
 */
import { afterEach, describe, expect, it } from "vitest";
import { auditTrail } from "../bot/staff/audit";
import { plain } from "./helpers";
import { client, createDeskHarness, RELATIONS, signIn, type DeskHarness } from "./desk-setup";

let d: DeskHarness;
afterEach(async () => {
  await d?.close();
});

describe("a referral on the desk", () => {
  it("lists a referral staff take on, shows it under its ticket and sets its status", async () => {
    d = await createDeskHarness({ start: false });
    await d.h.say("السلام عليكم", "u7");
    await d.h.say("ابغى موعد في المستشفى", "u7");
    const { reference } = await d.h.opened.db.selectFrom("tickets").select("reference").where("kind", "=", "referral").executeTakeFirstOrThrow();
    // A request staff take on (no verified contact for its partner) is an open ticket on the feedback page.
    await d.h.say("ابي ترميم بيتي", "u8");
    await d.h.say("بريدة", "u8"); // the Qassim housing association: no verified contact yet
    const open = await d.h.opened.db.selectFrom("tickets").select("reference").where("kind", "=", "referral").where("status", "=", "open").executeTakeFirstOrThrow();
    const c = client(d.app);
    await signIn(d, c, RELATIONS);
    const list = plain((await c.request("/tickets?kind=referral")).text);
    expect(list).toContain(open.reference);
    expect(list).not.toContain(reference); // given its partner's number: closed, its follow-up goes on
    const page = await c.request(`/tickets/${reference}`);
    expect(page.res.status).toBe(200);
    const text = plain(page.text);
    expect(text).toContain("العلاج والمواعيد الطبية");
    expect(text).toContain("وزارة الصحة (مركز ٩٣٧)");
    expect(text).toContain("سجل الإحالة");
    expect(page.text).toContain(`action="/tickets/${reference}/referral"`);

    const token = c.csrfOf(page.text);
    expect((await c.request(`/tickets/${reference}/referral`, { form: { status: "partner_answered", note: "ردّوا عليه هاتفياً", _csrf: token } })).res.status).toBe(303);
    const row = await d.h.opened.db.selectFrom("referrals").select("status").executeTakeFirstOrThrow();
    expect(row.status).toBe("partner_answered");
    const events = await d.h.opened.db.selectFrom("referral_events").select(["actor", "to_status", "note"]).where("action", "=", "status").execute();
    expect(events).toEqual([{ actor: `staff:telegram:${RELATIONS}`, to_status: "partner_answered", note: "ردّوا عليه هاتفياً" }]);
    expect((await auditTrail(d.h.opened.db, { target: reference })).map((a) => a.action)).toContain("referral");
    // A status that is not one is refused, nothing changes.
    expect((await c.request(`/tickets/${reference}/referral`, { form: { status: "teleported", _csrf: token } })).res.status).toBe(303);
    expect((await d.h.opened.db.selectFrom("referrals").select("status").executeTakeFirstOrThrow()).status).toBe("partner_answered");
  });
});
