/**
 * The report as CSV (RFC 4180), one figure a line, for spreadsheets and
 * further analysis. Columns are stable identifiers, not translated labels:
 *
 *   section,program,item,metric,value
 *   applications,water_truck,approved,count,3
 *   decisions,all,,median_days,4.5
 *   surveys,water_truck,overall,average,4.33
 *
 * `program` is a program id, "all" for the whole association, "tickets"
 * for the satisfaction question asked after a ticket is closed, and for
 * referrals "topic:<id>" or "partner:<id>" ("partner:none": staff found one):
 *
 *   referrals,topic:food_aid,helped,count,2
 *   referrals,partner:moh,,helped_share,0.5
 *
 * Shares are
 * fractions between 0 and 1; times are days; empty values mean "no data".
 */
import { REPORT_REFERRAL_STATUSES, REPORT_STATUSES, REPORT_TICKET_KINDS, type DecisionStats, type ReferralGroup, type ReportData } from "./types";

type Value = string | number | null;

function cell(v: Value): string {
  if (v === null) return "";
  const s = typeof v === "number" ? String(Number.isInteger(v) ? v : Number(v.toFixed(4))) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(data: ReportData): string {
  const rows: Value[][] = [["section", "program", "item", "metric", "value"]];
  const add = (section: string, program: string, item: string, metric: string, value: Value) =>
    rows.push([section, program, item, metric, value]);

  add("report", "all", "", "org", data.org.slug);
  add("report", "all", "", "from", data.period.from);
  add("report", "all", "", "to", data.period.to);

  const a = data.applications;
  add("applications", "all", "total", "count", a.total);
  for (const s of REPORT_STATUSES) add("applications", "all", s, "count", a.byStatus[s]);
  for (const p of a.byProgram) {
    add("applications", p.programId, "total", "count", p.total);
    for (const s of REPORT_STATUSES) add("applications", p.programId, s, "count", p.byStatus[s]);
  }

  const d = data.decisions;
  const decisionFigures = (program: string, s: DecisionStats) => {
    add("decisions", program, "", "count", s.count);
    add("decisions", program, "approved", "count", s.approved);
    add("decisions", program, "rejected", "count", s.rejected);
    add("decisions", program, "", "median_days", s.medianDays);
    add("decisions", program, "", "within_period", s.withinPeriod);
    add("decisions", program, "", "within_period_share", s.withinPeriodShare);
  };
  add("decisions", "all", "", "period_days", d.periodDays);
  decisionFigures("all", d);
  for (const b of d.buckets) add("decisions", "all", `days_${b.id}`, "count", b.count);
  add("decisions", "all", "", "overdue_at_end", d.overdueAtEnd);
  for (const p of d.byProgram) decisionFigures(p.programId, p);

  const sv = data.surveys;
  add("surveys", "all", "", "sent", sv.sent);
  add("surveys", "all", "", "answered", sv.answered);
  add("surveys", "all", "", "response_rate", sv.responseRate);
  for (const g of sv.groups) {
    const program = g.kind === "ticket" ? "tickets" : (g.programId ?? "unknown");
    add("surveys", program, "", "sent", g.sent);
    add("surveys", program, "", "answered", g.answered);
    add("surveys", program, "", "response_rate", g.responseRate);
    for (const q of g.questions) {
      if (q.type !== "text") add("surveys", program, q.questionId, q.type === "yesno" ? "yes_share" : "average", q.average);
      add("surveys", program, q.questionId, "count", q.count);
      if (q.skipped > 0) add("surveys", program, q.questionId, "skipped", q.skipped);
    }
  }

  for (const kind of REPORT_TICKET_KINDS) {
    const t = data.tickets[kind];
    add("tickets", "all", kind, "total", t.total);
    add("tickets", "all", kind, "open", t.open);
    add("tickets", "all", kind, "closed", t.closed);
  }

  const referralFigures = (program: string, g: Omit<ReferralGroup, "id" | "name">) => {
    add("referrals", program, "total", "count", g.total);
    for (const s of REPORT_REFERRAL_STATUSES) add("referrals", program, s, "count", g.byStatus[s]);
    add("referrals", program, "", "with_outcome", g.withOutcome);
    add("referrals", program, "", "helped_share", g.helpedShare);
  };
  const rf = data.referrals;
  referralFigures("all", rf);
  add("referrals", "all", "consent_given", "count", rf.consentGiven);
  add("referrals", "all", "consent_refused", "count", rf.consentRefused);
  add("referrals", "all", "staff_handled", "count", rf.staffHandled);
  for (const g of rf.byTopic) referralFigures(`topic:${g.id ?? "none"}`, g);
  for (const g of rf.byPartner) referralFigures(`partner:${g.id ?? "none"}`, g);

  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
