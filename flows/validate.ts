/**
 * Validators for what beneficiaries type on a phone: Arabic-Indic and Persian
 * digits, mixed scripts, stray spaces/dashes/dots, parentheses and invisible
 * bidi or zero-width characters are all expected.
 *
 * Pure functions: no I/O, no translation. Failures carry a machine code that
 * the caller turns into a translated message.
 */

import { commandForm, toLatinDigits } from "./text/arabic";

/** Outcome of a validation: the cleaned value, or a machine error code. */
export type Result<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E };

const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
const fail = <E extends string>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Zero-width characters, bidi marks/embeddings/overrides/isolates, BOM, soft hyphen, Arabic letter mark. */
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u061C]/g;

/** Removes invisible formatting characters (zero-width, bidi controls, BOM). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLES, "");
}

/** Invisible characters removed, digits made ASCII, whitespace collapsed and trimmed. */
function cleanInput(text: string): string {
  return toLatinDigits(stripInvisible(text)).replace(/\s+/g, " ").trim();
}

/** Characters people put between digit groups: spaces, dashes of all kinds, dots, parentheses, slashes. */
const DIGIT_GROUPING = /[\s\-\u2010-\u2015\u2212.()\[\]\/_]/g;

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

const NAME_MAX_LENGTH = 100;
/** Letters of Arabic or Latin script, their combining marks and tatweel, hyphen and apostrophes. */
const NAME_ALLOWED = /^[\p{Script=Arabic}\p{Script=Latin}\p{M}\u0640 '’‘\-]+$/u;

/**
 * Validates a full name: at least three names (words of two letters or more,
 * Arabic or Latin script; particles such as "بن" or "عبد" count as words), no
 * digits, at most 100 characters. Returns the name trimmed with inner
 * whitespace collapsed and invisible characters removed; letters are kept as typed.
 */
export function validateFullName(text: string): Result<string, "name_too_short" | "name_invalid"> {
  const name = stripInvisible(text).replace(/\s+/g, " ").trim();
  if (name.length === 0) return fail("name_too_short");
  if ([...name].length > NAME_MAX_LENGTH) return fail("name_invalid");
  if (/\p{Nd}/u.test(name) || !NAME_ALLOWED.test(name)) return fail("name_invalid");
  // Arabic-script digits (U+0660..U+0669, U+06F0..U+06F9) are \p{Nd}, so they are rejected above.
  const words = name.split(" ").filter((w) => (w.match(/\p{L}/gu) ?? []).length >= 2);
  if (words.length < 3) return fail("name_too_short");
  return ok(name);
}

// ---------------------------------------------------------------------------
// National ID / Iqama
// ---------------------------------------------------------------------------

/** Sum of the Saudi ID (Luhn variant) weights: even index doubled with its digits summed, odd index as is. */
function idDigitSum(digits: string): number {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 0) {
      const p = d * 2;
      total += Math.floor(p / 10) + (p % 10);
    } else {
      total += d;
    }
  }
  return total;
}

/**
 * The check digit (10th digit) that makes a Saudi national ID / Iqama valid,
 * given its first nine ASCII digits. Throws on anything but nine digits.
 */
export function nationalIdCheckDigit(first9: string): number {
  if (!/^\d{9}$/.test(first9)) throw new RangeError("nationalIdCheckDigit expects exactly 9 ASCII digits");
  return (10 - (idDigitSum(first9) % 10)) % 10;
}

/** "citizen" for a national ID (starts with 1), "resident" for an Iqama (starts with 2). */
export function nationalIdKind(id: string): "citizen" | "resident" {
  return id.startsWith("2") ? "resident" : "citizen";
}

/**
 * Validates a Saudi national ID (1…) or Iqama (2…): exactly ten digits once
 * spaces, dashes and the like are removed, with a valid check digit.
 * Returns the ten ASCII digits.
 */
export function validateNationalId(text: string): Result<string, "nid_format" | "nid_prefix" | "nid_checksum"> {
  const id = toLatinDigits(stripInvisible(text)).replace(DIGIT_GROUPING, "");
  if (!/^\d{10}$/.test(id)) return fail("nid_format");
  if (id[0] !== "1" && id[0] !== "2") return fail("nid_prefix");
  if (idDigitSum(id) % 10 !== 0) return fail("nid_checksum");
  return ok(id);
}

// ---------------------------------------------------------------------------
// Mobile numbers
// ---------------------------------------------------------------------------

/** Optional country code (+966 / 00966 / 966), optional trunk 0, then 5 and eight digits. */
const SAUDI_MOBILE = /^(?:(?:\+|00)?966)?0?(5\d{8})$/;

/**
 * Validates a Saudi mobile number in any usual form (05XXXXXXXX, 5XXXXXXXX,
 * +9665XXXXXXXX, 009665XXXXXXXX, 9665XXXXXXXX, with spaces, dashes or
 * Arabic digits). Returns it in E.164 form, +9665XXXXXXXX. Landlines are rejected.
 */
export function validateSaudiMobile(text: string): Result<string, "phone_invalid"> {
  const compact = toLatinDigits(stripInvisible(text))
    .replace(/\uFF0B/g, "+") // full-width plus
    .replace(DIGIT_GROUPING, "");
  const m = SAUDI_MOBILE.exec(compact);
  if (!m) return fail("phone_invalid");
  return ok(`+966${m[1]}`);
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/** Number words (zero to ten) in Arabic, English and Urdu, as typed; matched after commandForm. */
const NUMBER_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ["صفر", "zero", "none"]],
  [1, ["واحد", "واحدة", "one", "ایک"]],
  [2, ["اثنين", "اثنان", "اثنتين", "اثنتان", "ثنتين", "two", "دو"]],
  [3, ["ثلاثة", "ثلاث", "three", "تین"]],
  [4, ["أربعة", "أربع", "four", "چار"]],
  [5, ["خمسة", "خمس", "five", "پانچ"]],
  [6, ["ستة", "ست", "six", "چھ"]],
  [7, ["سبعة", "سبع", "seven", "سات"]],
  [8, ["ثمانية", "ثمان", "ثماني", "eight", "آٹھ"]],
  [9, ["تسعة", "تسع", "nine", "نو"]],
  [10, ["عشرة", "عشر", "ten", "دس"]],
];
const NUMBER_WORD_MAP: ReadonlyMap<string, number> = new Map(
  NUMBER_WORDS.flatMap(([n, words]) => words.map((w) => [commandForm(w), n] as const)),
);

/** Options for {@link parseNumber}. */
export type NumberOptions = { min?: number; max?: number; integer?: boolean };

/** Digits with optional thousands grouping (comma, Arabic ٬, space or apostrophe in groups of three), optional decimals. */
const NUMBER_PATTERN = /^[+-]?(?:\d+|\d{1,3}(?:[,\u066C ']\d{3})+)(?:\.\d+)?$/;

/**
 * Parses a number as typed: ASCII, Arabic-Indic or Persian digits, the Arabic
 * decimal separator ٫ and thousands separator ٬ (or comma groups of three),
 * and the words zero to ten in Arabic, English and Urdu. Checks optional
 * bounds and integrality (a non-integer when `integer` is set is "number_invalid").
 */
export function parseNumber(
  text: string,
  opts: NumberOptions = {},
): Result<number, "number_invalid" | "number_too_small" | "number_too_large"> {
  const cleaned = cleanInput(text)
    .replace(/\u066B/g, ".") // Arabic decimal separator ٫
    .replace(/[\u2212\u2013]/g, "-"); // minus sign / en dash typed as minus
  let value: number | undefined;
  if (NUMBER_PATTERN.test(cleaned)) {
    value = Number(cleaned.replace(/[,\u066C ']/g, ""));
  } else {
    value = NUMBER_WORD_MAP.get(commandForm(cleaned));
  }
  if (value === undefined || !Number.isFinite(value)) return fail("number_invalid");
  if (opts.integer && !Number.isInteger(value)) return fail("number_invalid");
  if (opts.min !== undefined && value < opts.min) return fail("number_too_small");
  if (opts.max !== undefined && value > opts.max) return fail("number_too_large");
  return ok(value === 0 ? 0 : value); // no -0
}

// ---------------------------------------------------------------------------
// Yes / no
// ---------------------------------------------------------------------------

const YES_WORDS = [
  "نعم", "ايوه", "ايوا", "ايه", "اي", "إي", "أكيد", "اكيد", "تمام", "موافق", "صح", "طيب",
  "yes", "y", "yeah", "yep", "ok", "okay", "sure", "1",
  "ہاں", "جی ہاں", "جی", "ہاں جی",
];
const NO_WORDS = [
  "لا", "لأ", "كلا", "مو", "لا شكرا", "لا شكراً",
  "no", "n", "nope", "no thanks", "2",
  "نہیں", "جی نہیں", "نہیں جی",
];
const YES_SET: ReadonlySet<string> = new Set(YES_WORDS.map(commandForm));
const NO_SET: ReadonlySet<string> = new Set(NO_WORDS.map(commandForm));

/**
 * Reads a yes/no answer in Arabic (Saudi colloquial too), English or Urdu,
 * or "1"/"2" from a numbered prompt. Returns null when the answer is unclear.
 */
export function parseYesNo(text: string): boolean | null {
  const raw = stripInvisible(text).trim();
  if (/^(?:👍|✅|✔️?)$/u.test(raw)) return true;
  if (/^(?:👎|❌|✖️?)$/u.test(raw)) return false;
  const form = commandForm(raw);
  if (form === "") return null;
  if (YES_SET.has(form)) return true;
  if (NO_SET.has(form)) return false;
  return null;
}

// ---------------------------------------------------------------------------
// City
// ---------------------------------------------------------------------------

/** Letters of any script, combining marks, tatweel, spaces, hyphens, apostrophes, dots (e.g. "Al-Khobar"). */
const CITY_ALLOWED = /^[\p{L}\p{M}\u0640 '’\-.]+$/u;

/**
 * Validates a city name: 2 to 60 characters of letters (any script) and spaces
 * (hyphens, apostrophes and dots allowed), no digits. Returns it trimmed with
 * inner whitespace collapsed.
 */
export function validateCity(text: string): Result<string, "city_invalid"> {
  const city = stripInvisible(text).replace(/\s+/g, " ").trim();
  const length = [...city].length;
  if (length < 2 || length > 60) return fail("city_invalid");
  if (!CITY_ALLOWED.test(city)) return fail("city_invalid");
  if ((city.match(/\p{L}/gu) ?? []).length < 2) return fail("city_invalid");
  return ok(city);
}

// ---------------------------------------------------------------------------
// Free text
// ---------------------------------------------------------------------------

/**
 * Makes free text safe to store and show: normalises line breaks, turns tabs
 * into spaces, removes NUL and other control characters (newlines kept) and
 * bidi embedding/override/isolate characters, trims, and truncates to
 * `maxLen` code points (never splitting a surrogate pair).
 */
/** Replaces half of a surrogate pair (an emoji cut in two) with U+FFFD, so storage stays valid UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** At most `max` UTF-16 units, never cutting a character in two. */
export function cutText(text: string, max: number): string {
  let cut = text.length > max ? text.slice(0, max) : text;
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return wellFormed(cut);
}

/** A file name as sent, made safe to store and show: no paths, controls or direction tricks, bounded. */
export function cleanFileName(name: string): string {
  return sanitizeFreeText(stripInvisible(name).replace(/[\\/]/g, "_"), 200);
}

export function sanitizeFreeText(text: string, maxLen = 2000): string {
  const cleaned = wellFormed(text)
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, "")
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, "")
    .trim();
  const chars = [...cleaned];
  if (chars.length <= maxLen) return cleaned;
  return chars.slice(0, Math.max(0, maxLen)).join("").trimEnd();
}
