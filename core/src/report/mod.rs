//! The one-page clinician summary (PRODUCT §2.10, issue 15): a self-contained HTML document —
//! inline CSS (`summary.css`) and an inline SVG chart, no scripts, no network, no external files —
//! that every shell saves, shares or prints.
//!
//! Every number comes from the computation the app's own screens use: the pain summary, the
//! chart, adherence and weekly distance from the trend (12 weeks), the running light and the
//! level changes from the progress screen's rules and the journal's decisions, the open referral
//! from the home screen's safety level and R4 banner (all gathered by `app::summary`), the test changes and their noise thresholds from the stored
//! assessment results (A1, A2). Nothing is recomputed differently here; this module only selects,
//! formats and escapes.
//!
//! One A4 page: every list has a fixed budget and ends with "and N more" (the budgets below are
//! design choices sized so a 1-year journal still prints on one page); all text is ≥ 9 pt.
//! Wording is neutral: findings are things to work on, never diagnoses (X1).

mod chart;

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::clinical::referral::Referral as ClinicalReferral;
use crate::clinical::assessment::{HEEL_RAISE_NOISE, KNEE_TO_WALL_NOISE_CM};
use crate::clinical::library::exercise_name;
use crate::clinical::AssessmentResult;
use crate::day::Day;
use crate::journal::{StoredAssessment, StoredSafetyScreen, Trend};
use crate::model::{
    AssessmentAnswers, Decision, Frequency, PainEntry, Program, RedFlagLevel, RunRecord,
    RunningGuidance, RunningState, Severity, Side, Units,
};

/// The page and where to save it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Record)]
pub struct ClinicianSummary {
    /// The local date the summary is for (YYYY-MM-DD).
    pub date: String,
    /// A complete, self-contained HTML document (UTF-8).
    pub html: String,
    /// A suggested file name, e.g. `firststep-summary-2026-08-09.html`.
    pub file_name: String,
}

/// Weeks in the chart and the weekly table (the trend's longest window).
const CHART_WEEKS: u32 = 12;
/// design choice (one A4 page): list budgets; the rest is "and N more".
const MAX_SCREENS: usize = 3;
const MAX_ASSESSMENTS: usize = 4;
const MAX_LEVEL_CHANGES: usize = 3;
const MAX_NOTES: usize = 2;
/// design choice (one A4 page): longer reasons and notes are cut at a word with "…".
const REASON_CHARS: usize = 190;
const NOTE_CHARS: usize = 120;
const RUNNING_CHARS: usize = 110;
/// Issue 15: the longest run with pain during ≤ 2 (echoes RR1's ≤ 2 limits; design choice).
const RUN_PAIN_COMFORTABLE: u8 = 2;
/// rule M1: meaningful improvement is ≥ 2 points and ≥ 30 % below the baseline.
const M1_POINTS: f64 = 2.0; // rule M1
const M1_FRACTION: f64 = 0.30; // rule M1
const CM_PER_INCH: f64 = 2.54;
pub use crate::model::{distance, KM_PER_MILE};

const CSS: &str = include_str!("summary.css");

/// What the page shows, gathered by the application layer (`app::summary`) from the same
/// computations the app's own screens use. This module only selects, formats and escapes it.
pub(crate) struct SummaryInput {
    /// The local date the summary is for.
    pub date: String,
    /// The period covered: from the first assessment or program start (else the first morning in
    /// the window) to `date`.
    pub first_day: String,
    pub units: Units,
    /// The 12-week trend ending on `date`.
    pub trend: Trend,
    pub running: RunningGuidance,
    /// Today's safety screen level, caution and R4 banner, as on the home screen.
    pub red_flag: RedFlagLevel,
    pub caution: Option<String>,
    pub referral: Option<ClinicalReferral>,
    pub program: Option<Program>,
    /// Assessments and safety screens up to `date`, oldest first.
    pub assessments: Vec<StoredAssessment>,
    pub screens: Vec<StoredSafetyScreen>,
    /// Mornings and runs of the trend's window.
    pub pains: Vec<PainEntry>,
    pub runs: Vec<RunRecord>,
    /// The whole history's level changes (holds left out).
    pub level_changes: Vec<Decision>,
}

/// Weeks in the chart and the weekly table (the trend's longest window).
pub(crate) const SUMMARY_WEEKS: u32 = CHART_WEEKS;

/// Renders the one page.
pub(crate) fn render(input: &SummaryInput) -> ClinicianSummary {
    let SummaryInput { date, first_day, units, trend, running, pains, runs, screens, assessments, program, level_changes, .. } = input;
    let units = *units;
    let referral = open_referral(input.red_flag, input.caution.as_deref(), input.referral.as_ref(), screens.last());
    let mut page = Page::default();
    page.header(first_day, date, units);
    page.pain(trend);
    page.open_grid();
    page.open_column();
    page.weekly(trend, first_day, pains, runs, units);
    page.referral(&referral, running);
    page.notes(pains);
    page.close_column();
    page.open_column();
    page.screens(screens);
    page.history(assessments.first(), date, units);
    page.measurements(assessments, units);
    page.findings(assessments.last());
    page.close_column();
    page.close_grid();
    page.program(program.as_ref());
    page.level_changes(level_changes);
    page.footer(date);
    ClinicianSummary { file_name: format!("firststep-summary-{date}.html"), date: date.clone(), html: page.finish() }
}

// ----------------------------------------------------------------------------- open referral

/// What the "open referral" section says.
pub struct Referral {
    /// Short status, e.g. "Referral open (R2)".
    pub status: String,
    /// CLINICAL rule behind it, if any.
    pub rule: Option<String>,
    /// The advice the runner sees on the home screen.
    pub text: Option<String>,
    /// Why: the answers behind it.
    pub reasons: Vec<String>,
    /// Guideline options to discuss (R4 at 12 weeks, G); empty until the R4 referral lands.
    pub options: Vec<String>,
    /// Whether a referral is open (drives the section's emphasis).
    pub open: bool,
}

/// THE single place that decides the "open referral and why" section, from today's safety level,
/// caution and R4 banner (the home screen's).
///
pub fn open_referral(
    red_flag: RedFlagLevel,
    caution: Option<&str>,
    escalation: Option<&ClinicalReferral>,
    latest_screen: Option<&StoredSafetyScreen>,
) -> Referral {
    let reasons: Vec<String> = latest_screen.map(|s| s.flagged.iter().map(|id| question_reason(id)).collect()).unwrap_or_default();
    match red_flag {
        // rule R4: the escalation banner over time, when the screen itself has no flag.
        RedFlagLevel::None => match escalation {
            Some(r4) => Referral {
                status: format!("Referral open: {} (R4)", if r4.level == crate::clinical::ReferralLevel::Firm { "firm" } else { "advised" }),
                rule: Some(r4.rule.clone()),
                text: Some(r4.text.clone()),
                reasons: Vec::new(),
                options: r4.options.clone(),
                open: true,
            },
            None => Referral {
                status: "No open referral".into(),
                rule: None,
                text: Some("The latest red-flag screen had no “yes” answer.".into()),
                reasons: Vec::new(),
                options: Vec::new(),
                open: false,
            },
        },
        RedFlagLevel::Urgent => Referral {
            status: "Urgent: seek care today (R1)".into(),
            rule: Some("R1".into()),
            text: caution.map(str::to_string),
            reasons,
            options: Vec::new(),
            open: true,
        },
        level => {
            let rule = crate::clinical::safety::rule_of(level).unwrap_or("R3");
            // The level's advice; the flags themselves follow as "Why" (the home caution would
            // repeat them).
            let mut text = crate::clinical::safety::advice(level).to_string();
            if let Some(r4) = escalation {
                text = format!("{text} {}", r4.text);
            }
            let text = Some(text);
            Referral {
                status: format!("Referral open: {} ({rule})", level_label(level)),
                rule: Some(rule.into()),
                text,
                reasons,
                options: escalation.map(|r| r.options.clone()).unwrap_or_default(),
                open: true,
            }
        }
    }
}

/// What a flagged id stands for: its question, or the answer that raised it (its own id in words
/// when unknown to this build).
fn question_reason(id: &str) -> String {
    crate::clinical::safety::flag_label(id).unwrap_or_else(|| id.replace('_', " "))
}

/// "none", "refer", "urgent", or any later level's name in words.
fn level_label(level: RedFlagLevel) -> String {
    crate::journal::rows::enum_text(&level).replace('_', " ")
}

// ---------------------------------------------------------------------------------- the page

#[derive(Default)]
struct Page {
    body: String,
}

impl Page {
    fn push(&mut self, text: &str) {
        self.body.push_str(text);
    }

    fn header(&mut self, first_day: &str, date: &str, units: Units) {
        let units_text = match units {
            Units::Metric => "distances in km, lengths in cm",
            Units::Imperial => "distances in miles, lengths in inches",
        };
        let _ = write!(
            self.body,
            r#"<header><h1>FirstStep — summary for a clinician</h1>
<p class="who">Name / date of birth: <span class="blank"></span></p>
<p class="meta"><span data-k="range">Covers <b>{}</b> to <b>{}</b></span> · FirstStep <span data-k="version">{}</span> · {units_text}. Recorded by the runner in a self-management app: findings are things to work on, not diagnoses; rule ids (M1, A1 …) cite the app's clinical reference.</p></header>
"#,
            esc(first_day),
            esc(date),
            esc(env!("CARGO_PKG_VERSION"))
        );
    }

    fn pain(&mut self, trend: &Trend) {
        self.push(r#"<section id="pain"><h2>Morning first-step pain (0–10)</h2>"#);
        if trend.baseline_mornings == 0 && trend.current.is_none() {
            self.push(r#"<p class="missing">No morning pain logged yet: no baseline, no chart.</p></section>"#);
            return;
        }
        let baseline = match trend.baseline_mornings {
            7 => format!(r#"<b data-k="baseline">{}</b> (first 7 mornings)"#, opt1(trend.baseline)),
            n => format!(r#"<b data-k="baseline">{}</b> (only {n} of 7 mornings)"#, opt1(trend.baseline)),
        };
        let change = match (trend.change_points, trend.change_percent) {
            (Some(points), Some(percent)) => format!(
                r#" · change <b data-k="change_points">{points:+.1}</b> (<span data-k="change_percent">{percent:.0}</span> % {})"#,
                if points >= 0.0 { "less pain" } else { "more pain" }
            ),
            (Some(points), None) => format!(r#" · change <b data-k="change_points">{points:+.1}</b>"#),
            _ => String::new(),
        };
        // rule M1: judged only with a full 7-morning baseline.
        let verdict = if trend.baseline_mornings < 7 {
            r#"<span data-k="m1" class="muted">not judged yet (the baseline needs 7 mornings)</span>"#.to_string()
        } else if trend.meaningful_improvement {
            r#"<b data-k="m1" class="good">yes</b>"#.to_string()
        } else {
            r#"<b data-k="m1">not yet</b>"#.to_string()
        };
        let _ = write!(
            self.body,
            r#"<p>Baseline {baseline} · now <b data-k="current">{}</b> (7-day mean){change} · M1 improvement (≥ 2 points and ≥ 30 %): {verdict}</p>"#,
            opt1(trend.current)
        );
        let target = trend.baseline.filter(|_| trend.baseline_mornings == 7).map(|b| (b - M1_POINTS).min(b * (1.0 - M1_FRACTION))).filter(|t| *t >= 0.0);
        self.push(r#"<div class="scroll">"#);
        self.push(&chart::svg(trend, target));
        self.push("</div>");
        let markers = chart::marker_list(trend);
        let markers = if markers.is_empty() {
            String::new()
        } else {
            format!(r#" · <span class="warn">level changes</span>: {}"#, markers.iter().map(|m| esc(m)).collect::<Vec<_>>().join("; "))
        };
        let _ = write!(
            self.body,
            r#"<p class="legend">{}: <span class="dot">●</span> morning score · <span class="mean">━</span> 7-day mean · ╌ baseline · <span class="good">┈</span> M1 target · no dot: not logged{markers}</p></section>"#,
            esc(crate::journal::chart::PAIN_AXIS_TITLE)
        );
    }

    fn weekly(&mut self, trend: &Trend, first_day: &str, pains: &[PainEntry], runs: &[RunRecord], units: Units) {
        self.push(r#"<section id="weekly"><h2>Week by week</h2><div class="scroll"><table class="weeks"><thead><tr><th>Week of</th><th>Pain</th><th id="adherence">Sessions</th><th id="running">Run</th><th>Longest ≤ 2</th><th id="stiffness">Stiffness</th></tr></thead><tbody>"#);
        let (mut done, mut planned, mut km, mut unrated, mut weeks, mut hidden) = (0u32, 0u32, 0.0f64, 0usize, 0usize, 0usize);
        let mut stiffness_weeks: Vec<f64> = Vec::new();
        for week in &trend.weekly {
            let Ok(first) = Day::parse("week_start", &week.week_start) else { continue };
            let last = first.add_days(6).iso();
            // Weeks that ended before the first record are left out, not drawn as empty rows.
            if last.as_str() < first_day {
                hidden += 1;
                continue;
            }
            let in_week = |date: &str| date >= week.week_start.as_str() && date <= last.as_str();
            weeks += 1;
            done += week.sessions_done;
            planned += week.sessions_planned;
            km += week.run_km;
            let week_runs: Vec<&RunRecord> = runs.iter().filter(|r| in_week(&r.date)).collect();
            unrated += week_runs.iter().filter(|r| r.pain_during.is_none()).count();
            // Issue 15: runs without a pain value are not counted.
            let comfortable = week_runs
                .iter()
                .filter(|r| r.pain_during.is_some_and(|p| p <= RUN_PAIN_COMFORTABLE))
                .map(|r| r.distance_km)
                .fold(None, |best: Option<f64>, km| Some(best.map_or(km, |b| b.max(km))));
            let stiffness: Vec<u32> = pains.iter().filter(|p| in_week(&p.date)).filter_map(|p| p.stiffness_minutes).collect();
            let stiffness_mean = (!stiffness.is_empty()).then(|| f64::from(stiffness.iter().sum::<u32>()) / stiffness.len() as f64);
            stiffness_weeks.extend(stiffness_mean);
            let _ = write!(
                self.body,
                r#"<tr data-week="{}"><td>{}</td><td data-k="mean_pain">{}</td><td><span data-k="sessions">{}/{}</span> · <span data-k="adherence">{}</span></td><td data-k="run">{}</td><td data-k="longest_comfortable">{}</td><td data-k="stiffness">{}</td></tr>"#,
                esc(&week.week_start),
                short_date(&week.week_start),
                opt1(week.mean_pain),
                week.sessions_done,
                week.sessions_planned,
                percent(week.sessions_done, week.sessions_planned),
                distance(week.run_km, units),
                comfortable.map(|k| distance(k, units)).unwrap_or_else(|| "—".into()),
                stiffness_mean.map(|m| format!("{m:.0} min")).unwrap_or_else(|| "—".into()),
            );
        }
        let _ = write!(
            self.body,
            r#"</tbody><tfoot><tr><td>{weeks} weeks</td><td></td><td><span data-k="sessions_total">{done}/{planned}</span> · <span data-k="adherence_total">{}</span></td><td data-k="run_total">{}</td><td></td><td></td></tr></tfoot></table></div>"#,
            percent(done, planned),
            distance(km, units)
        );
        let mut notes: Vec<String> = Vec::new();
        notes.push("Pain: mean morning score · Sessions: planned exercises done (adherence) · Longest ≤ 2: longest run with pain during ≤ 2".into());
        notes.push(if unrated > 0 { format!(" ({unrated} run(s) without a pain value not counted).") } else { ".".into() });
        if hidden > 0 {
            notes.push(format!(" {hidden} earlier week(s) without records are not shown."));
        }
        match (stiffness_weeks.first(), stiffness_weeks.last()) {
            (Some(first), Some(last)) if stiffness_weeks.len() > 1 => {
                notes.push(format!(r#" Morning stiffness (mean minutes): <span data-k="stiffness_trend">{first:.0} → {last:.0} min</span>."#))
            }
            _ if stiffness_weeks.is_empty() => notes.push(" Morning stiffness: not recorded.".into()),
            _ => {}
        }
        let _ = write!(self.body, r#"<p class="small">{}</p></section>"#, notes.concat());
    }

    fn open_grid(&mut self) {
        self.push(r#"<div class="grid">"#);
    }
    fn close_grid(&mut self) {
        self.push("</div>");
    }
    fn open_column(&mut self) {
        self.push(r#"<div class="col">"#);
    }
    fn close_column(&mut self) {
        self.push("</div>");
    }

    fn referral(&mut self, referral: &Referral, running: &crate::model::RunningGuidance) {
        let class = if referral.open { "referral open" } else { "referral" };
        let _ = write!(self.body, r#"<section id="referral" class="{class}"><h2>Open referral and why</h2><p><b data-k="referral">{}</b>"#, esc(&referral.status));
        if let Some(text) = &referral.text {
            let _ = write!(self.body, " — {}", esc(text));
        }
        self.push("</p>");
        if !referral.reasons.is_empty() {
            let _ = write!(self.body, r#"<p class="small">Why: answered “yes” to: {}</p>"#, referral.reasons.iter().map(|r| esc(r)).collect::<Vec<_>>().join("; "));
        }
        if !referral.options.is_empty() {
            let _ = write!(self.body, r#"<p class="small">Options to discuss: {}</p>"#, referral.options.iter().map(|r| esc(r)).collect::<Vec<_>>().join("; "));
        }
        let state = match running.state {
            RunningState::Green => "green",
            RunningState::Amber => "amber",
            RunningState::Red => "red",
        };
        let _ = write!(
            self.body,
            r#"<p>Running advice today: <b data-k="running_state">{state}</b> — {} ({}).</p></section>"#,
            esc(&shorten(first_sentence(&running.reason), RUNNING_CHARS)),
            esc(&running.rules.join(", "))
        );
        // rule A6: the step rate from the runner's watch files against the +5–10 % goal.
        if let Some(cadence) = &running.cadence_progress {
            let _ = write!(self.body, r#"<p class="small" data-k="cadence">{}</p>"#, esc(cadence));
        }
    }

    fn screens(&mut self, screens: &[StoredSafetyScreen]) {
        self.push(r#"<section id="red-flags"><h2>Red-flag screens</h2>"#);
        if screens.is_empty() {
            self.push(r#"<p class="missing">No red-flag screen recorded.</p></section>"#);
            return;
        }
        let flagged: Vec<&StoredSafetyScreen> = screens.iter().filter(|s| !s.flagged.is_empty()).collect();
        let clear = screens.len() - flagged.len();
        let _ = write!(
            self.body,
            r#"<p><span data-k="screens">{}</span> screen(s) from {} to {}; <span data-k="screens_clear">{clear}</span> with no “yes”.</p>"#,
            screens.len(),
            esc(&screens[0].date),
            esc(&screens[screens.len() - 1].date)
        );
        if !flagged.is_empty() {
            self.push("<ul>");
            // The most recent ones; the earlier are counted.
            let shown = &flagged[flagged.len().saturating_sub(MAX_SCREENS)..];
            for s in shown {
                let answers: Vec<String> = s.flagged.iter().map(|id| esc(&question_reason(id))).collect();
                let _ = write!(self.body, r#"<li data-screen="{}">{} · <b>{}</b>: {}</li>"#, esc(&s.date), esc(&s.date), esc(&level_label(s.level)), answers.join("; "));
            }
            and_more(&mut self.body, flagged.len() - shown.len(), "earlier screen(s) with a “yes”");
            self.push("</ul>");
        }
        self.push("</section>");
    }

    fn history(&mut self, first: Option<&StoredAssessment>, date: &str, units: Units) {
        self.push(r#"<section id="history"><h2>Onset, duration and training load at the first assessment</h2>"#);
        let Some(first) = first else {
            self.push(r#"<p class="missing">No assessment recorded yet.</p></section>"#);
            return;
        };
        let a: &AssessmentAnswers = &first.answers;
        let mut lines: Vec<String> = Vec::new();
        let onset = match a.weeks_since_onset {
            Some(weeks) => {
                let since_assessment = Day::parse("date", date).ok().zip(Day::parse("date", &first.date).ok()).map(|(d, f)| d.days_since(f) / 7).unwrap_or(0).max(0);
                format!(
                    r#"onset about <b>{weeks}</b> week(s) before, so about <b data-k="duration_weeks">{}</b> weeks by {}"#,
                    i64::from(weeks) + i64::from(since_assessment),
                    esc(date)
                )
            }
            None => "onset not recorded".into(),
        };
        lines.push(format!(
            "{}: <b>{}</b>, first-step pain <b>{}</b>/10, {onset}.",
            esc(&first.date),
            match a.affected_side {
                Side::Left => "left heel",
                Side::Right => "right heel",
                Side::Both | Side::None => "both heels",
            },
            a.first_step_pain
        ));
        let mut load: Vec<String> = Vec::new();
        match (a.weekly_km_now, a.weekly_km_4_weeks_ago) {
            (Some(now), Some(before)) => {
                let change = if before > 0.0 { format!(" ({:+.0} %)", (now - before) / before * 100.0) } else { String::new() };
                load.push(format!("weekly distance {} (4 weeks before: {}){change}", distance(now, units), distance(before, units)));
            }
            (Some(now), None) => load.push(format!("weekly distance {}", distance(now, units))),
            _ => {}
        }
        match (a.longest_run_km_recent, a.longest_run_km_prior_30d) {
            (Some(recent), Some(prior)) => load.push(format!("longest recent run {} (previous 30 days: {})", distance(recent, units), distance(prior, units))),
            (Some(recent), None) => load.push(format!("longest recent run {}", distance(recent, units))),
            _ => {}
        }
        let flags: Vec<&str> = [(a.surface_change, "surface change"), (a.shoe_change, "shoe change"), (a.race_build_up, "race build-up")]
            .into_iter()
            .filter_map(|(v, label)| v.filter(|v| *v).map(|_| label))
            .collect();
        if !flags.is_empty() {
            load.push(flags.join(", "));
        }
        if let Some(hours) = a.hours_on_feet_per_day {
            load.push(format!("{hours:.0} h/day on the feet at work"));
        }
        if let Some(cadence) = a.cadence_spm {
            load.push(format!("cadence {cadence} spm"));
        }
        if load.is_empty() {
            lines.push("Training load: not recorded.".into());
        } else {
            lines.push(format!("Training load: {}.", load.join("; ")));
        }
        let _ = write!(self.body, "<p>{}</p></section>", lines.join("<br>"));
    }

    fn notes(&mut self, pains: &[PainEntry]) {
        let noted: Vec<&PainEntry> = pains.iter().filter(|p| p.note.is_some()).collect();
        self.push(r#"<section id="notes"><h2>The runner's notes (last 12 weeks)</h2>"#);
        if noted.is_empty() {
            self.push(r#"<p class="missing">No notes.</p></section>"#);
            return;
        }
        self.push("<ul>");
        let shown = &noted[noted.len().saturating_sub(MAX_NOTES)..];
        for p in shown.iter().rev() {
            let _ = write!(self.body, "<li>{}: “{}”</li>", esc(&p.date), esc(&shorten(p.note.as_deref().unwrap_or(""), NOTE_CHARS)));
        }
        and_more(&mut self.body, noted.len() - shown.len(), "earlier note(s)");
        self.push("</ul></section>");
    }

    fn measurements(&mut self, assessments: &[StoredAssessment], units: Units) {
        let (len_unit, noise) = match units {
            Units::Metric => ("cm", format!("{KNEE_TO_WALL_NOISE_CM:.1} cm")),
            Units::Imperial => ("in", format!("{:.1} in", KNEE_TO_WALL_NOISE_CM / CM_PER_INCH)),
        };
        self.push(r#"<section id="tests"><h2>Knee-to-wall and heel raises</h2>"#);
        if assessments.is_empty() {
            self.push(r#"<p class="missing">No assessment recorded yet.</p>"#);
        } else {
            let _ = write!(self.body, r#"<div class="scroll"><table class="tests"><thead><tr><th>Assessed</th><th>Knee-to-wall L / R ({len_unit})</th><th>Heel raises L / R</th></tr></thead><tbody>"#);
            // The first (the reference) and the most recent ones; the ones between are counted.
            let n = assessments.len();
            let shown: Vec<usize> = if n <= MAX_ASSESSMENTS { (0..n).collect() } else { std::iter::once(0).chain(n - (MAX_ASSESSMENTS - 1)..n).collect() };
            for &i in &shown {
                let a = &assessments[i];
                // The change since the previous assessment and whether it is beyond noise: the
                // assessment's own comparison (rules A1, A2), as stored with its result.
                let changes = serde_json::from_str::<AssessmentResult>(&a.result_json).map(|r| r.changes).unwrap_or_default();
                let mark = |item: &str, side: Side| match changes.iter().find(|c| c.item_id == item && c.side == side) {
                    Some(c) if c.meaningful && c.change > 0.0 => r#"<span class="up">▲</span>"#,
                    Some(c) if c.meaningful => r#"<span class="down">▼</span>"#,
                    _ => "",
                };
                let ktw_text = knee_to_wall_cm(&a.answers)
                    .map(|(l, r)| format!("{}{} / {}{}", length(l, units), mark("knee_to_wall_cm", Side::Left), length(r, units), mark("knee_to_wall_cm", Side::Right)))
                    .unwrap_or_else(|| "not recorded".into());
                let raises = a
                    .answers
                    .heel_raise_reps
                    .map(|h| format!("{}{} / {}{}", h.left, mark("heel_raise_reps", Side::Left), h.right, mark("heel_raise_reps", Side::Right)))
                    .unwrap_or_else(|| "not recorded".into());
                let _ = write!(self.body, r#"<tr data-assessment="{}"><td>{}</td><td>{ktw_text}</td><td>{raises}</td></tr>"#, esc(&a.date), esc(&a.date));
            }
            if n > shown.len() {
                let (from, to) = (&assessments[1].date, &assessments[n - MAX_ASSESSMENTS].date);
                let when = if from == to { format!("on {}", esc(from)) } else { format!("from {} to {}", esc(from), esc(to)) };
                let _ = write!(self.body, r#"<tr class="more"><td colspan="3">and {} more assessment(s), {when}</td></tr>"#, n - shown.len());
            }
            self.push("</tbody></table></div>");
            let _ = write!(
                self.body,
                r#"<p class="small">▲▼ changed since the previous test by more than its noise: <span data-k="ktw_noise">{noise}</span> (A1), <span data-k="hr_noise">{HEEL_RAISE_NOISE:.0}</span> reps (A2).</p>"#
            );
        }
        // rule M2: PSFS is not asked by the app yet.
        self.push(r#"<p id="psfs"><b>PSFS</b> (M2) at the start and now: <span data-k="psfs" class="missing">not recorded</span>.</p></section>"#);
    }

    fn findings(&mut self, latest: Option<&StoredAssessment>) {
        self.push(r#"<section id="findings"><h2>Things to work on (latest assessment)</h2>"#);
        let result = latest.and_then(|a| serde_json::from_str::<AssessmentResult>(&a.result_json).ok());
        let Some(result) = result else {
            self.push(r#"<p class="missing">No assessment recorded yet.</p></section>"#);
            return;
        };
        if result.findings.is_empty() {
            let _ = write!(self.body, r#"<p>None found on {}.</p></section>"#, esc(&result.date));
            return;
        }
        let items: Vec<String> = result
            .findings
            .iter()
            .map(|f| {
                let severity = match f.severity {
                    Severity::Mild => "mild",
                    Severity::Marked => "marked",
                };
                let side = match f.side {
                    Side::None => String::new(),
                    s => format!(", {}", side_words(s)),
                };
                format!(r#"<span data-finding="{}">{} ({severity}{side})</span>"#, esc(&format!("{:?}", f.domain)), f.domain.words())
            })
            .collect();
        // Every domain at most once: the list is short by construction (7 domains).
        let _ = write!(self.body, "<p>{}: {}.</p></section>", esc(&result.date), items.join("; "));
    }

    fn program(&mut self, program: Option<&Program>) {
        self.push(r#"<section id="program" class="wide"><h2>Current program</h2>"#);
        let Some(program) = program else {
            self.push(r#"<p class="missing">No program (no assessment yet, or an urgent red flag paused it).</p></section>"#);
            return;
        };
        let _ = write!(self.body, r#"<div class="scroll"><table class="program"><thead><tr><th>Exercise (program started {})</th><th>Level</th><th>Dose</th><th>Load</th><th>How often</th></tr></thead><tbody>"#, esc(&program.started_on));
        // rule V1: a program holds at most five exercises, so the whole program is listed.
        for e in &program.exercises {
            let dose = match (e.reps, e.hold_seconds) {
                (Some(reps), Some(hold)) => format!("{} × {reps} × {hold} s", e.sets),
                (Some(reps), None) => format!("{} × {reps}", e.sets),
                (None, Some(hold)) => format!("{} × {hold} s", e.sets),
                (None, None) => format!("{} sets", e.sets),
            };
            let tempo = e.tempo.map(|t| format!(", {}-{}-{} s", t.up_seconds, t.hold_seconds, t.down_seconds)).unwrap_or_default();
            let frequency = match e.frequency {
                Frequency::Daily => "daily",
                Frequency::EveryOtherDay => "every other day",
                Frequency::ThreeTimesDaily => "3× daily",
                Frequency::TwiceWeekly => "twice a week",
            };
            let _ = write!(
                self.body,
                r#"<tr data-exercise="{}"><td>{}</td><td>L{} of {}</td><td>{dose}{tempo}</td><td>{}</td><td>{frequency}</td></tr>"#,
                esc(&e.exercise_id),
                esc(&e.name),
                e.level,
                e.max_level,
                esc(&load_words(e)),
            );
        }
        self.push("</tbody></table></div>");
        if program.minutes_per_day > 0 {
            let _ = write!(self.body, r#"<p class="more">About {} minutes a day (rule V1).</p>"#, program.minutes_per_day);
        }
        self.push("</section>");
    }

    fn level_changes(&mut self, changes: &[Decision]) {
        self.push(r#"<section id="level-changes" class="wide"><h2>Level changes and why</h2>"#);
        if changes.is_empty() {
            self.push(r#"<p class="missing">No level change yet.</p></section>"#);
            return;
        }
        self.push("<ul>");
        let shown = &changes[changes.len().saturating_sub(MAX_LEVEL_CHANGES)..];
        for d in shown.iter().rev() {
            let arrow = if d.to_level > d.from_level { r#"<span class="up">▲</span>"# } else { r#"<span class="down">▼</span>"# };
            let _ = write!(
                self.body,
                r#"<li data-change="{}|{}|{}|{}">{} · {} {arrow} L{} → L{} ({}): {}</li>"#,
                esc(&d.date),
                esc(&d.exercise_id),
                d.from_level,
                d.to_level,
                esc(&d.date),
                esc(&exercise_name(&d.exercise_id)),
                d.from_level,
                d.to_level,
                esc(&d.rule),
                esc(&shorten(&without_asides(&d.reason), REASON_CHARS))
            );
        }
        and_more(&mut self.body, changes.len() - shown.len(), "earlier level change(s)");
        self.push("</ul></section>");
    }

    fn footer(&mut self, date: &str) {
        let _ = write!(
            self.body,
            r#"<footer>FirstStep {} · summary for {} · made on the runner's device from their own records; no data left the device to make it.</footer>"#,
            esc(env!("CARGO_PKG_VERSION")),
            esc(date)
        );
    }

    fn finish(self) -> String {
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>FirstStep summary for a clinician</title>
<style>
{CSS}</style></head>
<body><main>
{}</main></body></html>
"#,
            self.body
        )
    }
}

// --------------------------------------------------------------------------------- formatting

/// Escapes text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// "and N more …" as the last list item (nothing when N is 0).
fn and_more(body: &mut String, n: usize, what: &str) {
    if n > 0 {
        let _ = write!(body, r#"<li class="more">and {n} more {what}</li>"#);
    }
}

/// One decimal, or "—" when absent (the trend's means).
pub fn opt1(value: Option<f64>) -> String {
    value.map(|v| format!("{:.1}", v + 0.0)).unwrap_or_else(|| "—".into())
}

/// done / planned as a whole percentage, "—" when nothing was planned.
pub fn percent(done: u32, planned: u32) -> String {
    if planned == 0 {
        "—".into()
    } else {
        format!("{:.0} %", f64::from(done) / f64::from(planned) * 100.0)
    }
}


/// A knee-to-wall length in the settings' units, one decimal.
fn length(cm: f64, units: Units) -> String {
    match units {
        Units::Metric => format!("{cm:.1}"),
        Units::Imperial => format!("{:.1}", cm / CM_PER_INCH),
    }
}

/// Knee-to-wall per side in cm, whichever unit it was answered in.
fn knee_to_wall_cm(a: &AssessmentAnswers) -> Option<(f64, f64)> {
    a.knee_to_wall_cm.map(|m| (m.left, m.right)).or_else(|| a.knee_to_wall_in.map(|m| (m.left * CM_PER_INCH, m.right * CM_PER_INCH)))
}

/// Cuts `text` at a word boundary to at most `max` characters, adding "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

/// The reason without its parenthetical asides ("(the average of your last 7 mornings)", "(rule P4)"):
/// the rule is shown next to it.
fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",").replace(" .", ".").replace(" :", ":")
}

/// "2 Mar" for a YYYY-MM-DD date (the year is in the page's date range).
pub(crate) fn short_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match Day::parse("date", iso) {
        Ok(day) => format!("{} {}", day.date().day(), MONTHS[(day.date().month() - 1) as usize]),
        Err(_) => esc(iso),
    }
}

/// The first sentence or clause (up to ". " or "; "), for long advice texts.
fn first_sentence(text: &str) -> &str {
    let end = text.find(". ").into_iter().chain(text.find("; ")).min().unwrap_or(text.len());
    text[..end].trim_end_matches('.')
}

fn side_words(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Both => "both",
        Side::None => "—",
    }
}

/// The load in a table cell: its short name ("backpack") and the load steps added by effort (P5).
fn load_words(e: &crate::model::ProgramExercise) -> String {
    let load = e.load.as_deref().map_or("body weight", |l| l.split(':').next().unwrap_or(l).trim());
    match e.load_steps {
        0 => load.to_string(),
        n => format!("{load}, +{n} step(s) by effort"),
    }
}

