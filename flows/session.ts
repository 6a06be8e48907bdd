/** Small helpers over the saved conversation state, shared by every flow. */
import type { ApplicationDraft, Effect, Reply, SessionState, StepResult } from "./types";

export const done = (state: SessionState, replies: Reply[], effects: Effect[] = []): StepResult => ({ state, replies, effects });

/** The unfinished application the state carries, if any. */
export function draftOf(state: SessionState): ApplicationDraft | undefined {
  if (state.flow === "apply") return state.draft ?? undefined;
  if (state.flow === "new") return undefined;
  return state.draft;
}

/** Returns `next` with the unfinished application of `from` kept, if any. */
export function keepDraft(next: SessionState, from: SessionState): SessionState {
  const draft = draftOf(from);
  if (!draft || next.flow === "apply" || next.flow === "new") return next;
  return { ...next, draft };
}
