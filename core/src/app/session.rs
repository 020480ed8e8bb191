//! Sessions: what a finished session stores, and the effort question after it (rule P5).

use super::{bounded, Rehab};
use crate::clinical::{self, Exercise};
use crate::day::Moment;
use crate::journal::validate;
use serde::{Deserialize, Serialize};

use crate::model::{Effort, SessionRecord};
use crate::error::{check_pain, CoreError, Result};

/// A hold logged for a rep exercise would be stored with no reps, which progression (P4) reads as
/// no work: refused, naming the exercise's kind. (Reps for a hold exercise stay accepted: they count
/// the holds, e.g. 10 stretches of a 10 × 10 s stretch.)
pub(crate) fn check_session_kind(exercise: &Exercise, level: u32, has_reps: bool) -> Result<()> {
    let Some(dose) = exercise.levels.iter().find(|l| l.level == level).or(exercise.levels.first()) else { return Ok(()) };
    match (has_reps, dose.reps, dose.hold_seconds) {
        (false, Some(reps), None) => Err(CoreError::invalid(
            "hold_seconds",
            format!(
                "{} at level {} is a rep exercise ({} × {reps} reps): log reps, not hold seconds",
                exercise.name.to_lowercase(),
                level + 1,
                dose.sets
            ),
        )),
        _ => Ok(()),
    }
}

/// One answer to "how did the load feel?" (rule P5), as the question offers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct EffortChoice {
    pub effort: Effort,
    /// The button, e.g. "Too easy".
    pub label: String,
    /// What it means, e.g. "I could have done several more with good form".
    pub detail: String,
}

/// The question after a guided session (rule P5: Rathleff's stages are loaded by effort).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct EffortQuestion {
    /// "How did the load feel?"
    pub question: String,
    /// The exercises the answer applies to, in session order.
    pub exercise_ids: Vec<String>,
    /// Their names as the program shows them, e.g. "Calf and plantar fascia loading", same order
    /// (the level's own name carries an id today; plain level names are issue 28's).
    pub exercise_names: Vec<String>,
    /// The answers offered, in order. Skipping is allowed: the session still counts.
    pub choices: Vec<EffortChoice>,
}

/// The answers offered, in order (rule P5: their effect is the next morning's decision).
fn effort_choices() -> Vec<EffortChoice> {
    [
        (Effort::TooEasy, "Too easy", "I could have done several more with good form"),
        (Effort::Right, "About right", "The last reps were hard, form still good"),
        (Effort::TooHard, "Too hard", "I could not finish them with good form"),
    ]
    .into_iter()
    .map(|(effort, label, detail)| EffortChoice { effort, label: label.into(), detail: detail.into() })
    .collect()
}

impl Rehab<'_> {
    /// The effort question for a finished session's `records`: asked only when an exercise the
    /// runner did (at least one set) is one whose current level asks for effort (P5); `None` else.
    pub(crate) fn effort_question(&self, records: &[SessionRecord]) -> Result<Option<EffortQuestion>> {
        let Some(program) = self.effective_program()? else { return Ok(None) };
        let mut ids: Vec<String> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for record in records.iter().filter(|r| r.sets_done > 0) {
            let Some(exercise) = program.exercises.iter().find(|e| e.exercise_id == record.exercise_id && e.asks_effort) else { continue };
            if ids.contains(&exercise.exercise_id) {
                continue;
            }
            ids.push(exercise.exercise_id.clone());
            names.push(exercise.name.clone());
        }
        if ids.is_empty() {
            return Ok(None);
        }
        Ok(Some(EffortQuestion { question: "How did the load feel?".into(), exercise_ids: ids, exercise_names: names, choices: effort_choices() }))
    }

    /// Saves a finished session with the runner's answer (`None`: skipped) on the exercises the
    /// effort question asked about; other records keep their own effort.
    pub(crate) fn save_session_with_effort(&self, now: Moment, mut records: Vec<SessionRecord>, effort: Option<Effort>) -> Result<()> {
        if let Some(question) = self.effort_question(&records)? {
            for record in records.iter_mut().filter(|r| r.sets_done > 0 && question.exercise_ids.contains(&r.exercise_id)) {
                record.effort = effort;
            }
        }
        self.save_session(now, records)
    }

    pub(crate) fn save_session(&self, now: Moment, records: Vec<SessionRecord>) -> Result<()> {
        let today = now.today()?;
        for record in &records {
            clinical::find_exercise(&record.exercise_id)?;
        }
        let done: Vec<SessionRecord> = records.into_iter().filter(|r| r.sets_done > 0).collect();
        self.journal.log_sessions(&done, today)?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn log_session(
        &self,
        now: Moment,
        date: Option<String>,
        exercise_id: String,
        sets: i64,
        reps: Option<i64>,
        hold_seconds: Option<i64>,
        peak_pain: i64,
        completed: bool,
        effort: Option<Effort>,
        reps_in_reserve: Option<i64>,
    ) -> Result<SessionRecord> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        let exercise = clinical::find_exercise(&exercise_id)?;
        if reps.is_some() == hold_seconds.is_some() {
            return Err(CoreError::invalid("reps", "give either reps or hold seconds, not both or neither"));
        }
        let level = self
            .journal
            .current_program()?
            .and_then(|p| p.exercises.iter().find(|e| e.exercise_id == exercise_id).map(|e| e.level))
            .unwrap_or(0);
        check_session_kind(&exercise, level, reps.is_some())?;
        let record = SessionRecord {
            date: day.iso(),
            exercise_id,
            level,
            sets_done: bounded("sets", sets, validate::SETS)?,
            reps_done: reps.map(|r| bounded("reps", r, validate::REPS)).transpose()?,
            hold_seconds_done: hold_seconds.map(|h| bounded("hold_seconds", h, validate::HOLD_SECONDS)).transpose()?,
            peak_pain: check_pain("pain", peak_pain)?,
            completed,
            skipped_steps: 0,
            reps_in_reserve: reps_in_reserve.map(|r| bounded("reps_in_reserve", r, validate::REPS_IN_RESERVE)).transpose()?,
            effort: None,
        };
        let record = SessionRecord { effort: clinical::progression::effort_of(effort, record.reps_in_reserve), ..record };
        self.journal.log_session(&record, today)?;
        Ok(record)
    }
}
