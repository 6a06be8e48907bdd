/**
 * Small talk: salam, greetings, thanks, goodbyes and acknowledgements, in
 * Saudi/Gulf Arabic, English and a little Urdu. A message is small talk only
 * when it is essentially nothing else; "السلام عليكم متى دوامكم" is a question
 * with a salam in front ({@link stripGreeting} separates the two).
 */

import { foldRepeats, matchForm } from "./normalize";

export type SmallTalk = "salam" | "greeting" | "thanks" | "goodbye" | "ack";

const PHRASES: Record<SmallTalk, string[]> = {
  salam: [
    "السلام عليكم", "سلام عليكم", "السلام عليكم ورحمه الله", "السلام عليكم ورحمه الله وبركاته", "سلام عليكم ورحمه الله",
    "سلام عليكم ورحمه الله وبركاته", "السلام", "سلام", "سلامو عليكم", "السلام عليكم جميعا", "السلام عليكم ورحمة الله",
    "salam", "salaam", "assalamu alaikum", "assalamualaikum", "asalamu alaikum", "salam alaikum", "salam alikum", "as salam alaikum",
    "السلام علیکم", "السلام علیکم ورحمۃ اللہ", "assalam o alaikum", "assalam-o-alaikum", "aoa", "slam", "asalam alaikum",
    // Urdu spellings without the article, Urdu ی/ک or Arabic ي/ك, and Roman Urdu's o/u joins.
    "اسلام علیکم", "اسلام عليكم", "اسلام و علیکم", "اسلام علیکم ورحمۃ اللہ", "assalamo alaikum", "assalam u alaikum", "assalamu alaykum",
    "asalam o alaikum", "asalam u alaikum", "salam o alaikum", "slam o alaikum", "assalam alaikum", "asalamualaikum",
  ],
  greeting: [
    "مرحبا", "مرحبتين", "مرحبا بك", "مرحبا بكم", "مراحب", "هلا", "هلا والله", "هلا بك", "هلا فيك", "هلا وغلا", "يا هلا", "ياهلا",
    "اهلا", "اهلين", "اهلا وسهلا", "اهلا بك", "اهلا بكم", "هاي", "هلو", "هالو", "حياك", "حياك الله", "حياكم الله", "الله يحييك",
    "الله يحييكم", "وعليكم السلام", "وعليكم السلام ورحمه الله", "وعليكم السلام ورحمه الله وبركاته", "عليكم السلام",
    "صباح الخير", "صباح النور", "صباح الورد", "صباحو", "مساء الخير", "مساء النور", "مساء الورد", "مسا الخير", "مساكم الله بالخير",
    "صبحكم الله بالخير", "جمعه مباركه", "رمضان كريم", "رمضان مبارك", "عيد مبارك", "عيدكم مبارك", "كل عام وانتم بخير",
    "كيف حالك", "كيف حالكم", "كيف الحال", "كيفك", "كيفكم", "شلونك", "شلونكم", "شلون الحال", "وش اخبارك", "وش اخباركم",
    "ايش اخبارك", "شخبارك", "وش الجديد", "وش الجديد عندك", "ايش الجديد", "وش جديدك", "whats new", "شخباركم", "علومك", "وش علومك", "وش علومكم", "عساك طيب", "عساك بخير", "عساكم بخير", "انت بخير",
    "hi", "hello", "hey", "hiya", "yo", "greetings", "good morning", "good afternoon", "good evening", "good day",
    "how are you", "how r u", "how are you doing", "whats up", "sup",
    "آداب", "ہیلو", "وعلیکم السلام", "کیا حال ہے", "کیا حال ہیں", "آپ کا حال کیسا ہے", "حال کیسا ہے", "آپ کیسے ہو", "kya kar rahe ho", "کیا حال چال ہے", "آپ کیسے ہیں", "آپ کیسی ہیں", "کیسے ہو", "کیسے ہیں",
    "خیریت ہے", "خیریت", "walaikum salam", "wa alaikum assalam", "kya haal hai", "kya hal hai", "kaise ho", "kaise hain", "aap kaise hain",
    "kese ho", "kaisay ho",
  ],
  thanks: [
    "شكرا", "شكرا لك", "شكرا لكم", "شكرا جزيلا", "شكرا كثير", "الشكر لكم", "مشكور", "مشكوره", "مشكورين", "تشكر", "تشكرون",
    "يعطيك العافيه", "يعطيكم العافيه", "الله يعطيك العافيه", "الله يعطيكم العافيه", "عطاك الله العافيه",
    "جزاك الله خير", "جزاك الله خيرا", "جزاكم الله خير", "جزاكم الله خيرا", "الله يجزاك خير", "الله يجزاكم خير", "جزيت خير",
    "جزاك الله كل خير", "تسلم", "تسلمين", "تسلمون", "تسلم يدك", "الله يسلمك", "الله يسلمكم", "ما قصرت", "ما قصرتوا",
    "ما قصرتو", "ماقصرت", "ماقصرتوا", "يسلمو", "يسلموا", "الله يوفقك", "الله يوفقكم", "الله يحفظك", "الله يحفظكم",
    "بارك الله فيك", "بارك الله فيكم", "الله يبارك فيك", "الله يجبر بخاطرك", "الله يسعدك", "الله يسعدكم",
    "thanks", "thank you", "thank u", "thanks a lot", "thank you so much", "thank you very much", "many thanks", "thx", "ty",
    "much appreciated", "appreciate it", "cheers",
    "شکریہ", "بہت شکریہ", "جزاک اللہ", "مہربانی", "آپ کا شکریہ", "shukriya", "shukria", "bohat shukriya", "meherbani", "jazakallah",
    "jazak allah",
  ],
  goodbye: [
    "مع السلامه", "مع السلامه الله معك", "في امان الله", "فامان الله", "فمان الله", "بامان الله", "الله معك", "الله معاك",
    "الله معكم", "باي", "باي باي", "تصبح على خير", "تصبحون على خير", "الى اللقاء", "الي اللقاء", "وداعا", "نشوفكم", "نشوفك",
    "bye", "bye bye", "goodbye", "good bye", "see you", "see ya", "good night", "take care",
    "have a nice day", "have nice day", "have a good day", "have good day", "nice day", "طاب يومك", "يومك سعيد", "نهارك سعيد",
    "خدا حافظ", "اللہ حافظ", "allah hafiz", "khuda hafiz", "پھر ملیں گے", "phir milenge",
  ],
  ack: [
    "تمام", "اوكي", "اوك", "اوكيه", "طيب", "زين", "ماشي", "حاضر", "ان شاء الله", "انشاء الله", "انشالله", "ان شاءالله",
    "فهمت", "واضح", "تم", "خلاص", "الحمد لله", "الحمدلله", "الحمد لله بخير", "بخير", "بخير الحمد لله", "كويس", "ممتاز",
    "جميل", "حلو", "اكيد", "مفهوم", "وصلت", "وصل",
    "ok", "okay", "okey", "k", "kk", "fine", "good", "great", "got it", "noted", "alright", "all right", "cool", "sure", "understood",
    "ٹھیک ہے", "جی ٹھیک ہے", "ٹھیک", "اچھا", "جی ہاں", "ہاں", "جی", "theek hai", "thik hai", "acha", "achha", "haan", "ji",
  ],
};

/** Words that may surround small talk without making it a question. */
const FILLERS = [
  "يا", "ياخي", "يا اخي", "اخوي", "اخي", "اخوان", "الاخوان", "الشباب", "جماعه", "يا جماعه", "الغالي", "يالغالي", "يا غالي",
  "حبيبي", "الحبيب", "والله", "جميعا", "جزيلا", "كثير", "وايد", "مره", "لكم", "لك", "عليكم", "الله", "اخت", "اختي", "استاذ", "استاذي",
  "و", "ياهلا", "بكم", "بك", "فيكم", "فيك", "عزيزي", "عزيزتي", "اخواني", "اخواتي", "يا شباب",
  "all", "everyone", "guys", "dear", "again", "so", "much", "very", "a", "lot", "there", "you", "to", "and", "sir", "madam", "bro",
  "جی", "بہت", "بوت", "يا بوت", "bot", "بھائی", "بھائی جان", "بہن", "جناب", "صاحب", "bhai", "bhai jaan", "janab", "sahab",
];

const EMOJI_KIND: Array<[RegExp, SmallTalk]> = [
  [/[🙏🌹💐🌷❤💙💚💛🧡💜🤍🖤💖💗💓💕🥰😍😘]/u, "thanks"],
  [/[👋🤝]/u, "greeting"],
  [/[👍👌✅🆗✔]/u, "ack"],
];

/** Priority when a message holds several kinds: "شكرا مع السلامه" is a goodbye. */
const PRIORITY: SmallTalk[] = ["salam", "goodbye", "thanks", "greeting", "ack"];

/** Comparison form: matching form with every repeated letter folded (هلاااا، شكراا → هلا، شكرا). */
function form(text: string): string {
  return foldRepeats(matchForm(text), 2);
}

function splitWords(text: string): string[] {
  const f = form(text);
  return f === "" ? [] : f.split(" ");
}

interface Trie {
  kind?: SmallTalk;
  filler?: boolean;
  next: Map<string, Trie>;
}

const ROOT: Trie = { next: new Map() };

function insert(words: string[], mark: (node: Trie) => void): void {
  if (words.length === 0) return;
  let node = ROOT;
  for (const w of words) {
    let n = node.next.get(w);
    if (!n) {
      n = { next: new Map() };
      node.next.set(w, n);
    }
    node = n;
  }
  mark(node);
}

for (const kind of Object.keys(PHRASES) as SmallTalk[]) {
  for (const p of PHRASES[kind]) {
    insert(splitWords(p), (n) => {
      if (!n.kind) n.kind = kind;
    });
  }
}
for (const f of FILLERS) insert(splitWords(f), (n) => (n.filler = true));

/** The longest phrase or filler starting at `i`: its end index and kind (undefined for a filler). */
function longestAt(words: string[], i: number): { end: number; kind: SmallTalk | undefined } | null {
  let node: Trie | undefined = ROOT;
  let best: { end: number; kind: SmallTalk | undefined } | null = null;
  for (let j = i; j < words.length && node; j++) {
    node = node.next.get(words[j]!);
    if (!node) break;
    if (node.kind) best = { end: j + 1, kind: node.kind };
    else if (node.filler && (!best || best.kind === undefined)) best = { end: j + 1, kind: undefined };
  }
  return best;
}

function strongest(kinds: SmallTalk[]): SmallTalk | null {
  for (const k of PRIORITY) if (kinds.includes(k)) return k;
  return null;
}

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

function emojiKinds(text: string): SmallTalk[] {
  const out: SmallTalk[] = [];
  for (const [re, kind] of EMOJI_KIND) if (re.test(text)) out.push(kind);
  return out;
}

/**
 * The kind of small talk when the message is essentially only that
 * (greetings, thanks, goodbyes, "ok"), or null when it holds anything else.
 */
export function detectSmallTalk(text: string): SmallTalk | null {
  // Digits, dates, phone numbers and the like (most answers in a form) hold no words of small talk.
  const nfkc = text.normalize("NFKC");
  if (!LETTER.test(nfkc)) return NUMBER.test(nfkc) ? null : strongest(emojiKinds(text));
  const words = splitWords(text);
  const kinds: SmallTalk[] = emojiKinds(text);
  if (words.length === 0) return kinds.length > 0 ? strongest(kinds) : null;
  if (words.length > 14) return null;
  let i = 0;
  while (i < words.length) {
    const hit = longestAt(words, i);
    if (!hit) return null;
    if (hit.kind) kinds.push(hit.kind);
    i = hit.end;
  }
  return strongest(kinds);
}

/**
 * Separates a leading salam or greeting from the rest of a message:
 * "السلام عليكم، متى دوامكم؟" → { greeting: "salam", rest: "متى دوامكم؟" }.
 * `rest` is the original text after the greeting (as typed). Thanks or "ok"
 * in front of a question are left in `rest`; a message that is only small
 * talk gives its kind (as {@link detectSmallTalk}) and an empty rest.
 */
export function stripGreeting(text: string): { greeting: SmallTalk | null; rest: string } {
  const whole = detectSmallTalk(text);
  if (whole) return { greeting: whole, rest: "" };
  const raw = text.trim().split(/\s+/).filter((w) => w !== "");
  // Each original word may fold to zero, one or several comparison words.
  const pieces: Array<{ raw: number; word: string }> = [];
  raw.forEach((r, idx) => {
    for (const w of splitWords(r)) pieces.push({ raw: idx, word: w });
  });
  const words = pieces.map((p) => p.word);
  const kinds: SmallTalk[] = [];
  let i = 0;
  let consumed = 0; // number of comparison words consumed by greetings (and fillers after one)
  while (i < words.length) {
    const hit = longestAt(words, i);
    if (!hit) break;
    if (hit.kind === undefined && kinds.length === 0) break; // a filler before any greeting
    if (hit.kind && hit.kind !== "salam" && hit.kind !== "greeting") break;
    if (hit.kind) kinds.push(hit.kind);
    i = hit.end;
    consumed = i;
  }
  const greeting = strongest(kinds);
  if (!greeting) return { greeting: null, rest: text.trim() };
  if (consumed >= words.length) return { greeting, rest: "" };
  // Keep the original words from the first one not consumed; a raw word split
  // across the boundary ("عليكم،متى") is kept from its start.
  const firstRaw = pieces[consumed]!.raw;
  const boundaryShared = consumed > 0 && pieces[consumed - 1]!.raw === firstRaw;
  let rest = raw.slice(firstRaw).join(" ");
  if (boundaryShared) {
    const restForm = splitWords(rest);
    const drop = restForm.length - (words.length - consumed);
    if (drop > 0) {
      // Cut the leading greeting part out of the shared word by its punctuation.
      const m = rest.match(/^[^\s\p{P}\p{S}]*[\p{P}\p{S}]+/u);
      if (m) rest = rest.slice(m[0].length);
    }
  }
  rest = rest.replace(/^[\s\p{P}\p{S}]+/u, "").trim();
  return { greeting, rest };
}
