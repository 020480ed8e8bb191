//! FIT files (Garmin, Coros, Wahoo, Suunto…), read with the `fitparser` crate.
//!
//! The distance and times come from each session message (the watch's own summary; treadmill runs
//! have no GPS points); a file without sessions falls back to its laps, then to its records. A file
//! cut short keeps what was read before the cut: if a session summary was read whole, it is used
//! and the runner told; otherwise the file is refused. A bad checksum refuses the file outright
//! (a flipped bit could be a wrong distance).

use fitparser::de::{DecodeOption, FitObject, FitStreamProcessor};
use fitparser::profile::MesgNum;
use fitparser::{ErrorKind, FitDataRecord, Value};

use super::{track, Activity, DistanceFrom, FileReading, Refusal, TrackPoint};

/// Seconds from the Unix epoch to the FIT epoch (1989-12-31T00:00:00Z).
const FIT_EPOCH_S: i64 = 631_065_600;
/// FIT's semicircles to degrees.
const SEMICIRCLE_DEG: f64 = 180.0 / 2_147_483_648.0;

pub(super) fn read(name: &str, bytes: &[u8]) -> Result<FileReading, Refusal> {
    let (records, damage) = decode(bytes);
    if records.is_empty() {
        return Err(Refusal(match damage {
            Some(why) => format!("{name} is damaged and could not be read: {why}"),
            None => format!("{name} holds no FIT messages"),
        }));
    }
    if let Some(why) = &damage {
        if why.starts_with("bad checksum") {
            return Err(Refusal(format!("{name} is damaged ({why}); nothing was imported from it")));
        }
    }
    let file_type = records.iter().find(|r| r.kind() == MesgNum::FileId).and_then(|r| text(r, "type"));
    if let Some(kind) = &file_type {
        if kind != "activity" {
            // "monitoring_a", "monitoring_b", "monitoring_daily" are all monitoring files.
            let kind = kind.split('_').next().unwrap_or(kind);
            return Err(Refusal(format!("{name} is a FIT {kind} file, not an activity")));
        }
    }
    let id_base = external_id_base(&records);
    let sessions: Vec<&FitDataRecord> = records.iter().filter(|r| r.kind() == MesgNum::Session).collect();
    let mut reading = FileReading::default();
    if !sessions.is_empty() {
        for (i, s) in sessions.iter().enumerate() {
            match from_summary(s, &records, &format!("{id_base}:{i}")) {
                Some(a) => reading.activities.push(a),
                None => reading.skipped.push(format!("session {} has no start time or distance", i + 1)),
            }
        }
        if damage.is_some() {
            reading.notes.push(format!("{name} is cut short; its session summary was read whole before the damage and imported from that"));
        }
        return Ok(reading);
    }
    if let Some(why) = damage {
        return Err(Refusal(format!("{name} is damaged before its session summary ({why}); nothing was imported from it")));
    }
    if file_type.is_none() {
        return Err(Refusal(format!("{name} has no file id: it is not an activity file")));
    }
    // No session: the laps' summaries, else the track.
    let sport = records.iter().find(|r| r.kind() == MesgNum::Sport);
    let sport_name = sport.and_then(|r| text(r, "sport")).unwrap_or_else(|| "generic".into());
    let sub_sport = sport.and_then(|r| text(r, "sub_sport"));
    let laps: Vec<&FitDataRecord> = records.iter().filter(|r| r.kind() == MesgNum::Lap).collect();
    let lap_distance: Option<f64> = laps.iter().map(|l| number(l, "total_distance")).sum();
    let lap_start = laps.iter().filter_map(|l| timestamp_s(l, "start_time")).min();
    if let (Some(distance_m), Some(start)) = (lap_distance, lap_start) {
        reading.activities.push(Activity {
            sport: sport_name,
            sub_sport,
            start_ms: start * 1000,
            utc_offset_minutes: zone_offset(&records),
            distance_m,
            distance_from: DistanceFrom::Summary,
            moving_s: laps.iter().map(|l| number(l, "total_timer_time")).sum(),
            elapsed_s: laps.iter().map(|l| number(l, "total_elapsed_time")).sum(),
            cadence_spm: None,
            external_id: format!("{id_base}:laps"),
        });
        return Ok(reading);
    }
    let points: Vec<TrackPoint> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Record)
        .filter_map(|r| {
            Some(TrackPoint {
                lat: number(r, "position_lat")? * SEMICIRCLE_DEG,
                lon: number(r, "position_long")? * SEMICIRCLE_DEG,
                time_ms: timestamp_s(r, "timestamp").map(|t| t * 1000),
            })
        })
        .collect();
    match track::summarize_track(&[points]) {
        Some(t) => reading.activities.push(Activity {
            sport: sport_name,
            sub_sport,
            start_ms: t.start_ms,
            utc_offset_minutes: zone_offset(&records),
            distance_m: t.distance_m,
            distance_from: DistanceFrom::Track,
            moving_s: Some(t.moving_s),
            elapsed_s: Some(t.elapsed_s),
            cadence_spm: None,
            external_id: format!("{id_base}:track"),
        }),
        None => return Err(Refusal(format!("{name} is an activity file with no session, lap or timed track point"))),
    }
    Ok(reading)
}

/// Every data record decoded, and the damage that stopped decoding (if any). Chained FIT files
/// (several headers) are read through.
fn decode(bytes: &[u8]) -> (Vec<FitDataRecord>, Option<String>) {
    let mut processor = FitStreamProcessor::new();
    processor.add_option(DecodeOption::DropUnknownMessages);
    let mut records = Vec::new();
    let mut buffer = bytes;
    // A file cut at a message boundary decodes cleanly: only its missing checksum shows the cut.
    let mut ended_with_crc = false;
    while !buffer.is_empty() {
        match processor.deserialize_next(buffer) {
            Ok((rest, obj)) => {
                ended_with_crc = matches!(obj, FitObject::Crc(..));
                match obj {
                    FitObject::Crc(..) => processor.reset(),
                    FitObject::DataMessage(msg) => match processor.decode_message(msg) {
                        Ok(rec) => {
                            if MesgNum::is_named_variant(rec.kind().as_i64()) {
                                records.push(rec)
                            }
                        }
                        Err(e) => return (records, Some(describe(&e))),
                    },
                    FitObject::Header(..) | FitObject::DefinitionMessage(..) => {}
                }
                if rest.len() >= buffer.len() {
                    return (records, Some("the decoder made no progress".into()));
                }
                buffer = rest;
            }
            Err(e) => return (records, Some(describe(&e))),
        }
    }
    if ended_with_crc {
        (records, None)
    } else {
        (records, Some("the file ends before its checksum (truncated)".into()))
    }
}

fn describe(err: &fitparser::Error) -> String {
    match err.as_ref() {
        ErrorKind::InvalidCrc(..) => "bad checksum".into(),
        ErrorKind::UnexpectedEof(_) => "the file ends in the middle of a message (truncated)".into(),
        ErrorKind::ParseError(pos, _) => format!("unreadable bytes at offset {pos} (bad header or corrupt data)"),
        ErrorKind::MissingDefinitionMessage(..) | ErrorKind::MissingDeveloperDefinitionMessage() => {
            "a message refers to a definition the file does not contain".into()
        }
        ErrorKind::TrailingBytes(n) => format!("{n} stray bytes after the data"),
        _ => "a field could not be decoded".into(),
    }
}

fn field<'a>(r: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    r.fields().iter().find(|f| f.name() == name).map(|f| f.value())
}

fn text(r: &FitDataRecord, name: &str) -> Option<String> {
    match field(r, name)? {
        Value::String(s) => Some(s.clone()),
        Value::Enum(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(r: &FitDataRecord, name: &str) -> Option<f64> {
    let v = match field(r, name)? {
        Value::Byte(x) | Value::Enum(x) | Value::UInt8(x) | Value::UInt8z(x) => *x as f64,
        Value::SInt8(x) => *x as f64,
        Value::SInt16(x) => *x as f64,
        Value::UInt16(x) | Value::UInt16z(x) => *x as f64,
        Value::SInt32(x) => *x as f64,
        Value::UInt32(x) | Value::UInt32z(x) => *x as f64,
        Value::SInt64(x) => *x as f64,
        Value::UInt64(x) | Value::UInt64z(x) => *x as f64,
        Value::Float32(x) => *x as f64,
        Value::Float64(x) => *x,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// Seconds since the Unix epoch.
fn timestamp_s(r: &FitDataRecord, name: &str) -> Option<i64> {
    match field(r, name)? {
        Value::Timestamp(t) => Some(t.timestamp()),
        Value::UInt32(x) => Some(*x as i64 + FIT_EPOCH_S),
        _ => None,
    }
}

/// The activity message's local time minus its UTC time, rounded to the quarter hour.
fn zone_offset(records: &[FitDataRecord]) -> Option<i32> {
    let activity = records.iter().find(|r| r.kind() == MesgNum::Activity)?;
    let utc = timestamp_s(activity, "timestamp")?;
    let local = timestamp_s(activity, "local_timestamp")?;
    let minutes = (local - utc) as f64 / 60.0;
    let quarter = ((minutes / 15.0).round() * 15.0) as i32;
    (-14 * 60..=14 * 60).contains(&quarter).then_some(quarter)
}

fn external_id_base(records: &[FitDataRecord]) -> String {
    let id = records.iter().find(|r| r.kind() == MesgNum::FileId);
    let serial = id.and_then(|r| number(r, "serial_number")).map_or("-".into(), |n| format!("{n:.0}"));
    let created = id.and_then(|r| timestamp_s(r, "time_created")).map_or("-".into(), |t| t.to_string());
    format!("fit:{serial}:{created}")
}

fn from_summary(s: &FitDataRecord, records: &[FitDataRecord], id: &str) -> Option<Activity> {
    let start = timestamp_s(s, "start_time")?;
    let distance_m = number(s, "total_distance")?;
    let sport = text(s, "sport").unwrap_or_else(|| "generic".into());
    let sub_sport = text(s, "sub_sport").filter(|x| x != "generic");
    // FIT reports running cadence in strides (one foot) per minute: steps are twice that.
    let strides = number(s, "avg_running_cadence")
        .or_else(|| number(s, "avg_cadence"))
        .map(|c| c + number(s, "avg_fractional_cadence").unwrap_or(0.0));
    let running = super::is_running(&sport, sub_sport.as_deref());
    Some(Activity {
        cadence_spm: strides.filter(|c| running && *c > 0.0).map(|c| c * 2.0),
        sport,
        sub_sport,
        start_ms: start * 1000,
        utc_offset_minutes: zone_offset(records),
        distance_m,
        distance_from: DistanceFrom::Summary,
        moving_s: number(s, "total_timer_time"),
        elapsed_s: number(s, "total_elapsed_time"),
        external_id: id.to_string(),
    })
}
