//! The snapshot string: `firststep-session/1 <fnv1a-64 hex of the JSON> <JSON of EngineData>`.
//!
//! The version prefix lets a later app refuse (or migrate) an old snapshot; the checksum catches
//! truncation and accidental edits; the invariant check catches anything else that would make
//! the engine index out of bounds or run time backwards.

use crate::error::{CoreError, Result};

use super::engine::{EngineData, MAX_TIMESTAMP_MS};
use super::steps::Plan;
use super::SessionStatus;

/// The snapshot format version written by this build.
pub const SNAPSHOT_VERSION: u32 = 1;
const PREFIX: &str = "firststep-session/";

/// Encodes the engine state.
pub fn encode(data: &EngineData) -> String {
    // Serializing plain derived structs to a String cannot fail.
    let json = serde_json::to_string(data).unwrap_or_default();
    format!("{PREFIX}{SNAPSHOT_VERSION} {:016x} {json}", fnv1a(json.as_bytes()))
}

/// Decodes and checks the envelope; the caller checks the invariants against the plan.
pub fn decode(text: &str) -> Result<EngineData> {
    let bad = |why: String| CoreError::invalid("snapshot", why);
    let rest = text.strip_prefix(PREFIX).ok_or_else(|| bad("not a FirstStep session snapshot".into()))?;
    let mut parts = rest.splitn(3, ' ');
    let (Some(version), Some(sum), Some(json)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad("truncated snapshot".into()));
    };
    if version != SNAPSHOT_VERSION.to_string() {
        return Err(bad(format!("snapshot version {version:?} is not supported (this app reads version {SNAPSHOT_VERSION})")));
    }
    if sum != format!("{:016x}", fnv1a(json.as_bytes())) {
        return Err(bad("checksum mismatch: the snapshot was truncated or altered".into()));
    }
    serde_json::from_str(json).map_err(|e| bad(format!("malformed snapshot: {e}")))
}

/// Rejects a state the engine could never have produced.
pub fn check_invariants(d: &EngineData, plan: &Plan) -> Result<()> {
    let bad = |why: &str| Err(CoreError::invalid("snapshot", format!("inconsistent snapshot: {why}")));
    let len = plan.steps.len();
    if d.step_index > len {
        return bad("step index past the end");
    }
    let at_end = d.step_index == len;
    let status_ok = match d.status {
        SessionStatus::NotStarted => d.step_index == 0 && d.last_seen_ms.is_none(),
        SessionStatus::Running | SessionStatus::Paused => !at_end && d.last_seen_ms.is_some(),
        SessionStatus::AwaitingPain => at_end && d.last_seen_ms.is_some(),
        SessionStatus::Finished => d.last_seen_ms.is_some(),
    };
    if !status_ok {
        return bad("status does not match the step position");
    }
    if d.peak_pain.is_some() != (d.status == SessionStatus::Finished) || d.peak_pain.is_some_and(|p| p > 10) {
        return bad("peak pain must be 0..=10 and present only once finished");
    }
    if !d.skipped.windows(2).all(|w| w[0] < w[1]) || d.skipped.iter().any(|&i| i >= d.step_index) {
        return bad("skipped steps must be sorted and before the current step");
    }
    // Every time within the accepted timestamp range keeps the engine's arithmetic overflow-free.
    let in_range = |ms: i64| (0..=MAX_TIMESTAMP_MS).contains(&ms);
    let times_ok = [d.step_start_active_ms, d.countdown_through_ms, d.anchor_wall_ms, d.anchor_active_ms].into_iter().all(in_range)
        && d.last_seen_ms.is_none_or(in_range)
        && d.countdown_through_ms >= d.step_start_active_ms
        && d.progress_mark >= 0
        && d.progress_mark <= plan.total_weight()
        && d.last_seen_ms.is_none_or(|last| last >= d.anchor_wall_ms);
    if !times_ok {
        return bad("times out of order");
    }
    Ok(())
}

/// FNV-1a, 64 bit: a tiny, dependency-free checksum (not a security measure).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
