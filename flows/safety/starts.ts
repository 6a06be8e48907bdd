/**
 * Which rules can start in a clause at all: an index of every rule's first
 * slot by the words it may start with, so that a message is matched only
 * against the few rules whose first words it holds (a form answer such as
 * «محمد عبدالله الحربي» meets none of them), not against all of them.
 *
 * The index answers with a superset of the slots `slotAt` would find at some
 * word (the same forms, article, prefixes and slips), so nothing is missed.
 */
import { formsOf, indexOf } from "./match";
import type { Slot } from "./rules";
import { oneSlip as oneSlipOf } from "./typos";

export interface StartIndex {
  /** The slots (among those indexed) that may match at some word of `words`. */
  startsIn(words: readonly string[]): Set<Slot>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createStartIndex(slots: readonly Slot[]): StartIndex {
  /** Looked up by a word's exact forms (as typed, without a conjunction or a negation written onto it). */
  const byExact = new Map<string, Slot[]>();
  /** Looked up by all of a word's forms (also without a tense prefix, the article or «لل»). */
  const byForm = new Map<string, Slot[]>();
  const prefixes: Array<[string, Slot]> = [];
  const contains: Array<[string, Slot]> = [];
  /** Words that may be typed with a slip: first letter → length → [word, slot]. */
  const slips = new Map<string, Map<number, Array<[string, Slot]>>>();
  /** Slots with phrases that start with a part of a word: always tried. */
  const always: Slot[] = [];
  const slip = (letter: string | undefined, word: string, slot: Slot) => {
    if (letter === undefined) return;
    let byLength = slips.get(letter);
    if (!byLength) slips.set(letter, (byLength = new Map()));
    push(byLength, word.length, [word, slot] as [string, Slot]);
  };
  for (const slot of new Set(slots)) {
    const index = indexOf(slot);
    for (const w of index.exact) push(byExact, w, slot);
    for (const w of index.phrases.keys()) push(byExact, w, slot);
    for (const w of index.forms) push(byForm, w, slot);
    for (const w of index.formPhrases.keys()) push(byForm, w, slot);
    for (const w of index.words) {
      push(byForm, w, slot);
      slip(w[0], w, slot);
      if (w[0] === "ا") slip(w[1], w, slot);
    }
    for (const p of index.prefixes) prefixes.push([p, slot]);
    for (const c of index.contains) contains.push([c, slot]);
    if (index.loosePhrases.length > 0) always.push(slot);
  }

  /** The slots one word may start, remembered (the same words come back in message after message). */
  const memo = new Map<string, Slot[]>();
  const startsOf = (token: string): Slot[] => {
    let known = memo.get(token);
    if (known) return known;
    if (memo.size > 5_000) memo.clear();
    const found = new Set<Slot>();
    for (const [c, slot] of contains) if (token.includes(c)) found.add(slot);
    const forms = formsOf(token, true);
    for (const v of forms.exact) for (const slot of byExact.get(v) ?? []) found.add(slot);
    for (const v of forms.all) {
      for (const slot of byForm.get(v) ?? []) found.add(slot);
      for (const [p, slot] of prefixes) if (v.startsWith(p)) found.add(slot);
      const letters = v[0] === "ا" ? [v[0], v[1]] : [v[0]];
      for (const letter of letters) {
        const byLength = letter === undefined ? undefined : slips.get(letter);
        if (!byLength) continue;
        for (let n = v.length - 1; n <= v.length + 1; n++) {
          for (const [word, slot] of byLength.get(n) ?? []) if (!found.has(slot) && oneSlipOf(v, word)) found.add(slot);
        }
      }
    }
    known = [...found];
    memo.set(token, known);
    return known;
  };

  return {
    startsIn(words) {
      const found = new Set<Slot>(always);
      for (const token of words) for (const slot of startsOf(token)) found.add(slot);
      return found;
    },
  };
}

