/**
 * The turn. In one database transaction: record the inbound message (a
 * redelivered message is a no-op), load the contact and its session, run the
 * flow step, execute its effects, save the session, and write every reply
 * and staff alert to the outbox. Only after commit does the outbox deliver.
 * A step that throws rolls the turn back; the person gets an apology and a
 * way forward, and the process lives on. Turns of different chats that are
 * ready together share one commit (`writer.ts`), each in its own savepoint.
 */
import fs from "node:fs";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema";
import * as repo from "../../db/repo";
import { step as flowStep, SESSION_VERSION } from "../../flows";
import type { EffectEvent, FlowContext, FlowInput, Reply, SessionState, Text } from "../../flows/types";
import type { Locale } from "../../orgs/schema";
import type { ChannelName, InboundMessage, OutboundMessage, StaffTarget } from "../channels/types";
import type { Translator } from "../i18n";
import { KeyedQueue } from "./queue";
import { createEffectRunner } from "./effects";
import { createGroupWriter } from "./writer";
import { floodArrival } from "./flood";
import { renderParts, staffRows } from "../notify";
import type { ApplicationSummary, TicketSummary } from "../../db/repo";
import { openState, sealState } from "../sealing";
import { containsNationalId } from "../pii";
import { cutText } from "../../flows/validate";
import type { Calendar } from "../../flows/calendar";

export type { StaffTarget } from "../channels/types";

export type { EngineDeps } from "./deps";
import type { EngineDeps } from "./deps";

/** "throttled": recorded but not processed, the contact sent too many messages too fast. */
export type TurnOutcome = "processed" | "duplicate" | "failed" | "throttled";

export interface Engine {
  /** Processes one inbound message; never throws for a bad message. */
  handle(message: InboundMessage): Promise<TurnOutcome>;
  /** Resolves when every turn accepted so far has finished. */
  idle(): Promise<void>;
  /** Renders and queues a message to a contact outside a turn (staff replies, notifications). */
  readonly translator: Translator;
  /** Commits so far and the turns (with recorded failures) they carried. */
  readonly commits: { groups: number; items: number };
}

/** An E.164 number, as channels report a proven one. */
const PROVEN_PHONE = /^\+[1-9]\d{7,14}$/;

/** How many effect results may feed back into the flow in one turn. */
const MAX_EFFECT_ROUNDS = 4;

function inboundKind(m: InboundMessage): { kind: string; body: string | null } {
  const c = m.content;
  switch (c.kind) {
    case "text":
      return { kind: "text", body: c.text };
    case "choice":
      return { kind: "choice", body: c.value };
    case "media":
      return { kind: `media:${c.mediaType}`, body: c.caption ?? c.fileName ?? null };
    case "contact":
      return { kind: "contact", body: c.phone };
    case "location":
      return { kind: "location", body: `${c.latitude},${c.longitude}` };
  }
}

function isSessionState(v: unknown): v is SessionState {
  return typeof v === "object" && v !== null && typeof (v as { flow?: unknown }).flow === "string";
}

export function createEngine(deps: EngineDeps): Engine {
  const queue = new KeyedQueue();
  const writer = createGroupWriter({ db: deps.db, savepoints: deps.hot.savepoints });
  const maxText = deps.maxTextLength ?? 4096;
  const floodLimit = deps.floodPerMinute ?? 30;
  const defaultLocale = deps.profile.locales[0] ?? "ar";

  const staffTargets = (): readonly StaffTarget[] =>
    deps.staff.length > 0 ? deps.staff : [{ channel: "console", chatId: "staff", locale: defaultLocale }];

  /**
   * Queues an alert about the turn's contact to every staff target, on the turn's connection. The
   * rows carry the contact's id (audience "staff"): erasing the person finds every copy.
   */
  const alertStaff = (text: Text, at: string, contactId: number): void => {
    for (const row of staffRows(deps.translator, staffTargets(), text, at)) {
      deps.hot.enqueue({ contactId, audience: "staff", channel: row.channel, chatId: row.chat_id, payload: row.payload, at });
    }
  };

  /** Safety alerts go to every staff target at once (bot/safeguarding.ts). */
  const safeguarding = () => ({ profile: deps.profile, translator: deps.translator, staff: staffTargets() });

  /** The contact's language if the association serves it, else the association's first. */
  const localeOf = (contact: { locale: string }): Locale =>
    (deps.profile.locales as readonly string[]).includes(contact.locale) ? (contact.locale as Locale) : defaultLocale;

  /**
   * Queues a reply to the chat a message came from; replies carrying personal data are sealed at
   * rest. Called inside a turn's transaction: the hot statements run on the connection it holds.
   */
  function queueReply(contactId: number, message: InboundMessage, reply: Reply, locale: Locale, at: string): void {
    for (const part of renderParts(deps.translator, reply, locale)) {
      const payload = JSON.stringify(part);
      deps.hot.enqueue({
        contactId,
        audience: "beneficiary",
        channel: message.channel,
        chatId: message.chatId,
        // A reply that echoes a national ID (whatever the flow meant) is sealed like a summary.
        payload: reply.sensitive || containsNationalId(part.text) ? deps.cipher.encrypt(payload) : payload,
        at,
      });
    }
  }

  /**
   * Finds (or creates) the message's contact and records the message with it;
   * `fresh` is false when the channel delivered it before. A redelivered message
   * finds its chat's identity already there, so creating one never precedes a duplicate.
   */
  function recordArrival(message: InboundMessage, record: { kind: string; body: string | null; status: string; error?: string; at: string }) {
    const known = deps.hot.findIdentity(message.channel, message.chatId);
    const identity = known
      ? { ...known, isNew: false }
      : deps.hot.createIdentity({
          channel: message.channel,
          chatId: message.chatId,
          // Only a number the channel vouches for joins a chat to a known person; typed numbers are data.
          verifiedPhone: message.senderPhone ?? null,
          defaultLocale,
          at: record.at,
          displayName: message.senderName ?? null,
        });
    const fresh = deps.hot.recordInbound({
      contactId: identity.contact.id,
      channel: message.channel,
      chatId: message.chatId,
      messageId: message.messageId,
      ...record,
    });
    if (fresh) deps.hot.touchWindow(message.channel, message.chatId, record.at);
    return { identity, fresh };
  }

  const runEffect = createEffectRunner({
    profile: deps.profile,
    cipher: deps.cipher,
    hot: deps.hot,
    hashNationalId: deps.hashNationalId,
    alertStaff,
    safeguarding,
    translator: deps.translator,
  });

  async function turn(trx: Transaction<Database>, message: InboundMessage, calendar: Calendar, unkept: string[]): Promise<TurnOutcome> {
    const now = deps.clock();
    const at = now.toISOString();
    const { kind, body } = inboundKind(message);
    const content =
      message.content.kind === "text" && message.content.text.length > maxText
        ? { ...message.content, text: cutText(message.content.text, maxText) }
        : message.content;
    const storedBody = body === null ? null : cutText(body, maxText);
    // A national ID typed anywhere (spaced, dotted, in Arabic-Indic digits) is sealed before the
    // message is stored, whatever happens to the turn next (a flood, a failure).
    const sealedOnArrival = storedBody !== null && containsNationalId(storedBody);

    const { identity, fresh } = recordArrival(message, {
      kind,
      body: sealedOnArrival ? deps.cipher.encrypt(storedBody) : storedBody,
      status: "processed",
      at,
    });
    if (!fresh) return "duplicate" as const;
    let contact = identity.contact;

    // A flood is recorded but not processed; the person is asked once to slow down.
    const saved = deps.hot.loadSession(identity.identityId);
    const flood = floodArrival(saved?.flood ?? 0, now.getTime());
    if (flood.count > floodLimit) {
      await repo.setInboundStatus(trx, message.channel, message.messageId, "throttled");
      deps.hot.saveFlood(identity.identityId, flood.packed);
      if (flood.count === floodLimit + 1) queueReply(contact.id, message, { text: [{ key: "common:slowDown" }] }, localeOf(contact), at);
      return "throttled" as const;
    }

    // The channel vouches that this number is the sender's own: the proof that joins channels.
    if (content.kind === "contact" && content.own && PROVEN_PHONE.test(content.phone)) {
      contact = deps.hot.proveOwnPhone({ identityId: identity.identityId, contact, phone: content.phone, at });
    }

    let state: SessionState = { flow: "new" };
    if (saved && saved.version === SESSION_VERSION && isSessionState(saved.state)) {
      try {
        state = openState(saved.state, deps.cipher);
      } catch (error) {
        // A state that cannot be opened (a changed key) restarts the conversation cleanly.
        deps.log.warn("session state could not be opened; restarting the flow", { chat: message.chatId, error });
        state = { flow: "menu" };
      }
    } else if (saved) {
      state = { flow: "menu" }; // an older shape: restart the flow cleanly
    }

    // A file the person sent: kept when a step holds it (in the state) or an effect takes it.
    const sentFile = content.kind === "media" && deps.files?.owns(content.fileRef) ? content.fileRef : null;
    let fileKept = false;
    const replies: Reply[] = [];
    const turnInfo = { contactId: contact.id, at, locale: localeOf(contact), localeChosen: contact.localeChosen, channel: message.channel, extra: replies };
    let sensitiveInput = false;
    let input: FlowInput = content;

    for (let round = 0; round < MAX_EFFECT_ROUNDS; round++) {
      // Read when a step asks for them (most steps of a form do not), afresh each round: the
      // effects of the last round may have changed them.
      let applications: ApplicationSummary[] | undefined;
      let openHandoff: { reference: string } | null | undefined;
      let tickets: TicketSummary[] | undefined;
      const ctx: FlowContext = {
        profile: deps.profile,
        now,
        locale: turnInfo.locale,
        channel: message.channel,
        contact: {
          id: contact.id,
          isNew: identity.isNew,
          phone: contact.phone,
          privacyAcceptedAt: contact.privacyAcceptedAt,
          get seasonGreeted() {
            return deps.hot.seasonGreetedOf(contact.id);
          },
          localeChosen: turnInfo.localeChosen,
          get city() {
            return deps.hot.cityOf(contact.id);
          },
        },
        senderPhone: message.senderPhone ?? null,
        get applications() {
          return (applications ??= deps.hot.applicationsOfContact(contact.id));
        },
        get openHandoff() {
          if (openHandoff === undefined) openHandoff = deps.hot.openHandoffOf(contact.id);
          return openHandoff;
        },
        get tickets() {
          return (tickets ??= deps.hot.ticketsOfContact(contact.id));
        },
        faq: deps.faq,
        calendar,
        attachments: deps.attachments,
      };
      const result = flowStep(state, input, ctx);
      if (sentFile && !fileKept) fileKept = result.effects.some((e) => JSON.stringify(e).includes(sentFile));
      state = result.state;
      replies.push(...result.replies);
      if (round === 0 && result.sensitiveInput) sensitiveInput = true;
      let event: EffectEvent | null = null;
      for (const effect of result.effects) {
        const e = await runEffect(trx, effect, turnInfo);
        if (e) event = e;
      }
      if (!event) break;
      input = event;
    }

    if (storedBody !== null && sensitiveInput && !sealedOnArrival) {
      await repo.replaceInboundBody(trx, message.channel, message.messageId, deps.cipher.encrypt(storedBody));
    }
    if (sentFile && !fileKept && !JSON.stringify(state).includes(sentFile)) unkept.push(sentFile);
    deps.hot.saveSession(identity.identityId, SESSION_VERSION, sealState(state, deps.profile, deps.cipher), at, flood.packed);
    // A notice that reached this chat as a template: its full text now that the person wrote again.
    for (const payload of deps.hot.takeFollowups(contact.id, message.channel, message.chatId, at)) {
      deps.hot.enqueue({ contactId: contact.id, audience: "beneficiary", channel: message.channel, chatId: message.chatId, payload, at });
    }
    for (const r of replies) queueReply(contact.id, message, r, turnInfo.locale, at);
    return "processed" as const;
  }

  function removeUnkept(file: string): void {
    try {
      fs.rmSync(file, { force: true });
    } catch (error) {
      deps.log.warn("could not remove a file the turn did not keep", { error });
    }
  }

  /** The error boundary of one update: record, apologise, keep going. */
  async function failed(message: InboundMessage, error: unknown): Promise<void> {
    deps.log.error("turn failed", { channel: message.channel, chat: message.chatId, messageId: message.messageId, error });
    const at = deps.clock().toISOString();
    try {
      await writer.run(async (trx) => {
        const { kind, body } = inboundKind(message);
        const { identity, fresh } = recordArrival(message, {
          kind,
          body: body === null ? null : containsNationalId(body) ? deps.cipher.encrypt(cutText(body, maxText)) : cutText(body, maxText),
          status: "failed",
          error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error",
          at,
        });
        if (!fresh) return;
        const apology: Reply = {
          text: [{ key: "common:apology" }],
          choices: [
            { value: "menu:human", label: { key: "menu:item.human" } },
            { value: "menu:apply", label: { key: "menu:item.apply" } },
          ],
        };
        queueReply(identity.contact.id, message, apology, localeOf(identity.contact), at);
      });
    } catch (secondError) {
      deps.log.error("could not record a failed turn", { channel: message.channel, chat: message.chatId, error: secondError });
    }
  }

  return {
    translator: deps.translator,
    commits: writer.stats,
    handle(message) {
      return queue.run(`${message.channel}:${message.chatId}`, async () => {
        let outcome: TurnOutcome;
        const unkept: string[] = [];
        try {
          const calendar = await deps.calendar.get();
          outcome = await writer.run((trx) => turn(trx, message, calendar, unkept));
          // Committed: a file nobody kept is not kept on disk either.
          for (const file of unkept) removeUnkept(file);
        } catch (error) {
          await failed(message, error);
          outcome = "failed";
        }
        if (outcome !== "duplicate") deps.onOutbox?.();
        return outcome;
      });
    },
    idle: () => queue.idle(),
  };
}
