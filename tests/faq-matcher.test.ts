import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateFaq, formatEvalLine, parseCases, parseKb, type EvalCase } from "../flows/faq/evaluate";
import { createFaqMatcher, DEFAULT_SUGGEST_THRESHOLD, DEFAULT_THRESHOLD, type FaqEntry } from "../flows/faq/matcher";
import { editDistance, foldRepeats, lookupForms, matchForm, stemArabic, stemEnglish, tokenize } from "../flows/faq/normalize";
import { loadProfile } from "../orgs/load";
import { faqLookup } from "../bot/app";

/* ------------------------------------------------------------------ */
/* The shared development set                                          */
/* ------------------------------------------------------------------ */

describe("development evaluation set (shared/eval)", () => {
  const kb = parseKb(readFileSync(new URL("../../shared/eval/faq-dev-kb.json", import.meta.url), "utf8"));
  const cases = parseCases(readFileSync(new URL("../../shared/eval/faq-dev-cases.jsonl", import.meta.url), "utf8"));
  const report = evaluateFaq(createFaqMatcher(kb), cases);

  it("meets the targets", () => {
    const misses = report.misses.map((m) => `${m.kind}: ${m.q} → ${m.got ?? "null"} (expected ${m.expect ?? "null"})`);
    expect(report.cases).toBe(cases.length);
    expect(report.top1, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(report.top3, misses.join("\n")).toBeGreaterThanOrEqual(0.97);
    expect(report.reject, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("still does well when the answers are not given to the matcher", () => {
    const bare = createFaqMatcher(kb.map(({ id, questions }) => ({ id, questions })));
    const r = evaluateFaq(bare, cases);
    expect(r.top1).toBeGreaterThanOrEqual(0.85);
    expect(r.top3).toBeGreaterThanOrEqual(0.95);
    expect(r.reject).toBeGreaterThanOrEqual(0.9);
  });
});

/* ------------------------------------------------------------------ */
/* Our own small knowledge base (a family-support association)         */
/* ------------------------------------------------------------------ */

const KB: FaqEntry[] = [
  { id: "hours", questions: ["ما ساعات العمل في الجمعية؟"], answer: "من الأحد إلى الخميس، من 8 إلى 3." },
  { id: "location", questions: ["أين يقع مقر الجمعية؟"], answer: "حي العزيزية بجوار المستشفى العام." },
  { id: "register", questions: ["كيف أسجل أسرتي كمستفيدين؟"], answer: "اختر التسجيل من القائمة." },
  { id: "papers", questions: ["ما الوثائق المطلوبة عند التسجيل؟"], answer: "الهوية الوطنية وسجل الأسرة وعقد السكن." },
  { id: "follow_up", questions: ["كيف أتابع حالة طلبي؟"], answer: "أرسل رقم الطلب من خيار المتابعة." },
  { id: "home_repair", questions: ["هل تقدمون ترميم المنازل للأسر؟"], answer: "نعم بعد زيارة الباحثة الاجتماعية." },
  { id: "food", questions: ["هل توزعون سلالاً غذائية؟", "متى توزيع السلال الغذائية؟"], answer: "شهرياً للأسر المسجلة." },
  { id: "donate", questions: ["كيف أتبرع للجمعية؟"], answer: "عبر المتجر الإلكتروني أو الحساب البنكي." },
  { id: "zakat", questions: ["هل تستقبلون الزكاة؟"], answer: "نعم، وتصرف في مصارفها الشرعية." },
  { id: "volunteer", questions: ["كيف أتطوع معكم؟"], answer: "سجل في منصة العمل التطوعي." },
  { id: "complain", questions: ["أين أقدم شكوى على الخدمة؟"], answer: "اكتب شكواك هنا." },
  { id: "privacy", questions: ["هل بياناتي الشخصية محمية؟"], answer: "نعم، ولا نشاركها مع أحد." },
  { id: "school_bag", questions: ["هل توفرون الحقيبة المدرسية للطلاب؟"], answer: "قبل بداية العام الدراسي." },
  { id: "coupon", questions: ["هل تصرفون بطاقات الكسوة؟"], answer: "تصرف قبل العيد للأسر المسجلة." },
];

const EN_KB: FaqEntry[] = [
  { id: "hours", questions: ["What are your opening hours?"] },
  { id: "location", questions: ["Where is your office?", "What is your address?"] },
  { id: "register", questions: ["How do I register my family?"] },
  { id: "papers", questions: ["Which documents are required?"] },
  { id: "donate", questions: ["How can I donate?"] },
  { id: "volunteer", questions: ["How can I volunteer with you?"] },
];

const matcher = createFaqMatcher(KB);
const best = (q: string, m = matcher) => m.match(q).accepted?.id ?? null;

describe("normalisation", () => {
  it("folds hamza forms, alef maqsura, taa marbuta, diacritics, tatweel, digits, punctuation", () => {
    expect(matchForm("أمل إيمان آمن ٱسم")).toBe("امل ايمان امن اسم");
    expect(matchForm("مستشفى")).toBe("مستشفي");
    expect(matchForm("الجمعية")).toBe("الجمعيه");
    expect(matchForm("مُسْتَنَدَاتٌ")).toBe("مستندات");
    expect(matchForm("الـمـسـتـنـدات")).toBe("المستندات");
    expect(matchForm("طلب رقم ٤٥٦٧ و۱۲")).toBe("طلب رقم 4567 و 12");
    expect(matchForm("الأوراق؟! (المطلوبة)")).toBe("الاوراق المطلوبه");
    expect(matchForm("Hello, World!")).toBe("hello world");
  });

  it("folds runs of three or more repeated letters, keeping real doubles", () => {
    expect(matchForm("مرحبااااا")).toBe("مرحبا");
    expect(matchForm("ممكن")).toBe("ممكن");
    expect(foldRepeats("hellooooo")).toBe("hello");
    expect(foldRepeats("good")).toBe("good");
    expect(foldRepeats("هلاا", 2)).toBe("هلا");
  });

  it("tokenises Arabic, English and Urdu", () => {
    expect(tokenize("وش  الأوراق،المطلوبة؟")).toEqual(["وش", "الاوراق", "المطلوبه"]);
    expect(tokenize("What's the address?")).toEqual(["what", "the", "address"]);
    expect(tokenize("درخواست کیسے دیں؟")).toEqual(["درخواست", "كيسي", "ديں"]);
    // Noon ghunna is kept: Urdu «میں» ("I", "in") must not read as the Gulf «مين» ("who").
    expect(tokenize("میں")).not.toEqual(tokenize("مين"));
  });

  it("computes a bounded edit distance", () => {
    expect(editDistance("مستندات", "مستدنات")).toBe(1); // swapped letters
    expect(editDistance("volunteer", "volunter")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2); // gives up above the bound
  });
});

describe("light stemming", () => {
  it("strips Arabic articles and suffixes with length guards", () => {
    expect(stemArabic("المستحقين")).toBe("مستحق");
    expect(stemArabic("بياناتي")).toBe("بيان");
    expect(stemArabic("البيانات")).toBe("بيان");
    expect(stemArabic("حالتي")).toBe(stemArabic("الحاله"));
    expect(stemArabic("للمساجد")).toBe("مساجد");
    expect(stemArabic("بيتي")).toBe("بيت"); // not "بي"
    expect(stemArabic("وقت")).toBe("وقت");
    expect(stemArabic("متطوعا")).toBe("متطوع");
  });

  it("offers verb forms for the lexicon", () => {
    expect(lookupForms("تداومون")).toContain("داوم");
    expect(lookupForms("واتبرع")).toContain("اتبرع");
    expect(lookupForms("استحق")).toContain("يستحق");
  });

  it("stems English plurals, -ing and -ed", () => {
    expect(stemEnglish("documents")).toBe("document");
    expect(stemEnglish("opening")).toBe(stemEnglish("opens"));
    expect(stemEnglish("registered")).toBe(stemEnglish("register"));
    expect(stemEnglish("families")).toBe("family");
  });
});

describe("matching Saudi everyday Arabic", () => {
  it("matches the question as written and in other spellings", () => {
    expect(best("ما الوثائق المطلوبة عند التسجيل؟")).toBe("papers");
    expect(best("الوثايق المطلوبه")).toBe("papers");
    expect(best("الوَثَائِقُ الـمـطـلـوبـة")).toBe("papers");
    expect(best("الوثاااائق المطلوبة")).toBe("papers");
  });

  it("understands dialect words", () => {
    expect(best("وش الاوراق اللي لازم اجيبها")).toBe("papers");
    expect(best("وين مكانكم")).toBe("location");
    expect(best("ارسلوا لي اللوكيشن")).toBe("location");
    expect(best("متى تفتحون؟")).toBe("hours");
    expect(best("الدوام للساعه كم")).toBe("hours");
    expect(best("ابغى اسجل عايلتي")).toBe("register");
    expect(best("ودي اتبرع لكم")).toBe("donate");
    expect(best("ابي اطلع زكاتي")).toBe("zakat");
    expect(best("طلبي وين وصل")).toBe("follow_up");
    expect(best("بيتي يبيله صيانة")).toBe("home_repair");
    expect(best("عندكم سلة اكل؟")).toBe("food");
    expect(best("شنطة المدرسة للعيال")).toBe("school_bag");
  });

  it("tolerates a typo in a longer word", () => {
    const m = createFaqMatcher([
      { id: "warehouse", questions: ["أين مستودعات الجمعية؟"] },
      { id: "other", questions: ["كيف أتطوع؟"] },
    ]);
    expect(best("المستدوعات وين", m)).toBe("warehouse");
    const en = createFaqMatcher(EN_KB);
    expect(best("how can i volunter", en)).toBe("volunteer");
  });

  it("answers the question after a greeting", () => {
    expect(best("السلام عليكم ورحمة الله، وين مقركم؟")).toBe("location");
    expect(best("مرحبا ودي اصير متطوع معكم")).toBe("volunteer");
  });

  it("uses the association's own synonym groups", () => {
    const q = "ابي كوبون الملابس";
    expect(best(q)).toBeNull();
    const withSynonyms = createFaqMatcher(KB, { synonyms: [["بطاقات الكسوة", "كوبون الملابس", "قسيمة الملابس"]] });
    expect(best(q, withSynonyms)).toBe("coupon");
    expect(best("قسيمة ملابس", withSynonyms)).toBe("coupon");
    // a group can join words the built-in lexicon already knows
    const joined = createFaqMatcher(KB, { synonyms: [["ترميم", "بناء"]] });
    expect(best("تساعدون في بناء البيوت؟", joined)).toBe("home_repair");
  });

  it("matches English questions against English entries", () => {
    const en = createFaqMatcher(EN_KB);
    expect(best("when are you open?", en)).toBe("hours");
    expect(best("whats your location", en)).toBe("location");
    expect(best("papers needed", en)).toBe("papers");
    expect(best("I'd like to make a donation", en)).toBe("donate");
    expect(best("sign up my family", en)).toBe("register");
    expect(best("what's the weather today", en)).toBeNull();
    expect(best("thank you!", en)).toBeNull();
  });

  it("matches Urdu words", () => {
    const ur = createFaqMatcher([
      { id: "apply", questions: ["درخواست کیسے دیں؟"] },
      { id: "hours", questions: ["دفتر کے اوقات کیا ہیں؟"] },
      { id: "tanker", questions: ["پانی کا ٹینکر کیسے منگوائیں؟"] },
    ]);
    expect(best("مجھے پانی کا ٹینکر چاہیے", ur)).toBe("tanker");
    expect(best("اوقات کیا ہیں", ur)).toBe("hours");
    expect(best("شکریہ", ur)).toBeNull();
  });
});

describe("rejection and suggestions", () => {
  it("rejects small talk and unrelated messages", () => {
    for (const q of ["السلام عليكم", "هلا والله", "صباح الخير", "الله يعطيكم العافية", "شكراً جزيلاً", "كيف الحال", "اوكي", "👍", "...", "", "hi"]) {
      expect(matcher.match(q), q).toEqual({ accepted: null, candidates: [] });
    }
    for (const q of ["وش افضل كوفي بجدة", "كم درجة الحرارة بكرة", "متى مباراة المنتخب", "ابي احجز طيران", "zzzz", "وش تسوي"]) {
      expect(matcher.match(q).accepted, q).toBeNull();
    }
  });

  it("does not answer a place name typed alone (a city, not a question), but still a question naming it", () => {
    const maa = faqLookup(loadProfile("maa"));
    const sumou = faqLookup(loadProfile("sumou"));
    // Both used to be answered: «الرياض» as who qualifies, «المدينة» as the online programs.
    for (const [lookup, q] of [[maa, "الرياض"], [maa, "السلام عليكم الرياض"], [maa, "الرياض."], [sumou, "المدينة"], [sumou, "المدينه المنوره"], [maa, "Riyadh"]] as const) {
      expect(lookup(q, "ar").accepted, q).toBeNull();
    }
    expect(maa("الرياض", "ar").candidates.length).toBeGreaterThan(0); // a "did you mean" is still offered
    expect(maa("الدوام", "ar").accepted?.id).toBe("working_hours"); // one word that is a topic is answered
    expect(maa("وين موقعكم في الرياض؟", "ar").accepted?.id).toBe("location");
  });

  it("returns close candidates for the caller's 'did you mean'", () => {
    // Joining "you" is applying as a family or volunteering: both are offered, neither is answered.
    const r = matcher.match("ابي انضم لكم", 3);
    expect(r.accepted).toBeNull();
    expect(r.candidates.map((c) => c.id).slice(0, 2).sort()).toEqual(["register", "volunteer"]);
    for (const c of r.candidates) expect(c.score).toBeGreaterThanOrEqual(DEFAULT_SUGGEST_THRESHOLD);
    // A problem with someone leads to the complaint first.
    expect(matcher.match("عندي مشكلة مع المندوب", 3).candidates[0]?.id).toBe("complain");
  });

  it("asks about a complaint that is about a decision, and answers a plain complaint or appeal", () => {
    const m = createFaqMatcher([
      { id: "complain", questions: ["كيف أقدم شكوى؟", "عندي شكوى على موظف"] },
      { id: "appeal", questions: ["كيف أعترض على رفض طلبي؟", "ممكن تعيدون النظر في القرار؟"] },
      { id: "hours", questions: ["متى دوامكم؟"] },
    ]);
    const asked = m.match("عندي شكوى على قرار اللجنة");
    expect(asked.accepted).toBeNull();
    expect(asked.candidates.map((c) => c.id).sort()).toEqual(["appeal", "complain"]);
    expect(best("الموظف كان اسلوبه سيء ابي اشتكي", m)).toBe("complain");
    expect(best("انرفض طلبي ابي اعترض", m)).toBe("appeal");
  });

  it("reads negation: «ما انقبلت» is a rejection, «ما اقدر اجي» asks for a way without coming", () => {
    const m = createFaqMatcher([
      { id: "accepted", questions: ["متى اعرف اني انقبلت؟"] },
      { id: "rejected", questions: ["انرفض طلبي وش اسوي؟"] },
      { id: "remote", questions: ["هل اقدر اكمل الطلب عن بعد؟"] },
      { id: "location", questions: ["وين مقركم؟"] },
    ]);
    expect(best("ما انقبلت ليش", m)).toBe("rejected");
    expect(best("ما اقدر اجيكم", m)).toBe("remote");
  });

  it("gives candidates best first, at most k, scores in 0..1, with the question as written", () => {
    const r = matcher.match("متى توزعون السلال؟", 2);
    expect(r.accepted?.id).toBe("food");
    expect(r.accepted?.question).toBe("متى توزيع السلال الغذائية؟");
    expect(r.candidates.length).toBeLessThanOrEqual(2);
    expect(r.candidates[0]).toEqual(r.accepted);
    for (let i = 1; i < r.candidates.length; i++) expect(r.candidates[i]!.score).toBeLessThanOrEqual(r.candidates[i - 1]!.score);
    for (const c of r.candidates) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  });

  it("exposes and honours its thresholds", () => {
    expect(matcher.threshold).toBe(DEFAULT_THRESHOLD);
    expect(matcher.suggestThreshold).toBe(DEFAULT_SUGGEST_THRESHOLD);
    const strict = createFaqMatcher(KB, { threshold: 0.99, suggestThreshold: 0.2 });
    const r = strict.match("وين مكانكم");
    expect(r.accepted).toBeNull();
    expect(r.candidates[0]?.id).toBe("location");
  });

  it("works with an empty knowledge base", () => {
    expect(createFaqMatcher([]).match("وين مكانكم")).toEqual({ accepted: null, candidates: [] });
  });
});

describe("a 500-entry knowledge base", () => {
  it("builds and answers", () => {
    const topics = ["الكهرباء", "المياه", "الإيجار", "العلاج", "الدراسة", "الأيتام", "الأرامل", "كبار السن", "السلال", "الكسوة"];
    const actions = ["كيف أقدم على", "ما شروط", "متى يبدأ", "هل تدعمون", "كم مدة"];
    const entries: FaqEntry[] = [];
    for (let i = 0; i < 500; i++) {
      entries.push({
        id: `e${i}`,
        questions: [`${actions[i % actions.length]} ${topics[Math.floor(i / actions.length) % topics.length]} رقم ${i}؟`, `سؤال عن برنامج ${i} في المنطقة ${i % 7}`],
      });
    }
    entries.push({ id: "tanker", questions: ["هل توصلون صهريج ماء للمنازل؟"] });
    const big = createFaqMatcher(entries);
    expect(big.match("ودي توصلون لنا وايت للبيت").accepted?.id).toBe("tanker");
    const r = big.match("برنامج 123");
    expect(r.candidates.length).toBeLessThanOrEqual(3);
    expect(big.match("مرحبا").candidates).toEqual([]);
  });
});

/* ------------------------------------------------------------------ */
/* The evaluation helpers                                              */
/* ------------------------------------------------------------------ */

describe("evaluateFaq", () => {
  const fake = (answers: Record<string, { accepted: string | null; candidates: string[] }>) => ({
    match: (q: string) => {
      const a = answers[q] ?? { accepted: null, candidates: [] };
      const candidates = a.candidates.map((id, i) => ({ id, score: 0.9 - i * 0.1, question: id }));
      return { accepted: a.accepted ? (candidates.find((c) => c.id === a.accepted) ?? null) : null, candidates };
    },
  });

  it("follows the README's definitions", () => {
    const cases: EvalCase[] = [
      { q: "a", expect: "x" }, // top1 and top3
      { q: "b", expect: "x" }, // best but not accepted: top3 only
      { q: "c", expect: "x" }, // third: top3 only
      { q: "d", expect: "x" }, // fourth: neither
      { q: "e", expect: null }, // rejected
      { q: "f", expect: null }, // wrongly accepted
    ];
    const r = evaluateFaq(
      fake({
        a: { accepted: "x", candidates: ["x", "y"] },
        b: { accepted: null, candidates: ["x"] },
        c: { accepted: "y", candidates: ["y", "z", "x"] },
        d: { accepted: "y", candidates: ["y", "z", "w", "x"] },
        f: { accepted: "y", candidates: ["y"] },
      }),
      cases,
    );
    expect(r.top1).toBe(0.25);
    expect(r.top3).toBe(0.75);
    expect(r.reject).toBe(0.5);
    expect(r.cases).toBe(6);
    expect(formatEvalLine(r)).toBe("faq-eval: top1=0.250 top3=0.750 reject=0.500 cases=6");
  });

  it("parses files and reports bad ones", () => {
    expect(parseKb('[{"id":"a","questions":["q"],"answer":"x"}]')).toEqual([{ id: "a", questions: ["q"], answer: "x" }]);
    expect(() => parseKb("{")).toThrow(/not valid JSON/);
    expect(() => parseKb('{"id":"a"}')).toThrow(/array/);
    expect(() => parseKb('[{"id":"a","questions":[]}]')).toThrow(/questions/);
    expect(parseCases('{"q":"x","expect":null}\n\n{"q":"y","expect":"a"}\n')).toEqual([
      { q: "x", expect: null },
      { q: "y", expect: "a" },
    ]);
    expect(() => parseCases('{"q":"x"}')).toThrow(/line 1/);
    expect(() => parseCases("")).toThrow(/no cases/);
  });
});
