/**
 * Committee decisions. Every status change follows the allowed transitions,
 * is recorded as an application event (actor, time, note), and notifies the
 * beneficiary in their language on their own channel with the date in Hijri
 * and Gregorian. Approval enrols the contact in the program and makes them a
 * direct beneficiary; "needs information" lets them answer inside the chat.
 */
import type { Kysely } from "kysely";
import type { ApplicationStatus, Database } from "../db/schema";
import * as repo from "../db/repo";
import { addDays, riyadhDate } from "../flows/dates";
import type { Calendar } from "../flows/calendar";
import type { CalendarSource } from "./calendar";
import type { Reply } from "../flows/types";
import type { Profile } from "../orgs/schema";
import type { StaffTarget } from "./engine";
import type { Translator } from "./i18n";
import { notifyContact, notifyStaff } from "./notify";
import { decideAppeal, type AppealResult } from "./appeals";

export type Decision = "approve" | "reject" | "needinfo" | "review" | "withdraw";

const TARGET: Record<Decision, ApplicationStatus> = {
  approve: "approved",
  reject: "rejected",
  needinfo: "needs_info",
  review: "under_review",
  withdraw: "withdrawn",
};

/** Which statuses each status may move to. A rejection may be reopened for reconsideration. */
export const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ["under_review", "needs_info", "approved", "rejected", "withdrawn"],
  under_review: ["needs_info", "approved", "rejected", "withdrawn"],
  needs_info: ["under_review", "approved", "rejected", "withdrawn"],
  approved: [],
  rejected: ["under_review"],
  withdrawn: [],
};

export function parseDecision(word: string): Decision | null {
  const w = word.trim().toLowerCase();
  const map: Record<string, Decision> = {
    approve: "approve", accept: "approve", "قبول": "approve", "موافقة": "approve",
    reject: "reject", decline: "reject", "رفض": "reject", "اعتذار": "reject",
    needinfo: "needinfo", "need-info": "needinfo", info: "needinfo", "استكمال": "needinfo", "نواقص": "needinfo",
    review: "review", "دراسة": "review", reopen: "review",
    withdraw: "withdraw", "سحب": "withdraw",
  };
  return map[w] ?? null;
}

export interface DecisionDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  clock: () => Date;
  staff?: readonly StaffTarget[];
  /** Decision notices wait out the quiet hours (not prayer windows: the person is waiting for them). */
  calendar: CalendarSource;
}

export interface DecisionInput {
  reference: string;
  decision: Decision;
  /** "staff:<channel>:<id>" or "cli:<user>". */
  actor: string;
  note?: string | null;
  /** Enrolment dates for an approval (YYYY-MM-DD); default today and the program's duration. */
  startsOn?: string;
  endsOn?: string;
  /** For "needinfo": the date the information is needed by (YYYY-MM-DD); default the profile's `infoDueDays` from today. */
  dueOn?: string;
}

export type DecisionResult =
  | { ok: true; reference: string; from: ApplicationStatus; to: ApplicationStatus; notified: boolean; appeal?: undefined }
  /** An appeal decided: accepted (its application back to review) or rejected. */
  | AppealResult
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid_transition"; from: ApplicationStatus; to: ApplicationStatus }
  | { ok: false; error: "invalid_dates" };

/** When a decision notice may go: now, or when the quiet hours end (a notice is not held for prayer windows). */
export function deliveryTime(now: Date, calendar: Calendar): string {
  return calendar.sendTime(now, "notice").toISOString();
}

export async function decide(deps: DecisionDeps, input: DecisionInput): Promise<DecisionResult> {
  const now = deps.clock();
  const at = now.toISOString();
  const to = TARGET[input.decision];
  const ref = input.reference.trim().toUpperCase();
  // Read before the transaction: the calendar may read the database (one connection).
  const calendar = await deps.calendar.get();
  return deps.db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const app = await trx.selectFrom("applications").selectAll().where("reference", "=", ref).executeTakeFirst();
    if (!app) {
      // An appeal is decided through the same path: approve accepts it, reject refuses it.
      const appeal = await trx.selectFrom("tickets").select("id").where("reference", "=", ref).where("kind", "=", "appeal").executeTakeFirst();
      if (appeal && (input.decision === "approve" || input.decision === "reject")) {
        return decideAppeal(trx, deps, {
          reference: ref,
          accept: input.decision === "approve",
          actor: input.actor,
          note: input.note ?? null,
          now,
          notBefore: deliveryTime(now, calendar),
        });
      }
      return { ok: false, error: "not_found" };
    }
    if (!TRANSITIONS[app.status].includes(to)) return { ok: false, error: "invalid_transition", from: app.status, to };
    const program = deps.profile.programs.find((p) => p.id === app.program_id);
    const note = input.note?.trim() ? input.note.trim().slice(0, 1000) : null;

    let startsOn: string | undefined;
    let endsOn: string | undefined;
    if (to === "approved") {
      startsOn = input.startsOn ?? riyadhDate(now);
      endsOn = input.endsOn ?? addDays(startsOn, program?.durationDays ?? 90);
      if (!/^\d{4}-\d\d-\d\d$/.test(startsOn) || !/^\d{4}-\d\d-\d\d$/.test(endsOn) || endsOn < startsOn) {
        return { ok: false, error: "invalid_dates" };
      }
    }

    await trx
      .updateTable("applications")
      .set({
        status: to,
        updated_at: at,
        ...(to === "approved" || to === "rejected" ? { decided_at: at } : {}),
        ...(to !== "needs_info" ? { info_request: null, info_due_at: null } : {}),
      })
      .where("id", "=", app.id)
      .execute();
    await repo.addApplicationEvent(trx, { applicationId: app.id, actor: input.actor, action: "status_changed", from: app.status, to, note, at });

    const programName = program ? { localized: program.name } : app.program_id;
    const base = { reference: { ltr: app.reference }, program: programName, date: { date: at } };
    let reply: Reply;
    switch (to) {
      case "approved":
        await trx
          .insertInto("enrolments")
          .values({ application_id: app.id, contact_id: app.contact_id, program_id: app.program_id, starts_on: startsOn!, ends_on: endsOn!, status: "active", created_at: at })
          .onConflict((oc) => oc.column("application_id").doNothing())
          .execute();
        await repo.updateContact(trx, app.contact_id, { beneficiaryType: "direct" }, at);
        reply = {
          text: [
            { key: "decision:approved", params: { ...base, start: { date: startsOn! }, end: { date: endsOn! } } },
            ...(note ? [{ key: "decision:note", params: { note } }] : []),
            { key: "decision:approvedNext" },
          ],
        };
        break;
      case "rejected":
        reply = {
          text: [
            { key: "decision:rejected", params: base },
            note ? { key: "decision:reason", params: { note } } : { key: "decision:noReason" },
            { key: "decision:reconsideration", params: { how: { localized: deps.profile.reconsideration } } },
            ...(deps.profile.appealDays > 0 ? [{ key: "decision:appealHow", params: { days: deps.profile.appealDays } }] : []),
          ],
          ...(deps.profile.appealDays > 0 ? { choices: [{ value: `appeal:${app.reference}`, label: { key: "appeal:start" } }] } : {}),
        };
        break;
      case "needs_info": {
        // The request and its date are kept with the application: the beneficiary can ask what
        // exactly is needed and by when. Their next message is not taken for the answer.
        const dueOn = input.dueOn && /^\d{4}-\d\d-\d\d$/.test(input.dueOn) ? input.dueOn : addDays(riyadhDate(now), deps.profile.infoDueDays);
        const dueAt = new Date(`${dueOn}T20:59:59.000Z`).toISOString(); // the end of that day in Riyadh
        await trx.updateTable("applications").set({ info_request: note, info_due_at: dueAt }).where("id", "=", app.id).execute();
        reply = {
          text: [
            { key: "decision:needInfo", params: base },
            { key: "decision:needInfoRequest", params: { note: note ?? "-" } },
            { key: "decision:needInfoDue", params: { date: { date: dueAt } } },
            { key: "decision:needInfoHow" },
          ],
          choices: [{ value: `info:${app.reference}`, label: { key: "decision:provideInfo" } }],
        };
        break;
      }
      case "under_review":
        reply = { text: [{ key: "decision:underReview", params: base }] };
        break;
      case "withdrawn":
        reply = { text: [{ key: "decision:withdrawn", params: base }] };
        break;
      default:
        reply = { text: [{ key: "decision:underReview", params: base }] };
    }
    const notified = await notifyContact(trx, deps.translator, app.contact_id, reply, at, {
      notBefore: deliveryTime(now, calendar),
      notice: {
        kind: to === "needs_info" ? "needinfo" : "decision",
        reference: app.reference,
        params: { reference: { ltr: app.reference }, program: typeof programName === "string" ? { literal: programName } : programName, status: { key: `status:state.${to}` }, note: { literal: note ?? "-" } },
      },
    });
    if (deps.staff?.length) {
      await notifyStaff(trx, deps.translator, deps.staff, { key: "staff:decided", params: { reference: { ltr: app.reference }, status: { key: `status:state.${to}` }, actor: input.actor } }, at);
    }
    return { ok: true, reference: app.reference, from: app.status, to, notified };
  });
}

/**
 * Decisions from a staff chat ("/decide A26-00042 approve the note..."): the
 * staff-command layer passes the request, this answers the staff member.
 */
export function staffDecisions(deps: DecisionDeps): (request: {
  actorKey: string;
  reference: string;
  decision: string;
  note: string | null;
}) => Promise<Reply> {
  return async (request) => {
    const decision = parseDecision(request.decision);
    if (!decision) return { text: [{ key: "staff:decideUsage" }] };
    const r = await decide(deps, { reference: request.reference, decision, actor: request.actorKey, note: request.note });
    if (r.ok && r.appeal) {
      return {
        text: [
          {
            key: "staff:appealDecided",
            params: {
              reference: { ltr: r.reference },
              application: { ltr: r.appeal.application },
              decision: { key: `appeal:decision.${r.appeal.decision}` },
              notified: { key: r.notified ? "common:yes" : "common:no" },
            },
          },
        ],
      };
    }
    if (r.ok) {
      return {
        text: [
          {
            key: "staff:decideDone",
            params: {
              reference: { ltr: r.reference },
              from: { key: `status:state.${r.from}` },
              to: { key: `status:state.${r.to}` },
              notified: { key: r.notified ? "common:yes" : "common:no" },
            },
          },
        ],
      };
    }
    if (r.error === "appeal_decided") return { text: [{ key: "staff:appealAlreadyDecided", params: { reference: { ltr: request.reference } } }] };
    if (r.error === "appeal_not_possible") {
      return {
        text: [
          {
            key: "staff:appealCannot",
            params: { reference: { ltr: request.reference }, application: { ltr: r.application }, status: { key: `status:state.${r.status}` } },
          },
        ],
      };
    }
    if (r.error === "not_found") return { text: [{ key: "staff:decideNotFound", params: { reference: { ltr: request.reference } } }] };
    if (r.error === "invalid_transition") {
      return {
        text: [
          {
            key: "staff:decideNotAllowed",
            params: { reference: { ltr: request.reference }, from: { key: `status:state.${r.from}` }, to: { key: `status:state.${r.to}` } },
          },
        ],
      };
    }
    return { text: [{ key: "staff:decideUsage" }] };
  };
}
