//! Program builder: findings and the symptom profile → the runner's program, and the plan for a
//! given local date (honouring every-other-day schedules).

use crate::clinical::assessment::Finding;
use crate::clinical::library::{library_order, program_exercise};
use crate::clinical::safety::{advice, SafetyResult};
use crate::day::Day;
use crate::model::{AssessmentAnswers, DayPlan, Frequency, Program, ProgramExercise, RedFlagLevel, Side};

/// design choice: first-step pain ≥ 7 means a very irritable heel → start the ladder at L0.
pub const HIGH_IRRITABILITY_PAIN: u8 = 7;

/// The base program every runner gets (rules L3 and L1/L2): stretch and the loading ladder.
const BASE: [&str; 2] = ["plantar_fascia_stretch", "calf_loading"];

/// The side(s) an exercise for the affected foot is done on.
fn affected_sides(answers: &AssessmentAnswers) -> Side {
    match answers.affected_side {
        Side::None => Side::Both,
        side => side,
    }
}

/// Builds the program, or `None` when the safety screen is urgent (R1). Invalid dates yield `None`
/// too; `evaluate_assessment` validates the answers before calling this.
pub fn build_program(answers: &AssessmentAnswers, findings: &[Finding], safety: &SafetyResult) -> Option<Program> {
    if safety.level == RedFlagLevel::Urgent {
        return None; // rule R1
    }
    let start = Day::parse("date", &answers.date).ok()?;
    let affected = affected_sides(answers);
    // (id, sides) in program order: the base first, then each finding's exercises.
    let mut chosen: Vec<(String, Side)> = BASE.iter().map(|id| ((*id).to_string(), affected)).collect();
    for finding in findings {
        let sides = if finding.side == Side::None { Side::Both } else { finding.side };
        for id in &finding.exercises {
            if !chosen.iter().any(|(c, _)| c == id) {
                chosen.push((id.clone(), sides));
            }
        }
    }
    // Base first, then library order so the plan reads the same for every runner.
    chosen[BASE.len()..].sort_by_key(|(id, _)| library_order(id));
    let mut exercises = Vec::new();
    for (id, sides) in chosen {
        let level = if id == "calf_loading" {
            // design choice: L0 for a very irritable heel, otherwise the seed's L1 (L2)
            if answers.first_step_pain >= HIGH_IRRITABILITY_PAIN { 0 } else { 1 }
        } else {
            0
        };
        // The library always knows its own ids; skip defensively rather than panic.
        if let Ok(exercise) = program_exercise(&id, level, sides, start) {
            exercises.push(exercise);
        }
    }
    let caution = match safety.level {
        // rule R3
        RedFlagLevel::Refer => Some(format!("{} Continue gently until then. ({})", safety.advice, safety.reasons.join(" "))),
        // rule R2: the stored program is the full one, so the runner continues where the ladder
        // stands once cleared; `for_red_flag` keeps only non-weight-bearing work meanwhile.
        RedFlagLevel::ReferNoImpact => Some(format!("{} ({})", safety.advice, safety.reasons.join(" "))),
        RedFlagLevel::None | RedFlagLevel::Urgent => None,
    };
    Some(Program { started_on: start.iso(), exercises, caution, cadence_cue: cadence_cue(answers) })
}

/// rule R2: the exercises done sitting or lying down — the seated fascia stretch, seated foot work
/// and hip work lying down. (design choice: which library exercises count as non-weight-bearing.)
pub const NON_WEIGHT_BEARING: [&str; 5] = ["plantar_fascia_stretch", "towel_scrunch", "short_foot", "side_lying_hip_abduction", "clamshell"];
/// design choice: under R2 the program always keeps the stretch, one seated foot exercise and one
/// hip exercise lying down, whatever the findings, so the runner keeps working while waiting.
const NON_WEIGHT_BEARING_KEPT: [&str; 3] = ["plantar_fascia_stretch", "towel_scrunch", "clamshell"];

/// The program the runner follows under the latest safety screen: none after an urgent screen
/// (R1); only non-weight-bearing work, with the R2 caution, while a no-impact referral stands (R2);
/// otherwise the stored program. Levels stay as stored, so nothing earned is lost.
pub fn for_red_flag(program: &Program, level: RedFlagLevel) -> Option<Program> {
    match level {
        RedFlagLevel::Urgent => None, // rule R1
        RedFlagLevel::ReferNoImpact => {
            let start = Day::parse("started_on", &program.started_on).ok()?;
            let affected = program_affected_sides(program);
            let mut exercises: Vec<ProgramExercise> =
                program.exercises.iter().filter(|e| NON_WEIGHT_BEARING.contains(&e.exercise_id.as_str())).cloned().collect();
            for id in NON_WEIGHT_BEARING_KEPT {
                if !exercises.iter().any(|e| e.exercise_id == id) {
                    if let Ok(exercise) = program_exercise(id, 0, affected, start) {
                        exercises.push(exercise);
                    }
                }
            }
            exercises.sort_by_key(|e| library_order(&e.exercise_id));
            let caution = Some(format!("{} (rule R2)", advice(RedFlagLevel::ReferNoImpact)));
            Some(Program { started_on: program.started_on.clone(), exercises, caution, cadence_cue: None })
        }
        RedFlagLevel::Refer => {
            let mut kept = program.clone();
            kept.caution = kept.caution.or_else(|| Some(format!("{} (rule R3)", advice(RedFlagLevel::Refer))));
            Some(kept)
        }
        RedFlagLevel::None => {
            let mut kept = program.clone();
            kept.caution = None; // a later screen without flags lifts an earlier caution
            Some(kept)
        }
    }
}

/// rule A6: a +5–10 % step-rate cue, never a fixed 180.
fn cadence_cue(answers: &AssessmentAnswers) -> Option<String> {
    match (answers.cadence_spm, answers.overstride) {
        (Some(spm), _) => {
            let low = (f64::from(spm) * 1.05).round();
            let high = (f64::from(spm) * 1.10).round();
            Some(format!("On easy runs, take slightly shorter, quicker steps: +5–10 % step rate, from {spm} to {low:.0}–{high:.0} steps per minute."))
        }
        (None, Some(true)) => Some(
            "On easy runs, take slightly shorter, quicker steps: count your steps for 30 seconds and add 5–10 %.".to_string(),
        ),
        _ => None,
    }
}

/// The plan for `day`: the exercises planned that day, with a note naming any every-other-day
/// exercise that rests today and when it is next due.
pub fn day_plan(program: &Program, day: Day) -> DayPlan {
    let exercises: Vec<ProgramExercise> = program.planned_on(day).into_iter().cloned().collect();
    let starts_later: Vec<&ProgramExercise> = program
        .exercises
        .iter()
        .filter(|e| Day::parse("level_started_on", &e.level_started_on).is_ok_and(|s| s > day))
        .collect();
    let resting: Vec<String> = program
        .exercises
        .iter()
        .filter(|e| e.frequency == Frequency::EveryOtherDay && !e.is_planned_on(day) && !starts_later.iter().any(|s| s.exercise_id == e.exercise_id))
        .map(|e| format!("{} ({}) is every other day — rest today, next on {}", e.name, e.level_name, day.add_days(1).iso()))
        .collect();
    let mut notes = resting;
    if !starts_later.is_empty() {
        notes.push(format!("Your program starts on {}.", program.started_on));
    }
    if let Some(cue) = &program.cadence_cue {
        if exercises.iter().any(|e| e.exercise_id == "cadence_drill") {
            notes.push(cue.clone());
        }
    }
    let note = (!notes.is_empty()).then(|| {
        let sentences: Vec<&str> = notes.iter().map(|n| n.trim_end_matches('.')).collect();
        format!("{}.", sentences.join(". "))
    });
    DayPlan { date: day.iso(), exercises, note }
}

/// The side(s) the runner's affected foot is worked on, read back from a program (the stretch is
/// always on the affected side). Used when a level change needs a side again (L0 → L1).
pub(crate) fn program_affected_sides(program: &Program) -> Side {
    program
        .exercises
        .iter()
        .find(|e| e.exercise_id == BASE[0])
        .map(|e| e.sides)
        .filter(|s| *s != Side::None)
        .unwrap_or(Side::Both)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::assessment::evaluate_assessment;

    fn answers(pain: u8) -> AssessmentAnswers {
        let mut a: AssessmentAnswers = serde_json::from_str(r#"{"date": "2026-09-01", "affected_side": "right", "first_step_pain": 4,
            "knee_to_wall_cm": {"left": 12.0, "right": 12.0}, "heel_raise_reps": {"left": 25, "right": 25}}"#).unwrap();
        a.first_step_pain = pain;
        a
    }

    fn ids_levels(program: &Program) -> Vec<(String, u32)> {
        program.exercises.iter().map(|e| (e.exercise_id.clone(), e.level)).collect()
    }

    #[test]
    fn base_program_is_stretch_and_ladder_starting_at_l1_or_l0_from_pain_7() {
        let p6 = evaluate_assessment(&answers(6), None).unwrap().program.unwrap();
        assert_eq!(ids_levels(&p6), vec![("plantar_fascia_stretch".into(), 0), ("calf_loading".into(), 1)]);
        assert_eq!(p6.exercises[1].sides, Side::Right);
        let p7 = evaluate_assessment(&answers(7), None).unwrap().program.unwrap();
        assert_eq!(ids_levels(&p7)[1], ("calf_loading".into(), 0));
        assert_eq!(p7.exercises[1].sides, Side::None);
    }

    #[test]
    fn refer_no_impact_keeps_only_seated_and_lying_work_and_urgent_nothing() {
        let mut a = answers(4);
        a.red_flags = vec!["night_or_rest_pain".into()];
        a.single_leg_squat = Some(crate::model::SideSquat { left: crate::model::SquatQuality::Poor, right: crate::model::SquatQuality::Poor });
        let result = evaluate_assessment(&a, None).unwrap();
        let full = result.program.unwrap();
        assert!(full.exercises.iter().any(|e| e.exercise_id == "calf_loading"), "the stored program keeps the ladder");
        let kept = for_red_flag(&full, RedFlagLevel::ReferNoImpact).unwrap();
        let ids: Vec<&str> = kept.exercises.iter().map(|e| e.exercise_id.as_str()).collect();
        assert_eq!(ids, vec!["plantar_fascia_stretch", "towel_scrunch", "side_lying_hip_abduction", "clamshell"]);
        assert!(kept.caution.unwrap().contains("no running"));
        assert!(for_red_flag(&full, RedFlagLevel::Urgent).is_none());
        assert_eq!(for_red_flag(&full, RedFlagLevel::None).unwrap().exercises, full.exercises);
    }

    #[test]
    fn every_other_day_exercises_alternate_in_the_day_plan() {
        let start = Day::parse("d", "2026-09-01").unwrap();
        let mut program = evaluate_assessment(&answers(4), None).unwrap().program.unwrap();
        program.exercises[1] = program_exercise("calf_loading", 2, Side::Right, start).unwrap();
        let count = |d: i32| day_plan(&program, start.add_days(d)).exercises.len();
        assert_eq!((count(0), count(1), count(2), count(3)), (2, 1, 2, 1));
        let rest = day_plan(&program, start.add_days(1));
        assert_eq!(
            rest.note.as_deref(),
            Some("Calf and plantar fascia loading (L2 single-leg raise on a towel) is every other day — rest today, next on 2026-09-03.")
        );
        assert!(day_plan(&program, start).note.is_none());
        assert!(day_plan(&program, start.add_days(-1)).exercises.is_empty());
    }
}
