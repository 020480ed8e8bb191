//! Exercise figures: every exercise at every level, and every physical test of the assessment,
//! drawn by the core as a calm 2D articulated figure that moves with the session's own timer.
//! The figure never drives the clock: a shell asks for the pose at (exercise, level, side, phase,
//! progress 0..1) — or for the session engine's current state — and draws the primitives returned.
//! FIGURES.md holds the proportions, the movement table and the style.
//!
//! One concern per file:
//! - [`anthropometry`]: Winter's segment proportions.
//! - [`math`]: vectors, rotations, easing.
//! - [`body`]: the skeleton — joint angles to positions, the chain rooted at the contact.
//! - [`foot`]: the foot close-up's own small skeleton (arch, toes).
//! - [`views`]: side, front and foot close-up projections; the camera; stroke widths.
//! - [`props`]: step, wall (knee-to-wall distance marked), towels, backpack, band, mat, card, hands.
//! - [`movements`]: named keyframes per exercise id and level and per test, and the phases.
//! - [`primitives`]: what a shell draws (records with roles).
//! - [`svg`]: the same primitives as an SVG document.
//! - [`ffi`]: the UniFFI functions.

pub mod anthropometry;
pub mod body;
pub mod ffi;
pub mod foot;
pub mod math;
pub mod movements;
pub mod primitives;
pub mod props;
pub mod svg;
pub mod views;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{check_real, CoreError, Result};
use crate::model::Side;
use crate::session::{Phase, SessionState};

use body::Skeleton;
use foot::FootPoints;
use math::{ease, V3};
use movements::{Movement, Pose, Setup, Tracked};
pub use primitives::{FigurePoint, FigurePrimitive, FigureRole, FigureShape};
use views::{Camera, WorldPrim, WorldShape};
pub use views::FigureView;

/// The tempo phase a figure is drawn in (hold exercises: `Up` moves into the hold, `Down` out of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum FigurePhase {
    Up,
    Hold,
    Down,
}

impl FigurePhase {
    pub fn parse(text: &str) -> Option<FigurePhase> {
        match text {
            "up" => Some(FigurePhase::Up),
            "hold" => Some(FigurePhase::Hold),
            "down" => Some(FigurePhase::Down),
            _ => None,
        }
    }
}

/// One frame of a figure: the primitives in a view box 0..1 × 0..1 (y down).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct FigureFrame {
    /// The exercise id, or the assessment item id of a test (e.g. `knee_to_wall_cm`).
    pub figure_id: String,
    pub level: u32,
    /// The working side (`Left` is the mirror image of `Right`; `Both`/`None` draw as `Right`).
    pub side: Side,
    pub phase: FigurePhase,
    pub progress: f64,
    pub view: FigureView,
    /// The keyframes the pose lies between (the same name twice for a hold).
    pub from_key: String,
    pub to_key: String,
    /// In draw order (later primitives over earlier ones).
    pub primitives: Vec<FigurePrimitive>,
}

/// One entry of the figure catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct FigureInfo {
    pub figure_id: String,
    pub level: u32,
    /// `true` for an assessment test, `false` for an exercise level.
    pub is_test: bool,
    pub view: FigureView,
    pub keyframes: Vec<String>,
}

/// Every movement the core can draw.
pub fn figure_catalogue() -> Vec<FigureInfo> {
    movements::movements()
        .iter()
        .map(|m| FigureInfo {
            figure_id: m.id.to_string(),
            level: m.level,
            is_test: m.is_test,
            view: m.view,
            keyframes: m.keys.iter().map(|k| k.0.to_string()).collect(),
        })
        .collect()
}

/// The drawn geometry of one pose (for the frame and for the tests; short-lived, never stored).
#[allow(clippy::large_enum_variant)]
pub enum Geometry {
    Body(Skeleton),
    Foot(FootPoints),
}

/// The pose (joint angles) at `progress` through `phase`, with the names of the keys around it.
pub fn angles_at(m: &Movement, phase: FigurePhase, progress: f64) -> (Pose, &'static str, &'static str) {
    let track: &[(f64, usize)] = match phase {
        FigurePhase::Up => &m.up,
        FigurePhase::Down => &m.down,
        FigurePhase::Hold => {
            let k = m.hold_key();
            return (m.keys[k].1, m.keys[k].0, m.keys[k].0);
        }
    };
    let p = progress.clamp(0.0, 1.0);
    let i = track.windows(2).position(|w| p <= w[1].0).unwrap_or(track.len().saturating_sub(2));
    let (a, b) = (track[i], track[(i + 1).min(track.len() - 1)]);
    let t = if b.0 > a.0 { ease((p - a.0) / (b.0 - a.0)) } else { 1.0 };
    let (ka, kb) = (&m.keys[a.1], &m.keys[b.1]);
    let pose = match (ka.1, kb.1) {
        (Pose::Body(x), Pose::Body(y)) => Pose::Body(x.blend(&y, t)),
        (Pose::Foot(x), Pose::Foot(y)) => Pose::Foot(x.blend(&y, t)),
        (x, _) => x,
    };
    (pose, ka.0, kb.0)
}

/// The rooted geometry of a pose.
pub fn geometry(m: &Movement, pose: &Pose) -> Geometry {
    match (m.setup, pose, m.keys[m.start_key()].1) {
        (Setup::Body(setup), Pose::Body(a), Pose::Body(first)) => Geometry::Body(body::pose(a, &first, &setup)),
        (Setup::Foot(setup), Pose::Foot(a), _) => Geometry::Foot(foot::pose(a, setup)),
        // A movement mixes no models (tested); draw the first key's model.
        (Setup::Body(setup), _, Pose::Body(first)) => Geometry::Body(body::pose(&first, &first, &setup)),
        (Setup::Foot(setup), _, _) => Geometry::Foot(foot::pose(&foot::FootAngles::default(), setup)),
        (Setup::Body(setup), _, _) => Geometry::Body(body::pose(&Default::default(), &Default::default(), &setup)),
    }
}

fn key_geometry(m: &Movement, key: usize) -> Geometry {
    geometry(m, &m.keys[key].1)
}

/// The world shapes of a pose: props behind, the figure, props in front.
fn world(m: &Movement, g: &Geometry) -> Vec<WorldPrim> {
    let mut out = Vec::new();
    match g {
        Geometry::Body(s) => {
            let wall = m.props.iter().find_map(|p| match p {
                props::Prop::Wall { at, .. } => Some(*at),
                _ => None,
            });
            let wall_z = match (wall, key_geometry(m, m.hold_key())) {
                (Some(at), Geometry::Body(hold)) => props::wall_z(at, &hold),
                _ => 0.0,
            };
            out.extend(props::draw_body_props(m.view, &m.props, s, wall_z, false));
            out.extend(views::draw_body(m.view, s, m.eyes_closed));
            out.extend(props::draw_body_props(m.view, &m.props, s, wall_z, true));
        }
        Geometry::Foot(f) => {
            let rest = match key_geometry(m, m.start_key()) {
                Geometry::Foot(r) => r,
                Geometry::Body(_) => *f,
            };
            out.extend(props::draw_foot_props(&m.props, f, &rest, false));
            out.extend(views::draw_foot(f));
            out.extend(props::draw_foot_props(&m.props, f, &rest, true));
        }
    }
    out
}

/// Progress values sampled to fit the camera (and used by the tests' grid).
pub const SAMPLES: [f64; 9] = [0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0];

fn camera(index: usize) -> Camera {
    static CAMERAS: OnceLock<Vec<Camera>> = OnceLock::new();
    CAMERAS.get_or_init(|| {
        movements::movements()
            .iter()
            .map(|m| {
                let mut frames = Vec::new();
                for phase in [FigurePhase::Up, FigurePhase::Down] {
                    for p in SAMPLES {
                        frames.push(world(m, &geometry(m, &angles_at(m, phase, p).0)));
                    }
                }
                Camera::fit(&frames)
            })
            .collect()
    })[index]
}

fn tracked_point(m: &Movement, g: &Geometry) -> (f64, f64) {
    let p = |v: V3| views::project(m.view, v);
    match (g, m.tracked) {
        (Geometry::Body(s), Tracked::WorkHeel) => p(s.work.heel),
        (Geometry::Body(s), Tracked::WorkKnee) => p(s.work.knee),
        (Geometry::Body(s), Tracked::WorkAnkle) => p(s.work.ankle),
        (Geometry::Body(s), Tracked::OtherAnkle) => p(s.other.ankle),
        (Geometry::Body(s), Tracked::WorkToeTip) => p(s.work.toe),
        (Geometry::Body(s), _) => p(s.pelvis),
        (Geometry::Foot(f), Tracked::FootNavicular) => (f.navicular.x, f.navicular.y),
        (Geometry::Foot(f), _) => (f.toe.x, f.toe.y),
    }
}

/// design choice (FIGURES.md style): the arrow shows the next 35 % of the phase's path of the
/// moving joint, drawn 0.05 of the view box beside it; a path shorter than 0.07 (a small
/// movement: the arch lift, the toe grip) is drawn as a straight arrow of 0.07 in its direction.
const ARROW_AHEAD: f64 = 0.35;
const ARROW_OFFSET: f64 = 0.05;
const ARROW_MIN: f64 = 0.07;

fn motion_arrow(index: usize, m: &Movement, phase: FigurePhase, progress: f64, mirror: bool) -> Vec<FigurePrimitive> {
    let mut arrow = motion_arrow_right(index, m, phase, progress);
    for p in &mut arrow {
        if let FigureShape::Stroke { points, .. } | FigureShape::Polygon { points, .. } = &mut p.shape {
            for q in points.iter_mut() {
                // Kept inside the view box (the camera fits the figure and its props, not the arrow).
                q.x = q.x.clamp(0.01, 0.99);
                q.y = q.y.clamp(0.01, 0.99);
                if mirror {
                    q.x = 1.0 - q.x;
                }
            }
        }
    }
    arrow
}

fn motion_arrow_right(index: usize, m: &Movement, phase: FigurePhase, progress: f64) -> Vec<FigurePrimitive> {
    let mirror = false;
    if phase == FigurePhase::Hold || progress >= 0.97 {
        return vec![];
    }
    let cam = camera(index);
    let end = (progress + ARROW_AHEAD).min(1.0);
    let path: Vec<FigurePoint> = (0..=6)
        .map(|i| {
            let p = progress + (end - progress) * f64::from(i) / 6.0;
            cam.point(tracked_point(m, &geometry(m, &angles_at(m, phase, p).0)), mirror)
        })
        .collect();
    let (first, last) = (path[0], path[path.len() - 1]);
    let (dx, dy) = (last.x - first.x, last.y - first.y);
    let chord = (dx * dx + dy * dy).sqrt();
    if chord < 1e-6 {
        return vec![];
    }
    let path: Vec<FigurePoint> = if chord < ARROW_MIN {
        (0..=6).map(|i| FigurePoint { x: first.x + dx / chord * ARROW_MIN * f64::from(i) / 6.0, y: first.y + dy / chord * ARROW_MIN * f64::from(i) / 6.0 }).collect()
    } else {
        path
    };
    // Beside the path, on the side away from the figure's middle.
    let (nx, ny) = (-dy / chord, dx / chord);
    let mid = cam.point(match geometry(m, &angles_at(m, phase, progress).0) {
        Geometry::Body(s) => views::project(m.view, s.pelvis),
        Geometry::Foot(f) => (f.navicular.x, f.navicular.y + 0.2),
    }, mirror);
    let sign = if (first.x - mid.x) * nx + (first.y - mid.y) * ny >= 0.0 { 1.0 } else { -1.0 };
    let mut shifted: Vec<FigurePoint> = path.iter().map(|q| FigurePoint { x: q.x + sign * nx * ARROW_OFFSET, y: q.y + sign * ny * ARROW_OFFSET }).collect();
    let head = 0.025;
    // Never below the floor line (design choice: the arrow and its head kept 0.015 above it), lifted
    // whole so it still points the way the joint moves.
    if m.props.iter().any(|p| matches!(p, props::Prop::Floor)) {
        let floor = cam.point((0.0, 0.0), mirror).y - 0.015 - head;
        let low = shifted.iter().map(|q| q.y).fold(f64::MIN, f64::max);
        if low > floor {
            shifted.iter_mut().for_each(|q| q.y -= low - floor);
        }
    }
    let tip = shifted[shifted.len() - 1];
    let before = shifted[shifted.len() - 2];
    let (tx, ty) = (tip.x - before.x, tip.y - before.y);
    let tl = (tx * tx + ty * ty).sqrt().max(1e-9);
    let (ux, uy) = (tx / tl, ty / tl);
    let wing = |s: f64| FigurePoint { x: tip.x - ux * head + s * -uy * head * 0.6, y: tip.y - uy * head + s * ux * head * 0.6 };
    let width = views::width::ARROW * cam.scale.min(1.6);
    vec![
        FigurePrimitive { role: FigureRole::MotionArrow, shape: FigureShape::Stroke { points: shifted, width } },
        FigurePrimitive { role: FigureRole::MotionArrow, shape: FigureShape::Polygon { points: vec![wing(1.0), FigurePoint { x: tip.x + ux * head * 0.4, y: tip.y + uy * head * 0.4 }, wing(-1.0)], outline: 0.0 } },
    ]
}

/// The movement for `id` at `level`, or a typed error naming the field and what is allowed.
pub fn movement(id: &str, level: u32) -> Result<(usize, &'static Movement)> {
    let max = movements::max_level(id).ok_or_else(|| {
        CoreError::invalid("exercise_id", format!("unknown exercise or test {id:?}; allowed: {}", movements::ids().join(", ")))
    })?;
    movements::find(id, level).ok_or_else(|| CoreError::range(format!("level of {id}"), format!("0..={max}"), level))
}

/// The figure of `id` (an exercise id, or a physical test's item id) at `level`, on `side`, at
/// `progress` (0..1) through `phase`.
pub fn figure_frame(id: &str, level: u32, side: Side, phase: FigurePhase, progress: f64) -> Result<FigureFrame> {
    let (index, m) = movement(id, level)?;
    check_real("progress", progress, 0.0, 1.0)?;
    let (pose, from_key, to_key) = angles_at(m, phase, progress);
    let g = geometry(m, &pose);
    let cam = camera(index);
    let mirror = side == Side::Left;
    let mut primitives: Vec<FigurePrimitive> = world(m, &g).iter().map(|p| cam.primitive(p, mirror)).collect();
    primitives.extend(motion_arrow(index, m, phase, progress, mirror));
    Ok(FigureFrame {
        figure_id: m.id.to_string(),
        level,
        side,
        phase,
        progress,
        view: m.view,
        from_key: from_key.to_string(),
        to_key: to_key.to_string(),
        primitives,
    })
}

/// design choice: a hold exercise's demonstration rep during get-ready is 1.5 s into the hold,
/// 2 s held, 1.5 s out of it (the 5 s of get-ready).
const DEMO_HOLD: (f64, f64, f64) = (1.5, 2.0, 1.5);

/// Where the figure is for the session engine's `state`: tempo phases and holds follow the step's
/// progress; get-ready loops one whole rep at the prescribed tempo; a self-paced rep shows the hold
/// (key) pose; rest, side switch and the end show the start pose.
pub fn figure_for_session(state: &SessionState) -> Result<FigureFrame> {
    let (phase, progress) = match state.phase {
        Phase::Up => (FigurePhase::Up, state.step_progress),
        Phase::Hold | Phase::HoldTimer => (FigurePhase::Hold, state.step_progress),
        Phase::Down => (FigurePhase::Down, state.step_progress),
        Phase::SelfPacedRep => (FigurePhase::Hold, 0.0),
        Phase::GetReady => {
            let tempo = crate::clinical::find_exercise(&state.exercise_id)
                .ok()
                .and_then(|e| e.levels.get(state.level as usize).and_then(|l| l.tempo))
                .map(|t| (f64::from(t.up_seconds), f64::from(t.hold_seconds), f64::from(t.down_seconds)))
                .filter(|t| t.0 + t.1 + t.2 > 0.0)
                .unwrap_or(DEMO_HOLD);
            let total = crate::session::steps::GET_READY_MS as f64 / 1000.0;
            let elapsed = (state.step_progress.clamp(0.0, 1.0) * total) % (tempo.0 + tempo.1 + tempo.2);
            if elapsed < tempo.0 {
                (FigurePhase::Up, elapsed / tempo.0)
            } else if elapsed < tempo.0 + tempo.1 {
                (FigurePhase::Hold, (elapsed - tempo.0) / tempo.1)
            } else {
                (FigurePhase::Down, ((elapsed - tempo.0 - tempo.1) / tempo.2).min(1.0))
            }
        }
        Phase::Rest | Phase::SwitchSides | Phase::ExerciseDone | Phase::SessionDone => (FigurePhase::Up, 0.0),
    };
    let progress = if progress.is_finite() { progress.clamp(0.0, 1.0) } else { 0.0 };
    figure_frame(&state.exercise_id, state.level, state.side, phase, progress)
}

/// Test support: the rooted geometry at a phase and progress.
pub fn geometry_at(m: &Movement, phase: FigurePhase, progress: f64) -> Geometry {
    geometry(m, &angles_at(m, phase, progress).0)
}

/// Test support: the shapes before the camera.
pub fn world_shapes(m: &Movement, g: &Geometry) -> Vec<WorldShape> {
    world(m, g).into_iter().map(|p| p.shape).collect()
}
