/**
 * Account takeover through a typed phone number (issue 16, first point). Channels are joined into
 * one person only by proof: WhatsApp's sender, or Telegram's shared contact of one's own number. A
 * number typed into a form is data. Attacks run through the real channels and engine.
 */
import { afterEach, describe, expect, it } from "vitest";
import { validNationalId } from "./helpers";
import type { FakeUser } from "./telegram/fake-bot-api";
import { applyForWaterTruck, createWorld, STAFF, STAFF_GROUP, tgText, waText, type World } from "./security/world";

const MALLORY: FakeUser = { id: 6660, first_name: "Mallory", language_code: "ar" };
const HIND_NUMBER = "966551234567";
const HIND_WA = `${HIND_NUMBER}@c.us`;
const HIND_CONTACT = { id: { _serialized: HIND_WA }, number: HIND_NUMBER, pushname: "هند" };

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function contactOf(w: World, channel: string, chatId: string): Promise<number> {
  const row = await w.opened.db
    .selectFrom("channel_identities")
    .select("contact_id")
    .where("channel", "=", channel as "telegram")
    .where("external_id", "=", chatId)
    .executeTakeFirstOrThrow();
  return row.contact_id;
}

describe("a phone number typed on one channel", () => {
  it("never joins another channel's chat: the victim gets her own contact; the attacker sees nothing of hers; staff replies reach her", async () => {
    const w = (world = await createWorld());
    // Mallory starts an application on Telegram and types Hind's mobile, then walks away.
    const mallory = async (text: string) => tgText(await w.tg(MALLORY, text));
    await mallory("السلام عليكم");
    await mallory("1");
    const open = w.profile.programs.filter((p) => p.open);
    if (open.length > 1) await mallory("1");
    await mallory("1");
    await mallory("مالوري جون سميث");
    const mobileQuestion = await mallory(validNationalId(7770001));
    expect(mobileQuestion).toContain("الجوال");
    const afterMobile = await mallory("0551234567");
    expect(afterMobile).toContain("المدينة");
    const malloryContact = await contactOf(w, "telegram", String(MALLORY.id));
    // The typed number is kept as data, never as proof.
    const stored = await w.opened.db.selectFrom("contacts").selectAll().where("id", "=", malloryContact).executeTakeFirstOrThrow();
    expect(stored.verified_phone).toBeNull();

    // Hind writes on WhatsApp for the first time and applies.
    const hind = async (text: string) => waText(await w.wa(HIND_WA, text, HIND_CONTACT));
    const reference = await applyForWaterTruck(hind, w.profile, {
      name: "هند سعد القحطاني",
      nationalId: validNationalId(5550001),
      district: "حي النرجس",
    });
    const hindContact = await contactOf(w, "whatsapp", HIND_WA);
    expect(hindContact).not.toBe(malloryContact);
    const hindRow = await w.opened.db.selectFrom("contacts").selectAll().where("id", "=", hindContact).executeTakeFirstOrThrow();
    expect(hindRow.verified_phone).toBe(`+${HIND_NUMBER}`);

    // Mallory asks for "her" data: nothing of Hind's.
    const mine = await mallory("بياناتي");
    expect(mine).toContain("بياناتك");
    expect(mine).not.toContain("هند");
    expect(mine).not.toContain(reference);
    expect(mine).not.toContain("النرجس");
    expect(mine).not.toContain("whatsapp");

    // Staff answer Hind's application: the reply goes to Hind on WhatsApp, not to Mallory.
    const malloryBefore = w.api.to(MALLORY.id).length;
    const hindBefore = w.waSent.filter((s) => s.chatId === HIND_WA).length;
    const ack = tgText(await w.tgTurn(STAFF_GROUP, () => w.api.sayInGroup(STAFF_GROUP, STAFF, `/reply ${reference} نحتاج صورة الهوية`)));
    expect(ack).toContain(reference);
    await w.settle();
    const toHind = w.waSent.filter((s) => s.chatId === HIND_WA).slice(hindBefore);
    expect(waText(toHind.map((s) => s.content))).toContain("نحتاج صورة الهوية");
    expect(w.api.to(MALLORY.id).slice(malloryBefore).map((m) => m.text).join("\n")).not.toContain("نحتاج صورة الهوية");
  });

  it("a contact card of someone else's number shared on Telegram proves nothing", async () => {
    const w = (world = await createWorld());
    await w.tg(MALLORY, "السلام عليكم");
    // A contact whose Telegram user is not the sender (a card from the address book).
    await w.tgTurn(MALLORY.id, () => w.api.message(MALLORY, { contact: { phone_number: HIND_NUMBER, first_name: "هند", user_id: 4242_000 } }));
    await w.wa(HIND_WA, "السلام عليكم", HIND_CONTACT);
    expect(await contactOf(w, "whatsapp", HIND_WA)).not.toBe(await contactOf(w, "telegram", String(MALLORY.id)));
  });
});

describe("a phone number the channel vouches for", () => {
  const SARA: FakeUser = { id: 5101, first_name: "سارة", language_code: "ar" };
  const SARA_NUMBER = "966557654321";
  const SARA_WA = `${SARA_NUMBER}@c.us`;
  const SARA_CONTACT = { id: { _serialized: SARA_WA }, number: SARA_NUMBER, pushname: "سارة" };

  it("joins Telegram and WhatsApp when Sara shares her own number on Telegram first", async () => {
    const w = (world = await createWorld());
    await w.tg(SARA, "السلام عليكم");
    await w.tgTurn(SARA.id, () => w.api.shareContact(SARA, SARA_NUMBER));
    await w.wa(SARA_WA, "السلام عليكم", SARA_CONTACT);
    expect(await contactOf(w, "whatsapp", SARA_WA)).toBe(await contactOf(w, "telegram", String(SARA.id)));
  });

  it("joins them when Sara wrote on WhatsApp first and then shares her own number on Telegram; what she did on Telegram comes along", async () => {
    const w = (world = await createWorld());
    await w.wa(SARA_WA, "السلام عليكم", SARA_CONTACT);
    const waContact = await contactOf(w, "whatsapp", SARA_WA);
    await w.tg(SARA, "السلام عليكم");
    const tgContact = await contactOf(w, "telegram", String(SARA.id));
    expect(tgContact).not.toBe(waContact);
    await w.tgTurn(SARA.id, () => w.api.shareContact(SARA, SARA_NUMBER));
    expect(await contactOf(w, "telegram", String(SARA.id))).toBe(waContact);
    // No row is left with the contact that was merged away.
    const leftovers = await w.opened.db.selectFrom("messages").select("id").where("contact_id", "=", tgContact).execute();
    expect(leftovers).toEqual([]);
    const gone = await w.opened.db.selectFrom("contacts").select("id").where("id", "=", tgContact).execute();
    expect(gone).toEqual([]);
    const telegramMessages = await w.opened.db.selectFrom("messages").select("contact_id").where("channel", "=", "telegram").execute();
    expect(telegramMessages.every((m) => m.contact_id === waContact)).toBe(true);
  });
});
