/**
 * Signing in to the desk with a Telegram @handle. A bot cannot look a user up
 * by handle, so Sila learns the handle of each Telegram staff member when they
 * send it a command or press a button (through the real grammY adapter and the
 * real staff workspace here), or from DESK_STAFF "@handle=123456". An unknown
 * handle gets the same neutral answer as any other identifier.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ATTACHMENT_TYPES } from "../bot/app";
import { createTelegramChannel, type TelegramChannel } from "../bot/channels/telegram";
import { loadConfig } from "../bot/config";
import { createDirectory } from "../bot/desk";
import { createLogger } from "../bot/log";
import { createStaffCommands } from "../bot/staff/commands";
import { loadProfile } from "../orgs/load";
import { askCode, client, createDeskHarness, DECIDER, latestCode, openHandoff, RELATIONS, signIn, STAFF_TARGETS, type DeskHarness } from "./desk-setup";
import { BOT_INFO, callbackUpdate, captureApi, groupText, STAFF_GROUP, textUpdate, TOKEN, type FakeUser } from "./telegram/fixtures";

let d: DeskHarness;
let telegram: TelegramChannel | null = null;
afterEach(async () => {
  await telegram?.stop();
  telegram = null;
  await d?.close();
});

const NOURA: FakeUser = { id: Number(DECIDER), first_name: "نورة", username: "Noura_K" };

/** The Telegram adapter with the real staff workspace on the desk harness's database. */
async function telegramStaff(harness: DeskHarness): Promise<TelegramChannel> {
  const log = createLogger("silent");
  const staff = createStaffCommands({
    db: harness.h.opened.db,
    profile: harness.h.profile,
    translator: harness.h.sila.translator,
    staffIds: { telegram: [DECIDER, RELATIONS, "1003"] },
    staffTargets: STAFF_TARGETS,
    clock: () => harness.h.now(),
    log,
  });
  const channel = createTelegramChannel({
    token: TOKEN,
    staffChatId: String(STAFF_GROUP),
    staff,
    translator: harness.h.sila.translator,
    dataDir: harness.h.dir,
    attachments: { maxBytes: 1000, mimeTypes: DEFAULT_ATTACHMENT_TYPES },
    log,
    botInfo: BOT_INFO,
    transport: "none",
  });
  captureApi(channel);
  await channel.start(async () => undefined);
  return channel;
}

const handles = (harness: DeskHarness) => harness.h.opened.db.selectFrom("staff_handles").select(["channel", "handle", "user_id"]).orderBy("handle").execute();

describe("@handle on the desk's sign-in", () => {
  it("is accepted once the staff member has sent the bot a command; before that, the same neutral answer", async () => {
    d = await createDeskHarness({ start: false });
    const c = client(d.app);
    const unknown = await askCode(c, "@Noura_K");
    const stranger = await askCode(c, "@nobody_here");
    expect(unknown.page.replace(/value="[^"]*"/g, "")).toBe(stranger.page.replace(/value="[^"]*"/g, ""));
    expect(await latestCode(d, DECIDER)).toBeNull();

    telegram = await telegramStaff(d);
    await telegram.bot.handleUpdate(groupText(NOURA, "/pending"));
    expect(await handles(d)).toEqual([{ channel: "telegram", handle: "noura_k", user_id: DECIDER }]);

    await signIn(d, c, "@noura_k", DECIDER);
    expect((await c.request("/applications")).res.status).toBe(200);
    const audit = await d.h.opened.db.selectFrom("staff_audit").select(["action", "actor_channel", "actor_id", "allowed", "detail"]).where("action", "=", "desk_code").orderBy("id").execute();
    expect(audit).toEqual([
      { action: "desk_code", actor_channel: "telegram", actor_id: "@Noura_K", allowed: 0, detail: "not_staff" },
      { action: "desk_code", actor_channel: "telegram", actor_id: "@nobody_here", allowed: 0, detail: "not_staff" },
      { action: "desk_code", actor_channel: "telegram", actor_id: DECIDER, allowed: 1, detail: null },
    ]);
  });

  it("follows a renamed handle (a button press records it too); a non-staff user's handle is never recorded", async () => {
    d = await createDeskHarness({ start: false });
    const ref = await openHandoff(d, "u1", "أبغى أكلم أحد");
    telegram = await telegramStaff(d);
    await telegram.bot.handleUpdate(textUpdate(NOURA, "/pending"));
    await telegram.bot.handleUpdate(callbackUpdate({ ...NOURA, username: "noura_desk" }, `staff:claim:${ref}`, undefined, STAFF_GROUP));
    // Her old handle is free again; another staff member who takes it is found by it.
    await telegram.bot.handleUpdate(groupText({ id: Number(RELATIONS), first_name: "Omar", username: "noura_k" }, "/pending"));
    await telegram.bot.handleUpdate(groupText({ id: 777, first_name: "Mallory", username: "mallory_x" }, "/pending"));
    expect(await handles(d)).toEqual([
      { channel: "telegram", handle: "noura_desk", user_id: DECIDER },
      { channel: "telegram", handle: "noura_k", user_id: RELATIONS },
    ]);
    const c = client(d.app);
    await signIn(d, c, "@NOURA_K", RELATIONS);
    expect((await c.request("/inbox")).text).toContain(ref);
    const again = client(d.app);
    await askCode(again, "@mallory_x");
    expect(await latestCode(d, "777")).toBeNull();
  });

  it("DESK_STAFF declares @handle=id for Telegram staff ids", async () => {
    const config = loadConfig({ DESK_STAFF: "amal,@Noura_K=1001" });
    expect(config.desk.consoleStaff).toEqual(["amal"]);
    expect(config.desk.telegramHandles).toEqual([{ handle: "noura_k", userId: "1001" }]);
    expect(() => loadConfig({ DESK_STAFF: "@no=1001" })).toThrow(/DESK_STAFF/);
    const dir = createDirectory({ profile: loadProfile("maa"), telegram: ["1001"], whatsapp: [], console: ["amal"], roles: [], telegramHandles: config.desk.telegramHandles });
    expect(dir.lookup("@noura_k")).toMatchObject({ channel: "telegram", id: "1001" });
    expect(dir.lookup(" @Noura_K ")).toMatchObject({ channel: "telegram", id: "1001" });
    expect(dir.lookup("noura_k")).toBeNull();
    expect(dir.lookup("@other_one")).toBeNull();
  });
});
