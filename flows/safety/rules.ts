/**
 * The rules of the safety detector and their notation (the words are data:
 * `lexicon/*.ts`; matching them on a message is ./match.ts). A rule is a
 * short sequence of slots that must appear in order within one clause (or,
 * `across`, within the message), a few words apart at most;
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
import { foldWord } from "./normalize";

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
  /**
   * A first-person wish, plan or act: no context frame (news, the past, a
   * joke...) cancels it (./frames.ts). Self-harm rules are firm unless they
   * say `firm: false` (a word such as «انتحار» that a series or a programme
   * may be about).
   */
  firm?: boolean;
  /**
   * Someone telling of harm done to them («يضربني», "he hits me"): a question
   * about programmes or a mention of the news in the same clause does not
   * cancel it; only time (long past, resolved) or a joke does.
   */
  personal?: boolean;
  /**
   * Matched across the clauses of the message (a situation and its sign are
   * often told apart: "he fell off the bed, now he's throwing up"); negation
   * and figures are still read in the words the rule took.
   */
  across?: boolean;
}

export interface WordPattern {
  /** `form`: the word or one of its forms (conjunction, prefix, article), never a slip. */
  kind: "word" | "exact" | "form" | "prefix" | "contains";
  text: string;
}
/** One or more words in a row. */
export type Alternative = WordPattern[];
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
  firm: boolean;
  personal: boolean;
  across: boolean;
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

/** How plain words of a slot are read: with light slips (danger cues) or only their forms (exceptions, frames). */
export type Reading = "slips" | "forms";

function parseWord(raw: string, reading: Reading): WordPattern {
  if (raw.startsWith("*") && raw.endsWith("*") && raw.length > 2) return { kind: "contains", text: foldWord(raw.slice(1, -1)) };
  if (raw.endsWith("*")) return { kind: "prefix", text: foldWord(raw.slice(0, -1)) };
  if (raw.startsWith("=")) return { kind: "exact", text: foldWord(raw.slice(1)) };
  return { kind: reading === "slips" ? "word" : "form", text: foldWord(raw) };
}

/** A slot's alternatives ("a|b_c|@GROUP"), groups expanded. */
export function parseSlot(spec: string, groups: Record<string, string> = {}, seen: string[] = [], reading: Reading = "slips"): Slot {
  const out: Slot = [];
  for (const alt of spec.split("|").map((a) => a.trim()).filter((a) => a.length > 0)) {
    if (alt.startsWith("@")) {
      const name = alt.slice(1);
      const group = groups[name];
      if (group === undefined) throw new Error(`safety lexicon: unknown group @${name}`);
      if (seen.includes(name)) throw new Error(`safety lexicon: group @${name} refers to itself`);
      out.push(...parseSlot(group, groups, [...seen, name], reading));
      continue;
    }
    const words = alt.split("_").filter((w) => w.length > 0).map((w) => parseWord(w, reading));
    if (words.some((w) => w.text === "")) throw new Error(`safety lexicon: "${alt}" folds to nothing`);
    out.push(words);
  }
  return out;
}

/**
 * `reading`: how the rules' plain words are read ("forms" for frames). The
 * exceptions (`unlessIn`, `unlessAfter`) are always read by their forms only:
 * a slip that cancels a danger («نفسنا» for a word of the service) is a miss.
 */
export function compileLexicon(lexicon: Lexicon, reading: Reading = "slips"): CompiledRule[] {
  // The same words are one slot, so a clause looks them up once (`Clause` remembers).
  const slots = new Map<string, Slot>();
  const slot = (spec: string, as: Reading = reading): Slot => {
    const key = `${as}:${spec}`;
    let found = slots.get(key);
    if (!found) slots.set(key, (found = parseSlot(spec, lexicon.groups, [], as)));
    return found;
  };
  return lexicon.rules.map((r) => {
    const parts = r.p.trim().split(/\s+/).map((spec) => slot(spec));
    if (parts.some((s) => s.length === 0)) throw new Error(`safety lexicon: empty slot in "${r.p}"`);
    return {
      kind: r.kind,
      lang: lexicon.lang,
      source: r.p,
      slots: parts,
      gap: r.gap ?? 2,
      neg: r.neg ?? "cancels",
      unlessAfter: r.unlessAfter ? slot(r.unlessAfter, "forms") : null,
      unlessIn: r.unlessIn ? slot(r.unlessIn, "forms") : null,
      firm: r.firm ?? r.kind === "self_harm",
      personal: r.personal ?? false,
      across: r.across ?? false,
    };
  });
}
