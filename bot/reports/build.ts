/**
 * Reads one period's activity from the database into a `ReportData`:
 * applications by program and status, how long decisions took, satisfaction
 * survey results and response rate, complaints and suggestions.
 *
 * The period is a range of Riyadh calendar days, both included. Each section
 * counts what happened within it:
 * - applications submitted in the period, by their current status;
 * - first decisions (approved or rejected) taken in the period, timed from
 *   the application's submission;
 * - surveys sent in the period, with their answers whenever they came;
 * - complaints and suggestions received in the period, by their current status;
 * - referrals made in the period, by topic, partner and current status (./referrals.ts).
 */
import type { Kysely } from "kysely";
import type { ApplicationStatus, Database } from "../../db/schema";
import { addDays } from "../../flows/dates";
import type { LocalizedText, Profile } from "../../orgs/schema";
import { ValidationError } from "../errors";
import { referralsSection } from "./referrals";
import {
  REPORT_STATUSES,
  REPORT_TICKET_KINDS,
  type ApplicationsSection,
  type DecisionBucket,
  type DecisionStats,
  type DecisionsSection,
  type ProgramApplications,
  type QuestionResult,
  type QuestionType,
  type ReportData,
  type ReportPeriod,
  type StatusCounts,
  type SurveyGroup,
  type SurveysSection,
  type TicketsSection,
} from "./types";

const DAY_MS = 86_400_000;
const DECIDED: ApplicationStatus[] = ["approved", "rejected"];

/** The built-in program survey (used when the profile defines none) and the ticket question. */
export const DEFAULT_PROGRAM_QUESTIONS: ReadonlyArray<{ id: string; type: QuestionType }> = [
  { id: "overall", type: "scale5" },
  { id: "courtesy", type: "scale5" },
  { id: "recommend", type: "yesno" },
  { id: "comment", type: "text" },
];
export const DEFAULT_TICKET_QUESTIONS: ReadonlyArray<{ id: string; type: QuestionType }> = [
  { id: "ticket_satisfaction", type: "scale5" },
];
const BUILT_IN_QUESTION_IDS = new Set([...DEFAULT_PROGRAM_QUESTIONS, ...DEFAULT_TICKET_QUESTIONS].map((q) => q.id));

/**
 * Checks a period given as two YYYY-MM-DD days (from ≤ to); throws
 * `ValidationError` with a one-line reason otherwise.
 */
export function parsePeriod(from: string | undefined, to: string | undefined): ReportPeriod {
  const check = (value: string | undefined, name: string): string => {
    if (!value) throw new ValidationError(`--${name} is required (YYYY-MM-DD)`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new ValidationError(`--${name} "${value}" is not a date in the form YYYY-MM-DD`);
    try {
      addDays(value, 0);
    } catch (cause) {
      throw new ValidationError(`--${name} "${value}" is not a real calendar date`, { cause });
    }
    return value;
  };
  const period = { from: check(from, "from"), to: check(to, "to") };
  if (period.from > period.to) throw new ValidationError(`--from ${period.from} is after --to ${period.to}`);
  return period;
}

/** The UTC instants bounding a period: [start, end), as stored (ISO-8601). */
export function periodBounds(period: ReportPeriod): { start: string; end: string } {
  const riyadhMidnight = (day: string) => new Date(`${day}T00:00:00+03:00`).toISOString();
  return { start: riyadhMidnight(period.from), end: riyadhMidnight(addDays(period.to, 1)) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Program ids in the profile's order, then any others (programs since removed) sorted. */
function orderPrograms(profile: Profile, ids: Iterable<string>): string[] {
  const known = profile.programs.map((p) => p.id);
  const extra = [...new Set(ids)].filter((id) => !known.includes(id)).sort();
  return [...known, ...extra];
}

function programName(profile: Profile, id: string | null): LocalizedText | null {
  return profile.programs.find((p) => p.id === id)?.name ?? null;
}

/** Decision-time ranges, relative to the committee's period P: 0–3, 3–7, 7–14, 14–P, P–2P, more. */
export function decisionBuckets(periodDays: number): Array<Omit<DecisionBucket, "count">> {
  const edges = [...new Set([0, 3, 7, 14, periodDays, periodDays * 2])].sort((a, b) => a - b);
  const buckets: Array<Omit<DecisionBucket, "count">> = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const fromDays = edges[i]!;
    const toDays = edges[i + 1]!;
    buckets.push({ id: `${fromDays}-${toDays}`, fromDays, toDays, withinPeriod: toDays <= periodDays });
  }
  const last = edges[edges.length - 1]!;
  buckets.push({ id: `${last}+`, fromDays: last, toDays: null, withinPeriod: false });
  return buckets;
}

function decisionStats(decisions: ReadonlyArray<{ days: number; outcome: string }>, periodDays: number): DecisionStats {
  const within = decisions.filter((d) => d.days <= periodDays).length;
  return {
    count: decisions.length,
    approved: decisions.filter((d) => d.outcome === "approved").length,
    rejected: decisions.filter((d) => d.outcome === "rejected").length,
    medianDays: median(decisions.map((d) => d.days)),
    withinPeriod: within,
    withinPeriodShare: ratio(within, decisions.length),
  };
}

async function applicationsSection(db: Kysely<Database>, profile: Profile, start: string, end: string): Promise<ApplicationsSection> {
  const rows = await db
    .selectFrom("applications")
    .select(["program_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("submitted_at", ">=", start)
    .where("submitted_at", "<", end)
    .groupBy(["program_id", "status"])
    .execute();
  const byStatus = emptyStatusCounts();
  const programs = new Map<string, ProgramApplications>();
  for (const id of orderPrograms(profile, rows.map((r) => r.program_id))) {
    programs.set(id, { programId: id, name: programName(profile, id), total: 0, byStatus: emptyStatusCounts() });
  }
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    const program = programs.get(r.program_id)!;
    program.byStatus[r.status] = (program.byStatus[r.status] ?? 0) + n;
    program.total += n;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + n;
    total += n;
  }
  return { total, byStatus, byProgram: [...programs.values()] };
}

async function decisionsSection(db: Kysely<Database>, profile: Profile, start: string, end: string): Promise<DecisionsSection> {
  const periodDays = profile.committee.decisionPeriodDays;
  const events = await db
    .selectFrom("application_events as e")
    .innerJoin("applications as a", "a.id", "e.application_id")
    .select(["e.application_id", "e.to_status", "e.created_at", "a.program_id", "a.submitted_at"])
    .where("e.to_status", "in", DECIDED)
    .where("e.created_at", "<", end)
    .orderBy("e.created_at")
    .orderBy("e.id")
    .execute();

  const first = new Map<number, (typeof events)[number]>();
  for (const e of events) if (!first.has(e.application_id)) first.set(e.application_id, e);

  const decisions = [...first.values()]
    .filter((e) => e.created_at >= start)
    .map((e) => ({
      programId: e.program_id,
      outcome: e.to_status ?? "",
      days: Math.max(0, (Date.parse(e.created_at) - Date.parse(e.submitted_at)) / DAY_MS),
    }));

  const buckets: DecisionBucket[] = decisionBuckets(periodDays).map((b) => ({
    ...b,
    count: decisions.filter((d) => (b.fromDays === 0 ? d.days >= 0 : d.days > b.fromDays) && (b.toDays === null || d.days <= b.toDays)).length,
  }));

  const byProgram = orderPrograms(profile, decisions.map((d) => d.programId))
    .map((programId) => ({
      programId,
      name: programName(profile, programId),
      ...decisionStats(decisions.filter((d) => d.programId === programId), periodDays),
    }))
    .filter((p) => p.count > 0);

  const overdueSince = new Date(Date.parse(end) - periodDays * DAY_MS).toISOString();
  const overdue = await db
    .selectFrom("applications as a")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("a.submitted_at", "<", overdueSince)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("application_events as e")
            .select("e.id")
            .whereRef("e.application_id", "=", "a.id")
            .where("e.to_status", "in", [...DECIDED, "withdrawn"])
            .where("e.created_at", "<", end),
        ),
      ),
    )
    .executeTakeFirstOrThrow();

  return { ...decisionStats(decisions, periodDays), periodDays, buckets, byProgram, overdueAtEnd: Number(overdue.n) };
}

type QuestionSpec = { id: string; type: QuestionType; label: LocalizedText | null };

async function surveysSection(db: Kysely<Database>, profile: Profile, start: string, end: string): Promise<SurveysSection> {
  const surveys = await db
    .selectFrom("surveys")
    .select(["id", "kind", "program_id", "status"])
    .where("sent_at", ">=", start)
    .where("sent_at", "<", end)
    .where("status", "in", ["sent", "answered"])
    .execute();
  const answers = await db
    .selectFrom("survey_answers as sa")
    .innerJoin("surveys as s", "s.id", "sa.survey_id")
    .select(["sa.survey_id", "sa.question_id", "sa.type", "sa.score", "sa.text"])
    .where("s.sent_at", ">=", start)
    .where("s.sent_at", "<", end)
    .where("s.status", "in", ["sent", "answered"])
    .orderBy("sa.id")
    .execute();

  const programQuestions: QuestionSpec[] = profile.survey?.length
    ? profile.survey.map((q) => ({ id: q.id, type: q.type, label: q.text }))
    : DEFAULT_PROGRAM_QUESTIONS.map((q) => ({ ...q, label: null }));
  const ticketQuestions: QuestionSpec[] = DEFAULT_TICKET_QUESTIONS.map((q) => ({ ...q, label: null }));

  const groupKey = (s: { kind: string; program_id: string | null }) => (s.kind === "ticket" ? "ticket" : `program:${s.program_id ?? ""}`);
  const surveyGroup = new Map(surveys.map((s) => [s.id, groupKey(s)]));

  // Program groups in the profile's program order, ticket surveys last.
  const keys = [
    ...orderPrograms(profile, surveys.filter((s) => s.kind === "program").map((s) => s.program_id ?? "")).map((id) => `program:${id}`),
    "ticket",
  ].filter((k) => surveys.some((s) => groupKey(s) === k));

  const groups: SurveyGroup[] = keys.map((key) => {
    const members = surveys.filter((s) => groupKey(s) === key);
    const answered = members.filter((s) => s.status === "answered").length;
    const isTicket = key === "ticket";
    const programId = isTicket ? null : key.slice("program:".length) || null;
    const groupAnswers = answers.filter((a) => surveyGroup.get(a.survey_id) === key);
    const specs: QuestionSpec[] = [...(isTicket ? ticketQuestions : programQuestions)];
    for (const a of groupAnswers) {
      if (!specs.some((q) => q.id === a.question_id)) {
        const type: QuestionType = a.type === "scale5" || a.type === "yesno" || a.type === "text" ? a.type : "unknown";
        specs.push({ id: a.question_id, type, label: null });
      }
    }
    const questions: QuestionResult[] = specs.map((q) => {
      const mine = groupAnswers.filter((a) => a.question_id === q.id);
      const skipped = mine.filter((a) => a.type === "skipped").length;
      const given = mine.filter((a) => a.type !== "skipped");
      const scores = given.map((a) => a.score).filter((s): s is number => s !== null);
      const isScored = q.type === "scale5" || q.type === "yesno" || (q.type === "unknown" && scores.length > 0);
      const count = isScored ? scores.length : given.filter((a) => (a.text ?? "").trim() !== "").length;
      return {
        questionId: q.id,
        type: q.type,
        label: q.label,
        labelKey: !q.label && BUILT_IN_QUESTION_IDS.has(q.id) ? `report:question.${q.id}` : null,
        count,
        average: isScored ? mean(scores) : null,
        skipped,
      };
    });
    return {
      kind: isTicket ? "ticket" : "program",
      programId,
      name: programName(profile, programId),
      sent: members.length,
      answered,
      responseRate: ratio(answered, members.length),
      questions,
    };
  });

  const answered = surveys.filter((s) => s.status === "answered").length;
  return { sent: surveys.length, answered, responseRate: ratio(answered, surveys.length), groups };
}

async function ticketsSection(db: Kysely<Database>, start: string, end: string): Promise<TicketsSection> {
  const rows = await db
    .selectFrom("tickets")
    .select(["kind", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("kind", "in", [...REPORT_TICKET_KINDS])
    .where("created_at", ">=", start)
    .where("created_at", "<", end)
    .groupBy(["kind", "status"])
    .execute();
  const section = Object.fromEntries(REPORT_TICKET_KINDS.map((k) => [k, { total: 0, open: 0, closed: 0 }])) as TicketsSection;
  for (const r of rows) {
    if (r.kind !== "complaint" && r.kind !== "suggestion") continue;
    const n = Number(r.n);
    section[r.kind].total += n;
    section[r.kind][r.status] += n;
  }
  return section;
}

/** Reads the report of `period` (Riyadh days, both included) for the association in `profile`. */
export async function buildReport(db: Kysely<Database>, profile: Profile, period: ReportPeriod): Promise<ReportData> {
  const checked = parsePeriod(period.from, period.to);
  const { start, end } = periodBounds(checked);
  return {
    org: { slug: profile.slug, name: profile.name },
    period: checked,
    applications: await applicationsSection(db, profile, start, end),
    decisions: await decisionsSection(db, profile, start, end),
    surveys: await surveysSection(db, profile, start, end),
    tickets: await ticketsSection(db, start, end),
    referrals: await referralsSection(db, profile, start, end),
  };
}
