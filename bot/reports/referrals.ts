/**
 * The referrals of a period report: referrals made within the period (their
 * tickets' creation), by their current status, by topic and by partner, with
 * the consent given or refused, how many staff took on, and the share helped
 * among those whose outcome is known (helped, not helped, no answer).
 */
import type { Kysely } from "kysely";
import type { Database, ReferralStatus } from "../../db/schema";
import { FINAL_REFERRAL_STATUSES } from "../../db/schema";
import type { Profile } from "../../orgs/schema";
import { REPORT_REFERRAL_STATUSES, type ReferralGroup, type ReferralStatusCounts, type ReferralsSection } from "./types";

const emptyCounts = (): ReferralStatusCounts => Object.fromEntries(REPORT_REFERRAL_STATUSES.map((s) => [s, 0])) as ReferralStatusCounts;

function group(id: string | null, name: ReferralGroup["name"], rows: ReadonlyArray<{ status: ReferralStatus }>): ReferralGroup {
  const byStatus = emptyCounts();
  for (const r of rows) byStatus[r.status]++;
  const withOutcome = FINAL_REFERRAL_STATUSES.reduce((n, s) => n + byStatus[s], 0);
  return { id, name, total: rows.length, byStatus, withOutcome, helpedShare: withOutcome === 0 ? null : byStatus.helped / withOutcome };
}

/** Ids in the profile's order, then any others (removed since) sorted, then "none" (null) last. */
function ordered(known: readonly string[], ids: ReadonlyArray<string | null>): Array<string | null> {
  const seen = new Set(ids);
  const extra = [...seen].filter((id): id is string => id !== null && !known.includes(id)).sort();
  return [...known.filter((id) => seen.has(id)), ...extra, ...(seen.has(null) ? [null] : [])];
}

export async function referralsSection(db: Kysely<Database>, profile: Profile, start: string, end: string): Promise<ReferralsSection> {
  const rows = await db
    .selectFrom("referrals as r")
    .innerJoin("tickets as t", "t.id", "r.ticket_id")
    .select(["r.topic_id", "r.partner_id", "r.status", "r.consent", "r.staff_handled"])
    .where("t.created_at", ">=", start)
    .where("t.created_at", "<", end)
    .execute();
  const directory = profile.referrals;
  const byTopic = ordered(directory.topics.map((t) => t.id), rows.map((r) => r.topic_id)).map((id) =>
    group(id, directory.topics.find((t) => t.id === id)?.name ?? null, rows.filter((r) => r.topic_id === id)),
  );
  const byPartner = ordered(directory.partners.map((p) => p.id), rows.map((r) => r.partner_id)).map((id) =>
    group(id, directory.partners.find((p) => p.id === id)?.name ?? null, rows.filter((r) => r.partner_id === id)),
  );
  const { id: _all, name: _none, ...all } = group(null, null, rows);
  return {
    ...all,
    consentGiven: rows.filter((r) => r.consent === "given").length,
    consentRefused: rows.filter((r) => r.consent === "refused").length,
    staffHandled: rows.filter((r) => r.staff_handled === 1).length,
    byTopic,
    byPartner,
  };
}
