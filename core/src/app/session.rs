//! Sessions: what a finished session stores, and the effort question after it (rule P5).

use super::{bounded, Rehab};
use crate::clinical::{self, Exercise};
use crate::day::Moment;
use crate::journal::validate;
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
            format!("{} at level {level} is a rep exercise ({} × {reps} reps): log reps, not hold seconds", exercise.id, dose.sets),
        )),
        _ => Ok(()),
    }
}

impl Rehab<'_> {
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
