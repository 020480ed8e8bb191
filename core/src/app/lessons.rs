//! What unlocks the lessons (E1–E7).

use super::Rehab;
use crate::day::Day;
use crate::error::Result;
use crate::model::Domain;

impl Rehab<'_> {
    /// What unlocks lessons: the start of the program the runner follows now (none after an urgent
    /// screen, R1), the finding domains of the latest assessment, and whether a return-to-run
    /// self-test was taken (E7).
    pub(crate) fn lesson_inputs(&self) -> Result<(Option<Day>, Vec<Domain>, bool)> {
        let start = self.effective_program()?.map(|p| Day::parse("started_on", &p.started_on)).transpose()?;
        let mut domains: Vec<Domain> = Vec::new();
        for finding in self.latest_result()?.map(|r| r.findings).unwrap_or_default() {
            if !domains.contains(&finding.domain) {
                domains.push(finding.domain);
            }
        }
        Ok((start, domains, !self.journal.return_to_run_checks()?.is_empty()))
    }
}
