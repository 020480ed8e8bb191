//! The screens and JSON shapes of single commands, the demo, export/import and the
//! non-interactive guided session.

mod common;

use common::{assess, few_findings, path_str, stiff_ankle_weak_calf, Journal};
use predicates::prelude::*;
use serde_json::Value;

const DAY: &str = "2026-09-01";

#[test]
fn assess_json_has_the_documented_shape() {
    let j = Journal::new();
    let result = assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    assert_eq!(result["red_flags"]["level"], "none");
    assert!(result["red_flags"]["reasons"].as_array().expect("reasons").is_empty());
    let finding = &result["findings"][0];
    for key in ["domain", "side", "severity", "measurement", "explanation", "exercises"] {
        assert!(finding.get(key).is_some(), "finding key {key}");
    }
    let exercise = &result["program"]["exercises"][0];
    for key in ["id", "level", "sets", "reps", "hold_seconds", "frequency"] {
        assert!(exercise.get(key).is_some(), "program key {key}");
    }
}

#[test]
fn an_urgent_red_flag_gives_no_program_and_says_so() {
    let j = Journal::new();
    let answers = stiff_ankle_weak_calf(DAY).replace(r#""red_flags":[]"#, r#""red_flags":["fever_or_hot_red_heel"]"#);
    assert!(answers.contains("fever"), "{answers}");
    let result = assess(&j, DAY, &answers);
    assert_eq!(result["red_flags"]["level"], "urgent");
    assert!(result["program"].is_null());
    let home = j.ok(&["--date", DAY]);
    assert!(home.contains("medical care"), "{home}");
}

#[test]
fn human_screens_show_the_plan_and_logs() {
    let j = Journal::new();
    let file = j.write("answers.json", &stiff_ankle_weak_calf(DAY));
    let screen = j.ok(&["--date", DAY, "assess", "--answers", path_str(&file)]);
    assert!(screen.contains("Things to work on") && screen.contains("Your program"), "{screen}");
    // The assessment's first-step pain is this morning's log (issue 27): home goes on to the session.
    let home = j.ok(&["--date", DAY]);
    assert!(home.contains("Last first-step pain: 6/10 on 2026-09-01") && home.contains("firststep session"), "{home}");
    assert!(!home.contains("No first-step pain logged yet"), "{home}");
    let logged = j.ok(&["--date", DAY, "pain", "5", "--note", "stiff", "--stiffness", "10"]);
    assert!(logged.contains("5/10"), "{logged}");
    let today = j.ok(&["--date", DAY, "today"]);
    assert!(today.contains("calf_loading"), "{today}");
    j.ok(&["settings", "--units", "imperial"]);
    let run = j.ok(&["--date", DAY, "run", "--km", "8.0467"]);
    assert!(run.contains("5.0 mi"), "{run}");
}

#[test]
fn interactive_assessment_reads_answers_from_stdin() {
    let j = Journal::new();
    // 12 safety questions (no), then: side, pain, weeks and age (skip), knee-to-wall L/R, heel
    // raises L/R, and Enter for every optional question.
    let mut input = String::from("n\n").repeat(12);
    input.push_str("left\n6\n\n\n6\n11\n14\n24\n");
    input.push_str(&"\n".repeat(20));
    let out = j.cmd(&["--date", DAY, "assess"]).write_stdin(input).output().expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("Knee-to-wall") && stdout.contains("Measure from the big toe"), "how-to shown");
    assert!(stdout.contains("calf capacity"), "{stdout}");
}

#[test]
fn interactive_assessment_asks_inches_in_imperial_units() {
    let j = Journal::new();
    j.ok(&["settings", "--units", "imperial"]);
    let mut input = String::from("n\n").repeat(12);
    // 2.4 in = 6.1 cm on the left: under the 10 cm screen (A1).
    input.push_str("left\n6\n\n\n2.4\n4.5\n14\n24\n");
    input.push_str(&"\n".repeat(20));
    // (With --json nothing is asked: the interactive assessment is a human screen.)
    let out = j.cmd(&["--date", DAY, "assess"]).write_stdin(input).output().expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("[0–11.81 in]"), "the question asks inches: {stdout}");
    let home: Value = serde_json::from_slice(&j.cmd(&["--json", "--date", DAY]).output().expect("run").stdout).expect("home JSON");
    let ids: Vec<&str> = home["plan"]["exercises"].as_array().expect("plan").iter().filter_map(|e| e["exercise_id"].as_str()).collect();
    // rule V1: one exercise per finding; the ankle finding's is the calf stretch.
    assert!(ids.contains(&"calf_stretch"), "the stiff ankle (6.1 cm) gets ankle work: {ids:?}");
}

#[test]
fn interactive_urgent_answer_stops_before_the_tests_and_needs_a_clearance_to_retake() {
    // rule R1: "yes" to the first (urgent) question; no heel raises are asked of someone who may
    // not bear weight; home says seek care; re-taking asks for the clearance date first.
    let j = Journal::new();
    let mut input = String::from("y\n");
    input.push_str(&"n\n".repeat(11));
    input.push_str("right\n7\n");
    let out = j.cmd(&["--date", DAY, "assess"]).write_stdin(input).output().expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("Please seek care today") && !stdout.contains("Knee-to-wall"), "{stdout}");
    assert!(stdout.contains("No tests and no program"), "{stdout}");
    let home = j.json(&["--date", DAY]);
    assert_eq!(home["next_step"], "seek_care", "{home:#}");
    assert_eq!(home["red_flag"], "urgent");
    j.cmd(&["--date", DAY, "today"]).assert().code(1);

    let retake = j.cmd(&["--date", DAY, "assess"]).write_stdin("not a date\n").output().expect("run");
    let stdout = String::from_utf8_lossy(&retake.stdout);
    assert!(stdout.contains("Cleared by a clinician?") && stdout.contains("YYYY-MM-DD"), "{stdout}");
    assert!(!retake.status.success(), "input ended: nothing saved");
    j.ok(&["--date", DAY, "seen-clinician", "--cleared"]);
    let visits = j.json(&["--date", DAY, "seen-clinician"]);
    assert_eq!(visits["cleared"], false);
}

#[test]
fn interactive_assessment_ending_early_saves_nothing() {
    let j = Journal::new();
    j.cmd(&["--date", DAY, "assess"]).write_stdin("n\nn\n").assert().code(2).stderr(predicate::str::contains("nothing was saved"));
    j.cmd(&["--date", DAY, "today"]).assert().code(1);
}

#[test]
fn reminders_json_lists_ids_kinds_and_times() {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    let reminders = j.json(&["--date", DAY, "reminders"]);
    let list = reminders.as_array().expect("array");
    assert!(list.iter().any(|r| r["kind"] == "morning_pain" && r["local_time"] == "07:00"), "{reminders:#}");
    for key in ["id", "kind", "local_time", "title", "body"] {
        assert!(list[0].get(key).is_some(), "reminder key {key}");
    }
}

#[test]
fn demo_fast_shows_every_screen() {
    let out = assert_cmd::Command::cargo_bin("firststep").expect("bin").args(["demo", "--fast"]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for screen in [
        "Assessment ·",
        "Things to work on",
        "FirstStep ·",
        "Today ·",
        "A guided session",
        "Get ready",
        "Session saved",
        "Progress ·",
        "▲ progress",
        "Trend · 8 weeks",
        "meaningful improvement",
        "Reminders ·",
        "date,score",
    ] {
        assert!(text.contains(screen), "demo is missing {screen:?}:\n{text}");
    }
}

#[test]
fn export_import_export_round_trips() {
    let a = Journal::new();
    assess(&a, DAY, &stiff_ankle_weak_calf(DAY));
    for (i, pain) in [6, 5, 5, 4].iter().enumerate() {
        let date = common::add_days(DAY, i as i64);
        a.ok(&["--date", &date, "pain", &pain.to_string(), "--note", "first steps"]);
        a.ok(&["--date", &date, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "15", "--pain", "2"]);
        a.ok(&["--date", &date, "run", "--km", "5", "--minutes", "31"]);
    }
    let file = a.dir.path().join("backup.json");
    let said = a.ok(&["export", "--out", path_str(&file)]);
    assert!(said.contains("backup.json"), "{said}");

    let b = Journal::new();
    let report = b.json(&["import", path_str(&file)]);
    assert_eq!(report["pain_added"], 4);
    assert_eq!(a.export_without_timestamp(), b.export_without_timestamp());
    // Importing again changes nothing.
    let again = b.json(&["import", path_str(&file)]);
    assert_eq!(again["pain_added"], 0);

    let csv = a.ok(&["export", "--csv"]);
    assert!(csv.starts_with("date,score"), "{csv}");
    assert_eq!(csv.lines().count(), 5);
}

#[test]
fn guided_session_non_interactive_records_the_plan() {
    let j = Journal::new();
    assess(&j, DAY, &few_findings(DAY));
    let plan = j.json(&["--date", DAY, "today"]);
    let planned: Vec<&str> = plan["exercises"].as_array().expect("exercises").iter().map(|e| e["exercise_id"].as_str().unwrap_or("")).collect();
    assert!(!planned.is_empty());
    let out = j.ok(&["--date", DAY, "session", "--speed", "1000", "--pain", "3"]);
    assert!(out.contains("Get ready") && out.contains("Session saved"), "{out}");
    let home = j.json(&["--date", DAY]);
    let done: Vec<&str> = home["done_today"].as_array().expect("done").iter().map(|v| v.as_str().unwrap_or("")).collect();
    for id in &planned {
        assert!(done.contains(id), "{id} not recorded: {done:?}");
    }
}

#[test]
fn guided_session_json_takes_the_pain_as_an_option_and_asks_nothing() {
    let j = Journal::new();
    assess(&j, DAY, &few_findings(DAY));
    // With --json nothing is asked: without --pain it is bad input before anything runs.
    let out = j.cmd(&["--json", "--date", DAY, "session", "--speed", "100"]).write_stdin("2\n").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&out.stderr).expect("stderr is one JSON document");
    assert_eq!((error["error"]["kind"].as_str(), error["error"]["field"].as_str()), (Some("invalid_input"), Some("pain")));
    let out = j.cmd(&["--json", "--date", DAY, "session", "--speed", "100", "--pain", "2"]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    let records = doc["records"].as_array().expect("records");
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["peak_pain"] == 2 && r["date"] == DAY));
}

#[test]
fn a_flare_morning_says_so_at_once_and_the_hop_check_is_answered_from_the_terminal() {
    // rule P7: mornings at 2, then 6 — the pain confirmation, today, home and progress say the load
    // is cut, with the rule as a label; the plan has no backpack and no hops.
    let j = Journal::new();
    assess(&j, DAY, &few_findings(DAY));
    for offset in 0..7 {
        j.ok(&["--date", &common::add_days(DAY, offset), "pain", "2"]);
    }
    let flare_day = common::add_days(DAY, 7);
    let confirmation = j.ok(&["--date", &flare_day, "pain", "6"]);
    assert!(confirmation.contains("A flare this morning") && confirmation.contains("Rule: P7"), "{confirmation}");
    assert!(confirmation.contains("▼ Calf and plantar fascia loading"), "the regression is listed: {confirmation}");
    for screen in [vec!["today"], vec![], vec!["progress"]] {
        let mut args = vec!["--date", flare_day.as_str()];
        args.extend(screen.iter());
        let out = j.ok(&args);
        assert!(out.contains("no backpack load and no hops") && out.contains("Rule: P7"), "{screen:?}: {out}");
    }
    let json = j.json(&["--date", &flare_day, "today"]);
    assert_eq!(json["flare"]["rule"], "P7");
    // rule P8: the hop check from the terminal; bad input is refused before anything is written.
    let hop = j.ok(&["--date", &flare_day, "hop-check", "1"]);
    assert!(hop.contains("passed") && hop.contains("Rule: P8"), "{hop}");
    j.cmd(&["--date", &flare_day, "hop-check", "11"]).assert().failure().stderr(predicate::str::contains("0").and(predicate::str::contains("10")));
    let checks = j.json(&["--date", &flare_day, "hop-check", "4"]);
    assert_eq!((checks["pain"].as_u64(), checks["passed"].as_bool()), (Some(4), Some(false)));
}
