/**
 * The staff side of the Telegram adapter: commands typed in the staff group
 * or a private chat (however the slash was typed, whatever invisible mark came
 * before it), replies to a staff "reply" prompt, buttons under alerts, and the
 * buttons put under an alert. A reply carrying a person's full data
 * (`privately`) asked for in a group goes to the staff member's private chat
 * with the bot, never to the group.
 */
import type { Message, User } from "grammy/types";
import type { Locale } from "../../../orgs/schema";
import type { Translator } from "../../i18n";
import type { Logger } from "../../log";
import { commandText } from "../../staff/parse";
import type { StaffActor, StaffCommands, StaffReply } from "../../staff/types";
import type { OutboundChoice, OutboundMessage } from "../types";
import { senderName } from "./inbound";

/** What the Telegram adapter needs from the staff workspace (`createStaffCommands` gives all of it). */
export type TelegramStaff = StaffCommands & {
  /** A staff-only command, whoever typed it (so a refusal is recorded). */
  isCommand?(text: string): boolean;
  /** Buttons to put under a staff alert. */
  alertChoices?(text: string, locale?: Locale): Promise<OutboundChoice[]>;
};

export interface StaffDeskDeps {
  staff: TelegramStaff;
  translator: Pick<Translator, "t">;
  staffChatId: string | null;
  staffLocale: Locale;
  log: Logger;
  /** Sends to a chat at once (not through the outbox); throws `ChannelError`. */
  deliver(chatId: string, message: OutboundMessage, opts?: { forceReply?: boolean }): Promise<{ telegramId?: number }>;
  /** The bot's username (commands addressed to another bot are left alone). */
  botUsername(): string;
}

export interface StaffDesk {
  /** Handles a staff command (or a reply to a prompt); false when the message is not for the staff workspace. */
  message(chatId: string, msg: Message, inGroup: boolean): Promise<boolean>;
  /** Handles a press on a staff alert's button (`staff:<action>:<reference>`). */
  button(chatId: string, from: User, data: string, inGroup: boolean): Promise<void>;
  /** Staff alerts get buttons for their reference (claim, reply, close, show). */
  decorate(chatId: string, message: OutboundMessage): Promise<OutboundMessage>;
}

/** "/start" (with a bot's name or a payload), as `commandText` gives it. */
export const isStart = (command: string): boolean => /^\/start(?:@\S+)?(?:\s|$)/i.test(command);

/** A command meant for another bot in the group ("/help@other_bot"). */
export function forAnotherBot(command: string, botUsername: string): boolean {
  const m = /^\/[^\s@]+@(\S+)/.exec(command);
  return m !== null && m[1]!.toLowerCase() !== botUsername.toLowerCase();
}

export function createStaffDesk(deps: StaffDeskDeps): StaffDesk {
  const { staff, log } = deps;
  /** Staff "reply" prompts: `${chat}:${message}` → the reference a reply to it answers. */
  const prompts = new Map<string, string>();
  const remember = (key: string, reference: string) => {
    prompts.delete(key);
    prompts.set(key, reference);
    if (prompts.size > 1000) {
      const oldest = prompts.keys().next();
      if (!oldest.done) prompts.delete(oldest.value);
    }
  };

  const actorOf = (user: User): StaffActor => {
    const name = senderName({ from: user });
    return { channel: "telegram", userId: String(user.id), ...(name ? { displayName: name } : {}), ...(user.username ? { handle: user.username } : {}) };
  };

  async function send(chatId: string, message: OutboundMessage, promptFor?: string): Promise<void> {
    const sent = await deps.deliver(chatId, message, { forceReply: promptFor !== undefined });
    if (promptFor !== undefined && sent.telegramId !== undefined) remember(`${chatId}:${sent.telegramId}`, promptFor);
  }

  /**
   * Replies go straight back, not through the outbox; a failure is logged. Full data asked for in a
   * group goes to the staff member's private chat first; if that fails the group is told so, and
   * sees nothing of it.
   */
  async function reply(chatId: string, user: User, replies: StaffReply[], inGroup: boolean, promptFor?: string): Promise<void> {
    const personal = inGroup ? replies.filter((r) => r.privately) : [];
    if (personal.length > 0) {
      try {
        for (const { privately: _, ...message } of personal) await send(String(user.id), message);
      } catch (error) {
        log.warn("could not send full data to a staff member privately", { chat: chatId, user: user.id, error });
        replies = [{ text: deps.translator.t("staffcmd:show.privateFailed", deps.staffLocale) }];
      }
    }
    for (const r of replies) {
      if (inGroup && r.privately) continue;
      const { privately: _, ...message } = r;
      try {
        await send(chatId, message, promptFor);
      } catch (error) {
        log.error("could not answer a staff member", { chat: chatId, error });
      }
    }
  }

  return {
    async message(chatId, msg, inGroup) {
      const text = msg.text;
      if (text === undefined || !msg.from) return false;
      const actor = actorOf(msg.from);
      const prompt = msg.reply_to_message ? prompts.get(`${chatId}:${msg.reply_to_message.message_id}`) : undefined;
      const typed = commandText(text);
      let command: string | null = null;
      if (prompt !== undefined && typed === null) command = `/reply ${prompt} ${text}`;
      else if (typed !== null && !forAnotherBot(typed, deps.botUsername())) {
        if (inGroup) command = typed;
        else if (staff.isStaff(actor) && !isStart(typed)) command = typed;
        else if (staff.isCommand?.(typed)) command = typed;
      }
      if (command === null) return false;
      await reply(chatId, msg.from, await staff.handleText(actor, command, { group: inGroup }), inGroup);
      return true;
    },

    async button(chatId, from, data, inGroup) {
      const actor = actorOf(from);
      const replies = await staff.handleAction(actor, data, { group: inGroup });
      const prompt = data.startsWith("staff:reply:") && staff.isStaff(actor) ? data.slice("staff:reply:".length) : undefined;
      await reply(chatId, from, replies, inGroup, prompt);
    },

    async decorate(chatId, message) {
      if (chatId !== deps.staffChatId || message.choices?.length || !staff.alertChoices) return message;
      try {
        const choices = await staff.alertChoices(message.text, deps.staffLocale);
        return choices.length > 0 ? { ...message, choices } : message;
      } catch (error) {
        log.warn("could not add buttons to a staff alert", { chat: chatId, error });
        return message;
      }
    },
  };
}
