/**
 * Group commit. The turns of different chats that are ready at the same time
 * run one after another inside one database transaction, each in a savepoint
 * of its own, and commit together: one commit (the costly part of a write,
 * docs/benchmarks.md) serves many turns when a broadcast or a survey wave
 * brings many replies at once, and a single turn when the bot is quiet.
 *
 * A turn that throws is rolled back to its savepoint alone; the others of its
 * group commit. Every caller's promise settles only after the commit, so
 * nothing is acknowledged (to the channel, or by a reply) before it is durable.
 * If the commit itself fails, every turn of the group fails with it.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { Savepoints } from "../../db/hot";

export type { Savepoints };

export type Work<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupWriter {
  /** Runs `work` in the next group's transaction; settles after that group commits. */
  run<T>(work: Work<T>): Promise<T>;
  /** How many groups and items have committed so far (for benchmarks and tests). */
  readonly stats: { groups: number; items: number };
}

interface Item {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createGroupWriter(options: { db: Kysely<Database>; savepoints: Savepoints; maxGroup?: number }): GroupWriter {
  const { db, savepoints } = options;
  const maxGroup = options.maxGroup ?? 64;
  const queue: Item[] = [];
  const stats = { groups: 0, items: 0 };
  let scheduled = false;

  async function commitGroup(group: Item[]): Promise<void> {
    const settled: Settled[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const item of group) {
          savepoints.savepoint();
          let value: unknown;
          try {
            value = await item.work(trx);
          } catch (error) {
            // SQLite may have rolled the whole transaction back (I/O error, disk full): the group fails.
            if (!savepoints.inTransaction()) throw error;
            savepoints.rollback();
            savepoints.release();
            settled.push({ ok: false, error });
            continue;
          }
          savepoints.release();
          settled.push({ ok: true, value });
        }
      });
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    stats.groups++;
    stats.items += group.length;
    group.forEach((item, i) => {
      const s = settled[i]!;
      if (s.ok) item.resolve(s.value);
      else item.reject(s.error);
    });
  }

  /** Commits one group, then lets the callers it released submit their next turns before the next group. */
  async function drain(): Promise<void> {
    try {
      await commitGroup(queue.splice(0, maxGroup));
    } finally {
      if (queue.length > 0) setImmediate(() => void drain());
      else scheduled = false;
    }
  }

  return {
    stats,
    run<T>(work: Work<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (scheduled) return;
        scheduled = true;
        // After the current callbacks: the turns that become ready together join one group.
        setImmediate(() => void drain());
      });
    },
  };
}
