//! Props drawn with the figure: the floor, the step edge, the wall (with the knee-to-wall distance
//! marked), the towel (rolled under the toes, folded under the foot, flat on the floor for
//! scrunches), the backpack at loaded levels, the band, the mat, the card under the big toe, and
//! the hands and the other knee of the seated plantar-fascia stretch.

use super::anthropometry::{HEIGHT_CM, TRUNK};
use super::body::Skeleton;
use super::foot::FootPoints;
use super::math::{v3, V3};
use super::primitives::FigureRole;
use super::views::{prim, project, width, FigureView, WorldPrim, WorldShape};

/// Where the wall stands: at the working hand of the hold pose, or just touching the working knee
/// in the hold pose (knee-to-wall).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallAt {
    Hands,
    Knee,
}

/// design choice (drawing): the front of the knee is 0.02 H ahead of the knee joint's centre.
pub const KNEE_FRONT: f64 = 0.02;

/// The wall's z for a movement, from its hold pose.
pub fn wall_z(at: WallAt, hold: &Skeleton) -> f64 {
    match at {
        WallAt::Hands => hold.work_arm.hand.z.max(hold.other_arm.hand.z) + 0.01,
        WallAt::Knee => hold.work.knee.z + KNEE_FRONT,
    }
}

/// A prop of a movement (dimensions in H units for the body views, foot lengths in the close-up).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Prop {
    Floor,
    /// A step whose top is at `height`, its edge at `edge`, running forward from it (`ahead`) or back.
    Step { height: f64, edge: f64, ahead: bool },
    /// A wall ahead of the figure; with `mark`, the toe-to-wall distance in cm is drawn.
    Wall { at: WallAt, mark: bool },
    /// A rolled towel under the working toes.
    TowelRoll { radius: f64 },
    /// A folded towel of `height` under the working foot.
    FoldedTowel { height: f64 },
    /// A backpack on the trunk; `size` 1 = a load of books, 1.35 = heavier.
    Backpack { size: f64 },
    /// A resistance band around both knees.
    BandAtKnees,
    /// A resistance band around both ankles... drawn just above the ankles.
    BandAtAnkles,
    /// A mat under a lying figure, top at `top`.
    Mat { top: f64, from: f64, to: f64 },
    // The foot close-up.
    /// A towel flat on the floor, gathered toward the heel as the toes curl; `weight` on its far end.
    FlatTowel { weight: bool },
    /// A card under the big toe.
    Card,
    /// The other knee under the ankle and the hands of the plantar-fascia stretch.
    StretchHands,
}

fn pts(view: FigureView, v: &[V3]) -> Vec<(f64, f64)> {
    v.iter().map(|&p| project(view, p)).collect()
}

/// Props of a body view, drawn behind the figure (`front` = false) or in front of it.
pub fn draw_body_props(view: FigureView, props: &[Prop], s: &Skeleton, wall_z: f64, front: bool) -> Vec<WorldPrim> {
    let mut out = Vec::new();
    let prop = FigureRole::Prop;
    for p in props {
        match (*p, front) {
            (Prop::Floor, false) => out.push(prim(FigureRole::Ground, WorldShape::Floor(0.0, width::GROUND))),
            (Prop::Step { height, edge, ahead }, false) => {
                let far = if ahead { edge + 0.24 } else { edge - 0.24 };
                let box_ = [v3(0.0, 0.0, edge), v3(0.0, height, edge), v3(0.0, height, far), v3(0.0, 0.0, far)];
                out.push(prim(prop, WorldShape::Stroke(pts(view, &box_), width::PROP)));
            }
            (Prop::Wall { mark, .. }, false) => {
                let z = wall_z;
                out.push(prim(prop, WorldShape::Stroke(pts(view, &[v3(0.0, 0.0, z), v3(0.0, 1.0, z)]), width::PROP)));
                if mark {
                    let toe = s.work.toe.z;
                    let cm = ((z - toe) * HEIGHT_CM).round();
                    let y = 0.045;
                    out.push(prim(prop, WorldShape::Stroke(pts(view, &[v3(0.0, y - 0.015, toe), v3(0.0, y + 0.015, toe)]), width::PROP * 0.8)));
                    out.push(prim(prop, WorldShape::Stroke(pts(view, &[v3(0.0, y, toe), v3(0.0, y, z)]), width::PROP * 0.8)));
                    let at = project(view, v3(0.0, y + 0.035, (toe + z) / 2.0 - 0.06));
                    out.push(prim(prop, WorldShape::Label(at, format!("{cm:.0} cm"), 0.045)));
                }
            }
            (Prop::TowelRoll { radius }, true) => {
                let (b, t) = (s.work.ball, s.work.toe);
                // Resting on the step just ahead of the ball, the extended toes over it; drawn in
                // front of the foot so the thick foot stroke does not hide it.
                let c = v3(0.0, b.y + radius, b.z + (t.z - b.z) * 0.9 + radius * 0.4);
                out.push(prim(prop, WorldShape::Circle(project(view, c), radius)));
            }
            (Prop::FoldedTowel { height }, false) => {
                let (h, b) = (s.work.heel, s.work.toe);
                let (a, z) = if view == FigureView::Front { (s.work.ankle.x + 0.05, s.work.ankle.x - 0.05) } else { (h.z - 0.03, b.z + 0.03) };
                let corners = if view == FigureView::Front {
                    [v3(a, 0.0, 0.0), v3(a, height, 0.0), v3(z, height, 0.0), v3(z, 0.0, 0.0)]
                } else {
                    [v3(0.0, 0.0, a), v3(0.0, height, a), v3(0.0, height, z), v3(0.0, 0.0, z)]
                };
                out.push(prim(prop, WorldShape::Polygon(pts(view, &corners), width::PROP)));
            }
            (Prop::Mat { top, from, to }, false) => {
                out.push(prim(prop, WorldShape::Stroke(vec![(from, top - 0.008), (to, top - 0.008)], 0.016)));
            }
            (Prop::Backpack { size }, true) => {
                // On the back: from just below the shoulders down 0.55 of the trunk, 0.09 H deep.
                let f = s.frame;
                let base = s.pelvis;
                let at = |up: f64, back: f64| base + f.apply(v3(0.0, up * TRUNK, -back));
                let depth = 0.07 * size;
                let corners = [at(0.92, 0.03), at(0.92, 0.03 + depth), at(0.95 - 0.5 * size, 0.03 + depth), at(0.95 - 0.5 * size, 0.03)];
                out.push(prim(FigureRole::Load, WorldShape::Polygon(pts(view, &corners), width::PROP)));
            }
            (Prop::BandAtKnees, true) => {
                out.push(prim(prop, WorldShape::Stroke(pts(view, &[s.work.knee, s.other.knee]), width::PROP)));
            }
            (Prop::BandAtAnkles, true) => {
                let up = |p: V3, k: V3| p + (k - p).scale(0.12);
                out.push(prim(prop, WorldShape::Stroke(pts(view, &[up(s.work.ankle, s.work.knee), up(s.other.ankle, s.other.knee)]), width::PROP)));
            }
            _ => {}
        }
    }
    out
}

/// Props of the close-up; `rest` is the pose of the first keyframe (where the towel starts).
pub fn draw_foot_props(props: &[Prop], f: &FootPoints, rest: &FootPoints, front: bool) -> Vec<WorldPrim> {
    let mut out = Vec::new();
    let prop = FigureRole::Prop;
    for p in props {
        match (*p, front) {
            (Prop::Floor, false) => out.push(prim(FigureRole::Ground, WorldShape::Floor(0.0, width::CLOSE_PROP))),
            (Prop::FlatTowel { weight }, false) => {
                // The towel's far end follows the toe tip back; the slack bunches under the arch.
                let pulled = (rest.toe.x - f.toe.x).max(0.0);
                let far = 1.75 - pulled * 1.6;
                let t = 0.02;
                let bump = (pulled * 1.5).min(0.2);
                let line = vec![(0.42, t), (0.5, t + bump), (0.58, t), (0.66, t + bump * 0.7), (0.74, t), (far, t)];
                out.push(prim(prop, WorldShape::Stroke(line, width::CLOSE_PROP * 2.2)));
                if weight {
                    let w = 0.16;
                    let corners = vec![(far - w, t), (far - w, t + w), (far, t + w), (far, t)];
                    out.push(prim(FigureRole::Load, WorldShape::Polygon(corners, width::CLOSE_PROP)));
                }
            }
            (Prop::Card, false) => {
                out.push(prim(prop, WorldShape::Stroke(vec![(0.8, 0.02), (1.3, 0.02)], width::CLOSE_PROP * 1.6)));
            }
            (Prop::StretchHands, false) => {
                // The other knee under the lower shank (the foot rests across it).
                let d = (f.knee - f.ankle).unit();
                let under = v3(-d.y, d.x, 0.0);
                let c = f.ankle + d.scale(0.4) + under.scale(0.085 + 0.14);
                out.push(prim(FigureRole::OtherLimb, WorldShape::Circle((c.x, c.y), 0.14)));
            }
            (Prop::StretchHands, true) => {
                // One hand wraps the toes from above and pulls them back; a finger of the other
                // hand feels the band under the arch.
                let d = f.toe - f.ball;
                let n = v3(-d.y, d.x, 0.0).unit();
                let on = |p: V3, k: f64| p + n.scale(k);
                let fingers = vec![
                    (on(f.toe, -0.05).x, on(f.toe, -0.05).y),
                    (on(f.toe, 0.07).x, on(f.toe, 0.07).y),
                    (on(f.toe_joint, 0.09).x, on(f.toe_joint, 0.09).y),
                    (on(f.ball, 0.12).x, on(f.ball, 0.12).y),
                ];
                let wrist = on(f.ball, 0.12) + v3(-0.05, 0.35, 0.0);
                let mut hand = fingers;
                hand.push((wrist.x, wrist.y));
                hand.push((wrist.x - 0.2, wrist.y + 0.45));
                out.push(prim(FigureRole::Body, WorldShape::Stroke(hand, width::CLOSE_FOOT)));
                let arch = f.heel + (f.ball - f.heel).scale(0.5);
                let below = arch + v3(0.0, -0.09, 0.0);
                out.push(prim(FigureRole::Body, WorldShape::Stroke(vec![(below.x + 0.08, below.y - 0.02), (below.x - 0.05, below.y - 0.05), (below.x - 0.3, below.y - 0.35)], width::CLOSE_FOOT)));
            }
            _ => {}
        }
    }
    out
}
