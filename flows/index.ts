/**
 * The conversation: one pure step function the engine calls for every turn
 * (`router.ts`), and the types of its state.
 */
export { step, detectLocale } from "./router";
export { SESSION_VERSION } from "./types";
export type { SessionState, StepResult, FlowContext, FlowInput } from "./types";
