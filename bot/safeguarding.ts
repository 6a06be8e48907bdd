/**
 * Safety alerts to staff. When the conversation finds that someone may be in
 * danger (`urgentAlert`), an urgent ticket is opened and an alert goes at once
 * to every staff channel, whatever the hour (staff alerts never wait for quiet
 * hours), addressed to the profile's safeguarding role, with the person's
 * recent messages (national IDs masked, encrypted answers left out). It is
 * claimed with /claim like any ticket; while nobody has claimed it, the
 * scheduler re-sends it to the next role of `safeguarding.escalateTo` every
 * `escalateAfterMinutes`. Every alert, new message and escalation is recorded
 * in `safety_events`. Health symptoms (`careAlert`) open a "care" ticket for
 * the care role, without urgency or escalation.
 */
import type { Kysely } from "kysely";
import * as repo from "../db/repo";
import type { Executor } from "../db/repo";
import type { Database } from "../db/schema";
import type { DangerKind } from "../flows/safety/detect";
import { safeguardingOf } from "../flows/safety";
import type { Text } from "../flows/types";
import type { Profile } from "../orgs/schema";
import type { ChannelName } from "./channels/types";
import { isEncryptedValue } from "./crypto";
import type { StaffTarget } from "./channels/types";
import type { Translator } from "./i18n";
import { redact } from "./log";
import { notifyStaff } from "./notify";
import { claimsOf } from "./staff/audit";

export interface SafeguardingDeps {
  profile: Profile;
  translator: Translator;
  staff: readonly StaffTarget[];
}

/** How far back the excerpt of a conversation reaches, and how many messages it shows. */
const EXCERPT_WINDOW_MS = 2 * 60 * 60 * 1000;
const EXCERPT_MESSAGES = 6;
const EXCERPT_LINE = 300;

const ltr = (v: string): Text => ({ ltr: v });

function roleText(profile: Profile, id: string): Text {
  const role = profile.staffRoles.find((r) => r.id === id);
  return role ? { localized: role.title } : { literal: id };
}

/**
 * The person's recent messages, oldest first, as lines for staff: national IDs
 * masked, encrypted ones (sensitive answers) shown as sealed.
 */
export async function conversationExcerpt(db: Executor, contactId: number, at: string): Promise<Text[]> {
  const since = new Date(Date.parse(at) - EXCERPT_WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom("messages")
    .select(["body", "kind"])
    .where("contact_id", "=", contactId)
    .where("direction", "=", "in")
    .where("created_at", ">=", since)
    .where("body", "is not", null)
    .orderBy("id", "desc")
    .limit(EXCERPT_MESSAGES)
    .execute();
  return rows.reverse().map((r) => {
    const body = r.body ?? "";
    return isEncryptedValue(body) ? { key: "safeguarding:sealedLine" } : excerptLine(body);
  });
}

/** One line of the excerpt: national IDs masked, cut to a line. */
function excerptLine(body: string): Text {
  const text = redact(body).replace(/\s+/g, " ").trim();
  return { key: "safeguarding:excerptLine", params: { text: text.length > EXCERPT_LINE ? `${text.slice(0, EXCERPT_LINE)}…` : text } };
}

async function openTicketOf(db: Executor, contactId: number, kind: "urgent" | "care"): Promise<string | null> {
  const row = await db
    .selectFrom("tickets")
    .select("reference")
    .where("contact_id", "=", contactId)
    .where("kind", "=", kind)
    .where("status", "=", "open")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.reference ?? null;
}

async function lastLevel(db: Executor, reference: string): Promise<{ level: number; at: string; kind: string } | null> {
  const row = await db
    .selectFrom("safety_events")
    .select(["level", "created_at", "kind"])
    .where("ticket_reference", "=", reference)
    .where("action", "in", ["alert", "escalate"])
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? { level: row.level, at: row.created_at, kind: row.kind } : null;
}

async function recordEvent(
  db: Executor,
  e: { reference: string; contactId: number; action: "alert" | "update" | "escalate" | "care"; kind: string; level: number; role: string; at: string },
): Promise<void> {
  await db
    .insertInto("safety_events")
    .values({ ticket_reference: e.reference, contact_id: e.contactId, action: e.action, kind: e.kind, level: e.level, role: e.role, created_at: e.at })
    .execute();
}

/** The role a ticket's alert is with at `level` (0: the safeguarding role). */
function roleAt(profile: Profile, level: number): string {
  const guard = safeguardingOf(profile);
  return level === 0 ? guard.role : guard.escalateTo[level - 1] ?? guard.role;
}

/** What the alert says about who gets it next, and when. */
function escalationLine(profile: Profile, level: number): Text {
  const guard = safeguardingOf(profile);
  const next = guard.escalateTo[level];
  return next
    ? { key: "safeguarding:escalatesTo", params: { minutes: guard.escalateAfterMinutes, role: roleText(profile, next) } }
    : { key: "safeguarding:lastRole" };
}

/**
 * An urgent alert, or a new message in one already open for this person.
 * Runs in the turn's transaction; returns the ticket's reference.
 */
export async function raiseUrgentAlert(
  db: Executor,
  deps: SafeguardingDeps,
  a: { contactId: number; channel: ChannelName; kind: DangerKind; excerpt: string; at: string },
): Promise<string> {
  const open = await openTicketOf(db, a.contactId, "urgent");
  if (open) {
    const last = await lastLevel(db, open);
    const level = last?.level ?? 0;
    await notifyStaff(db, deps.translator, deps.staff, {
      key: "safeguarding:update",
      params: { reference: ltr(open), kind: { key: `safeguarding:kind.${a.kind}` }, channel: a.channel, text: redact(a.excerpt) },
    }, a.at);
    await recordEvent(db, { reference: open, contactId: a.contactId, action: "update", kind: a.kind, level, role: roleAt(deps.profile, level), at: a.at });
    return open;
  }
  const reference = await repo.createTicket(db, { contactId: a.contactId, kind: "urgent", body: redact(a.excerpt), attachment: null, referralId: null, at: a.at });
  const role = roleAt(deps.profile, 0);
  const excerpt = await conversationExcerpt(db, a.contactId, a.at);
  // The message that raised the alarm was sealed on arrival when it held a national ID: staff still read it, the ID masked.
  const last = excerpt.at(-1);
  if (last && "key" in last && last.key === "safeguarding:sealedLine") excerpt[excerpt.length - 1] = excerptLine(a.excerpt);
  await notifyStaff(db, deps.translator, deps.staff, {
    key: "safeguarding:urgent",
    params: {
      kind: { key: `safeguarding:kind.${a.kind}` },
      role: roleText(deps.profile, role),
      reference: ltr(reference),
      channel: a.channel,
      at: { date: a.at, withTime: true },
      excerpt: { list: excerpt, lines: true },
      next: escalationLine(deps.profile, 0),
    },
  }, a.at);
  await recordEvent(db, { reference, contactId: a.contactId, action: "alert", kind: a.kind, level: 0, role, at: a.at });
  return reference;
}

/** Health symptoms described in chat: a "care" ticket for the care role (not urgent). */
export async function raiseCareAlert(
  db: Executor,
  deps: SafeguardingDeps,
  a: { contactId: number; channel: ChannelName; excerpt: string; at: string },
): Promise<string> {
  const role = safeguardingOf(deps.profile).symptomsRole ?? safeguardingOf(deps.profile).role;
  const open = await openTicketOf(db, a.contactId, "care");
  const reference = open ?? (await repo.createTicket(db, { contactId: a.contactId, kind: "care", body: redact(a.excerpt), attachment: null, referralId: null, at: a.at }));
  await notifyStaff(db, deps.translator, deps.staff, {
    key: open ? "safeguarding:careUpdate" : "safeguarding:care",
    params: { role: roleText(deps.profile, role), reference: ltr(reference), channel: a.channel, text: redact(a.excerpt) },
  }, a.at);
  await recordEvent(db, { reference, contactId: a.contactId, action: open ? "update" : "care", kind: "symptoms", level: 0, role, at: a.at });
  return reference;
}

/**
 * The scheduler's job: every urgent ticket nobody has claimed for
 * `escalateAfterMinutes` since its last alert goes to the next role of
 * `escalateTo`, once per role. Idempotent (a role is alerted once per ticket,
 * by a dedupe key and its event); returns how many alerts were re-sent.
 */
export async function escalateUnclaimedAlerts(deps: SafeguardingDeps & { db: Kysely<Database>; clock: () => Date }): Promise<number> {
  const guard = safeguardingOf(deps.profile);
  if (guard.escalateTo.length === 0) return 0;
  const now = deps.clock();
  // As in a turn: with no staff chat configured, alerts go to the console's staff stand-in.
  const staff: readonly StaffTarget[] = deps.staff.length > 0 ? deps.staff : [{ channel: "console", chatId: "staff", locale: deps.profile.locales[0] ?? "ar" }];
  const open = await deps.db.selectFrom("tickets").select(["reference", "contact_id", "body"]).where("kind", "=", "urgent").where("status", "=", "open").orderBy("id").execute();
  if (open.length === 0) return 0;
  const claims = await claimsOf(deps.db, open.map((t) => t.reference));
  let sent = 0;
  for (const ticket of open) {
    if (claims.has(ticket.reference)) continue;
    const last = await lastLevel(deps.db, ticket.reference);
    if (!last || last.level >= guard.escalateTo.length) continue;
    if (now.getTime() - Date.parse(last.at) < guard.escalateAfterMinutes * 60_000) continue;
    const level = last.level + 1;
    const role = roleAt(deps.profile, level);
    const at = now.toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const excerpt = await conversationExcerpt(trx, ticket.contact_id, last.at);
      await notifyStaff(trx, deps.translator, staff, {
        key: "safeguarding:escalated",
        params: {
          minutes: Math.round((now.getTime() - Date.parse(last.at)) / 60_000),
          kind: { key: `safeguarding:kind.${last.kind}` },
          role: roleText(deps.profile, role),
          reference: ltr(ticket.reference),
          excerpt: { list: excerpt, lines: true },
          next: escalationLine(deps.profile, level),
        },
      }, at, { dedupeKey: `safety:${ticket.reference}:${level}` });
      await recordEvent(trx, { reference: ticket.reference, contactId: ticket.contact_id, action: "escalate", kind: last.kind, level, role, at });
    });
    sent++;
  }
  return sent;
}
