/**
 * The few named errors Sila raises. Each carries its cause, so a log line can
 * say what went wrong without losing the original stack.
 */

/** A setting (environment variable or profile field) is missing or wrong. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input that cannot be accepted (used outside flows, e.g. by scripts). */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A channel refused or failed a delivery. `permanent` means retrying cannot
 * help (the user blocked the bot, the chat no longer exists).
 */
export class ChannelError extends Error {
  override readonly name = "ChannelError";
  readonly permanent: boolean;
  /** Seconds the channel asked us to wait before trying again (HTTP 429). */
  readonly retryAfterSeconds: number | undefined;
  /** The channel's own error code, when it gives one (WhatsApp Cloud API: "131047"). */
  readonly code: string | undefined;
  /**
   * The channel refused a free message because the person has not written within its
   * customer-service window (WhatsApp: 24 hours): a template or another channel may still reach them.
   */
  readonly outsideWindow: boolean;
  /** The person cannot be reached on this chat at all (blocked, not on the channel); default: `permanent`. */
  readonly unreachable: boolean;
  constructor(
    message: string,
    options: { permanent: boolean; retryAfterSeconds?: number; cause?: unknown; code?: string; outsideWindow?: boolean; unreachable?: boolean },
  ) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.code = options.code;
    this.outsideWindow = options.outsideWindow ?? false;
    this.unreachable = options.unreachable ?? (options.permanent && !this.outsideWindow);
  }
}

/** The database failed in a way the caller cannot fix (disk, corruption, lock). */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
