import { afterEach, describe, expect, it } from "vitest";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";
import { createOutboxSender, retryDelayMs } from "../bot/engine/outbox";
import { ChannelError } from "../bot/errors";
import { createLogger } from "../bot/log";
import type { ChannelSender } from "../bot/channels/types";
import { KeyedQueue } from "../bot/engine/queue";
import { floodArrival } from "../bot/engine/flood";
import { createHotPath } from "../db/hot";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe("the turn", () => {
  it("processes a redelivered message once", async () => {
    h = await createHarness();
    const first = await h.say("السلام عليكم", "u1", "same-id");
    expect(first.length).toBeGreaterThan(0);
    const outcome = await h.sila.engine.handle({
      channel: "console",
      chatId: "u1",
      messageId: "same-id",
      receivedAt: h.now(),
      content: { kind: "text", text: "السلام عليكم" },
    });
    expect(outcome).toBe("duplicate");
    await h.sila.outbox.drainOnce();
    const inbound = await h.opened.db.selectFrom("messages").selectAll().where("direction", "=", "in").execute();
    expect(inbound).toHaveLength(1);
    const rows = await h.opened.db.selectFrom("outbox").selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it("rolls back a turn whose step throws, apologises, and carries on", async () => {
    let explode = true;
    h = await createHarness({
      sila: {
        faq: () => {
          if (explode) throw new Error("matcher bug");
          return { accepted: null, candidates: [] };
        },
      },
    });
    await h.say("السلام عليكم");
    const sessionBefore = await h.opened.db.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
    const apology = textOf(await h.say("متى تفتحون الصبح؟"));
    expect(apology).toContain("نعتذر");
    expect(apology).toContain("التحدث مع موظف");
    const sessionAfter = await h.opened.db.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
    expect(sessionAfter).toEqual(sessionBefore);
    const failed = await h.opened.db.selectFrom("messages").selectAll().where("status", "=", "failed").execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]!.body).toBe("متى تفتحون الصبح؟");
    expect(failed[0]!.error).toContain("matcher bug");
    // The process lives on: the next message is handled normally.
    explode = false;
    expect(textOf(await h.say("1"))).toContain("اختر البرنامج");
  });

  it("knows a person who writes from a second channel with the same phone as the same contact", async () => {
    h = await createHarness();
    const hello = (channel: "telegram" | "whatsapp", chatId: string, senderPhone?: string) =>
      h.sila.engine.handle({ channel, chatId, messageId: `${chatId}-1`, receivedAt: h.now(), content: { kind: "text", text: "السلام عليكم" }, ...(senderPhone ? { senderPhone } : {}) });
    expect(await hello("telegram", "tg-1", "+966551234567")).toBe("processed");
    expect(await hello("whatsapp", "966551234567@c.us", "+966551234567")).toBe("processed");
    expect(await hello("whatsapp", "966500000000@c.us")).toBe("processed");
    const identities = await h.opened.db.selectFrom("channel_identities").select(["channel", "external_id", "contact_id"]).orderBy("id").execute();
    expect(identities).toHaveLength(3);
    expect(identities[1]!.contact_id).toBe(identities[0]!.contact_id);
    expect(identities[2]!.contact_id).not.toBe(identities[0]!.contact_id);
    const contacts = await h.opened.db.selectFrom("contacts").select(["id", "phone"]).orderBy("id").execute();
    expect(contacts).toEqual([
      { id: identities[0]!.contact_id, phone: "+966551234567" },
      { id: identities[2]!.contact_id, phone: null },
    ]);
  });

  it("never runs two turns of one chat at once, and runs different chats side by side", async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a1 = q.run("a", async () => {
      log.push("a1 start");
      await gate;
      log.push("a1 end");
    });
    const a2 = q.run("a", async () => {
      log.push("a2");
    });
    const b1 = q.run("b", async () => {
      log.push("b1");
    });
    await b1;
    expect(log).toEqual(["a1 start", "b1"]);
    release();
    await Promise.all([a1, a2]);
    expect(log).toEqual(["a1 start", "b1", "a1 end", "a2"]);
  });

  it("keeps the replies of concurrent messages from one chat in order", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    await Promise.all(["1", "1", "1"].map((t, i) => h.sila.engine.handle({ channel: "console", chatId: "u1", messageId: `c${i}`, receivedAt: h.now(), content: { kind: "text", text: t } })));
    await h.sila.outbox.drainOnce();
    const texts = h.sent.filter((s) => s.chatId === "u1").slice(-3).map((s) => s.message.text);
    expect(texts[0]).toContain("اختر البرنامج");
    expect(texts[1]).toContain("إشعار الخصوصية");
    expect(texts[2]).toContain("الاسم الكامل");
  });
});

describe("the flood window", () => {
  it("counts a chat's messages in a minute from the first, then opens a new minute", () => {
    const counts: number[] = [];
    let packed = 0;
    for (const at of [1_000, 30_000, 60_999, 61_000, 61_500]) {
      const next = floodArrival(packed, at);
      counts.push(next.count);
      packed = next.packed;
    }
    expect(counts).toEqual([1, 2, 3, 1, 2]);
    // A clock set back (a corrected server time) opens a new window rather than counting on.
    expect(floodArrival(packed, 500).count).toBe(1);
  });
});

/** An outbox on the harness's database whose channel records "chat:text" of each send, in order. */
function recordingOutbox(harness: Harness, now: Date, batchSize?: number, maxLanes?: number) {
  const order: string[] = [];
  const recorder: ChannelSender = {
    name: "console",
    async send(chatId, message) {
      order.push(`${chatId}:${message.text}`);
      return { messageId: `m${order.length}` };
    },
  };
  const outbox = createOutboxSender({
    db: harness.opened.db,
    hot: createHotPath(harness.opened.sqlite),
    senders: new Map([["console", recorder]]),
    clock: () => now,
    log: createLogger("silent"),
    cipher: harness.sila.cipher,
    ...(batchSize ? { batchSize } : {}),
    ...(maxLanes ? { maxLanes } : {}),
  });
  return { outbox, order };
}

describe("the outbox", () => {
  it("retries with backoff after a failure, then delivers once", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    let now = h.now();
    let calls = 0;
    const flaky: ChannelSender = {
      name: "console",
      async send() {
        calls++;
        if (calls === 1) throw new ChannelError("network down", { permanent: false });
        return { messageId: "x" };
      },
    };
    const outbox = createOutboxSender({
      db: h.opened.db,
      hot: createHotPath(h.opened.sqlite),
      senders: new Map([["console", flaky]]),
      clock: () => now,
      log: createLogger("silent"),
      cipher: h.sila.cipher,
      baseDelayMs: 1000,
    });
    await h.opened.db.insertInto("outbox").values({
      contact_id: null, audience: "beneficiary", channel: "console", chat_id: "u1",
      payload: JSON.stringify({ text: "hello" }), status: "pending", attempts: 0,
      next_attempt_at: now.toISOString(), last_error: null, dedupe_key: null, created_at: now.toISOString(), sent_at: null,
    }).execute();
    await outbox.drainOnce();
    let row = await h.opened.db.selectFrom("outbox").selectAll().where("payload", "like", "%hello%").executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.next_attempt_at).toBe(new Date(now.getTime() + 1000).toISOString());
    await outbox.drainOnce(); // not due yet
    expect(calls).toBe(1);
    now = new Date(now.getTime() + 1000);
    await outbox.drainOnce();
    row = await h.opened.db.selectFrom("outbox").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(calls).toBe(2);
    expect(retryDelayMs(5, 1000, 60_000)).toBe(16_000);
    expect(retryDelayMs(20, 1000, 60_000)).toBe(60_000);
  });

  it("sends the replies of conversations before a broadcast, each chat's own rows in the order written", async () => {
    const queueAll = async (harness: Harness, now: Date) => {
      const queue = (chatId: string, text: string, bulk: 0 | 1) =>
        harness.opened.db.insertInto("outbox").values({
          contact_id: null, audience: "beneficiary", channel: "console", chat_id: chatId, bulk,
          payload: JSON.stringify({ text }), status: "pending", attempts: 0,
          next_attempt_at: now.toISOString(), last_error: null, dedupe_key: null, created_at: now.toISOString(), sent_at: null,
        }).execute();
      for (let i = 1; i <= 6; i++) await queue(`b${i}`, "announcement", 1);
      await queue("c", "reply", 0);
      await queue("b5", "reply", 0); // b5 was sent the announcement first: it goes first, then the reply
      await queue("c", "reply 2", 0);
    };
    // One chat at a time: every reply, then the wave.
    h = await createHarness();
    const one = recordingOutbox(h, h.now(), 4, 1);
    await queueAll(h, h.now());
    await one.outbox.drainOnce();
    expect(one.order).toEqual([
      "c:reply",
      "c:reply 2",
      "b5:announcement",
      "b5:reply",
      "b1:announcement",
      "b2:announcement",
      "b3:announcement",
      "b4:announcement",
      "b6:announcement",
    ]);
    await h.close();

    // Chats side by side: the replies start first, each chat keeps its own order, nothing twice.
    h = await createHarness();
    const many = recordingOutbox(h, h.now(), 4);
    await queueAll(h, h.now());
    await many.outbox.drainOnce();
    expect(many.order[0]).toBe("c:reply");
    expect([...many.order].sort()).toEqual(one.order.slice().sort());
    const at = (x: string) => many.order.indexOf(x);
    expect(at("c:reply")).toBeLessThan(at("c:reply 2"));
    expect(at("b5:announcement")).toBeLessThan(at("b5:reply"));
    expect(at("b5:announcement")).toBeLessThan(at("b1:announcement"));
  });

  it("lets a message scheduled for later (quiet hours) hold none of its chat's replies", async () => {
    h = await createHarness();
    const now = h.now();
    const { outbox, order } = recordingOutbox(h, now);
    const row = (text: string, at: Date, lastError: string | null) => ({
      contact_id: null, audience: "beneficiary" as const, channel: "console" as const, chat_id: "x",
      payload: JSON.stringify({ text }), status: "pending" as const, attempts: lastError ? 1 : 0,
      next_attempt_at: at.toISOString(), last_error: lastError, dedupe_key: null, created_at: now.toISOString(), sent_at: null,
    });
    const morning = new Date(now.getTime() + 8 * 3_600_000);
    await h.opened.db.insertInto("outbox").values(row("decision, in the morning", morning, null)).execute();
    await h.opened.db.insertInto("outbox").values(row("reply at night", now, null)).execute();
    await outbox.drainOnce();
    expect(order).toEqual(["x:reply at night"]);
    // A row waiting for its retry still holds the chat's later rows.
    await h.opened.db.insertInto("outbox").values(row("failed once", new Date(now.getTime() + 2_000), "network down")).execute();
    await h.opened.db.insertInto("outbox").values(row("after it", now, null)).execute();
    await outbox.drainOnce();
    expect(order).toEqual(["x:reply at night"]);
  });

  it("records a permanent failure once, marks the contact unreachable, and does not retry", async () => {
    h = await createHarness();
    let calls = 0;
    const blocked: ChannelSender = {
      name: "console",
      async send() {
        calls++;
        throw new ChannelError("Forbidden: bot was blocked by the user", { permanent: true });
      },
    };
    h.sila.addSender(blocked);
    await h.say("السلام عليكم");
    await h.sila.outbox.drainOnce();
    expect(calls).toBe(1);
    const row = await h.opened.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(row.last_error).toContain("blocked");
    const contact = await h.opened.db.selectFrom("contacts").selectAll().executeTakeFirstOrThrow();
    expect(contact.unreachable).toBe(1);
  });

  it("waits for the channel's retry-after", async () => {
    h = await createHarness();
    const now = h.now();
    const limited: ChannelSender = {
      name: "console",
      async send() {
        throw new ChannelError("Too Many Requests", { permanent: false, retryAfterSeconds: 7 });
      },
    };
    h.sila.addSender(limited);
    await h.say("السلام عليكم");
    const row = await h.opened.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row.next_attempt_at).toBe(new Date(now.getTime() + 7000).toISOString());
  });
});

describe("status", () => {
  it("lists the contact's own applications with dates, and never another person's", async () => {
    h = await createHarness();
    await h.say("السلام عليكم", "owner");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(4444444), chatId: "owner" });
    const ref = /A\d{2}-\d{5}/.exec(plain(textOf(await submitFromSummary(h, "owner"))))![0];

    const mine = plain(textOf(await h.say("2", "owner")));
    expect(mine).toContain(ref);
    expect(mine).toContain("تم الاستلام");
    expect(mine).toContain("هـ");
    expect(plain(textOf(await h.say(ref, "owner")))).toContain(ref);

    await h.say("السلام عليكم", "stranger");
    const none = plain(textOf(await h.say("2", "stranger")));
    expect(none).toContain("لا توجد لديك طلبات");
    expect(none).not.toContain(ref);
    await h.say("2", "stranger");
    const probe = plain(textOf(await h.say(ref, "stranger")));
    expect(probe).toContain("لم نجد الطلب");
    expect(probe).not.toContain(h.profile.programs[0]!.name.ar);
    expect(probe).not.toContain("تم الاستلام");
  });
});

describe("long replies", () => {
  it("are queued as several messages within 4096 characters, split between paragraphs, the choices on the last", async () => {
    const { createTranslator } = await import("../bot/i18n");
    const { renderParts } = await import("../bot/notify");
    const translator = createTranslator();
    const paragraph = "سطر ".repeat(300).trim(); // 1,199 characters
    const parts = renderParts(
      translator,
      {
        text: Array.from({ length: 6 }, () => ({ literal: paragraph })),
        choices: [{ value: "menu:apply", label: { key: "menu:item.apply" } }],
      },
      "ar",
    );
    expect(parts.length).toBe(2); // three paragraphs (3,601 characters) fit in the first
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(4096);
    expect(parts.map((p) => p.text).join("\n\n")).toBe(Array.from({ length: 6 }, () => paragraph).join("\n\n"));
    expect(parts.slice(0, -1).every((p) => p.choices === undefined)).toBe(true);
    expect(parts.at(-1)!.choices).toEqual([{ value: "menu:apply", label: "تقديم طلب" }]);
    // A single line longer than the limit is cut inside it, never losing a character.
    const long = renderParts(translator, { text: [{ literal: "x".repeat(9000) }] }, "ar");
    expect(long.map((p) => p.text.length)).toEqual([4096, 4096, 808]);
  });
});
