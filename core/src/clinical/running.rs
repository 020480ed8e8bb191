//! Running guidance (CLINICAL X2, A7, P1, P3): a green / amber / red state with the reason and what
//! to do, and a warning when a planned run is more than 10 % longer than the longest run of the
//! previous 30 days. "Reduce, don't eliminate": only an urgent (R1) or no-impact (R2) red flag says
//! not to run.

use crate::clinical::assessment::{KM_MAX, LONG_RUN_SPIKE};
use crate::clinical::pain::{check_sessions, flare_on, mornings};
use crate::day::Day;
use crate::error::{check_pain, check_real, Result};
use crate::model::{Decision, DecisionAction, PainEntry, RedFlagLevel, RunRecord, RunningGuidance, RunningState, SessionRecord};

/// Everything running guidance looks at. History slices may hold any dates; only recent ones count.
#[derive(Clone, Copy, Debug)]
pub struct RunningInput<'a> {
    /// The local date the guidance is for.
    pub today: Day,
    /// Level of the latest safety screen.
    pub red_flag: RedFlagLevel,
    /// Morning pain history.
    pub pains: &'a [PainEntry],
    /// Exercise sessions.
    pub sessions: &'a [SessionRecord],
    /// Logged runs.
    pub runs: &'a [RunRecord],
    /// Progression decisions so far.
    pub decisions: &'a [Decision],
    /// Distance of the run planned today, if the runner says.
    pub planned_run_km: Option<f64>,
}

/// rule A7: the look-back window for the longest run.
const LONG_RUN_WINDOW_DAYS: i32 = 30;
/// design choice: morning pain ≥ 7 means a very irritable heel → reduce substantially.
const HIGH_MORNING_PAIN: u8 = 7;
/// design choice: morning pain 4–6 → run easy and shorter.
const MODERATE_MORNING_PAIN: u8 = 4;
/// design choice: run/session pain and regressions of the last 2 days still shape today's advice.
const RECENT_DAYS: i32 = 2;
/// design choice: without a morning logged in the last 3 days the guidance stays cautious.
const MORNING_FRESH_DAYS: i32 = 3;

fn check_runs(runs: &[RunRecord]) -> Result<()> {
    for run in runs {
        Day::parse("run.date", &run.date)?;
        check_real("run.distance_km", run.distance_km, 0.0, KM_MAX)?;
        if let Some(minutes) = run.minutes {
            check_real("run.minutes", minutes, 0.0, 24.0 * 60.0)?;
        }
        if let Some(p) = run.pain_during {
            check_pain("run.pain_during", i64::from(p))?;
        }
        if let Some(p) = run.pain_after {
            check_pain("run.pain_after", i64::from(p))?;
        }
    }
    Ok(())
}

fn recent(date: &str, today: Day, days: i32) -> bool {
    Day::parse("date", date).is_ok_and(|d| d < today && today.days_since(d) <= days)
}

/// Today's running advice. Every input is validated first.
pub fn running_guidance(input: &RunningInput) -> Result<RunningGuidance> {
    let today = input.today;
    let mornings = mornings(input.pains)?;
    check_sessions(input.sessions)?;
    check_runs(input.runs)?;
    for decision in input.decisions {
        Day::parse("decision.date", &decision.date)?;
    }
    if let Some(km) = input.planned_run_km {
        check_real("planned_run_km", km, 0.0, KM_MAX)?;
    }

    // rule A7: longest run in the previous 30 days (today excluded).
    let longest_recent_km = input
        .runs
        .iter()
        .filter(|r| recent(&r.date, today, LONG_RUN_WINDOW_DAYS))
        .map(|r| r.distance_km)
        .fold(None, |acc: Option<f64>, km| Some(acc.map_or(km, |a| a.max(km))));
    let long_run_warning = match (input.planned_run_km, longest_recent_km) {
        (Some(planned), Some(longest)) if longest > 0.0 && planned > longest * (1.0 + LONG_RUN_SPIKE) => Some(format!(
            "Your planned {planned:.1} km is {:.0} % longer than your longest run of the last 30 days ({longest:.1} km). \
             Runs more than 10 % longer than that raise the injury risk (rule A7): keep it to about {:.1} km this time.",
            (planned / longest - 1.0) * 100.0,
            longest * (1.0 + LONG_RUN_SPIKE)
        )),
        _ => None,
    };

    // rules R1 and R2: the only cases where FirstStep says not to run (X2).
    if input.red_flag == RedFlagLevel::Urgent {
        return Ok(RunningGuidance {
            state: RunningState::Red,
            reason: "Please don't run for now: your safety screen found a warning sign that needs a clinician today (rule R1).".into(),
            rules: vec!["R1".into()],
            longest_recent_km,
            long_run_warning,
        });
    }
    if input.red_flag == RedFlagLevel::ReferNoImpact {
        return Ok(RunningGuidance {
            state: RunningState::Red,
            reason: "No running, jumping or heavy loading until a clinician has checked your heel: your safety screen found a sign that needs a look first (rule R2). \
                Keep your fitness with cycling, swimming or pool running, as long as they do not hurt."
                .into(),
            rules: vec!["R2".into(), "X2".into()],
            longest_recent_km,
            long_run_warning,
        });
    }

    let mut red: Vec<String> = Vec::new();
    let mut amber: Vec<String> = Vec::new();
    let mut rules: Vec<&'static str> = vec!["X2"];

    let latest = mornings.iter().rev().find(|m| m.day <= today && today.days_since(m.day) < MORNING_FRESH_DAYS);
    if let Some(flare) = flare_on(&mornings, today) {
        red.push(format!("{} — a flare (rule P3)", flare.words()));
        cite("P3", &mut rules);
    } else if let Some(m) = latest {
        if m.score >= HIGH_MORNING_PAIN {
            red.push(format!("your morning pain was {} (7 or more means a very irritable heel)", m.score));
        } else if m.score >= MODERATE_MORNING_PAIN {
            amber.push(format!("your morning pain was {} (4–6)", m.score));
        }
    } else {
        amber.push("no morning pain logged in the last 3 days, so FirstStep cannot tell how the heel is settling".into());
    }
    if let Some(d) = input.decisions.iter().find(|d| d.action == DecisionAction::Regress && (d.date == today.iso() || recent(&d.date, today, RECENT_DAYS - 1))) {
        red.push(format!("your {} moved back a level on {}", d.exercise_id.replace('_', " "), d.date));
        cite("P4", &mut rules);
    }
    let run_pain = input
        .runs
        .iter()
        .filter(|r| recent(&r.date, today, RECENT_DAYS))
        .filter_map(|r| r.pain_during.max(r.pain_after))
        .max();
    let session_pain = input.sessions.iter().filter(|s| recent(&s.date, today, RECENT_DAYS)).map(|s| s.peak_pain).max();
    if let Some(p) = run_pain {
        if p > 5 {
            red.push(format!("a run in the last 2 days hurt {p} out of 10, above the acceptable 5 (rule P1)"));
            cite("P1", &mut rules);
        } else if p >= 4 {
            amber.push(format!("a run in the last 2 days hurt {p} out of 10 (acceptable, but not easy; rule P1)"));
            cite("P1", &mut rules);
        }
    }
    if let Some(p) = session_pain.filter(|p| *p > 5) {
        amber.push(format!("an exercise session in the last 2 days hurt {p} out of 10 (rule P1)"));
        cite("P1", &mut rules);
    }
    if input.red_flag == RedFlagLevel::Refer {
        amber.push("your safety screen asks you to see a clinician soon (rule R3)".into());
        cite("R3", &mut rules);
    }
    if long_run_warning.is_some() {
        amber.push("the planned run is more than 10 % longer than your longest of the last 30 days (rule A7)".into());
        cite("A7", &mut rules);
    }

    let (state, reason) = if !red.is_empty() {
        (
            RunningState::Red,
            format!(
                "Reduce running substantially today, but keep moving: a short easy walk-run (1 minute running, 1 minute walking, about 20 minutes) on flat, soft ground, stopping if pain goes above 5 (rule X2). Why: {}.",
                join(&red, &amber)
            ),
        )
    } else if !amber.is_empty() {
        (
            RunningState::Amber,
            format!(
                "Run easy and shorter today: about two thirds of your usual distance at a relaxed, conversational pace, on flat ground; keep pain during the run at 5 or less and check tomorrow's morning pain. Why: {}.",
                amber.join("; ")
            ),
        )
    } else {
        let why = latest.map_or(String::new(), |m| format!(" Your morning pain was {}.", m.score));
        (
            RunningState::Green,
            format!("Run as planned at an easy-to-moderate effort; keep pain during the run at 3 or less and check that tomorrow's morning pain is no worse.{why}"),
        )
    };
    Ok(RunningGuidance { state, reason, rules: rules.into_iter().map(String::from).collect(), longest_recent_km, long_run_warning })
}

/// Adds a rule id once.
fn cite(rule: &'static str, rules: &mut Vec<&'static str>) {
    if !rules.contains(&rule) {
        rules.push(rule);
    }
}

fn join(first: &[String], then: &[String]) -> String {
    first.iter().chain(then.iter()).cloned().collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(offset: i32) -> Day {
        Day::parse("t", "2026-10-01").unwrap().add_days(offset)
    }

    fn pain(offset: i32, score: u8) -> PainEntry {
        PainEntry { date: day(offset).iso(), score, stiffness_minutes: None, note: None, logged_at_ms: 0 }
    }

    fn run(offset: i32, km: f64, pain: Option<u8>) -> RunRecord {
        RunRecord { date: day(offset).iso(), distance_km: km, minutes: None, pain_during: pain, pain_after: None, surface: None, shoes: None }
    }

    fn guidance(red_flag: RedFlagLevel, pains: &[PainEntry], runs: &[RunRecord], planned: Option<f64>) -> RunningGuidance {
        running_guidance(&RunningInput { today: day(0), red_flag, pains, sessions: &[], runs, decisions: &[], planned_run_km: planned }).unwrap()
    }

    fn calm(today: u8) -> Vec<PainEntry> {
        vec![pain(-3, 3), pain(-2, 3), pain(-1, 3), pain(0, today)]
    }

    #[test]
    fn morning_pain_bands_set_the_state() {
        assert_eq!(guidance(RedFlagLevel::None, &calm(3), &[], None).state, RunningState::Green);
        assert_eq!(guidance(RedFlagLevel::None, &calm(4), &[], None).state, RunningState::Amber);
        let flare = guidance(RedFlagLevel::None, &calm(5), &[], None);
        assert_eq!(flare.state, RunningState::Red, "3 + 2 = flare");
        assert!(flare.reason.contains("walk-run") && flare.reason.contains("a flare"), "{}", flare.reason);
        assert!(flare.rules.contains(&"P3".to_string()));
    }

    #[test]
    fn only_urgent_and_no_impact_flags_say_not_to_run() {
        let urgent = guidance(RedFlagLevel::Urgent, &calm(3), &[], None);
        assert_eq!(urgent.state, RunningState::Red);
        assert!(urgent.reason.contains("don't run"));
        let high = guidance(RedFlagLevel::None, &[pain(0, 9)], &[], None);
        assert_eq!(high.state, RunningState::Red);
        assert!(!high.reason.contains("don't run") && high.reason.contains("walk-run"), "{}", high.reason);
        assert_eq!(guidance(RedFlagLevel::Refer, &calm(3), &[], None).state, RunningState::Amber);
        let no_impact = guidance(RedFlagLevel::ReferNoImpact, &calm(3), &[], None);
        assert_eq!(no_impact.state, RunningState::Red);
        assert!(no_impact.reason.contains("No running") && no_impact.reason.contains("cycling"), "{}", no_impact.reason);
        assert_eq!(no_impact.rules[0], "R2");
    }

    #[test]
    fn long_run_warning_above_ten_percent_of_the_30_day_longest() {
        let runs = [run(-30, 30.0, None), run(-10, 20.0, None), run(-3, 10.0, None)];
        let at_limit = guidance(RedFlagLevel::None, &calm(3), &runs, Some(22.0));
        assert_eq!(at_limit.longest_recent_km, Some(30.0), "day -30 is inside the window");
        let runs = [run(-31, 30.0, None), run(-10, 20.0, None)];
        let at_limit = guidance(RedFlagLevel::None, &calm(3), &runs, Some(22.0));
        assert_eq!(at_limit.longest_recent_km, Some(20.0), "day -31 is outside");
        assert!(at_limit.long_run_warning.is_none(), "exactly +10 % is allowed");
        assert_eq!(at_limit.state, RunningState::Green);
        let over = guidance(RedFlagLevel::None, &calm(3), &runs, Some(22.2));
        assert!(over.long_run_warning.unwrap().contains("20.0 km"));
        assert_eq!(over.state, RunningState::Amber);
    }

    #[test]
    fn painful_recent_run_and_missing_mornings() {
        let red = guidance(RedFlagLevel::None, &calm(3), &[run(-1, 8.0, Some(6))], None);
        assert_eq!(red.state, RunningState::Red);
        let amber = guidance(RedFlagLevel::None, &calm(3), &[run(-1, 8.0, Some(5))], None);
        assert_eq!(amber.state, RunningState::Amber);
        let unknown = guidance(RedFlagLevel::None, &[pain(-3, 2)], &[], None);
        assert_eq!(unknown.state, RunningState::Amber, "no morning in the last 3 days");
    }

    #[test]
    fn bad_inputs_are_rejected() {
        let input = |runs: &'static [RunRecord], planned: Option<f64>| {
            running_guidance(&RunningInput { today: day(0), red_flag: RedFlagLevel::None, pains: &[], sessions: &[], runs, decisions: &[], planned_run_km: planned })
        };
        let err = input(&[], Some(f64::NAN)).unwrap_err().to_string();
        assert!(err.contains("planned_run_km must be in 0..=400"), "{err}");
        let err = input(&[], Some(-1.0)).unwrap_err().to_string();
        assert!(err.contains("planned_run_km"), "{err}");
    }
}
