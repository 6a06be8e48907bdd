/**
 * FAQ matcher evaluation.
 *
 *   npm run faq:eval                                   the whole report (below)
 *   npm run faq:eval -- --kb FILE --cases FILE         one knowledge base and its cases
 *   npm run faq:eval -- --cases FILE                   held-out style cases ({org, lang, q, expect}) against the profiles
 *   npm run faq:eval -- --confusable FILE              confusable cases ({org, q, either}) against the profiles
 *   options: --verbose (list the misses), --no-answers (with --kb), --dev DIR (the shared dev set's folder),
 *            --only dev,tune,test,test2,confusable (parts of the whole report)
 *
 * The whole report scores the shared development set (../shared/eval, when
 * present), the tune, test and test2 parts of our own held-out split
 * (tests/faq/), per profile, per register and overall, and the confusable
 * questions. The two test parts each end with a summary line
 * (`faq-eval test2: …` for the second).
 * Last line: faq-eval: top1=0.000 top3=0.000 reject=0.000 cases=N
 * (with no --kb/--cases: the held-out test part, all profiles).
 */

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  evaluateFaq,
  evaluateProfiles,
  formatEvalLine,
  parseCases,
  parseConfusable,
  parseKb,
  scoreConfusable,
  type CaseLookup,
  type EvalReport,
  type GroupedReport,
} from "../flows/faq/evaluate";
import { createFaqMatcher } from "../flows/faq/matcher";
import { profileFaqLookup } from "../flows/faq/profile";
import { listProfiles, loadProfile } from "../orgs/load";
import type { Locale } from "../orgs/schema";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HELD_OUT = path.join(ROOT, "tests", "faq");
const USAGE =
  "usage: faq-eval [--kb FILE] [--cases FILE] [--confusable FILE] [--verbose] [--no-answers] [--dev DIR] [--only dev,tune,test,test2,confusable]";

function fail(reason: string): never {
  console.error(`faq-eval: ${reason}`);
  process.exit(1);
}

function read(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`cannot read ${what} file "${file}"${code ? ` (${code})` : ""}`);
  }
}

function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    fail((e as Error).message);
  }
}

let values: { kb?: string; cases?: string; confusable?: string; verbose?: boolean; "no-answers"?: boolean; dev?: string; only?: string };
try {
  ({ values } = parseArgs({
    options: {
      kb: { type: "string" },
      cases: { type: "string" },
      confusable: { type: "string" },
      verbose: { type: "boolean", short: "v" },
      "no-answers": { type: "boolean" },
      dev: { type: "string" },
      only: { type: "string" },
    },
    strict: true,
  }));
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}

/** The figures that mean something for this set: top1/top3 over questions, reject over off-topic messages. */
const fmt = (r: Pick<EvalReport, "top1" | "top3" | "reject" | "expected" | "nulls">) =>
  [
    r.expected > 0 ? `top1=${r.top1.toFixed(3)} top3=${r.top3.toFixed(3)}` : "",
    r.nulls > 0 ? `reject=${r.reject.toFixed(3)}` : "",
  ]
    .filter(Boolean)
    .join(" ");

function printMisses(r: EvalReport): void {
  if (!values.verbose) return;
  for (const m of r.misses) {
    const cands = m.candidates.map((c) => `${c.id}:${c.score.toFixed(2)}`).join(" ") || "-";
    const where = [m.org, m.register].filter(Boolean).join("/");
    console.log(`MISS[${m.kind}]${where ? ` ${where}` : ""} ${JSON.stringify(m.q)} expect=${m.expect ?? "null"} got=${m.got ?? "null"} candidates=${cands}`);
  }
}

/** One knowledge base file and its cases (the original mode, and the shared dev set). */
function evalKb(kbFile: string, casesFile: string, noAnswers: boolean): EvalReport {
  const kb = parsed(() => parseKb(read(kbFile, "knowledge base")));
  const cases = parsed(() => parseCases(read(casesFile, "cases")));
  const ids = new Set(kb.map((e) => e.id));
  const unknown = [...new Set(cases.map((c) => c.expect).filter((id): id is string => id !== null && !ids.has(id)))];
  if (unknown.length > 0) console.error(`faq-eval: warning: cases expect ids missing from the knowledge base: ${unknown.join(", ")}`);
  const entries = noAnswers ? kb.map(({ id, questions }) => ({ id, questions })) : kb;
  return evaluateFaq(createFaqMatcher(entries), cases);
}

let lookupCache: Map<string, CaseLookup> | undefined;
/** Every shipped profile's FAQ lookup, as the engine builds it. */
function profileLookups(): Map<string, CaseLookup> {
  if (lookupCache) return lookupCache;
  lookupCache = new Map();
  for (const slug of parsed(() => listProfiles())) {
    const lookup = profileFaqLookup(parsed(() => loadProfile(slug)));
    lookupCache.set(slug, (q, lang) => lookup(q, lang as Locale));
  }
  return lookupCache;
}

function evalHeldOut(casesFile: string): GroupedReport {
  const cases = parsed(() => parseCases(read(casesFile, "cases")));
  return parsed(() => evaluateProfiles(profileLookups(), cases));
}

function printGrouped(label: string, g: GroupedReport, showMisses = true): void {
  for (const [org, r] of [...g.byOrg].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${label.padEnd(16)} ${org.padEnd(14)} ${fmt(r)} cases=${r.cases}`);
  }
  for (const [reg, r] of [...g.byRegister].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${label.padEnd(16)} ${`(${reg})`.padEnd(14)} ${fmt(r)} cases=${r.cases}`);
  }
  console.log(`${label.padEnd(16)} ${"ALL".padEnd(14)} ${fmt(g.overall)} cases=${g.overall.cases}`);
  if (showMisses) printMisses(g.overall);
}

function printConfusable(label: string, file: string): void {
  const cases = parsed(() => parseConfusable(read(file, "confusable")));
  const lookups = profileLookups();
  for (const c of cases) if (!lookups.has(c.org)) fail(`confusable case for an unknown profile "${c.org}": ${c.q}`);
  const r = scoreConfusable(cases, (c) => lookups.get(c.org)!(c.q, c.lang ?? "ar"));
  console.log(`${label.padEnd(16)} ${"ALL".padEnd(14)} asked=${r.asked.toFixed(3)} confident=${r.confident.toFixed(3)} cases=${r.cases}`);
  if (values.verbose) {
    for (const m of r.misses) {
      console.log(`MISS[confusable] ${m.org} ${JSON.stringify(m.q)} either=${m.either.join("|")} accepted=${m.accepted ?? "null"} candidates=${m.candidates.join(" ") || "-"}`);
    }
  }
}

if (values.kb !== undefined) {
  if (values.cases === undefined) fail(USAGE);
  console.log(formatEvalLine(printed(evalKb(values.kb, values.cases, values["no-answers"] === true))));
} else if (values.cases !== undefined || values.confusable !== undefined) {
  if (values.confusable !== undefined) printConfusable("confusable", values.confusable);
  if (values.cases !== undefined) {
    const g = evalHeldOut(values.cases);
    printGrouped("cases", g);
    console.log(formatEvalLine(g.overall));
  }
} else {
  const parts = new Set((values.only ?? "dev,tune,confusable,test2,test").split(",").map((s) => s.trim()));
  for (const p of parts) if (!["dev", "tune", "test", "test2", "confusable"].includes(p)) fail(`unknown part "${p}" in --only\n${USAGE}`);
  if (parts.has("dev")) {
    const dir = values.dev ?? path.resolve(ROOT, "..", "shared", "eval");
    const kb = path.join(dir, "faq-dev-kb.json");
    const cases = path.join(dir, "faq-dev-cases.jsonl");
    if (existsSync(kb) && existsSync(cases)) {
      const r = printed(evalKb(kb, cases, false));
      console.log(`${"dev (shared)".padEnd(16)} ${"ALL".padEnd(14)} ${fmt(r)} cases=${r.cases}`);
      const bare = evalKb(kb, cases, true);
      console.log(`${"dev, no answers".padEnd(16)} ${"ALL".padEnd(14)} ${fmt(bare)} cases=${bare.cases}`);
    } else {
      console.log(`dev (shared)     not found in ${dir} (--dev DIR)`);
    }
  }
  if (parts.has("tune")) {
    printGrouped("held-out tune", evalHeldOut(path.join(HELD_OUT, "heldout-tune.jsonl")));
    printGrouped("off-topic tune", evalHeldOut(path.join(HELD_OUT, "offtopic-tune.jsonl")));
  }
  if (parts.has("confusable")) printConfusable("confusable", path.join(HELD_OUT, "confusable.jsonl"));
  if (parts.has("test2")) {
    // The second test part (written later, before the second round of work on the matcher; never tuned on either).
    console.log(testPart("test2", "heldout-test2.jsonl", "offtopic-test2.jsonl").replace(/^faq-eval:/, "faq-eval test2:"));
  }
  if (parts.has("test")) {
    // The last line: the test part's top1/top3 on its questions and reject on its off-topic messages.
    console.log(testPart("test", "heldout-test.jsonl", "offtopic-test.jsonl"));
  }
}

/** One test part's grouped figures; returns its summary line (top1/top3 on its questions, reject on its off-topic messages). */
function testPart(label: string, questions: string, offTopicFile: string): string {
  const onTopic = evalHeldOut(path.join(HELD_OUT, questions));
  const offTopic = evalHeldOut(path.join(HELD_OUT, offTopicFile));
  // A test part is read as totals only: --verbose never lists its sentences.
  printGrouped(`held-out ${label}`, onTopic, false);
  printGrouped(`off-topic ${label}`, offTopic, false);
  return formatEvalLine({ top1: onTopic.overall.top1, top3: onTopic.overall.top3, reject: offTopic.overall.reject, cases: onTopic.overall.cases + offTopic.overall.cases });
}

function printed(r: EvalReport): EvalReport {
  printMisses(r);
  return r;
}
