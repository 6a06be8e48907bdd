/**
 * The end of the form: the summary where any answer can be edited, the
 * attestation and the program's terms, then submission with a reference.
 */
import { decisionPeriod } from "../calendar/text";
import { formFields, readYesNo } from "../form";
import { matchOption } from "../choices";
import { menuReply } from "../menu";
import { t } from "../reply";
import { done } from "../session";
import type { FlowContext, FlowInput, StepResult, Text } from "../types";
import { at, iso, programOf, type ApplyState } from "./base";
import { goToField, nextField } from "./fields";
import { prompt } from "./prompt";

type SummaryStepName = "summary" | "editChoose" | "attest" | "terms";

/** One answer from the summary to the program's terms. */
export function summaryStep(state: ApplyState & { step: { name: SummaryStepName } }, input: FlowInput, ctx: FlowContext): StepResult {
  const step = state.step;
  switch (step.name) {
    case "summary": {
      const picked = matchOption(input, [
        { value: "submit", words: ["إرسال", "ارسال", "أرسل", "ارسل", "تقديم", "submit", "send"] },
        { value: "edit", words: ["تعديل", "عدل", "edit", "change"] },
        { value: "cancel", words: ["إلغاء", "cancel"] },
      ]);
      if (picked === "submit") {
        const missing = nextField(ctx, state.draft!, null);
        if (missing) return goToField(state, missing, ctx, false, [t("apply:missingField")]);
        const s = at(state, { name: "attest" });
        return done(s, [prompt(s, ctx)]);
      }
      if (picked === "edit") {
        const s = at(state, { name: "editChoose" });
        return done(s, [prompt(s, ctx)]);
      }
      if (picked === "cancel") {
        const s = at(state, { name: "confirmCancel", resume: step });
        return done(s, [prompt(s, ctx)]);
      }
      return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
    }
    case "editChoose": {
      const fields = formFields(programOf(ctx, state.draft)!);
      const picked = matchOption(
        input,
        fields.map((f) => ({ value: `field:${f.id}`, ...("localized" in f.label ? { labels: f.label.localized } : {}) })),
      );
      const field = fields.find((f) => `field:${f.id}` === picked);
      if (!field) return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
      if (field.sensitive && !state.draft!.sensitiveConsentAt) return goToField(state, field, ctx, true);
      const s = at(state, { name: "field", fieldId: field.id, editing: true });
      return done(s, [prompt(s, ctx)]);
    }
    case "attest": {
      const yes = readYesNo(input);
      if (yes === true) {
        const s = at(state, { name: "terms" }, { ...state.draft!, attestedAt: iso(ctx) });
        return done(s, [prompt(s, ctx)]);
      }
      if (yes === false) {
        const s = at(state, { name: "summary" });
        return done(s, [prompt(s, ctx, [t("apply:attestNeeded")])]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "terms": {
      const yes = readYesNo(input);
      if (yes === true) {
        const s = at(state, { name: "submitting" });
        return done(s, [], [{ type: "submitApplication", draft: state.draft!, termsAcceptedAt: iso(ctx) }]);
      }
      if (yes === false) {
        const s = at(state, { name: "summary" });
        return done(s, [prompt(s, ctx, [t("apply:termsNeeded")])]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
  }
}

/** The application was stored: its reference and the committee's period; staff get an alert. */
export function submitted(state: ApplyState, reference: string, submittedAt: string, ctx: FlowContext): StepResult {
  const draft = state.draft!;
  const program = programOf(ctx, draft)!;
  const period = decisionPeriod(ctx, submittedAt);
  const nameAnswer = draft.answers["full_name"];
  const nidAnswer = draft.answers["national_id"];
  const cityAnswer = draft.answers["city"];
  const masked = nidAnswer?.type === "nationalId" ? `******${nidAnswer.value.slice(-4)}` : "-";
  const alert: Text = t("staff:newApplication", {
    reference: { ltr: reference },
    program: { localized: program.name },
    name: nameAnswer?.type === "text" ? nameAnswer.value : "-",
    nationalId: { ltr: masked },
    city: cityAnswer?.type === "text" ? cityAnswer.value : "-",
    channel: ctx.channel,
  });
  return done(
    { flow: "menu" },
    [
      menuReply([
        t("apply:submitted", {
          reference: { ltr: reference },
          program: { localized: program.name },
          committee: { localized: ctx.profile.committee.name },
          days: period.days,
          date: period.date,
        }),
      ]),
    ],
    [{ type: "alertStaff", text: alert }],
  );
}
