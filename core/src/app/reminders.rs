//! The reminders of the next 14 days, from the journal and the settings.

use super::{parse_stored, Rehab};
use crate::day::Moment;
use crate::error::Result;
use crate::reminders::{plan_reminders, Reminder, ReminderInput};

impl Rehab<'_> {
    pub(crate) fn reminders(&self, now: Moment) -> Result<Vec<Reminder>> {
        let today = now.today()?;
        let mut settings = self.journal.settings()?;
        // The shell's current zone wins: reminders follow a traveller (PRODUCT §3).
        settings.time_zone = now.time_zone.clone();
        let program = self.effective_program()?;
        let window_end = today.add_days(15);
        let pain_logged_on = self.journal.pain_entries(today, window_end)?.iter().map(|p| parse_stored(&p.date)).collect::<Result<Vec<_>>>()?;
        let sessions_done_on = self.journal.sessions(today, window_end)?.iter().map(|s| parse_stored(&s.date)).collect::<Result<Vec<_>>>()?;
        let last_assessment = self.journal.assessments()?.last().map(|a| parse_stored(&a.date)).transpose()?;
        plan_reminders(&ReminderInput {
            settings: &settings,
            program: program.as_ref(),
            pain_logged_on: &pain_logged_on,
            sessions_done_on: &sessions_done_on,
            last_assessment,
            now_ms: now.instant_ms,
        })
    }
}
