/**
 * The words of the context frames (../frames.ts), per language: what makes a
 * danger cue long past, resolved, someone else's story, a question about the
 * association's programmes, a hypothetical, a joke or a date. Written in
 * ordinary spelling, in the lexicons' notation (../match.ts).
 */
import type { FrameLexicon } from "../frames";

/** Numbers as typed or said, for "N years ago". */
const NUMBER_AR = "ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثمان|ثمانيه|تسع|تسعه|عشر|عشره|كم|عده|كذا|=1|=2|=3|=4|=5|=6|=7|=8|=9|=10|=11|=12|=15|=20";

export const arabicFrames: FrameLexicon = {
  lang: "ar",
  groups: {
    YEARS: "سنه|سنين|سنوات|سنتين|شهور|اشهر|شهرين|اعوام|عامين|عام",
    NUMBER: NUMBER_AR,
    EVENT: "الجلطه|جلطه|السكته|سكته|الحادث|حادث|الحادثه|الحريق|حريق|الاصابه|الكسر|الطيحه",
    ASK: "هل|عندكم|عندكم_برامج|فيه|تقدمون|توفرون|تدعمون|تساعدون|تساعدوا|تخدمون|وش|ايش|متى|كيف|وين|ابي_اعرف|ابغى_اعرف|ابي_استفسر|ابغى_استفسر|استفسر|استفسار|ممكن|اسال_عن|اسأل_عن|ودي_اعرف|حاب_اعرف",
    PROGRAM: "برامج|برنامج|البرنامج|برنامجكم|برامجكم|دوره|دورات|الدوره|كورس|كورسات|محاضره|محاضرات|ورشه|ورش|ندوه|ندوات|كتب|كتاب|مكتبه|المكتبه|جلسات|جلسه|مجموعات_دعم|حمله|حملات|التوعيه|توعيه|توعويه|مبادره|مبادرات|فعاليه|فعاليات|دعم_نفسي|الدعم_النفسي|استشارات|ارشاد|التاهيل|تاهيل|اخصائي|اخصائيه|مختص|مختصه|معالج|معالجه|طبيب_نفسي|دكتور_نفسي|مستشار|مستشاره|مرشد|مرشده|اخصائي_نفسي|عياده|العياده",
    VICTIMS: "ضحايا|لضحايا|الضحايا|للمعنفات|المعنفات|المعنفين|للمعنفين|الناجيات|الناجين|المتضررين|للمتضررين|لمرضى|مرضى|لمريضات|مريضات|للمصابين|المصابين|للنساء_المعنفات|لمن_فقد|لمن_يعاني|للي_يعانون|اللي_يعانون",
    MEDIA: "الاخبار|بالاخبار|اخبار|خبر|الخبر|المسلسل|مسلسل|بالمسلسل|الفلم|فلم|فيلم|الفيلم|بالفلم|الحلقه|حلقه|الروايه|روايه|ببجي|فورتنايت|فري_فاير|ماين_كرافت|سوني|البلايستيشن|الخطبه|خطبه|خطبة_الجمعه|قصيده|القصيده|بيت_شعر|اغنيه|الاغنيه|البطل|الممثل|الممثله|الشخصيه|الكرتون|انمي|المباراه|مباراه|الماتش|الدوري|المنتخب|بالاهداف|اهداف",
    HEARD: "سمعت_عن|قريت_عن|قرات_عن|شفت_في|شفت_بالاخبار|شفت_خبر|يقولون_في_الاخبار|انتشر|منتشر|ترند",
    SOMEONE: "احد|حد|شخص|واحد|انسان|طفل|مريض|مريضه|الشخص|الانسان|المريض|الطفل",
    IF: "لو|اذا|في_حال|بحال|فرضا|افترض|اذا_صار|لو_صار",
    HOWQ: "وش|ايش|كيف|ماذا|شلون|شو|وش_اسوي|وش_نسوي|ايش_اسوي|كيف_اتصرف|ما_العمل|وش_الصح|الطريقه_الصحيحه",
  },
  frames: [
    { name: "past", p: "قبل @YEARS|شهر", gap: 2 },
    { name: "past", p: "قبل @NUMBER @YEARS", gap: 1 },
    { name: "past", p: "السنه_اللي_فاتت|السنه_الماضيه|السنه_اللي_راحت|العام_الماضي|العام_اللي_فات|الشهر_اللي_فات|الشهر_الماضي|الشهر_اللي_راح|من_سنين|قبل_كم_سنه|وانا_صغير|وانا_صغيره|لما_كنت_صغير|لما_كنت_صغيره|في_طفولتي|بطفولتي|ايام_زمان|زمان_اول|في_الماضي|بالماضي|سابقا" },
    { name: "past", p: "كانت|كان|كنت|كنا تتعرض|يتعرض|اتعرض|نتعرض|تنضرب|ينضرب|انضرب|يضربها|يضربه|يضربني|يضربنا|تعاني|يعاني|اعاني", gap: 0, neg: "ignored" },
    { name: "now", p: "الحين|الان|هالحين|حاليا|اليوم|الليله|للحين|لسه|لسا|مازال|ما_زال|لازال|لا_زال|باقي_يضرب|توه|توها|توني|هذي_اللحظه|هاللحظه" , neg: "ignored" },
    { name: "resolved", p: "الحمد_لله_بخير|الحمدلله_بخير|الحين_بخير|الحين_الحمد_لله_بخير|بخير_الحين|بخير_الحمد_لله|صار_بخير|صارت_بخير|صاروا_بخير|كلنا_بخير|الكل_بخير|كلهم_بخير|الحين_طيب|الحين_طيبه|الحين_زين|صار_زين|صارت_زينه|الحين_تمام|محد_تضرر|ما_تضرر_احد|ما_احد_تضرر|ما_صار_لاحد_شي|تعافى|تعافت|تعافيت|تشافى|تشافت|شفي|شفيت|ارتحت|عدت_على_خير|مرت_على_خير|الحمد_لله_عدت|طلعت_سليمه|طلع_سليم|سليمه_الحمد_لله|سليم_الحمد_لله|الحين_مستقره|الحين_مستقر|الحين_مستقرين|مستقره_عندنا|ماشيه_امورنا|امورنا_طيبه|امورنا_ماشيه|جرح_بسيط|كدمه_بسيطه|بسيط_الحمد_لله|بسيطه_الحمد_لله|مو_خطير|ما_هو_خطير|مهوب_خطير|تطمنا|طمنونا|طمنني_الدكتور|الدكتور_طمني|الدكتور_قال_عادي|الدكتور_قال_بسيط|الفحوصات_سليمه|التحاليل_سليمه" },
    { name: "again", p: "مره_ثانيه|ثاني_مره|مره_ثانية|من_جديد|رجعت_له|رجع_له|رجعت_لها|رجع_لها|رجع_يضرب|رجعت_النوبه|اسوا|تعبت_اكثر|زادت|زاد", neg: "ignored" },
    { name: "aftermath", p: "بعد|عقب|من_بعد|بسبب @EVENT", gap: 1, neg: "ignored" },
    { name: "aftermath", p: "علاج_طبيعي|العلاج_الطبيعي|بالعلاج_الطبيعي|متعافي|متعافيه|ناجيه_من|ناجي_من", neg: "ignored" },
    { name: "service", p: "@ASK @PROGRAM|@VICTIMS", gap: 6, neg: "ignored" },
    { name: "service", p: "@PROGRAM|@VICTIMS @ASK", gap: 6, neg: "ignored" },
    { name: "service", p: "اتطوع|التطوع|تطوع|متطوع|متطوعه|اتبرع|التبرع|تبرع|نتبرع|اساهم|المساهمه|ننظم|نظمنا", neg: "ignored" },
    { name: "media", p: "@MEDIA|@HEARD", neg: "ignored" },
    { name: "hypothetical", p: "@HOWQ @IF @SOMEONE", gap: 3, neg: "ignored" },
    { name: "hypothetical", p: "@IF @SOMEONE @HOWQ", gap: 5, neg: "ignored" },
    { name: "purpose", p: "بحث|بحثا|بحثي|للبحث|لبحث|بحث_جامعي|رساله_ماجستير|رسالة_دكتوراه|مشروع_تخرج|مشروع_جامعي|واجب_مدرسي|للواجب|لمادة|للدراسه|دراسه_جامعيه|اكتب_مقال|مقال_عن|للمقال|للدوره|في_الدوره|بالدوره|درسناه|درستها|درسناها", neg: "ignored" },
    { name: "laughter", p: "=ه|=هه|=ههه|=هههه|هاها*|=خخ|=خ|=هع|=lol", neg: "ignored" },
    { name: "schedule", p: "بكره|بكرا|باكر|الخميس|الجمعه|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|يوم_الخميس|يوم_الاحد|الاسبوع_الجاي|الموعد|موعدي|موعد|الدرس|الحصه|المحاضره|الاجتماع|الدوام|الدوره|الرحله|المشوار", neg: "ignored" },
    { name: "condolence", p: "الله_يرحمه|الله_يرحمها|الله_يرحمهم|رحمه_الله|رحمها_الله|يرحمه_الله|يرحمها_الله|عظم_الله_اجركم|عظم_الله_اجرك|احسن_الله_عزاكم|انا_لله_وانا_اليه_راجعون|انا_لله|توفى|توفي|توفيت|توفت|توفاه_الله|توفاها_الله|انتقل_الى_رحمه_الله|انتقلت_الى_رحمه_الله|المرحوم|المرحومه|الفقيد|الفقيده|المتوفى|متوفى|متوفيه|وفاه|وفاة|العزاء|عزاء|الجنازه|جنازه|الدفن", neg: "ignored" },
  ],
};

export const englishFrames: FrameLexicon = {
  lang: "en",
  groups: {
    YEARS: "years|year|months|month|decades|decade",
    EVENT: "stroke|a_stroke|the_stroke|his_stroke|her_stroke|heart_attack|a_heart_attack|the_heart_attack|his_heart_attack|her_heart_attack|accident|an_accident|the_accident|the_crash|a_crash|the_fire|a_fire|the_fall|a_fall|injury|the_injury|an_injury",
    ASK: "do_you|does_the|does_your|do_u|is_there|are_there|any|do_you_have|do_you_run|do_you_offer|do_you_help|can_you_help|can_i_join|how_do_i_join|where_can_i_find|what_does|what_do_you|when_is|when_does|which|offer|offers|provide|provides|asking_about|wanted_to_ask|id_like_to_know|want_to_know|interested_in",
    PROGRAM: "program|programs|programme|programmes|course|courses|class|classes|training|trainings|workshop|workshops|lecture|lectures|seminar|seminars|support_group|support_groups|groups|awareness|campaign|campaigns|resources|brochure|leaflet|leaflets|books|sessions",
    VICTIMS: "victims|survivors|patients|people_who|women_who|those_who|families_who|families_of|children_who|kids_who|people_with|women_with|mothers_who|parents_of",
    MEDIA: "news|the_news|on_tv|movie|movies|film|films|series|episode|episodes|the_show|tv_show|drama|documentary|novel|novels|quote|quotes|poem|poetry|lyrics|song|youtube|game|games|gaming|videogame|video_game|pubg|fortnite|minecraft|call_of_duty|gta|zombies|zombie|character|characters|hero|villain|actor|actress|sermon|khutbah|khutba|shakespeare|cartoon|anime|the_match|a_match|league|cricket|football|soccer|the_game|the_final|in_the_final",
    HEARD: "heard_about|read_about|saw_on|saw_it_on|in_the_news|on_the_news|trending|went_viral|rumor|rumour",
    SOMEONE: "someone|somebody|a_person|anyone|anybody|a_child|a_baby|a_kid|a_patient|a_toddler|an_adult|a_friend",
    IF: "if|when|in_case|suppose|supposing|what_if",
    HOWQ: "what|how|should|whats_the|what_is_the|best_way|what_to_do|what_do_you_do|what_should",
  },
  frames: [
    { name: "past", p: "@YEARS ago|back", gap: 1 },
    { name: "past", p: "last_year|last_month|a_year_ago|a_month_ago|years_ago|months_ago|back_in|as_a_child|as_a_kid|as_a_teenager|when_i_was_a_child|when_i_was_a_kid|when_i_was_little|when_i_was_young|when_i_was_younger|in_my_childhood|growing_up|used_to|in_the_past|long_ago|a_long_time_ago|back_then|previously|the_other_year" },
    { name: "now", p: "now|right_now|today|tonight|still|currently|at_the_moment|just_now|this_morning|this_evening|again|as_we_speak|these_days", neg: "ignored" },
    { name: "resolved", p: "fine_now|now_fine|is_ok_now|is_okay_now|is_fine_now|are_fine_now|im_fine_now|all_fine_now|everyone_is_fine|everyone_is_ok|everyone_is_okay|everyone_is_safe|everybody_is_fine|everybody_is_ok|everyone_was_fine|everyone_was_ok|all_good_now|all_ok_now|recovered|has_recovered|fully_recovered|better_now|stable_now|therapy_helped|helped_a_lot|went_fine|turned_out_fine|turned_out_to_be|it_was_nothing|nothing_serious|was_only|just_heartburn|only_heartburn|just_indigestion|just_anxiety|no_one_was_hurt|nobody_was_hurt|nobody_got_hurt|no_one_got_hurt|were_safe_now|safe_now|in_remission|cancer_free|all_clear|came_back_clean|clear_results|doctor_confirmed|the_doctor_said_its|thank_god_hes_fine|thank_god_shes_fine|alhamdulillah_fine|alhamdulillah_hes_fine|alhamdulillah_shes_fine" },
    { name: "again", p: "again|another|once_more|worse|getting_worse|back_again|relapse|relapsed", neg: "ignored" },
    { name: "aftermath", p: "after|since|recovering_from|recovered_from|recovery_from|survived|survivor_of|following|due_to|because_of @EVENT", gap: 1, neg: "ignored" },
    { name: "aftermath", p: "rehab|rehabilitation|physiotherapy|physio|physical_therapy|survivor|in_remission", neg: "ignored" },
    { name: "service", p: "@ASK @PROGRAM|@VICTIMS", gap: 6, neg: "ignored" },
    { name: "service", p: "@PROGRAM|@VICTIMS @ASK", gap: 6, neg: "ignored" },
    { name: "service", p: "volunteer|volunteering|volunteers|donate|donating|donation|fundraiser|fundraising|sponsor_a|organize|organise|learn_cpr|learn_first_aid|self_defense|self_defence|first_aid_course|first_aid_courses|first_aid_training|first_aid_class|cpr_course|cpr_training", neg: "ignored" },
    { name: "media", p: "@MEDIA|@HEARD", neg: "ignored" },
    { name: "hypothetical", p: "@HOWQ @IF @SOMEONE", gap: 3, neg: "ignored" },
    { name: "hypothetical", p: "@IF @SOMEONE @HOWQ", gap: 5, neg: "ignored" },
    { name: "hypothetical", p: "what_should_someone_do|what_should_a_person_do|how_to_help_someone|how_do_you_help_someone|how_to_help_a_person", neg: "ignored" },
    { name: "purpose", p: "research|thesis|dissertation|assignment|homework|essay|school_project|university_project|uni_project|for_my_class|for_a_class|for_my_course|for_the_course|asking_for_the_course|for_the_first_aid_course|for_a_paper|for_an_article|writing_about|writing_an_article|english_class|for_school|for_uni", neg: "ignored" },
    { name: "laughter", p: "lol|=lool|lmao|lmfao|rofl|haha*|hehe*|=xd|jk|=jkjk|kidding|just_kidding|joking|im_joking", neg: "ignored" },
    { name: "schedule", p: "on_monday|on_tuesday|on_wednesday|on_thursday|on_friday|on_saturday|on_sunday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next_week|next_month|the_appointment|my_appointment|appointment|the_meeting|the_class|the_trip|the_session|the_course|the_lesson|reschedule|move_the|change_the_date|another_day|another_time", neg: "ignored" },
    { name: "condolence", p: "passed_away|passed_on|rest_in_peace|=rip|condolences|inna_lillahi|inna_lillah|innalillahi|janaza|janazah|funeral|the_burial|may_allah_have_mercy|allah_yarhamu|allah_yarhamha", neg: "ignored" },
  ],
};

export const urduFrames: FrameLexicon = {
  lang: "ur",
  groups: {
    EVENT: "فالج|اٹیک|ہارٹ_اٹیک|دل_کا_دورہ|ایکسیڈنٹ|حادثے|حادثہ|آگ|اسٹروک|سٹروک",
    ASK: "کیا|کوئی|بتائیں|بتا_دیں|معلومات|پوچھنا|پوچھ_رہی|پوچھ_رہا",
    PROGRAM: "پروگرام|کورس|کلاس|کلاسز|تربیت|ورکشاپ|لیکچر|کتابیں|کتاب|سیشن|مدد_گروپ|آگاہی|مہم",
    VICTIMS: "شکار|متاثرین|متاثرہ|مریضوں|مریضاؤں|عورتوں_کے_لیے|خواتین_کے_لیے|بچوں_کے_لیے",
    MEDIA: "خبر|خبروں|خبریں|ٹی_وی|ڈرامہ|ڈرامے|فلم|ناول|کہانی|بیان|خطبہ|درس|میچ|کرکٹ|ٹیم|گیم|پب_جی",
  },
  frames: [
    { name: "past", p: "پچھلے_سال|پچھلے_مہینے|گزشتہ_سال|گزشتہ_مہینے|سال_پہلے|سالوں_پہلے|مہینے_پہلے|بچپن_میں|بچپن_سے|پہلے_کبھی" },
    { name: "past", p: "پہلے تھا|تھی|تھے", gap: 5, neg: "ignored" },
    { name: "now", p: "ابھی|آج|اس_وقت|ابھی_بھی|اب_بھی|پھر_سے|دوبارہ", neg: "ignored" },
    { name: "resolved", p: "اب_ٹھیک|اب_ٹھیک_ہیں|اب_ٹھیک_ہے|اب_بہتر|الحمدللہ_ٹھیک|ٹھیک_ہو_گئے|ٹھیک_ہو_گئی|ٹھیک_ہو_گیا|صحت_یاب|خیریت_سے|سب_خیریت|سب_ٹھیک|کامیاب_ہو_گیا|الحمدللہ_اب_ٹھیک" },
    { name: "again", p: "پھر|دوبارہ|پھر_سے|مزید_خراب", neg: "ignored" },
    { name: "aftermath", p: "@EVENT کے_بعد|کی_وجہ_سے|سے", gap: 1, neg: "ignored" },
    { name: "aftermath", p: "وہیل_چیئر|فزیوتھراپی|معذور|معذوری|بحالی", neg: "ignored" },
    { name: "service", p: "@ASK @PROGRAM|@VICTIMS", gap: 6, neg: "ignored" },
    { name: "service", p: "@PROGRAM|@VICTIMS @ASK", gap: 6, neg: "ignored" },
    { name: "service", p: "رضاکار|رضاکارانہ|عطیہ|صدقہ|اپنی_حفاظت|ابتدائی_طبی_امداد_کا_کورس|فرسٹ_ایڈ_کورس", neg: "ignored" },
    { name: "media", p: "@MEDIA", neg: "ignored" },
    { name: "hypothetical", p: "اگر کسی|کوئی|کسی_کا|کسی_کو کیا_کرنا|کیا_کریں|کیسے", gap: 8, neg: "ignored" },
    { name: "purpose", p: "تحقیق|اسائنمنٹ|مقالہ|کورس_میں_پڑھا|کلاس_میں_پڑھا", neg: "ignored" },
    { name: "schedule", p: "پیر|منگل|بدھ|جمعرات|جمعہ|ہفتہ|اتوار|اگلے_ہفتے|اپوائنٹمنٹ|کلاس|درس", neg: "ignored" },
    { name: "condolence", p: "انتقال|وفات|فوت|انا_للہ|انا_للہ_وانا_الیہ_راجعون|جنازہ|جنازے|مرحوم|مرحومہ|اللہ_مغفرت", neg: "ignored" },
  ],
};

export const romanUrduFrames: FrameLexicon = {
  lang: "ur-latn",
  groups: {
    EVENT: "stroke|attack|heart_attack|falij|accident|hadsa|aag",
    ASK: "kya|koi|hai|hain|batayen|bata_dein|maloomat|poochna|pooch_rahi|pooch_raha",
    PROGRAM: "program|programme|course|class|classes|training|workshop|lecture|kitaben|session|group|awareness",
    VICTIMS: "shikar|mutasireen|mutasira|mareezon|aurton_ke_liye|khawateen_ke_liye|bachon_ke_liye",
    MEDIA: "khabar|news|drama|film|movie|novel|kahani|bayan|bayaan|khutba|dars|video|gana|match|cricket|team|game|pubg|ludo",
  },
  frames: [
    { name: "past", p: "pichle_saal|pichlay_saal|pichle_mahine|pichlay_mahine|guzishta_saal|saal_pehle|saal_pehlay|saalon_pehle|mahine_pehle|bachpan_mein|bachpan_me|bachpan_se" },
    { name: "past", p: "pehle|pehlay tha|thi|the", gap: 5, neg: "ignored" },
    { name: "now", p: "abhi|aaj|is_waqt|abhi_bhi|ab_bhi|phir_se|dobara", neg: "ignored" },
    { name: "resolved", p: "ab_theek|ab_thik|ab_theek_hai|ab_theek_hain|ab_behtar|theek_ho_gaye|theek_ho_gayi|theek_ho_gaya|sehatyab|sehat_yaab|khairiyat_se|sab_khairiyat|sab_theek|alhamdulillah_theek|alhamdulillah_ab_theek" },
    { name: "again", p: "phir|dobara|phir_se|aur_kharab", neg: "ignored" },
    { name: "aftermath", p: "@EVENT ke_baad|ke_bad|k_baad|ki_wajah_se|se", gap: 1, neg: "ignored" },
    { name: "aftermath", p: "wheelchair|physiotherapy|physio|mazoor|mazoori|bahali", neg: "ignored" },
    { name: "service", p: "@ASK @PROGRAM|@VICTIMS", gap: 6, neg: "ignored" },
    { name: "service", p: "@PROGRAM|@VICTIMS @ASK", gap: 6, neg: "ignored" },
    { name: "service", p: "razakar|volunteer|atiya|sadqa|sadqah|donate|self_defense|apni_hifazat", neg: "ignored" },
    { name: "media", p: "@MEDIA", neg: "ignored" },
    { name: "hypothetical", p: "agar kisi|koi|kisi_ka|kisi_ko kya_karna|kya_karen|kaise", gap: 8, neg: "ignored" },
    { name: "purpose", p: "research|assignment|tehqeeq|maqala|course_mein_parha|class_mein_parha", neg: "ignored" },
    { name: "laughter", p: "=hahaha|haha*|=lol|=lolz|mazak|mazaq|mazaak", neg: "ignored" },
    { name: "schedule", p: "kal|parson|peer|mangal|budh|jumeraat|jumma|hafta|itwar|agle_hafte|appointment|class|dars", neg: "ignored" },
    { name: "condolence", p: "intiqal|inteqal|wafat|faut|inna_lillah|janaza|janazah|marhoom|marhooma|maghfirat", neg: "ignored" },
  ],
};
