/**
 * Light typos the safety detector forgives: one letter added, dropped (Latin
 * only), swapped with its neighbour, or replaced by a close one.
 */
import { isArabicWord } from "./normalize";

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
// Latin letters written for one another by sound ("overdozed", "kut"): typed by ear, not by a slip of the finger.
for (const [a, b] of ["sz", "ck"]) close(a!, b!);

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

