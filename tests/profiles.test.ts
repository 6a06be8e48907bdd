import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../bot/errors";
import { PROFILES_DIR, formatPath, listProfiles, loadProfile, localize, localizeList, parseProfile } from "../orgs/load";
import { CORE_FIELD_IDS } from "../orgs/schema";
import type { Profile } from "../orgs/schema";

const ORGS_DIR = fileURLToPath(new URL("../orgs/", import.meta.url));
const EXPECTED = ["banan", "hayat", "jaliyat_badr", "maa", "sumou"];
/** Which seed policy each shipped profile comes from (file name prefix). */
const SEED_PREFIX: Record<string, string> = { sumou: "000_", maa: "001_", jaliyat_badr: "002_", banan: "003_", hayat: "004_" };

function rawJson(slug: string): unknown {
  return JSON.parse(readFileSync(path.join(ORGS_DIR, `${slug}.json`), "utf8"));
}

/** Every object under `value` that looks like a localized text or list (has `ar` and `en`), with its path. */
function localizedObjects(value: unknown, at: PropertyKey[] = []): Array<{ path: string; obj: Record<string, unknown> }> {
  const out: Array<{ path: string; obj: Record<string, unknown> }> = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...localizedObjects(v, [...at, i])));
  } else if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if ("ar" in obj && "en" in obj) out.push({ path: formatPath(at), obj });
    for (const [k, v] of Object.entries(obj)) out.push(...localizedObjects(v, [...at, k]));
  }
  return out;
}

/** A deep copy of maa.json to break in tests. */
function maaCopy(): any {
  return structuredClone(rawJson("maa"));
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error("expected a ConfigError, nothing was thrown");
}

describe("shipped profiles", () => {
  it("the default folder is orgs/ and holds the five profiles", () => {
    expect(path.resolve(PROFILES_DIR)).toBe(path.resolve(ORGS_DIR));
    expect(listProfiles()).toEqual(expect.arrayContaining(EXPECTED));
  });

  const profiles = new Map<string, Profile>();
  for (const slug of listProfiles(ORGS_DIR)) {
    describe(slug, () => {
      it("loads and validates, and its slug equals the file name", () => {
        const p = loadProfile(slug);
        expect(p.slug).toBe(slug);
        profiles.set(slug, p);
      });

      const p = (): Profile => profiles.get(slug) ?? loadProfile(slug);

      it("names its seed policy", () => {
        const prefix = SEED_PREFIX[slug];
        if (prefix) expect(p().policySource).toMatch(new RegExp(`^${prefix}[0-9a-f]+\\.txt$`));
      });

      it("has at least 15 FAQs, each with ar and en questions and answers", () => {
        const faqs = p().faqs;
        expect(faqs.length).toBeGreaterThanOrEqual(15);
        for (const f of faqs) {
          expect(f.questions.ar.length, `${f.id} ar variants`).toBeGreaterThanOrEqual(2);
          expect(f.questions.ar.length, `${f.id} ar variants`).toBeLessThanOrEqual(4);
          expect(f.questions.en.length, `${f.id} en variants`).toBeGreaterThanOrEqual(1);
          expect(f.questions.en.length, `${f.id} en variants`).toBeLessThanOrEqual(3);
          expect(f.answer.ar.trim(), f.id).not.toBe("");
          expect(f.answer.en.trim(), f.id).not.toBe("");
        }
      });

      it("covers the questions every association gets", () => {
        const ids = p().faqs.map((f) => f.id);
        for (const id of [
          "how_to_apply",
          "decision_time",
          "application_status",
          "rejected_reconsideration",
          "complaints",
          "service_evaluation",
          "privacy",
          "contact_channels",
          "talk_to_staff",
          "working_hours",
          "location",
          "volunteering",
          "donating",
          "out_of_scope",
        ]) {
          expect(ids, id).toContain(id);
        }
      });

      it("promises a decision in no less than two weeks", () => {
        expect(p().committee.decisionPeriodDays).toBeGreaterThanOrEqual(14);
      });

      it("has 2 to 4 programs, each with terms, and no reserved field ids", () => {
        const programs = p().programs;
        expect(programs.length).toBeGreaterThanOrEqual(2);
        expect(programs.length).toBeLessThanOrEqual(4);
        for (const prog of programs) {
          expect(prog.terms.ar.trim(), prog.id).not.toBe("");
          expect(prog.terms.en.trim(), prog.id).not.toBe("");
          expect(prog.durationDays).toBeGreaterThan(0);
          for (const f of prog.fields) {
            expect(CORE_FIELD_IDS as readonly string[], `${prog.id}.${f.id}`).not.toContain(f.id);
          }
        }
      });

      it("marks health, disability and religious-conversion fields sensitive", () => {
        for (const prog of p().programs) {
          for (const f of prog.fields) {
            if (/disab|medical|diagnos|mammogram|symptom|family_history|conversion/.test(f.id)) {
              expect(f.sensitive, `${prog.id}.${f.id}`).toBe(true);
            }
          }
        }
      });

      it("escalates to a staff role it defines", () => {
        expect(p().staffRoles.map((r) => r.id)).toContain(p().escalationRole);
      });

      it("lists its contact channels and referrals", () => {
        expect(p().contact.channels.length).toBeGreaterThanOrEqual(5);
        expect(p().referrals.topics.length).toBeGreaterThanOrEqual(3);
        // A list of topics fits one WhatsApp list message (at most 10 rows).
        expect(p().referrals.topics.length).toBeLessThanOrEqual(10);
        for (const topic of p().referrals.topics) expect(p().referrals.partners.some((x) => x.topics.includes(topic.id)), topic.id).toBe(true);
      });

      it("has a privacy notice that names the 'my data' command and the PDPL", () => {
        const n = p().privacyNotice;
        expect(n.ar).toContain("بياناتي");
        expect(n.ar).toContain("نظام حماية البيانات الشخصية");
        expect(n.en).toContain("my data");
        expect(n.en).toContain("Personal Data Protection Law");
      });

      it("has a text in every locale it serves, everywhere", () => {
        const locales = p().locales;
        expect(locales[0]).toBe("ar");
        for (const { path: where, obj } of localizedObjects(rawJson(slug))) {
          for (const l of locales) expect(obj[l], `${where}.${l}`).toBeTruthy();
        }
      });
    });
  }

  it("jaliyat_badr serves Urdu and has ur for every text and list", () => {
    const p = loadProfile("jaliyat_badr");
    expect(p.locales).toEqual(["ar", "en", "ur"]);
    const found = localizedObjects(rawJson("jaliyat_badr"));
    expect(found.length).toBeGreaterThan(100);
    const missing = found.filter(({ obj }) => !("ur" in obj)).map(({ path: where }) => where);
    expect(missing).toEqual([]);
    for (const f of p.faqs) expect(f.questions.ur?.length, f.id).toBeGreaterThanOrEqual(1);
  });

  it("hayat keeps the contact details its policy gives", () => {
    const p = loadProfile("hayat");
    expect(p.contact.phone).toBe("+966557315553");
    expect(p.contact.email).toBe("hayat.bc.arar@gmail.com");
    expect(JSON.stringify(p.contact.channels)).toContain("hayat_6647");
    expect(p.referrals.partners.map((r) => r.name.ar)).toContain("الجمعية السعودية الخيرية لمكافحة السرطان");
  });
});

describe("loader errors", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "sila-orgs-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("names the file and the field path of a bad choice field", () => {
    const json = maaCopy();
    const fields: any[] = json.programs[0].fields;
    const i = fields.findIndex((f) => f.type === "choice");
    expect(i).toBeGreaterThanOrEqual(0);
    fields[i].options = fields[i].options.slice(0, 1);
    const err = errorOf(() => parseProfile(json, "orgs/maa.json"));
    expect(err.message).toBe(`orgs/maa.json: programs[0].fields[${i}].options: a choice field needs at least two options`);
  });

  it("lists every issue, joined with '; '", () => {
    const json = maaCopy();
    json.committee.decisionPeriodDays = 7;
    delete json.privacyNotice;
    json.faqs[2].questions.en = [];
    const err = errorOf(() => parseProfile(json, "orgs/maa.json"));
    expect(err.message.startsWith("orgs/maa.json: ")).toBe(true);
    expect(err.message).toContain("committee.decisionPeriodDays: ");
    expect(err.message).toContain("privacyNotice: required field is missing (expected object)");
    expect(err.message).toContain("faqs[2].questions.en: ");
    expect(err.message.split("; ").length).toBe(3);
    expect(err.message).not.toContain("\n");
  });

  it("reports an escalation role that is not a staff role", () => {
    const json = maaCopy();
    json.escalationRole = "nobody";
    const err = errorOf(() => parseProfile(json, "orgs/maa.json"));
    expect(err.message).toBe('orgs/maa.json: escalationRole: no staff role with id "nobody"');
  });

  it("reports a reserved field id", () => {
    const json = maaCopy();
    json.programs[1].fields[0].id = "national_id";
    const err = errorOf(() => parseProfile(json, "orgs/maa.json"));
    expect(err.message).toContain("orgs/maa.json: programs[1].fields[0].id: ");
  });

  it("reports a misspelt key instead of silently dropping it", () => {
    const json = maaCopy();
    json.programs[0].fields[0].sensitve = true;
    const err = errorOf(() => parseProfile(json, "orgs/maa.json"));
    expect(err.message).toBe("orgs/maa.json: programs[0].fields[0].sensitve: unknown field (check the spelling against orgs/README.md)");
  });

  it("ignores comment keys starting with _ or $", () => {
    const json = maaCopy();
    json._note = "an editor's note";
    json.$schema = "./schema.json";
    json.programs[0]._todo = "replace the example";
    expect(parseProfile(json, "orgs/maa.json").slug).toBe("maa");
  });

  it("names the available profiles for an unknown slug", () => {
    const err = errorOf(() => loadProfile("xyz"));
    expect(err.message).toMatch(/^ORG="xyz": no profile .*orgs\/xyz\.json \(available: /);
    for (const slug of EXPECTED) expect(err.message).toContain(slug);
    expect(err.message).toContain(EXPECTED.join(", "));
  });

  it("refuses a slug that is not a plain name", () => {
    for (const bad of ["../maa", "Maa", "", "maa.json"]) {
      const err = errorOf(() => loadProfile(bad));
      expect(err.message).toContain(`ORG="${bad}"`);
      expect(err.message).toContain("available: ");
    }
  });

  it("names the file for invalid JSON", () => {
    writeFileSync(path.join(tmp, "broken.json"), '{ "slug": "broken", }');
    const err = errorOf(() => loadProfile("broken", { dir: tmp }));
    expect(err.message).toMatch(/broken\.json: invalid JSON: /);
  });

  it("rejects a profile whose slug differs from its file name", () => {
    writeFileSync(path.join(tmp, "copy.json"), JSON.stringify(rawJson("maa")));
    const err = errorOf(() => loadProfile("copy", { dir: tmp }));
    expect(err.message).toMatch(/copy\.json: slug: "maa" does not match the file name \(expected "copy"\)$/);
  });

  it("loads from another folder and lists its profiles", () => {
    writeFileSync(path.join(tmp, "maa.json"), JSON.stringify(rawJson("maa")));
    expect(loadProfile("maa", { dir: tmp }).slug).toBe("maa");
    expect(listProfiles(tmp)).toEqual(["broken", "copy", "maa"]);
  });
});

describe("localize", () => {
  it("returns the locale's text and falls back to Arabic", () => {
    expect(localize({ ar: "مرحبا", en: "Hello", ur: "خوش آمدید" }, "ur")).toBe("خوش آمدید");
    expect(localize({ ar: "مرحبا", en: "Hello" }, "en")).toBe("Hello");
    expect(localize({ ar: "مرحبا", en: "Hello" }, "ur")).toBe("مرحبا");
    expect(localizeList({ ar: ["أ"], en: ["a"] }, "ur")).toEqual(["أ"]);
  });
});
