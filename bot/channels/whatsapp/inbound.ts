/**
 * From a whatsapp-web.js message to Sila's `InboundMessage` content: which
 * chats count, who the sender is, and what they sent (text, a file saved
 * under the attachments folder, a voice note, a location, a contact card).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { InboundContent, MediaType } from "../types";
import type { WhatsAppContactLike, WhatsAppMessageLike } from "./client";
import { normalizeWhatsAppNumber } from "./format";
import { EXTENSION_BY_MIME, sniffMime } from "../attachments";

export type Route =
  | { kind: "ignore"; reason: "own" | "status" | "channel" | "group" }
  /** A person writing to the association: the chat id is their WhatsApp id, `@c.us` or `@lid`, kept whole. */
  | { kind: "private"; chatId: string; senderId: string }
  /** The configured staff group: only staff commands are read there. */
  | { kind: "staffGroup"; chatId: string; senderId: string };

/** Which conversation a message belongs to, or why it is ignored. */
export function routeOf(message: WhatsAppMessageLike, staffGroupId?: string): Route {
  const from = message.from ?? "";
  if (message.fromMe) return { kind: "ignore", reason: "own" };
  if (message.isStatus || from === "status@broadcast" || from.endsWith("@broadcast")) return { kind: "ignore", reason: "status" };
  if (from.endsWith("@newsletter")) return { kind: "ignore", reason: "channel" };
  if (from.endsWith("@g.us")) {
    if (staffGroupId && from === staffGroupId && message.author) return { kind: "staffGroup", chatId: from, senderId: message.author };
    return { kind: "ignore", reason: "group" };
  }
  return { kind: "private", chatId: from, senderId: from };
}

/** A bounded set of recent ids: enough to catch a message seen twice, without growing for ever. */
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max: number) {}
  has(id: string): boolean {
    return this.ids.has(id);
  }
  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
  }
  delete(id: string): void {
    this.ids.delete(id);
  }
}

/** Message types the adapter turns into content; anything else (reactions, revoked, notifications, polls) is skipped. */
export const HANDLED_TYPES: ReadonlySet<string> = new Set([
  "chat",
  "image",
  "document",
  "video",
  "sticker",
  "ptt",
  "audio",
  "location",
  "vcard",
  "multi_vcard",
]);

/**
 * The sender's phone (E.164) when WhatsApp shares it. A contact still known
 * only by a `@lid` id has no phone here: its `number` is not a phone number,
 * and no number is ever cut out of an id.
 */
export function phoneOfContact(contact: WhatsAppContactLike | null | undefined): string | undefined {
  if (!contact) return undefined;
  if (contact.id?._serialized.endsWith("@lid")) return undefined;
  const digits = (contact.number ?? "").trim();
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}

export function nameOfContact(contact: WhatsAppContactLike | null | undefined): string | undefined {
  const name = (contact?.pushname ?? contact?.name ?? "").trim();
  return name === "" ? undefined : name.slice(0, 100);
}

/** The first name and phone of a vCard (a shared contact). */
export function parseVCard(vcard: string): { phone: string | null; name?: string } {
  const lines = vcard.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  let name: string | undefined;
  let phone: string | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const [prop = "", ...params] = line.slice(0, colon).split(";");
    const property = prop.replace(/^[^.]*\./, "").toUpperCase();
    const value = line.slice(colon + 1).trim();
    if (property === "FN" && value && name === undefined) name = value.replace(/\\([,;\\])/g, "$1").slice(0, 100);
    if (property === "TEL" && phone === null) {
      const waid = params.find((p) => /^waid=/i.test(p))?.slice(5);
      const number = waid && /^[1-9]\d{7,14}$/.test(waid) ? waid : normalizeWhatsAppNumber(value);
      phone = number ? `+${number}` : value || null;
    }
  }
  return { phone, ...(name ? { name } : {}) };
}

export { sniffMime } from "../attachments";

export interface MediaPolicy {
  /** Where accepted files are saved (the chat's own folder under `<dataDir>/attachments`). */
  dir: string;
  maxBytes: number;
  mimeTypes: readonly string[];
}

export type ContentResult =
  | { ok: true; content: InboundContent }
  /** The file could not be downloaded (expired, deleted on the phone): the sender is asked to send it again. */
  | { ok: false; reason: "mediaUnavailable" }
  | { ok: false; reason: "unsupported" };

/** A reference to a file that was not saved: it stays in the WhatsApp chat. */
const chatRef = (message: WhatsAppMessageLike): string => `whatsapp:${message.id._serialized}`;

const cleanFileName = (name: string | null | undefined): string | undefined => {
  const base = path.basename((name ?? "").replace(/[\u0000-\u001f\u007f]/g, "")).trim();
  return base === "" ? undefined : base.slice(0, 120);
};

/** The size and type the raw model declares before any download. */
function declared(message: WhatsAppMessageLike): { size?: number; mimetype?: string } {
  const raw = message.rawData;
  if (!raw) return {};
  const size = "size" in raw && typeof raw.size === "number" && Number.isFinite(raw.size) ? raw.size : undefined;
  const mimetype = "mimetype" in raw && typeof raw.mimetype === "string" ? raw.mimetype : undefined;
  return { ...(size !== undefined ? { size } : {}), ...(mimetype ? { mimetype } : {}) };
}

const baseMime = (m: string | null | undefined): string => (m ?? "").split(";")[0]!.trim().toLowerCase();

async function fileContent(message: WhatsAppMessageLike, mediaType: MediaType, policy: MediaPolicy): Promise<ContentResult> {
  const caption = message.body?.trim() ? { caption: message.body.trim() } : {};
  const before = declared(message);
  if (before.size !== undefined && before.size > policy.maxBytes) {
    // Not downloaded: the flow answers with the size limit.
    return {
      ok: true,
      content: { kind: "media", mediaType, fileRef: chatRef(message), size: before.size, ...(before.mimetype ? { mimeType: baseMime(before.mimetype) } : {}), ...caption },
    };
  }
  const media = await message.downloadMedia();
  if (!media || typeof media.data !== "string" || media.data.length === 0) return { ok: false, reason: "mediaUnavailable" };
  const bytes = Buffer.from(media.data, "base64");
  const claimed = baseMime(media.mimetype);
  // The bytes decide; a file that claims an accepted type without its bytes is refused as unknown.
  const mimeType = sniffMime(bytes) ?? (policy.mimeTypes.includes(claimed) || claimed === "" ? "application/octet-stream" : claimed);
  const fileName = cleanFileName(media.filename);
  const common = { mediaType, mimeType, size: bytes.length, ...(fileName ? { fileName } : {}), ...caption };
  if (!policy.mimeTypes.includes(mimeType) || bytes.length > policy.maxBytes) {
    return { ok: true, content: { kind: "media", fileRef: chatRef(message), ...common } };
  }
  await fs.promises.mkdir(policy.dir, { recursive: true, mode: 0o700 });
  // A name Sila makes (the same for a message seen twice), never the sender's.
  const name = `wa-${createHash("sha256").update(message.id._serialized).digest("hex").slice(0, 24)}${EXTENSION_BY_MIME[mimeType] ?? ""}`;
  const file = path.join(policy.dir, name);
  await fs.promises.writeFile(file, bytes, { mode: 0o600 });
  return { ok: true, content: { kind: "media", fileRef: file, ...common } };
}

/** What the person sent, as Sila content. */
export async function contentOf(message: WhatsAppMessageLike, policy: MediaPolicy, senderPhone: string | undefined): Promise<ContentResult> {
  switch (message.type) {
    case "chat":
      // Choices arrive as typed text ("1", "١", words): the flows match them.
      return { ok: true, content: { kind: "text", text: message.body ?? "" } };
    case "image":
      return fileContent(message, "image", policy);
    case "document":
      return fileContent(message, "document", policy);
    case "ptt":
    case "audio":
    case "video":
    case "sticker": {
      // Not downloaded: the flows answer a voice note with a request to type, and never take these as attachments.
      const mediaType: MediaType = message.type === "ptt" ? "voice" : message.type;
      const { mimetype } = declared(message);
      return {
        ok: true,
        content: { kind: "media", mediaType, fileRef: chatRef(message), ...(mimetype ? { mimeType: baseMime(mimetype) } : {}) },
      };
    }
    case "location": {
      const latitude = Number(message.location?.latitude);
      const longitude = Number(message.location?.longitude);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { ok: false, reason: "unsupported" };
      return { ok: true, content: { kind: "location", latitude, longitude } };
    }
    case "vcard":
    case "multi_vcard": {
      const card = message.vCards?.[0] ?? message.body ?? "";
      const { phone, name } = parseVCard(card);
      return {
        ok: true,
        content: { kind: "contact", phone: phone ?? "", ...(name ? { name } : {}), own: phone !== null && phone === senderPhone },
      };
    }
    default:
      return { ok: false, reason: "unsupported" };
  }
}
