/**
 * hayat (breast cancer care) speaks to women: Arabic texts addressed to the
 * beneficiary take their feminine forms through i18next's context, set from
 * the profile (`addressAs: "female"`). Every key a beneficiary can read is
 * checked, and whole conversations show it through the engine.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTranslator, DEFAULT_LOCALES_DIR } from "../bot/i18n";
import { loadProfile } from "../orgs/load";
import { createHarness, textOf, type Harness } from "./helpers";

/** The namespaces a beneficiary reads. */
const BENEFICIARY = [
  "common", "menu", "about", "apply", "validation", "faq", "referral", "status", "feedback", "handoff",
  "decision", "survey", "privacy", "broadcast", "whatsapp", "telegram", "fromstaff", "appeal", "calendar", "safety", "consent",
];

/**
 * Words that address a man and read differently for a woman (imperatives, the
 * second person, adjectives of the person): none may remain.
 */
const MASCULINE = [
  "اكتب", "أرسل", "اختر", "أجب", "تأكد", "أعد", "راجع", "اكتبه", "اكتبها", "أرسله", "أرسلها", "شارك", "أرفق", "اضغط", "تفضل",
  "أدخل", "انتظر", "اطلب", "تمهّل", "عدّل", "أكّد", "حاول", "تريد", "تريده", "توافق", "تحتاجه", "تحتاج", "تود", "تودّ", "تقصد",
  "ترغب", "تستطيع", "ترى", "تتلقاها", "تكتبه", "ترسله", "راضٍ", "متأكد", "جاهزاً", "جاهز", "مستعد", "تمرّ", "تؤذي", "اتصل",
  "توجّه", "ابتعد", "تثق",
];

/**
 * Texts in the beneficiary's own voice (buttons: "send it", "continue the application")
 * and texts for staff: they address the association, not the beneficiary.
 */
const NOT_ADDRESSED = new Set([
  "apply:termsAccept", "apply:cancelNo", "decision:infoSend", "appeal:send", "whatsapp:staffCommandFailed",
]);

const LETTERS = "\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670-\u06D3";
const masculine = new RegExp(`(?<![${LETTERS}])[وف]?(${MASCULINE.join("|")})(?![${LETTERS}])`, "u");

function leaves(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe("texts addressed to women (hayat)", () => {
  const profile = loadProfile("hayat");
  const female = createTranslator({ locales: profile.locales, addressAs: profile.addressAs });
  const male = createTranslator({ locales: profile.locales });

  it("hayat's profile addresses women", () => {
    expect(profile.addressAs).toBe("female");
    expect(loadProfile("maa").addressAs).toBe("male");
  });

  const keys = BENEFICIARY.flatMap((ns) => {
    const file = path.join(DEFAULT_LOCALES_DIR, "ar", `${ns}.json`);
    if (!fs.existsSync(file)) return [];
    return leaves(JSON.parse(fs.readFileSync(file, "utf8")))
      .filter((k) => !k.endsWith("_female"))
      .map((k) => `${ns}:${k}`);
  });

  it("covers every key a beneficiary reads", () => {
    expect(keys.length).toBeGreaterThan(300);
  });

  it("leaves no masculine address in any of them, and changes only those that have one", () => {
    const wrong: string[] = [];
    let changed = 0;
    for (const key of keys) {
      if (NOT_ADDRESSED.has(key)) continue;
      const text = female.t(key, "ar", { count: 2 });
      const m = masculine.exec(text);
      if (m) wrong.push(`${key}: «${m[0]}»`);
      if (text !== male.t(key, "ar", { count: 2 })) changed++;
    }
    expect(wrong).toEqual([]);
    expect(changed).toBeGreaterThan(100);
  });

  it("leaves English and staff texts as they are", () => {
    expect(female.t("menu:prompt", "en")).toBe(male.t("menu:prompt", "en"));
    expect(female.t("staffcmd:help", "ar")).toBe(male.t("staffcmd:help", "ar"));
  });
});

describe("a conversation addressed to a woman", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it("hayat asks «اختاري» and «هل توافقين»; maa asks «اختر» and «هل توافق»", async () => {
    h = await createHarness({ org: "hayat" });
    const menu = textOf(await h.say("السلام عليكم"));
    expect(menu).toContain("اختاري رقم الخدمة");
    await h.say("1");
    expect(textOf(await h.say("1"))).toContain("هل توافقين على إشعار الخصوصية");
    expect(textOf(await h.say("ما ادري"))).toContain("هل توافقين");
    await h.close();

    h = await createHarness({ org: "maa" });
    expect(textOf(await h.say("السلام عليكم"))).toContain("اختر رقم الخدمة");
    await h.say("1");
    expect(textOf(await h.say("1"))).toContain("هل توافق على إشعار الخصوصية");
  });
});

describe("texts read cleanly in every association", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  /** Nested brackets ("(… (…))") and doubled words ("the The") in what was sent. */
  function flaws(texts: string[]): string[] {
    const out: string[] = [];
    for (const text of texts) {
      let depth = 0;
      for (const ch of text) {
        if (ch === "(") depth++;
        if (ch === ")") depth--;
        if (depth >= 2) {
          out.push(`nested: ${text.slice(0, 120)}`);
          break;
        }
      }
      const doubled = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/iu.exec(text);
      if (doubled) out.push(`doubled «${doubled[0]}»: ${text.slice(0, 120)}`);
    }
    return out;
  }

  it.each(["maa", "sumou", "jaliyat_badr", "banan", "hayat"])("%s: an application and the committee's notices, in Arabic and English", async (org) => {
    const { applyUntilSummary, submitFromSummary, validNationalId, plain } = await import("./helpers");
    const { decide } = await import("../bot/decisions");
    h = await createHarness({ org });
    const deps = { db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h.now(), calendar: h.sila.calendar };
    for (const [chat, locale, seed] of [["ar-user", "ar", 5151515], ["en-user", "en", 5252525]] as const) {
      await h.say(locale === "en" ? "Hello" : "السلام عليكم", chat);
      const program = h.profile.programs.find((p) => p.open)!;
      await applyUntilSummary(h, program.id, { nationalId: validNationalId(seed), chatId: chat, locale });
      const ref = /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h, chat))))![0];
      await decide(deps, { reference: ref, decision: "needinfo", actor: "cli:test", note: "-" });
      await decide(deps, { reference: ref, decision: "reject", actor: "cli:test", note: "-" });
      await h.say(locale === "en" ? "where is my application" : "وين طلبي", chat);
    }
    await h.sila.outbox.drainOnce();
    expect(flaws(h.sent.map((s) => s.message.text))).toEqual([]);
  });
});
