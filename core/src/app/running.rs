//! Runs and the running guidance (A6–A8, RR1–RR3), and the progress screen.

use serde::{Deserialize, Serialize};

use super::{Rehab, HISTORY_DAYS};
use crate::clinical::{self, RunningInput};
use crate::clinical::return_to_run::{self, ReturnToRunAnswers, ReturnToRunCheck};
use crate::day::{Day, Moment};
use crate::journal::validate;
use crate::error::{check_pain, check_real, CoreError, Result};
use crate::model::{RedFlagLevel, Decision, Domain, RuleNote, RunRecord, RunningGuidance};
use crate::clinical::psfs::Psfs;

/// A run as logged, with the warning it earned (A7: a single run beyond 10 % over the longest of the
/// 30 days before it; RR2: on the way back, a run longer than the walk-run step).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct RunLog {
    pub run: RunRecord,
    /// The warning in plain words, `None` when the run was within its limits.
    pub warning: Option<String>,
    /// The CLINICAL rule behind the warning ("A7" or "RR2").
    pub rule: Option<String>,
}

/// Decisions with reasons and today's running guidance (the progress screen).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ProgressReport {
    pub date: String,
    pub decisions: Vec<Decision>,
    pub running: RunningGuidance,
    /// The runner's activities (rule M2); `None` until they are named.
    #[serde(default)]
    #[uniffi(default = None)]
    pub psfs: Option<Psfs>,
    /// Today's load notes: the flare-morning cut (P7) and hopping levels held by the impact gate
    /// (P8), the same sentences today's plan shows.
    #[serde(default)]
    #[uniffi(default = [])]
    pub notes: Vec<RuleNote>,
}

impl Rehab<'_> {
    pub(crate) fn running_guidance(&self, today: Day, planned_run_km: Option<f64>) -> Result<RunningGuidance> {
        self.with_running_input(today, planned_run_km, clinical::running_guidance)
    }

    /// The running rules' input for `today`, read from the journal (runs, pains and decisions dated
    /// up to `today`), handed to `f`.
    pub(crate) fn with_running_input<T>(&self, today: Day, planned_run_km: Option<f64>, f: impl FnOnce(&RunningInput) -> Result<T>) -> Result<T> {
        let from = today.add_days(-HISTORY_DAYS);
        let red_flag = self.latest_level()?;
        let pains = self.journal.pain_entries(from, today)?;
        let sessions = self.journal.sessions(from, today)?;
        let runs = self.journal.runs(from, today)?;
        let decisions = self.journal.decisions(from, today)?;
        let answers = self.latest_answers()?;
        // rule A6: a gait finding, even one set aside by V1, brings the cadence cue.
        let gait_finding = self.latest_result()?.is_some_and(|r| r.findings.iter().any(|f| f.domain == Domain::Gait));
        f(&RunningInput {
            today,
            red_flag,
            pains: &pains,
            sessions: &sessions,
            runs: &runs,
            decisions: &decisions,
            planned_run_km,
            assessed_weekly_km: answers.as_ref().and_then(|a| a.weekly_km_now),
            return_to_run_checks: &self.journal.return_to_run_checks()?,
            units: self.journal.settings()?.units,
            gait_finding,
            race: answers.as_ref().and_then(|a| a.race.as_ref()),
            assessed_cadence_spm: answers.as_ref().and_then(|a| a.cadence_spm),
        })
    }
}

impl Rehab<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn log_run(
        &self,
        now: Moment,
        date: Option<String>,
        distance_km: f64,
        minutes: Option<f64>,
        pain_during: Option<i64>,
        pain_after: Option<i64>,
        surface: Option<String>,
        shoes: Option<String>,
    ) -> Result<RunLog> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        let run = RunRecord {
            date: day.iso(),
            // Distance and minutes are validated by the journal before it writes (same field names).
            distance_km,
            minutes,
            pain_during: pain_during.map(|p| check_pain("pain_during", p)).transpose()?,
            pain_after: pain_after.map(|p| check_pain("pain_after", p)).transpose()?,
            surface: surface.filter(|s| !s.trim().is_empty()),
            shoes: shoes.filter(|s| !s.trim().is_empty()),
            ..Default::default()
        };
        // rules A7, RR2: judged against the runs logged before it, then stored.
        let warning = self.with_running_input(day, None, |input| clinical::logged_run_warning(input, &run))?;
        self.journal.log_run(&run, today)?;
        let (warning, rule) = warning.unzip();
        Ok(RunLog { run, warning, rule })
    }

    pub(crate) fn progress(&self, now: Moment, planned_run_km: Option<f64>) -> Result<ProgressReport> {
        let today = now.today()?;
        let planned = planned_run_km.map(|km| check_real("planned_run_km", km, validate::DISTANCE_KM.0, validate::DISTANCE_KM.1)).transpose()?;
        Ok(ProgressReport {
            date: today.iso(),
            decisions: self.journal.decisions(today.add_days(-83), today)?,
            running: self.running_guidance(today, planned)?,
            psfs: self.psfs_summary(today)?,
            notes: match self.effective_program()? {
                Some(program) if self.latest_level()? != RedFlagLevel::Urgent => {
                    let plan = self.shown_plan(&program, today)?;
                    plan.flare.into_iter().chain(plan.impact_hold).collect()
                }
                _ => Vec::new(),
            },
        })
    }

    pub(crate) fn take_return_to_run_test(&self, now: Moment, answers: ReturnToRunAnswers) -> Result<ReturnToRunCheck> {
        let today = now.today()?;
        let level = self.latest_level()?;
        if matches!(level, RedFlagLevel::Urgent | RedFlagLevel::ReferNoImpact) {
            return Err(CoreError::state(
                "your safety screen says no running until a clinician has checked your heel (rules R1, R2); record the visit with the clinician first",
            ));
        }
        let pains = self.journal.pain_entries(today.add_days(-HISTORY_DAYS), today)?;
        let check = return_to_run::grade_test(today, &answers, &pains)?;
        self.journal.save_return_to_run_check(&check, now.instant_ms, today)?;
        Ok(check)
    }
}
