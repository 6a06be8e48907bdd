/**
 * Every migration, by name. Names sort in the order they run; a migration is
 * frozen once released (it is written against `Kysely<any>`, never the
 * current schema types).
 */
import type { Migration } from "kysely";
import * as core from "./2026_11_23_001_core";
import * as staffAudit from "./2026_11_23_002_staff_audit";
import * as programsSurveys from "./2026_11_23_003_programs_surveys";
import * as privacy from "./2026_11_23_004_privacy";
import * as outboxPending from "./2026_11_23_005_outbox_pending";
import * as sessionFlood from "./2026_11_23_006_session_flood";
import * as outboxBulk from "./2026_11_23_007_outbox_bulk";
import * as verifiedPhone from "./2026_12_06_020_verified_phone";
import * as cloudNotices from "./2026_12_06_030_cloud_notices";
import * as calendar from "./2026_12_06_040_calendar";
import * as localeChosen from "./2026_12_06_050_locale_chosen";
import * as safety from "./2026_12_06_060_safety";
import * as desk from "./2026_12_06_070_desk";
import * as forms from "./2026_12_06_070_forms";
import * as referrals from "./2026_12_06_080_referrals";
import * as staffDesk from "./2026_12_07_010_staff_desk";

export const migrations: Record<string, Migration> = {
  "2026_11_23_001_core": core,
  "2026_11_23_002_staff_audit": staffAudit,
  "2026_11_23_003_programs_surveys": programsSurveys,
  "2026_11_23_004_privacy": privacy,
  "2026_11_23_005_outbox_pending": outboxPending,
  "2026_11_23_006_session_flood": sessionFlood,
  "2026_11_23_007_outbox_bulk": outboxBulk,
  "2026_12_06_020_verified_phone": verifiedPhone,
  "2026_12_06_030_cloud_notices": cloudNotices,
  "2026_12_06_040_calendar": calendar,
  "2026_12_06_050_locale_chosen": localeChosen,
  "2026_12_06_060_safety": safety,
  "2026_12_06_070_desk": desk,
  "2026_12_06_070_forms": forms,
  "2026_12_06_080_referrals": referrals,
  "2026_12_07_010_staff_desk": staffDesk,
};
