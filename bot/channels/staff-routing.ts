/**
 * Which texts on a WhatsApp chat are staff commands, for both WhatsApp
 * adapters (Web and Cloud API). Staff type "/" commands (however the slash
 * was typed) or the Arabic command words without "/"; anyone else who types
 * a staff-only command is passed to the staff layer too, which refuses and
 * audits the attempt. Everything else goes to the beneficiary engine.
 */
import { commandForm } from "../../flows/text/arabic";
import { commandText } from "../staff/parse";
import type { StaffActor, StaffCommands } from "../staff/types";

/**
 * Arabic words that start a staff command when a staff member types them
 * without "/" (the staff layer's Arabic aliases); compared in normalised form.
 */
export const DEFAULT_STAFF_COMMAND_WORDS: readonly string[] = [
  "طلبات",
  "الطلبات",
  "معلقة",
  "المعلقة",
  "عرض",
  "اعرض",
  "رد",
  "الرد",
  "إغلاق",
  "أغلق",
  "إنهاء",
  "استلام",
  "استلم",
  "إحصائيات",
  "إحصاءات",
  "قرار",
  "مساعدة",
  "أوامر",
  "الأوامر",
];

/** The staff layer as a WhatsApp adapter uses it; `isCommand` says whether a text is staff-only. */
export type StaffLayer = StaffCommands & { isCommand?(text: string): boolean };

export interface StaffTextRouter {
  isCommandWord(text: string): boolean;
  /** True for a text written as a command or starting with a command word. */
  looksLikeCommand(text: string): boolean;
  /**
   * The text to hand to the staff layer, or null for the beneficiary engine. Staff: any "/" text,
   * and a known Arabic command word (given a "/" so the layer reads it as the command). Others:
   * staff-only commands, which the layer refuses and audits; "/start", "/help" and the rest go to
   * the engine. In a staff group only command-like texts reach here.
   */
  staffText(staff: StaffLayer, text: string, actor: StaffActor, inStaffGroup?: boolean): string | null;
}

export function createStaffTextRouter(words: readonly string[] = DEFAULT_STAFF_COMMAND_WORDS): StaffTextRouter {
  const commandWords = new Set(words.map(commandForm));
  const isCommandWord = (text: string): boolean => {
    const first = commandForm(text).split(" ")[0] ?? "";
    return first !== "" && commandWords.has(first);
  };
  return {
    isCommandWord,
    looksLikeCommand: (text) => commandText(text) !== null || isCommandWord(text),
    staffText(staff, text, actor, inStaffGroup = false) {
      // A slash however typed ("/", "／"), whatever invisible mark came before it.
      const typed = commandText(text);
      if (staff.isStaff(actor)) {
        if (typed !== null) return typed;
        return isCommandWord(text) ? `/${text}` : null;
      }
      if (inStaffGroup) return typed ?? `/${text}`;
      const staffOnly = staff.isCommand ? typed !== null && staff.isCommand(typed) : typed !== null;
      return staffOnly ? typed : null;
    },
  };
}
