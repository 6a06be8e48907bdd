/**
 * Applying for a program, field by field: privacy notice and consent first,
 * each answer validated with a reply that says what is wrong and how to fix
 * it, "back", "skip", "cancel" (confirmed), a summary where any field can be
 * edited, the attestation and the program's terms, then submission.
 */
import { decisionPeriod } from "./calendar/text";
import type { ProgramSpec } from "../orgs/schema";
import { answerText, formFields, parseAnswer, readYesNo, type FormField } from "./form";
import { matchOption } from "./choices";
import { sanitizeFreeText } from "./validate";
import { stem, tokenize } from "./faq/normalize";
import { detectCommand, looksLikeQuestion } from "./keywords";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import type {
  ApplicationDraft,
  ApplyStep,
  Effect,
  FlowContext,
  FlowInput,
  Reply,
  SessionState,
  StepResult,
  Text,
} from "./types";

type ApplyState = Extract<SessionState, { flow: "apply" }>;

const iso = (ctx: FlowContext): string => ctx.now.toISOString();

const yesNoChoices = (yes = "common:yes", no = "common:no") => [choice("yes", t(yes)), choice("no", t(no))];

function openPrograms(ctx: FlowContext): ProgramSpec[] {
  return ctx.profile.programs.filter((p) => p.open);
}

function programOf(ctx: FlowContext, draft: ApplicationDraft | null): ProgramSpec | undefined {
  return draft ? ctx.profile.programs.find((p) => p.id === draft.programId) : undefined;
}

function at(state: ApplyState, step: ApplyStep, draft = state.draft): ApplyState {
  return { flow: "apply", step, draft };
}

const done = (state: SessionState, replies: Reply[], effects: Effect[] = []): StepResult => ({ state, replies, effects });

/**
 * The one open program that a sentence names ("ابي اقدم على وايت" names the
 * water-truck program): a word of its name, or a synonym of one from the
 * profile, that no other open program's name has.
 */
const stems = (s: string) => new Set(tokenize(s).map(stem).filter((w) => w.length >= 3));
/** The profile's words, stemmed once (a profile never changes while it is loaded). */
const synonymStems = new WeakMap<readonly (readonly string[])[], string[][]>();
const programStems = new WeakMap<ProgramSpec, Set<string>>();

export function programNamedIn(text: string, ctx: FlowContext): ProgramSpec | null {
  const programs = openPrograms(ctx);
  const typed = stems(text);
  let groups = synonymStems.get(ctx.profile.synonyms);
  if (!groups) synonymStems.set(ctx.profile.synonyms, (groups = ctx.profile.synonyms.map((group) => group.flatMap((g) => [...stems(g)]))));
  for (const forms of groups) {
    if (forms.some((f) => typed.has(f))) forms.forEach((f) => typed.add(f));
  }
  const words = programs.map((p) => {
    let w = programStems.get(p);
    if (!w) programStems.set(p, (w = stems(Object.values(p.name).join(" "))));
    return w;
  });
  const hits = programs.filter((_, i) =>
    [...words[i]!].some((w) => typed.has(w) && words.every((other, j) => j === i || !other.has(w))),
  );
  return hits.length === 1 ? hits[0]! : null;
}

/** Entry from the menu: resume a draft, or choose a program (the one the sentence names, if any). */
export function startApply(ctx: FlowContext, draft: ApplicationDraft | undefined, text?: string): StepResult {
  if (draft && programOf(ctx, draft)) {
    const state: ApplyState = { flow: "apply", step: { name: "resume" }, draft };
    return done(state, [prompt(state, ctx)]);
  }
  const programs = openPrograms(ctx);
  if (programs.length === 0) return done({ flow: "menu" }, [menuReply([t("apply:noPrograms")])]);
  if (programs.length === 1) return choose(programs[0]!, ctx);
  const named = text ? programNamedIn(text, ctx) : null;
  if (named) return choose(named, ctx);
  const state: ApplyState = { flow: "apply", step: { name: "program" }, draft: null };
  return done(state, [prompt(state, ctx)]);
}

function choose(program: ProgramSpec, ctx: FlowContext): StepResult {
  const state: ApplyState = { flow: "apply", step: { name: "privacy", programId: program.id }, draft: null };
  return done(state, [prompt(state, ctx)]);
}

/** The question for the current step, used first and whenever it must be asked again. */
export function prompt(state: ApplyState, ctx: FlowContext, lead: Text[] = []): Reply {
  const step = state.step;
  const draft = state.draft;
  switch (step.name) {
    case "program": {
      const programs = openPrograms(ctx);
      return withChoices(
        reply(...lead, t("apply:chooseProgram")),
        programs.map((p) => choice(`program:${p.id}`, { localized: p.name })),
      );
    }
    case "privacy": {
      const program = ctx.profile.programs.find((p) => p.id === step.programId)!;
      return withChoices(
        reply(
          ...lead,
          t("apply:programIntro", { program: { localized: program.name } }),
          { localized: program.description },
          t("apply:eligibility", { text: { localized: program.eligibility } }),
          t("apply:privacyIntro"),
          { localized: ctx.profile.privacyNotice },
          t("apply:privacyQuestion"),
        ),
        yesNoChoices("apply:privacyAccept", "apply:privacyDecline"),
      );
    }
    case "resume": {
      const program = programOf(ctx, draft)!;
      return withChoices(
        reply(...lead, t("apply:resumePrompt", { program: { localized: program.name }, date: { date: draft!.startedAt } })),
        [choice("continue", t("apply:resumeContinue")), choice("restart", t("apply:resumeRestart")), choice("menu", t("apply:resumeMenu"))],
      );
    }
    case "field":
      return askField(state, step.fieldId, ctx, lead);
    case "confirmPhone":
      return withChoices(reply(...lead, t("apply:confirmPhone", { phone: { ltr: step.phone } })), yesNoChoices());
    case "sensitiveConsent": {
      const field = fieldById(ctx, draft!, step.fieldId)!;
      return withChoices(
        reply(...lead, t("apply:sensitiveConsent", { label: field.label })),
        [choice("yes", t("apply:sensitiveAccept")), choice("no", t("apply:sensitiveDecline"))],
      );
    }
    case "summary":
      return withChoices({ ...reply(...lead, summaryText(draft!, ctx)), sensitive: true }, [
        choice("submit", t("apply:summarySubmit")),
        choice("edit", t("apply:summaryEdit")),
        choice("cancel", t("apply:summaryCancel")),
      ]);
    case "editChoose": {
      const fields = formFields(programOf(ctx, draft)!);
      return withChoices(
        reply(...lead, t("apply:editWhich")),
        fields.map((f) => choice(`field:${f.id}`, f.label)),
      );
    }
    case "attest":
      return withChoices(reply(...lead, t("apply:attest")), yesNoChoices("apply:attestYes", "apply:attestNo"));
    case "terms": {
      const program = programOf(ctx, draft)!;
      return withChoices(
        reply(...lead, t("apply:termsIntro", { program: { localized: program.name } }), { localized: program.terms }, t("apply:termsQuestion")),
        yesNoChoices("apply:termsAccept", "apply:termsDecline"),
      );
    }
    case "confirmCancel":
      return withChoices(reply(...lead, t("apply:cancelConfirm")), yesNoChoices("apply:cancelYes", "apply:cancelNo"));
    case "submitting":
    case "checkingId":
      return reply(...lead, t("apply:pleaseWait"));
  }
}

function fieldById(ctx: FlowContext, draft: ApplicationDraft, id: string): FormField | undefined {
  const program = programOf(ctx, draft);
  return program ? formFields(program).find((f) => f.id === id) : undefined;
}

function askField(state: ApplyState, fieldId: string, ctx: FlowContext, lead: Text[]): Reply {
  const draft = state.draft!;
  const fields = formFields(programOf(ctx, draft)!);
  const index = fields.findIndex((f) => f.id === fieldId);
  const field = fields[index]!;
  const parts: Text[] = [
    ...lead,
    t("apply:ask", { n: index + 1, total: fields.length, label: field.label }),
  ];
  if (field.hint) parts.push(field.hint);
  else parts.push(t(`apply:typeHint.${field.type}`));
  if (!field.required) parts.push(t("apply:optionalNote"));
  // How to go back or cancel: on the first question, and whenever a question is asked again.
  if (state.step.name === "field" && state.step.editing) parts.push(t("apply:editingNote"));
  else if (index === 0 || lead.length > 0) parts.push(t("apply:navNote"));
  const r = reply(...parts);
  if (field.type === "choice") return withChoices(r, (field.options ?? []).map((o) => choice(o.value, { localized: o.label })));
  if (field.type === "yesno") return withChoices(r, yesNoChoices());
  if (field.type === "phone") return { ...r, requestContact: true };
  return r;
}

function summaryText(draft: ApplicationDraft, ctx: FlowContext): Text {
  const program = programOf(ctx, draft)!;
  const lines: Text[] = formFields(program).map((f) => {
    const a = draft.answers[f.id];
    return t("apply:summaryLine", { label: f.label, value: a ? answerText(f, a) : t("apply:summaryValue.missing") });
  });
  return t("apply:summaryTitle", { program: { localized: program.name }, lines: { list: lines, lines: true } });
}

/** The next field without an answer after `fieldId` (or the first), or null when all are answered. */
function nextField(ctx: FlowContext, draft: ApplicationDraft, afterId: string | null): FormField | null {
  const fields = formFields(programOf(ctx, draft)!);
  const start = afterId === null ? 0 : fields.findIndex((f) => f.id === afterId) + 1;
  for (let i = start; i < fields.length; i++) if (!draft.answers[fields[i]!.id]) return fields[i]!;
  return fields.find((f) => !draft.answers[f.id]) ?? null;
}

/** Moves to asking `field` (through consent or phone confirmation when needed), or to the summary. */
function goToField(state: ApplyState, field: FormField | null, ctx: FlowContext, editing: boolean, lead: Text[] = []): StepResult {
  const draft = state.draft!;
  if (!field) {
    const s = at(state, { name: "summary" });
    return done(s, [prompt(s, ctx, lead)]);
  }
  if (field.sensitive && !draft.sensitiveConsentAt) {
    const s = at(state, { name: "sensitiveConsent", fieldId: field.id, editing });
    return done(s, [prompt(s, ctx, lead)]);
  }
  if (field.type === "phone" && field.id === "mobile" && !draft.answers[field.id] && !editing) {
    const known = ctx.senderPhone ?? ctx.contact.phone;
    if (known) {
      const s = at(state, { name: "confirmPhone", phone: known, editing });
      return done(s, [prompt(s, ctx, lead)]);
    }
  }
  const s = at(state, { name: "field", fieldId: field.id, editing });
  return done(s, [prompt(s, ctx, lead)]);
}

function afterAnswer(state: ApplyState, fieldId: string, ctx: FlowContext, editing: boolean): StepResult {
  if (editing) {
    const s = at(state, { name: "summary" });
    return done(s, [prompt(s, ctx, [t("apply:updated")])]);
  }
  return goToField(state, nextField(ctx, state.draft!, fieldId), ctx, false);
}

function previousStep(state: ApplyState, ctx: FlowContext): StepResult {
  const step = state.step;
  const draft = state.draft;
  const toMenu = (): StepResult => done({ flow: "menu" }, [menuReply()]);
  switch (step.name) {
    case "program":
      return toMenu();
    case "privacy":
      return openPrograms(ctx).length > 1 ? startApply(ctx, undefined) : toMenu();
    case "field":
    case "confirmPhone":
    case "sensitiveConsent": {
      if (step.editing) {
        const s = at(state, { name: "summary" });
        return done(s, [prompt(s, ctx)]);
      }
      const fields = formFields(programOf(ctx, draft)!);
      const id = step.name === "confirmPhone" ? "mobile" : step.fieldId;
      const i = fields.findIndex((f) => f.id === id);
      if (i <= 0) {
        const s: ApplyState = { flow: "apply", step: { name: "privacy", programId: draft!.programId }, draft: null };
        return done(s, [prompt(s, ctx)]);
      }
      const prev = fields[i - 1]!;
      const answers = { ...draft!.answers };
      delete answers[prev.id];
      const s = at(state, { name: "field", fieldId: prev.id, editing: false }, { ...draft!, answers });
      return done(s, [prompt(s, ctx)]);
    }
    case "summary": {
      const fields = formFields(programOf(ctx, draft)!);
      const last = fields[fields.length - 1]!;
      const s = at(state, { name: "field", fieldId: last.id, editing: true });
      return done(s, [prompt(s, ctx)]);
    }
    case "editChoose":
    case "attest": {
      const s = at(state, { name: "summary" });
      return done(s, [prompt(s, ctx)]);
    }
    case "terms": {
      const s = at(state, { name: "attest" });
      return done(s, [prompt(s, ctx)]);
    }
    case "resume":
    case "confirmCancel":
    case "submitting":
    case "checkingId":
      return done(state, [prompt(state, ctx)]);
  }
}

/** One turn inside the application flow. */
export function applyStep(state: ApplyState, input: FlowInput, ctx: FlowContext): StepResult {
  const step = state.step;

  // Results of effects first: they are not typed by a person.
  if (input.kind === "openApplicationChecked" && step.name === "checkingId") {
    if (input.openReference) {
      const program = programOf(ctx, state.draft)!;
      return done({ flow: "menu" }, [
        menuReply([t("apply:duplicateOpen", { reference: { ltr: input.openReference }, program: { localized: program.name } })]),
      ]);
    }
    const next = step.nextFieldId ? fieldById(ctx, state.draft!, step.nextFieldId) ?? null : null;
    return step.editing ? afterAnswer(state, "national_id", ctx, true) : goToField(state, next, ctx, false);
  }
  if (input.kind === "applicationSubmitted" && step.name === "submitting") {
    return submitted(state, input.reference, input.submittedAt, ctx);
  }
  if (input.kind === "applicationDuplicate") {
    const program = programOf(ctx, state.draft)!;
    return done({ flow: "menu" }, [
      menuReply([t("apply:duplicateOpen", { reference: { ltr: input.reference }, program: { localized: program.name } })]),
    ]);
  }
  if (input.kind === "openApplicationChecked" || input.kind === "applicationSubmitted" || input.kind === "ticketCreated") {
    return done(state, [prompt(state, ctx)]);
  }

  const command = input.kind === "text" ? detectCommand(input.text) : null;
  if (command?.type === "back") return previousStep(state, ctx);
  if (command?.type === "cancel" && step.name !== "confirmCancel") {
    if (!state.draft) return done({ flow: "menu" }, [menuReply([t("apply:cancelled")])]);
    const s = at(state, { name: "confirmCancel", resume: step });
    return done(s, [prompt(s, ctx)]);
  }

  switch (step.name) {
    case "program": {
      const programs = openPrograms(ctx);
      const picked = matchOption(
        input,
        programs.map((p) => ({ value: `program:${p.id}`, labels: p.name })),
      );
      const program = programs.find((p) => `program:${p.id}` === picked);
      if (!program) return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
      return choose(program, ctx);
    }
    case "privacy": {
      const yes = readYesNo(input);
      if (yes === null) return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
      if (!yes) return done({ flow: "menu" }, [menuReply([t("apply:privacyDeclined")])]);
      const now = iso(ctx);
      const draft: ApplicationDraft = { programId: step.programId, answers: {}, privacyAcceptedAt: now, startedAt: now };
      const s: ApplyState = { flow: "apply", step: { name: "field", fieldId: "full_name", editing: false }, draft };
      return { ...goToField(s, nextField(ctx, draft, null), ctx, false, [t("apply:privacyThanks")]), effects: [{ type: "acceptPrivacy", at: now }] };
    }
    case "resume": {
      const picked = matchOption(input, [
        { value: "continue", words: ["متابعة", "أكمل", "اكمل", "كمل", "continue", "resume", "نعم", "yes"] },
        { value: "restart", words: ["من جديد", "البداية", "ابدأ من جديد", "restart", "start over"] },
        { value: "menu", words: ["القائمة", "menu"] },
      ]);
      if (picked === "continue") return goToField(state, nextField(ctx, state.draft!, null), ctx, false, [t("apply:resumed")]);
      if (picked === "restart") return startApply(ctx, undefined);
      if (picked === "menu") return done({ flow: "menu", draft: state.draft! }, [menuReply([t("apply:draftKept")])]);
      return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
    }
    case "confirmPhone": {
      if (input.kind === "text" || input.kind === "contact") {
        // Typing a number instead of yes/no answers the field directly.
        const yes = input.kind === "text" ? readYesNo(input) : null;
        if (yes === true) return answered(state, "mobile", { type: "phone", value: step.phone }, ctx, step.editing);
        if (yes === false) {
          const s = at(state, { name: "field", fieldId: "mobile", editing: step.editing });
          return done(s, [prompt(s, ctx)]);
        }
        const field = fieldById(ctx, state.draft!, "mobile")!;
        const r = parseAnswer(field, input, ctx);
        if (r.ok) return answered(state, "mobile", r.answer, ctx, step.editing);
      }
      if (input.kind === "choice") {
        const yes = readYesNo(input);
        if (yes === true) return answered(state, "mobile", { type: "phone", value: step.phone }, ctx, step.editing);
        if (yes === false) {
          const s = at(state, { name: "field", fieldId: "mobile", editing: step.editing });
          return done(s, [prompt(s, ctx)]);
        }
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "sensitiveConsent": {
      const yes = readYesNo(input);
      const field = fieldById(ctx, state.draft!, step.fieldId)!;
      if (yes === true) {
        const draft = { ...state.draft!, sensitiveConsentAt: iso(ctx) };
        const s = at(state, { name: "field", fieldId: field.id, editing: step.editing }, draft);
        return done(s, [prompt(s, ctx)]);
      }
      if (yes === false) {
        if (!field.required) return answered(state, field.id, { type: "skipped" }, ctx, step.editing, [t("apply:skipped")]);
        return done(state, [prompt(state, ctx, [t("apply:sensitiveRequired")])]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "field": {
      const field = fieldById(ctx, state.draft!, step.fieldId);
      if (!field) return goToField(state, nextField(ctx, state.draft!, null), ctx, false);
      if (command?.type === "skip") {
        if (field.required) return done(state, [prompt(state, ctx, [t("apply:requiredField")])]);
        return answered(state, field.id, { type: "skipped" }, ctx, step.editing, [t("apply:skipped")]);
      }
      const r = parseAnswer(field, input, ctx);
      const sensitiveInput = field.type === "nationalId" || field.sensitive;
      // A question asked instead of an answer ("كم ياخذ الطلب وقت؟") is answered, then the field asked
      // again: when the answer is not valid, or when a name or a city reads as a question (free-text
      // fields keep what was typed: a question can be a fair note).
      const questionLike =
        !r.ok || ((field.type === "fullName" || field.type === "city") && input.kind === "text" && looksLikeQuestion(input.text));
      const faq = questionLike && input.kind === "text" ? ctx.faq(sanitizeFreeText(input.text, 300), ctx.locale).accepted : null;
      const faqEntry = faq ? ctx.profile.faqs.find((f) => f.id === faq.id) : undefined;
      if (faqEntry) {
        return { ...done(state, [prompt(state, ctx, [{ localized: faqEntry.answer }, t("apply:backToQuestion")])]), sensitiveInput };
      }
      if (!r.ok) {
        return { ...done(state, [prompt(state, ctx, [t(`validation:${r.error}`, r.params)])]), sensitiveInput };
      }
      return { ...answered(state, field.id, r.answer, ctx, step.editing), sensitiveInput };
    }
    case "summary": {
      const picked = matchOption(input, [
        { value: "submit", words: ["إرسال", "ارسال", "أرسل", "ارسل", "تقديم", "submit", "send"] },
        { value: "edit", words: ["تعديل", "عدل", "edit", "change"] },
        { value: "cancel", words: ["إلغاء", "cancel"] },
      ]);
      if (picked === "submit") {
        const missing = nextField(ctx, state.draft!, null);
        if (missing) return goToField(state, missing, ctx, false, [t("apply:missingField")]);
        const s = at(state, { name: "attest" });
        return done(s, [prompt(s, ctx)]);
      }
      if (picked === "edit") {
        const s = at(state, { name: "editChoose" });
        return done(s, [prompt(s, ctx)]);
      }
      if (picked === "cancel") {
        const s = at(state, { name: "confirmCancel", resume: step });
        return done(s, [prompt(s, ctx)]);
      }
      return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
    }
    case "editChoose": {
      const fields = formFields(programOf(ctx, state.draft)!);
      const picked = matchOption(
        input,
        fields.map((f) => ({ value: `field:${f.id}`, ...("localized" in f.label ? { labels: f.label.localized } : {}) })),
      );
      const field = fields.find((f) => `field:${f.id}` === picked);
      if (!field) return done(state, [prompt(state, ctx, [t("apply:pickFromList")])]);
      if (field.sensitive && !state.draft!.sensitiveConsentAt) return goToField(state, field, ctx, true);
      const s = at(state, { name: "field", fieldId: field.id, editing: true });
      return done(s, [prompt(s, ctx)]);
    }
    case "attest": {
      const yes = readYesNo(input);
      if (yes === true) {
        const s = at(state, { name: "terms" }, { ...state.draft!, attestedAt: iso(ctx) });
        return done(s, [prompt(s, ctx)]);
      }
      if (yes === false) {
        const s = at(state, { name: "summary" });
        return done(s, [prompt(s, ctx, [t("apply:attestNeeded")])]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "terms": {
      const yes = readYesNo(input);
      if (yes === true) {
        const s = at(state, { name: "submitting" });
        return done(s, [], [{ type: "submitApplication", draft: state.draft!, termsAcceptedAt: iso(ctx) }]);
      }
      if (yes === false) {
        const s = at(state, { name: "summary" });
        return done(s, [prompt(s, ctx, [t("apply:termsNeeded")])]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "confirmCancel": {
      const yes = readYesNo(input);
      if (yes === true) return done({ flow: "menu" }, [menuReply([t("apply:cancelled")])]);
      if (yes === false) {
        const s = at(state, step.resume);
        return done(s, [prompt(s, ctx)]);
      }
      return done(state, [prompt(state, ctx, [t("apply:answerYesNo")])]);
    }
    case "submitting":
      // The submission did not complete in its turn (it was rolled back): try again.
      return done(state, [], [{ type: "submitApplication", draft: state.draft!, termsAcceptedAt: iso(ctx) }]);
    case "checkingId": {
      const nid = state.draft!.answers["national_id"];
      if (nid?.type === "nationalId") {
        return done(state, [], [{ type: "checkOpenApplication", programId: state.draft!.programId, nationalId: nid.value }]);
      }
      return goToField(state, fieldById(ctx, state.draft!, "national_id") ?? null, ctx, false);
    }
  }
}

function answered(
  state: ApplyState,
  fieldId: string,
  answer: ApplicationDraft["answers"][string],
  ctx: FlowContext,
  editing: boolean,
  lead: Text[] = [],
): StepResult {
  const draft: ApplicationDraft = { ...state.draft!, answers: { ...state.draft!.answers, [fieldId]: answer } };
  const s: ApplyState = { ...state, draft };
  if (answer.type === "nationalId") {
    const next = editing ? null : nextField(ctx, draft, fieldId);
    const checking = at(s, { name: "checkingId", nextFieldId: next?.id ?? null, editing });
    return done(checking, [], [{ type: "checkOpenApplication", programId: draft.programId, nationalId: answer.value }]);
  }
  const r = afterAnswer(s, fieldId, ctx, editing);
  if (lead.length > 0 && r.replies[0]) r.replies[0] = { ...r.replies[0], text: [...lead, ...r.replies[0].text] };
  const effects: Effect[] = answer.type === "phone" && fieldId === "mobile" ? [{ type: "setPhone", phone: answer.value }] : [];
  return { ...r, effects: [...r.effects, ...effects] };
}

function submitted(state: ApplyState, reference: string, submittedAt: string, ctx: FlowContext): StepResult {
  const draft = state.draft!;
  const program = programOf(ctx, draft)!;
  const period = decisionPeriod(ctx, submittedAt);
  const nameAnswer = draft.answers["full_name"];
  const nidAnswer = draft.answers["national_id"];
  const cityAnswer = draft.answers["city"];
  const masked = nidAnswer?.type === "nationalId" ? `******${nidAnswer.value.slice(-4)}` : "-";
  const alert: Text = t("staff:newApplication", {
    reference: { ltr: reference },
    program: { localized: program.name },
    name: nameAnswer?.type === "text" ? nameAnswer.value : "-",
    nationalId: { ltr: masked },
    city: cityAnswer?.type === "text" ? cityAnswer.value : "-",
    channel: ctx.channel,
  });
  return done(
    { flow: "menu" },
    [
      menuReply([
        t("apply:submitted", {
          reference: { ltr: reference },
          program: { localized: program.name },
          committee: { localized: ctx.profile.committee.name },
          days: period.days,
          date: period.date,
        }),
      ]),
    ],
    [{ type: "alertStaff", text: alert }],
  );
}
