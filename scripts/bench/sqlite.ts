/**
 * Counts and times every statement better-sqlite3 executes, by SQL text, for
 * the statements table of the report: it wraps the methods of the Statement
 * class (the engine prepares its hot statements on the handle and Kysely
 * prepares through it too, so both are seen). Two clock reads a statement:
 * used only on a run of its own, never on one whose rate is reported.
 */
import SQLite from "better-sqlite3";

export interface StatementTime {
  executions: number;
  ns: number;
}

export function timeStatements(): { stop(): Map<string, StatementTime> } {
  const probe = new SQLite(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>;
  probe.close();
  const times = new Map<string, StatementTime>();
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    originals.set(method, original);
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const t0 = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        const sql = this.source.replace(/\s+/g, " ").trim();
        const e = times.get(sql) ?? { executions: 0, ns: 0 };
        e.executions++;
        e.ns += Number(process.hrtime.bigint() - t0);
        times.set(sql, e);
      }
    };
  }
  return {
    stop() {
      for (const [method, original] of originals) proto[method] = original;
      return times;
    },
  };
}
