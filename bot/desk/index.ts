/**
 * The staff desk beside the bot: `launchDesk` builds who may sign in from
 * the configuration, creates the app and listens. A port already in use (or
 * any failure to listen) is one line for the start-up block, and the bot
 * runs on without the desk.
 */
import path from "node:path";
import type { Config } from "../config";
import { createDirectory } from "./directory";
import { createDeskApp, startDesk, type DeskDeps, type RunningDesk } from "./server";

export { createDeskApp, startDesk, type DeskDeps, type RunningDesk };
export { createDirectory, type DeskDirectory, type DeskMember } from "./directory";

export type LaunchedDesk = { running: RunningDesk; problem?: undefined } | { running?: undefined; problem: string };

export async function launchDesk(
  config: Config,
  active: { telegram: boolean; whatsapp: boolean; whatsappCloud?: boolean; console: boolean },
  deps: Omit<DeskDeps, "directory" | "attachmentsDir" | "sessionHours" | "secure">,
  say: (key: string, params: Record<string, string>) => string,
): Promise<LaunchedDesk> {
  const directory = createDirectory({
    profile: deps.profile,
    telegram: active.telegram ? (config.telegram?.staffUserIds ?? []) : [],
    whatsapp: active.whatsapp ? config.whatsapp.staffNumbers : [],
    whatsappCloud: active.whatsappCloud ? config.whatsapp.staffNumbers : [],
    console: active.console ? config.desk.consoleStaff : [],
    roles: config.staffRoles,
    telegramHandles: config.desk.telegramHandles,
  });
  const strays = config.desk.telegramHandles.filter((h) => !directory.find("telegram", h.userId));
  if (strays.length > 0) deps.log.warn("DESK_STAFF names Telegram handles of ids that are not Telegram staff (TELEGRAM_STAFF_USER_IDS, with Telegram running)", { handles: strays.map((h) => `@${h.handle}`) });
  if (config.desk.consoleStaff.length > 0 && !active.console) deps.log.warn("DESK_STAFF names sign in only while the console runs (their codes are shown there)");
  if (directory.members.length === 0) deps.log.warn("the staff desk runs but nobody may sign in: no staff ids, numbers or DESK_STAFF names");
  const app = createDeskApp({
    ...deps,
    directory,
    attachmentsDir: path.join(config.dataDir, "attachments"),
    sessionHours: config.desk.sessionHours,
    secure: config.desk.publicUrl?.startsWith("https:") ?? false,
  });
  const address = `${config.desk.host}:${config.desk.port}`;
  try {
    const running = await startDesk(app, { host: config.desk.host, port: config.desk.port, ...(config.desk.publicUrl ? { publicUrl: config.desk.publicUrl } : {}) });
    deps.log.info("staff desk listening", { url: running.url });
    return { running };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    deps.log.warn("the staff desk could not start", { address, error });
    return { problem: code === "EADDRINUSE" ? say("console:banner.deskInUse", { address }) : say("console:banner.deskFailed", { address, reason: code ?? String(error) }) };
  }
}
