//! The morning pain log: the progression rules it runs (P2–P9), what it announces, and its undo.

use serde::{Deserialize, Serialize};

use super::{Rehab, HISTORY_DAYS};
use crate::clinical;
use crate::day::Day;
use crate::error::{CoreError, Result};
use crate::model::{Decision, DecisionAction, PainEntry, RuleNote};

/// What happened when a morning pain score was logged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct MorningLog {
    pub entry: PainEntry,
    /// The value this one replaced (an edit); the earlier value is kept in the history.
    pub replaced: Option<PainEntry>,
    /// Progression decisions taken because this morning's pain arrived (P2–P4, P7, P8).
    pub decisions: Vec<Decision>,
    /// rule P7: set when this morning is a flare — today's load is cut at once; the sentence the
    /// pain confirmation shows (the regressions are in `decisions`).
    #[serde(default)]
    #[uniffi(default = None)]
    pub flare: Option<RuleNote>,
    /// What the confirmation announces: every level change (P4, P7, P8) and every load added within a
    /// level (P5), in decision order; holds change nothing and are never announced.
    pub announcements: Vec<Announcement>,
    /// The confirmation's lines in order: the flare sentence first (P7), then each announcement.
    pub message_lines: Vec<String>,
}

/// One change the morning log made to the program, as the confirmation says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Announcement {
    pub exercise_id: String,
    /// The exercise's name as the program shows it.
    pub exercise_name: String,
    pub action: DecisionAction,
    pub from_level: u32,
    pub to_level: u32,
    /// The sentence the runner reads (the decision's reason).
    pub text: String,
    /// CLINICAL rule id behind it (structured, not shown).
    pub rule: String,
}

/// The decisions worth announcing: all but holds (issue 26: load added is announced).
pub(crate) fn announcements(decisions: &[Decision]) -> Vec<Announcement> {
    decisions
        .iter()
        .filter(|d| d.action != DecisionAction::Hold)
        .map(|d| Announcement {
            exercise_id: d.exercise_id.clone(),
            exercise_name: clinical::library::exercise_name(&d.exercise_id),
            action: d.action,
            from_level: d.from_level,
            to_level: d.to_level,
            text: d.reason.clone(),
            rule: d.rule.clone(),
        })
        .collect()
}

/// What undoing a day's morning pain did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct MorningUndo {
    pub date: String,
    /// The score removed.
    pub removed: PainEntry,
    /// The earlier value restored for that date (the log was an edit), if any.
    pub restored: Option<PainEntry>,
    /// The progression decisions that log had triggered, now reverted.
    pub reverted: Vec<Decision>,
}

impl Rehab<'_> {
    pub(crate) fn record_morning(&self, entry: PainEntry, day: Day, today: Day) -> Result<MorningLog> {
        let program = self.stored_program()?;
        // Decisions belong to the newest morning only: an edit of an older morning, or of a morning
        // already decided, changes the score but does not re-run progression.
        let decided_already = !self.journal.decisions(day, today.max(day))?.is_empty();
        // A morning before the program started is stored as history; no rule runs on it.
        let before_program = match &program {
            Some(p) => day < Day::parse("started_on", &p.started_on)?,
            None => false,
        };
        let (decisions, new_program) = match (&program, decided_already || before_program) {
            (Some(program), false) => {
                // Reads bounded to the rules' look-back, so logging stays fast after years of history.
                let from = day.add_days(-HISTORY_DAYS);
                let sessions = self.journal.sessions(from, day.add_days(-1))?;
                // The program's first mornings (its baseline, P6) plus the rules' look-back window.
                let program_start = Day::parse("started_on", &program.started_on)?;
                let baseline_mornings = clinical::pain::PROGRAM_BASELINE_MORNINGS as u32;
                let mut pains: Vec<PainEntry> = self.journal.first_pain_entries(program_start, baseline_mornings)?;
                pains.retain(|p| p.date < from.iso());
                // Mornings before the program are history, not part of its baselines (P3, P6, M1).
                pains.extend(self.journal.pain_entries(from.max(program_start), day)?);
                pains.retain(|p| p.date != entry.date);
                pains.push(entry.clone());
                crate::sort::sort_by(&mut pains, |a, b| a.date.cmp(&b.date));
                let previous = self.journal.decisions(from, day)?;
                let heavy_loading_barred = clinical::bars_heavy_loading(&self.latest_screen()?.1);
                let hop_checks = self.all_hop_checks()?;
                // rule P9: during maintenance the ladder stays at its current level (design choice:
                // no progression decisions) until a flare or two sore mornings end it.
                let in_maintenance = match clinical::maintenance::standing(&self.journal.maintenance_choices()?, day) {
                    clinical::maintenance::Standing::Active { since } => {
                        clinical::maintenance::end_of(&clinical::pain::mornings(&pains)?, since, day).is_none()
                    }
                    _ => false,
                };
                if in_maintenance {
                    (Vec::new(), None)
                } else {
                    let (decisions, updated) =
                        clinical::morning_update(program, &sessions, &pains, &previous, day, heavy_loading_barred, &hop_checks)?;
                    (decisions, Some(updated))
                }
            }
            _ => (Vec::new(), None),
        };
        let outcome = self.journal.record_morning(&entry, today, &decisions, new_program.as_ref())?;
        // rule P9: a flare or a second sore morning within a week ends maintenance, stored with why.
        self.store_maintenance_end(day, today, entry.logged_at_ms)?;
        // rule P7: the confirmation says at once that today's load is cut.
        let flare = match (&program, before_program) {
            (Some(_), false) => self.shown_plan_notes(day)?,
            _ => None,
        };
        let announcements = announcements(&decisions);
        let message_lines = flare.iter().map(|f| f.text.clone()).chain(announcements.iter().map(|a| a.text.clone())).collect();
        Ok(MorningLog { entry, replaced: outcome.replaced, decisions, flare, announcements, message_lines })
    }

    pub(crate) fn undo_morning(&self, day: Day, today: Day) -> Result<MorningUndo> {
        let removed = self
            .journal
            .pain_entries(day, day)?
            .pop()
            .ok_or_else(|| CoreError::state(format!("no morning pain is logged for {day}, so there is nothing to undo")))?;
        if let Some(later) = self.journal.decisions(day.add_days(1), today.max(day.add_days(1)))?.first() {
            return Err(CoreError::state(format!(
                "the morning of {day} cannot be undone: decisions of {} build on it; log the right score for {day} instead",
                later.date
            )));
        }
        let restored = self.journal.pain_edits(day)?.pop();
        // Undoing an edit restores the earlier score, whose log took that morning's decisions: they
        // stay. Undoing the first log of the day reverts them.
        let reverted = if restored.is_some() { Vec::new() } else { self.journal.decisions(day, day)? };
        // Level changes of that morning go back to where they were, with their earlier start date.
        let program = match self.stored_program()? {
            Some(current) if reverted.iter().any(|d| d.from_level != d.to_level) => {
                let previous = self.stored_previous_program()?;
                let mut program = current.clone();
                for decision in reverted.iter().filter(|d| d.from_level != d.to_level) {
                    let Some(index) = program.exercises.iter().position(|e| e.exercise_id == decision.exercise_id && e.level == decision.to_level) else {
                        continue; // changed since (e.g. a re-assessment): leave it
                    };
                    let before = previous
                        .as_ref()
                        .and_then(|p| p.exercises.iter().find(|e| e.exercise_id == decision.exercise_id && e.level == decision.from_level).cloned());
                    program.exercises[index] = match before {
                        Some(exercise) => exercise,
                        None => clinical::program_exercise(&decision.exercise_id, decision.from_level, program.exercises[index].sides, day)?,
                    };
                }
                (program != current).then_some(program)
            }
            _ => None,
        };
        self.journal.undo_morning(day, restored.as_ref(), program.as_ref())?;
        Ok(MorningUndo { date: day.iso(), removed, restored, reverted })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(action: DecisionAction, from: u32, to: u32, rule: &str) -> Decision {
        Decision {
            date: "2026-09-10".into(),
            exercise_id: "calf_loading".into(),
            action,
            from_level: from,
            to_level: to,
            rule: rule.into(),
            reason: format!("{rule} reason"),
        }
    }

    #[test]
    fn load_added_is_announced_and_holds_are_not() {
        let decisions = [
            decision(DecisionAction::Hold, 2, 2, "P4"),
            decision(DecisionAction::AddLoad, 2, 2, "P5"),
            decision(DecisionAction::Regress, 3, 2, "P7"),
            decision(DecisionAction::Progress, 1, 2, "P4"),
        ];
        let said: Vec<(DecisionAction, String)> = announcements(&decisions).into_iter().map(|a| (a.action, a.text)).collect();
        assert_eq!(
            said,
            vec![
                (DecisionAction::AddLoad, "P5 reason".to_string()),
                (DecisionAction::Regress, "P7 reason".to_string()),
                (DecisionAction::Progress, "P4 reason".to_string()),
            ]
        );
        assert_eq!(announcements(&decisions)[0].exercise_name, clinical::library::exercise_name("calf_loading"));
    }
}
