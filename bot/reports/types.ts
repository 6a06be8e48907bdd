/**
 * The data of a period report: what `buildReport` reads from the database
 * and what the CSV and HTML renderers show. Plain values only (no database
 * handle, no translator), so a report can be rendered, compared or saved.
 */
import { APPLICATION_STATUSES, REFERRAL_STATUSES, type ApplicationStatus, type ReferralStatus, type TicketKind } from "../../db/schema";
import type { LocalizedText } from "../../orgs/schema";

/** Every application status, in the order reports show them. */
export const REPORT_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES;

/** The ticket kinds a report counts. */
export const REPORT_TICKET_KINDS = ["complaint", "suggestion"] as const satisfies readonly TicketKind[];
export type ReportTicketKind = (typeof REPORT_TICKET_KINDS)[number];

/** Calendar days in Riyadh, both included (YYYY-MM-DD). */
export interface ReportPeriod {
  from: string;
  to: string;
}

export type StatusCounts = Record<ApplicationStatus, number>;

export interface ProgramApplications {
  programId: string;
  /** The program's name from the profile; null for a program no longer in it. */
  name: LocalizedText | null;
  total: number;
  byStatus: StatusCounts;
}

/** Applications submitted within the period, by their current status. */
export interface ApplicationsSection {
  total: number;
  byStatus: StatusCounts;
  byProgram: ProgramApplications[];
}

/** A range of decision times in days: `fromDays` < t ≤ `toDays` (the first bucket includes 0). */
export interface DecisionBucket {
  id: string;
  fromDays: number;
  /** null: open-ended (more than `fromDays`). */
  toDays: number | null;
  count: number;
  /** The whole bucket lies within the committee's decision period. */
  withinPeriod: boolean;
}

export interface DecisionStats {
  count: number;
  approved: number;
  rejected: number;
  /** Median of (decision time − submission time), in days; null without decisions. */
  medianDays: number | null;
  /** Decisions taken within `decisionPeriodDays` of submission. */
  withinPeriod: number;
  /** withinPeriod / count; null without decisions. */
  withinPeriodShare: number | null;
}

/** First decisions (approved or rejected) taken within the period. */
export interface DecisionsSection extends DecisionStats {
  periodDays: number;
  buckets: DecisionBucket[];
  byProgram: Array<DecisionStats & { programId: string; name: LocalizedText | null }>;
  /**
   * Applications still without a decision (nor withdrawn) at the end of the
   * period although submitted more than `periodDays` before it.
   */
  overdueAtEnd: number;
}

export type QuestionType = "scale5" | "yesno" | "text" | "unknown";

export interface QuestionResult {
  questionId: string;
  type: QuestionType;
  /** The question's text from the profile, when the profile defines it. */
  label: LocalizedText | null;
  /** A report locale key for the built-in questions, else null. */
  labelKey: string | null;
  /** Answers given (scores for scale5 and yes/no, non-empty texts for text). */
  count: number;
  /** Mean score 1..5 (scale5) or share of "yes" 0..1 (yesno); null for text or without answers. */
  average: number | null;
  /** Optional questions the beneficiary chose to skip. */
  skipped: number;
}

export interface SurveyGroup {
  kind: "program" | "ticket";
  /** The program (kind "program"); null for ticket surveys. */
  programId: string | null;
  name: LocalizedText | null;
  sent: number;
  answered: number;
  /** answered / sent; null when none was sent. */
  responseRate: number | null;
  questions: QuestionResult[];
}

/** Surveys sent within the period (answers count whenever they came). */
export interface SurveysSection {
  sent: number;
  answered: number;
  responseRate: number | null;
  groups: SurveyGroup[];
}

export interface TicketCounts {
  total: number;
  open: number;
  closed: number;
}

/** Complaints and suggestions received within the period, by their current status. */
export type TicketsSection = Record<ReportTicketKind, TicketCounts>;

/** Every referral status, in the order reports show them (the last three are outcomes). */
export const REPORT_REFERRAL_STATUSES: readonly ReferralStatus[] = REFERRAL_STATUSES;
export type ReferralStatusCounts = Record<ReferralStatus, number>;

/** Referrals of one topic or one partner (`id` null: no partner, staff found one or the city was never given). */
export interface ReferralGroup {
  id: string | null;
  /** The topic's or partner's name from the profile; null when it is no longer there (or no partner). */
  name: LocalizedText | null;
  total: number;
  byStatus: ReferralStatusCounts;
  /** Referrals with an outcome: helped, not helped or no answer. */
  withOutcome: number;
  /** helped / withOutcome; null without outcomes. */
  helpedShare: number | null;
}

/** Referrals made within the period, by their current status. */
export interface ReferralsSection extends Omit<ReferralGroup, "id" | "name"> {
  /** The beneficiary agreed that a summary go to the partner / did not. */
  consentGiven: number;
  consentRefused: number;
  /** No contact of the partner could be given: staff took it on. */
  staffHandled: number;
  byTopic: ReferralGroup[];
  byPartner: ReferralGroup[];
}

export interface ReportData {
  org: { slug: string; name: LocalizedText };
  period: ReportPeriod;
  applications: ApplicationsSection;
  decisions: DecisionsSection;
  surveys: SurveysSection;
  tickets: TicketsSection;
  referrals: ReferralsSection;
}
