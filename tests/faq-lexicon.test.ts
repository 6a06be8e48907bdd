/**
 * The FAQ lexicon as data: a word written the same way in two locales (after
 * the matcher folds Urdu letters onto Arabic ones) must not stand for two
 * different concepts, or the first listing silently wins for both (Urdu «اہل»,
 * eligible, took every Arabic «اهل», family).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LEXICONS } from "../flows/faq/lexicon";
import { explainAnalysis } from "../flows/faq/matcher";
import { tokenize } from "../flows/faq/normalize";
import { loadProfile } from "../orgs/load";
import { faqLookup } from "../bot/app";

describe("FAQ lexicon", () => {
  it("gives a word one concept across locales", () => {
    const meanings = new Map<string, Set<string>>();
    for (const [locale, lex] of LEXICONS) {
      for (const [id, words] of Object.entries(lex.concepts)) {
        for (const w of words) {
          const key = tokenize(w).join(" ");
          if (key === "") continue;
          if (!meanings.has(key)) meanings.set(key, new Set());
          meanings.get(key)!.add(`${locale}:${id}`);
        }
      }
    }
    const clashes = [...meanings]
      .filter(([, s]) => new Set([...s].map((x) => x.split(":")[1])).size > 1 && new Set([...s].map((x) => x.split(":")[0])).size > 1)
      .map(([k, s]) => `${k}: ${[...s].join(", ")}`);
    // "timing" is the time of day in English and the office hours in Roman Urdu: close enough.
    expect(clashes.filter((c) => !c.startsWith("timing:"))).toEqual([]);
  });

  it("lists each concept once per locale file (a second listing would silently replace the first)", () => {
    const dir = fileURLToPath(new URL("../flows/faq/lexicon/", import.meta.url));
    for (const file of ["ar.ts", "en.ts", "ur.ts", "ur-latn.ts"]) {
      const keys = [...readFileSync(path.join(dir, file), "utf8").matchAll(/^ {4}([a-z_]+):/gm)].map((m) => m[1]!);
      const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
      expect(twice, file).toEqual([]);
      expect(keys.length, file).toBeGreaterThan(10);
    }
  });
});

/*
 * Urdu as workers write it: a story carried by conjunctions and auxiliaries («کہ», «لیکن», «تاکہ»,
 * «جاتا ہے»), words that are also Arabic («بات» a matter, not talking; «پتا نہیں» "I don't know",
 * not an address), and loanwords for following a request up («پینڈنگ», «چیک»).
 */
describe("FAQ lexicon: Urdu", () => {
  const lookup = faqLookup(loadProfile("jaliyat_badr"));
  const answer = (q: string) => lookup(q, "ur").accepted?.id ?? null;

  it("never makes an Arabic or English topic word a function word through an Urdu one", () => {
    const topics = new Map<string, string>();
    for (const [locale, lex] of LEXICONS) {
      if (locale !== "ar" && locale !== "en") continue;
      for (const [id, words] of Object.entries(lex.concepts)) for (const w of words) topics.set(tokenize(w).join(" "), `${locale}:${id}`);
    }
    const hidden: string[] = [];
    for (const [locale, lex] of LEXICONS) {
      if (!locale.startsWith("ur")) continue;
      for (const w of [...lex.stopwords, ...lex.light]) {
        const topic = topics.get(tokenize(w).join(" "));
        if (topic) hidden.push(`${locale} «${w}» hides ${topic}`);
      }
    }
    expect(hidden).toEqual([]);
  });

  it("reads a story's conjunctions and auxiliaries as function words", () => {
    expect(answer("میرے کفیل نے کہا تھا کہ وہاں کلاسیں مفت ہیں مگر میرے دوست کہتے ہیں کہ کتابوں کے لیے پیسے دینے پڑتے ہیں، اصل بات کیا ہے")).toBe("cost");
    expect(answer("مجھے پتا نہیں کہ آپ کا دفتر کہاں ہے")).toBe("location");
  });

  it("reads «بات» as a matter when it is one, and as talking otherwise", () => {
    expect(answer("ایک بات پوچھنی تھی، کلاس کس ٹائم ہوتی ہے")).toBe("courses_info");
    expect(answer("مجھے کسی بندے سے بات کرنی ہے")).toBe("talk_to_staff");
  });

  it("knows the loanwords for following a request up, in Urdu script and Roman Urdu", () => {
    expect(answer("میں نے دو ہفتے پہلے نام لکھوایا تھا، ابھی تک پینڈنگ دکھا رہا ہے، میں خود کیسے چیک کروں")).toBe("application_status");
    expect(answer("form bhara tha abhi tak pending hai kaise check karun")).toBe("application_status");
  });

  it("reads «دین کی», «دین کے» as the faith, not the Arabic «دين» (a debt)", () => {
    const concepts = (q: string) => explainAnalysis(q).map((t) => t.feats[0]![0]);
    expect(concepts("دین کی باتیں سیکھنی ہیں")).toContain("c:religion");
    expect(concepts("دین کی باتیں سیکھنی ہیں")).not.toContain("c:bill");
  });

  it("knows the Roman Urdu for a permit («tasreeh»)", () => {
    expect(answer("dars mein shamil hone ke liye tasreeh kahan se milegi")).toBe("permit_requests");
  });

  it("reads who else is shown one's details as privacy", () => {
    expect(answer("میرا اقامہ نمبر آپ کس کس کو دکھاتے ہیں")).toBe("privacy");
  });

  it("reads rude conduct, and a person's rude conduct, as a complaint", () => {
    expect(answer("وہاں کے ایک صاحب کا رویہ بہت برا تھا، اب کیا کروں")).toBe("complaints");
    expect(answer("دفتر میں ایک بندے نے میرے ساتھ بدتمیزی کی")).toBe("complaints");
  });
});
