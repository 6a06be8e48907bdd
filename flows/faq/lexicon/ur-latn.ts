/**
 * Roman Urdu (Urdu typed in Latin letters, as many workers write on their
 * phones): common spellings of the everyday words for the concepts. English
 * words they mix in (registration, class, fees, number) come from en.ts.
 */

import type { LocaleLexicon } from "./types";

export const UR_LATN: LocaleLexicon = {
  concepts: {
    hours: ["daftar ka waqt", "office timing", "timing"],
    open_close: ["khulta", "khulti", "khulay", "khule", "band hota"],
    time: ["waqt", "time"],
    location: ["pata", "jagah", "jaga"],
    office: ["daftar", "daftar kahan"],
    apply: ["dakhla", "dakhila", "darkhwast", "darkhast", "naam likhwana", "naam darj"],
    documents: ["kaghzat", "kagzat", "kaghaz", "kagaz"],
    required: ["zaroori", "zaruri", "chahiye", "chahiyen"],
    eligibility: ["mustahiq"],
    status: ["kya bana", "kya hua"],
    result: ["jawab", ],
    acceptance: ["manzoor", "qubool", "kabool"],
    rejection: ["mustarad", "rad ho gayi", "rad hua"],
    appeal: ["appeal", "nazarsani", "dobara ghor"],
    complaint: ["shikayat", "shikayet"],
    feedback: ["tajweez", "raaye", "raye", "mashwara"],
    contact: ["rabta", "raabta", "phone number", "number"],
    talk: ["baat karni", "baat karna", "baat"],
    employee: ["banda", "bande", "mulazim", "staff"],
    privacy: ["raaz", "khufia", "mehfooz"],
    data: ["maloomat", "malumat", "data"],
    erase: ["mita do", "delete kar"],
    donation: ["chanda", "atiya", "atiyah", "donation"],
    volunteer: ["razakar", "razakaar", "volunteer"],
    cost: ["fees", "fee", "muft", "paisay", "paise", "kharcha"],
    money: ["paisa", "paison"],
    religion: ["islam", "musalman", "musalmaan", "muslim", "islam qubool", "deen"],
    training: ["class", "course", "dars", "sabaq"],
    language: ["zaban", "urdu", "angrezi", "english", "bangla"],
    books: ["kitab", "kitaben", "kitabein", "quran"],
    translation: ["tarjuma", "tarjama"],
    permit: ["ijazat", "ijazat nama", "permit"],
    salary: ["tankhwah", "tankhwa", "salary"],
    family: ["ghar wale", "family"],
    decision: ["faisla"],
  },
  questionWords: {
    q_what: ["kya", "kia", "konsa", "kaunsa"],
    q_where: ["kahan", "kahaan", "kidhar"],
    q_when: ["kab"],
    q_howmuch: ["kitna", "kitni", "kitne"],
    q_why: ["kyun", "kyon", "kiun"],
    q_how: ["kaise", "kese", "kaisay", "kaisy", "tareeqa", "tarika"],
    q_who: ["kaun", "kon"],
  },
  stopwords: [
    "main", "mein", "mai", "mujhe", "mujhko", "mera", "meri", "mere", "aap", "ap", "apka", "apki", "aapka", "aapki", "hum", "ham",
    "hai", "hain", "hay", "ho", "hun", "hoon", "tha", "thi", "the", "ka", "ki", "ke", "ko", "se", "par", "pe", "aur", "ya",
    "bhi", "to", "tou", "ji", "jee", "please", "plz", "karna", "karni", "karun", "karoon", "karo", "karen", "karain", "kar",
    "chahta", "chahti", "chahte", "sakta", "sakti", "sakte", "dena", "dein", "den", "do", "lena", "lein", "milega", "milegi",
    "hona", "hota", "hoti", "hote", "koi", "kisi", "liye", "lye", "wala", "wali", "wale", "abhi", "ab", "yeh", "ye", "woh", "wo",
  ],
  light: ["batayen", "batain", "batao", "bata"],
  offTopic: [
    "neend", "bore", "namaz ka waqt",
    "garmi", "bhook", "chai","mausam", "cricket", "match", "gaana", "latifa", "khana pakana"],
  askWords: ["kya", "kia", "chahta", "chahti", "chahiye", "sakta", "sakti", "sakte"],
  negations: ["nahi", "nahin", "na", "mat"],
};
