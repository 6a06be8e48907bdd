import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { applyUntilSummary, createHarness, submitFromSummary, textOf, validNationalId, type Harness } from "./helpers";
import { createLogger } from "../bot/log";
import { createCipher } from "../bot/crypto";
import { openAnswers, openState, sealState } from "../bot/sealing";
import { loadProfile } from "../orgs/load";
import { applyRetention, confirmDeletion } from "../bot/privacy";
import { decide } from "../bot/decisions";
import { backupDatabase, openDatabase } from "../db";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const arabicDigits = (s: string) => s.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);

describe("national IDs and sensitive answers at rest", () => {
  it("never leave a national ID in clear in the database file or in the logs", async () => {
    const lines: string[] = [];
    const nid = validNationalId(86420135);
    const other = validNationalId(11223344, "2");
    h = await createHarness({ org: "banan", sila: { log: createLogger("debug", (l) => lines.push(l)) } });
    await h.say("السلام عليكم");
    const program = h.profile.programs.find((p) => p.fields.some((f) => f.sensitive))!;
    await applyUntilSummary(h, program.id, { nationalId: nid });
    const summary = textOf(h.sent.filter((s) => s.chatId === "u1").slice(-1).map((s) => s.message));
    expect(summary.replace(/[\u2066-\u2069]/g, "")).toContain(nid); // shown to its owner, for the attestation
    await submitFromSummary(h);
    // A national ID typed where it isn't asked for, in Arabic digits, and a failing turn that logs.
    await h.say(arabicDigits(other));
    const file = h.file;
    await h.close();

    // The reopened database still has everything, sealed.
    const reopened = await createHarness({ org: "banan", file });
    const app = await reopened.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    const fields = openAnswers(JSON.parse(app.fields), createCipher(Buffer.alloc(32, 7)));
    expect(fields["national_id"]).toEqual({ type: "nationalId", value: nid });
    const sensitive = program.fields.find((f) => f.sensitive)!;
    expect(JSON.parse(app.fields)[sensitive.id]).toMatchObject({ type: "sealed" });
    expect(fields[sensitive.id]).toBeDefined();
    reopened.opened.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    await reopened.close();

    for (const f of [file, `${file}-wal`]) {
      if (!fs.existsSync(f)) continue;
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from(nid))).toBe(false);
      expect(bytes.includes(Buffer.from(arabicDigits(nid)))).toBe(false);
      expect(bytes.includes(Buffer.from(arabicDigits(other)))).toBe(false);
    }
    const log = lines.join("\n");
    expect(log).not.toContain(nid);
    expect(log).not.toContain(arabicDigits(other));
  });
});

describe("sealing a form between turns", () => {
  it("keeps the sealed value of an answer left unchanged, and seals a changed answer anew", () => {
    const profile = loadProfile("banan");
    const program = profile.programs.find((p) => p.fields.some((f) => f.sensitive))!;
    const sensitive = program.fields.find((f) => f.sensitive)!;
    const cipher = createCipher(Buffer.alloc(32, 7));
    const state = {
      flow: "apply",
      draft: {
        programId: program.id,
        answers: {
          national_id: { type: "nationalId", value: validNationalId(12345678) },
          [sensitive.id]: { type: "text", value: "سكري" },
          full_name: { type: "text", value: "سارة" },
        },
      },
    };
    const answersOf = (s: unknown) => (s as { draft: { answers: Record<string, { type: string; enc?: string; value?: string }> } }).draft.answers;
    const first = answersOf(sealState(state, profile, cipher));
    expect(first["national_id"]!.type).toBe("sealed");
    expect(first[sensitive.id]!.type).toBe("sealed");
    expect(first["full_name"]).toEqual({ type: "text", value: "سارة" });

    // A turn that changes nothing: the same sealed values are written back, nothing is encrypted anew.
    const sealed = { ...state, draft: { ...state.draft, answers: first } };
    const opened = openState(sealed, cipher);
    expect(answersOf(opened)["national_id"]).toEqual(state.draft.answers["national_id"]);
    expect(answersOf(sealState(opened, profile, cipher))).toEqual(first);

    // A turn that changes the ID: that answer alone is sealed anew, and opens to the new value.
    const newId = { type: "nationalId", value: validNationalId(87654321) };
    const changed = { ...opened, draft: { ...opened.draft, answers: { ...answersOf(opened), national_id: newId } } };
    const third = answersOf(sealState(changed, profile, cipher));
    expect(third["national_id"]!.enc).not.toBe(first["national_id"]!.enc);
    expect(third[sensitive.id]!.enc).toBe(first[sensitive.id]!.enc);
    expect(answersOf(openState({ ...state, draft: { ...state.draft, answers: third } }, cipher))["national_id"]).toEqual(newId);
  });
});

describe("the beneficiary's rights over their data", () => {
  it("بياناتي sends what is stored, with the national ID masked, and records consents per purpose", async () => {
    h = await createHarness();
    const nid = validNationalId(5151515);
    await h.say("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: nid });
    await submitFromSummary(h);
    const data = textOf(await h.say("بياناتي")).replace(/[\u2066-\u2069]/g, "");
    expect(data).toContain("البيانات المحفوظة عنك");
    expect(data).toContain(`******${nid.slice(-4)}`);
    expect(data).not.toContain(nid);
    expect(data).toContain("محمد عبدالله الحربي");
    expect(data).toContain("الموافقة على شروط برنامج");
    const purposes = (await h.opened.db.selectFrom("consents").select("purpose").execute()).map((c) => c.purpose).sort();
    expect(purposes).toEqual(["attestation", "privacy_notice", "privacy_notice", "program_terms:tank_installation"]);
    // The reply itself is stored encrypted.
    const stored = await h.opened.db.selectFrom("messages").select("body").where("direction", "=", "out").where("body", "like", "enc:v1:%").execute();
    expect(stored.length).toBeGreaterThanOrEqual(2); // the summary and "my data"
  });

  it("a confirmed deletion request alerts staff; once staff confirm it, personal data is anonymised and counts kept", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(6161616) });
    await submitFromSummary(h);
    await h.say("شكوى");
    await h.say("1");
    await h.say("الموظف تأخر علي");
    expect(textOf(await h.say("احذف بياناتي"))).toContain("هل تريد طلب حذف");
    const asked = textOf(await h.say("نعم"));
    const ref = /P\d{2}-\d{5}/.exec(asked.replace(/[\u2066-\u2069]/g, ""))![0];
    expect(h.sent.some((s) => s.chatId === "staff" && s.message.text.includes(ref))).toBe(true);
    expect(await confirmDeletion(h.opened.db, "P99-00001", "cli:t", h.now().toISOString())).toEqual({ ok: false, error: "not_found" });
    expect(await confirmDeletion(h.opened.db, ref, "cli:t", h.now().toISOString())).toMatchObject({ ok: true });
    expect(await confirmDeletion(h.opened.db, ref, "cli:t", h.now().toISOString())).toEqual({ ok: false, error: "not_pending" });

    const contact = await h.opened.db.selectFrom("contacts").selectAll().executeTakeFirstOrThrow();
    expect(contact.phone).toBeNull();
    expect(contact.anonymised_at).not.toBeNull();
    const app = await h.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(app.fields).toBe("{}");
    expect(app.status).toBe("submitted"); // counts by program and status survive
    expect(app.program_id).toBe("tank_installation");
    const bodies = await h.opened.db.selectFrom("messages").select("body").where("contact_id", "=", contact.id).where("body", "is not", null).execute();
    expect(bodies).toHaveLength(0);
    const ticket = await h.opened.db.selectFrom("tickets").selectAll().where("kind", "=", "complaint").executeTakeFirstOrThrow();
    expect(ticket.body).toBeNull();
    // Writing again starts afresh as a new contact.
    expect(textOf(await h.say("السلام عليكم"))).toContain("حياك الله");
    expect(await h.opened.db.selectFrom("contacts").selectAll().execute()).toHaveLength(2);
  });

  it("the retention job anonymises closed applications and old messages after the profile's period", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    await applyUntilSummary(h, "tank_installation", { nationalId: validNationalId(7171717) });
    const ref = /A\d{2}-\d{5}/.exec(textOf(await submitFromSummary(h)).replace(/[\u2066-\u2069]/g, ""))![0];
    await decide({ db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h.now(), calendar: h.sila.calendar }, { reference: ref, decision: "reject", actor: "cli:t" });
    const early = await applyRetention(h.opened.db, h.profile, new Date(h.now().getTime() + 86_400_000));
    expect(early).toEqual({ applications: 0, messages: 0 });
    const later = new Date(h.now().getTime() + (h.profile.retentionDays + 1) * 86_400_000);
    const r = await applyRetention(h.opened.db, h.profile, later);
    expect(r.applications).toBe(1);
    expect(r.messages).toBeGreaterThan(10);
    expect(await applyRetention(h.opened.db, h.profile, later)).toEqual({ applications: 0, messages: 0 });
    const app = await h.opened.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(app.fields).toBe("{}");
    expect(app.status).toBe("rejected");
  });

  it("asks a flooding contact to slow down once, records the flood, and does not process it", async () => {
    h = await createHarness({ sila: { floodPerMinute: 5 } });
    const outcomes: string[] = [];
    for (let i = 0; i < 9; i++) {
      outcomes.push(await h.sila.engine.handle({ channel: "console", chatId: "f", messageId: `f${i}`, receivedAt: h.now(), content: { kind: "text", text: "مرحبا" } }));
    }
    expect(outcomes).toEqual(["processed", "processed", "processed", "processed", "processed", "throttled", "throttled", "throttled", "throttled"]);
    await h.sila.outbox.drainOnce();
    const toF = h.sent.filter((s) => s.chatId === "f").map((s) => s.message.text);
    expect(toF.filter((t) => t.includes("تمهّل"))).toHaveLength(1);
    expect(toF).toHaveLength(6);
    const stored = await h.opened.db.selectFrom("messages").selectAll().where("status", "=", "throttled").execute();
    expect(stored).toHaveLength(4);
    // A minute later the contact is served again.
    h.setNow(new Date(h.now().getTime() + 61_000));
    expect(textOf(await h.say("القائمة", "f"))).toContain("تقديم طلب");
  });
});

describe("backup", () => {
  it("makes a consistent copy of the live database with the online backup", async () => {
    h = await createHarness();
    await h.say("السلام عليكم");
    const out = `${h.dir}/backup.sqlite`;
    expect(await backupDatabase(h.file, out)).toBeGreaterThan(0);
    const copy = await openDatabase(out);
    const contacts = await copy.db.selectFrom("contacts").selectAll().execute();
    expect(contacts).toHaveLength(1);
    await copy.close();
  });
});
