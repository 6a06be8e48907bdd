/**
 * The WhatsApp channel against a fake of the client interface it uses,
 * through the real engine on a temp SQLite file. No real waits: pacing and
 * reconnect backoff run on an injected clock.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type OpenedDb } from "../db";
import { loadProfile } from "../orgs/load";
import { createSila, type Sila } from "../bot/app";
import { createLogger, type Logger } from "../bot/log";
import { createTranslator } from "../bot/i18n";
import { ChannelError, ConfigError } from "../bot/errors";
import type { InboundMessage, OutboundMessage } from "../bot/channels/types";
import type { StaffActor, StaffCommands } from "../bot/staff/types";
import { createStaffCommands } from "../bot/staff/commands";
import type { Translator } from "../bot/i18n";
import {
  createSendLimiter,
  createWhatsAppChannel,
  normalizeWhatsAppNumber,
  parseVCard,
  phoneOfContact,
  renderWhatsAppText,
  routeOf,
  sniffMime,
  toChannelError,
  whatsappStaffTargets,
  type WhatsAppChannel,
  type WhatsAppChannelOptions,
  type WhatsAppStaff,
} from "../bot/channels/whatsapp";
import { contentOf } from "../bot/channels/whatsapp/inbound";
import { CHROMIUM_ARGS, createWhatsAppWebClient, whatsAppWebClientOptions } from "../bot/channels/whatsapp/web-client";
import { FakeWhatsAppClient, fakeMessage, SMALL_PDF, type FakeMessageInit, type FakeSend } from "./fakes/whatsapp-client";
import { plain, SECRET, SUNDAY_NOON, validNationalId } from "./helpers";

const STAFF_NUMBER = "966500000001";
const STAFF_CHAT = `${STAFF_NUMBER}@c.us`;
const STAFF_GROUP = "120363000000000001@g.us";

/** A StaffCommands stand-in: records calls, refuses (and audits) anyone not configured. */
class RecordingStaff implements StaffCommands {
  readonly calls: { actor: StaffActor; text: string }[] = [];
  readonly refused: StaffActor[] = [];
  constructor(private readonly numbers: readonly string[]) {}
  /** Staff-only commands: "/start" and "/help" are not (beneficiaries type them too). */
  isCommand(text: string): boolean {
    return /^\/(?!start\b|help\b)\S/.test(text);
  }
  isStaff(actor: StaffActor): boolean {
    return actor.channel === "whatsapp" && this.numbers.includes(actor.userId);
  }
  async handleText(actor: StaffActor, text: string): Promise<OutboundMessage[]> {
    this.calls.push({ actor, text });
    if (!this.isStaff(actor)) {
      this.refused.push(actor);
      return [{ text: "STAFF-REFUSED" }];
    }
    return [{ text: `STAFF-OK ${text}`, choices: [{ value: "staff:show:A26-00001", label: "A26-00001" }] }];
  }
  async handleAction(): Promise<OutboundMessage[]> {
    return [];
  }
}

interface Rig {
  dir: string;
  opened: OpenedDb;
  sila: Sila;
  channel: WhatsAppChannel;
  clients: FakeWhatsAppClient[];
  sent: FakeSend[];
  staff: RecordingStaff;
  handled: InboundMessage[];
  logs: Record<string, unknown>[];
  sleeps: number[];
  /** Errors the next created clients' `initialize` will throw, in order. */
  initErrors: Error[];
  /** The fake clock of pacing and backoff (ms). */
  time(): number;
  client(): FakeWhatsAppClient;
  /** Emits `message` on the current client, waits for the turn and the outbox; returns what was sent to `from`. */
  say(init: FakeMessageInit | string, from?: string): Promise<string[]>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

const rigs: Rig[] = [];
afterEach(async () => {
  while (rigs.length) await rigs.pop()!.close();
});

const APPLICANT_LID = "98765432109876@lid";
const APPLICANT_CONTACT = { id: { _serialized: "966551234567@c.us" }, number: "966551234567", pushname: "أبو محمد" };

async function rig(
  options: Partial<WhatsAppChannelOptions> = {},
  makeStaff?: (deps: { opened: OpenedDb; translator: Translator; sila: () => Sila }) => WhatsAppStaff,
): Promise<Rig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-wa-"));
  const opened = await openDatabase(path.join(dir, "sila.sqlite"));
  const profile = loadProfile("maa");
  const logs: Record<string, unknown>[] = [];
  const log: Logger = createLogger("debug", (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  let t = 1_000_000;
  const sleeps: number[] = [];
  const timing = {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
  const sent: FakeSend[] = [];
  const clients: FakeWhatsAppClient[] = [];
  const initErrors: Error[] = [];
  const staff = new RecordingStaff([STAFF_NUMBER]);
  const translator = createTranslator({ locales: profile.locales });
  let silaRef: Sila | null = null;
  const channel = createWhatsAppChannel({
    createClient: () => {
      const c = new FakeWhatsAppClient(clients.length, sent, timing.now);
      c.initError = initErrors.shift() ?? null;
      clients.push(c);
      return c;
    },
    dataDir: dir,
    log,
    translator,
    staff: makeStaff ? makeStaff({ opened, translator, sila: () => silaRef! }) : staff,
    staffGroupId: STAFF_GROUP,
    qr: { output: null },
    timing,
    pacing: { minGapMs: 1_000, maxPerMinute: 30 },
    reconnect: { baseMs: 2_000, maxMs: 60_000 },
    ...options,
  });
  const sila = createSila({
    db: opened.db,
    sqlite: opened.sqlite,
    profile,
    secretKey: SECRET,
    senders: [channel],
    staff: whatsappStaffTargets([STAFF_NUMBER]),
    clock: () => SUNDAY_NOON,
    log: createLogger("silent"),
    translator,
  });
  silaRef = sila;
  const handled: InboundMessage[] = [];
  await channel.start(async (m) => {
    handled.push(m);
    await sila.engine.handle(m);
  });
  const settle = async () => {
    await channel.idle();
    await sila.engine.idle();
    await sila.outbox.drainOnce();
  };
  const r: Rig = {
    dir,
    opened,
    sila,
    channel,
    clients,
    sent,
    staff,
    handled,
    logs,
    sleeps,
    initErrors,
    time: () => t,
    client: () => clients[clients.length - 1]!,
    settle,
    async say(init, from = APPLICANT_LID) {
      const m = typeof init === "string" ? fakeMessage({ from, body: init, contact: APPLICANT_CONTACT }) : fakeMessage(init);
      const to = typeof init === "string" ? from : init.from;
      const before = sent.length;
      r.client().emit("message", m);
      await settle();
      return sent.slice(before).filter((s) => s.chatId === to).map((s) => s.content);
    },
    async close() {
      await channel.stop();
      await sila.outbox.stop();
      await opened.close();
    },
  };
  rigs.push(r);
  r.client().connect();
  return r;
}

const joined = (texts: string[]): string => plain(texts.join("\n---\n"));

describe("WhatsApp: a full application in Arabic", () => {
  it("applies with numbered choices typed as 1 and ٢, a PDF attachment and the WhatsApp number prefilled; the reference comes back", async () => {
    const r = await rig();
    const profile = loadProfile("maa");
    const greet = joined(await r.say("السلام عليكم"));
    expect(greet).toContain("وعليكم السلام");
    // The menu as numbered lines, Latin digits, from the reply's own labels.
    expect(greet).toMatch(/\n\n1\. .*تقديم طلب/);
    expect(greet).toMatch(/\n2\. /);

    const open = profile.programs.filter((p) => p.open);
    const program = open[0]!;
    await r.say("1");
    if (open.length > 1) await r.say("١");
    await r.say("1"); // privacy notice accepted
    await r.say("محمد عبدالله الحربي");
    const nid = validNationalId(31415926);
    const phoneQuestion = joined(await r.say(nid));
    // The sender's WhatsApp number is offered for the mobile field, to be confirmed.
    expect(phoneQuestion).toContain("+966551234567");
    expect(phoneQuestion).toMatch(/\n1\. /);
    await r.say("١"); // yes, that is my number
    await r.say("بريدة");
    let last = await r.say("1410/05/20");

    let consented = false;
    let attachmentAnswered = false;
    for (const f of program.fields) {
      if (f.sensitive && !consented) {
        await r.say("1");
        consented = true;
      }
      switch (f.type) {
        case "number":
          last = await r.say(String(f.min ?? 3));
          break;
        case "choice":
        case "yesno":
          last = await r.say(f.id === "housing_type" ? "٢" : "1");
          break;
        case "date":
          last = await r.say("1445/01/01");
          break;
        case "phone":
          last = await r.say("0561234567");
          break;
        case "nationalId":
          last = await r.say(validNationalId(27182818));
          break;
        case "attachment": {
          const doc = fakeMessage({
            from: APPLICANT_LID,
            type: "document",
            body: "صك الملكية",
            contact: APPLICANT_CONTACT,
            media: { mimetype: "application/pdf", data: SMALL_PDF.toString("base64"), filename: "../../etc/صك.pdf", filesize: SMALL_PDF.length },
          });
          const before = r.sent.length;
          r.client().emit("message", doc);
          await r.settle();
          last = r.sent.slice(before).map((s) => s.content);
          expect(joined(last)).not.toMatch(/نوع|حجم/); // neither a type nor a size complaint
          attachmentAnswered = true;
          break;
        }
        default:
          last = await r.say("حي الريان، بجوار المسجد");
      }
    }
    expect(attachmentAnswered).toBe(true);
    expect(joined(last)).toContain("محمد عبدالله الحربي"); // the summary
    await r.say("1"); // send
    await r.say("1"); // attest
    const done = joined(await r.say("1")); // accept the terms
    const reference = /A\d{2}-\d{5}/.exec(done)?.[0];
    expect(reference).toBeDefined();

    const app = await r.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(app.reference).toBe(reference);
    expect(app.program_id).toBe(program.id);
    const fields = JSON.parse(app.fields) as Record<string, { type: string; value?: unknown; fileRef?: string; mimeType?: string; fileName?: string }>;
    expect(fields["mobile"]).toEqual({ type: "phone", value: "+966551234567" });
    const attachment = Object.values(fields).find((f) => f.type === "attachment")!;
    expect(attachment.mimeType).toBe("application/pdf");
    expect(attachment.fileName).toBe("صك.pdf"); // no path from the sender's file name
    expect(path.dirname(path.dirname(attachment.fileRef!))).toBe(path.join(r.dir, "attachments"));
    expect(fs.readFileSync(attachment.fileRef!)).toEqual(SMALL_PDF);

    // The chat is the @lid id, kept whole; the phone came from the contact.
    const identity = await r.opened.db.selectFrom("channel_identities").selectAll().executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ channel: "whatsapp", external_id: APPLICANT_LID });
    expect(r.sent.filter((s) => s.chatId !== STAFF_CHAT).every((s) => s.chatId === APPLICANT_LID)).toBe(true);

    // The staff alert went to the configured staff number, checked on WhatsApp first.
    const alert = r.sent.find((s) => s.chatId === STAFF_CHAT && plain(s.content).includes(reference!));
    expect(alert).toBeDefined();
    expect(plain(alert!.content)).not.toContain(nid);
    expect(r.client().numberChecks).toEqual([STAFF_CHAT]);
  });

  it("offers no number for a @lid sender whose phone WhatsApp does not share, and never cuts one out of the id", async () => {
    const r = await rig();
    const lid = "123456789012345@lid";
    const contact = { id: { _serialized: lid }, number: "123456789012345" };
    const say = (body: string) => r.say({ from: lid, body, contact });
    await say("مرحبا");
    await say("1");
    if (loadProfile("maa").programs.filter((p) => p.open).length > 1) await say("1");
    await say("1");
    await say("محمد عبدالله الحربي");
    const ask = joined(await say(validNationalId(11223344)));
    expect(ask).toContain("الجوال");
    expect(ask).not.toContain("123456789012345");
    expect(r.handled.every((m) => m.senderPhone === undefined)).toBe(true);
    const contactRow = await r.opened.db.selectFrom("contacts").selectAll().executeTakeFirstOrThrow();
    expect(contactRow.phone).toBeNull();
  });
});

describe("WhatsApp: what the adapter reads", () => {
  it("processes one message once when it comes through `message` and `message_create`, and when it comes twice", async () => {
    const r = await rig();
    const m = fakeMessage({ from: "966551230000@c.us", body: "مرحبا", contact: { number: "966551230000", id: { _serialized: "966551230000@c.us" } } });
    r.client().emit("message", m);
    r.client().emit("message_create", m);
    await r.settle();
    r.client().emit("message", { ...m });
    await r.settle();
    expect(r.handled).toHaveLength(1);
    const rows = await r.opened.db.selectFrom("messages").selectAll().where("direction", "=", "in").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.channel_message_id).toBe(m.id._serialized);
    const replies = r.sent.filter((s) => s.chatId === "966551230000@c.us");
    expect(replies.length).toBeGreaterThan(0);
    // A second delivery of the whole batch would double every reply: it did not.
    expect(new Set(replies.map((s) => s.content)).size).toBe(replies.length);
  });

  it("ignores status broadcasts, channels, groups other than the staff group, and the association's own messages", async () => {
    const r = await rig();
    r.client().emit("message", fakeMessage({ from: "status@broadcast", author: "966551230001@c.us", body: "حالة", type: "image" }));
    r.client().emit("message", fakeMessage({ from: "120363999999999999@g.us", author: "966551230002@c.us", body: "1" }));
    r.client().emit("message", fakeMessage({ from: "120363999999999999@g.us", author: "966500000001@c.us", body: "/pending" }));
    r.client().emit("message_create", fakeMessage({ from: "966551230003@c.us", fromMe: true, body: "رد من الجمعية" }));
    r.client().emit("message", fakeMessage({ from: "1203630000@newsletter", body: "خبر" }));
    r.client().emit("message", fakeMessage({ from: "966551230004@c.us", type: "reaction", body: "👍" }));
    await r.settle();
    expect(r.handled).toEqual([]);
    expect(r.staff.calls).toEqual([]);
    expect(r.sent).toEqual([]);
    expect(routeOf(fakeMessage({ from: STAFF_GROUP, author: STAFF_CHAT }), STAFF_GROUP)).toMatchObject({ kind: "staffGroup" });
    expect(routeOf(fakeMessage({ from: STAFF_GROUP, author: STAFF_CHAT }))).toEqual({ kind: "ignore", reason: "group" });
  });

  it("answers a voice note with a polite request to type, or the offer of a person", async () => {
    const r = await rig();
    await r.say({ from: "966551230005@c.us", body: "السلام عليكم" });
    const out = joined(await r.say({ from: "966551230005@c.us", type: "ptt", rawData: { mimetype: "audio/ogg; codecs=opus" }, media: null }));
    expect(out).toContain("الصوتية");
    expect(out).toContain("موظف");
    expect(r.handled[1]!.content).toMatchObject({ kind: "media", mediaType: "voice", mimeType: "audio/ogg" });
  });

  it("asks for a file again when it cannot be downloaded, and takes it when it comes back", async () => {
    const r = await rig();
    const from = "966551230006@c.us";
    const m = fakeMessage({ from, type: "image", media: null });
    r.client().emit("message", m);
    await r.settle();
    expect(r.handled).toEqual([]);
    expect(r.sent.map((s) => s.content)).toEqual([createTranslator().t("whatsapp:mediaUnavailable", "ar")]);
    // Not remembered as handled: a redelivery is read.
    r.client().emit("message", fakeMessage({ from, id: m.id._serialized, type: "image", media: { mimetype: "image/png", data: PNG_1PX.toString("base64") } }));
    await r.settle();
    expect(r.handled).toHaveLength(1);
    expect(r.handled[0]!.content).toMatchObject({ kind: "media", mediaType: "image", mimeType: "image/png" });
  });

  it("keeps going after a bad message: the error is logged with the chat, never the text", async () => {
    const r = await rig();
    const from = "966551230007@c.us";
    const nid = validNationalId(99887766);
    const broken = fakeMessage({ from, type: "document", body: nid, media: { mimetype: "application/pdf", data: SMALL_PDF.toString("base64") } });
    broken.downloadMedia = async () => {
      throw new Error("Evaluation failed: media fetch");
    };
    r.client().emit("message", broken);
    await r.settle();
    const failure = r.logs.find((l) => l["msg"] === "whatsapp: a message could not be handled");
    expect(failure).toMatchObject({ chat: from, messageId: broken.id._serialized });
    expect(JSON.stringify(r.logs)).not.toContain(nid);
    // A contact lookup that fails costs only the phone.
    const out = await r.say({ from, body: "مرحبا", contact: () => Promise.reject(new Error("no contact")) });
    expect(out.length).toBeGreaterThan(0);
    expect(r.handled.at(-1)!.senderPhone).toBeUndefined();
  });
});

const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("WhatsApp: files, locations and contact cards", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-wa-media-"));
  const policy = { dir: path.join(dir, "attachments"), maxBytes: 1024, mimeTypes: ["image/jpeg", "image/png", "image/webp", "application/pdf"] };

  it("judges a file by its bytes and its size; refused files are not saved", async () => {
    const fake = await contentOf(
      fakeMessage({ from: "x@c.us", type: "document", media: { mimetype: "application/pdf", data: Buffer.from("MZ not a pdf").toString("base64"), filename: "a.pdf" } }),
      policy,
      undefined,
    );
    expect(fake).toMatchObject({ ok: true, content: { kind: "media", mimeType: "application/octet-stream" } });
    expect(fake.ok && fake.content.kind === "media" && fake.content.fileRef.startsWith("whatsapp:")).toBe(true);

    const big = fakeMessage({ from: "x@c.us", type: "image", rawData: { size: 5_000_000, mimetype: "image/jpeg" }, media: { mimetype: "image/jpeg", data: "" } });
    const tooBig = await contentOf(big, policy, undefined);
    expect(tooBig).toMatchObject({ ok: true, content: { kind: "media", mediaType: "image", size: 5_000_000 } });
    expect(big.downloads).toBe(0); // refused before downloading

    const png = await contentOf(fakeMessage({ from: "x@c.us", type: "image", media: { mimetype: "image/png", data: PNG_1PX.toString("base64") } }), policy, undefined);
    expect(png).toMatchObject({ ok: true, content: { kind: "media", mimeType: "image/png", size: PNG_1PX.length } });
    const saved = png.ok && png.content.kind === "media" ? png.content.fileRef : "";
    expect(fs.readFileSync(saved)).toEqual(PNG_1PX);
    expect(fs.statSync(saved).mode & 0o077).toBe(0); // readable by the owner only
    expect(fs.readdirSync(policy.dir)).toHaveLength(1);

    expect(sniffMime(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
  });

  it("turns a location and a contact card into their own variants", async () => {
    const loc = await contentOf(fakeMessage({ from: "x@c.us", type: "location", location: { latitude: "26.33", longitude: 43.97 } }), policy, undefined);
    expect(loc).toEqual({ ok: true, content: { kind: "location", latitude: 26.33, longitude: 43.97 } });
    const vcard = "BEGIN:VCARD\nVERSION:3.0\nN:;خالد;;;\nFN:خالد العتيبي\nTEL;type=CELL;type=VOICE;waid=966552223333:+966 55 222 3333\nEND:VCARD";
    const card = await contentOf(fakeMessage({ from: "x@c.us", type: "vcard", body: vcard, vCards: [vcard] }), policy, "+966552223333");
    expect(card).toEqual({ ok: true, content: { kind: "contact", phone: "+966552223333", name: "خالد العتيبي", own: true } });
    expect(parseVCard("BEGIN:VCARD\nFN:Sara\nitem1.TEL:055 444 1111\nEND:VCARD")).toEqual({ phone: "+966554441111", name: "Sara" });
  });

  it("takes the phone from the contact, only when it is a phone", () => {
    expect(phoneOfContact({ number: "966551234567", id: { _serialized: "966551234567@c.us" } })).toBe("+966551234567");
    expect(phoneOfContact({ number: "204837261944417", id: { _serialized: "204837261944417@lid" } })).toBeUndefined();
    expect(phoneOfContact({ number: "" })).toBeUndefined();
  });
});

describe("WhatsApp: replies", () => {
  it("renders choices as numbered lines under the text and ignores requestContact", () => {
    expect(
      renderWhatsAppText({
        text: "كيف نقدر نخدمك؟",
        choices: [
          { value: "menu:apply", label: "تقديم طلب" },
          { value: "menu:status", label: "متابعة طلب" },
        ],
        requestContact: true,
      }),
    ).toBe("كيف نقدر نخدمك؟\n\n1. تقديم طلب\n2. متابعة طلب");
    expect(renderWhatsAppText({ text: "شكراً" })).toBe("شكراً");
  });

  it("fails sends with a ChannelError: permanent for a bad id or a number not on WhatsApp, retryable otherwise", async () => {
    const r = await rig();
    await expect(r.channel.send("0551234567", { text: "x" })).rejects.toMatchObject({ name: "ChannelError", permanent: true });
    r.client().notOnWhatsApp.add("966559999999@c.us");
    await expect(r.channel.send("966559999999@c.us", { text: "x" })).rejects.toMatchObject({ permanent: true });
    r.client().failNextSend = new Error("Evaluation failed: Error: wid error: invalid wid\n    at e (https://web.whatsapp.com/:2:3883)");
    await expect(r.channel.send(APPLICANT_LID, { text: "x" })).rejects.toMatchObject({ permanent: true });
    r.client().failNextSend = new Error("Navigation timeout of 30000 ms exceeded");
    await expect(r.channel.send(APPLICANT_LID, { text: "x" })).rejects.toMatchObject({ permanent: false });
    expect(toChannelError(new Error("No LID for user"), "x@c.us").permanent).toBe(true);
    await expect(r.channel.send(APPLICANT_LID, { text: "ok" })).resolves.toMatchObject({ messageId: expect.stringContaining("OUT") });
  });

  it("paces sends: one chat's messages at least the gap apart, other chats unaffected", async () => {
    const r = await rig();
    const start = r.time();
    await r.channel.send("966551110001@c.us", { text: "أ" });
    await r.channel.send("966551110001@c.us", { text: "ب" });
    await r.channel.send("966551110002@c.us", { text: "ج" });
    const at = r.sent.map((s) => s.at - start);
    expect(at).toEqual([0, 1_000, 1_000]);
    expect(r.sleeps).toEqual([1_000]);
  });
});

describe("WhatsApp: pacing limiter", () => {
  it("waits out the per-chat gap and the per-minute cap on a fake clock, without sleeping", async () => {
    let now = 0;
    const sleeps: number[] = [];
    const limiter = createSendLimiter(
      { minGapMs: 1_000, maxPerMinute: 3 },
      {
        now: () => now,
        sleep: async (ms) => {
          sleeps.push(ms);
          now += ms;
        },
      },
    );
    await limiter.acquire("a");
    expect(limiter.delayFor("a")).toBe(1_000);
    expect(limiter.delayFor("b")).toBe(0);
    await limiter.acquire("b");
    await limiter.acquire("a"); // waits for a's gap
    expect(now).toBe(1_000);
    expect(sleeps).toEqual([1_000]);
    // Three sends in this minute: a fourth waits until the first leaves the window.
    await limiter.acquire("c");
    expect(now).toBe(60_000);
    expect(sleeps).toEqual([1_000, 59_000]);
    // Concurrent sends to one chat queue up in order, each a gap apart.
    const order: string[] = [];
    await Promise.all([limiter.acquire("d").then(() => order.push(`d1@${now}`)), limiter.acquire("d").then(() => order.push(`d2@${now}`))]);
    expect(order[0]).toMatch(/^d1@/);
    expect(order).toHaveLength(2);
    const [t1, t2] = order.map((o) => Number(o.split("@")[1]));
    expect(t2! - t1!).toBeGreaterThanOrEqual(1_000);
  });
});

describe("WhatsApp: connection", () => {
  it("after a disconnect destroys the client, starts a new one with backoff, and carries on receiving and sending", async () => {
    const r = await rig();
    const first = r.client();
    expect(r.channel.connected).toBe(true);
    expect(joined(await r.say({ from: "966551230010@c.us", body: "مرحبا" }))).not.toBe("");

    first.emit("disconnected", "NAVIGATION");
    await vi.waitFor(() => expect(r.clients).toHaveLength(2));
    const second = r.client();
    expect(first.destroyed).toBe(true);
    expect(second).not.toBe(first);
    expect(second.initialized).toBe(true);
    expect(r.sleeps).toContain(2_000); // the backoff, on the fake clock
    expect(first.listenerCount("message")).toBe(0);

    // Until the new client is ready, sends fail for a retry (the outbox keeps them).
    expect(r.channel.connected).toBe(false);
    const notReady = await r.channel.send("966551230010@c.us", { text: "x" }).catch((e: unknown) => e);
    expect(notReady).toBeInstanceOf(ChannelError);
    expect((notReady as ChannelError).permanent).toBe(false);

    second.connect();
    const out = joined(await r.say({ from: "966551230010@c.us", body: "1" }));
    expect(out).not.toBe("");
    expect(r.sent.at(-1)!.client).toBe(1);
    // An event from the old client is not read, and the old client is never used again.
    first.emit("message", fakeMessage({ from: "966551230011@c.us", body: "مرحبا" }));
    await r.settle();
    expect(r.handled.some((m) => m.chatId === "966551230011@c.us")).toBe(false);
    expect(first.usedAfterDestroy).toBe(0);

    // A second disconnect waits longer (backoff doubles until a client is ready... then starts over).
    second.emit("disconnected", "CONFLICT");
    await vi.waitFor(() => expect(r.clients).toHaveLength(3));
    expect(second.destroyed).toBe(true);
    expect(r.sleeps.filter((s) => s === 2_000)).toHaveLength(2); // ready in between reset the backoff
    expect(r.logs.filter((l) => l["msg"] === "whatsapp: disconnected; a new client will be started")).toHaveLength(2);
  });

  it("replaces a client whose browser is gone, and retries a client that fails to start with a doubling backoff", async () => {
    const r = await rig();
    const first = r.client();
    first.failNextSend = new Error("Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.");
    r.initErrors.push(new Error("Failed to launch the browser process!"), new Error("Failed to launch the browser process!"));
    await expect(r.channel.send("966551230012@c.us", { text: "x" })).rejects.toMatchObject({ permanent: false });
    await vi.waitFor(() => expect(r.clients).toHaveLength(4));
    expect(r.clients.slice(0, 3).every((c) => c.destroyed)).toBe(true);
    expect(r.sleeps).toEqual([2_000, 4_000, 8_000]);
    expect(r.logs.filter((l) => l["msg"] === "whatsapp: the client failed to start")).toHaveLength(2);
    r.client().connect();
    expect(r.channel.connected).toBe(true);
  });

  it("fails to start, with the reason, when the client cannot be built (no Chromium)", async () => {
    const channel = createWhatsAppChannel({
      createClient: () => {
        throw new ConfigError("CHROMIUM_PATH: no browser at /usr/bin/chromium");
      },
      dataDir: os.tmpdir(),
      log: createLogger("silent"),
      translator: createTranslator(),
      qr: { output: null },
    });
    await expect(channel.start(async () => undefined)).rejects.toThrow(/CHROMIUM_PATH/);
  });

  it("writes the QR code as a PNG in the data folder and prints it; removes it once linked", async () => {
    let printed = "";
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        printed += chunk.toString();
        done();
      },
    });
    const r = await rig({ qr: { output } });
    const png = path.join(r.dir, "whatsapp-qr.png");
    fs.rmSync(png, { force: true });
    r.client().emit("qr", "2@abcdefghijklmnopqrstuvwxyz0123456789,KEY1,KEY2==,KEY3==");
    await vi.waitFor(() => expect(fs.existsSync(png)).toBe(true));
    const bytes = fs.readFileSync(png);
    expect(sniffMime(bytes)).toBe("image/png");
    expect(fs.statSync(png).mode & 0o077).toBe(0);
    expect(printed.length).toBeGreaterThan(100);
    expect(r.logs.some((l) => String(l["msg"]).includes("scan the QR code") && l["file"] === png)).toBe(true);
    r.client().emit("ready");
    await vi.waitFor(() => expect(fs.existsSync(png)).toBe(false));
  });

  it("logs authentication failures clearly", async () => {
    const r = await rig();
    r.client().emit("auth_failure", "restore session failure");
    expect(r.logs.find((l) => l["level"] === "error" && String(l["msg"]).includes("authentication failed"))).toMatchObject({ reason: "restore session failure" });
  });
});

describe("WhatsApp: staff", () => {
  const staffContact = { number: STAFF_NUMBER, id: { _serialized: STAFF_CHAT }, pushname: "نورة" };

  it("passes commands from a staff number to StaffCommands and sends the replies back to that chat", async () => {
    const r = await rig();
    const out = await r.say({ from: STAFF_CHAT, body: "/pending", contact: staffContact });
    expect(r.staff.calls).toEqual([{ actor: { channel: "whatsapp", userId: STAFF_NUMBER, displayName: "نورة" }, text: "/pending" }]);
    expect(out).toEqual(["STAFF-OK /pending\n\n1. A26-00001"]);
    await r.say({ from: STAFF_CHAT, body: "المعلّقة", contact: staffContact }); // an Arabic command word, with a diacritic
    expect(r.staff.calls.at(-1)!.text).toBe("/المعلّقة"); // handed over as the command it is
    expect(r.handled).toEqual([]); // nothing reached the beneficiary engine
    // A staff member's ordinary message is a beneficiary's message.
    await r.say({ from: STAFF_CHAT, body: "مرحبا", contact: staffContact });
    expect(r.handled).toHaveLength(1);
  });

  it("lets StaffCommands refuse a command from anyone else; their other messages go to the engine", async () => {
    const r = await rig();
    const from = "966551230020@c.us";
    const contact = { number: "966551230020", id: { _serialized: from } };
    const out = await r.say({ from, body: "/stats", contact });
    expect(out).toEqual(["STAFF-REFUSED"]);
    expect(r.staff.refused).toEqual([{ channel: "whatsapp", userId: "966551230020" }]);
    expect(r.handled).toEqual([]);
    // An Arabic command word, "/start" or "/help" from a non-staff sender is ordinary text.
    await r.say({ from, body: "مساعدة", contact });
    await r.say({ from, body: "/start", contact });
    expect(r.staff.calls).toHaveLength(1);
    expect(r.handled.map((m) => m.content)).toEqual([
      { kind: "text", text: "مساعدة" },
      { kind: "text", text: "/start" },
    ]);
  });

  it("reads commands in the staff group with the author as the actor, and replies in the group", async () => {
    const r = await rig();
    const before = r.sent.length;
    r.client().emit("message", fakeMessage({ from: STAFF_GROUP, author: STAFF_CHAT, body: "/stats", contact: staffContact }));
    r.client().emit("message", fakeMessage({ from: STAFF_GROUP, author: STAFF_CHAT, body: "صباح الخير يا فريق", contact: staffContact }));
    await r.settle();
    expect(r.staff.calls).toEqual([{ actor: { channel: "whatsapp", userId: STAFF_NUMBER, displayName: "نورة" }, text: "/stats" }]);
    expect(r.sent.slice(before).map((s) => s.chatId)).toEqual([STAFF_GROUP]);
    expect(r.handled).toEqual([]);
  });

  it("works with the real staff commands: a staff number replies to a beneficiary, anyone else is refused and audited", async () => {
    const r = await rig({}, ({ opened, translator, sila }) =>
      createStaffCommands({
        db: opened.db,
        profile: loadProfile("maa"),
        translator,
        staffIds: { whatsapp: [STAFF_NUMBER] },
        staffTargets: whatsappStaffTargets([STAFF_NUMBER]),
        clock: () => SUNDAY_NOON,
        log: createLogger("silent"),
        onOutbox: () => sila().outbox.kick(),
      }),
    );
    const beneficiary = "966551230030@c.us";
    const contact = { number: "966551230030", id: { _serialized: beneficiary } };
    await r.say({ from: beneficiary, body: "السلام عليكم", contact });
    await r.say({ from: beneficiary, body: "موظف", contact });
    const alert = r.sent.find((s) => s.chatId === STAFF_CHAT);
    const ticket = /H\d{2}-\d{5}/.exec(plain(alert?.content ?? ""))?.[0];
    expect(ticket).toBeDefined();
    // No buttons on WhatsApp: the alert ends with the commands for its ticket, ready to copy.
    const commands = plain(alert!.content).split("\n").slice(-3);
    expect(commands).toEqual([`🙋 استلام: /claim ${ticket}`, `✍️ رد: /reply ${ticket} …`, `✔️ إغلاق: /close ${ticket}`]);
    // A beneficiary's messages never carry them.
    expect(r.sent.filter((s) => s.chatId === beneficiary).some((s) => s.content.includes("/claim"))).toBe(false);

    // A staff number: the command runs, the beneficiary gets the reply on WhatsApp.
    const before = r.sent.length;
    const confirm = await r.say({ from: STAFF_CHAT, body: `/reply ${ticket} أهلاً بك، نراجع طلبك الآن.`, contact: staffContact });
    expect(confirm.length).toBeGreaterThan(0);
    await r.settle();
    expect(r.sent.slice(before).some((s) => s.chatId === beneficiary && s.content.includes("نراجع طلبك الآن"))).toBe(true);
    // An Arabic alias typed without "/" by staff.
    const pending = joined(await r.say({ from: STAFF_CHAT, body: "الطلبات", contact: staffContact }));
    expect(pending).toContain(ticket);

    // Anyone else: refused, recorded, and nothing reaches the engine.
    const stranger = "966551230031@c.us";
    const handledBefore = r.handled.length;
    const refused = joined(await r.say({ from: stranger, body: `/close ${ticket}`, contact: { number: "966551230031", id: { _serialized: stranger } } }));
    expect(refused).toContain("⛔");
    expect(r.handled).toHaveLength(handledBefore);
    const audit = await r.opened.db.selectFrom("staff_audit").selectAll().orderBy("id").execute();
    expect(audit.map((a) => [a.actor_id, a.action, a.allowed])).toEqual([
      [STAFF_NUMBER, "reply", 1],
      [STAFF_NUMBER, "pending", 1],
      ["966551230031", "close", 0],
    ]);
    // "/start" from a beneficiary is theirs, not a staff command.
    await r.say({ from: stranger, body: "/start", contact: { number: "966551230031", id: { _serialized: stranger } } });
    expect(r.handled).toHaveLength(handledBefore + 1);
  });

  it("builds staff alert targets from the configured numbers", () => {
    expect(whatsappStaffTargets(["+966 50 000 0001", "0500000002", "966500000001"], { groupId: STAFF_GROUP })).toEqual([
      { channel: "whatsapp", chatId: "966500000001@c.us", locale: "ar" },
      { channel: "whatsapp", chatId: "966500000002@c.us", locale: "ar" },
      { channel: "whatsapp", chatId: STAFF_GROUP, locale: "ar" },
    ]);
    expect(() => whatsappStaffTargets(["12ab"])).toThrow(ConfigError);
    expect(normalizeWhatsAppNumber("٠٥٥١٢٣٤٥٦٧")).toBe("966551234567");
    expect(normalizeWhatsAppNumber("00966551234567")).toBe("966551234567");
  });
});

describe("WhatsApp: the real client's construction", () => {
  it("uses LocalAuth in the data folder and the system Chromium with server flags; a missing Chromium is a ConfigError", () => {
    const o = whatsAppWebClientOptions({ dataDir: "/srv/sila/data" });
    expect(o.authDataPath).toBe("/srv/sila/data/wwebjs");
    expect(o.puppeteer).toEqual({ executablePath: "/usr/bin/chromium", headless: true, args: [...CHROMIUM_ARGS] });
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(["--no-sandbox", "--disable-setuid-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"]),
    );
    expect(() => createWhatsAppWebClient({ dataDir: os.tmpdir(), chromiumPath: "/nonexistent/chromium" })).toThrow(/CHROMIUM_PATH/);
    // Built, not started: no browser is launched by construction.
    const client = createWhatsAppWebClient({ dataDir: os.tmpdir(), chromiumPath: process.execPath });
    expect(typeof client.initialize).toBe("function");
    expect(typeof client.sendMessage).toBe("function");
  });
});
