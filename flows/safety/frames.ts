/**
 * Context frames: the second stage of the safety detector. The lexicons raise
 * broad cues of danger (a death word, bleeding, a fire...); a frame is a kind
 * of context that says the cue is not a danger now — the event is long past
 * («السنه اللي فاتت», "last year"), resolved ("everyone is fine"), in the news
 * or a series, a question about the association's programmes («هل عندكم
 * برامج لضحايا العنف»), a hypothetical about "someone", a joke (😂, «ههههه»),
 * a grief formula («الله يرحمه»), a date ("I can't go on Thursday"). Each
 * frame cancels only the kinds of danger it can explain, in its clause or in
 * the whole message (a question about programmes never cancels someone
 * telling of harm done to them), unless a blocker says the danger is here again (the
 * past is blocked by "now", the resolved by "again"). A firm rule (a
 * first-person wish or plan to die) is cancelled by no frame but a denial
 * said to reassure ("I'm not going to hurt myself, don't worry").
 *
 * The words of each frame, per language, are data: lexicon/frames.ts.
 */
import type { DangerKind, Lexicon, LexiconLang, RuleHit } from "./match";
import { Clause, compileLexicon, matchRule, type CompiledRule } from "./match";
import { NEGATION } from "./negation";

export type FrameName =
  | "past"
  | "now"
  | "resolved"
  | "again"
  | "aftermath"
  | "service"
  | "media"
  | "hypothetical"
  | "purpose"
  | "laughter"
  | "schedule"
  | "condolence"
  | "condition"
  | "request"
  | "acute"
  | "treated"
  | "normalq"
  | "precaution"
  | "reassured"
  | "suggestion"
  | "minor"
  | "need"
  | "knowledge"
  | "complaint"
  | "fiction";

export interface FrameSpec {
  name: FrameName;
  /** Slots, as in the lexicons (../match.ts). */
  p: string;
  gap?: number;
  /** A negated frame does not count by default («مو بخير» is not "fine"). */
  neg?: "cancels" | "ignored";
  /** Words anywhere in the clause that make it something else ("playing again" is not "again"). */
  unlessIn?: string;
}

export interface FrameLexicon {
  lang: LexiconLang;
  groups: Record<string, string>;
  frames: FrameSpec[];
}

interface FrameKind {
  /** The kinds of danger this context can explain away. */
  cancels: readonly DangerKind[];
  /** Where the frame must be: in the clause of the cue, or anywhere in the message. */
  scope: "clause" | "message";
  /** Frames in the cue's clause that keep the danger («الحين», "again"). */
  blockedBy?: readonly FrameName[];
  /** Whether it may cancel someone telling of harm done to them (a rule marked `personal`). */
  personal: boolean;
  /** Counts only when this other frame is somewhere in the message (a condition named in a request). */
  requires?: FrameName;
  /** Cancels only a hit whose words were negated ("I'm not going to hurt myself, don't worry"), firm or not. */
  onlyNegated?: boolean;
}

const EVENTS: readonly DangerKind[] = ["medical", "emergency"];
const ALL: readonly DangerKind[] = ["self_harm", "child", "violence", "medical", "emergency", "distress"];

/** What each kind of context cancels. Blockers ("now", "again") cancel nothing. */
export const FRAME_KINDS: Readonly<Record<FrameName, FrameKind | null>> = {
  // «جلطه السنه اللي فاتت», "a fire last month", «پچھلے سال ایکسیڈنٹ»: long past, unless "now" in the same clause.
  past: { cancels: ["medical", "emergency", "violence", "child", "distress"], scope: "clause", blockedBy: ["now"], personal: true },
  now: null,
  // "everyone is fine", «الحين الحمد لله بخير», «اب ٹھیک ہیں»: anywhere in the message, unless "again" or still severe.
  resolved: { cancels: ["medical", "emergency", "violence", "child", "distress"], scope: "message", blockedBy: ["again", "acute"], personal: true },
  again: null,
  // «بعد الجلطه», "recovering from a stroke", «stroke ke baad»: the aftermath, not the event.
  aftermath: { cancels: EVENTS, scope: "clause", personal: true, blockedBy: ["acute"] },
  // «هل عندكم برامج لضحايا العنف», "do you run first aid courses", volunteering: about the association's work.
  service: { cancels: ALL, scope: "clause", personal: false },
  // «شفت في الاخبار», "in the episode", «ببجي», a sermon about death: someone else's story, anywhere in the message
  // (not a medical emergency, nor a child: "I was watching TV, my son swallowed a battery").
  media: { cancels: ["self_harm", "violence", "emergency", "distress"], scope: "message", personal: false },
  // «لو احد اختنق», "if a person is choking", «اگر کسی»: a question about someone in general.
  hypothetical: { cancels: EVENTS, scope: "clause", personal: false },
  // "for my research", «أكتب بحثاً», "for the first aid course": asked for a purpose, not a person.
  purpose: { cancels: ["self_harm", "medical", "emergency", "violence", "child"], scope: "message", personal: false },
  // 😂, «ههههه», "lol": a joke (never for a firm wish to die, nor a child).
  laughter: { cancels: ["self_harm", "medical", "emergency", "violence", "distress"], scope: "message", personal: true },
  // "I can't go on Thursday", «ما اقدر اكمل الدرس بكره»: a date, not despair.
  schedule: { cancels: ["distress"], scope: "clause", personal: true },
  // «الله يرحمه», "passed away", «انا للہ»: a death that has happened; grief is not an emergency call.
  condolence: { cancels: EVENTS, scope: "clause", personal: true },
  // "my son has epilepsy", «عندي اكتئاب», «بیٹے کو مرگی ہے» in a message that asks for something: a condition, not an attack.
  condition: { cancels: ["medical", "distress"], scope: "clause", personal: true, requires: "request", blockedBy: ["acute"] },
  request: null,
  // Signs that it is happening now and is severe («فجأه», "not breathing", "a lot"): they block the frames above.
  acute: null,
  // «بالمستشفى يتعالج», "in hospital recovering": already in the care of a hospital.
  treated: { cancels: EVENTS, scope: "message", personal: true, blockedBy: ["acute"] },
  // «هل طبيعي ينزل دم خفيف», "is it normal to bleed a little": a question to a nurse, not an emergency.
  normalq: { cancels: ["medical"], scope: "clause", personal: true, blockedBy: ["acute"] },
  // «ابي احفظه احتياط», "just in case": a number asked for later.
  precaution: { cancels: EVENTS, scope: "message", personal: true, blockedBy: ["acute"] },
  // "I'm not going to hurt myself, don't worry", «لا تخافون»: a denial said to reassure.
  reassured: { cancels: ["self_harm"], scope: "message", personal: true, onlyNegated: true },
  // «حطوا كراسي», "please add chairs": a suggestion for the association, told with what happened.
  suggestion: { cancels: EVENTS, scope: "message", personal: true, blockedBy: ["now"] },
  // «شي بسيط», "nothing serious", «kuch khaas nahi»: the one who tells it says it is minor, unless still severe.
  minor: { cancels: EVENTS, scope: "message", personal: true, blockedBy: ["acute", "again"] },
  // "desperate for a job", «تكفون ابي وظيفه»: distress told while asking for work, money or a programme.
  need: { cancels: ["distress"], scope: "message", personal: true, requires: "request", blockedBy: ["acute"] },
  // "what's the difference between a heart attack and a panic attack?", «بس ابي اعرف»: a question of knowledge.
  // «الموظف تعامل معي بعنف لفظي ... ابي اقدم شكوى», "I want to complain about your staff": the service's manners, not a danger.
  // «في القصه», "in the story", «kahani mein»: told in a story, a book or a film, in its clause (a child's story too).
  fiction: { cancels: ALL, scope: "clause", personal: false },
  complaint: { cancels: ["violence", "distress"], scope: "message", personal: false, blockedBy: ["acute"] },
  knowledge: { cancels: ["medical", "emergency", "distress"], scope: "message", personal: false, blockedBy: ["acute", "now"] },
};

export interface CompiledFrame {
  name: FrameName;
  rule: CompiledRule;
}

/**
 * Frames are matched as rules are (their `kind` is not used: a frame is not a
 * danger), by their forms only, never a slip: a slip that turns «بنادول»
 * into "a novel" would cancel a danger.
 */
export function compileFrames(lexicon: FrameLexicon): CompiledFrame[] {
  const asRules: Lexicon = {
    lang: lexicon.lang,
    groups: lexicon.groups,
    rules: lexicon.frames.map((f) => ({ kind: "distress", p: f.p, gap: f.gap ?? 2, neg: f.neg ?? "cancels", ...(f.unlessIn ? { unlessIn: f.unlessIn } : {}) })),
  };
  return compileLexicon(asRules, "forms").map((rule, i) => ({ name: lexicon.frames[i]!.name, rule }));
}

/** The frames found in one clause. */
export function framesIn(clause: Clause, frames: readonly CompiledFrame[]): Set<FrameName> {
  const found = new Set<FrameName>();
  for (const f of frames) if (!found.has(f.name) && matchRule(f.rule, clause, NEGATION)) found.add(f.name);
  return found;
}

/**
 * True when a context frame explains the hit away: a frame of its clause
 * (clause scope) or of the message (message scope) that cancels its kind,
 * not blocked in its clause. Firm rules are never cancelled.
 */
export function explainedAway(hit: RuleHit, clauseFrames: ReadonlySet<FrameName>, messageFrames: ReadonlySet<FrameName>): FrameName | null {
  for (const [name, kind] of Object.entries(FRAME_KINDS) as Array<[FrameName, FrameKind | null]>) {
    if (!kind || !kind.cancels.includes(hit.rule.kind)) continue;
    if (kind.onlyNegated ? !hit.negated : hit.rule.firm) continue;
    if (hit.rule.personal && !kind.personal) continue;
    if (kind.requires && !messageFrames.has(kind.requires)) continue;
    const present = kind.scope === "clause" ? clauseFrames.has(name) : messageFrames.has(name);
    if (!present) continue;
    if (kind.blockedBy?.some((b) => clauseFrames.has(b))) continue;
    return name;
  }
  return null;
}
