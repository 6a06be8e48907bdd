/**
 * A small Telegram Bot API server on 127.0.0.1 for end-to-end tests: long
 * polling with real `offset` confirmation (so an update not confirmed is
 * delivered again), webhooks with the secret-token header, sendMessage,
 * answerCallbackQuery, getFile and file downloads, and scripted failures
 * (429 with retry_after, 403 for a user who blocked the bot).
 *
 * `telegram-test-api` covers the happy path, but not offsets, long polling,
 * files or error answers; this fake keeps to the parts Sila uses.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  language_code?: string;
}

export interface BotMessage {
  message_id: number;
  chat_id: string;
  text: string;
  reply_markup?: {
    inline_keyboard?: { text: string; callback_data: string }[][];
    keyboard?: { text: string; request_contact?: boolean }[][];
    remove_keyboard?: boolean;
    force_reply?: boolean;
  };
  /** When the server accepted it (ms since epoch). */
  at: number;
}

export interface Refusal {
  method: string;
  chatId: string;
  code: number;
  /** ms since epoch. */
  at: number;
}

type Update = Record<string, unknown> & { update_id: number };

interface Failure {
  code: number;
  description: string;
  retryAfter?: number;
}

const BOT = { id: 4242, is_bot: true, first_name: "Sila", username: "sila_e2e_bot" };

export class FakeBotApi {
  readonly sent: BotMessage[] = [];
  readonly refusals: Refusal[] = [];
  readonly answeredCallbacks: string[] = [];
  readonly methods: string[] = [];
  webhook: { url: string; secret: string | null } | null = null;
  /** Updates waiting for the bot, until an offset past them confirms them. */
  private queue: Update[] = [];
  private nextUpdateId = 1;
  private readonly messageIds = new Map<string, number>();
  private botMessageId = 10_000;
  private readonly waiters = new Set<() => void>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly blocked = new Set<string>();
  private readonly files = new Map<string, { bytes: Buffer; path: string; uniqueId: string }>();
  private server: http.Server | null = null;
  /** The highest update id confirmed by an offset. */
  confirmedUpTo = 0;
  url = "";

  constructor(readonly token: string) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.waiters) wake();
    const s = this.server;
    this.server = null;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }

  // ---- What a person does ---------------------------------------------------

  private nextMessageId(chatId: number): number {
    const n = (this.messageIds.get(String(chatId)) ?? 0) + 1;
    this.messageIds.set(String(chatId), n);
    return n;
  }

  private from(u: FakeUser) {
    return { ...u, is_bot: false };
  }

  /** Queues (or posts to the webhook) an update; returns it. */
  async push(body: Record<string, unknown>): Promise<Update> {
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    if (this.webhook) await this.postWebhook(update, this.webhook.secret);
    else {
      this.queue.push(update);
      for (const wake of [...this.waiters]) wake();
    }
    return update;
  }

  /** The same message delivered again (as Telegram does after a lost confirmation). */
  redeliver(update: Update): Promise<Update> {
    const { update_id: _ignored, ...body } = update;
    void _ignored;
    return this.push(body);
  }

  message(user: FakeUser, fields: Record<string, unknown>, chat?: { id: number; type: "group" | "supergroup"; title: string }): Promise<Update> {
    const c = chat ?? { id: user.id, type: "private", first_name: user.first_name };
    return this.push({
      message: { message_id: this.nextMessageId(c.id), date: Math.floor(Date.now() / 1000), chat: c, from: this.from(user), ...fields },
    });
  }

  say(user: FakeUser, text: string): Promise<Update> {
    return this.message(user, { text });
  }

  sayInGroup(groupId: number, user: FakeUser, text: string, extra: Record<string, unknown> = {}): Promise<Update> {
    return this.message(user, { text, ...extra }, { id: groupId, type: "supergroup", title: "Staff" });
  }

  /** Presses the button labelled `label` (or at `index`) under one of the bot's messages. */
  press(user: FakeUser, message: BotMessage, which: string | number): Promise<Update> {
    const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
    const button = typeof which === "number" ? buttons[which] : buttons.find((b) => b.text === which || b.callback_data === which);
    if (!button) throw new Error(`no button ${String(which)} under message ${message.message_id}: ${JSON.stringify(buttons)}`);
    const chatId = Number(message.chat_id);
    return this.push({
      callback_query: {
        id: `cb-${this.nextUpdateId}`,
        from: this.from(user),
        chat_instance: "ci",
        data: button.callback_data,
        message: {
          message_id: message.message_id,
          date: Math.floor(message.at / 1000),
          chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Staff" } : { id: chatId, type: "private", first_name: user.first_name },
          from: BOT,
          text: message.text,
          reply_markup: message.reply_markup,
        },
      },
    });
  }

  shareContact(user: FakeUser, phone: string): Promise<Update> {
    return this.message(user, { contact: { phone_number: phone, first_name: user.first_name, user_id: user.id } });
  }

  sendDocument(user: FakeUser, file: { bytes: Buffer; name: string; mime: string }): Promise<Update> {
    const id = `file-${this.files.size + 1}`;
    this.files.set(id, { bytes: file.bytes, path: `documents/${id}${file.name.slice(file.name.lastIndexOf("."))}`, uniqueId: `u${id}` });
    return this.message(user, {
      document: { file_id: id, file_unique_id: `u${id}`, file_name: file.name, mime_type: file.mime, file_size: file.bytes.length },
    });
  }

  // ---- Scripted trouble -----------------------------------------------------

  /** The next `times` calls of `method` to `chatId` fail with `failure`. */
  failNext(method: string, chatId: string | number, failure: Failure, times = 1): void {
    const key = `${method}:${chatId}`;
    this.failures.set(key, [...(this.failures.get(key) ?? []), ...Array.from({ length: times }, () => failure)]);
  }

  /** The user blocked the bot: every message to them is refused with 403. */
  block(chatId: string | number): void {
    this.blocked.add(String(chatId));
  }

  // ---- Reading what the bot did ---------------------------------------------

  to(chatId: string | number): BotMessage[] {
    return this.sent.filter((m) => m.chat_id === String(chatId));
  }

  last(chatId: string | number): BotMessage | undefined {
    return this.to(chatId).at(-1);
  }

  /** Posts `update` to the webhook as Telegram would; returns the HTTP status. */
  async postWebhook(update: Update | Record<string, unknown>, secret: string | null): Promise<number> {
    if (!this.webhook) throw new Error("no webhook set");
    const res = await fetch(this.webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return res.status;
  }

  // ---- The Bot API ------------------------------------------------------------

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = new RegExp(`^/file/bot${this.token}/(.+)$`).exec(url.pathname);
    if (file) {
      const entry = [...this.files.values()].find((f) => f.path === file[1]);
      res.statusCode = entry ? 200 : 404;
      res.end(entry?.bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!m || m[1] !== this.token) return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2]!;
    this.methods.push(method);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const payload = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;

    switch (method) {
      case "getMe":
        return this.ok(res, BOT);
      case "deleteWebhook":
        this.webhook = null;
        return this.ok(res, true);
      case "setWebhook":
        this.webhook = { url: String(payload.url), secret: typeof payload.secret_token === "string" ? payload.secret_token : null };
        return this.ok(res, true);
      case "getUpdates":
        return this.getUpdates(res, payload);
      case "answerCallbackQuery":
        this.answeredCallbacks.push(String(payload.callback_query_id));
        return this.ok(res, true);
      case "getFile": {
        const f = this.files.get(String(payload.file_id));
        if (!f) return this.reply(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        return this.ok(res, { file_id: payload.file_id, file_unique_id: f.uniqueId, file_size: f.bytes.length, file_path: f.path });
      }
      case "sendMessage":
        return this.sendMessage(res, payload);
      default:
        return this.reply(res, 404, { ok: false, error_code: 404, description: `Not Found: method ${method}` });
    }
  }

  private sendMessage(res: http.ServerResponse, payload: Record<string, unknown>): void {
    const chatId = String(payload.chat_id);
    const queued = this.failures.get(`sendMessage:${chatId}`);
    const failure = queued?.shift() ?? (this.blocked.has(chatId) ? { code: 403, description: "Forbidden: bot was blocked by the user" } : undefined);
    if (failure) {
      this.refusals.push({ method: "sendMessage", chatId, code: failure.code, at: Date.now() });
      return this.reply(res, failure.code, {
        ok: false,
        error_code: failure.code,
        description: failure.description,
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }
    const message: BotMessage = {
      message_id: ++this.botMessageId,
      chat_id: chatId,
      text: String(payload.text),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup as BotMessage["reply_markup"] } : {}),
      at: Date.now(),
    };
    this.sent.push(message);
    const id = Number(chatId);
    return this.ok(res, {
      message_id: message.message_id,
      date: Math.floor(message.at / 1000),
      chat: id < 0 ? { id, type: "supergroup", title: "Staff" } : { id, type: "private", first_name: "x" },
      from: BOT,
      text: message.text,
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
    });
  }

  private getUpdates(res: http.ServerResponse, payload: Record<string, unknown>): void {
    const offset = Number(payload.offset ?? 0);
    const limit = Number(payload.limit ?? 100);
    if (offset > 0) {
      this.confirmedUpTo = Math.max(this.confirmedUpTo, offset - 1);
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    }
    const answer = () => this.ok(res, this.queue.slice(0, limit));
    if (this.queue.length > 0) return answer();
    // Long polling: hold the request until an update comes, the timeout passes or the bot hangs up.
    const timeoutMs = Math.max(0, Number(payload.timeout ?? 0)) * 1000;
    let timer: NodeJS.Timeout | null = null;
    const wake = () => {
      this.waiters.delete(wake);
      if (timer) clearTimeout(timer);
      if (!res.writableEnded && !res.destroyed) answer();
    };
    this.waiters.add(wake);
    timer = setTimeout(wake, timeoutMs);
    res.on("close", () => {
      if (!res.writableEnded) {
        this.waiters.delete(wake);
        if (timer) clearTimeout(timer);
      }
    });
  }

  private ok(res: http.ServerResponse, result: unknown): void {
    this.reply(res, 200, { ok: true, result });
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(body));
  }
}
