/**
 * An association profile's FAQ as the flows ask it: one matcher over the
 * question variants of every locale the profile carries (with the answers as
 * weak evidence), so a question is matched whatever language it is written in
 * and whatever locale the conversation is in: an Urdu question finds the Urdu
 * variants even before the conversation has switched to Urdu. The answer shown
 * is the flow's business (in the conversation's locale).
 */

import type { FaqSpec, Locale, Profile } from "../../orgs/schema";
import { commandForm } from "../text/arabic";
import { createFaqMatcher, type FaqEntry, type FaqMatcher, type FaqMatcherOptions, type FaqResult } from "./matcher";

export type FaqLookup = (query: string, locale: Locale) => FaqResult;

/** The profile's FAQs as matcher entries: every locale's questions, every locale's answer. */
export function profileFaqEntries(profile: Pick<Profile, "faqs">): FaqEntry[] {
  return profile.faqs.map((f) => ({
    id: f.id,
    questions: [...f.questions.ar, ...f.questions.en, ...(f.questions.ur ?? [])],
    answer: [f.answer.ar, f.answer.en, f.answer.ur].filter((a): a is string => typeof a === "string").join("\n"),
  }));
}

/** The profile's matcher, built once (with the profile's own synonym groups). */
export function profileFaqMatcher(profile: Pick<Profile, "faqs" | "synonyms">, options: FaqMatcherOptions = {}): FaqMatcher {
  return createFaqMatcher(profileFaqEntries(profile), { synonyms: profile.synonyms, ...options });
}

/** The lookup the flows call: the three best candidates of one matcher for the whole profile. */
export function profileFaqLookup(profile: Pick<Profile, "faqs" | "synonyms">, options: FaqMatcherOptions = {}): FaqLookup {
  const matcher = profileFaqMatcher(profile, options);
  return (query) => matcher.match(query, 3);
}

/**
 * Whether the FAQ answer should be given rather than the referral whose
 * keywords the message also holds: the answer is confident, it is not the
 * profile's "outside our scope" entry, and the message still asks the same
 * question without the referral's words («هل تعطون بياناتي لكفيلي؟» is about
 * privacy, «کیا اقامہ ضروری ہے؟» about documents); a message that is only
 * the referral's topic («ابغى سكن», «ابي علاج») goes to the referral.
 */
export function answersBeforeReferral(
  question: string,
  result: FaqResult,
  referralKeywords: string[],
  ask: (text: string) => FaqResult,
  faqs: Array<Pick<FaqSpec, "id" | "outOfScope">>,
): boolean {
  const top = result.accepted;
  if (!top || faqs.find((f) => f.id === top.id)?.outOfScope === true) return false;
  const typed = ` ${commandForm(question)} `;
  let rest = typed;
  for (const k of referralKeywords) {
    const form = commandForm(k);
    if (form !== "") rest = rest.split(` ${form} `).join(" ");
  }
  if (rest.trim() === "") return false;
  // Without them the message still points at the same answer (first among the candidates).
  return ask(rest.trim()).candidates[0]?.id === top.id;
}
