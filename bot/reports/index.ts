/**
 * Period reports: `buildReport` reads the figures, `renderCsv` and
 * `renderHtml` present them. `npm run report` (scripts/report.ts) drives them.
 */
export { buildReport, decisionBuckets, median, parsePeriod, periodBounds } from "./build";
export { renderCsv } from "./csv";
export { renderHtml, type HtmlOptions } from "./html";
export * from "./types";
