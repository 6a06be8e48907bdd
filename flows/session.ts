/** Small helpers over the saved conversation state, shared by every flow. */
import type { ApplicationDraft, Effect, HeldInfo, Reply, SessionState, StepResult } from "./types";

export const done = (state: SessionState, replies: Reply[], effects: Effect[] = []): StepResult => ({ state, replies, effects });

/** The unfinished application the state carries, if any. */
export function draftOf(state: SessionState): ApplicationDraft | undefined {
  if (state.flow === "apply") return state.draft ?? undefined;
  if (state.flow === "new") return undefined;
  return state.draft;
}

/** Parts of a reply to the committee not sent yet: those being collected, or held from before. */
export function heldOf(state: SessionState): HeldInfo | undefined {
  if (state.flow === "new") return undefined;
  if (state.flow === "info" && state.parts && state.parts.length > 0) return { reference: state.reference, parts: state.parts };
  return state.heldInfo;
}

/**
 * Returns `next` with what `from` carries: its unfinished application and any
 * parts of a reply to the committee not sent yet. Nothing a person sent is
 * dropped by moving elsewhere in the conversation.
 */
export function keepDraft(next: SessionState, from: SessionState): SessionState {
  if (next.flow === "new") return next;
  const held = next.flow === "info" ? undefined : heldOf(from);
  const withHeld = held && !next.heldInfo ? { ...next, heldInfo: held } : next;
  const draft = draftOf(from);
  if (!draft || withHeld.flow === "apply" || withHeld.draft) return withHeld;
  return { ...withHeld, draft };
}

/** The same state without held parts (they were sent). */
export function withoutHeld(state: SessionState): SessionState {
  if (state.flow === "new" || !state.heldInfo) return state;
  const { heldInfo: _sent, ...rest } = state;
  return rest as SessionState;
}
