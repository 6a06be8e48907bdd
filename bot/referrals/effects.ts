/**
 * The referral effects of a turn, in its transaction: opening the referral
 * (its ticket; staff alerted when they take it on), its partner once the city
 * is known, the beneficiary's consent (recorded for its purpose; with it, the
 * summary goes to the partner's chat when the profile gives one, and always to
 * staff), and the answer to "did they help?" ("no", or "still waiting" at the
 * reminder, alerts staff with the referral's history).
 */
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema";
import * as repo from "../../db/repo";
import { addReferralEvent, daysAfter, isFinal, openReferral, referralOf, setTicketOpen, updateReferral, type Referral } from "../../db/referrals";
import { partnerById } from "../../flows/referral";
import { t } from "../../flows/reply";
import type { Effect, EffectEvent, Text } from "../../flows/types";
import type { Profile } from "../../orgs/schema";
import type { ChannelName } from "../channels/types";
import type { Translator } from "../i18n";
import { renderParts } from "../notify";
import { maskNationalIds } from "../pii";
import { contactWay, historyText, ltr, partnerText, topicText } from "./texts";

export interface ReferralEffectDeps {
  profile: Profile;
  translator: Translator;
  /** Queues an alert about the turn's contact to every staff target. */
  alertStaff: (text: Text, at: string, contactId: number) => void;
}

interface Turn {
  contactId: number;
  at: string;
  channel: ChannelName;
}

type Trx = Transaction<Database>;

/** The consent's purpose, as recorded: sharing this referral's summary with its partner. */
export const referralSharePurpose = (reference: string): string => `referral_share:${reference}`;

export function createReferralEffects(deps: ReferralEffectDeps) {
  const { profile } = deps;
  const days = profile.referrals.followUpDays;

  /** Staff take the referral on: its ticket is open and they are told what is asked, for whom, where. */
  async function handToStaff(trx: Trx, r: Referral, turn: Turn): Promise<void> {
    await setTicketOpen(trx, r.ticketId, true, "system", turn.at);
    deps.alertStaff(
      t("staff:referral.needsStaff", {
        reference: ltr(r.reference),
        topic: topicText(profile, r.topicId),
        partner: partnerText(profile, r.partnerId),
        city: r.city ?? "-",
        channel: turn.channel,
        text: r.body ?? "-",
      }),
      turn.at,
      turn.contactId,
    );
  }

  async function open(trx: Trx, e: Extract<Effect, { type: "openReferral" }>, turn: Turn): Promise<EffectEvent> {
    const body = maskNationalIds(e.body);
    const r = await openReferral(trx, { contactId: turn.contactId, topicId: e.topicId, partnerId: e.partnerId, city: e.city, body, staffHandled: e.staffHandled, told: e.told, followUpDays: days, at: turn.at });
    if (e.told && e.staffHandled) await handToStaff(trx, r, turn);
    return { kind: "ticketCreated", ticketKind: "referral", reference: r.reference, body };
  }

  async function partner(trx: Trx, e: Extract<Effect, { type: "referralPartner" }>, turn: Turn): Promise<null> {
    const r = await referralOf(trx, e.reference, turn.contactId);
    if (!r) return null;
    await updateReferral(trx, r.id, { partner_id: e.partnerId, city: e.city, staff_handled: e.staffHandled ? 1 : 0, follow_up_at: daysAfter(turn.at, days) }, turn.at);
    await addReferralEvent(trx, { referralId: r.id, actor: "beneficiary", action: "partner", note: e.partnerId, at: turn.at });
    if (e.staffHandled) await handToStaff(trx, { ...r, partnerId: e.partnerId, city: e.city }, turn);
    return null;
  }

  /** The summary sent to the partner's chat, in the association's first language. */
  async function handOver(trx: Trx, r: Referral, turn: Turn): Promise<boolean> {
    const handover = partnerById(profile.referrals, r.partnerId)?.handover;
    if (!handover || handover === "staff") return false;
    const locale = profile.locales[0] ?? "ar";
    const text = t("staff:referral.handover", {
      association: { localized: profile.name },
      reference: ltr(r.reference),
      topic: topicText(profile, r.topicId),
      text: r.body ?? "-",
      city: r.city ?? "-",
      contact: await contactWay(trx, r.contactId),
    });
    // A message to an outside body about the person: it carries their id, so erasure finds it.
    for (const part of renderParts(deps.translator, { text: [text] }, locale)) {
      await repo.enqueue(trx, {
        contact_id: r.contactId,
        audience: "staff",
        channel: handover.channel,
        chat_id: handover.chatId,
        payload: JSON.stringify({ ...part, text: maskNationalIds(part.text) }),
        next_attempt_at: turn.at,
        last_error: null,
        dedupe_key: null,
        created_at: turn.at,
        sent_at: null,
      });
    }
    return true;
  }

  async function consent(trx: Trx, e: Extract<Effect, { type: "referralConsent" }>, turn: Turn): Promise<null> {
    const r = await referralOf(trx, e.reference, turn.contactId);
    if (!r || r.consent !== null) return null;
    const name = partnerText(profile, r.partnerId);
    if (!e.given) {
      await updateReferral(trx, r.id, { consent: "refused", consent_at: turn.at }, turn.at);
      await addReferralEvent(trx, { referralId: r.id, actor: "beneficiary", action: "consent_refused", at: turn.at });
      if (r.staffHandled) deps.alertStaff(t("staff:referral.refused", { reference: ltr(r.reference), partner: name }), turn.at, turn.contactId);
      return null;
    }
    await trx.insertInto("consents").values({ contact_id: turn.contactId, purpose: referralSharePurpose(r.reference), application_id: null, granted_at: turn.at }).execute();
    const sent = await handOver(trx, r, turn);
    await updateReferral(trx, r.id, { consent: "given", consent_at: turn.at, status: "handed_over" }, turn.at);
    await addReferralEvent(trx, { referralId: r.id, actor: "beneficiary", action: "consent_given", from: r.status, to: "handed_over", note: sent ? "sent_to_partner" : null, at: turn.at });
    // Staff always have it, as an open referral ticket.
    await setTicketOpen(trx, r.ticketId, true, "system", turn.at);
    deps.alertStaff(
      t(sent ? "staff:referral.handedOver" : "staff:referral.toPassOn", {
        reference: ltr(r.reference),
        topic: topicText(profile, r.topicId),
        partner: name,
        city: r.city ?? "-",
        text: r.body ?? "-",
        contact: await contactWay(trx, turn.contactId),
      }),
      turn.at,
      turn.contactId,
    );
    return null;
  }

  async function outcome(trx: Trx, e: Extract<Effect, { type: "referralOutcome" }>, turn: Turn): Promise<EffectEvent> {
    const r = await referralOf(trx, e.reference, turn.contactId);
    const noted = { kind: "referralOutcomeNoted" as const, reference: e.reference, answer: e.answer };
    if (!r) return { ...noted, accepted: false, alerted: false };
    // "Still waiting" at the reminder, or "no" at any time: staff look at it again, with its history.
    const alert = e.answer === "not_helped" || (e.answer === "waiting" && r.remindedAt !== null);
    const status = e.answer === "helped" ? "helped" : e.answer === "not_helped" ? "not_helped" : r.status;
    await updateReferral(trx, r.id, { answer: e.answer, answered_at: turn.at, status, ...(alert ? { alerted_at: turn.at } : {}) }, turn.at);
    await addReferralEvent(trx, { referralId: r.id, actor: "beneficiary", action: "answer", from: r.status, to: status, note: e.answer, at: turn.at });
    if (alert) {
      await setTicketOpen(trx, r.ticketId, true, "system", turn.at);
      deps.alertStaff(
        t("staff:referral.outcomeAlert", {
          reference: ltr(r.reference),
          topic: topicText(profile, r.topicId),
          partner: partnerText(profile, r.partnerId),
          answer: t(`staff:referral.answer.${e.answer}`),
          contact: await contactWay(trx, turn.contactId),
          history: await historyText(trx, profile, r),
        }),
        turn.at,
        turn.contactId,
      );
    } else if (isFinal(status)) {
      await setTicketOpen(trx, r.ticketId, false, "beneficiary", turn.at);
    }
    return { ...noted, accepted: true, alerted: alert };
  }

  async function setCity(trx: Trx, e: Extract<Effect, { type: "setCity" }>, turn: Turn): Promise<null> {
    await trx.updateTable("contacts").set({ city: e.city, updated_at: turn.at }).where("id", "=", turn.contactId).execute();
    return null;
  }

  return { open, partner, consent, outcome, setCity };
}
