/**
 * Where the CPU goes: profiles a phase with the V8 sampling profiler
 * (node:inspector, no command-line flag needed) and groups self time into
 * a few categories by source file and function.
 *
 * better-sqlite3 runs SQLite inside native calls. Once the callers are
 * optimised they show as frames of their own without a url (`Statement`:
 * parsing and planning a statement; `run`, `all`, `get`: executing it);
 * before that the profiler charges them to the JavaScript caller (the
 * `prepare` wrapper in better-sqlite3; Kysely's `SqliteConnection.executeQuery`,
 * which also runs the BEGIN and COMMIT of every group of turns).
 */
import inspector from "node:inspector";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** Starts the sampling profiler; `stop` returns the profile (call it once). */
export async function startProfile(intervalUs = 250): Promise<{ stop(): Promise<CpuProfile> }> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, "Profiler.enable");
    await post(session, "Profiler.setSamplingInterval", { interval: intervalUs });
    await post(session, "Profiler.start");
  } catch (error) {
    session.disconnect();
    throw error;
  }
  return {
    async stop() {
      try {
        return (await post<{ profile: CpuProfile }>(session, "Profiler.stop")).profile;
      } finally {
        session.disconnect();
      }
    },
  };
}

export const CATEGORIES = [
  "SQLite: executing statements",
  "SQLite: preparing statements (parse + plan, every query)",
  "Kysely: building and compiling queries, driver, mutex",
  "Repositories and engine glue (db/repo, bot/engine)",
  "Flows (the conversation step)",
  "Rendering replies (i18next, bot/i18n, bot/notify)",
  "Encryption at rest (bot/crypto, bot/sealing, node:crypto)",
  "FAQ matcher and Arabic normalisation",
  "Garbage collection",
  "Other (Node internals, bench driver, idle)",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** better-sqlite3's native methods, which appear as frames of their own (no url) once callers are optimised. */
const NATIVE_EXECUTE = new Set(["run", "all", "get", "iterate", "exec", "pragma"]);

function categorize(fn: string, url: string): Category {
  if (fn === "(garbage collector)") return "Garbage collection";
  if (url === "" && NATIVE_EXECUTE.has(fn)) return "SQLite: executing statements";
  if (url === "" && fn === "Statement") return "SQLite: preparing statements (parse + plan, every query)";
  if (url.includes("node_modules/better-sqlite3")) return fn === "prepare" ? "SQLite: preparing statements (parse + plan, every query)" : "SQLite: executing statements";
  if (url.includes("node_modules/kysely")) {
    return fn === "executeQuery" && url.includes("sqlite-driver") ? "SQLite: executing statements" : "Kysely: building and compiling queries, driver, mutex";
  }
  if (url.includes("node_modules/i18next") || url.includes("/bot/i18n") || url.includes("/bot/notify")) return "Rendering replies (i18next, bot/i18n, bot/notify)";
  if (url.includes("/bot/crypto") || url.includes("/bot/sealing") || url.includes("node:internal/crypto")) return "Encryption at rest (bot/crypto, bot/sealing, node:crypto)";
  if (url.includes("/flows/faq/") || url.includes("/flows/text/")) return "FAQ matcher and Arabic normalisation";
  if (url.includes("/flows/")) return "Flows (the conversation step)";
  if (url.includes("/db/") || url.includes("/bot/engine/")) return "Repositories and engine glue (db/repo, bot/engine)";
  return "Other (Node internals, bench driver, idle)";
}

/** Self time per category, as shares of all non-idle samples. */
export function breakdown(p: CpuProfile): Array<{ category: Category; share: number; ms: number }> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const total = new Map<Category, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === "(idle)") return;
    const c = categorize(node.callFrame.functionName, node.callFrame.url);
    total.set(c, (total.get(c) ?? 0) + dt);
    all += dt;
  });
  return CATEGORIES.map((category) => ({ category, ms: (total.get(category) ?? 0) / 1000, share: all ? (total.get(category) ?? 0) / all : 0 }));
}
