/**
 * The turn's routing: effect results back to the flow that asked for them,
 * then the commands that work anywhere ("القائمة", a language, "موظف"), then
 * the current flow. Never leaves a message unanswered, except while a person
 * from the association has the conversation.
 */
import type { Locale } from "../orgs/schema";
import { applyStep, prompt as applyPrompt } from "./apply";
import { matchOption, parseOptionNumber } from "./choices";
import { feedback, feedbackFiled } from "./feedback";
import { confirmDeletion } from "./act";
import { answerFaq, menu, menuItem, switchLanguage } from "./frontdesk";
import { readYesNo } from "./form";
import { detectSmallTalk, stripGreeting } from "./faq/smalltalk";
import { handoff, handoffOpened, startHandoff, startHandoffOffer } from "./handoff";
import { provideInfo } from "./info";
import { detectCommand } from "./keywords";
import { detectLanguage } from "./understand/language";
import { menuReply, MENU_OPTIONS, type MenuItem } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, keepDraft } from "./session";
import { statusLookup } from "./status";
import { surveyPrompt, surveyStep, TICKET_SURVEY_QUESTIONS } from "./survey";
import { withSeasonGreeting } from "./calendar/text";
import { safetyFirst } from "./safety";
import { hasArabicLetters, isLatinScript } from "./text/arabic";
import type { Effect, FlowContext, FlowInput, SessionState, StepResult, Text } from "./types";

/** A pause after which an unfinished form is offered to be continued or restarted. */
const RESUME_AFTER_MS = 6 * 60 * 60 * 1000;

/** Picks the language of a first message from its script. */
export function detectLocale(text: string, ctx: FlowContext): Locale {
  const supported = ctx.profile.locales;
  const written = detectLanguage(text, supported);
  if (written) return written;
  if (isLatinScript(text) && supported.includes("en")) return "en";
  if (/[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2\u06D3]/.test(text) && supported.includes("ur")) return "ur";
  if (hasArabicLetters(text) && supported.includes("ar")) return "ar";
  return supported[0] ?? "ar";
}

/** The turn: (state, input, context) → (state, replies, effects). */
export function step(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  const result = withSeasonGreeting(route(state, input, ctx), () => greets(state, input), ctx);
  const stamped = stamp(result.state, ctx);
  return { ...result, state: stamped };
}

/** The bot greets: a first contact, or a message that greets ("السلام عليكم", "hello"). */
function greets(state: SessionState, input: FlowInput): boolean {
  if (state.flow === "new") return true;
  if (input.kind !== "text") return false;
  const small = detectSmallTalk(input.text);
  return small === "salam" || small === "greeting" || stripGreeting(input.text).greeting !== null;
}

function stamp(state: SessionState, ctx: FlowContext): SessionState {
  return state.flow === "new" ? state : { ...state, lastActiveAt: ctx.now.toISOString() };
}

function route(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  // Safety first, in every state: someone who may be in danger is answered before anything else.
  const safety = safetyFirst(state, input, ctx);
  if (safety) return safety;
  // Effect results go straight back to the flow that asked for them.
  if (input.kind === "openApplicationChecked" || input.kind === "applicationSubmitted" || input.kind === "applicationDuplicate") {
    return state.flow === "apply" ? applyStep(state, input, ctx) : done(state, []);
  }
  if (input.kind === "ticketCreated") {
    if (input.ticketKind === "complaint" || input.ticketKind === "suggestion") {
      return feedbackFiled(state, input.ticketKind, input.reference, input.body, ctx);
    }
    if (input.ticketKind === "handoff") return handoffOpened(state, input.reference, ctx);
    return done(state, []);
  }
  if (input.kind === "deletionRequested") {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("privacy:deleteRequested", { reference: { ltr: input.reference } })])], [
      { type: "alertStaff", text: t("staff:deletionRequested", { reference: { ltr: input.reference }, channel: ctx.channel }) },
    ]);
  }
  if (input.kind === "infoProvided") {
    return done(keepDraft({ flow: "menu" }, state), [
      menuReply([t(input.accepted ? "decision:infoReceived" : "decision:infoNotExpected", { reference: { ltr: input.reference } })]),
    ]);
  }
  if (input.kind === "ticketClosed") {
    if (input.surveyId === null) return done(state, [menuReply([t("handoff:ended")])]);
    const s: SessionState = keepDraft(
      { flow: "survey", surveyId: input.surveyId, questions: TICKET_SURVEY_QUESTIONS, index: 0, scores: {} },
      state,
    );
    return done(s, [surveyPrompt(s as Extract<SessionState, { flow: "survey" }>, [t("handoff:ended"), t("survey:ticketIntro")])]);
  }

  if (state.flow === "new") return firstContact(input, ctx);

  // Outside a form, the reply follows the language each message is written in, unless the person chose one.
  const followed = followLanguage(state, input, ctx);
  if (followed) {
    const result = routeState(state, input, { ...ctx, locale: followed });
    return { ...result, effects: [{ type: "setLocale", locale: followed }, ...result.effects] };
  }
  return routeState(state, input, ctx);
}

/** States where a message is not an answer to a question of a form. */
const FREE_STATES: ReadonlySet<SessionState["flow"]> = new Set(["menu", "faq", "status"]);

function followLanguage(state: SessionState, input: FlowInput, ctx: FlowContext): Locale | null {
  if (input.kind !== "text" || ctx.contact.localeChosen || !FREE_STATES.has(state.flow)) return null;
  if (detectCommand(input.text) !== null) return null;
  const locale = detectLanguage(input.text, ctx.profile.locales);
  return locale && locale !== ctx.locale ? locale : null;
}

function routeState(state: Exclude<SessionState, { flow: "new" }>, input: FlowInput, ctx: FlowContext): StepResult {
  // A number right after a short list (an FAQ answer's "another question / a person") picks from that list.
  if (state.flow === "menu" && state.listed && input.kind === "text") {
    const n = parseOptionNumber(input.text);
    const value = n === null ? undefined : state.listed[n - 1];
    if (value) input = { kind: "choice", value };
  }
  const text = input.kind === "text" ? input.text : null;
  const command = text !== null ? detectCommand(text) : null;

  if (state.flow === "handoff") return handoff(state, input, command, ctx) ?? menu(keepDraft({ flow: "menu" }, state), input, ctx);

  if (command?.type === "menu") return done(keepDraft({ flow: "menu" }, state), [menuReply()]);
  if (command?.type === "myData") {
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "exportMyData" }]);
  }
  if (command?.type === "deleteMyData") return confirmDeletion(state);
  if (command?.type === "optOut" || command?.type === "optIn") {
    const optIn = command.type === "optIn";
    return done(keepDraft({ flow: "menu" }, state), [optIn ? menuReply([t("common:optedIn")]) : reply(t("common:optedOut"))], [
      { type: "setBroadcastOptIn", optIn },
    ]);
  }
  // "Provide the information" under a committee's request works from any message.
  if (input.kind === "choice" && input.value.startsWith("info:")) {
    const reference = input.value.slice(5);
    const app = ctx.applications.find((a) => a.reference === reference && a.status === "needs_info");
    if (app) return done(keepDraft({ flow: "info", reference }, state), [reply(t("decision:infoAsk", { reference: { ltr: reference } }))]);
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("decision:infoNotExpected", { reference: { ltr: reference } })])]);
  }
  // Main-menu buttons work from any message that carries them.
  if (input.kind === "choice" && input.value.startsWith("menu:")) {
    const item = input.value.slice(5) as MenuItem;
    if ((MENU_OPTIONS.map((o) => o.value) as string[]).includes(input.value)) return menuItem(state, item, ctx);
  }
  if (command?.type === "language") return switchLanguage(state, command.locale, ctx);
  if (command?.type === "help") return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:help")])]);
  if (command?.type === "human" && !(state.flow === "apply" && state.step.name === "field")) {
    return startHandoff(state, ctx);
  }

  if (state.flow === "apply") {
    const last = state.lastActiveAt ? Date.parse(state.lastActiveAt) : NaN;
    const paused = Number.isFinite(last) && ctx.now.getTime() - last > RESUME_AFTER_MS;
    const small = text !== null ? detectSmallTalk(text) : null;
    const greetingLead: Text[] =
      small === "salam" ? [t("common:salamReply")] : small === "greeting" ? [t("common:greetingReply")] : [];
    if (paused && state.draft && state.step.name !== "resume" && state.step.name !== "submitting" && state.step.name !== "checkingId") {
      const s: SessionState = { flow: "apply", step: { name: "resume" }, draft: state.draft };
      return done(s, [applyPrompt(s, ctx, [...greetingLead, t("apply:welcomeBack")])]);
    }
    // A greeting in the middle of the form is answered, then the question is asked again.
    if (greetingLead.length > 0) return done(state, [applyPrompt(state, ctx, greetingLead)]);
    return applyStep(state, input, ctx);
  }
  if (state.flow === "feedback") return feedback(state, input, command, ctx);
  if (state.flow === "survey") return surveyStep(state, input, command, ctx);
  if (state.flow === "info") return provideInfo(state, input, ctx) ?? menu(keepDraft({ flow: "menu" }, state), input, ctx);
  if (state.flow === "deletion") {
    const yes = readYesNo(input);
    if (yes === true) return done(keepDraft({ flow: "menu" }, state), [], [{ type: "requestDeletion" }]);
    if (yes === false) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("privacy:deleteKept")])]);
    return done(state, [
      withChoices(reply(t("apply:answerYesNo"), t("privacy:deleteConfirm")), [choice("yes", t("privacy:deleteYes")), choice("no", t("privacy:deleteNo"))]),
    ]);
  }
  if (state.flow === "faq") {
    const picked = matchOption(input, [
      ...state.suggestions.map((id) => ({ value: `faq:${id}` })),
      { value: "faq:none", words: ["لا شيء", "ولا واحد", "none", "none of these"] },
    ]);
    if (picked === "faq:none") return startHandoffOffer(state);
    if (picked) return answerFaq(state, picked.slice(4), ctx);
  }
  if (state.flow === "status") {
    const s = statusLookup(state, input, ctx);
    if (s) return s;
  }
  return menu(state, input, ctx);
}

function firstContact(input: FlowInput, ctx: FlowContext): StepResult {
  const text = input.kind === "text" ? input.text : "";
  const asked = detectCommand(text);
  const chosen = asked?.type === "language" && ctx.profile.locales.includes(asked.locale);
  const locale = chosen ? asked.locale : detectLocale(text, ctx);
  const effects: Effect[] = locale !== ctx.locale || chosen ? [{ type: "setLocale", locale, ...(chosen ? { chosen } : {}) }] : [];
  const lctx = { ...ctx, locale };
  const { greeting, rest } = text ? stripGreeting(text) : { greeting: null, rest: "" };
  const welcome: Text[] = [];
  if (greeting === "salam") welcome.push(t("common:salamReply"));
  welcome.push(t("common:welcome", { name: { localized: ctx.profile.name } }));
  const base: SessionState = { flow: "menu" };
  if (input.kind === "text" && rest.trim() !== "" && detectCommand(rest) === null) {
    // A real question in the first message: welcome, then answer it.
    const answered = menu(base, { kind: "text", text: rest }, lctx);
    const first = answered.replies[0];
    const replies = first ? [{ ...first, text: [...welcome, ...first.text] }, ...answered.replies.slice(1)] : [menuReply(welcome)];
    return done(answered.state, replies, [...effects, ...answered.effects]);
  }
  return done(base, [menuReply([...welcome, t("common:intro")])], effects);
}
