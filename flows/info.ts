/**
 * Answering the committee's request for more information about an
 * application. Nothing is taken blindly: texts and files are collected as
 * parts (several, in any order), a greeting or a question is answered as
 * itself with the request recalled, "what exactly is needed / by when" shows
 * the request, "I can't provide it" goes to staff as a note, and the parts
 * go to the committee only after the beneficiary confirms a summary of them.
 */
import { parseAttachment } from "./form";
import { matchOption } from "./choices";
import { detectSmallTalk } from "./faq/smalltalk";
import { detectInfoIntent } from "./intents";
import { looksLikeQuestion } from "./keywords";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { done, keepDraft } from "./session";
import { sanitizeFreeText } from "./validate";
import type { ApplicationSummary, FlowContext, FlowInput, InfoPart, Reply, SessionState, StepResult, Text } from "./types";

type InfoState = Extract<SessionState, { flow: "info" }>;

/** The contact's applications waiting for information from them, newest first. */
export function pendingRequests(ctx: FlowContext): ApplicationSummary[] {
  return ctx.applications.filter((a) => a.status === "needs_info");
}

const ref = (reference: string): Text => ({ ltr: reference });

/** What the committee asked for, and by when. */
export function requestText(app: ApplicationSummary): Text[] {
  const parts: Text[] = [t("decision:infoRequested", { reference: ref(app.reference), note: app.infoRequest ?? "-" })];
  if (app.infoDueAt) parts.push(t("decision:infoDue", { date: { date: app.infoDueAt } }));
  return parts;
}

/** One line reminding of a pending request, added after handling something else. */
export function recallText(app: ApplicationSummary): Text {
  return t("decision:infoRecall", { reference: ref(app.reference), note: app.infoRequest ?? "-" });
}

const collectChoices = (parts: readonly InfoPart[]) => [
  ...(parts.length > 0 ? [choice("review", t("decision:infoReview"))] : []),
  choice("needed", t("decision:infoWhatNeeded")),
  choice("cannot", t("decision:infoCannot")),
  choice("later", t("decision:infoLater")),
];

/** The collection's choices by number, button or words (the labels as they read). */
const COLLECT_OPTIONS = (parts: readonly InfoPart[]) => [
  ...(parts.length > 0 ? [{ value: "review", words: ["مراجعة وإرسال", "مراجعه", "مراجعة", "review and send", "review", "جائزہ لیں اور بھیجیں"] }] : []),
  { value: "needed", words: ["ما المطلوب بالضبط", "ما المطلوب", "what exactly is needed", "بالکل کیا درکار ہے"] },
  { value: "cannot", words: ["لا أستطيع توفيره", "لا استطيع", "i can't provide it", "میں فراہم نہیں کر سکتا"] },
  { value: "later", words: ["لاحقا", "لاحقاً", "بعدين", "later", "not now", "بعد میں"] },
];

function parts(state: InfoState): InfoPart[] {
  return state.parts ?? [];
}

function collectPrompt(state: InfoState, app: ApplicationSummary, lead: Text[]): Reply {
  const p = parts(state);
  const body: Text[] =
    p.length === 0
      ? [...lead, ...requestText(app), t("decision:infoHowParts")]
      : [...lead, t("decision:infoSoFar", { count: p.length, reference: ref(app.reference) }), t("decision:infoMoreOrReview")];
  return withChoices(reply(...body), collectChoices(p));
}

function partLine(p: InfoPart, i: number): Text {
  return p.type === "text"
    ? t("decision:infoPartText", { n: i + 1, text: { literal: p.text.length > 300 ? `${p.text.slice(0, 300)}…` : p.text } })
    : t("decision:infoPartFile", { n: i + 1, name: { ltr: p.file.fileName ?? p.file.mimeType ?? "file" } });
}

function summary(state: InfoState, lead: Text[] = []): Reply {
  return withChoices(
    { ...reply(...lead, t("decision:infoSummary", { reference: ref(state.reference) }), { list: parts(state).map(partLine), lines: true }, t("decision:infoConfirm")), sensitive: true },
    [choice("send", t("decision:infoSend")), choice("more", t("decision:infoAddMore")), choice("later", t("decision:infoLater"))],
  );
}

function cannotPrompt(state: InfoState, lead: Text[] = []): Reply {
  return withChoices(reply(...lead, t("decision:infoCannotAsk", { reference: ref(state.reference) })), [
    choice("notify", t("decision:infoCannotNotify")),
    choice("back", t("decision:infoCannotBack")),
  ]);
}

/** The question of the info flow in hand (asked again after a command such as a language). */
export function infoPrompt(state: InfoState, ctx: FlowContext, lead: Text[] = []): Reply {
  const app = pendingRequests(ctx).find((a) => a.reference === state.reference);
  if (!app) return menuReply(lead);
  switch (state.step ?? "collect") {
    case "confirm":
      return summary(state, lead);
    case "cannot":
      return cannotPrompt(state, lead);
    case "confirmText":
      return withChoices(reply(...lead, t("decision:infoQuestionAdd")), [choice("yes", t("decision:infoAddIt")), choice("no", t("decision:infoDontAdd"))]);
    default:
      return collectPrompt(state, app, lead);
  }
}

/**
 * Starts (or resumes) answering the request on `reference`, with parts held
 * from before, and `first` (the file or text that started it) added.
 */
export function startInfo(state: SessionState, reference: string, ctx: FlowContext, first?: InfoPart): StepResult {
  const app = pendingRequests(ctx).find((a) => a.reference === reference);
  if (!app) return done(keepDraft({ flow: "menu" }, state), [menuReply([t("decision:infoNotExpected", { reference: ref(reference) })])]);
  const held = state.flow !== "new" && state.heldInfo?.reference === reference ? state.heldInfo.parts : state.flow === "info" && state.reference === reference ? parts(state) : [];
  const base = keepDraft({ flow: "info", reference, step: "collect", parts: held }, state) as InfoState;
  const s: InfoState = { ...base, step: "collect", parts: first ? [...held, first] : held };
  if (first) return done(s, [added(s, app)]);
  return done(s, [collectPrompt(s, app, held.length > 0 ? [t("decision:infoResumed", { count: held.length })] : [])]);
}

function added(state: InfoState, app: ApplicationSummary): Reply {
  const p = parts(state);
  const last = p[p.length - 1]!;
  const what = last.type === "file" ? t("decision:infoAddedFile", { name: { ltr: last.file.fileName ?? last.file.mimeType ?? "file" } }) : t("decision:infoAddedText");
  return collectPrompt(state, app, [what]);
}

function leave(state: InfoState, lead: Text[]): StepResult {
  return done(keepDraft({ flow: "menu" }, state), [menuReply(lead)]);
}

/** From the menu: a message that may be meant for the committee's request, asked before it is added. */
export function offerAsInfo(state: SessionState, app: ApplicationSummary, text: string): StepResult {
  const base = keepDraft({ flow: "info", reference: app.reference, step: "confirmText", pendingText: text }, state) as InfoState;
  const held = state.flow !== "new" && state.heldInfo?.reference === app.reference ? state.heldInfo.parts : [];
  return done({ ...base, parts: held }, [
    withChoices(reply(t("decision:infoIsThisFor", { reference: ref(app.reference), note: app.infoRequest ?? "-" })), [
      choice("yes", t("decision:infoAddIt")),
      choice("no", t("decision:infoDontAdd")),
    ]),
  ]);
}

/** One message in the info flow; null when the request no longer stands (the menu answers it). */
export function provideInfo(state: InfoState, input: FlowInput, ctx: FlowContext): StepResult | null {
  const app = pendingRequests(ctx).find((a) => a.reference === state.reference);
  if (!app) return null;
  const step = state.step ?? "collect";
  const text = input.kind === "text" ? sanitizeFreeText(input.text, 4000) : null;

  if (step === "confirm") {
    const picked = matchOption(input, [
      { value: "send", words: ["ارسل", "ارسال", "نعم", "ايوه", "تمام", "send", "yes", "confirm", "بھیجیں"] },
      { value: "more", words: ["اضافه", "اضف", "ابي اضيف", "add", "more", "add more"] },
      { value: "later", words: ["لاحقا", "بعدين", "later"] },
    ]);
    if (picked === "send") return done(state, [], [{ type: "provideInfo", reference: state.reference, parts: parts(state) }]);
    if (picked === "more") return done({ ...state, step: "collect" }, [collectPrompt(state, app, [t("decision:infoAddMoreAsk")])]);
    if (picked === "later") return leave(state, [t("decision:infoKept", { reference: ref(state.reference) })]);
    // Anything else sent at the summary is one more part, shown back with the rest.
    const part = partOf(input, ctx);
    if (part && "part" in part) {
      const s: InfoState = { ...state, parts: [...parts(state), part.part] };
      return done(s, [summary(s, [t("decision:infoAddedText")])]);
    }
    return done(state, [summary(state, [t("apply:pickFromList")])]);
  }

  if (step === "cannot") {
    const picked = matchOption(input, [
      { value: "notify", words: ["ابلغ", "بلغ", "ارسل", "نعم", "تمام", "notify", "yes", "send", "tell them"] },
      { value: "back", words: ["رجوع", "لا", "سارسله", "back", "no"] },
    ]);
    if (picked === "back") return done({ ...state, step: "collect" }, [collectPrompt(state, app, [])]);
    if (picked === "notify") return done(state, [], [{ type: "infoUnavailable", reference: state.reference, reason: null }]);
    if (text && text.length >= 2) return done(state, [], [{ type: "infoUnavailable", reference: state.reference, reason: text }]);
    return done(state, [cannotPrompt(state, [t("apply:pickFromList")])]);
  }

  if (step === "confirmText") {
    const picked = matchOption(input, [
      { value: "yes", words: ["نعم", "ايوه", "اي", "yes", "add it", "اضفه"] },
      { value: "no", words: ["لا", "no"] },
    ]);
    if (picked === "yes" && state.pendingText) {
      const s: InfoState = { ...state, step: "collect", parts: [...parts(state), { type: "text", text: state.pendingText }] };
      delete s.pendingText;
      return done(s, [added(s, app)]);
    }
    if (picked === "no") {
      const s: InfoState = { ...state, step: "collect" };
      delete s.pendingText;
      // Nothing collected yet: the message was about something else; the menu takes it from here.
      if (parts(s).length === 0) return leave(s, [t("decision:infoNotAdded"), recallText(app)]);
      return done(s, [collectPrompt(s, app, [t("decision:infoNotAdded")])]);
    }
    // Not a yes or no: handled as a new message of the collection.
    const s: InfoState = { ...state, step: "collect" };
    delete s.pendingText;
    return provideInfo(s, input, ctx);
  }

  // Collecting.
  const picked = matchOption(input, COLLECT_OPTIONS(parts(state)));
  const intent = text ? detectInfoIntent(text) : null;
  if (picked === "review" || intent === "done") {
    if (parts(state).length === 0) return done(state, [collectPrompt(state, app, [t("decision:infoNothingYet")])]);
    return done({ ...state, step: "confirm" }, [summary(state)]);
  }
  if (picked === "needed" || intent === "whatNeeded") return done(state, [collectPrompt(state, app, requestText(app))]);
  if (picked === "cannot" || intent === "cannot") return done({ ...state, step: "cannot" }, [cannotPrompt(state)]);
  if (picked === "later") return leave(state, [t("decision:infoKept", { reference: ref(state.reference) })]);

  if (text !== null) {
    const small = detectSmallTalk(text);
    if (small) {
      const lead = small === "salam" ? t("common:salamReply") : small === "greeting" ? t("common:greetingReply") : small === "thanks" ? t("common:welcomeShort") : t("common:ackShort");
      return done(state, [collectPrompt(state, app, [lead])]);
    }
    if (looksLikeQuestion(text)) {
      const faq = ctx.faq(text, ctx.locale).accepted;
      const entry = faq ? ctx.profile.faqs.find((f) => f.id === faq.id) : undefined;
      if (entry) return done(state, [collectPrompt(state, app, [{ localized: entry.answer }, t("decision:infoBackTo")])]);
      // A question may be meant for the committee, or not: asked before it is added.
      return done({ ...state, step: "confirmText", pendingText: text }, [
        withChoices(reply(t("decision:infoQuestionAdd")), [choice("yes", t("decision:infoAddIt")), choice("no", t("decision:infoDontAdd"))]),
      ]);
    }
  }
  const part = partOf(input, ctx);
  if (!part) return done(state, [collectPrompt(state, app, [t("common:voiceNote")])]);
  if ("error" in part) return done(state, [collectPrompt(state, app, [part.error])]);
  const s: InfoState = { ...state, parts: [...parts(state), part.part, ...(part.caption ? [part.caption] : [])] };
  return done(s, [added(s, app)]);
}

/** The part a message adds: a text, or a file (with its caption as a text part); an error to show; null for a voice note. */
function partOf(input: FlowInput, ctx: FlowContext): { part: InfoPart; caption?: InfoPart } | { error: Text } | null {
  if (input.kind === "text") {
    const text = sanitizeFreeText(input.text, 4000);
    return text.length >= 2 ? { part: { type: "text", text } } : { error: t("feedback:tooShort") };
  }
  if (input.kind === "media") {
    if (input.mediaType === "voice" || input.mediaType === "audio") return null;
    const file = parseAttachment(input, ctx);
    if (!file.ok) return { error: t(`validation:${file.error}`, file.params) };
    if (file.answer.type !== "attachment") return null;
    const caption = input.caption ? sanitizeFreeText(input.caption, 4000) : "";
    return { part: { type: "file", file: file.answer }, ...(caption ? { caption: { type: "text", text: caption } } : {}) };
  }
  if (input.kind === "location") return { part: { type: "text", text: `📍 ${input.latitude},${input.longitude}` } };
  if (input.kind === "contact") return { part: { type: "text", text: `📞 ${input.phone}` } };
  return { error: t("apply:pickFromList") };
}
