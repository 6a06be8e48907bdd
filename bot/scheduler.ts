/**
 * Scheduled jobs (node-cron, Asia/Riyadh). Every job reads what is due from
 * the database rather than trusting that it ran before, so it is idempotent
 * (running it twice sends nothing twice) and catches up after downtime.
 * Proactive messages wait out the profile's quiet hours: a job skips during
 * them and its next run sends what is still due.
 */
import type { Kysely } from "kysely";
import { schedule as cronSchedule, type ScheduledTask } from "node-cron";
import type { Database } from "../db/schema";
import * as repo from "../db/repo";
import { riyadhDate, riyadhParts } from "../flows/dates";
import type { CalendarSource } from "./calendar";
import type { ApplicationDraft } from "../flows/types";
import type { Profile } from "../orgs/schema";
import type { StaffTarget } from "./engine";
import type { OutboxSender } from "./engine/outbox";
import type { Translator } from "./i18n";
import type { Logger } from "./log";
import { notifyContact, notifyStaff } from "./notify";
import { dispatchProgramSurveys, maySendBulk, remindSurveys } from "./surveys";
import { applyRetention } from "./privacy";
import { escalateUnclaimedAlerts } from "./safeguarding";
import { followUpReferrals } from "./referrals/followup";

export const TIMEZONE = "Asia/Riyadh";

export interface JobDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  clock: () => Date;
  staff: readonly StaffTarget[];
  /** Hours, closures, quiet hours and prayer windows (the committee's working days too). */
  calendar: CalendarSource;
}

/**
 * The daily digest to staff of applications still without a decision past the
 * profile's period; once a day, from `hour` on (Riyadh time).
 */
export async function overdueDigest(deps: JobDeps, hour = 9): Promise<number> {
  const now = deps.clock();
  if (riyadhParts(now).hour < hour || deps.staff.length === 0) return 0;
  const days = deps.profile.committee.decisionPeriodDays;
  // The period is at least `days` calendar days (working days or a day off at its end make it longer).
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const calendar = await deps.calendar.get();
  const today = riyadhDate(now);
  const overdue = (
    await deps.db
      .selectFrom("applications")
      .select(["reference", "program_id", "status", "submitted_at"])
      .where("status", "in", repo.OPEN_STATUSES)
      .where("submitted_at", "<=", cutoff)
      .orderBy("submitted_at")
      .execute()
  ).filter((a) => calendar.decisionDate(new Date(a.submitted_at)) < today);
  if (overdue.length === 0) return 0;
  const key = `digest:${riyadhDate(now)}`;
  const already = await deps.db.selectFrom("outbox").select("id").where("dedupe_key", "like", `${key}:%`).executeTakeFirst();
  if (already) return 0;
  const lines = overdue.map((a) => {
    const program = deps.profile.programs.find((p) => p.id === a.program_id);
    return {
      key: "staff:overdueLine",
      params: {
        reference: { ltr: a.reference },
        program: program ? { localized: program.name } : a.program_id,
        status: { key: `status:state.${a.status}` },
        submitted: { date: a.submitted_at },
      },
    };
  });
  await notifyStaff(
    deps.db,
    deps.translator,
    deps.staff,
    { key: "staff:overdueDigest", params: { count: overdue.length, days, lines: { list: lines, lines: true } } },
    now.toISOString(),
    { dedupeKey: key },
  );
  return overdue.length;
}

/** One nudge for an application form left untouched for a day (outside quiet hours and prayer windows). */
export async function nudgeUnfinishedForms(deps: JobDeps, afterHours = 24): Promise<number> {
  const now = deps.clock();
  if (!(await maySendBulk(deps.calendar, now))) return 0;
  const before = new Date(now.getTime() - afterHours * 3_600_000).toISOString();
  const rows = await deps.db
    .selectFrom("sessions as s")
    .innerJoin("channel_identities as i", "i.id", "s.identity_id")
    .select(["s.identity_id", "s.state", "i.contact_id"])
    .where("s.updated_at", "<=", before)
    .where("s.state", "like", '%"draft"%')
    .execute();
  let sent = 0;
  for (const r of rows) {
    const state = JSON.parse(r.state) as { flow?: string; draft?: ApplicationDraft | null };
    const draft = state.draft;
    if (!draft) continue;
    const program = deps.profile.programs.find((p) => p.id === draft.programId);
    if (!program) continue;
    const queued = await notifyContact(
      deps.db,
      deps.translator,
      r.contact_id,
      { text: [{ key: "apply:nudge", params: { program: { localized: program.name } } }] },
      now.toISOString(),
      {
        dedupeKey: `nudge:${r.identity_id}:${draft.startedAt}`,
        bulk: true,
        notice: { kind: "reminder", params: { program: { localized: program.name } } },
      },
    );
    if (queued) sent++;
  }
  return sent;
}

export interface SchedulerDeps extends JobDeps {
  outbox: OutboxSender;
  log: Logger;
  /** node-cron's `schedule`, injectable so tests can drive the jobs. */
  schedule?: (expression: string, fn: () => Promise<void>, options: { timezone: string; name: string; noOverlap: boolean }) => Pick<ScheduledTask, "stop">;
}

export interface Scheduler {
  /** Runs every job once now (start-up catch-up, the console's /time); false when one failed (it is logged). */
  runAll(): Promise<boolean>;
  start(): void;
  stop(): void;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const schedule = deps.schedule ?? ((expr, fn, options) => cronSchedule(expr, fn, options));
  const jobs: Array<{ name: string; cron: string; run: () => Promise<unknown> }> = [
    { name: "surveys", cron: "*/15 * * * *", run: () => dispatchProgramSurveys(deps) },
    { name: "survey-reminders", cron: "5 * * * *", run: () => remindSurveys(deps) },
    { name: "overdue-digest", cron: "0 9 * * *", run: () => overdueDigest(deps) },
    { name: "form-nudges", cron: "20 * * * *", run: () => nudgeUnfinishedForms(deps) },
    // Did the partner of a referral help? Asked once, one reminder, then "no answer".
    { name: "referral-follow-ups", cron: "35 * * * *", run: () => followUpReferrals(deps) },
    { name: "outbox", cron: "* * * * *", run: () => deps.outbox.drainOnce() },
    // Urgent safety alerts nobody claimed go to the next role (any hour: staff alerts ignore quiet hours).
    { name: "safety-escalation", cron: "* * * * *", run: () => escalateUnclaimedAlerts(deps) },
    { name: "retention", cron: "30 3 * * *", run: () => applyRetention(deps.db, deps.profile, deps.clock()) },
  ];
  const tasks: Array<Pick<ScheduledTask, "stop">> = [];
  const guarded = (job: (typeof jobs)[number]) => async (): Promise<boolean> => {
    try {
      const result = await job.run();
      deps.log.debug("job ran", { job: job.name, result });
      deps.outbox.kick();
      return true;
    } catch (error) {
      deps.log.error("job failed", { job: job.name, error });
      return false;
    }
  };
  return {
    async runAll() {
      let ok = true;
      for (const job of jobs) ok = (await guarded(job)()) && ok;
      return ok;
    },
    start() {
      for (const job of jobs) {
        const run = guarded(job);
        tasks.push(schedule(job.cron, async () => void (await run()), { timezone: TIMEZONE, name: job.name, noOverlap: true }));
      }
    },
    stop() {
      for (const t of tasks.splice(0)) void t.stop();
    },
  };
}
