//! `firststep psfs` (CLINICAL M2): naming 3–5 activities, rating them in the listed order at the
//! start and 14 days later, the home hint when due, the progress line, the JSON shape, and bad
//! input refused with the documented exit codes, writing nothing.

mod common;

use common::{assess, stiff_ankle_weak_calf, Journal};
use predicates::prelude::*;
use serde_json::Value;

const DAY: &str = "2026-09-01";
const LATER: &str = "2026-09-15";

fn named() -> Journal {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    j.ok(&["--date", DAY, "psfs", "set", "Run 5 km", "Walk the dog", "Stairs at work"]);
    j
}

/// Expects failure with `code` and `message`, a JSON error with `--json`, and no change.
fn rejected(j: &Journal, args: &[&str], code: i32, message: &str) -> Value {
    let before = j.export_without_timestamp();
    j.cmd(args).assert().code(code).stderr(predicate::str::contains(message)).stdout(predicate::str::is_empty());
    let mut json_args = vec!["--json"];
    json_args.extend_from_slice(args);
    let out = j.cmd(&json_args).output().expect("run");
    assert_eq!(out.status.code(), Some(code));
    let error: Value = serde_json::from_slice(&out.stderr).expect("JSON error on stderr");
    assert_eq!(j.export_without_timestamp(), before, "journal content changed");
    error
}

#[test]
fn rating_at_the_start_and_two_weeks_later_shows_the_change() {
    let j = named();
    let home = j.ok(&["--date", DAY]);
    assert!(home.contains("Rate your activities (firststep psfs rate …)"), "{home}");
    let screen = j.ok(&["--date", DAY, "psfs"]);
    assert!(screen.contains("Run 5 km") && screen.contains("firststep psfs rate S1 S2 S3"), "{screen}");

    j.ok(&["--date", DAY, "psfs", "rate", "3", "4", "4"]);
    assert!(!j.ok(&["--date", DAY]).contains("Rate your activities"));
    let due = j.json(&["--date", LATER, "psfs"]);
    assert_eq!(due["due"], true);
    assert!(j.ok(&["--date", LATER]).contains("Rate your activities (firststep psfs rate …)"));

    // --date after the subcommand works too (it is a global option).
    let psfs = j.json(&["psfs", "rate", "6", "5", "7", "--date", LATER]);
    assert_eq!(psfs["detectable_change"], true);
    assert_eq!(psfs["due"], false);
    assert_eq!(psfs["next_due"], "2026-09-29");
    assert_eq!(psfs["text"], "Your activities: 3.7 → 6.0 on average (+2.3, a change beyond the 2-point noise)");
    let first = &psfs["activities"][0];
    assert_eq!(first["name"], "Run 5 km");
    assert_eq!(first["first"], serde_json::json!({"date": DAY, "score": 3.0}));
    assert_eq!(first["latest"], serde_json::json!({"date": LATER, "score": 6.0}));
    assert_eq!((first["change"].as_i64(), first["detectable"].as_bool()), (Some(3), Some(true)));
    for key in ["id", "name", "first", "latest", "change", "detectable"] {
        assert!(first.get(key).is_some(), "activity key {key}");
    }
    for key in ["activities", "mean_first", "mean_latest", "mean_change", "detectable_change", "due", "due_reason", "next_due", "text"] {
        assert!(psfs.get(key).is_some(), "key {key}");
    }

    let screen = j.ok(&["--date", LATER, "psfs"]);
    assert!(screen.contains("+3 ✓") && screen.contains("Next rating: 2026-09-29"), "{screen}");
    let progress = j.ok(&["--date", LATER, "progress"]);
    assert!(progress.contains("3.7 → 6.0 on average"), "{progress}");
    assert_eq!(j.json(&["--date", LATER, "progress"])["psfs"]["detectable_change"], true);
    let trend = j.json(&["--date", LATER, "trend"]);
    assert_eq!(trend["psfs"].as_array().map(Vec::len), Some(2));
    assert_eq!(j.json(&["--date", LATER])["psfs_due"], false);
}

#[test]
fn set_prints_the_list_and_keeps_history() {
    let j = named();
    j.ok(&["--date", DAY, "psfs", "rate", "3", "4", "4"]);
    let list = j.json(&["--date", LATER, "psfs", "set", "run 5 km", "Stairs at work", "Hike"]);
    let names: Vec<&str> = list.as_array().expect("list").iter().map(|a| a["name"].as_str().unwrap_or("")).collect();
    assert_eq!(names, ["run 5 km", "Stairs at work", "Hike"]);
    assert_eq!(list[2]["added_on"], LATER);
    let psfs = j.json(&["--date", LATER, "psfs"]);
    assert_eq!(psfs["activities"][0]["first"]["score"], 3.0);
    assert_eq!(psfs["activities"][2]["first"], Value::Null);
}

#[test]
fn bad_input_is_refused_and_writes_nothing() {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    let error = rejected(&j, &["--date", DAY, "psfs", "rate", "3", "4", "5"], 1, "name 3 to 5");
    assert_eq!(error["error"]["kind"], "invalid_state");
    let error = rejected(&j, &["--date", DAY, "psfs", "set", "Run", "Walk"], 2, "name 3 to 5 activities (you named 2)");
    assert_eq!(error["error"]["field"], "names");
    let error = rejected(&j, &["--date", DAY, "psfs", "set", "Run", "Walk", "RUN"], 2, "repeats activity 1");
    assert_eq!(error["error"]["field"], "names[2]");

    j.ok(&["--date", DAY, "psfs", "set", "Run 5 km", "Walk the dog", "Stairs at work"]);
    let error = rejected(&j, &["--date", DAY, "psfs", "rate", "3", "4"], 2, "3 expected, got 2");
    assert_eq!(error["error"]["field"], "scores");
    let error = rejected(&j, &["--date", DAY, "psfs", "rate", "3", "11", "4"], 2, "Enter 0–10 for the activity's score (you entered 11)");
    assert_eq!(error["error"]["field"], "ratings[1].score");
    let error = rejected(&j, &["--date", DAY, "psfs", "rate", "3", "-1", "4"], 2, "Enter 0–10");
    assert_eq!(error["error"]["field"], "ratings[1].score");
    rejected(&j, &["--date", "2199-01-01", "psfs", "rate", "3", "4", "4"], 2, "future");
}
