/**
 * The calibrated score of an entry for a message, in 0..1, from how well each
 * word of the message is matched by the entry (its question variants and,
 * more weakly, its answer) and how much of the entry's best question the
 * message covers. The acceptance threshold (matcher.ts) is on this score.
 */

import type { TokKind } from "./analyze";

/** How much the answer's words count, next to the questions' (noisy-or). */
export const ANSWER_FACTOR = 0.5;
/** Matched topical weight (in IDF-normalised units) from which evidence counts as full. */
const FULL_EVIDENCE = 0.6;
const QCOV_EXP = 0.8;
const DCOV_EXP = 0.4;
const DCOV_FLOOR = 0.3;
/**
 * How a query word's similarity counts towards the score: a weak link (a
 * related concept at 0.5, a two-edit typo) counts much less than a synonym, so
 * that "when is Ramadan" is not taken for "when do you open".
 */
const SIM_EXP = 1.5;
const sharpen = (m: number): number => Math.pow(m, SIM_EXP);

/** A message as the scoring sees it. */
export interface Query {
  weights: Float64Array;
  /** Weight each token adds to the absolute evidence (topic words, where/when). */
  evidence: Float64Array;
  kinds: TokKind[];
  totalWeight: number;
  /** Vocabulary term → flat pairs (query token index, similarity). */
  terms: Map<number, number[]>;
  ambiguous: boolean;
  /** Content words the knowledge base does not know (1), see {@link UNKNOWN_CAP}. */
  unknown: Uint8Array;
}

/** Total weight of unknown words that counts fully; beyond it, each counts {@link UNKNOWN_SLOPE}. */
const UNKNOWN_CAP = 1.5;
const UNKNOWN_SLOPE = 0.4;
/** Question words: how much a kind of question that does not match lowers the score (see {@link finalScore}). */
const QTYPE_BASE = 0.7;

/**
 * The calibrated score from each query token's match (0..1) and how much of
 * the best question variant the query covers:
 * - mostly the share of the query's topic (its content words) the entry
 *   explains; question words do not make up for a topic that is not there;
 * - a little the kind of question ("when" asked, "when" answered);
 * - somewhat how much of the question the query covers (a short query is fine);
 * - whether there is enough topical evidence at all.
 */
export function finalScore(q: Query, m: Float64Array, dcov: number): number {
  let contentW = 0;
  let contentM = 0;
  let unknownW = 0;
  let unknownM = 0;
  let qW = 0;
  let qM = 0;
  let evidence = 0;
  for (let i = 0; i < m.length; i++) {
    const v = sharpen(m[i]!);
    const w = q.weights[i]!;
    if (q.kinds[i] === "qword") {
      qW += w;
      qM += w * v;
    } else if (q.unknown[i]) {
      unknownW += w;
      unknownM += w * v;
    } else {
      contentW += w;
      contentM += w * v;
    }
    evidence += q.evidence[i]! * v;
  }
  // Words the knowledge base does not know count fully up to a point: one or
  // two make a question about something else; in a long message many are the story.
  const scale = unknownW > UNKNOWN_CAP ? (UNKNOWN_CAP + UNKNOWN_SLOPE * (unknownW - UNKNOWN_CAP)) / unknownW : 1;
  contentW += unknownW * scale;
  contentM += unknownM * scale;
  const cov = contentW > 0 ? contentM / contentW : qW > 0 ? qM / qW : 0;
  const qtype = (QTYPE_BASE + qM) / (QTYPE_BASE + qW);
  return (
    Math.pow(cov, QCOV_EXP) *
    qtype *
    Math.pow(DCOV_FLOOR + (1 - DCOV_FLOOR) * dcov, DCOV_EXP) *
    Math.sqrt(Math.min(1, evidence / FULL_EVIDENCE))
  );
}

