/**
 * Meta's JSON, as the WhatsApp Business Cloud API documents it: the webhook
 * deliveries (`entry[].changes[].value` with `messages`, `contacts`,
 * `statuses`), the bodies of `POST /{version}/{phone-number-id}/messages`,
 * and what an error code means for Sila (retry, wait, try a template, give up).
 */
import { ChannelError } from "../../errors";

// ---- Webhooks ----------------------------------------------------------------

export interface WebhookPayload {
  object?: string;
  entry?: Array<{ id?: string; changes?: Array<{ field?: string; value?: WebhookValue }> }>;
}

export interface WebhookValue {
  messaging_product?: string;
  metadata?: { display_phone_number?: string; phone_number_id?: string };
  contacts?: Array<{ wa_id?: string; profile?: { name?: string } }>;
  messages?: WebhookMessage[];
  statuses?: WebhookStatus[];
}

export interface MetaMedia {
  id?: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
}

export interface WebhookMessage {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  context?: { from?: string; id?: string };
  text?: { body?: string };
  interactive?: {
    type?: string;
    button_reply?: { id?: string; title?: string };
    list_reply?: { id?: string; title?: string; description?: string };
  };
  /** A quick-reply button of a template. */
  button?: { text?: string; payload?: string };
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  image?: MetaMedia;
  document?: MetaMedia;
  audio?: MetaMedia;
  video?: MetaMedia;
  sticker?: MetaMedia;
  contacts?: Array<{ name?: { formatted_name?: string; first_name?: string }; phones?: Array<{ phone?: string; wa_id?: string }> }>;
  reaction?: { message_id?: string; emoji?: string };
  errors?: MetaError[];
}

export interface MetaError {
  code?: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}

export interface WebhookStatus {
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  errors?: MetaError[];
}

// ---- Sending -----------------------------------------------------------------

export interface SendBody {
  messaging_product: "whatsapp";
  recipient_type: "individual";
  to: string;
  type: "text" | "interactive" | "template" | "image" | "document" | "audio";
  text?: { body: string; preview_url?: boolean };
  interactive?: InteractiveBody;
  template?: { name: string; language: { code: string }; components?: Array<{ type: "body"; parameters: Array<{ type: "text"; text: string }> }> };
  image?: { id?: string; link?: string; caption?: string };
  document?: { id?: string; link?: string; caption?: string; filename?: string };
  audio?: { id?: string; link?: string };
}

export type InteractiveBody =
  | {
      type: "button";
      body: { text: string };
      action: { buttons: Array<{ type: "reply"; reply: { id: string; title: string } }> };
    }
  | {
      type: "list";
      body: { text: string };
      action: { button: string; sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }> };
    };

/** Meta's documented limits for what Sila sends. */
export const LIMITS = {
  text: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonBody: 1024,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  buttonId: 256,
  listButton: 20,
  caption: 1024,
  templateParam: 1024,
} as const;

// ---- Errors ------------------------------------------------------------------

/** Codes that mean "wait and send again": throughput, spam limits, Meta's own trouble. */
const RETRY = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);
/** The free message came outside the 24-hour window (a template may still go). */
const OUTSIDE_WINDOW = new Set([131047]);
/** The person cannot receive messages on this number at all. */
const UNREACHABLE = new Set([131026, 131021, 131050]);
/**
 * Problems of Sila's configuration (token, permissions, the number's registration): never the
 * person's fault, so nothing is marked unreachable; retried with backoff while someone fixes it.
 */
const CONFIG = new Set([0, 3, 10, 190, 200, 131005, 131031, 133010]);

/** Seconds to wait after a throughput refusal before the next try. */
export const RATE_RETRY_SECONDS = 1;

/**
 * What a Meta error means for a delivery. `httpStatus` is the answer's status
 * (5xx is always retried); `code` Meta's error code.
 */
export function channelErrorOf(code: number | undefined, title: string, httpStatus: number, details?: string): ChannelError {
  const label = `WhatsApp Cloud API ${code ?? httpStatus}: ${title}${details ? ` (${details.slice(0, 200)})` : ""}`;
  const c = code ?? -1;
  const codeText = code === undefined ? `http_${httpStatus}` : String(code);
  if (c === 130429) return new ChannelError(label, { permanent: false, retryAfterSeconds: RATE_RETRY_SECONDS, code: codeText });
  if (httpStatus >= 500 || RETRY.has(c) || CONFIG.has(c) || httpStatus === 429) return new ChannelError(label, { permanent: false, code: codeText });
  if (OUTSIDE_WINDOW.has(c)) return new ChannelError(label, { permanent: true, outsideWindow: true, unreachable: false, code: codeText });
  if (UNREACHABLE.has(c)) return new ChannelError(label, { permanent: true, unreachable: true, code: codeText });
  // Anything else is about this message (a template not approved, a bad parameter): it will not go as it is.
  return new ChannelError(label, { permanent: true, unreachable: false, code: codeText });
}

/** The meaning of a failed status callback's first error. */
export function statusErrorOf(errors: MetaError[] | undefined): { code: string; title: string; permanent: boolean; outsideWindow: boolean; unreachable: boolean } {
  const e = errors?.[0];
  const mapped = channelErrorOf(e?.code, e?.title ?? e?.message ?? "failed", 400, e?.error_data?.details);
  // A failure reported after the send is final for that message: a retry of the same message is a new send.
  return { code: mapped.code ?? "unknown", title: (e?.title ?? e?.message ?? "failed").slice(0, 200), permanent: true, outsideWindow: mapped.outsideWindow, unreachable: mapped.unreachable };
}
