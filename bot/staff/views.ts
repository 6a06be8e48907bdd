/**
 * How the staff workspace shows things: one application in full (sealed
 * answers opened when the key allows), one ticket, a contact, and the small
 * labels lists are made of; and each as a summary without personal data (for
 * a group everyone in it reads). Texts only; the commands decide what to show.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { answerText, formFields, type FormField } from "../../flows/form";
import { t } from "../../flows/reply";
import type { FieldAnswer, Text } from "../../flows/types";
import type { Profile } from "../../orgs/schema";
import type { Cipher } from "../crypto";
import type { Logger } from "../log";
import type { StoredAnswer } from "../sealing";
import { latestClaim, type Claim } from "./audit";
import type * as q from "./queries";

export const lines = (items: Text[]): Text => ({ list: items, lines: true });
/** A heading with its lines under it, as one paragraph. */
export const section = (title: Text, items: Text[]): Text => lines([title, ...items]);
export const ltr = (v: string | number): Text => ({ ltr: v });
export const claimName = (c: Claim): string => c.name?.trim() || c.userId;

/**
 * Opens sealed answers; one that cannot be opened (a changed key) shows as
 * sealed, the rest still show. Without a cipher every sealed answer stays sealed.
 */
export function openAnswers(
  deps: { cipher?: Cipher; log: Logger },
  reference: string,
  stored: Record<string, StoredAnswer>,
): Record<string, FieldAnswer | "sealed"> {
  const out: Record<string, FieldAnswer | "sealed"> = {};
  for (const [id, answer] of Object.entries(stored)) {
    if (answer.type !== "sealed") {
      out[id] = answer;
      continue;
    }
    if (!deps.cipher) {
      out[id] = "sealed";
      continue;
    }
    try {
      out[id] = JSON.parse(deps.cipher.decrypt(answer.enc)) as FieldAnswer;
    } catch (error) {
      deps.log.warn("a sealed answer could not be opened", { reference, field: id, error });
      out[id] = "sealed";
    }
  }
  return out;
}

export interface ViewDeps {
  db: Kysely<Database>;
  profile: Profile;
  log: Logger;
  /** Opens sealed answers; without it they show as sealed. */
  cipher?: Cipher;
}

export function createViews(deps: ViewDeps) {
  const { db, profile, log, cipher } = deps;

  const programName = (id: string): Text => {
    const p = profile.programs.find((x) => x.id === id);
    return p ? { localized: p.name } : t("staffcmd:application.unknownProgram", { id });
  };
  const statusLabel = (status: string): Text => t(`status:state.${status}`);
  const kindLabel = (kind: string): Text => t(`staffcmd:kind.${kind}`);

  /** The application without personal data: reference, program, status, dates. */
  const applicationSummary = (a: q.ApplicationDetail): Text =>
    t("staffcmd:application.title", {
      reference: ltr(a.reference),
      program: programName(a.programId),
      status: statusLabel(a.status),
      submitted: { date: a.submittedAt, withTime: true },
      updated: { date: a.updatedAt, withTime: true },
    });

  const ticketTitle = (ticket: q.TicketDetail): Text =>
    t("staffcmd:ticket.title", {
      kind: kindLabel(ticket.kind),
      reference: ltr(ticket.reference),
      status: t(`staffcmd:ticketStatus.${ticket.status}`),
      created: { date: ticket.createdAt, withTime: true },
    });

  const claimLine = async (reference: string): Promise<Text> => {
    const claim = await latestClaim(db, reference);
    return claim ? t("staffcmd:ticket.claimedBy", { staff: claimName(claim), date: { date: claim.at, withTime: true } }) : t("staffcmd:ticket.notClaimed");
  };

  /** The ticket without personal data: kind, reference, status, date, who holds it. */
  const ticketSummary = async (ticket: q.TicketDetail): Promise<Text[]> => [ticketTitle(ticket), await claimLine(ticket.reference)];

  function contactText(c: q.ContactInfo, fallbackName: string | null): Text {
    const unknown = t("staffcmd:application.unknown");
    return t("staffcmd:application.contact", {
      name: c.displayName ?? fallbackName ?? unknown,
      phone: c.phone ? ltr(c.phone) : unknown,
      channels: c.channels.length > 0 ? c.channels.join(", ") : unknown,
    });
  }

  const openFields = (reference: string, stored: Record<string, StoredAnswer>) => openAnswers({ log, ...(cipher ? { cipher } : {}) }, reference, stored);

  function applicationText(a: q.ApplicationDetail): Text[] {
    const answers = openFields(a.reference, a.fields);
    const valueOf = (field: FormField, answer: FieldAnswer | "sealed"): Text =>
      answer === "sealed" ? t("staffcmd:application.sealed") : answerText(field, answer);
    const program = profile.programs.find((p) => p.id === a.programId);
    const fields = program ? formFields(program) : [];
    const known = new Set(fields.map((f) => f.id));
    const fieldLines: Text[] = fields.map((f) => {
      const answer = answers[f.id];
      return t("staffcmd:application.fieldLine", { label: f.label, value: answer ? valueOf(f, answer) : t("apply:summaryValue.missing") });
    });
    // Answers to fields the profile no longer has are still shown, by id.
    for (const [id, answer] of Object.entries(answers)) {
      if (known.has(id)) continue;
      const field: FormField = { id, type: "text", label: { literal: id }, required: false, sensitive: false };
      fieldLines.push(t("staffcmd:application.fieldLine", { label: field.label, value: valueOf(field, answer) }));
    }
    const fullName = answers["full_name"];
    const name = fullName && fullName !== "sealed" && fullName.type === "text" ? fullName.value : null;
    const parts: Text[] = [applicationSummary(a), contactText(a.contact, name)];
    if (a.contact.unreachable) parts.push(t("staffcmd:application.unreachable"));
    parts.push(section(t("staffcmd:application.fieldsTitle"), fieldLines));
    parts.push(t("staffcmd:application.consents", { attested: { date: a.attestedAt, withTime: true }, terms: { date: a.termsAcceptedAt, withTime: true } }));
    if (a.sensitiveConsentAt) parts.push(t("staffcmd:application.sensitiveConsent", { date: { date: a.sensitiveConsentAt, withTime: true } }));
    if (a.events.length > 0) {
      const history: Text[] = [];
      for (const e of a.events) {
        history.push(
          t("staffcmd:application.historyLine", {
            date: { date: e.at, withTime: true },
            what: e.toStatus ? statusLabel(e.toStatus) : { literal: e.action },
            actor: e.actor,
          }),
        );
        if (e.note) history.push(t("staffcmd:application.historyNote", { note: { literal: e.note } }));
      }
      parts.push(section(t("staffcmd:application.historyTitle"), history));
    }
    return parts;
  }

  async function ticketText(ticket: q.TicketDetail): Promise<Text[]> {
    const parts: Text[] = [ticketTitle(ticket), contactText(ticket.contact, null)];
    if (ticket.body) parts.push(t("staffcmd:ticket.body", { text: { literal: ticket.body } }));
    if (ticket.attachment?.type === "attachment") {
      parts.push(t("staffcmd:ticket.attachment", { name: ltr(ticket.attachment.fileName ?? ticket.attachment.mimeType ?? "file") }));
    }
    parts.push(await claimLine(ticket.reference));
    if (ticket.closedAt) parts.push(t("staffcmd:ticket.closed", { date: { date: ticket.closedAt, withTime: true }, by: ticket.closedBy ?? "-" }));
    return parts;
  }

  return { programName, statusLabel, kindLabel, contactText, applicationText, applicationSummary, ticketText, ticketSummary };
}
