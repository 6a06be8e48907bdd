/**
 * Fuzzing every step of every flow with hostile input (tests/fakes/hostile.ts).
 *
 * Chats are first driven, the way a person would, into each state: the menu,
 * FAQ suggestions, every step of an application (each field type, the phone
 * confirmation, consent for sensitive data, the summary, editing, the
 * attestation, the terms, cancel confirmation, resuming a draft), status,
 * complaints, a live handoff, the ticket and program surveys, and answering a
 * committee's request for information. The saved session of each state is
 * kept, and before every hostile message it is put back, so each input meets
 * exactly that state (with the handoff ticket reopened and the application
 * put back in "needs information" where those are part of the state).
 *
 * Every message must be processed (a "failed" turn is a finding), answered
 * unless a person has the conversation, and what is stored must stay bounded
 * and free of NUL and bidi-override characters. Findings are collected and
 * reported together, each with its state and input.
 *
 * The seed is FUZZ_SEED (default fixed); FUZZ_PER_STATE changes the size.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, SUNDAY_NOON, type Harness } from "./helpers";
import { BIDI_CONTROLS, describeInput, hostileInput } from "./fakes/hostile";
import { createRandom, parseSeed, type Random } from "../scripts/crash/random";
import { driveMaa, driveSensitive, restore, sessionOf, type Snapshot } from "./fuzz/walk";

const SEED = parseSeed(process.env["FUZZ_SEED"], 0x51a);
const MIN_INPUTS = 10_000;
/** Messages per state: FUZZ_PER_STATE, or enough for MIN_INPUTS over all states. */
const perState = (states: number): number =>
  process.env["FUZZ_PER_STATE"] ? Number(process.env["FUZZ_PER_STATE"]) : Math.ceil(MIN_INPUTS / states);


interface Finding {
  check: string;
  state: string;
  kind: string;
  input: string;
  detail: string;
}

const findings: Finding[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const inputsByTime = new Map<string, { state: string; kind: string; input: string }>();
const inputsById = new Map<string, { state: string; kind: string; input: string }>();
const statesFuzzed = new Map<string, number>();
let total = 0;
let clockMs = 0;
const harnesses: Harness[] = [];

function finding(check: string, state: string, kind: string, input: string, detail: string): void {
  findings.push({ check, state, kind, input, detail });
}

/**
 * Findings of one check, one line per kind of problem and kind of input,
 * with how often, in how many states, and the first example.
 */
function summarize(check: string): string[] {
  const groups = new Map<string, { n: number; states: Set<string>; first: Finding }>();
  for (const f of findings.filter((x) => x.check === check)) {
    const key = `${f.kind} | ${f.detail.replace(/".*$/s, "").replace(/\d+/g, "#")}`;
    const g = groups.get(key) ?? { n: 0, states: new Set<string>(), first: f };
    g.n++;
    g.states.add(f.state);
    groups.set(key, g);
  }
  return [...groups.values()].map(
    (g) => `${g.first.kind} input, ${g.n}× in ${g.states.size} state(s), e.g. "${g.first.state}": ${g.first.detail} ← ${g.first.input}`,
  );
}


/** One hostile message to `chatId` in state `label`; checks the outcome and the replies. */
async function attack(h: Harness, label: string, chatId: string, r: Random, offered: string[], liveHandoff: boolean): Promise<void> {
  const { kind, content } = hostileInput(r, offered);
  const input = describeInput(content);
  clockMs++;
  const now = new Date(SUNDAY_NOON.getTime() + clockMs);
  h.setNow(now);
  const messageId = `fz-${clockMs}`;
  inputsByTime.set(now.toISOString(), { state: label, kind, input });
  inputsById.set(messageId, { state: label, kind, input });
  const db = h.opened.db;
  const before = h.sent.length;
  let outcome: string;
  try {
    outcome = await h.sila.engine.handle({ channel: "console", chatId, messageId, receivedAt: now, content });
  } catch (error) {
    outcome = "threw";
    finding("failed", label, kind, input, `handle() threw: ${String(error)}`);
  }
  total++;
  statesFuzzed.set(label, (statesFuzzed.get(label) ?? 0) + 1);
  if (outcome !== "processed" && outcome !== "threw") {
    const row = await db.selectFrom("messages").select(["error"]).where("channel_message_id", "=", messageId).executeTakeFirst();
    finding("failed", label, kind, input, `outcome "${outcome}"${row?.error ? `: ${row.error}` : ""}`);
  }
  await checkDraft(h, label, chatId, kind, input);
  await h.sila.outbox.drainOnce();
  const replies = h.sent.slice(before).filter((s) => s.chatId === chatId);
  if (replies.length === 0 && !liveHandoff) finding("silent", label, kind, input, "no reply");
  for (const { message } of replies) {
    if (message.text.length > 4096) finding("reply", label, kind, input, `a reply of ${message.text.length} characters (channels take 4096)`);
    if (message.text.trim() === "") finding("reply", label, kind, input, "an empty reply");
  }
}

/**
 * The answers of the form being filled are stored in the session (sealed
 * where sensitive) and become the application's answers on submission:
 * checked after every message, where a hostile answer first lands.
 */
async function checkDraft(h: Harness, label: string, chatId: string, kind: string, input: string): Promise<void> {
  const s = (await sessionOf(h, chatId)) as { draft?: { answers?: Record<string, { type: string; enc?: string }> } | null };
  for (const [id, answer] of Object.entries(s.draft?.answers ?? {})) {
    const opened: unknown = answer.type === "sealed" && answer.enc ? JSON.parse(h.sila.cipher.decrypt(answer.enc)) : answer;
    for (const problem of answerProblems(id, opened)) finding("stored", label, kind, input, `the draft's answer ${problem}`);
  }
}

/** What is wrong with one stored answer: too long, NUL, bidi overrides. */
function answerProblems(id: string, answer: unknown): string[] {
  const problems: string[] = [];
  for (const [path, s] of strings(answer, id)) {
    const limit = path.endsWith(".value") && (answer as { type?: string }).type === "text" ? 500 : 1000;
    if (codePoints(s) > limit) problems.push(`${path}: ${codePoints(s)} characters > ${limit}`);
    if (NUL.test(s)) problems.push(`${path}: holds NUL`);
    if (BIDI_CONTROLS.test(s)) problems.push(`${path}: holds a bidi override: ${JSON.stringify(s.slice(0, 40))}`);
  }
  return problems;
}

const NUL = /\u0000/;
const codePoints = (s: string): number => [...s].length;

/** Every string inside a JSON value, with its path. */
function strings(value: unknown, path = "$"): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

async function checkStored(h: Harness): Promise<void> {
  const db = h.opened.db;
  const open = (v: string | null): string | null => (v === null ? null : h.sila.cipher.decrypt(v));
  const byTime = (at: string) => inputsByTime.get(at) ?? { state: "walk", kind: "-", input: "(a step of the walk)" };
  const stored = (what: string, at: string, detail: string) => {
    const i = byTime(at);
    finding("stored", i.state, i.kind, i.input, `${what}: ${detail}`);
  };

  const messages = await db.selectFrom("messages").select(["channel_message_id", "direction", "body", "created_at"]).execute();
  for (const m of messages) {
    const body = open(m.body);
    if (body !== null && body.length > 4096) {
      const i = (m.direction === "in" ? inputsById.get(m.channel_message_id ?? "") : undefined) ?? byTime(m.created_at);
      finding("stored", i.state, i.kind, i.input, `messages.body (${m.direction}) of ${body.length} characters > 4096`);
    }
  }

  const tickets = await db.selectFrom("tickets").select(["reference", "body", "attachment", "created_at"]).execute();
  for (const t of tickets) {
    const body = open(t.body);
    if (body !== null) {
      if (codePoints(body) > 4000) stored("tickets.body", t.created_at, `${codePoints(body)} characters > 4000`);
      if (NUL.test(body)) stored("tickets.body", t.created_at, "holds NUL");
      if (BIDI_CONTROLS.test(body)) stored("tickets.body", t.created_at, "holds a bidi override");
    }
    if (t.attachment !== null) {
      for (const [path, s] of strings(JSON.parse(open(t.attachment)!))) {
        if (s.length > 1000) stored(`tickets.attachment ${path}`, t.created_at, `${s.length} characters`);
        if (NUL.test(s) || BIDI_CONTROLS.test(s)) stored(`tickets.attachment ${path}`, t.created_at, `unclean ${JSON.stringify(s.slice(0, 40))}`);
      }
    }
  }

  const apps = await db.selectFrom("applications").select(["reference", "fields", "created_at"]).execute();
  for (const a of apps) {
    const fields = JSON.parse(a.fields) as Record<string, { type: string; enc?: string }>;
    for (const [id, answer] of Object.entries(fields)) {
      const opened: unknown = answer.type === "sealed" && answer.enc ? JSON.parse(h.sila.cipher.decrypt(answer.enc)) : answer;
      for (const problem of answerProblems(id, opened)) stored("applications.fields", a.created_at, problem);
    }
  }

  const answers = await db.selectFrom("survey_answers").select(["text", "created_at"]).execute();
  for (const a of answers) {
    const text = open(a.text);
    if (text === null) continue;
    if (codePoints(text) > 2000) stored("survey_answers.text", a.created_at, `${codePoints(text)} characters > 2000`);
    if (NUL.test(text) || BIDI_CONTROLS.test(text)) stored("survey_answers.text", a.created_at, "unclean");
  }

  const notes = await db.selectFrom("application_events").select(["note", "created_at"]).where("note", "is not", null).execute();
  for (const e of notes) {
    const note = open(e.note)!;
    // The text (at most 4000) and the attachment descriptor.
    if (codePoints(note) > 5000) stored("application_events.note", e.created_at, `${codePoints(note)} characters > 5000`);
    if (NUL.test(note) || BIDI_CONTROLS.test(note)) stored("application_events.note", e.created_at, `unclean ${JSON.stringify(note.slice(0, 60))}`);
  }
}

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  const random = createRandom(SEED);
  const fast = { floodPerMinute: 1_000_000_000 };
  const maa = await createHarness({ org: "maa", sila: fast });
  const sensitive = await createHarness({ org: "hayat", sila: fast });
  harnesses.push(maa, sensitive);
  const snaps: Snapshot[] = [];
  await driveMaa(maa, snaps);
  await driveSensitive(sensitive, snaps);

  // First contact: every input from a chat never seen.
  const n = perState(snaps.length + 1);
  for (let i = 0; i < n; i++) await attack(maa, "first contact", `fz-new-${i}`, random, [], false);
  for (const s of snaps) {
    for (let i = 0; i < n; i++) {
      await restore(s);
      await attack(s.h, s.label, s.chatId, random, s.offered, s.liveHandoff);
    }
  }
  for (const h of harnesses) {
    await h.sila.outbox.drainOnce();
    await checkStored(h);
  }
}, 420_000);

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  for (const h of harnesses) {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  }
});

describe(`fuzzing every state with hostile input (seed ${SEED})`, () => {
  it("sends at least 10,000 hostile messages across every state of every flow", () => {
    expect(total, `${total} inputs in ${statesFuzzed.size} states`).toBeGreaterThanOrEqual(MIN_INPUTS);
    const states = [...statesFuzzed.keys()];
    for (const expected of [
      "first contact",
      "menu",
      "faq: suggestions shown",
      "feedback: complaint or suggestion",
      "feedback: the complaint's text",
      "status: applications listed",
      "handoff: a person has the conversation",
      "survey: the handoff's one question (scale)",
      "survey: program, a scale question",
      "survey: program, a yes/no question",
      "survey: program, a free-text question",
      "info: answering the committee's request",
    ]) {
      expect(states).toContain(expected);
    }
    for (const step of [
      "choose a program",
      "privacy notice",
      "(fullName)",
      "(nationalId)",
      "(phone)",
      "(city)",
      "(birthDate)",
      "(text)",
      "(number)",
      "(choice)",
      "(yesno)",
      "(date)",
      "(attachment)",
      "confirm the known phone",
      "consent for sensitive data",
      "summary",
      "choose a field to edit",
      "edit a field",
      "attestation",
      "program terms",
      "confirm cancelling",
      "resume a draft",
      "menu with a draft kept",
    ]) {
      expect(states.some((s) => s.includes(step)), step).toBe(true);
    }
  });

  it("never crashes: no unhandled rejection, and every turn is processed", () => {
    expect(rejections.map(String)).toEqual([]);
    expect(summarize("failed")).toEqual([]);
  });

  it("answers every message, except while a person has the conversation", () => {
    expect(summarize("silent")).toEqual([]);
  });

  it("sends replies a channel accepts (not empty, at most 4096 characters)", () => {
    expect(summarize("reply")).toEqual([]);
  });

  it("stores bounded, clean text (messages ≤ 4096, tickets ≤ 4000, answers bounded; no NUL or bidi overrides)", () => {
    expect(summarize("stored")).toEqual([]);
  });
});
