//! TCX files (Garmin Training Center), mapped with `quick-xml`'s serde support: no maintained TCX
//! crate exists, and the schema's few elements we need map onto plain structs. Each lap carries
//! the watch's summary (time, distance); the track is used only when laps have no distance.
//! Multisport sessions import each leg as its own activity.

use serde::Deserialize;

use super::{track, Activity, DistanceFrom, FileReading, Refusal, TrackPoint};

#[derive(Deserialize)]
struct Database {
    #[serde(rename = "Activities", default)]
    activities: Option<Activities>,
}

#[derive(Deserialize, Default)]
struct Activities {
    #[serde(rename = "Activity", default)]
    activity: Vec<TcxActivity>,
    #[serde(rename = "MultiSportSession", default)]
    multisport: Vec<MultiSport>,
}

#[derive(Deserialize)]
struct MultiSport {
    #[serde(rename = "FirstSport", default)]
    first: Option<SportLeg>,
    #[serde(rename = "NextSport", default)]
    next: Vec<SportLeg>,
}

#[derive(Deserialize)]
struct SportLeg {
    #[serde(rename = "Activity", default)]
    activity: Option<TcxActivity>,
}

#[derive(Deserialize)]
struct TcxActivity {
    #[serde(rename = "@Sport", default)]
    sport: String,
    #[serde(rename = "Id", default)]
    id: Option<String>,
    #[serde(rename = "Lap", default)]
    laps: Vec<Lap>,
}

#[derive(Deserialize)]
struct Lap {
    #[serde(rename = "@StartTime", default)]
    start: Option<String>,
    #[serde(rename = "TotalTimeSeconds", default)]
    seconds: Option<f64>,
    #[serde(rename = "DistanceMeters", default)]
    distance_m: Option<f64>,
    #[serde(rename = "Track", default)]
    tracks: Vec<Track>,
    #[serde(rename = "Extensions", default)]
    extensions: Option<Extensions>,
}

#[derive(Deserialize)]
struct Track {
    #[serde(rename = "Trackpoint", default)]
    points: Vec<Trackpoint>,
}

#[derive(Deserialize)]
struct Trackpoint {
    #[serde(rename = "Time", default)]
    time: Option<String>,
    #[serde(rename = "Position", default)]
    position: Option<Position>,
}

#[derive(Deserialize)]
struct Position {
    #[serde(rename = "LatitudeDegrees")]
    lat: f64,
    #[serde(rename = "LongitudeDegrees")]
    lon: f64,
}

#[derive(Deserialize)]
struct Extensions {
    #[serde(rename = "LX", alias = "ns3:LX", alias = "ax:LX", default)]
    lx: Option<Lx>,
}

#[derive(Deserialize)]
struct Lx {
    /// Garmin's ActivityExtension v2: strides (one foot) per minute.
    #[serde(rename = "AvgRunCadence", alias = "ns3:AvgRunCadence", default)]
    avg_run_cadence: Option<f64>,
}

pub(super) fn read(name: &str, bytes: &[u8]) -> Result<FileReading, Refusal> {
    let text = std::str::from_utf8(bytes).map_err(|_| Refusal(format!("{name} is not a readable TCX file (not UTF-8 text)")))?;
    let db: Database = quick_xml::de::from_str(text).map_err(|e| Refusal(format!("{name} is not a readable TCX file ({})", short(&e.to_string()))))?;
    let Some(activities) = db.activities else {
        return Err(Refusal(format!("{name} holds no activities (a TCX course or workout is not a recorded activity)")));
    };
    let legs = activities
        .activity
        .iter()
        .chain(activities.multisport.iter().flat_map(|m| m.first.iter().chain(m.next.iter()).filter_map(|l| l.activity.as_ref())));
    let mut reading = FileReading::default();
    for (i, a) in legs.enumerate() {
        match activity(a, i) {
            Some(act) => reading.activities.push(act),
            None => reading.skipped.push(format!("activity {} ({}) has no start time or distance", i + 1, a.sport)),
        }
    }
    if reading.activities.is_empty() && reading.skipped.is_empty() {
        return Err(Refusal(format!("{name} holds no activities")));
    }
    Ok(reading)
}

fn instant_ms(text: &str) -> Option<i64> {
    text.trim().parse::<jiff::Timestamp>().ok().map(|t| t.as_millisecond())
}

/// Minutes east of UTC written in an ISO 8601 time ("…T07:00:00+02:00" → 120); `None` for "Z".
fn offset_minutes(text: &str) -> Option<i32> {
    let t = text.trim();
    if t.ends_with('Z') || t.len() < 6 {
        return None;
    }
    let tail = &t[t.len() - 6..];
    let sign = match tail.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = (tail.get(1..3)?.parse::<i32>().ok()?, tail.get(4..6)?.parse::<i32>().ok()?);
    Some(sign * (h * 60 + m))
}

fn activity(a: &TcxActivity, index: usize) -> Option<Activity> {
    let first_start = a.laps.iter().filter_map(|l| l.start.as_deref()).next().or(a.id.as_deref())?;
    let start_ms = a.laps.iter().filter_map(|l| l.start.as_deref().and_then(instant_ms)).min().or_else(|| a.id.as_deref().and_then(instant_ms))?;
    let lap_distance: Option<f64> = a.laps.iter().map(|l| l.distance_m.filter(|d| d.is_finite() && *d >= 0.0)).sum();
    let lap_seconds: Option<f64> = a.laps.iter().map(|l| l.seconds.filter(|s| s.is_finite() && *s >= 0.0)).sum();
    let points: Vec<Vec<TrackPoint>> = a
        .laps
        .iter()
        .flat_map(|l| l.tracks.iter())
        .map(|t| {
            t.points
                .iter()
                .filter_map(|p| {
                    let pos = p.position.as_ref()?;
                    Some(TrackPoint { lat: pos.lat, lon: pos.lon, time_ms: p.time.as_deref().and_then(instant_ms) })
                })
                .collect()
        })
        .collect();
    let track = track::summarize_track(&points);
    let (distance_m, distance_from) = match (lap_distance, track) {
        (Some(d), _) if d > 0.0 => (d, DistanceFrom::Summary),
        (_, Some(t)) => (t.distance_m, DistanceFrom::Track),
        (Some(d), None) => (d, DistanceFrom::Summary),
        (None, None) => return None,
    };
    // Weighted by lap time, as the watch's own average is.
    let cadence = {
        let weighted: Vec<(f64, f64)> =
            a.laps.iter().filter_map(|l| Some((l.extensions.as_ref()?.lx.as_ref()?.avg_run_cadence?, l.seconds?))).filter(|(c, s)| c.is_finite() && *c > 0.0 && *s > 0.0).collect();
        let total: f64 = weighted.iter().map(|(_, s)| s).sum();
        (total > 0.0).then(|| 2.0 * weighted.iter().map(|(c, s)| c * s).sum::<f64>() / total)
    };
    Some(Activity {
        sport: a.sport.clone(),
        sub_sport: None,
        start_ms,
        utc_offset_minutes: offset_minutes(first_start),
        distance_m,
        distance_from,
        moving_s: lap_seconds,
        elapsed_s: track.map(|t| t.elapsed_s).or(lap_seconds),
        cadence_spm: cadence,
        external_id: format!("tcx:{}:{index}", a.id.as_deref().and_then(instant_ms).unwrap_or(start_ms) / 1000),
    })
}

fn short(s: &str) -> String {
    s.chars().take(200).collect()
}
