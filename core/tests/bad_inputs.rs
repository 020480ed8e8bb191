//! Bad input through the API the apps call (the UniFFI surface, `FirstStep`), as a table: each row
//! names the error kind, the field (for invalid input) and the words its message must contain —
//! the field and the allowed range where there is one — and every row checks that the journal's
//! bytes (the file and its `-wal`) are exactly as before. Then the two journal states that refuse
//! every write: a damaged file and a read-only one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::model::Settings;
use firststep_core::FirstStepError;
use jiff::civil::Date;
use serde_json::Value;

const TODAY: &str = "2026-09-10";

const ANSWERS: &str = r#"{"date": "2026-09-01", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 6,
  "red_flags": [], "knee_to_wall_cm": {"left": 6.0, "right": 11.0}, "heel_raise_reps": {"left": 14, "right": 24},
  "cadence_spm": 158, "overstride": true}"#;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(12, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

fn now() -> Moment {
    at(TODAY)
}

/// The journal file and its `-wal` as they are on disk (a failed call must change neither).
fn bytes(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let mut wal = db.as_os_str().to_os_string();
    wal.push("-wal");
    (std::fs::read(db).expect("journal"), std::fs::read(PathBuf::from(wal)).unwrap_or_default())
}

/// A journal with a program, mornings, sessions, a run, settings and a clinician visit.
fn seeded(dir: &Path) -> (PathBuf, Arc<FirstStep>) {
    let db = dir.join("firststep.db");
    let app = FirstStep::open(db.to_string_lossy().into_owned()).unwrap();
    app.submit_assessment_json(at("2026-09-01"), ANSWERS.into()).unwrap();
    for (i, score) in [6, 5, 5, 4].into_iter().enumerate() {
        let date = format!("2026-09-0{}", i + 2);
        app.log_pain(at(&date), None, score, Some(10), Some("stiff".into())).unwrap();
        app.log_session(at(&date), None, "calf_loading".into(), 3, Some(15), None, 2, true, None, None).unwrap();
    }
    app.log_run(at("2026-09-05"), None, 5.0, Some(30.0), Some(2), Some(1), Some("road".into()), None).unwrap();
    app.save_settings(Settings::default()).unwrap();
    app.record_clinician_visit(at("2026-09-05"), None, false).unwrap();
    (db, app)
}

/// Where a runner's message still shows developer syntax (issue 28: `..=`, `(got `, a snake_case
/// id), if it does.
fn developer_syntax(message: &str) -> Option<&'static str> {
    if message.contains("..=") {
        Some("..=")
    } else if message.contains("(got ") {
        Some("(got ")
    } else if message.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|w| w.contains('_') && w.chars().any(|c| c.is_ascii_lowercase())) {
        Some("a snake_case id")
    } else {
        None
    }
}

/// The error's kind as the CLI prints it, its field (invalid input only) and what the row's words
/// are looked for in: for invalid input the structured field, range and value
/// ("`score` must be in `0..=10` (got `11`)") followed by the runner's message; else the message.
fn describe(e: &FirstStepError) -> (&'static str, Option<&str>, String) {
    if let FirstStepError::InvalidInput { field, reason, allowed, got } = e {
        let data = match (allowed, got) {
            (Some(allowed), Some(got)) => format!("{field} must be in {allowed} (got {got})"),
            _ => field.clone(),
        };
        return ("invalid_input", Some(field.as_str()), format!("{data} · {reason}"));
    }
    let (kind, field) = match e {
        FirstStepError::InvalidInput { field, .. } => ("invalid_input", Some(field.as_str())),
        FirstStepError::NotFound { .. } => ("not_found", None),
        FirstStepError::InvalidState { .. } => ("invalid_state", None),
        FirstStepError::Database { .. } => ("database", None),
        FirstStepError::DatabaseDamaged { .. } => ("damaged", None),
        FirstStepError::DatabaseReadOnly { .. } => ("read_only", None),
        FirstStepError::DatabaseTooNew { .. } => ("too_new", None),
        FirstStepError::Import { .. } => ("import", None),
        FirstStepError::Io { .. } => ("io", None),
    };
    (kind, field, e.to_string())
}

type Call = Box<dyn Fn(&FirstStep, &Value) -> Result<(), FirstStepError>>;

struct Row {
    name: &'static str,
    kind: &'static str,
    /// The `field` of an invalid-input error.
    field: Option<&'static str>,
    /// Words the message must contain.
    contains: &'static [&'static str],
    call: Call,
}

fn row(name: &'static str, kind: &'static str, field: Option<&'static str>, contains: &'static [&'static str], call: impl Fn(&FirstStep, &Value) -> Result<(), FirstStepError> + 'static) -> Row {
    Row { name, kind, field, contains, call: Box::new(call) }
}

/// Imports the journal's own export after `edit`.
fn import_edited(app: &FirstStep, backup: &Value, edit: impl Fn(&mut Value)) -> Result<(), FirstStepError> {
    let mut doc = backup.clone();
    edit(&mut doc);
    app.import_json(now(), doc.to_string()).map(|_| ())
}

fn answers_edited(app: &FirstStep, edit: impl Fn(&mut Value)) -> Result<(), FirstStepError> {
    let mut doc: Value = serde_json::from_str(ANSWERS).unwrap();
    edit(&mut doc);
    app.submit_assessment_json(now(), doc.to_string()).map(|_| ())
}

fn pain(app: &FirstStep, date: Option<&str>, score: i64, stiffness: Option<i64>, note: Option<String>) -> Result<(), FirstStepError> {
    app.log_pain(now(), date.map(String::from), score, stiffness, note).map(|_| ())
}

fn session(app: &FirstStep, id: &str, sets: i64, reps: Option<i64>, hold: Option<i64>, peak: i64) -> Result<(), FirstStepError> {
    app.log_session(now(), None, id.into(), sets, reps, hold, peak, true, None, None).map(|_| ())
}

#[allow(clippy::too_many_arguments)]
fn run(app: &FirstStep, km: f64, minutes: Option<f64>, during: Option<i64>, after: Option<i64>, surface: Option<String>, shoes: Option<String>) -> Result<(), FirstStepError> {
    app.log_run(now(), None, km, minutes, during, after, surface, shoes).map(|_| ())
}

fn settings(app: &FirstStep, edit: impl Fn(&mut Settings)) -> Result<(), FirstStepError> {
    let mut s = Settings::default();
    edit(&mut s);
    app.save_settings(s)
}

fn rows() -> Vec<Row> {
    let long = |n: usize| "x".repeat(n);
    vec![
        // Morning pain.
        row("pain 11", "invalid_input", Some("score"), &["score", "0..=10", "11"], |a, _| pain(a, None, 11, None, None)),
        row("pain -1", "invalid_input", Some("score"), &["score", "0..=10", "-1"], |a, _| pain(a, None, -1, None, None)),
        row("stiffness 601", "invalid_input", Some("stiffness_minutes"), &["stiffness_minutes", "0..=600"], |a, _| pain(a, None, 3, Some(601), None)),
        row("stiffness -5", "invalid_input", Some("stiffness_minutes"), &["0..=600", "-5"], |a, _| pain(a, None, 3, Some(-5), None)),
        // Issue #16 item 10: the field is `note`, not "note length".
        row("note of 1001 characters", "invalid_input", Some("note"), &["note", "0..=1000 characters", "1001"], move |a, _| pain(a, None, 3, None, Some(long(1001)))),
        row("pain on a future date", "invalid_input", Some("date"), &["date", "2026-09-11", "future"], |a, _| pain(a, Some("2026-09-11"), 3, None, None)),
        row("pain on month 13", "invalid_input", Some("date"), &["date", "2026-13-01"], |a, _| pain(a, Some("2026-13-01"), 3, None, None)),
        row("pain on 'yesterday'", "invalid_input", Some("date"), &["date", "a date such as 2026-03-01"], |a, _| pain(a, Some("yesterday"), 3, None, None)),
        row("pain in year 1999", "invalid_input", Some("date"), &["date", "1999"], |a, _| pain(a, Some("1999-12-31"), 3, None, None)),
        row("pain with an unknown zone", "invalid_input", Some("time_zone"), &["Mars/Olympus"], |a, _| {
            a.log_pain(Moment { instant_ms: now().instant_ms, time_zone: "Mars/Olympus".into() }, None, 3, None, None).map(|_| ())
        }),
        row("undo a morning never logged", "invalid_state", None, &["2026-08-01", "nothing to undo"], |a, _| a.undo_pain(now(), "2026-08-01".into()).map(|_| ())),
        // Sessions.
        row("unknown exercise", "not_found", None, &["moonwalk", "calf_loading"], |a, _| session(a, "moonwalk", 3, Some(10), None, 2)),
        row("sets 0", "invalid_input", Some("sets"), &["sets", "1..=20", "0"], |a, _| session(a, "calf_loading", 0, Some(10), None, 2)),
        row("sets 21", "invalid_input", Some("sets"), &["sets", "1..=20", "21"], |a, _| session(a, "calf_loading", 21, Some(10), None, 2)),
        row("reps 201", "invalid_input", Some("reps"), &["reps", "0..=200", "201"], |a, _| session(a, "calf_loading", 3, Some(201), None, 2)),
        row("hold 601 s", "invalid_input", Some("hold_seconds"), &["hold_seconds", "0..=600"], |a, _| session(a, "plantar_fascia_stretch", 3, None, Some(601), 2)),
        row("reps and hold", "invalid_input", Some("reps"), &["either reps or hold seconds"], |a, _| session(a, "calf_loading", 3, Some(10), Some(30), 2)),
        row("neither reps nor hold", "invalid_input", Some("reps"), &["either reps or hold seconds"], |a, _| session(a, "calf_loading", 3, None, None, 2)),
        // Item 7: a hold for a rep exercise is refused, naming the kind.
        row("hold for a rep exercise", "invalid_input", Some("hold_seconds"), &["calf and plantar fascia loading", "rep exercise", "reps"], |a, _| session(a, "calf_loading", 3, None, Some(30), 2)),
        row("session peak pain 11", "invalid_input", Some("pain"), &["pain", "0..=10", "11"], |a, _| session(a, "calf_loading", 3, Some(10), None, 11)),
        row("session on a future date", "invalid_input", Some("date"), &["future"], |a, _| {
            a.log_session(now(), Some("2026-09-11".into()), "calf_loading".into(), 3, Some(10), None, 2, true, None, None).map(|_| ())
        }),
        // Effort after a loading session (P5).
        row("reps in reserve -1", "invalid_input", Some("reps_in_reserve"), &["reps_in_reserve", "0..=50", "-1"], |a, _| {
            a.log_session(now(), None, "calf_loading".into(), 3, Some(10), None, 2, true, None, Some(-1)).map(|_| ())
        }),
        row("reps in reserve 51", "invalid_input", Some("reps_in_reserve"), &["reps_in_reserve", "0..=50", "51"], |a, _| {
            a.log_session(now(), None, "calf_loading".into(), 3, Some(10), None, 2, true, None, Some(51)).map(|_| ())
        }),
        // Return-to-run self-test (RR1).
        row("return-to-run walk pain 11", "invalid_input", Some("walk_pain"), &["walk_pain", "0..=10", "11"], |a, _| {
            let answers = firststep_core::clinical::ReturnToRunAnswers { walk_pain: 11, heel_raises_affected: 25, heel_raises_other: None, hop_pain: 0 };
            a.take_return_to_run_test(now(), answers).map(|_| ())
        }),
        row("return-to-run 250 heel raises", "invalid_input", Some("heel_raises_affected"), &["heel_raises_affected", "0..=100", "250"], |a, _| {
            let answers = firststep_core::clinical::ReturnToRunAnswers { walk_pain: 0, heel_raises_affected: 250, heel_raises_other: None, hop_pain: 0 };
            a.take_return_to_run_test(now(), answers).map(|_| ())
        }),
        // The hop check (rule P8).
        row("hop check pain 11", "invalid_input", Some("pain"), &["pain", "0..=10", "11"], |a, _| a.record_hop_check(now(), 11).map(|_| ())),
        row("hop check pain -1", "invalid_input", Some("pain"), &["pain", "0..=10", "-1"], |a, _| a.record_hop_check(now(), -1).map(|_| ())),
        // Runs (item 10: a huge distance is shown as 1e308).
        row("run 0 km", "invalid_input", Some("distance_km"), &["distance_km", "0.1..=300", "(got 0)"], |a, _| run(a, 0.0, None, None, None, None, None)),
        row("run 1e308 km", "invalid_input", Some("distance_km"), &["distance_km", "0.1..=300", "(got 1e308)"], |a, _| run(a, 1e308, None, None, None, None, None)),
        row("run NaN km", "invalid_input", Some("distance_km"), &["distance_km", "0.1..=300", "NaN"], |a, _| run(a, f64::NAN, None, None, None, None, None)),
        row("run infinite km", "invalid_input", Some("distance_km"), &["distance_km", "0.1..=300", "inf"], |a, _| run(a, f64::INFINITY, None, None, None, None, None)),
        row("run 0.5 minutes", "invalid_input", Some("minutes"), &["minutes", "1..=2000", "0.5"], |a, _| run(a, 5.0, Some(0.5), None, None, None, None)),
        row("run pain during 11", "invalid_input", Some("pain_during"), &["pain_during", "0..=10"], |a, _| run(a, 5.0, None, Some(11), None, None, None)),
        row("run pain after -1", "invalid_input", Some("pain_after"), &["pain_after", "0..=10", "-1"], |a, _| run(a, 5.0, None, None, Some(-1), None, None)),
        row("surface of 101 characters", "invalid_input", Some("surface"), &["surface", "0..=100 characters"], move |a, _| run(a, 5.0, None, None, None, Some(long(101)), None)),
        row("shoes of 101 characters", "invalid_input", Some("shoes"), &["shoes", "0..=100 characters"], move |a, _| run(a, 5.0, None, None, None, None, Some(long(101)))),
        row("planned run 0 km", "invalid_input", Some("planned_run_km"), &["planned_run_km", "0.1..=300"], |a, _| a.progress(now(), Some(0.0)).map(|_| ())),
        // Settings.
        row("morning reminder 25:00", "invalid_input", Some("morning_reminder"), &["morning_reminder", "00:00", "23:59", "25:00"], |a, _| settings(a, |s| s.morning_reminder = "25:00".into())),
        row("session reminder 7pm", "invalid_input", Some("session_reminder"), &["session_reminder", "a time such as 07:30"], |a, _| settings(a, |s| s.session_reminder = "7pm".into())),
        row("weekday 0", "invalid_input", Some("session_days"), &["session_days", "1..=7"], |a, _| settings(a, |s| s.session_days = vec![0])),
        row("weekday twice", "invalid_input", Some("session_days"), &["session_days", "twice"], |a, _| settings(a, |s| s.session_days = vec![1, 1])),
        row("unknown settings zone", "invalid_input", Some("time_zone"), &["time_zone", "Mars/Olympus"], |a, _| settings(a, |s| s.time_zone = "Mars/Olympus".into())),
        // Reads with bad arguments (nothing to write, and nothing written).
        row("trend of 5 weeks", "invalid_input", Some("weeks"), &["weeks", "4, 8 or 12", "5"], |a, _| a.trend(TODAY.into(), 5).map(|_| ())),
        row("trend ending on a bad date", "invalid_input", Some("end"), &["end", "2026-02-30"], |a, _| a.trend("2026-02-30".into(), 4).map(|_| ())),
        row("range ending before it starts", "invalid_input", Some("to"), &["to", "from"], |a, _| a.pain_entries("2026-09-05".into(), "2026-09-01".into()).map(|_| ())),
        row("plan for a bad date", "invalid_input", Some("date"), &["date"], |a, _| a.plan_for("09/10/2026".into()).map(|_| ())),
        row("clinician visit in the future", "invalid_input", Some("date"), &["date", "future"], |a, _| a.record_clinician_visit(now(), Some("2026-10-01".into()), false).map(|_| ())),
        // Answers file (item 5): type errors name the field and its range or form.
        row("answers heel raises -1", "invalid_input", Some("heel_raise_reps.left"), &["heel_raise_reps.left", "whole number", "0..=200", "-1"], |a, _| {
            answers_edited(a, |v| v["heel_raise_reps"]["left"] = (-1).into())
        }),
        row("answers cadence \"fast\"", "invalid_input", Some("cadence_spm"), &["cadence_spm", "100..=240", "\"fast\""], |a, _| {
            answers_edited(a, |v| v["cadence_spm"] = "fast".into())
        }),
        row("answers knee-to-wall \"six\"", "invalid_input", Some("knee_to_wall_cm.left"), &["knee_to_wall_cm.left", "0..=30"], |a, _| {
            answers_edited(a, |v| v["knee_to_wall_cm"]["left"] = "six".into())
        }),
        row("answers first-step pain 11", "invalid_input", Some("first_step_pain"), &["first_step_pain", "0..=10", "11"], |a, _| {
            answers_edited(a, |v| v["first_step_pain"] = 11.into())
        }),
        row("answers overstride \"yes\"", "invalid_input", Some("overstride"), &["overstride", "true or false"], |a, _| {
            answers_edited(a, |v| v["overstride"] = "yes".into())
        }),
        row("answers side \"middle\"", "invalid_input", Some("affected_side"), &["affected_side", "left", "right", "both"], |a, _| {
            answers_edited(a, |v| v["affected_side"] = "middle".into())
        }),
        row("answers unknown key", "invalid_input", Some("cadence_sp"), &["cadence_sp", "unknown key"], |a, _| {
            answers_edited(a, |v| v["cadence_sp"] = 150.into())
        }),
        row("answers unknown nested key", "invalid_input", Some("heel_raise_reps.lft"), &["heel_raise_reps.lft", "unknown key"], |a, _| {
            answers_edited(a, |v| v["heel_raise_reps"]["lft"] = 3.into())
        }),
        row("answers truncated", "invalid_input", Some("answers"), &["answers", "JSON"], |a, _| a.submit_assessment_json(now(), ANSWERS[..40].into()).map(|_| ())),
        row("answers dated in the future", "invalid_input", Some("date"), &["date", "future"], |a, _| answers_edited(a, |v| v["date"] = "2026-12-01".into())),
        // Backups (items 3 and 4): unknown keys in every record list, type errors naming the record.
        row("backup pain[1] \"scroe\"", "import", None, &["pain[1]: unknown key \"scroe\""], |a, b| import_edited(a, b, |v| v["pain"][1]["scroe"] = 4.into())),
        row("backup sessions[0] unknown key", "import", None, &["sessions[0]: unknown key \"reps\""], |a, b| import_edited(a, b, |v| v["sessions"][0]["reps"] = 4.into())),
        row("backup runs[0] unknown key", "import", None, &["runs[0]: unknown key \"km\""], |a, b| import_edited(a, b, |v| v["runs"][0]["km"] = 4.into())),
        row("backup decisions[0] unknown key", "import", None, &["decisions[0]: unknown key \"why\""], |a, b| import_edited(a, b, |v| v["decisions"][0]["why"] = "x".into())),
        row("backup program unknown key", "import", None, &["programs[0].program: unknown key \"strated_on\""], |a, b| {
            import_edited(a, b, |v| v["programs"][0]["program"]["strated_on"] = "2026-09-01".into())
        }),
        row("backup program exercise unknown key", "import", None, &["programs[0].program.exercises[0]: unknown key \"lvl\""], |a, b| {
            import_edited(a, b, |v| v["programs"][0]["program"]["exercises"][0]["lvl"] = 2.into())
        }),
        row("backup programs[0] unknown key", "import", None, &["programs[0]: unknown key \"active\""], |a, b| import_edited(a, b, |v| v["programs"][0]["active"] = true.into())),
        row("backup clinician visit unknown key", "import", None, &["clinician_visits[0]: unknown key \"by\""], |a, b| {
            import_edited(a, b, |v| v["clinician_visits"][0]["by"] = "GP".into())
        }),
        row("backup safety screen unknown key", "import", None, &["safety_screens[0]: unknown key \"lvl\""], |a, b| import_edited(a, b, |v| v["safety_screens"][0]["lvl"] = 1.into())),
        row("backup assessment answers unknown key", "import", None, &["assessments[0].answers: unknown key \"cadence\""], |a, b| {
            import_edited(a, b, |v| v["assessments"][0]["answers"]["cadence"] = 1.into())
        }),
        row("backup settings unknown key", "import", None, &["settings: unknown key \"unit\""], |a, b| import_edited(a, b, |v| v["settings"]["unit"] = "metric".into())),
        row("backup unknown top-level key", "import", None, &["unknown key \"surprise\" at the top level"], |a, b| import_edited(a, b, |v| v["surprise"] = 1.into())),
        row("backup pain[1].score -1", "import", None, &["pain[1].score must be in 0..=10 (got -1)"], |a, b| import_edited(a, b, |v| v["pain"][1]["score"] = (-1).into())),
        row("backup pain[0].score 11", "import", None, &["pain[0].score must be in 0..=10 (got 11)"], |a, b| import_edited(a, b, |v| v["pain"][0]["score"] = 11.into())),
        row("backup sets_done \"3\"", "import", None, &["sessions[1].sets_done must be in 1..=20 (got \"3\")"], |a, b| import_edited(a, b, |v| v["sessions"][1]["sets_done"] = "3".into())),
        row("backup missing score", "import", None, &["pain[2].score is required", "0..=10"], |a, b| {
            import_edited(a, b, |v| {
                v["pain"][2].as_object_mut().unwrap().remove("score");
            })
        }),
        row("backup runs[0] 1e308 km", "import", None, &["runs[0].distance_km", "0.1..=300", "1e308"], |a, b| import_edited(a, b, |v| v["runs"][0]["distance_km"] = 1e308.into())),
        row("backup format_version -1", "import", None, &["format_version must be in 1..=4 (got -1)"], |a, b| import_edited(a, b, |v| v["format_version"] = (-1).into())),
        row("backup format_version \"2\"", "import", None, &["format_version must be in 1..=4 (got \"2\")"], |a, b| import_edited(a, b, |v| v["format_version"] = "2".into())),
        row("backup format_version 5", "import", None, &["format_version 5", "newer"], |a, b| import_edited(a, b, |v| v["format_version"] = 5.into())),
        row("backup of another app", "import", None, &["\"app\"", "FirstStep"], |a, b| import_edited(a, b, |v| v["app"] = "Strava".into())),
        row("backup truncated", "import", None, &["not a complete JSON document"], |a, b| {
            let text = b.to_string();
            a.import_json(now(), text[..text.len() / 2].to_string()).map(|_| ())
        }),
        row("backup pain date twice", "import", None, &["pain[1].date", "appears twice"], |a, b| import_edited(a, b, |v| v["pain"][1]["date"] = v["pain"][0]["date"].clone())),
        row("backup pain in the future", "import", None, &["pain[0].date", "future"], |a, b| import_edited(a, b, |v| v["pain"][0]["date"] = "2026-12-01".into())),
        row("backup note too long", "import", None, &["pain[0].note", "0..=1000 characters"], move |a, b| import_edited(a, b, |v| v["pain"][0]["note"] = long(1001).into())),
        row("backup unknown exercise", "import", None, &["sessions[0].exercise_id", "moonwalk"], |a, b| import_edited(a, b, |v| v["sessions"][0]["exercise_id"] = "moonwalk".into())),
        row("backup two current programs", "import", None, &["programs", "current"], |a, b| {
            import_edited(a, b, |v| {
                let p = v["programs"][0].clone();
                let programs = v["programs"].as_array_mut().unwrap();
                programs.push(p);
                programs.iter_mut().for_each(|p| p["current"] = true.into());
            })
        }),
        row("backup settings zone", "import", None, &["settings.time_zone", "Mars/Olympus"], |a, b| import_edited(a, b, |v| v["settings"]["time_zone"] = "Mars/Olympus".into())),
    ]
}

#[test]
fn every_bad_input_names_its_field_and_range_and_leaves_the_journal_bytes_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (db, app) = seeded(dir.path());
    let backup: Value = serde_json::from_str(&app.export_json(now()).unwrap()).unwrap();
    assert!(backup["decisions"].as_array().is_some_and(|d| !d.is_empty()), "the seed has decisions to mutate");
    let rows = rows();
    assert!(rows.len() >= 75, "{} rows", rows.len());
    let mut failures = Vec::new();
    for r in &rows {
        let before = bytes(&db);
        let outcome = (r.call)(&app, &backup);
        let after = bytes(&db);
        let Err(err) = outcome else {
            failures.push(format!("{}: accepted", r.name));
            continue;
        };
        let (kind, field, message) = describe(&err);
        if let FirstStepError::InvalidInput { reason, .. } = &err {
            // Answers documents typed wrong keep the document's path (issue 28 leaves them).
            if let Some(bad) = developer_syntax(reason).filter(|_| !r.name.starts_with("answers")) {
                failures.push(format!("{}: the runner's message {reason:?} shows {bad}", r.name));
            }
        }
        if kind != r.kind || field != r.field {
            failures.push(format!("{}: got {kind} {field:?} ({message}), want {} {:?}", r.name, r.kind, r.field));
        }
        for word in r.contains {
            if !message.contains(word) {
                failures.push(format!("{}: message {message:?} lacks {word:?}", r.name));
            }
        }
        if before != after {
            failures.push(format!("{}: the journal's bytes changed", r.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

/// SQLite's page size and page count of a journal file (from its header).
fn pages(db: &Path) -> (usize, usize) {
    let b = std::fs::read(db).unwrap();
    let size = match u16::from_be_bytes([b[16], b[17]]) {
        1 => 65_536,
        n => usize::from(n),
    };
    (size, b.len() / size)
}

fn quick_check_ok(db: &Path) -> bool {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let rows: rusqlite::Result<Vec<String>> = conn.prepare("PRAGMA quick_check").and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    matches!(rows, Ok(r) if r == ["ok"])
}

#[test]
fn a_journal_with_a_damaged_page_refuses_every_write_and_is_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let (db, backup) = {
        let (db, app) = seeded(dir.path());
        for day in 1..=28 {
            let date = format!("2026-08-{day:02}");
            app.log_pain(at(&date), None, 5, Some(10), Some("a note long enough to fill pages ".repeat(20))).unwrap();
        }
        let backup = app.export_json(now()).unwrap();
        (db, backup)
    }; // closed: the WAL is checkpointed into the file and removed
    assert!(!dir.path().join("firststep.db-wal").exists());
    // Random bytes over one page after the header page, until SQLite's own check sees damage (a
    // free page would not count).
    let healthy = std::fs::read(&db).unwrap();
    let (size, count) = pages(&db);
    let damaged = (2..count).rev().find(|&page| {
        let mut bytes = healthy.clone();
        for (i, b) in bytes[page * size..(page + 1) * size].iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(151).wrapping_add(page as u8) ^ 0x5a;
        }
        std::fs::write(&db, &bytes).unwrap();
        !quick_check_ok(&db)
    });
    assert!(damaged.is_some(), "no page damage was detected by quick_check");
    let before = bytes(&db);

    // Opening stays cheap and reads that avoid the damaged page may still work; every write is refused.
    let app = FirstStep::open(db.to_string_lossy().into_owned()).expect("the header is intact: open succeeds");
    type Write<'a> = Box<dyn Fn() -> Result<(), FirstStepError> + 'a>;
    let writes: Vec<(&str, Write)> = vec![
        ("log_pain", Box::new(|| pain(&app, None, 3, None, None))),
        ("log_run", Box::new(|| run(&app, 5.0, None, None, None, None, None))),
        ("save_settings", Box::new(|| settings(&app, |_| {}))),
        ("import", Box::new(|| app.import_json(now(), backup.clone()).map(|_| ()))),
    ];
    for (name, write) in &writes {
        let err = write().expect_err(name);
        let (kind, _, message) = describe(&err);
        assert_eq!(kind, "damaged", "{name}: {message}");
        for word in [db.to_string_lossy().as_ref(), "damaged", "nothing was written", "keep the file", "firststep export"] {
            assert!(message.contains(word), "{name}: {message:?} lacks {word:?}");
        }
        // A write that reads nothing first is stopped by the check before the first write.
        if *name == "save_settings" {
            assert!(message.contains("quick_check"), "{message}");
        }
        assert!(matches!(&err, FirstStepError::DatabaseDamaged { path, findings, .. } if Path::new(path) == db && !findings.is_empty()), "{err:?}");
    }
    drop(writes);
    drop(app);
    assert_eq!(bytes(&db), before, "the damaged journal was modified");
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_journal_reads_and_refuses_writes_without_side_files() {
    for read_only_folder in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("journal");
        std::fs::create_dir(&folder).unwrap();
        let db = {
            let (db, _app) = seeded(&folder);
            db
        };
        let side_files = || ["-wal", "-shm", "-journal"].iter().filter(|s| folder.join(format!("firststep.db{s}")).exists()).count();
        assert_eq!(side_files(), 0);
        if read_only_folder {
            set_mode(&folder, 0o555);
        } else {
            set_mode(&db, 0o444);
        }
        let before = (bytes(&db), std::fs::metadata(&db).unwrap().modified().unwrap());

        let app = FirstStep::open(db.to_string_lossy().into_owned()).expect("a read-only journal opens");
        // Reads work: home, trend, export, CSV.
        let home = app.home(now()).expect("home");
        assert_eq!(home.last_pain.map(|p| p.score), Some(4));
        assert!(app.trend(TODAY.into(), 4).expect("trend").baseline.is_some());
        assert!(app.export_json(now()).expect("export").contains("calf_loading"));
        assert!(app.pain_csv().expect("csv").contains("2026-09-05,4"));
        // Writes are refused with the reason.
        let refused = [pain(&app, None, 3, None, None), run(&app, 5.0, None, None, None, None, None), settings(&app, |_| {})];
        for err in refused {
            let (kind, _, message) = describe(&err.expect_err("write on a read-only journal"));
            assert_eq!(kind, "read_only");
            assert!(message.contains("is read-only") && message.contains(db.to_string_lossy().as_ref()), "{message}");
        }
        let backup = app.export_json(now()).unwrap();
        let (kind, _, message) = describe(&app.import_json(now(), backup).expect_err("import"));
        assert!(kind == "read_only" && message.contains("is read-only"), "{message}");
        drop(app);
        assert_eq!(side_files(), 0, "no -wal/-shm left behind (read-only folder: {read_only_folder})");
        assert_eq!((bytes(&db), std::fs::metadata(&db).unwrap().modified().unwrap()), before);
        set_mode(&folder, 0o755);
        set_mode(&db, 0o644);
    }
}
