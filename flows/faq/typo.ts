/**
 * Typo look-ups: a deletion index over the knowledge base's vocabulary (and the
 * lexicon's concept words), so an unknown typed word finds the vocabulary words
 * within edit distance 1–2 without comparing it to every word.
 */

import { editDistance, isArabicScript } from "./normalize";

/** Factors for a word matched with one edit (long / short word) or two edits. */
const FUZZY_FACTOR_1 = 0.8;
const FUZZY_FACTOR_SHORT = 0.6;
const FUZZY_FACTOR_2 = 0.6;

/** Same length, exactly one position differs. */
function isSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

/**
 * Arabic letters that differ only by their dots (ح/خ/ج, ر/ز, س/ش, ص/ض, ط/ظ,
 * ع/غ, ف/ق, ب/ت/ث/ن/ي, د/ذ): a dot missed or added on a phone keyboard is
 * the commonest typo («اقتراخ» for «اقتراح»), even in a short word.
 */
const SKELETON = new Map<string, string>();
for (const group of ["بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق"]) for (const c of group) SKELETON.set(c, group[0]!);

/** Same length, one position differs, by dots only. */
function isDotSlip(a: string, b: string): boolean {
  if (!isSubstitution(a, b)) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return SKELETON.get(a[i]!) !== undefined && SKELETON.get(a[i]!) === SKELETON.get(b[i]!);
  return false;
}

/** Same letters, two adjacent ones swapped («شوكى» for «شكوى»). */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
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
const maxEdits = (len: number, arabic: boolean) => (arabic ? (len >= 8 ? 2 : len >= 5 ? 1 : 0) : len >= 8 ? 2 : len >= 5 ? 1 : 0);
/** Four-letter words: only two swapped letters are taken for a typo (any other edit is usually another word). */
const indexEdits = (len: number, arabic: boolean) => (len === 4 ? 1 : maxEdits(len, arabic));

export interface TypoIndex {
  /** Adds to `into` the vocabulary terms within edit distance of `form`, with a factor by distance. */
  lookup(form: string, into: Map<number, number>): void;
}

/** Builds the index from vocabulary forms and the term ids each stands for. */
export function createTypoIndex(formTerms: Map<string, Set<number>>): TypoIndex {
  const deletionIndex = new Map<string, string[]>();
  for (const form of formTerms.keys()) {
    for (const d of deletions(form, indexEdits(form.length, isArabicScript(form)))) {
      let l = deletionIndex.get(d);
      if (!l) deletionIndex.set(d, (l = []));
      l.push(form);
    }
  }
  const lookup = (form: string, into: Map<number, number>) => {
    const seen = new Set<string>();
    const arabic = isArabicScript(form);
    for (const d of deletions(form, indexEdits(form.length, arabic))) {
      const forms = deletionIndex.get(d);
      if (!forms) continue;
      for (const cand of forms) {
        if (seen.has(cand)) continue;
        seen.add(cand);
        // A letter too many in a word of five or more («تبريع» for «تبرع») is one edit; a short word must keep its length.
        const allowed = form.length >= 5 && cand.length === form.length - 1 ? 1 : maxEdits(Math.min(cand.length, form.length), arabic);
        if (allowed === 0) {
          if (isTransposition(form, cand) || (arabic && isDotSlip(form, cand))) {
            for (const id of formTerms.get(cand)!) if ((into.get(id) ?? 0) < FUZZY_FACTOR_SHORT) into.set(id, FUZZY_FACTOR_SHORT);
          }
          continue;
        }
        const dist = editDistance(form, cand, allowed);
        if (dist === 0 || dist > allowed) continue;
        // In short Arabic words one changed letter is usually another word
        // (اشتري/اشتكي); dropped, doubled or swapped letters are the typos.
        if (dist === 1 && Math.max(cand.length, form.length) < (arabic ? 7 : 6) && isSubstitution(form, cand) && !(arabic && isDotSlip(form, cand))) continue;
        const len = Math.min(cand.length, form.length);
        const f = dist === 2 ? FUZZY_FACTOR_2 : len >= (arabic ? 7 : 6) ? FUZZY_FACTOR_1 : FUZZY_FACTOR_SHORT;
        for (const id of formTerms.get(cand)!) if ((into.get(id) ?? 0) < f) into.set(id, f);
      }
    }
  };
  return { lookup };
}
