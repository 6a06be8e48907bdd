/**
 * Announcements to the contacts who opted in. A broadcast is queued through
 * the outbox (the running bot's sender delivers it, with its retries and
 * throttling), one message per contact in their language on the channel they
 * last wrote from, ending with how to opt out. Each message carries the
 * dedupe key `broadcast:<id>:<contactId>`, so running the same broadcast
 * again queues only what was not queued before.
 */
import type { Kysely } from "kysely";
import { APPLICATION_STATUSES, type ApplicationStatus, type Database } from "../db/schema";
import * as repo from "../db/repo";
import type { Calendar } from "../flows/calendar";
import type { Reply, Text } from "../flows/types";
import type { LocalizedText } from "../orgs/schema";
import { ValidationError } from "./errors";
import type { Translator } from "./i18n";
import { notifyContact } from "./notify";


const BROADCAST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface BroadcastSegment {
  /** Only contacts with an application to this program. */
  programId?: string;
  /** Only contacts with an application in this status (to `programId` when both are given). */
  status?: ApplicationStatus;
}

export interface BroadcastInput extends BroadcastSegment {
  /** Names this announcement; the same id never reaches a contact twice. */
  broadcastId: string;
  /** The announcement in every locale (a contact in another locale gets Arabic). */
  message: LocalizedText;
  /** The association's name, shown in the heading. */
  orgName: LocalizedText;
  /** When the broadcast is queued (ISO-8601 UTC). */
  at: string;
  /** The association's calendar: the broadcast waits out quiet hours and prayer windows (not dropped). */
  calendar?: Calendar;
  /** Count only; queue nothing. */
  dryRun?: boolean;
}

export interface BroadcastResult {
  broadcastId: string;
  /** Opted-in, reachable contacts in the segment. */
  matched: number;
  /** Queued now (or, in a dry run, that would be queued). */
  queued: number;
  /** Already queued by an earlier run of the same broadcast. */
  alreadyQueued: number;
  /** In the segment but with no channel to reach them on. */
  noChannel: number;
  /** When delivery may start (the end of the quiet hours or a prayer window, or `at`). */
  notBefore: string;
  dryRun: boolean;
}

export const dedupeKey = (broadcastId: string, contactId: number): string => `broadcast:${broadcastId}:${contactId}`;

/** The announcement as a contact receives it: heading, message, opt-out footer. */
export function broadcastReply(message: LocalizedText, orgName: LocalizedText): Reply {
  const parts: Text[] = [
    { key: "broadcast:heading", params: { name: { localized: orgName } } },
    { localized: message },
    { key: "broadcast:footer" },
  ];
  return { text: parts };
}

/** Contact ids that opted in, are reachable, and match the segment. */
export async function broadcastAudience(db: Kysely<Database>, segment: BroadcastSegment): Promise<number[]> {
  let q = db
    .selectFrom("contacts as c")
    .select("c.id")
    .where("c.broadcast_opt_in", "=", 1)
    .where("c.unreachable", "=", 0);
  if (segment.programId !== undefined || segment.status !== undefined) {
    q = q.where((eb) => {
      let apps = eb.selectFrom("applications as a").select("a.id").whereRef("a.contact_id", "=", "c.id");
      if (segment.programId !== undefined) apps = apps.where("a.program_id", "=", segment.programId);
      if (segment.status !== undefined) apps = apps.where("a.status", "=", segment.status);
      return eb.exists(apps);
    });
  }
  const rows = await q.orderBy("c.id").execute();
  return rows.map((r) => r.id);
}

/**
 * Queues `input.message` to every opted-in, reachable contact of the segment
 * in one transaction, and returns the counts. Throws `ValidationError` for an
 * invalid id, status or empty message.
 */
export async function queueBroadcast(db: Kysely<Database>, translator: Translator, input: BroadcastInput): Promise<BroadcastResult> {
  if (!BROADCAST_ID.test(input.broadcastId)) {
    throw new ValidationError(`broadcast id "${input.broadcastId}": use 1-64 of A-Z a-z 0-9 _ -`);
  }
  if (input.status !== undefined && !(APPLICATION_STATUSES as readonly string[]).includes(input.status)) {
    throw new ValidationError(`status "${input.status}": expected one of ${APPLICATION_STATUSES.join(", ")}`);
  }
  for (const [locale, text] of Object.entries(input.message)) {
    if (typeof text === "string" && text.trim() === "") throw new ValidationError(`the ${locale} message is empty`);
  }
  const now = new Date(input.at);
  const notBefore = input.calendar ? input.calendar.sendTime(now, "bulk").toISOString() : input.at;
  const reply = broadcastReply(input.message, input.orgName);
  const dryRun = input.dryRun ?? false;

  return db.transaction().execute(async (trx) => {
    const audience = await broadcastAudience(trx, input);
    const earlier = new Set(
      (
        await trx
          .selectFrom("outbox")
          .select("dedupe_key")
          .where("dedupe_key", "like", `broadcast:${input.broadcastId}:%`)
          .execute()
      ).map((r) => r.dedupe_key),
    );
    const result: BroadcastResult = {
      broadcastId: input.broadcastId,
      matched: audience.length,
      queued: 0,
      alreadyQueued: 0,
      noChannel: 0,
      notBefore,
      dryRun,
    };
    for (const contactId of audience) {
      const key = dedupeKey(input.broadcastId, contactId);
      if (earlier.has(key)) {
        result.alreadyQueued++;
        continue;
      }
      if (dryRun) {
        if (await repo.contactAddress(trx, contactId)) result.queued++;
        else result.noChannel++;
        continue;
      }
      const queued = await notifyContact(trx, translator, contactId, reply, input.at, {
        dedupeKey: key,
        notBefore,
        bulk: true,
        notice: { kind: "broadcast", params: { name: { localized: input.orgName }, message: { localized: input.message } } },
      });
      if (queued) result.queued++;
      else result.noChannel++;
    }
    return result;
  });
}
