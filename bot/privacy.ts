/**
 * The beneficiary's rights over their data (Personal Data Protection Law):
 * seeing what is stored about them, and deletion — the contact's personal
 * data anonymised while counts (applications by program and status, survey
 * scores) are kept. And retention: closed applications and old messages are
 * anonymised after the profile's retention period.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import * as repo from "../db/repo";
import type { Executor } from "../db/repo";
import type { Reply, Text } from "../flows/types";
import { answerText, formFields } from "../flows/form";
import type { Profile } from "../orgs/schema";
import type { Cipher } from "./crypto";
import { openAnswers, type StoredAnswer } from "./sealing";

const mask = (value: string): string => (value.length > 4 ? `${"*".repeat(value.length - 4)}${value.slice(-4)}` : value);

/** A consent's purpose as the person reads it ("program_terms:<id>" names the program). */
function consentPurpose(purpose: string, profile: Profile): Text {
  const [kind, programId] = purpose.split(":");
  if (kind === "program_terms") {
    const program = profile.programs.find((p) => p.id === programId);
    return { key: "privacy:purpose.program_terms", params: { program: program ? { localized: program.name } : programId ?? "" } };
  }
  return { key: `privacy:purpose.${kind}` };
}

/** What Sila stores about a contact, as a message to them (sensitive: encrypted at rest). */
export async function myDataReply(db: Executor, contactId: number, profile: Profile, cipher: Cipher): Promise<Reply> {
  const contact = await db.selectFrom("contacts").selectAll().where("id", "=", contactId).executeTakeFirstOrThrow();
  const identities = await db.selectFrom("channel_identities").select(["channel", "external_id"]).where("contact_id", "=", contactId).execute();
  const consents = await db.selectFrom("consents").select(["purpose", "granted_at"]).where("contact_id", "=", contactId).orderBy("id").execute();
  const apps = await db.selectFrom("applications").selectAll().where("contact_id", "=", contactId).orderBy("id").execute();
  const tickets = await db.selectFrom("tickets").select(["reference", "kind", "status", "created_at"]).where("contact_id", "=", contactId).orderBy("id").execute();
  const surveys = await db.selectFrom("surveys").select(["status"]).where("contact_id", "=", contactId).execute();
  // Their own chats' messages (staff alerts about them are linked to them too, for erasure, but are not theirs).
  const chats = identities.map((i) => i.external_id);
  const messages =
    chats.length > 0
      ? await db
          .selectFrom("messages")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("contact_id", "=", contactId)
          .where("chat_id", "in", chats)
          .executeTakeFirstOrThrow()
      : { n: 0 };

  const parts: Text[] = [
    { key: "privacy:myDataTitle" },
    {
      key: "privacy:contact",
      params: {
        type: { key: `privacy:beneficiaryType.${contact.beneficiary_type}` },
        phone: contact.phone ? { ltr: mask(contact.phone) } : "-",
        channels: [...new Set(identities.map((i) => i.channel))].join(", "),
        since: { date: contact.created_at },
        messages: Number(messages.n),
      },
    },
  ];
  if (consents.length > 0) {
    parts.push({
      key: "privacy:consents",
      params: { list: { list: consents.map((c) => ({ key: "privacy:consentLine", params: { purpose: consentPurpose(c.purpose, profile), date: { date: c.granted_at } } })), lines: true } },
    });
  }
  for (const app of apps) {
    const program = profile.programs.find((p) => p.id === app.program_id);
    const answers = openAnswers(JSON.parse(app.fields) as Record<string, StoredAnswer>, cipher);
    const lines: Text[] = program
      ? formFields(program, { answers })
          .filter((f) => answers[f.id])
          .map((f) => {
            const a = answers[f.id]!;
            const value = a.type === "nationalId" ? { ltr: mask(a.value) } : answerText(f, a);
            return { key: "apply:summaryLine", params: { label: f.label, value } };
          })
      : [];
    parts.push({
      key: "privacy:application",
      params: {
        reference: { ltr: app.reference },
        program: program ? { localized: program.name } : app.program_id,
        status: { key: `status:state.${app.status}` },
        date: { date: app.submitted_at },
        fields: app.anonymised_at ? { key: "privacy:anonymised" } : { list: lines, lines: true },
      },
    });
  }
  if (tickets.length > 0) {
    parts.push({
      key: "privacy:tickets",
      params: { list: { list: tickets.map((t) => ({ key: "privacy:ticketLine", params: { reference: { ltr: t.reference }, kind: { key: `privacy:ticketKind.${t.kind}` }, date: { date: t.created_at } } })), lines: true } },
    });
  }
  parts.push({ key: "privacy:surveys", params: { count: surveys.filter((s) => s.status === "answered").length } });
  parts.push({ key: "privacy:rights" });
  return { text: parts, sensitive: true };
}

export { anonymiseContact, confirmDeletion, type ErasureFiles } from "./erasure";

/** Records a beneficiary's deletion request; returns its reference. */
export async function requestDeletion(db: Executor, contactId: number, at: string): Promise<string> {
  const open = await db.selectFrom("privacy_requests").select("reference").where("contact_id", "=", contactId).where("kind", "=", "deletion").where("status", "=", "pending").executeTakeFirst();
  if (open) return open.reference;
  const reference = await repo.nextReference(db, "P", at);
  await db.insertInto("privacy_requests").values({ reference, contact_id: contactId, kind: "deletion", status: "pending", created_at: at, done_at: null, done_by: null }).execute();
  return reference;
}

/**
 * The retention job: closed applications (rejected, withdrawn, or approved
 * with the enrolment ended) and messages older than the profile's retention
 * period lose their personal content. Idempotent.
 */
export async function applyRetention(db: Kysely<Database>, profile: Profile, now: Date): Promise<{ applications: number; messages: number }> {
  const cutoff = new Date(now.getTime() - profile.retentionDays * 86_400_000).toISOString();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const apps = await trx
      .selectFrom("applications as a")
      .leftJoin("enrolments as e", "e.application_id", "a.id")
      .select("a.id")
      .where("a.anonymised_at", "is", null)
      .where("a.updated_at", "<=", cutoff)
      .where((eb) =>
        eb.or([eb("a.status", "in", ["rejected", "withdrawn"]), eb.and([eb("a.status", "=", "approved"), eb("e.status", "=", "ended")])]),
      )
      .execute();
    const ids = apps.map((a) => a.id);
    if (ids.length > 0) {
      await trx.updateTable("applications").set({ fields: "{}", national_id_hash: null, anonymised_at: at }).where("id", "in", ids).execute();
      await trx.updateTable("application_events").set({ note: null }).where("application_id", "in", ids).execute();
    }
    const msgs = await trx.updateTable("messages").set({ body: null }).where("created_at", "<=", cutoff).where("body", "is not", null).executeTakeFirst();
    await trx.deleteFrom("outbox").where("status", "!=", "pending").where("created_at", "<=", cutoff).execute();
    await trx.updateTable("notices").set({ message: null, params: "{}", followup: 0 }).where("created_at", "<=", cutoff).where("message", "is not", null).execute();
    return { applications: ids.length, messages: Number(msgs.numUpdatedRows) };
  });
}
