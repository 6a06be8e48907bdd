/**
 * General lexicon for FAQ matching: how Saudi/Gulf beneficiaries write everyday
 * words, mapped onto shared concepts, plus function words that carry no topic.
 *
 * This is general dialect and non-profit vocabulary (any association's FAQ),
 * not wording taken from an evaluation set. Words are written in ordinary
 * spelling; the matcher normalises them (hamza, taa marbuta, alef maqsura…)
 * and also finds them with the article, one-letter prefixes, pronoun and
 * plural suffixes and imperfect-verb prefixes removed, so listing the base
 * forms is enough. Multi-word entries are phrases.
 *
 * A concept may point at related concepts with a weight below 1: a weaker
 * link ("the bank account" → donating, "when do you close" → working hours).
 * Associations add their own synonym groups through the matcher options.
 */

export interface Concept {
  /** Language-neutral id; Arabic and English words of the same meaning share it. */
  id: string;
  ar?: string[];
  en?: string[];
  ur?: string[];
  /** Weaker links to other concepts, weight in (0, 1). */
  related?: Array<[string, number]>;
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
}

export const CONCEPTS: Concept[] = [
  /* ---- time, hours, days ---- */
  {
    id: "hours",
    ar: ["دوام", "داوم", "يداوم", "تداوم", "نداوم", "مداوم", "دوامات", "ساعات العمل", "اوقات العمل", "وقت العمل", "اوقات الدوام", "ساعات الدوام"],
    en: ["hours", "opening hours", "working hours", "business hours", "office hours", "timings"],
    ur: ["اوقات کار"],
  },
  {
    id: "open_close",
    ar: [
      "يفتح", "تفتح", "يفتحون", "نفتح", "مفتوح", "فاتحين", "فاتح",
      "يقفل", "تقفل", "يقفلون", "مقفل", "مقفول", "قافلين", "قافل",
      "يسكر", "تسكر", "يسكرون", "مسكر", "مسكرين", "يغلق", "تغلق", "اغلاق", "مغلق",
      "تشتغلون", "يشتغلون", "شغالين",
    ],
    en: ["open", "opens", "opening", "close", "closes", "closing", "closed"],
    ur: ["کھلتا", "بند"],
    related: [["hours", 0.85]],
  },
  {
    id: "time",
    generic: true,
    ar: ["وقت", "اوقات", "مواعيد", "ساعه", "ساعات", "توقيت", "توقيتات", "زمن"],
    en: ["time", "times", "timing", "schedule", "what time"],
    ur: ["وقت", "اوقات"],
    related: [["hours", 0.5]],
  },
  {
    id: "weekday",
    ar: ["السبت", "الاحد", "الاثنين", "الثلاثاء", "الثلوث", "الاربعاء", "الاربعا", "الخميس", "الجمعه", "يوم الجمعه", "ايام الاسبوع", "نهايه الاسبوع", "الويكند"],
    en: ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "weekend", "weekday", "weekdays"],
    related: [["hours", 0.6]],
  },
  {
    id: "holiday",
    ar: ["اجازه", "اجازات", "عطله", "عطل", "اجازه رسميه", "رمضان", "العيد", "الاعياد"],
    en: ["holiday", "holidays", "vacation", "ramadan", "eid"],
    related: [["hours", 0.5]],
  },
  {
    id: "daytime",
    generic: true,
    ar: ["صباح", "صباحا", "الصبح", "الصباح", "الظهر", "ظهرا", "العصر", "المغرب", "مساء", "مساءا", "المسا", "الليل", "بالليل", "الفجر"],
    en: ["morning", "afternoon", "evening", "night"],
    related: [["hours", 0.5]],
  },
  {
    id: "start_end",
    generic: true,
    ar: ["يبدا", "تبدا", "تبدون", "يبدون", "نبدا", "بدايه", "يخلص", "تخلص", "تخلصون", "ينتهي", "تنتهي", "نهايه", "يطلعون", "تطلعون"],
    en: ["start", "starts", "begin", "begins", "finish", "finishes", "end", "ends"],
    related: [["hours", 0.4], ["time", 0.4]],
  },
  {
    id: "appointment",
    intent: true,
    ar: ["موعد", "حجز", "احجز", "نحجز", "يحجز", "مقابله", "زياره", "ازوركم"],
    en: ["appointment", "booking", "book", "interview", "visit"],
    related: [["time", 0.4]],
  },
  {
    id: "duration",
    ar: ["مده", "فتره", "قد ايش", "قديش", "المده الزمنيه", "ياخذ وقت", "تاخذ وقت"],
    en: ["how long", "duration", "period", "long does it take"],
    ur: ["کتنا وقت", "کتنے دن"],
  },
  {
    id: "period_unit",
    generic: true,
    ar: ["يوم", "ايام", "اسبوع", "اسابيع", "اسبوعين", "شهر", "شهور", "اشهر", "شهرين", "يومين", "سنه", "سنوات"],
    en: ["day", "days", "week", "weeks", "month", "months", "year", "years"],
    related: [["duration", 0.7], ["time", 0.4]],
  },
  {
    id: "wait",
    ar: ["انتظار", "انتظر", "ننتظر", "ينتظر", "تنتظر", "استنى", "نستنى", "يستنى", "اصبر"],
    en: ["wait", "waiting"],
    related: [["duration", 0.7]],
  },
  {
    id: "delay",
    ar: ["تاخير", "تاخر", "تاخرت", "تاخرتوا", "متاخر", "يتاخر", "تاخرتو", "بطء", "طول"],
    en: ["delay", "delayed", "late", "slow"],
    related: [["duration", 0.4], ["complaint", 0.4]],
  },

  /* ---- place ---- */
  {
    id: "location",
    ar: ["موقع", "لوكيشن", "لوكيشين", "عنوان", "عناوين", "مكان", "اماكن", "مقر", "مقرات", "يقع", "تقع", "تقعون", "خريطه", "خرايط", "خرائط", "قوقل ماب", "جوجل ماب", "الماب", "وصف الطريق", "اتجاهات"],
    en: ["location", "address", "map", "maps", "directions", "located", "place", "premises", "headquarters", "google maps"],
    ur: ["پتہ", "مقام", "جگہ"],
  },
  {
    id: "come",
    ar: ["يجي", "اجي", "نجي", "تجي", "جيت", "جينا", "اوصل لكم", "نوصل لكم", "اوصلكم", "نوصلكم", "اوصل عندكم", "احضر", "نحضر", "اراجع", "نراجع", "اروح لكم"],
    en: ["come", "get there", "find you", "get to", "directions to"],
    related: [["location", 0.6], ["delivery", 0.4]],
  },
  {
    id: "near",
    generic: true,
    ar: ["قريب", "قريبه", "اقرب", "جنب", "بجوار", "حول", "قريب مني", "بعيد", "بعيده", "ابعد", "مسافه"],
    en: ["near", "nearby", "nearest", "close to", "far", "distance"],
    related: [["location", 0.4]],
  },
  {
    id: "reside",
    ar: ["اسكن", "نسكن", "يسكن", "تسكن", "ساكن", "ساكنه", "ساكنين", "مقيم", "مقيمين", "نعيش", "اعيش"],
    en: ["live in", "living in", "reside", "resident"],
    related: [["area", 0.5], ["location", 0.4], ["home", 0.4]],
  },
  {
    id: "branch",
    ar: ["فرع", "فروع", "الفروع"],
    en: ["branch", "branches"],
    ur: ["برانچ", "شاخ"],
    related: [["office", 0.6]],
  },
  {
    id: "office",
    ar: ["مكتب", "مكاتب"],
    en: ["office", "offices"],
    related: [["branch", 0.6], ["location", 0.4]],
  },
  {
    id: "representative",
    ar: ["مندوب", "مناديب", "مندوبين", "مندوبه", "ممثل", "ممثلين", "منسق", "منسقين"],
    en: ["representative", "representatives", "agent", "agents", "rep", "coordinator"],
    related: [["branch", 0.5]],
  },
  {
    id: "area",
    generic: true,
    ar: ["قريه", "قرى", "القرى", "هجره", "هجر", "حي", "احياء", "الحاره", "حارتنا", "منطقه", "مناطق", "محافظه", "محافظات", "مدينه", "مدن", "ديره", "البلد"],
    en: ["village", "villages", "area", "areas", "district", "region", "city", "neighborhood", "neighbourhood", "town"],
    ur: ["گاؤں", "علاقہ"],
    related: [["location", 0.3], ["branch", 0.3]],
  },

  /* ---- applying and requests ---- */
  {
    id: "apply",
    intent: true,
    ar: [
      "تقديم", "تقدم", "اتقدم", "يتقدم", "نتقدم", "اقدم", "قدمت", "مقدم الطلب",
      "تسجيل", "سجل", "اسجل", "يسجل", "نسجل", "تسجل", "مسجل", "سجلت", "انضمام", "انضم", "اشتراك", "اشترك", "التحاق", "الحق",
    ],
    en: ["apply", "application", "register", "registration", "sign up", "signup", "enroll", "enrol", "enrollment", "join"],
    ur: ["درخواست", "رجسٹر", "رجسٹریشن", "اپلائی"],
  },
  {
    id: "provide",
    generic: true,
    ar: [
      "توفير", "يوفرون", "توفر", "يوفر", "متوفر", "متاح", "متاحه", "توزيع", "يوزعون", "يوزع", "نوزع",
      "تقدمون", "يقدمون", "تعطون", "يعطون", "تمنحون", "تساعدون", "يساعدون",
    ],
    en: ["provide", "offer", "offers", "give out", "distribute", "hand out", "available"],
  },
  {
    id: "request",
    generic: true,
    ar: ["طلب", "طلبات", "معامله", "معاملات", "ملف"],
    en: ["request", "requests", "case", "file"],
    ur: ["درخواست نمبر"],
  },
  {
    id: "documents",
    ar: [
      "مستند", "مستندات", "وثيقه", "وثائق", "وثايق", "اوراق", "ورق", "ورقه", "اثبات", "اثباتات", "اوراق ثبوتيه",
      "مرفق", "مرفقات", "ارفق", "ارفاق", "يرفق", "نرفق", "صوره من", "نسخه", "ملفات", "الملفات المطلوبه",
    ],
    en: ["document", "documents", "papers", "paperwork", "attachment", "attachments", "attach", "proof", "copy"],
    ur: ["دستاویزات", "کاغذات"],
  },
  {
    id: "required",
    generic: true,
    ar: ["مطلوب", "مطلوبه", "يلزم", "يلزمني", "لازم", "احتاج", "يحتاج", "نحتاج", "تحتاج", "متطلبات", "يتطلب", "شروط التقديم"],
    en: ["required", "requirement", "requirements", "need", "needed", "necessary", "must", "have to"],
    ur: ["ضروری", "چاہیے"],
  },
  {
    id: "eligibility",
    ar: [
      "مستحق", "مستحقين", "مستحقون", "يستحق", "تستحق", "استحقاق", "احقيه", "يحق", "احق",
      "مؤهل", "مؤهلين", "اهليه", "مستفيد", "مستفيدين", "يستفيد", "نستفيد", "استفيد", "استفاده",
      "مستهدف", "مستهدفين", "محتاج", "محتاجين", "محتاجه", "المحتاجين",
    ],
    en: ["eligible", "eligibility", "qualify", "qualifies", "qualified", "beneficiary", "beneficiaries", "entitled", "needy", "who can"],
    ur: ["مستحق"],
  },
  {
    id: "conditions",
    ar: ["شرط", "شروط", "معايير", "معيار", "ضوابط", "الشروط والاحكام"],
    en: ["condition", "conditions", "criteria", "terms"],
    ur: ["شرائط"],
    related: [["eligibility", 0.8], ["required", 0.4]],
  },
  {
    id: "category",
    generic: true,
    ar: ["فئات", "الفئه", "شريحه", "شرايح", "شرائح"],
    en: ["category", "categories", "group", "groups"],
    related: [["eligibility", 0.6]],
  },
  {
    id: "status",
    intent: true,
    ar: [
      "حاله", "وضع", "متابعه", "يتابع", "نتابع", "تتبع", "اتتبع", "مرحله", "مستجدات",
      "وش صار", "ايش صار", "شنو صار", "وش صاير", "وش الجديد", "وين وصل", "وين وصلت", "وصل لوين",
    ],
    en: ["status", "track", "tracking", "follow up", "follow-up", "progress", "update on"],
    ur: ["صورتحال", "اسٹیٹس"],
  },
  {
    id: "result",
    ar: ["نتيجه", "نتايج", "نتائج", "قرار", "رد", "يرد", "تردون", "ترد", "ردكم", "جواب", "افاده", "يبلغوني", "تبلغوني", "اشعار"],
    en: ["result", "results", "decision", "response", "reply", "outcome", "answer", "notify", "notification"],
    related: [["status", 0.5]],
  },
  {
    id: "acceptance",
    ar: [
      "قبول", "مقبول", "مقبوله", "انقبل", "انقبلت", "انقبلنا", "قبلتوا", "قبلوا", "قبلتو", "موافقه", "وافق", "وافقوا", "وافقتوا", "اعتماد", "اعتمد", "انعتمد",
    ],
    en: ["accepted", "acceptance", "approved", "approval"],
    related: [["status", 0.7], ["result", 0.7], ["rejection", 0.5]],
  },
  {
    id: "rejection",
    ar: ["رفض", "مرفوض", "مرفوضه", "انرفض", "انرفضت", "رفضوا", "رفضتوا", "رفضتو", "ما انقبل", "ما انقبلت", "ماانقبلت"],
    en: ["rejected", "rejection", "denied", "refused", "declined", "not accepted"],
    related: [["status", 0.6], ["result", 0.7], ["acceptance", 0.5]],
  },
  {
    id: "review",
    ar: ["دراسه", "يدرسون", "تدرسون", "يدرس", "مراجعه", "تقييم الحاله", "بحث اجتماعي", "باحث", "باحثه", "لجنه", "اللجنه"],
    en: ["review", "reviewed", "assessment", "committee", "under review"],
    related: [["status", 0.4], ["result", 0.5], ["duration", 0.3]],
  },
  {
    id: "disbursement",
    ar: ["صرف", "يصرف", "تصرفون", "يصرفون", "انصرف", "ينصرف", "ينزل", "نزل", "تنزل", "نزلت", "ايداع", "يودع", "انودع", "الدفعه", "دفعه"],
    en: ["disburse", "disbursement", "paid out", "deposit", "deposited", "payout"],
    related: [["provide", 0.4], ["money", 0.3]],
  },
  {
    id: "stopped",
    ar: ["توقف", "توقفت", "وقفت", "وقفتوا", "وقفتو", "انقطع", "انقطعت", "قطعتوا", "ايقاف", "موقوف", "انوقف", "انحرمت", "حرمان"],
    en: ["stopped", "stop", "suspended", "cut off", "discontinued"],
  },
  {
    id: "repair",
    ar: ["ترميم", "ترميمات", "صيانه", "تصليح", "اصلاح", "تصلحون", "يصلحون", "نصلح", "يرمم", "ترممون", "خربان", "خربانه", "خراب", "عطلان", "معطل", "تالف"],
    en: ["repair", "repairs", "maintenance", "fix", "broken", "renovation", "renovate"],
    ur: ["مرمت"],
  },
  {
    id: "cancel",
    intent: true,
    ar: [
      "الغاء", "الغي", "يلغي", "نلغي", "الغوا", "الغوه", "الغيه", "الغوها", "كنسل", "اكنسل", "كنسلوه", "كنسلوا", "انسحاب", "انسحب", "اسحب طلبي",
      "ما عاد ابي", "ماعاد ابي", "ما عاد ابغى", "ماعاد ابغى", "ما عدت ابي", "ما عاد احتاج", "ما ابيه", "ما ابغاه",
    ],
    en: ["cancel", "cancellation", "withdraw"],
  },
  {
    id: "edit",
    intent: true,
    ar: ["تعديل", "اعدل", "يعدل", "نعدل", "تحديث", "احدث", "تغيير", "اغير", "غيرت", "تصحيح", "اصحح"],
    en: ["edit", "update", "change", "modify", "correct", "correction"],
  },
  {
    id: "renew",
    intent: true,
    ar: ["تجديد", "جدد", "اجدد", "يجدد", "نجدد"],
    en: ["renew", "renewal"],
  },

  /* ---- water and housing (common Saudi association programmes) ---- */
  {
    id: "water",
    ar: ["ماء", "مياه", "موية", "مويه", "مايه", "ميه", "الموي"],
    en: ["water"],
    ur: ["پانی"],
  },
  {
    id: "water_supply",
    ar: ["سقيا", "سقايه", "سقي"],
    en: ["water supply", "water provision"],
    related: [["water", 0.6]],
  },
  {
    id: "fill",
    ar: ["تعبئه", "تعبيه", "يعبي", "تعبي", "نعبي", "تعبون", "يعبون", "يملا", "تملون", "يملون", "تعبوا"],
    en: ["fill", "refill", "top up"],
    related: [["water", 0.4], ["delivery", 0.4], ["tank", 0.3]],
  },
  {
    id: "tanker",
    ar: ["صهريج", "صهاريج", "وايت", "وايتات", "ويت", "تانكر"],
    en: ["tanker", "tankers", "water truck", "bowser"],
    ur: ["ٹینکر"],
    related: [["water", 0.5], ["delivery", 0.4]],
  },
  {
    id: "tank",
    ar: ["خزان", "خزانات", "تانكي", "تانك", "خزانه مويه"],
    en: ["tank", "tanks", "storage tank", "cistern"],
    ur: ["ٹینکی"],
    related: [["water", 0.3]],
  },
  {
    id: "cooler",
    ar: ["براده", "ثلاجه ماء", "مبرد", "مبردات", "كولر"],
    en: ["water cooler", "cooler", "coolers", "dispenser"],
    related: [["water", 0.5]],
  },
  {
    id: "filter",
    ar: ["فلتر", "فلاتر", "محطه تحليه", "تحليه", "تنقيه"],
    en: ["filter", "filters", "purifier", "desalination"],
    related: [["water", 0.4]],
  },
  {
    id: "delivery",
    ar: ["توصيل", "يوصل", "توصل", "يوصلون", "توصلون", "نوصل", "يوصلني", "ايصال للبيت", "شحن", "يجيبون", "تجيبون", "يودون", "ما وصل", "ما وصلت", "ما وصلني", "ماوصل", "ماوصلني"],
    en: ["delivery", "deliver", "delivered", "bring", "shipping", "arrive", "arrived", "arrival"],
    ur: ["ڈیلیوری", "پہنچا"],
  },
  {
    id: "home",
    ar: ["بيت", "بيوت", "منزل", "منازل", "مسكن", "مساكن", "دار", "شقه", "شقق", "فيلا", "عماره"],
    en: ["home", "house", "homes", "houses", "residence", "apartment", "flat"],
    ur: ["گھر"],
  },
  {
    id: "mosque",
    ar: ["مسجد", "مساجد", "جامع", "جوامع", "مصلى", "مصليات", "مصلين", "المصلين", "امام المسجد"],
    en: ["mosque", "mosques", "masjid"],
    ur: ["مسجد"],
  },
  {
    id: "rent",
    ar: ["ايجار", "اجار", "الايجار", "عقد ايجار", "عقد الايجار", "مستاجر", "ساكن بالايجار", "اسكان", "سكن"],
    en: ["rent", "housing", "lease", "tenancy"],
    ur: ["کرایہ"],
  },
  {
    id: "deed",
    ar: ["صك", "صكوك", "صك ملكيه", "ملكيه", "حجه استحكام"],
    en: ["deed", "title deed", "ownership"],
  },
  {
    id: "payment",
    ar: ["دفع", "ادفع", "يدفع", "ندفع", "تدفعون", "يدفعون", "سداد", "اسدد", "يسدد", "نسدد", "تسددون", "يسددون", "تسديد", "مدفوعات", "اقساط", "قسط"],
    en: ["pay", "payment", "payments", "paying", "settle", "installment", "instalment"],
    ur: ["ادائیگی"],
    related: [["bill", 0.5], ["money", 0.3]],
  },
  {
    id: "bill",
    ar: ["فاتوره", "فواتير", "مديونيه", "متاخرات", "ديون", "دين"],
    en: ["bill", "bills", "invoice", "pay the bill"],
    ur: ["بل"],
  },
  {
    id: "electricity",
    ar: ["كهرباء", "كهربا", "الكهربه", "عداد", "عدادات"],
    en: ["electricity", "power", "electric", "meter"],
    ur: ["بجلی"],
    related: [["bill", 0.5]],
  },

  /* ---- giving ---- */
  {
    id: "donation",
    intent: true,
    ar: [
      "تبرع", "تبرعات", "اتبرع", "يتبرع", "نتبرع", "تتبرع", "متبرع", "متبرعين",
      "ادعم", "ندعم", "يدعم", "تدعم", "داعم", "داعمين", "عطاء", "اساهم", "مساهمه", "نساهم",
    ],
    en: ["donate", "donation", "donations", "donor", "give", "giving", "support", "contribute", "contribution", "charity donation"],
    ur: ["عطیہ", "چندہ"],
  },
  {
    id: "zakat",
    ar: ["زكاه", "زكوات", "زكاه المال", "زكاه الفطر", "فطره", "مزكي"],
    en: ["zakat", "zakah", "zakat al-fitr"],
    ur: ["زکوٰۃ", "زکات"],
    related: [["donation", 0.7]],
  },
  {
    id: "sadaqa",
    ar: ["صدقه", "صدقات", "صدقه جاريه", "اتصدق", "نتصدق", "يتصدق", "تصدق"],
    en: ["sadaqah", "sadaqa", "alms"],
    ur: ["صدقہ", "خیرات"],
    related: [["donation", 0.8]],
  },
  {
    id: "receive",
    ar: ["تستقبلون", "يستقبلون", "تستقبل", "يستقبل", "استقبال", "تقبلون", "يقبلون", "تستلمون", "يستلمون", "استلام", "تاخذون", "ياخذون"],
    en: ["accept", "receive", "take"],
  },
  {
    id: "sponsorship",
    intent: true,
    ar: ["كفاله", "كفالات", "اكفل", "كافل", "يكفل"],
    en: ["sponsorship", "sponsor", "sponsoring"],
    related: [["donation", 0.5]],
  },
  {
    id: "endowment",
    ar: ["اوقاف", "وقفيه", "وقف خيري", "الاوقاف"],
    en: ["endowment", "waqf"],
    related: [["donation", 0.5]],
  },
  {
    id: "account",
    ar: [
      "حساب", "حسابات", "ايبان", "اي بان", "رقم الايبان", "حساب بنكي", "بنك", "بنكي", "بنوك", "مصرف", "مصرفي",
      "تحويل بنكي", "حواله", "حوالات", "احول", "نحول", "تحويل", "الراجحي", "الانماء",
    ],
    en: ["account", "accounts", "bank", "bank account", "iban", "transfer", "wire"],
    ur: ["اکاؤنٹ", "بینک"],
    related: [["donation", 0.5]],
  },
  {
    id: "platform",
    ar: ["منصه", "منصات", "تطبيق", "تطبيقات", "ابلكيشن", "ابلكيشن", "رابط", "لينك", "موقع الكتروني", "الموقع الالكتروني", "الويب", "الكترونيا", "اونلاين"],
    en: ["platform", "app", "application link", "link", "website", "online", "web"],
    ur: ["ایپ", "ویب سائٹ"],
  },
  { id: "ehsan", ar: ["احسان", "منصه احسان"], en: ["ehsan"], related: [["donation", 0.6], ["platform", 0.6]] },
  { id: "absher", ar: ["ابشر", "منصه ابشر"], en: ["absher"], related: [["platform", 0.6]] },
  { id: "tawakkalna", ar: ["توكلنا"], en: ["tawakkalna"], related: [["platform", 0.6]] },
  { id: "nafath", ar: ["نفاذ", "النفاذ الوطني"], en: ["nafath", "nafaz"], related: [["platform", 0.6]] },
  { id: "sehhaty", ar: ["صحتي"], en: ["sehhaty"], related: [["platform", 0.6], ["health", 0.4]] },

  /* ---- volunteering, jobs, training ---- */
  {
    id: "volunteer",
    intent: true,
    ar: ["تطوع", "تطوعي", "تطوعيه", "متطوع", "متطوعين", "متطوعه", "متطوعات", "يتطوع", "نتطوع", "تتطوع", "العمل التطوعي", "ساعات تطوعيه"],
    en: ["volunteer", "volunteering", "volunteers", "volunteered"],
    ur: ["رضاکار", "رضاکارانہ"],
  },
  {
    id: "job",
    ar: ["وظيفه", "وظايف", "وظائف", "توظيف", "شغل", "دوام جزئي"],
    en: ["job", "jobs", "employment", "vacancy", "vacancies", "hiring", "career"],
    ur: ["نوکری", "ملازمت"],
  },
  {
    id: "training",
    ar: ["دوره", "دورات", "تدريب", "تدريبيه", "ورشه", "ورش", "كورس", "كورسات", "تاهيل"],
    en: ["training", "course", "courses", "workshop", "workshops"],
  },
  {
    id: "school",
    ar: ["مدرسه", "مدارس", "دراسي", "الدراسه", "تعليم", "تعليمي", "العام الدراسي", "ابتدائي", "متوسط", "ثانوي"],
    en: ["school", "schools", "education", "schooling"],
    ur: ["اسکول", "تعلیم"],
  },
  {
    id: "university",
    ar: ["جامعه", "جامعات", "جامعي", "كليه", "كليات", "ابتعاث"],
    en: ["university", "college", "universities"],
  },
  {
    id: "student",
    ar: ["طالب", "طلاب", "طالبات", "طالبه", "تلاميذ", "تلميذ"],
    en: ["student", "students", "pupil", "pupils"],
    related: [["school", 0.6], ["university", 0.5]],
  },
  {
    id: "scholarship",
    ar: ["منحه", "منح", "رسوم دراسيه", "مكافاه"],
    en: ["scholarship", "scholarships", "tuition", "grant"],
    related: [["school", 0.4], ["university", 0.4]],
  },
  {
    id: "bag",
    ar: ["حقيبه", "حقايب", "حقائب", "شنطه", "شنط", "قرطاسيه", "ادوات مدرسيه"],
    en: ["bag", "bags", "backpack", "school supplies", "stationery"],
    related: [["school", 0.3]],
  },

  /* ---- feedback, complaints, contact ---- */
  {
    id: "complaint",
    intent: true,
    ar: ["شكوى", "شكاوى", "شكاوي", "شكوي", "يشتكي", "نشتكي", "اشكي", "تظلم", "بلاغ", "ابلاغ", "ابلغ"],
    en: ["complaint", "complaints", "complain", "grievance", "report a problem"],
    ur: ["شکایت"],
    related: [["feedback", 0.6]],
  },
  {
    id: "conduct",
    ar: ["تعامل", "التعامل", "يتعامل", "تعاملكم", "اسلوب", "اسلوبه", "اسلوبهم", "معاملتهم", "احترام", "ما احترمني"],
    en: ["behaviour", "behavior", "attitude", "rude", "disrespectful"],
    related: [["complaint", 0.5], ["feedback", 0.4]],
  },
  {
    id: "problem",
    ar: ["مشكله", "مشاكل", "خلل", "خطا", "غلط", "زعلان", "متضايق", "سيء", "سيئه", "معامله سيئه"],
    en: ["problem", "problems", "issue", "issues", "error", "mistake", "bad", "unhappy"],
    ur: ["مسئلہ"],
    related: [["complaint", 0.6]],
  },
  {
    id: "feedback",
    intent: true,
    ar: ["ملاحظه", "ملاحظات", "اقتراح", "اقتراحات", "مقترح", "مقترحات", "راي", "اراء", "انطباع", "تقييم الخدمه"],
    en: ["feedback", "suggestion", "suggestions", "comment", "comments", "remark", "opinion"],
    ur: ["تجویز", "رائے"],
    related: [["complaint", 0.6]],
  },
  {
    id: "contact",
    ar: [
      "تواصل", "اتواصل", "نتواصل", "يتواصل", "اتصال", "اتصل", "نتصل", "يتصل", "جوال", "هاتف", "تلفون", "تليفون", "موبايل",
      "واتساب", "واتس", "ايميل", "بريد الكتروني", "الرقم الموحد", "رقم التواصل", "رقم الجوال", "رقمكم", "خدمه العملاء", "اراسلكم", "مراسله",
    ],
    en: ["contact", "phone", "call", "mobile", "email", "e-mail", "whatsapp", "telephone", "hotline", "reach", "reach you", "customer service", "phone number"],
    ur: ["رابطہ", "فون"],
  },
  {
    id: "talk",
    intent: true,
    ar: ["اكلم", "نكلم", "يكلم", "اكلمكم", "نكلمكم", "يكلمني", "اتكلم", "نتكلم", "احاكي", "اكلم احد", "حولني", "تحولني"],
    en: ["talk to", "speak to", "speak with", "talk with"],
    ur: ["بات کرنی"],
    related: [["contact", 0.5], ["employee", 0.4]],
  },
  {
    id: "employee",
    ar: ["موظف", "موظفين", "موظفه", "شخص", "انسان", "احد الموظفين", "مسؤول", "المسؤول", "المدير", "مدير"],
    en: ["employee", "staff", "person", "human", "agent on duty", "manager"],
    related: [["job", 0.4]],
  },

  /* ---- data, privacy ---- */
  {
    id: "data",
    ar: ["بيانات", "معلومات", "تفاصيل", "معلومات شخصيه", "بيانات شخصيه"],
    en: ["data", "information", "info", "details", "personal data", "personal information"],
    ur: ["معلومات", "ڈیٹا"],
  },
  {
    id: "privacy",
    ar: ["سريه", "سري", "خصوصيه", "خاصه بي", "حمايه البيانات", "محميه", "محمي", "تسريب", "امان البيانات", "امان", "امنه", "محفوظ", "محفوظه", "سرية"],
    en: ["privacy", "private", "confidential", "confidentiality", "secure", "safe", "safety", "protected", "leak", "share my data"],
    ur: ["رازداری"],
  },

  /* ---- kinds of help ---- */
  {
    id: "aid",
    ar: ["مساعده", "مساعدات", "معونه", "اعانه", "اعانات", "عون", "اغاثه", "دعم", "الدعم"],
    en: ["help", "aid", "assistance", "relief"],
    ur: ["مدد", "امداد"],
  },
  {
    id: "money",
    ar: ["فلوس", "مال", "مبلغ", "مبالغ", "كاش", "نقد", "نقدي", "نقديه", "ريال", "مساعده ماليه", "دعم مالي", "بطاقه شرائيه", "قسيمه", "قسايم"],
    en: ["money", "cash", "amount", "financial aid", "funds", "voucher"],
    ur: ["پیسے"],
  },
  {
    id: "salary",
    ar: ["راتب", "رواتب", "معاش", "الضمان", "الضمان الاجتماعي", "حساب المواطن", "دخل", "الدخل"],
    en: ["salary", "income", "pension", "social security"],
    ur: ["تنخواہ"],
  },
  {
    id: "food",
    ar: ["سله", "سلال", "سله غذائيه", "مواد غذائيه", "تموين", "غذاء", "اكل", "طعام", "وجبات", "افطار صائم", "كرتون"],
    en: ["food", "food basket", "groceries", "food parcel", "meals"],
    ur: ["راشن", "کھانا"],
  },
  {
    id: "clothing",
    ar: ["كسوه", "ملابس", "ثياب", "كسوه العيد", "كسوه الشتاء", "بطانيات"],
    en: ["clothes", "clothing", "blankets"],
  },
  {
    id: "furniture",
    ar: ["اثاث", "مكيف", "مكيفات", "ثلاجه", "غساله", "فرش", "اجهزه كهربائيه"],
    en: ["furniture", "air conditioner", "appliances", "fridge"],
  },
  {
    id: "health",
    ar: ["علاج", "ادويه", "دواء", "علاجات", "طبي", "صحي", "صحيه", "عمليه جراحيه", "عمليات", "عمليه"],
    en: ["medical", "medicine", "medicines", "medication", "treatment", "health", "surgery"],
    ur: ["علاج", "دوا"],
  },
  {
    id: "sick",
    ar: ["مريض", "مرضى", "مرض", "امراض", "تعبان", "مستشفى", "مستشفيات", "مستوصف"],
    en: ["sick", "ill", "illness", "disease", "patient", "hospital"],
    ur: ["بیمار", "ہسپتال"],
    related: [["health", 0.6]],
  },
  {
    id: "family",
    ar: ["اسره", "اسر", "عائله", "عايله", "عوايل", "عوائل", "اهل", "افراد الاسره"],
    en: ["family", "families", "household"],
    ur: ["خاندان"],
  },
  {
    id: "children",
    ar: ["اولاد", "عيال", "اطفال", "طفل", "ولد", "بنت", "بنات", "ابناء", "بزران", "صغار"],
    en: ["children", "kids", "child", "son", "daughter", "sons", "daughters"],
    ur: ["بچے", "بچہ"],
    related: [["family", 0.5]],
  },
  {
    id: "orphan",
    ar: ["يتيم", "ايتام", "يتامى", "يتيمه"],
    en: ["orphan", "orphans"],
    related: [["eligibility", 0.4]],
  },
  {
    id: "widow",
    ar: ["ارمله", "ارامل", "مطلقه", "مطلقات", "معلقه"],
    en: ["widow", "widows", "divorced", "divorcee"],
    related: [["eligibility", 0.4]],
  },
  {
    id: "disability",
    ar: ["اعاقه", "معاق", "معاقين", "ذوي الاعاقه", "ذوي الهمم", "احتياجات خاصه", "كرسي متحرك"],
    en: ["disability", "disabled", "special needs", "wheelchair"],
    related: [["eligibility", 0.4]],
  },
  {
    id: "elderly",
    ar: ["مسن", "مسنين", "كبار السن", "كبير في السن", "كبيره في السن"],
    en: ["elderly", "senior", "seniors", "old people"],
    related: [["eligibility", 0.4]],
  },
  {
    id: "id_card",
    ar: ["هويه", "بطاقه الهويه", "الهويه الوطنيه", "اقامه", "جواز", "جواز سفر", "سجل الاسره", "كرت العائله", "دفتر العائله"],
    en: ["id", "identity", "national id", "iqama", "passport", "family card"],
    ur: ["شناختی کارڈ"],
  },
  {
    id: "service",
    generic: true,
    ar: ["خدمه", "خدمات", "برنامج", "برامج", "مشروع", "مشاريع", "مبادره", "مبادرات", "يخدم", "تخدم", "نخدم", "تخدمون", "يخدمون"],
    en: ["service", "services", "program", "programs", "programme", "programmes", "project", "projects", "initiative"],
    ur: ["سروس", "خدمات", "پروگرام"],
  },
  {
    id: "association",
    generic: true,
    ar: ["جمعيه", "مؤسسه", "منظمه", "الجهه", "جهه", "الجمعيه الخيريه", "خيريه"],
    en: ["association", "charity", "organization", "organisation", "foundation", "ngo", "society"],
    ur: ["انجمن", "تنظیم"],
  },
  {
    id: "cost",
    generic: true,
    ar: ["سعر", "اسعار", "تكلفه", "تكاليف", "رسوم", "مجاني", "مجانا", "ببلاش", "بفلوس"],
    en: ["price", "cost", "fee", "fees", "free", "charge", "charges"],
    ur: ["قیمت", "فیس"],
  },
];

/**
 * Question words: weak on their own (they tell the kind of question, not its
 * topic), mapped onto one form so "وش" meets "ما" and "وين" meets "أين".
 * "What" says least; "where", "when", "how much" and "why" say a little more.
 */
export const QUESTION_WORDS: Array<{ id: string; words: string[]; weight: number; related?: Array<[string, number]> }> = [
  { id: "q_what", weight: 0.1, words: ["ما", "ماذا", "ماهو", "ماهي", "وش", "ايش", "اش", "شنو", "شو", "وشو", "ايه", "what", "which", "کیا", "کون سا"] },
  { id: "q_where", weight: 0.3, words: ["اين", "وين", "فين", "مكان ايش", "where", "کہاں"], related: [["location", 0.55]] },
  { id: "q_when", weight: 0.3, words: ["متى", "امتى", "ايمتى", "امتي", "when", "کب"], related: [["time", 0.6], ["duration", 0.6]] },
  { id: "q_howmuch", weight: 0.3, words: ["كم", "how much", "how many", "کتنا", "کتنی", "کتنے"] },
  { id: "q_price", weight: 0.3, words: ["بكم", "بكام", "بكمه"], related: [["cost", 0.8]] },
  { id: "q_why", weight: 0.3, words: ["لماذا", "ليش", "ليه", "لمه", "why", "کیوں"] },
  { id: "q_how", weight: 0.2, words: ["كيف", "شلون", "وشلون", "كيفيه", "طريقه", "الطريقه", "الاليه", "اليه", "ازاي", "how", "way to", "کیسے"] },
  { id: "q_who", weight: 0.2, words: ["مين", "منو", "من هم", "who", "whom"] },
];

/**
 * Words that carry almost no topic: Arabic function words and dialect fillers,
 * wants and politeness ("ابي، ودي، لو سمحت"), English and Urdu stop words.
 */
export const STOPWORDS: string[] = [
  // Arabic prepositions, pronouns, particles
  "في", "فى", "من", "الى", "إلى", "على", "عن", "مع", "عند", "لدى", "حتى", "منذ", "بين", "عبر", "خلال", "داخل", "فوق", "تحت",
  "هذا", "هذه", "هذي", "هاذا", "هاذي", "ذا", "ذي", "ذلك", "تلك", "هذول", "هذولا", "هالشي", "هذاك",
  "هو", "هي", "هم", "هن", "انا", "انت", "انتي", "انتم", "انتو", "نحن", "احنا", "حنا", "اللي", "الي", "الذي", "التي", "الذين",
  "ان", "أن", "إن", "او", "ام", "ثم", "قد", "لقد", "كان", "كانت", "يكون", "تكون", "اكون", "نكون", "صار", "يصير", "تصير",
  "لو", "اذا", "إذا", "لا", "لم", "لن", "ليس", "مو", "مب", "ماني", "بس", "فقط", "يا", "ايا", "اي", "أي", "ايوه", "نعم", "اجل",
  "عندي", "عندك", "عندكم", "عندنا", "عنده", "عندها", "لدي", "لديك", "لديكم", "لدينا", "لي", "لك", "لكم", "له", "لها", "لنا", "لهم",
  "فيه", "فيها", "فيكم", "فيني", "منكم", "منك", "مني", "عليكم", "عليك", "علي", "علينا", "معكم", "معك", "معي", "معنا", "معاكم", "معاك", "بك", "بي",
  "هل", "ممكن", "يمكن", "يمكنني", "يمكنكم", "اقدر", "نقدر", "تقدر", "يقدر", "تقدرون", "استطيع", "نستطيع", "تستطيع", "يجوز", "ينفع", "يصلح",
  "كل", "جميع", "بعض", "غير", "كمان", "برضو", "بعد", "ايضا", "وايد", "مره", "جدا", "كثير", "شوي", "شوية", "حيل", "مرا",
  "يعني", "كذا", "عشان", "علشان", "لان", "لأن", "حق", "حقت", "حقكم", "حقي", "تبع", "تبعكم", "شي", "شيء", "اشياء", "احد", "واحد",
  "الحين", "الحينه", "هالحين", "الان", "الآن", "حاليا", "توه", "اليوم", "بكره", "امس", "دحين",
  "هنا", "هناك", "هنيا", "كيذا", "بالضبط", "تقريبا", "طيب", "زين", "تمام", "اوكي", "ok", "okay",
  // wants, requests, politeness
  "ابي", "ابى", "ابا", "ابغى", "ابغي", "ابغا", "ودي", "بودي", "اريد", "نبي", "نبى", "نبغى", "نبغي", "نريد", "بغيت", "بدي", "حاب", "حابب", "اتمنى", "تكفى", "تكفون",
  "لو سمحت", "لوسمحت", "لو سمحتو", "لو سمحتوا", "اذا سمحت", "من فضلك", "فضلا", "رجاء", "الرجاء", "لطفا", "الله يخليك", "الله يعافيك", "الله يجزاك خير",
  "لو تكرمت", "اذا تكرمت", "تكرم", "الله يعطيك العافيه", "الله يعطيكم العافيه", "يعطيكم العافيه", "الله يوفقك", "الله يوفقكم", "الله يحفظك",
  "الله يحفظكم", "الله يسعدك", "الله يسعدكم", "بارك الله فيك", "بارك الله فيكم", "جزاكم الله خير", "ما قصرتوا", "ما قصرت", "تسلم", "تسلمون",
  "حياك الله", "حياكم الله", "الله يحييك", "هلا والله", "يا هلا", "اهلين",
  "شكرا", "مشكور", "مشكورين", "جزاك الله خير", "يعطيك العافيه", "مرحبا", "السلام عليكم", "السلام", "سلام", "هلا", "اهلا", "والله", "الله", "ان شاء الله", "انشاء الله", "ياخي", "اخوي", "اخي", "يالغالي", "حبيبي",
  "اعرف", "نعرف", "ابغى اعرف", "ابي اعرف", "ودي اعرف", "اسال", "سؤال", "استفسار", "استفسر", "عندي سؤال", "ابي استفسر", "قولي", "قول لي", "خبرني", "علمني", "وضح", "وضحي",
  "ياخذ", "تاخذ", "ناخذ", "اخذ", "يطلع", "تطلع", "اطلع", "نطلع", "طلعت", "يسوي", "اسوي", "نسوي", "تسوي", "سويت", "احصل", "يحصل", "نحصل", "الحصول", "حصول",
  // English
  "a", "an", "the", "is", "are", "am", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done",
  "i", "me", "my", "mine", "we", "us", "our", "you", "your", "yours", "he", "she", "it", "its", "they", "them", "their",
  "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "as", "up", "out", "there", "here",
  "can", "could", "would", "should", "will", "shall", "may", "might", "let", "please", "pls", "plz", "kindly",
  "and", "or", "but", "if", "so", "then", "than", "this", "that", "these", "those", "any", "some", "all", "just", "also", "too", "very",
  "have", "has", "had", "get", "got", "want", "wanna", "like", "would like", "know", "tell", "ask", "question", "is there", "are there",
  "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "yes", "no", "not", "now", "today", "someone", "somebody", "anyone", "anything", "something",
  "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "hasnt", "havent", "cant", "cannot", "wont", "im", "ive", "its", "whats", "process", "procedure", "steps",
  // Urdu (normalised spelling)
  "ہے", "ہیں", "تھا", "تھے", "ہو", "کی", "کا", "کے", "سے", "کو", "اور", "یہ", "وہ", "آپ", "مجھے", "ہم", "نہیں", "کر", "کرنا", "کریں", "پر", "بھی", "جی", "براہ کرم",
];

/** Dialect verbs and particles with little topic of their own: half weight at most. */
export const LIGHT_WORDS: string[] = [
  "ضروري", "ضروريه", "مستعجل", "عاجل", "بسرعه", "urgent", "asap",
  "فرصه", "فرص", "رقم", "جديد", "جديده", "قديم", "قديمه", "كبير", "صغير", "اول", "اخر", "ثاني", "مجال", "مجالات", "نوع", "انواع", "ارفع", "يرفع", "نرفع", "ارسل", "ارسلي", "ارسلوا", "ترسل", "ترسلون", "ابعث", "ابعثوا", "تبعثون",
  "عرف", "ابيكم", "نبيكم", "يبون", "يبي", "تبون", "تبي", "شوف", "اشوف", "يشوف", "نشوف", "حط", "احط", "يحط", "راح", "اروح", "يروح", "قال", "يقول", "قالوا", "موجود", "موجوده", "في شي", "فيه شي"];

/**
 * Everyday topics that are outside a charity's FAQ (shopping, fuel, weather,
 * sport, restaurants, questions about the bot itself…). When the knowledge
 * base does not mention them, they weigh more than an ordinary unknown word,
 * so a question about the price of petrol is not taken for a question about fees.
 */
export const OFF_TOPIC_WORDS: string[] = [
  // shopping, money markets, cars
  "نشتري", "يشتري", "شراء", "ابيع", "نبيع", "بيع", "تسوق", "متجر", "سوق", "مول", "عروض", "تخفيضات", "خصم", "كوبون",
  "ذهب", "فضه", "اسهم", "الاسهم", "سهم", "بورصه", "تداول", "عملات", "بيتكوين", "دولار", "قرض", "تمويل شخصي",
  "سياره", "سيارات", "ديزل", "محطه بنزين", "ورشه سيارات", "تاكسي", "اوبر", "طياره", "طيران", "رحله", "تذاكر", "فندق",
  "ايفون", "سامسونج", "لابتوب", "بلايستيشن", "شحن رصيد", "باقه", "انترنت",
  // food, weather, sport, entertainment
  "مطاعم", "كافيه", "بقاله", "سوبرماركت", "صيدليه", "صالون", "حلاق", "قهوه", "بيتزا", "برجر", "شاورما", "كبسه", "طبخ", "اطبخ", "وصفه",
  "الجو", "مطر", "امطار", "حراره", "غبار",
  "ماتش", "دوري", "كوره", "كره القدم", "منتخب", "لاعب",
  "فلم", "فيلم", "مسلسل", "اغنيه", "نكته", "لعبه", "العاب", "سناب", "تيك توك",
  // the bot itself, small philosophy
  "اسمك", "عمرك", "رايك", "انت مين", "من انت", "تحبني", "بوت", "روبوت", "ذكاء اصطناعي", "انسان ولا", 
  // other government services
  "جوازات", "شرطه", "الشرطه", "الدفاع المدني", "محكمه", "رخصه", "رخصه قياده", "مرور", "مخالفه", "مخالفات", "بلديه", "تاشيره", 
  // English
  "buy", "sell", "shopping", "gold", "stocks", "bitcoin", "car", "fuel", "petrol", "gas station", "restaurant", "pizza", "coffee",
  "weather", "rain", "football", "match", "movie", "song", "joke", "game", "your name", "who are you", "robot", "visa",
];

/**
 * Saudi cities, governorates and regions (as people type them, with and
 * without the article). Typed alone, a place name is an answer to a question
 * nobody asked here (the city of a form, usually), not an FAQ: the matcher
 * then only suggests, it does not answer. In a sentence they count as usual.
 */
export const PLACE_NAMES: string[] = [
  "الرياض", "جده", "جدة", "مكه", "مكة", "مكه المكرمه", "مكة المكرمة", "المدينه", "المدينة", "المدينه المنوره", "المدينة المنورة",
  "الدمام", "الخبر", "الظهران", "الاحساء", "الأحساء", "الهفوف", "المبرز", "القطيف", "الجبيل", "الطائف", "تبوك", "بريده", "بريدة",
  "عنيزه", "عنيزة", "الرس", "البكيرية", "البكيريه", "المذنب", "حائل", "ابها", "أبها", "خميس مشيط", "جازان", "جيزان", "صبيا",
  "نجران", "شروره", "شرورة", "الباحه", "الباحة", "عرعر", "سكاكا", "القريات", "طريف", "ينبع", "العلا", "الخرج", "المجمعه", "المجمعة",
  "الزلفي", "شقراء", "الدوادمي", "عفيف", "القويعيه", "القويعية", "وادي الدواسر", "السليل", "الافلاج", "الأفلاج", "حوطه بني تميم",
  "القنفذه", "القنفذة", "الليث", "رابغ", "بدر", "خليص", "الجموم", "بيشه", "بيشة", "النماص", "محايل", "محايل عسير", "بلجرشي",
  "حفر الباطن", "الخفجي", "النعيريه", "النعيرية", "رأس تنوره", "راس تنوره", "بقيق", "الدرعيه", "الدرعية", "الجوف", "القصيم",
  "عسير", "الحدود الشماليه", "الحدود الشمالية", "المنطقه الشرقيه", "المنطقة الشرقية", "الشرقيه", "الشرقية", "الوسطى", "الجنوب",
  "الشمال", "الغربيه", "الغربية", "تيماء", "الوجه", "أملج", "املج", "ضباء", "حقل", "الدرب", "صامطه", "صامطة", "أحد رفيدة",
  "Riyadh", "Jeddah", "Makkah", "Mecca", "Madinah", "Medina", "Dammam", "Khobar", "Dhahran", "Taif", "Tabuk", "Buraidah", "Hail",
  "Abha", "Jazan", "Najran", "Yanbu", "Al Kharj", "Qassim", "Badr",
];
