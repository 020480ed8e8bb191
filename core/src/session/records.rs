//! The journal records a finished session produces: one [`SessionRecord`] per exercise.
//!
//! A step counts as done when the session moved past it without a skip (steps before the
//! current index that are not in the skipped list). A rep or hold is done when all its steps
//! (every tempo phase) are done; a set is done when all its reps are done on every side.

use std::collections::BTreeMap;

use crate::error::{CoreError, Result};
use crate::model::{SessionRecord, Side};

use super::engine::EngineData;
use super::steps::Plan;
use super::SessionStatus;

/// Builds the records; before `Finish` → state error.
pub fn build(data: &EngineData, plan: &Plan) -> Result<Vec<SessionRecord>> {
    let (SessionStatus::Finished, Some(peak_pain)) = (data.status, data.peak_pain) else {
        return Err(CoreError::state("records are available once the session is finished (send finish with the peak pain)"));
    };
    let done = |i: usize| i < data.step_index && data.skipped.binary_search(&i).is_err();
    let mut records = Vec::with_capacity(data.exercises.len());
    for (e, exercise) in data.exercises.iter().enumerate() {
        let range = plan.exercise_first_step[e]..plan.exercise_first_step[e + 1];
        // (side, set) -> (rep -> all steps of the rep done)
        let mut reps: BTreeMap<(u8, u32), BTreeMap<u32, bool>> = BTreeMap::new();
        for i in range.clone() {
            let step = &plan.steps[i];
            if step.work {
                let rep = reps.entry((side_key(step.side), step.set)).or_default().entry(step.rep).or_insert(true);
                *rep &= done(i);
            }
        }
        let reps_per_set = exercise.reps.unwrap_or(1);
        let mut sets_done = 0;
        let mut fewest_reps: Option<u32> = None;
        let mut any_work_done = false;
        for set in 1..=exercise.sets {
            let per_side: Vec<u32> = reps
                .iter()
                .filter(|((_, s), _)| *s == set)
                .map(|(_, r)| r.values().filter(|&&d| d).count() as u32)
                .collect();
            if per_side.iter().all(|&n| n == reps_per_set) {
                sets_done += 1;
            }
            for &n in per_side.iter().filter(|&&n| n > 0) {
                any_work_done = true;
                fewest_reps = Some(fewest_reps.map_or(n, |f| f.min(n)));
            }
        }
        let (reps_done, hold_seconds_done) = match (exercise.reps, exercise.hold_seconds) {
            (_, Some(hold)) => (exercise.reps.map(|_| fewest_reps.unwrap_or(0)), Some(if any_work_done { hold } else { 0 })),
            (Some(_), None) => (Some(fewest_reps.unwrap_or(0)), None),
            (None, None) => (None, None),
        };
        records.push(SessionRecord {
            date: data.date.iso(),
            exercise_id: exercise.exercise_id.clone(),
            level: exercise.level,
            sets_done,
            reps_done,
            hold_seconds_done,
            peak_pain,
            completed: sets_done == exercise.sets,
            skipped_steps: data.skipped.iter().filter(|i| range.contains(i)).count() as u32,
            effort: None, // asked by the shell after the session
            reps_in_reserve: None,
        });
    }
    Ok(records)
}

fn side_key(side: Side) -> u8 {
    match side {
        Side::Left => 0,
        Side::Right => 1,
        Side::Both => 2,
        Side::None => 3,
    }
}
