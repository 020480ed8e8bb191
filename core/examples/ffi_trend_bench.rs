//! The Rust side of the cross-language benchmark (tests/bench/run.sh): builds a synthetic one-year
//! journal through the public `FirstStep` API, then times the 12-week trend through the same API the
//! Kotlin and Swift harnesses call on the same file, so the ratios compare like with like.
//!
//!   cargo run --release -p firststep-core --example ffi_trend_bench -- build PATH
//!   cargo run --release -p firststep-core --example ffi_trend_bench -- time PATH [CALLS]
//!
//! `time` prints `rust trend_12w_us_per_call=<µs>`.

use std::time::Instant;

use firststep_core::api::{FirstStep, Moment};

/// The journal ends here; the trend window ends on the same date in every language.
pub const END_DATE: &str = "2026-08-31";
const DAY_MS: i64 = 86_400_000;
/// 2025-09-01T08:00:00Z.
const START_MS: i64 = 1_756_713_600_000;

const ANSWERS: &str = r#"{"date": "2025-09-01", "affected_side": "left", "first_step_pain": 6,
  "knee_to_wall_cm": {"left": 7.0, "right": 11.0}, "heel_raise_reps": {"left": 15, "right": 25}}"#;

fn moment(day: i64) -> Moment {
    Moment { instant_ms: START_MS + day * DAY_MS, time_zone: "UTC".into() }
}

fn build(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    if std::path::Path::new(path).exists() {
        return Err(format!("{path} exists; the benchmark builds a fresh journal").into());
    }
    let app = FirstStep::open(path.into())?;
    app.submit_assessment_json(moment(0), ANSWERS.into())?;
    for day in 0..365 {
        let now = moment(day);
        // Pain drifting from 6 to 2 over the year with a weekly wobble; one session and a run every 3rd day.
        let pain = (6 - day / 90 + (day % 7 == 3) as i64).clamp(0, 10);
        app.log_pain(now.clone(), None, pain, Some(10), None)?;
        app.log_session(now.clone(), None, "plantar_fascia_stretch".into(), 1, Some(10), None, 1, true, None, None)?;
        if day % 3 == 0 {
            app.log_run(now, None, 5.0 + (day % 10) as f64, Some(35.0), Some(2), Some(2), None, None)?;
        }
    }
    Ok(())
}

fn time(path: &str, calls: u32) -> Result<(), Box<dyn std::error::Error>> {
    let app = FirstStep::open(path.into())?;
    for _ in 0..calls / 10 {
        app.trend(END_DATE.into(), 12)?; // warm-up
    }
    let start = Instant::now();
    let mut days = 0;
    for _ in 0..calls {
        days += app.trend(END_DATE.into(), 12)?.days.len();
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / f64::from(calls);
    assert_eq!(days, 84 * calls as usize);
    println!("rust trend_12w_us_per_call={micros:.1}");
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, path] if cmd == "build" => build(path),
        [cmd, path] if cmd == "time" => time(path, 2000),
        [cmd, path, calls] if cmd == "time" => time(path, calls.parse()?),
        _ => Err("usage: ffi_trend_bench build PATH | time PATH [CALLS]".into()),
    }
}
