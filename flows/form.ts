/**
 * The application form: the fields every application collects, then the
 * program's own fields from the profile, and how a typed or sent answer
 * becomes a stored `FieldAnswer` or a reason to ask again.
 */
import type { FieldType, LocalizedText, ProgramSpec } from "../orgs/schema";
import type { ApplicationDraft } from "./types";
import {
  parseNumber,
  parseYesNo,
  cleanFileName,
  sanitizeFreeText,
  validateCity,
  validateFullName,
  validateNationalId,
  validateSaudiMobile,
} from "./validate";
import { parseDateInput, riyadhDate } from "./dates";
import { matchOption, type Option } from "./choices";
import type { FieldAnswer, FlowContext, FlowInput, Text } from "./types";

export type FormFieldType = FieldType | "fullName" | "city" | "birthDate";

export interface FormOption {
  value: string;
  label: LocalizedText;
  /** Everyday words for the option, per language. */
  words?: { ar?: string[]; en?: string[]; ur?: string[] };
}

export interface FormField {
  id: string;
  type: FormFieldType;
  label: Text;
  hint?: Text;
  required: boolean;
  options?: FormOption[];
  min?: number;
  max?: number;
  sensitive: boolean;
  /** For dates: which side of today the date must be on. */
  when?: "past" | "future" | "any";
  /** For the date of birth: the program's age limits. */
  minAge?: number;
  maxAge?: number;
}

const core = (id: string, type: FormFieldType): FormField => ({
  id,
  type,
  label: { key: `apply:field.${id}` },
  hint: { key: `apply:hint.${id}` },
  required: true,
  sensitive: false,
});

/** The fields every application starts with (ids reserved in the profile schema). */
export const CORE_FIELDS: readonly FormField[] = [
  core("full_name", "fullName"),
  core("national_id", "nationalId"),
  core("mobile", "phone"),
  core("city", "city"),
  core("birth_date", "birthDate"),
];

const relation = (value: string, ar: string, en: string, ur: string, words: string[] = []): FormOption => ({
  value,
  label: { ar, en, ur },
  words: { ar: words },
});

/** A guardian's details, asked after the date of birth of an applicant under 18 (ids reserved). */
export const GUARDIAN_FIELDS: readonly FormField[] = [
  core("guardian_name", "fullName"),
  {
    ...core("guardian_relation", "choice"),
    options: [
      relation("father", "الأب", "Father", "والد", ["ابوي", "ابوه", "الوالد", "والدي", "اب", "ابو"]),
      relation("mother", "الأم", "Mother", "والدہ", ["امي", "امه", "الوالده", "والدتي", "ام"]),
      relation("brother", "الأخ", "Brother", "بھائی", ["اخوي", "اخوه", "اخ"]),
      relation("sister", "الأخت", "Sister", "بہن", ["اختي", "اخته", "اخت"]),
      relation("grandparent", "الجد أو الجدة", "Grandparent", "دادا یا نانا", ["جدي", "جدتي", "الجد", "الجده", "جد", "جده"]),
      relation("legal_guardian", "ولي أمر بصك", "Legal guardian", "قانونی سرپرست", ["ولي امر", "وصي", "الوصي", "عمي", "خالي", "عمه", "خاله"]),
    ],
  },
  core("guardian_id", "nationalId"),
  core("guardian_phone", "phone"),
];

/** All the fields of an application to `program`, in the order they are asked. */
/** A program's form is built once (a loaded profile never changes); callers only read it. */
const forms = new WeakMap<ProgramSpec, readonly FormField[]>();
const minorForms = new WeakMap<ProgramSpec, readonly FormField[]>();

/**
 * The fields of an application to `program`: the core fields, a guardian's
 * details for an applicant under 18 (`draft.minor`, or answers that hold
 * them), then the program's own fields.
 */
export function formFields(program: ProgramSpec, draft?: Pick<ApplicationDraft, "minor" | "answers"> | null): readonly FormField[] {
  const minor = draft ? draft.minor === true || "guardian_name" in draft.answers : false;
  const cache = minor ? minorForms : forms;
  let form = cache.get(program);
  if (!form) cache.set(program, (form = buildForm(program, minor)));
  return form;
}

function buildForm(program: ProgramSpec, minor: boolean): FormField[] {
  const birth = CORE_FIELDS.find((f) => f.id === "birth_date")!;
  const withAges: FormField = {
    ...birth,
    ...(program.minAge !== undefined ? { minAge: program.minAge } : {}),
    ...(program.maxAge !== undefined ? { maxAge: program.maxAge } : {}),
  };
  return [
    ...CORE_FIELDS.map((f) => (f.id === "birth_date" ? withAges : f)),
    ...(minor ? GUARDIAN_FIELDS : []),
    ...program.fields.map(
      (f): FormField => ({
        id: f.id,
        type: f.type,
        label: { localized: f.label },
        ...(f.hint ? { hint: { localized: f.hint } } : {}),
        required: f.required,
        ...(f.options ? { options: f.options } : {}),
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
        sensitive: f.sensitive,
        ...(f.type === "date" ? { when: f.when } : {}),
      }),
    ),
  ];
}

export type ParseOutcome =
  /** `ambiguous`: a date that reads two ways, to be confirmed back. */
  | { ok: true; answer: FieldAnswer; ambiguous?: boolean }
  /** `error` is a key in the "validation" namespace; `params` fill it. */
  | { ok: false; error: string; params?: Record<string, string | number> };

export const YES_NO_OPTIONS: readonly Option[] = [
  { value: "yes", words: ["نعم", "ايوه", "اوافق", "أوافق", "موافق", "موافقه", "لا بأس", "لا باس", "yes", "i agree", "agree", "ہاں", "متفق ہوں"] },
  { value: "no", words: ["لا", "لا اوافق", "لا أوافق", "ما اوافق", "no", "i don't agree", "نہیں"] },
];

/**
 * A yes or no from a button, a number ("1" yes, "2" no) or words in any
 * language, also at the head of a button's label typed out («لا، نكمل»,
 * "Yes, send it"); null when unclear.
 */
export function readYesNo(input: FlowInput): boolean | null {
  const picked = matchOption(input, YES_NO_OPTIONS);
  if (picked !== null) return picked === "yes";
  if (input.kind !== "text") return null;
  const whole = parseYesNo(input.text);
  if (whole !== null) return whole;
  const head = /^([^،,!.]+)[،,!.]\s*\S/u.exec(input.text.trim());
  return head ? parseYesNo(head[1]!) : null;
}

/** Reads an answer for `field` from the input, or says what is wrong. */
export function parseAnswer(field: FormField, input: FlowInput, ctx: FlowContext): ParseOutcome {
  if (field.type === "attachment") return parseAttachment(input, ctx);
  if (input.kind === "location" && (field.type === "location" || field.type === "city")) {
    return { ok: true, answer: { type: "location", latitude: input.latitude, longitude: input.longitude } };
  }
  if (field.type === "phone" && input.kind === "contact") {
    const phone = validateSaudiMobile(input.phone);
    return phone.ok ? { ok: true, answer: { type: "phone", value: phone.value } } : { ok: false, error: "phone_invalid" };
  }
  if (field.type === "choice" || field.type === "yesno") {
    const options = field.type === "choice" ? (field.options ?? []) : YES_NO_OPTIONS;
    if (field.type === "yesno") {
      const yn = readYesNo(input);
      return yn === null ? { ok: false, error: "yesno_invalid" } : { ok: true, answer: { type: "yesno", value: yn } };
    }
    const picked = matchOption(input, options, { loose: true });
    return picked === null ? { ok: false, error: "choice_invalid" } : { ok: true, answer: { type: "choice", value: picked } };
  }
  if (input.kind !== "text") {
    if (input.kind === "media" && input.mediaType === "voice") return { ok: false, error: "voice_not_text" };
    // A photo of the card: the number is typed (photos of documents are not read, and not kept).
    if (input.kind === "media" && input.mediaType === "image" && field.type === "nationalId") return { ok: false, error: "nid_photo" };
    return { ok: false, error: "text_expected" };
  }
  const text = input.text;
  switch (field.type) {
    case "fullName": {
      const r = validateFullName(text);
      return r.ok ? { ok: true, answer: { type: "text", value: r.value } } : { ok: false, error: r.error };
    }
    case "nationalId": {
      const r = validateNationalId(text);
      return r.ok ? { ok: true, answer: { type: "nationalId", value: r.value } } : { ok: false, error: r.error };
    }
    case "phone": {
      const r = validateSaudiMobile(text);
      return r.ok ? { ok: true, answer: { type: "phone", value: r.value } } : { ok: false, error: r.error };
    }
    case "location": {
      // A district, a village or a description of the place ("حي الريان، بجوار المسجد").
      const value = sanitizeFreeText(text, 300);
      return (value.match(/\p{L}/gu) ?? []).length >= 2 ? { ok: true, answer: { type: "text", value } } : { ok: false, error: "city_invalid" };
    }
    case "city": {
      const r = validateCity(text);
      return r.ok ? { ok: true, answer: { type: "text", value: r.value } } : { ok: false, error: r.error };
    }
    case "birthDate":
    case "date":
      return parseDate(field, text, ctx);
    case "number": {
      const r = parseNumber(text, {
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
      });
      return r.ok
        ? { ok: true, answer: { type: "number", value: r.value } }
        : { ok: false, error: r.error, params: { min: field.min ?? 0, max: field.max ?? 0 } };
    }
    case "text": {
      const value = sanitizeFreeText(text, 500);
      return value.length === 0 ? { ok: false, error: "text_empty" } : { ok: true, answer: { type: "text", value } };
    }
  }
}

/**
 * A date by the field's rule: a birth date in the past within the program's
 * age limits, a "past" date not after today, a "future" one not before it.
 * The error names the rule that failed. An answer that reads two ways
 * (5/10/1990) is marked `ambiguous` to be confirmed back.
 */
function parseDate(field: FormField, text: string, ctx: FlowContext): ParseOutcome {
  const birth = field.type === "birthDate";
  const when = birth ? "past" : (field.when ?? "any");
  const r = parseDateInput(text, ctx.now, { allowFuture: when !== "past", notPast: when === "future", maxYearsBack: birth ? 120 : 130 });
  if (!r.ok) {
    const error = r.error === "date_future" ? (birth ? "date_birth_future" : "date_must_be_past") : r.error === "date_past" ? "date_must_be_future" : r.error;
    return { ok: false, error };
  }
  if (birth) {
    const age = ageOn(r.value.gregorian, ctx.now);
    if (field.maxAge !== undefined && age > field.maxAge) return { ok: false, error: "age_above_max", params: { max: field.maxAge } };
    // Under an adults-only program's age is answered with the reason and a referral (not a retry).
    if (field.minAge !== undefined && field.minAge < 18 && age < field.minAge) return { ok: false, error: "age_below_min", params: { min: field.minAge } };
  }
  const answer: FieldAnswer = { type: "date", value: r.value.gregorian, calendar: r.value.calendar };
  return { ok: true, answer, ...(r.value.ambiguous ? { ambiguous: true } : {}) };
}

/** Whole years between a YYYY-MM-DD birth date and `now` (Riyadh). */
export function ageOn(birth: string, now: Date): number {
  const today = riyadhDate(now);
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** A photo or document within the accepted types and size, as a stored answer; anything else says why not. */
export function parseAttachment(input: FlowInput, ctx: FlowContext): ParseOutcome {
  if (input.kind !== "media") return { ok: false, error: "attachment_expected" };
  if (input.mediaType === "voice" || input.mediaType === "audio" || input.mediaType === "sticker") {
    return { ok: false, error: "attachment_type" };
  }
  const mime = input.mimeType ?? (input.mediaType === "image" ? "image/jpeg" : "application/octet-stream");
  if (!ctx.attachments.mimeTypes.includes(mime)) return { ok: false, error: "attachment_type" };
  if (input.size !== undefined && input.size > ctx.attachments.maxBytes) {
    return { ok: false, error: "attachment_size", params: { mb: Math.round(ctx.attachments.maxBytes / 1048576) } };
  }
  return {
    ok: true,
    answer: {
      type: "attachment",
      fileRef: input.fileRef,
      mimeType: mime,
      ...(input.fileName && cleanFileName(input.fileName) ? { fileName: cleanFileName(input.fileName) } : {}),
      ...(input.size !== undefined ? { size: input.size } : {}),
    },
  };
}

/** How an answer reads back in the summary (values that read left-to-right are isolated). */
export function answerText(field: FormField, answer: FieldAnswer): Text {
  switch (answer.type) {
    case "skipped":
      return { key: "apply:summaryValue.skipped" };
    case "choice": {
      const opt = field.options?.find((o) => o.value === answer.value);
      return opt ? { localized: opt.label } : { literal: answer.value };
    }
    case "yesno":
      return { key: answer.value ? "common:yes" : "common:no" };
    case "date":
      return { date: answer.value };
    case "attachment":
      return { key: "apply:summaryValue.attachment", params: { name: { ltr: answer.fileName ?? answer.mimeType ?? "file" } } };
    case "number":
      return { literal: String(answer.value) };
    case "location":
      return { key: "apply:summaryValue.location", params: { at: { ltr: `${answer.latitude.toFixed(5)},${answer.longitude.toFixed(5)}` } } };
    case "phone":
    case "nationalId":
      return { ltr: answer.value };
    case "text":
      return { literal: answer.value };
  }
}
