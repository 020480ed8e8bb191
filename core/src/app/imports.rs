//! Importing runs from activity files and health stores (issue 23): which activities are runs,
//! what each became, and the A7 warning an imported run earns, as the runs screen and the CLI show.


use super::{JournalChange, Rehab};
use crate::activity::{self, Activity, FileReading};
use crate::clinical;
use crate::day::{Day, Moment};
use crate::error::{CoreError, Result};
use crate::journal::{ImportedRun, RunMatch};
use crate::model::{RunRecord, RunSource};

/// What one file (or one health-store read) gave.
// Serialized only for the CLI's --json (the phone libraries leave the code out: size budget).
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
#[cfg_attr(feature = "activity-files", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum ImportStatus {
    /// It held at least one run (each line says whether it was new or already in the journal).
    Imported,
    /// It held no run: `skipped` says why (another sport, a route without timestamps…).
    Skipped,
    /// It could not be read (not an activity, damaged): `reason` says why. Nothing was written.
    Refused,
}

/// What happened to one run found in a file.
// Serialized only for the CLI's --json (the phone libraries leave the code out: size budget).
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
#[cfg_attr(feature = "activity-files", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum RunImportResult {
    Added,
    /// The same activity was imported before.
    AlreadyImported,
    /// The run was already in the journal (typed in, or from another source): kept as it was.
    Matched,
}

#[derive(Clone, Debug, PartialEq, uniffi::Record)]
#[cfg_attr(feature = "activity-files", derive(serde::Serialize))]
pub struct RunImportLine {
    pub run: RunRecord,
    pub result: RunImportResult,
    /// A sentence for the runner: "Added: 12.8 km on 2017-07-29 (running)".
    pub message: String,
    /// The A7 (or RR2) warning this run earned when added.
    pub warning: Option<String>,
}

#[derive(Clone, Debug, PartialEq, uniffi::Record)]
#[cfg_attr(feature = "activity-files", derive(serde::Serialize))]
pub struct ActivityImport {
    /// The file name (or the health store's name).
    pub file: String,
    pub status: ImportStatus,
    /// Why the file was refused.
    pub reason: Option<String>,
    pub runs: Vec<RunImportLine>,
    /// Activities or tracks not imported, each with why.
    pub skipped: Vec<String>,
    /// Said with the result (e.g. imported from the summary before the damage).
    pub notes: Vec<String>,
    /// Whether the journal changed.
    pub wrote: bool,
    /// `Some(RunsImported)` when the journal changed: the shell refreshes
    /// `screens_to_refresh(RunsImported)`; `None` when nothing was written.
    pub change: Option<JournalChange>,
}

/// One exercise session read from Health Connect or HealthKit.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct HealthRun {
    pub start_ms: i64,
    pub end_ms: i64,
    pub distance_m: f64,
    /// The store's exercise type ("running", "walking"…).
    pub sport: String,
    /// The store's record id (stable across reads).
    pub source_id: String,
    /// The zone offset the store gives for the start (minutes east of UTC).
    #[uniffi(default = None)]
    pub utc_offset_minutes: Option<i32>,
}

/// design choice: below 100 m (the journal's smallest run, validate.rs) a "run" is a test or a
/// watch started by mistake; it is skipped, said why.
const MIN_RUN_M: f64 = 100.0;

fn km_text(m: f64) -> String {
    format!("{:.2} km", m / 1000.0)
}

impl Rehab<'_> {
    /// Reads `bytes` (the file `name`) and imports its runs in one transaction.
    pub(crate) fn import_activity_file(&self, now: Moment, name: &str, bytes: &[u8]) -> Result<ActivityImport> {
        #[cfg(feature = "activity-files")]
        {
            match activity::read_file(name, bytes) {
                Ok(reading) => self.import_reading(now, name, RunSource::File, reading),
                Err(refusal) => Ok(ActivityImport {
                    file: name.into(),
                    status: ImportStatus::Refused,
                    reason: Some(refusal.0),
                    runs: Vec::new(),
                    skipped: Vec::new(),
                    notes: Vec::new(),
                    wrote: false,
                    change: None,
                }),
            }
        }
        #[cfg(not(feature = "activity-files"))]
        {
            let _ = (now, bytes);
            Err(CoreError::state(format!(
                "{name} was not read: this build of FirstStep reads runs from the phone's health store only; activity files (FIT, GPX, TCX) are read by the desktop app and the CLI"
            )))
        }
    }

    /// Imports a health store's exercise sessions (running ones; the rest are listed as skipped).
    pub(crate) fn import_health_runs(&self, now: Moment, store: &str, runs: &[HealthRun]) -> Result<ActivityImport> {
        let mut reading = FileReading::default();
        for (i, h) in runs.iter().enumerate() {
            if h.end_ms < h.start_ms || !h.distance_m.is_finite() || h.distance_m < 0.0 {
                return Err(CoreError::invalid(format!("runs[{i}]"), "end must not be before start, and distance_m must be a finite number ≥ 0"));
            }
            let seconds = (h.end_ms - h.start_ms) as f64 / 1000.0;
            reading.activities.push(Activity {
                sport: h.sport.clone(),
                sub_sport: None,
                start_ms: h.start_ms,
                utc_offset_minutes: h.utc_offset_minutes,
                distance_m: h.distance_m,
                distance_from: activity::DistanceFrom::HealthStore,
                moving_s: Some(seconds),
                elapsed_s: Some(seconds),
                cadence_spm: None,
                external_id: format!("health:{}", h.source_id),
            });
        }
        self.import_reading(now, store, RunSource::HealthStore, reading)
    }

    fn import_reading(&self, now: Moment, name: &str, source: RunSource, reading: FileReading) -> Result<ActivityImport> {
        let today = now.today()?;
        let mut skipped = reading.skipped;
        let mut candidates = Vec::new();
        for a in reading.activities {
            let what = a.sub_sport.as_ref().map_or(a.sport.clone(), |s| format!("{} ({s})", a.sport));
            if !activity::is_running(&a.sport, a.sub_sport.as_deref()) {
                skipped.push(format!("{} of {what}: not a run", km_text(a.distance_m)));
                continue;
            }
            if !a.distance_m.is_finite() || a.distance_m < MIN_RUN_M {
                skipped.push(format!("{:.0} m of {what}: too short to count as a run", a.distance_m.max(0.0)));
                continue;
            }
            if a.distance_m > 300_000.0 {
                skipped.push(format!("{} of {what}: longer than the 300 km a run can be, so the file's distance was not trusted", km_text(a.distance_m)));
                continue;
            }
            let day = match a.utc_offset_minutes {
                Some(offset) => Day::at_instant_with_offset(a.start_ms, offset),
                None => Day::at_instant(a.start_ms, &now.time_zone),
            };
            let Ok(day) = day else {
                skipped.push(format!("a {what} with a start time that is not a date"));
                continue;
            };
            if day > today {
                skipped.push(format!("a {what} dated {}, after today", day.iso()));
                continue;
            }
            // Hundredths of a minute (0.6 s): more digits than any watch is sure of, and a backup
            // round trip gives back the same number.
            let to_minutes = |s: f64| (s / 60.0 * 100.0).round() / 100.0;
            let minutes = a.moving_s.map(to_minutes).filter(|m| (1.0..=2000.0).contains(m));
            let run = RunRecord {
                date: day.iso(),
                distance_km: (a.distance_m / 10.0).round() / 100.0,
                minutes,
                source,
                start_ms: Some(a.start_ms),
                elapsed_minutes: a.elapsed_s.map(to_minutes).filter(|m| (0.0..=3000.0).contains(m)),
                cadence_spm: a.cadence_spm.map(|c| (c * 10.0).round() / 10.0).filter(|c| (60.0..=300.0).contains(c)),
                sub_sport: a.sub_sport.map(|s| s.chars().take(64).collect()),
                ..Default::default()
            };
            candidates.push((ImportedRun { run, external_id: a.external_id.chars().take(200).collect(), origin: name.into() }, what));
        }
        // rule A7 (and RR2): each new run is judged against the runs logged before it.
        let mut warnings = Vec::new();
        for (c, _) in &candidates {
            let day = Day::parse("date", &c.run.date)?;
            warnings.push(self.with_running_input(day, None, |input| clinical::logged_run_warning(input, &c.run))?.map(|(w, _)| w));
        }
        let imported: Vec<ImportedRun> = candidates.iter().map(|(c, _)| c.clone()).collect();
        let matches = if imported.is_empty() { Vec::new() } else { self.journal.import_runs(&imported, now.instant_ms, today)? };
        let mut lines = Vec::new();
        for (((c, what), m), warning) in candidates.into_iter().zip(matches).zip(warnings) {
            let km = format!("{:.2} km on {} ({what})", c.run.distance_km, c.run.date);
            let (result, message, warning) = match m {
                RunMatch::Added => (RunImportResult::Added, format!("Added: {km}"), warning),
                RunMatch::AlreadyImported => (RunImportResult::AlreadyImported, format!("Already imported: {km}"), None),
                RunMatch::Matched { stored } => {
                    let by = match stored.source {
                        RunSource::Manual => "the run you typed in",
                        RunSource::File => "a run imported from a file",
                        RunSource::HealthStore => "a run from the health store",
                    };
                    (RunImportResult::Matched, format!("Already in your journal: {km} matches {by} ({:.2} km), which is kept", stored.distance_km), None)
                }
            };
            lines.push(RunImportLine { run: c.run, result, message, warning });
        }
        let wrote = !lines.is_empty() && lines.iter().any(|l| l.result != RunImportResult::AlreadyImported);
        Ok(ActivityImport {
            file: name.into(),
            status: if lines.is_empty() { ImportStatus::Skipped } else { ImportStatus::Imported },
            reason: None,
            runs: lines,
            skipped,
            notes: reading.notes,
            wrote,
            change: wrote.then_some(JournalChange::RunsImported),
        })
    }
}
