/**
 * The focus of a long message. A message of several clauses usually tells the
 * situation first and asks somewhere in it, often at the end and sometimes
 * followed by thanks or more detail («انا ساكن في قرية… كيف اسجل عندكم؟ وجزاكم
 * الله خير»). The clauses that ask (a question mark, a question word, a
 * "want/can/is there/I don't know" word) and hold a topic keep their weight;
 * the others are context, which counts for less (see search.ts for how much).
 *
 * A clause that asks without a topic of its own («…، كيف اسجل؟», «…، وين
 * اقدمها؟») asks about the clause before it: the topic is looked for after the
 * meaning units of the whole message are combined, so «اسجل» next to «تطوع» is
 * the way to volunteer, not a topic.
 */

import { analyze, compose, tokens, type Tok } from "./analyze";
import type { CompiledLexicon } from "./compile";
import { tokenize } from "./normalize";

/** Weight of a token in the context of a long message, outside the part that asks. */
export const CONTEXT_FACTOR = 0.5;
/** Clause boundaries: punctuation and "but". */
/** A part after "but" shorter than this (in words) is not a clause of its own. */
const SOFT_CLAUSE_MIN = 3;
const CLAUSE_BREAK = /[،,.؛;!\n]+|[؟?]+|\s(?:بس|لكن|but)\s/u;

const keyOf = (t: Tok): string => t.feats[0]![0];
/** A word the lexicon knows as a concept (or as an everyday off-topic word). */
const isKnown = (t: Tok): boolean => /^[co]:/.test(keyOf(t));
/** What a clause is about: a known concept that is not a mere attribute, or an off-topic word. */
const isTopic = (t: Tok): boolean => t.kind === "content" && !t.generic && isKnown(t);

/** How much a clause asks: 3 with a question mark, 2 with a word that asks, 1 otherwise. */
function askLevel(lex: CompiledLexicon, text: string, questionMark: boolean): number {
  if (questionMark) return 3;
  // «ما» is as often "not" as "what": it does not mark the clause that asks.
  const all = tokenize(text);
  // «يمكن لان الصك…» (maybe because): the words of a hedge do not ask.
  const hedged = new Set<number>();
  for (const h of lex.hedges) {
    for (let i = 0; i + h.length <= all.length; i++) if (h.every((w, k) => all[i + k] === w)) for (let k = 0; k < h.length; k++) hedged.add(i + k);
  }
  const words = all.filter((_, i) => !hedged.has(i));
  const asking = (w: string | undefined): boolean => w !== undefined && (lex.askWords.has(w) || (w !== "ما" && lex.exact.get(w)?.kind === "qword"));
  // «عندكم», «فيه» ask where the clause starts («عندكم برامج؟», «هل فيه طريقة»), not after a verb («سجلت عندكم»).
  const asks = words.some((w, i) => asking(w) || (lex.openingAskWords.has(w) && (i === 0 || asking(words[i - 1]))));
  return asks ? 2 : 1;
}

/** A clause of at least this many words without punctuation is a run-on message (voice typing, a hurried story). */
const RUN_ON_MIN = 14;
/** The fewest words of a part cut out of a run-on message. */
const RUN_ON_GAP = 4;

/** A word that starts a question: a question word (not «ما», «من», which are as often "not", "from") or «هل». */
function startsAsking(lex: CompiledLexicon, w: string): boolean {
  return w === "هل" || (w !== "ما" && w !== "من" && lex.exact.get(w)?.kind === "qword");
}

/**
 * A run-on message without punctuation («…وابوه مشغول دايم وانا تعبت فقلت يمكن عندكم شي
 * يناسبه بس ما ادري وش اسوي عشان ادخله عندكم»), cut where a part starts asking («فهل…»,
 * «وش…»), so that the part that asks is told from the story.
 */
function splitRunOn(lex: CompiledLexicon, part: { text: string; mark: boolean }): Array<{ text: string; mark: boolean }> {
  const raw = part.text.split(/\s+/).filter((w) => w !== "");
  if (raw.length < RUN_ON_MIN) return [part];
  const out: Array<{ text: string; mark: boolean }> = [];
  let start = 0;
  for (let i = RUN_ON_GAP; i <= raw.length - 2; i++) {
    if (i - start < RUN_ON_GAP) continue;
    const w = tokenize(raw[i]!)[0];
    if (w === undefined) continue;
    const bare = w.length > 2 && /^[وف]/.test(w) ? w.slice(1) : w;
    if (!startsAsking(lex, w) && !startsAsking(lex, bare)) continue;
    out.push({ text: raw.slice(start, i).join(" "), mark: false });
    start = i;
  }
  out.push({ text: raw.slice(start).join(" "), mark: part.mark });
  return out;
}

/** A query's tokens, each with its focus (1 in the part that asks). */
export function analyzeQuery(lex: CompiledLexicon, text: string): Tok[] {
  const parts: Array<{ text: string; mark: boolean }> = [];
  const re = new RegExp(CLAUSE_BREAK.source, "gu");
  let from = 0;
  // Whether the break before the current part is a word ("but"), not punctuation.
  let soft = false;
  // Whether it is a comma.
  let comma = false;
  const push = (part: string, mark: boolean) => {
    const prev = parts[parts.length - 1];
    // «… ولا خدماتكم بس للضمان؟»: «بس» before a word or two is "only", not "but": one clause.
    // "want to help deliver water, volunteer": a word or two after a comma name what the clause is about.
    const short = tokenize(part).length < SOFT_CLAUSE_MIN;
    if (prev && short && (soft || (comma && !mark && askLevel(lex, part, false) === 1))) {
      prev.text = `${prev.text} ${part}`;
      prev.mark = mark;
    } else parts.push({ text: part, mark });
  };
  for (const m of text.matchAll(re)) {
    const end = m.index ?? 0;
    push(text.slice(from, end), /[؟?]/.test(m[0]));
    soft = !/[،,.؛;!\n؟?]/.test(m[0]);
    comma = /^[،,]+$/.test(m[0]);
    from = end + m[0].length;
  }
  push(text.slice(from), false);
  const clauses = parts.flatMap((p) => splitRunOn(lex, p)).filter((p) => tokenize(p.text).length > 0);
  if (clauses.length <= 1) return analyze(lex, text);

  const analysed = clauses.map((c) => ({ toks: tokens(lex, c.text), level: askLevel(lex, c.text, c.mark) }));
  // One token a term, its first occurrence; meaning units combined over the whole message.
  const byKey = new Map<string, Tok>();
  for (const a of analysed) for (const t of a.toks) if (!byKey.has(keyOf(t))) byKey.set(keyOf(t), { ...t, feats: [...t.feats] });
  const merged = compose(lex, [...byKey.values()]);
  // A clause that asks with a question mark which services or programs there are ("what programs
  // do you run?", «وش البرامج اللي تقدمونها؟») holds a topic: the list of them.
  const services = `c:${lex.conceptId("service")}`;
  const what = `q:${lex.conceptId("q_what")}`;
  const asksList = (toks: Tok[]): boolean =>
    toks.some((t) => t.kind === "qword" && t.feats.some(([f]) => f === what)) && toks.some((t) => t.kind === "content" && t.feats.some(([f]) => f === services));
  const topical = analysed.map((a) => a.toks.some((t) => isTopic(byKey.get(keyOf(t))!)) || (a.level === 3 && asksList(a.toks)));
  // When no clause with a topic has a question mark, a question word and mark on a clause without
  // one («…كتله تحت الابط، وش تسوي الحين؟», "…, what should she do now?") ask about the clause
  // just before it, which then asks as much (the story after it stays context).
  const levels = analysed.map((a) => a.level);
  if (!analysed.some((a, i) => topical[i] && a.level === 3)) {
    for (let i = 1; i < analysed.length; i++) {
      const asksWhat = analysed[i]!.toks.some((t) => t.kind === "qword");
      if (levels[i] === 3 && asksWhat && !topical[i] && topical[i - 1]) levels[i - 1] = 3;
    }
  }
  // The clauses that ask most among those that hold a topic.
  const top = Math.max(0, ...levels.filter((_, i) => topical[i]));
  const focus = new Map<string, number>();
  analysed.forEach((a, i) => {
    for (const t of a.toks) {
      // A clause that asks without a topic («وش اسوي؟») keeps its question
      // words; words of its own that the lexicon does not know are story.
      const f = levels[i]! < top || (!topical[i] && t.kind === "content" && !isKnown(t)) ? CONTEXT_FACTOR : 1;
      focus.set(keyOf(t), Math.max(focus.get(keyOf(t)) ?? 0, f));
    }
  });
  for (const t of merged) t.focus = focus.get(keyOf(t)) ?? 1;
  // «اقدر اشارك معكم…؟ … ابي احتسب الاجر»: a word that says what an asking word meant is asked too.
  for (const t of merged) {
    for (const key of t.explainedBy ?? []) {
      const by = merged.find((x) => keyOf(x) === key);
      if (by) by.focus = Math.max(by.focus ?? 1, t.focus ?? 1);
    }
  }
  return merged;
}
