//! `firststep psfs`: the Patient-Specific Functional Scale (CLINICAL M2) — the 3–5 activities the
//! runner names, rated 0–10 at the start, every 2 weeks and at re-assessment.

use firststep_core::clinical::{Psfs, PsfsRating};

use crate::args::PsfsCommand;
use crate::context::{CliError, CliResult, Context};
use crate::render::{heading, table, wrap};

/// `psfs`, `psfs set NAME…`, `psfs rate SCORE…`.
pub fn run(ctx: &Context, command: Option<PsfsCommand>) -> CliResult {
    match command {
        None => show(ctx),
        Some(PsfsCommand::Set { names }) => set(ctx, names),
        Some(PsfsCommand::Rate { scores }) => rate(ctx, &scores),
    }
}

fn show(ctx: &Context) -> CliResult {
    let psfs = ctx.app.psfs(ctx.moment.clone())?;
    if ctx.json {
        return ctx.print_json(&psfs);
    }
    println!("{}", render(&ctx.date, &psfs));
    Ok(())
}

fn set(ctx: &Context, names: Vec<String>) -> CliResult {
    let list = ctx.app.set_psfs_activities(ctx.moment.clone(), names)?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    println!("Your activities:");
    for (i, a) in list.iter().enumerate() {
        println!("  {}. {}", i + 1, a.name);
    }
    let psfs = ctx.app.psfs(ctx.moment.clone())?;
    if psfs.due {
        println!("Rate them 0–10 in this order (0 = unable, 10 = as before the injury): {}", rate_hint(list.len()));
    }
    Ok(())
}

/// Scores in the order `firststep psfs` lists the activities.
fn rate(ctx: &Context, scores: &[i64]) -> CliResult {
    let activities = ctx.app.psfs(ctx.moment.clone())?.activities;
    if activities.is_empty() {
        return Err(CliError::state(
            "no activities named yet: name 3 to 5 first, e.g. firststep psfs set \"Run 5 km\" \"Walk the dog\" \"Stairs at work\"",
        ));
    }
    if scores.len() != activities.len() {
        let names: Vec<&str> = activities.iter().map(|a| a.name.as_str()).collect();
        return Err(CliError::invalid(
            "scores",
            format!("give one score per activity, in this order: {} ({} expected, got {})", names.join(", "), activities.len(), scores.len()),
        ));
    }
    let mut ratings = Vec::with_capacity(scores.len());
    for (i, (activity, &score)) in activities.iter().zip(scores).enumerate() {
        // Values past a byte get the core's wording; the core checks 0..=10 for the rest.
        let score = u8::try_from(score)
            .map_err(|_| CliError::range(format!("ratings[{i}].score"), "0..=10", score))?;
        ratings.push(PsfsRating { activity_id: activity.id, score });
    }
    let psfs = ctx.app.rate_psfs(ctx.moment.clone(), None, ratings)?;
    if ctx.json {
        return ctx.print_json(&psfs);
    }
    println!("Rated your activities on {}. Thank you.", ctx.date);
    println!("{}", render(&ctx.date, &psfs));
    Ok(())
}

/// `firststep psfs rate S1 S2 S3` for `n` activities.
pub fn rate_hint(n: usize) -> String {
    let scores: Vec<String> = (1..=n).map(|i| format!("S{i}")).collect();
    format!("firststep psfs rate {}", scores.join(" "))
}

/// The PSFS screen as text.
pub fn render(date: &str, psfs: &Psfs) -> String {
    let mut out = vec![heading(&format!("Your activities (PSFS) · {date}"))];
    if psfs.activities.is_empty() {
        out.push(wrap(&psfs.text, 78, ""));
        out.push("      → firststep psfs set \"Run 5 km\" \"Walk the dog\" \"Stairs at work\"".to_string());
        return out.join("\n");
    }
    let score = |s: &Option<firststep_core::clinical::PsfsScore>| match s {
        Some(s) => format!("{:.0} ({})", s.score, s.date),
        None => "–".to_string(),
    };
    let rows: Vec<Vec<String>> = psfs
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let change = match a.change {
                Some(c) => format!("{c:+}{}", if a.detectable { " ✓" } else { "" }),
                None => "–".to_string(),
            };
            vec![format!("{}", i + 1), a.name.clone(), score(&a.first), score(&a.latest), change]
        })
        .collect();
    use table::Align::{Left, Right};
    out.push(table::render(&["#", "activity", "first", "latest", "change"], &[Right, Left, Left, Left, Right], &rows));
    out.push("0 = unable, 10 = as before the injury; ✓ = a change of 3 or more on one activity.".to_string());
    out.push("Rule: M2".to_string());
    out.push(String::new());
    out.push(wrap(&psfs.text, 78, ""));
    if let Some(reason) = psfs.due_reason.as_deref().filter(|_| psfs.due) {
        out.push(wrap(reason, 78, "Due: "));
        out.push(format!("      → {}", rate_hint(psfs.activities.len())));
    } else if let Some(next) = &psfs.next_due {
        out.push(format!("Next rating: {next}"));
    }
    out.join("\n")
}
