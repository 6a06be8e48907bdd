/**
 * What a flow's effects do, inside the turn's transaction: the contact's
 * language, consents, applications (answers sealed, the ID hashed), tickets
 * (a national ID typed in them masked), answers to the committee and to
 * surveys, staff alerts about the turn's contact. Each may give the flow an
 * event to go on with.
 */
import { BROADCAST_CONSENT } from "../../db/notices";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema";
import * as repo from "../../db/repo";
import type { ChannelName } from "../channels/types";
import type { Effect, EffectEvent, Reply, Text } from "../../flows/types";
import type { Locale } from "../../orgs/schema";
import { rememberSeasonGreeting } from "../../db/calendar";
import { maskNationalIds } from "../pii";
import { myDataReply, requestDeletion } from "../privacy";
import { sealAnswers } from "../sealing";
import { raiseCareAlert, raiseUrgentAlert, type SafeguardingDeps } from "../safeguarding";
import { sensitiveConsentPurpose } from "../../flows/consent";
import { createTicketSurvey } from "../surveys";
import type { EngineDeps } from "./deps";

/** What a turn's effects read and change as they run. */
export interface TurnInfo {
  contactId: number;
  at: string;
  locale: Locale;
  localeChosen: boolean;
  channel: ChannelName;
  /** Replies an effect adds (the contact's data). */
  extra: Reply[];
}

export function createEffectRunner(a: {
  deps: EngineDeps;
  /** Queues an alert about the turn's contact to every staff target. */
  alertStaff: (text: Text, at: string, contactId: number) => void;
  /** Where safety alerts go (every staff target at once; bot/safeguarding.ts). */
  safeguarding: () => SafeguardingDeps;
}): (trx: Transaction<Database>, effect: Effect, turn: TurnInfo) => Promise<EffectEvent | null> {
  const { deps, alertStaff, safeguarding } = a;
  return async function runEffect(trx: Transaction<Database>, effect: Effect, turn: TurnInfo): Promise<EffectEvent | null> {
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
          body: effect.body === null ? null : maskNationalIds(effect.body),
          attachment:
            effect.attachment?.type === "attachment" && effect.attachment.fileName
              ? { ...effect.attachment, fileName: maskNationalIds(effect.attachment.fileName) }
              : (effect.attachment ?? null),
          referralId: effect.referralId ?? null,
          at: turn.at,
        });
        return { kind: "ticketCreated", ticketKind: effect.kind, reference, body: effect.body };
      }
      case "closeTicket": {
        const closed = await repo.closeTicket(trx, effect.reference, turn.contactId, "beneficiary", turn.at);
        if (!closed) return { kind: "ticketClosed", reference: effect.reference, surveyId: null };
        alertStaff({ key: "staff:handoffEnded", params: { reference: { ltr: effect.reference } } }, turn.at, turn.contactId);
        const surveyId = await createTicketSurvey(trx, effect.reference, turn.at);
        return { kind: "ticketClosed", reference: effect.reference, surveyId };
      }
      case "provideInfo": {
        const accepted = await repo.provideApplicationInfo(trx, {
          reference: effect.reference,
          contactId: turn.contactId,
          text: effect.text === null ? null : maskNationalIds(effect.text),
          attachment: effect.attachment,
          at: turn.at,
        });
        if (accepted) {
          alertStaff(
            { key: "staff:infoProvided", params: { reference: { ltr: effect.reference }, text: effect.text ?? "📎", channel: turn.channel } },
            turn.at,
            turn.contactId,
          );
        }
        return { kind: "infoProvided", reference: effect.reference, accepted };
      }
      case "saveSurveyAnswer":
        await repo.saveSurveyAnswer(trx, {
          surveyId: effect.surveyId,
          contactId: turn.contactId,
          questionId: effect.questionId,
          answer: effect.answer.type === "text" ? { ...effect.answer, text: maskNationalIds(effect.answer.text) } : effect.answer,
          at: turn.at,
        });
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
          turn.contactId,
        );
        return null;
      case "alertStaff":
        alertStaff(effect.text, turn.at, turn.contactId);
        return null;
      case "rememberSeasonGreeting":
        await rememberSeasonGreeting(trx, turn.contactId, effect.season);
        return null;
      case "urgentAlert":
        await raiseUrgentAlert(trx, safeguarding(), { contactId: turn.contactId, channel: turn.channel, kind: effect.kind, excerpt: effect.excerpt, at: turn.at });
        return null;
      case "careAlert":
        await raiseCareAlert(trx, safeguarding(), { contactId: turn.contactId, channel: turn.channel, excerpt: effect.excerpt, at: turn.at });
        return null;
    }
  };
}
