//! Escalation over time (CLINICAL R4): when the runner has done the work and the heel has not
//! improved, or is getting worse, the home screen shows a referral banner — at 6 weeks, firmer at
//! 12 weeks with the guideline's options to discuss (G), and on a 2-week worsening. The banner stays
//! until the meaningful improvement of M1 is reached or the runner records a clinician visit.

use serde::{Deserialize, Serialize};

use crate::clinical::pain::{format_score, Morning};
use crate::day::Day;

/// How firmly the banner asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum ReferralLevel {
    /// See a clinician soon (6 weeks without improvement, or a 2-week worsening).
    Advised,
    /// 12 weeks without improvement: see a clinician and discuss the options listed.
    Firm,
}

/// The home screen's referral banner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Referral {
    /// CLINICAL rule id ("R4").
    pub rule: String,
    pub level: ReferralLevel,
    /// Why, with the runner's numbers, and what to do.
    pub text: String,
    /// Treatments to discuss with the clinician (the guideline's options, G); empty when advised.
    pub options: Vec<String>,
}

/// What the escalation rule looks at.
#[derive(Clone, Debug)]
pub(crate) struct ReferralInput<'a> {
    pub today: Day,
    pub program_start: Day,
    /// Mornings (validated, sorted) covering at least the program's first 7 logged mornings and
    /// the last 12 weeks + 6 days.
    pub mornings: &'a [Morning],
    /// Planned and done sessions over the program so far (at most the last 12 weeks).
    pub sessions_planned: u32,
    pub sessions_done: u32,
    /// The latest recorded clinician visit.
    pub last_clinician_visit: Option<Day>,
}

/// rule R4: the first check-in, at 6 weeks.
const ADVISED_DAYS: i32 = 6 * 7;
/// rule R4: the firm referral, at 12 weeks.
const FIRM_DAYS: i32 = 12 * 7;
/// rule R4 (design): at least 70 % of planned sessions done counts as "did the work".
const ADHERENCE_MIN: f64 = 0.70;
/// rule R4 (design): a worsening must last 2 weeks.
const WORSENING_DAYS: u32 = 14;
/// rule R4: worsening = 7-day mean ≥ 2 points above the program baseline.
const WORSENING_POINTS: f64 = 2.0;
/// rule M1: meaningful improvement — ≥ 2 points and ≥ 30 % below a full 7-morning baseline.
const M1_POINTS: f64 = 2.0;
const M1_FRACTION: f64 = 0.30;
const BASELINE_MORNINGS: usize = 7;
const MEAN_DAYS: i32 = 7;

/// The guideline options a clinician may discuss (G: APTA/JOSPT heel pain CPG 2023). The app
/// mentions them; it does not prescribe devices.
const GUIDELINE_OPTIONS: [&str; 5] = [
    "Manual therapy by a physiotherapist (guideline grade A)",
    "Plantar-fascia-specific and calf stretching, checked by a clinician (grade A)",
    "Taping for short-term relief (grade A)",
    "A night splint for 1–3 months for first-step pain (grade A)",
    "Shoe inserts (orthoses) alongside other treatment (grade B)",
];

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The program baseline (M1: the first 7 logged mornings on or after the start) and how many.
fn baseline(input: &ReferralInput) -> Option<(f64, usize)> {
    let first: Vec<f64> = input
        .mornings
        .iter()
        .filter(|m| m.day >= input.program_start && m.day <= input.today)
        .take(BASELINE_MORNINGS)
        .map(|m| f64::from(m.score))
        .collect();
    mean(first.iter().copied()).map(|b| (b, first.len()))
}

/// The mean of the mornings logged in the 7 days ending on `day`.
fn seven_day_mean(mornings: &[Morning], day: Day) -> Option<f64> {
    mean(mornings.iter().filter(|m| m.day <= day && day.days_since(m.day) < MEAN_DAYS).map(|m| f64::from(m.score)))
}

/// rule M1 on `day`, judged only against a full 7-morning baseline.
fn improved_on(mornings: &[Morning], day: Day, baseline: f64, baseline_mornings: usize) -> bool {
    baseline_mornings == BASELINE_MORNINGS
        && seven_day_mean(mornings, day).is_some_and(|m| baseline - m >= M1_POINTS && m <= baseline * (1.0 - M1_FRACTION))
}

/// The referral banner for `input.today`, if any (rule R4).
pub(crate) fn referral(input: &ReferralInput) -> Option<Referral> {
    let (baseline, baseline_mornings) = baseline(input)?;
    let today = input.today;
    if improved_on(input.mornings, today, baseline, baseline_mornings) {
        return None; // rule R4: the banner stays until M1 is reached
    }
    // design choice: a recorded clinician visit clears the banner and restarts the 6- and 12-week
    // clocks from the visit, so the runner is not sent back the next morning.
    let anchor = match input.last_clinician_visit {
        Some(visit) if visit > input.program_start => visit,
        _ => input.program_start,
    };
    let days = today.days_since(anchor);
    let weeks = days / 7;
    if days >= FIRM_DAYS {
        return Some(Referral {
            rule: "R4".into(),
            level: ReferralLevel::Firm,
            text: format!(
                "After {weeks} weeks your morning pain has not improved meaningfully (it is {} against {} at the start; rule M1). \
                 Please see a physiotherapist or doctor: other treatments can help alongside the exercises. Options to discuss with them:",
                seven_day_mean(input.mornings, today).map_or("not logged this week".to_string(), format_score),
                format_score(baseline)
            ),
            options: GUIDELINE_OPTIONS.iter().map(|o| (*o).to_string()).collect(),
        });
    }
    if let Some(since) = worsening_since(input, anchor, baseline, baseline_mornings) {
        return Some(Referral {
            rule: "R4".into(),
            level: ReferralLevel::Advised,
            text: format!(
                "Since {since} your morning pain has averaged at least 2 points above {} at the start of your program, for 2 weeks. \
                 Please see a physiotherapist or doctor soon; keep the exercises gentle meanwhile.",
                format_score(baseline)
            ),
            options: vec![],
        });
    }
    let adherence = (input.sessions_planned > 0).then(|| f64::from(input.sessions_done) / f64::from(input.sessions_planned));
    if days >= ADVISED_DAYS && adherence.is_some_and(|a| a >= ADHERENCE_MIN) {
        return Some(Referral {
            rule: "R4".into(),
            level: ReferralLevel::Advised,
            text: format!(
                "After {weeks} weeks of steady work ({:.0} % of planned sessions done) your morning pain has not improved meaningfully yet \
                 (it is {} against {} at the start; rule M1). That is worth a clinician's look: book a visit with a physiotherapist or doctor, \
                 and keep going meanwhile.",
                adherence.unwrap_or(0.0) * 100.0,
                seven_day_mean(input.mornings, today).map_or("not logged this week".to_string(), format_score),
                format_score(baseline)
            ),
            options: vec![],
        });
    }
    None
}

/// The first day of the latest 2-week worsening after `anchor` that M1 has not cleared since.
fn worsening_since(input: &ReferralInput, anchor: Day, baseline: f64, baseline_mornings: usize) -> Option<Day> {
    let first_day = anchor.add_days(1).max(input.today.add_days(-FIRM_DAYS));
    let mut run_start: Option<Day> = None;
    let mut run_len = 0u32;
    let mut active: Option<Day> = None;
    let mut day = first_day;
    while day <= input.today {
        let worse = seven_day_mean(input.mornings, day).is_some_and(|m| m >= baseline + WORSENING_POINTS);
        if worse {
            run_start.get_or_insert(day);
            run_len += 1;
            if run_len >= WORSENING_DAYS {
                active = active.or(run_start);
            }
        } else {
            run_start = None;
            run_len = 0;
        }
        if improved_on(input.mornings, day, baseline, baseline_mornings) {
            active = None;
        }
        day = day.add_days(1);
    }
    active
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(offset: i32) -> Day {
        Day::parse("t", "2026-09-01").unwrap().add_days(offset)
    }

    fn mornings(scores: impl Fn(i32) -> Option<u8>, days: i32) -> Vec<Morning> {
        (0..=days).filter_map(|d| scores(d).map(|score| Morning { day: day(d), score })).collect()
    }

    fn at(today: i32, mornings: &[Morning], planned: u32, done: u32, visit: Option<i32>) -> Option<Referral> {
        referral(&ReferralInput {
            today: day(today),
            program_start: day(0),
            mornings,
            sessions_planned: planned,
            sessions_done: done,
            last_clinician_visit: visit.map(day),
        })
    }

    #[test]
    fn six_weeks_of_work_without_improvement_advises_and_twelve_weeks_is_firm() {
        let flat = mornings(|_| Some(5), 84);
        assert!(at(41, &flat, 100, 90, None).is_none(), "before 6 weeks");
        let six = at(42, &flat, 100, 70, None).expect("6 weeks, 70 %");
        assert_eq!((six.rule.as_str(), six.level), ("R4", ReferralLevel::Advised));
        assert!(six.text.contains("70 %") && six.options.is_empty(), "{}", six.text);
        assert!(at(42, &flat, 100, 69, None).is_none(), "under 70 % adherence the rule waits");
        let twelve = at(84, &flat, 100, 10, None).expect("12 weeks, whatever the adherence");
        assert_eq!(twelve.level, ReferralLevel::Firm);
        assert_eq!(twelve.options.len(), 5);
    }

    #[test]
    fn improvement_or_a_clinician_visit_clears_the_banner() {
        // Baseline 6, then 3 from day 30: 3 points and 50 % lower — M1 reached.
        let better = mornings(|d| Some(if d < 30 { 6 } else { 3 }), 84);
        assert!(at(84, &better, 100, 90, None).is_none());
        let flat = mornings(|_| Some(5), 120);
        assert!(at(50, &flat, 100, 90, Some(45)).is_none(), "visit on day 45 restarts the clock");
        assert_eq!(at(45 + 42, &flat, 100, 90, Some(45)).map(|r| r.level), Some(ReferralLevel::Advised));
    }

    #[test]
    fn two_weeks_two_points_above_baseline_escalates_and_stays() {
        // Baseline 3 (days 0–6), then 5 from day 10: the 7-day mean reaches 5 on day 16.
        let worse = mornings(|d| Some(if d < 10 { 3 } else { 5 }), 60);
        assert!(at(28, &worse, 10, 1, None).is_none(), "13 days at +2 is not yet 2 weeks");
        let banner = at(29, &worse, 10, 1, None).expect("14 days at +2");
        assert!(banner.text.contains("2 points above 3"), "{}", banner.text);
        // A slow creep of 1 point never escalates by itself.
        let creep = mornings(|d| Some(if d < 7 { 3 } else { 4 }), 40);
        assert!(at(40, &creep, 10, 1, None).is_none());
        // It stays after the pain settles back to baseline (no M1 improvement reached).
        let settled = mornings(|d| Some(if d < 10 { 3 } else if d < 40 { 5 } else { 3 }), 50);
        assert!(at(50, &settled, 10, 1, None).is_some());
    }
}
