//! Shared helpers for the journal integration tests: record builders and row counts read
//! straight from the file (independently of the `Journal` API).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use firststep_core::day::Day;
use firststep_core::journal::Journal;
use firststep_core::model::*;

pub fn day(text: &str) -> Day {
    Day::parse("test", text).expect("test date")
}

pub fn pain(date: &str, score: u8) -> PainEntry {
    PainEntry { date: date.into(), score, stiffness_minutes: Some(10), note: None, logged_at_ms: 1_700_000_000_000 }
}

pub fn session(date: &str, exercise_id: &str) -> SessionRecord {
    SessionRecord {
        date: date.into(),
        exercise_id: exercise_id.into(),
        level: 1,
        sets_done: 3,
        reps_done: Some(12),
        hold_seconds_done: None,
        peak_pain: 2,
        completed: true,
        skipped_steps: 0,
    effort: None,
    reps_in_reserve: None,
    }
}

pub fn run(date: &str, km: f64) -> RunRecord {
    RunRecord { date: date.into(), distance_km: km, minutes: Some(30.0), pain_during: Some(2), pain_after: Some(1), surface: Some("road".into()), shoes: None, ..Default::default() }
}

pub fn decision(date: &str, exercise_id: &str, action: DecisionAction, from: u32, to: u32) -> Decision {
    Decision { date: date.into(), exercise_id: exercise_id.into(), action, from_level: from, to_level: to, rule: "P4".into(), reason: "3 calm sessions".into() }
}

pub fn exercise(id: &str, frequency: Frequency, level_started_on: &str) -> ProgramExercise {
    ProgramExercise {
        exercise_id: id.into(),
        name: id.replace('_', " "),
        level: 1,
        max_level: 4,
        level_name: "L1".into(),
        how_to: vec!["step".into()],
        sets: 3,
        reps: Some(12),
        hold_seconds: None,
        tempo: None,
        rest_seconds: 60,
        load: None,
        sides: Side::Both,
        frequency,
        evidence_tier: EvidenceTier::RctPf,
        answers: vec![],
        level_started_on: level_started_on.into(),
        rules: vec!["L1".into()],
        minutes: 0,
        min_days_at_level: 0,
        asks_effort: false,
        load_steps: 0,
        lesson_id: None,
    }
}

/// A program started on `started_on`: a daily stretch and an every-other-day heel raise.
pub fn program(started_on: &str) -> Program {
    Program {
        started_on: started_on.into(),
        exercises: vec![exercise("fascia_stretch", Frequency::Daily, started_on), exercise("heel_raise", Frequency::EveryOtherDay, started_on)],
        caution: None,
        cadence_cue: None,
    minutes_per_day: 0,
    set_aside: vec![],
    }
}

pub fn known(id: &str) -> bool {
    ["fascia_stretch", "heel_raise", "heel_drop", "toe_scrunch", "balance"].contains(&id)
}

pub struct TempJournal {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub journal: Journal,
}

pub fn temp_journal() -> TempJournal {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.sqlite");
    let journal = Journal::open(&path).expect("open journal");
    TempJournal { dir, path, journal }
}

pub const TABLES: [&str; 9] = ["settings", "safety_screens", "assessments", "programs", "pain", "pain_edits", "sessions", "runs", "decisions"];

/// Row counts of every table, read with a separate connection.
pub fn row_counts(path: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(path).expect("open for counting");
    TABLES.iter().map(|t| (t.to_string(), conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).expect("count"))).collect()
}

/// The schema as (type, name, sql) rows, for comparing a migrated file with a fresh one.
pub fn schema_of(path: &Path) -> Vec<(String, String, Option<String>)> {
    let conn = rusqlite::Connection::open(path).expect("open for schema");
    let mut stmt = conn.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").expect("prepare");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("query").collect::<Result<_, _>>().expect("rows")
}
