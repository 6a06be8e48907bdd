/** The main menu, the language menu and "about the association". */
import type { Locale } from "../orgs/schema";
import { choice, reply, t, withChoices } from "./reply";
import type { FlowContext, Reply, Text } from "./types";
import { detectCommand, MENU_WORDS, MENU_WORDS_ALONE } from "./keywords";
import type { Option } from "./choices";
import { hoursTexts } from "./calendar/text";
import { commandForm } from "./text/arabic";

export const MENU_ITEMS = ["apply", "status", "faq", "feedback", "human", "about", "language"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** Options for matching the main menu by number, button or words. */
export const MENU_OPTIONS: readonly Option[] = MENU_ITEMS.map((item) => ({
  value: `menu:${item}`,
  words: MENU_WORDS[item] ?? [],
  alone: MENU_WORDS_ALONE[item] ?? [],
}));

/** The actions a text may tell its reader to type, as the menu knows them. */
const NAMEABLE: readonly MenuItem[] = ["apply", "status", "feedback", "human"];

/**
 * The menu actions a text tells its reader to type (an FAQ answer's «اكتب
 * «تقديم»», "type “apply”"), in the order it names them: offered under it,
 * so that a tap does what the answer says instead of the person typing it.
 */
export function actionsNamedIn(text: string): MenuItem[] {
  const out: MenuItem[] = [];
  for (const m of text.matchAll(/[«"“]([^»"”\n]{1,40})[»"”]/g)) {
    const said = commandForm(m[1]!);
    const item = NAMEABLE.find((i) => (MENU_WORDS[i] ?? []).some((w) => commandForm(w) === said)) ?? (detectCommand(m[1]!)?.type === "human" ? "human" : undefined);
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

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
