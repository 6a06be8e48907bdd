/**
 * Sealing form answers at rest: national IDs and answers to fields the
 * profile marks sensitive (health, disability) are stored encrypted, in the
 * saved session (a form being filled) and in the application. Flows only ever
 * see open answers: the engine opens on load and seals on save.
 */
import type { ApplicationDraft, FieldAnswer, InfoPart } from "../flows/types";
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

/**
 * Parts of a reply to the committee (texts and files a person sent, which may hold an ID number or
 * health details) are sealed at rest as one value until they are sent.
 */
type SealedParts = { sealed: string };
type PartsHolder = { parts?: InfoPart[] | SealedParts };

const isSealedParts = (p: unknown): p is SealedParts => typeof p === "object" && p !== null && !Array.isArray(p) && "sealed" in p;

function sealParts<T extends PartsHolder>(holder: T | undefined, cipher: Cipher): T | undefined {
  if (!holder || !Array.isArray(holder.parts) || holder.parts.length === 0) return holder;
  return { ...holder, parts: { sealed: cipher.encrypt(JSON.stringify(holder.parts)) } };
}

function openParts<T extends PartsHolder>(holder: T | undefined, cipher: Cipher): T | undefined {
  if (!holder || !isSealedParts(holder.parts)) return holder;
  return { ...holder, parts: JSON.parse(cipher.decrypt(holder.parts.sealed)) as InfoPart[] };
}

/**
 * Anything else a person typed that the state keeps for a while (a text waiting to be confirmed, an
 * appeal's reason, a complaint being written) is sealed when it holds a national ID, wherever it sits:
 * `{ "$sealed": "<ciphertext>" }` in place of the string, opened back when the state is loaded.
 */
type LooseSealed = { $sealed: string };
const isLooseSealed = (v: unknown): v is LooseSealed =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as LooseSealed).$sealed === "string";

function sealLoose(value: unknown, cipher: Cipher): unknown {
  if (typeof value === "string") return containsNationalId(value) ? { $sealed: cipher.encrypt(value) } : value;
  if (Array.isArray(value)) return value.map((v) => sealLoose(v, cipher));
  if (typeof value === "object" && value !== null && !isLooseSealed(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sealLoose(v, cipher)]));
  }
  return value;
}

function openLoose(value: unknown, cipher: Cipher): unknown {
  if (isLooseSealed(value)) return cipher.decrypt(value.$sealed);
  if (Array.isArray(value)) return value.map((v) => openLoose(v, cipher));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openLoose(v, cipher)]));
  return value;
}

/** The same state with its draft's answers and any collected parts sealed (for saving). */
export function sealState<S>(state: S, profile: Profile, cipher: Cipher): S {
  return sealLoose(sealKnown(state, profile, cipher), cipher) as S;
}

/** The same state with its draft's answers and any collected parts opened (after loading). */
export function openState<S>(state: S, cipher: Cipher): S {
  return openKnown(openLoose(state, cipher) as S, cipher);
}

function sealKnown<S>(state: S, profile: Profile, cipher: Cipher): S {
  const draft = (state as { draft?: ApplicationDraft | null }).draft;
  let out = draft ? { ...state, draft: { ...draft, answers: sealAnswers(draft.answers, draft.programId, profile, cipher) } } : state;
  const held = (out as { heldInfo?: PartsHolder }).heldInfo;
  if (held) out = { ...out, heldInfo: sealParts(held, cipher) };
  if ((out as { flow?: string }).flow === "info") out = sealParts(out as S & PartsHolder, cipher) as S;
  return out;
}

function openKnown<S>(state: S, cipher: Cipher): S {
  const draft = (state as { draft?: ApplicationDraft | null }).draft;
  let out = draft ? { ...state, draft: { ...draft, answers: openAnswers(draft.answers as Record<string, StoredAnswer>, cipher) } } : state;
  const held = (out as { heldInfo?: PartsHolder }).heldInfo;
  if (held) out = { ...out, heldInfo: openParts(held, cipher) };
  if ((out as { flow?: string }).flow === "info") out = openParts(out as S & PartsHolder, cipher) as S;
  return out;
}
