//! rule A6: the runner's step rate from their watch files against the +5–10 % goal (Heiderscheit
//! 2011), never a fixed number. The baseline is the cadence given at the assessment.

use crate::day::Day;
use crate::model::RunRecord;

/// rule A6: +5–10 % step rate.
const GOAL_LOW: f64 = 1.05;
const GOAL_HIGH: f64 = 1.10;
/// design choice: the step rate is the average of the latest 3 runs with a cadence in the last 30
/// days (one run's number moves with its pace and terrain).
const RECENT_RUNS: usize = 3;
const RECENT_DAYS: i32 = 30;

/// The recent step rate (steps/min) and the sentence comparing it with the A6 goal; `None` when no
/// recent run carries a cadence.
pub fn cadence_progress(today: Day, runs: &[RunRecord], assessed_spm: Option<u32>) -> Option<(f64, String)> {
    let from = today.add_days(-RECENT_DAYS).iso();
    let to = today.iso();
    let mut recent: Vec<&RunRecord> =
        runs.iter().filter(|r| r.cadence_spm.is_some_and(f64::is_finite) && r.date.as_str() >= from.as_str() && r.date.as_str() <= to.as_str()).collect();
    crate::sort::sort_by_key(&mut recent, |r| (r.date.clone(), r.start_ms));
    let latest: Vec<f64> = recent.iter().rev().take(RECENT_RUNS).filter_map(|r| r.cadence_spm).collect();
    if latest.is_empty() {
        return None;
    }
    let spm = latest.iter().sum::<f64>() / latest.len() as f64;
    let runs_word = if latest.len() == 1 { "your last run".to_string() } else { format!("your last {} runs", latest.len()) };
    let sentence = match assessed_spm.filter(|b| *b > 0) {
        None => format!(
            "Step rate on {runs_word}: {spm:.0} steps a minute (from your watch). The goal is 5–10 % more than your usual easy running (rule A6); give your usual cadence at the next assessment to see it in numbers."
        ),
        Some(base) => {
            let base = f64::from(base);
            let (low, high) = (base * GOAL_LOW, base * GOAL_HIGH);
            let change = (spm / base - 1.0) * 100.0;
            let verdict = if spm < low.floor() {
                format!("the goal is {low:.0}–{high:.0}: slightly shorter, quicker steps")
            } else if spm <= high.ceil() {
                format!("inside the {low:.0}–{high:.0} goal")
            } else {
                "more than 10 % up: no need to go quicker still".to_string()
            };
            format!("Step rate on {runs_word}: {spm:.0} steps a minute (from your watch), {change:+.0} % from the {base:.0} you gave at the assessment — {verdict} (rule A6).")
        }
    };
    Some((spm, sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(date: &str, spm: Option<f64>) -> RunRecord {
        RunRecord { date: date.into(), distance_km: 5.0, cadence_spm: spm, ..Default::default() }
    }

    fn today() -> Day {
        Day::parse("d", "2026-09-20").unwrap()
    }

    #[test]
    fn the_latest_three_runs_with_a_cadence_are_compared_with_the_goal() {
        let runs = [run("2026-09-01", Some(150.0)), run("2026-09-10", Some(164.0)), run("2026-09-12", None), run("2026-09-14", Some(166.0)), run("2026-09-18", Some(168.0))];
        let (spm, text) = cadence_progress(today(), &runs, Some(158)).unwrap();
        assert_eq!(spm, 166.0);
        assert!(text.contains("last 3 runs: 166") && text.contains("+5 %") && text.contains("inside the 166–174 goal"), "{text}");
        let (_, below) = cadence_progress(today(), &[run("2026-09-18", Some(160.0))], Some(158)).unwrap();
        assert!(below.contains("the goal is 166–174"), "{below}");
        let (_, above) = cadence_progress(today(), &[run("2026-09-18", Some(180.0))], Some(158)).unwrap();
        assert!(above.contains("no need to go quicker"), "{above}");
    }

    #[test]
    fn no_recent_cadence_says_nothing_and_no_baseline_gives_the_relative_goal() {
        assert_eq!(cadence_progress(today(), &[run("2026-08-01", Some(160.0)), run("2026-09-19", None)], Some(158)), None);
        let (_, text) = cadence_progress(today(), &[run("2026-09-19", Some(162.0))], None).unwrap();
        assert!(text.contains("162 steps a minute") && text.contains("5–10 %") && !text.contains("180"), "{text}");
    }
}
