/** Where a crash run keeps its files, and what the fake channel writes. */
import crypto from "node:crypto";
import path from "node:path";

export interface DeliveryLine {
  /** The outbox row delivered: the chat's pending row with this payload (null: none has it). */
  row: number | null;
  chat: string;
  /** First 16 hex digits of the SHA-256 of the payload sent. */
  hash: string;
  /** The row was the chat's oldest pending row (rows of one chat are delivered in order). */
  oldest: boolean;
  pid: number;
}

export const crashFiles = (dir: string) => ({
  script: path.join(dir, "script.json"),
  database: path.join(dir, "sila.sqlite"),
  offset: path.join(dir, "offset"),
  deliveries: path.join(dir, "deliveries.log"),
});

export const sha16 = (s: string): string => crypto.createHash("sha256").update(s).digest("hex").slice(0, 16);

/** The fixed secret key of crash runs: the national-ID hash and sealed answers must survive restarts. */
export const CRASH_SECRET = Buffer.alloc(32, 0x5a);
