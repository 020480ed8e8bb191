//! The recovery trend (PRODUCT §2.8; CLINICAL M1, M4): daily morning pain with gaps, a 7-day
//! rolling mean, weekly buckets, baseline and change, level changes and an honest expectation.
//! Screen-ready: shells draw it as given.
//!
//! Cost grows with the window, not the history: every query is a range on an indexed date column
//! (the pain table is keyed by date; the baseline reads at most 7 rows from an index).

use std::collections::{BTreeMap, HashSet};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::day::Day;
use crate::error::CoreError;
use crate::model::{DecisionAction, Frequency, Program, ProgramExercise, RedFlagLevel, Units};

use super::rows;

/// Mornings in the baseline and in "current" (rule M1: the first 7 logged days; 7-day mean).
use crate::clinical::pain::{meaningful_improvement, MEAN_DAYS as CURRENT_DAYS, PROGRAM_BASELINE_MORNINGS as BASELINE_MORNINGS};

/// One day of the window. `pain` is `None` when nothing was logged (a gap, never a zero).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct TrendDay {
    pub date: String,
    pub pain: Option<u8>,
    /// Mean of the scores logged in the 7 days ending on this date; `None` if none.
    pub rolling_mean: Option<f64>,
}

/// A 7-day block of the window, starting at the window's first day (not necessarily a Monday).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct TrendWeek {
    pub week_start: String,
    pub mean_pain: Option<f64>,
    /// Planned exercise-days of the block that have a session logged (so done ≤ planned).
    pub sessions_done: u32,
    /// Exercises the program showed the runner in the block, counting days on/after the program
    /// start: each day's plan after the safety screen in force that day (R2, R3) and V1 (rule RR3:
    /// an exercise the screen hid is never a missed session).
    pub sessions_planned: u32,
    pub run_km: f64,
    /// `run_km` as the runner reads it, in their units: "12.0 km", "7.5 mi".
    #[serde(default)]
    #[uniffi(default = "")]
    pub run: String,
}

/// A change of exercise level (a non-hold decision) inside the window, for chart markers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct LevelMarker {
    pub date: String,
    pub exercise_id: String,
    pub from_level: u32,
    pub to_level: u32,
}

/// What to expect, as honest ranges (rule M4), never a promise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Expectation {
    /// Whole weeks from the program start to the window end; `None` without a program.
    pub weeks_on_program: Option<u32>,
    pub text: String,
}

/// The trend for a 4, 8 or 12 week window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Trend {
    pub weeks: u32,
    pub start_date: String,
    pub end_date: String,
    pub days: Vec<TrendDay>,
    pub weekly: Vec<TrendWeek>,
    /// Mean of the first 7 logged mornings on/after the program start (or ever, without a
    /// program) and on/before the window end (rule M1). Fewer than 7: the mean of those logged.
    pub baseline: Option<f64>,
    /// How many mornings the baseline is made of (0..=7); improvement is only judged at 7.
    pub baseline_mornings: u32,
    /// Mean of the scores logged in the last 7 days of the window.
    pub current: Option<f64>,
    /// baseline − current: positive means less pain.
    pub change_points: Option<f64>,
    /// change_points relative to baseline, in percent; `None` when the baseline is 0.
    pub change_percent: Option<f64>,
    /// Rule M1: current ≥ 2 points and ≥ 30 % below a full 7-morning baseline.
    pub meaningful_improvement: bool,
    pub level_changes: Vec<LevelMarker>,
    pub expectation: Expectation,
    /// The PSFS mean (rule M2) of each rating date inside the window, oldest first; empty without
    /// ratings. Drawn by the shells next to the pain line.
    #[serde(default)]
    #[uniffi(default = [])]
    pub psfs: Vec<crate::clinical::psfs::PsfsScore>,
    /// The PSFS points in one sentence for the trend screen, e.g. "Activities you want back (PSFS):
    /// 3.0 on 2026-09-01 → 5.3 on 2026-09-15 (+2.3; rule M2)"; `None` without ratings in the window.
    #[serde(default)]
    #[uniffi(default = None)]
    pub psfs_text: Option<String>,
}

/// rule M2: the window's PSFS means in words — first and last rating dates and the change.
fn psfs_words(points: &[crate::clinical::psfs::PsfsScore]) -> Option<String> {
    let (first, last) = (points.first()?, points.last()?);
    if points.len() == 1 {
        return Some(format!("Activities you want back (PSFS): {:.1} out of 10 on {}.", first.score, first.date));
    }
    Some(format!(
        "Activities you want back (PSFS): {:.1} on {} → {:.1} on {} ({:+.1}; a change of 2 or more is beyond the noise).",
        first.score,
        first.date,
        last.score,
        last.date,
        last.score - first.score
    ))
}

/// Errors of [`compute`]: validation or SQLite (the journal names the file).
pub enum TrendError {
    /// Bad input (weeks, program start date).
    Core(CoreError),
    /// SQLite failed; the journal wraps it with the file path.
    Sql(rusqlite::Error),
}

impl From<CoreError> for TrendError {
    fn from(e: CoreError) -> Self {
        TrendError::Core(e)
    }
}

impl From<rusqlite::Error> for TrendError {
    fn from(e: rusqlite::Error) -> Self {
        TrendError::Sql(e)
    }
}

/// Computes the trend for the `weeks` weeks ending on `end` inclusive.
pub fn compute(conn: &Connection, end: Day, weeks: u32, program: Option<&Program>, units: Units) -> Result<Trend, TrendError> {
    if ![4, 8, 12].contains(&weeks) {
        return Err(CoreError::range("weeks", "4, 8 or 12", weeks).into());
    }
    let window_days = weeks as i32 * 7;
    let start = end.add_days(-(window_days - 1));
    let program_start = match program {
        Some(p) => Some(Day::parse("program.started_on", &p.started_on)?),
        None => None,
    };

    // Scores from 6 days before the window so the first days' rolling means are complete.
    let lookback = start.add_days(-(CURRENT_DAYS - 1));
    let pain: BTreeMap<Day, u8> = rows::in_range(
        conn,
        "SELECT date, score FROM pain WHERE date BETWEEN ?1 AND ?2",
        &lookback.iso(),
        &end.iso(),
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?)),
    )?
    .into_iter()
    .filter_map(|(d, s)| Day::parse("pain.date", &d).ok().map(|d| (d, s)))
    // Mornings logged before the program started are history, not recovery: the trend (its days,
    // 7-day means and "current") starts at the program's start, as the M1 baseline does.
    .filter(|(d, _)| program_start.is_none_or(|start| *d >= start))
    .collect();

    let days: Vec<TrendDay> = (0..window_days)
        .map(|i| {
            let day = start.add_days(i);
            TrendDay { date: day.iso(), pain: pain.get(&day).copied(), rolling_mean: mean(pain.range(day.add_days(-(CURRENT_DAYS - 1))..=day).map(|(_, &s)| s)) }
        })
        .collect();

    let baseline_scores = baseline_scores(conn, program_start, end)?;
    let baseline = mean(baseline_scores.iter().copied());
    let current = days.last().and_then(|d| d.rolling_mean);
    let change_points = baseline.zip(current).map(|(b, c)| b - c);
    let change_percent = change_points.zip(baseline).and_then(|(ch, b)| (b > 0.0).then(|| ch / b * 100.0));
    let meaningful_improvement = meaningful_improvement(baseline, baseline_scores.len(), current);

    let level_changes: Vec<LevelMarker> = rows::in_range(
        conn,
        &format!("SELECT {} FROM decisions WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id", rows::DECISION_COLUMNS),
        &start.iso(),
        &end.iso(),
        rows::decision_from_row,
    )?
    .into_iter()
    .filter(|d| d.action != DecisionAction::Hold)
    .map(|d| LevelMarker { date: d.date, exercise_id: d.exercise_id, from_level: d.from_level, to_level: d.to_level })
    .collect();

    let weekly = weekly_buckets(conn, start, end, weeks, &pain, program, program_start, &level_changes, units)?;

    let weeks_on_program = program_start.filter(|s| *s <= end).map(|s| (end.days_since(s) / 7) as u32);
    // rule R4: the referral clocks run from the program start, or from a clinician visit after it
    // (the banner's anchor), so the trend names the referral the home screen shows.
    let weeks_since_review = match program_start.filter(|s| *s <= end) {
        Some(start) => {
            let visit: Option<String> = conn
                .prepare_cached("SELECT max(date) FROM clinician_visits WHERE date <= ?1")?
                .query_row([end.iso()], |r| r.get(0))?;
            let anchor = visit.and_then(|d| Day::parse("clinician_visits.date", &d).ok()).filter(|v| *v > start).unwrap_or(start);
            Some((end.days_since(anchor) / 7) as u32)
        }
        None => None,
    };
    let expectation = Expectation {
        weeks_on_program,
        text: expectation_text(program_start.is_some(), weeks_on_program, weeks_since_review, meaningful_improvement, change_points),
    };

    Ok(Trend {
        weeks,
        start_date: start.iso(),
        end_date: end.iso(),
        days,
        weekly,
        baseline,
        baseline_mornings: baseline_scores.len() as u32,
        current,
        change_points,
        change_percent,
        meaningful_improvement,
        level_changes,
        expectation,
        psfs_text: None,
        psfs: super::psfs::means(conn, &start.iso(), &end.iso())?,
    })
    .map(|mut trend: Trend| {
        trend.psfs_text = psfs_words(&trend.psfs);
        trend
    })
}

fn mean(scores: impl Iterator<Item = u8>) -> Option<f64> {
    let (sum, n) = scores.fold((0u32, 0u32), |(s, n), x| (s + u32::from(x), n + 1));
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

/// The first 7 logged mornings on/after the program start (or ever) and on/before `end`:
/// an index range + LIMIT 7, so O(1) in the history length.
fn baseline_scores(conn: &Connection, program_start: Option<Day>, end: Day) -> rusqlite::Result<Vec<u8>> {
    let from = program_start.map(Day::iso).unwrap_or_else(|| "0000-00-00".into());
    rows::in_range(
        conn,
        &format!("SELECT score FROM pain WHERE date BETWEEN ?1 AND ?2 ORDER BY date LIMIT {BASELINE_MORNINGS}"),
        &from,
        &end.iso(),
        |r| r.get(0),
    )
}

#[allow(clippy::too_many_arguments)]
fn weekly_buckets(
    conn: &Connection,
    start: Day,
    end: Day,
    weeks: u32,
    pain: &BTreeMap<Day, u8>,
    program: Option<&Program>,
    program_start: Option<Day>,
    level_changes: &[LevelMarker],
    units: Units,
) -> Result<Vec<TrendWeek>, TrendError> {
    let done: HashSet<(Day, String)> = rows::in_range(
        conn,
        "SELECT DISTINCT date, exercise_id FROM sessions WHERE date BETWEEN ?1 AND ?2",
        &start.iso(),
        &end.iso(),
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
    )?
    .into_iter()
    .filter_map(|(d, id)| Day::parse("sessions.date", &d).ok().map(|d| (d, id)))
    .collect();
    let km_by_date: BTreeMap<String, f64> = rows::in_range(
        conn,
        "SELECT date, sum(distance_km) FROM runs WHERE date BETWEEN ?1 AND ?2 GROUP BY date",
        &start.iso(),
        &end.iso(),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?
    .into_iter()
    .collect();
    let schedules: Vec<ExerciseSchedule> = match (program, program_start) {
        (Some(p), Some(ps)) => p
            .exercises
            .iter()
            .map(|e| ExerciseSchedule::rebuild(conn, e, ps, level_changes))
            .collect::<Result<_, TrendError>>()?,
        _ => Vec::new(),
    };
    let screens = screens_in_force(conn, start, end)?;

    Ok((0..weeks as i32)
        .map(|w| {
            let first = start.add_days(w * 7);
            let (first_iso, last_iso) = (first.iso(), first.add_days(6).iso());
            let (mut planned, mut done_count) = (0u32, 0u32);
            for day in (0..7).map(|i| first.add_days(i)).filter(|d| program_start.is_some_and(|ps| *d >= ps)) {
                let Some(program) = program else { continue };
                // rule RR3: what the runner was asked to do that day is the plan they were shown.
                for exercise_id in shown_on(program, &schedules, &screens, day) {
                    planned += 1;
                    done_count += u32::from(done.contains(&(day, exercise_id)));
                }
            }
            // Start from +0.0: an empty float sum is -0.0, which would print as "-0.0 km".
            let run_km = km_by_date.range(first_iso.clone()..=last_iso).fold(0.0, |acc, (_, km)| acc + km);
            TrendWeek {
                week_start: first_iso.clone(),
                mean_pain: mean((0..7).filter_map(|i| pain.get(&first.add_days(i)).copied())),
                sessions_done: done_count,
                sessions_planned: planned,
                run_km,
                run: crate::model::distance(run_km, units),
            }
        })
        .collect())
}

/// One exercise's schedule over the window, rebuilt from its level changes so that past weeks are
/// planned as they were (level, daily or every-other-day, and the day that level started), not as
/// the current program is.
struct ExerciseSchedule {
    exercise: ProgramExercise,
    /// (first day, level, frequency) of each level in force during the window, oldest first.
    spans: Vec<(Day, u32, Frequency)>,
}

impl ExerciseSchedule {
    fn rebuild(conn: &Connection, exercise: &ProgramExercise, program_start: Day, window_changes: &[LevelMarker]) -> Result<Self, TrendError> {
        let id = exercise.exercise_id.as_str();
        let frequency_at = |level: u32| {
            crate::clinical::find_exercise(id).ok().and_then(|e| e.levels.get(level as usize).map(|l| l.frequency)).unwrap_or(exercise.frequency)
        };
        let changes: Vec<&LevelMarker> = window_changes.iter().filter(|m| m.exercise_id == id).collect();
        let spans = match changes.first() {
            None => vec![(Day::parse("level_started_on", &exercise.level_started_on)?, exercise.level, exercise.frequency)],
            Some(first) => {
                // The level before the window's first change started at the previous change (one
                // indexed lookup), or with the program.
                let previous: Option<String> = conn
                    .prepare_cached(
                        "SELECT date FROM decisions WHERE exercise_id = ?1 AND action IN ('progress', 'regress') AND date < ?2 ORDER BY date DESC LIMIT 1",
                    )?
                    .query_row([id, first.date.as_str()], |r| r.get(0))
                    .optional()?;
                let before = match previous {
                    Some(d) => Day::parse("decisions.date", &d)?,
                    None => program_start,
                };
                let mut spans = vec![(before, first.from_level, frequency_at(first.from_level))];
                for change in &changes {
                    spans.push((Day::parse("decisions.date", &change.date)?, change.to_level, frequency_at(change.to_level)));
                }
                spans
            }
        };
        Ok(ExerciseSchedule { exercise: exercise.clone(), spans })
    }

    /// The exercise as it stood on `day` (its level, frequency and the day that level started), or
    /// `None` before it started.
    fn as_of(&self, day: Day) -> Option<ProgramExercise> {
        let (from, level, frequency) = *self.spans.iter().rev().find(|(from, _, _)| *from <= day)?;
        let mut exercise = self.exercise.clone();
        exercise.level = level;
        exercise.frequency = frequency;
        exercise.level_started_on = from.iso();
        Some(exercise)
    }
}

/// A stored safety screen as it applies to the program: its date, level and the questions answered
/// "yes" (R2 keeps only work off the feet; an R3 flag may bar heavy levels).
type ScreenInForce = (Day, RedFlagLevel, Vec<String>);

/// The screens that decide the window's days: the newest one before the window and those inside
/// it, oldest first (date, then the order saved). Two indexed reads, whatever the history.
fn screens_in_force(conn: &Connection, start: Day, end: Day) -> Result<Vec<ScreenInForce>, TrendError> {
    let read = |r: &rusqlite::Row| -> rusqlite::Result<(String, RedFlagLevel, Vec<String>)> {
        Ok((r.get(0)?, rows::enum_from_text(1, r.get(1)?)?, rows::json_from_text(2, &r.get::<_, String>(2)?)?))
    };
    let before = conn
        .prepare_cached("SELECT date, level, flagged_json FROM safety_screens WHERE date < ?1 ORDER BY date DESC, id DESC LIMIT 1")?
        .query_row([start.iso()], read)
        .optional()?;
    let mut screens = Vec::new();
    for (date, level, flagged) in before.into_iter().chain(rows::in_range(
        conn,
        "SELECT date, level, flagged_json FROM safety_screens WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id",
        &start.iso(),
        &end.iso(),
        read,
    )?) {
        screens.push((Day::parse("safety_screens.date", &date)?, level, flagged));
    }
    Ok(screens)
}

/// rule RR3: the exercises the runner was shown on `day` — the program as it stood that day, under
/// the safety screen in force that day (R1: nothing; R2: only work off the feet; R3: heavy levels
/// one step lighter), the same view `for_safety_screen` gives the plan — and planned that day.
fn shown_on(program: &Program, schedules: &[ExerciseSchedule], screens: &[ScreenInForce], day: Day) -> Vec<String> {
    let as_of = Program {
        started_on: program.started_on.clone(),
        exercises: schedules.iter().filter_map(|s| s.as_of(day)).collect(),
        caution: None,
        caution_rule: None,
        cadence_cue: None,
        minutes_per_day: 0,
        set_aside: Vec::new(),
    };
    let shown = match screens.iter().rev().find(|(date, _, _)| *date <= day) {
        Some((_, level, flagged)) => crate::clinical::for_safety_screen(&as_of, *level, flagged),
        None => Some(as_of),
    };
    shown.map(|p| p.planned_on(day).into_iter().map(|e| e.exercise_id.clone()).collect()).unwrap_or_default()
}

/// Plain-language expectation (rule M4: 4–6 weeks to meaningful improvement, 8–12 to resolution
/// with consistent work; loading's benefit showed at 3 months, L1; many still have symptoms at
/// 1 year, Hansen 2018). Ranges, never promises. Without improvement it says the referral that
/// applies (rule R4), on the banner's clock (`weeks_since_review`: from the program start or a
/// later clinician visit): firm from 12 weeks, the 6-week check-in when the pain is not lower.
fn expectation_text(has_program: bool, weeks_on_program: Option<u32>, weeks_since_review: Option<u32>, improved: bool, change: Option<f64>) -> String {
    const RANGES: &str = "Many people notice a meaningful improvement after 4–6 weeks of consistent work and settle within 8–12 weeks; some take longer. These are typical ranges, not promises.";
    let Some(weeks) = weeks_on_program.filter(|_| has_program) else {
        return format!("Log your morning first-step pain each day to see your trend. {RANGES}");
    };
    if improved {
        return format!("Week {weeks} of your program: your morning pain is clearly lower than at the start (at least 2 points and 30 % below your baseline). Keep the consistent work going — recovery is often not a straight line.");
    }
    let review = weeks_since_review.unwrap_or(weeks);
    let not_lower = change.is_none_or(|c| c <= 0.0);
    match weeks {
        0..=3 => format!("Week {weeks} of your program: it is early. {RANGES}"),
        4..=5 => format!("Week {weeks} of your program: this is when many people start to notice change, but in trials the benefit of strength work showed at 3 months, not at 1. {RANGES}"),
        // rule R4: 12 weeks without a meaningful improvement — the firm referral.
        _ if review >= 12 => format!("Week {weeks} of your program and your morning pain has not improved meaningfully. After 12 weeks without a clear improvement, please see a physiotherapist or doctor: other treatments can help alongside the exercises, and your home screen lists the options to discuss."),
        // rule R4: 6 weeks of consistent work without improvement — worth a clinician's look.
        _ if not_lower && review >= 6 => format!("Week {weeks} of your program and your morning pain is not lower than at the start. After 6 weeks of consistent work without improvement, it is worth seeing a clinician to check the diagnosis and options."),
        _ if not_lower => format!("Week {weeks} of your program and your morning pain is not lower than at the start yet. Keep to the plan you discussed with your clinician and keep logging to see your direction."),
        6..=11 => format!("Week {weeks} of your program: some change, not yet a clear improvement. Settling often takes 8–12 weeks; if you are stuck, a clinician can help."),
        _ => format!("Week {weeks} of your program: heel pain can last longer than 12 weeks — in one hospital study most people still had some symptoms at a year. A clinician can review your plan; keep logging to see your direction."),
    }
}
