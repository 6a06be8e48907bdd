/**
 * Sealing form answers at rest: national IDs and answers to fields the
 * profile marks sensitive (health, disability) are stored encrypted, in the
 * saved session (a form being filled) and in the application. Flows only ever
 * see open answers: the engine opens on load and seals on save.
 */
import type { ApplicationDraft, FieldAnswer } from "../flows/types";
import type { Profile } from "../orgs/schema";
import type { Cipher } from "./crypto";
import { containsNationalId } from "./pii";

export type StoredAnswer = FieldAnswer | { type: "sealed"; enc: string };

/**
 * The sealed value each opened answer came from. Flows never change an answer in place (a new
 * answer is a new object), so an answer that is still the object opened at load is sealed again
 * as the very value it was read from, not encrypted anew every turn.
 */
const openedFrom = new WeakMap<FieldAnswer, string>();

function isSensitive(fieldId: string, answer: FieldAnswer, programId: string, profile: Profile): boolean {
  if (answer.type === "nationalId") return true;
  // A national ID typed into a free-text field (a note, a district) is sealed like the ID field.
  if (answer.type === "text" && containsNationalId(answer.value)) return true;
  if (answer.type === "attachment" && answer.fileName && containsNationalId(answer.fileName)) return true;
  const program = profile.programs.find((p) => p.id === programId);
  return program?.fields.some((f) => f.id === fieldId && f.sensitive) ?? false;
}

export function sealAnswers(
  answers: Record<string, FieldAnswer>,
  programId: string,
  profile: Profile,
  cipher: Cipher,
): Record<string, StoredAnswer> {
  const out: Record<string, StoredAnswer> = {};
  for (const [id, a] of Object.entries(answers)) {
    const sealed = openedFrom.get(a);
    if (sealed !== undefined) out[id] = { type: "sealed", enc: sealed };
    else out[id] = isSensitive(id, a, programId, profile) && a.type !== "skipped" ? { type: "sealed", enc: cipher.encrypt(JSON.stringify(a)) } : a;
  }
  return out;
}

export function openAnswers(stored: Record<string, StoredAnswer>, cipher: Cipher): Record<string, FieldAnswer> {
  const out: Record<string, FieldAnswer> = {};
  for (const [id, a] of Object.entries(stored)) {
    if (a.type !== "sealed") {
      out[id] = a;
      continue;
    }
    const opened = JSON.parse(cipher.decrypt(a.enc)) as FieldAnswer;
    openedFrom.set(opened, a.enc);
    out[id] = opened;
  }
  return out;
}

/** The same state with its draft's answers sealed (for saving). */
export function sealState<S>(state: S, profile: Profile, cipher: Cipher): S {
  const draft = (state as { draft?: ApplicationDraft | null }).draft;
  if (!draft) return state;
  return { ...state, draft: { ...draft, answers: sealAnswers(draft.answers, draft.programId, profile, cipher) } };
}

/** The same state with its draft's answers opened (after loading). */
export function openState<S>(state: S, cipher: Cipher): S {
  const draft = (state as { draft?: ApplicationDraft | null }).draft;
  if (!draft) return state;
  return { ...state, draft: { ...draft, answers: openAnswers(draft.answers as Record<string, StoredAnswer>, cipher) } };
}
