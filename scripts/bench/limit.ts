/**
 * The limit: the raw better-sqlite3 rate of the work a turn fundamentally
 * needs, on the same file system, with the same schema, indexes and pragmas
 * (the database is opened by `openDatabase`, as the bot opens it): in one
 * transaction, insert the inbound message, read the session, update it,
 * insert one outbox row. Prepared statements, no query builder, no flow.
 *
 * Other passes on the same data show where the engine stands against it:
 * the same work plus delivering each reply in a transaction of its own (what
 * an unlimited channel costs), the same work with turns committed together
 * (group commit, as the engine does under load), and the statements the
 * engine runs for a turn of a form, committed together, with nothing else.
 */
import path from "node:path";
import type SQLite from "better-sqlite3";
import { openDatabase, type OpenedDb } from "../../db";
import { createHotPath } from "../../db/hot";
import { nowMs, RateTimer, type Rate } from "./util";
import { BENCH_ORIGIN } from "./turns";

export type LimitPass =
  /** The limit: 4 statements in one transaction. */
  | "minimal"
  /** The limit, then the reply delivered in its own transaction (mark sent, record the outbound message). */
  | "minimal+delivery"
  /** The limit's turns, committed together: a transaction per 50 turns, each turn in a savepoint. */
  | "grouped"
  /**
   * The statements the engine runs for a turn in the middle of a form (find the chat's identity and
   * contact, insert the inbound message, read the session, write it back, insert the reply into the
   * outbox), 50 turns to a transaction, each in a savepoint: the engine's SQLite work, nothing else.
   */
  | "engine-sql";

/** Turns a group commits together in the grouped passes (the engine's groups are as large as the turns that are ready). */
export const GROUP = 50;

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
  // The engine's own prepared statements, for the "engine-sql" pass.
  const hot = createHotPath(sqlite);

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
  // Called inside a transaction, better-sqlite3 runs a transaction function in a savepoint.
  const engineTurn = sqlite.transaction((chatId: string, messageId: string, at: string): number => {
    const c = hot.findIdentity("console", chatId)!;
    const record = { contactId: c.contact.id, channel: "console" as const, chatId, messageId, kind: "text", body: "1", status: "processed", at };
    if (!hot.recordInbound(record)) return 0;
    const s = hot.loadSession(c.identityId)!;
    (s.state as { step: { index: number } }).step.index++;
    hot.saveSession(c.identityId, s.version, s.state, at, s.flood);
    hot.enqueue({ contactId: c.contact.id, audience: "beneficiary", channel: "console", chatId, payload, at });
    return 1;
  });
  const inGroups = (turn: (chatId: string, messageId: string, at: string) => number) =>
    sqlite.transaction((group: Array<[string, string, string]>) => {
      for (const [chatId, messageId, at] of group) turn(chatId, messageId, at);
    });
  const groupedMinimal = inGroups(minimalTurn);
  const groupedEngine = inGroups(engineTurn);
  const deliverOne = sqlite.transaction((id: number, chatId: string, at: string) => {
    markSent.run(at, id);
    insOut.run(null, chatId, `out-${id}`, payload, at);
  });
  let seq = 0;
  const run = async (pass: LimitPass, turns: number): Promise<Rate> => {
    const label = `${pass}-${++seq}`;
    const once = (n: number, tag: string): Rate => {
      const start = nowMs();
      const timer = new RateTimer();
      const group: Array<[string, string, string]> = [];
      for (let k = 0; k < n; k++) {
        const chatId = `b${k % options.users}`;
        const at = new Date(BENCH_ORIGIN + (nowMs() - start)).toISOString();
        if (pass === "grouped" || pass === "engine-sql") {
          group.push([chatId, `${tag}-${k}`, at]);
          if (group.length < GROUP && k < n - 1) continue;
          (pass === "grouped" ? groupedMinimal : groupedEngine)(group.splice(0));
          continue;
        }
        const id = minimalTurn(chatId, `${tag}-${k}`, at);
        if (pass === "minimal+delivery" && id) deliverOne(id, chatId, at);
      }
      return timer.stop(n);
    };
    once(Math.min(1_000, Math.max(100, Math.floor(turns / 5))), `${label}-warm`);
    return once(turns, label);
  };

  return { pragmas, run, close: () => opened.close() };
}
