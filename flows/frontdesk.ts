/**
 * The main menu and what arrives outside a flow: a chosen option, small
 * talk, a reference, a referral, an FAQ, or help.
 */
import { faqHoursLine } from "./calendar/text";
import type { Locale } from "../orgs/schema";
import { startApply } from "./apply";
import { matchOption } from "./choices";
import { detectSmallTalk, stripGreeting, type SmallTalk } from "./faq/smalltalk";
import { startFeedback } from "./feedback";
import { startHandoff } from "./handoff";
import { aboutReply, languageOptions, languageReply, menuReply, MENU_OPTIONS, type MenuItem } from "./menu";
import { findReferral, referralReply } from "./referral";
import { actOnIntent } from "./act";
import { detectIntent } from "./understand/intents";
import { choice, reply, t, withChoices } from "./reply";
import { done, draftOf, keepDraft } from "./session";
import { showStatus, statusLookup } from "./status";
import { sanitizeFreeText } from "./validate";
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

  // Something to be done, asked in the person's own words: done at once.
  const intent = detectIntent(question);
  if (intent?.type === "language") return switchLanguage(state, intent.locale, ctx);
  const acted = intent ? actOnIntent(state, intent, question, ctx, lead) : null;
  if (acted) return acted;

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
    case "feedback":
      return startFeedback(state);
    case "human":
      return startHandoff(state, ctx);
    case "about":
      return done(keepDraft({ flow: "menu" }, state), [aboutReply(ctx)]);
    case "language":
      return done(keepDraft({ flow: "menu" }, state), [languageReply(ctx)]);
  }
}

export function answerFaq(state: SessionState, id: string, ctx: FlowContext, lead: Text[] = []): StepResult {
  const faq = ctx.profile.faqs.find((f) => f.id === id);
  if (!faq) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("common:staleButton")])]);
  return listing(state, withChoices(reply(...lead, { localized: faq.answer }, ...faqHoursLine(ctx, faq.id), t("faq:more")), [
    choice("menu:faq", t("faq:another")),
    choice("menu:human", t("menu:item.human")),
  ]));
}

/** Back at the menu with a short list of its own: a number typed next picks from that list. */
function listing(state: SessionState, shown: Reply): StepResult {
  const next: SessionState = { ...keepDraft({ flow: "menu" }, state), listed: (shown.choices ?? []).map((c) => c.value) } as SessionState;
  return done(next, [shown]);
}
