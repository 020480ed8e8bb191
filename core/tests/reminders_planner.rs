//! The reminder planner: local times across DST in four zones, gaps and folds, what is skipped,
//! re-assessment, the 64 limit and settings validation. No wall clock: `now` is always given.

#[path = "session_fixtures.rs"]
mod fixtures;

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use firststep_core::day::Day;
use firststep_core::error::CoreError;
use firststep_core::model::{Frequency, Program, Settings, Side};
use firststep_core::reminders::{plan_reminders, plan_reminders_with_limit, Reminder, ReminderInput, ReminderKind};

fn settings(zone: &str) -> Settings {
    Settings { time_zone: zone.into(), ..Settings::default() }
}

/// Unix ms of a local civil time in `zone` (earlier occurrence when ambiguous).
fn ms(zone: &str, local: &str) -> i64 {
    let dt: DateTime = local.parse().unwrap();
    TimeZone::get(zone).unwrap().to_ambiguous_timestamp(dt).earlier().unwrap().as_millisecond()
}

fn local(zone: &str, fire_at_ms: i64) -> String {
    let ts = Timestamp::from_millisecond(fire_at_ms).unwrap();
    TimeZone::get(zone).unwrap().to_datetime(ts).strftime("%Y-%m-%d %H:%M").to_string()
}

fn day(text: &str) -> Day {
    Day::parse("d", text).unwrap()
}

fn program() -> Program {
    let mut every_other_day = fixtures::exercise("calf_loading", 2, 3, Some(12), None, fixtures::tempo(3, 2, 3), 120, Side::Left);
    every_other_day.frequency = Frequency::EveryOtherDay;
    every_other_day.level_started_on = "2026-11-24".into();
    Program { started_on: "2026-11-01".into(), exercises: vec![every_other_day], caution: None, caution_rule: None, cadence_cue: None, minutes_per_day: 0, set_aside: vec![] }
}

fn plan(settings: &Settings, program: Option<&Program>, now_ms: i64) -> Vec<Reminder> {
    let input = ReminderInput { settings, program, pain_logged_on: &[], sessions_done_on: &[], last_assessment: None, now_ms };
    plan_reminders(&input).unwrap()
}

fn of_kind(reminders: &[Reminder], kind: ReminderKind) -> Vec<&Reminder> {
    reminders.iter().filter(|r| r.kind == kind).collect()
}

#[test]
fn seven_o_clock_stays_seven_o_clock_local_across_dst_in_four_zones() {
    // (zone, a day a week before a transition, the transition date, hours on that day)
    let cases = [
        ("Europe/Berlin", "2026-03-25", "2026-03-29", 23),
        ("Europe/Berlin", "2026-10-21", "2026-10-25", 25),
        ("America/New_York", "2026-03-04", "2026-03-08", 23),
        ("America/New_York", "2026-10-28", "2026-11-01", 25),
        ("Australia/Sydney", "2026-10-01", "2026-10-04", 23), // spring in the south
        ("Australia/Sydney", "2026-04-01", "2026-04-05", 25), // autumn in the south
        ("Asia/Kolkata", "2026-03-25", "2026-03-29", 24),     // no DST: nothing moves
    ];
    for (zone, start, transition, hours) in cases {
        let now = ms(zone, &format!("{start}T06:00"));
        let reminders = plan(&settings(zone), None, now);
        let mornings = of_kind(&reminders, ReminderKind::MorningPain);
        assert_eq!(mornings.len(), 14, "{zone}");
        for (i, r) in mornings.iter().enumerate() {
            let date = day(start).add_days(i as i32).iso();
            assert_eq!((r.local_date.as_str(), r.local_time.as_str()), (date.as_str(), "07:00"), "{zone}");
            assert_eq!(local(zone, r.fire_at_ms), format!("{date} 07:00"), "{zone}");
            assert_eq!(r.id, format!("morning_pain:{date}"));
        }
        // The gap between the 07:00 before and after the transition night is the day's length.
        let at = mornings.iter().position(|r| r.local_date == transition).unwrap();
        assert_eq!(mornings[at].fire_at_ms - mornings[at - 1].fire_at_ms, hours * 3_600_000, "{zone} {transition}");
    }
    // Kolkata is UTC+05:30 all year.
    let r = &plan(&settings("Asia/Kolkata"), None, ms("Asia/Kolkata", "2026-03-25T06:00"))[0];
    assert_eq!(r.fire_at_ms, ms("UTC", "2026-03-25T01:30"));
}

#[test]
fn a_time_in_the_spring_gap_moves_to_the_next_valid_minute() {
    for (zone, date, first_valid_utc) in [
        ("Europe/Berlin", "2026-03-29", "2026-03-29T01:00"),    // 02:30 does not exist → 03:00 CEST
        ("America/New_York", "2026-03-08", "2026-03-08T07:00"), // → 03:00 EDT
        ("Australia/Sydney", "2026-10-04", "2026-10-03T16:00"), // → 03:00 AEDT
    ] {
        let s = Settings { morning_reminder: "02:30".into(), ..settings(zone) };
        let now = ms(zone, &format!("{}T12:00", day(date).add_days(-3).iso()));
        let reminders = plan(&s, None, now);
        let on_day = reminders.iter().find(|r| r.local_date == date).unwrap();
        assert_eq!(on_day.local_time, "03:00", "{zone}");
        assert_eq!(on_day.fire_at_ms, ms("UTC", first_valid_utc), "{zone}");
        assert!(reminders.iter().filter(|r| r.local_date != date).all(|r| r.local_time == "02:30"));
    }
}

#[test]
fn an_ambiguous_autumn_time_fires_at_its_first_occurrence() {
    for (zone, date, time, first_utc) in [
        ("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30"),    // 02:30 CEST, not CET
        ("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30"), // 01:30 EDT, not EST
        ("Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30"), // 02:30 AEDT, not AEST
    ] {
        let s = Settings { morning_reminder: time.into(), ..settings(zone) };
        let reminders = plan(&s, None, ms(zone, &format!("{}T12:00", day(date).add_days(-2).iso())));
        let on_day = reminders.iter().find(|r| r.local_date == date).unwrap();
        assert_eq!((on_day.local_time.as_str(), on_day.fire_at_ms), (time, ms("UTC", first_utc)), "{zone}");
    }
}

#[test]
fn logged_days_past_times_and_non_session_days_are_skipped() {
    let zone = "Europe/Berlin";
    let today = day("2026-11-24"); // a Tuesday; the every-other-day exercise falls on today, +2, +4 …
    let s = Settings { session_days: vec![2, 4, 6], ..settings(zone) }; // Tue, Thu, Sat
    let program = program();
    let now = ms(zone, "2026-11-24T08:00"); // after today's 07:00
    let pain = [today.add_days(1)];
    let sessions = [today.add_days(2)];
    let input = ReminderInput {
        settings: &s,
        program: Some(&program),
        pain_logged_on: &pain,
        sessions_done_on: &sessions,
        last_assessment: None,
        now_ms: now,
    };
    let reminders = plan_reminders(&input).unwrap();
    let morning_dates: Vec<&str> = of_kind(&reminders, ReminderKind::MorningPain).iter().map(|r| r.local_date.as_str()).collect();
    assert!(!morning_dates.contains(&"2026-11-24"), "07:00 today has passed");
    assert!(!morning_dates.contains(&"2026-11-25"), "pain already logged");
    assert_eq!(morning_dates.len(), 12);
    let session_dates: Vec<&str> = of_kind(&reminders, ReminderKind::Session).iter().map(|r| r.local_date.as_str()).collect();
    // Planned every other day from Tue 24th: 24, 26 (done), 28, 30 (Mon), Dec 2 (Wed), 4 (Fri),
    // 6 (Sun); session days Tue/Thu/Sat leave the 24th and the 28th.
    assert_eq!(session_dates, ["2026-11-24", "2026-11-28"]);
    let today_session = of_kind(&reminders, ReminderKind::Session)[0];
    assert_eq!((today_session.local_time.as_str(), today_session.id.as_str()), ("18:00", "session:2026-11-24"));
    assert!(reminders.windows(2).all(|w| w[0].fire_at_ms <= w[1].fire_at_ms), "sorted by fire time");
    assert!(reminders.iter().all(|r| r.fire_at_ms > now));
}

#[test]
fn reassessment_is_fourteen_days_after_the_last_or_the_next_morning_when_overdue() {
    let zone = "America/New_York";
    let now = ms(zone, "2026-11-24T09:00");
    let s = settings(zone);
    let reassess = |last: &str| {
        let input = ReminderInput {
            settings: &s,
            program: None,
            pain_logged_on: &[],
            sessions_done_on: &[],
            last_assessment: Some(day(last)),
            now_ms: now,
        };
        of_kind(&plan_reminders(&input).unwrap(), ReminderKind::Reassessment).iter().map(|r| (r.local_date.clone(), r.local_time.clone())).collect::<Vec<_>>()
    };
    assert_eq!(reassess("2026-11-14"), [("2026-11-28".to_string(), "07:00".to_string())]);
    assert_eq!(reassess("2026-11-01"), [("2026-11-25".to_string(), "07:00".to_string())], "overdue: next morning slot");
    assert_eq!(reassess("2026-11-10"), [("2026-11-25".to_string(), "07:00".to_string())], "due today at 07:00, already past");
    assert_eq!(reassess("2026-11-23").len(), 1, "due on the last day of the window");
    assert!(reassess("2026-11-24").is_empty(), "due after the window");
}

#[test]
fn reminders_off_gives_nothing_and_ids_are_stable_between_plans() {
    let zone = "Europe/Berlin";
    let off = Settings { reminders_enabled: false, ..settings(zone) };
    assert!(plan(&off, None, ms(zone, "2026-11-24T06:00")).is_empty());
    let program = program();
    let early = plan(&settings(zone), Some(&program), ms(zone, "2026-11-24T06:00"));
    let later = plan(&settings(zone), Some(&program), ms(zone, "2026-11-24T10:00"));
    assert_eq!(early[1..], later[..], "only the 07:00 that passed is gone; everything else is identical");
    assert!(early.len() <= 64);
}

#[test]
fn over_the_limit_morning_pain_then_reassessment_then_sessions_are_kept() {
    let zone = "UTC";
    let program = program();
    let s = Settings { time_zone: zone.into(), ..Settings::default() };
    let input = ReminderInput {
        settings: &s,
        program: Some(&program),
        pain_logged_on: &[],
        sessions_done_on: &[],
        last_assessment: Some(day("2026-11-20")),
        now_ms: ms(zone, "2026-11-24T00:00"),
    };
    let all = plan_reminders(&input).unwrap();
    assert_eq!(all.len(), 14 + 7 + 1);
    let kept = plan_reminders_with_limit(&input, 17).unwrap();
    assert_eq!(kept.len(), 17);
    assert_eq!(of_kind(&kept, ReminderKind::MorningPain).len(), 14);
    assert_eq!(of_kind(&kept, ReminderKind::Reassessment).len(), 1);
    let sessions = of_kind(&kept, ReminderKind::Session);
    assert_eq!(sessions.iter().map(|r| r.local_date.as_str()).collect::<Vec<_>>(), ["2026-11-24", "2026-11-26"], "earliest sessions kept");
    assert!(kept.windows(2).all(|w| w[0].fire_at_ms <= w[1].fire_at_ms));
}

#[test]
fn bad_settings_are_typed_errors_naming_the_field() {
    let now = ms("UTC", "2026-11-24T00:00");
    let cases: Vec<(Settings, &str)> = vec![
        (Settings { morning_reminder: "7:00".into(), ..Settings::default() }, "settings.morning_reminder"),
        (Settings { morning_reminder: "24:00".into(), ..Settings::default() }, "settings.morning_reminder"),
        (Settings { session_reminder: "18:60".into(), ..Settings::default() }, "settings.session_reminder"),
        (Settings { session_reminder: "1８:00".into(), ..Settings::default() }, "settings.session_reminder"),
        (Settings { session_days: vec![1, 8], ..Settings::default() }, "settings.session_days"),
        (Settings { session_days: vec![0], ..Settings::default() }, "settings.session_days"),
        (Settings { time_zone: "Mars/Olympus".into(), ..Settings::default() }, "time_zone"),
    ];
    for (s, field) in cases {
        let input = ReminderInput { settings: &s, program: None, pain_logged_on: &[], sessions_done_on: &[], last_assessment: None, now_ms: now };
        match plan_reminders(&input).unwrap_err() {
            CoreError::Invalid { field: f, .. } | CoreError::OutOfRange { field: f, .. } => assert_eq!(f, field),
            other => panic!("unexpected {other}"),
        }
    }
    let midnight = Settings { morning_reminder: "00:00".into(), session_reminder: "23:59".into(), ..Settings::default() };
    assert_eq!(plan(&midnight, None, now - 1)[0].local_time, "00:00");
}
