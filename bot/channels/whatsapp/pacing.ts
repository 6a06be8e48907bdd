/**
 * Send pacing for WhatsApp: an unofficial client that sends in bursts is the
 * surest way to get a number banned. Two limits: a minimum gap between two
 * messages to the same chat, and a maximum number of messages a minute
 * overall. `acquire` waits (through the injected `sleep`) until a send is
 * allowed and books it; tests inject a clock and a sleep that advances it.
 */
import { setTimeout as delay } from "node:timers/promises";
import { KeyedQueue } from "../../engine/queue";

export interface Timing {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface PacingOptions {
  /** Smallest gap between two sends to the same chat (0 = none). Default 1000. */
  minGapMs?: number;
  /** Most sends in any 60-second window, all chats together (0 = no limit). Default 30. */
  maxPerMinute?: number;
}

export const DEFAULT_PACING = { minGapMs: 1_000, maxPerMinute: 30 } as const;

/** Real time: the clock and timers of the process. */
export const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
};

const WINDOW_MS = 60_000;

export interface SendLimiter {
  /** Waits until a send to `chatId` is allowed, and books it. */
  acquire(chatId: string, signal?: AbortSignal): Promise<void>;
  /** How long a send to `chatId` would wait now (0 = at once). */
  delayFor(chatId: string): number;
}

export function createSendLimiter(options: PacingOptions, timing: Timing): SendLimiter {
  const gap = Math.max(0, options.minGapMs ?? DEFAULT_PACING.minGapMs);
  const perMinute = Math.max(0, Math.floor(options.maxPerMinute ?? DEFAULT_PACING.maxPerMinute));
  const lastByChat = new Map<string, number>();
  /** Times of the sends in the current window, oldest first. */
  const window: number[] = [];
  const perChat = new KeyedQueue();

  function prune(now: number): void {
    while (window.length > 0 && window[0]! <= now - WINDOW_MS) window.shift();
    if (lastByChat.size > 1_000) {
      for (const [chat, at] of lastByChat) if (now - at >= gap) lastByChat.delete(chat);
    }
  }

  function delayFor(chatId: string): number {
    const now = timing.now();
    prune(now);
    const last = lastByChat.get(chatId);
    const chatWait = last === undefined ? 0 : last + gap - now;
    const overallWait = perMinute > 0 && window.length >= perMinute ? window[0]! + WINDOW_MS - now : 0;
    return Math.max(0, chatWait, overallWait);
  }

  return {
    delayFor,
    acquire(chatId, signal) {
      // Sends to one chat queue up in order; different chats only share the overall window.
      return perChat.run(chatId, async () => {
        for (;;) {
          signal?.throwIfAborted();
          const wait = delayFor(chatId);
          if (wait <= 0) {
            // Checked and booked with no await in between: concurrent chats cannot both take the last slot.
            const now = timing.now();
            window.push(now);
            lastByChat.set(chatId, now);
            return;
          }
          await timing.sleep(wait, signal);
        }
      });
    },
  };
}
