//! The local SQLite journal: settings, safety screens, assessments, programs, morning pain (with
//! edit history), sessions, runs and progression decisions; plus the recovery trend
//! ([`trend`]) and export/import ([`backup`]). See `docs/storage.md`.
//!
//! One [`Journal`] is shared by the UI and background threads: the connection sits behind a
//! mutex, every write is one transaction, and every input is validated ([`validate`]) before
//! anything is written.

pub mod backup;
pub mod chart;
use crate::clinical::return_to_run::ReturnToRunCheck;
pub(crate) mod migrate_v4;
mod imports;
mod psfs;
pub(crate) mod rows;
pub mod schema;
mod screens;
pub mod trend;
pub mod validate;

pub use imports::{ImportedRun, RunMatch, MATCH_DISTANCE_FRACTION, MATCH_MANUAL_DISTANCE_FRACTION, MATCH_START_MINUTES};

use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::day::Day;
use crate::error::{CoreError, Result};
use crate::model::{AssessmentAnswers, Decision, PainEntry, Program, RedFlagLevel, RunRecord, SessionRecord, Settings};

pub use backup::ImportReport;
pub use psfs::StoredPsfsActivity;
pub use screens::StoredSafetyScreen;
pub use chart::TrendChartData;
pub use trend::{Expectation, LevelMarker, Trend, TrendDay, TrendWeek};

/// design choice: wait up to 5 s for another connection's write lock (another process, e.g. the
/// CLI, holding the file) before reporting "database is locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A stored assessment: the answers and the evaluated result (JSON written by the clinical module).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct StoredAssessment {
    pub date: String,
    pub answers: AssessmentAnswers,
    pub result_json: String,
}

/// A visit to a clinician the runner recorded (R4), or the date a clinician cleared them after an
/// urgent screen (R1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct ClinicianVisit {
    /// Local date of the visit, YYYY-MM-DD.
    pub date: String,
    /// The clinician cleared the runner to take the safety screen again / to load.
    pub cleared: bool,
    /// When it was recorded (Unix ms), as given by the shell.
    pub logged_at_ms: i64,
}

/// What logging a morning score did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct PainLogOutcome {
    /// The value this log replaced for the same date (now kept in the edit history), if any.
    pub replaced: Option<PainEntry>,
}

/// An open journal database. `Send + Sync`: share one handle (e.g. in an `Arc`) between threads.
pub struct Journal {
    conn: Mutex<Connection>,
    path: String,
    read_only: bool,
    /// `None` when `PRAGMA quick_check` said ok, else its findings; run lazily (`ensure_writable`).
    health: OnceLock<Option<String>>,
}

impl Journal {
    /// Opens (creating if missing) and migrates the journal at `path`.
    ///
    /// A file written by a newer FirstStep is refused with [`CoreError::DatabaseTooNew`] before
    /// anything is written to it. A file that is not a FirstStep database, or is corrupt, gives
    /// [`CoreError::Database`] naming the path; it is never deleted, overwritten or migrated.
    /// A read-only file (or a file in a read-only folder) is opened read-only: reads work, every
    /// write gives [`CoreError::ReadOnly`].
    pub fn open(path: &Path) -> Result<Journal> {
        let shown = path.display().to_string();
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            CoreError::db(&shown, format!("{what}: {e}; the file was left untouched, it can still be exported or recovered"))
        };
        let mut read_only = is_read_only(path);
        let mut conn = open_connection(path, read_only).map_err(|e| fail("cannot open", &e))?;

        // Read-only checks first: nothing below writes until the file is known to be ours and not newer.
        let found = match schema::user_version(&conn) {
            // The folder refused the `-shm` file (e.g. owned by someone else although its mode bits
            // look writable): read the journal read-only instead of failing the home screen.
            Err(rusqlite::Error::SqliteFailure(e, _))
                if !read_only && matches!(e.code, rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) =>
            {
                drop(conn);
                read_only = true;
                conn = open_connection(path, true).map_err(|e| fail("cannot open", &e))?;
                schema::user_version(&conn)
            }
            other => other,
        }
        .map_err(|e| fail("not a readable SQLite database", &e))?;
        if found > schema::CURRENT_VERSION {
            return Err(CoreError::DatabaseTooNew { path: shown, found, supported: schema::CURRENT_VERSION });
        }
        let foreign_tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", [], |r| r.get(0))
            .map_err(|e| fail("not a readable SQLite database", &e))?;
        if found == 0 && foreign_tables > 0 {
            return Err(fail("not a FirstStep journal", &"it holds tables but no FirstStep schema version"));
        }
        conn.execute_batch("PRAGMA foreign_keys = ON;").map_err(|e| fail("cannot configure", &e))?;
        if read_only {
            if found < schema::CURRENT_VERSION {
                return Err(fail(
                    "is read-only and needs an upgrade",
                    &format!("schema version {found} must be migrated to {} before this app can read it; make the file and its folder writable once", schema::CURRENT_VERSION),
                ));
            }
            return Ok(Journal { conn: Mutex::new(conn), path: shown, read_only, health: OnceLock::new() });
        }
        let health = OnceLock::new();
        if found > 0 && found < schema::CURRENT_VERSION {
            // A migration rewrites tables: check a damaged file before, never after.
            if let Some(findings) = health.get_or_init(|| quick_check(&conn)) {
                return Err(CoreError::Damaged { path: shown, findings: findings.clone() });
            }
        }

        // Durability: a logged score survives a crash or power loss once the call returns.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| fail("cannot enable write-ahead logging", &e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(fail("cannot enable write-ahead logging", &format!("journal mode stayed {mode}")));
        }
        conn.execute_batch("PRAGMA synchronous = FULL;").map_err(|e| fail("cannot configure", &e))?;
        schema::migrate(&mut conn, found).map_err(|e| fail("cannot migrate the schema", &e))?;
        Ok(Journal { conn: Mutex::new(conn), path: shown, read_only, health })
    }

    /// `PRAGMA quick_check` now (not cached): `None` when healthy, else SQLite's first findings.
    /// Writes run it once by themselves; this is for diagnostics and the benchmark.
    pub fn quick_check(&self) -> Option<String> {
        quick_check(&self.conn())
    }

    /// Whether the journal was opened read-only (the file or its folder is not writable).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses a write on a read-only or damaged journal, before SQLite is asked to write.
    ///
    /// The damage check (`PRAGMA quick_check`) runs here, once per open handle, and not in
    /// [`Journal::open`]: it reads every page, which would put opening a 10-year journal over its
    /// 10 ms budget, while reads (home, trend, export) need no check — they must keep working on a
    /// damaged file so the runner can save what is readable. Its result is cached: one process pays
    /// it once, before its first write.
    fn ensure_writable(&self, conn: &Connection) -> Result<()> {
        if self.read_only {
            return Err(CoreError::ReadOnly { path: self.path.clone() });
        }
        match self.health.get_or_init(|| quick_check(conn)) {
            None => Ok(()),
            Some(findings) => Err(CoreError::Damaged { path: self.path.clone(), findings: findings.clone() }),
        }
    }

    /// The database file path, as given to [`Journal::open`].
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The connection; a panic in another thread cannot leave a transaction open (rusqlite rolls
    /// back on drop), so a poisoned lock is safe to reuse.
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn db(&self, e: rusqlite::Error) -> CoreError {
        // Damage found by any read gets the same guidance as the write check's.
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) {
            return CoreError::Damaged { path: self.path.clone(), findings: format!("SQLite: {e}") };
        }
        CoreError::db(&self.path, e)
    }

    /// Runs `work` in one IMMEDIATE transaction; commits only if it succeeds.
    fn write<T>(&self, work: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        let mut conn = self.conn();
        self.ensure_writable(&conn)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| self.db(e))?;
        let value = work(&tx).map_err(|e| self.db(e))?;
        tx.commit().map_err(|e| self.db(e))?;
        Ok(value)
    }

    fn read<T>(&self, work: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        let conn = self.conn();
        work(&conn).map_err(|e| self.db(e))
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a healthy file, otherwise SQLite's findings.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        self.read(|c| c.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect())
    }

    /// The schema version of the open file (equals [`schema::CURRENT_VERSION`] after open).
    pub fn schema_version(&self) -> Result<i64> {
        self.read(schema::user_version)
    }

    // -----------------------------------------------------------------------------------------
    // Settings, safety screens, assessments, programs
    // -----------------------------------------------------------------------------------------

    /// The saved settings, or `Settings::default()` when never saved.
    pub fn settings(&self) -> Result<Settings> {
        Ok(self.read(rows::load_settings)?.unwrap_or_default())
    }

    /// Validates (HH:MM times, weekdays 1..=7 without duplicates, IANA time zone) and saves.
    pub fn save_settings(&self, s: &Settings) -> Result<()> {
        validate::settings(s)?;
        self.write(|c| rows::store_settings(c, s))
    }

    /// Stores a red-flag screen result with the ids of the questions answered "yes".
    pub fn save_safety_screen(&self, date: Day, level: RedFlagLevel, flagged: &[String]) -> Result<()> {
        validate::flagged_ids(flagged)?;
        let flagged_json = serde_json::to_string(flagged).map_err(|e| CoreError::invalid("flagged", e.to_string()))?;
        self.write(|c| rows::insert_safety_screen(c, &date.iso(), &level, &flagged_json))
    }

    /// The newest safety screen's date and level.
    pub fn latest_red_flag(&self) -> Result<Option<(Day, RedFlagLevel)>> {
        Ok(self.latest_safety_screen()?.map(|(date, level, _)| (date, level)))
    }

    /// The newest safety screen (latest date, then latest saved): its date, level and flagged ids.
    pub fn latest_safety_screen(&self) -> Result<Option<(Day, RedFlagLevel, Vec<String>)>> {
        let found: Option<(String, String, String)> = self.read(|c| {
            let mut stmt = c.prepare_cached("SELECT date, level, flagged_json FROM safety_screens ORDER BY date DESC, id DESC LIMIT 1")?;
            let mut rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.next().transpose()
        })?;
        found
            .map(|(date, level, flagged)| {
                let level = rows::enum_from_text(1, level).map_err(|e| self.db(e))?;
                let flagged: Vec<String> = rows::json_from_text(2, &flagged).map_err(|e| self.db(e))?;
                Ok((Day::parse("safety_screens.date", &date)?, level, flagged))
            })
            .transpose()
    }

    /// Records a clinician visit (the date may not be in the future).
    pub fn record_clinician_visit(&self, visit: &ClinicianVisit, today: Day) -> Result<()> {
        validate::past_date("date", &visit.date, today)?;
        self.write(|c| rows::insert_clinician_visit(c, visit))
    }

    /// Every recorded clinician visit, oldest first.
    pub fn clinician_visits(&self) -> Result<Vec<ClinicianVisit>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached("SELECT date, cleared, logged_at_ms FROM clinician_visits ORDER BY date, id")?;
            let rows = stmt.query_map([], rows::clinician_visit_from_row)?;
            rows.collect()
        })
    }

    /// Stores a return-to-run self-test (RR1); a second test on the same date replaces the first.
    pub fn save_return_to_run_check(&self, check: &ReturnToRunCheck, logged_at_ms: i64, today: Day) -> Result<()> {
        validate::past_date("date", &check.date, today)?;
        let json = serde_json::to_string(check).map_err(|e| CoreError::invalid("return_to_run", e.to_string()))?;
        self.write(|c| {
            c.prepare_cached("INSERT OR REPLACE INTO return_to_run_checks (date, passed, answers_json, logged_at_ms) VALUES (?1, ?2, ?3, ?4)")?
                .execute(rusqlite::params![check.date, check.passed, json, logged_at_ms])
                .map(|_| ())
        })
    }

    /// Every return-to-run self-test, oldest first (RR1).
    pub fn return_to_run_checks(&self) -> Result<Vec<ReturnToRunCheck>> {
        self.read(rows::return_to_run_checks)
    }

    /// Stores a single-leg hop check (rule P8); a second check on the same date replaces the first.
    pub fn save_hop_check(&self, check: &crate::model::HopCheck, logged_at_ms: i64, today: Day) -> Result<()> {
        validate::past_date("date", &check.date, today)?;
        crate::error::check_pain("pain", i64::from(check.pain))?;
        self.write(|c| {
            c.prepare_cached("INSERT OR REPLACE INTO hop_checks (date, pain, logged_at_ms) VALUES (?1, ?2, ?3)")?
                .execute(rusqlite::params![check.date, check.pain, logged_at_ms])
                .map(|_| ())
        })
    }

    /// Every hop check, oldest first (rule P8).
    pub fn hop_checks(&self) -> Result<Vec<crate::model::HopCheck>> {
        self.read(rows::hop_checks)
    }

    /// Stores a maintenance choice or a return to the full program (rule P9); the same kind on the
    /// same date replaces the earlier one.
    pub fn save_maintenance_choice(&self, choice: &crate::model::MaintenanceChoice, today: Day) -> Result<()> {
        validate::maintenance_choice(choice, today)?;
        self.write(|c| {
            c.prepare_cached("INSERT OR REPLACE INTO maintenance_choices (date, choice, reason, logged_at_ms) VALUES (?1, ?2, ?3, ?4)")?
                .execute(rusqlite::params![choice.date, rows::choice_text(choice.choice), choice.reason, choice.logged_at_ms])
                .map(|_| ())
        })
    }

    /// Every maintenance choice, oldest first (rule P9).
    pub fn maintenance_choices(&self) -> Result<Vec<crate::model::MaintenanceChoice>> {
        self.read(rows::maintenance_choices)
    }

    /// What migrations changed in this journal's data, oldest first (e.g. re-graded screens).
    pub fn migration_notes(&self) -> Result<Vec<String>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached("SELECT note FROM migration_notes ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect()
        })
    }

    /// The first `limit` morning scores on or after `from` (the program baseline, M1/P6).
    pub fn first_pain_entries(&self, from: Day, limit: u32) -> Result<Vec<PainEntry>> {
        let sql = format!("SELECT {} FROM pain WHERE date >= ?1 ORDER BY date LIMIT ?2", rows::PAIN_COLUMNS);
        self.read(|c| {
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params![from.iso(), limit], rows::pain_from_row)?;
            rows.collect()
        })
    }

    /// Stores an assessment; `result_json` (the serialized result) must be valid JSON.
    pub fn save_assessment(&self, date: Day, answers: &AssessmentAnswers, result_json: &str) -> Result<()> {
        let result = validate::json_text("result_json", result_json)?;
        let answers_json = serde_json::to_string(answers).map_err(|e| CoreError::invalid("answers", e.to_string()))?;
        self.write(|c| rows::insert_assessment(c, &date.iso(), &answers_json, &result))
    }

    /// Every stored assessment, oldest first.
    pub fn assessments(&self) -> Result<Vec<StoredAssessment>> {
        self.read(rows::load_assessments)
    }

    /// Makes `p` the current program; earlier programs are kept (for the backup).
    pub fn save_program(&self, p: &Program) -> Result<()> {
        let started = validate::program(p, None, &|_| true)?;
        let json = serde_json::to_string(p).map_err(|e| CoreError::invalid("program", e.to_string()))?;
        self.write(|c| rows::replace_program(c, &started.iso(), &json))
    }

    /// The current program, if one was saved.
    pub fn current_program(&self) -> Result<Option<Program>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached("SELECT program_json FROM programs WHERE is_current = 1")?;
            let mut rows = stmt.query_map([], |r| rows::json_from_text(0, &r.get::<_, String>(0)?))?;
            rows.next().transpose()
        })
    }

    // -----------------------------------------------------------------------------------------
    // Morning pain
    // -----------------------------------------------------------------------------------------

    /// Records the morning in ONE transaction: upserts the pain score (an edit keeps the earlier
    /// value in the history), stores the decisions made from it, and replaces the program if given.
    /// Everything is validated first; on any error nothing is written.
    pub fn record_morning(&self, entry: &PainEntry, today: Day, decisions: &[Decision], program: Option<&Program>) -> Result<PainLogOutcome> {
        validate::pain(entry, today)?;
        for (i, d) in decisions.iter().enumerate() {
            validate::decision(d, today).map_err(|e| prefix(&format!("decisions[{i}]"), e))?;
        }
        let program = match program {
            Some(p) => {
                let started = validate::program(p, Some(today), &|_| true)?;
                let json = serde_json::to_string(p).map_err(|e| CoreError::invalid("program", e.to_string()))?;
                Some((started.iso(), json))
            }
            None => None,
        };
        self.write(|c| {
            let replaced = upsert_pain(c, entry)?;
            for d in decisions {
                rows::upsert_decision(c, d)?;
            }
            if let Some((started, json)) = &program {
                rows::replace_program(c, started, json)?;
            }
            Ok(PainLogOutcome { replaced })
        })
    }

    /// The program that was current before the current one (the latest earlier version), if any.
    pub fn previous_program(&self) -> Result<Option<Program>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached("SELECT program_json FROM programs WHERE is_current = 0 ORDER BY id DESC LIMIT 1")?;
            let mut rows = stmt.query_map([], |r| rows::json_from_text(0, &r.get::<_, String>(0)?))?;
            rows.next().transpose()
        })
    }

    /// Undoes a morning in ONE transaction: the score for `day` is replaced by `restored` (its
    /// latest earlier value, which leaves the edit history), or — with no earlier value — removed
    /// together with that morning's decisions; `program`, when given, becomes current.
    pub fn undo_morning(&self, day: Day, restored: Option<&PainEntry>, program: Option<&Program>) -> Result<()> {
        let program = match program {
            Some(p) => {
                let started = validate::program(p, None, &|_| true)?;
                Some((started.iso(), serde_json::to_string(p).map_err(|e| CoreError::invalid("program", e.to_string()))?))
            }
            None => None,
        };
        let date = day.iso();
        self.write(|c| {
            match restored {
                Some(entry) => {
                    c.prepare_cached(
                        "DELETE FROM pain_edits WHERE id = (SELECT id FROM pain_edits WHERE date = ?1 ORDER BY logged_at_ms DESC, id DESC LIMIT 1)",
                    )?
                    .execute([&date])?;
                    // An update, not delete + insert: older edits still reference the date.
                    c.prepare_cached("UPDATE pain SET score = ?2, stiffness_minutes = ?3, note = ?4, logged_at_ms = ?5 WHERE date = ?1")?
                        .execute(rusqlite::params![date, entry.score, entry.stiffness_minutes, entry.note, entry.logged_at_ms])?;
                }
                None => {
                    c.prepare_cached("DELETE FROM decisions WHERE date = ?1")?.execute([&date])?;
                    c.prepare_cached("DELETE FROM pain WHERE date = ?1")?.execute([&date])?;
                }
            }
            if let Some((started, json)) = &program {
                rows::replace_program(c, started, json)?;
            }
            Ok(())
        })
    }

    /// Logs (or edits) the morning score for `entry.date`.
    pub fn log_pain(&self, entry: &PainEntry, today: Day) -> Result<PainLogOutcome> {
        self.record_morning(entry, today, &[], None)
    }

    /// Morning scores from `from` to `to` inclusive, in date order.
    pub fn pain_entries(&self, from: Day, to: Day) -> Result<Vec<PainEntry>> {
        let sql = format!("SELECT {} FROM pain WHERE date BETWEEN ?1 AND ?2 ORDER BY date", rows::PAIN_COLUMNS);
        self.read(|c| rows::in_range(c, &sql, &from.iso(), &to.iso(), rows::pain_from_row))
    }

    /// Earlier values of the score for `date` (replaced by edits), oldest first.
    pub fn pain_edits(&self, date: Day) -> Result<Vec<PainEntry>> {
        let sql = format!("SELECT {} FROM pain_edits WHERE date BETWEEN ?1 AND ?2 ORDER BY logged_at_ms, id", rows::PAIN_COLUMNS);
        let d = date.iso();
        self.read(|c| rows::in_range(c, &sql, &d, &d, rows::pain_from_row))
    }

    /// The most recent morning score by date.
    pub fn last_pain(&self) -> Result<Option<PainEntry>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(&format!("SELECT {} FROM pain ORDER BY date DESC LIMIT 1", rows::PAIN_COLUMNS))?;
            let mut rows = stmt.query_map([], rows::pain_from_row)?;
            rows.next().transpose()
        })
    }

    // -----------------------------------------------------------------------------------------
    // Sessions, runs, decisions
    // -----------------------------------------------------------------------------------------

    /// Logs one exercise done; returns its row id.
    pub fn log_session(&self, r: &SessionRecord, today: Day) -> Result<i64> {
        validate::session(r, today)?;
        self.write(|c| rows::insert_session(c, r))
    }

    /// Logs several exercises (a finished guided session): all or nothing.
    pub fn log_sessions(&self, rs: &[SessionRecord], today: Day) -> Result<()> {
        for (i, r) in rs.iter().enumerate() {
            validate::session(r, today).map_err(|e| prefix(&format!("sessions[{i}]"), e))?;
        }
        self.write(|c| rs.iter().try_for_each(|r| rows::insert_session(c, r).map(|_| ())))
    }

    /// Exercises done from `from` to `to` inclusive, in date then logging order.
    pub fn sessions(&self, from: Day, to: Day) -> Result<Vec<SessionRecord>> {
        let sql = format!("SELECT {} FROM sessions WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id", rows::SESSION_COLUMNS);
        self.read(|c| rows::in_range(c, &sql, &from.iso(), &to.iso(), rows::session_from_row))
    }

    /// Logs one run; returns its row id.
    pub fn log_run(&self, r: &RunRecord, today: Day) -> Result<i64> {
        validate::run(r, today)?;
        self.write(|c| rows::insert_run(c, r))
    }

    /// Runs from `from` to `to` inclusive, in date then logging order.
    pub fn runs(&self, from: Day, to: Day) -> Result<Vec<RunRecord>> {
        let sql = format!("SELECT {} FROM runs WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id", rows::RUN_COLUMNS);
        self.read(|c| rows::in_range(c, &sql, &from.iso(), &to.iso(), rows::run_from_row))
    }

    /// Decisions from `from` to `to` inclusive, in date order.
    pub fn decisions(&self, from: Day, to: Day) -> Result<Vec<Decision>> {
        let sql = format!("SELECT {} FROM decisions WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id", rows::DECISION_COLUMNS);
        self.read(|c| rows::in_range(c, &sql, &from.iso(), &to.iso(), rows::decision_from_row))
    }

    /// Every decision, in date order.
    pub fn all_decisions(&self) -> Result<Vec<Decision>> {
        let sql = format!("SELECT {} FROM decisions ORDER BY date, id", rows::DECISION_COLUMNS);
        self.read(|c| c.prepare_cached(&sql)?.query_map([], rows::decision_from_row)?.collect())
    }

    // -----------------------------------------------------------------------------------------
    // Trend, backup
    // -----------------------------------------------------------------------------------------

    /// The recovery trend for the `weeks` (4, 8 or 12) weeks ending on `end` (CLINICAL M1, M4).
    pub fn trend(&self, end: Day, weeks: u32, program: Option<&Program>) -> Result<Trend> {
        let units = self.settings()?.units;
        let conn = self.conn();
        trend::compute(&conn, end, weeks, program, units).map_err(|e| match e {
            trend::TrendError::Core(e) => e,
            trend::TrendError::Sql(e) => self.db(e),
        })
    }

    /// The trend with its chart, ready to draw (issue 22): axes, legend, named markers, readouts.
    pub fn trend_chart(&self, end: Day, weeks: u32, program: Option<&Program>) -> Result<TrendChartData> {
        let units = self.settings()?.units;
        let conn = self.conn();
        trend::compute(&conn, end, weeks, program, units).and_then(|t| chart::compute(&conn, t, program, units)).map_err(|e| match e {
            trend::TrendError::Core(e) => e,
            trend::TrendError::Sql(e) => self.db(e),
        })
    }

    /// The whole journal as a versioned JSON backup (see `docs/storage.md`).
    pub fn export_json(&self, exported_at_ms: i64) -> Result<String> {
        let conn = self.conn();
        backup::export(&conn, exported_at_ms).map_err(|e| self.wrap(e))
    }

    /// Validates the whole backup, then merges it in one transaction; importing the same
    /// document twice changes nothing. On any error nothing is written.
    pub fn import_json(&self, json: &str, today: Day, is_known_exercise: &dyn Fn(&str) -> bool) -> Result<ImportReport> {
        let mut conn = self.conn();
        // Validation errors come first (they say what is wrong with the document), then the
        // journal's own state.
        let doc = backup::parse_and_validate(json, today, is_known_exercise).map_err(|e| self.wrap(e))?;
        self.ensure_writable(&conn)?;
        backup::merge(&mut conn, &doc).map_err(|e| self.wrap(e))
    }

    /// The pain log as CSV: `date,score,stiffness_minutes,note`, RFC 4180 quoting.
    pub fn pain_csv(&self) -> Result<String> {
        let conn = self.conn();
        backup::pain_csv(&conn).map_err(|e| self.wrap(e))
    }

    fn wrap(&self, e: backup::BackupError) -> CoreError {
        match e {
            backup::BackupError::Core(e) => e,
            backup::BackupError::Sql(e) => self.db(e),
        }
    }
}

/// Opens the SQLite connection. Read-only journals are opened with `SQLITE_OPEN_READ_ONLY`, and
/// without a `-wal` holding data also `immutable=1`: SQLite then needs no `-shm` file, so reading
/// works in a read-only folder and leaves no side files behind. (With `immutable`, SQLite assumes no
/// one changes the file meanwhile; true for a file no one may write. A non-empty `-wal` holds
/// committed data that `immutable` would ignore, so then the plain read-only mode is used.)
fn open_connection(path: &Path, read_only: bool) -> rusqlite::Result<Connection> {
    let conn = if !read_only {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?
    } else if side_file(path, "-wal").metadata().is_ok_and(|m| m.len() > 0) {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?
    } else {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        Connection::open_with_flags(uri, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX)?
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// An existing journal that this process may not write: the file's or its folder's permission
/// bits say read-only (checked on the bits, not by trying, so root — which bypasses permissions —
/// treats a `chmod a-w` journal the same way), or opening it for writing is refused.
fn is_read_only(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else { return false }; // created on open
    if meta.permissions().readonly() {
        return true;
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if std::fs::metadata(folder).is_ok_and(|m| m.permissions().readonly()) {
        return true;
    }
    // Opening for writing (no truncation) changes neither the bytes nor the mtime.
    match std::fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => false,
        Err(e) => matches!(e.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem),
    }
}

fn side_file(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    name.into()
}

/// `path` percent-encoded for an SQLite `file:` URI (`?`, `#` and `%` would otherwise end it).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `PRAGMA quick_check`: `None` when the file is healthy, else SQLite's first findings (or the
/// error that stopped the check).
fn quick_check(conn: &Connection) -> Option<String> {
    let rows: rusqlite::Result<Vec<String>> =
        conn.prepare("PRAGMA quick_check(3)").and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match rows {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => None,
        Ok(rows) => Some(format!("SQLite quick_check: {}", rows.join("; "))),
        Err(e) => Some(format!("SQLite quick_check: {e}")),
    }
}

/// Upserts the pain row; an edit moves the previous value into `pain_edits`. Re-sending the same
/// score, stiffness and note is a no-op (design choice: a double tap is not an edit).
fn upsert_pain(c: &Connection, entry: &PainEntry) -> rusqlite::Result<Option<PainEntry>> {
    let previous = rows::pain_on(c, &entry.date)?;
    match previous {
        Some(p) if p.score == entry.score && p.stiffness_minutes == entry.stiffness_minutes && p.note == entry.note => Ok(None),
        Some(p) => {
            rows::insert_pain_edit(c, &p)?;
            rows::insert_pain(c, entry)?;
            Ok(Some(p))
        }
        None => {
            rows::insert_pain(c, entry)?;
            Ok(None)
        }
    }
}

/// Prefixes the field of a validation error with the list position, e.g. `sessions[2].level`.
pub(crate) fn prefix(position: &str, e: CoreError) -> CoreError {
    match e {
        CoreError::OutOfRange { field, allowed, got } => CoreError::OutOfRange { field: format!("{position}.{field}"), allowed, got },
        CoreError::Invalid { field, message } => CoreError::Invalid { field: format!("{position}.{field}"), message },
        CoreError::Missing { field, message } => CoreError::Missing { field: format!("{position}.{field}"), message },
        other => other,
    }
}
