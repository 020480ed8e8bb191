//! Opening, migrations and refusal cases, on real files.

mod journal_support;

use std::fs;

use firststep_core::error::CoreError;
use firststep_core::journal::{schema, Journal};
use firststep_core::model::{DecisionAction, RedFlagLevel, Side, Units};
use journal_support::*;

#[test]
fn a_new_file_gets_the_current_schema_with_wal_and_full_sync() {
    let t = temp_journal();
    assert_eq!(t.journal.schema_version().unwrap(), schema::CURRENT_VERSION);
    assert_eq!(t.journal.path(), t.path.display().to_string());
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(t.journal.integrity_check().unwrap(), vec!["ok".to_string()]);
    assert!(t.journal.migration_notes().unwrap().is_empty(), "a new journal has nothing to report");
    // Reopening an up-to-date file is a no-op.
    drop(t.journal);
    let again = Journal::open(&t.path).unwrap();
    assert_eq!(again.schema_version().unwrap(), schema::CURRENT_VERSION);
}

#[test]
fn frozen_v1_database_migrates_with_data_intact_and_schema_equal_to_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.sqlite");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(include_str!("fixtures/schema_v1.sql")).unwrap();
    }
    let journal = Journal::open(&old).expect("v1 migrates");
    assert_eq!(journal.schema_version().unwrap(), schema::CURRENT_VERSION);

    let s = journal.settings().unwrap();
    assert_eq!((s.units, s.affected_side, s.session_days.clone(), s.time_zone.as_str()), (Units::Imperial, Side::Right, vec![1, 3, 5], "Europe/Berlin"));
    assert_eq!(journal.latest_red_flag().unwrap(), Some((day("2026-01-02"), RedFlagLevel::Refer)));
    let assessments = journal.assessments().unwrap();
    assert_eq!(assessments.len(), 1);
    assert_eq!(assessments[0].answers.heel_raise_reps.unwrap().right, 15);
    let program = journal.current_program().unwrap().expect("program survived");
    assert_eq!(program.exercises[0].exercise_id, "heel_raise");
    let pain = journal.pain_entries(day("2026-01-01"), day("2026-01-31")).unwrap();
    assert_eq!(pain.iter().map(|p| p.score).collect::<Vec<_>>(), vec![6, 5, 5]);
    assert_eq!(pain[0].note.as_deref(), Some("first day, \"sore\", stiff"));
    assert_eq!(journal.sessions(day("2026-01-01"), day("2026-01-31")).unwrap().len(), 2);
    assert_eq!(journal.runs(day("2026-01-01"), day("2026-01-31")).unwrap()[0].shoes.as_deref(), Some("old trainers"));
    assert_eq!(journal.all_decisions().unwrap()[0].action, DecisionAction::Hold);

    // The v2 feature works on the migrated file: an edit keeps the earlier value.
    journal.log_pain(&pain_at("2026-01-05", 3), day("2026-01-06")).unwrap();
    assert_eq!(journal.pain_edits(day("2026-01-05")).unwrap()[0].score, 5);
    drop(journal);

    let fresh = temp_journal();
    assert_eq!(schema_of(&old), schema_of(&fresh.path), "migrated schema must equal a fresh one");
}

fn pain_at(date: &str, score: u8) -> firststep_core::model::PainEntry {
    let mut p = pain(date, score);
    p.logged_at_ms += 86_400_000;
    p
}

#[test]
fn a_newer_database_is_refused_and_left_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;").unwrap();
    }
    let before = fs::read(&path).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let err = Journal::open(&path).err().expect("refused");
    match &err {
        CoreError::DatabaseTooNew { path: p, found, supported } => {
            assert_eq!((*found, *supported), (99, schema::CURRENT_VERSION));
            assert!(p.contains("future.sqlite"));
        }
        other => panic!("expected DatabaseTooNew, got {other:?}"),
    }
    assert!(err.to_string().contains("update FirstStep"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    assert!(!dir.path().join("future.sqlite-wal").exists(), "no WAL file created");
}

#[test]
fn a_garbage_file_is_an_error_naming_the_path_and_is_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    let garbage: String = "my heel hurts, this is not a database\n".repeat(110)[..4096].to_string();
    fs::write(&path, &garbage).unwrap();
    let err = Journal::open(&path).err().expect("refused");
    assert!(matches!(err, CoreError::Database { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains(&path.display().to_string()) && text.contains("untouched"), "{text}");
    assert_eq!(fs::read(&path).unwrap(), garbage.as_bytes());
    // Trying again does not change that.
    assert!(Journal::open(&path).is_err());
    assert_eq!(fs::read(&path).unwrap(), garbage.as_bytes());
}

#[test]
fn someone_elses_sqlite_file_is_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');").unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Journal::open(&path).err().expect("refused");
    assert!(err.to_string().contains("not a FirstStep journal"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn an_unopenable_path_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-dir").join("journal.sqlite");
    let err = Journal::open(&path).err().expect("refused");
    assert!(err.to_string().contains("missing-dir"), "{err}");
    assert!(!path.exists());
}

#[test]
fn frozen_v2_database_migrates_re_grading_its_safety_screens_and_records_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v2.sqlite");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(include_str!("fixtures/schema_v2.sql")).unwrap();
    }
    let journal = Journal::open(&old).expect("v2 migrates");
    assert_eq!(journal.schema_version().unwrap(), schema::CURRENT_VERSION);
    // rules R2/R3: night pain and a heel-squeeze sign now mean no impact; nerve symptoms stay refer;
    // an id this app never knew keeps its stored level; the latest (aliased) screen is no impact.
    let conn = rusqlite::Connection::open(&old).unwrap();
    let levels: Vec<(String, String)> = conn
        .prepare("SELECT date, level FROM safety_screens ORDER BY date")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected = [
        ("2026-03-01", "refer_no_impact"),
        ("2026-03-02", "refer"),
        ("2026-03-03", "refer"),
        ("2026-03-04", "none"),
        ("2026-03-15", "refer_no_impact"),
    ];
    assert_eq!(levels, expected.iter().map(|(d, l)| (d.to_string(), l.to_string())).collect::<Vec<_>>());
    assert_eq!(journal.latest_red_flag().unwrap(), Some((day("2026-03-15"), RedFlagLevel::ReferNoImpact)));
    let result: serde_json::Value = serde_json::from_str(&journal.assessments().unwrap()[0].result_json).unwrap();
    assert_eq!(result["safety"]["level"], "refer_no_impact", "the stored result is re-graded too");
    assert_eq!(
        journal.migration_notes().unwrap(),
        vec!["Re-graded 2 of 5 stored safety screen(s) under the revised red-flag levels (CLINICAL R1-R3).".to_string()]
    );
    // Data intact: the edited morning keeps its history; the v3 table works.
    assert_eq!(journal.pain_edits(day("2026-03-16")).unwrap()[0].score, 6);
    let visit = firststep_core::journal::ClinicianVisit { date: "2026-03-20".into(), cleared: false, logged_at_ms: 1 };
    journal.record_clinician_visit(&visit, day("2026-03-21")).unwrap();
    assert_eq!(journal.clinician_visits().unwrap(), vec![visit]);
    drop(journal);
    drop(conn);

    let fresh = temp_journal();
    assert_eq!(schema_of(&old), schema_of(&fresh.path), "migrated schema must equal a fresh one");
}

#[test]
fn frozen_v3_database_caps_its_program_to_five_without_lowering_a_level_and_records_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v3.sqlite");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(include_str!("fixtures/schema_v3.sql")).unwrap();
    }
    let journal = Journal::open(&old).expect("v3 migrates");
    assert_eq!(journal.schema_version().unwrap(), schema::CURRENT_VERSION);
    // rule V1: stretch + ladder, then the marked findings by rank (hip, balance), then one shared
    // slot for the mild ones (ankle and foot: the ankle comes first in the chain).
    let program = journal.current_program().unwrap().unwrap();
    let kept: Vec<(&str, u32)> = program.exercises.iter().map(|e| (e.exercise_id.as_str(), e.level)).collect();
    assert_eq!(
        kept,
        vec![("plantar_fascia_stretch", 0), ("calf_loading", 3), ("calf_stretch", 0), ("single_leg_balance", 2), ("side_lying_hip_abduction", 0)]
    );
    // Levels and their start dates are the runner's: untouched; the new fields are filled.
    let ladder = &program.exercises[1];
    assert_eq!((ladder.level_started_on.as_str(), ladder.min_days_at_level), ("2026-06-02", 28));
    assert!(program.exercises.iter().all(|e| e.minutes > 0));
    assert!(program.minutes_per_day > 0);
    assert_eq!(program.set_aside.len(), 1, "{:?}", program.set_aside);
    assert!(program.set_aside[0].starts_with("Foot muscles (mild)"), "{:?}", program.set_aside);
    let notes = journal.migration_notes().unwrap();
    assert_eq!(notes.len(), 1, "only what changed the runner's data: {notes:?}");
    assert!(notes[0].starts_with("Program started 2026-05-01: 5 of 10 exercises kept") && notes[0].contains("Levels reached are unchanged"), "{}", notes[0]);
    // History is intact; decisions can now say "add load".
    assert_eq!(journal.all_decisions().unwrap().len(), 1);
    assert_eq!(journal.sessions(day("2026-06-01"), day("2026-06-01")).unwrap()[0].effort, None);
    let add = firststep_core::model::Decision {
        date: "2026-06-04".into(), exercise_id: "calf_loading".into(), action: DecisionAction::AddLoad,
        from_level: 3, to_level: 3, rule: "P5".into(), reason: "easy".into(),
    };
    let entry = firststep_core::model::PainEntry { date: "2026-06-04".into(), score: 2, stiffness_minutes: None, note: None, logged_at_ms: 1 };
    journal.record_morning(&entry, day("2026-06-04"), &[add], Some(&program)).unwrap();
    assert_eq!(journal.all_decisions().unwrap().len(), 2);
    drop(journal);

    let fresh = temp_journal();
    assert_eq!(schema_of(&old), schema_of(&fresh.path), "migrated schema must equal a fresh one");
}

#[test]
fn frozen_v4_database_gains_hop_checks_and_maintenance_choices_with_its_data_intact() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v4.sqlite");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(include_str!("fixtures/schema_v4.sql")).unwrap();
    }
    let journal = Journal::open(&old).expect("v4 migrates");
    assert_eq!(journal.schema_version().unwrap(), schema::CURRENT_VERSION);
    // History intact: the effort answer, the add-load decision, the self-test (its hop item counts
    // as a hop check, rule P8) and the PSFS rating.
    let session = &journal.sessions(day("2026-10-01"), day("2026-10-01")).unwrap()[0];
    assert_eq!((session.effort, session.reps_in_reserve), (Some(firststep_core::model::Effort::TooEasy), Some(4)));
    assert_eq!(journal.all_decisions().unwrap()[0].action, DecisionAction::AddLoad);
    assert_eq!(journal.return_to_run_checks().unwrap()[0].answers.hop_pain, 1);
    assert_eq!(journal.pain_entries(day("2026-10-02"), day("2026-10-02")).unwrap()[0].note.as_deref(), Some("easy morning"));
    assert!(journal.migration_notes().unwrap().is_empty(), "step 5 changes no data");
    // The v5 table works (rule P8): one check per date, a second replaces it.
    assert!(journal.hop_checks().unwrap().is_empty());
    let check = |pain| firststep_core::model::HopCheck { date: "2026-10-03".into(), pain, passed: pain <= 2 };
    journal.save_hop_check(&check(3), 1, day("2026-10-03")).unwrap();
    journal.save_hop_check(&check(1), 2, day("2026-10-03")).unwrap();
    assert_eq!(journal.hop_checks().unwrap(), vec![check(1)]);
    // …and so does the maintenance table (rule P9): one choice of each kind per date.
    assert!(journal.maintenance_choices().unwrap().is_empty());
    let choice = |kind, reason: Option<&str>, at| firststep_core::model::MaintenanceChoice {
        date: "2026-10-03".into(),
        choice: kind,
        reason: reason.map(str::to_string),
        logged_at_ms: at,
    };
    let accepted = choice(firststep_core::model::MaintenanceChoiceKind::Accepted, None, 1);
    let ended = choice(firststep_core::model::MaintenanceChoiceKind::Ended, Some("a flare"), 2);
    journal.save_maintenance_choice(&accepted, day("2026-10-03")).unwrap();
    journal.save_maintenance_choice(&ended, day("2026-10-03")).unwrap();
    assert_eq!(journal.maintenance_choices().unwrap(), vec![accepted, ended]);
    drop(journal);

    let fresh = temp_journal();
    assert_eq!(schema_of(&old), schema_of(&fresh.path), "migrated schema must equal a fresh one");
}

#[test]
fn frozen_v5_database_gains_run_sources_and_its_runs_stay_typed_in() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v5.sqlite");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(include_str!("fixtures/schema_v5.sql")).unwrap();
    }
    let journal = Journal::open(&old).expect("v5 migrates");
    assert_eq!(journal.schema_version().unwrap(), schema::CURRENT_VERSION);
    let runs = journal.runs(day("2026-10-02"), day("2026-10-02")).unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!((runs[0].distance_km, runs[0].source, runs[0].start_ms), (5.0, firststep_core::model::RunSource::Manual, None));
    assert!(runs[0].matched_by.is_empty());
    assert_eq!(journal.hop_checks().unwrap()[0].pain, 1);
    assert!(journal.migration_notes().unwrap().is_empty(), "step 6 changes no data");
    drop(journal);
    let fresh = temp_journal();
    assert_eq!(schema_of(&old), schema_of(&fresh.path), "migrated schema must equal a fresh one");
}
