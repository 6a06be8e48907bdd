/**
 * The main menu and what arrives outside a flow: a chosen option, small
 * talk, a reference, a referral, an FAQ, or help.
 */
import { faqHoursLine } from "./calendar/text";
import type { Locale } from "../orgs/schema";
import { programNamedIn, startApply } from "./apply";
import { matchOption, parseOptionNumber } from "./choices";
import { detectSmallTalk, stripGreeting, type SmallTalk } from "./faq/smalltalk";
import { startAppeal } from "./appeal";
import { startFeedback, startMisconductReport } from "./feedback";
import { parseAttachment } from "./form";
import { offerAsInfo, pendingRequests, provideInfo, startInfo } from "./info";
import { detectFollowUp, detectInfoIntent, detectMisconduct, wantsToAppeal, wantsToProvideInfo } from "./intents";
import { startHandoff } from "./handoff";
import { aboutReply, actionsNamedIn, languageOptions, languageReply, menuReply, MENU_OPTIONS, type MenuItem } from "./menu";
import { findReferralTopic, startReferral } from "./referral";
import { actOnIntent, startFeedbackOf } from "./act";
import { detectIntent, isWish } from "./understand/intents";
import { choice, reply, t, withChoices } from "./reply";
import { done, draftOf, keepDraft } from "./session";
import { followUp, showStatus, statusLookup, typedReference } from "./status";
import { parseYesNo, sanitizeFreeText } from "./validate";
import { stem, tokenize } from "./faq/normalize";
import { looksLikeQuestion } from "./keywords";
import type { FlowContext, FlowInput, Reply, SessionState, StepResult, Text } from "./types";

export function switchLanguage(state: SessionState, locale: Locale, ctx: FlowContext): StepResult {
  if (!ctx.profile.locales.includes(locale)) {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:languageUnavailable")])]);
  }
  return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:languageChanged")])], [{ type: "setLocale", locale, chosen: true }]);
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
export function menu(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult {
  // A reference in the message («وين وصلت شكوى C26-00012») is what it is about, before any menu word in it.
  if (input.kind === "text" && typedReference(input.text) && parseOptionNumber(input.text) === null) {
    const lookup = statusLookup(state, input, ctx);
    if (lookup) return lookup;
  }
  // "Where is my complaint?" before the menu word "complaint" in it.
  const asked = input.kind === "text" ? detectFollowUp(input.text) : null;
  if (asked) return followUp(state, asked, ctx);
  const picked = matchOption(input, [...MENU_OPTIONS, ...languageOptions(ctx)]);
  if (picked?.startsWith("lang:")) return switchLanguage(state, picked.slice(5) as Locale, ctx);
  if (picked) return menuItem(state, picked.slice(5) as MenuItem, ctx, input.kind === "text" ? input.text : undefined);

  if (input.kind === "choice") {
    // A button from an older message: answer it if it still means something.
    if (input.value.startsWith("faq:")) return answerFaq(state, input.value.slice(4), ctx);
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:staleButton")])]);
  }
  if (input.kind === "media") {
    if (input.mediaType === "voice" || input.mediaType === "audio") return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:voiceNote")])]);
    // A file sent first: for the committee's request if one waits, else for a complaint that follows.
    const file = parseAttachment(input, ctx);
    if (!file.ok || file.answer.type !== "attachment") {
      return done(keepDraft({ flow: "menu" }, state), [menuReply([t(`validation:${file.ok ? "attachment_type" : file.error}`, file.ok ? undefined : file.params)])]);
    }
    const pending = pendingRequests(ctx)[0];
    if (pending) {
      const caption = input.caption ? sanitizeFreeText(input.caption, 4000) : "";
      const started = startInfo(state, pending.reference, ctx, { type: "file", file: file.answer });
      if (!caption || started.state.flow !== "info") return started;
      return provideInfo({ ...started.state, step: "collect" }, { kind: "text", text: caption }, ctx) ?? started;
    }
    return startFeedback(state, [file.answer]);
  }
  if (input.kind === "location" || input.kind === "contact") {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:notExpected")])]);
  }
  if (input.kind !== "text") return done(state, [menuReply()]);

  const text = sanitizeFreeText(input.text, 1000);
  if (text === "") return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:emptyMessage")])]);
  // A report of misconduct is taken as such before anything else, never answered with small talk.
  if (detectMisconduct(text)) return startMisconductReport(state, text, ctx);
  const small = detectSmallTalk(text);
  if (small) return smallTalkReply(small, state);
  const { greeting, rest } = stripGreeting(text);
  const lead: Text[] = greeting === "salam" ? [t("common:salamReply")] : greeting ? [t("common:greetingReply")] : [];
  const question = greeting ? rest : text;

  // A reference typed anywhere is looked up among this contact's own applications and tickets.
  const lookup = statusLookup(state, { kind: "text", text: question }, ctx);
  if (lookup) return lookup;
  const pending = pendingRequests(ctx)[0];
  if (pending && (wantsToProvideInfo(question) || detectInfoIntent(question) === "whatNeeded")) return startInfo(state, pending.reference, ctx);
  if (wantsToAppeal(question)) return startAppeal(state, ctx);

  // A statement that speaks of what the committee asked for is offered as that information first.
  if (pending && !looksLikeQuestion(question) && speaksOf(question, pending.infoRequest)) return offerAsInfo(state, pending, question);

  // Something to be done, asked in the person's own words: done at once.
  const intent = detectIntent(question);
  if (intent?.type === "language") return switchLanguage(state, intent.locale, ctx);
  const acted = intent ? actOnIntent(state, intent, question, ctx, lead) : null;
  if (acted) return acted;
  // A wish for what one program gives («ابي خزان لبيتي», «ابغى وايت») is applying to it.
  const ours = programNamedIn(question, ctx);
  if (ours && isWish(question)) return startApply(ctx, draftOf(state), question);

  const result = ctx.faq(question, ctx.locale);
  // A request outside our work, recognised by meaning; an FAQ answer beats a topic met in passing (referral/match.ts).
  // A message that names one of our own programs («الوايت», "water truck delivery") is ours, never referred elsewhere.
  const topic = ours ? null : findReferralTopic(question, ctx, result);
  if (topic) return startReferral(state, topic, question, ctx, lead);
  if (result.accepted) return answerFaq(state, result.accepted.id, ctx, lead);
  if (result.candidates.length > 0) {
    const s: SessionState = keepDraft({ flow: "faq", suggestions: result.candidates.map((c) => c.id) }, state);
    return done(s, [
      withChoices(reply(...lead, t("faq:didYouMean")), [
        ...result.candidates.map((c) => choice(`faq:${c.id}`, { literal: questionIn(ctx, c.id, c.question) })),
        choice("faq:none", t("faq:noneOfThese")),
      ]),
    ]);
  }
  // Not understood while the committee waits for information: perhaps it is that information.
  if (pending && parseYesNo(question) === null && (question.split(/\s+/).length >= 2 || /\d{3,}/.test(question))) {
    return offerAsInfo(state, pending, question);
  }
  return listing(state, withChoices(reply(...lead, t("common:notUnderstood")), [
    choice("menu:human", t("menu:item.human")),
    choice("menu:faq", t("menu:item.faq")),
    choice("menu:apply", t("menu:item.apply")),
  ]));
}

export function menuItem(state: SessionState, item: MenuItem, ctx: FlowContext, text?: string): StepResult {
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
    case "feedback": {
      // «مجھے شکایت کرنی ہے», «عندي اقتراح»: the kind is said, so it is not asked.
      const said = text ? detectIntent(text) : null;
      if (said?.type === "complaint" || said?.type === "suggestion") return startFeedbackOf(state, said.type, text!);
      return startFeedback(state);
    }
    case "human":
      return startHandoff(state, ctx);
    case "about":
      return done(keepDraft({ flow: "menu" }, state), [aboutReply(ctx)]);
    case "language":
      return done(keepDraft({ flow: "menu" }, state), [languageReply(ctx)]);
  }
}

/** True when `text` shares a word (by its stem) with the committee's request. */
function speaksOf(text: string, request: string | null): boolean {
  if (!request) return false;
  const stems = (s: string) => new Set(tokenize(s).map(stem).filter((w) => w.length >= 3));
  const asked = stems(request);
  return [...stems(text)].some((w) => asked.has(w));
}

export function answerFaq(state: SessionState, id: string, ctx: FlowContext, lead: Text[] = []): StepResult {
  const faq = ctx.profile.faqs.find((f) => f.id === id);
  if (!faq) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:staleButton")])]);
  // What the answer tells the reader to type is offered as a choice: a tap does it.
  const named = actionsNamedIn(faq.answer[ctx.locale] ?? faq.answer.ar);
  return listing(state, withChoices(reply(...lead, { localized: faq.answer }, ...faqHoursLine(ctx, faq.id), t("faq:more")), [
    ...named.map((item) => choice(`menu:${item}`, t(`menu:item.${item}`))),
    choice("menu:faq", t("faq:another")),
    ...(named.includes("human") ? [] : [choice("menu:human", t("menu:item.human"))]),
  ]));
}

/** An FAQ's question as the reader reads it: in the reply's language when the profile has one, else the one matched. */
function questionIn(ctx: FlowContext, id: string, matched: string): string {
  const faq = ctx.profile.faqs.find((f) => f.id === id);
  const inLocale = faq?.questions[ctx.locale] ?? [];
  return inLocale.includes(matched) || inLocale.length === 0 ? matched : inLocale[0]!;
}

/** Back at the menu with a short list of its own: a number typed next picks from that list. */
function listing(state: SessionState, shown: Reply): StepResult {
  const next: SessionState = { ...keepDraft({ flow: "menu" }, state), listed: (shown.choices ?? []).map((c) => c.value) } as SessionState;
  return done(next, [shown]);
}
