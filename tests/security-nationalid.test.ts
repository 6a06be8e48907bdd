/**
 * A national ID typed anywhere, however it is written (spaces, dashes, dots, zero-width marks,
 * Arabic-Indic digits), is found and sealed or masked before it is stored: tickets, application
 * fields, the stored copies of staff alerts, the inbound messages (a flood's too). Staff alerts show
 * it masked. The attacks run through Telegram (Bot API on 127.0.0.1) and WhatsApp (fake client);
 * then every table of the database is searched for the number in clear.
 */
import { afterEach, describe, expect, it } from "vitest";
import { findNationalIds, maskNationalIds } from "../bot/pii";
import { validNationalId } from "./helpers";
import type { FakeUser } from "./telegram/fake-bot-api";
import { applyForWaterTruck, clearCopies, createWorld, digitsOf, STAFF, STAFF_GROUP, STAFF_WA, tgText, waText, type World } from "./security/world";

const arabicIndic = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
const spaced = (id: string): string => `${id.slice(0, 4)} ${id.slice(4, 7)} ${id.slice(7)}`;
const dashed = (id: string): string => `${id.slice(0, 1)}-${id.slice(1, 5)}-${id.slice(5)}`;
const dotted = (id: string): string => id.split("").join(".");
const zeroWidth = (id: string): string => id.split("").join("\u200b");

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

/** What staff received (Telegram group and WhatsApp number) that mentions `reference`. */
function staffSaw(w: World, needle: string): string {
  const telegram = w.api.to(STAFF_GROUP).map((m) => m.text);
  const whatsapp = w.waSent.filter((s) => s.chatId === STAFF_WA).map((s) => s.content);
  return [...telegram, ...whatsapp].filter((t) => t.includes(needle)).join("\n---\n");
}

describe("finding a national ID in free text", () => {
  const id = validNationalId(2718281);
  it.each([
    ["plain", id],
    ["spaced", spaced(id)],
    ["dashed", dashed(id)],
    ["dotted", dotted(id)],
    ["zero-width marks", zeroWidth(id)],
    ["Arabic-Indic, spaced, with direction marks", `\u200f${arabicIndic(spaced(id))}\u200f`],
    ["Persian digits with an en dash", `${id.slice(0, 5)}–${id.slice(5)}`.replace(/\d/g, (d) => String.fromCharCode(0x6f0 + Number(d)))],
    ["full-width digits", id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
  ])("finds it %s and masks it to its last four digits", (_name, written) => {
    const text = `السلام عليكم، رقم هويتي ${written} وجوالي 0551234567`;
    expect(findNationalIds(text).map((f) => f.digits)).toEqual([id]);
    const masked = maskNationalIds(text);
    expect(digitsOf(masked)).not.toContain(id);
    expect(masked).toContain(`******${id.slice(-4)}`);
    expect(masked).toContain("0551234567");
  });

  it("leaves phones, references, dates and longer numbers alone", () => {
    for (const text of ["0551234567", "+966551234567", "A26-00001", "1445/01/01", "12345678901", "1410/05/20", "2026-11-22", "0551234567 ، 0561234567"]) {
      expect(findNationalIds(text)).toEqual([]);
    }
  });
});

describe("a national ID typed anywhere is never stored in clear", () => {
  const SARA: FakeUser = { id: 5201, first_name: "سارة", language_code: "ar" };
  const OMAR_WA = "966559990001@c.us";
  const OMAR_CONTACT = { id: { _serialized: OMAR_WA }, number: "966559990001", pushname: "عمر" };

  it("in a complaint, a handoff, a free-text form field and an answer to the committee; staff see it masked", async () => {
    const w = (world = await createWorld());
    const inComplaint = validNationalId(1010101);
    const inHandoff = validNationalId(2020202, "2");
    const inField = validNationalId(3030303);
    const inAnswer = validNationalId(4040404);
    const sara = async (text: string) => tgText(await w.tg(SARA, text));

    // A complaint on Telegram, the ID in Arabic-Indic digits with spaces and direction marks.
    await sara("السلام عليكم");
    await sara("شكوى");
    await sara("شكوى");
    const received = await sara(`الموظف ما رد علي، رقم هويتي \u200f${arabicIndic(spaced(inComplaint))}\u200f وأبي حل`);
    const complaint = /C\d{2}-\d{5}/.exec(received)![0];

    // A handoff on WhatsApp, the ID with zero-width marks between the digits.
    const omar = async (text: string) => waText(await w.wa(OMAR_WA, text, OMAR_CONTACT));
    await omar("السلام عليكم");
    const opened = await omar("موظف");
    const handoff = /H\d{2}-\d{5}/.exec(opened)![0];
    await omar(`هذي هويتي ${zeroWidth(inHandoff)} تأكدوا منها`);

    // An application on Telegram with the ID typed (dashed) into a free-text field.
    const reference = await applyForWaterTruck(sara, w.profile, {
      name: "سارة محمد العتيبي",
      nationalId: validNationalId(5050505),
      district: `حي الريان ${dashed(inField)}`,
    });

    // The committee asks for more; Sara answers with her ID, dotted.
    await w.tgTurn(SARA.id, () => w.api.sayInGroup(STAFF_GROUP, STAFF, `/decide ${reference} needinfo أرسلي رقم هويتك`));
    await sara(`تفضلوا ${dotted(inAnswer)}`);
    await w.settle();

    for (const id of [inComplaint, inHandoff, inField, inAnswer]) expect(clearCopies(w.opened, id), id).toEqual([]);

    // Staff alerts show the numbers masked, on Telegram and on WhatsApp.
    const complaintAlert = staffSaw(w, complaint);
    expect(complaintAlert).toContain(`******${inComplaint.slice(-4)}`);
    expect(digitsOf(complaintAlert)).not.toContain(inComplaint);
    const handoffAlerts = staffSaw(w, handoff);
    expect(handoffAlerts).toContain(`******${inHandoff.slice(-4)}`);
    expect(digitsOf(handoffAlerts)).not.toContain(inHandoff);
    const answerAlert = staffSaw(w, reference);
    expect(answerAlert).toContain(`******${inAnswer.slice(-4)}`);
    expect(digitsOf(answerAlert)).not.toContain(inAnswer);

    // The sealed field is still there for the staff member who opens the application (in private).
    const full = tgText(await w.tgTurn(STAFF.id, () => w.api.say(STAFF, `/show ${reference}`)));
    expect(digitsOf(full)).toContain(inField);

    for (const line of w.logs) for (const id of [inComplaint, inHandoff, inField, inAnswer]) expect(digitsOf(line)).not.toContain(id);
  });

  it("in messages refused by the flood limit", async () => {
    const w = (world = await createWorld({ floodPerMinute: 2 }));
    const id = validNationalId(6060606);
    await w.tg(SARA, "السلام عليكم");
    await w.tg(SARA, "مرحبا");
    await w.tg(SARA, "وش الأخبار"); // the third in a minute: asked to slow down
    const flooded = await w.api.say(SARA, `هويتي ${spaced(id)}`);
    const messageId = `${SARA.id}:${(flooded.message as { message_id: number }).message_id}`;
    await w.settle();
    await expect
      .poll(() => w.opened.db.selectFrom("messages").select(["status"]).where("channel_message_id", "=", messageId).executeTakeFirst(), { timeout: 15_000, interval: 20 })
      .toEqual({ status: "throttled" });
    expect(clearCopies(w.opened, id)).toEqual([]);
  });
});
