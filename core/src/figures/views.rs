//! Views: how the 3D skeleton (or the foot close-up) is projected and drawn, and the camera that
//! fits a movement into the normalised view box.

use super::anthropometry::HEAD_RADIUS;
use super::body::{LegPoints, Skeleton};
use super::foot::FootPoints;
use super::math::V3;
use super::primitives::{FigurePoint, FigurePrimitive, FigureRole, FigureShape};
use serde::{Deserialize, Serialize};

/// The view that shows a movement's working joint best (FIGURES.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum FigureView {
    /// From the side (the working side nearest): heel raises, stretches, knee-to-wall, bridge.
    Side,
    /// From the front: single-leg squat, balance, hip work.
    Front,
    /// The foot alone, from the side: toe and arch work, the plantar-fascia stretch.
    FootCloseUp,
}

/// Stroke widths in world units (H for the body views, the foot length for the close-up).
/// design choice (FIGURES.md style: a thick body stroke, a thinner one for props).
pub mod width {
    pub const TRUNK: f64 = 0.055;
    pub const LIMB: f64 = 0.042;
    pub const ARM: f64 = 0.032;
    pub const FOOT: f64 = 0.026;
    pub const PROP: f64 = 0.012;
    pub const GROUND: f64 = 0.010;
    pub const ARROW: f64 = 0.012;
    /// Close-up (foot lengths).
    pub const CLOSE_FOOT: f64 = 0.075;
    pub const CLOSE_PROP: f64 = 0.025;
}

/// A shape in world 2D (u right, v up), before the camera.
#[derive(Clone, Debug, PartialEq)]
pub enum WorldShape {
    Stroke(Vec<(f64, f64)>, f64),
    Polygon(Vec<(f64, f64)>, f64),
    Circle((f64, f64), f64),
    Label((f64, f64), String, f64),
    /// A horizontal line across the whole view box at height v (the floor).
    Floor(f64, f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct WorldPrim {
    pub role: FigureRole,
    pub shape: WorldShape,
}

pub fn prim(role: FigureRole, shape: WorldShape) -> WorldPrim {
    WorldPrim { role, shape }
}

/// design choice: the front view is turned 10° only. The picture is a true (orthographic) front view,
/// so flexion toward the camera foreshortens a thigh or shank and moves it sideways by no more than
/// sin 10° of its depth; only frontal-plane motion (abduction, a knee drifting in, a pelvic drop)
/// moves a limb clearly sideways. (A 25° turn drew a bent knee as a knee caving in.)
pub const FRONT_TURN_DEG: f64 = 10.0;

/// World 3D → view 2D (u, v).
pub fn project(view: FigureView, p: V3) -> (f64, f64) {
    match view {
        FigureView::Side => (p.z, p.y),
        // Seen from the front, turned a quarter toward the working side so hip and knee flexion
        // show: the figure's working side (+x) is on the viewer's left.
        FigureView::Front => {
            let (s, c) = FRONT_TURN_DEG.to_radians().sin_cos();
            (-p.x * c + p.z * s, p.y)
        }
        FigureView::FootCloseUp => (p.x, p.y),
    }
}

fn leg(view: FigureView, l: &LegPoints, role: FigureRole, out: &mut Vec<WorldPrim>) {
    let p = |v: V3| project(view, v);
    out.push(prim(role, WorldShape::Stroke(vec![p(l.hip), p(l.knee), p(l.ankle)], width::LIMB)));
    out.push(prim(role, WorldShape::Polygon(vec![p(l.ankle), p(l.heel), p(l.ball)], width::FOOT)));
    out.push(prim(role, WorldShape::Stroke(vec![p(l.ball), p(l.toe)], width::FOOT)));
}

/// The body in draw order: far limbs first, the working (near) side last.
pub fn draw_body(view: FigureView, s: &Skeleton, eyes_closed: bool) -> Vec<WorldPrim> {
    let p = |v: V3| project(view, v);
    let mut out = Vec::new();
    let arm = |a: &super::body::ArmPoints| WorldShape::Stroke(vec![p(a.shoulder), p(a.elbow), p(a.wrist), p(a.hand)], width::ARM);
    out.push(prim(FigureRole::Body, arm(&s.other_arm)));
    leg(view, &s.other, FigureRole::OtherLimb, &mut out);
    out.push(prim(FigureRole::Body, WorldShape::Stroke(vec![p(s.other.hip), p(s.pelvis), p(s.work.hip)], width::LIMB)));
    out.push(prim(FigureRole::Body, WorldShape::Stroke(vec![p(s.pelvis), p(s.neck)], width::TRUNK)));
    out.push(prim(FigureRole::Body, WorldShape::Stroke(vec![p(s.other_arm.shoulder), p(s.neck), p(s.work_arm.shoulder)], width::ARM)));
    // The neck, then the head as a circle.
    let head = p(s.head);
    let neck = p(s.neck);
    out.push(prim(FigureRole::Body, WorldShape::Stroke(vec![neck, (lerp2(neck, head, 0.6))], width::ARM)));
    out.push(prim(FigureRole::Body, WorldShape::Circle(head, HEAD_RADIUS * 0.82)));
    if eyes_closed && view == FigureView::Front {
        let r = HEAD_RADIUS * 0.3;
        for side in [-1.0, 1.0] {
            let c = (head.0 + side * r, head.1 + HEAD_RADIUS * 0.1);
            out.push(prim(FigureRole::Ground, WorldShape::Stroke(vec![(c.0 - r * 0.6, c.1), (c.0, c.1 - r * 0.35), (c.0 + r * 0.6, c.1)], width::PROP * 1.4)));
        }
    }
    leg(view, &s.work, FigureRole::WorkingLimb, &mut out);
    out.push(prim(FigureRole::Body, arm(&s.work_arm)));
    out
}

fn lerp2(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// The foot close-up: the shank and the foot of the working side as one filled silhouette around
/// the close-up's skeleton (heel, ankle, navicular, ball, toes).
pub fn draw_foot(f: &FootPoints) -> Vec<WorldPrim> {
    use super::math::v3;
    let left = |d: V3| v3(-d.y, d.x, 0.0);
    let rear = (f.navicular - f.heel).unit();
    let fore = (f.ball - f.navicular).unit();
    let shank = (f.knee - f.ankle).unit();
    let toe1 = (f.toe_joint - f.ball).unit();
    let toe2 = (f.toe - f.toe_joint).unit();
    let half = 0.085; // design choice: the shank 0.17 L thick in the close-up
    let outline = [
        f.heel + rear.scale(0.06),
        f.heel + rear.scale(-0.05) + left(rear).scale(0.06),
        f.ankle + left(shank).scale(half) + shank.scale(-0.02) + rear.scale(-0.03),
        f.knee + left(shank).scale(half),
        f.knee - left(shank).scale(half),
        f.ankle - left(shank).scale(half) + shank.scale(0.03),
        f.navicular + left(fore).scale(0.08),
        f.ball + left(fore).scale(0.075),
        f.toe_joint + left(toe1).scale(0.05),
        f.toe + left(toe2).scale(0.03),
        f.toe + toe2.scale(0.015),
        f.toe - left(toe2).scale(0.015),
        f.toe_joint - left(toe1).scale(0.015),
        f.ball,
        f.heel + (f.ball - f.heel).scale(0.5) + left(rear).scale((f.navicular - f.heel).len() * 0.22),
    ];
    let pts = outline.iter().map(|p| (p.x, p.y)).collect();
    vec![prim(FigureRole::WorkingLimb, WorldShape::Polygon(pts, width::CLOSE_FOOT * 0.5))]
}

/// Fits world shapes into the view box: a uniform scale, centred, with a margin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub cu: f64,
    pub cv: f64,
    pub scale: f64,
}

/// design choice: 6 % of the view box is kept free on every side.
pub const MARGIN: f64 = 0.06;

impl Camera {
    /// The camera that holds every shape of every sampled frame.
    pub fn fit(frames: &[Vec<WorldPrim>]) -> Camera {
        let (mut lo_u, mut lo_v, mut hi_u, mut hi_v) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut grow = |u: f64, v: f64, r: f64| {
            lo_u = lo_u.min(u - r);
            hi_u = hi_u.max(u + r);
            lo_v = lo_v.min(v - r);
            hi_v = hi_v.max(v + r);
        };
        for frame in frames {
            for p in frame {
                match &p.shape {
                    WorldShape::Stroke(pts, w) | WorldShape::Polygon(pts, w) => pts.iter().for_each(|&(u, v)| grow(u, v, w / 2.0)),
                    WorldShape::Circle(c, r) => grow(c.0, c.1, *r),
                    WorldShape::Label(at, _, size) => grow(at.0, at.1, *size),
                    WorldShape::Floor(v, w) => grow(f64::NAN, *v, w / 2.0),
                }
            }
        }
        let size = (hi_u - lo_u).max(hi_v - lo_v).max(1e-6);
        Camera { cu: (lo_u + hi_u) / 2.0, cv: (lo_v + hi_v) / 2.0, scale: (1.0 - 2.0 * MARGIN) / size }
    }

    pub fn point(&self, (u, v): (f64, f64), mirror: bool) -> FigurePoint {
        let x = 0.5 + (u - self.cu) * self.scale;
        FigurePoint { x: if mirror { 1.0 - x } else { x }, y: 0.5 - (v - self.cv) * self.scale }
    }

    pub fn primitive(&self, p: &WorldPrim, mirror: bool) -> FigurePrimitive {
        let pts = |v: &[(f64, f64)]| v.iter().map(|&q| self.point(q, mirror)).collect::<Vec<_>>();
        let shape = match &p.shape {
            WorldShape::Stroke(v, w) => FigureShape::Stroke { points: pts(v), width: w * self.scale },
            WorldShape::Polygon(v, w) => FigureShape::Polygon { points: pts(v), outline: w * self.scale },
            WorldShape::Circle(c, r) => FigureShape::Circle { center: self.point(*c, mirror), radius: r * self.scale },
            WorldShape::Label(at, text, size) => FigureShape::Label { at: self.point(*at, mirror), text: text.clone(), size: size * self.scale },
            WorldShape::Floor(v, w) => {
                let y = 0.5 - (v - self.cv) * self.scale;
                let (a, b) = if mirror { (1.0 - MARGIN / 2.0, MARGIN / 2.0) } else { (MARGIN / 2.0, 1.0 - MARGIN / 2.0) };
                FigureShape::Stroke { points: vec![FigurePoint { x: a, y }, FigurePoint { x: b, y }], width: w * self.scale }
            }
        };
        FigurePrimitive { role: p.role, shape }
    }
}
