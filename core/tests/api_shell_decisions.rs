//! The decisions the shells used to make for themselves (issue 26), made by the core on a real
//! journal: the effort question after a session and where its answer goes.

use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::model::{Effort, SessionRecord};
use jiff::civil::Date;
use serde_json::Value;

fn morning(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(8, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::get("Europe/London").unwrap()).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "Europe/London".into() }
}

fn record(date: &str, exercise_id: &str, sets_done: u32, reps: Option<u32>, hold: Option<u32>) -> SessionRecord {
    SessionRecord {
        date: date.into(),
        exercise_id: exercise_id.into(),
        level: 2,
        sets_done,
        reps_done: reps,
        hold_seconds_done: hold,
        peak_pain: 2,
        completed: sets_done > 0,
        skipped_steps: 0,
        reps_in_reserve: None,
        effort: None,
    }
}

/// The effort scenario's runner, replayed to the morning their calf loading reaches a stage loaded
/// by effort (P4 on 2026-09-08: L1 → L2, rule P5).
fn runner_on_a_stage_loaded_by_effort() -> (tempfile::TempDir, Arc<FirstStep>) {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/scenarios/effort_based_load_steps.json")).unwrap();
    let scenario: Value = serde_json::from_str(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("j.db").to_string_lossy().into_owned()).unwrap();
    app.submit_assessment_json(morning("2026-09-01"), scenario["answers"].to_string()).unwrap();
    for day in scenario["days"].as_array().unwrap().iter().take_while(|d| d["date"].as_str().unwrap() <= "2026-09-08") {
        let date = day["date"].as_str().unwrap();
        app.log_pain(morning(date), None, day["pain"].as_i64().unwrap(), None, None).unwrap();
        let records: Vec<SessionRecord> = day["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                record(date, s["exercise_id"].as_str().unwrap(), s["sets_done"].as_u64().unwrap() as u32, s["reps_done"].as_u64().map(|r| r as u32), s["hold_seconds_done"].as_u64().map(|h| h as u32))
            })
            .collect();
        // The guided session stores each record at the exercise's current level.
        let program = app.program().unwrap().unwrap();
        let records = records
            .into_iter()
            .map(|r| SessionRecord { level: program.exercises.iter().find(|e| e.exercise_id == r.exercise_id).unwrap().level, ..r })
            .collect();
        app.save_session(morning(date), records).unwrap();
    }
    (dir, app)
}

#[test]
fn the_answer_goes_on_the_exercises_asked_about_and_nowhere_else() {
    let (_dir, app) = runner_on_a_stage_loaded_by_effort();
    let date = "2026-09-09";
    let records = vec![record(date, "plantar_fascia_stretch", 10, None, Some(10)), record(date, "calf_loading", 3, Some(12), None)];
    let question = app.effort_question(records.clone()).unwrap().expect("calf loading at L2 asks how the load felt");
    assert_eq!(question.exercise_ids, vec!["calf_loading".to_string()]);
    let calf = app.program().unwrap().unwrap().exercises.into_iter().find(|e| e.exercise_id == "calf_loading").unwrap();
    assert_eq!((question.exercise_names.clone(), calf.level), (vec![calf.name.clone()], 2));
    let labels: Vec<&str> = question.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Too easy", "About right", "Too hard"]);

    app.save_session_with_effort(morning(date), records, Some(Effort::TooEasy)).unwrap();
    let stored = app.sessions(date.into(), date.into()).unwrap();
    let effort_of = |id: &str| stored.iter().find(|s| s.exercise_id == id).map(|s| s.effort);
    assert_eq!(effort_of("calf_loading"), Some(Some(Effort::TooEasy)));
    assert_eq!(effort_of("plantar_fascia_stretch"), Some(None));
    // The next morning's rule acts on it (P5): load is added within the level, and announced.
    let log = app.log_pain(morning("2026-09-10"), None, 3, None, None).unwrap();
    assert!(log.announcements.iter().any(|a| a.exercise_id == "calf_loading" && a.from_level == a.to_level), "{:?}", log.decisions);
}

#[test]
fn no_question_when_the_exercise_that_asks_was_not_done() {
    let (_dir, app) = runner_on_a_stage_loaded_by_effort();
    let date = "2026-09-09";
    let skipped = vec![record(date, "plantar_fascia_stretch", 10, None, Some(10)), record(date, "calf_loading", 0, Some(0), None)];
    assert_eq!(app.effort_question(skipped.clone()).unwrap(), None);
    // Skipped question: the session still counts, with no effort on any record.
    app.save_session_with_effort(morning(date), skipped, None).unwrap();
    let stored = app.sessions(date.into(), date.into()).unwrap();
    assert_eq!(stored.iter().map(|s| s.exercise_id.as_str()).collect::<Vec<_>>(), ["plantar_fascia_stretch"]);
}
