/**
 * The staff desk: a small server-rendered web app (Hono, htmx served from
 * its package) beside the bot. `/login` is open; every other page needs a
 * session. Every POST carries a form token bound to the session (or, on the
 * sign-in pages, to their own cookie); responses carry a strict CSP (no
 * inline script), no caching of pages with personal data, and no framing.
 *
 * ```ts
 * const app = createDeskApp(deps);
 * const running = await startDesk(app, { host: "127.0.0.1", port: 8080 });
 * // ... running.url; later: await running.stop();
 * ```
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { createDeskAuth } from "./auth";
import { createKit, takeFlash, type DeskContext, type DeskDeps, type DeskEnv } from "./context";
import { DESK_LOCALES, html, makeUi, type DeskLocale } from "./html";
import { registerApplications } from "./routes/applications";
import { registerCalendar } from "./routes/calendar";
import { registerLogin } from "./routes/login";
import { registerReports } from "./routes/reports";
import { registerTickets } from "./routes/tickets";
import { registerReferrals } from "./routes/referrals";

export type { DeskDeps };

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

const require = createRequire(import.meta.url);
/** htmx from the installed package, never a CDN. */
const HTMX = fs.readFileSync(require.resolve("htmx.org/dist/htmx.min.js"), "utf8");
const CSS = fs.readFileSync(fileURLToPath(new URL("./desk.css", import.meta.url)), "utf8");
const etag = (body: string) => `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 16)}"`;

/** Paths open without a session. */
const OPEN = (path: string) => path === "/login" || path.startsWith("/login/") || path.startsWith("/static/") || path === "/lang";

export function createDeskApp(deps: DeskDeps): Hono<DeskEnv> {
  const auth = createDeskAuth({
    db: deps.db,
    directory: deps.directory,
    secretKey: deps.secretKey,
    cipher: deps.cipher,
    translator: deps.translator,
    clock: deps.clock,
    log: deps.log,
    sessionHours: deps.sessionHours,
    locale: (deps.profile.locales.find((l) => (DESK_LOCALES as readonly string[]).includes(l)) as DeskLocale | undefined) ?? "ar",
    ...(deps.onOutbox ? { onOutbox: deps.onOutbox } : {}),
  });
  const kit = createKit(deps, auth);
  const app = new Hono<DeskEnv>();
  const defaultLocale: DeskLocale = (deps.profile.locales.find((l) => (DESK_LOCALES as readonly string[]).includes(l)) as DeskLocale | undefined) ?? "ar";

  app.use("*", async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has("Content-Security-Policy")) h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (!c.req.path.startsWith("/static/")) h.set("Cache-Control", "no-store");
    if (deps.secure) h.set("Strict-Transport-Security", "max-age=31536000");
  });

  const asset = (body: string, type: string) => (c: DeskContext) => {
    const tag = etag(body);
    const headers = { "Content-Type": type, ETag: tag, "Cache-Control": "no-cache" };
    return c.req.header("If-None-Match") === tag ? c.body(null, 304, headers) : c.body(body, 200, headers);
  };
  app.get("/static/htmx.min.js", asset(HTMX, "text/javascript; charset=utf-8"));
  app.get("/static/desk.css", asset(CSS, "text/css; charset=utf-8"));

  app.use("*", bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text("too large", 413) }));

  // Language, session, form token.
  app.use("*", async (c, next) => {
    const chosen = getCookie(c, kit.cookies.lang);
    const locale: DeskLocale = (DESK_LOCALES as readonly string[]).includes(chosen ?? "") ? (chosen as DeskLocale) : defaultLocale;
    const signedIn = await auth.session(getCookie(c, kit.cookies.session));
    let bound = signedIn ? getCookie(c, kit.cookies.session)! : getCookie(c, kit.cookies.pre);
    if (!bound) {
      bound = crypto.randomBytes(24).toString("base64url");
      setCookie(c, kit.cookies.pre, bound, { path: "/", httpOnly: true, sameSite: "Strict", secure: deps.secure });
    }
    c.set("signedIn", signedIn);
    c.set("bound", bound);
    c.set("flash", c.req.method === "GET" ? takeFlash(c, kit) : null);
    c.set("ui", makeUi(deps.translator, { locale, csrf: auth.csrfToken(bound), signedIn, path: c.req.path, now: deps.clock() }));

    if (!signedIn && !OPEN(c.req.path)) {
      if (c.req.method === "GET" && c.req.header("HX-Request") !== "true") return c.redirect("/login", 303);
      return c.text(c.var.ui.t("login.needed"), 401);
    }
    if (c.req.method === "POST") {
      const form: Record<string, string> = {};
      const contentType = c.req.header("Content-Type") ?? "";
      if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data")) {
        for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === "string") form[k] = v;
      }
      const token = form["_csrf"] ?? c.req.header("X-CSRF-Token");
      if (!auth.checkCsrf(bound, token)) return kit.refuse(c, "desk_csrf", null, "bad_token");
      c.set("form", form);
    } else if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      return c.text("method not allowed", 405);
    }
    await next();
  });

  app.get("/", (c) => c.redirect(c.var.ui.may("applications") ? "/applications" : c.var.ui.may("tickets") ? "/inbox" : c.var.ui.may("reports") ? "/reports" : "/calendar", 303));

  app.get("/lang", (c) => {
    const to = c.req.query("to");
    const back = c.req.query("back") ?? "/";
    if ((DESK_LOCALES as readonly string[]).includes(to ?? "")) {
      setCookie(c, kit.cookies.lang, to!, { path: "/", sameSite: "Strict", secure: deps.secure, maxAge: 365 * 86_400 });
    }
    // Only a path of this site: "/x", never "//host" or "/\host".
    return c.redirect(/^\/(?![/\\])[\w\-./?=&%]*$/.test(back) ? back : "/", 303);
  });

  registerLogin(app, kit);
  registerApplications(app, kit);
  registerTickets(app, kit);
  registerReferrals(app, kit);
  registerReports(app, kit);
  registerCalendar(app, kit);

  app.notFound((c) => {
    const ui = c.var.ui;
    if (!ui) return c.text("not found", 404);
    return kit.render(c, ui.t("notFound.title"), html`<h1>${ui.t("notFound.title")}</h1><p>${ui.t("notFound.body")}</p>`, 404);
  });
  app.onError((error, c) => {
    deps.log.error("desk request failed", { path: c.req.path, error });
    const ui = c.var.ui;
    if (!ui) return c.text("error", 500);
    return kit.render(c, ui.t("failed.title"), html`<h1>${ui.t("failed.title")}</h1><p>${ui.t("failed.body")}</p>`, 500);
  });
  return app;
}

export interface RunningDesk {
  url: string;
  /** Stops taking requests and closes open connections (the process may then exit). */
  stop(): Promise<void>;
}

/** Listens on `host:port`; rejects (the server closed) when it cannot, e.g. the port is in use. */
export function startDesk(app: Hono<DeskEnv>, options: { host: string; port: number; publicUrl?: string }): Promise<RunningDesk> {
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      server.close();
      reject(error);
    };
    server.once("error", failed);
    server.listen(options.port, options.host, () => {
      server.off("error", failed);
      const address = server.address() as AddressInfo;
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({
        url: options.publicUrl ?? `http://${host}:${address.port}/`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
