//! Maintenance (rule P9): the offer, the lighter plan, and the return to the full program.

use super::Rehab;
use crate::clinical;
use crate::day::{Day, Moment};
use crate::error::{CoreError, Result};
use crate::model::{DayPlan, Domain, MaintenanceChoice, MaintenanceChoiceKind, MaintenanceState, Program, RedFlagLevel};

impl Rehab<'_> {
    /// rule P9: the full plan of `day` with the maintenance offer or the return note, or the
    /// maintenance plan while maintenance is on. `program` is the program as shown that day.
    pub(crate) fn with_maintenance(&self, program: &Program, plan: DayPlan, day: Day, flare_today: bool, level: RedFlagLevel) -> Result<DayPlan> {
        use clinical::maintenance::{self as m, Standing};
        let choices = self.journal.maintenance_choices()?;
        let mornings = self.program_mornings(day)?;
        match m::standing(&choices, day) {
            Standing::Active { since } => match m::end_of(&mornings, since, day) {
                Some((_, why)) => Ok(DayPlan { maintenance: Some(m::back_note(why)), ..plan }),
                None => Ok(m::plan(program, &plan, since, day, &self.marked_domains()?)),
            },
            Standing::Quiet { back: Some((on, why)), .. } if day.days_since(on) < m::BACK_NOTE_DAYS => {
                Ok(DayPlan { maintenance: Some(m::back_note(why)), ..plan })
            }
            Standing::Quiet { .. } => Ok(plan),
            Standing::Full => {
                let offer = self.maintenance_offer_due(day, &mornings, flare_today, level)?;
                Ok(DayPlan { maintenance: offer.then(m::offer_note), ..plan })
            }
        }
    }

    /// rule P9: M1 met (the 12-week trend's meaningful improvement), the program at least 8 weeks
    /// old and 12 of the last 14 logged mornings at 1 or less; not on a flare morning and not while
    /// the safety screen bars impact (design choice: R1, R2 keep the runner on the full program).
    pub(crate) fn maintenance_offer_due(&self, day: Day, mornings: &[clinical::pain::Morning], flare_today: bool, level: RedFlagLevel) -> Result<bool> {
        use clinical::maintenance as m;
        let Some(program) = self.stored_program()? else { return Ok(false) };
        let start = Day::parse("started_on", &program.started_on)?;
        if flare_today || !matches!(level, RedFlagLevel::None | RedFlagLevel::Refer) || day.days_since(start) < m::MIN_PROGRAM_DAYS {
            return Ok(false);
        }
        if !m::mornings_calm(mornings, day) {
            return Ok(false);
        }
        Ok(self.journal.trend(day, 12, Some(&program))?.meaningful_improvement)
    }

    /// The domains of the latest assessment's marked findings (rule P9: at most one exercise for one).
    pub(crate) fn marked_domains(&self) -> Result<Vec<Domain>> {
        Ok(self
            .latest_result()?
            .map(|r| r.findings)
            .unwrap_or_default()
            .into_iter()
            .filter(|f| f.severity == crate::model::Severity::Marked)
            .map(|f| f.domain)
            .collect())
    }

    /// rule P9: accepts or declines the offer open today; nothing is written without one.
    pub(crate) fn answer_maintenance(&self, now: Moment, choice: MaintenanceChoiceKind) -> Result<DayPlan> {
        let today = now.today()?;
        let program = self.require_program()?;
        let plan = self.shown_plan(&program, today)?;
        if plan.maintenance.as_ref().map(|n| n.state) != Some(MaintenanceState::Offered) {
            return Err(CoreError::state(
                "no maintenance offer is open today: it comes after 8 weeks of the program, with a clear improvement and 12 of the last 14 mornings at 1 or less",
            ));
        }
        let record = MaintenanceChoice { date: today.iso(), choice, reason: None, logged_at_ms: now.instant_ms };
        self.journal.save_maintenance_choice(&record, today)?;
        self.shown_plan(&program, today)
    }

    /// rule P9: stores the return to the full program when the morning of `day` ends maintenance.
    pub(crate) fn store_maintenance_end(&self, day: Day, today: Day, logged_at_ms: i64) -> Result<()> {
        let choices = self.journal.maintenance_choices()?;
        if let clinical::maintenance::Standing::Active { since } = clinical::maintenance::standing(&choices, today) {
            if let Some((on, why)) = clinical::maintenance::end_of(&self.program_mornings(today.max(day))?, since, today.max(day)) {
                let record = MaintenanceChoice { date: on.iso(), choice: MaintenanceChoiceKind::Ended, reason: Some(why), logged_at_ms };
                self.journal.save_maintenance_choice(&record, today)?;
            }
        }
        Ok(())
    }
}
