/**
 * The referral's follow-up: some days after it (the profile's
 * `referrals.followUpDays`), the scheduler asks once whether the partner
 * helped, with three buttons; the words work too, in Arabic, English and
 * Urdu, and the buttons keep working from any later message. "No", or "still
 * waiting" at the one reminder, brings in a staff member with the referral's
 * history (the engine decides and says so in `referralOutcomeNoted`).
 */
import { matchOption, type Option } from "../choices";
import { menuReply } from "../menu";
import { choice, reply, t, withChoices } from "../reply";
import { done, keepDraft } from "../session";
import type { EffectEvent, FlowContext, FlowInput, Reply, ReferralAnswer, SessionState, StepResult, Text } from "../types";

/** Buttons of the follow-up question: "refcheck:<reference>:<answer>". */
export const REFCHECK_PREFIX = "refcheck:";
const ANSWERS: readonly ReferralAnswer[] = ["helped", "not_helped", "waiting"];

/** The answer a button carries, with its reference; null for any other value. */
export function readCheckButton(value: string): { reference: string; answer: ReferralAnswer } | null {
  const m = /^refcheck:([A-Z]\d{2}-\d{5,}):([a-z_]+)$/.exec(value);
  return m && (ANSWERS as readonly string[]).includes(m[2]!) ? { reference: m[1]!, answer: m[2] as ReferralAnswer } : null;
}

/** The question, by the scheduler: the partner, the topic, the reference, and three buttons. */
export function checkQuestion(a: { reference: string; round: 1 | 2; partner: Text; topic: Text; days: number }): Reply {
  const lead =
    a.round === 1
      ? t("referral:check.question", { partner: a.partner, topic: a.topic, reference: { ltr: a.reference }, days: t("calendar:days", { count: a.days }) })
      : t("referral:check.reminder", { partner: a.partner, topic: a.topic, reference: { ltr: a.reference } });
  return withChoices(reply(lead), [
    choice(`${REFCHECK_PREFIX}${a.reference}:helped`, t("referral:check.helped")),
    choice(`${REFCHECK_PREFIX}${a.reference}:not_helped`, t("referral:check.notHelped")),
    choice(`${REFCHECK_PREFIX}${a.reference}:waiting`, t("referral:check.waiting")),
  ]);
}

/** The answer typed in words (or by number: 1 yes, 2 no, 3 still waiting). */
const TYPED: readonly Option[] = [
  {
    value: "helped",
    words: ["نعم", "ايوه", "اي", "ايه", "اي نعم", "نعم ساعدوني", "ساعدوني", "تم", "الحمد لله", "خدموني", "yes", "yes they did", "they helped", "helped", "ہاں", "جی ہاں", "مدد ہو گئی", "مدد کی"],
  },
  {
    value: "not_helped",
    words: ["لا", "لأ", "ما ساعدوني", "لم يساعدوني", "ما خدموني", "ما ردوا", "ما فادوني", "no", "no they didn't", "not helped", "they did not help", "نہیں", "مدد نہیں کی", "نہیں کی"],
  },
  {
    value: "waiting",
    words: ["لسه", "لسا", "للحين", "باقي", "ما بعد", "ما زلت انتظر", "مازلت انتظر", "انتظر", "بانتظار", "لم يردوا بعد", "still waiting", "waiting", "not yet", "ابھی نہیں", "انتظار", "ابھی انتظار ہے"],
  },
];

/** The person's answer while the question is the last thing asked; null when the message is about something else. */
export function checkStep(state: Extract<SessionState, { flow: "referralCheck" }>, input: FlowInput): StepResult | null {
  const answer = matchOption(input, TYPED) as ReferralAnswer | null;
  if (answer === null) return null;
  return done(keepDraft({ flow: "menu" }, state), [], [{ type: "referralOutcome", reference: state.reference, answer }]);
}

/** A button of the question, pressed from any state: the answer is recorded, the conversation goes on where it was. */
export function checkButton(state: SessionState, value: string): StepResult | null {
  const pressed = readCheckButton(value);
  if (!pressed) return null;
  const next = state.flow === "referralCheck" || state.flow === "new" ? keepDraft({ flow: "menu" }, state) : state;
  return done(next, [], [{ type: "referralOutcome", reference: pressed.reference, answer: pressed.answer }]);
}

/** What the person is told once the answer is recorded. */
export function outcomeNoted(state: SessionState, e: Extract<EffectEvent, { kind: "referralOutcomeNoted" }>, ctx: FlowContext): StepResult {
  if (!e.accepted) return done(state, [menuReply([t("referral:check.unknown", { reference: { ltr: e.reference } })])]);
  const text: Text =
    e.answer === "helped"
      ? t("referral:check.thanksHelped")
      : e.alerted
        ? t(e.answer === "waiting" ? "referral:check.waitingAlerted" : "referral:check.notHelpedAlerted")
        : t("referral:check.waitingLater", { days: t("calendar:days", { count: ctx.profile.referrals.reminderDays }) });
  // Inside a form, the form goes on: only a line, the form's question follows on the next message.
  return state.flow === "menu" ? done(state, [menuReply([text])]) : done(state, [reply(text)]);
}
