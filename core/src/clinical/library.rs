//! The exercise library: content written once as data in the core and shared by every shell.
//! Each exercise has how-to steps, per-level dosage, frequency, evidence tier (CLINICAL L5) and the
//! finding domains it answers. Levels are 0-based; an exercise with more than one level is a ladder.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::day::Day;
use crate::error::{CoreError, Result};
use crate::model::{Domain, EvidenceTier, Frequency, ProgramExercise, Side, Tempo};

/// One rung of an exercise: its dosage and schedule.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ExerciseLevel {
    /// 0-based level number.
    pub level: u32,
    /// Short name, e.g. "Single-leg raise on a towel".
    pub name: String,
    /// Steps specific to this level (shown after the exercise's general steps).
    pub how_to: Vec<String>,
    /// Sets per session.
    pub sets: u32,
    /// Reps per set; `None` for holds.
    pub reps: Option<u32>,
    /// Seconds per hold; `None` for rep exercises without a hold.
    pub hold_seconds: Option<u32>,
    /// Rep tempo; `None` for self-paced reps and holds.
    pub tempo: Option<Tempo>,
    /// Rest between sets.
    pub rest_seconds: u32,
    /// Extra load, `None` for body weight.
    pub load: Option<String>,
    /// How often it is done.
    pub frequency: Frequency,
    /// `true` when done one side at a time; `false` when both feet work together.
    pub one_side_at_a_time: bool,
    /// Evidence tier of this level (L5).
    pub evidence_tier: EvidenceTier,
    /// CLINICAL rule ids behind this dosage.
    pub rules: Vec<String>,
    /// Fewest days at this level before the next one (rule P5).
    pub min_days: u32,
    /// `false` for work done sitting or lying down (what R2 keeps).
    pub weight_bearing: bool,
}

/// rule P5 (design): the easier entry levels and single-level hip/foot/balance work keep 7 days.
pub const DEFAULT_MIN_DAYS: u32 = 7;
/// rule P5: at least 14 days at Rathleff's 3×12 (L1: weeks 1–2)…
pub const RATHLEFF_STAGE_DAYS: u32 = 14;
/// rule P5: …and at least 28 days at 4×10 with a backpack (L1: "the next 4 weeks").
pub const RATHLEFF_BACKPACK_DAYS: u32 = 28;

impl ExerciseLevel {
    /// rule P5: this level's dwell time.
    fn dwell(mut self, days: u32) -> Self {
        self.min_days = days;
        self
    }

    /// Done sitting or lying down (rule R2's non-weight-bearing work).
    fn off_feet(mut self) -> Self {
        self.weight_bearing = false;
        self
    }

    /// rule P5: the load of this level is set by effort (Rathleff's stages cite P5).
    pub fn load_by_effort(&self) -> bool {
        self.rules.iter().any(|r| r == "P5")
    }
}

/// An exercise of the library.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Exercise {
    /// Stable id, e.g. `calf_loading`.
    pub id: String,
    pub name: String,
    /// Steps common to every level.
    pub how_to: Vec<String>,
    /// Levels in order (L0 first); one entry for a single-level exercise.
    pub levels: Vec<ExerciseLevel>,
    /// Whether at least one level is done one side at a time.
    pub per_side: bool,
    /// Headline evidence tier (L5); each level carries its own.
    pub evidence_tier: EvidenceTier,
    /// Finding domains this exercise answers (empty: part of the always-on base program).
    pub answers: Vec<Domain>,
    /// CLINICAL rule ids behind the exercise.
    pub rules: Vec<String>,
}

impl Exercise {
    /// Highest level number (0 for a single-level exercise).
    pub fn max_level(&self) -> u32 {
        self.levels.len().saturating_sub(1) as u32
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

/// Compact level builder used by the data below.
#[allow(clippy::too_many_arguments)]
fn level(
    level: u32,
    name: &str,
    how_to: &[&str],
    (sets, reps, hold_seconds): (u32, Option<u32>, Option<u32>),
    tempo: Option<(u32, u32, u32)>,
    rest_seconds: u32,
    load: Option<&str>,
    frequency: Frequency,
    one_side_at_a_time: bool,
    evidence_tier: EvidenceTier,
    rules: &[&str],
) -> ExerciseLevel {
    ExerciseLevel {
        level,
        name: name.to_string(),
        how_to: strings(how_to),
        sets,
        reps,
        hold_seconds,
        tempo: tempo.map(|(up_seconds, hold_seconds, down_seconds)| Tempo { up_seconds, hold_seconds, down_seconds }),
        rest_seconds,
        load: load.map(str::to_string),
        frequency,
        one_side_at_a_time,
        evidence_tier,
        rules: strings(rules),
        min_days: DEFAULT_MIN_DAYS,
        weight_bearing: true,
    }
}

fn build_library() -> Vec<Exercise> {
    use EvidenceTier::{Expert, OtherTendon, RctPf};
    use Frequency::{Daily, EveryOtherDay, ThreeTimesDaily};
    vec![
        Exercise {
            id: "plantar_fascia_stretch".into(),
            name: "Plantar fascia stretch".into(),
            how_to: strings(&[
                "Sit and cross the sore foot over the other knee.",
                "Hold the toes and pull them back toward the shin until you feel a stretch in the arch.",
                "Check with the other hand: the band under the arch should feel tight.",
                "Do it before your first step in the morning, and again during the day.",
            ]),
            // rule L3: 10 s × 10, at least 3 times a day
            levels: vec![level(0, "10 × 10 s stretch", &[], (10, None, Some(10)), None, 5, None, ThreeTimesDaily, true, RctPf, &["L3"]).off_feet()],
            per_side: true,
            evidence_tier: RctPf,
            answers: vec![],
            rules: strings(&["L3", "L5"]),
        },
        Exercise {
            id: "calf_loading".into(),
            name: "Calf and plantar fascia loading".into(),
            how_to: strings(&[
                "Stand on a step or the floor, holding a wall or rail for balance.",
                "Move slowly and smoothly; pain up to 5 out of 10 during the exercise is acceptable if it settles by the next morning.",
            ]),
            levels: vec![
                // design choice: L0 for a very irritable heel (first-step pain ≥ 7), body weight on both feet
                level(0, "Double-leg heel raise", &[
                    "Rise onto the toes of both feet, then lower slowly.",
                ], (3, Some(15), None), Some((2, 0, 2)), 60, None, Daily, false, Expert, &["L1"]),
                // rule L2: seed protocol, 3×15 daily, up on two, down on the affected side
                level(1, "Eccentric heel drop", &[
                    "Rise onto the toes of both feet.",
                    "Lift the good foot and lower slowly on the affected side over 3 seconds.",
                    "Do half the sets with the knee straight and half with the knee slightly bent.",
                ], (3, Some(15), None), Some((1, 0, 3)), 60, None, Daily, true, OtherTendon, &["L2"]),
                // rule L1: Rathleff 2014 weeks 1–2, 3×12, 3-2-3 tempo, every second day; rule P5: ≥ 14 days
                level(2, "Single-leg raise on a towel", &[
                    "Roll a towel and put it under your toes on the step.",
                    "On one leg: 3 seconds up, hold 2 seconds at the top, 3 seconds down.",
                    "Start with body weight. The right load is one where 12 is the most you can do with good form: when you could do several more, add load.",
                ], (3, Some(12), None), Some((3, 2, 3)), 120, None, EveryOtherDay, true, RctPf, &["L1", "P5"]).dwell(RATHLEFF_STAGE_DAYS),
                // rule L1: next 4 weeks 4×10 with a backpack of books; rule P5: ≥ 28 days, load by effort
                level(3, "Loaded raise with a backpack", &[
                    "As the single-leg raise on a towel, wearing a backpack with books.",
                    "Choose a load where 10 is the most you can do with good form; add a book when you could do several more.",
                ], (4, Some(10), None), Some((3, 2, 3)), 120, Some("backpack: a load where 10 reps is your limit with good form"), EveryOtherDay, true, RctPf, &["L1", "P5"]).dwell(RATHLEFF_BACKPACK_DAYS),
                // rule L1: then 5×8 adding load, held to week 12 (P5)
                level(4, "Heavy raise, more load", &[
                    "As the loaded raise, with more weight in the backpack: a load where 8 is the most you can do with good form.",
                ], (5, Some(8), None), Some((3, 2, 3)), 120, Some("heavier backpack: a load where 8 reps is your limit with good form"), EveryOtherDay, true, RctPf, &["L1", "P5"]).dwell(RATHLEFF_STAGE_DAYS),
            ],
            per_side: true,
            evidence_tier: RctPf,
            answers: vec![Domain::CalfCapacity],
            rules: strings(&["L1", "L2", "L5", "P4"]),
        },
        Exercise {
            id: "calf_stretch".into(),
            name: "Calf stretch against a wall".into(),
            how_to: strings(&[
                "Hands on a wall, the leg to stretch behind, heel down, knee straight.",
                "Lean forward until you feel the stretch in the calf; then bend the back knee a little to move it lower.",
            ]),
            // design choice: 3 × 30 s per side, daily (CPG grade A calf stretching, no fixed dose)
            // rule L5: the wall calf stretch is expert-tier (the CPG grades calf stretching, no PF trial of this form)
            levels: vec![level(0, "3 × 30 s stretch", &[], (3, None, Some(30)), None, 15, None, Daily, true, Expert, &["G"])],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::AnkleMobility],
            rules: strings(&["G", "L5"]),
        },
        Exercise {
            id: "ankle_mobility".into(),
            name: "Knee-to-wall ankle rocks".into(),
            how_to: strings(&[
                "Face a wall in a half-kneeling or standing lunge, foot a few centimetres from the wall.",
                "Drive the knee forward toward the wall without lifting the heel, then back.",
                "Move the foot back a little as it gets easier.",
            ]),
            // design choice: 3 × 10 slow rocks with a 2 s hold, daily (no trial dose exists, A1)
            levels: vec![level(0, "3 × 10 rocks", &[], (3, Some(10), None), Some((2, 2, 2)), 30, None, Daily, true, Expert, &["A1"])],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::AnkleMobility],
            rules: strings(&["A1", "L5"]),
        },
        Exercise {
            id: "towel_scrunch".into(),
            name: "Foot strength".into(),
            how_to: strings(&[
                "Work the small muscles under the foot; keep the heel down and the movement slow.",
            ]),
            // rule L4 (seed) for L0; rule V1 (design): a foot ladder — a weight on the towel, standing
            // short-foot holds, then hops with the arch held — so foot work keeps progressing.
            levels: vec![
                level(0, "Towel scrunches", &[
                    "Sit with the foot flat on a towel on a smooth floor.",
                    "Curl the toes to pull the towel toward you, then relax.",
                ], (3, Some(15), None), None, 30, None, Daily, true, Expert, &["L4"]).off_feet(),
                level(1, "Weighted towel scrunches", &[
                    "As towel scrunches, with a tin or a small weight on the far end of the towel.",
                ], (3, Some(15), None), None, 30, Some("a tin or 0.5–1 kg on the towel"), Daily, true, Expert, &["L4", "V1"]).off_feet(),
                level(2, "Standing short foot", &[
                    "Stand on the affected foot, a hand on a wall.",
                    "Draw the ball of the foot toward the heel to lift the arch, without curling the toes; hold.",
                ], (3, Some(10), Some(5)), None, 30, None, Daily, true, Expert, &["A3", "V1"]),
                level(3, "Single-leg hops, arch held", &[
                    "On the affected foot, small quick hops on the spot, landing softly with the arch held.",
                    "Stop the set if pain goes above 3 out of 10.",
                ], (3, Some(10), None), None, 60, None, EveryOtherDay, true, Expert, &["V1", "RR1"]),
            ],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::FootIntrinsics],
            rules: strings(&["L4", "L5", "V1", "P4"]),
        },
        Exercise {
            id: "short_foot".into(),
            name: "Short foot (arch lift)".into(),
            how_to: strings(&[
                "Sit or stand with the foot flat.",
                "Draw the ball of the foot toward the heel to raise the arch, without curling the toes.",
                "Hold, then relax.",
            ]),
            // rule A3; design choice: 3 × 10 holds of 5 s, daily
            levels: vec![level(0, "3 × 10 × 5 s holds", &[], (3, Some(10), Some(5)), None, 30, None, Daily, true, Expert, &["A3"]).off_feet()],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::FootIntrinsics],
            rules: strings(&["A3", "L5"]),
        },
        Exercise {
            id: "single_leg_balance".into(),
            name: "Single-leg balance".into(),
            how_to: strings(&[
                "Stand on one leg near a wall or chair you can touch if needed.",
                "Keep the arch lifted and the knee soft; stop the hold if you have to put the foot down.",
            ]),
            // rule L4: 30–60 s holds, add knee bend to progress; design choice: 3 holds per side, then
            // eyes closed and an unstable surface as the next rungs
            levels: vec![
                level(0, "Eyes open", &["Look at a point ahead."], (3, None, Some(30)), None, 15, None, Daily, true, Expert, &["L4", "A5"]),
                level(1, "Knee bent", &["Bend the standing knee slightly."], (3, None, Some(45)), None, 15, None, Daily, true, Expert, &["L4"]),
                level(2, "Eyes closed", &["Close your eyes; keep a hand near the wall."], (3, None, Some(30)), None, 15, None, Daily, true, Expert, &["L4"]),
                level(3, "Unstable surface", &["Stand on a folded towel or cushion."], (3, None, Some(60)), None, 15, None, Daily, true, Expert, &["L4"]),
            ],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::Balance],
            rules: strings(&["L4", "L5", "P4"]),
        },
        Exercise {
            id: "side_lying_hip_abduction".into(),
            name: "Hip strength".into(),
            how_to: strings(&[
                "Keep the pelvis level and the knee in line with the toes; move slowly.",
            ]),
            // rule A4; design choice: 3 × 12, every other day (strength work needs a rest day).
            // rule V1 (design): a hip ladder — bands, side steps, step-downs, hops.
            levels: vec![
                level(0, "Side-lying lift", &[
                    "Lie on your side, bottom knee bent, top leg straight in line with your body.",
                    "Lift the top leg with the toes pointing forward, pause, lower slowly.",
                ], (3, Some(12), None), Some((2, 1, 2)), 60, None, EveryOtherDay, true, Expert, &["A4"]).off_feet(),
                level(1, "Side-lying lift with a band", &[
                    "As the side-lying lift, with a resistance band around both knees or ankles.",
                ], (3, Some(12), None), Some((2, 1, 2)), 60, Some("resistance band"), EveryOtherDay, true, Expert, &["A4", "V1"]).off_feet(),
                level(2, "Banded side steps", &[
                    "Band around the knees, knees slightly bent: 12 slow steps sideways, then back.",
                ], (3, Some(12), None), None, 60, Some("resistance band"), EveryOtherDay, true, Expert, &["A4", "V1"]),
                level(3, "Step-down", &[
                    "Stand on a low step on the affected leg; lower the other heel slowly to the floor and back up.",
                    "Keep the knee over the middle toes, not drifting inward.",
                ], (3, Some(10), None), Some((1, 0, 3)), 60, None, EveryOtherDay, true, Expert, &["A4", "V1"]),
                level(4, "Hop and stick", &[
                    "Hop forward a short distance on the affected leg and land softly, knee over the toes; hold 2 seconds.",
                    "Stop the set if pain goes above 3 out of 10.",
                ], (3, Some(8), None), None, 60, None, EveryOtherDay, true, Expert, &["A4", "V1", "RR1"]),
            ],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::HipControl],
            rules: strings(&["A4", "L5", "V1", "P4"]),
        },
        Exercise {
            id: "clamshell".into(),
            name: "Clamshell".into(),
            how_to: strings(&[
                "Lie on your side, knees bent, feet together.",
                "Open the top knee like a shell without rolling the pelvis back, then close slowly.",
            ]),
            // rule A4; design choice: 3 × 15, every other day
            levels: vec![level(0, "3 × 15 clamshells", &[], (3, Some(15), None), Some((2, 1, 2)), 45, None, EveryOtherDay, true, Expert, &["A4"]).off_feet()],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::HipControl],
            rules: strings(&["A4", "L5"]),
        },
        Exercise {
            id: "single_leg_bridge".into(),
            name: "Single-leg bridge".into(),
            how_to: strings(&[
                "Lie on your back, one knee bent with the foot flat, the other leg straight.",
                "Push through the heel to lift the hips level, pause, lower slowly.",
            ]),
            // rule A4; design choice: 3 × 10, every other day
            levels: vec![level(0, "3 × 10 bridges", &[], (3, Some(10), None), Some((2, 2, 2)), 60, None, EveryOtherDay, true, Expert, &["A4"])],
            per_side: true,
            evidence_tier: Expert,
            answers: vec![Domain::HipControl],
            rules: strings(&["A4", "L5"]),
        },
        Exercise {
            id: "cadence_drill".into(),
            name: "Cadence drill".into(),
            how_to: strings(&[
                "During an easy run, set a metronome 5–10 % above your usual step rate.",
                "Take slightly shorter, quicker steps so the foot lands under the knee, not ahead of it.",
                "Run with the beat for the interval, then run normally for the rest.",
            ]),
            // rule A6: +5–10 % step rate; design choice: 4 × 60 s intervals, every other day
            levels: vec![level(0, "4 × 60 s at +5–10 % step rate", &[], (4, None, Some(60)), None, 60, None, EveryOtherDay, false, Expert, &["A6"])],
            per_side: false,
            evidence_tier: Expert,
            answers: vec![Domain::Gait],
            rules: strings(&["A6", "L5"]),
        },
    ]
}

fn library() -> &'static [Exercise] {
    static LIBRARY: OnceLock<Vec<Exercise>> = OnceLock::new();
    LIBRARY.get_or_init(build_library)
}

/// Every exercise of the library, in program order.
pub fn exercise_library() -> Vec<Exercise> {
    library().to_vec()
}

/// Comma-separated list of every exercise id (for error messages).
pub fn exercise_ids() -> String {
    library().iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// The exercise with `id`, or an error listing the known ids.
pub fn find_exercise(id: &str) -> Result<Exercise> {
    library()
        .iter()
        .find(|e| e.id == id)
        .cloned()
        .ok_or_else(|| CoreError::unknown("exercise", id, exercise_ids()))
}

/// How a level reads to a runner (CLINICAL X4): "Level 3 of 5 · Single-leg raise on a towel",
/// counted from 1; a single-level exercise shows its dose alone ("10 × 10 s stretch").
pub fn level_label(level: u32, max_level: u32, name: &str) -> String {
    if max_level == 0 {
        name.to_string()
    } else {
        format!("Level {} of {} · {name}", level + 1, max_level + 1)
    }
}

/// "Level 3 of 5" without the name, or `None` for a single-level exercise (CLINICAL X4).
pub fn level_of(level: u32, max_level: u32) -> Option<String> {
    (max_level > 0).then(|| format!("Level {} of {}", level + 1, max_level + 1))
}

/// A stored program entry with today's words from the library: a journal written before CLINICAL
/// X4 holds level names with codes ("L1 eccentric heel drop"); the dosage stays as stored.
pub(crate) fn with_current_words(mut entry: ProgramExercise) -> ProgramExercise {
    if let Ok(exercise) = find_exercise(&entry.exercise_id) {
        if let Some(rung) = exercise.levels.get(entry.level as usize) {
            entry.name = exercise.name.clone();
            entry.level_name = rung.name.clone();
            let mut how_to = exercise.how_to.clone();
            how_to.extend(rung.how_to.iter().cloned());
            entry.how_to = how_to;
        }
    }
    entry.level_label = level_label(entry.level, entry.max_level, &entry.level_name);
    entry.lesson_title = entry.lesson_id.as_deref().and_then(crate::clinical::lessons::lesson_title).map(str::to_string);
    entry
}

/// The exercise's name, or its id in words when the library does not know it (an old journal).
pub fn exercise_name(id: &str) -> String {
    find_exercise(id).map(|e| e.name).unwrap_or_else(|_| id.replace('_', " "))
}

/// Position of the exercise in the library (program order), `usize::MAX` when unknown.
pub(crate) fn library_order(id: &str) -> usize {
    library().iter().position(|e| e.id == id).unwrap_or(usize::MAX)
}

/// Fills a program entry for `id` at `level` from the library. `sides` is the side(s) the runner
/// works; levels done on both feet together always get `Side::None`, and a one-side-at-a-time level
/// asked for `Side::None` is done on each side in turn (`Side::Both`).
pub fn program_exercise(id: &str, level: u32, sides: Side, level_started_on: Day) -> Result<ProgramExercise> {
    let exercise = find_exercise(id)?;
    let max_level = exercise.max_level();
    let rung = exercise
        .levels
        .get(level as usize)
        .ok_or_else(|| CoreError::range(format!("level of {id}"), format!("0..={max_level}"), level))?;
    let sides = match (rung.one_side_at_a_time, sides) {
        (false, _) => Side::None,
        (true, Side::None) => Side::Both,
        (true, side) => side,
    };
    let mut how_to = exercise.how_to.clone();
    how_to.extend(rung.how_to.iter().cloned());
    let mut rules = exercise.rules.clone();
    for rule in &rung.rules {
        if !rules.contains(rule) {
            rules.push(rule.clone());
        }
    }
    Ok(ProgramExercise {
        exercise_id: exercise.id.clone(),
        name: exercise.name.clone(),
        level,
        max_level,
        level_name: rung.name.clone(),
        level_label: level_label(level, max_level, &rung.name),
        how_to,
        sets: rung.sets,
        reps: rung.reps,
        hold_seconds: rung.hold_seconds,
        tempo: rung.tempo,
        rest_seconds: rung.rest_seconds,
        load: rung.load.clone(),
        sides,
        frequency: rung.frequency,
        evidence_tier: rung.evidence_tier,
        answers: exercise.answers.clone(),
        level_started_on: level_started_on.iso(),
        rules,
        minutes: estimated_minutes(rung, sides),
        min_days_at_level: rung.min_days,
        asks_effort: rung.load_by_effort(),
        load_steps: 0,
        lesson_id: crate::clinical::lessons::lesson_for_exercise(id).map(str::to_string),
        lesson_title: crate::clinical::lessons::lesson_for_exercise(id).and_then(crate::clinical::lessons::lesson_title).map(str::to_string),
    })
}

/// design choice (rule V1's minutes per day): a self-paced rep takes about 3 s; each exercise needs
/// about 30 s to set up each time it is done.
const SELF_PACED_REP_SECONDS: u32 = 3;
const SETUP_SECONDS: u32 = 30;

/// Estimated minutes a level takes on a day it is planned: every set on every worked side, the
/// rests between sets, and every repetition of the day (the stretch is done three times), rounded up.
pub(crate) fn estimated_minutes(rung: &ExerciseLevel, sides: Side) -> u32 {
    let per_rep = match (rung.tempo, rung.hold_seconds) {
        (Some(t), _) => t.up_seconds + t.hold_seconds + t.down_seconds,
        (None, Some(hold)) if rung.reps.is_some() => hold + 2, // a short hold per rep, then release
        (None, Some(hold)) => hold,
        (None, None) => SELF_PACED_REP_SECONDS,
    };
    let per_set = per_rep * rung.reps.unwrap_or(1);
    let side_count = if sides == Side::Both { 2 } else { 1 };
    let once = side_count * rung.sets * per_set + rung.sets.saturating_sub(1) * rung.rest_seconds + SETUP_SECONDS;
    let times = if rung.frequency == crate::model::Frequency::ThreeTimesDaily { 3 } else { 1 };
    (once * times).div_ceil(60)
}

/// design choice (rule R3, "no heavy loading" after a steroid injection in the heel): the heavy
/// levels are the calf ladder's backpack stages and the levels that hop — impact loads the fascia
/// several times body weight. A band or a tin on a towel is not heavy.
const HEAVY_LEVELS: [(&str, u32); 4] = [("calf_loading", 3), ("calf_loading", 4), ("towel_scrunch", 3), ("side_lying_hip_abduction", 4)];

fn find_level(id: &str, level: u32) -> Option<&'static ExerciseLevel> {
    library().iter().find(|e| e.id == id)?.levels.get(level as usize)
}

/// rule R3: whether level `level` of `id` is heavy loading (a backpack load, or hops).
pub(crate) fn is_heavy(id: &str, level: u32) -> bool {
    HEAVY_LEVELS.contains(&(id, level))
}

/// rule R3: the highest level of `id` at or below `level` that is not heavy loading, if any.
pub(crate) fn light_level(id: &str, level: u32) -> Option<u32> {
    (0..=level).rev().find(|l| find_level(id, *l).is_some() && !is_heavy(id, *l))
}

/// rule R2: the highest level of `id` at or below `level` that is done off the feet, if any.
pub(crate) fn off_feet_level(id: &str, level: u32) -> Option<u32> {
    let exercise = library().iter().find(|e| e.id == id)?;
    exercise.levels.iter().filter(|l| l.level <= level && !l.weight_bearing).map(|l| l.level).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse("test", text).unwrap()
    }

    #[test]
    fn heavy_levels_are_the_loaded_and_the_hopping_ones() {
        let heavy: Vec<(String, u32)> = library()
            .iter()
            .flat_map(|e| e.levels.iter().filter(|l| is_heavy(&e.id, l.level)).map(|l| (e.id.clone(), l.level)))
            .collect();
        let names: Vec<String> = heavy.iter().map(|(id, l)| find_level(id, *l).unwrap().name.to_lowercase()).collect();
        assert_eq!(heavy.len(), 4, "{heavy:?}");
        assert!(names.iter().all(|n| n.contains("hop") || n.contains("backpack") || n.contains("more load")), "{names:?}");
        // rule R3: the calf ladder keeps its body-weight stage, hip and foot work the level before hops.
        assert_eq!(light_level("calf_loading", 4), Some(2));
        assert_eq!(light_level("calf_loading", 2), Some(2));
        assert_eq!(light_level("side_lying_hip_abduction", 4), Some(3));
        assert_eq!(light_level("towel_scrunch", 3), Some(2));
        assert_eq!(light_level("no_such_exercise", 2), None);
    }

    #[test]
    fn library_holds_every_required_exercise_with_dosage() {
        let required = [
            "plantar_fascia_stretch", "calf_stretch", "calf_loading", "towel_scrunch", "short_foot",
            "single_leg_balance", "ankle_mobility", "side_lying_hip_abduction", "clamshell",
            "single_leg_bridge", "cadence_drill",
        ];
        for id in required {
            let exercise = find_exercise(id).unwrap();
            assert!(!exercise.how_to.is_empty(), "{id}");
            for (i, rung) in exercise.levels.iter().enumerate() {
                assert_eq!(rung.level as usize, i, "{id}");
                assert!(rung.sets > 0 && (rung.reps.is_some() || rung.hold_seconds.is_some()), "{id}");
            }
        }
    }

    #[test]
    fn calf_ladder_follows_l1_and_l2() {
        let ladder = find_exercise("calf_loading").unwrap();
        assert_eq!(ladder.max_level(), 4);
        let l1 = &ladder.levels[1];
        assert_eq!((l1.sets, l1.reps, l1.frequency), (3, Some(15), Frequency::Daily));
        let l2 = &ladder.levels[2];
        assert_eq!((l2.sets, l2.reps, l2.frequency), (3, Some(12), Frequency::EveryOtherDay));
        assert_eq!(l2.tempo, Some(Tempo { up_seconds: 3, hold_seconds: 2, down_seconds: 3 }));
        assert_eq!((ladder.levels[3].sets, ladder.levels[3].reps), (4, Some(10)));
        assert_eq!((ladder.levels[4].sets, ladder.levels[4].reps), (5, Some(8)));
    }

    #[test]
    fn program_exercise_sets_sides_and_rejects_bad_level_or_id() {
        let l0 = program_exercise("calf_loading", 0, Side::Left, day("2026-09-01")).unwrap();
        assert_eq!(l0.sides, Side::None, "L0 is both feet together");
        let l1 = program_exercise("calf_loading", 1, Side::Left, day("2026-09-01")).unwrap();
        assert_eq!(l1.sides, Side::Left, "L1 lowers on the affected side");
        assert_eq!(l1.level_started_on, "2026-09-01");
        let err = program_exercise("calf_loading", 5, Side::Left, day("2026-09-01")).unwrap_err();
        assert!(err.located().contains("0..=4") && err.to_string() == "Enter 0–4 for the level (you entered 5)", "{err}");
        let err = find_exercise("toe_yoga").unwrap_err();
        assert!(err.to_string().contains("calf_loading"), "{err}");
    }
}
