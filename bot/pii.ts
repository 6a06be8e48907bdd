/**
 * Finding a Saudi national ID or Iqama number (ten digits, the first 1 or 2)
 * in free text, however it was typed: Latin, Arabic-Indic, Persian or
 * full-width digits, with spaces, dashes, dots, commas or invisible marks
 * (zero-width, direction marks, isolates) between the digits. Whatever holds
 * one is masked or sealed before it is stored or logged.
 *
 * A run counts when it starts right after something that is not a digit and
 * its tenth digit is not followed at once by another: "0551234567 1234567890"
 * is a phone and an ID, "12345678901" is neither. A number that only looks
 * like an ID (a date written as ten digits) is masked too: better too much
 * than a leak.
 */

/** The value of a digit in any script Sila reads, or -1. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** What may sit between the digits of one number: spaces, dashes, dots, commas, invisible marks. */
const SEPARATOR = /[\s.,_\u00ad\u060c\u066b\u066c\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2010-\u2015\u2212\ufe58\ufe63\uff0d\uff0e\u002d]/;
/** Separators in a row that still join two digits of one number (" - "). */
const MAX_GAP = 3;
const ID_DIGITS = 10;

export interface FoundId {
  /** Where the number starts and ends in the text (end exclusive), separators inside included. */
  start: number;
  end: number;
  /** The ten digits, Latin. */
  digits: string;
}

/** Every national ID or Iqama number in `text`. */
export function findNationalIds(text: string): FoundId[] {
  const found: FoundId[] = [];
  if (!hasEnoughDigits(text)) return found;
  let i = 0;
  while (i < text.length) {
    const first = digitValue(text.charCodeAt(i));
    if ((first !== 1 && first !== 2) || (i > 0 && digitValue(text.charCodeAt(i - 1)) >= 0)) {
      i++;
      continue;
    }
    let digits = String(first);
    let last = i;
    let gap = 0;
    for (let j = i + 1; j < text.length && digits.length < ID_DIGITS; j++) {
      const d = digitValue(text.charCodeAt(j));
      if (d >= 0) {
        digits += String(d);
        last = j;
        gap = 0;
      } else if (gap < MAX_GAP && SEPARATOR.test(text[j]!)) gap++;
      else break;
    }
    if (digits.length === ID_DIGITS && digitValue(text.charCodeAt(last + 1)) < 0) {
      found.push({ start: i, end: last + 1, digits });
      i = last + 1;
    } else i++;
  }
  return found;
}

function hasEnoughDigits(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (digitValue(text.charCodeAt(i)) >= 0 && ++n >= ID_DIGITS) return true;
  return false;
}

/** True when `text` holds something that reads as a national ID or Iqama number. */
export function containsNationalId(text: string): boolean {
  return findNationalIds(text).length > 0;
}

/** A national ID as staff and the person see it masked: "******7890". */
export const maskedId = (digits: string): string => `******${digits.slice(-4)}`;

/** `text` with every national ID replaced (by default masked to its last four digits). */
export function maskNationalIds(text: string, replace: (digits: string) => string = maskedId): string {
  const found = findNationalIds(text);
  if (found.length === 0) return text;
  let out = "";
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + replace(f.digits);
    at = f.end;
  }
  return out + text.slice(at);
}
