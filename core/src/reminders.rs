//! The reminder planner: the next 14 days of reminders as plain values the shells schedule.
//!
//! Rules (PRODUCT §2.9; details in `docs/session-engine.md`):
//! - Reminders off → nothing.
//! - Morning pain log every day at `settings.morning_reminder`, except days already logged.
//! - Session reminder at `settings.session_reminder` on days with planned exercises whose ISO
//!   weekday is in `settings.session_days`, except days with a session already logged.
//! - Re-assessment 14 days after the last assessment, at the morning time; when that slot is
//!   overdue, at the next morning slot.
//! - Times are local wall-clock times: 07:00 stays 07:00 across DST. A time that does not exist
//!   (spring gap) moves to the next valid minute; an ambiguous one (autumn fold) fires at the
//!   first occurrence.
//! - At most 64 (the iOS pending-notification limit), kept by priority then time.

use jiff::civil::{DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};
use serde::{Deserialize, Serialize};

use crate::day::{time_zone_named, Day};
use crate::error::{CoreError, Result};
use crate::model::{Program, Settings};

/// Days planned ahead, starting with today's local date. // PRODUCT §2.9: "the next 14 days".
pub const WINDOW_DAYS: i32 = 14;
/// iOS keeps at most 64 pending local notifications (PRODUCT §2.9).
pub const MAX_REMINDERS: usize = 64;
/// Re-assessment every 2 weeks (PRODUCT §2.2).
pub const REASSESS_AFTER_DAYS: i32 = 14;

/// What a reminder is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    MorningPain,
    Session,
    Reassessment,
}

impl ReminderKind {
    fn id_prefix(self) -> &'static str {
        match self {
            ReminderKind::MorningPain => "morning_pain",
            ReminderKind::Session => "session",
            ReminderKind::Reassessment => "reassessment",
        }
    }

    /// Lower is kept first when over the limit. // design choice: the morning pain log drives
    /// every progression decision (P2–P4), the re-assessment is rare, session reminders are many.
    fn priority(self) -> u8 {
        match self {
            ReminderKind::MorningPain => 0,
            ReminderKind::Reassessment => 1,
            ReminderKind::Session => 2,
        }
    }
}

/// One reminder to schedule. Ids are stable, so a shell can re-plan and replace by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Reminder {
    /// e.g. "morning_pain:2026-11-24".
    pub id: String,
    pub kind: ReminderKind,
    /// Local date, YYYY-MM-DD.
    pub local_date: String,
    /// Local "HH:MM" actually used (after a spring-gap shift).
    pub local_time: String,
    /// Unix ms.
    pub fire_at_ms: i64,
    pub title: String,
    pub body: String,
}

/// What the planner needs to know.
pub struct ReminderInput<'a> {
    pub settings: &'a Settings,
    pub program: Option<&'a Program>,
    /// Local dates with a morning pain score already logged.
    pub pain_logged_on: &'a [Day],
    /// Local dates with a session already logged.
    pub sessions_done_on: &'a [Day],
    pub last_assessment: Option<Day>,
    /// Unix ms; only reminders firing after it are returned.
    pub now_ms: i64,
}

/// The reminders of the next 14 days (today included), sorted by fire time, at most 64.
pub fn plan_reminders(input: &ReminderInput) -> Result<Vec<Reminder>> {
    plan_reminders_with_limit(input, MAX_REMINDERS)
}

/// [`plan_reminders`] with an explicit cap (a platform with a smaller pending limit).
pub fn plan_reminders_with_limit(input: &ReminderInput, limit: usize) -> Result<Vec<Reminder>> {
    let settings = input.settings;
    let tz = time_zone_named(&settings.time_zone)?;
    let morning = parse_hh_mm("settings.morning_reminder", &settings.morning_reminder)?;
    let session = parse_hh_mm("settings.session_reminder", &settings.session_reminder)?;
    for &weekday in &settings.session_days {
        if !(1..=7).contains(&weekday) {
            return Err(CoreError::range("settings.session_days", "1..=7 (1 = Monday … 7 = Sunday)", weekday));
        }
    }
    if !settings.reminders_enabled {
        return Ok(Vec::new());
    }
    let today = Day::at_instant(input.now_ms, &settings.time_zone)?;
    let mut out = Vec::new();
    for offset in 0..WINDOW_DAYS {
        let day = today.add_days(offset);
        if !input.pain_logged_on.contains(&day) {
            out.push(reminder(&tz, ReminderKind::MorningPain, day, morning, MORNING_TITLE, MORNING_BODY.into())?);
        }
        let planned = input.program.map_or(0, |p| p.planned_on(day).len());
        if planned > 0 && settings.session_days.contains(&day.iso_weekday()) && !input.sessions_done_on.contains(&day) {
            let body = match planned {
                1 => "One exercise is planned for today. A few minutes is all it takes.".to_string(),
                n => format!("{n} exercises are planned for today. A few minutes is all it takes."),
            };
            out.push(reminder(&tz, ReminderKind::Session, day, session, SESSION_TITLE, body)?);
        }
    }
    out.retain(|r| r.fire_at_ms > input.now_ms);
    if let Some(last) = input.last_assessment {
        if let Some(r) = reassessment(&tz, last, today, morning, input.now_ms)? {
            out.push(r);
        }
    }
    if out.len() > limit {
        crate::sort::sort_by_key(&mut out, |r| (r.kind.priority(), r.fire_at_ms));
        out.truncate(limit);
    }
    crate::sort::sort_by(&mut out, |a, b| a.fire_at_ms.cmp(&b.fire_at_ms).then_with(|| a.kind.priority().cmp(&b.kind.priority())));
    Ok(out)
}

const MORNING_TITLE: &str = "How were your first steps?";
const MORNING_BODY: &str = "Rate this morning's first-step pain from 0 to 10. One tap keeps your program on track.";
const SESSION_TITLE: &str = "Time for today's exercises";
const REASSESS_TITLE: &str = "Time for a two-week check-in";
const REASSESS_BODY: &str =
    "It has been two weeks since your last assessment. A 10-minute re-check shows what has changed.";

/// The re-assessment reminder: due 14 days after the last one at the morning time; if that slot
/// is already past (overdue), the next morning slot after now. // design choice: a missed
/// re-assessment is offered again rather than dropped; outside the window → none.
fn reassessment(tz: &TimeZone, last: Day, today: Day, morning: Time, now_ms: i64) -> Result<Option<Reminder>> {
    let due = last.add_days(REASSESS_AFTER_DAYS);
    let mut day = due.max(today);
    loop {
        if day.days_since(today) >= WINDOW_DAYS {
            return Ok(None);
        }
        let r = reminder(tz, ReminderKind::Reassessment, day, morning, REASSESS_TITLE, REASSESS_BODY.into())?;
        if r.fire_at_ms > now_ms {
            return Ok(Some(r));
        }
        day = day.add_days(1);
    }
}

fn reminder(tz: &TimeZone, kind: ReminderKind, day: Day, time: Time, title: &str, body: String) -> Result<Reminder> {
    let (fire_at_ms, used) = local_instant(tz, day, time)?;
    Ok(Reminder {
        id: format!("{}:{}", kind.id_prefix(), day.iso()),
        kind,
        local_date: day.iso(),
        local_time: format!("{:02}:{:02}", used.hour(), used.minute()),
        fire_at_ms,
        title: title.to_string(),
        body,
    })
}

/// The instant of local `time` on `day`: a time inside a spring gap moves to the next valid
/// minute (02:30 → 03:00 in Berlin); an ambiguous autumn time takes the first occurrence.
/// // design choice: firing early (the first 01:30) is kinder than firing an hour late.
fn local_instant(tz: &TimeZone, day: Day, time: Time) -> Result<(i64, Time)> {
    let mut civil = DateTime::from_parts(day.date(), time);
    // Real gaps are at most a few hours; a day of minutes bounds the search regardless.
    for _ in 0..=24 * 60 {
        let ambiguous = tz.to_ambiguous_timestamp(civil);
        if !matches!(ambiguous.offset(), AmbiguousOffset::Gap { .. }) {
            let ts = ambiguous
                .earlier()
                .map_err(|e| CoreError::invalid("settings.time_zone", format!("cannot place {civil} in the zone: {e}")))?;
            return Ok((ts.as_millisecond(), civil.time()));
        }
        civil = civil
            .checked_add(jiff::Span::new().minutes(1))
            .map_err(|e| CoreError::invalid("settings.time_zone", format!("date out of range: {e}")))?;
    }
    Err(CoreError::invalid("settings.time_zone", format!("no valid local time on {day} after {time}")))
}

/// Parses a strict "HH:MM" (00:00..23:59).
fn parse_hh_mm(field: &str, text: &str) -> Result<Time> {
    let bad = || CoreError::invalid(field, format!("enter a time such as 07:30, from 00:00 to 23:59 (you entered {text:?})"));
    let b = text.as_bytes();
    if b.len() != 5 || b[2] != b':' || !b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit()) {
        return Err(bad());
    }
    let hour = i8::try_from((b[0] - b'0') * 10 + (b[1] - b'0')).map_err(|_| bad())?;
    let minute = i8::try_from((b[3] - b'0') * 10 + (b[4] - b'0')).map_err(|_| bad())?;
    if hour > 23 || minute > 59 {
        return Err(bad());
    }
    Time::new(hour, minute, 0, 0).map_err(|_| bad())
}
