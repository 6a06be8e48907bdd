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
  constructor(
    message: string,
    options: { permanent: boolean; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The database failed in a way the caller cannot fix (disk, corruption, lock). */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
