//! Reading runs out of activity files (FIT, GPX, TCX) and health-store lists.
//!
//! The file readers use maintained crates (`fitparser`, `gpx`, `quick-xml`'s serde) and live behind
//! the `activity-files` cargo feature: the CLI and the desktop build enable it, the phone libraries
//! leave it out (they read runs from the health store) and [`read_file`] then answers a typed error.
//! What counts as a run ([`is_running`]) and the track distance are shared by every source.
//!
//! This module knows nothing of the journal: it turns bytes into [`Activity`] values and plain
//! sentences saying what was skipped and why. Storing and matching is `journal::imports`.

#[cfg(feature = "activity-files")]
mod fit;
#[cfg(feature = "activity-files")]
mod gpx;
#[cfg(feature = "activity-files")]
mod tcx;
mod track;

pub use track::{haversine_m, summarize_track, TrackPoint, TrackSummary};

/// Where an activity's distance came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DistanceFrom {
    /// The file's session or lap summary (the watch's own number; treadmill runs have only this).
    Summary,
    /// Summed from the track's points.
    Track,
    /// The health store's record.
    HealthStore,
}

/// One activity read from a file or a health store.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    /// The sport as the file names it ("running", "cycling", "Biking"…).
    pub sport: String,
    /// Treadmill, trail, track… when the file says.
    pub sub_sport: Option<String>,
    /// Start instant, milliseconds since the Unix epoch (UTC).
    pub start_ms: i64,
    /// The zone offset the file gives for the start, in minutes east of UTC.
    pub utc_offset_minutes: Option<i32>,
    pub distance_m: f64,
    pub distance_from: DistanceFrom,
    /// Time in motion (the watch's timer time; paused time excluded).
    pub moving_s: Option<f64>,
    /// Start to finish, pauses included.
    pub elapsed_s: Option<f64>,
    /// Average cadence in steps per minute (FIT's strides already doubled).
    pub cadence_spm: Option<f64>,
    /// Stable id of this activity in its source (same file twice → same id).
    pub external_id: String,
}

/// What one file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileReading {
    /// Every activity in the file, running or not (the caller decides with [`is_running`]).
    pub activities: Vec<Activity>,
    /// Tracks or parts that are not activities, with why ("a route without timestamps…").
    pub skipped: Vec<String>,
    /// Said to the runner with the result (e.g. "the file is cut short; its summary was read whole").
    pub notes: Vec<String>,
}

/// Why a file was refused: not an activity, damaged, or of a kind FirstStep does not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

/// Whether `sport` (and its sub-sport) is running: road, trail, track, treadmill, virtual.
/// Walking, hiking, cycling, swimming, rowing and the rest are not. Strava's GPX type code for a
/// run is "9".
pub fn is_running(sport: &str, sub_sport: Option<&str>) -> bool {
    let s = sport.trim().to_ascii_lowercase();
    if s == "9" || s.contains("run") {
        return true;
    }
    // FIT's generic sport with a running sub-sport (e.g. "treadmill" under "generic" is not
    // enough: FIT uses it for cycling trainers too) — only sub-sports that name running count.
    matches!(sub_sport.map(|x| x.trim().to_ascii_lowercase()).as_deref(), Some("trail") | Some("track") | Some("street"))
        && (s == "generic" || s.is_empty())
}

/// The kind of file `name` is, by its extension, then by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Fit,
    Gpx,
    Tcx,
}

/// Guesses the file kind: a FIT header says ".FIT" at bytes 8–11; XML is told apart by its root.
pub fn file_kind(name: &str, bytes: &[u8]) -> Option<FileKind> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".fit") || (bytes.len() >= 12 && &bytes[8..12] == b".FIT") {
        return Some(FileKind::Fit);
    }
    if lower.ends_with(".gpx") {
        return Some(FileKind::Gpx);
    }
    if lower.ends_with(".tcx") {
        return Some(FileKind::Tcx);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]);
    if head.contains("<gpx") {
        Some(FileKind::Gpx)
    } else if head.contains("<TrainingCenterDatabase") {
        Some(FileKind::Tcx)
    } else {
        None
    }
}

/// Whether this build reads activity files (the `activity-files` feature).
pub const READS_FILES: bool = cfg!(feature = "activity-files");

/// Reads one file's activities. `name` is for messages and the kind guess only.
/// Never panics on any bytes: a reader that panics anyway is caught and the file refused.
#[cfg(feature = "activity-files")]
pub fn read_file(name: &str, bytes: &[u8]) -> Result<FileReading, Refusal> {
    let Some(kind) = file_kind(name, bytes) else {
        return Err(Refusal(format!("{name} is not a FIT, GPX or TCX activity file")));
    };
    let read = std::panic::catch_unwind(|| match kind {
        FileKind::Fit => fit::read(name, bytes),
        FileKind::Gpx => gpx::read(name, bytes),
        FileKind::Tcx => tcx::read(name, bytes),
    });
    read.unwrap_or_else(|_| Err(Refusal(format!("{name} could not be read: the file is damaged"))))
}
