/**
 * The few Graph API calls the adapter makes, with the bearer token from the
 * environment: send a message, look up and download a person's media, upload
 * a file to send. Errors say what failed without the token (it travels only
 * in the Authorization header, never in a URL or a log line).
 */
import { ChannelError } from "../../errors";
import { channelErrorOf, type SendBody } from "./meta";

export interface GraphOptions {
  /** e.g. https://graph.facebook.com (or the emulator's address). */
  graphUrl: string;
  /** e.g. v26.0 */
  version: string;
  phoneNumberId: string;
  token: string;
  fetch?: typeof globalThis.fetch;
  /** Per request; default 15 s. */
  timeoutMs?: number;
}

/** A person's file could not be fetched; `transient` when trying again later may work. */
export class MediaFetchError extends Error {
  override readonly name = "MediaFetchError";
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export type Download = { ok: true; bytes: Buffer } | { ok: false; size: number };

export interface GraphClient {
  sendMessage(body: SendBody): Promise<{ messageId: string }>;
  /** The temporary address, type and size of a person's media. Throws `MediaFetchError`. */
  mediaInfo(id: string): Promise<{ url: string; mimeType: string | undefined; size: number | undefined }>;
  /** Downloads `url` with the token, stopping past `maxBytes`. Throws `MediaFetchError`. */
  download(url: string, maxBytes: number): Promise<Download>;
  /** Uploads a file for sending; returns its media id. Throws `ChannelError`. */
  upload(bytes: Buffer, mimeType: string, fileName: string): Promise<string>;
}

export function createGraphClient(options: GraphOptions): GraphClient {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const base = `${options.graphUrl.replace(/\/+$/, "")}/${options.version}`;
  const timeout = options.timeoutMs ?? 15_000;
  const auth = { authorization: `Bearer ${options.token}` };

  async function request(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchFn(url, { ...init, headers: { ...auth, ...(init.headers as Record<string, string> | undefined) }, signal: AbortSignal.timeout(timeout) });
    } catch (cause) {
      // The cause keeps only its message: a fetch error can echo the request.
      throw new ChannelError(`WhatsApp Cloud API unreachable: ${cause instanceof Error ? cause.message : String(cause)}`, { permanent: false, code: "network" });
    }
  }

  async function failure(res: Response): Promise<ChannelError> {
    let code: number | undefined;
    let title = res.statusText || `HTTP ${res.status}`;
    let details: string | undefined;
    try {
      const body = (await res.json()) as { error?: { code?: number; message?: string; error_data?: { details?: string } } };
      code = body.error?.code;
      title = body.error?.message ?? title;
      details = body.error?.error_data?.details;
    } catch {
      // Not JSON (a proxy's error page): the HTTP status says enough.
      title = `HTTP ${res.status}`;
    }
    return channelErrorOf(code, title, res.status, details);
  }

  return {
    async sendMessage(body) {
      const res = await request(`${base}/${options.phoneNumberId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw await failure(res);
      const json = (await res.json()) as { messages?: Array<{ id?: string }> };
      const id = json.messages?.[0]?.id;
      if (!id) throw new ChannelError("WhatsApp Cloud API accepted a message without an id", { permanent: false, code: "no_id" });
      return { messageId: id };
    },

    async mediaInfo(id) {
      let res: Response;
      try {
        res = await request(`${base}/${encodeURIComponent(id)}`, { method: "GET" });
      } catch (error) {
        throw new MediaFetchError(error instanceof Error ? error.message : "media lookup failed", true);
      }
      if (!res.ok) {
        const e = await failure(res);
        throw new MediaFetchError(`media ${id}: ${e.message}`, !e.permanent);
      }
      const json = (await res.json()) as { url?: string; mime_type?: string; file_size?: number };
      if (!json.url) throw new MediaFetchError(`media ${id}: no url`, false);
      return { url: json.url, mimeType: json.mime_type, size: typeof json.file_size === "number" ? json.file_size : undefined };
    },

    async download(url, maxBytes) {
      let res: Response;
      try {
        res = await request(url, { method: "GET" });
      } catch (error) {
        throw new MediaFetchError(error instanceof Error ? error.message : "download failed", true);
      }
      if (!res.ok || !res.body) throw new MediaFetchError(`media download failed with HTTP ${res.status}`, res.status >= 500 || res.status === 429);
      const declared = Number(res.headers.get("content-length") ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body.cancel();
        return { ok: false, size: declared };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel();
          return { ok: false, size };
        }
        chunks.push(Buffer.from(value));
      }
      return { ok: true, bytes: Buffer.concat(chunks) };
    },

    async upload(bytes, mimeType, fileName) {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", mimeType);
      form.set("file", new Blob([new Uint8Array(bytes)], { type: mimeType }), fileName);
      const res = await request(`${base}/${options.phoneNumberId}/media`, { method: "POST", body: form });
      if (!res.ok) throw await failure(res);
      const json = (await res.json()) as { id?: string };
      if (!json.id) throw new ChannelError("WhatsApp Cloud API gave no media id for an upload", { permanent: false, code: "no_id" });
      return json.id;
    },
  };
}
