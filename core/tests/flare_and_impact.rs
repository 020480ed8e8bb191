//! Issue 27's histories through the public `FirstStep` object on a real journal file:
//! rule P7 (a flare acts the same morning) and rule P8 (the impact gate for hopping levels).

use firststep_core::api::{FirstStep, Moment};
use firststep_core::model::{DayPlan, DecisionAction};
use jiff::civil::Date;

/// 08:00 UTC on `date`.
fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(8, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

fn date(start: &str, offset: i32) -> String {
    let d: Date = start.parse().unwrap();
    d.checked_add(jiff::Span::new().days(i64::from(offset))).unwrap().to_string()
}

struct Runner {
    _dir: tempfile::TempDir,
    app: std::sync::Arc<FirstStep>,
}

/// Right heel, first-step pain `pain` at the assessment; a weak foot and hip on the right, so the
/// program holds the foot ladder (it hops at its top) and the hip ladder (hop and stick).
fn assessed(on: &str, pain: u8) -> Runner {
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("journal.db").to_string_lossy().into_owned()).unwrap();
    let answers = format!(
        r#"{{"date": "{on}", "affected_side": "right", "weeks_since_onset": 8, "red_flags": [], "first_step_pain": {pain},
            "knee_to_wall_cm": {{"left": 12.0, "right": 12.0}}, "heel_raise_reps": {{"left": 25, "right": 24}},
            "toe_grip": {{"left": "pass", "right": "fail"}}, "arch_control": {{"left": "pass", "right": "fail"}},
            "single_leg_squat": {{"left": "good", "right": "poor"}}, "balance_seconds": {{"left": 40, "right": 40}}}}"#
    );
    let result = app.submit_assessment_json(at(on), answers).unwrap();
    let ids: Vec<&str> = result.program.as_ref().unwrap().exercises.iter().map(|e| e.exercise_id.as_str()).collect();
    assert!(ids.contains(&"towel_scrunch") && ids.contains(&"side_lying_hip_abduction"), "{ids:?}");
    Runner { _dir: dir, app }
}

impl Runner {
    /// One day as the app lives it: the morning pain, the hop check when today's plan asks for it
    /// (answered with `hop_pain`), then every exercise of today's plan at session pain 2.
    fn day(&self, on: &str, pain: i64, train: bool, hop_pain: Option<i64>) -> DayPlan {
        self.app.log_pain(at(on), None, pain, None, None).unwrap();
        let mut plan = self.app.today_plan(at(on)).unwrap();
        if let (Some(_), Some(hop)) = (&plan.hop_check_question, hop_pain) {
            let check = self.app.record_hop_check(at(on), hop).unwrap();
            assert_eq!(check.passed, hop <= 2);
            plan = self.app.today_plan(at(on)).unwrap();
        }
        if train {
            for e in &plan.exercises {
                let (reps, hold) = match e.reps { Some(r) => (Some(i64::from(r)), None), None => (None, e.hold_seconds.map(i64::from)) };
                self.app.log_session(at(on), None, e.exercise_id.clone(), i64::from(e.sets), reps, hold, 2, true, None, None).unwrap();
            }
        }
        plan
    }

    fn stored_level(&self, id: &str) -> u32 {
        self.app.program().unwrap().unwrap().exercises.iter().find(|e| e.exercise_id == id).unwrap().level
    }
}

fn names(plan: &DayPlan) -> Vec<String> {
    plan.exercises.iter().map(|e| e.level_name.to_lowercase()).collect()
}

/// Mornings 6 → 1 from 2026-09-20, then 1 to 10-25 (issue 27, item 1).
fn falling(offset: i32) -> i64 {
    [6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2].get(offset as usize).copied().unwrap_or(1)
}

/// rule P7: the issue's history, with (`rest_day`) or without a rest day on 10-25.
fn flare_after(rest_day: bool) {
    let runner = assessed("2026-09-20", 6);
    for offset in 0..=35 {
        let on = date("2026-09-20", offset);
        let train = !(rest_day && on == "2026-10-25");
        runner.day(&on, falling(offset), train, Some(1));
    }
    // Before the flare: the backpack stage and both hopping levels were reached (hop check passed).
    let before = runner.app.plan_for("2026-10-25".into()).unwrap();
    assert_eq!(runner.stored_level("calf_loading"), 3, "4×10 with a backpack on 10-25: {:?}", names(&before));
    assert_eq!(runner.stored_level("side_lying_hip_abduction"), 4, "hop and stick on 10-25");
    assert_eq!(runner.stored_level("towel_scrunch"), 3, "single-leg hops on 10-25");

    // 2026-10-26: pain 6 — a flare. The confirmation itself says so.
    let log = runner.app.log_pain(at("2026-10-26"), None, 6, None, None).unwrap();
    let note = log.flare.as_ref().expect("the pain confirmation shows the flare");
    assert_eq!(note.rule, "P7");
    assert!(note.text.contains("no backpack load and no hops") && !note.text.contains("P7"), "{}", note.text);
    let regressed: Vec<(&str, u32, u32, &str)> = log
        .decisions
        .iter()
        .filter(|d| d.action == DecisionAction::Regress)
        .map(|d| (d.exercise_id.as_str(), d.from_level, d.to_level, d.rule.as_str()))
        .collect();
    for want in [("calf_loading", 3, 2, "P7"), ("towel_scrunch", 3, 2, "P7"), ("side_lying_hip_abduction", 4, 3, "P7")] {
        assert!(regressed.contains(&want), "{want:?} in {regressed:?}");
    }
    // Today's plan: no backpack 4×10, no hop and stick, no hops at all.
    let plan = runner.app.today_plan(at("2026-10-26")).unwrap();
    let shown = names(&plan);
    assert!(shown.iter().all(|n| !n.contains("backpack") && !n.contains("hop")), "{shown:?}");
    assert!(plan.exercises.iter().all(|e| e.load.is_none() || !e.load.as_deref().unwrap().contains("backpack")), "{shown:?}");
    assert_eq!(plan.flare.as_ref().map(|n| n.rule.as_str()), Some("P7"));
    // Home and progress show it; the stored decision is dated that morning and cites P7.
    let home = runner.app.home(at("2026-10-26")).unwrap();
    assert!(home.plan.as_ref().and_then(|p| p.flare.as_ref()).is_some(), "home shows the flare");
    let progress = runner.app.progress(at("2026-10-26"), None).unwrap();
    let stored: Vec<_> = progress.decisions.iter().filter(|d| d.date == "2026-10-26" && d.rule == "P7").collect();
    assert!(stored.iter().any(|d| d.exercise_id == "calf_loading" && d.action == DecisionAction::Regress), "{stored:?}");
    assert!(stored.iter().all(|d| !d.reason.contains("rule P") && !d.reason.contains(" L2 ")), "X4: {stored:?}");
    for e in &plan.exercises {
        runner.app.log_session(at("2026-10-26"), None, e.exercise_id.clone(), i64::from(e.sets), e.reps.map(i64::from), e.reps.map_or(e.hold_seconds.map(i64::from), |_| None), 3, true, None, None).unwrap();
    }

    // 2026-10-27: still 5 — the same flare. No second level for it (design choice, rule P7).
    let next = runner.app.log_pain(at("2026-10-27"), None, 5, None, None).unwrap();
    assert!(next.flare.is_some(), "5 is still 2 above the usual mornings");
    assert!(next.decisions.iter().all(|d| d.action != DecisionAction::Regress), "{:?}", next.decisions);
    assert_eq!(
        (runner.stored_level("calf_loading"), runner.stored_level("towel_scrunch"), runner.stored_level("side_lying_hip_abduction")),
        (2, 2, 3)
    );
    // 2026-10-28: 7, worse than the flare's first morning — one more level.
    let worse = runner.app.log_pain(at("2026-10-28"), None, 7, None, None).unwrap();
    assert!(worse.decisions.iter().any(|d| d.exercise_id == "calf_loading" && d.action == DecisionAction::Regress && d.rule == "P7"), "{:?}", worse.decisions);
}

#[test]
fn p7_a_flare_after_a_rest_day_cuts_the_load_that_morning() {
    flare_after(true);
}

#[test]
fn p7_a_flare_after_a_session_cuts_the_load_that_morning() {
    flare_after(false);
}

#[test]
fn p8_a_marathoner_at_a_mean_of_4_9_never_gets_single_leg_hops() {
    let runner = assessed("2026-09-01", 5);
    let week = [5, 5, 5, 5, 5, 5, 4]; // 7-day mean 4.9
    for offset in 0..70 {
        let plan = runner.day(&date("2026-09-01", offset), week[(offset % 7) as usize], true, Some(0));
        assert!(plan.hop_check_question.is_none(), "no hop check on a 5/10 heel");
        assert!(names(&plan).iter().all(|n| !n.contains("hop")), "day {offset}: {:?}", names(&plan));
    }
    assert_eq!(runner.stored_level("towel_scrunch"), 2, "standing short foot, held below the hops");
    let decisions = runner.app.decisions("2026-09-01".into(), "2026-11-09".into()).unwrap();
    let held = decisions.iter().find(|d| d.exercise_id == "towel_scrunch" && d.rule == "P8").expect("a P8 hold");
    assert!(held.reason.contains("averaging 2 or less over the last 7 days (yours is 4.9)") && held.reason.contains("hop check"), "{}", held.reason);
    assert!(!held.reason.contains("rule P") && !held.reason.contains("L3"), "X4: {}", held.reason);
}

#[test]
fn p8_a_flat_5_runner_never_gets_hop_and_stick() {
    let runner = assessed("2026-09-01", 5);
    for offset in 0..42 {
        let plan = runner.day(&date("2026-09-01", offset), 5, true, Some(0));
        assert!(names(&plan).iter().all(|n| !n.contains("hop and stick")), "day {offset}: {:?}", names(&plan));
    }
    assert_eq!(runner.stored_level("side_lying_hip_abduction"), 3, "step-down, held below hop and stick");
}

#[test]
fn p8_calm_mornings_and_a_passed_hop_check_give_the_hop_level() {
    let runner = assessed("2026-09-01", 3);
    let mut asked = None;
    let mut hopped = None;
    for offset in 0..35 {
        let on = date("2026-09-01", offset);
        // Before the check is answered, the plan asks for it and holds the hops.
        let answer = if offset >= 24 { Some(1) } else { None };
        let plan = runner.day(&on, if offset < 3 { 3 } else { 2 }, true, answer);
        if asked.is_none() && plan.hop_check_question.is_some() {
            asked = Some(on.clone());
            let hold = plan.impact_hold.as_ref().map(|n| n.rule.clone());
            assert!(hold.is_none() || hold.as_deref() == Some("P8"));
        }
        if hopped.is_none() && names(&plan).iter().any(|n| n.contains("single-leg hops")) {
            hopped = Some(on);
        }
    }
    let asked = asked.expect("the hop check is asked when the hops are next");
    let hopped = hopped.expect("with calm mornings and a passed hop check the hop level is given");
    assert!(asked < hopped && hopped.as_str() >= "2026-09-25", "asked {asked}, hopped {hopped}");
    assert!(runner.app.hop_checks().unwrap().iter().any(|c| c.passed && c.pain == 1));
    // Bad input: a typed error naming the field and range, nothing written.
    let before = runner.app.hop_checks().unwrap().len();
    let err = runner.app.record_hop_check(at("2026-10-05"), 11).unwrap_err();
    assert!(matches!(&err, firststep_core::FirstStepError::InvalidInput { field, allowed: Some(a), .. } if field == "pain" && a == "0..=10"), "{err:?}");
    assert_eq!(err.to_string(), "Enter 0–10 for pain (you entered 11)");
    assert_eq!(runner.app.hop_checks().unwrap().len(), before);
}
