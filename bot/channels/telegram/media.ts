/**
 * A photo or document sent on Telegram, fetched and judged: a type or size
 * the association does not accept is not downloaded; a downloaded file is
 * kept only when its first bytes show an accepted type, whatever name and
 * MIME type the sender gave it (an HTML page called "deed.pdf" is refused,
 * the flow says so politely). It is stored in the chat's folder under a name
 * Sila makes up.
 */
import fs from "node:fs";
import path from "node:path";
import { GrammyError, type Api } from "grammy";
import type { Logger } from "../../log";
import { EXTENSION_BY_MIME, sniffFile, type AttachmentStore } from "../attachments";
import type { InboundContent } from "../types";
import { downloadFile } from "./download";
import type { Translation } from "./inbound";

export interface TelegramMediaDeps {
  api: Pick<Api, "getFile">;
  token: string;
  apiRoot: string;
  store: AttachmentStore;
  attachments: { maxBytes: number; mimeTypes: readonly string[] };
  log: Logger;
  fetch?: typeof globalThis.fetch;
}

export type Download = Extract<Translation, { type: "download" }>;

/**
 * The content of a file message, or null when the download failed (the caller tells the sender).
 * A refused file comes back as a media content the flow refuses (its real type, not stored).
 */
export async function fetchMedia(deps: TelegramMediaDeps, tr: Download, chatId: string): Promise<InboundContent | null> {
  const { maxBytes, mimeTypes } = deps.attachments;
  const base = {
    kind: "media" as const,
    mediaType: tr.mediaType,
    mimeType: tr.mimeType,
    ...(tr.fileName !== undefined ? { fileName: tr.fileName } : {}),
    ...(tr.caption !== undefined ? { caption: tr.caption } : {}),
  };
  const notFetched = (size?: number, mimeType = tr.mimeType): InboundContent => ({
    ...base,
    mimeType,
    fileRef: `telegram:${tr.file.file_id}`,
    ...(size !== undefined ? { size } : {}),
  });
  // A type or size the association does not accept is not downloaded: the flow explains why.
  if (!mimeTypes.includes(tr.mimeType)) return notFetched(tr.file.file_size);
  if (tr.file.file_size !== undefined && tr.file.file_size > maxBytes) return notFetched(tr.file.file_size);
  try {
    const file = await deps.api.getFile(tr.file.file_id);
    const target = deps.store.newFile("telegram", chatId, tr.mimeType);
    const result = await downloadFile(file, target, {
      token: deps.token,
      apiRoot: deps.apiRoot,
      dir: deps.store.root,
      maxBytes,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    if (!result.ok) return notFetched(result.size);
    // The bytes decide. A file whose bytes are not an accepted type is not kept.
    const actual = sniffFile(result.path);
    if (actual === undefined || !mimeTypes.includes(actual)) {
      fs.rmSync(result.path, { force: true });
      deps.log.info("telegram: a file whose content is not an accepted type was refused", { chat: chatId, claimed: tr.mimeType });
      return notFetched(result.size, actual ?? "application/octet-stream");
    }
    // Named by what it is (a PNG sent as "photo.jpg" ends in .png).
    let stored = result.path;
    if (actual !== tr.mimeType) {
      stored = `${result.path.slice(0, -path.extname(result.path).length)}${EXTENSION_BY_MIME[actual] ?? ".bin"}`;
      fs.renameSync(result.path, stored);
    }
    return { ...base, mimeType: actual, fileRef: stored, size: result.size };
  } catch (error) {
    if (error instanceof GrammyError && /file is too big/i.test(error.description)) {
      return notFetched(tr.file.file_size ?? maxBytes + 1);
    }
    deps.log.warn("could not download an attachment", { chat: chatId, error });
    return null;
  }
}
