/**
 * The limit: the raw better-sqlite3 rate of the work a turn fundamentally
 * needs, on the same file system, with the same schema, indexes and pragmas
 * (the database is opened by `openDatabase`, as the bot opens it): in one
 * transaction, insert the inbound message, read the session, update it,
 * insert one outbox row. Prepared statements, no query builder, no flow.
 *
 * Other passes on the same data decompose the gap between the engine and
 * the limit: the same work plus delivering the reply (one transaction per
 * row, as the outbox does), the engine's current statements done raw, and a
 * proposed statement set.
 */
import path from "node:path";
import type SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import { openDatabase, type OpenedDb } from "../../db";
import * as repo from "../../db/repo";
import type { Database } from "../../db/schema";
import { kyselyOver } from "./sqlite";
import { nowMs, RateTimer, type Rate } from "./util";
import { BENCH_ORIGIN } from "./turns";

export type LimitPass =
  /** The limit: 4 statements in one transaction. */
  | "minimal"
  /** The limit, then the reply delivered in its own transaction (mark sent, record the outbound message). */
  | "minimal+delivery"
  /** The limit, with deliveries recorded 20 at a time in one transaction. */
  | "minimal+batched"
  /**
   * The statements the engine issues for a turn and its delivery (as of this
   * writing: insert inbound, identity+contact, attach, flood count, session,
   * applications, open handoff, save session, insert outbox; delivery: mark
   * sent, record outbound), prepared once.
   */
  | "current-sql"
  /**
   * A proposed set: one read (identity, contact, session, open handoff and the
   * flood count as subqueries), then insert inbound (with its contact), save
   * session, insert outbox; each delivery in its own transaction.
   */
  | "proposed-sql"
  /** The proposed set with deliveries recorded 20 at a time. */
  | "proposed-sql+batched"
  /** The engine's own repository functions through Kysely (the same statements as "current-sql"), no flow. */
  | "kysely-repo"
  /** The same, over a Kysely driver that reuses prepared statements. */
  | "kysely-repo+cache";

export interface LimitBench {
  pragmas: Record<string, unknown>;
  /** Turns per second of one pass over `turns` turns (after a warm-up). */
  run(pass: LimitPass, turns: number): Promise<Rate>;
  close(): Promise<void>;
}

function filler(bytes: number): string {
  return "ب".repeat(Math.max(1, Math.floor(bytes / 2)));
}

export async function openLimitBench(options: { dir: string; users: number; stateBytes: number; payloadBytes: number }): Promise<LimitBench> {
  const opened: OpenedDb = await openDatabase(path.join(options.dir, "limit.sqlite"));
  const sqlite: SQLite.Database = opened.sqlite;
  const pragmas: Record<string, unknown> = {};
  for (const p of ["journal_mode", "synchronous", "foreign_keys", "secure_delete", "cache_size", "page_size", "wal_autocheckpoint"]) {
    pragmas[p] = sqlite.pragma(p, { simple: true });
  }
  const at0 = new Date(BENCH_ORIGIN).toISOString();
  const state0 = JSON.stringify({ flow: "apply", step: { name: "field", index: 0 }, pad: filler(options.stateBytes - 60) });
  const payload = JSON.stringify({ text: filler(options.payloadBytes - 20) });

  // Seed: one contact, identity and session per chat.
  const insContact = sqlite.prepare("INSERT INTO contacts (locale, created_at, updated_at) VALUES ('ar', ?, ?)");
  const insIdentity = sqlite.prepare("INSERT INTO channel_identities (contact_id, channel, external_id, created_at) VALUES (?, 'console', ?, ?)");
  const insSession = sqlite.prepare("INSERT INTO sessions (identity_id, version, state, updated_at) VALUES (?, 1, ?, ?)");
  sqlite.transaction(() => {
    for (let u = 0; u < options.users; u++) {
      const c = insContact.run(at0, at0).lastInsertRowid;
      const i = insIdentity.run(c, `b${u}`, at0).lastInsertRowid;
      insSession.run(i, state0, at0);
    }
  })();

  const insMessage = sqlite.prepare(
    "INSERT INTO messages (contact_id, channel, chat_id, direction, channel_message_id, kind, body, status, error, created_at) " +
      "VALUES (?, 'console', ?, 'in', ?, 'text', ?, 'processed', NULL, ?) ON CONFLICT DO NOTHING",
  );
  const getSession = sqlite.prepare(
    "SELECT i.id AS identity_id, i.contact_id, s.version, s.state FROM channel_identities i " +
      "LEFT JOIN sessions s ON s.identity_id = i.id WHERE i.channel = 'console' AND i.external_id = ?",
  );
  const putSession = sqlite.prepare(
    "INSERT INTO sessions (identity_id, version, state, updated_at) VALUES (?, ?, ?, ?) " +
      "ON CONFLICT(identity_id) DO UPDATE SET version = excluded.version, state = excluded.state, updated_at = excluded.updated_at",
  );
  const insOutbox = sqlite.prepare(
    "INSERT INTO outbox (contact_id, audience, channel, chat_id, payload, status, attempts, next_attempt_at, last_error, dedupe_key, created_at, sent_at) " +
      "VALUES (?, 'beneficiary', 'console', ?, ?, 'pending', 0, ?, NULL, NULL, ?, NULL) ON CONFLICT (dedupe_key) DO NOTHING",
  );
  const markSent = sqlite.prepare("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, payload = '' WHERE id = ?");
  const insOut = sqlite.prepare(
    "INSERT INTO messages (contact_id, channel, chat_id, direction, channel_message_id, kind, body, status, error, created_at) " +
      "VALUES (?, 'console', ?, 'out', ?, 'text', ?, 'sent', NULL, ?) ON CONFLICT DO NOTHING",
  );
  // The engine's other statements today (see the statement counts in the report).
  const findIdentity = sqlite.prepare(
    "SELECT i.id AS identity_id, c.id, c.locale, c.beneficiary_type, c.phone, c.privacy_accepted_at, c.unreachable, c.created_at " +
      "FROM channel_identities i JOIN contacts c ON c.id = i.contact_id WHERE i.channel = ? AND i.external_id = ?",
  );
  const attach = sqlite.prepare("UPDATE messages SET contact_id = ? WHERE channel = ? AND direction = 'in' AND channel_message_id = ?");
  const loadSession = sqlite.prepare("SELECT version, state FROM sessions WHERE identity_id = ?");
  const recentInbound = sqlite.prepare("SELECT count(*) AS n FROM messages WHERE contact_id = ? AND direction = 'in' AND created_at >= ?");
  const applications = sqlite.prepare(
    "SELECT reference, program_id, status, submitted_at, updated_at FROM applications WHERE contact_id = ? ORDER BY id DESC",
  );
  const handoff = sqlite.prepare(
    "SELECT reference FROM tickets WHERE contact_id = ? AND kind = 'handoff' AND status = 'open' ORDER BY id DESC LIMIT 1",
  );
  // Proposed: everything a turn reads, in one statement.
  const readAll = sqlite.prepare(
    "SELECT i.id AS identity_id, c.id AS contact_id, c.locale, c.phone, c.privacy_accepted_at, s.version, s.state, " +
      "(SELECT t.reference FROM tickets t WHERE t.contact_id = c.id AND t.kind = 'handoff' AND t.status = 'open' ORDER BY t.id DESC LIMIT 1) AS handoff, " +
      "(SELECT count(*) FROM messages m WHERE m.contact_id = c.id AND m.direction = 'in' AND m.created_at >= ?) AS recent " +
      "FROM channel_identities i JOIN contacts c ON c.id = i.contact_id LEFT JOIN sessions s ON s.identity_id = i.id " +
      "WHERE i.channel = 'console' AND i.external_id = ?",
  );

  type SessionRow = { identity_id: number; contact_id: number; version: number; state: string };
  const nextState = (json: string): string => {
    const state = JSON.parse(json) as { step: { index: number } };
    state.step.index++;
    return JSON.stringify(state);
  };

  const minimalTurn = sqlite.transaction((chatId: string, messageId: string, at: string): number => {
    if (insMessage.run(null, chatId, messageId, "1", at).changes === 0) return 0;
    const s = getSession.get(chatId) as SessionRow;
    putSession.run(s.identity_id, s.version, nextState(s.state), at);
    return Number(insOutbox.run(s.contact_id, chatId, payload, at, at).lastInsertRowid);
  });
  const currentTurn = sqlite.transaction((chatId: string, messageId: string, at: string): number => {
    if (insMessage.run(null, chatId, messageId, "1", at).changes === 0) return 0;
    const c = findIdentity.get("console", chatId) as { identity_id: number; id: number };
    attach.run(c.id, "console", messageId);
    recentInbound.get(c.id, at);
    const s = loadSession.get(c.identity_id) as { version: number; state: string };
    applications.all(c.id);
    handoff.get(c.id);
    putSession.run(c.identity_id, s.version, nextState(s.state), at);
    return Number(insOutbox.run(c.id, chatId, payload, at, at).lastInsertRowid);
  });
  const proposedTurn = sqlite.transaction((chatId: string, messageId: string, at: string): number => {
    const r = readAll.get(at, chatId) as SessionRow & { handoff: string | null; recent: number };
    if (insMessage.run(r.contact_id, chatId, messageId, "1", at).changes === 0) return 0;
    putSession.run(r.identity_id, r.version, nextState(r.state), at);
    return Number(insOutbox.run(r.contact_id, chatId, payload, at, at).lastInsertRowid);
  });
  const deliverOne = sqlite.transaction((id: number, chatId: string, at: string) => {
    markSent.run(at, id);
    insOut.run(null, chatId, `out-${id}`, payload, at);
  });
  const deliverMany = sqlite.transaction((rows: Array<[number, string]>, at: string) => {
    for (const [id, chatId] of rows) {
      markSent.run(at, id);
      insOut.run(null, chatId, `out-${id}`, payload, at);
    }
  });

  // The engine's repository functions, through Kysely: the turn's statements and the outbox's delivery.
  const cached = kyselyOver(sqlite, { cache: true });
  const kyselyTurn = (db: Kysely<Database>, chatId: string, messageId: string, at: string): Promise<number> =>
    db.transaction().execute(async (trx) => {
      const identity = await repo.findOrCreateIdentity(trx, { channel: "console", chatId, defaultLocale: "ar", at });
      const fresh = await repo.recordInbound(trx, { contactId: identity.contact.id, channel: "console", chatId, messageId, kind: "text", body: "1", status: "processed", at });
      if (!fresh) return 0;
      await repo.countInboundSince(trx, identity.contact.id, at);
      const saved = await repo.loadSession(trx, identity.identityId);
      await repo.applicationsOfContact(trx, identity.contact.id);
      await repo.openHandoffOf(trx, identity.contact.id);
      const state = saved!.state as { step: { index: number } };
      state.step.index++;
      await repo.saveSession(trx, identity.identityId, saved!.version, state, at);
      await repo.enqueue(trx, {
        contact_id: identity.contact.id,
        audience: "beneficiary",
        channel: "console",
        chat_id: chatId,
        payload,
        next_attempt_at: at,
        last_error: null,
        dedupe_key: null,
        created_at: at,
        sent_at: null,
      });
      const row = await trx.selectFrom("outbox").select("id").where("chat_id", "=", chatId).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
      return row.id;
    });
  const kyselyDeliver = (db: Kysely<Database>, id: number, chatId: string, at: string): Promise<void> =>
    db.transaction().execute(async (trx) => {
      await trx.updateTable("outbox").set({ status: "sent", sent_at: at, attempts: 1, last_error: null, payload: "" }).where("id", "=", id).execute();
      await repo.recordOutbound(trx, { contactId: null, channel: "console", chatId, messageId: `out-${id}`, body: payload, at });
    });

  const runKysely = async (db: Kysely<Database>, turns: number, label: string): Promise<Rate> => {
    const once = async (n: number, tag: string): Promise<Rate> => {
      const start = nowMs();
      const timer = new RateTimer();
      for (let k = 0; k < n; k++) {
        const chatId = `b${k % options.users}`;
        const at = new Date(BENCH_ORIGIN + (nowMs() - start)).toISOString();
        const id = await kyselyTurn(db, chatId, `${tag}-${k}`, at);
        if (id) await kyselyDeliver(db, id, chatId, at);
      }
      return timer.stop(n);
    };
    await once(Math.min(1_000, Math.max(100, Math.floor(turns / 5))), `${label}-warm`);
    return once(turns, label);
  };

  let seq = 0;
  const run = async (pass: LimitPass, turns: number): Promise<Rate> => {
    const label = `${pass}-${++seq}`;
    if (pass === "kysely-repo") return runKysely(opened.db, turns, label);
    if (pass === "kysely-repo+cache") return runKysely(cached, turns, label);
    const turn = pass === "current-sql" ? currentTurn : pass.startsWith("proposed-sql") ? proposedTurn : minimalTurn;
    const delivery = pass !== "minimal";
    const batched = pass.endsWith("batched");
    const batch: Array<[number, string]> = [];
    const once = (n: number, tag: string): Rate => {
      const start = nowMs();
      const timer = new RateTimer();
      for (let k = 0; k < n; k++) {
        const chatId = `b${k % options.users}`;
        const at = new Date(BENCH_ORIGIN + (nowMs() - start)).toISOString();
        const id = turn(chatId, `${tag}-${k}`, at);
        if (!delivery || !id) continue;
        if (batched) {
          batch.push([id, chatId]);
          if (batch.length >= 20) deliverMany(batch.splice(0), at);
        } else deliverOne(id, chatId, at);
      }
      if (batch.length) deliverMany(batch.splice(0), new Date().toISOString());
      return timer.stop(n);
    };
    once(Math.min(1_000, Math.max(100, Math.floor(turns / 5))), `${label}-warm`);
    return once(turns, label);
  };

  return { pragmas, run, close: () => opened.close() };
}
