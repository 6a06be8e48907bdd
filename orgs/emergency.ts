/**
 * Saudi emergency and help lines, in one place. A profile may override a
 * number (`safeguarding.numbers`) or say that 911 serves its region
 * (`safeguarding.served911`); nothing else in the code writes a number.
 *
 * Every number here has a public source, given beside it. Do not add a number
 * whose source you cannot cite.
 */
import type { Profile } from "./schema";

export const EMERGENCY_LINES = ["unified", "ambulance", "civil_defence", "police", "moh", "family_violence", "child_helpline"] as const;
export type EmergencyLine = (typeof EMERGENCY_LINES)[number];

export const DEFAULT_NUMBERS: Readonly<Record<EmergencyLine, string>> = {
  // 911: the unified emergency number of the National Center for Security Operations (Ministry of
  // Interior); it passes calls to police, civil defence, the Red Crescent and health. Served in the
  // Riyadh, Makkah and Eastern regions (Arab News, "Saudi 911 security center receives more than 1.6m
  // Ramadan calls", arabnews.com/node/2076371; Saudi Gazette via zawya.com, "Saudi Arabia's 911 attended
  // to 2,558,741 emergency calls in July", 2023).
  unified: "911",
  // 997: the Saudi Red Crescent Authority's ambulance line (Arab News, "Saudi Red Crescent Authority
  // responds to over 3,700 emergency calls in Madinah", arabnews.pk/node/2478846, 2024).
  ambulance: "997",
  // 998: Civil Defence, in the regions 911 does not yet serve (General Directorate of Civil Defence,
  // reported by Al-Bilad, arabkhabar.com/a/4308188: "911 for Makkah, Riyadh and the Eastern region,
  // 998 in the rest of the Kingdom"; 998.gov.sa).
  civil_defence: "998",
  // 999: police emergency where 911 is not yet served (expat.com, "Emergencies in Saudi Arabia",
  // 2024: "To call the police in Saudi Arabia, you can dial 911 or 999").
  police: "999",
  // 937: the Ministry of Health's 24-hour line for medical consultations and advice (Arab News,
  // "Saudi Health Ministry's 937 call center proves major success", arabnews.com/node/1746656, 2020;
  // Arab News, "Health minister opens 937 toll free call centers", 2013).
  moh: "937",
  // 1919: the 24-hour centre for reports of violence and abuse (women, children under 18, the elderly,
  // persons with disabilities), Ministry of Human Resources and Social Development (Al-Watan,
  // alwatan.com.sa/article/294978: the minister inaugurates «مركز بلاغات العنف والإيذاء 1919»).
  family_violence: "1919",
  // 116111: the Child Helpline of the National Family Safety Program, free, for children under 18 and
  // those caring for them (Okaz/Saudi Gazette via sauress.com/en/saudigazette/1142829; Child Helpline
  // International, "Saudi Arabia Child HelpLine": "A toll free number 116111").
  child_helpline: "116111",
};

/** What a person in this kind of danger is told to call, most urgent first. */
export const LINES_FOR: Readonly<Record<"self_harm" | "medical" | "violence" | "child" | "distress", readonly EmergencyLine[]>> = {
  self_harm: ["unified", "moh"],
  medical: ["unified", "moh"],
  violence: ["unified", "family_violence"],
  child: ["unified", "child_helpline", "family_violence"],
  distress: ["moh", "unified"],
};

/** Lines that stand in for 911 where it is not yet served. */
export const WHERE_911_NOT_SERVED: readonly EmergencyLine[] = ["ambulance", "civil_defence", "police"];

/** The number of a line for this association (the profile's override, else the default). */
export function emergencyNumber(profile: Pick<Profile, "safeguarding">, line: EmergencyLine): string {
  return profile.safeguarding?.numbers?.[line] ?? DEFAULT_NUMBERS[line];
}
