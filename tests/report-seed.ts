/**
 * The database of the period report's tests (tests/report.test.ts): November
 * 2026 at "maa" with known times, one of everything a report counts.
 */
import type { Kysely } from "kysely";
import type { ApplicationStatus, Database, ReferralStatus, TicketKind } from "../db/schema";

let seq = 0;
async function contact(db: Kysely<Database>): Promise<number> {
  const row = await db
    .insertInto("contacts")
    .values({ locale: "ar", display_name: null, phone: null, privacy_accepted_at: null, unreachable_at: null, created_at: "2026-09-01T00:00:00.000Z", updated_at: "2026-09-01T00:00:00.000Z" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An application submitted at `submittedAt`, moved through `steps` ([status, time]). */
async function application(
  db: Kysely<Database>,
  contactId: number,
  programId: string,
  submittedAt: string,
  steps: Array<[ApplicationStatus, string]> = [],
): Promise<number> {
  const status = steps.length ? steps[steps.length - 1]![0] : "submitted";
  const { id } = await db
    .insertInto("applications")
    .values({
      reference: `A26-${String(++seq).padStart(5, "0")}`,
      contact_id: contactId,
      program_id: programId,
      status,
      fields: "{}",
      national_id_hash: null,
      attested_at: submittedAt,
      privacy_accepted_at: submittedAt,
      terms_accepted_at: submittedAt,
      sensitive_consent_at: null,
      submitted_at: submittedAt,
      decided_at: null,
      created_at: submittedAt,
      updated_at: steps.length ? steps[steps.length - 1]![1] : submittedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("application_events")
    .values({ application_id: id, actor: "beneficiary", action: "submitted", from_status: null, to_status: "submitted", note: null, created_at: submittedAt })
    .execute();
  let from: ApplicationStatus = "submitted";
  for (const [to, at] of steps) {
    await db
      .insertInto("application_events")
      .values({ application_id: id, actor: "staff:console:1", action: "status_changed", from_status: from, to_status: to, note: null, created_at: at })
      .execute();
    from = to;
  }
  return id;
}

async function survey(
  db: Kysely<Database>,
  contactId: number,
  s: { kind: "program" | "ticket"; programId?: string; sentAt: string | null; answers?: Array<[string, string, number | null, string | null]> },
): Promise<void> {
  const answered = s.answers !== undefined;
  const { id } = await db
    .insertInto("surveys")
    .values({
      contact_id: contactId,
      kind: s.kind,
      enrolment_id: null,
      ticket_id: null,
      program_id: s.programId ?? null,
      status: s.sentAt === null ? "pending" : answered ? "answered" : "sent",
      created_at: s.sentAt ?? "2026-11-29T00:00:00.000Z",
      sent_at: s.sentAt,
      reminded_at: null,
      answered_at: answered ? s.sentAt : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [questionId, type, score, text] of s.answers ?? []) {
    await db.insertInto("survey_answers").values({ survey_id: id, question_id: questionId, type, score, text, created_at: s.sentAt! }).execute();
  }
}

async function ticket(db: Kysely<Database>, contactId: number, kind: TicketKind, createdAt: string, closed: boolean): Promise<void> {
  await db
    .insertInto("tickets")
    .values({
      reference: `T-${++seq}`,
      contact_id: contactId,
      kind,
      status: closed ? "closed" : "open",
      body: "نص",
      attachment: null,
      referral_id: null,
      created_at: createdAt,
      closed_at: closed ? createdAt : null,
      closed_by: closed ? "staff:console:1" : null,
    })
    .execute();
}

/** A referral made at `createdAt` (its ticket and its row), where it stands now. */
async function referral(
  db: Kysely<Database>,
  contactId: number,
  r: { topic: string; partner: string | null; status: ReferralStatus; createdAt: string; consent?: "given" | "refused"; staff?: boolean },
): Promise<void> {
  const reference = `R26-${String(++seq).padStart(5, "0")}`;
  const { id } = await db
    .insertInto("tickets")
    .values({ reference, contact_id: contactId, kind: "referral", status: "closed", body: "نص", attachment: null, referral_id: r.topic, created_at: r.createdAt, closed_at: r.createdAt, closed_by: "system" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("referrals")
    .values({
      ticket_id: id, contact_id: contactId, topic_id: r.topic, partner_id: r.partner, city: null, status: r.status, staff_handled: r.staff ? 1 : 0,
      consent: r.consent ?? null, consent_at: r.consent ? r.createdAt : null, follow_up_at: null, asked_at: null, reminded_at: null, answer: null,
      answered_at: null, alerted_at: null, created_at: r.createdAt, updated_at: r.createdAt,
    })
    .execute();
}

/**
 * November 2026 at the "maa" association (decision period 14 days). Times are
 * UTC; Riyadh is UTC+3, so Nov 1 starts at 2026-10-31T21:00Z and Nov 30 ends
 * at 2026-11-30T21:00Z.
 */
export async function seed(db: Kysely<Database>): Promise<void> {
  const c = await contact(db);
  // In the period: tank 3, water_truck 4, mosque_water 2.
  await application(db, c, "tank_installation", "2026-11-01T06:00:00.000Z", [["approved", "2026-11-03T06:00:00.000Z"]]); // 2 days
  await application(db, c, "tank_installation", "2026-11-02T06:00:00.000Z", [
    ["under_review", "2026-11-03T06:00:00.000Z"],
    ["rejected", "2026-11-12T06:00:00.000Z"], // 10 days
  ]);
  await application(db, c, "tank_installation", "2026-10-31T21:00:00.000Z", [["needs_info", "2026-11-02T08:00:00.000Z"]]); // Nov 1, 00:00 Riyadh
  await application(db, c, "water_truck", "2026-11-05T06:00:00.000Z", [["approved", "2026-11-25T06:00:00.000Z"]]); // 20 days
  await application(db, c, "water_truck", "2026-11-10T06:00:00.000Z", [["approved", "2026-11-14T18:00:00.000Z"]]); // 4.5 days
  await application(db, c, "water_truck", "2026-11-20T06:00:00.000Z", [["under_review", "2026-11-21T06:00:00.000Z"]]);
  await application(db, c, "water_truck", "2026-11-25T06:00:00.000Z", [["withdrawn", "2026-11-26T06:00:00.000Z"]]);
  await application(db, c, "mosque_water", "2026-11-28T06:00:00.000Z");
  await application(db, c, "mosque_water", "2026-11-30T20:59:59.000Z"); // Nov 30, 23:59:59 Riyadh
  // Outside the period.
  await application(db, c, "mosque_water", "2026-11-30T21:00:00.000Z"); // Dec 1, 00:00 Riyadh
  await application(db, c, "tank_installation", "2026-10-20T06:00:00.000Z", [["approved", "2026-11-02T06:00:00.000Z"]]); // decided in period: 13 days
  await application(db, c, "tank_installation", "2026-10-01T06:00:00.000Z", [
    ["rejected", "2026-10-05T06:00:00.000Z"], // first decision before the period
    ["under_review", "2026-10-10T06:00:00.000Z"],
    ["approved", "2026-11-03T06:00:00.000Z"],
  ]);
  await application(db, c, "water_truck", "2026-10-10T06:00:00.000Z"); // still waiting at the end: overdue

  // Surveys: 6 sent in the period, 4 answered.
  await survey(db, c, { kind: "program", programId: "tank_installation", sentAt: "2026-11-05T09:00:00.000Z", answers: [["overall", "scale5", 5, null], ["clear_procedures", "yesno", 1, null], ["suggestion", "text", null, "خدمة ممتازة"]] });
  await survey(db, c, { kind: "program", programId: "tank_installation", sentAt: "2026-11-06T09:00:00.000Z", answers: [["overall", "scale5", 4, null], ["clear_procedures", "yesno", 0, null], ["suggestion", "skipped", null, null]] });
  await survey(db, c, { kind: "program", programId: "tank_installation", sentAt: "2026-11-07T09:00:00.000Z" });
  await survey(db, c, { kind: "program", programId: "water_truck", sentAt: "2026-11-20T09:00:00.000Z", answers: [["overall", "scale5", 2, null], ["clear_procedures", "yesno", 1, null], ["suggestion", "text", null, "التأخير"]] });
  await survey(db, c, { kind: "program", programId: "water_truck", sentAt: "2026-10-15T09:00:00.000Z", answers: [["overall", "scale5", 1, null]] }); // before
  await survey(db, c, { kind: "program", programId: "tank_installation", sentAt: null }); // not sent yet
  await survey(db, c, { kind: "ticket", sentAt: "2026-11-15T09:00:00.000Z", answers: [["ticket_satisfaction", "scale5", 3, null]] });
  await survey(db, c, { kind: "ticket", sentAt: "2026-11-16T09:00:00.000Z" });

  await ticket(db, c, "complaint", "2026-11-08T09:00:00.000Z", false);
  await ticket(db, c, "complaint", "2026-11-09T09:00:00.000Z", true);
  await ticket(db, c, "suggestion", "2026-11-10T09:00:00.000Z", true);
  await ticket(db, c, "complaint", "2026-10-09T09:00:00.000Z", false); // before
  await ticket(db, c, "handoff", "2026-11-11T09:00:00.000Z", false); // not a complaint

  // Referrals: 7 in the period, 5 with an outcome (3 helped).
  await referral(db, c, { topic: "food_aid", partner: "birr_riyadh_alkhabra", status: "helped", createdAt: "2026-11-03T09:00:00.000Z", consent: "given", staff: true });
  await referral(db, c, { topic: "food_aid", partner: "birr_riyadh_alkhabra", status: "not_helped", createdAt: "2026-11-04T09:00:00.000Z", staff: true });
  await referral(db, c, { topic: "medical", partner: "moh", status: "helped", createdAt: "2026-11-05T09:00:00.000Z" });
  await referral(db, c, { topic: "medical", partner: "moh", status: "helped", createdAt: "2026-11-06T09:00:00.000Z" });
  await referral(db, c, { topic: "medical", partner: "moh", status: "no_answer", createdAt: "2026-11-07T09:00:00.000Z" });
  await referral(db, c, { topic: "medical", partner: "moh", status: "suggested", createdAt: "2026-11-28T09:00:00.000Z" });
  await referral(db, c, { topic: "housing", partner: null, status: "handed_over", createdAt: "2026-11-12T09:00:00.000Z", consent: "refused", staff: true });
  await referral(db, c, { topic: "medical", partner: "moh", status: "helped", createdAt: "2026-10-12T09:00:00.000Z" }); // before
}
