/**
 * Meta's side of the WhatsApp Business Cloud API, on 127.0.0.1, for tests,
 * the benchmark and demos. It plays both the Graph API a business calls and
 * the phones of the people writing to it:
 *
 * - Webhook deliveries as Meta makes them: `POST` JSON with non-ASCII
 *   characters and "/" escaped (`\u0633`, `\/`), signed with
 *   `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app
 *   secret>`; the subscription check as `GET ?hub.mode=subscribe&
 *   hub.verify_token=…&hub.challenge=…`; optional redelivery when the
 *   endpoint does not answer 200.
 * - `POST /{version}/{phone-number-id}/messages` with the bearer token:
 *   text, interactive reply buttons and lists, media (by id or link) and
 *   templates, checked as Meta checks them (≤ 3 buttons with titles ≤ 20
 *   characters and unique ids; ≤ 10 list rows with titles ≤ 24; a template
 *   by an approved name and language with its exact number of body
 *   parameters). An accepted message gets a `wamid` and then status
 *   callbacks (sent, delivered, and read when the phone reads it). A free
 *   message to someone who has not written in 24 hours is accepted and then
 *   fails by callback with 131047, as the real API does; a number set as
 *   unable to receive fails with 131026.
 * - Throughput: a token bucket of `ratePerSecond` (default 80, Meta's
 *   default); a send beyond it gets error 130429 at once. Optionally the
 *   per-recipient pair limit (131056).
 * - Media: `POST /{version}/{phone-number-id}/media` (multipart upload),
 *   `GET /{version}/{media-id}` → `{ url, mime_type, sha256, file_size }`,
 *   and the url itself, which answers only with the bearer token.
 *
 * Nothing here is Sila's code: it knows only Meta's documented JSON.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { serve, type ServerType } from "@hono/node-server";
import { charLength, checkInteractive, checkMedia, checkTemplate, GraphError, invalid, metaJson, str } from "./graph";
import { metaEnvelope, userPayload, type StoredMedia } from "./payloads";
import { mountControl } from "./control";
import type { CloudEmulator, Delivery, EmulatorOptions, EmulatorStats, ReceivedMessage } from "./types";

export type { CloudEmulator, Delivery, EmulatorOptions, EmulatorStats, EmulatorTemplate, ReceivedMessage, UserMessage } from "./types";
export { metaJson } from "./graph";

const WINDOW_MS = 24 * 60 * 60 * 1000;
const ERROR_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

interface Person {
  lastInboundAt: number | null;
  undeliverable: boolean;
  pairSends: number[];
}

export async function startCloudEmulator(options: EmulatorOptions): Promise<CloudEmulator> {
  const now = options.now ?? Date.now;
  const rate = options.ratePerSecond ?? 80;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const auto = { sent: true, delivered: true, read: false, ...options.autoStatuses };
  const display = options.displayPhoneNumber ?? "15550000000";
  const waba = options.businessAccountId ?? "102290129340398";
  const templates = options.templates ?? [];
  let webhookUrl = options.webhookUrl ?? null;

  const people = new Map<string, Person>();
  const person = (n: string): Person => {
    let p = people.get(n);
    if (!p) people.set(n, (p = { lastInboundAt: null, undeliverable: false, pairSends: [] }));
    return p;
  };
  const sent: ReceivedMessage[] = [];
  const byWamid = new Map<string, ReceivedMessage>();
  const media = new Map<string, StoredMedia>();
  const stats: EmulatorStats = { accepted: 0, refused: {}, deliveries: 0, deliveryFailures: 0, firstAcceptAt: NaN, lastAcceptAt: NaN };

  // Throughput: a bucket of one second's worth, refilled continuously (real time).
  let tokens = rate;
  let refilledAt = performance.now();
  const takeToken = (): boolean => {
    const t = performance.now();
    tokens = Math.min(rate, tokens + ((t - refilledAt) / 1000) * rate);
    refilledAt = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  let seq = 0;
  let mediaSeq = 0;
  const wamid = () => `wamid.HBgM${Buffer.from(`${Date.now()}:${++seq}:${randomBytes(6).toString("hex")}`).toString("base64")}`;
  const sign = (raw: string) => `sha256=${createHmac("sha256", options.appSecret).update(raw, "utf8").digest("hex")}`;

  // ---- Webhook deliveries ----------------------------------------------------

  let chain: Promise<unknown> = Promise.resolve();
  /** Deliveries of callbacks go one after another, in the order they were queued. */
  const queueDelivery = (payload: unknown): void => {
    chain = chain.then(() => deliverWithRetry(metaJson(payload), true)).catch(() => undefined);
  };

  async function post(raw: string, signature: string | null): Promise<Delivery> {
    if (!webhookUrl) return { status: 0, body: "no webhook subscribed" };
    stats.deliveries++;
    try {
      const res = await fetchFn(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(signature !== null ? { "x-hub-signature-256": signature } : {}) },
        body: raw,
      });
      const body = await res.text();
      if (res.status < 200 || res.status > 299) stats.deliveryFailures++;
      return { status: res.status, body };
    } catch (error) {
      stats.deliveryFailures++;
      return { status: 0, body: error instanceof Error ? error.message : String(error) };
    }
  }

  async function deliverWithRetry(raw: string, signed: boolean): Promise<Delivery> {
    const attempts = 1 + (options.redelivery?.attempts ?? 0);
    let last: Delivery = { status: 0, body: "" };
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, options.redelivery!.delayMs));
      last = await post(raw, signed ? sign(raw) : null);
      if (last.status >= 200 && last.status < 300) return last;
    }
    return last;
  }

  const envelope = (value: Record<string, unknown>) => metaEnvelope({ waba, display, phoneNumberId: options.phoneNumberId }, value);

  const seconds = (ms: number) => String(Math.floor(ms / 1000));

  function statusCallback(m: ReceivedMessage, status: "sent" | "delivered" | "read" | "failed", error?: { code: number; title: string; details: string }): void {
    m.status = status;
    if (error) m.error = { code: error.code, title: error.title };
    const origin = m.type === "template" ? ((m.body["template"] as { category?: string } | undefined)?.category ?? "utility") : "service";
    queueDelivery(
      envelope({
        statuses: [
          {
            id: m.wamid,
            status,
            timestamp: seconds(now()),
            recipient_id: m.to,
            ...(status === "failed"
              ? { errors: [{ code: error!.code, title: error!.title, message: error!.title, error_data: { details: error!.details }, href: ERROR_HREF }] }
              : {
                  conversation: { id: createHash("sha1").update(m.to).digest("hex").slice(0, 32), ...(status === "sent" ? { expiration_timestamp: seconds(now() + WINDOW_MS) } : {}), origin: { type: origin } },
                  pricing: { billable: m.type === "template", pricing_model: "PMP", category: origin },
                }),
          },
        ],
      }),
    );
  }

  /** Validates a send and records it; throws GraphError for a refusal. */
  function accept(body: Record<string, unknown>): ReceivedMessage {
    if (body["messaging_product"] !== "whatsapp") throw new GraphError(400, 100, "Invalid parameter", "messaging_product must be \"whatsapp\"");
    if (body["recipient_type"] !== undefined && body["recipient_type"] !== "individual") throw new GraphError(400, 100, "Invalid parameter", "recipient_type must be \"individual\"");
    const to = body["to"];
    if (!str(to) || !/^\+?[1-9]\d{6,14}$/.test(to)) throw new GraphError(400, 100, "Invalid parameter", "to: a phone number in international form");
    const number = to.replace(/^\+/, "");
    const type = str(body["type"]) ? body["type"] : "text";
    let text: string;
    let opts: { id: string; title: string }[] = [];
    let category: string | null = null;
    switch (type) {
      case "text": {
        const b = (body["text"] as { body?: unknown } | undefined)?.body;
        if (!str(b) || b.trim() === "") throw new GraphError(400, 100, "Invalid parameter", "text.body is required");
        if (charLength(b) > 4096) throw invalid("text.body: at most 4096 characters");
        text = b;
        break;
      }
      case "interactive":
        ({ text, options: opts } = checkInteractive((body["interactive"] ?? {}) as Record<string, unknown>));
        break;
      case "template":
        ({ text, category } = checkTemplate(templates, (body["template"] ?? {}) as Record<string, unknown>));
        break;
      case "image":
      case "document":
      case "audio":
      case "video":
        text = checkMedia(media, type, (body[type] ?? {}) as Record<string, unknown>);
        break;
      default:
        throw new GraphError(400, 131051, "Unsupported message type", `type ${type} is not supported`);
    }
    if (options.pairLimit) {
      const p = person(number);
      const t = performance.now();
      p.pairSends = p.pairSends.filter((s) => s > t - options.pairLimit!.perMs);
      if (p.pairSends.length >= options.pairLimit.messages) {
        throw new GraphError(400, 131056, "(Business Account, Consumer Account) pair rate limit hit", "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.");
      }
      p.pairSends.push(t);
    }
    if (!takeToken()) {
      throw new GraphError(400, 130429, "Rate limit hit", "Message failed to send because there were too many messages sent from this phone number in a short period of time.");
    }
    const m: ReceivedMessage = {
      wamid: wamid(),
      to: number,
      type,
      body: category ? { ...body, template: { ...(body["template"] as object), category } } : body,
      text,
      options: opts,
      at: now(),
      status: "accepted",
    };
    sent.push(m);
    byWamid.set(m.wamid, m);
    stats.accepted++;
    const t = performance.now();
    if (Number.isNaN(stats.firstAcceptAt)) stats.firstAcceptAt = t;
    stats.lastAcceptAt = t;
    return m;
  }

  /** What happens on the phone side after an accepted send: the window rule, undeliverable numbers, statuses. */
  function afterAccept(m: ReceivedMessage): void {
    const p = person(m.to);
    if (p.undeliverable) {
      statusCallback(m, "failed", { code: 131026, title: "Message undeliverable", details: "Message Undeliverable." });
      return;
    }
    if (m.type !== "template" && (p.lastInboundAt === null || now() - p.lastInboundAt > WINDOW_MS)) {
      statusCallback(m, "failed", {
        code: 131047,
        title: "Re-engagement message",
        details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
      });
      return;
    }
    if (auto.sent) statusCallback(m, "sent");
    if (auto.delivered) statusCallback(m, "delivered");
    if (auto.read) statusCallback(m, "read");
  }

  // ---- HTTP ------------------------------------------------------------------

  const app = new Hono();
  if (options.control) mountControl(app, () => api);
  const authorized = (header: string | undefined) => header === `Bearer ${options.accessToken}`;
  const refuse = (e: GraphError) => {
    stats.refused[e.code] = (stats.refused[e.code] ?? 0) + 1;
    return new Response(JSON.stringify(e.toJSON()), { status: e.httpStatus, headers: { "content-type": "application/json" } });
  };
  const badToken = () => refuse(new GraphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "The access token is missing or invalid."));

  let held: { promise: Promise<void>; release: () => void } | null = null;
  let parked = 0;

  app.post("/:version/:phoneId/messages", async (c) => {
    if (held) {
      // Counted while the client waits; a client that goes away is no longer counted, and sent nothing.
      const env = c.env as { outgoing?: ServerResponse } | undefined;
      let gone = false;
      parked++;
      const onClose = () => {
        if (!gone) parked--;
        gone = true;
      };
      env?.outgoing?.once("close", onClose);
      await held.promise;
      env?.outgoing?.off("close", onClose);
      if (gone || c.req.raw.signal.aborted) return new Response("gone", { status: 499 });
      gone = true;
      parked--;
    }
    if (!/^v\d+\.\d+$/.test(c.req.param("version"))) return refuse(new GraphError(400, 2500, "Unknown path components", c.req.path));
    if (!authorized(c.req.header("authorization"))) return badToken();
    if (c.req.param("phoneId") !== options.phoneNumberId) return refuse(new GraphError(400, 100, "Invalid parameter", "Unsupported post request: unknown phone number id"));
    let body: Record<string, unknown>;
    try {
      body = (await c.req.json()) as Record<string, unknown>;
    } catch {
      return refuse(new GraphError(400, 100, "Invalid parameter", "the body is not JSON"));
    }
    let m: ReceivedMessage;
    try {
      m = accept(body);
    } catch (e) {
      if (e instanceof GraphError) return refuse(e);
      throw e;
    }
    // The answer first, the callbacks after (as Meta: the wamid is known before any status).
    setImmediate(() => afterAccept(m));
    return c.json({
      messaging_product: "whatsapp",
      contacts: [{ input: String(body["to"]), wa_id: m.to }],
      messages: [{ id: m.wamid, ...(m.type === "template" ? { message_status: "accepted" } : {}) }],
    });
  });

  app.post("/:version/:phoneId/media", async (c) => {
    if (!authorized(c.req.header("authorization"))) return badToken();
    const form = await c.req.parseBody();
    const file = form["file"];
    if (form["messaging_product"] !== "whatsapp" || !(file instanceof File)) return refuse(new GraphError(400, 100, "Invalid parameter", "messaging_product and file are required"));
    const bytes = Buffer.from(await file.arrayBuffer());
    const type = typeof form["type"] === "string" ? form["type"] : file.type;
    return c.json({ id: addMedia(bytes, type) });
  });

  app.get("/media-files/:id", (c) => {
    if (!authorized(c.req.header("authorization"))) return badToken();
    const item = media.get(c.req.param("id"));
    if (!item) return c.text("not found", 404);
    return new Response(new Uint8Array(item.bytes), { headers: { "content-type": item.mimeType, "content-length": String(item.bytes.length) } });
  });

  app.get("/:version/:mediaId", (c) => {
    if (!authorized(c.req.header("authorization"))) return badToken();
    const id = c.req.param("mediaId");
    const item = media.get(id);
    if (!item) return refuse(new GraphError(404, 100, "Invalid parameter", `Unsupported get request. Object with ID '${id}' does not exist`));
    return c.json({ messaging_product: "whatsapp", url: `${graphUrl}/media-files/${id}`, mime_type: item.mimeType, sha256: item.sha256, file_size: item.bytes.length, id });
  });

  function addMedia(bytes: Buffer, mimeType: string): string {
    const id = String(1_000_000_000_000 + ++mediaSeq);
    media.set(id, { bytes, mimeType, sha256: createHash("sha256").update(bytes).digest("hex") });
    return id;
  }

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const graphUrl = `http://127.0.0.1:${port}`;

  // ---- The phones ------------------------------------------------------------

  const api: CloudEmulator = {
    graphUrl,
    stats,
    sent,
    sign,
    async subscribe(url, verifyToken) {
      const challenge = String(Math.floor(Math.random() * 1e9));
      const target = new URL(url);
      target.searchParams.set("hub.mode", "subscribe");
      target.searchParams.set("hub.challenge", challenge);
      target.searchParams.set("hub.verify_token", verifyToken);
      const res = await fetchFn(target);
      const ok = res.status === 200 && (await res.text()) === challenge;
      if (ok) webhookUrl = url;
      return ok;
    },
    async userSends(from, message, opts = {}) {
      const id = opts.id ?? wamid();
      person(from).lastInboundAt = now();
      const raw = metaJson(envelope(userPayload({ display, media, timestamp: seconds(now()) }, from, message, id, opts.name, opts.contextId)));
      const result = await deliverWithRetry(raw, true);
      return { ...result, wamid: id };
    },
    deliverRaw: (body, signature) => post(body, signature),
    async read(id) {
      const m = byWamid.get(id);
      if (m && m.status !== "failed") statusCallback(m, "read");
      await chain;
    },
    addMedia,
    inbox: (to) => sent.filter((m) => m.to === to.replace(/^\+/, "")),
    openWindow(number) {
      person(number.replace(/^\+/, "")).lastInboundAt = now();
    },
    holdSends(hold) {
      if (hold && !held) {
        let release!: () => void;
        const promise = new Promise<void>((r) => (release = r));
        held = { promise, release };
      } else if (!hold && held) {
        held.release();
        held = null;
      }
    },
    get parked() {
      return parked;
    },
    setUndeliverable(number, value = true) {
      person(number.replace(/^\+/, "")).undeliverable = value;
    },
    async settle() {
      // Callbacks are queued after the answer to a send (setImmediate); let those land in the chain first.
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setImmediate(r));
        await chain;
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
  return api;
}
