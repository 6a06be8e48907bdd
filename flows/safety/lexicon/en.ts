/**
 * English signs that someone may be in danger, as people type them on a
 * phone (no apostrophes: "dont", "cant", "im"; "wanna", "gonna"). See
 * ../match.ts for the notation: spaces separate slots, "_" joins the words
 * of one phrase.
 */
import type { Lexicon } from "../match";

const groups: Record<string, string> = {
  INTENT: "want|wnat|wnt|wan|wana|whant|watn|wanan|wanted|wanting|wanna|wish|plan|planning|planned|trying|tried|try|thinking_about|thinking_of|thought_about|thought_of|decided|ready|going|gonna|about|feel_like|feels_like|want_to|would_rather|prefer",
  FUTURE: "going|gonna|will|about|might|could|should|would|can|am_going|just",
  SELF: "myself|my_self|meself|my_life|my_own_life|me_self",
  DIE: "die|dying|dead|be_dead",
  // "dying to know", "die of laughter", "to die for": figures of speech.
  FIGURE:
    "laughing|laughter|laugh|lol|lmao|haha|hahaha|embarrassment|embarrassed|boredom|bored|curiosity|cuteness|know|see|meet|eat|hear|for|hunger|hungry|heat|cold|thirst|excitement|suspense|jealousy|cringe",
  SERVICE:
    "form|forms|application|applications|website|site|app|portal|reply|replies|response|responses|wait|waiting|queue|delay|delays|process|system|bot|chatbot|staff|payment|paperwork|documents|appointment|call_centre|call_center|customer_service|service|survey|questionnaire|registration|office|traffic|exam|exams|homework|interview|internet|wifi|connection|complaint|complaints|request|requests|case|ticket|email|emails|file",
  COSTS: "rent|bills|bill|cost|costs|fees|fee|debt|debts|loan|price|prices|expenses|tuition|money",
  CHILD:
    "child|children|kid|kids|son|daughter|baby|babies|toddler|boy|girl|stepson|stepdaughter|nephew|niece|minor|orphan|teenager|little_brother|little_sister|my_brother|my_sister",
  PERSON:
    "he|she|they|husband|wife|father|dad|stepfather|stepdad|mother|mom|mum|brother|uncle|aunt|cousin|son|boss|employer|sponsor|kafeel|kafil|madam|ex|boyfriend|partner|fiance|man|guy|someone|somebody|neighbor|neighbour|landlord|in_laws|inlaws|hes|shes|theyre",
  HURT_VERB:
    "slammed|slams|smashed|smashes|threw|throws|shoved|shoves|grabbed|grabs|twisted|bites|spat|pinned|headbutted|hits|hit|hitting|beats|beat|beating|punches|punched|punching|kicks|kicked|kicking|slaps|slapped|slapping|chokes|choked|choking|strangled|strangles|strangling|burns|burned|burnt|abuses|abused|abusing|hurts|hurt|hurting|rapes|raped|molests|molested|threatens|threatened|threatening|attacks|attacked|attacking|whips|whipped|tortures|tortured|starves|starved|locks|locked|drags|dragged|pushes|pushed|stabbed|stabs|assaulted|assaults|batters|battered",
  PILLS: "pills|pill|tablets|tablet|meds|medication|medications|medicine|sleeping_pills|painkillers|paracetamol|panadol|tylenol|insulin|antidepressants",
  POISON: "bleach|poison|rat_poison|pesticide|chlorine|detergent|antifreeze|battery|batteries|magnet|magnets|kerosene|petrol|gasoline|clorox|cleaning|cleaner|cleaning_liquid|cleaning_product|cleaning_fluid|dettol|acid|drain_cleaner|perfume|lamp_oil|insecticide|weed_killer|fertilizer|chemicals|chemical",
  MANY: "all|whole|bottle|box|pack|packet|lot|lots|many|handful|bunch|entire|dozen|extra|too_many|a_lot",
  BREATHE: "breathe|breath|breathing|breathin|breath_properly",
  NOT_CAN: "cant|cannot|can_not|couldnt|unable_to|hard_to|difficult_to|trouble|struggling_to|difficulty|problem|problems|barely",
  ABOUT_HOME: "home|house|the_house|my_house|this_house|here|with_him|with_her|with_them|with_my_husband|with_my_family",
};

export const english: Lexicon = {
  lang: "en",
  groups,
  rules: [
    // ---- Risk to life: wanting to die, suicide, self-harm --------------------------------
    { kind: "self_harm", p: "suicid*|suicde|sucide|suiside|sucidal|suicidel|suisidal", firm: false },
    // Any talk of hurting oneself raises the alarm, even negated ("I'm not going to hurt myself"): prefer a false alarm.
    { kind: "self_harm", p: "kill|kil|kll|killing|end|ending|off|hurt|hurting|harm|harming|cut|cutting|burn|burning|unalive|hang|hanging|drown|starve|shoot|stab|poison|slit @SELF", gap: 1, neg: "ignored" },
    { kind: "self_harm", p: "=kms|=kys|unalive|self_harm|selfharm|self_harming|self_injury|self_injure|cutting_again|started_cutting|my_wrists|slit_my", firm: false },
    { kind: "self_harm", p: "@INTENT @DIE", unlessAfter: "@FIGURE" },
    { kind: "self_harm", p: "i|im|ill|id|ive @FUTURE @DIE", unlessAfter: "@FIGURE", unlessIn: "@SERVICE|@COSTS" },
    { kind: "self_harm", p: "end|ending|finish it_all|my_life|my_own_life|everything|my_days|it_now|it_tonight|it_today", gap: 1, unlessIn: "@SERVICE|@COSTS|call|chat|conversation|contract|lease|subscription|program|programme|course|meeting" },
    { kind: "self_harm", p: "take|taking my_life|my_own_life|my_own", gap: 1 },
    { kind: "self_harm", p: "better|happier|easier|lighter without_me|off_without_me|if_i_was_gone|if_i_wasnt_here|if_i_werent_here|if_i_were_gone|if_i_disappeared", gap: 3, neg: "ignored", unlessIn: "@SERVICE|@COSTS|meeting|team|party|trip" },
    { kind: "self_harm", p: "have|got|bought|ready|tied|found|hidden|hid a_rope|the_rope|a_noose|rope|noose|a_gun|the_gun|a_blade|razor|razors|blades", gap: 2, unlessIn: "@SERVICE|@COSTS|camping|climbing|tent|boat|hunting|shaving|shave" },
    { kind: "self_harm", p: "i_know_what_im_going_to_do|my_mind_is_made_up|ive_made_up_my_mind|made_my_decision_to|decided_to_end|its_decided|tonight_is_the_night|this_is_the_end|the_end_for_me", neg: "ignored", unlessIn: "@SERVICE|@COSTS|apply|application|program|programme|course" },
    { kind: "self_harm", p: "how|ways|way|best_way|easiest_way|quickest_way|painless|painlessly|methods to_die|to_kill_myself|to_end_it|to_end_my_life|to_commit_suicide|die", gap: 2, unlessAfter: "@FIGURE", unlessIn: "@SERVICE|@COSTS|plant|plants|battery|hair|dye|game" },
    { kind: "self_harm", p: "end|ending|finish =it", gap: 0, unlessAfter: "with|between|here|for_now|early|at|there|the_call|politely|thanks|please|now_thanks|off", unlessIn: "@SERVICE|@COSTS|relationship|boyfriend|girlfriend|engagement|call|chat|conversation|meeting|contract|lease|subscription" },
    { kind: "self_harm", p: "no_one|nobody|noone can|will|could|is_going_to stop_me|talk_me_out|save_me", gap: 1, neg: "ignored" },
    { kind: "self_harm", p: "better_off_dead|better_off_without_me|no_reason_to_live|no_reason_to_go_on|nothing_to_live_for|not_worth_living|no_point_living|no_point_in_living|no_point_in_life|life_is_pointless|life_is_meaningless|life_isnt_worth|life_not_worth|tired_of_living|tired_of_life|sick_of_living|sick_of_life|done_with_life|done_with_living|wish_i_was_dead|wish_i_were_dead|wish_i_wasnt_born|wish_i_was_never_born|wish_i_had_never_been_born|wish_i_could_die|wish_i_would_die|wish_i_didnt_exist|wish_i_didnt_wake_up|wish_i_wasnt_here|rather_be_dead|give_up_on_life|giving_up_on_life|gave_up_on_life|end_it_all|ending_it_all", neg: "ignored" },
    { kind: "self_harm", p: "want|wanna|wish|deserve|care|feel_like live|living|alive|exist|existing|be_alive|be_here_anymore|be_here_any_more|wake|wake_up|be_around_anymore|see_tomorrow", neg: "requires", gap: 2, unlessIn: "@SERVICE|@COSTS|city|area|riyadh|country|house|apartment|flat|neighborhood|neighbourhood|alone|with_my|with_them|with_him|with_her|abroad|there" },
    { kind: "self_harm", p: "overdose|overdosed|overdosing|=od|=oded|=oding", unlessIn: "@SERVICE" },
    { kind: "self_harm", p: "took|taken|swallowed|take|swallow|ate|drank|drink|taking|downed|popped @MANY @PILLS", gap: 3, unlessIn: "prescribed|prescription|doctor_said|as_directed|vitamins" },
    { kind: "self_harm", p: "took|taken|swallowed|take|swallow|drank|drink|taking|downed @POISON", gap: 2 },
    { kind: "self_harm", p: "jump|jumping|throw_myself|leap|hang_myself off|from|in_front_of|of bridge|roof|building|balcony|window|train|cliff|tower|rooftop|ceiling_fan|fan", gap: 3, unlessIn: "@SERVICE|pool|joy|conclusions" },
    { kind: "self_harm", p: "goodbye|farewell|bye forever|everyone|world|cruel|for_good|for_ever", gap: 1, neg: "ignored", unlessIn: "@SERVICE|thanks|thank|see_you" },
    { kind: "self_harm", p: "last|final message|goodbye|words|note|letter", gap: 1, neg: "ignored", unlessIn: "@SERVICE|sent|send|reminder|reply|about|your|you" },
    { kind: "self_harm", p: "goodbye_letters|goodbye_letter|goodbye_notes|goodbye_note|farewell_letter|farewell_letters|last_letters|suicide_letter|said_goodbye_to_everyone|saying_goodbye_to_everyone", neg: "ignored" },
    { kind: "self_harm", p: "be_here|be_around|be_alive|wake_up|see_you|be_there tomorrow|much_longer|next_week|anymore|by_morning|after_tonight", neg: "requires", gap: 2, unlessIn: "@SERVICE|@COSTS|office|travel|traveling|travelling|flight|flying|trip|work|shift|appointment|interview|abroad|vacation|holiday|leaving_town|out_of_town|busy" },
    { kind: "self_harm", p: "suicide_note|wrote_my_will|writing_my_will|giving_away_my_things|giving_away_my_stuff|said_my_goodbyes|saying_my_goodbyes", neg: "ignored" },
    { kind: "self_harm", p: "thoughts|thinking|think|thought of|about dying|death|killing|ending|harming|hurting|suicide|not_being_here", gap: 2, firm: false },
    { kind: "self_harm", p: "sleep|go_to_sleep|fall_asleep|close_my_eyes wake|wake_up|waking", gap: 3, neg: "requires" },
    { kind: "self_harm", p: "never_wake_up|not_wake_up|never_to_wake_up|disappear_forever|disappear_for_good", neg: "ignored" },
    { kind: "self_harm", p: "@INTENT|just it_all|everything|all_of_it|the_pain|this_pain|it|this|life to_stop|to_end|over|to_be_over|stop|end", gap: 2, unlessIn: "@SERVICE|@COSTS|calls|messages|noise|rain|notifications|emails|spam|texts|ads|subscription|headache|cough|itching|itch|crying_baby|drilling|construction" },
    { kind: "self_harm", p: "@INTENT rest|sleep|be_at_peace|go_to_sleep forever|for_ever|eternally|for_good|and_never_wake|and_not_wake", gap: 2 },
    { kind: "distress", p: "@INTENT disappear|vanish|not_exist|stop_existing|be_gone|go_away_forever|run_away_from_everything|fade_away", gap: 2, unlessIn: "@SERVICE|@COSTS|trip|vacation|holiday|weekend" },
    { kind: "self_harm", p: "no|any|whats_the|what_is_the|dont_see_the|dont_see_any|cant_see_the|cant_see_any point|reason|use going_on|living|life|anything|being_alive|waking_up|existing|carrying_on|to_live|in_living|of_living|to_go_on|in_life|of_life", gap: 3, neg: "ignored", unlessIn: "@SERVICE|@COSTS|trying_to_apply|applying|calling|asking" },
    { kind: "self_harm", p: "@PILLS saved|stockpiled|collected|hoarded|saving|stocking|hidden|stashed", gap: 2 },
    { kind: "self_harm", p: "@PILLS take|swallow|taking|swallowing them_all|all_of_them|all_at_once|at_once|them", gap: 4, unlessIn: "vitamins|prescribed|prescription|doctor_said|as_directed|with_food|after_meals|morning|daily|twice" },
    { kind: "self_harm", p: "@FUTURE|want|wanna|ready|about|decided|plan jump|jumping", gap: 2, unlessIn: "@SERVICE|queue|line|call|meeting|in_the|into_the|pool|joy|conclusions|rope|trampoline|on_the_bus|on_board|ahead|the_gun" },
    { kind: "self_harm", p: "standing_on|sitting_on|im_on|i_am_on|on_top_of|standing_at|at_the_edge_of|on_the_edge_of|on_the_ledge_of the_bridge|a_bridge|the_ledge|the_edge|the_roof|the_rooftop|a_roof|a_rooftop|the_balcony|the_railing|the_tracks|the_cliff", gap: 1 },
    { kind: "self_harm", p: "if_i|when_i|if_im|once_i|after_i was|were|am|died|die|disappeared|wasnt|werent|m|killed_myself gone|dead|around|here|anymore|alive", gap: 2, neg: "ignored", unlessIn: "@SERVICE|@COSTS|apply|travel|trip|vacation|abroad|week|weeks|month|months|days|holiday|work|office|country|city|asleep|sleeping|busy" },
    { kind: "self_harm", p: "nobody|no_one|noone|nobody_would|no_one_would|no_one_will|nobody_will care|notice|miss_me|even_notice", gap: 3, unlessIn: "@SERVICE|@COSTS|answer|reply|replied|answered|calls|call|message|messages|my_message" },
    { kind: "self_harm", p: "wrote|writing|written|left|leaving letters|a_letter|notes|a_note|goodbye_letters|goodbye_notes to|for my_family|everyone|my_kids|my_children|my_mom|my_mother|my_parents|my_wife|my_husband", gap: 2 },

    // ---- Violence and abuse ----------------------------------------------------------------
    { kind: "violence", p: "@PERSON @HURT_VERB me|us|mom|mum|mother|my_mother|my_mom|my_wife|my_sister|my_head|my_face|my_arm|my_arms|my_hair|my_neck|my_body|my_throat|my_stomach", gap: 2, unlessAfter: "up|back|at|to_it|to|with_a_question|by_mistake|accidentally|in_chess|at_chess|in_football|in_a_game|in_the_game|in_the_race|in_an_argument|in_cards" },
    { kind: "violence", p: "@PERSON going|gonna|will|wants|tried|trying|threatened|threatens|said|says|swore|promised kill|hurt|beat|harm|murder|stab|shoot|strangle|burn me|us", gap: 2 },
    { kind: "violence", p: "@PERSON kill|kills|killing me|us", gap: 2, unlessIn: "@SERVICE|heat|pain|back|head|headache|feet|legs|tooth|toothache|it|this|that|thing|boredom|suspense|laughing|joke|jokes|lol" },
    { kind: "violence", p: "abuse|abused|abusing|abusive|abuser|domestic_violence|violence|violent|battered|beaten|beaten_up|beat_up|assault|assaulted|harassed|harassing|harassment|harasses|molested|molest|molesting|groped|grope|groping", unlessIn: "drug|drugs|substance|alcohol|addiction|video_game|game|movie|film|tv|news" },
    { kind: "violence", p: "@PERSON touches|touched|touching|touch me|my_body|my_private|her_body|him_at_night", gap: 2, unlessAfter: "heart|deeply|emotionally|soul|with_his_words|with_her_words|with_kindness", unlessIn: "message|video|story|kindness|words|heart|base|screen|phone" },
    { kind: "violence", p: "=rape|=raped|=raping|=rapist|sexual_assault|sexually_assaulted|sexually_abused|touched_me_inappropriately|touches_me_inappropriately|touching_me_inappropriately|touched_my_private|touches_my_private|touching_my_private|touched_her_private|touched_him_private|touches_her_private|touches_him_private" },
    { kind: "violence", p: "threatened|threatening|threatens|threat|threats to_kill|to_hurt|to_beat|to_harm|my_life|to_take_my|with_a_knife|with_a_gun|me|us", gap: 1, unlessIn: "@SERVICE|deport|deportation|fire|sue|report|cancel|evict|eviction|complain|lawyer|court|divorce" },
    { kind: "violence", p: "afraid|scared|terrified|frightened|fear|fearing for_my_life|for_my_safety|of_my_husband|of_my_father|of_my_dad|of_my_brother|of_my_uncle|of_my_sponsor|of_my_employer|of_my_boss|of_my_wife|of_my_family|of_him|of_her|of_them|hell_hurt|he_will_hurt|she_will_hurt|he_will_kill|to_go_home|he_will_beat|hell_kill", gap: 2, unlessIn: "@SERVICE|@COSTS|spiders|dogs|dark|heights|flying|needles|exam|rejected|rejection|future|lose|losing|answer|ask" },
    { kind: "violence", p: "safe|secure @ABOUT_HOME", neg: "requires", gap: 2, unlessIn: "@SERVICE" },
    { kind: "violence", p: "locked|locks|lock|keeps|keep me|us in|inside|up|in_a_room|in_the_room|in_the_house", gap: 2, unlessIn: "@SERVICE|account|phone|car|out|outside|keys|key|door_by_mistake" },
    { kind: "violence", p: "let|allow|allows|lets me|us leave|go_out|outside|out_of_the_house|see_anyone|call_anyone|talk_to_anyone|have_my_phone|see_a_doctor|go_to_the_hospital|call_my_family|see_my_family|eat", neg: "requires", gap: 1, unlessIn: "@SERVICE|@COSTS|apply|login|sign|register|submit|download|upload|change|pay|travel|exit_re_entry|vacation" },
    { kind: "violence", p: "took|takes|taken|keeps|kept|holding|hides|hid my|our passport|passports|iqama", gap: 1, unlessIn: "@SERVICE|renewal|renew|office|jawazat|copy|photo|for_the_visa|you|lost" },
    // A child at risk.
    { kind: "child", p: "@CHILD @HURT_VERB", gap: 3, unlessIn: "@SERVICE|ball|toy|wall|head_on|fell|fall|his_brother|her_brother|his_sister|her_sister|each_other|school_bully|bully|other_kid|other_kids" },
    { kind: "child", p: "@HURT_VERB|touched|touches|touching|neglects|neglected|neglecting my|the|our|a|his|her|their @CHILD", gap: 1, unlessIn: "@SERVICE|by_accident|accidentally|ball|car_door" },
    { kind: "child", p: "@CHILD is_missing|went_missing|has_been_missing|been_missing|kidnapped|abducted|been_taken|was_taken|didnt_come_home|hasnt_come_home|never_came_home|ran_away|run_away|disappeared|cant_find_him|cant_find_her", gap: 2, unlessIn: "@SERVICE|@COSTS|id|iqama|passport|phone|bag|toy|certificate" },
    { kind: "violence", p: "stalking|stalker|stalks|following_me|followed_me|follows_me|watching_me|blackmailing|blackmails|blackmailed|blackmail|extortion|sextortion", unlessIn: "@SERVICE|instagram|twitter|tiktok|on_social|account|page" },
    { kind: "emergency", p: "break_in|breaking_in|break_into|breaking_into|broke_into|burglar|burglars|intruder|intruders|robbed|robbing|robbery|someone_is_in_my_house|someone_in_the_house|gun|knife|armed", unlessIn: "@SERVICE|@COSTS|last_year|years_ago|ago|movie|game|kitchen_knife|butter|cut_with" },
    { kind: "child", p: "@CHILD left_alone|home_alone|locked_in|alone_for_days|no_food|without_food|not_fed|starving|unfed|hungry_for_days|neglected|locked_up|tied_up|chained", gap: 3, unlessIn: "@SERVICE|@COSTS|school_lunch|for_an_hour|few_minutes" },
    { kind: "child", p: "child_abuse|child_neglect|neglected_child|children_are_neglected|child_at_risk|children_at_risk|kids_at_risk|child_in_danger|children_in_danger|kids_in_danger|child_is_in_danger|child_is_unsafe|child_is_not_safe|child_isnt_safe" },

    // ---- Medical emergencies -------------------------------------------------------------
    { kind: "medical", p: "bleeding|bleed|bleeds|blled|bledding|bleding|hemorrhage|haemorrhage|hemorrhaging|haemorrhaging", unlessIn: "gums|gum|slightly|little_bit|spotting|a_bit|bleeding_heart" },
    { kind: "medical", p: "blood everywhere|wont_stop|not_stopping|so_much|too_much|a_lot|lots|pouring|gushing|coming_out|keeps_coming", gap: 2, unlessIn: "test|tests|donation|donate|donating|pressure|sugar|type|group|bank|results|work|drawn" },
    { kind: "medical", p: "coughing|vomiting|throwing_up|spitting|peeing|pooping|cough|vomit|vomited|coughed blood", gap: 1 },
    { kind: "medical", p: "@NOT_CAN @BREATHE", gap: 2 },
    { kind: "medical", p: "@BREATHE", neg: "requires", gap: 1 },
    { kind: "medical", p: "short_of_breath|shortness_of_breath|breathless|gasping|gasping_for_air|suffocating|cant_get_air|no_air|struggling_to_breathe|breathing_difficulty|difficulty_breathing|trouble_breathing|turning_blue|lips_are_blue|went_blue|lips_blue|lips_turning_blue|face_turning_blue" },
    { kind: "medical", p: "choking|choked|chocking|something_stuck_in_his_throat|something_stuck_in_her_throat|stuck_in_his_throat|stuck_in_her_throat|stuck_in_my_throat", unlessIn: "@SERVICE|laughter|laughing|up|tears|back_tears" },
    { kind: "medical", p: "chest|heart pain|pains|hurts|hurting|ache|aching|tight|tightness|pressure|crushing|burning|attack|squeezing", gap: 2, unlessIn: "@COSTS|bill|bills|price|prices|when_i_saw|seeing|saw_the|watching|the_match|the_game|nearly|almost|gonna_give_me|going_to_give_me|give_me_a|gave_me_a|will_give_me|lol|heartburn_after|breast|breasts|lump|nipple|discharge|mammogram|breastfeeding" },
    { kind: "medical", p: "cant_feel|cannot_feel|numb|cant_move my_left|my_right|left_side|right_side|half_of_my|half_my|my_face|one_side", gap: 2, unlessIn: "@SERVICE|fingers_from_the_cold|cold" },
    { kind: "medical", p: "cant_talk|cant_speak|cannot_speak|cannot_talk|slurring|words_are_coming_out_wrong properly|clearly|suddenly|right|normally", gap: 2 },
    { kind: "medical", unlessIn: "@COSTS|bill|bills|price|prices|when_i_saw|seeing|saw_the|watching|the_match|the_game|nearly|almost|gonna_give_me|going_to_give_me|give_me_a|gave_me_a|will_give_me|lol|passed_away|died|ago|years|year|last_year|months|history|recovered|recovering|rehab|since|survivor|after_his|after_her", p: "heart_attack|cardiac_arrest|=stroke|having_a_stroke|had_a_stroke|stroke_symptoms|face_drooping|face_is_drooping|slurred_speech|speech_is_slurred|anaphylaxis|anaphylactic|allergic_reaction|throat_is_swelling|throat_swelling|throat_closing|asthma_attack|heart_stopped|no_pulse" },
    { kind: "medical", p: "unconscious|passed_out|passing_out|fainted|fainting|collapsed|collapse|unresponsive|not_responding|blacked_out|lost_consciousness|knocked_out|wont_wake_up|cant_wake|not_waking|in_a_coma|fell_and_hit_his_head|fell_and_hit_her_head", unlessIn: "@SERVICE|website|site|app|laptop|phone|computer|server|building|bridge|market|economy" },
    { kind: "medical", p: "fell|fallen|collapsed|dropped|fainted|slipped not_moving|isnt_moving|wont_move|unresponsive|cant_get_up|not_responding|isnt_responding|hit_his_head|hit_her_head|hit_my_head|not_waking|not_breathing|no_pulse", gap: 3 },
    { kind: "medical", p: "moving|responding|waking|breathing|conscious|awake", neg: "requires", gap: 1, unlessIn: "@SERVICE|queue|line|traffic|car|application|case|file|company|office|house|home|apartment|abroad|phone|email|messages|anyone|website" },
    { kind: "distress", p: "life|living|everything|existence|my_life is|feels|seems|has_become|became pointless|meaningless|worthless|empty|hopeless|not_worth_it|unbearable|too_much|a_nightmare|hell", gap: 2, unlessIn: "@SERVICE|@COSTS" },
    { kind: "medical", p: "seizure|seizures|seizing|convulsing|convulsions|convulsion|fitting|epileptic_fit|having_a_fit|shaking_and_not_responding" },
    { kind: "medical", p: "poisoned|poisoning|overdosed|intoxicated|food_poisoning" },
    { kind: "medical", p: "swallowed|drank|ate|drinking|swallowing @POISON|@PILLS", gap: 3, unlessIn: "prescription|prescribed|pharmacy|refill|schedule|can_i|should_i|allowed|as_directed" },
    { kind: "medical", p: "ambulance|paramedic|paramedics|=997|call_911|call_an_ambulance|need_a_doctor_now|emergency_room_now|need_an_ambulance" },
    { kind: "medical", p: "im|am|is|she|he|were|hes|shes|were dying", gap: 1, unlessAfter: "@FIGURE", unlessIn: "@SERVICE|@COSTS|phone|battery|plant|plants|hair|tv|show|fun" },
    { kind: "medical", p: "stung|bitten|bit|bite|sting by|from scorpion|snake|viper|cobra|spider|jellyfish|wasp|hornet|dog", gap: 2 },
    { kind: "medical", p: "water_broke|waters_broke|water_has_broken|in_labor|in_labour|contractions|giving_birth|gave_birth_at_home|baby_is_coming|going_into_labor|going_into_labour" },
    { kind: "medical", p: "fever|temperature|temp =40|=41|=42|=104|=105|=106|very_high|really_high|so_high|burning_up|wont_go_down|not_going_down|keeps_rising", gap: 2, unlessIn: "weather|outside|today|room|oven|car|tomorrow|forecast" },
    { kind: "medical", p: "sugar|glucose|blood_sugar very|dangerously|too|so low|dropped|crashing|crashed|=30|=40", gap: 2, unlessIn: "price|prices|@COSTS|buy|bag|kilo" },
    { kind: "medical", p: "hypo|hypoglycemia|hypoglycaemia|diabetic_coma|dka|insulin_shock", unlessIn: "@SERVICE" },
    { kind: "medical", p: "dying of|from|in pain|the_pain|agony", gap: 1 },
    { kind: "medical", p: "severe|unbearable|worst|excruciating pain|headache|bleeding", gap: 1, unlessIn: "@SERVICE|@COSTS" },

    // ---- Other risks to life: fire, flood, accident, a call for rescue --------------------------
    { kind: "emergency", p: "fire|on_fire|burning_down|smoke_everywhere|house_is_burning|building_is_burning|gas_leak|smell_gas|smells_of_gas|explosion|exploded", unlessIn: "fired|firing|fire_me|ceasefire|fireworks|campfire|bonfire|fireplace|firewall|hire|job|work|boss|staff|fire_alarm_test" },
    { kind: "emergency", p: "drowning|drowned|drown|flash_flood|flood|flooding|flooded|swept_away|trapped|stuck_under|buried_under|collapsed_on", unlessIn: "@SERVICE|@COSTS|work|emails|messages|calls|debt|inbox|requests|traffic|with" },
    { kind: "emergency", p: "accident|crash|crashed|hit_by_a_car|hit_by_a_truck|run_over|ran_over|car_flipped|rolled_over", unlessIn: "@SERVICE|website|site|app|laptop|phone|computer|server|by_accident|accidentally|accidental|years_ago|year_ago|months_ago|last_year|since|caused|lost_my|disability|disabled|disabilities|injury_from|after_an|after_a", unlessAfter: "years|year|months|ago" },
    { kind: "emergency", p: "help|save|rescue me|us|him|her|my|please|now|quick|quickly|asap|urgently|someone", gap: 1, neg: "ignored", unlessIn: "@SERVICE|@COSTS|apply|register|question|understand|find|know|with|choose|fill|filling|sign|login|documents|information|info|program|programme|financial|food|job|work|understand|how|what|where|when|can|could|would|need_help_with|thank|thanks|hired|hire|training|course|class|skills|english|arabic|cv|resume|interview|homework|move|moving" },
    { kind: "emergency", p: "sos|mayday|in_danger|life_is_in_danger|lives_are_in_danger|danger_to_life|life_threatening|emergency_please|urgent_help_please|need_police|call_the_police|call_police|police_now", unlessIn: "@SERVICE|@COSTS" },

    // ---- Acute distress -------------------------------------------------------------------
    { kind: "distress", p: "take|handle|bear|stand|cope|deal|do|manage it|this|anymore|any_more|no_more|with_it|with_this|with_anything|with_life|life|everything", neg: "requires", gap: 2, unlessIn: "@SERVICE|@COSTS|painkillers|medicine|medication|pills|dairy|lactose|gluten|heat|cold|spicy|food|call|calls|questions|question|shift|shifts|photos|photo|pictures|it_to|this_to|to_the|appointment" },
    { kind: "distress", p: "cant_take_it|cant_take_this|cant_take_anymore|cant_take_it_anymore|cant_cope|cant_go_on|cant_keep_going|cant_carry_on|cant_handle_it|cant_handle_this|cant_handle_life|cant_do_this_anymore|cant_do_it_anymore|cant_live_like_this|cant_live_this_way|cant_stand_it_anymore|cant_bear_it|cant_bear_this|had_enough_of_life|had_enough_of_everything|had_enough_of_this_life|done_with_everything|done_with_it_all|so_done_with_everything", unlessIn: "@SERVICE|@COSTS" },
    { kind: "distress", p: "cant|cannot|can_not|unable_to|couldnt do|face|handle|manage|deal_with life|living|this_life|my_life|existing", gap: 1, unlessIn: "@SERVICE|@COSTS" },
    { kind: "distress", p: "go_on|keep_going|carry_on|continue_living|keep_living|live_like_this|live_this_way", neg: "requires", gap: 1, unlessIn: "@SERVICE|@COSTS|trip|vacation|holiday" },
    { kind: "distress", p: "breaking_down|broke_down|break_down|breakdown|falling_apart|fell_apart|mental_breakdown|nervous_breakdown|panic_attack|panic_attacks|anxiety_attack|anxiety_attacks|panicking|having_a_panic|cant_stop_crying|crying_all|crying_every|crying_nonstop|keep_crying|been_crying|sobbing|in_tears|shaking_with_fear|cant_stop_shaking", unlessIn: "@SERVICE|car|laptop|phone|computer|machine|engine|washing|fridge|bus|cost|costs|joy|happy|happiness|laughing|laughter|movie|film|show|onions|numbers" },
    { kind: "distress", p: "hopeless|worthless|helpless|despair|desperate|empty_inside|feel_empty|feel_nothing|so_alone|all_alone|completely_alone|totally_alone|so_lonely|very_lonely|nobody_cares|no_one_cares|noone_cares|nobody_loves_me|no_one_loves_me|nobody_needs_me|no_one_needs_me|no_one_would_miss_me|nobody_would_miss_me|a_burden|burden_to|burden_on|lost_all_hope|lost_hope|no_hope|no_hope_left|at_my_limit|breaking_point|end_of_my_rope|end_of_the_rope|losing_my_mind|hate_myself|hate_my_life|i_hate_life|ruined_my_life|my_life_is_ruined|life_is_ruined|my_life_is_over|life_is_over|everything_is_over|nothing_matters|no_way_out|trapped_in_my_life|cant_stop_thinking_about_dying|feel_like_dying|feel_like_giving_up|no_future|dont_see_a_future|dont_see_any_future|nothing_to_look_forward_to|tired_of_being_alive|sick_of_being_alive|going_crazy|going_insane|lost_my_mind", unlessIn: "@SERVICE|@COSTS" },
    { kind: "distress", p: "i|im|feel|feeling|am|so|really|very|been|getting depressed|depression|miserable|devastated|traumatized|traumatised|overwhelmed|heartbroken|=broken|shattered|numb|desperate|suicidal", gap: 2, unlessIn: "@SERVICE|@COSTS|program|programme|support_for|services|offer|treatment_for|patients|information|leaflet|article|spiders|exam|interview|dogs|heights|flying|needles|results|test|scan|appointment|screen|laptop|car|tv|machine" },
  ],
};
