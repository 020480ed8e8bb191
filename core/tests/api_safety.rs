//! Clinical safety through the public `FirstStep` object on real database files (CLINICAL R1–R4,
//! P6): an urgent screen stops at the screen and can be re-taken only with a clinician's clearance;
//! a no-impact referral keeps only non-weight-bearing work until the screen is clean; the
//! escalation banner clears on a clinician visit; a morning's pain log can be undone with the
//! decisions it triggered.

use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment, NextStep};
use firststep_core::model::{DecisionAction, RedFlagLevel, RunningState};
use firststep_core::FirstStepError;
use jiff::civil::Date;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(8, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

fn open_temp() -> (tempfile::TempDir, Arc<FirstStep>) {
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("j.db").to_string_lossy().into_owned()).unwrap();
    (dir, app)
}

fn answers(date: &str, flags: &[&str], extra: &str) -> String {
    let flags = serde_json::to_string(flags).unwrap();
    format!(
        r#"{{"date": "{date}", "affected_side": "left", "first_step_pain": 4, "red_flags": {flags},
            "knee_to_wall_cm": {{"left": 12.0, "right": 12.0}}, "heel_raise_reps": {{"left": 25, "right": 25}}{extra}}}"#
    )
}

fn ids(app: &FirstStep, date: &str) -> Vec<String> {
    app.today_plan(at(date)).unwrap().exercises.into_iter().map(|e| e.exercise_id).collect()
}

#[test]
fn urgent_answer_ends_at_the_screen_and_home_says_seek_care() {
    let (_dir, app) = open_temp();
    let only_the_screen = r#"{"date": "2026-09-01", "affected_side": "right", "first_step_pain": 7, "red_flags": ["sudden_pop_arch_drop"]}"#;
    let result = app.submit_assessment_json(at("2026-09-01"), only_the_screen.into()).expect("no physical tests needed");
    assert_eq!(result.safety.level, RedFlagLevel::Urgent);
    assert!(result.program.is_none() && result.findings.is_empty());

    let home = app.home(at("2026-09-01")).unwrap();
    assert_eq!(home.next_step, NextStep::SeekCare);
    assert!(home.next_step_text.contains("Seek care today"), "{}", home.next_step_text);
    assert!(home.caution.unwrap().contains("seek medical care today"));
    assert_eq!(home.running.unwrap().state, RunningState::Red);
    assert!(home.referral.is_none());
    assert!(app.program().unwrap().is_none());
    assert!(matches!(app.today_plan(at("2026-09-01")), Err(FirstStepError::InvalidState { .. })));
    // A runner with no program can still log mornings (the history is theirs).
    app.log_pain(at("2026-09-02"), None, 6, None, None).unwrap();
}

#[test]
fn re_taking_the_screen_after_urgent_needs_a_dated_clearance_and_writes_nothing_without() {
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01"), answers("2026-09-01", &["fever_or_hot_red_heel"], "")).unwrap();

    // Re-answering until a program appears is not possible.
    let err = app.submit_assessment_json(at("2026-09-03"), answers("2026-09-03", &[], "")).unwrap_err();
    assert!(matches!(&err, FirstStepError::InvalidState { reason } if reason.contains("clinician") && reason.contains("2026-09-01")), "{err:?}");
    let err = app.submit_safety_screen(at("2026-09-03"), vec![]).unwrap_err();
    assert!(matches!(err, FirstStepError::InvalidState { .. }));
    assert!(app.latest_assessment().unwrap().unwrap().program.is_none(), "nothing was written");
    assert!(app.clinician_visits().unwrap().is_empty());

    // A clearance dated before the urgent screen does not count; a future one is refused.
    let early = answers("2026-09-03", &[], r#", "clinician_cleared_on": "2026-08-30""#);
    let err = app.submit_assessment_json(at("2026-09-03"), early).unwrap_err();
    assert!(matches!(&err, FirstStepError::InvalidInput { field, .. } if field == "clinician_cleared_on"), "{err:?}");
    let future = answers("2026-09-03", &[], r#", "clinician_cleared_on": "2026-09-09""#);
    assert!(app.submit_assessment_json(at("2026-09-03"), future).is_err());
    assert!(app.clinician_visits().unwrap().is_empty());

    // Cleared on 09-02: the screen is re-taken, the program offered, the clearance stored.
    let cleared = answers("2026-09-03", &[], r#", "clinician_cleared_on": "2026-09-02""#);
    let result = app.submit_assessment_json(at("2026-09-03"), cleared).unwrap();
    assert_eq!(result.safety.level, RedFlagLevel::None);
    assert!(result.program.is_some());
    let visits = app.clinician_visits().unwrap();
    assert_eq!((visits.len(), visits[0].date.as_str(), visits[0].cleared), (1, "2026-09-02", true));
    // The assessment's first-step pain is this morning's log (issue 27): today's exercises are next.
    assert_eq!(app.home(at("2026-09-03")).unwrap().next_step, NextStep::DoSession);
}

#[test]
fn the_screen_alone_can_be_re_taken_after_a_recorded_clearance() {
    let (_dir, app) = open_temp();
    app.submit_safety_screen(at("2026-09-01"), vec!["rapidly_worsening_numbness_or_weakness".into()]).unwrap();
    assert!(app.submit_safety_screen(at("2026-09-02"), vec![]).is_err());
    app.record_clinician_visit(at("2026-09-02"), None, false).unwrap();
    assert!(app.submit_safety_screen(at("2026-09-02"), vec![]).is_err(), "a visit without clearance is not enough");
    app.record_clinician_visit(at("2026-09-02"), None, true).unwrap();
    assert_eq!(app.submit_safety_screen(at("2026-09-02"), vec![]).unwrap().level, RedFlagLevel::None);
    let err = app.record_clinician_visit(at("2026-09-02"), Some("2026-09-05".into()), true).unwrap_err();
    assert!(matches!(err, FirstStepError::InvalidInput { .. }), "a visit in the future is refused");
}

#[test]
fn no_impact_referral_keeps_only_seated_and_lying_work_until_the_screen_is_clean() {
    let (_dir, app) = open_temp();
    let result = app.submit_assessment_json(at("2026-09-01"), answers("2026-09-01", &["night_or_rest_pain"], "")).unwrap();
    assert_eq!(result.safety.level, RedFlagLevel::ReferNoImpact);
    assert_eq!(ids(&app, "2026-09-01"), vec!["plantar_fascia_stretch", "towel_scrunch", "clamshell"]);
    assert_eq!(app.progress(at("2026-09-01"), None).unwrap().running.state, RunningState::Red);
    let home = app.home(at("2026-09-01")).unwrap();
    assert!(home.caution.unwrap().contains("no running, jumping or heavy loading"));
    let reminders_program = app.program().unwrap().unwrap();
    assert!(reminders_program.exercises.iter().all(|e| e.exercise_id != "calf_loading"));

    // Cleared by a clinician, the runner re-takes the screen without the flag: the full program
    // returns, the ladder where it stood.
    app.submit_safety_screen(at("2026-09-05"), vec![]).unwrap();
    assert_eq!(ids(&app, "2026-09-05"), vec!["plantar_fascia_stretch", "calf_loading"]);
    assert!(app.home(at("2026-09-05")).unwrap().caution.is_none());
}

#[test]
fn undo_pain_restores_the_replaced_value_and_reverts_the_decisions_it_triggered() {
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01"), answers("2026-09-01", &[], "")).unwrap();
    for day in 1..=7 {
        let date = format!("2026-09-{day:02}");
        app.log_pain(at(&date), None, 2, None, None).unwrap();
        if day >= 4 {
            app.log_session(at(&date), None, "calf_loading".into(), 3, Some(15), None, 2, true, None, None).unwrap();
        }
    }
    let before = app.program().unwrap().unwrap();
    let morning = app.log_pain(at("2026-09-08"), None, 2, None, None).unwrap();
    assert!(morning.decisions.iter().any(|d| d.action == DecisionAction::Progress), "{:?}", morning.decisions);
    assert_ne!(app.program().unwrap().unwrap(), before);

    let undo = app.undo_pain(at("2026-09-08"), "2026-09-08".into()).unwrap();
    assert_eq!(undo.removed.score, 2);
    assert!(undo.restored.is_none());
    assert_eq!(undo.reverted, morning.decisions);
    assert!(app.pain_entries("2026-09-08".into(), "2026-09-08".into()).unwrap().is_empty());
    assert!(app.decisions("2026-09-08".into(), "2026-09-08".into()).unwrap().is_empty());
    assert_eq!(app.program().unwrap().unwrap(), before, "the level and its start date are back");

    // Logging again decides again; an edit's undo restores the earlier score.
    app.log_pain(at("2026-09-08"), None, 2, None, None).unwrap();
    app.log_pain(at("2026-09-08"), None, 5, None, None).unwrap();
    let undo = app.undo_pain(at("2026-09-08"), "2026-09-08".into()).unwrap();
    assert_eq!(undo.restored.map(|p| p.score), Some(2));
    assert!(undo.reverted.is_empty(), "the restored first log keeps the decisions it took");
    assert_eq!(app.pain_entries("2026-09-08".into(), "2026-09-08".into()).unwrap()[0].score, 2);
    assert!(!app.decisions("2026-09-08".into(), "2026-09-08".into()).unwrap().is_empty());
    // The restored value left the edit history: undoing again removes the day.
    let again = app.undo_pain(at("2026-09-08"), "2026-09-08".into()).unwrap();
    assert!(again.restored.is_none() && !again.reverted.is_empty());
    assert_eq!(app.program().unwrap().unwrap(), before);
    assert!(app.pain_entries("2026-09-08".into(), "2026-09-08".into()).unwrap().is_empty());
}

#[test]
fn undo_is_refused_for_an_empty_day_a_future_day_and_under_later_decisions() {
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01"), answers("2026-09-01", &[], "")).unwrap();
    let err = app.undo_pain(at("2026-09-02"), "2026-09-02".into()).unwrap_err();
    assert!(matches!(&err, FirstStepError::InvalidState { reason } if reason.contains("nothing to undo")), "{err:?}");
    assert!(matches!(app.undo_pain(at("2026-09-02"), "2026-09-03".into()), Err(FirstStepError::InvalidInput { .. })));
    app.log_pain(at("2026-09-02"), None, 3, None, None).unwrap();
    app.log_session(at("2026-09-02"), None, "calf_loading".into(), 3, Some(15), None, 2, true, None, None).unwrap();
    app.log_pain(at("2026-09-03"), None, 3, None, None).unwrap();
    assert!(!app.decisions("2026-09-03".into(), "2026-09-03".into()).unwrap().is_empty());
    let err = app.undo_pain(at("2026-09-03"), "2026-09-02".into()).unwrap_err();
    assert!(matches!(&err, FirstStepError::InvalidState { reason } if reason.contains("2026-09-03")), "{err:?}");
    assert_eq!(app.pain_entries("2026-09-02".into(), "2026-09-02".into()).unwrap().len(), 1, "nothing removed");
}

#[test]
fn a_clinician_visit_clears_the_twelve_week_referral() {
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01"), answers("2026-09-01", &[], "")).unwrap();
    let start: Date = "2026-09-01".parse().unwrap();
    for offset in 0..=84 {
        let date = start.checked_add(jiff::Span::new().days(offset)).unwrap().to_string();
        app.log_pain(at(&date), None, 5, None, None).unwrap();
    }
    let day84 = start.checked_add(jiff::Span::new().days(84)).unwrap().to_string();
    let home = app.home(at(&day84)).unwrap();
    let referral = home.referral.expect("12 weeks without improvement");
    assert_eq!(referral.rule, "R4");
    assert!(referral.options.iter().any(|o| o.contains("night splint")), "{:?}", referral.options);
    app.record_clinician_visit(at(&day84), None, false).unwrap();
    assert!(app.home(at(&day84)).unwrap().referral.is_none());
}
