//! Morning pain history helpers shared by progression and running guidance: validation, the
//! baseline (CLINICAL P3) and flare detection.

use crate::day::Day;
use crate::error::{check_pain, Result};
use crate::model::{PainEntry, SessionRecord};

/// rule P3: a flare is a morning ≥ 2 points above the baseline.
pub const FLARE_POINTS: f64 = 2.0;
/// rule P3: the baseline is the mean of the previous 7 logged mornings…
const BASELINE_MORNINGS: usize = 7;
/// rule P3: …when at least 3 are logged; otherwise the last logged morning.
const BASELINE_MIN_MORNINGS: usize = 3;

/// rule M1: the program baseline is the mean of its first 7 logged mornings…
pub(crate) const PROGRAM_BASELINE_MORNINGS: usize = 7;
/// …and "current" is the mean of the mornings logged in the 7 days ending on a date.
pub(crate) const MEAN_DAYS: i32 = 7;
/// rule M1: meaningful improvement is at least 2 points AND at least 30 % below the baseline.
const MEANINGFUL_POINTS: f64 = 2.0;
const MEANINGFUL_FRACTION: f64 = 0.30;

/// rule M1: `current` is ≥ 2 points and ≥ 30 % below a full 7-morning program baseline. The trend,
/// the escalation banner (R4) and the clinician summary all judge improvement with this.
pub(crate) fn meaningful_improvement(baseline: Option<f64>, baseline_mornings: usize, current: Option<f64>) -> bool {
    match (baseline, current) {
        (Some(b), Some(c)) if baseline_mornings == PROGRAM_BASELINE_MORNINGS && b > 0.0 => {
            b - c >= MEANINGFUL_POINTS && (b - c) / b >= MEANINGFUL_FRACTION
        }
        _ => false,
    }
}

/// One validated morning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Morning {
    pub day: Day,
    pub score: u8,
}

/// Validated mornings sorted by date, one per date (the last given wins, like an edit).
pub(crate) fn mornings(pains: &[PainEntry]) -> Result<Vec<Morning>> {
    let mut out: Vec<Morning> = Vec::with_capacity(pains.len());
    for entry in pains {
        let day = Day::parse("pain.date", &entry.date)?;
        let score = check_pain("pain.score", i64::from(entry.score))?;
        out.retain(|m| m.day != day);
        out.push(Morning { day, score });
    }
    crate::sort::sort_by_key(&mut out, |m| m.day);
    Ok(out)
}

/// Checks every session's date and pain; errors name the field.
pub(crate) fn check_sessions(sessions: &[SessionRecord]) -> Result<()> {
    for session in sessions {
        Day::parse("session.date", &session.date)?;
        check_pain("session.peak_pain", i64::from(session.peak_pain))?;
    }
    Ok(())
}

/// The usual morning pain before `day` (rule P3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Baseline {
    pub value: f64,
    /// How many mornings it averages (1 when fewer than 3 were logged).
    pub mornings: usize,
}

impl Baseline {
    /// Plain words, e.g. "your usual 4 (the average of your last 7 mornings)".
    pub fn words(&self) -> String {
        if self.mornings == 1 {
            format!("your last logged morning ({})", format_score(self.value))
        } else {
            format!("your usual {} (the average of your last {} mornings)", format_score(self.value), self.mornings)
        }
    }
}

/// A score without a needless ".0".
pub(crate) fn format_score(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 {
        format!("{:.0}", value.round())
    } else {
        format!("{value:.1}")
    }
}

/// Baseline for `day` from the mornings logged before it; `None` when there are none.
pub(crate) fn baseline_before(mornings: &[Morning], day: Day) -> Option<Baseline> {
    let earlier: Vec<&Morning> = mornings.iter().rev().filter(|m| m.day < day).take(BASELINE_MORNINGS).collect();
    if earlier.is_empty() {
        return None;
    }
    if earlier.len() < BASELINE_MIN_MORNINGS {
        return Some(Baseline { value: f64::from(earlier[0].score), mornings: 1 });
    }
    let sum: f64 = earlier.iter().map(|m| f64::from(m.score)).sum();
    Some(Baseline { value: sum / earlier.len() as f64, mornings: earlier.len() })
}

/// A morning ≥ 2 points above its baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Flare {
    pub day: Day,
    pub score: u8,
    pub baseline: Baseline,
}

impl Flare {
    /// Plain words with the numbers, e.g. "your morning pain was 6, 2 points above your usual 4 (…)".
    pub fn words(&self) -> String {
        format!(
            "your morning pain was {}, {} points above {}",
            self.score,
            format_score(f64::from(self.score) - self.baseline.value),
            self.baseline.words()
        )
    }
}

/// The flare on `day`, if that morning was logged and is ≥ 2 points above its baseline (rule P3).
pub(crate) fn flare_on(mornings: &[Morning], day: Day) -> Option<Flare> {
    let today = mornings.iter().find(|m| m.day == day)?;
    let baseline = baseline_before(mornings, day)?;
    // A tiny tolerance so a mean like 4.0000001 + 2 does not hide an exact +2 (rule P3 "≥ 2").
    (f64::from(today.score) >= baseline.value + FLARE_POINTS - 1e-9).then_some(Flare { day, score: today.score, baseline })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(start: &str, scores: &[u8]) -> Vec<PainEntry> {
        let start = Day::parse("t", start).unwrap();
        scores
            .iter()
            .enumerate()
            .map(|(i, s)| PainEntry { date: start.add_days(i as i32).iso(), score: *s, stiffness_minutes: None, note: None, logged_at_ms: 0 })
            .collect()
    }

    #[test]
    fn flare_is_exactly_baseline_plus_two() {
        let day = Day::parse("t", "2026-09-08").unwrap();
        let m = mornings(&entries("2026-09-01", &[4, 4, 4, 4, 4, 4, 4, 6])).unwrap();
        let flare = flare_on(&m, day).unwrap();
        assert_eq!(flare.words(), "your morning pain was 6, 2 points above your usual 4 (the average of your last 7 mornings)");
        let m = mornings(&entries("2026-09-01", &[4, 4, 4, 4, 4, 4, 4, 5])).unwrap();
        assert!(flare_on(&m, day).is_none(), "baseline + 1 is no flare");
    }

    #[test]
    fn fewer_than_three_mornings_compare_with_the_last_one() {
        let m = mornings(&entries("2026-09-01", &[6, 2, 4])).unwrap();
        let flare = flare_on(&m, Day::parse("t", "2026-09-03").unwrap()).unwrap();
        assert_eq!(flare.baseline.mornings, 1);
        assert_eq!(flare.baseline.value, 2.0);
        assert!(flare_on(&m, Day::parse("t", "2026-09-01").unwrap()).is_none(), "no history, no flare");
    }

    #[test]
    fn pain_above_ten_is_rejected() {
        let err = mornings(&entries("2026-09-01", &[11])).unwrap_err().located();
        assert!(err.contains("pain.score must be in 0..=10"), "{err}");
    }
}
