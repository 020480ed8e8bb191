//! `firststep exercises`: the exercise library; `exercises show ID … --svg FILE`: one pose of an
//! exercise or an assessment test drawn by the core (`figures`), written like `report` (refused
//! over an existing file without --force, never over the journal).

use std::path::PathBuf;

use firststep_core::clinical::exercise_library;
use firststep_core::figures::{ffi, svg, FigurePhase};
use firststep_core::model::Side;
use serde_json::json;

use crate::args::{ExercisesCommand, PhaseArg, SideArg};
use crate::context::{default_db_path, print_json, CliResult};
use crate::files;
use crate::render::{heading, table};

/// design choice: the CLI's figures are 480 px square.
const SVG_PX: u32 = 480;

pub fn run(action: Option<ExercisesCommand>, json: bool, db: Option<PathBuf>) -> CliResult {
    match action {
        None => list(json),
        Some(ExercisesCommand::Show { id, level, side, phase, at, svg, force }) => {
            let side = match side {
                SideArg::Left => Side::Left,
                SideArg::Right => Side::Right,
            };
            let phase = match phase {
                PhaseArg::Up => FigurePhase::Up,
                PhaseArg::Down => FigurePhase::Down,
                PhaseArg::Hold => FigurePhase::Hold,
            };
            let db = match db {
                Some(path) => path,
                None => default_db_path()?,
            };
            if let Some(out) = &svg {
                files::check_target(out, &db, force)?;
            }
            let frame = ffi::exercise_figure(id.trim().to_string(), level, side, phase, at)?;
            let Some(out) = svg else {
                if json {
                    return print_json(&frame);
                }
                return Err(crate::context::CliError::invalid("svg", "pass --svg FILE to write the figure (or --json to print its primitives)"));
            };
            let document = svg::to_svg(&frame, SVG_PX);
            let written = files::write_output(&out, &db, force, document.as_bytes())?;
            if json {
                return print_json(&json!({
                    "out": out.display().to_string(),
                    "path": written.display().to_string(),
                    "bytes": document.len(),
                    "figure_id": frame.figure_id,
                    "level": frame.level,
                    "side": frame.side,
                    "phase": frame.phase,
                    "progress": frame.progress,
                    "view": frame.view,
                    "from_key": frame.from_key,
                    "to_key": frame.to_key,
                }));
            }
            let name = exercise_library().into_iter().find(|e| e.id == frame.figure_id).map(|e| e.name).unwrap_or_else(|| frame.figure_id.replace('_', " "));
            let phase = format!("{:?}", frame.phase).to_lowercase();
            let side = format!("{:?}", frame.side).to_lowercase();
            println!("Wrote the figure of {name} (level {}, {side} side, {phase} at {:.2}) to {}.", frame.level, frame.progress, out.display());
            Ok(())
        }
    }
}

fn list(json: bool) -> CliResult {
    let library = exercise_library();
    if json {
        let rows: Vec<_> = library.iter().map(|e| json!({ "id": e.id, "name": e.name, "max_level": e.max_level() })).collect();
        return print_json(&rows);
    }
    let rows: Vec<Vec<String>> = library
        .iter()
        .map(|e| {
            let levels = e.levels.iter().map(|l| format!("{} {}", l.level + 1, l.name)).collect::<Vec<_>>().join(" · ");
            vec![e.id.clone(), e.name.clone(), levels]
        })
        .collect();
    let mut out = vec![heading("Exercises")];
    out.push(table::render(&["id", "exercise", "levels"], &[table::Align::Left; 3], &rows));
    let tests: Vec<String> = firststep_core::figures::figure_catalogue().into_iter().filter(|f| f.is_test && f.level == 0).map(|f| f.figure_id).collect();
    out.push(String::new());
    out.push(format!("Assessment tests with a figure: {}", tests.join(", ")));
    out.push("Draw one: firststep exercises show calf_loading --level 2 --phase up --at 0.5 --svg raise.svg".to_string());
    println!("{}", out.join("\n"));
    Ok(())
}
