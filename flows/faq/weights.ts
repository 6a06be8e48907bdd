/**
 * How much each word of a question or a message counts: IDF over the
 * knowledge base (normalised to 0..1, so weights mean the same in a 15-entry
 * and a 500-entry knowledge base), more for what the person wants to do, less
 * for attributes, function-like words and numbers, much for an off-topic word.
 */

import { QWORD_WEIGHT, type Tok } from "./analyze";

/** IDF is normalised to 0..1 by the largest possible IDF, then sharpened by this power. */
const IDF_EXP = 1.5;
/** The least IDF weight of a lexicon concept. */
const CONCEPT_IDF_FLOOR = 0.4;
/** Weight multiplier for intent concepts (apply, donate, complain…). */
const INTENT_BOOST = 1.5;
/** Weight multiplier for attribute concepts (price, time, nearby…). */
const GENERIC_FACTOR = 0.7;
/** Weight of an off-topic word (shopping, weather, sport…) the knowledge base does not mention. */
const OFF_TOPIC_WEIGHT = 3;
const LIGHT_WEIGHT = 0.25;
const VERB_LIKE_WEIGHT = 0.6;
const NUMBER_WEIGHT = 0.15;
/** How much an answer-only occurrence counts in document frequency. */
export const ANSWER_DF = 0.3;

/** IDF normalised to 0..1 for a term of document frequency `d` among `n` entries; null for a term no entry holds. */
export function createIdf(df: Map<string, number>, n: number): (term: string) => number | null {
  const entries = Math.max(n, 1);
  const idfMax = Math.log(1 + (entries - 0.5) / 1.5);
  return (term) => {
    const d = df.get(term);
    if (d === undefined) return null;
    const v = Math.pow(Math.log(1 + (entries - d + 0.5) / (d + 0.5)) / idfMax, IDF_EXP);
    // A lexicon concept most entries mention (an association's main topic) still says what the question is about.
    return Math.min(1, Math.max(term.startsWith("c:") ? CONCEPT_IDF_FLOOR : 0.1, v));
  };
}

/** The weight of a token, given the knowledge base's IDF. */
export function tokenWeight(t: Tok, idf: (term: string) => number | null): number {
  switch (t.kind) {
    case "qword":
      return t.weight ?? QWORD_WEIGHT;
    case "light":
      return LIGHT_WEIGHT;
    case "number":
      return NUMBER_WEIGHT;
    case "content":
      for (const [term, f] of t.feats) {
        if (f < 0.9) break;
        const v = idf(term);
        if (v !== null) return v * (t.intent ? INTENT_BOOST : t.generic ? GENERIC_FACTOR : 1);
      }
      if (t.intent) return INTENT_BOOST;
      if (t.generic) return GENERIC_FACTOR;
      if (t.offTopic) return OFF_TOPIC_WEIGHT;
      // Unknown to the knowledge base: probably what the question is really
      // about, unless it looks like a conjugated verb (تشاركون، يعطون), which
      // says less about the topic than a noun.
      return t.verbLike ? VERB_LIKE_WEIGHT : 1;
  }
}
