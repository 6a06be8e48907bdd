/**
 * Commands that work anywhere, honoured inside every form, request for
 * information, complaint, appeal and survey: a person from the association
 * (with the unfinished application attached and kept), the menu (the form
 * kept), a language (the form goes on in it), help (about the question in
 * hand), stop/start announcements (asked first; never leaving a form
 * silently). Recognising them is `detectCommand`; this decides what they do
 * where the person is.
 */
import type { Locale } from "../orgs/schema";
import { prompt as applyPrompt } from "./apply";
import { appealPrompt } from "./appeal";
import { feedbackPrompt } from "./feedback";
import { matchOption } from "./choices";
import { readYesNo } from "./form";
import { switchLanguage } from "./frontdesk";
import { startHandoff } from "./handoff";
import { infoPrompt } from "./info";
import type { Command } from "./keywords";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, draftOf, keepDraft } from "./session";
import { surveyPrompt } from "./survey";
import type { FlowContext, Reply, SessionState, StepResult, Text } from "./types";

/** A flow with a question in hand: leaving it by a command is never silent. */
export function inForm(state: SessionState): boolean {
  return ["apply", "info", "feedback", "survey", "appeal", "deletion", "confirmStop"].includes(state.flow);
}

/** The question of the state in hand, asked again after `lead`. */
export function reprompt(state: SessionState, ctx: FlowContext, lead: Text[] = []): Reply {
  switch (state.flow) {
    case "apply":
      return applyPrompt(state, ctx, lead);
    case "info":
      return infoPrompt(state, ctx, lead);
    case "feedback":
      return feedbackPrompt(state, lead);
    case "survey":
      return surveyPrompt(state, lead);
    case "appeal":
      return appealPrompt(state, ctx, lead);
    case "deletion":
      return deletionPrompt(lead);
    case "confirmStop":
      return stopPrompt(state, lead);
    default:
      return menuReply(lead);
  }
}

export function deletionPrompt(lead: Text[] = []): Reply {
  return withChoices(reply(...lead, t("privacy:deleteConfirm")), [choice("yes", t("privacy:deleteYes")), choice("no", t("privacy:deleteNo"))]);
}

function stopPrompt(state: Extract<SessionState, { flow: "confirmStop" }>, lead: Text[] = []): Reply {
  const formInHand = inForm(state.resume);
  return withChoices(reply(...lead, t(formInHand ? "common:stopAskInForm" : "common:stopAsk")), [
    choice("yes", t("common:stopYes")),
    choice("no", t(formInHand ? "common:stopNoForm" : "common:stopNo")),
  ]);
}

/** `state` without its draft (the draft is carried at the top of the confirming state, where it is sealed). */
function withoutDraft(state: SessionState): SessionState {
  if (state.flow === "new") return state;
  if (state.flow === "apply") return { ...state, draft: null };
  const { draft: _carried, ...rest } = state;
  return rest as SessionState;
}

/** Back to where the person was before the question about stopping announcements. */
function resumeFrom(state: Extract<SessionState, { flow: "confirmStop" }>): SessionState {
  const draft = state.draft;
  const back = state.resume;
  if (back.flow === "apply") return { ...back, draft: back.draft ?? draft ?? null };
  if (back.flow === "new") return { flow: "menu" };
  return draft && !back.draft ? { ...back, draft } : back;
}

/** "Stop announcements?" answered. */
export function confirmStop(state: Extract<SessionState, { flow: "confirmStop" }>, input: Parameters<typeof readYesNo>[0], ctx: FlowContext): StepResult {
  const picked = matchOption(input, [
    { value: "yes", words: ["نعم اوقف الاعلانات", "اوقف الاعلانات", "yes stop announcements", "stop announcements"] },
    { value: "no", words: ["لا نكمل", "نكمل", "كمل", "no let's carry on", "carry on", "continue"] },
  ]);
  const yes = picked ? picked === "yes" : readYesNo(input);
  const back = resumeFrom(state);
  if (yes === true) {
    const lead = [t("common:optedOut")];
    return done(back, [inForm(back) ? reprompt(back, ctx, [...lead, t("common:backToForm")]) : reply(...lead)], [{ type: "setBroadcastOptIn", optIn: false }]);
  }
  if (yes === false) return done(back, [reprompt(back, ctx, [t("common:stopKept")])]);
  return done(state, [stopPrompt(state, [t("apply:answerYesNo")])]);
}

/**
 * What a command does where the person is; null when the flow in hand takes
 * it itself (back, cancel, skip, end) or it is not a command at all.
 */
export function globalCommand(state: SessionState, command: Command | null, ctx: FlowContext): StepResult | null {
  if (!command || state.flow === "new") return null;
  const form = inForm(state);
  switch (command.type) {
    case "menu": {
      const kept = draftOf(state) && state.flow === "apply" ? [t("apply:draftKept")] : [];
      return done(keepDraft({ flow: "menu" }, state), [menuReply(kept)]);
    }
    case "myData":
      return done(keepDraft({ flow: "menu" }, state), [], [{ type: "exportMyData" }]);
    case "deleteMyData":
      return done(keepDraft({ flow: "deletion" }, state), [deletionPrompt()]);
    case "optOut": {
      if (state.flow === "confirmStop") return null;
      const s: SessionState = { flow: "confirmStop", resume: withoutDraft(state), ...(draftOf(state) ? { draft: draftOf(state)! } : {}) };
      return done(s, [stopPrompt(s)]);
    }
    case "optIn":
      if (form) return done(state, [reprompt(state, ctx, [t("common:optedIn"), t("common:backToForm")])], [{ type: "setBroadcastOptIn", optIn: true }]);
      return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:optedIn")])], [{ type: "setBroadcastOptIn", optIn: true }]);
    case "language":
      return form ? languageInForm(state, command.locale, ctx) : switchLanguage(state, command.locale, ctx);
    case "help":
      if (form) return done(state, [reprompt(state, ctx, [t(`common:helpIn.${helpTopic(state)}`)])]);
      return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:help")])]);
    case "human":
      return startHandoff(state, ctx);
    default:
      return null;
  }
}

function helpTopic(state: SessionState): string {
  if (state.flow === "apply") return "apply";
  if (state.flow === "info") return "info";
  if (state.flow === "survey") return "survey";
  if (state.flow === "appeal") return "appeal";
  if (state.flow === "feedback") return "feedback";
  return "other";
}

/** A language chosen in the middle of a form: the form goes on, asked again in that language. */
function languageInForm(state: SessionState, locale: Locale, ctx: FlowContext): StepResult {
  if (!ctx.profile.locales.includes(locale)) return done(state, [reprompt(state, ctx, [t("common:languageUnavailable")])]);
  // The context's lists are read when first used: a copy keeps them so (no spread of its getters).
  const lctx = Object.assign(Object.create(ctx) as FlowContext, { locale });
  return done(state, [reprompt(state, lctx, [t("common:languageChanged")])], [{ type: "setLocale", locale, chosen: true }]);
}
