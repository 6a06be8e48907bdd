/**
 * Staff and a referral: its status set by the same kind of command as every
 * ticket's (`/referral R26-00001 helped`, «/إحالة R26-00001 تمت المساعدة»,
 * from a chat or the desk), recorded in the audit log and in the referral's
 * history; an outcome (helped, not helped, no answer) closes its ticket and
 * ends the follow-up. And the referral in full, for `/show`.
 */
import type { Kysely } from "kysely";
import type { Database, ReferralStatus } from "../../db/schema";
import { REFERRAL_STATUSES } from "../../db/schema";
import { addReferralEvent, isFinal, referralOf, setTicketOpen, updateReferral, type Referral } from "../../db/referrals";
import { commandForm } from "../../flows/text/arabic";
import type { Text } from "../../flows/types";
import type { Profile } from "../../orgs/schema";
import { historyText, referralLines } from "../referrals/texts";
import { recordAudit } from "./audit";
import type { StaffActor } from "./types";

/** The words staff type for each status, in English and Arabic (any hamza form, spaces or "_"). */
const STATUS_WORDS: Record<ReferralStatus, readonly string[]> = {
  suggested: ["suggested", "مقترحة", "مقترحه", "اقتراح"],
  handed_over: ["handed_over", "handed over", "handed", "sent", "سلمت", "سُلّمت", "تسليم", "أحيلت", "احيلت", "أرسلت"],
  partner_answered: ["partner_answered", "partner answered", "answered", "ردت", "ردت الجهة", "رد الجهة"],
  helped: ["helped", "done", "تمت", "تمت المساعدة", "ساعدوه", "ساعدوها", "تمت مساعدته"],
  not_helped: ["not_helped", "not helped", "لم يساعدوه", "لم تتم المساعدة", "ما ساعدوه", "لم تتم"],
  no_answer: ["no_answer", "no answer", "لا رد", "لم يرد", "بدون رد"],
};

const BY_WORDS = new Map<string, ReferralStatus>(
  (Object.entries(STATUS_WORDS) as Array<[ReferralStatus, readonly string[]]>).flatMap(([status, words]) =>
    words.map((w) => [commandForm(w.replace(/_/g, " ")), status] as const),
  ),
);

/** The status named at the start of `args` (one to three words) and the note after it. */
export function readReferralStatus(args: string): { status: ReferralStatus; note: string | null } | null {
  const words = args.trim().split(/\s+/).filter((w) => w.length > 0);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const status = BY_WORDS.get(commandForm(words.slice(0, n).join(" ").replace(/_/g, " ")));
    if (status) {
      const note = words.slice(n).join(" ").trim();
      return { status, note: note.length > 0 ? note : null };
    }
  }
  return null;
}

export type ReferralStatusOutcome =
  | { status: "not_found" }
  | { status: "not_referral" }
  | { status: "unknown_status" }
  | { status: "unchanged"; referral: Referral }
  /** `final`: an outcome: the follow-up ends (its ticket closed if it was open). */
  | { status: "updated"; from: ReferralStatus; to: ReferralStatus; final: boolean };

export interface ReferralFile {
  referral: Referral;
  lines: Text[];
  history: Text;
}

export function createReferralActions(deps: { db: Kysely<Database>; profile: Profile; clock: () => Date; actorKey: (a: StaffActor) => string }) {
  const { db, profile } = deps;

  /** Sets a referral's status as staff typed it; audited (refusals too), added to its history. */
  async function setStatus(actor: StaffActor, reference: string, args: string): Promise<ReferralStatusOutcome> {
    const at = deps.clock().toISOString();
    return db.transaction().execute(async (trx): Promise<ReferralStatusOutcome> => {
      const audit = (detail: string) => recordAudit(trx, { actor, action: "referral", target: reference, allowed: true, detail, at });
      const ticket = await trx.selectFrom("tickets").select("kind").where("reference", "=", reference).executeTakeFirst();
      if (!ticket) {
        await audit("not_found");
        return { status: "not_found" };
      }
      const r = ticket.kind === "referral" ? await referralOf(trx, reference) : null;
      if (!r) {
        await audit("not_a_referral");
        return { status: "not_referral" };
      }
      const read = readReferralStatus(args);
      if (!read) {
        await audit("unknown_status");
        return { status: "unknown_status" };
      }
      if (read.status === r.status && read.note === null) {
        await audit(`unchanged ${r.status}`);
        return { status: "unchanged", referral: r };
      }
      await updateReferral(trx, r.id, { status: read.status }, at);
      await addReferralEvent(trx, { referralId: r.id, actor: deps.actorKey(actor), action: "status", from: r.status, to: read.status, note: read.note, at });
      // An outcome ends it: the ticket closes and the beneficiary is not asked again.
      const final = isFinal(read.status);
      if (final) await setTicketOpen(trx, r.ticketId, false, deps.actorKey(actor), at);
      await audit(`${r.status}->${read.status}`);
      return { status: "updated", from: r.status, to: read.status, final };
    });
  }

  /** The referral behind a ticket, as staff read it (for /show and the desk), or null for another ticket. */
  async function file(reference: string): Promise<ReferralFile | null> {
    const r = await referralOf(db, reference);
    if (!r) return null;
    return { referral: r, lines: referralLines(profile, r), history: await historyText(db, profile, r) };
  }

  return { setStatus, file, statuses: REFERRAL_STATUSES };
}
