/**
 * The matching machinery of the safety detector, apart from its words (the
 * lexicons are data: `lexicon/*.ts`). A rule is a short sequence of slots
 * that must appear in order within one clause, a few words apart at most;
 * each slot is a set of alternatives, and an alternative is a word or a
 * phrase of words joined by "_" («فاقد_الوعي»). A word is written as:
 *
 *   word     the word itself, a light typo of it (one letter added, dropped,
 *            swapped, or replaced by a keyboard neighbour (Latin) or a letter
 *            of the same sound (Arabic)), or it with a leading و / ف
 *            («واموت») or a negation written onto it («مابي»)
 *   =word    exactly that word (short or easily confused words)
 *   stem*    a word starting with `stem`
 *   *core*   a word containing `core`
 *
 * Slots are separated by spaces and may be at most `gap` words apart (2 by
 * default). `@NAME` stands for a group of alternatives defined once per lexicon.
 */
import { foldWord, isArabicWord } from "./normalize";

export type DangerKind = "self_harm" | "medical" | "emergency" | "violence" | "child" | "distress";
export type LexiconLang = "ar" | "en" | "ur" | "ur-latn";

export interface RuleSpec {
  kind: DangerKind;
  /** The slots, as described above. */
  p: string;
  /**
   * A negation just before the first slot (only filler words between),
   * written onto its first word, or inside the match: "cancels" (the
   * default: «ما ابي اموت»), "requires" («ما ابي اعيش», "don't want to
   * live"), or "ignored".
   */
  neg?: "cancels" | "requires" | "ignored";
  /** Words right after the match (3 at most) that make it a figure of speech («اموت من الضحك»). */
  unlessAfter?: string;
  /** Words anywhere in the clause that make it something else (a cost, the service). */
  unlessIn?: string;
  /** Most words between two slots (default 2). */
  gap?: number;
}

interface WordPattern {
  kind: "word" | "exact" | "prefix" | "contains";
  text: string;
}
/** One or more words in a row. */
type Alternative = WordPattern[];
export type Slot = Alternative[];

export interface CompiledRule {
  kind: DangerKind;
  lang: LexiconLang;
  source: string;
  slots: Slot[];
  gap: number;
  neg: "cancels" | "requires" | "ignored";
  unlessAfter: Slot | null;
  unlessIn: Slot | null;
}

export interface Lexicon {
  lang: LexiconLang;
  groups: Record<string, string>;
  rules: RuleSpec[];
}

/** Words that negate what follows or (Urdu) what precedes. */
export interface NegationWords {
  negators: Slot;
  /** Words that may stand between a negation and what it negates ("not going to", «ما راح»). */
  fillers: Slot;
  /** "Why" before a negation turns it into a question: «ليش ما اموت». */
  why: Slot;
}

function parseWord(raw: string): WordPattern {
  if (raw.startsWith("*") && raw.endsWith("*") && raw.length > 2) return { kind: "contains", text: foldWord(raw.slice(1, -1)) };
  if (raw.endsWith("*")) return { kind: "prefix", text: foldWord(raw.slice(0, -1)) };
  if (raw.startsWith("=")) return { kind: "exact", text: foldWord(raw.slice(1)) };
  return { kind: "word", text: foldWord(raw) };
}

/** A slot's alternatives ("a|b_c|@GROUP"), groups expanded. */
export function parseSlot(spec: string, groups: Record<string, string> = {}, seen: string[] = []): Slot {
  const out: Slot = [];
  for (const alt of spec.split("|").map((a) => a.trim()).filter((a) => a.length > 0)) {
    if (alt.startsWith("@")) {
      const name = alt.slice(1);
      const group = groups[name];
      if (group === undefined) throw new Error(`safety lexicon: unknown group @${name}`);
      if (seen.includes(name)) throw new Error(`safety lexicon: group @${name} refers to itself`);
      out.push(...parseSlot(group, groups, [...seen, name]));
      continue;
    }
    const words = alt.split("_").filter((w) => w.length > 0).map(parseWord);
    if (words.some((w) => w.text === "")) throw new Error(`safety lexicon: "${alt}" folds to nothing`);
    out.push(words);
  }
  return out;
}

export function compileLexicon(lexicon: Lexicon): CompiledRule[] {
  return lexicon.rules.map((r) => {
    const slots = r.p.trim().split(/\s+/).map((s) => parseSlot(s, lexicon.groups));
    if (slots.some((s) => s.length === 0)) throw new Error(`safety lexicon: empty slot in "${r.p}"`);
    return {
      kind: r.kind,
      lang: lexicon.lang,
      source: r.p,
      slots,
      gap: r.gap ?? 2,
      neg: r.neg ?? "cancels",
      unlessAfter: r.unlessAfter ? parseSlot(r.unlessAfter, lexicon.groups) : null,
      unlessIn: r.unlessIn ? parseSlot(r.unlessIn, lexicon.groups) : null,
    };
  });
}

// ---- Light typos --------------------------------------------------------------

/**
 * Latin letters a finger slips between (neighbours on the keyboard), and Arabic
 * letters written for one another by sound. Arabic keyboard neighbours are not
 * counted: too many everyday words are one neighbour away from a danger word
 * («نظيف», clean, from «نزيف», bleeding).
 */
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const CLOSE = new Map<string, Set<string>>();
const close = (a: string, b: string) => {
  if (!CLOSE.has(a)) CLOSE.set(a, new Set());
  if (!CLOSE.has(b)) CLOSE.set(b, new Set());
  CLOSE.get(a)!.add(b);
  CLOSE.get(b)!.add(a);
};
for (const row of ROWS) for (let i = 0; i + 1 < row.length; i++) close(row[i]!, row[i + 1]!);
for (const [a, b] of ["ضظ", "ذز", "ثس", "تط", "صس", "قك", "قغ", "ءا"]) close(a!, b!);

const isClose = (a: string, b: string): boolean => CLOSE.get(a)?.has(b) ?? false;

/** Letters that carry the word's meaning: «ال» does not count. */
const core = (word: string): number => (word.startsWith("ال") ? word.length - 2 : word.length);

/**
 * True when `typed` is `word` with one slip: a letter added, dropped (Latin
 * only), swapped with its neighbour, or replaced by a close one; the first letter kept
 * (an Arabic word may lose or gain its leading alef). Words shorter than 4
 * (Arabic, not counting «ال») or 5 (Latin) letters must be typed exactly:
 * «الدعم» is not a slip of «الدم», nor «ابي» of «ابكي».
 */
export function oneSlip(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (core(word) < (isArabicWord(word) ? 4 : 5) || core(typed) < (isArabicWord(typed) ? 4 : 5)) return false;
  const la = typed.length;
  const lb = word.length;
  if (Math.abs(la - lb) > 1) return false;
  if (typed[0] !== word[0]) {
    // «نتحر» for «انتحر».
    return (word[0] === "ا" && typed === word.slice(1)) || (typed[0] === "ا" && typed.slice(1) === word);
  }
  if (la === lb) {
    let diff = -1;
    for (let i = 0; i < la; i++) {
      if (typed[i] === word[i]) continue;
      if (diff >= 0) {
        // Two neighbours swapped.
        return i === diff + 1 && typed[diff] === word[i] && typed[i] === word[diff] && typed.slice(i + 1) === word.slice(i + 1);
      }
      diff = i;
    }
    return diff < 0 || isClose(typed[diff]!, word[diff]!);
  }
  // A letter dropped from an Arabic word too often leaves another word («يضرني» from «يضربني»).
  if (la < lb && isArabicWord(word)) return false;
  const [long, short] = la > lb ? [typed, word] : [word, typed];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/** What follows a negation written onto the word («مابي» → «بي», «ابي»), or null. */
function fusedNegation(token: string): string[] | null {
  if (token.length <= 3 || !token.startsWith("ما")) return null;
  const rest = token.slice(2);
  return rest.startsWith("ا") ? [rest] : [rest, `ا${rest}`];
}

/** The word, without a leading conjunction (و، ف), and (if asked) without a negation written onto it. */
function variants(token: string, withNegation: boolean): string[] {
  const out = [token];
  if (token.length > 2 && (token.startsWith("و") || token.startsWith("ف"))) out.push(token.slice(1));
  // The future and present prefixes «س» and «ب»: «سأنهي», «بنتحر», «بقتل» → «انهي», «انتحر», «اقتل».
  if (token.length > 3 && (token.startsWith("س") || token.startsWith("ب")) && isArabicWord(token)) {
    const rest = token.slice(1);
    out.push(rest);
    if (!rest.startsWith("ا")) out.push(`ا${rest}`);
  }
  // «للعنف» is «ل» + «العنف».
  if (token.length > 4 && token.startsWith("لل")) out.push(`ا${token.slice(1)}`);
  const fused = withNegation ? fusedNegation(token) : null;
  if (fused) out.push(...fused);
  return out;
}

function wordMatches(token: string, w: WordPattern, withNegation: boolean): boolean {
  switch (w.kind) {
    case "exact":
      return variants(token, withNegation).includes(w.text);
    case "prefix":
      return variants(token, withNegation).some((v) => v.startsWith(w.text));
    case "contains":
      return token.includes(w.text);
    case "word":
      return variants(token, withNegation).some((v) => v === w.text || oneSlip(v, w.text));
  }
}

/** The number of words of the slot found at `at` (the longest alternative), or 0. */
export function slotAt(words: readonly string[], at: number, slot: Slot, withNegation = true): number {
  let best = 0;
  for (const alt of slot) {
    if (alt.length <= best || at + alt.length > words.length) continue;
    if (alt.every((w, k) => wordMatches(words[at + k]!, w, withNegation && k === 0))) best = alt.length;
  }
  return best;
}

const inSlot = (word: string, slot: Slot): boolean => slotAt([word], 0, slot, false) > 0;

// ---- Matching a clause --------------------------------------------------------

export interface RuleHit {
  rule: CompiledRule;
  /** Index of the first and last matched word. */
  from: number;
  to: number;
}

interface Placement {
  from: number;
  to: number;
  /** The words the slots took (the others between them are gap words). */
  taken: Set<number>;
}

/** Ways the rule's slots can be laid on the clause (a few at most). */
function placements(rule: CompiledRule, words: readonly string[]): Placement[] {
  const found: Placement[] = [];
  const walk = (slot: number, at: number, taken: number[]) => {
    if (slot === rule.slots.length) {
      found.push({ from: taken[0]!, to: at - 1, taken: new Set(taken) });
      return;
    }
    const last = slot === 0 ? words.length - 1 : Math.min(words.length - 1, at + rule.gap);
    for (let i = at; i <= last && found.length < 8; i++) {
      const n = slotAt(words, i, rule.slots[slot]!);
      if (n > 0) walk(slot + 1, i + n, [...taken, ...Array.from({ length: n }, (_, k) => i + k)]);
    }
  };
  walk(0, 0, []);
  return found;
}

/**
 * True when the words at [from, to] are negated: a negation just before
 * (fillers allowed between, not after a "why"), written onto the first word
 * («مابي»), inside the match, or (Urdu, where it follows the verb) just after.
 */
export function negated(words: readonly string[], at: Placement, rule: CompiledRule, neg: NegationWords): boolean {
  const { from, to } = at;
  if (slotAt(words, from, rule.slots[0]!, false) === 0) return true;
  for (let i = from - 1; i >= 0 && i >= from - 4; i--) {
    const w = words[i]!;
    // «ما اقدر», or «مااقدر» / «مايقدر» with the negation written onto the filler.
    const fusedFiller = fusedNegation(w)?.some((v) => inSlot(v, neg.fillers)) ?? false;
    if (inSlot(w, neg.negators) || fusedFiller) {
      const before = words[i - 1];
      return !(before !== undefined && inSlot(before, neg.why));
    }
    if (!inSlot(w, neg.fillers)) break;
  }
  for (let i = from + 1; i < to; i++) if (!at.taken.has(i) && inSlot(words[i]!, neg.negators)) return true;
  if (rule.lang === "ur" || rule.lang === "ur-latn") {
    for (let i = to + 1; i < words.length && i <= to + 2; i++) if (inSlot(words[i]!, neg.negators)) return true;
  }
  return false;
}

const anyAt = (words: readonly string[], from: number, until: number, slot: Slot): boolean => {
  for (let i = from; i < Math.min(until, words.length); i++) if (slotAt(words, i, slot, false) > 0) return true;
  return false;
};

/** The rule's first placement on the clause that counts (negation and exceptions applied), or null. */
export function matchRule(rule: CompiledRule, words: readonly string[], neg: NegationWords): RuleHit | null {
  if (rule.unlessIn && anyAt(words, 0, words.length, rule.unlessIn)) return null;
  for (const at of placements(rule, words)) {
    if (rule.unlessAfter && anyAt(words, at.to + 1, at.to + 4, rule.unlessAfter)) continue;
    if (rule.neg !== "ignored") {
      const isNeg = negated(words, at, rule, neg);
      if (rule.neg === "cancels" && isNeg) continue;
      if (rule.neg === "requires" && !isNeg) continue;
    }
    return { rule, from: at.from, to: at.to };
  }
  return null;
}
