//! The figure's UniFFI surface: free functions, no state (the session keeps its own clock).

use crate::error::FirstStepError;
use crate::model::Side;
use crate::session::SessionState;

use super::{FigureFrame, FigureInfo, FigurePhase};

/// The figure of an exercise (or an assessment test's item id, e.g. `knee_to_wall_cm`) at `level`,
/// on `side`, `progress` 0..1 through `phase`. Bad input (an unknown id, a level out of range,
/// progress outside 0..1 or NaN) is `InvalidInput` naming the field.
#[uniffi::export]
pub fn exercise_figure(exercise_id: String, level: u32, side: Side, phase: FigurePhase, progress: f64) -> Result<FigureFrame, FirstStepError> {
    Ok(super::figure_frame(&exercise_id, level, side, phase, progress)?)
}

/// The figure for the guided session's current state (from `GuidedSession::state_at`).
#[uniffi::export]
pub fn session_figure(state: SessionState) -> Result<FigureFrame, FirstStepError> {
    Ok(super::figure_for_session(&state)?)
}

/// Every movement the core draws: each exercise level and each physical test.
#[uniffi::export]
pub fn figure_catalogue() -> Vec<FigureInfo> {
    super::figure_catalogue()
}

/// `frame` as a self-contained SVG document, `size_px` square (light palette).
#[uniffi::export]
pub fn figure_svg(frame: FigureFrame, size_px: u32) -> String {
    super::svg::to_svg(&frame, size_px.clamp(16, 4096))
}
