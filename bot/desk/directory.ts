/**
 * Who may sign in to the desk and what they may do. Staff are the people the
 * installation already knows as staff: Telegram user ids
 * (TELEGRAM_STAFF_USER_IDS), WhatsApp numbers (WHATSAPP_STAFF_NUMBERS, on
 * WhatsApp Web or the Cloud API, whichever runs) and, for trying Sila on one
 * machine, names in DESK_STAFF whose codes appear on the console. A member's
 * role (STAFF_ROLES) is one of the profile's staffRoles; its `may` decides
 * what they may do (everything without a role or a `may`). A "whatsapp:"
 * role names the staff number in either WhatsApp mode.
 */
import { toLatinDigits } from "../../flows/text/arabic";
import { STAFF_PERMISSIONS, type LocalizedText, type Profile, type StaffPermission } from "../../orgs/schema";
import type { ChannelName } from "../channels/types";
import { normalizeWhatsAppNumber } from "../channels/whatsapp/format";
import { ConfigError } from "../errors";

export interface DeskMember {
  channel: ChannelName;
  /** The id staff commands know them by: Telegram user id, WhatsApp number, console name. */
  id: string;
  /** Where their sign-in code is sent (a private chat, their WhatsApp number, the console's staff lines). */
  deliverTo: { channel: ChannelName; chatId: string };
  role: { id: string; title: LocalizedText } | null;
  may: ReadonlySet<StaffPermission>;
}

export interface DeskDirectory {
  readonly members: readonly DeskMember[];
  find(channel: string, id: string): DeskMember | null;
  /** The member a typed identifier names (a phone, a Telegram id or declared @handle, a console name), or null. */
  lookup(typed: string): DeskMember | null;
}

export interface DirectoryInput {
  profile: Profile;
  /** Telegram user ids (when Telegram runs). */
  telegram: readonly string[];
  /** WhatsApp numbers (when WhatsApp Web runs), as configured. */
  whatsapp: readonly string[];
  /** WhatsApp numbers (when the Cloud API runs), as configured. */
  whatsappCloud?: readonly string[];
  /** Console names (when the console runs). */
  console: readonly string[];
  /** Telegram usernames declared for staff user ids (DESK_STAFF "@handle=123456"), lower case without "@". */
  telegramHandles?: ReadonlyArray<{ handle: string; userId: string }>;
  roles: ReadonlyArray<{ channel: ChannelName; id: string; role: string }>;
}

/** An identifier as typed, in one form: Latin digits, no spaces, dashes or isolates, lower case. */
export function cleanIdentifier(typed: string): string {
  return toLatinDigits(typed.replace(/[\u200e\u200f\u2066-\u2069]/g, ""))
    .trim()
    .replace(/[\s\-().]/g, "")
    .toLowerCase();
}

export function createDirectory(input: DirectoryInput): DeskDirectory {
  const roleOf = new Map<string, string>();
  for (const r of input.roles) {
    const role = input.profile.staffRoles.find((x) => x.id === r.role);
    if (!role) {
      const known = input.profile.staffRoles.map((x) => x.id).join(", ");
      throw new ConfigError(`STAFF_ROLES: "${r.role}" is not a staff role of the profile ${input.profile.slug} (${known})`);
    }
    const id = r.channel === "whatsapp" || r.channel === "whatsapp_cloud" ? (normalizeWhatsAppNumber(r.id) ?? r.id) : r.id;
    roleOf.set(`${r.channel}:${id}`, r.role);
  }
  const member = (channel: ChannelName, id: string, chatId: string): DeskMember => {
    const roleId = roleOf.get(`${channel}:${id}`) ?? (channel === "whatsapp_cloud" ? roleOf.get(`whatsapp:${id}`) : undefined);
    const role = roleId ? input.profile.staffRoles.find((x) => x.id === roleId) ?? null : null;
    return {
      channel,
      id,
      deliverTo: { channel, chatId },
      role: role ? { id: role.id, title: role.title } : null,
      may: new Set<StaffPermission>(role?.may ?? STAFF_PERMISSIONS),
    };
  };
  const members: DeskMember[] = [];
  const add = (m: DeskMember) => {
    if (!members.some((x) => x.channel === m.channel && x.id === m.id)) members.push(m);
  };
  for (const id of input.telegram) add(member("telegram", id, id));
  for (const raw of input.whatsapp) {
    const number = normalizeWhatsAppNumber(raw);
    if (number) add(member("whatsapp", number, `${number}@c.us`));
  }
  for (const raw of input.whatsappCloud ?? []) {
    const number = normalizeWhatsAppNumber(raw);
    if (number) add(member("whatsapp_cloud", number, number));
  }
  for (const name of input.console) add(member("console", name, "staff"));

  return {
    members,
    find: (channel, id) => members.find((m) => m.channel === channel && m.id === id) ?? null,
    lookup(typed) {
      const clean = cleanIdentifier(typed);
      if (clean.length === 0 || clean.length > 64) return null;
      const named = members.find((m) => m.channel === "console" && m.id === clean);
      if (named) return named;
      const number = normalizeWhatsAppNumber(clean);
      const byNumber = number ? members.find((m) => (m.channel === "whatsapp" || m.channel === "whatsapp_cloud") && m.id === number) : undefined;
      if (byNumber) return byNumber;
      const declared = clean.startsWith("@") ? input.telegramHandles?.find((h) => `@${h.handle}` === clean) : undefined;
      if (declared) return members.find((m) => m.channel === "telegram" && m.id === declared.userId) ?? null;
      const telegramId = clean.replace(/^tg:/, "");
      return members.find((m) => m.channel === "telegram" && m.id === telegramId) ?? null;
    },
  };
}
