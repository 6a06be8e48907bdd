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

export interface EmulatorTemplate {
  name: string;
  /** Meta's language code as approved ("ar", "en", "ur"). */
  language: string;
  category: "utility" | "marketing" | "authentication";
  /** How many body parameters ({{1}}, {{2}}, …) the approved text has. */
  bodyParams: number;
  /** The approved body text, to show what the phone received (optional). */
  body?: string;
}

export interface EmulatorOptions {
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber?: string;
  businessAccountId?: string;
  /** Where deliveries go; can be set later with `subscribe`. */
  webhookUrl?: string;
  templates?: readonly EmulatorTemplate[];
  /** Messages a second the business may send (token bucket of one second). Default 80. */
  ratePerSecond?: number;
  /** Meta's pair limit: at most `messages` to one recipient within `perMs`, else 131056. Default off. */
  pairLimit?: { messages: number; perMs: number };
  /** The phones' clock (ms): the 24-hour window is measured with it. Default `Date.now`. */
  now?: () => number;
  /** Status callbacks sent on their own after an accepted message. Default sent and delivered. */
  autoStatuses?: { sent?: boolean; delivered?: boolean; read?: boolean };
  /** Redeliver a webhook the endpoint did not answer with 2xx (Meta retries for days; here a few times). */
  redelivery?: { attempts: number; delayMs: number };
  /** fetch used for deliveries (tests may wrap it). */
  fetch?: typeof globalThis.fetch;
  /** Port to listen on (default: a free one). */
  port?: number;
  /**
   * Serve a control API under /_emulator/ (a separate process driven over HTTP: the benchmark,
   * demos): subscribe, open-window, user-sends, inbox/:number, stats, settle.
   */
  control?: boolean;
}

/** A message the business sent and the emulator accepted, as the recipient's phone has it. */
export interface ReceivedMessage {
  wamid: string;
  to: string;
  type: string;
  /** The request body as sent. */
  body: Record<string, unknown>;
  /** What the person reads: the text, the body of an interactive message, the rendered template. */
  text: string;
  /** Buttons or list rows offered: id and title. */
  options: { id: string; title: string }[];
  /** Emulator clock, ms. */
  at: number;
  status: "accepted" | "sent" | "delivered" | "read" | "failed";
  error?: { code: number; title: string };
}

export type UserMessage =
  | { type: "text"; text: string }
  | { type: "button_reply"; id: string; title: string }
  | { type: "list_reply"; id: string; title: string; description?: string }
  | { type: "button"; text: string; payload: string }
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | { type: "image" | "document" | "audio" | "video" | "sticker"; mediaId: string; caption?: string; filename?: string; voice?: boolean }
  | { type: "contacts"; contacts: Array<{ name: string; phones: Array<{ phone: string; wa_id?: string }> }> }
  | { type: "reaction"; messageId: string; emoji: string }
  | { type: "unsupported" };

export interface Delivery {
  /** HTTP status the endpoint answered (0: no answer). */
  status: number;
  body: string;
  /** The message's id, for a user message. */
  wamid?: string;
}

export interface EmulatorStats {
  accepted: number;
  /** Refusals by error code. */
  refused: Record<number, number>;
  /** Webhook deliveries made and how many were not answered 2xx. */
  deliveries: number;
  deliveryFailures: number;
  /** Real time (ms, performance.now) of the first and last accepted send. */
  firstAcceptAt: number;
  lastAcceptAt: number;
}

export interface CloudEmulator {
  /** The Graph API root, e.g. http://127.0.0.1:43123 (Sila's WHATSAPP_CLOUD_GRAPH_URL). */
  readonly graphUrl: string;
  readonly stats: EmulatorStats;
  /** Every accepted business message, in order. */
  readonly sent: readonly ReceivedMessage[];
  /** Points deliveries at `url` after checking it as Meta does (the challenge echoed with the verify token). */
  subscribe(url: string, verifyToken: string): Promise<boolean>;
  /** A person writes to the business: a signed webhook delivery. Resolves with the endpoint's answer. */
  userSends(from: string, message: UserMessage, options?: { name?: string; id?: string; contextId?: string }): Promise<Delivery>;
  /** Posts any body (already an object or raw text) with a given signature (null: none), for forged deliveries. */
  deliverRaw(body: string, signature: string | null): Promise<Delivery>;
  /** Signs a raw body as Meta does. */
  sign(raw: string): string;
  /** The phone of `to` reads the message: a "read" status callback. */
  read(wamid: string): Promise<void>;
  /** A file a person sends (returns its media id). */
  addMedia(bytes: Buffer, mimeType: string): string;
  /** What `to` received, in order. */
  inbox(to: string): ReceivedMessage[];
  /** `number` wrote to the business now (its window opens) without a webhook delivery (benchmarks). */
  openWindow(number: string): void;
  /** `number` can no longer receive messages (131026 by callback). */
  setUndeliverable(number: string, undeliverable?: boolean): void;
  /**
   * While held, sends get no answer (Meta slow or unreachable): they wait, and on release those
   * whose client is still connected are handled; a client that went away sent nothing.
   */
  holdSends(hold: boolean): void;
  /** Sends waiting while held, whose client is still there. */
  readonly parked: number;
  /** Resolves when every callback queued so far has been delivered (or given up). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const WINDOW_MS = 24 * 60 * 60 * 1000;
const ERROR_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

/** Meta's JSON: non-ASCII as \uXXXX and "/" as "\/" (the signature covers these exact bytes). */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

class GraphError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    readonly title: string,
    readonly details: string,
  ) {
    super(title);
  }
  toJSON() {
    return {
      error: {
        message: `(#${this.code}) ${this.title}`,
        type: this.code === 190 ? "OAuthException" : "OAuthException",
        code: this.code,
        error_data: { messaging_product: "whatsapp", details: this.details },
        fbtrace_id: randomBytes(9).toString("base64url"),
      },
    };
  }
}

const invalid = (details: string) => new GraphError(400, 131009, "Parameter value is not valid", details);
const charLength = (s: string): number => [...s].length;

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
  const media = new Map<string, { bytes: Buffer; mimeType: string; sha256: string }>();
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

  const envelope = (value: Record<string, unknown>) => ({
    object: "whatsapp_business_account",
    entry: [
      {
        id: waba,
        changes: [
          {
            value: { messaging_product: "whatsapp", metadata: { display_phone_number: display, phone_number_id: options.phoneNumberId }, ...value },
            field: "messages",
          },
        ],
      },
    ],
  });

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

  // ---- Checking a send -------------------------------------------------------

  const str = (v: unknown): v is string => typeof v === "string";

  function checkInteractive(i: Record<string, unknown>): { text: string; options: { id: string; title: string }[] } {
    const body = (i["body"] as { text?: unknown } | undefined)?.text;
    if (!str(body) || body.trim() === "") throw invalid("interactive.body.text is required");
    const action = (i["action"] ?? {}) as Record<string, unknown>;
    if (i["type"] === "button") {
      if (charLength(body) > 1024) throw invalid("interactive.body.text: at most 1024 characters");
      const buttons = action["buttons"];
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) throw invalid("action.buttons: 1 to 3 buttons");
      const ids = new Set<string>();
      const titles = new Set<string>();
      const opts = buttons.map((b: { type?: unknown; reply?: { id?: unknown; title?: unknown } }) => {
        const id = b?.reply?.id;
        const title = b?.reply?.title;
        if (b?.type !== "reply" || !str(id) || !str(title)) throw invalid("action.buttons[]: { type: \"reply\", reply: { id, title } }");
        if (charLength(title) < 1 || charLength(title) > 20) throw invalid(`button title "${title}": 1 to 20 characters`);
        if (charLength(id) > 256) throw invalid("button id: at most 256 characters");
        if (ids.has(id) || titles.has(title)) throw invalid("buttons must have unique ids and titles");
        ids.add(id);
        titles.add(title);
        return { id, title };
      });
      return { text: body, options: opts };
    }
    if (i["type"] === "list") {
      if (charLength(body) > 4096) throw invalid("interactive.body.text: at most 4096 characters");
      const button = action["button"];
      if (!str(button) || charLength(button) < 1 || charLength(button) > 20) throw invalid("action.button: 1 to 20 characters");
      const sections = action["sections"];
      if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) throw invalid("action.sections: 1 to 10 sections");
      const opts: { id: string; title: string }[] = [];
      for (const s of sections as Array<{ title?: unknown; rows?: unknown }>) {
        if (sections.length > 1 && (!str(s.title) || charLength(s.title) > 24)) throw invalid("section title: required with several sections, at most 24 characters");
        if (!Array.isArray(s.rows) || s.rows.length === 0) throw invalid("section rows: at least one");
        for (const r of s.rows as Array<{ id?: unknown; title?: unknown; description?: unknown }>) {
          if (!str(r.id) || !str(r.title)) throw invalid("row: { id, title }");
          if (charLength(r.title) < 1 || charLength(r.title) > 24) throw invalid(`row title "${r.title}": 1 to 24 characters`);
          if (charLength(r.id) > 200) throw invalid("row id: at most 200 characters");
          if (r.description !== undefined && (!str(r.description) || charLength(r.description) > 72)) throw invalid("row description: at most 72 characters");
          if (opts.some((o) => o.id === r.id)) throw invalid("row ids must be unique");
          opts.push({ id: r.id, title: r.title });
        }
      }
      if (opts.length > 10) throw invalid("a list has at most 10 rows in all");
      return { text: body, options: opts };
    }
    throw invalid(`interactive.type "${String(i["type"])}" is not supported here`);
  }

  function checkTemplate(t: Record<string, unknown>): { text: string; category: string } {
    const name = t["name"];
    const language = (t["language"] as { code?: unknown } | undefined)?.code;
    if (!str(name) || !str(language)) throw new GraphError(400, 100, "Invalid parameter", "template.name and template.language.code are required");
    const approved = templates.find((x) => x.name === name && x.language === language);
    if (!approved) throw new GraphError(400, 132001, "Template name does not exist in the translation", `template name (${name}) does not exist in ${language}`);
    const components = (t["components"] ?? []) as Array<{ type?: unknown; parameters?: Array<{ type?: unknown; text?: unknown }> }>;
    if (!Array.isArray(components)) throw new GraphError(400, 100, "Invalid parameter", "template.components must be an array");
    const body = components.find((c) => c.type === "body");
    const params = body?.parameters ?? [];
    if (params.length !== approved.bodyParams) {
      throw new GraphError(400, 132000, "Number of parameters does not match the expected number of params", `body: number of localizable_params (${params.length}) does not match the expected number of params (${approved.bodyParams})`);
    }
    const values: string[] = [];
    for (const p of params) {
      if (p.type !== "text" || !str(p.text) || p.text.trim() === "") throw new GraphError(400, 131008, "Required parameter is missing", "body parameters must be non-empty text");
      if (/[\n\t]|\s{5,}/.test(p.text)) throw new GraphError(400, 132018, "There was an issue with the parameters in your template", "Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
      values.push(p.text);
    }
    const text = approved.body ? approved.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => values[Number(n) - 1] ?? "") : `[${name}] ${values.join(" | ")}`;
    return { text, category: approved.category };
  }

  function checkMedia(type: string, m: Record<string, unknown>): string {
    const id = m["id"];
    const link = m["link"];
    if (str(id)) {
      if (!media.has(id)) throw new GraphError(400, 131053, "Media upload error", `media id ${id} is unknown`);
    } else if (!str(link) || !/^https?:\/\//.test(link)) throw invalid(`${type}: an id or a link is required`);
    const caption = m["caption"];
    if (caption !== undefined && (!str(caption) || charLength(caption) > 1024)) throw invalid("caption: at most 1024 characters");
    return str(caption) ? caption : `[${type}]`;
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
        ({ text, category } = checkTemplate((body["template"] ?? {}) as Record<string, unknown>));
        break;
      case "image":
      case "document":
      case "audio":
      case "video":
        text = checkMedia(type, (body[type] ?? {}) as Record<string, unknown>);
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

  function userPayload(from: string, message: UserMessage, id: string, name: string | undefined, contextId: string | undefined): unknown {
    const base: Record<string, unknown> = { from, id, timestamp: seconds(now()), ...(contextId ? { context: { from: display, id: contextId } } : {}) };
    let msg: Record<string, unknown>;
    switch (message.type) {
      case "text":
        msg = { ...base, type: "text", text: { body: message.text } };
        break;
      case "button_reply":
        msg = { ...base, type: "interactive", interactive: { type: "button_reply", button_reply: { id: message.id, title: message.title } } };
        break;
      case "list_reply":
        msg = {
          ...base,
          type: "interactive",
          interactive: { type: "list_reply", list_reply: { id: message.id, title: message.title, ...(message.description ? { description: message.description } : {}) } },
        };
        break;
      case "button":
        msg = { ...base, type: "button", button: { text: message.text, payload: message.payload } };
        break;
      case "location":
        msg = { ...base, type: "location", location: { latitude: message.latitude, longitude: message.longitude, ...(message.name ? { name: message.name } : {}), ...(message.address ? { address: message.address } : {}) } };
        break;
      case "image":
      case "document":
      case "audio":
      case "video":
      case "sticker": {
        const item = media.get(message.mediaId);
        msg = {
          ...base,
          type: message.type,
          [message.type]: {
            id: message.mediaId,
            mime_type: item?.mimeType ?? "application/octet-stream",
            sha256: item?.sha256 ?? "",
            ...(message.caption ? { caption: message.caption } : {}),
            ...(message.filename ? { filename: message.filename } : {}),
            ...(message.type === "audio" && message.voice ? { voice: true } : {}),
          },
        };
        break;
      }
      case "contacts":
        msg = {
          ...base,
          type: "contacts",
          contacts: message.contacts.map((c) => ({ name: { formatted_name: c.name, first_name: c.name }, phones: c.phones.map((p) => ({ ...p, type: "CELL" })) })),
        };
        break;
      case "reaction":
        msg = { ...base, type: "reaction", reaction: { message_id: message.messageId, emoji: message.emoji } };
        break;
      case "unsupported":
        msg = { ...base, type: "unsupported", errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown", error_data: { details: "Message type is currently not supported." } }] };
        break;
    }
    return envelope({ contacts: [{ profile: { name: name ?? from }, wa_id: from }], messages: [msg] });
  }

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
      const raw = metaJson(userPayload(from, message, id, opts.name, opts.contextId));
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

/** The control API of an emulator run as its own process (scripts/cloud-emulator.ts). */
function mountControl(app: Hono, api: () => CloudEmulator): void {
  app.post("/_emulator/subscribe", async (c) => {
    const { url, verifyToken } = (await c.req.json()) as { url: string; verifyToken: string };
    return c.json({ ok: await api().subscribe(url, verifyToken) });
  });
  app.post("/_emulator/open-window", async (c) => {
    const { numbers } = (await c.req.json()) as { numbers: string[] };
    for (const n of numbers) api().openWindow(n);
    return c.json({ ok: true });
  });
  app.post("/_emulator/user-sends", async (c) => {
    const { from, message, name, id } = (await c.req.json()) as { from: string; message: UserMessage; name?: string; id?: string };
    return c.json(await api().userSends(from, message, { ...(name ? { name } : {}), ...(id ? { id } : {}) }));
  });
  app.get("/_emulator/inbox/:number", (c) => c.json(api().inbox(c.req.param("number"))));
  app.get("/_emulator/stats", (c) => c.json(api().stats));
  app.post("/_emulator/settle", async (c) => {
    await api().settle();
    return c.json({ ok: true });
  });
}
