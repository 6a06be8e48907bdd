/** Complaints and suggestions: the beneficiary's right, with a ticket number and a staff alert. */
import { parseAttachment } from "./form";
import { matchOption } from "./choices";
import type { Command } from "./keywords";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, keepDraft } from "./session";
import { sanitizeFreeText } from "./validate";
import type { FlowContext, FlowInput, SessionState, StepResult } from "./types";

/** The menu item: complaint or suggestion? */
export function startFeedback(state: SessionState): StepResult {
  return done(keepDraft({ flow: "feedback", step: "kind" }, state), [
    withChoices(reply(t("feedback:intro")), [choice("complaint", t("feedback:complaint")), choice("suggestion", t("feedback:suggestion"))]),
  ]);
}

export function feedback(
  state: Extract<SessionState, { flow: "feedback" }>,
  input: FlowInput,
  command: Command | null,
  ctx: FlowContext,
): StepResult {
  if (command?.type === "back" || command?.type === "cancel") return done(keepDraft({ flow: "menu" }, state), [menuReply()]);
  if (state.step === "kind") {
    const picked = matchOption(input, [
      { value: "complaint", words: ["شكوى", "شكوي", "شكوه", "complaint", "شکایت"] },
      { value: "suggestion", words: ["اقتراح", "مقترح", "suggestion", "تجویز"] },
    ]);
    if (!picked) {
      return done(state, [
        withChoices(reply(t("apply:pickFromList"), t("feedback:intro")), [
          choice("complaint", t("feedback:complaint")),
          choice("suggestion", t("feedback:suggestion")),
        ]),
      ]);
    }
    const kind = picked as "complaint" | "suggestion";
    return done({ ...state, step: "text", kind }, [reply(t(`feedback:ask.${kind}`))]);
  }
  const kind = state.kind ?? "complaint";
  if (input.kind === "text") {
    const body = sanitizeFreeText(input.text, 4000);
    if (body.length < 2) return done(state, [reply(t("feedback:tooShort"))]);
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "createTicket", kind, body }]);
  }
  if (input.kind === "media" && input.mediaType !== "voice" && input.mediaType !== "audio") {
    const attachment = parseAttachment(input, ctx);
    if (!attachment.ok) return done(state, [reply(t(`validation:${attachment.error}`, attachment.params), t(`feedback:ask.${kind}`))]);
    const body = input.caption ? sanitizeFreeText(input.caption, 4000) : null;
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "createTicket", kind, body, attachment: attachment.answer }]);
  }
  return done(state, [reply(t("common:voiceNote"), t(`feedback:ask.${kind}`))]);
}

/** A complaint or suggestion was filed: its number, the assurance, and a staff alert. */
export function feedbackFiled(state: SessionState, kind: "complaint" | "suggestion", reference: string, body: string | null, ctx: FlowContext): StepResult {
  return done(state, [menuReply([t(`feedback:received.${kind}`, { reference: { ltr: reference } }), t("feedback:yourRight")])], [
    { type: "alertStaff", text: t(`staff:${kind}`, { reference: { ltr: reference }, channel: ctx.channel, text: body ?? "-" }) },
  ]);
}
