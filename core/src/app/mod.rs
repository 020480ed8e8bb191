//! The application layer: what each screen and each write does, orchestrated over one journal.
//!
//! [`crate::api`] is the exported surface: every method there validates its arguments and makes one
//! call here. Each file is one concern (the home screen, the morning log, the plan of a day, …) and
//! returns plain Rust results with the internal [`CoreError`], so it is unit-tested without the FFI.
//! Layers point one way: api → app → report / clinical / journal → model.

mod assessment;
mod home;
mod imports;
mod lessons;
mod maintenance;
mod morning;
mod plan;
mod psfs;
mod refresh;
mod reminders;
mod running;
mod session;
mod summary;

pub use imports::{ActivityImport, HealthRun, ImportStatus, RunImportLine, RunImportResult};
pub use home::{HomeScreen, NextStep, StartRoute};
pub use morning::{Announcement, MorningLog, MorningUndo};
pub use refresh::{screens_to_refresh, AppScreen, JournalChange};
pub use running::{ProgressReport, RunLog};
pub use session::{EffortChoice, EffortQuestion};

use crate::clinical::{self, AssessmentResult};
use crate::day::{ensure_not_future, Day};
use crate::error::{check_int, CoreError, Result};
use crate::journal::Journal;
use crate::model::{AssessmentAnswers, Program, RedFlagLevel};

/// Days of history the rules look back over (design choice: P3 needs 7 mornings, P4 needs the
/// sessions at the current level, A7 needs 30 days of runs; 120 days covers all with margin).
pub(crate) const HISTORY_DAYS: i32 = 120;
/// Re-assessment interval (PRODUCT §2.2: every 2 weeks).
pub(crate) const REASSESS_AFTER_DAYS: i32 = 14;

/// The runner's rehab over one journal: the rules applied to the records.
pub(crate) struct Rehab<'a> {
    pub(crate) journal: &'a Journal,
}

impl Rehab<'_> {
    pub(crate) fn require_program(&self) -> Result<Program> {
        if self.latest_level()? == RedFlagLevel::Urgent {
            return Err(CoreError::state(
                "no program while the safety screen's urgent warning stands (rule R1): seek care today, then take the screen again once a clinician has cleared you",
            ));
        }
        self.effective_program()?.ok_or_else(|| {
            CoreError::state("no program yet: complete the safety screen and assessment first")
        })
    }

    pub(crate) fn latest_level(&self) -> Result<RedFlagLevel> {
        Ok(self.latest_screen()?.0)
    }

    /// The newest safety screen's level and flags (none before the first screen).
    pub(crate) fn latest_screen(&self) -> Result<(RedFlagLevel, Vec<String>)> {
        Ok(self.journal.latest_safety_screen()?.map(|(_, level, flagged)| (level, flagged)).unwrap_or((RedFlagLevel::None, Vec::new())))
    }

    /// The stored program under the latest safety screen (R1: none; R2: non-weight-bearing only;
    /// R3 with a recent steroid injection: no heavy levels).
    pub(crate) fn effective_program(&self) -> Result<Option<Program>> {
        let Some(program) = self.journal.current_program()? else { return Ok(None) };
        let (level, flagged) = self.latest_screen()?;
        Ok(clinical::for_safety_screen(&program, level, &flagged))
    }

    /// The newest stored assessment result, if any.
    pub(crate) fn latest_result(&self) -> Result<Option<AssessmentResult>> {
        let Some(stored) = self.journal.assessments()?.pop() else { return Ok(None) };
        let result = serde_json::from_str(&stored.result_json)
            .map_err(|e| CoreError::db(self.journal.path(), format!("stored assessment is unreadable: {e}")))?;
        Ok(Some(result))
    }

    /// The answers of the newest assessment, if any is stored and readable.
    pub(crate) fn latest_answers(&self) -> Result<Option<AssessmentAnswers>> {
        Ok(self.journal.assessments()?.pop().map(|a| a.answers))
    }

    pub(crate) fn day_or_today(&self, date: Option<String>, today: Day) -> Result<Day> {
        let day = match date {
            Some(text) => Day::parse("date", &text)?,
            None => today,
        };
        ensure_not_future("date", day, today)?;
        Ok(day)
    }
}

/// Range-checks an integer from the shell with the journal's bounds, before narrowing it.
pub(crate) fn bounded(field: &str, value: i64, range: (i64, i64)) -> Result<u32> {
    Ok(check_int(field, value, range.0, range.1)? as u32)
}

pub(crate) fn parse_range(from: &str, to: &str) -> Result<(Day, Day)> {
    let from = Day::parse("from", from)?;
    let to = Day::parse("to", to)?;
    if to < from {
        return Err(CoreError::invalid("to", format!("must be on or after from ({from})")));
    }
    Ok((from, to))
}

/// Dates read back from the journal were validated on the way in.
pub(crate) fn parse_stored(text: &str) -> Result<Day> {
    Day::parse("stored date", text)
}
