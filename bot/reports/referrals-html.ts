/**
 * The referrals section of the HTML report: a stacked bar per topic (its
 * referrals by current status), a table by topic and one by partner, with the
 * share helped among referrals whose outcome is known. Built with the report's
 * own helpers (translations, isolated numbers, the SVG charts of ./svg.ts).
 */
import type { LocalizedText } from "../../orgs/schema";
import type { ReferralStatus } from "../../db/schema";
import { stackedBarChart, type Direction } from "./svg";
import { REPORT_REFERRAL_STATUSES, type ReferralGroup, type ReferralsSection } from "./types";

/** What the section borrows from the page being rendered (html.ts). */
export interface SectionKit {
  dir: Direction;
  /** A translated text as HTML (`report:` keys); params are HTML already. */
  tx: (key: string, params?: Record<string, string>) => string;
  /** A translated plain text (chart labels). */
  plain: (key: string, params?: Record<string, string | number>) => string;
  /** A number as isolated HTML. */
  num: (v: string | number) => string;
  esc: (s: string) => string;
  text: (t: LocalizedText) => string;
  /** A share as a percentage, or the "no value" mark. */
  share: (v: number | null) => string;
  fmtNumber: (n: number) => string;
}

export const REFERRAL_COLORS: Record<ReferralStatus, { fill: string; text: string }> = {
  suggested: { fill: "#94a3b8", text: "#0f172a" },
  handed_over: { fill: "#2563eb", text: "#ffffff" },
  partner_answered: { fill: "#7c3aed", text: "#ffffff" },
  helped: { fill: "#15803d", text: "#ffffff" },
  not_helped: { fill: "#b91c1c", text: "#ffffff" },
  no_answer: { fill: "#d6d3d1", text: "#1f2937" },
};

export function referralsHtml(r: ReferralsSection, k: SectionKit): string {
  const label = (g: ReferralGroup, kind: "topic" | "partner"): string =>
    g.name ? k.text(g.name) : g.id === null ? k.plain("referrals.noPartner") : k.plain(`referrals.unknown${kind === "topic" ? "Topic" : "Partner"}`, { id: g.id });
  const legend =
    `<ul class="legend">` +
    REPORT_REFERRAL_STATUSES.map((s) => `<li><span class="swatch" style="background:${REFERRAL_COLORS[s].fill}"></span>${k.tx(`referrals.status.${s}`)}</li>`).join("") +
    `</ul>`;
  const chart = stackedBarChart(
    r.byTopic.map((g) => ({
      label: label(g, "topic"),
      total: g.total,
      totalText: k.fmtNumber(g.total),
      segments: REPORT_REFERRAL_STATUSES.map((s) => ({
        value: g.byStatus[s],
        color: REFERRAL_COLORS[s].fill,
        textColor: REFERRAL_COLORS[s].text,
        title: `${k.plain(`referrals.status.${s}`)}: ${g.byStatus[s]}`,
      })),
    })),
    { dir: k.dir, label: k.plain("referrals.chart") },
  );
  const table = (caption: string, first: string, groups: ReferralGroup[], kind: "topic" | "partner"): string =>
    `<table><caption>${caption}</caption><thead><tr><th>${first}</th>` +
    REPORT_REFERRAL_STATUSES.map((s) => `<th class="num">${k.tx(`referrals.status.${s}`)}</th>`).join("") +
    `<th class="num">${k.tx("total")}</th><th class="num">${k.tx("referrals.helpedShare")}</th></tr></thead><tbody>` +
    groups
      .map(
        (g) =>
          `<tr><th scope="row">${k.esc(label(g, kind))}</th>` +
          REPORT_REFERRAL_STATUSES.map((s) => `<td class="num">${k.num(g.byStatus[s])}</td>`).join("") +
          `<td class="num"><strong>${k.num(g.total)}</strong></td><td class="num">${k.share(g.helpedShare)}</td></tr>`,
      )
      .join("") +
    `</tbody><tfoot><tr><th scope="row">${k.tx("total")}</th>` +
    REPORT_REFERRAL_STATUSES.map((s) => `<td class="num">${k.num(r.byStatus[s])}</td>`).join("") +
    `<td class="num">${k.num(r.total)}</td><td class="num">${k.share(r.helpedShare)}</td></tr></tfoot></table>`;
  const facts = `<p class="note">${k.tx("referrals.facts", {
    given: k.num(r.consentGiven),
    refused: k.num(r.consentRefused),
    staff: k.num(r.staffHandled),
    outcome: k.num(r.withOutcome),
  })}</p>`;
  return (
    `<section id="referrals"><h2>${k.tx("referrals.heading")}</h2><p class="note">${k.tx("referrals.note")}</p>` +
    (r.total === 0
      ? `<p class="empty">${k.tx("referrals.none")}</p>`
      : legend + chart + facts + table(k.tx("referrals.byTopic"), k.tx("referrals.topic"), r.byTopic, "topic") +
        table(k.tx("referrals.byPartner"), k.tx("referrals.partner"), r.byPartner, "partner")) +
    `</section>`
  );
}
