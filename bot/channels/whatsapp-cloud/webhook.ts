/**
 * The webhook endpoint Meta calls (Hono on @hono/node-server):
 *
 * - `GET /webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`
 *   echoes the challenge when the verify token matches (403 otherwise);
 * - `POST /webhooks/whatsapp` reads at most `maxBodyBytes` (413 beyond,
 *   before anything is read past the limit), checks `X-Hub-Signature-256`
 *   against an HMAC-SHA256 of the raw bytes with the app secret in constant
 *   time (401 when missing or wrong: nothing is stored), then hands the
 *   delivery on and answers 200 once it is stored, or 500 so Meta delivers
 *   it again.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { serve, type ServerType } from "@hono/node-server";
import type { Logger } from "../../log";
import type { WebhookPayload } from "./meta";

export const WEBHOOK_PATH = "/webhooks/whatsapp";

export interface WebhookServerOptions {
  appSecret: string;
  verifyToken: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  maxBodyBytes: number;
  log: Logger;
  /** Stores what the delivery carries; resolves when it is durable, throws when it could not be. */
  onDelivery(payload: WebhookPayload): Promise<void>;
}

/** True when `header` is "sha256=" + the hex HMAC-SHA256 of `raw` with `secret` (constant-time). */
export function validSignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !header.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "utf8");
  const expected = Buffer.from(createHmac("sha256", secret).update(raw).digest("hex"), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
};

export function createWebhookApp(options: WebhookServerOptions): Hono {
  const app = new Hono();
  const { log } = options;

  app.get(WEBHOOK_PATH, (c) => {
    const mode = c.req.query("hub.mode");
    const token = c.req.query("hub.verify_token") ?? "";
    const challenge = c.req.query("hub.challenge") ?? "";
    if (mode === "subscribe" && sameText(token, options.verifyToken) && /^[A-Za-z0-9_-]{1,200}$/.test(challenge)) {
      log.info("whatsapp cloud: webhook verified by Meta");
      return c.text(challenge, 200);
    }
    log.warn("whatsapp cloud: webhook verification refused (wrong verify token or mode)");
    return c.text("forbidden", 403);
  });

  app.post(
    WEBHOOK_PATH,
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: (c) => {
        log.warn("whatsapp cloud: webhook body over the limit; refused", { maxBytes: options.maxBodyBytes });
        return c.text("payload too large", 413);
      },
    }),
    async (c) => {
      const raw = Buffer.from(await c.req.arrayBuffer());
      if (!validSignature(raw, c.req.header("x-hub-signature-256"), options.appSecret)) {
        log.warn("whatsapp cloud: webhook with a missing or wrong signature refused", { bytes: raw.length });
        return c.text("invalid signature", 401);
      }
      let payload: WebhookPayload;
      try {
        payload = JSON.parse(raw.toString("utf8")) as WebhookPayload;
      } catch {
        log.warn("whatsapp cloud: signed webhook body is not JSON; ignored");
        return c.text("bad request", 400);
      }
      try {
        await options.onDelivery(payload);
      } catch (error) {
        log.error("whatsapp cloud: a delivery could not be stored; Meta will deliver it again", { error });
        return c.text("try again", 500);
      }
      return c.text("EVENT_RECEIVED", 200);
    },
  );

  app.all("*", (c) => c.text("not found", 404));
  return app;
}

export interface WebhookServer {
  address(): { host: string; port: number };
  close(): Promise<void>;
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const app = createWebhookApp(options);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  options.log.info("whatsapp cloud: webhook listening", { host: options.host, port, path: WEBHOOK_PATH });
  return {
    address: () => ({ host: options.host, port }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      }),
  };
}
