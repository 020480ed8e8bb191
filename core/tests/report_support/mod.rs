//! Shared by the clinician-summary tests: a journal seeded through the public API with weeks of a
//! runner's history (assessments every 2 weeks, mornings with stiffness and notes, the day's plan
//! done most days, runs with and without a pain value), and small HTML probes.
#![allow(dead_code)]

use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::day::Day;
use firststep_core::model::{SessionRecord, Units};

pub const START: &str = "2026-03-02";
pub const ZONE: &str = "Europe/Berlin";

/// 12:00 local on `date` in [`ZONE`].
pub fn noon(date: &str) -> Moment {
    let d: jiff::civil::Date = date.parse().expect("date");
    let tz = jiff::tz::TimeZone::get(ZONE).expect("zone");
    Moment { instant_ms: d.at(12, 0, 0, 0).to_zoned_datetime(tz).expect("noon").timestamp().as_millisecond(), time_zone: ZONE.into() }
}

pub fn add_days(date: &str, days: i64) -> String {
    Day::parse("date", date).expect("date").add_days(days as i32).iso()
}

pub struct Seeded {
    pub dir: tempfile::TempDir,
    pub app: Arc<FirstStep>,
    /// The last seeded day (the summary's date).
    pub end: String,
}

impl Seeded {
    pub fn now(&self) -> Moment {
        noon(&self.end)
    }
    pub fn db_path(&self) -> std::path::PathBuf {
        self.dir.path().join("journal.db")
    }
}

pub fn empty() -> Seeded {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = FirstStep::open(dir.path().join("journal.db").to_string_lossy().into_owned()).expect("open");
    Seeded { dir, app, end: START.into() }
}

/// Morning pain on day `d` of `days`: about 6 at the start, about 1–2 at the end, with a wobble.
fn pain_on(d: i64, days: i64) -> i64 {
    let wobble = [0, 1, 0, -1, 0, 1, -1][(d % 7) as usize];
    (6 - (d * 5) / days.max(1) + wobble).clamp(0, 10)
}

fn answers(date: &str, d: i64, first_step_pain: i64, red_flags: &[&str]) -> String {
    let step = (d / 14) as f64;
    serde_json::json!({
        "date": date, "affected_side": "left", "weeks_since_onset": 10 + d / 7, "first_step_pain": first_step_pain,
        "red_flags": red_flags,
        "knee_to_wall_cm": {"left": (6.0 + step * 2.0).min(12.0), "right": 11.0},
        "heel_raise_reps": {"left": (12 + d / 14 * 8).min(30), "right": 24},
        "toe_grip": {"left": "fail", "right": "pass"}, "arch_control": {"left": "partial", "right": "pass"},
        "single_leg_squat": {"left": "fair", "right": "good"}, "balance_seconds": {"left": 28, "right": 45},
        "cadence_spm": 160, "overstride": true, "weekly_km_now": 48, "weekly_km_4_weeks_ago": 32,
        "longest_run_km_recent": 24, "longest_run_km_prior_30d": 18, "surface_change": false, "shoe_change": true,
        "race_build_up": true, "hours_on_feet_per_day": 7
    })
    .to_string()
}

/// `days` days of history from [`START`]; the first screen answers one refer-level red flag, the
/// re-assessments none. `note` (if any) is added to the last morning.
pub fn seeded(days: i64, units: Units, note: Option<&str>) -> Seeded {
    let s = empty();
    let app = &s.app;
    let mut settings = app.settings().expect("settings");
    settings.units = units;
    settings.time_zone = ZONE.into();
    app.save_settings(settings).expect("save settings");
    for d in 0..days {
        let date = add_days(START, d);
        let now = noon(&date);
        let score = pain_on(d, days);
        if d % 14 == 0 {
            let flags: &[&str] = if d == 0 { &["burning_tingling_numbness"] } else { &[] };
            app.submit_assessment_json(now.clone(), answers(&date, d, score, flags)).expect("assessment");
        }
        let missed = d % 17 == 11;
        if !missed {
            let stiffness = (30 - d * 25 / days.max(1)).max(2);
            let text = if d == days - 1 {
                note.map(str::to_string)
            } else if d % 10 == 3 {
                Some(format!("Day {d}: long day at work"))
            } else {
                None
            };
            app.log_pain(now.clone(), None, score, Some(stiffness), text).expect("pain");
        }
        if d % 9 != 4 {
            let plan = app.today_plan(now.clone()).expect("plan");
            let records: Vec<SessionRecord> = plan
                .exercises
                .iter()
                .map(|e| SessionRecord {
                    date: date.clone(),
                    exercise_id: e.exercise_id.clone(),
                    level: e.level,
                    sets_done: e.sets,
                    reps_done: e.reps,
                    hold_seconds_done: if e.reps.is_some() { None } else { e.hold_seconds },
                    peak_pain: 2,
                    completed: true,
                    skipped_steps: 0,
                effort: None,
                reps_in_reserve: None,
                })
                .collect();
            app.save_session(now.clone(), records).expect("session");
        }
        match d % 7 {
            1 => {
                app.log_run(now.clone(), None, 3.0 + d as f64 * 0.05, Some(25.0), Some(2), Some(1), Some("road".into()), None).expect("run");
            }
            4 => {
                app.log_run(now.clone(), None, 5.0 + d as f64 * 0.04, Some(35.0), Some(3), None, None, None).expect("run");
            }
            6 if d % 3 == 0 => {
                app.log_run(now.clone(), None, 2.5, None, None, None, None, None).expect("run");
            }
            _ => {}
        }
    }
    Seeded { end: add_days(START, days - 1), ..s }
}

/// The text after `marker` up to the next `<`.
pub fn value_after<'a>(html: &'a str, marker: &str) -> Option<&'a str> {
    let start = html.find(marker)? + marker.len();
    let rest = &html[start..];
    Some(&rest[..rest.find('<').unwrap_or(rest.len())])
}

/// The element (from `<tr`… to `</tr>`) holding `attribute`.
pub fn row<'a>(html: &'a str, attribute: &str) -> Option<&'a str> {
    let at = html.find(attribute)?;
    let start = html[..at].rfind("<tr")?;
    let end = at + html[at..].find("</tr>")?;
    Some(&html[start..end])
}
