//! The UniFFI surface: one [`FirstStep`] object opened on a database path, shared across threads,
//! with grouped methods for every screen. Shells (Kotlin, Swift, the CLI) call only this; it
//! orchestrates the pure clinical rules and the journal and returns screen-ready values.
//!
//! Time: shells never compute dates. Every call that depends on "now" takes a [`Moment`] (the
//! instant and the IANA time zone); the core derives the runner's local date from it.

use std::path::Path;
use std::sync::Arc;


use crate::clinical::psfs::{Psfs, PsfsActivity, PsfsRating};
use crate::clinical::{
    self, AssessmentItem, AssessmentResult, Exercise, Lesson, SafetyQuestion, SafetyResult,
};
use crate::day::{ensure_not_future, Day};
use crate::error::{check_pain, FirstStepError};
use crate::journal::{validate, ClinicianVisit, ImportReport, Journal, Trend, TrendChartData};
use crate::model::{
    AssessmentAnswers, DayPlan, Decision, Effort, HopCheck, MaintenanceChoice, MaintenanceChoiceKind, PainEntry, Program, RunRecord, SessionRecord, Settings,
};
use crate::clinical::return_to_run::{ReturnToRunAnswers, ReturnToRunCheck};
use crate::reminders::Reminder;
use crate::report::ClinicianSummary;
use crate::session::GuidedSession;

pub use crate::app::{
    screens_to_refresh, Announcement, AppScreen, EffortChoice, EffortQuestion, HomeScreen, JournalChange, MorningLog, MorningUndo, NextStep,
    ProgressReport, RunLog, StartRoute,
};
pub use crate::day::Moment;
use crate::app::{bounded, parse_range, Rehab};
pub use crate::app::{ActivityImport, HealthRun, ImportStatus, RunImportLine, RunImportResult};

type FfiResult<T> = std::result::Result<T, FirstStepError>;

/// Version of the core library, so shells can show it and tests can check they loaded the right one.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The local date of `moment` as YYYY-MM-DD (for shells that want to label "today").
#[uniffi::export]
pub fn local_date(moment: Moment) -> FfiResult<String> {
    Ok(moment.today()?.iso())
}

/// The runner's journal and rules behind one object. Safe to share across threads.
#[derive(uniffi::Object)]
pub struct FirstStep {
    journal: Journal,
}

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
        Ok(self.rehab().submit_safety_screen(now, yes_ids)?)
    }

    /// Records a visit to a clinician on `date` (default today). `cleared`: the clinician cleared
    /// the runner, which lets an urgent screen be taken again (R1). A visit also clears the
    /// escalation banner (R4).
    pub fn record_clinician_visit(&self, now: Moment, date: Option<String>, cleared: bool) -> FfiResult<ClinicianVisit> {
        let today = now.today()?;
        let day = self.rehab().day_or_today(date, today)?;
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
        Ok(self.rehab().assess(now.today()?, now.instant_ms, &answers)?)
    }

    /// Same as [`Self::submit_assessment`] with the answers as JSON (the documented answers file,
    /// `docs/answers.md`).
    pub fn submit_assessment_json(&self, now: Moment, answers_json: String) -> FfiResult<AssessmentResult> {
        Ok(self.rehab().submit_assessment_json(now, answers_json)?)
    }

    /// The most recent assessment result, if any.
    pub fn latest_assessment(&self) -> FfiResult<Option<AssessmentResult>> {
        Ok(self.rehab().latest_result()?)
    }

    // ---------------------------------------------------------------------------------- program

    /// Every exercise the app knows, with its ladder of levels.
    pub fn exercise_library(&self) -> Vec<Exercise> {
        clinical::exercise_library()
    }

    /// The program the runner follows now, if an assessment produced one: none after an urgent
    /// screen (R1), only non-weight-bearing work under a no-impact referral (R2).
    pub fn program(&self) -> FfiResult<Option<Program>> {
        Ok(self.rehab().effective_program()?)
    }

    /// The plan for `date` (YYYY-MM-DD), honouring every-other-day schedules, that morning's flare
    /// (P7) and the impact gate (P8).
    pub fn plan_for(&self, date: String) -> FfiResult<DayPlan> {
        let day = Day::parse("date", &date)?;
        Ok(self.rehab().shown_plan(&self.rehab().require_program()?, day)?)
    }

    /// Today's plan: on a flare morning one level easier with no backpack and no hops (P7); a
    /// hopping level waits behind the impact gate (P8), and the hop-check question is set when due.
    pub fn today_plan(&self, now: Moment) -> FfiResult<DayPlan> {
        Ok(self.rehab().shown_plan(&self.rehab().require_program()?, now.today()?)?)
    }

    /// Records today's single-leg hop check (rule P8): heel pain 0–10 during or after 10 hops on the
    /// affected side; 2 or less passes and opens hopping levels for 14 days (with calm mornings).
    /// A second answer the same day replaces the first. Refused while the safety screen says no
    /// impact (R1, R2).
    pub fn record_hop_check(&self, now: Moment, pain: i64) -> FfiResult<HopCheck> {
        Ok(self.rehab().record_hop_check(now, pain)?)
    }

    /// Accepts today's maintenance offer (rule P9) and returns today's plan, now the maintenance
    /// plan. `InvalidState` when no offer is open today; nothing is written then.
    pub fn accept_maintenance(&self, now: Moment) -> FfiResult<DayPlan> {
        Ok(self.rehab().answer_maintenance(now, MaintenanceChoiceKind::Accepted)?)
    }

    /// Declines today's maintenance offer (rule P9): the full program continues and the offer is
    /// not made again for 14 days. `InvalidState` when no offer is open today; nothing is written.
    pub fn decline_maintenance(&self, now: Moment) -> FfiResult<DayPlan> {
        Ok(self.rehab().answer_maintenance(now, MaintenanceChoiceKind::Declined)?)
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
        let plan = self.rehab().shown_plan(&self.rehab().require_program()?, today)?;
        GuidedSession::new(today.iso(), plan.exercises)
    }

    /// Stores the records a finished guided session produced (all or nothing). An exercise the
    /// runner skipped before finishing one set is not stored: a journal session means work done,
    /// and progression (P4) treats the missing session like any other missed day.
    pub fn save_session(&self, now: Moment, records: Vec<SessionRecord>) -> FfiResult<()> {
        Ok(self.rehab().save_session(now, records)?)
    }

    /// The question to ask after a finished session (rule P5), or `None` when no exercise the
    /// runner did asks how the load felt. Shells show exactly this and decide nothing.
    pub fn effort_question(&self, records: Vec<SessionRecord>) -> FfiResult<Option<EffortQuestion>> {
        Ok(self.rehab().effort_question(&records)?)
    }

    /// Saves a finished session with the runner's answer to [`Self::effort_question`] (`None`:
    /// skipped) on the exercises it asked about, all or nothing.
    pub fn save_session_with_effort(&self, now: Moment, records: Vec<SessionRecord>, effort: Option<Effort>) -> FfiResult<()> {
        Ok(self.rehab().save_session_with_effort(now, records, effort)?)
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
        Ok(self.rehab().log_session(now, date, exercise_id, sets, reps, hold_seconds, peak_pain, completed, effort, reps_in_reserve)?)
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
        let day = self.rehab().day_or_today(date, today)?;
        let entry = PainEntry {
            date: day.iso(),
            score: check_pain("score", score)?,
            stiffness_minutes: stiffness_minutes.map(|m| bounded("stiffness_minutes", m, validate::STIFFNESS_MINUTES)).transpose()?,
            note: note.filter(|n| !n.trim().is_empty()),
            logged_at_ms: now.instant_ms,
        };
        Ok(self.rehab().record_morning(entry, day, today)?)
    }

    /// Undoes the morning pain logged for `date`: restores the value it replaced (or removes the
    /// day) and reverts the progression decisions that log triggered, in one transaction. Only the
    /// newest decided morning can be undone (later decisions build on it).
    pub fn undo_pain(&self, now: Moment, date: String) -> FfiResult<MorningUndo> {
        let today = now.today()?;
        let day = Day::parse("date", &date)?;
        ensure_not_future("date", day, today)?;
        Ok(self.rehab().undo_morning(day, today)?)
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
        Ok(self.rehab().log_run(now, date, distance_km, minutes, pain_during, pain_after, surface, shoes)?)
    }

    /// Imports the runs in one activity file (FIT, GPX or TCX; `file_name` for messages and the kind
    /// guess), all or none in one transaction. Another sport, a route, a damaged file: said in the
    /// result, nothing written. A build without the `activity-files` feature (the phone libraries)
    /// answers `InvalidState`. After a write, refresh `screens_to_refresh(RunsImported)`.
    pub fn import_activity_file(&self, now: Moment, file_name: String, bytes: Vec<u8>) -> FfiResult<ActivityImport> {
        Ok(self.rehab().import_activity_file(now, &file_name, &bytes)?)
    }

    /// Imports exercise sessions read from a health store (Health Connect, HealthKit): running
    /// ones are stored once each (matched by `source_id`, else by start and distance).
    pub fn import_health_runs(&self, now: Moment, store_name: String, runs: Vec<HealthRun>) -> FfiResult<ActivityImport> {
        Ok(self.rehab().import_health_runs(now, &store_name, &runs)?)
    }

    /// Whether this build reads activity files (the desktop and CLI do; the phone libraries read
    /// the health store instead).
    pub fn reads_activity_files(&self) -> bool {
        crate::activity::READS_FILES
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
        Ok(self.rehab().progress(now, planned_run_km)?)
    }

    /// Takes the return-to-run self-test (RR1) today: grades the runner's answers together with the
    /// last 7 logged mornings and stores the result. Refused while a red flag says not to run (R1, R2).
    pub fn take_return_to_run_test(&self, now: Moment, answers: ReturnToRunAnswers) -> FfiResult<ReturnToRunCheck> {
        Ok(self.rehab().take_return_to_run_test(now, answers)?)
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
        Ok(self.rehab().home_screen(now.today()?)?)
    }

    // -------------------------------------------------------------------------------- reminders

    /// The reminders of the next 14 days as values; shells diff them by id and schedule them.
    pub fn reminders(&self, now: Moment) -> FfiResult<Vec<Reminder>> {
        Ok(self.rehab().reminders(now)?)
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
        Ok(self.rehab().clinician_summary(now)?)
    }

    // ---------------------------------------------------------------------------------- lessons

    /// The lessons E1–E7 for the local date of `now`, in reading order, each unlocked by whole
    /// weeks since the current program's start or by a finding of the latest assessment (locked
    /// ones say when they open).
    pub fn lessons(&self, now: Moment) -> FfiResult<Vec<Lesson>> {
        let today = now.today()?;
        let (start, domains, tested) = self.rehab().lesson_inputs()?;
        Ok(clinical::lessons_for(start, today, &domains, tested))
    }

    /// One lesson by id ("E1" … "E7"); a locked one is returned with `unlocked` false and when it
    /// opens. An unknown id is `NotFound` listing the lesson ids.
    pub fn lesson(&self, now: Moment, id: String) -> FfiResult<Lesson> {
        let today = now.today()?;
        let (start, domains, tested) = self.rehab().lesson_inputs()?;
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
        Ok(self.rehab().rate_psfs(now, date, ratings)?)
    }

    /// The PSFS screen (rule M2): each activity's first and latest rating, the averages, the
    /// detectable change and whether a rating is due. Without activities: the empty screen, due
    /// false, with a sentence inviting the runner to name them.
    pub fn psfs(&self, now: Moment) -> FfiResult<Psfs> {
        let today = now.today()?;
        Ok(self.rehab().psfs_summary_always(today)?)
    }
}

impl FirstStep {
    /// The application layer over this object's journal (crate::app): every exported method is
    /// one call there.
    fn rehab(&self) -> Rehab<'_> {
        Rehab { journal: &self.journal }
    }
}

// One handle is shared by the UI thread and background work (PRODUCT §3).
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<FirstStep>();
};
