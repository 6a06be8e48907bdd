/**
 * Matching the rules (./rules.ts) on a message's clauses: a word and its
 * forms (a conjunction, a negation written onto it, a tense prefix, the
 * article, a light typo), slots indexed for speed, the placements of a
 * rule's slots, negation before, inside and (Urdu) after them, and the
 * rule's exceptions.
 */
import { isArabicWord } from "./normalize";
import type { Alternative, CompiledRule, NegationWords, Slot, WordPattern } from "./rules";
import { oneSlip } from "./typos";

export * from "./rules";
/** What follows a negation written onto the word («مابي» → «بي», «ابي»), or null. */
function fusedNegation(token: string): string[] | null {
  if (token.length <= 3 || !token.startsWith("ما")) return null;
  const rest = token.slice(2);
  return rest.startsWith("ا") ? [rest] : [rest, `ا${rest}`];
}

/**
 * The word, without a leading conjunction (و، ف), and (if asked) without a
 * negation written onto it; unless `exact`, also without a tense prefix or
 * «لل».
 */
function variants(token: string, withNegation: boolean, exact = false): string[] {
  const out = [token];
  if (token.length > 2 && (token.startsWith("و") || token.startsWith("ف"))) out.push(token.slice(1));
  const fused = withNegation ? fusedNegation(token) : null;
  if (fused) out.push(...fused);
  if (exact) return out;
  // The future and present prefixes «س» and «ب»: «سأنهي», «بنتحر», «بقتل» → «انهي», «انتحر», «اقتل».
  if (token.length > 3 && (token.startsWith("س") || token.startsWith("ب")) && isArabicWord(token)) {
    const rest = token.slice(1);
    out.push(rest);
    if (!rest.startsWith("ا")) out.push(`ا${rest}`);
  }
  // «للعنف» is «ل» + «العنف»; «الكلوركس» is «كلوركس» with the article.
  if (token.length > 4 && token.startsWith("لل")) out.push(`ا${token.slice(1)}`);
  if (token.length > 5 && token.startsWith("ال")) out.push(token.slice(2));
  return out;
}

function wordMatches(token: string, w: WordPattern, withNegation: boolean): boolean {
  switch (w.kind) {
    case "exact":
      return variants(token, withNegation, true).includes(w.text);
    case "form":
      return variants(token, withNegation).includes(w.text);
    case "prefix":
      return variants(token, withNegation).some((v) => v.startsWith(w.text));
    case "contains":
      return token.includes(w.text);
    case "word":
      return variants(token, withNegation).some((v) => v === w.text || oneSlip(v, w.text));
  }
}

/**
 * A slot indexed for speed: its one-word alternatives by kind (exact words in
 * sets, typo candidates by first letter and length), its phrases by their
 * first word (typed exactly). Built once per slot, on first use.
 */
export interface SlotIndex {
  words: Set<string>;
  exact: Set<string>;
  /** Words matched by any of their forms, never a slip. */
  forms: Set<string>;
  prefixes: string[];
  contains: string[];
  /** Words that may be typed with a slip: first letter → length → words (also by second letter after a leading alef). */
  slips: Map<string, Map<number, string[]>>;
  /** Phrases by the text of their first word; those starting with a prefix or a part of a word apart. */
  phrases: Map<string, Alternative[]>;
  /** Phrases whose first word is matched by its forms, by that word. */
  formPhrases: Map<string, Alternative[]>;
  loosePhrases: Alternative[];
}

const indexes = new WeakMap<Slot, SlotIndex>();

export function indexOf(slot: Slot): SlotIndex {
  let index = indexes.get(slot);
  if (index) return index;
  const made: SlotIndex = { words: new Set(), exact: new Set(), forms: new Set(), prefixes: [], contains: [], slips: new Map(), phrases: new Map(), formPhrases: new Map(), loosePhrases: [] };
  const slip = (letter: string | undefined, text: string) => {
    if (letter === undefined) return;
    let byLength = made.slips.get(letter);
    if (!byLength) made.slips.set(letter, (byLength = new Map()));
    const list = byLength.get(text.length);
    if (list) list.push(text);
    else byLength.set(text.length, [text]);
  };
  for (const alt of slot) {
    const w = alt[0]!;
    if (alt.length > 1) {
      const map = w.kind === "word" || w.kind === "exact" ? made.phrases : w.kind === "form" ? made.formPhrases : null;
      if (map) {
        const list = map.get(w.text);
        if (list) list.push(alt);
        else map.set(w.text, [alt]);
      } else made.loosePhrases.push(alt);
      continue;
    }
    if (w.kind === "exact") made.exact.add(w.text);
    else if (w.kind === "form") made.forms.add(w.text);
    else if (w.kind === "prefix") made.prefixes.push(w.text);
    else if (w.kind === "contains") made.contains.push(w.text);
    else {
      made.words.add(w.text);
      slip(w.text[0], w.text);
      if (w.text[0] === "ا") slip(w.text[1], w.text);
    }
  }
  indexes.set(slot, made);
  return made;
}

interface Forms {
  /** As typed, without a conjunction, and (if asked) without a negation written onto it. */
  exact: string[];
  /** The same and without a tense prefix or «لل». */
  all: string[];
}

/** The forms of a word, remembered (the same words come back in every message). */
const formsMemo = new Map<string, [Forms, Forms]>();

export function formsOf(token: string, withNegation: boolean): Forms {
  let pair = formsMemo.get(token);
  if (!pair) {
    if (formsMemo.size > 20_000) formsMemo.clear();
    pair = [
      { exact: variants(token, false, true), all: variants(token, false) },
      { exact: variants(token, true, true), all: variants(token, true) },
    ];
    formsMemo.set(token, pair);
  }
  return pair[withNegation ? 1 : 0];
}

/** True when one word matches one of the slot's one-word alternatives. */
function oneWordMatch(token: string, index: SlotIndex, withNegation: boolean): boolean {
  for (const c of index.contains) if (token.includes(c)) return true;
  const forms = formsOf(token, withNegation);
  for (const v of forms.exact) if (index.exact.has(v)) return true;
  for (const v of forms.all) {
    if (index.words.has(v) || index.forms.has(v)) return true;
    for (const p of index.prefixes) if (v.startsWith(p)) return true;
    if (index.slips.size === 0) continue;
    const letters = v[0] === "ا" ? [v[0], v[1]] : [v[0]];
    for (const letter of letters) {
      const byLength = letter === undefined ? undefined : index.slips.get(letter);
      if (!byLength) continue;
      for (let n = v.length - 1; n <= v.length + 1; n++) {
        for (const word of byLength.get(n) ?? []) if (oneSlip(v, word)) return true;
      }
    }
  }
  return false;
}

function phraseAt(words: readonly string[], at: number, alt: Alternative, withNegation: boolean): boolean {
  return at + alt.length <= words.length && alt.every((w, k) => wordMatches(words[at + k]!, w, withNegation && k === 0));
}

/** The number of words of the slot found at `at` (the longest alternative), or 0. */
export function slotAt(words: readonly string[], at: number, slot: Slot, withNegation = true): number {
  if (at >= words.length) return 0;
  const index = indexOf(slot);
  let best = oneWordMatch(words[at]!, index, withNegation) ? 1 : 0;
  if (index.phrases.size > 0) {
    for (const v of formsOf(words[at]!, withNegation).exact) {
      for (const alt of index.phrases.get(v) ?? []) if (alt.length > best && phraseAt(words, at, alt, withNegation)) best = alt.length;
    }
  }
  if (index.formPhrases.size > 0) {
    for (const v of formsOf(words[at]!, withNegation).all) {
      for (const alt of index.formPhrases.get(v) ?? []) if (alt.length > best && phraseAt(words, at, alt, withNegation)) best = alt.length;
    }
  }
  for (const alt of index.loosePhrases) if (alt.length > best && phraseAt(words, at, alt, withNegation)) best = alt.length;
  return best;
}

/**
 * One clause's words, remembering which slot matched where: many rules share
 * their slots (the same group of words), and each is looked up once per word.
 */
export class Clause {
  private readonly memo = new Map<Slot, Int8Array>();
  constructor(readonly words: readonly string[]) {}

  /** `slotAt` for this clause, remembered. */
  at(slot: Slot, i: number, withNegation = true): number {
    if (i < 0 || i >= this.words.length) return 0;
    let found = this.memo.get(slot);
    if (!found) this.memo.set(slot, (found = new Int8Array(this.words.length * 2).fill(-1)));
    const k = i * 2 + (withNegation ? 1 : 0);
    if (found[k] === -1) found[k] = slotAt(this.words, i, slot, withNegation);
    return found[k]!;
  }

  /** The word at `i` is one of the slot's (alone, no negation written onto it). */
  has(slot: Slot, i: number): boolean {
    return this.at(slot, i, false) > 0;
  }
}

// ---- Matching a clause --------------------------------------------------------

export interface RuleHit {
  rule: CompiledRule;
  /** Index of the first and last matched word. */
  from: number;
  to: number;
  /** A rule that ignores negation was matched negated ("I'm not going to hurt myself"). */
  negated: boolean;
}

interface Placement {
  from: number;
  to: number;
  /** The words the slots took (the others between them are gap words). */
  taken: Set<number>;
}

/** Ways the rule's slots can be laid on the clause (a few at most). */
function placements(rule: CompiledRule, clause: Clause): Placement[] {
  const words = clause.words;
  const found: Placement[] = [];
  const walk = (slot: number, at: number, taken: number[]) => {
    if (slot === rule.slots.length) {
      found.push({ from: taken[0]!, to: at - 1, taken: new Set(taken) });
      return;
    }
    const last = slot === 0 ? words.length - 1 : Math.min(words.length - 1, at + rule.gap);
    for (let i = at; i <= last && found.length < 8; i++) {
      const n = clause.at(rule.slots[slot]!, i);
      if (n > 0) walk(slot + 1, i + n, [...taken, ...Array.from({ length: n }, (_, k) => i + k)]);
    }
  };
  walk(0, 0, []);
  return found;
}

/**
 * True when the placed words are negated: a negation just before (fillers
 * allowed between, not after a "why"), written onto the first word («مابي»),
 * among the gap words, or (Urdu, where it follows the verb) just after.
 */
export function negated(clause: Clause, at: Placement, rule: CompiledRule, neg: NegationWords): boolean {
  const { from, to } = at;
  const words = clause.words;
  if (clause.at(rule.slots[0]!, from, false) === 0) return true;
  for (let i = from - 1; i >= 0 && i >= from - 4; i--) {
    // «ما اقدر», or «مااقدر» / «مايقدر» with the negation written onto the filler.
    const fusedFiller = fusedNegation(words[i]!)?.some((v) => slotAt([v], 0, neg.fillers, false) > 0) ?? false;
    if (clause.has(neg.negators, i) || fusedFiller) return !clause.has(neg.why, i - 1);
    if (!clause.has(neg.fillers, i)) break;
  }
  for (let i = from + 1; i < to; i++) if (!at.taken.has(i) && clause.has(neg.negators, i)) return true;
  if (rule.lang === "ur" || rule.lang === "ur-latn") {
    for (let i = to + 1; i < words.length && i <= to + 2; i++) if (clause.has(neg.negators, i)) return true;
  }
  return false;
}

const anyIn = (clause: Clause, from: number, until: number, slot: Slot): boolean => {
  for (let i = Math.max(0, from); i < Math.min(until, clause.words.length); i++) if (clause.at(slot, i, false) > 0) return true;
  return false;
};

/** The rule's first placement on the clause that counts (negation and exceptions applied), or null. */
export function matchRule(rule: CompiledRule, clause: Clause, neg: NegationWords): RuleHit | null {
  const found = placements(rule, clause);
  if (found.length === 0) return null;
  if (rule.unlessIn && anyIn(clause, 0, clause.words.length, rule.unlessIn)) return null;
  for (const at of found) {
    if (rule.unlessAfter && anyIn(clause, at.to + 1, at.to + 4, rule.unlessAfter)) continue;
    const isNeg = negated(clause, at, rule, neg);
    if (rule.neg === "cancels" && isNeg) continue;
    if (rule.neg === "requires" && !isNeg) continue;
    return { rule, from: at.from, to: at.to, negated: rule.neg === "ignored" && isNeg };
  }
  return null;
}
