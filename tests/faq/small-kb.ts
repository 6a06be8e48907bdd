/** A small knowledge base of the FAQ entries people confuse most, for the matcher's unit tests. */
export const SMALL_KB = [
  { id: "application_status", questions: ["وين وصل طلبي؟", "What is the status of my application?"] },
  { id: "decision_time", questions: ["متى يطلع الرد على طلبي؟", "كم ياخذ وقت الرد؟", "How long until I get an answer?"] },
  { id: "working_hours", questions: ["وش اوقات الدوام؟", "متى تفتحون؟", "What are your working hours?"] },
  { id: "who_qualifies", questions: ["مين يحق له يستفيد؟", "وش الشروط؟", "Who can benefit?"] },
  { id: "privacy", questions: ["مين يشوف بياناتي؟", "Who sees my data?"] },
];
