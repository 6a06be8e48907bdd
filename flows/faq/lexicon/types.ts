/**
 * The shape of the FAQ lexicon: a language-neutral inventory of concepts
 * (concepts.ts) and, per locale, the words and phrases that express each one
 * (ar.ts, en.ts, ur.ts), as data.
 */

/** What a concept is, independent of language. */
export interface ConceptInfo {
  /**
   * What the person wants to do (apply, donate, volunteer, complain, follow up,
   * contact…): in a charity's FAQ this decides the entry more than the thing
   * it is about (a gift towards a water project is about donating, not about water).
   */
  intent?: boolean;
  /**
   * An attribute rather than a topic (price, time, nearby, "required",
   * "service"…): it weighs less, so that the unknown topic next to it
   * ("كم سعر …؟") decides whether the question is one of ours.
   */
  generic?: boolean;
  /** Weaker links to other concepts, weight in (0, 1). */
  related?: Array<[string, number]>;
  /**
   * The concept a negated mention stands for: «ما انقبلت», "not accepted" are
   * a rejection; «ما اقدر اجي», "can't come" ask for a way without coming.
   */
  negated?: string;
  /**
   * A word that means either of two things (join: as a beneficiary or as a
   * volunteer): only its concept links count, not the word itself, so that
   * neither reading wins by the letters it shares with one question.
   */
  ambiguous?: boolean;
}

/**
 * Two meaning units that together mean something else: a complaint about a
 * decision is an appeal; "submit" next to "a complaint" is not applying.
 */
export interface Composition {
  /** Both present in the message (any concept of each list)… */
  when: [string[], string[]];
  /** …add this concept, with this factor, to the first one's token… */
  add?: string;
  factor?: number;
  /** …or make the first one a light word (it only says how, the second says what). */
  demote?: boolean;
  /** The combination means either of two things: the matcher asks rather than answers when two answers are close. */
  ambiguous?: boolean;
  /** The combination settles a word that means either («شامل» next to a lesson is joining it as a learner). */
  settles?: boolean;
}

/** A kind of question ("what", "where", "how much"…): weak on its own, it tells the kind, not the topic. */
export interface QuestionTypeInfo {
  weight: number;
  /** Concepts the question word itself implies ("where" → location). */
  related?: Array<[string, number]>;
}

/** One locale's words. Multi-word entries are phrases; words are written in ordinary spelling. */
export interface LocaleLexicon {
  /** Words and phrases per concept id (see concepts.ts). */
  concepts: Record<string, string[]>;
  /** Words per question type id (see concepts.ts). */
  questionWords: Record<string, string[]>;
  /** Function words, fillers, wants and politeness: no topic at all. */
  stopwords: string[];
  /** Verbs and particles with little topic of their own: they count a little. */
  light: string[];
  /** Everyday topics outside a charity's FAQ (shopping, weather, sport…). */
  offTopic: string[];
  /**
   * Single words that mark the part of a long message where the person asks
   * (wants, "can I", "is there"), besides question words and a question mark:
   * the rest of a long message is context and counts for less.
   */
  askWords: string[];
  /**
   * Words that ask only where a clause starts (first, or after a word that asks): «عندكم برامج؟»,
   * «هل فيه طريقة…» ask; «سجلت عندكم…», «الطلب اللي فيه…» tell.
   */
  openingAskWords?: string[];
  /** Negation particles (ما، لم، not, نہیں): they turn the next topic word into its `negated` concept. */
  negations: string[];
  /**
   * How long ago something happened («من اسبوعين», «قبل كم يوم», "since two days", "two weeks ago",
   * «ایک ہفتے سے»): a period with one of `before` just before it (numbers and `counts` between
   * allowed) or one of `after` just after it is a time elapsed, part of the story, not a question
   * about how long something takes; `unless` before `before` undoes it («اكثر من شهر»).
   */
  elapsed?: { before: string[]; after: string[]; counts: string[]; unless?: string[] };
}
