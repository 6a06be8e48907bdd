/**
 * A small structured logger. Every line goes through `redact`: national IDs,
 * Iqama numbers and bot tokens never reach a log.
 */
import { maskNationalIds } from "./pii";
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export { containsNationalId } from "./pii";

/** Masks Saudi national ID / Iqama numbers (any digit script, any separators between the digits) and bot tokens. */
export function redact(text: string): string {
  return maskNationalIds(text.replace(/\d{6,12}:[A-Za-z0-9_-]{30,}/g, "[token]"), () => "[id]");
}

function describe(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, ...(value.cause !== undefined ? { cause: describe(value.cause) } : {}), stack: value.stack };
  }
  return value;
}

export function createLogger(level: LogLevel = "info", sink: (line: string) => void = (l) => process.stderr.write(l + "\n")): Logger {
  const log = (lvl: Exclude<LogLevel, "silent">, msg: string, data?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg };
    if (data) for (const [k, v] of Object.entries(data)) entry[k] = describe(v);
    sink(redact(JSON.stringify(entry)));
  };
  return {
    debug: (m, d) => log("debug", m, d),
    info: (m, d) => log("info", m, d),
    warn: (m, d) => log("warn", m, d),
    error: (m, d) => log("error", m, d),
  };
}
