/**
 * What a message asks for inside a flow that has its own expectation (a
 * request for information, a complaint, following up): phrases in Arabic
 * (Saudi everyday forms), English and Urdu, matched after `commandForm`.
 * Steering commands that work anywhere are `detectCommand` (keywords.ts).
 */
import { commandForm } from "./text/arabic";

const phrases = (...list: string[]): string[] => list.map(commandForm);

/** True when the comparison form of `text` is one of `list` or contains one as whole words. */
function says(text: string, list: readonly string[], whole = false): boolean {
  const f = ` ${commandForm(text)} `;
  return list.some((p) => (whole ? f.trim() === p : f.includes(` ${p} `)));
}

/** `says`, in a message of at most `maxWords` words (in a longer one the words belong to a story). */
function saysShort(text: string, list: readonly string[], maxWords: number): boolean {
  return commandForm(text).split(" ").length <= maxWords && says(text, list);
}

const WHAT_NEEDED = phrases(
  "وش المطلوب", "ايش المطلوب", "شنو المطلوب", "ما المطلوب", "وش تبون", "وش تبغون", "ايش تبون", "وش يبون", "ايش يبغون",
  "وش المطلوب بالضبط", "المطلوب ايش", "وش الناقص", "ايش الناقص", "وش النواقص", "متى اخر موعد", "اخر موعد", "الى متى",
  "لين متى", "متى الموعد", "كم باقي", "وش اللي ناقص", "ما هو المطلوب", "المطلوب وش",
  "what is needed", "what exactly is needed", "what do you need", "what is missing", "what's needed", "whats needed",
  "by when", "deadline", "when is the deadline", "how long do i have",
  "کیا چاہیے", "کب تک",
);
const CANNOT = phrases(
  "ما اقدر", "ماقدر", "ما اقدر ارسله", "ما اقدر اوفره", "ما عندي اياه", "ماعندي اياه", "ما احصله", "ما لقيته", "مو موجود عندي",
  "ما استطيع", "لا استطيع", "لا اقدر", "ليس لدي", "غير متوفر", "ما يتوفر", "مو متوفر", "ما اقدر اجيبه", "ما عندي المطلوب",
  "i can't", "i cant", "i cannot", "can't provide", "cannot provide", "i don't have it", "i dont have it", "not available",
  "میرے پاس نہیں", "نہیں دے سکتا",
);
const DONE = phrases(
  "خلاص", "انتهيت", "خلصت", "هذا كل شي", "هذا كل شيء", "هذا هو", "بس كذا", "تم", "ارسل", "ارسال", "ارسلها", "راجع",
  "done", "that's all", "thats all", "finished", "send", "send it", "review",
  "بس", "ہو گیا", "بھیجیں",
);

export type InfoIntent = "whatNeeded" | "cannot" | "done";

/** Inside a reply to the committee: asking what is needed, saying it cannot be provided, or finishing. */
export function detectInfoIntent(text: string): InfoIntent | null {
  if (says(text, DONE, true)) return "done";
  if (says(text, CANNOT)) return "cannot";
  if (says(text, WHAT_NEEDED)) return "whatNeeded";
  return null;
}

const PROVIDE_INFO = phrases(
  "ارسل المطلوب", "ارسال المطلوب", "ابي ارسل المطلوب", "ابغى ارسل المطلوب", "المعلومات المطلوبه", "ارسال المعلومات",
  "ارسل المعلومات", "ابي ارسل الاوراق", "ارسل الاوراق", "ارسل المستندات", "ارسال المستندات", "استكمال الطلب", "استكمال النواقص",
  "send the information", "send information", "provide information", "send documents", "send the documents", "the requested information",
  "معلومات بھیجیں",
);

/** "I want to send what the committee asked for". */
export function wantsToProvideInfo(text: string): boolean {
  return says(text, PROVIDE_INFO);
}

const FOLLOW_CUES = phrases(
  "وين", "اين", "وش صار", "ايش صار", "شو صار", "وش صار على", "وش صار في", "متى", "حاله", "حالة", "متابعه", "متابعة", "تابع",
  "ابي اتابع", "ابغى اتابع", "وش اخبار", "ايش اخبار", "اخبار", "وصل", "وين وصل", "وين وصلت", "رد", "ردكم", "ما رديتوا",
  "where", "status", "what happened", "any update", "update on", "follow up", "track", "news",
  "کہاں", "کیا ہوا", "حیثیت",
);
/** Their own request, by a possessive form ("شكواي", "my complaint"): "where do I file a complaint" is not a follow-up. */
const OBJECTS: Array<[FollowUpKind, string[]]> = [
  ["complaint", phrases("شكواي", "شكوتي", "شكوايه", "بلاغي", "my complaint", "my report", "میری شکایت")],
  ["appeal", phrases("تظلمي", "اعتراضي", "my appeal", "میری اپیل")],
  ["suggestion", phrases("اقتراحي", "مقترحي", "my suggestion", "میری تجویز")],
  ["application", phrases("طلبي", "طلباتي", "معاملتي", "my application", "my request", "my applications", "میری درخواست")],
];

export type FollowUpKind = "complaint" | "appeal" | "suggestion" | "application";

/** "Where is my complaint?", "وش صار على طلبي": which kind of request they ask about, or null. */
export function detectFollowUp(text: string): FollowUpKind | null {
  if (!says(text, FOLLOW_CUES)) return null;
  for (const [kind, words] of OBJECTS) if (says(text, words)) return kind;
  return null;
}

const MISCONDUCT = phrases(
  "رشوه", "رشوة", "رشاوي", "رشوتي", "يرتشي", "مرتشي", "رشى", "طلب مني فلوس", "طلب مني مبلغ", "طلبوا مني فلوس", "يبي فلوس عشان",
  "ابتزاز", "يبتزني", "ابتزني", "تحرش", "يتحرش", "تحرش بي", "سبني الموظف", "الموظف سبني", "الموظفه سبتني", "اهانني الموظف",
  "الموظف اهانني", "ضربني", "اساء لي الموظف", "اساءه من موظف", "اساءة من موظف", "تهديد من موظف", "هددني", "فساد", "واسطه", "محسوبيه",
  "bribe", "bribery", "asked me for money", "asked for a bribe", "harassment", "harassed me", "abused me", "abuse by staff",
  "staff abuse", "threatened me", "corruption",
  "رشوت", "ہراساں",
);

/** A report of misconduct (bribery, abuse or harassment by staff): confidential, never small talk. */
export function detectMisconduct(text: string): boolean {
  return says(text, MISCONDUCT);
}

const APPEAL = phrases(
  "تظلم", "ابي اتظلم", "ابغى اتظلم", "اتظلم", "تقديم تظلم", "اعتراض", "ابي اعترض", "اعترض على القرار", "اعتراض على الرفض",
  "ابي اعترض على الرفض", "اعادة النظر", "اعاده النظر", "ليش رفضتوني", "ليش انرفض طلبي",
  "appeal", "i want to appeal", "appeal the decision", "reconsideration", "object to the decision",
  "اپیل", "اپیل کرنا",
);

/** Asking to appeal a decision (تظلم). */
export function wantsToAppeal(text: string): boolean {
  return says(text, APPEAL);
}

const UNSURE_PROGRAM = phrases(
  "ما اعرف", "ما ادري", "مادري", "ماعرف", "لا اعرف", "لا ادري", "مو عارف", "مو متاكد", "ما اعرف وش يناسبني", "وش يناسبني",
  "ايش يناسبني", "ساعدني اختار", "i don't know", "i dont know", "not sure", "which one", "help me choose", "which program",
  "پتہ نہیں", "معلوم نہیں",
);

/** "I don't know which program" at the program picker. */
export function unsureWhichProgram(text: string): boolean {
  return says(text, UNSURE_PROGRAM);
}

const CONFUSED = phrases(
  "مافهمت", "ما فهمت", "لم افهم", "مو فاهم", "مو فاهمه", "مب فاهم", "ما فهمتك", "مافهمتك", "ما فهمت عليك", "مافهمت عليك",
  "وش تبي", "وش تبين", "وش تبغى", "وش تبغين", "ايش تبي", "ايش تبغى", "وش تقصد", "وش تقصدون", "ايش تقصد", "وش يعني", "ايش يعني", "يعني ايش", "يعني وش",
  "وش اكتب", "ايش اكتب", "وش اكتب هنا", "وش المفروض اكتب", "كيف اكتب",
  "i don't understand", "i dont understand", "don't understand", "dont understand", "didn't understand", "didnt understand",
  "what do you mean", "what i do", "what i should do", "what to do", "what i have to do", "what to write", "what i write", "what should i write", "what should i type", "what do i write", "what do i type", "i'm confused", "im confused",
  "سمجھ نہیں", "سمجھ نہیں آیا", "سمجھ نہیں آئی", "کیا مطلب", "کیا لکھوں", "samajh nahi", "samajh nahi aaya", "kya matlab", "kya likhun",
);

/** "I don't understand", "what do you want?", "what should I write?": not an answer, but a request to explain the question. */
export function isConfused(text: string): boolean {
  // Short: in a longer message these words are part of a story («رحت للمستشفى وما فهمت وش قال الدكتور»).
  return saysShort(text, CONFUSED, 7);
}

const WHY = phrases("ليش", "لماذا", "لمه", "ليه", "why", "کیوں", "kyun", "kyon", "kiyon");

/** A "why" question («ليش تبون الهويه», "why do you need my ID?"). */
export function asksWhy(text: string): boolean {
  return says(text, WHY);
}

const HELPLESS = phrases(
  "وش اسوي", "ايش اسوي", "شسوي", "شو اسوي", "وش اسوي الحين", "ايش اسوي الحين", "وش اسوي طيب", "طيب وش اسوي", "ماذا افعل", "ماذا أفعل", "كيف اتصرف", "وش الحل",
  "what should i do", "what do i do", "what do i do now", "what now", "what can i do",
  "کیا کروں", "اب کیا کروں", "میں کیا کروں", "kya karun", "ab kya karun", "kya karoon",
);

/** «وش اسوي», "what should I do?": a short plea for what to do next, right after bad news or a hard message. */
export function isHelpless(text: string): boolean {
  return saysShort(text, HELPLESS, 5);
}

const MISSING = phrases(
  "ما عندي", "ماعندي", "ما معي", "مامعي", "مو معي", "مب معي", "ما احصله", "ما احصلها", "ضايع", "ضايعه", "ضاعت", "ضاع", "مفقود", "مفقوده", "مو موجود", "مو موجوده",
  "عند الكفيل", "مع الكفيل", "عند كفيلي", "مع كفيلي", "ما اعرفه", "ما اعرفها", "ما اذكره", "ما احفظه",
  "i don't have", "i dont have", "dont have", "don't have", "do not have", "not with me", "i lost", "lost it", "lost my",
  "with my sponsor", "with the sponsor", "with kafeel", "with the kafeel", "with my kafeel", "i don't know it", "i dont know it", "don't remember", "dont remember",
  "میرے پاس نہیں", "پاس نہیں", "کھو گیا", "گم ہو گیا", "کفیل کے پاس", "mere paas nahi", "paas nahi", "kafeel ke paas", "gum ho gaya",
);

/** «ما عندي», "it's with my sponsor", "I lost it": the answer to a question is not at hand. */
export function saysMissing(text: string): boolean {
  return saysShort(text, MISSING, 14);
}
