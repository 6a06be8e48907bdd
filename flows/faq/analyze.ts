/**
 * Analysis: a text (a question variant, an answer or a query) becomes tokens,
 * each standing for terms with a factor: lexicon concepts ("c:water" for ماء،
 * مويه، موية، water), question types ("q:q_where"), stems ("s:…"), numbers
 * ("n:…"), with weaker links to related concepts.
 */

import { functionWordTypo, lookupWord, type CompiledLexicon, type LexHit } from "./compile";
import { COMPOSITIONS } from "./lexicon";
import { foldRepeats, isArabicScript, isNumber, stem, stemArabic, stripArticle, stripLetterPrefix, tokenize } from "./normalize";

export type TokKind = "content" | "qword" | "light" | "number";

export const QWORD_WEIGHT = 0.3;
const PHRASE_WORD_FACTOR = 0.7;
/** A concept matched through another word of the same group (per side). */
const SYNONYM_FACTOR = 0.97;

export interface Tok {
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
  /** Query tokens: 1 in the part of the message that asks, less in the context around it (see focus.ts). */
  focus?: number;
  /** A word or a combination that means either of two things (see ConceptInfo.ambiguous, COMPOSITIONS). */
  ambiguous?: boolean;
  /** A word made light by others that say what it means (COMPOSITIONS `demote`): their terms. */
  explainedBy?: string[];
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
  const single = foldRepeats(w, 2);
  if (single !== w) out.add(single);
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
      return { kind: "content", feats: [[`o:${hit.id}`, 1]], fuzzy: [], offTopic: true };
    case "concept": {
      // The concept first (it decides the weight); the word itself matches a
      // little better than a synonym does.
      const feats: Array<[string, number]> = [[`c:${hit.id}`, SYNONYM_FACTOR]];
      if (w && !hit.ambiguous) for (const [t, f] of stemFeats(w)) if (!feats.some(([x]) => x === t)) feats.push([t, f]);
      for (const [id, f] of hit.related) feats.push([`c:${id}`, f]);
      const tok: Tok = { kind: "content", feats, fuzzy: w ? fuzzyForms(w) : [], intent: hit.intent === true, generic: hit.generic === true };
      if (hit.ambiguous) tok.ambiguous = true;
      return tok;
    }
  }
}

/**
 * Imperfect verb shape: ت/ي/ن … ون/ين/وا, optionally with an object pronoun
 * (تشاركون، يعطونا), or with an object pronoun alone (تنفذها، يعطيني).
 */
function looksLikeVerb(w: string): boolean {
  if (!isArabicScript(w) || w.length < 5) return false;
  return /^[وف]?[تين].{2,}(ون|وا|ين)(ها|هم|نا|ه|ك|كم)?$/.test(w) || /^[وف]?[تين].{3,}(ها|هم|ني|نا|كم)$/.test(w);
}

/** Whether the word at `at` (0-based) follows a negation, with at most one function word between. */
function negatedAt(lex: CompiledLexicon, words: string[], at: number): boolean {
  const before = words[at - 1];
  if (before !== undefined && lex.negations.has(before)) return true;
  const twoBefore = words[at - 2];
  return twoBefore !== undefined && lex.negations.has(twoBefore) && lex.exact.get(before!)?.kind === "stop";
}

/**
 * Whether the period (or the "how long" phrase) at words[start..end) is a time
 * elapsed: «قدمت من اسبوعين», «قبل كم يوم», "since two days", "two weeks ago",
 * "the week before", «ایک ہفتے سے». It tells the story, not the question.
 */
function elapsedAt(lex: CompiledLexicon, words: string[], start: number, end: number): boolean {
  const { before, after, counts, unless } = lex.elapsed;
  let k = start - 1;
  while (k >= 0 && start - k <= 2 && (isNumber(words[k]!) || counts.has(words[k]!))) k--;
  if (k >= 0 && before.has(words[k]!) && !(k > 0 && unless.has(words[k - 1]!))) return true;
  const next = words[end];
  return next !== undefined && (after.has(next) || (lex.exact.get(next)?.kind === "stop" && after.has(words[end + 1] ?? "")));
}

/** The tokens of a text, meaning units combined (see {@link compose}); a repeated term counts once. */
export function analyze(lex: CompiledLexicon, text: string): Tok[] {
  return compose(lex, tokens(lex, text));
}

/** Words that ask "what" inside a sentence but yes-or-no at its start (matching form). */
const YES_NO_OPENERS = new Set(["كيا", "kya", "kia"]);

/** The tokens of one clause, before meaning units are combined (see {@link compose}). */
export function tokens(lex: CompiledLexicon, text: string): Tok[] {
  const words = tokenize(text);
  const stems = words.map(stem);
  // A letter typed twice («وين وصلل») is also tried once in phrases.
  const folded = words.map((w) => stem(foldRepeats(w, 2)));
  const anyFolded = folded.some((f, k) => f !== stems[k]);
  // «مين بيشوف», «متى بتوصلون»: the dialect future «ب» before a verb, tried without it inside a phrase.
  const present = words.map((w, k) => (w.length > 3 && /^ب[يتن]/.test(w) ? stem(w.slice(1)) : stems[k]!));
  const anyFuture = present.some((f, k) => f !== stems[k]);
  const phraseAt = (i: number, n: number): LexHit | undefined => {
    const hit =
      lex.phrases.get(stems.slice(i, i + n).join(" ")) ??
      (anyFolded ? lex.phrases.get(folded.slice(i, i + n).join(" ")) : undefined) ??
      (anyFuture ? lex.phrases.get(present.slice(i, i + n).join(" ")) : undefined);
    if (hit) return hit;
    // «وجزاكم الله خير», «والله يعطيكم العافيه», «وما عندي سياره», «فمين يشوف»: a phrase after «و» or «ف»;
    // «بيطلع لاحد»: the dialect future «ب».
    const w = words[i]!;
    const joined = (w.length >= 3 && (w.startsWith("و") || w.startsWith("ف"))) || (w.length > 3 && w.startsWith("ب"));
    return joined ? lex.phrases.get([stem(w.slice(1)), ...present.slice(i + 1, i + n)].join(" ")) : undefined;
  };
  const out: Tok[] = [];
  const periods = new Set([lex.conceptId("period_unit"), lex.conceptId("duration")]);
  const isElapsed = (hit: LexHit, start: number, end: number) => hit.kind === "concept" && periods.has(hit.id) && elapsedAt(lex, words, start, end);
  // «من يحق له…», «من يمكنه…»: «من» opening a sentence asks "who", not "from" («من وين» is "from where").
  if (words.length > 1 && words[0] === "من" && lex.exact.get(words[1]!)?.kind !== "qword" && !lex.phrases.has(stems.slice(0, 2).join(" "))) {
    const who = lex.exact.get("مين");
    const tok = who ? hitToken(who, null) : null;
    if (tok) out.push(tok);
  }
  // Urdu «کیا», Roman "kya" opening a sentence asks yes or no («کیا کورس مفت ہے؟»), like «هل»: not "what".
  let i = words.length > 1 && YES_NO_OPENERS.has(words[0]!) && lex.exact.get(words[1]!)?.kind !== "qword" ? 1 : 0;
  while (i < words.length) {
    let done = false;
    for (let n = Math.min(lex.maxPhrase, words.length - i); n >= 2 && !done; n--) {
      const hit = phraseAt(i, n);
      if (hit) {
        const tok = isElapsed(hit, i, i + n) ? null : hitToken(hit, null);
        if (tok) {
          // The phrase's own words still count, more weakly ("رقم التواصل" ~ "رقمكم"),
          // except in an off-topic phrase («اسوي حساب» is not «حسابكم»).
          if (!tok.offTopic) for (const st of stems.slice(i, i + n)) {
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
    // A letter typed twice («شككوى», «دواممكم») is tried once when the word is not known as typed.
    const single = foldRepeats(w, 2);
    const found = lookupWord(lex, w) ?? (single !== w ? lookupWord(lex, single) : null) ?? functionWordTypo(lex, w);
    // «ما انقبلت», "not accepted": a negation just before (a function word
    // between allowed: «ما اقدر اجي») turns a concept into its negated one.
    const hit = found?.negated && negatedAt(lex, words, i - 1) ? found.negated : found;
    if (hit) {
      const tok = isElapsed(hit, i - 1, i) ? null : hitToken(hit, w);
      if (tok) out.push(tok);
      continue;
    }
    if (w.length < 2 && !isArabicScript(w)) continue; // stray Latin letters
    out.push({ kind: "content", feats: stemFeats(w), fuzzy: fuzzyForms(w), verbLike: looksLikeVerb(w) });
  }
  const seen = new Set<string>();
  return out.filter((t) => {
    const key = t.feats[0]?.[0];
    if (key === undefined || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Applies what two meaning units mean together (see COMPOSITIONS) to the first one's token. */
export function compose(lex: CompiledLexicon, toks: Tok[]): Tok[] {
  // Question types («q_where») combine too, by their own prefix.
  const all = (ids: string[]) => toks.filter((t) => ids.some((id) => t.feats[0]![0] === `${id.startsWith("q_") ? "q" : "c"}:${lex.conceptId(id)}`));
  for (const c of COMPOSITIONS) {
    const firsts = all(c.when[0]);
    const first = firsts[0];
    // A word an earlier combination made light no longer combines («رفض» of a person is not a decision).
    const seconds = first ? all(c.when[1]).filter((t) => t.kind !== "light") : [];
    if (!first || seconds.length === 0) continue;
    if (c.demote) {
      const by = seconds.map((t) => t.feats[0]![0]);
      for (const t of firsts) {
        t.kind = "light";
        t.intent = false;
        t.ambiguous = false;
        t.explainedBy = [...(t.explainedBy ?? []), ...by];
      }
      continue;
    }
    if (c.add === undefined) continue;
    const term = `c:${lex.conceptId(c.add)}`;
    const factor = c.factor ?? 1;
    const at = first.feats.findIndex(([t]) => t === term);
    if (at < 0) first.feats.push([term, factor]);
    else first.feats[at] = [term, Math.max(first.feats[at]![1], factor)];
    if (c.ambiguous) first.ambiguous = true;
    if (c.settles) first.ambiguous = false;
  }
  return toks;
}
