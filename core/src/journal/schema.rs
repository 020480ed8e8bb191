//! The journal schema and its `user_version` migrations.
//!
//! Each entry of [`MIGRATIONS`] takes the database from version `i` to `i + 1` and runs inside one
//! transaction together with the `user_version` bump, so a crash mid-migration leaves the previous
//! version intact. Released steps are never edited: a frozen copy of every released schema lives in
//! `core/tests/fixtures/` and a test migrates each one to the current schema.
//!
//! CHECK constraints repeat the ranges of `validate.rs` as a second line of defence; the Rust
//! validation runs first and produces the readable error.

use rusqlite::{Connection, Transaction};

/// Schema version 1: the first released shape (no pain-edit history, no secondary indexes).
pub const V1: &str = r#"
CREATE TABLE settings (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    units             TEXT NOT NULL CHECK (units IN ('metric', 'imperial')),
    affected_side     TEXT NOT NULL CHECK (affected_side IN ('left', 'right', 'both', 'none')),
    morning_reminder  TEXT NOT NULL CHECK (length(morning_reminder) = 5),
    session_reminder  TEXT NOT NULL CHECK (length(session_reminder) = 5),
    session_days      TEXT NOT NULL,
    time_zone         TEXT NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    reminders_enabled INTEGER NOT NULL CHECK (reminders_enabled IN (0, 1))
);

CREATE TABLE safety_screens (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL CHECK (length(date) = 10),
    level        TEXT NOT NULL CHECK (level IN ('none', 'refer', 'urgent')),
    flagged_json TEXT NOT NULL CHECK (json_valid(flagged_json))
);

CREATE TABLE assessments (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL CHECK (length(date) = 10),
    answers_json TEXT NOT NULL CHECK (json_valid(answers_json)),
    result_json  TEXT NOT NULL CHECK (json_valid(result_json))
);

CREATE TABLE programs (
    id           INTEGER PRIMARY KEY,
    started_on   TEXT NOT NULL CHECK (length(started_on) = 10),
    is_current   INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    program_json TEXT NOT NULL CHECK (json_valid(program_json))
);
CREATE UNIQUE INDEX programs_one_current ON programs (is_current) WHERE is_current = 1;

CREATE TABLE pain (
    date              TEXT PRIMARY KEY CHECK (length(date) = 10),
    score             INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    stiffness_minutes INTEGER CHECK (stiffness_minutes BETWEEN 0 AND 600),
    note              TEXT CHECK (length(note) <= 1000),
    logged_at_ms      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY,
    date              TEXT NOT NULL CHECK (length(date) = 10),
    exercise_id       TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 64),
    level             INTEGER NOT NULL CHECK (level BETWEEN 0 AND 10),
    sets_done         INTEGER NOT NULL CHECK (sets_done BETWEEN 1 AND 20),
    reps_done         INTEGER CHECK (reps_done BETWEEN 0 AND 200),
    hold_seconds_done INTEGER CHECK (hold_seconds_done BETWEEN 0 AND 600),
    peak_pain         INTEGER NOT NULL CHECK (peak_pain BETWEEN 0 AND 10),
    completed         INTEGER NOT NULL CHECK (completed IN (0, 1)),
    skipped_steps     INTEGER NOT NULL CHECK (skipped_steps BETWEEN 0 AND 10000)
);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL CHECK (length(date) = 10),
    distance_km REAL NOT NULL CHECK (distance_km BETWEEN 0.1 AND 300),
    minutes     REAL CHECK (minutes BETWEEN 1 AND 2000),
    pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
    pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    surface     TEXT CHECK (length(surface) <= 100),
    shoes       TEXT CHECK (length(shoes) <= 100)
);

CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL CHECK (length(date) = 10),
    exercise_id TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 64),
    action      TEXT NOT NULL CHECK (action IN ('progress', 'hold', 'regress')),
    from_level  INTEGER NOT NULL CHECK (from_level BETWEEN 0 AND 10),
    to_level    INTEGER NOT NULL CHECK (to_level BETWEEN 0 AND 10),
    rule        TEXT NOT NULL CHECK (length(rule) BETWEEN 1 AND 16),
    reason      TEXT NOT NULL CHECK (length(reason) <= 1000),
    UNIQUE (date, exercise_id)
);
"#;

/// Schema version 2: keeps earlier values of an edited morning score (with the time each was
/// logged) and adds the date indexes the trend's range queries need, so their cost grows with
/// the window, not the history.
pub const V1_TO_V2: &str = r#"
CREATE TABLE pain_edits (
    id                INTEGER PRIMARY KEY,
    date              TEXT NOT NULL REFERENCES pain (date),
    score             INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    stiffness_minutes INTEGER CHECK (stiffness_minutes BETWEEN 0 AND 600),
    note              TEXT CHECK (length(note) <= 1000),
    logged_at_ms      INTEGER NOT NULL
);
CREATE INDEX pain_edits_by_date ON pain_edits (date, logged_at_ms);
CREATE INDEX sessions_by_date ON sessions (date, exercise_id);
CREATE INDEX runs_by_date ON runs (date);
-- The trend rebuilds past schedules from level changes: find an exercise's previous change in
-- O(log n) even after years of daily "hold" decisions.
CREATE INDEX level_changes_by_exercise ON decisions (exercise_id, date) WHERE action != 'hold';
CREATE INDEX safety_screens_by_date ON safety_screens (date);
CREATE INDEX assessments_by_date ON assessments (date);
"#;

/// Schema version 3 (revised red-flag levels, CLINICAL R1–R4):
/// - `safety_screens.level` accepts `refer_no_impact` (R2), and every stored screen is re-graded
///   from its flagged ids under the revised levels (pain at night or at rest, a suspected heel
///   stress fracture and systemic signs now mean no impact; a sudden pop with the arch dropping is
///   urgent). The same re-grade is applied to the level inside stored assessment results.
/// - `clinician_visits`: the dated visits (R4) and "a clinician has cleared me" answers (R1).
/// - `migration_notes`: what a migration changed in the runner's data, so it can be shown and
///   audited (here: how many screens were re-graded).
///
/// The id lists are frozen with this step (later revisions get their own step).
pub const V2_TO_V3: &str = r#"
CREATE TABLE migration_notes (
    id         INTEGER PRIMARY KEY,
    to_version INTEGER NOT NULL,
    note       TEXT NOT NULL CHECK (length(note) <= 1000)
);

CREATE TEMP TABLE regrade_urgent (id TEXT PRIMARY KEY);
INSERT INTO regrade_urgent VALUES ('fever_or_hot_red_heel'), ('cannot_bear_weight_after_trauma'),
    ('sudden_pop_arch_drop'), ('rapidly_worsening_numbness_or_weakness');
CREATE TEMP TABLE regrade_no_impact (id TEXT PRIMARY KEY);
INSERT INTO regrade_no_impact VALUES ('progressive_pain_or_heel_squeeze_pain'), ('night_or_rest_pain'),
    ('systemic_weight_loss_night_sweats_or_cancer');

CREATE TABLE safety_screens_v3 (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL CHECK (length(date) = 10),
    level        TEXT NOT NULL CHECK (level IN ('none', 'refer', 'refer_no_impact', 'urgent')),
    flagged_json TEXT NOT NULL CHECK (json_valid(flagged_json))
);
INSERT INTO safety_screens_v3 (id, date, level, flagged_json)
SELECT s.id, s.date,
    CASE
        WHEN EXISTS (SELECT 1 FROM json_each(s.flagged_json) f JOIN regrade_urgent u ON u.id = f.value) THEN 'urgent'
        WHEN EXISTS (SELECT 1 FROM json_each(s.flagged_json) f JOIN regrade_no_impact n ON n.id = f.value) THEN 'refer_no_impact'
        ELSE s.level
    END,
    s.flagged_json
FROM safety_screens s;
INSERT INTO migration_notes (to_version, note)
SELECT 3, 'Re-graded ' || count(*) || ' of ' || (SELECT count(*) FROM safety_screens) ||
    ' stored safety screen(s) under the revised red-flag levels (CLINICAL R1-R3).'
FROM safety_screens s JOIN safety_screens_v3 v ON v.id = s.id WHERE v.level != s.level;
DROP INDEX safety_screens_by_date;
DROP TABLE safety_screens;
ALTER TABLE safety_screens_v3 RENAME TO safety_screens;
CREATE INDEX safety_screens_by_date ON safety_screens (date);

UPDATE assessments
SET result_json = json_set(result_json, '$.safety.level',
    CASE
        WHEN EXISTS (SELECT 1 FROM json_each(result_json, '$.safety.flagged') f JOIN regrade_urgent u ON u.id = f.value) THEN 'urgent'
        ELSE 'refer_no_impact'
    END)
WHERE json_extract(result_json, '$.safety.level') IN ('refer', 'none')
  AND EXISTS (SELECT 1 FROM json_each(result_json, '$.safety.flagged') f
              WHERE f.value IN (SELECT id FROM regrade_urgent UNION SELECT id FROM regrade_no_impact));
DROP TABLE regrade_urgent;
DROP TABLE regrade_no_impact;

CREATE TABLE clinician_visits (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL CHECK (length(date) = 10),
    cleared      INTEGER NOT NULL CHECK (cleared IN (0, 1)),
    logged_at_ms INTEGER NOT NULL
);
CREATE INDEX clinician_visits_by_date ON clinician_visits (date);
"#;

/// Schema version 4 (the revised program, CLINICAL P5, V1, RR1, M2):
/// - `sessions.effort` and `sessions.reps_in_reserve`: how a loading session felt (P5);
/// - `decisions.action` accepts `add_load` (more load within a stage, P5); the table is rebuilt to
///   widen its CHECK, and the level-change index names the two actions that change a level;
/// - `return_to_run_checks`: the runner's return-to-run self-tests (RR1);
/// - `psfs_activities` and `psfs_ratings`: the Patient-Specific Functional Scale (M2).
///
/// After the SQL, [`cap_programs_v4`] trims stored programs to V1's five exercises (Rust code:
/// the program is JSON built from the library).
pub const V3_TO_V4: &str = r#"
-- Step 3 wrote "Re-graded 0 of N" even when it changed nothing (on every new journal too): such a
-- note says nothing to the runner, so it goes.
DELETE FROM migration_notes WHERE to_version = 3 AND note LIKE 'Re-graded 0 of %';

ALTER TABLE sessions ADD COLUMN effort TEXT CHECK (effort IN ('too_easy', 'right', 'too_hard'));
ALTER TABLE sessions ADD COLUMN reps_in_reserve INTEGER CHECK (reps_in_reserve BETWEEN 0 AND 50);

CREATE TABLE decisions_v4 (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL CHECK (length(date) = 10),
    exercise_id TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 64),
    action      TEXT NOT NULL CHECK (action IN ('progress', 'hold', 'regress', 'add_load')),
    from_level  INTEGER NOT NULL CHECK (from_level BETWEEN 0 AND 10),
    to_level    INTEGER NOT NULL CHECK (to_level BETWEEN 0 AND 10),
    rule        TEXT NOT NULL CHECK (length(rule) BETWEEN 1 AND 16),
    reason      TEXT NOT NULL CHECK (length(reason) <= 1000),
    UNIQUE (date, exercise_id)
);
INSERT INTO decisions_v4 SELECT id, date, exercise_id, action, from_level, to_level, rule, reason FROM decisions;
DROP INDEX level_changes_by_exercise;
DROP TABLE decisions;
ALTER TABLE decisions_v4 RENAME TO decisions;
CREATE INDEX level_changes_by_exercise ON decisions (exercise_id, date) WHERE action IN ('progress', 'regress');

CREATE TABLE return_to_run_checks (
    date         TEXT PRIMARY KEY CHECK (length(date) = 10),
    passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
    answers_json TEXT NOT NULL CHECK (json_valid(answers_json)),
    logged_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE psfs_activities (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    added_on TEXT NOT NULL CHECK (length(added_on) = 10),
    active   INTEGER NOT NULL CHECK (active IN (0, 1))
);
CREATE TABLE psfs_ratings (
    date        TEXT NOT NULL CHECK (length(date) = 10),
    activity_id INTEGER NOT NULL REFERENCES psfs_activities (id),
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    PRIMARY KEY (date, activity_id)
) WITHOUT ROWID;
"#;

/// Schema version 5 (CLINICAL P8, P9): `hop_checks`, the single-leg hop checks the app asks for before
/// a hopping level (10 hops on the affected side; pain 2 or less passes). One per date: a second
/// answer that day replaces the first. `maintenance_choices` (P9): the runner accepting or declining
/// maintenance, and the full program coming back (with the reason shown), one of each kind per date.
pub const V4_TO_V5: &str = r#"
CREATE TABLE hop_checks (
    date         TEXT PRIMARY KEY CHECK (length(date) = 10),
    pain         INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    logged_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE maintenance_choices (
    date         TEXT NOT NULL CHECK (length(date) = 10),
    choice       TEXT NOT NULL CHECK (choice IN ('accepted', 'declined', 'ended')),
    reason       TEXT,
    logged_at_ms INTEGER NOT NULL,
    PRIMARY KEY (date, choice)
) WITHOUT ROWID;
"#;

/// Schema version 6 (issue 23, runs imported from activity files and health stores): each run
/// keeps its source, start instant, elapsed time, average cadence (steps/min) and sub-sport;
/// `run_sources` maps every external id seen (a file's activity, a health-store record) to the one
/// run that holds it, so the same run from two sources, or a typed-in run later imported, is stored
/// once. Existing runs are typed in (`manual`).
pub const V5_TO_V6: &str = r#"
ALTER TABLE runs ADD COLUMN source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'file', 'health_store'));
ALTER TABLE runs ADD COLUMN start_ms INTEGER;
ALTER TABLE runs ADD COLUMN elapsed_minutes REAL CHECK (elapsed_minutes BETWEEN 0 AND 3000);
ALTER TABLE runs ADD COLUMN cadence_spm REAL CHECK (cadence_spm BETWEEN 60 AND 300);
ALTER TABLE runs ADD COLUMN sub_sport TEXT CHECK (length(sub_sport) <= 64);
CREATE INDEX runs_by_start ON runs (start_ms) WHERE start_ms IS NOT NULL;

CREATE TABLE run_sources (
    external_id  TEXT PRIMARY KEY CHECK (length(external_id) BETWEEN 1 AND 200),
    run_id       INTEGER NOT NULL REFERENCES runs (id),
    source       TEXT NOT NULL CHECK (source IN ('file', 'health_store')),
    origin       TEXT NOT NULL CHECK (length(origin) BETWEEN 1 AND 300),
    logged_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX run_sources_by_run ON run_sources (run_id);
"#;

/// One migration step: SQL, then optional Rust work in the same transaction.
pub struct Step {
    pub sql: &'static str,
    pub then: Option<fn(&Transaction<'_>) -> rusqlite::Result<()>>,
}

/// Step `i` migrates from version `i` to `i + 1`. Append only; never edit a released step.
pub const MIGRATIONS: &[Step] = &[
    Step { sql: V1, then: None },
    Step { sql: V1_TO_V2, then: None },
    Step { sql: V2_TO_V3, then: None },
    Step { sql: V3_TO_V4, then: Some(cap_programs_v4) },
    Step { sql: V4_TO_V5, then: None },
    Step { sql: V5_TO_V6, then: None },
];

/// rule V1, applied to journals written before it: every stored program (current and past) keeps
/// at most five exercises, chosen as a new program would be, and no exercise the runner keeps loses
/// the level reached. What changed is written to `migration_notes`.
fn cap_programs_v4(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    crate::journal::migrate_v4::cap_programs(tx)
}

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads `PRAGMA user_version`.
pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Applies every step after `from`, one transaction per step (schema + version bump together).
pub fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    for (index, step) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Re-read under the write lock: another process may have migrated since we looked.
        if user_version(&tx)? > index as i64 {
            continue;
        }
        apply_step(&tx, step.sql, index as i64 + 1)?;
        if let Some(then) = step.then {
            then(&tx)?;
        }
        tx.commit()?;
    }
    Ok(())
}

fn apply_step(tx: &Transaction<'_>, sql: &str, to_version: i64) -> rusqlite::Result<()> {
    tx.execute_batch(sql)?;
    // PRAGMA does not take bound parameters; the value is our own integer.
    tx.execute_batch(&format!("PRAGMA user_version = {to_version}"))
}
