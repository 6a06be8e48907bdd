/** What every part of the application flow shares: its state, the program and its fields. */
import type { ProgramSpec } from "../../orgs/schema";
import { formFields, type FormField } from "../form";
import { choice, t } from "../reply";
import type { ApplicationDraft, ApplyStep, FlowContext, SessionState } from "../types";

export type ApplyState = Extract<SessionState, { flow: "apply" }>;

export const iso = (ctx: FlowContext): string => ctx.now.toISOString();

export const yesNoChoices = (yes = "common:yes", no = "common:no") => [choice("yes", t(yes)), choice("no", t(no))];

export function openPrograms(ctx: FlowContext): ProgramSpec[] {
  return ctx.profile.programs.filter((p) => p.open);
}

export function programOf(ctx: FlowContext, draft: ApplicationDraft | null): ProgramSpec | undefined {
  return draft ? ctx.profile.programs.find((p) => p.id === draft.programId) : undefined;
}

export function fieldById(ctx: FlowContext, draft: ApplicationDraft, id: string): FormField | undefined {
  const program = programOf(ctx, draft);
  return program ? formFields(program).find((f) => f.id === id) : undefined;
}

/** The application state at `step`, with the draft of `state` (or the one given). */
export function at(state: ApplyState, step: ApplyStep, draft = state.draft): ApplyState {
  return { flow: "apply", step, draft };
}
