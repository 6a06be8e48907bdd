/**
 * Satisfaction surveys, asked one question at a time. Evaluating the service
 * is the beneficiary's right and a tool for improvement, never for blame;
 * every answer is saved as it is given, a low score alerts staff, and an
 * optional question can be skipped.
 */
import type { Profile } from "../orgs/schema";
import { readYesNo } from "./form";
import type { Command } from "./keywords";
import { menuReply } from "./menu";
import { choice, reply, t, withChoices } from "./reply";
import { commandForm, toLatinDigits } from "./text/arabic";
import { sanitizeFreeText } from "./validate";
import type { Effect, FlowContext, FlowInput, Reply, SessionState, StepResult, SurveyAnswer, SurveyQuestion, Text } from "./types";

type SurveyState = Extract<SessionState, { flow: "survey" }>;

/** A score at or below this alerts staff. */
export const LOW_SCORE = 2;

/** The program survey's questions: the profile's, or the default four. */
export function programSurveyQuestions(profile: Profile): SurveyQuestion[] {
  if (profile.survey?.length) {
    return profile.survey.map((q) => ({ id: q.id, type: q.type, text: { localized: q.text }, optional: q.optional }));
  }
  return [
    { id: "overall", type: "scale5", text: t("survey:q.overall"), optional: false },
    { id: "courtesy", type: "scale5", text: t("survey:q.courtesy"), optional: false },
    { id: "recommend", type: "yesno", text: t("survey:q.recommend"), optional: false },
    { id: "comment", type: "text", text: t("survey:q.comment"), optional: true },
  ];
}

/** The one question asked when a handoff or complaint is closed. */
export const TICKET_SURVEY_QUESTIONS: SurveyQuestion[] = [
  { id: "ticket_satisfaction", type: "scale5", text: t("survey:q.ticket"), optional: false },
];

const SCALE_WORDS: Record<string, number> = Object.fromEntries(
  (
    [
      ["ممتاز", 5], ["ممتازه", 5], ["رائع", 5], ["excellent", 5],
      ["جيد جدا", 4], ["very good", 4],
      ["جيد", 3], ["good", 3], ["متوسط", 3], ["عادي", 3], ["average", 3],
      ["مقبول", 2], ["ضعيف", 2], ["poor", 2],
      ["سيء", 1], ["سيئ", 1], ["سيء جدا", 1], ["ضعيف جدا", 1], ["very poor", 1], ["bad", 1],
    ] as const
  ).map(([w, n]) => [commandForm(w), n]),
);

function parseScore(input: FlowInput): number | null {
  if (input.kind === "choice") return /^[1-5]$/.test(input.value) ? Number(input.value) : null;
  if (input.kind !== "text") return null;
  const digits = toLatinDigits(input.text).trim();
  const m = /^([1-5])(\s*(\/|من)\s*5)?\s*(⭐+)?$/u.exec(digits);
  if (m) return Number(m[1]);
  const stars = [...input.text.trim()].filter((c) => c === "⭐").length;
  if (stars >= 1 && stars <= 5 && input.text.replace(/⭐|\s/gu, "") === "") return stars;
  const word = commandForm(input.text);
  return Object.hasOwn(SCALE_WORDS, word) ? SCALE_WORDS[word]! : null;
}

/** The question at `state.index`, with its choices. */
export function surveyPrompt(state: SurveyState, lead: Text[] = []): Reply {
  const q = state.questions[state.index]!;
  const progress = state.questions.length > 1 ? [t("survey:progress", { n: state.index + 1, total: state.questions.length })] : [];
  const parts: Text[] = [...lead, ...progress, q.text];
  if (q.optional) parts.push(t("survey:optional"));
  const r = reply(...parts);
  if (q.type === "scale5") {
    return withChoices(r, [1, 2, 3, 4, 5].map((n) => choice(String(n), t(`survey:scale.${n}`))));
  }
  if (q.type === "yesno") return withChoices(r, [choice("yes", t("common:yes")), choice("no", t("common:no"))]);
  return r;
}

function readAnswer(q: SurveyQuestion, input: FlowInput, command: Command | null): SurveyAnswer | null {
  if (command?.type === "skip" && q.optional) return { type: "skipped" };
  switch (q.type) {
    case "scale5": {
      const score = parseScore(input);
      return score === null ? null : { type: "scale5", score };
    }
    case "yesno": {
      const yn = readYesNo(input);
      return yn === null ? null : { type: "yesno", value: yn };
    }
    case "text": {
      if (input.kind !== "text") return null;
      const text = sanitizeFreeText(input.text, 2000);
      return text ? { type: "text", text } : null;
    }
  }
}

export function surveyStep(state: SurveyState, input: FlowInput, command: Command | null, ctx: FlowContext): StepResult {
  const q = state.questions[state.index];
  if (!q) return { state: { flow: "menu" }, replies: [menuReply()], effects: [] };
  const answer = readAnswer(q, input, command);
  if (!answer) {
    const hint = q.type === "scale5" ? "survey:invalidScale" : q.type === "yesno" ? "survey:invalidYesNo" : "survey:invalidText";
    return { state, replies: [surveyPrompt(state, [t(hint)])], effects: [] };
  }
  const effects: Effect[] = [{ type: "saveSurveyAnswer", surveyId: state.surveyId, questionId: q.id, answer }];
  const scores = answer.type === "scale5" ? { ...state.scores, [q.id]: answer.score } : state.scores;
  const next: SurveyState = { ...state, index: state.index + 1, scores };
  if (next.index < next.questions.length) return { state: next, replies: [surveyPrompt(next)], effects };

  effects.push({ type: "completeSurvey", surveyId: state.surveyId });
  const low = Object.entries(scores).filter(([, s]) => s <= LOW_SCORE);
  if (low.length > 0) {
    effects.push({
      type: "alertStaff",
      text: t("staff:lowScore", {
        survey: { ltr: state.surveyId },
        scores: low.map(([id, s]) => `${id}=${s}`).join(", "),
        channel: ctx.channel,
      }),
    });
  }
  const after: SessionState = state.draft ? { flow: "menu", draft: state.draft } : { flow: "menu" };
  return { state: after, replies: [menuReply([t("survey:thanks"), ...(low.length ? [t("survey:lowFollowUp")] : [])])], effects };
}
