//! Shared fixtures for the session tests: realistic `ProgramExercise` values for every exercise
//! of the library (built here, independent of the library module). Included by the other
//! `session_*` test files with `#[path]`.
#![allow(dead_code)]

use firststep_core::day::Day;
use firststep_core::model::{EvidenceTier, Frequency, ProgramExercise, Side, Tempo};

pub fn day() -> Day {
    Day::parse("date", "2026-11-24").unwrap()
}

pub fn tempo(up: u32, hold: u32, down: u32) -> Option<Tempo> {
    Some(Tempo { up_seconds: up, hold_seconds: hold, down_seconds: down })
}

#[allow(clippy::too_many_arguments)]
pub fn exercise(
    id: &str,
    level: u32,
    sets: u32,
    reps: Option<u32>,
    hold_seconds: Option<u32>,
    tempo: Option<Tempo>,
    rest_seconds: u32,
    sides: Side,
) -> ProgramExercise {
    ProgramExercise {
        exercise_id: id.to_string(),
        name: id.replace('_', " "),
        level,
        max_level: if id == "calf_loading" { 4 } else { 0 },
        level_name: format!("Level {}", level + 1),
        level_label: format!("Level {}", level + 1),
        how_to: vec!["Do it slowly.".to_string()],
        sets,
        reps,
        hold_seconds,
        tempo,
        rest_seconds,
        load: None,
        sides,
        frequency: Frequency::Daily,
        evidence_tier: EvidenceTier::Expert,
        answers: vec![],
        level_started_on: "2026-11-01".to_string(),
        rules: vec![],
        minutes: 0,
        min_days_at_level: 0,
        asks_effort: false,
        load_steps: 0,
        lesson_id: None,
        lesson_title: None,
    }
}

/// One realistic dosage per library exercise and level (CLINICAL L1–L4 and PRODUCT §2.3).
pub fn library() -> Vec<ProgramExercise> {
    vec![
        // L3: 10 × 10 s, as one set of 10 holds.
        exercise("plantar_fascia_stretch", 0, 1, Some(10), Some(10), None, 0, Side::Left),
        exercise("calf_stretch", 0, 3, None, Some(30), None, 15, Side::Both),
        // Loading ladder L0..L4.
        exercise("calf_loading", 0, 3, Some(15), None, tempo(2, 0, 2), 60, Side::None),
        exercise("calf_loading", 1, 3, Some(15), None, tempo(1, 0, 3), 60, Side::Left),
        exercise("calf_loading", 2, 3, Some(12), None, tempo(3, 2, 3), 120, Side::Left),
        exercise("calf_loading", 3, 4, Some(10), None, tempo(3, 2, 3), 120, Side::Left),
        exercise("calf_loading", 4, 5, Some(8), None, tempo(3, 2, 3), 120, Side::Left),
        exercise("towel_scrunch", 0, 3, Some(15), None, None, 30, Side::Left),
        exercise("short_foot", 0, 1, Some(10), Some(5), None, 0, Side::Left),
        exercise("single_leg_balance", 0, 3, None, Some(30), None, 30, Side::Both),
        exercise("ankle_mobility", 0, 2, Some(15), None, None, 30, Side::Left),
        exercise("side_lying_hip_abduction", 0, 3, Some(15), None, None, 45, Side::Both),
        exercise("clamshell", 0, 3, Some(15), None, None, 45, Side::Both),
        exercise("single_leg_bridge", 0, 3, Some(10), None, None, 45, Side::Both),
        exercise("cadence_drill", 0, 1, None, None, None, 0, Side::None),
    ]
}
