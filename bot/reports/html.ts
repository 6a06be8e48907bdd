/**
 * The report as one self-contained HTML page for a manager: Arabic and right
 * to left by default, a title with the association and the period in Hijri
 * and Gregorian, summary cards, tables and inline-SVG charts with their
 * labels. No script, no external asset: it opens offline, prints on A4 and
 * can be sent as an attachment. Every label comes from `locales/<lng>/report.json`;
 * numbers are isolated so they read correctly inside right-to-left text.
 */
import { formatDualDate } from "../../flows/dates";
import { localize } from "../../orgs/load";
import type { Locale, LocalizedText } from "../../orgs/schema";
import type { ApplicationStatus } from "../../db/schema";
import type { Translator } from "../i18n";
import { columnChart, escapeXml, ltrIsolate, scoreBarChart, stackedBarChart, type Direction } from "./svg";
import { referralsHtml } from "./referrals-html";
import {
  REPORT_STATUSES,
  REPORT_TICKET_KINDS,
  type DecisionBucket,
  type DecisionStats,
  type QuestionResult,
  type ReportData,
  type SurveyGroup,
} from "./types";

export interface HtmlOptions {
  /** Default "ar". */
  locale?: Locale;
  /** Shown under the title when given (the renderer itself reads no clock). */
  generatedAt?: Date;
}

const STATUS_COLORS: Record<ApplicationStatus, { fill: string; text: string }> = {
  submitted: { fill: "#94a3b8", text: "#0f172a" },
  under_review: { fill: "#2563eb", text: "#ffffff" },
  needs_info: { fill: "#f59e0b", text: "#1f2937" },
  approved: { fill: "#15803d", text: "#ffffff" },
  rejected: { fill: "#b91c1c", text: "#ffffff" },
  withdrawn: { fill: "#d6d3d1", text: "#1f2937" },
};
const WITHIN_COLOR = "#15803d";
const BEYOND_COLOR = "#d97706";
const SCORE_COLOR = "#0f766e";

const RTL_LOCALES: readonly Locale[] = ["ar", "ur"];

const esc = escapeXml;

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
/** A count or a one-decimal measure, Latin digits. */
const fmtNumber = (n: number): string => numberFormat.format(Math.round(n * 10) / 10);
const fmtShare = (share: number): string => `${Math.round(share * 100)}%`;

/** A number (or percentage) as HTML, isolated left-to-right. */
const num = (v: string | number): string => `<bdi dir="ltr" class="n">${esc(typeof v === "number" ? fmtNumber(v) : v)}</bdi>`;

const CSS = `
*{box-sizing:border-box}
html{background:#f1f5f9}
body{margin:0;padding:32px 16px;color:#0f172a;font:16px/1.7 "Noto Naskh Arabic","Noto Sans Arabic","Segoe UI",Tahoma,"DejaVu Sans",Arial,sans-serif}
main{max-width:980px;margin:0 auto;background:#fff;padding:32px 40px;border-radius:12px;box-shadow:0 1px 3px rgba(15,23,42,.12)}
header{border-bottom:3px solid #0f766e;padding-bottom:16px;margin-bottom:24px}
.org{margin:0;color:#0f766e;font-size:20px;font-weight:700}
h1{margin:4px 0 8px;font-size:30px;line-height:1.3}
.period{margin:0;font-size:17px;font-weight:600}
.meta,.note{color:#475569;font-size:14px;margin:4px 0}
.intro{margin:12px 0 0}
h2{font-size:22px;margin:0 0 4px;color:#0f172a;border-inline-start:5px solid #0f766e;padding-inline-start:10px}
h3{font-size:18px;margin:20px 0 4px}
section{margin:0 0 36px;break-inside:avoid-page}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px;margin-top:12px}
.card{border:1px solid #cbd5e1;border-radius:10px;padding:12px 14px;background:#f8fafc}
.card .label{font-size:14px;color:#334155;margin:0}
.card .value{font-size:30px;font-weight:700;margin:2px 0;color:#0f766e;line-height:1.3}
.card .unit{font-size:16px;color:#334155;font-weight:600;margin-inline-start:4px}
.card .hint{font-size:13px;color:#475569;margin:0}
table{width:100%;border-collapse:collapse;margin:12px 0;font-size:15px}
caption{text-align:start;font-weight:700;padding:4px 0}
th,td{border:1px solid #cbd5e1;padding:6px 10px;text-align:start;vertical-align:top}
thead th{background:#e2e8f0}
tfoot td,tfoot th{background:#f1f5f9;font-weight:700}
td.num,th.num{text-align:center;white-space:nowrap}
.chart{display:block;max-width:760px;margin:12px 0}
.chart text{fill:#0f172a}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;padding:0;margin:4px 0 8px;font-size:14px}
.legend li{display:flex;align-items:center;gap:6px}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;border:1px solid rgba(0,0,0,.2)}
.callout{border-inline-start:5px solid #d97706;background:#fffbeb;padding:8px 12px;margin:12px 0;font-weight:600}
.empty{color:#475569;font-style:italic}
footer{border-top:1px solid #cbd5e1;padding-top:12px;color:#475569;font-size:13px}
@media print{html{background:#fff}body{padding:0}main{box-shadow:none;padding:0;max-width:none}}
@page{size:A4;margin:16mm}
`;

/** Renders `data` as a complete HTML document. */
export function renderHtml(data: ReportData, translator: Translator, options: HtmlOptions = {}): string {
  const locale: Locale = options.locale ?? "ar";
  const dir: Direction = RTL_LOCALES.includes(locale) ? "rtl" : "ltr";

  /** A translated text as HTML; `params` are HTML already (numbers via `num`, texts via `esc`). */
  const tx = (key: string, params: Record<string, string> = {}): string => {
    const names = Object.keys(params);
    const markers = Object.fromEntries(names.map((n, i) => [n, `\u0001${i}\u0001`]));
    let out = esc(translator.t(`report:${key}`, locale, markers));
    names.forEach((n, i) => {
      out = out.split(`\u0001${i}\u0001`).join(params[n]!);
    });
    return out;
  };
  /** A translated plain text (SVG labels, attributes); numbers isolated left-to-right. */
  const plain = (key: string, params: Record<string, string | number> = {}): string =>
    translator.t(
      `report:${key}`,
      locale,
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" ? ltrIsolate(fmtNumber(v)) : v])),
    );

  const text = (t: LocalizedText): string => localize(t, locale);
  const programLabel = (id: string | null, name: LocalizedText | null): string =>
    name ? text(name) : plain("unknownProgram", { id: ltrIsolate(id ?? "?") });
  const questionLabel = (q: QuestionResult): string =>
    q.label ? text(q.label) : q.labelKey ? translator.t(q.labelKey, locale) : q.questionId;
  const groupLabel = (g: SurveyGroup): string => (g.kind === "ticket" ? plain("surveys.ticketGroup") : programLabel(g.programId, g.name));
  const orDash = (v: number | null, f: (n: number) => string = fmtNumber): string => (v === null ? esc(plain("noValue")) : num(f(v)));

  const card = (label: string, value: string, hint: string, unit = ""): string =>
    `<div class="card"><p class="label">${label}</p><p class="value">${value}${unit ? `<span class="unit">${unit}</span>` : ""}</p><p class="hint">${hint}</p></div>`;

  const d = data.decisions;
  const a = data.applications;
  const s = data.surveys;

  // ---- Header and summary -------------------------------------------------
  const orgName = text(data.org.name);
  const periodText = tx("period", { from: esc(formatDualDate(data.period.from, locale)), to: esc(formatDualDate(data.period.to, locale)) });
  const header = [
    `<header>`,
    `<p class="org">${esc(orgName)}</p>`,
    `<h1>${tx("title")}</h1>`,
    `<p class="period">${periodText}</p>`,
    options.generatedAt ? `<p class="meta">${tx("generatedAt", { date: esc(formatDualDate(options.generatedAt, locale)) })}</p>` : "",
    `<p class="intro">${tx("intro")}</p>`,
    `</header>`,
  ].join("");

  const cards = [
    card(tx("cards.applications"), num(a.total), tx("cards.applicationsHint")),
    card(tx("cards.decisions"), num(d.count), tx("cards.decisionsHint", { approved: num(d.approved), rejected: num(d.rejected) })),
    card(tx("cards.median"), orDash(d.medianDays), tx("cards.medianHint"), d.medianDays === null ? "" : tx("cards.days")),
    card(
      tx("cards.withinPeriod"),
      orDash(d.withinPeriodShare, fmtShare),
      tx("cards.withinPeriodHint", { count: num(d.withinPeriod), total: num(d.count), days: num(d.periodDays) }),
    ),
    card(tx("cards.responseRate"), orDash(s.responseRate, fmtShare), tx("cards.responseRateHint", { answered: num(s.answered), sent: num(s.sent) })),
    ...REPORT_TICKET_KINDS.map((k) =>
      card(
        tx(k === "complaint" ? "cards.complaints" : "cards.suggestions"),
        num(data.tickets[k].total),
        tx("cards.ticketsHint", { open: num(data.tickets[k].open), closed: num(data.tickets[k].closed) }),
      ),
    ),
    card(
      tx("cards.referrals"),
      num(data.referrals.total),
      tx("cards.referralsHint", { share: orDash(data.referrals.helpedShare, fmtShare), outcome: num(data.referrals.withOutcome) }),
    ),
  ];
  const summary = `<section id="summary"><h2>${tx("summary")}</h2><div class="cards">${cards.join("")}</div></section>`;

  // ---- Applications ---------------------------------------------------------
  const statusLegend =
    `<ul class="legend">` +
    REPORT_STATUSES.map((st) => `<li><span class="swatch" style="background:${STATUS_COLORS[st].fill}"></span>${tx(`status.${st}`)}</li>`).join("") +
    `</ul>`;
  const appChart = stackedBarChart(
    a.byProgram.map((p) => ({
      label: programLabel(p.programId, p.name),
      total: p.total,
      totalText: fmtNumber(p.total),
      segments: REPORT_STATUSES.map((st) => ({
        value: p.byStatus[st],
        color: STATUS_COLORS[st].fill,
        textColor: STATUS_COLORS[st].text,
        title: `${plain(`status.${st}`)}: ${p.byStatus[st]}`,
      })),
    })),
    { dir, label: plain("applications.chart") },
  );
  const appTable =
    `<table><thead><tr><th>${tx("applications.program")}</th>` +
    REPORT_STATUSES.map((st) => `<th class="num">${tx(`status.${st}`)}</th>`).join("") +
    `<th class="num">${tx("total")}</th></tr></thead><tbody>` +
    a.byProgram
      .map(
        (p) =>
          `<tr><th scope="row">${esc(programLabel(p.programId, p.name))}</th>` +
          REPORT_STATUSES.map((st) => `<td class="num">${num(p.byStatus[st])}</td>`).join("") +
          `<td class="num"><strong>${num(p.total)}</strong></td></tr>`,
      )
      .join("") +
    `</tbody><tfoot><tr><th scope="row">${tx("total")}</th>` +
    REPORT_STATUSES.map((st) => `<td class="num">${num(a.byStatus[st])}</td>`).join("") +
    `<td class="num">${num(a.total)}</td></tr></tfoot></table>`;
  const applications =
    `<section id="applications"><h2>${tx("applications.heading")}</h2><p class="note">${tx("applications.note")}</p>` +
    (a.total === 0 ? `<p class="empty">${tx("applications.none")}</p>` : `${statusLegend}${appChart}`) +
    appTable +
    `</section>`;

  // ---- Decisions ------------------------------------------------------------
  const bucketLabel = (b: DecisionBucket): string =>
    b.fromDays === 0 && b.toDays !== null
      ? plain("decisions.bucketFirst", { to: b.toDays })
      : b.toDays === null
        ? plain("decisions.bucketOver", { from: b.fromDays })
        : plain("decisions.bucketRange", { from: b.fromDays, to: b.toDays });
  const decisionChart = columnChart(
    d.buckets.map((b) => ({
      label: bucketLabel(b),
      value: b.count,
      color: b.withinPeriod ? WITHIN_COLOR : BEYOND_COLOR,
      title: plain("decisions.bucketTitle", { range: bucketLabel(b), count: b.count }),
    })),
    { dir, label: plain("decisions.chart"), axisLabel: plain("decisions.axis") },
  );
  const decisionLegend =
    `<ul class="legend"><li><span class="swatch" style="background:${WITHIN_COLOR}"></span>${tx("decisions.within")}</li>` +
    `<li><span class="swatch" style="background:${BEYOND_COLOR}"></span>${tx("decisions.beyond")}</li></ul>`;
  const decisionRow = (label: string, st: DecisionStats) =>
    `<tr><th scope="row">${label}</th><td class="num">${num(st.count)}</td><td class="num">${num(st.approved)}</td>` +
    `<td class="num">${num(st.rejected)}</td><td class="num">${orDash(st.medianDays)}</td><td class="num">${orDash(st.withinPeriodShare, fmtShare)}</td></tr>`;
  const decisionTable =
    `<table><caption>${tx("decisions.byProgram")}</caption><thead><tr><th>${tx("applications.program")}</th><th class="num">${tx("decisions.count")}</th>` +
    `<th class="num">${tx("decisions.approved")}</th><th class="num">${tx("decisions.rejected")}</th><th class="num">${tx("decisions.median")}</th>` +
    `<th class="num">${tx("decisions.withinShare")}</th></tr></thead><tbody>` +
    d.byProgram.map((p) => decisionRow(esc(programLabel(p.programId, p.name)), p)).join("") +
    `</tbody><tfoot>${decisionRow(tx("total"), d)}</tfoot></table>`;
  const overdue = d.overdueAtEnd > 0 ? `<p class="callout">${tx("decisions.overdue", { count: num(d.overdueAtEnd) })}</p>` : "";
  const decisions =
    `<section id="decisions"><h2>${tx("decisions.heading")}</h2><p class="note">${tx("decisions.note", { days: num(d.periodDays) })}</p>` +
    (d.count === 0 ? `<p class="empty">${tx("decisions.none")}</p>` : `${decisionLegend}${decisionChart}${decisionTable}`) +
    overdue +
    `</section>`;

  // ---- Surveys ----------------------------------------------------------------
  const resultText = (q: QuestionResult): string => {
    if (q.type === "text") return plain("surveys.comments", { count: q.count });
    if (q.average === null) return plain("surveys.noAnswers");
    return q.type === "yesno"
      ? plain("surveys.yesShare", { value: ltrIsolate(fmtShare(q.average)) })
      : plain("surveys.outOf5", { value: q.average });
  };
  const surveyGroupHtml = (g: SurveyGroup): string => {
    const label = groupLabel(g);
    const scored = g.questions.filter((q) => q.type !== "text");
    const chart = scored.length
      ? scoreBarChart(
          scored.map((q) => ({
            label: questionLabel(q),
            value: q.average,
            max: q.type === "yesno" ? 1 : 5,
            valueText: resultText(q),
            color: SCORE_COLOR,
            title: `${questionLabel(q)}: ${resultText(q)}`,
          })),
          { dir, label: plain("surveys.chart", { group: label }) },
        )
      : "";
    const rows = g.questions
      .map(
        (q) =>
          `<tr><th scope="row">${esc(questionLabel(q))}</th><td class="num">${esc(resultText(q))}</td>` +
          `<td class="num">${num(q.count)}</td><td class="num">${num(q.skipped)}</td></tr>`,
      )
      .join("");
    return (
      `<h3>${esc(label)}</h3><p class="note">${tx("surveys.groupSummary", {
        sent: num(g.sent),
        answered: num(g.answered),
        rate: orDash(g.responseRate, fmtShare),
      })}</p>${chart}` +
      `<table><thead><tr><th>${tx("surveys.question")}</th><th class="num">${tx("surveys.result")}</th>` +
      `<th class="num">${tx("surveys.answers")}</th><th class="num">${tx("surveys.skipped")}</th></tr></thead><tbody>${rows}</tbody></table>`
    );
  };
  const responseTable =
    `<table><caption>${tx("surveys.responseHeading")}</caption><thead><tr><th>${tx("surveys.group")}</th><th class="num">${tx("surveys.sent")}</th>` +
    `<th class="num">${tx("surveys.answered")}</th><th class="num">${tx("surveys.rate")}</th></tr></thead><tbody>` +
    s.groups
      .map(
        (g) =>
          `<tr><th scope="row">${esc(groupLabel(g))}</th><td class="num">${num(g.sent)}</td><td class="num">${num(g.answered)}</td>` +
          `<td class="num">${orDash(g.responseRate, fmtShare)}</td></tr>`,
      )
      .join("") +
    `</tbody><tfoot><tr><th scope="row">${tx("total")}</th><td class="num">${num(s.sent)}</td><td class="num">${num(s.answered)}</td>` +
    `<td class="num">${orDash(s.responseRate, fmtShare)}</td></tr></tfoot></table>`;
  const surveys =
    `<section id="surveys"><h2>${tx("surveys.heading")}</h2><p class="note">${tx("surveys.note")}</p>` +
    (s.sent === 0 ? `<p class="empty">${tx("surveys.none")}</p>` : responseTable + s.groups.map(surveyGroupHtml).join("")) +
    `</section>`;

  // ---- Complaints and suggestions ---------------------------------------------
  const tickets =
    `<section id="tickets"><h2>${tx("tickets.heading")}</h2><p class="note">${tx("tickets.note")}</p>` +
    `<table><thead><tr><th>${tx("tickets.kind")}</th><th class="num">${tx("tickets.received")}</th><th class="num">${tx("tickets.open")}</th>` +
    `<th class="num">${tx("tickets.closed")}</th></tr></thead><tbody>` +
    REPORT_TICKET_KINDS.map(
      (k) =>
        `<tr><th scope="row">${tx(`tickets.${k}`)}</th><td class="num">${num(data.tickets[k].total)}</td>` +
        `<td class="num">${num(data.tickets[k].open)}</td><td class="num">${num(data.tickets[k].closed)}</td></tr>`,
    ).join("") +
    `</tbody></table></section>`;

  const referrals = referralsHtml(data.referrals, { dir, tx, plain, num, esc, text, share: (v) => orDash(v, fmtShare), fmtNumber });

  const title = plain("documentTitle", { org: orgName, from: ltrIsolate(data.period.from), to: ltrIsolate(data.period.to) });
  return [
    `<!doctype html>`,
    `<html dir="${dir}" lang="${locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title><style>${CSS}</style></head>`,
    `<body><main>`,
    header,
    summary,
    applications,
    decisions,
    surveys,
    tickets,
    referrals,
    `<footer><p>${tx("footer")}</p></footer>`,
    `</main></body></html>`,
    "",
  ].join("\n");
}
