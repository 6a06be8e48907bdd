/** Answering the committee's request for more information about an application. */
import { parseAttachment } from "./form";
import { reply, t } from "./reply";
import { done } from "./session";
import { sanitizeFreeText } from "./validate";
import type { FlowContext, FlowInput, SessionState, StepResult } from "./types";

/** One message in the info flow; null when the request no longer stands (the menu answers it). */
export function provideInfo(state: Extract<SessionState, { flow: "info" }>, input: FlowInput, ctx: FlowContext): StepResult | null {
  const app = ctx.applications.find((a) => a.reference === state.reference);
  if (!app || app.status !== "needs_info") return null;
  if (input.kind === "text") {
    const text = sanitizeFreeText(input.text, 4000);
    if (text.length < 2) return done(state, [reply(t("decision:infoAsk", { reference: { ltr: state.reference } }))]);
    return done(state, [], [{ type: "provideInfo", reference: state.reference, text, attachment: null }]);
  }
  if (input.kind === "media" && input.mediaType !== "voice" && input.mediaType !== "audio") {
    const attachment = parseAttachment(input, ctx);
    if (!attachment.ok) {
      return done(state, [reply(t(`validation:${attachment.error}`, attachment.params), t("decision:infoAsk", { reference: { ltr: state.reference } }))]);
    }
    const text = input.caption ? sanitizeFreeText(input.caption, 4000) : null;
    return done(state, [], [{ type: "provideInfo", reference: state.reference, text, attachment: attachment.answer }]);
  }
  return done(state, [reply(t("common:voiceNote"), t("decision:infoAsk", { reference: { ltr: state.reference } }))]);
}
