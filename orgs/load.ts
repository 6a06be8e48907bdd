/**
 * Loads and validates association profiles (`orgs/<slug>.json`).
 *
 * Every problem is reported as one `ConfigError` whose message names the file
 * and the field path of each issue, for example:
 *
 *   orgs/maa.json: programs[0].fields[2].options: a choice field needs at least two options
 *
 * Keys the format does not know are reported too (a misspelt "sensitive" must
 * not silently turn health data into ordinary data). Keys that begin with "_"
 * or "$" are comments for the people editing the file and are ignored.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../db/kinds";
import { profileSchema } from "./schema";
import type { Locale, LocalizedList, LocalizedText, Profile } from "./schema";

/** The folder holding the profiles shipped with Sila (this file's folder). */
export const PROFILES_DIR = fileURLToPath(new URL(".", import.meta.url));

const SLUG = /^[a-z][a-z0-9_]*$/;

/** The text in the requested locale, falling back to Arabic. */
export function localize(t: LocalizedText, locale: Locale): string {
  return t[locale] ?? t.ar;
}

/** The list in the requested locale, falling back to Arabic. */
export function localizeList(l: LocalizedList, locale: Locale): string[] {
  return l[locale] ?? l.ar;
}

/** Slugs of the profiles in `dir` (every `*.json` file), sorted. */
export function listProfiles(dir: string = PROFILES_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw new ConfigError(`cannot read the profiles folder ${dir}: ${errorText(cause)}`, { cause });
  }
  return names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -".json".length))
    .sort();
}

/**
 * Reads, parses and validates `<dir>/<slug>.json`. Throws `ConfigError` for an
 * unknown or malformed slug, unreadable file, invalid JSON, a profile that does
 * not match the format, or a `slug` field that differs from the file name.
 */
export function loadProfile(slug: string, options: { dir?: string } = {}): Profile {
  const dir = options.dir ?? PROFILES_DIR;
  const file = path.join(dir, `${slug}.json`);
  const label = fileLabel(file);
  const available = (): string => {
    try {
      const slugs = listProfiles(dir);
      return slugs.length > 0 ? `available: ${slugs.join(", ")}` : `no profiles in ${fileLabel(dir)}`;
    } catch {
      return `cannot list ${fileLabel(dir)}`;
    }
  };

  if (!SLUG.test(slug)) {
    const what = slug === "" ? "empty" : "not a valid profile name (lower-case letters, digits, _)";
    throw new ConfigError(`ORG="${slug}": ${what} (${available()})`);
  }

  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (cause) {
    if (isNotFound(cause)) {
      throw new ConfigError(`ORG="${slug}": no profile ${label} (${available()})`, { cause });
    }
    throw new ConfigError(`${label}: cannot read: ${errorText(cause)}`, { cause });
  }

  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch (cause) {
    throw new ConfigError(`${label}: invalid JSON: ${jsonErrorText(cause, source)}`, { cause });
  }

  const profile = parseProfile(json, label);
  if (profile.slug !== slug) {
    throw new ConfigError(`${label}: slug: "${profile.slug}" does not match the file name (expected "${slug}")`);
  }
  return profile;
}

/**
 * Validates already-parsed JSON against the profile format. `fileLabel` is
 * used as the prefix of the error message (e.g. "orgs/maa.json").
 */
export function parseProfile(json: unknown, fileLabel: string): Profile {
  const result = profileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const where = formatPath(issue.path);
      const missing = issue.code === "invalid_type" && valueAt(json, issue.path) === undefined;
      const message = missing ? `required field is missing (expected ${issue.expected})` : issue.message;
      return where ? `${where}: ${message}` : message;
    });
    throw new ConfigError(`${fileLabel}: ${dedupe(issues).join("; ")}`, { cause: result.error });
  }
  const unknown = unknownKeys(json, result.data, []);
  if (unknown.length > 0) {
    const issues = unknown.map((p) => `${formatPath(p)}: unknown field (check the spelling against orgs/README.md)`);
    throw new ConfigError(`${fileLabel}: ${issues.join("; ")}`);
  }
  return result.data;
}

/** `["programs", 0, "fields", 2, "options"]` → `programs[0].fields[2].options`. */
export function formatPath(p: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of p) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Paths of keys present in the input but dropped by validation (the schema
 * strips keys it does not know). Keys starting with "_" or "$" are comments.
 */
function unknownKeys(input: unknown, output: unknown, at: PropertyKey[]): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item, i) => found.push(...unknownKeys(item, output[i], [...at, i])));
  } else if (isRecord(input) && isRecord(output)) {
    for (const key of Object.keys(input)) {
      if (key.startsWith("_") || key.startsWith("$")) continue;
      if (!(key in output)) found.push([...at, key]);
      else found.push(...unknownKeys(input[key], output[key], [...at, key]));
    }
  }
  return found;
}

function valueAt(json: unknown, p: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = json;
  for (const key of p) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

/** A short label for a file: relative to the working folder when inside it. */
function fileLabel(file: string): string {
  const rel = path.relative(process.cwd(), file);
  const label = rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
  return label.split(path.sep).join("/");
}

function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "ENOENT";
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The parser's message, with "position N" turned into a line and column. */
function jsonErrorText(err: unknown, source: string): string {
  const message = errorText(err).replace(/\s+/g, " ");
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = source.replace(/^\uFEFF/, "").slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return `${message} (line ${line}, column ${column})`;
}
