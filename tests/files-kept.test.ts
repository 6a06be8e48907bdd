/**
 * Files people send are kept only where a step keeps them: a photo of an ID
 * card sent where the number is asked, or a voice note at the menu, is removed
 * from the attachments folder once its turn has committed; a complaint's
 * photo, a file for the committee and a voice note to a staff member in a
 * hand-off stay (the hand-off tells staff where the file is).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAttachmentStore, type AttachmentStore } from "../bot/channels/attachments";
import type { StaffTarget } from "../bot/engine";
import type { InboundContent } from "../bot/channels/types";
import { createHarness, plain, textOf, type Harness } from "./helpers";

let h: Harness;
afterEach(async () => h?.close());

const STAFF: StaffTarget[] = [{ channel: "console", chatId: "staff-a", locale: "ar" }];
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
const OGG = Buffer.from("OggS\u0000\u0002fake voice");

async function harness(store: (dir: string) => AttachmentStore): Promise<{ h: Harness; files: AttachmentStore }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-files-"));
  const files = store(dir);
  return { h: await createHarness({ org: "maa", file: path.join(dir, "sila.sqlite"), sila: { staff: STAFF, files } }), files };
}

/** A file as a channel adapter leaves it: written into the chat's folder under a name Sila made. */
function received(files: AttachmentStore, kind: "image" | "voice", chatId = "u1"): InboundContent & { kind: "media" } {
  const mimeType = kind === "image" ? "image/jpeg" : "audio/ogg";
  const file = files.newFile("console", chatId, mimeType);
  fs.writeFileSync(file, kind === "image" ? JPEG : OGG, { mode: 0o600 });
  return kind === "image"
    ? { kind: "media", mediaType: "image", fileRef: file, mimeType, fileName: path.basename(file), size: JPEG.length }
    : { kind: "media", mediaType: "voice", fileRef: file, mimeType, size: OGG.length };
}

const said = async (text: string, chatId = "u1") => plain(textOf(await h.say(text, chatId)));

describe("a file nobody asked for is not kept", () => {
  it("a photo of the ID card at the ID question: asked for the number, and the photo removed", async () => {
    const made = await harness((dir) => createAttachmentStore(dir));
    h = made.h;
    await said("تقديم");
    await said("1");
    await said("1");
    await said("محمد عبدالله الحربي");
    const photo = received(made.files, "image");
    expect(fs.existsSync(photo.fileRef)).toBe(true);
    expect(plain(textOf(await h.say(photo)))).toContain("📷");
    expect(fs.existsSync(photo.fileRef)).toBe(false);
  });

  it("a voice note at the menu is answered and removed", async () => {
    const made = await harness((dir) => createAttachmentStore(dir));
    h = made.h;
    await said("السلام عليكم");
    const voice = received(made.files, "voice");
    expect(plain(textOf(await h.say(voice)))).toContain("🙏");
    expect(fs.existsSync(voice.fileRef)).toBe(false);
  });
});

describe("a file a step keeps stays", () => {
  it("a photo sent first, then the complaint's words: the ticket holds it and the file is there", async () => {
    const made = await harness((dir) => createAttachmentStore(dir));
    h = made.h;
    await said("السلام عليكم");
    const photo = received(made.files, "image");
    await h.say(photo);
    expect(fs.existsSync(photo.fileRef)).toBe(true);
    await said("1");
    await said("الوايت ما وصل من اسبوع والخزان فاضي والموظف ما يرد علينا");
    expect(fs.existsSync(photo.fileRef)).toBe(true);
    const tickets = JSON.stringify(await h.opened.db.selectFrom("tickets").selectAll().execute());
    expect(tickets).toContain(path.basename(photo.fileRef));
  });

  it("a voice note to a staff member in a hand-off stays, and staff are told where it is", async () => {
    const made = await harness((dir) => createAttachmentStore(dir));
    h = made.h;
    await said("السلام عليكم");
    const reference = /H\d{2}-\d{5}/.exec(await said("موظف"))![0];
    expect(reference).toBeTruthy();
    const voice = received(made.files, "voice");
    await h.say(voice);
    expect(fs.existsSync(voice.fileRef)).toBe(true);
    expect(h.sent.filter((s) => s.chatId === "staff-a").some((s) => plain(s.message.text).includes(voice.fileRef))).toBe(true);
  });
});
