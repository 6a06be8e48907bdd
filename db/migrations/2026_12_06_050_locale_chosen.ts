import type { Kysely } from "kysely";

/**
 * When a person chose their language explicitly («English», a language
 * button), that choice wins over the language their messages seem to be in,
 * until they choose again. Null: the reply follows the language of each message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contacts").addColumn("locale_chosen_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contacts").dropColumn("locale_chosen_at").execute();
}
