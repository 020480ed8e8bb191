//! Import never panics on a damaged or hand-edited backup, and it is all or nothing: mutated
//! documents (keys removed or added at any depth, values replaced by wrong types or out-of-range
//! numbers, list items duplicated, text truncated) either import completely — a second import of
//! the same text then adds nothing — or are refused with the journal's bytes unchanged.
//! Bounded: a fixed number of cases, each on a copy of one seeded journal file (a few seconds).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use firststep_core::api::{FirstStep, Moment};
use jiff::civil::Date;
use proptest::prelude::*;
use serde_json::{json, Value};

const TODAY: &str = "2026-09-20";

const ANSWERS: &str = r#"{"date": "2026-09-01", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 6,
  "red_flags": [], "knee_to_wall_cm": {"left": 6.0, "right": 11.0}, "heel_raise_reps": {"left": 14, "right": 24}}"#;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(9, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

/// Logs a few weeks of a runner's journal into `db` (closed on return, so the file is complete).
fn seed(db: &Path, first_day: u32, days: u32) -> String {
    let app = FirstStep::open(db.to_string_lossy().into_owned()).unwrap();
    app.submit_assessment_json(at("2026-09-01"), ANSWERS.into()).unwrap();
    for d in first_day..first_day + days {
        let date = format!("2026-09-{d:02}");
        app.log_pain(at(&date), None, i64::from(6 - d as i8 / 4), Some(10), Some(format!("day {d}"))).unwrap();
        app.log_session(at(&date), None, "calf_stretch".into(), 3, None, Some(30), 2, true, None, None).unwrap();
        if d % 3 == 0 {
            app.log_run(at(&date), None, 4.0 + f64::from(d) / 4.0, Some(30.0), Some(2), None, Some("trail".into()), None).unwrap();
        }
    }
    app.record_clinician_visit(at("2026-09-10"), None, false).unwrap();
    app.export_json(at(TODAY)).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    /// The journal every case starts from.
    template: PathBuf,
    /// A backup from another device: overlapping and new days.
    backup: Value,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let template = dir.path().join("template.db");
        seed(&template, 2, 6);
        let backup = serde_json::from_str(&seed(&dir.path().join("other.db"), 5, 10)).unwrap();
        Fixture { _dir: dir, template, backup }
    })
}

fn bytes(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let mut wal = db.as_os_str().to_os_string();
    wal.push("-wal");
    (std::fs::read(db).unwrap(), std::fs::read(PathBuf::from(wal)).unwrap_or_default())
}

#[derive(Clone, Debug)]
enum Op {
    /// Remove a key or list item (a scalar becomes null).
    Remove,
    /// Replace the value.
    Set(usize),
    /// Add an unknown key (an object) or duplicate the first item (a list).
    Add,
}

/// Wrong types, out-of-range and edge values.
fn replacement(choice: usize) -> Value {
    let values = [
        json!(-1),
        json!(11),
        json!(1e308),
        json!(0),
        json!(2.5),
        json!(4_294_967_296u64),
        json!("x"),
        json!(""),
        json!(null),
        json!(true),
        json!([]),
        json!({}),
        json!("2026-02-30"),
        json!("2099-01-01"),
        json!("calf_loading"),
        json!(i64::MIN),
    ];
    values[choice % values.len()].clone()
}

/// Walks down from `v` guided by `seed` (each step picks a child or stops) and applies `op` there.
fn mutate(v: &mut Value, seed: u64, depth: u32, op: &Op) {
    let stop = depth > 0 && seed % 3 == 0;
    let rest = seed / 3;
    match v {
        Value::Object(map) if !stop && !map.is_empty() => {
            let n = map.len() as u64;
            let key = map.keys().nth((rest % n) as usize).cloned().unwrap_or_default();
            if let Some(child) = map.get_mut(&key) {
                mutate(child, rest / n, depth + 1, op);
            }
        }
        Value::Array(items) if !stop && !items.is_empty() => {
            let n = items.len() as u64;
            mutate(&mut items[(rest % n) as usize], rest / n, depth + 1, op);
        }
        _ => match (op, v) {
            (Op::Remove, Value::Object(map)) if !map.is_empty() => {
                let key = map.keys().nth((rest % map.len() as u64) as usize).cloned().unwrap_or_default();
                map.remove(&key);
            }
            (Op::Remove, Value::Array(items)) if !items.is_empty() => {
                items.remove((rest % items.len() as u64) as usize);
            }
            (Op::Add, Value::Object(map)) => {
                map.insert(format!("unknown_{}", rest % 7), json!(1));
            }
            (Op::Add, Value::Array(items)) if !items.is_empty() => {
                let first = items[0].clone();
                items.push(first);
            }
            (Op::Set(choice), v) => *v = replacement(*choice),
            (_, v) => *v = Value::Null,
        },
    }
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![Just(Op::Remove), (0usize..16).prop_map(Op::Set), Just(Op::Add)]
}

proptest! {
    // Bounded for `cargo test`: 64 cases, each a file copy, an open and one or two imports.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_backup_imports_completely_or_changes_nothing(
        mutations in prop::collection::vec((any::<u64>(), op()), 0..4),
        truncate in prop::option::weighted(0.15, 0.0f64..1.0),
    ) {
        let f = fixture();
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("firststep.db");
        std::fs::copy(&f.template, &db).unwrap();
        let mut doc = f.backup.clone();
        for (seed, op) in &mutations {
            mutate(&mut doc, *seed, 0, op);
        }
        let mut text = doc.to_string();
        if let Some(fraction) = truncate {
            let mut cut = (text.len() as f64 * fraction) as usize;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }

        let app = FirstStep::open(db.to_string_lossy().into_owned()).unwrap();
        let before = bytes(&db);
        match app.import_json(at(TODAY), text.clone()) {
            Err(e) => {
                prop_assert_eq!(bytes(&db), before, "refused ({}) but the journal changed", e);
            }
            Ok(_) => {
                // Imported completely: the same document again finds everything already there.
                let again = app.import_json(at(TODAY), text).unwrap();
                let added = again.safety_screens_added + again.assessments_added + again.programs_added + again.pain_added
                    + again.pain_updated + again.pain_edits_added + again.sessions_added + again.runs_added
                    + again.decisions_added + again.clinician_visits_added;
                prop_assert_eq!(added, 0, "a second import added rows: {:?}", again);
                prop_assert!(!again.settings_imported);
            }
        }
    }
}

/// A copy of the seeded journal, opened (the folder lives as long as the returned guard).
fn journal_copy() -> (&'static Fixture, tempfile::TempDir, PathBuf, std::sync::Arc<FirstStep>) {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("firststep.db");
    std::fs::copy(&f.template, &db).unwrap();
    let app = FirstStep::open(db.to_string_lossy().into_owned()).unwrap();
    (f, dir, db, app)
}

#[test]
fn the_unmutated_backup_imports() {
    let (f, _dir, _db, app) = journal_copy();
    let report = app.import_json(at(TODAY), f.backup.to_string()).unwrap();
    assert!(report.pain_added > 0 && report.sessions_added > 0, "{report:?}");
}

/// Every object of `v` with its path (`pain[1]`, `programs[0].program.exercises[2]`), skipping the
/// assessment results, which are stored as any JSON the clinical module wrote.
fn objects(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            out.push(path.clone());
            for (key, child) in map {
                if key == "result" && path.starts_with("assessments[") {
                    continue;
                }
                objects(child, if path.is_empty() { key.clone() } else { format!("{path}.{key}") }, out);
            }
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, item)| objects(item, format!("{path}[{i}]"), out)),
        _ => {}
    }
}

/// The value at `path` in `v`.
fn at_path<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    let mut node = v;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        let key = pieces.next().unwrap();
        if !key.is_empty() {
            node = node.get_mut(key).unwrap();
        }
        for index in pieces {
            node = node.get_mut(index.trim_end_matches(']').parse::<usize>().unwrap()).unwrap();
        }
    }
    node
}

fn refusal(app: &FirstStep, db: &Path, doc: &Value) -> String {
    let before = bytes(db);
    // Pretty-printed, as an exported backup is: positions span many lines.
    let err = app.import_json(at(TODAY), serde_json::to_string_pretty(doc).unwrap()).expect_err("must be refused").to_string();
    assert_eq!(bytes(db), before, "refused ({err}) but the journal changed");
    err
}

/// An unknown key in any record of a real backup — every object, nested ones included — is refused,
/// naming that record and the key (#16 item 3).
#[test]
fn an_unknown_key_anywhere_is_refused_naming_its_record() {
    let (f, _dir, db, app) = journal_copy();
    let mut paths = Vec::new();
    objects(&f.backup, String::new(), &mut paths);
    assert!(paths.len() > 40, "{paths:?}");
    for path in paths {
        let mut doc = f.backup.clone();
        at_path(&mut doc, &path).as_object_mut().unwrap().insert("zz_unknown".into(), json!(1));
        let err = refusal(&app, &db, &doc);
        let expected = if path.is_empty() { "unknown key \"zz_unknown\" at the top level".to_string() } else { format!("{path}: unknown key \"zz_unknown\"") };
        assert!(err.contains(&expected), "{path}: {err}");
    }
}

/// A whole number replaced by text anywhere in a real backup is refused naming that exact field.
#[test]
fn a_wrong_type_anywhere_is_refused_naming_its_field() {
    let (f, _dir, db, app) = journal_copy();
    let mut fields = Vec::new();
    let mut paths = Vec::new();
    objects(&f.backup, String::new(), &mut paths);
    for path in &paths {
        let mut doc = f.backup.clone();
        for (key, value) in at_path(&mut doc, path).as_object().unwrap() {
            if value.is_u64() && key != "format_version" {
                fields.push(if path.is_empty() { key.clone() } else { format!("{path}.{key}") });
            }
        }
    }
    assert!(fields.len() > 20, "{fields:?}");
    for field in fields {
        let mut doc = f.backup.clone();
        *at_path(&mut doc, &field) = json!("x");
        let err = refusal(&app, &db, &doc);
        assert!(err.contains(&format!("{field} must be ")) || err.contains(&format!("{field}: ")), "{field}: {err}");
        assert!(err.contains("(got \"x\")") || err.contains("got \"x\"") || err.contains("string \"x\""), "{field}: {err}");
    }
}
