//! The trend chart: one column per day, pain 0–10 upwards. Daily scores are dots, days without a
//! score stay empty (a gap is never drawn as a zero), the 7-day mean is a line and the baseline a
//! dashed line; level changes are marked under the date axis.

use firststep_core::journal::Trend;

/// Daily morning pain.
pub const DOT: char = '●';
/// 7-day rolling mean.
pub const MEAN: char = '─';
/// Baseline (mean of the first 7 mornings, rule M1).
pub const BASELINE: char = '┄';
/// A day without a score, on the axis.
pub const GAP: char = '×';

/// Draws `trend` as text (about 6 + days columns wide).
pub fn render(trend: &Trend) -> String {
    let days = &trend.days;
    let baseline_row = trend.baseline.map(|b| b.round() as i64);
    let mut lines = Vec::new();
    for row in (0..=10i64).rev() {
        let mut line = format!("{row:>3} │");
        for day in days {
            let pain = day.pain.map(i64::from);
            let mean = day.rolling_mean.map(|m| m.round() as i64);
            let cell = if pain == Some(row) {
                DOT
            } else if mean == Some(row) {
                MEAN
            } else if baseline_row == Some(row) {
                BASELINE
            } else {
                ' '
            };
            line.push(cell);
        }
        lines.push(line.trim_end().to_string());
    }
    // Axis: week boundaries and gaps.
    let mut axis = String::from("    └");
    for (i, day) in days.iter().enumerate() {
        axis.push(if day.pain.is_none() {
            GAP
        } else if i % 7 == 0 {
            '┴'
        } else {
            '─'
        });
    }
    lines.push(axis);
    // Dates (MM-DD) at each week start.
    let mut labels = String::from("     ");
    let mut i = 0;
    while i < days.len() {
        if i % 7 == 0 {
            let label = days[i].date.get(5..).unwrap_or(&days[i].date).to_string();
            let take = label.chars().count().min(days.len() - i);
            labels.extend(label.chars().take(take));
            i += take;
        } else {
            labels.push(' ');
            i += 1;
        }
    }
    lines.push(labels.trim_end().to_string());
    if !trend.level_changes.is_empty() {
        let mut marks = String::from("     ");
        for day in days {
            let change = trend.level_changes.iter().find(|c| c.date == day.date);
            marks.push(match change {
                Some(c) if c.to_level > c.from_level => '▲',
                Some(_) => '▼',
                None => ' ',
            });
        }
        lines.push(marks.trim_end().to_string());
    }
    let mut legend = format!("     {DOT} morning pain   {MEAN} 7-day mean   {BASELINE} baseline   {GAP} not logged");
    if !trend.level_changes.is_empty() {
        legend.push_str("   ▲▼ level change");
    }
    lines.push(legend);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use firststep_core::journal::{Expectation, TrendDay};

    fn trend(pains: &[Option<u8>]) -> Trend {
        let days = pains
            .iter()
            .enumerate()
            .map(|(i, p)| TrendDay { date: format!("2026-09-{:02}", i + 1), pain: *p, rolling_mean: p.map(f64::from) })
            .collect();
        Trend {
            weeks: 1,
            start_date: "2026-09-01".into(),
            end_date: "2026-09-07".into(),
            days,
            weekly: vec![],
            baseline: Some(5.0),
            baseline_mornings: 7,
            current: None,
            change_points: None,
            change_percent: None,
            meaningful_improvement: false,
            level_changes: vec![],
            expectation: Expectation { weeks_on_program: None, text: String::new() },
            psfs: Vec::new(),
            psfs_text: None,
        }
    }

    #[test]
    fn gaps_are_empty_columns_marked_on_the_axis_not_zeros() {
        let text = render(&trend(&[Some(6), None, Some(2)]));
        let lines: Vec<&str> = text.lines().collect();
        // Row "  0 │" has no dot: the gap is not drawn as a zero.
        assert!(!lines[10].contains(DOT));
        assert_eq!(lines[4], "  6 │●"); // pain 6 in the first column
        assert!(lines[11].contains(GAP));
        assert!(lines[5].contains(BASELINE)); // baseline 5 drawn where no dot is
    }
}
