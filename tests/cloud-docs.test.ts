/**
 * The documentation of the Cloud API says what the code does: every
 * variable is in .env.example, and the README gives each template Sila
 * expects with exactly the text its parameters fill, in every language a
 * shipped profile approves it in.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { listProfiles, loadProfile } from "../orgs/load";
import { approvedTemplates } from "../scripts/cloud/templates";

const README = fs.readFileSync(new URL("../README.md", import.meta.url), "utf8");
const ENV = fs.readFileSync(new URL("../.env.example", import.meta.url), "utf8");
const CONFIG = fs.readFileSync(new URL("../bot/config.ts", import.meta.url), "utf8");

describe("WhatsApp Cloud API documentation", () => {
  it("documents every WHATSAPP_ variable of the configuration in .env.example", () => {
    const names = new Set([...CONFIG.matchAll(/\b(WHATSAPP_[A-Z_]+)\b/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThan(10);
    for (const name of names) expect(ENV, name).toMatch(new RegExp(`^${name}=`, "m"));
  });

  it("gives every template of every shipped profile in the README, name, category, language and text", () => {
    for (const slug of listProfiles()) {
      for (const t of approvedTemplates(loadProfile(slug))) {
        expect(README, `${slug}: ${t.name} (${t.language})`).toContain(`| \`${t.name}\` | ${t.category} | ${t.language} | ${t.body} |`);
      }
    }
    expect(README).toContain("/webhooks/whatsapp");
  });
});
