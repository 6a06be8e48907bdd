/**
 * What Meta posts to a business's webhook: the envelope of every change, and
 * the messages a person's phone sends (text, replies to buttons and lists,
 * locations, media, contacts, reactions).
 */
import type { UserMessage } from "./types";

export interface StoredMedia {
  bytes: Buffer;
  mimeType: string;
  sha256: string;
}

/** The webhook envelope of one change of the "messages" field. */
export function metaEnvelope(meta: { waba: string; display: string; phoneNumberId: string }, value: Record<string, unknown>): unknown {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: meta.waba,
        changes: [
          {
            value: { messaging_product: "whatsapp", metadata: { display_phone_number: meta.display, phone_number_id: meta.phoneNumberId }, ...value },
            field: "messages",
          },
        ],
      },
    ],
  };
}

/** The "value" of a message a person sends from their phone. */
export function userPayload(
  phone: { display: string; media: ReadonlyMap<string, StoredMedia>; timestamp: string },
  from: string,
  message: UserMessage,
  id: string,
  name: string | undefined,
  contextId: string | undefined,
): Record<string, unknown> {
  const { display, media, timestamp } = phone;
  const base: Record<string, unknown> = { from, id, timestamp, ...(contextId ? { context: { from: display, id: contextId } } : {}) };
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
  return { contacts: [{ profile: { name: name ?? from }, wa_id: from }], messages: [msg] };
}
