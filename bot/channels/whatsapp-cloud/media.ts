/**
 * A file a person sent, fetched by its media id with the access token and
 * stored like every channel's attachments: under `<dataDir>/attachments/`,
 * owner-only, the type decided by the file's first bytes, never more than
 * the size limit read. A type or size the association does not accept is not
 * downloaded (or not kept): the flow explains why to the person.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { InboundContent } from "../types";
import { sniffMime } from "../whatsapp/inbound";
import type { GraphClient } from "./graph";
import type { MediaToFetch } from "./inbound";

export interface MediaPolicy {
  dir: string;
  maxBytes: number;
  mimeTypes: readonly string[];
}

const EXTENSIONS: Record<string, string> = {
  "application/pdf": ".pdf",
  "image/jpeg": ".jpg",
  "image/png": ".png",
  "image/webp": ".webp",
};

/** The reference of a file left with Meta (not downloaded). */
export const cloudMediaRef = (mediaId: string): string => `whatsapp_cloud:${mediaId}`;

/**
 * The content for `media`: a local file when accepted and fetched; the media
 * reference with its type and size when the association does not take it.
 * Throws `MediaFetchError` when the file could not be fetched.
 */
export async function fetchMedia(graph: GraphClient, media: MediaToFetch, policy: MediaPolicy): Promise<InboundContent> {
  const base = {
    kind: "media" as const,
    mediaType: media.mediaType,
    ...(media.caption ? { caption: media.caption } : {}),
    ...(media.fileName ? { fileName: media.fileName } : {}),
  };
  const notKept = (mimeType: string | undefined, size?: number): InboundContent => ({
    ...base,
    fileRef: cloudMediaRef(media.mediaId),
    ...(mimeType ? { mimeType } : {}),
    ...(size !== undefined ? { size } : {}),
  });
  // Voice notes, videos, stickers and types the association does not take stay with Meta.
  if (media.mediaType === "voice" || media.mediaType === "video" || media.mediaType === "sticker") return notKept(media.mimeType);
  if (media.mimeType && !policy.mimeTypes.includes(media.mimeType)) return notKept(media.mimeType);

  const info = await graph.mediaInfo(media.mediaId);
  if (info.size !== undefined && info.size > policy.maxBytes) return notKept(media.mimeType ?? info.mimeType, info.size);
  const got = await graph.download(info.url, policy.maxBytes);
  if (!got.ok) return notKept(media.mimeType ?? info.mimeType, got.size);
  // The bytes decide: a file claiming an accepted type without its bytes is refused as unknown.
  const mimeType = sniffMime(got.bytes) ?? "application/octet-stream";
  if (!policy.mimeTypes.includes(mimeType)) return notKept(mimeType, got.bytes.length);
  await fs.promises.mkdir(policy.dir, { recursive: true, mode: 0o700 });
  const name = `wac-${createHash("sha256").update(media.mediaId).digest("hex").slice(0, 24)}${EXTENSIONS[mimeType] ?? ""}`;
  const file = path.join(policy.dir, name);
  await fs.promises.writeFile(file, got.bytes, { mode: 0o600 });
  return { ...base, fileRef: file, mimeType, size: got.bytes.length };
}
