//! Input validation for every journal write path (direct calls and import). Runs BEFORE any
//! write; each error names the field and the allowed range. The SQL CHECK constraints in
//! `schema.rs` repeat these ranges as a second line of defence.

use crate::day::{ensure_not_future, time_zone_named, Day};
use crate::error::{check_int, check_pain, check_real, CoreError, Result};
use crate::model::{Decision, PainEntry, Program, RunRecord, SessionRecord, Settings};

/// design choice: sets per exercise 1..=20 (the heaviest protocol, L1, uses 5 sets).
pub const SETS: (i64, i64) = (1, 20);
/// design choice: reps per set 0..=200 (L2 uses 15; 0 allows a set abandoned at once).
pub const REPS: (i64, i64) = (0, 200);
/// design choice: hold seconds 0..=600 (L3/L4 holds are 10–60 s).
pub const HOLD_SECONDS: (i64, i64) = (0, 600);
/// design choice: exercise levels 0..=10 (ladders are L0..L4; headroom for future ladders).
pub const LEVEL: (i64, i64) = (0, 10);
/// design choice: morning stiffness 0..=600 minutes.
pub const STIFFNESS_MINUTES: (i64, i64) = (0, 600);
/// design choice: skipped guided-session steps 0..=10000.
pub const SKIPPED_STEPS: (i64, i64) = (0, 10_000);
/// rule P5: reps left in reserve after a loading set (0 = nothing left).
pub const REPS_IN_RESERVE: (i64, i64) = (0, 50);
/// design choice: a run is 0.1..=300 km (rejects typos such as 0 or 4200).
pub const DISTANCE_KM: (f64, f64) = (0.1, 300.0);
/// design choice: a run lasts 1..=2000 minutes.
pub const RUN_MINUTES: (f64, f64) = (1.0, 2000.0);
/// design choice: free-text notes up to 1000 characters.
pub const NOTE_MAX_CHARS: usize = 1000;
/// design choice: surface/shoe labels up to 100 characters.
pub const LABEL_MAX_CHARS: usize = 100;
/// design choice: rule ids such as "P4" up to 16 characters.
pub const RULE_MAX_CHARS: usize = 16;
/// design choice: exercise ids up to 64 characters of `[a-z_]`.
pub const EXERCISE_ID_MAX_CHARS: usize = 64;
/// design choice: logged-at instants between 1970 and the end of 9999 (Unix ms).
pub const LOGGED_AT_MS: (i64, i64) = (0, 253_402_300_799_999);

/// A date that parses strictly and is not after `today`.
pub fn past_date(field: &str, text: &str, today: Day) -> Result<Day> {
    let day = Day::parse(field, text)?;
    ensure_not_future(field, day, today)?;
    Ok(day)
}

/// Optional text up to `max` characters.
pub fn text(field: &str, value: Option<&str>, max: usize) -> Result<()> {
    if let Some(v) = value {
        let n = v.chars().count();
        if n > max {
            // The field keeps its own name (`note`): shells match on it.
            return Err(CoreError::range(field, format!("0..={max} characters"), format!("{n} characters")));
        }
    }
    Ok(())
}

/// A non-empty `[a-z_]+` exercise id (library membership is checked by the caller).
pub fn exercise_id(field: &str, id: &str) -> Result<()> {
    let shape_ok = !id.is_empty()
        && id.len() <= EXERCISE_ID_MAX_CHARS
        && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if shape_ok {
        Ok(())
    } else {
        Err(CoreError::invalid(field, format!("must be 1..={EXERCISE_ID_MAX_CHARS} characters of a-z and _ (got {id:?})")))
    }
}

fn int(field: &str, value: impl Into<i64>, range: (i64, i64)) -> Result<()> {
    check_int(field, value.into(), range.0, range.1).map(|_| ())
}

/// A morning pain entry; returns its day.
pub fn pain(entry: &PainEntry, today: Day) -> Result<Day> {
    let day = past_date("date", &entry.date, today)?;
    check_pain("score", i64::from(entry.score))?; // rule P1: 0–10 scale
    if let Some(m) = entry.stiffness_minutes {
        int("stiffness_minutes", m, STIFFNESS_MINUTES)?;
    }
    text("note", entry.note.as_deref(), NOTE_MAX_CHARS)?;
    int("logged_at_ms", entry.logged_at_ms, LOGGED_AT_MS)?;
    Ok(day)
}

/// One exercise done on one date.
pub fn session(r: &SessionRecord, today: Day) -> Result<Day> {
    let day = past_date("date", &r.date, today)?;
    exercise_id("exercise_id", &r.exercise_id)?;
    int("level", r.level, LEVEL)?;
    int("sets_done", r.sets_done, SETS)?;
    if let Some(reps) = r.reps_done {
        int("reps_done", reps, REPS)?;
    }
    if let Some(hold) = r.hold_seconds_done {
        int("hold_seconds_done", hold, HOLD_SECONDS)?;
    }
    check_pain("peak_pain", i64::from(r.peak_pain))?; // rule P1
    int("skipped_steps", r.skipped_steps, SKIPPED_STEPS)?;
    if let Some(rir) = r.reps_in_reserve {
        int("reps_in_reserve", rir, REPS_IN_RESERVE)?; // rule P5
    }
    Ok(day)
}

/// One run.
pub fn run(r: &RunRecord, today: Day) -> Result<Day> {
    let day = past_date("date", &r.date, today)?;
    check_real("distance_km", r.distance_km, DISTANCE_KM.0, DISTANCE_KM.1)?;
    if let Some(m) = r.minutes {
        check_real("minutes", m, RUN_MINUTES.0, RUN_MINUTES.1)?;
    }
    if let Some(p) = r.pain_during {
        check_pain("pain_during", i64::from(p))?;
    }
    if let Some(p) = r.pain_after {
        check_pain("pain_after", i64::from(p))?;
    }
    text("surface", r.surface.as_deref(), LABEL_MAX_CHARS)?;
    text("shoes", r.shoes.as_deref(), LABEL_MAX_CHARS)?;
    if let Some(m) = r.elapsed_minutes {
        check_real("elapsed_minutes", m, 0.0, 3000.0)?;
    }
    if let Some(c) = r.cadence_spm {
        check_real("cadence_spm", c, 60.0, 300.0)?;
    }
    text("sub_sport", r.sub_sport.as_deref(), 64)?;
    Ok(day)
}

/// One progression decision.
pub fn decision(d: &Decision, today: Day) -> Result<Day> {
    let day = past_date("date", &d.date, today)?;
    exercise_id("exercise_id", &d.exercise_id)?;
    int("from_level", d.from_level, LEVEL)?;
    int("to_level", d.to_level, LEVEL)?;
    if d.rule.is_empty() {
        return Err(CoreError::missing("rule", "a CLINICAL rule id such as P4"));
    }
    text("rule", Some(&d.rule), RULE_MAX_CHARS)?;
    text("reason", Some(&d.reason), NOTE_MAX_CHARS)?;
    Ok(day)
}

/// A local "HH:MM" time.
pub fn clock_time(field: &str, value: &str) -> Result<()> {
    let b = value.as_bytes();
    let digits = |i: usize| b[i].is_ascii_digit();
    let shape = b.len() == 5 && b[2] == b':' && digits(0) && digits(1) && digits(3) && digits(4);
    let in_range = shape && value[0..2] < *"24" && value[3..5] < *"60";
    if in_range {
        Ok(())
    } else {
        Err(CoreError::invalid(field, format!("must be a local time HH:MM from 00:00 to 23:59 (got {value:?})")))
    }
}

/// Settings: reminder times, session weekdays and time zone.
pub fn settings(s: &Settings) -> Result<()> {
    clock_time("morning_reminder", &s.morning_reminder)?;
    clock_time("session_reminder", &s.session_reminder)?;
    let mut seen = [false; 8];
    for &d in &s.session_days {
        int("session_days", d, (1, 7))?;
        if std::mem::replace(&mut seen[usize::from(d)], true) {
            return Err(CoreError::invalid("session_days", format!("weekday {d} appears twice; list each of 1..=7 at most once")));
        }
    }
    time_zone_named(&s.time_zone)?;
    if s.time_zone.len() > 64 {
        return Err(CoreError::range("time_zone", "1..=64 characters", format!("{} characters", s.time_zone.len())));
    }
    Ok(())
}

/// A program: its start date (not after `today` when given), exercise ids (shape and
/// `is_known`), levels and level dates.
pub fn program(p: &Program, today: Option<Day>, is_known: &dyn Fn(&str) -> bool) -> Result<Day> {
    let started = match today {
        Some(today) => past_date("started_on", &p.started_on, today)?,
        None => Day::parse("started_on", &p.started_on)?,
    };
    for (i, e) in p.exercises.iter().enumerate() {
        let field = format!("exercises[{i}].exercise_id");
        exercise_id(&field, &e.exercise_id)?;
        if !is_known(&e.exercise_id) {
            return Err(CoreError::unknown("exercise", &e.exercise_id, "an id from the exercise library"));
        }
        int(&format!("exercises[{i}].level"), e.level, LEVEL)?;
        int(&format!("exercises[{i}].max_level"), e.max_level, LEVEL)?;
        Day::parse(&format!("exercises[{i}].level_started_on"), &e.level_started_on)?;
    }
    Ok(started)
}

/// design choice: red-flag question ids up to 64 characters.
pub const FLAG_ID_MAX_CHARS: usize = 64;

/// The ids of red-flag questions answered "yes": non-empty, short.
pub fn flagged_ids(flagged: &[String]) -> Result<()> {
    for (i, id) in flagged.iter().enumerate() {
        let n = id.chars().count();
        if n == 0 || n > FLAG_ID_MAX_CHARS {
            return Err(CoreError::range(format!("flagged[{i}]"), format!("1..={FLAG_ID_MAX_CHARS} characters"), format!("{n} characters")));
        }
    }
    Ok(())
}

/// Checks `text` is JSON and returns it re-serialized, so equal documents are stored as equal
/// text (import deduplication and export round trips depend on it).
pub fn json_text(field: &str, text: &str) -> Result<String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| CoreError::invalid(field, format!("must be valid JSON: {e}")))?;
    serde_json::to_string(&value).map_err(|e| CoreError::invalid(field, e.to_string()))
}

/// Longest stored reason of a return to the full program (rule P9; design choice: the core's own
/// sentences are well under it).
pub const MAINTENANCE_REASON_MAX_CHARS: usize = 1000;

/// A maintenance choice (rule P9): a past date, a reason only for `ended` (and then required).
pub fn maintenance_choice(c: &crate::model::MaintenanceChoice, today: Day) -> Result<Day> {
    let day = past_date("date", &c.date, today)?;
    int("logged_at_ms", c.logged_at_ms, LOGGED_AT_MS)?;
    text("reason", c.reason.as_deref(), MAINTENANCE_REASON_MAX_CHARS)?;
    let ended = c.choice == crate::model::MaintenanceChoiceKind::Ended;
    match (&c.reason, ended) {
        (None, true) => Err(CoreError::invalid("reason", "a return to the full program needs its reason")),
        (Some(_), false) => Err(CoreError::invalid("reason", "only a return to the full program (choice \"ended\") has a reason")),
        _ => Ok(day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_are_strict() {
        for ok in ["00:00", "07:30", "23:59"] {
            assert!(clock_time("t", ok).is_ok(), "{ok}");
        }
        for bad in ["24:00", "7:30", "07:60", "07-30", "", "0a:00", "07:300"] {
            assert!(clock_time("t", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn exercise_ids_are_lowercase_words() {
        assert!(exercise_id("id", "heel_raise").is_ok());
        for bad in ["", "Heel", "heel-raise", "heel raise", "drop;--", "é"] {
            assert!(exercise_id("id", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn notes_count_characters_not_bytes() {
        let umlauts = "ü".repeat(NOTE_MAX_CHARS);
        assert!(text("note", Some(&umlauts), NOTE_MAX_CHARS).is_ok());
        let err = text("note", Some(&format!("{umlauts}x")), NOTE_MAX_CHARS).unwrap_err().to_string();
        assert!(err.contains("note") && err.contains("1000"), "{err}");
    }
}

