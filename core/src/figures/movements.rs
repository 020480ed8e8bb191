//! Every movement: each exercise at each level of the library (`clinical/library.rs`) and each
//! physical test of the assessment (`clinical/assessment.rs`), as named keyframes (joint angles)
//! and, per tempo phase, the keyframes it moves through. `up` runs from the start pose to the hold
//! pose, `hold` is the hold pose, `down` runs back to the start pose, so the end of one phase is
//! the start of the next. Angles are drawing targets from FIGURES.md, not clinical thresholds.

use super::body::{Arm, BodyAngles, BodySetup, FootHold, Leg, Root};
use super::foot::{FootAngles, FootSetup};
use super::math::v3;
use super::props::{Prop, WallAt};
use super::views::FigureView;

/// A keyframe's joint angles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pose {
    Body(BodyAngles),
    Foot(FootAngles),
}

/// What stays fixed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Setup {
    Body(BodySetup),
    Foot(FootSetup),
}

/// The point the motion arrow follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tracked {
    WorkHeel,
    WorkKnee,
    WorkAnkle,
    OtherAnkle,
    Pelvis,
    WorkToeTip,
    /// Close-up points.
    FootToe,
    FootNavicular,
}

/// The joint a movement trains: its keyframes must differ there (tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trained {
    /// Working ankle: shank against the foot line.
    Ankle,
    /// Working knee flexion.
    Knee,
    /// Working hip: trunk line against the thigh.
    Hip,
    /// The other hip (the lifted leg of balance work).
    OtherHip,
    /// The angle between the thighs (clamshell, side steps).
    Thighs,
    /// The working shank's lean (where the foot lands under the knee).
    ShankTilt,
    /// Close-up: toe extension at the metatarsal heads.
    Mtp,
    /// Close-up: the arch (heel–navicular line against the floor).
    Arch,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Movement {
    /// Exercise id, or the assessment item id of a test.
    pub id: &'static str,
    pub level: u32,
    pub is_test: bool,
    pub view: FigureView,
    pub setup: Setup,
    pub keys: Vec<(&'static str, Pose)>,
    /// (phase fraction, key index): the first at 0, the last at 1.
    pub up: Track,
    pub down: Track,
    pub props: Vec<Prop>,
    pub eyes_closed: bool,
    pub tracked: Tracked,
    pub trained: Trained,
    /// Smallest change of the trained joint between the keyframes (degrees).
    pub min_change: f64,
}

impl Movement {
    pub fn hold_key(&self) -> usize {
        self.up.last().map(|k| k.1).unwrap_or(0)
    }
    pub fn start_key(&self) -> usize {
        self.up.first().map(|k| k.1).unwrap_or(0)
    }
}

/// FIGURES.md: most keyframe pairs differ by ≥ 20° in the trained joint; the small movements
/// (design choice) by less: the arch lift 3°, the toe grip 10°, the stretches 12°, steps 10°.
const BIG: f64 = 20.0;

/// A phase's track: (phase fraction, key index) pairs.
pub type Track = Vec<(f64, usize)>;

fn two() -> (Track, Track) {
    (vec![(0.0, 0), (1.0, 1)], vec![(0.0, 1), (1.0, 0)])
}

fn leg(hip_flex: f64, knee: f64, ankle: f64) -> Leg {
    Leg { hip_flex, knee, ankle, ..Leg::default() }
}

fn arm(flex: f64, abd: f64, elbow: f64) -> Arm {
    Arm { flex, abd, elbow }
}

fn body(pitch: f64, work: Leg, other: Leg, arms: Arm) -> BodyAngles {
    BodyAngles { pitch, roll: 0.0, work, other, work_arm: arms, other_arm: arms }
}

fn b(a: BodyAngles) -> Pose {
    Pose::Body(a)
}

fn f(arch: f64, mtp: f64, ip: f64, shank: f64, dorsi: f64) -> Pose {
    Pose::Foot(FootAngles { arch, mtp, ip, shank, dorsi })
}

#[allow(clippy::too_many_arguments)]
fn movement(
    id: &'static str,
    level: u32,
    view: FigureView,
    setup: Setup,
    keys: Vec<(&'static str, Pose)>,
    phases: Option<(Track, Track)>,
    props: Vec<Prop>,
    tracked: Tracked,
    trained: Trained,
    min_change: f64,
) -> Movement {
    let (up, down) = phases.unwrap_or_else(two);
    Movement { id, level, is_test: false, view, setup, keys, up, down, props, eyes_closed: false, tracked, trained, min_change }
}

/// Height of the step (design choice: 0.1 H, about 17 cm; the step-down's low step 0.08 H).
const STEP: f64 = 0.1;
const LOW_STEP: f64 = 0.08;
/// Hands on a wall ahead (shoulder flexion 60°, elbow 30°).
const WALL_ARMS: Arm = Arm { flex: 60.0, abd: 0.0, elbow: 30.0 };

fn standing_on_ball(y: f64) -> BodySetup {
    let mut s = BodySetup::new(Root::WorkBall, v3(0.0, y, 0.0));
    s.work_toes = Some(0.0);
    s
}

/// The calf ladder's single-leg raise on the step (L2–L4) and the heel-raise test on the floor.
fn single_leg_raise(id: &'static str, level: u32, on_step: bool, towel: bool, backpack: Option<f64>) -> Movement {
    let y = if on_step { STEP } else { 0.0 };
    let mut setup = standing_on_ball(y);
    let toes = if towel { 45.0 } else { 0.0 }; // FIGURES.md: toes dorsiflexed ~30–45° on the towel (windlass)
    setup.work_toes = Some(toes);
    let other = leg(10.0, 75.0, -15.0); // the other foot off the step behind
    let low = if on_step { 12.0 } else { 0.0 }; // heel below the step: ~10–15° dorsiflexion
    let keys = vec![
        ("bottom", b(body(2.0, leg(0.0, 0.0, low), other, WALL_ARMS))),
        ("top", b(body(2.0, leg(0.0, 0.0, -40.0), other, WALL_ARMS))),
    ];
    let mut props = vec![Prop::Floor, Prop::Wall { at: WallAt::Hands, mark: false }];
    if on_step {
        props.push(Prop::Step { height: STEP, edge: -0.012, ahead: true });
    }
    if towel {
        // design choice: a rolled bath towel ~9 cm across (0.025 H radius), so it reads at thumbnail size.
        props.push(Prop::TowelRoll { radius: 0.025 });
    }
    if let Some(size) = backpack {
        props.push(Prop::Backpack { size });
    }
    movement(id, level, FigureView::Side, Setup::Body(setup), keys, None, props, Tracked::WorkHeel, Trained::Ankle, BIG)
}

/// Knee-to-wall: a lunge facing the wall, the working foot in front, heel down; the knee travels
/// over the second toe to touch the wall (~38° dorsiflexion at about 10 cm, CLINICAL A1).
fn knee_to_wall(id: &'static str) -> Movement {
    let mut setup = BodySetup::new(Root::WorkHeel, v3(0.0, 0.0, 0.0));
    setup.work_foot = FootHold::World(0.0);
    setup.work_toes = Some(0.0);
    setup.other_foot = FootHold::World(0.0);
    setup.other_toes = Some(0.0);
    setup.other_planted = true;
    let arms = arm(55.0, 0.0, 50.0);
    let keys = vec![
        ("knee_back", b(body(4.0, leg(38.0, 42.0, 0.0), leg(-12.0, 12.0, 0.0), arms))),
        ("knee_at_wall", b(body(8.0, leg(68.0, 98.0, 0.0), leg(-12.0, 12.0, 0.0), arms))),
    ];
    let props = vec![Prop::Floor, Prop::Wall { at: WallAt::Knee, mark: true }];
    movement(id, 0, FigureView::Side, Setup::Body(setup), keys, None, props, Tracked::WorkKnee, Trained::Ankle, BIG)
}

fn balance(id: &'static str, level: u32, knee: f64, eyes_closed: bool, towel: bool) -> Movement {
    let y = if towel { 0.03 } else { 0.0 };
    let mut setup = standing_on_ball(y);
    setup.work_foot = FootHold::World(0.0);
    let standing = leg(knee * 0.6, knee, 0.0);
    let arms = arm(5.0, 22.0, 15.0);
    let keys = vec![
        ("both_feet", b(body(knee * 0.2, standing, standing, arms))),
        // The free hip and knee flexed forward (~45° and ~80°), not abducted: the foot hangs under the hip.
        ("one_leg", b(body(knee * 0.2, standing, leg(45.0, 80.0, -10.0), arms))),
    ];
    let mut props = vec![Prop::Floor];
    if towel {
        props.push(Prop::FoldedTowel { height: y });
    }
    let mut m = movement(id, level, FigureView::Front, Setup::Body(setup), keys, None, props, Tracked::OtherAnkle, Trained::OtherHip, BIG);
    m.eyes_closed = eyes_closed;
    m
}

fn single_leg_squat(level: u32, poor: bool) -> Movement {
    let mut setup = standing_on_ball(0.0);
    setup.work_foot = FootHold::World(0.0);
    let other = Leg { hip_abd: 8.0, ..leg(30.0, 95.0, -10.0) };
    let arms = arm(5.0, 20.0, 15.0);
    // Good: the knee tracks over the second toe (design choice: 4° of hip abduction keeps it there
    // with the foot's slight toe-out and the view's 10° turn).
    let mut bottom = body(14.0, Leg { hip_abd: 4.0, ..leg(64.0, 58.0, 0.0) }, other, arms);
    if poor {
        // FIGURES.md: the knee drifts in ~10–15° and the pelvis drops on the other side. Design
        // choice: the thigh adducts 12° in the world (−19° at the hip with the 7° pelvic drop) and the
        // shank angles 20° out on the thigh, so the foot stays while the knee is drawn clearly inside
        // the hip–toe line.
        bottom.work.hip_abd = -19.0;
        bottom.work.knee_in = 20.0;
        bottom.roll = 7.0;
    }
    let keys = vec![("standing", b(body(0.0, leg(5.0, 5.0, 0.0), other, arms))), ("bottom", b(bottom))];
    // The arrow follows the body lowering in the good squat (the knee goes toward the camera, which
    // a front view cannot show), and the knee drifting in in the poor one.
    let tracked = if poor { Tracked::WorkKnee } else { Tracked::Pelvis };
    let mut m = movement("single_leg_squat", level, FigureView::Front, Setup::Body(setup), keys, None, vec![Prop::Floor], tracked, Trained::Knee, BIG);
    m.is_test = true;
    m
}

/// Side-lying: the figure on the other side, the working (top) side up; the bottom hip on the mat.
fn side_lying(id: &'static str, level: u32, clam: bool, band: bool) -> Movement {
    let setup = BodySetup::new(Root::OtherHip, v3(0.0, 0.04, 0.0));
    let arms_bottom = arm(0.0, 180.0, 0.0); // along the mat under the head
    let arms_top = arm(0.0, 8.0, 10.0); // resting along the top side
    let pose = |work: Leg, other: Leg| BodyAngles { pitch: 0.0, roll: 90.0, work, other, work_arm: arms_top, other_arm: arms_bottom };
    let (keys, trained) = if clam {
        let bent = leg(45.0, 90.0, 0.0);
        let open = Leg { clam: 38.0, ..bent };
        (vec![("closed", b(pose(bent, bent))), ("open", b(pose(open, bent)))], Trained::Thighs)
    } else {
        let bottom = leg(35.0, 70.0, 0.0);
        let top_down = leg(0.0, 0.0, 0.0);
        let top_up = Leg { hip_abd: 33.0, ..top_down };
        (vec![("down", b(pose(top_down, bottom))), ("lifted", b(pose(top_up, bottom)))], Trained::Hip)
    };
    let mut props = vec![Prop::Floor, Prop::Mat { top: 0.0, from: -0.55, to: 0.95 }];
    if band {
        props.push(Prop::BandAtKnees);
    }
    movement(id, level, FigureView::Front, Setup::Body(setup), keys, None, props, Tracked::WorkKnee, trained, BIG)
}

/// Small hops on the spot: ready, on the toes, a soft landing (knee ~30°).
fn hops(id: &'static str, level: u32) -> Movement {
    let mut setup = standing_on_ball(0.0);
    setup.work_toes = Some(0.0);
    let other = leg(5.0, 65.0, -15.0);
    let arms = arm(20.0, 10.0, 70.0);
    let keys = vec![
        ("ready", b(body(8.0, leg(25.0, 30.0, 13.0), other, arms))),
        ("push_off", b(body(5.0, leg(5.0, 0.0, -30.0), other, arms))),
        ("soft_landing", b(body(14.0, leg(44.0, 35.0, 5.0), other, arms))),
    ];
    let phases = (vec![(0.0, 0), (0.45, 1), (1.0, 2)], vec![(0.0, 2), (1.0, 0)]);
    movement(id, level, FigureView::Side, Setup::Body(setup), keys, Some(phases), vec![Prop::Floor], Tracked::WorkHeel, Trained::Knee, BIG)
}

#[allow(clippy::too_many_arguments)]
fn close_up(id: &'static str, level: u32, setup: FootSetup, keys: Vec<(&'static str, Pose)>, props: Vec<Prop>, tracked: Tracked, trained: Trained, min: f64) -> Movement {
    movement(id, level, FigureView::FootCloseUp, Setup::Foot(setup), keys, None, props, tracked, trained, min)
}

fn short_foot(id: &'static str, level: u32) -> Movement {
    // The arch rises a few millimetres; the toes stay long and flat.
    let keys = vec![("relaxed", f(0.0, 0.0, 0.0, 0.0, 0.0)), ("arch_lifted", f(6.0, 0.0, 0.0, 0.0, 0.0))];
    close_up(id, level, FootSetup::Floor, keys, vec![Prop::Floor], Tracked::FootNavicular, Trained::Arch, 3.0)
}

fn towel_scrunch(level: u32) -> Movement {
    let keys = vec![("toes_long", f(0.0, 3.0, 0.0, 0.0, 0.0)), ("toes_curled", f(0.0, 35.0, 90.0, 0.0, 0.0))];
    close_up("towel_scrunch", level, FootSetup::Floor, keys, vec![Prop::Floor, Prop::FlatTowel { weight: level == 1 }], Tracked::FootToe, Trained::Mtp, BIG)
}

fn build() -> Vec<Movement> {
    let mut all = Vec::new();

    // plantar_fascia_stretch L0 (rule L3): across the other knee, the hand pulls the toes back (MTP ~60°).
    all.push(close_up(
        "plantar_fascia_stretch",
        0,
        FootSetup::Air,
        vec![("toes_relaxed", f(0.0, 5.0, 0.0, -62.0, 0.0)), ("toes_pulled_back", f(0.0, 60.0, 0.0, -62.0, 10.0))],
        vec![Prop::StretchHands],
        Tracked::FootToe,
        Trained::Mtp,
        BIG,
    ));

    // calf_loading L0: double-leg heel raise on the floor, hands on a wall.
    {
        let mut setup = standing_on_ball(0.0);
        setup.other_toes = Some(0.0);
        let keys = vec![
            ("bottom", b(body(2.0, leg(0.0, 0.0, 0.0), leg(0.0, 0.0, 0.0), WALL_ARMS))),
            ("top", b(body(2.0, leg(0.0, 0.0, -35.0), leg(0.0, 0.0, -35.0), WALL_ARMS))),
        ];
        let props = vec![Prop::Floor, Prop::Wall { at: WallAt::Hands, mark: false }];
        all.push(movement("calf_loading", 0, FigureView::Side, Setup::Body(setup), keys, None, props, Tracked::WorkHeel, Trained::Ankle, BIG));
    }
    // calf_loading L1 (rule L2): up on both feet, the other foot lifts, down on the working foot.
    {
        let setup = standing_on_ball(STEP);
        let lifted = leg(10.0, 75.0, -15.0);
        let keys = vec![
            ("bottom_one_foot", b(body(2.0, leg(0.0, 0.0, 12.0), lifted, WALL_ARMS))),
            // The other foot on the step a little ahead (hip 6°, design choice) so the side view shows
            // both feet rising together.
            ("bottom_both_feet", b(body(2.0, leg(0.0, 0.0, 12.0), Leg { mtp: -6.0, ..leg(6.0, 0.0, 6.0) }, WALL_ARMS))),
            ("top_both_feet", b(body(2.0, leg(0.0, 0.0, -35.0), Leg { mtp: 41.0, ..leg(6.0, 0.0, -41.0) }, WALL_ARMS))),
            ("top_one_foot", b(body(2.0, leg(0.0, 0.0, -35.0), lifted, WALL_ARMS))),
        ];
        let phases = (vec![(0.0, 0), (0.3, 1), (1.0, 2)], vec![(0.0, 2), (0.2, 3), (1.0, 0)]);
        let props = vec![Prop::Floor, Prop::Wall { at: WallAt::Hands, mark: false }, Prop::Step { height: STEP, edge: -0.012, ahead: true }];
        all.push(movement("calf_loading", 1, FigureView::Side, Setup::Body(setup), keys, Some(phases), props, Tracked::WorkHeel, Trained::Ankle, BIG));
    }
    // calf_loading L2–L4 (rule L1): single leg on the step, a rolled towel under the toes; backpack at L3–L4.
    all.push(single_leg_raise("calf_loading", 2, true, true, None));
    all.push(single_leg_raise("calf_loading", 3, true, true, Some(1.0)));
    all.push(single_leg_raise("calf_loading", 4, true, true, Some(1.35)));

    // calf_stretch L0: hands on the wall, the working leg behind, straight, heel down (~18°).
    {
        let mut setup = BodySetup::new(Root::WorkHeel, v3(0.0, 0.0, 0.0));
        setup.work_foot = FootHold::World(0.0);
        setup.work_toes = Some(0.0);
        setup.other_foot = FootHold::World(0.0);
        setup.other_toes = Some(0.0);
        setup.other_planted = true;
        let keys = vec![
            ("upright", b(body(4.0, leg(0.0, 0.0, 0.0), leg(40.0, 48.0, 0.0), arm(88.0, 0.0, 5.0)))),
            ("leaning", b(body(19.0, leg(0.0, 0.0, 0.0), leg(40.0, 48.0, 0.0), arm(80.0, 0.0, 100.0)))),
        ];
        let props = vec![Prop::Floor, Prop::Wall { at: WallAt::Hands, mark: false }];
        all.push(movement("calf_stretch", 0, FigureView::Side, Setup::Body(setup), keys, None, props, Tracked::Pelvis, Trained::Ankle, 12.0));
    }

    // ankle_mobility L0 (A1): knee-to-wall rocks.
    all.push(knee_to_wall("ankle_mobility"));

    // towel_scrunch L0–L1 (rule L4, V1): toes curl the towel toward the heel; a weight on it at L1.
    all.push(towel_scrunch(0));
    all.push(towel_scrunch(1));
    // towel_scrunch L2: standing short foot; L3: single-leg hops with the arch held.
    all.push(short_foot("towel_scrunch", 2));
    all.push(hops("towel_scrunch", 3));

    // short_foot L0 (A3).
    all.push(short_foot("short_foot", 0));

    // single_leg_balance L0–L3 (rule L4): eyes open, knee bent ~20°, eyes closed, a folded towel.
    all.push(balance("single_leg_balance", 0, 3.0, false, false));
    all.push(balance("single_leg_balance", 1, 20.0, false, false));
    all.push(balance("single_leg_balance", 2, 3.0, true, false));
    all.push(balance("single_leg_balance", 3, 3.0, false, true));

    // side_lying_hip_abduction L0–L1 (A4): the top leg lifts ~33°; a band at L1.
    all.push(side_lying("side_lying_hip_abduction", 0, false, false));
    all.push(side_lying("side_lying_hip_abduction", 1, false, true));
    // L2: banded side steps (front view; the other foot stays, the working foot steps out).
    {
        let mut setup = BodySetup::new(Root::OtherBall, v3(0.0, 0.0, 0.0));
        setup.work_foot = FootHold::World(0.0);
        setup.other_foot = FootHold::World(0.0);
        setup.work_toes = Some(0.0);
        setup.other_toes = Some(0.0);
        let soft = |abd: f64| Leg { hip_abd: abd, ..leg(15.0, 25.0, 0.0) };
        let arms = arm(10.0, 15.0, 30.0);
        let keys = vec![
            ("feet_together", b(body(8.0, soft(3.0), soft(3.0), arms))),
            // The step comes from hip abduction (knees apart against the band), the foot just off the floor.
            ("stepping", b(body(8.0, Leg { hip_abd: 16.0, hip_flex: 20.0, knee: 34.0, ..soft(0.0) }, soft(6.0), arms))),
            ("feet_apart", b(body(8.0, soft(10.0), soft(10.0), arms))),
        ];
        let phases = (vec![(0.0, 0), (0.5, 1), (1.0, 2)], vec![(0.0, 2), (1.0, 0)]);
        all.push(movement("side_lying_hip_abduction", 2, FigureView::Front, Setup::Body(setup), keys, Some(phases), vec![Prop::Floor, Prop::BandAtKnees], Tracked::WorkAnkle, Trained::Thighs, 10.0));
    }
    // L3: step-down from a low step, the other heel lowers to the floor in front (side view).
    {
        let mut setup = standing_on_ball(LOW_STEP);
        setup.work_foot = FootHold::World(0.0);
        let arms = arm(25.0, 0.0, 40.0);
        let keys = vec![
            ("bottom", b(body(10.0, leg(55.0, 80.0, 0.0), leg(36.0, 0.0, 15.0), arms))),
            ("top", b(body(4.0, leg(8.0, 6.0, 0.0), leg(24.0, 0.0, 15.0), arms))),
        ];
        let props = vec![Prop::Floor, Prop::Step { height: LOW_STEP, edge: 0.05, ahead: false }];
        all.push(movement("side_lying_hip_abduction", 3, FigureView::Side, Setup::Body(setup), keys, None, props, Tracked::Pelvis, Trained::Knee, BIG));
    }
    // L4: hop and stick.
    all.push(hops("side_lying_hip_abduction", 4));

    // clamshell L0 (A4): the top knee opens ~38°, feet together.
    all.push(side_lying("clamshell", 0, true, false));

    // single_leg_bridge L0 (A4): shoulders on the mat, the working foot planted, hips rise.
    {
        let mut setup = BodySetup::new(Root::Neck, v3(0.0, 0.055, 0.0)); // the head (radius 0.053 H) rests on the mat
        setup.work_foot = FootHold::World(0.0);
        setup.work_toes = Some(0.0);
        setup.work_planted = true;
        let pose = |lift: f64| BodyAngles {
            pitch: -90.0 - lift,
            roll: 0.0,
            work: leg(52.0, 104.0, 0.0),
            other: leg(50.0 - lift, 0.0, 0.0),
            work_arm: arm(-lift, 8.0, 0.0),
            other_arm: arm(-lift, 8.0, 0.0),
        };
        let keys = vec![("hips_down", b(pose(0.0))), ("hips_up", b(pose(30.0)))];
        let props = vec![Prop::Floor, Prop::Mat { top: 0.0, from: -0.45, to: 0.6 }];
        all.push(movement("single_leg_bridge", 0, FigureView::Side, Setup::Body(setup), keys, None, props, Tracked::Pelvis, Trained::Hip, BIG));
    }

    // cadence_drill L0 (A6): the overstride landing for contrast, then the foot landing under the knee.
    {
        let setup = BodySetup::new(Root::WorkHeel, v3(0.0, 0.0, 0.0));
        let other = leg(-18.0, 75.0, -20.0);
        let run_arms = |a: f64| BodyAngles { work_arm: arm(-a, 0.0, 90.0), other_arm: arm(a, 0.0, 90.0), ..BodyAngles::default() };
        let overstride = BodyAngles { pitch: 6.0, work: leg(36.0, 6.0, -12.0), other, ..run_arms(30.0) };
        let under_knee = BodyAngles { pitch: 9.0, work: leg(26.0, 26.0, 8.0), other, ..run_arms(30.0) };
        let keys = vec![("overstride", b(overstride)), ("under_the_knee", b(under_knee))];
        all.push(movement("cadence_drill", 0, FigureView::Side, Setup::Body(setup), keys, None, vec![Prop::Floor], Tracked::WorkAnkle, Trained::ShankTilt, BIG));
    }

    // The assessment's physical tests.
    let mut tests = vec![
        knee_to_wall("knee_to_wall_cm"),
        single_leg_raise("heel_raise_reps", 0, false, false, None),
        close_up(
            "toe_grip",
            0,
            FootSetup::Floor,
            vec![("toe_lifted", f(0.0, 14.0, 0.0, 0.0, 0.0)), ("toe_pressed", f(0.0, 0.0, 0.0, 0.0, 0.0))],
            vec![Prop::Floor, Prop::Card],
            Tracked::FootToe,
            Trained::Mtp,
            10.0,
        ),
        short_foot("arch_control", 0),
        balance("balance_seconds", 0, 3.0, false, false),
    ];
    for m in &mut tests {
        m.is_test = true;
    }
    all.extend(tests);
    all.push(single_leg_squat(0, false));
    all.push(single_leg_squat(1, true));
    all
}

pub fn movements() -> &'static [Movement] {
    static ALL: std::sync::OnceLock<Vec<Movement>> = std::sync::OnceLock::new();
    ALL.get_or_init(build)
}

/// Knee drifting in is a level of the squat test: level 0 shows the knee in line, level 1 drifting in.
pub fn find(id: &str, level: u32) -> Option<(usize, &'static Movement)> {
    movements().iter().enumerate().find(|(_, m)| m.id == id && m.level == level)
}

pub fn max_level(id: &str) -> Option<u32> {
    movements().iter().filter(|m| m.id == id).map(|m| m.level).max()
}

pub fn ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for m in movements() {
        if !ids.contains(&m.id) {
            ids.push(m.id);
        }
    }
    ids
}
