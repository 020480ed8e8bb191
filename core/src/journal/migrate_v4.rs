//! Rust part of schema step 4 (rule V1 for journals written before it): every stored program keeps
//! at most five exercises, chosen as a new program would be — the stretch and the loading ladder,
//! then one exercise per finding by severity, mild findings sharing one — and no kept exercise
//! loses the level the runner reached. Each capped program leaves a line in `migration_notes`.
//!
//! The selection is a frozen copy of V1's as this step shipped ([`shipped`]), not a call into the
//! live program builder: a released migration must give the same result whatever the program code
//! becomes later (issue 26). Only the library's dosage for a kept exercise at its own level is read
//! live (it is the same data a new program would get).

use rusqlite::{params, Transaction};

use crate::clinical::assessment::Finding;
use crate::clinical::library::program_exercise;
use crate::clinical::program::{minutes_per_day, program_affected_sides};
use crate::day::Day;
use crate::model::{Program, ProgramExercise, Severity};

use self::shipped::{choose_exercises, Candidate, MAX_EXERCISES};

/// Schema version this step migrates to (for its notes).
const TO_VERSION: i64 = 4;

pub(crate) fn cap_programs(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let findings = latest_findings(tx)?;
    let stored: Vec<(i64, String)> =
        tx.prepare("SELECT id, program_json FROM programs ORDER BY id")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (id, json) in stored {
        // A program this build cannot read is left exactly as it was (never lose data in a migration).
        let Ok(program) = serde_json::from_str::<Program>(&json) else {
            note(tx, &format!("Program {id} could not be read and was left unchanged: its exercises were not trimmed to five a day."))?;
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
                    "Program started {}: {} of {} exercises kept to fit at most {MAX_EXERCISES} a day; set aside: {}. Levels reached are unchanged.",
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

/// V1's selection exactly as schema step 4 shipped (2026-11-30): the base pair, at most five
/// exercises, one per finding by severity, the mild findings sharing one slot, then library order.
/// Frozen on purpose — change the live `clinical::program`, never this.
mod shipped {
    use crate::clinical::library::exercise_name;
    use crate::model::{Domain, Severity, Side};

    /// rule V1 (design) as shipped: at most five exercises a day.
    pub(super) const MAX_EXERCISES: usize = 5;

    /// The stretch (L3) and the loading ladder (L1/L2), always first.
    const BASE: [&str; 2] = ["plantar_fascia_stretch", "calf_loading"];

    /// The library's program order when step 4 shipped.
    const LIBRARY_ORDER: [&str; 11] = [
        "plantar_fascia_stretch",
        "calf_loading",
        "calf_stretch",
        "ankle_mobility",
        "towel_scrunch",
        "short_foot",
        "single_leg_balance",
        "side_lying_hip_abduction",
        "clamshell",
        "single_leg_bridge",
        "cadence_drill",
    ];

    /// One link of the chain competing for a slot: its finding and its exercises, best first.
    #[derive(Clone, Debug)]
    pub(super) struct Candidate {
        pub domain: Domain,
        pub severity: Severity,
        pub severity_score: f64,
        pub sides: Side,
        pub exercises: Vec<String>,
    }

    impl Candidate {
        fn words(&self) -> String {
            let severity = match self.severity {
                Severity::Mild => "mild",
                Severity::Marked => "marked",
            };
            format!("{} ({severity})", self.domain.words())
        }
    }

    fn library_order(id: &str) -> usize {
        LIBRARY_ORDER.iter().position(|e| *e == id).unwrap_or(usize::MAX)
    }

    /// The chosen (exercise id, sides) in program order, and the findings left out in words.
    pub(super) fn choose_exercises(base_sides: Side, candidates: &[Candidate]) -> (Vec<(String, Side)>, Vec<String>) {
        let mut chosen: Vec<(String, Side)> = BASE.iter().map(|id| ((*id).to_string(), base_sides)).collect();
        let mut ranked: Vec<&Candidate> =
            candidates.iter().filter(|c| c.exercises.iter().any(|e| !BASE.contains(&e.as_str()))).collect();
        crate::sort::sort_by(&mut ranked, |a, b| b.severity_score.total_cmp(&a.severity_score));
        let mut set_aside = Vec::new();
        let mut mild_slot: Option<String> = None;
        for candidate in ranked {
            let Some(id) = candidate.exercises.iter().find(|e| !chosen.iter().any(|(c, _)| c == *e)) else { continue };
            if candidate.severity == Severity::Mild {
                if let Some(shared) = &mild_slot {
                    set_aside.push(format!(
                        "{}: mild findings share one exercise ({}); this one is measured again at your next assessment.",
                        candidate.words(),
                        exercise_name(shared).to_lowercase()
                    ));
                    continue;
                }
            }
            if chosen.len() >= MAX_EXERCISES {
                set_aside.push(format!(
                    "{}: left out to keep the day to 5 exercises; it is measured again at your next assessment.",
                    candidate.words()
                ));
                continue;
            }
            if candidate.severity == Severity::Mild {
                mild_slot = Some(id.clone());
            }
            chosen.push((id.clone(), candidate.sides));
        }
        crate::sort::sort_by_key(&mut chosen[BASE.len()..], |(id, _)| library_order(id));
        (chosen, set_aside)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn candidate(domain: Domain, severity: Severity, score: f64, exercises: &[&str]) -> Candidate {
            Candidate {
                domain,
                severity,
                severity_score: score,
                sides: Side::Left,
                exercises: exercises.iter().map(|e| (*e).to_string()).collect(),
            }
        }

        /// The step's selection is pinned: these are the programs it produced when it shipped, so a
        /// change to the live program builder (a sixth exercise, another order, new ladders) cannot
        /// move what this released migration writes.
        #[test]
        fn the_shipped_selection_is_pinned() {
            let candidates = [
                candidate(Domain::HipControl, Severity::Mild, 0.1, &["side_lying_hip_abduction", "clamshell"]),
                candidate(Domain::AnkleMobility, Severity::Marked, 0.4, &["ankle_mobility", "calf_stretch"]),
                candidate(Domain::Balance, Severity::Mild, 0.2, &["single_leg_balance"]),
                candidate(Domain::FootIntrinsics, Severity::Marked, 0.6, &["towel_scrunch", "short_foot"]),
                candidate(Domain::Gait, Severity::Marked, 0.3, &["cadence_drill"]),
                candidate(Domain::CalfCapacity, Severity::Marked, 0.9, &["calf_loading"]),
            ];
            let (chosen, set_aside) = choose_exercises(Side::Left, &candidates);
            let ids: Vec<&str> = chosen.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(ids, ["plantar_fascia_stretch", "calf_loading", "ankle_mobility", "towel_scrunch", "cadence_drill"]);
            assert_eq!(set_aside.len(), 2, "{set_aside:?}");
            assert!(set_aside[0].starts_with("Balance (mild): left out to keep the day to 5 exercises"), "{set_aside:?}");
            assert!(set_aside[1].starts_with("Hip control (mild): left out"), "{set_aside:?}");

            // Two mild findings with room to spare share one slot: the more severe one's exercise.
            let (chosen, set_aside) = choose_exercises(Side::Right, &candidates[..3]);
            let ids: Vec<&str> = chosen.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(ids, ["plantar_fascia_stretch", "calf_loading", "ankle_mobility", "single_leg_balance"]);
            assert_eq!(set_aside.len(), 1);
            assert!(set_aside[0].starts_with("Hip control (mild): mild findings share one exercise"), "{set_aside:?}");
            assert_eq!(chosen[0].1, Side::Right, "the base pair is done on the program's sides");
            assert_eq!(chosen[2].1, Side::Left, "a finding's exercise on the finding's sides");
        }

        #[test]
        fn the_frozen_library_order_names_only_known_exercises() {
            for id in LIBRARY_ORDER {
                assert!(crate::clinical::library::program_exercise(id, 0, Side::Left, crate::day::Day::parse("d", "2026-01-01").unwrap()).is_ok(), "{id}");
            }
        }
    }
}
