/**
 * Satisfaction surveys outside a turn: created when a program enrolment ends
 * (sent by the scheduler outside quiet hours, one reminder if unanswered) or
 * when a handoff or complaint is closed (one short question). The survey's
 * conversation is put on the beneficiary's most recent chat, so their next
 * message answers it, however many days later.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import * as repo from "../db/repo";
import { SESSION_VERSION } from "../flows/types";
import type { ApplicationDraft, Carried, SessionState, SurveyQuestion, Text } from "../flows/types";
import { programSurveyQuestions, surveyPrompt } from "../flows/survey";
import { heldOf } from "../flows/session";
import { riyadhDate } from "../flows/dates";
import type { CalendarSource } from "./calendar";
import type { Calendar } from "../flows/calendar";
import type { Profile } from "../orgs/schema";
import type { Translator } from "./i18n";
import { notifyContact, type NoticeSpec } from "./notify";

/** A program's name as a text (its id when the profile no longer has it). */
const programText = (profile: Profile, id: string | null): Text => {
  const p = profile.programs.find((x) => x.id === id);
  return p ? { localized: p.name } : { literal: id ?? "-" };
};

export interface SurveyDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  clock: () => Date;
  /** Invitations and reminders wait out quiet hours and prayer windows. */
  calendar: CalendarSource;
}

/** True when bulk messages may go now; otherwise a job sends nothing and its next run catches up. */
export async function maySendBulk(calendar: CalendarSource, now: Date): Promise<boolean> {
  return (await calendar.get()).sendTime(now, "bulk").getTime() <= now.getTime();
}

/**
 * Creates the one-question survey for a closed ticket (once per ticket); returns its id or null
 * (none after a handoff no staff member answered).
 */
export async function createTicketSurvey(db: repo.Executor, ticketReference: string, at: string): Promise<number | null> {
  const ticket = await db.selectFrom("tickets").select(["id", "contact_id", "kind", "answered_at"]).where("reference", "=", ticketReference).executeTakeFirst();
  if (!ticket || (ticket.kind !== "handoff" && ticket.kind !== "complaint")) return null;
  // Nobody from the association answered this conversation: there is nothing to rate.
  if (ticket.kind === "handoff" && ticket.answered_at === null) return null;
  const row = await db
    .insertInto("surveys")
    .values({ contact_id: ticket.contact_id, kind: "ticket", enrolment_id: null, ticket_id: ticket.id, program_id: null, status: "sent", created_at: at, sent_at: at, reminded_at: null, answered_at: null })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * What a saved conversation carries into another one a job puts on the chat:
 * its unfinished application, and parts of a reply to the committee not sent
 * yet. As stored: sealed parts stay sealed, and are opened with the rest of
 * the state when it is loaded.
 */
export function carriedFrom(saved: unknown): Carried {
  const draft = (saved as { draft?: ApplicationDraft } | null)?.draft;
  const stored = saved && typeof saved === "object" && "flow" in saved ? (saved as SessionState) : undefined;
  const held =
    stored?.flow === "info" && stored.parts && !(Array.isArray(stored.parts) && stored.parts.length === 0)
      ? { reference: stored.reference, parts: stored.parts }
      : stored
        ? heldOf(stored)
        : undefined;
  return { ...(draft ? { draft } : {}), ...(held ? { heldInfo: held } : {}) };
}

/**
 * Puts the survey's conversation on the contact's latest chat and queues its
 * first (or current) question; keeps an unfinished application draft.
 */
export async function openSurveyConversation(
  db: repo.Executor,
  translator: Translator,
  a: {
    contactId: number;
    surveyId: number;
    questions: SurveyQuestion[];
    index: number;
    lead: Text[];
    at: string;
    dedupeKey: string;
    /** A scheduled wave (program surveys, reminders): sent after the replies of conversations. */
    bulk?: boolean;
    /** How it goes outside WhatsApp's 24-hour window (a notice of the ladder); default a survey invitation. */
    notice?: NoticeSpec;
  },
): Promise<boolean> {
  const latest = await repo.latestSession(db, a.contactId);
  if (!latest) return false;
  const state: Extract<SessionState, { flow: "survey" }> = {
    flow: "survey",
    surveyId: a.surveyId,
    questions: a.questions,
    index: a.index,
    scores: {},
    ...carriedFrom(latest.state),
  };
  const queued = await notifyContact(db, translator, a.contactId, surveyPrompt(state, a.lead), a.at, {
    dedupeKey: a.dedupeKey,
    bulk: a.bulk ?? false,
    notice: a.notice ?? { kind: "survey" },
  });
  if (queued) await repo.saveSession(db, latest.identityId, SESSION_VERSION, { ...state, lastActiveAt: a.at }, a.at);
  return queued;
}

/**
 * Ends enrolments whose end date has come and sends their survey. Outside
 * quiet hours and prayer windows only (the calendar): during them nothing is
 * sent and the next run catches up. Idempotent: an enrolment has at most one survey.
 */
export async function dispatchProgramSurveys(deps: SurveyDeps): Promise<number> {
  const now = deps.clock();
  if (!(await maySendBulk(deps.calendar, now))) return 0;
  const at = now.toISOString();
  const today = riyadhDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("enrolments as e")
      .leftJoin("surveys as s", "s.enrolment_id", "e.id")
      .select(["e.id", "e.contact_id", "e.program_id"])
      .where("e.ends_on", "<=", today)
      .where("s.id", "is", null)
      .execute();
    let sent = 0;
    for (const e of due) {
      await trx.updateTable("enrolments").set({ status: "ended" }).where("id", "=", e.id).execute();
      const survey = await trx
        .insertInto("surveys")
        .values({ contact_id: e.contact_id, kind: "program", enrolment_id: e.id, ticket_id: null, program_id: e.program_id, status: "sent", created_at: at, sent_at: at, reminded_at: null, answered_at: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      const program = deps.profile.programs.find((p) => p.id === e.program_id);
      const ok = await openSurveyConversation(trx, deps.translator, {
        contactId: e.contact_id,
        surveyId: survey.id,
        questions: programSurveyQuestions(deps.profile),
        index: 0,
        lead: [{ key: "survey:intro", params: { program: program ? { localized: program.name } : e.program_id } }],
        at,
        dedupeKey: `survey:${survey.id}`,
        bulk: true,
        notice: { kind: "survey", params: { program: program ? { localized: program.name } : { literal: e.program_id } } },
      });
      if (ok) sent++;
    }
    return sent;
  });
}

/**
 * When the reminder of a survey sent at `sentAt` falls due: `afterDays` later, counted as the
 * committee's period is (`committee.decisionPeriodIn`): in working days, the same time of day
 * `afterDays` working days later (weekends and closures skipped, a Thursday's survey is reminded
 * on Tuesday); otherwise in calendar days.
 */
export function reminderDue(calendar: Calendar, sentAt: string, afterDays: number): Date {
  const sent = new Date(sentAt);
  if (calendar.profile.committee.decisionPeriodIn !== "workingDays") return new Date(sent.getTime() + afterDays * 86_400_000);
  const day = riyadhDate(sent);
  const dueDay = calendar.addWorkingDays(day, afterDays);
  // Riyadh keeps one offset all year: whole days later is the same time of day.
  return new Date(sent.getTime() + Math.round((Date.parse(dueDay) - Date.parse(day)) / 86_400_000) * 86_400_000);
}

/**
 * One reminder for a program survey unanswered `afterDays` after it was sent (working days where
 * the profile counts the committee's period in them: `reminderDue`), outside quiet hours and
 * prayer windows.
 */
export async function remindSurveys(deps: SurveyDeps, afterDays = 3): Promise<number> {
  const now = deps.clock();
  if (!(await maySendBulk(deps.calendar, now))) return 0;
  const calendar = await deps.calendar.get();
  const at = now.toISOString();
  // Working days are never fewer than calendar days: the query reads only what may be due.
  const before = new Date(now.getTime() - afterDays * 86_400_000).toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom("surveys")
      .select(["id", "contact_id", "program_id", "sent_at"])
      .where("kind", "=", "program")
      .where("status", "=", "sent")
      .where("reminded_at", "is", null)
      .where("sent_at", "<=", before)
      .execute();
    const due = candidates.filter((s) => s.sent_at !== null && reminderDue(calendar, s.sent_at, afterDays).getTime() <= now.getTime());
    let sent = 0;
    for (const s of due) {
      await trx.updateTable("surveys").set({ reminded_at: at }).where("id", "=", s.id).execute();
      const answered = await trx.selectFrom("survey_answers").select("question_id").where("survey_id", "=", s.id).execute();
      const questions = programSurveyQuestions(deps.profile);
      const index = questions.findIndex((q) => !answered.some((a) => a.question_id === q.id));
      const ok = await openSurveyConversation(trx, deps.translator, {
        contactId: s.contact_id,
        surveyId: s.id,
        questions,
        index: index < 0 ? 0 : index,
        lead: [{ key: "survey:reminder" }],
        at,
        dedupeKey: `survey-reminder:${s.id}`,
        bulk: true,
        notice: { kind: "reminder", params: { program: programText(deps.profile, s.program_id) } },
      });
      if (ok) sent++;
    }
    return sent;
  });
}
