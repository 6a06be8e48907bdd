/**
 * End to end over HTTP: Sila (engine, outbox, staff workspace, Telegram
 * channel with grammY's runner) against a Bot API server on 127.0.0.1, over
 * a real SQLite file. Every wait is a bounded poll of the server or the
 * database; nothing sleeps and hopes.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type OpenedDb } from "../db";
import { loadProfile } from "../orgs/load";
import { createSila, DEFAULT_ATTACHMENT_TYPES, type Sila } from "../bot/app";
import { createTelegramChannel, telegramStaffTargets, type TelegramChannel, type TelegramWebhookOptions } from "../bot/channels/telegram";
import type { TurnOutcome } from "../bot/engine";
import { createLogger } from "../bot/log";
import { auditTrail } from "../bot/staff/audit";
import { createStaffCommands, type StaffWorkspace } from "../bot/staff/commands";
import { SECRET, plain, validNationalId } from "./helpers";
import { FakeBotApi, type BotMessage, type FakeUser } from "./telegram/fake-bot-api";

const TOKEN = "987654321:AAE2eFakeTokenForTheLoopbackServer_xyz";
const STAFF_GROUP = -100777;
const STAFF: FakeUser = { id: 900, first_name: "نورة" };
const STRANGER: FakeUser = { id: 666, first_name: "Mallory" };
const SARA: FakeUser = { id: 5001, first_name: "سارة", language_code: "ar" };
const OMAR: FakeUser = { id: 5002, first_name: "عمر", language_code: "ar" };
const WAIT = { timeout: 15_000, interval: 20 };

interface App {
  opened: OpenedDb;
  sila: Sila;
  staff: StaffWorkspace;
  channel: TelegramChannel;
  outcomes: { id: string; outcome: TurnOutcome }[];
  stop(): Promise<void>;
}

interface World {
  api: FakeBotApi;
  dir: string;
  file: string;
  logs: string[];
  app: App;
}

let world: World | null = null;

afterEach(async () => {
  if (!world) return;
  await world.app.stop();
  await world.api.close();
  world = null;
});

async function boot(api: FakeBotApi, dir: string, file: string, logs: string[], webhook?: TelegramWebhookOptions): Promise<App> {
  const opened = await openDatabase(file);
  const profile = loadProfile("maa");
  const log = createLogger("info", (line) => logs.push(line));
  const staffTargets = telegramStaffTargets(String(STAFF_GROUP), "ar");
  const sila = createSila({ db: opened.db, sqlite: opened.sqlite, profile, secretKey: SECRET, staff: staffTargets, log, outbox: { baseDelayMs: 100 } });
  const staff = createStaffCommands({
    db: opened.db,
    profile,
    translator: sila.translator,
    cipher: sila.cipher,
    staffIds: { telegram: [String(STAFF.id)], whatsapp: [] },
    staffTargets,
    clock: () => new Date(),
    log,
    onOutbox: () => sila.outbox.kick(),
  });
  const channel = createTelegramChannel({
    token: TOKEN,
    apiRoot: api.url,
    staffChatId: String(STAFF_GROUP),
    staff,
    translator: sila.translator,
    dataDir: dir,
    attachments: { maxBytes: 1024 * 1024, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    log,
    pollingTimeoutSeconds: 1,
    throttle: { perChat: { intervalMs: 20, burst: 3 }, perGroup: { intervalMs: 20, burst: 3 } },
    ...(webhook ? { webhook } : {}),
  });
  sila.addSender(channel);
  sila.outbox.start(50);
  const outcomes: App["outcomes"] = [];
  await channel.start(async (m) => {
    outcomes.push({ id: m.messageId, outcome: await sila.engine.handle(m) });
  });
  return {
    opened,
    sila,
    staff,
    channel,
    outcomes,
    async stop() {
      await channel.stop();
      await sila.engine.idle();
      await sila.outbox.stop();
      await opened.close();
    },
  };
}

async function createWorld(webhook = false): Promise<World> {
  const api = new FakeBotApi(TOKEN);
  await api.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-tg-e2e-"));
  const file = path.join(dir, "sila.sqlite");
  const logs: string[] = [];
  let hook: TelegramWebhookOptions | undefined;
  if (webhook) {
    const port = await freePort();
    hook = { url: `http://127.0.0.1:${port}/telegram/hook`, secret: "e2e_Secret-token", port };
  }
  world = { api, dir, file, logs, app: await boot(api, dir, file, logs, hook) };
  return world;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Does `act` and waits until the bot has answered in `chatId`; returns the new messages there. */
async function turn(w: World, chatId: number, act: () => Promise<unknown>): Promise<BotMessage[]> {
  const before = w.api.to(chatId).length;
  await act();
  await vi.waitFor(() => expect(w.api.to(chatId).length).toBeGreaterThan(before), WAIT);
  return w.api.to(chatId).slice(before);
}

const lastOf = (messages: BotMessage[]) => messages.at(-1)!;
const textOfAll = (messages: BotMessage[]) => plain(messages.map((m) => m.text).join("\n---\n"));

const PDF = Buffer.from("%PDF-1.4\n% a title deed for tests\n".padEnd(3000, "."));

/** From the first greeting to the city question, with buttons where the bot offers them. */
async function startApplication(w: World, user: FakeUser, nationalId: string): Promise<void> {
  const { api } = w;
  const menu = lastOf(await turn(w, user.id, () => api.say(user, "السلام عليكم")));
  expect(menu.reply_markup?.inline_keyboard?.length).toBeGreaterThan(3);
  const programs = lastOf(await turn(w, user.id, () => api.press(user, menu, "تقديم طلب")));
  const privacy = lastOf(await turn(w, user.id, () => api.press(user, programs, "تركيب خزانات المياه المنزلية")));
  expect(privacy.text).toContain("إشعار الخصوصية");
  const name = lastOf(await turn(w, user.id, () => api.press(user, privacy, 0)));
  expect(name.text).toContain("الاسم الكامل");
  const nid = lastOf(await turn(w, user.id, () => api.say(user, "محمد عبدالله الحربي")));
  expect(nid.text).toContain("رقم الهوية");
  const mobile = lastOf(await turn(w, user.id, () => api.say(user, nationalId)));
  expect(mobile.reply_markup?.keyboard?.[0]?.[0]).toEqual({ text: "📱 مشاركة رقم جوالي", request_contact: true });
  const city = lastOf(await turn(w, user.id, () => api.shareContact(user, "966551234567")));
  expect(city.text).toContain("المدينة");
  expect(city.reply_markup).toEqual({ remove_keyboard: true });
}

/** From the city question to the submitted application; returns its reference. */
async function finishApplication(w: World, user: FakeUser, fromBirthDate = false): Promise<string> {
  const { api } = w;
  if (!fromBirthDate) {
    const birth = lastOf(await turn(w, user.id, () => api.say(user, "بريدة")));
    expect(birth.text).toContain("تاريخ الميلاد");
  }
  const household = lastOf(await turn(w, user.id, () => api.say(user, "1410/05/20")));
  expect(household.text).toContain("عدد أفراد الأسرة");
  const housing = lastOf(await turn(w, user.id, () => api.say(user, "٦")));
  const deed = lastOf(await turn(w, user.id, () => api.press(user, housing, "ملك")));
  expect(deed.text).toContain("صك الملكية");
  const district = lastOf(await turn(w, user.id, () => api.sendDocument(user, { bytes: PDF, name: "deed.pdf", mime: "application/pdf" })));
  expect(district.text).toContain("الحي أو القرية");
  const tank = lastOf(await turn(w, user.id, () => api.say(user, "الخالدية")));
  const notes = lastOf(await turn(w, user.id, () => api.press(user, tank, 0)));
  expect(notes.text).toContain("اختياري");
  const summary = lastOf(await turn(w, user.id, () => api.say(user, "تخطي")));
  expect(summary.text).toContain("ملخص طلبك");
  const attest = lastOf(await turn(w, user.id, () => api.press(user, summary, "إرسال الطلب")));
  const terms = lastOf(await turn(w, user.id, () => api.press(user, attest, 0)));
  const done = textOfAll(await turn(w, user.id, () => api.press(user, terms, 0)));
  expect(done).toContain("تم استلام طلبك بنجاح");
  return /A\d{2}-\d{5}/.exec(done)![0];
}

describe("Telegram end to end", () => {
  it("takes an application with buttons and typed text; the staff group is alerted and can open it", async () => {
    const w = await createWorld();
    const nid = validNationalId(1357911);
    await startApplication(w, SARA, nid);
    const ref = await finishApplication(w, SARA);

    // The attachment was downloaded into the data folder and recorded with the application.
    const app = await w.app.opened.db.selectFrom("applications").selectAll().where("reference", "=", ref).executeTakeFirstOrThrow();
    const deed = JSON.parse(app.fields).ownership_document as { fileRef: string; size: number };
    expect(path.dirname(path.dirname(deed.fileRef))).toBe(path.join(w.dir, "attachments"));
    expect(fs.readFileSync(deed.fileRef)).toEqual(PDF);
    // Every button press was answered.
    expect(w.api.answeredCallbacks.length).toBe(w.app.outcomes.filter((o) => o.id.startsWith("cb:")).length);

    // The staff group got the alert, the national ID masked, with a button to open it.
    await vi.waitFor(() => expect(w.api.to(STAFF_GROUP).some((m) => plain(m.text).includes(ref))).toBe(true), WAIT);
    const alert = w.api.to(STAFF_GROUP).find((m) => plain(m.text).includes(ref))!;
    expect(alert.text).toContain("طلب جديد");
    expect(plain(alert.text)).toContain(`******${nid.slice(-4)}`);
    expect(alert.text).not.toContain(nid);
    expect(alert.reply_markup?.inline_keyboard).toEqual([[{ text: "📄 عرض", callback_data: `staff:show:${ref}` }]]);

    // Opened from the group: the full record goes to the staff member privately; the group sees a summary.
    const groupBefore = w.api.to(STAFF_GROUP).length;
    const full = textOfAll(await turn(w, STAFF.id, () => w.api.press(STAFF, alert, "📄 عرض")));
    expect(full).toContain(`الطلب ${ref}`);
    expect(full).toContain(nid);
    expect(full).toContain("deed.pdf");
    await vi.waitFor(() => expect(w.api.to(STAFF_GROUP).length).toBeGreaterThan(groupBefore), WAIT);
    const summary = textOfAll(w.api.to(STAFF_GROUP).slice(groupBefore));
    expect(summary).toContain(`الطلب ${ref}`);
    expect(summary).toContain("محادثة خاصة");
    expect(summary).not.toContain(nid);
    const [view] = await auditTrail(w.app.opened.db, { target: ref });
    expect(view).toMatchObject({ action: "show", allowed: true, actorChannel: "telegram", actorId: String(STAFF.id), detail: "sent_privately" });

    // A staff reply by application reference reaches the beneficiary.
    const relayed = textOfAll(await turn(w, SARA.id, () => w.api.sayInGroup(STAFF_GROUP, STAFF, `/reply ${ref} نحتاج صورة أوضح للصك لو سمحت`)));
    expect(relayed).toContain(`رسالة من موظفي الجمعية بخصوص ${ref}`);
    expect(relayed).toContain("نحتاج صورة أوضح للصك لو سمحت");
    expect(plain(w.api.last(STAFF_GROUP)!.text)).toContain(`أُرسل ردك إلى المستفيد في ${ref}`);

    // Neither the token nor the national ID reached a log line.
    const logText = w.logs.join("\n");
    expect(logText).not.toContain(TOKEN);
    expect(logText).not.toContain(nid);
  });

  it("resumes an application after a restart in the middle of it", async () => {
    const w = await createWorld();
    await startApplication(w, SARA, validNationalId(2468024));
    const birth = lastOf(await turn(w, SARA.id, () => w.api.say(SARA, "بريدة")));
    expect(birth.text).toContain("تاريخ الميلاد");

    // Sila stops; the beneficiary answers while it is down; Telegram keeps the update.
    await w.app.stop();
    const before = w.api.to(SARA.id).length;
    await w.api.say(SARA, "1410/05/20");
    w.app = await boot(w.api, w.dir, w.file, w.logs);
    await vi.waitFor(() => expect(w.api.to(SARA.id).length).toBeGreaterThan(before), WAIT);
    const household = w.api.last(SARA.id)!;
    expect(household.text).toContain("(6/11)");
    expect(household.text).toContain("عدد أفراد الأسرة");

    // And the same application goes on to the end, with what was answered before the restart.
    const housing = lastOf(await turn(w, SARA.id, () => w.api.say(SARA, "6")));
    await turn(w, SARA.id, () => w.api.press(SARA, housing, "إيجار"));
    await turn(w, SARA.id, () => w.api.sendDocument(SARA, { bytes: PDF, name: "lease.pdf", mime: "application/pdf" }));
    const tank = lastOf(await turn(w, SARA.id, () => w.api.say(SARA, "الخالدية")));
    await turn(w, SARA.id, () => w.api.press(SARA, tank, 1));
    const summary = plain(lastOf(await turn(w, SARA.id, () => w.api.say(SARA, "تخطي"))).text);
    expect(summary).toContain("ملخص طلبك");
    expect(summary).toContain("محمد عبدالله الحربي");
    expect(summary).toContain("+966551234567");
    expect(summary).toContain("بريدة");
    expect(summary).toContain("إيجار");
  });

  it("lets staff claim a handoff, answer it through the reply prompt, and close it; then the bot answers again", async () => {
    const w = await createWorld();
    const menu = lastOf(await turn(w, OMAR.id, () => w.api.say(OMAR, "السلام عليكم")));
    const opened = textOfAll(await turn(w, OMAR.id, () => w.api.press(OMAR, menu, "التحدث مع موظف")));
    const ref = /H\d{2}-\d{5}/.exec(opened)![0];

    await vi.waitFor(() => expect(w.api.to(STAFF_GROUP).some((m) => plain(m.text).includes(ref))).toBe(true), WAIT);
    const alert = w.api.to(STAFF_GROUP).find((m) => plain(m.text).includes(ref))!;
    expect(alert.reply_markup?.inline_keyboard?.flat().map((b) => b.callback_data)).toEqual([
      `staff:claim:${ref}`,
      `staff:reply:${ref}`,
      `staff:close:${ref}`,
    ]);

    const claimed = textOfAll(await turn(w, OMAR.id, () => w.api.press(STAFF, alert, "🙋 استلام")));
    expect(claimed).toContain(`استلم أحد موظفي الجمعية طلبك ${ref}`);

    const prompt = lastOf(await turn(w, STAFF_GROUP, () => w.api.press(STAFF, alert, "✍️ رد")));
    expect(prompt.reply_markup).toEqual({ force_reply: true });
    const answer = textOfAll(
      await turn(w, OMAR.id, () =>
        w.api.sayInGroup(STAFF_GROUP, STAFF, "أهلاً عمر، كيف نخدمك؟", {
          reply_to_message: { message_id: prompt.message_id, date: 0, chat: { id: STAFF_GROUP, type: "supergroup", title: "Staff" }, text: prompt.text },
        }),
      ),
    );
    expect(answer).toContain("أهلاً عمر، كيف نخدمك؟");

    // While the handoff is open, what Omar writes goes to the staff group.
    const forwarded = textOfAll(await turn(w, STAFF_GROUP, () => w.api.say(OMAR, "أبي أعرف متى يوصل الوايت")));
    expect(forwarded).toContain("أبي أعرف متى يوصل الوايت");

    const closed = lastOf(await turn(w, OMAR.id, () => w.api.press(STAFF, alert, "✔️ إغلاق")));
    expect(plain(closed.text)).toContain(`أنهى موظف الجمعية المحادثة ${ref}`);
    const thanks = textOfAll(await turn(w, OMAR.id, () => w.api.press(OMAR, closed, 4)));
    expect(thanks).toContain("شكراً جزيلاً على تقييمك");
    const programs = lastOf(await turn(w, OMAR.id, () => w.api.say(OMAR, "1")));
    expect(programs.text).toContain("اختر البرنامج");

    const actions = (await auditTrail(w.app.opened.db, { target: ref })).map((r) => r.action).reverse();
    expect(actions).toEqual(["claim", "reply_hint", "reply", "close"]);
  });

  it("refuses a non-staff user's command and records it", async () => {
    const w = await createWorld();
    const refused = lastOf(await turn(w, STAFF_GROUP, () => w.api.sayInGroup(STAFF_GROUP, STRANGER, "/pending")));
    expect(refused.text).toContain("خاص بموظفي الجمعية");
    const privately = lastOf(await turn(w, STRANGER.id, () => w.api.say(STRANGER, "/طلبات")));
    expect(privately.text).toContain("خاص بموظفي الجمعية");
    // Group chatter is ignored, and the refused commands never reached the beneficiary engine.
    await w.api.sayInGroup(STAFF_GROUP, STRANGER, "مرحبا");
    const trail = await auditTrail(w.app.opened.db);
    expect(trail.map((r) => [r.action, r.actorId, r.allowed, r.detail])).toEqual([
      ["pending", String(STRANGER.id), false, "not_staff"],
      ["pending", String(STRANGER.id), false, "not_staff"],
    ]);
    const inbound = await w.app.opened.db.selectFrom("messages").selectAll().where("direction", "=", "in").execute();
    expect(inbound).toEqual([]);
    // Staff are answered.
    const list = lastOf(await turn(w, STAFF_GROUP, () => w.api.sayInGroup(STAFF_GROUP, STAFF, "/pending")));
    expect(list.text).toContain("لا توجد طلبات معلقة");
  });

  it("processes a redelivered update once", async () => {
    const w = await createWorld();
    const update = await w.api.say(SARA, "السلام عليكم");
    await vi.waitFor(() => expect(w.api.to(SARA.id)).toHaveLength(1), WAIT);
    const id = `${SARA.id}:${(update.message as { message_id: number }).message_id}`;

    await w.api.redeliver(update);
    await vi.waitFor(() => expect(w.app.outcomes.filter((o) => o.id === id).map((o) => o.outcome)).toEqual(["processed", "duplicate"]), WAIT);
    const rows = await w.app.opened.db.selectFrom("outbox").selectAll().where("chat_id", "=", String(SARA.id)).execute();
    expect(rows).toHaveLength(1);
    expect(w.api.to(SARA.id)).toHaveLength(1);
  });

  it("waits out a 429 for Telegram's retry_after, then delivers", async () => {
    const w = await createWorld();
    w.api.failNext("sendMessage", SARA.id, { code: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 });
    await w.api.say(SARA, "السلام عليكم");
    await vi.waitFor(() => expect(w.api.to(SARA.id)).toHaveLength(1), WAIT);
    const [refusal] = w.api.refusals;
    expect(refusal).toMatchObject({ chatId: String(SARA.id), code: 429 });
    // Not sent again before Telegram's delay.
    expect(w.api.to(SARA.id)[0]!.at - refusal!.at).toBeGreaterThanOrEqual(1000);
    // The 429 was the channel asking to wait, not a failed attempt. (The row is marked just after the send.)
    await vi.waitFor(async () => {
      const row = await w.app.opened.db.selectFrom("outbox").selectAll().where("chat_id", "=", String(SARA.id)).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "sent", attempts: 1 });
    }, WAIT);
  });

  it("marks a contact who blocked the bot unreachable, without retrying", async () => {
    const w = await createWorld();
    w.api.block(SARA.id);
    await w.api.say(SARA, "السلام عليكم");
    await vi.waitFor(async () => {
      const row = await w.app.opened.db.selectFrom("outbox").selectAll().where("chat_id", "=", String(SARA.id)).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
    }, WAIT);
    const contact = await w.app.opened.db.selectFrom("contacts").selectAll().executeTakeFirstOrThrow();
    expect(contact.unreachable).toBe(1);
    await w.app.sila.outbox.drainOnce();
    expect(w.api.refusals.filter((r) => r.chatId === String(SARA.id))).toHaveLength(1);
  });

  it("takes updates by webhook, checking Telegram's secret token", async () => {
    const w = await createWorld(true);
    expect(w.api.webhook).toMatchObject({ secret: "e2e_Secret-token" });
    expect(w.api.methods).not.toContain("getUpdates");
    const stranger = { update_id: 99, message: { message_id: 1, date: 0, chat: { id: SARA.id, type: "private", first_name: "x" }, from: { ...SARA, is_bot: false }, text: "hi" } };
    expect(await w.api.postWebhook(stranger, "forged")).toBe(401);
    expect(await w.api.postWebhook(stranger, null)).toBe(401);
    const menu = textOfAll(await turn(w, SARA.id, () => w.api.say(SARA, "السلام عليكم")));
    expect(menu).toContain("حياك الله");
    const inbound = await w.app.opened.db.selectFrom("messages").selectAll().where("direction", "=", "in").execute();
    expect(inbound).toHaveLength(1);
  });
});
