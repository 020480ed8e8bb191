//! Escalation over time (CLINICAL R4): when the runner has done the work and the heel has not
//! improved, or is getting worse, the home screen shows a referral banner — at 6 weeks, firmer at
//! 12 weeks with the guideline's options to discuss (G), and on a 2-week worsening. The banner stays
//! until the meaningful improvement of M1 is reached or the runner records a clinician visit.

use serde::{Deserialize, Serialize};

use crate::clinical::pain::{format_score, meaningful_improvement};
use crate::day::Day;
use crate::error::Result;
use crate::journal::Trend;

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
    /// Treatments to ask the clinician about (the guideline's options, G): the bridges alongside the
    /// program on the advised banner, the full list on the firm one.
    pub options: Vec<String>,
}

/// What the escalation rule looks at.
#[derive(Clone, Debug)]
pub(crate) struct ReferralInput<'a> {
    pub program_start: Day,
    /// The 12-week trend ending today: daily 7-day means, the program baseline (M1) and weekly
    /// adherence. Its last day is "today".
    pub trend: &'a Trend,
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

/// The guideline options a clinician may discuss (G: APTA/JOSPT heel pain CPG 2023). The app
/// mentions them; it does not prescribe devices.
const GUIDELINE_OPTIONS: [&str; 5] = [
    "Manual therapy by a physiotherapist (guideline grade A)",
    "Plantar-fascia-specific and calf stretching, checked by a clinician (grade A)",
    "Taping for short-term relief (grade A)",
    "A night splint for 1–3 months for first-step pain (grade A)",
    "Shoe inserts (orthoses) alongside other treatment (grade B)",
];

/// rule R4, G: the options the advised banner (6 weeks, or a 2-week worsening) names to ask a
/// clinician about — manual therapy, and taping, night splints and orthoses as a bridge alongside
/// the program.
const ADVISED_OPTIONS: [&str; 4] = [
    "Manual therapy by a physiotherapist (guideline grade A)",
    "Taping for short-term relief (grade A)",
    "A night splint for 1–3 months for first-step pain (grade A)",
    "Shoe inserts (orthoses) alongside the exercises (grade B)",
];

fn options(list: &[&str]) -> Vec<String> {
    list.iter().map(|o| (*o).to_string()).collect()
}

/// The referral banner for the trend's last day, if any (rule R4).
pub(crate) fn referral(input: &ReferralInput) -> Result<Option<Referral>> {
    let trend = input.trend;
    let (Some(baseline), Some(last)) = (trend.baseline, trend.days.last()) else { return Ok(None) };
    let first_day = Day::parse("trend.start_date", &trend.start_date)?;
    let today = Day::parse("trend.end_date", &trend.end_date)?;
    if trend.meaningful_improvement {
        return Ok(None); // rule R4: the banner stays until M1 is reached
    }
    // design choice: a recorded clinician visit clears the banner and restarts the 6- and 12-week
    // clocks from the visit, so the runner is not sent back the next morning.
    let anchor = match input.last_clinician_visit {
        Some(visit) if visit > input.program_start => visit,
        _ => input.program_start,
    };
    let days = today.days_since(anchor);
    let weeks = days / 7;
    let now_words = last.rolling_mean.map_or("not logged this week".to_string(), format_score);
    if days >= FIRM_DAYS {
        return Ok(Some(Referral {
            rule: "R4".into(),
            level: ReferralLevel::Firm,
            text: format!(
                "After {weeks} weeks your morning pain has not improved meaningfully (it is {now_words} against {} at the start). \
                 Please see a physiotherapist or doctor: other treatments can help alongside the exercises. Options to discuss with them:",
                format_score(baseline)
            ),
            options: options(&GUIDELINE_OPTIONS),
        }));
    }
    if let Some(since) = worsening_since(trend, first_day, anchor, baseline) {
        return Ok(Some(Referral {
            rule: "R4".into(),
            level: ReferralLevel::Advised,
            text: format!(
                "Since {since} your morning pain has averaged at least 2 points above {} at the start of your program, for 2 weeks. \
                 Please see a physiotherapist or doctor soon; keep the exercises gentle meanwhile. Options to ask them about, alongside the exercises:",
                format_score(baseline)
            ),
            options: options(&ADVISED_OPTIONS),
        }));
    }
    let (planned, done) = trend.weekly.iter().fold((0u32, 0u32), |(p, d), w| (p + w.sessions_planned, d + w.sessions_done));
    let adherence = (planned > 0).then(|| f64::from(done) / f64::from(planned));
    if days >= ADVISED_DAYS && adherence.is_some_and(|a| a >= ADHERENCE_MIN) {
        return Ok(Some(Referral {
            rule: "R4".into(),
            level: ReferralLevel::Advised,
            text: format!(
                "After {weeks} weeks of steady work ({:.0} % of planned sessions done) your morning pain has not improved meaningfully yet \
                 (it is {now_words} against {} at the start). That is worth a clinician's look: book a visit with a physiotherapist or doctor, \
                 and keep going meanwhile. Options to ask them about, alongside the exercises:",
                adherence.unwrap_or(0.0) * 100.0,
                format_score(baseline)
            ),
            options: options(&ADVISED_OPTIONS),
        }));
    }
    Ok(None)
}

/// The first day of the latest 2-week worsening after `anchor` (within the trend's window) that a
/// meaningful improvement (M1) has not cleared since.
fn worsening_since(trend: &Trend, first_day: Day, anchor: Day, baseline: f64) -> Option<Day> {
    let baseline_mornings = trend.baseline_mornings as usize;
    let mut run_start: Option<Day> = None;
    let mut run_len = 0u32;
    let mut active: Option<Day> = None;
    for (i, trend_day) in trend.days.iter().enumerate() {
        let day = first_day.add_days(i as i32);
        if day <= anchor {
            continue;
        }
        if trend_day.rolling_mean.is_some_and(|m| m >= baseline + WORSENING_POINTS) {
            run_start.get_or_insert(day);
            run_len += 1;
            if run_len >= WORSENING_DAYS {
                active = active.or(run_start);
            }
        } else {
            run_start = None;
            run_len = 0;
        }
        if meaningful_improvement(Some(baseline), baseline_mornings, trend_day.rolling_mean) {
            active = None;
        }
    }
    active
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Expectation, TrendDay, TrendWeek};

    fn day(offset: i32) -> Day {
        Day::parse("t", "2026-09-01").unwrap().add_days(offset)
    }

    /// The 12-week trend ending on `today` for a program started on day 0, the way the journal
    /// builds it: a 7-day mean per day, the first 7 logged mornings as baseline, one adherence
    /// bucket.
    fn trend(today: i32, scores: impl Fn(i32) -> Option<u8>, planned: u32, done: u32) -> Trend {
        let first = today - 83;
        let mean = |d: i32| {
            let window: Vec<f64> = (d - 6..=d).filter(|x| *x >= 0).filter_map(&scores).map(f64::from).collect();
            (!window.is_empty()).then(|| window.iter().sum::<f64>() / window.len() as f64)
        };
        let baseline_scores: Vec<f64> = (0..=today).filter_map(&scores).take(7).map(f64::from).collect();
        let baseline = (!baseline_scores.is_empty()).then(|| baseline_scores.iter().sum::<f64>() / baseline_scores.len() as f64);
        let current = mean(today);
        Trend {
            weeks: 12,
            start_date: day(first).iso(),
            end_date: day(today).iso(),
            days: (first..=today).map(|d| TrendDay { date: day(d).iso(), pain: if d >= 0 { scores(d) } else { None }, rolling_mean: mean(d) }).collect(),
            weekly: vec![TrendWeek { week_start: day(first).iso(), mean_pain: None, sessions_done: done, sessions_planned: planned, run_km: 0.0, run: "0.0 km".into() }],
            baseline,
            baseline_mornings: baseline_scores.len() as u32,
            current,
            change_points: None,
            change_percent: None,
            meaningful_improvement: meaningful_improvement(baseline, baseline_scores.len(), current),
            level_changes: vec![],
            expectation: Expectation { weeks_on_program: None, text: String::new() },
            psfs: Vec::new(),
            psfs_text: None,
        }
    }

    fn at(today: i32, scores: impl Fn(i32) -> Option<u8>, planned: u32, done: u32, visit: Option<i32>) -> Option<Referral> {
        let trend = trend(today, scores, planned, done);
        referral(&ReferralInput { program_start: day(0), trend: &trend, last_clinician_visit: visit.map(day) }).unwrap()
    }

    fn flat(_: i32) -> Option<u8> {
        Some(5)
    }

    #[test]
    fn six_weeks_of_work_without_improvement_advises_and_twelve_weeks_is_firm() {
        assert!(at(41, flat, 100, 90, None).is_none(), "before 6 weeks");
        let six = at(42, flat, 100, 70, None).expect("6 weeks, 70 %");
        assert_eq!((six.rule.as_str(), six.level), ("R4", ReferralLevel::Advised));
        assert!(six.text.contains("70 %"), "{}", six.text);
        // rule R4, G: the 6-week banner names the bridges to ask about, not only the 12-week one.
        for needle in ["Manual therapy", "Taping", "night splint", "orthoses"] {
            assert!(six.options.iter().any(|o| o.contains(needle)), "{needle:?} in {:?}", six.options);
        }
        assert!(!six.text.contains("rule "), "no rule id in the sentence: {}", six.text);
        assert!(at(42, flat, 100, 69, None).is_none(), "under 70 % adherence the rule waits");
        let twelve = at(84, flat, 100, 10, None).expect("12 weeks, whatever the adherence");
        assert_eq!(twelve.level, ReferralLevel::Firm);
        assert_eq!(twelve.options.len(), 5);
    }

    #[test]
    fn improvement_or_a_clinician_visit_clears_the_banner() {
        // Baseline 6, then 3 from day 30: 3 points and 50 % lower — M1 reached.
        assert!(at(84, |d| Some(if d < 30 { 6 } else { 3 }), 100, 90, None).is_none());
        assert!(at(50, flat, 100, 90, Some(45)).is_none(), "visit on day 45 restarts the clock");
        assert_eq!(at(45 + 42, flat, 100, 90, Some(45)).map(|r| r.level), Some(ReferralLevel::Advised));
    }

    #[test]
    fn two_weeks_two_points_above_baseline_escalates_and_stays() {
        // Baseline 3 (days 0–6), then 5 from day 10: the 7-day mean reaches 5 on day 16.
        let worse = |d: i32| Some(if d < 10 { 3 } else { 5 });
        assert!(at(28, worse, 10, 1, None).is_none(), "13 days at +2 is not yet 2 weeks");
        let banner = at(29, worse, 10, 1, None).expect("14 days at +2");
        assert!(banner.text.contains("2 points above 3"), "{}", banner.text);
        assert_eq!(banner.options.len(), 4, "the worsening banner names the same options: {:?}", banner.options);
        // A slow creep of 1 point never escalates by itself.
        assert!(at(40, |d| Some(if d < 7 { 3 } else { 4 }), 10, 1, None).is_none());
        // It stays after the pain settles back to baseline (no M1 improvement reached).
        assert!(at(50, |d| Some(if d < 10 { 3 } else if d < 40 { 5 } else { 3 }), 10, 1, None).is_some());
    }
}
