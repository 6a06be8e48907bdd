/**
 * Safety detector evaluation.
 *   npm run safety:eval -- --cases FILE [--quiet] [--explain]
 * Prints each miss and false alarm (with --explain, the cues found and the
 * context frames that cancelled them), then as its last line:
 *   safety-eval: recall=0.000 false_alarm=0.000 cases=N
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readMessage } from "../flows/safety/detect";
import { formatSafetyLine, parseSafetyCases, scoreSafety } from "../flows/safety/evaluate";

function fail(reason: string): never {
  console.error(`safety-eval: ${reason}`);
  process.exit(1);
}

let values: { cases?: string; quiet?: boolean; explain?: boolean };
try {
  ({ values } = parseArgs({ options: { cases: { type: "string" }, quiet: { type: "boolean", short: "q" }, explain: { type: "boolean" } }, strict: true }));
} catch (e) {
  fail((e as Error).message);
}
if (!values.cases) fail("usage: safety-eval --cases FILE [--quiet] [--explain]");

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
/** The context frames of a message and the cues they cancelled. */
const explain = (text: string): string => {
  const reading = readMessage(text);
  const cancelled = reading.cancelled.map((c) => `${c.frame} cancelled ${c.rule}`);
  return `\n    frames: ${reading.frames.join(", ") || "none"}${cancelled.map((c) => `\n    ${c}`).join("")}`;
};
if (!values.quiet) {
  for (const m of report.misses) console.log(`MISS [${m.lang}] ${JSON.stringify(m.text)}${values.explain ? explain(m.text) : ""}`);
  for (const f of report.falseAlarms) {
    const rules = values.explain ? f.rules.map((r) => `\n    cue ${r}`).join("") + explain(f.text) : ` (${f.rules[0] ?? ""})`;
    console.log(`FALSE ALARM [${f.lang}] ${JSON.stringify(f.text)} → ${f.kinds.join(",")}${rules}`);
  }
}
console.log(formatSafetyLine(report));
