/**
 * Notices that respect WhatsApp's 24-hour window, end to end against the
 * emulator: a decision inside the window goes as a free message, outside it
 * as the approved template (and its full text follows once the person
 * writes); a failure the API reports later moves the notice to its next
 * rung; another linked channel takes it when no template can; when nothing
 * can, staff are told. Staff see on /show which rung delivered it and when it
 * was read.
 */
import { afterEach, describe, expect, it } from "vitest";
import { decide } from "../bot/decisions";
import { queueBroadcast } from "../bot/broadcast";
import type { ChannelSender, OutboundMessage } from "../bot/channels/types";
import { loadProfile } from "../orgs/load";
import { approvedTemplates, startCloudWorld, STAFF_NUMBER, texts, type CloudWorld } from "./cloud/world";

const SARA = "966512345001";
const HOUR = 3_600_000;
let w: CloudWorld | null = null;
afterEach(async () => {
  await w?.stop();
  w = null;
});

/** Sara writes, then has an application in review (as if submitted). */
async function withApplication(world: CloudWorld, reference = "A26-00042"): Promise<string> {
  if (reference === "A26-00042") await world.say(SARA, "السلام عليكم", { name: "سارة" });
  const contact = await world.opened.db.selectFrom("contacts").select("id").executeTakeFirstOrThrow();
  const at = world.clock.now().toISOString();
  await world.opened.db
    .insertInto("applications")
    .values({
      reference,
      contact_id: contact.id,
      program_id: world.profile.programs[0]!.id,
      status: "under_review",
      fields: "{}",
      national_id_hash: null,
      attested_at: at,
      privacy_accepted_at: at,
      terms_accepted_at: at,
      sensitive_consent_at: null,
      submitted_at: at,
      decided_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return reference;
}

const deps = (world: CloudWorld) => ({ db: world.opened.db, profile: world.profile, translator: world.sila.translator, clock: world.clock.now, calendar: world.sila.calendar });

async function notice(world: CloudWorld) {
  return world.opened.db.selectFrom("notices").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
}

/** What staff see on /show (from the staff number, inside its window). */
async function show(world: CloudWorld, reference: string): Promise<string> {
  return texts(await world.say(STAFF_NUMBER, `/show ${reference}`));
}

describe("notices and the 24-hour window", () => {
  it("sends a decision inside the window as a free message; staff see the rung and when it was read", async () => {
    w = await startCloudWorld();
    const ref = await withApplication(w);
    w.clock.advance(2 * HOUR);
    expect(await decide(deps(w), { reference: ref, decision: "approve", actor: "cli:test", note: "مرحباً بكم" })).toMatchObject({ ok: true, notified: true });
    await w.settle();
    const got = w.emu.inbox(SARA).at(-1)!;
    expect(got.type).toBe("text");
    expect(got.text).toContain("مرحباً بكم");
    let n = await notice(w);
    expect(n).toMatchObject({ kind: "decision", reference: ref, rung: "free", channel: "whatsapp_cloud", status: "delivered", message: null });
    await w.emu.read(got.wamid);
    await w.settle();
    n = await notice(w);
    expect(n.status).toBe("read");
    expect(n.read_at).not.toBeNull();
    const view = await show(w, ref);
    expect(view).toContain("إشعار القرار");
    expect(view).toContain("رسالة عادية");
    expect(view).toContain("قُرئ");
  });

  it("sends it outside the window as the approved template, and its full text when the person writes again", async () => {
    w = await startCloudWorld();
    const ref = await withApplication(w);
    w.clock.advance(30 * HOUR);
    await decide(deps(w), { reference: ref, decision: "reject", actor: "cli:test", note: "خارج نطاق الخدمة" });
    await w.settle();
    const got = w.emu.inbox(SARA).at(-1)!;
    expect(got.type).toBe("template");
    const template = got.body["template"] as { name: string; language: { code: string }; components: Array<{ parameters: Array<{ text: string }> }> };
    expect(template.name).toBe("sila_decision");
    expect(template.language.code).toBe("ar");
    expect(template.components[0]!.parameters.map((p) => p.text)).toEqual([ref, w.profile.programs[0]!.name.ar, w.sila.translator.t("status:state.rejected", "ar")]);
    expect(got.text).toContain(ref);
    expect(got.status).toBe("delivered");
    expect(await notice(w)).toMatchObject({ rung: "template", status: "delivered", followup: 1 });
    // The person answers the template: the decision in full comes first, then the reply to what they wrote.
    const after = await w.say(SARA, "مرحبا");
    expect(after[0]!.text).toContain("خارج نطاق الخدمة");
    // A free message now, with the rejection's own button (to appeal).
    expect(after[0]!.type).toBe("interactive");
    expect(await notice(w)).toMatchObject({ followup: 0, message: null });
    // Only once.
    expect(texts(await w.say(SARA, "شكرا"))).not.toContain("خارج نطاق الخدمة");
    expect(await show(w, ref)).toContain("قالب واتساب معتمد");
  });

  it("asks for information outside the window with the needinfo template carrying the request, and takes the answer", async () => {
    w = await startCloudWorld();
    const ref = await withApplication(w);
    w.clock.advance(48 * HOUR);
    await decide(deps(w), { reference: ref, decision: "needinfo", actor: "cli:test", note: "صورة فاتورة الكهرباء" });
    await w.settle();
    const got = w.emu.inbox(SARA).at(-1)!;
    expect((got.body["template"] as { name: string }).name).toBe("sila_needinfo");
    expect(got.text).toContain("صورة فاتورة الكهرباء");
    // Her answer is confirmed as the information asked for, reviewed, then sent to the committee.
    expect(texts(await w.say(SARA, "أرسلت الفاتورة مع المندوب أمس"))).toContain(ref);
    await w.say(SARA, "نعم");
    await w.say(SARA, "خلاص");
    await w.say(SARA, "ارسل");
    const app = await w.opened.db.selectFrom("applications").select("status").where("reference", "=", ref).executeTakeFirstOrThrow();
    expect(app.status).toBe("under_review");
  });

  it("moves to the template when WhatsApp reports 131047 after accepting a free message", async () => {
    w = await startCloudWorld();
    const ref = await withApplication(w);
    w.clock.advance(30 * HOUR);
    // Sila's record says she wrote a minute ago (a clock gone wrong): the free message goes, Meta fails it later.
    await w.opened.db.updateTable("chat_windows").set({ last_inbound_at: new Date(w.clock.now().getTime() - 60_000).toISOString() }).execute();
    await decide(deps(w), { reference: ref, decision: "approve", actor: "cli:test" });
    await w.settle();
    const inbox = w.emu.inbox(SARA).slice(-2);
    expect(inbox.map((m) => [m.type, m.status])).toEqual([
      ["text", "failed"],
      ["template", "delivered"],
    ]);
    expect(inbox[0]!.error?.code).toBe(131047);
    expect(await notice(w)).toMatchObject({ rung: "template", status: "delivered" });
    const failed = await w.opened.db.selectFrom("messages").select(["status", "error"]).where("channel_message_id", "=", inbox[0]!.wamid).executeTakeFirstOrThrow();
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("131047");
  });

  it("falls back to the person's other channel when no template is approved, then tells staff when nothing can reach", async () => {
    const telegram: Array<{ chatId: string; message: OutboundMessage }> = [];
    const fakeTelegram: ChannelSender = {
      name: "telegram",
      async send(chatId, message) {
        telegram.push({ chatId, message });
        return { messageId: String(telegram.length) };
      },
    };
    w = await startCloudWorld({
      senders: [fakeTelegram],
      // Meta knows none of the beneficiary templates (each is refused with 132001), only the staff one.
      emulator: { templates: approvedTemplates(loadProfile("maa")).filter((t) => t.name === "sila_staff_alert") },
    });
    const ref = await withApplication(w);
    const contact = await w.opened.db.selectFrom("contacts").select("id").executeTakeFirstOrThrow();
    await w.opened.db.insertInto("channel_identities").values({ contact_id: contact.id, channel: "telegram", external_id: "5001", created_at: w.clock.now().toISOString() }).execute();
    w.clock.advance(30 * HOUR);
    await decide(deps(w), { reference: ref, decision: "approve", actor: "cli:test" });
    await w.settle();
    expect(w.emu.stats.refused[132001]).toBe(1);
    expect(telegram.map((t) => t.chatId)).toEqual(["5001"]);
    expect(telegram[0]!.message.text).toContain(ref.replace("-", "-"));
    expect(await notice(w)).toMatchObject({ rung: "other", channel: "telegram", status: "sent" });

    // Without the Telegram chat, nothing can reach her: the row fails and staff are alerted.
    await w.opened.db.deleteFrom("channel_identities").where("channel", "=", "telegram").execute();
    const second = await withApplication(w, "A26-00043");
    await decide(deps(w), { reference: second, decision: "reject", actor: "cli:test" });
    await w.settle();
    const n = await notice(w);
    expect(n).toMatchObject({ rung: "unreached", status: "unreached" });
    const alert = await w.opened.db.selectFrom("outbox").select("status").where("dedupe_key", "like", `notice-unreached:${n.id}:%`).executeTakeFirstOrThrow();
    expect(alert.status).toBe("sent");
    // The staff number has not written for a day: the alert reaches it as the staff template, naming the application.
    const staffGot = w.emu.inbox(STAFF_NUMBER).at(-1)!;
    expect((staffGot.body["template"] as { name: string }).name).toBe("sila_staff_alert");
    expect(staffGot.text).toContain(second);
    const failedRow = await w.opened.db.selectFrom("outbox").select(["status", "last_error"]).where("notice_id", "=", n.id).executeTakeFirstOrThrow();
    expect(failedRow.status).toBe("failed");
    expect(failedRow.last_error).toContain("could not reach");
    const view = await show(w, second);
    expect(view).toContain("تعذّر الوصول");
    expect(view).toContain("132001");
    expect(await show(w, ref)).toContain("عبر قناة أخرى");
  });

  it("sends a broadcast outside the window only as a marketing template to a person who opted in", async () => {
    w = await startCloudWorld();
    await w.say(SARA, "السلام عليكم");
    const OMAR = "966512345002";
    await w.say(OMAR, "السلام عليكم");
    // Omar asks for announcements himself: his opt-in is recorded.
    await w.say(OMAR, "اشتراك");
    // Two days later, at 09:00 in Riyadh: outside quiet hours and prayer windows (bulk rows wait for them).
    w.clock.advance(45 * HOUR);
    const before = { sara: w.emu.inbox(SARA).length, omar: w.emu.inbox(OMAR).length };
    const r = await queueBroadcast(w.opened.db, w.sila.translator, {
      broadcastId: "water-day",
      message: { ar: "توزيع المياه يوم الخميس", en: "Water is distributed on Thursday" },
      orgName: w.profile.name,
      at: w.clock.now().toISOString(),
    });
    expect(r.queued).toBe(2);
    w.sila.outbox.kick();
    await w.settle();
    expect(w.emu.inbox(SARA).length).toBe(before.sara);
    const omar = w.emu.inbox(OMAR).at(-1)!;
    expect((omar.body["template"] as { name: string }).name).toBe("sila_broadcast");
    expect(omar.text).toContain("توزيع المياه يوم الخميس");
    const rows = await w.opened.db.selectFrom("notices").select(["rung", "status"]).where("kind", "=", "broadcast").orderBy("contact_id").execute();
    expect(rows).toEqual([
      { rung: "unreached", status: "unreached" },
      { rung: "template", status: "delivered" },
    ]);
    // No staff alert for each person a broadcast could not reach.
    const alerts = await w.opened.db.selectFrom("outbox").select("id").where("dedupe_key", "like", "notice-unreached:%").execute();
    expect(alerts).toHaveLength(0);
  });

  it("names the templates the profile expects, each approved in every language it lists", () => {
    const templates = approvedTemplates(loadProfile("maa"));
    expect(new Set(templates.map((t) => t.name))).toEqual(new Set(["sila_decision", "sila_needinfo", "sila_survey", "sila_reminder", "sila_broadcast", "sila_reply", "sila_referral_check", "sila_staff_alert"]));
    for (const t of templates) expect(t.body).toMatch(/\{\{1\}\}/);
  });
});



