/**
 * Safety first: the one step the conversation takes before anything else, in
 * every state (menu, a form, a survey, a hand-off...). A message that says
 * someone may be in danger is answered calmly, in the writer's language, with
 * the numbers that fit the danger, and a staff member is alerted at once
 * (`urgentAlert`); the conversation goes on where it was (a form in progress
 * is kept, no menu is pushed). For an association that cares for patients,
 * symptoms described in chat are not answered by the FAQ: the person is told
 * to contact her doctor or 937, and the care role is told (`careAlert`).
 */
import type { Locale, Profile } from "../../orgs/schema";
import { emergencyNumber, LINES_FOR, WHERE_911_NOT_SERVED, type EmergencyLine } from "../../orgs/emergency";
import { reply, t } from "../reply";
import type { Effect, FlowContext, FlowInput, SessionState, StepResult, Text } from "../types";
import { detectDanger, type Danger, type DangerKind } from "./detect";
import { describesSymptoms } from "./symptoms";

export { detectDanger, type Danger, type DangerKind } from "./detect";

/** The longest part of a message kept for the staff alert. */
const EXCERPT_LENGTH = 1000;

/** Who is told, and when it climbs: the profile's `safeguarding`, or its escalation role alone. */
export function safeguardingOf(profile: Pick<Profile, "safeguarding" | "escalationRole">) {
  const s = profile.safeguarding;
  return {
    role: s?.role ?? profile.escalationRole,
    escalateTo: s?.escalateTo ?? [],
    escalateAfterMinutes: s?.escalateAfterMinutes ?? 10,
    symptomsRole: s?.symptoms?.role ?? null,
    served911: s?.served911 ?? false,
  };
}

/** The text a message carries (a caption for a photo), or null. */
function textOf(input: FlowInput): string | null {
  if (input.kind === "text") return input.text;
  if (input.kind === "media" && input.caption) return input.caption;
  return null;
}

/** States in which a described symptom would otherwise reach the FAQ. */
const FAQ_STATES: ReadonlySet<SessionState["flow"]> = new Set(["new", "menu", "faq", "status"]);

/**
 * The safety step: a reply and effects when the message needs one, null to
 * let the conversation go on as usual.
 */
export function safetyFirst(state: SessionState, input: FlowInput, ctx: FlowContext): StepResult | null {
  const text = textOf(input);
  if (text === null || text.trim() === "") return null;
  const danger = detectDanger(text);
  if (danger) return dangerReply(state, danger, text, ctx);
  const guard = safeguardingOf(ctx.profile);
  if (guard.symptomsRole && FAQ_STATES.has(state.flow) && describesSymptoms(text)) return symptomsReply(state, text, guard.symptomsRole, ctx);
  return null;
}

/** The conversation stays where it was; a first message leaves "new" for the menu (without showing it). */
const stayed = (state: SessionState): SessionState => (state.flow === "new" ? { flow: "menu" } : state);

const hasForm = (state: SessionState): boolean => "draft" in state && state.draft !== undefined && state.draft !== null;

/** Reply in the language the danger was written in when the association serves it. */
function languageEffects(lang: Locale, ctx: FlowContext): Effect[] {
  return lang !== ctx.locale && ctx.profile.locales.includes(lang) ? [{ type: "setLocale", locale: lang }] : [];
}

const roleTitle = (ctx: FlowContext, id: string): Text => {
  const role = ctx.profile.staffRoles.find((r) => r.id === id);
  return role ? { localized: role.title } : { literal: id };
};

/** The lines that fit these kinds of danger, most urgent first, each once. */
export function linesFor(kinds: readonly DangerKind[]): EmergencyLine[] {
  return [...new Set(kinds.flatMap((k) => LINES_FOR[k === "emergency" ? "medical" : k]))];
}

function numbersText(kinds: readonly DangerKind[], ctx: FlowContext): Text[] {
  const profile = ctx.profile;
  const line = (l: EmergencyLine): Text => t("safety:line", { number: { ltr: emergencyNumber(profile, l) }, name: t(`safety:lineName.${l}`) });
  const parts: Text[] = [t("safety:numbersIntro"), { list: linesFor(kinds).map(line), lines: true }];
  if (!safeguardingOf(profile).served911) {
    parts.push(
      t("safety:where911NotServed", {
        unified: { ltr: emergencyNumber(profile, "unified") },
        numbers: { list: WHERE_911_NOT_SERVED.map((l) => t("safety:shortLine", { number: { ltr: emergencyNumber(profile, l) }, name: t(`safety:lineName.${l}`) })) },
      }),
    );
  }
  return parts;
}

function dangerReply(state: SessionState, danger: Danger, text: string, ctx: FlowContext): StepResult {
  const kind = danger.kinds[0]!;
  const guard = safeguardingOf(ctx.profile);
  const parts: Text[] = [t(`safety:lead.${kind}`)];
  if (kind === "self_harm") parts.push(t("safety:keepSafe", { unified: { ltr: emergencyNumber(ctx.profile, "unified") } }));
  parts.push(...numbersText(danger.kinds, ctx));
  parts.push(t("safety:staffTold", { role: roleTitle(ctx, guard.role), name: { localized: ctx.profile.name } }));
  if (hasForm(state)) parts.push(t("safety:formKept"));
  parts.push(t("safety:stay"));
  const excerpt = text.trim().slice(0, EXCERPT_LENGTH);
  const effects: Effect[] = [...languageEffects(danger.lang, ctx), { type: "urgentAlert", kind, kinds: danger.kinds, excerpt }];
  // A conversation with staff keeps its thread: the message reaches them there too.
  if (state.flow === "handoff") effects.push({ type: "forwardToStaff", ticketReference: state.reference, text: excerpt });
  const { caring: _care, ...kept } = stayed(state) as SessionState & { caring?: boolean };
  return { state: { ...kept, attending: ctx.now.toISOString() } as SessionState, replies: [reply(...parts)], effects };
}

function symptomsReply(state: SessionState, text: string, role: string, ctx: FlowContext): StepResult {
  const moh = emergencyNumber(ctx.profile, "moh");
  const unified = emergencyNumber(ctx.profile, "unified");
  return {
    state: { ...stayed(state), attending: ctx.now.toISOString(), caring: true } as SessionState,
    replies: [
      reply(
        t("safety:symptoms.lead", { moh: { ltr: moh } }),
        t("safety:symptoms.urgentSigns", { unified: { ltr: unified } }),
        t("safety:symptoms.staffTold", { role: roleTitle(ctx, role) }),
      ),
    ],
    effects: [{ type: "careAlert", excerpt: text.trim().slice(0, EXCERPT_LENGTH) }],
  };
}
