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

/** Harakat, Quranic marks, superscript alef and tatweel. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
/** Bidi controls, zero-width characters and the BOM. */
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\u061C]/g;

/**
 * Folds Arabic text for comparison: removes diacritics, tatweel and invisible
 * characters; unifies hamza forms of alef (أ إ آ ٱ → ا), alef maqsura (ى → ي),
 * taa marbuta (ة → ه), hamza on waw/yaa (ؤ → و, ئ → ي); converts digits to
 * ASCII; lower-cases Latin letters; collapses whitespace.
 */
export function normalizeArabic(text: string): string {
  return toLatinDigits(text.normalize("NFKC"))
    .replace(INVISIBLES, "")
    .replace(DIACRITICS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/ک/g, "ك")
    .replace(/[یي]/g, "ي")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
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
