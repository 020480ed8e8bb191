//! The UniFFI surface: one [`FirstStep`] object opened on a database path, shared across threads,
//! with grouped methods for every screen. Shells (Kotlin, Swift, the CLI) call only this; it
//! orchestrates the pure clinical rules and the journal and returns screen-ready values.
//!
//! Time: shells never compute dates. Every call that depends on "now" takes a [`Moment`] (the
//! instant and the IANA time zone); the core derives the runner's local date from it.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::clinical::psfs::{Psfs, PsfsActivity, PsfsInput, PsfsRating};
use crate::clinical::referral::{self, Referral, ReferralInput};
use crate::clinical::{
    self, AssessmentItem, AssessmentResult, Exercise, Lesson, RunningInput, SafetyQuestion, SafetyResult,
};
use crate::day::{ensure_not_future, Day};
use crate::error::{check_int, check_pain, check_real, CoreError, FirstStepError, Result};
use crate::journal::{validate, ClinicianVisit, ImportReport, Journal, Trend, TrendChartData};
use crate::model::{
    AssessmentAnswers, DayPlan, Decision, Domain, Effort, HopCheck, MaintenanceChoice, MaintenanceChoiceKind,
    MaintenanceState, PainEntry, Program, RedFlagLevel, RuleNote, RunRecord,
    RunningGuidance, SessionRecord, Settings,
};
use crate::clinical::return_to_run::{self, ReturnToRunAnswers, ReturnToRunCheck};
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
    /// Progression decisions taken because this morning's pain arrived (P2–P4, P7, P8).
    pub decisions: Vec<Decision>,
    /// rule P7: set when this morning is a flare — today's load is cut at once; the sentence the
    /// pain confirmation shows (the regressions are in `decisions`).
    #[serde(default)]
    #[uniffi(default = None)]
    pub flare: Option<RuleNote>,
}

/// A run as logged, with the warning it earned (A7: a single run beyond 10 % over the longest of the
/// 30 days before it; RR2: on the way back, a run longer than the walk-run step).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct RunLog {
    pub run: RunRecord,
    /// The warning in plain words, `None` when the run was within its limits.
    pub warning: Option<String>,
    /// The CLINICAL rule behind the warning ("A7" or "RR2").
    pub rule: Option<String>,
}

/// Decisions with reasons and today's running guidance (the progress screen).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ProgressReport {
    pub date: String,
    pub decisions: Vec<Decision>,
    pub running: RunningGuidance,
    /// The runner's activities (rule M2); `None` until they are named.
    #[serde(default)]
    #[uniffi(default = None)]
    pub psfs: Option<Psfs>,
    /// Today's load notes: the flare-morning cut (P7) and hopping levels held by the impact gate
    /// (P8), the same sentences today's plan shows.
    #[serde(default)]
    #[uniffi(default = [])]
    pub notes: Vec<RuleNote>,
}

/// The one thing the home screen suggests next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// No assessment yet.
    Assess,
    /// The last safety screen found an urgent warning sign (R1): seek care today; the screen can be
    /// re-taken once a clinician has cleared the runner.
    SeekCare,
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
    /// The escalation banner (R4): no improvement at 6 or 12 weeks, or a 2-week worsening. Stays
    /// until meaningful improvement (M1) or a recorded clinician visit.
    pub referral: Option<Referral>,
    /// Rating the activities is due (rule M2: at the start, every 2 weeks, after a re-assessment).
    #[serde(default)]
    #[uniffi(default = false)]
    pub psfs_due: bool,
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

    /// Evaluates and stores a red-flag screen; `yes_ids` are the questions answered "yes". After an
    /// urgent screen (R1) it can be taken again only once a clinician has cleared the runner
    /// ([`Self::record_clinician_visit`] with `cleared`).
    pub fn submit_safety_screen(&self, now: Moment, yes_ids: Vec<String>) -> FfiResult<SafetyResult> {
        let today = now.today()?;
        let result = clinical::evaluate_safety(&yes_ids)?;
        self.ensure_screen_may_be_retaken(None)?;
        self.journal.save_safety_screen(today, result.level, &result.flagged)?;
        Ok(result)
    }

    /// Records a visit to a clinician on `date` (default today). `cleared`: the clinician cleared
    /// the runner, which lets an urgent screen be taken again (R1). A visit also clears the
    /// escalation banner (R4).
    pub fn record_clinician_visit(&self, now: Moment, date: Option<String>, cleared: bool) -> FfiResult<ClinicianVisit> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        let visit = ClinicianVisit { date: day.iso(), cleared, logged_at_ms: now.instant_ms };
        self.journal.record_clinician_visit(&visit, today)?;
        Ok(visit)
    }

    /// Every recorded clinician visit, oldest first.
    pub fn clinician_visits(&self) -> FfiResult<Vec<ClinicianVisit>> {
        Ok(self.journal.clinician_visits()?)
    }

    /// What schema migrations changed in this journal's data (e.g. safety screens re-graded under
    /// revised rules), oldest first.
    pub fn migration_notes(&self) -> FfiResult<Vec<String>> {
        Ok(self.journal.migration_notes()?)
    }

    // ------------------------------------------------------------------------------- assessment

    /// The assessment's tests and questions, with how-to steps, units and ranges.
    pub fn assessment_catalogue(&self) -> Vec<AssessmentItem> {
        clinical::assessment_catalogue()
    }

    /// Evaluates an assessment, stores it with its red-flag screen and (unless urgent) the program.
    /// Compared with the previous assessment where there is one (A1, A2 noise thresholds).
    pub fn submit_assessment(&self, now: Moment, answers: AssessmentAnswers) -> FfiResult<AssessmentResult> {
        Ok(self.assess(now.today()?, now.instant_ms, &answers)?)
    }

    /// Same as [`Self::submit_assessment`] with the answers as JSON (the documented answers file,
    /// `docs/answers.md`).
    pub fn submit_assessment_json(&self, now: Moment, answers_json: String) -> FfiResult<AssessmentResult> {
        let value: serde_json::Value = serde_json::from_str(&answers_json)
            .map_err(|e| CoreError::invalid("answers", format!("not a complete JSON document: {e}")))?;
        let answers: AssessmentAnswers = crate::strict_json::from_text(&answers_json, &value, &answer_allowed).map_err(|p| {
            // The sentence starts with the field; the error repeats it once, as every other error.
            let message = if p.message.contains("unknown key") {
                "unknown key: not an answer of docs/answers.md (a misspelt key would lose the answer)".to_string()
            } else {
                p.message.strip_prefix(&p.field).unwrap_or(&p.message).trim_start_matches([':', ' ']).to_string()
            };
            let field = if p.field.is_empty() { "answers".to_string() } else { p.field };
            CoreError::invalid(field, message)
        })?;
        Ok(self.assess(now.today()?, now.instant_ms, &answers)?)
    }

    /// The most recent assessment result, if any.
    pub fn latest_assessment(&self) -> FfiResult<Option<AssessmentResult>> {
        Ok(self.latest_result()?)
    }

    // ---------------------------------------------------------------------------------- program

    /// Every exercise the app knows, with its ladder of levels.
    pub fn exercise_library(&self) -> Vec<Exercise> {
        clinical::exercise_library()
    }

    /// The program the runner follows now, if an assessment produced one: none after an urgent
    /// screen (R1), only non-weight-bearing work under a no-impact referral (R2).
    pub fn program(&self) -> FfiResult<Option<Program>> {
        Ok(self.effective_program()?)
    }

    /// The plan for `date` (YYYY-MM-DD), honouring every-other-day schedules, that morning's flare
    /// (P7) and the impact gate (P8).
    pub fn plan_for(&self, date: String) -> FfiResult<DayPlan> {
        let day = Day::parse("date", &date)?;
        Ok(self.shown_plan(&self.require_program()?, day)?)
    }

    /// Today's plan: on a flare morning one level easier with no backpack and no hops (P7); a
    /// hopping level waits behind the impact gate (P8), and the hop-check question is set when due.
    pub fn today_plan(&self, now: Moment) -> FfiResult<DayPlan> {
        Ok(self.shown_plan(&self.require_program()?, now.today()?)?)
    }

    /// Records today's single-leg hop check (rule P8): heel pain 0–10 during or after 10 hops on the
    /// affected side; 2 or less passes and opens hopping levels for 14 days (with calm mornings).
    /// A second answer the same day replaces the first. Refused while the safety screen says no
    /// impact (R1, R2).
    pub fn record_hop_check(&self, now: Moment, pain: i64) -> FfiResult<HopCheck> {
        let today = now.today()?;
        let check = clinical::gates::hop_check(today, pain)?;
        if matches!(self.latest_level()?, RedFlagLevel::Urgent | RedFlagLevel::ReferNoImpact) {
            return Err(CoreError::state(
                "your safety screen says no impact until a clinician has checked your heel (rules R1, R2): no hop check for now",
            )
            .into());
        }
        self.journal.save_hop_check(&check, now.instant_ms, today)?;
        Ok(check)
    }

    /// Accepts today's maintenance offer (rule P9) and returns today's plan, now the maintenance
    /// plan. `InvalidState` when no offer is open today; nothing is written then.
    pub fn accept_maintenance(&self, now: Moment) -> FfiResult<DayPlan> {
        Ok(self.answer_maintenance(now, MaintenanceChoiceKind::Accepted)?)
    }

    /// Declines today's maintenance offer (rule P9): the full program continues and the offer is
    /// not made again for 14 days. `InvalidState` when no offer is open today; nothing is written.
    pub fn decline_maintenance(&self, now: Moment) -> FfiResult<DayPlan> {
        Ok(self.answer_maintenance(now, MaintenanceChoiceKind::Declined)?)
    }

    /// Every maintenance choice and return to the full program, oldest first (rule P9).
    pub fn maintenance_choices(&self) -> FfiResult<Vec<MaintenanceChoice>> {
        Ok(self.journal.maintenance_choices()?)
    }

    /// Every hop check answered, oldest first (rule P8).
    pub fn hop_checks(&self) -> FfiResult<Vec<HopCheck>> {
        Ok(self.journal.hop_checks()?)
    }

    // ---------------------------------------------------------------------------------- session

    /// A guided session over today's plan. Drive it with events; when finished, pass its records to
    /// [`Self::save_session`].
    pub fn start_session(&self, now: Moment) -> FfiResult<Arc<GuidedSession>> {
        let today = now.today()?;
        let plan = self.shown_plan(&self.require_program()?, today)?;
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
    /// program's current level for that exercise (or 0 when it is not in the program). `effort`
    /// and `reps_in_reserve` are the optional answer to "how did the load feel?" (rule P5); with
    /// only `reps_in_reserve`, the effort is derived from it.
    #[allow(clippy::too_many_arguments)]
    #[uniffi::method(default(effort = None, reps_in_reserve = None))]
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
        effort: Option<Effort>,
        reps_in_reserve: Option<i64>,
    ) -> FfiResult<SessionRecord> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        let exercise = clinical::find_exercise(&exercise_id)?;
        if reps.is_some() == hold_seconds.is_some() {
            return Err(CoreError::invalid("reps", "give either reps or hold seconds, not both or neither").into());
        }
        let level = self
            .journal
            .current_program()?
            .and_then(|p| p.exercises.iter().find(|e| e.exercise_id == exercise_id).map(|e| e.level))
            .unwrap_or(0);
        check_session_kind(&exercise, level, reps.is_some())?;
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
            reps_in_reserve: reps_in_reserve.map(|r| bounded("reps_in_reserve", r, validate::REPS_IN_RESERVE)).transpose()?,
            effort: None,
        };
        let record = SessionRecord { effort: clinical::progression::effort_of(effort, record.reps_in_reserve), ..record };
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

    /// Undoes the morning pain logged for `date`: restores the value it replaced (or removes the
    /// day) and reverts the progression decisions that log triggered, in one transaction. Only the
    /// newest decided morning can be undone (later decisions build on it).
    pub fn undo_pain(&self, now: Moment, date: String) -> FfiResult<MorningUndo> {
        let today = now.today()?;
        let day = Day::parse("date", &date)?;
        ensure_not_future("date", day, today)?;
        Ok(self.undo_morning(day, today)?)
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
    ) -> FfiResult<RunLog> {
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
        // rules A7, RR2: judged against the runs logged before it, then stored.
        let warning = self.with_running_input(day, None, |input| clinical::logged_run_warning(input, &run))?;
        self.journal.log_run(&run, today)?;
        let (warning, rule) = warning.unzip();
        Ok(RunLog { run, warning, rule })
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
            psfs: self.psfs_summary(today)?,
            notes: match self.effective_program()? {
                Some(program) if self.latest_level()? != RedFlagLevel::Urgent => {
                    let plan = self.shown_plan(&program, today)?;
                    plan.flare.into_iter().chain(plan.impact_hold).collect()
                }
                _ => Vec::new(),
            },
        })
    }

    /// Takes the return-to-run self-test (RR1) today: grades the runner's answers together with the
    /// last 7 logged mornings and stores the result. Refused while a red flag says not to run (R1, R2).
    pub fn take_return_to_run_test(&self, now: Moment, answers: ReturnToRunAnswers) -> FfiResult<ReturnToRunCheck> {
        let today = now.today()?;
        let level = self.latest_level()?;
        if matches!(level, RedFlagLevel::Urgent | RedFlagLevel::ReferNoImpact) {
            return Err(CoreError::state(
                "your safety screen says no running until a clinician has checked your heel (rules R1, R2); record the visit with the clinician first",
            )
            .into());
        }
        let pains = self.journal.pain_entries(today.add_days(-HISTORY_DAYS), today)?;
        let check = return_to_run::grade_test(today, &answers, &pains)?;
        self.journal.save_return_to_run_check(&check, now.instant_ms, today)?;
        Ok(check)
    }

    /// Every return-to-run self-test taken, oldest first (RR1).
    pub fn return_to_run_checks(&self) -> FfiResult<Vec<ReturnToRunCheck>> {
        Ok(self.journal.return_to_run_checks()?)
    }

    /// The recovery trend over 4, 8 or 12 weeks ending on `end` (M1, M4), ready to draw.
    pub fn trend(&self, end: String, weeks: u32) -> FfiResult<Trend> {
        let end = Day::parse("end", &end)?;
        let program = self.journal.current_program()?;
        Ok(self.journal.trend(end, weeks, program.as_ref())?)
    }

    /// The trend over 4, 8 or 12 weeks with its chart computed (issue 22): pain axis 0–10, dated
    /// week ticks, a legend entry per drawn series, named level changes, a readout per day and per
    /// week, weekly distance and sessions charts, and a text alternative.
    pub fn trend_chart(&self, end: String, weeks: u32) -> FfiResult<TrendChartData> {
        let end = Day::parse("end", &end)?;
        let program = self.journal.current_program()?;
        Ok(self.journal.trend_chart(end, weeks, program.as_ref())?)
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
        let program = self.effective_program()?;
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

    // ---------------------------------------------------------------------------------- lessons

    /// The lessons E1–E7 for the local date of `now`, in reading order, each unlocked by whole
    /// weeks since the current program's start or by a finding of the latest assessment (locked
    /// ones say when they open).
    pub fn lessons(&self, now: Moment) -> FfiResult<Vec<Lesson>> {
        let today = now.today()?;
        let (start, domains, tested) = self.lesson_inputs()?;
        Ok(clinical::lessons_for(start, today, &domains, tested))
    }

    /// One lesson by id ("E1" … "E7"); a locked one is returned with `unlocked` false and when it
    /// opens. An unknown id is `NotFound` listing the lesson ids.
    pub fn lesson(&self, now: Moment, id: String) -> FfiResult<Lesson> {
        let today = now.today()?;
        let (start, domains, tested) = self.lesson_inputs()?;
        Ok(clinical::lesson_for(id.trim(), start, today, &domains, tested)?)
    }

    // ------------------------------------------------------------------------------------- psfs

    /// Names the 3–5 activities of the Patient-Specific Functional Scale (rule M2), each 1..=100
    /// characters (trimmed), no name twice (ignoring case). A name already used keeps its id and
    /// history; names left out are removed from the list, their ratings kept. Returns the list.
    pub fn set_psfs_activities(&self, now: Moment, names: Vec<String>) -> FfiResult<Vec<PsfsActivity>> {
        let today = now.today()?;
        Ok(self.journal.set_psfs_activities(&names, today)?)
    }

    /// Rates every listed activity once, 0–10 (0 = unable, 10 = as before the injury; rule M2), on
    /// `date` (default today, never in the future). Rating the same date again replaces it. Returns
    /// the updated PSFS.
    pub fn rate_psfs(&self, now: Moment, date: Option<String>, ratings: Vec<PsfsRating>) -> FfiResult<Psfs> {
        let today = now.today()?;
        let day = self.day_or_today(date, today)?;
        self.journal.rate_psfs(day, &ratings, today)?;
        Ok(self.psfs_summary(today)?.ok_or_else(|| CoreError::state("no PSFS activities are named"))?)
    }

    /// The PSFS screen (rule M2): each activity's first and latest rating, the averages, the
    /// detectable change and whether a rating is due. Without activities: the empty screen, due
    /// false, with a sentence inviting the runner to name them.
    pub fn psfs(&self, now: Moment) -> FfiResult<Psfs> {
        let today = now.today()?;
        Ok(self.psfs_summary_always(today)?)
    }
}

impl FirstStep {
    /// What unlocks lessons: the start of the program the runner follows now (none after an urgent
    /// screen, R1), the finding domains of the latest assessment, and whether a return-to-run
    /// self-test was taken (E7).
    fn lesson_inputs(&self) -> Result<(Option<Day>, Vec<Domain>, bool)> {
        let start = self.effective_program()?.map(|p| Day::parse("started_on", &p.started_on)).transpose()?;
        let mut domains: Vec<Domain> = Vec::new();
        for finding in self.latest_result()?.map(|r| r.findings).unwrap_or_default() {
            if !domains.contains(&finding.domain) {
                domains.push(finding.domain);
            }
        }
        Ok((start, domains, !self.journal.return_to_run_checks()?.is_empty()))
    }

    /// The newest stored assessment result, if any.
    fn latest_result(&self) -> Result<Option<AssessmentResult>> {
        let Some(stored) = self.journal.assessments()?.pop() else { return Ok(None) };
        let result = serde_json::from_str(&stored.result_json)
            .map_err(|e| CoreError::db(self.journal.path(), format!("stored assessment is unreadable: {e}")))?;
        Ok(Some(result))
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
        if self.latest_level()? == RedFlagLevel::Urgent {
            return Err(CoreError::state(
                "no program while the safety screen's urgent warning stands (rule R1): seek care today, then take the screen again once a clinician has cleared you",
            ));
        }
        self.effective_program()?.ok_or_else(|| {
            CoreError::state("no program yet: complete the safety screen and assessment first")
        })
    }

    fn latest_level(&self) -> Result<RedFlagLevel> {
        Ok(self.latest_screen()?.0)
    }

    /// The newest safety screen's level and flags (none before the first screen).
    fn latest_screen(&self) -> Result<(RedFlagLevel, Vec<String>)> {
        Ok(self.journal.latest_safety_screen()?.map(|(_, level, flagged)| (level, flagged)).unwrap_or((RedFlagLevel::None, Vec::new())))
    }

    /// The stored program under the latest safety screen (R1: none; R2: non-weight-bearing only;
    /// R3 with a recent steroid injection: no heavy levels).
    fn effective_program(&self) -> Result<Option<Program>> {
        let Some(program) = self.journal.current_program()? else { return Ok(None) };
        let (level, flagged) = self.latest_screen()?;
        Ok(clinical::for_safety_screen(&program, level, &flagged))
    }

    /// rule R1: after an urgent screen, the screen is taken again only with a clinician's clearance
    /// dated on or after it — recorded before, or given now as `cleared_on`.
    fn ensure_screen_may_be_retaken(&self, cleared_on: Option<Day>) -> Result<()> {
        let Some((urgent_on, RedFlagLevel::Urgent)) = self.journal.latest_red_flag()? else { return Ok(()) };
        if let Some(cleared) = cleared_on {
            if cleared < urgent_on {
                return Err(CoreError::invalid(
                    "clinician_cleared_on",
                    format!("must be on or after the urgent safety screen of {urgent_on} (got {cleared})"),
                ));
            }
            return Ok(());
        }
        let visits = self.journal.clinician_visits()?;
        if visits.iter().any(|v| v.cleared && Day::parse("clinician_visits.date", &v.date).is_ok_and(|d| d >= urgent_on)) {
            return Ok(());
        }
        Err(CoreError::state(format!(
            "your safety screen on {urgent_on} found an urgent warning sign (rule R1): once a clinician has cleared you, \
             give the date they did (clinician_cleared_on) to take the screen again"
        )))
    }

    fn day_or_today(&self, date: Option<String>, today: Day) -> Result<Day> {
        let day = match date {
            Some(text) => Day::parse("date", &text)?,
            None => today,
        };
        ensure_not_future("date", day, today)?;
        Ok(day)
    }

    fn assess(&self, today: Day, now_ms: i64, answers: &AssessmentAnswers) -> Result<AssessmentResult> {
        let date = Day::parse("date", &answers.date)?;
        ensure_not_future("date", date, today)?;
        let cleared_on = answers.clinician_cleared_on.as_deref().map(|d| Day::parse("clinician_cleared_on", d)).transpose()?;
        if let Some(cleared) = cleared_on {
            ensure_not_future("clinician_cleared_on", cleared, today)?;
        }
        self.ensure_screen_may_be_retaken(cleared_on)?;
        let previous = self.journal.assessments()?.into_iter().rev().map(|a| a.answers).find(|a| a.heel_raise_reps.is_some());
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
        if let Some(cleared) = cleared_on {
            let visit = ClinicianVisit { date: cleared.iso(), cleared: true, logged_at_ms: 0 };
            self.journal.record_clinician_visit(&visit, today)?;
        }
        self.journal.save_safety_screen(date, result.safety.level, &result.safety.flagged)?;
        self.journal.save_assessment(date, answers, &result_json)?;
        if let Some(program) = &result.program {
            self.journal.save_program(program)?;
        }
        // The answer to "How much did your first steps hurt this morning?" is that morning's log
        // (rules M1, P3): home, the running advice, the trend's baseline and the next morning's
        // flare check start from it. A morning already logged for that date is the runner's own
        // entry and wins. It goes through the same path as any morning log, so the program's rules
        // see it as they would see the runner's log.
        if self.journal.pain_entries(date, date)?.is_empty() {
            let entry = PainEntry { date: date.iso(), score: answers.first_step_pain, stiffness_minutes: None, note: None, logged_at_ms: now_ms };
            self.record_morning(entry, date, today)?;
        }
        // The runner sees the program they follow now (R2 keeps only non-weight-bearing work); the
        // full program is stored so the ladder continues where it stands once cleared.
        result.program = result.program.as_ref().and_then(|p| clinical::for_safety_screen(p, result.safety.level, &result.safety.flagged));
        Ok(result)
    }

    fn record_morning(&self, entry: PainEntry, day: Day, today: Day) -> Result<MorningLog> {
        let program = self.journal.current_program()?;
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
        Ok(MorningLog { entry, replaced: outcome.replaced, decisions, flare })
    }

    fn running_guidance(&self, today: Day, planned_run_km: Option<f64>) -> Result<RunningGuidance> {
        self.with_running_input(today, planned_run_km, clinical::running_guidance)
    }

    /// The running rules' input for `today`, read from the journal (runs, pains and decisions dated
    /// up to `today`), handed to `f`.
    fn with_running_input<T>(&self, today: Day, planned_run_km: Option<f64>, f: impl FnOnce(&RunningInput) -> Result<T>) -> Result<T> {
        let from = today.add_days(-HISTORY_DAYS);
        let red_flag = self.latest_level()?;
        let pains = self.journal.pain_entries(from, today)?;
        let sessions = self.journal.sessions(from, today)?;
        let runs = self.journal.runs(from, today)?;
        let decisions = self.journal.decisions(from, today)?;
        let answers = self.latest_answers()?;
        // rule A6: a gait finding, even one set aside by V1, brings the cadence cue.
        let gait_finding = self.latest_result()?.is_some_and(|r| r.findings.iter().any(|f| f.domain == Domain::Gait));
        f(&RunningInput {
            today,
            red_flag,
            pains: &pains,
            sessions: &sessions,
            runs: &runs,
            decisions: &decisions,
            planned_run_km,
            assessed_weekly_km: answers.as_ref().and_then(|a| a.weekly_km_now),
            return_to_run_checks: &self.journal.return_to_run_checks()?,
            units: self.journal.settings()?.units,
            gait_finding,
            race: answers.as_ref().and_then(|a| a.race.as_ref()),
        })
    }

    /// The answers of the newest assessment, if any is stored and readable.
    fn latest_answers(&self) -> Result<Option<AssessmentAnswers>> {
        Ok(self.journal.assessments()?.pop().map(|a| a.answers))
    }

    /// Every hop check (rule P8): the answers to the app's question and the hop item of every RR1
    /// self-test (10 single-leg hops on the affected side, the same limit of 2).
    fn all_hop_checks(&self) -> Result<Vec<HopCheck>> {
        let mut checks = self.journal.hop_checks()?;
        for test in self.journal.return_to_run_checks()? {
            let pain = test.answers.hop_pain;
            checks.push(HopCheck { date: test.date, pain, passed: pain <= clinical::gates::HOP_CHECK_PAIN_MAX });
        }
        Ok(checks)
    }

    /// What the morning of `day` allows (P7, P8), from the program's mornings (those before the
    /// program are history, as for the progression rules) and the hop checks.
    fn day_gates(&self, day: Day) -> Result<clinical::gates::DayGates> {
        let start = match self.journal.current_program()? {
            Some(p) => Day::parse("started_on", &p.started_on)?,
            None => day.add_days(-HISTORY_DAYS),
        };
        let pains = self.journal.pain_entries(day.add_days(-HISTORY_DAYS).max(start), day.max(start))?;
        let mornings = clinical::pain::mornings(&pains)?;
        clinical::gates::day_gates(&mornings, &self.all_hop_checks()?, day)
    }

    /// The plan for `day` of `program` (the program under the safety screen) as the runner does it:
    /// no heavy level on a flare morning (P7), hopping levels behind the impact gate (P8).
    fn shown_plan(&self, program: &Program, day: Day) -> Result<DayPlan> {
        let (level, flagged) = self.latest_screen()?;
        // rule P8: no hop question while the screen bars impact (R1, R2) or heavy loading (R3).
        let may_hop = matches!(level, RedFlagLevel::None | RedFlagLevel::Refer) && !clinical::bars_heavy_loading(&flagged);
        let gates = self.day_gates(day)?;
        let shown = clinical::gates::shown_on(program, &gates, may_hop);
        let mut plan = clinical::day_plan(&shown.program, day);
        plan.flare = shown.flare;
        plan.impact_hold = shown.impact_hold;
        plan.hop_check_question = shown.hop_check_question;
        self.with_maintenance(&shown.program, plan, day, gates.flare.is_some(), level)
    }

    /// The program's mornings up to `day` (those before the program are history), validated.
    fn program_mornings(&self, day: Day) -> Result<Vec<clinical::pain::Morning>> {
        let start = match self.journal.current_program()? {
            Some(p) => Day::parse("started_on", &p.started_on)?,
            None => day.add_days(-HISTORY_DAYS),
        };
        let pains = self.journal.pain_entries(day.add_days(-HISTORY_DAYS).max(start), day.max(start))?;
        clinical::pain::mornings(&pains)
    }

    /// rule P9: the full plan of `day` with the maintenance offer or the return note, or the
    /// maintenance plan while maintenance is on. `program` is the program as shown that day.
    fn with_maintenance(&self, program: &Program, plan: DayPlan, day: Day, flare_today: bool, level: RedFlagLevel) -> Result<DayPlan> {
        use clinical::maintenance::{self as m, Standing};
        let choices = self.journal.maintenance_choices()?;
        let mornings = self.program_mornings(day)?;
        match m::standing(&choices, day) {
            Standing::Active { since } => match m::end_of(&mornings, since, day) {
                Some((_, why)) => Ok(DayPlan { maintenance: Some(m::back_note(why)), ..plan }),
                None => Ok(m::plan(program, &plan, since, day, &self.marked_domains()?)),
            },
            Standing::Quiet { back: Some((on, why)), .. } if day.days_since(on) < m::BACK_NOTE_DAYS => {
                Ok(DayPlan { maintenance: Some(m::back_note(why)), ..plan })
            }
            Standing::Quiet { .. } => Ok(plan),
            Standing::Full => {
                let offer = self.maintenance_offer_due(day, &mornings, flare_today, level)?;
                Ok(DayPlan { maintenance: offer.then(m::offer_note), ..plan })
            }
        }
    }

    /// rule P9: M1 met (the 12-week trend's meaningful improvement), the program at least 8 weeks
    /// old and 12 of the last 14 logged mornings at 1 or less; not on a flare morning and not while
    /// the safety screen bars impact (design choice: R1, R2 keep the runner on the full program).
    fn maintenance_offer_due(&self, day: Day, mornings: &[clinical::pain::Morning], flare_today: bool, level: RedFlagLevel) -> Result<bool> {
        use clinical::maintenance as m;
        let Some(program) = self.journal.current_program()? else { return Ok(false) };
        let start = Day::parse("started_on", &program.started_on)?;
        if flare_today || !matches!(level, RedFlagLevel::None | RedFlagLevel::Refer) || day.days_since(start) < m::MIN_PROGRAM_DAYS {
            return Ok(false);
        }
        if !m::mornings_calm(mornings, day) {
            return Ok(false);
        }
        Ok(self.journal.trend(day, 12, Some(&program))?.meaningful_improvement)
    }

    /// The domains of the latest assessment's marked findings (rule P9: at most one exercise for one).
    fn marked_domains(&self) -> Result<Vec<Domain>> {
        Ok(self
            .latest_result()?
            .map(|r| r.findings)
            .unwrap_or_default()
            .into_iter()
            .filter(|f| f.severity == crate::model::Severity::Marked)
            .map(|f| f.domain)
            .collect())
    }

    /// rule P9: accepts or declines the offer open today; nothing is written without one.
    fn answer_maintenance(&self, now: Moment, choice: MaintenanceChoiceKind) -> Result<DayPlan> {
        let today = now.today()?;
        let program = self.require_program()?;
        let plan = self.shown_plan(&program, today)?;
        if plan.maintenance.as_ref().map(|n| n.state) != Some(MaintenanceState::Offered) {
            return Err(CoreError::state(
                "no maintenance offer is open today: it comes after 8 weeks of the program, with a clear improvement and 12 of the last 14 mornings at 1 or less (rule P9)",
            ));
        }
        let record = MaintenanceChoice { date: today.iso(), choice, reason: None, logged_at_ms: now.instant_ms };
        self.journal.save_maintenance_choice(&record, today)?;
        self.shown_plan(&program, today)
    }

    /// rule P9: stores the return to the full program when the morning of `day` ends maintenance.
    fn store_maintenance_end(&self, day: Day, today: Day, logged_at_ms: i64) -> Result<()> {
        let choices = self.journal.maintenance_choices()?;
        if let clinical::maintenance::Standing::Active { since } = clinical::maintenance::standing(&choices, today) {
            if let Some((on, why)) = clinical::maintenance::end_of(&self.program_mornings(today.max(day))?, since, today.max(day)) {
                let record = MaintenanceChoice { date: on.iso(), choice: MaintenanceChoiceKind::Ended, reason: Some(why), logged_at_ms };
                self.journal.save_maintenance_choice(&record, today)?;
            }
        }
        Ok(())
    }

    /// rule P7: the flare sentence of `day`'s plan, if that morning is a flare.
    fn shown_plan_notes(&self, day: Day) -> Result<Option<RuleNote>> {
        let Some(program) = self.effective_program()? else { return Ok(None) };
        Ok(self.shown_plan(&program, day)?.flare)
    }

    fn home_screen(&self, today: Day) -> Result<HomeScreen> {
        let (red_flag, flagged) = self.latest_screen()?;
        let stored_program = self.journal.current_program()?;
        let program = stored_program.as_ref().and_then(|p| clinical::for_safety_screen(p, red_flag, &flagged));
        let plan = program.as_ref().map(|p| self.shown_plan(p, today)).transpose()?;
        let recent = self.journal.pain_entries(today.add_days(-HISTORY_DAYS), today)?;
        let last_pain = self.journal.last_pain()?;
        let done_today: Vec<String> = {
            let mut ids: Vec<String> = self.journal.sessions(today, today)?.into_iter().map(|s| s.exercise_id).collect();
            crate::sort::sort_by(&mut ids, |a, b| a.cmp(b));
            ids.dedup();
            ids
        };
        let logged_today = recent.last().is_some_and(|p| p.date == today.iso());
        let streak_days = streak_ending(&recent, if logged_today { today } else { today.add_days(-1) })?;
        let last_assessment = self.journal.assessments()?.last().map(|a| parse_stored(&a.date)).transpose()?;
        let plan_pending = plan.as_ref().is_some_and(|p| p.exercises.iter().any(|e| !done_today.contains(&e.exercise_id)));

        let (next_step, next_step_text) = if red_flag == RedFlagLevel::Urgent {
            // rule R1
            (
                NextStep::SeekCare,
                "Seek care today: your safety answers included an urgent warning sign. Once a clinician has cleared you, take the safety questions again and give the date they cleared you.".to_string(),
            )
        } else if program.is_none() {
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
            RedFlagLevel::Urgent => Some("Your answers included an urgent warning sign. Please seek medical care today; the program is paused (rule R1).".to_string()),
            _ => program.as_ref().and_then(|p| p.caution.clone()),
        };
        let running = if program.is_some() || red_flag == RedFlagLevel::Urgent { Some(self.running_guidance(today, None)?) } else { None };
        let referral = match (&stored_program, red_flag) {
            (Some(p), level) if level != RedFlagLevel::Urgent => self.referral(today, p)?,
            _ => None,
        };
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
            referral,
            psfs_due: self.psfs_summary(today)?.is_some_and(|p| p.due),
        })
    }

    /// rule R4: the escalation banner, judged on the 12-week trend ending today (its daily 7-day
    /// means, the program baseline and weekly adherence) and the latest clinician visit.
    fn referral(&self, today: Day, program: &Program) -> Result<Option<Referral>> {
        let trend = self.journal.trend(today, 12, Some(program))?;
        let last_visit = self.journal.clinician_visits()?.iter().filter_map(|v| Day::parse("clinician_visits.date", &v.date).ok()).max();
        referral::referral(&ReferralInput {
            program_start: Day::parse("started_on", &program.started_on)?,
            trend: &trend,
            last_clinician_visit: last_visit,
        })
    }

    fn undo_morning(&self, day: Day, today: Day) -> Result<MorningUndo> {
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
        let program = match self.journal.current_program()? {
            Some(current) if reverted.iter().any(|d| d.from_level != d.to_level) => {
                let previous = self.journal.previous_program()?;
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

/// A hold logged for a rep exercise would be stored with no reps, which progression (P4) reads as
/// no work: refused, naming the exercise's kind. (Reps for a hold exercise stay accepted: they count
/// the holds, e.g. 10 stretches of a 10 × 10 s stretch.)
fn check_session_kind(exercise: &Exercise, level: u32, has_reps: bool) -> Result<()> {
    let Some(dose) = exercise.levels.iter().find(|l| l.level == level).or(exercise.levels.first()) else { return Ok(()) };
    match (has_reps, dose.reps, dose.hold_seconds) {
        (false, Some(reps), None) => Err(CoreError::invalid(
            "hold_seconds",
            format!("{} at level {level} is a rep exercise ({} × {reps} reps): log reps, not hold seconds", exercise.id, dose.sets),
        )),
        _ => Ok(()),
    }
}

/// What an answers-file field allows, from the assessment catalogue (the same numbers
/// `evaluate_assessment` checks), to explain a value of the wrong type.
fn answer_allowed(path: &str) -> Option<String> {
    let top = path.split(['.', '[']).next().unwrap_or(path);
    let words = |values: &[&str]| Some(format!("one of {}", values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", ")));
    match top {
        "date" | "clinician_cleared_on" => return Some("a date YYYY-MM-DD".into()),
        "race" => return Some(r#"{"date": "YYYY-MM-DD", "distance_km": a number in 1..=400}"#.into()),
        "affected_side" => return words(&["left", "right", "both"]),
        "red_flags" => return Some("a list of question ids".into()),
        "weeks_since_onset" => return Some("a whole number in 0..=520".into()),
        "age_years" => return Some("a whole number in 0..=120".into()),
        _ => {}
    }
    let item = clinical::assessment_catalogue().into_iter().find(|i| i.id == top)?;
    let unit = if item.unit.is_empty() { String::new() } else { format!(" {}", item.unit) };
    match item.kind {
        clinical::AnswerKind::Count | clinical::AnswerKind::Pain => Some(format!("a whole number in {}..={}{unit}", item.min, item.max)),
        clinical::AnswerKind::Number => Some(format!("a number in {}..={}{unit}", item.min, item.max)),
        clinical::AnswerKind::Grade => words(&["pass", "partial", "fail"]),
        clinical::AnswerKind::SquatQuality => words(&["good", "fair", "poor"]),
        clinical::AnswerKind::YesNo => Some("true or false".into()),
        clinical::AnswerKind::Side => words(&["left", "right", "both"]),
    }
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

// PSFS orchestration (rule M2), kept together for merging.
impl FirstStep {
    /// The PSFS as of `today`; `None` when no activities are named.
    fn psfs_summary(&self, today: Day) -> Result<Option<Psfs>> {
        let summary = self.psfs_summary_always(today)?;
        Ok((!summary.activities.is_empty()).then_some(summary))
    }

    fn psfs_summary_always(&self, today: Day) -> Result<Psfs> {
        let activities = self.journal.psfs_activities()?;
        let ratings = if activities.is_empty() { Vec::new() } else { self.journal.psfs_ratings()? };
        // design choice: ratings dated after `today` (a `--date` in the past) are not seen yet.
        let ratings: Vec<_> = ratings.into_iter().filter(|r| r.date <= today.iso()).collect();
        let last_assessment = self
            .journal
            .assessments()?
            .iter()
            .map(|a| parse_stored(&a.date))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .filter(|d| *d <= today)
            .max();
        crate::clinical::psfs::summarize(&PsfsInput { activities: &activities, ratings: &ratings, last_assessment, today })
    }
}
