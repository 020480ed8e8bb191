//! The trend chart, screen-ready (issue 22; PRODUCT §2.8; CLINICAL M1, M4, X4): the core computes
//! the axes, dated ticks, legend entries with their styles, named level-change markers, a readout
//! for every day and every week, the weekly load charts and a text alternative; the shells draw it.
//!
//! Locale: dates are written in English ("2 Mar", "Tue 10 Mar"), the only locale FirstStep has
//! today; [`TrendChartData::locale`] says which one was used.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::clinical::library::{exercise_name, find_exercise};
use crate::day::Day;
use crate::model::{Program, Units};
use crate::model::{distance, KM_PER_MILE};

use super::rows;
use super::trend::{LevelMarker, Trend, TrendError, TrendWeek};

/// The only locale of the core's words today.
pub const LOCALE: &str = "en";
/// Pain axis: 0–10 in steps of 2 (the 0–10 scale of rule M1).
const PAIN_MAX: u8 = 10;
const PAIN_STEP: usize = 2;
/// rule M1: a meaningful improvement is ≥ 2 points and ≥ 30 % below a full 7-morning baseline.
const M1_POINTS: f64 = 2.0; // rule M1
const M1_FRACTION: f64 = 0.30; // rule M1
const BASELINE_MORNINGS: u32 = 7; // rule M1
/// rule M4: many people notice a meaningful improvement after 4–6 weeks of consistent work.
const M4_FROM_WEEK: i32 = 4; // rule M4
const M4_TO_WEEK: i32 = 6; // rule M4

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// How a series is drawn; shape or dash carries the meaning as well as colour (greyscale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum MarkStyle {
    /// One dot per logged day, no line (a gap is a missing dot, never a zero).
    Points,
    /// A solid line, broken at days without a value.
    Line,
    /// A long-dashed horizontal line.
    Dashed,
    /// A dotted horizontal line.
    Dotted,
    /// A shaded span of days.
    Band,
    /// A vertical marker with a triangle (▲ up, ▼ down).
    Marker,
    /// Weekly bars.
    Bars,
}

/// Which series a legend entry, or a value, belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum ChartSeries {
    Pain,
    RollingMean,
    Baseline,
    Target,
    Expectation,
    LevelChange,
    Distance,
    Sessions,
}

/// A legend entry for one drawn series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct LegendEntry {
    pub series: ChartSeries,
    pub label: String,
    pub style: MarkStyle,
}

/// A tick of a value axis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ValueTick {
    pub value: f64,
    pub label: String,
}

/// A tick of the date axis: `index` is the day in the window (0 = its first day).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct DateTick {
    pub index: u32,
    pub date: String,
    /// "2 Mar".
    pub label: String,
}

/// A horizontal reference line labelled on the chart ("Baseline 6.1").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ReferenceLine {
    pub series: ChartSeries,
    pub value: f64,
    pub label: String,
    pub style: MarkStyle,
}

/// A shaded span of days (inclusive indices).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct DayBand {
    pub from_index: u32,
    pub to_index: u32,
    pub label: String,
}

/// A level change, named for the runner ("Calf and plantar fascia loading → level 4 of 5").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct NamedMarker {
    pub index: u32,
    pub date: String,
    /// "16 Mar".
    pub date_label: String,
    pub label: String,
    /// true for a step up or more load, false for a step back.
    pub up: bool,
    /// Structured, never shown: the exercise the change belongs to.
    pub exercise_id: String,
}

/// What a day shows when pointed at ("Tue 10 Mar · pain 4 · 7-day mean 4.6 · … · run 6.0 km").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct DayReadout {
    pub index: u32,
    pub date: String,
    pub text: String,
}

/// What a week reads to a screen reader (one element per week).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct WeekReadout {
    /// The week's first day in the window.
    pub index: u32,
    /// "2 Mar".
    pub label: String,
    pub text: String,
}

/// One week's bar: `value` in the chart's unit, `None` when there is nothing to draw (no plan).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct WeekBar {
    pub week_start: String,
    /// "2 Mar".
    pub label: String,
    pub value: Option<f64>,
    /// Written on the bar: "18.0 km", "12/14".
    pub value_label: String,
}

/// A weekly chart under the pain chart, sharing its weeks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct WeeklyBarChart {
    pub series: ChartSeries,
    pub title: String,
    /// "Run per week (km)", "Sessions done (% of planned)".
    pub axis_title: String,
    /// "km", "mi" or "%".
    pub unit: String,
    pub ticks: Vec<ValueTick>,
    /// The axis top (the last tick's value).
    pub max: f64,
    pub bars: Vec<WeekBar>,
    pub legend: LegendEntry,
}

/// The trend and everything its chart shows, ready to draw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct TrendChartData {
    pub trend: Trend,
    /// The locale of the words and dates ("en", the only one today).
    pub locale: String,
    pub title: String,
    pub y_title: String,
    pub y_ticks: Vec<ValueTick>,
    pub y_max: f64,
    /// Week starts: every 7 days from the window's first day.
    pub x_ticks: Vec<DateTick>,
    pub first_day: DateTick,
    pub last_day: DateTick,
    /// One entry per drawn series, in drawing order.
    pub legend: Vec<LegendEntry>,
    /// Baseline and meaningful-improvement lines, labelled on the chart.
    pub reference_lines: Vec<ReferenceLine>,
    /// rule M4: the weeks when many people notice improvement, when they fall in the window.
    pub expectation_band: Option<DayBand>,
    pub markers: Vec<NamedMarker>,
    /// One per day of the window.
    pub readouts: Vec<DayReadout>,
    /// One per week of the window.
    pub week_readouts: Vec<WeekReadout>,
    pub distance: WeeklyBarChart,
    pub sessions: WeeklyBarChart,
    /// The whole chart in words: what changed, over how many days, where it is now.
    pub text_alternative: String,
}

/// "2 Mar".
pub fn short_label(day: Day) -> String {
    format!("{} {}", day.date().day(), MONTHS[(day.date().month() - 1) as usize])
}

/// "Tue 10 Mar".
pub fn day_label(day: Day) -> String {
    format!("{} {}", WEEKDAYS[usize::from(day.iso_weekday() - 1)], short_label(day))
}

/// Week-start ticks every 7 days from `first` over `days` days: the first tick is `first`.
pub fn date_ticks(first: Day, days: usize) -> Vec<DateTick> {
    (0..days).step_by(7).map(|i| date_tick(first, i)).collect()
}

fn date_tick(first: Day, index: usize) -> DateTick {
    let day = first.add_days(index as i32);
    DateTick { index: index as u32, date: day.iso(), label: short_label(day) }
}

/// The pain axis: 0, 2, …, 10.
pub fn pain_ticks() -> Vec<ValueTick> {
    (0..=PAIN_MAX).step_by(PAIN_STEP).map(|v| ValueTick { value: f64::from(v), label: v.to_string() }).collect()
}

pub const PAIN_AXIS_TITLE: &str = "Morning pain (0–10)";

/// rule M1: the 7-day mean that would be a meaningful improvement on a full baseline.
pub fn m1_target(trend: &Trend) -> Option<f64> {
    trend
        .baseline
        .filter(|_| trend.baseline_mornings == BASELINE_MORNINGS)
        .map(|b| (b - M1_POINTS).min(b * (1.0 - M1_FRACTION)))
        .filter(|t| *t >= 0.0)
}

/// A level change in words (rule X4: the exercise's name and "level 4 of 5", no ids or codes).
pub fn marker_label(marker: &LevelMarker) -> String {
    let name = exercise_name(&marker.exercise_id);
    if marker.to_level == marker.from_level {
        return format!("{name}: more load");
    }
    match find_exercise(&marker.exercise_id) {
        Ok(e) => format!("{name} → level {} of {}", marker.to_level + 1, e.max_level() + 1),
        Err(_) => format!("{name} → level {}", marker.to_level + 1),
    }
}

/// One stored session, for the readout.
struct DaySession {
    exercise_id: String,
    level: u32,
    sets: u32,
    reps: Option<u32>,
    hold: Option<u32>,
    completed: bool,
}

/// Builds the chart for `trend` (computed on `conn` just before).
pub fn compute(conn: &Connection, trend: Trend, program: Option<&Program>, units: Units) -> Result<TrendChartData, TrendError> {
    let first = Day::parse("start_date", &trend.start_date)?;
    let n = trend.days.len();
    let sessions = sessions_by_day(conn, &trend.start_date, &trend.end_date)?;
    let runs: BTreeMap<String, f64> = rows::in_range(
        conn,
        "SELECT date, sum(distance_km) FROM runs WHERE date BETWEEN ?1 AND ?2 GROUP BY date",
        &trend.start_date,
        &trend.end_date,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?
    .into_iter()
    .collect();

    let index_of = |date: &str| Day::parse("date", date).ok().map(|d| d.days_since(first)).filter(|i| (0..n as i32).contains(i)).map(|i| i as u32);
    let markers: Vec<NamedMarker> = trend
        .level_changes
        .iter()
        .filter_map(|m| {
            let index = index_of(&m.date)?;
            Some(NamedMarker {
                index,
                date: m.date.clone(),
                date_label: short_label(first.add_days(index as i32)),
                label: marker_label(m),
                up: m.to_level >= m.from_level,
                exercise_id: m.exercise_id.clone(),
            })
        })
        .collect();

    let mut reference_lines = Vec::new();
    if let Some(b) = trend.baseline {
        let label = if trend.baseline_mornings < BASELINE_MORNINGS {
            format!("Baseline {b:.1} (so far, {} of 7 mornings)", trend.baseline_mornings)
        } else {
            format!("Baseline {b:.1}")
        };
        reference_lines.push(ReferenceLine { series: ChartSeries::Baseline, value: b, label, style: MarkStyle::Dashed });
    }
    if let Some(t) = m1_target(&trend) {
        reference_lines.push(ReferenceLine { series: ChartSeries::Target, value: t, label: format!("Meaningful improvement ≤ {t:.1}"), style: MarkStyle::Dotted });
    }

    // rule M4: weeks 4–6 of the program, clipped to the window.
    let expectation_band = program.and_then(|p| Day::parse("started_on", &p.started_on).ok()).and_then(|start| {
        let from = start.add_days(M4_FROM_WEEK * 7).days_since(first).max(0);
        let to = start.add_days(M4_TO_WEEK * 7 - 1).days_since(first).min(n as i32 - 1);
        (from <= to).then(|| DayBand { from_index: from as u32, to_index: to as u32, label: "Weeks 4–6: when many people notice change".into() })
    });

    let mut legend = Vec::new();
    if let Some(band) = &expectation_band {
        legend.push(LegendEntry { series: ChartSeries::Expectation, label: band.label.clone(), style: MarkStyle::Band });
    }
    legend.push(LegendEntry { series: ChartSeries::Pain, label: "Morning pain (no dot: not logged)".into(), style: MarkStyle::Points });
    legend.push(LegendEntry { series: ChartSeries::RollingMean, label: "7-day mean".into(), style: MarkStyle::Line });
    for line in &reference_lines {
        let label = match line.series {
            ChartSeries::Baseline => "Baseline (first 7 mornings)",
            _ => "Meaningful improvement (2 points and 30 % lower)",
        };
        legend.push(LegendEntry { series: line.series, label: label.into(), style: line.style });
    }
    if !markers.is_empty() {
        legend.push(LegendEntry { series: ChartSeries::LevelChange, label: "Level change (▲ up, ▼ back)".into(), style: MarkStyle::Marker });
    }

    let readouts = trend
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let day = first.add_days(i as i32);
            let mut parts = vec![day_label(day)];
            match d.pain {
                Some(p) => parts.push(format!("pain {p}")),
                None => parts.push("not logged".into()),
            }
            if let Some(m) = d.rolling_mean {
                parts.push(format!("7-day mean {m:.1}"));
            }
            if let Some(list) = sessions.get(&d.date) {
                parts.push(session_words(list));
            }
            if let Some(km) = runs.get(&d.date) {
                parts.push(format!("run {}", distance(*km, units)));
            }
            for m in markers.iter().filter(|m| m.index == i as u32) {
                parts.push(m.label.clone());
            }
            DayReadout { index: i as u32, date: d.date.clone(), text: parts.join(" · ") }
        })
        .collect();

    let week_readouts = trend.weekly.iter().enumerate().map(|(w, week)| week_readout(first, w, week)).collect();
    let distance = distance_chart(first, &trend.weekly, units);
    let sessions_chart = sessions_chart(first, &trend.weekly);
    let text_alternative = text_alternative(&trend, first, &markers);

    Ok(TrendChartData {
        locale: LOCALE.into(),
        title: format!("Morning first-step pain, last {} weeks", trend.weeks),
        y_title: PAIN_AXIS_TITLE.into(),
        y_ticks: pain_ticks(),
        y_max: f64::from(PAIN_MAX),
        x_ticks: date_ticks(first, n),
        first_day: date_tick(first, 0),
        last_day: date_tick(first, n.saturating_sub(1)),
        legend,
        reference_lines,
        expectation_band,
        markers,
        readouts,
        week_readouts,
        distance,
        sessions: sessions_chart,
        text_alternative,
        trend,
    })
}

fn sessions_by_day(conn: &Connection, from: &str, to: &str) -> rusqlite::Result<BTreeMap<String, Vec<DaySession>>> {
    let rows = rows::in_range(
        conn,
        "SELECT date, exercise_id, level, sets_done, reps_done, hold_seconds_done, completed FROM sessions WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id",
        from,
        to,
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                DaySession {
                    exercise_id: r.get(1)?,
                    level: r.get(2)?,
                    sets: r.get(3)?,
                    reps: r.get(4)?,
                    hold: r.get(5)?,
                    completed: r.get::<_, i64>(6)? != 0,
                },
            ))
        },
    )?;
    let mut by_day: BTreeMap<String, Vec<DaySession>> = BTreeMap::new();
    for (date, s) in rows {
        by_day.entry(date).or_default().push(s);
    }
    Ok(by_day)
}

/// "calf and plantar fascia loading, eccentric heel drop 3×15 done" — per exercise, in the order
/// logged; an exercise done more than once that day says how often.
fn session_words(list: &[DaySession]) -> String {
    let mut seen: Vec<(&str, String, usize)> = Vec::new();
    for s in list {
        if let Some(entry) = seen.iter_mut().find(|(id, _, _)| *id == s.exercise_id) {
            entry.2 += 1;
            continue;
        }
        let exercise = find_exercise(&s.exercise_id).ok();
        let mut words = exercise_name(&s.exercise_id).to_lowercase();
        // The level's own words, without its code ("L1 eccentric heel drop" → "eccentric heel drop"; X4).
        if let Some(level) = exercise.as_ref().filter(|e| e.levels.len() > 1).and_then(|e| e.levels.get(s.level as usize)) {
            words.push_str(", ");
            let name = strip_level_code(&level.name);
            let mut chars = name.chars();
            words.extend(chars.next().map(|c| c.to_ascii_lowercase()));
            words.push_str(chars.as_str());
        }
        let dose = match (s.reps, s.hold) {
            (Some(r), _) => format!("{}×{r}", s.sets),
            (None, Some(h)) => format!("{}×{h} s", s.sets),
            (None, None) => format!("{} sets", s.sets),
        };
        words.push_str(&format!(" {dose} {}", if s.completed { "done" } else { "partly done" }));
        seen.push((&s.exercise_id, words, 1));
    }
    seen.into_iter().map(|(_, w, times)| if times > 1 { format!("{w} ({times} times)") } else { w }).collect::<Vec<_>>().join("; ")
}

fn strip_level_code(name: &str) -> &str {
    match name.split_once(' ') {
        Some((code, rest)) if code.len() > 1 && code.starts_with('L') && code[1..].chars().all(|c| c.is_ascii_digit()) => rest,
        _ => name,
    }
}

fn week_readout(first: Day, w: usize, week: &TrendWeek) -> WeekReadout {
    let day = first.add_days(w as i32 * 7);
    let pain = week.mean_pain.map_or_else(|| "pain not logged".to_string(), |m| format!("mean pain {m:.1}"));
    let sessions = if week.sessions_planned > 0 {
        format!("sessions {} of {} planned", week.sessions_done, week.sessions_planned)
    } else {
        "no sessions planned".to_string()
    };
    WeekReadout { index: (w * 7) as u32, label: short_label(day), text: format!("Week of {} · {pain} · {sessions} · run {}", short_label(day), week.run) }
}

/// design choice: the distance axis tops at the next multiple of 5 (km or mi) above the longest
/// week (at least 5), with 5 ticks from 0.
fn distance_chart(first: Day, weekly: &[TrendWeek], units: Units) -> WeeklyBarChart {
    let in_units = |km: f64| match units {
        Units::Metric => km,
        Units::Imperial => km / KM_PER_MILE,
    };
    let unit = match units {
        Units::Metric => "km",
        Units::Imperial => "mi",
    };
    let longest = weekly.iter().map(|w| in_units(w.run_km)).fold(0.0, f64::max);
    let max = ((longest / 5.0).ceil() * 5.0).max(5.0);
    let step = max / 4.0;
    let ticks = (0..=4).map(|i| f64::from(i) * step).map(|v| ValueTick { value: v, label: trim_number(v) }).collect();
    let bars = weekly
        .iter()
        .enumerate()
        .map(|(w, week)| WeekBar {
            week_start: week.week_start.clone(),
            label: short_label(first.add_days(w as i32 * 7)),
            value: Some(in_units(week.run_km) + 0.0),
            value_label: week.run.clone(),
        })
        .collect();
    WeeklyBarChart {
        series: ChartSeries::Distance,
        title: "Running per week".into(),
        axis_title: format!("Run per week ({unit})"),
        unit: unit.into(),
        ticks,
        max,
        bars,
        legend: LegendEntry { series: ChartSeries::Distance, label: format!("Distance run that week ({unit})"), style: MarkStyle::Bars },
    }
}

fn sessions_chart(first: Day, weekly: &[TrendWeek]) -> WeeklyBarChart {
    let ticks = [0u32, 50, 100].iter().map(|v| ValueTick { value: f64::from(*v), label: format!("{v} %") }).collect();
    let bars = weekly
        .iter()
        .enumerate()
        .map(|(w, week)| {
            let planned = week.sessions_planned;
            WeekBar {
                week_start: week.week_start.clone(),
                label: short_label(first.add_days(w as i32 * 7)),
                value: (planned > 0).then(|| (f64::from(week.sessions_done) / f64::from(planned) * 100.0).min(100.0)),
                value_label: if planned > 0 { format!("{}/{planned}", week.sessions_done) } else { "none planned".into() },
            }
        })
        .collect();
    WeeklyBarChart {
        series: ChartSeries::Sessions,
        title: "Exercise sessions per week".into(),
        axis_title: "Sessions done (% of planned)".into(),
        unit: "%".into(),
        ticks,
        max: 100.0,
        bars,
        legend: LegendEntry { series: ChartSeries::Sessions, label: "Sessions done of planned".into(), style: MarkStyle::Bars },
    }
}

/// "0", "2.5", "10".
fn trim_number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// What changed, over how many days, where it is now.
fn text_alternative(trend: &Trend, first: Day, markers: &[NamedMarker]) -> String {
    let n = trend.days.len();
    let last = first.add_days(n as i32 - 1);
    let logged = trend.days.iter().filter(|d| d.pain.is_some()).count();
    let mut text = format!("Morning first-step pain over {n} days, {} to {}: {logged} mornings logged.", short_label(first), short_label(last));
    if logged == 0 {
        text.push_str(" Nothing to draw yet.");
        return text;
    }
    match (trend.baseline, trend.current) {
        (Some(b), Some(c)) => {
            let change = b - c;
            let direction = if change.abs() < 0.05 {
                "about the same as".to_string()
            } else if change > 0.0 {
                format!("{change:.1} points lower than")
            } else {
                format!("{:.1} points higher than", -change)
            };
            text.push_str(&format!(" The 7-day mean is {c:.1} now, {direction} the baseline of {b:.1}."));
        }
        (Some(b), None) => text.push_str(&format!(" Baseline {b:.1}; nothing logged in the last 7 days.")),
        _ => {}
    }
    if trend.meaningful_improvement {
        text.push_str(" That is a meaningful improvement.");
    }
    match markers.len() {
        0 => {}
        1 => text.push_str(&format!(" One level change: {} on {}.", markers[0].label, short_label(first.add_days(markers[0].index as i32)))),
        k => text.push_str(&format!(" {k} level changes, the last: {} on {}.", markers[k - 1].label, short_label(first.add_days(markers[k - 1].index as i32)))),
    }
    text
}
