/**
 * Broadcasts over a real SQLite database: who receives an announcement, in
 * which language, through the outbox, and never twice.
 */
import { createCalendar } from "../flows/calendar";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueBroadcast, type BroadcastInput } from "../bot/broadcast";
import type { OutboundMessage } from "../bot/channels/types";
import { createCipher } from "../bot/crypto";
import { createOutboxSender } from "../bot/engine/outbox";
import { createTranslator } from "../bot/i18n";
import { createLogger } from "../bot/log";
import { runScript } from "./helpers";
import { openDatabase, type OpenedDb } from "../db";
import { createHotPath } from "../db/hot";
import type { ApplicationStatus, Database } from "../db/schema";
import { loadProfile } from "../orgs/load";

const translator = createTranslator();
const profile = loadProfile("maa");
/** Sunday 22 Nov 2026, 12:00 in Riyadh (outside the quiet hours). */
const NOON = "2026-11-22T09:00:00.000Z";

let dir: string;
let opened: OpenedDb;
let db: Kysely<Database>;
let seq = 0;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-broadcast-"));
  opened = await openDatabase(path.join(dir, "sila.sqlite"));
  db = opened.db;
});

afterEach(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A contact reachable on the console as `chat` (unless `chat` is null), with applications. */
async function person(
  chat: string | null,
  o: { locale?: string; optIn?: boolean; unreachable?: boolean; apps?: Array<[string, ApplicationStatus]> } = {},
): Promise<number> {
  const { id } = await db
    .insertInto("contacts")
    .values({
      locale: o.locale ?? "ar",
      display_name: null,
      phone: null,
      privacy_accepted_at: null,
      unreachable: o.unreachable ? 1 : 0,
      unreachable_at: o.unreachable ? NOON : null,
      broadcast_opt_in: o.optIn === false ? 0 : 1,
      created_at: NOON,
      updated_at: NOON,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (chat !== null) {
    await db.insertInto("channel_identities").values({ contact_id: id, channel: "console", external_id: chat, created_at: NOON }).execute();
  }
  for (const [programId, status] of o.apps ?? []) {
    await db
      .insertInto("applications")
      .values({
        reference: `A26-${String(++seq).padStart(5, "0")}`,
        contact_id: id,
        program_id: programId,
        status,
        fields: "{}",
        national_id_hash: null,
        attested_at: NOON,
        privacy_accepted_at: NOON,
        terms_accepted_at: NOON,
        sensitive_consent_at: null,
        submitted_at: NOON,
        decided_at: null,
        created_at: NOON,
        updated_at: NOON,
      })
      .execute();
  }
  return id;
}

const input = (o: Partial<BroadcastInput> = {}): BroadcastInput => ({
  broadcastId: "ramadan-2026",
  message: { ar: "يسرّنا إعلامكم بتوزيع المياه يوم الخميس.", en: "Water will be distributed on Thursday." },
  orgName: profile.name,
  at: NOON,
  calendar: createCalendar(profile),
  ...o,
});

async function queued(): Promise<Array<{ chat: string; contactId: number | null; key: string | null; notBefore: string; message: OutboundMessage }>> {
  const rows = await db.selectFrom("outbox").selectAll().orderBy("id").execute();
  return rows.map((r) => ({
    chat: r.chat_id,
    contactId: r.contact_id,
    key: r.dedupe_key,
    notBefore: r.next_attempt_at,
    message: JSON.parse(r.payload) as OutboundMessage,
  }));
}

describe("queueBroadcast", () => {
  it("reaches every opted-in, reachable contact, in their language, ending with how to opt out", async () => {
    const ar = await person("ar-1", { apps: [["tank_installation", "approved"]] });
    const en = await person("en-1", { locale: "en" });
    await person("out-1", { optIn: false, apps: [["tank_installation", "approved"]] });
    await person("gone-1", { unreachable: true });
    const silent = await person(null); // opted in, but no channel to reach them on

    const r = await queueBroadcast(db, translator, input());
    expect(r).toMatchObject({ broadcastId: "ramadan-2026", matched: 3, queued: 2, alreadyQueued: 0, noChannel: 1, dryRun: false, notBefore: NOON });

    const rows = await queued();
    expect(rows.map((x) => [x.chat, x.contactId, x.key])).toEqual([
      ["ar-1", ar, `broadcast:ramadan-2026:${ar}`],
      ["en-1", en, `broadcast:ramadan-2026:${en}`],
    ]);
    // Announcements wait behind the replies of conversations.
    expect(await db.selectFrom("outbox").select("bulk").distinct().execute()).toEqual([{ bulk: 1 }]);
    expect(rows.some((x) => x.contactId === silent)).toBe(false);

    const arText = rows[0]!.message.text;
    expect(arText).toContain("يسرّنا إعلامكم بتوزيع المياه يوم الخميس.");
    expect(arText).toContain(profile.name.ar);
    expect(arText.trimEnd().endsWith(translator.t("broadcast:footer", "ar"))).toBe(true);
    expect(arText).toContain("«إيقاف»");
    expect(arText).not.toContain("Thursday");

    const enText = rows[1]!.message.text;
    expect(enText).toContain("Water will be distributed on Thursday.");
    expect(enText).toContain(profile.name.en);
    expect(enText.trimEnd().endsWith(translator.t("broadcast:footer", "en"))).toBe(true);
    expect(enText).toContain("STOP");
    expect(enText).not.toContain("الخميس");
  });

  it("segments by program, by status, and by both on the same application", async () => {
    const tankApproved = await person("c1", { apps: [["tank_installation", "approved"]] });
    const truckApproved = await person("c2", { apps: [["water_truck", "approved"]] });
    const tankRejected = await person("c3", { apps: [["tank_installation", "rejected"]] });
    // Rejected for tanks, approved for trucks: not "approved for tanks".
    const mixed = await person("c4", { apps: [["tank_installation", "rejected"], ["water_truck", "approved"]] });
    await person("c5"); // no application
    await person("c6", { optIn: false, apps: [["tank_installation", "approved"]] });

    const ids = async (o: Partial<BroadcastInput>) => {
      const r = await queueBroadcast(db, translator, input({ dryRun: true, ...o }));
      expect(r.queued).toBe(r.matched);
      return r.matched;
    };
    expect(await ids({ programId: "tank_installation" })).toBe(3);
    expect(await ids({ status: "approved" })).toBe(3);
    expect(await ids({ programId: "tank_installation", status: "approved" })).toBe(1);
    expect(await ids({ programId: "mosque_water" })).toBe(0);
    // A dry run queues nothing.
    expect(await queued()).toEqual([]);

    const r = await queueBroadcast(db, translator, input({ broadcastId: "tanks-ok", programId: "tank_installation", status: "approved" }));
    expect(r.queued).toBe(1);
    expect((await queued()).map((x) => x.contactId)).toEqual([tankApproved]);

    await queueBroadcast(db, translator, input({ broadcastId: "trucks", programId: "water_truck" }));
    const trucks = (await queued()).filter((x) => x.key?.startsWith("broadcast:trucks:")).map((x) => x.contactId);
    expect(trucks).toEqual([truckApproved, mixed]);
    expect(trucks).not.toContain(tankRejected);
  });

  it("sends nothing twice when the same broadcast runs again, and reaches newcomers", async () => {
    await person("c1");
    await person("c2", { locale: "en" });
    const first = await queueBroadcast(db, translator, input());
    expect(first).toMatchObject({ matched: 2, queued: 2, alreadyQueued: 0 });

    const again = await queueBroadcast(db, translator, input());
    expect(again).toMatchObject({ matched: 2, queued: 0, alreadyQueued: 2 });
    expect(await queued()).toHaveLength(2);

    const late = await person("c3");
    const third = await queueBroadcast(db, translator, input());
    expect(third).toMatchObject({ matched: 3, queued: 1, alreadyQueued: 2 });
    const rows = await queued();
    expect(rows).toHaveLength(3);
    expect(rows[2]!.contactId).toBe(late);

    // A dry run counts what an earlier run already queued.
    expect(await queueBroadcast(db, translator, input({ dryRun: true }))).toMatchObject({ queued: 0, alreadyQueued: 3 });
    // A new id is a new announcement.
    expect(await queueBroadcast(db, translator, input({ broadcastId: "eid-2026" }))).toMatchObject({ queued: 3 });
  });

  it("does not deliver during the quiet hours: the messages wait until they end", async () => {
    await person("c1");
    // 23:30 in Riyadh; the maa quiet hours run from 21:00 to 08:00.
    const late = "2026-11-22T20:30:00.000Z";
    const r = await queueBroadcast(db, translator, input({ at: late }));
    expect(r.notBefore).toBe("2026-11-23T05:00:00.000Z");
    expect((await queued())[0]!.notBefore).toBe("2026-11-23T05:00:00.000Z");
  });

  it("is delivered by the outbox sender; a contact who opted out afterwards is not queued by a later broadcast", async () => {
    const c1 = await person("c1");
    await queueBroadcast(db, translator, input());
    const sent: Array<{ chat: string; text: string }> = [];
    const outbox = createOutboxSender({
      db,
      hot: createHotPath(opened.sqlite),
      senders: new Map([["console", { name: "console", send: async (chat: string, m: OutboundMessage) => (sent.push({ chat, text: m.text }), {}) }]]),
      clock: () => new Date(NOON),
      log: createLogger("silent"),
      cipher: createCipher(Buffer.alloc(32, 7)),
    });
    await outbox.drainOnce();
    expect(sent.map((s) => s.chat)).toEqual(["c1"]);
    expect(sent[0]!.text).toContain(translator.t("broadcast:footer", "ar"));

    await db.updateTable("contacts").set({ broadcast_opt_in: 0 }).where("id", "=", c1).execute();
    expect(await queueBroadcast(db, translator, input({ broadcastId: "next" }))).toMatchObject({ matched: 0, queued: 0 });
  });

  it("rejects an invalid id, status or an empty message", async () => {
    await expect(queueBroadcast(db, translator, input({ broadcastId: "has space" }))).rejects.toThrow(/broadcast id/);
    await expect(queueBroadcast(db, translator, input({ status: "done" as ApplicationStatus }))).rejects.toThrow(/status "done"/);
    await expect(queueBroadcast(db, translator, input({ message: { ar: " ", en: "Hi" } }))).rejects.toThrow(/ar message is empty/);
    expect(await queued()).toEqual([]);
  });
});

describe("npm run broadcast", () => {
  const run = (args: string[]) =>
    runScript("broadcast.ts", args, { ORG: "maa", DATABASE_PATH: path.join(dir, "sila.sqlite"), LOG_LEVEL: "silent" });

  it("queues to the segment and prints how many; a re-run with the same id queues nothing; bad arguments exit 1", async () => {
    await person("c1", { apps: [["water_truck", "approved"]] });
    await person("c2", { locale: "en", apps: [["water_truck", "submitted"]] });
    await person("c3", { apps: [["tank_installation", "approved"]] });
    const args = ["--message-ar", "موعد التوزيع الخميس", "--message-en", "Distribution on Thursday", "--program", "water_truck", "--id", "dist-1"];
    const [ok, bad] = await Promise.all([run(args), run([...args.slice(0, 4), "--status", "done"])]);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^broadcast dist-1: queued 2 of 2 opted-in contacts \(already queued 0, no channel 0\)/);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^broadcast: --status "done"/);

    const again = await run(args);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/queued 0 of 2 opted-in contacts \(already queued 2/);
    expect((await queued()).map((x) => x.chat)).toEqual(["c1", "c2"]);
  });
});
