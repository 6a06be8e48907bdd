/**
 * The templates an association's profile names, as Meta would hold them once
 * approved: name, language, category, number of body parameters, and the body
 * text Sila expects (locales/<lng>/templates.json, with Meta's {{n}}).
 */
import { createTranslator } from "../../bot/i18n";
import type { Locale, Profile, TemplateKind, WhatsAppTemplate } from "../../orgs/schema";
import type { EmulatorTemplate } from "./emulator";

export function approvedTemplates(profile: Profile): EmulatorTemplate[] {
  const translator = createTranslator({ locales: ["ar", "en", "ur"] });
  return (Object.entries(profile.whatsappTemplates) as Array<[TemplateKind, WhatsAppTemplate | undefined]>).flatMap(([kind, t]) =>
    (t?.languages ?? []).map((language: Locale) => ({
      name: t!.name,
      language,
      category: t!.category,
      bodyParams: t!.params.length,
      // Each {{n}} rendered as itself: the text to submit in WhatsApp Manager.
      body: translator.t(`templates:${kind}`, language, Object.fromEntries(t!.params.map((_, i) => [String(i + 1), `{{${i + 1}}}`]))),
    })),
  );
}
