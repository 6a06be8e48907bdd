/**
 * A fake of the small client interface the WhatsApp adapter uses: an
 * EventEmitter with `initialize`, `destroy`, `sendMessage` and `getNumberId`,
 * recording what is sent and refusing (and counting) any use after `destroy`.
 * `fakeMessage` builds the messages whatsapp-web.js would emit.
 */
import { EventEmitter } from "node:events";
import type {
  WhatsAppClientLike,
  WhatsAppContactLike,
  WhatsAppMediaLike,
  WhatsAppMessageLike,
} from "../../bot/channels/whatsapp";

export interface FakeSend {
  chatId: string;
  content: string;
  /** Which client (0 = the first one created) sent it. */
  client: number;
  /** The injected clock at the moment of sending. */
  at: number;
}

export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClientLike {
  initialized = false;
  destroyed = false;
  /** Calls made after `destroy`: a destroyed client must never be reused. */
  usedAfterDestroy = 0;
  /** Numbers (`…@c.us`) that `getNumberId` reports as not on WhatsApp. */
  readonly notOnWhatsApp = new Set<string>();
  readonly numberChecks: string[] = [];
  /** `initialize` throws this (a browser that fails to launch). */
  initError: Error | null = null;
  /** The next `sendMessage` throws this. */
  failNextSend: Error | null = null;
  private out = 0;

  constructor(
    readonly index: number,
    private readonly log: FakeSend[],
    private readonly now: () => number = () => Date.now(),
  ) {
    super();
  }

  async initialize(): Promise<void> {
    this.alive("initialize");
    if (this.initError) throw this.initError;
    this.initialized = true;
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  async sendMessage(chatId: string, content: string): Promise<{ id: { _serialized: string } }> {
    this.alive("sendMessage");
    if (!this.initialized) throw new Error("client not initialized");
    if (this.failNextSend) {
      const error = this.failNextSend;
      this.failNextSend = null;
      throw error;
    }
    this.log.push({ chatId, content, client: this.index, at: this.now() });
    return { id: { _serialized: `true_${chatId}_OUT${this.index}x${++this.out}` } };
  }

  async getNumberId(number: string): Promise<{ _serialized: string } | null> {
    this.alive("getNumberId");
    this.numberChecks.push(number);
    return this.notOnWhatsApp.has(number) ? null : { _serialized: number };
  }

  /** What a linked phone does: authenticated, then ready. */
  connect(): void {
    this.emit("authenticated");
    this.emit("ready");
  }

  private alive(call: string): void {
    if (this.destroyed) {
      this.usedAfterDestroy++;
      throw new Error(`Protocol error (${call}): Session closed. Most likely the page has been closed.`);
    }
  }
}

export interface FakeMessageInit {
  from: string;
  id?: string;
  body?: string;
  type?: string;
  author?: string;
  fromMe?: boolean;
  isStatus?: boolean;
  timestamp?: number;
  contact?: WhatsAppContactLike | (() => Promise<WhatsAppContactLike>);
  media?: WhatsAppMediaLike | null;
  location?: { latitude: number | string; longitude: number | string };
  vCards?: string[];
  rawData?: object;
}

let seq = 0;

/** A message as whatsapp-web.js emits it; `downloads` counts `downloadMedia` calls. */
export function fakeMessage(init: FakeMessageInit): WhatsAppMessageLike & { downloads: number } {
  const id = init.id ?? `false_${init.from}_3EB0${(++seq).toString(16).toUpperCase().padStart(16, "0")}`;
  const contact = init.contact;
  const message = {
    id: { _serialized: id },
    from: init.from,
    ...(init.author ? { author: init.author } : {}),
    fromMe: init.fromMe ?? false,
    isStatus: init.isStatus ?? init.from === "status@broadcast",
    type: init.type ?? "chat",
    body: init.body ?? "",
    timestamp: init.timestamp ?? 1_795_000_000,
    hasMedia: init.media !== undefined,
    location: init.location,
    vCards: init.vCards ?? [],
    rawData: init.rawData ?? {},
    downloads: 0,
    async downloadMedia() {
      message.downloads++;
      return init.media ?? undefined;
    },
    async getContact(): Promise<WhatsAppContactLike> {
      if (typeof contact === "function") return contact();
      return contact ?? { id: { _serialized: init.author ?? init.from } };
    },
  };
  return message;
}

/** A small valid PDF. */
export const SMALL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
