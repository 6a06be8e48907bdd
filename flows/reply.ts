/** Small builders for replies, so flows read like the conversation they hold. */
import type { Choice, Param, Reply, Text } from "./types";

export const t = (key: string, params?: Record<string, Param>): Text => (params ? { key, params } : { key });

export const reply = (...text: Text[]): Reply => ({ text });

export const withChoices = (r: Reply, choices: Choice[]): Reply => ({ ...r, choices });

export const choice = (value: string, label: Text): Choice => ({ value, label });
