//! Running guidance (CLINICAL X2, A7, P1, P3): a green / amber / red state with the reason and what
//! to do, and a warning when a planned run is more than 10 % longer than the longest run of the
//! previous 30 days. "Reduce, don't eliminate": only an urgent (R1) or no-impact (R2) red flag says
//! not to run.

use crate::clinical::assessment::{KM_MAX, LONG_RUN_SPIKE, WEEKLY_INCREASE_LIMIT};
use crate::clinical::pain::{check_sessions, flare_on, mornings, Morning};
use crate::clinical::return_to_run::{self, ReturnToRunCheck, ReturnToRunState, RUN_PAIN_LIMIT};
use crate::day::Day;
use crate::error::{check_pain, check_real, Result};
use crate::model::{Decision, DecisionAction, PainEntry, Race, RaceVerdict, RedFlagLevel, RunRecord, RunningGuidance, RunningState, SessionRecord, Units};
use crate::model::distance;

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
    /// Weekly distance given at the latest assessment (X2's "reduce" before any run is logged).
    pub assessed_weekly_km: Option<f64>,
    /// The return-to-run self-tests taken (RR1).
    pub return_to_run_checks: &'a [ReturnToRunCheck],
    /// Distances in the advice are written in the runner's units.
    pub units: Units,
    /// The latest assessment found a gait finding (A6), even one set aside by V1.
    pub gait_finding: bool,
    /// The upcoming race given at the latest assessment (A8).
    pub race: Option<&'a Race>,
    /// The usual cadence given at the latest assessment (A6's baseline), steps/min.
    pub assessed_cadence_spm: Option<u32>,
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
/// rule X2 (seed): "reduce" is about two thirds of the runner's usual weekly distance ...
const REDUCE_FRACTION: f64 = 2.0 / 3.0;
/// ... and "usual" is the weekly average of the last 4 weeks of logged runs (design choice).
const USUAL_WEEKS: i32 = 4;
/// rule A7 (Nielsen 2014: > 30 % over 2 weeks): two-week blocks are compared.
const BLOCK_DAYS: i32 = 14;
/// rule A8: the race verdict is given in the last 14 days before the race (race day included).
const RACE_WINDOW_DAYS: i32 = 14;
/// rule A8: morning pain at most 3 on each of the last 7 logged mornings.
const RACE_MORNINGS: usize = 7;
const RACE_MORNING_LIMIT: u8 = 3;
/// design choice: a race is at least 1 km.
pub const RACE_KM_MIN: f64 = 1.0;

/// Kilometres of the runs dated `from..=to`.
fn km_between(runs: &[RunRecord], from: Day, to: Day) -> f64 {
    runs.iter().filter(|r| Day::parse("date", &r.date).is_ok_and(|d| d >= from && d <= to)).map(|r| r.distance_km).sum()
}

/// rule A7 (design for applying it): the distance of the days `from..=to`, counting logged runs only
/// from the day logging began (the first logged run) and, for the days before it, the assessment's
/// weekly distance spread over the week. `None` when days before logging began have no assessed
/// distance to stand in for them (unlogged days are never zero).
fn window_km(runs: &[RunRecord], began: Option<Day>, assessed_weekly_km: Option<f64>, from: Day, to: Day) -> Option<f64> {
    let began = began?;
    let logged = km_between(runs, from.max(began), to);
    if from >= began {
        return Some(logged);
    }
    let unlogged_days = to.min(began.add_days(-1)).days_since(from) + 1;
    let weekly = assessed_weekly_km?;
    Some(logged + weekly / 7.0 * f64::from(unlogged_days.max(0)))
}

/// design choice: "reduce" targets are rounded to whole kilometres (half kilometres under 10).
fn round_km(km: f64) -> f64 {
    if km < 10.0 { (km * 2.0).round() / 2.0 } else { km.round() }
}

/// rule X2: "reduce" as a number and the words that explain where it comes from.
fn reduce_target(runs: &[RunRecord], began: Option<Day>, today: Day, assessed_weekly_km: Option<f64>, units: Units) -> Option<(f64, String)> {
    let said = |km: f64| rounded_distance(km, units);
    let from = today.add_days(-7 * USUAL_WEEKS);
    let logged = runs.iter().any(|r| Day::parse("date", &r.date).is_ok_and(|d| d >= from && d < today));
    if logged {
        // rule A7: days before logging began count at the assessment's weekly distance; without one,
        // the average is over the logged days only (design choice, at least a week).
        let usual = match window_km(runs, began, assessed_weekly_km, from, today.add_days(-1)) {
            Some(km) => km / f64::from(USUAL_WEEKS as u32),
            None => {
                let days = began.map_or(7, |b| today.days_since(b).clamp(7, 7 * USUAL_WEEKS));
                km_between(runs, from, today.add_days(-1)) * 7.0 / f64::from(days)
            }
        };
        let target = round_km(usual * REDUCE_FRACTION);
        return Some((target, format!("about {} this week, 2/3 of your last 4 weeks' average of {}", said(target), said(usual))));
    }
    let weekly = assessed_weekly_km.filter(|km| *km > 0.0)?;
    let target = round_km(weekly * REDUCE_FRACTION);
    Some((target, format!("about {} this week, 2/3 of the {} a week you gave at your assessment", said(target), said(weekly))))
}

/// A rounded distance in the runner's units: "14 km", "8.5 km", "9 mi", "4.5 mi".
fn rounded_distance(km: f64, units: Units) -> String {
    let (value, unit) = match units {
        Units::Metric => (round_km(km), "km"),
        Units::Imperial => (round_km(km / crate::model::KM_PER_MILE), "mi"),
    };
    if value.fract() == 0.0 { format!("{value:.0} {unit}") } else { format!("{value:.1} {unit}") }
}

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

/// rule A7: the longest run dated in the 30 days before `day` (that day excluded).
fn longest_before(runs: &[RunRecord], day: Day) -> Option<f64> {
    runs.iter().filter(|r| recent(&r.date, day, LONG_RUN_WINDOW_DAYS)).map(|r| r.distance_km).fold(None, |acc: Option<f64>, km| Some(acc.map_or(km, |a| a.max(km))))
}

/// rule A7: the warning for a run of `km` on `day` that is more than 10 % longer than the longest
/// run of the 30 days before it, with that cap; `None` within the cap or with nothing to compare.
pub(crate) fn single_run_spike(runs: &[RunRecord], day: Day, km: f64) -> Option<(f64, f64)> {
    let longest = longest_before(runs, day).filter(|l| *l > 0.0)?;
    (km > longest * (1.0 + LONG_RUN_SPIKE)).then_some((longest, longest * (1.0 + LONG_RUN_SPIKE)))
}

/// rule A7, RR2: the warning for a run as it is logged (`runs` are the runs logged before it,
/// any dates): a single run beyond the cap of the 30 days before it, or, on the way back, a run
/// longer than the current walk-run step. `None` when the run is within its limits.
pub fn logged_run_warning(input: &RunningInput, run: &RunRecord) -> Result<Option<(String, String)>> {
    let day = Day::parse("date", &run.date)?;
    let mornings = mornings(input.pains)?;
    check_runs(input.runs)?;
    if let Some(step) = return_to_run::status(day, input.return_to_run_checks, input.runs, input.assessed_weekly_km, &mornings, input.units)
        .filter(|c| c.state == ReturnToRunState::WalkRun)
        .and_then(|c| c.step)
    {
        return Ok(step.overrun_by(run).then(|| (step.overrun_words(&return_to_run::run_words(run, input.units), false), "RR2".to_string())));
    }
    Ok(single_run_spike(input.runs, day, run.distance_km).map(|(longest, cap)| {
        let words = format!(
            "This {} run is {:.0} % longer than your longest run of the 30 days before it ({}; about {} would have been within 10 %). Single runs more than 10 % longer than that raise the injury risk: watch the next two mornings, and lengthen long runs by no more than 10 % at a time.",
            distance(run.distance_km, input.units),
            (run.distance_km / longest - 1.0) * 100.0,
            distance(longest, input.units),
            distance(cap, input.units)
        );
        (words, "A7".to_string())
    }))
}

/// rule A7: a flare on `today` within 2 days after a run beyond its cap names that run.
fn likely_trigger(runs: &[RunRecord], today: Day, units: Units) -> Option<String> {
    let mut candidates: Vec<&RunRecord> = runs.iter().filter(|r| recent(&r.date, today, RECENT_DAYS)).collect();
    crate::sort::sort_by(&mut candidates, |a, b| b.date.cmp(&a.date));
    candidates.into_iter().find_map(|r| {
        let day = Day::parse("date", &r.date).ok()?;
        let (longest, _) = single_run_spike(runs, day, r.distance_km)?;
        Some(format!(
            "the likely trigger is your {} run on {}, {:.0} % longer than your longest of the 30 days before it ({})",
            distance(r.distance_km, units),
            r.date,
            (r.distance_km / longest - 1.0) * 100.0,
            distance(longest, units)
        ))
    })
}

/// rule A8: the verdict about a race in the next 14 days (race day included).
fn race_verdict(input: &RunningInput, mornings: &[Morning], returning_not_passed: bool) -> Option<RaceVerdict> {
    let race = input.race?;
    let on = Day::parse("race.date", &race.date).ok()?;
    let days_to_go = on.days_since(input.today);
    if !(0..=RACE_WINDOW_DAYS).contains(&days_to_go) {
        return None;
    }
    let today = input.today;
    let mut reasons: Vec<String> = Vec::new();
    match input.red_flag {
        RedFlagLevel::Urgent | RedFlagLevel::ReferNoImpact => {
            reasons.push("your safety screen says no running until a clinician has checked your heel".into())
        }
        RedFlagLevel::Refer => reasons.push("your safety screen asks you to see a clinician first".into()),
        RedFlagLevel::None => {}
    }
    if returning_not_passed {
        reasons.push("you are coming back after a break and have not passed the return-to-run self-test".into());
    }
    let last: Vec<&Morning> = mornings.iter().filter(|m| m.day <= today).rev().take(RACE_MORNINGS).collect();
    if last.len() < RACE_MORNINGS {
        reasons.push(format!("only {} of the last 7 mornings are logged, so FirstStep cannot tell how the heel is settling", last.len()));
    } else {
        let high: Vec<&&Morning> = last.iter().filter(|m| m.score > RACE_MORNING_LIMIT).collect();
        if let Some(max) = high.iter().map(|m| m.score).max() {
            reasons.push(format!("your morning pain was above 3 on {} of your last 7 logged mornings (up to {max})", high.len()));
        }
    }
    let sore = input
        .runs
        .iter()
        .filter(|r| Day::parse("date", &r.date).is_ok_and(|d| d <= today && today.days_since(d) < RACE_WINDOW_DAYS))
        .filter_map(|r| r.pain_during.max(r.pain_after).map(|p| (p, r)))
        .filter(|(p, _)| *p > RUN_PAIN_LIMIT)
        .max_by_key(|(p, _)| *p);
    if let Some((p, r)) = sore {
        reasons.push(format!("a run in the last 14 days hurt {p} out of 10 (on {}), above the 3 that running allows", r.date));
    }
    let go = reasons.is_empty();
    let when = match days_to_go {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    };
    let race_words = format!("Your {} race on {} ({when})", distance(race.distance_km, input.units), race.date);
    let verdict = if go {
        format!(
            "{race_words}: you can race it with an easy plan — start slower than your goal pace, walk if the heel asks, keep pain during the run at 3 or less — and expect some flare risk in the days after; log the next mornings."
        )
    } else {
        format!(
            "{race_words}: better not to race this time — defer to a later race, or run it as an easy run-walk only if you and a clinician agree. Why: {}.",
            reasons.join("; ")
        )
    };
    Some(RaceVerdict { date: race.date.clone(), distance_km: race.distance_km, days_to_go: days_to_go as u32, go, verdict, reasons })
}

/// rule A6: the cadence cue on every day the runner may run, with a gait finding.
const CADENCE_CUE: &str = "Cadence: take slightly shorter, quicker steps, about 5–10 % more steps a minute than your usual easy running (not a fixed number).";

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
    for check in input.return_to_run_checks {
        Day::parse("return_to_run.date", &check.date)?;
    }
    if let Some(race) = input.race {
        Day::parse("race.date", &race.date)?;
        check_real("race.distance_km", race.distance_km, RACE_KM_MIN, KM_MAX)?;
    }
    let forbidden = matches!(input.red_flag, RedFlagLevel::Urgent | RedFlagLevel::ReferNoImpact);
    let return_to_run = if forbidden {
        None
    } else {
        return_to_run::status(today, input.return_to_run_checks, input.runs, input.assessed_weekly_km, &mornings, input.units)
    };
    // rule RR2: returning and not yet passed → "not yet: walk and cross-train".
    let returning_not_passed = return_to_run.as_ref().is_some_and(|r| matches!(r.state, ReturnToRunState::Offered | ReturnToRunState::NotYet));
    let walk_run = return_to_run.as_ref().filter(|r| r.state == ReturnToRunState::WalkRun).and_then(|r| r.step.clone());
    let on_the_way_back = returning_not_passed || walk_run.is_some();
    let race = race_verdict(input, &mornings, returning_not_passed);
    let cadence = if forbidden || returning_not_passed { None } else { super::cadence::cadence_progress(today, input.runs, input.assessed_cadence_spm) };
    let race_day = race.as_ref().is_some_and(|r| r.days_to_go == 0);

    // rule A7: longest run in the previous 30 days (today excluded); a planned run beyond 10 % over
    // it caps that run (not the week). On race day the race verdict is the advice (A8); on the way
    // back the walk-run step is the limit (RR2).
    let longest_recent_km = longest_before(input.runs, today);
    let spike = input.planned_run_km.filter(|_| !race_day && !on_the_way_back).and_then(|km| single_run_spike(input.runs, today, km).map(|s| (km, s)));
    let run_cap_km = spike.map(|(_, (_, cap))| cap);
    let long_run_warning = match (&walk_run, input.planned_run_km, spike) {
        (Some(step), Some(planned), _) if planned > step.distance_limit_km() => {
            Some(step.overrun_words(&format!("Your planned {}", distance(planned, input.units)), true))
        }
        (_, _, Some((planned, (longest, cap)))) => Some(format!(
            "Your planned {} is {:.0} % longer than your longest run of the last 30 days ({}). Single runs more than 10 % longer than that raise the injury risk: keep this run to about {}; the rest of your week can stay as it is.",
            distance(planned, input.units),
            (planned / longest - 1.0) * 100.0,
            distance(longest, input.units),
            distance(cap, input.units)
        )),
        _ => None,
    };

    // rule A7 (Nielsen 2014, > 30 % over 2 weeks): the last 2 weeks against the 2 weeks before.
    // design choice: two-week blocks, so a run every 3–4 days does not alias a 7-day window;
    // today's planned run is judged by the single-run rule above. Days before logging began count
    // at the assessment's weekly distance, and falling volume (a taper) is never a spike.
    let began = input.runs.iter().filter_map(|r| Day::parse("date", &r.date).ok()).filter(|d| *d <= today).min();
    let weekly_km = began.map(|_| km_between(input.runs, today.add_days(-6), today));
    let block = |from: i32, to: i32| window_km(input.runs, began, input.assessed_weekly_km, today.add_days(-from), today.add_days(-to));
    let (recent_block, prior_block) = (block(BLOCK_DAYS - 1, 0), block(2 * BLOCK_DAYS - 1, BLOCK_DAYS));
    let (last_week, week_before) = (block(6, 0), block(13, 7));
    let taper = matches!((last_week, week_before), (Some(a), Some(b)) if a < b);
    let reduce = if on_the_way_back { None } else { reduce_target(input.runs, began, today, input.assessed_weekly_km, input.units) };
    let spike_2w = match (recent_block, prior_block) {
        (Some(recent), Some(prior)) if !on_the_way_back && !taper && prior > 0.0 && recent > prior * (1.0 + WEEKLY_INCREASE_LIMIT) => Some((recent, prior)),
        _ => None,
    };
    // One number for the week (A7 design): with a 2-week spike, this week's target is the lower
    // of X2's reduce and half of the 2-week limit, and the warning says the same number.
    let reduce_to_km = match (reduce.as_ref().map(|(km, _)| *km), spike_2w) {
        (Some(km), Some((_, prior))) => Some(km.min(round_km(prior * (1.0 + WEEKLY_INCREASE_LIMIT) / 2.0))),
        (None, Some((_, prior))) => Some(round_km(prior * (1.0 + WEEKLY_INCREASE_LIMIT) / 2.0)),
        (km, None) => km,
    };
    let weekly_warning = spike_2w.map(|(recent, prior)| {
        format!(
            "Your last 2 weeks' {} are {:.0} % more than the {} of the 2 weeks before. Increases of more than 30 % over 2 weeks raise the injury risk: keep this week to about {}.",
            distance(recent, input.units),
            (recent / prior - 1.0) * 100.0,
            distance(prior, input.units),
            rounded_distance(reduce_to_km.unwrap_or(prior), input.units)
        )
    });
    let trigger = flare_on(&mornings, today).and_then(|_| likely_trigger(input.runs, today, input.units));
    let trigger_sentence = trigger.as_ref().map(|t| format!("This morning's flare: {t}."));
    let done = |state: RunningState, reason: String, rules: Vec<String>, return_to_run| RunningGuidance {
        state,
        reason,
        rules,
        longest_recent_km,
        long_run_warning: long_run_warning.clone(),
        weekly_km,
        weekly: weekly_km.map(|km| distance(km, input.units)),
        weekly_warning: weekly_warning.clone(),
        reduce_to_km,
        reduce_to: reduce_to_km.map(|km| rounded_distance(km, input.units)),
        return_to_run,
        run_cap_km,
        run_cap: run_cap_km.map(|km| distance(km, input.units)),
        likely_trigger: trigger_sentence.clone(),
        race: race.clone(),
        // rule A6: where the files carry a cadence, on the days the runner may run.
        cadence_spm: cadence.as_ref().map(|c| c.0),
        cadence_progress: cadence.as_ref().map(|c| c.1.clone()),
    };

    // rules R1 and R2: the only cases where FirstStep says not to run (X2).
    if input.red_flag == RedFlagLevel::Urgent {
        let reason = "Please don't run for now: your safety screen found a warning sign that needs a clinician today (rule R1).".into();
        return Ok(done(RunningState::Red, reason, vec!["R1".into()], None));
    }
    if input.red_flag == RedFlagLevel::ReferNoImpact {
        let reason = "No running, jumping or heavy loading until a clinician has checked your heel: your safety screen found a sign that needs a look first (rule R2). \
                Keep your fitness with cycling, swimming or pool running, as long as they do not hurt."
            .into();
        return Ok(done(RunningState::Red, reason, vec!["R2".into(), "X2".into()], None));
    }

    let mut red: Vec<String> = Vec::new();
    let mut amber: Vec<String> = Vec::new();
    let mut rules: Vec<&'static str> = vec!["X2"];

    let latest = mornings.iter().rev().find(|m| m.day <= today && today.days_since(m.day) < MORNING_FRESH_DAYS);
    if let Some(flare) = flare_on(&mornings, today) {
        match &trigger {
            Some(t) => red.push(format!("{} — a flare; {t}", flare.words())),
            None => red.push(format!("{} — a flare (rule P3)", flare.words())),
        }
        cite("P3", &mut rules);
        if trigger.is_some() {
            cite("A7", &mut rules);
        }
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
            // rule RR1 (running allows 3), P1 (more than 5 is too much for any exercise).
            red.push(format!("a run in the last 2 days hurt {p} out of 10, well above the 3 that running allows"));
            cite("RR1", &mut rules);
            cite("P1", &mut rules);
        } else if p > RUN_PAIN_LIMIT {
            amber.push(format!("a run in the last 2 days hurt {p} out of 10, above the 3 that running allows (rule RR1)"));
            cite("RR1", &mut rules);
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
    if long_run_warning.is_some() || weekly_warning.is_some() {
        cite("A7", &mut rules);
    }
    if weekly_warning.is_some() {
        amber.push("your last 2 weeks of running are more than 30 % above the 2 weeks before".into());
    }
    if return_to_run.is_some() {
        cite("RR1", &mut rules);
    }
    if on_the_way_back {
        cite("RR2", &mut rules);
    }
    if let Some(race) = &race {
        cite("A8", &mut rules);
        if !race.go {
            amber.push(format!("your race on {} is better not raced this time (see the race advice)", race.date));
        }
    }
    let shorter = match &reduce {
        Some((_, words)) => match reduce_to_km {
            Some(km) if Some(km) != reduce.as_ref().map(|(k, _)| *k) => format!("about {} this week, to stay within 30 % over 2 weeks", rounded_distance(km, input.units)),
            _ => words.clone(),
        },
        None => match reduce_to_km {
            Some(km) => format!("about {} this week, to stay within 30 % over 2 weeks", rounded_distance(km, input.units)),
            None => "runs of 20–30 minutes for now (log your runs and this becomes a distance)".to_string(),
        },
    };
    let cap_words = run_cap_km.map(|km| format!(" Keep today's run to about {}, no more than 10 % over your longest run of the last 30 days.", distance(km, input.units)));

    let (state, reason) = if returning_not_passed {
        // rule RR2: until the self-test passes, no running yet — never more than a pass allows. The
        // return-to-run card beside it says what the test asks or what is still missing.
        let why = join(&red, &amber);
        let why = if why.is_empty() { String::new() } else { format!(" Also: {why}.") };
        (
            if red.is_empty() { RunningState::Amber } else { RunningState::Red },
            format!(
                "Not yet: walk and cross-train for now — brisk walks, cycling, swimming or pool running, as long as they do not hurt — and keep up your exercises; running starts again with a walk-run once the return-to-run self-test passes.{why}"
            ),
        )
    } else if !red.is_empty() {
        (
            RunningState::Red,
            format!(
                "Reduce running substantially today, but keep moving: a short easy walk-run (1 minute running, 1 minute walking, about 20 minutes) on flat, soft ground, stopping if pain goes above 3 (rules X2, RR1). Why: {}.",
                join(&red, &amber)
            ),
        )
    } else if let Some(step) = &walk_run {
        // rule RR1/RR2: on the way back, the walk-run step is today's run.
        let why = if amber.is_empty() { String::new() } else { format!(" Take it easy: {}.", amber.join("; ")) };
        (
            RunningState::Amber,
            format!(
                "Today's run is walk-run step {} of {}: {}, on flat ground; keep pain during the run at 3 or less and check tomorrow's morning pain (rule RR1).{why}",
                step.step, step.of_steps, step.description
            ),
        )
    } else if !amber.is_empty() {
        (
            RunningState::Amber,
            format!(
                "Run easy and shorter: {shorter} (rule X2), at a relaxed, conversational pace on flat ground; keep pain during the run at 3 or less (rule RR1) and check tomorrow's morning pain.{} Why: {}.",
                cap_words.clone().unwrap_or_default(),
                amber.join("; ")
            ),
        )
    } else if let Some(cap) = cap_words {
        // rule A7: the long run is capped; the week stays as it is.
        let why = latest.map_or(String::new(), |m| format!(" Your morning pain was {}.", m.score));
        (
            RunningState::Amber,
            format!("Your week can stay as planned.{cap} Keep pain during the run at 3 or less and check that tomorrow's morning pain is no worse.{why}"),
        )
    } else {
        let why = latest.map_or(String::new(), |m| format!(" Your morning pain was {}.", m.score));
        (
            RunningState::Green,
            format!("Run as planned at an easy-to-moderate effort; keep pain during the run at 3 or less (rule RR1) and check that tomorrow's morning pain is no worse.{why}"),
        )
    };
    // rule A6: the cadence cue on every day the runner may run.
    let reason = if input.gait_finding && !returning_not_passed { format!("{reason} {CADENCE_CUE}") } else { reason };
    if input.gait_finding && !returning_not_passed {
        cite("A6", &mut rules);
    }
    Ok(done(state, reason, rules.into_iter().map(String::from).collect(), return_to_run))
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
        RunRecord { date: day(offset).iso(), distance_km: km, minutes: None, pain_during: pain, pain_after: None, surface: None, shoes: None, ..Default::default() }
    }

    fn guidance_result(red_flag: RedFlagLevel, pains: &[PainEntry], runs: &[RunRecord], planned: Option<f64>) -> Result<RunningGuidance> {
        running_guidance(&RunningInput { red_flag, planned_run_km: planned, ..input(pains, runs) })
    }

    fn guidance(red_flag: RedFlagLevel, pains: &[PainEntry], runs: &[RunRecord], planned: Option<f64>) -> RunningGuidance {
        guidance_result(red_flag, pains, runs, planned).unwrap()
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
        let input = |runs: &'static [RunRecord], planned: Option<f64>| guidance_result(RedFlagLevel::None, &[], runs, planned);
        let err = input(&[], Some(f64::NAN)).unwrap_err().to_string();
        assert!(err.contains("planned_run_km must be in 0..=400"), "{err}");
        let err = input(&[], Some(-1.0)).unwrap_err().to_string();
        assert!(err.contains("planned_run_km"), "{err}");
    }

    #[test]
    fn reduce_is_a_distance_from_the_runners_own_logs_or_the_assessment() {
        // rule X2: 4 weeks of 12 km (three 4 km runs a week) → about 8 km this week.
        let runs: Vec<RunRecord> = (1..=28).filter(|d| d % 7 < 3).map(|d| run(-d, 4.0, Some(1))).collect();
        let amber = guidance(RedFlagLevel::None, &calm(4), &runs, None);
        assert_eq!((amber.state, amber.reduce_to_km), (RunningState::Amber, Some(8.0)));
        assert!(amber.reason.contains("about 8 km this week, 2/3 of your last 4 weeks' average of 12 km"), "{}", amber.reason);
        assert!(amber.reason.contains("3 or less (rule RR1)") && !amber.reason.contains("two thirds of your usual"), "{}", amber.reason);
        // No run logged: from the assessment's weekly distance; in miles for an imperial runner.
        let from_assessment = running_guidance(&RunningInput { assessed_weekly_km: Some(30.0), ..input(&calm(4), &[]) }).unwrap();
        assert_eq!(from_assessment.reduce_to_km, Some(20.0));
        assert!(from_assessment.reason.contains("2/3 of the 30 km a week you gave at your assessment"), "{}", from_assessment.reason);
        let miles = running_guidance(&RunningInput { assessed_weekly_km: Some(30.0), units: Units::Imperial, ..input(&calm(4), &[]) }).unwrap();
        assert!(miles.reason.contains("about 12 mi this week, 2/3 of the 19 mi a week") && !miles.reason.contains(" km"), "{}", miles.reason);
        // The number the cards show is in the runner's units too, the same as the advice says.
        assert_eq!((from_assessment.reduce_to.as_deref(), miles.reduce_to.as_deref()), (Some("20 km"), Some("12 mi")));
        assert_eq!(amber.reduce_to.as_deref(), Some("8 km"));
        // Nothing to go on: still a number, never "two thirds of your usual".
        let none = guidance(RedFlagLevel::None, &calm(4), &[], None);
        assert!(none.reduce_to_km.is_none() && none.reason.contains("20–30 minutes"), "{}", none.reason);
    }

    #[test]
    fn two_week_volume_above_30_percent_warns() {
        // rule A7: 20 km in days 14–27 before (logging began on day -27), then 26 km (exactly +30 %) or 27 km in the last 14 days.
        let before = [run(-20, 10.0, Some(1)), run(-27, 10.0, Some(1))];
        let at_limit: Vec<RunRecord> = before.iter().cloned().chain([run(-2, 13.0, Some(1)), run(-6, 13.0, Some(1))]).collect();
        assert!(guidance(RedFlagLevel::None, &calm(2), &at_limit, None).weekly_warning.is_none());
        let over: Vec<RunRecord> = before.iter().cloned().chain([run(-2, 13.0, Some(1)), run(-6, 14.0, Some(1))]).collect();
        let warned = guidance(RedFlagLevel::None, &calm(2), &over, None);
        assert_eq!(warned.state, RunningState::Amber);
        assert!(warned.weekly_warning.as_deref().is_some_and(|w| w.contains("35 % more than the 20.0 km")), "{:?}", warned.weekly_warning);
        assert_eq!(warned.weekly_km, Some(27.0), "the last 7 days");
        assert_eq!(warned.weekly.as_deref(), Some("27.0 km"));
        let miles = running_guidance(&RunningInput { units: Units::Imperial, ..input(&calm(2), &over) }).unwrap();
        assert_eq!(miles.weekly.as_deref(), Some("16.8 mi"));
    }

    #[test]
    fn a_run_that_hurt_4_is_above_what_running_allows() {
        // rule RR1: pain during a run stays at 3 or less in every state.
        let amber = guidance(RedFlagLevel::None, &calm(2), &[run(-1, 5.0, Some(4))], None);
        assert_eq!(amber.state, RunningState::Amber);
        assert!(amber.reason.contains("above the 3 that running allows (rule RR1)"), "{}", amber.reason);
        assert_eq!(guidance(RedFlagLevel::None, &calm(2), &[run(-1, 5.0, Some(3))], None).state, RunningState::Green);
    }

    fn input<'a>(pains: &'a [PainEntry], runs: &'a [RunRecord]) -> RunningInput<'a> {
        RunningInput {
            today: day(0),
            red_flag: RedFlagLevel::None,
            pains,
            sessions: &[],
            runs,
            decisions: &[],
            planned_run_km: None,
            assessed_weekly_km: None,
            return_to_run_checks: &[],
            units: Units::Metric,
            gait_finding: false,
            race: None,
            assessed_cadence_spm: None,
        }
    }
}
