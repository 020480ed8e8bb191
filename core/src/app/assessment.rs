//! The assessment and the safety screen's re-take rule (R1).

use super::Rehab;
use crate::clinical::{self, AssessmentResult, SafetyResult};
use crate::day::{ensure_not_future, Day, Moment};
use crate::error::{CoreError, Result};
use crate::journal::ClinicianVisit;
use crate::model::{AssessmentAnswers, PainEntry, RedFlagLevel};

impl Rehab<'_> {
    /// rule R1: after an urgent screen, the screen is taken again only with a clinician's clearance
    /// dated on or after it — recorded before, or given now as `cleared_on`.
    pub(crate) fn ensure_screen_may_be_retaken(&self, cleared_on: Option<Day>) -> Result<()> {
        let Some((urgent_on, RedFlagLevel::Urgent)) = self.journal.latest_red_flag()? else { return Ok(()) };
        if let Some(cleared) = cleared_on {
            if cleared < urgent_on {
                return Err(CoreError::invalid(
                    "clinician_cleared_on",
                    format!("enter a date on or after the urgent safety screen of {urgent_on} (you entered {cleared})"),
                ));
            }
            return Ok(());
        }
        let visits = self.journal.clinician_visits()?;
        if visits.iter().any(|v| v.cleared && Day::parse("clinician_visits.date", &v.date).is_ok_and(|d| d >= urgent_on)) {
            return Ok(());
        }
        Err(CoreError::state(format!(
            "your safety screen on {urgent_on} found an urgent warning sign: once a clinician has cleared you, \
             give the date they did (clinician_cleared_on) to take the screen again"
        )))
    }

    pub(crate) fn assess(&self, today: Day, now_ms: i64, answers: &AssessmentAnswers) -> Result<AssessmentResult> {
        let date = Day::parse("date", &answers.date)?;
        ensure_not_future("date", date, today)?;
        let cleared_on = answers.clinician_cleared_on.as_deref().map(|d| Day::parse("clinician_cleared_on", d)).transpose()?;
        if let Some(cleared) = cleared_on {
            ensure_not_future("clinician_cleared_on", cleared, today)?;
        }
        self.ensure_screen_may_be_retaken(cleared_on)?;
        let previous = self.journal.assessments()?.into_iter().rev().map(|a| a.answers).find(|a| a.heel_raise_reps.is_some());
        let mut result = clinical::evaluate_assessment(answers, previous.as_ref())?;
        // Re-assessment keeps the levels the runner has earned (design choice): an exercise that is
        // still in the new program continues at its current level instead of restarting the ladder.
        if let (Some(program), Some(current)) = (result.program.as_mut(), self.stored_program()?) {
            // The recovery baseline (M1) and adherence count from the first program, not the re-test.
            program.started_on = current.started_on.clone();
            for exercise in program.exercises.iter_mut() {
                if let Some(existing) = current.exercises.iter().find(|e| e.exercise_id == exercise.exercise_id) {
                    if existing.level != exercise.level {
                        let started = Day::parse("level_started_on", &existing.level_started_on)?;
                        *exercise = clinical::program_exercise(&exercise.exercise_id, existing.level, exercise.sides, started)?;
                    } else {
                        exercise.level_started_on = existing.level_started_on.clone();
                    }
                }
            }
        }
        let result_json = serde_json::to_string(&result).map_err(|e| CoreError::state(format!("cannot serialise result: {e}")))?;
        if let Some(cleared) = cleared_on {
            let visit = ClinicianVisit { date: cleared.iso(), cleared: true, logged_at_ms: 0 };
            self.journal.record_clinician_visit(&visit, today)?;
        }
        self.journal.save_safety_screen(date, result.safety.level, &result.safety.flagged)?;
        self.journal.save_assessment(date, answers, &result_json)?;
        if let Some(program) = &result.program {
            self.journal.save_program(program)?;
        }
        // The answer to "How much did your first steps hurt this morning?" is that morning's log
        // (rules M1, P3): home, the running advice, the trend's baseline and the next morning's
        // flare check start from it. A morning already logged for that date is the runner's own
        // entry and wins. It goes through the same path as any morning log, so the program's rules
        // see it as they would see the runner's log.
        if self.journal.pain_entries(date, date)?.is_empty() {
            let entry = PainEntry { date: date.iso(), score: answers.first_step_pain, stiffness_minutes: None, note: None, logged_at_ms: now_ms };
            self.record_morning(entry, date, today)?;
        }
        // The runner sees the program they follow now (R2 keeps only non-weight-bearing work); the
        // full program is stored so the ladder continues where it stands once cleared.
        result.program = result.program.as_ref().and_then(|p| clinical::for_safety_screen(p, result.safety.level, &result.safety.flagged));
        Ok(result)
    }
}

/// What an answers-file field allows, from the assessment catalogue (the same numbers
/// `evaluate_assessment` checks), to explain a value of the wrong type.
pub(crate) fn answer_allowed(path: &str) -> Option<String> {
    let top = path.split(['.', '[']).next().unwrap_or(path);
    let words = |values: &[&str]| Some(format!("one of {}", values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", ")));
    match top {
        "date" | "clinician_cleared_on" => return Some("a date YYYY-MM-DD".into()),
        "race" => return Some(r#"{"date": "YYYY-MM-DD", "distance_km": a number in 1..=400}"#.into()),
        "affected_side" => return words(&["left", "right", "both"]),
        "red_flags" => return Some("a list of question ids".into()),
        "weeks_since_onset" => return Some("a whole number in 0..=520".into()),
        "age_years" => return Some("a whole number in 0..=120".into()),
        _ => {}
    }
    let item = clinical::assessment_catalogue().into_iter().find(|i| i.id == top)?;
    let unit = if item.unit.is_empty() { String::new() } else { format!(" {}", item.unit) };
    match item.kind {
        clinical::AnswerKind::Count | clinical::AnswerKind::Pain => Some(format!("a whole number in {}..={}{unit}", item.min, item.max)),
        clinical::AnswerKind::Number => Some(format!("a number in {}..={}{unit}", item.min, item.max)),
        clinical::AnswerKind::Grade => words(&["pass", "partial", "fail"]),
        clinical::AnswerKind::SquatQuality => words(&["good", "fair", "poor"]),
        clinical::AnswerKind::YesNo => Some("true or false".into()),
        clinical::AnswerKind::Side => words(&["left", "right", "both"]),
    }
}

impl Rehab<'_> {
    pub(crate) fn submit_safety_screen(&self, now: Moment, yes_ids: Vec<String>) -> Result<SafetyResult> {
        let today = now.today()?;
        let result = clinical::evaluate_safety(&yes_ids)?;
        self.ensure_screen_may_be_retaken(None)?;
        self.journal.save_safety_screen(today, result.level, &result.flagged)?;
        Ok(result)
    }

    pub(crate) fn submit_assessment_json(&self, now: Moment, answers_json: String) -> Result<AssessmentResult> {
        let value: serde_json::Value = serde_json::from_str(&answers_json)
            .map_err(|e| CoreError::invalid("answers", format!("not a complete JSON document: {e}")))?;
        let answers: AssessmentAnswers = crate::strict_json::from_text(&answers_json, &value, &answer_allowed).map_err(|p| {
            // The sentence starts with the field; the error repeats it once, as every other error.
            let message = if p.message.contains("unknown key") {
                "unknown key: not an answer of docs/answers.md (a misspelt key would lose the answer)".to_string()
            } else {
                p.message.strip_prefix(&p.field).unwrap_or(&p.message).trim_start_matches([':', ' ']).to_string()
            };
            let field = if p.field.is_empty() { "answers".to_string() } else { p.field };
            CoreError::invalid(field, message)
        })?;
        self.assess(now.today()?, now.instant_ms, &answers)
    }
}
