/**
 * The delivery side of notices: the fallback ladder, decided when the outbox
 * is about to send (not when the notice was queued: a decision queued at
 * night goes in the morning, when the window may have closed).
 *
 *   1. free message, when the chat's channel has no window or the person
 *      wrote within it (WhatsApp Cloud API: 24 hours);
 *   2. the profile's approved template for that kind of notice, in the
 *      person's language when approved in it (a broadcast only with a
 *      marketing template and the person's recorded opt-in);
 *   3. the person's other linked chat (Telegram, the console) on a running
 *      channel, as a free message;
 *   4. "could not reach": the outbox row fails, the notice says so, staff are
 *      alerted (not for each person of a broadcast).
 *
 * A rung fails either at once (the channel refuses the send) or later (a
 * status callback: WhatsApp reports 131047 after accepting the message):
 * both move the notice to its next rung. Staff see on the application or
 * ticket which rung delivered each notice and when it was read.
 */
import type { Kysely } from "kysely";
import * as repo from "../../db/repo";
import type { Executor } from "../../db/repo";
import * as notices from "../../db/notices";
import { BROADCAST_CONSENT } from "../../db/notices";
import type { ChannelName, Database, NoticeRow, NoticeRung, OutboxRow } from "../../db/schema";
import type { Text } from "../../flows/types";
import type { Locale, NoticeKind, Profile, TemplateKind, WhatsAppTemplate } from "../../orgs/schema";
import type { ChannelSender, DeliveryStatus, OutboundMessage } from "../channels/types";
import type { Cipher } from "../crypto";
import type { ChannelError } from "../errors";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import { staffRows } from "../notify";
import type { StaffTarget } from "../channels/types";
import { riyadhDate } from "../../flows/dates";
import type { HotPath } from "../../db/hot";
import { isWindowOpen, templateLanguage } from "./window";

export type Attempt =
  | { kind: "send"; rung: NoticeRung; channel: ChannelName; chatId: string; message: OutboundMessage }
  | { kind: "unreached"; reason: string };
type Send = Extract<Attempt, { kind: "send" }>;

export interface LadderDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  cipher: Cipher;
  clock: () => Date;
  log: Logger;
  staff: readonly StaffTarget[];
  senders: ReadonlyMap<ChannelName, ChannelSender>;
  /** Prepared statements on the same connection as `db` (statuses arrive by the hundred a second). */
  hot: HotPath;
  /** New outbox rows were written (a later rung after a failure reported by callback). */
  onOutbox?: () => void;
}

export interface NoticeLadder {
  /** What to send for an outbox row now: the row as it is, a template, another chat, or nothing. */
  plan(row: OutboxRow, message: OutboundMessage): Promise<Attempt>;
  /** The channel refused `attempt` for good: the next rung. */
  next(row: OutboxRow, attempt: Send, error: ChannelError): Promise<Attempt>;
  /** Records, in the outbox's transaction, the rung that went. */
  sent(trx: Executor, row: OutboxRow, attempt: Send, messageId: string | null, at: string): Promise<void>;
  /** Records, in the outbox's transaction, that nothing could reach the person; alerts staff. */
  unreached(trx: Executor, row: OutboxRow, reason: string, at: string): Promise<void>;
  /** A beneficiary's message (not a notice) failed for good on a windowed channel: staff see why. */
  failed(trx: Executor, row: OutboxRow, reason: string, at: string): Promise<void>;
  /** A status the channel reported (delivered, read, failed later). */
  recordStatus(status: DeliveryStatus): Promise<void>;
  /** After a send is recorded: applies a status that arrived before the message id was known. */
  reconcile(channel: ChannelName, messageId: string): Promise<void>;
}

/** Notices whose full text follows, once the person writes again, after a template went. */
const FOLLOWUP: ReadonlySet<NoticeKind> = new Set(["decision", "reply"]);
export { BROADCAST_CONSENT };

export function createNoticeLadder(deps: LadderDeps): NoticeLadder {
  const { db, profile, translator, log } = deps;

  // Every read takes the executor it runs in: inside a transaction, the outer handle would wait for it.
  async function windowOpen(ex: Executor, channel: ChannelName, chatId: string): Promise<boolean> {
    const hours = deps.senders.get(channel)?.windowHours;
    if (hours === undefined) return true;
    return isWindowOpen(await notices.lastInbound(ex, channel, chatId), deps.clock(), hours);
  }

  const templateOf = (kind: TemplateKind): WhatsAppTemplate | undefined => profile.whatsappTemplates[kind];


  function templateMessage(kind: TemplateKind, t: WhatsAppTemplate, values: Record<string, Text>, locale: Locale): OutboundMessage {
    const params = t.params.map((name) => translator.render(values[name] ?? { literal: "-" }, locale).replace(/[\u2066-\u2069]/g, ""));
    const text = translator.t(`templates:${kind}`, locale, Object.fromEntries(params.map((p, i) => [String(i + 1), p])));
    return { text, template: { name: t.name, language: locale, params } };
  }

  async function contactOf(ex: Executor, id: number) {
    return ex.selectFrom("contacts").select(["locale", "broadcast_opt_in"]).where("id", "=", id).executeTakeFirst();
  }

  /** The template rung for a notice on `channel`/`chatId`, or null when it has none (or may not use one). */
  async function templateRung(ex: Executor, notice: NoticeRow, channel: ChannelName, chatId: string): Promise<Send | null> {
    const t = templateOf(notice.kind);
    if (!t || deps.senders.get(channel)?.windowHours === undefined) return null;
    const contact = await contactOf(ex, notice.contact_id);
    if (!contact) return null;
    if (notice.kind === "broadcast") {
      // Marketing outside the window: only to people who opted in, and said so themselves.
      if (t.category !== "marketing" || contact.broadcast_opt_in !== 1 || !(await notices.hasConsent(ex, notice.contact_id, BROADCAST_CONSENT))) return null;
    }
    const values = JSON.parse(notice.params) as Record<string, Text>;
    return { kind: "send", rung: "template", channel, chatId, message: templateMessage(notice.kind, t, values, templateLanguage(t, contact.locale)) };
  }

  /** Another chat of the person on a running channel that may take a free message now. */
  async function otherRung(ex: Executor, notice: NoticeRow, exclude: ChannelName): Promise<Send | null> {
    if (!notice.message) return null;
    for (const id of await notices.identitiesOf(ex, notice.contact_id)) {
      if (id.channel === exclude || !deps.senders.has(id.channel)) continue;
      if (!(await windowOpen(ex, id.channel, id.chatId))) continue;
      return { kind: "send", rung: "other", channel: id.channel, chatId: id.chatId, message: freeMessage(notice) };
    }
    return null;
  }

  const freeMessage = (notice: NoticeRow): OutboundMessage => JSON.parse(deps.cipher.decrypt(notice.message ?? "{}")) as OutboundMessage;

  const reasonOf = (error: ChannelError | { code?: string; message: string }): string => error.message.replace(/^WhatsApp Cloud API /, "").slice(0, 300);

  /** From `rung` on `channel` after it failed (or could not be used): the next rung that can go. */
  async function after(ex: Executor, notice: NoticeRow, rung: NoticeRung, channel: ChannelName, chatId: string, why: string, outsideWindow: boolean): Promise<Attempt> {
    if (rung === "free" && outsideWindow) {
      const t = await templateRung(ex, notice, channel, chatId);
      if (t) return t;
    }
    if (rung === "free" || rung === "template") {
      const o = await otherRung(ex, notice, channel);
      if (o) return o;
    }
    return { kind: "unreached", reason: why };
  }

  async function load(row: OutboxRow, ex: Executor = db): Promise<NoticeRow | undefined> {
    return row.notice_id === null ? undefined : notices.noticeById(ex, row.notice_id);
  }

  /** Staff numbers outside their window get the staff template when there is one. */
  async function staffPlan(row: OutboxRow, message: OutboundMessage): Promise<Attempt> {
    const as: Attempt = { kind: "send", rung: "free", channel: row.channel, chatId: row.chat_id, message };
    const t = templateOf("staff");
    if (!t || message.template || (await windowOpen(db, row.channel, row.chat_id))) return as;
    const locale = translator.locales.find((l) => t.languages.includes(l)) ?? t.languages[0]!;
    const summary = message.text.split("\n").filter((l) => l.trim() !== "").slice(0, 3).join(" · ");
    return { kind: "send", rung: "template", channel: row.channel, chatId: row.chat_id, message: templateMessage("staff", t, { text: { literal: summary } }, locale) };
  }

  async function alertStaff(trx: Executor, text: Text, at: string, dedupeKey: string): Promise<void> {
    for (const r of staffRows(translator, deps.staff, text, at, { dedupeKey })) await repo.enqueue(trx, r);
  }

  /** A reference staff can look up for a contact: the notice's, else their latest application or ticket. */
  async function referenceOf(trx: Executor, contactId: number, given: string | null): Promise<string> {
    if (given) return given;
    const a = await trx.selectFrom("applications").select("reference").where("contact_id", "=", contactId).orderBy("id", "desc").executeTakeFirst();
    if (a) return a.reference;
    const t = await trx.selectFrom("tickets").select("reference").where("contact_id", "=", contactId).orderBy("id", "desc").executeTakeFirst();
    return t?.reference ?? `#${contactId}`;
  }

  async function giveUp(trx: Executor, notice: NoticeRow, reason: string, at: string): Promise<void> {
    await notices.updateNotice(trx, notice.id, { rung: "unreached", status: "unreached", error: reason, message: null, followup: false }, at);
    if (notice.bulk === 1 && notice.kind === "broadcast") return; // counted, not alerted one by one
    const reference = await referenceOf(trx, notice.contact_id, notice.reference);
    await alertStaff(
      trx,
      { key: "staff:noticeUnreached", params: { kind: { key: `staffcmd:noticeKind.${notice.kind}` }, reference: { ltr: reference }, reason: { literal: reason } } },
      at,
      `notice-unreached:${notice.id}`,
    );
  }

  /** A later rung as a new outbox row (after a failure reported by callback). */
  async function queueRung(trx: Executor, notice: NoticeRow, attempt: Attempt, at: string): Promise<void> {
    if (attempt.kind === "unreached") {
      await giveUp(trx, notice, attempt.reason, at);
      return;
    }
    await notices.updateNotice(trx, notice.id, { rung: attempt.rung, status: "pending", channel: attempt.channel, chatId: attempt.chatId, messageId: null }, at);
    await repo.enqueue(trx, {
      contact_id: notice.contact_id,
      audience: "beneficiary",
      channel: attempt.channel,
      chat_id: attempt.chatId,
      payload: notice.message ?? JSON.stringify(attempt.message),
      next_attempt_at: at,
      last_error: null,
      dedupe_key: null,
      created_at: at,
      sent_at: null,
      notice_id: notice.id,
      ...(notice.bulk ? { bulk: 1 } : {}),
    });
  }

  async function applyStatus(trx: Executor, channel: ChannelName, messageId: string, s: notices.StoredStatus, error: DeliveryStatus["error"] | undefined): Promise<boolean> {
    const notice = await notices.noticeByMessage(trx, channel, messageId);
    if (!notice) return false;
    const at = deps.clock().toISOString();
    if (s.status === "delivered" && notice.status === "sent") {
      await notices.updateNotice(trx, notice.id, { status: "delivered", deliveredAt: s.at, ...(notice.followup ? {} : { message: null }) }, at);
    } else if (s.status === "read" && (notice.status === "sent" || notice.status === "delivered")) {
      await notices.updateNotice(trx, notice.id, { status: "read", readAt: s.at, ...(notice.delivered_at ? {} : { deliveredAt: s.at }), ...(notice.followup ? {} : { message: null }) }, at);
    } else if (s.status === "failed" && (notice.status === "sent" || notice.status === "delivered")) {
      const reason = `${s.errorCode ?? ""} ${s.errorTitle ?? ""}`.trim() || "failed";
      const rung = notice.rung ?? "free";
      const next = await after(trx, notice, rung, channel, notice.chat_id ?? "", reason, error?.outsideWindow ?? s.errorCode === "131047");
      await notices.updateNotice(trx, notice.id, { error: reason, followup: false }, at);
      await queueRung(trx, notice, next, at);
      log.info("notice moved to its next rung after a failure reported later", { notice: notice.id, from: rung, to: next.kind === "send" ? next.rung : "unreached", reason });
      return true;
    }
    return false;
  }

  async function failedMessage(trx: Executor, contactId: number | null, channel: ChannelName, reason: string, unreachable: boolean, at: string): Promise<void> {
    if (contactId === null || deps.senders.get(channel)?.windowHours === undefined) return;
    if (unreachable) await repo.updateContact(trx, contactId, { unreachable: true }, at);
    const reference = await referenceOf(trx, contactId, null);
    await alertStaff(
      trx,
      { key: "staff:deliveryFailed", params: { reference: { ltr: reference }, channel, reason: { literal: reason } } },
      at,
      `delivery-failed:${contactId}:${riyadhDate(new Date(at))}`,
    );
  }

  return {
    async plan(row, message) {
      const as: Attempt = { kind: "send", rung: "free", channel: row.channel, chatId: row.chat_id, message };
      if (row.audience === "staff") return staffPlan(row, message);
      const notice = await load(row);
      if (!notice) return as;
      // A later rung queued after a failure reported by callback: as decided then.
      if (notice.rung === "other") return { ...as, rung: "other" };
      if (notice.rung === "template") return (await templateRung(db, notice, row.channel, row.chat_id)) ?? after(db, notice, "template", row.channel, row.chat_id, "template no longer configured", false);
      if (!deps.senders.has(row.channel)) return after(db, notice, "template", row.channel, row.chat_id, `${row.channel} is not running`, false);
      if (await windowOpen(db, row.channel, row.chat_id)) return as;
      return after(db, notice, "free", row.channel, row.chat_id, "outside the 24-hour window, no approved template and no other channel", true);
    },

    async next(row, attempt, error) {
      const notice = await load(row);
      if (!notice) return { kind: "unreached", reason: reasonOf(error) };
      return after(db, notice, attempt.rung, attempt.channel, attempt.chatId, reasonOf(error), error.outsideWindow);
    },

    async sent(trx, row, attempt, messageId, at) {
      if (attempt.channel !== row.channel || attempt.chatId !== row.chat_id) {
        await trx.updateTable("outbox").set({ channel: attempt.channel, chat_id: attempt.chatId }).where("id", "=", row.id).execute();
      }
      if (row.notice_id === null) return;
      const followup = attempt.rung === "template" && FOLLOWUP.has((await notices.noticeById(trx, row.notice_id))?.kind ?? "survey");
      // On a channel that reports nothing later, no later rung can be needed: the free message is not kept.
      const final = messageId === null || deps.senders.get(attempt.channel)?.windowHours === undefined;
      await notices.updateNotice(
        trx,
        row.notice_id,
        { rung: attempt.rung, status: "sent", channel: attempt.channel, chatId: attempt.chatId, messageId, sentAt: at, error: null, followup, ...(final && !followup ? { message: null } : {}) },
        at,
      );
    },

    async unreached(trx, row, reason, at) {
      const notice = await load(row, trx);
      if (notice) await giveUp(trx, notice, reason, at);
    },

    async failed(trx, row, reason, at) {
      if (row.audience !== "beneficiary" || row.bulk === 1) return;
      await failedMessage(trx, row.contact_id, row.channel, reason, false, at);
    },

    async recordStatus(s) {
      const now = deps.clock().toISOString();
      const at = s.at.toISOString();
      const errorCode = s.error?.code ?? null;
      const errorTitle = s.error?.title ?? null;
      const queued = await db.transaction().execute(async (trx) => {
        // Prepared statements on the connection this transaction holds: most statuses stop here.
        const r = deps.hot.recordStatus({ channel: s.channel, messageId: s.messageId, status: s.status, at, errorCode, errorTitle, now });
        if (!r.changed) return false; // an older status arriving late, or the same again
        if (!r.notice && s.status !== "failed") return false;
        const stored: notices.StoredStatus = { status: s.status, at, errorCode, errorTitle };
        if (r.notice && (await applyStatus(trx, s.channel, s.messageId, stored, s.error))) return true;
        if (s.status === "failed") {
          const m = await trx
            .selectFrom("messages")
            .select(["contact_id"])
            .where("channel", "=", s.channel)
            .where("direction", "=", "out")
            .where("channel_message_id", "=", s.messageId)
            .executeTakeFirst();
          if (m) {
            await failedMessage(trx, m.contact_id, s.channel, `${s.error?.code ?? ""} ${s.error?.title ?? ""}`.trim(), s.error?.unreachable ?? false, now);
            return true;
          }
        }
        return false;
      });
      if (queued) deps.onOutbox?.();
    },

    async reconcile(channel, messageId) {
      // Cheap when nothing came early: one prepared read.
      const stored = deps.hot.messageStatus(channel, messageId);
      if (!stored) return;
      const queued = await db.transaction().execute(async (trx) => {
        await trx.updateTable("messages").set({ status: stored.status }).where("channel", "=", channel).where("direction", "=", "out").where("channel_message_id", "=", messageId).execute();
        return applyStatus(trx, channel, messageId, stored, undefined);
      });
      if (queued) deps.onOutbox?.();
    },
  };
}
