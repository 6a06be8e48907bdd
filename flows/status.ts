/** Following one's own applications: the list with dates, and a reference typed anywhere. */
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, keepDraft } from "./session";
import { commandForm } from "./text/arabic";
import type { FlowContext, FlowInput, SessionState, StepResult, Text } from "./types";

export function statusLine(a: FlowContext["applications"][number], ctx: FlowContext): Text {
  const program = ctx.profile.programs.find((p) => p.id === a.programId);
  return t("status:line", {
    reference: { ltr: a.reference },
    program: program ? { localized: program.name } : a.programId,
    status: t(`status:state.${a.status}`),
    submitted: { date: a.submittedAt },
    updated: { date: a.updatedAt },
  });
}

export function showStatus(state: SessionState, ctx: FlowContext): StepResult {
  if (ctx.applications.length === 0) {
    return done(keepDraft({ flow: "menu" }, state), [
      withChoices(reply(t("status:none")), [choice("menu:apply", t("menu:item.apply")), choice("menu:human", t("menu:item.human"))]),
    ]);
  }
  return done(keepDraft({ flow: "status" }, state), [
    reply(t("status:list", { count: ctx.applications.length }), { list: ctx.applications.map((a) => statusLine(a, ctx)), lines: true }, t("status:askReference")),
  ]);
}

/** A reference typed in the status flow: only this contact's applications are searched. */
export function statusLookup(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult | null {
  if (input.kind !== "text") return null;
  const typed = commandForm(input.text).replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]*\d{2}-?\d{3,}$/.test(typed)) return null;
  const norm = (r: string) => r.replace(/[-\s]/g, "").toUpperCase();
  const found = ctx.applications.find((a) => norm(a.reference) === norm(typed));
  if (!found) return done(keepDraft({ flow: "status" }, state), [reply(t("status:notFound", { reference: { ltr: input.text.trim().slice(0, 30) } }))]);
  return done(keepDraft({ flow: "menu" }, state), [menuReply([statusLine(found, ctx)])]);
}
