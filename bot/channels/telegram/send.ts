/**
 * Sending one message on Telegram: split past Telegram's length limit, the
 * keyboard with the last part (inline buttons, the share-my-number button, a
 * staff reply prompt, or removing the share button once it has served), each
 * part within the send limits. A failure becomes a `ChannelError`; parts
 * already sent are not sent again when the outbox retries.
 */
import { createHash } from "node:crypto";
import type { Api } from "grammy";
import type { Message } from "grammy/types";
import { hasArabicLetters } from "../../../flows/text/arabic";
import type { Locale } from "../../../orgs/schema";
import type { Translator } from "../../i18n";
import type { OutboundMessage, SendResult } from "../types";
import { toChannelError } from "./errors";
import type { RateLimiter } from "./limiter";
import { contactKeyboard, inlineKeyboard, splitText, type CallbackCodec } from "./render";

type ReplyMarkup =
  | ReturnType<typeof inlineKeyboard>
  | ReturnType<typeof contactKeyboard>
  | { remove_keyboard: true }
  | { force_reply: true; input_field_placeholder?: string };

export interface DeliverOptions {
  /** Show the reply interface (a staff "reply" prompt). */
  forceReply?: boolean;
}

export type Deliver = (chatId: string, message: OutboundMessage, opts?: DeliverOptions) => Promise<SendResult & { telegramId?: number }>;

export function createTelegramSender(deps: {
  api: Pick<Api, "sendMessage">;
  translator: Pick<Translator, "t" | "locales">;
  defaultLocale: Locale;
  codec: CallbackCodec;
  limiter: RateLimiter;
}): Deliver {
  const { translator, defaultLocale } = deps;
  /** Chats currently showing the share-number keyboard (removed with the next plain message). */
  const replyKeyboards = new Set<string>();
  /** Parts of a long message already sent, so a retry does not repeat them. */
  const partsSent = new Map<string, number>();
  const remember = (key: string, value: number) => {
    partsSent.delete(key);
    partsSent.set(key, value);
    if (partsSent.size > 1000) {
      const oldest = partsSent.keys().next();
      if (!oldest.done) partsSent.delete(oldest.value);
    }
  };

  /** The language a rendered text is in, for the adapter's own button labels. */
  const has = (l: Locale) => (translator.locales as readonly string[]).includes(l);
  const localeOfText = (text: string): Locale => (hasArabicLetters(text) ? (has("ar") ? "ar" : defaultLocale) : has("en") ? "en" : defaultLocale);

  function markupFor(chatId: string, message: OutboundMessage, opts: DeliverOptions): ReplyMarkup | undefined {
    if (message.requestContact) {
      replyKeyboards.add(chatId);
      return contactKeyboard(translator.t("telegram:shareContact", localeOfText(message.text)), message.choices ?? []);
    }
    if (message.choices?.length) return inlineKeyboard(message.choices, deps.codec);
    if (opts.forceReply) return { force_reply: true };
    if (replyKeyboards.delete(chatId)) return { remove_keyboard: true };
    return undefined;
  }

  return async (chatId, message, opts = {}) => {
    const parts = splitText(message.text);
    const progressKey = parts.length > 1 ? `${chatId}:${createHash("sha1").update(message.text).digest("hex")}` : null;
    const already = progressKey ? (partsSent.get(progressKey) ?? 0) : 0;
    const markup = markupFor(chatId, message, opts);
    let last: Message.TextMessage | undefined;
    for (let i = already; i < parts.length; i++) {
      await deps.limiter.acquire(chatId);
      const isLast = i === parts.length - 1;
      try {
        last = await deps.api.sendMessage(chatId, parts[i]!, isLast && markup ? { reply_markup: markup } : {});
      } catch (error) {
        if (markup && "remove_keyboard" in markup) replyKeyboards.add(chatId);
        throw toChannelError(error);
      }
      if (progressKey && !isLast) remember(progressKey, i + 1);
    }
    if (progressKey) partsSent.delete(progressKey);
    return last ? { messageId: String(last.message_id), telegramId: last.message_id } : {};
  };
}
