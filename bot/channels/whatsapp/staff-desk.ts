/**
 * The staff side of the WhatsApp adapter: which texts are staff commands
 * (from a staff number: "/" commands however the slash was typed, and the
 * Arabic command words; from anyone else: staff-only commands, refused and
 * audited by the staff layer), where the replies go (full data asked for in
 * the staff group goes to the staff member's own number, never the group),
 * and the commands written under a staff alert (WhatsApp has no buttons).
 */
import type { Locale } from "../../../orgs/schema";
import { ChannelError } from "../../errors";
import { isolate, type Translator } from "../../i18n";
import type { Logger } from "../../log";
import { parseStaffAction } from "../../staff/parse";
import { createStaffTextRouter } from "../staff-routing";
import type { StaffActor, StaffCommands, StaffReply } from "../../staff/types";
import type { OutboundChoice, OutboundMessage } from "../types";

export { DEFAULT_STAFF_COMMAND_WORDS } from "../staff-routing";

/**
 * The staff-command layer as the adapter uses it. `isCommand`, when the
 * layer has it, says whether a text is a staff-only command ("/help" and
 * "/start" are not: beneficiaries type them too); without it, any "/" text is.
 */
export type WhatsAppStaff = StaffCommands & {
  isCommand?(text: string): boolean;
  /** The actions on a staff alert's reference (shown as commands to copy under the alert). */
  alertChoices?(text: string, locale?: Locale): Promise<OutboundChoice[]>;
};

export interface WhatsAppStaffDeskDeps {
  staff: WhatsAppStaff;
  translator: Pick<Translator, "t">;
  locale: Locale;
  log: Logger;
  staffGroupId?: string;
  commandWords?: readonly string[];
  /** Sends at once; throws `ChannelError`. */
  send(chatId: string, message: OutboundMessage): Promise<unknown>;
  /** Sends at once; a failure is logged, not thrown. */
  notify(chatId: string, message: OutboundMessage): Promise<void>;
}

export interface WhatsAppStaffDesk {
  actorOf(senderId: string, sender: { phone?: string; name?: string }): StaffActor;
  /** True for a text written as a command or starting with a command word (what the staff group passes on). */
  looksLikeCommand(text: string): boolean;
  /** The text to hand to the staff layer, or null for the beneficiary engine. */
  staffText(text: string, actor: StaffActor, inStaffGroup: boolean): string | null;
  /** Runs a staff command and sends its replies. */
  run(chatId: string, actor: StaffActor, text: string): Promise<void>;
  /** A staff alert to a staff chat, with the commands for its reference written under it. */
  withStaffCommands(chatId: string, message: OutboundMessage): Promise<OutboundMessage>;
}

export function createWhatsAppStaffDesk(deps: WhatsAppStaffDeskDeps): WhatsAppStaffDesk {
  const { staff, translator, locale, log } = deps;
  const router = createStaffTextRouter(deps.commandWords);

  /** A staff chat: the staff group, or a configured staff number. */
  const isStaffChat = (chatId: string): boolean =>
    chatId === deps.staffGroupId || (chatId.endsWith("@c.us") && staff.isStaff({ channel: "whatsapp", userId: chatId.slice(0, -"@c.us".length) }));

  return {
    actorOf: (senderId, sender) => ({
      channel: "whatsapp",
      // Staff numbers are configured as international digits; an unknown phone leaves the WhatsApp id.
      userId: sender.phone ? sender.phone.slice(1) : senderId,
      ...(sender.name ? { displayName: sender.name } : {}),
    }),

    looksLikeCommand: router.looksLikeCommand,

    staffText: (text, actor, inStaffGroup) => router.staffText(staff, text, actor, inStaffGroup),

    async run(chatId, actor, text) {
      const inGroup = chatId === deps.staffGroupId;
      let replies: StaffReply[];
      try {
        replies = await staff.handleText(actor, text, { group: inGroup });
      } catch (error) {
        log.error("whatsapp: a staff command failed", { chat: chatId, error });
        replies = [{ text: translator.t("whatsapp:staffCommandFailed", locale) }];
      }
      // Full data asked for in the group goes to the staff member's own number, never to the group.
      const personal = inGroup ? replies.filter((r) => r.privately) : [];
      if (personal.length > 0) {
        const own = /^\d{8,15}$/.test(actor.userId) ? `${actor.userId}@c.us` : null;
        try {
          if (!own) throw new ChannelError("the staff member's own number is not known", { permanent: true });
          for (const { privately: _, ...message } of personal) await deps.send(own, message);
        } catch (error) {
          log.warn("whatsapp: could not send full data to a staff member privately", { chat: chatId, error });
          replies = [{ text: translator.t(own ? "staffcmd:show.privateFailed" : "staffcmd:show.noPrivateChat", locale) }];
        }
      }
      for (const { privately, ...reply } of replies) if (!(inGroup && privately)) await deps.notify(chatId, reply);
    },

    /**
     * WhatsApp has no buttons: a staff alert ends with the commands that act on its reference
     * ("🙋 Claim: /claim H26-00012"), ready to copy, as Telegram shows buttons.
     */
    async withStaffCommands(chatId, message) {
      if (message.choices?.length || !staff.alertChoices || !isStaffChat(chatId)) return message;
      try {
        const actions = await staff.alertChoices(message.text, locale);
        if (actions.length === 0) return message;
        const lines = actions.flatMap((a) => {
          const parsed = parseStaffAction(a.value);
          if (!parsed) return [];
          const command = `/${parsed.action} ${parsed.reference}${parsed.action === "reply" ? " …" : ""}`;
          return [translator.t("staffcmd:alertCommand", locale, { action: a.label, command: isolate(command) })];
        });
        if (lines.length === 0) return message;
        return { ...message, text: `${message.text}\n\n${lines.join("\n")}` };
      } catch (error) {
        log.warn("whatsapp: could not add the commands to a staff alert", { chat: chatId, error });
        return message;
      }
    },
  };
}
