/**
 * What a crash run must have left behind, checked from the database and the
 * fake channel's delivery log, against the script's plan and (when given) a
 * run of the same script that was never killed.
 */
import fs from "node:fs";
import { createCipher } from "../../bot/crypto";
import { createDb } from "../../db";
import type { ExpectedAnswer, CrashScript } from "./script";
import { crashFiles, type DeliveryLine } from "./layout";

export interface Check {
  name: string;
  ok: boolean;
  /** The first few problems, for the report. */
  problems: string[];
}

export interface CrashCounts {
  scriptedMessages: number;
  chats: number;
  inboundRows: number;
  inboundMissing: number;
  inboundDuplicated: number;
  inboundUnexpected: number;
  inboundNotProcessed: number;
  applicationsPlanned: number;
  applications: number;
  applicationsWrong: number;
  feedbackPlanned: number;
  feedbackFound: number;
  surveyAnswersPlanned: number;
  surveyAnswers: number;
  outboxRows: number;
  outboxSent: number;
  outboxPending: number;
  outboxFailed: number;
  outboundMessages: number;
  deliveries: number;
  rowsDelivered: number;
  rowsNeverDelivered: number;
  duplicateDeliveries: number;
  /** The most repeated deliveries any one chat got (at most one per kill). */
  mostDuplicatesInAChat: number;
  unidentifiedDeliveries: number;
  outOfOrderDeliveries: number;
}

/** What the conversations left, per chat, in a form two runs can compare. */
export interface Digest {
  chats: Map<string, string[]>;
  staff: string[];
}

export interface Verification {
  counts: CrashCounts;
  checks: Check[];
  digest: Digest;
  ok: boolean;
}

const MAX_PROBLEMS = 8;

class CheckList {
  readonly checks: Check[] = [];
  add(name: string): (problem: string) => void {
    const check: Check = { name, ok: true, problems: [] };
    this.checks.push(check);
    return (problem) => {
      check.ok = false;
      if (check.problems.length < MAX_PROBLEMS) check.problems.push(problem);
    };
  }
}

/** References and survey numbers depend on how chats interleaved; everything else must not. */
const normalizeReferences = (s: string): string => s.replace(/\b[A-Z]\d{2}-\d{5,}\b/g, "REF");

function sameAnswer(expected: ExpectedAnswer, actual: unknown): boolean {
  if (expected.type === "date" && expected.calendar === "hijri" && !("value" in expected)) {
    const a = actual as { type?: unknown; calendar?: unknown; value?: unknown } | null;
    return a?.type === "date" && a.calendar === "hijri" && typeof a.value === "string" && /^\d{4}-\d\d-\d\d$/.test(a.value);
  }
  return JSON.stringify(sortKeys(expected)) === JSON.stringify(sortKeys(actual));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  }
  return v;
}

/** Reads the delivery log; a line that does not parse is reported, not skipped silently. */
export function readDeliveries(file: string): { lines: DeliveryLine[]; unreadable: number } {
  if (!fs.existsSync(file)) return { lines: [], unreadable: 0 };
  const lines: DeliveryLine[] = [];
  let unreadable = 0;
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    if (raw.trim() === "") continue;
    try {
      lines.push(JSON.parse(raw) as DeliveryLine);
    } catch {
      unreadable++;
    }
  }
  return { lines, unreadable };
}

export async function verifyRun(
  dir: string,
  script: CrashScript,
  options: { kills: number; secretKey: Buffer },
): Promise<Verification> {
  const files = crashFiles(dir);
  const cipher = createCipher(options.secretKey);
  const open = (v: string | null): string | null => (v === null ? null : cipher.decrypt(v));
  const opened = createDb(files.database);
  const { db } = opened;
  const list = new CheckList();
  try {
    const identities = await db
      .selectFrom("channel_identities")
      .select(["external_id", "contact_id"])
      .where("channel", "=", script.channel)
      .execute();
    const contactOf = new Map(identities.map((i) => [i.external_id, i.contact_id]));

    // ---- Inbound: one row per scripted message, each processed.
    const inbound = await db
      .selectFrom("messages")
      .select(["channel_message_id", "status", "chat_id"])
      .where("direction", "=", "in")
      .execute();
    const scripted = new Set(script.messages.map((m) => m.messageId));
    const seen = new Map<string, number>();
    for (const m of inbound) seen.set(m.channel_message_id ?? "", (seen.get(m.channel_message_id ?? "") ?? 0) + 1);
    const exactlyOnce = list.add("every scripted message has exactly one inbound row");
    let missing = 0;
    let duplicated = 0;
    let unexpected = 0;
    for (const id of scripted) {
      const n = seen.get(id) ?? 0;
      if (n === 0) {
        missing++;
        exactlyOnce(`missing: ${id}`);
      } else if (n > 1) {
        duplicated++;
        exactlyOnce(`${n} rows: ${id}`);
      }
    }
    for (const id of seen.keys()) {
      if (!scripted.has(id)) {
        unexpected++;
        exactlyOnce(`not in the script: ${id}`);
      }
    }
    const processed = list.add("every inbound message was processed (no failed or throttled turn)");
    const notProcessed = inbound.filter((m) => m.status !== "processed");
    for (const m of notProcessed) processed(`${m.channel_message_id}: ${m.status}`);

    // ---- Applications, feedback and survey answers, chat by chat, against the plan.
    const apps = await db.selectFrom("applications").select(["id", "contact_id", "program_id", "fields", "status"]).execute();
    const events = await db.selectFrom("application_events").select(["application_id", "action"]).execute();
    const tickets = await db.selectFrom("tickets").select(["contact_id", "kind", "status", "body"]).orderBy("id").execute();
    const answers = await db
      .selectFrom("survey_answers as a")
      .innerJoin("surveys as s", "s.id", "a.survey_id")
      .select(["s.contact_id", "s.kind", "s.status", "a.question_id", "a.type", "a.score", "a.text"])
      .orderBy("a.id")
      .execute();

    const appCheck = list.add("each applying chat has exactly one application with its planned answers, the others none");
    const eventCheck = list.add("each application has exactly one submission event");
    const feedbackCheck = list.add("each planned complaint or suggestion is stored exactly once with its text");
    const surveyCheck = list.add("each ended handoff has exactly one survey answer with the score given");
    let applicationsWrong = 0;
    let feedbackFound = 0;
    const openFields = (fields: string): Record<string, unknown> => {
      const stored = JSON.parse(fields) as Record<string, { type: string; enc?: string }>;
      return Object.fromEntries(
        Object.entries(stored).map(([k, a]) => [k, a.type === "sealed" && a.enc ? (JSON.parse(cipher.decrypt(a.enc)) as unknown) : a]),
      );
    };

    for (const plan of script.chats) {
      const contact = contactOf.get(plan.chatId);
      if (contact === undefined) {
        appCheck(`chat ${plan.chatId}: no contact`);
        continue;
      }
      const mine = apps.filter((a) => a.contact_id === contact);
      if (!plan.application) {
        if (mine.length > 0) appCheck(`chat ${plan.chatId}: ${mine.length} application(s), none planned`);
      } else if (mine.length !== 1) {
        applicationsWrong++;
        appCheck(`chat ${plan.chatId}: ${mine.length} applications, one planned`);
      } else {
        const app = mine[0]!;
        const fields = openFields(app.fields);
        const wrong: string[] = [];
        if (app.program_id !== plan.application.programId) wrong.push(`program ${app.program_id} ≠ ${plan.application.programId}`);
        const keys = new Set([...Object.keys(fields), ...Object.keys(plan.application.answers)]);
        for (const k of keys) {
          const expected = plan.application.answers[k];
          if (!expected) wrong.push(`unplanned answer ${k}`);
          else if (!sameAnswer(expected, fields[k])) wrong.push(`${k}: ${JSON.stringify(fields[k])} ≠ ${JSON.stringify(expected)}`);
        }
        if (wrong.length > 0) {
          applicationsWrong++;
          appCheck(`chat ${plan.chatId}: ${wrong.join("; ")}`);
        }
        const submitted = events.filter((e) => e.application_id === app.id && e.action === "submitted").length;
        if (submitted !== 1) eventCheck(`chat ${plan.chatId}: ${submitted} submission events`);
      }

      const fb = tickets.filter((t) => t.contact_id === contact && (t.kind === "complaint" || t.kind === "suggestion"));
      if (plan.feedback) {
        const matching = fb.filter((t) => t.kind === plan.feedback!.kind && open(t.body) === plan.feedback!.body);
        feedbackFound += matching.length;
        if (matching.length !== 1 || fb.length !== 1) feedbackCheck(`chat ${plan.chatId}: ${matching.length} matching of ${fb.length} feedback tickets`);
      } else if (fb.length > 0) {
        feedbackCheck(`chat ${plan.chatId}: ${fb.length} feedback ticket(s), none planned`);
      }

      const mineAnswers = answers.filter((a) => a.contact_id === contact);
      if (plan.handoff) {
        if (mineAnswers.length !== 1 || mineAnswers[0]!.score !== plan.handoff.score || mineAnswers[0]!.kind !== "ticket") {
          surveyCheck(`chat ${plan.chatId}: ${JSON.stringify(mineAnswers)} ≠ score ${plan.handoff.score}`);
        }
      } else if (mineAnswers.length > 0) {
        surveyCheck(`chat ${plan.chatId}: ${mineAnswers.length} survey answer(s), none planned`);
      }
    }

    // ---- The outbox and the deliveries.
    const outbox = await db.selectFrom("outbox").select(["id", "audience", "chat_id", "status"]).orderBy("id").execute();
    const sentCheck = list.add("every outbox row was delivered (status sent)");
    for (const r of outbox) if (r.status !== "sent") sentCheck(`row ${r.id} (${r.chat_id}): ${r.status}`);
    const outbound = await db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("direction", "=", "out")
      .executeTakeFirstOrThrow();
    const outboundCheck = list.add("one outbound message row per sent outbox row");
    const sentRows = outbox.filter((r) => r.status === "sent").length;
    if (Number(outbound.n) !== sentRows) outboundCheck(`${outbound.n} outbound rows for ${sentRows} sent outbox rows`);

    const { lines, unreadable } = readDeliveries(files.deliveries);
    const identified = list.add("every delivery carries a pending outbox row's payload");
    const ordered = list.add("the rows of one chat are delivered in order (each delivery is the chat's oldest pending row)");
    if (unreadable > 0) identified(`${unreadable} unreadable lines in the delivery log`);
    const ids = new Set(outbox.map((r) => r.id));
    const perRow = new Map<number, number>();
    let unidentified = 0;
    let outOfOrder = 0;
    for (const l of lines) {
      if (l.row === null || !ids.has(l.row)) {
        unidentified++;
        identified(`delivery to ${l.chat} (payload ${l.hash}) matches no pending row`);
        continue;
      }
      if (!l.oldest) {
        outOfOrder++;
        ordered(`row ${l.row} (chat ${l.chat}) was delivered while an older row of the chat was pending`);
      }
      perRow.set(l.row, (perRow.get(l.row) ?? 0) + 1);
    }
    const deliveredCheck = list.add("every outbox row reached the channel");
    let neverDelivered = 0;
    for (const r of outbox) {
      if (!perRow.has(r.id)) {
        neverDelivered++;
        deliveredCheck(`row ${r.id} (${r.chat_id}) was never delivered`);
      }
    }
    // The outbox sends to different chats side by side, one message at a time per chat: a kill can
    // repeat at most the message each chat had in hand, so no chat sees more repeats than kills.
    let duplicates = 0;
    const perChat = new Map<string, number>();
    const chatOfRow = new Map(outbox.map((r) => [r.id, r.chat_id]));
    for (const [row, n] of perRow) {
      duplicates += n - 1;
      if (n > 1) perChat.set(chatOfRow.get(row)!, (perChat.get(chatOfRow.get(row)!) ?? 0) + n - 1);
    }
    const dupCheck = list.add(`duplicate deliveries ≤ kills (${options.kills}) in every chat`);
    for (const [chat, n] of perChat) {
      if (n <= options.kills) continue;
      dupCheck(`${n} duplicate deliveries to ${chat}`);
      for (const [row, k] of perRow) if (k > 1 && chatOfRow.get(row) === chat) dupCheck(`row ${row} delivered ${k} times`);
    }

    // ---- The digest, to compare with a run that was never killed.
    // What each chat was sent, as recorded on delivery (a delivered row's payload is not kept).
    const sentTexts = await db.selectFrom("messages").select(["chat_id", "body"]).where("direction", "=", "out").orderBy("id").execute();
    const chats = new Map<string, string[]>();
    for (const plan of script.chats) {
      const contact = contactOf.get(plan.chatId);
      const parts: string[] = [];
      for (const m of sentTexts) if (m.chat_id === plan.chatId) parts.push(`reply ${normalizeReferences(open(m.body) ?? "")}`);
      for (const a of apps) if (a.contact_id === contact) parts.push(`application ${a.program_id} ${a.status} ${JSON.stringify(sortKeys(openFields(a.fields)))}`);
      for (const t of tickets) if (t.contact_id === contact) parts.push(`ticket ${t.kind} ${t.status} ${open(t.body)}`);
      for (const a of answers) if (a.contact_id === contact) parts.push(`survey ${a.kind} ${a.status} ${a.question_id} ${a.type} ${a.score} ${a.text}`);
      chats.set(plan.chatId, parts);
    }
    const staff = sentTexts
      .filter((m) => m.chat_id === script.staffChatId)
      .map((m) => normalizeReferences(open(m.body) ?? "").replace(/\d+/g, "#"))
      .sort();

    const counts: CrashCounts = {
      scriptedMessages: script.messages.length,
      chats: script.chats.length,
      inboundRows: inbound.length,
      inboundMissing: missing,
      inboundDuplicated: duplicated,
      inboundUnexpected: unexpected,
      inboundNotProcessed: notProcessed.length,
      applicationsPlanned: script.chats.filter((c) => c.application).length,
      applications: apps.length,
      applicationsWrong,
      feedbackPlanned: script.chats.filter((c) => c.feedback).length,
      feedbackFound,
      surveyAnswersPlanned: script.chats.filter((c) => c.handoff).length,
      surveyAnswers: answers.length,
      outboxRows: outbox.length,
      outboxSent: sentRows,
      outboxPending: outbox.filter((r) => r.status === "pending").length,
      outboxFailed: outbox.filter((r) => r.status === "failed").length,
      outboundMessages: Number(outbound.n),
      deliveries: lines.length,
      rowsDelivered: perRow.size,
      rowsNeverDelivered: neverDelivered,
      duplicateDeliveries: duplicates,
      mostDuplicatesInAChat: Math.max(0, ...perChat.values()),
      unidentifiedDeliveries: unidentified,
      outOfOrderDeliveries: outOfOrder,
    };
    return { counts, checks: list.checks, digest: { chats, staff }, ok: list.checks.every((c) => c.ok) };
  } finally {
    await opened.close();
  }
}

/** Compares what two runs of one script left, chat by chat. */
export function compareDigests(crashed: Digest, reference: Digest): Check {
  const check: Check = { name: "the same conversations, applications, tickets and answers as a run that was never killed", ok: true, problems: [] };
  const fail = (p: string) => {
    check.ok = false;
    if (check.problems.length < MAX_PROBLEMS) check.problems.push(p);
  };
  for (const [chat, parts] of reference.chats) {
    const got = crashed.chats.get(chat) ?? [];
    if (got.length !== parts.length) {
      fail(`chat ${chat}: ${got.length} items, the reference has ${parts.length}`);
      continue;
    }
    const i = parts.findIndex((p, k) => p !== got[k]);
    if (i >= 0) fail(`chat ${chat}, item ${i}: ${got[i]!.slice(0, 160)} ≠ ${parts[i]!.slice(0, 160)}`);
  }
  if (crashed.staff.length !== reference.staff.length) fail(`${crashed.staff.length} staff alerts, the reference has ${reference.staff.length}`);
  else if (crashed.staff.some((s, i) => s !== reference.staff[i])) fail("the staff alerts differ from the reference");
  return check;
}
