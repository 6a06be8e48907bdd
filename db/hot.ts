/**
 * The statements every turn runs, prepared once on the better-sqlite3 handle
 * and run synchronously inside the turn's Kysely transaction (one connection:
 * the same transaction). Building and compiling Kysely query objects cost more
 * than running these statements (docs/benchmarks.md); everything else keeps
 * going through the Kysely repositories in `db/repo.ts`, which these mirror.
 */
import type SQLite from "better-sqlite3";
import type { ApplicationStatus, ChannelName } from "./schema";
import { toContact, type ApplicationSummary, type Contact, type InboundRecord } from "./repo";
import type { Savepoints } from "../bot/engine/writer";

export interface HotPath {
  /** One savepoint per turn inside a group's transaction (`bot/engine/writer.ts`). */
  savepoints: Savepoints;
  /** The contact behind a chat, or undefined on first contact (then use `repo.findOrCreateIdentity`). */
  findIdentity(channel: ChannelName, chatId: string): { identityId: number; contact: Contact } | undefined;
  /** Records an inbound message; false when the channel delivered it before. */
  recordInbound(m: InboundRecord): boolean;
  loadSession(identityId: number): { version: number; state: unknown } | null;
  saveSession(identityId: number, version: number, state: unknown, at: string): void;
  applicationsOfContact(contactId: number): ApplicationSummary[];
  openHandoffOf(contactId: number): { reference: string } | null;
  /** Marks a delivered outbox row sent, dropping its payload. */
  markSent(id: number, attempts: number, at: string): void;
  recordOutbound(m: { contactId: number | null; channel: ChannelName; chatId: string; messageId: string | null; body: string; at: string }): void;
  /** Queues one message (no dedupe key). */
  enqueue(row: { contactId: number | null; audience: "beneficiary" | "staff"; channel: ChannelName; chatId: string; payload: string; at: string }): void;
}

export function createHotPath(sqlite: SQLite.Database): HotPath {
  const identity = sqlite.prepare(
    `select i.id as identity_id, c.id, c.locale, c.beneficiary_type, c.phone, c.privacy_accepted_at, c.unreachable, c.created_at
     from channel_identities i join contacts c on c.id = i.contact_id where i.channel = ? and i.external_id = ?`,
  );
  const inbound = sqlite.prepare(
    `insert into messages (contact_id, channel, chat_id, direction, channel_message_id, kind, body, status, error, created_at)
     values (?, ?, ?, 'in', ?, ?, ?, ?, ?, ?) on conflict do nothing`,
  );
  const session = sqlite.prepare(`select version, state from sessions where identity_id = ?`);
  const upsertSession = sqlite.prepare(
    `insert into sessions (identity_id, version, state, updated_at) values (?, ?, ?, ?)
     on conflict (identity_id) do update set version = excluded.version, state = excluded.state, updated_at = excluded.updated_at`,
  );
  const applications = sqlite.prepare(
    `select reference, program_id, status, submitted_at, updated_at from applications where contact_id = ? order by id desc`,
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
        | { identity_id: number; id: number; locale: string; beneficiary_type: "direct" | "indirect"; phone: string | null; privacy_accepted_at: string | null; unreachable: number; created_at: string }
        | undefined;
      return r ? { identityId: r.identity_id, contact: toContact(r) } : undefined;
    },
    recordInbound: (m) =>
      inbound.run(m.contactId, m.channel, m.chatId, m.messageId, m.kind, m.body, m.status, m.error ?? null, m.at).changes > 0,
    loadSession(identityId) {
      const r = session.get(identityId) as { version: number; state: string } | undefined;
      return r ? { version: r.version, state: JSON.parse(r.state) as unknown } : null;
    },
    saveSession(identityId, version, state, at) {
      upsertSession.run(identityId, version, JSON.stringify(state), at);
    },
    applicationsOfContact: (contactId) =>
      (applications.all(contactId) as Array<{ reference: string; program_id: string; status: ApplicationStatus; submitted_at: string; updated_at: string }>).map(
        (r) => ({ reference: r.reference, programId: r.program_id, status: r.status, submittedAt: r.submitted_at, updatedAt: r.updated_at }),
      ),
    openHandoffOf: (contactId) => (handoff.get(contactId) as { reference: string } | undefined) ?? null,
    enqueue(row) {
      outbox.run(row.contactId, row.audience, row.channel, row.chatId, row.payload, row.at, row.at);
    },
  };
}
