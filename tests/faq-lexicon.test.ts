/**
 * The FAQ lexicon as data: a word written the same way in two locales (after
 * the matcher folds Urdu letters onto Arabic ones) must not stand for two
 * different concepts, or the first listing silently wins for both (Urdu «اہل»,
 * eligible, took every Arabic «اهل», family).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

  it("lists each concept once per locale file (a second listing would silently replace the first)", () => {
    const dir = fileURLToPath(new URL("../flows/faq/lexicon/", import.meta.url));
    for (const file of ["ar.ts", "en.ts", "ur.ts", "ur-latn.ts"]) {
      const keys = [...readFileSync(path.join(dir, file), "utf8").matchAll(/^ {4}([a-z_]+):/gm)].map((m) => m[1]!);
      const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
      expect(twice, file).toEqual([]);
      expect(keys.length, file).toBeGreaterThan(10);
    }
  });
});

