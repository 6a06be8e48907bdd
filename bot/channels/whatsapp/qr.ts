/**
 * The QR code that links the association's number: printed in the terminal
 * and written as a PNG for a staff member to scan (WhatsApp → Linked
 * devices). Whoever scans it controls the number, so the file is readable by
 * its owner only and removed once the client is linked.
 */
import fs from "node:fs";
import path from "node:path";
import qrcodeTerminal from "qrcode-terminal";
import { toBuffer } from "qrcode";

/** The QR rendered with block characters, for a terminal. */
export function qrForTerminal(qr: string): Promise<string> {
  return new Promise((resolve) => qrcodeTerminal.generate(qr, { small: true }, resolve));
}

/** Writes the QR as a PNG (atomically: a scanner never sees half a file). */
export async function writeQrPng(qr: string, file: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const png = await toBuffer(qr, { type: "png", width: 512, margin: 2, errorCorrectionLevel: "M" });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, png, { mode: 0o600 });
  await fs.promises.rename(tmp, file);
}

export async function removeQrPng(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
}
