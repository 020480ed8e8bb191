//! FirstStep core: every rule, number and piece of state of the plantar heel pain rehab companion.
//!
//! Layout (one concern per module):
//! - [`day`], [`model`], [`error`]: the shared vocabulary (dates, records, errors).
//! - [`clinical`]: red-flag screen, assessment, exercise library, program builder, progression and
//!   running guidance — pure functions, every number cited from `CLINICAL.md`.
//! - [`session`]: the guided-session engine, a pure state machine over (monotonic ms, event).
//! - [`reminders`]: the 14-day reminder planner (values the shells schedule).
//! - [`journal`]: the SQLite journal, recovery trend and export/import.
//! - [`report`]: the one-page clinician summary (self-contained HTML).
//! - [`figures`]: the exercise and test figures (poses as drawing primitives, SVG).
//! - [`api`]: the UniFFI surface — the `FirstStep` object shells and the CLI use.

uniffi::setup_scaffolding!();

pub mod activity;
pub mod api;
mod app;
pub mod clinical;
pub mod day;
pub mod error;
pub mod figures;
pub mod journal;
pub mod model;
pub mod reminders;
pub mod report;
pub mod session;
mod sort;
mod strict_json;

pub use error::{CoreError, FirstStepError};
