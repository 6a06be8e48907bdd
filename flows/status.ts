/**
 * Following one's own requests: applications with their status and dates,
 * complaints, suggestions and appeals; a reference typed anywhere (with or
 * without its dash or letter, in any digits, inside a sentence), or a
 * question in words ("where is my complaint"). Only the contact's own are
 * ever searched or shown.
 */
import type { FollowUpKind } from "./intents";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, draftOf, keepDraft } from "./session";
import { programOf } from "./apply/base";
import { toLatinDigits } from "./text/arabic";
import type { ApplicationSummary, FlowContext, FlowInput, SessionState, StepResult, Text, TicketSummary } from "./types";

export function statusLine(a: ApplicationSummary, ctx: FlowContext): Text {
  const program = ctx.profile.programs.find((p) => p.id === a.programId);
  const line = t("status:line", {
    reference: { ltr: a.reference },
    program: program ? { localized: program.name } : a.programId,
    status: t(`status:state.${a.status}`),
    submitted: { date: a.submittedAt },
    updated: { date: a.updatedAt },
  });
  if (a.status !== "needs_info") return line;
  return { list: [line, t("status:needed", { note: a.infoRequest ?? "-" })], lines: true };
}

export function ticketLine(k: TicketSummary): Text {
  const status = k.decision
    ? t(`appeal:decision.${k.decision}`)
    : k.kind === "appeal"
      ? t(`appeal:ticketStatus.${k.status}`)
      : t(`status:ticketState.${k.status}`);
  return t("status:ticketLine", {
    reference: { ltr: k.reference },
    kind: t(`status:kind.${k.kind}`),
    status,
    created: { date: k.createdAt },
  });
}

/** Tickets worth following: complaints, suggestions and appeals (a handoff is a conversation; a referral is followed up by its own question). */
const followable = (ctx: FlowContext): TicketSummary[] => ctx.tickets.filter((k) => k.kind === "complaint" || k.kind === "suggestion" || k.kind === "appeal");

/** The contact's applications, one line each, under their heading; nothing when there are none. */
function applicationsList(ctx: FlowContext): Text[] {
  if (ctx.applications.length === 0) return [];
  return [t("status:list", { count: ctx.applications.length }), { list: ctx.applications.map((a) => statusLine(a, ctx)), lines: true }];
}

export function showStatus(state: SessionState, ctx: FlowContext): StepResult {
  const tickets = followable(ctx);
  // A form begun and kept is not an application yet: said plainly, with the way to finish it.
  const draft = draftOf(state);
  const program = draft ? programOf(ctx, draft) : undefined;
  if (program) {
    return done(keepDraft({ flow: "menu" }, state), [
      withChoices(reply(...applicationsList(ctx), t("status:draftPending", { program: { localized: program.name } })), [
        choice("menu:apply", t("apply:resumeContinue")),
        choice("menu:human", t("menu:item.human")),
      ]),
    ]);
  }
  if (ctx.applications.length === 0 && tickets.length === 0) {
    return done(keepDraft({ flow: "menu" }, state), [
      withChoices(reply(t("status:none")), [choice("menu:apply", t("menu:item.apply")), choice("menu:human", t("menu:item.human"))]),
    ]);
  }
  const parts: Text[] = applicationsList(ctx);
  if (tickets.length > 0) parts.push(t("status:tickets"), { list: tickets.map(ticketLine), lines: true });
  parts.push(t("status:askReference"));
  return done(keepDraft({ flow: "status" }, state), [reply(...parts)]);
}

/** "Where is my complaint?": this contact's requests of that kind. */
export function followUp(state: SessionState, kind: FollowUpKind, ctx: FlowContext): StepResult {
  if (kind === "application") return showStatus(state, ctx);
  const tickets = ctx.tickets.filter((k) => k.kind === kind);
  if (tickets.length === 0) return done(keepDraft({ flow: "menu" }, state), [menuReply([t(`status:noneOf.${kind}`)])]);
  return done(keepDraft({ flow: "menu" }, state), [menuReply([t("status:yourOf", { kind: t(`status:kind.${kind}`) }), { list: tickets.map(ticketLine), lines: true }])]);
}

/** "c26 00012", "A٢٦-٠٠٠٠١", "26-00001": the letter (if typed), the year and the number. */
const REFERENCE = /(?:^|[^A-Z0-9])([A-Z])?\s?(\d{2})\s?(-)?\s?(\d{3,5})(?![0-9])/;

/** The reference typed in `text` (alone, or with its letter or dash inside a sentence), normalised. */
export function typedReference(text: string): { letter: string | null; year: string; number: number } | null {
  const form = toLatinDigits(text).toUpperCase().replace(/[\u2010-\u2015\u2212_]/g, "-").replace(/\s*-\s*/g, "-").trim();
  const m = REFERENCE.exec(form);
  if (!m) return null;
  const alone = form.replace(/[\s\-.#:]/g, "") === `${m[1] ?? ""}${m[2]}${m[4]}`;
  // Inside a sentence only with its letter or dash: a bare number there is something else.
  if (!alone && !m[1] && !m[3]) return null;
  return { letter: m[1] ?? null, year: m[2]!, number: Number(m[4]) };
}

const sameReference = (reference: string, typed: { letter: string | null; year: string; number: number }): boolean => {
  const m = /^([A-Z])(\d{2})-(\d+)$/.exec(reference);
  return !!m && (typed.letter === null || typed.letter === m[1]) && m[2] === typed.year && Number(m[3]) === typed.number;
};

/** A reference typed in a message: only this contact's applications and tickets are searched. */
export function statusLookup(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult | null {
  if (input.kind !== "text") return null;
  const typed = typedReference(input.text);
  if (!typed) return null;
  const app = typed.letter === null || typed.letter === "A" ? ctx.applications.find((a) => sameReference(a.reference, typed)) : undefined;
  if (app) return done(keepDraft({ flow: "menu" }, state), [menuReply([statusLine(app, ctx)])]);
  const ticket = typed.letter === "A" ? undefined : ctx.tickets.find((k) => sameReference(k.reference, typed));
  if (ticket) return done(keepDraft({ flow: "menu" }, state), [menuReply([ticketLine(ticket)])]);
  return done(keepDraft({ flow: "status" }, state), [reply(t("status:notFound", { reference: { ltr: input.text.trim().slice(0, 30) } }))]);
}
