/**
 * Sending on the Cloud API: a reply as Meta's JSON (text; up to three
 * choices as reply buttons; longer menus as list messages of at most ten
 * rows, paged over several lists; an approved template; a file by upload or
 * media id), paced within the number's throughput and the per-person pair
 * limit. A list sent in pages and interrupted by a failure resumes at the
 * page that failed when the outbox tries again.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ChannelError } from "../../errors";
import type { OutboundMessage, SendResult } from "../types";
import { renderWhatsAppText } from "../whatsapp/format";
import { createRateLimiter, type RateLimiter } from "../telegram/limiter";
import type { GraphClient } from "./graph";
import { LIMITS, type SendBody } from "./meta";

export interface ListLabels {
  /** The list's button ("Options"), in the language of `text`. */
  button(text: string): string;
  /** The body of a later page ("More options (2/3)"). */
  page(text: string, page: number, pages: number): string;
}

const len = (s: string): number => [...s].length;
const cut = (s: string, max: number): string => (len(s) <= max ? s : `${[...s].slice(0, max - 1).join("")}…`);

/** A template parameter as Meta takes it: one line, no tabs, no run of five spaces, at most 1024 characters. */
export function templateParam(value: string): string {
  const flat = value.replace(/[\u2066-\u2069]/g, "").replace(/\s*\n+\s*/g, " · ").replace(/\t/g, " ").replace(/ {4,}/g, "   ").trim();
  return cut(flat === "" ? "-" : flat, LIMITS.templateParam);
}

const envelope = (to: string) => ({ messaging_product: "whatsapp" as const, recipient_type: "individual" as const, to });

/**
 * The request bodies that carry `message` to `to`, in order (several only for
 * a menu longer than one list). Media is given by id (upload first).
 */
export function renderCloud(to: string, message: OutboundMessage, labels: ListLabels, mediaId?: string): SendBody[] {
  if (message.template) {
    const t = message.template;
    return [
      {
        ...envelope(to),
        type: "template",
        template: {
          name: t.name,
          language: { code: t.language },
          ...(t.params.length > 0 ? { components: [{ type: "body" as const, parameters: t.params.map((p) => ({ type: "text" as const, text: templateParam(p) })) }] } : {}),
        },
      },
    ];
  }
  if (message.media && (mediaId ?? message.media.id)) {
    const id = (mediaId ?? message.media.id)!;
    const caption = message.text.trim() ? cut(message.text, LIMITS.caption) : undefined;
    const m = message.media;
    if (m.kind === "audio") return [{ ...envelope(to), type: "audio", audio: { id } }, ...(caption ? [{ ...envelope(to), type: "text" as const, text: { body: caption } }] : [])];
    if (m.kind === "image") return [{ ...envelope(to), type: "image", image: { id, ...(caption ? { caption } : {}) } }];
    return [{ ...envelope(to), type: "document", document: { id, ...(caption ? { caption } : {}), ...(m.fileName ? { filename: m.fileName } : {}) } }];
  }
  const choices = message.choices ?? [];
  const body = message.text.trim() === "" ? "⬇️" : message.text;
  if (choices.length === 0) return [{ ...envelope(to), type: "text", text: { body: cut(body, LIMITS.text) } }];

  const titles = choices.map((c) => c.label.replace(/\s+/g, " ").trim());
  const uniqueTitles = new Set(titles).size === titles.length && titles.every((t) => t !== "");
  if (
    choices.length <= LIMITS.buttons &&
    uniqueTitles &&
    titles.every((t) => len(t) <= LIMITS.buttonTitle) &&
    choices.every((c) => c.value !== "" && len(c.value) <= LIMITS.buttonId) &&
    new Set(choices.map((c) => c.value)).size === choices.length &&
    len(body) <= LIMITS.buttonBody
  ) {
    return [
      {
        ...envelope(to),
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: body },
          action: { buttons: choices.map((c, i) => ({ type: "reply" as const, reply: { id: c.value, title: titles[i]! } })) },
        },
      },
    ];
  }
  if (choices.every((c) => c.value !== "" && len(c.value) <= LIMITS.rowId) && new Set(choices.map((c) => c.value)).size === choices.length) {
    const pages: SendBody[] = [];
    const count = Math.ceil(choices.length / LIMITS.listRows);
    for (let p = 0; p < count; p++) {
      const slice = choices.slice(p * LIMITS.listRows, (p + 1) * LIMITS.listRows);
      const rows = slice.map((c, i) => {
        const title = titles[p * LIMITS.listRows + i]!;
        return len(title) <= LIMITS.rowTitle
          ? { id: c.value, title }
          : { id: c.value, title: cut(title, LIMITS.rowTitle), description: cut(title, LIMITS.rowDescription) };
      });
      pages.push({
        ...envelope(to),
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: p === 0 ? cut(body, LIMITS.text) : labels.page(body, p + 1, count) },
          action: { button: cut(labels.button(body), LIMITS.listButton), sections: [{ rows }] },
        },
      });
    }
    return pages;
  }
  // Values too long for an id: the numbered menu, answered by typing.
  return [{ ...envelope(to), type: "text", text: { body: cut(renderWhatsAppText(message), LIMITS.text) } }];
}

/** Meta's pair limit: about one message every 6 seconds to one person, bursts of up to 45. */
export const PAIR_LIMIT = { intervalMs: 6_000, burst: 45 } as const;

export interface CloudSenderOptions {
  graph: GraphClient;
  labels: ListLabels;
  /** Messages a second overall (Meta's default throughput is 80). */
  ratePerSecond: number;
  /** Per person: messages in a burst, then one every `intervalMs` (Meta's pair limit). */
  perChat?: { intervalMs: number; burst: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface CloudSender {
  send(chatId: string, message: OutboundMessage): Promise<SendResult>;
}

/** A WhatsApp id as the Cloud API gives it: the number in international digits. */
export const isCloudChatId = (chatId: string): boolean => /^[1-9]\d{6,15}$/.test(chatId);

export function createCloudSender(options: CloudSenderOptions): CloudSender {
  const limiter: RateLimiter = createRateLimiter({
    // A small burst lets a send that came late (a slow commit) catch up; Meta counts messages a second.
    global: { intervalMs: 1000 / options.ratePerSecond, burst: Math.max(1, Math.ceil(options.ratePerSecond / 20)) },
    perChat: options.perChat ?? PAIR_LIMIT,
    perGroup: options.perChat ?? PAIR_LIMIT,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  /** Pages of a long menu already sent, so a retry does not repeat them. */
  const pagesSent = new Map<string, number>();

  async function mediaIdOf(message: OutboundMessage): Promise<string | undefined> {
    const m = message.media;
    if (!m || m.id) return m?.id;
    if (!m.path) throw new ChannelError("a file to send needs a path or a media id", { permanent: true, unreachable: false });
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(m.path);
    } catch (cause) {
      throw new ChannelError(`the file to send is missing: ${path.basename(m.path)}`, { permanent: true, unreachable: false, cause });
    }
    return options.graph.upload(bytes, m.mimeType, m.fileName ?? path.basename(m.path));
  }

  return {
    async send(chatId, message) {
      if (!isCloudChatId(chatId)) throw new ChannelError(`not a WhatsApp id: ${chatId}`, { permanent: true });
      const bodies = renderCloud(chatId, message, options.labels, await mediaIdOf(message));
      const key = bodies.length > 1 ? `${chatId}:${createHash("sha1").update(JSON.stringify(bodies)).digest("hex")}` : null;
      const already = key ? (pagesSent.get(key) ?? 0) : 0;
      let last: string | undefined;
      for (let i = already; i < bodies.length; i++) {
        await limiter.acquire(chatId);
        last = (await options.graph.sendMessage(bodies[i]!)).messageId;
        if (key && i < bodies.length - 1) {
          pagesSent.set(key, i + 1);
          if (pagesSent.size > 1000) pagesSent.delete(pagesSent.keys().next().value!);
        }
      }
      if (key) pagesSent.delete(key);
      return last ? { messageId: last } : {};
    },
  };
}
