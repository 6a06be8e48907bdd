/**
 * The question of each step of the application, asked first and whenever it
 * must be asked again. Long texts (the privacy notice, the program's terms)
 * are shown in full once; asked again after an unclear reply, only briefly.
 */
import { answerText, type FormField } from "../form";
import { choice, reply, t, withChoices } from "../reply";
import { sensitiveCategoriesText } from "../consent";
import type { ApplicationDraft, FlowContext, Reply, Text } from "../types";
import { fieldById, fieldsOf, openPrograms, programOf, yesNoChoices, type ApplyState } from "./base";

/** The choices of the program picker: the programs, then the ways out. */
export function programChoices(ctx: FlowContext) {
  return [
    ...openPrograms(ctx).map((p) => choice(`program:${p.id}`, { localized: p.name })),
    choice("program:unsure", t("apply:unsureProgram")),
    choice("menu:menu", t("apply:resumeMenu")),
  ];
}

/** The question for the current step, used first and whenever it must be asked again. */
export function prompt(state: ApplyState, ctx: FlowContext, lead: Text[] = []): Reply {
  const step = state.step;
  const draft = state.draft;
  // Asked again (after an unclear reply): only the question, not the long texts.
  const again = lead.length > 0;
  switch (step.name) {
    case "program":
      return withChoices(reply(...lead, t("apply:chooseProgram")), programChoices(ctx));
    case "describeNeed":
      return withChoices(reply(...lead, t("apply:describeNeed")), [choice("list", t("apply:showPrograms")), choice("human", t("menu:item.human"))]);
    case "suggest": {
      const program = ctx.profile.programs.find((p) => p.id === step.programId)!;
      return withChoices(
        reply(...lead, t("apply:suggested", { program: { localized: program.name } }), { localized: program.description }),
        [choice("yes", t("apply:suggestYes")), choice("list", t("apply:showPrograms")), choice("human", t("menu:item.human"))],
      );
    }
    case "privacy": {
      const program = ctx.profile.programs.find((p) => p.id === step.programId)!;
      const body: Text[] = again
        ? [...lead, t("apply:privacyShort")]
        : [
            t("apply:programIntro", { program: { localized: program.name } }),
            { localized: program.description },
            t("apply:eligibility", { text: { localized: program.eligibility } }),
            t("apply:privacyIntro"),
            { localized: ctx.profile.privacyNotice },
            t("apply:privacyQuestion"),
          ];
      return withChoices(reply(...body), yesNoChoices("apply:privacyAccept", "apply:privacyDecline"));
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
        reply(
          ...lead,
          again
            ? t("apply:sensitiveShort", { label: field.label })
            : t("consent:sensitive", { label: field.label, categories: sensitiveCategoriesText(programOf(ctx, draft)!, field.id) }),
        ),
        [choice("yes", t("apply:sensitiveAccept")), choice("no", t("apply:sensitiveDecline"))],
      );
    }
    case "confirmAnswer": {
      const field = fieldById(ctx, draft!, step.fieldId)!;
      const value = answerText(field, step.answer);
      if (step.why === "intent") {
        return withChoices(reply(...lead, t("apply:confirmIntent", { value, label: field.label })), [
          choice("human", t("menu:item.human")),
          choice("yes", t("apply:itIsMyAnswer")),
        ]);
      }
      const key = step.why === "date" ? "apply:confirmDate" : step.why === "number" ? "apply:confirmNumber" : "apply:confirmQuestion";
      return withChoices(reply(...lead, t(key, { value, label: field.label })), [choice("yes", t("apply:keepAnswer")), choice("no", t("apply:retypeAnswer"))]);
    }
    case "summary":
      return withChoices({ ...reply(...lead, summaryText(draft!, ctx)), sensitive: true }, [
        choice("submit", t("apply:summarySubmit")),
        choice("edit", t("apply:summaryEdit")),
        choice("cancel", t("apply:summaryCancel")),
      ]);
    case "editChoose":
      return withChoices(
        reply(...lead, t("apply:editWhich")),
        fieldsOf(ctx, draft!).map((f) => choice(`field:${f.id}`, f.label)),
      );
    case "attest":
      return withChoices(
        reply(...lead, t(draft?.minor ? "apply:attestGuardian" : "apply:attest")),
        yesNoChoices(draft?.minor ? "apply:attestGuardianYes" : "apply:attestYes", "apply:attestNo"),
      );
    case "terms": {
      const program = programOf(ctx, draft)!;
      const body: Text[] = again
        ? [...lead, t("apply:termsShort", { program: { localized: program.name } })]
        : [t("apply:termsIntro", { program: { localized: program.name } }), { localized: program.terms }, t("apply:termsQuestion")];
      return withChoices(reply(...body), yesNoChoices("apply:termsAccept", "apply:termsDecline"));
    }
    case "confirmCancel":
      return withChoices(reply(...lead, t("apply:cancelConfirm")), yesNoChoices("apply:cancelYes", "apply:cancelNo"));
    case "submitting":
    case "checkingId":
      return reply(...lead, t("apply:pleaseWait"));
  }
}

/** The example shown with a question: the association's own city and district. */
function hintOf(field: FormField, ctx: FlowContext): Text {
  const examples = ctx.profile.examples;
  if (field.id === "city" && examples) return t("apply:hint.cityOf", { city: { localized: examples.city } });
  if (field.type === "location") {
    const place = examples?.district ?? examples?.city;
    return place ? t("apply:typeHint.locationOf", { place: { localized: place } }) : t("apply:typeHint.location");
  }
  if (field.type === "date") return t(`apply:typeHint.date_${field.when ?? "any"}`);
  return field.hint ?? t(`apply:typeHint.${field.type}`);
}

function askField(state: ApplyState, fieldId: string, ctx: FlowContext, lead: Text[]): Reply {
  const draft = state.draft!;
  const fields = fieldsOf(ctx, draft);
  const index = fields.findIndex((f) => f.id === fieldId);
  const field = fields[index]!;
  const question = t("apply:ask", { n: index + 1, total: fields.length, label: field.label });
  const choices =
    field.type === "choice"
      ? (field.options ?? []).map((o) => choice(o.value, { localized: o.label }))
      : field.type === "yesno"
        ? yesNoChoices()
        : undefined;
  // A choice asked again: the reason and the options, briefly.
  if (choices && lead.length > 0) return withChoices(reply(...lead, question), choices);
  const parts: Text[] = [...lead, question, hintOf(field, ctx)];
  if (!field.required) parts.push(t("apply:optionalNote"));
  // How to go back or cancel: on the first question, and whenever a question is asked again.
  if (state.step.name === "field" && state.step.editing) parts.push(t("apply:editingNote"));
  else if (index === 0 || lead.length > 0) parts.push(t("apply:navNote"));
  const r = reply(...parts);
  if (choices) return withChoices(r, choices);
  if (field.type === "phone") return { ...r, requestContact: true };
  return r;
}

function summaryText(draft: ApplicationDraft, ctx: FlowContext): Text {
  const program = programOf(ctx, draft)!;
  const lines: Text[] = fieldsOf(ctx, draft).map((f) => {
    const a = draft.answers[f.id];
    return t("apply:summaryLine", { label: f.label, value: a ? answerText(f, a) : t("apply:summaryValue.missing") });
  });
  return t("apply:summaryTitle", { program: { localized: program.name }, lines: { list: lines, lines: true } });
}
