/** The emulator of Meta's Cloud API: its options and what it records (see emulator.ts). */
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
