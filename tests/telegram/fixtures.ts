/**
 * Building blocks for Telegram tests: the bot's identity, updates as
 * Telegram sends them, and an API transformer that records every call the
 * real grammY bot makes and answers it without a network.
 */
import type { TelegramChannel } from "../../bot/channels/telegram";

export type Update = Parameters<TelegramChannel["bot"]["handleUpdate"]>[0];
type BotInfo = TelegramChannel["bot"]["botInfo"];

export const TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop";

export const BOT_INFO: BotInfo = {
  id: 4242,
  is_bot: true,
  first_name: "Sila",
  username: "sila_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export const BENEFICIARY: FakeUser = { id: 5001, first_name: "سارة", last_name: "العتيبي", language_code: "ar" };
export const STAFF_USER: FakeUser = { id: 900, first_name: "نورة" };
export const STRANGER: FakeUser = { id: 777, first_name: "Mallory" };
export const STAFF_GROUP = -100500;

let updateId = 1;
let messageId = 1;

const user = (u: FakeUser) => ({ ...u, is_bot: false as const });
const privateChat = (u: FakeUser) => ({ id: u.id, type: "private" as const, first_name: u.first_name });

/** A message from `from` in their private chat with the bot (or in a group). */
export function messageUpdate(from: FakeUser, fields: Record<string, unknown>, chat?: { id: number; type: "group" | "supergroup"; title: string }): Update {
  return {
    update_id: updateId++,
    message: { message_id: messageId++, date: 1_790_000_000, chat: chat ?? privateChat(from), from: user(from), ...fields },
  } as unknown as Update;
}

export const textUpdate = (from: FakeUser, text: string) => messageUpdate(from, { text });

export const groupText = (from: FakeUser, text: string, extra: Record<string, unknown> = {}) =>
  messageUpdate(from, { text, ...extra }, { id: STAFF_GROUP, type: "supergroup", title: "Staff" });

/** A button press under `message` (the bot's message with its keyboard). */
export function callbackUpdate(from: FakeUser, data: string, message?: Record<string, unknown>, chatId?: number): Update {
  return {
    update_id: updateId++,
    callback_query: {
      id: `cq${updateId}`,
      from: user(from),
      chat_instance: "ci",
      data,
      message: {
        message_id: messageId++,
        date: 1_790_000_000,
        chat: chatId !== undefined && chatId < 0 ? { id: chatId, type: "supergroup", title: "Staff" } : privateChat(from),
        from: { id: BOT_INFO.id, is_bot: true, first_name: "Sila" },
        text: "…",
        ...message,
      },
    },
  } as unknown as Update;
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export type Responder = (call: ApiCall) => { ok: boolean; [k: string]: unknown } | undefined;

/**
 * Records every API call of `channel.bot` and answers it: sendMessage with a
 * message, anything else with `true`, unless `responder` answers first.
 */
export function captureApi(channel: TelegramChannel, responder?: Responder): ApiCall[] {
  const calls: ApiCall[] = [];
  let sent = 1000;
  channel.bot.api.config.use(async (_prev, method, payload) => {
    const call = { method, payload: payload as unknown as Record<string, unknown> };
    calls.push(call);
    const custom = responder?.(call);
    if (custom) return custom as never;
    if (method === "sendMessage") {
      return {
        ok: true,
        result: { message_id: ++sent, date: 0, chat: { id: Number(call.payload.chat_id), type: "private", first_name: "x" }, text: call.payload.text },
      } as never;
    }
    return { ok: true, result: true } as never;
  });
  return calls;
}

export const sends = (calls: ApiCall[]) => calls.filter((c) => c.method === "sendMessage");
