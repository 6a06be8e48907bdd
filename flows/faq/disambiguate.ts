/**
 * Disambiguation: when the two best answers are close and belong to families
 * people confuse (applying as a beneficiary vs volunteering, a complaint vs an
 * appeal of a decision, the contact channels vs talking to a staff member, a
 * complaint vs a suggestion, an application's status vs how long a decision
 * takes), the matcher does not answer one of them confidently: it accepts
 * nothing and offers both, and the flow asks which one is meant.
 */

import { CONFUSABLE_PAIRS, FAMILIES } from "./lexicon";

/** A confusable pair is asked about when the second scores at least this share of the first… */
export const PAIR_RATIO = 0.95;
/** …or this share, when the message itself holds a word or combination that means either. */
export const AMBIGUOUS_PAIR_RATIO = 0.7;
/** Any two answers this close are asked about. */
export const CLOSE_RATIO = 0.98;
/** A family holds an entry when its concepts are in at least this share of the entry's variants. */
const FAMILY_SHARE = 0.34;

const PAIRS = new Set(CONFUSABLE_PAIRS.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

/**
 * The family of an entry from the concepts of each of its question variants
 * (`conceptId` maps a built-in concept to the id it is known by in this index),
 * or null when no family holds enough of them.
 */
export function entryFamily(variants: Array<Set<string>>, conceptId: (id: string) => string): string | null {
  if (variants.length === 0) return null;
  let best: string | null = null;
  let bestCount = 0;
  for (const [family, concepts] of Object.entries(FAMILIES)) {
    const ids = concepts.map(conceptId);
    const count = variants.filter((v) => ids.some((id) => v.has(id))).length;
    if (count > bestCount) {
      best = family;
      bestCount = count;
    }
  }
  return bestCount >= Math.max(1, FAMILY_SHARE * variants.length) ? best : null;
}

export function confusable(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && PAIRS.has(`${a}|${b}`);
}

export interface Scored {
  id: string;
  score: number;
}

/**
 * Whether the best candidate should be asked about rather than answered, and
 * the candidates in the order to offer them (the close pair first).
 */
export function disambiguate<T extends Scored>(
  candidates: T[],
  familyOf: (id: string) => string | null,
  ambiguousMessage = false,
): { ask: boolean; candidates: T[] } {
  const [top, ...rest] = candidates;
  if (!top || rest.length === 0) return { ask: false, candidates };
  const fTop = familyOf(top.id);
  const pairRatio = ambiguousMessage ? AMBIGUOUS_PAIR_RATIO : PAIR_RATIO;
  const rival = rest.find((c) => c.score >= top.score * CLOSE_RATIO || (c.score >= top.score * pairRatio && confusable(fTop, familyOf(c.id))));
  if (!rival) return { ask: false, candidates };
  return { ask: true, candidates: [top, rival, ...rest.filter((c) => c !== rival)] };
}
