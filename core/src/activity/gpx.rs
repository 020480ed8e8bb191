//! GPX files, read with the `gpx` crate. A GPX track has no summary: the distance is summed from
//! its points and the sport comes from the track's `<type>` (Garmin Connect writes "running",
//! Strava "9" or "running"). A track or route without timestamps is a plan, not an activity.

use super::{track, Activity, DistanceFrom, FileReading, Refusal, TrackPoint};

pub(super) fn read(name: &str, bytes: &[u8]) -> Result<FileReading, Refusal> {
    let doc = ::gpx::read(bytes).map_err(|e| Refusal(format!("{name} is not a readable GPX file ({})", first_line(&e.to_string()))))?;
    let mut reading = FileReading::default();
    for (i, _) in doc.routes.iter().enumerate() {
        reading.skipped.push(format!("route {} is a planned route without timestamps, not an activity", i + 1));
    }
    for (i, trk) in doc.tracks.iter().enumerate() {
        let label = trk.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| format!("track {}", i + 1));
        let segments: Vec<Vec<TrackPoint>> = trk
            .segments
            .iter()
            .map(|s| {
                s.points
                    .iter()
                    .map(|p| {
                        let pt = p.point();
                        TrackPoint { lat: pt.y(), lon: pt.x(), time_ms: p.time.and_then(time_ms) }
                    })
                    .collect()
            })
            .collect();
        let Some(summary) = track::summarize_track(&segments) else {
            reading.skipped.push(format!("{label} has no timestamps: it is a planned track, not a recorded activity"));
            continue;
        };
        let Some(sport) = trk.type_.clone().filter(|t| !t.trim().is_empty()) else {
            // design choice: a GPX track that does not name its sport is not guessed to be a run
            // (a walk counted as running load would move the A7 checks).
            reading.skipped.push(format!("{label} does not say which sport it is (no <type>), so it was not counted as a run"));
            continue;
        };
        reading.activities.push(Activity {
            sport,
            sub_sport: None,
            start_ms: summary.start_ms,
            utc_offset_minutes: None,
            distance_m: summary.distance_m,
            distance_from: DistanceFrom::Track,
            moving_s: Some(summary.moving_s),
            elapsed_s: Some(summary.elapsed_s),
            cadence_spm: None,
            external_id: format!("gpx:{}:{i}", summary.start_ms / 1000),
        });
    }
    if reading.activities.is_empty() && reading.skipped.is_empty() {
        return Err(Refusal(format!("{name} holds no track: it is not an activity")));
    }
    Ok(reading)
}

fn time_ms(t: ::gpx::Time) -> Option<i64> {
    let text = t.format().ok()?;
    text.parse::<jiff::Timestamp>().ok().map(|ts| ts.as_millisecond())
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(200).collect()
}
