//! Bad input on the command line, as a table: each row gives the exit code, the error kind, the
//! JSON error's field and the words the message must contain (the field and the allowed range
//! where there is one). Every row runs as a human command and with `--json` (stderr must be one
//! JSON document, stdout empty), and the journal's bytes must be unchanged afterwards.

mod common;

use common::{assess, stiff_ankle_weak_calf, Journal};
use serde_json::Value;

const DAY: &str = "2026-09-01";

struct Row {
    args: Vec<String>,
    code: i32,
    kind: &'static str,
    field: Option<&'static str>,
    contains: Vec<&'static str>,
    /// Only meaningful with `--json` (without it the command would ask on stdin).
    json_only: bool,
}

fn row(args: &[&str], code: i32, kind: &'static str, field: Option<&'static str>, contains: &[&'static str]) -> Row {
    Row { args: args.iter().map(|s| s.to_string()).collect(), code, kind, field, contains: contains.to_vec(), json_only: false }
}

fn bytes(j: &Journal) -> (Vec<u8>, Vec<u8>) {
    let wal = j.dir.path().join("firststep.db-wal");
    (std::fs::read(&j.db).expect("journal"), std::fs::read(wal).unwrap_or_default())
}

/// The journal's own backup after `edit`, written next to it.
fn backup_file(j: &Journal, name: &str, backup: &Value, edit: impl Fn(&mut Value)) -> String {
    let mut doc = backup.clone();
    edit(&mut doc);
    j.write(name, &doc.to_string()).to_string_lossy().into_owned()
}

fn answers_file(j: &Journal, name: &str, edit: impl Fn(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(&stiff_ankle_weak_calf(DAY)).expect("answers");
    edit(&mut doc);
    j.write(name, &doc.to_string()).to_string_lossy().into_owned()
}

#[test]
fn every_bad_command_line_names_the_field_and_range_and_writes_nothing() {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    j.ok(&["--date", DAY, "pain", "5"]);
    j.ok(&["--date", DAY, "run", "--km", "5"]);
    j.ok(&["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "15", "--pain", "2"]);
    let backup_path = j.dir.path().join("backup.json");
    j.ok(&["--date", DAY, "export", "--out", backup_path.to_str().expect("path")]);
    let backup: Value = serde_json::from_str(&std::fs::read_to_string(&backup_path).expect("backup")).expect("json");
    let note = "n".repeat(1001);
    let journal = j.db.to_string_lossy().into_owned();

    let scroe = backup_file(&j, "scroe.json", &backup, |v| v["pain"][0]["scroe"] = 4.into());
    let run_key = backup_file(&j, "run-key.json", &backup, |v| v["runs"][0]["pace"] = 4.into());
    let negative = backup_file(&j, "negative.json", &backup, |v| v["pain"][0]["score"] = (-1).into());
    let version = backup_file(&j, "version.json", &backup, |v| v["format_version"] = (-1).into());
    let heel = answers_file(&j, "heel.json", |v| v["heel_raise_reps"]["left"] = (-1).into());
    let cadence = answers_file(&j, "cadence.json", |v| v["cadence_spm"] = "fast".into());
    let typo = answers_file(&j, "typo.json", |v| v["cadense_spm"] = 160.into());
    let missing = j.dir.path().join("missing.json").to_string_lossy().into_owned();

    let mut rows = vec![
        // Morning pain: the parser and the core give the 0–10 range (item 5).
        row(&["--date", DAY, "pain", "11"], 2, "invalid_input", Some("score"), &["score", "0..=10", "11"]),
        row(&["--date", DAY, "hop-check", "11"], 2, "invalid_input", Some("pain"), &["pain", "0..=10", "11"]),
        row(&["--date", DAY, "pain", "-1"], 2, "invalid_input", Some("score"), &["score", "0..=10", "-1"]),
        row(&["--date", DAY, "pain", "4.5"], 2, "invalid_input", Some("score"), &["from 0 to 10", "4.5", "whole number"]),
        row(&["--date", DAY, "pain", "abc"], 2, "invalid_input", Some("score"), &["from 0 to 10", "abc"]),
        row(&["--date", DAY, "pain", "3", "--stiffness", "601"], 2, "invalid_input", Some("stiffness_minutes"), &["stiffness_minutes", "0..=600"]),
        row(&["--date", DAY, "pain", "3", "--stiffness", "ten"], 2, "invalid_input", Some("stiffness"), &["from 0 to 600", "ten"]),
        // Item 10: the field is `note`.
        row(&["--date", DAY, "pain", "3", "--note", &note], 2, "invalid_input", Some("note"), &["note", "0..=1000 characters", "1001"]),
        row(&["--date", "2199-01-01", "pain", "3"], 2, "invalid_input", Some("date"), &["date", "future"]),
        row(&["--date", "2026-13-01", "pain", "3"], 2, "invalid_input", Some("date"), &["date", "2026-13-01"]),
        row(&["--date", "01.09.2026", "pain", "3"], 2, "invalid_input", Some("date"), &["date", "a date such as 2026-03-01"]),
        row(&["--tz", "Mars/Olympus", "pain", "3"], 2, "invalid_input", Some("tz"), &["Mars/Olympus", "IANA"]),
        // Runs (item 10: 1e308 in short form).
        row(&["--date", DAY, "run", "--km", "1e308"], 2, "invalid_input", Some("distance_km"), &["distance_km", "0.1..=300", "(got 1e308)"]),
        row(&["--date", DAY, "run", "--km", "0"], 2, "invalid_input", Some("distance_km"), &["distance_km", "0.1..=300"]),
        row(&["--date", DAY, "run", "--km", "fast"], 2, "invalid_input", Some("km"), &["from 0.1 to 300", "fast"]),
        row(&["--date", DAY, "run", "--km", "5", "--minutes", "0"], 2, "invalid_input", Some("minutes"), &["minutes", "1..=2000"]),
        row(&["--date", DAY, "run", "--km", "5", "--minutes", "half"], 2, "invalid_input", Some("minutes"), &["from 1 to 2000", "half"]),
        row(&["--date", DAY, "run", "--km", "5", "--pain", "11"], 2, "invalid_input", Some("pain_during"), &["pain_during", "0..=10"]),
        row(&["--date", DAY, "run", "--km", "5", "--pain", "2.5"], 2, "invalid_input", Some("pain"), &["from 0 to 10", "2.5"]),
        row(&["--date", DAY, "progress", "--planned-km", "0"], 2, "invalid_input", Some("planned_run_km"), &["planned_run_km", "0.1..=300"]),
        row(&["--date", DAY, "progress", "--planned-km", "far"], 2, "invalid_input", Some("planned_km"), &["from 0.1 to 300", "far"]),
        // Sessions (item 7: a hold for a rep exercise).
        row(&["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--hold", "30", "--pain", "2"], 2, "invalid_input", Some("hold_seconds"), &["calf and plantar fascia loading", "rep exercise", "reps"]),
        row(&["--date", DAY, "session", "log", "--exercise", "moonwalk", "--sets", "3", "--reps", "10", "--pain", "2"], 2, "not_found", None, &["moonwalk"]),
        row(&["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "2.5", "--reps", "10", "--pain", "2"], 2, "invalid_input", Some("sets"), &["from 1 to 20", "2.5"]),
        row(&["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "0", "--reps", "10", "--pain", "2"], 2, "invalid_input", Some("sets"), &["sets", "1..=20"]),
        row(&["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "201", "--pain", "2"], 2, "invalid_input", Some("reps"), &["reps", "0..=200"]),
        row(&["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "many", "--pain", "2"], 2, "invalid_input", Some("reps"), &["from 0 to 200", "many"]),
        row(&["--date", DAY, "session", "log", "--exercise", "calf_loading", "--sets", "3", "--reps", "10", "--pain", "11"], 2, "invalid_input", Some("pain"), &["pain", "0..=10"]),
        row(&["--date", DAY, "session", "log", "--exercise", "plantar_fascia_stretch", "--sets", "3", "--hold", "x", "--pain", "1"], 2, "invalid_input", Some("hold"), &["from 0 to 600", "x"]),
        row(&["--date", DAY, "session", "--speed", "0", "--pain", "2"], 2, "invalid_input", Some("speed"), &["speed", "0.1..=1000"]),
        row(&["--date", DAY, "session", "--speed", "fast", "--pain", "2"], 2, "invalid_input", Some("speed"), &["from 0.1 to 1000", "fast"]),
        row(&["--date", DAY, "session", "--pain", "11"], 2, "invalid_input", Some("pain"), &["pain", "0..=10"]),
        // Answers files (item 5): the field and its range or type.
        row(&["--date", DAY, "assess", "--answers", &heel], 2, "invalid_input", Some("heel_raise_reps.left"), &["heel_raise_reps.left", "0..=200", "-1"]),
        row(&["--date", DAY, "assess", "--answers", &cadence], 2, "invalid_input", Some("cadence_spm"), &["cadence_spm", "100..=240", "fast"]),
        row(&["--date", DAY, "assess", "--answers", &typo], 2, "invalid_input", Some("cadense_spm"), &["cadense_spm", "unknown key"]),
        row(&["--date", DAY, "assess", "--answers", &missing], 2, "invalid_input", Some("answers"), &["cannot read", "missing.json"]),
        // Backups (items 3 and 4).
        row(&["--date", DAY, "import", &scroe], 1, "import", None, &["pain[0]: unknown key \"scroe\"", "nothing was written"]),
        row(&["--date", DAY, "import", &run_key], 1, "import", None, &["runs[0]: unknown key \"pace\""]),
        row(&["--date", DAY, "import", &negative], 1, "import", None, &["pain[0].score must be in 0..=10 (got -1)"]),
        row(&["--date", DAY, "import", &version], 1, "import", None, &["format_version must be in 1..=4 (got -1)"]),
        // Other arguments and files.
        row(&["--date", DAY, "trend", "--weeks", "5"], 2, "invalid_input", Some("weeks"), &["5", "4", "8", "12"]),
        row(&["--date", DAY, "settings", "--units", "furlongs"], 2, "invalid_input", Some("units"), &["furlongs", "metric", "imperial"]),
        row(&["--date", DAY, "export", "--out", &journal, "--force"], 2, "invalid_input", Some("out"), &["journal"]),
    ];
    // Item 8: with --json nothing is asked.
    for (args, field) in [(vec!["--date", DAY, "assess"], "answers"), (vec!["--date", DAY, "session"], "pain"), (vec!["--date", DAY, "session", "--resume"], "pain")] {
        let mut r = row(&args, 2, "invalid_input", Some(field), &["with --json nothing is asked", field]);
        r.json_only = true;
        rows.push(r);
    }
    assert!(rows.len() >= 45, "{} rows", rows.len());

    let mut failures = Vec::new();
    for r in &rows {
        let name = r.args.join(" ");
        let name = if name.len() > 90 { format!("{}…", &name[..90]) } else { name };
        let before = bytes(&j);
        // `--json` first: the field, the range and the value are data there; the words of a row
        // are looked for in "`field` must be in `allowed` (got `got`)" and the message.
        let mut json_args = vec!["--json"];
        json_args.extend(r.args.iter().map(String::as_str));
        let out = j.cmd(&json_args).write_stdin("").output().expect("run");
        if out.status.code() != Some(r.code) || !out.stdout.is_empty() {
            failures.push(format!("{name} --json: exit {:?}, stdout {:?}", out.status.code(), String::from_utf8_lossy(&out.stdout)));
        }
        let mut message = String::new();
        match serde_json::from_slice::<Value>(&out.stderr) {
            Err(e) => failures.push(format!("{name} --json: stderr is not one JSON document ({e}): {}", String::from_utf8_lossy(&out.stderr))),
            Ok(doc) => {
                let error = &doc["error"];
                message = error["message"].as_str().unwrap_or("").to_string();
                if error["kind"] != r.kind || error["field"].as_str() != r.field {
                    failures.push(format!("{name} --json: {error}, want kind {} field {:?}", r.kind, r.field));
                }
                let data = match (error["field"].as_str(), error["allowed"].as_str(), error["got"].as_str()) {
                    (Some(field), Some(allowed), Some(got)) => format!("{field} must be in {allowed} (got {got})"),
                    (Some(field), _, _) => field.to_string(),
                    _ => String::new(),
                };
                let haystack = format!("{data} · {message}");
                for word in &r.contains {
                    if !haystack.contains(word) {
                        failures.push(format!("{name} --json: {haystack:?} lacks {word:?}"));
                    }
                }
                if message.len() > 2000 {
                    failures.push(format!("{name} --json: a {}-character message", message.len()));
                }
            }
        }
        // The human output prints the same message.
        if !r.json_only {
            let out = j.cmd(&r.args.iter().map(String::as_str).collect::<Vec<_>>()).write_stdin("").output().expect("run");
            let stderr = String::from_utf8_lossy(&out.stderr);
            if out.status.code() != Some(r.code) {
                failures.push(format!("{name}: exit {:?}, want {} ({stderr})", out.status.code(), r.code));
            }
            if !out.stdout.is_empty() {
                failures.push(format!("{name}: printed on stdout: {}", String::from_utf8_lossy(&out.stdout)));
            }
            // (The argument parser's own message is laid out on lines there, joined by "; " in JSON.)
            if !stderr.contains(message.split("; ").next().unwrap_or("")) {
                failures.push(format!("{name}: {stderr:?} lacks the message {message:?}"));
            }
        }
        if bytes(&j) != before {
            failures.push(format!("{name}: the journal's bytes changed"));
        }
    }
    assert!(failures.is_empty(), "{} problems in {} rows:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

#[test]
fn a_missed_morning_before_the_program_started_is_logged() {
    // Item 6: the program starts on 2026-09-01; the morning of 2026-08-28 is history worth keeping.
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    let logged = j.json(&["--date", "2026-08-28", "pain", "6"]);
    assert_eq!(logged["entry"]["date"], "2026-08-28");
    assert_eq!(logged["decisions"].as_array().map(Vec::len), Some(0));
    j.ok(&["--date", DAY, "pain", "5"]);
    let trend = j.json(&["--date", DAY, "trend", "--weeks", "4"]);
    let days = trend["days"].as_array().expect("days");
    assert!(days.iter().all(|d| d["date"].as_str() >= Some(DAY) || d["pain"].is_null()), "the trend starts at the program");
    assert_eq!(trend["baseline"], 5.0);
    let csv = j.ok(&["export", "--csv"]);
    assert!(csv.contains("2026-08-28,6"), "{csv}");
}

#[cfg(unix)]
#[test]
fn a_read_only_journal_shows_home_and_trend_and_refuses_a_log() {
    use std::os::unix::fs::PermissionsExt;
    // Item 9, in a read-only folder: reads work, a write says why, no side files appear.
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    j.ok(&["--date", DAY, "pain", "5"]);
    let folder = j.dir.path().to_path_buf();
    let export = tempfile::tempdir().expect("dir");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let before = bytes(&j);
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(&folder).expect("dir").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    };
    let files = listing();
    assert_eq!(j.json(&["--date", DAY])["last_pain"]["score"], 5);
    j.ok(&["--date", DAY, "trend"]);
    j.ok(&["--date", DAY, "export", "--out", export.path().join("b.json").to_str().expect("path")]);
    let out = j.cmd(&["--json", "--date", DAY, "pain", "3"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&out.stderr).expect("JSON error");
    let message = error["error"]["message"].as_str().unwrap_or("");
    assert!(error["error"]["kind"] == "database" && message.contains("is read-only") && message.contains("firststep.db"), "{error}");
    assert_eq!(listing(), files, "no -wal/-shm left behind");
    assert_eq!(bytes(&j), before);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}
