/**
 * The concepts of the FAQ lexicon, independent of language: topics a
 * charity's FAQ is about (documents, eligibility, water, donating…), what a
 * person wants to do (intent) and attributes (price, time…), with weaker links
 * between them ("the bank account" → donating, "when do you close" → working
 * hours). The words for each are per locale in ar.ts, en.ts and ur.ts.
 *
 * General dialect and non-profit vocabulary for any association's FAQ, not
 * wording taken from an evaluation set. Associations add their own synonym
 * groups through the matcher options (a profile's `synonyms`).
 */

import type { Composition, ConceptInfo, QuestionTypeInfo } from "./types";

export const CONCEPTS: Record<string, ConceptInfo> = {
  hours: {},
  open_close: { related: [["hours", 0.85]] },
  time: { generic: true, related: [["hours", 0.5]] },
  weekday: { related: [["hours", 0.6]] },
  holiday: { related: [["hours", 0.3]] },
  /**
   * An occasion or a season of the calendar (Ramadan, Eid, summer): asked about
   * on its own («متى رمضان», "when does summer start") it is general knowledge;
   * next to "your hours" the hours say what is asked.
   */
  occasion: {},
  daytime: { generic: true, related: [["hours", 0.5]] },
  start_end: { generic: true, related: [["hours", 0.4], ["time", 0.4]] },
  appointment: { intent: true, related: [["time", 0.4]] },
  duration: {},
  period_unit: { generic: true, related: [["duration", 0.7], ["time", 0.4]] },
  wait: { related: [["duration", 0.7]] },
  delay: { related: [["duration", 0.4], ["complaint", 0.4]] },
  location: {},
  /** Step-free access to a building (ramp, lift, stairs): where the place is and whether one can get in. */
  accessibility: { related: [["location", 0.5]] },
  come: { related: [["location", 0.8], ["delivery", 0.4]], negated: "remote" },
  not_arrived: { related: [["delivery", 0.8], ["status", 0.6], ["delay", 0.5]] },
  /** Online, from home, without coming: the way the person wants it decides the answer more than the program it is about. */
  remote: { intent: true, related: [["platform", 0.3]] },
  home_visit: { intent: true, related: [["remote", 0.6], ["representative", 0.4], ["come", 0.4]] },
  transport: { related: [["delivery", 0.4], ["come", 0.3]], negated: "remote" },
  near: { generic: true, related: [["location", 0.4]] },
  reside: { related: [["area", 0.5], ["location", 0.4], ["home", 0.4]] },
  branch: { related: [["office", 0.6]] },
  office: { related: [["branch", 0.6], ["location", 0.4]] },
  /** A department or section: reached through its staff or its number. */
  department: { related: [["employee", 0.6], ["contact", 0.6], ["office", 0.5]] },
  representative: { related: [["branch", 0.5]] },
  area: { generic: true, related: [["location", 0.3], ["branch", 0.3]] },
  /** A city, governorate or region by its name (places.ts): where the person lives or asks about. */
  place: { generic: true, related: [["area", 0.6], ["location", 0.3]] },
  apply: { intent: true },
  /** Joining, taking part, signing up "with you": as a beneficiary or as a volunteer (the pair the matcher asks about). */
  join: { intent: true, ambiguous: true, related: [["apply", 0.85], ["volunteer", 0.85]] },
  provide: { generic: true },
  request: { generic: true },
  /** "My application", «طلبي»: one's own request, usually asked about (status). */
  my_request: { related: [["request", 0.9], ["status", 0.6]] },
  incomplete: { related: [["status", 0.7], ["documents", 0.5]] },
  coverage: { related: [["eligibility", 0.7], ["area", 0.5]] },
  nationality: { related: [["eligibility", 0.6]] },
  praise: { related: [["feedback", 0.7]] },
  documents: {},
  required: { generic: true },
  eligibility: {},
  /** Benefiting, being in need, a beneficiary: who is served, said of oneself («ودي يستفيد», «محتاج») more than asked. */
  benefit: { related: [["eligibility", 0.9]] },
  conditions: { related: [["eligibility", 0.8], ["required", 0.4]] },
  category: { generic: true, related: [["eligibility", 0.6]] },
  status: { intent: true },
  result: { related: [["status", 0.5]] },
  /** A committee's decision (not any reply). */
  decision: { related: [["result", 0.8], ["status", 0.5]] },
  acceptance: { related: [["status", 0.7], ["result", 0.7], ["rejection", 0.5]], negated: "rejection" },
  rejection: { related: [["status", 0.6], ["result", 0.7], ["acceptance", 0.5], ["appeal", 0.4]] },
  /** Asking that a decision be looked at again (appeal, تظلم, إعادة النظر): not a complaint about a person. */
  appeal: { intent: true, related: [["rejection", 0.5], ["review", 0.3], ["complaint", 0.3]] },
  review: { related: [["status", 0.4], ["result", 0.6], ["duration", 0.4]] },
  disbursement: { related: [["provide", 0.4], ["money", 0.3]] },
  stopped: {},
  repair: {},
  cancel: { intent: true },
  edit: { intent: true },
  renew: { intent: true },
  water: {},
  water_supply: { related: [["water", 0.6]] },
  fill: { related: [["water", 0.4], ["delivery", 0.4], ["tank", 0.3]] },
  tanker: { related: [["water", 0.5], ["delivery", 0.4]] },
  tank: { related: [["water", 0.3]] },
  cooler: { related: [["water", 0.5]] },
  filter: { related: [["water", 0.4]] },
  delivery: {},
  home: {},
  mosque: {},
  rent: { related: [["money", 0.5], ["home", 0.3]] },
  deed: {},
  payment: { related: [["bill", 0.5], ["money", 0.3]] },
  bill: { related: [["money", 0.5]] },
  electricity: { related: [["bill", 0.5]] },
  donation: { intent: true },
  zakat: { related: [["donation", 0.7]] },
  sadaqa: { related: [["donation", 0.8]] },
  receive: {},
  sponsorship: { intent: true, related: [["donation", 0.5]] },
  endowment: { related: [["donation", 0.5]] },
  /** «حساب», "account": a bank account to give to, or the association's accounts on social media. */
  account: { related: [["donation", 0.7], ["social_media", 0.4]] },
  /** A bank account, its number, an IBAN, a transfer: how money is sent (to donate). */
  bank: { related: [["account", 0.8], ["donation", 0.7]] },
  platform: {},
  ehsan: { related: [["donation", 0.6], ["platform", 0.6]] },
  absher: { related: [["platform", 0.6]] },
  tawakkalna: { related: [["platform", 0.6]] },
  nafath: { related: [["platform", 0.6]] },
  sehhaty: { related: [["platform", 0.6], ["health", 0.4]] },
  volunteer: { intent: true },
  job: {},
  training: {},
  curriculum: { related: [["training", 0.6]] },
  assistive_device: { related: [["disability", 0.6], ["health", 0.4]] },
  employer: { related: [["job", 0.5]] },
  certificate: { related: [["training", 0.3]] },
  /** A trainer, teacher or supervisor of a program: a person, and a part of the training. */
  trainer: { related: [["training", 0.6], ["employee", 0.6]] },
  /** The driver who brings the service (a water truck, a ride): one of the association's people. */
  driver: { related: [["employee", 0.6], ["delivery", 0.4]] },
  lecture: { related: [["training", 0.5]] },
  attend: { related: [["training", 0.3]], negated: "remote" },
  rules: { related: [["conditions", 0.6]] },
  age: { generic: true, related: [["eligibility", 0.5]] },
  school: {},
  university: {},
  student: { related: [["school", 0.6], ["university", 0.5]] },
  scholarship: { related: [["school", 0.4], ["university", 0.4]] },
  bag: { related: [["school", 0.3]] },
  complaint: { intent: true, related: [["feedback", 0.5]] },
  conduct: { related: [["complaint", 0.5], ["feedback", 0.4]] },
  problem: { related: [["complaint", 0.75]] },
  feedback: { intent: true, related: [["complaint", 0.5]] },
  /** Rating or reviewing a service: a kind of feedback, never itself a complaint ("where to rate" is not "where to complain"). */
  rating: { intent: true, related: [["feedback", 0.6]] },
  /** A remark about someone or something: praise, a suggestion or a complaint. */
  remark: { intent: true, related: [["feedback", 0.9], ["complaint", 0.7]] },
  quality: { generic: true, related: [["feedback", 0.5]] },
  /** An idea: often a suggestion, but only a weak sign of one. */
  idea: { related: [["feedback", 0.7]] },
  contact: {},
  /** "Someone", "anyone": a person, not named as staff. */
  someone: { generic: true, related: [["employee", 0.7]] },
  /** "Talk to you", "reach someone": the channels, or a person (the pair the matcher asks about). */
  reach: { intent: true, ambiguous: true, related: [["contact", 0.85], ["talk", 0.85]] },
  social_media: { related: [["contact", 0.8]] },
  talk: { intent: true, related: [["contact", 0.5], ["employee", 0.4]] },
  employee: { related: [["job", 0.4]] },
  data: {},
  privacy: {},
  erase: { intent: true, related: [["privacy", 0.5], ["data", 0.3]] },
  aid: {},
  money: {},
  salary: {},
  food: {},
  clothing: {},
  furniture: {},
  health: {},
  symptom: { related: [["health", 0.5], ["sick", 0.4]] },
  exam: { related: [["health", 0.4], ["appointment", 0.3]] },
  breast: { related: [["health", 0.3]] },
  cancer: { related: [["sick", 0.6], ["health", 0.4]] },
  /** A part of the body other than the breast (the lung, the colon, the blood): often another illness. */
  organ: { related: [["sick", 0.4]] },
  /** A cancer of another part of the body (colon, blood, lung): named by the organ next to the cancer (see COMPOSITIONS). */
  other_cancer: {},
  /** Recovered from an illness, a survivor: often someone who wants to help others. */
  recovered: { related: [["health", 0.3]] },
  /** Young people, teenagers. */
  youth: { related: [["age", 0.4], ["children", 0.3]] },
  sick: { related: [["health", 0.6]] },
  family: {},
  counselling: { related: [["health", 0.3], ["family", 0.3]] },
  gender: { related: [["eligibility", 0.4]] },
  children: { related: [["family", 0.5]] },
  orphan: { related: [["eligibility", 0.4]] },
  widow: { related: [["eligibility", 0.4]] },
  disability: { related: [["eligibility", 0.4]] },
  elderly: { related: [["eligibility", 0.4]] },
  id_card: {},
  religion: {},
  language: {},
  books: {},
  translation: { related: [["language", 0.5]] },
  permit: { intent: true },
  service: { generic: true },
  association: { generic: true },
  cost: {},
  /** A direct or an indirect beneficiary (a participant, or a follower of the association's content). */
  beneficiary_kind: { related: [["eligibility", 0.5]] },
  /** The association's posts, articles and videos. */
  content: { related: [["social_media", 0.6], ["beneficiary_kind", 0.5]] },
};

/**
 * Question types. "What" says least; "where", "when", "how much" and "why" say
 * a little more; some imply a concept ("where" → location).
 */
export const QUESTION_TYPES: Record<string, QuestionTypeInfo> = {
  q_what: { weight: 0.1 },
  q_where: { weight: 0.3, related: [["location", 0.55]] },
  q_when: { weight: 0.3, related: [["time", 0.6], ["duration", 0.6]] },
  q_howmuch: { weight: 0.3 },
  q_price: { weight: 0.3, related: [["cost", 0.8]] },
  q_why: { weight: 0.3 },
  q_how: { weight: 0.2 },
  q_who: { weight: 0.2, related: [["eligibility", 0.4]] },
  /** For whom («لمين البرامج», "who is it for", «کس کے لیے»): the people something is meant for. */
  q_forwhom: { weight: 0.2, related: [["eligibility", 0.75]] },
};

/**
 * Families of FAQ entries that people confuse, by the concepts that mark them:
 * an entry belongs to the family whose concepts appear in most of its question
 * variants.
 */
export const FAMILIES: Record<string, string[]> = {
  apply: ["apply"],
  volunteer: ["volunteer"],
  complaint: ["complaint", "conduct"],
  appeal: ["appeal", "rejection"],
  contact: ["contact", "social_media"],
  staff: ["talk", "employee"],
  suggestion: ["feedback", "rating", "quality"],
  status: ["status"],
  decision_time: ["duration", "result", "decision"],
};

/**
 * Pairs of families close enough that, when both answers score near each
 * other, the matcher asks which one is meant instead of answering one.
 */
export const CONFUSABLE_PAIRS: Array<[string, string]> = [
  ["apply", "volunteer"],
  ["complaint", "appeal"],
  ["contact", "staff"],
  ["complaint", "suggestion"],
  ["status", "decision_time"],
];

/**
 * Meaning units that combine: a complaint about a decision is (also) an appeal;
 * contacting "someone" is (also) asking for a person; a remark about a staff
 * member is (also) a complaint.
 */
export const COMPOSITIONS: Composition[] = [
  // «الموظف رفض يساعدني», "the trainer refused": a person who refused is conduct, not a decision.
  { when: [["rejection"], ["employee", "trainer", "driver"]], demote: true },
  { when: [["complaint"], ["decision", "rejection"]], add: "appeal", factor: 0.85, ambiguous: true },
  { when: [["contact"], ["someone"]], add: "talk", factor: 0.85, ambiguous: true },
  { when: [["remark"], ["employee", "conduct", "someone", "trainer"]], add: "complaint", factor: 0.9, ambiguous: true },
  { when: [["review"], ["rejection", "decision"]], add: "appeal", factor: 0.85 },
  // «هل يلزم حضوري؟», "do I have to come": asking for a way without coming.
  { when: [["come"], ["required"]], add: "remote", factor: 0.8 },
  // «تاخذون فلوس على الدروس؟», «بمقابل مادي», "do you charge money": a fee.
  { when: [["money"], ["receive", "payment"]], add: "cost", factor: 0.9 },
  // «اقدم شكوى», "submit an appeal", «اسجل متطوع», «وش المطلوب عشان اسجل»: the verb is how, the noun is what.
  {
    when: [
      ["apply"],
      ["complaint", "appeal", "feedback", "rating", "idea", "remark", "permit", "donation", "erase", "cancel", "volunteer", "required", "documents", "status", "my_request",
        "result", "decision", "acceptance", "rejection", "duration", "cost", "remote", "home_visit"],
    ],
    demote: true,
  },
  // "where can I submit my idea", «وين اقدم اقتراحي»: where says how to send a suggestion, not that it is a complaint's place.
  { when: [["q_where"], ["feedback", "idea", "rating"]], demote: true },
  // «جمعیت میں کیا پڑھایا جاتا ہے», "what is taught at the association": the association is where, the lessons are what is asked.
  { when: [["association"], ["training", "lecture"]], demote: true },
  // «سرطان القولون», "blood cancer": the organ next to the cancer names another cancer, a topic of its own
  // (a profile for one cancer answers it apart); the relative who has it is the story, not a question of family support.
  { when: [["organ"], ["cancer"]], add: "other_cancer", factor: 1 },
  { when: [["family"], ["organ", "other_cancer"]], demote: true },
  // "who can get free water", «مين يستحق الدورات المجانية»: free says what is given; who may have it is asked.
  { when: [["cost"], ["eligibility"]], demote: true },
  // "give money for the mosque water, how can I pay": paying is how the gift is made.
  { when: [["payment"], ["donation"]], demote: true },
  // «وين طلبي», «میری درخواست کہاں ہے»: where one's own request is asks how far it has got, not for a place.
  { when: [["q_where"], ["my_request"]], add: "status", factor: 0.9 },
  // «يوصلني للمستشفى», "take me to hospital": a ride to treatment is transport, not a delivery.
  { when: [["delivery"], ["sick"]], add: "transport", factor: 0.9 },
  // «مسلمان ہونا چاہتا ہے، شہادہ کہاں پڑھے»: next to a faith, the shahada is the testimony of faith, not a course's certificate.
  { when: [["certificate"], ["religion"]], add: "religion", factor: 0.9 },
  // "learn about Islam and accept it": accepting next to a faith is embracing it, not being accepted.
  { when: [["receive"], ["religion"]], add: "religion", factor: 0.9 },
  // «حالتهم المادية», «وضعي المادي»: a person's means, not the state of a request.
  { when: [["status"], ["money"]], demote: true },
  // "what do I need to submit with my application", «وش المطلوب لطلبي»: the request says which; what it needs is asked.
  { when: [["my_request"], ["required", "documents"]], demote: true },
  // «اعبي الاستمارة», "fill the application for her": filling a form is applying, not filling a tank.
  { when: [["request"], ["fill"]], add: "apply", factor: 0.9 },
  { when: [["fill"], ["request"]], demote: true },
  // «احول لكم مبلغ دعم», "transfer a sum to support you": support sent by transfer is a gift.
  { when: [["aid"], ["bank"]], add: "donation", factor: 0.9 },
  // «ودي توصل للمسؤولين», "get it to the people in charge": reaching a person, not a delivery.
  { when: [["delivery"], ["employee", "someone"]], demote: true },
  // «وحده من المتطوعات كلمتني باسلوب…», "a volunteer shouted at me": the volunteer is who is complained about.
  { when: [["volunteer"], ["complaint", "conduct"]], demote: true },
  // "we have no car, can you help us get there?": getting there without a car is a ride, not the way to the office.
  { when: [["come"], ["transport"]], demote: true },
  // «حساباتكم في التواصل», "your accounts on social media": the association's pages, not a bank account.
  { when: [["account"], ["social_media", "contact"]], demote: true },
  // «وين وصل طلب الدعم», "is my support application still pending": the support only says which request; the status is asked.
  { when: [["aid"], ["status"]], demote: true },
  // «اسجل ولدي ببرنامج الشباب», "donate to youth programs", "fees for the youth program": the audience names which program; the intent or the fee is what is asked.
  { when: [["youth"], ["apply", "donation", "cost"]], demote: true },
  // «الشهادات الدراسية» asked for with the papers are documents, not the certificate a course gives.
  { when: [["certificate"], ["documents", "required"]], demote: true },
  // «صورة الهوية مين يشوفها», "do you share my ID copy": the paper is what the privacy question is about.
  { when: [["documents", "id_card", "deed"], ["privacy"]], demote: true },
  // "who will know that I have cancer", «محد يدري عن مرضي؟»: the illness is whose secret it is; who knows is asked.
  { when: [["cancer", "sick", "disability"], ["privacy"]], demote: true },
  // "who can apply", «مين يحق له يسجل»: who may is asked; applying is what they may do.
  { when: [["apply"], ["eligibility"]], demote: true },
  // "who can join", «مين يقدر يشارك»: a question of eligibility, not of joining.
  { when: [["join"], ["eligibility", "age", "gender", "required", "religion", "nationality", "category"]], demote: true },
  // «بنتي تقدر تشارك؟», "can my son join": whether a person like this may take part.
  { when: [["join"], ["children", "youth", "disability", "elderly", "widow", "orphan"]], add: "eligibility", factor: 0.8 },
  // «انضم لفريق التطوع», «اوصل لموظف»: the word that means either is told which by the other.
  { when: [["join"], ["volunteer"]], demote: true },
  // «درس میں شامل ہونا», "join the class": a place in a course or lesson is applying, not volunteering.
  { when: [["join"], ["training", "lecture"]], add: "apply", factor: 0.9, settles: true },
  // «اختي لاحظت كتله», "my mother has pain": a relative's symptom is the symptom, not support for the family.
  { when: [["family"], ["symptom"]], demote: true },
  { when: [["reach"], ["employee", "talk"]], demote: true },
  // "your email and the other ways to reach you", «رقمكم وطرق الوصول لكم»: a channel named, the channels are asked.
  { when: [["reach"], ["contact", "social_media"]], add: "contact", factor: 0.97, settles: true },
  // «التواصل مع موظف»: a person, not the association's channels.
  { when: [["contact"], ["employee"]], add: "talk", factor: 0.9 },
  // «ایک بندے نے بدتمیزی کی», "the employee was rude to me": rude conduct by a person is a complaint about them.
  { when: [["conduct"], ["employee", "trainer", "someone"]], add: "complaint", factor: 0.9 },
];
