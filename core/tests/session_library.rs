//! Table test: a full guided session of every exercise of the library, driven like a shell
//! (a tick every 250 ms, a self-paced rep tapped "done" 1.5 s after it starts).

#[path = "session_fixtures.rs"]
mod fixtures;

use std::collections::HashSet;

use firststep_core::model::Side;
use firststep_core::session::{CueKind, Phase, SessionEngine, SessionEvent, SessionState, SessionStatus};

struct Run {
    active_ms: i64,
    phases: HashSet<Phase>,
    cues: Vec<(CueKind, i64)>,
    states: Vec<SessionState>,
}

/// Drives one session to the end. Self-paced reps take 1.5 s each.
fn drive(engine: &mut SessionEngine) -> Run {
    let t0 = 1_000_000;
    let mut t = t0;
    let mut run = Run { active_ms: 0, phases: HashSet::new(), cues: vec![], states: vec![] };
    let absorb = |run: &mut Run, s: SessionState| {
        run.phases.insert(s.phase);
        run.cues.extend(s.cues.iter().map(|c| (c.kind, c.at_ms - t0)));
        run.states.push(s);
    };
    let s = engine.handle(SessionEvent::Start { at_ms: t }).unwrap();
    absorb(&mut run, s);
    let mut rep_done_at: Option<i64> = None;
    loop {
        t += 250;
        let mut s = engine.state_at(t).unwrap();
        if rep_done_at == Some(t) {
            absorb(&mut run, s);
            s = engine.handle(SessionEvent::RepDone { at_ms: t }).unwrap();
            rep_done_at = None;
        }
        if s.phase == Phase::SelfPacedRep && rep_done_at.is_none() {
            rep_done_at = Some(t + 1_500);
        }
        let status = s.status;
        let active = s.elapsed_active_ms;
        absorb(&mut run, s);
        if status == SessionStatus::AwaitingPain {
            run.active_ms = active;
            break;
        }
        assert!(t - t0 < 36_000_000, "session never ended");
    }
    run
}

fn count(run: &Run, kind: CueKind) -> usize {
    run.cues.iter().filter(|(k, _)| *k == kind).count()
}

#[test]
fn every_library_exercise_runs_to_the_end_with_the_right_timing_cues_and_record() {
    use Phase::*;
    // (id, level, expected active seconds, work phases expected)
    let expected: Vec<(&str, u32, f64, Vec<Phase>)> = vec![
        ("plantar_fascia_stretch", 0, 105.0, vec![HoldTimer]), // 5 + 10×10
        ("calf_stretch", 0, 250.0, vec![HoldTimer, Rest, SwitchSides]), // 5 + 2×(3×30 + 2×15) + 5
        ("calf_loading", 0, 305.0, vec![Up, Down, Rest]),      // 5 + 45×4 + 2×60
        ("calf_loading", 1, 305.0, vec![Up, Down, Rest]),      // 5 + 45×(1+3) + 2×60
        ("calf_loading", 2, 533.0, vec![Up, Hold, Down, Rest]), // 5 + 36×8 + 2×120
        ("calf_loading", 3, 685.0, vec![Up, Hold, Down, Rest]), // 5 + 40×8 + 3×120
        ("calf_loading", 4, 805.0, vec![Up, Hold, Down, Rest]), // 5 + 40×8 + 4×120
        ("towel_scrunch", 0, 132.5, vec![SelfPacedRep, Rest]),  // 5 + 45×1.5 + 2×30
        ("short_foot", 0, 55.0, vec![HoldTimer]),               // 5 + 10×5
        ("single_leg_balance", 0, 310.0, vec![HoldTimer, Rest, SwitchSides]), // 5 + 2×(90+60) + 5
        ("ankle_mobility", 0, 80.0, vec![SelfPacedRep, Rest]),  // 5 + 30×1.5 + 30
        ("side_lying_hip_abduction", 0, 325.0, vec![SelfPacedRep, Rest, SwitchSides]), // 5 + 2×(67.5+90) + 5
        ("clamshell", 0, 325.0, vec![SelfPacedRep, Rest, SwitchSides]),
        ("single_leg_bridge", 0, 280.0, vec![SelfPacedRep, Rest, SwitchSides]), // 5 + 2×(45+90) + 5
        ("cadence_drill", 0, 6.5, vec![SelfPacedRep]),           // 5 + 1.5
    ];
    let library = fixtures::library();
    assert_eq!(library.len(), expected.len());
    for (exercise, (id, level, seconds, work)) in library.into_iter().zip(expected) {
        assert_eq!((exercise.exercise_id.as_str(), exercise.level), (id, level));
        let name = format!("{id} L{level}");
        let sides = if exercise.sides == Side::Both { 2 } else { 1 };
        let sets = exercise.sets as usize;
        let mut engine = SessionEngine::new(fixtures::day(), vec![exercise.clone()]).unwrap();
        let run = drive(&mut engine);

        assert_eq!(run.active_ms, (seconds * 1000.0) as i64, "{name}: active time");
        let mut phases: Vec<Phase> = run.phases.iter().copied().filter(|p| !matches!(p, GetReady | SessionDone)).collect();
        phases.sort_by_key(|p| *p as u8);
        assert_eq!(phases, work, "{name}: phases");
        assert_eq!(count(&run, CueKind::GetReady), 1, "{name}");
        assert_eq!(count(&run, CueKind::SetDone), sets * sides, "{name}: one set-done per set and side");
        assert_eq!(count(&run, CueKind::SwitchSides), sides - 1, "{name}");
        let rests = if exercise.rest_seconds > 0 { (sets - 1) * sides } else { 0 };
        assert_eq!(count(&run, CueKind::Rest), rests, "{name}: rest between sets only");
        assert_eq!(count(&run, CueKind::SessionDone), 1, "{name}");
        // Every countdown cue lands in the last 3 s of a step, never at the same time twice.
        let mut seen = HashSet::new();
        for &(kind, at) in &run.cues {
            if matches!(kind, CueKind::Countdown1 | CueKind::Countdown2 | CueKind::Countdown3) {
                assert!(seen.insert((kind, at)), "{name}: countdown {kind:?} at {at} twice");
            }
        }
        // Progress reaches 1 and never goes back.
        let progress: Vec<f64> = run.states.iter().map(|s| s.session_progress).collect();
        assert!(progress.windows(2).all(|w| w[1] >= w[0]), "{name}: progress went back");
        assert_eq!(*progress.last().unwrap(), 1.0);
        // Sides follow the plan: left first then right for Both; the exercise's side otherwise.
        let worked: Vec<Side> = run.states.iter().filter(|s| work.contains(&s.phase)).map(|s| s.side).collect();
        match exercise.sides {
            Side::Both => {
                let first_right = worked.iter().position(|&s| s == Side::Right).unwrap();
                assert!(worked[..first_right].iter().all(|&s| s == Side::Left), "{name}");
                assert!(worked[first_right..].iter().all(|&s| s == Side::Right), "{name}");
            }
            side => assert!(worked.iter().all(|&s| s == side), "{name}"),
        }

        engine.handle(SessionEvent::Finish { at_ms: 1_000_000 + 40_000_000, peak_pain: 3 }).unwrap();
        let records = engine.records().unwrap();
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!((r.exercise_id.as_str(), r.level, r.peak_pain), (id, level, 3));
        assert!(r.completed, "{name}");
        assert_eq!(r.sets_done, exercise.sets, "{name}");
        assert_eq!(r.skipped_steps, 0);
        assert_eq!(r.reps_done, exercise.reps, "{name}");
        assert_eq!(r.hold_seconds_done, exercise.hold_seconds, "{name}");
    }
}

#[test]
fn the_whole_library_in_one_session_has_exercise_breaks_and_one_session_end() {
    let library = fixtures::library();
    let n = library.len();
    let mut engine = SessionEngine::new(fixtures::day(), library).unwrap();
    let run = drive(&mut engine);
    assert_eq!(count(&run, CueKind::ExerciseDone), n - 1, "an exercise-done break between exercises");
    assert_eq!(count(&run, CueKind::GetReady), n);
    assert_eq!(count(&run, CueKind::SessionDone), 1);
    let indices: Vec<u32> = run.states.iter().map(|s| s.exercise_index).collect();
    assert!(indices.windows(2).all(|w| w[1] >= w[0]));
    assert_eq!(*indices.last().unwrap() as usize, n - 1);
}
