//! Return to running (CLINICAL RR1, *design* from common sports-physio practice): a self-test the
//! runner takes from the running card, then a walk-run progression gated by pain during the run
//! (≤ 3, stricter than P1's 5 for exercises: running is repeated impact) and the weekly limit (A7).


use crate::clinical::pain::{flare_on, Morning};
use crate::day::Day;
use crate::error::{check_int, check_pain, Result};
use crate::model::{RunRecord, Units};

/// rule RR1: morning pain at most 2 on each of the last 7 logged mornings.
pub const MORNINGS_NEEDED: usize = 7;
/// rule RR1: the mornings', the brisk walk's and the hops' pain limit.
pub const TEST_PAIN_LIMIT: u8 = 2;
/// rule RR1 (A2): single-leg heel raises on the affected side, or ≥ 90 % of the other side.
pub const HEEL_RAISES_NEEDED: u32 = 25;
pub const HEEL_RAISE_SYMMETRY: f64 = 0.9;
/// rule RR1: pain during a run stays at 3 or less in every running state.
pub const RUN_PAIN_LIMIT: u8 = 3;
/// design choice: heel raises are counted up to 100 (typos such as 250 are refused).
const HEEL_RAISES_MAX: i64 = 100;
/// design choice: two comfortable runs at a walk-run step unlock the next one (5 steps, a run every
/// other day: about 3 weeks, RR1's "over 2–3 weeks").
pub const RUNS_PER_STEP: u32 = 2;

pub use crate::model::{ReturnToRun, ReturnToRunAnswers, ReturnToRunCheck, ReturnToRunCriterion, ReturnToRunState, WalkRunStep};

/// design choice: the walk-run steps (RR1: 1 min run / 1 min walk × 10 → continuous 20 min),
/// each about 20 minutes.
const STEPS: [(u32, u32, u32); 5] = [(1, 1, 10), (2, 1, 7), (4, 1, 4), (9, 1, 2), (20, 0, 1)];

fn step(index: usize, runs_done: u32) -> WalkRunStep {
    let (run, walk, repeats) = STEPS[index];
    let description = if walk == 0 {
        format!("{run} min continuous easy running")
    } else {
        format!("{run} min running, {walk} min walking, × {repeats} ({} min)", (run + walk) * repeats)
    };
    WalkRunStep {
        step: index as u32 + 1,
        of_steps: STEPS.len() as u32,
        run_minutes: run,
        walk_minutes: walk,
        repeats,
        description,
        runs_done,
        runs_needed: RUNS_PER_STEP,
    }
}

/// Validates the answers (every field named with its range).
pub fn check_answers(answers: &ReturnToRunAnswers) -> Result<()> {
    check_pain("walk_pain", i64::from(answers.walk_pain))?;
    check_pain("hop_pain", i64::from(answers.hop_pain))?;
    check_int("heel_raises_affected", i64::from(answers.heel_raises_affected), 0, HEEL_RAISES_MAX)?;
    if let Some(other) = answers.heel_raises_other {
        check_int("heel_raises_other", i64::from(other), 0, HEEL_RAISES_MAX)?;
    }
    Ok(())
}

/// rule RR1: grades the self-test taken on `date` against the logged mornings (`pains`, any order).
pub fn grade_test(date: Day, answers: &ReturnToRunAnswers, pains: &[crate::model::PainEntry]) -> Result<ReturnToRunCheck> {
    grade(date, answers, &crate::clinical::pain::mornings(pains)?)
}

/// rule RR1: grades the self-test taken on `date`. `mornings` is the morning history (any order).
pub(crate) fn grade(date: Day, answers: &ReturnToRunAnswers, mornings: &[Morning]) -> Result<ReturnToRunCheck> {
    check_answers(answers)?;
    let mut recent: Vec<&Morning> = mornings.iter().filter(|m| m.day <= date).collect();
    crate::sort::sort_by_key(&mut recent, |m| std::cmp::Reverse(m.day));
    recent.truncate(MORNINGS_NEEDED);
    recent.reverse();
    let scores: Vec<String> = recent.iter().map(|m| m.score.to_string()).collect();
    let mornings_ok = recent.len() == MORNINGS_NEEDED && recent.iter().all(|m| m.score <= TEST_PAIN_LIMIT);
    let mornings_detail = if recent.len() < MORNINGS_NEEDED {
        format!("{} of 7 mornings logged ({})", recent.len(), if scores.is_empty() { "none".into() } else { scores.join(", ") })
    } else {
        format!("last 7 mornings: {}", scores.join(", "))
    };
    let (affected, other) = (answers.heel_raises_affected, answers.heel_raises_other);
    let raises_ok = affected >= HEEL_RAISES_NEEDED || other.is_some_and(|o| o > 0 && f64::from(affected) >= HEEL_RAISE_SYMMETRY * f64::from(o));
    let raises_detail = match other {
        Some(o) if o > 0 => format!("{affected} on the affected side, {o} on the other ({:.0} %)", 100.0 * f64::from(affected) / f64::from(o)),
        _ => format!("{affected} on the affected side"),
    };
    let criteria = vec![
        ReturnToRunCriterion {
            id: "mornings".into(),
            label: "Morning first-step pain 2 or less on each of the last 7 logged mornings".into(),
            passed: mornings_ok,
            detail: mornings_detail,
        },
        ReturnToRunCriterion {
            id: "walk".into(),
            label: "A 30-minute brisk walk with pain 2 or less".into(),
            passed: answers.walk_pain <= TEST_PAIN_LIMIT,
            detail: format!("pain {}", answers.walk_pain),
        },
        ReturnToRunCriterion {
            id: "heel_raises".into(),
            label: "25 single-leg heel raises on the affected side, or at least 90 % of the other side".into(),
            passed: raises_ok,
            detail: raises_detail,
        },
        ReturnToRunCriterion {
            id: "hops".into(),
            label: "10 single-leg hops on the affected side with pain 2 or less".into(),
            passed: answers.hop_pain <= TEST_PAIN_LIMIT,
            detail: format!("pain {}", answers.hop_pain),
        },
    ];
    let passed = criteria.iter().all(|c| c.passed);
    let advice = if passed {
        format!(
            "You are ready to start running again with a walk-run: {}, every other day, keeping pain during the run at 3 or less (rule RR1).",
            step(0, 0).description
        )
    } else {
        let missing: Vec<&str> = criteria.iter().filter(|c| !c.passed).map(|c| c.label.as_str()).collect();
        format!(
            "Not yet — keep up the program, walking and cross-training, and take the test again in about a week. Still to reach: {} (rule RR1).",
            missing.join("; ").to_lowercase()
        )
    };
    Ok(ReturnToRunCheck { date: date.iso(), answers: answers.clone(), passed, criteria, advice })
}

/// design choice: the self-test is offered once no run has been logged for 14 days; rule RR2: such a
/// runner is returning.
pub const OFFER_AFTER_DAYS_WITHOUT_RUNS: i32 = 14;
/// design choice (RR2): a run is longer than its walk-run step when its minutes are more than 10 %
/// over the step's (A7's 10 %), or, without minutes, when its distance is more than the step covers
/// at an easy 6 minutes per km, plus 10 %.
const STEP_OVERRUN: f64 = 0.10;
pub const STEP_MINUTES_PER_KM: f64 = 6.0;
/// design choice (RR2): a flare (P3) on either of the 2 mornings after a walk-run run means that run
/// does not count and the step starts its count again.
const FLARE_AFTER_RUN_DAYS: i32 = 2;

/// A run counts as comfortable when pain during and after it stayed at 3 or less (RR1).
fn comfortable(run: &RunRecord) -> bool {
    run.pain_during.unwrap_or(0) <= RUN_PAIN_LIMIT && run.pain_after.unwrap_or(0) <= RUN_PAIN_LIMIT
}

impl WalkRunStep {
    /// The step's whole session in minutes (walking included).
    pub fn total_minutes(&self) -> u32 {
        (self.run_minutes + self.walk_minutes) * self.repeats
    }

    /// The most distance the step covers (design choice: 6 min/km plus 10 %), for a run logged
    /// without its minutes.
    pub fn distance_limit_km(&self) -> f64 {
        f64::from(self.total_minutes()) / STEP_MINUTES_PER_KM * (1.0 + STEP_OVERRUN)
    }

    /// rule RR2: the run is longer than this step.
    pub fn overrun_by(&self, run: &RunRecord) -> bool {
        match run.minutes {
            Some(minutes) => minutes > f64::from(self.total_minutes()) * (1.0 + STEP_OVERRUN),
            None => run.distance_km > self.distance_limit_km(),
        }
    }

    /// The words of the RR2 warning for a run (or, `planned`, a planned distance) longer than this step.
    pub fn overrun_words(&self, what: &str, planned: bool) -> String {
        format!(
            "{what} is longer than your walk-run step ({}), so it {} toward the next step. \
             Runs longer than the step raise the injury risk on the way back: keep to the step until it moves on.",
            self.description,
            if planned { "would not count" } else { "does not count" }
        )
    }
}

/// How a run reads in a warning: "Your 60 min run on 2026-10-05" or "Your 12.0 km run on …".
pub fn run_words(run: &RunRecord, units: Units) -> String {
    match run.minutes {
        Some(m) => format!("Your {m:.0} min run on {}", run.date),
        None => format!("Your {} run on {}", crate::model::distance(run.distance_km, units), run.date),
    }
}

/// The return-to-run card for `today`, or `None` when the runner is running normally.
/// `checks` are the stored self-tests (any order), `runs` the logged runs; `assessed_weekly_km` is
/// the weekly distance given at the assessment (0 means the runner had stopped); `mornings` the
/// morning history (a flare after a walk-run run keeps the step, RR2).
pub(crate) fn status(today: Day, checks: &[ReturnToRunCheck], runs: &[RunRecord], assessed_weekly_km: Option<f64>, mornings: &[Morning], units: Units) -> Option<ReturnToRun> {
    let last_run = runs.iter().filter_map(|r| Day::parse("date", &r.date).ok()).filter(|d| *d <= today).max();
    let latest = checks.iter().filter(|c| Day::parse("date", &c.date).is_ok_and(|d| d <= today)).max_by(|a, b| a.date.cmp(&b.date));
    // rule RR2: a pass is for the break it ended; a new break of 14 days asks for the test again.
    let latest = latest.filter(|c| {
        let Ok(on) = Day::parse("date", &c.date) else { return false };
        !c.passed || today.days_since(last_run.map_or(on, |r| r.max(on))) < OFFER_AFTER_DAYS_WITHOUT_RUNS
    });
    let Some(check) = latest else {
        // rule RR2: returning — runs logged before but none for 14 days, or "0 km a week" at the
        // assessment (until a pass). Someone who never logs runs and said they run is not nagged.
        let idle = match last_run {
            Some(d) => today.days_since(d) >= OFFER_AFTER_DAYS_WITHOUT_RUNS || assessed_weekly_km == Some(0.0),
            None => assessed_weekly_km == Some(0.0),
        };
        return idle.then(|| ReturnToRun {
            state: ReturnToRunState::Offered,
            text: "Coming back after a break: not running yet. Walk and cross-train for now, and once your mornings have settled take the return-to-run self-test — 7 calm mornings, a brisk 30-minute walk, 25 heel raises and 10 hops. A pass starts a walk-run.".into(),
            last_check: None,
            step: None,
        });
    };
    if !check.passed {
        return Some(ReturnToRun { state: ReturnToRunState::NotYet, text: check.advice.clone(), last_check: Some(check.clone()), step: None });
    }
    // rule RR1/RR2: walk the steps with the runs logged since the pass. A run that hurt more than 3
    // goes back one step; a run longer than the step, or followed by a flare, does not count.
    let passed_on = Day::parse("date", &check.date).ok()?;
    let mut since: Vec<&RunRecord> =
        runs.iter().filter(|r| Day::parse("date", &r.date).is_ok_and(|d| d >= passed_on && d <= today)).collect();
    crate::sort::sort_by(&mut since, |a, b| a.date.cmp(&b.date));
    let (mut index, mut good) = (0usize, 0u32);
    let mut note: Option<String> = None;
    for run in since {
        let at = step(index, good);
        let run_day = Day::parse("date", &run.date).ok()?;
        let flared = (1..=FLARE_AFTER_RUN_DAYS).map(|d| run_day.add_days(d)).find(|d| *d <= today && flare_on(mornings, *d).is_some());
        if !comfortable(run) {
            index = index.saturating_sub(1);
            good = 0;
            note = Some(format!(" The run on {} hurt more than 3, so this step repeats.", run.date));
        } else if at.overrun_by(run) {
            note = Some(format!(" {}", at.overrun_words(&run_words(run, units), false)));
        } else if let Some(d) = flared {
            good = 0;
            note = Some(format!(" Your morning pain flared on {} after the run on {}, so this step starts again.", d.iso(), run.date));
        } else {
            good += 1;
            note = None;
            if good == RUNS_PER_STEP {
                index += 1;
                good = 0;
            }
        }
        if index == STEPS.len() {
            break;
        }
    }
    if index == STEPS.len() {
        return Some(ReturnToRun {
            state: ReturnToRunState::Complete,
            text: "Walk-run done: you are back to continuous running. Build up gradually — single runs within 10 % of your longest of the last 30 days, weeks within 30 % (rule A7) — and keep the calf work twice a week (E7).".into(),
            last_check: Some(check.clone()),
            step: None,
        });
    }
    let current = step(index, good);
    let mut text = format!(
        "Walk-run step {} of {}: {}, every other day. Keep pain during the run at 3 or less; {} comfortable run(s) here unlock the next step (rule RR1).",
        current.step,
        current.of_steps,
        current.description,
        RUNS_PER_STEP - good
    );
    if let Some(note) = note {
        text.push_str(&note);
    }
    Some(ReturnToRun { state: ReturnToRunState::WalkRun, text, last_check: Some(check.clone()), step: Some(current) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(offset: i32) -> Day {
        Day::parse("t", "2026-10-01").unwrap().add_days(offset)
    }

    fn mornings(scores: &[u8]) -> Vec<Morning> {
        scores.iter().enumerate().map(|(i, s)| Morning { day: day(i as i32 - scores.len() as i32 + 1), score: *s }).collect()
    }

    fn answers(walk: u8, affected: u32, other: Option<u32>, hops: u8) -> ReturnToRunAnswers {
        ReturnToRunAnswers { walk_pain: walk, heel_raises_affected: affected, heel_raises_other: other, hop_pain: hops }
    }

    fn run(offset: i32, pain: u8) -> RunRecord {
        RunRecord { date: day(offset).iso(), distance_km: 3.0, minutes: Some(20.0), pain_during: Some(pain), pain_after: None, surface: None, shoes: None, ..Default::default() }
    }

    #[test]
    fn every_criterion_must_pass_at_its_limit() {
        let calm = mornings(&[2, 1, 2, 2, 0, 1, 2]);
        let pass = grade(day(0), &answers(2, 25, None, 2), &calm).unwrap();
        assert!(pass.passed, "{pass:?}");
        assert!(pass.advice.contains("1 min running, 1 min walking, × 10 (20 min)"), "{}", pass.advice);
        // 90 % of the other side passes under 25.
        assert!(grade(day(0), &answers(0, 18, Some(20), 0), &calm).unwrap().passed);
        assert!(!grade(day(0), &answers(0, 17, Some(20), 0), &calm).unwrap().passed);
        // One morning at 3, a walk at 3, hops at 3, or only 6 mornings: not yet, naming what is missing.
        let one_bad = grade(day(0), &answers(2, 25, None, 2), &mornings(&[2, 1, 3, 2, 0, 1, 2])).unwrap();
        assert!(!one_bad.passed && one_bad.criteria[0].detail == "last 7 mornings: 2, 1, 3, 2, 0, 1, 2", "{one_bad:?}");
        assert!(one_bad.advice.contains("morning first-step pain 2 or less"), "{}", one_bad.advice);
        assert!(!grade(day(0), &answers(3, 25, None, 2), &calm).unwrap().passed);
        assert!(!grade(day(0), &answers(2, 25, None, 3), &calm).unwrap().passed);
        let six = grade(day(0), &answers(0, 30, None, 0), &mornings(&[1, 1, 1, 1, 1, 1])).unwrap();
        assert!(!six.passed && six.criteria[0].detail.starts_with("6 of 7 mornings"), "{six:?}");
        let err = grade(day(0), &answers(11, 25, None, 0), &calm).unwrap_err().to_string();
        assert!(err.contains("walk_pain") && err.contains("0..=10"), "{err}");
        let err = grade(day(0), &answers(0, 250, None, 0), &calm).unwrap_err().to_string();
        assert!(err.contains("heel_raises_affected") && err.contains("0..=100"), "{err}");
    }

    #[test]
    fn walk_run_steps_up_every_two_comfortable_runs_and_back_on_pain_above_3() {
        let pass = grade(day(0), &answers(0, 30, None, 0), &mornings(&[1; 7])).unwrap();
        let checks = [pass];
        let at = |runs: &[RunRecord], today: i32| status(day(today), &checks, runs, None, &[], Units::Metric).unwrap();
        let start = at(&[], 0);
        assert_eq!((start.state, start.step.as_ref().unwrap().step), (ReturnToRunState::WalkRun, 1));
        let runs: Vec<RunRecord> = (1..=4).map(|i| run(i * 2, 2)).collect();
        assert_eq!(at(&runs, 8).step.unwrap().step, 3);
        let mut hurt = runs.clone();
        hurt.push(run(10, 4));
        let back = at(&hurt, 10);
        assert_eq!(back.step.as_ref().unwrap().step, 2);
        assert!(back.text.contains("hurt more than 3"), "{}", back.text);
        let all: Vec<RunRecord> = (1..=10).map(|i| run(i * 2, 3)).collect();
        assert_eq!(at(&all, 20).state, ReturnToRunState::Complete);
    }

    #[test]
    fn rr2_a_pass_is_for_the_break_it_ended_and_a_run_longer_than_the_step_or_a_flare_does_not_count() {
        let pass = grade(day(0), &answers(0, 30, None, 0), &mornings(&[1; 7])).unwrap();
        let checks = [pass];
        // design choice: 14 days with neither a run nor the pass → returning again (offered).
        assert_eq!(status(day(13), &checks, &[], None, &[], Units::Metric).unwrap().state, ReturnToRunState::WalkRun);
        assert_eq!(status(day(14), &checks, &[], Some(0.0), &[], Units::Metric).unwrap().state, ReturnToRunState::Offered);
        // A 70-minute run at step 1 (20 min) does not count; 22 minutes (+10 %) does.
        let long = RunRecord { minutes: Some(70.0), distance_km: 12.0, ..run(1, 1) };
        let card = status(day(2), &checks, &[long], None, &[], Units::Metric).unwrap();
        assert_eq!(card.step.as_ref().map(|s| (s.step, s.runs_done)), Some((1, 0)), "{}", card.text);
        assert!(card.text.contains("longer than your walk-run step"), "{}", card.text);
        let at_limit = RunRecord { minutes: Some(22.0), ..run(1, 1) };
        assert_eq!(status(day(2), &checks, &[at_limit], None, &[], Units::Metric).unwrap().step.unwrap().runs_done, 1);
        // Without minutes: 3.7 km is what 20 minutes cover at 6 min/km plus 10 %.
        let no_minutes = |km: f64| RunRecord { minutes: None, distance_km: km, ..run(1, 1) };
        assert_eq!(status(day(2), &checks, &[no_minutes(3.6)], None, &[], Units::Metric).unwrap().step.unwrap().runs_done, 1);
        assert_eq!(status(day(2), &checks, &[no_minutes(3.8)], None, &[], Units::Metric).unwrap().step.unwrap().runs_done, 0);
        // A flare the morning after a run: that run does not count.
        let flare: Vec<Morning> = (0..=2).map(|d| Morning { day: day(d), score: if d == 2 { 4 } else { 1 } }).collect();
        let card = status(day(2), &checks, &[run(1, 1)], None, &flare, Units::Metric).unwrap();
        assert_eq!(card.step.unwrap().runs_done, 0, "{}", card.text);
        assert!(card.text.contains("flared"), "{}", card.text);
    }

    #[test]
    fn offered_after_14_days_without_a_run_and_not_while_running() {
        // design choice: offered once runs stop for 14 days, or when the assessment said 0 km.
        assert_eq!(status(day(0), &[], &[], Some(0.0), &[], Units::Metric).unwrap().state, ReturnToRunState::Offered);
        assert!(status(day(0), &[], &[], Some(20.0), &[], Units::Metric).is_none(), "running but not logging runs");
        assert!(status(day(0), &[], &[], None, &[], Units::Metric).is_none());
        assert!(status(day(0), &[], &[run(-13, 2)], None, &[], Units::Metric).is_none());
        assert_eq!(status(day(0), &[], &[run(-14, 2)], None, &[], Units::Metric).unwrap().state, ReturnToRunState::Offered);
        let failed = grade(day(-1), &answers(5, 30, None, 0), &mornings(&[1; 7])).unwrap();
        assert_eq!(status(day(0), &[failed], &[], None, &[], Units::Metric).unwrap().state, ReturnToRunState::NotYet);
    }
}
