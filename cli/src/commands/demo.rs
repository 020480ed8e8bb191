//! `firststep demo`: a one-minute tour on a throw-away database. Eight weeks of a runner's history
//! are generated through the same API the commands use (assessment, mornings trending from 6 to 2
//! with a few missed days, the planned exercises, two runs a week), then every screen is shown,
//! including a sped-up guided session of one short exercise.

use std::time::Duration;

use firststep_core::day::Day;
use firststep_core::model::ProgramExercise;
use firststep_core::session::{GuidedSession, SessionEvent};

use super::session::{self, Clock, Mode, Outcome, RealClock, SimClock};
use crate::context::{CliError, CliResult, Context};
use crate::render::heading;

/// Days of generated history (8 weeks, the last one being today).
const HISTORY_DAYS: i32 = 56;
/// Pause between screens in the normal tour (design choice: about a minute over the eight screens).
const PAUSE: Duration = Duration::from_millis(7000);
/// Speed of the guided-session excerpt in the normal tour.
const DEMO_SPEED: f64 = 20.0;
/// Mornings left unlogged, to show gaps in the chart (days from the start).
const MISSED_DAYS: [i32; 3] = [11, 24, 39];

/// The demo runner's assessment (the example of docs/answers.md): a stiff, weak-calf left side.
fn answers(date: &str) -> String {
    serde_json::json!({
        "date": date, "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 6,
        "red_flags": [],
        "knee_to_wall_cm": {"left": 6.0, "right": 11.0},
        "heel_raise_reps": {"left": 14, "right": 24},
        "toe_grip": {"left": "fail", "right": "pass"},
        "arch_control": {"left": "partial", "right": "pass"},
        "single_leg_squat": {"left": "fair", "right": "good"},
        "balance_seconds": {"left": 40, "right": 45},
        "cadence_spm": 158, "overstride": true,
        "weekly_km_now": 55, "weekly_km_4_weeks_ago": 35,
        "longest_run_km_recent": 28, "longest_run_km_prior_30d": 21,
        "surface_change": false, "shoe_change": true, "race_build_up": true,
        "hours_on_feet_per_day": 2
    })
    .to_string()
}

/// Runs the tour; `fast` skips every pause and simulates the session clock.
pub fn run(fast: bool, tz: Option<String>) -> CliResult {
    let dir = tempfile::tempdir().map_err(|e| CliError::state(format!("cannot create a temporary folder: {e}")))?;
    let db = dir.path().join("demo.db");
    let ctx = Context::open(Some(db), false, None, tz)?;
    let pause = || {
        if !fast {
            std::thread::sleep(PAUSE);
        }
    };

    println!("{}", heading("FirstStep demo"));
    println!("Meet a runner with a sore left heel, eight weeks into the program.");
    println!("Everything below runs on a throw-away database (it is deleted at the end).\n");

    let today = Day::parse("date", &ctx.date).map_err(|e| CliError::invalid("date", e))?;
    let start = today.add_days(-(HISTORY_DAYS - 1));
    let assessment = ctx.app.submit_assessment_json(ctx.moment_on(start)?, answers(&start.iso()))?;
    generate_history(&ctx, start, today)?;

    println!("1) The assessment eight weeks ago");
    println!("{}\n", super::assess::render(&assessment));
    pause();
    println!("2) The home screen today\n{}\n", super::home::render(&ctx.app.home(ctx.moment.clone())?));
    pause();
    println!("3) Today's plan\n{}\n", super::today::render(&ctx.app.plan_for(ctx.date.clone())?));
    pause();
    println!("4) A guided session (one short exercise, {})", if fast { "simulated clock" } else { "20× speed" });
    guided_excerpt(&ctx, today, fast)?;
    println!();
    pause();
    println!("5) Progress: level changes and their reasons\n{}\n", super::progress::render(&ctx, &ctx.app.progress(ctx.moment.clone(), Some(9.0))?));
    pause();
    println!("6) The recovery trend over 8 weeks\n{}\n", super::trend::render(&ctx.app.trend(ctx.date.clone(), 8)?));
    pause();
    println!("7) Reminders the phone apps would schedule\n{}\n", first_lines(&super::reminders::render(&ctx.app.reminders(ctx.moment.clone())?), 8));
    pause();
    let csv = ctx.app.pain_csv()?;
    println!("8) Your data is yours: firststep export --csv\n{}\n…\n", first_lines(&csv, 4));
    println!("9) Short lessons, opened week by week: firststep learn\n{}\n", super::learn::render_list(&ctx.app.lessons(ctx.moment.clone())?));
    println!("That was FirstStep. Start your own with: firststep assess");
    Ok(())
}

/// Mornings trending from 6 to 2, the planned exercises each day (not today: they wait for the
/// guided session) and two runs a week growing from 3 to 8 km.
fn generate_history(ctx: &Context, start: Day, today: Day) -> CliResult {
    // design choice: a small fixed wobble so the line looks like real mornings, not a ramp.
    const WOBBLE: [f64; 7] = [0.0, 0.6, -0.4, 0.3, -0.6, 0.4, -0.2];
    for i in 0..HISTORY_DAYS {
        let day = start.add_days(i);
        let moment = ctx.moment_on(day)?;
        let progress = f64::from(i) / f64::from(HISTORY_DAYS - 1);
        if !MISSED_DAYS.contains(&i) {
            let pain = (6.0 - 4.0 * progress + WOBBLE[i as usize % 7]).round().clamp(0.0, 10.0) as i64;
            let stiffness = Some((20.0 - 15.0 * progress).round() as i64);
            ctx.app.log_pain(moment.clone(), None, pain, stiffness, None)?;
        }
        if day == today {
            break;
        }
        for e in ctx.app.plan_for(day.iso())?.exercises {
            let peak = if i % 9 == 4 { 4 } else { 2 };
            ctx.app.log_session(moment.clone(), None, e.exercise_id.clone(), i64::from(e.sets), e.reps.map(i64::from), hold(&e), peak, true, None, None)?;
        }
        if matches!(day.iso_weekday(), 2 | 6) {
            let km = 3.0 + 5.0 * progress;
            let km = (km * 2.0).round() / 2.0;
            let pain = if progress < 0.5 { Some(3) } else { Some(1) };
            ctx.app.log_run(moment, None, km, Some(km * 6.0), pain, None, None, None)?;
        }
    }
    Ok(())
}

/// Hold seconds to log: only for hold exercises (reps take precedence).
fn hold(e: &ProgramExercise) -> Option<i64> {
    if e.reps.is_some() {
        None
    } else {
        Some(i64::from(e.hold_seconds.unwrap_or(30)))
    }
}

/// Guides the shortest exercise of today's plan, cut to one set of at most 3 reps.
fn guided_excerpt(ctx: &Context, today: Day, fast: bool) -> CliResult {
    let plan = ctx.app.plan_for(ctx.date.clone())?;
    let Some(mut exercise) = plan.exercises.into_iter().min_by_key(estimated_seconds) else {
        println!("(no exercises planned today)");
        return Ok(());
    };
    exercise.sets = 1;
    exercise.reps = exercise.reps.map(|r| r.min(3));
    let guided = GuidedSession::new(today.iso(), vec![exercise])?;
    let first = guided.handle(SessionEvent::Start { at_ms: 1_000 })?;
    let mut sim;
    let mut real;
    let clock: &mut dyn Clock = if fast {
        sim = SimClock::new(1_000);
        &mut sim
    } else {
        real = RealClock::new(1_000, DEMO_SPEED);
        &mut real
    };
    if let Outcome::AwaitingPain { at_ms } = session::guide(&guided, clock, Mode::Lines, first)? {
        let records = session::finish(ctx, &guided, at_ms, 2, None)?;
        println!("{}", session::summary(&records).lines().take(2).collect::<Vec<_>>().join("\n"));
    }
    Ok(())
}

/// A rough length of one exercise, to pick the shortest for the excerpt.
fn estimated_seconds(e: &ProgramExercise) -> u32 {
    let per_rep = e.tempo.map(|t| t.up_seconds + t.hold_seconds + t.down_seconds).or(e.hold_seconds).unwrap_or(3);
    e.sets * e.reps.unwrap_or(1) * per_rep
}

fn first_lines(text: &str, n: usize) -> String {
    text.lines().take(n).collect::<Vec<_>>().join("\n")
}
