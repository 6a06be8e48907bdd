/** Talking to a person: a handoff ticket, when staff will answer, and quiet relaying until it ends. */
import { staffAnswerText } from "./calendar/text";
import type { Command } from "./keywords";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { formFields } from "./form";
import { done, draftOf, keepDraft } from "./session";
import { sanitizeFreeText } from "./validate";
import type { FlowContext, FlowInput, SessionState, StepResult, Text } from "./types";

/**
 * Asks for a person. An unfinished application goes with the request (staff
 * see how far it got) and is kept: the form can be continued afterwards.
 */
export function startHandoff(state: SessionState, ctx: FlowContext): StepResult {
  if (ctx.openHandoff) {
    return done(keepDraft({ flow: "handoff", reference: ctx.openHandoff.reference }, state), [
      reply(t("handoff:alreadyOpen", { reference: { ltr: ctx.openHandoff.reference } }), staffAnswerText(ctx), t("handoff:howToEnd")),
    ]);
  }
  const partial = partialApplication(state, ctx);
  return done(keepDraft({ flow: "menu" }, state), [], [{ type: "createTicket", kind: "handoff", body: partial?.body ?? null }]);
}

/** How far an unfinished application got: for the staff alert (localized) and the ticket (as data). */
function partialApplication(state: SessionState, ctx: FlowContext): { alert: Text; body: string } | null {
  const draft = draftOf(state);
  const program = draft ? ctx.profile.programs.find((p) => p.id === draft.programId) : undefined;
  if (!draft || !program) return null;
  const fields = formFields(program, draft);
  const answered = fields.filter((f) => draft.answers[f.id]).length;
  const step = state.flow === "apply" ? state.step : null;
  const at = step?.name === "field" ? fields.find((f) => f.id === step.fieldId) : undefined;
  return {
    alert: t("staff:handoffPartial", { program: { localized: program.name }, answered, total: fields.length }),
    body: `partial application: ${program.id}, ${answered}/${fields.length} answered${at ? `, at ${at.id}` : ""}`,
  };
}

/** "None of these": offer a person or another question. */
export function startHandoffOffer(state: SessionState): StepResult {
  return done(keepDraft({ flow: "menu" }, state), [
    withChoices(reply(t("faq:sorry")), [choice("menu:human", t("menu:item.human")), choice("menu:faq", t("faq:another"))]),
  ]);
}

/** The handoff ticket was opened: say who answers and when, and alert staff. */
export function handoffOpened(state: SessionState, reference: string, ctx: FlowContext): StepResult {
  const alert = t("staff:handoff", { reference: { ltr: reference }, channel: ctx.channel });
  const partial = partialApplication(state, ctx);
  const role = ctx.profile.staffRoles.find((r) => r.id === ctx.profile.escalationRole)!;
  return done(
    { ...keepDraft({ flow: "handoff", reference }, state) },
    [
      reply(
        t("handoff:opened", { reference: { ltr: reference }, role: { localized: role.title } }),
        staffAnswerText(ctx),
        t("handoff:howToEnd"),
      ),
    ],
    [{ type: "alertStaff", text: partial ? { list: [alert, partial.alert], lines: true } : alert }],
  );
}

/**
 * A message while a person has the conversation; null when staff closed the
 * handoff meanwhile (the bot answers again, as from the menu).
 */
export function handoff(
  state: Extract<SessionState, { flow: "handoff" }>,
  input: FlowInput,
  command: Command | null,
  ctx: FlowContext,
): StepResult | null {
  if (command?.type === "endHandoff") {
    // The reply comes with the closing's result: the satisfaction question, or the menu.
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "closeTicket", reference: state.reference }]);
  }
  if (command?.type === "menu") {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("handoff:stillOpen", { reference: { ltr: state.reference } })])]);
  }
  if (!ctx.openHandoff) return null;
  // While a person has the conversation the bot stays quiet and passes everything on.
  const text =
    input.kind === "text"
      ? sanitizeFreeText(input.text, 3000)
      : input.kind === "media"
        ? // The file stays for staff (a voice note can be heard by a person): where it is goes with it.
          `[${input.mediaType}] ${sanitizeFreeText(input.caption ?? "", 3000)} 📎 ${input.fileRef}`.replace(/\s+📎/, " 📎")
        : input.kind === "contact"
          ? `[contact] ${sanitizeFreeText(input.phone, 40)}`
          : input.kind === "location"
            ? `[location] ${input.latitude},${input.longitude}`
            : "";
  return done(state, [], text ? [{ type: "forwardToStaff", ticketReference: state.reference, text }] : []);
}
