//! Chain assessment (CLINICAL A1–A7): a catalogue a shell renders as a guided flow, validation of
//! the answers, findings worded as things to work on (X1), and the comparison with the previous
//! assessment using the tests' noise thresholds.

use serde::{Deserialize, Serialize};

use crate::clinical::program::build_program;
use crate::clinical::safety::{evaluate_screen, ProfileAnswers, SafetyResult};
use crate::day::Day;
use crate::error::{check_int, check_pain, check_real, CoreError, Result};
use crate::model::{AssessmentAnswers, Domain, Program, RedFlagLevel, Severity, Side, SideCount, SideGrade, SideMeasure, SideSquat, SquatQuality, TestGrade};

/// How an assessment item is answered (tells a shell which input to render).
#[derive(uniffi::Enum, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// A real number within `min..=max` in `unit`.
    Number,
    /// A whole number within `min..=max`.
    Count,
    /// pass / partial / fail (A3).
    Grade,
    /// good / fair / poor (A4).
    SquatQuality,
    YesNo,
    /// left / right / both.
    Side,
    /// 0–10 pain score.
    Pain,
}

/// One question or test of the assessment.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AssessmentItem {
    /// The `AssessmentAnswers` field it fills.
    pub id: String,
    /// The question or test, in plain words.
    pub prompt: String,
    /// Steps to do the test, shown before answering.
    pub how_to: Vec<String>,
    /// Unit of the answer ("cm", "reps", "s", "km", ...; empty for choices).
    pub unit: String,
    /// Smallest accepted value (0 for choices).
    pub min: f64,
    /// Largest accepted value (0 for choices).
    pub max: f64,
    /// Answered separately for the left and right side.
    pub per_side: bool,
    /// Whether evaluation fails without it.
    pub required: bool,
    /// Which input to render.
    pub kind: AnswerKind,
}

/// A thing to work on, with the measurement behind it (X1: never a diagnosis).
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Finding {
    /// The link of the chain.
    pub domain: Domain,
    /// Side it concerns (`none` for whole-body items such as gait or load).
    pub side: Side,
    /// Mild or marked.
    pub severity: Severity,
    /// The numbers, e.g. "knee-to-wall left 6.0 cm, right 11.0 cm".
    pub measurement: String,
    /// Plain explanation worded as a thing to work on.
    pub explanation: String,
    /// Exercise ids that answer it.
    pub exercises: Vec<String>,
    /// CLINICAL rule ids behind it.
    pub rules: Vec<String>,
    /// How far the measure is past its cut-off, for ordering findings (rule V1): marked findings
    /// score 1 and up, mild ones below 1; further past the cut-off scores higher.
    #[serde(default)]
    #[uniffi(default = 0.0)]
    pub severity_score: f64,
}

/// rule V1 (design): a finding's distance past its cut-off as a fraction of the cut-off (0..1),
/// lifted by 1 for marked findings so every marked one outranks every mild one.
fn severity_score(severity: Severity, distance: f64) -> f64 {
    let fraction = if distance.is_finite() { distance.clamp(0.0, 0.99) } else { 0.0 };
    match severity {
        Severity::Marked => 1.0 + fraction,
        Severity::Mild => fraction,
    }
}

/// Change of one measured test since the previous assessment.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AssessmentChange {
    /// The test, e.g. `knee_to_wall_cm` or `heel_raise_reps`.
    pub item_id: String,
    /// Left or right.
    pub side: Side,
    /// Value at the previous assessment (cm or reps).
    pub previous: f64,
    /// Value now.
    pub current: f64,
    /// `current - previous`.
    pub change: f64,
    /// `true` only when the change is beyond the test's noise (A1: 1.9 cm, A2: 7 reps).
    pub meaningful: bool,
    /// One plain sentence about the change.
    pub description: String,
}

/// Everything an assessment produces.
#[derive(uniffi::Record, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AssessmentResult {
    /// Date of the assessment (YYYY-MM-DD).
    pub date: String,
    /// The red-flag screen.
    pub safety: SafetyResult,
    /// Things to work on, in chain order.
    pub findings: Vec<Finding>,
    /// `None` when the safety screen is urgent (R1).
    pub program: Option<Program>,
    /// Empty for a first assessment.
    pub changes: Vec<AssessmentChange>,
}

// Ranges (design choice where not cited): they reject typos and absurd values, not unusual runners.
/// rule A1: knee-to-wall beyond 30 cm is not a plausible measurement (brief).
pub const KNEE_TO_WALL_MAX_CM: f64 = 30.0;
const CM_PER_INCH: f64 = 2.54;
/// design choice: 200 heel raises to fatigue is far beyond any reported value (A2 median 21–24).
pub const HEEL_RAISE_MAX: i64 = 200;
/// rule A5: stance is capped at 45 s.
pub const BALANCE_MAX_S: f64 = 45.0;
/// design choice: running step rates outside 100–240 spm are measurement errors.
pub const CADENCE_RANGE: (i64, i64) = (100, 240);
/// design choice: weekly or single-run distances above 400 km are typos.
pub const KM_MAX: f64 = 400.0;
/// design choice: ten years since onset.
pub const WEEKS_SINCE_ONSET_MAX: i64 = 520;
/// design choice: ages above 120 are typos.
pub const AGE_MAX: i64 = 120;

/// rule A1: the seed's screen — the knee cannot reach the wall with the foot 10 cm away.
const KNEE_TO_WALL_SCREEN_CM: f64 = 10.0;
/// rule A1: a between-limb difference ≥ 1.5 cm is meaningful (Chisholm 2012).
const KNEE_TO_WALL_ASYMMETRY_CM: f64 = 1.5;
/// rule A1: minimal detectable change within one tester (Powden 2015).
pub const KNEE_TO_WALL_NOISE_CM: f64 = 1.9;
/// rule A1 (design): "marked" needs a value below the 10 cm screen by more than the 1.9 cm MDC; a
/// value within the noise of the screen is at most "mild", whatever the difference between sides.
const KNEE_TO_WALL_MARKED_CM: f64 = 8.1;
/// rule A2 design: low capacity under 20 reps.
const HEEL_RAISE_LOW: u32 = 20;
/// rule A2 design: a side under 90 % of the other.
const HEEL_RAISE_SYMMETRY: f64 = 0.9;
/// rule A2: a change under 7 reps is noise.
pub const HEEL_RAISE_NOISE: f64 = 7.0;
/// rule A5 design: eyes-open stance under 30 s is a balance finding.
const BALANCE_FINDING_S: f64 = 30.0;
/// design choice: under 15 s eyes open is a marked balance finding (close to the eyes-closed mean, A5).
const BALANCE_MARKED_S: f64 = 15.0;
/// rule A7 (Nielsen 2014: > 30 % increase); design choice: applied to now vs 4 weeks ago.
pub(crate) const WEEKLY_INCREASE_LIMIT: f64 = 0.30;
/// rule A7: a run more than 10 % longer than the longest of the previous 30 days.
pub const LONG_RUN_SPIKE: f64 = 0.10;
/// rule A7: more than 100 % longer (HR 2.28).
const LONG_RUN_DOUBLE: f64 = 1.0;
/// rule A7 (Riddle 2003, OR 3.6): 8 hours a day or more on the feet at work → advice on footwear and
/// sitting breaks (CLINICAL A7 gives the 8 h; it replaces the earlier design choice of 6 h).
const HOURS_ON_FEET_FLAG: f64 = 8.0;

/// The assessment as a guided flow, in the order to ask it. The red-flag questions come first and
/// are listed separately by `safety_questions`.
pub fn assessment_catalogue() -> Vec<AssessmentItem> {
    #[allow(clippy::too_many_arguments)]
    fn item(id: &str, prompt: &str, how_to: &[&str], unit: &str, min: f64, max: f64, per_side: bool, required: bool, kind: AnswerKind) -> AssessmentItem {
        AssessmentItem {
            id: id.into(),
            prompt: prompt.into(),
            how_to: how_to.iter().map(|s| (*s).to_string()).collect(),
            unit: unit.into(),
            min,
            max,
            per_side,
            required,
            kind,
        }
    }
    use AnswerKind::*;
    vec![
        item("affected_side", "Which heel hurts?", &["Choose left, right or both."], "", 0.0, 0.0, false, true, Side),
        item("first_step_pain", "How much did your first steps hurt this morning?", &["0 = no pain, 10 = worst imaginable."], "0-10", 0.0, 10.0, false, true, Pain),
        item("weeks_since_onset", "How many weeks ago did the heel pain start?", &["An estimate is fine."], "weeks", 0.0, WEEKS_SINCE_ONSET_MAX as f64, false, false, Count),
        item("age_years", "How old are you?", &["Optional. Under 16, heel pain more often has another cause that a clinician should check."], "years", 0.0, AGE_MAX as f64, false, false, Count),
        item("knee_to_wall_cm", "Knee-to-wall: how far can your foot be from the wall while the knee still touches it?", &[
            "Face a wall in a lunge, the foot being tested in front, pointing straight at the wall.",
            "Push the knee toward the wall without lifting the heel.",
            "Move the foot back until the knee only just touches with the heel down.",
            "Measure from the big toe to the wall. You may answer in inches instead.",
        ], "cm", 0.0, KNEE_TO_WALL_MAX_CM, true, true, Number),
        item("heel_raise_reps", "Single-leg heel raises: how many can you do on each leg?", &[
            "Stand on one leg, fingertips on a wall for balance only.",
            "Rise as high as you can and lower, one rise per second (a 60 bpm metronome helps).",
            "Count until you cannot rise fully any more, or the pain goes above 5.",
        ], "reps", 0.0, HEEL_RAISE_MAX as f64, true, true, Count),
        item("toe_grip", "Toe grip: can you hold a sheet of paper under your big toe while someone pulls it?", &[
            "Sit with the foot flat, a sheet of paper under the big toe.",
            "Press the toe down while the paper is pulled: pass if it holds, partial if it slips slowly, fail if it slides out.",
        ], "", 0.0, 0.0, true, false, Grade),
        item("arch_control", "Short foot: can you lift your arch without curling your toes?", &[
            "Stand with the foot flat.",
            "Draw the ball of the foot toward the heel to raise the arch and hold 5 seconds.",
            "Pass if the toes stay long, partial if they curl a little, fail if the arch does not lift.",
        ], "", 0.0, 0.0, true, false, Grade),
        item("single_leg_squat", "Single-leg squat: how steady is the knee?", &[
            "Stand on one leg in front of a mirror and bend the knee halfway, five times.",
            "Good: the knee stays over the foot. Fair: it drifts in a little. Poor: it falls in or the hip drops.",
        ], "", 0.0, 0.0, true, false, SquatQuality),
        item("balance_seconds", "Single-leg stance: how long can you stand on one leg, eyes open?", &[
            "Stand on one leg, arms crossed, eyes open.",
            "Stop when the foot moves or the other foot touches down. Best of 3 tries; stop at 45 seconds.",
        ], "s", 0.0, BALANCE_MAX_S, true, false, Number),
        item("cadence_spm", "Your usual step rate on easy runs (steps per minute), if you know it.", &[
            "Count your steps for 30 seconds during an easy run and double it, or read it from your watch.",
        ], "spm", CADENCE_RANGE.0 as f64, CADENCE_RANGE.1 as f64, false, false, Count),
        item("overstride", "Does your foot land well ahead of your knee when you run?", &["A side-on phone video helps."], "", 0.0, 0.0, false, false, YesNo),
        item("weekly_km_now", "Weekly running distance now", &["Average of the last two weeks."], "km", 0.0, KM_MAX, false, false, Number),
        item("weekly_km_4_weeks_ago", "Weekly running distance four weeks ago", &[], "km", 0.0, KM_MAX, false, false, Number),
        item("longest_run_km_recent", "Your longest run in the last two weeks", &[], "km", 0.0, KM_MAX, false, false, Number),
        item("longest_run_km_prior_30d", "Your longest run in the 30 days before that", &[], "km", 0.0, KM_MAX, false, false, Number),
        item("surface_change", "Have you recently changed running surface (e.g. to road or track)?", &[], "", 0.0, 0.0, false, false, YesNo),
        item("shoe_change", "Have you recently changed shoes?", &[], "", 0.0, 0.0, false, false, YesNo),
        item("race_build_up", "Are you building up for a race?", &[], "", 0.0, 0.0, false, false, YesNo),
        item("hours_on_feet_per_day", "Hours on your feet per day at work", &[], "h", 0.0, 24.0, false, false, Number),
    ]
}

/// Answers after validation, in the units the rules use. The physical tests are absent only when
/// the safety screen is urgent (R1: the assessment ends at the screen).
pub(crate) struct CheckedAnswers {
    pub date: Day,
    pub knee_to_wall_cm: Option<SideMeasure>,
    pub heel_raise_reps: Option<SideCount>,
}

fn check_side_real(field: &str, value: SideMeasure, max: f64) -> Result<()> {
    check_real(&format!("{field}.left"), value.left, 0.0, max)?;
    check_real(&format!("{field}.right"), value.right, 0.0, max)?;
    Ok(())
}

fn check_optional_km(field: &str, value: Option<f64>) -> Result<()> {
    if let Some(km) = value {
        check_real(field, km, 0.0, KM_MAX)?;
    }
    Ok(())
}

/// Validates every answer given; errors name the field and the allowed range. `require_tests`:
/// knee-to-wall and heel raises must be present (every screen but an urgent one, R1).
pub(crate) fn check_answers(answers: &AssessmentAnswers, require_tests: bool) -> Result<CheckedAnswers> {
    let date = Day::parse("date", &answers.date)?;
    if answers.affected_side == Side::None {
        return Err(CoreError::invalid("affected_side", "must be left, right or both"));
    }
    check_pain("first_step_pain", i64::from(answers.first_step_pain))?;
    if let Some(weeks) = answers.weeks_since_onset {
        check_int("weeks_since_onset", i64::from(weeks), 0, WEEKS_SINCE_ONSET_MAX)?;
    }
    if let Some(age) = answers.age_years {
        check_int("age_years", i64::from(age), 0, AGE_MAX)?;
    }
    if let Some(cleared) = &answers.clinician_cleared_on {
        Day::parse("clinician_cleared_on", cleared)?;
    }
    let knee_to_wall_cm = match (answers.knee_to_wall_cm, answers.knee_to_wall_in) {
        (Some(_), Some(_)) => {
            return Err(CoreError::invalid("knee_to_wall_in", "give knee-to-wall in cm or in inches, not both"));
        }
        (Some(cm), None) => {
            check_side_real("knee_to_wall_cm", cm, KNEE_TO_WALL_MAX_CM)?;
            Some(cm)
        }
        (None, Some(inches)) => {
            // Round the limit to 0.01 in so the message reads well (30 cm = 11.81 in).
            let max_in = (KNEE_TO_WALL_MAX_CM / CM_PER_INCH * 100.0).floor() / 100.0;
            check_side_real("knee_to_wall_in", inches, max_in)?;
            Some(SideMeasure { left: inches.left * CM_PER_INCH, right: inches.right * CM_PER_INCH })
        }
        (None, None) if require_tests => {
            return Err(CoreError::missing("knee_to_wall_cm", "give knee-to-wall for each side in cm (0–30) or in inches"));
        }
        (None, None) => None,
    };
    let heel_raise_reps = match answers.heel_raise_reps {
        Some(reps) => {
            check_int("heel_raise_reps.left", i64::from(reps.left), 0, HEEL_RAISE_MAX)?;
            check_int("heel_raise_reps.right", i64::from(reps.right), 0, HEEL_RAISE_MAX)?;
            Some(reps)
        }
        None if require_tests => {
            return Err(CoreError::missing("heel_raise_reps", "give single-leg heel raises for each side (0–200)"));
        }
        None => None,
    };
    if let Some(balance) = answers.balance_seconds {
        check_side_real("balance_seconds", balance, BALANCE_MAX_S)?;
    }
    if let Some(cadence) = answers.cadence_spm {
        check_int("cadence_spm", i64::from(cadence), CADENCE_RANGE.0, CADENCE_RANGE.1)?;
    }
    check_optional_km("weekly_km_now", answers.weekly_km_now)?;
    check_optional_km("weekly_km_4_weeks_ago", answers.weekly_km_4_weeks_ago)?;
    check_optional_km("longest_run_km_recent", answers.longest_run_km_recent)?;
    check_optional_km("longest_run_km_prior_30d", answers.longest_run_km_prior_30d)?;
    if let Some(hours) = answers.hours_on_feet_per_day {
        check_real("hours_on_feet_per_day", hours, 0.0, 24.0)?;
    }
    // rule A8: the optional upcoming race.
    if let Some(race) = &answers.race {
        Day::parse("race.date", &race.date)?;
        check_real("race.distance_km", race.distance_km, crate::clinical::RACE_KM_MIN, KM_MAX)?;
    }
    Ok(CheckedAnswers { date, knee_to_wall_cm, heel_raise_reps })
}

/// The side(s) among left/right that are flagged.
fn side_of(left: bool, right: bool) -> Side {
    match (left, right) {
        (true, true) => Side::Both,
        (true, false) => Side::Left,
        (false, true) => Side::Right,
        (false, false) => Side::None,
    }
}

fn side_words(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Both => "both sides",
        Side::None => "",
    }
}

/// "on the left", "on the right", "on both sides".
fn on_side(side: Side) -> &'static str {
    match side {
        Side::Left => "on the left",
        Side::Right => "on the right",
        Side::Both => "on both sides",
        Side::None => "",
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

/// Ankle mobility (A1): a side below the seed's 10 cm screen by more than the test's noise
/// (under 8.1 cm) is marked; a side below the screen but within its 1.9 cm MDC, or a between-limb
/// difference ≥ 1.5 cm, is mild (the stiffer side(s)).
fn ankle_finding(cm: SideMeasure) -> Option<Finding> {
    // Round to 0.01 cm so 1.5 typed as 6.0 vs 7.5, or 8.1, is not lost to floating point.
    let hundredths = |x: f64| (x * 100.0).round() / 100.0;
    let below_screen = |x: f64| hundredths(x) < KNEE_TO_WALL_SCREEN_CM; // rule A1
    let marked = |x: f64| hundredths(x) < KNEE_TO_WALL_MARKED_CM; // rule A1 (design: MDC)
    let difference = (cm.left - cm.right).abs();
    let asymmetric = hundredths(difference) >= KNEE_TO_WALL_ASYMMETRY_CM; // rule A1
    let stiffest = cm.left.min(cm.right);
    let (side, severity) = if marked(cm.left) || marked(cm.right) {
        (side_of(marked(cm.left), marked(cm.right)), Severity::Marked)
    } else if below_screen(cm.left) || below_screen(cm.right) {
        (side_of(below_screen(cm.left), below_screen(cm.right)), Severity::Mild)
    } else if asymmetric {
        (if cm.left < cm.right { Side::Left } else { Side::Right }, Severity::Mild)
    } else {
        return None;
    };
    let explanation = match severity {
        Severity::Marked => format!(
            "Your ankle bends less than the 10 cm knee-to-wall screen {}. More ankle bend can spread the load on the calf and heel: work on it with the calf stretch and knee-to-wall rocks.",
            on_side(side)
        ),
        Severity::Mild if below_screen(stiffest) => format!(
            "Your ankle bends a little less than the 10 cm knee-to-wall screen {} ({stiffest:.1} cm), within the 1.9 cm a re-test can differ by. Something to work on with the calf stretch and knee-to-wall rocks.",
            on_side(side)
        ),
        Severity::Mild => format!(
            "Your {} ankle bends {difference:.1} cm less than the other. Evening this out is something to work on with the calf stretch and knee-to-wall rocks.",
            side_words(side)
        ),
    };
    // design (V1 ranking): a mild value below the screen scores its distance to the screen; with an
    // asymmetry too, the larger of the two.
    let mild_score = {
        let screen = if below_screen(stiffest) { (KNEE_TO_WALL_SCREEN_CM - stiffest) / KNEE_TO_WALL_SCREEN_CM } else { 0.0 };
        let asymmetry = if asymmetric { (difference - KNEE_TO_WALL_ASYMMETRY_CM) / KNEE_TO_WALL_ASYMMETRY_CM } else { 0.0 };
        screen.max(asymmetry)
    };
    Some(Finding {
        domain: Domain::AnkleMobility,
        side,
        severity,
        measurement: format!("knee-to-wall left {:.1} cm, right {:.1} cm (difference {difference:.1} cm)", cm.left, cm.right),
        explanation,
        exercises: strings(&["calf_stretch", "ankle_mobility"]),
        rules: strings(&["A1"]),
        severity_score: match severity {
            Severity::Marked => severity_score(severity, (KNEE_TO_WALL_SCREEN_CM - stiffest) / KNEE_TO_WALL_SCREEN_CM),
            Severity::Mild => severity_score(severity, mild_score),
        },
    })
}

/// Calf capacity (A2 design): under 20 reps is marked; a side under 90 % of the other is mild.
fn calf_finding(reps: SideCount) -> Option<Finding> {
    let low_left = reps.left < HEEL_RAISE_LOW; // rule A2
    let low_right = reps.right < HEEL_RAISE_LOW;
    let weak_left = f64::from(reps.left) < HEEL_RAISE_SYMMETRY * f64::from(reps.right); // rule A2
    let weak_right = f64::from(reps.right) < HEEL_RAISE_SYMMETRY * f64::from(reps.left);
    let side = side_of(low_left || weak_left, low_right || weak_right);
    if side == Side::None {
        return None;
    }
    let severity = if low_left || low_right { Severity::Marked } else { Severity::Mild };
    let explanation = match severity {
        Severity::Marked => format!(
            "Your calf {} managed fewer than 20 single-leg heel raises (about 21–25 is typical). Building calf strength is the core of the program: the loading ladder works on it.",
            on_side(side)
        ),
        Severity::Mild => format!(
            "Your {} calf did under 90 % of the other side's heel raises. The loading ladder works on closing the gap.",
            side_words(side)
        ),
    };
    Some(Finding {
        domain: Domain::CalfCapacity,
        side,
        severity,
        measurement: format!("single-leg heel raises left {}, right {}", reps.left, reps.right),
        explanation,
        exercises: strings(&["calf_loading"]),
        rules: strings(&["A2"]),
        severity_score: match severity {
            Severity::Marked => severity_score(severity, f64::from(HEEL_RAISE_LOW.saturating_sub(reps.left.min(reps.right))) / f64::from(HEEL_RAISE_LOW)),
            Severity::Mild => {
                let (weak, strong) = (f64::from(reps.left.min(reps.right)), f64::from(reps.left.max(reps.right)));
                severity_score(severity, if strong > 0.0 { (HEEL_RAISE_SYMMETRY - weak / strong) / HEEL_RAISE_SYMMETRY } else { 0.0 })
            }
        },
    })
}

fn grade_score(grade: TestGrade) -> u8 {
    match grade {
        TestGrade::Pass => 0,
        TestGrade::Partial => 1,
        TestGrade::Fail => 2,
    }
}

fn grade_word(grade: TestGrade) -> &'static str {
    match grade {
        TestGrade::Pass => "pass",
        TestGrade::Partial => "partial",
        TestGrade::Fail => "fail",
    }
}

/// Foot intrinsics (A3): any fail is marked, any partial is mild (no PF cut-off exists).
fn foot_finding(toe_grip: Option<SideGrade>, arch: Option<SideGrade>) -> Option<Finding> {
    let grades: Vec<(&str, SideGrade)> = [("toe grip", toe_grip), ("arch control", arch)]
        .into_iter()
        .filter_map(|(name, grade)| grade.map(|g| (name, g)))
        .collect();
    let worst = |pick: fn(&SideGrade) -> TestGrade| grades.iter().map(|(_, g)| grade_score(pick(g))).max().unwrap_or(0);
    let (left, right) = (worst(|g| g.left), worst(|g| g.right));
    let side = side_of(left > 0, right > 0);
    if side == Side::None {
        return None;
    }
    let severity = if left.max(right) >= 2 { Severity::Marked } else { Severity::Mild };
    let measurement = grades
        .iter()
        .map(|(name, g)| format!("{name} left {}, right {}", grade_word(g.left), grade_word(g.right)))
        .collect::<Vec<_>>()
        .join("; ");
    Some(Finding {
        domain: Domain::FootIntrinsics,
        side,
        severity,
        measurement,
        explanation: format!(
            "The small muscles under your foot {} did not fully pass the toe-grip or arch test. Strengthening them is something to work on with towel scrunches and the short-foot exercise.",
            on_side(side)
        ),
        exercises: strings(&["towel_scrunch", "short_foot"]),
        rules: strings(&["A3", "L4"]),
        // A3 has no cut-off: a fail on both tests scores highest, one partial lowest.
        severity_score: severity_score(severity, grades.iter().map(|(_, g)| f64::from(grade_score(g.left) + grade_score(g.right))).sum::<f64>() / 8.0),
    })
}

fn squat_word(q: SquatQuality) -> &'static str {
    match q {
        SquatQuality::Good => "good",
        SquatQuality::Fair => "fair",
        SquatQuality::Poor => "poor",
    }
}

/// Hip control (A4): poor is marked, fair is mild.
fn hip_finding(squat: Option<SideSquat>) -> Option<Finding> {
    let squat = squat?;
    let bad = |q: SquatQuality| q != SquatQuality::Good;
    let side = side_of(bad(squat.left), bad(squat.right));
    if side == Side::None {
        return None;
    }
    let severity = if squat.left == SquatQuality::Poor || squat.right == SquatQuality::Poor { Severity::Marked } else { Severity::Mild };
    Some(Finding {
        domain: Domain::HipControl,
        side,
        severity,
        measurement: format!("single-leg squat left {}, right {}", squat_word(squat.left), squat_word(squat.right)),
        explanation: format!(
            "Your knee drifted in during the single-leg squat {}. Hip strength and control is something to work on with side-lying lifts, clamshells and bridges.",
            on_side(side)
        ),
        exercises: strings(&["side_lying_hip_abduction", "clamshell", "single_leg_bridge"]),
        rules: strings(&["A4"]),
        // A4 is a 3-point visual rating: both sides below "good" scores higher than one.
        severity_score: severity_score(severity, if squat.left != SquatQuality::Good && squat.right != SquatQuality::Good { 0.5 } else { 0.25 }),
    })
}

/// Balance (A5 design): eyes-open stance under 30 s; under 15 s is marked.
fn balance_finding(seconds: Option<SideMeasure>) -> Option<Finding> {
    let s = seconds?;
    let side = side_of(s.left < BALANCE_FINDING_S, s.right < BALANCE_FINDING_S);
    if side == Side::None {
        return None;
    }
    let severity = if s.left.min(s.right) < BALANCE_MARKED_S { Severity::Marked } else { Severity::Mild };
    Some(Finding {
        domain: Domain::Balance,
        side,
        severity,
        measurement: format!("single-leg stance eyes open left {:.0} s, right {:.0} s", s.left, s.right),
        explanation: format!(
            "You stood on one leg for less than 30 seconds {}. Balance is something to work on with the single-leg balance ladder.",
            on_side(side)
        ),
        exercises: strings(&["single_leg_balance"]),
        rules: strings(&["A5", "L4"]),
        severity_score: match severity {
            Severity::Marked => severity_score(severity, (BALANCE_MARKED_S - s.left.min(s.right)) / BALANCE_MARKED_S),
            Severity::Mild => severity_score(severity, (BALANCE_FINDING_S - s.left.min(s.right)) / BALANCE_FINDING_S),
        },
    })
}

/// Gait (A6): overstriding is a mild finding answered by the cadence drill. No cadence norm exists,
/// so the step rate alone never makes a finding (never a fixed 180).
fn gait_finding(answers: &AssessmentAnswers) -> Option<Finding> {
    if answers.overstride != Some(true) {
        return None;
    }
    let measurement = match answers.cadence_spm {
        Some(spm) => format!("foot lands ahead of the knee (self-report); step rate {spm} spm"),
        None => "foot lands ahead of the knee (self-report)".to_string(),
    };
    Some(Finding {
        domain: Domain::Gait,
        side: Side::None,
        severity: Severity::Mild,
        measurement,
        explanation: "Your foot lands well ahead of your knee. Slightly shorter, quicker steps (+5–10 % step rate) reduce braking: something to work on with the cadence drill.".to_string(),
        exercises: strings(&["cadence_drill"]),
        rules: strings(&["A6"]),
        // A6: a self-reported overstride has no measured distance; it ranks after measured mild findings.
        severity_score: severity_score(Severity::Mild, 0.0),
    })
}

/// Training load (A7): weekly increase > 30 % or a long run > 10 % over the previous 30 days'
/// longest; surface/shoe change or long hours on the feet count as mild factors.
fn load_finding(answers: &AssessmentAnswers) -> Option<Finding> {
    let mut spikes = Vec::new();
    let mut factors = Vec::new();
    let mut doubled = false;
    if let (Some(now), Some(before)) = (answers.weekly_km_now, answers.weekly_km_4_weeks_ago) {
        if before > 0.0 && now > before * (1.0 + WEEKLY_INCREASE_LIMIT) {
            spikes.push(format!("weekly distance rose from {before:.0} to {now:.0} km (+{:.0} %)", (now / before - 1.0) * 100.0));
        }
    }
    if let (Some(recent), Some(prior)) = (answers.longest_run_km_recent, answers.longest_run_km_prior_30d) {
        if prior > 0.0 && recent > prior * (1.0 + LONG_RUN_SPIKE) {
            doubled = recent > prior * (1.0 + LONG_RUN_DOUBLE);
            spikes.push(format!("your longest run went from {prior:.0} to {recent:.0} km (+{:.0} %)", (recent / prior - 1.0) * 100.0));
        }
    }
    if answers.surface_change == Some(true) {
        factors.push("a change of running surface".to_string());
    }
    if answers.shoe_change == Some(true) {
        factors.push("a change of shoes".to_string());
    }
    let changes = factors.clone();
    let hours_on_feet = answers.hours_on_feet_per_day.filter(|h| *h >= HOURS_ON_FEET_FLAG); // rule A7 (Riddle)
    if let Some(hours) = hours_on_feet {
        factors.push(format!("{} hours a day on your feet", hours_words(hours)));
    }
    if spikes.is_empty() && factors.is_empty() {
        return None;
    }
    let severity = if spikes.len() >= 2 || doubled { Severity::Marked } else { Severity::Mild };
    let mut parts = spikes.clone();
    parts.extend(factors.iter().cloned());
    if answers.race_build_up == Some(true) {
        parts.push("a race build-up".to_string());
    }
    let mut sentences = Vec::new();
    if !spikes.is_empty() {
        sentences.push("Your running load rose quickly. Spreading increases out and keeping single runs within about 10 % of your longest recent run is something to work on; the running guidance helps each day.".to_string());
    } else if !changes.is_empty() {
        sentences.push(format!("Recent changes can add load to the heel ({}). Keep them gradual while the heel settles.", changes.join(", ")));
    }
    if let Some(hours) = hours_on_feet {
        // rule A7 (Riddle 2003): long hours standing or walking at work add load too.
        sentences.push(format!(
            "About {} hours a day on your feet at work adds load too: wear cushioned, supportive shoes at work and take short sitting breaks through the day.",
            hours_words(hours)
        ));
    }
    let explanation = sentences.join(" ");
    Some(Finding {
        domain: Domain::TrainingLoad,
        side: Side::None,
        severity,
        measurement: parts.join("; "),
        explanation,
        exercises: vec![],
        rules: strings(&["A7"]),
        // No exercise answers it (the running guidance does), so its rank never takes a V1 slot.
        severity_score: severity_score(severity, 0.0),
    })
}

/// Hours as a runner says them: "9", "8.5".
fn hours_words(hours: f64) -> String {
    if hours.fract() == 0.0 { format!("{hours:.0}") } else { format!("{hours:.1}") }
}

/// All findings from validated answers, in chain order (ankle → load).
pub(crate) fn findings_for(answers: &AssessmentAnswers, checked: &CheckedAnswers) -> Vec<Finding> {
    [
        checked.knee_to_wall_cm.and_then(ankle_finding),
        checked.heel_raise_reps.and_then(calf_finding),
        foot_finding(answers.toe_grip, answers.arch_control),
        hip_finding(answers.single_leg_squat),
        balance_finding(answers.balance_seconds),
        gait_finding(answers),
        load_finding(answers),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn change(item_id: &str, side: Side, previous: f64, current: f64, noise: f64, unit: &str) -> AssessmentChange {
    let delta = current - previous;
    // Round to 0.01 so a change typed as exactly the threshold counts (rule A1/A2 noise limits).
    let meaningful = (delta.abs() * 100.0).round() / 100.0 >= noise;
    let direction = if delta > 0.0 { "up" } else { "down" };
    let label = if item_id == "knee_to_wall_cm" { "Knee-to-wall" } else { "Single-leg heel raises" };
    let description = if meaningful {
        format!("{} {}: {previous:.1} → {current:.1} {unit}, {direction} {:.1} — a real change (beyond the test's noise of {noise} {unit}).", label, side_words(side), delta.abs())
    } else {
        format!("{} {}: {previous:.1} → {current:.1} {unit} — within the test's noise of {noise} {unit}, so no clear change yet.", label, side_words(side))
    };
    AssessmentChange { item_id: item_id.into(), side, previous, current, change: delta, meaningful, description }
}

/// Changes of the measured tests present in both assessments (an urgent screen has none).
fn changes_since(now: &CheckedAnswers, before: &CheckedAnswers) -> Vec<AssessmentChange> {
    let mut changes = Vec::new();
    if let (Some(k_now), Some(k_before)) = (now.knee_to_wall_cm, before.knee_to_wall_cm) {
        changes.push(change("knee_to_wall_cm", Side::Left, k_before.left, k_now.left, KNEE_TO_WALL_NOISE_CM, "cm")); // rule A1
        changes.push(change("knee_to_wall_cm", Side::Right, k_before.right, k_now.right, KNEE_TO_WALL_NOISE_CM, "cm"));
    }
    if let (Some(r_now), Some(r_before)) = (now.heel_raise_reps, before.heel_raise_reps) {
        changes.push(change("heel_raise_reps", Side::Left, f64::from(r_before.left), f64::from(r_now.left), HEEL_RAISE_NOISE, "reps")); // rule A2
        changes.push(change("heel_raise_reps", Side::Right, f64::from(r_before.right), f64::from(r_now.right), HEEL_RAISE_NOISE, "reps"));
    }
    changes
}

/// Evaluates an assessment: safety screen, findings, the program (none when urgent) and, with
/// `previous`, the changes since then. Every answer is validated first. An urgent screen (R1) ends
/// the assessment there: the physical tests are optional, and no findings or program result.
pub fn evaluate_assessment(answers: &AssessmentAnswers, previous: Option<&AssessmentAnswers>) -> Result<AssessmentResult> {
    let profile = ProfileAnswers { age_years: answers.age_years, weeks_since_onset: answers.weeks_since_onset };
    let safety = evaluate_screen(&answers.red_flags, profile)?;
    let urgent = safety.level == RedFlagLevel::Urgent; // rule R1
    let checked = check_answers(answers, !urgent)?;
    if urgent {
        return Ok(AssessmentResult { date: checked.date.iso(), safety, findings: vec![], program: None, changes: vec![] });
    }
    let changes = match previous {
        Some(before) => {
            let before_checked = check_answers(before, false).map_err(|e| CoreError::invalid("previous", e.to_string()))?;
            changes_since(&checked, &before_checked)
        }
        None => vec![],
    };
    let findings = findings_for(answers, &checked);
    let program = build_program(answers, &findings, &safety);
    Ok(AssessmentResult { date: checked.date.iso(), safety, findings, program, changes })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn base() -> AssessmentAnswers {
        serde_json::from_str(r#"{"date": "2026-09-01", "affected_side": "left", "first_step_pain": 4,
            "knee_to_wall_cm": {"left": 12.0, "right": 12.0}, "heel_raise_reps": {"left": 25, "right": 25}}"#)
        .unwrap()
    }

    fn domains(answers: &AssessmentAnswers) -> Vec<(Domain, Side, Severity)> {
        evaluate_assessment(answers, None).unwrap().findings.iter().map(|f| (f.domain, f.side, f.severity)).collect()
    }

    #[test]
    fn cli_example_parses_and_evaluates() {
        let text = r#"{"date": "2026-09-01", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 6, "red_flags": [], "knee_to_wall_cm": {"left": 6.0, "right": 11.0}, "heel_raise_reps": {"left": 14, "right": 24}, "toe_grip": {"left": "fail", "right": "pass"}, "arch_control": {"left": "partial", "right": "pass"}, "single_leg_squat": {"left": "fair", "right": "good"}, "balance_seconds": {"left": 40, "right": 45}, "cadence_spm": 158, "overstride": true, "weekly_km_now": 55, "weekly_km_4_weeks_ago": 35, "longest_run_km_recent": 28, "longest_run_km_prior_30d": 21, "surface_change": false, "shoe_change": true, "race_build_up": true, "hours_on_feet_per_day": 2}"#;
        let answers: AssessmentAnswers = serde_json::from_str(text).unwrap();
        let result = evaluate_assessment(&answers, None).unwrap();
        let got: Vec<_> = result.findings.iter().map(|f| (f.domain, f.side, f.severity)).collect();
        assert_eq!(got, vec![
            (Domain::AnkleMobility, Side::Left, Severity::Marked),
            (Domain::CalfCapacity, Side::Left, Severity::Marked),
            (Domain::FootIntrinsics, Side::Left, Severity::Marked),
            (Domain::HipControl, Side::Left, Severity::Mild),
            (Domain::Gait, Side::None, Severity::Mild),
            (Domain::TrainingLoad, Side::None, Severity::Marked),
        ]);
        let program = result.program.unwrap();
        assert_eq!(program.exercises[0].exercise_id, "plantar_fascia_stretch");
        assert_eq!(program.exercises[1].exercise_id, "calf_loading");
        assert_eq!(program.exercises[1].level, 1, "first-step pain 6 < 7 starts at L1");
        assert!(program.cadence_cue.unwrap().contains("158"));
    }

    #[test]
    fn knee_to_wall_asymmetry_boundary_is_1_5_cm() {
        let mut a = base();
        a.knee_to_wall_cm = Some(SideMeasure { left: 11.6, right: 13.0 }); // 1.4 cm
        assert!(domains(&a).is_empty());
        a.knee_to_wall_cm = Some(SideMeasure { left: 11.5, right: 13.0 }); // exactly 1.5 cm
        assert_eq!(domains(&a), vec![(Domain::AnkleMobility, Side::Left, Severity::Mild)]);
        a.knee_to_wall_cm = Some(SideMeasure { left: 9.9, right: 10.0 }); // below the 10 cm screen, within its noise
        assert_eq!(domains(&a), vec![(Domain::AnkleMobility, Side::Left, Severity::Mild)]);
    }

    /// rule A7 (Riddle 2003): 8 hours a day or more on the feet at work → footwear and sitting
    /// breaks in the training-load finding; under 8 h no finding from the hours alone.
    #[test]
    fn a7_long_hours_on_the_feet_get_footwear_and_sitting_break_advice() {
        let mut a = base();
        for hours in [8.0, 9.0] {
            a.hours_on_feet_per_day = Some(hours);
            let findings = evaluate_assessment(&a, None).unwrap().findings;
            let load = findings.iter().find(|f| f.domain == Domain::TrainingLoad).expect("a training-load finding");
            assert_eq!(load.severity, Severity::Mild);
            assert!(load.measurement.contains(&format!("{hours:.0} hours a day on your feet")), "{}", load.measurement);
            for needle in ["cushioned, supportive shoes at work", "sitting breaks"] {
                assert!(load.explanation.contains(needle), "{needle:?} in {}", load.explanation);
            }
            assert!(!load.explanation.contains("Recent changes"), "hours are not a recent change: {}", load.explanation);
        }
        a.hours_on_feet_per_day = Some(7.5);
        assert!(domains(&a).is_empty(), "under 8 h the hours alone are no finding");
        a.hours_on_feet_per_day = Some(8.5);
        a.shoe_change = Some(true);
        let load = evaluate_assessment(&a, None).unwrap().findings.remove(0);
        assert!(load.explanation.contains("a change of shoes") && load.explanation.contains("About 8.5 hours"), "{}", load.explanation);
    }

    /// rule A1 (design): a value within the MDC (1.9 cm) of the 10 cm screen is at most mild,
    /// whatever the difference between sides; "marked" needs a value below 8.1 cm.
    #[test]
    fn a1_knee_to_wall_within_the_noise_of_the_screen_is_never_marked() {
        let mut a = base();
        for (left, right) in [(9.5, 12.0), (9.5, 14.0), (8.1, 12.0), (9.0, 9.5)] {
            a.knee_to_wall_cm = Some(SideMeasure { left, right });
            let side = if right < 10.0 { Side::Both } else { Side::Left };
            assert_eq!(domains(&a), vec![(Domain::AnkleMobility, side, Severity::Mild)], "{left} / {right} cm");
        }
        a.knee_to_wall_cm = Some(SideMeasure { left: 9.5, right: 12.0 });
        let finding = evaluate_assessment(&a, None).unwrap().findings.remove(0);
        assert!(finding.explanation.contains("9.5 cm") && finding.explanation.contains("1.9 cm"), "{}", finding.explanation);
        a.knee_to_wall_cm = Some(SideMeasure { left: 8.0, right: 9.5 });
        assert_eq!(domains(&a), vec![(Domain::AnkleMobility, Side::Left, Severity::Marked)], "only the side below 8.1 cm is marked");
        a.knee_to_wall_cm = Some(SideMeasure { left: 8.09, right: 12.0 });
        assert_eq!(domains(&a), vec![(Domain::AnkleMobility, Side::Left, Severity::Marked)]);
    }

    #[test]
    fn heel_raise_boundary_is_20_reps_and_90_percent() {
        let mut a = base();
        a.heel_raise_reps = Some(SideCount { left: 20, right: 20 });
        assert!(domains(&a).is_empty());
        a.heel_raise_reps = Some(SideCount { left: 19, right: 20 });
        assert_eq!(domains(&a), vec![(Domain::CalfCapacity, Side::Left, Severity::Marked)]);
        a.heel_raise_reps = Some(SideCount { left: 27, right: 30 }); // exactly 90 %: fine
        assert!(domains(&a).is_empty());
        a.heel_raise_reps = Some(SideCount { left: 26, right: 30 }); // 86.7 %
        assert_eq!(domains(&a), vec![(Domain::CalfCapacity, Side::Left, Severity::Mild)]);
    }

    #[test]
    fn balance_boundary_is_30_seconds() {
        let mut a = base();
        a.balance_seconds = Some(SideMeasure { left: 30.0, right: 45.0 });
        assert!(domains(&a).is_empty());
        a.balance_seconds = Some(SideMeasure { left: 29.0, right: 45.0 });
        assert_eq!(domains(&a), vec![(Domain::Balance, Side::Left, Severity::Mild)]);
        a.balance_seconds = Some(SideMeasure { left: 14.0, right: 12.0 });
        assert_eq!(domains(&a), vec![(Domain::Balance, Side::Both, Severity::Marked)]);
    }

    #[test]
    fn inches_are_converted_and_both_units_rejected() {
        let mut a = base();
        a.knee_to_wall_cm = None;
        a.knee_to_wall_in = Some(SideMeasure { left: 2.0, right: 4.0 }); // 5.08 and 10.16 cm
        assert_eq!(domains(&a), vec![(Domain::AnkleMobility, Side::Left, Severity::Marked)]);
        a.knee_to_wall_cm = Some(SideMeasure { left: 5.0, right: 10.0 });
        assert!(matches!(evaluate_assessment(&a, None), Err(CoreError::Invalid { .. })));
        a.knee_to_wall_cm = None;
        a.knee_to_wall_in = Some(SideMeasure { left: 12.0, right: 4.0 });
        let err = evaluate_assessment(&a, None).unwrap_err().to_string();
        assert!(err.contains("the left side") && err.contains("11.81"), "{err}");
    }

    #[test]
    fn bad_answers_name_the_field_and_range() {
        type Mutation = Box<dyn Fn(&mut AssessmentAnswers)>;
        // Out of range: the field and the allowed range stay data; the message is plain words.
        let ranges: Vec<(Mutation, &str, &str, &str)> = vec![
            (Box::new(|a| a.first_step_pain = 11), "first_step_pain", "0..=10", "Enter 0–10 for first-step pain (you entered 11)"),
            (Box::new(|a| a.knee_to_wall_cm = Some(SideMeasure { left: 31.0, right: 5.0 })), "knee_to_wall_cm.left", "0..=30", "Enter 0–30 cm for the left side (you entered 31)"),
            (Box::new(|a| a.knee_to_wall_cm = Some(SideMeasure { left: -1.0, right: 5.0 })), "knee_to_wall_cm.left", "0..=30", "(you entered -1)"),
            (Box::new(|a| a.knee_to_wall_cm = Some(SideMeasure { left: f64::NAN, right: 5.0 })), "knee_to_wall_cm.left", "0..=30", "(you entered NaN)"),
            (Box::new(|a| a.heel_raise_reps = Some(SideCount { left: 10, right: 201 })), "heel_raise_reps.right", "0..=200", "Enter 0–200 raises for the right side (you entered 201)"),
            (Box::new(|a| a.balance_seconds = Some(SideMeasure { left: 46.0, right: 5.0 })), "balance_seconds.left", "0..=45", "Enter 0–45 seconds for the left side"),
            (Box::new(|a| a.cadence_spm = Some(99)), "cadence_spm", "100..=240", "Enter 100–240 steps a minute for your step rate (you entered 99)"),
            (Box::new(|a| a.weekly_km_now = Some(401.0)), "weekly_km_now", "0..=400", "Enter 0–400 km for your weekly distance now (you entered 401)"),
            (Box::new(|a| a.hours_on_feet_per_day = Some(25.0)), "hours_on_feet_per_day", "0..=24", "Enter 0–24 hours for time on your feet a day"),
            (Box::new(|a| a.weeks_since_onset = Some(521)), "weeks_since_onset", "0..=520", "Enter 0–520 weeks for how long ago the pain began"),
            (Box::new(|a| a.age_years = Some(121)), "age_years", "0..=120", "Enter 0–120 years for your age (you entered 121)"),
        ];
        for (mutate, field, allowed, words) in ranges {
            let mut a = base();
            mutate(&mut a);
            let err = evaluate_assessment(&a, None).unwrap_err();
            let message = err.to_string();
            match err {
                CoreError::OutOfRange { field: f, allowed: r, .. } => assert_eq!((f.as_str(), r.as_str()), (field, allowed)),
                other => panic!("{field}: expected out of range, got {other:?}"),
            }
            assert!(message.contains(words) && !message.contains("..=") && !message.contains('_'), "{message:?} should contain {words:?}");
        }
        // Wrong form or missing: the field stays data, the message names it in words.
        let others: Vec<(Mutation, &str, &str)> = vec![
            (Box::new(|a| a.clinician_cleared_on = Some("yesterday".into())), "clinician_cleared_on", "a date such as 2026-03-01"),
            (Box::new(|a| a.date = "2026-13-01".into()), "date", "The date"),
            (Box::new(|a| a.knee_to_wall_cm = None), "knee_to_wall_cm", "Knee-to-wall: give knee-to-wall for each side in cm (0–30) or in inches"),
            (Box::new(|a| a.heel_raise_reps = None), "heel_raise_reps", "Single-leg heel raises: give single-leg heel raises for each side (0–200)"),
        ];
        for (mutate, field, words) in others {
            let mut a = base();
            mutate(&mut a);
            let err = evaluate_assessment(&a, None).unwrap_err();
            let message = err.to_string();
            match err {
                CoreError::Invalid { field: f, .. } | CoreError::Missing { field: f, .. } => assert_eq!(f, field),
                other => panic!("{field}: expected invalid or missing, got {other:?}"),
            }
            assert!(message.contains(words), "{message:?} should contain {words:?}");
        }
        let mut a = base();
        a.red_flags = vec!["sore".into()];
        let err = evaluate_assessment(&a, None).unwrap_err().to_string();
        assert!(err.contains("unknown red flag question"), "{err}");
    }

    #[test]
    fn urgent_flag_ends_at_the_screen_without_tests() {
        // rule R1: only date, side, first-step pain and the flags are needed; nothing else results.
        let urgent: AssessmentAnswers = serde_json::from_str(
            r#"{"date": "2026-09-01", "affected_side": "left", "first_step_pain": 6, "red_flags": ["sudden_pop_arch_drop"]}"#,
        )
        .unwrap();
        let result = evaluate_assessment(&urgent, None).unwrap();
        assert_eq!(result.safety.level, RedFlagLevel::Urgent);
        assert!(result.program.is_none() && result.findings.is_empty() && result.changes.is_empty());
        // Physical answers that are given are still checked.
        let mut bad = urgent.clone();
        bad.heel_raise_reps = Some(SideCount { left: 201, right: 3 });
        assert!(evaluate_assessment(&bad, None).unwrap_err().located().contains("heel_raise_reps.left must be in 0..=200"));
        // Without the urgent flag the tests are required again.
        let mut refer = urgent;
        refer.red_flags = vec!["diabetes".into()];
        assert!(evaluate_assessment(&refer, None).unwrap_err().located().contains("knee_to_wall_cm is required"));
    }

    #[test]
    fn urgent_flag_gives_no_program_and_refer_a_caution() {
        let mut a = base();
        a.red_flags = vec!["fever_or_hot_red_heel".into()];
        assert!(evaluate_assessment(&a, None).unwrap().program.is_none());
        a.red_flags = vec!["night_or_rest_pain".into()];
        assert!(evaluate_assessment(&a, None).unwrap().program.unwrap().caution.is_some());
    }

    #[test]
    fn reassessment_reports_change_only_beyond_noise() {
        let before = base();
        let mut now = base();
        now.knee_to_wall_cm = Some(SideMeasure { left: 13.9, right: 13.8 }); // +1.9 / +1.8 cm
        now.heel_raise_reps = Some(SideCount { left: 32, right: 31 }); // +7 / +6 reps
        let changes = evaluate_assessment(&now, Some(&before)).unwrap().changes;
        let meaningful: Vec<_> = changes.iter().map(|c| (c.item_id.as_str(), c.side, c.meaningful)).collect();
        assert_eq!(meaningful, vec![
            ("knee_to_wall_cm", Side::Left, true),
            ("knee_to_wall_cm", Side::Right, false),
            ("heel_raise_reps", Side::Left, true),
            ("heel_raise_reps", Side::Right, false),
        ]);
    }

    #[test]
    fn catalogue_lists_required_tests_with_ranges() {
        let catalogue = assessment_catalogue();
        let knee = catalogue.iter().find(|i| i.id == "knee_to_wall_cm").unwrap();
        assert!(knee.required && knee.per_side && knee.max == 30.0);
        let reps = catalogue.iter().find(|i| i.id == "heel_raise_reps").unwrap();
        assert!(reps.required && reps.max == 200.0);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn real() -> impl Strategy<Value = f64> {
        prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-0.0), -50.0f64..500.0]
    }

    proptest! {
        /// Any measurement either evaluates or is rejected with a typed error — never a panic — and
        /// accepted ones produce a program unless the screen is urgent.
        #[test]
        fn any_answers_evaluate_or_are_rejected(
            k in (real(), real()), reps in (0u32..300, 0u32..300), bal in (real(), real()),
            pain in 0u8..=20, km in (real(), real(), real(), real()), hours in real(), cadence in 0u32..400,
        ) {
            let answers = AssessmentAnswers {
                date: "2026-09-01".into(), affected_side: Side::Left, weeks_since_onset: Some(3), age_years: None, clinician_cleared_on: None, first_step_pain: pain,
                red_flags: vec![], knee_to_wall_cm: Some(SideMeasure { left: k.0, right: k.1 }), knee_to_wall_in: None,
                heel_raise_reps: Some(SideCount { left: reps.0, right: reps.1 }), toe_grip: None, arch_control: None,
                single_leg_squat: None, balance_seconds: Some(SideMeasure { left: bal.0, right: bal.1 }),
                cadence_spm: Some(cadence), overstride: Some(true), weekly_km_now: Some(km.0), weekly_km_4_weeks_ago: Some(km.1),
                longest_run_km_recent: Some(km.2), longest_run_km_prior_30d: Some(km.3), surface_change: None,
                shoe_change: None, race_build_up: None, hours_on_feet_per_day: Some(hours), race: None,
            };
            match evaluate_assessment(&answers, None) {
                Ok(result) => prop_assert!(result.program.is_some()),
                Err(err) => prop_assert!(!err.to_string().is_empty()),
            }
        }
    }
}
