/**
 * Which texts on a WhatsApp chat are staff commands. Staff type "/" commands
 * or the Arabic command words without "/"; anyone else who types a
 * staff-only command is passed to the staff layer too, which refuses and
 * audits the attempt. Everything else goes to the beneficiary engine.
 * Shared by the WhatsApp Web and Cloud API adapters.
 */
import { commandForm } from "../../flows/text/arabic";
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

export function createStaffTextRouter(words: readonly string[] = DEFAULT_STAFF_COMMAND_WORDS) {
  const commandWords = new Set(words.map(commandForm));
  const isCommandWord = (text: string): boolean => {
    const first = commandForm(text).split(" ")[0] ?? "";
    return first !== "" && commandWords.has(first);
  };
  return {
    isCommandWord,
    /**
     * The text to hand to the staff layer, or null for the beneficiary engine.
     * In a staff group only command-like texts reach here.
     */
    staffText(staff: StaffLayer | undefined, text: string, actor: StaffActor, inStaffGroup = false): string | null {
      if (!staff) return null;
      const slash = /^[/／]/.test(text);
      if (staff.isStaff(actor)) {
        if (slash) return text;
        return isCommandWord(text) ? `/${text}` : null;
      }
      if (inStaffGroup) return slash ? text : `/${text}`;
      const staffOnly = staff.isCommand ? staff.isCommand(text) : slash;
      return staffOnly ? text : null;
    },
  };
}
