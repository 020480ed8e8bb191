//! `firststep progress`: level decisions with their reasons, and the running guidance.

use firststep_core::api::ProgressReport;
use firststep_core::clinical::{Psfs, ReturnToRun};
use firststep_core::model::RaceVerdict;
use firststep_core::model::{DecisionAction, RunningState};
use serde::Serialize;

use super::home::light;
use super::log::arrow;
use crate::context::{CliResult, Context};
use crate::render::{heading, table, words, wrap};
use firststep_core::clinical::library::exercise_name;

/// The `progress --json` document (docs/cli.md).
#[derive(Serialize)]
pub struct ProgressOutput {
    pub date: String,
    pub decisions: Vec<DecisionOutput>,
    pub running: RunningOutput,
    /// The core's `Psfs` (rule M2); `null` until activities are named.
    pub psfs: Option<Psfs>,
    /// Today's load notes (rule P7 flare morning, P8 hops held): `{text, rule}`.
    pub notes: Vec<firststep_core::model::RuleNote>,
}

#[derive(Serialize)]
pub struct DecisionOutput {
    pub date: String,
    pub exercise: String,
    pub action: DecisionAction,
    pub from_level: u32,
    pub to_level: u32,
    pub rule: String,
    pub reason: String,
}

#[derive(Serialize)]
pub struct RunningOutput {
    pub state: RunningState,
    pub reason: String,
    pub rules: Vec<String>,
    pub longest_recent_km: Option<f64>,
    pub long_run_warning: Option<String>,
    /// Kilometres in the last 7 days (A7).
    pub weekly_km: Option<f64>,
    /// The 2-week volume warning (A7).
    pub weekly_warning: Option<String>,
    /// "Reduce" as a distance (X2), in km.
    pub reduce_to_km: Option<f64>,
    /// The return-to-run card (RR1), `null` while running normally.
    pub return_to_run: Option<ReturnToRun>,
    /// The cap for today's planned run (A7), in km.
    pub run_cap_km: Option<f64>,
    /// A flare's likely trigger: a run beyond its cap in the 2 days before (A7).
    pub likely_trigger: Option<String>,
    /// The verdict about an upcoming race, in its last 14 days (A8).
    pub race: Option<RaceVerdict>,
}

impl From<&ProgressReport> for ProgressOutput {
    fn from(report: &ProgressReport) -> Self {
        ProgressOutput {
            date: report.date.clone(),
            decisions: report
                .decisions
                .iter()
                .map(|d| DecisionOutput {
                    date: d.date.clone(),
                    exercise: d.exercise_id.clone(),
                    action: d.action,
                    from_level: d.from_level,
                    to_level: d.to_level,
                    rule: d.rule.clone(),
                    reason: d.reason.clone(),
                })
                .collect(),
            running: RunningOutput {
                state: report.running.state,
                reason: report.running.reason.clone(),
                rules: report.running.rules.clone(),
                longest_recent_km: report.running.longest_recent_km,
                long_run_warning: report.running.long_run_warning.clone(),
                weekly_km: report.running.weekly_km,
                weekly_warning: report.running.weekly_warning.clone(),
                reduce_to_km: report.running.reduce_to_km,
                return_to_run: report.running.return_to_run.clone(),
                run_cap_km: report.running.run_cap_km,
                likely_trigger: report.running.likely_trigger.clone(),
                race: report.running.race.clone(),
            },
            psfs: report.psfs.clone(),
            notes: report.notes.clone(),
        }
    }
}

/// Shows the progress screen.
pub fn run(ctx: &Context, planned_km: Option<f64>) -> CliResult {
    let report = ctx.app.progress(ctx.moment.clone(), planned_km)?;
    if ctx.json {
        return ctx.print_json(&ProgressOutput::from(&report));
    }
    println!("{}", render(ctx, &report));
    Ok(())
}

/// The progress screen as text. Holds are summarised; level changes are listed with reasons.
pub fn render(ctx: &Context, report: &ProgressReport) -> String {
    let mut out = vec![heading(&format!("Progress · {}", report.date))];
    for note in &report.notes {
        // rule P7 / P8: today's load, with its rule as a label (X4).
        out.push(wrap(&note.text, 78, "⚠  "));
        out.push(format!("   Rule: {}", note.rule));
    }
    let changes: Vec<_> = report.decisions.iter().filter(|d| d.action != DecisionAction::Hold).collect();
    let holds = report.decisions.len() - changes.len();
    if changes.is_empty() {
        out.push("No level changes in the last 12 weeks yet.".to_string());
    } else {
        let rows: Vec<Vec<String>> = changes
            .iter()
            .map(|d| {
                vec![
                    d.date.clone(),
                    exercise_name(&d.exercise_id),
                    format!("{} {}", arrow(d.to_level, d.from_level), words(&d.action)),
                    format!("Level {} → {}", d.from_level + 1, d.to_level + 1),
                    d.rule.clone(),
                ]
            })
            .collect();
        out.push(table::render(&["date", "exercise", "decision", "level", "rule"], &[table::Align::Left; 5], &rows));
        if let Some(last) = changes.last() {
            out.push(wrap(&last.reason, 78, "Latest: "));
        }
    }
    if holds > 0 {
        let latest = report.decisions.iter().rev().find(|d| d.action == DecisionAction::Hold);
        out.push(format!("{holds} day(s) held at the same level."));
        if let Some(h) = latest {
            out.push(wrap(&format!("Most recent hold ({}, {}): {}", h.date, exercise_name(&h.exercise_id), h.reason), 78, "  "));
        }
    }
    out.push(String::new());
    if let Some(race) = &report.running.race {
        out.push(wrap(&race.verdict, 78, "Race: "));
    }
    out.push(wrap(&format!("{} {}", light(report.running.state), report.running.reason), 78, "Running: "));
    if let Some(km) = report.running.longest_recent_km {
        out.push(format!("Longest run in the last 30 days: {}", ctx.distance(km)));
    }
    if let Some(warning) = &report.running.long_run_warning {
        out.push(wrap(warning, 78, "⚠  "));
    }
    if let Some(warning) = &report.running.weekly_warning {
        out.push(wrap(warning, 78, "⚠  "));
    }
    if let Some(weekly) = &report.running.weekly {
        out.push(format!("Last 7 days: {weekly}"));
    }
    if let Some(card) = &report.running.return_to_run {
        out.push(super::return_to_run::render_card(card));
    }
    if let Some(psfs) = &report.psfs {
        out.push(String::new());
        out.push(wrap(&psfs.text, 78, ""));
    }
    out.join("\n")
}
