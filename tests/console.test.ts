import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadProfile } from "../orgs/load";
import { validNationalId } from "./helpers";
import { parseConsoleLine } from "../bot/channels/console";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The lines a beneficiary would type to apply to the first program of `org`. */
function script(org: string, dir: string): string[] {
  const profile = loadProfile(org);
  const program = profile.programs.filter((p) => p.open)[0]!;
  const doc = path.join(dir, "deed.pdf");
  fs.writeFileSync(doc, "%PDF-1.4 test");
  const lines = ["السلام عليكم", "1"];
  if (profile.programs.filter((p) => p.open).length > 1) lines.push("1");
  lines.push("1", "محمد عبدالله الحربي", validNationalId(13572468), "0551234567", "بريدة", "1410/05/20");
  let consented = false;
  for (const f of program.fields) {
    if (f.sensitive && !consented) {
      lines.push("1");
      consented = true;
    }
    if (!f.required) {
      lines.push("تخطي");
      continue;
    }
    lines.push(
      f.type === "number" ? String(f.min ?? 1)
      : f.type === "choice" || f.type === "yesno" ? "1"
      : f.type === "date" ? "1445/01/01"
      : f.type === "phone" ? "0561234567"
      : f.type === "nationalId" ? validNationalId(24681357)
      : f.type === "attachment" ? `/file ${doc}`
      : "إجابة تجريبية",
    );
  }
  lines.push("1", "1", "1");
  return lines;
}

describe("the console channel", () => {
  it("parses console stand-ins for media, contacts and voice notes", () => {
    expect(parseConsoleLine("/voice")).toMatchObject({ kind: "media", mediaType: "voice" });
    expect(parseConsoleLine("/contact +966551234567")).toMatchObject({ kind: "contact", phone: "+966551234567" });
    // The type is read from the file's bytes, not its name.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-console-file-"));
    fs.writeFileSync(path.join(dir, "x.pdf"), "%PDF-1.4 test");
    fs.writeFileSync(path.join(dir, "page.pdf"), "<html><script>alert(1)</script></html>");
    expect(parseConsoleLine(`/file ${path.join(dir, "x.pdf")}`)).toMatchObject({ kind: "media", mediaType: "document", mimeType: "application/pdf" });
    expect(parseConsoleLine(`/file ${path.join(dir, "page.pdf")}`)).toMatchObject({ kind: "media", mimeType: "application/octet-stream" });
    expect(parseConsoleLine("/file missing.pdf")).toMatchObject({ kind: "media", mimeType: "application/octet-stream" });
    expect(parseConsoleLine("مرحبا")).toEqual({ kind: "text", text: "مرحبا" });
  });

  it("runs `npm start` on piped input: a scripted Arabic conversation submits an application", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-console-"));
    const input = script("maa", dir).join("\n") + "\n";
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      input,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, ORG: "maa", LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = result.stdout.replace(/[\u2066-\u2069]/g, "");
    expect(out).toContain("وعليكم السلام");
    const ref = /A\d{2}-\d{5}/.exec(out)?.[0];
    expect(ref).toBeDefined();
    expect(out).toContain("[staff]");

    const db = new Database(path.join(dir, "sila.sqlite"), { readonly: true });
    try {
      const app = db.prepare("select * from applications where reference = ?").get(ref) as { attested_at: string; status: string };
      expect(app.status).toBe("submitted");
      expect(app.attested_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      const alert = db.prepare("select * from messages where direction = 'out' and chat_id = 'staff' and body like ?").get(`%${ref}%`) as { status: string };
      expect(alert.status).toBe("sent");
      const pending = db.prepare("select count(*) as n from outbox where status != 'sent'").get() as { n: number };
      expect(pending.n).toBe(0);
    } finally {
      db.close();
    }
  }, 90_000);

  it("stops with a message naming a wrong variable", () => {
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
      cwd: root,
      input: "",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ATTACHMENT_MAX_MB: "lots" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("ATTACHMENT_MAX_MB");
  }, 90_000);
});
