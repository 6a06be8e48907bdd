/**
 * A small send limiter within Telegram's limits: about one message a second
 * in a chat (a short burst allowed), about twenty a minute in a group, and
 * thirty a second overall (generic cell rate algorithm for each). `acquire`
 * waits for the chat's own slot first, then books the earliest overall slot:
 * a chat held by its own pace (a burst of replies) never holds slots the
 * other chats could use, so senders to different chats go side by side.
 * Clock and sleep are injectable for tests.
 */

export interface RateLimit {
  /** Sustained spacing between messages. */
  intervalMs: number;
  /** Messages that may go back to back before the spacing applies. */
  burst: number;
}

export interface RateLimiterOptions {
  /** Private chats; default one a second, bursts of 3. */
  perChat?: RateLimit;
  /** Groups (negative chat ids); default twenty a minute, bursts of 3. */
  perGroup?: RateLimit;
  /** Every chat together; default thirty a second. */
  global?: RateLimit;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Resolves when a message to `chatId` may be sent. */
  acquire(chatId: string): Promise<void>;
}

export const DEFAULT_LIMITS = {
  perChat: { intervalMs: 1000, burst: 3 },
  perGroup: { intervalMs: 3000, burst: 3 },
  // No burst overall (a burst on top of 30 a second lets about 60 through after a pause), and a
  // little under 30 a second, so a send exactly one second after another is never the 31st.
  global: { intervalMs: 1000 / 29.5, burst: 1 },
} as const;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const perChat = options.perChat ?? DEFAULT_LIMITS.perChat;
  const perGroup = options.perGroup ?? DEFAULT_LIMITS.perGroup;
  const global = options.global ?? DEFAULT_LIMITS.global;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  /** Theoretical arrival time of the next message, per chat and overall. */
  const chatTat = new Map<string, number>();
  let globalTat = 0;

  const tolerance = (l: RateLimit) => Math.max(0, l.burst - 1) * l.intervalMs;

  return {
    async acquire(chatId) {
      // First the chat's own pace: its slot is booked at once (sends to one chat keep their order)...
      const t = now();
      const limit = chatId.startsWith("-") ? perGroup : perChat;
      const chatNext = Math.max(chatTat.get(chatId) ?? t, t);
      const chatStart = Math.max(t, chatNext - tolerance(limit));
      chatTat.set(chatId, Math.max(chatNext, chatStart) + limit.intervalMs);
      if (chatTat.size > 1000) {
        for (const [id, tat] of chatTat) if (tat <= t) chatTat.delete(id);
      }
      if (chatStart > t) await sleep(chatStart - t);
      // ...then, once the chat may send, a slot of the overall limit. Booked only now, so a chat
      // waiting for its own pace holds no slot that other chats could use meanwhile.
      const t2 = now();
      const globalNext = Math.max(globalTat, t2);
      const start = Math.max(t2, globalNext - tolerance(global));
      globalTat = Math.max(globalNext, start) + global.intervalMs;
      if (start > t2) await sleep(start - t2);
    },
  };
}
