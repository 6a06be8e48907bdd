/**
 * Carrying out a step's effects inside the turn's transaction. An effect
 * whose result the flow needs (a reference, a duplicate found) returns an
 * `EffectEvent` that the engine feeds back to the flow in the same turn.
 */
import { BROADCAST_CONSENT } from "../../db/notices";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema";
import * as repo from "../../db/repo";
import type { Effect, EffectEvent, InfoPart, Reply, Text } from "../../flows/types";
import type { Locale, Profile } from "../../orgs/schema";
import type { ChannelName } from "../channels/types";
import type { Cipher } from "../crypto";
import type { HotPath } from "../../db/hot";
import { sealAnswers } from "../sealing";
import { maskNationalIds } from "../pii";
import { myDataReply, requestDeletion } from "../privacy";
import { createTicketSurvey } from "../surveys";
import { rememberSeasonGreeting } from "../../db/calendar";
import { sensitiveConsentPurpose } from "../../flows/consent";
import { raiseCareAlert, raiseUrgentAlert, type SafeguardingDeps } from "../safeguarding";
import { createReferralEffects } from "../referrals/effects";
import type { Translator } from "../i18n";

export interface EffectDeps {
  profile: Profile;
  cipher: Cipher;
  hot: HotPath;
  hashNationalId: (id: string) => string;
  /** Queues an alert about the turn's contact to every staff target, on the turn's connection (the rows carry its id). */
  alertStaff: (text: Text, at: string, contactId: number) => void;
  /** Where safety alerts go (bot/safeguarding.ts): every staff target at once. */
  safeguarding: () => SafeguardingDeps;
  /** Renders a referral's summary for its partner's chat. */
  translator: Translator;
}

/** What an effect may read and change of the turn in hand. */
export interface TurnInfo {
  contactId: number;
  at: string;
  locale: Locale;
  /** The person chose the language (otherwise each message's language is followed). */
  localeChosen: boolean;
  channel: ChannelName;
  /** Replies an effect adds (the "my data" export). */
  extra: Reply[];
}

/** How the parts of a reply to the committee read in a staff alert: every text, every file by name. */
function partsText(parts: readonly InfoPart[]): Text {
  return {
    list: parts.map((p, i): Text =>
      p.type === "text"
        ? { literal: `${i + 1}. ${p.text}` }
        : { key: "staff:infoPartFile", params: { n: i + 1, name: { ltr: p.file.fileName ?? p.file.mimeType ?? "file" }, path: { ltr: p.file.fileRef } } },
    ),
    lines: true,
  };
}

export function createEffectRunner(deps: EffectDeps) {
  const { hot, alertStaff } = deps;
  const referrals = createReferralEffects({ profile: deps.profile, translator: deps.translator, alertStaff });

  async function createTicket(trx: Transaction<Database>, effect: Extract<Effect, { type: "createTicket" }>, turn: TurnInfo): Promise<EffectEvent> {
    let applicationId: number | null = null;
    if (effect.applicationReference) {
      const app = await trx
        .selectFrom("applications")
        .select("id")
        .where("reference", "=", effect.applicationReference)
        .where("contact_id", "=", turn.contactId)
        .executeTakeFirst();
      applicationId = app?.id ?? null;
    }
    // A national ID can hide in a file's name too.
    const files = (effect.attachments ?? []).map((f) => (f.type === "attachment" && f.fileName ? { ...f, fileName: maskNationalIds(f.fileName) } : f));
    const reference = await repo.createTicket(trx, {
      contactId: turn.contactId,
      kind: effect.kind,
      body: effect.body === null ? null : maskNationalIds(effect.body),
      attachment: files.length === 0 ? null : files.length === 1 ? files[0] : files,
      referralId: effect.referralId ?? null,
      at: turn.at,
      applicationId,
      confidential: effect.confidential ?? false,
      role: effect.role ?? null,
    });
    return {
      kind: "ticketCreated",
      ticketKind: effect.kind,
      reference,
      body: effect.body,
      applicationReference: applicationId === null ? null : (effect.applicationReference ?? null),
      ...(effect.confidential ? { confidential: true } : {}),
    };
  }

  return async function runEffect(trx: Transaction<Database>, effect: Effect, turn: TurnInfo): Promise<EffectEvent | null> {
    switch (effect.type) {
      case "setLocale":
        turn.locale = effect.locale;
        turn.localeChosen = effect.chosen ?? turn.localeChosen;
        await repo.updateContact(trx, turn.contactId, { locale: effect.locale, localeChosen: turn.localeChosen }, turn.at);
        return null;
      case "acceptPrivacy":
        await repo.updateContact(trx, turn.contactId, { privacyAcceptedAt: effect.at }, turn.at);
        hot.recordConsent({ contactId: turn.contactId, purpose: "privacy_notice", applicationId: null, at: effect.at });
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
        const found = hot.latestApplicationByNationalId(effect.programId, deps.hashNationalId(effect.nationalId));
        return found ? { kind: "openApplicationChecked", openReference: found.reference, status: found.status } : { kind: "openApplicationChecked", openReference: null };
      }
      case "submitApplication": {
        const d = effect.draft;
        const nid = d.answers["national_id"];
        const hash = nid?.type === "nationalId" ? deps.hashNationalId(nid.value) : null;
        if (hash) {
          const open = hot.findOpenApplication(d.programId, hash);
          if (open) return { kind: "applicationDuplicate", reference: open };
        }
        const { id: applicationId, reference } = hot.insertApplication({
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
          [d.minor ? "attestation_guardian" : "attestation", d.attestedAt ?? turn.at],
          [`program_terms:${d.programId}`, effect.termsAcceptedAt],
        ];
        for (const [purpose, grantedAt] of consents) {
          if (grantedAt) hot.recordConsent({ contactId: turn.contactId, purpose, applicationId, at: grantedAt });
        }
        return { kind: "applicationSubmitted", reference, submittedAt: turn.at };
      }
      case "createTicket":
        return createTicket(trx, effect, turn);
      case "closeTicket": {
        const closed = await repo.closeTicket(trx, effect.reference, turn.contactId, "beneficiary", turn.at);
        if (!closed) return { kind: "ticketClosed", reference: effect.reference, surveyId: null };
        alertStaff({ key: "staff:handoffEnded", params: { reference: { ltr: effect.reference } } }, turn.at, turn.contactId);
        const surveyId = await createTicketSurvey(trx, effect.reference, turn.at);
        return { kind: "ticketClosed", reference: effect.reference, surveyId };
      }
      case "provideInfo": {
        const parts = effect.parts.map((p): InfoPart => (p.type === "text" ? { type: "text", text: maskNationalIds(p.text) } : p));
        const accepted = await repo.provideApplicationInfo(trx, { reference: effect.reference, contactId: turn.contactId, parts, at: turn.at });
        if (accepted) {
          alertStaff(
            { key: "staff:infoProvided", params: { reference: { ltr: effect.reference }, text: partsText(parts), channel: turn.channel } },
            turn.at,
            turn.contactId,
          );
        }
        return { kind: "infoProvided", reference: effect.reference, accepted };
      }
      case "infoUnavailable": {
        const reason = effect.reason === null ? null : maskNationalIds(effect.reason);
        const accepted = await repo.noteInfoUnavailable(trx, { reference: effect.reference, contactId: turn.contactId, reason, at: turn.at });
        if (accepted) {
          alertStaff(
            { key: "staff:infoUnavailable", params: { reference: { ltr: effect.reference }, text: reason ?? "-", channel: turn.channel } },
            turn.at,
            turn.contactId,
          );
        }
        return { kind: "infoUnavailableNoted", reference: effect.reference, accepted };
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
      case "urgentAlert":
        await raiseUrgentAlert(trx, deps.safeguarding(), { contactId: turn.contactId, channel: turn.channel, kind: effect.kind, excerpt: effect.excerpt, at: turn.at });
        return null;
      case "careAlert":
        await raiseCareAlert(trx, deps.safeguarding(), { contactId: turn.contactId, channel: turn.channel, excerpt: effect.excerpt, at: turn.at });
        return null;
      case "rememberSeasonGreeting":
        await rememberSeasonGreeting(trx, turn.contactId, effect.season);
        return null;
      case "openReferral":
        return referrals.open(trx, effect, turn);
      case "referralPartner":
        return referrals.partner(trx, effect, turn);
      case "referralConsent":
        return referrals.consent(trx, effect, turn);
      case "referralOutcome":
        return referrals.outcome(trx, effect, turn);
      case "setCity":
        return referrals.setCity(trx, effect, turn);
    }
  };
}
