/**
 * Recognising what a person wants done, from any state, in Gulf Arabic, MSA,
 * English and Urdu (Arabic script or Roman): to speak to a person, complain,
 * suggest, apply, follow an application, appeal, change language, see or
 * delete their data, or hear what the association offers. Pure: the caller
 * decides what to do with it (the router starts the action; a form honours it).
 *
 * The words are data (./lexicon.ts); this file folds text and words the same
 * way, splits the text into clauses (a negation in one clause does not cancel
 * a request in the next: «لا، عندي شكوى»), and checks each intent's rules.
 */
import type { Locale } from "../../orgs/schema";
import { normalizeArabic } from "../text/arabic";
import { INTENT_RULES, NEGATIONS, WANT, type IntentName, type Rule } from "./lexicon";

export type Intent =
  | { type: Exclude<IntentName, "language"> }
  | { type: "language"; locale: Locale };

/** Urdu letter forms folded onto Arabic ones, as for every comparison. */
const URDU_FOLDS: Array<[RegExp, string]> = [
  [/[ہۃۂھ]/g, "ه"],
  [/[ےۓ]/g, "ي"],
  [/ں/g, "ن"],
  [/[ٹ]/g, "ت"],
  [/[ڈ]/g, "د"],
  [/[ڑ]/g, "ر"],
  [/[گ]/g, "ك"],
];

/** The comparison form of a word or text: Arabic folded, Urdu letters folded, apostrophes dropped, repeats cut. */
function fold(text: string): string {
  let s = normalizeArabic(text);
  for (const [re, to] of URDU_FOLDS) s = s.replace(re, to);
  return s
    .replace(/['’`]/g, "")
    .replace(/(\p{L})\1{2,}/gu, "$1")
    .trim();
}

/** Clauses of folded words: punctuation and «و»/"but" between requests separate them. */
function clauses(text: string): string[][] {
  return fold(text)
    .split(/[.,;:!?؟،؛\n]+|\s(?:but|بس|لكن)\s/u)
    .map((c) => c.replace(/[\p{P}\p{S}]/gu, " ").split(/\s+/).filter(Boolean))
    .filter((c) => c.length > 0);
}

/** A word of the lexicon, compiled: its folded words, and whether the last one is a prefix. */
interface Pattern {
  words: string[];
  prefix: boolean;
}

const compile = (entry: string): Pattern => {
  const prefix = entry.endsWith("*");
  return { words: fold(prefix ? entry.slice(0, -1) : entry).split(/\s+/).filter(Boolean), prefix };
};

interface CompiledRule {
  slots: Pattern[][];
  negatable: number | undefined;
  unless: Pattern[];
  maxWords: number;
  across: boolean;
}

const COMPILED: Array<[IntentName, CompiledRule[]]> = INTENT_RULES.map(([name, rules]) => [
  name,
  rules.map((r: Rule) => ({
    slots: r.slots.map((slot) => slot.map(compile)),
    negatable: r.negatable,
    unless: (r.unless ?? []).map(compile),
    maxWords: r.maxWords ?? 30,
    across: r.across === true,
  })),
]);

const NEGATION = new Set(NEGATIONS.map(fold));

/** The forms a typed word may stand for: as typed, and without «و/ف» and «ال/بال/لل» in front. */
function variants(word: string): string[] {
  const out = [word];
  let w = word;
  if (/^[وف]/.test(w) && w.length > 3) out.push((w = w.slice(1)));
  if (/^[لب]/.test(w) && w.length > 4) out.push(w.slice(1));
  for (const article of ["بال", "وال", "فال", "لل", "ال"]) {
    if (w.startsWith(article) && w.length - article.length >= 3) out.push(w.slice(article.length));
  }
  return out;
}

/** True when two words differ by at most one letter (a typo), for words long enough to tell. */
function nearly(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const tail = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i) || x.slice(i) === y.slice(i + 1);
  // One substitution, insertion, deletion, or two letters swapped.
  return tail(a, b) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

/** Every word the lexicon knows: a word it knows is never read as a typo of another («اتكلم» is not «اتظلم»). */
const KNOWN = new Set(COMPILED.flatMap(([, rules]) => rules.flatMap((r) => [...r.slots.flat(), ...r.unless].flatMap((p) => p.words))));

/** A typed word's forms and whether the lexicon knows one of them, remembered (the same words come back). */
const formsMemo = new Map<string, { forms: string[]; known: boolean }>();
function formsOf(typed: string): { forms: string[]; known: boolean } {
  let f = formsMemo.get(typed);
  if (!f) {
    if (formsMemo.size > 20_000) formsMemo.clear();
    const forms = variants(typed);
    f = { forms, known: forms.some((v) => KNOWN.has(v)) };
    formsMemo.set(typed, f);
  }
  return f;
}

function wordMatches(typed: string, p: string, prefix: boolean): boolean {
  const { forms, known } = formsOf(typed);
  for (const v of forms) {
    if (prefix ? v.startsWith(p) && v.length - p.length <= 6 : v === p || (!known && nearly(v, p))) return true;
  }
  return false;
}

/** Index of the first word of `clause` where `pattern` matches, or -1. */
function find(clause: string[], pattern: Pattern): number {
  const n = pattern.words.length;
  for (let i = 0; i + n <= clause.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = wordMatches(clause[i + k]!, pattern.words[k]!, pattern.prefix && k === n - 1);
    if (ok) return i;
  }
  return -1;
}

function negatedAt(clause: string[], index: number): boolean {
  for (let k = Math.max(0, index - 3); k < index; k++) {
    const w = clause[k]!;
    if (NEGATION.has(w) || /^(ما|مو|مب)(ابي|ابغي|ابغا|اريد|ودي|بغيت)$/.test(w)) return true;
  }
  return false;
}

function ruleMatches(rule: CompiledRule, clause: string[], words: number): boolean {
  if (words > rule.maxWords) return false;
  if (rule.unless.some((p) => find(clause, p) >= 0)) return false;
  for (let s = 0; s < rule.slots.length; s++) {
    const hits = rule.slots[s]!.map((p) => find(clause, p)).filter((i) => i >= 0);
    if (hits.length === 0) return false;
    if (s === rule.negatable && hits.every((i) => negatedAt(clause, i))) return false;
  }
  return true;
}

const LANGUAGE_OF: Array<[RegExp, Locale]> = [
  [/^(?:بال|ال)?(?:انجليز|انقليز|انكليز)|^english|^inglish|^انكريزي|^angrezi/, "en"],
  [/^(?:بال|ال)?اردو|^urdu/, "ur"],
  [/^(?:بال|ال)?عربي|^arabic|^arabi/, "ar"],
];

function languageIn(clause: string[]): Locale | null {
  for (const w of clause) for (const [re, locale] of LANGUAGE_OF) if (re.test(w)) return locale;
  return null;
}

/** What the person asks to be done, or null when the message is something else (a question, an answer, small talk). */
export function detectIntent(text: string): Intent | null {
  const parts = clauses(text.slice(0, 2000));
  const words = parts.reduce((n, c) => n + c.length, 0);
  if (words === 0) return null;
  const whole = parts.flat();
  for (const [name, rules] of COMPILED) {
    for (const clause of parts) {
      if (!rules.some((r) => ruleMatches(r, clause, words) || (r.across && ruleMatches(r, whole, words)))) continue;
      if (name !== "language") return { type: name };
      const locale = languageIn(clause);
      if (locale) return { type: "language", locale };
    }
  }
  return null;
}

const WISH = WANT.map(compile);
/** Words that make a wish a question ("I want to know…", "I'd like to ask…"). */
const ASKING = ["اعرف", "أعرف", "اسال", "أسأل", "اسأل", "استفسر", "افهم", "know", "ask", "understand", "information", "info", "جاننا", "پوچھنا", "janna", "poochna"].map(compile);

/**
 * A wish stated, not a question: «ابي خزان لبيتي», "I need a water truck".
 * The wish comes in the first words, is not negated, and asks nothing.
 */
export function isWish(text: string): boolean {
  if (/[?؟]/.test(text)) return false;
  const parts = clauses(text.slice(0, 400));
  const first = parts[0];
  if (!first || parts.reduce((n, c) => n + c.length, 0) > 16) return false;
  if (ASKING.some((p) => parts.some((c) => find(c, p) >= 0))) return false;
  return WISH.some((p) => {
    const at = find(first, p);
    return at >= 0 && at <= 2 && !negatedAt(first, at);
  });
}
