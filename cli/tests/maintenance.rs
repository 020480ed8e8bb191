//! Maintenance through the terminal (CLINICAL P9): after 8 calm weeks home and today show the
//! offer with the commands to answer it; `maintenance accept` gives the maintenance plan; a flare
//! morning brings the full program back and says why; with no offer open, `accept` is refused
//! (invalid_state, exit 1) with nothing written.

mod common;

use common::{add_days, assess, Journal};

const DAY: &str = "2026-06-01";

fn answers(date: &str) -> String {
    format!(
        r#"{{"date": "{date}", "affected_side": "right", "first_step_pain": 6,
            "knee_to_wall_cm": {{"left": 12.0, "right": 12.0}}, "heel_raise_reps": {{"left": 25, "right": 24}},
            "toe_grip": {{"left": "pass", "right": "fail"}}, "arch_control": {{"left": "pass", "right": "fail"}},
            "single_leg_squat": {{"left": "good", "right": "poor"}}, "balance_seconds": {{"left": 40, "right": 40}}}}"#
    )
}

#[test]
fn p9_the_offer_on_home_and_today_accept_then_a_flare_brings_the_full_program_back() {
    let j = Journal::new();
    assess(&j, DAY, &answers(DAY));
    let scores = [6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2];
    for d in 0..=56 {
        let score = scores.get(d as usize).copied().unwrap_or(if d % 3 == 0 { 0 } else { 1 });
        j.ok(&["--date", &add_days(DAY, d), "pain", &score.to_string()]);
    }
    let early = add_days(DAY, 55);
    let before = j.export_without_timestamp();
    let out = j.cmd(&["--date", &early, "maintenance", "accept"]).output().unwrap();
    let refused = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{refused}");
    assert!(refused.contains("no maintenance offer is open today"), "{refused}");
    assert_eq!(j.export_without_timestamp(), before, "nothing written");
    assert_eq!(before["maintenance_choices"], serde_json::json!([]));
    let day = add_days(DAY, 56);
    let home = j.ok(&["--date", &day]);
    assert!(home.contains("You can switch to maintenance") && home.contains("firststep maintenance accept"), "{home}");
    let today = j.json(&["--date", &day, "today"]);
    assert_eq!((today["maintenance"]["state"].as_str(), today["maintenance"]["rule"].as_str()), (Some("offered"), Some("P9")));

    let accepted = j.ok(&["--date", &day, "maintenance", "accept"]);
    assert!(accepted.contains("Maintenance from") && accepted.contains("calf strengthening today (twice a week)"), "{accepted}");
    let plan = j.json(&["--date", &day, "today"]);
    assert_eq!(plan["maintenance"]["state"].as_str(), Some("active"));

    let flare_day = add_days(DAY, 58);
    let logged = j.ok(&["--date", &flare_day, "pain", "5"]);
    assert!(logged.contains("Your full program is back after a flare on"), "the pain confirmation says why: {logged}");
    let today = j.ok(&["--date", &flare_day, "today"]);
    assert!(today.contains("Your full program is back") && today.contains("Rule: P9"), "{today}");
}
