/**
 * FAQ matching: a synthetic but varied Arabic knowledge base (services an
 * association offers × the questions people ask about each), queried with
 * paraphrases, dialect, typos, greetings and off-topic messages.
 */
import { createFaqMatcher, type FaqEntry } from "../../flows/faq/matcher";
import { nowMs, pick, rng, summarize, type Summary } from "./util";

const SERVICES = [
  "تركيب خزان", "توصيل وايت ماء", "سقيا المساجد", "السلة الغذائية", "كفالة الأيتام", "ترميم المنازل",
  "الحقيبة المدرسية", "كسوة العيد", "الأجهزة الكهربائية", "سداد فواتير الكهرباء", "دعم الإيجار السكني",
  "العلاج الطبي", "النظارات الطبية", "الأجهزة التعويضية", "الكراسي المتحركة", "الدورات التدريبية",
  "برنامج التوظيف", "القرض الحسن", "الزواج الجماعي", "إفطار صائم", "مشروع الأضاحي", "زكاة الفطر",
  "كفالة الأسر", "رعاية المسنين", "الإرشاد الأسري", "الاستشارات القانونية", "التطوع", "التبرع العيني",
  "برادات المياه", "حفر الآبار", "المكيفات", "الأثاث المنزلي", "بطاقات التموين", "النقل المدرسي",
  "السكن الخيري", "الحقيبة الشتوية", "البطانيات", "رعاية ذوي الإعاقة", "حلقات تحفيظ القرآن",
  "المنح الدراسية", "الحاسب المحمول", "تأهيل الشباب",
] as const;

/** Question templates per aspect; `{s}` is the service. The last one is held out of the KB. */
const ASPECTS: Record<string, string[]> = {
  apply: ["كيف أقدم على {s}؟", "طريقة التسجيل في {s}", "ابي اسجل في {s} وش اسوي", "ودي اقدم طلب {s} من وين ابدأ"],
  conditions: ["ما هي شروط {s}؟", "وش الشروط المطلوبة ل{s}", "مين يحق له {s}", "هل انا مستحق {s}"],
  documents: ["ما المستندات المطلوبة ل{s}؟", "وش الاوراق اللي احتاجها ل{s}", "هل يلزم صك او هوية في {s}", "ايش الملفات المطلوبة عشان {s}"],
  duration: ["كم مدة دراسة طلب {s}؟", "متى يطلع رد {s}", "كم يوم ينتظر طلب {s}", "طولتوا علي في {s} متى الرد"],
  cost: ["هل {s} مجاني؟", "كم رسوم {s}", "هل ادفع شي مقابل {s}", "بكم {s} عندكم"],
  status: ["كيف اتابع طلب {s}؟", "وين وصل طلبي في {s}", "ابي اعرف حالة طلب {s}", "طلبي حق {s} وش صار عليه"],
  cancel: ["كيف الغي طلب {s}؟", "ابي الغي {s}", "هل اقدر اسحب طلب {s}", "ما عاد ابي {s} الغوه"],
  renew: ["هل يتجدد {s} كل سنة؟", "كيف اجدد {s}", "متى اقدر اقدم على {s} مرة ثانية", "انتهى {s} حقي ابي تجديد"],
  rejected: ["رفضوا طلب {s} ليش؟", "كيف اعترض على رفض {s}", "طلبي في {s} مرفوض وش اسوي", "ابي اتظلم من قرار {s}"],
  location: ["وين مقر {s}؟", "هل {s} يشمل القرى", "هل تخدمون {s} خارج المدينة", "اسكن بعيد هل يوصلني {s}"],
  edit: ["كيف اعدل بيانات طلب {s}؟", "غلطت في طلب {s} ابي اصلح", "ابي اغير رقم جوالي في طلب {s}", "تعديل معلومات {s}"],
  contact: ["مين المسؤول عن {s}؟", "ابي اكلم موظف {s}", "رقم التواصل الخاص ب{s}", "كيف اوصل لقسم {s}"],
};

const ANSWERS: Record<string, string> = {
  apply: "يمكنك التقديم على {s} من هنا مباشرة أو بزيارة مقر الجمعية، وتعبئة البيانات المطلوبة.",
  conditions: "يشترط في {s} أن يكون المتقدم من سكان نطاق الجمعية وأن تنطبق عليه معايير الاستحقاق المعتمدة.",
  documents: "نحتاج لطلب {s} صورة الهوية الوطنية وما يثبت السكن، ويطابقها الموظف وقت التقديم.",
  duration: "تدرس اللجنة طلب {s} خلال عشرة أيام عمل ويصلك الرد برسالة.",
  cost: "خدمة {s} مجانية بالكامل ولا نطلب أي رسوم.",
  status: "تابع طلب {s} بكتابة «طلباتي» ثم اختيار رقم الطلب.",
  cancel: "لإلغاء طلب {s} اكتب «طلباتي» واختر الطلب ثم «إلغاء».",
  renew: "يتجدد {s} سنويًا بعد تحديث بياناتك.",
  rejected: "إذا رُفض طلب {s} يحق لك طلب إعادة النظر خلال خمسة عشر يومًا.",
  location: "نقدم {s} داخل المحافظة وقراها التابعة.",
  edit: "لتعديل بيانات طلب {s} تواصل مع الموظف المختص أو اكتب «موظف».",
  contact: "يمكنك التواصل مع قسم {s} عبر الرقم الموحد أو بكتابة «موظف».",
};

const OFF_TOPIC = [
  "كم سعر الذهب اليوم", "مين فاز بالمباراة امس", "وش افضل جوال اشتريه", "الجو حار مرة اليوم",
  "ابي وصفة كبسة لحم", "متى ينزل الراتب", "كيف اجدد رخصة القيادة", "وش رايك في الهلال",
];
const GREETINGS = ["السلام عليكم ", "مرحبا ", "هلا ", "الله يعطيك العافية "];
const SUFFIXES = [" لو سمحت", " الله يسعدك", "؟؟", " ضروري", ""];

export interface FaqKb {
  entries: FaqEntry[];
  /** Held-out phrasings and variations, with the entry each one means (null: none). */
  queries: Array<{ text: string; expect: string | null }>;
}

/** Swaps two adjacent letters of one word longer than four letters (a typo). */
function typo(text: string, r: () => number): string {
  const words = text.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length > 4);
  if (long.length === 0) return text;
  const [w, i] = pick(r, long);
  const k = 1 + Math.floor(r() * (w.length - 2));
  words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return words.join(" ");
}

export function syntheticKb(size: number, queryCount: number, seed = 42): FaqKb {
  const aspects = Object.keys(ASPECTS);
  const entries: FaqEntry[] = [];
  for (let i = 0; i < size; i++) {
    const service = SERVICES[Math.floor(i / aspects.length) % SERVICES.length]!;
    const round = Math.floor(i / (aspects.length * SERVICES.length));
    const aspect = aspects[i % aspects.length]!;
    // Past one round of services, vary the service with a place so entries stay distinct.
    const s = round === 0 ? service : `${service} في فرع ${["بريدة", "عنيزة", "الرس", "البكيرية"][round % 4]}`;
    const templates = ASPECTS[aspect]!;
    entries.push({
      id: `e${i}`,
      questions: templates.slice(0, -1).map((t) => t.replaceAll("{s}", s)),
      answer: ANSWERS[aspect]!.replaceAll("{s}", s),
    });
  }
  const r = rng(seed);
  const queries: FaqKb["queries"] = [];
  for (let q = 0; q < queryCount; q++) {
    if (r() < 0.1) {
      queries.push({ text: pick(r, OFF_TOPIC), expect: null });
      continue;
    }
    const i = Math.floor(r() * size);
    const service = SERVICES[Math.floor(i / aspects.length) % SERVICES.length]!;
    const round = Math.floor(i / (aspects.length * SERVICES.length));
    const s = round === 0 ? service : `${service} في فرع ${["بريدة", "عنيزة", "الرس", "البكيرية"][round % 4]}`;
    const templates = ASPECTS[aspects[i % aspects.length]!]!;
    // Mostly the held-out phrasing; sometimes a known one with noise.
    let text = (r() < 0.6 ? templates[templates.length - 1]! : pick(r, templates)).replaceAll("{s}", s);
    if (r() < 0.3) text = typo(text, r);
    if (r() < 0.25) text = pick(r, GREETINGS) + text;
    text += pick(r, SUFFIXES);
    queries.push({ text, expect: `e${i}` });
  }
  return { entries, queries };
}

export interface FaqResultBench {
  entries: number;
  queries: number;
  buildMs: number;
  perQuery: Summary;
  /** Share of on-topic queries whose entry is among the top 3 (a sanity check, not a goal). */
  top3: number;
  /** Share of off-topic queries with nothing accepted. */
  offTopicRejected: number;
}

export function runFaq(options: { entries: number; queries: number; synonyms?: string[][] }): FaqResultBench {
  const kb = syntheticKb(options.entries, options.queries);
  const t0 = nowMs();
  const matcher = createFaqMatcher(kb.entries, { synonyms: options.synonyms ?? [] });
  const buildMs = nowMs() - t0;
  // Warm-up (JIT), on a different draw of queries.
  for (const q of syntheticKb(options.entries, 300, 7).queries) matcher.match(q.text, 3);

  const times = new Float64Array(kb.queries.length);
  let onTopic = 0;
  let hit = 0;
  let off = 0;
  let offRejected = 0;
  kb.queries.forEach((q, i) => {
    const s = nowMs();
    const result = matcher.match(q.text, 3);
    times[i] = nowMs() - s;
    if (q.expect === null) {
      off++;
      if (!result.accepted) offRejected++;
    } else {
      onTopic++;
      if (result.candidates.some((c) => c.id === q.expect)) hit++;
    }
  });
  return {
    entries: kb.entries.length,
    queries: kb.queries.length,
    buildMs,
    perQuery: summarize(times),
    top3: onTopic ? hit / onTopic : NaN,
    offTopicRejected: off ? offRejected / off : NaN,
  };
}
