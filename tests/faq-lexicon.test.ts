/**
 * The FAQ lexicon as data: a word written the same way in two locales (after
 * the matcher folds Urdu letters onto Arabic ones) must not stand for two
 * different concepts, or the first listing silently wins for both (Urdu «اہل»,
 * eligible, took every Arabic «اهل», family).
 */
import { describe, expect, it } from "vitest";
import { LEXICONS } from "../flows/faq/lexicon";
import { tokenize } from "../flows/faq/normalize";

describe("FAQ lexicon", () => {
  it("gives a word one concept across locales", () => {
    const meanings = new Map<string, Set<string>>();
    for (const [locale, lex] of LEXICONS) {
      for (const [id, words] of Object.entries(lex.concepts)) {
        for (const w of words) {
          const key = tokenize(w).join(" ");
          if (key === "") continue;
          if (!meanings.has(key)) meanings.set(key, new Set());
          meanings.get(key)!.add(`${locale}:${id}`);
        }
      }
    }
    const clashes = [...meanings]
      .filter(([, s]) => new Set([...s].map((x) => x.split(":")[1])).size > 1 && new Set([...s].map((x) => x.split(":")[0])).size > 1)
      .map(([k, s]) => `${k}: ${[...s].join(", ")}`);
    // "timing" is the time of day in English and the office hours in Roman Urdu: close enough.
    expect(clashes.filter((c) => !c.startsWith("timing:"))).toEqual([]);
  });
});
