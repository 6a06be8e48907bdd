/**
 * The fuzz test's walks: conversations driven the way a person would, through
 * every flow of two profiles, with a snapshot of each state they pass so that
 * hostile input can be sent from each (tests/fuzz.test.ts).
 */
import { validNationalId, type Harness } from "../helpers";
import { typedAnswer } from "../form-helpers";
import { formFields, type FormField } from "../../flows/form";
import { riyadhDate } from "../../flows/dates";
import { decide } from "../../bot/decisions";
import { dispatchProgramSurveys } from "../../bot/surveys";
import type { InboundContent, OutboundMessage } from "../../bot/channels/types";

export interface Snapshot {
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
export async function sessionOf(h: Harness, chatId: string): Promise<{ flow: string; step?: Step; reference?: string; index?: number }> {
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

/** A valid answer to any question of the form: the core questions here, the program's fields as the form tests type them. */
function validAnswer(field: FormField, nationalId: string): string | InboundContent {
  switch (field.type) {
    case "fullName":
      return "محمد عبدالله الحربي";
    case "city":
      return "بريدة";
    case "birthDate":
      return "1410/05/20";
    default:
      if (field.id === "national_id") return nationalId;
      if (field.id === "mobile") return "0551234567";
      return typedAnswer({ type: field.type, min: field.min, when: field.when });
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

export async function driveMaa(h: Harness, snaps: Snapshot[]): Promise<void> {
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

export async function driveSensitive(h: Harness, snaps: Snapshot[]): Promise<void> {
  const w = new Walker(h, "fz-sensitive", snaps);
  await w.say("السلام عليكم");
  await w.snap(`menu (${h.profile.slug})`);
  const program = h.profile.programs.find((p) => p.open && p.fields.some((f) => f.sensitive && f.type === "attachment")) ?? h.profile.programs[0]!;
  await walkApplication(w, program.id, validNationalId(7400), { snapCore: false, detours: false });
  await walkSubmission(w, `${h.profile.slug}/${program.id}`, false);
}

export async function restore(s: Snapshot): Promise<void> {
  const db = s.h.opened.db;
  await db.updateTable("sessions").set({ state: s.state, version: s.version }).where("identity_id", "=", s.identityId).execute();
  await db.updateTable("contacts").set({ locale: s.locale }).where("id", "=", s.contactId).execute();
  if (s.reopenTicket) {
    await db.updateTable("tickets").set({ status: "open", closed_at: null, closed_by: null }).where("reference", "=", s.reopenTicket).execute();
  }
  if (s.needsInfo) await db.updateTable("applications").set({ status: "needs_info" }).where("reference", "=", s.needsInfo).execute();
}
