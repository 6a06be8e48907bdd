/**
 * The environment, read once at start and validated. A wrong value stops
 * start-up with a message naming the variable and what is expected.
 */
import { z } from "zod";
import { ConfigError } from "./errors";
import type { LogLevel } from "./log";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

const envSchema = z.object({
  ORG: z.string().regex(/^[a-z][a-z0-9_]*$/, "a profile slug such as maa (see orgs/)").default("maa"),
  ORGS_DIR: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_PATH: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SILA_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`")
    .optional(),
  CONSOLE: z.enum(["auto", "on", "off"]).default("auto"),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(100).default(10),

  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "a token from @BotFather, like 123456:ABC-...").optional(),
  TELEGRAM_API_ROOT: z.string().url("a URL such as https://api.telegram.org").default("https://api.telegram.org"),
  TELEGRAM_STAFF_CHAT_ID: z.string().regex(/^-?\d+$/, "a numeric chat id (groups are negative)").optional(),
  TELEGRAM_STAFF_USER_IDS: list.pipe(z.array(z.string().regex(/^\d+$/, "numeric user ids, comma-separated"))).default([]),
  TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 of A-Z a-z 0-9 _ -").optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),

  WHATSAPP_ENABLED: bool.default(false),
  WHATSAPP_MODE: z.enum(["web", "cloud"], "web (WhatsApp Web through whatsapp-web.js) or cloud (the WhatsApp Business Cloud API)").optional(),
  WHATSAPP_STAFF_NUMBERS: list
    .pipe(z.array(z.string().regex(/^\+?\d{8,15}$/, "international numbers without spaces, comma-separated, e.g. 966500000001")))
    .default([]),
  WHATSAPP_STAFF_GROUP_ID: z.string().regex(/^[0-9-]+@g\.us$/, "a WhatsApp group id like 120363000000000000@g.us").optional(),
  WHATSAPP_MIN_GAP_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  WHATSAPP_MAX_PER_MINUTE: z.coerce.number().int().min(0).max(1000).default(30),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),

  DESK_ENABLED: bool.default(true),
  DESK_HOST: z.string().min(1).default("127.0.0.1"),
  DESK_PORT: z.coerce.number().int().min(0, "a port 1-65535 (0: any free port)").max(65535).default(8080),
  DESK_PUBLIC_URL: z.string().url("the desk's address as staff open it, e.g. https://desk.example.org").optional(),
  DESK_STAFF: list
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(?:[a-z][a-z0-9_.-]{1,31}|@[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9]=\d+)$/,
            "short lower-case names (a-z 0-9 _ . -) for the console, or @handle=<Telegram user id> for a Telegram staff member, comma-separated",
          ),
      ),
    )
    .default([]),
  DESK_SESSION_HOURS: z.coerce.number().min(0.25).max(24).default(8),
  STAFF_ROLES: list
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(telegram|whatsapp|whatsapp_cloud|console):[^=\s]+=[a-z][a-z0-9_]*$/,
            "channel:id=role entries (channel telegram, whatsapp, whatsapp_cloud or console), e.g. telegram:123456=social_researcher,whatsapp_cloud:966500000001=relations_officer",
          )
          .transform((v) => {
            const [who, role] = v.split("=") as [string, string];
            const at = who.indexOf(":");
            return { channel: who.slice(0, at) as StaffRoleChannel, id: who.slice(at + 1), role };
          }),
      ),
    )
    .default([]),
});

/** The Cloud API's variables, read only when WHATSAPP_MODE=cloud (then the first four are required). */
const cloudSchema = z.object({
  WHATSAPP_CLOUD_ACCESS_TOKEN: z
    .string("a system user's permanent access token from Meta Business Settings (required)")
    .regex(/^[A-Za-z0-9_.|-]{20,}$/, "an access token (letters and digits, at least 20, no spaces)"),
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: z
    .string("the phone number id from WhatsApp → API Setup (not the phone number) (required)")
    .regex(/^\d{5,20}$/, "the phone number id: digits only (WhatsApp → API Setup), not the phone number"),
  WHATSAPP_CLOUD_APP_SECRET: z
    .string("the app secret (App settings → Basic); without it webhook signatures cannot be checked (required)")
    .regex(/^[A-Za-z0-9]{16,128}$/, "the app secret from App settings → Basic (letters and digits)"),
  WHATSAPP_CLOUD_VERIFY_TOKEN: z
    .string("a verify token you choose and type into Meta's webhook settings (required)")
    .regex(/^[A-Za-z0-9_.~-]{8,200}$/, "8-200 of A-Z a-z 0-9 _ . ~ - (you choose it and type the same in Meta's webhook settings)"),
  WHATSAPP_CLOUD_GRAPH_URL: z.string().url("a URL such as https://graph.facebook.com").default("https://graph.facebook.com"),
  WHATSAPP_CLOUD_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "a Graph API version such as v26.0").default("v26.0"),
  WHATSAPP_CLOUD_WEBHOOK_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:-]+$/, "an address to listen on, such as 127.0.0.1 (put a TLS reverse proxy in front)")
    .default("127.0.0.1"),
  WHATSAPP_CLOUD_WEBHOOK_PORT: z.coerce
    .number("the local port of the webhook server (the reverse proxy forwards /webhooks/whatsapp to it) (required)")
    .int()
    .min(0)
    .max(65535, "a port from 1 to 65535"),
  WHATSAPP_CLOUD_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000, "messages a second, 1-1000 (Meta's default is 80)").default(80),
});

export type RawEnv = Record<string, string | undefined>;

/** The channels a STAFF_ROLES entry may name. */
export type StaffRoleChannel = "telegram" | "whatsapp" | "whatsapp_cloud" | "console";

export interface Config {
  org: string;
  /** The folder of association profiles; undefined: the shipped orgs/. */
  orgsDir: string | undefined;
  dataDir: string;
  databasePath: string;
  logLevel: LogLevel;
  secretKey: string | undefined;
  console: "auto" | "on" | "off";
  attachmentMaxBytes: number;
  telegram:
    | {
        token: string;
        apiRoot: string;
        staffChatId: string | undefined;
        staffUserIds: string[];
        webhook: { url: string; secret: string; port: number } | undefined;
      }
    | undefined;
  whatsapp: {
    /** "web": WhatsApp Web (whatsapp-web.js); "cloud": the Business Cloud API; "off". */
    mode: "off" | "web" | "cloud";
    /** WhatsApp Web runs (mode "web"). */
    enabled: boolean;
    staffNumbers: string[];
    staffGroupId: string | undefined;
    chromiumPath: string;
    minGapMs: number;
    maxPerMinute: number;
    cloud: CloudConfig | undefined;
  };
  desk: {
    enabled: boolean;
    host: string;
    port: number;
    /** The address staff open (behind a proxy); https makes the session cookie Secure. */
    publicUrl: string | undefined;
    /** Names that sign in with a code shown on the console (`[staff]`). */
    consoleStaff: string[];
    /** Telegram usernames (lower case, no "@") of staff user ids, declared as "@handle=123456" in DESK_STAFF. */
    telegramHandles: Array<{ handle: string; userId: string }>;
    sessionHours: number;
  };
  /**
   * Roles of staff members (profile `staffRoles` ids); staff without one may do everything.
   * "whatsapp:<number>" names the staff number in either WhatsApp mode; "whatsapp_cloud:" only on the Cloud API.
   */
  staffRoles: Array<{ channel: StaffRoleChannel; id: string; role: string }>;
}

export interface CloudConfig {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  graphUrl: string;
  apiVersion: string;
  webhook: { host: string; port: number };
  ratePerSecond: number;
}

const problemsOf = (error: z.ZodError): string[] => error.issues.map((i) => `${i.path.join(".") || "environment"}: expected ${i.message}`);

function whatsappMode(e: { WHATSAPP_MODE?: "web" | "cloud" | undefined; WHATSAPP_ENABLED: boolean }): "off" | "web" | "cloud" {
  if (e.WHATSAPP_MODE === "cloud" && e.WHATSAPP_ENABLED) {
    throw new ConfigError("invalid configuration: WHATSAPP_ENABLED=true means WhatsApp Web; with WHATSAPP_MODE=cloud leave WHATSAPP_ENABLED unset");
  }
  return e.WHATSAPP_MODE ?? (e.WHATSAPP_ENABLED ? "web" : "off");
}

function cloudConfig(cleaned: Record<string, string | undefined>): CloudConfig {
  const parsed = cloudSchema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(`invalid configuration (WHATSAPP_MODE=cloud): ${problemsOf(parsed.error).join("; ")}`);
  const c = parsed.data;
  return {
    accessToken: c.WHATSAPP_CLOUD_ACCESS_TOKEN,
    phoneNumberId: c.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
    appSecret: c.WHATSAPP_CLOUD_APP_SECRET,
    verifyToken: c.WHATSAPP_CLOUD_VERIFY_TOKEN,
    graphUrl: c.WHATSAPP_CLOUD_GRAPH_URL.replace(/\/+$/, ""),
    apiVersion: c.WHATSAPP_CLOUD_API_VERSION,
    webhook: { host: c.WHATSAPP_CLOUD_WEBHOOK_HOST, port: c.WHATSAPP_CLOUD_WEBHOOK_PORT },
    ratePerSecond: c.WHATSAPP_CLOUD_RATE_PER_SECOND,
  };
}

/** Validates the environment; throws `ConfigError` naming each wrong variable. */
export function loadConfig(env: RawEnv = process.env): Config {
  // Empty strings mean "not set", as in a copied .env.example.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration: ${problemsOf(parsed.error).join("; ")}`);
  }
  const e = parsed.data;
  if (e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    // Without the secret anyone who finds the address could post updates as any user, staff included.
    throw new ConfigError(
      "invalid configuration: TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set (1-256 of A-Z a-z 0-9 _ -, e.g. from `openssl rand -hex 32`)",
    );
  }
  const mode = whatsappMode(e);
  return {
    org: e.ORG,
    orgsDir: e.ORGS_DIR,
    dataDir: e.DATA_DIR,
    databasePath: e.DATABASE_PATH ?? `${e.DATA_DIR}/sila.sqlite`,
    logLevel: e.LOG_LEVEL,
    secretKey: e.SILA_SECRET_KEY,
    console: e.CONSOLE,
    attachmentMaxBytes: Math.round(e.ATTACHMENT_MAX_MB * 1024 * 1024),
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          staffChatId: e.TELEGRAM_STAFF_CHAT_ID,
          staffUserIds: e.TELEGRAM_STAFF_USER_IDS,
          webhook: e.TELEGRAM_WEBHOOK_URL
            ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET!, port: e.TELEGRAM_WEBHOOK_PORT }
            : undefined,
        }
      : undefined,
    whatsapp: {
      mode,
      enabled: mode === "web",
      staffNumbers: e.WHATSAPP_STAFF_NUMBERS,
      staffGroupId: e.WHATSAPP_STAFF_GROUP_ID,
      chromiumPath: e.CHROMIUM_PATH,
      minGapMs: e.WHATSAPP_MIN_GAP_MS,
      maxPerMinute: e.WHATSAPP_MAX_PER_MINUTE,
      cloud: mode === "cloud" ? cloudConfig(cleaned) : undefined,
    },
    desk: {
      enabled: e.DESK_ENABLED,
      host: e.DESK_HOST,
      port: e.DESK_PORT,
      publicUrl: e.DESK_PUBLIC_URL,
      consoleStaff: e.DESK_STAFF.filter((v) => !v.startsWith("@")),
      telegramHandles: e.DESK_STAFF.filter((v) => v.startsWith("@")).map((v) => {
        const [handle, userId] = v.slice(1).split("=") as [string, string];
        return { handle: handle.toLowerCase(), userId };
      }),
      sessionHours: e.DESK_SESSION_HOURS,
    },
    staffRoles: e.STAFF_ROLES,
  };
}
