//! The public `FirstStep` object on real database files: typed errors that write nothing, the
//! morning flow (pain → progression decisions in one transaction), the home screen's next step,
//! reminders in the shell's zone, and one handle shared by several threads.

use std::sync::Arc;
use std::thread;

use firststep_core::api::{FirstStep, Moment, NextStep};
use firststep_core::model::DecisionAction;
use firststep_core::FirstStepError;
use jiff::civil::Date;

const ANSWERS: &str = r#"{"date": "2026-09-01", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 6,
  "red_flags": [], "knee_to_wall_cm": {"left": 6.0, "right": 11.0}, "heel_raise_reps": {"left": 14, "right": 24},
  "toe_grip": {"left": "fail", "right": "pass"}, "arch_control": {"left": "partial", "right": "pass"},
  "single_leg_squat": {"left": "fair", "right": "good"}, "balance_seconds": {"left": 40, "right": 45},
  "cadence_spm": 158, "overstride": true, "weekly_km_now": 55, "weekly_km_4_weeks_ago": 35,
  "longest_run_km_recent": 28, "longest_run_km_prior_30d": 21, "surface_change": false, "shoe_change": true,
  "race_build_up": true, "hours_on_feet_per_day": 2}"#;

fn at(date: &str, hour: i8, zone: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let tz = jiff::tz::TimeZone::get(zone).unwrap();
    let ts = d.at(hour, 0, 0, 0).to_zoned_datetime(tz).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: zone.into() }
}

fn open_temp() -> (tempfile::TempDir, Arc<FirstStep>) {
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("j.db").to_string_lossy().into_owned()).unwrap();
    (dir, app)
}

fn pain_count(app: &FirstStep) -> usize {
    app.pain_entries("2026-01-01".into(), "2026-12-31".into()).unwrap().len()
}

#[test]
fn bad_input_is_a_typed_error_naming_the_field_and_writes_nothing() {
    let (_dir, app) = open_temp();
    let now = at("2026-09-10", 8, "Europe/Berlin");

    match app.log_pain(now.clone(), None, 11, None, None) {
        Err(FirstStepError::InvalidInput { field, reason, allowed, got }) => {
            assert_eq!((field.as_str(), allowed.as_deref(), got.as_deref()), ("score", Some("0..=10"), Some("11")));
            assert_eq!(reason, "Enter 0–10 for first-step pain (you entered 11)");
        }
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    match app.log_pain(now.clone(), Some("2026-09-11".into()), 3, None, None) {
        Err(FirstStepError::InvalidInput { field, reason, .. }) => {
            assert_eq!(field, "date");
            assert!(reason.contains("future"), "{reason}");
        }
        other => panic!("expected a future-date error, got {other:?}"),
    }
    assert!(matches!(app.log_run(now.clone(), None, f64::NAN, None, None, None, None, None), Err(FirstStepError::InvalidInput { .. })));
    assert!(matches!(
        app.log_session(now.clone(), None, "moon_walk".into(), 3, Some(10), None, 2, true, None, None),
        Err(FirstStepError::NotFound { .. })
    ));
    assert!(matches!(app.today_plan(now.clone()), Err(FirstStepError::InvalidState { .. })));
    assert!(matches!(app.trend("2026-09-10".into(), 5), Err(FirstStepError::InvalidInput { .. })));
    assert_eq!(pain_count(&app), 0);
    assert!(app.runs("2026-01-01".into(), "2026-12-31".into()).unwrap().is_empty());
    assert!(app.sessions("2026-01-01".into(), "2026-12-31".into()).unwrap().is_empty());
}

#[test]
fn an_unreadable_database_is_reported_with_its_path_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-db.db");
    let garbage: Vec<u8> = (0..4096).map(|i| b"heel pain notes "[i % 16]).collect();
    std::fs::write(&path, &garbage).unwrap();
    match FirstStep::open(path.to_string_lossy().into_owned()) {
        Err(FirstStepError::Database { path: named, .. }) => assert_eq!(named, path.to_string_lossy()),
        Err(other) => panic!("expected Database error, got {other:?}"),
        Ok(_) => panic!("garbage opened as a database"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), garbage, "the file must not be modified");
}

#[test]
fn morning_pain_after_easy_sessions_progresses_the_ladder_and_home_follows() {
    let (_dir, app) = open_temp();
    let result = app.submit_assessment_json(at("2026-09-01", 8, "UTC"), ANSWERS.into()).unwrap();
    let program = result.program.expect("a program");
    let ladder = program.exercises.iter().find(|e| e.exercise_id == "calf_loading").unwrap();
    assert_eq!(ladder.level, 1, "first-step pain 6 starts the ladder at L1");

    // The assessment's first-step pain (6) is this morning's log (issue 27): the session is next.
    let home = app.home(at("2026-09-01", 9, "UTC")).unwrap();
    assert_eq!(home.last_pain.map(|p| p.score), Some(6));
    assert_eq!(home.next_step, NextStep::DoSession);

    // Eight days of easy, completed eccentric drops (L1 is daily), mornings settling.
    let mut progressed = None;
    for (i, pain) in [5, 5, 4, 4, 4, 3, 3, 3, 3].iter().enumerate() {
        let date = format!("2026-09-{:02}", 2 + i);
        let now = at(&date, 8, "UTC");
        let log = app.log_pain(now.clone(), None, *pain, None, None).unwrap();
        if let Some(d) = log.decisions.iter().find(|d| d.action == DecisionAction::Progress) {
            progressed = Some(d.clone());
            break;
        }
        app.log_session(now, None, "calf_loading".into(), 3, Some(15), None, 2, true, None, None).unwrap();
    }
    let decision = progressed.expect("P4 progression after 3 easy sessions and 7 days at the level");
    assert_eq!(decision.rule, "P4");
    assert_eq!((decision.from_level, decision.to_level), (1, 2));
    let level = app.program().unwrap().unwrap().exercises.into_iter().find(|e| e.exercise_id == "calf_loading").unwrap().level;
    assert_eq!(level, 2, "the decision was applied to the stored program");

    // Editing today's score keeps the earlier value and does not decide twice.
    let today = decision.date.clone();
    let edit = app.log_pain(at(&today, 9, "UTC"), None, 2, None, Some("felt better after walking".into())).unwrap();
    assert!(edit.replaced.is_some());
    assert!(edit.decisions.is_empty());
    assert_eq!(app.home(at(&today, 10, "UTC")).unwrap().next_step, NextStep::DoSession);
}

#[test]
fn reminders_follow_the_shells_zone_and_skip_logged_mornings() {
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01", 8, "UTC"), ANSWERS.into()).unwrap();
    let now = at("2026-09-02", 6, "Europe/Berlin");
    app.log_pain(now.clone(), None, 5, None, None).unwrap();
    let reminders = app.reminders(now).unwrap();
    assert!(!reminders.is_empty());
    assert!(reminders.len() <= 64);
    let mornings: Vec<_> = reminders.iter().filter(|r| r.id.starts_with("morning")).collect();
    assert!(mornings.iter().all(|r| r.local_time == "07:00"));
    assert!(mornings.iter().all(|r| r.local_date != "2026-09-02"), "today's pain is already logged");
}

#[test]
fn one_handle_is_safe_to_share_between_threads() {
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01", 8, "UTC"), ANSWERS.into()).unwrap();
    let workers: Vec<_> = (0..8)
        .map(|t| {
            let app = Arc::clone(&app);
            thread::spawn(move || {
                for i in 0..10 {
                    let date = format!("2026-09-{:02}", 2 + i);
                    let now = at(&date, 8 + (t % 3) as i8, "UTC");
                    app.log_run(now.clone(), None, 3.0 + t as f64, Some(20.0), Some(1), None, None, None).unwrap();
                    app.home(now.clone()).unwrap();
                    app.trend(date, 4).unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("no thread panicked");
    }
    assert_eq!(app.runs("2026-09-01".into(), "2026-09-30".into()).unwrap().len(), 80);
}

#[test]
fn trend_adherence_follows_the_level_history_and_empty_weeks_have_zero_km() {
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01", 8, "UTC"), ANSWERS.into()).unwrap();
    let planned_ids = |date: &str| -> Vec<String> { app.plan_for(date.into()).unwrap().exercises.into_iter().map(|e| e.exercise_id).collect() };
    // Four weeks doing exactly what each day's plan says, mornings settling: the ladder moves L1 → L2
    // (daily → every other day) part-way through.
    let start: Date = "2026-09-01".parse().unwrap();
    for i in 0..28 {
        let date = start.checked_add(jiff::Span::new().days(i)).unwrap().to_string();
        let now = at(&date, 8, "UTC");
        app.log_pain(now.clone(), None, if i < 7 { 5 } else { 3 }, None, None).unwrap();
        for id in planned_ids(&date) {
            app.log_session(now.clone(), None, id, 3, Some(10), None, 2, true, None, None).unwrap();
        }
    }
    let changed = app.decisions("2026-09-01".into(), "2026-09-28".into()).unwrap();
    assert!(changed.iter().any(|d| d.exercise_id == "calf_loading" && d.action == DecisionAction::Progress), "{changed:?}");
    let trend = app.trend("2026-09-28".into(), 4).unwrap();
    for week in &trend.weekly {
        assert_eq!(week.sessions_done, week.sessions_planned, "every planned session was done in week {}", week.week_start);
        assert!(week.sessions_planned > 0);
        assert!(week.run_km == 0.0 && week.run_km.is_sign_positive(), "no runs is 0 km, not -0 km");
    }
}

#[test]
fn a_guided_session_with_skipped_exercises_saves_what_was_done() {
    use firststep_core::session::{SessionEvent, SessionStatus};
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at("2026-09-01", 8, "UTC"), ANSWERS.into()).unwrap();
    let now = at("2026-09-02", 18, "UTC");
    let session = app.start_session(now.clone()).unwrap();
    let mut t = 1_000;
    let mut state = session.handle(SessionEvent::Start { at_ms: t }).unwrap();
    let first = state.exercise_id.clone();
    // Do the first exercise by letting its timers run and tapping self-paced reps; skip every step after it.
    while state.status != SessionStatus::AwaitingPain {
        t += 500;
        state = if state.exercise_id == first {
            match session.handle(SessionEvent::RepDone { at_ms: t }) {
                Ok(s) => s,
                Err(_) => session.state_at(t).unwrap(), // a timed step: let time pass
            }
        } else {
            session.handle(SessionEvent::SkipStep { at_ms: t }).unwrap()
        };
        assert!(t < 10_000_000, "the session never reached its end");
    }
    session.handle(SessionEvent::Finish { at_ms: t + 1, peak_pain: 2 }).unwrap();
    let records = session.records().unwrap();
    assert!(records.iter().any(|r| r.sets_done == 0), "skipped exercises are reported with no sets");
    app.save_session(now, records).expect("a session with skipped exercises can be saved");
    let stored = app.sessions("2026-09-02".into(), "2026-09-02".into()).unwrap();
    assert_eq!(stored.iter().map(|s| s.exercise_id.as_str()).collect::<Vec<_>>(), vec![first.as_str()]);
    assert!(stored[0].completed);
}
