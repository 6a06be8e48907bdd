/**
 * An association profile's FAQ as the flows ask it: one matcher over the
 * question variants of every locale the profile carries (with the answers as
 * weak evidence), so a question is matched whatever language it is written in
 * and whatever locale the conversation is in: an Urdu question finds the Urdu
 * variants even before the conversation has switched to Urdu. The answer shown
 * is the flow's business (in the conversation's locale).
 */

import type { FaqSpec, Locale, Profile } from "../../orgs/schema";
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

/** The score from which an FAQ answer is given before a referral keyword in the same message. */
export const FAQ_BEFORE_REFERRAL = 0.5;

/**
 * Whether the FAQ answer should be given rather than a referral whose keyword
 * the message also holds: a confident answer that is not the profile's
 * "outside our scope" entry («هل تعطون بياناتي لكفيلي؟» is about privacy,
 * «کیا اقامہ ضروری ہے؟» about documents; «ابي علاج» is for the referral).
 */
export function answersBeforeReferral(result: FaqResult, faqs: Array<Pick<FaqSpec, "id" | "outOfScope">>): boolean {
  const top = result.accepted;
  if (!top || top.score < FAQ_BEFORE_REFERRAL) return false;
  return faqs.find((f) => f.id === top.id)?.outOfScope !== true;
}
