/**
 * Safety detector evaluation.
 *   npm run safety:eval -- --cases FILE [--quiet]
 * Prints each miss and false alarm, then as its last line:
 *   safety-eval: recall=0.000 false_alarm=0.000 cases=N
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatSafetyLine, parseSafetyCases, scoreSafety } from "../flows/safety/evaluate";

function fail(reason: string): never {
  console.error(`safety-eval: ${reason}`);
  process.exit(1);
}

let values: { cases?: string; quiet?: boolean };
try {
  ({ values } = parseArgs({ options: { cases: { type: "string" }, quiet: { type: "boolean", short: "q" } }, strict: true }));
} catch (e) {
  fail((e as Error).message);
}
if (!values.cases) fail("usage: safety-eval --cases FILE [--quiet]");

let source: string;
try {
  source = readFileSync(values.cases, "utf8");
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  fail(`cannot read cases file "${values.cases}"${code ? ` (${code})` : ""}`);
}

let cases;
try {
  cases = parseSafetyCases(source);
} catch (e) {
  fail(`${values.cases}: ${(e as Error).message}`);
}
if (cases.length === 0) fail(`${values.cases}: no cases`);

const report = scoreSafety(cases);
if (!values.quiet) {
  for (const m of report.misses) console.log(`MISS [${m.lang}] ${JSON.stringify(m.text)}`);
  for (const f of report.falseAlarms) console.log(`FALSE ALARM [${f.lang}] ${JSON.stringify(f.text)} → ${f.kinds.join(",")} (${f.rules[0] ?? ""})`);
}
console.log(formatSafetyLine(report));
