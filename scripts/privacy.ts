/**
 * `npm run privacy -- erase <P-reference>`: carries out a beneficiary's
 * deletion request after staff verified it (personal data anonymised
 * everywhere, their files removed from disk, counts kept). `npm run privacy -- retention`: runs the retention job now.
 */
import os from "node:os";
import { loadConfig } from "../bot/config";
import { runCli } from "./cli";
import { applyRetention, confirmDeletion } from "../bot/privacy";
import { openDatabase } from "../db";
import { loadProfile } from "../orgs/load";
import { resolveSecretKey } from "../bot/secrets";
import { createCipher } from "../bot/crypto";
import { createAttachmentStore } from "../bot/channels/attachments";

async function run(): Promise<number> {
  const [command, reference] = process.argv.slice(2);
  const config = loadConfig();
  const { db, close } = await openDatabase(config.databasePath);
  try {
    if (command === "erase" && reference) {
      // The key opens sealed answers (to find the files they point to) and names the chats' folders.
      const key = resolveSecretKey(config.secretKey, config.dataDir);
      const files = { store: createAttachmentStore(config.dataDir, key), cipher: createCipher(key) };
      const r = await confirmDeletion(db, reference, `cli:${os.userInfo().username}`, new Date().toISOString(), files);
      if (!r.ok) {
        process.stderr.write(`privacy: ${r.error === "not_found" ? `no deletion request ${reference}` : `${reference} is not pending`}\n`);
        return 1;
      }
      process.stdout.write(`${reference}: personal data anonymised, ${r.filesRemoved} files or folders removed\n`);
      return 0;
    }
    if (command === "retention") {
      const r = await applyRetention(db, loadProfile(config.org), new Date());
      process.stdout.write(`retention: ${r.applications} applications and ${r.messages} messages anonymised\n`);
      return 0;
    }
    process.stderr.write("privacy: usage: npm run privacy -- erase <reference> | retention\n");
    return 2;
  } finally {
    await close();
  }
}

runCli("privacy", run);
