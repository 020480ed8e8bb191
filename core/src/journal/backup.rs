//! Export / import of the whole journal as a versioned JSON document, and the pain-log CSV.
//!
//! Import parses and validates the ENTIRE document before writing, then merges it in one
//! transaction. Each table has a natural key so that importing the same document twice changes
//! nothing (see `docs/storage.md`):
//! - pain: the date (the entry logged later wins; the loser goes to the edit history);
//! - decisions: (date, exercise_id) (a conflicting local decision is kept);
//! - programs: the whole program (an imported program becomes current only if none is);
//! - settings: imported only when this device never saved any;
//! - PSFS activities: the name, ignoring case (ids are per device; ratings follow their activity);
//!   PSFS ratings: (date, activity) (a different local score is kept);
//! - everything else (sessions, runs, pain edits, safety screens, assessments): all columns,
//!   compared as multisets, so three identical stretch rows on one date stay three.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::day::{timestamp_from_ms, Day};
use crate::error::CoreError;
use crate::model::{AssessmentAnswers, Decision, PainEntry, Program, RedFlagLevel, RunRecord, SessionRecord, Settings};

use super::{prefix, psfs, rows, schema, validate, ClinicianVisit, StoredPsfsActivity};
use crate::clinical::psfs::PsfsRatingEntry;
use crate::clinical::return_to_run::ReturnToRunCheck;
use crate::strict_json;

/// The backup format this build writes. 2 added `clinician_visits`, the `refer_no_impact` level and
/// the answers `age_years` and `clinician_cleared_on`; 3 the PSFS and the return-to-run tests; 4 the
/// hop checks (rule P8).
pub const FORMAT_VERSION: u32 = 4;
/// The oldest format this build reads: a version-1 document's safety screens are re-graded under
/// the revised red-flag levels on import, as schema migration 3 does for stored screens.
pub const OLDEST_FORMAT_VERSION: u32 = 1;
/// The `app` field of every backup.
pub const APP: &str = "FirstStep";

/// The backup document (format_version 3: adds the PSFS and the return-to-run tests; 1 and 2 still
/// import, those lists empty).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub format_version: u32,
    pub app: String,
    /// Export instant, ISO 8601 UTC (informative).
    pub exported_at: String,
    pub exported_at_ms: i64,
    /// The schema version of the exporting database (informative).
    pub schema_version: i64,
    /// `None` when settings were never saved.
    pub settings: Option<Settings>,
    pub safety_screens: Vec<BackupSafetyScreen>,
    pub assessments: Vec<BackupAssessment>,
    /// Oldest first; exactly one is `current` when any program exists.
    pub programs: Vec<BackupProgram>,
    pub pain: Vec<PainEntry>,
    /// Earlier values of edited scores, oldest first per date.
    pub pain_edits: Vec<PainEntry>,
    pub sessions: Vec<SessionRecord>,
    pub runs: Vec<RunRecord>,
    pub decisions: Vec<Decision>,
    /// Absent in format 1.
    #[serde(default)]
    pub clinician_visits: Vec<ClinicianVisit>,
    /// PSFS activities (rule M2), removed ones included (`active` false). Optional on import:
    /// absent → none.
    #[serde(default)]
    pub psfs_activities: Vec<StoredPsfsActivity>,
    /// PSFS ratings (rule M2), referencing `psfs_activities[].id`. Optional on import: absent → none.
    #[serde(default)]
    pub psfs_ratings: Vec<PsfsRatingEntry>,
    /// Return-to-run self-tests (rule RR1), oldest first. Absent before format 3.
    #[serde(default)]
    pub return_to_run_checks: Vec<ReturnToRunCheck>,
    /// Single-leg hop checks (rule P8), oldest first. Absent before format 4.
    #[serde(default)]
    pub hop_checks: Vec<crate::model::HopCheck>,
    /// Maintenance choices and returns to the full program (rule P9), oldest first. Optional on
    /// import: absent → none.
    #[serde(default)]
    pub maintenance_choices: Vec<crate::model::MaintenanceChoice>,
}

/// One red-flag screen in a backup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupSafetyScreen {
    pub date: String,
    pub level: RedFlagLevel,
    pub flagged: Vec<String>,
}

/// One assessment in a backup: the answers and the evaluated result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupAssessment {
    pub date: String,
    pub answers: AssessmentAnswers,
    /// The evaluated result as written by the clinical module (any JSON).
    pub result: serde_json::Value,
}

/// One saved program version in a backup; `current` marks the one in use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupProgram {
    pub current: bool,
    pub program: Program,
}

/// What an import did, per table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ImportReport {
    pub settings_imported: bool,
    pub safety_screens_added: u32,
    pub safety_screens_unchanged: u32,
    pub assessments_added: u32,
    pub assessments_unchanged: u32,
    pub programs_added: u32,
    pub programs_unchanged: u32,
    pub pain_added: u32,
    /// Dates where the backup's score was logged later and replaced the local one (kept as an edit).
    pub pain_updated: u32,
    /// Dates already identical, or where the local score was logged later and was kept.
    pub pain_unchanged: u32,
    pub pain_edits_added: u32,
    pub pain_edits_unchanged: u32,
    pub sessions_added: u32,
    pub sessions_unchanged: u32,
    pub runs_added: u32,
    pub runs_unchanged: u32,
    pub decisions_added: u32,
    pub decisions_unchanged: u32,
    /// Same (date, exercise) with a different decision: the local one was kept.
    pub decisions_conflicting: u32,
    pub clinician_visits_added: u32,
    pub clinician_visits_unchanged: u32,
    /// PSFS activities new to this journal (matched by name, ignoring case).
    #[serde(default)]
    #[uniffi(default = 0)]
    pub psfs_activities_added: u32,
    #[serde(default)]
    #[uniffi(default = 0)]
    pub psfs_activities_unchanged: u32,
    #[serde(default)]
    #[uniffi(default = 0)]
    pub psfs_ratings_added: u32,
    #[serde(default)]
    #[uniffi(default = 0)]
    pub psfs_ratings_unchanged: u32,
    /// Same (date, activity) with a different score: the local one was kept.
    #[serde(default)]
    #[uniffi(default = 0)]
    pub psfs_ratings_conflicting: u32,
    /// Return-to-run self-tests new to this journal (RR1), and those whose date was already there.
    #[serde(default)]
    #[uniffi(default = 0)]
    pub return_to_run_checks_added: u32,
    #[serde(default)]
    #[uniffi(default = 0)]
    pub return_to_run_checks_unchanged: u32,
    /// Hop checks new to this journal (rule P8), and those whose date was already there.
    #[serde(default)]
    #[uniffi(default = 0)]
    pub hop_checks_added: u32,
    #[serde(default)]
    #[uniffi(default = 0)]
    pub hop_checks_unchanged: u32,
    /// Maintenance choices new to this journal (rule P9), and those already there.
    #[serde(default)]
    #[uniffi(default = 0)]
    pub maintenance_choices_added: u32,
    #[serde(default)]
    #[uniffi(default = 0)]
    pub maintenance_choices_unchanged: u32,
}

/// Errors of this module: validation (already a [`CoreError`]) or SQLite (the journal names the file).
pub enum BackupError {
    /// Validation failed (import) or a value could not be converted.
    Core(CoreError),
    /// SQLite failed; the journal wraps it with the file path.
    Sql(rusqlite::Error),
}

impl From<CoreError> for BackupError {
    fn from(e: CoreError) -> Self {
        BackupError::Core(e)
    }
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Sql(e)
    }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// Reads everything into a [`Backup`] inside one read transaction (a consistent snapshot).
pub fn snapshot(conn: &Connection, exported_at_ms: i64) -> Result<Backup, BackupError> {
    let exported_at = timestamp_from_ms(exported_at_ms)?.to_string();
    conn.execute_batch("BEGIN")?;
    let result = (|| -> rusqlite::Result<Backup> {
        let safety_screens = conn
            .prepare("SELECT date, level, flagged_json FROM safety_screens ORDER BY date, id")?
            .query_map([], |r| {
                Ok(BackupSafetyScreen {
                    date: r.get(0)?,
                    level: rows::enum_from_text(1, r.get(1)?)?,
                    flagged: rows::json_from_text(2, &r.get::<_, String>(2)?)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let assessments = conn
            .prepare("SELECT date, answers_json, result_json FROM assessments ORDER BY date, id")?
            .query_map([], |r| {
                Ok(BackupAssessment {
                    date: r.get(0)?,
                    answers: rows::json_from_text(1, &r.get::<_, String>(1)?)?,
                    result: rows::json_from_text(2, &r.get::<_, String>(2)?)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let programs = conn
            .prepare("SELECT is_current, program_json FROM programs ORDER BY id")?
            .query_map([], |r| Ok(BackupProgram { current: r.get(0)?, program: rows::json_from_text(1, &r.get::<_, String>(1)?)? }))?
            .collect::<rusqlite::Result<_>>()?;
        let list = |sql: String, map: fn(&rusqlite::Row<'_>) -> rusqlite::Result<PainEntry>| -> rusqlite::Result<Vec<PainEntry>> {
            conn.prepare(&sql)?.query_map([], map)?.collect()
        };
        Ok(Backup {
            format_version: FORMAT_VERSION,
            app: APP.into(),
            exported_at: exported_at.clone(),
            exported_at_ms,
            schema_version: schema::user_version(conn)?,
            settings: rows::load_settings(conn)?,
            safety_screens,
            assessments,
            programs,
            pain: list(format!("SELECT {} FROM pain ORDER BY date", rows::PAIN_COLUMNS), rows::pain_from_row)?,
            pain_edits: list(format!("SELECT {} FROM pain_edits ORDER BY date, logged_at_ms, id", rows::PAIN_COLUMNS), rows::pain_from_row)?,
            sessions: conn
                .prepare(&format!("SELECT {} FROM sessions ORDER BY date, id", rows::SESSION_COLUMNS))?
                .query_map([], rows::session_from_row)?
                .collect::<rusqlite::Result<_>>()?,
            runs: conn
                .prepare(&format!("SELECT {} FROM runs ORDER BY date, id", rows::RUN_COLUMNS))?
                .query_map([], rows::run_from_row)?
                .collect::<rusqlite::Result<_>>()?,
            decisions: conn
                .prepare(&format!("SELECT {} FROM decisions ORDER BY date, id", rows::DECISION_COLUMNS))?
                .query_map([], rows::decision_from_row)?
                .collect::<rusqlite::Result<_>>()?,
            clinician_visits: conn
                .prepare("SELECT date, cleared, logged_at_ms FROM clinician_visits ORDER BY date, id")?
                .query_map([], rows::clinician_visit_from_row)?
                .collect::<rusqlite::Result<_>>()?,
            psfs_activities: psfs::all_activities(conn)?,
            psfs_ratings: psfs::all_ratings(conn)?,
            return_to_run_checks: rows::return_to_run_checks(conn)?,
            hop_checks: rows::hop_checks(conn)?,
            maintenance_choices: rows::maintenance_choices(conn)?,
        })
    })();
    // A read-only transaction: ending it cannot lose data.
    let _ = conn.execute_batch("COMMIT");
    Ok(result?)
}

/// The backup as pretty-printed JSON.
pub fn export(conn: &Connection, exported_at_ms: i64) -> Result<String, BackupError> {
    let doc = snapshot(conn, exported_at_ms)?;
    let compact = serde_json::to_string(&doc).map_err(|e| CoreError::invalid("export", e.to_string()))?;
    Ok(indent(&compact))
}

/// Compact JSON text laid out two spaces per level, as `serde_json::to_string_pretty` would: the
/// backup stays readable while the library carries one serializer per record type, not two (#16).
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

fn rejected(message: impl std::fmt::Display) -> BackupError {
    BackupError::Core(CoreError::Import(message.to_string()))
}

/// Parses and validates a backup document completely; nothing is written.
pub fn parse_and_validate(json: &str, today: Day, is_known: &dyn Fn(&str) -> bool) -> Result<Backup, BackupError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| rejected(format!("not a complete JSON document (truncated or damaged?): {e}")))?;
    if value.get("app").and_then(|a| a.as_str()) != Some(APP) {
        return Err(rejected(format!("not a {APP} backup (field \"app\" must be \"{APP}\")")));
    }
    let raw_version = value.get("format_version");
    let version = match raw_version.and_then(|v| v.as_u64()) {
        Some(v) if (u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&v) => v,
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(rejected(format!("format_version {v} was written by a newer {APP}; this version reads {OLDEST_FORMAT_VERSION}..={FORMAT_VERSION}")))
        }
        _ => {
            let got = raw_version.map_or_else(|| "nothing".to_string(), |v| v.to_string());
            return Err(rejected(format!("format_version must be in {OLDEST_FORMAT_VERSION}..={FORMAT_VERSION} (got {got})")));
        }
    };
    let mut doc: Backup = strict_json::from_text(json, &value, &allowed).map_err(|p| rejected(p.message))?;
    if version < 2 {
        // rule R1–R3 revision: the same re-grade as schema migration 3.
        for screen in doc.safety_screens.iter_mut() {
            let regraded = screen.flagged.iter().filter_map(|id| crate::clinical::safety::level_of_flag(id)).max();
            if let Some(level) = regraded.filter(|l| *l > screen.level) {
                screen.level = level;
            }
        }
        doc.format_version = FORMAT_VERSION;
    }
    validate_doc(&doc, today, is_known).map_err(|e| match e {
        BackupError::Core(CoreError::Import(m)) => rejected(m),
        BackupError::Core(e) => rejected(e.located()),
        other => other,
    })?;
    Ok(doc)
}

/// What a backup field allows, by its name, to explain a value of the wrong type (the same
/// ranges `validate` checks).
fn allowed(path: &str) -> Option<String> {
    let ints = |(lo, hi): (i64, i64)| Some(format!("in {lo}..={hi}"));
    match strict_json::leaf(path) {
        "score" | "peak_pain" | "pain_during" | "pain_after" | "first_step_pain" => Some("in 0..=10".into()),
        "stiffness_minutes" => ints(validate::STIFFNESS_MINUTES),
        "sets_done" | "sets" => ints(validate::SETS),
        "reps_done" | "reps" => ints(validate::REPS),
        "hold_seconds_done" | "hold_seconds" => ints(validate::HOLD_SECONDS),
        "level" | "from_level" | "to_level" | "max_level" => ints(validate::LEVEL),
        "skipped_steps" => ints(validate::SKIPPED_STEPS),
        "logged_at_ms" | "exported_at_ms" => ints(validate::LOGGED_AT_MS),
        "session_days" => Some("in 1..=7".into()),
        "distance_km" => Some(format!("a number in {}..={}", validate::DISTANCE_KM.0, validate::DISTANCE_KM.1)),
        "minutes" => Some(format!("a number in {}..={}", validate::RUN_MINUTES.0, validate::RUN_MINUTES.1)),
        "completed" | "current" | "cleared" | "reminders_enabled" => Some("true or false".into()),
        "date" | "started_on" | "level_started_on" => Some("a date YYYY-MM-DD".into()),
        "action" => Some("one of \"progress\", \"hold\", \"regress\"".into()),
        "choice" => Some("one of \"accepted\", \"declined\", \"ended\"".into()),
        "level_name" | "name" | "exercise_id" | "rule" | "reason" | "note" | "surface" | "shoes" | "time_zone" | "app" | "exported_at" => {
            Some("a string".into())
        }
        _ => None,
    }
}

fn at(section: &str, i: usize) -> impl Fn(CoreError) -> CoreError + '_ {
    move |e| prefix(&format!("{section}[{i}]"), e)
}

fn validate_doc(doc: &Backup, today: Day, is_known: &dyn Fn(&str) -> bool) -> Result<(), BackupError> {
    timestamp_from_ms(doc.exported_at_ms)?;
    if let Some(s) = &doc.settings {
        validate::settings(s).map_err(|e| prefix("settings", e))?;
    }
    for (i, s) in doc.safety_screens.iter().enumerate() {
        validate::past_date("date", &s.date, today).map_err(at("safety_screens", i))?;
        validate::flagged_ids(&s.flagged).map_err(at("safety_screens", i))?;
    }
    for (i, a) in doc.assessments.iter().enumerate() {
        validate::past_date("date", &a.date, today).map_err(at("assessments", i))?;
    }
    for (i, v) in doc.clinician_visits.iter().enumerate() {
        validate::past_date("date", &v.date, today).map_err(at("clinician_visits", i))?;
    }
    psfs::validate_backup(&doc.psfs_activities, &doc.psfs_ratings, today)?;
    for (i, c) in doc.return_to_run_checks.iter().enumerate() {
        validate::past_date("date", &c.date, today).map_err(at("return_to_run_checks", i))?;
        crate::clinical::return_to_run::check_answers(&c.answers).map_err(at("return_to_run_checks", i))?;
    }
    for (i, c) in doc.hop_checks.iter().enumerate() {
        validate::past_date("date", &c.date, today).map_err(at("hop_checks", i))?;
        crate::error::check_pain("pain", i64::from(c.pain)).map_err(at("hop_checks", i))?;
    }
    for (i, c) in doc.maintenance_choices.iter().enumerate() {
        validate::maintenance_choice(c, today).map_err(at("maintenance_choices", i))?;
    }
    let mut current = 0;
    for (i, p) in doc.programs.iter().enumerate() {
        validate::program(&p.program, Some(today), is_known).map_err(at("programs", i))?;
        current += usize::from(p.current);
    }
    if current > 1 {
        return Err(rejected(format!("programs: {current} are marked current; at most one may be")));
    }
    let mut pain_dates = HashSet::new();
    for (i, e) in doc.pain.iter().enumerate() {
        validate::pain(e, today).map_err(at("pain", i))?;
        if !pain_dates.insert(e.date.as_str()) {
            return Err(rejected(format!("pain[{i}].date: {} appears twice; one score per date", e.date)));
        }
    }
    for (i, e) in doc.pain_edits.iter().enumerate() {
        validate::pain(e, today).map_err(at("pain_edits", i))?;
        if !pain_dates.contains(e.date.as_str()) {
            return Err(rejected(format!("pain_edits[{i}].date: {} has no pain entry in the backup", e.date)));
        }
    }
    let known = |section: &str, i: usize, id: &str| -> Result<(), BackupError> {
        if is_known(id) {
            Ok(())
        } else {
            Err(rejected(format!("{section}[{i}].exercise_id: unknown exercise {id:?}")))
        }
    };
    for (i, r) in doc.sessions.iter().enumerate() {
        validate::session(r, today).map_err(at("sessions", i))?;
        known("sessions", i, &r.exercise_id)?;
    }
    for (i, r) in doc.runs.iter().enumerate() {
        validate::run(r, today).map_err(at("runs", i))?;
    }
    let mut decision_keys = HashSet::new();
    for (i, d) in doc.decisions.iter().enumerate() {
        validate::decision(d, today).map_err(at("decisions", i))?;
        known("decisions", i, &d.exercise_id)?;
        if !decision_keys.insert((d.date.as_str(), d.exercise_id.as_str())) {
            return Err(rejected(format!("decisions[{i}]: a second decision for {} on {}", d.exercise_id, d.date)));
        }
    }
    Ok(())
}

/// Counts rows by key, for multiset merging.
fn key_counts(keys: impl Iterator<Item = String>) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    for k in keys {
        *counts.entry(k).or_insert(0) += 1;
    }
    counts
}

/// Multiset merge: inserts each document row beyond the number of equal rows already stored.
/// Returns (added, unchanged).
fn merge_multiset<T>(
    existing: HashMap<String, u32>,
    incoming: &[T],
    key: impl Fn(&T) -> String,
    mut insert: impl FnMut(&T) -> rusqlite::Result<()>,
) -> rusqlite::Result<(u32, u32)> {
    let mut budget = existing;
    let (mut added, mut unchanged) = (0, 0);
    for row in incoming {
        match budget.get_mut(&key(row)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                unchanged += 1;
            }
            _ => {
                insert(row)?;
                added += 1;
            }
        }
    }
    Ok((added, unchanged))
}

fn json_key<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn existing_keys<T: Serialize>(conn: &Connection, sql: &str, map: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> rusqlite::Result<HashMap<String, u32>> {
    let rows: Vec<T> = conn.prepare(sql)?.query_map([], map)?.collect::<rusqlite::Result<_>>()?;
    Ok(key_counts(rows.iter().map(json_key)))
}

/// Validates, then merges the document in one transaction.
pub fn import(conn: &mut Connection, json: &str, today: Day, is_known: &dyn Fn(&str) -> bool) -> Result<ImportReport, BackupError> {
    let doc = parse_and_validate(json, today, is_known)?;
    merge(conn, &doc)
}

/// Merges an already validated document ([`parse_and_validate`]) in one transaction.
pub fn merge(conn: &mut Connection, doc: &Backup) -> Result<ImportReport, BackupError> {
    // Stored forms, computed before the transaction so a serialization problem writes nothing.
    let programs: Vec<(bool, String, String)> = doc
        .programs
        .iter()
        .map(|p| (p.current, p.program.started_on.clone(), json_key(&p.program)))
        .collect();
    let screens: Vec<(String, RedFlagLevel, String)> = doc.safety_screens.iter().map(|s| (s.date.clone(), s.level, json_key(&s.flagged))).collect();
    let assessments: Vec<(String, String, String)> =
        doc.assessments.iter().map(|a| (a.date.clone(), json_key(&a.answers), json_key(&a.result))).collect();

    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut report = ImportReport::default();

    if let Some(s) = &doc.settings {
        if rows::load_settings(&tx)?.is_none() {
            rows::store_settings(&tx, s)?;
            report.settings_imported = true;
        }
    }

    let existing = key_counts(
        tx.prepare("SELECT date, level, flagged_json FROM safety_screens")?
            .query_map([], |r| Ok(json_key(&(r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter(),
    );
    (report.safety_screens_added, report.safety_screens_unchanged) = merge_multiset(
        existing,
        &screens,
        |(d, l, f)| json_key(&(d, rows::enum_text(l), f)),
        |(d, l, f)| rows::insert_safety_screen(&tx, d, l, f),
    )?;

    let existing = key_counts(
        tx.prepare("SELECT date, answers_json, result_json FROM assessments")?
            .query_map([], |r| Ok(json_key(&(r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter(),
    );
    (report.assessments_added, report.assessments_unchanged) =
        merge_multiset(existing, &assessments, json_key, |(d, a, r)| rows::insert_assessment(&tx, d, a, r))?;

    merge_programs(&tx, &programs, &mut report)?;
    merge_pain(&tx, doc, &mut report)?;

    let existing = existing_keys(&tx, &format!("SELECT {} FROM sessions", rows::SESSION_COLUMNS), rows::session_from_row)?;
    (report.sessions_added, report.sessions_unchanged) =
        merge_multiset(existing, &doc.sessions, json_key, |r| rows::insert_session(&tx, r).map(|_| ()))?;

    let existing = existing_keys(&tx, &format!("SELECT {} FROM runs", rows::RUN_COLUMNS), rows::run_from_row)?;
    (report.runs_added, report.runs_unchanged) = merge_multiset(existing, &doc.runs, json_key, |r| rows::insert_run(&tx, r).map(|_| ()))?;

    let existing = existing_keys(&tx, "SELECT date, cleared, logged_at_ms FROM clinician_visits", rows::clinician_visit_from_row)?;
    (report.clinician_visits_added, report.clinician_visits_unchanged) =
        merge_multiset(existing, &doc.clinician_visits, json_key, |v| rows::insert_clinician_visit(&tx, v))?;

    // rule RR1: one self-test per date; a date already in the journal keeps the local test.
    for check in &doc.return_to_run_checks {
        let json = serde_json::to_string(check).map_err(|e| BackupError::Core(CoreError::invalid("return_to_run_checks", e.to_string())))?;
        let added = tx
            .prepare_cached("INSERT OR IGNORE INTO return_to_run_checks (date, passed, answers_json, logged_at_ms) VALUES (?1, ?2, ?3, ?4)")?
            .execute(rusqlite::params![check.date, check.passed, json, doc.exported_at_ms])?;
        if added == 1 {
            report.return_to_run_checks_added += 1;
        } else {
            report.return_to_run_checks_unchanged += 1;
        }
    }

    // rule P8: one hop check per date; a date already in the journal keeps the local check.
    for check in &doc.hop_checks {
        let added = tx
            .prepare_cached("INSERT OR IGNORE INTO hop_checks (date, pain, logged_at_ms) VALUES (?1, ?2, ?3)")?
            .execute(rusqlite::params![check.date, check.pain, doc.exported_at_ms])?;
        if added == 1 {
            report.hop_checks_added += 1;
        } else {
            report.hop_checks_unchanged += 1;
        }
    }

    // rule P9: one choice of each kind per date; one already in the journal stays as it is.
    for choice in &doc.maintenance_choices {
        let added = tx
            .prepare_cached("INSERT OR IGNORE INTO maintenance_choices (date, choice, reason, logged_at_ms) VALUES (?1, ?2, ?3, ?4)")?
            .execute(rusqlite::params![choice.date, rows::choice_text(choice.choice), choice.reason, choice.logged_at_ms])?;
        if added == 1 {
            report.maintenance_choices_added += 1;
        } else {
            report.maintenance_choices_unchanged += 1;
        }
    }

    let merged = psfs::merge_backup(&tx, &doc.psfs_activities, &doc.psfs_ratings)?;
    report.psfs_activities_added = merged.activities_added;
    report.psfs_activities_unchanged = merged.activities_unchanged;
    report.psfs_ratings_added = merged.ratings_added;
    report.psfs_ratings_unchanged = merged.ratings_unchanged;
    report.psfs_ratings_conflicting = merged.ratings_conflicting;

    for d in &doc.decisions {
        match rows::decision_on(&tx, &d.date, &d.exercise_id)? {
            None => {
                rows::upsert_decision(&tx, d)?;
                report.decisions_added += 1;
            }
            Some(local) if local == *d => report.decisions_unchanged += 1,
            Some(_) => report.decisions_conflicting += 1,
        }
    }

    tx.commit()?;
    Ok(report)
}

fn merge_programs(tx: &Connection, programs: &[(bool, String, String)], report: &mut ImportReport) -> rusqlite::Result<()> {
    let stored: HashSet<String> = tx.prepare("SELECT program_json FROM programs")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let has_current: bool = tx.query_row("SELECT count(*) FROM programs WHERE is_current = 1", [], |r| r.get::<_, i64>(0))? > 0;
    for (current, started_on, json) in programs {
        if stored.contains(json) {
            report.programs_unchanged += 1;
            continue;
        }
        let make_current = *current && !has_current;
        tx.prepare_cached("INSERT INTO programs (started_on, is_current, program_json) VALUES (?1, ?2, ?3)")?
            .execute(rusqlite::params![started_on, make_current, json])?;
        report.programs_added += 1;
    }
    Ok(())
}

fn merge_pain(tx: &Connection, doc: &Backup, report: &mut ImportReport) -> rusqlite::Result<()> {
    for e in &doc.pain {
        match rows::pain_on(tx, &e.date)? {
            None => {
                rows::insert_pain(tx, e)?;
                report.pain_added += 1;
            }
            Some(local) if local == *e || local.logged_at_ms >= e.logged_at_ms => report.pain_unchanged += 1,
            Some(local) => {
                // The backup's score was logged later: it wins, the local one becomes history.
                rows::insert_pain_edit(tx, &local)?;
                rows::insert_pain(tx, e)?;
                report.pain_updated += 1;
            }
        }
    }
    let existing = existing_keys(tx, &format!("SELECT {} FROM pain_edits", rows::PAIN_COLUMNS), rows::pain_from_row)?;
    (report.pain_edits_added, report.pain_edits_unchanged) =
        merge_multiset(existing, &doc.pain_edits, json_key, |e| rows::insert_pain_edit(tx, e))?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/// The pain log as CSV (RFC 4180: CRLF line ends; fields with a comma, quote or line break are
/// quoted and inner quotes doubled).
pub fn pain_csv(conn: &Connection) -> Result<String, BackupError> {
    let entries: Vec<PainEntry> =
        conn.prepare(&format!("SELECT {} FROM pain ORDER BY date", rows::PAIN_COLUMNS))?.query_map([], rows::pain_from_row)?.collect::<rusqlite::Result<_>>()?;
    let mut out = String::from("date,score,stiffness_minutes,note\r\n");
    for e in entries {
        let stiffness = e.stiffness_minutes.map(|m| m.to_string()).unwrap_or_default();
        out.push_str(&format!("{},{},{},{}\r\n", e.date, e.score, stiffness, csv_field(e.note.as_deref().unwrap_or(""))));
    }
    Ok(out)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::indent;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    #[test]
    fn indent_lays_out_like_serde_pretty() {
        let doc = json!({"app": "FirstStep", "pain": [{"note": "a \"}]\" b, {x}: [y]", "score": 3}], "empty": [], "none": {},
                         "nested": {"a": [1, 2.5, -3e-7, null, true], "é": "\\\u{1F600}"}});
        assert_eq!(indent(&serde_json::to_string(&doc).unwrap()), serde_json::to_string_pretty(&doc).unwrap());
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            "[ -~\\n\\t\"\\\\{}\\[\\],:é]{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::btree_map("[a-z_{}\\[\\]\",:]{0,8}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn indent_matches_serde_pretty_for_any_document(doc in any_json()) {
            prop_assert_eq!(indent(&serde_json::to_string(&doc).unwrap()), serde_json::to_string_pretty(&doc).unwrap());
        }
    }
}
