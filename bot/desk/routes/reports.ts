/**
 * The period report (bot/reports) on the desk: a form for the period, the
 * report as its own page (the same self-contained HTML as `npm run report`,
 * with its charts), and downloads as CSV and HTML.
 */
import { z } from "zod";
import { addDays, riyadhDate } from "../../../flows/dates";
import { buildReport, parsePeriod, renderCsv, renderHtml, type ReportPeriod } from "../../reports";
import type { DeskApp, DeskContext, DeskKit } from "../context";
import { html } from "../html";
import { contentDisposition } from "./shared";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ReportQuery = z.object({ from: day.optional().catch(undefined), to: day.optional().catch(undefined) });

/** The report page has no script at all; its styles are inline in the document. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function registerReports(app: DeskApp, kit: DeskKit): void {
  const { db, profile, translator, actions } = kit.deps;

  /** The period asked for; by default the last 30 days (Riyadh). Null when the dates are wrong. */
  function periodOf(c: DeskContext): ReportPeriod | null {
    const q = ReportQuery.parse(c.req.query());
    const today = riyadhDate(c.var.ui.now);
    try {
      return parsePeriod(q.from ?? addDays(today, -29), q.to ?? today);
    } catch (error) {
      kit.deps.log.debug("a report period was refused", { error });
      return null;
    }
  }

  app.get("/reports", async (c) => {
    const refused = await kit.need(c, "reports");
    if (refused) return refused;
    const ui = c.var.ui;
    const period = periodOf(c);
    const p = period ?? { from: addDays(riyadhDate(ui.now), -29), to: riyadhDate(ui.now) };
    const query = `from=${p.from}&to=${p.to}`;
    const body = html`<h1>${ui.t("reports.title")}</h1>
      <p class="hint">${ui.t("reports.intro")}</p>
      ${period ? "" : html`<p class="flash error" role="alert">${ui.t("reports.badPeriod")}</p>`}
      <form method="get" action="/reports" class="filters">
        <label>${ui.t("reports.from")} <input type="date" name="from" value="${p.from}" required dir="ltr"></label>
        <label>${ui.t("reports.to")} <input type="date" name="to" value="${p.to}" required dir="ltr"></label>
        <button type="submit">${ui.t("reports.choose")}</button>
      </form>
      <p class="period">${ui.t("reports.period", { from: ui.date(p.from), to: ui.date(p.to) })}</p>
      <ul class="links">
        <li><a href="/reports/view?${query}">${ui.t("reports.view")}</a></li>
        <li><a href="/reports/download?${query}&amp;format=html">${ui.t("reports.html")}</a></li>
        <li><a href="/reports/download?${query}&amp;format=csv">${ui.t("reports.csv")}</a></li>
      </ul>`;
    return kit.render(c, ui.t("reports.title"), body);
  });

  async function report(c: DeskContext, format: "view" | "html" | "csv"): Promise<Response> {
    const refused = await kit.need(c, "reports");
    if (refused) return refused;
    const period = periodOf(c);
    if (!period) return kit.redirect(c, "/reports", { kind: "error", text: c.var.ui.t("reports.badPeriod") });
    const data = await buildReport(db, profile, period);
    await actions.audit(kit.signedIn(c).actor, "report", null, true, `${format} ${period.from}..${period.to}`);
    const name = `sila-report-${profile.slug}-${period.from}-${period.to}`;
    if (format === "csv") {
      return c.body(renderCsv(data), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", `${name}.csv`),
      });
    }
    const page = renderHtml(data, translator, { locale: c.var.ui.locale, generatedAt: c.var.ui.now });
    return c.body(page, 200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": REPORT_CSP,
      ...(format === "html" ? { "Content-Disposition": contentDisposition("attachment", `${name}.html`) } : {}),
    });
  }

  app.get("/reports/view", (c) => report(c, "view"));
  app.get("/reports/download", (c) => {
    const format = c.req.query("format");
    return report(c, format === "csv" ? "csv" : "html");
  });
}
