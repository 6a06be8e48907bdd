/**
 * The Cloud API adapter's parts: how replies become Meta's JSON (buttons,
 * paged lists, numbered text, templates), what each Meta error means for
 * the outbox, files sent by upload, and the webhook's limits (a body over
 * the limit, a file Meta cannot serve for now, answered 500 and taken when
 * Meta delivers it again).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { channelErrorOf, renderCloud, templateParam } from "../bot/channels/whatsapp-cloud";
import type { OutboundMessage } from "../bot/channels/types";
import { ChannelError } from "../bot/errors";
import { startCloudWorld, type CloudWorld } from "./cloud/world";
import { metaJson } from "../scripts/cloud/emulator";

const labels = { button: () => "الخيارات", page: (_: string, p: number, n: number) => `خيارات أخرى (${p}/${n})` };
const choices = (n: number, label = (i: number) => `خيار ${i + 1}`) => Array.from({ length: n }, (_, i) => ({ value: `v:${i}`, label: label(i) }));

describe("replies as Meta's JSON", () => {
  it("sends up to three short choices as reply buttons", () => {
    const [b] = renderCloud("966500000001", { text: "هل تؤكد؟", choices: [{ value: "yes", label: "نعم" }, { value: "no", label: "لا" }] }, labels);
    expect(b).toMatchObject({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "966500000001",
      type: "interactive",
      interactive: { type: "button", body: { text: "هل تؤكد؟" }, action: { buttons: [{ type: "reply", reply: { id: "yes", title: "نعم" } }, { type: "reply", reply: { id: "no", title: "لا" } }] } },
    });
  });

  it("sends more choices, or a title over 20 characters, as a list; a long label keeps its words in the description", () => {
    const [l] = renderCloud("966500000001", { text: "اختر", choices: choices(3, (i) => `عنوان طويل جداً يتجاوز الحد رقم ${i}`) }, labels);
    const list = l!.interactive as Extract<NonNullable<typeof l>["interactive"], { type: "list" }>;
    expect(list.type).toBe("list");
    expect(list.action.button).toBe("الخيارات");
    const row = list.action.sections[0]!.rows[0]!;
    expect([...row.title].length).toBeLessThanOrEqual(24);
    expect(row.description).toBe("عنوان طويل جداً يتجاوز الحد رقم 0");
  });

  it("pages a menu longer than ten rows over several lists, each within Meta's limits", () => {
    const bodies = renderCloud("966500000001", { text: "البرامج", choices: choices(23) }, labels);
    expect(bodies).toHaveLength(3);
    const rows = bodies.map((b) => (b.interactive as { action: { sections: Array<{ rows: unknown[] }> } }).action.sections[0]!.rows.length);
    expect(rows).toEqual([10, 10, 3]);
    expect((bodies[1]!.interactive as { body: { text: string } }).body.text).toBe("خيارات أخرى (2/3)");
  });

  it("falls back to a numbered menu when a choice's value is too long to be an id", () => {
    const [t] = renderCloud("966500000001", { text: "اختر", choices: [{ value: "x".repeat(300), label: "أ" }, { value: "y", label: "ب" }] }, labels);
    expect(t).toMatchObject({ type: "text", text: { body: "اختر\n\n1. أ\n2. ب" } });
  });

  it("sends a template with one-line parameters", () => {
    const message: OutboundMessage = { text: "…", template: { name: "sila_decision", language: "ar", params: ["\u2068A26-00001\u2069", "سطر\nثانٍ", "    مسافات     كثيرة"] } };
    const [t] = renderCloud("966500000001", message, labels);
    expect(t!.template).toEqual({
      name: "sila_decision",
      language: { code: "ar" },
      components: [{ type: "body", parameters: [{ type: "text", text: "A26-00001" }, { type: "text", text: "سطر · ثانٍ" }, { type: "text", text: "مسافات   كثيرة" }] }],
    });
    expect(templateParam("")).toBe("-");
  });
});

describe("what Meta's errors mean", () => {
  it("waits on 130429, retries 5xx and configuration errors, goes to the template on 131047, gives up on 131026", () => {
    const rate = channelErrorOf(130429, "Rate limit hit", 400);
    expect([rate.permanent, rate.retryAfterSeconds]).toEqual([false, 1]);
    expect(channelErrorOf(undefined, "Bad Gateway", 502).permanent).toBe(false);
    const token = channelErrorOf(190, "Invalid OAuth access token", 401);
    expect([token.permanent, token.unreachable]).toEqual([false, false]);
    const window = channelErrorOf(131047, "Re-engagement message", 400);
    expect([window.permanent, window.outsideWindow, window.unreachable]).toEqual([true, true, false]);
    const gone = channelErrorOf(131026, "Message undeliverable", 400);
    expect([gone.permanent, gone.unreachable]).toEqual([true, true]);
    const template = channelErrorOf(132001, "Template name does not exist in the translation", 400);
    expect([template.permanent, template.unreachable, template.code]).toEqual([true, false, "132001"]);
    expect(channelErrorOf(131056, "pair rate limit hit", 400).permanent).toBe(false);
  });
});

describe("the adapter against the emulator", () => {
  let w: CloudWorld | null = null;
  afterEach(async () => {
    await w?.stop();
    w = null;
  });

  it("sends a file by upload, and maps a refusal to a ChannelError", async () => {
    w = await startCloudWorld();
    w.emu.openWindow("966500000002");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sila-up-")), "report.pdf");
    fs.writeFileSync(file, "%PDF-1.4\n%%EOF\n");
    const r = await w.channel.send("966500000002", { text: "التقرير", media: { kind: "document", path: file, mimeType: "application/pdf", fileName: "report.pdf" } });
    expect(r.messageId).toMatch(/^wamid\./);
    const got = w.emu.inbox("966500000002")[0]!;
    expect(got.type).toBe("document");
    expect(got.body["document"]).toMatchObject({ caption: "التقرير", filename: "report.pdf" });
    const error = await w.channel.send("not-a-number", { text: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).permanent).toBe(true);
  });

  it("refuses a body over the limit with 413 before reading it, and stores nothing", async () => {
    w = await startCloudWorld();
    const { port } = w.channel.address()!;
    const big = "x".repeat(2 * 1024 * 1024);
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/whatsapp`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": w.emu.sign(big) }, body: big });
    expect(res.status).toBe(413);
    const n = await w.opened.db.selectFrom("messages").select("id").execute();
    expect(n).toHaveLength(0);
  });

  it("answers 500 when a file cannot be fetched for now, and takes the message when Meta delivers it again", async () => {
    let failMedia = 1;
    // The adapter's Graph calls go through this fetch: the first media lookup meets a 503.
    const flaky: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (failMedia > 0 && /\/v26\.0\/\d+$/.test(new URL(url).pathname)) {
        failMedia--;
        return new Response(JSON.stringify({ error: { code: 131016, message: "Service unavailable" } }), { status: 503 });
      }
      return fetch(input, init);
    };
    w = await startCloudWorld({ emulator: { redelivery: { attempts: 2, delayMs: 10 } }, channelFetch: flaky });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 2)]);
    const got = await w.say("966500000003", { type: "image", mediaId: w.emu.addMedia(png, "image/png") });
    // The first delivery was answered 500 (nothing stored), the redelivery 200.
    expect(w.emu.stats.deliveryFailures).toBe(1);
    expect(failMedia).toBe(0);
    expect(got.length).toBeGreaterThan(0);
    const inbound = await w.opened.db.selectFrom("messages").select(["kind"]).where("direction", "=", "in").execute();
    expect(inbound).toEqual([{ kind: "media:image" }]);
  });

  it("ignores deliveries for another phone number id", async () => {
    w = await startCloudWorld();
    const raw = metaJson({
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: "999" }, messages: [{ from: "966500000004", id: "wamid.other", type: "text", text: { body: "hi" } }] } }] }],
    });
    expect((await w.emu.deliverRaw(raw, w.emu.sign(raw))).status).toBe(200);
    await w.settle();
    expect(await w.opened.db.selectFrom("messages").select("id").execute()).toHaveLength(0);
  });
});
