/**
 * Does a message say that someone may be in danger? Pure: the text in, the
 * kinds of danger found (most urgent first) and the language they were said
 * in out. Tuned to kinds of messages, not to sentences: each lexicon rule is
 * a way of saying something (wanting to die, being hit, not breathing), with
 * negation («ما ابي اموت», "I don't want to die") and figures of speech
 * («بموت من الضحك», "this form is killing me") taken into account. When in
 * doubt it raises the alarm: a false alarm costs a staff member a minute, a
 * miss may cost a life.
 */
import { arabic } from "./lexicon/ar";
import { arabicSituations } from "./lexicon/ar-situations";
import { english } from "./lexicon/en";
import { englishSituations } from "./lexicon/en-situations";
import { romanUrdu, urdu } from "./lexicon/ur";
import { romanUrduSituations } from "./lexicon/ur-latn-situations";
import { urduSituations } from "./lexicon/ur-situations";
import { arabicFrames, englishFrames, romanUrduFrames, urduFrames } from "./lexicon/frames";
import { compileFrames, explainedAway, framesIn, type FrameName } from "./frames";
import { Clause, compileLexicon, matchRule, parseSlot, slotAt, type CompiledRule, type DangerKind, type RuleHit } from "./match";
import { NEGATION } from "./negation";
import { clauses } from "./normalize";
import { createStartIndex } from "./starts";

export type { DangerKind } from "./match";

/** Most urgent first: the reply and the numbers follow the first kind found. */
export const DANGER_KINDS: readonly DangerKind[] = ["self_harm", "child", "violence", "medical", "emergency", "distress"];

export interface Danger {
  /** Every kind found, most urgent first. */
  kinds: DangerKind[];
  /** The language the danger was said in. */
  lang: "ar" | "en" | "ur";
  /** The rules that matched (for evaluation and tests; never shown to anyone). */
  rules: string[];
}

const LEXICONS = [arabic, arabicSituations, english, englishSituations, urdu, urduSituations, romanUrdu, romanUrduSituations];
const RULES: readonly CompiledRule[] = LEXICONS.flatMap((l) => compileLexicon(l));
const IN_CLAUSE = RULES.filter((r) => !r.across);
const ACROSS = RULES.filter((r) => r.across);
const FRAMES = [arabicFrames, englishFrames, urduFrames, romanUrduFrames].flatMap(compileFrames);
/** Every rule's and frame's first slot by the words it may start with: a clause is matched only against those it can meet. */
const STARTS = createStartIndex([...RULES.map((r) => r.slots[0]!), ...FRAMES.map((f) => f.rule.slots[0]!)]);

/** Items by their first slot, in their order. */
function byStart<T>(items: readonly T[], first: (item: T) => unknown): Map<unknown, T[]> {
  const map = new Map<unknown, T[]>();
  for (const item of items) {
    const key = first(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}
const IN_CLAUSE_BY_START = byStart(IN_CLAUSE, (r) => r.slots[0]);
const ACROSS_BY_START = byStart(ACROSS, (r) => r.slots[0]);
const FRAMES_BY_START = byStart(FRAMES, (f) => f.rule.slots[0]);
const ORDER = new Map<unknown, number>([...RULES, ...FRAMES].map((x, i) => [x, i]));
/** The items of `starts`' slots, in the order they were written (as when every one was tried). */
function startingWith<T>(map: Map<unknown, T[]>, starts: Iterable<unknown>): T[] {
  const out: T[] = [];
  for (const s of starts) for (const item of map.get(s) ?? []) out.push(item);
  return out.length > 1 ? out.sort((a, b) => ORDER.get(a)! - ORDER.get(b)!) : out;
}

/** Words that say the one in danger is a child (a violence hit becomes "child"). */
const CHILD_WORDS = parseSlot(
  [arabic.groups.CHILD, english.groups.CHILD, urdu.groups.CHILD, romanUrdu.groups.CHILD].join("|"),
  {},
);
/** "عمري 15", "I'm 14", "umar 13 saal": said to be under 18. */
const AGE_WORDS = parseSlot("=عمري|=عمرها|=عمره|=عمرك|=سني|=im|=am|=aged|=age|=umar|=umr|=عمر|=saal|=سال|=years|=yrs|=سنه|=سنوات|=سنين");

/** Letters only Urdu writes (پ چ گ are typed in Gulf Arabic too). */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2\u06D3]/;
/** Everyday Roman Urdu words: two of them and a Latin message is Urdu. */
const ROMAN_URDU = new Set(
  "hai hain hun hoon hu mujhe mujhay muje main mein mai nahi nahin nhi kar karna karta karti raha rahi ka ki ke ko se yeh ye woh kya kyun bohat bahut aur lekin magar mera meri mere apni apna tha thi gaya gayi".split(" "),
);

function saysChild(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (slotAt(words, i, CHILD_WORDS, false) > 0) return true;
    const n = Number(words[i]);
    if (Number.isInteger(n) && n > 0 && n < 18) {
      const near = [words[i - 1], words[i + 1]].filter((w): w is string => w !== undefined);
      if (near.some((w) => slotAt([w], 0, AGE_WORDS, false) > 0)) return true;
    }
  }
  return false;
}

/** What the detector read in a message: the cues, the context frames, and which cues the frames explained away. */
export interface Reading {
  hits: RuleHit[];
  frames: FrameName[];
  /** Cues cancelled by a frame, with the frame. */
  cancelled: Array<{ rule: string; frame: FrameName }>;
}

const ruleName = (r: CompiledRule): string => `${r.lang}:${r.kind}:${r.source}`;

/** Stage one (cues per clause) and stage two (context frames) on `text`. */
export function readMessage(text: string): Reading & { parts: string[][] } {
  const parts = clauses(text);
  const found: Array<{ hit: RuleHit; at: number }> = [];
  const clauseFrames: Array<Set<FrameName>> = [];
  const anywhere = new Set<unknown>();
  parts.forEach((words, at) => {
    const clause = new Clause(words);
    const starts = STARTS.startsIn(words);
    for (const s of starts) anywhere.add(s);
    for (const rule of startingWith(IN_CLAUSE_BY_START, starts)) {
      const hit = matchRule(rule, clause, NEGATION);
      if (hit) found.push({ hit, at });
    }
    clauseFrames.push(framesIn(clause, startingWith(FRAMES_BY_START, starts)));
  });
  // Rules told across clauses: on the whole message; the hit belongs to the clause of its last word.
  const whole = new Clause(parts.flat());
  const ends = parts.map((_, i) => parts.slice(0, i + 1).reduce((n, p) => n + p.length, 0));
  for (const rule of startingWith(ACROSS_BY_START, anywhere)) {
    const hit = matchRule(rule, whole, NEGATION);
    if (hit) found.push({ hit, at: ends.findIndex((end) => hit.to < end) });
  }
  const messageFrames = new Set(clauseFrames.flatMap((f) => [...f]));
  const hits: RuleHit[] = [];
  const cancelled: Reading["cancelled"] = [];
  for (const { hit, at } of found) {
    const frame = explainedAway(hit, clauseFrames[at]!, messageFrames);
    if (frame) cancelled.push({ rule: ruleName(hit.rule), frame });
    else hits.push(hit);
  }
  return { parts, hits, frames: [...messageFrames], cancelled };
}

/** The kinds of danger in `text`, or null when there are none. */
export function detectDanger(text: string): Danger | null {
  const { parts, hits } = readMessage(text);
  if (hits.length === 0) return null;
  const found = new Set(hits.map((h) => h.rule.kind));
  if (found.has("violence") && parts.some(saysChild)) found.add("child");
  const kinds = DANGER_KINDS.filter((k) => found.has(k));
  return { kinds, lang: languageOf(text, hits), rules: hits.map((h) => ruleName(h.rule)) };
}

/** The language of the words that raised the alarm: Urdu, Roman Urdu (→ ur), English or Arabic. */
function languageOf(text: string, hits: readonly RuleHit[]): Danger["lang"] {
  const langs = new Set(hits.map((h) => h.rule.lang));
  const arabicScript = /[\u0600-\u06FF]/.test(text);
  if (!arabicScript) {
    const roman = clauses(text).flat().filter((w) => ROMAN_URDU.has(w)).length;
    return langs.has("ur-latn") || roman >= 2 ? "ur" : "en";
  }
  if (URDU_LETTERS.test(text)) return "ur";
  return langs.has("ur") && !langs.has("ar") ? "ur" : "ar";
}
