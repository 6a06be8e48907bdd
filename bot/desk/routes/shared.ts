/**
 * Pieces more than one desk page uses: who did something (as the history
 * and tickets name them) and serving an attachment through the desk.
 */
import fs from "node:fs";
import path from "node:path";
import type { DeskContext, DeskKit } from "../context";
import { html, type Html, type Ui } from "../html";

/** "beneficiary", "system", "staff:telegram:1001" → words for the page. */
export function actorLabel(ui: Ui, actor: string): Html {
  if (actor === "beneficiary" || actor === "system") return html`${ui.t(`actor.${actor}`)}`;
  const staff = /^staff:([a-z_]+):(.+)$/.exec(actor);
  if (staff) return html`${ui.t("actor.staff")} <bdi dir="ltr">${staff[1] === "console" ? staff[2] : `${staff[1]}:${staff[2]}`}</bdi>`;
  return html`<bdi dir="ltr">${actor}</bdi>`;
}

/** Types shown in the browser; anything else is downloaded as bytes. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** "report 1.pdf" → a header value safe for any browser, the real name in UTF-8 beside it. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "file";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Sends the file of an application's attachment answer (`slot`: the field id)
 * or a ticket's (`slot` "ticket"): looked up by reference, never by a path from
 * the request, and only from the attachments folder. The opening is audited.
 */
export async function sendAttachment(c: DeskContext, kit: DeskKit, reference: string, slot: string): Promise<Response> {
  const answer = await kit.deps.actions.attachment(kit.signedIn(c).actor, reference, slot);
  if (!answer) return c.notFound();
  let file: string;
  try {
    const root = fs.realpathSync(kit.deps.attachmentsDir);
    file = fs.realpathSync(answer.fileRef);
    if (!file.startsWith(root + path.sep) || !fs.statSync(file).isFile()) throw new Error("outside the attachments folder");
  } catch (error) {
    kit.deps.log.warn("an attachment could not be served", { reference, slot, error });
    const ui = c.var.ui;
    return kit.render(c, ui.t("file.missingTitle"), html`<h1>${ui.t("file.missingTitle")}</h1><p>${ui.t("file.missingBody")}</p>`, 404);
  }
  const body = await fs.promises.readFile(file);
  const type = answer.mimeType && (INLINE_TYPES.has(answer.mimeType) || answer.mimeType === "application/pdf") ? answer.mimeType : "application/octet-stream";
  const name = answer.fileName ?? path.basename(file);
  return c.body(new Uint8Array(body), 200, {
    "Content-Type": type,
    "Content-Disposition": contentDisposition(INLINE_TYPES.has(type) ? "inline" : "attachment", name),
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
  });
}
