//! `firststep run import PATH...`: runs from activity files (issue 23).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use firststep_core::api::{ActivityImport, ImportStatus};

use crate::context::{CliError, CliResult, Context};

/// Files named, and the FIT/GPX/TCX files inside folders (recursively), each once, in path order.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    fn walk(dir: &Path, out: &mut BTreeSet<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(&path, out)?;
            } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| ["fit", "gpx", "tcx"].contains(&e.to_ascii_lowercase().as_str())) {
                out.insert(path.canonicalize().unwrap_or(path));
            }
        }
        Ok(())
    }
    let mut files = BTreeSet::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files).map_err(|e| CliError::io(p, e))?;
        } else if p.exists() {
            files.insert(p.canonicalize().unwrap_or_else(|_| p.clone()));
        } else {
            return Err(CliError::invalid("PATH", format!("{}: no such file or folder", p.display())));
        }
    }
    Ok(files.into_iter().collect())
}

pub fn run(ctx: &Context, paths: &[PathBuf]) -> CliResult {
    let mut results: Vec<(String, ActivityImport)> = Vec::new();
    for path in collect(paths)? {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let result = match std::fs::read(&path) {
            Ok(bytes) => ctx.app.import_activity_file(ctx.moment.clone(), name.clone(), bytes)?,
            Err(e) => ActivityImport {
                file: name.clone(),
                status: ImportStatus::Refused,
                reason: Some(format!("{name} could not be read: {e}")),
                runs: Vec::new(),
                skipped: Vec::new(),
                notes: Vec::new(),
                wrote: false,
                change: None,
            },
        };
        results.push((path.display().to_string(), result));
    }
    let refused = results.iter().filter(|(_, r)| r.status == ImportStatus::Refused).count();
    if ctx.json {
        let docs: Vec<serde_json::Value> = results
            .iter()
            .map(|(path, r)| {
                let mut v = serde_json::to_value(r).unwrap_or_default();
                v["path"] = serde_json::Value::String(path.clone());
                v
            })
            .collect();
        ctx.print_json(&docs)?;
    } else {
        for (path, r) in &results {
            match r.status {
                ImportStatus::Imported => println!("{path}: imported"),
                ImportStatus::Skipped => println!("{path}: skipped"),
                ImportStatus::Refused => println!("{path}: refused — {}", r.reason.as_deref().unwrap_or("")),
            }
            for line in &r.runs {
                println!("  {}", line.message);
                if let Some(w) = &line.warning {
                    println!("  ⚠  {w}");
                }
            }
            for s in &r.skipped {
                println!("  skipped: {s}");
            }
            for n in &r.notes {
                println!("  note: {n}");
            }
        }
        if results.is_empty() {
            println!("No FIT, GPX or TCX files found.");
        }
    }
    if refused > 0 {
        return Err(CliError { kind: "import_refused", field: None, message: format!("{refused} of {} file(s) refused (see above); nothing was written from them", results.len()) });
    }
    Ok(())
}
