//! The revised program through the terminal (CLINICAL P5, V1, RR1): at most five exercises with
//! their minutes, an effort answer that adds load within a Rathleff stage, and the return-to-run
//! self-test — each on a real journal, bad input refused with nothing written.

mod common;

use common::{add_days, assess, Journal};
use predicates::prelude::*;
use serde_json::Value;

const DAY: &str = "2026-09-01";

/// Every link of the chain marked: a stiff ankle, a weak calf, failing foot tests, a poor squat,
/// 8 s balance and overstriding.
fn every_finding(date: &str) -> String {
    format!(
        r#"{{"date": "{date}", "affected_side": "left", "first_step_pain": 4,
            "knee_to_wall_cm": {{"left": 6.0, "right": 11.0}}, "heel_raise_reps": {{"left": 12, "right": 22}},
            "toe_grip": {{"left": "fail", "right": "fail"}}, "arch_control": {{"left": "fail", "right": "pass"}},
            "single_leg_squat": {{"left": "poor", "right": "good"}}, "balance_seconds": {{"left": 8, "right": 20}},
            "overstride": true, "cadence_spm": 160, "weekly_km_now": 0}}"#
    )
}

#[test]
fn a_runner_with_every_finding_gets_five_exercises_with_their_minutes() {
    let j = Journal::new();
    let result = assess(&j, DAY, &every_finding(DAY));
    let program = &result["program"];
    assert_eq!(program["exercises"].as_array().unwrap().len(), 5, "{program}");
    assert!(program["minutes_per_day"].as_u64().unwrap() > 0);
    assert_eq!(program["set_aside"].as_array().unwrap().len(), 2, "hip control and gait wait: {program}");
    let today = j.json(&["--date", DAY, "today"]);
    let exercises = today["exercises"].as_array().unwrap();
    assert!(exercises.len() <= 5);
    let minutes: u64 = exercises.iter().map(|e| e["minutes"].as_u64().unwrap()).sum();
    assert_eq!(today["minutes"].as_u64(), Some(minutes));
    assert!(exercises.iter().all(|e| e["lesson_id"].as_str().is_some_and(|l| l.starts_with('E'))), "every exercise links its lesson");
    let screen = j.ok(&["--date", DAY, "today"]);
    assert!(screen.contains(&format!("5 exercise(s), about {minutes} minutes in all")), "{screen}");
}

#[test]
fn an_easy_load_answer_adds_load_the_next_morning_and_keeps_the_stage() {
    let j = Journal::new();
    assess(&j, DAY, &every_finding(DAY));
    // Seven days at the L1 entry level (rule P5: 7 days), three easy sessions → L2 on day 8.
    for d in 0..8 {
        let date = add_days(DAY, d);
        j.ok(&["--date", &date, "pain", "3"]);
        if d < 7 {
            j.ok(&["--date", &date, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "15", "--pain", "2"]);
        }
    }
    let program = j.json(&["--date", &add_days(DAY, 7), "today"]);
    let ladder = program["exercises"].as_array().unwrap().iter().find(|e| e["exercise_id"] == "calf_loading").unwrap().clone();
    assert_eq!((ladder["level"].as_u64(), ladder["asks_effort"].as_bool(), ladder["min_days_at_level"].as_u64()), (Some(2), Some(true), Some(14)));

    let day9 = add_days(DAY, 8);
    let logged = j.json(&["--date", &day9, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "12", "--pain", "2", "--reps-in-reserve", "5"]);
    assert_eq!(logged["effort"], "too_easy");
    assert_eq!(logged["reps_in_reserve"], 5);
    j.ok(&["--date", &add_days(DAY, 9), "pain", "3"]);
    let progress = j.json(&["--date", &add_days(DAY, 9), "progress"]);
    let decisions = progress["decisions"].as_array().unwrap();
    let last = decisions.iter().rev().find(|d| d["exercise"] == "calf_loading" && d["action"] != "hold").unwrap();
    assert_eq!((last["action"].as_str(), last["from_level"].as_u64(), last["to_level"].as_u64(), last["rule"].as_str()), (Some("add_load"), Some(2), Some(2), Some("P5")));
    for key in ["date", "exercise", "action", "from_level", "to_level", "rule", "reason"] {
        assert!(last.get(key).is_some(), "decision key {key}");
    }
    let today = j.ok(&["--date", &add_days(DAY, 11), "today"]); // L2 is every other day from day 8
    assert!(today.contains("+1 load step(s) since this level began"), "{today}");
    // The answer is optional, and a bad one is refused with nothing written.
    let before = j.export_without_timestamp();
    j.cmd(&["--date", &add_days(DAY, 10), "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "12", "--pain", "2", "--reps-in-reserve", "51"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Enter 0–50 reps for the reps you had left (you entered 51)"));
    j.cmd(&["--date", &add_days(DAY, 10), "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "12", "--pain", "2", "--effort", "easy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too-easy"));
    assert_eq!(j.export_without_timestamp(), before);
}

#[test]
fn the_return_to_run_test_passes_then_the_walk_run_starts() {
    let j = Journal::new();
    assess(&j, DAY, &every_finding(DAY));
    for d in 0..7 {
        j.ok(&["--date", &add_days(DAY, d), "pain", "2"]);
    }
    let day7 = add_days(DAY, 6);
    let card = j.json(&["--date", &day7, "return-to-run"]);
    assert_eq!(card["return_to_run"]["state"], "offered", "0 km a week at the assessment: {card}");

    // Not yet: 14 heel raises against 22 (64 %), hops at 3.
    let not_yet = j.json(&["--date", &day7, "return-to-run", "test", "--walk-pain", "1", "--heel-raises", "14", "--other-side", "22", "--hop-pain", "3"]);
    assert_eq!(not_yet["passed"], false);
    let failed: Vec<&str> = not_yet["criteria"].as_array().unwrap().iter().filter(|c| c["passed"] == false).map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(failed, vec!["heel_raises", "hops"]);
    let progress = j.json(&["--date", &day7, "progress"]);
    assert_eq!(progress["running"]["return_to_run"]["state"], "not_yet");
    assert_ne!(progress["running"]["state"], "green", "running stays reduced until the test passes");

    // A week later it passes (the same date would replace the test).
    for d in 7..14 {
        j.ok(&["--date", &add_days(DAY, d), "pain", "1"]);
    }
    let day14 = add_days(DAY, 13);
    let screen = j.ok(&["--date", &day14, "return-to-run", "test", "--walk-pain", "0", "--heel-raises", "26", "--hop-pain", "1"]);
    assert!(screen.contains("✓ Morning first-step pain 2 or less") && screen.contains("walk-run"), "{screen}");
    let home = j.ok(&["--date", &day14]);
    assert!(home.contains("walk-run step 1 of 5"), "{home}");
    // rule E7: the return-to-run lesson opens with the self-test, before week 6.
    let e7 = j.json(&["--date", &day14, "learn", "E7"]);
    assert_eq!((e7["unlocked"].as_bool(), e7["unlocked_because"].as_str()), (Some(true), Some("You took the return-to-run self-test")));
    let json: Value = j.json(&["--date", &day14, "return-to-run"]);
    assert_eq!(json["checks"].as_array().unwrap().len(), 2);
    assert_eq!(json["return_to_run"]["step"]["step"], 1);

    // Out-of-range answers are refused by the parser, naming the range; nothing is written.
    let before = j.export_without_timestamp();
    j.cmd(&["--date", &day14, "return-to-run", "test", "--walk-pain", "11", "--heel-raises", "26", "--hop-pain", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Enter 0–10 for pain on the brisk walk (you entered 11)"));
    j.cmd(&["--date", &day14, "return-to-run", "test", "--walk-pain", "1", "--heel-raises", "250", "--hop-pain", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Enter 0–100 raises for the affected side (you entered 250)"));
    assert_eq!(j.export_without_timestamp(), before);
}
