/**
 * The comparison form the safety detector reads: the text split into clauses
 * (a negation or a figure of speech in one clause says nothing about the
 * next) and each clause into words. Arabic is folded as everywhere else
 * (`normalizeArabic`: hamza forms, taa marbuta, alef maqsura, diacritics,
 * tatweel, digits), Urdu letters onto their Arabic counterparts, apostrophes
 * dropped ("don't" → "dont"), stretched letters squeezed ("امووووت" → "اموت",
 * "helppp" → "helpp"). The lexicons are put through the same function, so
 * they are written in ordinary spelling.
 */
import { normalizeArabic } from "../text/arabic";

/** Urdu and Persian letters folded onto the Arabic letters they are typed as. */
const URDU_FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[ہۃۂھ]/g, "ه"],
  [/[ےۓ]/g, "ي"],
  [/ں/g, "ن"],
  [/ٹ/g, "ت"],
  [/ڈ/g, "د"],
  [/ڑ/g, "ر"],
  [/[ڪګ]/g, "ك"],
  [/ۆ/g, "و"],
];

/** Words that end a clause as punctuation does ("but" starts another thought). */
const CLAUSE_WORDS = new Set(["بس", "لكن", "لاكن", "but", "however", "though", "lekin", "magar", "لیکن", "ليكن", "مگر", "مكر"]);

/** Punctuation that ends a clause; other punctuation and symbols only separate words. */
const CLAUSE_END = /[.!?؟،,;؛\n\r]+/u;

const ARABIC = /[\u0600-\u06FF]/;

/** Squeezes a run of one letter: Arabic to one (letters are not doubled in writing), Latin to two. */
function squeeze(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, (run, ch: string) => (ARABIC.test(ch) ? ch : ch + ch));
}

/** One word in comparison form (used for the lexicons too). */
export function foldWord(word: string): string {
  let s = normalizeArabic(word);
  for (const [re, to] of URDU_FOLDS) s = s.replace(re, to);
  return squeeze(s.replace(/['’‘`´]/g, "").replace(/[\p{P}\p{S}]/gu, ""));
}

/** Emoji of laughter, read as the word "lol" (a joke frame, ./frames.ts). */
const LAUGHTER = /[\u{1F602}\u{1F923}\u{1F605}\u{1F606}\u{1F639}\u{1F61C}\u{1F61D}\u{1F92A}\u{1F601}]/gu;
/** A decimal number keeps its whole part ("38.7" → "38"): its point does not end a clause. */
const DECIMAL = /(\d)[.٫](\d+)/g;

/** The text as clauses of comparison-form words; empty clauses dropped. */
export function clauses(text: string): string[][] {
  let s = normalizeArabic(text.replace(LAUGHTER, " lol "));
  s = s.replace(DECIMAL, "$1");
  for (const [re, to] of URDU_FOLDS) s = s.replace(re, to);
  s = s.replace(/['’‘`´]/g, "");
  const out: string[][] = [];
  for (const part of s.split(CLAUSE_END)) {
    let clause: string[] = [];
    const words = part
      .replace(/[\p{P}\p{S}]/gu, " ")
      // Letters and digits apart: "عمري15" → "عمري 15".
      .replace(/(\p{L})(\p{N})/gu, "$1 $2")
      .replace(/(\p{N})(\p{L})/gu, "$1 $2")
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map(squeeze);
    for (const w of words) {
      if (CLAUSE_WORDS.has(w)) {
        if (clause.length > 0) out.push(clause);
        clause = [];
      } else clause.push(w);
    }
    if (clause.length > 0) out.push(clause);
  }
  return out;
}

/** True for a word in Arabic script. */
export const isArabicWord = (w: string): boolean => ARABIC.test(w);
