//! The foot close-up: a side view of one foot in foot lengths (L = 1), x forward, y up.
//!
//! The rearfoot (heel, ankle, navicular) is one rigid piece; the forefoot runs from the navicular
//! to the metatarsal heads (the ball); the toes are two segments. On the floor the heel is the root
//! and the ball stays on the floor, so lifting the arch (the rearfoot turning about the heel) draws
//! the ball toward the heel — the short-foot movement. In the air (the seated plantar-fascia
//! stretch, the foot across the other knee) the ankle is the root and the foot turns about it.

use super::anthropometry::*;
use super::math::{lerp, v3, V3};

/// The close-up's joint angles (degrees).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct FootAngles {
    /// Arch lift: the rearfoot turning about the heel (+ raises the navicular).
    pub arch: f64,
    /// Toe extension at the metatarsal heads (+ up), relative to the forefoot line.
    pub mtp: f64,
    /// Flexion of the toe's tip segment (+ curls down).
    pub ip: f64,
    /// The shank's lean from vertical (+ forward), drawn from the ankle up.
    pub shank: f64,
    /// In the air: ankle dorsiflexion turning the whole foot about the ankle (+ toes toward the shin).
    pub dorsi: f64,
}

impl FootAngles {
    pub fn blend(&self, to: &FootAngles, t: f64) -> FootAngles {
        FootAngles {
            arch: lerp(self.arch, to.arch, t),
            mtp: lerp(self.mtp, to.mtp, t),
            ip: lerp(self.ip, to.ip, t),
            shank: lerp(self.shank, to.shank, t),
            dorsi: lerp(self.dorsi, to.dorsi, t),
        }
    }
}

/// On the floor (heel root) or in the air (ankle root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FootSetup {
    Floor,
    Air,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FootPoints {
    pub heel: V3,
    pub ankle: V3,
    pub navicular: V3,
    pub ball: V3,
    pub toe_joint: V3,
    pub toe: V3,
    /// Top of the drawn shank.
    pub knee: V3,
}

/// The drawn shank length in the close-up (design choice: 0.8 foot lengths, cut off by the frame).
pub const SHANK_L: f64 = 0.8;

fn rot(p: V3, about: V3, deg: f64) -> V3 {
    let (s, c) = deg.to_radians().sin_cos();
    let d = p - about;
    v3(about.x + d.x * c - d.y * s, about.y + d.x * s + d.y * c, 0.0)
}

fn dir(deg: f64) -> V3 {
    let (s, c) = deg.to_radians().sin_cos();
    v3(c, s, 0.0)
}

/// Rest geometry (heel at the origin).
fn rest() -> (V3, V3, V3, V3) {
    let heel = v3(0.0, 0.0, 0.0);
    let ankle = v3(ANKLE_X_L, ANKLE_Y_L, 0.0);
    let navicular = v3(NAVICULAR_X_L, ARCH_HEIGHT_L, 0.0);
    let ball = v3(HEEL_TO_BALL_L, 0.0, 0.0);
    (heel, ankle, navicular, ball)
}

/// The forefoot's length (navicular to the ball at rest).
pub fn forefoot_length() -> f64 {
    let (_, _, n, b) = rest();
    (b - n).len()
}

/// The forefoot line's angle at rest (degrees, it slopes down to the ball).
fn rest_forefoot_angle() -> f64 {
    let (_, _, n, b) = rest();
    (b - n).y.atan2((b - n).x).to_degrees()
}

pub fn pose(a: &FootAngles, setup: FootSetup) -> FootPoints {
    let (heel0, ankle0, nav0, ball0) = rest();
    let (heel, ankle, navicular, ball) = match setup {
        FootSetup::Floor => {
            // The rearfoot turns about the heel (counter-clockwise = arch up); the ball closes the
            // linkage on the floor (y = 0) in front of the navicular.
            let ankle = rot(ankle0, heel0, a.arch);
            let navicular = rot(nav0, heel0, a.arch);
            let b = forefoot_length();
            let dx = (b * b - navicular.y * navicular.y).max(0.0).sqrt();
            (heel0, ankle, navicular, v3(navicular.x + dx, 0.0, 0.0))
        }
        FootSetup::Air => {
            // The whole foot turns about the ankle; dorsiflexion lifts the toes (counter-clockwise).
            let r = |p: V3| rot(p, ankle0, a.dorsi);
            (r(heel0), ankle0, r(nav0), r(ball0))
        }
    };
    let forefoot = (ball - navicular).y.atan2((ball - navicular).x).to_degrees();
    // The toes continue the forefoot line turned up by the MTP extension, then the tip curls.
    // On the floor the toes are laid from the floor line (mtp 0: flat, whatever the arch does); in
    // the air they continue the forefoot as at rest, turned up by the MTP extension.
    let toe_dir = match setup {
        FootSetup::Floor => a.mtp,
        FootSetup::Air => forefoot - rest_forefoot_angle() + a.mtp,
    };
    let toe_joint = ball + dir(toe_dir).scale(TOE_PROXIMAL_L);
    let toe = toe_joint + dir(toe_dir - a.ip).scale(TOE_DISTAL_L);
    let knee = ankle + dir(90.0 - a.shank).scale(SHANK_L);
    FootPoints { heel, ankle, navicular, ball, toe_joint, toe, knee }
}

impl FootPoints {
    /// Segments with their fixed lengths, for the tests.
    pub fn segments(&self) -> Vec<(V3, V3, f64)> {
        let (h, a, n, b) = rest();
        vec![
            (self.heel, self.ankle, (a - h).len()),
            (self.heel, self.navicular, (n - h).len()),
            (self.navicular, self.ball, (b - n).len()),
            (self.ball, self.toe_joint, TOE_PROXIMAL_L),
            (self.toe_joint, self.toe, TOE_DISTAL_L),
            (self.ankle, self.knee, SHANK_L),
        ]
    }

    /// MTP extension (degrees): the toe's first segment against the forefoot line.
    pub fn mtp_angle(&self) -> f64 {
        let f = self.ball - self.navicular;
        let t = self.toe_joint - self.ball;
        t.y.atan2(t.x).to_degrees() - f.y.atan2(f.x).to_degrees()
    }
}
