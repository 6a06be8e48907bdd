/**
 * Walking a real conversation to one question of a form, for the tests of
 * issue 14 (choices, free text, dates, guardians): each answer is typed as a
 * beneficiary would, through the engine.
 */
import type { OutboundMessage } from "../bot/channels/types";
import type { FieldSpec } from "../orgs/schema";
import { plain, textOf, validNationalId, type Harness } from "./helpers";

/** A valid answer to a program field, as typed. */
export function typedAnswer(f: { type: FieldSpec["type"]; min?: number | undefined; when?: FieldSpec["when"] | undefined }, en = false): Parameters<Harness["say"]>[0] {
  switch (f.type) {
    case "text":
      return en ? "Sample answer" : "إجابة تجريبية";
    case "location":
      return en ? "Al Nakheel district" : "حي النخيل";
    case "number":
      return String(f.min ?? 1);
    case "choice":
    case "yesno":
      return "1";
    case "date":
      return f.when === "future" ? "1450/01/01" : "1445/01/01";
    case "phone":
      return "0561234567";
    case "nationalId":
      return validNationalId(424242);
    case "attachment":
      return { kind: "media", mediaType: "document", fileRef: "/tmp/doc.pdf", mimeType: "application/pdf", fileName: "doc.pdf", size: 2048 };
  }
}

export interface CoreAnswers {
  name?: string;
  nationalId?: string;
  mobile?: string;
  city?: string;
  birth?: string;
  en?: boolean;
  chatId?: string;
}

/**
 * From the menu: chooses `programId`, accepts the privacy notice and answers
 * until the question `stopAt` (a core field id or a program field id) is
 * asked; returns the replies that ask it.
 */
export async function formUntil(h: Harness, programId: string, stopAt: string, core: CoreAnswers = {}): Promise<OutboundMessage[]> {
  const chatId = core.chatId ?? "u1";
  const say = (m: Parameters<Harness["say"]>[0]) => h.say(m, chatId);
  const open = h.profile.programs.filter((p) => p.open);
  let last = await say(core.en ? "menu" : "القائمة");
  last = await say("1");
  if (open.length > 1) last = await say(String(open.findIndex((p) => p.id === programId) + 1));
  last = await say("1"); // the privacy notice
  const steps: Array<[string, Parameters<Harness["say"]>[0]]> = [
    ["full_name", core.name ?? (core.en ? "Mohammed Abdullah Alharbi" : "محمد عبدالله الحربي")],
    ["national_id", core.nationalId ?? validNationalId(Math.floor(Math.random() * 9_000_000) + 1_000_000)],
    ["mobile", core.mobile ?? "0551234567"],
    ["city", core.city ?? (core.en ? "Buraydah" : "بريدة")],
    ["birth_date", core.birth ?? "20/05/1410"],
  ];
  for (const [id, answer] of steps) {
    if (id === stopAt) return last;
    last = await say(answer);
  }
  const program = h.profile.programs.find((p) => p.id === programId)!;
  let consented = false;
  for (const f of program.fields) {
    if (f.sensitive && !consented) {
      last = await say("1"); // explicit consent to sensitive data, then the question itself
      consented = true;
    }
    if (f.id === stopAt) return last;
    last = await say(typedAnswer(f, core.en));
  }
  return last;
}

/** The saved conversation state of `chatId`, as stored (sealed values stay sealed). */
export async function savedState<T = { flow: string; step?: { name: string; fieldId?: string } }>(h: Harness, chatId = "u1"): Promise<T> {
  const row = await h.opened.db
    .selectFrom("sessions as s")
    .innerJoin("channel_identities as i", "i.id", "s.identity_id")
    .select("s.state")
    .where("i.external_id", "=", chatId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.state) as T;
}

/** The stored answers of the draft in hand (the session of `chatId`), opened. */
export async function draftAnswers(h: Harness, chatId = "u1"): Promise<Record<string, { type: string; value?: unknown }>> {
  const state = await savedState<{ draft?: { answers: Record<string, { type: string; value?: unknown; enc?: string }> } }>(h, chatId);
  // Sensitive answers are sealed at rest: opened with the installation's key.
  return Object.fromEntries(
    Object.entries(state.draft?.answers ?? {}).map(([id, a]) => [id, a.type === "sealed" ? (JSON.parse(h.sila.cipher.decrypt(a.enc!)) as { type: string }) : a]),
  );
}

export const said = async (h: Harness, m: Parameters<Harness["say"]>[0], chatId = "u1"): Promise<string> => plain(textOf(await h.say(m, chatId)));
