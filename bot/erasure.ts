/**
 * Erasing a person (a confirmed deletion request, Personal Data Protection
 * Law): every copy of their personal data goes, counts stay. Applications
 * keep program, status and dates; tickets kind and dates; referrals topic,
 * partner, status and dates (their city and staff notes go); surveys scores. Their
 * chats are unlinked (a new message starts a new contact), their messages,
 * replies and the staff alerts about them lose their text (alerts queued
 * outside a turn are found by the person's references), and their files are
 * removed from disk: the folders of their chats and every file their
 * applications, tickets, answers and unfinished forms point to.
 */
import fs from "node:fs";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { Executor } from "../db/repo";
import type { AttachmentStore } from "./channels/attachments";
import type { Cipher } from "./crypto";
import { openState, type StoredAnswer } from "./sealing";

/** What erasure needs besides the database: the files folder and the key that opens sealed answers. */
export interface ErasureFiles {
  store: AttachmentStore;
  cipher: Cipher;
}

/** The local paths an answer (or anything shaped like one) points to. */
function filesIn(value: unknown, cipher: Cipher | undefined, out: Set<string>): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) filesIn(v, cipher, out);
    return;
  }
  const o = value as Record<string, unknown>;
  if (o.type === "sealed" && typeof o.enc === "string" && cipher) {
    try {
      filesIn(JSON.parse(cipher.decrypt(o.enc)) as unknown, cipher, out);
    } catch {
      // A value sealed under another key cannot point anywhere we could read; the folder sweep still runs.
      return;
    }
    return;
  }
  if (o.type === "attachment" && typeof o.fileRef === "string") out.add(o.fileRef);
  for (const v of Object.values(o)) filesIn(v, cipher, out);
}

const parse = (json: string | null): unknown => {
  if (!json) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // Not JSON (an old free-text note): it names no file.
    return null;
  }
};

/** A reference mentioned in `text` as a whole word ("A26-00001" is not in "A26-000010"). */
const mentions = (text: string, reference: string): boolean => new RegExp(`(?<![A-Z0-9])${reference}(?![0-9])`).test(text);

/**
 * Anonymises the contact's personal data in the caller's transaction. Returns the files and folders
 * to remove once it commits (`removeFiles`).
 */
export async function anonymiseContact(db: Executor, contactId: number, at: string, by: string, files?: ErasureFiles): Promise<string[]> {
  const cipher = files?.cipher;
  const paths = new Set<string>();
  const identities = await db.selectFrom("channel_identities").select(["id", "channel", "external_id"]).where("contact_id", "=", contactId).execute();
  const apps = await db.selectFrom("applications").select(["id", "reference", "fields"]).where("contact_id", "=", contactId).execute();
  const tickets = await db.selectFrom("tickets").select(["reference", "attachment"]).where("contact_id", "=", contactId).execute();
  const requests = await db.selectFrom("privacy_requests").select("reference").where("contact_id", "=", contactId).execute();
  const appIds = apps.map((a) => a.id);
  const events = appIds.length > 0 ? await db.selectFrom("application_events").select("note").where("application_id", "in", appIds).execute() : [];
  const sessions =
    identities.length > 0 ? await db.selectFrom("sessions").select("state").where("identity_id", "in", identities.map((i) => i.id)).execute() : [];

  if (files) {
    for (const i of identities) paths.add(files.store.folderFor(i.channel, i.external_id));
    for (const a of apps) filesIn(parse(a.fields) as Record<string, StoredAnswer> | null, cipher, paths);
    for (const t of tickets) filesIn(parse(t.attachment), cipher, paths);
    for (const e of events) {
      const m = e.note ? /attachment: (\{.*\})/.exec(e.note) : null;
      if (m) filesIn(parse(m[1]!), cipher, paths);
    }
    for (const s of sessions) {
      const state = parse(s.state);
      if (state && cipher) {
        try {
          filesIn(openState(state, cipher), cipher, paths);
        } catch {
          // A form sealed under another key: its files are still in the chat's folder, removed above.
          filesIn(state, undefined, paths);
        }
      }
    }
  }

  await db
    .updateTable("contacts")
    .set({ display_name: null, phone: null, verified_phone: null, privacy_accepted_at: null, broadcast_opt_in: 0, city: null, anonymised_at: at, updated_at: at })
    .where("id", "=", contactId)
    .execute();
  for (const i of identities) {
    await db.deleteFrom("sessions").where("identity_id", "=", i.id).execute();
    await db.deleteFrom("chat_windows").where("channel", "=", i.channel).where("chat_id", "=", i.external_id).execute();
    await db.updateTable("channel_identities").set({ external_id: `anonymised:${i.id}` }).where("id", "=", i.id).execute();
  }
  // What channels reported about their messages is keyed by the message's id (a wamid carries the number).
  const sentIds = await db.selectFrom("messages").select(["channel", "channel_message_id"]).where("contact_id", "=", contactId).where("direction", "=", "out").execute();
  for (const m of sentIds) {
    if (m.channel_message_id) await db.deleteFrom("message_statuses").where("channel", "=", m.channel).where("message_id", "=", m.channel_message_id).execute();
  }
  // Notices keep their kind, rung and dates (counts); their text, values and addresses go.
  await db
    .updateTable("notices")
    .set({ message: null, params: "{}", chat_id: null, channel_message_id: null, error: null, followup: 0 })
    .where("contact_id", "=", contactId)
    .execute();
  // A message's channel id holds the chat (a WhatsApp id is the phone number): it goes with the text.
  const messages = await db.selectFrom("messages").select("id").where("contact_id", "=", contactId).execute();
  for (const m of messages) {
    await db
      .updateTable("messages")
      .set({ body: null, chat_id: "anonymised", channel_message_id: `anonymised:${m.id}`, error: null })
      .where("id", "=", m.id)
      .execute();
  }
  await db.updateTable("applications").set({ fields: "{}", national_id_hash: null, anonymised_at: at, updated_at: at }).where("contact_id", "=", contactId).execute();
  if (appIds.length > 0) await db.updateTable("application_events").set({ note: null }).where("application_id", "in", appIds).execute();
  await db.updateTable("tickets").set({ body: null, attachment: null }).where("contact_id", "=", contactId).execute();
  // Referrals keep topic, partner, status and dates (the report's counts); where they live and staff's notes go.
  const referralIds = (await db.selectFrom("referrals").select("id").where("contact_id", "=", contactId).execute()).map((r) => r.id);
  if (referralIds.length > 0) {
    await db.updateTable("referrals").set({ city: null }).where("id", "in", referralIds).execute();
    await db.updateTable("referral_events").set({ note: null }).where("referral_id", "in", referralIds).execute();
  }
  const surveyIds = (await db.selectFrom("surveys").select("id").where("contact_id", "=", contactId).execute()).map((s) => s.id);
  if (surveyIds.length > 0) await db.updateTable("survey_answers").set({ text: null }).where("survey_id", "in", surveyIds).execute();
  // Every message to or about them still in the outbox (replies, staff alerts of their turns), whatever its state.
  await db.deleteFrom("outbox").where("contact_id", "=", contactId).execute();

  // Staff copies written outside their turns carry no contact id: found by the person's references.
  for (const reference of [...apps.map((a) => a.reference), ...tickets.map((t) => t.reference), ...requests.map((r) => r.reference)]) {
    const staffMessages = await db.selectFrom("messages").select(["id", "body"]).where("contact_id", "is", null).where("body", "like", `%${reference}%`).execute();
    for (const m of staffMessages) if (m.body && mentions(m.body, reference)) await db.updateTable("messages").set({ body: null }).where("id", "=", m.id).execute();
    const staffRows = await db.selectFrom("outbox").select(["id", "payload"]).where("contact_id", "is", null).where("payload", "like", `%${reference}%`).execute();
    for (const r of staffRows) if (mentions(r.payload, reference)) await db.deleteFrom("outbox").where("id", "=", r.id).execute();
  }
  await db
    .updateTable("privacy_requests")
    .set({ status: "done", done_at: at, done_by: by })
    .where("contact_id", "=", contactId)
    .where("kind", "=", "deletion")
    .where("status", "=", "pending")
    .execute();
  return files ? [...paths].filter((p) => files.store.owns(p)) : [];
}

/** Removes erased files and folders (only inside the attachments folder); returns how many were there. */
export function removeFiles(paths: readonly string[]): number {
  let removed = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    fs.rmSync(p, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Carries out a pending deletion request by its reference (staff confirmation); files go after the commit. */
export async function confirmDeletion(
  db: Kysely<Database>,
  reference: string,
  by: string,
  at: string,
  files?: ErasureFiles,
): Promise<{ ok: true; contactId: number; filesRemoved: number } | { ok: false; error: "not_found" | "not_pending" }> {
  const r = await db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom("privacy_requests").selectAll().where("reference", "=", reference.trim().toUpperCase()).executeTakeFirst();
    if (!request || request.kind !== "deletion") return { ok: false as const, error: "not_found" as const };
    if (request.status !== "pending") return { ok: false as const, error: "not_pending" as const };
    const paths = await anonymiseContact(trx, request.contact_id, at, by, files);
    return { ok: true as const, contactId: request.contact_id, paths };
  });
  if (!r.ok) return r;
  return { ok: true, contactId: r.contactId, filesRemoved: removeFiles(r.paths) };
}
