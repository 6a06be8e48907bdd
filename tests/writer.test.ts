import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { openDatabase, type OpenedDb } from "../db";
import { createHotPath } from "../db/hot";
import { createGroupWriter } from "../bot/engine/writer";
import { createHarness, textOf, type Harness } from "./helpers";

let opened: OpenedDb | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
  await h?.close();
  h = undefined;
});

async function writerOnTempDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-writer-"));
  opened = await openDatabase(path.join(dir, "w.sqlite"));
  const writer = createGroupWriter({ db: opened.db, savepoints: createHotPath(opened.sqlite).savepoints });
  const names = async () => (await opened!.db.selectFrom("counters").select("name").orderBy("name").execute()).map((r) => r.name);
  return { writer, db: opened.db, names };
}

describe("group commit", () => {
  it("commits work submitted together once, and rolls back only the item that throws", async () => {
    const { writer, names } = await writerOnTempDb();
    const insert = (name: string) => writer.run(async (trx) => {
      await trx.insertInto("counters").values({ name, value: 1 }).execute();
      if (name === "b") throw new Error("b failed after writing");
      return name;
    });
    const results = await Promise.allSettled([insert("a"), insert("b"), insert("c")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("b failed after writing");
    expect(await names()).toEqual(["a", "c"]);
    expect(writer.stats).toEqual({ groups: 1, items: 3 });
    // The connection is left usable: the next item commits on its own.
    await insert("d");
    expect(await names()).toEqual(["a", "c", "d"]);
    expect(writer.stats.groups).toBe(2);
  });

  it("fails every item of a group whose commit fails, and keeps none of their writes", async () => {
    const { writer, names } = await writerOnTempDb();
    const good = writer.run(async (trx) => {
      await trx.insertInto("counters").values({ name: "kept?", value: 1 }).execute();
    });
    // A deferred foreign-key violation only shows at commit.
    const bad = writer.run(async (trx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await sql`insert into channel_identities (contact_id, channel, external_id, created_at) values (424242, 'console', 'x', 'now')`.execute(trx);
    });
    const results = await Promise.allSettled([good, bad]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await names()).toEqual([]);
    await writer.run(async (trx) => {
      await trx.insertInto("counters").values({ name: "after", value: 1 }).execute();
    });
    expect(await names()).toEqual(["after"]);
  });

  it("fails the whole group when SQLite has rolled the transaction back, and goes on with the next", async () => {
    const { writer, names } = await writerOnTempDb();
    const first = writer.run(async (trx) => {
      await trx.insertInto("counters").values({ name: "lost with the group", value: 1 }).execute();
    });
    const fatal = writer.run(async () => {
      opened!.sqlite.exec("rollback"); // what SQLite does on its own after an I/O error or a full disk
      throw new Error("disk I/O error");
    });
    const results = await Promise.allSettled([first, fatal]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await names()).toEqual([]);
    await writer.run(async (trx) => {
      await trx.insertInto("counters").values({ name: "next", value: 1 }).execute();
    });
    expect(await names()).toEqual(["next"]);
  });

  it("lets the turns of many chats share commits; a failing turn apologises alone", async () => {
    h = await createHarness({
      sila: {
        faq: (query) => {
          if (query.includes("الفلاني")) throw new Error("matcher bug");
          return { accepted: null, candidates: [] };
        },
      },
    });
    const chats = Array.from({ length: 12 }, (_, i) => `g${i}`);
    await Promise.all(chats.map((c) => h!.say("السلام عليكم", c)));
    const before = { ...h.sila.engine.commits };
    const replies = await Promise.all(chats.map((c, i) => h!.say(i === 5 ? "وش صار بالموضوع الفلاني؟" : "1", c)));
    const after = h.sila.engine.commits;
    // Twelve turns and one recorded failure, in far fewer commits than turns.
    expect(after.items - before.items).toBe(13);
    expect(after.groups - before.groups).toBeLessThanOrEqual(3);
    replies.forEach((r, i) => {
      if (i === 5) expect(textOf(r)).toContain("نعتذر");
      else expect(textOf(r)).toContain("اختر البرنامج");
    });
    const failed = await h.opened.db.selectFrom("messages").select("chat_id").where("status", "=", "failed").execute();
    expect(failed).toEqual([{ chat_id: "g5" }]);
    const processed = await h.opened.db.selectFrom("messages").select("chat_id").where("direction", "=", "in").where("status", "=", "processed").execute();
    expect(processed).toHaveLength(23);
  });
});
