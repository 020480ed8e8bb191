//! `firststep reminders`: what the phone apps would schedule over the next 14 days.

use firststep_core::reminders::{Reminder, ReminderKind};
use serde::Serialize;

use crate::context::{CliResult, Context};
use crate::render::{heading, table};

/// One reminder in `reminders --json` (docs/cli.md).
#[derive(Serialize)]
pub struct ReminderOutput {
    pub id: String,
    pub kind: ReminderKind,
    pub local_date: String,
    pub local_time: String,
    pub fire_at_ms: i64,
    pub title: String,
    pub body: String,
}

/// Lists the reminders.
pub fn run(ctx: &Context) -> CliResult {
    let reminders = ctx.app.reminders(ctx.moment.clone())?;
    if ctx.json {
        let out: Vec<ReminderOutput> = reminders.iter().map(output).collect();
        return ctx.print_json(&out);
    }
    println!("{}", render(&reminders));
    Ok(())
}

fn output(r: &Reminder) -> ReminderOutput {
    ReminderOutput {
        id: r.id.clone(),
        kind: r.kind,
        local_date: r.local_date.clone(),
        local_time: r.local_time.clone(),
        fire_at_ms: r.fire_at_ms,
        title: r.title.clone(),
        body: r.body.clone(),
    }
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
