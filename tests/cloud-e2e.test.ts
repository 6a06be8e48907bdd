/**
 * End to end over HTTP: Sila with the WhatsApp Cloud API channel against the
 * emulator of Meta's side (scripts/cloud/emulator.ts), over a real SQLite
 * file. Webhook deliveries are signed as Meta signs them; replies are Meta's
 * JSON, checked by the emulator as Meta checks them.
 */
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { validNationalId } from "./helpers";
import { pick, startCloudWorld, STAFF_NUMBER, texts, VERIFY_TOKEN, type CloudWorld } from "./cloud/world";
import { metaJson } from "../scripts/cloud/emulator";

const SARA = "966512345001";
let w: CloudWorld | null = null;
afterEach(async () => {
  await w?.stop();
  w = null;
});

const count = async (world: CloudWorld, table: "messages" | "contacts" | "applications") =>
  Number((await world.opened.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe("WhatsApp Cloud API, end to end against the emulator", () => {
  it("verifies the webhook only with the verify token", async () => {
    w = await startCloudWorld();
    const { port } = w.channel.address()!;
    const base = `http://127.0.0.1:${port}/webhooks/whatsapp`;
    const ok = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const bad = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1158201444`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain("1158201444");
  });

  it("takes a full application from greeting to submission with reply buttons and a list", async () => {
    w = await startCloudWorld();
    const greet = await w.say(SARA, "السلام عليكم", { name: "سارة" });
    expect(texts(greet)).toContain("وعليكم السلام");
    // The main menu has more than three items: a list message.
    const menu = greet.at(-1)!;
    expect(menu.type).toBe("interactive");
    expect((menu.body["interactive"] as { type: string }).type).toBe("list");
    expect(menu.options.length).toBeGreaterThan(3);

    let got = await w.say(SARA, pick(greet, "تقديم طلب"));
    const programs = w.profile.programs.filter((p) => p.open);
    if (programs.length > 1) got = await w.say(SARA, pick(got, programs[0]!.name.ar.slice(0, 10)));
    // The privacy notice: consent by a choice (a list: the notice is longer than a button message may be).
    const consent = got.at(-1)!;
    expect(consent.type).toBe("interactive");
    got = await w.say(SARA, pick(got, 0));
    expect(texts(got)).toContain("الاسم");
    got = await w.say(SARA, "سارة محمد العتيبي");
    got = await w.say(SARA, validNationalId(31415926));
    // WhatsApp vouches for the number: it is offered with yes/no buttons.
    expect(texts(got)).toContain("+966512345001");
    got = await w.say(SARA, pick(got, 0));
    got = await w.say(SARA, "بريدة");
    got = await w.say(SARA, "1410/05/20");
    const program = programs[0]!;
    let consented = false;
    for (const f of program.fields) {
      if (f.sensitive && !consented) {
        got = await w.say(SARA, pick(got, 0));
        consented = true;
      }
      if (f.type === "choice" || f.type === "yesno") got = await w.say(SARA, pick(got, 0));
      else if (f.type === "number") got = await w.say(SARA, String(f.min ?? 1));
      else if (f.type === "date") got = await w.say(SARA, "1445/01/01");
      else if (f.type === "phone") got = await w.say(SARA, "0561234567");
      else if (f.type === "nationalId") got = await w.say(SARA, validNationalId(424242));
      else if (f.type === "attachment") {
        const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
        got = await w.say(SARA, { type: "document", mediaId: w.emu.addMedia(pdf, "application/pdf"), filename: "lease.pdf" });
      } else got = await w.say(SARA, "إجابة تجريبية");
    }
    // The summary: submit, attest, accept the terms, each a button.
    expect(texts(got)).toContain("سارة محمد العتيبي");
    got = await w.say(SARA, pick(got, 0));
    got = await w.say(SARA, pick(got, 0));
    got = await w.say(SARA, pick(got, 0));
    const reference = /A\d{2}-\d{5}/.exec(texts(got))?.[0];
    expect(reference).toBeDefined();

    const app = await w.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(app.reference).toBe(reference);
    expect(app.status).toBe("submitted");
    const fields = JSON.parse(app.fields) as Record<string, { type: string; value?: unknown; fileRef?: string }>;
    expect(fields["mobile"]).toEqual({ type: "phone", value: "+966512345001" });
    const attachment = Object.values(fields).find((f) => f.type === "attachment");
    if (attachment) expect(fs.readFileSync(attachment.fileRef!).subarray(0, 5).toString()).toBe("%PDF-");
    // Staff got the alert on their number, with buttons for the reference.
    const alert = w.emu.inbox(STAFF_NUMBER).find((m) => m.text.includes(reference!));
    expect(alert).toBeDefined();
    // Choices went as reply buttons (three at most) and as lists (more).
    const kinds = new Set(w.emu.inbox(SARA).map((m) => (m.type === "interactive" ? (m.body["interactive"] as { type: string }).type : m.type)));
    expect([...kinds].sort()).toEqual(["button", "list", "text"]);
    // Every send passed the emulator's checks; nothing was refused.
    expect(w.emu.stats.refused).toEqual({});
    // The statuses came back: Sila's sent messages are marked delivered.
    const statuses = await w.opened.db.selectFrom("messages").select("status").where("direction", "=", "out").where("channel", "=", "whatsapp_cloud").execute();
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((s) => s.status === "delivered")).toBe(true);
  });

  it("refuses a forged or missing signature with 401 and stores nothing", async () => {
    w = await startCloudWorld();
    const payload = {
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "1", phone_number_id: "106540352242922" }, contacts: [{ wa_id: SARA, profile: { name: "x" } }], messages: [{ from: SARA, id: "wamid.forged", timestamp: "1", type: "text", text: { body: "hi" } }] } }] }],
    };
    const raw = metaJson(payload);
    const forged = await w.emu.deliverRaw(raw, `sha256=${"0".repeat(64)}`);
    expect(forged.status).toBe(401);
    const otherSecret = await w.emu.deliverRaw(raw, w.emu.sign(raw + " "));
    expect(otherSecret.status).toBe(401);
    const missing = await w.emu.deliverRaw(raw, null);
    expect(missing.status).toBe(401);
    // The body signed, then changed after signing: refused too.
    const tampered = await w.emu.deliverRaw(raw.replace("hi", "ho"), w.emu.sign(raw));
    expect(tampered.status).toBe(401);
    await w.settle();
    expect(await count(w, "messages")).toBe(0);
    expect(await count(w, "contacts")).toBe(0);
    expect(w.emu.inbox(SARA)).toHaveLength(0);
    // The genuine delivery goes through.
    expect((await w.emu.deliverRaw(raw, w.emu.sign(raw))).status).toBe(200);
  });

  it("answers the same wamid delivered twice once", async () => {
    w = await startCloudWorld();
    const first = await w.say(SARA, "السلام عليكم", { id: "wamid.same-message-1" });
    expect(first.length).toBeGreaterThan(0);
    const again = await w.say(SARA, "السلام عليكم", { id: "wamid.same-message-1" });
    expect(again).toHaveLength(0);
    const inbound = await w.opened.db.selectFrom("messages").selectAll().where("direction", "=", "in").execute();
    expect(inbound).toHaveLength(1);
    expect(inbound[0]!.channel_message_id).toBe("wamid.same-message-1");
  });

  it("answers a kind it cannot read with what it reads, and stores the person's photo like any attachment", async () => {
    w = await startCloudWorld();
    const got = await w.say(SARA, { type: "unsupported" });
    expect(texts(got)).toContain("لا أستطيع قراءة هذا النوع");
    // A reaction is not answered.
    expect(await w.say(SARA, { type: "reaction", messageId: "wamid.x", emoji: "👍" })).toHaveLength(0);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    await w.say(SARA, { type: "image", mediaId: w.emu.addMedia(png, "image/png"), caption: "صورة" });
    // In the chat's own folder (named by a hash, not the number), under a name Sila made up.
    const folders = fs.readdirSync(`${w.dir}/attachments`);
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^whatsapp_cloud-[0-9a-f]{32}$/);
    expect(folders[0]).not.toContain(SARA);
    const stored = fs.readdirSync(`${w.dir}/attachments/${folders[0]}`);
    expect(stored.filter((f) => f.endsWith(".png"))).toHaveLength(1);
    // A file over the limit is not downloaded.
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2 * 1024 * 1024, 32)]);
    await w.say(SARA, { type: "document", mediaId: w.emu.addMedia(big, "application/pdf"), filename: "big.pdf" });
    expect(fs.readdirSync(`${w.dir}/attachments/${folders[0]}`).filter((f) => f.endsWith(".pdf"))).toHaveLength(0);
    const kinds = (await w.opened.db.selectFrom("messages").select("kind").where("direction", "=", "in").execute()).map((m) => m.kind);
    expect(kinds).toEqual(["media:image", "media:document"]);
  });

  it("takes staff commands and button presses from a staff number", async () => {
    w = await startCloudWorld();
    // A staff number that has not written for a day gets alerts as the staff template.
    await w.say(SARA, "السلام عليكم");
    await w.say(SARA, "موظف");
    const outside = w.emu.inbox(STAFF_NUMBER).at(-1)!;
    expect(outside.type).toBe("template");
    expect(outside.text).toContain("تنبيه جديد في صلة");
    // Once the staff member writes, alerts come in full with buttons.
    expect(texts(await w.say(STAFF_NUMBER, "/pending"))).toMatch(/H\d{2}-\d{5}/);
    await w.say(SARA, "إنهاء");
    await w.say(SARA, "موظف");
    const alert = w.emu.inbox(STAFF_NUMBER).filter((m) => m.type === "interactive" && /H\d{2}-\d{5}/.test(m.text)).at(-1);
    expect(alert).toBeDefined();
    const reference = /H\d{2}-\d{5}/.exec(alert!.text)![0];
    expect(alert!.options.map((o) => o.id)).toContain(`staff:claim:${reference}`);
    const claimed = await w.say(STAFF_NUMBER, { type: "button_reply", id: `staff:claim:${reference}`, title: alert!.options[0]!.title });
    expect(texts(claimed)).toContain(reference);
    const prompt = await w.say(STAFF_NUMBER, { type: "button_reply", id: `staff:reply:${reference}`, title: "رد" });
    expect(texts(prompt)).toContain(reference);
    await w.say(STAFF_NUMBER, "أهلاً سارة، سنتواصل معك اليوم");
    expect(texts(w.emu.inbox(SARA))).toContain("سنتواصل معك اليوم");
    // A stranger's staff command is refused and audited.
    const refused = await w.say("966512345777", "/pending");
    expect(texts(refused).length).toBeGreaterThan(0);
    const audit = await w.opened.db.selectFrom("staff_audit").selectAll().where("actor_id", "=", "966512345777").execute();
    expect(audit.map((a) => a.allowed)).toEqual([0]);
  });
});
