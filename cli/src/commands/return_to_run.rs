//! `firststep return-to-run`: the way back to running (CLINICAL RR1) — the card (offered, not yet,
//! the walk-run step, done) and `return-to-run test` to take the self-test.

use firststep_core::clinical::{ReturnToRun, ReturnToRunAnswers, ReturnToRunCheck, ReturnToRunState};

use crate::args::ReturnToRunCommand;
use crate::context::{CliError, CliResult, Context};
use crate::render::{heading, wrap};

/// `return-to-run` or `return-to-run test …`.
pub fn run(ctx: &Context, command: Option<ReturnToRunCommand>) -> CliResult {
    match command {
        None => show(ctx),
        Some(ReturnToRunCommand::Test { walk_pain, heel_raises, other_side, hop_pain }) => {
            let answers = ReturnToRunAnswers {
                walk_pain: narrow("walk_pain", walk_pain)?,
                heel_raises_affected: narrow("heel_raises", heel_raises)?,
                heel_raises_other: other_side.map(|n| narrow("other_side", n)).transpose()?,
                hop_pain: narrow("hop_pain", hop_pain)?,
            };
            let check = ctx.app.take_return_to_run_test(ctx.moment.clone(), answers)?;
            if ctx.json {
                return ctx.print_json(&check);
            }
            println!("{}", render_check(&check));
            Ok(())
        }
    }
}

/// The parser already bounded the value; this only changes its type.
fn narrow<T: TryFrom<i64>>(field: &str, value: i64) -> CliResult<T> {
    T::try_from(value).map_err(|_| CliError::invalid(field, format!("{value} is out of range")))
}

fn show(ctx: &Context) -> CliResult {
    let running = ctx.app.progress(ctx.moment.clone(), None)?.running;
    if ctx.json {
        return ctx.print_json(&serde_json::json!({ "return_to_run": running.return_to_run, "checks": ctx.app.return_to_run_checks()? }));
    }
    let mut out = vec![heading(&format!("Return to running · {}", ctx.date))];
    match &running.return_to_run {
        // rule RR2: never "you are running" while the safety screen forbids running (R1, R2).
        None if running.rules.iter().any(|r| r == "R1" || r == "R2") => out.push(wrap(&running.reason, 78, "Not now: ")),
        None => out.push(wrap(
            "You are running: follow the running guidance of `firststep progress`. If you stop for a while, this self-test tells you when to start again.",
            78,
            "",
        )),
        Some(card) => out.push(render_card(card)),
    }
    out.push(String::new());
    out.push("Take the self-test: firststep return-to-run test --walk-pain N --heel-raises N [--other-side N] --hop-pain N".to_string());
    println!("{}", out.join("\n"));
    Ok(())
}

/// The card in words.
pub fn render_card(card: &ReturnToRun) -> String {
    let label = match card.state {
        ReturnToRunState::Offered => "Offered",
        ReturnToRunState::NotYet => "Not yet",
        ReturnToRunState::WalkRun => "Walk-run",
        ReturnToRunState::Complete => "Done",
    };
    let mut out = vec![wrap(&card.text, 78, &format!("{label}: "))];
    if let Some(check) = &card.last_check {
        out.push(format!("Last self-test: {} ({})", check.date, if check.passed { "passed" } else { "not passed yet" }));
    }
    out.join("\n")
}

fn render_check(check: &ReturnToRunCheck) -> String {
    let mut out = vec![heading(&format!("Return-to-run self-test · {}", check.date))];
    for c in &check.criteria {
        out.push(format!("  {} {} — {}", if c.passed { "✓" } else { "✗" }, c.label, c.detail));
    }
    out.push(String::new());
    out.push(wrap(&check.advice, 78, ""));
    out.join("\n")
}
