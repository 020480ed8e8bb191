//! Running guidance, round 3 (issue 27), through the public `FirstStep` object on real database
//! files: the histories of the issue rebuilt with its dates and numbers. RR2 (a returning runner is
//! "not yet" until the self-test passes; walk-run steps advance only at the step), A7 (a single run
//! is capped, not the week; a logged run beyond the cap is warned and named when a flare follows;
//! days before logging began are not zero; a taper is not a spike), A8 (the race verdict), A6 (the
//! cadence cue) and RR1's run-pain wording.

use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::clinical::{ReturnToRunAnswers, ReturnToRunState};
use firststep_core::model::RunningState;
use firststep_core::FirstStepError;
use jiff::civil::Date;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(8, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

fn day(start: &str, offset: i64) -> String {
    let d: Date = start.parse().unwrap();
    d.checked_add(jiff::Span::new().days(offset)).unwrap().to_string()
}

fn open_temp() -> (tempfile::TempDir, Arc<FirstStep>) {
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("j.db").to_string_lossy().into_owned()).unwrap();
    (dir, app)
}

fn assess(app: &FirstStep, date: &str, pain: u8, extra: &str) {
    let answers = format!(
        r#"{{"date": "{date}", "affected_side": "right", "first_step_pain": {pain}, "red_flags": [],
            "knee_to_wall_cm": {{"left": 12.0, "right": 12.0}}, "heel_raise_reps": {{"left": 25, "right": 25}}{extra}}}"#
    );
    app.submit_assessment_json(at(date), answers).unwrap();
}

fn pain(app: &FirstStep, date: &str, score: i64) {
    app.log_pain(at(date), None, score, None, None).unwrap();
}

#[test]
fn rr2_returning_runner_after_4_weeks_off_is_not_yet_until_a_pass_and_walk_run_advances_only_at_the_step() {
    // rule RR2: assessed 2026-09-20 with 0 km a week after 4 weeks off.
    let (_dir, app) = open_temp();
    let start = "2026-09-20";
    assess(&app, start, 3, r#", "weekly_km_now": 0, "weekly_km_4_weeks_ago": 0"#);
    pain(&app, start, 3);
    let first = app.home(at(start)).unwrap().running.unwrap();
    assert_ne!(first.state, RunningState::Green, "never green 'run as planned' on day 1: {}", first.reason);
    assert!(first.reason.starts_with("Not yet: walk and cross-train"), "{}", first.reason);
    assert!(!first.reason.contains("Run as planned") && first.reduce_to_km.is_none(), "{}", first.reason);
    assert_eq!(first.return_to_run.as_ref().map(|c| c.state), Some(ReturnToRunState::Offered));
    assert!(first.rules.contains(&"RR2".to_string()), "{:?}", first.rules);

    // A failed self-test (hops at 4) never allows more running than a pass: still not yet, no
    // "runs of 20–30 minutes", no weekly distance.
    for i in 1..=7 {
        pain(&app, &day(start, i), 2);
    }
    let failed = ReturnToRunAnswers { walk_pain: 1, heel_raises_affected: 26, heel_raises_other: None, hop_pain: 4 };
    assert!(!app.take_return_to_run_test(at(&day(start, 7)), failed).unwrap().passed);
    let not_yet = app.progress(at(&day(start, 7)), None).unwrap().running;
    assert_eq!(not_yet.return_to_run.as_ref().map(|c| c.state), Some(ReturnToRunState::NotYet));
    assert!(not_yet.reason.starts_with("Not yet"), "{}", not_yet.reason);
    assert!(not_yet.return_to_run.as_ref().is_some_and(|c| c.text.contains("10 single-leg hops")), "the card says what is missing");
    assert!(!not_yet.reason.contains("20–30 minutes") && !not_yet.reason.contains("km") && not_yet.reduce_to_km.is_none(), "{}", not_yet.reason);

    // A pass: the walk-run steps are the plan.
    let passed = ReturnToRunAnswers { walk_pain: 1, heel_raises_affected: 26, heel_raises_other: None, hop_pain: 2 };
    let d8 = day(start, 8);
    pain(&app, &d8, 1);
    assert!(app.take_return_to_run_test(at(&d8), passed).unwrap().passed);
    let step1 = app.progress(at(&d8), None).unwrap().running;
    assert_eq!(step1.return_to_run.as_ref().and_then(|c| c.step.as_ref()).map(|s| s.step), Some(1));
    assert!(step1.reason.contains("walk-run step 1 of 5"), "{}", step1.reason);

    // Continuous 12 km runs of 70 minutes do not advance the step: each gets the warning when logged.
    for i in [9, 11] {
        let d = day(start, i);
        pain(&app, &d, 1);
        let log = app.log_run(at(&d), None, 12.0, Some(70.0), Some(2), Some(1), None, None).unwrap();
        let warning = log.warning.expect("a run longer than the step is warned when it is logged (RR2)");
        assert!(warning.contains("longer than your walk-run step"), "{warning}");
        assert_eq!(log.rule.as_deref(), Some("RR2"));
    }
    let d12 = day(start, 12);
    pain(&app, &d12, 1);
    let still = app.progress(at(&d12), Some(14.0)).unwrap().running;
    let step = still.return_to_run.as_ref().and_then(|c| c.step.clone()).unwrap();
    assert_eq!((step.step, step.runs_done), (1, 0), "{:?}", still.return_to_run);
    // The screen never shows walk-run text beside contradictory weekly numbers.
    assert!(still.weekly_warning.is_none() && still.reduce_to_km.is_none() && still.run_cap_km.is_none(), "{still:?}");
    assert!(still.long_run_warning.as_deref().is_some_and(|w| w.contains("walk-run step")), "{:?}", still.long_run_warning);
    assert!(!still.reason.contains("this week") && !still.reason.contains("%  more"), "{}", still.reason);

    // Two runs at the step with pain ≤ 3 and no flare advance it; a flare after a run does not count.
    let d13 = day(start, 13);
    pain(&app, &d13, 1);
    assert!(app.log_run(at(&d13), None, 2.5, Some(20.0), Some(2), Some(1), None, None).unwrap().warning.is_none());
    pain(&app, &day(start, 14), 4); // a flare: 4 against a usual 1
    pain(&app, &day(start, 15), 1);
    let after_flare = app.progress(at(&day(start, 15)), None).unwrap().running.return_to_run.unwrap();
    assert_eq!(after_flare.step.as_ref().map(|s| (s.step, s.runs_done)), Some((1, 0)), "{}", after_flare.text);
    for i in [15, 17] {
        let d = day(start, i);
        pain(&app, &d, 1);
        app.log_run(at(&d), None, 2.5, Some(20.0), Some(2), Some(1), None, None).unwrap();
    }
    pain(&app, &day(start, 18), 1);
    let step2 = app.progress(at(&day(start, 18)), None).unwrap().running.return_to_run.unwrap();
    assert_eq!(step2.step.as_ref().map(|s| s.step), Some(2), "{}", step2.text);
}

#[test]
fn rr2_no_impact_screen_never_says_you_are_running_and_the_card_is_not_offered() {
    // rule RR2 with R2: the guidance says no running; there is no return-to-run card to say otherwise.
    let (_dir, app) = open_temp();
    let answers = r#"{"date": "2026-09-20", "affected_side": "right", "first_step_pain": 4, "red_flags": ["progressive_pain_or_heel_squeeze_pain"],
        "knee_to_wall_cm": {"left": 12.0, "right": 12.0}, "heel_raise_reps": {"left": 25, "right": 25}, "weekly_km_now": 0}"#;
    app.submit_assessment_json(at("2026-09-20"), answers.into()).unwrap();
    let running = app.progress(at("2026-09-20"), None).unwrap().running;
    assert_eq!(running.state, RunningState::Red);
    assert!(running.return_to_run.is_none() && running.reason.contains("No running"), "{running:?}");
}

/// Five runs a week of 10.5, 9, 8, 8 and 6.1 km (41.6 km), for `weeks` weeks ending the day before `end`.
fn weeks_of_running(app: &FirstStep, end: &str, weeks: i64) {
    for w in 0..weeks {
        for (i, km) in [10.5, 9.0, 8.0, 8.0, 6.1].into_iter().enumerate() {
            let d = day(end, -7 * (w + 1) + [1, 2, 4, 5, 6][i]);
            pain(app, &d, 2);
            app.log_run(at(&d), None, km, None, Some(1), Some(1), None, None).unwrap();
        }
    }
}

#[test]
fn a7_a_planned_12_km_against_a_longest_of_10_5_caps_that_run_and_keeps_the_week() {
    let (_dir, app) = open_temp();
    let end = "2026-10-20";
    assess(&app, &day(end, -35), 3, r#", "weekly_km_now": 40"#);
    weeks_of_running(&app, end, 4);
    pain(&app, end, 2);
    let report = app.progress(at(end), Some(12.0)).unwrap();
    let running = report.running;
    assert_eq!(running.weekly_km, Some(41.6));
    assert_eq!(running.longest_recent_km, Some(10.5));
    // rule A7: that run is capped at 10 % over the longest (about 11.6 km) and the week is kept.
    assert!(running.run_cap_km.is_some_and(|km| (km - 11.55).abs() < 1e-9), "{:?}", running.run_cap_km);
    assert_eq!(running.run_cap.as_deref(), Some("11.6 km"));
    assert!(running.reason.contains("about 11.6 km") && !running.reason.contains("this week,"), "{}", running.reason);
    assert!(!running.reason.contains("22 km") && running.weekly_warning.is_none(), "{}", running.reason);
    assert!(running.long_run_warning.as_deref().is_some_and(|w| w.contains("about 11.6 km") && !w.contains("rule")), "{:?}", running.long_run_warning);

    // A logged run beyond the cap is warned when it is logged.
    let log = app.log_run(at(end), None, 12.0, None, Some(1), Some(1), None, None).unwrap();
    let warning = log.warning.expect("A7: a run beyond the cap is warned when it is logged");
    assert!(warning.contains("14 % longer") && warning.contains("10.5 km"), "{warning}");
    assert_eq!(log.rule.as_deref(), Some("A7"));
    // A run within the cap is not.
    assert!(app.log_run(at(&day(end, 1)), None, 5.0, None, Some(1), None, None, None).unwrap().warning.is_none());

    // A flare (P3) within 2 days after it names that run as the likely trigger.
    pain(&app, &day(end, 1), 2);
    pain(&app, &day(end, 2), 5);
    let flare = app.progress(at(&day(end, 2)), None).unwrap().running;
    assert_eq!(flare.state, RunningState::Red);
    let trigger = flare.likely_trigger.expect("A7: the flare names the run beyond its cap");
    assert!(trigger.contains(&format!("12.0 km run on {end}")), "{trigger}");
    assert!(flare.reason.contains("likely trigger"), "{}", flare.reason);
    // Three days after, a flare no longer names it.
    pain(&app, &day(end, 3), 2);
    pain(&app, &day(end, 4), 2);
    pain(&app, &day(end, 5), 6);
    assert!(app.progress(at(&day(end, 5)), None).unwrap().running.likely_trigger.is_none());
}

#[test]
fn a7_days_before_logging_began_are_not_zero_and_a_taper_96_88_57_is_not_a_spike() {
    // Assessed 2026-09-24 at 96 km a week; logging begins that day: 96, then 88, then 57 km a week.
    let (_dir, app) = open_temp();
    let start = "2026-09-24";
    assess(&app, start, 2, r#", "weekly_km_now": 96"#);
    for (week, kms) in [[20.0, 16.0, 14.0, 14.0, 32.0], [18.0, 14.0, 14.0, 12.0, 30.0], [12.0, 10.0, 10.0, 8.0, 17.0]].iter().enumerate() {
        for (i, km) in kms.iter().enumerate() {
            let d = day(start, 7 * week as i64 + [0, 1, 3, 4, 6][i]);
            pain(&app, &d, 2);
            app.log_run(at(&d), None, *km, None, Some(1), None, None, None).unwrap();
        }
    }
    let end = day(start, 20);
    let running = app.progress(at(&end), None).unwrap().running;
    assert_eq!(running.weekly_km, Some(57.0));
    // rule A7: the 2 weeks before (half before logging began) are 96 + 96, not 96 + 0.
    assert!(running.weekly_warning.is_none(), "a taper is never a spike: {:?}", running.weekly_warning);
    assert_eq!(running.state, RunningState::Green, "{}", running.reason);
}

#[test]
fn a8_marathon_three_weeks_out_at_morning_pain_5_and_runs_hurting_4_is_not_raced() {
    let (_dir, app) = open_temp();
    let race = "2026-11-08";
    let start = day(race, -21);
    assess(&app, &start, 5, &format!(r#", "weekly_km_now": 60, "race": {{"date": "{race}", "distance_km": 42.2}}"#));
    for i in 0..=21 {
        let d = day(&start, i);
        pain(&app, &d, 5);
        if i % 2 == 1 && i < 21 {
            app.log_run(at(&d), None, 12.0, Some(70.0), Some(4), Some(4), None, None).unwrap();
        }
    }
    // Three weeks out: no verdict yet (A8's last 14 days).
    assert!(app.progress(at(&start), None).unwrap().running.race.is_none());
    let two_weeks = app.progress(at(&day(race, -14)), None).unwrap().running;
    let verdict = two_weeks.race.clone().expect("A8: a verdict in the last 14 days");
    assert!(!verdict.go && verdict.days_to_go == 14, "{verdict:?}");
    assert!(verdict.verdict.contains("better not to race") && verdict.verdict.contains("clinician"), "{}", verdict.verdict);
    assert!(verdict.reasons.iter().any(|r| r.contains("morning pain")) && verdict.reasons.iter().any(|r| r.contains("hurt 4")), "{:?}", verdict.reasons);
    // Race day with the marathon planned: one verdict, never "run as planned", no cap of 35 km,
    // no "next 2 weeks" figure; the same on home and progress.
    let on_the_day = app.progress(at(race), Some(42.2)).unwrap().running;
    let home = app.home(at(race)).unwrap().running.unwrap();
    assert_ne!(on_the_day.state, RunningState::Green);
    assert!(!on_the_day.reason.contains("Run as planned"), "{}", on_the_day.reason);
    assert!(on_the_day.run_cap_km.is_none() && on_the_day.long_run_warning.is_none() && on_the_day.weekly_warning.is_none(), "{on_the_day:?}");
    let verdict = on_the_day.race.clone().unwrap();
    assert!(!verdict.go && verdict.days_to_go == 0 && verdict.verdict.contains("today"), "{verdict:?}");
    assert_eq!(home.race, on_the_day.race);
    assert_eq!((home.reduce_to_km, &home.reason), (on_the_day.reduce_to_km, &on_the_day.reason));
    // The day after the race: no verdict.
    assert!(app.progress(at(&day(race, 1)), None).unwrap().running.race.is_none());
}

#[test]
fn a8_settled_mornings_and_comfortable_runs_race_with_an_easy_plan() {
    let (_dir, app) = open_temp();
    let race = "2026-11-08";
    let start = day(race, -10);
    assess(&app, &start, 2, &format!(r#", "weekly_km_now": 40, "race": {{"date": "{race}", "distance_km": 21.1}}"#));
    for i in 0..=10 {
        let d = day(&start, i);
        pain(&app, &d, 2);
        if i % 3 == 0 && i < 10 {
            app.log_run(at(&d), None, 8.0, None, Some(2), Some(1), None, None).unwrap();
        }
    }
    let verdict = app.progress(at(&day(race, -2)), None).unwrap().running.race.unwrap();
    assert!(verdict.go && verdict.reasons.is_empty() && verdict.days_to_go == 2, "{verdict:?}");
    assert!(verdict.verdict.contains("easy plan") && verdict.verdict.contains("flare"), "{}", verdict.verdict);
}

#[test]
fn a8_the_race_answer_is_checked_and_named_in_errors() {
    let (_dir, app) = open_temp();
    let base = r#""affected_side": "right", "first_step_pain": 4, "red_flags": [], "knee_to_wall_cm": {"left": 12.0, "right": 12.0}, "heel_raise_reps": {"left": 25, "right": 25}"#;
    for (race, field) in [
        (r#"{"date": "2026-11-08", "distance_km": 0}"#, "race.distance_km"),
        (r#"{"date": "2026-11-08", "distance_km": 401}"#, "race.distance_km"),
        (r#"{"date": "08/11/2026", "distance_km": 42.2}"#, "race.date"),
        (r#"{"date": "2026-11-08", "distance_km": 42.2, "pace": 5}"#, "race"),
    ] {
        let answers = format!(r#"{{"date": "2026-09-20", {base}, "race": {race}}}"#);
        let err = app.submit_assessment_json(at("2026-09-20"), answers).unwrap_err();
        assert!(matches!(&err, FirstStepError::InvalidInput { field: f, .. } if f.starts_with(field)), "{race}: {err:?}");
    }
    assert!(app.latest_assessment().unwrap().is_none(), "nothing written");
}

#[test]
fn a6_the_cadence_cue_shows_on_every_day_the_runner_may_run_with_a_gait_finding() {
    let (_dir, app) = open_temp();
    let start = "2026-09-20";
    assess(&app, start, 3, r#", "weekly_km_now": 30, "overstride": true"#);
    pain(&app, start, 3);
    let green = app.home(at(start)).unwrap().running.unwrap();
    assert!(green.reason.contains("5–10 % more steps a minute") && green.rules.contains(&"A6".to_string()), "{}", green.reason);
    pain(&app, &day(start, 1), 4);
    let amber = app.progress(at(&day(start, 1)), None).unwrap().running;
    assert_eq!(amber.state, RunningState::Amber);
    assert!(amber.reason.contains("5–10 % more steps a minute"), "{}", amber.reason);
    // Without a gait finding there is no cue.
    let (_dir2, other) = open_temp();
    assess(&other, start, 3, r#", "weekly_km_now": 30, "overstride": false"#);
    pain(&other, start, 3);
    assert!(!other.home(at(start)).unwrap().running.unwrap().reason.contains("steps a minute"));
}

#[test]
fn rr1_a_run_that_hurt_6_is_above_the_3_running_allows_not_an_acceptable_5() {
    let (_dir, app) = open_temp();
    let start = "2026-09-20";
    assess(&app, start, 3, r#", "weekly_km_now": 30"#);
    pain(&app, start, 3);
    app.log_run(at(start), None, 8.0, None, Some(6), None, None, None).unwrap();
    pain(&app, &day(start, 1), 3);
    let running = app.progress(at(&day(start, 1)), None).unwrap().running;
    assert_eq!(running.state, RunningState::Red);
    assert!(running.reason.contains("hurt 6 out of 10, well above the 3 that running allows"), "{}", running.reason);
    assert!(!running.reason.contains("acceptable 5") && !running.reason.contains("(rule P1)"), "{}", running.reason);
    assert!(running.rules.contains(&"RR1".to_string()) && running.rules.contains(&"P1".to_string()), "{:?}", running.rules);
}
