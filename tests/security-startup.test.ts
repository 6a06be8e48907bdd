/**
 * Start-up refuses a secret key it cannot trust, and what Sila writes to disk is readable by its
 * owner only. Through `npm start` (bot/main.ts on the console channel) and the Telegram channel's
 * downloads against a Bot API server on 127.0.0.1.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../db";
import { createWorld, WAIT, type World } from "./security/world";
import { startMain as start } from "./security/main";
import type { FakeUser } from "./telegram/fake-bot-api";

const mode = (p: string): number => fs.statSync(p).mode & 0o777;
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "sila-start-"));

describe("the secret key file", () => {
  it.each([
    ["empty", (dir: string) => fs.writeFileSync(path.join(dir, "secret.key"), ""), /secret\.key: the secret key file is empty/],
    ["too short", (dir: string) => fs.writeFileSync(path.join(dir, "secret.key"), "ab".repeat(16)), /secret\.key: expected 64 hexadecimal characters/],
    ["not hexadecimal", (dir: string) => fs.writeFileSync(path.join(dir, "secret.key"), "zz".repeat(32)), /secret\.key: expected 64 hexadecimal characters/],
    ["unreadable (a folder in its place)", (dir: string) => fs.mkdirSync(path.join(dir, "secret.key")), /secret\.key: the secret key cannot be read \(EISDIR\)/],
  ])("%s: start-up stops with a clear error before the database is opened", async (_name, spoil, message) => {
    const dir = tempDir();
    spoil(dir);
    const r = await start({ DATA_DIR: dir }, "السلام عليكم\n");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).not.toContain("وعليكم السلام");
    expect(fs.existsSync(path.join(dir, "sila.sqlite"))).toBe(false);
  }, 60_000);

  it("a wrong SILA_SECRET_KEY names the variable", async () => {
    const r = await start({ DATA_DIR: tempDir(), SILA_SECRET_KEY: "1234" }, "");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("SILA_SECRET_KEY");
  }, 60_000);
});

describe("files on disk are the owner's only", () => {
  let world: World | null = null;
  afterEach(async () => {
    await world?.close();
    world = null;
  });

  it("npm start creates the data folder 0700 and the key and the database 0600", async () => {
    const dir = path.join(tempDir(), "data");
    const r = await start({ DATA_DIR: dir }, "السلام عليكم\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("وعليكم السلام");
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "secret.key"))).toBe(0o600);
    for (const f of fs.readdirSync(dir).filter((n) => n.startsWith("sila.sqlite"))) expect(mode(path.join(dir, f)), f).toBe(0o600);
  }, 60_000);

  it("a database opened in a new folder is 0600 in a 0700 folder, whatever the umask", async () => {
    const dir = path.join(tempDir(), "nested", "data");
    const previous = process.umask(0o022);
    try {
      const opened = await openDatabase(path.join(dir, "sila.sqlite"));
      await opened.db.selectFrom("contacts").select("id").execute();
      for (const f of fs.readdirSync(dir)) expect(mode(path.join(dir, f)), f).toBe(0o600);
      expect(mode(dir)).toBe(0o700);
      await opened.close();
    } finally {
      process.umask(previous);
    }
  });

  it("a file sent on Telegram is stored 0600 in a 0700 attachments folder, under a name Sila made", async () => {
    const previous = process.umask(0o022);
    try {
      const w = (world = await createWorld());
      const user: FakeUser = { id: 5301, first_name: "ليلى", language_code: "ar" };
      await w.tg(user, "السلام عليكم");
      await w.tg(user, "شكوى");
      await w.tg(user, "شكوى");
      const pdf = Buffer.from("%PDF-1.4\n% a receipt\n".padEnd(2000, "."));
      await w.tgTurn(user.id, () => w.api.sendDocument(user, { bytes: pdf, name: "../../إيصال.pdf", mime: "application/pdf" }));
      const root = path.join(w.dir, "attachments");
      await vi.waitFor(() => expect(fs.readdirSync(root)).toHaveLength(1), WAIT);
      const [folder] = fs.readdirSync(root);
      const dir = path.join(root, folder!);
      expect(folder).not.toContain(String(user.id)); // the chat's folder names no chat
      const [name] = fs.readdirSync(dir);
      expect(name).toMatch(/^[0-9a-f-]{36}\.pdf$/);
      for (const d of [root, dir]) expect(mode(d)).toBe(0o700);
      expect(mode(path.join(dir, name!))).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
