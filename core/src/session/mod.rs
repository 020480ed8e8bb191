//! The guided-session engine: a pure state machine over (monotonic milliseconds, event).
//!
//! Nothing here reads a clock. The shell passes timestamps; the engine derives the position from
//! the start instant and the pauses (active time = t − start − paused time) mapped onto the step
//! durations, so a late or missing tick never makes the timer drift. See `docs/session-engine.md`.
//!
//! - [`steps`]: flattens exercises into steps (get-ready, tempo phases, holds, rest, side switch).
//! - [`engine`]: [`SessionEngine`], the state machine, cues and progress.
//! - [`records`]: the journal records produced when the session is finished.
//! - [`snapshot`]: the versioned, checksummed snapshot string.
//! - [`ffi`]: [`GuidedSession`], the UniFFI object wrapping the engine.

pub mod engine;
pub mod ffi;
pub mod records;
pub mod snapshot;
pub mod steps;

use serde::{Deserialize, Serialize};

use crate::model::Side;

pub use engine::SessionEngine;
pub use ffi::GuidedSession;

/// What the runner (or the shell) did, with the monotonic time it happened at (ms).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SessionEvent {
    /// Begin the session (enters the first get-ready).
    Start { at_ms: i64 },
    /// Freeze the timers.
    Pause { at_ms: i64 },
    /// Continue after a pause.
    Resume { at_ms: i64 },
    /// End the current step now; a skipped rep or hold counts as not done.
    SkipStep { at_ms: i64 },
    /// Restart the current step (the whole rep in a tempo rep; the previous rep when waiting for a self-paced rep).
    RepeatStep { at_ms: i64 },
    /// The runner finished a self-paced rep.
    RepDone { at_ms: i64 },
    /// End the session with the peak pain felt during it, 0–10 (CLINICAL P1).
    Finish { at_ms: i64, peak_pain: u8 },
}

impl SessionEvent {
    /// The event's timestamp.
    pub fn at_ms(&self) -> i64 {
        match *self {
            SessionEvent::Start { at_ms }
            | SessionEvent::Pause { at_ms }
            | SessionEvent::Resume { at_ms }
            | SessionEvent::SkipStep { at_ms }
            | SessionEvent::RepeatStep { at_ms }
            | SessionEvent::RepDone { at_ms }
            | SessionEvent::Finish { at_ms, .. } => at_ms,
        }
    }

    /// The event's name, for error messages.
    pub fn name(&self) -> &'static str {
        match self {
            SessionEvent::Start { .. } => "start",
            SessionEvent::Pause { .. } => "pause",
            SessionEvent::Resume { .. } => "resume",
            SessionEvent::SkipStep { .. } => "skip_step",
            SessionEvent::RepeatStep { .. } => "repeat_step",
            SessionEvent::RepDone { .. } => "rep_done",
            SessionEvent::Finish { .. } => "finish",
        }
    }
}

/// Where the session is as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    NotStarted,
    Running,
    Paused,
    /// All steps are done; waiting for `Finish` with the peak pain.
    AwaitingPain,
    Finished,
}

/// The kind of the current step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    GetReady,
    Up,
    Hold,
    Down,
    /// Waiting for the runner to tap "done" (`RepDone`).
    SelfPacedRep,
    HoldTimer,
    Rest,
    SwitchSides,
    ExerciseDone,
    SessionDone,
}

/// The kind of a cue (a sound, a vibration or a spoken line in the shell).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    GetReady,
    Up,
    Hold,
    Down,
    Countdown3,
    Countdown2,
    Countdown1,
    Rest,
    SwitchSides,
    SetDone,
    ExerciseDone,
    SessionDone,
}

/// Something to say/play, emitted exactly once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Cue {
    pub kind: CueKind,
    /// When it was due (the shell's monotonic ms).
    pub at_ms: i64,
    /// Due more than 1 s before the query: the shell may skip the sound.
    pub late: bool,
    /// What to say or show.
    pub text: String,
}

/// Everything a session screen shows, at one instant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct SessionState {
    pub status: SessionStatus,
    /// 0-based index of the current exercise.
    pub exercise_index: u32,
    pub exercise_count: u32,
    pub exercise_id: String,
    pub exercise_name: String,
    pub level: u32,
    /// 1-based set (0 during get-ready).
    pub set: u32,
    pub set_count: u32,
    /// 1-based rep within the set for work steps, 0 otherwise.
    pub rep: u32,
    /// Reps per set (1 when each set is a single hold or step).
    pub rep_count: u32,
    /// The side being worked (`None`: both feet together).
    pub side: Side,
    pub phase: Phase,
    /// Screen-ready label, e.g. "Down 3 s".
    pub phase_label: String,
    /// Seconds left in the current step; `None` for self-paced steps and once all steps are done.
    pub seconds_remaining: Option<f64>,
    /// 0..1 within the current step.
    pub step_progress: f64,
    /// 0..1 within the current exercise.
    pub exercise_progress: f64,
    /// 0..1 over the whole session; never goes backwards.
    pub session_progress: f64,
    /// Cues due since the previous call, in order.
    pub cues: Vec<Cue>,
    /// Time spent running (pauses excluded), up to the end of the last step.
    pub elapsed_active_ms: i64,
}
