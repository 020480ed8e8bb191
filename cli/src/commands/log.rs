//! `firststep pain` and `firststep run`: the daily logs.

use crate::context::{CliResult, Context};
use crate::render::{words, wrap};
use firststep_core::clinical::library::exercise_name;

/// Logs morning first-step pain for the context's date.
pub fn pain(ctx: &Context, score: i64, note: Option<String>, stiffness: Option<i64>) -> CliResult {
    let log = ctx.app.log_pain(ctx.moment.clone(), None, score, stiffness, note)?;
    if ctx.json {
        return ctx.print_json(&log);
    }
    match &log.replaced {
        Some(old) => println!("Updated {}: first-step pain {}/10 (was {}/10; the earlier value is kept in the history).", log.entry.date, log.entry.score, old.score),
        None => println!("Logged {}: first-step pain {}/10. Thank you.", log.entry.date, log.entry.score),
    }
    if let Some(flare) = &log.flare {
        // rule P7: a flare acts the same morning; say so with the confirmation.
        println!("{}", wrap(&flare.text, 78, "⚠  "));
        println!("   Rule: {} — a flare acts the same morning. Today's plan: firststep today", flare.rule);
    }
    // rule P9: a flare or a second sore morning ends maintenance; say so with the confirmation.
    if let Ok(plan) = ctx.app.plan_for(log.entry.date.clone()) {
        if let Some(note) = plan.maintenance.filter(|n| n.state == firststep_core::model::MaintenanceState::FullProgramBack) {
            println!("{}", wrap(&note.text, 78, "⚠  "));
            println!("   Rule: {}", note.rule);
        }
    }
    for d in &log.decisions {
        // CLINICAL X4: the exercise's name and "Level 1 → 2" (counted from 1); the rule as a label.
        println!("  {} {}: {} (Level {} → {})", arrow(d.to_level, d.from_level), exercise_name(&d.exercise_id), words(&d.action), d.from_level + 1, d.to_level + 1);
        println!("    {}", d.reason);
        println!("    Rule: {}", d.rule);
    }
    // rule A7: a flare within 2 days after a run beyond its cap names that run.
    if let Some(trigger) = ctx.app.progress(ctx.moment.clone(), None)?.running.likely_trigger {
        println!("{}", wrap(&trigger, 78, "⚠  "));
    }
    Ok(())
}

/// Records the single-leg hop check on the context's date (rule P8): heel pain 0–10 during or after
/// 10 hops on the affected foot.
pub fn hop_check(ctx: &Context, pain: i64) -> CliResult {
    let check = ctx.app.record_hop_check(ctx.moment.clone(), pain)?;
    if ctx.json {
        return ctx.print_json(&check);
    }
    if check.passed {
        println!("Hop check on {}: heel pain {}/10 — passed. With calm mornings, hopping levels open for the next 14 days.", check.date, check.pain);
    } else {
        println!("Hop check on {}: heel pain {}/10 — above 2, so hops wait. The question comes back in a week.", check.date, check.pain);
    }
    println!("   Rule: P8 — impact gate");
    Ok(())
}

/// Answers today's maintenance offer (rule P9) and shows the day's plan after it.
pub fn maintenance(ctx: &Context, action: crate::args::MaintenanceCommand) -> CliResult {
    let plan = match action {
        crate::args::MaintenanceCommand::Accept => ctx.app.accept_maintenance(ctx.moment.clone())?,
        crate::args::MaintenanceCommand::Decline => ctx.app.decline_maintenance(ctx.moment.clone())?,
    };
    if ctx.json {
        return ctx.print_json(&plan);
    }
    match action {
        crate::args::MaintenanceCommand::Accept => println!("Maintenance from {}.", plan.date),
        crate::args::MaintenanceCommand::Decline => {
            println!("Not now: your full program continues. The offer can come back in two weeks.")
        }
    }
    println!("{}", super::today::render(&plan));
    Ok(())
}

/// Records a clinician visit on the context's date (rule R4; with `cleared`, rule R1).
pub fn clinician_visit(ctx: &Context, cleared: bool) -> CliResult {
    let visit = ctx.app.record_clinician_visit(ctx.moment.clone(), None, cleared)?;
    if ctx.json {
        return ctx.print_json(&visit);
    }
    if visit.cleared {
        println!("Recorded: a clinician cleared you on {}. You can take the safety questions again: firststep assess", visit.date);
    } else {
        println!("Recorded your clinician visit on {}. The referral banner is cleared.", visit.date);
    }
    Ok(())
}

/// Logs a run on the context's date.
pub fn run(ctx: &Context, km: f64, minutes: Option<f64>, pain: Option<i64>) -> CliResult {
    let log = ctx.app.log_run(ctx.moment.clone(), None, km, minutes, pain, None, None, None)?;
    if ctx.json {
        return ctx.print_json(&log);
    }
    let run = &log.run;
    let time = run.minutes.map(|m| format!(" in {m:.0} min")).unwrap_or_default();
    let pain = run.pain_during.map(|p| format!(", heel pain {p}/10")).unwrap_or_default();
    println!("Logged a run on {}: {}{time}{pain}.", run.date, ctx.distance(run.distance_km));
    // rules A7, RR2: the warning the run earned, when it is logged.
    if let Some(warning) = &log.warning {
        println!("{}", wrap(warning, 78, "⚠  "));
    }
    Ok(())
}

/// ▲ for a level up, ▼ for down, ■ for a hold.
pub fn arrow(to: u32, from: u32) -> &'static str {
    match to.cmp(&from) {
        std::cmp::Ordering::Greater => "▲",
        std::cmp::Ordering::Less => "▼",
        std::cmp::Ordering::Equal => "■",
    }
}
