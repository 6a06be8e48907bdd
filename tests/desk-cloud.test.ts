/**
 * The desk beside the WhatsApp Cloud API, against the emulator of Meta's side:
 * a staff number signs in (its code arrives as the staff template, since the
 * desk is no message on WhatsApp); the ticket page shows whether the
 * beneficiary's 24-hour window is open and, when it is closed, that the reply
 * goes as the approved "reply" template (named, with what they will read),
 * its full text once they write; STAFF_ROLES gives Cloud API staff numbers
 * their role.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cloudStaffTargets } from "../bot/channels/whatsapp-cloud";
import { loadConfig } from "../bot/config";
import { staffDecisions } from "../bot/decisions";
import { createDeskApp, createDirectory } from "../bot/desk";
import { createLogger } from "../bot/log";
import { createStaffActions } from "../bot/staff/actions";
import { lastInbound } from "../db/notices";
import { loadProfile } from "../orgs/load";
import { ConfigError } from "../bot/errors";
import { pick, startCloudWorld, STAFF_NUMBER, texts, type CloudWorld } from "./cloud/world";
import { askCode, client } from "./desk-setup";

const SARA = "966512345001";
const HOUR = 3_600_000;
let w: CloudWorld | null = null;
afterEach(async () => {
  await w?.stop();
  w = null;
});

type Roles = Parameters<typeof createDirectory>[0]["roles"];

/** The desk wired to the Cloud API world as `bot/main.ts` wires it (staff numbers are Cloud API staff). */
function deskOf(world: CloudWorld, roles: Roles = [], profile = world.profile) {
  const log = createLogger("silent");
  const staff = cloudStaffTargets([STAFF_NUMBER], "ar");
  const clock = world.clock.now;
  const actions = createStaffActions({
    db: world.opened.db,
    profile: world.profile,
    translator: world.sila.translator,
    cipher: world.sila.cipher,
    staffTargets: staff,
    clock,
    log,
    onOutbox: () => world.sila.outbox.kick(),
    decide: staffDecisions({ db: world.opened.db, profile: world.profile, translator: world.sila.translator, clock, staff, calendar: world.sila.calendar }),
  });
  const directory = createDirectory({ profile: world.profile, telegram: [], whatsapp: [], whatsappCloud: [STAFF_NUMBER], console: [], roles });
  return createDeskApp({
    db: world.opened.db,
    profile,
    translator: world.sila.translator,
    cipher: world.sila.cipher,
    secretKey: Buffer.alloc(32, 5),
    clock,
    log,
    calendar: world.sila.calendar,
    directory,
    actions,
    attachmentsDir: world.dir,
    sessionHours: 8,
    secure: false,
    onOutbox: () => world.sila.outbox.kick(),
  });
}

/** Signs the staff number in with the code WhatsApp brought it. */
async function signInByWhatsApp(world: CloudWorld, app: ReturnType<typeof deskOf>) {
  const c = client(app);
  const before = world.emu.inbox(STAFF_NUMBER).length;
  const { challenge, csrf } = await askCode(c, "0500000999");
  await world.settle();
  const got = world.emu.inbox(STAFF_NUMBER).slice(before);
  expect(got).toHaveLength(1);
  const code = /\b(\d{6})\b/.exec(got[0]!.text)?.[1];
  expect(code).toBeDefined();
  const r = await c.request("/login/code", { form: { challenge, code: code!, _csrf: csrf } });
  expect(r.res.status).toBe(303);
  return { c, codeMessage: got[0]! };
}

/** Sara writes and asks for a person; returns the handoff's reference. */
async function handoff(world: CloudWorld): Promise<string> {
  const greet = await world.say(SARA, "السلام عليكم", { name: "سارة" });
  const opened = texts(await world.say(SARA, pick(greet, "موظف")));
  const ref = /H\d{2}-\d{5}/.exec(opened)?.[0];
  if (!ref) throw new Error(`no handoff in: ${opened}`);
  await world.say(SARA, "عندي سؤال عن موعد التركيب");
  return ref;
}

describe("a handoff reply from the desk on the Cloud API", () => {
  it("shows the window open, then closed with the 'reply' template it will go as; the template goes, then the full text when she writes", async () => {
    w = await startCloudWorld();
    const app = deskOf(w);
    const ref = await handoff(w);
    const { c, codeMessage } = await signInByWhatsApp(w, app);
    // The staff number never wrote: its code came as the staff template, and the desk did not count as its message.
    expect(codeMessage.type).toBe("template");
    expect(await lastInbound(w.opened.db, "whatsapp_cloud", STAFF_NUMBER)).toBeNull();

    const open = (await c.request(`/tickets/${ref}`)).text;
    expect(open).toContain('class="window open"');
    expect(open).toContain("مفتوحة");
    expect(open).not.toContain("sila_reply");

    w.clock.advance(25 * HOUR);
    // A desk session lasts 8 hours: a new one the next day.
    const { c: next } = await signInByWhatsApp(w, app);
    const closed = await next.request(`/tickets/${ref}`);
    const page = closed.text.replace(/[\u2066-\u2069]/g, "");
    expect(page).toContain('class="window closed"');
    expect(page).toContain("مغلقة");
    expect(page).toContain("«sila_reply» (العربية)");
    expect(page).toContain(`وصلك رد من فريق الجمعية بخصوص ${ref}. أرسل أي رسالة هنا ليصلك نص الرد.`);

    const sent = await next.request(`/tickets/${ref}/reply`, { form: { text: "موعد التركيب يوم الأحد القادم", _csrf: next.csrfOf(closed.text) } });
    expect(sent.res.status).toBe(303);
    expect((await next.request(`/tickets/${ref}`)).text).toContain("نافذة واتساب مغلقة: يذهب بالقالب «sila_reply»");
    await w.settle();
    const template = w.emu.inbox(SARA).at(-1)!;
    expect(template.type).toBe("template");
    expect((template.body["template"] as { name: string }).name).toBe("sila_reply");
    expect(template.text).not.toContain("الأحد القادم");
    // She writes: the full reply follows, and the window is open again on the desk.
    const after = texts(await w.say(SARA, "تمام"));
    expect(after).toContain("موعد التركيب يوم الأحد القادم");
    expect((await next.request(`/tickets/${ref}`)).text).toContain('class="window open"');
  });

  it("without an approved 'reply' template, says the reply goes to another chat or staff are told", async () => {
    const profile = loadProfile("maa");
    const { reply: _, ...templates } = profile.whatsappTemplates;
    const without = { ...profile, whatsappTemplates: templates };
    w = await startCloudWorld({ sila: { profile: without } });
    const app = deskOf(w, [], without);
    const ref = await handoff(w);
    w.clock.advance(30 * HOUR);
    const { c } = await signInByWhatsApp(w, app);
    const page = (await c.request(`/tickets/${ref}`)).text;
    expect(page).toContain('class="window closed"');
    expect(page).toContain("لا يوجد قالب «رد» معتمد");
  });
});

describe("STAFF_ROLES for Cloud API staff numbers", () => {
  it("a whatsapp_cloud role limits what the staff number may do on the desk", async () => {
    w = await startCloudWorld();
    const app = deskOf(w, [{ channel: "whatsapp_cloud", id: STAFF_NUMBER, role: "relations_officer" }]);
    const ref = await handoff(w);
    const { c } = await signInByWhatsApp(w, app);
    const inbox = await c.request("/inbox");
    expect(inbox.res.status).toBe(200);
    expect(inbox.text).toContain(ref);
    expect(inbox.text).toContain("موظف علاقات المستفيدين");
    expect(inbox.text).not.toContain('href="/calendar"');
    expect((await c.request("/calendar")).res.status).toBe(403);
    const refused = await w.opened.db.selectFrom("staff_audit").selectAll().where("allowed", "=", 0).where("action", "=", "desk_calendar").executeTakeFirstOrThrow();
    expect(refused).toMatchObject({ actor_channel: "whatsapp_cloud", actor_id: STAFF_NUMBER, detail: "role:relations_officer", via: "desk" });
  });

  it("is read from the environment; a 'whatsapp:' role names the staff number in either mode", () => {
    const config = loadConfig({ STAFF_ROLES: "whatsapp_cloud:966500000001=relations_officer,whatsapp:0500000002=execution_officer" });
    expect(config.staffRoles).toEqual([
      { channel: "whatsapp_cloud", id: "966500000001", role: "relations_officer" },
      { channel: "whatsapp", id: "0500000002", role: "execution_officer" },
    ]);
    expect(() => loadConfig({ STAFF_ROLES: "signal:1=relations_officer" })).toThrow(/STAFF_ROLES/);
    const profile = loadProfile("maa");
    const dir = createDirectory({ profile, telegram: [], whatsapp: [], whatsappCloud: ["966500000001", "+966500000002", "966500000003"], console: [], roles: config.staffRoles });
    expect(dir.lookup("٠٥٠٠٠٠٠٠٠١")).toMatchObject({ channel: "whatsapp_cloud", id: "966500000001", role: { id: "relations_officer" }, deliverTo: { channel: "whatsapp_cloud", chatId: "966500000001" } });
    expect([...dir.find("whatsapp_cloud", "966500000001")!.may].sort()).toEqual(["applications", "reports", "tickets"]);
    expect(dir.find("whatsapp_cloud", "966500000002")?.role?.id).toBe("execution_officer");
    expect(dir.find("whatsapp_cloud", "966500000003")?.role).toBeNull();
    expect(() => createDirectory({ profile, telegram: [], whatsapp: [], whatsappCloud: [], console: [], roles: [{ channel: "whatsapp_cloud", id: "1", role: "boss" }] })).toThrow(ConfigError);
  });
});
