/**
 * One answer while filling the form: the privacy notice, resuming, the phone
 * the channel reports, consent before sensitive data, and each field. What is
 * not an answer is not stored: a question is answered (or, in a free-text
 * field, confirmed first), a bare menu number in a text field and a date
 * that reads two ways are confirmed back, a choice that matches no option
 * gets the options again; nothing inside a field falls through to an FAQ
 * answer of another subject, a menu action or a referral.
 */
import { detectSmallTalk } from "../faq/smalltalk";
import { parseAnswer, readYesNo, type FormField } from "../form";
import { matchOption, parseOptionNumber } from "../choices";
import { startHandoff } from "../handoff";
import { asksWhy, isConfused, isHelpless, saysMissing } from "../intents";
import { looksLikeQuestion, type Command } from "../keywords";
import { menuReply } from "../menu";
import { t } from "../reply";
import { done } from "../session";
import { sanitizeFreeText } from "../validate";
import type { ApplicationDraft, FieldAnswer, FlowContext, FlowInput, StepResult, Text } from "../types";
import { at, fieldById, iso, type ApplyState } from "./base";
import { answered, goToField, nextField } from "./fields";
import { prompt } from "./prompt";
import { startApply } from "./programs";

export type AnswerStepName = "privacy" | "resume" | "confirmPhone" | "sensitiveConsent" | "field" | "confirmAnswer";

/** Fields whose answer is typed words: a question, a greeting or a command word could be taken for one. */
const WORDY: readonly FormField["type"][] = ["text", "fullName", "city", "location"];

/** What an answer to "continue your application or start again?" picks; null for anything else. */
export function resumePicked(input: FlowInput): "continue" | "restart" | "menu" | null {
  return matchOption(input, [
    { value: "continue", words: ["متابعة", "أكمل", "اكمل", "كمل", "نكمل", "يلا نكمل", "وين وصلنا", "كمل الطلب", "اكمال الطلب", "إكمال الطلب", "continue", "resume", "carry on", "let's continue", "نعم", "yes", "درخواست مکمل کریں", "جاری رکھیں"] },
    { value: "restart", words: ["من جديد", "البداية", "ابدأ من جديد", "البدء من جديد", "restart", "start over", "نئے سرے سے شروع کریں"] },
    { value: "menu", words: ["القائمة", "العودة للقائمة", "menu", "back to the menu", "مینو پر واپس جائیں"] },
  ]) as "continue" | "restart" | "menu" | null;
}

/** One answer in the steps that fill the form. */
export function answerStep(
  state: ApplyState & { step: { name: AnswerStepName } },
  input: FlowInput,
  command: Command | null,
  ctx: FlowContext,
): StepResult {
  const step = state.step;
  switch (step.name) {
    case "privacy": {
      const yes = readYesNo(input);
      if (yes === null) return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
      if (!yes) return done({ flow: "menu" }, [menuReply([t("apply:privacyDeclined")])]);
      const now = iso(ctx);
      const draft: ApplicationDraft = { programId: step.programId, answers: {}, privacyAcceptedAt: now, startedAt: now };
      const s: ApplyState = { flow: "apply", step: { name: "field", fieldId: "full_name", editing: false }, draft };
      return { ...goToField(s, nextField(ctx, draft, null), ctx, false, [t("apply:privacyThanks")]), effects: [{ type: "acceptPrivacy", at: now }] };
    }
    case "resume": {
      const picked = resumePicked(input);
      if (picked === "continue") return goToField(state, nextField(ctx, state.draft!, null), ctx, false, [t("apply:resumed")]);
      if (picked === "restart") return startApply(ctx, undefined);
      if (picked === "menu") return done({ flow: "menu", draft: state.draft! }, [menuReply([t("apply:draftKept")])]);
      return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
    }
    case "confirmPhone": {
      const yes = input.kind === "text" || input.kind === "choice" ? readYesNo(input) : null;
      if (yes === true) return answered(state, "mobile", { type: "phone", value: step.phone }, ctx, step.editing);
      if (yes === false) {
        const s = at(state, { name: "field", fieldId: "mobile", editing: step.editing });
        return done(s, [prompt(s, ctx)]);
      }
      if (input.kind === "text" || input.kind === "contact") {
        // Typing a number instead of yes/no answers the field directly.
        const r = parseAnswer(fieldById(ctx, state.draft!, "mobile")!, input, ctx);
        if (r.ok) return answered(state, "mobile", r.answer, ctx, step.editing);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "sensitiveConsent": {
      const yes = readYesNo(input);
      const field = fieldById(ctx, state.draft!, step.fieldId)!;
      if (yes === true) {
        const draft = { ...state.draft!, sensitiveConsentAt: iso(ctx) };
        const s = at(state, { name: "field", fieldId: field.id, editing: step.editing }, draft);
        return done(s, [prompt(s, ctx)]);
      }
      if (yes === false) {
        if (!field.required) return answered(state, field.id, { type: "skipped" }, ctx, step.editing, [t("apply:skipped")]);
        return done(state, [prompt(state, ctx, [t("apply:sensitiveRequired")])]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "confirmAnswer": {
      // The buttons (by number or typed as they read), or yes / no.
      const options =
        step.why === "intent"
          ? [
              { value: "human", words: ["موظف", "التحدث مع موظف", "agent", "staff", "talk to a staff member"] },
              { value: "yes", words: ["هذه اجابتي", "اجابتي", "that's my answer", "my answer", "یہی میرا جواب ہے"] },
            ]
          : [
              { value: "yes", words: ["نعم احفظها", "احفظها", "صح", "صحيح", "yes keep it", "keep it", "correct"] },
              { value: "no", words: ["لا ساكتبها من جديد", "ساكتبها من جديد", "من جديد", "غلط", "no i'll type it again", "type it again", "wrong"] },
            ];
      const yn = readYesNo(input);
      const picked = matchOption(input, options) ?? (yn === true ? "yes" : yn === false ? "no" : null);
      if (picked === "human") return startHandoff(state, ctx);
      if (picked === "yes") return answered(state, step.fieldId, step.answer, ctx, step.editing);
      const field = fieldById(ctx, state.draft!, step.fieldId)!;
      const s = at(state, { name: "field", fieldId: step.fieldId, editing: step.editing });
      if (picked === "no" || (picked === null && step.why === "intent" && yn === false)) {
        return done(s, [prompt(s, ctx, [t(step.why === "date" ? "apply:dateRetype" : "apply:retypeAsked")])]);
      }
      // Neither: a new answer to the same question.
      return fieldAnswer({ ...s, step: { name: "field", fieldId: field.id, editing: step.editing } }, field, input, command, ctx);
    }
    case "field": {
      const field = fieldById(ctx, state.draft!, step.fieldId);
      if (!field) return goToField(state, nextField(ctx, state.draft!, null), ctx, false);
      return fieldAnswer({ ...state, step }, field, input, command, ctx);
    }
  }
}

function confirm(state: ApplyState & { step: { name: "field" } }, answer: FieldAnswer, why: "question" | "number" | "date" | "intent", ctx: FlowContext): StepResult {
  const s = at(state, { name: "confirmAnswer", fieldId: state.step.fieldId, answer, editing: state.step.editing, why });
  return done(s, [prompt(s, ctx)]);
}

function fieldAnswer(
  state: ApplyState & { step: { name: "field"; fieldId: string; editing: boolean } },
  field: FormField,
  input: FlowInput,
  command: Command | null,
  ctx: FlowContext,
): StepResult {
  const sensitiveInput = field.type === "nationalId" || field.sensitive;
  const again = (lead: Text[]): StepResult => ({ ...done(state, [prompt(state, ctx, lead)]), sensitiveInput });
  const text = input.kind === "text" ? input.text : null;
  const wordy = WORDY.includes(field.type);
  const choosing = field.type === "choice" || field.type === "yesno";
  // «لا يوجد» skips a field, unless it is one of the field's own options («لا يوجد خزان»).
  if (command?.type === "skip" && !(field.type === "choice" && parseAnswer(field, input, ctx).ok)) {
    if (field.required) return again([t("apply:requiredMissing")]);
    return answered(state, field.id, { type: "skipped" }, ctx, state.step.editing, [t("apply:skipped")]);
  }

  // Thanks, "ok" or goodbye is not an answer (to a name, an ID, a number...): acknowledged, and the question asked again.
  if (text !== null && !choosing) {
    const small = detectSmallTalk(text);
    if (small === "thanks" || small === "ack" || small === "goodbye") return again([t(small === "thanks" ? "common:welcomeShort" : "common:ackShort")]);
  }

  // "I don't understand", "what do you want?": the question explained, never stored as an answer («مافهمت وش تبين» is no name).
  if (text !== null && (isConfused(text) || isHelpless(text))) return again([t("apply:explainField")]);

  const r = parseAnswer(field, input, ctx);
  // "I don't have it", "it's with my sponsor": skipped when it may be, else the form waits for it (kept as it is).
  if (text !== null && !r.ok && !choosing && saysMissing(text)) {
    if (!field.required) return answered(state, field.id, { type: "skipped" }, ctx, state.step.editing, [t("apply:skipped")]);
    return again([t("apply:requiredMissing")]);
  }
  // Words meant as "a person, please" in a field that takes words («موظف» can be an occupation): asked.
  if (text !== null && wordy && command?.type === "human" && r.ok) return confirm(state, r.answer, "intent", ctx);

  // A question instead of an answer: answered from the FAQ, then the field asked again. A choice
  // field never answers from the FAQ (its option words would find unrelated answers).
  // A word or two that is not a valid answer («الخبراء» for an ID number) is a wrong answer, not a question.
  const asking = text !== null && (looksLikeQuestion(text) || (!r.ok && text.trim().split(/\s+/).length >= 3));
  if (text !== null && !choosing && asking) {
    const faq = ctx.faq(sanitizeFreeText(text, 300), ctx.locale).accepted;
    const entry = faq ? ctx.profile.faqs.find((f) => f.id === faq.id) : undefined;
    if (entry) {
      return { ...done(state, [prompt(state, ctx, [{ localized: entry.answer }, t("apply:backToQuestion")])]), sensitiveInput };
    }
    // "Why do you need this?": why we ask, and that it stays confidential; then the question again.
    if (!r.ok && asksWhy(text)) return again([t("apply:whyAsked")]);
    // A question in a free-text field may be a fair answer: asked before it is stored.
    if (r.ok && looksLikeQuestion(text) && field.type === "text") return confirm(state, r.answer, "question", ctx);
    if (r.ok && looksLikeQuestion(text) && (field.type === "fullName" || field.type === "city" || field.type === "location")) {
      return again([t("apply:notAnAnswer")]);
    }
  }
  if (!r.ok) return again([field.type === "choice" ? t("validation:choice_brief") : t(`validation:${r.error}`, r.params)]);
  // A bare number in a field of words ("3" from the menu) is confirmed, not stored silently.
  if (text !== null && field.type === "text" && parseOptionNumber(text) !== null) return confirm(state, r.answer, "number", ctx);
  if (r.ambiguous) return confirm(state, r.answer, "date", ctx);
  return { ...answered(state, field.id, r.answer, ctx, state.step.editing), sensitiveInput };
}
