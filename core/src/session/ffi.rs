//! [`GuidedSession`]: the UniFFI object shells hold during a guided session.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::day::Day;
use crate::error::FirstStepError;
use crate::model::{ProgramExercise, SessionRecord};

use super::{SessionEngine, SessionEvent, SessionState};

/// A guided session, safe to share between the UI thread and a background timer thread.
#[derive(uniffi::Object)]
pub struct GuidedSession {
    inner: Mutex<SessionEngine>,
}

impl GuidedSession {
    /// Locks the engine; a poisoned lock is recovered (the engine is only replaced after a
    /// successful event, so its state is always consistent) so no panic crosses the FFI.
    fn engine(&self) -> MutexGuard<'_, SessionEngine> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[uniffi::export]
impl GuidedSession {
    /// A new, not-yet-started session for `date` (YYYY-MM-DD) over `exercises` in order.
    #[uniffi::constructor]
    pub fn new(date: String, exercises: Vec<ProgramExercise>) -> Result<Arc<Self>, FirstStepError> {
        let day = Day::parse("date", &date)?;
        Ok(Arc::new(GuidedSession { inner: Mutex::new(SessionEngine::new(day, exercises)?) }))
    }

    /// Rebuilds a session from [`GuidedSession::snapshot`] (e.g. after the OS killed the app).
    #[uniffi::constructor]
    pub fn restore(snapshot: String) -> Result<Arc<Self>, FirstStepError> {
        Ok(Arc::new(GuidedSession { inner: Mutex::new(SessionEngine::restore(&snapshot)?) }))
    }

    /// Applies an event; returns the state at the event's instant with the cues due.
    pub fn handle(&self, event: SessionEvent) -> Result<SessionState, FirstStepError> {
        Ok(self.engine().handle(event)?)
    }

    /// The state at `now_ms` (the shell's monotonic clock) with the cues due since the last call.
    pub fn state_at(&self, now_ms: i64) -> Result<SessionState, FirstStepError> {
        Ok(self.engine().state_at(now_ms)?)
    }

    /// A small string to persist; pass it to [`GuidedSession::restore`].
    pub fn snapshot(&self) -> String {
        self.engine().snapshot()
    }

    /// One journal record per exercise, after `Finish`.
    pub fn records(&self) -> Result<Vec<SessionRecord>, FirstStepError> {
        Ok(self.engine().records()?)
    }
}
