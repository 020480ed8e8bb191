//! No command: the home screen.

use firststep_core::api::{HomeScreen, NextStep};
use firststep_core::model::RunningState;

use crate::context::{CliResult, Context};
use crate::render::{heading, wrap};

/// Shows the home screen for the context's date.
pub fn run(ctx: &Context) -> CliResult {
    let home = ctx.app.home(ctx.moment.clone())?;
    if ctx.json {
        return ctx.print_json(&home);
    }
    println!("{}", render(&home));
    Ok(())
}

/// The home screen as text.
pub fn render(home: &HomeScreen) -> String {
    let mut out = vec![heading(&format!("FirstStep · {}", home.date))];
    if let Some(caution) = &home.caution {
        out.push(wrap(caution, 78, "⚠  "));
    }
    if let Some(referral) = &home.referral {
        // rule R4: the escalation banner, with the options to discuss when it is firm.
        out.push(wrap(&referral.text, 78, "⚠  "));
        for option in &referral.options {
            out.push(wrap(option, 74, "     • "));
        }
        out.push("     Seen someone? `firststep seen-clinician --date YYYY-MM-DD` clears this banner.".to_string());
    }
    match &home.last_pain {
        Some(p) => out.push(format!("Last first-step pain: {}/10 on {}", p.score, p.date)),
        None => out.push("No first-step pain logged yet.".to_string()),
    }
    if home.streak_days > 0 {
        let s = if home.streak_days == 1 { "" } else { "s" };
        out.push(format!("Logging streak: {} day{s} in a row", home.streak_days));
    }
    if let Some(plan) = &home.plan {
        out.extend(super::today::notes(plan));
        let total = plan.exercises.len();
        let done = plan.exercises.iter().filter(|e| home.done_today.contains(&e.exercise_id)).count();
        if total == 0 {
            out.push("Today: a rest day from the exercises.".to_string());
        } else {
            out.push(format!("Today's exercises: {done} of {total} done (about {} min)", plan.minutes));
            for e in &plan.exercises {
                let mark = if home.done_today.contains(&e.exercise_id) { "✓" } else { "·" };
                out.push(format!("  {mark} {} ({})", e.name, e.level_label));
            }
        }
    }
    if let Some(running) = &home.running {
        if let Some(race) = &running.race {
            out.push(wrap(&race.verdict, 78, "Race: "));
        }
        out.push(wrap(&format!("{} {}", light(running.state), running.reason), 78, "Running: "));
        if let Some(warning) = &running.weekly_warning {
            out.push(wrap(warning, 78, "⚠  "));
        }
        // While walking and running, the guidance above already names the step.
        if let Some(card) = running.return_to_run.as_ref().filter(|c| c.state != firststep_core::clinical::ReturnToRunState::WalkRun) {
            out.push(super::return_to_run::render_card(card));
        }
    }
    if home.psfs_due {
        // rule M2: at the start, every 2 weeks and after a re-assessment.
        out.push("Rate your activities (firststep psfs rate …)".to_string());
    }
    out.push(String::new());
    out.push(format!("Next: {}", home.next_step_text));
    out.push(format!("      → {}", command_for(home.next_step)));
    out.join("\n")
}

/// A traffic light for the running guidance.
pub fn light(state: RunningState) -> &'static str {
    match state {
        RunningState::Green => "🟢 green —",
        RunningState::Amber => "🟠 amber —",
        RunningState::Red => "🔴 red —",
    }
}

fn command_for(step: NextStep) -> &'static str {
    match step {
        NextStep::Assess | NextStep::Reassess => "firststep assess",
        NextStep::SeekCare => "once cleared: firststep seen-clinician --cleared --date YYYY-MM-DD, then firststep assess",
        NextStep::LogPain => "firststep pain SCORE",
        NextStep::DoSession => "firststep session",
        NextStep::Rest => "firststep trend",
    }
}
