/**
 * The association profile: everything that makes one installation of Sila
 * serve one association. Profiles live in `orgs/<slug>.json` and are
 * validated at start-up; an error names the file and the field.
 */
import { z } from "zod";
import { EMERGENCY_LINES } from "./emergency";
import { calendarSpec } from "./calendar";
import { EMPTY_DIRECTORY, placeholdersIn, referralDirectory } from "./referrals";

/** Locales a profile can carry texts for. Arabic is always required. */
export const LOCALES = ["ar", "en", "ur"] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every locale the profile serves: Arabic and English required. */
export const localizedText = z.object({
  ar: z.string().min(1),
  en: z.string().min(1),
  ur: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** A list of texts per locale (FAQ question variants, referral topic words). */
export const localizedList = z.object({
  ar: z.array(z.string().min(1)).min(1),
  en: z.array(z.string().min(1)).min(1),
  ur: z.array(z.string().min(1)).optional(),
});
export type LocalizedList = z.infer<typeof localizedList>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)");
const slugId = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a lower-case id: letters, digits, _");

export const FIELD_TYPES = [
  "text",
  "number",
  "choice",
  "yesno",
  "date",
  "phone",
  "nationalId",
  "attachment",
  /** A place: a shared location pin, or a district or city typed in words. */
  "location",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Kinds of special-category personal data, named to the beneficiary when consent is asked. */
export const SENSITIVE_CATEGORIES = ["health", "disability", "financial", "family", "religious"] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export const fieldSpec = z
  .object({
    id: slugId,
    type: z.enum(FIELD_TYPES),
    label: localizedText,
    /** Optional help shown with the question (an example of a valid answer). */
    hint: localizedText.optional(),
    required: z.boolean().default(true),
    /**
     * For "choice": the options, chosen by number, button or words: the label in any language, or
     * one of `words` (everyday words for the option, per language: «ملك» for an owned house).
     */
    options: z
      .array(
        z.object({
          value: slugId,
          label: localizedText,
          words: z.object({ ar: z.array(z.string().min(1)).optional(), en: z.array(z.string().min(1)).optional(), ur: z.array(z.string().min(1)).optional() }).optional(),
        }),
      )
      .optional(),
    /** For "date": "past" (a diagnosis, a last visit), "future" (an appointment, availability) or "any". */
    when: z.enum(["past", "future", "any"]).default("any"),
    /** For "number": inclusive bounds. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** Special-category personal data (health, disability...): needs explicit consent. */
    sensitive: z.boolean().default(false),
    /** What kind of sensitive data it is (one or several): named when consent is asked. */
    sensitiveCategory: z
      .union([z.enum(SENSITIVE_CATEGORIES), z.array(z.enum(SENSITIVE_CATEGORIES)).min(1)])
      .transform((c) => (Array.isArray(c) ? c : [c]))
      .optional(),
  })
  .superRefine((f, ctx) => {
    if (f.type === "choice" && (!f.options || f.options.length < 2)) {
      ctx.addIssue({ code: "custom", message: "a choice field needs at least two options", path: ["options"] });
    }
    if (f.sensitive && !f.sensitiveCategory) {
      ctx.addIssue({ code: "custom", path: ["sensitiveCategory"], message: `a sensitive field needs its category (${SENSITIVE_CATEGORIES.join(", ")})` });
    }
    if (!f.sensitive && f.sensitiveCategory) {
      ctx.addIssue({ code: "custom", path: ["sensitive"], message: "a field with a sensitiveCategory must be marked sensitive: true" });
    }
  });
export type FieldSpec = z.infer<typeof fieldSpec>;

/** Field ids every application collects before the program's own fields. */
export const CORE_FIELD_IDS = ["full_name", "national_id", "mobile", "city", "birth_date"] as const;
/** Field ids of the guardian's details, asked for an applicant under 18 (reserved too). */
export const GUARDIAN_FIELD_IDS = ["guardian_name", "guardian_relation", "guardian_id", "guardian_phone"] as const;

export const programSpec = z.object({
  id: slugId,
  name: localizedText,
  description: localizedText,
  eligibility: localizedText,
  /** The program's terms; applying means consenting to them. */
  terms: localizedText,
  fields: z
    .array(fieldSpec)
    .default([])
    .superRefine((fields, ctx) => {
      const ids = new Set<string>([...CORE_FIELD_IDS, ...GUARDIAN_FIELD_IDS]);
      fields.forEach((f, i) => {
        if (ids.has(f.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `field id "${f.id}" is reserved or repeated` });
        ids.add(f.id);
      });
    }),
  /** Default enrolment length in days once approved. */
  durationDays: z.number().int().positive().default(90),
  /** False closes the program to new applications without removing it. */
  open: z.boolean().default(true),
  /**
   * Age limits (years, from the date of birth). A `minAge` of 18 or more makes the program for adults
   * only: a younger applicant is told why and referred (`minorReferral`, a referral topic id). Applicants
   * under 18 to other programs give a guardian's details and the guardian attests.
   */
  minAge: z.number().int().min(0).max(120).optional(),
  maxAge: z.number().int().min(0).max(130).optional(),
  minorReferral: slugId.optional(),
  /** A rejected applicant may apply to this program again (an approved or open application always blocks). */
  allowReapply: z.boolean().default(false),
});
export type ProgramSpec = z.infer<typeof programSpec>;

export const faqSpec = z.object({
  id: slugId,
  questions: localizedList,
  answer: localizedText,
  /**
   * This answer says a request is outside the association's work: when the
   * message also asks for one of the referral topics, the referral (the body to
   * go to) is given instead. Any other FAQ answered with confidence is given
   * before a referral topic met in passing («هل تعطون بياناتي لكفيلي؟»).
   */
  outOfScope: z.boolean().default(false),
});
export type FaqSpec = z.infer<typeof faqSpec>;

export { referralDirectory, type ReferralDirectory, type ReferralPartner, type ReferralTopic, type PartnerContact, type PartnerHours } from "./referrals";

/** Messages Sila starts outside a conversation; each may have a WhatsApp template for outside the 24-hour window. */
export const NOTICE_KINDS = ["decision", "needinfo", "survey", "reminder", "broadcast", "reply", "referral"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** Template kinds: the notices, and staff alerts (to staff numbers who have not written for a day). */
export const TEMPLATE_KINDS = [...NOTICE_KINDS, "staff"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The values Sila can put in a template's body parameters, per kind ({{1}}, {{2}}, … in the order listed). */
export const TEMPLATE_PARAMS: Record<TemplateKind, readonly string[]> = {
  decision: ["reference", "program", "status"],
  needinfo: ["reference", "program", "note"],
  survey: ["program"],
  reminder: ["program"],
  broadcast: ["name", "message"],
  reply: ["reference"],
  /** Asking whether the partner of a referral helped. */
  referral: ["reference", "partner"],
  staff: ["text"],
};

/**
 * An approved WhatsApp message template (Cloud API) for one kind of notice:
 * its name in WhatsApp Manager, the languages it is approved in, its
 * category, and which of Sila's values fill its body parameters, in order.
 */
export const whatsappTemplate = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, "a template name as in WhatsApp Manager: lower-case letters, digits, _"),
  category: z.enum(["utility", "marketing"]),
  languages: z.array(z.enum(LOCALES)).min(1),
  params: z.array(z.string()).max(10).default([]),
});
export type WhatsAppTemplate = z.infer<typeof whatsappTemplate>;

const emergencyLine = z.enum(EMERGENCY_LINES);

/** Who is alerted when a beneficiary may be in danger, and how the alert climbs when nobody claims it. */
export const safeguardingSpec = z.object({
  /** The staff role an urgent alert is addressed to first. */
  role: slugId,
  /** The roles it is re-sent to, in order, each time nobody has claimed it for `escalateAfterMinutes`. */
  escalateTo: z.array(slugId).default([]),
  escalateAfterMinutes: z.number().int().min(1).max(24 * 60).default(10),
  /** Health symptoms described in chat go to this role (not urgent) instead of being answered by the FAQ. */
  symptoms: z.object({ role: slugId }).optional(),
  /** True when the unified number 911 serves the association's region; otherwise 997/998/999 are given too. */
  served911: z.boolean().default(false),
  /** Numbers that differ for this association (see orgs/emergency.ts for the lines and their sources). */
  numbers: z.partialRecord(emergencyLine, z.string().regex(/^\+?\d{3,15}$/, "digits only, e.g. 937")).optional(),
});
export type SafeguardingSpec = z.infer<typeof safeguardingSpec>;
/**
 * What a staff role may do on the desk: read the applications queue and
 * files (sealed answers opened, every view audited), decide applications,
 * work tickets (handoffs, complaints, suggestions, appeals), read reports,
 * change the calendar's closures (add, shift, cancel: what every beneficiary
 * is told about the next opening).
 */
export const STAFF_PERMISSIONS = ["applications", "decide", "tickets", "reports", "calendar"] as const;
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

export const profileSchema = z.object({
  slug: slugId,
  name: localizedText,
  /** Which parts came from the association's adopted policy (file in shared/seeds). */
  policySource: z.string().optional(),
  /** Locales this association serves, first is the default. */
  locales: z.array(z.enum(LOCALES)).min(1).default(["ar", "en"]),
  about: localizedText,
  contact: z.object({
    phone: z.string().optional(),
    whatsapp: z.string().optional(),
    email: z.string().email().optional(),
    website: z.string().optional(),
    address: localizedText.optional(),
    /** The channels the policy lists (interview, phone calls, social media...). */
    channels: z.array(localizedText).default([]),
  }),
  workingHours: z
    .object({
      /** 0 = Sunday ... 6 = Saturday. */
      days: z.array(z.number().int().min(0).max(6)).min(1).default([0, 1, 2, 3, 4]),
      open: hhmm.default("08:00"),
      close: hhmm.default("15:00"),
    })
    .default({ days: [0, 1, 2, 3, 4], open: "08:00", close: "15:00" }),
  /** Proactive messages wait outside these hours (Asia/Riyadh). */
  quietHours: z.object({ start: hhmm, end: hhmm }).default({ start: "21:00", end: "08:00" }),
  /** Ramadan hours, closures (Eid, national days), the city for prayer times (orgs/calendar.ts). */
  calendar: calendarSpec,
  committee: z.object({
    name: localizedText,
    /** The policy promises an answer "within a period of not less than two weeks". */
    decisionPeriodDays: z.number().int().min(14),
    /** "workingDays": the period counts only the days the association works (no weekends, no closures). */
    decisionPeriodIn: z.enum(["days", "workingDays"]).default("days"),
  }),
  staffRoles: z
    .array(
      z.object({
        id: slugId,
        title: localizedText,
        /** What a staff member in this role may do on the desk; absent: everything. */
        may: z.array(z.enum(STAFF_PERMISSIONS)).optional(),
      }),
    )
    .min(1),
  /** The role a beneficiary is handed to when something is unclear. */
  escalationRole: slugId,
  /** Urgent alerts when someone may be in danger (default: the escalation role, no escalation). */
  safeguarding: safeguardingSpec.optional(),
  /** Tools the policy names for the relations officer (regulations, guides). */
  tools: z.array(localizedText).default([]),
  programs: z.array(programSpec).min(1),
  faqs: z.array(faqSpec).default([]),
  /** The referral directory: topics outside the association's work and the partners who cover them (orgs/referrals.ts). */
  referrals: referralDirectory.default(EMPTY_DIRECTORY),
  privacyNotice: localizedText,
  /** How a rejected beneficiary asks for reconsideration. */
  reconsideration: localizedText,
  /** Days after a rejection during which an appeal (تظلم) can be made in the chat; 0: no appeals in the chat. */
  appealDays: z.number().int().min(0).default(30),
  /** Days the beneficiary is given to send what the committee asks for. */
  infoDueDays: z.number().int().positive().default(14),
  /** The role that receives reports of misconduct (bribery, abuse by staff), confidentially. */
  misconductRole: slugId.optional(),
  /** Examples shown in questions, from the association's own region. */
  examples: z
    .object({ city: localizedText, district: localizedText.optional() })
    .optional(),
  /**
   * The grammatical gender Arabic texts use to address the beneficiary: "female" for an association
   * that serves women (i18next context "female": keys ending in `_female`).
   */
  addressAs: z.enum(["male", "female"]).default("male"),
  /** Days after which closed applications and old messages are anonymised. */
  retentionDays: z.number().int().positive().default(730),
  /** Extra synonyms for FAQ matching: each list is a group of equivalent words. */
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  survey: z
    .array(
      z.object({
        id: slugId,
        type: z.enum(["scale5", "yesno", "text"]),
        text: localizedText,
        optional: z.boolean().default(false),
      }),
    )
    .optional(),
  /** WhatsApp Cloud API templates for notices outside the 24-hour window (see README, "WhatsApp Cloud API"). */
  whatsappTemplates: z
    .object({
      decision: whatsappTemplate.optional(),
      needinfo: whatsappTemplate.optional(),
      survey: whatsappTemplate.optional(),
      reminder: whatsappTemplate.optional(),
      broadcast: whatsappTemplate.optional(),
      reply: whatsappTemplate.optional(),
      referral: whatsappTemplate.optional(),
      staff: whatsappTemplate.optional(),
    })
    .default({}),
}).superRefine((p, ctx) => {
  if (!p.staffRoles.some((r) => r.id === p.escalationRole)) {
    ctx.addIssue({ code: "custom", path: ["escalationRole"], message: `no staff role with id "${p.escalationRole}"` });
  }
  if (p.misconductRole && !p.staffRoles.some((r) => r.id === p.misconductRole)) {
    ctx.addIssue({ code: "custom", path: ["misconductRole"], message: `no staff role with id "${p.misconductRole}"` });
  }
  p.programs.forEach((prog, i) => {
    if (prog.minorReferral && !p.referrals.topics.some((r) => r.id === prog.minorReferral)) {
      ctx.addIssue({ code: "custom", path: ["programs", i, "minorReferral"], message: `no referral topic with id "${prog.minorReferral}"` });
    }
  });
  const roles = new Set(p.staffRoles.map((r) => r.id));
  if (p.safeguarding) {
    const s = p.safeguarding;
    const check = (id: string, path: (string | number)[]) => {
      if (!roles.has(id)) ctx.addIssue({ code: "custom", path: ["safeguarding", ...path], message: `no staff role with id "${id}"` });
    };
    check(s.role, ["role"]);
    s.escalateTo.forEach((id, i) => check(id, ["escalateTo", i]));
    if (s.symptoms) check(s.symptoms.role, ["symptoms", "role"]);
  }
  const seen = new Set<string>();
  p.programs.forEach((prog, i) => {
    if (seen.has(prog.id)) ctx.addIssue({ code: "custom", path: ["programs", i, "id"], message: `duplicate program id "${prog.id}"` });
    seen.add(prog.id);
  });
  for (const [kind, template] of Object.entries(p.whatsappTemplates) as Array<[TemplateKind, WhatsAppTemplate | undefined]>) {
    if (!template) continue;
    const allowed = TEMPLATE_PARAMS[kind];
    template.params.forEach((param, i) => {
      if (!allowed.includes(param)) {
        ctx.addIssue({ code: "custom", path: ["whatsappTemplates", kind, "params", i], message: `"${param}" is not a value of a ${kind} notice (one of ${allowed.join(", ")})` });
      }
    });
    // Meta's rule: a message that announces or promotes is marketing; the others inform about the person's own request.
    const expected = kind === "broadcast" ? "marketing" : "utility";
    if (template.category !== expected) {
      ctx.addIssue({ code: "custom", path: ["whatsappTemplates", kind, "category"], message: `a ${kind} template is ${expected}` });
    }
  }
  const faqIds = new Set<string>();
  p.faqs.forEach((f, i) => {
    if (faqIds.has(f.id)) ctx.addIssue({ code: "custom", path: ["faqs", i, "id"], message: `duplicate FAQ id "${f.id}"` });
    faqIds.add(f.id);
  });
  // A number that stands in for a real one fails a beneficiary twice: never in a profile.
  for (const { path, number } of placeholdersIn(p)) {
    ctx.addIssue({ code: "custom", path, message: `"${number}" is a placeholder number: give the real number (with its source for a referral contact) or remove it` });
  }
  p.calendar.hoursFaqs.forEach((id, i) => {
    if (!faqIds.has(id)) ctx.addIssue({ code: "custom", path: ["calendar", "hoursFaqs", i], message: `no FAQ with id "${id}"` });
  });
});

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
