/**
 * Safety first, through the engine: a person who may be in danger is answered
 * with the numbers that fit, in their language, in whatever state the
 * conversation is in (menu, form, survey, hand-off), and an urgent alert goes
 * to staff at once (quiet hours or not), climbing to the next role when
 * nobody claims it. Arabic (Gulf), English and Urdu (jaliyat_badr).
 */
import { savedState } from "./form-helpers";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createHarness, openForm, plain, textOf, validNationalId, type Harness } from "./helpers";
import { createScheduler } from "../bot/scheduler";
import { escalateUnclaimedAlerts } from "../bot/safeguarding";
import { createStaffCommands } from "../bot/staff/commands";
import { createLogger } from "../bot/log";
import type { StaffTarget } from "../bot/engine";
import type { TicketKind } from "../db/schema";
import { createDb } from "../db";
import { loadProfile } from "../orgs/load";
import { migrations } from "../db/migrations";
import { Migrator, type MigrationProvider } from "kysely";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Two staff chats: an alert must reach both. */
const STAFF: StaffTarget[] = [
  { channel: "console", chatId: "staff-a", locale: "ar" },
  { channel: "console", chatId: "staff-b", locale: "en" },
];
/** Sunday 23:30 in Riyadh: inside every profile's quiet hours. */
const SUNDAY_NIGHT = new Date("2026-11-22T20:30:00Z");

async function harness(org = "maa", now?: Date): Promise<Harness> {
  return createHarness({ org, ...(now ? { now } : {}), sila: { staff: STAFF } });
}

const staffTexts = (h: Harness, chatId = "staff-a") => h.sent.filter((s) => s.chatId === chatId).map((s) => plain(s.message.text));
const tickets = (h: Harness, kind: TicketKind) => h.opened.db.selectFrom("tickets").selectAll().where("kind", "=", kind).execute();
const events = (h: Harness) => h.opened.db.selectFrom("safety_events").selectAll().orderBy("id").execute();
const stateOf = (h: Harness, chatId = "u1") => savedState(h, chatId);

describe("a crisis in the menu (Gulf Arabic)", () => {
  it("answers calmly with 911 and 937, says staff are told now, pushes no menu, and alerts every staff chat with the excerpt", async () => {
    h = await harness();
    await h.say("السلام عليكم");
    await h.say("عندي سؤال عن الدعم");
    await h.say("رقم هويتي 1012345678"); // stored encrypted: shown to staff as sealed
    const r = plain(textOf(await h.say("والله تعبت ابي اموت وارتاح، هويتي 1098765432")));
    expect(r).toContain("911");
    expect(r).toContain("937");
    expect(r).toContain("997"); // 911 is not served in Qassim: the regional numbers follow
    expect(r).toContain("موظف علاقات المستفيدين"); // the safeguarding role is named
    expect(r).toContain("أنا هنا");
    const last = h.sent.filter((s) => s.chatId === "u1").at(-1)!;
    expect(last.message.choices ?? []).toHaveLength(0);

    const [ticket] = await tickets(h, "urgent");
    expect(ticket?.status).toBe("open");
    for (const chat of ["staff-a", "staff-b"]) {
      const alert = staffTexts(h, chat).find((t) => t.includes(ticket!.reference));
      expect(alert).toBeDefined();
      expect(alert).toContain("ابي اموت");
    }
    const ar = staffTexts(h, "staff-a").find((t) => t.includes(ticket!.reference))!;
    expect(ar).toContain("عاجل");
    expect(ar).toContain("عندي سؤال عن الدعم"); // the conversation before it
    expect(ar).toContain("🔒");
    expect(ar).not.toContain("1012345678"); // national IDs masked
    expect(ar).not.toContain("1098765432");
    expect(ar).toContain("مسؤول التنفيذ"); // who gets it next
    expect(staffTexts(h, "staff-b").find((t) => t.includes(ticket!.reference))).toContain("URGENT");
    expect((await events(h)).map((e) => [e.action, e.kind, e.level, e.role])).toEqual([["alert", "self_harm", 0, "relations_officer"]]);

    // The conversation goes on: the next message is answered as usual, one ticket stays open.
    expect(textOf(await h.say("كم مدة دراسة الطلب"))).not.toContain("911");
    expect(await tickets(h, "urgent")).toHaveLength(1);
  });

  it("a second message of distress adds to the open alert instead of opening another", async () => {
    h = await harness();
    await h.say("ابي انتحر");
    expect(plain(textOf(await h.say("محد يحس فيني")))).toContain("937");
    expect(await tickets(h, "urgent")).toHaveLength(1);
    expect((await events(h)).map((e) => e.action)).toEqual(["alert", "update"]);
    expect(staffTexts(h).some((t) => t.includes("محد يحس فيني"))).toBe(true);
  });

  it("«ما ابي اموت» and «بموت من الضحك» are not crises", async () => {
    h = await harness();
    await h.say("السلام عليكم");
    for (const text of ["ما ابي اموت، بس ابي اعرف متى يطلع الدعم", "بموت من الضحك على ردكم", "هالاستمارة ذابحتني"]) {
      expect(plain(textOf(await h.say(text)))).not.toContain("911");
    }
    expect(await tickets(h, "urgent")).toHaveLength(0);
  });

  it("violence against a child gives the child helpline and the abuse line", async () => {
    h = await harness();
    const r = plain(textOf(await h.say("جارنا يضرب ولده كل يوم ويحبسه")));
    expect(r).toContain("116111");
    expect(r).toContain("1919");
    expect((await events(h))[0]?.kind).toBe("child");
  });
});

describe("the numbers come from one place that the profile can override", () => {
  it("a profile whose region 911 serves gives no regional numbers; an overridden number is the one shown", async () => {
    const profile = loadProfile("maa");
    const served = { ...profile, safeguarding: { ...profile.safeguarding!, served911: true, numbers: { moh: "8002494444" } } };
    h = await createHarness({ org: "maa", sila: { staff: STAFF, profile: served } });
    const r = plain(textOf(await h.say("ابي اموت")));
    expect(r).toContain("911");
    expect(r).toContain("8002494444");
    expect(r).not.toContain("937");
    expect(r).not.toContain("997");
  });
});

describe("a crisis inside a form", () => {
  it("keeps the form: the reply says so, and the next answer continues it", async () => {
    h = await harness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    expect((await stateOf(h)).step).toMatchObject({ name: "field", fieldId: "national_id" });
    const r = plain(textOf(await h.say("ما ابي اعيش خلاص")));
    expect(r).toContain("911");
    expect(r).toContain("طلبك محفوظ");
    expect(await stateOf(h)).toMatchObject({ flow: "apply", step: { name: "field", fieldId: "national_id" } });
    const next = plain(textOf(await h.say(validNationalId(1234))));
    expect(next).toContain("الجوال");
    expect((await stateOf(h)).step?.fieldId).not.toBe("national_id");
    expect(await tickets(h, "urgent")).toHaveLength(1);
  });

  it("stays with the person: a short reply after it gets care, not the form's question; the form goes on when they answer it", async () => {
    h = await harness();
    await openForm(h);
    await h.say("محمد عبدالله الحربي");
    await h.say("تعبت من كل شي ودي انتحر");
    for (const short of ["طيب", "شكرا", "ok"]) {
      const r = plain(textOf(await h.say(short)));
      expect(r, short).toContain("لست وحدك");
      expect(r, short).not.toContain("رقم الهوية");
    }
    expect(await stateOf(h)).toMatchObject({ flow: "apply", step: { name: "field", fieldId: "national_id" } });
    // When they answer the question, the form continues and the care mode ends.
    const next = plain(textOf(await h.say(validNationalId(4321))));
    expect(next).toContain("الجوال");
    expect((await stateOf(h)) as { attending?: string }).not.toHaveProperty("attending");
    expect(await tickets(h, "urgent")).toHaveLength(1);
  });
});

describe("a crisis during a survey and in a hand-off", () => {
  it("answers the crisis and the survey question is still the one waiting", async () => {
    h = await harness();
    await h.say("السلام عليكم");
    const handoff = /H\d{2}-\d{5}/.exec(plain(textOf(await h.say("موظف"))))![0];
    // A staff member answered (a hand-off nobody answered closes without a survey).
    const staff = createStaffCommands({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      staffIds: { telegram: ["1001"] },
      staffTargets: STAFF,
      clock: () => h.now(),
      log: createLogger("silent"),
    });
    await staff.handleText({ channel: "telegram", userId: "1001" }, `/reply ${handoff} أهلاً بك`);
    await h.say("إنهاء"); // the hand-off closes with one satisfaction question
    expect((await stateOf(h)).flow).toBe("survey");
    expect(plain(textOf(await h.say("تعبت من الحياة ومحد معي")))).toContain("937");
    expect((await stateOf(h)).flow).toBe("survey");
    await h.say("5");
    const answers = await h.opened.db.selectFrom("survey_answers").selectAll().execute();
    expect(answers.map((a) => a.score)).toEqual([5]);
  });

  it("in a hand-off, staff still get the urgent alert and the message in the hand-off thread; the person gets the numbers", async () => {
    h = await harness();
    await h.say("السلام عليكم");
    const opened = plain(textOf(await h.say("موظف")));
    const handoff = /H\d{2}-\d{5}/.exec(opened)![0];
    const r = plain(textOf(await h.say("زوجي يضربني وانا خايفه")));
    expect(r).toContain("1919");
    const texts = staffTexts(h);
    expect(texts.some((t) => t.includes(handoff) && t.includes("زوجي يضربني"))).toBe(true);
    const [urgent] = await tickets(h, "urgent");
    expect(texts.some((t) => t.includes(urgent!.reference) && t.includes("عاجل"))).toBe(true);
    expect((await stateOf(h)).flow).toBe("handoff");
  });
});

describe("at night", () => {
  it("the urgent alert is delivered to staff at once, ignoring quiet hours", async () => {
    h = await harness("maa", SUNDAY_NIGHT);
    await h.say("ودي انتحر الليلة");
    const [ticket] = await tickets(h, "urgent");
    expect(staffTexts(h, "staff-a").some((t) => t.includes(ticket!.reference))).toBe(true);
    const pending = await h.opened.db.selectFrom("outbox").select("id").where("status", "=", "pending").execute();
    expect(pending).toHaveLength(0);
  });
});

describe("escalation when nobody claims it", () => {
  it("climbs to the next role after the profile's minutes, once per role, through the scheduler's job", async () => {
    h = await harness();
    const start = h.now();
    await h.say("ابي اموت");
    const [ticket] = await tickets(h, "urgent");
    const registered = new Map<string, () => Promise<void>>();
    const scheduler = createScheduler({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      clock: () => h.now(),
      staff: STAFF,
      calendar: h.sila.calendar,
      outbox: h.sila.outbox,
      log: createLogger("silent"),
      schedule: (_expr, fn, o) => {
        registered.set(o.name, fn);
        return { stop: () => undefined };
      },
    });
    scheduler.start();
    const job = registered.get("safety-escalation")!;
    const at = (minutes: number) => h.setNow(new Date(start.getTime() + minutes * 60_000));
    const escalations = async () => (await events(h)).filter((e) => e.action === "escalate").map((e) => [e.level, e.role]);

    at(9);
    await job();
    expect(await escalations()).toEqual([]);
    at(10);
    await job();
    await job(); // run twice: nothing sent twice
    expect(await escalations()).toEqual([[1, "execution_officer"]]);
    await h.sila.outbox.drainOnce();
    const climbed = staffTexts(h).filter((t) => t.includes(ticket!.reference) && t.includes("⏫"));
    expect(climbed).toHaveLength(1);
    expect(climbed[0]).toContain("مسؤول التنفيذ");
    expect(climbed[0]).toContain("ابي اموت");
    at(20);
    await job();
    expect(await escalations()).toEqual([[1, "execution_officer"], [2, "branch_representative"]]);
    at(40);
    await job();
    expect(await escalations()).toHaveLength(2); // the last role: no one further
    scheduler.stop();
  });

  it("stops once a staff member claims it, and the person is told someone has their message", async () => {
    h = await harness();
    const start = h.now();
    await h.say("ما عاد ابي احيا");
    const [ticket] = await tickets(h, "urgent");
    const staff = createStaffCommands({
      db: h.opened.db,
      profile: h.profile,
      translator: h.sila.translator,
      cipher: h.sila.cipher,
      staffIds: { telegram: ["1001"] },
      staffTargets: STAFF,
      clock: () => h.now(),
      log: createLogger("silent"),
    });
    h.setNow(new Date(start.getTime() + 3 * 60_000));
    const answer = await staff.handleText({ channel: "telegram", userId: "1001", displayName: "نورة" }, `/claim ${ticket!.reference}`);
    expect(plain(answer.map((m) => m.text).join("\n"))).toContain(ticket!.reference);
    await h.sila.outbox.drainOnce();
    expect(plain(textOf(h.sent.filter((s) => s.chatId === "u1").map((s) => s.message).slice(-1)))).toContain(ticket!.reference);
    h.setNow(new Date(start.getTime() + 30 * 60_000));
    const deps = { db: h.opened.db, profile: h.profile, translator: h.sila.translator, staff: STAFF, clock: () => h.now() };
    expect(await escalateUnclaimedAlerts(deps)).toBe(0);
  });
});

describe("English", () => {
  it("an English message is answered in English with the numbers, whatever the chat's language was", async () => {
    h = await harness();
    await h.say("السلام عليكم");
    const r = plain(textOf(await h.say("I can't take it anymore, I want to kill myself")));
    expect(r).toContain("911");
    expect(r).toContain("you don't have to face it alone");
    expect(r).toContain("Beneficiary relations officer");
    expect(await tickets(h, "urgent")).toHaveLength(1);
  });

  it("'this form is killing me' and 'I'm dying to know' are not crises; a medical emergency is", async () => {
    h = await harness();
    await h.say("hello");
    expect(plain(textOf(await h.say("this form is killing me lol")))).not.toContain("911");
    expect(plain(textOf(await h.say("I'm dying to know if I got accepted")))).not.toContain("911");
    const r = plain(textOf(await h.say("my mom collapsed and she is not breathing")));
    expect(r).toContain("medical emergency");
    expect(r).toContain("997");
  });
});

describe("Urdu (jaliyat_badr)", () => {
  it("Urdu script and Roman Urdu are answered in Urdu; a negation is not a crisis", async () => {
    h = await harness("jaliyat_badr");
    const r = plain(textOf(await h.say("میں خودکشی کرنا چاہتا ہوں")));
    expect(r).toContain("911");
    expect(r).toContain("اکیلے نہیں ہیں");
    const roman = plain(textOf(await h.say("shohar mujhe roz marta hai", "u2")));
    expect(roman).toContain("1919");
    expect(roman).toContain("آپ کی حفاظت");
    expect(plain(textOf(await h.say("main marna nahi chahta, mujhe quran chahiye", "u3")))).not.toContain("911");
    expect(await tickets(h, "urgent")).toHaveLength(2);
  });
});

describe("hayat: symptoms described in chat", () => {
  it("are not answered by the FAQ: the person is told to contact her doctor or 937 and the care coordinator is alerted (not urgent)", async () => {
    h = await harness("hayat");
    await h.say("السلام عليكم");
    const r = plain(textOf(await h.say("لاحظت كتلة في صدري من اسبوع ويعورني")));
    expect(r).toContain("937");
    expect(r).toContain("الطبيب");
    expect(r).toContain(h.profile.staffRoles.find((role) => role.id === "patient_navigator")!.title.ar);
    expect(await tickets(h, "urgent")).toHaveLength(0);
    const [care] = await tickets(h, "care");
    const alert = staffTexts(h).find((t) => t.includes(care!.reference))!;
    expect(alert).toContain("🩺");
    expect(alert).toContain("كتلة");
    expect((await events(h)).map((e) => [e.action, e.role])).toEqual([["care", "patient_navigator"]]);
    // Not escalated: it is not urgent.
    h.setNow(new Date(h.now().getTime() + 60 * 60_000));
    expect(await escalateUnclaimedAlerts({ db: h.opened.db, profile: h.profile, translator: h.sila.translator, staff: STAFF, clock: () => h.now() })).toBe(0);
  });

  it("«وش اسوي» or «طيب» right after is met with what to do now (her doctor, 937, the coordinator told), not «I did not understand»; a request then acts", async () => {
    h = await harness("hayat");
    await h.say("السلام عليكم");
    await h.say("عندي ورم بالثدي وخايفه");
    for (const short of ["وش اسوي", "طيب"]) {
      const r = plain(textOf(await h.say(short)));
      expect(r, short).toContain("937");
      expect(r, short).toContain("طبيبكِ");
      expect(r, short).not.toContain(plain(h.sila.translator.t("common:notUnderstood", "ar")).slice(0, 15));
    }
    // A request ends the care mode and is done.
    expect(plain(textOf(await h.say("ابي موعد فحص")))).toContain("🔒");
    expect((await stateOf(h)) as { caring?: boolean }).not.toHaveProperty("caring");
  });

  it("after a crisis, «what should I do?» is met with care in English", async () => {
    h = await harness();
    await h.say("I want to kill myself");
    const r = plain(textOf(await h.say("what should I do")));
    expect(r).toContain("not alone");
  });

  it("a general question about symptoms still goes to the FAQ; heavy bleeding is an emergency", async () => {
    h = await harness("hayat");
    await h.say("السلام عليكم");
    await h.say("ما هي أعراض سرطان الثدي؟");
    expect(await tickets(h, "care")).toHaveLength(0);
    const r = plain(textOf(await h.say("عندي نزيف قوي بعد الكيماوي")));
    expect(r).toContain("911");
    expect(await tickets(h, "urgent")).toHaveLength(1);
  });
});

describe("the migration", () => {
  it("rebuilds tickets with the new kinds, keeping rows and the surveys that point at them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-safety-"));
    const opened = createDb(path.join(dir, "old.sqlite"));
    const provider: MigrationProvider = { getMigrations: async () => migrations };
    const migrator = new Migrator({ db: opened.db, provider });
    expect((await migrator.migrateTo("2026_11_23_007_outbox_bulk")).error).toBeUndefined();
    const at = "2026-11-22T09:00:00.000Z";
    await sql`insert into contacts (locale, created_at, updated_at) values ('ar', ${at}, ${at})`.execute(opened.db);
    await sql`insert into tickets (reference, contact_id, kind, status, created_at) values ('H26-00001', 1, 'handoff', 'closed', ${at})`.execute(opened.db);
    await sql`insert into surveys (contact_id, kind, ticket_id, status, created_at) values (1, 'ticket', 1, 'sent', ${at})`.execute(opened.db);
    await expect(sql`insert into tickets (reference, contact_id, kind, status, created_at) values ('U26-00001', 1, 'urgent', 'open', ${at})`.execute(opened.db)).rejects.toThrow();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await sql`insert into tickets (reference, contact_id, kind, status, created_at) values ('U26-00001', 1, 'urgent', 'open', ${at})`.execute(opened.db);
    const rows = await opened.db.selectFrom("tickets").select(["reference", "kind"]).orderBy("id").execute();
    expect(rows).toEqual([{ reference: "H26-00001", kind: "handoff" }, { reference: "U26-00001", kind: "urgent" }]);
    expect((await sql`pragma foreign_key_check`.execute(opened.db)).rows).toEqual([]);
    expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(opened.db)).rows[0]?.foreign_keys).toBe(1);
    await expect(sql`delete from tickets where id = 1`.execute(opened.db)).rejects.toThrow(); // the survey still points at it
    await opened.close();
  });
});
