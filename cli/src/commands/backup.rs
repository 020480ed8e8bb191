//! `firststep export` and `firststep import`: the JSON backup and the pain-log CSV.

use std::path::Path;

use serde_json::json;

use crate::context::{CliError, CliResult, Context};
use crate::files;

/// Writes the JSON backup to `out`, or the pain CSV to `out`/stdout. A file is written atomically
/// and never over the journal or its side files; over another existing file only with `force`.
pub fn export(ctx: &Context, out: Option<&Path>, csv: bool, force: bool) -> CliResult {
    if let Some(path) = out {
        // Checked before the export is built, so a refused target costs nothing.
        files::check_target(path, &ctx.db_path, force)?;
    }
    let (text, what) = if csv {
        (ctx.app.pain_csv()?, "pain log (CSV)")
    } else {
        (ctx.app.export_json(ctx.moment.clone())?, "backup (JSON)")
    };
    let Some(path) = out else {
        if !csv {
            return Err(CliError::invalid("out", "the JSON backup needs --out FILE"));
        }
        print!("{text}");
        return Ok(());
    };
    files::write_output(path, &ctx.db_path, force, text.as_bytes())?;
    if ctx.json {
        return ctx.print_json(&json!({ "out": path.display().to_string(), "bytes": text.len() }));
    }
    println!("Wrote the {what} to {}.", path.display());
    Ok(())
}

/// Imports a JSON backup file.
pub fn import(ctx: &Context, file: &Path) -> CliResult {
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::invalid("file", format!("cannot read backup {}: {e}", file.display())))?;
    let report = ctx.app.import_json(ctx.moment.clone(), text)?;
    if ctx.json {
        return ctx.print_json(&report);
    }
    println!("Imported {}.", file.display());
    println!(
        "  pain scores: {} added, {} updated, {} unchanged",
        report.pain_added, report.pain_updated, report.pain_unchanged
    );
    println!("  sessions: {} added, {} unchanged", report.sessions_added, report.sessions_unchanged);
    println!("  assessments: {} added, {} unchanged", report.assessments_added, report.assessments_unchanged);
    Ok(())
}
