//! Lessons (E1–E7) through the public `FirstStep` object on a real SQLite file: unlocked by the
//! latest assessment's findings and by whole weeks since the program started; a locked lesson is
//! still readable by id with when it opens; an unknown id is a typed error listing the ids.

use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::model::Domain;
use firststep_core::FirstStepError;
use jiff::civil::Date;

/// A runner with one weak calf (14 vs 24 heel raises, A2) and nothing else out of range.
const ANSWERS: &str = r#"{"date": "2026-09-01", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 5,
  "red_flags": [], "knee_to_wall_cm": {"left": 12.0, "right": 12.0}, "heel_raise_reps": {"left": 14, "right": 24},
  "toe_grip": {"left": "pass", "right": "pass"}, "arch_control": {"left": "pass", "right": "pass"},
  "single_leg_squat": {"left": "good", "right": "good"}, "balance_seconds": {"left": 45, "right": 45},
  "overstride": false, "weekly_km_now": 20, "weekly_km_4_weeks_ago": 20,
  "longest_run_km_recent": 8, "longest_run_km_prior_30d": 8, "surface_change": false, "shoe_change": false,
  "race_build_up": false, "hours_on_feet_per_day": 2}"#;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let tz = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
    let ts = d.at(9, 0, 0, 0).to_zoned_datetime(tz).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "Europe/Berlin".into() }
}

fn open_temp() -> (tempfile::TempDir, Arc<FirstStep>) {
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("journal.db").to_string_lossy().into_owned()).unwrap();
    (dir, app)
}

fn unlocked(app: &FirstStep, date: &str) -> Vec<String> {
    app.lessons(at(date)).unwrap().into_iter().filter(|l| l.unlocked).map(|l| l.id).collect()
}

#[test]
fn a_calf_finding_opens_the_chain_lesson_at_once_and_timelines_open_in_week_3() {
    let (dir, app) = open_temp();
    // Before any assessment: only the day-one lessons.
    assert_eq!(unlocked(&app, "2026-08-31"), ["E1", "E4"]);

    let result = app.submit_assessment_json(at("2026-09-01"), ANSWERS.into()).unwrap();
    let domains: Vec<Domain> = result.findings.iter().map(|f| f.domain).collect();
    assert!(domains.contains(&Domain::CalfCapacity), "{domains:?}");
    assert!(!domains.iter().any(|d| matches!(d, Domain::Gait | Domain::TrainingLoad)), "{domains:?}");

    let week0 = app.lessons(at("2026-09-01")).unwrap();
    assert_eq!(week0.len(), 7);
    let e2 = week0.iter().find(|l| l.id == "E2").unwrap();
    assert!(e2.unlocked);
    assert_eq!(e2.unlocked_because, "Your calf capacity finding");
    assert_eq!(unlocked(&app, "2026-09-01"), ["E1", "E2", "E4"]);

    let e6 = app.lesson(at("2026-09-01"), "E6".into()).unwrap();
    assert!(!e6.unlocked, "a locked lesson is still returned");
    assert_eq!(e6.unlocked_because, "Opens in week 3 of your program");
    assert!(!e6.body.is_empty());

    // Week 2 (days 14–20) opens E5; week 3 opens E6; week 6 opens E7.
    assert_eq!(unlocked(&app, "2026-09-21"), ["E1", "E2", "E3", "E4", "E5"]);
    let e6 = app.lesson(at("2026-09-22"), "E6".into()).unwrap();
    assert!(e6.unlocked);
    assert_eq!(e6.unlocked_because, "Week 3 of your program");
    assert_eq!(unlocked(&app, "2026-10-13"), ["E1", "E2", "E3", "E4", "E5", "E6", "E7"]);

    // The same journal reopened gives the same answer (everything comes from the stored program).
    drop(app);
    let reopened = FirstStep::open(dir.path().join("journal.db").to_string_lossy().into_owned()).unwrap();
    assert_eq!(unlocked(&reopened, "2026-09-22"), ["E1", "E2", "E3", "E4", "E5", "E6"]);

    // Each exercise of the program links to a lesson that exists.
    let ids: Vec<String> = reopened.lessons(at("2026-09-22")).unwrap().into_iter().flat_map(|l| l.exercise_ids).collect();
    for exercise in reopened.program().unwrap().unwrap().exercises {
        assert!(ids.contains(&exercise.exercise_id), "{} is linked from no lesson", exercise.exercise_id);
    }
}

#[test]
fn an_unknown_lesson_is_a_typed_error_listing_the_ids() {
    let (_dir, app) = open_temp();
    match app.lesson(at("2026-09-01"), "E9".into()) {
        Err(FirstStepError::NotFound { reason }) => {
            assert!(reason.contains("E1, E2, E3, E4, E5, E6, E7"), "{reason}");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert!(matches!(
        app.lessons(Moment { instant_ms: 0, time_zone: "Mars/Olympus".into() }),
        Err(FirstStepError::InvalidInput { .. })
    ));
}
