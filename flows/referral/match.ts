/**
 * Recognising a request outside the association's work by meaning, through
 * the same understanding layer as the FAQ: each referral topic of the profile
 * is an entry of an FAQ matcher whose "questions" are the topic's words in
 * every language, analysed into the FAQ lexicon's concepts (food, money, rent,
 * salary, health, children…), stems and typo forms. «عندكم سلال غذائيه؟»,
 * "Do you help with rent or food?" and «مجھے راشن چاہیے» find the food-aid
 * topic without any of them being typed as listed.
 *
 * Then the FAQ and the topic are weighed as before: an FAQ answered with
 * confidence that still answers the message without the topic's words wins
 * (`answersBeforeReferral`), unless it is the profile's "outside our scope"
 * answer, which the referral (the body to go to) replaces.
 */
import type { Profile, ReferralTopic } from "../../orgs/schema";
import { createFaqMatcher, type FaqMatcher, type FaqResult } from "../faq/matcher";
import { answersBeforeReferral } from "../faq/profile";
import type { FlowContext } from "../types";

const matchers = new WeakMap<Profile["referrals"], FaqMatcher>();

const wordsOf = (topic: ReferralTopic): string[] => [...topic.words.ar, ...topic.words.en, ...(topic.words.ur ?? [])];

/** The profile's topic matcher, built once per profile (with the profile's own synonym groups). */
function topicMatcher(profile: Pick<Profile, "referrals" | "synonyms">): FaqMatcher {
  let m = matchers.get(profile.referrals);
  if (!m) {
    m = createFaqMatcher(
      profile.referrals.topics.map((topic) => ({
        id: topic.id,
        questions: wordsOf(topic),
        // The topic's name, in every language, is weak evidence as an FAQ's answer is.
        answer: [topic.name.ar, topic.name.en, topic.name.ur].filter((x): x is string => typeof x === "string").join("\n"),
      })),
      { synonyms: profile.synonyms },
    );
    matchers.set(profile.referrals, m);
  }
  return m;
}

/**
 * Question words: a topic's words are things, not questions, so «وين» or "where can I" in front of
 * them («بنتي عندها توحد وين اوديها», "where can I take my autistic son") says how it is asked, not what.
 */
const ASKING = new Set([
  "وين", "اين", "أين", "فين", "وش", "ايش", "إيش", "شو", "كيف", "متى", "هل", "ممكن", "مين", "لمن", "عند",
  "where", "what", "how", "can", "could", "who", "which", "when", "do", "does", "is", "are", "should", "i", "to",
  "کہاں", "کدھر", "کیا", "کیسے", "کون", "کس", "kahan", "kidhar", "kya", "kaise", "kaun", "kis",
]);

const withoutAsking = (text: string): string =>
  text
    .split(/\s+/)
    .filter((w) => !ASKING.has(w.replace(/[?؟.,!،]/g, "").toLowerCase()))
    .join(" ");

/** The referral topic a message asks for, by meaning, if it clears the matcher's threshold. */
export function topicOf(question: string, profile: Pick<Profile, "referrals" | "synonyms">): ReferralTopic | null {
  if (profile.referrals.topics.length === 0) return null;
  const matcher = topicMatcher(profile);
  const found = matcher.match(question, 3).accepted ?? matcher.match(withoutAsking(question), 3).accepted;
  return found ? (profile.referrals.topics.find((t) => t.id === found.id) ?? null) : null;
}

/**
 * The topic to refer the message to, given what the FAQ found for it: null
 * when no topic is asked for, or when an FAQ answers the message's own question
 * and the topic was only met in passing («هل كفيلي يقدر يشوف بياناتي؟»).
 */
export function findReferralTopic(question: string, ctx: FlowContext, faq: FaqResult): ReferralTopic | null {
  const topic = topicOf(question, ctx.profile);
  if (!topic) return null;
  const ask = (q: string) => ctx.faq(q, ctx.locale);
  return answersBeforeReferral(question, faq, wordsOf(topic), ask, ctx.profile.faqs) ? null : topic;
}
