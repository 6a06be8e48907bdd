/**
 * FAQ matcher: finds the FAQ entry a beneficiary's message asks about.
 *
 * Index time: every question variant (and, when given, the answer, as weak
 * evidence) is normalised, tokenised, stemmed and mapped through the dialect
 * lexicon onto terms: lexicon concepts ("c:water" for ماء، مويه، موية، water),
 * stems ("s:…"), question words ("q:…"), with weaker links to related
 * concepts. IDF is computed over the entries (normalised to 0..1, so weights
 * mean the same in a 15-entry and a 500-entry knowledge base). A deletion
 * index over the vocabulary serves typo look-ups.
 *
 * Query time: small talk is rejected, a leading greeting is dropped, the rest
 * is analysed the same way; unknown words are matched to vocabulary words
 * within edit distance 1–2. Entries are bounded from the postings and only
 * those that could make the list are scored: for each question variant, how
 * much of the query it explains (IDF-weighted; the answer adds evidence),
 * how much of the question the query covers, and whether there is enough
 * topical evidence. An entry's score is its best variant's, in 0..1.
 */

import {
  arabicInflections,
  editDistance,
  isArabicScript,
  isNumber,
  lookupForms,
  stem,
  stemArabic,
  stemEnglish,
  stripArticle,
  stripLetterPrefix,
  tokenize,
} from "./normalize";
import { CONCEPTS, LIGHT_WORDS, OFF_TOPIC_WORDS, PLACE_NAMES, QUESTION_WORDS, STOPWORDS } from "./lexicon";
import { detectSmallTalk, stripGreeting } from "./smalltalk";

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
  readonly threshold: number;
  readonly suggestThreshold: number;
}

export const DEFAULT_THRESHOLD = 0.45;
/** The longest query analysed; longer input is cut. */
export const MAX_QUERY_LENGTH = 500;
export const DEFAULT_SUGGEST_THRESHOLD = 0.25;

/* ------------------------------------------------------------------ */
/* Lexicon compilation                                                 */
/* ------------------------------------------------------------------ */

type LexKind = "stop" | "qword" | "light" | "concept" | "offtopic";
interface LexHit {
  kind: LexKind;
  id: string;
  related: Array<[string, number]>;
  intent?: boolean;
  generic?: boolean;
  /** Question words: their fixed weight. */
  weight?: number;
}

const STOP_HIT: LexHit = { kind: "stop", id: "", related: [] };
const LIGHT_HIT: LexHit = { kind: "light", id: "", related: [] };
const OFF_TOPIC_HIT: LexHit = { kind: "offtopic", id: "", related: [] };

interface CompiledLexicon {
  /** Single words exactly as listed (matching form). */
  exact: Map<string, LexHit>;
  /** Article-stripped forms and stems of listed words; null when ambiguous. */
  derived: Map<string, LexHit | null>;
  /** Phrases keyed by their words' stems joined with spaces. */
  phrases: Map<string, LexHit>;
  maxPhrase: number;
  /** Concept words (matching form, 4+ letters) for typo matching, with their concept term. */
  conceptWords: Array<[string, string]>;
}

function phraseKey(words: string[]): string {
  return words.map(stem).join(" ");
}

function compileLexicon(extra: string[][]): CompiledLexicon {
  const exact = new Map<string, LexHit>();
  const derived = new Map<string, LexHit | null>();
  const phrases = new Map<string, LexHit>();
  let maxPhrase = 1;

  // Union-find over concept ids, so an association's synonym group can join concepts.
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const hits = new Map<string, LexHit>();
  const conceptHit = (id: string, related: Array<[string, number]> = []): LexHit => {
    let h = hits.get(id);
    if (!h) {
      h = { kind: "concept", id, related };
      hits.set(id, h);
    }
    return h;
  };

  const add = (text: string, hit: LexHit, override = false) => {
    const words = tokenize(text);
    if (words.length === 0) return;
    if (words.length > 1) {
      const key = phraseKey(words);
      if (override || !phrases.has(key)) phrases.set(key, hit);
      maxPhrase = Math.max(maxPhrase, words.length);
      return;
    }
    const w = words[0]!;
    if (override || !exact.has(w)) exact.set(w, hit);
  };

  for (const w of STOPWORDS) add(w, STOP_HIT);
  for (const q of QUESTION_WORDS) {
    const hit: LexHit = { kind: "qword", id: q.id, related: q.related ?? [], weight: q.weight };
    for (const w of q.words) add(w, hit);
  }
  for (const w of LIGHT_WORDS) add(w, LIGHT_HIT);
  for (const c of CONCEPTS) {
    const hit = conceptHit(c.id, c.related ?? []);
    if (c.intent) hit.intent = true;
    if (c.generic) hit.generic = true;
    for (const w of [...(c.ar ?? []), ...(c.en ?? []), ...(c.ur ?? [])]) add(w, hit);
  }
  for (const w of OFF_TOPIC_WORDS) add(w, OFF_TOPIC_HIT);

  // Association synonym groups: join any concepts their words already belong to.
  extra.forEach((group, gi) => {
    const own = `syn${gi}`;
    parent.set(own, own);
    for (const text of group) {
      const words = tokenize(text);
      const hit = words.length === 1 ? exact.get(words[0]!) : words.length > 1 ? phrases.get(phraseKey(words)) : undefined;
      if (hit?.kind === "concept") {
        const a = find(hit.id);
        if (a !== own) parent.set(a, own);
      }
    }
    const hit = conceptHit(own);
    for (const text of group) add(text, hit, true);
  });

  // Resolve joined concepts: every hit reports its representative id.
  for (const h of hits.values()) {
    h.id = find(h.id);
    h.related = h.related.map(([id, f]) => [find(id), f]);
  }
  for (const q of exact.values()) if (q.kind === "qword") q.related = q.related.map(([id, f]) => [find(id), f]);

  // Derived forms, unless ambiguous: Arabic words without the article and with
  // pronoun/plural/nisba endings; English words by their stem.
  const addDerived = (key: string, hit: LexHit) => {
    if (key.length < 2 || exact.has(key)) return;
    const prev = derived.get(key);
    if (prev === undefined) derived.set(key, hit);
    else if (prev !== null && (prev.kind !== hit.kind || prev.id !== hit.id)) derived.set(key, null);
  };
  for (const [w, hit] of exact) {
    if (!isArabicScript(w)) {
      addDerived(stemEnglish(w), hit);
      continue;
    }
    const art = stripArticle(w);
    if (art !== w) addDerived(art, hit);
    // Inflections only for topic words: a function word or a light verb
    // reached through an inflection is more often another word (بقاله ≠ قال+ه).
    if (hit.kind !== "concept" && hit.kind !== "offtopic") continue;
    for (const base of art !== w ? [w, art] : [w]) for (const f of arabicInflections(base)) addDerived(f, hit);
  }

  const conceptWords: Array<[string, string]> = [];
  for (const [w, hit] of exact) {
    if (hit.kind === "concept" && w.length >= 4) conceptWords.push([w, `c:${hit.id}`]);
  }
  return { exact, derived, phrases, maxPhrase, conceptWords };
}

let baseLexicon: CompiledLexicon | undefined;

/** The compiled lexicon; the built-in one is compiled once and shared (it is never modified). */
function lexiconFor(synonyms: string[][]): CompiledLexicon {
  if (synonyms.length > 0) return compileLexicon(synonyms);
  return (baseLexicon ??= compileLexicon([]));
}

/* ------------------------------------------------------------------ */
/* Analysis                                                            */
/* ------------------------------------------------------------------ */

type TokKind = "content" | "qword" | "light" | "number";

const PHRASE_WORD_FACTOR = 0.7;
/** A concept matched through another word of the same group (per side). */
const SYNONYM_FACTOR = 0.97;

interface Tok {
  kind: TokKind;
  /** An unknown Arabic word shaped like a plural imperfect verb (تشاركون، يعطونا). */
  verbLike?: boolean;
  /** A concept saying what the person wants to do. */
  intent?: boolean;
  /** An attribute concept (price, time, nearby…) rather than a topic. */
  generic?: boolean;
  /** An everyday topic outside a charity's FAQ. */
  offTopic?: boolean;
  /** A fixed weight (question words). */
  weight?: number;
  /** Terms this token stands for, with a factor (1 for its own meaning, less for related ones). */
  feats: Array<[string, number]>;
  /** Forms to look up with edit distance when nothing else matches. */
  fuzzy: string[];
}

function lookupWord(lex: CompiledLexicon, w: string): LexHit | null {
  const direct = lex.exact.get(w);
  if (direct) return direct;
  if (!isArabicScript(w)) return lex.derived.get(stemEnglish(w)) ?? null;
  const forms = lookupForms(w);
  for (const f of forms) {
    const h = lex.exact.get(f);
    if (h) return h;
  }
  for (const f of forms) {
    const h = lex.derived.get(f);
    if (h) return h;
  }
  return null;
}

function stemFeats(w: string): Array<[string, number]> {
  const s = stem(w);
  const out: Array<[string, number]> = [[`s:${s}`, 1]];
  if (isArabicScript(w)) {
    const letter = stripLetterPrefix(w);
    if (letter) {
      const s2 = stemArabic(letter);
      if (s2 !== s) out.push([`s:${s2}`, 0.9]);
    }
  }
  return out;
}

function fuzzyForms(w: string): string[] {
  const out = new Set<string>();
  if (isArabicScript(w)) {
    out.add(w); // a typo may be in the article itself (اعليد for العيد)
    out.add(stripArticle(w));
    out.add(stemArabic(w));
  } else {
    out.add(w);
    out.add(stem(w));
  }
  return [...out].filter((f) => f.length >= 4);
}

function hitToken(hit: LexHit, w: string | null): Tok | null {
  switch (hit.kind) {
    case "stop":
      return null;
    case "qword":
      return {
        kind: "qword",
        feats: [[`q:${hit.id}`, 1], ...hit.related.map(([id, f]): [string, number] => [`c:${id}`, f])],
        fuzzy: [],
        weight: hit.weight ?? QWORD_WEIGHT,
      };
    case "light":
      return { kind: "light", feats: w ? stemFeats(w) : [], fuzzy: [] };
    case "offtopic":
      return { kind: "content", feats: w ? stemFeats(w) : [], fuzzy: [], offTopic: true };
    case "concept": {
      // The concept first (it decides the weight); the word itself matches a
      // little better than a synonym does.
      const feats: Array<[string, number]> = [[`c:${hit.id}`, SYNONYM_FACTOR]];
      if (w) for (const [t, f] of stemFeats(w)) if (!feats.some(([x]) => x === t)) feats.push([t, f]);
      for (const [id, f] of hit.related) feats.push([`c:${id}`, f]);
      return { kind: "content", feats, fuzzy: w ? fuzzyForms(w) : [], intent: hit.intent === true, generic: hit.generic === true };
    }
  }
}

/** Plural imperfect verb shape: ت/ي/ن … ون/ين/وا (optionally with an object pronoun). */
function looksLikeVerb(w: string): boolean {
  return isArabicScript(w) && w.length >= 5 && /^[وف]?[تين].{2,}(ون|وا|ين)(ها|هم|نا|ه|ك|كم)?$/.test(w);
}

function analyze(lex: CompiledLexicon, text: string): Tok[] {
  const words = tokenize(text);
  const stems = words.map(stem);
  const out: Tok[] = [];
  let i = 0;
  while (i < words.length) {
    let done = false;
    for (let n = Math.min(lex.maxPhrase, words.length - i); n >= 2 && !done; n--) {
      const hit = lex.phrases.get(stems.slice(i, i + n).join(" "));
      if (hit) {
        const tok = hitToken(hit, null);
        if (tok) {
          // The phrase's own words still count, more weakly ("رقم التواصل" ~ "رقمكم").
          for (const st of stems.slice(i, i + n)) {
            const t = `s:${st}`;
            if (!tok.feats.some(([x]) => x === t)) tok.feats.push([t, PHRASE_WORD_FACTOR]);
          }
          out.push(tok);
        }
        i += n;
        done = true;
      }
    }
    if (done) continue;
    const w = words[i]!;
    i++;
    if (isNumber(w)) {
      out.push({ kind: "number", feats: [[`n:${w}`, 1]], fuzzy: [] });
      continue;
    }
    const hit = lookupWord(lex, w);
    if (hit) {
      const tok = hitToken(hit, w);
      if (tok) out.push(tok);
      continue;
    }
    if (w.length < 2 && !isArabicScript(w)) continue; // stray Latin letters
    out.push({ kind: "content", feats: stemFeats(w), fuzzy: fuzzyForms(w), verbLike: looksLikeVerb(w) });
  }
  // A repeated term counts once.
  const seen = new Set<string>();
  return out.filter((t) => {
    const key = t.feats[0]?.[0];
    if (key === undefined || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/* ------------------------------------------------------------------ */
/* Index                                                               */
/* ------------------------------------------------------------------ */

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
  answer: DocTok[];
  /** Answer term id → the largest factor it is carried with. */
  answerTerms: Map<number, number>;
}

/** IDF is normalised to 0..1 by the largest possible IDF, then sharpened by this power. */
const IDF_EXP = 1.5;
const QWORD_WEIGHT = 0.3;
/** Weight multiplier for intent concepts (apply, donate, complain…). */
const INTENT_BOOST = 1.5;
/** Weight multiplier for attribute concepts (price, time, nearby…). */
const GENERIC_FACTOR = 0.7;
/** Weight of an off-topic word (shopping, weather, sport…) the knowledge base does not mention. */
const OFF_TOPIC_WEIGHT = 2;
const LIGHT_WEIGHT = 0.25;
const VERB_LIKE_WEIGHT = 0.6;
const NUMBER_WEIGHT = 0.15;
const ANSWER_FACTOR = 0.5;
/** How much an answer-only occurrence counts in document frequency. */
const ANSWER_DF = 0.3;
/** Factors for a word matched with one edit (long / short word) or two edits. */
const FUZZY_FACTOR_1 = 0.8;
const FUZZY_FACTOR_SHORT = 0.6;
const FUZZY_FACTOR_2 = 0.6;
/** Matched topical weight (in IDF-normalised units) from which evidence counts as full. */
const FULL_EVIDENCE = 0.6;
const QCOV_EXP = 0.8;
const DCOV_EXP = 0.4;
const DCOV_FLOOR = 0.3;

/** Same length, exactly one position differs. */
function isSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

/** All strings obtained by deleting up to `d` characters. */
function deletions(w: string, d: number): string[] {
  const out = new Set<string>([w]);
  let frontier = [w];
  for (let k = 0; k < d; k++) {
    const next: string[] = [];
    for (const s of frontier) {
      for (let i = 0; i < s.length; i++) {
        const t = s.slice(0, i) + s.slice(i + 1);
        if (!out.has(t)) {
          out.add(t);
          next.push(t);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

/**
 * Edits tolerated for a word of this length. Arabic words are short and
 * dense (حياه/مياه), so Arabic script needs longer words than Latin.
 */
const maxEdits = (len: number, arabic: boolean) => (arabic ? (len >= 8 ? 2 : len >= 5 ? 1 : 0) : len >= 7 ? 2 : len >= 4 ? 1 : 0);

/** Place names in matching form (see {@link PLACE_NAMES}). */
const PLACES = new Set(PLACE_NAMES.map((p) => tokenize(p).join(" ")));

export function createFaqMatcher(entries: FaqEntry[], options: FaqMatcherOptions = {}): FaqMatcher {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const suggestThreshold = Math.min(options.suggestThreshold ?? DEFAULT_SUGGEST_THRESHOLD, threshold);
  const lex = lexiconFor(options.synonyms ?? []);

  const termIds = new Map<string, number>();
  const idOf = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(t, id);
    }
    return id;
  };

  // Analyse every entry; document frequency over entries by a token's own term.
  const analysed = entries.map((e) => ({
    id: e.id,
    questions: e.questions.map((q) => ({ text: q, toks: analyze(lex, q) })),
    answer: e.answer ? analyze(lex, e.answer) : [],
  }));
  // An entry whose answer alone holds a term counts partly: answers are
  // longer and secondary, and should not make question words look common.
  const df = new Map<string, number>();
  for (const e of analysed) {
    const inQuestions = new Set<string>();
    for (const q of e.questions) for (const t of q.toks) inQuestions.add(t.feats[0]![0]);
    const inAnswer = new Set<string>();
    for (const t of e.answer) if (t.feats[0] && !inQuestions.has(t.feats[0][0])) inAnswer.add(t.feats[0][0]);
    for (const t of inQuestions) df.set(t, (df.get(t) ?? 0) + 1);
    for (const t of inAnswer) df.set(t, (df.get(t) ?? 0) + ANSWER_DF);
  }
  const n = Math.max(entries.length, 1);
  const idfMax = Math.log(1 + (n - 0.5) / 1.5);
  const idfNorm = (term: string): number | null => {
    const d = df.get(term);
    if (d === undefined) return null;
    const v = Math.pow(Math.log(1 + (n - d + 0.5) / (d + 0.5)) / idfMax, IDF_EXP);
    return Math.min(1, Math.max(0.1, v));
  };
  const weightOf = (t: Tok): number => {
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
          const v = idfNorm(term);
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
  };
  const toDoc = (t: Tok): DocTok => ({
    weight: weightOf(t),
    ids: Int32Array.from(t.feats.map(([term]) => idOf(term))),
    factors: Float64Array.from(t.feats.map(([, f]) => f)),
  });

  const docs: DocEntry[] = analysed.map((e) => ({
    id: e.id,
    questions: e.questions.map((q) => {
      const toks = q.toks.map(toDoc);
      return { text: q.text, toks, totalWeight: toks.reduce((s, t) => s + t.weight, 0) };
    }),
    answer: e.answer.map(toDoc),
    answerTerms: new Map(),
  }));
  for (const d of docs) {
    for (const t of d.answer) t.ids.forEach((id, k) => d.answerTerms.set(id, Math.max(d.answerTerms.get(id) ?? 0, t.factors[k]!)));
  }

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
    for (const t of d.answer) note(t, aPostings);
  });

  // Typo index: vocabulary forms (and lexicon concept words whose concept is in
  // the vocabulary) → the terms they stand for, reachable through deletions.
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
  const deletionIndex = new Map<string, string[]>();
  for (const form of formTerms.keys()) {
    for (const d of deletions(form, maxEdits(form.length, isArabicScript(form)))) {
      let l = deletionIndex.get(d);
      if (!l) deletionIndex.set(d, (l = []));
      l.push(form);
    }
  }

  /** Vocabulary terms within edit distance of a form, with a factor by distance. */
  const fuzzyLookup = (form: string, into: Map<number, number>) => {
    const seen = new Set<string>();
    const arabic = isArabicScript(form);
    for (const d of deletions(form, maxEdits(form.length, arabic))) {
      const forms = deletionIndex.get(d);
      if (!forms) continue;
      for (const cand of forms) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        const allowed = maxEdits(Math.min(cand.length, form.length), arabic);
        if (allowed === 0) continue;
        const dist = editDistance(form, cand, allowed);
        if (dist === 0 || dist > allowed) continue;
        // In short Arabic words one changed letter is usually another word
        // (اشتري/اشتكي); dropped, doubled or swapped letters are the typos.
        if (arabic && dist === 1 && Math.max(cand.length, form.length) < 7 && isSubstitution(form, cand)) continue;
        const len = Math.min(cand.length, form.length);
        const f = dist === 2 ? FUZZY_FACTOR_2 : len >= (arabic ? 7 : 6) ? FUZZY_FACTOR_1 : FUZZY_FACTOR_SHORT;
        for (const id of formTerms.get(cand)!) if ((into.get(id) ?? 0) < f) into.set(id, f);
      }
    }
  };

  let boundQ = new Float64Array(0);
  let boundA = new Float64Array(0);

  interface Query {
    weights: Float64Array;
    /** Weight each token adds to the absolute evidence (topic words, where/when). */
    evidence: Float64Array;
    kinds: TokKind[];
    totalWeight: number;
    /** Vocabulary term → flat pairs (query token index, similarity). */
    terms: Map<number, number[]>;
  }

  const prepareQuery = (text: string): Query => {
    const toks = analyze(lex, text);
    const weights = new Float64Array(toks.length);
    const evidence = new Float64Array(toks.length);
    const terms = new Map<number, number[]>();
    toks.forEach((t, i) => {
      weights[i] = weightOf(t);
      evidence[i] = t.kind === "content" || t.kind === "number" || (t.kind === "qword" && t.feats.length > 1) ? weights[i]! : 0;
      const sims = new Map<number, number>();
      let known = false;
      for (const [term, f] of t.feats) {
        const id = termIds.get(term);
        if (id === undefined) continue;
        if (f >= 0.9) known = true;
        if ((sims.get(id) ?? 0) < f) sims.set(id, f);
      }
      if (!known && t.kind === "content") for (const form of t.fuzzy) fuzzyLookup(form, sims);
      for (const [id, sim] of sims) {
        let l = terms.get(id);
        if (!l) terms.set(id, (l = []));
        l.push(i, sim);
      }
    });
    return { weights, evidence, kinds: toks.map((t) => t.kind), totalWeight: weights.reduce((a, b) => a + b, 0), terms };
  };

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

  /**
   * The calibrated score: mostly how much of the query the question explains,
   * somewhat how much of the question the query covers (a short query is fine),
   * and whether there is enough topical evidence at all.
   */
  const combine = (qcov: number, dcov: number, evidence: number): number =>
    Math.pow(qcov, QCOV_EXP) *
    Math.pow(DCOV_FLOOR + (1 - DCOV_FLOOR) * dcov, DCOV_EXP) *
    Math.sqrt(Math.min(1, evidence / FULL_EVIDENCE));

  const scoreEntry = (q: Query, e: DocEntry): { score: number; question: string } => {
    const nq = q.weights.length;
    const fromAnswer = new Float64Array(nq);
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
    let best = { score: 0, question: e.questions[0]?.text ?? "" };
    const perQuery = new Float64Array(nq);
    for (const dq of e.questions) {
      perQuery.fill(0);
      const matchedD = matchTokens(q, dq.toks, perQuery);
      let matchedQ = 0;
      let matchedE = 0;
      for (let i = 0; i < nq; i++) {
        // The question and the answer are two pieces of evidence (noisy-or).
        const m = 1 - (1 - perQuery[i]!) * (1 - fromAnswer[i]!);
        matchedQ += q.weights[i]! * m;
        matchedE += q.evidence[i]! * m;
      }
      const qcov = matchedQ / q.totalWeight;
      const dcov = dq.totalWeight > 0 ? matchedD / dq.totalWeight : 0;
      const score = combine(qcov, dcov, matchedE);
      if (score > best.score) best = { score, question: dq.text };
    }
    return best;
  };

  const empty = (): FaqResult => ({ accepted: null, candidates: [] });

  const match = (input: string, k = 3): FaqResult => {
    // A question is a sentence or two: a 100 KB paste is cut, not analysed word by word.
    const raw = input.length > MAX_QUERY_LENGTH ? input.slice(0, MAX_QUERY_LENGTH) : input;
    if (!raw || raw.trim() === "") return empty();
    if (detectSmallTalk(raw)) return empty();
    const { rest } = stripGreeting(raw);
    const q = prepareQuery(rest === "" ? raw : rest);
    if (q.totalWeight <= 0 || q.terms.size === 0) return empty();
    const nq = q.weights.length;

    // Upper bound of every entry's score from the postings alone, so that only
    // entries that could still make the list are scored in full. Question
    // words and light words are assumed to match (they weigh little, and their
    // postings are long).
    let freeWeight = 0;
    let freeEvidence = 0;
    const strong: boolean[] = [];
    for (let i = 0; i < nq; i++) {
      strong.push(q.weights[i]! > QWORD_WEIGHT + 1e-9 || q.kinds[i] === "content");
      if (!strong[i]) {
        freeWeight += q.weights[i]!;
        freeEvidence += q.evidence[i]!;
      }
    }
    const size = docs.length * nq;
    if (boundQ.length < size) {
      boundQ = new Float64Array(size * 2);
      boundA = new Float64Array(size * 2);
    }
    const touched: number[] = [];
    const seen = new Uint8Array(docs.length);
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
            if (!seen[ei]) {
              seen[ei] = 1;
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
    for (const ei of touched) {
      let matched = freeWeight;
      let matchedE = freeEvidence;
      for (let i = 0; i < nq; i++) {
        if (!strong[i]) continue;
        const m = 1 - (1 - boundQ[ei * nq + i]!) * (1 - boundA[ei * nq + i]!);
        matched += q.weights[i]! * m;
        matchedE += q.evidence[i]! * m;
      }
      const bound = combine(matched / q.totalWeight, 1, matchedE);
      if (bound >= suggestThreshold) bounds.push([ei, bound]);
    }
    bounds.sort((a, b) => b[1] - a[1]);

    const keep = Math.max(k, 1);
    const scored: FaqCandidate[] = [];
    let floor = suggestThreshold;
    for (const [ei, bound] of bounds) {
      if (bound < floor) break;
      const e = docs[ei]!;
      const { score, question } = scoreEntry(q, e);
      if (score < suggestThreshold) continue;
      scored.push({ id: e.id, score: Math.round(score * 1e4) / 1e4, question });
      if (scored.length >= keep) {
        scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
        scored.length = keep;
        floor = Math.max(suggestThreshold, scored[keep - 1]!.score);
      }
    }
    scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const candidates = scored.slice(0, Math.max(0, k));
    const top = scored[0];
    // A place name typed alone ("الرياض", a city answered to the wrong question) is not a question.
    const placeAlone = PLACES.has(tokenize(rest === "" ? raw : rest).join(" "));
    return { accepted: top && top.score >= threshold && !placeAlone ? top : null, candidates };
  };

  return { match, threshold, suggestThreshold };
}

/** Debugging aid: the terms a text is analysed into (as the matcher sees it). */
export function explainAnalysis(text: string, synonyms: string[][] = []): Array<{ kind: string; feats: Array<[string, number]> }> {
  const lex = lexiconFor(synonyms);
  return analyze(lex, text).map((t) => ({ kind: t.kind, feats: t.feats }));
}
