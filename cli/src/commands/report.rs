//! `firststep report --out FILE.html`: the one-page clinician summary rendered by the core,
//! written with the shared guard and atomic writer (`crate::files`).

use std::path::Path;

use serde_json::json;

use crate::context::{CliResult, Context};
use crate::files;

/// Writes the summary for the context's date to `out` (over an existing file only with `force`;
/// never over the journal).
pub fn run(ctx: &Context, out: &Path, force: bool) -> CliResult {
    // Checked before rendering, so a refused target costs nothing.
    files::check_target(out, &ctx.db_path, force)?;
    let summary = ctx.app.clinician_summary(ctx.moment.clone())?;
    let written = files::write_output(out, &ctx.db_path, force, summary.html.as_bytes())?;
    if ctx.json {
        return ctx.print_json(&json!({
            "out": out.display().to_string(),
            "path": written.display().to_string(),
            "bytes": summary.html.len(),
            "date": summary.date,
            "suggested_file_name": summary.file_name,
        }));
    }
    println!("Wrote the clinician summary for {} to {}.", summary.date, out.display());
    println!("Open it in a browser to read, print (one A4 page) or save it as PDF.");
    Ok(())
}
