/**
 * Matching what a person answered against the options they were offered:
 * a button press, a number in any digit script ("2", "٢", "2.", "رقم ٢"),
 * or words (an option's label in any of the profile's languages, or its
 * keywords).
 */
import { commandForm, toLatinDigits } from "./text/arabic";
import type { LocalizedText } from "../orgs/schema";
import type { FlowInput } from "./types";

export interface Option {
  value: string;
  /** Labels in every locale, for matching typed words. */
  labels?: LocalizedText;
  /** Extra words that select this option. */
  words?: readonly string[];
}

/** The 1-based number in a short answer ("2", "٢", "2-", "رقم 2", "no. 2"), or null. */
export function parseOptionNumber(text: string): number | null {
  const t = toLatinDigits(text).trim();
  const m = /^(?:رقم|الرقم|خيار|option|no\.?|#)?\s*(\d{1,2})\s*[-.)\u060C,]?\s*$/i.exec(t);
  return m ? Number(m[1]) : null;
}

/** The value of the option the input selects, or null. */
export function matchOption(input: FlowInput, options: readonly Option[]): string | null {
  if (input.kind === "choice") {
    return options.some((o) => o.value === input.value) ? input.value : null;
  }
  if (input.kind !== "text") return null;
  const n = parseOptionNumber(input.text);
  if (n !== null) return options[n - 1]?.value ?? null;
  const typed = commandForm(input.text);
  if (typed.length === 0) return null;
  const phrases = (o: Option): string[] =>
    [
      ...(o.labels ? Object.values(o.labels).filter((v): v is string => typeof v === "string") : []),
      ...(o.words ?? []),
    ].map(commandForm);
  const exact = options.filter((o) => phrases(o).includes(typed));
  if (exact.length === 1) return exact[0]!.value;
  // A typed word inside a label ("مستأجر" for "مستأجر (إيجار)") or a label inside a sentence.
  const partial = options.filter((o) =>
    phrases(o).some((p) => (typed.length >= 3 && containsWord(p, typed)) || (p.length >= 3 && containsWord(typed, p))),
  );
  return partial.length === 1 ? partial[0]!.value : null;
}

function containsWord(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}
