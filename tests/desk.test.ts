/**
 * The staff desk over HTTP (Hono's in-process requests, a cookie jar of our
 * own): sign-in codes and sessions, cookies, CSRF, headers, roles, the staff
 * directory and the desk's configuration. The pages' work is in
 * tests/desk-pages.test.ts, the browser flows in tests/desk-browser.test.ts.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../bot/config";
import { createDeskApp, createDirectory } from "../bot/desk";
import { ConfigError } from "../bot/errors";
import { createStaffActions } from "../bot/staff/actions";
import { auditTrail } from "../bot/staff/audit";
import { createLogger } from "../bot/log";
import { loadProfile } from "../orgs/load";
import { plain, validNationalId } from "./helpers";
import { askCode, client, createDeskHarness, DECIDER, latestCode, RELATIONS, signIn, STAFF_TARGETS, submitApplication, type DeskHarness } from "./desk-setup";

let d: DeskHarness;
afterEach(async () => {
  await d?.close();
});

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

  it("signs out: the session is gone from the database, the old cookie opens nothing", async () => {
    d = await createDeskHarness({ start: false });
    const c = client(d.app);
    await signIn(d, c, DECIDER);
    const token = c.jar.get("sila_desk")!;
    const page = await c.request("/applications");
    const out = await c.request("/logout", { form: { _csrf: c.csrfOf(page.text) } });
    expect([out.res.status, out.res.headers.get("Location")]).toEqual([303, "/login"]);
    expect(c.jar.has("sila_desk")).toBe(false);
    expect(await d.h.opened.db.selectFrom("desk_sessions").select("token_hash").execute()).toEqual([]);
    c.jar.set("sila_desk", token);
    expect((await c.request("/applications")).res.status).toBe(303);
    expect((await auditTrail(d.h.opened.db)).some((a) => a.action === "desk_logout" && a.actorId === DECIDER)).toBe(true);
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
    await signIn(d, plainHttp, DECIDER);
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
    await signIn(d, c, DECIDER);
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
    await signIn(d, decider, DECIDER);
    const relations = client(d.app);
    await signIn(d, relations, RELATIONS);
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
    expect([...dir.find("telegram", "1001")!.may].sort()).toEqual(["applications", "calendar", "decide", "reports", "tickets"]);
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
