//! The trend chart the core computes for every shell (issue 22; CLINICAL M1, M4, X4): axes, dated
//! week ticks, legend entries, named level-change markers and a readout per day, over real files.

mod journal_support;

use firststep_core::journal::chart::{ChartSeries, MarkStyle};
use firststep_core::model::{DecisionAction, Frequency, Units};
use journal_support::*;

/// A 4-week window ending 2026-03-29 (starts Mon 2 Mar) on a calf-loading program.
fn seeded() -> (TempJournal, firststep_core::model::Program) {
    let t = temp_journal();
    let today = day("2026-03-29");
    let mut p = program("2026-02-01");
    p.exercises = vec![exercise("calf_loading", Frequency::Daily, "2026-02-01")];
    for i in 0..28 {
        let d = day("2026-03-02").add_days(i).iso();
        // 2026-03-05 is missing: a gap; 2026-03-16 is logged with its decision below.
        if d != "2026-03-05" && d != "2026-03-16" {
            t.journal.log_pain(&pain(&d, if i < 14 { 6 } else { 4 }), today).unwrap();
        }
    }
    let mut s = session("2026-03-10", "calf_loading");
    s.level = 1;
    s.reps_done = Some(15);
    t.journal.log_session(&s, today).unwrap();
    t.journal.log_run(&run("2026-03-10", 6.0), today).unwrap();
    t.journal.log_run(&run("2026-03-12", 9.0), today).unwrap();
    let change = decision("2026-03-16", "calf_loading", DecisionAction::Progress, 1, 2);
    t.journal.record_morning(&pain("2026-03-16", 4), today, std::slice::from_ref(&change), Some(&p)).unwrap();
    (t, p)
}

#[test]
fn ticks_cover_the_window_and_start_at_its_first_day() {
    let (t, p) = seeded();
    let c = t.journal.trend_chart(day("2026-03-29"), 4, Some(&p)).unwrap();
    assert_eq!(c.y_title, "Morning pain (0–10)");
    assert_eq!(c.y_ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["0", "2", "4", "6", "8", "10"]);
    assert_eq!(c.y_ticks.iter().map(|t| t.value).collect::<Vec<_>>(), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    // Week starts every 7 days from the window's first day, in the runner's locale style (English).
    assert_eq!(c.locale, "en");
    let ticks: Vec<_> = c.x_ticks.iter().map(|t| (t.index, t.date.as_str(), t.label.as_str())).collect();
    assert_eq!(ticks, [(0, "2026-03-02", "2 Mar"), (7, "2026-03-09", "9 Mar"), (14, "2026-03-16", "16 Mar"), (21, "2026-03-23", "23 Mar")]);
    assert_eq!((c.first_day.date.as_str(), c.first_day.label.as_str()), (c.trend.start_date.as_str(), "2 Mar"));
    assert_eq!((c.last_day.index, c.last_day.date.as_str(), c.last_day.label.as_str()), (27, "2026-03-29", "29 Mar"));
    for weeks in [8, 12] {
        let c = t.journal.trend_chart(day("2026-03-29"), weeks, Some(&p)).unwrap();
        assert_eq!(c.x_ticks.len() as u32, weeks, "one tick per week");
        assert_eq!(c.x_ticks[0].date, c.trend.start_date);
        assert_eq!(c.readouts.len(), c.trend.days.len());
        assert_eq!(c.week_readouts.len() as u32, weeks);
        assert_eq!(c.distance.bars.len() as u32, weeks);
    }
}

#[test]
fn a_day_reads_its_values_and_a_missing_day_reads_not_logged() {
    let (t, p) = seeded();
    let c = t.journal.trend_chart(day("2026-03-29"), 4, Some(&p)).unwrap();
    let read = |date: &str| c.readouts.iter().find(|r| r.date == date).unwrap().text.clone();
    let mean = c.trend.days.iter().find(|d| d.date == "2026-03-10").unwrap().rolling_mean.unwrap();
    assert_eq!(
        read("2026-03-10"),
        format!("Tue 10 Mar · pain 6 · 7-day mean {mean:.1} · calf and plantar fascia loading, eccentric heel drop 3×15 done · run 6.0 km")
    );
    let gap = read("2026-03-05");
    assert!(gap.starts_with("Thu 5 Mar · not logged"), "{gap}");
    assert!(!gap.contains("pain 0"), "a gap is never a zero: {gap}");
    // The readout's index is the day in the window.
    assert!(c.readouts.iter().enumerate().all(|(i, r)| r.index as usize == i && r.date == c.trend.days[i].date));
    // No internal ids or level codes in anything the runner reads (X4).
    for r in &c.readouts {
        assert!(!r.text.contains("calf_loading") && !r.text.contains(" L1 ") && !r.text.contains("L2"), "{}", r.text);
    }
}

#[test]
fn level_markers_are_named_for_the_runner() {
    let (t, p) = seeded();
    let c = t.journal.trend_chart(day("2026-03-29"), 4, Some(&p)).unwrap();
    assert_eq!(c.markers.len(), 1);
    let m = &c.markers[0];
    // rule X4: the exercise's name and "level 3 of 5", not "calf_loading L2".
    assert_eq!((m.index, m.date_label.as_str(), m.label.as_str(), m.up), (14, "16 Mar", "Calf and plantar fascia loading → level 3 of 5", true));
    assert!(c.readouts[14].text.ends_with("Calf and plantar fascia loading → level 3 of 5"), "{}", c.readouts[14].text);
    assert!(c.text_alternative.contains("Calf and plantar fascia loading → level 3 of 5 on 16 Mar"), "{}", c.text_alternative);
}

#[test]
fn the_legend_has_one_entry_per_drawn_series_with_its_style() {
    let (t, p) = seeded();
    let c = t.journal.trend_chart(day("2026-03-29"), 4, Some(&p)).unwrap();
    let legend: Vec<_> = c.legend.iter().map(|l| (l.series, l.style)).collect();
    // Program started 1 Feb: after 4–6 weeks (1 Mar – 14 Mar) falls in the window (rule M4).
    assert_eq!(
        legend,
        [
            (ChartSeries::Expectation, MarkStyle::Band),
            (ChartSeries::Pain, MarkStyle::Points),
            (ChartSeries::RollingMean, MarkStyle::Line),
            (ChartSeries::Baseline, MarkStyle::Dashed),
            (ChartSeries::Target, MarkStyle::Dotted),
            (ChartSeries::LevelChange, MarkStyle::Marker),
        ]
    );
    let band = c.expectation_band.as_ref().unwrap();
    assert_eq!((band.from_index, band.to_index), (0, 12), "2 Mar (clipped) to 14 Mar");
    let lines: Vec<_> = c.reference_lines.iter().map(|l| l.label.as_str()).collect();
    let baseline = c.trend.baseline.unwrap();
    assert_eq!(lines, [format!("Baseline {baseline:.1}"), format!("Meaningful improvement ≤ {:.1}", (baseline - 2.0).min(baseline * 0.7))]);

    // Without a program, changes or a full baseline: only what is drawn.
    let bare = temp_journal();
    bare.journal.log_pain(&pain("2026-03-20", 5), day("2026-03-29")).unwrap();
    let c = bare.journal.trend_chart(day("2026-03-29"), 4, None).unwrap();
    let series: Vec<_> = c.legend.iter().map(|l| l.series).collect();
    assert_eq!(series, [ChartSeries::Pain, ChartSeries::RollingMean, ChartSeries::Baseline]);
    assert!(c.reference_lines[0].label.contains("1 of 7 mornings"), "{}", c.reference_lines[0].label);
}

#[test]
fn load_charts_are_in_the_runners_units_with_week_labels() {
    let (t, p) = seeded();
    let c = t.journal.trend_chart(day("2026-03-29"), 4, Some(&p)).unwrap();
    assert_eq!((c.distance.axis_title.as_str(), c.distance.unit.as_str()), ("Run per week (km)", "km"));
    let bars: Vec<_> = c.distance.bars.iter().map(|b| (b.label.as_str(), b.value_label.as_str())).collect();
    assert_eq!(bars, [("2 Mar", "0.0 km"), ("9 Mar", "15.0 km"), ("16 Mar", "0.0 km"), ("23 Mar", "0.0 km")]);
    assert_eq!(c.distance.max, 15.0, "the axis tops at the next multiple of 5");
    assert_eq!(c.distance.ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["0", "3.8", "7.5", "11.2", "15"]);
    assert_eq!(c.sessions.unit, "%");
    assert_eq!(c.sessions.ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["0 %", "50 %", "100 %"]);
    let w = &c.trend.weekly[1];
    assert_eq!(c.sessions.bars[1].value_label, format!("{}/{}", w.sessions_done, w.sessions_planned));
    assert!(c.week_readouts[1].text.starts_with("Week of 9 Mar · mean pain"), "{}", c.week_readouts[1].text);
    assert!(c.week_readouts[1].text.ends_with("run 15.0 km"), "{}", c.week_readouts[1].text);

    let mut settings = t.journal.settings().unwrap();
    settings.units = Units::Imperial;
    t.journal.save_settings(&settings).unwrap();
    let miles = t.journal.trend_chart(day("2026-03-29"), 4, Some(&p)).unwrap();
    assert_eq!((miles.distance.axis_title.as_str(), miles.distance.unit.as_str()), ("Run per week (mi)", "mi"));
    assert_eq!(miles.distance.bars[1].value_label, "9.3 mi");
    assert!((miles.distance.bars[1].value.unwrap() - 15.0 / 1.609_344).abs() < 1e-9);
    assert_eq!(miles.distance.max, 10.0);
    assert!(miles.readouts[8].text.ends_with("run 3.7 mi"), "{}", miles.readouts[8].text);
}

#[test]
fn the_text_alternative_says_what_changed_over_how_many_days_and_where_it_is_now() {
    let (t, p) = seeded();
    let c = t.journal.trend_chart(day("2026-03-29"), 4, Some(&p)).unwrap();
    let text = &c.text_alternative;
    assert!(text.starts_with("Morning first-step pain over 28 days, 2 Mar to 29 Mar: 27 mornings logged."), "{text}");
    let (b, now) = (c.trend.baseline.unwrap(), c.trend.current.unwrap());
    assert!(text.contains(&format!("The 7-day mean is {now:.1} now, {:.1} points lower than the baseline of {b:.1}.", b - now)), "{text}");

    let empty = temp_journal();
    let c = empty.journal.trend_chart(day("2026-03-29"), 4, None).unwrap();
    assert!(c.text_alternative.contains("0 mornings logged. Nothing to draw yet."), "{}", c.text_alternative);
    assert!(c.readouts.iter().all(|r| r.text.ends_with("not logged")));
}
