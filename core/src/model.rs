//! Shared domain types: the vocabulary every module and every shell speaks. They are UniFFI
//! records/enums (so Kotlin and Swift see the same shapes) and serde types (so the journal,
//! backups and scenario vectors use the same JSON). Dates cross as ISO `YYYY-MM-DD` strings and
//! are parsed with [`crate::day::Day::parse`], which names the field on error.

use serde::{Deserialize, Serialize};

use crate::day::Day;

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

/// Which side a finding, an affected foot or an exercise concerns. For exercises, `None` means
/// both feet together (no side switch) and `Both` means each side in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    Both,
    None,
}

/// How much a finding matters. (No finding at all means "none".)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Mild,
    Marked,
}

/// The links of the chain the assessment looks at (PRODUCT §2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    AnkleMobility,
    CalfCapacity,
    FootIntrinsics,
    HipControl,
    Balance,
    Gait,
    TrainingLoad,
}

impl Domain {
    /// The link of the chain in plain words, e.g. "Hip control".
    pub fn words(self) -> &'static str {
        match self {
            Domain::AnkleMobility => "Ankle mobility",
            Domain::CalfCapacity => "Calf capacity",
            Domain::FootIntrinsics => "Foot muscles",
            Domain::HipControl => "Hip control",
            Domain::Balance => "Balance",
            Domain::Gait => "Running gait",
            Domain::TrainingLoad => "Training load",
        }
    }
}

/// How often an exercise is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Daily,
    EveryOtherDay,
    ThreeTimesDaily,
    /// rule P9 (E7): the calf ladder during maintenance, twice a week (design choice: days 0 and 3
    /// of each week from the day it began).
    TwiceWeekly,
}

/// Evidence tier shown on every exercise (CLINICAL L5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
pub enum EvidenceTier {
    /// Randomised trial in plantar fasciitis (L1, L3).
    #[serde(rename = "rct-pf")]
    RctPf,
    /// Evidence from another tendon (L2).
    #[serde(rename = "other-tendon")]
    OtherTendon,
    /// Expert opinion (L4, hip work).
    #[serde(rename = "expert")]
    Expert,
}

/// Red-flag screen outcome, mildest first (CLINICAL R1–R3); the screen takes the highest level
/// any "yes" leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RedFlagLevel {
    None,
    /// rule R3: see a clinician soon; the program may continue, trimmed.
    Refer,
    /// rule R2: see a clinician soon; no running, jumping or heavy loading until cleared — only
    /// non-weight-bearing work and cross-training.
    ReferNoImpact,
    /// rule R1: seek care today; no physical tests, no program.
    Urgent,
}

/// Pass / partial / fail for the foot-intrinsic tests (CLINICAL A3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum TestGrade {
    Pass,
    Partial,
    Fail,
}

/// Single-leg squat visual rating on a 3-point scale (CLINICAL A4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SquatQuality {
    Good,
    Fair,
    Poor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    Metric,
    Imperial,
}

/// A progression decision (CLINICAL P2–P4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum DecisionAction {
    Progress,
    Hold,
    Regress,
    /// Same level, more load: the runner's effort answer said the load was too easy (rule P5).
    AddLoad,
}

/// How a loading session felt, given by the runner after it (rule P5: loads by effort, "a load
/// where 12 is the most you can do with good form"). Optional: sessions without it still count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    /// Several more reps were left in the tank: the load can go up within the stage.
    TooEasy,
    /// The last reps were hard but done with good form: keep the load.
    Right,
    /// The reps could not be finished with good form: keep the level, lighten the load.
    TooHard,
}

/// Running guidance traffic light (CLINICAL X2, A7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunningState {
    Green,
    Amber,
    Red,
}

// ---------------------------------------------------------------------------------------------
// Assessment input (the answers-file contract of the terminal companion, docs/answers.md)
// ---------------------------------------------------------------------------------------------

/// A real-valued measurement per side.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct SideMeasure {
    pub left: f64,
    pub right: f64,
}

/// A count per side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct SideCount {
    pub left: u32,
    pub right: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct SideGrade {
    pub left: TestGrade,
    pub right: TestGrade,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct SideSquat {
    pub left: SquatQuality,
    pub right: SquatQuality,
}

/// Everything the assessment asks (PRODUCT §2.2). Optional fields may be absent; required ones
/// (date, affected side, first-step pain, and — unless the safety screen is urgent (R1) —
/// knee-to-wall and heel raises) are checked by evaluation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct AssessmentAnswers {
    /// Local date of the assessment, YYYY-MM-DD.
    pub date: String,
    pub affected_side: Side,
    #[serde(default)]
    #[uniffi(default = None)]
    pub weeks_since_onset: Option<u32>,
    /// Age in years (optional, 0..=120); under 16 → refer (R3, calcaneal apophysitis is likelier).
    #[serde(default)]
    #[uniffi(default = None)]
    pub age_years: Option<u32>,
    pub first_step_pain: u8,
    /// Ids of red-flag questions answered "yes" (see `safety_questions`).
    #[serde(default)]
    #[uniffi(default = [])]
    pub red_flags: Vec<String>,
    /// Date (YYYY-MM-DD) a clinician cleared the runner. Required to re-take the screen after an
    /// urgent one (R1/R4); stored as a clinician visit.
    #[serde(default)]
    #[uniffi(default = None)]
    pub clinician_cleared_on: Option<String>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub knee_to_wall_cm: Option<SideMeasure>,
    /// Accepted instead of `knee_to_wall_cm`.
    #[serde(default)]
    #[uniffi(default = None)]
    pub knee_to_wall_in: Option<SideMeasure>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub heel_raise_reps: Option<SideCount>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub toe_grip: Option<SideGrade>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub arch_control: Option<SideGrade>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub single_leg_squat: Option<SideSquat>,
    /// Eyes-open single-leg stance, best of 3, capped at 45 s (A5).
    #[serde(default)]
    #[uniffi(default = None)]
    pub balance_seconds: Option<SideMeasure>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub cadence_spm: Option<u32>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub overstride: Option<bool>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub weekly_km_now: Option<f64>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub weekly_km_4_weeks_ago: Option<f64>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub longest_run_km_recent: Option<f64>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub longest_run_km_prior_30d: Option<f64>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub surface_change: Option<bool>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub shoe_change: Option<bool>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub race_build_up: Option<bool>,
    #[serde(default)]
    #[uniffi(default = None)]
    pub hours_on_feet_per_day: Option<f64>,
    /// An upcoming race, optional (A8): the running guidance gives a verdict in its last 14 days.
    #[serde(default)]
    #[uniffi(default = None)]
    pub race: Option<Race>,
}

/// An upcoming race (CLINICAL A8): its date and distance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Race {
    /// Local date of the race, YYYY-MM-DD.
    pub date: String,
    pub distance_km: f64,
}

/// A8's verdict about an upcoming race, given in the last 14 days before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct RaceVerdict {
    pub date: String,
    pub distance_km: f64,
    /// Days from today to the race (0 on race day).
    pub days_to_go: u32,
    /// True: race with an easy plan (and a flare risk); false: better not to race this time.
    pub go: bool,
    /// The verdict in plain words, with its reasons.
    pub verdict: String,
    /// Why not (empty when `go`).
    pub reasons: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Program
// ---------------------------------------------------------------------------------------------

/// Rep tempo in seconds (e.g. L1: 3 up, 2 hold, 3 down).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Tempo {
    pub up_seconds: u32,
    pub hold_seconds: u32,
    pub down_seconds: u32,
}

/// One exercise of the runner's program at its current level, with everything a screen or the
/// session engine needs (no library lookup required by shells).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ProgramExercise {
    pub exercise_id: String,
    pub name: String,
    /// Current level (0-based; the loading ladder is L0..L4).
    pub level: u32,
    /// Highest level of this exercise's ladder (0 when it has a single level).
    pub max_level: u32,
    /// Short name of the current level, e.g. "L2 single-leg raise on a towel".
    pub level_name: String,
    pub how_to: Vec<String>,
    pub sets: u32,
    /// Reps per set; `None` for holds.
    pub reps: Option<u32>,
    /// Hold seconds per rep/set; `None` for rep exercises.
    pub hold_seconds: Option<u32>,
    /// Tempo per rep; `None` means self-paced reps (the runner taps "done").
    pub tempo: Option<Tempo>,
    pub rest_seconds: u32,
    /// Extra load, e.g. "backpack with books"; `None` for body weight.
    pub load: Option<String>,
    /// `None`: both feet together; `Left`/`Right`: that side only; `Both`: each side in turn.
    pub sides: Side,
    pub frequency: Frequency,
    pub evidence_tier: EvidenceTier,
    /// The findings' domains this exercise answers (empty for the always-on base program).
    pub answers: Vec<Domain>,
    /// Date the current level started (YYYY-MM-DD); anchors every-other-day schedules and P4's 7 days.
    pub level_started_on: String,
    /// The CLINICAL rule ids behind this exercise and dosage, e.g. ["L1"].
    pub rules: Vec<String>,
    /// Estimated minutes this exercise takes on a day it is planned, every side and every
    /// repetition of the day included (rule V1).
    #[serde(default)]
    #[uniffi(default = 0)]
    pub minutes: u32,
    /// Fewest days at this level before it may progress (rule P5; 0 in programs stored before P5).
    #[serde(default)]
    #[uniffi(default = 0)]
    pub min_days_at_level: u32,
    /// Whether the shell asks "how did the load feel?" after this exercise (rule P5: loads by effort
    /// at Rathleff's stages).
    #[serde(default)]
    #[uniffi(default = false)]
    pub asks_effort: bool,
    /// Load steps added within this level by effort answers (rule P5); back to 0 on a level change.
    #[serde(default)]
    #[uniffi(default = 0)]
    pub load_steps: u32,
    /// Id of the lesson explaining why this exercise is in the program (E1–E7).
    #[serde(default)]
    #[uniffi(default = None)]
    pub lesson_id: Option<String>,
}

impl ProgramExercise {
    /// Whether this exercise is on the plan for `day`. Every-other-day exercises fall on the level's
    /// start date and every second day after it; nothing is planned before the level started.
    pub fn is_planned_on(&self, day: Day) -> bool {
        let Ok(start) = Day::parse("level_started_on", &self.level_started_on) else { return false };
        let since = day.days_since(start);
        if since < 0 {
            return false;
        }
        match self.frequency {
            Frequency::Daily | Frequency::ThreeTimesDaily => true,
            Frequency::EveryOtherDay => since % 2 == 0,
            Frequency::TwiceWeekly => CALF_DAYS_IN_CYCLE.contains(&(since % 7)),
        }
    }
}

/// The runner's program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Program {
    /// Date the program was built (YYYY-MM-DD).
    pub started_on: String,
    pub exercises: Vec<ProgramExercise>,
    /// Shown on every screen when the safety screen said "refer" (R2).
    pub caution: Option<String>,
    /// Running cue from the gait questions (A6), e.g. "+5–10 % step rate: from 158 to 166–174 spm".
    pub cadence_cue: Option<String>,
    /// Estimated minutes on the busier of two consecutive days (every-other-day work alternates;
    /// rule V1 aims at about 20).
    #[serde(default)]
    #[uniffi(default = 0)]
    pub minutes_per_day: u32,
    /// Findings left out of the day's five exercises (rule V1), in plain words; empty when every
    /// finding has its exercise.
    #[serde(default)]
    #[uniffi(default = [])]
    pub set_aside: Vec<String>,
}

impl Program {
    /// The exercises planned for `day`, in program order.
    pub fn planned_on(&self, day: Day) -> Vec<&ProgramExercise> {
        self.exercises.iter().filter(|e| e.is_planned_on(day)).collect()
    }
}

/// Today's plan, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct DayPlan {
    pub date: String,
    pub exercises: Vec<ProgramExercise>,
    /// Plain-language note, e.g. why an every-other-day exercise is absent today.
    pub note: Option<String>,
    /// Estimated minutes for the day's exercises (rule V1).
    #[serde(default)]
    #[uniffi(default = 0)]
    pub minutes: u32,
    /// rule P7: set on a flare morning — today's load is cut at once (one level lower, no backpack
    /// and no hops), and the regressions are stored as decisions dated this morning.
    #[serde(default)]
    #[uniffi(default = None)]
    pub flare: Option<RuleNote>,
    /// rule P8: a hopping level is shown one level lower because a condition of the impact gate is
    /// missing; the sentence names which.
    #[serde(default)]
    #[uniffi(default = None)]
    pub impact_hold: Option<RuleNote>,
    /// rule P8: the hop-check question, set when a hopping level would be next and no passed check
    /// of the last 14 days opens it. Answer with `record_hop_check`.
    #[serde(default)]
    #[uniffi(default = None)]
    pub hop_check_question: Option<String>,
    /// rule P9: the maintenance offer, maintenance itself, or the full program's return (with the
    /// reason), as a sentence for the runner and the state as data.
    #[serde(default)]
    #[uniffi(default = None)]
    pub maintenance: Option<MaintenanceNote>,
}

/// Where the runner stands with maintenance (rule P9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum MaintenanceState {
    /// The offer is open: answer with `accept_maintenance` or `decline_maintenance`.
    Offered,
    /// Maintenance is on: today's plan is the maintenance plan.
    Active,
    /// The full program came back (a flare or two sore mornings); the sentence says why.
    FullProgramBack,
}

/// rule P9: the maintenance sentence of a day (X4: the rule stays structured, not in the text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct MaintenanceNote {
    pub state: MaintenanceState,
    pub text: String,
    /// CLINICAL rule id: "P9".
    pub rule: String,
}

/// What the runner chose, or what ended maintenance (rule P9), as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum MaintenanceChoiceKind {
    Accepted,
    Declined,
    /// The full program came back (a flare or two mornings ≥ 3 within 7 days).
    Ended,
}

/// One stored maintenance event (rule P9).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceChoice {
    pub date: String,
    pub choice: MaintenanceChoiceKind,
    /// For `ended`: why the full program came back, as shown.
    pub reason: Option<String>,
    pub logged_at_ms: i64,
}

/// A sentence for the runner and the rule behind it (X4: the rule stays structured data, the
/// sentence carries no rule id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct RuleNote {
    pub text: String,
    /// CLINICAL rule id, e.g. "P7".
    pub rule: String,
}

/// One single-leg hop check (rule P8; RR1's hop item): 10 hops on the affected side, and the heel
/// pain during or after them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct HopCheck {
    pub date: String,
    /// Heel pain 0–10 during or after the hops.
    pub pain: u8,
    /// Pain 2 or less (rule P8, the same limit as RR1's hop item).
    pub passed: bool,
}

// ---------------------------------------------------------------------------------------------
// Journal records
// ---------------------------------------------------------------------------------------------

/// Morning first-step pain for one local date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct PainEntry {
    pub date: String,
    pub score: u8,
    pub stiffness_minutes: Option<u32>,
    pub note: Option<String>,
    /// When it was logged (Unix ms), as given by the shell.
    pub logged_at_ms: i64,
}

/// One exercise done on one date (a guided session produces one per exercise).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct SessionRecord {
    pub date: String,
    pub exercise_id: String,
    pub level: u32,
    pub sets_done: u32,
    /// Reps per set done (rep exercises).
    pub reps_done: Option<u32>,
    /// Seconds held per set/rep (hold exercises).
    pub hold_seconds_done: Option<u32>,
    /// Peak pain during the session, 0–10 (P1).
    pub peak_pain: u8,
    /// All planned sets done.
    pub completed: bool,
    /// Steps the runner skipped in the guided session.
    pub skipped_steps: u32,
    /// How the load felt (rule P5); `None` when not asked or not answered.
    #[serde(default)]
    #[uniffi(default = None)]
    pub effort: Option<Effort>,
    /// How many more reps the runner could have done with good form (rule P5); when given
    /// without `effort`, the core derives the effort from it.
    #[serde(default)]
    #[uniffi(default = None)]
    pub reps_in_reserve: Option<u32>,
}

/// One run: typed in, or imported from an activity file or a health store (issue 23).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct RunRecord {
    pub date: String,
    pub distance_km: f64,
    /// Moving minutes (an imported run: the watch's timer time).
    pub minutes: Option<f64>,
    pub pain_during: Option<u8>,
    pub pain_after: Option<u8>,
    pub surface: Option<String>,
    pub shoes: Option<String>,
    /// Where the run came from. No UniFFI default: uniffi 0.32's proc macros cannot name an enum
    /// variant as a default, and `default` alone breaks the Kotlin and Swift generators.
    #[serde(default)]
    pub source: RunSource,
    /// Start instant (ms since the Unix epoch) when the source gave one.
    #[serde(default)]
    #[uniffi(default = None)]
    pub start_ms: Option<i64>,
    /// Start to finish, pauses included (minutes).
    #[serde(default)]
    #[uniffi(default = None)]
    pub elapsed_minutes: Option<f64>,
    /// Average cadence, steps per minute (rule A6 compares it with the +5–10 % goal).
    #[serde(default)]
    #[uniffi(default = None)]
    pub cadence_spm: Option<f64>,
    /// Treadmill, trail, track… as the file said.
    #[serde(default)]
    #[uniffi(default = None)]
    pub sub_sport: Option<String>,
    /// The files or health stores this run was also found in, e.g. "morning.fit" — a typed-in run
    /// with an entry here was matched by an import (kept, not replaced). Read only: not in backups.
    #[serde(skip)]
    #[uniffi(default = [])]
    pub matched_by: Vec<String>,
}

/// Where a run came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunSource {
    /// Typed in by the runner.
    #[default]
    Manual,
    /// Read from a FIT, GPX or TCX file.
    File,
    /// Read from Health Connect or HealthKit.
    HealthStore,
}

/// A stored progression decision with its rule and a reason a runner understands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Decision {
    pub date: String,
    pub exercise_id: String,
    pub action: DecisionAction,
    pub from_level: u32,
    pub to_level: u32,
    /// CLINICAL rule id, e.g. "P4".
    pub rule: String,
    pub reason: String,
}

/// Today's running advice (X2: reduce, don't eliminate; A7: long-run spike).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct RunningGuidance {
    pub state: RunningState,
    pub reason: String,
    /// CLINICAL rule ids behind the advice.
    pub rules: Vec<String>,
    /// Longest run of the previous 30 days (km), if any run was logged.
    pub longest_recent_km: Option<f64>,
    /// Set when a planned run exceeds the longest of the previous 30 days by more than 10 % (A7).
    pub long_run_warning: Option<String>,
    /// Kilometres logged in the last 7 days, today included (A7).
    #[serde(default)]
    #[uniffi(default = None)]
    pub weekly_km: Option<f64>,
    /// `weekly_km` as the runner reads it, in their units: "12.0 km", "7.5 mi".
    #[serde(default)]
    #[uniffi(default = None)]
    pub weekly: Option<String>,
    /// Set when the last 2 weeks' distance is more than 30 % above the 2 weeks before (A7).
    #[serde(default)]
    #[uniffi(default = None)]
    pub weekly_warning: Option<String>,
    /// "Reduce" as a number (X2): about two thirds of the runner's weekly average of the last
    /// 4 weeks of logged runs, or of the assessment's weekly distance when no run is logged.
    #[serde(default)]
    #[uniffi(default = None)]
    pub reduce_to_km: Option<f64>,
    /// `reduce_to_km` as the runner reads it, rounded in their units: "14 km", "9 mi".
    #[serde(default)]
    #[uniffi(default = None)]
    pub reduce_to: Option<String>,
    /// The return-to-run card (RR1), when the runner is not running normally.
    #[serde(default)]
    #[uniffi(default = None)]
    pub return_to_run: Option<ReturnToRun>,
    /// A7: the cap for today's planned run when it is more than 10 % over the longest run of the
    /// previous 30 days (that run is capped; the week is not shrunk).
    #[serde(default)]
    #[uniffi(default = None)]
    pub run_cap_km: Option<f64>,
    /// `run_cap_km` as the runner reads it: "11.6 km".
    #[serde(default)]
    #[uniffi(default = None)]
    pub run_cap: Option<String>,
    /// A7: today's flare (P3) came within 2 days after a run beyond its cap; names that run.
    #[serde(default)]
    #[uniffi(default = None)]
    pub likely_trigger: Option<String>,
    /// A8: the verdict about an upcoming race, in its last 14 days.
    #[serde(default)]
    #[uniffi(default = None)]
    pub race: Option<RaceVerdict>,
    /// A6: the average step rate of the latest runs whose files carry a cadence (steps/min).
    #[serde(default)]
    #[uniffi(default = None)]
    pub cadence_spm: Option<f64>,
    /// A6: that step rate against the +5–10 % goal, in plain words.
    #[serde(default)]
    #[uniffi(default = None)]
    pub cadence_progress: Option<String>,
}

/// User settings (PRODUCT §2.11).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct Settings {
    pub units: Units,
    pub affected_side: Side,
    /// Morning pain reminder, local "HH:MM" (default "07:00").
    pub morning_reminder: String,
    /// Session reminder, local "HH:MM" (default "18:00", design choice).
    pub session_reminder: String,
    /// ISO weekdays (1 = Monday … 7 = Sunday) with session reminders; default every day.
    pub session_days: Vec<u8>,
    /// IANA time zone name given by the shell, e.g. "Europe/Berlin".
    pub time_zone: String,
    pub reminders_enabled: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            units: Units::Metric,
            affected_side: Side::Left,
            morning_reminder: "07:00".into(),
            session_reminder: "18:00".into(),
            session_days: vec![1, 2, 3, 4, 5, 6, 7],
            time_zone: "UTC".into(),
            reminders_enabled: true,
        }
    }
}

// ------------------------------------------------------------------------------- return to run

// The return-to-run values (rule RR1) live here with the other records; the rules that grade and
// advance them are in `clinical::return_to_run`.

/// The runner's answers to the self-test (the mornings come from the journal).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ReturnToRunAnswers {
    /// Heel pain 0–10 during or after a 30-minute brisk walk.
    pub walk_pain: u8,
    /// Single-leg heel raises in a row on the affected side.
    pub heel_raises_affected: u32,
    /// The same on the other side; `None` when both heels hurt or it was not tested.
    pub heel_raises_other: Option<u32>,
    /// Heel pain 0–10 during or after 10 single-leg hops on the affected side.
    pub hop_pain: u8,
}

/// One criterion of the self-test, with the runner's own numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ReturnToRunCriterion {
    /// `mornings`, `walk`, `heel_raises` or `hops`.
    pub id: String,
    /// What it asks, in plain words.
    pub label: String,
    pub passed: bool,
    /// The runner's result, e.g. "mornings 2, 1, 2, 2, 1, 0, 2".
    pub detail: String,
}

/// A stored self-test and its verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ReturnToRunCheck {
    pub date: String,
    pub answers: ReturnToRunAnswers,
    pub passed: bool,
    pub criteria: Vec<ReturnToRunCriterion>,
    /// What to do next, in plain words.
    pub advice: String,
}

/// Where the runner stands on the way back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum ReturnToRunState {
    /// No run logged for 14 days and no self-test yet: the running card offers it.
    Offered,
    /// The latest self-test did not pass yet.
    NotYet,
    /// Passed: following the walk-run steps.
    WalkRun,
    /// All walk-run steps done: back to continuous running.
    Complete,
}

/// One step of the walk-run progression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct WalkRunStep {
    /// 1-based step number.
    pub step: u32,
    pub of_steps: u32,
    pub run_minutes: u32,
    pub walk_minutes: u32,
    pub repeats: u32,
    /// e.g. "2 min running, 1 min walking, × 7 (21 min)".
    pub description: String,
    /// Comfortable runs logged at this step so far, and how many unlock the next.
    pub runs_done: u32,
    pub runs_needed: u32,
}

/// The return-to-run card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ReturnToRun {
    pub state: ReturnToRunState,
    pub text: String,
    pub last_check: Option<ReturnToRunCheck>,
    /// Set while walking and running (`walk_run`).
    pub step: Option<WalkRunStep>,
}


// ----------------------------------------------------------------------------------- distances

pub const KM_PER_MILE: f64 = 1.609_344;

/// A distance in the settings' units, one decimal, e.g. "8.0 km" or "5.0 mi".
pub fn distance(km: f64, units: Units) -> String {
    let km = km + 0.0; // an empty sum is -0.0
    match units {
        Units::Metric => format!("{km:.1} km"),
        Units::Imperial => format!("{:.1} mi", km / KM_PER_MILE),
    }
}

/// design choice (rule P9, E7 "twice a week"): the calf ladder is planned on days 0 and 3 of each
/// 7-day cycle counted from the day maintenance was accepted (3 and 4 rest days between).
pub const CALF_DAYS_IN_CYCLE: [i32; 2] = [0, 3];
