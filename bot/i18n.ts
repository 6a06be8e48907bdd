/**
 * Rendering flow texts with i18next. Every text a person reads comes from
 * `locales/<lng>/<namespace>.json`; Arabic is the fallback. Values that read
 * left-to-right (references, phones, links) are wrapped in Unicode isolates
 * so they display correctly inside right-to-left sentences.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n as I18n, type Resource, type ResourceLanguage } from "i18next";
import type { Locale } from "../orgs/schema";
import type { Param, Text } from "../flows/types";
import { formatDualDate, riyadhParts } from "../flows/dates";
import { ConfigError } from "./errors";

export const DEFAULT_LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

const FSI = "\u2068";
const PDI = "\u2069";

/** Wraps a value in first-strong isolates: it keeps its own direction inside any sentence. */
export const isolate = (v: string | number): string => `${FSI}${v}${PDI}`;

/** Rendered texts kept, at most (numbers in them vary: question n of m). */
const MAX_COMPOSED = 5_000;

/** True when a text renders from locale files, numbers and the profile's own texts only. */
function isStatic(text: Text): boolean {
  if ("key" in text) return Object.values(text.params ?? {}).every((p) => typeof p === "number" || (typeof p === "object" && isStatic(p)));
  if ("localized" in text) return true;
  if ("list" in text) return text.list.every(isStatic);
  return false; // literal text, a reference or phone, a date: a person's data or the time
}

export interface Translator {
  readonly locales: readonly Locale[];
  /** Renders a flow text in `locale`. */
  render(text: Text, locale: Locale): string;
  /** Renders a locale key directly (adapters, scripts). */
  t(key: string, locale: Locale, params?: Record<string, string | number>): string;
}

/** Reads every locale folder and namespace file synchronously. */
export function loadResources(dir = DEFAULT_LOCALES_DIR): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const lng of fs.readdirSync(dir)) {
    const ldir = path.join(dir, lng);
    if (!fs.statSync(ldir).isDirectory()) continue;
    resources[lng] = {};
    for (const file of fs.readdirSync(ldir).filter((f) => f.endsWith(".json"))) {
      const full = path.join(ldir, file);
      try {
        resources[lng]![path.basename(file, ".json")] = JSON.parse(fs.readFileSync(full, "utf8")) as ResourceLanguage;
      } catch (cause) {
        throw new ConfigError(`${full}: not valid JSON`, { cause });
      }
    }
  }
  return resources;
}

/**
 * `addressAs`: the grammatical gender the association's texts use for the
 * beneficiary ("female": a key's `<key>_female` variant is used where one
 * exists, i18next's context; staff texts have none and read as they are).
 */
export function createTranslator(options: { dir?: string; locales?: readonly Locale[]; addressAs?: "male" | "female" } = {}): Translator {
  const context = options.addressAs === "female" ? { context: "female" } : {};
  const resources = loadResources(options.dir);
  const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];
  const instance: I18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: "ar",
    fallbackLng: "ar",
    ns: namespaces,
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });

  const locales = (options.locales ?? (Object.keys(resources) as Locale[])).filter((l) => l in resources);

  const renderParam = (p: Param, locale: Locale): string | number =>
    typeof p === "string" || typeof p === "number" ? p : render(p, locale);

  // The resources never change once loaded, so a text without parameters renders the same every
  // time: kept after the first render (bounded by the number of keys). So is a text whose parameters
  // are only numbers and the association's own texts ("question 3 of 9: <field label>"). A text with
  // anything a person typed, a reference or a date is rendered afresh and never kept.
  const plain = new Map<string, string>();
  const composed = new Map<string, string>();
  const renderKey = (key: string, locale: Locale): string => {
    const id = `${locale}:${key}`;
    let out = plain.get(id);
    if (out === undefined) {
      out = instance.t(key, { lng: locale, ...context });
      plain.set(id, out);
    }
    return out;
  };
  const listFormats = new Map<Locale, Intl.ListFormat>();
  const listFormat = (locale: Locale): Intl.ListFormat => {
    let f = listFormats.get(locale);
    if (!f) listFormats.set(locale, (f = new Intl.ListFormat(locale, { style: "long", type: "conjunction" })));
    return f;
  };

  function render(text: Text, locale: Locale): string {
    if ("key" in text) {
      if (!text.params) return renderKey(text.key, locale);
      const id = isStatic(text) ? `${locale}:${JSON.stringify(text)}` : null;
      const kept = id === null ? undefined : composed.get(id);
      if (kept !== undefined) return kept;
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(text.params)) params[k] = renderParam(v, locale);
      const out = instance.t(text.key, { ...params, lng: locale, ...context });
      if (id !== null) {
        if (composed.size >= MAX_COMPOSED) composed.clear();
        composed.set(id, out);
      }
      return out;
    }
    if ("localized" in text) return text.localized[locale] ?? text.localized.ar;
    if ("literal" in text) return text.literal;
    if ("ltr" in text) return isolate(text.ltr);
    if ("date" in text) {
      const d = formatDualDate(text.date, locale);
      if (!text.withTime) return d;
      const { hour, minute } = riyadhParts(new Date(text.date));
      return instance.t("common:dateAtTime", { date: d, time: isolate(`${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`), lng: locale });
    }
    const items = text.list.map((item) => render(item, locale));
    if (text.lines) return items.join("\n");
    return listFormat(locale).format(items);
  }

  return {
    locales,
    render,
    t: (key, locale, params) => (params ? instance.t(key, { ...params, lng: locale, ...context }) : renderKey(key, locale)),
  };
}
