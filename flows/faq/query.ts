/**
 * A message as the scoring sees it (score.ts): each token's weight, in the
 * part that asks or in the context of a long story (focus.ts), the vocabulary
 * terms it matches (as analysed, or as a typo of a vocabulary word) and how
 * closely, and whether the knowledge base knows it at all.
 */

import type { Tok } from "./analyze";
import { CONTEXT_FACTOR } from "./focus";
import type { Query } from "./score";
import type { TypoIndex } from "./typo";

/** The context of a long message weighs at most this share of the part that asks. */
const CONTEXT_BUDGET = 0.25;
/** A message of this many terms or more is a story: its everyday words weigh as unknown words. */
const STORY_TOKENS = 10;
const STORY_OFF_TOPIC_WEIGHT = 1;

/** What the index knows: its vocabulary's term ids, document frequencies, token weights and typo index. */
export interface QueryContext {
  termIds: Map<string, number>;
  df: Map<string, number>;
  weightOf: (t: Tok) => number;
  typos: TypoIndex;
}

export function toQuery(toks: Tok[], { termIds, df, weightOf, typos }: QueryContext): Query {
  const weights = new Float64Array(toks.length);
  const evidence = new Float64Array(toks.length);
  const unknown = new Uint8Array(toks.length);
  const terms = new Map<number, number[]>();
  // In a long story an everyday word ("team", "car", "landlord") is part of the story, not what is asked:
  // it weighs as an unknown word. In a message of a sentence or two it is what "it" is ("my visa
  // application was refused, can I appeal it?"): it weighs in full wherever it stands.
  const story = toks.length >= STORY_TOKENS;
  const everyday = toks.map((t) => t.offTopic === true);
  const focusOf = toks.map((t, i) => (everyday[i] && !story ? 1 : (t.focus ?? 1)));
  toks.forEach((t, i) => {
    weights[i] = (everyday[i] && story ? STORY_OFF_TOPIC_WEIGHT : weightOf(t)) * focusOf[i]!;
    unknown[i] = t.kind === "content" && !(everyday[i] && !story) && !t.feats.some(([term, f]) => f >= 0.9 && df.has(term)) ? 1 : 0;
    evidence[i] = t.kind === "content" || t.kind === "number" || (t.kind === "qword" && t.feats.length > 1) ? weights[i]! : 0;
    const sims = new Map<number, number>();
    let known = false;
    for (const [term, f] of t.feats) {
      const id = termIds.get(term);
      if (id === undefined) continue;
      if (f >= 0.9) known = true;
      if ((sims.get(id) ?? 0) < f) sims.set(id, f);
    }
    // A word the lexicon knows is not a typo of another («العيد» is not «تعيد»).
    if (!known && t.kind === "content" && !t.feats[0]![0].startsWith("c:")) for (const form of t.fuzzy) typos.lookup(form, sims);
    for (const [id, sim] of sims) {
      let l = terms.get(id);
      if (!l) terms.set(id, (l = []));
      l.push(i, sim);
    }
  });
  // A long story's context counts, but never more than a share of the part that asks.
  let focusW = 0;
  let contextW = 0;
  toks.forEach((_, i) => {
    if (focusOf[i]! <= CONTEXT_FACTOR) contextW += weights[i]!;
    else focusW += weights[i]!;
  });
  if (contextW > CONTEXT_BUDGET * focusW && contextW > 0) {
    const scale = (CONTEXT_BUDGET * focusW) / contextW;
    toks.forEach((_, i) => {
      if (focusOf[i]! > CONTEXT_FACTOR) return;
      weights[i] = weights[i]! * scale;
      evidence[i] = evidence[i]! * scale;
    });
  }
  return {
    weights,
    evidence,
    kinds: toks.map((t) => t.kind),
    totalWeight: weights.reduce((a, b) => a + b, 0),
    terms,
    ambiguous: toks.some((t) => t.ambiguous === true),
    unknown,
  };
}
