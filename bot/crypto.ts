/**
 * Encryption at rest for what the law treats as most sensitive: national IDs,
 * health and disability answers, the session state that holds a form being
 * filled, and stored copies of messages that carry them. AES-256-GCM with a
 * random 96-bit IV per value; the key is derived (HKDF) from the
 * installation's secret, separately from the national-ID hash key.
 */
import crypto from "node:crypto";

const PREFIX = "enc:v1:";

/** True for a value made by a cipher's `encrypt` (no key needed to tell). */
export const isEncryptedValue = (value: string): boolean => value.startsWith(PREFIX);

export interface Cipher {
  encrypt(plain: string): string;
  /** Decrypts a value made by `encrypt`; a value without the prefix is returned as is. */
  decrypt(value: string): string;
  isEncrypted(value: string): boolean;
}

export function createCipher(secret: Buffer): Cipher {
  const key = Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), "sila:data-at-rest:v1", 32));
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return `${PREFIX}${iv.toString("base64")}:${c.getAuthTag().toString("base64")}:${body.toString("base64")}`;
    },
    decrypt(value) {
      if (!value.startsWith(PREFIX)) return value;
      const [iv, tag, body] = value.slice(PREFIX.length).split(":");
      if (!iv || !tag || body === undefined) throw new Error("malformed encrypted value");
      const d = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      d.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([d.update(Buffer.from(body, "base64")), d.final()]).toString("utf8");
    },
    isEncrypted: isEncryptedValue,
  };
}
