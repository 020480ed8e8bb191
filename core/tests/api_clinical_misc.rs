//! Clinical judgement, round 3 (issue 27), through the public `FirstStep` object on real journal
//! files: adherence counts what the runner was shown (RR3), the assessment's morning pain is that
//! day's morning log (M1, P3), knee-to-wall within the test's noise is never "marked" (A1), the
//! trend and the home screen agree with the referral and the summary (R4, V1), long hours on the
//! feet get advice (A7, E5), and the 6-week banner names the guideline's options (R4, G).

use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::clinical::ReferralLevel;
use firststep_core::model::RedFlagLevel;
use jiff::civil::Date;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(8, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

fn add_days(date: &str, days: i64) -> String {
    let d: Date = date.parse().unwrap();
    d.checked_add(jiff::Span::new().days(days)).unwrap().to_string()
}

fn open_temp() -> (tempfile::TempDir, Arc<FirstStep>) {
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("journal.db").to_string_lossy().into_owned()).unwrap();
    (dir, app)
}

/// Answers for `date` with the given red flags and extra JSON fields; pain 5, no findings.
fn answers(date: &str, flags: &[&str], extra: &str) -> String {
    let flags = serde_json::to_string(flags).unwrap();
    format!(
        r#"{{"date": "{date}", "affected_side": "left", "weeks_since_onset": 8, "first_step_pain": 5, "red_flags": {flags},
            "knee_to_wall_cm": {{"left": 12.0, "right": 12.0}}, "heel_raise_reps": {{"left": 25, "right": 25}}{extra}}}"#
    )
}

/// Logs every exercise of `date`'s plan as done at the plan's own dose.
fn do_the_plan(app: &FirstStep, date: &str) -> Vec<String> {
    let plan = app.plan_for(date.into()).unwrap();
    for e in &plan.exercises {
        let (reps, hold) = match (e.reps, e.hold_seconds) {
            (Some(r), _) => (Some(i64::from(r)), None),
            (None, h) => (None, Some(i64::from(h.unwrap_or(30)))),
        };
        app.log_session(at(date), Some(date.into()), e.exercise_id.clone(), i64::from(e.sets), reps, hold, 1, true, None, None)
            .unwrap_or_else(|err| panic!("{date} {}: {err:?}", e.exercise_id));
    }
    plan.exercises.into_iter().map(|e| e.exercise_id).collect()
}

/// rule RR3: under the no-impact screen (R2) the calf ladder is hidden; a runner who does every
/// exercise shown is at 100 %, in the trend, the clinician summary and R4's 70 % gate.
#[test]
fn rr3_adherence_counts_only_the_exercises_shown_under_the_no_impact_screen() {
    let (_dir, app) = open_temp();
    let start = "2026-09-01";
    let result = app.submit_assessment_json(at(start), answers(start, &["progressive_pain_or_heel_squeeze_pain"], "")).unwrap();
    assert_eq!(result.safety.level, RedFlagLevel::ReferNoImpact);
    let end = add_days(start, 44); // 6 weeks and 2 days
    for i in 0..=44 {
        let date = add_days(start, i);
        app.log_pain(at(&date), Some(date.clone()), 5, None, None).unwrap();
        let done = do_the_plan(&app, &date);
        assert!(!done.iter().any(|id| id == "calf_loading"), "R2 hides the ladder: {done:?}");
    }
    let trend = app.trend(end.clone(), 12).unwrap();
    let (planned, done) = trend.weekly.iter().fold((0, 0), |(p, d), w| (p + w.sessions_planned, d + w.sessions_done));
    assert!(planned > 0);
    assert_eq!(done, planned, "every exercise shown was done: {:?}", trend.weekly);

    let summary = app.clinician_summary(at(&end)).unwrap().html;
    assert!(summary.contains(&format!(r#"data-k="sessions_total">{done}/{planned}<"#)), "summary totals");
    assert!(summary.contains(r#"data-k="adherence_total">100 %<"#), "summary adherence");

    // rule R4: 6 weeks of full adherence without improvement (flat 5/10) → the banner.
    let home = app.home(at(&end)).unwrap();
    let referral = home.referral.expect("6 weeks at 100 % of what was shown, no improvement");
    assert_eq!(referral.level, ReferralLevel::Advised);
    assert!(referral.text.contains("100 %"), "{}", referral.text);
    // Issue 27 item 14 (rule R4, G): the 6-week banner names the options to ask a clinician about.
    for needle in ["Manual therapy", "Taping", "night splint", "orthoses"] {
        assert!(referral.options.iter().any(|o| o.contains(needle)), "{needle:?} in {:?}", referral.options);
    }
    assert!(summary.contains("Options to discuss") && summary.contains("night splint"), "the summary lists them too");
}

/// Issue 27 item 10 (rules M1, P3): the assessment's "How much did your first steps hurt this
/// morning?" is that day's morning log, so home, the running advice, the trend's baseline and the
/// next morning's flare check start from it — exactly as if the runner had logged it.
#[test]
fn m1_p3_the_assessments_first_step_pain_is_that_mornings_log() {
    let day0 = "2026-09-01";
    let (_dir, app) = open_temp();
    app.submit_assessment_json(at(day0), answers(day0, &[], "")).unwrap();
    // The same runner who logs the morning by hand after the assessment.
    let (_dir2, logged) = open_temp();
    logged.submit_assessment_json(at(day0), answers(day0, &[], "")).unwrap();
    logged.log_pain(at(day0), None, 5, None, None).unwrap();

    let entries = app.pain_entries(day0.into(), day0.into()).unwrap();
    assert_eq!(entries.iter().map(|p| (p.date.as_str(), p.score)).collect::<Vec<_>>(), [(day0, 5)]);
    let home = app.home(at(day0)).unwrap();
    assert_eq!(home.last_pain.as_ref().map(|p| p.score), Some(5));
    assert_ne!(home.next_step, firststep_core::api::NextStep::LogPain, "{}", home.next_step_text);
    let (running, by_hand) = (home.running.unwrap(), logged.home(at(day0)).unwrap().running.unwrap());
    assert_eq!((running.state, &running.reason), (by_hand.state, &by_hand.reason), "the running advice reads the morning");

    // The baseline (M1): the assessment's 5 and six mornings at 3 → (5 + 18) / 7.
    for i in 1..=6 {
        let date = add_days(day0, i);
        app.log_pain(at(&date), None, 3, None, None).unwrap();
    }
    let trend = app.trend(add_days(day0, 6), 4).unwrap();
    assert_eq!(trend.baseline_mornings, 7);
    assert!((trend.baseline.unwrap() - 23.0 / 7.0).abs() < 1e-9, "{:?}", trend.baseline);
    assert_eq!(trend.days.iter().find(|d| d.date == day0).and_then(|d| d.pain), Some(5));

    // P3: a morning 2 points above the assessment's is a flare the next morning, acted on at once (P7).
    let (_dir3, flare) = open_temp();
    flare.submit_assessment_json(at(day0), answers(day0, &[], "").replace(r#""first_step_pain": 5"#, r#""first_step_pain": 2"#)).unwrap();
    do_the_plan(&flare, day0);
    let next = add_days(day0, 1);
    let morning = flare.log_pain(at(&next), None, 4, None, None).unwrap();
    assert!(morning.decisions.iter().any(|d| d.rule == "P7" && d.exercise_id == "calf_loading"), "{:?}", morning.decisions);

    // A morning already logged for the assessment's date is the runner's own and stays.
    let (_dir4, early) = open_temp();
    early.log_pain(at(day0), None, 3, None, None).unwrap();
    early.submit_assessment_json(at(day0), answers(day0, &[], "")).unwrap();
    assert_eq!(early.pain_entries(day0.into(), day0.into()).unwrap().iter().map(|p| p.score).collect::<Vec<_>>(), [3]);
}

/// Issue 27 item 9 (rule R4, X4): the 12-week trend of a runner who has not improved says the
/// firm 12-week referral the home screen shows — not the 6-week one, and no rule id in the
/// sentence; after a clinician visit both restart their clocks.
#[test]
fn r4_the_twelve_week_trend_names_the_referral_the_home_screen_shows() {
    let (_dir, app) = open_temp();
    let start = "2026-09-01";
    app.submit_assessment_json(at(start), answers(start, &[], "")).unwrap();
    for i in 0..=84 {
        let date = add_days(start, i);
        app.log_pain(at(&date), Some(date.clone()), 5, None, None).unwrap();
    }
    let end = add_days(start, 84);
    let home = app.home(at(&end)).unwrap();
    assert_eq!(home.referral.as_ref().map(|r| r.level), Some(ReferralLevel::Firm));
    let text = app.trend(end.clone(), 12).unwrap().expectation.text;
    assert!(text.contains("After 12 weeks") && text.contains("physiotherapist or doctor"), "{text}");
    assert!(!text.contains("After 6 weeks") && !text.contains("(R"), "one referral, no rule id: {text}");

    // At 8 weeks the 6-week check-in applies (the pain is not lower), worded without a rule id.
    let eight = app.trend(add_days(start, 56), 12).unwrap().expectation.text;
    assert!(eight.contains("After 6 weeks") && !eight.contains("(R"), "{eight}");

    // A clinician visit in week 11 restarts the clocks: neither the banner nor the trend is firm.
    app.record_clinician_visit(at(&add_days(start, 80)), Some(add_days(start, 80)), false).unwrap();
    assert!(app.home(at(&end)).unwrap().referral.is_none());
    let after_visit = app.trend(end.clone(), 12).unwrap().expectation.text;
    assert!(!after_visit.contains("After 12 weeks") && !after_visit.contains("After 6 weeks"), "{after_visit}");
}

/// Issue 27 item 9 (rule V1): one computation of minutes — after the ladder has moved up a level,
/// the program's minutes a day (the clinician summary's "About N minutes a day") is the busier
/// of the plans home and today show, not the figure of the program's first build.
#[test]
fn v1_home_and_the_summary_give_the_same_minutes_for_the_same_plan() {
    let (_dir, app) = open_temp();
    let start = "2026-09-01";
    app.submit_assessment_json(at(start), answers(start, &[], "")).unwrap();
    let first = app.program().unwrap().unwrap().minutes_per_day;
    let mut day = start.to_string();
    for (i, pain) in [5, 5, 4, 4, 4, 3, 3, 3, 3, 3].iter().enumerate() {
        day = add_days(start, i as i64 + 1);
        do_the_plan(&app, &add_days(&day, -1));
        let log = app.log_pain(at(&day), None, *pain, None, None).unwrap();
        if log.decisions.iter().any(|d| d.exercise_id == "calf_loading" && d.from_level != d.to_level) {
            break;
        }
    }
    let program = app.program().unwrap().unwrap();
    assert_eq!(program.exercises.iter().find(|e| e.exercise_id == "calf_loading").map(|e| e.level), Some(2), "the ladder moved up");
    let (today, tomorrow) = (app.home(at(&day)).unwrap().plan.unwrap().minutes, app.plan_for(add_days(&day, 1)).unwrap().minutes);
    assert_eq!(program.minutes_per_day, today.max(tomorrow), "the program's minutes are the busier plan's");
    assert_ne!(program.minutes_per_day, first, "the new level changes the minutes");
    let summary = app.clinician_summary(at(&day)).unwrap().html;
    assert!(summary.contains(&format!("About {} minutes a day", program.minutes_per_day)), "summary minutes");
}

/// Issue 27 item 12 (rule A7, Riddle 2003; lesson E5): 9 hours a day on the feet at work gives
/// advice on footwear and sitting breaks in the findings and in the running lesson, which the
/// finding opens on day one.
#[test]
fn a7_nine_hours_on_the_feet_at_work_gives_footwear_and_sitting_break_advice() {
    let (_dir, app) = open_temp();
    let start = "2026-09-01";
    let result = app.submit_assessment_json(at(start), answers(start, &[], r#", "hours_on_feet_per_day": 9"#)).unwrap();
    let load = result.findings.iter().find(|f| f.domain == firststep_core::model::Domain::TrainingLoad).expect("training-load finding");
    assert!(load.explanation.contains("cushioned, supportive shoes at work") && load.explanation.contains("sitting breaks"), "{}", load.explanation);
    let e5 = app.lesson(at(start), "E5".into()).unwrap();
    assert!(e5.unlocked, "{}", e5.unlocked_because);
    let body = e5.body.join(" ");
    assert!(body.contains("cushioned, supportive shoes") && body.contains("sitting breaks"), "{body}");
}
