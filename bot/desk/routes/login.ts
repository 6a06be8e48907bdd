/**
 * Signing in and out: `/login` asks who you are, sends a one-time code to
 * your staff channel, and takes the code back; a session cookie follows.
 */
import { getCookie } from "hono/cookie";
import { z } from "zod";
import { toLatinDigits } from "../../../flows/text/arabic";
import type { DeskApp, DeskContext, DeskKit } from "../context";
import { csrfField, html, type Html, type Ui } from "../html";

const WhoForm = z.object({ who: z.string().trim().min(1).max(64) });
const CodeForm = z.object({
  challenge: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  code: z.string().transform((v) => toLatinDigits(v).replace(/[\s\u200e\u200f\u2066-\u2069-]/g, "")).pipe(z.string().regex(/^\d{6}$/)),
});

function whoForm(ui: Ui, error: string | null = null): Html {
  return html`<section class="narrow">
    <h1>${ui.t("login.title")}</h1>
    <p>${ui.t("login.intro")}</p>
    ${error ? html`<p class="flash error" role="alert">${error}</p>` : ""}
    <form method="post" action="/login" class="stack">
      ${csrfField(ui)}
      <label for="who">${ui.t("login.who")}</label>
      <input id="who" name="who" type="text" required maxlength="64" autocomplete="username" dir="auto" autofocus>
      <p class="hint">${ui.t("login.whoHint")}</p>
      <button type="submit">${ui.t("login.send")}</button>
    </form>
  </section>`;
}

function codeForm(ui: Ui, challenge: string, error: string | null = null): Html {
  return html`<section class="narrow">
    <h1>${ui.t("login.codeTitle")}</h1>
    <p>${ui.t("login.codeSent")}</p>
    ${error ? html`<p class="flash error" role="alert">${error}</p>` : ""}
    <form method="post" action="/login/code" class="stack">
      ${csrfField(ui)}
      <input type="hidden" name="challenge" value="${challenge}">
      <label for="code">${ui.t("login.code")}</label>
      <input id="code" name="code" type="text" required inputmode="numeric" autocomplete="one-time-code" maxlength="12" dir="ltr" class="code" autofocus>
      <button type="submit">${ui.t("login.signIn")}</button>
    </form>
    <p><a href="/login">${ui.t("login.again")}</a></p>
  </section>`;
}

export function registerLogin(app: DeskApp, kit: DeskKit): void {
  const title = (c: DeskContext) => c.var.ui.t("login.title");

  app.get("/login", (c) => (c.var.signedIn ? c.redirect("/", 303) : kit.render(c, title(c), whoForm(c.var.ui))));

  app.post("/login", async (c) => {
    const parsed = WhoForm.safeParse(c.var.form);
    if (!parsed.success) return kit.render(c, title(c), whoForm(c.var.ui, c.var.ui.t("login.whoMissing")), 400);
    const { challenge } = await kit.auth.requestCode(parsed.data.who);
    return kit.render(c, title(c), codeForm(c.var.ui, challenge));
  });

  app.post("/login/code", async (c) => {
    const ui = c.var.ui;
    const parsed = CodeForm.safeParse(c.var.form);
    if (!parsed.success) {
      const challenge = typeof c.var.form["challenge"] === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(c.var.form["challenge"]) ? c.var.form["challenge"] : null;
      return challenge ? kit.render(c, title(c), codeForm(ui, challenge, ui.t("login.codeShape")), 400) : kit.render(c, title(c), whoForm(ui), 400);
    }
    const result = await kit.auth.verifyCode(parsed.data.challenge, parsed.data.code);
    if (!result.ok) {
      return result.reason === "wrong"
        ? kit.render(c, title(c), codeForm(ui, parsed.data.challenge, ui.t("login.wrong")), 400)
        : kit.render(c, title(c), whoForm(ui, ui.t("login.expired")), 400);
    }
    kit.setSession(c, result.token);
    return c.redirect("/", 303);
  });

  app.post("/logout", async (c) => {
    await kit.auth.signOut(getCookie(c, kit.cookies.session));
    kit.clearSession(c);
    return c.redirect("/login", 303);
  });
}
