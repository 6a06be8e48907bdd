/**
 * The index and the search.
 *
 * Index time: every question variant (and, when given, the answer, as weak
 * evidence) is analysed into terms; document frequencies give the weights
 * (weights.ts); postings and a typo index serve the queries.
 *
 * Query time: entries are bounded from the postings and only those that could
 * make the list are scored (score.ts): how much of the message the entry
 * explains with all its variants together (the answer adds evidence), how much
 * of its best question the message covers, and whether there is enough
 * topical evidence.
 */

import { analyze, QWORD_WEIGHT, type Tok } from "./analyze";
import { analyzeQuery } from "./focus";
import { toQuery } from "./query";
import type { CompiledLexicon } from "./compile";
import { entryFamily } from "./disambiguate";
import { ANSWER_FACTOR, finalScore, type Query } from "./score";
import { createTypoIndex } from "./typo";
import { ANSWER_DF, createIdf, tokenWeight } from "./weights";

/** How much offering or a service, said in an answer, counts next to a topic word there. */
const ANSWER_GENERIC_FACTOR = 0.5;

export interface IndexEntry {
  id: string;
  questions: string[];
  answer?: string;
}
export interface Scored {
  id: string;
  score: number;
  question: string;
}
export interface SearchResult {
  /** Best first, at most `k`, none below the floor. */
  found: Scored[];
  /** The message holds a word or combination that means either of two things. */
  ambiguous: boolean;
  /** A long message read as a whole (its context as much as its question): other answers worth offering (may repeat ids of `found`). */
  more: Scored[];
}
export interface FaqIndex {
  /** The best entries for a query. */
  search(text: string, k: number, floor: number): SearchResult;
  /** The family of an entry (see disambiguate.ts), or null. */
  family(id: string): string | null;
  /** Debugging aid: how each query token is matched by one entry's questions and answer. */
  explain(text: string, id: string): Array<{ term: string; weight: number; question: number; answer: number }>;
}

interface DocTok {
  weight: number;
  ids: Int32Array;
  factors: Float64Array;
}
interface DocQuestion {
  text: string;
  toks: DocTok[];
  totalWeight: number;
}
interface DocEntry {
  id: string;
  questions: DocQuestion[];
  /** Answer term id → the largest factor it is carried with. */
  answerTerms: Map<number, number>;
}
export function buildIndex(entries: IndexEntry[], lex: CompiledLexicon): FaqIndex {
  const VAGUE_IN_ANSWERS = new Set(["provide", "service"].map((id) => `c:${lex.conceptId(id)}`));
  const termIds = new Map<string, number>();
  const idOf = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(t, id);
    }
    return id;
  };

  const analysed = entries.map((e) => ({
    id: e.id,
    questions: e.questions.map((q) => ({ text: q, toks: analyze(lex, q) })),
    // An answer is evidence of its topics, not of the kind of question it answers.
    answer: e.answer ? analyze(lex, e.answer).filter((t) => t.kind === "content" || t.kind === "number") : [],
  }));
  const families = new Map<string, string | null>();
  for (const e of analysed) {
    const variants = e.questions.map((q) => new Set(q.toks.map((t) => t.feats[0]![0]).filter((f) => f.startsWith("c:")).map((f) => f.slice(2))));
    families.set(e.id, entryFamily(variants, lex.conceptId));
  }
  // Document frequency over entries by a token's own term. An entry whose
  // answer alone holds a term counts partly: answers are longer and secondary,
  // and should not make question words look common.
  const df = new Map<string, number>();
  for (const e of analysed) {
    const inQuestions = new Set<string>();
    for (const q of e.questions) for (const t of q.toks) inQuestions.add(t.feats[0]![0]);
    const inAnswer = new Set<string>();
    for (const t of e.answer) if (t.feats[0] && !inQuestions.has(t.feats[0][0])) inAnswer.add(t.feats[0][0]);
    for (const t of inQuestions) df.set(t, (df.get(t) ?? 0) + 1);
    for (const t of inAnswer) df.set(t, (df.get(t) ?? 0) + ANSWER_DF);
  }
  const idfNorm = createIdf(df, entries.length);
  const weightOf = (t: Tok): number => tokenWeight(t, idfNorm);
  const toDoc = (t: Tok): DocTok => ({
    weight: weightOf(t),
    ids: Int32Array.from(t.feats.map(([term]) => idOf(term))),
    factors: Float64Array.from(t.feats.map(([, f]) => f)),
  });

  // "We offer…", "our services…" in an answer say little about what the answer is about.
  const answerDoc = (t: Tok): DocTok => {
    const d = toDoc(t);
    if (VAGUE_IN_ANSWERS.has(t.feats[0]![0])) for (let k = 0; k < d.factors.length; k++) d.factors[k] = d.factors[k]! * ANSWER_GENERIC_FACTOR;
    return d;
  };
  const answers = analysed.map((e) => e.answer.map(answerDoc));
  const docs: DocEntry[] = analysed.map((e, ei) => {
    const answerTerms = new Map<number, number>();
    for (const t of answers[ei]!) t.ids.forEach((id, k) => answerTerms.set(id, Math.max(answerTerms.get(id) ?? 0, t.factors[k]!)));
    return {
      id: e.id,
      questions: e.questions.map((q) => {
        const toks = q.toks.map(toDoc);
        return { text: q.text, toks, totalWeight: toks.reduce((s, t) => s + t.weight, 0) };
      }),
      answerTerms,
    };
  });

  // Postings: term id → entries holding it in a question / in the answer, and
  // the largest factor with which any document token carries the term.
  const qPostings = new Map<number, number[]>();
  const aPostings = new Map<number, number[]>();
  const maxFactor = new Map<number, number>();
  const post = (target: Map<number, number[]>, id: number, ei: number) => {
    let p = target.get(id);
    if (!p) target.set(id, (p = []));
    if (p[p.length - 1] !== ei) p.push(ei);
  };
  docs.forEach((d, ei) => {
    const note = (t: DocTok, target: Map<number, number[]>) => {
      t.ids.forEach((id, k) => {
        post(target, id, ei);
        if ((maxFactor.get(id) ?? 0) < t.factors[k]!) maxFactor.set(id, t.factors[k]!);
      });
    };
    for (const q of d.questions) for (const t of q.toks) note(t, qPostings);
    for (const t of answers[ei]!) note(t, aPostings);
  });

  // Typo index: vocabulary forms (and lexicon concept words whose concept is in
  // the vocabulary) → the terms they stand for.
  const formTerms = new Map<string, Set<number>>();
  const addForm = (form: string, term: string) => {
    const id = termIds.get(term);
    if (id === undefined || form.length < 4) return;
    let s = formTerms.get(form);
    if (!s) formTerms.set(form, (s = new Set()));
    s.add(id);
  };
  for (const e of analysed) {
    for (const q of e.questions) for (const t of q.toks) for (const f of t.fuzzy) addForm(f, t.feats[0]![0]);
    for (const t of e.answer) for (const f of t.fuzzy) addForm(f, t.feats[0]![0]);
  }
  for (const [w, term] of lex.conceptWords) addForm(w, term);
  const typos = createTypoIndex(formTerms);

  const queryContext = { termIds, df, weightOf, typos };
  const prepareQuery = (text: string): Query => toQuery(analyzeQuery(lex, text), queryContext);

  /**
   * Best similarity of each query token to the document tokens (into `perQuery`);
   * returns the weighted share of the document tokens that the query covers.
   */
  const matchTokens = (q: Query, toks: DocTok[], perQuery: Float64Array): number => {
    let matchedD = 0;
    for (const d of toks) {
      let best = 0;
      for (let k = 0; k < d.ids.length; k++) {
        const l = q.terms.get(d.ids[k]!);
        if (!l) continue;
        const f = d.factors[k]!;
        for (let x = 0; x < l.length; x += 2) {
          const v = l[x + 1]! * f;
          if (v > best) best = v;
          const qi = l[x]!;
          if (v > perQuery[qi]!) perQuery[qi] = v;
        }
      }
      matchedD += d.weight * best;
    }
    return matchedD;
  };

  // Scratch arrays reused from one entry and one query to the next (no garbage per entry).
  let scratch = new Float64Array(0);
  const scratchFor = (nq: number) => {
    if (scratch.length < 4 * nq) scratch = new Float64Array(Math.max(64, 8 * nq));
    return [0, 1, 2, 3].map((k) => scratch.subarray(k * nq, (k + 1) * nq)) as [Float64Array, Float64Array, Float64Array, Float64Array];
  };

  const scoreEntry = (q: Query, e: DocEntry, work: [Float64Array, Float64Array, Float64Array, Float64Array]): { score: number; question: string } => {
    const nq = q.weights.length;
    const [fromAnswer, fromQuestions, perQuery, m] = work;
    fromAnswer.fill(0);
    fromQuestions.fill(0);
    if (e.answerTerms.size > 0) {
      for (const [id, l] of q.terms) {
        const f = e.answerTerms.get(id);
        if (f === undefined) continue;
        for (let x = 0; x < l.length; x += 2) {
          const v = l[x + 1]! * f * ANSWER_FACTOR;
          if (v > fromAnswer[l[x]!]!) fromAnswer[l[x]!] = v;
        }
      }
    }
    let dcovBest = 0;
    // How much of the query the entry explains: every variant together (a
    // paraphrase mixes words of several), with the answer as a second piece of
    // evidence (noisy-or); how much of a question the query covers: the best variant.
    let bestD = -1;
    let question = e.questions[0]?.text ?? "";
    for (const dq of e.questions) {
      perQuery.fill(0);
      const matchedD = matchTokens(q, dq.toks, perQuery);
      const dcov = dq.totalWeight > 0 ? matchedD / dq.totalWeight : 0;
      let own = 0;
      for (let i = 0; i < nq; i++) {
        own += q.weights[i]! * perQuery[i]!;
        if (perQuery[i]! > fromQuestions[i]!) fromQuestions[i] = perQuery[i]!;
      }
      // The variant shown is the one that both covers and is covered best.
      const fit = dcov * (own / q.totalWeight);
      if (fit > bestD) {
        bestD = fit;
        question = dq.text;
      }
      dcovBest = Math.max(dcovBest, dcov);
    }
    for (let i = 0; i < nq; i++) m[i] = 1 - (1 - fromQuestions[i]!) * (1 - fromAnswer[i]!);
    return { score: finalScore(q, m, dcovBest), question };
  };

  const stamp = new Uint32Array(docs.length);
  let stampNow = 0;
  let boundQ = new Float64Array(0);
  let boundA = new Float64Array(0);

  const search = (text: string, k: number, floor0: number): SearchResult => {
    const toks = analyzeQuery(lex, text);
    const q = toQuery(toks, queryContext);
    const found = rank(q, k, floor0);
    // A long story read as a whole too, in case the part taken for the question was not it:
    // its answers are offered after the others, never accepted.
    const unfocused = toks.some((t) => (t.focus ?? 1) < 1) ? rank(toQuery(toks.map((t) => ({ ...t, focus: 1 })), queryContext), k, floor0) : [];
    // When the part taken for the question points at nothing of ours, the whole message is what is asked.
    if (found.length === 0 && unfocused.length > 0) return { found: unfocused, ambiguous: q.ambiguous, more: [] };
    return { found, ambiguous: q.ambiguous, more: unfocused };
  };

  const rank = (q: Query, k: number, floor0: number): Scored[] => {
    if (q.totalWeight <= 0 || q.terms.size === 0) return [];
    const nq = q.weights.length;

    // Upper bound of every entry's score from the postings alone, so that only
    // entries that could still make the list are scored in full. Question
    // words and light words are assumed to match (they weigh little, and their
    // postings are long).
    const strong: boolean[] = [];
    for (let i = 0; i < nq; i++) strong.push(q.weights[i]! > QWORD_WEIGHT + 1e-9 || q.kinds[i] === "content");
    const size = docs.length * nq;
    if (boundQ.length < size) {
      boundQ = new Float64Array(size * 2);
      boundA = new Float64Array(size * 2);
    }
    const touched: number[] = [];
    // Entries met in the postings: a stamp per query instead of a fresh array.
    if (++stampNow === 0xffffffff) {
      stamp.fill(0);
      stampNow = 1;
    }
    for (const [id, l] of q.terms) {
      const mf = maxFactor.get(id)!;
      for (let pass = 0; pass < 2; pass++) {
        const list = pass === 0 ? qPostings.get(id) : aPostings.get(id);
        if (!list) continue;
        const target = pass === 0 ? boundQ : boundA;
        const factor = pass === 0 ? mf : mf * ANSWER_FACTOR;
        for (let x = 0; x < l.length; x += 2) {
          const qi = l[x]!;
          if (!strong[qi]) continue;
          const v = l[x + 1]! * factor;
          for (const ei of list) {
            if (stamp[ei] !== stampNow) {
              stamp[ei] = stampNow;
              touched.push(ei);
              boundQ.fill(0, ei * nq, ei * nq + nq);
              boundA.fill(0, ei * nq, ei * nq + nq);
            }
            const at = ei * nq + qi;
            if (v > target[at]!) target[at] = v;
          }
        }
      }
    }
    const bounds: Array<[number, number]> = [];
    const upper = new Float64Array(nq);
    for (const ei of touched) {
      for (let i = 0; i < nq; i++) {
        upper[i] = strong[i] ? 1 - (1 - boundQ[ei * nq + i]!) * (1 - boundA[ei * nq + i]!) : 1;
      }
      const bound = finalScore(q, upper, 1);
      if (bound >= floor0) bounds.push([ei, bound]);
    }
    bounds.sort((a, b) => b[1] - a[1]);

    const keep = Math.max(k, 1);
    const work = scratchFor(nq);
    const scored: Scored[] = [];
    let floor = floor0;
    for (const [ei, bound] of bounds) {
      if (bound < floor) break;
      const e = docs[ei]!;
      const { score, question } = scoreEntry(q, e, work);
      if (score < floor0) continue;
      scored.push({ id: e.id, score: Math.round(score * 1e4) / 1e4, question });
      if (scored.length >= keep) {
        scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
        scored.length = keep;
        floor = Math.max(floor0, scored[keep - 1]!.score);
      }
    }
    scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return scored.slice(0, Math.max(0, k));
  };

  const explain = (text: string, id: string) => {
    const q = prepareQuery(text);
    const e = docs.find((d) => d.id === id);
    const names = [...termIds.keys()];
    const first = new Map<number, string>();
    for (const [term, l] of q.terms) for (let x = 0; x < l.length; x += 2) if (!first.has(l[x]!)) first.set(l[x]!, names[term]!);
    return Array.from(q.weights, (weight, i) => {
      let question = 0;
      let answer = 0;
      if (e) {
        for (const dq of e.questions) {
          const per = new Float64Array(q.weights.length);
          matchTokens(q, dq.toks, per);
          question = Math.max(question, per[i]!);
        }
        for (const [term, l] of q.terms) {
          const f = e.answerTerms.get(term);
          if (f === undefined) continue;
          for (let x = 0; x < l.length; x += 2) if (l[x] === i) answer = Math.max(answer, l[x + 1]! * f * ANSWER_FACTOR);
        }
      }
      return { term: first.get(i) ?? "?", weight, question, answer };
    });
  };

  return { search, explain, family: (id) => families.get(id) ?? null };
}
