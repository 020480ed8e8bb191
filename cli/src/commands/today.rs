//! `firststep today`: the plan for the day, with the how-to steps.

use firststep_core::model::{DayPlan, ProgramExercise, Side};

use crate::context::{CliResult, Context};
use crate::render::{heading, words, wrap};

/// Shows the plan for the context's date (`plan_for`, so `--date` shows any past day's plan).
pub fn run(ctx: &Context) -> CliResult {
    let plan = ctx.app.plan_for(ctx.date.clone())?;
    if ctx.json {
        return ctx.print_json(&plan);
    }
    println!("{}", render(&plan));
    Ok(())
}

/// The plan as text.
pub fn render(plan: &DayPlan) -> String {
    let mut out = vec![heading(&format!("Today · {}", plan.date))];
    out.extend(notes(plan));
    if plan.exercises.is_empty() {
        out.push("No exercises today: a rest day.".to_string());
    } else {
        // rule V1: at most five exercises, with the time they take.
        out.push(format!("{} exercise(s), about {} minutes in all (the stretch counts its three rounds).", plan.exercises.len(), plan.minutes));
    }
    for (i, e) in plan.exercises.iter().enumerate() {
        out.push(format!("{}. {} — {}", i + 1, e.name, e.level_label));
        out.push(format!("   {} · {} · evidence: {}", dose(e), words(&e.frequency), words(&e.evidence_tier)));
        for step in &e.how_to {
            out.push(wrap(step, 72, "     · "));
        }
        out.push(format!("   id: {}  (log without the guide: firststep session log --exercise {} …)", e.exercise_id, e.exercise_id));
        if let Some(lesson) = &e.lesson_id {
            let title = e.lesson_title.as_deref().unwrap_or("the lesson");
            out.push(format!("   Why this exercise? — {title}: firststep learn {lesson}"));
        }
    }
    if let Some(note) = &plan.note {
        out.push(wrap(note, 78, ""));
    }
    if !plan.exercises.is_empty() {
        out.push("Start the guided session: firststep session".to_string());
    }
    out.join("\n")
}

/// The day's load notes (rule P7: a flare morning; P8: hops held, the hop-check question), each
/// with its rule as a label (X4).
pub fn notes(plan: &DayPlan) -> Vec<String> {
    let mut out = Vec::new();
    for note in plan.flare.iter().chain(&plan.impact_hold) {
        out.push(wrap(&note.text, 78, "⚠  "));
        out.push(format!("   Rule: {}", note.rule));
    }
    if let Some(question) = &plan.hop_check_question {
        out.push(wrap(question, 78, "?  "));
        out.push("   Answer: firststep hop-check PAIN   (Rule: P8)".to_string());
    }
    // rule P9: the maintenance offer, maintenance itself, or the full program's return and why.
    if let Some(note) = &plan.maintenance {
        out.push(wrap(&note.text, 78, "•  "));
        if note.state == firststep_core::model::MaintenanceState::Offered {
            out.push(format!("   Answer: firststep maintenance accept | firststep maintenance decline   (Rule: {})", note.rule));
        } else {
            out.push(format!("   Rule: {}", note.rule));
        }
    }
    out
}

/// "3 × 12 reps, tempo 3-2-3 s, each side" and similar.
pub fn dose(e: &ProgramExercise) -> String {
    let mut text = match (e.reps, e.hold_seconds) {
        (Some(reps), Some(hold)) => format!("{} × {reps} reps, hold {hold} s", e.sets),
        (Some(reps), None) => format!("{} × {reps} reps", e.sets),
        (None, Some(hold)) => format!("{} × {hold} s hold", e.sets),
        (None, None) => format!("{} sets", e.sets),
    };
    if let Some(t) = e.tempo {
        text.push_str(&format!(", tempo {}-{}-{} s", t.up_seconds, t.hold_seconds, t.down_seconds));
    }
    if let Some(load) = &e.load {
        text.push_str(&format!(", {load}"));
    }
    if e.load_steps > 0 {
        // rule P5: load added within the stage by effort answers.
        text.push_str(&format!(" (+{} load step(s) since this level began)", e.load_steps));
    }
    match e.sides {
        Side::Both => text.push_str(", each side"),
        Side::Left => text.push_str(", left only"),
        Side::Right => text.push_str(", right only"),
        Side::None => {}
    }
    text
}
