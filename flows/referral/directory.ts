/**
 * Reading the profile's referral directory: the partners of a topic, the one
 * that serves the beneficiary's city, the contacts that may be shown (checked
 * on a day, from a named source), and how each reads to a beneficiary, with
 * when the partner is open. Pure.
 */
import { isVerified } from "../../orgs/referrals";
import type { PartnerContact, PartnerHours, Profile, ReferralPartner, ReferralTopic } from "../../orgs/schema";
import { createCalendar } from "../calendar";
import { openingText, weeklyHoursText } from "../calendar/text";
import { editDistance, stripArticle, tokenize } from "../faq/normalize";
import { t } from "../reply";
import type { FlowContext, Text } from "../types";

type Directory = Profile["referrals"];

export const topicById = (d: Directory, id: string): ReferralTopic | undefined => d.topics.find((x) => x.id === id);
export const partnerById = (d: Directory, id: string | null): ReferralPartner | undefined =>
  id === null ? undefined : d.partners.find((p) => p.id === id);
export const partnersOf = (d: Directory, topicId: string): ReferralPartner[] => d.partners.filter((p) => p.topics.includes(topicId));

/** The contacts of a partner a beneficiary may be given. */
export const verifiedContacts = (p: ReferralPartner): PartnerContact[] => p.contacts.filter(isVerified);

/** Whether the topic's partner depends on where the beneficiary lives (some partner serves only some cities). */
export const needsCity = (d: Directory, topicId: string): boolean => partnersOf(d, topicId).some((p) => p.areas !== undefined);

/** Words around a city that are not its name: «انا ساكن في عرعر», "I live in Arar", «مدينة بريدة». */
const FILLERS = new Set(
  ["انا", "ساكن", "ساكنه", "اسكن", "نسكن", "في", "من", "مدينه", "محافظه", "منطقه", "قريه", "حي", "i", "live", "im", "am", "in", "from", "the", "city", "of", "میں", "رہتا", "رہتی", "ہوں", "شہر"].map(
    (w) => tokenize(w).join(" "),
  ),
);

const nameWords = (text: string): string[] => tokenize(text).map(stripArticle).filter((w) => !FILLERS.has(w));

/** True when `city` (as typed) is one of the names of an area (any language, a typo allowed in a long name). */
export function inArea(area: { ar: string[]; en: string[]; ur?: string[] | undefined }, city: string): boolean {
  const typed = nameWords(city).join(" ");
  if (typed === "") return false;
  return [...area.ar, ...area.en, ...(area.ur ?? [])].some((name) => {
    const n = nameWords(name).join(" ");
    return n === typed || (n.length >= 5 && editDistance(n, typed, 1) <= 1);
  });
}

export const servesCity = (p: ReferralPartner, city: string): boolean => p.areas === undefined || p.areas.some((a) => inArea(a, city));

/**
 * The partner for a topic and a city: one that serves that city by name
 * first, else one that serves the whole Kingdom; among them one with a
 * contact that may be shown. Null when no partner serves the city (staff then
 * find one). Without a city, only partners of the whole Kingdom qualify.
 */
export function choosePartner(d: Directory, topicId: string, city: string | null): ReferralPartner | null {
  const all = partnersOf(d, topicId);
  const local = city === null ? [] : all.filter((p) => p.areas !== undefined && servesCity(p, city));
  const national = all.filter((p) => p.areas === undefined);
  const ranked = [...local, ...national];
  return ranked.find((p) => verifiedContacts(p).length > 0) ?? ranked[0] ?? null;
}

/** Staff take the referral on: no partner for the city, or no contact of it that may be shown. */
export const staffHandled = (p: ReferralPartner | null): boolean => p === null || verifiedContacts(p).length === 0;

/** The beneficiary is asked whether a summary may go to the partner: staff pass it on, or the profile gives a way. */
export const offersHandover = (p: ReferralPartner | null): boolean => p !== null && (staffHandled(p) || p.handover !== undefined);

/** "Open day and night", or the week's hours with whether it is open now (else when it opens). */
export function hoursText(hours: PartnerHours, ctx: FlowContext): Text {
  if (hours === "always") return t("referral:hoursAlways");
  const office = ctx.calendar.profile;
  const calendar = createCalendar({
    workingHours: hours,
    quietHours: office.quietHours,
    committee: office.committee,
    // Their own week; the association's closures and Ramadan hours are not theirs.
    calendar: { ...office.calendar, closures: [], ramadanHours: undefined },
  });
  const opening = calendar.nextOpening(ctx.now);
  return t("referral:hours", {
    hours: weeklyHoursText(hours),
    now: opening.openNow ? t("referral:openNow") : t("referral:opensAt", { when: openingText({ ...opening, after: null, ramadan: false }) }),
  });
}

/** One contact as a line: the way, the value, and its hours when given. */
function contactLine(c: PartnerContact, ctx: FlowContext): Text {
  const value: Text = c.type === "address" ? { localized: c.value } : { ltr: c.value };
  const line = t(`referral:contact.${c.type}`, { value });
  const hours = "hours" in c && c.hours !== undefined ? hoursText(c.hours, ctx) : null;
  return hours ? { list: [line, hours], lines: true } : line;
}

/** How to reach the partner, a line per contact that may be shown (none for a partner staff reach). */
export function contactLines(p: ReferralPartner, ctx: FlowContext): Text[] {
  return verifiedContacts(p).map((c) => contactLine(c, ctx));
}

/** The partner's contacts as one line of text ("937; https://…") for an application's refusal. */
export function contactSummary(p: ReferralPartner): Text | null {
  const shown = verifiedContacts(p).filter((c) => c.type !== "address");
  if (shown.length === 0) return null;
  return { list: shown.map((c) => ({ ltr: c.value as string })) };
}
