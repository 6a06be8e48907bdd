/**
 * Health symptoms described in chat («لاحظت كتلة في صدري», "I found a lump
 * in my breast", «مجھے بغل میں گلٹی محسوس ہوئی»): for an association that
 * cares for patients (its profile names a `safeguarding.symptoms` role), such
 * a message is never answered by the FAQ as if it were a general question.
 * A symptom needs a person it happens to (I, my, my mother...); "what are the
 * symptoms of breast cancer?" is a general question and goes to the FAQ.
 */
import { Clause, compileLexicon, matchRule, type Lexicon } from "./match";
import { NEGATION } from "./negation";
import { clauses } from "./normalize";

const groups: Record<string, string> = {
  SYMPTOM: [
    // Arabic.
    "كتله|كتل|كتلتين|ورم|اورام|تورم|متورم|متورمه|انتفاخ|منتفخ|منتفخه|افرازات|افراز|احمرار|محمر|حكه|حكة|تقشر|قشور|تغير_في_الجلد|تغير_لون|تجعد|الحلمه|حلمه|حلمتي|غدد|غده|عقده|عقد_لمفاويه|تحت_الابط|الابط|ابطي|الم|الام|وجع|يوجعني|يعورني|يالمني|يؤلمني|اوجاع|ثقل|دوخه|دوار|غثيان|استفراغ|ترجيع|اسهال|حراره|حرارتي|حمى|سخونه|تعب_شديد|ارهاق|خمول|تنميل|خدر|طفح|بقع|كدمات|صداع|كحه|سعال|نزل_وزني|فقدان_شهيه|فقدان_وزن|تورم_الذراع|تورم_يدي|انتفاخ_يدي|حبه|حبوب_في|قاسي|قاسيه|صلب|صلبه",
    // English.
    "lump|lumps|mass|swelling|swollen|discharge|redness|rash|itching|itchy|dimpling|puckering|inverted|nipple|lymph|node|nodes|armpit|pain|painful|ache|aching|sore|tender|fever|nausea|vomiting|dizzy|dizziness|fatigue|exhausted|numbness|numb|tingling|spotting|cough|bruising|bruise|hard_spot|thickening|weight_loss|lost_weight|headache",
    // Urdu and Roman Urdu.
    "گلٹی|گانٹھ|رسولی|سوجن|ورم|رطوبت|اخراج|سرخی|خارش|درد|بخار|متلی|الٹی|چکر|کمزوری|تھکاوٹ|جھنجھناہٹ|دانے|نپل|بغل|gilti|ganth|gaanth|rasoli|sojan|soojan|waram|dard|bukhar|ulti|chakkar|kamzori|thakawat|khujli|surkhi|daane|baghal",
  ].join("|"),
  PERSON: [
    "عندي|عندها|فيني|فيها|لاحظت|لاحظتها|احس|احسها|حسيت|اشعر|اعاني|تعاني|صار_عندي|صارت|طلع_لي|طلعت_لي|ظهر_لي|ظهرت_لي|صدري|ثديي|ابطي|جسمي|يدي|ذراعي|حلمتي|امي|اختي|بنتي|زوجتي|يعورني|يوجعني|يالمني|يؤلمني|من_امس|من_اسبوع|من_يومين|من_شهر|بعد_الكيماوي|بعد_العمليه|بعد_الجرعه|بعد_الاشعاع|بعد_العلاج",
    "i_have|ive_got|ive|i_got|i_noticed|noticed|i_found|found|i_feel|i_felt|felt|feel|my|mine|my_mother|my_sister|my_mom|my_wife|my_daughter|since|after_chemo|after_surgery|after_radiation|after_my|im_having|having|getting",
    "مجھے|میرے|میری|میں_نے|محسوس|نظر_آئی|ہو_رہا|ہو_رہی|امی|بہن|mujhe|mujhay|mere|meri|maine|mehsoos|ho_raha|ho_rahi|ammi|behen",
  ].join("|"),
};

const lexicon: Lexicon = {
  lang: "ar",
  groups,
  rules: [
    { kind: "medical", p: "@PERSON @SYMPTOM", gap: 5 },
    { kind: "medical", p: "@SYMPTOM @PERSON", gap: 5 },
  ],
};

const RULES = compileLexicon(lexicon);

/** True when `text` describes health symptoms someone has (not a general question about symptoms). */
export function describesSymptoms(text: string): boolean {
  return clauses(text).some((words) => {
    const clause = new Clause(words);
    return RULES.some((rule) => matchRule(rule, clause, NEGATION) !== null);
  });
}
