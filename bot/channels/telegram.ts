/**
 * The Telegram channel (grammY). Beneficiaries write to the bot in private
 * chats; each update becomes one typed `InboundMessage` for the engine.
 * Staff work from a group (or a private chat with the bot): their commands
 * and button presses go to the staff workspace, never to the beneficiary
 * engine; anything else in a group is ignored.
 *
 * Updates arrive by long polling (grammY runner, turns of one chat kept in
 * order) or, when configured, by a webhook served on 127.0.0.1 that checks
 * Telegram's secret-token header. Sending is throttled within Telegram's
 * limits, and failures become `ChannelError`s the outbox acts on.
 *
 * ```ts
 * const telegram = createTelegramChannel({ token, apiRoot, staffChatId, staff, translator, dataDir, attachments, log });
 * sila.addSender(telegram);
 * await telegram.start((m) => sila.engine.handle(m).then(() => undefined));
 * ```
 */
import type http from "node:http";
import { Bot, type Context } from "grammy";
import type { CallbackQuery, User, UserFromGetMe } from "grammy/types";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import type { Locale } from "../../orgs/schema";
import type { StaffTarget } from "../engine";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import type { ChannelAdapter, InboundContent, InboundMessage } from "./types";
import { createAttachmentStore, type AttachmentStore } from "./attachments";
import { fetchMedia, type Download } from "./telegram/media";
import { senderName, translateMessage } from "./telegram/inbound";
import { createRateLimiter, type RateLimiterOptions } from "./telegram/limiter";
import { CallbackCodec } from "./telegram/render";
import { createTelegramSender } from "./telegram/send";
import { createStaffDesk, forAnotherBot, isStart, type TelegramStaff } from "./telegram/staff-desk";
import { commandText } from "../staff/parse";
import { startWebhookServer, type TelegramWebhookOptions } from "./telegram/webhook";

export type { TelegramWebhookOptions } from "./telegram/webhook";
export type { TelegramStaff } from "./telegram/staff-desk";

export interface TelegramChannelOptions {
  token: string;
  /** Bot API server; default https://api.telegram.org. */
  apiRoot?: string;
  /** The staff group's chat id (negative for groups). Alerts go there; commands are taken there. */
  staffChatId?: string;
  /** The staff workspace (who is staff is configured there). */
  staff: TelegramStaff;
  translator: Translator;
  /** Language of the staff group (alert buttons); default "ar". */
  staffLocale?: Locale;
  /** Language of the adapter's own few words when the person's is unknown; default "ar". */
  defaultLocale?: Locale;
  /** Attachments are written to `<dataDir>/attachments/`. */
  dataDir: string;
  /** Where files are kept (a folder per chat); main passes one keyed by the installation's secret. */
  attachmentStore?: AttachmentStore;
  attachments: { maxBytes: number; mimeTypes: readonly string[] };
  log: Logger;
  /** Known bot identity (tests); without it `start` asks Telegram (getMe). */
  botInfo?: UserFromGetMe;
  /** Receive updates by webhook instead of long polling. */
  webhook?: TelegramWebhookOptions;
  /** "none": updates only through `bot.handleUpdate` (tests). Default: webhook when configured, else polling. */
  transport?: "polling" | "webhook" | "none";
  /** Send limits (and an injectable clock and sleep for tests). */
  throttle?: RateLimiterOptions;
  /** Long-polling timeout in seconds; default 30. */
  pollingTimeoutSeconds?: number;
  /** fetch for file downloads (tests); default the global one. */
  fetch?: typeof globalThis.fetch;
  clock?: () => Date;
}

export interface TelegramChannel extends ChannelAdapter {
  /** The grammY bot: tests drive it with `handleUpdate` and catch its calls with an API transformer. */
  readonly bot: Bot;
  /** The staff group as an alert target, when configured. */
  readonly staffTarget: StaffTarget | null;
  /** Where the webhook server listens, once started in webhook mode. */
  webhookAddress(): { host: string; port: number } | null;
}

const DEFAULT_API_ROOT = "https://api.telegram.org";

/** The staff group as the engine's alert target (none when no staff chat is configured). */
export function telegramStaffTargets(staffChatId: string | undefined, locale: Locale = "ar"): StaffTarget[] {
  return staffChatId ? [{ channel: "telegram", chatId: staffChatId, locale }] : [];
}
const UPDATES = ["message", "callback_query"] as const;

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { token, staff, translator, log } = options;
  const apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, "");
  const staffChatId = options.staffChatId ?? null;
  const staffLocale: Locale = options.staffLocale ?? "ar";
  const defaultLocale: Locale = options.defaultLocale ?? "ar";
  const store = options.attachmentStore ?? createAttachmentStore(options.dataDir);
  const clock = options.clock ?? (() => new Date());
  const transport = options.transport ?? (options.webhook ? "webhook" : "polling");

  const bot = new Bot(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { apiRoot },
  });
  const codec = new CallbackCodec();
  const inflight = new Set<Promise<unknown>>();

  let handler: ((message: InboundMessage) => Promise<void>) | null = null;
  let runner: RunnerHandle | null = null;
  let server: http.Server | null = null;
  let listening: { host: string; port: number } | null = null;
  let stopping = false;

  const localeOf = (user?: User): Locale => {
    const code = user?.language_code?.slice(0, 2);
    return code && (translator.locales as readonly string[]).includes(code) ? (code as Locale) : defaultLocale;
  };
  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    const done = () => {
      inflight.delete(p);
    };
    p.then(done, done);
    return p;
  };
  const deliver = createTelegramSender({ api: bot.api, translator, defaultLocale, codec, limiter: createRateLimiter(options.throttle) });

  const desk = createStaffDesk({
    staff,
    translator,
    staffChatId,
    staffLocale,
    log,
    deliver,
    botUsername: () => bot.botInfo.username,
  });

  // ---- Receiving -------------------------------------------------------------

  async function dispatch(message: InboundMessage): Promise<void> {
    if (!handler) {
      log.warn("telegram update before start; ignored", { chat: message.chatId });
      return;
    }
    await handler(message);
  }

  async function answerButton(ctx: Context, text?: string): Promise<void> {
    try {
      await ctx.answerCallbackQuery(text ? { text } : undefined);
    } catch (error) {
      log.warn("could not answer a button press", { chat: ctx.chat?.id, error });
    }
  }

  /** A file message's content; null when the download failed (the sender is asked to send it again). */
  async function mediaContent(tr: Download, chatId: string, from?: User): Promise<InboundContent | null> {
    const content = await fetchMedia(
      { api: bot.api, token, apiRoot, store, attachments: options.attachments, log, ...(options.fetch ? { fetch: options.fetch } : {}) },
      tr,
      chatId,
    );
    if (content) return content;
    try {
      await deliver(chatId, { text: translator.t("telegram:downloadFailed", localeOf(from)) });
    } catch (sendError) {
      log.warn("could not tell the sender their file failed", { chat: chatId, error: sendError });
    }
    return null;
  }

  async function onMessage(ctx: Context): Promise<void> {
    const msg = ctx.message;
    if (!msg || !msg.from || msg.from.is_bot) return;
    const chatId = String(msg.chat.id);
    if (msg.chat.type !== "private") {
      // Groups: only the staff group, and only commands (or replies to a staff prompt).
      const typed = msg.text === undefined ? null : commandText(msg.text);
      if (chatId === staffChatId) await desk.message(chatId, msg, true);
      else if (typed !== null && isStart(typed) && !forAnotherBot(typed, bot.botInfo.username)) {
        // Someone tried the bot in another group: point them to a private chat; nothing else is read here.
        try {
          await deliver(chatId, { text: translator.t("telegram:staffOnlyHere", localeOf(msg.from)) });
        } catch (error) {
          log.warn("could not answer in another group", { chat: chatId, error });
        }
      }
      return;
    }
    if (await desk.message(chatId, msg, false)) return;

    const tr = translateMessage(msg);
    if (tr.type === "ignore") {
      log.debug("telegram message of a kind Sila does not take; ignored", { chat: chatId });
      return;
    }
    const content = tr.type === "content" ? tr.content : await mediaContent(tr, chatId, msg.from);
    if (!content) return;
    const name = senderName(msg);
    await dispatch({
      channel: "telegram",
      chatId,
      messageId: `${chatId}:${msg.message_id}`,
      receivedAt: new Date(msg.date * 1000),
      content,
      ...(name ? { senderName: name } : {}),
    });
  }

  function buttonLabel(cq: CallbackQuery, data: string): string | null {
    const m = cq.message;
    if (!m || !("reply_markup" in m) || !m.reply_markup) return null;
    for (const row of m.reply_markup.inline_keyboard) {
      for (const b of row) if ("callback_data" in b && b.callback_data === data) return b.text;
    }
    return null;
  }

  async function onCallback(ctx: Context): Promise<void> {
    const cq = ctx.callbackQuery;
    if (!cq) return;
    const chat = cq.message?.chat;
    const chatId = String(chat?.id ?? cq.from.id);
    const data = cq.data;
    if (data === undefined || cq.from.is_bot) {
      await answerButton(ctx);
      return;
    }
    if (data.startsWith("staff:")) {
      await answerButton(ctx);
      await desk.button(chatId, cq.from, data, chat !== undefined && chat.type !== "private");
      return;
    }
    if (chat && chat.type !== "private") {
      await answerButton(ctx);
      return;
    }
    const value = codec.decode(data);
    let content: InboundContent;
    if (value !== null) content = { kind: "choice", value };
    else {
      // A long value's hash from before a restart: the button's label is matched like typed text.
      const label = buttonLabel(cq, data);
      if (label === null) {
        await answerButton(ctx, translator.t("telegram:buttonExpired", localeOf(cq.from)));
        return;
      }
      content = { kind: "text", text: label };
    }
    await answerButton(ctx);
    const name = senderName({ from: cq.from });
    await dispatch({
      channel: "telegram",
      chatId,
      messageId: `cb:${cq.id}`,
      receivedAt: clock(),
      content,
      ...(name ? { senderName: name } : {}),
    });
  }

  /**
   * The error boundary of one update: a failure is logged with the chat (never
   * a token or an ID number) and goes no further, so one bad update never
   * stops the bot, whether it came by polling or by webhook.
   */
  const boundary = (work: (ctx: Context) => Promise<void>) => async (ctx: Context) => {
    try {
      await work(ctx);
    } catch (error) {
      log.error("telegram update failed", { chat: ctx.chat?.id ?? ctx.from?.id, update: ctx.update.update_id, error });
    }
  };

  // Every update in hand is tracked, so `stop` can wait for it.
  bot.use((_ctx, next) => track(next()));
  // Turns of one chat in order, different chats side by side.
  bot.use(
    sequentialize((ctx: Context) => {
      const id = ctx.chat?.id ?? ctx.from?.id;
      return id === undefined ? undefined : String(id);
    }),
  );
  bot.on("callback_query", boundary(onCallback));
  bot.on("message", boundary(onMessage));
  // A second line of defence, for errors outside the handlers above.
  bot.catch((err) => {
    log.error("telegram update failed", { chat: err.ctx.chat?.id, update: err.ctx.update.update_id, error: err.error });
  });
  // The runner retries failed polls silently; say so in our own log.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const res = await prev(method, payload, signal);
      if (method === "getUpdates" && !res.ok && !stopping) log.warn("telegram polling refused", { code: res.error_code, reason: res.description });
      return res;
    } catch (error) {
      if (method === "getUpdates" && !stopping) log.warn("telegram polling failed; retrying", { error });
      throw error;
    }
  });

  // ---- Starting and stopping -------------------------------------------------

  async function startWebhook(config: TelegramWebhookOptions): Promise<void> {
    const started = await startWebhookServer(bot, config, log);
    server = started.server;
    listening = { host: started.host, port: started.port };
    await bot.api.setWebhook(config.url, { secret_token: config.secret, allowed_updates: [...UPDATES] });
  }

  async function startPolling(): Promise<void> {
    // Polling and a webhook exclude each other; updates waiting at Telegram are kept.
    await bot.api.deleteWebhook();
    runner = run(bot, {
      runner: {
        fetch: { timeout: options.pollingTimeoutSeconds ?? 30, allowed_updates: [...UPDATES] },
        silent: true,
      },
    });
    runner.task()?.catch((error: unknown) => log.error("telegram polling stopped", { error }));
    log.info("telegram polling started", { bot: bot.botInfo.username });
  }

  return {
    name: "telegram",
    bot,
    staffTarget: telegramStaffTargets(staffChatId ?? undefined, staffLocale)[0] ?? null,
    webhookAddress: () => listening,

    async send(chatId, message) {
      const sent = await deliver(chatId, await desk.decorate(chatId, message));
      return sent.messageId !== undefined ? { messageId: sent.messageId } : {};
    },

    async start(h) {
      handler = h;
      stopping = false;
      if (transport === "none") return;
      await bot.init();
      if (transport === "webhook") {
        if (!options.webhook) throw new Error("telegram webhook transport needs webhook options");
        await startWebhook(options.webhook);
      } else await startPolling();
    },

    async stop() {
      stopping = true;
      const r = runner;
      runner = null;
      if (r) await r.stop();
      const s = server;
      server = null;
      if (s) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeIdleConnections();
        });
        listening = null;
      }
      // Finish the updates in hand (downloads, turns) before the engine is drained.
      await Promise.allSettled([...inflight]);
    },
  };
}
