//! The running states of issue 27 on the terminal, built with `--date` like a physiotherapist
//! would: the returning runner's "not yet" (RR2), `return-to-run` under a no-impact screen (RR2,
//! R2), the warning printed when a run beyond its cap is logged and the flare that names it (A7),
//! and the race verdict (A8).

mod common;

use common::Journal;

fn answers(date: &str, flags: &str, extra: &str) -> String {
    format!(
        r#"{{"date": "{date}", "affected_side": "right", "first_step_pain": 3, "red_flags": [{flags}],
            "knee_to_wall_cm": {{"left": 12.0, "right": 12.0}}, "heel_raise_reps": {{"left": 25, "right": 25}}{extra}}}"#
    )
}

fn assess(j: &Journal, date: &str, flags: &str, extra: &str) {
    let file = j.write("answers.json", &answers(date, flags, extra));
    j.ok(&["--date", date, "assess", "--answers", file.to_str().unwrap()]);
}

#[test]
fn rr2_a_returning_runner_is_told_not_yet_on_home_and_return_to_run() {
    let j = Journal::new();
    assess(&j, "2026-09-20", "", r#", "weekly_km_now": 0"#);
    j.ok(&["--date", "2026-09-20", "pain", "3"]);
    let home = j.ok(&["--date", "2026-09-20"]);
    assert!(home.contains("Not yet: walk and cross-train") && !home.contains("Run as planned"), "{home}");
    let card = j.ok(&["--date", "2026-09-20", "return-to-run"]);
    assert!(card.contains("Offered") && !card.contains("You are running"), "{card}");
}

#[test]
fn rr2_return_to_run_under_a_no_impact_screen_never_says_you_are_running() {
    let j = Journal::new();
    assess(&j, "2026-09-20", r#""progressive_pain_or_heel_squeeze_pain""#, r#", "weekly_km_now": 40"#);
    let card = j.ok(&["--date", "2026-09-20", "return-to-run"]);
    assert!(!card.contains("You are running") && card.contains("No running"), "{card}");
}

#[test]
fn a7_a_logged_run_beyond_its_cap_is_warned_and_named_by_the_flare_after_it() {
    let j = Journal::new();
    assess(&j, "2026-09-20", "", r#", "weekly_km_now": 30"#);
    for (date, km) in [("2026-09-21", "10.5"), ("2026-09-23", "8"), ("2026-09-25", "9")] {
        j.ok(&["--date", date, "pain", "2"]);
        let out = j.ok(&["--date", date, "run", "--km", km, "--pain", "1"]);
        assert!(!out.contains('⚠'), "within the cap: {out}");
    }
    j.ok(&["--date", "2026-09-27", "pain", "2"]);
    let out = j.ok(&["--date", "2026-09-27", "run", "--km", "12", "--pain", "1"]);
    assert!(out.contains("⚠") && out.contains("14 % longer") && out.contains("10.5 km"), "{out}");
    let json = j.json(&["--date", "2026-09-28", "run", "--km", "3"]);
    assert_eq!((json["run"]["distance_km"].as_f64(), json["warning"].is_null()), (Some(3.0), true), "{json}");
    let flare = j.ok(&["--date", "2026-09-28", "pain", "5"]);
    assert!(flare.contains("likely trigger is your 12.0 km run on 2026-09-27"), "{flare}");
}

#[test]
fn a8_the_race_verdict_shows_on_home_and_progress() {
    let j = Journal::new();
    assess(&j, "2026-10-18", "", r#", "weekly_km_now": 60, "race": {"date": "2026-11-08", "distance_km": 42.2}"#);
    for day in 18..=25 {
        let date = format!("2026-10-{day}");
        j.ok(&["--date", &date, "pain", "5"]);
    }
    let home = j.ok(&["--date", "2026-10-25"]);
    assert!(home.contains("Race: Your 42.2 km race on 2026-11-08 (in 14 days): better not to race"), "{home}");
    let progress = j.ok(&["--date", "2026-10-25", "progress"]);
    assert!(progress.contains("Race: Your 42.2 km race"), "{progress}");
    let json = j.json(&["--date", "2026-10-25", "progress"]);
    assert_eq!(json["running"]["race"]["go"].as_bool(), Some(false), "{json}");
}
