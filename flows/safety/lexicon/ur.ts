/**
 * Urdu signs that someone may be in danger, in Urdu script and in Roman Urdu
 * (several everyday spellings of each word). Urdu puts the negation after the
 * verb («مرنا نہیں چاہتا», "marna nahi chahta"); ../match.ts looks for it
 * there too. See ../match.ts for the notation.
 */
import type { Lexicon } from "../match";

export const urdu: Lexicon = {
  lang: "ur",
  groups: {
    WANT: "چاہتا|چاہتی|چاہتے|چاہتا_ہوں|چاہتی_ہوں|چاہیے|چاہئے|دل_کرتا|دل_چاہتا|جی_چاہتا|سوچ_رہا|سوچ_رہی|ارادہ",
    DIE: "مرنا|مر_جانا|مرجانا|مر_جاؤں|مرجاؤں|مروں|مر_جاؤں_گا|مر_جاؤں_گی|موت|مرنے",
    HIT: "مارتا|مارتی|مارتے|مارا|ماری|مارے|پیٹتا|پیٹتی|پیٹتے|پیٹا|پیٹی|مار_پیٹ|مارپیٹ|تشدد|زخمی_کر|جلاتا|جلایا|گلا_دباتا|گلا_دبایا|تھپڑ",
    VICTIM: "مجھے|ہمیں|مجھ_کو|مجھکو|میری_بیوی|بیوی_کو|امی_کو|ماں_کو|بہن_کو|ہم_سب_کو|اس_کو|اسے|انہیں|بچوں_کو|بیٹی_کو|بیٹے_کو",
    PERSON: "شوہر|خاوند|میاں|ابو|والد|باپ|بھائی|کفیل|مالک|سسر|ساس|دیور|جیٹھ|چچا|ماموں|وہ|منگیتر|سابقہ_شوہر",
    CHILD: "بچے|بچی|بچوں|بچہ|بیٹا|بیٹی|بیٹے|ننھا|ننھی|بچیوں|بیٹیوں",
    SERVICE: "درخواست|فارم|جواب|انتظار|دفتر|عملہ|ویب_سائٹ|ایپ|منظوری|کاغذات|دستاویزات|ادائیگی|تاخیر",
    COSTS: "خرچ|خرچہ|اخراجات|کرایہ|فیس|قرض|قیمت|بل|تنخواہ|پیسے",
  },
  rules: [
    // ---- Risk to life ------------------------------------------------------------------------
    { kind: "self_harm", p: "*خودکش*|خود_کشی|خودکشی|خودکشي", firm: false },
    { kind: "self_harm", p: "@DIE @WANT", gap: 2 },
    { kind: "self_harm", p: "@WANT @DIE", gap: 2 },
    { kind: "self_harm", p: "کاش|کاش_میں مر|مرجاؤں|مر_جاؤں|مرجاتا|مر_جاتا|مر_جاتی|مرجاتی|پیدا_نہ|پیدا_ہی_نہ", gap: 2, neg: "ignored" },
    { kind: "self_harm", p: "اپنی_جان|اپنی_زندگی|جان لے|لوں|لینا|لے_لوں|ختم|دے_دوں", gap: 2, unlessIn: "کے_لیے|کے_لئے|کی_خاطر|کے_واسطے" },
    { kind: "self_harm", p: "خود_کو|اپنے_آپ_کو|خودکو مار|ختم|نقصان|زخمی|کاٹ|کاٹوں|جلا|تکلیف", gap: 2, neg: "ignored" },
    { kind: "self_harm", p: "زندگی ختم", gap: 2 },
    { kind: "self_harm", p: "ہمیشہ_کے_لیے|ہمیشہ_کیلئے|ہمیشہ_کے_لئے سو_جاؤں|سوجاؤں|سو|چلا_جاؤں|چلی_جاؤں|غائب", gap: 2 },
    { kind: "self_harm", p: "سب|سب_کچھ|ہر_چیز|خود|اپنے_آپ ختم کر_دوں|کر_لوں|کرنا|کردوں|کر_دیتا|کر_دیتی|کر_ڈالوں", gap: 1 },
    { kind: "self_harm", p: "جینا|جینے|زندہ|زندہ_رہنا|زندہ_رہنے @WANT|دل|خواہش|کا_دل|ہے|ہیں", neg: "requires", gap: 2 },
    { kind: "self_harm", p: "زہر|زہریلی|تیزاب|گولیاں|دوائیاں|نیند_کی_گولیاں کھا|کھالی|کھا_لیا|کھا_لی|پی|پی_لیا|کھاؤں|پیوں|لے_لیں|کھا_لوں", gap: 2 },
    { kind: "self_harm", p: "چھت|پل|بلڈنگ|عمارت|کھڑکی کود|چھلانگ|کودنا|کود_جاؤں", gap: 2 },
    { kind: "self_harm", p: "پھانسی|پھندا|لٹک_جاؤں|پنکھے_سے" },
    { kind: "self_harm", p: "آخری_پیغام|ہمیشہ_کے_لیے_الوداع|الوداع|سب_کو_خدا_حافظ", neg: "ignored" },

    // ---- Violence and abuse ----------------------------------------------------------------
    { kind: "violence", p: "@VICTIM @HIT|گالیاں_دیتا|گالیاں_دیتی|گالی_گلوچ", gap: 4 },
    { kind: "violence", p: "@PERSON @HIT|گالیاں_دیتا|گالیاں_دیتی|گالی_گلوچ", gap: 5 },
    { kind: "self_harm", p: "کلائی|نس|نسیں|کلائی_کی_نس کاٹ|کاٹی|کاٹ_لی|کاٹ_دی|کاٹنا|کاٹوں", gap: 2, neg: "ignored" },
    { kind: "violence", p: "تشدد|گھریلو_تشدد|جنسی_زیادتی|جنسی|ہراساں|ہراسانی|ہراسمنٹ|چھیڑ_چھاڑ|ریپ|عصمت_دری|زبردستی" },
    { kind: "violence", p: "دھمکی|دھمکیاں|دھمکاتا|دھمکاتی|دھمکایا", unlessIn: "@SERVICE|ڈی_پورٹ|ملک_واپس|نوکری|کیس|فائل|درخواست|منسوخ|کینسل|شکایت" },
    { kind: "violence", p: "جان_سے_مار|جان_سے_مارنے|قتل|مار_ڈالے|مار_ڈالے_گا|مار_دے_گا|مار_دیں_گے|مار_ڈالوں" },
    { kind: "violence", p: "ڈر|ڈرتی|ڈرتا|خوف|ڈر_لگتا @PERSON|اس_سے|ان_سے|گھر_جانے", gap: 2 },
    { kind: "violence", p: "@PERSON|اس_سے|ان_سے ڈر|ڈرتی|ڈرتا|خوف|ڈر_لگتا", gap: 2 },
    { kind: "violence", p: "گھر|یہاں|اس_کے_ساتھ محفوظ", neg: "requires", gap: 2 },
    { kind: "violence", p: "بند_کر|بند_رکھتا|بند_رکھتی|قید_کر|قید_میں|بند_کر_دیتا|بند_کر_دیا", unlessIn: "@SERVICE|دکان|دفتر|فون|اکاؤنٹ" },
    { kind: "violence", p: "پاسپورٹ|اقامہ رکھ_لیا|چھین|لے_لیا|نہیں_دیتا|چھپا", gap: 2, unlessIn: "@SERVICE|تجدید|جوازات" },
    { kind: "child", p: "@CHILD @HIT|جنسی|ہراساں|چھیڑ|زیادتی", gap: 3 },
    { kind: "child", p: "@CHILD گم|لاپتہ|اغوا|غائب", gap: 3, unlessIn: "@SERVICE|فون|کاغذات|بیگ" },

    // ---- Medical and other emergencies -------------------------------------------------
    { kind: "medical", p: "خون بہہ|بہ|بہت|نکل|رک|بند|زیادہ|تھوک|الٹی", gap: 2, neg: "ignored", unlessIn: "ٹیسٹ|گروپ|عطیہ|پریشر|شوگر|رپورٹ" },
    { kind: "medical", p: "سانس نہیں|رک|پھول|لینے_میں|مشکل|تکلیف|اکھڑ|بند|نہیں_آ", gap: 2, neg: "ignored" },
    { kind: "medical", p: "سینے|سینہ|دل|چھاتی درد|دورہ|دباؤ|جلن", gap: 2, unlessIn: "بل|دیکھ_کر|دیکھ_کے|میچ|قیمت|ہوتے_ہوتے|آ_جائے_گا|پڑنے_والا|کھانے_کے_بعد|تیزابیت|ہاضمہ|ہوتی_ہے" },
    { kind: "medical", p: "دل_کا_دورہ|ہارٹ_اٹیک|فالج|فالج_کا_حملہ|بے_ہوش|بیہوش|بےہوش|ہوش_میں_نہیں|ہوش_نہیں|دورہ_پڑا|دورے_پڑ|دورہ_پڑ|مرگی|جھٹکے|زہر_کھا|زہر_پی", unlessIn: "بل|دیکھ_کر|دیکھ_کے|میچ|قیمت|ہوتے_ہوتے|آ_جائے_گا|پڑنے_والا|کھانے_کے_بعد|تیزابیت|ہاضمہ|ہوتی_ہے" },
    { kind: "medical", p: "تیز_بخار|بہت_تیز_بخار|ایمبولینس|ایمبولنس|زچگی|درد_زہ|ڈوب|ڈوب_رہا|ڈوب_رہی", unlessIn: "@SERVICE|@COSTS|کاغذات|کام|قرض|قرضے|سوچ|خیالوں|محبت|فکر" },
    { kind: "medical", p: "درد_سے_مر|درد_سے_مر_رہا|درد_سے_مر_رہی|شدید_درد|ناقابل_برداشت_درد" },
    { kind: "emergency", p: "آگ_لگ|آگ_لگی|آگ_لگ_گئی|حادثہ|ایکسیڈنٹ|خطرے_میں", unlessIn: "@SERVICE" },
    // A cry for help read against the whole message: about the website or the application it is a complaint.
    { across: true, kind: "emergency", p: "بچاؤ|بچاو|جلدی_مدد|فوری_مدد", unlessIn: "@SERVICE" },

    // ---- Acute distress -------------------------------------------------------------------
    { kind: "distress", p: "برداشت", neg: "requires", unlessIn: "@COSTS|@SERVICE" },
    { kind: "distress", p: "ٹوٹ_چکا|ٹوٹ_چکی|اندر_سے_ٹوٹ|بکھر_گیا|بکھر_گئی|بکھر_چکا|بکھر_چکی", unlessIn: "@SERVICE|فون|موبائل|شیشہ" },
    { kind: "distress", p: "امید", neg: "requires", unlessIn: "@SERVICE" },
    { kind: "distress", p: "ناامید|نا_امید|مایوس|افسردہ|اداس|ڈپریشن|ذہنی_دباؤ|ذہنی_مریض", unlessIn: "@SERVICE" },
    { kind: "distress", p: "گھبراہٹ|پینک|گھبرا_رہا|گھبرا_رہی|دل_گھبرا|دل_بیٹھ|ڈر_لگ_رہا|ڈر_لگ_رہی|بہت_ڈر" },
    { kind: "distress", p: "رو_رو|روتی_رہتی|روتا_رہتا|رونا_آتا|روتی_ہوں|روتا_ہوں" },
    { kind: "distress", p: "کوئی پرواہ|پروا|خیال|ساتھ|میرا|پیار", neg: "requires", gap: 2, unlessIn: "@SERVICE|@COSTS" },
    { kind: "distress", p: "زندگی|سب|ہر_چیز تنگ|تھک|بیزار", gap: 2, unlessIn: "@SERVICE" },
    { kind: "distress", p: "بوجھ_ہوں|بوجھ_بن|بوجھ_ہی" },
  ],
};

export const romanUrdu: Lexicon = {
  lang: "ur-latn",
  groups: {
    WANT: "chahta|chahti|chahte|chahtay|chahtaa|chahti_hun|chahta_hun|chahta_hoon|chahti_hoon|chahiye|chahye|chahie|dil_karta|dil_chahta|jee_chahta|ji_chahta|soch_raha|soch_rahi|irada",
    DIE: "marna|mar_jana|marjana|mar_jaun|mar_jaon|marjaun|marjaon|mar_jau|mar_jaoon|mar_jaunga|mar_jaungi|maut|mout|marne|mar_jaaun",
    HIT: "marta|maarta|marti|maarti|marte|maarte|mara|maara|mari|maari|peet|peeta|peetta|peetti|pitai|pitayi|maar_peet|marpeet|tashaddud|tashadud|tashadad|zakhmi_kar|thappar|thapar|jalata|jalaya|gala_dabata|gala_dabaya",
    VICTIM: "mujhe|mujhay|mujhy|muje|mjhe|mujko|mujh_ko|humein|hamein|hume|hamen|meri_biwi|biwi_ko|ammi_ko|maa_ko|behen_ko|usko|us_ko|usay|use|unhein|bachon_ko|beti_ko|bete_ko",
    PERSON: "shohar|shauhar|shoher|shoar|miyan|khawand|abu|abbu|walid|baap|bhai|kafeel|kafil|malik|sasur|saas|dewar|chacha|mamu|woh|wo|mangetar",
    CHILD: "bacha|bachay|bache|bachi|bachchi|bachon|bachhon|bachay_ko|beta|beti|betay|bete|beton",
    SERVICE: "darkhwast|darkhast|form|jawab|intezar|intizar|daftar|staff|website|app|manzoori|kaghzat|documents|payment|takheer|der",
    COSTS: "kharch|kharcha|kharchay|kiraya|kiraaya|fees|qarz|qimat|bill|tankhwah|paise|paisay",
  },
  rules: [
    { kind: "self_harm", p: "khudkushi|khudkhushi|khudkashi|khudkushy|khudkushee|khud_kushi|khud_khushi|khudkhuashi|khudkhushi|khudkashy", firm: false },
    { kind: "self_harm", p: "@DIE @WANT", gap: 2 },
    { kind: "self_harm", p: "@WANT @DIE", gap: 2 },
    { kind: "self_harm", p: "kash|kaash mar|marjaun|mar_jaun|mar_jata|mar_jati|marjata|marjati|paida_na|paida_hi_na", gap: 2, neg: "ignored" },
    { kind: "self_harm", p: "apni_jaan|apni_zindagi|jaan le|lay|lena|lelu|le_lun|le_lunga|le_lungi|le_lu|khatam|de_dun", gap: 2, unlessIn: "ke_liye|kay_liye|k_liye|ki_khatir|ke_waaste|biryani|khana|kabsa|garmi|mehngai|bill|bijli|kiraya|traffic" },
    { kind: "self_harm", p: "khud_ko|apne_aap_ko|khudko|apne_ap_ko maar|mar|khatam|nuksan|nuqsan|nuksaan|nuqsaan|zakhmi|kaat|kaatun|jala|takleef", gap: 2, neg: "ignored" },
    { kind: "self_harm", p: "zindagi|zindagee|zindgi|zindagy khatam|khtm|khatm", gap: 2 },
    { kind: "self_harm", p: "hamesha_ke_liye|hamesha_k_liye|hamesha_kay_liye so_jaun|so_jaon|so|chala_jaun|chali_jaun|ghayab", gap: 2 },
    { kind: "self_harm", p: "sab|sabkuch|sab_kuch|sab_kuchh|har_cheez|khud|apne_aap khatam|khtm|khatm kar_dun|kar_doon|kar_du|kardun|kardu|kar_lun|karna|kar_deta|kar_deti|kar_dalun", gap: 1 },
    { kind: "self_harm", p: "jeena|jina|jeene|jine|zinda|zinda_rehna|zinda_rehne|zinda_rahna @WANT|dil|khwahish|ka_dil|hai|he|hay|hain", neg: "requires", gap: 2 },
    { kind: "self_harm", p: "zeher|zehar|zahar|tezab|goliyan|goliyaan|neend_ki_goliyan kha|khalu|kha_lun|kha_lunga|kha_lungi|pee|pi|pilu|kha_liya|kha_li|pi_liya|le_li|le_liya", gap: 2 },
    { kind: "self_harm", p: "chhat|chat_se|pul_se|pul|building|imarat|khidki kood|koodna|kood_jaun|chalang|chhalang|chalaang", gap: 2 },
    { kind: "self_harm", p: "phansi|phaansi|phanda|phandaa|latak_jaun|pankhay_se|pankhe_se" },
    { kind: "self_harm", p: "aakhri_paigham|akhri_paigham|akhri_message|hamesha_ke_liye_alvida|alvida_sab|sab_ko_khuda_hafiz", neg: "ignored" },

    { kind: "violence", p: "@VICTIM @HIT|gaaliyan_deta|galiyan_deta|gaaliyan_deti|galiyan_deti|gali_galoch", gap: 4, unlessAfter: "mazak|mazaq" },
    { kind: "violence", p: "@PERSON @HIT|gaaliyan_deta|galiyan_deta|gaaliyan_deti|galiyan_deti|gali_galoch", gap: 5, unlessAfter: "mazak|mazaq" },
    { kind: "self_harm", p: "kalai|kalaai|nas|nasen|nabz|kalai_ki_nas kaat|kaati|kaat_li|kaat_di|kaatna|kaatun|kat_li", gap: 2, neg: "ignored" },
    { kind: "violence", p: "tashaddud|tashadud|tashadad|gharelu_tashaddud|jinsi|harass|harassment|harassing|chhed_chhad|cher_char|rape|zabardasti" },
    { kind: "violence", p: "dhamki|dhamkiyan|dhamkee|dhamkaata|dhamkata|dhamkati|dhamkaya", unlessIn: "@SERVICE|deport|wapas|naukri|case|file|darkhwast|mansookh|cancel|shikayat" },
    { kind: "violence", p: "jaan_se_maar|jaan_se_marne|jan_se_mar|qatal|qatl|maar_dalega|maar_dalay|maar_dega|maar_denge|maar_dalunga|mar_dalega" },
    { kind: "violence", p: "dar|darr|darti|darta|khauf|khof|dar_lagta @PERSON|us_se|unse|un_se|ghar_jane", gap: 2 },
    { kind: "violence", p: "@PERSON|us_se|unse|un_se dar|darr|darti|darta|khauf|khof|dar_lagta", gap: 2 },
    { kind: "violence", p: "ghar|yahan|uske_sath|us_ke_sath mehfooz|mehfuz|mahfooz|safe", neg: "requires", gap: 2 },
    { kind: "violence", p: "band_kar|band_rakhta|band_rakhti|qaid|qaid_kar|kamre_mein_band|band_kar_deta|band_kar_diya", unlessIn: "@SERVICE|dukan|daftar|phone|account" },
    { kind: "violence", p: "passport|iqama rakh_liya|cheen|chheen|le_liya|nahi_deta|chupa", gap: 2, unlessIn: "@SERVICE|renew|tajdeed|jawazat" },
    { kind: "child", p: "@CHILD @HIT|jinsi|harass|chhed|ziyadti|zyadti", gap: 3, unlessAfter: "mazak|mazaq" },
    { kind: "child", p: "@CHILD gum|laapata|lapata|agwa|ghaib|ghayab", gap: 3, unlessIn: "@SERVICE|phone|kaghzat|bag|chewing|chewing_gum|bubble_gum" },

    { kind: "medical", p: "khoon|khun beh|bah|bahut|bohat|bohot|nikal|ruk|band|zyada|ziada|zyaada|thook|ulti", gap: 2, neg: "ignored", unlessIn: "test|group|pressure|sugar|report|donate" },
    { kind: "medical", p: "saans|sans|saas|saans_lene|sans_lene nahi|nahin|nhi|ruk|phool|mushkil|taklif|takleef|band|ukhar|nahi_aa", gap: 2, neg: "ignored" },
    { kind: "medical", p: "seene|seenay|sine|sina|seena|seeny|dil|chaati|chhati dard|dora|daura|dabao|jalan", gap: 2, unlessIn: "bill|dekh_ke|dekh_kar|match|qimat|hote_hote|aa_jayega|ajayega|de_dega|na_ho_jaye|lol|khane_ke_baad|tezabiyat|hazma|acidity|hoti_hai" },
    { kind: "medical", p: "dil_ka_daura|dil_ka_dora|heart_attack|falij|faalij|behosh|be_hosh|behoshi|hosh_mein_nahi|hosh_nahi|dora_para|dora_pad|daura_para|daura_pada|dore_par|dore_pad|mirgi|jhatke|zeher_kha|zehar_kha", unlessIn: "bill|dekh_ke|dekh_kar|match|qimat|hote_hote|aa_jayega|ajayega|de_dega|na_ho_jaye|lol|khane_ke_baad|tezabiyat|hazma|acidity|hoti_hai" },
    { kind: "medical", p: "tez_bukhar|bohat_tez_bukhar|bahut_tez_bukhar|ambulance|ambulence|doob|doob_raha|doob_rahi|dooba|zachgi|dard_e_zeh", unlessIn: "@SERVICE|@COSTS|kaghzat|kaam|qarz|qarze|soch|khayalon|mohabbat|fikr|paperwork" },
    { kind: "medical", p: "dard_se_mar|dard_se_mar_raha|dard_se_mar_rahi|shadeed_dard|bardasht_se_bahar_dard" },
    { kind: "emergency", p: "aag_lag|aag_lagi|aag_lag_gayi|aag_lag_gai|hadsa|haadsa|accident_ho|khatre_mein", unlessIn: "@SERVICE" },
    { across: true, kind: "emergency", p: "bachao|bachaao|bachalo|jaldi_madad|fori_madad|foran_madad", unlessIn: "@SERVICE" },

    { kind: "distress", p: "bardasht|bardaasht|bardasht_se_bahar", neg: "requires", unlessIn: "@COSTS|@SERVICE" },
    { kind: "distress", p: "andar_se_toot|andar_se_tut|toot_chuka|toot_chuki|tut_chuka|tut_chuki|bilkul_toot|bikhar_gaya|bikhar_gayi|bikhar_chuka|bikhar_chuki", unlessIn: "@SERVICE|phone|mobile|screen" },
    { kind: "distress", p: "umeed|umid|ummeed|ummid", neg: "requires", unlessIn: "@SERVICE" },
    { kind: "distress", p: "na_umeed|naumeed|na_umeedi|mayoos|mayus|maayoos|udaas|udas|afsurda", unlessIn: "@SERVICE" },
    { kind: "distress", p: "mujhe|mujhay|mjhe|muje|main|mein|mai depression|tension|zehni_dabao|zehni_mareez", gap: 2, unlessIn: "@SERVICE|@COSTS" },
    { kind: "distress", p: "ghabrahat|ghabrahut|ghabra_raha|ghabra_rahi|dil_ghabra|dil_baith|panic|dar_lag_raha|dar_lag_rahi|bohat_dar|bahut_dar|khauf_aa_raha" },
    { kind: "distress", p: "ro_ro|roti_rehti|rota_rehta|rona_aata|rona_ata|roti_hun|rota_hun|roti_hoon|rota_hoon" },
    { kind: "distress", p: "koi parwah|parwa|parwaah|khayal|sath|saath|pyar|pyaar", neg: "requires", gap: 2, unlessIn: "@SERVICE|@COSTS" },
    { kind: "distress", p: "zindagi|zindgi|sab|har_cheez tang|thak|bezar|bezaar", gap: 2, unlessIn: "@SERVICE" },
    { kind: "distress", p: "bojh_hun|bojh_hoon|bojh_hu|bojh_ban|bojh_bana|bojh_bani" },
  ],
};
