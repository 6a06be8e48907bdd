/**
 * Acting on what a person asked for in their own words (./understand): the
 * same action as the menu item or the command, started at once. The bot
 * never answers "type X" when it understood X.
 */
import { startApply } from "./apply";
import { startHandoff } from "./handoff";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, draftOf, keepDraft } from "./session";
import { showStatus } from "./status";
import type { Intent } from "./understand/intents";
import { sanitizeFreeText } from "./validate";
import type { LocalizedText } from "../orgs/schema";
import type { FlowContext, SessionState, StepResult, Text } from "./types";

/** A request with this many words or more already says what the complaint or suggestion is. */
const DESCRIBED_WORDS = 8;

/** The question before deleting one's data (a deletion is never started without it). */
export function confirmDeletion(state: SessionState, lead: Text[] = []): StepResult {
  return done(keepDraft({ flow: "deletion" }, state), [
    withChoices(reply(...lead, t("privacy:deleteConfirm")), [choice("yes", t("privacy:deleteYes")), choice("no", t("privacy:deleteNo"))]),
  ]);
}

/** A complaint or suggestion asked for in words: filed at once when the message describes it, otherwise asked for. */
export function startFeedbackOf(state: SessionState, kind: "complaint" | "suggestion", text: string): StepResult {
  const body = sanitizeFreeText(text, 4000);
  if (body.split(/\s+/).filter(Boolean).length >= DESCRIBED_WORDS) {
    return done(keepDraft({ flow: "menu" }, state), [], [{ type: "createTicket", kind, body }]);
  }
  return done(keepDraft({ flow: "feedback", step: "text", kind }, state), [reply(t(`feedback:ask.${kind}`))]);
}

/** The first sentence of each locale's text: a program's description in one line. */
function firstSentence(text: LocalizedText): LocalizedText {
  const out: Record<string, string> = {};
  for (const [locale, value] of Object.entries(text)) {
    if (typeof value !== "string") continue;
    const first = value.split(/(?<=[.!؟?])\s|\n/)[0]!.trim();
    out[locale] = first.length > 160 ? `${first.slice(0, 157).trimEnd()}…` : first;
  }
  return out as LocalizedText;
}

/** "What do you offer?": every open program in one line, and the choice to apply to one. */
export function programsReply(state: SessionState, ctx: FlowContext, lead: Text[] = []): StepResult {
  const open = ctx.profile.programs.filter((p) => p.open);
  const lines: Text[] = open.map((p) => t("menu:programLine", { name: { localized: p.name }, summary: { localized: firstSentence(p.description) } }));
  if (open.length === 0) return done(keepDraft({ flow: "menu" }, state), [menuReply([...lead, t("apply:noPrograms")])]);
  // The list is the program step of the application: a number or a name picks one.
  const next: SessionState = draftOf(state) ? keepDraft({ flow: "menu" }, state) : { flow: "apply", step: { name: "program" }, draft: null };
  return done(next, [
    withChoices(
      reply(...lead, t("menu:programsIntro", { name: { localized: ctx.profile.name } }), { list: lines, lines: true }, t("menu:programsAsk")),
      open.map((p) => choice(`program:${p.id}`, { localized: p.name })),
    ),
  ]);
}

/** Starts what `intent` asks for; null when there is nothing to start here (the caller goes on). */
export function actOnIntent(state: SessionState, intent: Intent, text: string, ctx: FlowContext, lead: Text[] = []): StepResult | null {
  const led = (r: StepResult): StepResult =>
    lead.length === 0 || r.replies.length === 0 ? r : { ...r, replies: [{ ...r.replies[0]!, text: [...lead, ...r.replies[0]!.text] }, ...r.replies.slice(1)] };
  switch (intent.type) {
    case "human":
      return led(startHandoff(state, ctx));
    case "complaint":
    case "suggestion":
      return led(startFeedbackOf(state, intent.type, text));
    case "apply":
      return led(startApply(ctx, draftOf(state), text));
    case "status":
      return led(showStatus(state, ctx));
    case "programs":
      return programsReply(state, ctx, lead);
    case "deleteData":
      return confirmDeletion(state, lead);
    case "myData":
      return done(keepDraft({ flow: "menu" }, state), [], [{ type: "exportMyData" }]);
    case "language":
    case "appeal":
      return null;
  }
}
