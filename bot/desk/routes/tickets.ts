/**
 * Tickets on the desk: the handoff inbox (conversations waiting for a
 * person), complaints, suggestions and appeals; one ticket with its
 * conversation; claim, assign, reply (through the outbox to the
 * beneficiary's channel) and close, through the same staff actions as the
 * chat commands.
 */
import { z } from "zod";
import type { TicketKind } from "../../../db/schema";
import { replyWindow, type ReplyWindow } from "../../notices/window";
import { claimsOf, type Claim } from "../../staff/audit";
import { ticketsOf, type ConversationMessage, type TicketItem } from "../../staff/lists";
import { parseReference } from "../../staff/parse";
import { actorOf } from "../auth";
import type { DeskApp, DeskContext, DeskKit } from "../context";
import { csrfField, html, ltr, options, type Html, type Ui } from "../html";
import { actorLabel, sendAttachment } from "./shared";
import { referralSection } from "./referrals";

/**
 * Kinds the feedback page lists (handoffs have their inbox). Appeals are listed as soon as tickets
 * of that kind exist; referrals are open while staff should act on them (no contact of the partner
 * to give, a summary to pass on, not helped), closed otherwise.
 */
export const FEEDBACK_KINDS = ["complaint", "suggestion", "appeal", "referral"] as const;
/** The database's kinds, as the feedback page asks for them. */
const asKinds = (kinds: readonly string[]): TicketKind[] => kinds as TicketKind[];
const LIST_LIMIT = 200;
const CONVERSATION_LIMIT = 50;

const ListQuery = z.object({
  kind: z.enum(["all", ...FEEDBACK_KINDS]).default("all").catch("all"),
  status: z.enum(["open", "closed", "all"]).default("open").catch("open"),
});
const ReplyForm = z.object({ text: z.string().trim().min(1).max(2000) });
const AssignForm = z.object({ to: z.string().regex(/^(telegram|whatsapp|console):[^\s]{1,64}$/) });

export function registerTickets(app: DeskApp, kit: DeskKit): void {
  const { actions, directory } = kit.deps;

  const holderLabel = (c: Claim): string => c.name?.trim() || (c.channel === "console" ? c.userId : `${c.channel}:${c.userId}`);
  const isMine = (ctx: DeskContext, claim: Claim | undefined | null): boolean => {
    const me = ctx.var.signedIn?.member;
    return !!me && !!claim && claim.channel === me.channel && claim.userId === me.id;
  };

  function waitedFor(ui: Ui, since: string): string {
    const minutes = Math.max(0, Math.floor((ui.now.getTime() - Date.parse(since)) / 60_000));
    if (minutes < 60) return ui.t("inbox.minutes", { n: minutes });
    if (minutes < 48 * 60) return ui.t("inbox.hours", { n: Math.floor(minutes / 60) });
    return ui.t("inbox.days", { n: Math.floor(minutes / 1440) });
  }

  function claimButton(ui: Ui, reference: string): Html {
    return html`<form method="post" action="/tickets/${reference}/claim" class="inline">${csrfField(ui)}<button type="submit" class="small">${ui.t("ticket.claim")}</button></form>`;
  }

  function ticketRows(c: DeskContext, items: TicketItem[], claims: Map<string, Claim>, withKind: boolean): Html {
    const ui = c.var.ui;
    return html`<table class="list tickets">
      <thead><tr><th scope="col">${ui.t("ticket.reference")}</th>${withKind ? html`<th scope="col">${ui.t("ticket.kind")}</th>` : ""}<th scope="col">${ui.t("ticket.opened")}</th><th scope="col">${ui.t("ticket.preview")}</th><th scope="col">${ui.t("ticket.holder")}</th></tr></thead>
      <tbody>
        ${items.map((t) => {
          const claim = claims.get(t.reference);
          return html`<tr class="${t.status}">
            <td data-label="${ui.t("ticket.reference")}"><a href="/tickets/${t.reference}">${ltr(t.reference)}</a>${t.status === "closed" ? html` <span class="badge s-closed">${ui.t("ticket.status.closed")}</span>` : ""}</td>
            ${withKind ? html`<td data-label="${ui.t("ticket.kind")}">${ui.t(`kind.${t.kind}`)}</td>` : ""}
            <td data-label="${ui.t("ticket.opened")}">${ui.date(t.createdAt, true)}${t.status === "open" ? html`<br><span class="muted">${ui.t("inbox.waiting", { time: waitedFor(ui, t.createdAt) })}</span>` : ""}</td>
            <td data-label="${ui.t("ticket.preview")}" dir="auto">${t.preview ?? ""}${t.hasAttachment ? html` <span class="muted">${ui.t("ticket.hasAttachment")}</span>` : ""}</td>
            <td data-label="${ui.t("ticket.holder")}">${claim ? html`<bdi>${holderLabel(claim)}</bdi>` : html`<span class="muted">${ui.t("ticket.nobody")}</span>`}
              ${t.status === "open" && !isMine(c, claim) ? claimButton(ui, t.reference) : ""}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  app.get("/inbox", async (c) => {
    const refused = await kit.need(c, "tickets");
    if (refused) return refused;
    const ui = c.var.ui;
    // People waiting for a person: urgent safety alerts on top, then handoffs and symptoms, the longest waiting first.
    const list = await ticketsOf(kit.deps.db, { kinds: ["urgent", "handoff", "care"], status: "open", limit: LIST_LIMIT });
    const claims = await claimsOf(kit.deps.db, list.items.map((t) => t.reference));
    // The page's own refresh (every 30 s, htmx) is not recorded again: opening the inbox is.
    if (c.req.header("HX-Request") !== "true") await actions.audit(kit.signedIn(c).actor, "desk_inbox", null, true);
    const body = html`<h1>${ui.t("inbox.title")}</h1>
      <p class="hint">${ui.t("inbox.intro")}</p>
      <div id="inbox" hx-get="/inbox" hx-trigger="every 30s" hx-select="#inbox" hx-swap="outerHTML">
        ${list.items.length === 0 ? html`<p class="empty">${ui.t("inbox.empty")}</p>` : html`<p class="count">${ui.t("inbox.count", { n: list.total })}</p>${ticketRows(c, list.items, claims, false)}`}
      </div>`;
    return kit.render(c, ui.t("inbox.title"), body);
  });

  app.get("/tickets", async (c) => {
    const refused = await kit.need(c, "tickets");
    if (refused) return refused;
    const ui = c.var.ui;
    const q = ListQuery.parse(c.req.query());
    const kinds = asKinds(q.kind === "all" ? FEEDBACK_KINDS : FEEDBACK_KINDS.filter((k) => k === q.kind));
    const list = await ticketsOf(kit.deps.db, { kinds, status: q.status, limit: LIST_LIMIT });
    const claims = await claimsOf(kit.deps.db, list.items.map((t) => t.reference));
    await actions.audit(kit.signedIn(c).actor, "desk_tickets", null, true, `${q.kind}/${q.status}`);
    const kindOptions: Array<[string, string]> = [["all", ui.t("tickets.allKinds")], ...FEEDBACK_KINDS.map((k): [string, string] => [k, ui.t(`kind.${k}`)])];
    const statusOptions: Array<[string, string]> = [["open", ui.t("ticket.status.open")], ["closed", ui.t("ticket.status.closed")], ["all", ui.t("tickets.allStatuses")]];
    const body = html`<h1>${ui.t("tickets.title")}</h1>
      <form method="get" action="/tickets" class="filters" hx-get="/tickets" hx-target="#tickets" hx-select="#tickets" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change">
        <label>${ui.t("ticket.kind")} <select name="kind">${options(kindOptions, q.kind)}</select></label>
        <label>${ui.t("ticket.state")} <select name="status">${options(statusOptions, q.status)}</select></label>
        <button type="submit">${ui.t("queue.filter")}</button>
      </form>
      <div id="tickets">
        ${list.items.length === 0 ? html`<p class="empty">${ui.t("tickets.empty")}</p>` : html`<p class="count">${ui.t("tickets.count", { n: list.total })}</p>${ticketRows(c, list.items, claims, true)}`}
      </div>`;
    return kit.render(c, ui.t("tickets.title"), body);
  });

  function conversation(ui: Ui, messages: ConversationMessage[]): Html {
    if (messages.length === 0) return html`<p class="empty">${ui.t("ticket.noMessages")}</p>`;
    return html`<ol class="conversation">
      ${messages.map(
        (m) => html`<li class="${m.direction}">
          <span class="who">${ui.t(m.direction === "in" ? "ticket.fromBeneficiary" : "ticket.toBeneficiary")} · ${ui.date(m.at, true)}</span>
          <p dir="auto">${m.body ?? ui.t("ticket.media", { kind: m.kind })}</p>
        </li>`,
      )}
    </ol>`;
  }

  /** On WhatsApp's Cloud API: whether the 24-hour window is open, and how the reply goes when it is not. */
  function windowNote(ui: Ui, w: ReplyWindow | null, reference: string): Html {
    if (!w || !w.windowed) return html``;
    const state = w.open
      ? ui.t("window.open", { last: ui.date(w.lastInbound!, true), closes: ui.date(w.closesAt!, true) })
      : w.lastInbound
        ? ui.t("window.closed", { last: ui.date(w.lastInbound, true) })
        : ui.t("window.never");
    const how = w.open
      ? ""
      : w.template
        ? html`<br>${ui.t("window.template", { name: w.template.name, language: ui.t(`window.language.${w.template.language}`) })}
            <q dir="auto" lang="${w.template.language}">${kit.deps.translator.t("templates:reply", w.template.language, { "1": reference })}</q>`
        : html`<br>${ui.t("window.noTemplate")}`;
    return html`<p class="window ${w.open ? "open" : "closed"}" id="window"><strong>${ui.t("window.label")}</strong> ${state}${how}</p>`;
  }

  app.get("/tickets/:ref", async (c) => {
    const reference = parseReference(c.req.param("ref"));
    const refused = await kit.need(c, "tickets", reference);
    if (refused) return refused;
    const ui = c.var.ui;
    const ticket = reference ? await actions.showTicket(kit.signedIn(c).actor, reference) : null;
    if (!ticket) return c.notFound();
    const messages = await actions.conversation(ticket, CONVERSATION_LIMIT);
    const open = ticket.status === "open";
    const win = open ? await replyWindow(kit.deps.db, kit.deps.profile, ticket.contact.id, ui.now) : null;
    const staffOptions: Array<[string, string]> = directory.members.map((m): [string, string] => [
      `${m.channel}:${m.id}`,
      `${m.channel === "console" ? m.id : `${m.channel}:${m.id}`}${m.role ? ` · ${ui.local(m.role.title)}` : ""}`,
    ]);
    const body = html`<p class="back"><a href="${["handoff", "urgent", "care"].includes(ticket.kind) ? "/inbox" : "/tickets"}">${ui.t("ticket.back")}</a></p>
      <h1>${ui.t(`kind.${ticket.kind}`)} ${ltr(ticket.reference)} <span class="badge s-${ticket.status}">${ui.t(`ticket.status.${ticket.status}`)}</span></h1>
      <dl class="facts">
        <div><dt>${ui.t("ticket.opened")}</dt><dd>${ui.date(ticket.createdAt, true)}</dd></div>
        <div><dt>${ui.t("file.name")}</dt><dd dir="auto">${ticket.contact.displayName ?? "—"}</dd></div>
        <div><dt>${ui.t("file.phone")}</dt><dd>${ticket.contact.phone ? ltr(ticket.contact.phone) : "—"}</dd></div>
        <div><dt>${ui.t("file.channels")}</dt><dd>${ticket.contact.channels.length > 0 ? ui.text({ list: ticket.contact.channels.map((ch) => ({ key: `desk:channel.${ch}` })) }) : "—"}${ticket.contact.unreachable ? html` · <strong class="late">${ui.t("file.unreachable")}</strong>` : ""}</dd></div>
        <div><dt>${ui.t("ticket.holder")}</dt><dd>${ticket.claim ? html`<bdi>${holderLabel(ticket.claim)}</bdi> · ${ui.date(ticket.claim.at, true)}` : ui.t("ticket.nobody")}</dd></div>
        ${ticket.closedAt ? html`<div><dt>${ui.t("ticket.closedAt")}</dt><dd>${ui.date(ticket.closedAt, true)} · ${actorLabel(ui, ticket.closedBy ?? "-")}</dd></div>` : ""}
      </dl>
      ${ticket.body ? html`<section><h2>${ui.t("ticket.body")}</h2><p class="text" dir="auto">${ticket.body}</p></section>` : ""}
      ${ticket.attachments.map((a, i) =>
        a.type === "attachment"
          ? html`<p><a href="/tickets/${ticket.reference}/file?n=${i + 1}">${ui.t("file.openAttachment")}</a> <bdi dir="auto">${a.fileName ?? a.mimeType ?? ""}</bdi></p>`
          : "",
      )}
      ${ticket.kind === "referral" ? await referralSection(ui, actions, ticket.reference) : ""}
      <section><h2>${ui.t("ticket.conversation")}</h2>${conversation(ui, messages)}</section>
      ${open
        ? html`<section class="actions"><h2>${ui.t("ticket.act")}</h2>
            <form method="post" action="/tickets/${ticket.reference}/reply" class="stack">
              ${csrfField(ui)}
              ${windowNote(ui, win, ticket.reference)}
              <label for="reply">${ui.t("ticket.replyLabel")}</label>
              <textarea id="reply" name="text" rows="4" maxlength="2000" required dir="auto"></textarea>
              <p class="hint">${ui.t("ticket.replyHint")}</p>
              <button type="submit">${ui.t("ticket.send")}</button>
            </form>
            <div class="row">
              ${isMine(c, ticket.claim) ? "" : claimButton(ui, ticket.reference)}
              <form method="post" action="/tickets/${ticket.reference}/assign" class="inline">
                ${csrfField(ui)}
                <label>${ui.t("ticket.assignTo")} <select name="to">${options(staffOptions, ticket.claim ? `${ticket.claim.channel}:${ticket.claim.userId}` : "")}</select></label>
                <button type="submit" class="small secondary">${ui.t("ticket.assign")}</button>
              </form>
              <form method="post" action="/tickets/${ticket.reference}/close" class="inline">
                ${csrfField(ui)}
                <button type="submit" class="small danger">${ui.t("ticket.close")}</button>
              </form>
            </div>
          </section>`
        : ""}`;
    return kit.render(c, `${ui.t(`kind.${ticket.kind}`)} ${ticket.reference}`, body);
  });

  app.get("/tickets/:ref/file", async (c) => {
    const reference = parseReference(c.req.param("ref"));
    const refused = await kit.need(c, "tickets", reference);
    if (refused) return refused;
    if (!reference) return c.notFound();
    // The n-th file sent with the ticket (a complaint can carry several).
    const n = Number(c.req.query("n") ?? "1");
    return sendAttachment(c, kit, reference, Number.isInteger(n) && n >= 1 && n <= 20 ? `ticket:${n}` : "ticket:1");
  });

  /** A POST on a ticket: permission, reference, then the action; back to the ticket with its outcome. */
  const act = (name: string, run: (c: DeskContext, reference: string) => Promise<Response | { kind: "ok" | "error"; text: string }>) =>
    app.post(`/tickets/:ref/${name}`, async (c) => {
      const reference = parseReference(c.req.param("ref"));
      const refused = await kit.need(c, "tickets", reference);
      if (refused) return refused;
      if (!reference) return c.notFound();
      const out = await run(c, reference);
      return out instanceof Response ? out : kit.redirect(c, `/tickets/${reference}`, out);
    });

  act("claim", async (c, reference) => {
    const ui = c.var.ui;
    const r = await actions.claim(kit.signedIn(c).actor, reference);
    if (r.status === "not_found" || r.status === "not_ticket") return c.notFound();
    if (r.status === "claimed") return { kind: "ok", text: r.before ? ui.t("ticket.takenOver", { staff: holderLabel(r.before) }) : ui.t("ticket.claimed") };
    return { kind: "error", text: ui.t(r.status === "closed" ? "ticket.isClosed" : "ticket.alreadyYours") };
  });

  act("assign", async (c, reference) => {
    const ui = c.var.ui;
    const parsed = AssignForm.safeParse(c.var.form);
    const [channel = "", ...rest] = parsed.success ? parsed.data.to.split(":") : [];
    const member = parsed.success ? directory.find(channel, rest.join(":")) : null;
    if (!member) return { kind: "error", text: ui.t("ticket.assignUnknown") };
    const r = await actions.assign(kit.signedIn(c).actor, reference, actorOf(member));
    if (r.status === "not_found" || r.status === "not_ticket") return c.notFound();
    if (r.status === "claimed") return { kind: "ok", text: ui.t("ticket.assigned", { staff: member.channel === "console" ? member.id : `${member.channel}:${member.id}` }) };
    return { kind: "error", text: ui.t(r.status === "closed" ? "ticket.isClosed" : "ticket.alreadyTheirs") };
  });

  act("reply", async (c, reference) => {
    const ui = c.var.ui;
    const parsed = ReplyForm.safeParse(c.var.form);
    if (!parsed.success) return { kind: "error", text: ui.t("ticket.replyEmpty") };
    const r = await actions.reply(kit.signedIn(c).actor, reference, parsed.data.text);
    if (r.status === "not_found") return c.notFound();
    if (r.status === "no_address") return { kind: "error", text: ui.t("ticket.noAddress") };
    // How it goes is decided at delivery; said here as the window stands now.
    const owner = await actions.locate(reference);
    const w = owner ? await replyWindow(kit.deps.db, kit.deps.profile, owner.contactId, ui.now) : null;
    const how = w?.windowed && !w.open ? `\n${w.template ? ui.t("window.sentTemplate", { name: w.template.name }) : ui.t("window.noTemplate")}` : "";
    return { kind: "ok", text: ui.t(r.unreachable ? "ticket.sentUnreachable" : "ticket.sent") + how };
  });

  act("close", async (c, reference) => {
    const ui = c.var.ui;
    const r = await actions.close(kit.signedIn(c).actor, reference);
    if (r.status === "not_found" || r.status === "not_ticket") return c.notFound();
    if (r.status === "already_closed") return { kind: "error", text: ui.t("ticket.isClosed") };
    return { kind: "ok", text: ui.t(r.notified ? "ticket.closedNotified" : "ticket.closedSilent") };
  });
}

