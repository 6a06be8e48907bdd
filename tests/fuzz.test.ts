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
import { createHarness, SUNDAY_NOON, validNationalId, type Harness } from "./helpers";
import { BIDI_CONTROLS, describeInput, hostileInput } from "./fakes/hostile";
import { createRandom, parseSeed, type Random } from "../scripts/crash/random";
import { formFields, type FormField } from "../flows/form";
import { riyadhDate } from "../flows/dates";
import { decide } from "../bot/decisions";
import { dispatchProgramSurveys } from "../bot/surveys";
import type { InboundContent, OutboundMessage } from "../bot/channels/types";

const SEED = parseSeed(process.env["FUZZ_SEED"], 0x51a);
const MIN_INPUTS = 10_000;
/** Messages per state: FUZZ_PER_STATE, or enough for MIN_INPUTS over all states. */
const perState = (states: number): number =>
  process.env["FUZZ_PER_STATE"] ? Number(process.env["FUZZ_PER_STATE"]) : Math.ceil(MIN_INPUTS / states);

interface Snapshot {
  label: string;
  h: Harness;
  chatId: string;
  identityId: number;
  contactId: number;
  state: string;
  version: number;
  locale: string;
  /** Values of the buttons shown in this state. */
  offered: string[];
  /** A person has the conversation: silence is the design. */
  liveHandoff: boolean;
  reopenTicket?: string;
  needsInfo?: string;
}

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

const identities = new Map<string, { identityId: number; contactId: number }>();
async function identity(h: Harness, chatId: string): Promise<{ identityId: number; contactId: number }> {
  const key = `${h.profile.slug}:${chatId}`;
  const known = identities.get(key);
  if (known) return known;
  const r = await h.opened.db
    .selectFrom("channel_identities")
    .select(["id", "contact_id"])
    .where("channel", "=", "console")
    .where("external_id", "=", chatId)
    .executeTakeFirstOrThrow();
  const found = { identityId: r.id, contactId: r.contact_id };
  identities.set(key, found);
  return found;
}

interface Step {
  name: string;
  fieldId?: string;
}
async function sessionOf(h: Harness, chatId: string): Promise<{ flow: string; step?: Step; reference?: string; index?: number }> {
  const { identityId } = await identity(h, chatId);
  const s = await h.opened.db.selectFrom("sessions").select("state").where("identity_id", "=", identityId).executeTakeFirstOrThrow();
  return JSON.parse(s.state) as { flow: string; step?: Step };
}

/** A conversation driven the way a person would, taking snapshots of the states it passes. */
class Walker {
  offered: string[] = [];
  constructor(
    readonly h: Harness,
    readonly chatId: string,
    readonly snapshots: Snapshot[],
  ) {}

  async say(content: string | InboundContent): Promise<OutboundMessage[]> {
    const replies = await this.h.say(content, this.chatId);
    const last = replies.at(-1);
    this.offered = last?.choices?.map((c) => c.value) ?? [];
    return replies;
  }

  async snap(label: string, extra: Partial<Snapshot> = {}): Promise<void> {
    if (this.snapshots.some((s) => s.label === label)) return;
    const { identityId, contactId } = await identity(this.h, this.chatId);
    const s = await this.h.opened.db.selectFrom("sessions").select(["state", "version"]).where("identity_id", "=", identityId).executeTakeFirstOrThrow();
    const c = await this.h.opened.db.selectFrom("contacts").select("locale").where("id", "=", contactId).executeTakeFirstOrThrow();
    this.snapshots.push({
      label,
      h: this.h,
      chatId: this.chatId,
      identityId,
      contactId,
      state: s.state,
      version: s.version,
      locale: c.locale,
      offered: [...this.offered],
      liveHandoff: false,
      ...extra,
    });
  }

  state(): ReturnType<typeof sessionOf> {
    return sessionOf(this.h, this.chatId);
  }
}

function validAnswer(field: FormField, nationalId: string): string | InboundContent {
  switch (field.type) {
    case "fullName":
      return "محمد عبدالله الحربي";
    case "nationalId":
      return field.id === "national_id" ? nationalId : validNationalId(424242);
    case "phone":
      return field.id === "mobile" ? "0551234567" : "0561234567";
    case "city":
      return "بريدة";
    case "birthDate":
      return "1410/05/20";
    case "text":
      return "إجابة تجريبية";
    case "number":
      return String(field.min ?? 1);
    case "choice":
    case "yesno":
      return "1";
    case "date":
      return field.when === "future" ? "1450/01/01" : "1445/01/01";
    case "location":
      return "حي النخيل";
    case "attachment":
      return { kind: "media", mediaType: "document", fileRef: "/tmp/doc.pdf", mimeType: "application/pdf", fileName: "doc.pdf", size: 2048 };
  }
}

/**
 * From the menu, applies to `programId` and answers until the summary,
 * taking a snapshot at each program field, at consent and phone
 * confirmation, and (`snapCore`) at the common steps; `detours` also visits
 * cancel confirmation, the menu with a draft kept, and resuming it.
 */
async function walkApplication(
  w: Walker,
  programId: string,
  nationalId: string,
  options: { snapCore: boolean; detours: boolean },
): Promise<void> {
  const h = w.h;
  const program = h.profile.programs.find((p) => p.id === programId)!;
  const open = h.profile.programs.filter((p) => p.open);
  const fields = formFields(program);
  const tag = `${h.profile.slug}/${programId}`;
  await w.say("القائمة");
  await w.say("1");
  if (open.length > 1) {
    if (options.snapCore) await w.snap(`apply: choose a program (${h.profile.slug})`);
    await w.say(String(open.indexOf(program) + 1));
  }
  if (options.snapCore) await w.snap(`apply: privacy notice (${h.profile.slug})`);
  await w.say("1");
  let detoured = false;
  for (let guard = 0; guard < 60; guard++) {
    const s = await w.state();
    const step = s.step;
    if (s.flow !== "apply" || !step) throw new Error(`${tag}: left the application (${JSON.stringify(s)})`);
    if (step.name === "summary") return;
    if (step.name === "sensitiveConsent") {
      await w.snap(`apply: consent for sensitive data (${tag})`);
      await w.say("1");
      continue;
    }
    if (step.name === "confirmPhone") {
      await w.snap(`apply: confirm the known phone (${tag})`);
      await w.say("1");
      continue;
    }
    if (step.name !== "field") throw new Error(`${tag}: unexpected step ${step.name}`);
    const field = fields.find((f) => f.id === step.fieldId)!;
    const core = ["full_name", "national_id", "mobile", "city", "birth_date"].includes(field.id);
    if (!core || options.snapCore) await w.snap(`apply: field ${field.id} (${field.type}) (${tag})`);
    if (options.detours && !detoured && field.id === "city") {
      detoured = true;
      await w.say("إلغاء");
      await w.snap(`apply: confirm cancelling (${tag})`);
      await w.say("2");
      await w.say("القائمة");
      await w.snap(`menu with a draft kept (${tag})`);
      await w.say("1");
      await w.snap(`apply: resume a draft (${tag})`);
      await w.say("1");
      continue;
    }
    await w.say(validAnswer(field, nationalId));
  }
  throw new Error(`${tag}: the form did not reach the summary`);
}

/** From the summary: snapshots of the summary, editing, cancelling, attesting and the terms; then submits. */
async function walkSubmission(w: Walker, tag: string, snap: boolean): Promise<void> {
  if (snap) {
    await w.snap(`apply: summary (${tag})`);
    await w.say("2");
    await w.snap(`apply: choose a field to edit (${tag})`);
    await w.say("4"); // the city
    await w.snap(`apply: edit a field (${tag})`);
    await w.say("عنيزة");
    await w.say("3");
    await w.snap(`apply: confirm cancelling at the summary (${tag})`);
    await w.say("2");
  }
  await w.say("1");
  if (snap) await w.snap(`apply: attestation (${tag})`);
  await w.say("1");
  if (snap) await w.snap(`apply: program terms (${tag})`);
  const done = await w.say("1");
  const s = await w.state();
  if (s.flow !== "menu") throw new Error(`${tag}: not submitted: ${done.map((m) => m.text).join(" / ")}`);
}

async function latestReference(h: Harness, contactId: number): Promise<string> {
  const r = await h.opened.db.selectFrom("applications").select("reference").where("contact_id", "=", contactId).orderBy("id", "desc").executeTakeFirstOrThrow();
  return r.reference;
}

async function driveMaa(h: Harness, snaps: Snapshot[]): Promise<void> {
  const menu = new Walker(h, "fz-menu", snaps);
  await menu.say("السلام عليكم");
  await menu.snap("menu");
  await menu.say("3");
  await menu.snap("faq: suggestions shown");

  const fb = new Walker(h, "fz-feedback", snaps);
  await fb.say("مرحبا");
  await fb.say("4");
  await fb.snap("feedback: complaint or suggestion");
  await fb.say("1");
  await fb.snap("feedback: the complaint's text");

  // One person applies to every program; the second and third find their phone already known.
  const apply = new Walker(h, "fz-apply", snaps);
  await apply.say("السلام عليكم");
  const programs = h.profile.programs.filter((p) => p.open);
  for (const [i, p] of programs.entries()) {
    await walkApplication(apply, p.id, validNationalId(7100 + i), { snapCore: i === 0, detours: i === 0 });
    await walkSubmission(apply, `${h.profile.slug}/${p.id}`, i === 0);
  }
  await apply.say("2");
  await apply.snap("status: applications listed");

  const handoff = new Walker(h, "fz-handoff", snaps);
  await handoff.say("مرحبا");
  await handoff.say("موظف");
  const ho = await handoff.state();
  if (ho.flow !== "handoff" || !ho.reference) throw new Error("no handoff");
  await handoff.snap("handoff: a person has the conversation", { liveHandoff: true, reopenTicket: ho.reference });
  // A staff member answered (a handoff nobody answered is closed without a survey).
  await h.opened.db.updateTable("tickets").set({ answered_at: h.now().toISOString() }).where("reference", "=", ho.reference).execute();
  await handoff.say("إنهاء");
  if ((await handoff.state()).flow !== "survey") throw new Error("no ticket survey");
  await handoff.snap("survey: the handoff's one question (scale)");

  const deps = { db: h.opened.db, profile: h.profile, translator: h.sila.translator, clock: () => h.now(), calendar: h.sila.calendar };
  const info = new Walker(h, "fz-info", snaps);
  await info.say("السلام عليكم");
  await walkApplication(info, programs[0]!.id, validNationalId(7200), { snapCore: false, detours: false });
  await walkSubmission(info, "info", false);
  const infoRef = await latestReference(h, (await identity(h, "fz-info")).contactId);
  const asked = await decide(deps, { reference: infoRef, decision: "needinfo", actor: "staff:console:1", note: "صورة الصك" });
  if (!asked.ok) throw new Error(`needinfo: ${JSON.stringify(asked)}`);
  info.offered = [`info:${infoRef}`];
  await info.snap("info: answering the committee's request", { needsInfo: infoRef });

  const survey = new Walker(h, "fz-survey", snaps);
  await survey.say("السلام عليكم");
  await walkApplication(survey, programs[0]!.id, validNationalId(7300), { snapCore: false, detours: false });
  await walkSubmission(survey, "survey", false);
  const surveyRef = await latestReference(h, (await identity(h, "fz-survey")).contactId);
  const today = riyadhDate(h.now());
  const approved = await decide(deps, { reference: surveyRef, decision: "approve", actor: "staff:console:1", startsOn: today, endsOn: today });
  if (!approved.ok) throw new Error(`approve: ${JSON.stringify(approved)}`);
  if ((await dispatchProgramSurveys(deps)) !== 1) throw new Error("no program survey");
  survey.offered = ["1", "2", "3", "4", "5"];
  await survey.snap("survey: program, a scale question");
  await survey.say("5");
  await survey.say("4");
  await survey.snap("survey: program, a yes/no question");
  await survey.say("نعم");
  await survey.snap("survey: program, a free-text question");
}

async function driveSensitive(h: Harness, snaps: Snapshot[]): Promise<void> {
  const w = new Walker(h, "fz-sensitive", snaps);
  await w.say("السلام عليكم");
  await w.snap(`menu (${h.profile.slug})`);
  const program = h.profile.programs.find((p) => p.open && p.fields.some((f) => f.sensitive && f.type === "attachment")) ?? h.profile.programs[0]!;
  await walkApplication(w, program.id, validNationalId(7400), { snapCore: false, detours: false });
  await walkSubmission(w, `${h.profile.slug}/${program.id}`, false);
}

async function restore(s: Snapshot): Promise<void> {
  const db = s.h.opened.db;
  await db.updateTable("sessions").set({ state: s.state, version: s.version }).where("identity_id", "=", s.identityId).execute();
  await db.updateTable("contacts").set({ locale: s.locale }).where("id", "=", s.contactId).execute();
  if (s.reopenTicket) {
    await db.updateTable("tickets").set({ status: "open", closed_at: null, closed_by: null }).where("reference", "=", s.reopenTicket).execute();
  }
  if (s.needsInfo) await db.updateTable("applications").set({ status: "needs_info" }).where("reference", "=", s.needsInfo).execute();
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
