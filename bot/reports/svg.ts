/**
 * Small inline-SVG charts for the HTML report: no script, no external asset,
 * readable on screen and on paper. Every chart is laid out in "reading"
 * coordinates (distance from the side where reading starts) and mirrored for
 * right-to-left pages, so bars grow from the right in Arabic. Numbers are
 * wrapped in Unicode isolates and drawn left-to-right wherever they sit.
 *
 * Texts given to these functions are plain (they are escaped here).
 */

export type Direction = "rtl" | "ltr";

const LRI = "\u2066";
const PDI = "\u2069";

/** A value that must read left-to-right (a number, a percentage) inside any text. */
export const ltrIsolate = (v: string | number): string => `${LRI}${v}${PDI}`;

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Splits `text` into at most `maxLines` lines of about `maxChars` characters,
 * at spaces; the last line ends with "…" when the text does not fit.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    line = "";
    i = words.length;
  }
  if (i < words.length || line) {
    const last = lines[lines.length - 1] ?? "";
    lines[lines.length - 1] = `${last.slice(0, Math.max(1, maxChars - 1))}…`;
  }
  return lines.map((l) => (l.length > maxChars + 1 ? `${l.slice(0, maxChars - 1)}…` : l));
}

/** Maps reading coordinates to SVG coordinates for one chart width and direction. */
class Frame {
  constructor(
    readonly width: number,
    readonly dir: Direction,
  ) {}

  /** The SVG x of a shape spanning [p, p + w] in reading coordinates. */
  rectX(p: number, w: number): number {
    return this.dir === "rtl" ? this.width - p - w : p;
  }

  /** A text in the page's language whose reading start is at `p`. */
  text(p: number, y: number, content: string, attrs = ""): string {
    const x = this.dir === "rtl" ? this.width - p : p;
    return `<text x="${fmt(x)}" y="${fmt(y)}" direction="${this.dir}" text-anchor="start" ${attrs}>${escapeXml(content)}</text>`;
  }

  /**
   * A text placed after reading position `p` (to its left on a right-to-left
   * page), itself written in `contentDir`: "ltr" for a bare number, the
   * page's direction for a phrase such as "4.5 من 5".
   */
  after(p: number, y: number, content: string, attrs = "", contentDir: Direction = this.dir): string {
    const x = this.dir === "rtl" ? this.width - p : p;
    const anchor = contentDir === this.dir ? "start" : "end";
    return `<text x="${fmt(x)}" y="${fmt(y)}" direction="${contentDir}" text-anchor="${anchor}" ${attrs}>${escapeXml(content)}</text>`;
  }

  /** A text centred on reading position `p`. */
  centred(p: number, y: number, content: string, attrs = ""): string {
    const x = this.dir === "rtl" ? this.width - p : p;
    return `<text x="${fmt(x)}" y="${fmt(y)}" direction="${this.dir}" text-anchor="middle" ${attrs}>${escapeXml(content)}</text>`;
  }

  rect(p: number, y: number, w: number, h: number, attrs: string, title?: string): string {
    const body = title ? `<title>${escapeXml(title)}</title>` : "";
    return `<rect x="${fmt(this.rectX(p, w))}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" ${attrs}>${body}</rect>`;
  }
}

function svg(width: number, height: number, label: string, body: string[]): string {
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${fmt(height)}" width="100%" ` +
    `role="img" aria-label="${escapeXml(label)}" preserveAspectRatio="xMidYMin meet">${body.join("")}</svg>`
  );
}

const CHAR_WIDTH = 0.56;

export interface StackedRow {
  label: string;
  total: number;
  totalText: string;
  segments: Array<{ value: number; color: string; textColor: string; title: string }>;
}

/** Horizontal stacked bars, one row per item (e.g. program), segments per category (e.g. status). */
export function stackedBarChart(rows: StackedRow[], opts: { dir: Direction; label: string; width?: number }): string {
  const width = opts.width ?? 760;
  const f = new Frame(width, opts.dir);
  const font = 14;
  const labelWidth = 240;
  const barStart = labelWidth + 12;
  const barSpace = width - barStart - 56;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const body: string[] = [];
  let y = 8;
  for (const row of rows) {
    const lines = wrapText(row.label, Math.floor((labelWidth - 8) / (font * CHAR_WIDTH)), 2);
    const rowHeight = Math.max(36, lines.length * (font + 4) + 14);
    const barHeight = 22;
    const barY = y + (rowHeight - barHeight) / 2;
    const firstLine = y + rowHeight / 2 - ((lines.length - 1) * (font + 4)) / 2 + font * 0.35;
    lines.forEach((l, i) => body.push(f.text(0, firstLine + i * (font + 4), l, `font-size="${font}" class="label"`)));
    let p = barStart;
    for (const s of row.segments) {
      if (s.value <= 0) continue;
      const w = (s.value / max) * barSpace;
      body.push(f.rect(p, barY, w, barHeight, `class="bar" fill="${s.color}"`, s.title));
      if (w >= 22) body.push(f.centred(p + w / 2, barY + barHeight / 2 + 4.5, ltrIsolate(s.value), `font-size="12" fill="${s.textColor}" font-weight="700"`));
      p += w;
    }
    body.push(f.after(p + 8, barY + barHeight / 2 + 5, row.totalText, `font-size="${font}" font-weight="700" class="value"`, "ltr"));
    y += rowHeight;
  }
  // The baseline the bars grow from.
  body.push(`<line x1="${fmt(f.rectX(barStart, 0))}" x2="${fmt(f.rectX(barStart, 0))}" y1="4" y2="${fmt(y + 2)}" stroke="#475569" stroke-width="1"/>`);
  return svg(width, y + 8, opts.label, body);
}

export interface Column {
  label: string;
  value: number;
  color: string;
  title: string;
}

/** Vertical columns along a reading-direction axis (a distribution), with the count above each. */
export function columnChart(columns: Column[], opts: { dir: Direction; label: string; axisLabel: string; width?: number }): string {
  const width = opts.width ?? 760;
  const f = new Frame(width, opts.dir);
  const top = 26;
  const plotHeight = 170;
  const gap = 14;
  const colWidth = (width - 16 - gap * (columns.length - 1)) / Math.max(1, columns.length);
  const max = Math.max(1, ...columns.map((c) => c.value));
  const base = top + plotHeight;
  const body: string[] = [];
  columns.forEach((c, i) => {
    const p = 8 + i * (colWidth + gap);
    const h = (c.value / max) * plotHeight;
    if (c.value > 0) body.push(f.rect(p, base - h, colWidth, h, `class="bar" fill="${c.color}"`, c.title));
    body.push(f.centred(p + colWidth / 2, base - h - 8, ltrIsolate(c.value), `font-size="15" font-weight="700" class="value"`));
    const lines = wrapText(c.label, Math.floor(colWidth / (13 * CHAR_WIDTH)), 2);
    lines.forEach((l, j) => body.push(f.centred(p + colWidth / 2, base + 22 + j * 17, l, `font-size="13" class="label"`)));
  });
  body.push(`<line x1="4" x2="${width - 4}" y1="${base}" y2="${base}" stroke="#475569" stroke-width="1"/>`);
  body.push(f.centred(width / 2, base + 64, opts.axisLabel, `font-size="13" fill="#475569"`));
  return svg(width, base + 76, opts.label, body);
}

export interface ScoreRow {
  label: string;
  /** null: no answers yet (only the track is drawn). */
  value: number | null;
  max: number;
  valueText: string;
  color: string;
  title: string;
}

/** One bar per question on a full-scale track (out of 5, or out of 100%), the question above its bar. */
export function scoreBarChart(rows: ScoreRow[], opts: { dir: Direction; label: string; width?: number }): string {
  const width = opts.width ?? 760;
  const f = new Frame(width, opts.dir);
  const font = 14;
  const valueSpace = 130;
  const track = width - valueSpace - 8;
  const body: string[] = [];
  let y = 6;
  for (const row of rows) {
    const lines = wrapText(row.label, Math.floor(width / (font * CHAR_WIDTH)), 2);
    lines.forEach((l, i) => body.push(f.text(0, y + font + i * (font + 5), l, `font-size="${font}" class="label"`)));
    y += lines.length * (font + 5) + 6;
    const barHeight = 20;
    body.push(f.rect(0, y, track, barHeight, `class="track" fill="#e2e8f0" rx="3"`));
    if (row.value !== null && row.value > 0) {
      body.push(f.rect(0, y, (Math.min(row.value, row.max) / row.max) * track, barHeight, `class="bar" fill="${row.color}" rx="3"`, row.title));
    }
    body.push(f.after(track + 10, y + barHeight / 2 + 5, row.valueText, `font-size="${font}" font-weight="700" class="value"`));
    y += barHeight + 16;
  }
  return svg(width, y, opts.label, body);
}
