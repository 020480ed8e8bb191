//! The home screen: today's plan, the next step, the banners, and where the app opens.

use serde::{Deserialize, Serialize};

use super::{parse_stored, Rehab, HISTORY_DAYS, REASSESS_AFTER_DAYS};
use crate::clinical::referral::{self, Referral, ReferralInput};
use crate::clinical::{self};
use crate::day::Day;
use crate::error::Result;
use crate::model::{DayPlan, PainEntry, Program, RedFlagLevel, RunningGuidance};

/// The one thing the home screen suggests next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// No assessment yet.
    Assess,
    /// The last safety screen found an urgent warning sign (R1): seek care today; the screen can be
    /// re-taken once a clinician has cleared the runner.
    SeekCare,
    /// Today's first-step pain is not logged.
    LogPain,
    /// Today's exercises are not done.
    DoSession,
    /// 14 days since the last assessment.
    Reassess,
    /// Everything for today is done.
    Rest,
}

/// Where the app opens, decided here once for every shell (issue 26).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum StartRoute {
    /// No program yet and nothing urgent: the welcome and safety questions.
    Welcome,
    /// The last safety screen found an urgent warning sign (R1): the stop screen, always — the
    /// safe answer, before any program or home screen.
    UrgentStop {
        /// The advice the stop screen shows (the home screen's caution).
        advice: String,
    },
    /// A program is running: the home screen.
    Home,
}

/// Everything the home screen shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct HomeScreen {
    pub date: String,
    pub red_flag: RedFlagLevel,
    /// Shown prominently when set (urgent or refer advice, R1/R2/R3), in plain words.
    pub caution: Option<String>,
    /// The rule behind `caution` ("R1", "R2", "R3"), for a detail label (CLINICAL X4).
    pub caution_rule: Option<String>,
    pub plan: Option<DayPlan>,
    pub last_pain: Option<PainEntry>,
    /// Consecutive days with a morning pain score, ending today (or yesterday if today is not logged yet).
    pub streak_days: u32,
    /// Exercises of today's plan already logged today.
    pub done_today: Vec<String>,
    pub next_step: NextStep,
    pub next_step_text: String,
    pub running: Option<RunningGuidance>,
    /// The escalation banner (R4): no improvement at 6 or 12 weeks, or a 2-week worsening. Stays
    /// until meaningful improvement (M1) or a recorded clinician visit.
    pub referral: Option<Referral>,
    /// Rating the activities is due (rule M2: at the start, every 2 weeks, after a re-assessment).
    #[serde(default)]
    #[uniffi(default = false)]
    pub psfs_due: bool,
    /// Where the app opens on this state (shells route on it and decide nothing themselves).
    pub start_route: StartRoute,
}

impl Rehab<'_> {
    pub(crate) fn home_screen(&self, today: Day) -> Result<HomeScreen> {
        let (red_flag, flagged) = self.latest_screen()?;
        let stored_program = self.stored_program()?;
        let program = stored_program.as_ref().and_then(|p| clinical::for_safety_screen(p, red_flag, &flagged));
        let plan = program.as_ref().map(|p| self.shown_plan(p, today)).transpose()?;
        let recent = self.journal.pain_entries(today.add_days(-HISTORY_DAYS), today)?;
        let last_pain = self.journal.last_pain()?;
        let done_today: Vec<String> = {
            let mut ids: Vec<String> = self.journal.sessions(today, today)?.into_iter().map(|s| s.exercise_id).collect();
            crate::sort::sort_by(&mut ids, |a, b| a.cmp(b));
            ids.dedup();
            ids
        };
        let logged_today = recent.last().is_some_and(|p| p.date == today.iso());
        let streak_days = streak_ending(&recent, if logged_today { today } else { today.add_days(-1) })?;
        let last_assessment = self.journal.assessments()?.last().map(|a| parse_stored(&a.date)).transpose()?;
        let plan_pending = plan.as_ref().is_some_and(|p| p.exercises.iter().any(|e| !done_today.contains(&e.exercise_id)));

        let (next_step, next_step_text) = if red_flag == RedFlagLevel::Urgent {
            // rule R1
            (
                NextStep::SeekCare,
                "Seek care today: your safety answers included an urgent warning sign. Once a clinician has cleared you, take the safety questions again and give the date they cleared you.".to_string(),
            )
        } else if program.is_none() {
            (NextStep::Assess, "Start with the safety questions and the 10-minute assessment to build your program.".to_string())
        } else if !logged_today {
            (NextStep::LogPain, "How were your first steps this morning? Log your pain (0–10).".to_string())
        } else if last_assessment.is_some_and(|d| today.days_since(d) >= REASSESS_AFTER_DAYS) {
            (NextStep::Reassess, "Two weeks since your last assessment: re-test to see what changed.".to_string())
        } else if plan_pending {
            (NextStep::DoSession, "Today's exercises are waiting: start the guided session.".to_string())
        } else {
            (NextStep::Rest, "All done for today. Recovery happens between sessions.".to_string())
        };
        let caution = match red_flag {
            RedFlagLevel::Urgent => Some("Your answers included an urgent warning sign. Please seek medical care today; the program is paused.".to_string()),
            _ => program.as_ref().and_then(|p| p.caution.clone()),
        };
        let running = if program.is_some() || red_flag == RedFlagLevel::Urgent { Some(self.running_guidance(today, None)?) } else { None };
        let referral = match (&stored_program, red_flag) {
            (Some(p), level) if level != RedFlagLevel::Urgent => self.referral(today, p)?,
            _ => None,
        };
        let start_route = start_route(next_step, caution.as_deref(), program.is_some());
        Ok(HomeScreen {
            start_route,
            date: today.iso(),
            red_flag,
            caution_rule: caution.as_ref().and_then(|_| crate::clinical::program::caution_rule(red_flag)),
            caution,
            plan,
            last_pain,
            streak_days,
            done_today,
            next_step,
            next_step_text,
            running,
            referral,
            psfs_due: self.psfs_summary(today)?.is_some_and(|p| p.due),
        })
    }

    /// rule R4: the escalation banner, judged on the 12-week trend ending today (its daily 7-day
    /// means, the program baseline and weekly adherence) and the latest clinician visit.
    pub(crate) fn referral(&self, today: Day, program: &Program) -> Result<Option<Referral>> {
        let trend = self.journal.trend(today, 12, Some(program))?;
        let last_visit = self.journal.clinician_visits()?.iter().filter_map(|v| Day::parse("clinician_visits.date", &v.date).ok()).max();
        referral::referral(&ReferralInput {
            program_start: Day::parse("started_on", &program.started_on)?,
            trend: &trend,
            last_clinician_visit: last_visit,
        })
    }
}

/// Where the app opens: the urgent stop screen whenever the next step is to seek care (R1), else
/// the welcome until there is a program, else home.
pub(crate) fn start_route(next_step: NextStep, caution: Option<&str>, has_program: bool) -> StartRoute {
    match next_step {
        NextStep::SeekCare => StartRoute::UrgentStop { advice: caution.unwrap_or(clinical::safety::advice(RedFlagLevel::Urgent)).to_string() },
        _ if !has_program => StartRoute::Welcome,
        _ => StartRoute::Home,
    }
}

/// Consecutive logged days ending on `end` (entries sorted by date).
pub(crate) fn streak_ending(entries: &[PainEntry], end: Day) -> Result<u32> {
    let mut expected = end;
    let mut streak = 0;
    for entry in entries.iter().rev() {
        let day = parse_stored(&entry.date)?;
        if day > expected {
            continue;
        }
        if day != expected {
            break;
        }
        streak += 1;
        expected = expected.add_days(-1);
    }
    Ok(streak)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_urgent_flag_always_opens_the_stop_screen_with_or_without_a_program() {
        for has_program in [false, true] {
            let route = start_route(NextStep::SeekCare, Some("Seek care today."), has_program);
            assert_eq!(route, StartRoute::UrgentStop { advice: "Seek care today.".into() });
        }
        // No caution stored: the R1 advice itself, never an empty stop screen.
        let StartRoute::UrgentStop { advice } = start_route(NextStep::SeekCare, None, false) else { panic!("urgent") };
        assert!(!advice.is_empty());
    }

    #[test]
    fn the_welcome_until_a_program_then_home() {
        assert_eq!(start_route(NextStep::Assess, None, false), StartRoute::Welcome);
        for step in [NextStep::LogPain, NextStep::DoSession, NextStep::Reassess, NextStep::Rest] {
            assert_eq!(start_route(step, None, true), StartRoute::Home, "{step:?}");
        }
    }
}
