/**
 * The language of flows. A flow step is a pure function of (state, input,
 * context) to (state, replies, effects). Replies are message keys with
 * parameters, rendered by i18next at the edge; effects are data the engine
 * executes inside the turn's transaction. Flows import no channel library,
 * no database and no i18next.
 */
import type { FieldSpec, Locale, LocalizedText, Profile } from "../orgs/schema";
import type { FaqResult } from "./faq/matcher";
import type { DangerKind } from "./safety/detect";
import type { ChannelName, InboundContent, SurveyAnswer } from "../db/kinds";
import type { ApplicationStatus, TicketKind } from "../db/schema";
import type { Calendar } from "./calendar";

/**
 * A text to show: a locale key with parameters, a profile text in every
 * locale, text as typed, a value that must read left-to-right inside Arabic
 * (reference, phone, link), or a date shown in Hijri and Gregorian.
 */
export type Text =
  | { key: string; params?: Record<string, Param> }
  | { localized: LocalizedText }
  | { literal: string }
  | { ltr: string | number }
  | { date: string; withTime?: boolean }
  /** Items joined as the locale joins a list ("أ، ب و ج"). */
  | { list: Text[]; lines?: boolean };

/** A parameter: a plain value or a nested text. */
export type Param = string | number | Text;

export interface Choice {
  value: string;
  label: Text;
}

export interface Reply {
  /** Parts are joined by a blank line. */
  text: Text[];
  choices?: Choice[];
  requestContact?: boolean;
  /** Carries personal data that must be encrypted at rest (a summary, "my data"). */
  sensitive?: boolean;
}

/** An answer collected for a form field, as stored. */
export type FieldAnswer =
  | { type: "text"; value: string }
  | { type: "number"; value: number }
  | { type: "choice"; value: string }
  | { type: "yesno"; value: boolean }
  | { type: "date"; value: string; calendar: "hijri" | "gregorian" }
  | { type: "phone"; value: string }
  | { type: "nationalId"; value: string }
  | {
      type: "attachment";
      fileRef: string;
      mimeType?: string;
      fileName?: string;
      size?: number;
    }
  | { type: "skipped" };

export interface ApplicationDraft {
  programId: string;
  answers: Record<string, FieldAnswer>;
  privacyAcceptedAt: string;
  sensitiveConsentAt?: string;
  attestedAt?: string;
  startedAt: string;
}

/** Effects: what the engine does inside the same transaction. */
export type Effect =
  /** `chosen`: the person asked for this language (it then wins over the language of their messages). */
  | { type: "setLocale"; locale: Locale; chosen?: boolean }
  | { type: "acceptPrivacy"; at: string }
  | { type: "setPhone"; phone: string }
  | { type: "checkOpenApplication"; programId: string; nationalId: string }
  | { type: "submitApplication"; draft: ApplicationDraft; termsAcceptedAt: string }
  | {
      type: "createTicket";
      kind: TicketKind;
      body: string | null;
      attachment?: FieldAnswer | null;
      referralId?: string;
    }
  | { type: "closeTicket"; reference: string }
  | { type: "forwardToStaff"; ticketReference: string; text: string }
  | { type: "alertStaff"; text: Text }
  | { type: "provideInfo"; reference: string; text: string | null; attachment: FieldAnswer | null }
  | { type: "saveSurveyAnswer"; surveyId: number; questionId: string; answer: SurveyAnswer }
  | { type: "completeSurvey"; surveyId: number }
  | { type: "setBroadcastOptIn"; optIn: boolean }
  /** Send the contact what is stored about them. */
  | { type: "exportMyData" }
  | { type: "requestDeletion" }
  /** The season's greeting was said to this person ("ramadan:1448"): not again this season. */
  | { type: "rememberSeasonGreeting"; season: string }
  /**
   * Someone may be in danger: an urgent ticket, and an alert to the profile's safeguarding role on
   * every staff channel at once, whatever the hour, with the recent messages (national IDs masked).
   */
  | { type: "urgentAlert"; kind: DangerKind; kinds: DangerKind[]; excerpt: string }
  /** Health symptoms described in chat: a ticket and a (not urgent) alert to the profile's care role. */
  | { type: "careAlert"; excerpt: string };

/** Results of effects, fed back to the flow as the next input. */
export type EffectEvent =
  | { kind: "openApplicationChecked"; openReference: string | null }
  | { kind: "applicationSubmitted"; reference: string; submittedAt: string }
  | { kind: "applicationDuplicate"; reference: string }
  | { kind: "ticketCreated"; ticketKind: TicketKind; reference: string; body: string | null }
  | { kind: "infoProvided"; reference: string; accepted: boolean }
  | { kind: "ticketClosed"; reference: string; surveyId: number | null }
  | { kind: "deletionRequested"; reference: string };

export type FlowInput = InboundContent | EffectEvent;

/** A satisfaction question, as saved with the survey's conversation. */
export interface SurveyQuestion {
  id: string;
  type: "scale5" | "yesno" | "text";
  text: Text;
  optional: boolean;
}

export type { SurveyAnswer };

export interface ApplicationSummary {
  reference: string;
  programId: string;
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
}

/** Read-only context of a turn. */
export interface FlowContext {
  profile: Profile;
  now: Date;
  locale: Locale;
  channel: ChannelName;
  contact: {
    id: number;
    isNew: boolean;
    phone: string | null;
    privacyAcceptedAt: string | null;
    /** The last season whose greeting this person got ("ramadan:1448"), or null. */
    seasonGreeted: string | null;
    /** The person chose their language themselves: replies stay in it whatever they write in. */
    localeChosen: boolean;
  };
  /** The sender's phone as the channel reports it (to offer for the mobile field). */
  senderPhone: string | null;
  /** This contact's own applications, newest first. Never anyone else's. (Read when first used.) */
  readonly applications: ApplicationSummary[];
  /** (Read when first used.) */
  readonly openHandoff: { reference: string } | null;
  /** The association's calendar: hours, Ramadan, closures (with the staff's), prayer windows. */
  calendar: Calendar;
  /** FAQ lookup in a locale (pure). */
  faq(query: string, locale: Locale): FaqResult;
  /** Limits for attachments. */
  attachments: { maxBytes: number; mimeTypes: string[] };
}

export interface StepResult {
  state: SessionState;
  replies: Reply[];
  effects: Effect[];
  /** The message just handled was a national ID or health/disability answer: store it encrypted. */
  sensitiveInput?: boolean;
}

/** Version of the saved state's shape: bump it when the shape changes. */
export const SESSION_VERSION = 1;

export type SessionState =
  | { flow: "new" }
  /**
   * `listed`: the values of the choices shown with the last reply when they were not the main menu
   * (after an FAQ answer), so a number typed next picks from them.
   */
  | { flow: "menu"; lastActiveAt?: string; draft?: ApplicationDraft; listed?: string[] }
  | { flow: "faq"; suggestions: string[]; draft?: ApplicationDraft; lastActiveAt?: string }
  | { flow: "apply"; step: ApplyStep; draft: ApplicationDraft | null; lastActiveAt?: string; pendingProgram?: string }
  | { flow: "status"; draft?: ApplicationDraft; lastActiveAt?: string }
  | { flow: "feedback"; step: "kind" | "text"; kind?: "complaint" | "suggestion"; draft?: ApplicationDraft; lastActiveAt?: string }
  | { flow: "handoff"; reference: string; draft?: ApplicationDraft; lastActiveAt?: string }
  /** Answering the committee's request for more information about an application. */
  | { flow: "info"; reference: string; draft?: ApplicationDraft; lastActiveAt?: string }
  /** Confirming a request to delete one's data. */
  | { flow: "deletion"; draft?: ApplicationDraft; lastActiveAt?: string }
  | {
      flow: "survey";
      surveyId: number;
      questions: SurveyQuestion[];
      index: number;
      /** Scores given so far, to alert staff on a low one. */
      scores: Record<string, number>;
      draft?: ApplicationDraft;
      lastActiveAt?: string;
    };

export type ApplyStep =
  | { name: "program" }
  | { name: "privacy"; programId: string }
  | { name: "resume" }
  | { name: "field"; fieldId: string; editing: boolean }
  | { name: "confirmPhone"; phone: string; editing: boolean }
  | { name: "sensitiveConsent"; fieldId: string; editing: boolean }
  | { name: "summary" }
  | { name: "editChoose" }
  | { name: "attest" }
  | { name: "terms" }
  | { name: "submitting" }
  | { name: "checkingId"; nextFieldId: string | null; editing: boolean }
  | { name: "confirmCancel"; resume: ApplyStep };

export type { FieldSpec, Locale };
