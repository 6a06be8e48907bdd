/**
 * The conversation: one pure step function the engine calls for every turn.
 * It routes to the current flow after the commands that work anywhere
 * ("القائمة", a language, "موظف"), and never leaves a message unanswered,
 * except while a person from the association has the conversation.
 */
import type { Locale } from "../orgs/schema";
import { applyStep, prompt as applyPrompt, startApply } from "./apply";
import { matchOption } from "./choices";
import { detectSmallTalk, stripGreeting, type SmallTalk } from "./faq/smalltalk";
import { detectCommand, type Command } from "./keywords";
import { aboutReply, languageOptions, languageReply, menuReply, MENU_OPTIONS, type MenuItem } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { commandForm, hasArabicLetters, isLatinScript } from "./text/arabic";
import { sanitizeFreeText } from "./validate";
import { parseAttachment, readYesNo } from "./form";
import { surveyPrompt, surveyStep, TICKET_SURVEY_QUESTIONS } from "./survey";
import { faqHoursLine, staffAnswerText, withSeasonGreeting } from "./calendar/text";
import type {
  ApplicationDraft,
  Effect,
  FlowContext,
  FlowInput,
  Reply,
  SessionState,
  StepResult,
  Text,
} from "./types";

export { SESSION_VERSION } from "./types";
export type { SessionState, StepResult, FlowContext, FlowInput } from "./types";

/** A pause after which an unfinished form is offered to be continued or restarted. */
const RESUME_AFTER_MS = 6 * 60 * 60 * 1000;

const done = (state: SessionState, replies: Reply[], effects: Effect[] = []): StepResult => ({ state, replies, effects });

function draftOf(state: SessionState): ApplicationDraft | undefined {
  if (state.flow === "apply") return state.draft ?? undefined;
  if (state.flow === "new") return undefined;
  return state.draft;
}

/** Returns `state` with the unfinished application kept, if any. */
function keepDraft(next: SessionState, from: SessionState): SessionState {
  const draft = draftOf(from);
  if (!draft || next.flow === "apply" || next.flow === "new") return next;
  return { ...next, draft };
}

/** Picks the language of a first message from its script. */
export function detectLocale(text: string, ctx: FlowContext): Locale {
  const supported = ctx.profile.locales;
  if (isLatinScript(text) && supported.includes("en")) return "en";
  if (/[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2\u06D3]/.test(text) && supported.includes("ur")) return "ur";
  if (hasArabicLetters(text) && supported.includes("ar")) return "ar";
  return supported[0] ?? "ar";
}

/** The turn: (state, input, context) → (state, replies, effects). */
export function step(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  const result = withSeasonGreeting(route(state, input, ctx), greets(state, input), ctx);
  const stamped = stamp(result.state, ctx);
  return { ...result, state: stamped };
}

/** The bot greets: a first contact, or a message that greets ("السلام عليكم", "hello"). */
function greets(state: SessionState, input: FlowInput): boolean {
  if (state.flow === "new") return true;
  return input.kind === "text" && (detectSmallTalk(input.text) === "salam" || detectSmallTalk(input.text) === "greeting" || stripGreeting(input.text).greeting !== null);
}

function stamp(state: SessionState, ctx: FlowContext): SessionState {
  return state.flow === "new" ? state : { ...state, lastActiveAt: ctx.now.toISOString() };
}

function route(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  // Effect results go straight back to the flow that asked for them.
  if (input.kind === "openApplicationChecked" || input.kind === "applicationSubmitted" || input.kind === "applicationDuplicate") {
    return state.flow === "apply" ? applyStep(state, input, ctx) : done(state, []);
  }
  if (input.kind === "ticketCreated") return ticketCreated(state, input.ticketKind, input.reference, input.body, ctx);
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

  const text = input.kind === "text" ? input.text : null;
  const command = text !== null ? detectCommand(text) : null;

  if (state.flow === "handoff") return handoff(state, input, command, ctx);

  if (command?.type === "menu") return done(keepDraft({ flow: "menu" }, state), [menuReply()]);
  if (command?.type === "myData") {
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "exportMyData" }]);
  }
  if (command?.type === "deleteMyData") {
    return done(keepDraft({ flow: "deletion" }, state), [
      withChoices(reply(t("privacy:deleteConfirm")), [choice("yes", t("privacy:deleteYes")), choice("no", t("privacy:deleteNo"))]),
    ]);
  }
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
  if (state.flow === "info") return provideInfo(state, input, ctx);
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
  const locale =
    asked?.type === "language" && ctx.profile.locales.includes(asked.locale) ? asked.locale : detectLocale(text, ctx);
  const effects: Effect[] = locale !== ctx.locale ? [{ type: "setLocale", locale }] : [];
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

function switchLanguage(state: SessionState, locale: Locale, ctx: FlowContext): StepResult {
  if (!ctx.profile.locales.includes(locale)) {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:languageUnavailable")])]);
  }
  return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:languageChanged")])], [{ type: "setLocale", locale }]);
}

function smallTalkReply(kind: SmallTalk, state: SessionState): StepResult {
  const next = keepDraft({ flow: "menu" }, state);
  switch (kind) {
    case "salam":
      return done(next, [menuReply([t("common:salamReply"), t("common:howCanWeHelp")])]);
    case "greeting":
      return done(next, [menuReply([t("common:greetingReply"), t("common:howCanWeHelp")])]);
    case "thanks":
      return done(next, [reply(t("common:thanksReply"))]);
    case "goodbye":
      return done(next, [reply(t("common:goodbyeReply"))]);
    case "ack":
      return done(next, [reply(t("common:ackReply"))]);
  }
}

/** The main menu: a chosen option, small talk, a referral, an FAQ, or help. */
function menu(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  const picked = matchOption(input, [...MENU_OPTIONS, ...languageOptions(ctx)]);
  if (picked?.startsWith("lang:")) return switchLanguage(state, picked.slice(5) as Locale, ctx);
  if (picked) return menuItem(state, picked.slice(5) as MenuItem, ctx, input.kind === "text" ? input.text : undefined);

  if (input.kind === "choice") {
    // A button from an older message: answer it if it still means something.
    if (input.value.startsWith("faq:")) return answerFaq(state, input.value.slice(4), ctx);
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:staleButton")])]);
  }
  if (input.kind === "media") {
    const key = input.mediaType === "voice" || input.mediaType === "audio" ? "common:voiceNote" : "common:mediaUnexpected";
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t(key)])]);
  }
  if (input.kind === "location" || input.kind === "contact") {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:notExpected")])]);
  }
  if (input.kind !== "text") return done(state, [menuReply()]);

  const text = sanitizeFreeText(input.text, 1000);
  if (text === "") return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:emptyMessage")])]);
  const small = detectSmallTalk(text);
  if (small) return smallTalkReply(small, state);
  const { greeting, rest } = stripGreeting(text);
  const lead: Text[] = greeting === "salam" ? [t("common:salamReply")] : greeting ? [t("common:greetingReply")] : [];
  const question = greeting ? rest : text;

  // A reference typed anywhere is looked up among this contact's own applications.
  const lookup = statusLookup(state, { kind: "text", text: question }, ctx);
  if (lookup) return lookup;

  const referral = findReferral(question, ctx);
  if (referral) return referralReply(state, referral, question, ctx, lead);

  const result = ctx.faq(question, ctx.locale);
  if (result.accepted) return answerFaq(state, result.accepted.id, ctx, lead);
  if (result.candidates.length > 0) {
    const s: SessionState = keepDraft({ flow: "faq", suggestions: result.candidates.map((c) => c.id) }, state);
    return done(s, [
      withChoices(reply(...lead, t("faq:didYouMean")), [
        ...result.candidates.map((c) => choice(`faq:${c.id}`, { literal: c.question })),
        choice("faq:none", t("faq:noneOfThese")),
      ]),
    ]);
  }
  return done(keepDraft({ flow: "menu" }, state), [
    withChoices(reply(...lead, t("common:notUnderstood")), [
      choice("menu:human", t("menu:item.human")),
      choice("menu:faq", t("menu:item.faq")),
      choice("menu:apply", t("menu:item.apply")),
    ]),
  ]);
}

function menuItem(state: SessionState, item: MenuItem, ctx: FlowContext, text?: string): StepResult {
  const draft = draftOf(state);
  switch (item) {
    case "apply":
      return startApply(ctx, draft, text);
    case "status":
      return showStatus(state, ctx);
    case "faq":
      return done(keepDraft({ flow: "faq", suggestions: ctx.profile.faqs.slice(0, 6).map((f) => f.id) }, state), [
        withChoices(
          reply(t("faq:askAnything")),
          ctx.profile.faqs.slice(0, 6).map((f) => choice(`faq:${f.id}`, { literal: f.questions[ctx.locale]?.[0] ?? f.questions.ar[0]! })),
        ),
      ]);
    case "feedback":
      return done(keepDraft({ flow: "feedback", step: "kind" }, state), [
        withChoices(reply(t("feedback:intro")), [
          choice("complaint", t("feedback:complaint")),
          choice("suggestion", t("feedback:suggestion")),
        ]),
      ]);
    case "human":
      return startHandoff(state, ctx);
    case "about":
      return done(keepDraft({ flow: "menu" }, state), [aboutReply(ctx)]);
    case "language":
      return done(keepDraft({ flow: "menu" }, state), [languageReply(ctx)]);
  }
}

function answerFaq(state: SessionState, id: string, ctx: FlowContext, lead: Text[] = []): StepResult {
  const faq = ctx.profile.faqs.find((f) => f.id === id);
  if (!faq) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:staleButton")])]);
  return done(keepDraft({ flow: "menu" }, state), [
    withChoices(reply(...lead, { localized: faq.answer }, ...faqHoursLine(ctx, faq.id), t("faq:more")), [
      choice("menu:faq", t("faq:another")),
      choice("menu:human", t("menu:item.human")),
    ]),
  ]);
}

// ---- Referral ---------------------------------------------------------------

function findReferral(text: string, ctx: FlowContext) {
  const typed = ` ${commandForm(text)} `;
  return ctx.profile.referrals.find((r) =>
    Object.values(r.keywords)
      .flat()
      .some((k) => typeof k === "string" && typed.includes(` ${commandForm(k)} `)),
  );
}

function referralReply(
  state: SessionState,
  referral: FlowContext["profile"]["referrals"][number],
  text: string,
  ctx: FlowContext,
  lead: Text[],
): StepResult {
  return done(
    keepDraft({ flow: "menu" }, state),
    [
      menuReply([
        ...lead,
        t("referral:notOurSpecialty", { topic: { localized: referral.topic }, name: { localized: ctx.profile.name } }),
        t("referral:goTo", { organization: { localized: referral.organization }, contact: { ltr: referral.contact } }),
      ]),
    ],
    [{ type: "createTicket", kind: "referral", body: text, referralId: referral.id }],
  );
}

// ---- Status -----------------------------------------------------------------

function statusLine(a: FlowContext["applications"][number], ctx: FlowContext): Text {
  const program = ctx.profile.programs.find((p) => p.id === a.programId);
  return t("status:line", {
    reference: { ltr: a.reference },
    program: program ? { localized: program.name } : a.programId,
    status: t(`status:state.${a.status}`),
    submitted: { date: a.submittedAt },
    updated: { date: a.updatedAt },
  });
}

function showStatus(state: SessionState, ctx: FlowContext): StepResult {
  if (ctx.applications.length === 0) {
    return done(keepDraft({ flow: "menu" }, state), [
      withChoices(reply(t("status:none")), [choice("menu:apply", t("menu:item.apply")), choice("menu:human", t("menu:item.human"))]),
    ]);
  }
  return done(keepDraft({ flow: "status" }, state), [
    reply(t("status:list", { count: ctx.applications.length }), { list: ctx.applications.map((a) => statusLine(a, ctx)), lines: true }, t("status:askReference")),
  ]);
}

/** A reference typed in the status flow: only this contact's applications are searched. */
function statusLookup(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult | null {
  if (input.kind !== "text") return null;
  const typed = commandForm(input.text).replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]*\d{2}-?\d{3,}$/.test(typed)) return null;
  const norm = (r: string) => r.replace(/[-\s]/g, "").toUpperCase();
  const found = ctx.applications.find((a) => norm(a.reference) === norm(typed));
  if (!found) return done(keepDraft({ flow: "status" }, state), [reply(t("status:notFound", { reference: { ltr: input.text.trim().slice(0, 30) } }))]);
  return done(keepDraft({ flow: "menu" }, state), [menuReply([statusLine(found, ctx)])]);
}

// ---- Complaints and suggestions -------------------------------------------

function feedback(
  state: Extract<SessionState, { flow: "feedback" }>,
  input: FlowInput,
  command: Command | null,
  ctx: FlowContext,
): StepResult {
  if (command?.type === "back" || command?.type === "cancel") return done(keepDraft({ flow: "menu" }, state), [menuReply()]);
  if (state.step === "kind") {
    const picked = matchOption(input, [
      { value: "complaint", words: ["شكوى", "شكوي", "شكوه", "complaint", "شکایت"] },
      { value: "suggestion", words: ["اقتراح", "مقترح", "suggestion", "تجویز"] },
    ]);
    if (!picked) {
      return done(state, [
        withChoices(reply(t("apply:pickFromList"), t("feedback:intro")), [
          choice("complaint", t("feedback:complaint")),
          choice("suggestion", t("feedback:suggestion")),
        ]),
      ]);
    }
    const kind = picked as "complaint" | "suggestion";
    return done({ ...state, step: "text", kind }, [reply(t(`feedback:ask.${kind}`))]);
  }
  const kind = state.kind ?? "complaint";
  if (input.kind === "text") {
    const body = sanitizeFreeText(input.text, 4000);
    if (body.length < 2) return done(state, [reply(t("feedback:tooShort"))]);
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "createTicket", kind, body }]);
  }
  if (input.kind === "media" && input.mediaType !== "voice" && input.mediaType !== "audio") {
    const attachment = parseAttachment(input, ctx);
    if (!attachment.ok) return done(state, [reply(t(`validation:${attachment.error}`, attachment.params), t(`feedback:ask.${kind}`))]);
    const body = input.caption ? sanitizeFreeText(input.caption, 4000) : null;
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "createTicket", kind, body, attachment: attachment.answer }]);
  }
  return done(state, [reply(t("common:voiceNote"), t(`feedback:ask.${kind}`))]);
}

function ticketCreated(state: SessionState, kind: string, reference: string, body: string | null, ctx: FlowContext): StepResult {
  if (kind === "complaint" || kind === "suggestion") {
    return done(state, [menuReply([t(`feedback:received.${kind}`, { reference: { ltr: reference } }), t("feedback:yourRight")])], [
      { type: "alertStaff", text: t(`staff:${kind}`, { reference: { ltr: reference }, channel: ctx.channel, text: body ?? "-" }) },
    ]);
  }
  if (kind === "handoff") {
    const role = ctx.profile.staffRoles.find((r) => r.id === ctx.profile.escalationRole)!;
    return done(
      { ...keepDraft({ flow: "handoff", reference }, state) },
      [reply(t("handoff:opened", { reference: { ltr: reference }, role: { localized: role.title } }), staffAnswerText(ctx), t("handoff:howToEnd"))],
      [{ type: "alertStaff", text: t("staff:handoff", { reference: { ltr: reference }, channel: ctx.channel }) }],
    );
  }
  return done(state, []);
}

// ---- Talking to a person ---------------------------------------------------

function startHandoff(state: SessionState, ctx: FlowContext): StepResult {
  if (ctx.openHandoff) {
    return done(keepDraft({ flow: "handoff", reference: ctx.openHandoff.reference }, state), [
      reply(t("handoff:alreadyOpen", { reference: { ltr: ctx.openHandoff.reference } }), staffAnswerText(ctx), t("handoff:howToEnd")),
    ]);
  }
  return done(keepDraft({ flow: "menu" }, state), [], [{ type: "createTicket", kind: "handoff", body: null }]);
}

function startHandoffOffer(state: SessionState): StepResult {
  return done(keepDraft({ flow: "menu" }, state), [
    withChoices(reply(t("faq:sorry")), [choice("menu:human", t("menu:item.human")), choice("menu:faq", t("faq:another"))]),
  ]);
}

function handoff(
  state: Extract<SessionState, { flow: "handoff" }>,
  input: FlowInput,
  command: Command | null,
  ctx: FlowContext,
): StepResult {
  if (command?.type === "endHandoff") {
    // The reply comes with the closing's result: the satisfaction question, or the menu.
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "closeTicket", reference: state.reference }]);
  }
  if (command?.type === "menu") {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("handoff:stillOpen", { reference: { ltr: state.reference } })])]);
  }
  if (!ctx.openHandoff) {
    // Staff closed it meanwhile: the bot answers again.
    return menu(keepDraft({ flow: "menu" }, state), input, ctx);
  }
  // While a person has the conversation the bot stays quiet and passes everything on.
  const text =
    input.kind === "text"
      ? sanitizeFreeText(input.text, 3000)
      : input.kind === "media"
        ? `[${input.mediaType}] ${sanitizeFreeText(input.caption ?? "", 3000)}`.trim()
        : input.kind === "contact"
          ? `[contact] ${sanitizeFreeText(input.phone, 40)}`
          : input.kind === "location"
            ? `[location] ${input.latitude},${input.longitude}`
            : "";
  return done(state, [], text ? [{ type: "forwardToStaff", ticketReference: state.reference, text }] : []);
}

// ---- Answering the committee's request for information ---------------------

function provideInfo(state: Extract<SessionState, { flow: "info" }>, input: FlowInput, ctx: FlowContext): StepResult {
  const app = ctx.applications.find((a) => a.reference === state.reference);
  if (!app || app.status !== "needs_info") return menu(keepDraft({ flow: "menu" }, state), input, ctx);
  if (input.kind === "text") {
    const text = sanitizeFreeText(input.text, 4000);
    if (text.length < 2) return done(state, [reply(t("decision:infoAsk", { reference: { ltr: state.reference } }))]);
    return done(state, [], [{ type: "provideInfo", reference: state.reference, text, attachment: null }]);
  }
  if (input.kind === "media" && input.mediaType !== "voice" && input.mediaType !== "audio") {
    const attachment = parseAttachment(input, ctx);
    if (!attachment.ok) {
      return done(state, [reply(t(`validation:${attachment.error}`, attachment.params), t("decision:infoAsk", { reference: { ltr: state.reference } }))]);
    }
    const text = input.caption ? sanitizeFreeText(input.caption, 4000) : null;
    return done(state, [], [{ type: "provideInfo", reference: state.reference, text, attachment: attachment.answer }]);
  }
  return done(state, [reply(t("common:voiceNote"), t("decision:infoAsk", { reference: { ltr: state.reference } }))]);
}
