/**
 * Moving through the form: the next unanswered field (through consent before
 * sensitive data and the phone the channel reports), back to the previous
 * one, and what an answer changes: a national ID checked against earlier
 * applications, a date of birth under 18 that brings a guardian's questions
 * (or, for a program for adults only, the reason and a referral).
 */
import { GUARDIAN_FIELD_IDS } from "../../orgs/schema";
import { ageOn, type FormField } from "../form";
import { menuReply } from "../menu";
import { t } from "../reply";
import { done } from "../session";
import { minorReferralText } from "../referral";
import type { ApplicationDraft, Effect, FieldAnswer, FlowContext, StepResult, Text } from "../types";
import { at, fieldsOf, openPrograms, programOf, type ApplyState } from "./base";
import { prompt } from "./prompt";
import { startApply } from "./programs";

/** The next field without an answer after `fieldId` (or the first), or null when all are answered. */
export function nextField(ctx: FlowContext, draft: ApplicationDraft, afterId: string | null): FormField | null {
  const fields = fieldsOf(ctx, draft!);
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
      const fields = fieldsOf(ctx, draft!);
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
      const fields = fieldsOf(ctx, draft!);
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
    case "describeNeed":
    case "suggest": {
      const s: ApplyState = { ...state, step: { name: "program" } };
      return done(s, [prompt(s, ctx)]);
    }
    case "confirmAnswer": {
      const s = at(state, { name: "field", fieldId: step.fieldId, editing: step.editing });
      return done(s, [prompt(s, ctx)]);
    }
    case "resume":
    case "confirmCancel":
    case "submitting":
    case "checkingId":
      return done(state, [prompt(state, ctx)]);
  }
}



/**
 * What a date of birth decides: under 18 brings the guardian's questions (the
 * guardian attests), or for a program for adults only ends the application
 * with the reason and a referral; 18 or more drops guardian answers given
 * before an edit.
 */
function byAge(draft: ApplicationDraft, answer: FieldAnswer, ctx: FlowContext): ApplicationDraft | { refused: StepResult } {
  if (answer.type !== "date") return draft;
  const program = programOf(ctx, draft)!;
  const minor = ageOn(answer.value, ctx.now) < 18;
  if (minor && program.minAge !== undefined && program.minAge >= 18) {
    const lead: Text[] = [t("apply:adultsOnly", { program: { localized: program.name }, age: program.minAge })];
    if (program.minorReferral) lead.push(...minorReferralText(program.minorReferral, ctx));
    lead.push(t("apply:nothingSaved"));
    return { refused: done({ flow: "menu" }, [menuReply(lead)]) };
  }
  if (minor) return { ...draft, minor: true };
  if (!draft.minor) return draft;
  const answers = { ...draft.answers };
  for (const id of GUARDIAN_FIELD_IDS) delete answers[id];
  const { minor: _was, ...rest } = draft;
  return { ...rest, answers };
}

export function answered(
  state: ApplyState,
  fieldId: string,
  answer: FieldAnswer,
  ctx: FlowContext,
  editing: boolean,
  lead: Text[] = [],
): StepResult {
  let draft: ApplicationDraft = { ...state.draft!, answers: { ...state.draft!.answers, [fieldId]: answer } };
  if (fieldId === "birth_date") {
    const aged = byAge(draft, answer, ctx);
    if ("refused" in aged) return aged.refused;
    // Now under 18 while editing: the guardian's questions come before the summary.
    const becameMinor = aged.minor === true && !state.draft!.minor;
    draft = aged;
    if (becameMinor) {
      const s: ApplyState = { ...state, draft };
      return goToField(s, nextField(ctx, draft, fieldId), ctx, false, [...lead, t("apply:guardianNeeded")]);
    }
  }
  const s: ApplyState = { ...state, draft };
  if (answer.type === "nationalId" && fieldId === "national_id") {
    const next = editing ? null : nextField(ctx, draft, fieldId);
    const checking = at(s, { name: "checkingId", nextFieldId: next?.id ?? null, editing });
    return done(checking, [], [{ type: "checkOpenApplication", programId: draft.programId, nationalId: answer.value }]);
  }
  const r = afterAnswer(s, fieldId, ctx, editing);
  if (lead.length > 0 && r.replies[0]) r.replies[0] = { ...r.replies[0], text: [...lead, ...r.replies[0].text] };
  const effects: Effect[] = answer.type === "phone" && fieldId === "mobile" ? [{ type: "setPhone", phone: answer.value }] : [];
  return { ...r, effects: [...r.effects, ...effects] };
}
