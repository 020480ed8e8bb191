//! Replays every runner vignette in `tests/scenarios/*.json` through the public `FirstStep` object on a
//! real database file — the same replay the Kotlin and Swift tests perform through the generated
//! bindings, so one broken expectation fails all three languages. Semantics: docs/clinical-rules.md.

use std::collections::BTreeSet;
use std::path::PathBuf;

use firststep_core::api::{screens_to_refresh, FirstStep, JournalChange, StartRoute};
use firststep_core::model::{DecisionAction, SessionRecord};
use serde_json::Value;

mod scenario_support;
use scenario_support::{morning, scenarios_dir};

fn opt_i64(v: &Value) -> Option<i64> {
    v.as_i64()
}

fn replay(path: &PathBuf) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let scenario: Value = serde_json::from_str(&text).map_err(|e| format!("bad JSON: {e}"))?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let app = FirstStep::open(dir.path().join("journal.db").to_string_lossy().into_owned()).map_err(|e| e.to_string())?;

    let answers = &scenario["answers"];
    let start = answers["date"].as_str().ok_or("answers.date")?;
    // Optional (issue 26): where a fresh journal opens, before the assessment.
    if let Some(before) = scenario.get("expect_home_before_assessment").filter(|v| !v.is_null()) {
        let screen = app.home(morning(start)).map_err(|e| format!("home before assessment: {e}"))?;
        let route = route_name(&screen.start_route);
        if route != before["start_route"].as_str().unwrap_or("") {
            return Err(format!("start route before assessment: got {route}, expected {}", before["start_route"]));
        }
    }
    let result = app.submit_assessment_json(morning(start), answers.to_string()).map_err(|e| format!("assessment: {e}"))?;

    let expect = &scenario["expect_assessment"];
    let level = serde_json::to_value(result.safety.level).unwrap();
    if level != expect["red_flag_level"] {
        return Err(format!("red flag level: got {level}, expected {}", expect["red_flag_level"]));
    }
    let got_findings: BTreeSet<String> = result
        .findings
        .iter()
        .map(|f| format!("{}/{}/{}", json_str(&f.domain), json_str(&f.side), json_str(&f.severity)))
        .collect();
    let want_findings: BTreeSet<String> = expect["findings"]
        .as_array()
        .ok_or("expect_assessment.findings")?
        .iter()
        .map(|f| format!("{}/{}/{}", f["domain"].as_str().unwrap_or(""), f["side"].as_str().unwrap_or(""), f["severity"].as_str().unwrap_or("")))
        .collect();
    if got_findings != want_findings {
        return Err(format!("findings: got {got_findings:?}, expected {want_findings:?}"));
    }
    let got_program: Option<BTreeSet<String>> =
        result.program.as_ref().map(|p| p.exercises.iter().map(|e| format!("{}@{}", e.exercise_id, e.level)).collect());
    let want_program: Option<BTreeSet<String>> = expect["program"].as_array().map(|list| {
        list.iter().map(|e| format!("{}@{}", e["id"].as_str().unwrap_or(""), e["level"].as_u64().unwrap_or(99))).collect()
    });
    if got_program != want_program {
        return Err(format!("program: got {got_program:?}, expected {want_program:?}"));
    }

    // PSFS (rule M2): the activities are named on the assessment date, in the file's order.
    let psfs_names: Vec<String> =
        scenario["psfs_activities"].as_array().cloned().unwrap_or_default().iter().map(|v| v.as_str().unwrap_or("").to_string()).collect();
    let psfs_ids: Vec<i64> = if psfs_names.is_empty() {
        Vec::new()
    } else {
        app.set_psfs_activities(morning(start), psfs_names).map_err(|e| format!("psfs activities: {e}"))?.iter().map(|a| a.id).collect()
    };

    let days = scenario["days"].as_array().cloned().unwrap_or_default();
    for day in &days {
        let date = day["date"].as_str().ok_or("day.date")?;
        let now = morning(date);
        if let Some(pain) = opt_i64(&day["pain"]) {
            let log = app.log_pain(now.clone(), None, pain, None, None).map_err(|e| format!("{date} pain: {e}"))?;
            // Optional (issue 26): what the confirmation announces (never a hold; load added is).
            if let Some(want) = day["expect_announcements"].as_array() {
                let got: Vec<String> = log.announcements.iter().map(|a| format!("{} {} {}->{}", a.exercise_id, json_str(&a.action), a.from_level, a.to_level)).collect();
                let want: Vec<String> = want.iter().map(|v| v.as_str().unwrap_or("").to_string()).collect();
                if got != want {
                    return Err(format!("{date} announcements: got {got:?}, expected {want:?}"));
                }
                let lines: Vec<String> = log.flare.iter().map(|f| f.text.clone()).chain(log.announcements.iter().map(|a| a.text.clone())).collect();
                if log.message_lines != lines {
                    return Err(format!("{date} message lines: got {:?}", log.message_lines));
                }
            }
        }
        // Optional (issue 26): whether the session's effort question is asked, and about what.
        if let Some(want) = day.get("expect_effort_question") {
            let records: Vec<SessionRecord> = day["sessions"].as_array().cloned().unwrap_or_default().iter().map(|s| session_record(date, s)).collect();
            let got = app.effort_question(records).map_err(|e| format!("{date} effort question: {e}"))?.map(|q| q.exercise_ids);
            let want: Option<Vec<String>> = want.as_array().map(|ids| ids.iter().map(|v| v.as_str().unwrap_or("").to_string()).collect());
            if got != want {
                return Err(format!("{date} effort question: got {got:?}, expected {want:?}"));
            }
        }
        for s in day["sessions"].as_array().cloned().unwrap_or_default() {
            app.log_session(
                now.clone(),
                None,
                s["exercise_id"].as_str().unwrap_or("").to_string(),
                s["sets_done"].as_i64().unwrap_or(0),
                opt_i64(&s["reps_done"]),
                opt_i64(&s["hold_seconds_done"]),
                s["peak_pain"].as_i64().unwrap_or(-1),
                s["completed"].as_bool().unwrap_or(false),
                s.get("effort").filter(|v| !v.is_null()).map(|v| serde_json::from_value(v.clone())).transpose().map_err(|e| format!("{date} effort: {e}"))?,
                opt_i64(&s["reps_in_reserve"]),
            )
            .map_err(|e| format!("{date} session: {e}"))?;
        }
        if let Some(visit) = day.get("clinician_visit").filter(|v| !v.is_null()) {
            app.record_clinician_visit(now.clone(), None, visit["cleared"].as_bool().unwrap_or(false))
                .map_err(|e| format!("{date} clinician visit: {e}"))?;
        }
        for r in day["runs"].as_array().cloned().unwrap_or_default() {
            app.log_run(
                now.clone(),
                None,
                r["distance_km"].as_f64().unwrap_or(0.0),
                r["minutes"].as_f64(),
                opt_i64(&r["pain_during"]),
                opt_i64(&r["pain_after"]),
                None,
                None,
            )
            .map_err(|e| format!("{date} run: {e}"))?;
        }
        if let Some(test) = day.get("return_to_run").filter(|v| !v.is_null()) {
            let answers = serde_json::from_value(test.clone()).map_err(|e| format!("{date} return_to_run: {e}"))?;
            app.take_return_to_run_test(now.clone(), answers).map_err(|e| format!("{date} return to run: {e}"))?;
        }
        if let Some(scores) = day["psfs"].as_array() {
            let ratings = psfs_ids
                .iter()
                .zip(scores)
                .map(|(&activity_id, s)| firststep_core::clinical::PsfsRating { activity_id, score: s.as_u64().unwrap_or(99) as u8 })
                .collect();
            app.rate_psfs(now.clone(), None, ratings).map_err(|e| format!("{date} psfs: {e}"))?;
        }
    }

    let first = start.to_string();
    let last = days.last().and_then(|d| d["date"].as_str()).unwrap_or(start).to_string();
    let got: Vec<String> = app
        .decisions(first, last)
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|d| d.action != DecisionAction::Hold)
        .map(|d| format!("{} {} {} {}->{} {}", d.date, d.exercise_id, json_str(&d.action), d.from_level, d.to_level, d.rule))
        .collect();
    let want: Vec<String> = scenario["expect_decisions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}->{} {}",
                d["date"].as_str().unwrap_or(""),
                d["exercise_id"].as_str().unwrap_or(""),
                d["action"].as_str().unwrap_or(""),
                d["from_level"],
                d["to_level"],
                d["rule"].as_str().unwrap_or("")
            )
        })
        .collect();
    if got != want {
        return Err(format!("decisions:\n  got      {got:#?}\n  expected {want:#?}"));
    }

    let running = &scenario["expect_running"];
    if !running.is_null() {
        let date = running["date"].as_str().ok_or("expect_running.date")?;
        let report = app.progress(morning(date), running["planned_run_km"].as_f64()).map_err(|e| e.to_string())?;
        let state = serde_json::to_value(report.running.state).unwrap();
        if state != running["state"] {
            return Err(format!("running state: got {state} ({}), expected {}", report.running.reason, running["state"]));
        }
        let warned = report.running.long_run_warning.is_some();
        if Some(warned) != running["long_run_warning"].as_bool() {
            return Err(format!("long-run warning: got {warned}, expected {}", running["long_run_warning"]));
        }
        // Optional RR1 / X2 / A7 checks.
        let card = report.running.return_to_run.as_ref();
        let card_state = card.map(|c| serde_json::to_value(c.state).unwrap()).unwrap_or(Value::Null);
        if card_state != running.get("return_to_run").cloned().unwrap_or(Value::Null) {
            return Err(format!("return-to-run card: got {card_state} ({:?}), expected {}", card.map(|c| &c.text), running["return_to_run"]));
        }
        let step = card.and_then(|c| c.step.as_ref()).map(|s| u64::from(s.step));
        if step != running["walk_run_step"].as_u64() {
            return Err(format!("walk-run step: got {step:?}, expected {}", running["walk_run_step"]));
        }
        if let Some(km) = running["reduce_to_km"].as_f64() {
            if report.running.reduce_to_km != Some(km) {
                return Err(format!("reduce to km: got {:?}, expected {km}", report.running.reduce_to_km));
            }
        }
        if let Some(warned) = running["weekly_warning"].as_bool() {
            if report.running.weekly_warning.is_some() != warned {
                return Err(format!("weekly warning: got {:?}, expected {warned}", report.running.weekly_warning));
            }
        }
    }
    // Optional home-screen checks (rules R1, R2, R4): next step, referral banner and today's plan.
    for home in scenario["expect_home"].as_array().cloned().unwrap_or_default() {
        let date = home["date"].as_str().ok_or("expect_home.date")?;
        let screen = app.home(morning(date)).map_err(|e| format!("home {date}: {e}"))?;
        let next = serde_json::to_value(screen.next_step).unwrap();
        if next != home["next_step"] {
            return Err(format!("home {date}: next step {next}, expected {}", home["next_step"]));
        }
        if let Some(want) = home["start_route"].as_str() {
            let route = route_name(&screen.start_route);
            if route != want {
                return Err(format!("home {date}: start route {route}, expected {want}"));
            }
        }
        let referral = screen.referral.as_ref().map(|r| format!("{} {}", r.rule, json_str(&r.level)));
        let want = home["referral"].as_object().map(|r| format!("{} {}", r["rule"].as_str().unwrap_or(""), r["level"].as_str().unwrap_or("")));
        if referral != want {
            return Err(format!("home {date}: referral {referral:?} ({:?}), expected {want:?}", screen.referral.map(|r| r.text)));
        }
        if let Some(plan) = home["plan"].as_array() {
            let got: Vec<String> = screen.plan.map(|p| p.exercises.into_iter().map(|e| e.exercise_id).collect()).unwrap_or_default();
            let want: Vec<String> = plan.iter().map(|v| v.as_str().unwrap_or("").to_string()).collect();
            if got != want {
                return Err(format!("home {date}: plan {got:?}, expected {want:?}"));
            }
        }
    }
    // Optional PSFS checks (rule M2), each as of its date.
    for expect in scenario["expect_psfs"].as_array().cloned().unwrap_or_default() {
        let date = expect["date"].as_str().ok_or("expect_psfs.date")?;
        let psfs = app.psfs(morning(date)).map_err(|e| format!("psfs {date}: {e}"))?;
        let round1 = |v: Option<f64>| v.map(|x| (x * 10.0).round() / 10.0);
        let detectable: Vec<bool> = psfs.activities.iter().map(|a| a.detectable).collect();
        let got = serde_json::json!({
            "date": date, "due": psfs.due, "next_due": psfs.next_due, "mean_first": round1(psfs.mean_first),
            "mean_latest": round1(psfs.mean_latest), "mean_change": round1(psfs.mean_change),
            "detectable_change": psfs.detectable_change, "detectable": detectable,
        });
        if got != expect {
            return Err(format!("psfs {date}: got {got}, expected {expect} ({})", psfs.text));
        }
    }
    Ok(())
}

/// The route's name as the scenario files write it.
fn route_name(route: &StartRoute) -> &'static str {
    match route {
        StartRoute::Welcome => "welcome",
        StartRoute::UrgentStop { .. } => "urgent_stop",
        StartRoute::Home => "home",
    }
}

/// A finished session's record as the guided session would produce it from a scenario session.
fn session_record(date: &str, s: &Value) -> SessionRecord {
    SessionRecord {
        date: date.to_string(),
        exercise_id: s["exercise_id"].as_str().unwrap_or("").to_string(),
        level: 0,
        sets_done: s["sets_done"].as_u64().unwrap_or(0) as u32,
        reps_done: s["reps_done"].as_u64().map(|r| r as u32),
        hold_seconds_done: s["hold_seconds_done"].as_u64().map(|h| h as u32),
        peak_pain: s["peak_pain"].as_u64().unwrap_or(0) as u8,
        completed: s["completed"].as_bool().unwrap_or(false),
        skipped_steps: 0,
        reps_in_reserve: None,
        effort: None,
    }
}

/// The shared table of which screens each write makes stale (tests/shell-decisions), pinned here
/// and in the Kotlin and Swift tests so no shell keeps a list of its own.
#[test]
fn screens_to_refresh_match_the_shared_table() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/shell-decisions/screens_to_refresh.json");
    let table: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("table")).expect("JSON");
    let table = table["screens_to_refresh"].as_object().expect("screens_to_refresh");
    assert_eq!(table.len(), 14, "one row per JournalChange");
    for (change, want) in table {
        let change: JournalChange = serde_json::from_value(Value::String(change.clone())).expect("a JournalChange name");
        let got: Vec<String> = screens_to_refresh(change).iter().map(json_str).collect();
        let want: Vec<String> = want.as_array().expect("list").iter().map(|v| v.as_str().unwrap().to_string()).collect();
        assert_eq!(got, want, "{change:?}");
    }
}

fn json_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[test]
fn every_scenario_replays_through_the_public_api() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .expect("tests/scenarios exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "expected at least 5 scenario files, found {}", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|p| replay(p).err().map(|e| format!("{}: {e}", p.file_name().unwrap().to_string_lossy())))
        .collect();
    assert!(failures.is_empty(), "scenario failures:\n{}", failures.join("\n"));
}
