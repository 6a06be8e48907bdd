/**
 * Telegram usernames of staff. A bot cannot look a user up by "@handle", but
 * Sila sees the username of every staff member who sends it a command or
 * presses a button under an alert: it keeps the latest handle of each, so
 * that "@handle" may be typed to sign in to the desk (besides the handles
 * DESK_STAFF declares as "@handle=123456").
 */
import type { Executor } from "../../db/repo";
import { findStaffHandle, saveStaffHandle } from "../../db/desk";
import type { StaffActor } from "./types";

/** Telegram's rule: 5-32 letters, digits and "_", starting with a letter, not ending with "_". */
const HANDLE = /^[a-z][a-z0-9_]{3,30}[a-z0-9]$/;

/** A Telegram username as typed ("@Noura_K", "noura_k"), lower case without "@"; null when it cannot be one. */
export function telegramHandle(typed: string): string | null {
  const h = typed.trim().replace(/^@/, "").toLowerCase();
  return HANDLE.test(h) ? h : null;
}

/** Remembers the handle a staff member wrote from (Telegram only; no handle, nothing to do). */
export async function noteStaffHandle(db: Executor, actor: StaffActor, at: string): Promise<void> {
  const handle = actor.channel === "telegram" && actor.handle ? telegramHandle(actor.handle) : null;
  if (!handle) return;
  await saveStaffHandle(db, { channel: "telegram", handle, userId: actor.userId, at });
}

/** The Telegram user id last seen writing from `typed` ("@handle"), or null. */
export async function staffIdOfHandle(db: Executor, typed: string): Promise<string | null> {
  const handle = typed.trim().startsWith("@") ? telegramHandle(typed) : null;
  return handle ? findStaffHandle(db, "telegram", handle) : null;
}
