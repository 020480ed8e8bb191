//! Writes and reads of the journal's records, local-day handling and concurrent use.

mod journal_support;

use std::sync::Arc;
use std::thread;

use firststep_core::day::Day;
use firststep_core::model::{DecisionAction, PainEntry, RedFlagLevel, Settings, Side, Units};
use journal_support::*;

#[test]
fn editing_a_morning_replaces_the_value_and_keeps_the_earlier_one_with_its_time() {
    let t = temp_journal();
    let j = &t.journal;
    let today = day("2026-03-10");
    let first = PainEntry { logged_at_ms: 1_000, ..pain("2026-03-10", 6) };
    assert_eq!(j.log_pain(&first, today).unwrap().replaced, None);
    let second = PainEntry { score: 4, logged_at_ms: 2_000, note: Some("misread".into()), ..first.clone() };
    assert_eq!(j.log_pain(&second, today).unwrap().replaced, Some(first.clone()));
    let third = PainEntry { score: 5, logged_at_ms: 3_000, ..first.clone() };
    j.log_pain(&third, today).unwrap();

    assert_eq!(j.pain_entries(today, today).unwrap(), vec![third.clone()]);
    assert_eq!(j.pain_edits(today).unwrap(), vec![first, second]);
    // A double tap with the same value is not an edit.
    assert_eq!(j.log_pain(&PainEntry { logged_at_ms: 4_000, ..third }, today).unwrap().replaced, None);
    assert_eq!(j.pain_edits(today).unwrap().len(), 2);
    assert_eq!(j.last_pain().unwrap().unwrap().score, 5);
}

#[test]
fn pain_ranges_are_inclusive_in_date_order_with_gaps_absent() {
    let t = temp_journal();
    let today = day("2026-03-31");
    for (d, s) in [("2026-03-05", 5), ("2026-03-01", 7), ("2026-03-03", 6), ("2026-03-31", 2)] {
        t.journal.log_pain(&pain(d, s), today).unwrap();
    }
    let got: Vec<_> = t.journal.pain_entries(day("2026-03-01"), day("2026-03-05")).unwrap().into_iter().map(|p| (p.date, p.score)).collect();
    assert_eq!(got, vec![("2026-03-01".into(), 7), ("2026-03-03".into(), 6), ("2026-03-05".into(), 5)]);
    assert_eq!(t.journal.last_pain().unwrap().unwrap().date, "2026-03-31");
}

#[test]
fn the_same_exercise_can_be_logged_several_times_a_day() {
    let t = temp_journal();
    let today = day("2026-04-02");
    let stretch = session("2026-04-02", "fascia_stretch");
    let id1 = t.journal.log_session(&stretch, today).unwrap();
    t.journal.log_sessions(&[stretch.clone(), stretch.clone(), session("2026-04-01", "heel_raise")], today).unwrap();
    assert!(id1 > 0);
    let today_sessions = t.journal.sessions(today, today).unwrap();
    assert_eq!(today_sessions, vec![stretch.clone(), stretch.clone(), stretch]);
    assert_eq!(t.journal.sessions(day("2026-04-01"), today).unwrap()[0].exercise_id, "heel_raise");

    t.journal.log_run(&run("2026-04-01", 5.0), today).unwrap();
    t.journal.log_run(&run("2026-04-02", 7.5), today).unwrap();
    let runs = t.journal.runs(today, today).unwrap();
    assert_eq!(runs, vec![run("2026-04-02", 7.5)]);
}

#[test]
fn a_morning_stores_score_decisions_and_program_together() {
    let t = temp_journal();
    let j = &t.journal;
    let today = day("2026-05-20");
    j.save_program(&program("2026-05-01")).unwrap();
    let mut next = program("2026-05-01");
    next.exercises[1].level = 2;
    let progress = decision("2026-05-20", "heel_raise", DecisionAction::Progress, 1, 2);
    j.record_morning(&pain("2026-05-20", 2), today, std::slice::from_ref(&progress), Some(&next)).unwrap();
    assert_eq!(j.current_program().unwrap(), Some(next.clone()));
    assert_eq!(j.decisions(today, today).unwrap(), vec![progress]);

    // Re-evaluating the same morning (after an edit) replaces that day's decision for the exercise.
    let hold = decision("2026-05-20", "heel_raise", DecisionAction::Hold, 1, 1);
    j.record_morning(&pain("2026-05-20", 4), today, std::slice::from_ref(&hold), None).unwrap();
    assert_eq!(j.all_decisions().unwrap(), vec![hold]);
    assert_eq!(j.current_program().unwrap(), Some(next), "None leaves the program alone");
    // Earlier programs are kept for the backup.
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    let n: i64 = conn.query_row("SELECT count(*) FROM programs", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 2);
}

#[test]
fn settings_screens_and_assessments_round_trip() {
    let t = temp_journal();
    let j = &t.journal;
    let s = Settings {
        units: Units::Imperial,
        affected_side: Side::Both,
        morning_reminder: "06:15".into(),
        session_reminder: "20:00".into(),
        session_days: vec![1, 4, 6],
        time_zone: "America/New_York".into(),
        reminders_enabled: false,
    };
    j.save_settings(&s).unwrap();
    assert_eq!(j.settings().unwrap(), s);

    assert_eq!(j.latest_red_flag().unwrap(), None);
    j.save_safety_screen(day("2026-02-01"), RedFlagLevel::Refer, &["night_pain".into()]).unwrap();
    j.save_safety_screen(day("2026-02-10"), RedFlagLevel::None, &[]).unwrap();
    assert_eq!(j.latest_red_flag().unwrap(), Some((day("2026-02-10"), RedFlagLevel::None)));

    let answers: firststep_core::model::AssessmentAnswers =
        serde_json::from_str(r#"{"date":"2026-02-01","affected_side":"left","first_step_pain":6,"heel_raise_reps":{"left":14,"right":22}}"#).unwrap();
    j.save_assessment(day("2026-02-01"), &answers, r#"{ "findings": [ {"domain": "calf_capacity"} ] }"#).unwrap();
    let stored = j.assessments().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].answers, answers);
    let result: serde_json::Value = serde_json::from_str(&stored[0].result_json).unwrap();
    assert_eq!(result["findings"][0]["domain"], "calf_capacity");
}

/// Unix ms of a UTC wall-clock time.
fn utc_ms(text: &str) -> i64 {
    text.parse::<jiff::Timestamp>().unwrap().as_millisecond()
}

/// Logs a score at an instant in a zone, as a shell would: the local date of the instant.
fn log_at(t: &TempJournal, instant_ms: i64, zone: &str, score: u8) -> Day {
    let local = Day::at_instant(instant_ms, zone).unwrap();
    t.journal.log_pain(&PainEntry { logged_at_ms: instant_ms, ..pain(&local.iso(), score) }, local).unwrap();
    local
}

#[test]
fn scores_land_on_the_local_date_around_berlin_dst_changes() {
    let t = temp_journal();
    // Spring forward: 2026-03-29 02:00 CET → 03:00 CEST.
    // 23:30 CET on the 28th = 22:30Z; 00:30 CET on the 29th = 23:30Z.
    assert_eq!(log_at(&t, utc_ms("2026-03-28T22:30:00Z"), "Europe/Berlin", 5).iso(), "2026-03-28");
    assert_eq!(log_at(&t, utc_ms("2026-03-28T23:30:00Z"), "Europe/Berlin", 4).iso(), "2026-03-29");
    // 23:30 CEST on the 29th (after the change) = 21:30Z, still the 29th: an edit, not a new day.
    assert_eq!(log_at(&t, utc_ms("2026-03-29T21:30:00Z"), "Europe/Berlin", 3).iso(), "2026-03-29");
    // Fall back: 2026-10-25 03:00 CEST → 02:00 CET. 23:30 CEST on the 24th = 21:30Z;
    // 00:30 CEST on the 25th = 22:30Z; 23:30 CET on the 25th = 22:30Z of the 25th.
    assert_eq!(log_at(&t, utc_ms("2026-10-24T21:30:00Z"), "Europe/Berlin", 6).iso(), "2026-10-24");
    assert_eq!(log_at(&t, utc_ms("2026-10-24T22:30:00Z"), "Europe/Berlin", 2).iso(), "2026-10-25");
    assert_eq!(log_at(&t, utc_ms("2026-10-25T22:30:00Z"), "Europe/Berlin", 1).iso(), "2026-10-25");

    let scores: Vec<_> = t.journal.pain_entries(day("2026-03-01"), day("2026-10-31")).unwrap().into_iter().map(|p| (p.date, p.score)).collect();
    assert_eq!(
        scores,
        vec![("2026-03-28".into(), 5), ("2026-03-29".into(), 3), ("2026-10-24".into(), 6), ("2026-10-25".into(), 1)]
    );
    assert_eq!(t.journal.pain_edits(day("2026-03-29")).unwrap()[0].score, 4);
}

#[test]
fn a_traveller_switching_zones_logs_on_each_local_date() {
    let t = temp_journal();
    // Morning in Berlin on 2026-07-01 07:00 CEST = 05:00Z.
    assert_eq!(log_at(&t, utc_ms("2026-07-01T05:00:00Z"), "Europe/Berlin", 5).iso(), "2026-07-01");
    // Flies to New York; next local morning 2026-07-02 06:30 EDT = 10:30Z.
    assert_eq!(log_at(&t, utc_ms("2026-07-02T10:30:00Z"), "America/New_York", 4).iso(), "2026-07-02");
    // 23:30 EDT on the 2nd = 03:30Z on the 3rd: still the 2nd locally (an edit of the 2nd).
    assert_eq!(log_at(&t, utc_ms("2026-07-03T03:30:00Z"), "America/New_York", 3).iso(), "2026-07-02");
    // Flies on to Tokyo (UTC+9): 00:30 JST on the 5th = 15:30Z on the 4th.
    assert_eq!(log_at(&t, utc_ms("2026-07-04T15:30:00Z"), "Asia/Tokyo", 2).iso(), "2026-07-05");
    let dates: Vec<_> = t.journal.pain_entries(day("2026-07-01"), day("2026-07-31")).unwrap().into_iter().map(|p| (p.date, p.score)).collect();
    assert_eq!(dates, vec![("2026-07-01".into(), 5), ("2026-07-02".into(), 3), ("2026-07-05".into(), 2)]);
    // "Today" in a zone that is still on the 4th refuses the 5th as a future date.
    let utc_today = Day::at_instant(utc_ms("2026-07-04T15:30:00Z"), "UTC").unwrap();
    assert!(t.journal.log_pain(&pain("2026-07-05", 2), utc_today).is_err());
}

#[test]
fn one_journal_is_shared_by_several_threads() {
    let t = temp_journal();
    let journal = Arc::new(t.journal);
    let today = day("2030-12-31");
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let j = Arc::clone(&journal);
            thread::spawn(move || {
                for i in 0..25 {
                    let date = day("2026-01-01").add_days(w * 100 + i).iso();
                    j.log_pain(&pain(&date, (i % 11) as u8), today).unwrap();
                    j.log_session(&session(&date, "heel_raise"), today).unwrap();
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let j = Arc::clone(&journal);
            thread::spawn(move || {
                for _ in 0..50 {
                    let n = j.pain_entries(day("2026-01-01"), day("2030-12-31")).unwrap().len();
                    assert!(n <= 100);
                    j.trend(day("2026-03-01"), 12, None).unwrap();
                }
            })
        })
        .collect();
    for h in writers.into_iter().chain(readers) {
        h.join().expect("no thread panicked");
    }
    assert_eq!(journal.pain_entries(day("2026-01-01"), today).unwrap().len(), 100);
    assert_eq!(journal.sessions(day("2026-01-01"), today).unwrap().len(), 100);
    assert_eq!(journal.integrity_check().unwrap(), vec!["ok".to_string()]);
}

#[test]
fn two_handles_on_one_file_see_each_others_writes() {
    let t = temp_journal();
    let other = firststep_core::journal::Journal::open(&t.path).unwrap();
    t.journal.log_pain(&pain("2026-01-01", 3), day("2026-01-01")).unwrap();
    assert_eq!(other.last_pain().unwrap().unwrap().score, 3);
}
