/**
 * What every desk route shares: its dependencies, the request's language,
 * session and form token, and the few ways a route answers (a page, a
 * redirect with a message for the next page, a refusal that is audited).
 */
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Profile, StaffPermission } from "../../orgs/schema";
import type { CalendarSource } from "../calendar";
import type { Cipher } from "../crypto";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import type { StaffActions } from "../staff/actions";
import type { DeskAuth, SignedIn } from "./auth";
import type { DeskDirectory } from "./directory";
import { html, page, type Flash, type Html, type Ui } from "./html";

export interface DeskDeps {
  db: Kysely<Database>;
  profile: Profile;
  translator: Translator;
  cipher: Cipher;
  /** The installation's secret (keys code hashes and form tokens). */
  secretKey: Buffer;
  clock: () => Date;
  log: Logger;
  directory: DeskDirectory;
  /** Working days and closures: when the committee's period ends. */
  calendar: CalendarSource;
  /** The staff actions shared with the chat commands (`createStaffActions`). */
  actions: StaffActions;
  /** Attachments are served from here only (`<DATA_DIR>/attachments`). */
  attachmentsDir: string;
  sessionHours: number;
  /** Behind HTTPS: cookies get Secure (and the __Host- prefix), and HSTS is sent. */
  secure: boolean;
  onOutbox?: () => void;
}

export type DeskEnv = {
  Variables: {
    ui: Ui;
    signedIn: SignedIn | null;
    /** What the form token is bound to: the session token, or the sign-in pages' own cookie. */
    bound: string;
    flash: Flash | null;
    /** The parsed urlencoded form of a POST (after the CSRF check). */
    form: Record<string, string>;
  };
};

export type DeskApp = Hono<DeskEnv>;
export type DeskContext = Context<DeskEnv>;

export interface DeskKit {
  deps: DeskDeps;
  auth: DeskAuth;
  cookies: { session: string; pre: string; flash: string; lang: string };
  /** Answers with a whole page. */
  render(c: DeskContext, title: string, body: Html, status?: 200 | 400 | 403 | 404 | 500): Promise<Response>;
  /** Redirects (after a form) with a message for the next page. */
  redirect(c: DeskContext, to: string, flash?: Flash): Response;
  /** Refuses, records the refusal, and says so. */
  refuse(c: DeskContext, action: string, target: string | null, detail: string): Promise<Response>;
  /** Refuses unless the signed-in member's role allows `permission`. */
  need(c: DeskContext, permission: StaffPermission, target?: string | null): Promise<Response | null>;
  signedIn(c: DeskContext): SignedIn;
  setSession(c: DeskContext, token: string): void;
  clearSession(c: DeskContext): void;
}

export function createKit(deps: DeskDeps, auth: DeskAuth): DeskKit {
  const prefix = deps.secure ? "__Host-" : "";
  const cookies = { session: `${prefix}sila_desk`, pre: `${prefix}sila_desk_pre`, flash: `${prefix}sila_desk_flash`, lang: "sila_desk_lang" };
  const base = { path: "/", httpOnly: true, sameSite: "Strict" as const, secure: deps.secure };

  const kit: DeskKit = {
    deps,
    auth,
    cookies,
    async render(c, title, body, status = 200) {
      const out = await page(c.var.ui, deps.profile, title, body, c.var.flash);
      return c.html(out, status);
    },
    redirect(c, to, flash) {
      if (flash) setCookie(c, cookies.flash, Buffer.from(JSON.stringify(flash)).toString("base64url"), { ...base, maxAge: 60 });
      return c.redirect(to, 303);
    },
    async refuse(c, action, target, detail) {
      const s = c.var.signedIn;
      if (s) await deps.actions.audit(s.actor, action, target, false, detail);
      deps.log.warn("desk request refused", { action, detail, ...(s ? { channel: s.member.channel } : {}) });
      const ui = c.var.ui;
      return kit.render(c, ui.t("refused.title"), html`<h1>${ui.t("refused.title")}</h1><p>${ui.t("refused.body")}</p>`, 403);
    },
    async need(c, permission, target = null) {
      if (c.var.ui.may(permission)) return null;
      const role = c.var.signedIn?.member.role?.id ?? "none";
      return kit.refuse(c, `desk_${permission}`, target, `role:${role}`);
    },
    signedIn(c) {
      const s = c.var.signedIn;
      if (!s) throw new Error("a desk page that needs a session was reached without one");
      return s;
    },
    setSession(c, token) {
      setCookie(c, cookies.session, token, { ...base, maxAge: Math.round(deps.sessionHours * 3600) });
    },
    clearSession(c) {
      deleteCookie(c, cookies.session, base);
    },
  };
  return kit;
}

/** Reads and clears the message a redirect left for this page. */
export function takeFlash(c: DeskContext, kit: DeskKit): Flash | null {
  const raw = getCookie(c, kit.cookies.flash);
  if (!raw) return null;
  deleteCookie(c, kit.cookies.flash, { path: "/", secure: kit.deps.secure });
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Flash>;
    return (parsed.kind === "ok" || parsed.kind === "error") && typeof parsed.text === "string" ? { kind: parsed.kind, text: parsed.text.slice(0, 1000) } : null;
  } catch (error) {
    kit.deps.log.debug("an unreadable desk message cookie was dropped", { error });
    return null;
  }
}
