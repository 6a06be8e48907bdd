/**
 * The staff group is read by everyone in it: a staff member's "/show" or 📄 there sends the full
 * record to that staff member privately (Telegram: the private chat with the bot; WhatsApp: their
 * own number); the group sees a summary without personal data, and the view is audited. Commands
 * written with a full-width slash or after an invisible direction mark are read, never ignored.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditTrail } from "../bot/staff/audit";
import { plain, validNationalId } from "./helpers";
import type { FakeUser } from "./telegram/fake-bot-api";
import { applyForWaterTruck, createWorld, STAFF, STAFF_GROUP, STAFF_WA, STAFF_WA_GROUP, STAFF_WA_NUMBER, tgText, WAIT, waText, type World } from "./security/world";

const SARA: FakeUser = { id: 5501, first_name: "سارة", language_code: "ar" };
const STRANGER: FakeUser = { id: 6661, first_name: "Mallory" };
const NAME = "سارة خالد الدوسري";

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function withApplication(): Promise<{ w: World; reference: string; nid: string }> {
  const w = (world = await createWorld());
  const nid = validNationalId(8080808);
  const reference = await applyForWaterTruck(async (text) => tgText(await w.tg(SARA, text)), w.profile, { name: NAME, nationalId: nid, district: "حي الملقا" });
  await w.settle();
  return { w, reference, nid };
}

/**
 * Nothing of Sara's record: her ID (however written), her mobile, her birth date, and (except in the
 * new-application alert, which names the applicant) her name.
 */
function expectNoPersonalData(text: string, nid: string, options: { nameAllowed?: boolean } = {}): void {
  expect(text.replace(/\D/g, "")).not.toContain(nid);
  if (!options.nameAllowed) expect(text).not.toContain(NAME);
  expect(text).not.toContain("0551112222");
  expect(text).not.toContain("+966551112222");
  expect(text).not.toContain("1410");
}

describe("/show in the staff group", () => {
  it("on Telegram, typed or pressed: the full record goes to the staff member privately, the group sees a summary; audited", async () => {
    const { w, reference, nid } = await withApplication();
    const groupBefore = w.api.to(STAFF_GROUP).length;
    const full = tgText(await w.tgTurn(STAFF.id, () => w.api.sayInGroup(STAFF_GROUP, STAFF, `/show ${reference}`)));
    expect(full).toContain(nid);
    expect(full).toContain(NAME);
    await vi.waitFor(() => expect(w.api.to(STAFF_GROUP).length).toBeGreaterThan(groupBefore), WAIT);
    const summary = tgText(w.api.to(STAFF_GROUP).slice(groupBefore));
    expect(summary).toContain(reference);
    expect(summary).toContain("محادثة خاصة");
    expectNoPersonalData(summary, nid);

    // The 📄 button under the alert does the same.
    const alert = w.api.to(STAFF_GROUP).find((m) => plain(m.text).includes(reference) && m.reply_markup?.inline_keyboard)!;
    const groupBeforePress = w.api.to(STAFF_GROUP).length;
    const pressed = tgText(await w.tgTurn(STAFF.id, () => w.api.press(STAFF, alert, "📄 عرض")));
    expect(pressed).toContain(nid);
    await vi.waitFor(() => expect(w.api.to(STAFF_GROUP).length).toBeGreaterThan(groupBeforePress), WAIT);
    expectNoPersonalData(tgText(w.api.to(STAFF_GROUP).slice(groupBeforePress)), nid);
    // Everything the group ever saw.
    expectNoPersonalData(tgText(w.api.to(STAFF_GROUP)), nid, { nameAllowed: true });

    const views = (await auditTrail(w.opened.db, { target: reference })).filter((r) => r.action === "show");
    expect(views).toHaveLength(2);
    expect(views.every((v) => v.allowed && v.actorId === String(STAFF.id) && v.detail === "sent_privately")).toBe(true);
  });

  it("on Telegram, when the private chat cannot be reached, the group is told so and sees nothing of the record", async () => {
    const { w, reference, nid } = await withApplication();
    w.api.failNext("sendMessage", STAFF.id, { code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    const notice = tgText(await w.tgTurn(STAFF_GROUP, () => w.api.sayInGroup(STAFF_GROUP, STAFF, `/show ${reference}`)));
    expect(notice).toContain("تعذّر إرسال البيانات الكاملة");
    expectNoPersonalData(notice, nid);
    expectNoPersonalData(tgText(w.api.to(STAFF_GROUP)), nid, { nameAllowed: true });
  });

  it("on WhatsApp: the full record goes to the staff member's own number, the group sees a summary", async () => {
    const { w, reference, nid } = await withApplication();
    const before = w.waSent.length;
    await w.wa(STAFF_WA_GROUP, { body: `/عرض ${reference}`, author: STAFF_WA }, { id: { _serialized: STAFF_WA }, number: STAFF_WA_NUMBER, pushname: "نورة" });
    const sent = w.waSent.slice(before);
    const toStaff = waText(sent.filter((s) => s.chatId === STAFF_WA).map((s) => s.content));
    expect(toStaff).toContain(nid);
    const toGroup = waText(sent.filter((s) => s.chatId === STAFF_WA_GROUP).map((s) => s.content));
    expect(toGroup).toContain(reference);
    expectNoPersonalData(toGroup, nid);
    const [view] = await auditTrail(w.opened.db, { target: reference });
    expect(view).toMatchObject({ action: "show", actorChannel: "whatsapp", actorId: STAFF_WA_NUMBER, detail: "sent_privately" });
  });
});

describe("commands however the slash was typed", () => {
  it("a full-width slash or a leading direction mark is read on Telegram, from staff and (refused, audited) from anyone else", async () => {
    const { w, reference, nid } = await withApplication();
    const full = tgText(await w.tgTurn(STAFF.id, () => w.api.sayInGroup(STAFF_GROUP, STAFF, `\u200f／عرض ${reference}`)));
    expect(full).toContain(nid);
    const list = tgText(await w.tgTurn(STAFF_GROUP, () => w.api.sayInGroup(STAFF_GROUP, STAFF, "\u200e/pending")));
    expect(list).toContain(reference);

    const refusedInGroup = tgText(await w.tgTurn(STAFF_GROUP, () => w.api.sayInGroup(STAFF_GROUP, STRANGER, `\u2067／show ${reference}`)));
    expect(refusedInGroup).toContain("خاص بموظفي الجمعية");
    const refusedPrivately = tgText(await w.tg(STRANGER, "\u200f／طلبات"));
    expect(refusedPrivately).toContain("خاص بموظفي الجمعية");
    const refusals = (await auditTrail(w.opened.db)).filter((r) => r.actorId === String(STRANGER.id));
    expect(refusals.map((r) => [r.action, r.allowed, r.detail])).toEqual([
      ["pending", false, "not_staff"],
      ["show", false, "not_staff"],
    ]);
    // The stranger's command never reached the beneficiary engine.
    const inbound = await w.opened.db.selectFrom("messages").select("id").where("chat_id", "=", String(STRANGER.id)).execute();
    expect(inbound).toEqual([]);
  });

  it("on WhatsApp, a staff member's full-width slash after a direction mark is a command, not a beneficiary message", async () => {
    const { w, reference } = await withApplication();
    const replies = waText(await w.wa(STAFF_WA, "\u200f／طلبات", { id: { _serialized: STAFF_WA }, number: STAFF_WA_NUMBER, pushname: "نورة" }));
    expect(replies).toContain(reference);
    const inbound = await w.opened.db.selectFrom("messages").select("id").where("chat_id", "=", STAFF_WA).where("direction", "=", "in").execute();
    expect(inbound).toEqual([]);
  });
});
