/**
 * FAQ matcher evaluation (metrics as defined in shared/eval/README.md):
 * - top1: share of cases with an expected id whose best candidate is that id AND accepted;
 * - top3: share of cases with an expected id found among the three best candidates, accepted or not;
 * - reject: share of `expect: null` cases for which no entry is accepted.
 */

import type { FaqEntry, FaqMatcher, FaqResult } from "./matcher";

export interface KbEntry extends FaqEntry {
  answer?: string;
}
export interface EvalCase {
  q: string;
  expect: string | null;
}
export interface EvalMiss {
  q: string;
  expect: string | null;
  got: string | null;
  candidates: Array<{ id: string; score: number }>;
  kind: "top1" | "top3" | "reject";
}
export interface EvalReport {
  top1: number;
  top3: number;
  reject: number;
  cases: number;
  misses: EvalMiss[];
}

const share = (hits: number, total: number) => (total === 0 ? 0 : hits / total);

/** Scores a matcher on cases; pure apart from calling `matcher.match`. */
export function evaluateFaq(matcher: Pick<FaqMatcher, "match">, cases: EvalCase[]): EvalReport {
  let expected = 0;
  let top1 = 0;
  let top3 = 0;
  let nulls = 0;
  let rejected = 0;
  const misses: EvalMiss[] = [];
  for (const c of cases) {
    const r: FaqResult = matcher.match(c.q, 3);
    const got = r.accepted?.id ?? null;
    const candidates = r.candidates.map((x) => ({ id: x.id, score: x.score }));
    if (c.expect === null) {
      nulls++;
      if (got === null) rejected++;
      else misses.push({ q: c.q, expect: null, got, candidates, kind: "reject" });
      continue;
    }
    expected++;
    const best = r.candidates[0];
    const ok1 = got === c.expect && best?.id === c.expect;
    const ok3 = r.candidates.slice(0, 3).some((x) => x.id === c.expect);
    if (ok1) top1++;
    if (ok3) top3++;
    if (!ok1) misses.push({ q: c.q, expect: c.expect, got, candidates, kind: ok3 ? "top1" : "top3" });
  }
  return { top1: share(top1, expected), top3: share(top3, expected), reject: share(rejected, nulls), cases: cases.length, misses };
}

/** The eval script's last line. */
export function formatEvalLine(r: Pick<EvalReport, "top1" | "top3" | "reject" | "cases">): string {
  return `faq-eval: top1=${r.top1.toFixed(3)} top3=${r.top3.toFixed(3)} reject=${r.reject.toFixed(3)} cases=${r.cases}`;
}

/** Parses a knowledge base: a JSON array of `{ id, questions, answer? }`. Throws with a short reason. */
export function parseKb(text: string): KbEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`knowledge base is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error("knowledge base must be a JSON array");
  const ids = new Set<string>();
  return data.map((raw, i) => {
    const e = raw as Partial<KbEntry> | null;
    if (!e || typeof e.id !== "string" || e.id === "") throw new Error(`knowledge base entry ${i} has no id`);
    if (!Array.isArray(e.questions) || e.questions.length === 0 || !e.questions.every((q) => typeof q === "string")) {
      throw new Error(`knowledge base entry "${e.id}" needs a non-empty "questions" list of strings`);
    }
    if (ids.has(e.id)) throw new Error(`knowledge base has a duplicate id "${e.id}"`);
    ids.add(e.id);
    const out: KbEntry = { id: e.id, questions: e.questions };
    if (typeof e.answer === "string") out.answer = e.answer;
    return out;
  });
}

/** Parses JSON-lines cases `{ q, expect }` (blank lines ignored). Throws with a short reason. */
export function parseCases(text: string): EvalCase[] {
  const out: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let c: unknown;
    try {
      c = JSON.parse(line);
    } catch {
      throw new Error(`cases line ${i + 1} is not valid JSON`);
    }
    const o = c as Partial<EvalCase> | null;
    if (!o || typeof o.q !== "string" || !(o.expect === null || typeof o.expect === "string")) {
      throw new Error(`cases line ${i + 1} needs "q" (string) and "expect" (id or null)`);
    }
    out.push({ q: o.q, expect: o.expect });
  });
  if (out.length === 0) throw new Error("cases file holds no cases");
  return out;
}
