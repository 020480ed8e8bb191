//! Every bad input is rejected with an error naming the field and range, and nothing is written
//! (row counts read from the file are unchanged).

mod journal_support;

use firststep_core::error::CoreError;
use firststep_core::model::{DecisionAction, PainEntry, RedFlagLevel, Settings};
use journal_support::*;

const TODAY: &str = "2026-06-15";

/// Runs `attempt`, expects an error mentioning `field`, and checks no table changed.
fn rejected(t: &TempJournal, field: &str, attempt: impl FnOnce() -> Result<(), CoreError>) {
    let before = row_counts(&t.path);
    let err = attempt().err().unwrap_or_else(|| panic!("{field}: expected an error"));
    // The field and range are data (`located` words them as the entry's path); the message a
    // runner reads has neither ids nor developer syntax.
    let text = err.located();
    assert!(text.contains(field), "error for {field} should name it: {text}");
    let words = err.to_string();
    let shows_id = field.contains('_') && words.contains(field);
    assert!(!words.contains("..=") && !words.contains("(got ") && !shows_id, "{field}: {words}");
    assert_eq!(row_counts(&t.path), before, "{field}: something was written");
}

#[test]
fn bad_pain_entries_write_nothing() {
    let t = temp_journal();
    let j = &t.journal;
    let today = day(TODAY);
    t.journal.log_pain(&pain("2026-06-14", 4), today).unwrap();
    let cases: Vec<(&str, PainEntry)> = vec![
        ("score", PainEntry { score: 11, ..pain("2026-06-15", 0) }),
        ("date", pain("2026-06-16", 3)),
        ("date", pain("2026-6-15", 3)),
        ("date", pain("2026-02-30", 3)),
        ("stiffness_minutes", PainEntry { stiffness_minutes: Some(601), ..pain("2026-06-15", 3) }),
        ("note", PainEntry { note: Some("x".repeat(1001)), ..pain("2026-06-15", 3) }),
        ("logged_at_ms", PainEntry { logged_at_ms: -1, ..pain("2026-06-15", 3) }),
        // An edit of an existing date with a bad value must not touch the stored value or history.
        ("score", PainEntry { score: 200, ..pain("2026-06-14", 0) }),
    ];
    for (field, entry) in cases {
        rejected(&t, field, || j.log_pain(&entry, today).map(|_| ()));
    }
    assert_eq!(j.last_pain().unwrap().unwrap().score, 4);
    let err = j.log_pain(&PainEntry { score: 11, ..pain("2026-06-15", 0) }, today).unwrap_err();
    assert!(matches!(&err, CoreError::OutOfRange { field, allowed, got } if field == "score" && allowed == "0..=10" && got == "11"), "{err:?}");
    assert_eq!(err.to_string(), "Enter 0–10 for first-step pain (you entered 11)");
}

#[test]
fn bad_sessions_runs_and_decisions_write_nothing() {
    let t = temp_journal();
    let j = &t.journal;
    let today = day(TODAY);
    let ok = session("2026-06-15", "heel_raise");
    let sessions = [
        ("sets_done", firststep_core::model::SessionRecord { sets_done: 0, ..ok.clone() }),
        ("sets_done", firststep_core::model::SessionRecord { sets_done: 21, ..ok.clone() }),
        ("reps_done", firststep_core::model::SessionRecord { reps_done: Some(201), ..ok.clone() }),
        ("hold_seconds_done", firststep_core::model::SessionRecord { hold_seconds_done: Some(601), ..ok.clone() }),
        ("level", firststep_core::model::SessionRecord { level: 11, ..ok.clone() }),
        ("peak_pain", firststep_core::model::SessionRecord { peak_pain: 11, ..ok.clone() }),
        ("exercise_id", session("2026-06-15", "")),
        ("exercise_id", session("2026-06-15", "Heel-Raise")),
        ("date", session("2026-06-16", "heel_raise")),
    ];
    for (field, s) in &sessions {
        rejected(&t, field, || j.log_session(s, today).map(|_| ()));
    }
    // A batch with one bad record writes none of the good ones, and names the position.
    rejected(&t, "sessions[1].peak_pain", || j.log_sessions(&[ok.clone(), sessions[5].1.clone(), ok.clone()], today));

    let r = run("2026-06-15", 8.0);
    let runs = [
        ("distance_km", firststep_core::model::RunRecord { distance_km: f64::NAN, ..r.clone() }),
        ("distance_km", firststep_core::model::RunRecord { distance_km: 0.05, ..r.clone() }),
        ("distance_km", firststep_core::model::RunRecord { distance_km: 301.0, ..r.clone() }),
        ("distance_km", firststep_core::model::RunRecord { distance_km: f64::INFINITY, ..r.clone() }),
        ("minutes", firststep_core::model::RunRecord { minutes: Some(0.5), ..r.clone() }),
        ("minutes", firststep_core::model::RunRecord { minutes: Some(f64::NAN), ..r.clone() }),
        ("pain_during", firststep_core::model::RunRecord { pain_during: Some(11), ..r.clone() }),
        ("pain_after", firststep_core::model::RunRecord { pain_after: Some(12), ..r.clone() }),
        ("surface", firststep_core::model::RunRecord { surface: Some("s".repeat(101)), ..r.clone() }),
        ("date", run("2027-01-01", 5.0)),
    ];
    for (field, r) in &runs {
        rejected(&t, field, || j.log_run(r, today).map(|_| ()));
    }

    let d = decision("2026-06-15", "heel_raise", DecisionAction::Progress, 1, 2);
    let bad_decisions = [
        ("decisions[0].to_level", firststep_core::model::Decision { to_level: 11, ..d.clone() }),
        ("decisions[0].rule", firststep_core::model::Decision { rule: String::new(), ..d.clone() }),
        ("decisions[0].exercise_id", firststep_core::model::Decision { exercise_id: "x y".into(), ..d.clone() }),
        ("decisions[0].date", firststep_core::model::Decision { date: "2026-07-01".into(), ..d.clone() }),
    ];
    for (field, bad) in &bad_decisions {
        // The pain score is fine, but the morning is one transaction: nothing is written.
        rejected(&t, field, || j.record_morning(&pain("2026-06-15", 2), today, std::slice::from_ref(bad), Some(&program("2026-06-01"))).map(|_| ()));
    }
    rejected(&t, "started_on", || j.record_morning(&pain("2026-06-15", 2), today, &[], Some(&program("2026-06-20"))).map(|_| ()));
    assert_eq!(row_counts(&t.path).iter().map(|(_, n)| n).sum::<i64>(), 0);
}

#[test]
fn bad_settings_assessments_and_screens_write_nothing() {
    let t = temp_journal();
    let j = &t.journal;
    let d = Settings::default();
    let cases = [
        ("morning_reminder", Settings { morning_reminder: "7:00".into(), ..d.clone() }),
        ("session_reminder", Settings { session_reminder: "24:00".into(), ..d.clone() }),
        ("session_days", Settings { session_days: vec![0, 1], ..d.clone() }),
        ("session_days", Settings { session_days: vec![8], ..d.clone() }),
        ("session_days", Settings { session_days: vec![2, 2], ..d.clone() }),
        ("time_zone", Settings { time_zone: "Europe/Atlantis".into(), ..d.clone() }),
    ];
    for (field, s) in &cases {
        rejected(&t, field, || j.save_settings(s));
    }
    assert_eq!(j.settings().unwrap(), Settings::default(), "defaults when never saved");

    let answers: firststep_core::model::AssessmentAnswers =
        serde_json::from_str(r#"{"date":"2026-06-01","affected_side":"left","first_step_pain":6}"#).unwrap();
    rejected(&t, "result_json", || j.save_assessment(day("2026-06-01"), &answers, "{\"findings\": ["));
    rejected(&t, "flagged[0]", || j.save_safety_screen(day("2026-06-01"), RedFlagLevel::Refer, &[String::new()]));
}

#[test]
fn check_constraints_stop_writes_that_bypass_validation() {
    let t = temp_journal();
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    for sql in [
        "INSERT INTO pain VALUES ('2026-01-01', 11, NULL, NULL, 0)",
        "INSERT INTO sessions (date, exercise_id, level, sets_done, peak_pain, completed, skipped_steps) VALUES ('2026-01-01', 'x', 0, 0, 0, 1, 0)",
        "INSERT INTO runs (date, distance_km) VALUES ('2026-01-01', 0)",
        "INSERT INTO decisions (date, exercise_id, action, from_level, to_level, rule, reason) VALUES ('2026-01-01', 'x', 'jump', 0, 1, 'P4', '')",
        "INSERT INTO assessments (date, answers_json, result_json) VALUES ('2026-01-01', '{', '{}')",
    ] {
        assert!(conn.execute(sql, []).is_err(), "CHECK should refuse: {sql}");
    }
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    assert!(conn.execute("INSERT INTO pain_edits (date, score, logged_at_ms) VALUES ('2026-01-01', 3, 0)", []).is_err(), "edit without a score");
}
