/**
 * The installation's secret key: from SILA_SECRET_KEY, or, for a local run
 * without one, generated once into the data folder (readable by its owner only).
 * National IDs are compared through a keyed hash of it, never in clear, and
 * sealed answers are encrypted with a key derived from it. A key file that is
 * empty, not 64 hexadecimal characters, or unreadable stops start-up: running
 * on with a wrong key would seal new data under a key nobody keeps.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "./errors";

const KEY_HEX = /^[0-9a-fA-F]{64}$/;

export function resolveSecretKey(fromEnv: string | undefined, dataDir: string): Buffer {
  if (fromEnv !== undefined) {
    if (!KEY_HEX.test(fromEnv)) throw new ConfigError("SILA_SECRET_KEY: expected 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`");
    return Buffer.from(fromEnv, "hex");
  }
  const file = path.join(dataDir, "secret.key");
  ensurePrivateDir(dataDir);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch (cause) {
    const reason = cause instanceof Error && "code" in cause ? String(cause.code) : "unreadable";
    throw new ConfigError(`${file}: the secret key cannot be read (${reason}); restore it from your backup or set SILA_SECRET_KEY`, { cause });
  }
  if (text === "") throw new ConfigError(`${file}: the secret key file is empty; restore it from your backup or set SILA_SECRET_KEY`);
  if (!KEY_HEX.test(text)) {
    throw new ConfigError(`${file}: expected 64 hexadecimal characters (32 bytes), found ${text.length} characters; restore the key from your backup or set SILA_SECRET_KEY`);
  }
  return Buffer.from(text, "hex");
}

/** Creates `dir` (and its parents) readable by the owner only; an existing folder is left as it is. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Keyed hash of a national ID for duplicate checks. */
export function nationalIdHasher(key: Buffer): (id: string) => string {
  const k = crypto.createHmac("sha256", key).update("national-id").digest();
  return (id) => crypto.createHmac("sha256", k).update(id).digest("hex");
}
