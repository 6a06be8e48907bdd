import { sql, type Kysely } from "kysely";

/**
 * A phone number that proves who a contact is, apart from the phone they typed.
 * Channels are joined into one person only by a number the channel itself
 * vouches for (WhatsApp's sender, Telegram's shared contact of one's own
 * number); a number typed into a form is data, never an identity. Existing
 * contacts keep a proven number only where their WhatsApp chat is that number.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contacts").addColumn("verified_phone", "text").execute();
  await db.schema.createIndex("contacts_verified_phone").on("contacts").column("verified_phone").execute();
  await sql`
    update contacts set verified_phone = phone
    where phone is not null and exists (
      select 1 from channel_identities i
      where i.contact_id = contacts.id and i.channel = 'whatsapp' and i.external_id = substr(contacts.phone, 2) || '@c.us'
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("contacts_verified_phone").execute();
  await db.schema.alterTable("contacts").dropColumn("verified_phone").execute();
}
