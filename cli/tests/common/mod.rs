//! Shared helpers for the CLI tests: a temp database, the binary, answers files and JSON.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary folder holding the test's database (deleted at the end).
pub struct Journal {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Journal {
    pub fn new() -> Journal {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("firststep.db");
        Journal { dir, db }
    }

    /// `firststep --db DB --tz UTC ARGS…`
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("firststep").expect("binary");
        cmd.arg("--db").arg(&self.db);
        if !args.contains(&"--tz") {
            cmd.args(["--tz", "UTC"]);
        }
        cmd.args(args);
        cmd
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run");
        assert!(
            out.status.success(),
            "firststep {args:?} failed ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs with `--json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }

    /// Writes a file in the temp folder and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    /// The JSON backup without its export timestamp (for before/after comparisons).
    pub fn export_without_timestamp(&self) -> Value {
        let out = self.dir.path().join(format!("export-{}.json", std::process::id()));
        self.ok(&["export", "--out", out.to_str().expect("path")]);
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("json");
        strip_timestamps(&mut doc);
        let _ = std::fs::remove_file(out);
        doc
    }
}

/// Removes `exported_at*` keys anywhere in a backup document.
pub fn strip_timestamps(doc: &mut Value) {
    match doc {
        Value::Object(map) => {
            map.retain(|k, _| !k.starts_with("exported_at"));
            map.values_mut().for_each(strip_timestamps);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_timestamps),
        _ => {}
    }
}

/// The one-sided runner of the issue: a stiff left ankle and a weak left calf.
pub fn stiff_ankle_weak_calf(date: &str) -> String {
    serde_json::json!({
        "date": date, "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 6,
        "red_flags": [],
        "knee_to_wall_cm": {"left": 6.0, "right": 11.0},
        "heel_raise_reps": {"left": 14, "right": 24}
    })
    .to_string()
}

/// A runner whose tests are all fine: the base program only (short sessions).
pub fn few_findings(date: &str) -> String {
    serde_json::json!({
        "date": date, "affected_side": "right", "first_step_pain": 3,
        "knee_to_wall_cm": {"left": 12.0, "right": 12.0},
        "heel_raise_reps": {"left": 25, "right": 25}
    })
    .to_string()
}

/// `date` plus `days` (YYYY-MM-DD).
pub fn add_days(date: &str, days: i64) -> String {
    firststep_core::day::Day::parse("date", date).expect("date").add_days(days as i32).iso()
}

/// Assesses `answers` on its own date.
pub fn assess(j: &Journal, date: &str, answers: &str) -> Value {
    let file = j.write("answers.json", answers);
    j.json(&["--date", date, "assess", "--answers", file.to_str().expect("path")])
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
