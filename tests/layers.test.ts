/**
 * The layers import downwards only (scripts → bot → flows → db/orgs): db/,
 * orgs/ and flows/ import nothing from bot/ (the shared kinds are in
 * db/kinds.ts), flows/ no database or channel library, and bot/ has no
 * import cycle (the engine, the notifier and the surveys no longer reach
 * into each other). Read from the source, type-only imports included.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

const files = ["bot", "flows", "db", "orgs"].flatMap((d) => tsFiles(path.join(ROOT, d)));
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

/** Every module a file imports (relative ones resolved to files; packages by name). */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const src = fs.readFileSync(file, "utf8");
  const specs = [...src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g), ...src.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  const local: string[] = [];
  const packages: string[] = [];
  for (const s of specs) {
    if (!s.startsWith(".")) {
      packages.push(s);
      continue;
    }
    const base = path.resolve(path.dirname(file), s);
    const found = [`${base}.ts`, path.join(base, "index.ts")].find((c) => fs.existsSync(c));
    if (found) local.push(found);
  }
  return { local, packages };
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe("layers", () => {
  it("db/, orgs/ and flows/ import nothing from bot/", () => {
    const wrong = [...graph].flatMap(([f, { local }]) =>
      /^(db|orgs|flows)\//.test(rel(f)) ? local.filter((d) => rel(d).startsWith("bot/")).map((d) => `${rel(f)} → ${rel(d)}`) : [],
    );
    expect(wrong).toEqual([]);
  });

  it("flows/ uses no database, i18n or channel library", () => {
    const wrong = [...graph].flatMap(([f, { packages }]) =>
      rel(f).startsWith("flows/") ? packages.filter((p) => /^(kysely|better-sqlite3|i18next|grammy|@grammyjs|whatsapp-web\.js|hono|@hono)/.test(p)).map((p) => `${rel(f)} → ${p}`) : [],
    );
    expect(wrong).toEqual([]);
  });

  it("bot/ has no import cycle", () => {
    const inBot = (f: string) => rel(f).startsWith("bot/");
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const d of graph.get(f)?.local ?? []) {
        if (!inBot(d)) continue;
        if (state.get(d) === "open") cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(" → "));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of files) if (inBot(f) && !state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
