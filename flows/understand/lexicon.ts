/**
 * What people write when they want something done, as data: for each intent,
 * rules made of slots, each slot a list of words one of which must appear
 * (order free). Words are written as typed in Gulf Arabic, MSA, English, Urdu
 * (Arabic script) and Roman Urdu; they are folded like the text they are
 * compared with (hamza, taa marbuta, alef maqsura, Urdu letter forms), so
 * one spelling is enough. A word ending in `*` matches any word starting with
 * it; a word with spaces matches those words in a row.
 *
 * Rules describe kinds of requests ("want" + "a person"), never whole
 * sentences. A slot marked `negatable` fails when a negation comes just before
 * its word («ما ابي اشتكي», "I don't want to complain").
 */

export type IntentName =
  | "deleteData"
  | "myData"
  | "language"
  | "appeal"
  | "status"
  | "complaint"
  | "suggestion"
  | "human"
  | "programs"
  | "apply";

export interface Rule {
  slots: string[][];
  /** The slot whose word a negation cancels (default: none). */
  negatable?: number;
  /** Words that make the rule not apply ("how do I apply?" is a question, not a request). */
  unless?: string[];
  /** Longest message (in words) the rule applies to; longer ones are stories told, not requests. */
  maxWords?: number;
  /** The slots may be met in different clauses of the message («قدمت طلب من شهر، وش صار عليه؟»). */
  across?: boolean;
}

// ---- Shared word lists ------------------------------------------------------

/** "I want / I'd like / can I / please": the wish before the thing wished. */
export const WANT = [
  "ابي", "ابغى", "ابغي", "ابغا", "ابا", "ابى", "بغيت", "ودي", "اريد", "أريد", "حاب", "حابب", "احتاج", "محتاج", "ممكن", "اقدر", "ابيكم", "نبي", "نبغى", "ياليت",
  "want", "wanna", "would like", "i'd like", "id like", "need", "can i", "could i", "may i", "please", "pls", "plz", "let me",
  "چاہتا", "چاہتی", "چاہیے", "چاہئے", "کرنی ہے", "کرنا ہے", "مجھے", "ہمیں", "chahta", "mujhe", "mujhay", "humein", "chahti", "chahiye", "karni hai", "karna hai",
];

export const NEGATIONS = [
  "ما", "مو", "مب", "لا", "لم", "لن", "ماني", "مابي", "مابغى", "ماابي", "ماابغى", "مااريد", "بدون",
  "not", "dont", "don't", "never", "no", "nt",
  "نہیں", "نہ", "مت", "nahi", "nahin", "na", "mat",
];

const PERSON = [
  "موظف", "موظفه", "موظفين", "شخص", "انسان", "احد", "أحد", "بشر", "بشري", "مسؤول", "مسئول", "مختص", "اخصائي", "مدير", "الاداره", "خدمه العملاء", "خدمة العملاء", "الدعم", "المشرف", "مشرف",
  "person", "human", "someone", "somebody", "anyone", "agent", "staff", "representative", "officer", "employee", "manager", "real person", "customer service", "support",
  "انسان سے", "بندے", "بندہ", "عملہ", "عملے", "نمائندہ", "نمائندے", "آدمی", "کسی", "insaan", "banda", "bande", "kisi", "staff se", "admi",
];

const TALK = [
  "اكلم", "أكلم", "اتكلم", "اتواصل", "أتواصل", "احاكي", "اتحدث", "أتحدث", "اكالم", "كلم*", "تواصل*", "حولني", "حولوني", "وصلني", "وصلوني", "ابي احد", "يكلمني", "يرد علي", "يتصل",
  "talk", "speak", "chat", "connect", "transfer", "contact", "reach", "call me",
  "بات", "بات کر*", "رابطہ", "baat", "rabta", "raabta",
];

const COMPLAINT = [
  "شكوى", "شكوي", "شكوه", "شكاوى", "شكاوي", "شكواي", "اشتكي", "اشتكى", "أشتكي", "اشتكيت", "نشتكي", "اشكي", "بلاغ على",
  "complain*", "complaint*",
  "شکایت*", "shikayat", "shikayet",
];

const SUGGESTION = [
  "اقتراح*", "اقترح*", "مقترح*", "اقتراحي",
  "suggest*", "idea for you", "proposal",
  "تجویز*", "مشورہ", "tajweez", "mashwara",
];

/** Applying as a beneficiary (not «انضم», "join": as a beneficiary or a volunteer, which the FAQ asks about). */
const APPLY = [
  "اقدم", "أقدم", "اتقدم", "نقدم", "تقديم", "التقديم", "اسجل", "أسجل", "اتسجل", "نسجل", "التسجيل", "تسجيل", "سجلوني", "سجلني", "استفيد", "اشترك في البرنامج", "طلب جديد", "ارفع طلب", "افتح طلب", "اطلب مساعده", "اطلب مساعدة", "اطلب خدمه",
  "apply", "application form", "register", "sign up", "signup", "enrol", "enroll", "join the program", "join the programme", "new application", "request help", "request assistance",
  "درخواست دینی", "درخواست دینا", "درخواست جمع", "اپلائی", "رجسٹر", "darkhwast deni", "darkhwast dena", "apply karna", "register karna",
];

const STATUS_CUE = [
  "وين", "وش صار", "ايش صار", "شو صار", "وش صاير", "ايش صاير", "حاله", "حالة", "متابعه", "متابعة", "اتابع", "أتابع", "تابع*", "وصل", "وصلت", "مصير", "اخبار", "أخبار", "جديد", "انقبل", "انرفض", "تم قبول", "خلص", "خلصت",
  "status", "progress", "update", "updates", "news", "happened", "track", "tracking", "where is", "whats happening", "any news",
  "کیا بنا", "کیا ہوا", "حیثیت", "کہاں", "اپڈیٹ", "kya bana", "kya hua", "status kya",
];

const MY_FILE = [
  "طلبي", "طلبنا", "معاملتي", "ملفي", "شكواي", "شكوتي", "تظلمي", "طلب", "الطلب", "معامله", "المعامله",
  // Having applied says which file: «قدمت من شهر», "I applied".
  "قدمت", "قدمنا", "تقدمت", "سجلت", "رفعت",
  "my application", "my request", "my file", "my case", "my complaint", "application", "request", "applied", "i registered",
  "میری درخواست", "درخواست", "meri darkhwast", "darkhwast", "apply kiya", "darkhwast di",
];

const APPEAL = [
  "تظلم*", "اتظلم", "أتظلم", "التظلم", "اعتراض*", "اعترض*", "استئناف", "استئنف", "استانف", "اعاده النظر", "إعادة النظر", "اعاده دراسه",
  "appeal*", "reconsider*", "contest the decision", "object to the decision",
  "اپیل", "نظرثانی", "نظر ثانی", "appeal karna",
];

const DELETE = [
  "احذف", "حذف", "احذفوا", "احذفو", "امسح", "مسح", "امسحوا", "امسحو", "شيلوا", "شيلو", "الغوا", "ازالة", "إزالة",
  "delete", "erase", "remove", "wipe", "forget",
  "حذف کر*", "مٹا*", "ختم کر*", "delete kar*", "hata*",
];

const DATA = [
  "بياناتي", "معلوماتي", "حسابي", "بيانات", "معلومات", "رقمي", "ملفي",
  "my data", "my information", "my info", "my details", "my account", "my personal", "data",
  "ڈیٹا", "معلومات", "اکاؤنٹ", "data", "maloomat",
];

const SEE = ["اشوف", "أشوف", "اعرف", "أعرف", "اطلع", "أطلع", "ارسلوا", "ارسلو", "عطوني", "عطني", "see", "show", "view", "send me", "what do you have", "دیکھ*", "dikha*"];

const LANGUAGE_NAMES = [
  "انجليزي", "انقليزي", "إنجليزي", "الانجليزي", "الانجليزيه", "بالانجليزي", "بالانقليزي", "عربي", "بالعربي", "العربي", "العربيه", "اردو", "أردو", "بالاردو",
  "english", "arabic", "urdu", "inglish",
  "انگریزی", "عربی", "اردو میں", "angrezi", "urdu mein", "arabi",
];

const LANGUAGE_VERBS = [
  "تكلم*", "كلمني", "كلمنا", "رد*", "اكتب*", "تتكلم", "تعرف", "تفهم", "ابي", "ابغى", "ممكن", "لو سمحت",
  "speak", "talk", "write", "reply", "answer", "respond", "switch", "change", "in", "please", "can you", "do you",
  "بات", "میں", "بولیں", "بولو", "لکھ*", "mein", "me", "bolo", "baat",
];

const WHAT = [
  "وش", "ايش", "إيش", "شو", "شنو", "ماهي", "ما هي", "ماهو", "ما هو", "وشو", "ايه", "اعرف", "أعرف", "ابي اعرف", "قائمه", "قائمة", "كم", "اي",
  "what", "which", "list", "tell me", "kind of", "types of",
  "کیا", "کون", "کون سے", "کونسی", "kya", "kaun", "konsi", "kon si",
];

const OFFER = [
  "خدمات*", "خدماتكم", "البرامج", "برامج*", "برامجكم", "تقدمون", "تقدموا", "تقدمونه", "تسوون", "توفرون", "مساعدات*", "المساعدات", "المبادرات", "مبادرات*", "تخدمون",
  "services", "service do you", "programs", "programmes", "do you offer", "do you provide", "you offer", "you provide", "do you do", "help do you",
  "خدمات", "سروسز", "پروگرام", "پروگرامز", "services", "programs",
];

/** "Who": a question about who sees or gets something, not a request. */
const WHO = ["مين", "منو", "من يطلع", "من يشوف", "who", "whom", "کون", "کس کو", "کسے", "kaun", "kon", "kis ko"];

const HOW = ["كيف", "كيفيه", "طريقه", "طريقة", "شلون", "how", "کیسے", "کس طرح", "kaise", "kese", "kis tarah"];

// ---- Rules per intent -----------------------------------------------------------

/** Checked in this order; the first intent with a matching rule wins. */
export const INTENT_RULES: Array<[IntentName, Rule[]]> = [
  ["deleteData", [{ slots: [DELETE, DATA], negatable: 0, maxWords: 14 }]],
  // «میرا ڈیٹا کون دیکھتا ہے؟», "who sees my data": a question about privacy (the FAQ), not a request to see it.
  ["myData", [{ slots: [SEE, ["بياناتي", "معلوماتي", "my data", "my information", "my details", "about me", "عني", "ڈیٹا", "میری معلومات", "meri maloomat"]], negatable: 0, unless: WHO, maxWords: 12 }]],
  ["language", [{ slots: [LANGUAGE_VERBS, LANGUAGE_NAMES], maxWords: 8 }]],
  [
    "appeal",
    [
      { slots: [APPEAL], negatable: 0, maxWords: 40 },
      { slots: [["ليش", "لماذا", "why"], ["رفض*", "انرفض", "rejected", "refused", "مسترد"]], maxWords: 12 },
    ],
  ],
  [
    "status",
    [
      { slots: [STATUS_CUE, MY_FILE], unless: [...HOW, "شروط", "requirements"], maxWords: 16, across: true },
      { slots: [["حاله الطلب", "حالة الطلب", "حاله طلبي", "application status", "status of my", "درخواست کی حیثیت"]], maxWords: 16 },
    ],
  ],
  ["complaint", [{ slots: [COMPLAINT], negatable: 0, maxWords: 60 }]],
  ["suggestion", [{ slots: [SUGGESTION], negatable: 0, maxWords: 60 }]],
  [
    "human",
    [
      { slots: [TALK, PERSON], negatable: 0, maxWords: 16 },
      { slots: [WANT, PERSON], negatable: 0, unless: [...HOW, "يشتغل", "توظيف", "وظيفه", "وظايف", "job", "jobs", "work as", "hiring"], maxWords: 10 },
    ],
  ],
  ["programs", [{ slots: [WHAT, OFFER], maxWords: 14 }]],
  ["apply", [{ slots: [WANT, APPLY], negatable: 0, unless: [...HOW, "متى", "when", "شروط", "requirements", "کب"], maxWords: 16 }]],
];
