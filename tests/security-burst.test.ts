/**
 * One chat must not hold up the others (issue 16). A beneficiary forwards thirty messages at once;
 * Telegram lets the bot send about one message a second to a chat, so their replies take half a
 * minute. Another beneficiary who writes meanwhile is answered at once, before the burst's tail;
 * the burst's replies keep their order. Through the Telegram adapter against a Bot API server on
 * 127.0.0.1, with Telegram's real limits on a clock the test moves by hand (nothing waits on real
 * time, nothing asserts a duration).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../bot/channels/telegram/limiter";
import type { FakeUser } from "./telegram/fake-bot-api";
import { createWorld, WAIT, type World } from "./security/world";

/** A clock that stands still until the test moves it; sleepers wake when it passes their time. */
class HandClock {
  t = Date.parse("2026-11-22T09:00:00Z");
  private sleepers: Array<{ at: number; wake: () => void }> = [];
  readonly now = (): number => this.t;
  readonly sleep = (ms: number): Promise<void> => new Promise((wake) => this.sleepers.push({ at: this.t + ms, wake }));
  get waiting(): number {
    return this.sleepers.length;
  }
  advance(ms: number): void {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.wake();
  }
}

const FORWARDER: FakeUser = { id: 6101, first_name: "خالد", language_code: "ar" };
const OTHER: FakeUser = { id: 6102, first_name: "منى", language_code: "ar" };
const BURST = 30;

let world: World | null = null;
let clock: HandClock | null = null;
afterEach(async () => {
  // Whatever is still paced goes, so the outbox can stop.
  for (let i = 0; i < BURST + 5 && clock && clock.waiting > 0; i++) {
    clock.advance(3_600_000);
    await new Promise((r) => setTimeout(r, 10));
  }
  await world?.close();
  world = null;
  clock = null;
});

describe("a burst from one chat", () => {
  it("does not hold up another chat's reply, and keeps its own order", async () => {
    const hand = (clock = new HandClock());
    const w = (world = await createWorld({ telegramThrottle: { ...DEFAULT_LIMITS, now: hand.now, sleep: hand.sleep }, clockMs: hand.now }));
    const sentTo = (user: FakeUser) => w.api.to(user.id).length;
    /** Moves the clock and waits until the paced sends it allowed have gone (the lanes wait again, or all is sent). */
    const tick = async (ms: number, done: () => boolean) => {
      hand.advance(ms);
      await vi.waitFor(() => expect(hand.waiting > 0 || done()).toBe(true), WAIT);
    };

    for (let i = 0; i < BURST; i++) await w.api.say(FORWARDER, "السلام عليكم");
    await vi.waitFor(async () => {
      const queued = await w.opened.db.selectFrom("outbox").select("id").where("chat_id", "=", String(FORWARDER.id)).execute();
      expect(queued).toHaveLength(BURST);
    }, WAIT);
    // Telegram allows a chat a short burst (three, thirty a second overall); then one a second.
    for (let i = 0; i < 5; i++) await tick(40, () => false);
    expect(sentTo(FORWARDER)).toBe(3);

    // Another beneficiary writes. The clock moves less than the forwarder's next turn.
    await w.api.say(OTHER, "السلام عليكم");
    await vi.waitFor(async () => {
      const queued = await w.opened.db.selectFrom("outbox").select("id").where("chat_id", "=", String(OTHER.id)).execute();
      expect(queued).toHaveLength(1);
    }, WAIT);
    await tick(40, () => false);
    await vi.waitFor(() => expect(sentTo(OTHER)).toBe(1), WAIT);
    expect(w.api.to(OTHER.id)[0]!.text).toContain("وعليكم السلام");
    expect(sentTo(FORWARDER)).toBe(3);

    // The burst goes on at the chat's pace, to the end, in the order written.
    for (let step = 0; step < 4 * BURST && sentTo(FORWARDER) < BURST; step++) await tick(500, () => sentTo(FORWARDER) === BURST);
    expect(sentTo(FORWARDER)).toBe(BURST);
    const rows = await w.opened.db.selectFrom("outbox").select(["id", "sent_at"]).where("chat_id", "=", String(FORWARDER.id)).orderBy("id").execute();
    // Sent one after another as the clock moved: each row no earlier than the one written before it.
    const sentAt = rows.map((r) => r.sent_at ?? "");
    expect(new Set(sentAt).size).toBeGreaterThan(BURST / 2);
    expect(sentAt).toEqual([...sentAt].sort());
  });
});
