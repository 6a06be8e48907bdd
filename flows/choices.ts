/**
 * Matching what a person answered against the options they were offered:
 * a button press, a number in any digit script ("2", "٢", "2.", "رقم ٢"),
 * or words (an option's label in any of the profile's languages, or its
 * keywords). Inside a form (`loose`), words also match with or without «ال»,
 * by their stem, with a typo, and inside a sentence («ساكن في بيت ملك»).
 */
import { editDistance, stem, stripArticle } from "./faq/normalize";
import { commandForm, toLatinDigits } from "./text/arabic";
import type { LocalizedText } from "../orgs/schema";
import type { FlowInput } from "./types";

export interface Option {
  value: string;
  /** Labels in every locale, for matching typed words. */
  labels?: LocalizedText;
  /** Extra words that select this option (one list, or one per language). */
  words?: readonly string[] | { readonly ar?: readonly string[]; readonly en?: readonly string[]; readonly ur?: readonly string[] };
  /** A label (FormOption's), the same as `labels`. */
  label?: LocalizedText;
  /** Words that select this option only when they are the whole answer, never inside a sentence. */
  alone?: readonly string[];
}

/** The 1-based number in a short answer ("2", "٢", "2-", "رقم 2", "no. 2"), or null. */
export function parseOptionNumber(text: string): number | null {
  const t = toLatinDigits(text).trim();
  const m = /^(?:رقم|الرقم|خيار|option|no\.?|#)?\s*(\d{1,2})\s*[-.)\u060C,]?\s*$/i.exec(t);
  return m ? Number(m[1]) : null;
}

function phrasesOf(o: Option): string[] {
  const words = o.words === undefined ? [] : Array.isArray(o.words) ? o.words : Object.values(o.words).flat();
  const labels = [o.labels, o.label].flatMap((l) => (l ? Object.values(l).filter((v): v is string => typeof v === "string") : []));
  return [...labels, ...(words as string[])].map(commandForm).filter((p) => p !== "");
}

/** The value of the option the input selects, or null. */
export function matchOption(input: FlowInput, options: readonly Option[], opts: { loose?: boolean } = {}): string | null {
  if (input.kind === "choice") {
    return options.some((o) => o.value === input.value) ? input.value : null;
  }
  if (input.kind !== "text") return null;
  const n = parseOptionNumber(input.text);
  // A number beyond the options may still be an option's word ("14" for the ages 12 to 15).
  if (n !== null && options[n - 1]) return options[n - 1]!.value;
  const typed = commandForm(input.text);
  if (typed.length === 0) return null;
  const exact = options.filter((o) => phrasesOf(o).includes(typed) || (o.alone ?? []).some((w) => commandForm(w) === typed));
  if (exact.length === 1) return exact[0]!.value;
  if (exact.length > 1) return null;
  // A typed word inside a label ("مستأجر" for "مستأجر (إيجار)") or a label inside a sentence.
  const partial = options.filter((o) =>
    phrasesOf(o).some((p) => (typed.length >= 3 && containsWord(p, typed)) || (p.length >= 3 && containsWord(typed, p))),
  );
  if (partial.length === 1) return partial[0]!.value;
  if (partial.length > 1 || !opts.loose) return null;
  return looseMatch(typed, options);
}

function containsWord(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

/** Words that carry no choice («انا», «في», "I", "a"): left out of loose matching. */
const FILLERS = new Set(
  ["انا", "احنا", "في", "من", "على", "عندي", "عندنا", "هو", "هي", "يعني", "ابي", "ابغى", "بس", "و", "او", "اللي", "الي", "حق", "حقي",
   "i", "am", "a", "an", "the", "is", "my", "we", "in", "of", "it", "its", "i'm", "im", "have", "میں", "ہے", "کا", "کی"].map(commandForm),
);

const tokensOf = (s: string): string[] => s.split(" ").filter((w) => w !== "" && !FILLERS.has(w)).map(stripArticle);

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 3 && stem(a) === stem(b)) return true;
  if (shorter >= 7) return editDistance(a, b, 2) <= 2;
  if (shorter >= 4) return editDistance(a, b, 1) <= 1;
  return false;
}

/**
 * Words with or without «ال», by stem or with a typo: the option one of whose
 * phrases is all in the answer (3), or whose phrase holds every word of a short
 * answer (1). The best option wins; a tie is no answer.
 */
function looseMatch(typed: string, options: readonly Option[]): string | null {
  const said = tokensOf(typed);
  if (said.length === 0) return null;
  let best: { value: string; score: number } | null = null;
  let tie = false;
  for (const o of options) {
    let score = 0;
    for (const p of phrasesOf(o)) {
      const words = tokensOf(p);
      if (words.length === 0) continue;
      const phraseInAnswer = words.every((w) => said.some((s) => sameWord(s, w)));
      const answerInPhrase = said.length <= 3 && said.every((s) => s.length >= 3 && words.some((w) => sameWord(s, w)));
      const sc = phraseInAnswer ? 2 + words.length : answerInPhrase ? 1 : 0;
      if (sc > score) score = sc;
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { value: o.value, score };
      tie = false;
    } else if (score === best.score && o.value !== best.value) tie = true;
  }
  return best && !tie ? best.value : null;
}
