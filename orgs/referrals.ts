/**
 * The referral directory in an association's profile: the topics outside the
 * association's work that a beneficiary may ask about (each with everyday
 * words per language, matched by meaning through the FAQ's analysis), and the
 * partners who cover them: which topics, which cities or regions, how to reach
 * them, and for every way of reaching them the day it was last checked and
 * where it came from.
 *
 * A contact without both `checked` and `source` is never shown to a
 * beneficiary: the referral then goes to staff, who reach the partner or
 * answer the beneficiary themselves. A number that is not a number (or is a
 * placeholder such as +966500000000) stops start-up, naming the file and field.
 */
import { z } from "zod";

const localized = z.object({ ar: z.string().min(1), en: z.string().min(1), ur: z.string().min(1).optional() });
const localizedList = z.object({
  ar: z.array(z.string().min(1)).min(1),
  en: z.array(z.string().min(1)).min(1),
  ur: z.array(z.string().min(1)).optional(),
});
const slugId = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a lower-case id: letters, digits, _");
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)");
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected the day it was checked, YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a real calendar day");

const DIGITS: Record<string, string> = Object.fromEntries(
  [..."٠١٢٣٤٥٦٧٨٩"].map((d, i) => [d, String(i)]).concat([..."۰۱۲۳۴۵۶۷۸۹"].map((d, i) => [d, String(i)])),
);
const latin = (s: string): string => s.replace(/[٠-٩۰-۹]/g, (d) => DIGITS[d] ?? d);

/**
 * The national number of a Saudi mobile written in any usual way (+966…, 00966…, 0…), or null.
 * Used to recognise placeholders such as +966500000000 or 0500000000.
 */
function saudiMobileDigits(digits: string): string | null {
  const national = digits.replace(/^(?:00966|966|0)/, "");
  return /^5\d{8}$/.test(national) ? national : null;
}

/**
 * A number that stands in for a real one: a Saudi mobile 5 followed by six
 * zeros and two more digits (+966500000000 to +966500000099, 0500000000, …),
 * found anywhere in a text, in any digit script. (A format shown as a hint,
 * "05xxxxxxxx", is not a number to call and is left alone.)
 */
export function placeholderNumbers(text: string): string[] {
  const found: string[] = [];
  const plain = latin(text);
  for (const m of plain.matchAll(/(?:\+|\b)[\d][\d\s\-–.]{7,}\d/g)) {
    const national = saudiMobileDigits(m[0].replace(/\D/g, ""));
    if (national !== null && /^50{6}\d{2}$/.test(national)) found.push(m[0].trim());
  }
  return found;
}

/**
 * A phone number as a beneficiary can dial it: a national short number (937,
 * 1919, 19911, 116111), a toll-free 800 number, a unified 9200 number, or an
 * international number (+9665… for a Saudi mobile, +9661… for a landline).
 */
export function isDialable(value: string): boolean {
  if (/^\d{3,6}$/.test(value)) return true;
  if (/^800\d{7}$/.test(value) || /^9200\d{5}$/.test(value)) return true;
  if (value.startsWith("+966")) return /^\+966(5\d{8}|1\d{8})$/.test(value);
  return /^\+[1-9]\d{7,14}$/.test(value);
}

const phoneNumber = z.string().refine(isDialable, {
  message: "not a phone number: write a national number (937, 19911), 800xxxxxxx, 9200xxxxx or +9665xxxxxxxx, digits only",
});
const whatsappNumber = z.string().regex(/^\+[1-9]\d{7,14}$/, "a WhatsApp number in international form, e.g. +9665xxxxxxxx");

/** When a line answers or an office receives: "always" (day and night), or the week's hours (Riyadh time). */
export const partnerHours = z.union([
  z.literal("always"),
  z.object({ days: z.array(z.number().int().min(0).max(6)).min(1), open: hhmm, close: hhmm }),
]);
export type PartnerHours = z.infer<typeof partnerHours>;

/** Where a contact came from and when it was last checked; a contact without both is never shown. */
const verification = {
  checked: isoDay.optional(),
  source: z.string().min(3).optional(),
};

export const partnerContact = z.discriminatedUnion("type", [
  z.object({ type: z.literal("phone"), value: phoneNumber, hours: partnerHours.optional(), ...verification }),
  z.object({ type: z.literal("whatsapp"), value: whatsappNumber, hours: partnerHours.optional(), ...verification }),
  z.object({ type: z.literal("website"), value: z.string().regex(/^https:\/\/[^\s]+$/, "an https:// address"), ...verification }),
  z.object({ type: z.literal("address"), value: localized, hours: partnerHours.optional(), ...verification }),
]);
export type PartnerContact = z.infer<typeof partnerContact>;

/**
 * How a summary of a referral reaches the partner once the beneficiary agrees:
 * a chat Sila writes to (through the outbox), or "staff" (staff pass it on
 * themselves). Without it, a partner with a verified contact is only named:
 * the beneficiary reaches it.
 */
export const partnerHandover = z.union([
  z.literal("staff"),
  z.object({
    channel: z.enum(["telegram", "whatsapp", "whatsapp_cloud"]),
    /** The partner's chat: a Telegram chat id, or a WhatsApp number in international form. */
    chatId: z.string().min(1),
    checked: isoDay,
    source: z.string().min(3),
  }),
]);
export type PartnerHandover = z.infer<typeof partnerHandover>;

export const referralTopic = z.object({
  id: slugId,
  /** What the beneficiary asks for, as it is named back to them. */
  name: localized,
  /** Everyday words and phrases for it, per language: matched by meaning (FAQ analysis), not letter by letter. */
  words: localizedList,
});
export type ReferralTopic = z.infer<typeof referralTopic>;

export const referralPartner = z.object({
  id: slugId,
  name: localized,
  /** The topics it covers. */
  topics: z.array(slugId).min(1),
  /** The cities or regions it serves (each with its names and the cities in it); absent: the whole Kingdom. */
  areas: z.array(localizedList).min(1).optional(),
  contacts: z.array(partnerContact).default([]),
  handover: partnerHandover.optional(),
});
export type ReferralPartner = z.infer<typeof referralPartner>;

export const referralDirectory = z
  .object({
    /** Days after the referral when the beneficiary is asked whether the partner helped. */
    followUpDays: z.number().int().min(1).max(90).default(7),
    /** Days after an unanswered (or "still waiting") question before the one reminder, and after it before "no answer". */
    reminderDays: z.number().int().min(1).max(30).default(3),
    topics: z.array(referralTopic).default([]),
    partners: z.array(referralPartner).default([]),
  })
  .superRefine((d, ctx) => {
    const topics = new Set<string>();
    d.topics.forEach((t, i) => {
      if (topics.has(t.id)) ctx.addIssue({ code: "custom", path: ["topics", i, "id"], message: `duplicate topic id "${t.id}"` });
      topics.add(t.id);
    });
    const partners = new Set<string>();
    d.partners.forEach((p, i) => {
      if (partners.has(p.id)) ctx.addIssue({ code: "custom", path: ["partners", i, "id"], message: `duplicate partner id "${p.id}"` });
      partners.add(p.id);
      p.topics.forEach((id, j) => {
        if (!topics.has(id)) ctx.addIssue({ code: "custom", path: ["partners", i, "topics", j], message: `no referral topic with id "${id}"` });
      });
      p.contacts.forEach((c, j) => {
        if ((c.checked === undefined) !== (c.source === undefined)) {
          ctx.addIssue({ code: "custom", path: ["partners", i, "contacts", j, c.checked === undefined ? "checked" : "source"], message: "a contact is verified with both the day it was checked and its source (or neither: then it is never shown)" });
        }
      });
    });
  });
export type ReferralDirectory = z.infer<typeof referralDirectory>;

export const EMPTY_DIRECTORY: ReferralDirectory = { followUpDays: 7, reminderDays: 3, topics: [], partners: [] };

/** True when the contact may be shown to a beneficiary: checked on a day, from a named source. */
export const isVerified = (c: PartnerContact): boolean => c.checked !== undefined && c.source !== undefined;

/**
 * Every placeholder number anywhere in a parsed profile, with the path of the
 * text that holds it (for the loader's message: file and field).
 */
export function placeholdersIn(value: unknown, at: Array<string | number> = []): Array<{ path: Array<string | number>; number: string }> {
  if (typeof value === "string") return placeholderNumbers(value).map((number) => ({ path: at, number }));
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholdersIn(v, [...at, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => placeholdersIn(v, [...at, k]));
  return [];
}
