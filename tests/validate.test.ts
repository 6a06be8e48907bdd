import { describe, it, expect } from "vitest";
import {
  nationalIdCheckDigit,
  nationalIdKind,
  parseNumber,
  parseYesNo,
  sanitizeFreeText,
  stripInvisible,
  validateCity,
  validateFullName,
  validateNationalId,
  validateSaudiMobile,
} from "../flows/validate";

/** Writes ASCII digits as Arabic-Indic digits (٠-٩). */
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
/** Writes ASCII digits as Persian digits (۰-۹). */
const persianDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

/** A valid ID from its first nine digits. */
const makeId = (first9: string) => first9 + nationalIdCheckDigit(first9);

describe("nationalIdCheckDigit", () => {
  it("matches hand-computed check digits", () => {
    // 1 0 0 0 0 0 0 0 0: index 0 doubled → 2; total 2 → check digit 8 (2 + 8 = 10).
    expect(nationalIdCheckDigit("100000000")).toBe(8);
    // 2 0 0 0 0 0 0 0 0: 2×2 = 4 → check digit 6.
    expect(nationalIdCheckDigit("200000000")).toBe(6);
    // 1 2 3 4 5 6 7 8 9: even indexes 1,3,5,7,9 doubled → 2,6,(1+0),(1+4),(1+8) = 2+6+1+5+9 = 23;
    // odd indexes 2+4+6+8 = 20; total 43 → check digit 7.
    expect(nationalIdCheckDigit("123456789")).toBe(7);
    // 2 9 8 7 6 5 4 3 2: even 2,8,6,4,2 doubled → 4,(1+6),(1+2),8,4 = 4+7+3+8+4 = 26;
    // odd 9+7+5+3 = 24; total 50 → check digit 0.
    expect(nationalIdCheckDigit("298765432")).toBe(0);
  });

  it("rejects anything but nine ASCII digits", () => {
    expect(() => nationalIdCheckDigit("12345678")).toThrow(RangeError);
    expect(() => nationalIdCheckDigit("1234567890")).toThrow(RangeError);
    expect(() => nationalIdCheckDigit("12345678x")).toThrow(RangeError);
  });
});

describe("validateNationalId", () => {
  it("accepts the hand-computed valid IDs", () => {
    for (const id of ["1000000008", "2000000006", "1234567897", "2987654320"]) {
      expect(validateNationalId(id)).toEqual({ ok: true, value: id });
    }
  });

  it("accepts generated IDs and rejects every other check digit", () => {
    const prefixes = ["101234567", "110987654", "199999999", "200000001", "245678123", "277777777"];
    for (const first9 of prefixes) {
      const good = makeId(first9);
      expect(validateNationalId(good)).toEqual({ ok: true, value: good });
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[9]) continue;
        expect(validateNationalId(first9 + d)).toEqual({ ok: false, error: "nid_checksum" });
      }
    }
  });

  it("detects a single changed digit and swapped neighbours", () => {
    expect(validateNationalId("1234567897").ok).toBe(true);
    expect(validateNationalId("1234567997")).toEqual({ ok: false, error: "nid_checksum" });
    expect(validateNationalId("1243567897")).toEqual({ ok: false, error: "nid_checksum" });
  });

  it("accepts Arabic-Indic and Persian digits, spaces, dashes and invisible characters", () => {
    expect(validateNationalId("١٠٠٠٠٠٠٠٠٨")).toEqual({ ok: true, value: "1000000008" });
    expect(validateNationalId(arabicDigits("1234567897"))).toEqual({ ok: true, value: "1234567897" });
    expect(validateNationalId(persianDigits("2987654320"))).toEqual({ ok: true, value: "2987654320" });
    expect(validateNationalId(" 1234 567 897 ")).toEqual({ ok: true, value: "1234567897" });
    expect(validateNationalId("1-234-567-897")).toEqual({ ok: true, value: "1234567897" });
    expect(validateNationalId("\u200f١٢٣٤\u200b٥٦٧٨٩٧\u202c")).toEqual({ ok: true, value: "1234567897" });
    expect(validateNationalId("12345٦٧٨٩٧")).toEqual({ ok: true, value: "1234567897" });
  });

  it("rejects the wrong prefix even with a correct Luhn check digit", () => {
    expect(validateNationalId(makeId("300000000"))).toEqual({ ok: false, error: "nid_prefix" });
    expect(validateNationalId(makeId("012345678"))).toEqual({ ok: false, error: "nid_prefix" });
    expect(validateNationalId(makeId("987654321"))).toEqual({ ok: false, error: "nid_prefix" });
  });

  it("rejects 9 and 11 digits, letters and empty input as a format error", () => {
    expect(validateNationalId("100000000")).toEqual({ ok: false, error: "nid_format" });
    expect(validateNationalId("10000000080")).toEqual({ ok: false, error: "nid_format" });
    expect(validateNationalId("١٠٠٠٠٠٠٠٠")).toEqual({ ok: false, error: "nid_format" });
    expect(validateNationalId("1000000O08")).toEqual({ ok: false, error: "nid_format" });
    expect(validateNationalId("")).toEqual({ ok: false, error: "nid_format" });
    expect(validateNationalId("رقم")).toEqual({ ok: false, error: "nid_format" });
  });
});

describe("nationalIdKind", () => {
  it("tells citizens from residents", () => {
    expect(nationalIdKind("1234567897")).toBe("citizen");
    expect(nationalIdKind("2987654320")).toBe("resident");
  });
});

describe("validateSaudiMobile", () => {
  const e164 = "+966512345678";

  it.each([
    "0512345678",
    "512345678",
    "+966512345678",
    "00966512345678",
    "966512345678",
    "+966 51 234 5678",
    "+966 5 1234 5678",
    "051 234 5678",
    "051-234-5678",
    "(051) 234-5678",
    "+966 (0) 51 234 5678",
    "  0512345678  ",
    "٠٥١٢٣٤٥٦٧٨",
    "+٩٦٦٥١٢٣٤٥٦٧٨",
    "٠٠٩٦٦ ٥١ ٢٣٤ ٥٦٧٨",
    "۰۵۱۲۳۴۵۶۷۸",
    "\u200e+966 51 234 5678\u200e",
    "05١٢٣٤5678",
  ])("accepts %j", (input) => {
    expect(validateSaudiMobile(input)).toEqual({ ok: true, value: e164 });
  });

  it("keeps the subscriber digits", () => {
    expect(validateSaudiMobile("0559876543")).toEqual({ ok: true, value: "+966559876543" });
    expect(validateSaudiMobile("+966 50 000 0001")).toEqual({ ok: true, value: "+966500000001" });
  });

  it.each([
    ["landline Riyadh", "0112345678"],
    ["landline Riyadh with country code", "+966112345678"],
    ["landline 04", "0412345678"],
    ["too short", "051234567"],
    ["too short without zero", "51234567"],
    ["too long", "05123456789"],
    ["not starting with 5", "0612345678"],
    ["foreign number", "+201012345678"],
    ["country code only", "+966"],
    ["plus in the middle", "05+12345678"],
    ["letters", "05l2345678"],
    ["empty", ""],
    ["text", "جوالي"],
  ])("rejects %s", (_label, input) => {
    expect(validateSaudiMobile(input)).toEqual({ ok: false, error: "phone_invalid" });
  });
});

describe("validateFullName", () => {
  it("accepts three or more names in Arabic or Latin", () => {
    expect(validateFullName("محمد بن علي")).toEqual({ ok: true, value: "محمد بن علي" });
    expect(validateFullName("عبد الله محمد")).toEqual({ ok: true, value: "عبد الله محمد" });
    expect(validateFullName("نورة بنت سعد آل سعود")).toEqual({ ok: true, value: "نورة بنت سعد آل سعود" });
    expect(validateFullName("فاطمة أحمد الزهراني")).toEqual({ ok: true, value: "فاطمة أحمد الزهراني" });
    expect(validateFullName("Mohammed Ali Al-Qahtani")).toEqual({ ok: true, value: "Mohammed Ali Al-Qahtani" });
  });

  it("trims, collapses inner whitespace and removes invisible characters, letters untouched", () => {
    expect(validateFullName("  محمد   بن\tعلي \n")).toEqual({ ok: true, value: "محمد بن علي" });
    expect(validateFullName("\u200fأحمد إبراهيم\u200b الشهري\u202c")).toEqual({
      ok: true,
      value: "أحمد إبراهيم الشهري",
    });
    // Hamza forms, taa marbuta and diacritics are kept as typed.
    expect(validateFullName("أُسامة إبراهيم مؤمن")).toEqual({ ok: true, value: "أُسامة إبراهيم مؤمن" });
  });

  it("rejects fewer than three names", () => {
    expect(validateFullName("محمد علي")).toEqual({ ok: false, error: "name_too_short" });
    expect(validateFullName("عبد الله")).toEqual({ ok: false, error: "name_too_short" });
    expect(validateFullName("محمد")).toEqual({ ok: false, error: "name_too_short" });
    expect(validateFullName("John Smith")).toEqual({ ok: false, error: "name_too_short" });
    expect(validateFullName("   ")).toEqual({ ok: false, error: "name_too_short" });
  });

  it("does not count one-letter words as names", () => {
    expect(validateFullName("محمد ع علي")).toEqual({ ok: false, error: "name_too_short" });
    expect(validateFullName("John A Smith")).toEqual({ ok: false, error: "name_too_short" });
  });

  it("rejects digits in any script and other symbols", () => {
    expect(validateFullName("محمد علي 3")).toEqual({ ok: false, error: "name_invalid" });
    expect(validateFullName("محمد علي سعد2")).toEqual({ ok: false, error: "name_invalid" });
    expect(validateFullName("محمد علي سعد ٣")).toEqual({ ok: false, error: "name_invalid" });
    expect(validateFullName("محمد علي سعد ۳")).toEqual({ ok: false, error: "name_invalid" });
    expect(validateFullName("محمد علي @سعد")).toEqual({ ok: false, error: "name_invalid" });
    expect(validateFullName("Иван Петрович Сидоров")).toEqual({ ok: false, error: "name_invalid" });
  });

  it("rejects names longer than 100 characters", () => {
    const long = ["محمد", "عبدالرحمن", "سليمان"].join(" ") + " " + "ا".repeat(90);
    expect(long.length).toBeGreaterThan(100);
    expect(validateFullName(long)).toEqual({ ok: false, error: "name_invalid" });
    const exactly100 = "محمد علي " + "س".repeat(100 - "محمد علي ".length);
    expect(exactly100.length).toBe(100);
    expect(validateFullName(exactly100).ok).toBe(true);
  });
});

describe("parseNumber", () => {
  it("parses ASCII, Arabic-Indic and Persian digits", () => {
    expect(parseNumber("42")).toEqual({ ok: true, value: 42 });
    expect(parseNumber("٤٢")).toEqual({ ok: true, value: 42 });
    expect(parseNumber("۴۲")).toEqual({ ok: true, value: 42 });
    expect(parseNumber(" \u200f١٥ ")).toEqual({ ok: true, value: 15 });
    expect(parseNumber("0")).toEqual({ ok: true, value: 0 });
    expect(parseNumber("-3")).toEqual({ ok: true, value: -3 });
  });

  it("handles Arabic decimal and thousands separators and comma grouping", () => {
    expect(parseNumber("٣٫٥")).toEqual({ ok: true, value: 3.5 });
    expect(parseNumber("3.25")).toEqual({ ok: true, value: 3.25 });
    expect(parseNumber("١٬٥٠٠")).toEqual({ ok: true, value: 1500 });
    expect(parseNumber("١٬٢٣٤٬٥٦٧٫٥")).toEqual({ ok: true, value: 1234567.5 });
    expect(parseNumber("12,000")).toEqual({ ok: true, value: 12000 });
    expect(parseNumber("12 000")).toEqual({ ok: true, value: 12000 });
  });

  it("rejects malformed numbers", () => {
    for (const bad of ["", "abc", "12abc", "1,5", "1,00", "1.2.3", "٣٫", "--1", "1 2", "Infinity", "NaN"]) {
      expect(parseNumber(bad)).toEqual({ ok: false, error: "number_invalid" });
    }
  });

  it("understands number words one to ten in Arabic, English and Urdu", () => {
    const arabic: Array<[string, number]> = [
      ["واحد", 1], ["اثنين", 2], ["اثنان", 2], ["ثلاثة", 3], ["ثلاث", 3], ["اربعة", 4], ["أربع", 4],
      ["خمسة", 5], ["خمس", 5], ["ستة", 6], ["ست", 6], ["سبعة", 7], ["سبع", 7], ["ثمانية", 8], ["ثمان", 8],
      ["تسعة", 9], ["تسع", 9], ["عشرة", 10], ["عشر", 10], ["خمسه", 5],
    ];
    for (const [word, n] of arabic) expect(parseNumber(word)).toEqual({ ok: true, value: n });
    expect(parseNumber("Three")).toEqual({ ok: true, value: 3 });
    expect(parseNumber("ten")).toEqual({ ok: true, value: 10 });
    expect(parseNumber("پانچ")).toEqual({ ok: true, value: 5 });
  });

  it("enforces bounds and integers", () => {
    const opts = { min: 1, max: 20, integer: true };
    expect(parseNumber("٥", opts)).toEqual({ ok: true, value: 5 });
    expect(parseNumber("1", opts)).toEqual({ ok: true, value: 1 });
    expect(parseNumber("20", opts)).toEqual({ ok: true, value: 20 });
    expect(parseNumber("0", opts)).toEqual({ ok: false, error: "number_too_small" });
    expect(parseNumber("٢١", opts)).toEqual({ ok: false, error: "number_too_large" });
    expect(parseNumber("2.5", opts)).toEqual({ ok: false, error: "number_invalid" });
    expect(parseNumber("٢٫٥", { min: 0, max: 3 })).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber("صفر", { min: 1 })).toEqual({ ok: false, error: "number_too_small" });
  });
});

describe("parseYesNo", () => {
  it.each([
    "نعم", "ايوه", "ايوا", "ايه", "اي", "إي", "أكيد", "اكيد", "تمام", "موافق", "صح", "طيب",
    "yes", "Y", "YES", "yeah", "ok", "OK", "okay", "sure", "1", "١",
    "نعم!", " نَعَم ", "تمام.", "ہاں", "جی ہاں", "👍",
  ])("reads %j as yes", (word) => {
    expect(parseYesNo(word)).toBe(true);
  });

  it.each(["لا", "لأ", "كلا", "مو", "لا شكرا", "لا، شكراً", "no", "No", "n", "nope", "2", "٢", "لا!", "نہیں"])(
    "reads %j as no",
    (word) => {
      expect(parseYesNo(word)).toBe(false);
    },
  );

  it.each(["", "   ", "ربما", "maybe", "3", "نعم لا", "لا أعرف", "yes no", "?"])("is unsure about %j", (word) => {
    expect(parseYesNo(word)).toBeNull();
  });
});

describe("validateCity", () => {
  it("accepts city names in any script, trimmed", () => {
    expect(validateCity("  الرياض ")).toEqual({ ok: true, value: "الرياض" });
    expect(validateCity("مكة المكرمة")).toEqual({ ok: true, value: "مكة المكرمة" });
    expect(validateCity("Al-Khobar")).toEqual({ ok: true, value: "Al-Khobar" });
    expect(validateCity("کراچی")).toEqual({ ok: true, value: "کراچی" });
    expect(validateCity("أبها\u200f")).toEqual({ ok: true, value: "أبها" });
  });

  it("rejects digits, symbols, and wrong lengths", () => {
    expect(validateCity("12345")).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("١٢٣")).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("الرياض 2")).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("ا")).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("  ")).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("--")).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("الرياض!")).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("ج".repeat(61))).toEqual({ ok: false, error: "city_invalid" });
    expect(validateCity("ج".repeat(60)).ok).toBe(true);
  });
});

describe("sanitizeFreeText", () => {
  it("removes control characters but keeps newlines", () => {
    expect(sanitizeFreeText("مرحبا\u0000 بكم\u0007\nسطر ثان\u001b")).toBe("مرحبا بكم\nسطر ثان");
    expect(sanitizeFreeText("a\r\nb\rc")).toBe("a\nb\nc");
    expect(sanitizeFreeText("a\tb")).toBe("a b");
    expect(sanitizeFreeText("x\u0085y\u007f")).toBe("xy");
  });

  it("removes bidi embedding, override and isolate characters", () => {
    expect(sanitizeFreeText("abc\u202Eevil\u202C\u2066x\u2069")).toBe("abcevilx");
    for (let cp = 0x202a; cp <= 0x202e; cp++) expect(sanitizeFreeText(`a${String.fromCodePoint(cp)}b`)).toBe("ab");
    for (let cp = 0x2066; cp <= 0x2069; cp++) expect(sanitizeFreeText(`a${String.fromCodePoint(cp)}b`)).toBe("ab");
  });

  it("trims and truncates by code points without splitting emoji", () => {
    expect(sanitizeFreeText("  نص  \n")).toBe("نص");
    expect(sanitizeFreeText("ab😀cd", 3)).toBe("ab😀");
    expect([...sanitizeFreeText("ا".repeat(5000))].length).toBe(2000);
    expect(sanitizeFreeText("short", 10)).toBe("short");
  });
});

describe("stripInvisible", () => {
  it("removes zero-width and bidi characters only", () => {
    expect(stripInvisible("\u200b\u200c\u200d\u200e\u200f\u2066a\u2069\ufeffب\u061c")).toBe("aب");
  });
});
