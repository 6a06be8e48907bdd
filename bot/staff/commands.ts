/**
 * The staff workspace, shared by every channel: a staff member types a
 * command (or presses a button under an alert) on Telegram or WhatsApp; the
 * channel passes it here with who sent it and sends back what this returns.
 * Anyone not configured as staff is refused. Every action and every refused
 * attempt goes to the audit log (actor, action, target, allowed, time).
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
import type { Reply, Text } from "../../flows/types";
import type { Locale, Profile } from "../../orgs/schema";
import type { ChannelName, OutboundChoice, OutboundMessage } from "../channels/types";
import type { Cipher } from "../crypto";
import type { StaffTarget } from "../engine";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import { notifyContact, notifyStaff, renderReply, type NoticeSpec } from "../notify";
import { createTicketSurvey, openSurveyConversation } from "../surveys";
import { claimsOf, latestClaim, recordAudit } from "./audit";
import type { CalendarSource } from "../calendar";
import { closureCommand, closuresList } from "./closure-commands";
import {
  findReference as findReferenceInText,
  isStaffCommand,
  parseStaffAction,
  parseStaffCommand,
  staffActionValue,
  type StaffAction,
  type StaffCommandName,
} from "./parse";
import * as q from "./queries";
import { noticesSection } from "./notices";
import { claimName, createViews, ltr, section } from "./views";
import type { StaffActor, StaffChat, StaffCommands, StaffReply } from "./types";

/** A committee decision asked for from the chat (the seam for a later issue). */
export interface DecideRequest {
  actor: StaffActor;
  /** "staff:<channel>:<id>", as application events record actors. */
  actorKey: string;
  reference: string;
  /** The decision word as typed ("approve", "قبول", ...). */
  decision: string;
  note: string | null;
}

export interface StaffDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  /** Opens sealed answers (national IDs, sensitive fields) for the full view (`sila.cipher`); without it they show as sealed. */
  cipher?: Cipher;
  /** Who is staff, per channel: Telegram user ids, WhatsApp numbers or ids. */
  staffIds: Partial<Record<ChannelName, readonly string[]>>;
  /** Where staff alerts go; other channels' staff chats hear of claims, replies and closes. */
  staffTargets: readonly StaffTarget[];
  clock: () => Date;
  log: Logger;
  /** Staff-facing language when no staff target names one for the channel; default the profile's first. */
  locale?: Locale;
  /** Called after a command queued messages to the outbox (kicks delivery). */
  onOutbox?: () => void;
  /** Committee decisions; without it "/decide" answers that decisions are not available yet. */
  decide?: (request: DecideRequest) => Promise<Reply>;
  /** The running calendar; without it "/closure" and "/closures" answer that they are not available. */
  calendar?: CalendarSource;
  /** How many items "/pending" lists of each kind. */
  listLimit?: number;
}

/** The staff commands plus what a channel needs to route and decorate. */
export interface StaffWorkspace extends StaffCommands {
  /** True when `text` is a staff-only command, whoever typed it (so a refusal is recorded). */
  isCommand(text: string): boolean;
  /**
   * Buttons for a staff alert about the first reference in `text`: "show" for
   * an application; "claim" (until someone has), "reply" and "close" for an
   * open ticket; none for a closed one or a text without a reference.
   */
  alertChoices(text: string, locale?: Locale): Promise<OutboundChoice[]>;
}

/** What staff send a beneficiary is a notice: outside WhatsApp's window it goes by the "reply" template. */
const replyNotice = (reference: string): NoticeSpec => ({ kind: "reply", reference, params: { reference: ltr(reference) } });


const PRIVATE: StaffChat = { group: false };

export function createStaffCommands(deps: StaffDeps): StaffWorkspace {
  const { db, translator, profile, log } = deps;
  const listLimit = deps.listLimit ?? 20;
  const fallbackLocale: Locale = deps.locale ?? profile.locales[0] ?? "ar";

  const localeFor = (channel: ChannelName): Locale => deps.staffTargets.find((s) => s.channel === channel)?.locale ?? fallbackLocale;
  const isStaff = (actor: StaffActor): boolean => (deps.staffIds[actor.channel] ?? []).includes(actor.userId);
  const actorKey = (actor: StaffActor): string => `staff:${actor.channel}:${actor.userId}`;
  const staffName = (actor: StaffActor): string => actor.displayName?.trim() || actor.userId;
  const views = createViews({ db, profile, log, ...(deps.cipher ? { cipher: deps.cipher } : {}) });
  const { programName, statusLabel, kindLabel } = views;

  const render = (actor: StaffActor, ...replies: Reply[]): OutboundMessage[] =>
    replies.map((r) => renderReply(translator, r, localeFor(actor.channel)));
  const say = (actor: StaffActor, ...text: Text[]): OutboundMessage[] => render(actor, { text });

  /** The other channels' staff chats, told of what a staff member did here. */
  const otherTargets = (actor: StaffActor): StaffTarget[] => deps.staffTargets.filter((s) => s.channel !== actor.channel);

  async function audit(actor: StaffActor, action: string, target: string | null, allowed: boolean, detail: string | null = null): Promise<void> {
    await recordAudit(db, { actor, action, target, allowed, detail, at: deps.clock().toISOString() });
  }

  const notFound = async (actor: StaffActor, action: string, reference: string): Promise<OutboundMessage[]> => {
    await audit(actor, action, reference, true, "not_found");
    return say(actor, t("staffcmd:notFound", { reference: ltr(reference) }));
  };

  // ---- Lists ----------------------------------------------------------------

  async function pending(actor: StaffActor): Promise<OutboundMessage[]> {
    const apps = await q.pendingApplications(db, listLimit);
    const tickets = await q.openTickets(db, listLimit);
    const claims = await claimsOf(db, tickets.items.map((i) => i.reference));
    await audit(actor, "pending", null, true);
    const parts: Text[] = [];
    if (apps.total === 0) parts.push(t("staffcmd:pending.noApplications"));
    else {
      const items = apps.items.map((a) =>
        t("staffcmd:pending.applicationLine", {
          reference: ltr(a.reference),
          program: programName(a.programId),
          status: statusLabel(a.status),
          date: { date: a.submittedAt },
        }),
      );
      if (apps.total > apps.items.length) items.push(t("staffcmd:pending.more", { count: apps.total - apps.items.length }));
      parts.push(section(t("staffcmd:pending.applicationsTitle", { count: apps.total }), items));
    }
    if (tickets.total === 0) parts.push(t("staffcmd:pending.noTickets"));
    else {
      const items = tickets.items.map((i) => {
        const claim = claims.get(i.reference);
        const params = { reference: ltr(i.reference), kind: kindLabel(i.kind), date: { date: i.createdAt, withTime: true } };
        return claim
          ? t("staffcmd:pending.ticketLineClaimed", { ...params, staff: claimName(claim) })
          : t("staffcmd:pending.ticketLine", params);
      });
      if (tickets.total > tickets.items.length) items.push(t("staffcmd:pending.more", { count: tickets.total - tickets.items.length }));
      parts.push(section(t("staffcmd:pending.ticketsTitle", { count: tickets.total }), items));
    }
    if (apps.total + tickets.total > 0) parts.push(t("staffcmd:pending.hint"));
    return say(actor, ...parts);
  }

  async function statistics(actor: StaffActor): Promise<OutboundMessage[]> {
    const s = await q.stats(db);
    await audit(actor, "stats", null, true);
    const block = (title: string, items: Text[]): Text => section(t(title), items.length > 0 ? items : [t("staffcmd:stats.none")]);
    return say(
      actor,
      t("staffcmd:stats.title"),
      block("staffcmd:stats.byStatus", s.applicationsByStatus.map((r) => t("staffcmd:stats.line", { label: statusLabel(r.status), count: r.count }))),
      block("staffcmd:stats.byProgram", s.applicationsByProgram.map((r) => t("staffcmd:stats.line", { label: programName(r.programId), count: r.count }))),
      block("staffcmd:stats.tickets", s.openTicketsByKind.map((r) => t("staffcmd:stats.line", { label: kindLabel(r.kind), count: r.count }))),
      t("staffcmd:stats.contacts", s.contacts),
    );
  }

  // ---- One application or ticket --------------------------------------------

  /**
   * One application or ticket in full. Asked in a group, the full record goes to the staff member
   * privately and the group sees a summary without personal data; either way the view is audited.
   */
  async function show(actor: StaffActor, reference: string, where: StaffChat): Promise<StaffReply[]> {
    const owner = await q.findReference(db, reference);
    if (!owner) return notFound(actor, "show", reference);
    // Viewing personal data is an action of its own: recorded before anything is shown.
    await audit(actor, "show", reference, true, where.group ? "sent_privately" : null);
    const detail = owner.type === "application" ? await q.applicationDetail(db, reference) : await q.ticketDetail(db, reference);
    if (!detail) return say(actor, t("staffcmd:notFound", { reference: ltr(reference) }));
    const full = [...("fields" in detail ? views.applicationText(detail) : await views.ticketText(detail)), ...(await noticesSection(db, reference))];
    if (!where.group) return render(actor, { text: full });
    const summary = "fields" in detail ? [views.applicationSummary(detail)] : await views.ticketSummary(detail);
    return [
      ...render(actor, { text: full }).map((m) => ({ ...m, privately: true })),
      ...say(actor, ...summary, t("staffcmd:show.sentPrivately", { reference: ltr(reference), staff: staffName(actor) })),
    ];
  }

  // ---- Acting ---------------------------------------------------------------

  async function replyTo(actor: StaffActor, reference: string, text: string): Promise<OutboundMessage[]> {
    const owner = await q.findReference(db, reference);
    if (!owner) return notFound(actor, "reply", reference);
    const at = deps.clock().toISOString();
    const outcome = await db.transaction().execute(async (trx) => {
      const message: Reply = { text: [t("fromstaff:staffReply", { reference: ltr(reference), text: { literal: text } })] };
      const queued = await notifyContact(trx, translator, owner.contactId, message, at, { notice: replyNotice(reference) });
      await recordAudit(trx, { actor, action: "reply", target: reference, allowed: true, detail: queued ? `chars=${text.length}` : "no_address", at });
      if (queued) {
        await notifyStaff(trx, translator, otherTargets(actor), t("staffcmd:notice.replied", { staff: staffName(actor), reference: ltr(reference) }), at);
      }
      const contact = await trx.selectFrom("contacts").select("unreachable").where("id", "=", owner.contactId).executeTakeFirst();
      return { queued, unreachable: contact?.unreachable === 1 };
    });
    if (!outcome.queued) return say(actor, t("staffcmd:reply.noAddress", { reference: ltr(reference) }));
    deps.onOutbox?.();
    const parts = [t("staffcmd:reply.sent", { reference: ltr(reference) })];
    if (outcome.unreachable) parts.push(t("staffcmd:reply.unreachableWarning"));
    return say(actor, ...parts);
  }

  async function close(actor: StaffActor, reference: string): Promise<OutboundMessage[]> {
    const owner = await q.findReference(db, reference);
    if (!owner) return notFound(actor, "close", reference);
    if (owner.type === "application") {
      await audit(actor, "close", reference, true, "not_a_ticket");
      return say(actor, t("staffcmd:close.notTicket", { reference: ltr(reference) }));
    }
    const at = deps.clock().toISOString();
    const outcome = await db.transaction().execute(async (trx) => {
      const closed = await repo.closeTicket(trx, reference, null, actorKey(actor), at);
      if (!closed) {
        await recordAudit(trx, { actor, action: "close", target: reference, allowed: true, detail: "already_closed", at });
        return "already" as const;
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
      await notifyStaff(trx, translator, otherTargets(actor), t("staffcmd:notice.closed", { staff: staffName(actor), reference: ltr(reference) }), at);
      return notified ? ("notified" as const) : ("silent" as const);
    });
    if (outcome === "already") return say(actor, t("staffcmd:close.alreadyClosed", { reference: ltr(reference) }));
    deps.onOutbox?.();
    return say(actor, t(outcome === "notified" ? "staffcmd:close.done" : "staffcmd:close.doneSilent", { reference: ltr(reference) }));
  }

  async function claim(actor: StaffActor, reference: string): Promise<OutboundMessage[]> {
    const owner = await q.findReference(db, reference);
    if (!owner) return notFound(actor, "claim", reference);
    if (owner.type === "application") {
      await audit(actor, "claim", reference, true, "not_a_ticket");
      return say(actor, t("staffcmd:claim.notTicket", { reference: ltr(reference) }));
    }
    if (owner.status === "closed") {
      await audit(actor, "claim", reference, true, "closed");
      return say(actor, t("staffcmd:claim.closed", { reference: ltr(reference) }));
    }
    const before = await latestClaim(db, reference);
    if (before && before.channel === actor.channel && before.userId === actor.userId) {
      await audit(actor, "claim", reference, true, "already_yours");
      return say(actor, t("staffcmd:claim.already", { reference: ltr(reference) }));
    }
    const at = deps.clock().toISOString();
    await db.transaction().execute(async (trx) => {
      // Only this row (allowed, no detail but a hand-over note) counts as holding the ticket.
      await recordAudit(trx, { actor, action: "claim", target: reference, allowed: true, detail: before ? `from ${before.channel}:${before.userId}` : null, at });
      // The person learns that someone has their message: a hand-off, a safety alert, symptoms.
      if ((owner.kind === "handoff" || owner.kind === "urgent" || owner.kind === "care") && !before) {
        await notifyContact(trx, translator, owner.contactId, { text: [t("fromstaff:claimed", { reference: ltr(reference) })] }, at, { notice: replyNotice(reference) });
      }
      await notifyStaff(trx, translator, otherTargets(actor), t("staffcmd:notice.claimed", { staff: staffName(actor), reference: ltr(reference) }), at);
    });
    deps.onOutbox?.();
    return before
      ? say(actor, t("staffcmd:claim.takenOver", { reference: ltr(reference), staff: claimName(before) }))
      : say(actor, t("staffcmd:claim.done", { reference: ltr(reference) }));
  }

  async function decide(actor: StaffActor, reference: string, args: string): Promise<OutboundMessage[]> {
    const [decision = "", ...noteWords] = args.split(/\s+/).filter((w) => w.length > 0);
    if (!deps.decide) {
      await audit(actor, "decide", reference, true, "unavailable");
      return say(actor, t("staffcmd:decide.unavailable"));
    }
    // The decision itself is recorded by the decision layer (application events); the request here.
    await audit(actor, "decide", reference, true, decision.slice(0, 40) || null);
    const note = noteWords.join(" ").trim();
    return render(actor, await deps.decide({ actor, actorKey: actorKey(actor), reference, decision, note: note.length > 0 ? note : null }));
  }

  // ---- Dispatch -------------------------------------------------------------

  async function run(
    actor: StaffActor,
    name: StaffCommandName,
    reference: string | null,
    firstArg: string | null,
    rest: string,
    where: StaffChat,
  ): Promise<StaffReply[]> {
    switch (name) {
      case "help":
        await audit(actor, "help", null, true);
        return say(actor, t("staffcmd:help"));
      case "pending":
        return pending(actor);
      case "stats":
        return statistics(actor);
      case "closures":
      case "closure": {
        if (!deps.calendar) {
          await audit(actor, name, null, true, "unavailable");
          return say(actor, t("staffcmd:closure.unavailable"));
        }
        const closureDeps = { db, calendar: deps.calendar, clock: deps.clock };
        return say(actor, ...(name === "closures" ? await closuresList(closureDeps, actor) : await closureCommand(closureDeps, actor, firstArg, rest)));
      }
      case "show":
      case "reply":
      case "close":
      case "claim":
      case "decide": {
        if (!reference || ((name === "reply" || name === "decide") && rest.length === 0)) {
          await audit(actor, name, reference ?? firstArg?.slice(0, 40) ?? null, true, "usage");
          return say(actor, t(`staffcmd:usage.${name}`));
        }
        if (name === "show") return show(actor, reference, where);
        if (name === "reply") return replyTo(actor, reference, rest);
        if (name === "close") return close(actor, reference);
        if (name === "claim") return claim(actor, reference);
        return decide(actor, reference, rest);
      }
    }
  }

  /** Staff only; anything else refused and recorded. Never throws: a failure is logged and answered. */
  async function guarded(actor: StaffActor, action: string, target: string | null, work: () => Promise<StaffReply[]>): Promise<StaffReply[]> {
    try {
      if (!isStaff(actor)) {
        await audit(actor, action, target, false, "not_staff");
        log.warn("staff command refused", { channel: actor.channel, user: actor.userId, action });
        return say(actor, t("staffcmd:refused"));
      }
      return await work();
    } catch (error) {
      log.error("staff command failed", { channel: actor.channel, user: actor.userId, action, target, error });
      return say(actor, t("staffcmd:failed"));
    }
  }

  return {
    isStaff,
    isCommand: isStaffCommand,

    handleText(actor, text, where = PRIVATE) {
      const parsed = parseStaffCommand(text);
      return guarded(actor, parsed?.name ?? "unknown", parsed?.reference ?? null, async () => {
        if (!parsed || !parsed.name) {
          await audit(actor, "unknown", null, true, parsed ? parsed.word.slice(0, 40) : null);
          return say(actor, t("staffcmd:unknown"));
        }
        return run(actor, parsed.name, parsed.reference, parsed.firstArg, parsed.rest, where);
      });
    },

    handleAction(actor, value, where = PRIVATE) {
      const parsed = parseStaffAction(value);
      const verb = parsed?.action ?? null;
      const reference = parsed?.reference ?? null;
      return guarded(actor, verb ?? "unknown", reference, async () => {
        if (!verb || !reference) {
          await audit(actor, "unknown", null, true, value.slice(0, 40));
          return say(actor, t("staffcmd:unknown"));
        }
        if (verb === "reply") {
          await audit(actor, "reply_hint", reference, true);
          return say(actor, t("staffcmd:reply.hint", { reference: ltr(reference) }));
        }
        return run(actor, verb, reference, reference, "", where);
      });
    },

    async alertChoices(text, locale) {
      const reference = findReferenceInText(text);
      if (!reference) return [];
      const owner = await q.findReference(db, reference);
      if (!owner) return [];
      const lng = locale ?? fallbackLocale;
      const button = (action: StaffAction): OutboundChoice => ({
        value: staffActionValue(action, reference),
        label: translator.t(`staffcmd:button.${action}`, lng),
      });
      if (owner.type === "application") return [button("show")];
      if (owner.status === "closed") return [];
      const claimed = await latestClaim(db, reference);
      return claimed ? [button("reply"), button("close"), button("show")] : [button("claim"), button("reply"), button("close")];
    },
  };
}
