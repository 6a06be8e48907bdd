/**
 * Files people send: what they are (judged by their first bytes, never by the
 * name or type the sender claims) and where they are kept. Each chat has a
 * folder of its own under `<dataDir>/attachments/`, named by a keyed hash of
 * the chat (a folder name gives away no phone number), so erasing a person
 * removes their folders whole; each file gets a name Sila makes up. Folders
 * are 0700, files 0600.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ChannelName } from "./types";

/** The type a file's first bytes show, among the types Sila can accept; undefined for anything else. */
export function sniffMime(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  return undefined;
}

/** Bytes read from the start of a file to judge its type. */
export const SNIFF_BYTES = 16;

/** The type of the file at `file` by its first bytes (undefined when unknown or unreadable). */
export function sniffFile(file: string): string | undefined {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, "r");
    const head = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, head, 0, SNIFF_BYTES, 0);
    return sniffMime(head.subarray(0, n));
  } catch {
    // A file that cannot be read has no type Sila accepts: the flow refuses it politely.
    return undefined;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  "application/pdf": ".pdf",
  "image/jpeg": ".jpg",
  "image/png": ".png",
  "image/webp": ".webp",
};

export interface AttachmentStore {
  /** `<dataDir>/attachments`. */
  readonly root: string;
  /** The folder of one chat's files (not created). */
  folderFor(channel: ChannelName, chatId: string): string;
  /** A new file name Sila made up in the chat's folder (created 0700), with the extension of `mimeType`. */
  newFile(channel: ChannelName, chatId: string, mimeType: string): string;
  /** True when `file` lies inside the attachments folder (the only files erasure may remove). */
  owns(file: string): boolean;
}

/**
 * The attachments folder of an installation. `secret` (the installation's key) keys the folder
 * names; without it (tests of a lone channel) they are a plain hash.
 */
export function createAttachmentStore(dataDir: string, secret?: Buffer): AttachmentStore {
  const root = path.resolve(dataDir, "attachments");
  const key = secret ? crypto.createHmac("sha256", secret).update("sila:attachment-folders:v1").digest() : Buffer.from("sila:attachment-folders");
  const folderFor = (channel: ChannelName, chatId: string): string =>
    path.join(root, `${channel}-${crypto.createHmac("sha256", key).update(`${channel}:${chatId}`).digest("hex").slice(0, 32)}`);
  return {
    root,
    folderFor,
    newFile(channel, chatId, mimeType) {
      const folder = folderFor(channel, chatId);
      fs.mkdirSync(root, { recursive: true, mode: 0o700 });
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      return path.join(folder, `${crypto.randomUUID()}${EXTENSION_BY_MIME[mimeType] ?? ".bin"}`);
    },
    owns(file) {
      const relative = path.relative(root, path.resolve(file));
      return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
    },
  };
}
