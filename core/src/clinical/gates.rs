//! What a day's morning allows (CLINICAL P7, P8): a flare morning cuts the day's load at once, and
//! hopping levels wait behind the impact gate. Pure functions over the validated mornings and the
//! hop checks; the progression rules and the day's plan both read them, so the plan shows exactly
//! what the stored decisions say.

use crate::clinical::library::{find_exercise, light_level};
use crate::clinical::pain::{flare_on, format_score, Flare, Morning, MEAN_DAYS};
use crate::day::Day;
use crate::error::{check_pain, Result};
use crate::model::{HopCheck, Program, ProgramExercise, RuleNote};

/// rule P8: the levels that hop (the foot ladder's single-leg hops, the hip ladder's hop and stick).
/// A unit test checks that every level whose words mention hops or jumps is listed here.
const HOPPING_LEVELS: [(&str, u32); 2] = [("towel_scrunch", 3), ("side_lying_hip_abduction", 4)];
/// rule P8: the 7-day mean of morning pain may be at most 2…
pub const IMPACT_MEAN_MAX: f64 = 2.0;
/// …with no flare (P3) in the last 7 days…
pub const IMPACT_FLARE_DAYS: i32 = 7;
/// …and a hop check passed in the last 14 days (10 hops on the affected side, pain ≤ 2: RR1's item).
pub const HOP_CHECK_DAYS: i32 = 14;
pub const HOP_CHECK_PAIN_MAX: u8 = crate::clinical::return_to_run::TEST_PAIN_LIMIT;
/// design choice (rule P8): after a failed hop check the question comes back 7 days later (not the
/// next morning: the heel needs time to settle, and asking daily invites hopping on a sore heel).
pub const HOP_CHECK_RETRY_DAYS: i32 = 7;

/// rule P8: whether level `level` of `id` includes hops or jumps.
pub(crate) fn is_hopping(id: &str, level: u32) -> bool {
    HOPPING_LEVELS.contains(&(id, level))
}

/// rule P8: the highest level of `id` at or below `level` without hops.
fn below_hops(id: &str, level: u32) -> Option<u32> {
    (0..=level).rev().find(|l| !is_hopping(id, *l))
}

/// A hop check graded (rule P8: pain 2 or less passes).
pub(crate) fn hop_check(date: Day, pain: i64) -> Result<HopCheck> {
    let pain = check_pain("pain", pain)?;
    Ok(HopCheck { date: date.iso(), pain, passed: pain <= HOP_CHECK_PAIN_MAX })
}

/// The level's name as it reads inside a sentence: first letter lower case, and without the level
/// code a program stored before CLINICAL X4 may still carry ("L3 Single-leg hops, arch held" →
/// "single-leg hops, arch held").
pub(crate) fn plain_level_name(name: &str) -> String {
    let mut words = name.splitn(2, ' ');
    let bare = match (words.next(), words.next()) {
        (Some(code), Some(rest)) if code.len() >= 2 && code.starts_with('L') && code[1..].chars().all(|c| c.is_ascii_digit()) => rest,
        _ => name,
    };
    let mut chars = bare.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// rule P8: where the runner stands against the impact gate on a day.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ImpactGate {
    /// The day judged.
    pub day: Day,
    /// Mean of the mornings logged in the 7 days ending on the day (`None`: none logged).
    pub mean: Option<f64>,
    /// The newest flare (P3) of the last 7 days, the day included.
    pub flare: Option<Flare>,
    /// The newest passed hop check of the last 14 days.
    pub passed_check: Option<Day>,
    /// The newest hop check of all, and whether it passed.
    pub last_check: Option<(Day, bool)>,
}

impl ImpactGate {
    fn mean_ok(&self) -> bool {
        self.mean.is_some_and(|m| m <= IMPACT_MEAN_MAX + 1e-9)
    }

    /// The mornings allow hops (mean ≤ 2, no flare in 7 days): only the hop check may be missing.
    pub fn mornings_ok(&self) -> bool {
        self.mean_ok() && self.flare.is_none()
    }

    /// rule P8: every condition met.
    pub fn open(&self) -> bool {
        self.mornings_ok() && self.passed_check.is_some()
    }

    /// The missing conditions in plain words (empty when open).
    pub fn missing(&self) -> Vec<String> {
        let mut missing = Vec::new();
        match self.mean {
            None => missing.push("morning pain logged over the last 7 days, averaging 2 or less".to_string()),
            Some(mean) if !self.mean_ok() => {
                missing.push(format!("morning pain averaging 2 or less over the last 7 days (yours is {})", format_score(mean)))
            }
            Some(_) => {}
        }
        if let Some(flare) = &self.flare {
            missing.push(format!("7 days without a flare (on {} {})", flare.day.iso(), flare.words()));
        }
        if self.passed_check.is_none() {
            missing.push("a hop check in the last 14 days: 10 hops on the affected foot with heel pain 2 or less".to_string());
        }
        missing
    }
}

/// rule P8: the gate on `day` from the mornings and the hop checks (RR1 self-tests' hop items
/// included by the caller). Checks dated after `day` are not seen.
pub(crate) fn impact_gate(mornings: &[Morning], hop_checks: &[HopCheck], day: Day) -> Result<ImpactGate> {
    let recent: Vec<f64> =
        mornings.iter().filter(|m| m.day <= day && day.days_since(m.day) < MEAN_DAYS).map(|m| f64::from(m.score)).collect();
    let mean = (!recent.is_empty()).then(|| recent.iter().sum::<f64>() / recent.len() as f64);
    let flare = (0..IMPACT_FLARE_DAYS).find_map(|back| flare_on(mornings, day.add_days(-back)));
    let mut checks: Vec<(Day, bool)> = Vec::with_capacity(hop_checks.len());
    for check in hop_checks {
        let date = Day::parse("hop_check.date", &check.date)?;
        if date <= day {
            checks.push((date, check.passed));
        }
    }
    crate::sort::sort_by_key(&mut checks, |(d, _)| *d);
    let passed_check = checks.iter().rev().find(|(d, passed)| *passed && day.days_since(*d) < HOP_CHECK_DAYS).map(|(d, _)| *d);
    Ok(ImpactGate { day, mean, flare, passed_check, last_check: checks.last().copied() })
}

/// What the morning of a day allows.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DayGates {
    /// rule P7: this morning is a flare (P3).
    pub flare: Option<Flare>,
    pub impact: ImpactGate,
}

pub(crate) fn day_gates(mornings: &[Morning], hop_checks: &[HopCheck], day: Day) -> Result<DayGates> {
    Ok(DayGates { flare: flare_on(mornings, day), impact: impact_gate(mornings, hop_checks, day)? })
}

/// The program as shown on a day, with the notes that explain it:
/// - rule P7: on a flare morning no heavy level (a backpack load, hops) is shown: such an exercise
///   is shown at its highest lighter level (the one-level regression itself is a stored decision);
/// - rule P8: with the impact gate closed, a hopping level is shown one level lower.
///
/// Stored levels and start dates are untouched, as under R2 and R3.
pub(crate) struct ShownDay {
    pub program: Program,
    pub flare: Option<RuleNote>,
    pub impact_hold: Option<RuleNote>,
    pub hop_check_question: Option<String>,
}

/// rule P7 / P8 applied to the program the runner follows under the safety screen. `may_hop` is
/// false while the screen bars impact or heavy loading (R2, R3): then no hop question is asked.
pub(crate) fn shown_on(program: &Program, gates: &DayGates, may_hop: bool) -> ShownDay {
    let mut shown = program.clone();
    let mut held: Vec<String> = Vec::new();
    for exercise in shown.exercises.iter_mut() {
        let id = exercise.exercise_id.clone();
        let target = if gates.flare.is_some() {
            light_level(&id, exercise.level) // rule P7: no backpack, no hops today
        } else if is_hopping(&id, exercise.level) && !gates.impact.open() {
            below_hops(&id, exercise.level) // rule P8
        } else {
            None
        };
        let Some(level) = target.filter(|l| *l != exercise.level) else { continue };
        if gates.flare.is_none() {
            held.push(format!("{} ({})", exercise.name.to_lowercase(), plain_level_name(&exercise.level_name)));
        }
        if let Some(lower) = shown_at(exercise, level) {
            *exercise = lower;
        }
    }
    shown.minutes_per_day = crate::clinical::program::minutes_per_day(&shown);
    let flare = gates.flare.as_ref().map(|flare| RuleNote {
        text: format!(
            "A flare this morning: {}. Today's exercises are one level easier, with no backpack load and no hops; \
             pain during them may reach 5 and should settle by tomorrow morning. Flares are normal, not failure.",
            flare.words()
        ),
        rule: "P7".to_string(),
    });
    let impact_hold = (!held.is_empty()).then(|| RuleNote {
        text: format!(
            "Hops wait: {} is shown one level lower until you have {}.",
            held.join(" and "),
            gates.impact.missing().join(", ")
        ),
        rule: "P8".to_string(),
    });
    let hop_check_question = (may_hop && hop_check_due(program, &gates.impact, gates.flare.is_some())).then(|| {
        "Hop check: on the affected foot, do 10 small single-leg hops on the spot, landing softly. How much did your heel hurt \
         during or after them (0–10)? Skip it if you would rather not hop today."
            .to_string()
    });
    ShownDay { program: shown, flare, impact_hold, hop_check_question }
}

/// rule P8: the hop check is asked when an exercise's next level (or its stored level, shown lower)
/// hops, the mornings already allow hops (design choice: no hopping test on a sore heel), no passed
/// check of the last 14 days opens the gate, and no check failed in the last 7 days (design choice).
fn hop_check_due(program: &Program, gate: &ImpactGate, flare_today: bool) -> bool {
    let hop_next = program.exercises.iter().any(|e| is_hopping(&e.exercise_id, e.level + 1) || is_hopping(&e.exercise_id, e.level));
    let recently_failed = gate.last_check.is_some_and(|(d, passed)| !passed && gate.day.days_since(d) < HOP_CHECK_RETRY_DAYS);
    hop_next && !flare_today && gate.mornings_ok() && gate.passed_check.is_none() && !recently_failed
}

fn shown_at(exercise: &ProgramExercise, level: u32) -> Option<ProgramExercise> {
    let started = Day::parse("level_started_on", &exercise.level_started_on).ok()?;
    crate::clinical::library::program_exercise(&exercise.exercise_id, level, exercise.sides, started).ok()
}

/// rule P8: the name of the level an exercise would hop at, for reasons.
pub(crate) fn level_words(id: &str, level: u32) -> String {
    find_exercise(id).ok().and_then(|e| e.levels.get(level as usize).map(|l| plain_level_name(&l.name))).unwrap_or_else(|| format!("level {}", level + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_that_hops_or_jumps_is_a_hopping_level() {
        // rule P8: found from the library's own words, so a new hopping level cannot slip past.
        for exercise in crate::clinical::library::exercise_library() {
            for level in &exercise.levels {
                let words = format!("{} {}", level.name, level.how_to.join(" ")).to_lowercase();
                let hops = words.contains("hop") || words.contains("jump");
                assert_eq!(is_hopping(&exercise.id, level.level), hops, "{} level {}: {words}", exercise.id, level.level);
            }
        }
        assert_eq!(below_hops("towel_scrunch", 3), Some(2));
        assert_eq!(below_hops("side_lying_hip_abduction", 4), Some(3));
        assert_eq!(plain_level_name("L3 single-leg hops, arch held"), "single-leg hops, arch held");
        assert_eq!(plain_level_name("Single-leg hops, arch held"), "single-leg hops, arch held");
        assert_eq!(plain_level_name("10 × 10 s stretch"), "10 × 10 s stretch");
    }

    fn morning(offset: i32, score: u8) -> Morning {
        Morning { day: Day::parse("t", "2026-09-01").unwrap().add_days(offset), score }
    }

    #[test]
    fn the_gate_needs_calm_mornings_no_recent_flare_and_a_recent_hop_check() {
        let day = Day::parse("t", "2026-09-01").unwrap().add_days(20);
        let calm: Vec<Morning> = (0..=20).map(|d| morning(d, 1)).collect();
        let check = |offset: i32, pain: u8| HopCheck { date: day.add_days(-offset).iso(), pain, passed: pain <= 2 };
        assert!(impact_gate(&calm, &[check(13, 1)], day).unwrap().open());
        // 14 days old: too old; a failed one does not count; a check after the day is not seen.
        let old = impact_gate(&calm, &[check(14, 1), check(2, 4), check(-1, 0)], day).unwrap();
        assert!(!old.open() && old.mornings_ok());
        assert_eq!(old.missing(), vec!["a hop check in the last 14 days: 10 hops on the affected foot with heel pain 2 or less".to_string()]);
        // A 7-day mean of 2.1 closes it; a flare 6 days ago closes it, 7 days ago no longer.
        let mut sore = calm.clone();
        sore[20].score = 2;
        sore[19].score = 2;
        sore[18].score = 2;
        sore[17].score = 2;
        sore[16].score = 2;
        sore[15].score = 2;
        sore[14].score = 3;
        let gate = impact_gate(&sore, &[check(1, 0)], day).unwrap();
        assert!(!gate.open() && gate.missing()[0].contains("(yours is 2.1)"), "{:?}", gate.missing());
        let mut flared = calm.clone();
        flared[14].score = 4;
        assert!(!impact_gate(&flared, &[check(1, 0)], day).unwrap().open(), "a flare 6 days ago");
        let mut earlier = calm.clone();
        earlier[13].score = 4;
        assert!(impact_gate(&earlier, &[check(1, 0)], day).unwrap().open(), "a flare 7 days ago is outside the window");
    }
}
