/**
 * Translating a Telegram message into what a person sent, at the edge: one
 * typed `InboundContent` variant each, never a magic string in a body.
 * Photos and documents still need their file fetched; the adapter does that.
 */
import type { Message } from "grammy/types";
import { validateSaudiMobile } from "../../../flows/validate";
import type { InboundContent } from "../types";

export interface FileToFetch {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
}

export type Translation =
  | { type: "content"; content: InboundContent }
  | {
      type: "download";
      file: FileToFetch;
      mediaType: "image" | "document";
      mimeType: string;
      fileName?: string;
      caption?: string;
    }
  | { type: "ignore" };

/** A shared number in E.164: Saudi mobiles as +9665XXXXXXXX, others as + and their digits. */
export function normalizePhone(raw: string): string {
  const saudi = validateSaudiMobile(raw);
  if (saudi.ok) return saudi.value;
  const digits = raw.replace(/\D/g, "").replace(/^00/, "");
  return `+${digits}`;
}

const fullName = (first: string, last?: string): string => [first, last].filter((s) => s && s.trim().length > 0).join(" ");

/** The sender's name as Telegram shows it. */
export function senderName(msg: { from?: { first_name: string; last_name?: string } }): string | undefined {
  return msg.from ? fullName(msg.from.first_name, msg.from.last_name) || undefined : undefined;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function translateMessage(msg: Message): Translation {
  const caption = msg.caption;
  if (msg.text !== undefined) {
    // "/start" from a link carries a payload ("/start campaign1"); the flows know the word alone.
    const text = /^\/start(?:@\S+)?(?:\s|$)/i.test(msg.text.trim()) ? "/start" : msg.text;
    return { type: "content", content: { kind: "text", text } };
  }
  if (msg.contact) {
    const c = msg.contact;
    return {
      type: "content",
      content: {
        kind: "contact",
        phone: normalizePhone(c.phone_number),
        ...opt("name", fullName(c.first_name, c.last_name) || undefined),
        own: c.user_id !== undefined && msg.from !== undefined && c.user_id === msg.from.id,
      },
    };
  }
  if (msg.location) {
    return { type: "content", content: { kind: "location", latitude: msg.location.latitude, longitude: msg.location.longitude } };
  }
  if (msg.photo && msg.photo.length > 0) {
    // The largest size Telegram made of the photo.
    const best = msg.photo.reduce((a, b) => ((b.width * b.height > a.width * a.height) ? b : a));
    return {
      type: "download",
      file: { file_id: best.file_id, file_unique_id: best.file_unique_id, ...opt("file_size", best.file_size) },
      mediaType: "image",
      mimeType: "image/jpeg",
      ...opt("caption", caption),
    };
  }
  if (msg.voice) {
    const v = msg.voice;
    return {
      type: "content",
      content: { kind: "media", mediaType: "voice", fileRef: `telegram:${v.file_id}`, ...opt("mimeType", v.mime_type), ...opt("size", v.file_size), ...opt("caption", caption) },
    };
  }
  if (msg.audio) {
    const a = msg.audio;
    return {
      type: "content",
      content: {
        kind: "media",
        mediaType: "audio",
        fileRef: `telegram:${a.file_id}`,
        ...opt("mimeType", a.mime_type),
        ...opt("fileName", a.file_name),
        ...opt("size", a.file_size),
        ...opt("caption", caption),
      },
    };
  }
  if (msg.video || msg.video_note || msg.animation) {
    const v = msg.video ?? msg.video_note ?? msg.animation!;
    const mime = "mime_type" in v ? v.mime_type : undefined;
    return {
      type: "content",
      content: { kind: "media", mediaType: "video", fileRef: `telegram:${v.file_id}`, ...opt("mimeType", mime), ...opt("size", v.file_size), ...opt("caption", caption) },
    };
  }
  if (msg.sticker) {
    return { type: "content", content: { kind: "media", mediaType: "sticker", fileRef: `telegram:${msg.sticker.file_id}` } };
  }
  if (msg.document) {
    const d = msg.document;
    const mimeType = d.mime_type ?? "application/octet-stream";
    return {
      type: "download",
      file: { file_id: d.file_id, file_unique_id: d.file_unique_id, ...opt("file_size", d.file_size) },
      mediaType: mimeType.startsWith("image/") ? "image" : "document",
      mimeType,
      ...opt("fileName", d.file_name),
      ...opt("caption", caption),
    };
  }
  return { type: "ignore" };
}
