/** The question of each step of the application, asked first and whenever it must be asked again. */
import { answerText, formFields } from "../form";
import { choice, reply, t, withChoices } from "../reply";
import { sensitiveCategoriesText } from "../consent";
import type { ApplicationDraft, FlowContext, Reply, Text } from "../types";
import { fieldById, openPrograms, programOf, yesNoChoices, type ApplyState } from "./base";

/** The question for the current step, used first and whenever it must be asked again. */
export function prompt(state: ApplyState, ctx: FlowContext, lead: Text[] = []): Reply {
  const step = state.step;
  const draft = state.draft;
  switch (step.name) {
    case "program": {
      const programs = openPrograms(ctx);
      return withChoices(
        reply(...lead, t("apply:chooseProgram")),
        programs.map((p) => choice(`program:${p.id}`, { localized: p.name })),
      );
    }
    case "privacy": {
      const program = ctx.profile.programs.find((p) => p.id === step.programId)!;
      return withChoices(
        reply(
          ...lead,
          t("apply:programIntro", { program: { localized: program.name } }),
          { localized: program.description },
          t("apply:eligibility", { text: { localized: program.eligibility } }),
          t("apply:privacyIntro"),
          { localized: ctx.profile.privacyNotice },
          t("apply:privacyQuestion"),
        ),
        yesNoChoices("apply:privacyAccept", "apply:privacyDecline"),
      );
    }
    case "resume": {
      const program = programOf(ctx, draft)!;
      return withChoices(
        reply(...lead, t("apply:resumePrompt", { program: { localized: program.name }, date: { date: draft!.startedAt } })),
        [choice("continue", t("apply:resumeContinue")), choice("restart", t("apply:resumeRestart")), choice("menu", t("apply:resumeMenu"))],
      );
    }
    case "field":
      return askField(state, step.fieldId, ctx, lead);
    case "confirmPhone":
      return withChoices(reply(...lead, t("apply:confirmPhone", { phone: { ltr: step.phone } })), yesNoChoices());
    case "sensitiveConsent": {
      const field = fieldById(ctx, draft!, step.fieldId)!;
      return withChoices(
        reply(...lead, t("consent:sensitive", { label: field.label, categories: sensitiveCategoriesText(programOf(ctx, draft)!, field.id) })),
        [choice("yes", t("apply:sensitiveAccept")), choice("no", t("apply:sensitiveDecline"))],
      );
    }
    case "summary":
      return withChoices({ ...reply(...lead, summaryText(draft!, ctx)), sensitive: true }, [
        choice("submit", t("apply:summarySubmit")),
        choice("edit", t("apply:summaryEdit")),
        choice("cancel", t("apply:summaryCancel")),
      ]);
    case "editChoose": {
      const fields = formFields(programOf(ctx, draft)!);
      return withChoices(
        reply(...lead, t("apply:editWhich")),
        fields.map((f) => choice(`field:${f.id}`, f.label)),
      );
    }
    case "attest":
      return withChoices(reply(...lead, t("apply:attest")), yesNoChoices("apply:attestYes", "apply:attestNo"));
    case "terms": {
      const program = programOf(ctx, draft)!;
      return withChoices(
        reply(...lead, t("apply:termsIntro", { program: { localized: program.name } }), { localized: program.terms }, t("apply:termsQuestion")),
        yesNoChoices("apply:termsAccept", "apply:termsDecline"),
      );
    }
    case "confirmCancel":
      return withChoices(reply(...lead, t("apply:cancelConfirm")), yesNoChoices("apply:cancelYes", "apply:cancelNo"));
    case "submitting":
    case "checkingId":
      return reply(...lead, t("apply:pleaseWait"));
  }
}

function askField(state: ApplyState, fieldId: string, ctx: FlowContext, lead: Text[]): Reply {
  const draft = state.draft!;
  const fields = formFields(programOf(ctx, draft)!);
  const index = fields.findIndex((f) => f.id === fieldId);
  const field = fields[index]!;
  const parts: Text[] = [
    ...lead,
    t("apply:ask", { n: index + 1, total: fields.length, label: field.label }),
  ];
  if (field.hint) parts.push(field.hint);
  else parts.push(t(`apply:typeHint.${field.type}`));
  if (!field.required) parts.push(t("apply:optionalNote"));
  // How to go back or cancel: on the first question, and whenever a question is asked again.
  if (state.step.name === "field" && state.step.editing) parts.push(t("apply:editingNote"));
  else if (index === 0 || lead.length > 0) parts.push(t("apply:navNote"));
  const r = reply(...parts);
  if (field.type === "choice") return withChoices(r, (field.options ?? []).map((o) => choice(o.value, { localized: o.label })));
  if (field.type === "yesno") return withChoices(r, yesNoChoices());
  if (field.type === "phone") return { ...r, requestContact: true };
  return r;
}

function summaryText(draft: ApplicationDraft, ctx: FlowContext): Text {
  const program = programOf(ctx, draft)!;
  const lines: Text[] = formFields(program).map((f) => {
    const a = draft.answers[f.id];
    return t("apply:summaryLine", { label: f.label, value: a ? answerText(f, a) : t("apply:summaryValue.missing") });
  });
  return t("apply:summaryTitle", { program: { localized: program.name }, lines: { list: lines, lines: true } });
}

