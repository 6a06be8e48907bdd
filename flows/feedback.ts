/**
 * Complaints and suggestions: the beneficiary's right, with a ticket number
 * and a staff alert. A complaint can start with a photo or document: it is
 * kept and attached to the complaint the conversation then collects, never
 * filed alone. A report of misconduct (bribery, abuse by staff) is a
 * confidential complaint routed to the role the profile names for it.
 */
import { parseAttachment } from "./form";
import { matchOption } from "./choices";
import { detectFollowUp, detectMisconduct } from "./intents";
import { looksLikeQuestion, type Command } from "./keywords";
import { detectSmallTalk } from "./faq/smalltalk";
import { detectIntent } from "./understand/intents";
import { followUp } from "./status";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, keepDraft } from "./session";
import { sanitizeFreeText } from "./validate";
import type { AttachmentAnswer, FlowContext, FlowInput, Reply, SessionState, StepResult, Text } from "./types";

type FeedbackState = Extract<SessionState, { flow: "feedback" }>;

/** A message with this many words or more says what the complaint or suggestion is. */
const DESCRIBED_WORDS = 6;
const wordCount = (text: string): number => text.split(/\s+/).length;

const kindChoices = () => [choice("complaint", t("feedback:complaint")), choice("suggestion", t("feedback:suggestion"))];

/** The question of the feedback flow in hand. */
export function feedbackPrompt(state: FeedbackState, lead: Text[] = []): Reply {
  const files = state.attachments?.length ?? 0;
  if (state.step === "kind") return withChoices(reply(...lead, t(files > 0 ? "feedback:fileFirst" : "feedback:intro")), kindChoices());
  if (state.confidential) return reply(...lead, t("feedback:confidentialAsk"));
  const kind = state.kind ?? "complaint";
  return reply(...lead, t(files > 0 ? `feedback:askAfterFile.${kind}` : `feedback:ask.${kind}`));
}

/** The menu item, or a file sent first (kept for the complaint that follows). */
export function startFeedback(state: SessionState, attachments: AttachmentAnswer[] = []): StepResult {
  const s = keepDraft({ flow: "feedback", step: "kind", ...(attachments.length ? { attachments } : {}) }, state) as FeedbackState;
  return done(s, [feedbackPrompt(s)]);
}

/** The role a report of misconduct goes to. */
function misconductRole(ctx: FlowContext): string {
  return ctx.profile.misconductRole ?? ctx.profile.escalationRole;
}

/**
 * A report of misconduct: taken seriously and confidentially, never answered
 * with small talk. A detailed message is filed as it is; a short one is asked
 * for the details first.
 */
export function startMisconductReport(state: SessionState, text: string, ctx: FlowContext): StepResult {
  const body = sanitizeFreeText(text, 4000);
  if (wordCount(body) >= DESCRIBED_WORDS) return fileTicket(keepDraft({ flow: "menu" }, state), "complaint", body, [], ctx, true);
  const s = keepDraft({ flow: "feedback", step: "text", kind: "complaint", confidential: true }, state) as FeedbackState;
  return done(s, [feedbackPrompt(s, [t("feedback:confidentialIntro")])]);
}

function fileTicket(next: SessionState, kind: "complaint" | "suggestion", body: string | null, attachments: AttachmentAnswer[], ctx: FlowContext, confidential = false): StepResult {
  return done(next, [], [
    {
      type: "createTicket",
      kind,
      body,
      ...(attachments.length ? { attachments } : {}),
      ...(confidential ? { confidential: true, role: misconductRole(ctx) } : {}),
    },
  ]);
}

export function feedback(state: FeedbackState, input: FlowInput, command: Command | null, ctx: FlowContext): StepResult {
  if (command?.type === "back" && state.step === "text" && !state.confidential) return done({ ...state, step: "kind" }, [feedbackPrompt({ ...state, step: "kind" })]);
  if (command?.type === "back" || command?.type === "cancel") {
    return done(keepDraft({ flow: "menu" }, state), [menuReply([t("feedback:nothingSent")])]);
  }
  const files = state.attachments ?? [];
  // A photo or document: kept for the complaint; with a caption in the text step it completes it.
  if (input.kind === "media") {
    if (input.mediaType === "voice" || input.mediaType === "audio") return done(state, [feedbackPrompt(state, [t("common:voiceNote")])]);
    const attachment = parseAttachment(input, ctx);
    if (!attachment.ok || attachment.answer.type !== "attachment") {
      return done(state, [feedbackPrompt(state, [t(`validation:${attachment.ok ? "attachment_type" : attachment.error}`, attachment.ok ? undefined : attachment.params)])]);
    }
    const kept = [...files, attachment.answer];
    const caption = input.caption ? sanitizeFreeText(input.caption, 4000) : "";
    if (state.step === "text" && caption.length >= 2) {
      return fileTicket(keepDraft({ flow: "menu" }, state), state.kind ?? "complaint", caption, kept, ctx, state.confidential || detectMisconduct(caption));
    }
    const s: FeedbackState = { ...state, attachments: kept };
    return done(s, [feedbackPrompt(s, [t("feedback:fileKept", { count: kept.length })])]);
  }
  if (state.step === "kind") {
    const picked = matchOption(
      input,
      [
        { value: "complaint", words: ["شكوى", "شكوي", "شكوه", "اشتكي", "ابي اشتكي", "بلاغ", "complaint", "complain", "شکایت"] },
        { value: "suggestion", words: ["اقتراح", "مقترح", "اقترح", "suggestion", "suggest", "idea", "تجویز"] },
      ],
      { loose: true },
    );
    if (!picked) {
      if (input.kind === "text" && detectMisconduct(input.text)) return startMisconductReport(state, input.text, ctx);
      if (input.kind === "text") {
        const text = sanitizeFreeText(input.text, 4000);
        const small = detectSmallTalk(text);
        if (small === "thanks" || small === "ack") return done(state, [feedbackPrompt(state, [t(small === "thanks" ? "common:welcomeShort" : "common:ackShort")])]);
        // The complaint (or suggestion) itself, written instead of choosing: it is what they came to send.
        if (wordCount(text) >= DESCRIBED_WORDS && !looksLikeQuestion(text)) {
          const kind = detectIntent(text)?.type === "suggestion" ? "suggestion" : "complaint";
          return fileTicket(keepDraft({ flow: "menu" }, state), kind, text, files, ctx, false);
        }
      }
      return done(state, [feedbackPrompt(state, [t("apply:pickFromList")])]);
    }
    const s: FeedbackState = { ...state, step: "text", kind: picked as "complaint" | "suggestion" };
    return done(s, [feedbackPrompt(s)]);
  }
  const kind = state.kind ?? "complaint";
  if (input.kind === "text") {
    const body = sanitizeFreeText(input.text, 4000);
    if (body.length < 2) return done(state, [reply(t("feedback:tooShort"))]);
    // «شكوى» again (the word, not the complaint): asked for what happened.
    const words = wordCount(body);
    if (words <= 3 && detectIntent(body)?.type === kind) return done(state, [feedbackPrompt(state)]);
    // "Where is my complaint?" or a short question is not the complaint: followed up, or asked for again.
    const asked = detectFollowUp(body);
    if (asked) return followUp(keepDraft({ flow: "menu" }, state), asked, ctx);
    if (looksLikeQuestion(body) && words < DESCRIBED_WORDS) return done(state, [feedbackPrompt(state, [t("feedback:questionNotSent")])]);
    const confidential = state.confidential === true || (kind === "complaint" && detectMisconduct(body));
    return fileTicket(keepDraft({ flow: "menu" }, state), kind, body, files, ctx, confidential);
  }
  return done(state, [feedbackPrompt(state, [t("common:notExpected")])]);
}

/** A complaint or suggestion was filed: its number, the assurance, and a staff alert (a confidential one without its text). */
export function feedbackFiled(
  state: SessionState,
  kind: "complaint" | "suggestion",
  reference: string,
  body: string | null,
  ctx: FlowContext,
  confidential = false,
): StepResult {
  const ref = { ltr: reference };
  if (confidential) {
    const role = ctx.profile.staffRoles.find((r) => r.id === misconductRole(ctx))!;
    return done(state, [menuReply([t("feedback:received.confidential", { reference: ref, role: { localized: role.title } }), t("feedback:yourRight")])], [
      { type: "alertStaff", text: t("staff:confidentialReport", { reference: ref, role: { localized: role.title }, channel: ctx.channel }) },
    ]);
  }
  return done(state, [menuReply([t(`feedback:received.${kind}`, { reference: ref }), t("feedback:yourRight")])], [
    { type: "alertStaff", text: t(`staff:${kind}`, { reference: ref, channel: ctx.channel, text: body ?? "-" }) },
  ]);
}
