/**
 * Matching normalisation for the FAQ matcher: a comparison form of the text,
 * a tokenizer and light stemmers for Arabic (also applied to Urdu) and English.
 * The text a person typed is never changed; callers keep it for display.
 */

import { normalizeArabic } from "../text/arabic";

/**
 * Urdu/Persian letter variants folded onto their Arabic counterparts. Noon
 * ghunna (ں) is kept: folded, Urdu «میں» ("I", "in") would read as the Gulf
 * «مين» ("who").
 */
const URDU_FOLDS: Array<[RegExp, string]> = [
  [/[ہۃۂھ]/g, "ه"],
  [/[ےۓ]/g, "ي"],
  [/ڪ/g, "ك"],
];

const ARABIC_LETTER = /[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F]/;

const REPEATS = new Map<number, RegExp>();

/**
 * Folds runs of `min` or more identical letters to one letter
 * ("مرحبااااا" → "مرحبا", "hellooo" → "hello"). Digits are left alone.
 */
export function foldRepeats(text: string, min = 3): string {
  if (min < 2) throw new RangeError("min must be at least 2");
  let re = REPEATS.get(min);
  if (!re) REPEATS.set(min, (re = new RegExp(`(\\p{L})\\1{${min - 1},}`, "gu")));
  return text.replace(re, "$1");
}

/**
 * The comparison form used for matching: {@link normalizeArabic} (hamza forms,
 * alef maqsura, taa marbuta, diacritics, tatweel, invisible characters,
 * Arabic-Indic digits, lower case), Urdu letter variants, punctuation and
 * symbols removed, letters separated from digits, runs of 3+ identical letters
 * folded to one.
 */
export function matchForm(text: string): string {
  let s = normalizeArabic(text);
  for (const [re, to] of URDU_FOLDS) s = s.replace(re, to);
  s = s
    .replace(/\b(can|won)['’]t\b/g, (_m, w: string) => (w === "can" ? "cannot" : "will not"))
    .replace(/n['’]t\b/g, " not") // don't → do not: a negation the matcher reads
    .replace(/['’](ll|re|ve|d|m)\b/g, (_m, c: string) => ` ${({ ll: "will", re: "are", ve: "have", d: "would", m: "am" } as Record<string, string>)[c]}`)
    .replace(/['’`]s\b/g, "") // English possessive
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{L})/gu, "$1 $2");
  return foldRepeats(s, 3).replace(/\s+/g, " ").trim();
}

/** Splits text into matching-form words. */
export function tokenize(text: string): string[] {
  const s = matchForm(text);
  return s === "" ? [] : s.split(" ");
}

export function isArabicScript(word: string): boolean {
  return ARABIC_LETTER.test(word);
}

export function isNumber(word: string): boolean {
  return /^\p{N}+$/u.test(word);
}

/* ------------------------------------------------------------------ */
/* Arabic light stemmer                                                */
/* ------------------------------------------------------------------ */

/** Definite-article prefixes, longest first; the rest must keep 2+ letters. */
const ARTICLE_PREFIXES = ["وال", "بال", "كال", "فال", "ولل", "ال", "لل"];
/** The Gulf demonstrative article «هال» ("this"), alone or after a one-letter prefix. */
const DEMONSTRATIVE_PREFIXES = ["وهال", "بهال", "لهال", "هال"];
/** One-letter conjunction/preposition prefixes; the rest must keep 3+ letters. */
const LETTER_PREFIXES = ["و", "ف", "ب", "ك", "ل"];
/** Imperfect-verb prefixes (اتطوع، يسجل، تداوم، نتبرع) — used only for lexicon look-ups. */
const VERB_PREFIXES = ["ا", "ي", "ت", "ن"];

/**
 * Pronoun suffixes, longest first. The "ت…" forms are taa marbuta + pronoun
 * ("حالتي" → "حال", like "حاله" → "حال"); "ه" also covers taa marbuta itself.
 */
const PRONOUN_SUFFIXES = [
  "تهما", "تكما", "تهم", "تهن", "تكم", "تكن", "تنا", "تها",
  "هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها",
  "ته", "تك", "تي",
  "ه", "ك", "ي",
];
/** Plural, dual and nisba suffixes, longest first. */
const PLURAL_SUFFIXES = ["يات", "ات", "ون", "ين", "ان", "يه", "ي"];
/** Verb plural suffixes (تداومون، يردوا) — used only for lexicon look-ups. */
const VERB_SUFFIXES = ["ون", "ين", "وا", "ان", "و", "ن"];

const MIN_STEM = 3;

/** Removes one definite-article prefix when at least two letters remain. */
export function stripArticle(word: string): string {
  // Gulf «هال» ("this"): «هالفتره», «بهالمعلومات».
  for (const p of DEMONSTRATIVE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 3) return word.slice(p.length);
  }
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 2) return word.slice(p.length);
  }
  return word;
}

/** The word without a one-letter prefix (و ف ب ك ل), or null when none applies. */
export function stripLetterPrefix(word: string, minRest = MIN_STEM): string | null {
  for (const p of LETTER_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= minRest) return word.slice(p.length);
  }
  return null;
}

function stripSuffixes(word: string): string {
  let w = word;
  if (w.length >= 5 && w.endsWith("ا") && !/(اا|نا|ها|ما)$/.test(w)) w = w.slice(0, -1); // tanween fath: متطوعاً
  for (const s of PRONOUN_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= MIN_STEM) {
      // "بياناتي" is بيانات + ي (a plural), not a taa marbuta: keep the ت.
      const cut = s.startsWith("ت") && w[w.length - s.length - 1] === "ا" ? s.length - 1 : s.length;
      w = w.slice(0, -cut);
      break;
    }
  }
  for (const s of PLURAL_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= MIN_STEM) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w;
}

/**
 * Light Arabic stemmer: one definite-article prefix (ال، وال، بال، كال، فال، لل)
 * then one pronoun suffix and one plural/nisba suffix, never leaving fewer than
 * three letters ("بياناتي" → "بيان", "المستحقين" → "مستحق", "حالتي" → "حال").
 * One-letter prefixes are not removed here (see {@link stripLetterPrefix}).
 */
export function stemArabic(word: string): string {
  if (word.length <= MIN_STEM) return word;
  return stripSuffixes(stripArticle(word));
}

/**
 * Extra look-up forms of an Arabic word for the lexicon, in two sets:
 * `nominal`: the word without the article and/or a one-letter prefix
 * ("والمستندات" → "مستندات"); `verbal`: without a verb plural suffix, an
 * imperfect-verb prefix, or in another person ("تداومون" → "داوم",
 * "استحق" → "يستحق"). Verbal forms are looked up among listed words only: a
 * verb stripped to its bare letters and then read as an inflected noun is
 * usually another word (يصدر → صدر "chest").
 */
export function lookupFormSets(word: string): { nominal: string[]; verbal: string[] } {
  const nominal = new Set<string>();
  const verbal = new Set<string>();
  const addTo = (set: Set<string>, w: string | null) => {
    if (w && w.length >= 2 && !nominal.has(w)) set.add(w);
  };
  const bases = [word];
  const art = stripArticle(word);
  if (art !== word) bases.push(art);
  const letter = stripLetterPrefix(word, 2);
  if (letter) {
    bases.push(letter);
    const a2 = stripArticle(letter);
    if (a2 !== letter) bases.push(a2);
  }
  for (const b of bases) addTo(nominal, b);
  for (const b of bases) {
    for (const s of VERB_SUFFIXES) {
      if (b.endsWith(s) && b.length - s.length >= MIN_STEM) addTo(verbal, b.slice(0, -s.length));
    }
  }
  const withPrefix = [...nominal, ...verbal];
  for (const b of withPrefix) {
    for (const p of VERB_PREFIXES) {
      if (b.startsWith(p) && b.length - p.length >= MIN_STEM) addTo(verbal, b.slice(p.length));
    }
  }
  // Other persons of the same imperfect verb: استحق → يستحق، نتبرع → اتبرع.
  for (const b of withPrefix) {
    const first = b[0]!;
    if (b.length >= 4 && VERB_PREFIXES.includes(first)) {
      for (const p of VERB_PREFIXES) if (p !== first) addTo(verbal, p + b.slice(1));
    }
  }
  for (const w of nominal) verbal.delete(w);
  return { nominal: [...nominal], verbal: [...verbal] };
}

/** Every look-up form of an Arabic word (see {@link lookupFormSets}). */
export function lookupForms(word: string): string[] {
  const { nominal, verbal } = lookupFormSets(word);
  return [...nominal, ...verbal];
}

/** Pronoun suffixes, with the dialect object "me" (يجيني، رفضتوني، يكلمني). */
const PRONOUNS = ["ي", "ني", "ك", "ه", "ها", "هم", "هن", "كم", "كن", "نا", "هما", "كما"];

/**
 * Inflected forms of an Arabic lexicon word (its own entry is the base form):
 * pronoun suffixes ("طلبي", "حالتك" from "حاله"), sound plurals and duals
 * ("ملاحظات", "مستحقين"), nisba ("فرعي", "فرعيه") and tanween alef. Used to
 * recognise a typed word as a lexicon word without stemming the lexicon (which
 * would let "اشتري" meet "اشترك").
 */
export function arabicInflections(word: string): string[] {
  const out = new Set<string>();
  const ta = word.endsWith("ه") && word.length >= 3;
  const bare = ta ? word.slice(0, -1) : word;
  const attach = ta ? bare + "ت" : word;
  for (const p of PRONOUNS) out.add(attach + p);
  const plurals = ta
    ? [bare + "ات", bare + "تان", bare + "تين"]
    : [word + "ات", word + "ون", word + "ين", word + "ان", word + "يه", word + "ي", word + "يات"];
  for (const pl of plurals) out.add(pl);
  if (!ta) for (const p of PRONOUNS) out.add(word + "ات" + p);
  else for (const p of PRONOUNS) out.add(bare + "ات" + p);
  if (!word.endsWith("ا")) out.add(word + "ا");
  out.delete(word);
  return [...out];
}

/* ------------------------------------------------------------------ */
/* English light stemmer                                               */
/* ------------------------------------------------------------------ */

/**
 * A small English stemmer: plural s/es/ies, -ing, -ed, so "opening",
 * "opens" and "opened" meet at "open", "documents" at "document".
 */
export function stemEnglish(word: string): string {
  let w = word.replace(/'s$/, "");
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/(ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length >= 6) {
    w = w.slice(0, -3);
    if (/([^aeiouy])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1); // running → run
  } else if (w.endsWith("ied") && w.length > 4) {
    w = w.slice(0, -3) + "y";
  } else if (w.endsWith("ed") && w.length >= 5) {
    w = w.slice(0, -2);
    if (/([^aeiouy])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  }
  if (w.length > 4 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1); // "close"/"closing" → "clos"
  return w;
}

/** The stem of one matching-form word in whatever script it is written. */
export function stem(word: string): string {
  if (isNumber(word)) return word;
  if (isArabicScript(word)) return stemArabic(word);
  return stemEnglish(word);
}

/* ------------------------------------------------------------------ */
/* Edit distance                                                       */
/* ------------------------------------------------------------------ */

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition),
 * giving up early and returning max+1 once the distance exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb]!;
}
