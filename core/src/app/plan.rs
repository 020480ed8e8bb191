//! The plan of a day as the runner does it: the safety screen, the flare cut (P7), the impact gate (P8).

use super::{Rehab, HISTORY_DAYS};
use crate::clinical;
use crate::day::{Day, Moment};
use crate::error::{CoreError, Result};
use crate::model::{DayPlan, HopCheck, Program, RedFlagLevel, RuleNote};

impl Rehab<'_> {
    /// Every hop check (rule P8): the answers to the app's question and the hop item of every RR1
    /// self-test (10 single-leg hops on the affected side, the same limit of 2).
    pub(crate) fn all_hop_checks(&self) -> Result<Vec<HopCheck>> {
        let mut checks = self.journal.hop_checks()?;
        for test in self.journal.return_to_run_checks()? {
            let pain = test.answers.hop_pain;
            checks.push(HopCheck { date: test.date, pain, passed: pain <= clinical::gates::HOP_CHECK_PAIN_MAX });
        }
        Ok(checks)
    }

    /// What the morning of `day` allows (P7, P8), from the program's mornings (those before the
    /// program are history, as for the progression rules) and the hop checks.
    pub(crate) fn day_gates(&self, day: Day) -> Result<clinical::gates::DayGates> {
        let start = match self.stored_program()? {
            Some(p) => Day::parse("started_on", &p.started_on)?,
            None => day.add_days(-HISTORY_DAYS),
        };
        let pains = self.journal.pain_entries(day.add_days(-HISTORY_DAYS).max(start), day.max(start))?;
        let mornings = clinical::pain::mornings(&pains)?;
        clinical::gates::day_gates(&mornings, &self.all_hop_checks()?, day)
    }

    /// The plan for `day` of `program` (the program under the safety screen) as the runner does it:
    /// no heavy level on a flare morning (P7), hopping levels behind the impact gate (P8).
    pub(crate) fn shown_plan(&self, program: &Program, day: Day) -> Result<DayPlan> {
        let (level, flagged) = self.latest_screen()?;
        // rule P8: no hop question while the screen bars impact (R1, R2) or heavy loading (R3).
        let may_hop = matches!(level, RedFlagLevel::None | RedFlagLevel::Refer) && !clinical::bars_heavy_loading(&flagged);
        let gates = self.day_gates(day)?;
        let shown = clinical::gates::shown_on(program, &gates, may_hop);
        let mut plan = clinical::day_plan(&shown.program, day);
        plan.flare = shown.flare;
        plan.impact_hold = shown.impact_hold;
        plan.hop_check_question = shown.hop_check_question;
        self.with_maintenance(&shown.program, plan, day, gates.flare.is_some(), level)
    }

    /// The program's mornings up to `day` (those before the program are history), validated.
    pub(crate) fn program_mornings(&self, day: Day) -> Result<Vec<clinical::pain::Morning>> {
        let start = match self.stored_program()? {
            Some(p) => Day::parse("started_on", &p.started_on)?,
            None => day.add_days(-HISTORY_DAYS),
        };
        let pains = self.journal.pain_entries(day.add_days(-HISTORY_DAYS).max(start), day.max(start))?;
        clinical::pain::mornings(&pains)
    }

    /// rule P7: the flare sentence of `day`'s plan, if that morning is a flare.
    pub(crate) fn shown_plan_notes(&self, day: Day) -> Result<Option<RuleNote>> {
        let Some(program) = self.effective_program()? else { return Ok(None) };
        Ok(self.shown_plan(&program, day)?.flare)
    }
}

impl Rehab<'_> {
    pub(crate) fn record_hop_check(&self, now: Moment, pain: i64) -> Result<HopCheck> {
        let today = now.today()?;
        let check = clinical::gates::hop_check(today, pain)?;
        if matches!(self.latest_level()?, RedFlagLevel::Urgent | RedFlagLevel::ReferNoImpact) {
            return Err(CoreError::state(
                "your safety screen says no impact until a clinician has checked your heel: no hop check for now",
            ));
        }
        self.journal.save_hop_check(&check, now.instant_ms, today)?;
        Ok(check)
    }
}
