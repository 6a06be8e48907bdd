/**
 * FAQ matcher evaluation (metrics as defined in shared/eval/README.md):
 * - top1: share of cases with an expected id whose best candidate is that id AND accepted;
 * - top3: share of cases with an expected id found among the three best candidates, accepted or not;
 * - reject: share of `expect: null` cases for which no entry is accepted.
 * Confusable cases (either of two close answers) count as asked when nothing is
 * accepted and both ids are among the candidates.
 */

import type { FaqEntry, FaqMatcher, FaqResult } from "./matcher";

export interface KbEntry extends FaqEntry {
  answer?: string;
}
export interface EvalCase {
  q: string;
  expect: string | null;
  /** The profile the case is asked of (held-out sets); absent for a null case scored against every profile. */
  org?: string;
  /** The conversation's locale when the question is asked. */
  lang?: string;
  /** How it is written (msa, gulf, short, story, en, ur, roman, chitchat…). */
  register?: string;
}
export interface ConfusableCase {
  q: string;
  org: string;
  lang?: string;
  either: [string, string];
}
export interface EvalMiss {
  q: string;
  expect: string | null;
  got: string | null;
  candidates: Array<{ id: string; score: number }>;
  kind: "top1" | "top3" | "reject";
  org?: string;
  register?: string;
}
export interface EvalReport {
  top1: number;
  top3: number;
  reject: number;
  cases: number;
  /** Cases with an expected id (the top1/top3 denominator) and without (the reject denominator). */
  expected: number;
  nulls: number;
  misses: EvalMiss[];
}
export interface ConfusableReport {
  /** Share of cases answered with a question back (nothing accepted, both ids offered). */
  asked: number;
  /** Share of cases answered confidently with one of the two. */
  confident: number;
  cases: number;
  misses: Array<{ q: string; org: string; either: [string, string]; accepted: string | null; candidates: string[] }>;
}

const share = (hits: number, total: number) => (total === 0 ? 0 : hits / total);

/** Scores cases given each case's matcher result. */
export function scoreCases(cases: EvalCase[], resultOf: (c: EvalCase) => FaqResult): EvalReport {
  let expected = 0;
  let top1 = 0;
  let top3 = 0;
  let nulls = 0;
  let rejected = 0;
  const misses: EvalMiss[] = [];
  for (const c of cases) {
    const r = resultOf(c);
    const got = r.accepted?.id ?? null;
    const candidates = r.candidates.map((x) => ({ id: x.id, score: x.score }));
    const where = { ...(c.org !== undefined ? { org: c.org } : {}), ...(c.register !== undefined ? { register: c.register } : {}) };
    if (c.expect === null) {
      nulls++;
      if (got === null) rejected++;
      else misses.push({ q: c.q, expect: null, got, candidates, kind: "reject", ...where });
      continue;
    }
    expected++;
    const best = r.candidates[0];
    const ok1 = got === c.expect && best?.id === c.expect;
    const ok3 = r.candidates.slice(0, 3).some((x) => x.id === c.expect);
    if (ok1) top1++;
    if (ok3) top3++;
    if (!ok1) misses.push({ q: c.q, expect: c.expect, got, candidates, kind: ok3 ? "top1" : "top3", ...where });
  }
  return { top1: share(top1, expected), top3: share(top3, expected), reject: share(rejected, nulls), cases: cases.length, expected, nulls, misses };
}

/** Scores a matcher on cases; pure apart from calling `matcher.match`. */
export function evaluateFaq(matcher: Pick<FaqMatcher, "match">, cases: EvalCase[]): EvalReport {
  return scoreCases(cases, (c) => matcher.match(c.q, 3));
}

/** Scores confusable cases: the matcher should ask which one is meant. */
export function scoreConfusable(cases: ConfusableCase[], resultOf: (c: ConfusableCase) => FaqResult): ConfusableReport {
  let asked = 0;
  let confident = 0;
  const misses: ConfusableReport["misses"] = [];
  for (const c of cases) {
    const r = resultOf(c);
    const ids = r.candidates.map((x) => x.id);
    const offered = c.either.every((id) => ids.includes(id));
    if (r.accepted === null && offered) asked++;
    else misses.push({ q: c.q, org: c.org, either: c.either, accepted: r.accepted?.id ?? null, candidates: ids });
    if (r.accepted && c.either.includes(r.accepted.id)) confident++;
  }
  return { asked: share(asked, cases.length), confident: share(confident, cases.length), cases: cases.length, misses };
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

function parseLines<T>(text: string, what: string, read: (o: Record<string, unknown>, line: number) => T): T[] {
  const out: T[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      throw new Error(`${what} line ${i + 1} is not valid JSON`);
    }
    if (!o || typeof o !== "object" || Array.isArray(o)) throw new Error(`${what} line ${i + 1} is not a JSON object`);
    out.push(read(o as Record<string, unknown>, i + 1));
  });
  if (out.length === 0) throw new Error(`${what} file holds no cases`);
  return out;
}

const optionalString = (o: Record<string, unknown>, key: string, what: string, line: number): string | undefined => {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || v === "") throw new Error(`${what} line ${line}: "${key}" must be a non-empty string`);
  return v;
};

/**
 * Parses JSON-lines cases `{ q, expect }` (blank lines ignored), with the
 * optional `org`, `lang` and `register` of the held-out sets. Throws with a short reason.
 */
export function parseCases(text: string): EvalCase[] {
  return parseLines(text, "cases", (o, line) => {
    if (typeof o.q !== "string" || !(o.expect === null || typeof o.expect === "string")) {
      throw new Error(`cases line ${line} needs "q" (string) and "expect" (id or null)`);
    }
    const c: EvalCase = { q: o.q, expect: o.expect };
    const org = optionalString(o, "org", "cases", line);
    const lang = optionalString(o, "lang", "cases", line);
    const register = optionalString(o, "register", "cases", line);
    if (org !== undefined) c.org = org;
    if (lang !== undefined) c.lang = lang;
    if (register !== undefined) c.register = register;
    return c;
  });
}

/** Parses confusable cases `{ q, org, either: [id, id], lang? }`. */
export function parseConfusable(text: string): ConfusableCase[] {
  return parseLines(text, "confusable", (o, line) => {
    const either = o.either;
    if (typeof o.q !== "string" || typeof o.org !== "string" || !Array.isArray(either) || either.length !== 2 || !either.every((x) => typeof x === "string")) {
      throw new Error(`confusable line ${line} needs "q", "org" and "either" (two ids)`);
    }
    const c: ConfusableCase = { q: o.q, org: o.org, either: [either[0] as string, either[1] as string] };
    const lang = optionalString(o, "lang", "confusable", line);
    if (lang !== undefined) c.lang = lang;
    return c;
  });
}

/** A profile's lookup as the flows call it (see profile.ts). */
export type CaseLookup = (query: string, locale: string) => FaqResult;

export interface GroupedReport {
  overall: EvalReport;
  byOrg: Map<string, EvalReport>;
  byRegister: Map<string, EvalReport>;
}

/**
 * Scores held-out cases against the profiles' lookups: each case is asked of its
 * `org` in its `lang` (Arabic when absent); a null case without an org is asked
 * of every profile (one case per profile). Throws for an unknown org.
 */
export function evaluateProfiles(lookups: Map<string, CaseLookup>, cases: EvalCase[]): GroupedReport {
  const expanded: EvalCase[] = [];
  for (const c of cases) {
    if (c.org !== undefined) {
      if (!lookups.has(c.org)) throw new Error(`case for an unknown profile "${c.org}": ${c.q}`);
      expanded.push(c);
    } else if (c.expect === null) {
      for (const org of lookups.keys()) expanded.push({ ...c, org });
    } else {
      throw new Error(`case expecting "${c.expect}" names no profile: ${c.q}`);
    }
  }
  const resultOf = (c: EvalCase) => lookups.get(c.org!)!(c.q, c.lang ?? "ar");
  const group = (key: (c: EvalCase) => string | undefined) => {
    const m = new Map<string, EvalCase[]>();
    for (const c of expanded) {
      const k = key(c);
      if (k === undefined) continue;
      m.set(k, [...(m.get(k) ?? []), c]);
    }
    return new Map([...m].map(([k, cs]) => [k, scoreCases(cs, resultOf)]));
  };
  return { overall: scoreCases(expanded, resultOf), byOrg: group((c) => c.org), byRegister: group((c) => c.register) };
}
