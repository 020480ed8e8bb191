//! The Patient-Specific Functional Scale (CLINICAL M2; PRODUCT §13 "outcome beyond pain"): 3–5
//! activities the runner names, each rated 0–10 (0 = unable, 10 = as before the injury) at the
//! start, every 2 weeks and at re-assessment. Detectable change (Stratford 1995): 2 points on the
//! average, 3 points for one activity.
//!
//! Pure: the journal reads the activities and ratings, [`summarize`] turns them into the
//! screen-ready [`Psfs`]. Worded as progress, never as a diagnosis (X1).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::day::Day;
use crate::error::{CoreError, Result};

/// rule M2: the runner names 3–5 activities.
pub const MIN_ACTIVITIES: usize = 3;
/// rule M2: the runner names 3–5 activities.
pub const MAX_ACTIVITIES: usize = 5;
/// rule M2: each activity is rated 0–10 (0 = unable, 10 = as before the injury).
pub const MAX_SCORE: u8 = 10;
/// rule M2: a change of 2 points on the average is detectable (Stratford 1995).
pub const DETECTABLE_MEAN_CHANGE: f64 = 2.0;
/// rule M2: a change of 3 points for one activity is detectable (Stratford 1995).
pub const DETECTABLE_ACTIVITY_CHANGE: i32 = 3;
/// rule M2: rated every 2 weeks.
pub const RATE_EVERY_DAYS: i32 = 14;
/// design choice: an activity name is 1..=100 characters after trimming (the schema's CHECK).
pub const NAME_MAX_CHARS: usize = 100;

/// One activity the runner named (rule M2). `id` is stable: renaming the list keeps the ids of
/// names that stay, so their history stays attached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct PsfsActivity {
    pub id: i64,
    pub name: String,
    /// The day it was first named, YYYY-MM-DD.
    pub added_on: String,
}

/// One score given when rating (input of `rate_psfs`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct PsfsRating {
    pub activity_id: i64,
    /// 0 = unable, 10 = as before the injury (rule M2).
    pub score: u8,
}

/// A stored rating: one activity's score on one date (the journal and backup row).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PsfsRatingEntry {
    pub date: String,
    pub activity_id: i64,
    pub score: u8,
}

/// A dated score: one activity's rating (a whole number) or the mean of a date's ratings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct PsfsScore {
    pub date: String,
    pub score: f64,
}

/// One activity with its first and latest rating.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct PsfsActivityProgress {
    pub id: i64,
    pub name: String,
    pub first: Option<PsfsScore>,
    pub latest: Option<PsfsScore>,
    /// latest − first; `None` until the activity was rated on two dates.
    pub change: Option<i32>,
    /// rule M2: |change| ≥ 3 points for one activity.
    pub detectable: bool,
}

/// The PSFS screen: activities, averages, whether a rating is due, and one plain sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Psfs {
    /// The active activities, in the order they were first named (their id).
    pub activities: Vec<PsfsActivityProgress>,
    /// Mean of the rated activities' first scores.
    pub mean_first: Option<f64>,
    /// Mean of the same activities' latest scores.
    pub mean_latest: Option<f64>,
    /// mean_latest − mean_first; `None` until some activity was rated on two dates.
    pub mean_change: Option<f64>,
    /// rule M2: the average improved by ≥ 2 points.
    pub detectable_change: bool,
    /// A rating is due today (none yet, 14 days since the last, or a re-assessment since).
    pub due: bool,
    pub due_reason: Option<String>,
    /// When the next rating is due, YYYY-MM-DD (today or earlier when `due`).
    pub next_due: Option<String>,
    /// One plain sentence for the progress screen.
    pub text: String,
    /// The rule behind the scale and its sentences ("M2"), for a detail label (CLINICAL X4).
    pub rule: String,
}

/// What [`summarize`] needs: the active activities (ordered by id), every stored rating, the
/// latest assessment date and today.
pub struct PsfsInput<'a> {
    pub activities: &'a [PsfsActivity],
    pub ratings: &'a [PsfsRatingEntry],
    pub last_assessment: Option<Day>,
    pub today: Day,
}

/// Validates the names of `set_psfs_activities` (rule M2: 3–5, each trimmed 1..=100 characters, no
/// duplicates ignoring case) and returns them trimmed.
pub fn validate_names(names: &[String]) -> Result<Vec<String>> {
    if !(MIN_ACTIVITIES..=MAX_ACTIVITIES).contains(&names.len()) {
        return Err(CoreError::invalid(
            "names",
            format!("name {MIN_ACTIVITIES} to {MAX_ACTIVITIES} activities (you named {})", names.len()),
        ));
    }
    let mut seen = BTreeMap::new();
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let field = format!("names[{i}]");
        let trimmed = name.trim();
        let n = trimmed.chars().count();
        if n == 0 || n > NAME_MAX_CHARS {
            return Err(CoreError::range(format!("{field} length"), format!("1..={NAME_MAX_CHARS} characters after trimming"), n));
        }
        if let Some(first) = seen.insert(trimmed.to_lowercase(), i) {
            return Err(CoreError::invalid(field, format!("{trimmed:?} repeats activity {}; name each activity once", first + 1)));
        }
        out.push(trimmed.to_string());
    }
    Ok(out)
}

/// Validates the ratings of `rate_psfs` against the active activities: every one rated exactly
/// once, scores 0..=10 (rule M2), no unknown ids.
pub fn validate_ratings(active: &[PsfsActivity], ratings: &[PsfsRating]) -> Result<()> {
    if active.is_empty() {
        return Err(CoreError::state("name 3 to 5 activities before rating them"));
    }
    let allowed = || active.iter().map(|a| format!("{} ({})", a.id, a.name)).collect::<Vec<_>>().join(", ");
    let mut rated = BTreeSet::new();
    for (i, r) in ratings.iter().enumerate() {
        if !active.iter().any(|a| a.id == r.activity_id) {
            return Err(CoreError::unknown("PSFS activity", r.activity_id.to_string(), allowed()));
        }
        if !rated.insert(r.activity_id) {
            return Err(CoreError::invalid(format!("ratings[{i}].activity_id"), format!("activity {} is rated twice; rate each once", r.activity_id)));
        }
        if r.score > MAX_SCORE {
            return Err(CoreError::range(format!("ratings[{i}].score"), format!("0..={MAX_SCORE}"), r.score));
        }
    }
    if let Some(missing) = active.iter().find(|a| !rated.contains(&a.id)) {
        return Err(CoreError::missing(
            "ratings",
            format!("activity {} ({:?}) has no score; rate every activity once (0 = unable, 10 = as before the injury)", missing.id, missing.name),
        ));
    }
    Ok(())
}

/// The screen-ready PSFS from the stored history (rule M2).
pub fn summarize(input: &PsfsInput<'_>) -> Result<Psfs> {
    // Ratings per activity, in date order.
    let mut by_activity: BTreeMap<i64, Vec<(Day, u8)>> = BTreeMap::new();
    let mut last_rating: Option<Day> = None;
    for r in input.ratings {
        let day = Day::parse("psfs_ratings.date", &r.date)?;
        by_activity.entry(r.activity_id).or_default().push((day, r.score));
        last_rating = last_rating.max(Some(day));
    }
    let activities: Vec<PsfsActivityProgress> = input
        .activities
        .iter()
        .map(|a| {
            let mut scores = by_activity.get(&a.id).cloned().unwrap_or_default();
            crate::sort::sort_by(&mut scores, |a, b| a.cmp(b));
            let first = scores.first().copied();
            let latest = scores.last().copied();
            // design choice: no change until the activity was rated on a second date.
            let change = match (first, latest) {
                (Some((d1, s1)), Some((d2, s2))) if d2 > d1 => Some(i32::from(s2) - i32::from(s1)),
                _ => None,
            };
            let score = |(d, s): (Day, u8)| PsfsScore { date: d.iso(), score: f64::from(s) };
            PsfsActivityProgress {
                id: a.id,
                name: a.name.clone(),
                first: first.map(score),
                latest: latest.map(score),
                change,
                // rule M2: 3 points for one activity.
                detectable: change.is_some_and(|c| c.abs() >= DETECTABLE_ACTIVITY_CHANGE),
            }
        })
        .collect();

    // design choice: the averages compare the same activities on both sides — each rated active
    // activity's own first and latest score (one named later counts from its own first rating).
    let rated: Vec<&PsfsActivityProgress> = activities.iter().filter(|a| a.first.is_some()).collect();
    // Scores are whole numbers, so these f64 sums are exact (no rounding at thirds).
    let n = rated.len() as f64;
    let sum_first: f64 = rated.iter().filter_map(|a| a.first.as_ref()).map(|s| s.score).sum();
    let sum_latest: f64 = rated.iter().filter_map(|a| a.latest.as_ref()).map(|s| s.score).sum();
    let mean_first = (!rated.is_empty()).then(|| sum_first / n);
    let mean_latest = (!rated.is_empty()).then(|| sum_latest / n);
    let changed = rated.iter().any(|a| a.change.is_some());
    let mean_change = changed.then(|| (sum_latest - sum_first) / n);
    // rule M2: the average improved by ≥ 2 points, compared on the exact sums.
    let detectable_change = changed && sum_latest - sum_first >= DETECTABLE_MEAN_CHANGE * n;

    let (due, due_reason, next_due) = if activities.is_empty() {
        (false, None, None)
    } else {
        due(last_rating, input.last_assessment, input.today)
    };
    let text = text(activities.len(), mean_first, mean_latest, mean_change, next_due.as_deref());
    Ok(Psfs { activities, mean_first, mean_latest, mean_change, detectable_change, due, due_reason, next_due, text, rule: "M2".into() })
}

/// rule M2: rated at the start, every 2 weeks and at re-assessment.
fn due(last_rating: Option<Day>, last_assessment: Option<Day>, today: Day) -> (bool, Option<String>, Option<String>) {
    let Some(last) = last_rating else {
        return (true, Some("Rate your activities once to set your starting point.".into()), Some(today.iso()));
    };
    // design choice: an assessment on the same day as the rating needs no second rating.
    if let Some(assessed) = last_assessment.filter(|a| *a > last) {
        return (
            true,
            Some(format!("Rate your activities: you re-assessed on {assessed}.")),
            Some(assessed.iso()),
        );
    }
    let next = last.add_days(RATE_EVERY_DAYS);
    if today >= next {
        let days = today.days_since(last);
        (true, Some(format!("Rate your activities: it has been {days} days since {last} (they are rated every 2 weeks).")), Some(next.iso()))
    } else {
        (false, None, Some(next.iso()))
    }
}

/// One sentence, worded as progress (X1), never as a diagnosis.
fn text(activities: usize, first: Option<f64>, latest: Option<f64>, change: Option<f64>, next_due: Option<&str>) -> String {
    if activities == 0 {
        return "Name 3 to 5 activities your heel limits, to follow what you can do as well as your pain.".into();
    }
    let (Some(first), Some(latest)) = (first, latest) else {
        return "Your activities: rate them once (0 = unable, 10 = as before the injury) to set your starting point.".into();
    };
    let Some(change) = change else {
        let next = next_due.map(|d| format!("; rate them again on {d} to see the change")).unwrap_or_default();
        return format!("Your activities: {first:.1} on average at the start (0 = unable, 10 = as before the injury){next}.");
    };
    let sign = if change > 0.0 { "+" } else if change < 0.0 { "−" } else { "±" };
    let size = format!("{sign}{:.1}", change.abs());
    // rule M2: 2 points on the average is the detectable change.
    let meaning = if change >= DETECTABLE_MEAN_CHANGE - 1e-9 {
        "a change beyond the 2-point noise"
    } else if change <= -DETECTABLE_MEAN_CHANGE + 1e-9 {
        "a drop beyond the 2-point noise"
    } else {
        "within the 2-point noise"
    };
    format!("Your activities: {first:.1} → {latest:.1} on average ({size}, {meaning})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse("d", text).unwrap()
    }

    fn acts(n: i64) -> Vec<PsfsActivity> {
        (1..=n).map(|id| PsfsActivity { id, name: format!("activity {id}"), added_on: "2026-09-01".into() }).collect()
    }

    fn rated(entries: &[(&str, i64, u8)]) -> Vec<PsfsRatingEntry> {
        entries.iter().map(|&(date, activity_id, score)| PsfsRatingEntry { date: date.into(), activity_id, score }).collect()
    }

    struct Case {
        name: &'static str,
        activities: i64,
        ratings: &'static [(&'static str, i64, u8)],
        assessed: Option<&'static str>,
        today: &'static str,
        mean_change: Option<f64>,
        detectable_change: bool,
        detectable: &'static [bool],
        due: bool,
        next_due: Option<&'static str>,
    }

    #[test]
    fn histories_table() {
        let cases = [
            Case { name: "no activities: nothing due", activities: 0, ratings: &[], assessed: None, today: "2026-09-01",
                mean_change: None, detectable_change: false, detectable: &[], due: false, next_due: None },
            Case { name: "named, never rated: due today", activities: 3, ratings: &[], assessed: Some("2026-09-01"), today: "2026-09-01",
                mean_change: None, detectable_change: false, detectable: &[false, false, false], due: true, next_due: Some("2026-09-01") },
            Case { name: "rated at the start: due again in 14 days", activities: 3,
                ratings: &[("2026-09-01", 1, 3), ("2026-09-01", 2, 4), ("2026-09-01", 3, 4)], assessed: Some("2026-09-01"), today: "2026-09-14",
                mean_change: None, detectable_change: false, detectable: &[false, false, false], due: false, next_due: Some("2026-09-15") },
            Case { name: "14 days later: due", activities: 3,
                ratings: &[("2026-09-01", 1, 3), ("2026-09-01", 2, 4), ("2026-09-01", 3, 4)], assessed: Some("2026-09-01"), today: "2026-09-15",
                mean_change: None, detectable_change: false, detectable: &[false, false, false], due: true, next_due: Some("2026-09-15") },
            Case { name: "re-assessed after the rating: due", activities: 3,
                ratings: &[("2026-09-01", 1, 3), ("2026-09-01", 2, 4), ("2026-09-01", 3, 4)], assessed: Some("2026-09-08"), today: "2026-09-09",
                mean_change: None, detectable_change: false, detectable: &[false, false, false], due: true, next_due: Some("2026-09-08") },
            Case { name: "+2.3 on average, +3 on two activities", activities: 3,
                ratings: &[("2026-09-01", 1, 3), ("2026-09-01", 2, 4), ("2026-09-01", 3, 4),
                           ("2026-09-15", 1, 6), ("2026-09-15", 2, 5), ("2026-09-15", 3, 7)], assessed: Some("2026-09-01"), today: "2026-09-15",
                mean_change: Some(7.0 / 3.0), detectable_change: true, detectable: &[true, false, true], due: false, next_due: Some("2026-09-29") },
            Case { name: "exactly +2.0 with thirds is detectable", activities: 3,
                ratings: &[("2026-09-01", 1, 5), ("2026-09-01", 2, 5), ("2026-09-01", 3, 4),
                           ("2026-09-15", 1, 7), ("2026-09-15", 2, 7), ("2026-09-15", 3, 6)], assessed: None, today: "2026-09-16",
                mean_change: Some(2.0), detectable_change: true, detectable: &[false, false, false], due: false, next_due: Some("2026-09-29") },
            Case { name: "+1.7 is within the noise", activities: 3,
                ratings: &[("2026-09-01", 1, 3), ("2026-09-01", 2, 4), ("2026-09-01", 3, 4),
                           ("2026-09-15", 1, 5), ("2026-09-15", 2, 6), ("2026-09-15", 3, 5)], assessed: None, today: "2026-09-16",
                mean_change: Some(5.0 / 3.0), detectable_change: false, detectable: &[false, false, false], due: false, next_due: Some("2026-09-29") },
            Case { name: "a drop of 3 on one activity is detectable, the mean drop is not an improvement", activities: 3,
                ratings: &[("2026-09-01", 1, 6), ("2026-09-01", 2, 6), ("2026-09-01", 3, 6),
                           ("2026-09-15", 1, 3), ("2026-09-15", 2, 3), ("2026-09-15", 3, 3)], assessed: None, today: "2026-09-20",
                mean_change: Some(-3.0), detectable_change: false, detectable: &[true, true, true], due: false, next_due: Some("2026-09-29") },
            Case { name: "an activity named later counts from its own first rating", activities: 4,
                ratings: &[("2026-09-01", 1, 2), ("2026-09-01", 2, 2), ("2026-09-01", 3, 2),
                           ("2026-09-15", 1, 5), ("2026-09-15", 2, 5), ("2026-09-15", 3, 5), ("2026-09-15", 4, 1)], assessed: None, today: "2026-09-15",
                mean_change: Some(9.0 / 4.0), detectable_change: true, detectable: &[true, true, true, false], due: false, next_due: Some("2026-09-29") },
        ];
        for case in &cases {
            let activities = acts(case.activities);
            let ratings = rated(case.ratings);
            let psfs = summarize(&PsfsInput {
                activities: &activities,
                ratings: &ratings,
                last_assessment: case.assessed.map(day),
                today: day(case.today),
            })
            .unwrap();
            let name = case.name;
            match (psfs.mean_change, case.mean_change) {
                (Some(got), Some(want)) => assert!((got - want).abs() < 1e-9, "{name}: mean change {got} ≠ {want}"),
                (got, want) => assert_eq!(got, want, "{name}: mean change"),
            }
            assert_eq!(psfs.detectable_change, case.detectable_change, "{name}: detectable change");
            assert_eq!(psfs.activities.iter().map(|a| a.detectable).collect::<Vec<_>>(), case.detectable, "{name}: per activity");
            assert_eq!(psfs.due, case.due, "{name}: due ({:?})", psfs.due_reason);
            assert_eq!(psfs.due_reason.is_some(), case.due, "{name}: a reason exactly when due");
            assert_eq!(psfs.next_due.as_deref(), case.next_due, "{name}: next due");
            assert!(!psfs.text.is_empty() && !psfs.text.contains("M2") && psfs.rule == "M2", "{name}: {}", psfs.text);
        }
    }

    #[test]
    fn the_text_reads_as_progress() {
        let activities = acts(3);
        let ratings = rated(&[
            ("2026-09-01", 1, 3), ("2026-09-01", 2, 4), ("2026-09-01", 3, 4),
            ("2026-09-15", 1, 6), ("2026-09-15", 2, 5), ("2026-09-15", 3, 7),
        ]);
        let psfs = summarize(&PsfsInput { activities: &activities, ratings: &ratings, last_assessment: None, today: day("2026-09-15") }).unwrap();
        assert_eq!(psfs.text, "Your activities: 3.7 → 6.0 on average (+2.3, a change beyond the 2-point noise)");
        assert_eq!(psfs.rule, "M2");
        let first = rated(&[("2026-09-01", 1, 3), ("2026-09-01", 2, 4), ("2026-09-01", 3, 4)]);
        let psfs = summarize(&PsfsInput { activities: &activities, ratings: &first, last_assessment: None, today: day("2026-09-20") }).unwrap();
        assert_eq!(psfs.due_reason.as_deref(), Some("Rate your activities: it has been 19 days since 2026-09-01 (they are rated every 2 weeks)."));
        assert!(psfs.text.contains("3.7 on average at the start"), "{}", psfs.text);
    }

    #[test]
    fn names_and_ratings_are_validated() {
        let two = vec!["a".to_string(), "b".to_string()];
        assert_eq!(validate_names(&two).unwrap_err().to_string(), "The activities: name 3 to 5 activities (you named 2)");
        let dup = vec!["Run 5 km".to_string(), " stairs ".to_string(), "RUN 5 KM".to_string()];
        assert!(validate_names(&dup).unwrap_err().located().starts_with("names[2]:"));
        let blank = vec!["a".to_string(), "  ".to_string(), "c".to_string()];
        assert!(validate_names(&blank).unwrap_err().located().starts_with("names[1] length"));
        assert_eq!(validate_names(&["a ".into(), " b".into(), "c".into()]).unwrap(), vec!["a", "b", "c"]);

        let active = acts(3);
        let r = |pairs: &[(i64, u8)]| pairs.iter().map(|&(activity_id, score)| PsfsRating { activity_id, score }).collect::<Vec<_>>();
        assert!(validate_ratings(&active, &r(&[(1, 0), (2, 10), (3, 5)])).is_ok());
        assert!(matches!(validate_ratings(&active, &r(&[(1, 1), (2, 1), (9, 1)])), Err(CoreError::UnknownId { id, .. }) if id == "9"));
        assert!(validate_ratings(&active, &r(&[(1, 1), (2, 11), (3, 1)])).unwrap_err().located().starts_with("ratings[1].score must be in 0..=10"));
        assert!(validate_ratings(&active, &r(&[(1, 1), (1, 1), (3, 1)])).unwrap_err().located().starts_with("ratings[1].activity_id"));
        assert!(matches!(validate_ratings(&active, &r(&[(1, 1), (2, 1)])), Err(CoreError::Missing { .. })));
        assert!(matches!(validate_ratings(&[], &r(&[])), Err(CoreError::InvalidState(_))));
    }
}
