//! Every bad input gives a clear message, a non-zero exit (2 for bad input, 1 otherwise), a JSON
//! error with `--json`, and writes nothing.

mod common;

use common::{assess, path_str, stiff_ankle_weak_calf, Journal};
use predicates::prelude::*;
use serde_json::Value;

const DAY: &str = "2026-09-01";

/// A journal with an assessment and one morning, so "no write" is a meaningful comparison.
fn journal() -> Journal {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    j.ok(&["--date", DAY, "pain", "5"]);
    j
}

/// Runs `args` expecting failure with `code`; checks the database did not change; returns the
/// JSON error from a second `--json` run.
fn rejected(j: &Journal, args: &[&str], code: i32, message: &str) -> Value {
    let before = j.export_without_timestamp();
    let bytes = std::fs::read(&j.db).expect("db");
    j.cmd(args).assert().code(code).stderr(predicate::str::contains(message)).stdout(predicate::str::is_empty());
    let mut json_args = vec!["--json"];
    json_args.extend_from_slice(args);
    let out = j.cmd(&json_args).output().expect("run");
    assert_eq!(out.status.code(), Some(code));
    let error: Value = serde_json::from_slice(&out.stderr).expect("JSON error on stderr");
    assert_eq!(std::fs::read(&j.db).expect("db"), bytes, "database bytes changed");
    assert_eq!(j.export_without_timestamp(), before, "journal content changed");
    error
}

#[test]
fn pain_above_ten_is_rejected_naming_the_range() {
    let j = journal();
    let error = rejected(&j, &["--date", DAY, "pain", "11"], 2, "firststep: Enter 0–10 for first-step pain (you entered 11)");
    assert_eq!(error["error"]["kind"], "invalid_input");
    // The field, the range and the value stay data in JSON; the message is the same words.
    assert_eq!((&error["error"]["field"], &error["error"]["allowed"], &error["error"]["got"]), (&"score".into(), &"0..=10".into(), &"11".into()));
    assert_eq!(error["error"]["message"], "Enter 0–10 for first-step pain (you entered 11)");
}

#[test]
fn unknown_exercise_is_rejected() {
    let j = journal();
    let error = rejected(
        &j,
        &["--date", DAY, "session", "log", "--exercise", "moonwalk", "--sets", "3", "--reps", "10", "--pain", "2"],
        2,
        "moonwalk",
    );
    assert_eq!(error["error"]["kind"], "not_found");
}

#[test]
fn a_future_date_is_rejected_by_the_real_clock() {
    let j = journal();
    let error = rejected(&j, &["--date", "2199-01-01", "pain", "3"], 2, "future");
    assert_eq!(error["error"]["kind"], "invalid_input");
    assert_eq!(error["error"]["field"], "date");
    // Tomorrow (UTC, the tests' zone) is already the future; today is fine.
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string();
    let tomorrow = common::add_days(&today, 1);
    rejected(&j, &["--date", &tomorrow, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "15", "--pain", "2"], 2, "future");
    j.ok(&["--date", &today, "pain", "3"]);
}

#[test]
fn a_malformed_date_is_rejected() {
    let j = journal();
    rejected(&j, &["--date", "2026-02-30", "pain", "3"], 2, "date");
}

#[test]
fn a_malformed_answers_file_is_rejected() {
    let j = journal();
    let file = j.write("bad.json", r#"{"date": "2026-09-01", "affected_side": "left", "first_step_pain": 6, "knee_to_wal_cm": {"left": 6, "right": 11}}"#);
    let error = rejected(&j, &["--date", DAY, "assess", "--answers", path_str(&file)], 2, "unknown key");
    assert_eq!(error["error"]["kind"], "invalid_input");
    let truncated = j.write("truncated.json", r#"{"date": "2026-09-01", "affected"#);
    rejected(&j, &["--date", DAY, "assess", "--answers", path_str(&truncated)], 2, "Answers: not a complete JSON document");
    let missing = j.dir.path().join("nope.json");
    rejected(&j, &["--date", DAY, "assess", "--answers", path_str(&missing)], 2, "nope.json");
}

#[test]
fn an_out_of_range_answer_names_the_field() {
    let j = journal();
    let answers = stiff_ankle_weak_calf(DAY).replace("6.0", "31.0");
    let file = j.write("range.json", &answers);
    let error = rejected(&j, &["--date", DAY, "assess", "--answers", path_str(&file)], 2, "Enter 0–30 cm for the left side (you entered 31)");
    assert_eq!((&error["error"]["field"], &error["error"]["allowed"]), (&"knee_to_wall_cm.left".into(), &"0..=30".into()));
}

#[test]
fn bad_run_and_session_values_are_rejected() {
    let j = journal();
    let error = rejected(&j, &["--date", DAY, "run", "--km", "-3"], 2, "Enter 0.1–300 km for the run's distance (you entered -3)");
    assert_eq!(error["error"]["field"], "distance_km");
    rejected(&j, &["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "10", "--pain", "12"], 2, "pain");
    rejected(&j, &["--date", DAY, "trend", "--weeks", "5"], 2, "weeks");
    rejected(&j, &["--tz", "Mars/Olympus", "pain", "3"], 2, "time zone");
}

#[test]
fn an_unreadable_database_is_named_and_left_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("notes.txt");
    let text = "these are my running notes, not a database\n".repeat(200);
    std::fs::write(&db, &text).expect("write");
    for json in [false, true] {
        let mut cmd = assert_cmd::Command::cargo_bin("firststep").expect("bin");
        cmd.arg("--db").arg(&db);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.args(["pain", "3"]).output().expect("run");
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("notes.txt"), "{stderr}");
        if json {
            let error: Value = serde_json::from_str(&stderr).expect("json");
            assert_eq!(error["error"]["kind"], "database");
        }
    }
    assert_eq!(std::fs::read_to_string(&db).expect("read"), text);
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1, "no side files were left");
}

#[test]
fn nothing_to_resume_is_a_state_error() {
    let j = journal();
    let error = rejected(&j, &["--date", DAY, "session", "--resume", "--pain", "2"], 1, "no paused session");
    assert_eq!(error["error"]["kind"], "invalid_state");
}

#[test]
fn commands_needing_a_program_say_so() {
    let j = Journal::new();
    j.cmd(&["--date", DAY, "today"]).assert().code(1).stderr(predicate::str::contains("assessment"));
}
