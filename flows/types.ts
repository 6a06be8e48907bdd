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

export type { ApplicationStatus, TicketKind };

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

// Answers and the parts of a reply to the committee are stored as they are: their kinds live with the database.
export type { FieldAnswer, AttachmentAnswer, InfoPart } from "../db/kinds";
import type { FieldAnswer, AttachmentAnswer, InfoPart } from "../db/kinds";

export interface ApplicationDraft {
  programId: string;
  answers: Record<string, FieldAnswer>;
  privacyAcceptedAt: string;
  sensitiveConsentAt?: string;
  attestedAt?: string;
  startedAt: string;
  /** The applicant is under 18: a guardian's details are asked and the guardian attests. */
  minor?: boolean;
}


/** Parts collected for a committee's request and not sent yet, kept while the person does something else. */
export interface HeldInfo {
  reference: string;
  parts: InfoPart[];
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
      /** Photos or documents sent with it, in the order sent. */
      attachments?: AttachmentAnswer[];
      referralId?: string;
      /** An appeal: the reference of the rejected application it contests. */
      applicationReference?: string;
      /** A report of misconduct: confidential, routed to `role`. */
      confidential?: boolean;
      role?: string;
    }
  | { type: "closeTicket"; reference: string }
  | { type: "forwardToStaff"; ticketReference: string; text: string }
  | { type: "alertStaff"; text: Text }
  /** The beneficiary confirmed their reply to the committee's request: every part goes with it. */
  | { type: "provideInfo"; reference: string; parts: InfoPart[] }
  /** The beneficiary cannot provide what was asked: a note to staff (the status stays). */
  | { type: "infoUnavailable"; reference: string; reason: string | null }
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
  | { type: "careAlert"; excerpt: string }
  /**
   * A request outside the association's work: a referral ticket (answered with `ticketCreated`).
   * `partnerId` null: no partner yet (the city is asked) or none serves the city. `told`: the
   * beneficiary was given the partner (or told staff will help): the follow-up counts from now.
   * `staffHandled`: no contact of the partner may be shown: staff are alerted to take it on.
   */
  | { type: "openReferral"; topicId: string; partnerId: string | null; body: string; city: string | null; told: boolean; staffHandled: boolean }
  /** The city of a referral is known now: its partner (or none), and the beneficiary was told. */
  | { type: "referralPartner"; reference: string; partnerId: string | null; city: string | null; staffHandled: boolean }
  /** The beneficiary agreed (or not) that a summary of the request and their contact go to the partner. */
  | { type: "referralConsent"; reference: string; given: boolean }
  /** The answer to "did the partner help?" (answered with `referralOutcomeNoted`). */
  | { type: "referralOutcome"; reference: string; answer: ReferralAnswer }
  /** Where the person lives, as they typed it (asked once, for referrals to a partner of their city). */
  | { type: "setCity"; city: string };

/** What a beneficiary says of a referral's partner when asked. */
export type ReferralAnswer = "helped" | "not_helped" | "waiting";

/** Results of effects, fed back to the flow as the next input. */
export type EffectEvent =
  /** The latest application to the program by this national ID that may block a new one (never withdrawn). */
  | { kind: "openApplicationChecked"; openReference: string | null; status?: ApplicationStatus }
  | { kind: "applicationSubmitted"; reference: string; submittedAt: string }
  | { kind: "applicationDuplicate"; reference: string; status?: ApplicationStatus }
  | {
      kind: "ticketCreated";
      ticketKind: TicketKind;
      reference: string;
      body: string | null;
      applicationReference?: string | null;
      confidential?: boolean;
    }
  | { kind: "infoProvided"; reference: string; accepted: boolean }
  | { kind: "infoUnavailableNoted"; reference: string; accepted: boolean }
  | { kind: "ticketClosed"; reference: string; surveyId: number | null }
  /** `accepted`: a referral of this contact still followed; `alerted`: staff were told (with its history). */
  | { kind: "referralOutcomeNoted"; reference: string; answer: ReferralAnswer; accepted: boolean; alerted: boolean }
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
  /** While "needs_info": what the committee asked for, and by when (an instant). */
  infoRequest: string | null;
  infoDueAt: string | null;
  /** When approved or rejected. */
  decidedAt: string | null;
}

export interface TicketSummary {
  reference: string;
  kind: TicketKind;
  status: "open" | "closed";
  createdAt: string;
  closedAt: string | null;
  /** An appeal: the application it contests, and its outcome once decided. */
  applicationReference: string | null;
  decision: "accepted" | "rejected" | null;
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
    /** Where the person lives, as they told us (or as their latest application says), or null. (Read when first used.) */
    readonly city: string | null;
  };
  /** The sender's phone as the channel reports it (to offer for the mobile field). */
  senderPhone: string | null;
  /** This contact's own applications, newest first. Never anyone else's. (Read when first used.) */
  readonly applications: ApplicationSummary[];
  /** (Read when first used.) */
  readonly openHandoff: { reference: string } | null;
  /** This contact's own tickets (complaints, suggestions, appeals, handoffs), newest first. (Read when first used.) */
  readonly tickets: TicketSummary[];
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

/** What a conversation carries while the person does something else: an unfinished form, parts of a reply to the committee. */
export interface Carried {
  draft?: ApplicationDraft;
  heldInfo?: HeldInfo;
  lastActiveAt?: string;
  /** When the person told us they may be in danger: the next short messages are met with care, not a form's question. */
  attending?: string;
  /** The attending is for symptoms told (the care path), not for a danger. */
  caring?: boolean;
}

export type SessionState =
  | { flow: "new" }
  /**
   * `listed`: the values of the choices shown with the last reply when they were not the main menu
   * (after an FAQ answer), so a number typed next picks from them.
   */
  | ({ flow: "menu"; listed?: string[] } & Carried)
  | ({ flow: "faq"; suggestions: string[] } & Carried)
  | { flow: "apply"; step: ApplyStep; draft: ApplicationDraft | null; lastActiveAt?: string; pendingProgram?: string; heldInfo?: HeldInfo; attending?: string; caring?: boolean }
  | ({ flow: "status" } & Carried)
  | ({
      flow: "feedback";
      step: "kind" | "text";
      kind?: "complaint" | "suggestion";
      /** Photos or documents sent before the words of the complaint. */
      attachments?: AttachmentAnswer[];
      /** A report of misconduct: confidential, routed to the profile's role for it. */
      confidential?: boolean;
    } & Carried)
  | ({ flow: "handoff"; reference: string } & Carried)
  /**
   * Answering the committee's request for more information: parts (text, files) are collected,
   * shown back, and sent on confirmation. "cannot": saying it cannot be provided; "confirmText":
   * asking whether a text that may not be meant for the committee belongs to the reply.
   */
  | ({ flow: "info"; reference: string; step?: "collect" | "confirm" | "cannot" | "confirmText"; parts?: InfoPart[]; pendingText?: string } & Carried)
  /** An appeal (تظلم) against a rejection: the reason in words, optional files, confirmation. */
  | ({ flow: "appeal"; reference: string | null; step: "pick" | "reason" | "files" | "confirm"; reason?: string; files?: AttachmentAnswer[] } & Carried)
  /** Confirming a request to delete one's data. */
  | ({ flow: "deletion" } & Carried)
  /**
   * A request outside the association's work: "city", asked where the person lives to find the
   * partner of their city; "consent", asked whether a summary may go to the partner. `reference`
   * arrives with the ticket, in the same turn.
   */
  | ({ flow: "referral"; step: "city" | "consent"; topicId: string; partnerId: string | null; reference?: string } & Carried)
  /** Asked (by the scheduler) whether the partner of a referral helped; `round` 2 is the one reminder. */
  | ({ flow: "referralCheck"; reference: string; round: 1 | 2 } & Carried)
  /** Asked before stopping announcements; `resume` is where the person was (its draft carried, not nested). */
  | ({ flow: "confirmStop"; resume: SessionState } & Carried)
  | ({
      flow: "survey";
      surveyId: number;
      questions: SurveyQuestion[];
      index: number;
      /** Scores given so far, to alert staff on a low one. */
      scores: Record<string, number>;
    } & Carried);

export type ApplyStep =
  | { name: "program" }
  /** "I don't know which program": the need in the person's words. */
  | { name: "describeNeed" }
  /** A program suggested for the need described. */
  | { name: "suggest"; programId: string }
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
  | { name: "confirmCancel"; resume: ApplyStep }
  /**
   * An answer that may not be meant as one (a question, a bare menu number, a date that reads two
   * ways): confirmed before it is stored.
   */
  | { name: "confirmAnswer"; fieldId: string; answer: FieldAnswer; editing: boolean; why: "question" | "number" | "date" | "intent" };

export type { FieldSpec, Locale };
