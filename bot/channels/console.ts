/**
 * The local console channel: for trying Sila on one machine and for scripted
 * conversations. Interactive on a terminal; with piped input it takes the
 * lines in order, prints every reply, and ends at the end of input.
 *
 * A few console-only lines stand for what a phone would send:
 *   /file <path>    a document or photo (attachment fields)
 *   /voice          a voice note
 *   /contact <num>  sharing one's phone number
 *   /location       sharing a location
 *
 * and two that stand for what is not a beneficiary's phone at all:
 *   /time [when]    show, set (`/time 2027-09-23T10:00`, Riyadh) or move (`/time +3d`) the clock;
 *                   work that falls due runs, so a survey or a reminder appears here
 *   /staff <cmd>    a staff command, as a staff member would type it (`/staff /decide A26-00001 approve`)
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type { ChannelAdapter, InboundContent, InboundMessage, OutboundMessage, SendResult } from "./types";
import { sniffFile } from "./attachments";

export interface ConsoleChannelOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Interactive prompt (a TTY) or scripted lines. */
  interactive?: boolean;
  clock?: () => Date;
  /** Called after each scripted line's turn, so replies print before the next line. */
  afterTurn?: () => Promise<void>;
  /** `/time [when]`: the installation moves its clock and runs what fell due; `print` writes a line here. */
  onTime?: (arg: string, print: (line: string) => void) => Promise<void>;
  /** `/staff <command>`: returns the staff chat's replies, printed as `[staff]` lines. */
  onStaff?: (command: string) => Promise<OutboundMessage[]>;
  /** Printed once when an interactive session starts. */
  intro?: string;
}

/** A console line that is not a beneficiary's message but an instruction to the console itself. */
export type ConsoleControl = { kind: "time"; arg: string } | { kind: "staff"; command: string };

/** Recognises `/time …` and `/staff …`; null for anything a beneficiary could have sent. */
export function parseConsoleControl(line: string): ConsoleControl | null {
  const trimmed = line.trim();
  const time = /^\/time(?:\s+(.*))?$/.exec(trimmed);
  if (time) return { kind: "time", arg: time[1] ?? "" };
  const staff = /^\/staff(?:\s+(.*))?$/.exec(trimmed);
  if (staff) return { kind: "staff", command: staff[1]?.trim() || "/help" };
  return null;
}

/** Turns one console line into what a phone would have sent. */
export function parseConsoleLine(line: string): InboundContent {
  const trimmed = line.trim();
  const file = /^\/file\s+(.+)$/.exec(trimmed);
  if (file) {
    const ref = path.resolve(file[1]!);
    // The bytes decide, as on every channel: a missing file or one of another type is refused by the flow.
    const mimeType = sniffFile(ref) ?? "application/octet-stream";
    const size = fs.existsSync(ref) ? fs.statSync(ref).size : undefined;
    return {
      kind: "media",
      mediaType: mimeType.startsWith("image/") ? "image" : "document",
      fileRef: ref,
      mimeType,
      fileName: path.basename(ref),
      ...(size !== undefined ? { size } : {}),
    };
  }
  if (trimmed === "/voice") return { kind: "media", mediaType: "voice", fileRef: "console:voice", mimeType: "audio/ogg" };
  const contact = /^\/contact\s+(.+)$/.exec(trimmed);
  if (contact) return { kind: "contact", phone: contact[1]!.trim(), own: true };
  if (trimmed === "/location") return { kind: "location", latitude: 26.0, longitude: 43.6 };
  return { kind: "text", text: line };
}

export function formatOutbound(message: OutboundMessage): string {
  const lines = [message.text];
  if (message.choices?.length) {
    message.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  }
  return lines.join("\n");
}

export function createConsoleChannel(options: ConsoleChannelOptions = {}): ChannelAdapter & { done: Promise<void> } {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as NodeJS.ReadStream).isTTY);
  const clock = options.clock ?? (() => new Date());
  const runId = clock().getTime().toString(36);
  let rl: readline.Interface | null = null;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  let seq = 0;

  const write = (s: string) => output.write(s.endsWith("\n") ? s : s + "\n");

  return {
    name: "console",
    done,
    async send(chatId: string, message: OutboundMessage): Promise<SendResult> {
      const prefix = chatId === "staff" ? "[staff] " : "";
      write(`${prefix}${formatOutbound(message)}\n`);
      return { messageId: `console-out-${runId}-${++seq}` };
    },
    async start(handler: (m: InboundMessage) => Promise<void>) {
      rl = readline.createInterface({ input, terminal: false });
      let n = 0;
      // A console instruction (/time, /staff) runs here; anything else is a beneficiary's message.
      const take = async (line: string): Promise<void> => {
        const control = parseConsoleControl(line);
        if (!control) return handler(toMessage(line));
        if (control.kind === "time") {
          await options.onTime?.(control.arg, write);
          return;
        }
        for (const m of (await options.onStaff?.(control.command)) ?? []) write(`[staff] ${formatOutbound(m)}\n`);
      };
      const toMessage = (line: string): InboundMessage => ({
        channel: "console",
        chatId: "local",
        messageId: `${runId}-${++n}`,
        receivedAt: clock(),
        content: parseConsoleLine(line),
      });
      if (interactive) {
        if (options.intro) write(options.intro);
        output.write("> ");
        rl.on("line", (line) => {
          if (line.trim() === "") {
            output.write("> ");
            return;
          }
          void take(line)
            .then(() => options.afterTurn?.())
            .then(() => output.write("> "));
        });
        rl.on("close", () => resolveDone());
        return;
      }
      void (async () => {
        for await (const line of rl!) {
          if (line.trim() === "") continue;
          write(`> ${line}`);
          await take(line);
          await options.afterTurn?.();
        }
        resolveDone();
      })();
    },
    async stop() {
      rl?.close();
    },
  };
}
