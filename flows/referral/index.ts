/**
 * A request outside the association's work, handed over kindly: the person is
 * told that it is not the association's work, who can help (the partner of
 * their city, asked once when it matters), how to reach them and when they are
 * open; or, when no contact of the partner may be shown, that a staff member
 * will help and when. Then, when the partner can receive it, they are asked
 * whether a short summary of the request and their contact may go to the
 * partner (a consent recorded for that purpose). A referral ticket records it
 * all; the follow-up (did they help?) is in ./followup.ts.
 */
import { staffAnswerText } from "../calendar/text";
import { readYesNo } from "../form";
import { looksLikeQuestion } from "../keywords";
import { menuReply } from "../menu";
import { choice, reply, t, withChoices } from "../reply";
import { done, keepDraft } from "../session";
import { parseYesNo, validateCity } from "../validate";
import type { Effect, FlowContext, FlowInput, Reply, SessionState, StepResult, Text } from "../types";
import type { ReferralPartner, ReferralTopic } from "../../orgs/schema";
import { choosePartner, contactLines, needsCity, offersHandover, partnerById, staffHandled, topicById } from "./directory";

export { findReferralTopic, topicOf } from "./match";
export { checkButton, checkQuestion, checkStep, outcomeNoted, readCheckButton, REFCHECK_PREFIX } from "./followup";
export { choosePartner, contactSummary, partnerById, staffHandled, topicById, verifiedContacts } from "./directory";

type ReferralState = Extract<SessionState, { flow: "referral" }>;

/** What the person is told about the partner: who, how to reach them and when, or that staff will help. */
function partnerTexts(partner: ReferralPartner | null, ctx: FlowContext): Text[] {
  if (partner === null) return [t("referral:noPartner", { when: staffAnswerText(ctx) })];
  const lines = contactLines(partner, ctx);
  const name: Text = { localized: partner.name };
  if (lines.length === 0) return [t("referral:partner", { partner: name }), t("referral:staffWillHelp", { when: staffAnswerText(ctx) })];
  return [t("referral:partner", { partner: name }), { list: [t("referral:howToReach"), ...lines], lines: true }];
}

function consentQuestion(partner: ReferralPartner): Reply {
  return withChoices(reply(t("referral:askConsent", { partner: { localized: partner.name } })), [
    choice("yes", t("referral:consentYes")),
    choice("no", t("referral:consentNo")),
  ]);
}

/** After the partner is known: what to say, and whether to ask for consent next. */
function toldAbout(
  state: SessionState,
  topic: ReferralTopic,
  partner: ReferralPartner | null,
  ctx: FlowContext,
  lead: Text[],
  effects: Effect[],
  reference?: string,
): StepResult {
  const texts = [...lead, ...partnerTexts(partner, ctx)];
  if (partner !== null && offersHandover(partner)) {
    const next: SessionState = keepDraft(
      { flow: "referral", step: "consent", topicId: topic.id, partnerId: partner.id, ...(reference ? { reference } : {}) },
      state,
    );
    const question = consentQuestion(partner);
    return done(next, [{ ...question, text: [...texts, ...question.text] }], effects);
  }
  return done(keepDraft({ flow: "menu" }, state), [menuReply(texts)], effects);
}

/**
 * Refers `question` to `topic`: the ticket, and the partner of the person's
 * city (asked first when the topic's partners depend on it and it is not known).
 */
export function startReferral(state: SessionState, topic: ReferralTopic, question: string, ctx: FlowContext, lead: Text[]): StepResult {
  const directory = ctx.profile.referrals;
  const opening: Text[] = [...lead, t("referral:notOurSpecialty", { topic: { localized: topic.name }, name: { localized: ctx.profile.name } })];
  const city = ctx.contact.city;
  if (city === null && needsCity(directory, topic.id)) {
    const s: SessionState = keepDraft({ flow: "referral", step: "city", topicId: topic.id, partnerId: null }, state);
    const effect: Effect = { type: "openReferral", topicId: topic.id, partnerId: null, body: question, city: null, told: false, staffHandled: false };
    return done(s, [reply(...opening, t("referral:askCity"))], [effect]);
  }
  const partner = choosePartner(directory, topic.id, city);
  const effect: Effect = { type: "openReferral", topicId: topic.id, partnerId: partner?.id ?? null, body: question, city, told: true, staffHandled: staffHandled(partner) };
  return toldAbout(state, topic, partner, ctx, opening, [effect]);
}

/** The reference of the referral just opened, kept with the conversation that asks about it. */
export function referralOpened(state: SessionState, reference: string): StepResult {
  if (state.flow !== "referral" || state.reference) return done(state, []);
  return done({ ...state, reference }, []);
}

/** The answer to the city question or the consent question; null when the message is about something else. */
export function referralStep(state: ReferralState, input: FlowInput, ctx: FlowContext): StepResult | null {
  const topic = topicById(ctx.profile.referrals, state.topicId);
  if (!topic || !state.reference) return null;
  return state.step === "city" ? cityStep(state, topic, state.reference, input, ctx) : consentStep(state, state.reference, input, ctx);
}

function cityStep(state: ReferralState, topic: ReferralTopic, reference: string, input: FlowInput, ctx: FlowContext): StepResult | null {
  if (input.kind === "location") return done(state, [reply(t("referral:cityInWords"))]);
  if (input.kind !== "text" || looksLikeQuestion(input.text)) return null;
  // «لا», "no": they would rather not say: a partner of the whole Kingdom, or staff.
  if (parseYesNo(input.text) !== null) {
    const partner = choosePartner(ctx.profile.referrals, topic.id, null);
    return toldAbout(state, topic, partner, ctx, [], [{ type: "referralPartner", reference, partnerId: partner?.id ?? null, city: null, staffHandled: staffHandled(partner) }], reference);
  }
  const typed = validateCity(input.text);
  if (!typed.ok) return done(state, [reply(t("referral:cityInWords"))]);
  const partner = choosePartner(ctx.profile.referrals, topic.id, typed.value);
  const effects: Effect[] = [
    { type: "setCity", city: typed.value },
    { type: "referralPartner", reference, partnerId: partner?.id ?? null, city: typed.value, staffHandled: staffHandled(partner) },
  ];
  return toldAbout(state, topic, partner, ctx, [], effects, reference);
}

function consentStep(state: ReferralState, reference: string, input: FlowInput, ctx: FlowContext): StepResult | null {
  const given = readYesNo(input);
  if (given === null) return null;
  const partner = partnerById(ctx.profile.referrals, state.partnerId);
  const name: Text = partner ? { localized: partner.name } : t("referral:thePartner");
  const byStaff = partner === undefined || staffHandled(partner) || partner.handover === "staff";
  const text: Text[] = given
    ? [t(byStaff ? "referral:consentGivenStaff" : "referral:consentGiven", { partner: name, reference: { ltr: reference } })]
    : [t("referral:consentRefused", { partner: name }), ...(partner && staffHandled(partner) ? [t("referral:staffWillAnswer", { when: staffAnswerText(ctx) })] : [])];
  text.push(t("referral:weWillAsk", { days: t("calendar:days", { count: ctx.profile.referrals.followUpDays }) }));
  return done(keepDraft({ flow: "menu" }, state), [menuReply(text)], [{ type: "referralConsent", reference, given }]);
}

/** The specialised body named to an applicant refused by age (a program for adults only), with its contacts. */
export function minorReferralText(topicId: string, ctx: FlowContext): Text[] {
  const directory = ctx.profile.referrals;
  if (!topicById(directory, topicId)) return [];
  const partner = choosePartner(directory, topicId, ctx.contact.city);
  if (!partner) return [];
  const lines = contactLines(partner, ctx);
  const name: Text = { localized: partner.name };
  return lines.length > 0
    ? [t("referral:partner", { partner: name }), { list: [t("referral:howToReach"), ...lines], lines: true }]
    : [t("referral:partner", { partner: name }), t("referral:askStaffHow")];
}
