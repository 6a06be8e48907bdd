/**
 * The real whatsapp-web.js client: the only module of Sila that imports the
 * library. It uses the system Chromium (no browser is downloaded by `npm ci`,
 * see `.puppeteerrc.cjs`) and keeps the linked session in the data folder, so
 * a restart does not ask for a new QR scan.
 *
 * @example
 * const channel = createWhatsAppChannel({
 *   createClient: () => createWhatsAppWebClient({ dataDir: "data", chromiumPath: "/usr/bin/chromium" }),
 *   ...
 * });
 */
import fs from "node:fs";
import path from "node:path";
import wwebjs from "whatsapp-web.js";
import { ConfigError } from "../../errors";
import type { WhatsAppClientLike } from "./client";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a headless Chromium run by root on a server without a display or GPU. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-setuid-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface WhatsAppWebClientOptions {
  /** Sila's data folder: the session goes to `<dataDir>/wwebjs`. */
  dataDir: string;
  /** The system Chromium (CHROMIUM_PATH). */
  chromiumPath?: string;
  /** Distinguishes sessions when one data folder serves several numbers. */
  clientId?: string;
}

/** The options given to whatsapp-web.js, as plain data. */
export function whatsAppWebClientOptions(options: WhatsAppWebClientOptions): {
  authDataPath: string;
  webCachePath: string;
  puppeteer: { executablePath: string; headless: true; args: string[] };
} {
  return {
    authDataPath: path.resolve(options.dataDir, "wwebjs"),
    webCachePath: path.resolve(options.dataDir, "wwebjs-cache"),
    puppeteer: {
      executablePath: options.chromiumPath ?? DEFAULT_CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    },
  };
}

/**
 * Builds (does not start) a whatsapp-web.js `Client` with `LocalAuth` in the
 * data folder. Throws `ConfigError` when Chromium is not at the given path.
 */
export function createWhatsAppWebClient(options: WhatsAppWebClientOptions): WhatsAppClientLike {
  const o = whatsAppWebClientOptions(options);
  if (!fs.existsSync(o.puppeteer.executablePath)) {
    throw new ConfigError(
      `CHROMIUM_PATH: no browser at ${o.puppeteer.executablePath}; install Chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return new wwebjs.Client({
    authStrategy: new wwebjs.LocalAuth({ dataPath: o.authDataPath, ...(options.clientId ? { clientId: options.clientId } : {}) }),
    webVersionCache: { type: "local", path: o.webCachePath },
    puppeteer: o.puppeteer,
  });
}
