/**
 * Naming the kinds of sensitive data a form asks for, so that the consent a
 * beneficiary gives says what it covers: health, disability, financial,
 * family, religious belief (each sensitive field of a profile names its own).
 * One consent covers the program's form, so it names every kind the form asks
 * for, the next question's first.
 */
import type { ProgramSpec, SensitiveCategory } from "../orgs/schema";
import { t } from "./reply";
import type { Text } from "./types";

/** The kinds of sensitive data the program's form asks for, those of `firstFieldId` first. */
export function sensitiveCategories(program: ProgramSpec, firstFieldId?: string): SensitiveCategory[] {
  const fields = program.fields.filter((f) => f.sensitive);
  const first = fields.filter((f) => f.id === firstFieldId);
  return [...new Set([...first, ...fields].flatMap((f) => f.sensitiveCategory ?? []))];
}

/** The kinds as a list to read ("health data and disability data"). */
export function sensitiveCategoriesText(program: ProgramSpec, firstFieldId?: string): Text {
  return { list: sensitiveCategories(program, firstFieldId).map((c) => t(`consent:category.${c}`)) };
}

/** The consent's purpose as recorded: "sensitive_data:health,disability". */
export function sensitiveConsentPurpose(program: ProgramSpec | undefined): string {
  const kinds = program ? sensitiveCategories(program) : [];
  return kinds.length > 0 ? `sensitive_data:${kinds.join(",")}` : "sensitive_data";
}
