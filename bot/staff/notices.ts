/**
 * The notices about an application or ticket, as staff see them on `/show`:
 * when each went, which rung of the ladder delivered it (a free message, an
 * approved WhatsApp template, another channel, or none), and when it was
 * delivered and read.
 */
import { noticesAbout } from "../../db/notices";
import type { Executor } from "../../db/repo";
import type { NoticeRow } from "../../db/schema";
import { t } from "../../flows/reply";
import type { Text } from "../../flows/types";

const CHANNEL_LABEL: Record<string, string> = { whatsapp_cloud: "WhatsApp", whatsapp: "WhatsApp", telegram: "Telegram", console: "console" };

function line(n: NoticeRow): Text {
  const rung = n.status === "pending" ? "pending" : (n.rung ?? "pending");
  const state: Text = n.read_at
    ? t("staffcmd:notices.read", { date: { date: n.read_at, withTime: true } })
    : n.delivered_at
      ? t("staffcmd:notices.delivered", { date: { date: n.delivered_at, withTime: true } })
      : n.error && (n.status === "unreached" || n.status === "failed")
        ? t("staffcmd:notices.failed", { reason: { literal: n.error } })
        : { literal: "" };
  return t("staffcmd:notices.line", {
    date: { date: n.sent_at ?? n.created_at, withTime: true },
    kind: t(`staffcmd:noticeKind.${n.kind}`),
    rung: t(`staffcmd:notices.rung.${rung}`),
    channel: n.channel ? (CHANNEL_LABEL[n.channel] ?? n.channel) : "-",
    state,
  });
}

/** One line per notice sent about `reference`, oldest first (the desk lists them). */
export async function noticeLines(db: Executor, reference: string): Promise<Text[]> {
  return (await noticesAbout(db, reference)).map(line);
}

/** The notices section for `reference` in a chat, or nothing when none was sent about it. */
export async function noticesSection(db: Executor, reference: string): Promise<Text[]> {
  const lines = await noticeLines(db, reference);
  return lines.length === 0 ? [] : [{ list: [t("staffcmd:notices.title"), ...lines], lines: true }];
}
