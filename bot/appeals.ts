/**
 * Deciding an appeal (تظلم), through the committee's decision path: "approve"
 * accepts it (the rejected application goes back to review), "reject" refuses
 * it. Either way the appeal ticket is closed with its outcome, the
 * application's history records it, and the beneficiary is told on their own
 * channel, in their language, outside quiet hours.
 */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema";
import * as repo from "../db/repo";
import type { ApplicationStatus } from "../db/schema";
import type { Reply } from "../flows/types";
import type { StaffTarget } from "./engine";
import type { Translator } from "./i18n";
import { notifyContact, notifyStaff } from "./notify";

export type AppealResult =
  | { ok: true; reference: string; appeal: { application: string; decision: "accepted" | "rejected" }; notified: boolean }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "appeal_decided" }
  | { ok: false; error: "appeal_not_possible"; application: string; status: ApplicationStatus };

export async function decideAppeal(
  trx: Transaction<Database>,
  deps: { translator: Translator; staff?: readonly StaffTarget[] | undefined },
  a: { reference: string; accept: boolean; actor: string; note: string | null; now: Date; notBefore: string },
): Promise<AppealResult> {
  const at = a.now.toISOString();
  const appeal = await trx
    .selectFrom("tickets as t")
    .innerJoin("applications as app", "app.id", "t.application_id")
    .select(["t.id", "t.contact_id", "t.decision", "app.id as application_id", "app.reference as application", "app.status"])
    .where("t.reference", "=", a.reference)
    .where("t.kind", "=", "appeal")
    .executeTakeFirst();
  if (!appeal) return { ok: false, error: "not_found" };
  if (appeal.decision) return { ok: false, error: "appeal_decided" };
  if (a.accept && appeal.status !== "rejected") return { ok: false, error: "appeal_not_possible", application: appeal.application, status: appeal.status };
  const note = a.note?.trim() ? a.note.trim().slice(0, 1000) : null;
  const decision = a.accept ? ("accepted" as const) : ("rejected" as const);

  if (a.accept) {
    await trx.updateTable("applications").set({ status: "under_review", updated_at: at, decided_at: null }).where("id", "=", appeal.application_id).execute();
  }
  await repo.addApplicationEvent(trx, {
    applicationId: appeal.application_id,
    actor: a.actor,
    action: a.accept ? "appeal_accepted" : "appeal_rejected",
    from: a.accept ? "rejected" : null,
    to: a.accept ? "under_review" : null,
    note: [`appeal ${a.reference}`, note].filter(Boolean).join(": "),
    at,
  });
  await trx
    .updateTable("tickets")
    .set({ status: "closed", closed_at: at, closed_by: a.actor, decision, decided_at: at })
    .where("id", "=", appeal.id)
    .execute();

  const params = { reference: { ltr: a.reference }, application: { ltr: appeal.application }, date: { date: at } };
  const reply: Reply = {
    text: [
      { key: a.accept ? "appeal:accepted" : "appeal:rejected", params },
      ...(note ? [{ key: a.accept ? "decision:note" : "appeal:reason", params: { note } }] : []),
    ],
  };
  const notified = await notifyContact(trx, deps.translator, appeal.contact_id, reply, at, { notBefore: a.notBefore });
  if (deps.staff?.length) {
    await notifyStaff(
      trx,
      deps.translator,
      deps.staff,
      { key: "staff:decided", params: { reference: { ltr: a.reference }, status: { key: `appeal:decision.${decision}` }, actor: a.actor } },
      at,
    );
  }
  return { ok: true, reference: a.reference, appeal: { application: appeal.application, decision }, notified };
}
