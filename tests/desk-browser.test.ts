/**
 * The staff desk driven in a real headless Chromium (Debian's, through
 * puppeteer-core): signing in with a code received on the fake staff channel,
 * the queue and an application's file in Arabic at phone and desktop width,
 * a decision whose notice reaches the beneficiary, a handoff answered and
 * closed, forged requests and another role refused, no data without a
 * session. One browser for the whole file; the steps build on each other.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, type Browser, type BrowserContext, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditTrail } from "../bot/staff/audit";
import { SUNDAY_NOON, plain, validNationalId } from "./helpers";
import { createDeskHarness, DECIDER, latestCode, openHandoff, receivedBy, RELATIONS, submitApplication, type DeskHarness } from "./desk-setup";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let d: DeskHarness;
let browser: Browser;
let page: Page;
let shots: string;
const OLD_ID = validNationalId(11111);
const NEW_ID = validNationalId(22222);
let oldRef: string;
let newRef: string;
let handoffRef: string;

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM), `Chromium is required at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
  d = await createDeskHarness();
  // One application past the committee's period (20 days old), one from today, one conversation waiting.
  d.h.setNow(new Date(SUNDAY_NOON.getTime() - 20 * 86_400_000));
  oldRef = await submitApplication(d, "u1", OLD_ID);
  d.h.setNow(SUNDAY_NOON);
  newRef = await submitApplication(d, "u3", NEW_ID);
  handoffRef = await openHandoff(d, "u2", "عندي مشكلة في الخزان والماء ما يوصل من ٣ أيام");
  shots = fs.mkdtempSync(path.join(os.tmpdir(), "sila-desk-shots-"));
  browser = await launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), "sila-chromium-")),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await d?.close();
});

const url = (p: string) => new URL(p, d.desk.url).toString();
/** Evaluates a JavaScript expression in the page (written as text: the tests are type-checked without the DOM's types). */
const js = async <T>(p: Page, expression: string): Promise<T> => (await p.evaluate(expression)) as T;
const text = (p: Page) => js<string>(p, "document.body.innerText").then(plain);

/** Submits the form `selector` belongs to by clicking its button, waiting for the next page. */
async function submit(p: Page, selector: string): Promise<void> {
  await Promise.all([p.waitForNavigation({ waitUntil: "load" }), p.click(selector)]);
}

async function signIn(p: Page, who: string): Promise<void> {
  await p.goto(url("/login"), { waitUntil: "load" });
  await p.type("#who", who);
  await submit(p, "form[action='/login'] button[type=submit]");
  const code = await latestCode(d, who);
  expect(code, `a code for ${who}`).toMatch(/^\d{6}$/);
  await p.type("#code", code!);
  await submit(p, "form[action='/login/code'] button[type=submit]");
}

/** Sends a POST from inside the page (same origin, the page's cookies), as a forged script would. */
function forge(p: Page, action: string, body: Record<string, string>): Promise<number> {
  return js<number>(
    p,
    `fetch(${JSON.stringify(action)}, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: ${JSON.stringify(new URLSearchParams(body).toString())} }).then((r) => r.status)`,
  );
}

/** Fetches `path` from inside the page: where it ended, what it said, two of its headers. */
function fetchIn(p: Page, path: string): Promise<{ url: string; status: number; type: string | null; disposition: string | null; body: string }> {
  return js(
    p,
    `fetch(${JSON.stringify(path)}).then(async (r) => ({ url: r.url, status: r.status, type: r.headers.get("Content-Type"), disposition: r.headers.get("Content-Disposition"), body: await r.text() }))`,
  );
}

async function noHorizontalScroll(p: Page): Promise<boolean> {
  return js<boolean>(p, "document.documentElement.scrollWidth <= document.documentElement.clientWidth");
}

async function status(reference: string): Promise<string> {
  return (await d.h.opened.db.selectFrom("applications").select("status").where("reference", "=", reference).executeTakeFirstOrThrow()).status;
}

describe("the staff desk in Chromium", () => {
  it("signs a staff member in with the code sent to their Telegram, in a cookie scripts cannot read", async () => {
    await signIn(page, DECIDER);
    expect(new URL(page.url()).pathname).toBe("/applications");
    const cookie = (await browser.cookies()).find((c) => c.name === "sila_desk")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    expect(cookie.expires).toBeGreaterThan(Date.now() / 1000);
    expect(await js<string>(page, "document.cookie")).not.toContain("sila_desk=");
  });

  it("shows the queue in Arabic, right to left, the overdue application marked, readable at 360 px and on a desktop", async () => {
    expect(await js(page, "[document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]")).toEqual(["ar", "rtl", "rtl"]);
    const rows = await page.$$eval("table.list tbody tr", (trs) => trs.map((tr) => ({ text: tr.textContent ?? "", overdue: tr.classList.contains("overdue") })));
    const old = rows.find((r) => plain(r.text).includes(oldRef))!;
    const fresh = rows.find((r) => plain(r.text).includes(newRef))!;
    expect(old.overdue).toBe(true);
    expect(plain(old.text)).toContain("متأخر 6 أيام");
    expect(fresh.overdue).toBe(false);
    // A reference keeps its own direction inside the Arabic row.
    expect(await js(page, `getComputedStyle(document.querySelector('a[href="/applications/${oldRef}"] bdi')).direction`)).toBe("ltr");
    await page.screenshot({ path: path.join(shots, "queue-desktop.png") });
    await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2 });
    await page.reload({ waitUntil: "load" });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(shots, "queue-phone.png"), fullPage: true });
    // htmx (served by the desk, allowed by its CSP) swaps the list when a filter changes.
    await page.select("select[name=age]", "overdue");
    await page.waitForFunction(`!document.querySelector("#queue")?.textContent?.includes(${JSON.stringify(newRef)})`);
    expect(plain(await page.$eval("#queue", (q) => q.textContent ?? ""))).toContain(oldRef);
    expect(new URL(page.url()).searchParams.get("age")).toBe("overdue");
    await page.setViewport({ width: 1280, height: 900 });
    for (const f of ["queue-desktop.png", "queue-phone.png"]) expect(fs.statSync(path.join(shots, f)).size).toBeGreaterThan(10_000);
  });

  it("opens an application's file with its sealed answers (the view audited) and its attachment through the desk", async () => {
    await page.goto(url(`/applications/${newRef}`), { waitUntil: "load" });
    const body = await text(page);
    expect(body).toContain(NEW_ID);
    expect(body).toContain("محمد عبدالله الحربي");
    expect(body).toContain("صك الملكية.pdf");
    const views = (await auditTrail(d.h.opened.db, { target: newRef })).filter((a) => a.action === "show");
    expect(views[0]).toMatchObject({ actorId: DECIDER, allowed: true });
    const file = await fetchIn(page, `/applications/${newRef}/files/ownership_document`);
    expect(file).toMatchObject({ status: 200, type: "application/pdf", body: "%PDF-1.4 deed of u3\n" });
    expect(file.disposition).toMatch(/^attachment;/);
    await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2 });
    await page.reload({ waitUntil: "load" });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(shots, "application-phone.png"), fullPage: true });
    await page.setViewport({ width: 1280, height: 900 });
    await page.reload({ waitUntil: "load" });
    await page.screenshot({ path: path.join(shots, "application-desktop.png"), fullPage: true });
  });

  it("records a rejection with its reason through the /decide path, and the beneficiary is told in their chat", async () => {
    await page.goto(url(`/applications/${newRef}`), { waitUntil: "load" });
    await page.click("input[name=decision][value=reject]");
    await submit(page, "form.decide button[type=submit]");
    expect(await page.$eval(".flash.error", (e) => e.textContent)).toContain("اكتب سبب الرفض");
    expect(await status(newRef)).toBe("submitted");

    await page.click("input[name=decision][value=reject]");
    await page.type("#decide-note", "الصك المرفق لا يخص العنوان المذكور");
    await submit(page, "form.decide button[type=submit]");
    expect(plain((await page.$eval(".flash.ok", (e) => e.textContent)) ?? "")).toContain(newRef);
    expect(await status(newRef)).toBe("rejected");
    await d.h.sila.outbox.drainOnce();
    const told = receivedBy(d, "u3");
    expect(told).toContain(newRef);
    expect(told).toContain(plain(d.h.sila.translator.t("decision:reason", "ar", { note: "الصك المرفق لا يخص العنوان المذكور" })));
    const event = await d.h.opened.db.selectFrom("application_events").selectAll().where("to_status", "=", "rejected").executeTakeFirstOrThrow();
    expect(event.actor).toBe(`staff:telegram:${DECIDER}`);
    // The history shows it, and a rejected application offers no other decision here.
    expect(await text(page)).toContain("الصك المرفق لا يخص العنوان المذكور");
    expect(await page.$("input[value=approve]")).toBeNull();
  });

  it("answers a handoff: claim, reply through the outbox to the beneficiary's chat, close", async () => {
    await page.goto(url("/inbox"), { waitUntil: "load" });
    expect(await text(page)).toContain(handoffRef);
    await submit(page, `form[action="/tickets/${handoffRef}/claim"] button`);
    await page.goto(url(`/tickets/${handoffRef}`), { waitUntil: "load" });
    expect(await text(page)).toContain("عندي مشكلة في الخزان والماء ما يوصل من ٣ أيام");
    await page.type("#reply", "أهلاً، سنرسل فني الصيانة غداً صباحاً");
    await submit(page, `form[action="/tickets/${handoffRef}/reply"] button`);
    expect(await page.$eval(".flash.ok", (e) => e.textContent)).toContain("أُرسل الرد");
    await d.h.sila.outbox.drainOnce();
    const told = receivedBy(d, "u2");
    expect(told).toContain(plain(d.h.sila.translator.t("fromstaff:claimed", "ar", { reference: handoffRef })));
    expect(told).toContain("أهلاً، سنرسل فني الصيانة غداً صباحاً");
    await submit(page, `form[action="/tickets/${handoffRef}/close"] button`);
    expect(await page.$eval(".flash.ok", (e) => e.textContent)).toContain("أُغلقت التذكرة");
    const ticket = await d.h.opened.db.selectFrom("tickets").select(["status", "closed_by"]).where("reference", "=", handoffRef).executeTakeFirstOrThrow();
    expect(ticket).toEqual({ status: "closed", closed_by: `staff:telegram:${DECIDER}` });
    await d.h.sila.outbox.drainOnce();
    expect(receivedBy(d, "u2")).toContain(handoffRef);
    // The bot answers them again.
    expect(plain((await d.h.say("شكراً", "u2")).map((m) => m.text).join("\n")).length).toBeGreaterThan(0);
  });

  it("refuses a forged request without the form token, and a decision from a role that may not decide", async () => {
    expect(await forge(page, `/applications/${oldRef}/decide`, { decision: "approve" })).toBe(403);
    expect(await status(oldRef)).toBe("submitted");

    const other: BrowserContext = await browser.createBrowserContext();
    try {
      const officer = await other.newPage();
      await signIn(officer, RELATIONS);
      await officer.goto(url(`/applications/${oldRef}`), { waitUntil: "load" });
      expect(await officer.$("form.decide")).toBeNull();
      expect(await text(officer)).toContain("تسجيل القرار ليس من صلاحيات دورك");
      const token = await officer.$eval("input[name=_csrf]", (i) => i.getAttribute("value") ?? "");
      expect(await forge(officer, `/applications/${oldRef}/decide`, { decision: "approve", _csrf: token })).toBe(403);
      expect(await status(oldRef)).toBe("submitted");
    } finally {
      await other.close();
    }
    const refused = (await auditTrail(d.h.opened.db)).filter((a) => !a.allowed).map((a) => `${a.action}:${a.actorId}`);
    expect(refused).toEqual(expect.arrayContaining([`desk_csrf:${DECIDER}`, `desk_decide:${RELATIONS}`]));
  });

  it("shows nothing of a beneficiary without a session, to someone not on staff, or once the session has expired", async () => {
    const other = await browser.createBrowserContext();
    try {
      const stranger = await other.newPage();
      await stranger.goto(url(`/applications/${oldRef}`), { waitUntil: "load" });
      expect(new URL(stranger.url()).pathname).toBe("/login");
      const attachment = await fetchIn(stranger, `/applications/${oldRef}/files/ownership_document`);
      expect(new URL(attachment.url).pathname).toBe("/login");
      expect(attachment.body).not.toContain("%PDF");
      const before = d.telegram.length + d.h.sent.length;
      await stranger.type("#who", "0555000000");
      await submit(stranger, "form[action='/login'] button[type=submit]");
      await d.h.sila.outbox.drainOnce();
      expect(d.telegram.length + d.h.sent.length).toBe(before);
      await stranger.type("#code", "123456");
      await submit(stranger, "form[action='/login/code'] button[type=submit]");
      expect(new URL(stranger.url()).pathname).toBe("/login/code");
      await stranger.goto(url(`/applications/${oldRef}`), { waitUntil: "load" });
      const seen = await text(stranger);
      expect(seen).not.toContain(OLD_ID);
      expect(seen).not.toContain("محمد عبدالله الحربي");
    } finally {
      await other.close();
    }

    d.h.setNow(new Date(SUNDAY_NOON.getTime() + 9 * 3_600_000));
    await page.goto(url(`/applications/${oldRef}`), { waitUntil: "load" });
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await text(page)).not.toContain(OLD_ID);
  });
});
