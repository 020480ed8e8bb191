//! The recovery trend (CLINICAL M1, M4) over real files.

mod journal_support;

use firststep_core::error::CoreError;
use firststep_core::model::{DecisionAction, Units};
use journal_support::*;

#[test]
fn only_4_8_or_12_weeks() {
    let t = temp_journal();
    for w in [0, 3, 5, 13] {
        let err = t.journal.trend(day("2026-03-01"), w, None).unwrap_err();
        assert!(matches!(&err, CoreError::OutOfRange { field, .. } if field == "weeks"), "{err:?}");
        assert!(err.to_string().contains("4, 8 or 12"));
    }
    let trend = t.journal.trend(day("2026-03-01"), 8, None).unwrap();
    assert_eq!((trend.days.len(), trend.weekly.len()), (56, 8));
    assert_eq!((trend.start_date.as_str(), trend.end_date.as_str()), ("2026-01-05", "2026-03-01"));
    assert!(trend.days.iter().all(|d| d.pain.is_none() && d.rolling_mean.is_none()));
    assert_eq!((trend.baseline, trend.current, trend.meaningful_improvement), (None, None, false));
}

#[test]
fn gaps_stay_gaps_and_the_rolling_mean_covers_seven_days() {
    let t = temp_journal();
    let end = day("2026-02-28");
    // Before the window (counts for the first rolling means), then sparse days.
    for (d, s) in [("2026-01-31", 8), ("2026-02-01", 6), ("2026-02-03", 4), ("2026-02-28", 2)] {
        t.journal.log_pain(&pain(d, s), end).unwrap();
    }
    let trend = t.journal.trend(end, 4, None).unwrap();
    assert_eq!(trend.start_date, "2026-02-01");
    let d = |date: &str| trend.days.iter().find(|x| x.date == date).unwrap().clone();
    assert_eq!(d("2026-02-01").pain, Some(6));
    assert_eq!(d("2026-02-01").rolling_mean, Some(7.0), "includes 2026-01-31 from before the window");
    assert_eq!(d("2026-02-02").pain, None, "a gap is never a zero");
    assert_eq!(d("2026-02-03").rolling_mean, Some(6.0));
    assert_eq!(d("2026-02-07").rolling_mean, Some(5.0), "window 02-01..02-07");
    assert_eq!(d("2026-02-08").rolling_mean, Some(4.0), "window 02-02..02-08");
    assert_eq!(d("2026-02-10").rolling_mean, None, "nothing logged 02-04..02-10");
    assert_eq!(trend.weekly[0].mean_pain, Some(5.0));
    assert_eq!(trend.weekly[1].mean_pain, None);
    assert_eq!(trend.current, Some(2.0));
}

/// Logs `scores` on consecutive days from `from`.
fn log_days(t: &TempJournal, from: &str, scores: &[u8]) {
    let start = day(from);
    for (i, s) in scores.iter().enumerate() {
        t.journal.log_pain(&pain(&start.add_days(i as i32).iso(), *s), day("2030-01-01")).unwrap();
    }
}

#[test]
fn meaningful_improvement_needs_two_points_and_thirty_percent() {
    // Baseline 6 (first 7 mornings from the program start); last 7 days at 4: −2 points = −33 % → yes.
    let t = temp_journal();
    let p = program("2026-01-01");
    log_days(&t, "2025-12-25", &[9; 7]); // before the program: not in the baseline
    log_days(&t, "2026-01-01", &[6; 7]);
    log_days(&t, "2026-03-20", &[4; 7]);
    let trend = t.journal.trend(day("2026-03-26"), 12, Some(&p)).unwrap();
    assert_eq!((trend.baseline, trend.baseline_mornings, trend.current), (Some(6.0), 7, Some(4.0)));
    assert_eq!(trend.change_points, Some(2.0));
    assert!((trend.change_percent.unwrap() - 33.333).abs() < 0.01);
    assert!(trend.meaningful_improvement);
    assert!(trend.expectation.text.contains("2 points and 30 %"), "{}", trend.expectation.text);

    // Without a program the baseline is the first 7 mornings ever: 9.
    assert_eq!(t.journal.trend(day("2026-03-26"), 12, None).unwrap().baseline, Some(9.0));

    // Baseline 9, current 7: −2 points but only −22 % → no.
    let t1 = temp_journal();
    log_days(&t1, "2026-01-01", &[9; 7]);
    log_days(&t1, "2026-03-20", &[7; 7]);
    let relative_small = t1.journal.trend(day("2026-03-26"), 12, None).unwrap();
    assert_eq!(relative_small.change_points, Some(2.0));
    assert!(!relative_small.meaningful_improvement);

    // Baseline 4, current 2.5 would be 37 % but only 1.5 points → no.
    let t2 = temp_journal();
    log_days(&t2, "2026-01-01", &[4; 7]);
    log_days(&t2, "2026-02-20", &[3, 2, 3, 2, 3, 2]);
    let small = t2.journal.trend(day("2026-02-25"), 8, None).unwrap();
    assert_eq!(small.change_points, Some(1.5));
    assert!(!small.meaningful_improvement);
}

#[test]
fn a_partial_baseline_is_shown_but_never_called_meaningful() {
    let t = temp_journal();
    log_days(&t, "2026-01-01", &[8, 8, 8]);
    log_days(&t, "2026-01-20", &[0]);
    let trend = t.journal.trend(day("2026-01-20"), 4, None).unwrap();
    // The first logged mornings up to the window end: 8, 8, 8 and today's 0.
    assert_eq!((trend.baseline, trend.baseline_mornings), (Some(6.0), 4));
    assert_eq!(trend.current, Some(0.0));
    assert!(!trend.meaningful_improvement, "rule M1 needs 7 baseline mornings");
}

#[test]
fn weekly_buckets_count_planned_and_done_sessions_and_run_km() {
    let t = temp_journal();
    // Window of 4 weeks ending 2026-03-28 starts 2026-03-01; program starts 2026-03-05.
    let p = program("2026-03-05");
    let today = day("2026-03-28");
    let stretch = session("2026-03-05", "fascia_stretch");
    // Three stretches on one day count as one (date, exercise) pair.
    t.journal.log_sessions(&[stretch.clone(), stretch.clone(), stretch, session("2026-03-05", "heel_raise")], today).unwrap();
    t.journal.log_session(&session("2026-03-09", "heel_raise"), today).unwrap();
    t.journal.log_run(&run("2026-03-02", 5.0), today).unwrap();
    t.journal.log_run(&run("2026-03-02", 2.5), today).unwrap();
    t.journal.log_run(&run("2026-03-08", 10.0), today).unwrap();
    let trend = t.journal.trend(today, 4, Some(&p)).unwrap();
    let w = &trend.weekly;
    assert_eq!(w.iter().map(|x| x.week_start.as_str()).collect::<Vec<_>>(), ["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22"]);
    // Week 1 (03-01..03-07): days 05,06,07 on program: stretch ×3 + heel raise on 05 and 07 = 5.
    assert_eq!((w[0].sessions_planned, w[0].sessions_done, w[0].run_km), (5, 2, 7.5));
    // Week 2 (03-08..03-14): 7 stretches + heel raise on 09, 11, 13 = 10.
    assert_eq!((w[1].sessions_planned, w[1].sessions_done, w[1].run_km), (10, 1, 10.0));
    assert_eq!(w[2].sessions_done, 0);
    // The distance as the runner reads it, in their units.
    assert_eq!(w.iter().map(|x| x.run.as_str()).collect::<Vec<_>>(), ["7.5 km", "10.0 km", "0.0 km", "0.0 km"]);
    let mut settings = t.journal.settings().unwrap();
    settings.units = Units::Imperial;
    t.journal.save_settings(&settings).unwrap();
    let miles = t.journal.trend(today, 4, Some(&p)).unwrap();
    assert_eq!(miles.weekly.iter().map(|x| x.run.as_str()).collect::<Vec<_>>(), ["4.7 mi", "6.2 mi", "0.0 mi", "0.0 mi"]);
    assert_eq!(miles.weekly[0].run_km, 7.5, "stored and computed in km");
    let no_program = t.journal.trend(today, 4, None).unwrap();
    assert!(no_program.weekly.iter().all(|w| w.sessions_planned == 0));
}

#[test]
fn level_changes_are_the_non_hold_decisions_in_the_window() {
    let t = temp_journal();
    let today = day("2026-04-30");
    for d in [
        decision("2026-03-01", "heel_raise", DecisionAction::Progress, 0, 1), // before the 4-week window
        decision("2026-04-10", "heel_raise", DecisionAction::Progress, 1, 2),
        decision("2026-04-12", "fascia_stretch", DecisionAction::Hold, 1, 1),
        decision("2026-04-20", "heel_raise", DecisionAction::Regress, 2, 1),
    ] {
        t.journal.record_morning(&pain(&d.date, 3), today, std::slice::from_ref(&d), None).unwrap();
    }
    let trend = t.journal.trend(today, 4, None).unwrap();
    let marks: Vec<_> = trend.level_changes.iter().map(|m| (m.date.as_str(), m.from_level, m.to_level)).collect();
    assert_eq!(marks, vec![("2026-04-10", 1, 2), ("2026-04-20", 2, 1)]);
}

#[test]
fn expectations_are_honest_ranges_by_weeks_on_program() {
    let t = temp_journal();
    let p = program("2026-01-01");
    log_days(&t, "2026-01-01", &[5; 7]);
    let early = t.journal.trend(day("2026-01-15"), 4, Some(&p)).unwrap();
    assert_eq!(early.expectation.weeks_on_program, Some(2));
    assert!(early.expectation.text.contains("4–6 weeks") && early.expectation.text.contains("not promises"), "{}", early.expectation.text);
    // 8 weeks in, pain unchanged: suggest a clinician (R4's 6-week check-in).
    log_days(&t, "2026-02-20", &[5; 7]);
    let stuck = t.journal.trend(day("2026-02-26"), 8, Some(&p)).unwrap();
    assert_eq!(stuck.expectation.weeks_on_program, Some(8));
    assert!(stuck.expectation.text.contains("clinician"), "{}", stuck.expectation.text);
    let none = t.journal.trend(day("2026-02-26"), 8, None).unwrap();
    assert_eq!(none.expectation.weeks_on_program, None);
    for text in [&early.expectation.text, &stuck.expectation.text, &none.expectation.text] {
        assert!(!text.to_lowercase().contains("will be cured") && !text.to_lowercase().contains("guarantee"));
    }
}
