/**
 * Downloading a photo or document a person sent, with a size limit, into
 * `<dataDir>/attachments/`. A file over the limit is never written whole:
 * the stream stops at the limit and the partial file is removed. Errors never
 * carry the download URL (it holds the bot token).
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

export interface TelegramFileInfo {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_path?: string;
}

export interface DownloadOptions {
  token: string;
  apiRoot: string;
  /** The folder files are written to (created when missing). */
  dir: string;
  maxBytes: number;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export type DownloadResult = { ok: true; path: string; size: number } | { ok: false; reason: "too_large"; size: number };

export class DownloadError extends Error {
  override readonly name = "DownloadError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const EXT_BY_MIME: Record<string, string> = {
  "image/jpeg": ".jpg",
  "image/png": ".png",
  "image/webp": ".webp",
  "application/pdf": ".pdf",
};

/** A safe file extension from the file's path, its name or its type. */
export function extensionFor(file: { file_path?: string; fileName?: string; mimeType?: string }): string {
  for (const candidate of [file.fileName, file.file_path]) {
    const ext = candidate ? path.extname(candidate).toLowerCase() : "";
    if (/^\.[a-z0-9]{1,5}$/.test(ext)) return ext;
  }
  return (file.mimeType && EXT_BY_MIME[file.mimeType]) || ".bin";
}

/** Where a file with this unique id is stored (the id is reduced to safe characters). */
export function attachmentPath(dir: string, uniqueId: string, ext: string): string {
  const safe = uniqueId.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64) || "file";
  return path.join(dir, `telegram-${safe}${ext}`);
}

/**
 * Fetches `file` (as `getFile` described it) to `target`. A local Bot API
 * server gives an absolute path on this machine; it is copied from there.
 */
export async function downloadFile(file: TelegramFileInfo, target: string, options: DownloadOptions): Promise<DownloadResult> {
  if (file.file_size !== undefined && file.file_size > options.maxBytes) return { ok: false, reason: "too_large", size: file.file_size };
  if (!file.file_path) throw new DownloadError("Telegram gave no file path (the file may be over the Bot API's 20 MB limit)");
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.${randomUUID()}.part`;

  try {
    if (path.isAbsolute(file.file_path)) {
      const size = fs.statSync(file.file_path).size;
      if (size > options.maxBytes) return { ok: false, reason: "too_large", size };
      fs.copyFileSync(file.file_path, temp);
      fs.chmodSync(temp, 0o600);
      fs.renameSync(temp, target);
      return { ok: true, path: target, size };
    }

    const fetchFn = options.fetch ?? globalThis.fetch;
    const url = `${options.apiRoot.replace(/\/+$/, "")}/file/bot${options.token}/${file.file_path}`;
    let response: Response;
    try {
      response = await fetchFn(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
    } catch (cause) {
      throw new DownloadError("the file download failed", { cause: cause instanceof Error ? new Error(cause.message) : undefined });
    }
    if (!response.ok || !response.body) throw new DownloadError(`the file download failed with HTTP ${response.status}`);
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body.cancel();
      return { ok: false, reason: "too_large", size: declared };
    }

    const out = fs.openSync(temp, "w", 0o600);
    let size = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > options.maxBytes) {
          await reader.cancel();
          return { ok: false, reason: "too_large", size };
        }
        fs.writeSync(out, value);
      }
    } finally {
      fs.closeSync(out);
    }
    fs.renameSync(temp, target);
    return { ok: true, path: target, size };
  } finally {
    if (fs.existsSync(temp)) fs.rmSync(temp, { force: true });
  }
}
