/**
 * Compiles the lexicon (lexicon/*.ts, plus an association's own synonym
 * groups) into look-up tables: single words as listed, their derived forms
 * (article removed, pronoun/plural endings, English stems) unless ambiguous,
 * and phrases keyed by their words' stems.
 */

import { CONCEPTS, LEXICONS, PLACE_NAMES, QUESTION_TYPES } from "./lexicon";
import { createTypoIndex, type TypoIndex } from "./typo";
import { arabicInflections, isArabicScript, lookupFormSets, stem, stemEnglish, stripArticle, tokenize } from "./normalize";

export type LexKind = "stop" | "qword" | "light" | "concept" | "offtopic";
export interface LexHit {
  kind: LexKind;
  id: string;
  related: Array<[string, number]>;
  intent?: boolean;
  generic?: boolean;
  /** Question words: their fixed weight. */
  weight?: number;
  /** Concepts: what a negated mention stands for (see ConceptInfo.negated). */
  negated?: LexHit;
  /** Concepts: only the concept links count, not the word's own stem (see ConceptInfo.ambiguous). */
  ambiguous?: boolean;
}

export interface CompiledLexicon {
  /** Single words exactly as listed (matching form). */
  exact: Map<string, LexHit>;
  /** Article-stripped forms and stems of listed words; null when ambiguous. */
  derived: Map<string, LexHit | null>;
  /** Phrases keyed by their words' stems joined with spaces. */
  phrases: Map<string, LexHit>;
  maxPhrase: number;
  /** Concept words (matching form, 4+ letters) for typo matching, with their concept term and its close relations. */
  conceptWords: Array<[string, string]>;
  /** Words (matching form) that mark where a long message asks (see LocaleLexicon.askWords). */
  askWords: Set<string>;
  /** Words (matching form) that ask only at the start of a clause (see LocaleLexicon.openingAskWords). */
  openingAskWords: Set<string>;
  /** Hedging phrases (matching forms of their words), see LocaleLexicon.hedges. */
  hedges: string[][];
  /** Negation particles (matching form). */
  negations: Set<string>;
  /** Words that make a period a time elapsed (see LocaleLexicon.elapsed), matching form. */
  elapsed: { before: Set<string>; after: Set<string>; counts: Set<string>; unless: Set<string> };
  /** The id a built-in concept is known by (an association's synonym group may have joined it to others). */
  conceptId(id: string): string;
  /** Function words, question words and light words within a typo of `word` (see {@link functionWordTypo}). */
  functionTypos: TypoIndex;
  functionHits: LexHit[];
}

/** Place names that are also everyday words (the city, the north…): they keep their everyday meaning. */
const AMBIGUOUS_PLACES = new Set(["المدينه", "المدينة", "الجنوب", "الشمال", "الوسطى", "الغربيه", "الغربية", "الشرقيه", "الشرقية", "حقل", "الوجه", "الدرب", "الخبر", "بدر"]);

const STOP_HIT: LexHit = { kind: "stop", id: "", related: [] };
const LIGHT_HIT: LexHit = { kind: "light", id: "", related: [] };

export function phraseKey(words: string[]): string {
  return words.map(stem).join(" ");
}

function checkLinks(owner: string, related: Array<[string, number]> | undefined): Array<[string, number]> {
  for (const [id] of related ?? []) {
    if (!(id in CONCEPTS)) throw new Error(`FAQ lexicon: "${owner}" is related to an unknown concept "${id}"`);
  }
  return related ?? [];
}

export function compileLexicon(extra: string[][]): CompiledLexicon {
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

  for (const [, lex] of LEXICONS) for (const w of lex.stopwords) add(w, STOP_HIT);
  for (const [id, info] of Object.entries(QUESTION_TYPES)) {
    const hit: LexHit = { kind: "qword", id, related: checkLinks(id, info.related), weight: info.weight };
    for (const [, lex] of LEXICONS) for (const w of lex.questionWords[id] ?? []) add(w, hit);
  }
  for (const [, lex] of LEXICONS) for (const w of lex.light) add(w, LIGHT_HIT);
  for (const [id, info] of Object.entries(CONCEPTS)) {
    const hit = conceptHit(id, checkLinks(id, info.related));
    if (info.intent) hit.intent = true;
    if (info.generic) hit.generic = true;
    if (info.ambiguous) hit.ambiguous = true;
    for (const [, lex] of LEXICONS) for (const w of lex.concepts[id] ?? []) add(w, hit);
  }
  // Place names: one concept, so «بريده» is a city and not «بريد» (mail); a word the lexicon already lists keeps its meaning («المدينه»).
  for (const p of PLACE_NAMES) if (!AMBIGUOUS_PLACES.has(p)) add(p, hits.get("place")!);
  for (const [locale, lex] of LEXICONS) {
    for (const id of [...Object.keys(lex.concepts), ...Object.keys(lex.questionWords)]) {
      if (!(id in CONCEPTS) && !(id in QUESTION_TYPES)) throw new Error(`FAQ lexicon ${locale}: words for an unknown concept "${id}"`);
    }
  }
  // Each off-topic word is its own term: «الدوري» (the league) must not meet «الدورة» (a course) through a shared stem.
  for (const [, lex] of LEXICONS) for (const w of lex.offTopic) add(w, { kind: "offtopic", id: tokenize(w).join(" "), related: [] });

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

  for (const [id, info] of Object.entries(CONCEPTS)) {
    if (info.negated === undefined) continue;
    const to = hits.get(info.negated);
    if (!to) throw new Error(`FAQ lexicon: "${id}" negates to an unknown concept "${info.negated}"`);
    hits.get(id)!.negated = to;
  }

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
    if (hit.kind !== "concept" || w.length < 4) continue;
    conceptWords.push([w, `c:${hit.id}`]);
    for (const [id, f] of hit.related) if (f >= 0.8) conceptWords.push([w, `c:${id}`]);
  }
  // Every locale's listed words of one kind, in matching form.
  const wordSet = (pick: (lex: (typeof LEXICONS)[number][1]) => readonly string[] | undefined): Set<string> =>
    new Set([...LEXICONS].flatMap(([, lex]) => (pick(lex) ?? []).flatMap((w) => tokenize(w))));
  const askWords = wordSet((lex) => lex.askWords);
  const openingAskWords = wordSet((lex) => lex.openingAskWords);
  const negations = wordSet((lex) => lex.negations);
  const hedges = [...LEXICONS].flatMap(([, lex]) => (lex.hedges ?? []).map((h) => tokenize(h)));
  // A typo in a function word («ابغيي», «عشاان») must not turn it into an unknown topic word.
  const functionHits: LexHit[] = [];
  const functionForms = new Map<string, Set<number>>();
  for (const [w, hit] of exact) {
    if ((hit.kind !== "stop" && hit.kind !== "qword" && hit.kind !== "light") || w.length < 4) continue;
    functionForms.set(w, new Set([functionHits.length]));
    functionHits.push(hit);
  }
  const functionTypos = createTypoIndex(functionForms);
  const elapsed = { before: new Set<string>(), after: new Set<string>(), counts: new Set<string>(), unless: new Set<string>() };
  for (const [, lex] of LEXICONS) {
    for (const key of ["before", "after", "counts", "unless"] as const) {
      for (const w of lex.elapsed?.[key] ?? []) elapsed[key].add(tokenize(w).join(" "));
    }
  }
  return { exact, derived, phrases, maxPhrase, conceptWords, askWords, openingAskWords, hedges, negations, elapsed, conceptId: find, functionTypos, functionHits };
}

let baseLexicon: CompiledLexicon | undefined;

/** The compiled lexicon; the built-in one is compiled once and shared (it is never modified). */
export function lexiconFor(synonyms: string[][]): CompiledLexicon {
  if (synonyms.length > 0) return compileLexicon(synonyms);
  return (baseLexicon ??= compileLexicon([]));
}

/** The lexicon entry a typed word stands for, through its listed or derived forms. */
export function lookupWord(lex: CompiledLexicon, w: string): LexHit | null {
  const direct = lex.exact.get(w);
  if (direct) return direct;
  if (!isArabicScript(w)) {
    // "applying", "costs": the stem may be a listed word itself ("apply", "cost").
    const s = stemEnglish(w);
    return lex.derived.get(s) ?? lex.exact.get(s) ?? null;
  }
  const { nominal, verbal } = lookupFormSets(w);
  for (const f of nominal) {
    const h = lex.exact.get(f);
    if (h) return h;
  }
  for (const f of nominal) {
    const h = lex.derived.get(f);
    if (h) return h;
  }
  for (const f of verbal) {
    const h = lex.exact.get(f);
    if (h) return h;
  }
  return null;
}

/** The function word (or question word, or light word) a typed word is a typo of, if any. */
export function functionWordTypo(lex: CompiledLexicon, w: string): LexHit | null {
  if (w.length < 5) return null;
  const found = new Map<number, number>();
  lex.functionTypos.lookup(w, found);
  let best: LexHit | null = null;
  let bestF = 0;
  for (const [i, f] of found) {
    if (f > bestF) {
      best = lex.functionHits[i]!;
      bestF = f;
    }
  }
  return best;
}
