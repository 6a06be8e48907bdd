/**
 * The small part of whatsapp-web.js that the WhatsApp adapter uses. The real
 * `Client` satisfies it (see `web-client.ts`, the only module that imports the
 * library); tests pass a fake EventEmitter with the same shape.
 */

/** `MessageMedia`: the downloaded file of a message. */
export interface WhatsAppMediaLike {
  mimetype: string;
  /** Base64 of the file. */
  data: string;
  filename?: string | null;
  filesize?: number | null;
}

/** `Contact`: who sent a message. */
export interface WhatsAppContactLike {
  /**
   * The phone number (digits, international form) when WhatsApp shares it.
   * For a contact whose id is still a `@lid` id this is not a phone number.
   */
  number?: string | null;
  pushname?: string | null;
  name?: string | null;
  id?: { _serialized: string };
}

/** `Message`: one event of the `message` / `message_create` streams. */
export interface WhatsAppMessageLike {
  /** `_serialized` is unique and stable: the same message seen twice has the same id. */
  id: { _serialized: string };
  /** The chat: `<number>@c.us`, `<lid>@lid`, `<group>@g.us`, `status@broadcast`. */
  from: string;
  /** In a group: the participant who wrote. */
  author?: string;
  fromMe: boolean;
  isStatus?: boolean;
  /** 'chat', 'image', 'document', 'ptt', 'audio', 'video', 'sticker', 'location', 'vcard', 'multi_vcard', ... */
  type: string;
  /** The text, or the caption of a media message. */
  body: string;
  /** Unix seconds. */
  timestamp?: number;
  hasMedia: boolean;
  location?: { latitude: number | string; longitude: number | string } | undefined;
  vCards?: string[];
  /** The raw model: its `size` (bytes) lets a too-large file be refused before downloading it. */
  rawData?: object;
  downloadMedia(): Promise<WhatsAppMediaLike | null | undefined>;
  getContact(): Promise<WhatsAppContactLike>;
}

/** What `sendMessage` resolves to (undefined when WhatsApp found no chat). */
export interface WhatsAppSentLike {
  id: { _serialized: string };
}

/** `Client`: the events and the few calls the adapter relies on. */
export interface WhatsAppClientLike {
  on(event: "qr", listener: (qr: string) => void): unknown;
  on(event: "authenticated" | "ready", listener: () => void): unknown;
  on(event: "auth_failure", listener: (message: string) => void): unknown;
  on(event: "disconnected", listener: (reason: string) => void): unknown;
  on(event: "message" | "message_create", listener: (message: WhatsAppMessageLike) => void): unknown;
  removeAllListeners(event?: string): unknown;
  /** Launches the browser and logs in (a QR code on first start). */
  initialize(): Promise<void>;
  /** Closes the browser. A destroyed client is never used again. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<WhatsAppSentLike | null | undefined>;
  /** The registered id of a number, null when the number is not on WhatsApp. */
  getNumberId?(number: string): Promise<{ _serialized: string } | null>;
}
