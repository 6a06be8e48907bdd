/**
 * English: situations of danger described rather than named (see
 * ./ar-situations.ts for the kinds), and the ways of saying a wish to die or
 * a harm that the first lexicon (./en.ts) did not have: means made ready, a
 * goodbye, someone else hurting themselves, giving one's things away,
 * starving oneself, voices, fear of hurting one's baby, a forced marriage,
 * pictures used to blackmail. See ../match.ts for the notation.
 */
import type { Lexicon } from "../match";
import { english } from "./en";

const groups: Record<string, string> = {
  PLEA: "please_come|come_quickly|come_quick|come_now|send_someone|send_help|send_an_ambulance|please_help|help_me|help_us|someone_help|somebody_help|what_do_i_do|what_should_i_do|i_dont_know_what_to_do|dont_know_what_to_do|what_can_i_do|what_do_we_do|urgent|urgently|emergency|asap|hurry|please_hurry|i_dont_know_who_to_tell|who_do_i_call|who_should_i_call|i_dont_know_who_to_call|dont_know_who_to_call|dont_know_who_to_tell|what_now|help_please",
  HARMWORD: "blood|bleeding|fell|fallen|screaming|screams|crying|hit|hitting|hits|hurt|hurting|fire|smoke|unconscious|not_responding|not_moving|breathing|breathe|pain|swallowed|drank|missing|locked|knife|gun|threatening|threatened|scared|terrified|shaking|fever|seizure|blue|swollen|swelling|burn|burned|burnt|kicked_out|the_street|cuts|cut|broken|broke|drowning|stuck|trapped|attacked|bitten|choking|vomiting|collapsed|fainted|passed_out|poison|pills|overdose|touched|touches|beats|beat|slapped|punched|kicked|dizzy|confused|bruises",

  // SERVICE, COSTS, CHILD, PILLS...: the words of ./en.ts.
  ...english.groups,
  FAMILY:
    "dad|father|mom|mum|mother|grandpa|grandad|granddad|grandfather|grandma|granny|grandmother|brother|sister|husband|wife|son|daughter|baby|child|kid|uncle|aunt|friend|neighbor|neighbour|roommate|flatmate|colleague|coworker|man|woman|guy|boy|girl|toddler|he|she|him|her|patient|worker|maid",
  VULNERABLE: "dementia|alzheimers|alzheimer|autistic|autism|special_needs|disabled|down_syndrome|elderly|bedridden|wheelchair|wheelchair_user|cant_walk|blind|mentally_ill|confused",
  GAS: "gas|propane|butane|the_gas|gas_cylinder|gas_bottle|gas_tank|cylinder|stove",
  HEATER: "charcoal|brazier|heater|gas_heater|kerosene_heater|coal|generator|burner|fire_pit|barbecue|bbq",
  DROWSY: "dizzy|dizziness|headache|headaches|drowsy|sleepy|vomiting|throwing_up|passed_out|unconscious|confused|wont_wake|cant_wake|faint|fainted|collapsed|nauseous",
  NOTFOUND: "missing|went_missing|gone_missing|wandered_off|wandered_away|walked_out|ran_off|disappeared|hasnt_come_back|hasnt_returned|didnt_come_back|not_come_back|never_came_back|no_one_knows_where|nobody_knows_where|cant_find|cant_find_him|cant_find_her|we_cant_find|lost_him|lost_her|searching_for_him|searching_for_her|looking_everywhere",
  NOFOOD: "no_food|without_food|nothing_to_eat|no_meds|without_meds|without_his_medicine|without_her_medicine|without_medication|no_medication|no_medicine|hasnt_eaten|hasnt_had_food|hasnt_had_his_meds|hasnt_had_her_meds|not_been_fed|nobody_feeding|no_one_feeding|no_water|no_milk",
  DURATION: "days|day|since|yesterday|two_days|for_days|all_day|week|24_hours|48_hours|overnight",
  FEVER: "fever|feverish|temp|temperature|shivering|chills|shaking|rigors|burning_up|hot_to_touch|=38|=39|=40",
  CHEMO: "chemo|chemotherapy|on_chemo|after_chemo|immunocompromised|low_immunity|neutropenic|transplant|radiation|radiotherapy",
  NEWBORN: "newborn|weeks_old|week_old|days_old|day_old|infant|one_month_old|1_month_old|month_old|two_months_old|2_months_old|6_weeks",
  SWALLOW: "swallowed|drank|ate|drinking|eating|swallowing|licked|chewed|has_eaten|has_swallowed|has_drunk|got_into",
  POISONS:
    "kerosene|paraffin|lamp_oil|lighter_fluid|bleach|dishwasher_tablet|detergent|laundry_pod|laundry_pods|tide_pod|washing_powder|drain_cleaner|oven_cleaner|pesticide|insecticide|rat_poison|weed_killer|antifreeze|mouthwash|nail_polish_remover|perfume|essential_oil|button_battery|coin_battery|a_coin|coin|magnet|magnets|his_meds|her_meds|grandmas_pills|my_pills|iron_tablets|cleaning_product|chemicals|petrol|gasoline|paint_thinner|acid|caustic|a_battery",
  HARM: "hurt|hurting|harm|harming|kill|killing|shake|shaking|smother|smothering|drown|drowning|suffocate|strangle|stab|hit",
  VICTIMS_OWN: "my_baby|my_child|my_children|my_kids|my_son|my_daughter|the_baby|someone|my_husband|my_wife|people|others|somebody|my_family|my_mother|my_mom|my_father|my_dad",
};

export const englishSituations: Lexicon = {
  lang: "en",
  groups,
  rules: [
    // A plea for help («وش اسوي», "please help") with a word of harm anywhere in the message: an emergency told in words no rule knows.
    { across: true, kind: "emergency", p: "@PLEA @HARMWORD", gap: 15, unlessIn: "@SERVICE|@COSTS|lump|lumps|breast|armpit|nipple|mole" },
    { across: true, kind: "emergency", p: "@HARMWORD @PLEA", gap: 15, unlessIn: "@SERVICE|@COSTS|lump|lumps|breast|armpit|nipple|mole" },
    // ---- Gas, smoke, carbon monoxide, electricity ----------------------------------------
    { kind: "emergency", p: "smell|smells|smelling|smelt|stink|stinks|reeks|whiff|leak|leaking|leaks|hissing|escaping of_gas|gas|like_gas|propane|the_gas|gas_smell", gap: 2, unlessIn: "@SERVICE|bill|bills|price|prices|company|station|petrol_station|gas_station|tank_full|stomach|gassy|colic|fart|farts|lol|refill|delivery" },
    { kind: "emergency", p: "@GAS leak|leaking|leaks|hissing|escaping|exploded|explode|exploding|on_fire|caught_fire|smell|smells", gap: 2, unlessIn: "@SERVICE|bill|bills|price|prices|company|station|stomach|gassy|colic|refill|delivery" },
    { kind: "emergency", p: "gas_leak|gas_smell|carbon_monoxide|co_alarm|co_detector|smoke_alarm_going_off|smoke_alarm_is_going_off|alarm_is_going_off|smoke_coming|smoke_everywhere|full_of_smoke|room_is_full_of_smoke|filled_with_smoke|thick_smoke|cant_see_for_smoke|smoke_in_the_stairs|burning_smell|smell_of_burning|smells_like_burning|something_is_burning", unlessIn: "@SERVICE|toast|cooking|food|rice|bbq|barbecue|cigarette|cigarettes|incense|bakhoor|oud" },
    { across: true, kind: "medical", p: "@HEATER @DROWSY", gap: 8 },
    { across: true, kind: "medical", p: "@DROWSY @HEATER", gap: 8 },
    { kind: "emergency", p: "sparks|sparking|spark|electrocuted|electrocution|electric_shock|got_a_shock|got_shocked|live_wire|exposed_wire|exposed_wires|bare_wire|bare_wires|socket_is_smoking|outlet_is_smoking|plug_is_smoking|plug_is_melting|smoking_socket|short_circuit|wires_are_burning|sparks_from", unlessIn: "@SERVICE|joy|news|price|sparks_joy|spark_of" },
    { kind: "emergency", p: "water|rain|leak|flood|flooding socket|sockets|outlet|outlets|plug|plugs|wires|wiring|electrics|fuse_box|electric_panel|extension_cord|electricity", gap: 4, unlessIn: "@SERVICE|@COSTS|bill|bills|cut|outage|no_electricity|power_cut" },

    // ---- Fall of a building, trapped, stranded ------------------------------------------------
    { kind: "emergency", p: "ceiling|roof|wall|building|balcony|floor|house|staircase|water_tank collapsed|fell_on|fell_in|caved_in|came_down|gave_way|caving_in|fell_down|has_collapsed|fallen_on", gap: 2, unlessIn: "@SERVICE|@COSTS|leaking|leak|crack|cracks|paint|fix|repair|years_ago|last_year" },
    { kind: "emergency", p: "trapped_under|pinned_under|buried_under|stuck_under|under_the_rubble|under_rubble|under_the_debris|cant_lift_it|cant_get_him_out|cant_get_her_out|cant_pull_him_out|cant_pull_her_out|cant_get_them_out|cant_get_out" },
    { kind: "emergency", p: "stuck|stranded|lost|trapped|broke_down|broken_down|car_died in_the_desert|desert|the_dunes|the_sand|middle_of_nowhere|the_valley|flood_water|floodwater|the_lift|the_elevator|an_elevator|a_lift|the_sea|a_boat|the_mountains", gap: 4, unlessIn: "@SERVICE|traffic|queue|line|paperwork|form|process|website|system|appointment|job|life|rut" },
    { across: true, kind: "emergency", p: "desert|stranded|stuck|broke_down|broken_down|middle_of_nowhere no_water|out_of_water|ran_out_of_water|no_water_left|nothing_to_drink|no_fuel|out_of_fuel|no_signal|battery_dying|heat|hot", gap: 8, unlessIn: "@SERVICE|appointment|office|pick_me_up|lift_to|ride_to" },

    // ---- Put out on the street, nowhere to go tonight -------------------------------------------
    { kind: "emergency", p: "kicked|threw|thrown|chucked|locked|put|forced me|us|me_and|my_kids|my_children out|out_of_the_house|out_of_the_flat|out_of_the_apartment|on_the_street|onto_the_street|out_tonight", gap: 3, unlessIn: "@COSTS|next_month|next_week|job|work|school|class|group|chat|app|meeting|university" },
    { kind: "emergency", p: "evicted|evicting|eviction tonight|today|now|right_now|with_my_kids|with_the_kids|on_the_street|nowhere", gap: 4, unlessIn: "next_month|next_week|notice|court|if_we_dont|if_i_dont|@COSTS" },
    { kind: "emergency", p: "nowhere_to_go|nowhere_to_sleep|no_where_to_go|nowhere_to_stay|no_place_to_stay|no_place_to_sleep|sleeping_in_the_car|sleeping_in_my_car|sleeping_on_the_street|sleep_on_the_street|sleeping_outside|on_the_street_with|homeless_tonight|out_on_the_street|on_the_streets|in_the_street_with", unlessIn: "@COSTS|next_month|if_i_dont|if_we_dont|will_be|might_be|could_be|afraid_we|worried_we" },

    // ---- Missing, left alone, neglected ---------------------------------------------------------
    { across: true, kind: "emergency", p: "@FAMILY|@VULNERABLE @NOTFOUND", gap: 6, unlessIn: "@SERVICE|id|iqama|passport|phone|bag|wallet|keys|card|certificate|documents|file|cat|dog|parcel|package|luggage|suitcase" },
    { kind: "emergency", p: "@NOTFOUND @FAMILY|@VULNERABLE", gap: 4, unlessIn: "@SERVICE|id|iqama|passport|phone|bag|wallet|keys|card|certificate|documents|file|cat|dog|parcel|package|luggage|suitcase" },
    { kind: "violence", p: "left|abandoned|alone|by_himself|by_herself|on_his_own|on_her_own|locked_in @DURATION|no_food|without_food|no_meds|nobody|no_one|for_hours", gap: 4, unlessIn: "@SERVICE|@COSTS|meeting|office|party|trip|vacation|holiday|fine|school|to_rest|sleeping|work" },
    { across: true, kind: "violence", p: "@NOFOOD @DURATION", gap: 5, unlessIn: "@SERVICE|@COSTS|fasting|fast|ramadan|diet|surgery|operation|test|scan|water_cut|power_cut|outage|tanker" },
    { across: true, kind: "violence", p: "@DURATION @NOFOOD", gap: 5, unlessIn: "@SERVICE|@COSTS|fasting|fast|ramadan|diet|surgery|operation|test|scan|water_cut|power_cut|outage|tanker" },
    { kind: "child", p: "left|forgot|locked|stuck|trapped|forgotten|shut @CHILD|him|her|them|my_baby|the_baby in_the_car|in_a_car|in_a_hot_car|in_the_hot_car|inside_the_car|in_the_van|in_the_back_seat", gap: 3 },
    { kind: "child", p: "locked_in_the_car|locked_inside_the_car|stuck_in_the_car|trapped_in_the_car|keys_locked_in_the_car_with|baby_in_the_car|child_in_the_car|kid_in_the_car|left_in_the_car|in_a_hot_car" },

    // ---- Stroke, allergy, diabetic low, head injury, burns ------------------------------------------
    { kind: "medical", p: "face|mouth|smile|eye|eyelid|lip drooping|droopy|drooped|crooked|lopsided|twisted|sagging|uneven|numb", gap: 2, unlessIn: "dentist|injection_at_the_dentist|filling|cold|lol" },
    { kind: "medical", p: "cant|cannot|cant_lift|unable_to|couldnt|wont lift|move|raise|hold|grip|feel his_arm|her_arm|his_leg|her_leg|one_arm|one_side|his_right|his_left|her_right|her_left|my_arm|my_left|my_right|half", gap: 2, unlessIn: "@SERVICE|since_birth|years|arthritis|cast|broken|fracture" },
    { kind: "medical", p: "speech|speaking|talking|words|voice slurred|slurring|garbled|jumbled|strange|weird|funny|not_making_sense|changed|gone", gap: 2, unlessIn: "@SERVICE|english|arabic|language|accent|puberty|cold|lol" },
    { kind: "medical", p: "not_making_sense|isnt_making_sense|talking_nonsense|doesnt_recognize|doesnt_recognise|doesnt_know_where|acting_drunk|acting_strange|acting_weird|very_confused|suddenly_confused|disoriented", unlessIn: "@SERVICE|form|website|app|instructions|letter|rules" },
    { kind: "medical", p: "face|lips|lip|tongue|throat|eyes|mouth|eyelids swelling|swollen|swelled|puffing|puffed|closing|tightening", gap: 2, unlessIn: "tooth|dentist|wisdom|mosquito|crying|sleep|since_last_week" },
    { kind: "medical", p: "cant|cannot|struggling_to|hard_to|unable_to swallow|talk_properly|speak_properly", gap: 1 },
    { across: true, kind: "medical", p: "allergy|allergic|allergies|peanut|peanuts|nuts|shellfish|bee|bee_sting|wasp|injection|penicillin|antibiotic|eggs swelling|swollen|swelled|hives|rash_everywhere|cant_breathe|wheezing|throat|lips|face", gap: 6, unlessIn: "@SERVICE|test|testing|clinic|appointment|mild|season|seasonal|dust|pollen|sneezing" },
    { across: true, kind: "medical", p: "diabetic|diabetes|insulin|blood_sugar|sugar|type_1|type_2|hypo sweaty|sweating|shaky|shaking|trembling|confused|not_making_sense|slurring|drowsy|wont_wake|unresponsive|passed_out|acting_strange|acting_weird|acting_drunk|disoriented|pale|clammy", gap: 6, unlessIn: "@COSTS|price|buy|kilo|bag|strips|test_strips|prescription" },
    { kind: "medical", p: "fell|hit|banged|bumped|knocked|struck|fall|landed|smashed his_head|her_head|head|my_head|the_head|on_his_head|on_her_head", gap: 3, unlessIn: "@SERVICE|wall_at_work|table_lol|lol" },
    { across: true, kind: "medical", p: "his_head|her_head|on_his_head|on_her_head vomiting|throwing_up|threw_up|sleepy|drowsy|confused|wont_wake|not_making_sense|unconscious|dizzy|seizure|blood|bleeding", gap: 6 },
    { across: true, kind: "medical", p: "fell|fallen|fall|dropped|was_dropped|knocked_out|hit_by vomiting|throwing_up|threw_up|very_sleepy|drowsy|wont_wake|cant_wake|confused|not_making_sense|floppy|unconscious|seizure|fitting", gap: 8, unlessIn: "@SERVICE|asleep_lol|in_love|behind|off_the_list|apart|through" },
    { kind: "medical", p: "scalded|scald|scalding|boiling_water|boiling_oil|hot_oil|hot_water|hot_tea|hot_coffee|kettle spilled|poured|fell|burned|burnt|burn|burns|blister|blisters|blistering|peeling|skin|all_over", gap: 6, unlessIn: "@SERVICE|@COSTS|heater|boiler|tank|shower|bill|no_hot_water|broke|broken|new|replace|dry" },
    { kind: "medical", p: "badly_burned|badly_burnt|severe_burn|severe_burns|bad_burn|bad_burns|burns_on_his|burns_on_her|skin_is_peeling|skin_peeling_off|skin_came_off|third_degree|second_degree|burned_his|burned_her|burnt_his|burnt_her|caught_fire|clothes_caught_fire|clothes_on_fire", unlessIn: "@SERVICE|rice|food|toast|cake|sun|sunburn|years_ago|last_year|scar|scars|old" },

    // ---- Pregnancy, newborns, chemotherapy --------------------------------------------------------
    { kind: "medical", p: "baby|the_baby|pregnant|bump|fetus|foetus move|moving|moved|kicking|kicked|kicks|movement|movements", gap: 6, neg: "requires" },
    { kind: "medical", p: "stopped_moving|stopped_kicking|no_movement|not_moving_as_much|less_movement|reduced_movement|moving_less|isnt_moving|not_kicking|hasnt_moved|hasnt_kicked|baby_not_moving" },
    { across: true, kind: "medical", p: "pregnant|weeks_pregnant|months_pregnant|pregnancy bleeding|severe_pain|bad_pain|cramping|cramps|water_broke|waters_broke|leaking_fluid|severe_headache|blurry_vision|blurred_vision|swollen_face|contractions|spotting_heavily|fell", gap: 8, unlessIn: "@SERVICE|@COSTS|appointment|scan|clinic|program|programme|class|normal|is_it_normal|can_i|allowed" },
    { across: true, kind: "medical", p: "@CHEMO @FEVER", gap: 8, unlessIn: "vaccine|vaccination|flu_shot|covid_shot" },
    { across: true, kind: "medical", p: "@FEVER @CHEMO", gap: 8, unlessIn: "vaccine|vaccination|flu_shot|covid_shot" },
    { across: true, kind: "medical", p: "@NEWBORN @FEVER", gap: 6, unlessIn: "slight|mild|low_grade|teething|vaccine|vaccination|jabs" },
    { across: true, kind: "medical", p: "@FEVER @NEWBORN", gap: 6, unlessIn: "slight|mild|low_grade|teething|vaccine|vaccination|jabs" },
    { across: true, kind: "medical", p: "baby|infant|newborn|toddler|@NEWBORN floppy|lethargic|limp|wont_feed|not_feeding|refusing_to_feed|refuses_to_feed|stopped_feeding|no_wet_nappies|no_wet_diapers|hasnt_peed|sunken|bulging|very_sleepy|hard_to_wake|wont_wake|high_pitched|grunting|blue|pale_and", gap: 6 },
    { kind: "medical", p: "shivering_uncontrollably|uncontrollable_shivering|shaking_uncontrollably|rigors|cant_stop_shivering|cant_stop_shaking_and_fever" },

    { kind: "medical", p: "purple_rash|rash_that_doesnt_fade|rash_doesnt_fade|rash_not_fading|rash_wont_fade|rash_does_not_fade|non_blanching|dark_spots_that_dont_fade|spots_dont_fade|glass_test" },
    { across: true, kind: "medical", p: "@FEVER stiff_neck|neck_is_stiff|neck_stiff|cant_bend_his_neck|cant_bend_her_neck|stiff|light_hurts|hates_the_light|purple|spots", gap: 10 },
    { across: true, kind: "medical", p: "collapsed|fell|dropped|fainted|went_down|keeled_over strange_noises|making_noises|gurgling|snoring|jerking|foaming|eyes_rolled|eyes_rolling|grey|gray|pale_and|cold_and|not_making_sense|noises", gap: 8 },
    { kind: "medical", p: "fell|fallen|slipped|went|found|pulled_out|pulled|face_down into|in|under|from the_bathtub|bathtub|the_bath|bath|tub|the_pool|pool|the_water|water|the_tank|tank|bucket|the_sea|the_well|the_lake", gap: 2, unlessIn: "@SERVICE|@COSTS|leak|leaking|bill|bills|heater|shortage|delivery|price|cut" },
    { kind: "medical", p: "baby|infant|newborn|the_baby|my_baby crying|cry|crying_anymore|responding|breathing|moving", neg: "requires", gap: 3, unlessIn: "@SERVICE|at_night|all_night|in_the_car|normal|sleeps|sleeping_well|is_it_normal|much" },
    { kind: "medical", p: "inhaler|puffer|nebulizer|nebuliser|ventolin|his_inhaler|her_inhaler|my_inhaler isnt_working|not_working|doesnt_help|isnt_helping|not_helping|no_help|ran_out|empty|wont_work|didnt_work", gap: 3 },
    { kind: "medical", p: "cant_finish_a_sentence|cant_finish_sentences|cant_finish_his_sentence|cant_finish_her_sentence|too_breathless_to_speak|too_breathless_to_talk|struggling_to_speak|gasping_between_words|ribs_sucking_in|chest_sucking_in" },
    { kind: "medical", p: "screaming|crying|yelling|moaning|groaning in_pain|with_pain|from_pain|in_agony", gap: 1 },
    { kind: "medical", p: "doubled_over|=writhing|rolling_in_pain|rolling_around_in_pain|cant_stand_up_from_the_pain|cant_move_from_the_pain|worst_pain_of_his_life|worst_pain_of_her_life|worst_pain_of_my_life|bone_sticking_out|bone_is_sticking_out" },
    { kind: "emergency", p: "climbed|climbing|hanging|dangling|standing_on|sitting_on|leaning_over|leaning_out|on_the_edge_of|onto|out_of railing|the_railing|ledge|the_ledge|balcony|the_balcony|window|the_window|windowsill|the_edge|the_roof|parapet|the_wall", gap: 3, unlessIn: "@SERVICE|@COSTS|cat|plant|plants|clothes|laundry|paint|painting|fix|repair|install|curtain|lights|decorations" },
    { across: true, kind: "medical", p: "@POISONS|chemical|chemicals|cleaner|spray|pepper_spray|oil|hot_oil in|into|got_in his_eyes|her_eyes|my_eyes|eyes|eye|the_eyes|his_eye|her_eye", gap: 4 },
    { kind: "distress", p: "sponsor_disappeared|sponsor_abandoned|sponsor_left|sponsor_ran_away|employer_abandoned|employer_disappeared|abandoned_me_here|left_me_here|stranded_here|no_money_and_no_food|no_money_no_food|no_food_no_money|no_money_or_food|alone_in_this_country|alone_in_a_foreign_country" },
    { kind: "child", p: "circumcise_my_daughter|circumcise_her|circumcising_her|circumcise_the_girls|cut_my_daughter|fgm|female_circumcision|female_genital" },
    // ---- Swallowed, overdose, bites --------------------------------------------------------------
    { kind: "medical", p: "@SWALLOW @POISONS", gap: 3, unlessIn: "prescription|prescribed|pharmacy|refill|schedule|can_i|should_i|allowed|as_directed|daily|with_food" },
    { kind: "medical", p: "foaming_at_the_mouth|foam_from_his_mouth|foam_from_her_mouth|foam_coming_out|frothing|froth|took_too_much|taken_too_much|too_many_of_his|too_many_of_her|too_many_pills|a_whole_bottle|the_whole_bottle|the_whole_pack|whole_packet" },
    { across: true, kind: "medical", p: "drugs|drug|heroin|meth|cocaine|pills|alcohol|drunk|captagon|spice|overdose|od wont_wake|not_waking|blue|unresponsive|not_breathing|barely_breathing|foaming|seizing|cant_wake|passed_out|unconscious|not_moving", gap: 6 },
    { kind: "medical", p: "attacked_by_a_dog|attacked_by_dogs|dog_attacked|dogs_attacked|mauled|bitten_by_a_dog|bitten_by_a_snake|bitten_by_a_scorpion|stung_by_a_scorpion|snake_bite|snakebite|scorpion_sting|dog_bite|bit_by_a_dog|bit_by_a_snake" },

    // ---- Wishes to die and harm the first lexicon did not have -------------------------------------
    { kind: "self_harm", p: "@PILLS|rope|the_rope|noose|blade|blades|razor|the_razor|gun|the_gun|knife|the_knife ready|prepared|lined_up|counted|counted_out|in_front_of_me|next_to_me|in_my_hand|in_hand|here_with_me", gap: 2, unlessIn: "@SERVICE|@COSTS|pharmacy|pickup|pick_up|collect|prescription|kitchen|cooking|hunting|camping|trip" },
    { kind: "self_harm", p: "this_is_goodbye|saying_goodbye|goodbye_everyone|goodbye_forever|bye_forever|farewell_everyone|farewell_forever|goodbye_all|its_goodbye|time_to_say_goodbye|my_final_goodbye|last_goodbye|wont_hear_from_me_again|you_wont_hear_from_me|wont_see_me_again|last_time_youll_hear|last_time_you_hear|forgive_me_for_everything|tell_my_family_i_love|tell_my_mum_i_love|tell_my_mom_i_love|tell_my_kids_i_love|take_care_of_my_kids_for_me|look_after_my_kids_for_me", neg: "ignored", unlessIn: "@SERVICE|leaving_the_program|moving|moving_abroad|travel|travelling|traveling|new_job|unsubscribe|retiring|retire" },
    { kind: "self_harm", p: "dont|do_not|doesnt|no_longer want|wanna|wish|care to_live|to_be_alive|to_exist|to_wake_up|to_go_on|to_continue", gap: 3, unlessAfter: "in|at|with|near|here|there|abroad|alone|together|far|close|on|inside|outside|without|under|like_that", unlessIn: "@COSTS|city|area|riyadh|jeddah|country|house|apartment|flat|neighborhood|neighbourhood|village|room" },
    { kind: "self_harm", firm: false, p: "he|she|they|friend|my_friend|brother|sister|son|daughter|husband|wife|mum|mom|dad|cousin says|said|texted|messaged|posted|keeps_saying|told_me|told|told_her_friend|told_his_friend|wrote|is_threatening|threatened|wants|is_going|wrote to|hes|shes|will|would kill_himself|kill_herself|end_it|end_it_all|end_his_life|end_her_life|die|jump|hurt_himself|hurt_herself", gap: 5, unlessAfter: "@FIGURE|laughing|of_embarrassment" },
    { kind: "self_harm", firm: false, p: "kill_himself|kill_herself|killing_himself|killing_herself|end_his_life|end_her_life|ending_his_life|ending_her_life|hurt_himself|hurt_herself|hurting_himself|hurting_herself|harm_himself|harm_herself|harming_himself|harming_herself|cut_himself|cut_herself|cuts_himself|cuts_herself|cutting_himself|cutting_herself|burns_himself|burns_herself|starving_himself|starving_herself|jump_off|took_his_own|took_her_own|tried_to_kill" },
    { kind: "self_harm", firm: false, p: "fresh|new|deep|deeper cuts|cut|wounds|scars|marks_on|burns_on", gap: 2, unlessIn: "@SERVICE|@COSTS|haircut|hair|budget|pay|price|job|fell|fall|bike|cat|dog|kitchen|knife_while" },
    { kind: "self_harm", firm: false, p: "give|gave|giving|given|gave_away|giving_away|given_away|give_away my_stuff|my_things|my_belongings|my_clothes|my_books|my_cat|my_dog|my_pets|my_phone|my_savings|everything_i_own|all_my_things|my_stuff_away|my_things_away", gap: 2, unlessIn: "@SERVICE|@COSTS|charity|donate|donation|poor|needy|moving|move|relocating|travel|old_clothes|outgrown|declutter|decluttering|mosque|wedding" },
    { kind: "self_harm", p: "wont_be_needing|wont_need|will_not_need|wont_be_needing_them|wont_need_them|dont_need_them_anymore|wont_need_it_anymore|wont_need_any_of|where_im_going|after_im_gone|when_im_gone|once_im_gone", neg: "ignored", unlessIn: "@SERVICE|@COSTS|travel|traveling|travelling|trip|moving|abroad|vacation|holiday|next_week|tomorrow|appointment|anymore_thanks|thanks" },
    { kind: "self_harm", p: "starving_myself|starve_myself|not_eating_on_purpose|stopped_eating_on_purpose|punish_myself|punishing_myself|dont_deserve_to_eat|dont_deserve_food|refusing_to_eat_until|not_eating_until_i" },
    { kind: "distress", p: "havent_eaten|hasnt_eaten|havent_had_food|no_food_for|not_eaten|we_havent_eaten|kids_havent_eaten|nothing_to_eat_for @DURATION", gap: 4, unlessIn: "fasting|fast|ramadan|diet|surgery|operation|test" },
    { kind: "self_harm", firm: false, p: "hearing_voices|hear_voices|voices_telling_me|voices_tell_me|voices_in_my_head|the_voices|voice_in_my_head|voices_are_telling|voices_keep_telling" },
    { kind: "violence", p: "scared|afraid|worried|terrified|urge|urges|thoughts_of|thinking_of|want|might|could|going @HARM @VICTIMS_OWN", gap: 3, unlessAfter: "@FIGURE|for|lol|if", unlessIn: "@SERVICE|feelings|by_mistake|accidentally|if_i_forget|diet|school|teacher|doctor|vaccine|injection" },
    { kind: "violence", personal: true, p: "forcing|forced|force|making me|us|my_sister|my_daughter to_marry|to_get_married|into_marriage|into_marrying|marry|to_wed", gap: 3 },
    { kind: "violence", p: "forced_marriage|child_marriage|marry_me_off|marrying_me_off|married_off|marry_her_off|marrying_her_off|child_bride" },
    { kind: "violence", personal: true, p: "post|share|leak|send|publish|release|expose|spread|upload my_pics|my_pictures|my_photos|my_video|my_videos|my_nudes|nudes|my_private|private_photos|private_pictures|pictures_of_me|photos_of_me|videos_of_me|our_chats", gap: 3, unlessIn: "@SERVICE|profile|application|documents|id|iqama|passport|website|instagram_account|for_the" },
    { kind: "violence", personal: true, p: "expose_me|exposing_me|ruin_my_reputation|ruin_my_life_if|sextortion|unless_i_pay|unless_i_send|if_i_dont_pay_he|if_i_dont_send_him" },
    { kind: "violence", personal: true, p: "forced_himself_on|forced_himself|forced_me_to|forced_me_into|made_me_have_sex|had_sex_with_me_without|without_my_consent|against_my_will|drugged_me|spiked_my_drink|spiked_my|touched_me_without" },
    { kind: "violence", personal: true, p: "someone_is_outside_my_door|someone_outside_my_door|trying_to_get_in|banging_on_the_door|banging_on_my_door|trying_to_break_the_door|trying_to_break_in|outside_my_house_and_wont_leave|wont_leave_my_door|waiting_outside_my_house|parked_outside_my_house" },
    // ---- Threats to one's life, a body that stops answering, a dose given twice, a sting, a room sealed ----
    { kind: "violence", personal: true, p: "wont_leave_me_alive|will_not_leave_me_alive|not_leave_me_alive|wont_let_me_live|will_not_let_me_live|kill_me_if|kill_me_when|kill_me_for|deal_with_me_when|deal_with_me_if|honour_killing|honor_killing|my_life_is_in_danger|theyll_kill_me|hell_kill_me|he_will_kill_me|they_will_kill_me" , neg: "ignored", unlessAfter: "lol|haha|@FIGURE" },
    { kind: "medical", p: "cant|cannot|unable_to|couldnt|lost_feeling_in|no_feeling_in|lost_the_feeling_in|numbness_in feel|move|stand_on|lift|my_legs|his_legs|her_legs|legs|my_leg|my_feet|both_legs|half_my_body|my_lower_body", gap: 2, unlessIn: "@SERVICE|since_birth|born|years|paralysed_since|paralyzed_since|cast|cold|freezing|queue|lol|haha|after_the_gym|gym|workout|sitting" },
    { kind: "medical", p: "legs_gave_way|legs_went_numb|legs_are_numb|legs_feel_numb|sudden_weakness|suddenly_weak|went_numb|cant_feel_anything_below|numb_from_the_waist" , unlessIn: "@SERVICE|cold|freezing|lol|haha|gym|sitting" },
    { across: true, kind: "medical", p: "twice|double|doubled|by_mistake|by_accident|accidentally|wrong|extra|too_much dose|doses|morphine|insulin|meds|medicine|medication|pills|tablets|injection|his_dose|her_dose", gap: 5, unlessIn: "@SERVICE|@COSTS|pharmacy|prescription|refill|is_it_normal|a_day|daily|per_day|should_i|can_i|doctor_said" },
    { kind: "medical", p: "breathing|breaths|breath slowly|slow|very_slow|shallow|weird|irregular|stopping|keeps_stopping", gap: 2, unlessIn: "@SERVICE|exercise|yoga|meditation|calm|relax|relaxing|technique" },
    { kind: "medical", p: "hard_to_wake|very_hard_to_wake|difficult_to_wake|cant_wake_him|cant_wake_her|wont_wake_up|barely_waking|keeps_drifting_off|keeps_passing_out|very_drowsy|unusually_sleepy" },
    { kind: "medical", p: "scorpion|snake|viper|cobra|spider|jellyfish|stonefish|hornet|wasp stung|stang|stings|sting|bit|bitten|bites|bite", gap: 3, unlessIn: "@SERVICE|movie|show|game|documentary|zoo|years_ago|last_year|season|how_to|prevent|avoid" },
    { across: true, kind: "self_harm", firm: false, p: "@HEATER tape|taped|seal|sealed|sealing|close_the_window|close_the_windows|closed_the_window|closed_the_windows|shut_the_window|shut_the_windows|shut_the_door|block_the_door|blocked_the_door|no_air|the_vents", gap: 10, unlessIn: "@SERVICE|@COSTS|winter|cold|camping|camp|picnic|grill|bbq_party|is_it_safe|safe|dangerous|how|should" },
    { across: true, kind: "self_harm", p: "tell|let|make_sure my_kids|my_children|my_son|my_daughter|my_family|my_mum|my_mom|my_husband|my_wife|my_parents|them loved|love|im_sorry|i_was_sorry|forgive", gap: 5, neg: "ignored", unlessIn: "@SERVICE|@COSTS|late|working|home_soon|birthday|gift|trip|call_me|story|program|course" },
    { kind: "child", p: "shook|shake|shaking|shaked him|her|the_baby|my_baby|my_son|my_daughter hard|violently|too_hard|really_hard|so_hard", gap: 2, unlessIn: "hand|hands|head_no|rattle|toy|lol|haha" },
    { kind: "distress", p: "scared_of_what_ill_do|afraid_of_what_ill_do|scared_of_what_i_might_do|afraid_of_what_i_might_do|scared_ill_do_something|afraid_ill_do_something|dont_trust_myself|cant_trust_myself|might_do_something_stupid|about_to_do_something_stupid|going_to_do_something_stupid", unlessIn: "@SERVICE|@COSTS|shopping|sale|cake|lol|haha" },
  ],
};
