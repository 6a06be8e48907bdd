/**
 * The desk's pages as server-rendered HTML: every value is escaped by the
 * `html` template (hono/html) unless it is markup built here; every text
 * comes from `locales/<lng>/desk.json` through the project's translator.
 * Arabic pages are right to left; references, numbers and phones sit in
 * `<bdi>` so they keep their own direction inside Arabic sentences.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { riyadhDate } from "../../flows/dates";
import type { Text } from "../../flows/types";
import type { Locale, LocalizedText, Profile, StaffPermission } from "../../orgs/schema";
import type { Translator } from "../i18n";
import type { SignedIn } from "./auth";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
export { html, raw };

/** The languages the desk is written in (locales/<lng>/desk.json). */
export const DESK_LOCALES = ["ar", "en"] as const satisfies readonly Locale[];
export type DeskLocale = (typeof DESK_LOCALES)[number];

/** What a page needs to speak: the language, the signed-in member, the form token. */
export interface Ui {
  locale: DeskLocale;
  dir: "rtl" | "ltr";
  t(key: string, params?: Record<string, string | number>): string;
  /** A flow text (status labels, answers, dates) rendered in the page's language. */
  text(text: Text): string;
  local(text: LocalizedText): string;
  /** Hijri and Gregorian date (and Riyadh time). */
  date(iso: string, withTime?: boolean): string;
  csrf: string;
  signedIn: SignedIn | null;
  may(permission: StaffPermission): boolean;
  /** The path of this page (for the language switch to come back to). */
  path: string;
  now: Date;
}

export function makeUi(
  translator: Translator,
  o: { locale: DeskLocale; csrf: string; signedIn: SignedIn | null; path: string; now: Date },
): Ui {
  const t = (key: string, params?: Record<string, string | number>) => translator.t(`desk:${key}`, o.locale, params);
  return {
    locale: o.locale,
    dir: o.locale === "ar" ? "rtl" : "ltr",
    t,
    text: (text) => translator.render(text, o.locale),
    local: (text) => translator.render({ localized: text }, o.locale),
    date: (iso, withTime = false) => translator.render({ date: iso, withTime }, o.locale),
    csrf: o.csrf,
    signedIn: o.signedIn,
    may: (p) => o.signedIn?.member.may.has(p) ?? false,
    path: o.path,
    now: o.now,
  };
}

/** Whole Riyadh calendar days from `iso` to `now`. */
export function ageInDays(iso: string, now: Date): number {
  return Math.max(0, Math.round((Date.parse(riyadhDate(now)) - Date.parse(riyadhDate(new Date(iso)))) / 86_400_000));
}

/** A reference, number or phone that keeps its own direction. */
export const ltr = (v: string | number): Html => html`<bdi dir="ltr">${v}</bdi>`;

/** The hidden form field carrying the CSRF token. */
export const csrfField = (ui: Ui): Html => html`<input type="hidden" name="_csrf" value="${ui.csrf}">`;

/** A one-off message shown at the top of the next page (after a form). */
export interface Flash {
  kind: "ok" | "error";
  text: string;
}

function nav(ui: Ui, profile: Profile): Html {
  const links: Array<[string, string, StaffPermission]> = [
    ["/applications", ui.t("nav.applications"), "applications"],
    ["/inbox", ui.t("nav.inbox"), "tickets"],
    ["/tickets", ui.t("nav.tickets"), "tickets"],
    ["/reports", ui.t("nav.reports"), "reports"],
    ["/calendar", ui.t("nav.calendar"), "calendar"],
  ];
  const member = ui.signedIn?.member;
  const other = ui.locale === "ar" ? "en" : "ar";
  return html`<header class="top">
    <div class="brand"><span class="org">${ui.local(profile.name)}</span> <span class="desk">${ui.t("title")}</span></div>
    ${member
      ? html`<nav aria-label="${ui.t("nav.label")}"><ul>
          ${links
            .filter(([, , p]) => ui.may(p))
            .map(([href, label]) => html`<li><a href="${href}"${ui.path === href || ui.path.startsWith(`${href}/`) ? raw(' aria-current="page"') : ""}>${label}</a></li>`)}
        </ul></nav>`
      : ""}
    <div class="who">
      ${member
        ? html`<span class="member">${ltr(member.channel === "console" ? member.id : `${member.channel}:${member.id}`)}${member.role ? html` · ${ui.local(member.role.title)}` : ""}</span>`
        : ""}
      <a class="lang" href="/lang?to=${other}&amp;back=${encodeURIComponent(ui.path)}" lang="${other}" hreflang="${other}">${ui.t(`lang.${other}`)}</a>
      ${member
        ? html`<form method="post" action="/logout" class="inline">${csrfField(ui)}<button type="submit" class="link">${ui.t("nav.logout")}</button></form>`
        : ""}
    </div>
  </header>`;
}

/** A complete page. */
export function page(ui: Ui, profile: Profile, title: string, body: Html, flash: Flash | null = null): Html {
  return html`<!doctype html>
<html lang="${ui.locale}" dir="${ui.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true}'>
<title>${title} · ${ui.t("title")}</title>
<link rel="stylesheet" href="/static/desk.css">
<script src="/static/htmx.min.js" defer></script>
</head>
<body>
${nav(ui, profile)}
<main id="main">
${flash ? html`<p class="flash ${flash.kind}" role="${flash.kind === "error" ? "alert" : "status"}">${flash.text}</p>` : ""}
${body}
</main>
</body>
</html>`;
}

/** `<option>`s of a select, the current value selected. */
export function options(items: ReadonlyArray<readonly [string, string]>, current: string): Html[] {
  return items.map(([value, label]) => html`<option value="${value}"${value === current ? raw(" selected") : ""}>${label}</option>`);
}
