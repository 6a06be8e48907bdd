/**
 * The application form: the fields every application collects, then the
 * program's own fields from the profile, and how a typed or sent answer
 * becomes a stored `FieldAnswer` or a reason to ask again.
 */
import type { FieldType, LocalizedText, ProgramSpec } from "../orgs/schema";
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
import { parseDateInput } from "./dates";
import { matchOption, type Option } from "./choices";
import type { FieldAnswer, FlowContext, FlowInput, Text } from "./types";

export type FormFieldType = FieldType | "fullName" | "city" | "birthDate";

export interface FormField {
  id: string;
  type: FormFieldType;
  label: Text;
  hint?: Text;
  required: boolean;
  options?: { value: string; label: LocalizedText }[];
  min?: number;
  max?: number;
  sensitive: boolean;
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

/** All the fields of an application to `program`, in the order they are asked. */
/** A program's form is built once (a loaded profile never changes); callers only read it. */
const forms = new WeakMap<ProgramSpec, readonly FormField[]>();

export function formFields(program: ProgramSpec): readonly FormField[] {
  let form = forms.get(program);
  if (!form) forms.set(program, (form = buildForm(program)));
  return form;
}

function buildForm(program: ProgramSpec): FormField[] {
  return [
    ...CORE_FIELDS,
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
      }),
    ),
  ];
}

export type ParseOutcome =
  | { ok: true; answer: FieldAnswer }
  /** `error` is a key in the "validation" namespace; `params` fill it. */
  | { ok: false; error: string; params?: Record<string, string | number> };

export const YES_NO_OPTIONS: readonly Option[] = [
  { value: "yes", words: ["نعم", "ايوه", "yes", "ہاں"] },
  { value: "no", words: ["لا", "no", "نہیں"] },
];

/** A yes or no from a button, a number ("1" yes, "2" no) or words in any language; null when unclear. */
export function readYesNo(input: FlowInput): boolean | null {
  const picked = matchOption(input, YES_NO_OPTIONS);
  if (picked !== null) return picked === "yes";
  return input.kind === "text" ? parseYesNo(input.text) : null;
}

/** Reads an answer for `field` from the input, or says what is wrong. */
export function parseAnswer(field: FormField, input: FlowInput, ctx: FlowContext): ParseOutcome {
  if (field.type === "attachment") return parseAttachment(input, ctx);
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
    const picked = matchOption(input, options);
    return picked === null ? { ok: false, error: "choice_invalid" } : { ok: true, answer: { type: "choice", value: picked } };
  }
  if (input.kind !== "text") {
    return { ok: false, error: input.kind === "media" && input.mediaType === "voice" ? "voice_not_text" : "text_expected" };
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
    case "city": {
      const r = validateCity(text);
      return r.ok ? { ok: true, answer: { type: "text", value: r.value } } : { ok: false, error: r.error };
    }
    case "birthDate":
    case "date": {
      const r = parseDateInput(text, ctx.now, field.type === "date" ? { allowFuture: true } : {});
      return r.ok
        ? { ok: true, answer: { type: "date", value: r.value.gregorian, calendar: r.value.calendar } }
        : { ok: false, error: r.error };
    }
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
    case "phone":
    case "nationalId":
      return { ltr: answer.value };
    case "text":
      return { literal: answer.value };
  }
}
