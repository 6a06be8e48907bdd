/**
 * Signing in to the desk without a password. A staff member types their
 * staff phone, Telegram id or @handle, or console name; a six-digit code goes to them on
 * the staff channel they already use (through the outbox, encrypted until
 * delivered); they type it back and get a session. The page never says
 * whether an identifier is staff. Codes expire after a few minutes, allow a
 * few attempts, work once, and only their keyed hash is stored; so is only
 * the hash of a session's token. Every step is recorded in the audit log.
 */
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import * as desk from "../../db/desk";
import * as repo from "../../db/repo";
import type { Database } from "../../db/schema";
import type { Locale } from "../../orgs/schema";
import type { Cipher } from "../crypto";
import type { Translator } from "../i18n";
import type { Logger } from "../log";
import { recordAudit } from "../staff/audit";
import { staffIdOfHandle } from "../staff/handles";
import type { StaffActor } from "../staff/types";
import { cleanIdentifier, type DeskDirectory, type DeskMember } from "./directory";

/** How long a code may be used. */
export const CODE_MINUTES = 10;
/** Wrong codes before a code is spent. */
export const CODE_ATTEMPTS = 5;
/** Codes sent to one staff member within `CODE_WINDOW_MINUTES`, at most. */
export const CODES_PER_WINDOW = 5;
export const CODE_WINDOW_MINUTES = 15;

export interface DeskAuthDeps {
  db: Kysely<Database>;
  directory: DeskDirectory;
  /** The installation's secret: keys the code hashes and the CSRF tokens. */
  secretKey: Buffer;
  cipher: Cipher;
  translator: Translator;
  clock: () => Date;
  log: Logger;
  sessionHours: number;
  /** The language the code message is written in. */
  locale: Locale;
  onOutbox?: () => void;
}

export type VerifyResult = { ok: true; token: string; member: DeskMember } | { ok: false; reason: "wrong" | "expired" };

export interface SignedIn {
  member: DeskMember;
  actor: StaffActor;
  expiresAt: string;
}

export interface DeskAuth {
  /** Sends a code when `typed` names a staff member; always returns a challenge for the code form. */
  requestCode(typed: string): Promise<{ challenge: string }>;
  verifyCode(challenge: string, code: string): Promise<VerifyResult>;
  /** The signed-in staff member of a session token; null when unknown, expired, or no longer staff. */
  session(token: string | undefined): Promise<SignedIn | null>;
  signOut(token: string | undefined): Promise<void>;
  /** The form token bound to a session token (or a pre-session cookie on the sign-in pages). */
  csrfToken(bound: string): string;
  checkCsrf(bound: string | undefined, submitted: string | undefined): boolean;
}

const sha256 = (v: string): string => crypto.createHash("sha256").update(v).digest("base64url");
const randomToken = (): string => crypto.randomBytes(32).toString("base64url");

/** The staff actor a desk member acts as (the same id as in their staff chat, so claims match). */
export function actorOf(member: DeskMember): StaffActor {
  return { channel: member.channel, userId: member.id, displayName: member.channel === "console" ? member.id : `${member.channel}:${member.id}`, via: "desk" };
}

export function createDeskAuth(deps: DeskAuthDeps): DeskAuth {
  const { db, directory, log } = deps;
  const key = Buffer.from(crypto.hkdfSync("sha256", deps.secretKey, Buffer.alloc(0), "sila:desk:v1", 32));
  const hmac = (v: string): string => crypto.createHmac("sha256", key).update(v).digest("base64url");
  const now = () => deps.clock();
  const minutesFrom = (d: Date, m: number) => new Date(d.getTime() + m * 60_000).toISOString();

  async function audit(actor: StaffActor, action: string, allowed: boolean, detail: string | null): Promise<void> {
    await recordAudit(db, { actor, action, target: null, allowed, detail, at: now().toISOString() });
  }

  /** An identifier that names no staff member is recorded under the channel it looks like. */
  function strangerOf(typed: string): StaffActor {
    const clean = typed.trim().slice(0, 40);
    const channel = /^[+\d\s\u0660-\u0669\u06f0-\u06f9-]{8,}$/.test(clean) ? "whatsapp" : /^(\d+|@\S+)$/.test(clean) ? "telegram" : "console";
    return { channel, userId: clean || "-", via: "desk" };
  }

  /** A Telegram staff member by the "@handle" Sila last saw them write from (a bot cannot look one up). */
  async function seenHandle(typed: string): Promise<DeskMember | null> {
    const id = await staffIdOfHandle(db, typed);
    return id ? directory.find("telegram", id) : null;
  }

  return {
    async requestCode(typed) {
      const challenge = randomToken();
      const member = directory.lookup(typed) ?? (await seenHandle(cleanIdentifier(typed)));
      const at = now();
      await desk.purgeDesk(db, at.toISOString(), minutesFrom(at, -24 * 60));
      if (!member) {
        await audit(strangerOf(typed), "desk_code", false, "not_staff");
        log.warn("desk sign-in refused: not staff");
        return { challenge };
      }
      const actor = actorOf(member);
      const staffKey = { channel: member.channel, id: member.id };
      const recent = await desk.countDeskCodesSince(db, staffKey, minutesFrom(at, -CODE_WINDOW_MINUTES));
      if (recent >= CODES_PER_WINDOW) {
        await audit(actor, "desk_code", false, "too_many");
        log.warn("desk sign-in: too many codes asked", { channel: member.channel });
        return { challenge };
      }
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
      const challengeHash = sha256(challenge);
      const text = deps.translator.t("desk:login.codeMessage", deps.locale, { code, minutes: CODE_MINUTES });
      await db.transaction().execute(async (trx) => {
        await desk.insertDeskCode(trx, {
          challengeHash,
          staff: staffKey,
          codeHash: hmac(`code:${challengeHash}:${code}`),
          expiresAt: minutesFrom(at, CODE_MINUTES),
          at: at.toISOString(),
        });
        // The code travels encrypted in the outbox; once delivered the payload is dropped.
        await repo.enqueue(trx, {
          contact_id: null,
          audience: "staff",
          channel: member.deliverTo.channel,
          chat_id: member.deliverTo.chatId,
          payload: deps.cipher.encrypt(JSON.stringify({ text })),
          next_attempt_at: at.toISOString(),
          last_error: null,
          dedupe_key: null,
          created_at: at.toISOString(),
          sent_at: null,
        });
        await recordAudit(trx, { actor, action: "desk_code", target: null, allowed: true, detail: null, at: at.toISOString() });
      });
      deps.onOutbox?.();
      return { challenge };
    },

    async verifyCode(challenge, code) {
      const challengeHash = sha256(challenge);
      const found = await desk.findDeskCode(db, challengeHash);
      const at = now();
      if (!found) return { ok: false, reason: "wrong" };
      const member = directory.find(found.staff.channel, found.staff.id);
      const actor: StaffActor = member ? actorOf(member) : { channel: found.staff.channel, userId: found.staff.id, via: "desk" };
      if (!member || found.usedAt !== null || found.expiresAt <= at.toISOString() || found.attempts >= CODE_ATTEMPTS) {
        await audit(actor, "desk_login", false, !member ? "not_staff" : "expired");
        return { ok: false, reason: "expired" };
      }
      const attempts = await desk.countDeskCodeAttempt(db, found.id);
      const expected = Buffer.from(found.codeHash);
      const given = Buffer.from(hmac(`code:${challengeHash}:${code}`));
      if (attempts > CODE_ATTEMPTS || expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
        await audit(actor, "desk_login", false, attempts >= CODE_ATTEMPTS ? "wrong_code_last" : "wrong_code");
        return { ok: false, reason: attempts >= CODE_ATTEMPTS ? "expired" : "wrong" };
      }
      if (!(await desk.useDeskCode(db, found.id, at.toISOString()))) {
        await audit(actor, "desk_login", false, "expired");
        return { ok: false, reason: "expired" };
      }
      const token = randomToken();
      await desk.insertDeskSession(db, {
        tokenHash: sha256(token),
        staff: found.staff,
        at: at.toISOString(),
        expiresAt: new Date(at.getTime() + deps.sessionHours * 3_600_000).toISOString(),
      });
      await audit(actor, "desk_login", true, null);
      return { ok: true, token, member };
    },

    async session(token) {
      if (!token || token.length > 100) return null;
      const at = now().toISOString();
      const s = await desk.findDeskSession(db, sha256(token), at);
      if (!s) return null;
      // Someone taken off the staff lists loses the desk at once, whatever their cookie says.
      const member = directory.find(s.staff.channel, s.staff.id);
      if (!member) return null;
      if (Date.parse(at) - Date.parse(s.lastSeenAt) > 60_000) await desk.touchDeskSession(db, sha256(token), at);
      return { member, actor: actorOf(member), expiresAt: s.expiresAt };
    },

    async signOut(token) {
      if (!token) return;
      const s = await desk.findDeskSession(db, sha256(token), now().toISOString());
      await desk.deleteDeskSession(db, sha256(token));
      if (s) await audit({ channel: s.staff.channel, userId: s.staff.id, via: "desk" }, "desk_logout", true, null);
    },

    csrfToken: (bound) => hmac(`csrf:${bound}`),

    checkCsrf(bound, submitted) {
      if (!bound || !submitted) return false;
      const expected = Buffer.from(hmac(`csrf:${bound}`));
      const given = Buffer.from(submitted);
      return expected.length === given.length && crypto.timingSafeEqual(expected, given);
    },
  };
}
