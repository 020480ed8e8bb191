//! Gathers the clinician summary's input from the same computations the screens use; the report
//! module renders it.

use super::Rehab;
use crate::day::Moment;
use crate::error::Result;
use crate::model::DecisionAction;
use crate::report::{self, ClinicianSummary, SummaryInput};

impl Rehab<'_> {
    /// The summary for the local date of `now`. Records dated after that date are left out.
    pub(crate) fn clinician_summary(&self, now: Moment) -> Result<ClinicianSummary> {
        let today = now.today()?;
        let date = today.iso();
        let units = self.journal.settings()?.units;
        let stored_program = self.stored_program()?;
        let trend = self.journal.trend(today, report::SUMMARY_WEEKS, stored_program.as_ref())?;
        let running = self.progress(now, None)?.running;
        let home = self.home_screen(today)?;
        let program = self.effective_program()?;
        let assessments: Vec<_> = self.journal.assessments()?.into_iter().filter(|a| a.date <= date).collect();
        let screens: Vec<_> = self.journal.safety_screens()?.into_iter().filter(|s| s.date <= date).collect();
        let window_start = super::parse_stored(&trend.start_date)?;
        let pains = self.journal.pain_entries(window_start, today)?;
        let runs = self.journal.runs(window_start, today)?;
        // The period covered: from the first assessment or program start (else the first morning
        // in the window) to the summary's date.
        let first_day = [assessments.first().map(|a| a.date.clone()), program.as_ref().map(|p| p.started_on.clone()), pains.first().map(|p| p.date.clone())]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or_else(|| date.clone())
            .min(date.clone());
        // The whole history's level changes: the progress screen's journal read, over the program
        // instead of its 12 weeks.
        let level_changes = self
            .journal
            .decisions(super::parse_stored(&first_day)?, today)?
            .into_iter()
            .filter(|d| d.action != DecisionAction::Hold)
            .collect();
        Ok(report::render(&SummaryInput {
            date,
            first_day,
            units,
            trend,
            running,
            red_flag: home.red_flag,
            caution: home.caution,
            referral: home.referral,
            program,
            assessments,
            screens,
            pains,
            runs,
            level_changes,
        }))
    }
}
