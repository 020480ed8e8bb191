//! Row mapping: the SQL statements and conversions shared by the journal's reads, writes and
//! import, so each table is spelled once.

use rusqlite::{params, Connection, Row};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::StoredAssessment;
use crate::model::{Decision, PainEntry, RedFlagLevel, RunRecord, SessionRecord, Settings};

/// The snake_case text serde gives a unit enum variant (e.g. `RedFlagLevel::Refer` → "refer").
/// Through the JSON text, like every other stored document: one serializer in the library (#16).
pub fn enum_text<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    match serde_json::from_str::<String>(&json) {
        Ok(text) => text,
        Err(_) => json,
    }
}

/// Parses enum text written by [`enum_text`]; a stored value this build does not know is an error.
pub fn enum_from_text<T: DeserializeOwned>(column: usize, text: String) -> rusqlite::Result<T> {
    let quoted = serde_json::to_string(&text).unwrap_or_default();
    serde_json::from_str(&quoted).map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
}

/// Parses a stored JSON column.
pub fn json_from_text<T: DeserializeOwned>(column: usize, text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
}

/// Every return-to-run self-test (RR1), oldest first (the stored JSON of `ReturnToRunCheck`).
pub fn return_to_run_checks(conn: &Connection) -> rusqlite::Result<Vec<crate::clinical::ReturnToRunCheck>> {
    conn.prepare_cached("SELECT answers_json FROM return_to_run_checks ORDER BY date")?
        .query_map([], |r| json_from_text(0, &r.get::<_, String>(0)?))?
        .collect()
}

/// Every hop check (rule P8), oldest first; `passed` is graded from the pain on the way out.
pub fn hop_checks(conn: &Connection) -> rusqlite::Result<Vec<crate::model::HopCheck>> {
    conn.prepare_cached("SELECT date, pain, logged_at_ms FROM hop_checks ORDER BY date")?
        .query_map([], |r| {
            let pain: u8 = r.get(1)?;
            Ok(crate::model::HopCheck { date: r.get(0)?, pain, passed: pain <= crate::clinical::gates::HOP_CHECK_PAIN_MAX })
        })?
        .collect()
}

/// Every maintenance choice (rule P9), oldest first (same date: in the order logged).
pub fn maintenance_choices(conn: &Connection) -> rusqlite::Result<Vec<crate::model::MaintenanceChoice>> {
    conn.prepare_cached("SELECT date, choice, reason, logged_at_ms FROM maintenance_choices ORDER BY date, logged_at_ms")?
        .query_map([], |r| {
            let text: String = r.get(1)?;
            let choice = match text.as_str() {
                "accepted" => crate::model::MaintenanceChoiceKind::Accepted,
                "declined" => crate::model::MaintenanceChoiceKind::Declined,
                _ => crate::model::MaintenanceChoiceKind::Ended,
            };
            Ok(crate::model::MaintenanceChoice { date: r.get(0)?, choice, reason: r.get(2)?, logged_at_ms: r.get(3)? })
        })?
        .collect()
}

/// The stored word of a maintenance choice (the table's CHECK lists the same three).
pub fn choice_text(choice: crate::model::MaintenanceChoiceKind) -> &'static str {
    match choice {
        crate::model::MaintenanceChoiceKind::Accepted => "accepted",
        crate::model::MaintenanceChoiceKind::Declined => "declined",
        crate::model::MaintenanceChoiceKind::Ended => "ended",
    }
}

pub const PAIN_COLUMNS: &str = "date, score, stiffness_minutes, note, logged_at_ms";

pub fn pain_from_row(row: &Row<'_>) -> rusqlite::Result<PainEntry> {
    Ok(PainEntry {
        date: row.get(0)?,
        score: row.get(1)?,
        stiffness_minutes: row.get(2)?,
        note: row.get(3)?,
        logged_at_ms: row.get(4)?,
    })
}

pub fn insert_pain(conn: &Connection, e: &PainEntry) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO pain (date, score, stiffness_minutes, note, logged_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT (date) DO UPDATE SET score = ?2, stiffness_minutes = ?3, note = ?4, logged_at_ms = ?5")?
        .execute(params![e.date, e.score, e.stiffness_minutes, e.note, e.logged_at_ms])?;
    Ok(())
}

pub fn insert_pain_edit(conn: &Connection, e: &PainEntry) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO pain_edits (date, score, stiffness_minutes, note, logged_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![e.date, e.score, e.stiffness_minutes, e.note, e.logged_at_ms])?;
    Ok(())
}

pub fn pain_on(conn: &Connection, date: &str) -> rusqlite::Result<Option<PainEntry>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {PAIN_COLUMNS} FROM pain WHERE date = ?1"))?;
    let mut rows = stmt.query_map([date], pain_from_row)?;
    rows.next().transpose()
}

pub const SESSION_COLUMNS: &str =
    "date, exercise_id, level, sets_done, reps_done, hold_seconds_done, peak_pain, completed, skipped_steps, effort, reps_in_reserve";

pub fn session_from_row(row: &Row<'_>) -> rusqlite::Result<SessionRecord> {
    Ok(SessionRecord {
        date: row.get(0)?,
        exercise_id: row.get(1)?,
        level: row.get(2)?,
        sets_done: row.get(3)?,
        reps_done: row.get(4)?,
        hold_seconds_done: row.get(5)?,
        peak_pain: row.get(6)?,
        completed: row.get(7)?,
        skipped_steps: row.get(8)?,
        effort: row.get::<_, Option<String>>(9)?.map(|t| enum_from_text(9, t)).transpose()?,
        reps_in_reserve: row.get(10)?,
    })
}

pub fn insert_session(conn: &Connection, r: &SessionRecord) -> rusqlite::Result<i64> {
    conn.prepare_cached(&format!("INSERT INTO sessions ({SESSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"))?.execute(
        params![
            r.date,
            r.exercise_id,
            r.level,
            r.sets_done,
            r.reps_done,
            r.hold_seconds_done,
            r.peak_pain,
            r.completed,
            r.skipped_steps,
            r.effort.as_ref().map(enum_text),
            r.reps_in_reserve
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The stored columns of a run (what `insert_run` writes).
pub const RUN_STORED: &str = "date, distance_km, minutes, pain_during, pain_after, surface, shoes, source, start_ms, elapsed_minutes, cadence_spm, sub_sport";
/// Read from `runs` unaliased: the stored columns, then the origins of the imports that matched it.
pub const RUN_COLUMNS: &str = "date, distance_km, minutes, pain_during, pain_after, surface, shoes, source, start_ms, elapsed_minutes, cadence_spm, sub_sport, \
    (SELECT group_concat(origin, char(31)) FROM (SELECT origin FROM run_sources WHERE run_id = runs.id ORDER BY logged_at_ms, external_id))";

pub fn run_from_row(row: &Row<'_>) -> rusqlite::Result<RunRecord> {
    let matched: Option<String> = row.get(12)?;
    Ok(RunRecord {
        date: row.get(0)?,
        distance_km: row.get(1)?,
        minutes: row.get(2)?,
        pain_during: row.get(3)?,
        pain_after: row.get(4)?,
        surface: row.get(5)?,
        shoes: row.get(6)?,
        source: enum_from_text(7, row.get(7)?)?,
        start_ms: row.get(8)?,
        elapsed_minutes: row.get(9)?,
        cadence_spm: row.get(10)?,
        sub_sport: row.get(11)?,
        matched_by: matched.map(|m| m.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default(),
    })
}

pub fn insert_run(conn: &Connection, r: &RunRecord) -> rusqlite::Result<i64> {
    conn.prepare_cached(&format!("INSERT INTO runs ({RUN_STORED}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"))?.execute(params![
        r.date,
        r.distance_km,
        r.minutes,
        r.pain_during,
        r.pain_after,
        r.surface,
        r.shoes,
        enum_text(&r.source),
        r.start_ms,
        r.elapsed_minutes,
        r.cadence_spm,
        r.sub_sport
    ])?;
    Ok(conn.last_insert_rowid())
}

pub const DECISION_COLUMNS: &str = "date, exercise_id, action, from_level, to_level, rule, reason";

pub fn decision_from_row(row: &Row<'_>) -> rusqlite::Result<Decision> {
    Ok(Decision {
        date: row.get(0)?,
        exercise_id: row.get(1)?,
        action: enum_from_text(2, row.get(2)?)?,
        from_level: row.get(3)?,
        to_level: row.get(4)?,
        rule: row.get(5)?,
        reason: row.get(6)?,
    })
}

/// Upserts on (date, exercise_id): re-evaluating the same morning replaces that day's decision.
pub fn upsert_decision(conn: &Connection, d: &Decision) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO decisions ({DECISION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (date, exercise_id) DO UPDATE SET action = ?3, from_level = ?4, to_level = ?5, rule = ?6, reason = ?7"
    ))?
    .execute(params![d.date, d.exercise_id, enum_text(&d.action), d.from_level, d.to_level, d.rule, d.reason])?;
    Ok(())
}

pub fn decision_on(conn: &Connection, date: &str, exercise_id: &str) -> rusqlite::Result<Option<Decision>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {DECISION_COLUMNS} FROM decisions WHERE date = ?1 AND exercise_id = ?2"))?;
    let mut rows = stmt.query_map([date, exercise_id], decision_from_row)?;
    rows.next().transpose()
}

/// Replaces the current program, keeping earlier ones (is_current = 0) for the backup.
pub fn replace_program(conn: &Connection, started_on: &str, program_json: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE programs SET is_current = 0 WHERE is_current = 1")?.execute([])?;
    conn.prepare_cached("INSERT INTO programs (started_on, is_current, program_json) VALUES (?1, 1, ?2)")?
        .execute(params![started_on, program_json])?;
    Ok(())
}

/// Runs a date-range query `sql` (two parameters: from, to) and maps each row.
pub fn in_range<T>(
    conn: &Connection,
    sql: &str,
    from: &str,
    to: &str,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([from, to], map)?;
    rows.collect()
}

pub fn load_settings(conn: &Connection) -> rusqlite::Result<Option<Settings>> {
    let mut stmt = conn.prepare_cached(
        "SELECT units, affected_side, morning_reminder, session_reminder, session_days, time_zone, reminders_enabled FROM settings WHERE id = 1",
    )?;
    let mut rows = stmt.query_map([], |r| {
        Ok(Settings {
            units: enum_from_text(0, r.get(0)?)?,
            affected_side: enum_from_text(1, r.get(1)?)?,
            morning_reminder: r.get(2)?,
            session_reminder: r.get(3)?,
            session_days: json_from_text(4, &r.get::<_, String>(4)?)?,
            time_zone: r.get(5)?,
            reminders_enabled: r.get(6)?,
        })
    })?;
    rows.next().transpose()
}

pub fn store_settings(conn: &Connection, s: &Settings) -> rusqlite::Result<()> {
    let days = serde_json::to_string(&s.session_days).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT OR REPLACE INTO settings (id, units, affected_side, morning_reminder, session_reminder, session_days, time_zone, reminders_enabled)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![enum_text(&s.units), enum_text(&s.affected_side), s.morning_reminder, s.session_reminder, days, s.time_zone, s.reminders_enabled])?;
    Ok(())
}

pub fn insert_safety_screen(conn: &Connection, date: &str, level: &RedFlagLevel, flagged_json: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO safety_screens (date, level, flagged_json) VALUES (?1, ?2, ?3)")?
        .execute(params![date, enum_text(level), flagged_json])?;
    Ok(())
}

pub fn insert_clinician_visit(conn: &Connection, v: &super::ClinicianVisit) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO clinician_visits (date, cleared, logged_at_ms) VALUES (?1, ?2, ?3)")?
        .execute(params![v.date, v.cleared, v.logged_at_ms])?;
    Ok(())
}

pub fn clinician_visit_from_row(row: &Row<'_>) -> rusqlite::Result<super::ClinicianVisit> {
    Ok(super::ClinicianVisit { date: row.get(0)?, cleared: row.get(1)?, logged_at_ms: row.get(2)? })
}

pub fn insert_assessment(conn: &Connection, date: &str, answers_json: &str, result_json: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO assessments (date, answers_json, result_json) VALUES (?1, ?2, ?3)")?
        .execute(params![date, answers_json, result_json])?;
    Ok(())
}

pub fn load_assessments(conn: &Connection) -> rusqlite::Result<Vec<StoredAssessment>> {
    let mut stmt = conn.prepare_cached("SELECT date, answers_json, result_json FROM assessments ORDER BY date, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(StoredAssessment { date: r.get(0)?, answers: json_from_text(1, &r.get::<_, String>(1)?)?, result_json: r.get(2)? })
    })?;
    rows.collect()
}
