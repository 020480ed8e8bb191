//! The whole-body skeleton: joint angles → joint positions (forward kinematics in 3D), then the
//! chain is rooted at the contact: the whole figure is placed so the movement's root point (a
//! planted forefoot, a heel, a hip or the shoulders on the mat) sits exactly where it was, and a
//! planted second foot is reached by solving its leg (two-link inverse kinematics) so it never
//! slides either.
//!
//! Axes: x lateral (+x is the working side), y up, z forward. Angles in degrees: hip flexion moves
//! the thigh forward, knee flexion the shank back, ankle dorsiflexion lifts the toes, MTP
//! extension lifts the toes off the foot line, pitch leans the pelvis and trunk forward, roll
//! drops the other side (90° lies the figure on the other side, working side up).

use super::anthropometry::*;
use super::math::{lerp, v3, M3, V3};

/// One leg's joint angles.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Leg {
    pub hip_flex: f64,
    /// Abduction (+) away from the midline, adduction (−) toward it.
    pub hip_abd: f64,
    /// Rotation of the whole leg about the line from the hip to the ankle (the clamshell opening).
    pub clam: f64,
    pub knee: f64,
    /// Knee drifting in (+: the knee moves toward the midline while the foot stays).
    pub knee_in: f64,
    pub ankle: f64,
    pub mtp: f64,
}

/// One arm's joint angles.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Arm {
    pub flex: f64,
    pub abd: f64,
    pub elbow: f64,
}

/// The joint angles of the whole body: one keyframe.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct BodyAngles {
    pub pitch: f64,
    pub roll: f64,
    pub work: Leg,
    pub other: Leg,
    pub work_arm: Arm,
    pub other_arm: Arm,
}

impl BodyAngles {
    /// Angle-by-angle interpolation (the only way poses are blended: never positions).
    pub fn blend(&self, to: &BodyAngles, t: f64) -> BodyAngles {
        let leg = |a: &Leg, b: &Leg| Leg {
            hip_flex: lerp(a.hip_flex, b.hip_flex, t),
            hip_abd: lerp(a.hip_abd, b.hip_abd, t),
            clam: lerp(a.clam, b.clam, t),
            knee: lerp(a.knee, b.knee, t),
            knee_in: lerp(a.knee_in, b.knee_in, t),
            ankle: lerp(a.ankle, b.ankle, t),
            mtp: lerp(a.mtp, b.mtp, t),
        };
        let arm = |a: &Arm, b: &Arm| Arm { flex: lerp(a.flex, b.flex, t), abd: lerp(a.abd, b.abd, t), elbow: lerp(a.elbow, b.elbow, t) };
        BodyAngles {
            pitch: lerp(self.pitch, to.pitch, t),
            roll: lerp(self.roll, to.roll, t),
            work: leg(&self.work, &to.work),
            other: leg(&self.other, &to.other),
            work_arm: arm(&self.work_arm, &to.work_arm),
            other_arm: arm(&self.other_arm, &to.other_arm),
        }
    }
}

/// How a foot is held.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FootHold {
    /// By the ankle angle.
    Joint,
    /// Flat at this pitch on the ground (toes up +): the ankle angle follows from the shank.
    World(f64),
}

/// The points a movement can be rooted at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    WorkBall,
    WorkHeel,
    OtherBall,
    OtherHip,
    Neck,
}

/// What stays fixed during a movement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BodySetup {
    pub root: Root,
    /// Where the root point sits (world, H units).
    pub at: V3,
    pub work_foot: FootHold,
    pub other_foot: FootHold,
    /// Toes' pitch on the ground or a towel; `None`: by the MTP angle.
    pub work_toes: Option<f64>,
    pub other_toes: Option<f64>,
    /// The other leg's ankle is planted where the first keyframe put it (solved each frame).
    pub other_planted: bool,
    /// The working leg's ankle is planted where the first keyframe put it (the root is elsewhere).
    pub work_planted: bool,
}

impl BodySetup {
    pub const fn new(root: Root, at: V3) -> Self {
        BodySetup { root, at, work_foot: FootHold::Joint, other_foot: FootHold::Joint, work_toes: None, other_toes: None, other_planted: false, work_planted: false }
    }
}

/// Joint positions of one leg.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct LegPoints {
    pub hip: V3,
    pub knee: V3,
    pub ankle: V3,
    pub heel: V3,
    pub ball: V3,
    pub toe: V3,
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ArmPoints {
    pub shoulder: V3,
    pub elbow: V3,
    pub wrist: V3,
    pub hand: V3,
}

/// Joint positions of the whole body (world, H units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Skeleton {
    pub pelvis: V3,
    pub neck: V3,
    pub head: V3,
    pub work: LegPoints,
    pub other: LegPoints,
    pub work_arm: ArmPoints,
    pub other_arm: ArmPoints,
    /// The pelvis frame (for props carried on the trunk, e.g. the backpack).
    pub frame: M3,
}

const DOWN: V3 = v3(0.0, -1.0, 0.0);
const FORWARD: V3 = v3(0.0, 0.0, 1.0);

/// The foot's rigid points relative to the ankle, in the foot frame.
fn foot_points(ankle: V3, foot: M3, toes: M3) -> (V3, V3, V3) {
    let heel = ankle + foot.apply(v3(0.0, -ANKLE_HEIGHT, -HEEL_BEHIND_ANKLE));
    let ball = ankle + foot.apply(v3(0.0, -ANKLE_HEIGHT, HEEL_TO_BALL - HEEL_BEHIND_ANKLE));
    let toe = ball + toes.apply(v3(0.0, 0.0, TOES));
    (heel, ball, toe)
}

fn foot_frames(shank: M3, leg: &Leg, hold: FootHold, toes_pitch: Option<f64>) -> (M3, M3) {
    let foot = match hold {
        FootHold::Joint => shank * M3::rx(-leg.ankle),
        FootHold::World(pitch) => M3::rx(-pitch),
    };
    let toes = match toes_pitch {
        Some(pitch) => M3::rx(-pitch),
        None => foot * M3::rx(-leg.mtp),
    };
    (foot, toes)
}

/// One leg by forward kinematics from its hip; `side` is +1 for the working leg, −1 for the other.
fn leg_fk(hip: V3, pelvis: M3, leg: &Leg, side: f64, hold: FootHold, toes_pitch: Option<f64>) -> LegPoints {
    // Abduction is applied in the flexed thigh's own frame, so its sideways reach does not shrink
    // with hip flexion (a flexed hip drifting in is still drawn inward, a flexed hip alone is not).
    let base = pelvis * M3::rx(-leg.hip_flex) * M3::rz(side * leg.hip_abd);
    let mut thigh = base;
    if leg.clam != 0.0 {
        // The clamshell turns the leg about the hip–ankle line of the unturned leg (feet stay together).
        let knee0 = base.apply(DOWN.scale(THIGH));
        let ankle0 = knee0 + (base * M3::rx(leg.knee)).apply(DOWN.scale(SHANK));
        thigh = M3::about(ankle0, -side * leg.clam) * base;
    }
    let knee = hip + thigh.apply(DOWN.scale(THIGH));
    // The drift is a frontal-plane angle of the shank on the thigh (after flexion): the foot stays
    // out while the knee goes in, whatever the knee bend.
    let shank = thigh * M3::rx(leg.knee) * M3::rz(side * leg.knee_in);
    let ankle = knee + shank.apply(DOWN.scale(SHANK));
    let (foot, toes) = foot_frames(shank, leg, hold, toes_pitch);
    let (heel, ball, toe) = foot_points(ankle, foot, toes);
    LegPoints { hip, knee, ankle, heel, ball, toe }
}

/// Places a leg's ankle at `target` from `hip` (two links, the knee bending toward `forward`); the
/// foot keeps the world orientation it had in `reference`.
fn leg_ik(hip: V3, target: V3, forward: V3, reference: &LegPoints) -> LegPoints {
    let to = target - hip;
    let d = to.len().clamp(1e-6, THIGH + SHANK - 1e-9);
    let axis = to.unit();
    // Law of cosines: the distance of the knee along the hip–ankle line, and off it.
    let along = (THIGH * THIGH - SHANK * SHANK + d * d) / (2.0 * d);
    let off = (THIGH * THIGH - along * along).max(0.0).sqrt();
    let bend = (forward - axis.scale(forward.dot(axis))).unit();
    let knee = hip + axis.scale(along) + bend.scale(off);
    let ankle = hip + axis.scale(d);
    let shift = ankle - reference.ankle;
    LegPoints { hip, knee, ankle, heel: reference.heel + shift, ball: reference.ball + shift, toe: reference.toe + shift }
}

fn arm_fk(shoulder: V3, pelvis: M3, arm: &Arm, side: f64) -> ArmPoints {
    let upper = pelvis * M3::rz(side * arm.abd) * M3::rx(-arm.flex);
    let elbow = shoulder + upper.apply(DOWN.scale(UPPER_ARM));
    let fore = upper * M3::rx(-arm.elbow);
    let wrist = elbow + fore.apply(DOWN.scale(FOREARM));
    let hand = wrist + fore.apply(DOWN.scale(HAND * 0.6));
    ArmPoints { shoulder, elbow, wrist, hand }
}

/// Forward kinematics from the pelvis at the origin (no rooting yet).
fn fk(a: &BodyAngles, setup: &BodySetup) -> Skeleton {
    let frame = M3::rz(a.roll) * M3::rx(a.pitch);
    let pelvis = v3(0.0, 0.0, 0.0);
    let up = frame.apply(v3(0.0, 1.0, 0.0));
    let neck = pelvis + up.scale(TRUNK);
    let head = pelvis + up.scale(TRUNK + NECK_TO_HEAD);
    let lateral = |w: f64| frame.apply(v3(w, 0.0, 0.0));
    let work = leg_fk(pelvis + lateral(HIP_WIDTH / 2.0), frame, &a.work, 1.0, setup.work_foot, setup.work_toes);
    let other = leg_fk(pelvis + lateral(-HIP_WIDTH / 2.0), frame, &a.other, -1.0, setup.other_foot, setup.other_toes);
    let work_arm = arm_fk(neck + lateral(SHOULDER_WIDTH / 2.0), frame, &a.work_arm, 1.0);
    let other_arm = arm_fk(neck + lateral(-SHOULDER_WIDTH / 2.0), frame, &a.other_arm, -1.0);
    Skeleton { pelvis, neck, head, work, other, work_arm, other_arm, frame }
}

impl Skeleton {
    fn translate(&mut self, d: V3) {
        let leg = |l: &mut LegPoints| {
            for p in [&mut l.hip, &mut l.knee, &mut l.ankle, &mut l.heel, &mut l.ball, &mut l.toe] {
                *p = *p + d;
            }
        };
        leg(&mut self.work);
        leg(&mut self.other);
        for arm in [&mut self.work_arm, &mut self.other_arm] {
            for p in [&mut arm.shoulder, &mut arm.elbow, &mut arm.wrist, &mut arm.hand] {
                *p = *p + d;
            }
        }
        for p in [&mut self.pelvis, &mut self.neck, &mut self.head] {
            *p = *p + d;
        }
    }

    pub fn root_point(&self, root: Root) -> V3 {
        match root {
            Root::WorkBall => self.work.ball,
            Root::WorkHeel => self.work.heel,
            Root::OtherBall => self.other.ball,
            Root::OtherHip => self.other.hip,
            Root::Neck => self.neck,
        }
    }

    /// Every segment as (from, to, its fixed length), for the tests.
    pub fn segments(&self) -> Vec<(V3, V3, f64)> {
        let mut s = vec![(self.pelvis, self.neck, TRUNK)];
        for l in [&self.work, &self.other] {
            s.push((l.hip, l.knee, THIGH));
            s.push((l.knee, l.ankle, SHANK));
            s.push((l.ball, l.toe, TOES));
            s.push((l.heel, l.ball, HEEL_TO_BALL));
        }
        for a in [&self.work_arm, &self.other_arm] {
            s.push((a.shoulder, a.elbow, UPPER_ARM));
            s.push((a.elbow, a.wrist, FOREARM));
        }
        s
    }
}

/// The rooted skeleton for `angles`; `first` is the movement's first keyframe (where planted feet stay).
pub fn pose(angles: &BodyAngles, first: &BodyAngles, setup: &BodySetup) -> Skeleton {
    let mut s = fk(angles, setup);
    let d = setup.at - s.root_point(setup.root);
    s.translate(d);
    if setup.other_planted || setup.work_planted {
        let mut reference = fk(first, setup);
        let d0 = setup.at - reference.root_point(setup.root);
        reference.translate(d0);
        // A planted foot stands on the floor (y = 0) where the first keyframe put it.
        for (planted, leg) in [(setup.other_planted, &mut reference.other), (setup.work_planted, &mut reference.work)] {
            if planted {
                let lift = leg.heel.y.min(leg.ball.y);
                for p in [&mut leg.ankle, &mut leg.heel, &mut leg.ball, &mut leg.toe] {
                    p.y -= lift;
                }
            }
        }
        let forward = s.frame.apply(FORWARD);
        if setup.other_planted {
            s.other = leg_ik(s.other.hip, reference.other.ankle, forward, &reference.other);
        }
        if setup.work_planted {
            s.work = leg_ik(s.work.hip, reference.work.ankle, forward, &reference.work);
        }
    }
    s
}

