/**
 * The focus of a message (flows/faq/focus.ts, analyze.ts): a time elapsed in
 * a story is not a question about how long; an occasion of the calendar is not
 * the association's working hours; «ما ادري» (I don't know) is no topic; «بس»
 * before a word or two is "only", not the start of another clause.
 */
import { describe, expect, it } from "vitest";
import { createFaqMatcher, explainAnalysis } from "../flows/faq/matcher";
import { SMALL_KB } from "./faq/small-kb";

const KB = SMALL_KB;
const matcher = createFaqMatcher(KB);
const best = (q: string) => matcher.match(q).accepted?.id ?? null;

describe("FAQ focus", () => {
  it("reads a time elapsed as the story, not as asking how long", () => {
    expect(best("قدمت من اسبوعين ووش صار على طلبي")).toBe("application_status");
    expect(best("طلبي له شهر ما تحرك")).toBe("application_status");
    expect(best("ارسلت الطلب قبل كم يوم وش صار عليه")).toBe("application_status");
    // Asking how long is still asking how long.
    expect(best("كم يوم ياخذ الرد؟")).toBe("decision_time");
    expect(best("هل ياخذ الرد اكثر من اسبوعين؟")).toBe("decision_time");
  });

  it("does not take an occasion of the calendar for the working hours", () => {
    expect(best("متى رمضان السنه؟")).toBeNull();
    expect(best("when is eid this year")).toBeNull();
    expect(best("وش اوقات الدوام في رمضان؟")).toBe("working_hours");
  });

  it("does not take «ما ادري» (I don't know) for a question about privacy", () => {
    const terms = explainAnalysis("ما ادري").flatMap((t) => t.feats.map(([f]) => f));
    expect(terms.some((f) => f.includes("privacy"))).toBe(false);
  });

  it("keeps «بس» before a word or two in the clause that asks", () => {
    expect(best("عندي ست عيال وساكن بالايجار، هل ينطبق علينا الشروط ولا بس للضمان؟")).toBe("who_qualifies");
  });
});
