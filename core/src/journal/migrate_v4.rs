//! Rust part of schema step 4 (rule V1 for journals written before it): every stored program keeps
//! at most five exercises, chosen as a new program would be — the stretch and the loading ladder,
//! then one exercise per finding by severity, mild findings sharing one — and no kept exercise
//! loses the level the runner reached. Each capped program leaves a line in `migration_notes`.

use rusqlite::{params, Transaction};

use crate::clinical::assessment::Finding;
use crate::clinical::library::program_exercise;
use crate::clinical::program::{choose_exercises, minutes_per_day, program_affected_sides, Candidate, MAX_EXERCISES};
use crate::day::Day;
use crate::model::{Program, ProgramExercise, Severity};

/// Schema version this step migrates to (for its notes).
const TO_VERSION: i64 = 4;

pub(crate) fn cap_programs(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let findings = latest_findings(tx)?;
    let stored: Vec<(i64, String)> =
        tx.prepare("SELECT id, program_json FROM programs ORDER BY id")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (id, json) in stored {
        // A program this build cannot read is left exactly as it was (never lose data in a migration).
        let Ok(program) = serde_json::from_str::<Program>(&json) else {
            note(tx, &format!("Program {id} could not be read and was left unchanged (rule V1 not applied)."))?;
            continue;
        };
        let (capped, dropped) = cap(&program, &findings);
        let Ok(text) = serde_json::to_string(&capped) else { continue };
        tx.execute("UPDATE programs SET program_json = ?1 WHERE id = ?2", params![text, id])?;
        if !dropped.is_empty() {
            let names: Vec<String> = dropped.iter().map(|e| format!("{} ({})", e.name, e.level_name)).collect();
            note(
                tx,
                &format!(
                    "Program started {}: {} of {} exercises kept to fit at most {MAX_EXERCISES} a day (rule V1); set aside: {}. Levels reached are unchanged.",
                    program.started_on,
                    capped.exercises.len(),
                    program.exercises.len(),
                    names.join(", ")
                ),
            )?;
        }
    }
    Ok(())
}

fn note(tx: &Transaction<'_>, text: &str) -> rusqlite::Result<()> {
    let text: String = text.chars().take(1000).collect();
    tx.execute("INSERT INTO migration_notes (to_version, note) VALUES (?1, ?2)", params![TO_VERSION, text])?;
    Ok(())
}

/// The findings of the newest assessment (severity decides which exercises stay).
fn latest_findings(tx: &Transaction<'_>) -> rusqlite::Result<Vec<Finding>> {
    let json: Option<String> = tx
        .query_row("SELECT result_json FROM assessments ORDER BY date DESC, id DESC LIMIT 1", [], |r| r.get(0))
        .map(Some)
        .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?;
    /// Only the findings are read, so an older result shape still yields them.
    #[derive(serde::Deserialize)]
    struct StoredResult {
        findings: Vec<Finding>,
    }
    Ok(json.and_then(|j| serde_json::from_str::<StoredResult>(&j).ok()).map(|r| r.findings).unwrap_or_default())
}

/// Caps one program per V1. Returns the new program (every kept exercise refreshed from the library
/// at its own level and start date, so minutes and dwell times are filled) and the exercises dropped.
pub(crate) fn cap(program: &Program, findings: &[Finding]) -> (Program, Vec<ProgramExercise>) {
    let affected = program_affected_sides(program);
    // One candidate per link of the chain the program works on; its exercises ordered so the one
    // with the highest level reached is kept first.
    let mut candidates: Vec<Candidate> = Vec::new();
    for exercise in &program.exercises {
        let Some(domain) = exercise.answers.first().copied() else { continue };
        match candidates.iter_mut().find(|c| c.domain == domain) {
            Some(c) => c.exercises.push(exercise.exercise_id.clone()),
            None => {
                // Results stored before V1 carry no severity score: marked 1, mild 0 (chain order
                // breaks ties). A domain without a stored finding counts as marked, so nothing is
                // dropped for lack of information beyond V1's five.
                let finding = findings.iter().find(|f| f.domain == domain);
                candidates.push(Candidate {
                    domain,
                    severity: finding.map_or(Severity::Marked, |f| f.severity),
                    severity_score: finding.map_or(1.0, |f| match f.severity {
                        _ if f.severity_score > 0.0 => f.severity_score,
                        Severity::Marked => 1.0,
                        Severity::Mild => 0.0,
                    }),
                    sides: exercise.sides,
                    exercises: vec![exercise.exercise_id.clone()],
                })
            }
        }
    }
    let level_of = |id: &str| program.exercises.iter().find(|e| e.exercise_id == id).map_or(0, |e| e.level);
    for candidate in &mut candidates {
        crate::sort::sort_by_key(&mut candidate.exercises, |id| std::cmp::Reverse(level_of(id)));
    }
    let (chosen, set_aside) = choose_exercises(affected, &candidates);
    let mut exercises = Vec::new();
    for (id, _) in &chosen {
        let Some(old) = program.exercises.iter().find(|e| &e.exercise_id == id) else { continue };
        let refreshed = Day::parse("level_started_on", &old.level_started_on)
            .ok()
            .and_then(|start| program_exercise(id, old.level, old.sides, start).ok())
            .map(|mut fresh| {
                fresh.sides = old.sides;
                fresh.load_steps = old.load_steps;
                fresh
            })
            .unwrap_or_else(|| old.clone());
        exercises.push(refreshed);
    }
    let dropped: Vec<ProgramExercise> = program.exercises.iter().filter(|e| !chosen.iter().any(|(id, _)| *id == e.exercise_id)).cloned().collect();
    let mut capped = Program { exercises, set_aside, ..program.clone() };
    capped.minutes_per_day = minutes_per_day(&capped);
    (capped, dropped)
}
