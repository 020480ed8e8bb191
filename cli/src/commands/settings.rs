//! `firststep settings`: shows the settings; `--units` changes the distance units.

use firststep_core::model::Units;

use crate::args::UnitsArg;
use crate::context::{CliResult, Context};
use crate::render::{heading, words};

/// Shows (and with `--units`, changes) the settings.
pub fn run(ctx: &Context, units: Option<UnitsArg>) -> CliResult {
    let mut settings = ctx.app.settings()?;
    if let Some(units) = units {
        settings.units = match units {
            UnitsArg::Metric => Units::Metric,
            UnitsArg::Imperial => Units::Imperial,
        };
        ctx.app.save_settings(settings.clone())?;
    }
    if ctx.json {
        return ctx.print_json(&settings);
    }
    println!("{}", heading("Settings"));
    println!("units:             {}", words(&settings.units));
    println!("morning reminder:  {}", settings.morning_reminder);
    println!("session reminder:  {}", settings.session_reminder);
    println!("reminders:         {}", if settings.reminders_enabled { "on" } else { "off" });
    Ok(())
}
