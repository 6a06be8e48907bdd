/**
 * Scoring the safety detector on a set of cases, one JSON object a line:
 * `{"text": "...", "crisis": true|false, "lang": "ar"|"en"|"ur", "org": "maa"}`
 * (`org` optional). Recall is the share of crisis cases raised; false alarms
 * the share of the others raised. `npm run safety:eval` and the tests use it.
 */
import { detectDanger, type Danger } from "./detect";

export interface SafetyCase {
  text: string;
  crisis: boolean;
  lang: "ar" | "en" | "ur";
  org?: string;
  /** Why a borderline case is labelled as it is (documentation only). */
  note?: string;
}

export interface SafetyReport {
  recall: number;
  falseAlarm: number;
  cases: number;
  misses: SafetyCase[];
  falseAlarms: Array<SafetyCase & { kinds: string[]; rules: string[] }>;
}

const LANGS = new Set(["ar", "en", "ur"]);

/** Parses a JSONL case file; throws naming the line of a malformed case. */
export function parseSafetyCases(source: string): SafetyCase[] {
  const out: SafetyCase[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`line ${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const c = v as Partial<SafetyCase>;
    if (typeof c !== "object" || c === null || typeof c.text !== "string" || typeof c.crisis !== "boolean") {
      throw new Error(`line ${i + 1}: expected {"text": string, "crisis": boolean, "lang": "ar"|"en"|"ur"}`);
    }
    if (c.lang !== undefined && !LANGS.has(c.lang)) throw new Error(`line ${i + 1}: lang must be ar, en or ur`);
    if (c.org !== undefined && typeof c.org !== "string") throw new Error(`line ${i + 1}: org must be a string`);
    out.push({ text: c.text, crisis: c.crisis, lang: c.lang ?? "ar", ...(c.org ? { org: c.org } : {}) });
  });
  return out;
}

/** Scores `detect` (the detector by default) on the cases. */
export function scoreSafety(cases: readonly SafetyCase[], detect: (text: string) => Danger | null = detectDanger): SafetyReport {
  const misses: SafetyCase[] = [];
  const falseAlarms: SafetyReport["falseAlarms"] = [];
  let crisis = 0;
  let raised = 0;
  let calm = 0;
  for (const c of cases) {
    const found = detect(c.text);
    if (c.crisis) {
      crisis++;
      if (found) raised++;
      else misses.push(c);
    } else {
      calm++;
      if (found) falseAlarms.push({ ...c, kinds: found.kinds, rules: found.rules });
    }
  }
  return {
    recall: crisis === 0 ? 1 : raised / crisis,
    falseAlarm: calm === 0 ? 0 : falseAlarms.length / calm,
    cases: cases.length,
    misses,
    falseAlarms,
  };
}

/** The last line `npm run safety:eval` prints. */
export const formatSafetyLine = (r: SafetyReport): string =>
  `safety-eval: recall=${r.recall.toFixed(3)} false_alarm=${r.falseAlarm.toFixed(3)} cases=${r.cases}`;
