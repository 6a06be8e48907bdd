/**
 * Words people type to steer the conversation, in Arabic (with Saudi
 * everyday forms), English and Urdu. These are matched after `commandForm`
 * (hamza, taa marbuta, alef maqsura and digits folded), never shown.
 */
import { commandForm } from "./text/arabic";
import type { Locale } from "../orgs/schema";

export type Command =
  | { type: "menu" }
  | { type: "back" }
  | { type: "cancel" }
  | { type: "skip" }
  | { type: "help" }
  | { type: "human" }
  | { type: "endHandoff" }
  | { type: "language"; locale: Locale }
  | { type: "optOut" }
  | { type: "optIn" }
  | { type: "myData" }
  | { type: "deleteMyData" };

const words = (...list: string[]): Set<string> => new Set(list.map(commandForm));

const MENU = words(
  "القائمة", "قائمة", "القائمة الرئيسية", "الرئيسية", "المنيو", "منيو", "ابدأ", "البداية",
  "menu", "main menu", "home", "0", "مینو", "مین مینو",
);
const BACK = words("رجوع", "ارجع", "الرجوع", "رجع", "السابق", "back", "previous", "go back", "واپس");
const CANCEL = words(
  "إلغاء", "الغاء", "الغ", "ألغي", "الغي", "كنسل", "cancel", "stop application", "منسوخ",
  // A change of mind, said as people say it.
  "لا ابي", "ما ابي", "مابي", "لا ابغى", "ما ابغى", "مابغى", "ما ابغي", "لا ابغي", "ما عاد ابي", "ماعاد ابي", "خلاص ما ابي",
  "غيرت رايي", "غيرت رأيي", "غيرت رايي خلاص", "خلاص غيرت رايي", "ما ابي اكمل", "لا اريد", "لم اعد اريد",
  "i changed my mind", "changed my mind", "never mind", "nevermind", "i don't want", "i dont want", "i don't want it",
  "نہیں چاہیے", "منسوخ کریں",
);
const SKIP = words("تخطي", "تخطى", "تجاوز", "لا يوجد", "لايوجد", "ما عندي", "ماعندي", "skip", "none", "-", "چھوڑیں");
const HELP = words("مساعدة", "ساعدني", "help", "?", "؟", "مدد");
const HUMAN = words(
  "موظف", "كلم موظف", "ابي موظف", "ابغى موظف", "أبي أكلم موظف", "اكلم موظف", "التحدث مع موظف",
  "خدمة العملاء", "شخص", "انسان", "agent", "human", "person", "staff", "talk to a person",
  "talk to someone", "عملہ", "نمائندہ",
);
const END_HANDOFF = words("إنهاء", "انهاء", "إنهاء المحادثة", "انهاء المحادثه", "خلاص انتهيت", "end", "end chat", "done", "ختم");
const OPT_OUT = words("إيقاف", "ايقاف", "وقف", "إلغاء الاشتراك", "الغاء الاشتراك", "stop", "unsubscribe", "بند کریں");
const OPT_IN = words("اشتراك", "الاشتراك", "تفعيل", "start", "subscribe", "شروع");
const MY_DATA = words("بياناتي", "بيانات", "معلوماتي", "وش عندكم عني", "my data", "my information", "میرا ڈیٹا");
const DELETE_DATA = words("احذف بياناتي", "حذف بياناتي", "امسح بياناتي", "delete my data", "erase my data", "میرا ڈیٹا حذف کریں");
const LANGUAGES: Array<[Locale, Set<string>]> = [
  ["en", words("english", "انجليزي", "إنجليزي", "انقليزي", "الانجليزية", "الإنجليزية", "english please")],
  ["ar", words("عربي", "العربية", "عربى", "arabic", "عربی")],
  ["ur", words("urdu", "اردو", "اُردو", "أردو")],
];

/** Recognises a steering command; `null` when the text is something else. */
export function detectCommand(text: string): Command | null {
  const f = commandForm(text);
  // A question mark alone asks for help.
  if (f === "") return /^\s*[?؟]+\s*$/.test(text) ? { type: "help" } : null;
  if (DELETE_DATA.has(f)) return { type: "deleteMyData" };
  if (MY_DATA.has(f)) return { type: "myData" };
  if (OPT_OUT.has(f)) return { type: "optOut" };
  // "start" (and Telegram's /start) also re-subscribes: it comes with the menu.
  if (OPT_IN.has(f)) return { type: "optIn" };
  if (MENU.has(f)) return { type: "menu" };
  if (BACK.has(f)) return { type: "back" };
  if (CANCEL.has(f)) return { type: "cancel" };
  if (SKIP.has(f) || text.trim() === "-") return { type: "skip" };
  if (HELP.has(f) || /^[?؟]+$/.test(text.trim())) return { type: "help" };
  if (HUMAN.has(f)) return { type: "human" };
  if (END_HANDOFF.has(f)) return { type: "endHandoff" };
  for (const [locale, set] of LANGUAGES) if (set.has(f)) return { type: "language", locale };
  return null;
}

/**
 * Words that pick a main-menu option only when typed alone: inside a sentence
 * they are about something else («عندي ملاحظه على الموظف» is a remark the FAQ
 * asks about, «کیا میری معلومات راز میں رہیں گی؟» a question about privacy).
 */
export const MENU_WORDS_ALONE: Record<string, string[]> = {
  feedback: ["ملاحظة", "ملاحظات"],
  about: ["معلومات", "info", "information", "معلومات عن الجمعية"],
};

/** Words that pick a main-menu option when typed instead of its number. */
export const MENU_WORDS: Record<string, string[]> = {
  apply: ["تقديم", "تقديم طلب", "طلب جديد", "قدم", "اقدم", "أبي أقدم", "ابغى اقدم", "تسجيل", "سجل", "التسجيل", "apply", "application", "new application", "register", "درخواست جمع کریں", "نئی درخواست"],
  status: ["متابعة", "متابعة طلب", "حالة الطلب", "حالة طلبي", "وين وصل طلبي", "status", "track", "my application", "حیثیت", "درخواست کی پیروی"],
  faq: ["أسئلة", "اسئلة", "الأسئلة الشائعة", "سؤال", "استفسار", "عندي سؤال", "faq", "questions", "question", "سوال", "عام سوالات"],
  feedback: ["شكوى", "شكوي", "اقتراح", "شكوى أو اقتراح", "complaint", "suggestion", "feedback", "شکایت", "تجویز", "شکایت یا تجویز"],
  human: ["موظف", "التحدث مع موظف", "agent", "human", "talk to a person", "عملے سے بات کریں", "عملہ"],
  about: ["عن الجمعية", "التواصل", "تواصل", "العنوان", "about", "contact", "رابطہ", "انجمن کا تعارف اور رابطہ"],
  language: ["اللغة", "language", "change language", "زبان"],
};

const QUESTION_WORDS = words(
  "كم", "متى", "وين", "اين", "كيف", "هل", "ليش", "لماذا", "ايش", "وش", "شو", "شنو", "ماذا", "مين", "من وين",
  "what", "how", "when", "where", "why", "who", "can", "do", "does", "is", "are", "کیا", "کب", "کہاں", "کیسے",
);

/** True for a sentence that reads as a question: a question mark, or a question word first. */
export function looksLikeQuestion(text: string): boolean {
  if (/[?؟]/.test(text)) return true;
  const first = commandForm(text).split(" ")[0] ?? "";
  return QUESTION_WORDS.has(first);
}
