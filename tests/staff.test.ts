import { afterEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";
import { createStaffCommands, type StaffDeps, type StaffWorkspace } from "../bot/staff/commands";
import { parseReference, parseStaffCommand, isStaffCommand, findReference } from "../bot/staff/parse";
import { auditTrail } from "../bot/staff/audit";
import type { StaffActor } from "../bot/staff/types";
import type { StaffTarget } from "../bot/engine";
import { createLogger } from "../bot/log";

const STAFF: StaffActor = { channel: "telegram", userId: "1001", displayName: "نورة" };
const OTHER_STAFF: StaffActor = { channel: "telegram", userId: "1002", displayName: "Khalid" };
const STRANGER: StaffActor = { channel: "telegram", userId: "666", displayName: "Intruder" };

let h: Harness;
let logLines: string[];

afterEach(async () => {
  await h?.close();
});

async function setup(extra: Partial<StaffDeps> = {}, staffTargets: StaffTarget[] = [{ channel: "console", chatId: "staff", locale: "ar" }]) {
  logLines = [];
  h = await createHarness({ sila: { staff: staffTargets } });
  const staff = createStaffCommands({
    db: h.opened.db,
    profile: h.profile,
    translator: h.sila.translator,
    cipher: h.sila.cipher,
    staffIds: { telegram: ["1001", "1002"], whatsapp: ["+966500000001"] },
    staffTargets,
    clock: () => h.now(),
    log: createLogger("debug", (l) => logLines.push(l)),
    ...extra,
  });
  return staff;
}

/** A beneficiary on chat `chatId` submits an application; returns its reference. */
async function submitApplication(chatId: string, nationalId: string): Promise<string> {
  await h.say("السلام عليكم", chatId);
  await applyUntilSummary(h, "tank_installation", { nationalId, chatId });
  const done = plain(textOf(await submitFromSummary(h, chatId)));
  return /A\d{2}-\d{5}/.exec(done)![0];
}

/** A beneficiary asks for a person; returns the handoff ticket's reference. */
async function openHandoff(chatId: string): Promise<string> {
  await h.say("السلام عليكم", chatId);
  const opened = plain(textOf(await h.say({ kind: "choice", value: "menu:human" }, chatId)));
  return /H\d{2}-\d{5}/.exec(opened)![0];
}

const texts = (replies: { text: string }[]) => plain(replies.map((r) => r.text).join("\n---\n"));

describe("parsing staff commands", () => {
  it("reads English and Arabic commands, @bot suffixes, any digit script and case", () => {
    expect(parseStaffCommand("/pending")).toMatchObject({ name: "pending" });
    expect(parseStaffCommand("/طلبات")).toMatchObject({ name: "pending" });
    expect(parseStaffCommand("/show@sila_bot a26-00001")).toMatchObject({ name: "show", reference: "A26-00001" });
    expect(parseStaffCommand("/عرض A٢٦-٠٠٠٠١")).toMatchObject({ name: "show", reference: "A26-00001" });
    expect(parseStaffCommand("/اغلاق H26-00003")).toMatchObject({ name: "close", reference: "H26-00003" });
    expect(parseStaffCommand("/إغلاق H26-00003")).toMatchObject({ name: "close", reference: "H26-00003" });
    expect(parseStaffCommand("/رد H26-00003 السلام عليكم\nكيف نخدمك؟")).toMatchObject({
      name: "reply",
      reference: "H26-00003",
      rest: "السلام عليكم\nكيف نخدمك؟",
    });
    expect(parseStaffCommand("/احصائيات")).toMatchObject({ name: "stats" });
    expect(parseStaffCommand("/whatever x")).toMatchObject({ name: null, word: "whatever" });
    expect(parseStaffCommand("hello")).toBeNull();
  });

  it("knows which commands only staff use", () => {
    expect(isStaffCommand("/pending")).toBe(true);
    expect(isStaffCommand("/عرض A26-00001")).toBe(true);
    expect(isStaffCommand("/start")).toBe(false);
    expect(isStaffCommand("/help")).toBe(false);
    expect(isStaffCommand("مرحبا")).toBe(false);
  });

  it("finds references in alerts, isolates and all", () => {
    expect(parseReference("\u2068H26-00012\u2069")).toBe("H26-00012");
    expect(parseReference("H26-1")).toBeNull();
    expect(findReference("🆕 طلب جديد \u2068A26-00001\u2069\nالبرنامج")).toBe("A26-00001");
    expect(findReference("no reference here")).toBeNull();
  });
});

describe("the staff workspace", () => {
  it("refuses anyone who is not staff, records the attempt, and shows nothing", async () => {
    const staff = await setup();
    const ref = await submitApplication("ben1", validNationalId(1111111));
    expect(staff.isStaff(STRANGER)).toBe(false);
    expect(staff.isStaff(STAFF)).toBe(true);
    expect(staff.isStaff({ channel: "whatsapp", userId: "+966500000001" })).toBe(true);
    expect(staff.isStaff({ channel: "whatsapp", userId: "1001" })).toBe(false);

    const refused = texts(await staff.handleText(STRANGER, `/show ${ref}`));
    expect(refused).toContain("خاص بموظفي الجمعية");
    expect(refused).not.toContain(ref);
    expect(refused).not.toContain("محمد");
    const refusedButton = texts(await staff.handleAction(STRANGER, `staff:close:${ref}`));
    expect(refusedButton).toContain("خاص بموظفي الجمعية");

    const trail = await auditTrail(h.opened.db);
    expect(trail.slice(0, 2).map((r) => [r.action, r.target, r.allowed, r.actorId, r.detail])).toEqual([
      ["close", ref, false, "666", "not_staff"],
      ["show", ref, false, "666", "not_staff"],
    ]);
  });

  it("lists pending applications and open tickets (Arabic alias too)", async () => {
    const staff = await setup();
    const app = await submitApplication("ben1", validNationalId(2222222));
    const handoff = await openHandoff("ben2");
    const list = texts(await staff.handleText(STAFF, "/طلبات"));
    expect(list).toContain("الطلبات المعلقة (1)");
    expect(list).toContain(app);
    expect(list).toContain("تركيب خزانات المياه المنزلية");
    expect(list).toContain("تم الاستلام وبانتظار الدراسة");
    expect(list).toContain("التذاكر المفتوحة (1)");
    expect(list).toContain(handoff);
    expect(list).toContain("طلب التحدث مع موظف");
    expect(list).not.toContain(validNationalId(2222222));
    const [row] = await auditTrail(h.opened.db);
    expect(row).toMatchObject({ action: "pending", allowed: true, actorId: "1001", actorName: "نورة" });
  });

  it("shows an application in full, records the view, and never logs the national ID", async () => {
    const staff = await setup();
    const nid = validNationalId(3333333);
    const ref = await submitApplication("ben1", nid);
    const shown = texts(await staff.handleText(STAFF, `/show ${ref.toLowerCase()}`));
    expect(shown).toContain(`الطلب ${ref}`);
    expect(shown).toContain(nid); // in full, to staff
    expect(shown).toContain("محمد عبدالله الحربي");
    expect(shown).toContain("+966551234567");
    expect(shown).toContain("هل السكن ملك أم إيجار؟: ملك");
    expect(shown).toContain("📎 مرفق");
    expect(shown).toContain("السجل:");
    const [row] = await auditTrail(h.opened.db);
    expect(row).toMatchObject({ action: "show", target: ref, allowed: true });
    const everything = JSON.stringify(await auditTrail(h.opened.db)) + logLines.join("\n");
    expect(everything).not.toContain(nid);
  });

  it("relays a staff reply to the beneficiary in their language, by ticket or application reference", async () => {
    const staff = await setup();
    await h.say("السلام عليكم", "ben-en");
    await h.say("English", "ben-en");
    const opened = plain(textOf(await h.say({ kind: "choice", value: "menu:human" }, "ben-en")));
    const handoff = /H\d{2}-\d{5}/.exec(opened)![0];

    const before = h.sent.length;
    const ack = texts(await staff.handleText(STAFF, `/reply ${handoff} Hello! We are checking your file now.`));
    expect(ack).toContain(`أُرسل ردك إلى المستفيد في ${handoff}`);
    await h.sila.outbox.drainOnce();
    const relayed = h.sent.slice(before).filter((s) => s.chatId === "ben-en");
    expect(relayed).toHaveLength(1);
    expect(plain(relayed[0]!.message.text)).toContain(`A message from the association's staff about ${handoff}`);
    expect(relayed[0]!.message.text).toContain("Hello! We are checking your file now.");

    const app = await submitApplication("ben-ar", validNationalId(4444444));
    const before2 = h.sent.length;
    await staff.handleText(STAFF, `/رد ${app} نحتاج صورة أوضح للصك`);
    await h.sila.outbox.drainOnce();
    const relayedAr = h.sent.slice(before2).filter((s) => s.chatId === "ben-ar");
    expect(plain(relayedAr[0]!.message.text)).toContain(`رسالة من موظفي الجمعية بخصوص ${app}`);
    expect(relayedAr[0]!.message.text).toContain("نحتاج صورة أوضح للصك");

    const trail = await auditTrail(h.opened.db);
    expect(trail.filter((r) => r.action === "reply").map((r) => r.target)).toEqual([app, handoff]);
    // The audit keeps no message body.
    expect(JSON.stringify(trail)).not.toContain("نحتاج");

    expect(texts(await staff.handleText(STAFF, `/reply ${handoff}`))).toContain("اكتب الرقم ثم نص الرد");
    expect(texts(await staff.handleText(STAFF, "/reply Z26-99999 hello"))).toContain("لم أجد الرقم Z26-99999");
  });

  it("closes a handoff: the beneficiary is told and the bot answers them again", async () => {
    const staff = await setup();
    const handoff = await openHandoff("ben1");
    // While the handoff is open the bot stays quiet and forwards to staff.
    expect(await h.say("متى يصلني الخزان؟", "ben1")).toEqual([]);
    // A staff member answers (a handoff nobody answered gets no satisfaction question).
    await staff.handleText(STAFF, `/reply ${handoff} يصلك خلال أسبوع بإذن الله`);
    await h.sila.outbox.drainOnce();

    const before = h.sent.length;
    expect(texts(await staff.handleText(STAFF, `/close ${handoff}`))).toContain(`أُغلقت ${handoff}`);
    await h.sila.outbox.drainOnce();
    const told = h.sent.slice(before).filter((s) => s.chatId === "ben1");
    expect(plain(told[0]!.message.text)).toContain(`أنهى موظف الجمعية المحادثة ${handoff}`);
    // As when the beneficiary ends it, one satisfaction question follows.
    expect(told[0]!.message.text).toContain("سؤال واحد قصير");
    expect(told[0]!.message.choices?.map((c) => c.value)).toEqual(["1", "2", "3", "4", "5"]);
    const thanked = await h.say("5", "ben1");
    expect(textOf(thanked)).toContain("شكراً جزيلاً على تقييمك");
    expect(thanked.at(-1)!.choices?.map((c) => c.value)).toContain("menu:apply");
    const survey = await h.opened.db.selectFrom("surveys").selectAll().executeTakeFirstOrThrow();
    expect(survey).toMatchObject({ kind: "ticket", status: "answered" });

    const ticket = await h.opened.db.selectFrom("tickets").selectAll().where("reference", "=", handoff).executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ status: "closed", closed_by: "staff:telegram:1001" });
    // The bot answers again.
    expect(textOf(await h.say("1", "ben1"))).toContain("اختر البرنامج");

    expect(texts(await staff.handleText(STAFF, `/close ${handoff}`))).toContain("مغلقة من قبل");
    const app = await submitApplication("ben2", validNationalId(5555555));
    expect(texts(await staff.handleText(STAFF, `/close ${app}`))).toContain("طلب وليس تذكرة");
  });

  it("claims a ticket, tells the beneficiary once, and shows who has it", async () => {
    const staff = await setup();
    const handoff = await openHandoff("ben1");
    const before = h.sent.length;
    expect(texts(await staff.handleAction(STAFF, `staff:claim:${handoff}`))).toContain(`استلمتَ ${handoff}`);
    await h.sila.outbox.drainOnce();
    expect(plain(h.sent.slice(before).filter((s) => s.chatId === "ben1").map((s) => s.message.text).join())).toContain(
      `استلم أحد موظفي الجمعية طلبك ${handoff}`,
    );
    expect(texts(await staff.handleText(STAFF, `/claim ${handoff}`))).toContain("مستلمة منك من قبل");
    expect(texts(await staff.handleText(OTHER_STAFF, `/استلام ${handoff}`))).toContain("كانت مع نورة");
    expect(texts(await staff.handleText(STAFF, "/pending"))).toContain(`${handoff} | طلب التحدث مع موظف`);
    expect(texts(await staff.handleText(STAFF, "/pending"))).toContain("مع Khalid");
    const shown = texts(await staff.handleText(STAFF, `/show ${handoff}`));
    expect(shown).toContain("مستلمة من: Khalid");
    // The beneficiary heard of the first claim only.
    await h.sila.outbox.drainOnce();
    const notices = h.sent.filter((s) => s.chatId === "ben1" && s.message.text.includes("استلم أحد موظفي"));
    expect(notices).toHaveLength(1);
  });

  it("tells the other channels' staff chats what was done", async () => {
    const targets: StaffTarget[] = [
      { channel: "telegram", chatId: "-100200", locale: "ar" },
      { channel: "whatsapp", chatId: "staff-group@g.us", locale: "en" },
    ];
    const staff = await setup({}, targets);
    const handoff = await openHandoff("ben1");
    await staff.handleText(STAFF, `/claim ${handoff}`);
    const notices = await h.opened.db.selectFrom("outbox").selectAll().where("audience", "=", "staff").where("payload", "like", "%took ticket%").execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: "whatsapp", chat_id: "staff-group@g.us" });
    expect(plain(JSON.parse(notices[0]!.payload).text)).toBe(`🙋 نورة took ticket ${handoff}.`);
  });

  it("gives simple statistics", async () => {
    const staff = await setup();
    await submitApplication("ben1", validNationalId(6666666));
    await openHandoff("ben2");
    const s = texts(await staff.handleText(STAFF, "/stats"));
    expect(s).toContain("الطلبات حسب الحالة:\n• تم الاستلام وبانتظار الدراسة: 1");
    expect(s).toContain("الطلبات حسب البرنامج:\n• تركيب خزانات المياه المنزلية: 1");
    expect(s).toContain("التذاكر المفتوحة حسب النوع:\n• طلب التحدث مع موظف: 1");
    expect(s).toContain("جهات التواصل: 2");
  });

  it("offers buttons for alerts: show an application; claim, reply, close an open ticket", async () => {
    const staff: StaffWorkspace = await setup();
    const app = await submitApplication("ben1", validNationalId(7777777));
    const handoff = await openHandoff("ben2");
    expect(await staff.alertChoices(`🆕 طلب جديد \u2068${app}\u2069`)).toEqual([{ value: `staff:show:${app}`, label: "📄 عرض" }]);
    expect((await staff.alertChoices(`🙋 ${handoff}`)).map((c) => c.value)).toEqual([
      `staff:claim:${handoff}`,
      `staff:reply:${handoff}`,
      `staff:close:${handoff}`,
    ]);
    expect((await staff.alertChoices(`🙋 ${handoff}`, "en")).map((c) => c.label)).toEqual(["🙋 Claim", "✍️ Reply", "✔️ Close"]);
    await staff.handleAction(STAFF, `staff:claim:${handoff}`);
    expect((await staff.alertChoices(`💬 ${handoff}`)).map((c) => c.value)).toEqual([
      `staff:reply:${handoff}`,
      `staff:close:${handoff}`,
      `staff:show:${handoff}`,
    ]);
    await staff.handleAction(STAFF, `staff:close:${handoff}`);
    expect(await staff.alertChoices(`✔️ ${handoff}`)).toEqual([]);
    expect(await staff.alertChoices("no reference")).toEqual([]);
    // The reply button explains how to reply.
    expect(texts(await staff.handleAction(STAFF, `staff:reply:${handoff}`))).toContain(`/reply ${handoff}`);
  });

  it("leaves decisions to a later layer through an optional seam", async () => {
    const without = await setup();
    const ref = await submitApplication("ben1", validNationalId(8888888));
    expect(texts(await without.handleText(STAFF, `/decide ${ref} approve`))).toContain("غير متاحة بعد");
    await h.close();

    const calls: unknown[] = [];
    const withDecide = await setup({
      decide: async (req) => {
        calls.push(req);
        return { text: [{ literal: `decided ${req.reference}` }] };
      },
    });
    const ref2 = await submitApplication("ben1", validNationalId(8888889));
    expect(texts(await withDecide.handleText(STAFF, `/قرار ${ref2} قبول بعد الزيارة`))).toBe(`decided ${ref2}`);
    expect(calls).toEqual([{ actor: STAFF, actorKey: "staff:telegram:1001", reference: ref2, decision: "قبول", note: "بعد الزيارة" }]);
  });

  it("answers help and unknown commands, and never throws on a broken store", async () => {
    const staff = await setup();
    expect(texts(await staff.handleText(STAFF, "/help"))).toContain("/pending");
    expect(texts(await staff.handleText(STAFF, "/مساعدة"))).toContain("/طلبات");
    expect(texts(await staff.handleText(STAFF, "/frobnicate"))).toContain("لم أتعرف على هذا الأمر");
    expect(texts(await staff.handleAction(STAFF, "staff:explode:H26-00001"))).toContain("لم أتعرف");
    expect(texts(await staff.handleText(STAFF, "/show"))).toContain("اكتب الرقم بعد الأمر");
    const trail = await auditTrail(h.opened.db);
    expect(trail.map((r) => r.action)).toEqual(["show", "unknown", "unknown", "help", "help"]);

    await sql`drop table staff_audit`.execute(h.opened.db);
    const failed = texts(await staff.handleText(STAFF, "/pending"));
    expect(failed).toContain("حدث خلل");
    expect(logLines.some((l) => l.includes("staff command failed"))).toBe(true);
  });
});
