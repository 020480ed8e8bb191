//! The clinician summary (issue 15) from a seeded 10-week journal: every section is present, its
//! numbers are the trend's and the progress screen's, user text is escaped, units follow the
//! settings, the page is self-contained, no text is below 9 pt, and with little data it says what
//! is missing instead of drawing empty boxes.

mod report_support;

use firststep_core::api::core_version;
use firststep_core::model::{DecisionAction, RunningState, Units};
use firststep_core::report::{distance, opt1, percent};
use report_support::{add_days, empty, row, seeded, value_after, START};

const SECTIONS: [&str; 13] = [
    "id=\"pain\"",
    "id=\"weekly\"",
    "id=\"adherence\"",
    "id=\"running\"",
    "id=\"stiffness\"",
    "id=\"referral\"",
    "id=\"red-flags\"",
    "id=\"history\"",
    "id=\"notes\"",
    "id=\"tests\"",
    "id=\"psfs\"",
    "id=\"program\"",
    "id=\"level-changes\"",
];

#[test]
fn every_section_is_present_and_its_numbers_are_the_trend_and_progress_apis() {
    let s = seeded(70, Units::Metric, None);
    let summary = s.app.clinician_summary(s.now()).expect("summary");
    let html = &summary.html;
    if let Ok(path) = std::env::var("FIRSTSTEP_REPORT_DUMP") {
        std::fs::write(path, html).expect("dump");
    }
    assert_eq!(summary.date, s.end);
    assert_eq!(summary.file_name, format!("firststep-summary-{}.html", s.end));
    for section in SECTIONS {
        assert!(html.contains(section), "missing section {section}");
    }
    assert!(html.contains("Name / date of birth: <span class=\"blank\"></span>"), "blank name line");
    assert_eq!(value_after(html, "data-k=\"version\">"), Some(core_version().as_str()));
    assert!(html.contains(&format!("Covers <b>{START}</b> to <b>{}</b>", s.end)), "date range");

    // Pain summary and the chart: the 12-week trend.
    let trend = s.app.trend(s.end.clone(), 12).expect("trend");
    assert_eq!(trend.baseline_mornings, 7);
    assert_eq!(value_after(html, "data-k=\"baseline\">"), Some(opt1(trend.baseline).as_str()));
    assert_eq!(value_after(html, "data-k=\"current\">"), Some(opt1(trend.current).as_str()));
    let points = trend.change_points.expect("change");
    assert_eq!(value_after(html, "data-k=\"change_points\">"), Some(format!("{points:+.1}").as_str()));
    assert_eq!(value_after(html, "data-k=\"change_percent\">"), Some(format!("{:.0}", trend.change_percent.expect("%")).as_str()));
    assert!(trend.meaningful_improvement);
    assert_eq!(value_after(html, "data-k=\"m1\" class=\"good\">"), Some("yes"));
    let logged = trend.days.iter().filter(|d| d.pain.is_some()).count();
    assert_eq!(html.matches("<circle").count() - html.matches("r=\"2.4\"").count(), logged, "one dot per logged morning");
    assert!(html.contains("<polyline"), "7-day mean line");
    assert!(!trend.level_changes.is_empty());
    // Numbered on the chart, named under it (issue 22; rule X4: the exercise's name, not its id).
    for (k, marker) in trend.level_changes.iter().enumerate() {
        assert!(html.contains(&format!(">▲{}</text>", k + 1)) || html.contains(&format!(">▼{}</text>", k + 1)), "{marker:?}");
        assert!(html.contains(&format!("{} {}", k + 1, firststep_core::journal::chart::short_label(firststep_core::day::Day::parse("d", &marker.date).unwrap()))), "{marker:?}");
    }
    assert!(html.contains("Calf and plantar fascia loading → level"), "markers name the exercise");
    // The chart begins at the first day with data, not at the 12-week window's start (issue 22).
    let first = trend.days.iter().find(|d| d.pain.is_some() || d.rolling_mean.is_some()).expect("data");
    assert!(first.date > trend.start_date, "the seeded journal starts inside the window");
    assert!(html.contains(&format!("aria-label=\"Morning pain (0–10), {} to {}", first.date, trend.end_date)), "chart from the first day with data");

    // Week by week: adherence, distance, the trend's weekly buckets.
    let (mut done, mut planned, mut km) = (0, 0, 0.0);
    // Weeks that ended before the program started are left out (no empty rows).
    for week in trend.weekly.iter().filter(|w| add_days(&w.week_start, 6).as_str() >= START) {
        let tr = row(html, &format!("data-week=\"{}\"", week.week_start)).expect("week row");
        assert!(tr.contains(&format!("data-k=\"mean_pain\">{}<", opt1(week.mean_pain))), "{tr}");
        assert!(tr.contains(&format!("data-k=\"sessions\">{}/{}<", week.sessions_done, week.sessions_planned)), "{tr}");
        assert!(tr.contains(&format!("data-k=\"adherence\">{}<", percent(week.sessions_done, week.sessions_planned))), "{tr}");
        assert!(tr.contains(&format!("data-k=\"run\">{}<", distance(week.run_km, Units::Metric))), "{tr}");
        done += week.sessions_done;
        planned += week.sessions_planned;
        km += week.run_km;
    }
    assert!(done < planned, "some days were skipped, so adherence is below 100 %");
    assert_eq!(value_after(html, "data-k=\"sessions_total\">"), Some(format!("{done}/{planned}").as_str()));
    assert_eq!(value_after(html, "data-k=\"adherence_total\">"), Some(percent(done, planned).as_str()));
    assert_eq!(value_after(html, "data-k=\"run_total\">"), Some(distance(km, Units::Metric).as_str()));

    // Longest run with pain during ≤ 2: runs without a pain value and runs at pain 3 do not count.
    let last = trend.weekly.last().expect("week");
    let runs = s.app.runs(last.week_start.clone(), s.end.clone()).expect("runs");
    let comfortable = runs.iter().filter(|r| r.pain_during.is_some_and(|p| p <= 2)).map(|r| r.distance_km).fold(0.0, f64::max);
    assert!(runs.iter().any(|r| r.pain_during.is_some_and(|p| p > 2) && r.distance_km > comfortable), "a longer painful run exists");
    let tr = row(html, &format!("data-week=\"{}\"", last.week_start)).expect("last week");
    assert!(tr.contains(&format!("data-k=\"longest_comfortable\">{}<", distance(comfortable, Units::Metric))), "{tr}");
    assert!(html.contains("without a pain value not counted"));
    // Morning stiffness falls in the seed (30 → a few minutes).
    let stiffness = value_after(html, "data-k=\"stiffness_trend\">").expect("stiffness trend");
    assert!(stiffness.contains('→'), "{stiffness}");

    // Running light and level changes: the progress API.
    let progress = s.app.progress(s.now(), None).expect("progress");
    let state = match progress.running.state {
        RunningState::Green => "green",
        RunningState::Amber => "amber",
        RunningState::Red => "red",
    };
    assert_eq!(value_after(html, "data-k=\"running_state\">"), Some(state));
    let changes: Vec<_> = progress.decisions.iter().filter(|d| d.action != DecisionAction::Hold).collect();
    assert!(changes.len() >= 2, "the seed climbs levels: {changes:?}");
    let shown = changes.len().min(3);
    for d in &changes[changes.len() - shown..] {
        assert!(html.contains(&format!("data-change=\"{}|{}|{}|{}\"", d.date, d.exercise_id, d.from_level, d.to_level)), "{d:?}");
        assert!(html.contains(&format!("({})", d.rule)));
    }
    assert_eq!(html.matches("data-change=").count(), shown);
    if changes.len() > shown {
        assert!(html.contains(&format!("and {} more earlier level change(s)", changes.len() - shown)));
    }

    // Red flags with dates, the referral from the home screen, the program, the assessments.
    assert!(html.contains(&format!("data-screen=\"{START}\"")), "the flagged first screen and its date");
    assert!(html.contains("burning, tingling or numbness"));
    let home = s.app.home(s.now()).expect("home");
    assert_eq!(format!("{:?}", home.red_flag), "None");
    assert_eq!(value_after(html, "data-k=\"referral\">"), Some("No open referral"));
    let program = s.app.program().expect("program").expect("a program");
    let listed = program.exercises.len().min(8);
    for e in &program.exercises[..listed] {
        let tr = row(html, &format!("data-exercise=\"{}\"", e.exercise_id)).expect("program row");
        // CLINICAL X4: "Level 2 of 5"; a single-level exercise shows no level.
        let level = if e.max_level == 0 { "<td></td>".to_string() } else { format!("<td>Level {} of {}</td>", e.level + 1, e.max_level + 1) };
        assert!(tr.contains(&level), "{tr}");
    }
    assert_eq!(html.matches("data-exercise=").count(), listed);
    if program.exercises.len() > listed {
        assert!(html.contains(&format!("and {} more exercise(s)", program.exercises.len() - listed)));
    }
    for d in [0, 14, 28, 42, 56] {
        assert!(html.contains(&format!("data-assessment=\"{}\"", add_days(START, d))) || d > 0 && d < 56, "assessment {d}");
    }
    assert!(html.contains(&format!("and 1 more assessment(s), on {}", add_days(START, 14))), "5 assessments, 4 shown");
    assert!(html.contains("data-k=\"ktw_noise\">1.9 cm<"));
    assert!(html.contains("data-k=\"hr_noise\">7<"));
    assert!(html.contains("▲"), "a change beyond noise is marked");
    assert_eq!(value_after(html, "data-k=\"psfs\" class=\"missing\">"), Some("not recorded"));
    assert!(html.contains("onset about <b>10</b> week(s) before"));
    assert_eq!(value_after(html, "data-k=\"duration_weeks\">"), Some("19"));
    assert!(html.contains("weekly distance 48.0 km (4 weeks before: 32.0 km) (+50 %)"), "training load at assessment");
    // Neutral wording: things to work on, no diagnosis.
    assert!(html.contains("Things to work on"));
    for word in ["diagnosis:", "you have plantar", "cause of"] {
        assert!(!html.to_lowercase().contains(word), "{word}");
    }
}

#[test]
fn user_text_is_escaped() {
    let note = r#"<script>alert("heel")</script> & <img src=x onerror=alert(1)> 'quoted'"#;
    let s = seeded(14, Units::Metric, Some(note));
    let html = s.app.clinician_summary(s.now()).expect("summary").html;
    assert!(!html.contains("<script"), "no script element at all");
    assert!(!html.contains("<img"), "no injected element");
    assert!(html.contains("&lt;script&gt;alert(&quot;heel&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39;"), "the note, escaped");
}

#[test]
fn units_follow_the_settings() {
    let metric = seeded(21, Units::Metric, None);
    let html = metric.app.clinician_summary(metric.now()).expect("summary").html;
    assert!(html.contains("Knee-to-wall L / R (cm)") && html.contains(" km<") && !html.contains(" mi<"));

    let imperial = seeded(21, Units::Imperial, None);
    let html = imperial.app.clinician_summary(imperial.now()).expect("summary").html;
    assert!(html.contains("distances in miles, lengths in inches"));
    assert!(html.contains("Knee-to-wall L / R (in)"));
    assert!(html.contains("data-k=\"ktw_noise\">0.7 in<"));
    // 6.0 cm at the first assessment is 2.4 in.
    assert!(html.contains("2.4 / 4.3"), "knee-to-wall in inches");
    assert!(html.contains("weekly distance 29.8 mi (4 weeks before: 19.9 mi)"));
    let trend = imperial.app.trend(imperial.end.clone(), 12).expect("trend");
    let km: f64 = trend.weekly.iter().map(|w| w.run_km).sum();
    assert_eq!(value_after(&html, "data-k=\"run_total\">"), Some(distance(km, Units::Imperial).as_str()));
    assert!(!html.contains(" km<") && !html.contains(" km "), "no km left in imperial");
}

#[test]
fn with_little_data_it_says_what_is_missing() {
    let s = empty();
    let summary = s.app.clinician_summary(s.now()).expect("summary");
    let html = &summary.html;
    for section in SECTIONS {
        assert!(html.contains(section), "missing section {section}");
    }
    assert!(!html.contains("<svg"), "no empty chart");
    for text in ["No morning pain logged yet", "No red-flag screen recorded", "No assessment recorded yet", "No program", "No level change yet", "Morning stiffness: not recorded", "not recorded"] {
        assert!(html.contains(text), "{text}");
    }
}

#[test]
fn the_page_is_self_contained_and_no_text_is_below_9_pt() {
    let s = seeded(14, Units::Metric, None);
    let html = s.app.clinician_summary(s.now()).expect("summary").html;
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["<script", "<link", "src=", "url(", "@import", "https://"] {
        assert!(!html.contains(external), "{external}");
    }
    // The only URL is the SVG namespace, which is a name, not a fetch.
    assert_eq!(html.matches("http://").count(), html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count());
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(html.contains("@page { size: A4;"));

    // Print: the root is 9 pt, so rem/em sizes must be ≥ 1; absolute sizes ≥ 9 pt (12 px).
    let style = &html[html.find("<style>").expect("style")..html.find("</style>").expect("end")];
    let print = &style[style.find("@media print").expect("print css")..];
    assert!(print.contains("html { font-size: 9pt; }"));
    let mut sizes = 0;
    for part in style.split("font-size:").skip(1) {
        let value = part.trim_start().split([';', '}']).next().unwrap_or("").trim();
        let number: f64 = value.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%').parse().unwrap_or(0.0);
        let ok = match value.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.') {
            "pt" => number >= 9.0,
            "px" => number >= 12.0,
            "rem" | "em" => number >= 1.0,
            "%" => number >= 100.0,
            other => panic!("unexpected font-size unit {other:?} in {value:?}"),
        };
        assert!(ok, "font-size {value} is below 9 pt in print");
        sizes += 1;
    }
    assert!(sizes >= 5);
    // The chart is drawn at its print size, so its 12 px labels print at 9 pt.
    assert!(html.contains("width=\"700\" height=\"140\""));
    assert!(style.contains(".chart .t { font-size: 12px;"));
}

#[test]
fn an_open_referral_says_why_from_the_home_screen() {
    let s = seeded(14, Units::Metric, None);
    s.app.submit_safety_screen(s.now(), vec!["night_or_rest_pain".into()]).expect("screen");
    let html = s.app.clinician_summary(s.now()).expect("summary").html;
    assert_eq!(value_after(&html, "data-k=\"referral\">"), Some("Referral open: refer no impact"));
    // CLINICAL X4: the rule stays beside the words as the clinician's citation label.
    assert!(html.contains(r#"Referral open: refer no impact</b> <span class="rule" data-k="rule">(R2)</span>"#), "the rule label");
    assert!(html.contains("Why: answered “yes” to: Does your heel hurt at night or when you are resting?"), "the reason");
    assert!(html.contains("class=\"referral open\""));
    assert!(html.contains(&format!("data-screen=\"{}\"", s.end)), "the new screen and its date");
    s.app.submit_safety_screen(s.now(), vec!["burning_tingling_numbness".into()]).expect("screen");
    let html = s.app.clinician_summary(s.now()).expect("summary").html;
    assert_eq!(value_after(&html, "data-k=\"referral\">"), Some("Referral open: refer"));

    s.app.submit_safety_screen(s.now(), vec!["fever_or_hot_red_heel".into()]).expect("urgent screen");
    let home = s.app.home(s.now()).expect("home");
    let html = s.app.clinician_summary(s.now()).expect("summary").html;
    assert_eq!(value_after(&html, "data-k=\"referral\">"), Some("Urgent: seek care today"));
    assert!(html.contains(&home.caution.expect("urgent caution")), "the home screen's advice");
}
