/**
 * The FAQ lexicon: concepts (language-neutral, concepts.ts) and the words for
 * them per locale (ar.ts, en.ts, ur.ts, ur-latn.ts for Roman Urdu), plus place
 * names (places.ts).
 */

import { AR } from "./ar";
import { EN } from "./en";
import { UR } from "./ur";
import { UR_LATN } from "./ur-latn";
import type { LocaleLexicon } from "./types";

export { COMPOSITIONS, CONCEPTS, CONFUSABLE_PAIRS, FAMILIES, QUESTION_TYPES } from "./concepts";
export { PLACE_NAMES } from "./places";
export type { Composition, ConceptInfo, LocaleLexicon, QuestionTypeInfo } from "./types";

/** Every locale's words, Arabic first (when one word is listed twice, the first listing wins). */
export const LEXICONS: ReadonlyArray<readonly [string, LocaleLexicon]> = [
  ["ar", AR],
  ["en", EN],
  ["ur", UR],
  ["ur-Latn", UR_LATN],
];
