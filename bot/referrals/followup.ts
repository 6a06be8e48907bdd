/**
 * The referrals' follow-up, a scheduled job. Every run reads what is due from
 * the database (idempotent, catches up after downtime):
 * - `followUpDays` after the beneficiary was told of a partner, the question
 *   "did they help?" (three buttons; the words work too);
 * - `reminderDays` after it, if unanswered or "still waiting", the one reminder;
 * - `reminderDays` after the reminder with no answer since, the referral is
 *   "no answer" (its ticket closed; nothing is sent).
 * Questions are bulk messages: they wait out quiet hours and prayer windows
 * (the job sends nothing then; its next run does). They are notices of the
 * kind "referral": outside WhatsApp's window they go by that template.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import * as repo from "../../db/repo";
import { addReferralEvent, daysAfter, referralsToAsk, referralsToRemind, referralsUnanswered, setTicketOpen, updateReferral, type Referral } from "../../db/referrals";
import { checkQuestion } from "../../flows/referral";
import { SESSION_VERSION, type SessionState } from "../../flows/types";
import type { Profile } from "../../orgs/schema";
import type { CalendarSource } from "../calendar";
import type { Translator } from "../i18n";
import { notifyContact } from "../notify";
import { carriedFrom, maySendBulk } from "../surveys";
import { ltr, partnerText, topicText } from "./texts";

export interface FollowUpDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  clock: () => Date;
  calendar: CalendarSource;
}

/** Conversations a question may take over: the person is not in the middle of something (a form, a person from staff). */
const IDLE_FLOWS = new Set(["menu", "faq", "status", "referralCheck", "survey"]);

/**
 * Queues the question (or the reminder) to the person's latest chat; when
 * they are not in the middle of something, their next words answer it.
 */
async function ask(db: repo.Executor, deps: FollowUpDeps, r: Referral, round: 1 | 2, at: string): Promise<boolean> {
  const partner = partnerText(deps.profile, r.partnerId);
  const question = checkQuestion({ reference: r.reference, round, partner, topic: topicText(deps.profile, r.topicId), days: deps.profile.referrals.followUpDays });
  const queued = await notifyContact(db, deps.translator, r.contactId, question, at, {
    dedupeKey: `refcheck:${r.reference}:${round}`,
    bulk: true,
    notice: { kind: "referral", reference: r.reference, params: { reference: ltr(r.reference), partner } },
  });
  const latest = queued ? await repo.latestSession(db, r.contactId) : null;
  const flow = (latest?.state as { flow?: string } | null)?.flow;
  if (latest && (flow === undefined || IDLE_FLOWS.has(flow))) {
    const state: SessionState = { flow: "referralCheck", reference: r.reference, round, ...carriedFrom(latest.state), lastActiveAt: at };
    await repo.saveSession(db, latest.identityId, SESSION_VERSION, state, at);
  }
  return queued;
}

export async function followUpReferrals(deps: FollowUpDeps): Promise<{ asked: number; reminded: number; unanswered: number }> {
  const now = deps.clock();
  const at = now.toISOString();
  const wait = deps.profile.referrals.reminderDays;
  const before = daysAfter(at, -wait);
  const mayAsk = await maySendBulk(deps.calendar, now);
  return deps.db.transaction().execute(async (trx) => {
    let asked = 0;
    let reminded = 0;
    let unanswered = 0;
    // Reminded and still silent: no answer (nothing to send, so quiet hours do not matter).
    for (const r of await referralsUnanswered(trx, before)) {
      await updateReferral(trx, r.id, { status: "no_answer" }, at);
      await addReferralEvent(trx, { referralId: r.id, actor: "system", action: "status", from: r.status, to: "no_answer", at });
      await setTicketOpen(trx, r.ticketId, false, "system", at);
      unanswered++;
    }
    if (!mayAsk) return { asked, reminded, unanswered };
    for (const r of await referralsToAsk(trx, at)) {
      const sent = await ask(trx, deps, r, 1, at);
      await updateReferral(trx, r.id, { asked_at: at }, at);
      await addReferralEvent(trx, { referralId: r.id, actor: "system", action: "asked", note: sent ? null : "no_address", at });
      if (sent) asked++;
    }
    for (const r of await referralsToRemind(trx, before)) {
      const sent = await ask(trx, deps, r, 2, at);
      await updateReferral(trx, r.id, { reminded_at: at }, at);
      await addReferralEvent(trx, { referralId: r.id, actor: "system", action: "reminded", note: sent ? null : "no_address", at });
      if (sent) reminded++;
    }
    return { asked, reminded, unanswered };
  });
}
