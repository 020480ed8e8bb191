//! `firststep trend`: the morning pain chart, the weekly table and the M1 summary.

use firststep_core::journal::Trend;

use crate::context::{CliResult, Context};
use crate::render::{chart, heading, opt1, table, wrap};

/// Shows the trend of the `weeks` ending on the context's date.
pub fn run(ctx: &Context, weeks: u32) -> CliResult {
    let trend = ctx.app.trend(ctx.date.clone(), weeks)?;
    if ctx.json {
        return ctx.print_json(&trend);
    }
    println!("{}", render(&trend));
    Ok(())
}

/// The trend screen as text.
pub fn render(trend: &Trend) -> String {
    let mut out = vec![heading(&format!("Trend · {} weeks · {} to {}", trend.weeks, trend.start_date, trend.end_date))];
    out.push(chart::render(trend));
    out.push(String::new());
    let rows: Vec<Vec<String>> = trend
        .weekly
        .iter()
        .map(|w| {
            vec![
                w.week_start.clone(),
                opt1(w.mean_pain),
                format!("{}/{}", w.sessions_done, w.sessions_planned),
                w.run.clone(),
            ]
        })
        .collect();
    use table::Align::{Left, Right};
    out.push(table::render(&["week of", "mean pain", "sessions", "running"], &[Left, Right, Right, Right], &rows));
    out.push(String::new());
    let baseline = match trend.baseline_mornings {
        0 => "no mornings logged yet".to_string(),
        7 => opt1(trend.baseline),
        n => format!("{} (from {n} of 7 mornings so far)", opt1(trend.baseline)),
    };
    out.push(format!("Baseline: {baseline}    Last 7 days: {}", opt1(trend.current)));
    if let (Some(points), Some(percent)) = (trend.change_points, trend.change_percent) {
        out.push(format!("Change: {points:+.1} points ({percent:.0} % {})", if points >= 0.0 { "less pain" } else { "more pain" }));
    }
    if let Some(psfs) = &trend.psfs_text {
        out.push(wrap(psfs, 78, ""));
    }
    if trend.meaningful_improvement {
        out.push("✓ A meaningful improvement: at least 2 points and 30 % below your baseline.".to_string());
    }
    if !trend.expectation.text.is_empty() {
        out.push(wrap(&trend.expectation.text, 78, ""));
    }
    out.join("\n")
}
