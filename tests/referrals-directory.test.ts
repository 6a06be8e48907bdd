/**
 * The referral directory in the profiles (issue 19): no placeholder number in
 * any shipped profile, and start-up refuses one anywhere (naming the file and
 * the field), as it refuses a malformed number or a half-verified contact;
 * every contact a beneficiary may be given has the day it was checked and its
 * source.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../db/kinds";
import { listProfiles, loadProfile, parseProfile, PROFILES_DIR } from "../orgs/load";
import { isDialable, isVerified, placeholderNumbers } from "../orgs/referrals";

const raw = (slug: string): string => fs.readFileSync(path.join(PROFILES_DIR, `${slug}.json`), "utf8");
const maa = (): any => JSON.parse(raw("maa"));

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a ConfigError");
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sila-directory-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("placeholder numbers", () => {
  it("are recognised in any writing: +966500000000, 0500000000, 05 0000 0012, Arabic-Indic digits", () => {
    expect(placeholderNumbers("+966500000000")).toHaveLength(1);
    expect(placeholderNumbers("اتصل على 0500000000 للموقع")).toHaveLength(1);
    expect(placeholderNumbers("call 05 0000 0012 now")).toHaveLength(1);
    expect(placeholderNumbers("٠٥٠٠٠٠٠٠٠٠")).toHaveLength(1);
    expect(placeholderNumbers("00966500000099")).toHaveLength(1);
    // Real numbers, national lines and a format hint are not placeholders.
    expect(placeholderNumbers("0557315553, 937, 19911, 116111, 920033360, 8004411110, 05xxxxxxxx, 2026-12-06")).toEqual([]);
  });

  it("remain in no shipped profile, anywhere in the file", () => {
    expect(listProfiles()).toHaveLength(5);
    for (const slug of listProfiles()) expect(placeholderNumbers(raw(slug)), slug).toEqual([]);
  });

  it("stop start-up, naming the file and the field: a referral contact, the association's own phone, an FAQ answer", () => {
    const withContact = maa();
    withContact.referrals.partners[0].contacts = [{ type: "phone", value: "+966500000000", checked: "2026-12-01", source: "guess" }];
    expect(errorOf(() => parseProfile(withContact, "orgs/maa.json"))).toContain(
      'orgs/maa.json: referrals.partners[0].contacts[0].value: "+966500000000" is a placeholder number',
    );

    const withPhone = maa();
    withPhone.contact.phone = "+966500000000";
    expect(errorOf(() => parseProfile(withPhone, "orgs/maa.json"))).toContain("contact.phone:");

    const withAnswer = maa();
    withAnswer.faqs[0].answer.ar = "اتصل على 0500000000";
    expect(errorOf(() => parseProfile(withAnswer, "orgs/maa.json"))).toContain("faqs[0].answer.ar:");

    // Through the loader, as at start-up: the file is named.
    fs.writeFileSync(path.join(tmp, "maa.json"), JSON.stringify(withContact));
    expect(errorOf(() => loadProfile("maa", { dir: tmp }))).toMatch(/maa\.json: referrals\.partners\[0\]\.contacts\[0\]\.value/);
  });
});

describe("the directory's own checks", () => {
  it("a malformed number, a contact checked without a source, an unknown topic", () => {
    const malformed = maa();
    malformed.referrals.partners[1].contacts[0].value = "93-7";
    expect(errorOf(() => parseProfile(malformed, "orgs/maa.json"))).toContain("referrals.partners[1].contacts[0].value: not a phone number");

    const half = maa();
    delete half.referrals.partners[1].contacts[0].source;
    expect(errorOf(() => parseProfile(half, "orgs/maa.json"))).toContain("referrals.partners[1].contacts[0].source: a contact is verified with both");

    const topic = maa();
    topic.referrals.partners[0].topics = ["space_travel"];
    expect(errorOf(() => parseProfile(topic, "orgs/maa.json"))).toContain('referrals.partners[0].topics[0]: no referral topic with id "space_travel"');

    const minor = maa();
    minor.programs[0].minorReferral = "space_travel";
    expect(errorOf(() => parseProfile(minor, "orgs/maa.json"))).toContain('programs[0].minorReferral: no referral topic with id "space_travel"');
  });

  it("dials what a beneficiary can dial", () => {
    for (const ok of ["937", "1919", "19911", "116111", "8004411110", "920033360", "+966557315553", "+966114567890", "+447700900123"]) expect(isDialable(ok), ok).toBe(true);
    for (const bad of ["93", "+9665", "+96655731555", "0557315553", "937 ", "tel:937"]) expect(isDialable(bad), bad).toBe(false);
  });
});

describe("the shipped directories", () => {
  it("give a beneficiary only contacts checked on a day, from a named source; the rest go to staff", () => {
    const shown: string[] = [];
    for (const slug of listProfiles()) {
      const p = loadProfile(slug);
      for (const partner of p.referrals.partners) {
        for (const c of partner.contacts) {
          expect(isVerified(c), `${slug}/${partner.id}`).toBe(true);
          expect(c.checked! <= "2026-12-06", `${slug}/${partner.id}`).toBe(true);
          expect(c.source!.length, `${slug}/${partner.id}`).toBeGreaterThan(40);
          if (c.type === "phone") shown.push(c.value);
        }
      }
    }
    // Only public national lines, each with its source (orgs/emergency.ts for 937, 1919, 116111, 997).
    expect([...new Set(shown)].sort()).toEqual(["116111", "1919", "19911", "937", "992", "997"]);
    // The eight placeholder partners of issue 19 are now staff-handled (no contact at all).
    const staffHandled = listProfiles().flatMap((slug) => loadProfile(slug).referrals.partners.filter((x) => x.contacts.length === 0).map((x) => `${slug}/${x.id}`));
    for (const id of ["maa/birr_riyadh_alkhabra", "maa/housing_qassim", "sumou/family_development", "jaliyat_badr/birr_badr", "banan/disabled_children", "banan/harakiya", "hayat/saudi_cancer_society", "hayat/birr_arar"]) {
      expect(staffHandled).toContain(id);
    }
  });
});
