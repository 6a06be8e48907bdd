/**
 * The language a message is written in, so the reply follows the writer: an
 * English question after «السلام عليكم» is answered in English, Urdu in
 * Urdu. Arabic script is told from Urdu by the letters only Urdu uses and its
 * small words; Latin script from Roman Urdu by its common words. A message
 * with too little to go on (digits, an emoji, "ok") says nothing.
 */
import type { Locale } from "../../orgs/schema";

/**
 * Letters Urdu writes and Arabic does not (ٹ ڈ ڑ ں ہ ے ۓ ھ), and Urdu's own
 * ی and ک, which an Arabic keyboard never types («اسلام علیکم»).
 */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06C1\u06D2\u06D3\u06BE\u06CC\u06A9]/;
/** Small Urdu words also written without those letters. */
const URDU_WORDS = new Set(["کیا", "میں", "کی", "کا", "کے", "آپ", "اور", "کو", "سے", "پر", "نہیں", "ہیں", "یہ", "وہ", "مجھے", "کب", "کہاں", "کیسے", "جی", "شکریہ"]);
/** Common Roman Urdu words (none of them English). */
const ROMAN_URDU = new Set([
  "mujhe", "mujhay", "kya", "kia", "hai", "hain", "nahi", "nahin", "aap", "ap", "karna", "karni", "karo", "chahiye", "chahta", "chahti",
  "mein", "meri", "mera", "mere", "baat", "shukriya", "kaise", "kese", "kab", "kahan", "kyun", "kyon", "kaun", "theek", "thik", "acha",
  "accha", "bhai", "jee", "ji", "haan", "madad", "darkhwast", "shikayat", "batao", "bataen", "bataein", "hum", "humein", "apna", "apni",
  "salaam", "assalam", "aoa", "walaikum", "raha", "rahi", "rahe", "gaya", "gayi", "hoga", "hogi", "kuch", "sakta", "sakti", "sakte",
]);

/** The language `text` is written in, among `supported`; null when it cannot be told. */
export function detectLanguage(text: string, supported: readonly Locale[]): Locale | null {
  const sample = text.slice(0, 500);
  const arabicLetters = (sample.match(/[\u0600-\u06FF]/g) ?? []).filter((c) => !/[\u0660-\u0669\u06F0-\u06F9]/.test(c)).length;
  const latinWords = (sample.toLowerCase().match(/[a-z]{2,}/g) ?? []) as string[];
  const pick = (l: Locale): Locale | null => (supported.includes(l) ? l : null);

  if (arabicLetters >= 2 && arabicLetters >= latinWords.join("").length) {
    const words = sample.split(/[\s\p{P}]+/u).filter(Boolean);
    const urdu = URDU_LETTERS.test(sample) || words.some((w) => URDU_WORDS.has(w));
    return urdu ? (pick("ur") ?? pick("ar")) : pick("ar");
  }
  if (latinWords.length === 0) return null;
  const roman = latinWords.filter((w) => ROMAN_URDU.has(w)).length;
  if (roman >= 2 || (roman === 1 && latinWords.length <= 2 && !["hi", "ok"].includes(latinWords[0]!))) return pick("ur") ?? pick("en");
  // One short Latin word ("ok", "hi", "no") is too little to change a conversation's language.
  if (latinWords.length === 1 && latinWords[0]!.length <= 3) return null;
  return pick("en");
}
