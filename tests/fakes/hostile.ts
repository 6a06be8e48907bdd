/**
 * Hostile input for the fuzz test: what a careless phone, a prankster or an
 * attacker can send. Every generator is driven by a seeded `Random`, so a
 * failure reproduces from its seed.
 */
import type { InboundContent, MediaType } from "../../bot/channels/types";
import type { Random } from "../../scripts/crash/random";

export type HostileKind =
  | "unicode"
  | "huge"
  | "bidi"
  | "zeroWidth"
  | "emoji"
  | "nul"
  | "control"
  | "loneSurrogate"
  | "sql"
  | "html"
  | "markdown"
  | "mixedDigits"
  | "numberLike"
  | "dateLike"
  | "empty"
  | "whitespace"
  | "command"
  | "prototype"
  | "decoratedValid"
  | "media"
  | "voice"
  | "contact"
  | "location"
  | "choice";

export interface Hostile {
  kind: HostileKind;
  content: InboundContent;
}

/** Bidi embeddings, overrides and isolates: the characters stored text must never keep. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
const ZERO_WIDTH = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E"];
const WHITESPACE = [" ", "\t", "\n", "\r", "\r\n", "\u00A0", "\u2000", "\u2003", "\u2009", "\u200A", "\u3000", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C"];
const EMOJI = ["😀", "👍", "👎", "✅", "❌", "⭐", "🇸🇦", "👨‍👩‍👧‍👦", "👍🏽", "🏳️‍🌈", "❤️", "🕋", "1️⃣", "#️⃣", "🫶🏿", "🧕", "💧", "🚰"];
const DIGIT_SCRIPTS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"];

const SQL = [
  "'; DROP TABLE applications; --",
  "1' OR '1'='1",
  "\" OR \"\"=\"",
  "1; DELETE FROM messages WHERE 1=1",
  "Robert'); DROP TABLE contacts;--",
  "' UNION SELECT national_id_hash FROM applications --",
  "admin'--",
  "%' AND 1=0 UNION ALL SELECT name, sql FROM sqlite_master --",
  "'); ATTACH DATABASE '/tmp/x.db' AS x; --",
  "\\'; PRAGMA writable_schema=1; --",
];
const HTML = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(document.cookie)>",
  "<b>bold</b><i>italic</i>",
  "</div></body></html>",
  "&lt;&gt;&amp;&quot;&#39;&#x202E;",
  "<a href=\"javascript:alert(1)\">اضغط</a>",
  "<tg-spoiler>x</tg-spoiler><pre><code class=\"language-js\">",
  "<!-- comment --><![CDATA[x]]>",
  "<svg/onload=alert(1)>",
];
const MARKDOWN = [
  "*bold _italic `code",
  "[link](javascript:alert(1))",
  "```\nunclosed code block",
  "||spoiler",
  "__underline ~strike~ \\",
  "_*[]()~`>#+-=|{}.!",
  "\\\\\\*\\_\\`",
  "> quote\n>> nested\n>>> deeper",
  "[text](tg://user?id=1)",
  "**محمد** _عبدالله_ `الحربي`",
  "# heading\n- item\n1. item",
];
const COMMANDS = [
  "القائمة", "القائمه", "الرئيسية", "0", "رجوع", "back", "إلغاء", "الغاء", "cancel", "تخطي", "skip", "-",
  "مساعدة", "?", "؟", "موظف", "human", "إنهاء", "end", "done", "english", "عربي", "urdu", "اردو",
  "stop", "إيقاف", "start", "اشتراك", "/start", "/help", "1", "2", "3", "9", "99", "نعم", "لا", "yes", "no",
  "متابعة", "continue", "restart", "من جديد", "شكوى", "اقتراح", "ممتاز", "5 ⭐", "⭐⭐⭐⭐⭐", "👍", "❌",
];
const PROTOTYPE = ["constructor", "__proto__", "prototype", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__", "then", "length"];
const NUMBER_LIKE = [
  "1e309", "-1e309", "NaN", "Infinity", "-Infinity", "-0", "0x10", "0b11", "1_000", "٠٫٥", "1٬000", "1,000,000", "99999999999999999999999",
  "-5", "+7", "3.14159", "١٠", "۵", "١2۳", "½", "Ⅻ", "𝟙𝟚", "١٠٠٠٠٠٠٠٠٠٠٠٠", "0.0000001", " 12 ", "12abc", "abc12",
];
const DATE_LIKE = [
  "31/02/1445", "0000-00-00", "1445/13/40", "9999-99-99", "1/1/1", "29/02/2023", "1445/01/01 م", "2020-01-01 هـ", "٣١/١٢/١٤٤٤",
  "1400/1/1", "1300/01/01", "1399/12/30", "2100-01-01", "1900-01-01", "12/12/12", "1445.05.05", "1445 - 05 - 05", "20/5/1410هـ",
  "١٤١٠/٠٥/٢٠", "۱۴۱۰/۰۵/۲۰", "1410/05/20\u202E", "\u200F1410/05/20",
];
const MEDIA_TYPES: MediaType[] = ["image", "document", "audio", "voice", "video", "sticker"];
const MIME = ["application/pdf", "image/jpeg", "image/png", "image/webp", "text/html", "application/x-msdownload", "", "application/pdf\u0000", "../../etc/passwd", "image/svg+xml"];
const FILE_NAMES = [
  "invoice\u202Efdp.exe",
  "deed.pdf",
  "../../../etc/passwd",
  "con.pdf",
  "a\u0000b.pdf",
  "صك الملكية.pdf",
  "<script>.pdf",
  "\u2067مستند\u2069.pdf",
  "x".repeat(300) + ".pdf",
];

function codePoint(r: Random): string {
  const band = r.int(0, 11);
  switch (band) {
    case 0:
      return String.fromCharCode(r.int(0x20, 0x7e));
    case 1:
      return String.fromCharCode(r.int(0x0600, 0x06ff));
    case 2:
      return String.fromCharCode(r.int(0xfb50, 0xfeff));
    case 3:
      return String.fromCharCode(r.int(0x0300, 0x036f));
    case 4:
      return String.fromCodePoint(r.int(0x1f300, 0x1faff));
    case 5:
      return String.fromCharCode(r.int(0x4e00, 0x9fff));
    case 6:
      return String.fromCharCode(r.int(0xe000, 0xf8ff)); // private use
    case 7:
      return String.fromCharCode(r.int(0xfff0, 0xffff)); // specials, non-characters
    case 8:
      return String.fromCharCode(r.int(0, 0x1f)); // C0 controls, NUL included
    case 9:
      return r.pick(BIDI);
    case 10:
      return r.pick(ZERO_WIDTH);
    default:
      return String.fromCodePoint(r.int(0x10000, 0x10ffff));
  }
}

export function randomUnicode(r: Random, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += codePoint(r);
  return s;
}

/** Digits of `value` each written in a random one of three scripts. */
export function mixDigits(r: Random, value: string): string {
  return value.replace(/\d/g, (d) => r.pick(DIGIT_SCRIPTS)[Number(d)]!);
}

function sprinkle(r: Random, text: string, pool: readonly string[], count: number): string {
  const chars = [...text];
  for (let i = 0; i < count; i++) chars.splice(r.int(0, chars.length), 0, r.pick(pool));
  return chars.join("");
}

function hugeText(r: Random): string {
  const target = 100_000 + r.int(0, 2_000);
  const unit = r.pick(["السلام عليكم ", "a", "1", "\u202E", "😀", "\u0000", "ـ", "<b>", "*_", "١٢٣", "\u200B"]);
  let s = unit.repeat(Math.ceil(target / unit.length));
  if (r.chance(0.5)) s = randomUnicode(r, 50) + s;
  return s;
}

/** Valid answers of every kind, to be decorated with hostile characters. */
function validLooking(r: Random): string {
  return r.pick([
    "محمد عبدالله الحربي",
    "Mohammed Abdullah Alharbi",
    "1000000008",
    "2000000006",
    "0551234567",
    "+966551234567",
    "بريدة",
    "1410/05/20",
    "2025-12-01",
    "5",
    "نعم",
    "1",
    "A26-00001",
    "كيف أقدم طلب؟",
  ]);
}

/** A random value for a button, from the ones offered or made up. */
function choiceValue(r: Random, offered: readonly string[]): string {
  const base = offered.length > 0 && r.chance(0.4) ? r.pick(offered) : r.pick(["menu:apply", "menu:xyz", "faq:", "info:", "field:", "program:", "lang:", "yes", "no", "submit", "edit", "cancel", "continue", "restart", "complaint", "suggestion", "1", "5"]);
  switch (r.int(0, 6)) {
    case 0:
      return base;
    case 1:
      return base + r.pick(PROTOTYPE);
    case 2:
      return r.pick(PROTOTYPE);
    case 3:
      return base + randomUnicode(r, r.int(1, 20));
    case 4:
      return r.chance(0.2) ? "x".repeat(100_000) : randomUnicode(r, r.int(0, 40));
    case 5:
      return sprinkle(r, base, [...BIDI, ...ZERO_WIDTH, "\u0000"], r.int(1, 3));
    default:
      return base.toUpperCase();
  }
}

function mediaContent(r: Random, mediaType: MediaType): InboundContent {
  const content: InboundContent = {
    kind: "media",
    mediaType,
    // The channel's own reference to the file: the sender does not choose it.
    fileRef: `file-${r.int(0, 1e6)}`,
  };
  if (r.chance(0.8)) content.mimeType = r.pick(MIME);
  if (r.chance(0.7)) content.fileName = r.chance(0.1) ? randomUnicode(r, 100_000) : r.chance(0.7) ? r.pick(FILE_NAMES) : randomUnicode(r, r.int(1, 60));
  if (r.chance(0.8)) content.size = r.pick([-1, 0, 1, 2048, 10 * 1024 * 1024, 10 * 1024 * 1024 + 1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1.5]);
  if (r.chance(0.6)) content.caption = r.chance(0.15) ? hugeText(r) : r.chance(0.5) ? randomUnicode(r, r.int(0, 80)) : r.pick([...SQL, ...HTML, ...MARKDOWN, ...COMMANDS]);
  return content;
}

const TEXT_KINDS: HostileKind[] = [
  "unicode", "huge", "bidi", "zeroWidth", "emoji", "nul", "control", "loneSurrogate", "sql", "html", "markdown",
  "mixedDigits", "numberLike", "dateLike", "empty", "whitespace", "command", "prototype", "decoratedValid",
];
const OTHER_KINDS: HostileKind[] = ["media", "voice", "contact", "location", "choice"];

/** One hostile text of a given kind. */
export function hostileText(r: Random, kind: HostileKind): string {
  switch (kind) {
    case "unicode":
      return randomUnicode(r, r.int(1, 300));
    case "huge":
      return hugeText(r);
    case "bidi":
      return sprinkle(r, r.chance(0.5) ? validLooking(r) : randomUnicode(r, 20), BIDI, r.int(1, 8));
    case "zeroWidth":
      return sprinkle(r, validLooking(r), ZERO_WIDTH, r.int(1, 8));
    case "emoji":
      return Array.from({ length: r.int(1, 30) }, () => r.pick(EMOJI)).join(r.chance(0.5) ? "" : " ");
    case "nul":
      return sprinkle(r, validLooking(r), ["\u0000"], r.int(1, 5));
    case "control":
      return Array.from({ length: r.int(1, 40) }, () => String.fromCharCode(r.pick([r.int(0, 0x1f), r.int(0x7f, 0x9f)]))).join("");
    case "loneSurrogate":
      // Half of a surrogate pair is not text: stored as UTF-8 it comes back as three replacement characters.
      return r.chance(0.3)
        ? r.pick(["\uD800", "\uDFFF", "a\uDBFF", "\uDC00 "]).repeat(r.int(1_000, 30_000))
        : sprinkle(r, validLooking(r), ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"], r.int(1, 4));
    case "sql":
      return r.pick(SQL);
    case "html":
      return r.pick(HTML);
    case "markdown":
      return r.pick(MARKDOWN);
    case "mixedDigits":
      return mixDigits(r, r.chance(0.5) ? validLooking(r) : String(r.int(0, 2 ** 31)).repeat(r.int(1, 3)));
    case "numberLike":
      return r.pick(NUMBER_LIKE);
    case "dateLike":
      return r.chance(0.5) ? r.pick(DATE_LIKE) : mixDigits(r, r.pick(DATE_LIKE));
    case "empty":
      return "";
    case "whitespace":
      return Array.from({ length: r.int(1, 20) }, () => r.pick([...WHITESPACE, ...ZERO_WIDTH])).join("");
    case "command": {
      const c = r.pick(COMMANDS);
      return r.chance(0.5) ? c : sprinkle(r, r.chance(0.5) ? ` ${c}!! ` : c.replace(/(.)/gu, "$1ـ"), [...ZERO_WIDTH, ...BIDI], r.int(1, 3));
    }
    case "prototype":
      return r.pick(PROTOTYPE);
    case "decoratedValid":
      return sprinkle(r, mixDigits(r, validLooking(r)), [...BIDI, ...ZERO_WIDTH, "\u0000", "\t", "\u00A0"], r.int(1, 6));
    default:
      return randomUnicode(r, 10);
  }
}

/**
 * One hostile input: usually text of a random kind, otherwise media, a voice
 * note, a contact, a location or a button press (`offered`: the values of the
 * buttons last shown, to press them with strange variations).
 */
export function hostileInput(r: Random, offered: readonly string[] = []): Hostile {
  const kind = r.chance(0.72) ? r.pick(TEXT_KINDS) : r.pick(OTHER_KINDS);
  switch (kind) {
    case "media":
      return { kind, content: mediaContent(r, r.pick(MEDIA_TYPES)) };
    case "voice":
      return { kind, content: mediaContent(r, r.pick(["voice", "audio"] as const)) };
    case "contact": {
      const phone = r.pick([
        "+966551234567",
        "0551234567",
        mixDigits(r, "0551234567"),
        randomUnicode(r, r.int(0, 30)),
        "\u0000",
        "1".repeat(100_000),
        "+1 (555) 010-9999",
        "",
        "٠٥٥١٢٣٤٥٦٧\u202E",
      ]);
      const content: InboundContent = { kind: "contact", phone, own: r.chance(0.5) };
      if (r.chance(0.5)) content.name = r.chance(0.2) ? hugeText(r) : randomUnicode(r, r.int(0, 40));
      return { kind, content };
    }
    case "location": {
      const coord = () => r.pick([24.7136, 46.6753, 0, -0, 90, -90, 180, -180, 91, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, r.next() * 360 - 180]);
      return { kind, content: { kind: "location", latitude: coord(), longitude: coord() } };
    }
    case "choice":
      return { kind, content: { kind: "choice", value: choiceValue(r, offered) } };
    default:
      return { kind, content: { kind: "text", text: hostileText(r, kind) } };
  }
}

/** A short, printable description of an input, for a finding. */
export function describeInput(content: InboundContent): string {
  const show = (s: string): string => {
    const escaped = JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…(${s.length} chars)` : s);
    return escaped.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  };
  switch (content.kind) {
    case "text":
      return `text ${show(content.text)}`;
    case "choice":
      return `choice ${show(content.value)}`;
    case "media":
      return `media ${content.mediaType} mime=${show(content.mimeType ?? "-")} name=${show(content.fileName ?? "-")} size=${content.size} caption=${show(content.caption ?? "-")} ref=${show(content.fileRef)}`;
    case "contact":
      return `contact phone=${show(content.phone)} name=${show(content.name ?? "-")}`;
    case "location":
      return `location ${content.latitude},${content.longitude}`;
  }
}
