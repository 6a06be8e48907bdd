/**
 * The second stage of the safety detector: context frames that explain a
 * danger cue away, each a kind of context, each blocked when the danger is
 * here now. Through `detectDanger` (what the engine calls) and `readMessage`
 * (which says which frame cancelled what).
 */
import { describe, expect, it } from "vitest";
import { detectDanger, readMessage } from "../flows/safety/detect";

const kinds = (text: string) => detectDanger(text)?.kinds ?? [];
const cancelledBy = (text: string) => readMessage(text).cancelled.map((c) => c.frame);

describe("frames that explain a cue away", () => {
  it("the long past, unless it is happening now", () => {
    expect(cancelledBy("my dad had a heart attack last year, can u help with medicine costs?")).toContain("past");
    expect(kinds("ابوي جاته جلطه في ٢٠١٩ وما يقدر يشتغل من وقتها، نقدر نقدم؟")).toEqual([]);
    expect(kinds("پچھلے سال والد صاحب کا ایکسیڈنٹ ہوا تھا")).toEqual([]);
    // "now" in the same clause keeps it.
    expect(kinds("he used to hit me and now he hits me again every night")).toContain("violence");
  });

  it("resolved, unless it came back", () => {
    expect(kinds("we had a small kitchen fire, everyone is fine now, can you help replace the stove?")).toEqual([]);
    expect(kinds("my son had a seizure, he's fine now")).toEqual([]);
    expect(kinds("my son had a seizure, he was fine but now he is having another one")).not.toEqual([]);
  });

  it("a question about the association's programmes, but never someone telling of harm done to them", () => {
    expect(cancelledBy("هل عندكم برامج لضحايا العنف الاسري؟")).toContain("service");
    expect(kinds("do you help victims of domestic violence?")).toEqual([]);
    expect(kinds("do you have programs for women, my husband hits me every day")).toContain("violence");
  });

  it("news, series and games anywhere in the message, but not a medical emergency", () => {
    expect(kinds("شفت في الاخبار حريق في مستودع بالرياض")).toEqual([]);
    expect(kinds("yaar ye drama dekh ke rona aa gaya, heroine ne khudkushi kar li")).toEqual([]);
    expect(kinds("I was watching a movie, my son swallowed a battery")).toContain("medical");
  });

  it("a hypothetical about someone, a purpose, a number kept just in case", () => {
    expect(kinds("what should someone do if a person is choking?")).toEqual([]);
    expect(kinds("اكتب بحث عن الانتحار عند المراهقين، عندكم احصائيات؟")).toEqual([]);
    expect(kinds("وش رقم الاسعاف عندكم؟ ابي احفظه احتياط")).toEqual([]);
    expect(kinds("my son is choking, what should I do")).toContain("medical");
  });

  it("a joke with 😂, «ههههه» or lol, but not a firm wish to die", () => {
    expect(kinds("bhai ne meri chocolate kha li, main usay maar dalungi 😂")).toEqual([]);
    expect(kinds("فريقنا انذبح بالنهائي ههههه")).toEqual([]);
    expect(kinds("ابي اموت 😂")).toContain("self_harm");
  });

  it("a date is not despair; grief is not an emergency call", () => {
    expect(kinds("I can't go on Thursday, can we move the appointment?")).toEqual([]);
    expect(kinds("I can't go on")).toContain("distress");
    expect(kinds("جدي مات بجلطه، نحتاج مساعده في مصاريف العزاء")).toEqual([]);
  });

  it("a condition named in a request, unless the signs are here now", () => {
    expect(kinds("my son has epilepsy, does the program cover his medication?")).toEqual([]);
    expect(kinds("عندي اكتئاب وقلق، هل عندكم اخصائي اقدر اكلمه؟")).toEqual([]);
    expect(kinds("ولدي عنده صرع والحين يتشنج فجأه وش اسوي")).toContain("medical");
  });

  it("already in hospital, 'is it normal', a suggestion — unless severe or happening now", () => {
    expect(kinds("my cousin was in a car accident, he's in hospital recovering, can you help with the bills?")).toEqual([]);
    expect(kinds("هل طبيعي ينزل دم خفيف بعد خلع الضرس؟")).toEqual([]);
    expect(kinds("is it normal to bleed a lot and it won't stop after birth?")).toContain("medical");
    expect(kinds("اغمى علي مره في مكتبكم من الحر، حطوا كراسي بالانتظار")).toEqual([]);
  });

  it("a denial said to reassure cancels the talk of self-harm; a bare denial does not", () => {
    expect(kinds("I'm not going to hurt myself, don't worry, I just need someone to talk to about my divorce")).toEqual([]);
    expect(kinds("main khud ko nuqsan nahi pohanchaunga, fikar na karo, bas kisi se baat karni hai")).toEqual([]);
    expect(kinds("I'm not going to hurt myself")).toContain("self_harm");
  });
});

describe("cues told across a message's clauses", () => {
  it("a situation and its sign may be in different clauses", () => {
    expect(kinds("my little brother fell off the bunk bed, now he's throwing up and very sleepy")).toContain("medical");
    expect(kinds("شغلنا الفحم في الغرفه عشان البرد، وكلنا دايخين")).toContain("medical");
  });

  it("a plea for help with a word of harm anywhere, but not a plea about the service", () => {
    expect(kinds("امي تصارخ بالغرفه وما ادري وش اسوي")).not.toEqual([]);
    expect(kinds("please help, I can't fill the form")).toEqual([]);
  });
});

describe("exceptions are read by a word's forms, never by a slip", () => {
  it("a word that looks like a service word does not cancel a danger", () => {
    expect(kinds("فيه حرامي داخل البيت الحين واحنا مقفلين على نفسنا في الغرفه")).not.toEqual([]);
    expect(kinds("بلعت علبة بنادول كاملة")).toContain("self_harm");
  });
});
