/**
 * The staff desk over HTTP (Hono's in-process requests, a cookie jar of our
 * own): sign-in codes and sessions, cookies, CSRF, headers, roles, the staff
 * directory and the desk's configuration. The browser flows are in
 * tests/desk-browser.test.ts.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../bot/config";
import { createDeskApp, createDirectory } from "../bot/desk";
import { ConfigError } from "../bot/errors";
import { createStaffActions } from "../bot/staff/actions";
import { auditTrail } from "../bot/staff/audit";
import { createStaffCommands } from "../bot/staff/commands";
import { createLogger } from "../bot/log";
import { loadProfile } from "../orgs/load";
import { plain, textOf, validNationalId } from "./helpers";
import { createDeskHarness, DECIDER, latestCode, openHandoff, receivedBy, RELATIONS, STAFF_TARGETS, submitApplication, type DeskHarness } from "./desk-setup";

let d: DeskHarness;
afterEach(async () => {
  await d?.close();
});

type App = DeskHarness["app"];

/** A browser stand-in: keeps cookies, sends forms, reads the form token and the code challenge. */
function client(app: App) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  async function request(path: string, init: { form?: Record<string, string>; method?: string; headers?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    }
    const res = await app.request(`http://127.0.0.1${path}`, { method: init.method ?? (init.form ? "POST" : "GET"), headers, ...(body ? { body } : {}) });
    for (const c of res.headers.getSetCookie()) {
      setCookies.push(c);
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (/max-age=0/i.test(c) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return { res, text: await res.text() };
  }
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const challengeOf = (html: string) => /name="challenge" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { jar, setCookies, request, csrfOf, challengeOf };
}

/** Asks for a code as `who`; returns the code form's challenge and token. */
async function askCode(c: ReturnType<typeof client>, who: string) {
  const login = await c.request("/login");
  const sent = await c.request("/login", { form: { who, _csrf: c.csrfOf(login.text) } });
  expect(sent.res.status).toBe(200);
  return { challenge: c.challengeOf(sent.text), csrf: c.csrfOf(sent.text), page: sent.text };
}

async function signIn(c: ReturnType<typeof client>, who: string, chatId = who) {
  const { challenge, csrf } = await askCode(c, who);
  const code = await latestCode(d, chatId);
  expect(code).not.toBeNull();
  const r = await c.request("/login/code", { form: { challenge, code: code!, _csrf: csrf } });
  expect(r.res.status).toBe(303);
  return r;
}

describe("signing in to the desk", () => {
  it("sends a six-digit code on the staff channel, encrypted in the outbox, and keeps only hashes", async () => {
    d = await createDeskHarness({ start: false });
    const c = client(d.app);
    const { challenge } = await askCode(c, DECIDER);
    const db = d.h.opened.db;
    const row = await db.selectFrom("outbox").selectAll().where("chat_id", "=", DECIDER).executeTakeFirstOrThrow();
    expect(row.channel).toBe("telegram");
    expect(d.h.sila.cipher.isEncrypted(row.payload)).toBe(true);
    const code = await latestCode(d, DECIDER);
    expect(code).toMatch(/^\d{6}$/);
    expect(plain(d.telegram.at(-1)!.message.text)).toContain("رمز الدخول");
    // Nothing stored holds the code or the challenge in clear.
    const stored = JSON.stringify(await db.selectFrom("desk_codes").selectAll().execute());
    expect(stored).not.toContain(code!);
    expect(stored).not.toContain(challenge);
    const delivered = await db.selectFrom("messages").select("body").where("chat_id", "=", DECIDER).execute();
    expect(delivered.every((m) => m.body !== null && d.h.sila.cipher.isEncrypted(m.body))).toBe(true);
    expect((await db.selectFrom("outbox").select("payload").where("chat_id", "=", DECIDER).executeTakeFirstOrThrow()).payload).not.toContain(code!);

    const r = await c.request("/login/code", { form: { challenge, code: code!.split("").map((x) => "٠١٢٣٤٥٦٧٨٩"[Number(x)]).join(""), _csrf: c.csrfOf(await (await c.request("/login")).text) } });
    expect(r.res.status).toBe(303);
    const token = c.jar.get("sila_desk")!;
    expect(token.length).toBeGreaterThan(30);
    const sessions = JSON.stringify(await db.selectFrom("desk_sessions").selectAll().execute());
    expect(sessions).not.toContain(token);
    const trail = await auditTrail(db);
    expect(trail.map((a) => `${a.action}:${a.allowed}`)).toEqual(expect.arrayContaining(["desk_code:true", "desk_login:true"]));
  });

  it("gives the console's staff their code as a [staff] line", async () => {
    d = await createDeskHarness({ start: false });
    const c = client(d.app);
    const { challenge, csrf } = await askCode(c, "Amal");
    const code = await latestCode(d, "staff", "console");
    expect(code).toMatch(/^\d{6}$/);
    expect((await c.request("/login/code", { form: { challenge, code: code!, _csrf: csrf } })).res.status).toBe(303);
    expect((await c.request("/applications")).res.status).toBe(200);
  });

  it("answers an unknown identifier exactly like a staff one, sends nothing, and records the attempt", async () => {
    d = await createDeskHarness({ start: false });
    const stranger = await askCode(client(d.app), "0555555555");
    const staff = await askCode(client(d.app), DECIDER);
    const strip = (html: string) => html.replace(/value="[^"]+"/g, "");
    expect(strip(stranger.page)).toBe(strip(staff.page));
    const rows = await d.h.opened.db.selectFrom("outbox").select("chat_id").execute();
    expect(rows.map((r) => r.chat_id)).toEqual([DECIDER]);
    const refused = (await auditTrail(d.h.opened.db)).find((a) => a.action === "desk_code" && !a.allowed);
    expect(refused).toMatchObject({ detail: "not_staff", actorChannel: "whatsapp" });
    const c = client(d.app);
    const again = await askCode(c, "nobody");
    const r = await c.request("/login/code", { form: { challenge: again.challenge, code: "123456", _csrf: again.csrf } });
    expect(r.res.status).toBe(400);
    expect(c.jar.has("sila_desk")).toBe(false);
  });

  it("lets a code work once, for ten minutes, with five attempts", async () => {
    d = await createDeskHarness({ start: false });
    const c = client(d.app);
    let { challenge, csrf } = await askCode(c, DECIDER);
    let code = (await latestCode(d, DECIDER))!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 4; i++) {
      const r = await c.request("/login/code", { form: { challenge, code: wrong, _csrf: csrf } });
      expect(r.text).toContain("الرمز غير صحيح");
    }
    expect((await c.request("/login/code", { form: { challenge, code: wrong, _csrf: csrf } })).text).toContain("انتهت صلاحية الرمز");
    expect((await c.request("/login/code", { form: { challenge, code, _csrf: csrf } })).res.status).toBe(400);

    ({ challenge, csrf } = await askCode(c, DECIDER));
    code = (await latestCode(d, DECIDER))!;
    d.h.setNow(new Date(d.h.now().getTime() + 11 * 60_000));
    expect((await c.request("/login/code", { form: { challenge, code, _csrf: csrf } })).text).toContain("انتهت صلاحية الرمز");

    ({ challenge, csrf } = await askCode(c, DECIDER));
    code = (await latestCode(d, DECIDER))!;
    expect((await c.request("/login/code", { form: { challenge, code, _csrf: csrf } })).res.status).toBe(303);
    const other = client(d.app);
    const form = await other.request("/login");
    expect((await other.request("/login/code", { form: { challenge, code, _csrf: other.csrfOf(form.text) } })).res.status).toBe(400);
  });

  it("sends at most five codes to one person in fifteen minutes", async () => {
    d = await createDeskHarness({ start: false });
    for (let i = 0; i < 7; i++) await askCode(client(d.app), DECIDER);
    const rows = await d.h.opened.db.selectFrom("desk_codes").select("id").execute();
    expect(rows).toHaveLength(5);
    d.h.setNow(new Date(d.h.now().getTime() + 16 * 60_000));
    await askCode(client(d.app), DECIDER);
    expect(await d.h.opened.db.selectFrom("desk_codes").select("id").execute()).toHaveLength(6);
  });

  it("sets an HttpOnly, SameSite=Strict, expiring session cookie, Secure with the __Host- prefix behind HTTPS", async () => {
    d = await createDeskHarness({ start: false, secure: true });
    const c = client(d.app);
    const { challenge, csrf } = await askCode(c, DECIDER);
    const code = (await latestCode(d, DECIDER))!;
    const r = await c.request("/login/code", { form: { challenge, code, _csrf: csrf } });
    expect(r.res.status).toBe(303);
    const cookie = c.setCookies.find((s) => s.startsWith("__Host-sila_desk="))!;
    expect(cookie).toMatch(/; Max-Age=28800/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(r.res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    await d.close();

    d = await createDeskHarness({ start: false });
    const plainHttp = client(d.app);
    await signIn(plainHttp, DECIDER);
    const local = plainHttp.setCookies.find((s) => s.startsWith("sila_desk="))!;
    expect(local).toMatch(/HttpOnly/);
    expect(local).toMatch(/SameSite=Strict/);
    expect(local).not.toMatch(/Secure/);
  });
});

describe("desk requests", () => {
  it("needs a session for every page but the sign-in, and an expired session or a member taken off the lists sees nothing", async () => {
    d = await createDeskHarness({ start: false });
    const nationalId = validNationalId(31337);
    const ref = await submitApplication(d, "u1", nationalId);
    const anonymous = client(d.app);
    for (const path of ["/applications", `/applications/${ref}`, `/applications/${ref}/files/ownership_document`, "/inbox", "/tickets", "/reports", "/reports/download?format=csv"]) {
      const r = await anonymous.request(path);
      expect([path, r.res.status, r.res.headers.get("Location")]).toEqual([path, 303, "/login"]);
      expect(r.text).not.toContain(nationalId);
    }

    const c = client(d.app);
    await signIn(c, DECIDER);
    const file = await c.request(`/applications/${ref}`);
    expect(file.res.status).toBe(200);
    expect(file.text).toContain(nationalId);
    expect(file.res.headers.get("Cache-Control")).toBe("no-store");

    // The same session, on a desk whose lists no longer name this member.
    const narrowed = createDeskApp({
      db: d.h.opened.db, profile: d.h.profile, translator: d.h.sila.translator, cipher: d.h.sila.cipher, secretKey: Buffer.alloc(32, 9),
      clock: () => d.h.now(), log: createLogger("silent"), calendar: d.h.sila.calendar,
      directory: createDirectory({ profile: d.h.profile, telegram: [RELATIONS], whatsapp: [], console: [], roles: [] }),
      actions: createStaffActions({ db: d.h.opened.db, profile: d.h.profile, translator: d.h.sila.translator, cipher: d.h.sila.cipher, staffTargets: STAFF_TARGETS, clock: () => d.h.now(), log: createLogger("silent") }),
      attachmentsDir: d.attachmentsDir, sessionHours: 8, secure: false,
    });
    const removed = client(narrowed);
    removed.jar.set("sila_desk", c.jar.get("sila_desk")!);
    const r = await removed.request(`/applications/${ref}`);
    expect(r.res.status).toBe(303);
    expect(r.text).not.toContain(nationalId);

    d.h.setNow(new Date(d.h.now().getTime() + 8 * 3_600_000 + 1000));
    const late = await c.request(`/applications/${ref}`);
    expect([late.res.status, late.res.headers.get("Location")]).toEqual([303, "/login"]);
    expect(late.text).not.toContain(nationalId);
  });

  it("refuses a POST without the form token, with another session's token, or from a role that may not, and records it", async () => {
    d = await createDeskHarness({ start: false });
    const ref = await submitApplication(d, "u1", validNationalId(4242));
    const decider = client(d.app);
    await signIn(decider, DECIDER);
    const relations = client(d.app);
    await signIn(relations, RELATIONS);
    const relationsToken = relations.csrfOf((await relations.request("/applications")).text);

    expect((await decider.request(`/applications/${ref}/decide`, { form: { decision: "approve" } })).res.status).toBe(403);
    expect((await decider.request(`/applications/${ref}/decide`, { form: { decision: "approve", _csrf: relationsToken } })).res.status).toBe(403);
    const refusedRole = await relations.request(`/applications/${ref}/decide`, { form: { decision: "approve", _csrf: relationsToken } });
    expect(refusedRole.res.status).toBe(403);
    expect(refusedRole.text).toContain("غير مسموح");
    // The relations officer still reads the file, without the decision form.
    const file = await relations.request(`/applications/${ref}`);
    expect(file.text).toContain("تسجيل القرار ليس من صلاحيات دورك");
    expect(file.text).not.toContain(`action="/applications/${ref}/decide"`);

    const app = await d.h.opened.db.selectFrom("applications").select("status").where("reference", "=", ref).executeTakeFirstOrThrow();
    expect(app.status).toBe("submitted");
    const refusals = (await auditTrail(d.h.opened.db)).filter((a) => !a.allowed).map((a) => `${a.action}:${a.actorId}:${a.detail}`);
    expect(refusals).toEqual(expect.arrayContaining([`desk_csrf:${DECIDER}:bad_token`, `desk_decide:${RELATIONS}:role:relations_officer`]));

    // With its own token the decider's request goes through.
    const token = decider.csrfOf((await decider.request(`/applications/${ref}`)).text);
    expect((await decider.request(`/applications/${ref}/decide`, { form: { decision: "approve", _csrf: token } })).res.status).toBe(303);
    expect((await d.h.opened.db.selectFrom("applications").select("status").where("reference", "=", ref).executeTakeFirstOrThrow()).status).toBe("approved");
  });

  it("sends a strict CSP (no inline script), no framing, htmx from the installed package", async () => {
    d = await createDeskHarness({ start: false });
    const c = client(d.app);
    const login = await c.request("/login");
    const csp = login.res.headers.get("Content-Security-Policy")!;
    const scriptSrc = csp.split(";").find((p) => p.trim().startsWith("script-src"))!;
    expect(scriptSrc.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(login.res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(login.res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(login.res.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(login.text).toContain('<script src="/static/htmx.min.js" defer></script>');
    expect(login.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(login.text).not.toMatch(/\son[a-z]+=/i);
    expect(login.text).toMatch(/<html lang="ar" dir="rtl">/);
    const htmx = await c.request("/static/htmx.min.js");
    const installed = fs.readFileSync(createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js"), "utf8");
    expect(htmx.text).toBe(installed);
    expect(htmx.res.headers.get("Content-Type")).toContain("javascript");
  });

  it("switches to English and back, and never redirects off the site", async () => {
    d = await createDeskHarness({ start: false });
    const c = client(d.app);
    const r = await c.request("/lang?to=en&back=/login");
    expect(r.res.headers.get("Location")).toBe("/login");
    const page = await c.request("/login");
    expect(page.text).toMatch(/<html lang="en" dir="ltr">/);
    expect(page.text).toContain("Sign in to the staff desk");
    for (const back of ["//evil.example/x", "/\\evil.example", "https://evil.example/"]) {
      expect((await c.request(`/lang?to=ar&back=${encodeURIComponent(back)}`)).res.headers.get("Location")).toBe("/");
    }
  });

  it("serves the period report as a page with its charts, and as CSV and HTML downloads", async () => {
    d = await createDeskHarness({ start: false });
    await submitApplication(d, "u1", validNationalId(777));
    const c = client(d.app);
    await signIn(c, DECIDER);
    const view = await c.request("/reports/view?from=2026-11-01&to=2026-11-30");
    expect(view.res.status).toBe(200);
    expect(view.text).toContain("<svg");
    expect(view.res.headers.get("Content-Security-Policy")).not.toContain("script-src");
    const csv = await c.request("/reports/download?from=2026-11-01&to=2026-11-30&format=csv");
    expect(csv.res.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.res.headers.get("Content-Disposition")).toContain("attachment");
    expect(csv.text.length).toBeGreaterThan(50);
    const html = await c.request("/reports/download?from=2026-11-01&to=2026-11-30&format=html");
    expect(html.res.headers.get("Content-Disposition")).toMatch(/attachment; filename="sila-report-maa-2026-11-01-2026-11-30\.html"/);
    const bad = await c.request("/reports/view?from=2026-12-01&to=2026-11-01");
    expect(bad.res.status).toBe(303);
  });

  it("shares claims with the chat commands: a ticket claimed or assigned on the desk shows as held in /pending", async () => {
    d = await createDeskHarness({ start: false });
    const ref = await openHandoff(d, "u2", "أبغى أكلم أحد عن الفاتورة");
    const c = client(d.app);
    await signIn(c, DECIDER);
    const token = c.csrfOf((await c.request(`/tickets/${ref}`)).text);
    expect((await c.request(`/tickets/${ref}/assign`, { form: { to: `telegram:${RELATIONS}`, _csrf: token } })).res.status).toBe(303);
    const commands = createStaffCommands({
      db: d.h.opened.db, profile: d.h.profile, translator: d.h.sila.translator, staffIds: { telegram: [DECIDER, RELATIONS] },
      staffTargets: STAFF_TARGETS, clock: () => d.h.now(), log: createLogger("silent"),
    });
    const pending = plain((await commands.handleText({ channel: "telegram", userId: RELATIONS }, "/pending")).map((m) => m.text).join("\n"));
    expect(pending).toContain(ref);
    expect(pending).toContain(`telegram:${RELATIONS}`);
    // The other staff chats heard of the assignment.
    await d.h.sila.outbox.drainOnce();
    expect(plain(d.h.sent.filter((s) => s.chatId === "staff").map((s) => s.message.text).join("\n"))).toContain(`أسند telegram:${DECIDER} التذكرة ${ref}`);
  });
});

describe("complaints on the desk", () => {
  it("lists a complaint with its photo, answers it on the beneficiary's channel, closes it, and serves the photo only with a session", async () => {
    d = await createDeskHarness({ start: false });
    const photo = path.join(d.attachmentsDir, "tank.jpg");
    fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await d.h.say("السلام عليكم", "u5");
    await d.h.say("4", "u5");
    await d.h.say("1", "u5");
    const filed = plain(textOf(await d.h.say({ kind: "media", mediaType: "image", fileRef: photo, mimeType: "image/jpeg", caption: "الخزان مكسور من أسبوع" }, "u5")));
    const ref = /C\d{2}-\d{5}/.exec(filed)![0];
    const c = client(d.app);
    await signIn(c, RELATIONS);
    const list = await c.request("/tickets");
    expect(plain(list.text)).toContain(ref);
    expect(list.text).toContain("الخزان مكسور من أسبوع");
    const page = await c.request(`/tickets/${ref}`);
    const token = c.csrfOf(page.text);
    const image = await c.request(`/tickets/${ref}/file`);
    expect(image.res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(image.res.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect((await client(d.app).request(`/tickets/${ref}/file`)).res.status).toBe(303);
    expect((await c.request(`/tickets/${ref}/reply`, { form: { text: "نعتذر، سيصلكم الفني غداً", _csrf: token } })).res.status).toBe(303);
    expect((await c.request(`/tickets/${ref}/close`, { form: { _csrf: token } })).res.status).toBe(303);
    await d.h.sila.outbox.drainOnce();
    expect(receivedBy(d, "u5")).toContain("نعتذر، سيصلكم الفني غداً");
    expect((await c.request("/tickets")).text).not.toContain(`/tickets/${ref}"`);
    expect(plain((await c.request("/tickets?status=closed")).text)).toContain(ref);
    const trail = (await auditTrail(d.h.opened.db, { target: ref })).map((a) => a.action);
    expect(trail).toEqual(expect.arrayContaining(["show", "attachment", "reply", "close"]));
  });
});

describe("every page, in Arabic and English", () => {
  it("renders every text from the locale files: no placeholder or key left over", async () => {
    d = await createDeskHarness({ start: false });
    const app = await submitApplication(d, "u1", validNationalId(99));
    const handoff = await openHandoff(d, "u2", "أحتاج موظف");
    const c = client(d.app);
    await signIn(c, DECIDER);
    await c.request(`/tickets/${handoff}/reply`, { form: { text: "مرحباً", _csrf: c.csrfOf((await c.request(`/tickets/${handoff}`)).text) } });
    await d.h.sila.outbox.drainOnce();
    const pages = ["/applications", "/applications?status=all&age=overdue", `/applications/${app}`, "/inbox", "/tickets?status=all", `/tickets/${handoff}`, "/reports", "/nowhere"];
    const leftover = /\{\{|\b(?:desk|queue|file|ticket|tickets|inbox|login|nav|reports|status|kind|channel|actor|decide|lang|refused|notFound|failed)\.[a-z][a-zA-Z_.]*\b/;
    for (const lng of ["ar", "en"]) {
      await c.request(`/lang?to=${lng}&back=/`);
      for (const path of pages) {
        const r = await c.request(path);
        const visible = r.text.replace(/<[^>]+>/g, " ");
        expect([lng, path, leftover.exec(visible)?.[0] ?? null]).toEqual([lng, path, null]);
        expect(r.text).toContain(`<html lang="${lng}" dir="${lng === "ar" ? "rtl" : "ltr"}">`);
      }
    }
  });
});

describe("who may sign in", () => {
  const profile = loadProfile("maa");

  it("finds staff by phone in any form, Telegram id or console name; roles come from the profile", () => {
    const dir = createDirectory({
      profile,
      telegram: ["1001"],
      whatsapp: ["+966500000009"],
      console: ["amal"],
      roles: [{ channel: "whatsapp", id: "0500000009", role: "relations_officer" }],
    });
    for (const typed of ["0500000009", "+966 50 000 0009", "٠٥٠٠٠٠٠٠٠٩", "00966500000009"]) expect(dir.lookup(typed)?.id, typed).toBe("966500000009");
    expect(dir.lookup("1001")?.channel).toBe("telegram");
    expect(dir.lookup(" Amal ")?.channel).toBe("console");
    expect(dir.lookup("@amal")).toBeNull();
    expect(dir.lookup("1002")).toBeNull();
    expect(dir.find("whatsapp", "966500000009")?.deliverTo).toEqual({ channel: "whatsapp", chatId: "966500000009@c.us" });
    expect([...dir.find("whatsapp", "966500000009")!.may].sort()).toEqual(["applications", "reports", "tickets"]);
    expect([...dir.find("telegram", "1001")!.may].sort()).toEqual(["applications", "decide", "reports", "tickets"]);
    expect(() => createDirectory({ profile, telegram: [], whatsapp: [], console: [], roles: [{ channel: "console", id: "x", role: "boss" }] })).toThrow(ConfigError);
  });

  it("reads the desk's settings from the environment", () => {
    const c = loadConfig({ DESK_PORT: "9090", DESK_HOST: "0.0.0.0", DESK_STAFF: "amal, omar", DESK_PUBLIC_URL: "https://desk.example.org", STAFF_ROLES: "telegram:1001=execution_officer,console:amal=relations_officer" });
    expect(c.desk).toMatchObject({ enabled: true, host: "0.0.0.0", port: 9090, consoleStaff: ["amal", "omar"], publicUrl: "https://desk.example.org", sessionHours: 8 });
    expect(c.staffRoles).toEqual([
      { channel: "telegram", id: "1001", role: "execution_officer" },
      { channel: "console", id: "amal", role: "relations_officer" },
    ]);
    expect(loadConfig({}).desk).toMatchObject({ enabled: true, host: "127.0.0.1", port: 8080 });
    expect(loadConfig({ DESK_ENABLED: "false" }).desk.enabled).toBe(false);
    expect(() => loadConfig({ DESK_PORT: "http" })).toThrow(/DESK_PORT/);
    expect(() => loadConfig({ STAFF_ROLES: "1001=boss" })).toThrow(/STAFF_ROLES/);
  });
});
