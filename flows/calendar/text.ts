/**
 * What the calendar means to a beneficiary, as texts: when staff answer
 * ("after Eid al-Fitr, Sunday 6 Shawwal 1448 AH (14 March 2027) at 08:00"),
 * the hours of the week and of Ramadan, the committee's period and its real
 * date, and the season's greeting said once per person.
 */
import { riyadhDate, riyadhParts } from "../dates";
import { t } from "../reply";
import type { Effect, FlowContext, StepResult, Text } from "../types";
import type { Opening, WorkingHours } from "./index";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "Sunday 6 Shawwal 1448 AH (14 March 2027) at 08:00", Riyadh time. */
export function momentText(at: Date): Text {
  const p = riyadhParts(at);
  return t("calendar:when", {
    day: t(`common:day.${p.weekday}`),
    date: { date: riyadhDate(at) },
    time: { ltr: `${pad2(p.hour)}:${pad2(p.minute)}` },
  });
}

/** The next opening, named after the closure it follows and with Ramadan's hours when they apply. */
export function openingText(o: Opening): Text {
  let when = momentText(o.at);
  if (o.ramadan) when = t("calendar:inRamadan", { when, open: { ltr: o.hours.open }, close: { ltr: o.hours.close } });
  return o.after ? t("calendar:afterClosure", { closure: o.after.name, when }) : when;
}

/** When staff answer a person asking now: shortly, or at the real next opening (and why not now). */
export function staffAnswerText(ctx: FlowContext): Text {
  const o = ctx.calendar.nextOpening(ctx.now);
  if (o.openNow) return t("handoff:soon");
  const today = ctx.calendar.day(riyadhDate(ctx.now));
  if (today.closure && o.after) return t("calendar:closedFor", { closure: today.closure.name, when: openingText({ ...o, after: null }) });
  return t("handoff:nextOpening", { when: openingText(o) });
}

/** Working days and hours as a sentence ("Sunday to Thursday, 08:00 to 14:00 (Riyadh time)"). */
export function weeklyHoursText(wh: WorkingHours): Text {
  const sorted = [...wh.days].sort((a, b) => a - b);
  const consecutive = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  const dayText: Text = consecutive
    ? t("common:dayRange", { from: t(`common:day.${sorted[0]}`), to: t(`common:day.${sorted[sorted.length - 1]}`) })
    : { list: sorted.map((d) => t(`common:day.${d}`)) };
  return t("common:workingHours", { days: dayText, open: { ltr: wh.open }, close: { ltr: wh.close } });
}

/** The week's hours, Ramadan's when the profile has them, and when staff answer next. */
export function hoursTexts(ctx: FlowContext): Text[] {
  const p = ctx.calendar.profile;
  const out: Text[] = [t("about:hours", { hours: weeklyHoursText(p.workingHours) })];
  if (p.calendar.ramadanHours) out.push(t("calendar:ramadanHours", { hours: weeklyHoursText(p.calendar.ramadanHours) }));
  const o = ctx.calendar.nextOpening(ctx.now);
  out.push(o.openNow ? t("calendar:openNow") : t("calendar:nextAnswer", { when: openingText(o) }));
  return out;
}

/** The live line under an FAQ answer that speaks of hours (the profile's `calendar.hoursFaqs`). */
export function faqHoursLine(ctx: FlowContext, faqId: string): Text[] {
  if (!ctx.calendar.profile.calendar.hoursFaqs.includes(faqId)) return [];
  const o = ctx.calendar.nextOpening(ctx.now);
  return [o.openNow ? t("calendar:openNow") : t("calendar:nextAnswer", { when: openingText(o) })];
}

/** The committee's period as promised ("14 days" or "14 working days") and the real day it ends. */
export function decisionPeriod(ctx: FlowContext, submittedAt: string): { days: Text; date: Text } {
  const c = ctx.calendar.profile.committee;
  const count = c.decisionPeriodDays;
  return {
    days: t(c.decisionPeriodIn === "workingDays" ? "calendar:workingDays" : "calendar:days", { count }),
    date: { date: ctx.calendar.decisionDate(new Date(submittedAt)) },
  };
}

/**
 * In Ramadan, the bot's greeting carries the season's greeting (the profile's
 * text), once per person: put after the first part of the first reply, and
 * remembered with the contact. `greeted` says whether this turn greeted (asked
 * last: most turns stop at a cheaper question).
 */
export function withSeasonGreeting(result: StepResult, greeted: () => boolean, ctx: FlowContext): StepResult {
  const text = ctx.calendar.profile.calendar.ramadanGreeting;
  const first = result.replies[0];
  if (!text || !first) return result;
  const season = ctx.calendar.season(ctx.now);
  if (!season || !greeted() || ctx.contact.seasonGreeted === season) return result;
  const parts = [...first.text];
  parts.splice(1, 0, { localized: text });
  const effect: Effect = { type: "rememberSeasonGreeting", season };
  return { ...result, replies: [{ ...first, text: parts }, ...result.replies.slice(1)], effects: [...result.effects, effect] };
}
