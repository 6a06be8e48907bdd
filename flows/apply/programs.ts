/**
 * Choosing a program: the one a sentence names, a list to pick from with a
 * way out (the menu, or "I don't know which program": the need described in
 * words, a suggestion or a person), the rule that an approved or open
 * application blocks a second one, and the way into the form (the program's
 * introduction and the privacy notice).
 */
import type { ProgramSpec } from "../../orgs/schema";
import { matchOption, parseOptionNumber } from "../choices";
import { stem, tokenize } from "../faq/normalize";
import { startHandoff } from "../handoff";
import { unsureWhichProgram } from "../intents";
import { menuReply } from "../menu";
import { choice, t } from "../reply";
import { done } from "../session";
import type { ApplicationDraft, ApplicationStatus, FlowContext, FlowInput, SessionState, StepResult, Text } from "../types";
import { openPrograms, programOf, type ApplyState } from "./base";
import { prompt } from "./prompt";

/**
 * The one open program that a sentence names ("ابي اقدم على وايت" names the
 * water-truck program): a word of its name, or a synonym of one from the
 * profile, that no other open program's name has.
 */
const stems = (s: string) => new Set(tokenize(s).map(stem).filter((w) => w.length >= 3));
/** The profile's words, stemmed once (a profile never changes while it is loaded). */
const synonymStems = new WeakMap<readonly (readonly string[])[], string[][][]>();
const programStems = new WeakMap<ProgramSpec, Set<string>>();
const describedStems = new WeakMap<ProgramSpec, Set<string>>();

const sharedMemo = new WeakMap<string[][][], Set<string>>();
/** Stems found in more than one synonym group. */
function sharedStems(groups: string[][][]): Set<string> {
  let shared = sharedMemo.get(groups);
  if (shared) return shared;
  const seen = new Map<string, number>();
  for (const members of groups) for (const f of new Set(members.flat())) seen.set(f, (seen.get(f) ?? 0) + 1);
  shared = new Set([...seen].filter(([, n]) => n > 1).map(([f]) => f));
  sharedMemo.set(groups, shared);
  return shared;
}

function typedStems(text: string, ctx: FlowContext): Set<string> {
  const typed = stems(text);
  let groups = synonymStems.get(ctx.profile.synonyms);
  if (!groups) synonymStems.set(ctx.profile.synonyms, (groups = ctx.profile.synonyms.map((group) => group.map((g) => [...stems(g)]))));
  // A group counts when one of its members is typed whole, or a word only this group has («فحص» of «فحص الثدي»);
  // a word several groups share says nothing alone («water» of both "water truck" and "water tank").
  const shared = sharedStems(groups);
  const found = groups.filter((members) =>
    members.some((m) => (m.length > 0 && m.every((f) => typed.has(f))) || m.some((f) => typed.has(f) && !shared.has(f))),
  );
  for (const members of found) for (const m of members) m.forEach((f) => typed.add(f));
  return typed;
}

export function programNamedIn(text: string, ctx: FlowContext): ProgramSpec | null {
  const programs = openPrograms(ctx);
  const typed = typedStems(text, ctx);
  const words = programs.map((p) => {
    let w = programStems.get(p);
    if (!w) programStems.set(p, (w = stems(Object.values(p.name).join(" "))));
    return w;
  });
  const hits = programs.filter((_, i) =>
    [...words[i]!].some((w) => typed.has(w) && words.every((other, j) => j === i || !other.has(w))),
  );
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * The program a need described in words fits best: by its name, else by the
 * words its description and eligibility share with the need (one clear best).
 */
export function programForNeed(text: string, ctx: FlowContext): ProgramSpec | null {
  const named = programNamedIn(text, ctx);
  if (named) return named;
  const typed = typedStems(text, ctx);
  const scored = openPrograms(ctx).map((p) => {
    let w = describedStems.get(p);
    if (!w) describedStems.set(p, (w = stems([...Object.values(p.name), ...Object.values(p.description), ...Object.values(p.eligibility)].join(" "))));
    return { p, score: [...typed].filter((s) => w!.has(s)).length };
  });
  scored.sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (!first || first.score === 0 || (second && second.score === first.score)) return null;
  return first.p;
}

/** Entry from the menu: resume a draft, or choose a program (the one the sentence names, if any). */
export function startApply(ctx: FlowContext, draft: ApplicationDraft | undefined, text?: string): StepResult {
  if (draft && programOf(ctx, draft)) {
    const state: ApplyState = { flow: "apply", step: { name: "resume" }, draft };
    return done(state, [prompt(state, ctx)]);
  }
  const programs = openPrograms(ctx);
  if (programs.length === 0) return done({ flow: "menu" }, [menuReply([t("apply:noPrograms")])]);
  if (programs.length === 1) return choose(programs[0]!, ctx);
  const named = text ? programNamedIn(text, ctx) : null;
  if (named) return choose(named, ctx);
  const state: ApplyState = { flow: "apply", step: { name: "program" }, draft: null };
  return done(state, [prompt(state, ctx)]);
}

const BLOCKING: readonly ApplicationStatus[] = ["submitted", "under_review", "needs_info", "approved"];

/**
 * Why a new application to `program` cannot be made, given an earlier one's
 * status: an open or approved one blocks; a rejected one blocks unless the
 * program allows applying again. Null when nothing blocks.
 */
export function blockedBy(program: ProgramSpec, earlier: { reference: string; status: ApplicationStatus } | undefined | null): Text | null {
  if (!earlier) return null;
  const params = { reference: { ltr: earlier.reference }, program: { localized: program.name }, status: t(`status:state.${earlier.status}`) };
  if (earlier.status === "approved") return t("apply:alreadyApproved", params);
  if (BLOCKING.includes(earlier.status)) return t("apply:duplicateOpen", params);
  if (earlier.status === "rejected" && !program.allowReapply) return t("apply:noReapply", params);
  return null;
}

/** The way into `program`'s form, unless an earlier application of this contact blocks it. */
export function choose(program: ProgramSpec, ctx: FlowContext): StepResult {
  const earlier = ctx.applications.find((a) => a.programId === program.id && a.status !== "withdrawn");
  const blocked = blockedBy(program, earlier);
  if (blocked) {
    const appeal = earlier?.status === "rejected" ? [choice(`appeal:${earlier.reference}`, t("appeal:start"))] : [];
    const reply = menuReply([blocked]);
    return done({ flow: "menu" }, [appeal.length > 0 ? { ...reply, choices: [...appeal, ...(reply.choices ?? [])] } : reply]);
  }
  const state: ApplyState = { flow: "apply", step: { name: "privacy", programId: program.id }, draft: null };
  return done(state, [prompt(state, ctx)]);
}

type ProgramPick = { type: "program"; program: ProgramSpec } | { type: "unsure" } | { type: "menu" };

/** What an answer at the program list picks: a program by number, button or name, "I don't know", or the menu; null for anything else. */
export function programPicked(input: FlowInput, ctx: FlowContext): ProgramPick | null {
  const programs = openPrograms(ctx);
  const picked = matchOption(
    input,
    [
      ...programs.map((p) => ({ value: `program:${p.id}`, labels: p.name })),
      { value: "program:unsure", words: ["لا اعرف", "ما اعرف", "ما ادري", "لا ادري", "not sure", "i don't know", "پتہ نہیں"] },
      { value: "menu:menu", words: ["القائمه", "القائمه الرئيسيه", "menu", "main menu", "مینو"] },
    ],
    { loose: true },
  );
  if (picked === "menu:menu") return { type: "menu" };
  if (picked === "program:unsure" || (input.kind === "text" && unsureWhichProgram(input.text))) return { type: "unsure" };
  const program = programs.find((p) => `program:${p.id}` === picked) ?? (input.kind === "text" ? programNamedIn(input.text, ctx) : null);
  return program ? { type: "program", program } : null;
}

/** The program step: a program picked from the list by number, button or name; or a way out. */
export function pickProgram(state: ApplyState, input: FlowInput, ctx: FlowContext): StepResult {
  const picked = programPicked(input, ctx);
  if (picked?.type === "menu") return done({ flow: "menu" }, [menuReply()]);
  if (picked?.type === "unsure") {
    const s: ApplyState = { ...state, step: { name: "describeNeed" } };
    return done(s, [prompt(s, ctx)]);
  }
  // Words that pick nothing (often a name: the person thinks the form has begun): the list comes first.
  const typedWords = input.kind === "text" && parseOptionNumber(input.text) === null && /\p{L}{2,}/u.test(input.text);
  if (!picked) return done(state, [prompt(state, ctx, [t(typedWords ? "apply:programFirst" : "apply:pickFromList")])]);
  return choose(picked.program, ctx);
}

/** "I don't know which program": the need in words, then a suggestion, the list, or a person. */
export function needStep(state: ApplyState & { step: { name: "describeNeed" | "suggest" } }, input: FlowInput, ctx: FlowContext): StepResult {
  const list = (): StepResult => {
    const s: ApplyState = { ...state, step: { name: "program" } };
    return done(s, [prompt(s, ctx)]);
  };
  const human = (): StepResult => startHandoff({ flow: "menu" } as SessionState, ctx);
  if (state.step.name === "suggest") {
    const programId = state.step.programId;
    const picked = matchOption(input, [
      { value: "yes", words: ["نعم", "ايوه", "اي", "تمام", "yes", "ok", "apply"] },
      { value: "list", words: ["البرامج", "القائمه", "programs", "list", "no", "لا"] },
      { value: "human", words: ["موظف", "agent", "staff"] },
    ]);
    if (picked === "yes") {
      const program = ctx.profile.programs.find((p) => p.id === programId);
      return program ? choose(program, ctx) : list();
    }
    if (picked === "list") return list();
    if (picked === "human") return human();
    return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
  }
  const picked = matchOption(input, [
    { value: "list", words: ["البرامج", "programs", "list"] },
    { value: "human", words: ["موظف", "agent", "staff"] },
  ]);
  if (picked === "list") return list();
  if (picked === "human") return human();
  if (input.kind !== "text" || input.text.trim().length < 3) return done(state, [prompt(state, ctx, [t("apply:describeMore")])]);
  const program = programForNeed(input.text, ctx);
  if (!program) {
    const s: ApplyState = { ...state, step: { name: "program" } };
    return done(s, [prompt(s, ctx, [t("apply:noSuggestion")])]);
  }
  const s: ApplyState = { ...state, step: { name: "suggest", programId: program.id } };
  return done(s, [prompt(s, ctx)]);
}
