/**
 * Arabic text helpers used wherever text is matched or validated.
 * Text is always stored as the person typed it; these functions produce a
 * comparison form only.
 */

const ARABIC_INDIC_ZERO = 0x0660; // ٠
const PERSIAN_ZERO = 0x06f0; // ۰

/** Converts Arabic-Indic (٠-٩) and Persian/Urdu (۰-۹) digits to ASCII 0-9. */
export function toLatinDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) {
      out += String(code - ARABIC_INDIC_ZERO);
    } else if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) {
      out += String(code - PERSIAN_ZERO);
    } else {
      out += ch;
    }
  }
  return out;
}

/** What `normalizeArabic` changes, by UTF-16 code unit (all of it is in the BMP); "" drops it. */
const FOLDS = new Map<number, string>();
const range = (from: number, to: number, value: string) => {
  for (let c = from; c <= to; c++) FOLDS.set(c, value);
};
// Harakat, Quranic marks, superscript alef and tatweel.
range(0x0610, 0x061a, "");
range(0x064b, 0x065f, "");
range(0x0670, 0x0670, "");
range(0x06d6, 0x06ed, "");
range(0x0640, 0x0640, "");
// Bidi controls, zero-width characters, the soft hyphen, the Arabic letter mark and the BOM.
range(0x200b, 0x200f, "");
range(0x202a, 0x202e, "");
range(0x2066, 0x2069, "");
range(0xfeff, 0xfeff, "");
range(0x00ad, 0x00ad, "");
range(0x061c, 0x061c, "");
// Arabic-Indic and Persian/Urdu digits.
for (let d = 0; d <= 9; d++) {
  FOLDS.set(ARABIC_INDIC_ZERO + d, String(d));
  FOLDS.set(PERSIAN_ZERO + d, String(d));
}
// Letter forms: hamza on alef and wasla (أ إ آ ٱ → ا), alef maqsura and Farsi yeh (ى ی → ي),
// taa marbuta (ة → ه), hamza on waw and yaa (ؤ → و, ئ → ي), keheh (ک → ك).
for (const c of "أإآٱ") FOLDS.set(c.charCodeAt(0), "ا");
for (const c of "ىی") FOLDS.set(c.charCodeAt(0), "ي");
FOLDS.set("ة".charCodeAt(0), "ه");
FOLDS.set("ؤ".charCodeAt(0), "و");
FOLDS.set("ئ".charCodeAt(0), "ي");
FOLDS.set("ک".charCodeAt(0), "ك");

/**
 * Folds Arabic text for comparison: removes diacritics, tatweel and invisible
 * characters; unifies hamza forms of alef (أ إ آ ٱ → ا), alef maqsura (ى → ي),
 * taa marbuta (ة → ه), hamza on waw/yaa (ؤ → و, ئ → ي); converts digits to
 * ASCII; lower-cases Latin letters; collapses whitespace.
 */
export function normalizeArabic(text: string): string {
  const s = text.normalize("NFKC");
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const to = FOLDS.get(s.charCodeAt(i));
    if (to === undefined) continue;
    out += s.slice(from, i) + to;
    from = i + 1;
  }
  out = from === 0 ? s : out + s.slice(from);
  return out.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The comparison form of a short command or answer: normalised, punctuation
 * removed, so "القائمة!" and "القائمه" compare equal.
 */
export function commandForm(text: string): string {
  return normalizeArabic(text)
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the text holds at least one Arabic-script letter. */
export function hasArabicLetters(text: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(text);
}

/** True when the text holds Latin letters and no Arabic-script letters. */
export function isLatinScript(text: string): boolean {
  return /[A-Za-z]/.test(text) && !hasArabicLetters(text);
}
