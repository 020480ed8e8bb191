//! Property tests of the session engine: random plans, random events and random query patterns.

#[path = "session_fixtures.rs"]
mod fixtures;

use proptest::prelude::*;
use rand::{Rng, SeedableRng};

use firststep_core::model::{ProgramExercise, Side};
use firststep_core::session::{Cue, SessionEngine, SessionEvent, SessionState, SessionStatus};

fn exercise_strategy() -> impl Strategy<Value = ProgramExercise> {
    (
        1u32..4,
        prop::option::of(1u32..5),
        prop::option::of(1u32..8),
        prop::option::of((0u32..4, 0u32..3, 0u32..4)),
        0u32..6,
        prop::sample::select(vec![Side::None, Side::Left, Side::Right, Side::Both]),
    )
        .prop_map(|(sets, reps, hold, tempo, rest, sides)| {
            let tempo = tempo.and_then(|(u, h, d)| fixtures::tempo(u, h, d));
            fixtures::exercise("random", 1, sets, reps, hold, tempo, rest, sides)
        })
}

fn plan_strategy() -> impl Strategy<Value = Vec<ProgramExercise>> {
    prop::collection::vec(exercise_strategy(), 1..=4)
}

/// A step of a script: wait `dt` ms, then do `what` (0 = just query, 1..=7 events).
#[derive(Clone, Copy, Debug)]
struct Action {
    dt: i64,
    what: u8,
}

fn script_strategy() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec((0i64..4_000, 0u8..12).prop_map(|(dt, what)| Action { dt, what }), 1..80)
}

fn event(what: u8, at_ms: i64) -> Option<SessionEvent> {
    Some(match what {
        1 => SessionEvent::Pause { at_ms },
        2 => SessionEvent::Resume { at_ms },
        3 => SessionEvent::SkipStep { at_ms },
        4 => SessionEvent::RepeatStep { at_ms },
        5..=7 => SessionEvent::RepDone { at_ms }, // self-paced reps are common in real use
        8 => SessionEvent::Finish { at_ms, peak_pain: 3 },
        _ => return None,
    })
}

const START: i64 = 10_000;

/// Runs a script; `queries` decides whether the query-only actions are sent. Returns every
/// successful state in order.
fn run(engine: &mut SessionEngine, script: &[Action], queries: bool) -> Vec<SessionState> {
    let mut states = vec![engine.handle(SessionEvent::Start { at_ms: START }).unwrap()];
    let mut t = START;
    for a in script {
        t += a.dt;
        match event(a.what, t) {
            Some(ev) => {
                let before = engine.snapshot();
                match engine.handle(ev) {
                    Ok(s) => states.push(s),
                    Err(_) => assert_eq!(engine.snapshot(), before, "a refused event changed the state"),
                }
            }
            None if queries => states.push(engine.state_at(t).unwrap()),
            None => {}
        }
    }
    states
}

fn end_time(script: &[Action]) -> i64 {
    START + script.iter().map(|a| a.dt).sum::<i64>()
}

/// Cues without the `late` flag, which depends on when the shell asked.
fn cue_keys(states: &[SessionState]) -> Vec<(firststep_core::session::CueKind, i64, String)> {
    states.iter().flat_map(|s| s.cues.iter()).map(|c: &Cue| (c.kind, c.at_ms, c.text.clone())).collect()
}

fn without_cues(mut s: SessionState) -> SessionState {
    s.cues.clear();
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn progress_never_goes_backwards(plan in plan_strategy(), script in script_strategy()) {
        let mut engine = SessionEngine::new(fixtures::day(), plan).unwrap();
        let states = run(&mut engine, &script, true);
        for w in states.windows(2) {
            prop_assert!(w[1].session_progress >= w[0].session_progress, "{} then {}", w[0].session_progress, w[1].session_progress);
            prop_assert!(w[1].elapsed_active_ms >= w[0].elapsed_active_ms);
        }
    }

    #[test]
    fn state_is_a_function_of_the_events_and_every_cue_comes_exactly_once(
        plan in plan_strategy(), script in script_strategy(), extra in prop::collection::vec(0i64..4_000, 0..40)
    ) {
        let end = end_time(&script) + 5_000;
        // Pattern A: events plus the script's queries plus a dense tail of queries.
        let mut a = SessionEngine::new(fixtures::day(), plan.clone()).unwrap();
        let mut states_a = run(&mut a, &script, true);
        let mut t = end_time(&script);
        for dt in extra {
            t = (t + dt).min(end);
            states_a.push(a.state_at(t).unwrap());
            // Asking again at the same instant never repeats a cue.
            prop_assert!(a.state_at(t).unwrap().cues.is_empty());
        }
        states_a.push(a.state_at(end).unwrap());
        // Pattern B: events only, one query at the end.
        let mut b = SessionEngine::new(fixtures::day(), plan).unwrap();
        let mut states_b = run(&mut b, &script, false);
        states_b.push(b.state_at(end).unwrap());

        prop_assert_eq!(without_cues(states_a.last().unwrap().clone()), without_cues(states_b.last().unwrap().clone()));
        prop_assert_eq!(cue_keys(&states_a), cue_keys(&states_b));
        prop_assert_eq!(a.snapshot(), b.snapshot());
    }

    #[test]
    fn paused_time_moves_nothing(plan in plan_strategy(), script in script_strategy(), waits in prop::collection::vec(1i64..100_000, 1..5)) {
        let mut engine = SessionEngine::new(fixtures::day(), plan).unwrap();
        run(&mut engine, &script, true);
        let mut t = end_time(&script);
        // Ask first: a refused last event leaves the engine at the previous instant.
        if engine.state_at(t).unwrap().status == SessionStatus::Running {
            let paused = engine.handle(SessionEvent::Pause { at_ms: t }).unwrap();
            for w in waits {
                t += w;
                let s = engine.state_at(t).unwrap();
                prop_assert!(s.cues.is_empty());
                prop_assert_eq!(without_cues(s), without_cues(paused.clone()));
            }
        }
    }

    #[test]
    fn snapshot_and_restore_at_any_point_continue_identically(
        plan in plan_strategy(), script in script_strategy(), cut in 0usize..80
    ) {
        let cut = cut.min(script.len());
        let mut original = SessionEngine::new(fixtures::day(), plan).unwrap();
        run(&mut original, &script[..cut], true);
        let mut restored = SessionEngine::restore(&original.snapshot()).unwrap();
        let mut t = START + script[..cut].iter().map(|a| a.dt).sum::<i64>();
        for a in &script[cut..] {
            t += a.dt;
            let (x, y) = match event(a.what, t) {
                Some(ev) => (original.handle(ev.clone()).ok(), restored.handle(ev).ok()),
                None => (original.state_at(t).ok(), restored.state_at(t).ok()),
            };
            prop_assert_eq!(x, y);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, .. ProptestConfig::default() })]

    /// Ten simulated hours of irregular ticks (0–1000 ms apart) with random pauses: the active
    /// time equals the sum of the running intervals to the millisecond.
    #[test]
    fn ten_hours_of_irregular_ticks_do_not_drift(seed in any::<u64>()) {
        // A get-ready then a self-paced rep that never gets its "done": the session stays open.
        let drill = fixtures::exercise("cadence_drill", 0, 1, None, None, None, 0, Side::None);
        let mut engine = SessionEngine::new(fixtures::day(), vec![drill]).unwrap();
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let mut t = 123_456;
        engine.handle(SessionEvent::Start { at_ms: t }).unwrap();
        let (mut running, mut active, mut since) = (true, 0i64, t);
        let end = t + 10 * 3_600_000;
        while t < end {
            t += rng.random_range(0..=1_000);
            let roll = rng.random_range(0..2_000);
            if roll == 0 {
                if running {
                    engine.handle(SessionEvent::Pause { at_ms: t }).unwrap();
                    active += t - since;
                } else {
                    engine.handle(SessionEvent::Resume { at_ms: t }).unwrap();
                    since = t;
                }
                running = !running;
            } else {
                let s = engine.state_at(t).unwrap();
                let expected = if running { active + t - since } else { active };
                prop_assert_eq!(s.elapsed_active_ms, expected);
            }
        }
    }
}
