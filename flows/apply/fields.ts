/**
 * The form's fields: the privacy notice that opens it, each answer validated
 * with a reply that says what is wrong, "back" and "skip", consent before
 * sensitive data, the phone the channel reports offered for the mobile.
 */
import { formFields, parseAnswer, readYesNo, type FormField } from "../form";
import { matchOption } from "../choices";
import { looksLikeQuestion, type Command } from "../keywords";
import { menuReply } from "../menu";
import { t } from "../reply";
import { done } from "../session";
import { sanitizeFreeText } from "../validate";
import type { ApplicationDraft, Effect, FlowContext, FlowInput, StepResult, Text } from "../types";
import { at, fieldById, iso, openPrograms, programOf, type ApplyState } from "./base";
import { prompt } from "./prompt";
import { startApply } from "./programs";

/** The next field without an answer after `fieldId` (or the first), or null when all are answered. */
export function nextField(ctx: FlowContext, draft: ApplicationDraft, afterId: string | null): FormField | null {
  const fields = formFields(programOf(ctx, draft)!);
  const start = afterId === null ? 0 : fields.findIndex((f) => f.id === afterId) + 1;
  for (let i = start; i < fields.length; i++) if (!draft.answers[fields[i]!.id]) return fields[i]!;
  return fields.find((f) => !draft.answers[f.id]) ?? null;
}

/** Moves to asking `field` (through consent or phone confirmation when needed), or to the summary. */
export function goToField(state: ApplyState, field: FormField | null, ctx: FlowContext, editing: boolean, lead: Text[] = []): StepResult {
  const draft = state.draft!;
  if (!field) {
    const s = at(state, { name: "summary" });
    return done(s, [prompt(s, ctx, lead)]);
  }
  if (field.sensitive && !draft.sensitiveConsentAt) {
    const s = at(state, { name: "sensitiveConsent", fieldId: field.id, editing });
    return done(s, [prompt(s, ctx, lead)]);
  }
  if (field.type === "phone" && field.id === "mobile" && !draft.answers[field.id] && !editing) {
    const known = ctx.senderPhone ?? ctx.contact.phone;
    if (known) {
      const s = at(state, { name: "confirmPhone", phone: known, editing });
      return done(s, [prompt(s, ctx, lead)]);
    }
  }
  const s = at(state, { name: "field", fieldId: field.id, editing });
  return done(s, [prompt(s, ctx, lead)]);
}

export function afterAnswer(state: ApplyState, fieldId: string, ctx: FlowContext, editing: boolean): StepResult {
  if (editing) {
    const s = at(state, { name: "summary" });
    return done(s, [prompt(s, ctx, [t("apply:updated")])]);
  }
  return goToField(state, nextField(ctx, state.draft!, fieldId), ctx, false);
}

export function previousStep(state: ApplyState, ctx: FlowContext): StepResult {
  const step = state.step;
  const draft = state.draft;
  const toMenu = (): StepResult => done({ flow: "menu" }, [menuReply()]);
  switch (step.name) {
    case "program":
      return toMenu();
    case "privacy":
      return openPrograms(ctx).length > 1 ? startApply(ctx, undefined) : toMenu();
    case "field":
    case "confirmPhone":
    case "sensitiveConsent": {
      if (step.editing) {
        const s = at(state, { name: "summary" });
        return done(s, [prompt(s, ctx)]);
      }
      const fields = formFields(programOf(ctx, draft)!);
      const id = step.name === "confirmPhone" ? "mobile" : step.fieldId;
      const i = fields.findIndex((f) => f.id === id);
      if (i <= 0) {
        const s: ApplyState = { flow: "apply", step: { name: "privacy", programId: draft!.programId }, draft: null };
        return done(s, [prompt(s, ctx)]);
      }
      const prev = fields[i - 1]!;
      const answers = { ...draft!.answers };
      delete answers[prev.id];
      const s = at(state, { name: "field", fieldId: prev.id, editing: false }, { ...draft!, answers });
      return done(s, [prompt(s, ctx)]);
    }
    case "summary": {
      const fields = formFields(programOf(ctx, draft)!);
      const last = fields[fields.length - 1]!;
      const s = at(state, { name: "field", fieldId: last.id, editing: true });
      return done(s, [prompt(s, ctx)]);
    }
    case "editChoose":
    case "attest": {
      const s = at(state, { name: "summary" });
      return done(s, [prompt(s, ctx)]);
    }
    case "terms": {
      const s = at(state, { name: "attest" });
      return done(s, [prompt(s, ctx)]);
    }
    case "resume":
    case "confirmCancel":
    case "submitting":
    case "checkingId":
      return done(state, [prompt(state, ctx)]);
  }
}


export function answered(
  state: ApplyState,
  fieldId: string,
  answer: ApplicationDraft["answers"][string],
  ctx: FlowContext,
  editing: boolean,
  lead: Text[] = [],
): StepResult {
  const draft: ApplicationDraft = { ...state.draft!, answers: { ...state.draft!.answers, [fieldId]: answer } };
  const s: ApplyState = { ...state, draft };
  if (answer.type === "nationalId") {
    const next = editing ? null : nextField(ctx, draft, fieldId);
    const checking = at(s, { name: "checkingId", nextFieldId: next?.id ?? null, editing });
    return done(checking, [], [{ type: "checkOpenApplication", programId: draft.programId, nationalId: answer.value }]);
  }
  const r = afterAnswer(s, fieldId, ctx, editing);
  if (lead.length > 0 && r.replies[0]) r.replies[0] = { ...r.replies[0], text: [...lead, ...r.replies[0].text] };
  const effects: Effect[] = answer.type === "phone" && fieldId === "mobile" ? [{ type: "setPhone", phone: answer.value }] : [];
  return { ...r, effects: [...r.effects, ...effects] };
}


type FieldStepName = "privacy" | "resume" | "confirmPhone" | "sensitiveConsent" | "field";

/** One answer in the steps that fill the form. */
export function fieldStep(
  state: ApplyState & { step: { name: FieldStepName } },
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
      const picked = matchOption(input, [
        { value: "continue", words: ["متابعة", "أكمل", "اكمل", "كمل", "continue", "resume", "نعم", "yes"] },
        { value: "restart", words: ["من جديد", "البداية", "ابدأ من جديد", "restart", "start over"] },
        { value: "menu", words: ["القائمة", "menu"] },
      ]);
      if (picked === "continue") return goToField(state, nextField(ctx, state.draft!, null), ctx, false, [t("apply:resumed")]);
      if (picked === "restart") return startApply(ctx, undefined);
      if (picked === "menu") return done({ flow: "menu", draft: state.draft! }, [menuReply([t("apply:draftKept")])]);
      return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
    }
    case "confirmPhone": {
      if (input.kind === "text" || input.kind === "contact") {
        // Typing a number instead of yes/no answers the field directly.
        const yes = input.kind === "text" ? readYesNo(input) : null;
        if (yes === true) return answered(state, "mobile", { type: "phone", value: step.phone }, ctx, step.editing);
        if (yes === false) {
          const s = at(state, { name: "field", fieldId: "mobile", editing: step.editing });
          return done(s, [prompt(s, ctx)]);
        }
        const field = fieldById(ctx, state.draft!, "mobile")!;
        const r = parseAnswer(field, input, ctx);
        if (r.ok) return answered(state, "mobile", r.answer, ctx, step.editing);
      }
      if (input.kind === "choice") {
        const yes = readYesNo(input);
        if (yes === true) return answered(state, "mobile", { type: "phone", value: step.phone }, ctx, step.editing);
        if (yes === false) {
          const s = at(state, { name: "field", fieldId: "mobile", editing: step.editing });
          return done(s, [prompt(s, ctx)]);
        }
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
    case "field": {
      const field = fieldById(ctx, state.draft!, step.fieldId);
      if (!field) return goToField(state, nextField(ctx, state.draft!, null), ctx, false);
      if (command?.type === "skip") {
        if (field.required) return done(state, [prompt(state, ctx, [t("apply:requiredField")])]);
        return answered(state, field.id, { type: "skipped" }, ctx, step.editing, [t("apply:skipped")]);
      }
      const r = parseAnswer(field, input, ctx);
      const sensitiveInput = field.type === "nationalId" || field.sensitive;
      // A question asked instead of an answer ("كم ياخذ الطلب وقت؟") is answered, then the field asked
      // again: when the answer is not valid, or when a name or a city reads as a question (free-text
      // fields keep what was typed: a question can be a fair note).
      const questionLike =
        !r.ok || ((field.type === "fullName" || field.type === "city") && input.kind === "text" && looksLikeQuestion(input.text));
      const faq = questionLike && input.kind === "text" ? ctx.faq(sanitizeFreeText(input.text, 300), ctx.locale).accepted : null;
      const faqEntry = faq ? ctx.profile.faqs.find((f) => f.id === faq.id) : undefined;
      if (faqEntry) {
        return { ...done(state, [prompt(state, ctx, [{ localized: faqEntry.answer }, t("apply:backToQuestion")])]), sensitiveInput };
      }
      if (!r.ok) {
        return { ...done(state, [prompt(state, ctx, [t(`validation:${r.error}`, r.params)])]), sensitiveInput };
      }
      return { ...answered(state, field.id, r.answer, ctx, step.editing), sensitiveInput };
    }
  }
}
