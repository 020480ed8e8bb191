//! Ten simulated weeks through the real binary and a real database file, driven by `--date`:
//! the assessment from a file, mornings trending down with a few missed days, the planned
//! exercises logged every day and two runs a week. Checks what a runner relies on: the calf
//! loading ladder moves up by rule P4 and the trend shows a meaningful improvement with gaps as
//! null (never zero).

mod common;

use common::{add_days, assess, stiff_ankle_weak_calf, Journal};
use serde_json::Value;

const START: &str = "2026-06-01";
const DAYS: i64 = 70;
/// Mornings not logged: gaps in the trend.
const MISSED: [i64; 3] = [12, 30, 51];

fn morning_pain(day: i64) -> i64 {
    // 6 at the start, 1–2 at the end, with a small wobble.
    let wobble = [0, 1, 0, -1, 0, 1, -1][(day % 7) as usize];
    (6 - (day * 5) / DAYS + wobble).clamp(0, 10)
}

#[test]
fn ten_weeks_progress_by_p4_and_a_meaningful_improvement() {
    let j = Journal::new();
    let result = assess(&j, START, &stiff_ankle_weak_calf(START));
    let findings = result["findings"].as_array().expect("findings");
    let domains: Vec<&str> = findings.iter().map(|f| f["domain"].as_str().unwrap_or("")).collect();
    assert!(domains.contains(&"ankle_mobility") && domains.contains(&"calf_capacity"), "{domains:?}");
    assert!(findings.iter().all(|f| f["side"] == "left"), "one-sided findings: {findings:?}");
    let program = result["program"]["exercises"].as_array().expect("program");
    assert!(program.iter().any(|e| e["id"] == "calf_loading"), "{program:?}");

    for day in 0..DAYS {
        let date = add_days(START, day);
        if !MISSED.contains(&day) {
            j.ok(&["--date", &date, "pain", &morning_pain(day).to_string()]);
        }
        let plan = j.json(&["--date", &date, "today"]);
        for e in plan["exercises"].as_array().expect("exercises") {
            let id = e["exercise_id"].as_str().expect("id");
            let sets = e["sets"].to_string();
            let mut args = vec!["--date", &date, "session", "log", "--exercise", id, "--sets", &sets, "--pain", "2"];
            let amount;
            if let Some(reps) = e["reps"].as_u64() {
                amount = reps.to_string();
                args.extend(["--reps", &amount]);
            } else {
                amount = e["hold_seconds"].as_u64().unwrap_or(30).to_string();
                args.extend(["--hold", &amount]);
            }
            j.ok(&args);
        }
        if day % 7 == 2 || day % 7 == 5 {
            let km = format!("{:.1}", 3.0 + day as f64 * 0.05);
            j.ok(&["--date", &date, "run", "--km", &km, "--minutes", "30", "--pain", "2"]);
        }
    }
    let end = add_days(START, DAYS - 1);

    let progress = j.json(&["--date", &end, "progress"]);
    let decisions = progress["decisions"].as_array().expect("decisions");
    let ups: Vec<&Value> = decisions
        .iter()
        .filter(|d| d["exercise"] == "calf_loading" && d["action"] == "progress")
        .collect();
    assert!(!ups.is_empty(), "calf_loading never progressed: {decisions:#?}");
    for up in &ups {
        assert_eq!(up["rule"], "P4");
        assert_eq!(up["to_level"].as_u64(), up["from_level"].as_u64().map(|l| l + 1));
        assert!(!up["reason"].as_str().unwrap_or("").is_empty());
    }
    for key in ["date", "exercise", "action", "from_level", "to_level", "rule", "reason"] {
        assert!(decisions[0].get(key).is_some(), "decision key {key}");
    }
    assert!(progress["running"]["state"].is_string() && progress["running"]["reason"].is_string());

    let trend = j.json(&["--date", &end, "trend", "--weeks", "12"]);
    let baseline = trend["baseline"].as_f64().expect("baseline");
    let current = trend["current"].as_f64().expect("current");
    assert!(baseline >= 5.0 && current <= 2.5, "baseline {baseline}, current {current}");
    assert_eq!(trend["meaningful_improvement"], true);
    assert!(trend["change_points"].as_f64().expect("points") >= 2.0);
    let days = trend["days"].as_array().expect("days");
    assert_eq!(days.len(), 84);
    for missed in MISSED {
        let date = add_days(START, missed);
        let day = days.iter().find(|d| d["date"] == date.as_str()).expect("missed day in window");
        assert!(day["pain"].is_null(), "a missed morning is a gap (null), got {day}");
    }
    // Days before the program are gaps too, not zeros.
    assert!(days[0]["pain"].is_null());
    let weekly = trend["weekly"].as_array().expect("weekly");
    assert_eq!(weekly.len(), 12);
    for key in ["week_start", "mean_pain", "sessions_done", "sessions_planned", "run_km"] {
        assert!(weekly[11].get(key).is_some(), "weekly key {key}");
    }
    assert!(weekly[11]["run_km"].as_f64().expect("km") > 0.0);

    // The human trend screen draws the chart with the gap marker and the summary.
    let screen = j.ok(&["--date", &end, "trend", "--weeks", "12"]);
    assert!(screen.contains('●') && screen.contains('×'), "{screen}");
    assert!(screen.contains("meaningful improvement"), "{screen}");
}
