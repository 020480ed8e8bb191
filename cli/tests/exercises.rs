//! `firststep exercises`: the library list (human and `--json`: id, name, max_level) and
//! `exercises show ID … --svg FILE` writing a figure of an exercise or an assessment test
//! (issue 21), refusing an existing file without --force and the journal always, and bad input
//! as typed errors (docs/cli.md).

mod common;

use common::{path_str, Journal};
use serde_json::Value;

#[test]
fn the_json_list_is_the_library_with_ids_names_and_max_levels() {
    let j = Journal::new();
    let list = j.json(&["exercises"]);
    let rows = list.as_array().expect("array");
    assert_eq!(rows.len(), 11);
    let calf = rows.iter().find(|r| r["id"] == "calf_loading").expect("calf_loading");
    assert_eq!(calf["max_level"], 4, "rule L1/L2's calf ladder has L0–L4");
    assert_eq!(calf["name"], "Calf and plantar fascia loading");
    for row in rows {
        let keys: Vec<&String> = row.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["id", "max_level", "name"], "{row}");
    }
    // The library needs no journal: nothing was created.
    assert!(!j.db.exists(), "exercises must not create the journal");
    let human = j.ok(&["exercises"]);
    assert!(human.contains("calf_loading") && human.contains("Single-leg raise on a towel"), "{human}");
    assert!(human.contains("knee_to_wall_cm"), "the tests with a figure are named: {human}");
}

#[test]
fn show_writes_an_svg_of_the_pose_asked_for() {
    let j = Journal::new();
    let out = j.dir.path().join("raise.svg");
    let text = j.ok(&["exercises", "show", "calf_loading", "--level", "2", "--side", "left", "--phase", "up", "--at", "0.5", "--svg", path_str(&out)]);
    assert!(text.contains("Wrote the figure of Calf and plantar fascia loading (level 2, left side, up at 0.50)"), "{text}");
    let svg = std::fs::read_to_string(&out).expect("svg written");
    assert!(svg.starts_with("<svg") && svg.contains("<circle") && svg.contains("#d9480f"), "head and working limb: {svg}");
    // Half-way up differs from the bottom, and the left side from the right.
    let bottom = j.dir.path().join("bottom.svg");
    j.ok(&["exercises", "show", "calf_loading", "--level", "2", "--side", "left", "--phase", "up", "--at", "0", "--svg", path_str(&bottom)]);
    assert_ne!(std::fs::read_to_string(&bottom).unwrap(), svg);
    // A test's figure, with --json describing what was written (knee-to-wall, CLINICAL A1).
    let ktw = j.dir.path().join("ktw.svg");
    let doc: Value = j.json(&["exercises", "show", "knee_to_wall_cm", "--svg", path_str(&ktw)]);
    assert_eq!(doc["figure_id"], "knee_to_wall_cm");
    assert_eq!(doc["phase"], "hold");
    assert_eq!(doc["view"], "side");
    assert_eq!(doc["to_key"], "knee_at_wall");
    assert!(std::fs::read_to_string(&ktw).unwrap().contains(" cm</text>"), "the distance is marked");
}

fn refused(j: &Journal, args: &[&str], field: &str, words: &str) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = j.cmd(&all).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err: Value = serde_json::from_slice(&out.stderr).expect("JSON error");
    assert_eq!(err["error"]["kind"], "invalid_input", "{err}");
    assert_eq!(err["error"]["field"], field, "{err}");
    // The range is data (`allowed`); the message says it in words.
    let message = err["error"]["message"].as_str().unwrap();
    assert!(err["error"]["allowed"].as_str().unwrap_or("").contains(words) || message.contains(words), "{err}");
    assert!(!message.contains("..=") && !message.contains("(got "), "{err}");
}

#[test]
fn show_refuses_bad_input_and_files_it_must_not_replace() {
    let j = Journal::new();
    let out = j.dir.path().join("f.svg");
    let target = path_str(&out);
    refused(&j, &["exercises", "show", "toe_yoga", "--svg", target], "exercise_id", "calf_loading");
    refused(&j, &["exercises", "show", "calf_loading", "--level", "5", "--svg", target], "level of calf_loading", "0..=4");
    refused(&j, &["exercises", "show", "calf_loading", "--at", "1.5", "--svg", target], "progress", "0..=1");
    refused(&j, &["exercises", "show", "calf_loading", "--at", "NaN", "--svg", target], "at", "a number");
    let no_file = j.cmd(&["exercises", "show", "calf_loading"]).output().unwrap();
    assert_eq!(no_file.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_file.stderr).contains("pass --svg FILE"));
    // With --json and no file, the frame's primitives are printed for scripts.
    let frame = j.json(&["exercises", "show", "calf_loading", "--level", "1", "--phase", "down", "--at", "0.5"]);
    assert_eq!(frame["from_key"], "top_one_foot", "rule L2: the other foot lifted, lowering on the working foot");
    let roles: Vec<&str> = frame["primitives"].as_array().unwrap().iter().map(|p| p["role"].as_str().unwrap()).collect();
    for role in ["working_limb", "other_limb", "body", "prop", "ground", "motion_arrow"] {
        assert!(roles.contains(&role), "{role} in {roles:?}");
    }
    assert!(!out.exists(), "nothing written on bad input");

    std::fs::write(&out, "keep me").unwrap();
    refused(&j, &["exercises", "show", "calf_loading", "--svg", target], "out", "already exists; pass --force");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    j.ok(&["exercises", "show", "calf_loading", "--svg", target, "--force"]);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<svg"));

    // Never over the journal, even with --force.
    j.ok(&["pain", "3"]);
    let before = std::fs::read(&j.db).unwrap();
    refused(&j, &["exercises", "show", "calf_loading", "--svg", path_str(&j.db), "--force"], "out", "is the journal");
    assert_eq!(std::fs::read(&j.db).unwrap(), before);
}
