/**
 * The FAQ matcher on our held-out split (tests/faq/README.md), through the
 * lookup the engine uses for each shipped profile (bot/app.ts faqLookup): the
 * fixed test part must keep its figures, off-topic chit-chat is rejected, and
 * confusable questions are asked about rather than answered.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { faqLookup } from "../bot/app";
import { evaluateProfiles, parseCases, parseConfusable, scoreConfusable, type CaseLookup, type EvalReport } from "../flows/faq/evaluate";
import { listProfiles, loadProfile } from "../orgs/load";
import type { Locale } from "../orgs/schema";

const read = (name: string) => readFileSync(new URL(`./faq/${name}`, import.meta.url), "utf8");

const lookups = new Map<string, CaseLookup>(
  listProfiles().map((slug) => {
    const lookup = faqLookup(loadProfile(slug));
    return [slug, (q: string, lang: string) => lookup(q, lang as Locale)];
  }),
);

/**
 * How many misses and where (by kind, profile and register), never the sentences: the test parts are
 * read only as totals, so that no one tunes on them, not even by reading a failure.
 */
const misses = (r: EvalReport): string => {
  const counts = new Map<string, number>();
  for (const m of r.misses) {
    const key = `${m.kind} ${m.org ?? "-"}/${m.register ?? "-"}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}: ${n}`).join("\n");
};

/**
 * The figures each test part must hold (`npm run faq:eval` prints them): the
 * first test part is held to the goals of issue 15 (top1 ≥ 0.95, top3 ≥ 0.99,
 * reject ≥ 0.95); the second, written later by another hand, a little below
 * where it stands (top1 0.943 today), so that only a real regression fails. A failure counts the misses by kind, profile
 * and register; the sentences are never printed.
 */
const PARTS = [
  {
    name: "test",
    questions: "heldout-test.jsonl",
    offTopic: "offtopic-test.jsonl",
    registers: ["en", "gulf", "msa", "short", "story", "ur"],
    size: { expected: 500, nulls: 250 },
    // The goals of issue 15 themselves (top1 ≥ 0.95, top3 ≥ 0.99, reject ≥ 0.95; today 0.956 / 0.993 / 0.976).
    floor: { top1: 0.95, top3: 0.99, reject: 0.97, profileTop1: 0.92, registerTop1: 0.94 },
  },
  {
    name: "test2",
    questions: "heldout-test2.jsonl",
    offTopic: "offtopic-test2.jsonl",
    registers: ["en", "gulf", "msa", "roman", "short", "story", "ur"],
    size: { expected: 300, nulls: 250 },
    // Roman Urdu is 12 questions there: one miss is 0.083; it is held by the whole part's figures.
    floor: { top1: 0.94, top3: 0.985, reject: 0.99, profileTop1: 0.835, registerTop1: 0.89 },
  },
];

for (const part of PARTS) {
  describe(`held-out ${part.name} part (never tuned on)`, () => {
    const onTopic = evaluateProfiles(lookups, parseCases(read(part.questions)));
    const offTopic = evaluateProfiles(lookups, parseCases(read(part.offTopic)));

    it("holds its size: every profile, every register", () => {
      expect([...onTopic.byOrg.keys()].sort()).toEqual(["banan", "hayat", "jaliyat_badr", "maa", "sumou"]);
      expect([...onTopic.byRegister.keys()].sort()).toEqual(part.registers);
      expect(onTopic.overall.expected).toBeGreaterThanOrEqual(part.size.expected);
      expect(offTopic.overall.nulls).toBeGreaterThanOrEqual(part.size.nulls);
    });

    it("finds the right answer first and among the three best", () => {
      expect(onTopic.overall.top1, misses(onTopic.overall)).toBeGreaterThanOrEqual(part.floor.top1);
      expect(onTopic.overall.top3, misses(onTopic.overall)).toBeGreaterThanOrEqual(part.floor.top3);
    });

    it("does so for every profile and every register (formal, dialect, keywords, stories, English, Urdu)", () => {
      for (const [org, r] of onTopic.byOrg) expect(r.top1, `${org}\n${misses(r)}`).toBeGreaterThanOrEqual(part.floor.profileTop1);
      for (const [register, r] of onTopic.byRegister) {
        if (register === "roman") continue;
        expect(r.top1, `${register}\n${misses(r)}`).toBeGreaterThanOrEqual(part.floor.registerTop1);
      }
    });

    it("rejects off-topic chit-chat", () => {
      expect(offTopic.overall.reject, misses(offTopic.overall)).toBeGreaterThanOrEqual(part.floor.reject);
    });
  });
}

describe("confusable questions", () => {
  const cases = parseConfusable(read("confusable.jsonl"));
  const r = scoreConfusable(cases, (c) => lookups.get(c.org)!(c.q, c.lang ?? "ar"));

  it("are mostly asked about (nothing accepted, both answers offered)", () => {
    const why = r.misses.map((m) => `${m.org}: ${m.q} → ${m.accepted ?? "asked"} [${m.candidates.join(" ")}]`).join("\n");
    expect(r.asked, why).toBeGreaterThanOrEqual(0.6);
  });

  it("asks for each kind of pair: apply vs volunteer, complaint vs appeal, contact vs staff, complaint vs suggestion", () => {
    const missed = new Set(r.misses.map((m) => m.q));
    const asked = (a: string, b: string) => cases.filter((c) => c.either.includes(a) && c.either.includes(b) && !missed.has(c.q)).length;
    expect(asked("how_to_apply", "volunteering")).toBeGreaterThanOrEqual(3);
    expect(asked("complaints", "rejected_reconsideration")).toBeGreaterThanOrEqual(1);
    expect(asked("contact_channels", "talk_to_staff")).toBeGreaterThanOrEqual(2);
    expect(asked("complaints", "service_evaluation")).toBeGreaterThanOrEqual(2);
  });
});
