//! [`SessionEngine`]: the pure session state machine.
//!
//! The persistent state is a handful of integers (see [`EngineData`]): the current step, the
//! active-time position where it started, the running anchor (wall ms ↔ active ms at the last
//! start/resume), the cue cursor and the skipped steps. Active time at wall time `t` is
//! `anchor_active + (t − anchor_wall)` while running and frozen otherwise, so the position is
//! always `t − start − paused time`, in exact integer milliseconds: no ticks are counted and
//! nothing can drift. Timed steps are advanced lazily whenever the engine is asked about a later
//! instant; that folding is exact, so the result never depends on the query pattern.

use serde::{Deserialize, Serialize};

use crate::day::Day;
use crate::error::{check_pain, CoreError, Result};
use crate::model::{ProgramExercise, SessionRecord, Side};

use super::steps::{Plan, Step};
use super::{Cue, CueKind, Phase, SessionEvent, SessionState, SessionStatus};

/// A cue is `late` when it was due more than this before the query. // design choice: 1 s, stale
/// enough that a shell waking from sleep should not play it.
pub const LATE_AFTER_MS: i64 = 1_000;
/// Timestamps must be within 0..=2^53 ms (exact in every shell language). // design choice
pub const MAX_TIMESTAMP_MS: i64 = 9_007_199_254_740_991;

/// The serialized state of an engine (the snapshot payload). Integers only, so a restored
/// engine behaves bit-for-bit like the original.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngineData {
    pub date: Day,
    pub exercises: Vec<ProgramExercise>,
    pub status: SessionStatus,
    /// Index of the current step; `steps.len()` once every step is done.
    pub step_index: usize,
    /// Active-time position (ms) where the current step started.
    pub step_start_active_ms: i64,
    /// Countdown cues of the current step due at or before this active position were emitted.
    pub countdown_through_ms: i64,
    /// Wall time (shell ms) of the last start/resume.
    pub anchor_wall_ms: i64,
    /// Active time at `anchor_wall_ms` while running; the frozen active time otherwise.
    pub anchor_active_ms: i64,
    /// Latest event/query time seen; time may not go back before it.
    pub last_seen_ms: Option<i64>,
    /// Indices of skipped steps, sorted.
    pub skipped: Vec<usize>,
    /// Highest session progress reached, in progress-weight ms (progress never goes backwards).
    pub progress_mark: i64,
    /// Set by `Finish`.
    pub peak_pain: Option<u8>,
}

/// The guided-session engine. Pure: every call carries its own timestamp.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "EngineData", into = "EngineData")]
pub struct SessionEngine {
    pub(crate) data: EngineData,
    pub(crate) plan: Plan,
}

impl From<SessionEngine> for EngineData {
    fn from(engine: SessionEngine) -> Self {
        engine.data
    }
}

impl TryFrom<EngineData> for SessionEngine {
    type Error = CoreError;
    fn try_from(data: EngineData) -> Result<Self> {
        let plan = Plan::build(&data.exercises)?;
        super::snapshot::check_invariants(&data, &plan)?;
        Ok(SessionEngine { data, plan })
    }
}

impl SessionEngine {
    /// A not-yet-started session over `exercises` (in order). Empty list → state error; bad
    /// dosage (0 sets, 0 reps, absurd seconds) → range error naming the exercise and field.
    pub fn new(date: Day, exercises: Vec<ProgramExercise>) -> Result<SessionEngine> {
        let plan = Plan::build(&exercises)?;
        let data = EngineData {
            date,
            exercises,
            status: SessionStatus::NotStarted,
            step_index: 0,
            step_start_active_ms: 0,
            countdown_through_ms: 0,
            anchor_wall_ms: 0,
            anchor_active_ms: 0,
            last_seen_ms: None,
            skipped: Vec::new(),
            progress_mark: 0,
            peak_pain: None,
        };
        Ok(SessionEngine { data, plan })
    }

    /// Applies `event` at its timestamp and returns the state at that instant, with every cue
    /// due since the previous call. On error nothing changes (not even the cue cursor).
    pub fn handle(&mut self, event: SessionEvent) -> Result<SessionState> {
        let now = event.at_ms();
        self.check_time(event.name(), now)?;
        let mut next = self.clone();
        let mut cues = Vec::new();
        next.advance(now, &mut cues);
        // Record the progress reached before the event (a repeat may step back).
        next.mark_progress(now);
        next.apply(&event, now, &mut cues)?;
        next.data.last_seen_ms = Some(now);
        next.mark_progress(now);
        let state = next.state(now, cues);
        *self = next;
        Ok(state)
    }

    /// The state at `now_ms` with the cues due since the previous call.
    pub fn state_at(&mut self, now_ms: i64) -> Result<SessionState> {
        self.check_time("query", now_ms)?;
        let mut cues = Vec::new();
        self.advance(now_ms, &mut cues);
        self.data.last_seen_ms = Some(now_ms);
        self.mark_progress(now_ms);
        Ok(self.state(now_ms, cues))
    }

    /// A small versioned, checksummed string from which [`SessionEngine::restore`] rebuilds this engine.
    pub fn snapshot(&self) -> String {
        super::snapshot::encode(&self.data)
    }

    /// Rebuilds an engine from [`SessionEngine::snapshot`]; malformed or tampered text → typed error.
    pub fn restore(snapshot: &str) -> Result<SessionEngine> {
        SessionEngine::try_from(super::snapshot::decode(snapshot)?)
    }

    /// One journal record per exercise, once the session is finished.
    pub fn records(&self) -> Result<Vec<SessionRecord>> {
        super::records::build(&self.data, &self.plan)
    }

    /// The session's status.
    pub fn status(&self) -> SessionStatus {
        self.data.status
    }

    // -----------------------------------------------------------------------------------------
    // Time
    // -----------------------------------------------------------------------------------------

    fn check_time(&self, what: &str, now: i64) -> Result<()> {
        if !(0..=MAX_TIMESTAMP_MS).contains(&now) {
            return Err(CoreError::range(format!("{what}.at_ms"), format!("0..={MAX_TIMESTAMP_MS}"), now));
        }
        match self.data.last_seen_ms {
            Some(last) if now < last => Err(CoreError::state(format!(
                "time went backwards: {what} at {now} ms is before the last seen instant {last} ms"
            ))),
            _ => Ok(()),
        }
    }

    /// Active (un-paused) session time at wall time `now`.
    fn active_at(&self, now: i64) -> i64 {
        match self.data.status {
            SessionStatus::Running => self.data.anchor_active_ms + (now - self.data.anchor_wall_ms),
            _ => self.data.anchor_active_ms,
        }
    }

    /// Wall time at which active position `active` was (or is) reached. Outside running, cues
    /// created by an event are due at the event itself.
    fn wall_of(&self, active: i64, now: i64) -> i64 {
        match self.data.status {
            SessionStatus::Running => self.data.anchor_wall_ms + (active - self.data.anchor_active_ms),
            _ => now,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Stepping
    // -----------------------------------------------------------------------------------------

    /// Moves through every timed step that ended by `now`, emitting their cues.
    fn advance(&mut self, now: i64, cues: &mut Vec<Cue>) {
        if self.data.status != SessionStatus::Running {
            return;
        }
        let active_now = self.active_at(now);
        while let Some(step) = self.plan.steps.get(self.data.step_index) {
            let Some(duration) = step.duration_ms else { break };
            let start = self.data.step_start_active_ms;
            if has_countdown(step.phase) {
                for (k, kind, text) in COUNTDOWN {
                    let due = start + duration - k * 1_000;
                    if due > start && due > self.data.countdown_through_ms && due <= active_now {
                        cues.push(self.cue(kind, due, now, text.to_string()));
                    }
                }
            }
            let end = start + duration;
            if end > active_now {
                break;
            }
            self.complete_step(end, now, cues);
        }
        if self.data.status == SessionStatus::Running {
            self.data.countdown_through_ms = self.data.countdown_through_ms.max(active_now);
        }
    }

    /// Ends the current step at active position `end` and enters the next one.
    fn complete_step(&mut self, end: i64, now: i64, cues: &mut Vec<Cue>) {
        let index = self.data.step_index;
        let step = &self.plan.steps[index];
        if step.ends_set {
            let sets = self.data.exercises[step.exercise].sets;
            cues.push(self.cue(CueKind::SetDone, end, now, format!("Set {} of {sets} done", step.set)));
        }
        self.enter(index + 1, end, now, cues);
    }

    /// Makes `index` the current step, started at active position `start`, and emits its cue.
    fn enter(&mut self, index: usize, start: i64, now: i64, cues: &mut Vec<Cue>) {
        self.data.step_index = index;
        self.data.step_start_active_ms = start;
        self.data.countdown_through_ms = start;
        let Some(step) = self.plan.steps.get(index) else {
            let text = "Session done. How much did it hurt at worst, from 0 to 10?".to_string();
            cues.push(self.cue(CueKind::SessionDone, start, now, text));
            // Active time stops at the end of the last step.
            self.data.anchor_active_ms = start;
            self.data.status = SessionStatus::AwaitingPain;
            return;
        };
        if let Some((kind, text)) = entry_cue(step, &self.data.exercises[step.exercise]) {
            cues.push(self.cue(kind, start, now, text));
        }
    }

    fn cue(&self, kind: CueKind, due_active: i64, now: i64, text: String) -> Cue {
        let at_ms = self.wall_of(due_active, now);
        Cue { kind, at_ms, late: at_ms < now - LATE_AFTER_MS, text }
    }

    // -----------------------------------------------------------------------------------------
    // Events
    // -----------------------------------------------------------------------------------------

    fn apply(&mut self, event: &SessionEvent, now: i64, cues: &mut Vec<Cue>) -> Result<()> {
        use SessionStatus::*;
        let status = self.data.status;
        let refuse = |why: &str| Err(CoreError::state(format!("{} not accepted: {why}", event.name())));
        if status == Finished {
            return refuse("the session is already finished");
        }
        match *event {
            SessionEvent::Start { .. } => {
                if status != NotStarted {
                    return refuse("the session has already started");
                }
                self.data.status = Running;
                self.data.anchor_wall_ms = now;
                self.data.anchor_active_ms = 0;
                self.enter(0, 0, now, cues);
            }
            SessionEvent::Pause { .. } => {
                if status != Running {
                    return refuse(&format!("the session is not running ({})", status_name(status)));
                }
                self.data.anchor_active_ms = self.active_at(now);
                self.data.status = Paused;
            }
            SessionEvent::Resume { .. } => {
                if status != Paused {
                    return refuse(&format!("the session is not paused ({})", status_name(status)));
                }
                self.data.anchor_wall_ms = now;
                self.data.status = Running;
            }
            SessionEvent::SkipStep { .. } => {
                if !matches!(status, Running | Paused) {
                    return refuse(&format!("there is no current step ({})", status_name(status)));
                }
                let index = self.data.step_index;
                if let Err(at) = self.data.skipped.binary_search(&index) {
                    self.data.skipped.insert(at, index);
                }
                let active = self.active_at(now);
                self.complete_step(active, now, cues);
            }
            SessionEvent::RepeatStep { .. } => {
                if !matches!(status, Running | Paused) {
                    return refuse(&format!("there is no current step ({})", status_name(status)));
                }
                let target = self.repeat_target();
                // Steps from the target on will be done again: forget that they were skipped.
                self.data.skipped.retain(|&i| i < target);
                let active = self.active_at(now);
                self.enter(target, active, now, cues);
            }
            SessionEvent::RepDone { .. } => {
                if status != Running {
                    return refuse(&format!("the session is not running ({})", status_name(status)));
                }
                let phase = self.plan.steps[self.data.step_index].phase;
                if phase != Phase::SelfPacedRep {
                    return refuse(&format!("the current step ({phase:?}) is timed and advances by itself"));
                }
                let active = self.active_at(now);
                self.complete_step(active, now, cues);
            }
            SessionEvent::Finish { peak_pain, .. } => {
                let peak_pain = check_pain("peak_pain", i64::from(peak_pain))?;
                if status == NotStarted {
                    return refuse("the session has not started");
                }
                // Finishing early freezes active time where the runner stopped.
                self.data.anchor_active_ms = self.active_at(now);
                self.data.status = Finished;
                self.data.peak_pain = Some(peak_pain);
            }
        }
        Ok(())
    }

    /// Where `RepeatStep` goes: the start of the current rep inside a tempo rep; the previous
    /// rep of the set while waiting for a self-paced rep (the runner says "that one didn't
    /// count"); otherwise the current step itself.
    fn repeat_target(&self) -> usize {
        let index = self.data.step_index;
        let step = &self.plan.steps[index];
        match step.phase {
            Phase::Up | Phase::Hold | Phase::Down => step.rep_start,
            Phase::SelfPacedRep if step.rep > 1 => self.plan.steps[index - 1].rep_start,
            _ => index,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Progress and state
    // -----------------------------------------------------------------------------------------

    /// Progress position in weight-ms at `now` (before the high-water mark).
    fn position(&self, now: i64) -> i64 {
        let index = self.data.step_index;
        match self.plan.steps.get(index) {
            None => self.plan.total_weight(),
            Some(step) => self.plan.prefix_weight[index] + self.step_elapsed(step, now).min(step.weight_ms()),
        }
    }

    fn step_elapsed(&self, step: &Step, now: i64) -> i64 {
        match step.duration_ms {
            Some(d) => (self.active_at(now) - self.data.step_start_active_ms).clamp(0, d),
            None => 0,
        }
    }

    fn mark_progress(&mut self, now: i64) {
        if matches!(self.data.status, SessionStatus::Running | SessionStatus::Paused | SessionStatus::AwaitingPain) {
            self.data.progress_mark = self.data.progress_mark.max(self.position(now));
        }
    }

    fn state(&self, now: i64, cues: Vec<Cue>) -> SessionState {
        let data = &self.data;
        let steps = &self.plan.steps;
        let at_end = data.step_index >= steps.len();
        let index = data.step_index.min(steps.len() - 1);
        let step = &steps[index];
        let exercise = &data.exercises[step.exercise];
        let total = self.plan.total_weight().max(1) as f64;
        let first = self.plan.prefix_weight[self.plan.exercise_first_step[step.exercise]];
        let last = self.plan.prefix_weight[self.plan.exercise_first_step[step.exercise + 1]];
        let done_in_exercise = if at_end { last - first } else { self.position(now) - first };

        let (phase, seconds_remaining, step_progress) = match data.status {
            SessionStatus::AwaitingPain | SessionStatus::Finished => (Phase::SessionDone, None, 1.0),
            _ if at_end => (Phase::SessionDone, None, 1.0),
            _ => match step.duration_ms {
                Some(d) => {
                    let elapsed = if data.status == SessionStatus::NotStarted { 0 } else { self.step_elapsed(step, now) };
                    (step.phase, Some((d - elapsed) as f64 / 1_000.0), elapsed as f64 / d as f64)
                }
                None => (step.phase, None, 0.0),
            },
        };
        let session_progress = match data.status {
            SessionStatus::NotStarted => 0.0,
            _ => data.progress_mark as f64 / total,
        };
        SessionState {
            status: data.status,
            exercise_index: step.exercise as u32,
            exercise_count: data.exercises.len() as u32,
            exercise_id: exercise.exercise_id.clone(),
            exercise_name: exercise.name.clone(),
            level: exercise.level,
            set: step.set,
            set_count: exercise.sets,
            rep: step.rep,
            rep_count: exercise.reps.unwrap_or(1),
            side: step.side,
            phase,
            phase_label: label(phase, step, exercise, data.status),
            seconds_remaining,
            step_progress,
            exercise_progress: (done_in_exercise as f64 / (last - first).max(1) as f64).clamp(0.0, 1.0),
            session_progress: session_progress.clamp(0.0, 1.0),
            cues,
            elapsed_active_ms: self.active_at(now),
        }
    }
}

const COUNTDOWN: [(i64, CueKind, &str); 3] =
    [(3, CueKind::Countdown3, "3"), (2, CueKind::Countdown2, "2"), (1, CueKind::Countdown1, "1")];

/// Phases that count down 3-2-1 in their last three seconds. // design choice: the phases whose
/// end the runner waits for (not Up/Hold of a tempo rep, where a count would drown the tempo cue).
fn has_countdown(phase: Phase) -> bool {
    matches!(phase, Phase::GetReady | Phase::Down | Phase::HoldTimer | Phase::Rest | Phase::SwitchSides)
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Both | Side::None => "both",
    }
}

fn status_name(status: SessionStatus) -> &'static str {
    match status {
        SessionStatus::NotStarted => "not started",
        SessionStatus::Running => "running",
        SessionStatus::Paused => "paused",
        SessionStatus::AwaitingPain => "all steps done, waiting for finish",
        SessionStatus::Finished => "finished",
    }
}

/// The cue announcing a step, if it has one (self-paced reps are silent: the runner sets the pace).
fn entry_cue(step: &Step, exercise: &ProgramExercise) -> Option<(CueKind, String)> {
    let seconds = step.duration_ms.unwrap_or(0) / 1_000;
    Some(match step.phase {
        Phase::GetReady => {
            let side = match step.side {
                Side::Left | Side::Right => format!(", {} side", side_word(step.side)),
                _ => String::new(),
            };
            (CueKind::GetReady, format!("Get ready: {}{side}", exercise.name))
        }
        Phase::Up => (CueKind::Up, "Up".to_string()),
        Phase::Hold => (CueKind::Hold, "Hold".to_string()),
        Phase::Down => (CueKind::Down, "Down, slowly".to_string()),
        Phase::HoldTimer => (CueKind::Hold, format!("Hold {seconds} seconds")),
        Phase::Rest => (CueKind::Rest, format!("Rest {seconds} seconds")),
        Phase::SwitchSides => (CueKind::SwitchSides, format!("Switch to your {} side", side_word(step.side))),
        Phase::ExerciseDone => (CueKind::ExerciseDone, format!("{} done", exercise.name)),
        Phase::SelfPacedRep | Phase::SessionDone => return None,
    })
}

fn tempo_word(phase: Phase) -> &'static str {
    match phase {
        Phase::Up => "Up",
        Phase::Hold => "Hold",
        _ => "Down",
    }
}

/// The screen-ready line for the current phase.
fn label(phase: Phase, step: &Step, exercise: &ProgramExercise, status: SessionStatus) -> String {
    let seconds = step.duration_ms.unwrap_or(0) / 1_000;
    match phase {
        Phase::GetReady => format!("Get ready: {}", exercise.name),
        // The tempo ring's label: the phase and its prescribed length, said once ("Up 3 s").
        Phase::Up | Phase::Hold | Phase::Down if seconds == 0 => tempo_word(phase).to_string(),
        Phase::Up | Phase::Hold | Phase::Down => format!("{} {seconds} s", tempo_word(phase)),
        Phase::SelfPacedRep => match exercise.reps {
            Some(reps) => format!("Rep {} of {reps} — tap done", step.rep),
            None => format!("Set {} — tap done", step.set),
        },
        Phase::HoldTimer => format!("Hold {seconds} s"),
        Phase::Rest => format!("Rest {seconds} s"),
        Phase::SwitchSides => format!("Switch to the {} side", side_word(step.side)),
        Phase::ExerciseDone => format!("{} done", exercise.name),
        Phase::SessionDone if status == SessionStatus::Finished => "Session saved".to_string(),
        Phase::SessionDone => "Session done — peak pain 0–10?".to_string(),
    }
}
