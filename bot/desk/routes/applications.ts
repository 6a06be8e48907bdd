/**
 * The applications queue (filters by program, status and age against the
 * committee's decision period; overdue ones marked) and an application's
 * file: answers with sealed ones opened (the view audited), attachments
 * through the desk, history, notes, and the committee's decision through
 * the same path as the chat's /decide.
 */
import { z } from "zod";
import { OPEN_STATUSES } from "../../../db/repo";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../db/schema";
import { addDays, riyadhDate } from "../../../flows/dates";
import { answerText, formFields, type FormField } from "../../../flows/form";
import type { Calendar } from "../../../flows/calendar";
import type { FieldAnswer } from "../../../flows/types";
import { TRANSITIONS } from "../../decisions";
import type { ApplicationFile } from "../../staff/actions";
import { applicationQueue, type QueueItem } from "../../staff/lists";
import { parseReference } from "../../staff/parse";
import type { DeskApp, DeskKit } from "../context";
import { ageInDays, csrfField, html, ltr, options, raw, type Html, type Ui } from "../html";
import { actorLabel, sendAttachment } from "./shared";

const QUEUE_LIMIT = 200;
/** Applications read to filter by the committee's date (the oldest first). */
const CANDIDATES = 2000;
/** "Due soon": this many days or fewer left of the decision period. */
const DUE_SOON_DAYS = 3;

const QueueQuery = z.object({
  program: z.string().regex(/^[a-z][a-z0-9_]*$/).optional().catch(undefined),
  status: z.enum(["open", "all", ...APPLICATION_STATUSES]).default("open").catch("open"),
  age: z.enum(["any", "overdue", "due", "new"]).default("any").catch("any"),
});
type QueueQuery = z.infer<typeof QueueQuery>;

const DECISIONS = ["approve", "reject", "needinfo"] as const;
const DECIDES_TO: Record<(typeof DECISIONS)[number], ApplicationStatus> = { approve: "approved", reject: "rejected", needinfo: "needs_info" };

const DecideForm = z
  .object({ decision: z.enum(DECISIONS), note: z.string().trim().max(1000).default("") })
  .refine((f) => f.decision === "approve" || f.note.length > 0, { path: ["note"], message: "a reason or a request is required" });
const NoteForm = z.object({ note: z.string().trim().min(1).max(1000) });

/** The instant a Riyadh calendar day starts. */
const dayStart = (day: string): string => new Date(`${day}T00:00:00+03:00`).toISOString();
/** Calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function registerApplications(app: DeskApp, kit: DeskKit): void {
  const { profile, actions } = kit.deps;
  const period = profile.committee.decisionPeriodDays;
  const programName = (ui: Ui, id: string) => {
    const p = profile.programs.find((x) => x.id === id);
    return p ? ui.local(p.name) : id;
  };
  const statusBadge = (ui: Ui, status: string): Html => html`<span class="badge s-${status}">${ui.t(`status.${status}`)}</span>`;

  /** How long an open application has waited, against the committee's date (working days and closures counted as the profile says). */
  function waiting(ui: Ui, calendar: Calendar, submittedAt: string, status: ApplicationStatus): { overdue: boolean; due: string; text: Html } {
    const age = ageInDays(submittedAt, ui.now);
    const due = calendar.decisionDate(new Date(submittedAt));
    const ageText = ui.t("queue.ageDays", { count: age });
    if (!OPEN_STATUSES.includes(status)) return { overdue: false, due, text: html`${ageText}` };
    const left = daysBetween(riyadhDate(ui.now), due);
    if (left < 0) return { overdue: true, due, text: html`${ageText} · <strong class="late">${ui.t("queue.overdue", { count: -left })}</strong>` };
    return { overdue: false, due, text: html`${ageText} · ${ui.t("queue.left", { count: left })}` };
  }

  function queueTable(ui: Ui, calendar: Calendar, total: number, items: QueueItem[]): Html {
    if (items.length === 0) return html`<div id="queue"><p class="empty">${ui.t("queue.empty")}</p></div>`;
    return html`<div id="queue">
      <p class="count">${ui.t("queue.count", { n: total })}${total > items.length ? html` · ${ui.t("queue.showing", { n: items.length })}` : ""}</p>
      <table class="list">
        <thead><tr><th scope="col">${ui.t("queue.reference")}</th><th scope="col">${ui.t("queue.program")}</th><th scope="col">${ui.t("queue.status")}</th><th scope="col">${ui.t("queue.submitted")}</th><th scope="col">${ui.t("queue.waiting")}</th></tr></thead>
        <tbody>
          ${items.map((a) => {
            const w = waiting(ui, calendar, a.submittedAt, a.status);
            return html`<tr${w.overdue ? raw(' class="overdue"') : ""}>
              <td data-label="${ui.t("queue.reference")}"><a href="/applications/${a.reference}">${ltr(a.reference)}</a></td>
              <td data-label="${ui.t("queue.program")}">${programName(ui, a.programId)}</td>
              <td data-label="${ui.t("queue.status")}">${statusBadge(ui, a.status)}</td>
              <td data-label="${ui.t("queue.submitted")}">${ui.date(a.submittedAt)}</td>
              <td data-label="${ui.t("queue.waiting")}">${w.text}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  function filters(ui: Ui, q: QueueQuery): Html {
    const programs: Array<[string, string]> = [["", ui.t("queue.allPrograms")], ...profile.programs.map((p): [string, string] => [p.id, ui.local(p.name)])];
    const statuses: Array<[string, string]> = [
      ["open", ui.t("queue.openStatuses")],
      ...APPLICATION_STATUSES.map((s): [string, string] => [s, ui.t(`status.${s}`)]),
      ["all", ui.t("queue.allStatuses")],
    ];
    const ages: Array<[string, string]> = [
      ["any", ui.t("queue.anyAge")],
      ["overdue", ui.t("queue.overdueOnly", { days: period })],
      ["due", ui.t("queue.dueSoon", { days: DUE_SOON_DAYS })],
      ["new", ui.t("queue.new", { days: DUE_SOON_DAYS })],
    ];
    return html`<form method="get" action="/applications" class="filters" hx-get="/applications" hx-target="#queue" hx-select="#queue" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change">
      <label>${ui.t("queue.program")} <select name="program">${options(programs, q.program ?? "")}</select></label>
      <label>${ui.t("queue.status")} <select name="status">${options(statuses, q.status)}</select></label>
      <label>${ui.t("queue.age")} <select name="age">${options(ages, q.age)}</select></label>
      <button type="submit">${ui.t("queue.filter")}</button>
    </form>`;
  }

  app.get("/applications", async (c) => {
    const refused = await kit.need(c, "applications");
    if (refused) return refused;
    const ui = c.var.ui;
    const q = QueueQuery.parse(c.req.query());
    const calendar = await kit.deps.calendar.get();
    const today = riyadhDate(ui.now);
    const statuses = q.status === "open" ? OPEN_STATUSES : q.status === "all" ? APPLICATION_STATUSES : [q.status];
    const base = { ...(q.program ? { programId: q.program } : {}), statuses };
    let list: { total: number; items: QueueItem[] };
    if (q.age === "any" || q.age === "new") {
      list = await applicationQueue(kit.deps.db, { ...base, ...(q.age === "new" ? { submittedSince: dayStart(addDays(today, -DUE_SOON_DAYS)) } : {}), limit: QUEUE_LIMIT });
    } else {
      // The period is at least its number of calendar days: the database narrows, the calendar decides.
      const submittedBefore = dayStart(addDays(today, q.age === "overdue" ? -period : -period + DUE_SOON_DAYS + 1));
      const candidates = await applicationQueue(kit.deps.db, { ...base, submittedBefore, limit: CANDIDATES });
      const matching = candidates.items.filter((a) => {
        if (!OPEN_STATUSES.includes(a.status)) return false;
        const left = daysBetween(today, calendar.decisionDate(new Date(a.submittedAt)));
        return q.age === "overdue" ? left < 0 : left >= 0 && left <= DUE_SOON_DAYS;
      });
      list = { total: matching.length, items: matching.slice(0, QUEUE_LIMIT) };
    }
    await actions.audit(kit.signedIn(c).actor, "desk_queue", null, true, `${q.status}/${q.age}${q.program ? `/${q.program}` : ""}`);
    return kit.render(
      c,
      ui.t("queue.title"),
      html`<h1>${ui.t("queue.title")}</h1>
        <p class="hint">${ui.t("queue.period", { days: period })}</p>
        ${filters(ui, q)}
        ${queueTable(ui, calendar, list.total, list.items)}`,
    );
  });

  function answersList(ui: Ui, a: ApplicationFile): Html {
    const program = profile.programs.find((p) => p.id === a.programId);
    const fields: FormField[] = program ? [...formFields(program)] : [];
    for (const id of Object.keys(a.answers)) {
      if (!fields.some((f) => f.id === id)) fields.push({ id, type: "text", label: { literal: id }, required: false, sensitive: false });
    }
    const value = (f: FormField, answer: FieldAnswer | "sealed" | undefined): Html => {
      if (answer === undefined) return html`<span class="muted">${ui.text({ key: "apply:summaryValue.missing" })}</span>`;
      if (answer === "sealed") return html`<span class="muted">${ui.t("file.sealed")}</span>`;
      if (answer.type === "attachment") {
        return html`<a href="/applications/${a.reference}/files/${f.id}">${ui.t("file.openAttachment")}</a> <bdi dir="auto">${answer.fileName ?? answer.mimeType ?? ""}</bdi>`;
      }
      const shown = ui.text(answerText(f, answer));
      return answer.type === "phone" || answer.type === "nationalId" || answer.type === "number" ? ltr(shown) : html`<span dir="auto">${shown}</span>`;
    };
    return html`<dl class="answers">
      ${fields.map((f) => html`<div${f.sensitive ? raw(' class="sensitive"') : ""}><dt>${ui.text(f.label)}</dt><dd>${value(f, a.answers[f.id])}</dd></div>`)}
    </dl>`;
  }

  function decideForm(ui: Ui, a: ApplicationFile): Html {
    if (!ui.may("decide")) return html`<p class="muted">${ui.t("file.decideNotYours")}</p>`;
    const allowed = DECISIONS.filter((d) => TRANSITIONS[a.status].includes(DECIDES_TO[d]));
    if (allowed.length === 0) return html`<p class="muted">${ui.t("file.decided")}</p>`;
    return html`<form method="post" action="/applications/${a.reference}/decide" class="stack decide">
      ${csrfField(ui)}
      <fieldset>
        <legend>${ui.t("file.decisionChoice")}</legend>
        ${allowed.map(
          (d, i) => html`<label class="choice"><input type="radio" name="decision" value="${d}" required${i === 0 ? raw(" checked") : ""}> ${ui.t(`decide.${d}`)}</label>`,
        )}
      </fieldset>
      <label for="decide-note">${ui.t("file.decisionNote")}</label>
      <textarea id="decide-note" name="note" rows="3" maxlength="1000" dir="auto"></textarea>
      <p class="hint">${ui.t("file.decisionNoteHint")}</p>
      <button type="submit">${ui.t("file.record")}</button>
    </form>`;
  }

  function history(ui: Ui, a: ApplicationFile): Html {
    return html`<ol class="history">
      ${a.events.map(
        (e) => html`<li${e.action === "note" ? raw(' class="note"') : ""}>
          <span class="when">${ui.date(e.at, true)}</span>
          <span class="what">${e.action === "note" ? ui.t("file.noteEvent") : e.toStatus ? ui.t(`status.${e.toStatus}`) : e.action}</span>
          <span class="by">${actorLabel(ui, e.actor)}</span>
          ${e.note ? html`<p class="text" dir="auto">${e.note}</p>` : ""}
        </li>`,
      )}
    </ol>`;
  }

  app.get("/applications/:ref", async (c) => {
    const reference = parseReference(c.req.param("ref"));
    const refused = await kit.need(c, "applications", reference);
    if (refused) return refused;
    const ui = c.var.ui;
    const a = reference ? await actions.showApplication(kit.signedIn(c).actor, reference) : null;
    if (!a) return c.notFound();
    const name = a.answers["full_name"];
    const notices = await actions.notices(a.reference);
    const w = waiting(ui, await kit.deps.calendar.get(), a.submittedAt, a.status);
    const body = html`<p class="back"><a href="/applications">${ui.t("file.back")}</a></p>
      <h1>${ui.t("file.title")} ${ltr(a.reference)}</h1>
      <dl class="facts${w.overdue ? " overdue" : ""}">
        <div><dt>${ui.t("queue.program")}</dt><dd>${programName(ui, a.programId)}</dd></div>
        <div><dt>${ui.t("queue.status")}</dt><dd>${statusBadge(ui, a.status)}</dd></div>
        <div><dt>${ui.t("queue.submitted")}</dt><dd>${ui.date(a.submittedAt, true)}</dd></div>
        <div><dt>${ui.t("queue.waiting")}</dt><dd>${w.text}${OPEN_STATUSES.includes(a.status) ? html`<br>${ui.t("file.due", { date: ui.date(w.due) })}` : ""}</dd></div>
        <div><dt>${ui.t("file.name")}</dt><dd dir="auto">${name && name !== "sealed" && name.type === "text" ? name.value : (a.contact.displayName ?? "—")}</dd></div>
        <div><dt>${ui.t("file.phone")}</dt><dd>${a.contact.phone ? ltr(a.contact.phone) : "—"}</dd></div>
        <div><dt>${ui.t("file.channels")}</dt><dd>${a.contact.channels.length > 0 ? ui.text({ list: a.contact.channels.map((ch) => ({ key: `desk:channel.${ch}` })) }) : "—"}${a.contact.unreachable ? html` · <strong class="late">${ui.t("file.unreachable")}</strong>` : ""}</dd></div>
        <div><dt>${ui.t("file.consents")}</dt><dd>${ui.t("file.attested", { date: ui.date(a.attestedAt) })}${a.sensitiveConsentAt ? html`<br>${ui.t("file.sensitiveConsent", { date: ui.date(a.sensitiveConsentAt) })}` : ""}</dd></div>
      </dl>
      <section><h2>${ui.t("file.answers")}</h2>${answersList(ui, a)}</section>
      <section><h2>${ui.t("file.decision")}</h2>${decideForm(ui, a)}</section>
      <section><h2>${ui.t("file.history")}</h2>${history(ui, a)}
        <form method="post" action="/applications/${a.reference}/notes" class="stack">
          ${csrfField(ui)}
          <label for="note">${ui.t("file.addNote")}</label>
          <textarea id="note" name="note" rows="2" maxlength="1000" required dir="auto"></textarea>
          <button type="submit" class="secondary">${ui.t("file.saveNote")}</button>
        </form>
      </section>
      ${notices.length > 0 ? html`<section><h2>${ui.t("file.notices")}</h2><ol class="history">${notices.map((n) => html`<li dir="auto">${ui.text(n)}</li>`)}</ol></section>` : ""}`;
    return kit.render(c, `${ui.t("file.title")} ${a.reference}`, body);
  });

  app.post("/applications/:ref/decide", async (c) => {
    const reference = parseReference(c.req.param("ref"));
    const refused = await kit.need(c, "decide", reference);
    if (refused) return refused;
    if (!reference) return c.notFound();
    const ui = c.var.ui;
    const parsed = DecideForm.safeParse(c.var.form);
    if (!parsed.success) return kit.redirect(c, `/applications/${reference}`, { kind: "error", text: ui.t("file.noteRequired") });
    const { decision, note } = parsed.data;
    const r = await actions.decide(kit.signedIn(c).actor, reference, decision, note.length > 0 ? note : null);
    const text = r.status === "unavailable" ? ui.t("file.decideUnavailable") : r.reply.text.map((t) => ui.text(t)).join("\n");
    return kit.redirect(c, `/applications/${reference}`, { kind: r.status === "unavailable" ? "error" : "ok", text });
  });

  app.post("/applications/:ref/notes", async (c) => {
    const reference = parseReference(c.req.param("ref"));
    const refused = await kit.need(c, "applications", reference);
    if (refused) return refused;
    if (!reference) return c.notFound();
    const ui = c.var.ui;
    const parsed = NoteForm.safeParse(c.var.form);
    if (!parsed.success) return kit.redirect(c, `/applications/${reference}`, { kind: "error", text: ui.t("file.noteEmpty") });
    const r = await actions.note(kit.signedIn(c).actor, reference, parsed.data.note);
    if (r.status === "not_found") return c.notFound();
    return kit.redirect(c, `/applications/${reference}`, { kind: "ok", text: ui.t("file.noteSaved") });
  });

  app.get("/applications/:ref/files/:field", async (c) => {
    const reference = parseReference(c.req.param("ref"));
    const field = c.req.param("field");
    const refused = await kit.need(c, "applications", reference);
    if (refused) return refused;
    if (!reference || !/^[a-z][a-z0-9_]*$/.test(field)) return c.notFound();
    return sendAttachment(c, kit, reference, field);
  });
}
