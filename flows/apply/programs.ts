/**
 * Choosing a program: the one a sentence names, a list to pick from, and the
 * way into the form (the program's introduction and the privacy notice).
 */
import type { ProgramSpec } from "../../orgs/schema";
import { matchOption } from "../choices";
import { stem, tokenize } from "../faq/normalize";
import { menuReply } from "../menu";
import { t } from "../reply";
import { done } from "../session";
import type { ApplicationDraft, FlowContext, FlowInput, StepResult } from "../types";
import { openPrograms, programOf, type ApplyState } from "./base";
import { prompt } from "./prompt";

/**
 * The one open program that a sentence names ("ابي اقدم على وايت" names the
 * water-truck program): a word of its name, or a synonym of one from the
 * profile, that no other open program's name has.
 */
const stems = (s: string) => new Set(tokenize(s).map(stem).filter((w) => w.length >= 3));
/** The profile's words, stemmed once (a profile never changes while it is loaded). */
const synonymStems = new WeakMap<readonly (readonly string[])[], string[][]>();
const programStems = new WeakMap<ProgramSpec, Set<string>>();

export function programNamedIn(text: string, ctx: FlowContext): ProgramSpec | null {
  const programs = openPrograms(ctx);
  const typed = stems(text);
  let groups = synonymStems.get(ctx.profile.synonyms);
  if (!groups) synonymStems.set(ctx.profile.synonyms, (groups = ctx.profile.synonyms.map((group) => group.flatMap((g) => [...stems(g)]))));
  for (const forms of groups) {
    if (forms.some((f) => typed.has(f))) forms.forEach((f) => typed.add(f));
  }
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

export function choose(program: ProgramSpec, ctx: FlowContext): StepResult {
  const state: ApplyState = { flow: "apply", step: { name: "privacy", programId: program.id }, draft: null };
  return done(state, [prompt(state, ctx)]);
}


/** The program step: a program picked from the list by number, button or name. */
export function pickProgram(state: ApplyState, input: FlowInput, ctx: FlowContext): StepResult {
  const programs = openPrograms(ctx);
  const picked = matchOption(
    input,
    programs.map((p) => ({ value: `program:${p.id}`, labels: p.name })),
  );
  const program = programs.find((p) => `program:${p.id}` === picked);
  if (!program) return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
  return choose(program, ctx);
}
