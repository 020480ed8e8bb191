//! The Patient-Specific Functional Scale (rule M2) as of a day.

use super::{parse_stored, Rehab};
use crate::clinical::psfs::{Psfs, PsfsInput, PsfsRating};
use crate::day::{Day, Moment};
use crate::error::{CoreError, Result};

impl Rehab<'_> {
    /// The PSFS as of `today`; `None` when no activities are named.
    pub(crate) fn psfs_summary(&self, today: Day) -> Result<Option<Psfs>> {
        let summary = self.psfs_summary_always(today)?;
        Ok((!summary.activities.is_empty()).then_some(summary))
    }

    pub(crate) fn psfs_summary_always(&self, today: Day) -> Result<Psfs> {
        let activities = self.journal.psfs_activities()?;
        let ratings = if activities.is_empty() { Vec::new() } else { self.journal.psfs_ratings()? };
        // design choice: ratings dated after `today` (a `--date` in the past) are not seen yet.
        let ratings: Vec<_> = ratings.into_iter().filter(|r| r.date <= today.iso()).collect();
        let last_assessment = self
            .journal
            .assessments()?
            .iter()
            .map(|a| parse_stored(&a.date))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .filter(|d| *d <= today)
            .max();
        crate::clinical::psfs::summarize(&PsfsInput { activities: &activities, ratings: &ratings, last_assessment, today })
    }
}

impl Rehab<'_> {
    pub(crate) fn rate_psfs(&self, now: Moment, date: Option<String>, ratings: Vec<PsfsRating>) -> Result<Psfs> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        self.journal.rate_psfs(day, &ratings, today)?;
        self.psfs_summary(today)?.ok_or_else(|| CoreError::state("no PSFS activities are named"))
    }
}
