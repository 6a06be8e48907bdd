/**
 * What a staff member can do, whichever way they ask: a chat command
 * (`commands.ts`, Telegram, WhatsApp, the console) or the web desk
 * (`bot/desk`). Each action is recorded in the audit log and returns a
 * structured outcome; the caller words it for its medium. Who is staff (and
 * what their role allows) is checked by the caller before an action runs.
 *
 * Messages to beneficiaries (a staff reply, a closed conversation) are
 * written to the outbox in the same transaction as the audit record, in the
 * beneficiary's language, on the channel they last wrote from.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import * as repo from "../../db/repo";
import { menuReply } from "../../flows/menu";
import { t } from "../../flows/reply";
import { TICKET_SURVEY_QUESTIONS } from "../../flows/survey";
import type { FieldAnswer, Reply } from "../../flows/types";
import type { Profile } from "../../orgs/schema";
import type { Cipher } from "../crypto";
import type { StaffTarget } from "../engine";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import { notifyContact, notifyStaff, type NoticeSpec } from "../notify";
import { noticeLines } from "./notices";
import type { Text } from "../../flows/types";
import type { StoredAnswer } from "../sealing";
import { createTicketSurvey, openSurveyConversation } from "../surveys";
import { assignDetail, claimsOf, latestClaim, recordAudit, type Claim } from "./audit";
import * as lists from "./lists";
import * as q from "./queries";
import type { StaffActor } from "./types";
import { openAnswers } from "./views";
import { createReferralActions, type ReferralFile, type ReferralStatusOutcome } from "./referrals";

/** A committee decision asked for by a staff member (chat or desk). */
export interface DecideRequest {
  actor: StaffActor;
  /** "staff:<channel>:<id>", as application events record actors. */
  actorKey: string;
  reference: string;
  /** The decision word as typed ("approve", "قبول", ...). */
  decision: string;
  note: string | null;
}

export interface StaffActionDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  /** Opens sealed answers (national IDs, sensitive fields) for the full view (`sila.cipher`); without it they show as sealed. */
  cipher?: Cipher;
  /** Where staff alerts go; they hear of claims, replies and closes done elsewhere. */
  staffTargets: readonly StaffTarget[];
  clock: () => Date;
  log: Logger;
  /** Called after an action queued messages to the outbox (kicks delivery). */
  onOutbox?: () => void;
  /** Committee decisions (`staffDecisions` in bot/decisions.ts); without it deciding is unavailable. */
  decide?: (request: DecideRequest) => Promise<Reply>;
}

/** An application in full, its sealed answers opened where the key allows. */
export interface ApplicationFile extends q.ApplicationDetail {
  answers: Record<string, FieldAnswer | "sealed">;
}

export interface TicketFile extends q.TicketDetail {
  claim: Claim | null;
}

export type ReplyOutcome = { status: "not_found" } | { status: "no_address" } | { status: "sent"; unreachable: boolean };
export type CloseOutcome = { status: "not_found" } | { status: "not_ticket" } | { status: "already_closed" } | { status: "closed"; notified: boolean };
export type ClaimOutcome =
  | { status: "not_found" }
  | { status: "not_ticket" }
  | { status: "closed" }
  | { status: "already_yours" }
  | { status: "claimed"; before: Claim | null };
export type DecideOutcome = { status: "unavailable" } | { status: "done"; reply: Reply };
export type NoteOutcome = { status: "not_found" } | { status: "added" };

/** "staff:<channel>:<id>": how application events and ticket closes name a staff member. */
export const actorKey = (actor: StaffActor): string => `staff:${actor.channel}:${actor.userId}`;
export const staffName = (actor: StaffActor): string => actor.displayName?.trim() || actor.userId;

export interface StaffActions {
  audit(actor: StaffActor, action: string, target: string | null, allowed: boolean, detail?: string | null): Promise<void>;
  /** Applications awaiting a decision and open tickets (the first `limit` of each), with who holds each ticket. */
  pending(actor: StaffActor, limit: number): Promise<{ apps: Awaited<ReturnType<typeof q.pendingApplications>>; tickets: Awaited<ReturnType<typeof q.openTickets>>; claims: Map<string, Claim> }>;
  stats(actor: StaffActor): Promise<q.Stats>;
  /** Where a reference points, without recording a view (routing only). */
  locate(reference: string): Promise<q.ReferenceOwner | null>;
  /** One application in full: the view is recorded before anything is read. Null (and recorded) when unknown. */
  /** `detail` says how it was shown ("sent_privately" when asked in a group). */
  showApplication(actor: StaffActor, reference: string, detail?: string | null): Promise<ApplicationFile | null>;
  /** One ticket in full, with who holds it: recorded like an application. */
  showTicket(actor: StaffActor, reference: string, detail?: string | null): Promise<TicketFile | null>;
  reply(actor: StaffActor, reference: string, text: string): Promise<ReplyOutcome>;
  close(actor: StaffActor, reference: string): Promise<CloseOutcome>;
  claim(actor: StaffActor, reference: string): Promise<ClaimOutcome>;
  /** Hands a ticket to another staff member (`to`); recorded by the one who assigns. */
  assign(actor: StaffActor, reference: string, to: StaffActor): Promise<ClaimOutcome>;
  decide(actor: StaffActor, reference: string, decision: string, note: string | null): Promise<DecideOutcome>;
  /** A staff note on an application's file (an application event; the beneficiary is not told). */
  note(actor: StaffActor, reference: string, text: string): Promise<NoteOutcome>;
  /**
   * The file behind an application's attachment answer (`slot`: the field id)
   * or a ticket's n-th attachment (`slot` "ticket:n", "ticket" the first), its opening recorded; null when there is none.
   */
  attachment(actor: StaffActor, reference: string, slot: string): Promise<Extract<FieldAnswer, { type: "attachment" }> | null>;
  /** The messages of a ticket's conversation since it opened (shown with the ticket, whose view is recorded). */
  conversation(ticket: TicketFile, limit: number): Promise<lists.ConversationMessage[]>;
  /** The notices sent about an application or ticket, a line each: rung, channel, when delivered and read (shown with its file). */
  notices(reference: string): Promise<Text[]>;
  /**
   * A referral's status as staff name it ("helped", «تمت المساعدة», "partner_answered", …, an
   * optional note after it): audited, added to its history; an outcome closes its ticket.
   */
  referralStatus(actor: StaffActor, reference: string, args: string): Promise<ReferralStatusOutcome>;
  /** The referral behind a ticket (topic, partner, city, status, consent, history), or null for another ticket. */
  referral(reference: string): Promise<ReferralFile | null>;
}

export function createStaffActions(deps: StaffActionDeps): StaffActions {
  const { db, translator, log } = deps;
  const referrals = createReferralActions({ db, profile: deps.profile, clock: deps.clock, actorKey });
  const ltr = (v: string): { ltr: string } => ({ ltr: v });
  /** What staff send a beneficiary is a notice: outside WhatsApp's window it goes by the "reply" template. */
  const replyNotice = (reference: string): NoticeSpec => ({ kind: "reply", reference, params: { reference: ltr(reference) } });

  /**
   * Staff chats told of what a staff member did: in a chat, the other
   * channels' staff chats (their own saw it); from the desk, all of them.
   */
  const othersOf = (actor: StaffActor): StaffTarget[] =>
    actor.via === "desk" ? [...deps.staffTargets] : deps.staffTargets.filter((s) => s.channel !== actor.channel);

  async function audit(actor: StaffActor, action: string, target: string | null, allowed: boolean, detail: string | null = null): Promise<void> {
    await recordAudit(db, { actor, action, target, allowed, detail, at: deps.clock().toISOString() });
  }

  const openFields = (reference: string, stored: Record<string, StoredAnswer>) => openAnswers({ log, ...(deps.cipher ? { cipher: deps.cipher } : {}) }, reference, stored);

  async function notFound(actor: StaffActor, action: string, reference: string): Promise<{ status: "not_found" }> {
    await audit(actor, action, reference, true, "not_found");
    return { status: "not_found" };
  }

  async function take(actor: StaffActor, reference: string, holder: StaffActor, action: "claim" | "assign"): Promise<ClaimOutcome> {
    const owner = await q.findReference(db, reference);
    if (!owner) return notFound(actor, action, reference);
    if (owner.type === "application") {
      await audit(actor, action, reference, true, "not_a_ticket");
      return { status: "not_ticket" };
    }
    if (owner.status === "closed") {
      await audit(actor, action, reference, true, "closed");
      return { status: "closed" };
    }
    const before = await latestClaim(db, reference);
    if (before && before.channel === holder.channel && before.userId === holder.userId) {
      await audit(actor, action, reference, true, action === "claim" ? "already_yours" : "already_theirs");
      return { status: "already_yours" };
    }
    const at = deps.clock().toISOString();
    await db.transaction().execute(async (trx) => {
      // Only these rows count as holding the ticket (see audit.ts): a claim with no detail or a
      // hand-over note, an assignment naming who holds it now.
      const detail = action === "claim" ? (before ? `from ${before.channel}:${before.userId}` : null) : assignDetail(holder);
      await recordAudit(trx, { actor, action, target: reference, allowed: true, detail, at });
      // The person learns that someone has their message: a hand-off, a safety alert, symptoms.
      if ((owner.kind === "handoff" || owner.kind === "urgent" || owner.kind === "care") && !before) {
        await notifyContact(trx, translator, owner.contactId, { text: [t("fromstaff:claimed", { reference: ltr(reference) })] }, at, { notice: replyNotice(reference) });
      }
      const notice =
        action === "claim"
          ? t("staffcmd:notice.claimed", { staff: staffName(actor), reference: ltr(reference) })
          : t("staffcmd:notice.assigned", { staff: staffName(actor), reference: ltr(reference), to: staffName(holder) });
      await notifyStaff(trx, translator, othersOf(actor), notice, at);
    });
    deps.onOutbox?.();
    return { status: "claimed", before };
  }

  const open = (value: string): string => {
    if (!deps.cipher || !deps.cipher.isEncrypted(value)) return value;
    return deps.cipher.decrypt(value);
  };

  return {
    audit,

    async pending(actor, limit) {
      const apps = await q.pendingApplications(db, limit);
      const tickets = await q.openTickets(db, limit);
      const claims = await claimsOf(db, tickets.items.map((i) => i.reference));
      await audit(actor, "pending", null, true);
      return { apps, tickets, claims };
    },

    async stats(actor) {
      const s = await q.stats(db);
      await audit(actor, "stats", null, true);
      return s;
    },

    locate: (reference) => q.findReference(db, reference),

    async showApplication(actor, reference, detail = null) {
      const owner = await q.findReference(db, reference);
      if (!owner || owner.type !== "application") {
        await notFound(actor, "show", reference);
        return null;
      }
      // Viewing personal data is an action of its own: recorded before anything is read.
      await audit(actor, "show", reference, true, detail);
      const a = await q.applicationDetail(db, reference);
      return a ? { ...a, answers: openFields(a.reference, a.fields) } : null;
    },

    async showTicket(actor, reference, detail = null) {
      const owner = await q.findReference(db, reference);
      if (!owner || owner.type !== "ticket") {
        await notFound(actor, "show", reference);
        return null;
      }
      await audit(actor, "show", reference, true, detail);
      const ticket = await q.ticketDetail(db, reference);
      return ticket ? { ...ticket, claim: await latestClaim(db, reference) } : null;
    },

    async reply(actor, reference, text) {
      const owner = await q.findReference(db, reference);
      if (!owner) return notFound(actor, "reply", reference);
      const at = deps.clock().toISOString();
      const outcome = await db.transaction().execute(async (trx) => {
        const message: Reply = { text: [t("fromstaff:staffReply", { reference: ltr(reference), text: { literal: text } })] };
        const queued = await notifyContact(trx, translator, owner.contactId, message, at, { notice: replyNotice(reference) });
        await recordAudit(trx, { actor, action: "reply", target: reference, allowed: true, detail: queued ? `chars=${text.length}` : "no_address", at });
        // A ticket a staff member answered (a handoff nobody answered gets no satisfaction survey).
        if (queued && owner.type === "ticket") {
          await trx.updateTable("tickets").set({ answered_at: at }).where("reference", "=", reference).where("answered_at", "is", null).execute();
        }
        if (queued) {
          await notifyStaff(trx, translator, othersOf(actor), t("staffcmd:notice.replied", { staff: staffName(actor), reference: ltr(reference) }), at);
        }
        const contact = await trx.selectFrom("contacts").select("unreachable").where("id", "=", owner.contactId).executeTakeFirst();
        return { queued, unreachable: contact?.unreachable === 1 };
      });
      if (!outcome.queued) return { status: "no_address" };
      deps.onOutbox?.();
      return { status: "sent", unreachable: outcome.unreachable };
    },

    async close(actor, reference) {
      const owner = await q.findReference(db, reference);
      if (!owner) return notFound(actor, "close", reference);
      if (owner.type === "application") {
        await audit(actor, "close", reference, true, "not_a_ticket");
        return { status: "not_ticket" };
      }
      const at = deps.clock().toISOString();
      const outcome = await db.transaction().execute(async (trx): Promise<CloseOutcome> => {
        const closed = await repo.closeTicket(trx, reference, null, actorKey(actor), at);
        if (!closed) {
          await recordAudit(trx, { actor, action: "close", target: reference, allowed: true, detail: "already_closed", at });
          return { status: "already_closed" };
        }
        const lead = t(`fromstaff:closed.${owner.kind}`, { reference: ltr(reference) });
        // As when the beneficiary ends it: a handoff or complaint closes with one satisfaction question.
        const surveyId = await createTicketSurvey(trx, reference, at);
        let notified =
          surveyId !== null &&
          (await openSurveyConversation(trx, translator, {
            contactId: owner.contactId,
            surveyId,
            questions: TICKET_SURVEY_QUESTIONS,
            index: 0,
            lead: [lead, t("survey:ticketIntro")],
            at,
            dedupeKey: `ticket-survey:${reference}`,
            notice: replyNotice(reference),
          }));
        if (!notified) {
          // After a handoff the bot answers again: the menu comes with the news.
          const message: Reply = owner.kind === "handoff" ? menuReply([lead]) : { text: [lead] };
          notified = await notifyContact(trx, translator, owner.contactId, message, at, { notice: replyNotice(reference) });
        }
        await recordAudit(trx, { actor, action: "close", target: reference, allowed: true, detail: notified ? null : "no_address", at });
        await notifyStaff(trx, translator, othersOf(actor), t("staffcmd:notice.closed", { staff: staffName(actor), reference: ltr(reference) }), at);
        return { status: "closed", notified };
      });
      if (outcome.status === "closed") deps.onOutbox?.();
      return outcome;
    },

    claim: (actor, reference) => take(actor, reference, actor, "claim"),
    assign: (actor, reference, to) => take(actor, reference, to, "assign"),

    async decide(actor, reference, decision, note) {
      if (!deps.decide) {
        await audit(actor, "decide", reference, true, "unavailable");
        return { status: "unavailable" };
      }
      // The decision itself is recorded by the decision layer (application events); the request here.
      await audit(actor, "decide", reference, true, decision.slice(0, 40) || null);
      const reply = await deps.decide({ actor, actorKey: actorKey(actor), reference, decision, note });
      deps.onOutbox?.();
      return { status: "done", reply };
    },

    async note(actor, reference, text) {
      const at = deps.clock().toISOString();
      return db.transaction().execute(async (trx): Promise<NoteOutcome> => {
        const app = await trx.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
        if (!app) {
          await recordAudit(trx, { actor, action: "note", target: reference, allowed: true, detail: "not_found", at });
          return { status: "not_found" };
        }
        await repo.addApplicationEvent(trx, { applicationId: app.id, actor: actorKey(actor), action: "note", from: null, to: null, note: text, at });
        await recordAudit(trx, { actor, action: "note", target: reference, allowed: true, detail: `chars=${text.length}`, at });
        return { status: "added" };
      });
    },

    async attachment(actor, reference, slot) {
      let answer: FieldAnswer | "sealed" | null | undefined = null;
      const nth = /^ticket(?::(\d+))?$/.exec(slot);
      if (nth) answer = (await q.ticketDetail(db, reference))?.attachments[Number(nth[1] ?? "1") - 1];
      else {
        const a = await q.applicationDetail(db, reference);
        answer = a ? openFields(reference, a.fields)[slot] : null;
      }
      const found = answer && answer !== "sealed" && answer.type === "attachment" ? answer : null;
      await audit(actor, "attachment", reference, true, found ? slot.slice(0, 40) : `not_found ${slot.slice(0, 40)}`);
      return found;
    },

    notices: (reference) => noticeLines(db, reference),

    referralStatus: (actor, reference, args) => referrals.setStatus(actor, reference, args),
    referral: (reference) => referrals.file(reference),

    async conversation(ticket, limit) {
      const messages = await lists.conversationOf(db, ticket.contact.id, ticket.createdAt, limit);
      return messages.map((m) => {
        if (m.body === null) return m;
        try {
          return { ...m, body: open(m.body) };
        } catch (error) {
          log.warn("a stored message could not be opened", { reference: ticket.reference, error });
          return { ...m, body: null };
        }
      });
    },
  };
}
