/**
 * How a referral reads to staff and to a partner: its topic and partner by
 * name, the summary the beneficiary agreed to share, and its history. Texts
 * only (rendered by the caller in the reader's language).
 */
import type { Executor } from "../../db/repo";
import type { Referral, ReferralEvent } from "../../db/referrals";
import { referralEvents } from "../../db/referrals";
import { partnerById, topicById } from "../../flows/referral";
import { t } from "../../flows/reply";
import type { Text } from "../../flows/types";
import type { Profile } from "../../orgs/schema";

export const ltr = (v: string): Text => ({ ltr: v });

export const topicText = (profile: Profile, id: string): Text => {
  const topic = topicById(profile.referrals, id);
  return topic ? { localized: topic.name } : { literal: id };
};

/** The partner's name; "none yet" when staff are to find one. */
export const partnerText = (profile: Profile, id: string | null): Text => {
  const partner = partnerById(profile.referrals, id);
  return partner ? { localized: partner.name } : id ? { literal: id } : t("staff:referral.noPartner");
};

export const statusText = (status: string): Text => t(`staff:referral.status.${status}`);

/** The beneficiary's way back: their number when known, else the channel they write on. */
export async function contactWay(db: Executor, contactId: number): Promise<Text> {
  const c = await db.selectFrom("contacts").select(["phone", "verified_phone"]).where("id", "=", contactId).executeTakeFirst();
  const phone = c?.verified_phone ?? c?.phone ?? null;
  if (phone) return ltr(phone);
  const identity = await db
    .selectFrom("channel_identities as i")
    .leftJoin("sessions as s", "s.identity_id", "i.id")
    .select("i.channel")
    .where("i.contact_id", "=", contactId)
    .orderBy("s.updated_at", "desc")
    .executeTakeFirst();
  return t("staff:referral.viaChannel", { channel: identity?.channel ?? "-" });
}

function eventLine(profile: Profile, e: ReferralEvent): Text {
  const what: Text =
    e.action === "answer" && e.note
      ? t(`staff:referral.answer.${e.note}`)
      : e.action === "partner" || e.action === "opened"
        ? t("staff:referral.event.partner", { partner: partnerText(profile, e.note) })
        : e.toStatus && e.action === "status"
          ? statusText(e.toStatus)
          : t(`staff:referral.event.${e.action}`);
  return t("staff:referral.historyLine", { date: { date: e.at, withTime: true }, what, actor: e.actor });
}

/** The referral's history, a line per event, oldest first. */
export async function historyText(db: Executor, profile: Profile, referral: Referral): Promise<Text> {
  const events = await referralEvents(db, referral.id);
  return { list: events.map((e) => eventLine(profile, e)), lines: true };
}

/** The referral as staff see it in full: topic, partner, city, status, consent, follow-up. */
export function referralLines(profile: Profile, r: Referral): Text[] {
  const lines: Text[] = [
    t("staff:referral.summary", {
      topic: topicText(profile, r.topicId),
      partner: partnerText(profile, r.partnerId),
      city: r.city ?? "-",
      status: statusText(r.status),
    }),
  ];
  if (r.staffHandled) lines.push(t("staff:referral.staffHandled"));
  lines.push(t(`staff:referral.consent.${r.consent ?? "none"}`));
  if (r.followUpAt && !r.askedAt) lines.push(t("staff:referral.followUpDue", { date: { date: r.followUpAt } }));
  return lines;
}
