/**
 * The staff chat's closure commands: "/closures" (or "/الإجازات") lists what
 * is coming, "/closure add|shift|remove ..." (or "/إجازة إضافة|تأجيل|إلغاء
 * ...") changes it through `changeClosure`, and the answer says what
 * beneficiaries are now told about the next opening.
 */
import { openingText } from "../../flows/calendar/text";
import { t } from "../../flows/reply";
import type { Text } from "../../flows/types";
import type { Closure } from "../../flows/calendar";
import { MAX_CLOSURE_DAYS } from "../../orgs/calendar";
import { recordAudit } from "./audit";
import { changeClosure, closureSub, parseClosureArgs, upcomingClosures, type ClosureDeps } from "./closures";
import type { StaffActor } from "./types";
import { ltr, section } from "./views";

const params = (c: Closure) => ({ key: ltr(c.key), name: c.name, from: { date: c.startsOn }, to: { date: c.endsOn } });

async function nextOpeningLine(deps: ClosureDeps): Promise<Text> {
  const o = (await deps.calendar.get()).nextOpening(deps.clock());
  return o.openNow ? t("staffcmd:closure.openNow") : t("staffcmd:closure.nextOpening", { when: openingText(o) });
}

/** "/closures": the closures of the coming year, profile and staff, with their keys. */
export async function closuresList(deps: ClosureDeps, actor: StaffActor): Promise<Text[]> {
  const list = await upcomingClosures(deps);
  await recordAudit(deps.db, { actor, action: "closures", target: null, allowed: true, at: deps.clock().toISOString() });
  if (list.length === 0) return [t("staffcmd:closure.none"), await nextOpeningLine(deps), t("staffcmd:closure.usage")];
  const items = list.map((c) => t(c.source === "staff" ? "staffcmd:closure.lineStaff" : "staffcmd:closure.line", params(c)));
  return [section(t("staffcmd:closure.listTitle", { count: list.length }), items), await nextOpeningLine(deps), t("staffcmd:closure.usage")];
}

/** "/closure <add|shift|remove> ...". */
export async function closureCommand(deps: ClosureDeps, actor: StaffActor, sub: string | null, rest: string): Promise<Text[]> {
  const kind = closureSub(sub);
  const change = kind ? parseClosureArgs(kind, rest) : null;
  if (!change) {
    await recordAudit(deps.db, { actor, action: "closure", target: null, allowed: true, detail: "usage", at: deps.clock().toISOString() });
    return [t("staffcmd:closure.usage")];
  }
  const r = await changeClosure(deps, actor, change);
  if (!r.ok) {
    const key = change.kind === "add" ? "" : change.key;
    return [t(`staffcmd:closure.error.${r.error}`, { key: ltr(key), max: MAX_CLOSURE_DAYS }), t("staffcmd:closure.usage")];
  }
  return [t(`staffcmd:closure.${r.change === "add" ? "added" : r.change === "shift" ? "shifted" : "removed"}`, params(r.closure)), await nextOpeningLine(deps)];
}
