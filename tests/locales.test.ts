import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator, DEFAULT_LOCALES_DIR, loadResources } from "../bot/i18n";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort();
}

/**
 * Plural forms (`key_one`, `key_few`, ... as i18next reads them with `count`) stand for one text: each
 * language has the forms its grammar needs (Arabic six, English two). Compared by their `_other` form.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;
function plurals(flat: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(flat)) {
    if (!PLURAL.test(k)) out[k] = v;
    else if (k.endsWith("_other")) out[k.replace(PLURAL, "")] = v;
  }
  return out;
}

describe("locales", () => {
  const resources = loadResources();
  const languages = fs.readdirSync(DEFAULT_LOCALES_DIR).filter((d) => fs.statSync(path.join(DEFAULT_LOCALES_DIR, d)).isDirectory());

  it("has Arabic and English", () => {
    expect(languages).toContain("ar");
    expect(languages).toContain("en");
  });

  // Urdu covers only what beneficiaries read (staff namespaces stay ar/en):
  // it is compared with ar on the namespaces it has; tests/locales-ur.test.ts
  // checks that none of the beneficiary namespaces is missing.
  const PARTIAL = new Set(["ur"]);

  for (const lng of languages.filter((l) => l !== "ar")) {
    it(`${lng} has exactly the keys of ar, with the same placeholders`, () => {
      const only = PARTIAL.has(lng) ? new Set(Object.keys(resources[lng]!)) : null;
      const flat = (l: string) =>
        Object.fromEntries(
          Object.entries(resources[l]!).filter(([ns]) => !only || only.has(ns)).flatMap(([ns, tree]) =>
            keys(tree)
              // Every key, `<key>_female` included (Arabic addressed to a woman, tests/address.test.ts; in English and Urdu the same text).
              .map((k) => [`${ns}:${k}`, k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree)]),
          ),
        ) as Record<string, string>;
      const ar = plurals(flat("ar"));
      const other = plurals(flat(lng));
      expect(Object.keys(other).sort()).toEqual(Object.keys(ar).sort());
      for (const [k, v] of Object.entries(ar)) {
        expect([k, placeholders(other[k]!)]).toEqual([k, placeholders(v)]);
        expect(other[k]!.trim().length).toBeGreaterThan(0);
      }
    });
  }
});

describe("rendering", () => {
  const translator = createTranslator();

  it("counts days as Arabic grammar does (يوم واحد، يومان، ٣ أيام، ١٤ يوماً) and English too", () => {
    const days = (count: number, lng: "ar" | "en" | "ur") => translator.render({ key: "calendar:days", params: { count } }, lng);
    expect(days(1, "ar")).toBe("يوم واحد");
    expect(days(2, "ar")).toBe("يومان");
    expect(days(3, "ar")).toBe("3 أيام");
    expect(days(10, "ar")).toBe("10 أيام");
    expect(days(14, "ar")).toBe("14 يوماً");
    expect(days(100, "ar")).toBe("100 يوم");
    expect(days(1, "en")).toBe("1 day");
    expect(days(14, "en")).toBe("14 days");
    expect(days(14, "ur")).toBe("14 دن");
    expect(translator.t("desk:queue.overdue", "ar", { count: 7 })).toBe("متأخر 7 أيام");
  });

  it("renders texts built from numbers and the association's texts the same every time, per locale and per number", () => {
    const label = { localized: { ar: "الاسم الكامل", en: "Full name" } };
    const ask = (n: number) => ({ key: "apply:ask", params: { n, total: 9, label } });
    expect(translator.render(ask(3), "ar")).toBe("(3/9) الاسم الكامل");
    expect(translator.render(ask(3), "ar")).toBe("(3/9) الاسم الكامل");
    expect(translator.render(ask(4), "ar")).toBe("(4/9) الاسم الكامل");
    expect(translator.render(ask(3), "en")).toBe("(3/9) Full name");
    expect(translator.render({ key: "menu:item.apply" }, "en")).toBe(translator.t("menu:item.apply", "en"));
  });

  it("renders texts carrying what a person typed afresh", () => {
    const line = (value: string) => ({ key: "apply:summaryLine", params: { label: { localized: { ar: "المدينة", en: "City" } }, value: { literal: value } } });
    expect(translator.render(line("بريدة"), "ar")).toContain("بريدة");
    expect(translator.render(line("عنيزة"), "ar")).toContain("عنيزة");
    expect(translator.render(line("عنيزة"), "ar")).not.toContain("بريدة");
  });
});
