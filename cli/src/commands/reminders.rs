//! `firststep reminders`: what the phone apps would schedule over the next 14 days.

use firststep_core::reminders::Reminder;

use crate::context::{CliResult, Context};
use crate::render::{heading, table};

/// Lists the reminders.
pub fn run(ctx: &Context) -> CliResult {
    let reminders = ctx.app.reminders(ctx.moment.clone())?;
    if ctx.json {
        // The core's Reminder is the documented JSON shape (docs/cli.md).
        return ctx.print_json(&reminders);
    }
    println!("{}", render(&reminders));
    Ok(())
}

/// The reminders as a table.
pub fn render(reminders: &[Reminder]) -> String {
    let mut out = vec![heading("Reminders · next 14 days")];
    if reminders.is_empty() {
        out.push("No reminders planned (they may be turned off, or everything is done).".to_string());
        return out.join("\n");
    }
    let rows: Vec<Vec<String>> = reminders
        .iter()
        .map(|r| vec![r.local_date.clone(), r.local_time.clone(), r.title.clone(), r.body.clone()])
        .collect();
    out.push(table::render(&["date", "time", "reminder", ""], &[table::Align::Left; 4], &rows));
    out.join("\n")
}
