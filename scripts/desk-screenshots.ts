/**
 * `npm run desk:screenshots [-- --out docs]`
 *
 * The README's pictures of the staff desk: a temporary installation (maa)
 * where a few beneficiaries apply through the conversation over three weeks
 * and one asks for a person, the desk running on a free loopback port, and
 * headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium; puppeteer-core
 * is a dev dependency) signing in with the code the fake staff Telegram
 * receives. Writes desk-queue-{phone,desktop}.png and
 * desk-application-{phone,desktop}.png, in Arabic. Exits 1 with one line on failure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { launch, type Page } from "puppeteer-core";
import { createSila } from "../bot/app";
import type { OutboundMessage } from "../bot/channels/types";
import { staffDecisions } from "../bot/decisions";
import { createDeskApp, createDirectory, startDesk } from "../bot/desk";
import { createLogger } from "../bot/log";
import { createStaffActions } from "../bot/staff/actions";
import { openDatabase } from "../db";
import { nationalIdCheckDigit } from "../flows/validate";
import { loadProfile } from "../orgs/load";

const { values } = parseArgs({ options: { out: { type: "string", default: "docs" } }, strict: true });
const out = path.resolve(values.out!);
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Sunday 6 Dec 2026, 10:00 in Riyadh. */
const NOW = new Date("2026-12-06T07:00:00Z");
const DAY = 86_400_000;

const nationalId = (seed: number): string => {
  const body = "1" + String(seed).padStart(8, "0").slice(-8);
  return body + String(nationalIdCheckDigit(body));
};

async function main(): Promise<void> {
  if (!fs.existsSync(chromium)) throw new Error(`no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-desk-demo-"));
  const { db, sqlite, close } = await openDatabase(path.join(dir, "sila.sqlite"));
  const profile = loadProfile("maa");
  let now = NOW;
  const clock = () => now;
  const log = createLogger("silent");
  const staff = [{ channel: "telegram" as const, chatId: "-100200", locale: "ar" as const }];
  const telegram: Array<{ chatId: string; message: OutboundMessage }> = [];
  let n = 0;
  const sila = createSila({
    db,
    sqlite,
    profile,
    secretKey: Buffer.alloc(32, 3),
    staff,
    clock,
    log,
    floodPerMinute: Number.POSITIVE_INFINITY,
    senders: [
      { name: "console", send: async () => ({ messageId: `c-${++n}` }) },
      { name: "telegram", send: async (chatId, message) => (telegram.push({ chatId, message }), { messageId: `t-${++n}` }) },
    ],
  });
  const say = async (chatId: string, text: string) => {
    await sila.engine.handle({ channel: "console", chatId, messageId: `${chatId}-${++n}`, receivedAt: now, content: { kind: "text", text } });
  };
  const attachments = path.join(dir, "attachments");
  fs.mkdirSync(attachments, { recursive: true });

  /** A beneficiary applies to `programId` through the conversation, answering every question. */
  async function apply(chatId: string, programId: string, name: string, seed: number, district: string): Promise<void> {
    const open = profile.programs.filter((p) => p.open);
    const program = profile.programs.find((p) => p.id === programId)!;
    await say(chatId, "السلام عليكم");
    await say(chatId, "1");
    if (open.length > 1) await say(chatId, String(open.indexOf(program) + 1));
    await say(chatId, "1");
    for (const answer of [name, nationalId(seed), `055${String(seed).padStart(7, "0").slice(-7)}`, "رياض الخبراء", "1405/03/14"]) await say(chatId, answer);
    for (const f of program.fields) {
      if (f.type === "attachment") {
        const file = path.join(attachments, `${chatId}.pdf`);
        fs.writeFileSync(file, "%PDF-1.4\n");
        await sila.engine.handle({
          channel: "console", chatId, messageId: `${chatId}-${++n}`, receivedAt: now,
          content: { kind: "media", mediaType: "document", fileRef: file, mimeType: "application/pdf", fileName: "صك الملكية.pdf", size: 9 },
        });
      } else if (f.type === "number") await say(chatId, "6");
      else if (f.type === "text" || f.type === "location") await say(chatId, district);
      else if (f.type === "date") await say(chatId, "1448/07/01");
      else if (f.type === "phone") await say(chatId, "0561234567");
      else await say(chatId, "1");
    }
    for (const confirm of ["1", "1", "1"]) await say(chatId, confirm);
  }

  const people: Array<[number, string, string, string]> = [
    [21, "tank_installation", "عبدالله بن سعد القحطاني", "حي الريان"],
    [17, "water_truck", "نورة محمد العتيبي", "حي الصفا"],
    [12, "tank_installation", "فهد عبدالرحمن الشمري", "حي النخيل"],
    [6, "mosque_water", "سلطان ناصر الدوسري", "حي المروج"],
    [1, "water_truck", "هيا إبراهيم المطيري", "حي الورود"],
  ];
  for (const [i, [daysAgo, programId, name, district]] of people.entries()) {
    now = new Date(NOW.getTime() - daysAgo * DAY);
    await apply(`b${i + 1}`, programId, name, 5000 + i, district);
  }
  now = NOW;
  // The pictures are only worth taking of a queue that has its applications.
  const submitted = await db.selectFrom("applications").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  if (Number(submitted.n) !== people.length) throw new Error(`the demo conversations submitted ${submitted.n} of ${people.length} applications (a form question changed?)`);
  const decide = staffDecisions({ db, profile, translator: sila.translator, clock, staff, calendar: sila.calendar });
  await decide({ actorKey: "staff:telegram:1001", reference: "A26-00002", decision: "review", note: null });
  await decide({ actorKey: "staff:telegram:1001", reference: "A26-00003", decision: "needinfo", note: "صورة فاتورة الكهرباء الأخيرة" });
  await say("b6", "السلام عليكم");
  await say("b6", "5");
  await sila.outbox.drainOnce();

  const actions = createStaffActions({ db, profile, translator: sila.translator, cipher: sila.cipher, staffTargets: staff, clock, log, decide, onOutbox: () => sila.outbox.kick() });
  const directory = createDirectory({ profile, telegram: ["1001"], whatsapp: [], console: [], roles: [{ channel: "telegram", id: "1001", role: "execution_officer" }] });
  const app = createDeskApp({ db, profile, translator: sila.translator, cipher: sila.cipher, secretKey: Buffer.alloc(32, 3), clock, log, calendar: sila.calendar, directory, actions, attachmentsDir: attachments, sessionHours: 8, secure: false });
  const desk = await startDesk(app, { host: "127.0.0.1", port: 0 });
  const browser = await launch({
    executablePath: chromium,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), "sila-chromium-")),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    const go = async (p: Page, to: string) => {
      await p.goto(new URL(to, desk.url).toString(), { waitUntil: "load" });
    };
    await go(page, "/login");
    await page.type("#who", "1001");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button")]);
    await sila.outbox.drainOnce();
    const code = /\d{6}/.exec(telegram.filter((t) => t.chatId === "1001").at(-1)?.message.text ?? "")?.[0];
    if (!code) throw new Error("no sign-in code reached the fake staff Telegram");
    await page.type("#code", code);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/login/code'] button")]);
    fs.mkdirSync(out, { recursive: true });
    const shoot = async (to: string, name: string) => {
      for (const [width, scale, suffix] of [[360, 2, "phone"], [1280, 1, "desktop"]] as const) {
        const tab = await browser.newPage();
        await tab.setViewport({ width, height: 760, deviceScaleFactor: scale });
        await go(tab, to);
        // The whole page by a viewport as tall as it (Chromium's full-page capture shifts right-to-left pages).
        const height = Number(await tab.evaluate("document.documentElement.scrollHeight"));
        await tab.setViewport({ width, height: Math.max(760, height), deviceScaleFactor: scale });
        await tab.screenshot({ path: path.join(out, `desk-${name}-${suffix}.png`) });
        await tab.close();
      }
    };
    await shoot("/applications", "queue");
    await shoot("/applications/A26-00001", "application");
    process.stderr.write(`desk:screenshots: written to ${out}/desk-{queue,application}-{phone,desktop}.png\n`);
  } finally {
    await browser.close();
    await desk.stop();
    await sila.outbox.stop();
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`desk:screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
