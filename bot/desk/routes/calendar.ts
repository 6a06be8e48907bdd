/**
 * The association's closures on the desk: those of the coming year (the
 * profile's Eid and national days, and those staff added or moved), with
 * forms to add one, shift one by days (Eid a day later when the moon was
 * sighted differently) and cancel one. The same functions as the staff
 * chat's "/closure" (`bot/staff/closures.ts`): stored, audited, and what
 * beneficiaries are told about the next opening changes at once. Needs the
 * role permission "calendar".
 */
import { z } from "zod";
import { openingText } from "../../../flows/calendar/text";
import type { Closure } from "../../../flows/calendar";
import { toLatinDigits } from "../../../flows/text/arabic";
import { MAX_CLOSURE_DAYS } from "../../../orgs/calendar";
import { changeClosure, upcomingClosures, type ClosureChange, type ClosureDeps, type ClosureResult } from "../../staff/closures";
import type { DeskApp, DeskContext, DeskKit } from "../context";
import { csrfField, html, ltr, options, type Html, type Ui } from "../html";

/** A closure's key as the list gives it: a profile closure's id ("eid_fitr") or "s3". */
const KEY = /^[a-z0-9_]{1,40}$/;
/** Shifts offered (a moon sighting moves Eid by a day or two; changeClosure accepts up to 10). */
const SHIFTS = [-3, -2, -1, 1, 2, 3] as const;

/** A date as typed: Hijri or Gregorian, "YYYY-MM-DD" or "DD/MM/YYYY", any digits. */
const typedDate = z
  .string()
  .transform((v) => toLatinDigits(v).trim())
  .pipe(z.string().min(6).max(20));
const AddForm = z.object({
  name: z.string().trim().min(1).max(60),
  from: typedDate,
  to: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? "" : toLatinDigits(v).trim()))
    .pipe(z.string().max(20)),
});
const ShiftForm = z.object({
  days: z
    .string()
    .transform((v) => Number(toLatinDigits(v).trim().replace("−", "-")))
    .pipe(z.number().int().min(-10).max(10).refine((n) => n !== 0)),
});

export function registerCalendar(app: DeskApp, kit: DeskKit): void {
  const deps = (): ClosureDeps => ({ db: kit.deps.db, calendar: kit.deps.calendar, clock: kit.deps.clock });

  const range = (ui: Ui, c: Closure): string =>
    c.startsOn === c.endsOn ? ui.date(c.startsOn) : ui.t("closures.range", { from: ui.date(c.startsOn), to: ui.date(c.endsOn) });

  function row(ui: Ui, c: Closure): Html {
    return html`<tr class="${c.source}">
      <td data-label="${ui.t("closures.name")}"><span dir="auto">${ui.text(c.name)}</span> ${ltr(c.key)}</td>
      <td data-label="${ui.t("closures.days")}">${range(ui, c)}</td>
      <td data-label="${ui.t("closures.source")}">${ui.t(`closures.from.${c.source}`)}</td>
      <td data-label="${ui.t("closures.change")}">
        <form method="post" action="/calendar/${c.key}/shift" class="inline">
          ${csrfField(ui)}
          <label>${ui.t("closures.shiftBy")} <select name="days">${options(
            SHIFTS.map((n): [string, string] => [String(n), n > 0 ? `+${n}` : `−${-n}`]),
            "1",
          )}</select></label>
          <button type="submit" class="small secondary">${ui.t("closures.shift")}</button>
        </form>
        <form method="post" action="/calendar/${c.key}/remove" class="inline">
          ${csrfField(ui)}
          <button type="submit" class="small danger">${ui.t("closures.remove")}</button>
        </form>
      </td>
    </tr>`;
  }

  app.get("/calendar", async (c) => {
    const refused = await kit.need(c, "calendar");
    if (refused) return refused;
    const ui = c.var.ui;
    const list = await upcomingClosures(deps());
    const opening = (await kit.deps.calendar.get()).nextOpening(kit.deps.clock());
    await kit.deps.actions.audit(kit.signedIn(c).actor, "closures", null, true, "desk");
    const body = html`<h1>${ui.t("closures.title")}</h1>
      <p class="hint">${ui.t("closures.intro")}</p>
      <p class="count">${opening.openNow ? ui.t("closures.openNow") : ui.t("closures.nextOpening", { when: ui.text(openingText(opening)) })}</p>
      ${list.length === 0
        ? html`<p class="empty">${ui.t("closures.none")}</p>`
        : html`<table class="list closures">
            <thead><tr><th scope="col">${ui.t("closures.name")}</th><th scope="col">${ui.t("closures.days")}</th><th scope="col">${ui.t("closures.source")}</th><th scope="col">${ui.t("closures.change")}</th></tr></thead>
            <tbody>${list.map((x) => row(ui, x))}</tbody>
          </table>`}
      <section><h2>${ui.t("closures.addTitle")}</h2>
        <form method="post" action="/calendar/add" class="stack">
          ${csrfField(ui)}
          <label for="closure-name">${ui.t("closures.name")}</label>
          <input id="closure-name" name="name" maxlength="60" required dir="auto">
          <label for="closure-from">${ui.t("closures.firstDay")}</label>
          <input id="closure-from" name="from" maxlength="20" required dir="ltr" inputmode="numeric" placeholder="1448-10-01 / 2027-03-09">
          <label for="closure-to">${ui.t("closures.lastDay")}</label>
          <input id="closure-to" name="to" maxlength="20" dir="ltr" inputmode="numeric">
          <p class="hint">${ui.t("closures.datesHint", { max: MAX_CLOSURE_DAYS })}</p>
          <button type="submit">${ui.t("closures.add")}</button>
        </form>
      </section>`;
    return kit.render(c, ui.t("closures.title"), body);
  });

  /** Runs a change and goes back to the list with what happened and what beneficiaries are told now. */
  async function apply(c: DeskContext, change: ClosureChange): Promise<Response> {
    const ui = c.var.ui;
    const r: ClosureResult = await changeClosure(deps(), kit.signedIn(c).actor, change);
    if (!r.ok) {
      const key = change.kind === "add" ? "" : change.key;
      return kit.redirect(c, "/calendar", { kind: "error", text: ui.t(`closures.error.${r.error}`, { key, max: MAX_CLOSURE_DAYS }) });
    }
    const done = ui.t(`closures.${r.change === "add" ? "added" : r.change === "shift" ? "shifted" : "removed"}`, {
      name: ui.text(r.closure.name),
      key: r.closure.key,
      days: range(ui, r.closure),
    });
    return kit.redirect(c, "/calendar", { kind: "ok", text: done });
  }

  app.post("/calendar/add", async (c) => {
    const refused = await kit.need(c, "calendar");
    if (refused) return refused;
    const parsed = AddForm.safeParse(c.var.form);
    if (!parsed.success) {
      const missing = parsed.error.issues.some((i) => i.path[0] === "name") ? "no_name" : "invalid_date";
      return kit.redirect(c, "/calendar", { kind: "error", text: c.var.ui.t(`closures.error.${missing}`, { key: "", max: MAX_CLOSURE_DAYS }) });
    }
    const { name, from, to } = parsed.data;
    return apply(c, { kind: "add", name, from, to: to === "" ? from : to });
  });

  app.post("/calendar/:key/shift", async (c) => {
    const key = c.req.param("key");
    const refused = await kit.need(c, "calendar", KEY.test(key) ? key : null);
    if (refused) return refused;
    if (!KEY.test(key)) return c.notFound();
    const parsed = ShiftForm.safeParse(c.var.form);
    if (!parsed.success) return kit.redirect(c, "/calendar", { kind: "error", text: c.var.ui.t("closures.error.bad_shift", { key, max: MAX_CLOSURE_DAYS }) });
    return apply(c, { kind: "shift", key, days: parsed.data.days });
  });

  app.post("/calendar/:key/remove", async (c) => {
    const key = c.req.param("key");
    const refused = await kit.need(c, "calendar", KEY.test(key) ? key : null);
    if (refused) return refused;
    if (!KEY.test(key)) return c.notFound();
    return apply(c, { kind: "remove", key });
  });
}
