/**
 * FAQ matcher evaluation.
 *   npm run faq:eval -- --kb FILE --cases FILE [--verbose] [--no-answers]
 * Last line: faq-eval: top1=0.000 top3=0.000 reject=0.000 cases=N
 */

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { evaluateFaq, formatEvalLine, parseCases, parseKb } from "../flows/faq/evaluate";
import { createFaqMatcher } from "../flows/faq/matcher";

function fail(reason: string): never {
  console.error(`faq-eval: ${reason}`);
  process.exit(1);
}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`cannot read ${what} file "${path}"${code ? ` (${code})` : ""}`);
  }
}

let values: { kb?: string; cases?: string; verbose?: boolean; "no-answers"?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      kb: { type: "string" },
      cases: { type: "string" },
      verbose: { type: "boolean", short: "v" },
      "no-answers": { type: "boolean" },
    },
    strict: true,
  }));
} catch (e) {
  fail((e as Error).message);
}
if (!values.kb || !values.cases) fail("usage: faq-eval --kb FILE --cases FILE [--verbose] [--no-answers]");

let kb;
let cases;
try {
  kb = parseKb(read(values.kb, "knowledge base"));
  cases = parseCases(read(values.cases, "cases"));
} catch (e) {
  fail((e as Error).message);
}

const ids = new Set(kb.map((e) => e.id));
const unknown = [...new Set(cases.map((c) => c.expect).filter((id): id is string => id !== null && !ids.has(id)))];
if (unknown.length > 0) console.error(`faq-eval: warning: cases expect ids missing from the knowledge base: ${unknown.join(", ")}`);

const entries = values["no-answers"] ? kb.map(({ id, questions }) => ({ id, questions })) : kb;
const matcher = createFaqMatcher(entries);
const report = evaluateFaq(matcher, cases);

if (values.verbose) {
  for (const m of report.misses) {
    const cands = m.candidates.map((c) => `${c.id}:${c.score.toFixed(2)}`).join(" ") || "-";
    console.log(`MISS[${m.kind}] ${JSON.stringify(m.q)} expect=${m.expect ?? "null"} got=${m.got ?? "null"} candidates=${cands}`);
  }
}
console.log(formatEvalLine(report));
