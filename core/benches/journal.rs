//! Journal benchmarks on synthetic histories of 1 and 10 years (3,650 mornings, ~4,900 sessions,
//! ~1,500 runs for 10 years), each built once per run in a temp dir with one bulk import
//! transaction. Run:
//! `cargo bench -p firststep-core --bench journal -- --warm-up-time 1 --measurement-time 3`
//! Targets (issue #3): trend < 1 ms, 10y/1y ratio ≤ 1.2, open < 10 ms (issue #16: still, with the
//! damage check moved to the first write).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use firststep_core::journal::Journal;
use firststep_core::model::Program;
use serde_json::json;

// The record builders the journal's integration tests use.
#[path = "../tests/journal_support/mod.rs"]
mod support;
use support::{day, program};

const END: &str = "2026-11-23";

/// A backup document with `years` of daily history ending on END.
fn synthetic_backup(years: i32) -> String {
    let end = day(END);
    let days = years * 365;
    let start = end.add_days(-(days - 1));
    let (mut pain, mut sessions, mut runs, mut decisions) = (vec![], vec![], vec![], vec![]);
    for i in 0..days {
        let date = start.add_days(i).iso();
        pain.push(json!({"date": date, "score": (7 - i * 6 / days).max(0), "stiffness_minutes": 10, "note": null, "logged_at_ms": 1_600_000_000_000i64 + i64::from(i) * 86_400_000}));
        let session = |id: &str| json!({"date": date, "exercise_id": id, "level": 1, "sets_done": 3, "reps_done": 12, "hold_seconds_done": null, "peak_pain": 2, "completed": true, "skipped_steps": 0});
        sessions.push(session("fascia_stretch"));
        if i % 3 == 0 {
            sessions.push(session("heel_raise"));
        }
        if i % 12 < 5 {
            runs.push(json!({"date": date, "distance_km": 5.0 + f64::from(i % 7), "minutes": 35.0, "pain_during": 2, "pain_after": 1, "surface": "road", "shoes": null}));
        }
        // As in the app: a decision every morning after a session, mostly holds, a level change
        // every two weeks.
        if i % 14 == 13 {
            decisions.push(json!({"date": date, "exercise_id": "heel_raise", "action": "progress", "from_level": 1, "to_level": 2, "rule": "P4", "reason": "3 calm sessions"}));
        } else if i % 3 == 1 {
            decisions.push(json!({"date": date, "exercise_id": "heel_raise", "action": "hold", "from_level": 1, "to_level": 1, "rule": "P4", "reason": "2 of 3 calm sessions"}));
        }
    }
    json!({
        "format_version": 1, "app": "FirstStep", "exported_at": "2026-11-23T00:00:00Z", "exported_at_ms": 0, "schema_version": 2,
        "settings": null, "safety_screens": [], "assessments": [],
        "programs": [{"current": true, "program": program(&start.iso())}],
        "pain": pain, "pain_edits": [], "sessions": sessions, "runs": runs, "decisions": decisions,
    })
    .to_string()
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    program: Program,
}

fn build(years: i32) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("journal-{years}y.sqlite"));
    let journal = Journal::open(&path).unwrap();
    let report = journal.import_json(&synthetic_backup(years), day(END), &|_| true).unwrap();
    assert_eq!(report.pain_added as i32, years * 365);
    let program = journal.current_program().unwrap().unwrap();
    Fixture { _dir: dir, path, program }
}

fn benches(c: &mut Criterion) {
    let end = day(END);
    for (label, years) in [("1y", 1), ("10y", 10)] {
        let f = build(years);
        let journal = Journal::open(&f.path).unwrap();
        let mut g = c.benchmark_group(format!("journal_{label}"));
        g.bench_function("trend_12_weeks", |b| b.iter(|| black_box(journal.trend(end, 12, Some(&f.program)).unwrap())));
        g.bench_function("today_sessions_and_program", |b| {
            b.iter(|| black_box((journal.sessions(end, end).unwrap(), journal.current_program().unwrap())))
        });
        g.bench_function("open_existing", |b| b.iter(|| black_box(Journal::open(&f.path).unwrap())));
        // Issue #16: the damage check (`PRAGMA quick_check`) runs before a handle's first write,
        // not at open; this is what a process that opens and logs once pays (check + fsync).
        let settings = firststep_core::model::Settings::default();
        g.bench_function("quick_check", |b| b.iter(|| assert!(black_box(journal.quick_check()).is_none())));
        g.bench_function("open_then_first_write", |b| {
            b.iter(|| {
                let j = Journal::open(&f.path).unwrap();
                j.save_settings(&settings).unwrap();
                black_box(j)
            })
        });
        let mut score = 0u8;
        g.bench_function("log_one_score", |b| {
            b.iter(|| {
                score = (score + 1) % 11;
                let entry = firststep_core::model::PainEntry { date: END.into(), score, stiffness_minutes: None, note: None, logged_at_ms: 1 };
                black_box(journal.log_pain(&entry, end).unwrap())
            })
        });
        g.finish();
    }
}

criterion_group!(journal_benches, benches);
criterion_main!(journal_benches);
