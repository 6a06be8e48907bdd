/**
 * Reading a staff command as typed: "/pending", "/show A26-00001",
 * "/reply H26-00003 text", Arabic aliases ("/طلبات", "/عرض", "/رد", ...),
 * with Telegram's "@botname" suffix, any digit script and any hamza form.
 */
import { normalizeArabic, toLatinDigits } from "../../flows/text/arabic";

export type StaffCommandName = "help" | "pending" | "show" | "reply" | "close" | "claim" | "stats" | "decide" | "closure" | "closures" | "referral";

const ALIASES: Record<StaffCommandName, readonly string[]> = {
  help: ["help", "start", "commands", "مساعدة", "مساعده", "أوامر", "الأوامر"],
  pending: ["pending", "list", "queue", "طلبات", "الطلبات", "معلقة", "المعلقة"],
  show: ["show", "view", "open", "عرض", "اعرض"],
  reply: ["reply", "answer", "رد", "الرد"],
  close: ["close", "end", "إغلاق", "اغلاق", "أغلق", "إنهاء", "انهاء"],
  claim: ["claim", "take", "استلام", "استلم"],
  stats: ["stats", "statistics", "إحصائيات", "احصائيات", "إحصاءات", "احصاءات"],
  decide: ["decide", "decision", "قرار"],
  closure: ["closure", "holiday", "إجازة", "اجازة", "عطلة"],
  closures: ["closures", "holidays", "الإجازات", "الاجازات", "إجازات", "اجازات", "العطل"],
  referral: ["referral", "refer", "إحالة", "احالة", "الإحالة", "الاحالة"],
};

const BY_WORD: ReadonlyMap<string, StaffCommandName> = new Map(
  (Object.entries(ALIASES) as [StaffCommandName, readonly string[]][]).flatMap(([name, words]) =>
    words.map((w) => [normalizeArabic(w), name] as const),
  ),
);

/** Application and ticket references: a letter, the two-digit year, a counter ("A26-00001"). */
export const REFERENCE_PATTERN = /[A-Z]\d{2}-\d{5,}/;

/** What a staff alert's button (or, on WhatsApp, its command line) does to its reference. */
export const STAFF_ACTIONS = ["claim", "close", "show", "reply"] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** The value of a staff alert's button: "staff:<action>:<reference>". */
export const staffActionValue = (action: StaffAction, reference: string): string => `staff:${action}:${reference}`;

/** The action and reference of a button value, or null when it is not a valid one. */
export function parseStaffAction(value: string): { action: StaffAction; reference: string } | null {
  const m = /^staff:([a-z]+):(.+)$/.exec(value);
  if (!m || !(STAFF_ACTIONS as readonly string[]).includes(m[1]!)) return null;
  const reference = parseReference(m[2]!);
  return reference ? { action: m[1] as StaffAction, reference } : null;
}

/** The reference written in `word` (any case or digit script, isolates ignored), or null. */
export function parseReference(word: string): string | null {
  const w = toLatinDigits(word.replace(/[\u2066-\u2069\u200e\u200f]/g, "")).trim().toUpperCase();
  return new RegExp(`^${REFERENCE_PATTERN.source}$`).test(w) ? w : null;
}

/** The first reference mentioned anywhere in a text (an alert), or null. */
export function findReference(text: string): string | null {
  const m = REFERENCE_PATTERN.exec(toLatinDigits(text.replace(/[\u2066-\u2069\u200e\u200f]/g, "")));
  return m ? m[0] : null;
}

export interface ParsedCommand {
  /** null: a "/word" that is no staff command. */
  name: StaffCommandName | null;
  /** The command word as typed, without "/" and "@bot". */
  word: string;
  /** The first argument read as a reference, when it is one. */
  reference: string | null;
  /** The first argument as typed. */
  firstArg: string | null;
  /** Everything after the first argument, line breaks kept (a reply's text). */
  rest: string;
}

/** What a phone may put before a command: spaces, direction marks, isolates, zero-width characters, a BOM. */
const LEADING_MARKS = /^[\s\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/;
/** A slash as typed on any keyboard: "/", the full-width "／", the division and fraction slashes. */
const SLASH = /^[/\uff0f\u2215\u2044]/;

/**
 * The text as a "/command ..." line, with what came before the slash removed and the slash made
 * "/" ("\u200f／عرض A26-00001" → "/عرض A26-00001"); null when it is not written as a command.
 */
export function commandText(text: string): string | null {
  const trimmed = text.replace(LEADING_MARKS, "");
  return SLASH.test(trimmed) ? `/${trimmed.slice(1)}` : null;
}

/** Reads a "/command ..." line; null when the text is not a command at all. */
export function parseStaffCommand(text: string): ParsedCommand | null {
  const trimmed = commandText(text);
  if (trimmed === null) return null;
  const m = /^\/([^\s@]+)(?:@\S+)?(?:\s+(\S+))?([\s\S]*)$/u.exec(trimmed);
  if (!m) return null;
  const word = m[1]!;
  const firstArg = m[2] ?? null;
  return {
    name: BY_WORD.get(normalizeArabic(word)) ?? null,
    word,
    reference: firstArg ? parseReference(firstArg) : null,
    firstArg,
    rest: (m[3] ?? "").trim(),
  };
}

/**
 * True when `text` is a command only staff use (any alias). "/help" and
 * "/start" are not: beneficiaries type them too.
 */
export function isStaffCommand(text: string): boolean {
  const name = parseStaffCommand(text)?.name;
  return name !== null && name !== undefined && name !== "help";
}
