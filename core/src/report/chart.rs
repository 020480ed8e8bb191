//! The inline SVG chart of the clinician summary: 12 weeks of morning first-step pain as given by
//! the trend (daily scores, the 7-day mean, the baseline, the M1 target) with level-change markers.
//! Drawn at its print size (700 × 140 CSS px ≈ 185 × 37 mm) so its 12 px labels print at 9 pt.

use std::fmt::Write;

use crate::day::Day;
use crate::journal::chart::{date_ticks, marker_label, pain_ticks, PAIN_AXIS_TITLE};
use crate::journal::Trend;

use super::{esc, short_date};

const WIDTH: f64 = 700.0;
const HEIGHT: f64 = 140.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 690.0;
/// Room above the plot for the level-change labels.
const TOP: f64 = 28.0;
const BOTTOM: f64 = 118.0;

fn y_of(pain: f64) -> f64 {
    BOTTOM - pain.clamp(0.0, 10.0) / 10.0 * (BOTTOM - TOP)
}

/// The SVG element for `trend` (12 weeks, 84 days), drawn from the first day with data (issue 22)
/// on the trend screen's axes: pain 0–10 in steps of 2, week ticks every 7 days from that day.
/// Level changes are numbered ▲1, ▼2 … on the chart; [`marker_list`] names them. `m1_target` is
/// the 7-day mean that would meet rule M1, when the baseline is complete.
pub fn svg(trend: &Trend, m1_target: Option<f64>) -> String {
    let from = first_with_data(trend);
    let days = &trend.days[from..];
    let n = days.len().max(2) as f64;
    let x_of = |i: usize| LEFT + i as f64 * (RIGHT - LEFT) / (n - 1.0);
    let first = days.first().and_then(|d| Day::parse("date", &d.date).ok());
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{}, {} to {}: daily scores and 7-day mean" xmlns="http://www.w3.org/2000/svg">"#,
        esc(PAIN_AXIS_TITLE),
        esc(&days.first().map_or(trend.start_date.clone(), |d| d.date.clone())),
        esc(&trend.end_date)
    );
    // Pain grid 0..10: the trend screen's ticks.
    for tick in pain_ticks() {
        let y = y_of(tick.value);
        let _ = write!(s, r##"<line x1="{LEFT}" y1="{y:.1}" x2="{RIGHT}" y2="{y:.1}" stroke="#ddd" stroke-width="1"/><text x="{:.1}" y="{:.1}" text-anchor="end" class="t">{}</text>"##, LEFT - 5.0, y + 4.0, tick.label);
    }
    // Week ticks from the first day with data, labelled with each week's first day ("2 Mar").
    if let Some(first) = first {
        for tick in date_ticks(first, days.len()) {
            let x = x_of(tick.index as usize);
            let _ = write!(s, r##"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{BOTTOM}" stroke="#eee" stroke-width="1"/><text x="{x:.1}" y="{:.1}" text-anchor="start" class="t">{}</text>"##, BOTTOM + 16.0, esc(&tick.label));
        }
    }
    // Baseline (dashed) and the M1 target (dotted).
    if let Some(b) = trend.baseline {
        let y = y_of(b);
        let _ = write!(s, r##"<line x1="{LEFT}" y1="{y:.1}" x2="{RIGHT}" y2="{y:.1}" stroke="#555" stroke-width="1.2" stroke-dasharray="6 4"/><text x="{RIGHT}" y="{:.1}" text-anchor="end" class="t">baseline {b:.1}</text>"##, y - 3.0);
    }
    if let Some(t) = m1_target {
        let y = y_of(t);
        let _ = write!(s, r##"<line x1="{LEFT}" y1="{y:.1}" x2="{RIGHT}" y2="{y:.1}" stroke="#2e7d32" stroke-width="1.2" stroke-dasharray="2 3"/><text x="{:.1}" y="{:.1}" text-anchor="start" class="t" fill="#2e7d32">M1 target ≤ {t:.1}</text>"##, LEFT + 4.0, y - 3.0);
    }
    // Daily scores (gaps stay gaps).
    for (i, day) in days.iter().enumerate() {
        if let Some(p) = day.pain {
            let _ = write!(s, r##"<circle cx="{:.1}" cy="{:.1}" r="2.2" fill="#9aa5b1"/>"##, x_of(i), y_of(f64::from(p)));
        }
    }
    // The 7-day mean: one polyline per run of days that have a mean.
    let mut segment: Vec<String> = Vec::new();
    let flush = |segment: &mut Vec<String>, s: &mut String| {
        if segment.len() > 1 {
            let _ = write!(s, r##"<polyline points="{}" fill="none" stroke="#1f4e79" stroke-width="2.4" stroke-linejoin="round"/>"##, segment.join(" "));
        } else if let Some(point) = segment.first() {
            let (x, y) = point.split_once(',').unwrap_or(("0", "0"));
            let _ = write!(s, r##"<circle cx="{x}" cy="{y}" r="2.4" fill="#1f4e79"/>"##);
        }
        segment.clear();
    };
    for (i, day) in days.iter().enumerate() {
        match day.rolling_mean {
            Some(m) => segment.push(format!("{:.1},{:.1}", x_of(i), y_of(m))),
            None => flush(&mut segment, &mut s),
        }
    }
    flush(&mut segment, &mut s);
    // Level changes: a vertical marker, ▲ up / ▼ down and its number above the plot (named in
    // the list under the chart). A label near an earlier one goes on the second row.
    let mut placed: Vec<(f64, usize)> = Vec::new();
    for (k, marker) in trend.level_changes.iter().enumerate() {
        let Some(i) = days.iter().position(|d| d.date == marker.date) else { continue };
        let x = x_of(i);
        let near = |row: usize| placed.iter().any(|(px, r)| *r == row && (px - x).abs() < 24.0);
        let row = if !near(0) { 0 } else if !near(1) { 1 } else { 0 };
        placed.push((x, row));
        let up = marker.to_level >= marker.from_level;
        let (arrow, colour) = if up { ("▲", "#b35c00") } else { ("▼", "#b00020") };
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{BOTTOM}" stroke="{colour}" stroke-width="1" stroke-dasharray="3 2"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" class="t" fill="{colour}">{arrow}{}</text>"##,
            TOP - 4.0 - 13.0 * row as f64,
            k + 1
        );
    }
    s.push_str("</svg>");
    s
}

/// The first day of the window with a score or a 7-day mean (0 when none has).
fn first_with_data(trend: &Trend) -> usize {
    trend.days.iter().position(|d| d.pain.is_some() || d.rolling_mean.is_some()).unwrap_or(0)
}

/// The chart's level changes in words, numbered as on the chart: "▲1 12 Mar Calf and plantar
/// fascia loading → level 4 of 5" (rule X4: names, not ids). Empty without changes in the chart.
pub fn marker_list(trend: &Trend) -> Vec<String> {
    let days = &trend.days[first_with_data(trend)..];
    trend
        .level_changes
        .iter()
        .enumerate()
        .filter(|(_, m)| days.iter().any(|d| d.date == m.date))
        .map(|(k, m)| format!("{}{} {} {}", if m.to_level >= m.from_level { "▲" } else { "▼" }, k + 1, short_date(&m.date), marker_label(m)))
        .collect()
}
