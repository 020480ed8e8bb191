//! Replays the runner vignettes in `tests/scenarios/*.json` through the pure clinical functions.
//! The same files are replayed by the FFI object in Rust, Kotlin and Swift; the replay semantics
//! are documented at the top of `docs/clinical-rules.md` and must stay identical everywhere:
//!
//! 1. `evaluate_assessment(answers, None)` → the program (started on `answers.date`).
//! 2. For each day in order: if `pain` is present, log the morning pain for that date and run
//!    `morning_update` for that date with all sessions, pains and decisions so far; store its
//!    decisions and replace the program. Then log the day's sessions at the exercise's current
//!    program level (skipped_steps 0), then the day's runs.
//!    Then, if `psfs` is present, rate the `psfs_activities` (named on `answers.date`) with those
//!    scores, in order, on that date.
//! 3. If `expect_running` is not null, `running_guidance` for its date with `planned_run_km`, the
//!    assessment's red-flag level and all history.
//!
//! Set `SCENARIO_DUMP=1` to print what each scenario produced.

use std::path::{Path, PathBuf};

use firststep_core::clinical::psfs::{summarize, validate_ratings, PsfsInput, PsfsRatingEntry};
use firststep_core::clinical::{PsfsActivity, PsfsRating};
use firststep_core::clinical::{bars_heavy_loading, evaluate_assessment, for_safety_screen, morning_update, running_guidance, RunningInput};
use firststep_core::day::Day;
use firststep_core::model::{
    AssessmentAnswers, Decision, DecisionAction, Domain, HopCheck, PainEntry, RedFlagLevel, RunRecord, RunningState, SessionRecord, Severity, Side,
};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    #[allow(dead_code)]
    description: String,
    answers: AssessmentAnswers,
    expect_assessment: ExpectAssessment,
    days: Vec<ScenarioDay>,
    expect_decisions: Vec<ExpectDecision>,
    expect_running: Option<ExpectRunning>,
    /// Home-screen checks, replayed by the FFI replayers only.
    #[serde(default)]
    #[allow(dead_code)]
    expect_home: Option<serde_json::Value>,
    /// Where a fresh journal opens (issue 26), replayed by the FFI replayers only.
    #[serde(default)]
    #[allow(dead_code)]
    expect_home_before_assessment: Option<serde_json::Value>,
    /// PSFS activity names (rule M2), named on `answers.date`; ids are their positions 1..=n.
    #[serde(default)]
    psfs_activities: Vec<String>,
    /// PSFS checks (rule M2), each as of its date.
    #[serde(default)]
    expect_psfs: Vec<ExpectPsfs>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectPsfs {
    date: String,
    due: bool,
    next_due: Option<String>,
    /// Compared at one decimal.
    mean_first: Option<f64>,
    mean_latest: Option<f64>,
    mean_change: Option<f64>,
    detectable_change: bool,
    /// Per activity, in `psfs_activities` order.
    detectable: Vec<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectAssessment {
    red_flag_level: RedFlagLevel,
    findings: Vec<ExpectFinding>,
    program: Option<Vec<ExpectExercise>>,
}

#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
#[serde(deny_unknown_fields)]
struct ExpectFinding {
    domain: Domain,
    side: SideKey,
    severity: SeverityKey,
}

/// Orderable wrappers so expected and actual sets can be sorted and compared.
#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum SideKey {
    Left,
    Right,
    Both,
    None,
}

#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum SeverityKey {
    Mild,
    Marked,
}

fn side_key(side: Side) -> SideKey {
    match side {
        Side::Left => SideKey::Left,
        Side::Right => SideKey::Right,
        Side::Both => SideKey::Both,
        Side::None => SideKey::None,
    }
}

fn severity_key(severity: Severity) -> SeverityKey {
    match severity {
        Severity::Mild => SeverityKey::Mild,
        Severity::Marked => SeverityKey::Marked,
    }
}

#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
#[serde(deny_unknown_fields)]
struct ExpectExercise {
    id: String,
    level: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioDay {
    date: String,
    #[serde(default)]
    pain: Option<u8>,
    #[serde(default)]
    sessions: Vec<ScenarioSession>,
    #[serde(default)]
    runs: Vec<ScenarioRun>,
    /// Replayed by the FFI replayers only (R4 clears the referral banner).
    #[serde(default)]
    #[allow(dead_code)]
    clinician_visit: Option<serde_json::Value>,
    /// What the morning log announces and whether the session asks for effort (issue 26),
    /// replayed by the FFI replayers only.
    #[serde(default)]
    #[allow(dead_code)]
    expect_announcements: Option<serde_json::Value>,
    #[serde(default)]
    #[allow(dead_code)]
    expect_effort_question: Option<serde_json::Value>,
    /// The return-to-run self-test taken that day (RR1).
    #[serde(default)]
    return_to_run: Option<firststep_core::clinical::ReturnToRunAnswers>,
    /// PSFS scores (rule M2) rated on this date, in `psfs_activities` order.
    #[serde(default)]
    psfs: Option<Vec<u8>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioSession {
    exercise_id: String,
    sets_done: u32,
    reps_done: Option<u32>,
    hold_seconds_done: Option<u32>,
    peak_pain: u8,
    completed: bool,
    #[serde(default)]
    effort: Option<firststep_core::model::Effort>,
    #[serde(default)]
    reps_in_reserve: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioRun {
    distance_km: f64,
    #[serde(default)]
    minutes: Option<f64>,
    #[serde(default)]
    pain_during: Option<u8>,
    #[serde(default)]
    pain_after: Option<u8>,
}

#[derive(Deserialize, Debug, PartialEq, Clone)]
#[serde(deny_unknown_fields)]
struct ExpectDecision {
    date: String,
    exercise_id: String,
    action: DecisionAction,
    from_level: u32,
    to_level: u32,
    rule: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectRunning {
    date: String,
    planned_run_km: Option<f64>,
    state: RunningState,
    long_run_warning: bool,
    /// RR1: the return-to-run card's state, and the walk-run step while walking and running.
    #[serde(default)]
    return_to_run: Option<firststep_core::clinical::ReturnToRunState>,
    #[serde(default)]
    walk_run_step: Option<u32>,
    /// X2: "reduce" in km; A7: the weekly warning.
    #[serde(default)]
    reduce_to_km: Option<f64>,
    #[serde(default)]
    weekly_warning: Option<bool>,
}

fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios")
}

fn replay(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let scenario: Scenario = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = &scenario.name;
    let dump = std::env::var_os("SCENARIO_DUMP").is_some();

    // 1. Assessment.
    let result = evaluate_assessment(&scenario.answers, None).unwrap_or_else(|e| panic!("{name}: assessment failed: {e}"));
    let mut got_findings: Vec<ExpectFinding> = result
        .findings
        .iter()
        .map(|f| ExpectFinding { domain: f.domain, side: side_key(f.side), severity: severity_key(f.severity) })
        .collect();
    got_findings.sort();
    let mut want_findings = scenario.expect_assessment.findings.clone();
    want_findings.sort();
    if dump {
        eprintln!("== {name}\nfindings: {got_findings:?}");
        for f in &result.findings {
            eprintln!("  {}: {}", f.measurement, f.explanation);
        }
    }
    assert_eq!(result.safety.level, scenario.expect_assessment.red_flag_level, "{name}: red-flag level");
    assert_eq!(got_findings, want_findings, "{name}: findings");
    // The program the runner follows under the screen (R2 keeps only non-weight-bearing work; R3
    // with a recent steroid injection no heavy levels).
    let mut got_program: Option<Vec<ExpectExercise>> = result
        .program
        .as_ref()
        .and_then(|p| for_safety_screen(p, result.safety.level, &result.safety.flagged))
        .as_ref()
        .map(|p| p.exercises.iter().map(|e| ExpectExercise { id: e.exercise_id.clone(), level: e.level }).collect());
    if let Some(p) = got_program.as_mut() {
        p.sort();
    }
    let mut want_program = scenario.expect_assessment.program.clone();
    if let Some(p) = want_program.as_mut() {
        p.sort();
    }
    assert_eq!(got_program, want_program, "{name}: program");

    // 2. Days.
    let mut program = result.program.clone();
    // The assessment's first-step pain is that morning's log (issue 27 item 10; M1, P3); a day of
    // the same date that logs pain replaces it. A new program has no session yet, so no rule runs.
    let mut pains: Vec<PainEntry> = vec![PainEntry {
        date: scenario.answers.date.clone(),
        score: scenario.answers.first_step_pain,
        stiffness_minutes: None,
        note: None,
        logged_at_ms: 0,
    }];
    let mut sessions: Vec<SessionRecord> = Vec::new();
    let mut runs: Vec<RunRecord> = Vec::new();
    let mut checks = Vec::new();
    let mut decisions: Vec<Decision> = Vec::new();
    let psfs_activities: Vec<PsfsActivity> = scenario
        .psfs_activities
        .iter()
        .enumerate()
        .map(|(i, name)| PsfsActivity { id: i as i64 + 1, name: name.clone(), added_on: scenario.answers.date.clone() })
        .collect();
    let mut psfs_ratings: Vec<PsfsRatingEntry> = Vec::new();
    for (index, day) in scenario.days.iter().enumerate() {
        let date = Day::parse("date", &day.date).unwrap_or_else(|e| panic!("{name}: day {index}: {e}"));
        if let Some(score) = day.pain {
            pains.retain(|p| p.date != day.date); // one morning per date: a second log replaces it
            pains.push(PainEntry { date: day.date.clone(), score, stiffness_minutes: None, note: None, logged_at_ms: 0 });
            if let Some(current) = program.as_ref() {
                // rule P8: the RR1 self-tests' hop items are the hop checks of a pure replay.
                let hops: Vec<HopCheck> = checks
                    .iter()
                    .map(|c: &firststep_core::clinical::ReturnToRunCheck| HopCheck { date: c.date.clone(), pain: c.answers.hop_pain, passed: c.answers.hop_pain <= 2 })
                    .collect();
                let (new, updated) = morning_update(current, &sessions, &pains, &decisions, date, bars_heavy_loading(&result.safety.flagged), &hops)
                    .unwrap_or_else(|e| panic!("{name}: morning_update {}: {e}", day.date));
                if dump {
                    for d in &new {
                        eprintln!("  {} {} {:?} {}→{} {}: {}", d.date, d.exercise_id, d.action, d.from_level, d.to_level, d.rule, d.reason);
                    }
                }
                decisions.extend(new);
                program = Some(updated);
            }
        }
        for s in &day.sessions {
            let level = program
                .as_ref()
                .and_then(|p| p.exercises.iter().find(|e| e.exercise_id == s.exercise_id))
                .map(|e| e.level)
                .unwrap_or_else(|| panic!("{name}: {} logs {} which is not in the program", day.date, s.exercise_id));
            sessions.push(SessionRecord {
                date: day.date.clone(),
                exercise_id: s.exercise_id.clone(),
                level,
                sets_done: s.sets_done,
                reps_done: s.reps_done,
                hold_seconds_done: s.hold_seconds_done,
                peak_pain: s.peak_pain,
                completed: s.completed,
                skipped_steps: 0,
                effort: firststep_core::clinical::progression::effort_of(s.effort, s.reps_in_reserve),
                reps_in_reserve: s.reps_in_reserve,
            });
        }
        if let Some(answers) = &day.return_to_run {
            let date = Day::parse("date", &day.date).unwrap();
            checks.push(firststep_core::clinical::return_to_run::grade_test(date, answers, &pains).unwrap_or_else(|e| panic!("{name}: return to run: {e}")));
        }
        for r in &day.runs {
            runs.push(RunRecord {
                date: day.date.clone(),
                distance_km: r.distance_km,
                minutes: r.minutes,
                pain_during: r.pain_during,
                pain_after: r.pain_after,
                surface: None,
                shoes: None,
                ..Default::default()
            });
        }
        if let Some(scores) = &day.psfs {
            assert_eq!(scores.len(), psfs_activities.len(), "{name}: {} rates {} activities", day.date, scores.len());
            let ratings: Vec<PsfsRating> =
                psfs_activities.iter().zip(scores).map(|(a, &score)| PsfsRating { activity_id: a.id, score }).collect();
            validate_ratings(&psfs_activities, &ratings).unwrap_or_else(|e| panic!("{name}: psfs {}: {e}", day.date));
            psfs_ratings.retain(|r| r.date != day.date);
            psfs_ratings.extend(ratings.iter().map(|r| PsfsRatingEntry { date: day.date.clone(), activity_id: r.activity_id, score: r.score }));
        }
    }

    // PSFS (rule M2) as of each expected date: ratings and the assessment up to that date.
    for expect in &scenario.expect_psfs {
        let today = Day::parse("expect_psfs.date", &expect.date).unwrap();
        let seen: Vec<PsfsRatingEntry> = psfs_ratings.iter().filter(|r| r.date <= expect.date).cloned().collect();
        let assessed = Day::parse("answers.date", &scenario.answers.date).unwrap();
        let psfs = summarize(&PsfsInput { activities: &psfs_activities, ratings: &seen, last_assessment: Some(assessed).filter(|a| *a <= today), today })
            .unwrap_or_else(|e| panic!("{name}: psfs {}: {e}", expect.date));
        let at = &expect.date;
        let round1 = |v: Option<f64>| v.map(|x| (x * 10.0).round() / 10.0);
        assert_eq!(psfs.due, expect.due, "{name}: psfs {at} due ({:?})", psfs.due_reason);
        assert_eq!(psfs.next_due, expect.next_due, "{name}: psfs {at} next due");
        assert_eq!(round1(psfs.mean_first), expect.mean_first, "{name}: psfs {at} mean first");
        assert_eq!(round1(psfs.mean_latest), expect.mean_latest, "{name}: psfs {at} mean latest");
        assert_eq!(round1(psfs.mean_change), expect.mean_change, "{name}: psfs {at} mean change");
        assert_eq!(psfs.detectable_change, expect.detectable_change, "{name}: psfs {at} detectable change");
        assert_eq!(psfs.activities.iter().map(|a| a.detectable).collect::<Vec<_>>(), expect.detectable, "{name}: psfs {at} per activity");
    }
    let mut got_decisions: Vec<ExpectDecision> = decisions
        .iter()
        .filter(|d| d.action != DecisionAction::Hold)
        .map(|d| ExpectDecision {
            date: d.date.clone(),
            exercise_id: d.exercise_id.clone(),
            action: d.action,
            from_level: d.from_level,
            to_level: d.to_level,
            rule: d.rule.clone(),
        })
        .collect();
    got_decisions.sort_by(|a, b| (&a.date, &a.exercise_id).cmp(&(&b.date, &b.exercise_id)));
    assert_eq!(got_decisions, scenario.expect_decisions, "{name}: decisions");
    assert!(decisions.iter().all(|d| !d.reason.is_empty() && !d.rule.is_empty()), "{name}: every decision explains itself");

    // 3. Running guidance.
    if let Some(expect) = &scenario.expect_running {
        let today = Day::parse("date", &expect.date).unwrap();
        let guidance = running_guidance(&RunningInput {
            today,
            red_flag: result.safety.level,
            pains: &pains,
            sessions: &sessions,
            runs: &runs,
            decisions: &decisions,
            planned_run_km: expect.planned_run_km,
            assessed_weekly_km: scenario.answers.weekly_km_now,
            return_to_run_checks: &checks,
            units: firststep_core::model::Units::Metric,
            gait_finding: result.findings.iter().any(|f| f.domain == firststep_core::model::Domain::Gait),
            race: scenario.answers.race.as_ref(),
            assessed_cadence_spm: scenario.answers.cadence_spm,
        })
        .unwrap_or_else(|e| panic!("{name}: running_guidance: {e}"));
        let card = guidance.return_to_run.as_ref();
        assert_eq!(card.map(|c| c.state), expect.return_to_run, "{name}: return-to-run card ({:?})", card.map(|c| &c.text));
        assert_eq!(card.and_then(|c| c.step.as_ref()).map(|s| s.step), expect.walk_run_step, "{name}: walk-run step");
        if let Some(km) = expect.reduce_to_km {
            assert_eq!(guidance.reduce_to_km, Some(km), "{name}: reduce to km ({})", guidance.reason);
            if guidance.state == RunningState::Amber && card.is_none() {
                assert!(guidance.reason.contains(&format!("about {km} km this week")) || guidance.reason.contains(&format!("about {km:.1} km this week")), "{name}: the reduce number is in the advice: {}", guidance.reason);
            }
        }
        if let Some(warned) = expect.weekly_warning {
            assert_eq!(guidance.weekly_warning.is_some(), warned, "{name}: weekly warning");
        }
        if dump {
            eprintln!("  running {:?}: {} / {:?}", guidance.state, guidance.reason, guidance.long_run_warning);
        }
        assert_eq!(guidance.state, expect.state, "{name}: running state ({})", guidance.reason);
        assert_eq!(guidance.long_run_warning.is_some(), expect.long_run_warning, "{name}: long-run warning");
        if result.safety.level != RedFlagLevel::Urgent {
            assert!(!guidance.reason.contains("don't run"), "{name}: X2 never advises zero running without R1");
        }
    }
}

#[test]
fn every_scenario_replays_as_expected() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(scenario_dir())
        .expect("tests/scenarios exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "at least 5 vignettes, found {}", paths.len());
    for path in &paths {
        replay(path);
    }
}
