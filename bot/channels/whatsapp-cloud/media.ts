/**
 * A file a person sent, fetched by its media id with the access token and
 * stored like every channel's attachments (channels/attachments.ts): in the
 * chat's own folder under `<dataDir>/attachments/`, owner-only, under a name
 * Sila makes up, the type decided by the file's first bytes, never more than
 * the size limit read. A type or size the association does not accept is not
 * downloaded (or not kept): the flow explains why to the person.
 */
import fs from "node:fs";
import type { InboundContent } from "../types";
import { sniffMime, type AttachmentStore } from "../attachments";
import type { GraphClient } from "./graph";
import type { MediaToFetch } from "./inbound";

export interface MediaPolicy {
  store: AttachmentStore;
  maxBytes: number;
  mimeTypes: readonly string[];
}

/** The reference of a file left with Meta (not downloaded). */
export const cloudMediaRef = (mediaId: string): string => `whatsapp_cloud:${mediaId}`;

/**
 * The content for `media`: a local file when accepted and fetched; the media
 * reference with its type and size when the association does not take it.
 * Throws `MediaFetchError` when the file could not be fetched.
 */
export async function fetchMedia(graph: GraphClient, media: MediaToFetch, policy: MediaPolicy, chatId: string): Promise<InboundContent> {
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
  const file = policy.store.newFile("whatsapp_cloud", chatId, mimeType);
  await fs.promises.writeFile(file, got.bytes, { mode: 0o600 });
  return { ...base, fileRef: file, mimeType, size: got.bytes.length };
}
