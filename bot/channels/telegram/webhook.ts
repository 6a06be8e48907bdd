/**
 * The webhook server: Telegram posts each update to a path on 127.0.0.1 (a
 * reverse proxy in front terminates HTTPS). Before anything is read, the
 * secret-token header is checked (grammY compares it in constant time) and
 * the declared size is checked; the body is then read only up to a limit. An
 * update is a few kilobytes: a request over the limit is answered 413 and the
 * connection closed, so a large POST never grows the process.
 */
import http from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../log";

export interface TelegramWebhookOptions {
  /** The public HTTPS address Telegram posts to; its path is served locally. */
  url: string;
  /** Checked against the X-Telegram-Bot-Api-Secret-Token header (required: without it anyone could post updates). */
  secret: string;
  /** Local port (0 picks a free one; see `webhookAddress()`). */
  port: number;
  /** Local address; default 127.0.0.1 (put a reverse proxy in front). */
  host?: string;
  /** Largest body accepted, in bytes; default 1 MiB. */
  maxBodyBytes?: number;
}

export const DEFAULT_WEBHOOK_MAX_BODY = 1024 * 1024;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

class BodyTooLarge extends Error {
  override readonly name = "BodyTooLarge";
}

/** Answers 413 and closes the connection: the rest of the body is never read. */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!res.headersSent) {
    res.statusCode = 413;
    res.setHeader("connection", "close");
    res.end();
  }
  // Stop reading: once the answer is out, the socket goes; nothing more is buffered meanwhile.
  req.pause();
  res.once("finish", () => req.socket.destroy());
}

/** grammY's request adapter for node:http, reading the body up to `limit` bytes. */
function limitedAdapter(limit: number) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const header = req.headers[SECRET_HEADER];
    return {
      // Read only when grammY asks, after the secret token was accepted.
      get update(): Promise<Update> {
        return new Promise<Update>((resolve, reject) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const onData = (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              req.off("data", onData);
              refuseTooLarge(req, res);
              reject(new BodyTooLarge(`webhook body over ${limit} bytes`));
              return;
            }
            chunks.push(chunk);
          };
          req.on("data", onData);
          req.once("end", () => {
            if (size > limit) return;
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          req.once("error", reject);
        });
      },
      header: Array.isArray(header) ? header[0] : header,
      end: () => void res.end(),
      respond: (json: string) => {
        res.setHeader("content-type", "application/json");
        res.end(json);
      },
      unauthorized: () => {
        res.statusCode = 401;
        res.end();
      },
    };
  };
}

/** Starts the webhook server for `bot`; resolves with it once listening. */
export async function startWebhookServer(
  bot: Bot,
  config: TelegramWebhookOptions,
  log: Logger,
): Promise<{ server: http.Server; host: string; port: number }> {
  if (!config.secret) throw new Error("telegram webhook needs a secret token (TELEGRAM_WEBHOOK_SECRET)");
  const limit = config.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY;
  const route = new URL(config.url).pathname || "/";
  const callback = webhookCallback(bot, limitedAdapter(limit), {
    secretToken: config.secret,
    onTimeout: "return",
    timeoutMilliseconds: 55_000,
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "POST" || url.pathname !== route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      log.warn("telegram webhook: request body too large; refused", { bytes: declared, limit });
      refuseTooLarge(req, res);
      return;
    }
    Promise.resolve(callback(req, res)).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        log.warn("telegram webhook: request body too large; refused", { limit });
        return;
      }
      log.error("telegram webhook request failed", { error });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  const host = config.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  log.info("telegram webhook listening", { host, port, path: route });
  return { server, host, port };
}
