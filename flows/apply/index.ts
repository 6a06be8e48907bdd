/**
 * Applying for a program, field by field: privacy notice and consent first,
 * each answer validated with a reply that says what is wrong and how to fix
 * it, "back", "skip", "cancel" (confirmed), a summary where any field can be
 * edited, the attestation and the program's terms, then submission.
 * Choosing the program is in `programs.ts`, the fields in `fields.ts`, the
 * summary and submission in `summary.ts`.
 */
import { readYesNo } from "../form";
import type { Command } from "../keywords";
import { menuReply } from "../menu";
import { t } from "../reply";
import { done } from "../session";
import type { FlowContext, FlowInput, StepResult } from "../types";
import { at, fieldById, iso, programOf, type ApplyState } from "./base";
import { answerStep } from "./answer";
import { afterAnswer, goToField, previousStep } from "./fields";
import { blockedBy, needStep, pickProgram } from "./programs";
import { prompt } from "./prompt";
import { submitted, summaryStep } from "./summary";

export { prompt } from "./prompt";
export { programNamedIn, programPicked, startApply } from "./programs";
export { resumePicked } from "./answer";

/** One turn inside the application flow. */
export function applyStep(state: ApplyState, input: FlowInput, ctx: FlowContext, command: Command | null = null): StepResult {
  const step = state.step;

  // Results of effects first: they are not typed by a person.
  if (input.kind === "openApplicationChecked" && step.name === "checkingId") {
    const program = programOf(ctx, state.draft)!;
    const blocked = input.openReference ? blockedBy(program, { reference: input.openReference, status: input.status ?? "submitted" }) : null;
    if (blocked) return done({ flow: "menu" }, [menuReply([blocked])]);
    const next = step.nextFieldId ? fieldById(ctx, state.draft!, step.nextFieldId) ?? null : null;
    return step.editing ? afterAnswer(state, "national_id", ctx, true) : goToField(state, next, ctx, false);
  }
  if (input.kind === "applicationSubmitted" && step.name === "submitting") {
    return submitted(state, input.reference, input.submittedAt, ctx);
  }
  if (input.kind === "applicationDuplicate") {
    const program = programOf(ctx, state.draft)!;
    return done({ flow: "menu" }, [menuReply([blockedBy(program, { reference: input.reference, status: input.status ?? "submitted" })!])]);
  }
  if (input.kind === "openApplicationChecked" || input.kind === "applicationSubmitted" || input.kind === "ticketCreated") {
    return done(state, [prompt(state, ctx)]);
  }

  if (command?.type === "back") return previousStep(state, ctx);
  if (command?.type === "cancel" && step.name !== "confirmCancel") {
    if (!state.draft) return done({ flow: "menu" }, [menuReply([t("apply:cancelled")])]);
    const s = at(state, { name: "confirmCancel", resume: step });
    return done(s, [prompt(s, ctx)]);
  }

  switch (step.name) {
    case "program":
      return pickProgram(state, input, ctx);
    case "describeNeed":
    case "suggest":
      return needStep({ ...state, step }, input, ctx);
    case "privacy":
    case "resume":
    case "confirmPhone":
    case "sensitiveConsent":
    case "field":
    case "confirmAnswer":
      return answerStep({ ...state, step }, input, command, ctx);
    case "summary":
    case "editChoose":
    case "attest":
    case "terms":
      return summaryStep({ ...state, step }, input, ctx);
    case "confirmCancel": {
      const yes = readYesNo(input);
      if (yes === true) return done({ flow: "menu" }, [menuReply([t("apply:cancelled")])]);
      if (yes === false) {
        const s = at(state, step.resume);
        return done(s, [prompt(s, ctx)]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "submitting":
      // The submission did not complete in its turn (it was rolled back): try again.
      return done(state, [], [{ type: "submitApplication", draft: state.draft!, termsAcceptedAt: iso(ctx) }]);
    case "checkingId": {
      const nid = state.draft!.answers["national_id"];
      if (nid?.type === "nationalId") {
        return done(state, [], [{ type: "checkOpenApplication", programId: state.draft!.programId, nationalId: nid.value }]);
      }
      return goToField(state, fieldById(ctx, state.draft!, "national_id") ?? null, ctx, false);
    }
  }
}

