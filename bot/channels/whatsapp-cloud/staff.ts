/**
 * Staff on the Cloud API. The staff numbers (WHATSAPP_STAFF_NUMBERS) get
 * their alerts with reply buttons for the reference (claim, reply, close,
 * show), as on Telegram; a button press or a command from a staff number goes
 * to the staff layer, and its answer straight back to that chat. After
 * "reply", the staff member's next plain text is the reply to the beneficiary.
 */
import type { Locale } from "../../../orgs/schema";
import type { Logger } from "../../log";
import type { StaffActor } from "../../staff/types";
import { createStaffTextRouter, type StaffLayer } from "../staff-routing";
import type { InboundContent, OutboundChoice, OutboundMessage } from "../types";

export type CloudStaffLayer = StaffLayer & {
  /** The actions on a staff alert's reference, as buttons. */
  alertChoices?(text: string, locale?: Locale): Promise<OutboundChoice[]>;
};

/** What to do with a message from a chat, as far as staff are concerned. */
export type StaffRoute = { kind: "command"; actor: StaffActor; text: string } | { kind: "action"; actor: StaffActor; value: string } | null;

export interface CloudStaffOptions {
  staff?: CloudStaffLayer;
  /** Staff numbers as international digits (the chat ids of their alerts). */
  staffNumbers: readonly string[];
  locale: Locale;
  log: Logger;
  commandWords?: readonly string[];
}

/** Replies waiting for their text: a staff chat → the reference its "reply" button named (kept 30 minutes). */
const PROMPT_TTL_MS = 30 * 60_000;

export function createCloudStaff(options: CloudStaffOptions) {
  const router = createStaffTextRouter(options.commandWords);
  const numbers = new Set(options.staffNumbers);
  const prompts = new Map<string, { reference: string; at: number }>();

  const actorOf = (chatId: string, name?: string): StaffActor => ({ channel: "whatsapp_cloud", userId: chatId, ...(name ? { displayName: name } : {}) });

  return {
    isStaffChat: (chatId: string): boolean => numbers.has(chatId),

    /** A staff command or button for the staff layer, or null when the message goes to the engine. */
    route(chatId: string, content: InboundContent, senderName?: string): StaffRoute {
      const staff = options.staff;
      if (!staff) return null;
      const actor = actorOf(chatId, senderName);
      if (content.kind === "choice" && content.value.startsWith("staff:")) {
        prompts.delete(chatId);
        return { kind: "action", actor, value: content.value };
      }
      if (content.kind !== "text") return null;
      const text = content.text.trim();
      const prompt = prompts.get(chatId);
      if (prompt && staff.isStaff(actor) && !/^[/／]/.test(text)) {
        prompts.delete(chatId);
        if (Date.now() - prompt.at <= PROMPT_TTL_MS && text !== "") return { kind: "command", actor, text: `/reply ${prompt.reference} ${text}` };
      }
      const command = router.staffText(staff, text, actor);
      return command === null ? null : { kind: "command", actor, text: command };
    },

    /** After a "reply" button: the staff member's next plain text answers `reference`. */
    awaitReply(chatId: string, reference: string): void {
      prompts.set(chatId, { reference, at: Date.now() });
      if (prompts.size > 1000) prompts.delete(prompts.keys().next().value!);
    },

    /** A staff alert gets buttons for its reference. */
    async decorate(chatId: string, message: OutboundMessage): Promise<OutboundMessage> {
      if (!numbers.has(chatId) || message.choices?.length || message.template || !options.staff?.alertChoices) return message;
      try {
        const choices = await options.staff.alertChoices(message.text, options.locale);
        return choices.length > 0 ? { ...message, choices } : message;
      } catch (error) {
        options.log.warn("whatsapp cloud: could not add buttons to a staff alert", { chat: chatId, error });
        return message;
      }
    },
  };
}

export type CloudStaff = ReturnType<typeof createCloudStaff>;
