//! What every command needs: the opened journal, "now" as a [`Moment`], the output mode and the
//! units; plus the CLI's error type and how it maps to exit codes.

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::day::Day;
use firststep_core::model::Units;
use firststep_core::FirstStepError;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};
use serde::Serialize;

/// Exit code for bad input (a value out of range, an unknown id, a future date, a bad file).
pub const EXIT_BAD_INPUT: i32 = 2;
/// Exit code for everything else (database, import, state).
pub const EXIT_FAILURE: i32 = 1;

/// A failed command: a kind (the FFI error variant, snake_case), a message for the runner and, for
/// bad input, the field (and, for a value out of its range, the allowed range and the value).
#[derive(Debug, Clone)]
pub struct CliError {
    pub kind: &'static str,
    pub field: Option<String>,
    pub message: String,
    /// The allowed range as data, e.g. "0..=30" (`--json` prints it).
    pub allowed: Option<String>,
    /// The value given, e.g. "45".
    pub got: Option<String>,
}

impl CliError {
    /// Bad input detected by the CLI itself (before the core is asked).
    pub fn invalid(field: impl Into<String>, message: impl Display) -> Self {
        CliError { kind: "invalid_input", field: Some(field.into()), message: message.to_string(), allowed: None, got: None }
    }

    /// A value out of its range, worded by the core as everywhere else: "Enter 0–10 for first-step
    /// pain (you entered 11)"; field, range and value stay data.
    pub fn range(field: impl Into<String>, allowed: impl Into<String>, got: impl Display) -> Self {
        FirstStepError::from(firststep_core::CoreError::range(field, allowed, got)).into()
    }

    /// A state problem detected by the CLI (e.g. no saved session to resume).
    pub fn state(message: impl Display) -> Self {
        CliError { kind: "invalid_state", field: None, message: message.to_string(), allowed: None, got: None }
    }

    /// A file the CLI writes could not be written.
    pub fn io(path: &Path, err: impl Display) -> Self {
        CliError { kind: "import", field: None, message: format!("{}: {err}", path.display()), allowed: None, got: None }
    }

    /// Process exit code: 2 for bad input, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self.kind {
            "invalid_input" | "not_found" => EXIT_BAD_INPUT,
            _ => EXIT_FAILURE,
        }
    }

    /// The JSON error document printed on stderr with `--json`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut error = serde_json::json!({ "kind": self.kind, "message": self.message });
        if let Some(field) = &self.field {
            error["field"] = serde_json::Value::String(field.clone());
        }
        if let Some(allowed) = &self.allowed {
            error["allowed"] = serde_json::Value::String(allowed.clone());
        }
        if let Some(got) = &self.got {
            error["got"] = serde_json::Value::String(got.clone());
        }
        serde_json::json!({ "error": error })
    }
}

impl From<FirstStepError> for CliError {
    fn from(err: FirstStepError) -> Self {
        let message = err.to_string();
        match err {
            FirstStepError::InvalidInput { field, allowed, got, .. } => CliError { kind: "invalid_input", field: Some(field), message, allowed, got },
            FirstStepError::NotFound { .. } => CliError { kind: "not_found", field: None, message, allowed: None, got: None },
            FirstStepError::InvalidState { .. } => CliError { kind: "invalid_state", field: None, message, allowed: None, got: None },
            // One kind for every journal trouble (the JSON contract); the message names the way out.
            FirstStepError::Database { .. }
            | FirstStepError::DatabaseDamaged { .. }
            | FirstStepError::DatabaseReadOnly { .. }
            | FirstStepError::DatabaseTooNew { .. } => CliError { kind: "database", field: None, message, allowed: None, got: None },
            FirstStepError::Import { .. } => CliError { kind: "import", field: None, message, allowed: None, got: None },
            FirstStepError::Io { .. } => CliError { kind: "io", field: None, message, allowed: None, got: None },
        }
    }
}

/// Result of a command.
pub type CliResult<T = ()> = Result<T, CliError>;

/// The session of one command: the journal and "now".
pub struct Context {
    pub app: Arc<FirstStep>,
    pub db_path: PathBuf,
    pub json: bool,
    /// 12:00 local on `--date`, or the real instant when no date was given.
    pub moment: Moment,
    /// The local date the command acts on (YYYY-MM-DD).
    pub date: String,
    pub units: Units,
    zone_name: String,
    zone: TimeZone,
}

impl Context {
    /// Resolves the time zone and date, checks the date is not in the future, and opens the
    /// journal (creating its directory).
    pub fn open(db: Option<PathBuf>, json: bool, date: Option<String>, tz: Option<String>) -> CliResult<Context> {
        let (zone_name, zone) = resolve_zone(tz)?;
        let (moment, date) = moment_for(date.as_deref(), &zone_name, &zone)?;
        let db_path = match db {
            Some(path) => path,
            None => default_db_path()?,
        };
        if let Some(parent) = db_path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| CliError {
                kind: "database",
                field: None,
                message: format!("cannot create the folder for database {}: {e}", db_path.display()),
                allowed: None,
                got: None,
            })?;
        }
        let app = FirstStep::open(db_path.to_string_lossy().into_owned())?;
        let units = app.settings()?.units;
        Ok(Context { app, db_path, json, moment, date, units, zone_name, zone })
    }

    /// 12:00 local on `day` in this context's zone (the demo's history).
    pub fn moment_on(&self, day: Day) -> CliResult<Moment> {
        midday(day.date(), &self.zone_name, &self.zone)
    }

    /// Prints `value` as pretty JSON on stdout.
    pub fn print_json<T: Serialize>(&self, value: &T) -> CliResult {
        print_json(value)
    }

    /// Where a quit guided session is kept: next to the database.
    pub fn session_snapshot_path(&self) -> PathBuf {
        let mut name = self.db_path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".session.json");
        self.db_path.with_file_name(name)
    }

    /// A distance for display in the runner's units.
    pub fn distance(&self, km: f64) -> String {
        firststep_core::report::distance(km, self.units)
    }
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> CliResult {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::state(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}


/// The IANA zone to use: `--tz`, else the system zone, else UTC.
fn resolve_zone(tz: Option<String>) -> CliResult<(String, TimeZone)> {
    match tz {
        Some(name) => {
            let zone = TimeZone::get(&name)
                .map_err(|_| CliError::invalid("tz", format!("unknown time zone {name:?}; use an IANA name such as Europe/Berlin")))?;
            Ok((name, zone))
        }
        None => {
            let system = TimeZone::try_system().ok();
            match system.as_ref().and_then(|z| z.iana_name().map(str::to_string)) {
                // Re-resolve by name so the core (bundled tz database) and the CLI agree.
                Some(name) if TimeZone::get(&name).is_ok() => {
                    let zone = TimeZone::get(&name).unwrap_or(TimeZone::UTC);
                    Ok((name, zone))
                }
                _ => Ok(("UTC".to_string(), TimeZone::UTC)),
            }
        }
    }
}

/// "Now" for the command. With `--date`, 12:00 local on that date (design choice: midday is never
/// skipped or repeated by a DST change), rejected when after today by the real clock.
fn moment_for(date: Option<&str>, zone_name: &str, zone: &TimeZone) -> CliResult<(Moment, String)> {
    let now = ZonedDateTime::now().with_time_zone(zone.clone());
    let today = now.date();
    let Some(text) = date else {
        let moment = Moment { instant_ms: now.timestamp().as_millisecond(), time_zone: zone_name.to_string() };
        return Ok((moment, today.to_string()));
    };
    // The core's parser gives the same wording as every other date error.
    let day = Day::parse("date", text).map_err(|e| CliError::invalid("date", e))?;
    let civil: Date = day.date();
    if civil > today {
        return Err(CliError::invalid(
            "date",
            format!("date {civil} is in the future (today is {today} in {zone_name}); log only days that have happened"),
        ));
    }
    Ok((midday(civil, zone_name, zone)?, civil.to_string()))
}

/// 12:00 local on `civil` (design choice: midday is never skipped or repeated by a DST change).
fn midday(civil: Date, zone_name: &str, zone: &TimeZone) -> CliResult<Moment> {
    let noon = civil
        .at(12, 0, 0, 0)
        .to_zoned_datetime(zone.clone())
        .map_err(|e| CliError::invalid("date", format!("{civil} cannot be placed in {zone_name}: {e}")))?;
    let instant: Timestamp = noon.timestamp();
    Ok(Moment { instant_ms: instant.as_millisecond(), time_zone: zone_name.to_string() })
}

/// `~/.local/share/firststep/firststep.db` or the platform equivalent.
pub fn default_db_path() -> CliResult<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "firststep").ok_or_else(|| {
        CliError::state("cannot find a home directory for the database; pass --db PATH")
    })?;
    Ok(dirs.data_dir().join("firststep.db"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).expect("zone")
    }

    #[test]
    fn a_given_date_is_midday_local_even_on_a_dst_change() {
        // 2026-03-29: Berlin springs forward at 02:00; noon is CEST (UTC+2) = 10:00 UTC.
        let (moment, date) = moment_for(Some("2026-03-29"), "Europe/Berlin", &zone("Europe/Berlin")).expect("moment");
        assert_eq!(date, "2026-03-29");
        assert_eq!(moment.time_zone, "Europe/Berlin");
        assert_eq!(moment.instant_ms, 1_774_778_400_000);
    }

    #[test]
    fn tomorrow_in_the_zone_is_the_future() {
        let tz = zone("Pacific/Kiritimati");
        let today = ZonedDateTime::now().with_time_zone(tz.clone()).date();
        let tomorrow = today.tomorrow().expect("tomorrow").to_string();
        let err = moment_for(Some(&tomorrow), "Pacific/Kiritimati", &tz).expect_err("future");
        assert_eq!((err.kind, err.field.as_deref()), ("invalid_input", Some("date")));
        assert_eq!(err.exit_code(), EXIT_BAD_INPUT);
        assert!(moment_for(Some(&today.to_string()), "Pacific/Kiritimati", &tz).is_ok());
    }

    #[test]
    fn an_unknown_zone_is_bad_input() {
        let err = resolve_zone(Some("Mars/Olympus".into())).expect_err("unknown");
        assert_eq!(err.field.as_deref(), Some("tz"));
    }

    #[test]
    fn distances_follow_the_units() {
        assert_eq!(firststep_core::report::distance(8.0467, Units::Imperial), "5.0 mi");
        assert_eq!(firststep_core::report::distance(-0.0, Units::Metric), "0.0 km");
    }
}
