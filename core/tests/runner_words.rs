//! CLINICAL X4: every sentence a runner reads that the core produces is plain — no rule ids, no
//! field or exercise ids, no level codes, no developer syntax. Replays every vignette in
//! `tests/scenarios` on a real journal file and walks what each screen would show: the home screen,
//! progress, the program and day plans, lessons, PSFS, return-to-run, reminders, every log's message,
//! the effort question, the guided session's steps and the clinician summary's visible text. The
//! rule behind a sentence stays structured data (`rule`/`rules` fields), which this test skips.

use std::path::PathBuf;

use firststep_core::api::FirstStep;
use firststep_core::error::FirstStepError;
use firststep_core::model::SessionRecord;
use serde::Serialize;
use serde_json::Value;

mod scenario_support;
use scenario_support::{morning, scenarios_dir};

/// Why `text` is not a plain sentence, or `None`. The patterns are issue 28's: `rule P4`,
/// a one- or two-letter code with one digit (`E3`, `L1`, `RR1`), snake_case ids, `..=`, `(got `,
/// typed formats.
fn id_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for bad in ["..=", "(got ", "yyyy", "hh:mm"] {
        if lower.contains(bad) {
            return Some(format!("developer syntax {bad:?}"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        if !word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && word_char(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let letters = word.chars().take_while(|c| c.is_ascii_uppercase()).count();
        let digits = word.len() - letters;
        if (1..=2).contains(&letters) && (1..=2).contains(&digits) && word[letters..].chars().all(|c| c.is_ascii_digit()) {
            return Some(format!("code {word:?}"));
        }
        if word.contains('_') && word.chars().any(|c| c.is_ascii_lowercase()) {
            return Some(format!("snake_case id {word:?}"));
        }
    }
    None
}

/// Keys whose values are data, not words: ids, rule ids, dates, file names, the HTML (walked as text
/// separately) and figures.
const DATA_KEYS: &[&str] =
    &["id", "rule", "rules", "exercise_id", "exercise_ids", "lesson_id", "html", "svg", "file_name", "date", "snapshot", "domain", "activity_id"];

fn walk(value: &Value, path: &str, where_: &str, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.contains(' ') => {
            if let Some(why) = id_in(s) {
                out.push(format!("{where_} {path}: {why} in {s:?}"));
            }
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| walk(v, &format!("{path}[{i}]"), where_, out)),
        Value::Object(map) => {
            for (k, v) in map {
                if !DATA_KEYS.contains(&k.as_str()) {
                    walk(v, &format!("{path}.{k}"), where_, out);
                }
            }
        }
        _ => {}
    }
}

fn check<T: Serialize>(what: &str, value: &T, out: &mut Vec<String>) {
    walk(&serde_json::to_value(value).expect("serialisable"), "", what, out);
}

/// Walks a call's answer, or, when it refused (no program after a referral, say), the message a
/// runner reads instead. Returns the answer for the calls that feed the next step.
fn see<T: Serialize>(what: &str, result: Result<T, FirstStepError>, out: &mut Vec<String>) -> Option<T> {
    match result {
        Ok(value) => {
            check(what, &value, out);
            Some(value)
        }
        Err(err) => {
            if let Some(why) = id_in(&err.to_string()) {
                out.push(format!("{what} error: {why} in {:?}", err.to_string()));
            }
            None
        }
    }
}

/// The summary's visible text, without the cells that label a sentence with its rule
/// (`data-k="rule"`: the clinician's citation, kept as a label by X4).
fn summary_text(html: &str) -> Vec<String> {
    let body = html.split("<body").nth(1).unwrap_or(html);
    let mut text = String::new();
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        if skip_depth.is_none() {
            text.push_str(&rest[..open]);
        }
        let close = rest[open..].find('>').map(|c| open + c).unwrap_or(rest.len() - 1);
        let tag = &rest[open + 1..close];
        let void = tag.ends_with('/') || ["br", "img", "meta", "hr", "col"].iter().any(|v| tag.split_whitespace().next() == Some(v));
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
            if skip_depth == Some(depth) {
                skip_depth = None;
            }
        } else if !void {
            if skip_depth.is_none() && (tag.contains(r#"data-k="rule""#) || tag.starts_with("svg") || tag.starts_with("style")) {
                skip_depth = Some(depth);
            }
            depth += 1;
        }
        if tag.starts_with("br") || tag.starts_with('/') {
            text.push('\n');
        }
        rest = &rest[close + 1..];
    }
    text.lines().map(|l| l.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").trim().to_string()).filter(|l| !l.is_empty()).collect()
}

fn replay(path: &PathBuf, out: &mut Vec<String>) {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app = FirstStep::open(dir.path().join("journal.db").to_string_lossy().into_owned()).unwrap();
    let answers = &scenario["answers"];
    let start = answers["date"].as_str().unwrap().to_string();

    check(&format!("{name} safety questions"), &app.safety_questions(), out);
    check(&format!("{name} assessment catalogue"), &app.assessment_catalogue(), out);
    check(&format!("{name} exercise library"), &app.exercise_library(), out);
    see(&format!("{name} home before assessment"), app.home(morning(&start)), out);
    let result = app.submit_assessment_json(morning(&start), answers.to_string()).unwrap();
    check(&format!("{name} assessment"), &result, out);

    let names: Vec<String> = scenario["psfs_activities"].as_array().cloned().unwrap_or_default().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    let psfs_ids: Vec<i64> = if names.is_empty() {
        vec![]
    } else {
        see(&format!("{name} psfs activities"), app.set_psfs_activities(morning(&start), names), out).unwrap_or_default().iter().map(|a| a.id).collect()
    };

    let days = scenario["days"].as_array().cloned().unwrap_or_default();
    for (n, day) in days.iter().enumerate() {
        let date = day["date"].as_str().unwrap();
        let now = morning(date);
        let at = format!("{name} {date}");
        if n % 7 == 0 {
            see(&format!("{at} home"), app.home(now.clone()), out);
            see(&format!("{at} plan"), app.today_plan(now.clone()), out);
        }
        if let Some(pain) = day["pain"].as_i64() {
            see(&format!("{at} morning log"), app.log_pain(now.clone(), None, pain, None, None), out);
        }
        let records: Vec<SessionRecord> = day["sessions"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|s| SessionRecord {
                date: date.into(),
                exercise_id: s["exercise_id"].as_str().unwrap_or("").into(),
                level: 0,
                sets_done: s["sets_done"].as_u64().unwrap_or(0) as u32,
                reps_done: s["reps_done"].as_u64().map(|v| v as u32),
                hold_seconds_done: s["hold_seconds_done"].as_u64().map(|v| v as u32),
                peak_pain: s["peak_pain"].as_u64().unwrap_or(0) as u8,
                completed: s["completed"].as_bool().unwrap_or(false),
                skipped_steps: 0,
                effort: None,
                reps_in_reserve: None,
            })
            .collect();
        if !records.is_empty() {
            see(&format!("{at} effort question"), app.effort_question(records), out);
        }
        if n == 0 {
            match app.start_session(now.clone()) {
                Ok(session) => {
                    see(&format!("{at} guided session"), session.state_at(now.instant_ms), out);
                }
                Err(err) => see::<()>(&format!("{at} guided session"), Err(err), out).unwrap_or_default(),
            }
        }
        for s in day["sessions"].as_array().cloned().unwrap_or_default() {
            let log = app.log_session(
                now.clone(),
                None,
                s["exercise_id"].as_str().unwrap_or("").to_string(),
                s["sets_done"].as_i64().unwrap_or(0),
                s["reps_done"].as_i64(),
                s["hold_seconds_done"].as_i64(),
                s["peak_pain"].as_i64().unwrap_or(-1),
                s["completed"].as_bool().unwrap_or(false),
                s.get("effort").filter(|v| !v.is_null()).map(|v| serde_json::from_value(v.clone()).unwrap()),
                s["reps_in_reserve"].as_i64(),
            );
            see(&format!("{at} session log"), log, out);
        }
        if let Some(visit) = day.get("clinician_visit").filter(|v| !v.is_null()) {
            see(&format!("{at} visit"), app.record_clinician_visit(now.clone(), None, visit["cleared"].as_bool().unwrap_or(false)), out);
        }
        for r in day["runs"].as_array().cloned().unwrap_or_default() {
            let log = app.log_run(now.clone(), None, r["distance_km"].as_f64().unwrap_or(0.0), r["minutes"].as_f64(), r["pain_during"].as_i64(), r["pain_after"].as_i64(), None, None);
            see(&format!("{at} run log"), log, out);
        }
        if let Some(test) = day.get("return_to_run").filter(|v| !v.is_null()) {
            see(&format!("{at} return to run"), app.take_return_to_run_test(now.clone(), serde_json::from_value(test.clone()).unwrap()), out);
        }
        if let Some(scores) = day["psfs"].as_array() {
            let ratings = psfs_ids
                .iter()
                .zip(scores)
                .map(|(&activity_id, s)| firststep_core::clinical::PsfsRating { activity_id, score: s.as_u64().unwrap() as u8 })
                .collect();
            see(&format!("{at} psfs rating"), app.rate_psfs(now.clone(), None, ratings), out);
        }
    }

    let last = days.last().and_then(|d| d["date"].as_str()).unwrap_or(&start).to_string();
    let now = morning(&last);
    let at = format!("{name} {last}");
    see(&format!("{at} home"), app.home(now.clone()), out);
    see(&format!("{at} progress"), app.progress(now.clone(), Some(8.0)), out);
    see(&format!("{at} program"), app.program(), out);
    see(&format!("{at} plan"), app.today_plan(now.clone()), out);
    see(&format!("{at} decisions"), app.decisions(start.clone(), last.clone()), out);
    see(&format!("{at} psfs"), app.psfs(now.clone()), out);
    see(&format!("{at} reminders"), app.reminders(now.clone()), out);
    see(&format!("{at} latest assessment"), app.latest_assessment(), out);
    see(&format!("{at} return-to-run checks"), app.return_to_run_checks(), out);
    let lessons = see(&format!("{at} lessons"), app.lessons(now.clone()), out).unwrap_or_default();
    for lesson in &lessons {
        see(&format!("{at} lesson {}", lesson.id), app.lesson(now.clone(), lesson.id.clone()), out);
    }
    let Some(summary) = see(&format!("{at} clinician summary"), app.clinician_summary(now), out) else { return };
    for line in summary_text(&summary.html) {
        if let Some(why) = id_in(&line) {
            out.push(format!("{at} clinician summary: {why} in {line:?}"));
        }
    }
}

#[test]
fn every_sentence_a_runner_reads_is_free_of_internal_ids() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "the vignettes are missing");
    let mut found = Vec::new();
    for path in &paths {
        replay(path, &mut found);
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "{} sentences name internal ids (CLINICAL X4):\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_id_pattern_catches_what_issue_28_quoted() {
    for quoted in ["Hold at L3 today", "(rule RR1) stop", "rules A5, L4 apply", "Why this exercise? (E3)", "2026-03-01 · single_leg_balance", "must be in 0..=30 (got 45)", "Date (YYYY-MM-DD)"] {
        assert!(id_in(quoted).is_some(), "{quoted}");
    }
    for plain in ["Level 2 of 5 · Eccentric heel drop", "Enter 0–30 cm for the left side (you entered 45)", "Rest 90 s between sets", "10 km a week"] {
        assert_eq!(id_in(plain), None, "{plain}");
    }
}
