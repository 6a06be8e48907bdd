/**
 * The Graph API's side of a send, as Meta documents it: its JSON (escaped as
 * Meta escapes it), its errors, and the checks of interactive messages,
 * templates and media.
 */
import { randomBytes } from "node:crypto";
import type { EmulatorTemplate } from "./types";

/** Meta's JSON: non-ASCII as \uXXXX and "/" as "\/" (the signature covers these exact bytes). */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export class GraphError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    readonly title: string,
    readonly details: string,
  ) {
    super(title);
  }
  toJSON() {
    return {
      error: {
        message: `(#${this.code}) ${this.title}`,
        type: this.code === 190 ? "OAuthException" : "OAuthException",
        code: this.code,
        error_data: { messaging_product: "whatsapp", details: this.details },
        fbtrace_id: randomBytes(9).toString("base64url"),
      },
    };
  }
}

export const invalid = (details: string) => new GraphError(400, 131009, "Parameter value is not valid", details);
export const charLength = (s: string): number => [...s].length;


export const str = (v: unknown): v is string => typeof v === "string";

export function checkInteractive(i: Record<string, unknown>): { text: string; options: { id: string; title: string }[] } {
  const body = (i["body"] as { text?: unknown } | undefined)?.text;
  if (!str(body) || body.trim() === "") throw invalid("interactive.body.text is required");
  const action = (i["action"] ?? {}) as Record<string, unknown>;
  if (i["type"] === "button") {
    if (charLength(body) > 1024) throw invalid("interactive.body.text: at most 1024 characters");
    const buttons = action["buttons"];
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) throw invalid("action.buttons: 1 to 3 buttons");
    const ids = new Set<string>();
    const titles = new Set<string>();
    const opts = buttons.map((b: { type?: unknown; reply?: { id?: unknown; title?: unknown } }) => {
      const id = b?.reply?.id;
      const title = b?.reply?.title;
      if (b?.type !== "reply" || !str(id) || !str(title)) throw invalid("action.buttons[]: { type: \"reply\", reply: { id, title } }");
      if (charLength(title) < 1 || charLength(title) > 20) throw invalid(`button title "${title}": 1 to 20 characters`);
      if (charLength(id) > 256) throw invalid("button id: at most 256 characters");
      if (ids.has(id) || titles.has(title)) throw invalid("buttons must have unique ids and titles");
      ids.add(id);
      titles.add(title);
      return { id, title };
    });
    return { text: body, options: opts };
  }
  if (i["type"] === "list") {
    if (charLength(body) > 4096) throw invalid("interactive.body.text: at most 4096 characters");
    const button = action["button"];
    if (!str(button) || charLength(button) < 1 || charLength(button) > 20) throw invalid("action.button: 1 to 20 characters");
    const sections = action["sections"];
    if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) throw invalid("action.sections: 1 to 10 sections");
    const opts: { id: string; title: string }[] = [];
    for (const s of sections as Array<{ title?: unknown; rows?: unknown }>) {
      if (sections.length > 1 && (!str(s.title) || charLength(s.title) > 24)) throw invalid("section title: required with several sections, at most 24 characters");
      if (!Array.isArray(s.rows) || s.rows.length === 0) throw invalid("section rows: at least one");
      for (const r of s.rows as Array<{ id?: unknown; title?: unknown; description?: unknown }>) {
        if (!str(r.id) || !str(r.title)) throw invalid("row: { id, title }");
        if (charLength(r.title) < 1 || charLength(r.title) > 24) throw invalid(`row title "${r.title}": 1 to 24 characters`);
        if (charLength(r.id) > 200) throw invalid("row id: at most 200 characters");
        if (r.description !== undefined && (!str(r.description) || charLength(r.description) > 72)) throw invalid("row description: at most 72 characters");
        if (opts.some((o) => o.id === r.id)) throw invalid("row ids must be unique");
        opts.push({ id: r.id, title: r.title });
      }
    }
    if (opts.length > 10) throw invalid("a list has at most 10 rows in all");
    return { text: body, options: opts };
  }
  throw invalid(`interactive.type "${String(i["type"])}" is not supported here`);
}

export function checkTemplate(templates: readonly EmulatorTemplate[], t: Record<string, unknown>): { text: string; category: string } {
  const name = t["name"];
  const language = (t["language"] as { code?: unknown } | undefined)?.code;
  if (!str(name) || !str(language)) throw new GraphError(400, 100, "Invalid parameter", "template.name and template.language.code are required");
  const approved = templates.find((x) => x.name === name && x.language === language);
  if (!approved) throw new GraphError(400, 132001, "Template name does not exist in the translation", `template name (${name}) does not exist in ${language}`);
  const components = (t["components"] ?? []) as Array<{ type?: unknown; parameters?: Array<{ type?: unknown; text?: unknown }> }>;
  if (!Array.isArray(components)) throw new GraphError(400, 100, "Invalid parameter", "template.components must be an array");
  const body = components.find((c) => c.type === "body");
  const params = body?.parameters ?? [];
  if (params.length !== approved.bodyParams) {
    throw new GraphError(400, 132000, "Number of parameters does not match the expected number of params", `body: number of localizable_params (${params.length}) does not match the expected number of params (${approved.bodyParams})`);
  }
  const values: string[] = [];
  for (const p of params) {
    if (p.type !== "text" || !str(p.text) || p.text.trim() === "") throw new GraphError(400, 131008, "Required parameter is missing", "body parameters must be non-empty text");
    if (/[\n\t]|\s{5,}/.test(p.text)) throw new GraphError(400, 132018, "There was an issue with the parameters in your template", "Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
    values.push(p.text);
  }
  const text = approved.body ? approved.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => values[Number(n) - 1] ?? "") : `[${name}] ${values.join(" | ")}`;
  return { text, category: approved.category };
}

export function checkMedia(media: ReadonlyMap<string, unknown>, type: string, m: Record<string, unknown>): string {
  const id = m["id"];
  const link = m["link"];
  if (str(id)) {
    if (!media.has(id)) throw new GraphError(400, 131053, "Media upload error", `media id ${id} is unknown`);
  } else if (!str(link) || !/^https?:\/\//.test(link)) throw invalid(`${type}: an id or a link is required`);
  const caption = m["caption"];
  if (caption !== undefined && (!str(caption) || charLength(caption) > 1024)) throw invalid("caption: at most 1024 characters");
  return str(caption) ? caption : `[${type}]`;
}
