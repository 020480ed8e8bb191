//! Red-flag screen (CLINICAL R1/R2): stable question ids, plain wording, and an evaluation into
//! none | refer | urgent with reasons. Urgent stops the program; refer lets the runner continue
//! gently with a visible caution.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::model::RedFlagLevel;

/// One yes/no red-flag question. A "yes" raises the screen to `level`.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SafetyQuestion {
    /// Stable id, stored in `AssessmentAnswers::red_flags` when answered "yes".
    pub id: String,
    /// The level a "yes" leads to (R1 urgent, R2 refer).
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
    /// The ids answered "yes", in question order, without duplicates.
    pub flagged: Vec<String>,
    /// One plain sentence per flagged question saying why it matters.
    pub reasons: Vec<String>,
    /// What to do now.
    pub advice: String,
}

/// (id, level, prompt, help, reason) — the screen as data.
const QUESTIONS: [(&str, RedFlagLevel, &str, &str, &str); 8] = [
    // rule R1 (urgent)
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
        "After a fall, a knock or a sudden \"pop\", are you unable to put weight on the foot?",
        "Not being able to stand or take four steps after an injury can mean a fracture or a rupture.",
        "being unable to bear weight after a fall, a knock or a \"pop\" can mean a fracture or a rupture",
    ),
    (
        "rapidly_worsening_numbness_or_weakness",
        RedFlagLevel::Urgent,
        "Is numbness or weakness in your foot or leg getting worse quickly (over hours or days)?",
        "Numbness or weakness that spreads or worsens quickly can come from a nerve problem that should be seen today.",
        "numbness or weakness that worsens quickly can come from a nerve problem",
    ),
    // rule R2 (refer)
    (
        "burning_tingling_numbness",
        RedFlagLevel::Refer,
        "Do you feel burning, tingling or numbness in your heel, sole or toes?",
        "These feelings point to an irritated nerve rather than the plantar fascia; a clinician can check it.",
        "burning, tingling or numbness suggests an irritated nerve, which a clinician should check",
    ),
    (
        "night_or_rest_pain",
        RedFlagLevel::Refer,
        "Does your heel hurt at night or when you are resting?",
        "Plantar heel pain is usually worst with the first steps and eases as you move; pain at rest is unusual.",
        "pain at night or at rest is not typical of plantar heel pain",
    ),
    (
        "progressive_pain_or_heel_squeeze_pain",
        RedFlagLevel::Refer,
        "Does the pain keep getting worse with activity (or since moving to harder surfaces), or does it hurt to squeeze your heel from both sides?",
        "Pain that builds with every run, or pain when squeezing the heel bone, can mean a stress fracture of the heel bone.",
        "pain that keeps building with activity or hurts when the heel is squeezed can mean a heel-bone stress fracture",
    ),
    (
        "bilateral_with_other_joint_symptoms",
        RedFlagLevel::Refer,
        "Do both heels hurt, together with pain or stiffness in other joints?",
        "Both heels plus other stiff or painful joints can be a sign of an inflammatory condition.",
        "both heels with pain or stiffness in other joints can be a sign of an inflammatory condition",
    ),
    (
        "diabetes_reduced_sensation",
        RedFlagLevel::Refer,
        "Do you have diabetes with reduced feeling in your feet?",
        "Reduced feeling makes it hard to judge pain and skin damage during exercise.",
        "diabetes with reduced feeling in the feet needs a clinician's guidance on loading",
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

/// Evaluates the ids answered "yes". An unknown id is an error naming the allowed ids.
pub fn evaluate_safety(yes_ids: &[String]) -> Result<SafetyResult> {
    for id in yes_ids {
        if !QUESTIONS.iter().any(|q| q.0 == id) {
            return Err(CoreError::unknown("red flag question", id.clone(), all_ids()));
        }
    }
    let mut level = RedFlagLevel::None;
    let mut flagged = Vec::new();
    let mut reasons = Vec::new();
    for (id, question_level, _, _, reason) in QUESTIONS.iter() {
        if yes_ids.iter().any(|y| y == id) {
            level = level.max(*question_level);
            flagged.push((*id).to_string());
            reasons.push(format!("You answered yes: {reason}."));
        }
    }
    let advice = match level {
        // rule R1
        RedFlagLevel::Urgent => "Please stop the exercises and running and seek medical care today. \
            FirstStep will not offer a program until a clinician has checked your foot."
            .to_string(),
        // rule R2
        RedFlagLevel::Refer => "Please book a visit with a doctor or physiotherapist soon. \
            You may continue the program gently meanwhile; stop if the pain gets worse."
            .to_string(),
        RedFlagLevel::None => "No warning signs: you can start the program.".to_string(),
    };
    Ok(SafetyResult { level, flagged, reasons, advice })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_red_flag_alone_gives_its_level() {
        let expected = [
            ("fever_or_hot_red_heel", RedFlagLevel::Urgent),
            ("cannot_bear_weight_after_trauma", RedFlagLevel::Urgent),
            ("rapidly_worsening_numbness_or_weakness", RedFlagLevel::Urgent),
            ("burning_tingling_numbness", RedFlagLevel::Refer),
            ("night_or_rest_pain", RedFlagLevel::Refer),
            ("progressive_pain_or_heel_squeeze_pain", RedFlagLevel::Refer),
            ("bilateral_with_other_joint_symptoms", RedFlagLevel::Refer),
            ("diabetes_reduced_sensation", RedFlagLevel::Refer),
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
    fn no_flags_is_none_and_urgent_wins_over_refer() {
        assert_eq!(evaluate_safety(&[]).unwrap().level, RedFlagLevel::None);
        let mixed = evaluate_safety(&["night_or_rest_pain".into(), "fever_or_hot_red_heel".into()]).unwrap();
        assert_eq!(mixed.level, RedFlagLevel::Urgent);
        assert!(mixed.advice.contains("today"));
    }

    #[test]
    fn unknown_id_is_rejected_with_the_allowed_ids() {
        let err = evaluate_safety(&["sore_toe".into()]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("sore_toe") && text.contains("night_or_rest_pain"), "{text}");
    }
}
