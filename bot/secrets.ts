/**
 * The installation's secret key: from SILA_SECRET_KEY, or, for a local run
 * without one, generated once into the data folder (readable by its owner only).
 * National IDs are compared through a keyed hash of it, never in clear.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function resolveSecretKey(fromEnv: string | undefined, dataDir: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, "hex");
  const file = path.join(dataDir, "secret.key");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
}

/** Keyed hash of a national ID for duplicate checks. */
export function nationalIdHasher(key: Buffer): (id: string) => string {
  const k = crypto.createHmac("sha256", key).update("national-id").digest();
  return (id) => crypto.createHmac("sha256", k).update(id).digest("hex");
}
