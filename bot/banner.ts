/**
 * The block `npm start` prints first: which association, channels, database,
 * log file and staff desk are active.
 */
import type { Locale, Profile } from "../orgs/schema";
import type { Translator } from "./i18n";

/** What is running, in one short block: the association, channels, database, log and desk. */
export function startupBanner(
  translator: Translator,
  locale: Locale,
  profile: Profile,
  active: { channels: string[]; database: string; logFile: string | null; deskUrl?: string },
): string {
  const say = (key: string, params: Record<string, string | number>) => translator.t(key, locale, params);
  const lines = [
    say("console:banner.title", { name: translator.render({ localized: profile.name }, locale), slug: profile.slug }),
    "  " + say("console:banner.channels", { channels: active.channels.join(", ") }),
    "  " + say("console:banner.database", { path: active.database }),
  ];
  if (active.logFile) lines.push("  " + say("console:banner.logs", { path: active.logFile }));
  if (active.deskUrl) lines.push("  " + say("console:banner.desk", { url: active.deskUrl }));
  return lines.join("\n");
}

