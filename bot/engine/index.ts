/**
 * The turn. In one database transaction: record the inbound message (a
 * redelivered message is a no-op), load the contact and its session, run the
 * flow step, execute its effects, save the session, and write every reply
 * and staff alert to the outbox. Only after commit does the outbox deliver.
 * A step that throws rolls the turn back; the person gets an apology and a
 * way forward, and the process lives on. Turns of different chats that are
 * ready together share one commit (`writer.ts`), each in its own savepoint.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import * as repo from "../../db/repo";
import { step as flowStep, SESSION_VERSION } from "../../flows";
import type { Effect, EffectEvent, FlowContext, FlowInput, Reply, SessionState, Text } from "../../flows/types";
import type { FaqResult } from "../../flows/faq/matcher";
import type { Locale, Profile } from "../../orgs/schema";
import type { ChannelName, InboundMessage, OutboundMessage, StaffTarget } from "../channels/types";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import { KeyedQueue } from "./queue";
import { BROADCAST_CONSENT } from "../../db/notices";
import { createGroupWriter } from "./writer";
import { floodArrival } from "./flood";
import { renderParts, staffRows } from "../notify";
import { createTicketSurvey } from "../surveys";
import type { Cipher } from "../crypto";
import type { HotPath } from "../../db/hot";
import type { ApplicationSummary } from "../../db/repo";
import { openState, sealAnswers, sealState } from "../sealing";
import { containsNationalId, redact } from "../log";
import { myDataReply, requestDeletion } from "../privacy";
import { cutText } from "../../flows/validate";
import { raiseCareAlert, raiseUrgentAlert } from "../safeguarding";
import { sensitiveConsentPurpose } from "../../flows/consent";
import type { Calendar } from "../../flows/calendar";
import type { CalendarSource } from "../calendar";
import { rememberSeasonGreeting } from "../../db/calendar";

export type { StaffTarget } from "../channels/types";

export interface EngineDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  log: Logger;
  clock: () => Date;
  staff: readonly StaffTarget[];
  /** FAQ lookup in a locale (built once from the profile). */
  faq: (query: string, locale: Locale) => FaqResult;
  /** The association's calendar with the staff's closures (read before each turn, outside its transaction). */
  calendar: CalendarSource;
  /** Keyed hash of a national ID for duplicate checks. */
  hashNationalId: (id: string) => string;
  /** Encryption at rest for national IDs, sensitive answers and the messages that carry them. */
  cipher: Cipher;
  /** The statements of every turn, prepared on the same SQLite connection as `db`. */
  hot: HotPath;
  attachments: { maxBytes: number; mimeTypes: string[] };
  /** Called after a turn commits with outbox rows to deliver. */
  onOutbox?: () => void;
  /** Longest text a turn keeps from one message (longer is cut, not refused). */
  maxTextLength?: number;
  /** Messages a contact may send in a minute before being asked to slow down (default 30). */
  floodPerMinute?: number;
}

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

  /** Queues an alert to every staff target, on the turn's connection. */
  const alertStaff = (text: Text, at: string): void => {
    for (const row of staffRows(deps.translator, staffTargets(), text, at)) {
      deps.hot.enqueue({ contactId: null, audience: "staff", channel: row.channel, chatId: row.chat_id, payload: row.payload, at });
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
        payload: reply.sensitive ? deps.cipher.encrypt(payload) : payload,
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
          phone: message.senderPhone ?? null,
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

  async function runEffect(
    trx: Transaction<Database>,
    effect: Effect,
    turn: { contactId: number; at: string; locale: Locale; localeChosen: boolean; channel: ChannelName; extra: Reply[] },
  ): Promise<EffectEvent | null> {
    switch (effect.type) {
      case "setLocale":
        turn.locale = effect.locale;
        turn.localeChosen = effect.chosen ?? turn.localeChosen;
        await repo.updateContact(trx, turn.contactId, { locale: effect.locale, localeChosen: turn.localeChosen }, turn.at);
        return null;
      case "acceptPrivacy":
        await repo.updateContact(trx, turn.contactId, { privacyAcceptedAt: effect.at }, turn.at);
        deps.hot.recordConsent({ contactId: turn.contactId, purpose: "privacy_notice", applicationId: null, at: effect.at });
        return null;
      case "exportMyData": {
        const r = await myDataReply(trx, turn.contactId, deps.profile, deps.cipher);
        turn.extra.push(r);
        return null;
      }
      case "requestDeletion":
        return { kind: "deletionRequested", reference: await requestDeletion(trx, turn.contactId, turn.at) };
      case "setPhone":
        await repo.updateContact(trx, turn.contactId, { phone: effect.phone }, turn.at);
        return null;
      case "checkOpenApplication": {
        const open = deps.hot.findOpenApplication(effect.programId, deps.hashNationalId(effect.nationalId));
        return { kind: "openApplicationChecked", openReference: open };
      }
      case "submitApplication": {
        const d = effect.draft;
        const nid = d.answers["national_id"];
        const hash = nid?.type === "nationalId" ? deps.hashNationalId(nid.value) : null;
        if (hash) {
          const open = deps.hot.findOpenApplication(d.programId, hash);
          if (open) return { kind: "applicationDuplicate", reference: open };
        }
        const { id: applicationId, reference } = deps.hot.insertApplication({
          contactId: turn.contactId,
          programId: d.programId,
          fields: sealAnswers(d.answers, d.programId, deps.profile, deps.cipher),
          nationalIdHash: hash,
          attestedAt: d.attestedAt ?? turn.at,
          privacyAcceptedAt: d.privacyAcceptedAt,
          termsAcceptedAt: effect.termsAcceptedAt,
          sensitiveConsentAt: d.sensitiveConsentAt ?? null,
          at: turn.at,
        });
        const consents: Array<[string, string | undefined]> = [
          ["privacy_notice", d.privacyAcceptedAt],
          [sensitiveConsentPurpose(deps.profile.programs.find((p) => p.id === d.programId)), d.sensitiveConsentAt],
          ["attestation", d.attestedAt ?? turn.at],
          [`program_terms:${d.programId}`, effect.termsAcceptedAt],
        ];
        for (const [purpose, grantedAt] of consents) {
          if (grantedAt) deps.hot.recordConsent({ contactId: turn.contactId, purpose, applicationId, at: grantedAt });
        }
        return { kind: "applicationSubmitted", reference, submittedAt: turn.at };
      }
      case "createTicket": {
        const reference = await repo.createTicket(trx, {
          contactId: turn.contactId,
          kind: effect.kind,
          body: effect.body === null ? null : redact(effect.body),
          attachment: effect.attachment ?? null,
          referralId: effect.referralId ?? null,
          at: turn.at,
        });
        return { kind: "ticketCreated", ticketKind: effect.kind, reference, body: effect.body };
      }
      case "closeTicket": {
        const closed = await repo.closeTicket(trx, effect.reference, turn.contactId, "beneficiary", turn.at);
        if (!closed) return { kind: "ticketClosed", reference: effect.reference, surveyId: null };
        alertStaff({ key: "staff:handoffEnded", params: { reference: { ltr: effect.reference } } }, turn.at);
        const surveyId = await createTicketSurvey(trx, effect.reference, turn.at);
        return { kind: "ticketClosed", reference: effect.reference, surveyId };
      }
      case "provideInfo": {
        const accepted = await repo.provideApplicationInfo(trx, {
          reference: effect.reference,
          contactId: turn.contactId,
          text: effect.text === null ? null : redact(effect.text),
          attachment: effect.attachment,
          at: turn.at,
        });
        if (accepted) {
          alertStaff(
            { key: "staff:infoProvided", params: { reference: { ltr: effect.reference }, text: effect.text ?? "📎", channel: turn.channel } },
            turn.at,
          );
        }
        return { kind: "infoProvided", reference: effect.reference, accepted };
      }
      case "saveSurveyAnswer":
        await repo.saveSurveyAnswer(trx, { surveyId: effect.surveyId, contactId: turn.contactId, questionId: effect.questionId, answer: effect.answer, at: turn.at });
        return null;
      case "completeSurvey":
        await repo.completeSurvey(trx, effect.surveyId, turn.contactId, turn.at);
        return null;
      case "setBroadcastOptIn":
        await repo.updateContact(trx, turn.contactId, { broadcastOptIn: effect.optIn }, turn.at);
        // Asking for announcements oneself is the opt-in a WhatsApp marketing template needs.
        if (effect.optIn) deps.hot.recordConsent({ contactId: turn.contactId, purpose: BROADCAST_CONSENT, applicationId: null, at: turn.at });
        return null;
      case "forwardToStaff":
        alertStaff(
          { key: "staff:handoffMessage", params: { reference: { ltr: effect.ticketReference }, text: effect.text, channel: turn.channel } },
          turn.at,
        );
        return null;
      case "alertStaff":
        alertStaff(effect.text, turn.at);
        return null;
      case "urgentAlert":
        await raiseUrgentAlert(trx, safeguarding(), { contactId: turn.contactId, channel: turn.channel, kind: effect.kind, excerpt: effect.excerpt, at: turn.at });
        return null;
      case "careAlert":
        await raiseCareAlert(trx, safeguarding(), { contactId: turn.contactId, channel: turn.channel, excerpt: effect.excerpt, at: turn.at });
        return null;
      case "rememberSeasonGreeting":
        await rememberSeasonGreeting(trx, turn.contactId, effect.season);
        return null;
    }
  }

  async function turn(trx: Transaction<Database>, message: InboundMessage, calendar: Calendar): Promise<TurnOutcome> {
    const now = deps.clock();
    const at = now.toISOString();
    const { kind, body } = inboundKind(message);
    const content =
      message.content.kind === "text" && message.content.text.length > maxText
        ? { ...message.content, text: cutText(message.content.text, maxText) }
        : message.content;
    const storedBody = body === null ? null : cutText(body, maxText);

    const { identity, fresh } = recordArrival(message, { kind, body: storedBody, status: "processed", at });
    if (!fresh) return "duplicate" as const;
    const contact = identity.contact;

    // A flood is recorded but not processed; the person is asked once to slow down.
    const saved = deps.hot.loadSession(identity.identityId);
    const flood = floodArrival(saved?.flood ?? 0, now.getTime());
    if (flood.count > floodLimit) {
      await repo.setInboundStatus(trx, message.channel, message.messageId, "throttled");
      deps.hot.saveFlood(identity.identityId, flood.packed);
      if (flood.count === floodLimit + 1) queueReply(contact.id, message, { text: [{ key: "common:slowDown" }] }, localeOf(contact), at);
      return "throttled" as const;
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

    const replies: Reply[] = [];
    const turnInfo = { contactId: contact.id, at, locale: localeOf(contact), localeChosen: contact.localeChosen, channel: message.channel, extra: replies };
    let sensitiveInput = false;
    let input: FlowInput = content;

    for (let round = 0; round < MAX_EFFECT_ROUNDS; round++) {
      // Read when a step asks for them (most steps of a form do not), afresh each round: the
      // effects of the last round may have changed them.
      let applications: ApplicationSummary[] | undefined;
      let openHandoff: { reference: string } | null | undefined;
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
        },
        senderPhone: message.senderPhone ?? null,
        get applications() {
          return (applications ??= deps.hot.applicationsOfContact(contact.id));
        },
        get openHandoff() {
          if (openHandoff === undefined) openHandoff = deps.hot.openHandoffOf(contact.id);
          return openHandoff;
        },
        faq: deps.faq,
        calendar,
        attachments: deps.attachments,
      };
      const result = flowStep(state, input, ctx);
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

    if (storedBody !== null && (sensitiveInput || containsNationalId(storedBody))) {
      await repo.replaceInboundBody(trx, message.channel, message.messageId, deps.cipher.encrypt(storedBody));
    }
    deps.hot.saveSession(identity.identityId, SESSION_VERSION, sealState(state, deps.profile, deps.cipher), at, flood.packed);
    // A notice that reached this chat as a template: its full text now that the person wrote again.
    for (const payload of deps.hot.takeFollowups(contact.id, message.channel, message.chatId, at)) {
      deps.hot.enqueue({ contactId: contact.id, audience: "beneficiary", channel: message.channel, chatId: message.chatId, payload, at });
    }
    for (const r of replies) queueReply(contact.id, message, r, turnInfo.locale, at);
    return "processed" as const;
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
          body: body === null ? null : redact(cutText(body, maxText)),
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
        try {
          const calendar = await deps.calendar.get();
          outcome = await writer.run((trx) => turn(trx, message, calendar));
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
