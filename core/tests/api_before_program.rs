//! Mornings outside a program (issue #16 item 6): a morning before the program's start is history
//! and is stored, while the trend, the M1 baseline and progression still start at the program's
//! start; a runner with no program — before any assessment, or after an urgent screen — can log too.

use firststep_core::api::{FirstStep, Moment};
use jiff::civil::Date;

const ANSWERS: &str = r#"{"date": "2026-09-01", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 6,
  "red_flags": [], "knee_to_wall_cm": {"left": 6.0, "right": 11.0}, "heel_raise_reps": {"left": 14, "right": 24}}"#;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(8, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

fn open(dir: &tempfile::TempDir) -> std::sync::Arc<FirstStep> {
    FirstStep::open(dir.path().join("j.db").to_string_lossy().into_owned()).unwrap()
}

#[test]
fn a_morning_before_the_program_is_stored_but_the_trend_and_baseline_start_at_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir);
    app.submit_assessment_json(at("2026-09-01"), ANSWERS.into()).unwrap();
    // Logged later for an earlier date, and logged "then" (the CLI's --date: now is that day).
    let before = app.log_pain(at("2026-09-03"), Some("2026-08-25".into()), 9, None, None).expect("a morning before the program");
    assert!(before.decisions.is_empty(), "no rule runs on a morning before the program");
    let then = app.log_pain(at("2026-08-28"), None, 9, None, None).expect("now before the program's start");
    assert!(then.decisions.is_empty());
    for day in 1..=7 {
        app.log_pain(at(&format!("2026-09-{day:02}")), None, 5, None, None).unwrap();
    }
    let stored = app.pain_entries("2026-08-01".into(), "2026-09-30".into()).unwrap();
    assert_eq!(stored.iter().map(|p| p.date.as_str()).take(2).collect::<Vec<_>>(), ["2026-08-25", "2026-08-28"], "history kept");

    let trend = app.trend("2026-09-07".into(), 4).unwrap();
    assert_eq!((trend.baseline, trend.baseline_mornings), (Some(5.0), 7), "M1 baseline: the program's first 7 mornings");
    assert_eq!(trend.current, Some(5.0), "the 9s before the start are not part of the last 7 days' mean");
    for d in trend.days.iter().filter(|d| d.date.as_str() < "2026-09-01") {
        assert_eq!((d.pain, d.rolling_mean), (None, None), "{} is before the program", d.date);
    }
    let decisions = app.decisions("2026-01-01".into(), "2026-09-30".into()).unwrap();
    assert!(decisions.iter().all(|d| d.date.as_str() >= "2026-09-01"), "{decisions:?}");
    // A later morning: progression's "usual" average (P3) reads only the program's mornings, so
    // the 9s before the start do not make 5 look like an improvement.
    let log = app.log_pain(at("2026-09-08"), None, 5, None, None).unwrap();
    assert!(log.decisions.iter().all(|d| !d.reason.contains("usual 6") && !d.reason.contains("usual 7")), "{:?}", log.decisions);
}

#[test]
fn a_runner_without_a_program_can_log_mornings() {
    // Before any assessment.
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir);
    let log = app.log_pain(at("2026-09-01"), None, 4, Some(5), None).expect("no program yet");
    assert!(log.decisions.is_empty());
    assert_eq!(app.home(at("2026-09-01")).unwrap().last_pain.map(|p| p.score), Some(4));

    // After an urgent screen (R1): no program, but the morning is still worth recording.
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir);
    let urgent = app.submit_safety_screen(at("2026-09-01"), vec!["fever_or_hot_red_heel".into()]).unwrap();
    assert_eq!(urgent.level, firststep_core::model::RedFlagLevel::Urgent);
    assert!(app.program().unwrap().is_none());
    app.log_pain(at("2026-09-02"), None, 7, None, Some("hot heel".into())).expect("after an urgent screen");
    let trend = app.trend("2026-09-02".into(), 4).unwrap();
    assert_eq!(trend.days.last().and_then(|d| d.pain), Some(7));
}
