/**
 * Urdu covers every text a beneficiary reads; staff work in Arabic or
 * English, so the staff namespaces are intentionally absent from locales/ur.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALES_DIR, createTranslator } from "../bot/i18n";
import { detectCommand } from "../flows/keywords";
import { parseYesNo } from "../flows/validate";

/** The namespaces a beneficiary reads. */
const BENEFICIARY_NAMESPACES = [
  "common", "menu", "about", "apply", "validation", "faq", "referral", "status",
  "feedback", "handoff", "decision", "survey", "privacy", "broadcast", "whatsapp", "telegram", "fromstaff", "calendar", "safety", "consent", "appeal",
] as const;
/** Namespaces only staff (and the operator at the console) read: they stay Arabic/English. */
const STAFF_NAMESPACES = ["staff", "staffcmd", "report", "console", "safeguarding", "desk"] as const;

const AR_DIR = path.join(DEFAULT_LOCALES_DIR, "ar");
const UR_DIR = path.join(DEFAULT_LOCALES_DIR, "ur");

const namespacesIn = (dir: string): string[] =>
  fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => path.basename(f, ".json")).sort();

const read = (dir: string, ns: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, `${ns}.json`), "utf8"));

/** Every leaf as "a.b.c" → value. */
function flatten(obj: unknown, prefix = ""): Record<string, unknown> {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return { [prefix]: obj };
  return Object.assign({}, ...Object.entries(obj).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

/** Placeholder names, sorted, repeats kept. */
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** Plural forms (`key_one` … `key_other`) stand for one text: each language has the forms its grammar needs; compared by `_other`. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
function plurals(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(flat)) {
    if (!PLURAL.test(k)) out[k] = v;
    else if (k.endsWith("_other")) out[k.replace(PLURAL, "")] = v;
  }
  return out;
}

const urNamespaces = fs.existsSync(UR_DIR) ? namespacesIn(UR_DIR) : [];
const arNamespaces = namespacesIn(AR_DIR);

describe("locales/ur", () => {
  it("exists", () => {
    expect(fs.existsSync(UR_DIR)).toBe(true);
    expect(urNamespaces.length).toBeGreaterThan(0);
  });

  it("has every beneficiary namespace that Arabic has", () => {
    const expected = BENEFICIARY_NAMESPACES.filter((ns) => arNamespaces.includes(ns));
    expect(expected.filter((ns) => !urNamespaces.includes(ns))).toEqual([]);
  });

  it("has no staff-only namespace and nothing Arabic lacks", () => {
    expect(urNamespaces.filter((ns) => (STAFF_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
    expect(urNamespaces.filter((ns) => !arNamespaces.includes(ns))).toEqual([]);
  });

  for (const ns of urNamespaces) {
    describe(ns, () => {
      // Every key, `<key>_female` included (Urdu's is its everyday text: i18next picks it for a woman, as in Arabic).
      const ar = plurals(flatten(read(AR_DIR, ns)));
      const ur = plurals(flatten(read(UR_DIR, ns)));

      it("has exactly the keys of ar", () => {
        expect(Object.keys(ur).sort()).toEqual(Object.keys(ar).sort());
      });

      it("has the placeholders of ar in every value, and no empty value", () => {
        for (const [key, arValue] of Object.entries(ar)) {
          const urValue = ur[key];
          expect([key, typeof urValue]).toEqual([key, "string"]);
          const text = urValue as string;
          expect([key, placeholders(text)]).toEqual([key, placeholders(arValue as string)]);
          // No broken braces around a placeholder.
          expect([key, (text.match(/\{\{/g) ?? []).length]).toEqual([key, (text.match(/\}\}/g) ?? []).length]);
          expect([key, text.trim().length > 0]).toEqual([key, true]);
        }
      });
    });
  }

  it("quotes only words the bot understands («…»)", () => {
    const menuLabels = Object.values(flatten(read(UR_DIR, "menu"))).filter((v): v is string => typeof v === "string");
    const understood = (word: string): boolean =>
      word.includes("{{") || detectCommand(word) !== null || parseYesNo(word) !== null || menuLabels.includes(word);
    const unknown: string[] = [];
    for (const ns of urNamespaces) {
      for (const [key, value] of Object.entries(flatten(read(UR_DIR, ns)))) {
        for (const m of String(value).matchAll(/«([^»]+)»/g)) {
          if (!understood(m[1]!)) unknown.push(`${ns}:${key} «${m[1]}»`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it("renders in Urdu, with the language item readable in both scripts", () => {
    const tr = createTranslator();
    expect(tr.locales).toContain("ur");
    const label = tr.t("menu:item.language", "ur");
    expect(label).toContain("زبان");
    expect(label).toContain("Language");
    expect(tr.t("common:welcome", "ur", { name: "X" })).toContain("X");
    expect(tr.t("common:welcome", "ur", { name: "X" })).not.toBe(tr.t("common:welcome", "ar", { name: "X" }));
  });
});
