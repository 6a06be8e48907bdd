/**
 * The WhatsApp channel, on whatsapp-web.js (an unofficial client driving
 * WhatsApp Web in the system Chromium; see docs/whatsapp.md for the ban risk
 * and the official Cloud API alternative).
 *
 * The adapter depends only on `WhatsAppClientLike` (./whatsapp/client) and a
 * `createClient` factory: production passes `createWhatsAppWebClient` from
 * ./whatsapp/web-client (the only module importing the library), tests a fake.
 *
 * - Connection: QR in the terminal and in `<dataDir>/whatsapp-qr.png`;
 *   `ready`, `authenticated`, `auth_failure`, `disconnected` logged. After a
 *   disconnect the client is destroyed and a new one is created with backoff;
 *   a destroyed client is never used again.
 * - Inbound: status broadcasts, channels, the association's own messages and
 *   groups (other than the staff group) are ignored; a message seen through
 *   `message` and `message_create`, or twice, is dispatched once (and the
 *   engine dedupes on the message id besides). The chat id is the WhatsApp id
 *   as given (`@c.us` or `@lid`); the sender's phone comes from the contact.
 *   Files are checked (type by their bytes, size) and saved under
 *   `<dataDir>/attachments/`. One chat's messages are handled in order.
 * - Outbound: text with choices as numbered lines; paced per chat and overall.
 * - Staff: from a staff number, "/" commands and Arabic command words go to
 *   `StaffCommands`; from anyone else, staff-only commands go there too (the
 *   layer refuses and audits them) and everything else to the engine. The
 *   replies go back to that chat. In the staff group only commands are read.
 */
import path from "node:path";
import { KeyedQueue } from "../engine/queue";
import { ChannelError } from "../errors";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import type { Locale } from "../../orgs/schema";
import type { ChannelAdapter, InboundMessage, OutboundMessage, SendResult } from "./types";
import type { WhatsAppClientLike, WhatsAppMessageLike } from "./whatsapp/client";
import { isBrowserGone, isWhatsAppChatId, renderWhatsAppText, toChannelError } from "./whatsapp/format";
import { contentOf, HANDLED_TYPES, nameOfContact, phoneOfContact, RecentIds, routeOf, type MediaPolicy } from "./whatsapp/inbound";
import { createSendLimiter, DEFAULT_PACING, realTiming, type PacingOptions, type Timing } from "./whatsapp/pacing";
import { qrForTerminal, removeQrPng, writeQrPng } from "./whatsapp/qr";
import { createWhatsAppStaffDesk, type WhatsAppStaff } from "./whatsapp/staff-desk";
import { createAttachmentStore, type AttachmentStore } from "./attachments";

export type { WhatsAppClientLike, WhatsAppContactLike, WhatsAppMediaLike, WhatsAppMessageLike } from "./whatsapp/client";
export { isWhatsAppChatId, normalizeWhatsAppNumber, renderWhatsAppText, toChannelError, whatsappStaffTargets } from "./whatsapp/format";
export { parseVCard, phoneOfContact, routeOf, sniffMime } from "./whatsapp/inbound";
export { createSendLimiter, DEFAULT_PACING, type PacingOptions, type SendLimiter, type Timing } from "./whatsapp/pacing";
export { DEFAULT_STAFF_COMMAND_WORDS, type WhatsAppStaff } from "./whatsapp/staff-desk";

export const DEFAULT_ATTACHMENT_MIME_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

export interface WhatsAppChannelOptions {
  /** Builds a fresh client; called again after every disconnect. */
  createClient: () => WhatsAppClientLike;
  /** Sila's data folder: the QR PNG and the attachments go there. */
  dataDir: string;
  log: Logger;
  /** For the adapter's own few texts (the `whatsapp` namespace). */
  translator: Pick<Translator, "t">;
  /** Language of those texts (the adapter does not know a contact's language). Default "ar". */
  locale?: Locale;
  /** The staff-command layer; without it every message goes to the beneficiary engine. */
  staff?: WhatsAppStaff;
  /** The staff group (`…@g.us`): the only group the adapter reads, for staff commands. */
  staffGroupId?: string;
  /** Words that start a staff command for a staff member (default `DEFAULT_STAFF_COMMAND_WORDS`). */
  staffCommandWords?: readonly string[];
  /** `dir`: one folder for every chat's files (tests); by default each chat has its own in `attachmentStore`. */
  attachments?: { maxBytes?: number; mimeTypes?: readonly string[]; dir?: string };
  /** Where files are kept (a folder per chat); main passes one keyed by the installation's secret. */
  attachmentStore?: AttachmentStore;
  pacing?: PacingOptions;
  /** Delay before the first new client after a disconnect, doubling up to `maxMs`. */
  reconnect?: { baseMs?: number; maxMs?: number };
  /** Where the QR goes: the PNG path (default `<dataDir>/whatsapp-qr.png`) and the terminal (null: none). */
  qr?: { pngPath?: string; output?: NodeJS.WritableStream | null };
  /** Clock and sleep for pacing and reconnect backoff (tests inject fakes: no real waits). */
  timing?: Timing;
  clock?: () => Date;
}

export interface WhatsAppChannel extends ChannelAdapter {
  readonly name: "whatsapp";
  /** True between the current client's `ready` and its disconnect. */
  readonly connected: boolean;
  /** Resolves when every inbound message received so far has been handled. */
  idle(): Promise<void>;
}

export function createWhatsAppChannel(options: WhatsAppChannelOptions): WhatsAppChannel {
  const { log, translator } = options;
  const locale: Locale = options.locale ?? "ar";
  const timing = options.timing ?? realTiming;
  const clock = options.clock ?? (() => new Date());
  const qrPng = options.qr?.pngPath ?? path.join(options.dataDir, "whatsapp-qr.png");
  const qrOutput = options.qr?.output === undefined ? process.stdout : options.qr.output;
  const store = options.attachmentStore ?? createAttachmentStore(options.dataDir);
  const media: MediaPolicy = {
    dir: options.attachments?.dir ?? store.root,
    maxBytes: options.attachments?.maxBytes ?? 10 * 1024 * 1024,
    mimeTypes: options.attachments?.mimeTypes ?? DEFAULT_ATTACHMENT_MIME_TYPES,
  };
  const reconnectBase = options.reconnect?.baseMs ?? 5_000;
  const reconnectMax = options.reconnect?.maxMs ?? 5 * 60_000;
  const limiter = createSendLimiter(options.pacing ?? DEFAULT_PACING, timing);

  let handler: ((message: InboundMessage) => Promise<void>) | null = null;
  let client: WhatsAppClientLike | null = null;
  /** Bumped for every new client and on stop: events of an older client are ignored. */
  let generation = 0;
  let ready = false;
  let stopping = false;
  let failures = 0;
  let abort = new AbortController();
  const seen = new RecentIds(10_000);
  /** Chats known to exist on WhatsApp (they wrote to us, or the number was checked). */
  const knownChats = new RecentIds(50_000);
  const inbound = new KeyedQueue();

  const t = (key: string): string => translator.t(`whatsapp:${key}`, locale);
  const desk = options.staff
    ? createWhatsAppStaffDesk({
        staff: options.staff,
        translator,
        locale,
        log,
        ...(options.staffGroupId ? { staffGroupId: options.staffGroupId } : {}),
        ...(options.staffCommandWords ? { commandWords: options.staffCommandWords } : {}),
        send: (chatId, message) => send(chatId, message),
        notify: (chatId, message) => notify(chatId, message),
      })
    : null;

  // ---- Connection -----------------------------------------------------------

  function launch(): void {
    const created = options.createClient();
    const gen = ++generation;
    client = created;
    ready = false;
    listen(created, gen);
    log.info("whatsapp: starting the client (system Chromium)");
    created.initialize().catch((error: unknown) => {
      if (gen !== generation || stopping) return;
      log.error("whatsapp: the client failed to start", { error });
      void replace(gen, "initialize failed");
    });
  }

  function listen(c: WhatsAppClientLike, gen: number): void {
    const current = () => gen === generation && !stopping;
    let qrCount = 0;
    c.on("qr", (qr) => {
      if (!current()) return;
      // WhatsApp renews the code about every 20 seconds: say it once, then quietly refresh it.
      const level = ++qrCount === 1 ? "info" : "debug";
      log[level]("whatsapp: link the association's number: scan the QR code in WhatsApp → Linked devices", { file: qrPng });
      void showQr(qr);
    });
    c.on("authenticated", () => {
      if (!current()) return;
      log.info("whatsapp: authenticated; the session is saved, a restart will not ask for a new QR");
      void clearQr();
    });
    c.on("auth_failure", (message) => {
      if (!current()) return;
      log.error("whatsapp: authentication failed; remove the saved session (<DATA_DIR>/wwebjs) and scan a new QR", { reason: message });
    });
    c.on("ready", () => {
      if (!current()) return;
      ready = true;
      failures = 0;
      log.info("whatsapp: ready, receiving and sending messages");
      void clearQr();
    });
    c.on("disconnected", (reason) => {
      if (!current()) return;
      ready = false;
      log.warn("whatsapp: disconnected; a new client will be started", { reason: String(reason) });
      void replace(gen, String(reason));
    });
    const onMessage = (m: WhatsAppMessageLike) => {
      if (current()) receive(m);
    };
    c.on("message", onMessage);
    c.on("message_create", onMessage);
  }

  async function showQr(qr: string): Promise<void> {
    try {
      if (qrOutput) qrOutput.write(`${await qrForTerminal(qr)}\n`);
      await writeQrPng(qr, qrPng);
    } catch (error) {
      log.error("whatsapp: could not show the QR code", { file: qrPng, error });
    }
  }

  async function clearQr(): Promise<void> {
    try {
      await removeQrPng(qrPng);
    } catch (error) {
      log.warn("whatsapp: could not remove the old QR file", { file: qrPng, error });
    }
  }

  async function destroy(c: WhatsAppClientLike): Promise<void> {
    try {
      await c.destroy();
    } catch (error) {
      log.warn("whatsapp: destroying the old client failed", { error });
    }
    c.removeAllListeners();
  }

  /** Destroys the client of generation `gen` and starts a new one after a backoff. */
  async function replace(gen: number, reason: string): Promise<void> {
    if (gen !== generation || stopping) return;
    const old = client;
    generation++;
    client = null;
    ready = false;
    if (old) await destroy(old);
    for (;;) {
      const wait = Math.min(reconnectMax, reconnectBase * 2 ** failures);
      failures++;
      log.info("whatsapp: new client soon", { reason, waitMs: wait, attempt: failures });
      try {
        await timing.sleep(wait, abort.signal);
      } catch (error) {
        if (stopping) return;
        log.warn("whatsapp: reconnect wait interrupted", { error });
      }
      if (stopping) return;
      try {
        launch();
        return;
      } catch (error) {
        log.error("whatsapp: could not create a new client", { error });
      }
    }
  }

  // ---- Inbound --------------------------------------------------------------

  function receive(message: WhatsAppMessageLike): void {
    const id = message?.id?._serialized;
    if (!id || !handler) return;
    // Skipped types are not remembered: a message still being decrypted comes back later with the same id.
    if (!HANDLED_TYPES.has(message.type)) {
      log.debug("whatsapp: message type skipped", { type: message.type });
      return;
    }
    if (seen.has(id)) return; // the same message through `message` and `message_create`, or redelivered
    seen.add(id);
    const route = routeOf(message, options.staffGroupId);
    if (route.kind === "ignore") {
      // A group's id is logged (at debug) so an administrator can find the staff group's id to configure.
      log.debug("whatsapp: message ignored", { reason: route.reason, ...(route.reason === "group" ? { chat: message.from } : {}) });
      return;
    }
    knownChats.add(route.chatId);
    void inbound.run(route.chatId, async () => {
      try {
        if (route.kind === "staffGroup") await fromStaffGroup(message, route.chatId);
        else await fromPerson(message, route.chatId, id);
      } catch (error) {
        // The error boundary of one message: log the chat, never the text; let a redelivery try again.
        seen.delete(id);
        log.error("whatsapp: a message could not be handled", { chat: route.chatId, messageId: id, type: message.type, error });
      }
    });
  }

  async function contactOf(message: WhatsAppMessageLike, chatId: string): Promise<{ phone?: string; name?: string }> {
    try {
      const contact = await message.getContact();
      const phone = phoneOfContact(contact);
      const name = nameOfContact(contact);
      return { ...(phone ? { phone } : {}), ...(name ? { name } : {}) };
    } catch (error) {
      log.warn("whatsapp: sender's contact unavailable", { chat: chatId, error });
      return {};
    }
  }

  async function fromPerson(message: WhatsAppMessageLike, chatId: string, id: string): Promise<void> {
    const sender = await contactOf(message, chatId);
    if (message.type === "chat" && desk) {
      const actor = desk.actorOf(chatId, sender);
      const command = desk.staffText((message.body ?? "").trim(), actor, false);
      if (command !== null) {
        await desk.run(chatId, actor, command);
        return;
      }
    }
    // Each chat's files in a folder of its own (erasing a person removes it whole).
    const result = await contentOf(message, options.attachments?.dir ? media : { ...media, dir: store.folderFor("whatsapp", chatId) }, sender.phone);
    if (!result.ok) {
      if (result.reason === "mediaUnavailable") {
        seen.delete(id);
        log.warn("whatsapp: a file could not be downloaded", { chat: chatId, messageId: id, type: message.type });
        await notify(chatId, t("mediaUnavailable"));
      }
      return;
    }
    await handler!({
      channel: "whatsapp",
      chatId,
      messageId: id,
      receivedAt: message.timestamp && message.timestamp > 0 ? new Date(message.timestamp * 1000) : clock(),
      content: result.content,
      ...(sender.name ? { senderName: sender.name } : {}),
      ...(sender.phone ? { senderPhone: sender.phone } : {}),
    });
  }

  /** In the staff group only commands are read (staff talk among themselves there); a non-staff member's command is refused by the layer. */
  async function fromStaffGroup(message: WhatsAppMessageLike, groupId: string): Promise<void> {
    if (!desk || message.type !== "chat") return;
    const text = (message.body ?? "").trim();
    if (!desk.looksLikeCommand(text)) return;
    const sender = await contactOf(message, groupId);
    const actor = desk.actorOf(message.author ?? groupId, sender);
    const command = desk.staffText(text, actor, true);
    if (command !== null) await desk.run(groupId, actor, command);
  }

  /** Sends outside the outbox (staff replies, notices); a failure is logged, not thrown. */
  async function notify(chatId: string, message: string | OutboundMessage): Promise<void> {
    try {
      await send(chatId, typeof message === "string" ? { text: message } : message);
    } catch (error) {
      log.warn("whatsapp: could not deliver a direct reply", { chat: chatId, error });
    }
  }

  // ---- Outbound -------------------------------------------------------------

  const notConnected = () => new ChannelError("WhatsApp is not connected yet", { permanent: false });

  async function send(chatId: string, message: OutboundMessage): Promise<SendResult> {
    if (!isWhatsAppChatId(chatId)) throw new ChannelError(`not a WhatsApp chat id: ${chatId}`, { permanent: true });
    if (!client || !ready) throw notConnected();
    const text = renderWhatsAppText(desk ? await desk.withStaffCommands(chatId, message) : message);
    try {
      await limiter.acquire(chatId, abort.signal);
    } catch (error) {
      if (stopping) throw new ChannelError("WhatsApp is stopping", { permanent: false, cause: error });
      throw error;
    }
    const c = client;
    const gen = generation;
    if (!c || !ready || stopping) throw notConnected();
    try {
      if (chatId.endsWith("@c.us") && !knownChats.has(chatId) && c.getNumberId) {
        // A number that never wrote (a staff number): make sure it is on WhatsApp before the first send.
        if (!(await c.getNumberId(chatId))) throw new ChannelError(`${chatId} is not on WhatsApp`, { permanent: true });
        knownChats.add(chatId);
      }
      const sent = await c.sendMessage(chatId, text);
      if (!sent) throw new ChannelError(`WhatsApp has no chat ${chatId}`, { permanent: true });
      return { messageId: sent.id._serialized };
    } catch (error) {
      if (isBrowserGone(error)) {
        log.warn("whatsapp: the browser is gone; a new client will be started", { chat: chatId });
        ready = false;
        void replace(gen, "browser gone");
      }
      throw toChannelError(error, chatId);
    }
  }

  return {
    name: "whatsapp",
    get connected() {
      return ready;
    },
    send,
    async start(h) {
      if (handler) throw new Error("the WhatsApp channel is already started");
      handler = h;
      stopping = false;
      abort = new AbortController();
      launch(); // a missing Chromium throws here (ConfigError), so start-up fails with the reason
    },
    async stop() {
      stopping = true;
      abort.abort();
      await inbound.idle(); // finish the messages in hand
      const c = client;
      client = null;
      ready = false;
      generation++;
      handler = null;
      if (c) await destroy(c);
      log.info("whatsapp: stopped");
    },
    idle: () => inbound.idle(),
  };
}
