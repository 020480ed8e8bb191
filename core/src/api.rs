//! The UniFFI surface: one [`FirstStep`] object opened on a database path, shared across threads,
//! with grouped methods for every screen. Shells (Kotlin, Swift, the CLI) call only this; it
//! orchestrates the pure clinical rules and the journal and returns screen-ready values.
//!
//! Time: shells never compute dates. Every call that depends on "now" takes a [`Moment`] (the
//! instant and the IANA time zone); the core derives the runner's local date from it.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::clinical::{
    self, AssessmentItem, AssessmentResult, Exercise, RunningInput, SafetyQuestion, SafetyResult,
};
use crate::day::{ensure_not_future, Day};
use crate::error::{check_int, check_pain, check_real, CoreError, FirstStepError, Result};
use crate::journal::{validate, ImportReport, Journal, Trend};
use crate::model::{
    AssessmentAnswers, DayPlan, Decision, PainEntry, Program, RedFlagLevel, RunRecord,
    RunningGuidance, SessionRecord, Settings,
};
use crate::reminders::{plan_reminders, Reminder, ReminderInput};
use crate::report::ClinicianSummary;
use crate::session::GuidedSession;

type FfiResult<T> = std::result::Result<T, FirstStepError>;

/// Version of the core library, so shells can show it and tests can check they loaded the right one.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// "Now" as the shell sees it: the current instant and the runner's IANA time zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Moment {
    /// Unix epoch milliseconds.
    pub instant_ms: i64,
    /// IANA time zone name, e.g. "Europe/Berlin".
    pub time_zone: String,
}

impl Moment {
    fn today(&self) -> Result<Day> {
        Day::at_instant(self.instant_ms, &self.time_zone)
    }
}

/// The local date of `moment` as YYYY-MM-DD (for shells that want to label "today").
#[uniffi::export]
pub fn local_date(moment: Moment) -> FfiResult<String> {
    Ok(moment.today()?.iso())
}

/// What happened when a morning pain score was logged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct MorningLog {
    pub entry: PainEntry,
    /// The value this one replaced (an edit); the earlier value is kept in the history.
    pub replaced: Option<PainEntry>,
    /// Progression decisions taken because this morning's pain arrived (P2–P4).
    pub decisions: Vec<Decision>,
}

/// Decisions with reasons and today's running guidance (the progress screen).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ProgressReport {
    pub date: String,
    pub decisions: Vec<Decision>,
    pub running: RunningGuidance,
}

/// The one thing the home screen suggests next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// No assessment yet (or the last one found an urgent red flag).
    Assess,
    /// Today's first-step pain is not logged.
    LogPain,
    /// Today's exercises are not done.
    DoSession,
    /// 14 days since the last assessment.
    Reassess,
    /// Everything for today is done.
    Rest,
}

/// Everything the home screen shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct HomeScreen {
    pub date: String,
    pub red_flag: RedFlagLevel,
    /// Shown prominently when set (urgent or refer advice, R1/R2).
    pub caution: Option<String>,
    pub plan: Option<DayPlan>,
    pub last_pain: Option<PainEntry>,
    /// Consecutive days with a morning pain score, ending today (or yesterday if today is not logged yet).
    pub streak_days: u32,
    /// Exercises of today's plan already logged today.
    pub done_today: Vec<String>,
    pub next_step: NextStep,
    pub next_step_text: String,
    pub running: Option<RunningGuidance>,
}

/// The runner's journal and rules behind one object. Safe to share across threads.
#[derive(uniffi::Object)]
pub struct FirstStep {
    journal: Journal,
}

/// Days of history the rules look back over (design choice: P3 needs 7 mornings, P4 needs the
/// sessions at the current level, A7 needs 30 days of runs; 120 days covers all with margin).
const HISTORY_DAYS: i32 = 120;
/// Re-assessment interval (PRODUCT §2.2: every 2 weeks).
const REASSESS_AFTER_DAYS: i32 = 14;

#[uniffi::export]
impl FirstStep {
    /// Opens (or creates) the journal at `path`. A file that cannot be opened is left untouched and
    /// the error names it.
    #[uniffi::constructor]
    pub fn open(path: String) -> FfiResult<Arc<Self>> {
        Ok(Arc::new(FirstStep { journal: Journal::open(Path::new(&path))? }))
    }

    /// The database file this object uses.
    pub fn database_path(&self) -> String {
        self.journal.path().to_string()
    }

    // ----------------------------------------------------------------------------------- safety

    /// The red-flag questions (R1, R2), asked first and at every re-assessment.
    pub fn safety_questions(&self) -> Vec<SafetyQuestion> {
        clinical::safety_questions()
    }

    /// Evaluates and stores a red-flag screen; `yes_ids` are the questions answered "yes".
    pub fn submit_safety_screen(&self, now: Moment, yes_ids: Vec<String>) -> FfiResult<SafetyResult> {
        let today = now.today()?;
        let result = clinical::evaluate_safety(&yes_ids)?;
        self.journal.save_safety_screen(today, result.level, &result.flagged)?;
        Ok(result)
    }

    // ------------------------------------------------------------------------------- assessment

    /// The assessment's tests and questions, with how-to steps, units and ranges.
    pub fn assessment_catalogue(&self) -> Vec<AssessmentItem> {
        clinical::assessment_catalogue()
    }

    /// Evaluates an assessment, stores it with its red-flag screen and (unless urgent) the program.
    /// Compared with the previous assessment where there is one (A1, A2 noise thresholds).
    pub fn submit_assessment(&self, now: Moment, answers: AssessmentAnswers) -> FfiResult<AssessmentResult> {
        Ok(self.assess(now.today()?, &answers)?)
    }

    /// Same as [`Self::submit_assessment`] with the answers as JSON (the documented answers file,
    /// `docs/answers.md`).
    pub fn submit_assessment_json(&self, now: Moment, answers_json: String) -> FfiResult<AssessmentResult> {
        let answers: AssessmentAnswers = serde_json::from_str(&answers_json)
            .map_err(|e| CoreError::invalid("answers", format!("not a valid answers document: {e}")))?;
        Ok(self.assess(now.today()?, &answers)?)
    }

    /// The most recent assessment result, if any.
    pub fn latest_assessment(&self) -> FfiResult<Option<AssessmentResult>> {
        let Some(stored) = self.journal.assessments()?.pop() else { return Ok(None) };
        let result = serde_json::from_str(&stored.result_json)
            .map_err(|e| CoreError::db(self.journal.path(), format!("stored assessment is unreadable: {e}")))?;
        Ok(Some(result))
    }

    // ---------------------------------------------------------------------------------- program

    /// Every exercise the app knows, with its ladder of levels.
    pub fn exercise_library(&self) -> Vec<Exercise> {
        clinical::exercise_library()
    }

    /// The current program, if an assessment produced one.
    pub fn program(&self) -> FfiResult<Option<Program>> {
        Ok(self.journal.current_program()?)
    }

    /// The plan for `date` (YYYY-MM-DD), honouring every-other-day schedules.
    pub fn plan_for(&self, date: String) -> FfiResult<DayPlan> {
        let day = Day::parse("date", &date)?;
        Ok(clinical::day_plan(&self.require_program()?, day))
    }

    /// Today's plan.
    pub fn today_plan(&self, now: Moment) -> FfiResult<DayPlan> {
        Ok(clinical::day_plan(&self.require_program()?, now.today()?))
    }

    // ---------------------------------------------------------------------------------- session

    /// A guided session over today's plan. Drive it with events; when finished, pass its records to
    /// [`Self::save_session`].
    pub fn start_session(&self, now: Moment) -> FfiResult<Arc<GuidedSession>> {
        let today = now.today()?;
        let plan = clinical::day_plan(&self.require_program()?, today);
        GuidedSession::new(today.iso(), plan.exercises)
    }

    /// Stores the records a finished guided session produced (all or nothing). An exercise the
    /// runner skipped before finishing one set is not stored: a journal session means work done,
    /// and progression (P4) treats the missing session like any other missed day.
    pub fn save_session(&self, now: Moment, records: Vec<SessionRecord>) -> FfiResult<()> {
        let today = now.today()?;
        for record in &records {
            clinical::find_exercise(&record.exercise_id)?;
        }
        let done: Vec<SessionRecord> = records.into_iter().filter(|r| r.sets_done > 0).collect();
        self.journal.log_sessions(&done, today)?;
        Ok(())
    }

    /// Records an exercise done without the guide. `date` defaults to today; the level is the
    /// program's current level for that exercise (or 0 when it is not in the program).
    #[allow(clippy::too_many_arguments)]
    pub fn log_session(
        &self,
        now: Moment,
        date: Option<String>,
        exercise_id: String,
        sets: i64,
        reps: Option<i64>,
        hold_seconds: Option<i64>,
        peak_pain: i64,
        completed: bool,
    ) -> FfiResult<SessionRecord> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        clinical::find_exercise(&exercise_id)?;
        if reps.is_some() == hold_seconds.is_some() {
            return Err(CoreError::invalid("reps", "give either reps or hold seconds, not both or neither").into());
        }
        let level = self
            .journal
            .current_program()?
            .and_then(|p| p.exercises.iter().find(|e| e.exercise_id == exercise_id).map(|e| e.level))
            .unwrap_or(0);
        let record = SessionRecord {
            date: day.iso(),
            exercise_id,
            level,
            sets_done: bounded("sets", sets, validate::SETS)?,
            reps_done: reps.map(|r| bounded("reps", r, validate::REPS)).transpose()?,
            hold_seconds_done: hold_seconds.map(|h| bounded("hold_seconds", h, validate::HOLD_SECONDS)).transpose()?,
            peak_pain: check_pain("pain", peak_pain)?,
            completed,
            skipped_steps: 0,
        };
        self.journal.log_session(&record, today)?;
        Ok(record)
    }

    // ------------------------------------------------------------------------------ pain & runs

    /// Logs morning first-step pain (0–10) for `date` (default today). One value per date: a second
    /// log replaces it and keeps the earlier value. When it is the newest morning, progression
    /// decisions for the previous sessions are taken and applied in the same transaction (P2–P4).
    pub fn log_pain(
        &self,
        now: Moment,
        date: Option<String>,
        score: i64,
        stiffness_minutes: Option<i64>,
        note: Option<String>,
    ) -> FfiResult<MorningLog> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        let entry = PainEntry {
            date: day.iso(),
            score: check_pain("score", score)?,
            stiffness_minutes: stiffness_minutes.map(|m| bounded("stiffness_minutes", m, validate::STIFFNESS_MINUTES)).transpose()?,
            note: note.filter(|n| !n.trim().is_empty()),
            logged_at_ms: now.instant_ms,
        };
        Ok(self.record_morning(entry, day, today)?)
    }

    /// Logs a run. `date` defaults to today.
    #[allow(clippy::too_many_arguments)]
    pub fn log_run(
        &self,
        now: Moment,
        date: Option<String>,
        distance_km: f64,
        minutes: Option<f64>,
        pain_during: Option<i64>,
        pain_after: Option<i64>,
        surface: Option<String>,
        shoes: Option<String>,
    ) -> FfiResult<RunRecord> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        let run = RunRecord {
            date: day.iso(),
            // Distance and minutes are validated by the journal before it writes (same field names).
            distance_km,
            minutes,
            pain_during: pain_during.map(|p| check_pain("pain_during", p)).transpose()?,
            pain_after: pain_after.map(|p| check_pain("pain_after", p)).transpose()?,
            surface: surface.filter(|s| !s.trim().is_empty()),
            shoes: shoes.filter(|s| !s.trim().is_empty()),
        };
        self.journal.log_run(&run, today)?;
        Ok(run)
    }

    /// Morning pain entries from `from` to `to` inclusive.
    pub fn pain_entries(&self, from: String, to: String) -> FfiResult<Vec<PainEntry>> {
        let (from, to) = parse_range(&from, &to)?;
        Ok(self.journal.pain_entries(from, to)?)
    }

    /// Session records from `from` to `to` inclusive.
    pub fn sessions(&self, from: String, to: String) -> FfiResult<Vec<SessionRecord>> {
        let (from, to) = parse_range(&from, &to)?;
        Ok(self.journal.sessions(from, to)?)
    }

    /// Runs from `from` to `to` inclusive.
    pub fn runs(&self, from: String, to: String) -> FfiResult<Vec<RunRecord>> {
        let (from, to) = parse_range(&from, &to)?;
        Ok(self.journal.runs(from, to)?)
    }

    // --------------------------------------------------------------------------------- progress

    /// Progression decisions from `from` to `to` inclusive (holds included), in date order.
    pub fn decisions(&self, from: String, to: String) -> FfiResult<Vec<Decision>> {
        let (from, to) = parse_range(&from, &to)?;
        Ok(self.journal.decisions(from, to)?)
    }


    /// Decisions of the last 12 weeks with their reasons, and today's running guidance. With
    /// `planned_run_km`, warns when the run would exceed the longest of the previous 30 days by
    /// more than 10 % (A7).
    pub fn progress(&self, now: Moment, planned_run_km: Option<f64>) -> FfiResult<ProgressReport> {
        let today = now.today()?;
        let planned = planned_run_km.map(|km| check_real("planned_run_km", km, validate::DISTANCE_KM.0, validate::DISTANCE_KM.1)).transpose()?;
        Ok(ProgressReport {
            date: today.iso(),
            decisions: self.journal.decisions(today.add_days(-83), today)?,
            running: self.running_guidance(today, planned)?,
        })
    }

    /// The recovery trend over 4, 8 or 12 weeks ending on `end` (M1, M4), ready to draw.
    pub fn trend(&self, end: String, weeks: u32) -> FfiResult<Trend> {
        let end = Day::parse("end", &end)?;
        let program = self.journal.current_program()?;
        Ok(self.journal.trend(end, weeks, program.as_ref())?)
    }

    // ------------------------------------------------------------------------------------- home

    /// The home screen: today's plan, last pain, streak and the next step.
    pub fn home(&self, now: Moment) -> FfiResult<HomeScreen> {
        Ok(self.home_screen(now.today()?)?)
    }

    // -------------------------------------------------------------------------------- reminders

    /// The reminders of the next 14 days as values; shells diff them by id and schedule them.
    pub fn reminders(&self, now: Moment) -> FfiResult<Vec<Reminder>> {
        let today = now.today()?;
        let mut settings = self.journal.settings()?;
        // The shell's current zone wins: reminders follow a traveller (PRODUCT §3).
        settings.time_zone = now.time_zone.clone();
        let program = self.journal.current_program()?;
        let window_end = today.add_days(15);
        let pain_logged_on = self.journal.pain_entries(today, window_end)?.iter().map(|p| parse_stored(&p.date)).collect::<Result<Vec<_>>>()?;
        let sessions_done_on = self.journal.sessions(today, window_end)?.iter().map(|s| parse_stored(&s.date)).collect::<Result<Vec<_>>>()?;
        let last_assessment = self.journal.assessments()?.last().map(|a| parse_stored(&a.date)).transpose()?;
        Ok(plan_reminders(&ReminderInput {
            settings: &settings,
            program: program.as_ref(),
            pain_logged_on: &pain_logged_on,
            sessions_done_on: &sessions_done_on,
            last_assessment,
            now_ms: now.instant_ms,
        })?)
    }

    // --------------------------------------------------------------------------------- settings

    pub fn settings(&self) -> FfiResult<Settings> {
        Ok(self.journal.settings()?)
    }

    /// Validates and saves settings (times HH:MM, weekdays 1–7, an IANA time zone).
    pub fn save_settings(&self, settings: Settings) -> FfiResult<()> {
        Ok(self.journal.save_settings(&settings)?)
    }

    // --------------------------------------------------------------------------- export/import

    /// A versioned JSON backup of everything.
    pub fn export_json(&self, now: Moment) -> FfiResult<String> {
        Ok(self.journal.export_json(now.instant_ms)?)
    }

    /// Imports a backup: validated completely before anything is written, merged in one
    /// transaction; importing the same file twice changes nothing.
    pub fn import_json(&self, now: Moment, json: String) -> FfiResult<ImportReport> {
        let today = now.today()?;
        let known = |id: &str| clinical::find_exercise(id).is_ok();
        Ok(self.journal.import_json(&json, today, &known)?)
    }

    /// The morning pain log as CSV (date, score, stiffness minutes, note).
    pub fn pain_csv(&self) -> FfiResult<String> {
        Ok(self.journal.pain_csv()?)
    }

    // ----------------------------------------------------------------------------------- report

    /// The one-page clinician summary for the local date of `now`: a self-contained HTML document
    /// (inline CSS and SVG, no scripts, no network; prints on one A4 page) and a suggested file name.
    pub fn clinician_summary(&self, now: Moment) -> FfiResult<ClinicianSummary> {
        crate::report::clinician_summary(self, now)
    }
}

impl FirstStep {
    /// The journal, for the report module (`crate::report`), which reads records no FFI call lists.
    pub(crate) fn journal(&self) -> &Journal {
        &self.journal
    }
}

// Internal orchestration (plain Rust, typed CoreError).
impl FirstStep {
    fn require_program(&self) -> Result<Program> {
        self.journal.current_program()?.ok_or_else(|| {
            CoreError::state("no program yet: complete the safety screen and assessment first")
        })
    }

    fn day_or_today(&self, date: Option<String>, today: Day) -> Result<Day> {
        let day = match date {
            Some(text) => Day::parse("date", &text)?,
            None => today,
        };
        ensure_not_future("date", day, today)?;
        Ok(day)
    }

    fn assess(&self, today: Day, answers: &AssessmentAnswers) -> Result<AssessmentResult> {
        let date = Day::parse("date", &answers.date)?;
        ensure_not_future("date", date, today)?;
        let previous = self.journal.assessments()?.pop().map(|a| a.answers);
        let mut result = clinical::evaluate_assessment(answers, previous.as_ref())?;
        // Re-assessment keeps the levels the runner has earned (design choice): an exercise that is
        // still in the new program continues at its current level instead of restarting the ladder.
        if let (Some(program), Some(current)) = (result.program.as_mut(), self.journal.current_program()?) {
            // The recovery baseline (M1) and adherence count from the first program, not the re-test.
            program.started_on = current.started_on.clone();
            for exercise in program.exercises.iter_mut() {
                if let Some(existing) = current.exercises.iter().find(|e| e.exercise_id == exercise.exercise_id) {
                    if existing.level != exercise.level {
                        let started = Day::parse("level_started_on", &existing.level_started_on)?;
                        *exercise = clinical::program_exercise(&exercise.exercise_id, existing.level, exercise.sides, started)?;
                    } else {
                        exercise.level_started_on = existing.level_started_on.clone();
                    }
                }
            }
        }
        let result_json = serde_json::to_string(&result).map_err(|e| CoreError::state(format!("cannot serialise result: {e}")))?;
        self.journal.save_safety_screen(date, result.safety.level, &result.safety.flagged)?;
        self.journal.save_assessment(date, answers, &result_json)?;
        if let Some(program) = &result.program {
            self.journal.save_program(program)?;
        }
        Ok(result)
    }

    fn record_morning(&self, entry: PainEntry, day: Day, today: Day) -> Result<MorningLog> {
        let program = self.journal.current_program()?;
        // Decisions belong to the newest morning only: an edit of an older morning, or of a morning
        // already decided, changes the score but does not re-run progression.
        let decided_already = !self.journal.decisions(day, today.max(day))?.is_empty();
        let (decisions, new_program) = match (&program, decided_already) {
            (Some(program), false) => {
                // Reads bounded to the rules' look-back, so logging stays fast after years of history.
                let from = day.add_days(-HISTORY_DAYS);
                let sessions = self.journal.sessions(from, day.add_days(-1))?;
                let mut pains: Vec<PainEntry> = self.journal.pain_entries(from, day)?.into_iter().filter(|p| p.date != entry.date).collect();
                pains.push(entry.clone());
                pains.sort_by(|a, b| a.date.cmp(&b.date));
                let previous = self.journal.decisions(from, day)?;
                let (decisions, updated) = clinical::morning_update(program, &sessions, &pains, &previous, day)?;
                (decisions, Some(updated))
            }
            _ => (Vec::new(), None),
        };
        let outcome = self.journal.record_morning(&entry, today, &decisions, new_program.as_ref())?;
        Ok(MorningLog { entry, replaced: outcome.replaced, decisions })
    }

    fn running_guidance(&self, today: Day, planned_run_km: Option<f64>) -> Result<RunningGuidance> {
        let from = today.add_days(-HISTORY_DAYS);
        let red_flag = self.journal.latest_red_flag()?.map(|(_, level)| level).unwrap_or(RedFlagLevel::None);
        let pains = self.journal.pain_entries(from, today)?;
        let sessions = self.journal.sessions(from, today)?;
        let runs = self.journal.runs(from, today)?;
        let decisions = self.journal.decisions(from, today)?;
        clinical::running_guidance(&RunningInput {
            today,
            red_flag,
            pains: &pains,
            sessions: &sessions,
            runs: &runs,
            decisions: &decisions,
            planned_run_km,
        })
    }

    fn home_screen(&self, today: Day) -> Result<HomeScreen> {
        let red_flag = self.journal.latest_red_flag()?.map(|(_, level)| level).unwrap_or(RedFlagLevel::None);
        let program = self.journal.current_program()?;
        let plan = program.as_ref().map(|p| clinical::day_plan(p, today));
        let recent = self.journal.pain_entries(today.add_days(-HISTORY_DAYS), today)?;
        let last_pain = self.journal.last_pain()?;
        let done_today: Vec<String> = {
            let mut ids: Vec<String> = self.journal.sessions(today, today)?.into_iter().map(|s| s.exercise_id).collect();
            ids.sort();
            ids.dedup();
            ids
        };
        let logged_today = recent.last().is_some_and(|p| p.date == today.iso());
        let streak_days = streak_ending(&recent, if logged_today { today } else { today.add_days(-1) })?;
        let last_assessment = self.journal.assessments()?.last().map(|a| parse_stored(&a.date)).transpose()?;
        let plan_pending = plan.as_ref().is_some_and(|p| p.exercises.iter().any(|e| !done_today.contains(&e.exercise_id)));

        let (next_step, next_step_text) = if program.is_none() || red_flag == RedFlagLevel::Urgent {
            (NextStep::Assess, "Start with the safety questions and the 10-minute assessment to build your program.".to_string())
        } else if !logged_today {
            (NextStep::LogPain, "How were your first steps this morning? Log your pain (0–10).".to_string())
        } else if last_assessment.is_some_and(|d| today.days_since(d) >= REASSESS_AFTER_DAYS) {
            (NextStep::Reassess, "Two weeks since your last assessment: re-test to see what changed.".to_string())
        } else if plan_pending {
            (NextStep::DoSession, "Today's exercises are waiting: start the guided session.".to_string())
        } else {
            (NextStep::Rest, "All done for today. Recovery happens between sessions.".to_string())
        };
        let caution = match red_flag {
            RedFlagLevel::Urgent => Some("Your answers included an urgent warning sign. Please seek medical care today; the program is paused.".to_string()),
            _ => program.as_ref().and_then(|p| p.caution.clone()),
        };
        let running = if program.is_some() { Some(self.running_guidance(today, None)?) } else { None };
        Ok(HomeScreen {
            date: today.iso(),
            red_flag,
            caution,
            plan,
            last_pain,
            streak_days,
            done_today,
            next_step,
            next_step_text,
            running,
        })
    }
}

/// Consecutive logged days ending on `end` (entries sorted by date).
fn streak_ending(entries: &[PainEntry], end: Day) -> Result<u32> {
    let mut expected = end;
    let mut streak = 0;
    for entry in entries.iter().rev() {
        let day = parse_stored(&entry.date)?;
        if day > expected {
            continue;
        }
        if day != expected {
            break;
        }
        streak += 1;
        expected = expected.add_days(-1);
    }
    Ok(streak)
}

/// Range-checks an integer from the shell with the journal's bounds, before narrowing it.
fn bounded(field: &str, value: i64, range: (i64, i64)) -> Result<u32> {
    Ok(check_int(field, value, range.0, range.1)? as u32)
}

fn parse_range(from: &str, to: &str) -> Result<(Day, Day)> {
    let from = Day::parse("from", from)?;
    let to = Day::parse("to", to)?;
    if to < from {
        return Err(CoreError::invalid("to", format!("must be on or after from ({from})")));
    }
    Ok((from, to))
}

/// Dates read back from the journal were validated on the way in.
fn parse_stored(text: &str) -> Result<Day> {
    Day::parse("stored date", text)
}

// One handle is shared by the UI thread and background work (PRODUCT §3).
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<FirstStep>();
};
