/**
 * What people ask to be done, as they write it: Gulf Arabic and MSA with typos
 * and without hamzas, English, Urdu in Arabic script and Roman Urdu. Questions
 * about a topic ("how do I apply?") are not requests and stay with the FAQ;
 * a negated wish («ما ابي اشتكي») is no request either.
 */
import { describe, expect, it } from "vitest";
import { detectIntent } from "../../flows/understand/intents";
import { detectLanguage } from "../../flows/understand/language";

const CASES: Array<[string, string | null]> = [
  // A person
  ["ابي اكلم موظف", "human"],
  ["ابغى أحد يكلمني", "human"],
  ["ودي اتواصل مع شخص من الجمعية", "human"],
  ["ممكن تحولني لخدمة العملاء", "human"],
  ["تكفى ابي انسان مو روبوت", "human"],
  ["أريد التحدث مع مسؤول", "human"],
  ["I want to talk to a real person", "human"],
  ["can I speak to someone please", "human"],
  ["connect me with an agent", "human"],
  ["میں کسی انسان سے بات کرنا چاہتا ہوں", "human"],
  ["kisi insaan se baat karni hai", "human"],
  // Complaints and suggestions
  ["عندي شكوى", "complaint"],
  ["ابي اشتكي على الموظف اللي ما رد علي", "complaint"],
  ["لا، عندي شكوى", "complaint"],
  ["ابغى ارفع شكوه", "complaint"],
  ["I have a complaint", "complaint"],
  ["I want to complain about the delay", "complaint"],
  ["مجھے شکایت کرنی ہے", "complaint"],
  ["mujhe shikayat karni hai", "complaint"],
  ["عندي اقتراح", "suggestion"],
  ["اقترح عليكم تفتحون يوم السبت", "suggestion"],
  ["I have a suggestion for you", "suggestion"],
  ["میری ایک تجویز ہے", "suggestion"],
  // A word the lexicon knows is not a typo of another: «اتكلم» (talk) is not «اتظلم» (appeal)
  ["ابي اتكلم مع احد عن طلبي ضروري", "human"],
  ["اتكلم", null],
  // Having applied, then asking what happened, in two clauses
  ["قدمت طلب من شهر، وش صار عليه؟", "status"],
  ["I applied last month, any news?", "status"],
  ["میں نے درخواست دی تھی، کیا بنا؟", "status"],
  ["قدمت من شهر، كيف اقدم طلب ثاني؟", null],
  // Applying, following, appealing
  ["ابي اقدم على برنامج الخزانات", "apply"],
  ["ابغى اسجل", "apply"],
  ["ودي اتقدم بطلب جديد", "apply"],
  ["I want to apply", "apply"],
  ["I'd like to register for the program", "apply"],
  ["مجھے درخواست دینی ہے", "apply"],
  ["وين وصل طلبي", "status"],
  ["وش صار على طلبي", "status"],
  ["ابي اتابع معاملتي", "status"],
  ["what is the status of my application", "status"],
  ["any news on my request", "status"],
  ["میری درخواست کا کیا بنا", "status"],
  ["meri darkhwast ka kya bana", "status"],
  ["ابي اتظلم على الرفض", "appeal"],
  ["ليش رفضتوا طلبي", "appeal"],
  ["ابي اعترض على قرار اللجنة", "appeal"],
  ["I want to appeal the decision", "appeal"],
  ["why was my application rejected", "appeal"],
  ["میں فیصلے کے خلاف اپیل کرنا چاہتا ہوں", "appeal"],
  // Data and language
  ["احذفوا بياناتي", "deleteData"],
  ["ابي امسح معلوماتي من عندكم", "deleteData"],
  ["please delete my data", "deleteData"],
  ["میرا ڈیٹا حذف کریں", "deleteData"],
  ["ابي اشوف بياناتي", "myData"],
  ["show me my data", "myData"],
  ["what services do you offer", "programs"],
  ["what programs do you have", "programs"],
  ["وش الخدمات اللي تقدمونها", "programs"],
  ["ايش برامجكم", "programs"],
  ["ما هي خدماتكم", "programs"],
  ["آپ کون سی خدمات دیتے ہیں", "programs"],
  // Not requests: questions about a topic, negated wishes, small talk, answers.
  ["كيف اقدم؟", null],
  ["متى يفتح التقديم", null],
  ["كم رسوم التقديم", null],
  ["how do I apply", null],
  ["ما ابي اكلم موظف", null],
  ["ما عندي شكوى الحمدلله", null],
  ["I don't want to talk to anyone", null],
  ["ابي اتطوع معكم", null],
  // «انضم» is joining as a beneficiary or as a volunteer: the FAQ asks which.
  ["ابي انضم لكم", null],
  // "Who sees my data" is a question about privacy, not a request to see it.
  ["میرا ڈیٹا کون دیکھتا ہے؟", null],
  ["who can see my data", null],
  ["متى يردون علي", null],
  ["وين مقركم", null],
  ["السلام عليكم", null],
  ["شكرا", null],
  ["محمد عبدالله الحربي", null],
  ["0551234567", null],
  ["هل تتوفر وظائف عندكم ابي اشتغل موظف", null],
];

const LANGUAGE: Array<[string, string]> = [
  ["تكلم انجليزي", "en"],
  ["ممكن ترد بالانجليزي", "en"],
  ["please reply in english", "en"],
  ["can you speak arabic", "ar"],
  ["اردو میں بات کریں", "ur"],
  ["urdu mein baat karo", "ur"],
];

describe("intents", () => {
  for (const [text, expected] of CASES) {
    it(`${expected ?? "nothing"} ← ${text}`, () => {
      expect(detectIntent(text)?.type ?? null).toBe(expected);
    });
  }
  for (const [text, locale] of LANGUAGE) {
    it(`language ${locale} ← ${text}`, () => {
      expect(detectIntent(text)).toEqual({ type: "language", locale });
    });
  }
});

describe("the language of a message", () => {
  const all = ["ar", "en", "ur"] as const;
  it.each([
    ["السلام عليكم ابي اسأل عن الخزانات", "ar"],
    ["How much does a tank cost?", "en"],
    ["مجھے پانی کی ٹنکی چاہیے", "ur"],
    ["کیا آپ مدد کر سکتے ہیں", "ur"],
    ["mujhe madad chahiye", "ur"],
    ["kya aap meri madad kar sakte hain", "ur"],
    ["ok", null],
    ["123", null],
    ["👍", null],
  ])("%s → %s", (text, expected) => {
    expect(detectLanguage(text, all)).toBe(expected);
  });
  it("only answers with a language the association serves", () => {
    expect(detectLanguage("مجھے پانی کی ٹنکی چاہیے", ["ar", "en"])).toBe("ar");
    expect(detectLanguage("mujhe madad chahiye", ["ar", "en"])).toBe("en");
  });
});
