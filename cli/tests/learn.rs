//! `firststep learn`: the lessons list with what is open, one lesson (text, rules, exercises), a
//! locked one saying when it opens, an unknown id, and the JSON shapes (docs/cli.md).

mod common;

use common::{add_days, assess, few_findings, stiff_ankle_weak_calf, Journal};
use predicates::prelude::*;
use serde_json::Value;

const DAY: &str = "2026-09-01";

fn open_ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .filter(|l| l["unlocked"] == true)
        .map(|l| l["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn learn_json_lists_every_lesson_with_the_documented_keys() {
    let j = Journal::new();
    let list = j.json(&["--date", DAY, "learn"]);
    let lessons = list.as_array().expect("array");
    assert_eq!(lessons.len(), 7);
    for key in ["id", "title", "body", "rules", "unlock_week", "domains", "exercise_ids", "unlocked", "unlocked_because"] {
        assert!(lessons[0].get(key).is_some(), "lesson key {key}");
    }
    // No program yet: only the day-one lessons.
    assert_eq!(open_ids(&list), ["E1", "E4"]);
    let e1 = j.json(&["--date", DAY, "learn", "E1"]);
    assert_eq!(e1["id"], "E1");
    assert_eq!(e1["exercise_ids"], serde_json::json!(["calf_loading"]));
}

#[test]
fn a_calf_finding_opens_the_chain_lesson_and_weeks_open_the_rest() {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    assert_eq!(open_ids(&j.json(&["--date", DAY, "learn"])), ["E1", "E2", "E4"]);
    assert_eq!(open_ids(&j.json(&["--date", &add_days(DAY, 21), "learn"])), ["E1", "E2", "E3", "E4", "E5", "E6"]);

    let fine = Journal::new();
    assess(&fine, DAY, &few_findings(DAY));
    assert_eq!(open_ids(&fine.json(&["--date", DAY, "learn"])), ["E1", "E4"]);
    assert_eq!(open_ids(&fine.json(&["--date", &add_days(DAY, 7), "learn"])), ["E1", "E2", "E3", "E4"]);
}

#[test]
fn the_human_list_and_a_lesson_read_in_the_terminal() {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    let list = j.ok(&["--date", DAY, "learn"]);
    assert!(list.contains("Your heel is a load problem"), "{list}");
    assert!(list.contains("open · your ankle mobility finding"), "the first finding in chain order: {list}");
    assert!(list.contains("🔒 opens in week 3"), "{list}");

    let lesson = j.ok(&["--date", DAY, "learn", "e2"]);
    assert!(lesson.contains("E2 · The chain"), "{lesson}");
    assert!(lesson.contains("Rules (CLINICAL): E2"), "{lesson}");
    assert!(lesson.contains("Calf stretch against a wall") || lesson.contains("Knee-to-wall ankle rocks"), "{lesson}");
    assert!(lesson.lines().all(|l| l.chars().count() <= 80), "paragraphs are wrapped:\n{lesson}");

    // A locked lesson: shown with when it opens, exit 0.
    let locked = j.ok(&["--date", DAY, "learn", "E6"]);
    assert!(locked.contains("Opens in week 3 of your program"), "{locked}");
    assert!(!locked.contains("4–6 weeks"), "the text waits for the lesson to open: {locked}");
    let locked_json = j.json(&["--date", DAY, "learn", "E6"]);
    assert_eq!(locked_json["unlocked"], false);
    assert_eq!(locked_json["unlocked_because"], "Opens in week 3 of your program");
}

#[test]
fn an_unknown_lesson_is_bad_input_listing_the_ids() {
    let j = Journal::new();
    j.cmd(&["--date", DAY, "learn", "E9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("E1, E2, E3, E4, E5, E6, E7"))
        .stdout(predicate::str::is_empty());
    let out = j.cmd(&["--json", "--date", DAY, "learn", "E9"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&out.stderr).expect("JSON error on stderr");
    assert_eq!(error["error"]["kind"], "not_found");
}
