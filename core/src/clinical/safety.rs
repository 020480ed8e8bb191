//! Red-flag screen (CLINICAL R1–R3): stable question ids, plain wording, and an evaluation into
//! none | refer | refer_no_impact | urgent with reasons. Urgent (R1) ends the assessment at the
//! screen; refer_no_impact (R2) keeps only non-weight-bearing work and says no running until a
//! clinician has cleared the runner; refer (R3) lets the runner continue gently with a caution.
//! Two answers of the assessment raise flags too: age under 16 and symptoms for over 12 months (R3).

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::model::RedFlagLevel;

/// One yes/no red-flag question. A "yes" raises the screen to `level`.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SafetyQuestion {
    /// Stable id, stored in `AssessmentAnswers::red_flags` when answered "yes".
    pub id: String,
    /// The level a "yes" leads to (R1 urgent, R2 refer_no_impact, R3 refer).
    pub level: RedFlagLevel,
    /// The question, in plain words.
    pub prompt: String,
    /// Why it is asked and how to tell.
    pub help: String,
}

/// Outcome of the red-flag screen.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SafetyResult {
    /// Highest level among the questions answered "yes" (`None` when none).
    pub level: RedFlagLevel,
    /// The ids answered "yes" (aliases resolved), in question order, without duplicates; then the
    /// flags raised by answers (`age_under_16`, `symptoms_over_12_months`).
    pub flagged: Vec<String>,
    /// One plain sentence per flag saying why it matters.
    pub reasons: Vec<String>,
    /// What to do now.
    pub advice: String,
}

/// (id, level, prompt, help, reason) — the screen as data.
type Question = (&'static str, RedFlagLevel, &'static str, &'static str, &'static str);

const QUESTIONS: [Question; 12] = [
    // rule R1 (urgent): seek care today.
    (
        "fever_or_hot_red_heel",
        RedFlagLevel::Urgent,
        "Do you have a fever, or is your heel hot, red and swollen?",
        "Heat, redness and swelling with or without a fever can mean an infection or inflammation that needs a doctor's look today.",
        "a fever or a hot, red, swollen heel needs to be checked by a doctor today",
    ),
    (
        "cannot_bear_weight_after_trauma",
        RedFlagLevel::Urgent,
        "After a fall or a knock, are you unable to put weight on the foot?",
        "Not being able to stand or take four steps after an injury can mean a fracture.",
        "being unable to bear weight after a fall or a knock can mean a fracture",
    ),
    (
        "sudden_pop_arch_drop",
        RedFlagLevel::Urgent,
        "Did you feel a sudden \"pop\" in the sole of your foot, followed by the arch dropping or bruising?",
        "A pop with sudden flattening of the arch or bruising under the foot can mean the plantar fascia has torn.",
        "a sudden pop with the arch dropping or bruising can mean the plantar fascia has torn",
    ),
    (
        "rapidly_worsening_numbness_or_weakness",
        RedFlagLevel::Urgent,
        "Is numbness or weakness in your foot or leg getting worse quickly (over hours or days)?",
        "Numbness or weakness that spreads or worsens quickly can come from a nerve problem that should be seen today.",
        "numbness or weakness that worsens quickly can come from a nerve problem",
    ),
    // rule R2 (refer, no impact): see a clinician soon; no running, jumping or heavy loading.
    (
        "progressive_pain_or_heel_squeeze_pain",
        RedFlagLevel::ReferNoImpact,
        "Does the pain keep getting worse with activity (or since moving to harder surfaces), or does it hurt to squeeze your heel from both sides?",
        "Pain that builds with every run, or pain when squeezing the heel bone, can mean a stress fracture of the heel bone.",
        "pain that keeps building with activity or hurts when the heel is squeezed can mean a heel-bone stress fracture",
    ),
    (
        "night_or_rest_pain",
        RedFlagLevel::ReferNoImpact,
        "Does your heel hurt at night or when you are resting?",
        "Plantar heel pain is usually worst with the first steps and eases as you move; pain at night or at rest is unusual and worth a clinician's look.",
        "pain at night or at rest is not typical of plantar heel pain",
    ),
    (
        "systemic_weight_loss_night_sweats_or_cancer",
        RedFlagLevel::ReferNoImpact,
        "Have you lost weight without trying, had night sweats, or have you ever had cancer?",
        "Together with heel pain these need a clinician to rule out causes other than the plantar fascia.",
        "unexplained weight loss, night sweats or a history of cancer need a clinician to rule out other causes",
    ),
    // rule R3 (refer): see a clinician soon; the program may continue, trimmed.
    (
        "burning_tingling_numbness",
        RedFlagLevel::Refer,
        "Do you feel burning, tingling or numbness in your heel, sole or toes?",
        "These feelings point to an irritated nerve rather than the plantar fascia; a clinician can check it.",
        "burning, tingling or numbness suggests an irritated nerve, which a clinician should check",
    ),
    (
        "inflammatory_features",
        RedFlagLevel::Refer,
        "Besides your heel, do you have morning stiffness of more than 30 minutes in your back or other joints, psoriasis, inflammatory bowel disease (Crohn's or colitis) or uveitis (a red, painful eye)?",
        "Pain in both heels alone is common and not a warning sign. With these features it can be part of an inflammatory condition that a clinician should check.",
        "heel pain with inflammatory features (long morning stiffness elsewhere, psoriasis, bowel disease or uveitis) can be part of an inflammatory condition",
    ),
    (
        "diabetes",
        RedFlagLevel::Refer,
        "Do you have diabetes?",
        "Diabetes can dull the feeling in the feet without you noticing; a foot check before loading is wise whatever you feel.",
        "with diabetes, a clinician should check your feet before loading",
    ),
    (
        "heel_steroid_injection_6_weeks",
        RedFlagLevel::Refer,
        "Have you had a steroid (cortisone) injection in your heel in the last 6 weeks?",
        "An injection weakens the fascia for a while; heavy loading soon after it carries a risk of a tear.",
        "a steroid injection in the heel in the last 6 weeks means no heavy loading until a clinician agrees",
    ),
    (
        "atypical_location_or_pattern",
        RedFlagLevel::Refer,
        "Is your pain somewhere other than the inner heel or arch, or is it not worst on your first steps (easing as you walk)?",
        "Plantar heel pain is typically at the inner heel and worst on the first steps. Pain elsewhere or with another pattern can come from the Achilles, the fat pad or other causes.",
        "pain outside the inner heel and arch, or without the first-step pattern, can have another cause",
    ),
];

/// Ids accepted in answers for compatibility with earlier versions → the question they now mean.
const ALIASES: [(&str, &str); 2] = [
    ("bilateral_with_other_joint_symptoms", "inflammatory_features"),
    ("diabetes_reduced_sensation", "diabetes"),
];

/// Flags raised by answers rather than questions (rule R3).
pub const AGE_UNDER_16: &str = "age_under_16";
pub const SYMPTOMS_OVER_12_MONTHS: &str = "symptoms_over_12_months";
/// rule R3: under 16, calcaneal apophysitis (Sever's) is likelier.
pub const REFER_UNDER_AGE: u32 = 16;
/// rule R3: symptoms for more than 12 months (recalcitrant) — 52 weeks.
pub const RECALCITRANT_WEEKS: u32 = 52;

/// (id, reason, short label) of the flags raised by answers.
const DERIVED: [(&str, &str, &str); 2] = [
    (
        AGE_UNDER_16,
        "under 16, heel pain is more often a growth-plate irritation (Sever's), which a clinician should check",
        "age under 16 (from the age given)",
    ),
    (
        SYMPTOMS_OVER_12_MONTHS,
        "heel pain for more than 12 months deserves a clinician's review of the options",
        "heel pain for more than 12 months (from the weeks since onset)",
    ),
];

/// The red-flag questions, urgent ones first. Ids are stable across versions.
pub fn safety_questions() -> Vec<SafetyQuestion> {
    QUESTIONS
        .iter()
        .map(|(id, level, prompt, help, _)| SafetyQuestion {
            id: (*id).to_string(),
            level: *level,
            prompt: (*prompt).to_string(),
            help: (*help).to_string(),
        })
        .collect()
}

/// Comma-separated list of every question id (for error messages).
fn all_ids() -> String {
    QUESTIONS.iter().map(|q| q.0).collect::<Vec<_>>().join(", ")
}

/// The current id for `id` (aliases resolved), or `None` when it is not a question id.
fn canonical(id: &str) -> Option<&'static str> {
    QUESTIONS
        .iter()
        .map(|q| q.0)
        .find(|q| *q == id)
        .or_else(|| ALIASES.iter().find(|(old, _)| *old == id).map(|(_, new)| *new))
}

/// Whether `id` may appear in a stored screen: a question, an alias or an answer-derived flag.
pub fn is_known_flag(id: &str) -> bool {
    canonical(id).is_some() || DERIVED.iter().any(|(d, _, _)| *d == id)
}

/// What a stored flag stands for, in plain words: the question (aliases resolved) or the answer
/// that raised it; `None` for an id this build does not know.
pub fn flag_label(id: &str) -> Option<String> {
    if let Some((_, _, label)) = DERIVED.iter().find(|(d, _, _)| *d == id) {
        return Some((*label).to_string());
    }
    let id = canonical(id)?;
    QUESTIONS.iter().find(|q| q.0 == id).map(|q| q.2.to_string())
}

/// The level a stored flag id leads to under today's rules (`None` for an unknown id).
pub fn level_of_flag(id: &str) -> Option<RedFlagLevel> {
    if DERIVED.iter().any(|(d, _, _)| *d == id) {
        return Some(RedFlagLevel::Refer);
    }
    let id = canonical(id)?;
    QUESTIONS.iter().find(|q| q.0 == id).map(|q| q.1)
}

/// The answers besides the questions that raise flags (rule R3).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ProfileAnswers {
    pub age_years: Option<u32>,
    pub weeks_since_onset: Option<u32>,
}

/// Evaluates the ids answered "yes" (the screen alone). An unknown id is an error naming the
/// allowed ids.
pub fn evaluate_safety(yes_ids: &[String]) -> Result<SafetyResult> {
    evaluate_screen(yes_ids, ProfileAnswers::default())
}

/// Evaluates the ids answered "yes" together with age and time since onset (rule R3).
pub fn evaluate_screen(yes_ids: &[String], profile: ProfileAnswers) -> Result<SafetyResult> {
    let mut yes: Vec<&'static str> = Vec::with_capacity(yes_ids.len());
    for id in yes_ids {
        match canonical(id) {
            Some(c) => yes.push(c),
            None => return Err(CoreError::unknown("red flag question", id.clone(), all_ids())),
        }
    }
    let mut level = RedFlagLevel::None;
    let mut flagged = Vec::new();
    let mut reasons = Vec::new();
    for (id, question_level, _, _, reason) in QUESTIONS.iter() {
        if yes.contains(id) {
            level = level.max(*question_level);
            flagged.push((*id).to_string());
            reasons.push(format!("You answered yes: {reason}."));
        }
    }
    let derived = [
        (AGE_UNDER_16, profile.age_years.is_some_and(|age| age < REFER_UNDER_AGE)), // rule R3
        (SYMPTOMS_OVER_12_MONTHS, profile.weeks_since_onset.is_some_and(|w| w > RECALCITRANT_WEEKS)), // rule R3
    ];
    for (id, raised) in derived {
        if raised {
            level = level.max(RedFlagLevel::Refer);
            flagged.push(id.to_string());
            let reason = DERIVED.iter().find(|(d, _, _)| *d == id).map_or("", |(_, r, _)| r);
            reasons.push(format!("From your answers: {reason}."));
        }
    }
    Ok(SafetyResult { level, flagged, reasons, advice: advice(level).to_string() })
}

/// rule R3: flags that bar heavy loading (a backpack load, hops) while the screen that raised them
/// is the newest — a steroid injection in the heel in the last 6 weeks (rupture risk).
const NO_HEAVY_LOADING: [&str; 1] = ["heel_steroid_injection_6_weeks"];

/// rule R3: whether a screen's flags bar heavy loading.
pub fn bars_heavy_loading(flagged: &[String]) -> bool {
    flagged.iter().any(|f| NO_HEAVY_LOADING.contains(&f.as_str()))
}

/// What to do at each level, in plain words.
pub fn advice(level: RedFlagLevel) -> &'static str {
    match level {
        // rule R1
        RedFlagLevel::Urgent => "Please stop the exercises and running and seek medical care today. \
            FirstStep will not offer tests or a program until a clinician has checked your foot; \
            once a clinician has cleared you, take the safety questions again.",
        // rule R2
        RedFlagLevel::ReferNoImpact => "Please see a doctor or physiotherapist soon. Until a clinician has \
            cleared you: no running, jumping or heavy loading. Keep fit with cycling, swimming or pool \
            running; your program keeps only exercises done sitting or lying down.",
        // rule R3
        RedFlagLevel::Refer => "Please book a visit with a doctor or physiotherapist soon. \
            You may continue the program gently meanwhile; stop if the pain gets worse.",
        RedFlagLevel::None => "No warning signs: you can start the program.",
    }
}

/// The CLINICAL rule id behind a level (`None` for no flag).
pub fn rule_of(level: RedFlagLevel) -> Option<&'static str> {
    match level {
        RedFlagLevel::Urgent => Some("R1"),
        RedFlagLevel::ReferNoImpact => Some("R2"),
        RedFlagLevel::Refer => Some("R3"),
        RedFlagLevel::None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_red_flag_alone_gives_its_level() {
        let expected = [
            ("fever_or_hot_red_heel", RedFlagLevel::Urgent),
            ("cannot_bear_weight_after_trauma", RedFlagLevel::Urgent),
            ("sudden_pop_arch_drop", RedFlagLevel::Urgent),
            ("rapidly_worsening_numbness_or_weakness", RedFlagLevel::Urgent),
            ("progressive_pain_or_heel_squeeze_pain", RedFlagLevel::ReferNoImpact),
            ("night_or_rest_pain", RedFlagLevel::ReferNoImpact),
            ("systemic_weight_loss_night_sweats_or_cancer", RedFlagLevel::ReferNoImpact),
            ("burning_tingling_numbness", RedFlagLevel::Refer),
            ("inflammatory_features", RedFlagLevel::Refer),
            ("diabetes", RedFlagLevel::Refer),
            ("heel_steroid_injection_6_weeks", RedFlagLevel::Refer),
            ("atypical_location_or_pattern", RedFlagLevel::Refer),
        ];
        assert_eq!(safety_questions().len(), expected.len());
        for (id, level) in expected {
            let result = evaluate_safety(&[id.to_string()]).unwrap();
            assert_eq!(result.level, level, "{id}");
            assert_eq!(result.flagged, vec![id.to_string()]);
            assert_eq!(result.reasons.len(), 1);
        }
    }

    #[test]
    fn old_ids_are_aliases_of_the_new_questions() {
        let old = evaluate_safety(&["bilateral_with_other_joint_symptoms".into(), "diabetes_reduced_sensation".into()]).unwrap();
        assert_eq!(old.level, RedFlagLevel::Refer);
        assert_eq!(old.flagged, vec!["inflammatory_features".to_string(), "diabetes".to_string()]);
    }

    #[test]
    fn age_under_16_and_over_52_weeks_refer() {
        let at = |age: Option<u32>, weeks: Option<u32>| {
            evaluate_screen(&[], ProfileAnswers { age_years: age, weeks_since_onset: weeks }).unwrap()
        };
        assert_eq!(at(Some(15), None).level, RedFlagLevel::Refer);
        assert_eq!(at(Some(15), None).flagged, vec![AGE_UNDER_16.to_string()]);
        assert_eq!(at(Some(16), None).level, RedFlagLevel::None);
        assert_eq!(at(None, Some(53)).flagged, vec![SYMPTOMS_OVER_12_MONTHS.to_string()]);
        assert_eq!(at(None, Some(52)).level, RedFlagLevel::None);
        assert_eq!(at(None, None).level, RedFlagLevel::None);
    }

    #[test]
    fn no_flags_is_none_and_urgent_wins_over_refer() {
        assert_eq!(evaluate_safety(&[]).unwrap().level, RedFlagLevel::None);
        let mixed = evaluate_safety(&["night_or_rest_pain".into(), "fever_or_hot_red_heel".into()]).unwrap();
        assert_eq!(mixed.level, RedFlagLevel::Urgent);
        assert!(mixed.advice.contains("today"));
        let no_impact = evaluate_safety(&["diabetes".into(), "night_or_rest_pain".into()]).unwrap();
        assert_eq!(no_impact.level, RedFlagLevel::ReferNoImpact, "R2 outranks R3");
        assert!(no_impact.advice.contains("no running"));
    }

    #[test]
    fn unknown_id_is_rejected_with_the_allowed_ids() {
        let err = evaluate_safety(&["sore_toe".into()]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("sore_toe") && text.contains("night_or_rest_pain"), "{text}");
    }
}
