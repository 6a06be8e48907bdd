import { describe, expect, it } from "vitest";
import { detectSmallTalk, stripGreeting, type SmallTalk } from "../flows/faq/smalltalk";

const cases: Array<[string, SmallTalk]> = [
  ["السلام عليكم", "salam"],
  ["سلام عليكم ورحمة الله", "salam"],
  ["السلام عليكم ورحمة الله وبركاته", "salam"],
  ["السَّلَامُ عَلَيْكُمْ", "salam"],
  ["Assalamu alaikum", "salam"],
  ["مرحبا", "greeting"],
  ["مرحباااا", "greeting"],
  ["هلا", "greeting"],
  ["هلا والله", "greeting"],
  ["اهلين", "greeting"],
  ["أهلاً وسهلاً", "greeting"],
  ["صباح الخير", "greeting"],
  ["مساء الخير", "greeting"],
  ["كيف حالك؟", "greeting"],
  ["شلونكم", "greeting"],
  ["hi", "greeting"],
  ["Hello!", "greeting"],
  ["good morning", "greeting"],
  ["شكرا", "thanks"],
  ["شكراً جزيلاً", "thanks"],
  ["مشكور", "thanks"],
  ["مشكورين يا اخوان", "thanks"],
  ["يعطيك العافية", "thanks"],
  ["الله يعطيك العافيه", "thanks"],
  ["جزاك الله خير", "thanks"],
  ["ما قصرتوا", "thanks"],
  ["thanks", "thanks"],
  ["Thank you so much!", "thanks"],
  ["🙏", "thanks"],
  ["شکریہ", "thanks"],
  ["مع السلامة", "goodbye"],
  ["في امان الله", "goodbye"],
  ["bye", "goodbye"],
  ["شكرا مع السلامة", "goodbye"],
  ["تمام", "ack"],
  ["اوكي", "ack"],
  ["ok", "ack"],
  ["طيب", "ack"],
  ["ان شاء الله", "ack"],
  ["👍", "ack"],
  ["هلا والله، الله يعطيك العافية", "thanks"],
];

describe("detectSmallTalk", () => {
  it.each(cases)("%s → %s", (text, kind) => {
    expect(detectSmallTalk(text)).toBe(kind);
  });

  it("returns null when the message holds a real question", () => {
    for (const text of [
      "السلام عليكم متى دوامكم",
      "مرحبا عندي سؤال عن التسجيل",
      "شكرا، وين مقركم؟",
      "hi, how do I apply?",
      "تمام متى يوصل",
      "كيف اسجل",
      "وش اخبار الطقس",
      "ابشر", // a platform's name, not an acknowledgement from a beneficiary
      "",
      "؟؟",
    ]) {
      expect(detectSmallTalk(text), text).toBeNull();
    }
  });
});

describe("stripGreeting", () => {
  it("separates a leading salam or greeting from the question, keeping the original text", () => {
    expect(stripGreeting("السلام عليكم متى دوامكم")).toEqual({ greeting: "salam", rest: "متى دوامكم" });
    expect(stripGreeting("السلام عليكم ورحمة الله، وين مقركم؟")).toEqual({ greeting: "salam", rest: "وين مقركم؟" });
    expect(stripGreeting("السلام عليكم،متى دوامكم؟")).toEqual({ greeting: "salam", rest: "متى دوامكم؟" });
    expect(stripGreeting("هلا يا اخوان ابي أسجل")).toEqual({ greeting: "greeting", rest: "ابي أسجل" });
    expect(stripGreeting("Hi there, how do I apply?")).toEqual({ greeting: "greeting", rest: "how do I apply?" });
    expect(stripGreeting("صباح الخير، عندي استفسار")).toEqual({ greeting: "greeting", rest: "عندي استفسار" });
  });

  it("leaves messages without a leading greeting alone", () => {
    expect(stripGreeting("متى دوامكم؟")).toEqual({ greeting: null, rest: "متى دوامكم؟" });
    expect(stripGreeting("شكرا متى دوامكم")).toEqual({ greeting: null, rest: "شكرا متى دوامكم" });
    expect(stripGreeting("يا اخي متى الدوام")).toEqual({ greeting: null, rest: "يا اخي متى الدوام" });
  });

  it("gives the kind and an empty rest for a message that is only small talk", () => {
    expect(stripGreeting("السلام عليكم")).toEqual({ greeting: "salam", rest: "" });
    expect(stripGreeting("مرحبا")).toEqual({ greeting: "greeting", rest: "" });
    expect(stripGreeting("شكرا")).toEqual({ greeting: "thanks", rest: "" });
  });
});
