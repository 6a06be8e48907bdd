/**
 * Appeals (تظلم) and second applications, through the engine, for two
 * associations: the appeal taken in the chat (reason, files, confirmation),
 * its own ticket kind, decided by staff through the decision path with the
 * beneficiary notified; an approved or open application blocks a second
 * one with its status; a rejected one only where the program allows.
 */
import { afterEach, describe, expect, it } from "vitest";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";
import { decide, staffDecisions, type DecisionDeps } from "../bot/decisions";
import { createStaffCommands } from "../bot/staff/commands";
import { createLogger } from "../bot/log";
import type { StaffTarget } from "../bot/engine";
import { formUntil, said } from "./form-helpers";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const STAFF: StaffTarget[] = [{ channel: "console", chatId: "staff", locale: "ar" }];
const deps = (): DecisionDeps => ({ db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h.now(), staff: STAFF, calendar: h.sila.calendar });
const lastTo = (chatId = "u1") => h.sent.filter((s) => s.chatId === chatId).at(-1)!.message;

async function submitted(programId: string, seed: number, chatId = "u1"): Promise<string> {
  await h.say("السلام عليكم", chatId);
  await applyUntilSummary(h, programId, { nationalId: validNationalId(seed), chatId });
  return /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h, chatId))))![0];
}

const PROFILES = [
  { org: "maa", strict: "tank_installation", lenient: "water_truck" },
  { org: "jaliyat_badr", strict: "islamic_course", lenient: "translated_materials" },
] as const;

describe.each(PROFILES)("an appeal ($org)", ({ org, strict }) => {
  it("takes «تخطي» at the files step as no files, not as more of the reason", async () => {
    h = await createHarness({ org });
    const ref = await submitted(strict, 6161616);
    await decide(deps(), { reference: ref, decision: "reject", actor: "staff:telegram:42", note: "خارج النطاق" });
    await h.sila.outbox.drainOnce();
    await said(h, "تظلم");
    expect(await said(h, "الخزان عندنا مكسور من سنة وما عندنا دخل")).toContain("ما يدعم تظلمك");
    const summary = await said(h, "تخطي");
    expect(summary).toContain("الخزان عندنا مكسور من سنة وما عندنا دخل");
    expect(summary).not.toContain("تخطي");
    expect(summary).not.toContain("بتفصيل أكثر");
  });

  it("is taken in the chat, is its own ticket kind, and is accepted through the decision path", async () => {
    h = await createHarness({ org });
    const ref = await submitted(strict, 6060606);
    await decide(deps(), { reference: ref, decision: "reject", actor: "staff:telegram:42", note: "الدخل أعلى من الحد" });
    await h.sila.outbox.drainOnce();
    const notice = lastTo();
    expect(plain(notice.text)).toContain("الدخل أعلى من الحد");
    expect(plain(notice.text)).toContain("يمكنك التظلم");
    expect(notice.choices?.map((c) => c.value)).toContain(`appeal:${ref}`);

    expect(await said(h, { kind: "choice", value: `appeal:${ref}` })).toContain("اكتب سبب تظلمك");
    expect(await said(h, "دخلي")).toContain("بتفصيل أكثر");
    expect(await said(h, "دخلي انخفض بعد التقاعد وأرفقت مسير الراتب الجديد")).toContain("ما يدعم تظلمك");
    await h.say({ kind: "media", mediaType: "document", fileRef: "/data/salary.pdf", mimeType: "application/pdf", fileName: "salary.pdf", size: 3000 });
    const summary = await said(h, "انتهيت");
    expect(summary).toContain("دخلي انخفض بعد التقاعد");
    expect(summary).toContain("salary.pdf");
    expect(await h.opened.db.selectFrom("tickets").selectAll().where("kind", "=", "appeal").execute()).toEqual([]);

    const received = await said(h, "نعم، أرسل التظلم");
    const appeal = /T\d{2}-\d{5}/.exec(received)![0];
    expect(received).toContain(ref);
    const ticket = await h.opened.db.selectFrom("tickets").selectAll().where("reference", "=", appeal).executeTakeFirstOrThrow();
    const app = await h.opened.db.selectFrom("applications").selectAll().where("reference", "=", ref).executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ kind: "appeal", status: "open", application_id: app.id, body: "دخلي انخفض بعد التقاعد وأرفقت مسير الراتب الجديد" });
    expect(JSON.parse(ticket.attachment!)).toMatchObject({ fileRef: "/data/salary.pdf" });
    const alert = h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text)).find((t) => t.includes(appeal))!;
    expect(alert).toContain("تظلم جديد");
    expect(alert).toContain(ref);

    // Followed up by its reference as typed: lower case, no dash, Arabic-Indic digits.
    const typed = appeal.toLowerCase().replace("-", "").replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);
    const followed = await said(h, typed);
    expect(followed).toContain(appeal);
    expect(followed).toContain("تظلم");
    expect(followed).toContain("قيد الدراسة");
    // A second appeal on the same decision is refused with the first one's status.
    expect(await said(h, "ابي اتظلم")).toContain("سبق أن قدمت تظلماً");

    // Staff decide it with the same command as applications.
    const staff = createStaffCommands({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      staffIds: { telegram: ["42"] },
      staffTargets: STAFF,
      clock: () => h.now(),
      log: createLogger("silent"),
      decide: staffDecisions(deps()),
    });
    const answer = (await staff.handleText({ channel: "telegram", userId: "42" }, `/decide ${appeal} approve نعيد دراسة الطلب`)).map((m) => plain(m.text)).join("\n");
    expect(answer).toContain(appeal);
    expect(answer).toContain("قُبل التظلم");
    await h.sila.outbox.drainOnce();
    expect(plain(lastTo().text)).toContain("قُبل تظلمك");
    expect((await h.opened.db.selectFrom("applications").select("status").where("reference", "=", ref).executeTakeFirstOrThrow()).status).toBe("under_review");
    expect(await h.opened.db.selectFrom("tickets").selectAll().where("reference", "=", appeal).executeTakeFirstOrThrow()).toMatchObject({
      status: "closed",
      decision: "accepted",
    });
    const events = await h.opened.db.selectFrom("application_events").selectAll().where("application_id", "=", app.id).orderBy("id").execute();
    expect(events.at(-1)).toMatchObject({ action: "appeal_accepted", from_status: "rejected", to_status: "under_review", actor: "staff:telegram:42" });
    // Decided once.
    expect(await decide(deps(), { reference: appeal, decision: "reject", actor: "cli:x" })).toEqual({ ok: false, error: "appeal_decided" });
  });

  it("a refused appeal tells the reason and leaves the decision as it was; typed in words it starts from the menu", async () => {
    h = await createHarness({ org });
    const ref = await submitted(strict, 7070707);
    await decide(deps(), { reference: ref, decision: "reject", actor: "cli:test", note: "خارج النطاق" });
    const started = await said(h, "ابي اعترض على القرار");
    expect(started).toContain(ref);
    await h.say("أرى أن طلبي ضمن النطاق لأن سكني داخل المحافظة");
    await h.say("بدون مرفقات");
    const received = await said(h, "1");
    const appeal = /T\d{2}-\d{5}/.exec(received)![0];
    const r = await decide(deps(), { reference: appeal, decision: "reject", actor: "cli:test", note: "العنوان خارج المحافظة حسب العقد" });
    expect(r).toMatchObject({ ok: true, appeal: { decision: "rejected", application: ref } });
    await h.sila.outbox.drainOnce();
    const told = plain(lastTo().text);
    expect(told).toContain("نعتذر عن عدم قبوله");
    expect(told).toContain("العنوان خارج المحافظة حسب العقد");
    expect((await h.opened.db.selectFrom("applications").select("status").where("reference", "=", ref).executeTakeFirstOrThrow()).status).toBe("rejected");
  });

  it("past the appeal period, the chat says so and how to ask for reconsideration", async () => {
    h = await createHarness({ org });
    const ref = await submitted(strict, 8080808);
    await decide(deps(), { reference: ref, decision: "reject", actor: "cli:test" });
    h.setNow(new Date(h.now().getTime() + (h.profile.appealDays + 1) * 86_400_000));
    const late = await said(h, { kind: "choice", value: `appeal:${ref}` });
    expect(late).toContain("انتهت مدة التظلم");
    expect(late).toContain(h.profile.reconsideration.ar.slice(0, 20));
  });
});

describe.each(PROFILES)("a second application ($org)", ({ org, strict, lenient }) => {
  it("is blocked while one is open or approved, saying why with its status, from the same chat or by the same ID", async () => {
    h = await createHarness({ org });
    const ref = await submitted(strict, 9090909);
    await h.say("القائمة");
    await h.say("1");
    const open = h.profile.programs.filter((p) => p.open);
    const blocked = await said(h, String(open.findIndex((p) => p.id === strict) + 1));
    expect(blocked).toContain(ref);
    expect(blocked).toContain("طلب قائم");
    expect(blocked).toContain("تم الاستلام");

    await decide(deps(), { reference: ref, decision: "approve", actor: "cli:test" });
    // Another chat, the same person's national ID: refused at the ID question.
    await h.say("السلام عليكم", "other");
    await formUntil(h, strict, "national_id", { chatId: "other" });
    const byId = await said(h, validNationalId(9090909), "other");
    expect(byId).toContain("لديك طلب مقبول");
    expect(byId).toContain(ref);
    expect(await h.opened.db.selectFrom("applications").selectAll().execute()).toHaveLength(1);
  });

  it("after a rejection: a new application only where the program allows it", async () => {
    h = await createHarness({ org });
    const strictRef = await submitted(strict, 1212121);
    const lenientRef = await submitted(lenient, 1313131);
    await decide(deps(), { reference: strictRef, decision: "reject", actor: "cli:test" });
    await decide(deps(), { reference: lenientRef, decision: "reject", actor: "cli:test" });
    const open = h.profile.programs.filter((p) => p.open);
    await h.say("القائمة");
    await h.say("1");
    const refused = textOf(await h.say(String(open.findIndex((p) => p.id === strict) + 1)));
    expect(plain(refused)).toContain("لا يقبل إعادة التقديم");
    expect(plain(refused)).toContain("تقديم تظلم");
    await h.say("1");
    const again = await said(h, String(open.findIndex((p) => p.id === lenient) + 1));
    expect(again).toContain("إشعار الخصوصية");
  });
});
