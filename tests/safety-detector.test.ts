/**
 * The safety detector on its case set (tests/safety/cases.jsonl), through the
 * same scoring as `npm run safety:eval`, and the parts it is made of.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { detectDanger } from "../flows/safety/detect";
import { formatSafetyLine, parseSafetyCases, scoreSafety } from "../flows/safety/evaluate";
import { oneSlip } from "../flows/safety/typos";
import { describesSymptoms } from "../flows/safety/symptoms";
import { runScript } from "./helpers";

const CASES = new URL("./safety/cases.jsonl", import.meta.url);
const load = (name: string) => parseSafetyCases(fs.readFileSync(new URL(`./safety/${name}`, import.meta.url), "utf8"));

describe("the other sets, through the same scoring", () => {
  it("set A (external-a.jsonl, written by someone who never saw the code): recall ≥ 0.95, false alarms ≤ 0.05", () => {
    const report = scoreSafety(load("external-a.jsonl"));
    expect(report.cases).toBe(150);
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.falseAlarm).toBeLessThanOrEqual(0.05);
  });

  // Rounds 5 to 21 were each written for kinds no earlier set had, scored once, then tuned by kind.
  it.each(["round5.jsonl", "round6.jsonl", "round7.jsonl", "round8.jsonl", "round9.jsonl", "round10.jsonl", "round11.jsonl", "round12.jsonl", "round13.jsonl", "round14.jsonl", "round15.jsonl", "round16.jsonl", "round17.jsonl", "round18.jsonl", "round19.jsonl", "round20.jsonl", "round21.jsonl"])("%s: every crisis raised, false alarms at most 0.05", (name) => {
    const cases = load(name);
    expect(cases.length).toBeGreaterThanOrEqual(50);
    const report = scoreSafety(cases);
    expect(report.misses.map((m) => m.text)).toEqual([]);
    expect(report.falseAlarm).toBeLessThanOrEqual(0.05);
  });

  it("round 5 has at least 80 cases in the three languages, crises and lookalikes", () => {
    const cases = load("round5.jsonl");
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const lang of ["ar", "en", "ur"] as const) {
      expect(cases.some((c) => c.lang === lang && c.crisis)).toBe(true);
      expect(cases.some((c) => c.lang === lang && !c.crisis)).toBe(true);
    }
  });
});

describe("the case set", () => {
  const cases = parseSafetyCases(fs.readFileSync(CASES, "utf8"));

  it("has at least 60 crisis and 60 lookalike cases in Arabic, English and Urdu", () => {
    expect(cases.filter((c) => c.crisis).length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => !c.crisis).length).toBeGreaterThanOrEqual(60);
    for (const lang of ["ar", "en", "ur"] as const) {
      expect(cases.filter((c) => c.lang === lang && c.crisis).length).toBeGreaterThanOrEqual(10);
      expect(cases.filter((c) => c.lang === lang && !c.crisis).length).toBeGreaterThanOrEqual(10);
    }
  });

  it("raises every crisis and no more than 5% false alarms", () => {
    const report = scoreSafety(cases);
    expect(report.misses.map((m) => m.text)).toEqual([]);
    expect(report.recall).toBe(1);
    expect(report.falseAlarm).toBeLessThanOrEqual(0.05);
  });

  it("npm run safety:eval prints the misses and, last, the scores", async () => {
    const tmp = fs.mkdtempSync("/tmp/safety-eval-");
    const file = `${tmp}/cases.jsonl`;
    fs.writeFileSync(
      file,
      [
        { text: "ابي اموت", crisis: true, lang: "ar" },
        { text: "متى يطلع الدعم", crisis: true, lang: "ar" },
        { text: "this form is killing me", crisis: false, lang: "en" },
        { text: "I want to kill myself", crisis: false, lang: "en" },
      ]
        .map((c) => JSON.stringify(c))
        .join("\n"),
    );
    const run = await runScript("safety-eval.ts", ["--cases", file], {});
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines.at(-1)).toBe("safety-eval: recall=0.500 false_alarm=0.500 cases=4");
    expect(run.stdout).toContain("MISS [ar] \"متى يطلع الدعم\"");
    expect(run.stdout).toContain("FALSE ALARM [en] \"I want to kill myself\"");
    const bad = await runScript("safety-eval.ts", ["--cases", `${tmp}/missing.jsonl`], {});
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("cannot read cases file");
  });

  it("formats the last line with three decimals", () => {
    expect(formatSafetyLine({ recall: 1, falseAlarm: 1 / 81, cases: 172, misses: [], falseAlarms: [] })).toBe(
      "safety-eval: recall=1.000 false_alarm=0.012 cases=172",
    );
  });

  it("names the line of a malformed case", () => {
    expect(() => parseSafetyCases('{"text":"a","crisis":true,"lang":"ar"}\n{"text":"b"}')).toThrow("line 2");
    expect(() => parseSafetyCases('{"text":"a","crisis":true,"lang":"fr"}')).toThrow("lang");
  });
});

describe("how the detector reads", () => {
  const kinds = (text: string) => detectDanger(text)?.kinds ?? [];

  it("a negation cancels a wish to die, but «ما ابي اعيش» and 'I don't want to live' are crises", () => {
    expect(kinds("ما ابي اموت")).toEqual([]);
    expect(kinds("مابي اموت")).toEqual([]);
    expect(kinds("I don't want to die")).toEqual([]);
    expect(kinds("میں مرنا نہیں چاہتا")).toEqual([]);
    expect(kinds("ما ابي اعيش")).toContain("self_harm");
    expect(kinds("I don't want to live anymore")).toContain("self_harm");
    expect(kinds("jeena nahi chahta")).toContain("self_harm");
    // A question is not a negation.
    expect(kinds("ليش ما اموت وارتاح")).toContain("self_harm");
  });

  it("talk of hurting oneself raises the alarm even when negated (a false alarm rather than a miss)", () => {
    expect(kinds("I'm not going to hurt myself")).toContain("self_harm");
    expect(kinds("ما راح اقتل نفسي")).toContain("self_harm");
  });

  it("a figure of speech is not a crisis", () => {
    for (const text of ["بموت من الضحك", "اموت فيك", "ابي اموت من الجوع", "I'm dying to know", "this form is killing me", "the heat is killing me"]) {
      expect([text, kinds(text)]).toEqual([text, []]);
    }
  });

  it("a clause about the service or money is a complaint, not distress", () => {
    expect(kinds("ما اقدر اتحمل تكاليف العلاج")).toEqual([]);
    expect(kinds("ما اقدر اتحمل")).toContain("distress");
    expect(kinds("I can't take the bus to your office")).toEqual([]);
    expect(kinds("I can't take it anymore")).toContain("distress");
  });

  it("reads light typos, stretched letters and tense prefixes", () => {
    expect(oneSlip("suicde", "suicide")).toBe(true);
    expect(oneSlip("husbnad", "husband")).toBe(true);
    expect(oneSlip("انتحرر", "انتحر")).toBe(true);
    // A letter dropped from an Arabic word, or a short word, is another word.
    expect(oneSlip("يضرني", "يضربني")).toBe(false);
    expect(oneSlip("نظيف", "نزيف")).toBe(false);
    expect(oneSlip("الدعم", "الدم")).toBe(false);
    expect(kinds("اموووووت ابي اموووت")).toContain("self_harm");
    expect(kinds("سأنهي حياتي")).toContain("self_harm");
    expect(kinds("نبي ماء نظيف")).toEqual([]);
  });

  it("a violence message about a child, or from someone under 18, is a child at risk", () => {
    expect(kinds("ابوي يضربني")).toEqual(["violence"]);
    expect(kinds("عمري 15 وابوي يضربني")).toEqual(["child", "violence"]);
    expect(kinds("my husband beats our son")).toContain("child");
  });

  it("answers in the language the danger was written in", () => {
    expect(detectDanger("ابي انتحر")?.lang).toBe("ar");
    expect(detectDanger("I want to die")?.lang).toBe("en");
    expect(detectDanger("میں خودکشی کرنا چاہتا ہوں")?.lang).toBe("ur");
    expect(detectDanger("main mar jana chahta hun")?.lang).toBe("ur");
  });
});

describe("symptoms", () => {
  it("a symptom someone has, not a general question about symptoms", () => {
    expect(describesSymptoms("لاحظت كتلة في صدري")).toBe(true);
    expect(describesSymptoms("I found a lump in my breast")).toBe(true);
    expect(describesSymptoms("mujhe baghal mein gilti mehsoos hui")).toBe(true);
    expect(describesSymptoms("ما هي أعراض سرطان الثدي؟")).toBe(false);
    expect(describesSymptoms("what are the symptoms of breast cancer?")).toBe(false);
    expect(describesSymptoms("ما عندي اي الم الحمدلله")).toBe(false);
  });
});
