//! Body proportions as fractions of standing height H (the figure is drawn with H = 1).
//!
//! Segment lengths of Drillis & Contini as tabulated in Winter, *Biomechanics and Motor Control of
//! Human Movement*, 4th ed. (2009), Fig. 4.1 (FIGURES.md, "Body proportions"). The foot close-up uses
//! the foot length L = 1 and the split of FIGURES.md (heel to metatarsal heads 0.73 L, toes 0.27 L,
//! arch height 0.15 L).

/// Height of the chin (Winter: 0.870 H); the head is 0.130 H from chin to top.
pub const CHIN_HEIGHT: f64 = 0.870;
/// Shoulder height (Winter: 0.818 H).
pub const SHOULDER_HEIGHT: f64 = 0.818;
/// Hip (greater trochanter) height (Winter: 0.530 H).
pub const HIP_HEIGHT: f64 = 0.530;
/// Ankle height (Winter: 0.039 H).
pub const ANKLE_HEIGHT: f64 = 0.039;
/// Upper arm, shoulder to elbow (Winter: 0.186 H).
pub const UPPER_ARM: f64 = 0.186;
/// Forearm, elbow to wrist (Winter: 0.146 H).
pub const FOREARM: f64 = 0.146;
/// Hand (Winter: 0.108 H).
pub const HAND: f64 = 0.108;
/// Thigh, hip to knee (Winter: 0.245 H).
pub const THIGH: f64 = 0.245;
/// Shank, knee to ankle (Winter: 0.246 H).
pub const SHANK: f64 = 0.246;
/// Foot length (Winter: 0.152 H).
pub const FOOT_LENGTH: f64 = 0.152;
/// Shoulder width (Winter: 0.259 H).
pub const SHOULDER_WIDTH: f64 = 0.259;
/// Hip width (Winter: 0.191 H).
pub const HIP_WIDTH: f64 = 0.191;

/// Trunk, hip level to shoulder level (0.818 − 0.530).
pub const TRUNK: f64 = SHOULDER_HEIGHT - HIP_HEIGHT;
/// Head radius: half of the chin-to-top 0.130 H.
pub const HEAD_RADIUS: f64 = (1.0 - CHIN_HEIGHT) / 2.0;
/// Shoulder level to the head's centre (chin 0.870, centre 0.935).
pub const NECK_TO_HEAD: f64 = CHIN_HEIGHT + HEAD_RADIUS - SHOULDER_HEIGHT;

/// Heel to metatarsal heads: 0.73 of the foot length (FIGURES.md).
pub const HEEL_TO_BALL: f64 = 0.73 * FOOT_LENGTH;
/// Toes: 0.27 of the foot length (FIGURES.md).
pub const TOES: f64 = 0.27 * FOOT_LENGTH;
/// design choice (drawing): the ankle joint sits 0.23 of the foot length in front of the heel.
pub const HEEL_BEHIND_ANKLE: f64 = 0.23 * FOOT_LENGTH;

/// design choice (drawing): the runner is 1.75 m tall, for the one number drawn (knee-to-wall cm).
pub const HEIGHT_CM: f64 = 175.0;

// The foot close-up, in foot lengths (L = 1).
/// Arch (navicular) height at rest: 0.15 L (FIGURES.md).
pub const ARCH_HEIGHT_L: f64 = 0.15;
/// Heel to metatarsal heads: 0.73 L.
pub const HEEL_TO_BALL_L: f64 = 0.73;
/// Proximal and distal toe segments, together the toes' 0.27 L (design choice: 0.15 + 0.12).
pub const TOE_PROXIMAL_L: f64 = 0.15;
pub const TOE_DISTAL_L: f64 = 0.12;
/// design choice (drawing): the navicular 0.33 L in front of the heel; the ankle 0.23 L in front of
/// the heel at ankle height (0.039 H / 0.152 H = 0.257 L).
pub const NAVICULAR_X_L: f64 = 0.33;
pub const ANKLE_X_L: f64 = 0.23;
pub const ANKLE_Y_L: f64 = ANKLE_HEIGHT / FOOT_LENGTH;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leg_reaches_the_hip_height_of_winters_table() {
        assert!((ANKLE_HEIGHT + SHANK + THIGH - HIP_HEIGHT).abs() < 1e-9);
        assert!((HEEL_TO_BALL + TOES - FOOT_LENGTH).abs() < 1e-9);
        assert!((TOE_PROXIMAL_L + TOE_DISTAL_L - 0.27).abs() < 1e-9);
    }
}
