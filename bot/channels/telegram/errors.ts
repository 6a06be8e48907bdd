/**
 * Telegram failures as `ChannelError`s the outbox understands: 429 waits for
 * `retry_after`; a blocked, kicked or deactivated user (403) and a chat that
 * no longer exists are permanent; network trouble and anything else is
 * retried with backoff (up to the outbox's attempt limit).
 */
import { GrammyError, HttpError } from "grammy";
import { ChannelError } from "../../errors";

const PERMANENT_400 = /chat not found|user not found|PEER_ID_INVALID|chat_id is empty|group chat was upgraded|have no rights to send/i;

export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof GrammyError) {
    const what = `${error.error_code}: ${error.description}`;
    if (error.error_code === 429) {
      return new ChannelError(`Telegram asked to slow down (${what})`, {
        permanent: false,
        retryAfterSeconds: error.parameters.retry_after ?? 1,
        cause: error,
      });
    }
    if (error.error_code === 403 || (error.error_code === 400 && PERMANENT_400.test(error.description))) {
      return new ChannelError(`Telegram cannot deliver to this chat (${what})`, { permanent: true, cause: error });
    }
    return new ChannelError(`Telegram refused the message (${what})`, { permanent: false, cause: error });
  }
  if (error instanceof HttpError) return new ChannelError("Telegram could not be reached", { permanent: false, cause: error });
  return new ChannelError(error instanceof Error ? error.message : String(error), { permanent: false, cause: error });
}
