/**
 * A referral on the desk: under its ticket, the topic, partner, city, status,
 * consent and history, and a small form to set its status through the same
 * staff action as `/referral` (audited, in its history; an outcome ends the
 * follow-up).
 */
import { z } from "zod";
import { REFERRAL_STATUSES } from "../../../db/schema";
import type { StaffActions } from "../../staff/actions";
import { parseReference } from "../../staff/parse";
import type { DeskApp, DeskKit } from "../context";
import { csrfField, html, options, type Html, type Ui } from "../html";

const StatusForm = z.object({
  status: z.enum(REFERRAL_STATUSES),
  note: z.string().trim().max(300).default(""),
});

/** The referral's section of its ticket page; nothing for another kind of ticket. */
export async function referralSection(ui: Ui, actions: StaffActions, reference: string): Promise<Html | ""> {
  const file = await actions.referral(reference);
  if (!file) return "";
  const statuses = REFERRAL_STATUSES.map((s): [string, string] => [s, ui.text({ key: `staff:referral.status.${s}` })]);
  return html`<section class="referral"><h2>${ui.t("referral.heading")}</h2>
    ${file.lines.map((l) => html`<p class="text" dir="auto">${ui.text(l)}</p>`)}
    <h3>${ui.t("referral.history")}</h3>
    <p class="text" dir="auto">${ui.text(file.history)}</p>
    <form method="post" action="/tickets/${reference}/referral" class="stack">
      ${csrfField(ui)}
      <label>${ui.t("referral.status")} <select name="status">${options(statuses, file.referral.status)}</select></label>
      <label for="referral-note">${ui.t("referral.note")}</label>
      <input id="referral-note" name="note" maxlength="300" dir="auto">
      <button type="submit" class="small">${ui.t("referral.save")}</button>
    </form>
  </section>`;
}

export function registerReferrals(app: DeskApp, kit: DeskKit): void {
  const { actions } = kit.deps;
  app.post("/tickets/:ref/referral", async (c) => {
    const reference = parseReference(c.req.param("ref"));
    const refused = await kit.need(c, "tickets", reference);
    if (refused) return refused;
    if (!reference) return c.notFound();
    const ui = c.var.ui;
    const parsed = StatusForm.safeParse(c.var.form);
    if (!parsed.success) return kit.redirect(c, `/tickets/${reference}`, { kind: "error", text: ui.t("referral.badStatus") });
    const r = await actions.referralStatus(kit.signedIn(c).actor, reference, `${parsed.data.status} ${parsed.data.note}`.trim());
    if (r.status === "not_found" || r.status === "not_referral") return c.notFound();
    if (r.status === "unknown_status") return kit.redirect(c, `/tickets/${reference}`, { kind: "error", text: ui.t("referral.badStatus") });
    if (r.status === "unchanged") return kit.redirect(c, `/tickets/${reference}`, { kind: "error", text: ui.t("referral.unchanged") });
    const to = ui.text({ key: `staff:referral.status.${r.to}` });
    return kit.redirect(c, `/tickets/${reference}`, { kind: "ok", text: ui.t(r.final ? "referral.savedFinal" : "referral.saved", { status: to }) });
  });
}
