/** Requests outside the association's scope: the specialised body from the profile's referral directory. */
import { menuReply } from "./menu";
import { t } from "./reply";
import { done, keepDraft } from "./session";
import { commandForm } from "./text/arabic";
import type { FlowContext, SessionState, StepResult, Text } from "./types";

export type Referral = FlowContext["profile"]["referrals"][number];

/** The referral whose keywords the text contains, if any. */
export function findReferral(text: string, ctx: FlowContext): Referral | undefined {
  const typed = ` ${commandForm(text)} `;
  return ctx.profile.referrals.find((r) =>
    Object.values(r.keywords)
      .flat()
      .some((k) => typeof k === "string" && typed.includes(` ${commandForm(k)} `)),
  );
}

export function referralReply(state: SessionState, referral: Referral, text: string, ctx: FlowContext, lead: Text[]): StepResult {
  return done(
    keepDraft({ flow: "menu" }, state),
    [
      menuReply([
        ...lead,
        t("referral:notOurSpecialty", { topic: { localized: referral.topic }, name: { localized: ctx.profile.name } }),
        t("referral:goTo", { organization: { localized: referral.organization }, contact: { ltr: referral.contact } }),
      ]),
    ],
    [{ type: "createTicket", kind: "referral", body: text, referralId: referral.id }],
  );
}
