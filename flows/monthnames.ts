/**
 * Dates typed with a month's name: «3 رمضان 1410», «١٠ مايو ١٩٩٠»,
 * "10 May 1990", "May 10, 1990", «1410 رمضان 3», with or without «هـ»/«م».
 * A Hijri month's name makes the date Hijri, a Gregorian one Gregorian.
 * Names are compared after `commandForm` (hamza, taa marbuta, alef maqsura,
 * digits folded), with or without the article and with common misspellings.
 */
import { commandForm } from "./text/arabic";

export type Calendar = "hijri" | "gregorian";

/** Each month's spellings, 1-12, per calendar. */
const HIJRI: string[][] = [
  ["محرم", "المحرم", "muharram", "muharam", "محرّم"],
  ["صفر", "safar"],
  ["ربيع الاول", "ربيع اول", "ربيع الأول", "ربيع ١", "ربيع 1", "rabi al awwal", "rabi al-awwal", "rabi i", "rabi 1", "rabiul awwal"],
  ["ربيع الاخر", "ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع اخر", "ربيع 2", "rabi al thani", "rabi al-thani", "rabi al akhir", "rabi ii", "rabi 2", "rabiul akhir"],
  ["جمادى الاولى", "جمادى الأولى", "جماد الاول", "جماد اول", "جمادى الاول", "جمادى اول", "جمادي الاولى", "جمادى 1", "jumada al ula", "jumada al-ula", "jumada al awwal", "jumada i", "jumada 1"],
  ["جمادى الاخرة", "جمادى الآخرة", "جمادى الثانية", "جماد الثاني", "جماد ثاني", "جمادى الاخر", "جمادى ثاني", "جمادي الاخره", "جمادى 2", "jumada al akhirah", "jumada al-akhirah", "jumada al thani", "jumada ii", "jumada 2"],
  ["رجب", "rajab"],
  ["شعبان", "shaban", "sha'ban", "shaaban"],
  ["رمضان", "رمضان المبارك", "ramadan", "ramadhan", "ramzan", "رمضان شریف"],
  ["شوال", "shawwal", "shawal"],
  ["ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده", "القعدة", "القعده", "ذوالقعدة", "dhul qadah", "dhu al-qadah", "dhul qaadah", "dhu al qidah", "zulqaida", "ذیقعدہ"],
  ["ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه", "الحجة", "الحجه", "ذوالحجة", "dhul hijjah", "dhu al-hijjah", "dhul hijja", "zulhijja", "ذوالحجہ"],
];
const GREGORIAN: string[][] = [
  ["يناير", "كانون الثاني", "january", "jan", "جنوری"],
  ["فبراير", "فبرائر", "شباط", "february", "feb", "فروری"],
  ["مارس", "آذار", "اذار", "march", "mar", "مارچ"],
  ["ابريل", "أبريل", "إبريل", "نيسان", "april", "apr", "اپریل"],
  ["مايو", "مايه", "أيار", "ايار", "may", "مئی"],
  ["يونيو", "يونيه", "حزيران", "june", "jun", "جون"],
  ["يوليو", "يوليه", "تموز", "july", "jul", "جولائی"],
  ["اغسطس", "أغسطس", "آب", "august", "aug", "اگست"],
  ["سبتمبر", "ايلول", "أيلول", "september", "sep", "sept", "ستمبر"],
  ["اكتوبر", "أكتوبر", "تشرين الاول", "october", "oct", "اکتوبر"],
  ["نوفمبر", "تشرين الثاني", "november", "nov", "نومبر"],
  ["ديسمبر", "كانون الاول", "december", "dec", "دسمبر"],
];

interface MonthName {
  form: string;
  month: number;
  calendar: Calendar;
}

/** Every spelling, longest first, so "ربيع الثاني" wins over "ربيع". */
const NAMES: MonthName[] = [
  ...HIJRI.flatMap((list, i) => list.map((n) => ({ form: commandForm(n), month: i + 1, calendar: "hijri" as const }))),
  ...GREGORIAN.flatMap((list, i) => list.map((n) => ({ form: commandForm(n), month: i + 1, calendar: "gregorian" as const }))),
].sort((a, b) => b.form.length - a.form.length);

/** A date with a month's name, as numbers and the calendar the name belongs to; null when there is no month name. */
export function readMonthNameDate(text: string): { year: number; month: number; day: number; calendar: Calendar } | "invalid" | null {
  // Ordinal suffixes ("10th") and commas go; letters and digits are split ("10مايو").
  let s = ` ${commandForm(text.replace(/(\d)(st|nd|rd|th)\b/gi, "$1")).replace(/(\d)(\p{L})/gu, "$1 $2").replace(/(\p{L})(\d)/gu, "$1 $2")} `;
  let found: MonthName | undefined;
  for (const n of NAMES) {
    const at = s.indexOf(` ${n.form} `);
    if (at >= 0) {
      found = n;
      s = `${s.slice(0, at)} M ${s.slice(at + n.form.length + 2)}`;
      break;
    }
    // With a one-letter prefix: «بمايو», «في رمضان» is handled by the space, «لرمضان».
    const prefixed = s.search(new RegExp(` [بلف]${escape(n.form)} `));
    if (prefixed >= 0) {
      found = n;
      s = `${s.slice(0, prefixed)} M ${s.slice(prefixed + n.form.length + 3)}`;
      break;
    }
  }
  if (!found) return null;
  const tokens = s.trim().split(/\s+/).filter((w) => w !== "" && !/^(في|من|سنه|عام|يوم|the|of|on)$/.test(w));
  const numbers = tokens.filter((w) => /^\d+$/.test(w)).map(Number);
  const others = tokens.filter((w) => w !== "M" && !/^\d+$/.test(w));
  if (others.length > 0 || numbers.length !== 2) return "invalid";
  const [a, b] = numbers as [number, number];
  // The year is the number of 3-4 digits; the day the other (1-30/31).
  const [year, day] = a >= 100 ? [a, b] : b >= 100 ? [b, a] : [NaN, NaN];
  if (!Number.isFinite(year) || day < 1 || day > 31) return "invalid";
  return { year, month: found.month, day, calendar: found.calendar };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
