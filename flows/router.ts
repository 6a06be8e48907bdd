/**
 * The turn's routing: effect results back to the flow that asked for them,
 * then the commands that work anywhere ("القائمة", a language, "موظف"),
 * honoured inside every form without losing it, then the current flow.
 * Never leaves a message unanswered, except while a person from the
 * association has the conversation.
 */
import type { Locale } from "../orgs/schema";
import { applyStep, prompt as applyPrompt, programPicked, resumePicked } from "./apply";
import { appealFiled, appealStep, startAppeal } from "./appeal";
import { matchOption, parseOptionNumber } from "./choices";
import { feedback, feedbackFiled } from "./feedback";
import { answerFaq, menu, menuItem } from "./frontdesk";
import { fieldById } from "./apply/base";
import { readYesNo } from "./form";
import { detectSmallTalk, stripGreeting } from "./faq/smalltalk";
import { confirmStop, deletionPrompt, globalCommand } from "./global";
import { handoff, handoffOpened, startHandoffOffer } from "./handoff";
import { infoPrompt, pendingRequests, provideInfo, recallText, startInfo } from "./info";
import { detectCommand, looksLikeQuestion, type Command } from "./keywords";
import { detectLanguage } from "./understand/language";
import { menuReply, MENU_OPTIONS, type MenuItem } from "./menu";
import { reply, t } from "./reply";
import { done, draftOf, keepDraft, withoutHeld } from "./session";
import { statusLookup } from "./status";
import { surveyPrompt, surveyStep, TICKET_SURVEY_QUESTIONS } from "./survey";
import { withSeasonGreeting } from "./calendar/text";
import { safetyFirst } from "./safety";
import { checkButton, checkStep, outcomeNoted, referralOpened, referralStep, REFCHECK_PREFIX } from "./referral";
import { emergencyNumber } from "../orgs/emergency";
import { detectIntent } from "./understand/intents";
import { isHelpless } from "./intents";
import { hasArabicLetters, isLatinScript } from "./text/arabic";
import type { Effect, EffectEvent, FlowContext, FlowInput, Reply, SessionState, StepResult, Text } from "./types";

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
  const result = withSeasonGreeting(withRecall(route(state, input, ctx), input, ctx), () => greets(state, input), ctx);
  return { ...result, state: stamp(result.state, ctx) };
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

const EVENTS = new Set<string>([
  "openApplicationChecked", "applicationSubmitted", "applicationDuplicate", "ticketCreated", "infoProvided",
  "infoUnavailableNoted", "ticketClosed", "deletionRequested", "referralOutcomeNoted",
]);
const isEvent = (input: FlowInput): input is EffectEvent => EVENTS.has(input.kind);

/**
 * After something else was handled outside a form, a request of the committee
 * still waiting for the person is recalled in a line.
 */
function withRecall(result: StepResult, input: FlowInput, ctx: FlowContext): StepResult {
  const flow = result.state.flow;
  if (isEvent(input) || result.replies.length === 0 || (flow !== "menu" && flow !== "faq" && flow !== "status")) return result;
  const mentions = (r: Reply) => r.text.some((x) => "key" in x && x.key.startsWith("decision:info"));
  if (result.replies.some(mentions)) return result;
  const pending = pendingRequests(ctx)[0];
  if (!pending) return result;
  const replies = [...result.replies];
  const last = replies[replies.length - 1]!;
  // Before the menu's own prompt, if it ends with one.
  const text = [...last.text];
  const at = text.length > 0 && "key" in text[text.length - 1]! && (text[text.length - 1] as { key: string }).key === "menu:prompt" ? text.length - 1 : text.length;
  text.splice(at, 0, recallText(pending));
  replies[replies.length - 1] = { ...last, text };
  return { ...result, replies };
}

function event(state: SessionState, input: EffectEvent, ctx: FlowContext): StepResult {
  switch (input.kind) {
    case "openApplicationChecked":
    case "applicationSubmitted":
    case "applicationDuplicate":
      return state.flow === "apply" ? applyStep(state, input, ctx) : done(state, []);
    case "ticketCreated":
      if (input.ticketKind === "complaint" || input.ticketKind === "suggestion") {
        return feedbackFiled(state, input.ticketKind, input.reference, input.body, ctx, input.confidential === true);
      }
      if (input.ticketKind === "handoff") return handoffOpened(state, input.reference, ctx);
      if (input.ticketKind === "appeal") return appealFiled(state, input.reference, input.applicationReference ?? null, input.body, ctx);
      if (input.ticketKind === "referral") return referralOpened(state, input.reference);
      return done(state, []);
    case "referralOutcomeNoted":
      return outcomeNoted(state, input, ctx);
    case "deletionRequested":
      return done(keepDraft({ flow: "menu" }, state), [menuReply([t("privacy:deleteRequested", { reference: { ltr: input.reference } })])], [
        { type: "alertStaff", text: t("staff:deletionRequested", { reference: { ltr: input.reference }, channel: ctx.channel }) },
      ]);
    case "infoProvided": {
      const next = input.accepted ? withoutHeld(keepDraft({ flow: "menu" }, state)) : keepDraft({ flow: "menu" }, state);
      return done(next, [menuReply([t(input.accepted ? "decision:infoReceived" : "decision:infoNotExpected", { reference: { ltr: input.reference } })])]);
    }
    case "infoUnavailableNoted":
      return done(keepDraft({ flow: "menu" }, state), [
        menuReply([t(input.accepted ? "decision:infoUnavailableNoted" : "decision:infoNotExpected", { reference: { ltr: input.reference } })]),
      ]);
    case "ticketClosed": {
      const resume: Text[] = draftOf(state) ? [t("apply:draftKept")] : [];
      if (input.surveyId === null) return done(state, [menuReply([t("handoff:ended"), ...resume])]);
      const s = keepDraft({ flow: "survey", surveyId: input.surveyId, questions: TICKET_SURVEY_QUESTIONS, index: 0, scores: {} }, state);
      return done(s, [surveyPrompt(s as Extract<SessionState, { flow: "survey" }>, [t("handoff:ended"), t("survey:ticketIntro")])]);
    }
  }
}

/** The type of the form field being asked, if a field is being asked. */
function fieldType(state: SessionState, ctx: FlowContext): string | null {
  if (state.flow !== "apply" || state.step.name !== "field" || !state.draft) return null;
  return fieldById(ctx, state.draft, state.step.fieldId)?.type ?? null;
}

/** A person asking for staff in a field that takes words («موظف» may be the answer): the form asks which. */
function wordyField(state: SessionState, ctx: FlowContext): boolean {
  return ["text", "fullName", "city", "location"].includes(fieldType(state, ctx) ?? "");
}

/** How long after a message of danger short replies are met with care rather than a form's question. */
const ATTENDING_MS = 6 * 3_600_000;

/**
 * Right after someone told us they may be in danger (or, on the care path, of symptoms), a short reply
 * («طيب», "ok", «شكرا») or «وش اسوي» is not an answer to the question the form was at: it is met with
 * care, and the form waits until they want it.
 */
function stillAttending(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult | null {
  if (state.flow === "new" || !state.attending || input.kind !== "text") return null;
  if (ctx.now.getTime() - Date.parse(state.attending) > ATTENDING_MS) return null;
  // «طيب», "ok", «شكرا», an emoji: not an answer to anything. A real answer, a command or a request goes on.
  const text = input.text.trim();
  const small = detectSmallTalk(text);
  const wordless = text !== "" && !/[\p{L}\p{N}]/u.test(text);
  if (!(small === "ack" || small === "thanks" || wordless || isHelpless(text)) || detectCommand(text) !== null || detectIntent(text) !== null) return null;
  const unified = { ltr: emergencyNumber(ctx.profile, "unified") };
  if (state.caring) return done(state, [reply(t("safety:symptoms.still", { moh: { ltr: emergencyNumber(ctx.profile, "moh") }, unified }))]);
  return done(state, [reply(t("safety:stillHere", { unified }))]);
}

function route(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  // Safety first, in every state: someone who may be in danger is answered before anything else.
  const safety = safetyFirst(state, input, ctx);
  if (safety) return safety;
  const attended = stillAttending(state, input, ctx);
  if (attended) return attended;
  const result = routeAfterSafety(state, input, ctx);
  // Anything else the person chose to do ends the care mode.
  if (state.flow !== "new" && state.attending && !isEvent(input) && result.state.flow !== "new" && "attending" in result.state) {
    const { attending: _ended, caring: _care, ...rest } = result.state as SessionState & { attending?: string; caring?: boolean };
    return { ...result, state: rest as SessionState };
  }
  return result;
}

function routeAfterSafety(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  // Effect results go straight back to the flow that asked for them.
  if (isEvent(input)) return event(state, input, ctx);
  if (state.flow === "new") return firstContact(input, ctx);

  // Outside a form, the reply follows the language each message is written in, unless the person chose one.
  const followed = followLanguage(state, input, ctx);
  if (followed) {
    const result = routeState(state, input, withLocale(ctx, followed));
    return { ...result, effects: [{ type: "setLocale", locale: followed }, ...result.effects] };
  }
  return routeState(state, input, ctx);
}

/** The context in another language; its lists are still read when first used (no spread of its getters). */
export function withLocale(ctx: FlowContext, locale: Locale): FlowContext {
  return Object.assign(Object.create(ctx) as FlowContext, { locale });
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
  let command: Command | null = text !== null ? detectCommand(text) : null;
  // «0» is the menu, except as the answer to a question asking for a number.
  if (command?.type === "menu" && text !== null && /^\s*[0٠۰]\s*$/.test(text) && fieldType(state, ctx) === "number") command = null;

  if (state.flow === "handoff") return handoff(state, input, command, ctx) ?? menu(keepDraft({ flow: "menu" }, state), input, ctx);
  if (state.flow === "confirmStop" && command?.type === "optOut") return confirmStop(state, { kind: "text", text: "1" }, ctx);

  // Buttons that work from any message that carries them.
  if (input.kind === "choice" && input.value.startsWith("info:")) return startInfo(state, input.value.slice(5), ctx);
  if (input.kind === "choice" && input.value.startsWith("appeal:") && state.flow !== "appeal") return startAppeal(state, ctx, input.value.slice(7));
  if (input.kind === "choice" && input.value.startsWith(REFCHECK_PREFIX)) {
    const pressed = checkButton(state, input.value);
    if (pressed) return pressed;
  }
  if (input.kind === "choice" && input.value.startsWith("menu:")) {
    const item = input.value.slice(5) as MenuItem;
    if ((MENU_OPTIONS.map((o) => o.value) as string[]).includes(input.value)) return menuItem(state, item, ctx);
  }

  if (!(command?.type === "human" && wordyField(state, ctx))) {
    const global = globalCommand(state, command, ctx);
    if (global) return global;
  }

  switch (state.flow) {
    case "apply":
      return applyTurn(state, input, command, ctx);
    case "feedback":
      return feedback(state, input, command, ctx);
    case "survey": {
      if (command?.type === "cancel") return done(keepDraft({ flow: "menu" }, state), [menuReply([t("survey:later")])]);
      if (command?.type === "back") return done(state, [surveyPrompt(state)]);
      return surveyStep(state, input, command, ctx);
    }
    case "info": {
      if (command?.type === "cancel" || command?.type === "back") {
        if (command.type === "back" && state.step && state.step !== "collect") {
          const s: SessionState = { ...state, step: "collect" };
          return done(s, [infoPrompt(s, ctx)]);
        }
        return done(keepDraft({ flow: "menu" }, state), [menuReply([t("decision:infoKept", { reference: { ltr: state.reference } })])]);
      }
      return provideInfo(state, input, ctx) ?? menu(keepDraft({ flow: "menu" }, state), input, ctx);
    }
    case "appeal":
      return appealStep(state, input, command, ctx);
    case "referral":
      return referralStep(state, input, ctx) ?? menu(keepDraft({ flow: "menu" }, state), input, ctx);
    case "referralCheck":
      return checkStep(state, input) ?? menu(keepDraft({ flow: "menu" }, state), input, ctx);
    case "confirmStop":
      return confirmStop(state, input, ctx);
    case "deletion": {
      const yes = readYesNo(input);
      if (yes === true) return done(keepDraft({ flow: "menu" }, state), [], [{ type: "requestDeletion" }]);
      if (yes === false) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("privacy:deleteKept")])]);
      return done(state, [deletionPrompt([t("apply:answerYesNo")])]);
    }
    case "faq": {
      const picked = matchOption(input, [
        ...state.suggestions.map((id) => ({ value: `faq:${id}` })),
        { value: "faq:none", words: ["لا شيء", "ولا واحد", "none", "none of these"] },
      ]);
      if (picked === "faq:none") return startHandoffOffer(state);
      if (picked) return answerFaq(state, picked.slice(4), ctx);
      return menu(state, input, ctx);
    }
    case "status":
      return statusLookup(state, input, ctx) ?? menu(state, input, ctx);
    default:
      return menu(state, input, ctx);
  }
}

function applyTurn(state: Extract<SessionState, { flow: "apply" }>, input: FlowInput, command: Command | null, ctx: FlowContext): StepResult {
  const text = input.kind === "text" ? input.text : null;
  const last = state.lastActiveAt ? Date.parse(state.lastActiveAt) : NaN;
  const paused = Number.isFinite(last) && ctx.now.getTime() - last > RESUME_AFTER_MS;
  const small = text !== null ? detectSmallTalk(text) : null;
  const greetingLead: Text[] = small === "salam" ? [t("common:salamReply")] : small === "greeting" ? [t("common:greetingReply")] : [];
  if (paused && state.draft && state.step.name !== "resume" && state.step.name !== "submitting" && state.step.name !== "checkingId") {
    const s: SessionState = { flow: "apply", step: { name: "resume" }, draft: state.draft };
    return done(s, [applyPrompt(s, ctx, [...greetingLead, t("apply:welcomeBack")])]);
  }
  // A greeting in the middle of the form is answered, then the question is asked again.
  if (greetingLead.length > 0) return done(state, [applyPrompt(state, ctx, greetingLead)]);
  // "Continue or start again?" answered with something else («ممتاز», «شكرا», a question): the form stays kept, and the message is taken as at the menu.
  if (state.step.name === "resume" && state.draft && text !== null && command === null && resumePicked(input) === null && parseOptionNumber(text) === null) {
    return menu({ flow: "menu", draft: state.draft }, input, ctx);
  }
  // At the program list nothing is filled yet: a question or a request there is answered as at the menu, not met with the list again.
  if (state.step.name === "program" && !state.draft && text !== null && command === null && !programPicked(input, ctx) && (looksLikeQuestion(text) || detectIntent(text) !== null)) {
    return menu({ flow: "menu" }, input, ctx);
  }
  return applyStep(state, input, ctx, command);
}

function firstContact(input: FlowInput, ctx: FlowContext): StepResult {
  const text = input.kind === "text" ? input.text : "";
  const asked = detectCommand(text);
  const chosen = asked?.type === "language" && ctx.profile.locales.includes(asked.locale);
  const locale = chosen ? asked.locale : detectLocale(text, ctx);
  const effects: Effect[] = locale !== ctx.locale || chosen ? [{ type: "setLocale", locale, ...(chosen ? { chosen } : {}) }] : [];
  const lctx = withLocale(ctx, locale);
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
  if (input.kind === "media" && input.mediaType !== "voice" && input.mediaType !== "audio") {
    // A photo or document first: welcomed, and kept for the complaint or request it belongs to.
    const answered = menu(base, input, lctx);
    const first = answered.replies[0];
    const replies = first ? [{ ...first, text: [...welcome, ...first.text] }, ...answered.replies.slice(1)] : [menuReply(welcome)];
    return done(answered.state, replies, [...effects, ...answered.effects]);
  }
  // A voice note first: welcomed, and told it cannot be listened to.
  const heard = input.kind === "media" && (input.mediaType === "voice" || input.mediaType === "audio") ? [t("common:voiceNote")] : [];
  return done(base, [menuReply([...welcome, ...heard, t("common:intro")])], effects);
}
