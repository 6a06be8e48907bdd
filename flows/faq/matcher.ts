/**
 * FAQ matcher: finds the FAQ entry a beneficiary's message asks about.
 *
 * The pieces, each in its own file:
 * - normalize.ts: the comparison form of text, tokenizer, light stemmers, edit distance;
 * - lexicon/: concepts (language-neutral) and the words for them per locale, as data;
 * - compile.ts: the lexicon (plus an association's synonym groups) as look-up tables;
 * - analyze.ts: text → tokens standing for concepts, question types, stems;
 * - typo.ts: unknown words matched to vocabulary words within an edit or two;
 * - focus.ts, query.ts: the part of a long message that asks, and the message as the scoring sees it;
 * - weights.ts, score.ts, search.ts: how much each word counts, the calibrated score, the index and the search;
 * - disambiguate.ts: close answers from families people confuse are asked about, not answered;
 * - smalltalk.ts: greetings, thanks and the like, never an FAQ.
 *
 * Here: small talk is rejected, a leading greeting is dropped, the rest is
 * scored, and the best candidate is accepted when it clears the threshold and
 * no close rival makes the question ambiguous.
 */

import { lexiconFor } from "./compile";
import { PLACE_NAMES } from "./lexicon";
import { tokenize } from "./normalize";
import { buildIndex } from "./search";
import { detectSmallTalk, stripGreeting } from "./smalltalk";
import { analyze } from "./analyze";
import { disambiguate } from "./disambiguate";

export interface FaqEntry {
  id: string;
  questions: string[];
  /** Optional answer text: its words count as weak evidence for the entry. */
  answer?: string;
}
export interface FaqCandidate {
  id: string;
  /** 0..1 */
  score: number;
  /** The best-matching question text as written. */
  question: string;
}
export interface FaqResult {
  accepted: FaqCandidate | null;
  /** Best first, at most k, none below the suggestion threshold. */
  candidates: FaqCandidate[];
}
export interface FaqMatcherOptions {
  /** Extra groups of equivalent words or phrases (an association's own vocabulary). */
  synonyms?: string[][];
  /** Score at or above which the best candidate is accepted (default {@link DEFAULT_THRESHOLD}). */
  threshold?: number;
  /** Score below which candidates are not returned at all (default {@link DEFAULT_SUGGEST_THRESHOLD}). */
  suggestThreshold?: number;
}
export interface FaqMatcher {
  match(query: string, k?: number): FaqResult;
  /** Debugging aid: each query term's weight and how well the entry's questions and answer match it. */
  explain(query: string, id: string): Array<{ term: string; weight: number; question: number; answer: number }>;
  readonly threshold: number;
  readonly suggestThreshold: number;
}

export const DEFAULT_THRESHOLD = 0.34;
/** The longest query analysed; longer input is cut. */
export const MAX_QUERY_LENGTH = 500;
export const DEFAULT_SUGGEST_THRESHOLD = 0.2;

/**
 * The bar a message of `words` words must clear: the threshold as given, a
 * little lower past {@link LENGTH_PIVOT} words. The score is the share of the
 * message an answer explains, and a long story is mostly the person's situation
 * around one question.
 */
export function acceptAt(threshold: number, words: number, maxLower = MAX_LOWER): number {
  return threshold - Math.min(maxLower, LENGTH_SLOPE * Math.max(0, words - LENGTH_PIVOT));
}
const LENGTH_PIVOT = 8;
const LENGTH_SLOPE = 0.01;
/** At most this lower for a long story (about 22 words and more): its best answer is usually right at 0.2. */
const MAX_LOWER = 0.14;
/** A story's best answer accepted below the threshold is at least this much ahead of the next (its score ÷ the next's). */
const STORY_MARGIN = 0.9;
/** The suggestions' floor is lowered less: a story is not offered answers on next to no evidence. */
const SUGGEST_MAX_LOWER = 0.08;

/** Place names in matching form (see {@link PLACE_NAMES}). */
const PLACES = new Set(PLACE_NAMES.map((p) => tokenize(p).join(" ")));

export function createFaqMatcher(entries: FaqEntry[], options: FaqMatcherOptions = {}): FaqMatcher {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const suggestThreshold = Math.min(options.suggestThreshold ?? DEFAULT_SUGGEST_THRESHOLD, threshold);
  const lex = lexiconFor(options.synonyms ?? []);
  const index = buildIndex(entries, lex);

  const empty = (): FaqResult => ({ accepted: null, candidates: [] });

  const match = (input: string, k = 3): FaqResult => {
    // A question is a sentence or two: a 100 KB paste is cut, not analysed word by word.
    const raw = input.length > MAX_QUERY_LENGTH ? input.slice(0, MAX_QUERY_LENGTH) : input;
    if (!raw || raw.trim() === "") return empty();
    if (detectSmallTalk(raw)) return empty();
    const { rest } = stripGreeting(raw);
    const text = rest === "" ? raw : rest;
    const words = tokenize(text);
    // One more candidate than asked for, so that a close rival just below the list is still seen.
    // A long story is offered the closest answers on weaker evidence than a short question
    // (its score is a share of many words): better "did you mean…" than "not understood".
    const search = index.search(text, Math.max(k, 2) + 1, acceptAt(suggestThreshold, words.length, SUGGEST_MAX_LOWER));
    const found = search.found.filter((c) => c.score >= suggestThreshold);
    const { ask, candidates: ordered } = disambiguate(found, index.family, search.ambiguous);
    const candidates = ordered.slice(0, Math.max(0, k));
    const top = candidates[0];
    // Room left among the suggestions: what the whole of a long message points at, and the
    // weaker answers to the part that asks, ranked after, best first.
    const weaker = [...search.more, ...search.found.filter((c) => c.score < suggestThreshold)].sort((a, b) => b.score - a.score);
    for (const c of weaker) {
      if (candidates.length >= k) break;
      if (candidates.some((x) => x.id === c.id)) continue;
      candidates.push({ ...c, score: Math.min(c.score, candidates[candidates.length - 1]?.score ?? c.score) });
    }
    // A place name typed alone ("الرياض", a city answered to the wrong question) is not a question.
    const placeAlone = PLACES.has(words.join(" "));
    // Below the threshold (a long story's leniency) the best answer must also stand clear of the next.
    const second = candidates[1];
    const clear = !top || top.score >= threshold || !second || second.score <= top.score * STORY_MARGIN;
    return { accepted: top && top.score >= acceptAt(threshold, words.length) && clear && !placeAlone && !ask ? top : null, candidates };
  };

  return { match, threshold, suggestThreshold, explain: (query, id) => index.explain(stripGreeting(query).rest || query, id) };
}

/** Debugging aid: the terms a text is analysed into (as the matcher sees it). */
export function explainAnalysis(text: string, synonyms: string[][] = []): Array<{ kind: string; feats: Array<[string, number]> }> {
  return analyze(lexiconFor(synonyms), text).map((t) => ({ kind: t.kind, feats: t.feats }));
}
