/**
 * The statements of the conversation's hot path (every turn, a first contact,
 * a submission, delivering a reply), prepared once on the better-sqlite3
 * handle and run synchronously inside the Kysely transaction of a group of
 * turns (one connection: the same transaction). Building and compiling Kysely
 * query objects cost more than running these statements (docs/benchmarks.md);
 * everything else (staff, decisions, surveys, privacy, reports) goes through
 * the Kysely repositories in `db/repo.ts`.
 */
import type SQLite from "better-sqlite3";
import type { ApplicationStatus, ChannelName, TicketKind } from "./schema";
import {
  formatReference,
  OPEN_STATUSES,
  referenceCounter,
  toContact,
  type ApplicationSummary,
  type Contact,
  type InboundRecord,
  type TicketSummary,
} from "./repo";

/** An application as the engine stores it at submission (the answers already sealed). */
export interface NewApplication {
  contactId: number;
  programId: string;
  fields: unknown;
  nationalIdHash: string | null;
  attestedAt: string;
  privacyAcceptedAt: string;
  termsAcceptedAt: string;
  sensitiveConsentAt: string | null;
  at: string;
}

/** Savepoint control on the connection the Kysely handle uses: one per turn inside a group's transaction. */
export interface Savepoints {
  savepoint(): void;
  release(): void;
  rollback(): void;
  /** False once SQLite has rolled the whole transaction back on its own (disk full, I/O error). */
  inTransaction(): boolean;
}

export interface HotPath {
  /** One savepoint per turn inside a group's transaction (`bot/engine/writer.ts`). */
  savepoints: Savepoints;
  /** The contact behind a chat, or undefined on first contact (then `createIdentity`). */
  findIdentity(channel: ChannelName, chatId: string): { identityId: number; contact: Contact } | undefined;
  /**
   * The identity of a chat heard from for the first time. A phone the channel itself vouches for
   * (WhatsApp's sender) links it to the contact proven to hold that number (one person on WhatsApp
   * and Telegram); otherwise a new contact. A number typed into a form never links anything.
   */
  createIdentity(a: { channel: ChannelName; chatId: string; verifiedPhone: string | null; defaultLocale: string; at: string; displayName: string | null }): {
    identityId: number;
    contact: Contact;
    isNew: boolean;
  };
  /**
   * The chat proved that `phone` is its own (Telegram's shared contact of one's own number). When
   * another contact already holds that proven number, the chat's contact is merged into it (every
   * row of the one moves to the other: it is one person); otherwise the number is recorded as this
   * contact's proof. Returns the contact the chat belongs to now.
   */
  proveOwnPhone(a: { identityId: number; contact: Contact; phone: string; at: string }): Contact;
  /** The reference of an open application to `programId` by the person with this national-ID hash. */
  findOpenApplication(programId: string, nationalIdHash: string): string | null;
  /**
   * The latest application to `programId` by the person with this national-ID hash that may block a
   * new one (open, approved or rejected; never a withdrawn one), with its status.
   */
  latestApplicationByNationalId(programId: string, nationalIdHash: string): { reference: string; status: ApplicationStatus } | null;
  /** Stores a submitted application with its reference (A<yy>-nnnnn) and its first event. */
  insertApplication(a: NewApplication): { id: number; reference: string };
  recordConsent(c: { contactId: number; purpose: string; applicationId: number | null; at: string }): void;
  /** Records an inbound message; false when the channel delivered it before. */
  recordInbound(m: InboundRecord): boolean;
  /** The chat's session and its flood window (`bot/engine/flood.ts`; 0 when none). */
  loadSession(identityId: number): { version: number; state: unknown; flood: number } | null;
  saveSession(identityId: number, version: number, state: unknown, at: string, flood: number): void;
  /** Records the flood window of a chat whose message was not processed (its session is left as it was). */
  saveFlood(identityId: number, flood: number): void;
  applicationsOfContact(contactId: number): ApplicationSummary[];
  openHandoffOf(contactId: number): { reference: string } | null;
  ticketsOfContact(contactId: number): TicketSummary[];
  /** Marks a delivered outbox row sent, dropping its payload. */
  markSent(id: number, attempts: number, at: string): void;
  recordOutbound(m: { contactId: number | null; channel: ChannelName; chatId: string; messageId: string | null; body: string; at: string }): void;
  /** Queues one message (no dedupe key). */
  enqueue(row: { contactId: number | null; audience: "beneficiary" | "staff"; channel: ChannelName; chatId: string; payload: string; at: string }): void;
  /** The chat wrote to us at `at` (WhatsApp's 24-hour window is measured from the latest). */
  touchWindow(channel: ChannelName, chatId: string, at: string): void;
  /**
   * The free messages of notices that reached this chat as a template and wait for the person
   * to write again (their window is open now); they are handed over once.
   */
  takeFollowups(contactId: number, channel: ChannelName, chatId: string, at: string): string[];
  /**
   * Records a status a channel reported about a sent message (never going back: a late
   * "delivered" after "read" is ignored) and applies it to the message's row. Returns false when
   * it changed nothing; else whether a notice carries that message.
   */
  recordStatus(s: MessageStatusReport): { changed: false } | { changed: true; notice: boolean };
  /** The status stored for a sent message, if the channel reported one. */
  messageStatus(channel: ChannelName, messageId: string): { status: StatusName; at: string; errorCode: string | null; errorTitle: string | null } | null;
  /** The last season whose greeting the contact got ("ramadan:1448"), or null (read only when greeting in a season). */
  seasonGreetedOf(contactId: number): string | null;
  /** Where the person lives: as they told us for a referral, else the city of their latest application; null when unknown. */
  cityOf(contactId: number): string | null;
}

export type StatusName = "sent" | "delivered" | "read" | "failed";

export interface MessageStatusReport {
  channel: ChannelName;
  messageId: string;
  status: StatusName;
  at: string;
  errorCode: string | null;
  errorTitle: string | null;
  now: string;
}

const STATUS_RANK = (col: string) => `(case ${col} when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 when 'failed' then 4 else 0 end)`;

export function createHotPath(sqlite: SQLite.Database): HotPath {
  const identity = sqlite.prepare(
    `select i.id as identity_id, c.id, c.locale, c.locale_chosen_at, c.beneficiary_type, c.phone, c.privacy_accepted_at, c.unreachable, c.created_at
     from channel_identities i join contacts c on c.id = i.contact_id where i.channel = ? and i.external_id = ?`,
  );
  const inbound = sqlite.prepare(
    `insert into messages (contact_id, channel, chat_id, direction, channel_message_id, kind, body, status, error, created_at)
     values (?, ?, ?, 'in', ?, ?, ?, ?, ?, ?) on conflict do nothing`,
  );
  const session = sqlite.prepare(`select version, state, flood from sessions where identity_id = ?`);
  const upsertSession = sqlite.prepare(
    `insert into sessions (identity_id, version, state, updated_at, flood) values (?, ?, ?, ?, ?)
     on conflict (identity_id) do update set version = excluded.version, state = excluded.state, updated_at = excluded.updated_at, flood = excluded.flood`,
  );
  const floodOnly = sqlite.prepare(`update sessions set flood = ? where identity_id = ?`);
  const applications = sqlite.prepare(
    `select reference, program_id, status, submitted_at, updated_at, info_request, info_due_at, decided_at
     from applications where contact_id = ? order by id desc`,
  );
  const tickets = sqlite.prepare(
    `select t.reference, t.kind, t.status, t.created_at, t.closed_at, t.decision, a.reference as application_reference
     from tickets t left join applications a on a.id = t.application_id
     where t.contact_id = ? and t.kind != 'referral' order by t.id desc limit 50`,
  );
  const latestByNid = sqlite.prepare(
    `select reference, status from applications where program_id = ? and national_id_hash = ? and status != 'withdrawn'
     order by id desc limit 1`,
  );
  const handoff = sqlite.prepare(
    `select reference from tickets where contact_id = ? and kind = 'handoff' and status = 'open' order by id desc limit 1`,
  );
  const outbox = sqlite.prepare(
    `insert into outbox (contact_id, audience, channel, chat_id, payload, status, attempts, next_attempt_at, created_at)
     values (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );

  const sent = sqlite.prepare(`update outbox set status = 'sent', sent_at = ?, attempts = ?, last_error = null, payload = '' where id = ?`);
  const outbound = sqlite.prepare(
    `insert into messages (contact_id, channel, chat_id, direction, channel_message_id, kind, body, status, error, created_at)
     values (?, ?, ?, 'out', ?, 'text', ?, 'sent', null, ?) on conflict do nothing`,
  );

  const CONTACT_COLUMNS = "id, locale, locale_chosen_at, beneficiary_type, phone, privacy_accepted_at, unreachable, created_at";
  const contactByProof = sqlite.prepare(
    `select ${CONTACT_COLUMNS} from contacts where verified_phone = ? and anonymised_at is null order by id limit 1`,
  );
  const newContact = sqlite.prepare(
    `insert into contacts (locale, display_name, phone, verified_phone, privacy_accepted_at, unreachable_at, created_at, updated_at)
     values (?, ?, ?, ?, null, null, ?, ?) returning ${CONTACT_COLUMNS}`,
  );
  const recordProof = sqlite.prepare(`update contacts set verified_phone = ?, phone = coalesce(phone, ?), updated_at = ? where id = ?`);
  const contactById = sqlite.prepare(`select ${CONTACT_COLUMNS} from contacts where id = ?`);
  const deleteContact = sqlite.prepare(`delete from contacts where id = ?`);
  // Every table that names a contact (read now: migrations have run), so a merge leaves nothing behind.
  const contactTables = (
    sqlite
      .prepare(`select m.name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and p.name = 'contact_id' order by m.name`)
      .all() as Array<{ name: string }>
  ).map((t) => sqlite.prepare(`update "${t.name.replace(/"/g, '""')}" set contact_id = ? where contact_id = ?`));
  const newIdentity = sqlite.prepare(`insert into channel_identities (contact_id, channel, external_id, created_at) values (?, ?, ?, ?) returning id`);
  const openApplication = sqlite.prepare(
    `select reference from applications where program_id = ? and national_id_hash = ? and status in (${OPEN_STATUSES.map(() => "?").join(", ")}) limit 1`,
  );
  const counter = sqlite.prepare(`insert into counters (name, value) values (?, 1) on conflict (name) do update set value = value + 1 returning value`);
  const newApplication = sqlite.prepare(
    `insert into applications (reference, contact_id, program_id, status, fields, national_id_hash, attested_at, privacy_accepted_at,
       terms_accepted_at, sensitive_consent_at, submitted_at, decided_at, created_at, updated_at)
     values (?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, null, ?, ?) returning id`,
  );
  const submittedEvent = sqlite.prepare(
    `insert into application_events (application_id, actor, action, from_status, to_status, note, created_at)
     values (?, 'beneficiary', 'submitted', null, 'submitted', null, ?)`,
  );
  const consent = sqlite.prepare(`insert into consents (contact_id, purpose, application_id, granted_at) values (?, ?, ?, ?)`);

  const window = sqlite.prepare(
    `insert into chat_windows (channel, chat_id, last_inbound_at) values (?, ?, ?)
     on conflict (channel, chat_id) do update set last_inbound_at = max(last_inbound_at, excluded.last_inbound_at)`,
  );
  const followups = sqlite.prepare(
    `select id, message from notices where contact_id = ? and followup = 1 and channel = ? and chat_id = ? order by id`,
  );
  const followed = sqlite.prepare(`update notices set followup = 0, message = null, updated_at = ? where id = ?`);
  const statusUpsert = sqlite.prepare(
    `insert into message_statuses (channel, message_id, status, status_at, error_code, error_title, updated_at) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (channel, message_id) do update set status = excluded.status, status_at = excluded.status_at,
       error_code = excluded.error_code, error_title = excluded.error_title, updated_at = excluded.updated_at
     where ${STATUS_RANK("excluded.status")} > ${STATUS_RANK("message_statuses.status")}`,
  );
  const statusOfMessage = sqlite.prepare(
    `update messages set status = ?, error = coalesce(?, error) where channel = ? and direction = 'out' and channel_message_id = ?`,
  );
  const noticeOfMessage = sqlite.prepare(`select 1 from notices where channel = ? and channel_message_id = ? limit 1`);
  const storedStatus = sqlite.prepare(`select status, status_at, error_code, error_title from message_statuses where channel = ? and message_id = ?`);

  type ContactRow = { id: number; locale: string; locale_chosen_at: string | null; beneficiary_type: "direct" | "indirect"; phone: string | null; privacy_accepted_at: string | null; unreachable: number; created_at: string };

  const seasonGreeted = sqlite.prepare(`select season_greeted from contacts where id = ?`);
  const cityTold = sqlite.prepare(`select city from contacts where id = ?`);
  const cityApplied = sqlite.prepare(
    `select json_extract(fields, '$.city.value') as city from applications where contact_id = ? and json_valid(fields)
     and json_extract(fields, '$.city.type') = 'text' order by id desc limit 1`,
  );

  const savepoint = sqlite.prepare("savepoint turn");
  const release = sqlite.prepare("release turn");
  const rollback = sqlite.prepare("rollback to turn");

  return {
    savepoints: {
      savepoint: () => void savepoint.run(),
      release: () => void release.run(),
      rollback: () => void rollback.run(),
      inTransaction: () => sqlite.inTransaction,
    },
    markSent(id, attempts, at) {
      sent.run(at, attempts, id);
    },
    recordOutbound(m) {
      outbound.run(m.contactId, m.channel, m.chatId, m.messageId, m.body, m.at);
    },
    findIdentity(channel, chatId) {
      const r = identity.get(channel, chatId) as
        | { identity_id: number; id: number; locale: string; locale_chosen_at: string | null; beneficiary_type: "direct" | "indirect"; phone: string | null; privacy_accepted_at: string | null; unreachable: number; created_at: string }
        | undefined;
      return r ? { identityId: r.identity_id, contact: toContact(r) } : undefined;
    },
    createIdentity(a) {
      const linked = a.verifiedPhone ? (contactByProof.get(a.verifiedPhone) as ContactRow | undefined) : undefined;
      const row = linked ?? (newContact.get(a.defaultLocale, a.displayName, a.verifiedPhone, a.verifiedPhone, a.at, a.at) as ContactRow);
      const { id } = newIdentity.get(row.id, a.channel, a.chatId, a.at) as { id: number };
      return { identityId: id, contact: toContact(row), isNew: !linked };
    },
    proveOwnPhone(a) {
      const holder = contactByProof.get(a.phone) as ContactRow | undefined;
      if (!holder) {
        recordProof.run(a.phone, a.phone, a.at, a.contact.id);
        return { ...a.contact, phone: a.contact.phone ?? a.phone };
      }
      if (holder.id === a.contact.id) return a.contact;
      // The same proven number on two channels: one person. The chat's contact joins the holder.
      for (const move of contactTables) move.run(holder.id, a.contact.id);
      deleteContact.run(a.contact.id);
      return toContact(contactById.get(holder.id) as ContactRow);
    },
    latestApplicationByNationalId: (programId, hash) =>
      (latestByNid.get(programId, hash) as { reference: string; status: ApplicationStatus } | undefined) ?? null,
    findOpenApplication: (programId, hash) => (openApplication.get(programId, hash, ...OPEN_STATUSES) as { reference: string } | undefined)?.reference ?? null,
    insertApplication(a) {
      const name = referenceCounter("A", a.at);
      const reference = formatReference(name, (counter.get(name) as { value: number }).value);
      const { id } = newApplication.get(
        reference,
        a.contactId,
        a.programId,
        JSON.stringify(a.fields),
        a.nationalIdHash,
        a.attestedAt,
        a.privacyAcceptedAt,
        a.termsAcceptedAt,
        a.sensitiveConsentAt,
        a.at,
        a.at,
        a.at,
      ) as { id: number };
      submittedEvent.run(id, a.at);
      return { id, reference };
    },
    recordConsent(c) {
      consent.run(c.contactId, c.purpose, c.applicationId, c.at);
    },
    recordInbound: (m) =>
      inbound.run(m.contactId, m.channel, m.chatId, m.messageId, m.kind, m.body, m.status, m.error ?? null, m.at).changes > 0,
    loadSession(identityId) {
      const r = session.get(identityId) as { version: number; state: string; flood: number } | undefined;
      return r ? { version: r.version, state: JSON.parse(r.state) as unknown, flood: r.flood } : null;
    },
    saveSession(identityId, version, state, at, flood) {
      upsertSession.run(identityId, version, JSON.stringify(state), at, flood);
    },
    saveFlood(identityId, flood) {
      floodOnly.run(flood, identityId);
    },
    applicationsOfContact: (contactId) =>
      (
        applications.all(contactId) as Array<{
          reference: string;
          program_id: string;
          status: ApplicationStatus;
          submitted_at: string;
          updated_at: string;
          info_request: string | null;
          info_due_at: string | null;
          decided_at: string | null;
        }>
      ).map((r) => ({
        reference: r.reference,
        programId: r.program_id,
        status: r.status,
        submittedAt: r.submitted_at,
        updatedAt: r.updated_at,
        infoRequest: r.info_request,
        infoDueAt: r.info_due_at,
        decidedAt: r.decided_at,
      })),
    ticketsOfContact: (contactId) =>
      (
        tickets.all(contactId) as Array<{
          reference: string;
          kind: TicketKind;
          status: "open" | "closed";
          created_at: string;
          closed_at: string | null;
          decision: "accepted" | "rejected" | null;
          application_reference: string | null;
        }>
      ).map((r) => ({
        reference: r.reference,
        kind: r.kind,
        status: r.status,
        createdAt: r.created_at,
        closedAt: r.closed_at,
        applicationReference: r.application_reference,
        decision: r.decision,
      })),
    openHandoffOf: (contactId) => (handoff.get(contactId) as { reference: string } | undefined) ?? null,
    enqueue(row) {
      outbox.run(row.contactId, row.audience, row.channel, row.chatId, row.payload, row.at, row.at);
    },
    touchWindow(channel, chatId, at) {
      window.run(channel, chatId, at);
    },
    recordStatus(r) {
      if (statusUpsert.run(r.channel, r.messageId, r.status, r.at, r.errorCode, r.errorTitle, r.now).changes === 0) return { changed: false };
      const error = r.status === "failed" ? `${r.errorCode ?? ""} ${r.errorTitle ?? ""}`.trim().slice(0, 300) : null;
      statusOfMessage.run(r.status, error, r.channel, r.messageId);
      return { changed: true, notice: noticeOfMessage.get(r.channel, r.messageId) !== undefined };
    },
    messageStatus(channel, messageId) {
      const r = storedStatus.get(channel, messageId) as { status: StatusName; status_at: string; error_code: string | null; error_title: string | null } | undefined;
      return r ? { status: r.status, at: r.status_at, errorCode: r.error_code, errorTitle: r.error_title } : null;
    },
    takeFollowups(contactId, channel, chatId, at) {
      const rows = followups.all(contactId, channel, chatId) as Array<{ id: number; message: string | null }>;
      for (const r of rows) followed.run(at, r.id);
      return rows.flatMap((r) => (r.message ? [r.message] : []));
    },
    seasonGreetedOf: (contactId) => (seasonGreeted.get(contactId) as { season_greeted: string | null } | undefined)?.season_greeted ?? null,
    cityOf(contactId) {
      const told = (cityTold.get(contactId) as { city: string | null } | undefined)?.city ?? null;
      if (told !== null) return told;
      const applied = (cityApplied.get(contactId) as { city: unknown } | undefined)?.city;
      return typeof applied === "string" && applied.trim() !== "" ? applied : null;
    },
  };
}
