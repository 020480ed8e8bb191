//! Benchmark of `SessionEngine::state_at`, the call a shell makes 4–10 times a second.
//! Target: ≤ 1 µs per call.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

use firststep_core::day::Day;
use firststep_core::model::{EvidenceTier, Frequency, ProgramExercise, Side, Tempo};
use firststep_core::session::{SessionEngine, SessionEvent};

fn exercise(sets: u32, reps: u32, hold: Option<u32>, tempo: Option<Tempo>) -> ProgramExercise {
    ProgramExercise {
        exercise_id: "calf_loading".into(),
        name: "Calf loading".into(),
        level: 2,
        max_level: 4,
        level_name: "Single-leg raise on a towel".into(),
        level_label: "Level 3 of 5 · Single-leg raise on a towel".into(),
        how_to: vec![],
        sets,
        reps: Some(reps),
        hold_seconds: hold,
        tempo,
        rest_seconds: 120,
        load: None,
        sides: Side::Both,
        frequency: Frequency::EveryOtherDay,
        evidence_tier: EvidenceTier::RctPf,
        answers: vec![],
        level_started_on: "2026-11-01".into(),
        rules: vec!["L1".into()],
        minutes: 0,
        min_days_at_level: 0,
        asks_effort: false,
        load_steps: 0,
        lesson_id: None,
        lesson_title: None,
    }
}

/// A started engine whose session lasts far longer than the benchmark runs.
fn started(exercise: ProgramExercise) -> SessionEngine {
    let day = Day::parse("date", "2026-11-24").unwrap();
    let mut engine = SessionEngine::new(day, vec![exercise]).unwrap();
    engine.handle(SessionEvent::Start { at_ms: 0 }).unwrap();
    engine
}

fn bench_state_at(c: &mut Criterion) {
    // Long holds: most queries emit no cue (the common case between cues).
    let mut holds = started(exercise(50, 200, Some(600), None));
    let mut t = 0i64;
    c.bench_function("state_at/hold, +1 ms per query", |b| {
        b.iter(|| {
            t += 1;
            black_box(holds.state_at(black_box(t)).unwrap())
        })
    });
    // 3-2-3 tempo reps queried at 250 Hz: phase changes and cues every few hundred calls.
    let tempo = Some(Tempo { up_seconds: 3, hold_seconds: 2, down_seconds: 3 });
    let mut reps = started(exercise(50, 200, None, tempo));
    let mut t = 0i64;
    c.bench_function("state_at/tempo reps, +4 ms per query", |b| {
        b.iter(|| {
            t += 4;
            black_box(reps.state_at(black_box(t)).unwrap())
        })
    });
}

criterion_group!(benches, bench_state_at);
criterion_main!(benches);
