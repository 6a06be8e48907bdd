import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { listProfiles, loadProfile } from "../orgs/load";
import { applyUntilSummary, createHarness, plain, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";

const root = fileURLToPath(new URL("..", import.meta.url));
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("every association profile runs", () => {
  for (const slug of listProfiles()) {
    const profile = loadProfile(slug);
    for (const [i, program] of profile.programs.filter((p) => p.open).entries()) {
      it(`${slug}: a full application to ${program.id}, in Arabic and its FAQ in English`, async () => {
        h = await createHarness({ org: slug });
        const chat = `c${i}`;
        expect(textOf(await h.say("السلام عليكم", chat))).toContain(profile.name.ar);
        await applyUntilSummary(h, program.id, { nationalId: validNationalId(31000000 + i), chatId: chat });
        const done = plain(textOf(await submitFromSummary(h, chat)));
        expect(done).toMatch(/A\d{2}-\d{5}/);
        expect(done).toContain(profile.committee.name.ar);
        const app = await h.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
        expect(app.program_id).toBe(program.id);

        // An FAQ asked in English is answered from the English FAQs.
        // (A question naming a menu option, like "how do I apply", opens that option instead.)
        const menuWords = /\b(apply|application|register|status|track|questions?|complaint|suggestion|feedback|about|contact|info|agent|human|person|staff|menu|language)\b/i;
        const faq = profile.faqs.find((f) => !menuWords.test(f.questions.en[0]!))!;
        await h.say("Hello", "en-user");
        const answer = textOf(await h.say(faq.questions.en[0]!, "en-user"));
        expect(answer).toContain(faq.answer.en.slice(0, 20));
      });
    }

    it(`ORG=${slug} npm start runs the console for it`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sila-${slug}-`));
      const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["bot/main.ts"], {
        cwd: root,
        input: "السلام عليكم\n6\n",
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, ORG: slug, LOG_LEVEL: "warn" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(profile.name.ar);
      expect(result.stdout).toContain("وعليكم السلام");
    }, 90_000);
  }
});
