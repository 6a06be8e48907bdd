/**
 * The staff workspace in a chat, shared by every channel: a staff member
 * types a command (or presses a button under an alert) on Telegram or
 * WhatsApp; the channel passes it here with who sent it and sends back what
 * this returns. Anyone not configured as staff is refused. The actions
 * themselves (and their audit records) are in `actions.ts`, shared with the
 * web desk; this file reads commands and words the outcomes for a chat.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { t } from "../../flows/reply";
import type { Reply, Text } from "../../flows/types";
import type { Locale, Profile } from "../../orgs/schema";
import type { ChannelName, OutboundChoice, OutboundMessage } from "../channels/types";
import type { Cipher } from "../crypto";
import type { StaffTarget } from "../engine";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import { renderReply } from "../notify";
import type { CalendarSource } from "../calendar";
import { createStaffActions, type DecideRequest, type StaffActions } from "./actions";
import { latestClaim } from "./audit";
import { noteStaffHandle } from "./handles";
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

export type { DecideRequest };

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
  /** The actions to run (shared with the desk); built from these deps when absent. */
  actions?: StaffActions;
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



const PRIVATE: StaffChat = { group: false };

export function createStaffCommands(deps: StaffDeps): StaffWorkspace {
  const { db, translator, profile, log } = deps;
  const listLimit = deps.listLimit ?? 20;
  const fallbackLocale: Locale = deps.locale ?? profile.locales[0] ?? "ar";
  const actions = deps.actions ?? createStaffActions(deps);
  const { programName, statusLabel, kindLabel, applicationText, ticketText, applicationSummary, ticketSummary } = createViews({ db, profile, log, ...(deps.cipher ? { cipher: deps.cipher } : {}) });

  const localeFor = (channel: ChannelName): Locale => deps.staffTargets.find((s) => s.channel === channel)?.locale ?? fallbackLocale;
  const isStaff = (actor: StaffActor): boolean => (deps.staffIds[actor.channel] ?? []).includes(actor.userId);
  const staffName = (actor: StaffActor): string => actor.displayName?.trim() || actor.userId;

  const render = (actor: StaffActor, ...replies: Reply[]): OutboundMessage[] =>
    replies.map((r) => renderReply(translator, r, localeFor(actor.channel)));
  const say = (actor: StaffActor, ...text: Text[]): OutboundMessage[] => render(actor, { text });
  const notFound = (actor: StaffActor, reference: string): OutboundMessage[] => say(actor, t("staffcmd:notFound", { reference: ltr(reference) }));

  // ---- Lists ----------------------------------------------------------------

  async function pending(actor: StaffActor): Promise<OutboundMessage[]> {
    const { apps, tickets, claims } = await actions.pending(actor, listLimit);
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
    const s = await actions.stats(actor);
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
    const owner = await actions.locate(reference);
    const detail = where.group ? "sent_privately" : null;
    let full: Text[];
    let summary: Text[];
    if (owner?.type === "ticket") {
      const ticket = await actions.showTicket(actor, reference, detail);
      if (!ticket) return notFound(actor, reference);
      full = [...(await ticketText(ticket)), ...(await referralSection(reference)), ...(await noticesSection(db, reference))];
      summary = where.group ? await ticketSummary(ticket) : [];
    } else {
      const a = await actions.showApplication(actor, reference, detail);
      if (!a) return notFound(actor, reference);
      full = [...applicationText(a), ...(await noticesSection(db, reference))];
      summary = [applicationSummary(a)];
    }
    if (!where.group) return render(actor, { text: full });
    return [
      ...render(actor, { text: full }).map((m) => ({ ...m, privately: true })),
      ...say(actor, ...summary, t("staffcmd:show.sentPrivately", { reference: ltr(reference), staff: staffName(actor) })),
    ];
  }

  /** A referral's topic, partner, status, consent and history, under its ticket. */
  async function referralSection(reference: string): Promise<Text[]> {
    const file = await actions.referral(reference);
    return file ? [...file.lines, section(t("staff:referral.historyTitle"), [file.history])] : [];
  }

  // ---- Acting ---------------------------------------------------------------

  async function referralStatus(actor: StaffActor, reference: string, args: string): Promise<OutboundMessage[]> {
    const r = await actions.referralStatus(actor, reference, args);
    switch (r.status) {
      case "not_found":
        return notFound(actor, reference);
      case "not_referral":
        return say(actor, t("staffcmd:referral.notReferral", { reference: ltr(reference) }));
      case "unknown_status":
        return say(actor, t("staffcmd:usage.referral"));
      case "unchanged":
        return say(actor, t("staffcmd:referral.unchanged", { reference: ltr(reference), status: t(`staff:referral.status.${r.referral.status}`) }));
      case "updated":
        return say(
          actor,
          t(r.final ? "staffcmd:referral.doneFinal" : "staffcmd:referral.done", {
            reference: ltr(reference),
            from: t(`staff:referral.status.${r.from}`),
            to: t(`staff:referral.status.${r.to}`),
          }),
        );
    }
  }

  async function replyTo(actor: StaffActor, reference: string, text: string): Promise<OutboundMessage[]> {
    const r = await actions.reply(actor, reference, text);
    if (r.status === "not_found") return notFound(actor, reference);
    if (r.status === "no_address") return say(actor, t("staffcmd:reply.noAddress", { reference: ltr(reference) }));
    const parts = [t("staffcmd:reply.sent", { reference: ltr(reference) })];
    if (r.unreachable) parts.push(t("staffcmd:reply.unreachableWarning"));
    return say(actor, ...parts);
  }

  async function close(actor: StaffActor, reference: string): Promise<OutboundMessage[]> {
    const r = await actions.close(actor, reference);
    switch (r.status) {
      case "not_found":
        return notFound(actor, reference);
      case "not_ticket":
        return say(actor, t("staffcmd:close.notTicket", { reference: ltr(reference) }));
      case "already_closed":
        return say(actor, t("staffcmd:close.alreadyClosed", { reference: ltr(reference) }));
      case "closed":
        return say(actor, t(r.notified ? "staffcmd:close.done" : "staffcmd:close.doneSilent", { reference: ltr(reference) }));
    }
  }

  async function claim(actor: StaffActor, reference: string): Promise<OutboundMessage[]> {
    const r = await actions.claim(actor, reference);
    switch (r.status) {
      case "not_found":
        return notFound(actor, reference);
      case "not_ticket":
        return say(actor, t("staffcmd:claim.notTicket", { reference: ltr(reference) }));
      case "closed":
        return say(actor, t("staffcmd:claim.closed", { reference: ltr(reference) }));
      case "already_yours":
        return say(actor, t("staffcmd:claim.already", { reference: ltr(reference) }));
      case "claimed":
        return r.before
          ? say(actor, t("staffcmd:claim.takenOver", { reference: ltr(reference), staff: claimName(r.before) }))
          : say(actor, t("staffcmd:claim.done", { reference: ltr(reference) }));
    }
  }

  async function decide(actor: StaffActor, reference: string, args: string): Promise<OutboundMessage[]> {
    const [decision = "", ...noteWords] = args.split(/\s+/).filter((w) => w.length > 0);
    const note = noteWords.join(" ").trim();
    const r = await actions.decide(actor, reference, decision, note.length > 0 ? note : null);
    return r.status === "unavailable" ? say(actor, t("staffcmd:decide.unavailable")) : render(actor, r.reply);
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
        await actions.audit(actor, "help", null, true);
        return say(actor, t("staffcmd:help"));
      case "pending":
        return pending(actor);
      case "stats":
        return statistics(actor);
      case "closures":
      case "closure": {
        if (!deps.calendar) {
          await actions.audit(actor, name, null, true, "unavailable");
          return say(actor, t("staffcmd:closure.unavailable"));
        }
        const closureDeps = { db, calendar: deps.calendar, clock: deps.clock };
        return say(actor, ...(name === "closures" ? await closuresList(closureDeps, actor) : await closureCommand(closureDeps, actor, firstArg, rest)));
      }
      case "show":
      case "reply":
      case "close":
      case "claim":
      case "decide":
      case "referral": {
        if (!reference || ((name === "reply" || name === "decide" || name === "referral") && rest.length === 0)) {
          await actions.audit(actor, name, reference ?? firstArg?.slice(0, 40) ?? null, true, "usage");
          return say(actor, t(`staffcmd:usage.${name}`));
        }
        if (name === "show") return show(actor, reference, where);
        if (name === "reply") return replyTo(actor, reference, rest);
        if (name === "close") return close(actor, reference);
        if (name === "claim") return claim(actor, reference);
        if (name === "referral") return referralStatus(actor, reference, rest);
        return decide(actor, reference, rest);
      }
    }
  }

  /** Staff only; anything else refused and recorded. Never throws: a failure is logged and answered. */
  async function guarded(actor: StaffActor, action: string, target: string | null, work: () => Promise<StaffReply[]>): Promise<StaffReply[]> {
    try {
      if (!isStaff(actor)) {
        await actions.audit(actor, action, target, false, "not_staff");
        log.warn("staff command refused", { channel: actor.channel, user: actor.userId, action });
        return say(actor, t("staffcmd:refused"));
      }
      // The handle they wrote from signs them in to the desk as "@handle" (a failure here stops no command).
      await noteStaffHandle(db, actor, deps.clock().toISOString()).catch((error: unknown) => log.warn("could not record a staff member's handle", { user: actor.userId, error }));
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
          await actions.audit(actor, "unknown", null, true, parsed ? parsed.word.slice(0, 40) : null);
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
          await actions.audit(actor, "unknown", null, true, value.slice(0, 40));
          return say(actor, t("staffcmd:unknown"));
        }
        if (verb === "reply") {
          await actions.audit(actor, "reply_hint", reference, true);
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
