/**
 * The Cloud API emulator keeps Meta's rules, so that the adapter's tests
 * against it mean something: signatures over the raw (escaped) body, the
 * limits of buttons and lists, approved templates and their parameter
 * counts, the 24-hour window (131047 by callback), throughput (130429),
 * media behind the token. A plain node:http receiver stands for a webhook.
 */
import http from "node:http";
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { metaJson, startCloudEmulator, type CloudEmulator, type EmulatorOptions } from "../scripts/cloud/emulator";

const SECRET = "emulator-app-secret";
const TOKEN = "EAAG-emulator-token";
const PHONE_ID = "106540352242922";

interface Receiver {
  url: string;
  bodies: Array<{ raw: string; signature: string | undefined; json: any }>;
  close(): Promise<void>;
}

async function receiver(verifyToken = "vt"): Promise<Receiver> {
  const bodies: Receiver["bodies"] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET") {
      const ok = url.searchParams.get("hub.mode") === "subscribe" && url.searchParams.get("hub.verify_token") === verifyToken;
      res.statusCode = ok ? 200 : 403;
      res.end(ok ? url.searchParams.get("hub.challenge") : "");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      bodies.push({ raw, signature: req.headers["x-hub-signature-256"] as string | undefined, json: JSON.parse(raw) });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`,
    bodies,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

let emu: CloudEmulator | null = null;
let rx: Receiver | null = null;
afterEach(async () => {
  await emu?.close();
  await rx?.close();
  emu = null;
  rx = null;
});

async function setup(extra: Partial<EmulatorOptions> = {}) {
  rx = await receiver();
  emu = await startCloudEmulator({
    appSecret: SECRET,
    accessToken: TOKEN,
    phoneNumberId: PHONE_ID,
    templates: [{ name: "sila_decision", language: "ar", category: "utility", bodyParams: 2, body: "طلبك {{1}}: {{2}}" }],
    ...extra,
  });
  expect(await emu.subscribe(rx.url, "vt")).toBe(true);
  return { emu, rx };
}

const send = (e: CloudEmulator, body: unknown, token = TOKEN) =>
  fetch(`${e.graphUrl}/v23.0/${PHONE_ID}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));

const text = (to: string, body: string) => ({ messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { body } });

describe("Cloud API emulator", () => {
  it("signs each delivery over the raw body, escaped as Meta escapes it", async () => {
    const { emu, rx } = await setup();
    const r = await emu.userSends("966500000001", { type: "text", text: "السلام عليكم / hello" }, { name: "سارة" });
    expect(r.status).toBe(200);
    const got = rx.bodies[0]!;
    expect(got.raw).toContain("\\u0627\\u0644\\u0633");
    expect(got.raw).toContain("\\/ hello");
    expect(got.signature).toBe(`sha256=${createHmac("sha256", SECRET).update(got.raw).digest("hex")}`);
    // A re-serialised body would not match the signature.
    expect(createHmac("sha256", SECRET).update(JSON.stringify(got.json)).digest("hex")).not.toBe(got.signature!.slice(7));
    const m = got.json.entry[0].changes[0].value;
    expect(m.metadata.phone_number_id).toBe(PHONE_ID);
    expect(m.contacts[0]).toEqual({ profile: { name: "سارة" }, wa_id: "966500000001" });
    expect(m.messages[0]).toMatchObject({ from: "966500000001", id: r.wamid, type: "text", text: { body: "السلام عليكم / hello" } });
    expect(metaJson({ a: "é/" })).toBe('{"a":"\\u00e9\\/"}');
  });

  it("accepts a reply inside the window with a wamid, then calls back sent and delivered, and read when read", async () => {
    const { emu, rx } = await setup();
    await emu.userSends("966500000001", { type: "text", text: "hi" });
    const r = await send(emu, text("966500000001", "أهلاً"));
    expect(r.status).toBe(200);
    const id = r.json.messages[0].id as string;
    expect(id).toMatch(/^wamid\./);
    expect(r.json.contacts[0].wa_id).toBe("966500000001");
    await emu.read(id);
    await emu.settle();
    const statuses = rx.bodies.slice(1).map((b) => b.json.entry[0].changes[0].value.statuses[0]);
    expect(statuses.map((s) => [s.id, s.status])).toEqual([
      [id, "sent"],
      [id, "delivered"],
      [id, "read"],
    ]);
    expect(statuses[0].recipient_id).toBe("966500000001");
    expect(emu.inbox("966500000001")[0]!.text).toBe("أهلاً");
  });

  it("fails a free message outside the 24-hour window by callback (131047), and lets an approved template through", async () => {
    let clock = Date.parse("2026-12-01T09:00:00Z");
    const { emu, rx } = await setup({ now: () => clock });
    await emu.userSends("966500000002", { type: "text", text: "hi" });
    clock += 25 * 3600_000;
    const free = await send(emu, text("966500000002", "your decision"));
    expect(free.status).toBe(200);
    const tpl = await send(emu, {
      messaging_product: "whatsapp",
      to: "966500000002",
      type: "template",
      template: { name: "sila_decision", language: { code: "ar" }, components: [{ type: "body", parameters: [{ type: "text", text: "A26-00001" }, { type: "text", text: "مقبول" }] }] },
    });
    expect(tpl.status).toBe(200);
    await emu.settle();
    const statuses = rx.bodies.slice(1).map((b) => b.json.entry[0].changes[0].value.statuses[0]);
    const freeStatus = statuses.find((s) => s.id === free.json.messages[0].id);
    expect(freeStatus.status).toBe("failed");
    expect(freeStatus.errors[0].code).toBe(131047);
    expect(statuses.filter((s) => s.id === tpl.json.messages[0].id).map((s) => s.status)).toEqual(["sent", "delivered"]);
    expect(emu.inbox("966500000002").find((m) => m.type === "template")!.text).toBe("طلبك A26-00001: مقبول");
  });

  it("refuses templates not approved in that language, with the wrong number of parameters, or with a line break", async () => {
    const { emu } = await setup();
    const tpl = (name: string, code: string, params: string[]) =>
      send(emu, { messaging_product: "whatsapp", to: "966500000003", type: "template", template: { name, language: { code }, components: [{ type: "body", parameters: params.map((text) => ({ type: "text", text })) }] } });
    expect((await tpl("sila_other", "ar", ["a", "b"])).json.error.code).toBe(132001);
    expect((await tpl("sila_decision", "en", ["a", "b"])).json.error.code).toBe(132001);
    expect((await tpl("sila_decision", "ar", ["a"])).json.error.code).toBe(132000);
    expect((await tpl("sila_decision", "ar", ["a", "b\nc"])).json.error.code).toBe(132018);
    expect(emu.sent).toHaveLength(0);
  });

  it("checks the limits of reply buttons and lists", async () => {
    const { emu } = await setup();
    const buttons = (titles: string[]) => ({
      messaging_product: "whatsapp",
      to: "966500000004",
      type: "interactive",
      interactive: { type: "button", body: { text: "اختر" }, action: { buttons: titles.map((t, i) => ({ type: "reply", reply: { id: `b${i}`, title: t } })) } },
    });
    expect((await send(emu, buttons(["نعم", "لا"]))).status).toBe(200);
    expect((await send(emu, buttons(["1", "2", "3", "4"]))).json.error.code).toBe(131009);
    expect((await send(emu, buttons(["عنوان طويل جداً يتجاوز العشرين حرفاً"]))).json.error.code).toBe(131009);
    const list = (n: number, title = "صف") => ({
      messaging_product: "whatsapp",
      to: "966500000004",
      type: "interactive",
      interactive: { type: "list", body: { text: "القائمة" }, action: { button: "الخيارات", sections: [{ rows: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `${title} ${i}` })) }] } },
    });
    expect((await send(emu, list(10))).status).toBe(200);
    expect((await send(emu, list(11))).json.error.code).toBe(131009);
    expect((await send(emu, list(2, "عنوان صف طويل جداً جداً جداً"))).json.error.code).toBe(131009);
    expect(emu.sent.map((m) => m.options.length)).toEqual([2, 10]);
  });

  it("answers 130429 beyond its throughput, and 401 without the token", async () => {
    const { emu } = await setup({ ratePerSecond: 5 });
    await emu.userSends("966500000005", { type: "text", text: "hi" });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => send(emu, text("966500000005", `m${i}`))));
    const codes = results.map((r) => (r.status === 200 ? 200 : r.json.error.code));
    expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(6);
    expect(codes).toContain(130429);
    expect(emu.stats.refused[130429]).toBeGreaterThan(0);
    const noToken = await send(emu, text("966500000005", "x"), "wrong");
    expect(noToken.status).toBe(401);
    expect(noToken.json.error.code).toBe(190);
  });

  it("serves a person's media by id, and its url only with the token; takes uploads for sending", async () => {
    const { emu } = await setup();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const id = emu.addMedia(png, "image/png");
    const meta = (await (await fetch(`${emu.graphUrl}/v23.0/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as any;
    expect(meta).toMatchObject({ id, mime_type: "image/png", file_size: png.length });
    expect((await fetch(meta.url)).status).toBe(401);
    const file = await fetch(meta.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(Buffer.from(await file.arrayBuffer())).toEqual(png);
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", "application/pdf");
    form.set("file", new Blob([Buffer.from("%PDF-1.4")], { type: "application/pdf" }), "x.pdf");
    const up = (await (await fetch(`${emu.graphUrl}/v23.0/${PHONE_ID}/media`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form })).json()) as any;
    await emu.userSends("966500000006", { type: "text", text: "hi" });
    const sent = await send(emu, { messaging_product: "whatsapp", to: "966500000006", type: "document", document: { id: up.id, filename: "x.pdf" } });
    expect(sent.status).toBe(200);
    expect((await send(emu, { messaging_product: "whatsapp", to: "966500000006", type: "document", document: { id: "999" } })).json.error.code).toBe(131053);
  });

  it("fails messages to a number that cannot receive them (131026) and enforces the pair limit when asked (131056)", async () => {
    const { emu, rx } = await setup({ pairLimit: { messages: 2, perMs: 60_000 } });
    await emu.userSends("966500000007", { type: "text", text: "hi" });
    emu.setUndeliverable("966500000007");
    const a = await send(emu, text("966500000007", "1"));
    await send(emu, text("966500000007", "2"));
    const third = await send(emu, text("966500000007", "3"));
    expect(third.json.error.code).toBe(131056);
    await emu.settle();
    const failed = rx.bodies.map((b) => b.json.entry[0].changes[0].value.statuses?.[0]).find((s) => s?.id === a.json.messages[0].id);
    expect(failed.errors[0].code).toBe(131026);
  });
});
