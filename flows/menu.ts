/** The main menu, the language menu and "about the association". */
import type { Locale } from "../orgs/schema";
import { choice, reply, t, withChoices } from "./reply";
import type { FlowContext, Reply, Text } from "./types";
import { MENU_WORDS, MENU_WORDS_ALONE } from "./keywords";
import type { Option } from "./choices";
import { hoursTexts } from "./calendar/text";

export const MENU_ITEMS = ["apply", "status", "faq", "feedback", "human", "about", "language"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** Options for matching the main menu by number, button or words. */
export const MENU_OPTIONS: readonly Option[] = MENU_ITEMS.map((item) => ({
  value: `menu:${item}`,
  words: MENU_WORDS[item] ?? [],
  alone: MENU_WORDS_ALONE[item] ?? [],
}));

export function menuReply(lead?: Text[]): Reply {
  return withChoices(
    reply(...(lead ?? []), t("menu:prompt")),
    MENU_ITEMS.map((item) => choice(`menu:${item}`, t(`menu:item.${item}`))),
  );
}

const LANGUAGE_NAMES: Record<Locale, string> = { ar: "العربية", en: "English", ur: "اردو" };

export function languageOptions(ctx: FlowContext): Option[] {
  return ctx.profile.locales.map((l) => ({ value: `lang:${l}`, words: [LANGUAGE_NAMES[l], l] }));
}

export function languageReply(ctx: FlowContext): Reply {
  return withChoices(
    reply(t("menu:languagePrompt")),
    ctx.profile.locales.map((l) => choice(`lang:${l}`, { literal: LANGUAGE_NAMES[l] })),
  );
}

export function aboutReply(ctx: FlowContext): Reply {
  const p = ctx.profile;
  const parts: Text[] = [t("about:title", { name: { localized: p.name } }), { localized: p.about }];
  const c = p.contact;
  if (c.address) parts.push(t("about:address", { address: { localized: c.address } }));
  if (c.phone) parts.push(t("about:phone", { phone: { ltr: c.phone } }));
  if (c.whatsapp) parts.push(t("about:whatsapp", { phone: { ltr: c.whatsapp } }));
  if (c.email) parts.push(t("about:email", { email: { ltr: c.email } }));
  if (c.website) parts.push(t("about:website", { url: { ltr: c.website } }));
  parts.push(...hoursTexts(ctx));
  return menuReply(parts);
}
