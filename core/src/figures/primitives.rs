//! What a shell draws: primitives in a normalised view box (0..1 × 0..1, y down, like SVG), each
//! with a role the shell maps to its theme colours (light and dark).

use serde::{Deserialize, Serialize};

/// What a primitive shows; the shell picks the colour (FIGURES.md style: the working limb in the
/// accent colour, the other limb lighter, props in a neutral grey, the ground as one line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum FigureRole {
    /// The leg (or foot) that does the exercise: the affected side.
    WorkingLimb,
    /// The other leg.
    OtherLimb,
    /// Trunk, head, arms, hands.
    Body,
    /// Step, wall, towel, chair, band, mat, card.
    Prop,
    /// The floor line.
    Ground,
    /// Added load: the backpack, the weight on the towel.
    Load,
    /// A short curved arrow at the moving joint, in the current direction (moving phases only).
    MotionArrow,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct FigurePoint {
    pub x: f64,
    pub y: f64,
}

/// A shape in view-box units. Strokes have round caps and joins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FigureShape {
    /// An open polyline.
    Stroke { points: Vec<FigurePoint>, width: f64 },
    /// A filled closed polygon (with an outline of `outline` width, 0 for none).
    Polygon { points: Vec<FigurePoint>, outline: f64 },
    /// A filled circle (the head).
    Circle { center: FigurePoint, radius: f64 },
    /// The one text in any figure: the knee-to-wall distance.
    Label { at: FigurePoint, text: String, size: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct FigurePrimitive {
    pub role: FigureRole,
    pub shape: FigureShape,
}

impl FigureShape {
    /// Every point the shape touches (circle: its centre ± radius box corners).
    pub fn points(&self) -> Vec<FigurePoint> {
        match self {
            FigureShape::Stroke { points, .. } | FigureShape::Polygon { points, .. } => points.clone(),
            FigureShape::Circle { center, radius } => vec![
                FigurePoint { x: center.x - radius, y: center.y - radius },
                FigurePoint { x: center.x + radius, y: center.y + radius },
            ],
            FigureShape::Label { at, .. } => vec![*at],
        }
    }
}
