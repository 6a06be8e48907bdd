/**
 * Notices and what channels report about sent messages: the repository of
 * the window-aware ladder (`bot/notices`). Free functions over the database
 * or a transaction; rows become plain values before they leave.
 */
import type { Executor } from "./repo";
import type { ChannelName, NoticeKind, NoticeRow, NoticeRung, NoticeStatus } from "./schema";

/** The consent a broadcast outside WhatsApp's window needs (recorded when a person sends «اشتراك» / START). */
export const BROADCAST_CONSENT = "broadcasts";

export interface NewNotice {
  contactId: number;
  kind: NoticeKind;
  reference: string | null;
  /** The free message, ready for the outbox (JSON, sealed when personal). */
  message: string;
  /** JSON of the template's named values. */
  params: string;
  bulk: boolean;
  at: string;
}

export async function insertNotice(db: Executor, n: NewNotice): Promise<number> {
  const row = await db
    .insertInto("notices")
    .values({
      contact_id: n.contactId,
      kind: n.kind,
      reference: n.reference,
      message: n.message,
      params: n.params,
      bulk: n.bulk ? 1 : 0,
      rung: null,
      channel: null,
      chat_id: null,
      status: "pending",
      channel_message_id: null,
      error: null,
      created_at: n.at,
      sent_at: null,
      delivered_at: null,
      read_at: null,
      updated_at: n.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export const noticeById = (db: Executor, id: number): Promise<NoticeRow | undefined> => db.selectFrom("notices").selectAll().where("id", "=", id).executeTakeFirst();

export async function updateNotice(
  db: Executor,
  id: number,
  patch: Partial<{
    rung: NoticeRung | null;
    channel: ChannelName | null;
    chatId: string | null;
    status: NoticeStatus;
    messageId: string | null;
    error: string | null;
    followup: boolean;
    message: string | null;
    sentAt: string;
    deliveredAt: string;
    readAt: string;
  }>,
  at: string,
): Promise<void> {
  await db
    .updateTable("notices")
    .set({
      ...(patch.rung !== undefined ? { rung: patch.rung } : {}),
      ...(patch.channel !== undefined ? { channel: patch.channel } : {}),
      ...(patch.chatId !== undefined ? { chat_id: patch.chatId } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.messageId !== undefined ? { channel_message_id: patch.messageId } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.followup !== undefined ? { followup: patch.followup ? 1 : 0 } : {}),
      ...(patch.message !== undefined ? { message: patch.message } : {}),
      ...(patch.sentAt !== undefined ? { sent_at: patch.sentAt } : {}),
      ...(patch.deliveredAt !== undefined ? { delivered_at: patch.deliveredAt } : {}),
      ...(patch.readAt !== undefined ? { read_at: patch.readAt } : {}),
      updated_at: at,
    })
    .where("id", "=", id)
    .execute();
}

export const noticeByMessage = (db: Executor, channel: ChannelName, messageId: string): Promise<NoticeRow | undefined> =>
  db.selectFrom("notices").selectAll().where("channel", "=", channel).where("channel_message_id", "=", messageId).executeTakeFirst();

/** The notices about an application or ticket, oldest first (the staff view). */
export async function noticesAbout(db: Executor, reference: string): Promise<NoticeRow[]> {
  return db.selectFrom("notices").selectAll().where("reference", "=", reference).orderBy("id").execute();
}

/**
 * When `chatId` last wrote to us on `channel`: as a beneficiary (`chat_windows`, written by every
 * turn) or as staff (a command or button, recorded in the staff audit log; not what they did on
 * the web desk, which is no message on that channel).
 */
export async function lastInbound(db: Executor, channel: ChannelName, chatId: string): Promise<string | null> {
  const w = await db.selectFrom("chat_windows").select("last_inbound_at").where("channel", "=", channel).where("chat_id", "=", chatId).executeTakeFirst();
  const s = await db
    .selectFrom("staff_audit")
    .select((eb) => eb.fn.max("created_at").as("at"))
    .where("actor_channel", "=", channel)
    .where("actor_id", "=", chatId)
    .where("via", "=", "chat")
    .executeTakeFirst();
  const times = [w?.last_inbound_at, s?.at ?? undefined].filter((t): t is string => typeof t === "string");
  return times.length === 0 ? null : times.sort().at(-1)!;
}

/** The chats of a contact, the one they wrote from most recently first. */
export async function identitiesOf(db: Executor, contactId: number): Promise<Array<{ channel: ChannelName; chatId: string }>> {
  const rows = await db
    .selectFrom("channel_identities as i")
    .leftJoin("sessions as s", "s.identity_id", "i.id")
    .select(["i.channel", "i.external_id"])
    .where("i.contact_id", "=", contactId)
    .where("i.external_id", "not like", "anonymised:%")
    .orderBy("s.updated_at", "desc")
    .orderBy("i.id", "desc")
    .execute();
  return rows.map((r) => ({ channel: r.channel, chatId: r.external_id }));
}

export async function hasConsent(db: Executor, contactId: number, purpose: string): Promise<boolean> {
  const r = await db.selectFrom("consents").select("id").where("contact_id", "=", contactId).where("purpose", "=", purpose).limit(1).executeTakeFirst();
  return r !== undefined;
}

export interface StoredStatus {
  status: "sent" | "delivered" | "read" | "failed";
  at: string;
  errorCode: string | null;
  errorTitle: string | null;
}
