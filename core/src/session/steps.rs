//! Flattening today's exercises into the list of steps the engine walks through.
//!
//! Per exercise: get-ready → for each side (Left then Right when `sides == Both`) all sets, with
//! rest between sets and a switch-sides step between the sides → exercise-done (between
//! exercises only). A set is made of work steps: tempo phases per rep (Up/Hold/Down, zero-second
//! phases omitted), one hold timer per rep (or per set when `reps` is `None`), or one self-paced
//! rep step per rep that waits for `RepDone`.

use crate::error::{CoreError, Result};
use crate::model::{ProgramExercise, Side};

use super::Phase;

/// Get-ready countdown before each exercise. // design choice: 5 s, long enough to get in position.
pub const GET_READY_MS: i64 = 5_000;
/// Switch-sides pause between the two sides of a `Both` exercise. // design choice: 5 s, like get-ready.
pub const SWITCH_SIDES_MS: i64 = 5_000;
/// "Exercise done" breather between two exercises. // design choice: 3 s, time to hear the cue.
pub const EXERCISE_DONE_MS: i64 = 3_000;
/// Progress weight of a self-paced step, which has no duration. // design choice: ~3 s per rep.
pub const SELF_PACED_WEIGHT_MS: i64 = 3_000;

// Upper bounds that reject typos without limiting any real program (design choice).
const MAX_SETS: u32 = 50;
const MAX_REPS: u32 = 200;
const MAX_HOLD_SECONDS: u32 = 600;
const MAX_TEMPO_SECONDS: u32 = 60;
const MAX_REST_SECONDS: u32 = 1_800;
const MAX_STEPS: usize = 100_000;

/// One step of the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Index into the exercise list.
    pub exercise: usize,
    pub phase: Phase,
    /// 1-based set number (0 for get-ready / exercise-done).
    pub set: u32,
    /// 1-based rep number for work steps, 0 otherwise.
    pub rep: u32,
    pub side: Side,
    /// `None` for self-paced steps (they wait for `RepDone`).
    pub duration_ms: Option<i64>,
    /// Whether this step is part of the work (reps/holds) rather than a transition.
    pub work: bool,
    /// First step of its rep (where `RepeatStep` goes back to inside a tempo rep).
    pub rep_start: usize,
    /// Last work step of a set: completing it emits a "set done" cue.
    pub ends_set: bool,
}

impl Step {
    /// Progress weight: the duration, or a nominal weight for self-paced steps.
    pub fn weight_ms(&self) -> i64 {
        self.duration_ms.unwrap_or(SELF_PACED_WEIGHT_MS)
    }
}

/// The flattened plan with precomputed sums for O(1) progress.
#[derive(Clone, Debug)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// `prefix_weight[i]` = total weight of steps `0..i` (length `steps.len() + 1`).
    pub prefix_weight: Vec<i64>,
    /// `exercise_first_step[e]` = index of the first step of exercise `e` (length `count + 1`).
    pub exercise_first_step: Vec<usize>,
}

impl Plan {
    /// Builds the plan, validating every exercise; errors name the exercise and field.
    pub fn build(exercises: &[ProgramExercise]) -> Result<Plan> {
        if exercises.is_empty() {
            return Err(CoreError::state("a session needs at least one exercise planned for the day"));
        }
        let mut steps = Vec::new();
        let mut exercise_first_step = Vec::with_capacity(exercises.len() + 1);
        for (index, exercise) in exercises.iter().enumerate() {
            validate(index, exercise)?;
            exercise_first_step.push(steps.len());
            push_exercise(&mut steps, index, exercise, index + 1 < exercises.len());
            if steps.len() > MAX_STEPS {
                return Err(CoreError::range("exercises", format!("at most {MAX_STEPS} steps in a session"), steps.len()));
            }
        }
        exercise_first_step.push(steps.len());
        let mut prefix_weight = Vec::with_capacity(steps.len() + 1);
        let mut total = 0i64;
        prefix_weight.push(0);
        for step in &steps {
            total += step.weight_ms();
            prefix_weight.push(total);
        }
        Ok(Plan { steps, prefix_weight, exercise_first_step })
    }

    /// Total progress weight of the session.
    pub fn total_weight(&self) -> i64 {
        *self.prefix_weight.last().unwrap_or(&0)
    }
}

fn validate(index: usize, e: &ProgramExercise) -> Result<()> {
    let field = |name: &str| format!("exercises[{index}].{name} ({})", e.exercise_id);
    let check = |name: &str, value: u32, min: u32, max: u32| -> Result<()> {
        if (min..=max).contains(&value) {
            Ok(())
        } else {
            Err(CoreError::range(field(name), format!("{min}..={max}"), value))
        }
    };
    check("sets", e.sets, 1, MAX_SETS)?;
    if let Some(reps) = e.reps {
        check("reps", reps, 1, MAX_REPS)?;
    }
    if let Some(hold) = e.hold_seconds {
        check("hold_seconds", hold, 1, MAX_HOLD_SECONDS)?;
    }
    if let Some(t) = e.tempo {
        check("tempo.up_seconds", t.up_seconds, 0, MAX_TEMPO_SECONDS)?;
        check("tempo.hold_seconds", t.hold_seconds, 0, MAX_TEMPO_SECONDS)?;
        check("tempo.down_seconds", t.down_seconds, 0, MAX_TEMPO_SECONDS)?;
    }
    check("rest_seconds", e.rest_seconds, 0, MAX_REST_SECONDS)
}

/// The sides an exercise is done on, in order. // design choice: all sets on the left, then the
/// right (one side switch instead of one per set; matches how the protocols are written).
fn sides_of(e: &ProgramExercise) -> Vec<Side> {
    match e.sides {
        Side::Both => vec![Side::Left, Side::Right],
        other => vec![other],
    }
}

/// The work steps of one rep (or one hold / self-paced set): phases and durations.
fn rep_phases(e: &ProgramExercise) -> Vec<(Phase, Option<i64>)> {
    let secs = |s: u32| i64::from(s) * 1_000;
    if let Some(hold) = e.hold_seconds {
        // A hold exercise: each rep (or each set when reps is None) is one hold timer.
        return vec![(Phase::HoldTimer, Some(secs(hold)))];
    }
    match e.tempo {
        Some(t) if t.up_seconds + t.hold_seconds + t.down_seconds > 0 => [
            (Phase::Up, t.up_seconds),
            (Phase::Hold, t.hold_seconds),
            (Phase::Down, t.down_seconds),
        ]
        .into_iter()
        .filter(|(_, s)| *s > 0)
        .map(|(p, s)| (p, Some(secs(s))))
        .collect(),
        _ => vec![(Phase::SelfPacedRep, None)],
    }
}

fn push_exercise(steps: &mut Vec<Step>, index: usize, e: &ProgramExercise, more_follow: bool) {
    let sides = sides_of(e);
    let transition = |phase, set, side, duration_ms| Step {
        exercise: index,
        phase,
        set,
        rep: 0,
        side,
        duration_ms: Some(duration_ms),
        work: false,
        rep_start: 0,
        ends_set: false,
    };
    steps.push(transition(Phase::GetReady, 0, sides[0], GET_READY_MS));
    let phases = rep_phases(e);
    let reps = e.reps.unwrap_or(1);
    for (side_index, &side) in sides.iter().enumerate() {
        if side_index > 0 {
            steps.push(transition(Phase::SwitchSides, 0, side, SWITCH_SIDES_MS));
        }
        for set in 1..=e.sets {
            if set > 1 && e.rest_seconds > 0 {
                steps.push(transition(Phase::Rest, set, side, i64::from(e.rest_seconds) * 1_000));
            }
            for rep in 1..=reps {
                let rep_start = steps.len();
                for (k, &(phase, duration_ms)) in phases.iter().enumerate() {
                    steps.push(Step {
                        exercise: index,
                        phase,
                        set,
                        rep,
                        side,
                        duration_ms,
                        work: true,
                        rep_start,
                        ends_set: rep == reps && k + 1 == phases.len(),
                    });
                }
            }
        }
    }
    if more_follow {
        steps.push(transition(Phase::ExerciseDone, e.sets, *sides.last().unwrap_or(&e.sides), EXERCISE_DONE_MS));
    }
}
