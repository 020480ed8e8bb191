//! Storing imported runs without duplicates (issue 23). One call is one transaction: all of a
//! file's runs or none.
//!
//! A run is the same as one already stored when its external id was seen before (the same file
//! twice), else when a stored run with a start time began within [`MATCH_START_MINUTES`] of it and
//! its distance is within [`MATCH_DISTANCE_FRACTION`] (the same run from a FIT file and a health
//! store), else when a typed-in run (no start time) is on the same date within
//! [`MATCH_MANUAL_DISTANCE_FRACTION`]. A match is recorded in `run_sources` against the stored run,
//! which is kept as it is: a typed-in run then shows as matched, never silently replaced.

use rusqlite::{params, Connection, OptionalExtension};

use super::{rows, validate, Journal};
use crate::day::Day;
use crate::error::Result;
use crate::model::{RunRecord, RunSource};

/// design choice: two sources' starts of one run differ by seconds (watch vs phone clock, auto-start);
/// 5 minutes allows a late-synced phone without merging two runs of one morning.
pub const MATCH_START_MINUTES: i64 = 5;
/// design choice: GPS and footpod distances of one run differ by 1–2 %; 3 % matches them, and two
/// different runs starting within 5 minutes of each other cannot both exist.
pub const MATCH_DISTANCE_FRACTION: f64 = 0.03;
/// design choice: a typed-in distance is rounded ("5 km" for 5.2 km on the watch): 10 %.
pub const MATCH_MANUAL_DISTANCE_FRACTION: f64 = 0.10;

/// One run to import, with the id its source gives it and where it came from (file name, app).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedRun {
    pub run: RunRecord,
    pub external_id: String,
    pub origin: String,
}

/// What happened to one imported run.
#[derive(Clone, Debug, PartialEq)]
pub enum RunMatch {
    /// Stored as a new run.
    Added,
    /// This very activity was imported before (same external id): nothing changed.
    AlreadyImported,
    /// The same run was already in the journal (another source, or typed in): kept, and recorded
    /// as matched. `stored` is the run as it was.
    Matched { stored: RunRecord },
}

fn within(a: f64, b: f64, fraction: f64) -> bool {
    (a - b).abs() <= fraction * a.max(b)
}

fn find_match(c: &Connection, r: &RunRecord) -> rusqlite::Result<Option<i64>> {
    if let Some(start) = r.start_ms {
        let window = MATCH_START_MINUTES * 60_000;
        let mut stmt = c.prepare_cached("SELECT id, distance_km FROM runs WHERE start_ms BETWEEN ?1 AND ?2 ORDER BY abs(start_ms - ?3), id")?;
        let hits: Vec<(i64, f64)> = stmt.query_map(params![start - window, start + window, start], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        if let Some((id, _)) = hits.into_iter().find(|(_, km)| within(*km, r.distance_km, MATCH_DISTANCE_FRACTION)) {
            return Ok(Some(id));
        }
    }
    let mut stmt = c.prepare_cached(
        "SELECT id, distance_km FROM runs WHERE date = ?1 AND start_ms IS NULL AND source = 'manual'
         AND NOT EXISTS (SELECT 1 FROM run_sources s WHERE s.run_id = runs.id) ORDER BY abs(distance_km - ?2), id",
    )?;
    let hits: Vec<(i64, f64)> = stmt.query_map(params![r.date, r.distance_km], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(hits.into_iter().find(|(_, km)| within(*km, r.distance_km, MATCH_MANUAL_DISTANCE_FRACTION)).map(|(id, _)| id))
}

fn run_by_id(c: &Connection, id: i64) -> rusqlite::Result<RunRecord> {
    c.query_row(&format!("SELECT {} FROM runs WHERE id = ?1", rows::RUN_COLUMNS), [id], rows::run_from_row)
}

impl Journal {
    /// Stores `runs` (one file's or one health-store read's) in one transaction, each at most once.
    /// Every run is validated first: one invalid run writes nothing.
    pub fn import_runs(&self, runs: &[ImportedRun], logged_at_ms: i64, today: Day) -> Result<Vec<RunMatch>> {
        for r in runs {
            validate::run(&r.run, today)?;
            validate::text("external_id", Some(&r.external_id), 200)?;
        }
        self.write(|c| {
            let mut out = Vec::with_capacity(runs.len());
            for r in runs {
                let seen: Option<i64> =
                    c.prepare_cached("SELECT run_id FROM run_sources WHERE external_id = ?1")?.query_row([&r.external_id], |row| row.get(0)).optional()?;
                if seen.is_some() {
                    out.push(RunMatch::AlreadyImported);
                    continue;
                }
                let (run_id, outcome) = match find_match(c, &r.run)? {
                    Some(id) => (id, RunMatch::Matched { stored: run_by_id(c, id)? }),
                    None => (rows::insert_run(c, &r.run)?, RunMatch::Added),
                };
                let source = if r.run.source == RunSource::HealthStore { "health_store" } else { "file" };
                let origin: String = r.origin.chars().take(300).collect();
                c.prepare_cached("INSERT INTO run_sources (external_id, run_id, source, origin, logged_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)")?
                    .execute(params![r.external_id, run_id, source, if origin.is_empty() { "import".into() } else { origin }, logged_at_ms])?;
                out.push(outcome);
            }
            Ok(out)
        })
    }
}
