/**
 * The WhatsApp Business Cloud API channel: Meta's official API, chosen with
 * WHATSAPP_MODE=cloud. It shares the channel contract with Telegram and
 * WhatsApp Web; its parts are separate files:
 *
 * - `webhook.ts`: the endpoint Meta calls (verification, signature, size limit);
 * - `inbound.ts`: a delivery read as messages and statuses; `media.ts`: files fetched with the token;
 * - `outbound.ts`: replies as Meta's JSON (buttons, lists, templates, files), paced;
 * - `staff.ts`: staff numbers, their commands and their alerts' buttons;
 * - `graph.ts` and `meta.ts`: the Graph API calls and what each error code means.
 *
 * A delivery is answered 200 only after each of its messages is stored by the
 * engine (the turn committed, its replies in the outbox), never after the
 * replies are sent; a message that could not be stored (a file that could not
 * be fetched for now, a database failure) makes the answer 500, and Meta
 * delivers it again. Every message is deduplicated on its wamid by the
 * engine; staff commands and the adapter's own answers on a recent-ids list.
 *
 * ```ts
 * const cloud = createWhatsAppCloudChannel({ token, phoneNumberId, appSecret, verifyToken, graphUrl, apiVersion, webhook: { host, port }, ... });
 * sila.addSender(cloud);
 * await cloud.start((m) => sila.engine.handle(m).then(() => undefined), (s) => deliveries.record(s));
 * ```
 */
import type { Locale } from "../../../orgs/schema";
import { hasArabicLetters } from "../../../flows/text/arabic";
import { KeyedQueue } from "../../engine/queue";
import { WHATSAPP_WINDOW_HOURS } from "../../notices/window";
import type { Translator } from "../../i18n";
import type { Logger } from "../../log";
import { parseStaffAction } from "../../staff/parse";
import type { ChannelAdapter, DeliveryStatus, InboundMessage, OutboundMessage, StaffTarget } from "../types";
import { whatsappStaffTargets } from "../whatsapp/format";
import { createGraphClient, MediaFetchError } from "./graph";
import { CHANNEL, eventsOf, type CloudEvent } from "./inbound";
import { fetchMedia, type MediaPolicy } from "./media";
import { createAttachmentStore, type AttachmentStore } from "../attachments";
import { createCloudSender, type ListLabels } from "./outbound";
import { createCloudStaff, type CloudStaffLayer } from "./staff";
import { startWebhookServer, type WebhookServer } from "./webhook";

export { validSignature, WEBHOOK_PATH } from "./webhook";
export { renderCloud, templateParam, isCloudChatId } from "./outbound";
export { eventsOf } from "./inbound";
export { channelErrorOf } from "./meta";

/** The Graph API version used when WHATSAPP_CLOUD_API_VERSION is not set. */
export const DEFAULT_GRAPH_VERSION = "v26.0";
export const DEFAULT_GRAPH_URL = "https://graph.facebook.com";
/** Meta's customer-service window. */
export const WINDOW_HOURS = WHATSAPP_WINDOW_HOURS;

export interface WhatsAppCloudOptions {
  token: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  graphUrl?: string;
  apiVersion?: string;
  webhook: { host: string; port: number; maxBodyBytes?: number };
  /** Attachments go to `<dataDir>/attachments/`, a folder per chat (`attachmentStore`). */
  dataDir: string;
  /** The installation's attachments folder (main passes the one keyed with the secret). */
  attachmentStore?: AttachmentStore;
  attachments: { maxBytes: number; mimeTypes: readonly string[] };
  /** For the adapter's own few words (the `whatsapp` namespace). */
  translator: Pick<Translator, "t" | "locales">;
  /** Their language when the person's is unknown; default "ar". */
  locale?: Locale;
  staff?: CloudStaffLayer;
  /** Staff numbers as international digits. */
  staffNumbers?: readonly string[];
  /** Messages a second (default 80, Meta's default throughput). */
  ratePerSecond?: number;
  /** Per person: a burst, then one message every `intervalMs` (default Meta's pair limit). */
  perChat?: { intervalMs: number; burst: number };
  log: Logger;
  clock?: () => Date;
  fetch?: typeof globalThis.fetch;
}

export interface WhatsAppCloudChannel extends ChannelAdapter {
  readonly name: "whatsapp_cloud";
  readonly windowHours: number;
  /** Where the webhook listens, once started. */
  address(): { host: string; port: number } | null;
  /** Resolves when every event received so far has been handled. */
  idle(): Promise<void>;
}

/**
 * Staff alert targets for the staff numbers on the Cloud API (their WhatsApp ids are the numbers
 * in international digits). Throws `ConfigError` naming WHATSAPP_STAFF_NUMBERS for a bad number.
 */
export function cloudStaffTargets(numbers: readonly string[], locale: Locale = "ar"): StaffTarget[] {
  return whatsappStaffTargets(numbers, { locale }).map((t) => ({ channel: CHANNEL, chatId: t.chatId.replace(/@c\.us$/, ""), locale: t.locale }));
}

/** A bounded set of recent ids. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max: number) {}
  has = (id: string): boolean => this.ids.has(id);
  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
  }
}

/** Letters only Urdu uses among the Arabic script's. */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06af\u06a9]/;

export function createWhatsAppCloudChannel(options: WhatsAppCloudOptions): WhatsAppCloudChannel {
  const { log, translator } = options;
  const locale: Locale = options.locale ?? "ar";
  const clock = options.clock ?? (() => new Date());
  const graph = createGraphClient({
    graphUrl: options.graphUrl ?? DEFAULT_GRAPH_URL,
    version: options.apiVersion ?? DEFAULT_GRAPH_VERSION,
    phoneNumberId: options.phoneNumberId,
    token: options.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const served = (l: Locale) => (translator.locales as readonly string[]).includes(l);
  /** The language a rendered text is in, for the adapter's own labels. */
  const localeOfText = (text: string): Locale => {
    if (hasArabicLetters(text)) return URDU_LETTERS.test(text) && served("ur") ? "ur" : served("ar") ? "ar" : locale;
    return served("en") ? "en" : locale;
  };
  const labels: ListLabels = {
    button: (text) => translator.t("whatsapp:listButton", localeOfText(text)),
    page: (text, page, pages) => translator.t("whatsapp:listPage", localeOfText(text), { page, pages }),
  };
  const sender = createCloudSender({ graph, labels, ratePerSecond: options.ratePerSecond ?? 80, ...(options.perChat ? { perChat: options.perChat } : {}) });
  const staff = createCloudStaff({ ...(options.staff ? { staff: options.staff } : {}), staffNumbers: options.staffNumbers ?? [], locale, log });
  const media: MediaPolicy = {
    store: options.attachmentStore ?? createAttachmentStore(options.dataDir),
    maxBytes: options.attachments.maxBytes,
    mimeTypes: options.attachments.mimeTypes,
  };
  const chats = new KeyedQueue();
  /** Ids handled outside the engine (staff commands, the adapter's own answers): a redelivery does nothing. */
  const handled = new RecentIds(20_000);

  let handler: ((message: InboundMessage) => Promise<void>) | null = null;
  let onStatus: ((status: DeliveryStatus) => Promise<void>) | null = null;
  let server: WebhookServer | null = null;
  const t = (key: string, params?: Record<string, string | number>) => translator.t(`whatsapp:${key}`, locale, params);

  /** Sends outside the outbox (answers to staff, the adapter's own few words); a failure is logged. */
  async function direct(chatId: string, message: OutboundMessage): Promise<void> {
    try {
      await sender.send(chatId, message);
    } catch (error) {
      log.warn("whatsapp cloud: could not deliver a direct answer", { chat: chatId, error });
    }
  }

  async function staffWork(chatId: string, route: NonNullable<ReturnType<typeof staff.route>>): Promise<void> {
    const layer = options.staff!;
    let replies: OutboundMessage[];
    try {
      if (route.kind === "action") {
        replies = await layer.handleAction(route.actor, route.value);
        const parsed = parseStaffAction(route.value);
        if (parsed?.action === "reply" && layer.isStaff(route.actor)) staff.awaitReply(chatId, parsed.reference);
      } else replies = await layer.handleText(route.actor, route.text);
    } catch (error) {
      log.error("whatsapp cloud: a staff command failed", { chat: chatId, error });
      replies = [{ text: t("staffCommandFailed") }];
    }
    // A staff number is the staff member's own chat: everything goes back there.
    for (const { privately: _, ...r } of replies as Array<OutboundMessage & { privately?: boolean }>) await direct(chatId, r);
  }

  async function onMessage(e: Extract<CloudEvent, { type: "message" }>): Promise<void> {
    if (handled.has(e.messageId)) return;
    let content = e.content;
    if (content.kind !== "fetch") {
      const route = staff.route(e.chatId, content, e.senderName);
      if (route) {
        handled.add(e.messageId);
        await staffWork(e.chatId, route);
        return;
      }
    } else {
      try {
        content = await fetchMedia(graph, content, media, e.chatId);
      } catch (error) {
        if (error instanceof MediaFetchError && !error.transient) {
          // Gone for good (expired, deleted): the person is asked to send it again.
          log.warn("whatsapp cloud: a file could not be fetched", { chat: e.chatId, messageId: e.messageId, error });
          handled.add(e.messageId);
          await direct(e.chatId, { text: t("mediaUnavailable") });
          return;
        }
        throw error; // for now: the delivery is answered 500 and comes again
      }
    }
    await handler!({
      channel: CHANNEL,
      chatId: e.chatId,
      messageId: e.messageId,
      receivedAt: e.receivedAt,
      content,
      senderPhone: `+${e.chatId}`,
      ...(e.senderName ? { senderName: e.senderName } : {}),
    });
  }

  async function onEvent(e: CloudEvent): Promise<void> {
    switch (e.type) {
      case "message":
        return chats.run(e.chatId, () => onMessage(e));
      case "status":
        if (onStatus) await chats.run(`status:${e.status.chatId}`, () => onStatus!(e.status));
        return;
      case "unsupported":
        return chats.run(e.chatId, async () => {
          if (handled.has(e.messageId)) return;
          handled.add(e.messageId);
          log.info("whatsapp cloud: a kind of message Sila does not read", { chat: e.chatId, kind: e.kind });
          await direct(e.chatId, { text: t("cloudUnsupported") });
        });
      case "ignored":
        log.debug("whatsapp cloud: webhook content ignored", { reason: e.reason });
        return;
    }
  }

  return {
    name: "whatsapp_cloud",
    windowHours: WINDOW_HOURS,
    address: () => server?.address() ?? null,
    idle: () => chats.idle(),

    async send(chatId, message) {
      return sender.send(chatId, await staff.decorate(chatId, message));
    },

    async start(h, statusHandler) {
      if (handler) throw new Error("the WhatsApp Cloud API channel is already started");
      handler = h;
      onStatus = statusHandler ?? null;
      server = await startWebhookServer({
        appSecret: options.appSecret,
        verifyToken: options.verifyToken,
        host: options.webhook.host,
        port: options.webhook.port,
        maxBodyBytes: options.webhook.maxBodyBytes ?? 1024 * 1024,
        log,
        onDelivery: async (payload) => {
          const events = eventsOf(payload, options.phoneNumberId, clock());
          // Each chat's events in order; different chats side by side; any failure fails the delivery.
          const results = await Promise.allSettled(events.map(onEvent));
          const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
          if (failed) throw failed.reason;
        },
      });
    },

    async stop() {
      const s = server;
      server = null;
      if (s) await s.close();
      await chats.idle();
      handler = null;
      log.info("whatsapp cloud: stopped");
    },
  };
}
