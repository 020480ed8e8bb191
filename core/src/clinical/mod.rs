//! Clinical rules: red-flag screen, chain assessment, exercise library, program builder,
//! progression and running guidance. Pure, deterministic functions (no clock, no I/O); every
//! number cites its `CLINICAL.md` id. The replay semantics and the rules in plain words are in
//! `docs/clinical-rules.md`.

pub mod assessment;
pub mod cadence;
pub(crate) mod gates;
pub(crate) mod maintenance;
pub mod lessons;
pub mod library;
pub(crate) mod pain;
pub mod program;
pub mod progression;
pub mod psfs;
pub mod referral;
pub mod return_to_run;
pub mod running;
pub mod safety;

pub use assessment::{
    assessment_catalogue, evaluate_assessment, AnswerKind, AssessmentChange, AssessmentItem, AssessmentResult, Finding,
};
pub use lessons::{lesson_for, lesson_for_exercise, lessons_for, Lesson};
pub use library::{exercise_library, find_exercise, program_exercise, Exercise, ExerciseLevel};
pub use program::{build_program, day_plan, for_red_flag, for_safety_screen};
pub use psfs::{Psfs, PsfsActivity, PsfsActivityProgress, PsfsRating, PsfsScore};
pub use progression::{apply_decisions, decide_progressions, morning_update};
pub use running::{logged_run_warning, running_guidance, RunningInput, RACE_KM_MIN};
pub use referral::{Referral, ReferralLevel};
pub use return_to_run::{ReturnToRun, ReturnToRunAnswers, ReturnToRunCheck, ReturnToRunState};
pub use safety::{bars_heavy_loading, evaluate_safety, safety_questions, SafetyQuestion, SafetyResult};
