/**
 * Period reports over a real SQLite database seeded with known times, and the
 * HTML report rendered in headless Chromium: what a manager actually sees.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "../bot/i18n";
import { buildReport, parsePeriod, renderCsv, renderHtml, type ReportData } from "../bot/reports";
import { wrapText } from "../bot/reports/svg";
import { runScript } from "./helpers";
import { seed } from "./report-seed";
import { openDatabase, type OpenedDb } from "../db";
import { formatDualDate } from "../flows/dates";
import { loadProfile } from "../orgs/load";
import type { Profile } from "../orgs/schema";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const APT_HINT = "apt-get update && apt-get install -y chromium fonts-noto-core";
const PERIOD = { from: "2026-11-01", to: "2026-11-30" };

const unisolate = (s: string) => s.replace(/[\u2066-\u2069]/g, "");

// ---- Tests -------------------------------------------------------------------

let dir: string;
let opened: OpenedDb;
let profile: Profile;
let data: ReportData;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-report-"));
  opened = await openDatabase(path.join(dir, "sila.sqlite"));
  profile = loadProfile("maa");
  await seed(opened.db);
  data = await buildReport(opened.db, profile, PERIOD);
});

afterAll(async () => {
  await opened?.close();
  // SILA_KEEP_REPORT=1 keeps the database, the HTML and the screenshot to look at.
  if (dir && !process.env.SILA_KEEP_REPORT) fs.rmSync(dir, { recursive: true, force: true });
});

describe("buildReport", () => {
  it("counts applications submitted in the period by program and current status, Riyadh days inclusive", () => {
    const a = data.applications;
    expect(a.total).toBe(9);
    expect(a.byStatus).toEqual({ submitted: 2, under_review: 1, needs_info: 1, approved: 3, rejected: 1, withdrawn: 1 });
    const by = Object.fromEntries(a.byProgram.map((p) => [p.programId, p]));
    expect(a.byProgram.map((p) => p.programId)).toEqual(["tank_installation", "water_truck", "mosque_water"]);
    expect(by.tank_installation!.total).toBe(3);
    expect(by.tank_installation!.byStatus).toMatchObject({ approved: 1, rejected: 1, needs_info: 1 });
    expect(by.water_truck!.byStatus).toMatchObject({ approved: 2, under_review: 1, withdrawn: 1 });
    expect(by.mosque_water!.byStatus.submitted).toBe(2);
    expect(by.mosque_water!.name?.ar).toBe("سقيا المساجد");
  });

  it("times first decisions taken in the period from submission: median and share within the period", () => {
    const d = data.decisions;
    // 2, 4.5, 10, 13 and 20 days; the reconsidered application's first decision fell before the period.
    expect(d.count).toBe(5);
    expect(d.approved).toBe(4);
    expect(d.rejected).toBe(1);
    expect(d.medianDays).toBe(10);
    expect(d.periodDays).toBe(14);
    expect(d.withinPeriod).toBe(4);
    expect(d.withinPeriodShare).toBeCloseTo(0.8, 10);
    expect(d.buckets.map((b) => [b.id, b.count, b.withinPeriod])).toEqual([
      ["0-3", 1, true],
      ["3-7", 1, true],
      ["7-14", 2, true],
      ["14-28", 1, false],
      ["28+", 0, false],
    ]);
    const by = Object.fromEntries(d.byProgram.map((p) => [p.programId, p]));
    expect(by.tank_installation).toMatchObject({ count: 3, medianDays: 10, withinPeriod: 3, withinPeriodShare: 1 });
    expect(by.water_truck).toMatchObject({ count: 2, medianDays: 12.25, withinPeriod: 1, withinPeriodShare: 0.5 });
    expect(by.mosque_water).toBeUndefined();
    // Still undecided at the end although submitted more than 14 days before it.
    expect(d.overdueAtEnd).toBe(2);
  });

  it("reports survey response rate and results per program and question", () => {
    const s = data.surveys;
    expect(s.sent).toBe(6);
    expect(s.answered).toBe(4);
    expect(s.responseRate).toBeCloseTo(4 / 6, 10);
    expect(s.groups.map((g) => g.programId ?? g.kind)).toEqual(["tank_installation", "water_truck", "ticket"]);
    const tank = s.groups[0]!;
    expect([tank.sent, tank.answered]).toEqual([3, 2]);
    const q = Object.fromEntries(tank.questions.map((x) => [x.questionId, x]));
    // The profile's own questions, in its order, with its texts.
    expect(tank.questions.map((x) => x.questionId)).toEqual(["overall", "clear_procedures", "suggestion"]);
    expect(q.overall).toMatchObject({ type: "scale5", average: 4.5, count: 2, skipped: 0 });
    expect(q.clear_procedures).toMatchObject({ type: "yesno", average: 0.5, count: 2 });
    expect(q.suggestion).toMatchObject({ type: "text", average: null, count: 1, skipped: 1 });
    expect(q.overall!.label?.ar).toContain("رضاك");
    const truck = s.groups[1]!;
    expect(truck.responseRate).toBe(1);
    expect(truck.questions.find((x) => x.questionId === "overall")).toMatchObject({ average: 2, count: 1 });
    const tickets = s.groups[2]!;
    expect(tickets).toMatchObject({ kind: "ticket", sent: 2, answered: 1, responseRate: 0.5 });
    expect(tickets.questions).toEqual([
      expect.objectContaining({ questionId: "ticket_satisfaction", average: 3, count: 1, labelKey: "report:question.ticket_satisfaction" }),
    ]);
  });

  it("uses the built-in questions when the profile defines none", async () => {
    const plainProfile: Profile = { ...profile, survey: undefined };
    const r = await buildReport(opened.db, plainProfile, PERIOD);
    const ids = r.surveys.groups[0]!.questions.map((q) => [q.questionId, q.labelKey]);
    expect(ids.slice(0, 4)).toEqual([
      ["overall", "report:question.overall"],
      ["courtesy", "report:question.courtesy"],
      ["recommend", "report:question.recommend"],
      ["comment", "report:question.comment"],
    ]);
    // Answers to questions the profile no longer has are still shown.
    expect(ids.slice(4).map(([id]) => id)).toEqual(["clear_procedures", "suggestion"]);
  });

  it("counts complaints and suggestions received in the period, open and closed", () => {
    expect(data.tickets).toEqual({
      complaint: { total: 2, open: 1, closed: 1 },
      suggestion: { total: 1, open: 0, closed: 1 },
    });
  });

  it("counts referrals made in the period by topic, partner and status, with the share helped", () => {
    const r = data.referrals;
    expect(r).toMatchObject({ total: 7, withOutcome: 5, consentGiven: 1, consentRefused: 1, staffHandled: 3 });
    expect(r.helpedShare).toBeCloseTo(0.6);
    expect(r.byStatus).toEqual({ suggested: 1, handed_over: 1, partner_answered: 0, helped: 3, not_helped: 1, no_answer: 1 });
    // Topics in the profile's order; a partner-less referral last.
    expect(r.byTopic.map((g) => [g.id, g.total, g.helpedShare === null ? null : Math.round(g.helpedShare * 100)])).toEqual([
      ["food_aid", 2, 50],
      ["medical", 4, 67],
      ["housing", 1, null],
    ]);
    expect(r.byPartner.map((g) => [g.id, g.total])).toEqual([
      ["birr_riyadh_alkhabra", 2],
      ["moh", 4],
      [null, 1],
    ]);
    expect(r.byPartner[1]!.name?.ar).toBe("وزارة الصحة (مركز ٩٣٧)");
  });

  it("rejects a malformed or reversed period", async () => {
    await expect(buildReport(opened.db, profile, { from: "2026-11-31", to: "2026-12-01" })).rejects.toThrow(/not a real calendar date/);
    await expect(buildReport(opened.db, profile, { from: "2026-12-01", to: "2026-11-01" })).rejects.toThrow(/after --to/);
    await expect(buildReport(opened.db, profile, { from: "1/11/2026", to: "2026-11-30" })).rejects.toThrow(/YYYY-MM-DD/);
    expect(() => parsePeriod(undefined, "2026-11-30")).toThrow("--from is required");
  });

  it("reports an empty period without inventing figures", async () => {
    const r = await buildReport(opened.db, profile, { from: "2025-01-01", to: "2025-01-31" });
    expect(r.applications.total).toBe(0);
    expect(r.decisions).toMatchObject({ count: 0, medianDays: null, withinPeriodShare: null });
    expect(r.surveys).toMatchObject({ sent: 0, responseRate: null, groups: [] });
    expect(r.referrals).toMatchObject({ total: 0, helpedShare: null, byTopic: [], byPartner: [] });
    const html = renderHtml(r, createTranslator());
    expect(html).toContain(createTranslator().t("report:applications.none", "ar"));
    expect(html).toContain(createTranslator().t("report:referrals.none", "ar"));
  });
});

describe("renderCsv", () => {
  it("writes one figure a line with stable identifiers", () => {
    const csv = renderCsv(data);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("section,program,item,metric,value");
    expect(lines).toContain("report,all,,from,2026-11-01");
    expect(lines).toContain("applications,all,total,count,9");
    expect(lines).toContain("applications,water_truck,approved,count,2");
    expect(lines).toContain("applications,mosque_water,submitted,count,2");
    expect(lines).toContain("decisions,all,,median_days,10");
    expect(lines).toContain("decisions,all,,within_period_share,0.8");
    expect(lines).toContain("decisions,water_truck,,median_days,12.25");
    expect(lines).toContain("decisions,all,days_14-28,count,1");
    expect(lines).toContain("decisions,all,,overdue_at_end,2");
    expect(lines).toContain("surveys,all,,response_rate,0.6667");
    expect(lines).toContain("surveys,tank_installation,overall,average,4.5");
    expect(lines).toContain("surveys,tank_installation,clear_procedures,yes_share,0.5");
    expect(lines).toContain("surveys,tank_installation,suggestion,skipped,1");
    expect(lines).toContain("surveys,tickets,ticket_satisfaction,average,3");
    expect(lines).toContain("tickets,all,complaint,open,1");
    expect(lines).toContain("tickets,all,suggestion,closed,1");
    expect(lines).toContain("referrals,all,total,count,7");
    expect(lines).toContain("referrals,all,helped,count,3");
    expect(lines).toContain("referrals,all,,helped_share,0.6");
    expect(lines).toContain("referrals,all,consent_refused,count,1");
    expect(lines).toContain("referrals,topic:medical,,helped_share,0.6667");
    expect(lines).toContain("referrals,partner:none,handed_over,count,1");
    expect(lines.every((l) => l.split(",").length === 5)).toBe(true);
  });
});

describe("npm run report", () => {
  /** Runs the script as npm would (tsx), against the seeded database. */
  const run = (args: string[]) =>
    runScript("report.ts", args, { ORG: "maa", DATABASE_PATH: path.join(dir, "sila.sqlite"), LOG_LEVEL: "silent" });

  it("prints the CSV, and writes the HTML to --out", async () => {
    const out = path.join(dir, "out", "report.html");
    const [csv, html] = await Promise.all([
      run(["--from", PERIOD.from, "--to", PERIOD.to, "--format", "csv"]),
      run(["--from", PERIOD.from, "--to", PERIOD.to, "--format", "html", "--out", out]),
    ]);
    expect(csv.stderr).toBe("");
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(renderCsv(data));
    expect(html.status).toBe(0);
    expect(html.stdout).toBe("");
    expect(fs.readFileSync(out, "utf8")).toContain('<html dir="rtl" lang="ar">');
  });

  it("exits non-zero with a one-line reason on bad arguments", async () => {
    const cases = [
      ["--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf"],
      ["--from", "2026-02-30", "--to", "2026-11-30", "--format", "csv"],
      ["--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--colour"],
    ];
    const results = await Promise.all(cases.map(run));
    results.forEach((r, i) => {
      const label = cases[i]!.join(" ");
      expect(r.status, label).toBe(1);
      expect(r.stdout, label).toBe("");
      expect(r.stderr.trimEnd().split("\n"), label).toHaveLength(1);
      expect(r.stderr, label).toMatch(/^report: /);
    });
    expect(results[0]!.stderr).toContain("--format must be csv or html");
    expect(results[1]!.stderr).toContain("not a real calendar date");
    expect(results[2]!.stderr).toContain("--colour");
  });
});

describe("chart labels", () => {
  it("wrap at spaces into at most the allowed lines, ending with an ellipsis when cut", () => {
    expect(wrapText("توصيل صهاريج المياه (الوايت)", 40, 2)).toEqual(["توصيل صهاريج المياه (الوايت)"]);
    expect(wrapText("one two three four", 9, 2)).toEqual(["one two", "three…"]);
    expect(wrapText("one two three", 9, 2)).toEqual(["one two", "three"]);
    expect(wrapText("supercalifragilistic", 8, 2)).toEqual(["superca…"]);
    for (const line of wrapText("ما مدى رضاك عن الخدمة التي قدمناها لك؟ (١ غير راضٍ، ٥ راضٍ جدًا) وما الذي يمكن تحسينه", 20, 2)) {
      expect(line.length).toBeLessThanOrEqual(21);
    }
  });
});

describe("the HTML report", () => {
  const translator = createTranslator();
  const ar = (key: string) => translator.t(`report:${key}`, "ar");

  it("is a self-contained Arabic document (English is left to right)", () => {
    const html = renderHtml(data, translator);
    expect(html).toContain('<html dir="rtl" lang="ar">');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(renderHtml(data, translator, { locale: "en" })).toContain('<html dir="ltr" lang="en">');
  });

  it("shows a manager the association, the period, the figures and the charts in Chromium", async () => {
    expect(fs.existsSync(CHROMIUM), `Chromium is required at ${CHROMIUM} to render the report; install it with: ${APT_HINT}`).toBe(true);
    const html = renderHtml(data, translator, { generatedAt: new Date("2026-12-01T06:00:00.000Z") });
    const file = path.join(dir, "report.html");
    fs.writeFileSync(file, html);
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-chromium-"));
    const browser = await launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: profileDir,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(`file://${file}`, { waitUntil: "load" });

      const direction = await page.evaluate("getComputedStyle(document.documentElement).direction");
      expect(direction).toBe("rtl");

      const text = unisolate(String(await page.evaluate("document.body.innerText")));
      expect(text).toContain(profile.name.ar);
      expect(text).toContain(ar("title"));
      expect(text).toContain(formatDualDate(PERIOD.from, "ar"));
      expect(text).toContain(formatDualDate(PERIOD.to, "ar"));
      expect(text).toMatch(/\d{1,2} [^\d]+ 14\d\d هـ \(\d{1,2} [^\d]+ 2026 م\)/); // Hijri, then Gregorian
      for (const key of ["summary", "applications.heading", "decisions.heading", "surveys.heading", "tickets.heading", "referrals.heading", "referrals.byPartner"]) {
        expect(text, key).toContain(ar(key));
      }
      for (const program of profile.programs) expect(text).toContain(program.name.ar);
      expect(text).toContain(ar("cards.withinPeriod"));
      expect(text).toContain("80%"); // decisions within the period
      expect(text).toContain("67%"); // survey response rate
      expect(text).toContain("12.3"); // water trucks' median (12.25 days)
      expect(text).toContain("4.5 من 5"); // tanks: overall satisfaction
      expect(text).toContain("50% نعم"); // tanks: clear procedures
      expect(text).toContain(translator.t("report:decisions.overdue", "ar", { count: 2 }));
      // Referrals: by topic and partner, 60% helped of the 5 with an outcome.
      expect(text).toContain("60%");
      expect(text).toContain("السلال الغذائية والمساعدات المالية");
      expect(text).toContain("جمعية البر الخيرية برياض الخبراء");
      expect(text).toContain(ar("referrals.noPartner"));

      // Numbers sit inside left-to-right isolates in the right-to-left page.
      const bdis = Number(await page.evaluate(`[...document.querySelectorAll("bdi.n")].filter(b => getComputedStyle(b).direction === "ltr").length`));
      expect(bdis).toBeGreaterThan(40);

      const charts = JSON.parse(
        String(
          await page.evaluate(`JSON.stringify([...document.querySelectorAll("svg.chart")].map(svg => {
            const box = svg.getBoundingClientRect();
            const rects = [...svg.querySelectorAll("rect.bar")].map(r => r.getBoundingClientRect());
            const labels = [...svg.querySelectorAll("text.label")].map(t => t.getBoundingClientRect());
            const texts = [...svg.querySelectorAll("text")].map(t => { const b = t.getBoundingClientRect(); return { left: b.left, right: b.right, text: t.textContent }; });
            return {
              label: svg.getAttribute("aria-label"),
              box: { left: box.left, right: box.right, width: box.width, height: box.height },
              bars: rects.map(b => ({ left: b.left, right: b.right, width: b.width, height: b.height })),
              labels: labels.map(b => ({ left: b.left, right: b.right })),
              texts,
            };
          }))`),
        ),
      ) as Array<{
        label: string;
        box: { left: number; right: number; width: number; height: number };
        bars: Array<{ left: number; right: number; width: number; height: number }>;
        labels: Array<{ left: number; right: number }>;
        texts: Array<{ left: number; right: number; text: string }>;
      }>;
      // Applications, decision times, and one score chart per survey group.
      expect(charts.map((c) => c.label)).toEqual([
        ar("applications.chart"),
        ar("decisions.chart"),
        ...["تركيب خزانات المياه المنزلية", "توصيل صهاريج المياه (الوايت)", ar("surveys.ticketGroup")].map((g) =>
          translator.t("report:surveys.chart", "ar", { group: g }),
        ),
        ar("referrals.chart"),
      ]);
      for (const c of charts) {
        expect(c.box.width, c.label).toBeGreaterThan(300);
        expect(c.bars.length, c.label).toBeGreaterThan(0);
        for (const b of c.bars) {
          expect(b.width, c.label).toBeGreaterThan(0);
          expect(b.height, c.label).toBeGreaterThan(0);
        }
        // No text spills out of its chart.
        for (const t of c.texts) {
          expect(t.left, `${c.label}: ${t.text}`).toBeGreaterThanOrEqual(c.box.left - 1);
          expect(t.right, `${c.label}: ${t.text}`).toBeLessThanOrEqual(c.box.right + 1);
        }
      }
      // Applications: 7 status segments across 3 programs; bars grow from the right, after the labels.
      const apps = charts[0]!;
      expect(apps.bars).toHaveLength(7);
      const labelsLeft = Math.min(...apps.labels.map((l) => l.left));
      for (const b of apps.bars) expect(b.right).toBeLessThan(labelsLeft);
      // Decision times: four non-empty ranges.
      expect(charts[1]!.bars).toHaveLength(4);
      // Referrals: food aid (helped, not helped), medical (suggested, helped, no answer), housing (handed over).
      expect(charts[charts.length - 1]!.bars).toHaveLength(6);

      const png = path.join(dir, "report.png");
      await page.screenshot({ path: png as `${string}.png`, fullPage: true });
      expect(fs.statSync(png).size).toBeGreaterThan(20_000);
      process.stdout.write(`report screenshot: ${png}\n`);
    } finally {
      await browser.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
