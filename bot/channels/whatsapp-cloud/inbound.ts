/**
 * Reading a webhook delivery: each message becomes Sila content (text, a
 * button or list choice, a location, a shared contact, a file to fetch by
 * its media id), each status a `DeliveryStatus`; kinds Sila cannot read are
 * named so the person can be told what it reads. Pure: no network, no disk.
 */
import type { DeliveryStatus, InboundContent, MediaType } from "../types";
import type { MetaMedia, WebhookMessage, WebhookPayload, WebhookStatus } from "./meta";
import { statusErrorOf } from "./meta";

export const CHANNEL = "whatsapp_cloud" as const;

/** A file the person sent, to fetch by its media id before the message is handed on. */
export interface MediaToFetch {
  kind: "fetch";
  mediaType: MediaType;
  mediaId: string;
  mimeType?: string;
  caption?: string;
  fileName?: string;
}

export type CloudEvent =
  | {
      type: "message";
      /** The person's WhatsApp id (their number in international digits), the chat the reply goes to. */
      chatId: string;
      messageId: string;
      receivedAt: Date;
      senderName?: string;
      content: InboundContent | MediaToFetch;
    }
  /** A kind Sila does not read (a poll, an order, an unsupported message): answered with what it reads. */
  | { type: "unsupported"; chatId: string; messageId: string; kind: string }
  | { type: "status"; status: DeliveryStatus }
  | { type: "ignored"; reason: string };

const digits = (s: unknown): string | null => (typeof s === "string" && /^[1-9]\d{5,15}$/.test(s) ? s : null);
const clean = (s: string | undefined, max: number): string | undefined => {
  const v = (s ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return v === "" ? undefined : v.slice(0, max);
};
const timeOf = (ts: string | undefined, fallback: Date): Date => {
  const n = Number(ts);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : fallback;
};

/** Message types that carry nothing for a conversation and get no answer. */
const SILENT = new Set(["reaction", "system", "ephemeral", "request_welcome"]);

function mediaOf(type: MediaType, m: MetaMedia | undefined): MediaToFetch | null {
  if (!m?.id) return null;
  const caption = clean(m.caption, 3000);
  const fileName = clean(m.filename, 120);
  return {
    kind: "fetch",
    mediaType: type,
    mediaId: m.id,
    ...(m.mime_type ? { mimeType: m.mime_type.split(";")[0]!.trim().toLowerCase() } : {}),
    ...(caption ? { caption } : {}),
    ...(fileName ? { fileName } : {}),
  };
}

/** The content of one message, or the name of a kind Sila does not read (null: say nothing). */
export function contentOf(m: WebhookMessage, from: string): InboundContent | MediaToFetch | { unsupported: string } | null {
  switch (m.type) {
    case "text":
      return { kind: "text", text: m.text?.body ?? "" };
    case "interactive": {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (reply?.id) return { kind: "choice", value: reply.id };
      if (reply?.title) return { kind: "text", text: reply.title };
      return { unsupported: `interactive:${m.interactive?.type ?? "?"}` };
    }
    case "button":
      // A template's quick-reply button: its payload is the value, else its text as typed.
      if (m.button?.payload) return { kind: "choice", value: m.button.payload };
      return { kind: "text", text: m.button?.text ?? "" };
    case "location": {
      const latitude = Number(m.location?.latitude);
      const longitude = Number(m.location?.longitude);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { unsupported: "location" };
      return { kind: "location", latitude, longitude };
    }
    case "image":
    case "document":
      return mediaOf(m.type, m[m.type]) ?? { unsupported: m.type };
    case "audio":
      return mediaOf(m.audio?.voice ? "voice" : "audio", m.audio) ?? { unsupported: "audio" };
    case "video":
    case "sticker":
      return mediaOf(m.type, m[m.type]) ?? { unsupported: m.type };
    case "contacts": {
      const card = m.contacts?.[0];
      const phone = card?.phones?.find((p) => digits(p.wa_id) ?? p.phone);
      const waId = digits(phone?.wa_id);
      const number = waId ? `+${waId}` : (phone?.phone ?? "").trim();
      const name = clean(card?.name?.formatted_name ?? card?.name?.first_name, 100);
      if (!number) return { unsupported: "contacts" };
      return { kind: "contact", phone: number, ...(name ? { name } : {}), own: waId === from };
    }
    default:
      if (m.type && SILENT.has(m.type)) return null;
      return { unsupported: m.type ?? "unknown" };
  }
}

function statusOf(s: WebhookStatus, now: Date): CloudEvent {
  const chatId = digits(s.recipient_id);
  const status = s.status;
  if (!s.id || !chatId || (status !== "sent" && status !== "delivered" && status !== "read" && status !== "failed")) {
    return { type: "ignored", reason: `status ${String(status)}` };
  }
  return {
    type: "status",
    status: {
      channel: CHANNEL,
      chatId,
      messageId: s.id,
      status,
      at: timeOf(s.timestamp, now),
      ...(status === "failed" ? { error: statusErrorOf(s.errors) } : {}),
    },
  };
}

/**
 * Every event of a delivery, in order. Changes for another phone number id
 * than ours, and fields other than "messages", are ignored.
 */
export function eventsOf(payload: WebhookPayload, phoneNumberId: string, now: Date): CloudEvent[] {
  if (payload.object !== "whatsapp_business_account" || !Array.isArray(payload.entry)) return [{ type: "ignored", reason: "not a WhatsApp Business Account delivery" }];
  const events: CloudEvent[] = [];
  for (const entry of payload.entry) {
    for (const change of entry?.changes ?? []) {
      const value = change?.value;
      if (change?.field !== "messages" || !value) {
        events.push({ type: "ignored", reason: `field ${String(change?.field)}` });
        continue;
      }
      if (value.metadata?.phone_number_id !== phoneNumberId) {
        events.push({ type: "ignored", reason: "another phone number" });
        continue;
      }
      const names = new Map((value.contacts ?? []).flatMap((c) => (c.wa_id ? [[c.wa_id, c.profile?.name] as const] : [])));
      for (const m of value.messages ?? []) {
        const from = digits(m.from);
        if (!from || !m.id) {
          events.push({ type: "ignored", reason: "message without sender or id" });
          continue;
        }
        const content = contentOf(m, from);
        if (content === null) {
          events.push({ type: "ignored", reason: `type ${String(m.type)}` });
          continue;
        }
        if ("unsupported" in content) {
          events.push({ type: "unsupported", chatId: from, messageId: m.id, kind: content.unsupported });
          continue;
        }
        const name = clean(names.get(from), 100);
        events.push({ type: "message", chatId: from, messageId: m.id, receivedAt: timeOf(m.timestamp, now), content, ...(name ? { senderName: name } : {}) });
      }
      for (const s of value.statuses ?? []) events.push(statusOf(s, now));
    }
  }
  return events;
}
