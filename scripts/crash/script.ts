/**
 * The deterministic conversations of a crash run: for each chat a greeting,
 * some FAQ questions, usually an application filled with valid answers and
 * submitted, sometimes a complaint or suggestion, sometimes a conversation
 * with a person ended by the beneficiary and its one-question survey. The
 * chats are interleaved in one global order, like updates from a channel.
 *
 * Every segment starts with the menu command, which leaves any flow (a live
 * handoff included), so a segment does what it says whatever the FAQ answers
 * before it did. What each chat should leave in the database is written down
 * with the script, so the verifier checks it against the plan.
 */
import type { InboundContent } from "../../bot/channels/types";
import type { FieldAnswer } from "../../flows/types";
import { detectCommand } from "../../flows/keywords";
import { nationalIdCheckDigit } from "../../flows/validate";
import type { Profile } from "../../orgs/schema";
import { createRandom, type Random } from "./random";

export interface ScriptMessage {
  /** Position in the global order (0-based): the channel's update id. */
  seq: number;
  chatId: string;
  messageId: string;
  content: InboundContent;
}

/** An answer as it must be stored; a Hijri date is checked by calendar only (its conversion is the reference run's). */
export type ExpectedAnswer = FieldAnswer | { type: "date"; calendar: "hijri" };

export interface ChatPlan {
  chatId: string;
  locale: "ar" | "en";
  application: { programId: string; answers: Record<string, ExpectedAnswer> } | null;
  feedback: { kind: "complaint" | "suggestion"; body: string } | null;
  /** A handoff the beneficiary ends before any staff member answered (so no satisfaction question). */
  handoff: { ended: true } | null;
  messages: number;
}

export interface CrashScript {
  seed: number;
  /** The channel the fake delivers on. */
  channel: "telegram";
  staffChatId: string;
  /**
   * The engine's clock: `clockStart` plus the real time elapsed since
   * `clockOrigin` (epoch ms, set when the run starts). It moves forward
   * across restarts, and two runs of one script see the same working hours
   * and dates, so their replies can be compared.
   */
  clockStart: string;
  clockOrigin: number;
  chats: ChatPlan[];
  messages: ScriptMessage[];
}

const AR_FIRST = ["محمد", "عبدالله", "فهد", "سارة", "نورة", "خالد", "منيرة", "سلطان", "هيا", "ناصر"];
const AR_MIDDLE = ["عبدالرحمن", "صالح", "إبراهيم", "سعد", "علي", "حمد"];
const AR_LAST = ["الحربي", "العتيبي", "القحطاني", "الدوسري", "الشمري", "المطيري", "السبيعي"];
const EN_FIRST = ["Mohammed", "Sara", "Fahad", "Noura", "Khalid"];
const EN_MIDDLE = ["Abdullah", "Saleh", "Ibrahim"];
const EN_LAST = ["Alharbi", "Alotaibi", "Alqahtani", "Aldosari"];
const AR_CITIES = ["بريدة", "عنيزة", "الرياض", "الرس", "المذنب"];
const EN_CITIES = ["Buraydah", "Unaizah", "Riyadh"];
const AR_TEXT = ["حي النخيل قرب المسجد", "حي الريان شارع الأمير", "بجوار مدرسة الفيصلية", "خلف السوق الشعبي", "حي الصفراء"];
const EN_TEXT = ["Al Nakheel district near the mosque", "Al Rayyan, Prince street", "Behind the old market"];
/** Sunday 22 Nov 2026, 12:00 in Riyadh: inside working hours, far from midnight. */
const CLOCK_START = "2026-11-22T09:00:00.000Z";
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

/** FAQs whose questions never steer the chat into a handoff or the feedback flow. */
const SAFE_FAQS = new Set([
  "how_to_apply",
  "required_documents",
  "who_qualifies",
  "decision_time",
  "working_hours",
  "location",
  "volunteering",
  "donating",
  "truck_delivery_time",
  "service_cost",
  "privacy",
  "contact_channels",
]);
const UNSAFE_WORDS = /موظف|شكو|اقتراح|مقترح|human|staff|agent|person|complain|suggest/i;

const arabicDigits = (s: string): string => s.replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]!);

/** A valid national ID unique to `n` (0 ≤ n < 10^8). */
export function nationalIdFor(n: number): string {
  const body = "1" + String(n).padStart(8, "0");
  return body + String(nationalIdCheckDigit(body));
}

function faqQuestions(profile: Profile, locale: "ar" | "en"): string[] {
  const out: string[] = [];
  for (const f of profile.faqs) {
    if (!SAFE_FAQS.has(f.id)) continue;
    for (const q of f.questions[locale] ?? []) {
      if (!UNSAFE_WORDS.test(q) && detectCommand(q) === null) out.push(q);
    }
  }
  return out;
}

interface Builder {
  contents: InboundContent[];
  text(t: string): void;
  choice(v: string): void;
}

function builder(): Builder {
  const contents: InboundContent[] = [];
  return {
    contents,
    text: (t) => contents.push({ kind: "text", text: t }),
    choice: (v) => contents.push({ kind: "choice", value: v }),
  };
}

function applySegment(
  b: Builder,
  r: Random,
  profile: Profile,
  index: number,
  locale: "ar" | "en",
): NonNullable<ChatPlan["application"]> {
  const en = locale === "en";
  const open = profile.programs.filter((p) => p.open);
  const program = r.pick(open);
  const answers: Record<string, ExpectedAnswer> = {};

  b.text(en ? "menu" : "القائمة");
  if (r.chance(0.5)) b.text("1");
  else b.choice("menu:apply");
  if (open.length > 1) {
    if (r.chance(0.5)) b.text(String(open.indexOf(program) + 1));
    else b.choice(`program:${program.id}`);
  }
  b.text(r.pick(["1", en ? "yes" : "نعم"])); // the privacy notice

  const name = en
    ? `${r.pick(EN_FIRST)} ${r.pick(EN_MIDDLE)} ${r.pick(EN_LAST)}`
    : `${r.pick(AR_FIRST)} ${r.pick(AR_MIDDLE)} ${r.pick(AR_LAST)}`;
  b.text(name);
  answers["full_name"] = { type: "text", value: name };

  const nid = nationalIdFor(10_000_000 + index * 37);
  b.text(r.chance(0.3) ? arabicDigits(nid) : nid);
  answers["national_id"] = { type: "nationalId", value: nid };

  const mobile = `5${String(30_000_000 + index * 13).padStart(8, "0")}`;
  b.text(r.chance(0.3) ? arabicDigits(`0${mobile}`) : `0${mobile}`);
  answers["mobile"] = { type: "phone", value: `+966${mobile}` };

  const city = r.pick(en ? EN_CITIES : AR_CITIES);
  b.text(city);
  answers["city"] = { type: "text", value: city };

  if (r.chance(0.5)) {
    b.text(`14${r.int(0, 2)}${r.int(0, 9)}/0${r.int(1, 9)}/1${r.int(0, 9)}`);
    answers["birth_date"] = { type: "date", calendar: "hijri" };
  } else {
    const iso = `19${r.int(60, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
    b.text(iso);
    answers["birth_date"] = { type: "date", value: iso, calendar: "gregorian" };
  }

  let consented = false;
  for (const f of program.fields) {
    if (f.sensitive && !consented) {
      b.text("1");
      consented = true;
    }
    if (!f.required && r.chance(0.3)) {
      b.text(en ? "skip" : "تخطي");
      answers[f.id] = { type: "skipped" };
      continue;
    }
    switch (f.type) {
      case "text":
      case "location": {
        const v = `${r.pick(en ? EN_TEXT : AR_TEXT)} ${index}`;
        b.text(v);
        answers[f.id] = { type: "text", value: v };
        break;
      }
      case "number": {
        const min = f.min ?? 1;
        const n = r.int(min, Math.min(f.max ?? min + 20, min + 20));
        b.text(r.chance(0.3) ? arabicDigits(String(n)) : String(n));
        answers[f.id] = { type: "number", value: n };
        break;
      }
      case "choice": {
        const options = f.options ?? [];
        const i = r.int(0, options.length - 1);
        if (r.chance(0.5)) b.text(String(i + 1));
        else b.choice(options[i]!.value);
        answers[f.id] = { type: "choice", value: options[i]!.value };
        break;
      }
      case "yesno": {
        const yes = r.chance(0.5);
        if (r.chance(0.5)) b.text(yes ? (en ? "yes" : "نعم") : en ? "no" : "لا");
        else b.choice(yes ? "yes" : "no");
        answers[f.id] = { type: "yesno", value: yes };
        break;
      }
      case "date": {
        // By the field's rule: a coming date, a past one, or either (the clock starts in November 2026).
        const iso = `20${f.when === "future" ? 27 : f.when === "past" ? r.int(24, 25) : r.int(24, 27)}-1${r.int(0, 2)}-0${r.int(1, 9)}`;
        b.text(iso);
        answers[f.id] = { type: "date", value: iso, calendar: "gregorian" };
        break;
      }
      case "phone": {
        const p = `5${String(60_000_000 + index * 17).padStart(8, "0")}`;
        b.text(`0${p}`);
        answers[f.id] = { type: "phone", value: `+966${p}` };
        break;
      }
      case "nationalId": {
        const v = nationalIdFor(50_000_000 + index * 41);
        b.text(v);
        answers[f.id] = { type: "nationalId", value: v };
        break;
      }
      case "attachment": {
        const fileName = `deed-${index}.pdf`;
        const fileRef = `crash/${index}/${fileName}`;
        const size = r.int(10_000, 900_000);
        b.contents.push({ kind: "media", mediaType: "document", fileRef, mimeType: "application/pdf", fileName, size });
        answers[f.id] = { type: "attachment", fileRef, mimeType: "application/pdf", fileName, size };
        break;
      }
    }
  }
  // The summary, the attestation and the program's terms.
  if (r.chance(0.5)) b.text("1");
  else b.choice("submit");
  b.text(r.pick(["1", en ? "yes" : "نعم"]));
  if (r.chance(0.5)) b.text("1");
  else b.choice("yes");
  return { programId: program.id, answers };
}

function feedbackSegment(b: Builder, r: Random, index: number, locale: "ar" | "en"): NonNullable<ChatPlan["feedback"]> {
  const en = locale === "en";
  const kind = r.chance(0.7) ? "complaint" : "suggestion";
  b.text(en ? "menu" : "القائمة");
  if (r.chance(0.5)) b.text("4");
  else b.choice("menu:feedback");
  if (r.chance(0.5)) b.text(kind === "complaint" ? "1" : "2");
  else b.choice(kind);
  const body = en
    ? `The water truck came late to our street, chat ${index}`
    : kind === "complaint"
      ? `تأخر الوايت عن موعده يومين في حينا، المحادثة ${index}`
      : `أقترح إرسال رسالة قبل وصول الوايت، المحادثة ${index}`;
  b.text(body);
  return { kind, body };
}

function handoffSegment(b: Builder, r: Random, locale: "ar" | "en"): NonNullable<ChatPlan["handoff"]> {
  const en = locale === "en";
  b.text(en ? "menu" : "القائمة");
  b.text(en ? "human" : "موظف");
  b.text(en ? "I have a question about my water tank" : "عندي استفسار عن خزان الماء");
  if (r.chance(0.5)) b.text(en ? "Are you there?" : "هل أنتم موجودون؟");
  b.text(en ? "end" : "إنهاء");
  return { ended: true };
}

/**
 * Builds the script of `chats` conversations with at least `messages`
 * messages in all (FAQ questions are added to reach it).
 */
export function buildScript(options: { seed: number; chats: number; messages: number; profile: Profile }): CrashScript {
  const r = createRandom(options.seed);
  const questions = { ar: faqQuestions(options.profile, "ar"), en: faqQuestions(options.profile, "en") };
  const plans: ChatPlan[] = [];
  const perChat: InboundContent[][] = [];

  for (let i = 0; i < options.chats; i++) {
    const chatId = String(700_000 + i);
    const locale = r.chance(0.15) && questions.en.length > 0 ? "en" : "ar";
    const b = builder();
    b.text(locale === "en" ? r.pick(["Hello", "Hi there"]) : r.pick(["السلام عليكم", "مرحبا", "هلا والله"]));
    for (let k = r.int(0, 2); k > 0; k--) b.text(r.pick(questions[locale]));
    const application = r.chance(0.8) ? applySegment(b, r, options.profile, i, locale) : null;
    const feedback = r.chance(0.5) ? feedbackSegment(b, r, i, locale) : null;
    const handoff = r.chance(0.3) ? handoffSegment(b, r, locale) : null;
    if (r.chance(0.3)) b.text(r.pick(questions[locale]));
    plans.push({ chatId, locale, application, feedback, handoff, messages: 0 });
    perChat.push(b.contents);
  }
  // Reach the requested size with more questions at the ends of chats.
  let total = perChat.reduce((n, c) => n + c.length, 0);
  while (total < options.messages && perChat.length > 0) {
    const i = r.int(0, perChat.length - 1);
    perChat[i]!.push({ kind: "text", text: r.pick(questions[plans[i]!.locale]) });
    total++;
  }

  // Interleave the chats, each in its own order.
  const cursors = perChat.map(() => 0);
  const live = perChat.map((_, i) => i).filter((i) => perChat[i]!.length > 0);
  const messages: ScriptMessage[] = [];
  while (live.length > 0) {
    const li = r.int(0, live.length - 1);
    const ci = live[li]!;
    const n = cursors[ci]!++;
    const chatId = plans[ci]!.chatId;
    messages.push({ seq: messages.length, chatId, messageId: `${chatId}:${n + 1}`, content: perChat[ci]![n]! });
    if (cursors[ci] === perChat[ci]!.length) live.splice(li, 1);
  }
  for (let i = 0; i < plans.length; i++) plans[i]!.messages = perChat[i]!.length;
  return {
    seed: options.seed,
    channel: "telegram",
    staffChatId: "staff-room",
    clockStart: CLOCK_START,
    clockOrigin: 0,
    chats: plans,
    messages,
  };
}
