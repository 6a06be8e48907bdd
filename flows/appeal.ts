/**
 * Appeals (تظلم) against a rejection, within the profile's period: the
 * reason in words, optional files, a summary to confirm, then an appeal
 * ticket (its own kind, tied to the application) and an alert to the
 * committee, who decide it through the same decision path as applications.
 */
import { parseAttachment } from "./form";
import { matchOption } from "./choices";
import { detectInfoIntent } from "./intents";
import type { Command } from "./keywords";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, keepDraft } from "./session";
import { sanitizeFreeText } from "./validate";
import type { ApplicationSummary, FlowContext, FlowInput, Reply, SessionState, StepResult, Text } from "./types";

type AppealState = Extract<SessionState, { flow: "appeal" }>;

const ref = (reference: string): Text => ({ ltr: reference });

function programName(app: ApplicationSummary, ctx: FlowContext): Text | string {
  const program = ctx.profile.programs.find((p) => p.id === app.programId);
  return program ? { localized: program.name } : app.programId;
}

/** The question of the appeal in hand. */
export function appealPrompt(state: AppealState, ctx: FlowContext, lead: Text[] = []): Reply {
  switch (state.step) {
    case "pick": {
      const rejected = ctx.applications.filter((a) => a.status === "rejected");
      return withChoices(
        reply(...lead, t("appeal:pick")),
        rejected.map((a) => choice(`appeal:${a.reference}`, t("appeal:pickLine", { reference: ref(a.reference), program: programName(a, ctx) }))),
      );
    }
    case "reason":
      return withChoices(reply(...lead, t("appeal:askReason", { reference: ref(state.reference ?? "-") })), [choice("cancel", t("appeal:cancel"))]);
    case "files": {
      const count = state.files?.length ?? 0;
      return withChoices(reply(...lead, t(count > 0 ? "appeal:moreFiles" : "appeal:askFiles", { count })), [
        choice("done", t(count > 0 ? "appeal:filesDone" : "appeal:noFiles")),
        choice("cancel", t("appeal:cancel")),
      ]);
    }
    case "confirm":
      return withChoices(
        reply(
          ...lead,
          t("appeal:summary", {
            reference: ref(state.reference ?? "-"),
            reason: { literal: state.reason ?? "-" },
            files: state.files?.length ? { list: state.files.map((f) => ({ ltr: f.fileName ?? f.mimeType ?? "file" })) } : "-",
            count: state.files?.length ?? 0,
          }),
          t("appeal:confirm"),
        ),
        [choice("send", t("appeal:send")), choice("edit", t("appeal:editReason")), choice("cancel", t("appeal:cancel"))],
      );
  }
}

/** Why an appeal on `app` cannot be made in the chat now, or null. */
function cannotAppeal(app: ApplicationSummary, ctx: FlowContext): Text[] | null {
  const existing = ctx.tickets.find((tk) => tk.kind === "appeal" && tk.applicationReference === app.reference);
  if (existing) {
    const status = existing.decision ? t(`appeal:decision.${existing.decision}`) : t(`appeal:ticketStatus.${existing.status}`);
    return [t("appeal:already", { reference: ref(existing.reference), application: ref(app.reference), status })];
  }
  const days = ctx.profile.appealDays;
  const decided = Date.parse(app.decidedAt ?? app.updatedAt);
  if (days === 0 || ctx.now.getTime() - decided > days * 86_400_000) {
    return [t(days === 0 ? "appeal:notInChat" : "appeal:periodOver", { days, reference: ref(app.reference) }), t("decision:reconsideration", { how: { localized: ctx.profile.reconsideration } })];
  }
  return null;
}

/** Starts an appeal: on `reference`, or the one rejected application, or a choice among several. */
export function startAppeal(state: SessionState, ctx: FlowContext, reference?: string): StepResult {
  const rejected = ctx.applications.filter((a) => a.status === "rejected");
  const app = reference ? rejected.find((a) => a.reference === reference) : rejected.length === 1 ? rejected[0] : undefined;
  if (reference && !app) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("appeal:notRejected", { reference: ref(reference) })])]);
  if (!app) {
    if (rejected.length === 0) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("appeal:noRejected")])]);
    const s = keepDraft({ flow: "appeal", reference: null, step: "pick" }, state) as AppealState;
    return done(s, [appealPrompt(s, ctx)]);
  }
  const refused = cannotAppeal(app, ctx);
  if (refused) return done(keepDraft({ flow: "menu" }, state), [menuReply(refused)]);
  const s = keepDraft({ flow: "appeal", reference: app.reference, step: "reason" }, state) as AppealState;
  return done(s, [appealPrompt(s, ctx, [t("appeal:intro", { reference: ref(app.reference), program: programName(app, ctx) })])]);
}

export function appealStep(state: AppealState, input: FlowInput, command: Command | null, ctx: FlowContext): StepResult {
  const cancel = (): StepResult => done(keepDraft({ flow: "menu" }, state), [menuReply([t("appeal:cancelled")])]);
  if (command?.type === "cancel") return cancel();
  if (state.step === "pick") {
    const picked = matchOption(input, ctx.applications.filter((a) => a.status === "rejected").map((a) => ({ value: `appeal:${a.reference}`, words: [a.reference] })));
    if (!picked) return done(state, [appealPrompt(state, ctx, [t("apply:pickFromList")])]);
    return startAppeal(state, ctx, picked.slice(7));
  }
  // In the order the buttons are shown, so that a number picks the button it is next to.
  const cancelOption = { value: "cancel", words: ["الغاء", "الغاء التظلم", "cancel", "cancel the appeal"] };
  const options =
    state.step === "files"
      ? [{ value: "done", words: ["لا", "لايوجد", "ما عندي", "بدون", "بدون مرفقات", "انتهيت", "no", "none", "done", "no attachments", "خلاص", "تم"] }, cancelOption]
      : state.step === "confirm"
        ? [
            { value: "send", words: ["ارسل", "ارسال", "نعم", "نعم ارسل التظلم", "send", "yes"] },
            { value: "edit", words: ["تعديل", "عدل", "تعديل السبب", "edit", "edit the reason"] },
            cancelOption,
          ]
        : [cancelOption];
  const picked = matchOption(input, options);
  if (picked === "cancel") return cancel();
  if (command?.type === "back") {
    const back: AppealState["step"] = state.step === "confirm" ? "files" : "reason";
    const s: AppealState = { ...state, step: back };
    return done(s, [appealPrompt(s, ctx)]);
  }
  if (state.step === "confirm") {
    if (picked === "send") {
      return done(keepDraft({ flow: "menu" }, state), [], [
        { type: "createTicket", kind: "appeal", body: state.reason ?? null, attachments: state.files ?? [], applicationReference: state.reference! },
      ]);
    }
    if (picked === "edit") {
      const s: AppealState = { ...state, step: "reason" };
      return done(s, [appealPrompt(s, ctx)]);
    }
  }
  if (input.kind === "media") {
    if (input.mediaType === "voice" || input.mediaType === "audio") return done(state, [appealPrompt(state, ctx, [t("common:voiceNote")])]);
    const file = parseAttachment(input, ctx);
    if (!file.ok || file.answer.type !== "attachment") {
      return done(state, [appealPrompt(state, ctx, [t(`validation:${file.ok ? "attachment_type" : file.error}`, file.ok ? undefined : file.params)])]);
    }
    const caption = input.caption ? sanitizeFreeText(input.caption, 2000) : "";
    const reason = state.reason ?? (caption.length >= 2 ? caption : undefined);
    const s: AppealState = { ...state, files: [...(state.files ?? []), file.answer], ...(reason ? { reason } : {}), step: reason ? "files" : "reason" };
    return done(s, [appealPrompt(s, ctx, [t("appeal:fileKept")])]);
  }
  // «تخطي», "skip", «لا يوجد»: no files to add.
  if (state.step === "files" && (picked === "done" || command?.type === "skip" || (input.kind === "text" && detectInfoIntent(input.text) === "done"))) {
    const s: AppealState = { ...state, step: "confirm" };
    return done(s, [appealPrompt(s, ctx)]);
  }
  if (input.kind === "text" && (state.step === "reason" || state.step === "files")) {
    const text = sanitizeFreeText(input.text, 2000);
    if (text.length < 5) return done(state, [appealPrompt(state, ctx, [t("appeal:moreDetail")])]);
    const reason = state.step === "files" && state.reason ? `${state.reason}\n${text}` : text;
    const s: AppealState = { ...state, reason, step: "files" };
    return done(s, [appealPrompt(s, ctx)]);
  }
  return done(state, [appealPrompt(state, ctx, [t("apply:pickFromList")])]);
}

/** The appeal was recorded: its reference, who decides and when; the committee is alerted. */
export function appealFiled(state: SessionState, reference: string, application: string | null, body: string | null, ctx: FlowContext): StepResult {
  return done(
    state,
    [
      menuReply([
        t("appeal:received", {
          reference: ref(reference),
          application: ref(application ?? "-"),
          committee: { localized: ctx.profile.committee.name },
        }),
      ]),
    ],
    [{ type: "alertStaff", text: t("staff:appeal", { reference: ref(reference), application: ref(application ?? "-"), text: body ?? "-", channel: ctx.channel }) }],
  );
}
