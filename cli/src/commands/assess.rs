//! `firststep assess`: the red-flag questions and the assessment, asked one by one on stdin (with
//! the how-to steps from the core's catalogue) or read from an answers file (docs/answers.md).

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use firststep_core::clinical::{AnswerKind, AssessmentItem, AssessmentResult};
use firststep_core::day::Day;
use firststep_core::model::{RedFlagLevel, Units};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::context::{CliError, CliResult, Context};
use crate::render::{heading, table, words, wrap};

/// The inch (international).
const CM_PER_INCH: f64 = 2.54;

/// Runs the assessment and prints the result.
pub fn run(ctx: &Context, answers_file: Option<&Path>) -> CliResult {
    let answers_json = match answers_file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| CliError::invalid("answers", format!("cannot read answers file {}: {e}", path.display())))?,
        None => ask(ctx)?,
    };
    let result = ctx.app.submit_assessment_json(ctx.moment.clone(), answers_json)?;
    if ctx.json {
        return ctx.print_json(&AssessOutput::from(&result));
    }
    println!("{}", render(&result));
    Ok(())
}

/// The `assess --json` document (docs/cli.md).
#[derive(Serialize)]
pub struct AssessOutput {
    pub date: String,
    pub red_flags: RedFlagsOutput,
    pub findings: Vec<FindingOutput>,
    /// `null` when a red flag is urgent (R1).
    pub program: Option<ProgramOutput>,
}

#[derive(Serialize)]
pub struct RedFlagsOutput {
    pub level: RedFlagLevel,
    pub reasons: Vec<String>,
    pub advice: String,
}

#[derive(Serialize)]
pub struct FindingOutput {
    pub domain: firststep_core::model::Domain,
    pub side: firststep_core::model::Side,
    pub severity: firststep_core::model::Severity,
    pub measurement: String,
    pub explanation: String,
    pub exercises: Vec<String>,
}

#[derive(Serialize)]
pub struct ProgramOutput {
    pub exercises: Vec<ProgramExerciseOutput>,
    pub caution: Option<String>,
    pub cadence_cue: Option<String>,
    /// rule V1: estimated minutes on the busier of two consecutive days.
    pub minutes_per_day: u32,
    /// rule V1: findings left out of the day's five exercises.
    pub set_aside: Vec<String>,
}

#[derive(Serialize)]
pub struct ProgramExerciseOutput {
    pub id: String,
    pub name: String,
    pub level: u32,
    pub sets: u32,
    pub reps: Option<u32>,
    pub hold_seconds: Option<u32>,
    pub frequency: firststep_core::model::Frequency,
}

impl From<&AssessmentResult> for AssessOutput {
    fn from(result: &AssessmentResult) -> Self {
        AssessOutput {
            date: result.date.clone(),
            red_flags: RedFlagsOutput {
                level: result.safety.level,
                reasons: result.safety.reasons.clone(),
                advice: result.safety.advice.clone(),
            },
            findings: result
                .findings
                .iter()
                .map(|f| FindingOutput {
                    domain: f.domain,
                    side: f.side,
                    severity: f.severity,
                    measurement: f.measurement.clone(),
                    explanation: f.explanation.clone(),
                    exercises: f.exercises.clone(),
                })
                .collect(),
            program: result.program.as_ref().map(|p| ProgramOutput {
                exercises: p
                    .exercises
                    .iter()
                    .map(|e| ProgramExerciseOutput {
                        id: e.exercise_id.clone(),
                        name: e.name.clone(),
                        level: e.level,
                        sets: e.sets,
                        reps: e.reps,
                        hold_seconds: e.hold_seconds,
                        frequency: e.frequency,
                    })
                    .collect(),
                caution: p.caution.clone(),
                cadence_cue: p.cadence_cue.clone(),
                minutes_per_day: p.minutes_per_day,
                set_aside: p.set_aside.clone(),
            }),
        }
    }
}

/// The result screen.
pub fn render(result: &AssessmentResult) -> String {
    let mut out = vec![heading(&format!("Assessment · {}", result.date))];
    match result.safety.level {
        RedFlagLevel::None => out.push("Safety check: no warning signs.".to_string()),
        level => {
            let what = match level {
                RedFlagLevel::Urgent => "seek care today",
                RedFlagLevel::ReferNoImpact => "see a clinician soon; no running or impact until cleared",
                _ => "see a clinician soon",
            };
            out.push(format!("⚠  Safety check: {what}"));
            if let Some(rule) = firststep_core::clinical::program::caution_rule(level) {
                out.push(format!("   Rule: {rule}"));
            }
            for reason in &result.safety.reasons {
                out.push(wrap(reason, 74, "   • "));
            }
            out.push(wrap(&result.safety.advice, 76, "   "));
        }
    }
    out.push(String::new());
    if result.safety.level == RedFlagLevel::Urgent {
        // rule R1: the assessment ended at the screen.
    } else if result.findings.is_empty() {
        out.push("Nothing in the chain stands out: the base program covers you.".to_string());
    } else {
        out.push("Things to work on:".to_string());
        for f in &result.findings {
            let side = match f.side {
                firststep_core::model::Side::None => String::new(),
                side => format!("{}, ", words(&side)),
            };
            out.push(wrap(&format!("{} ({side}{}): {}", f.domain.words().to_lowercase(), words(&f.severity), f.measurement), 76, "  • "));
            out.push(wrap(&f.explanation, 72, "      "));
        }
    }
    for change in &result.changes {
        let mark = if change.meaningful { "real change" } else { "within test noise" };
        out.push(format!("  Δ {} ({mark})", change.description));
    }
    out.push(String::new());
    match &result.program {
        None => out.push(
            "No tests and no program for now: please get checked today. Once a clinician has cleared you, run `firststep assess` again; it will ask for the date.".to_string(),
        ),
        Some(program) => {
            // rule V1: at most five exercises, with the minutes they take.
            out.push(format!("Your program: {} exercise(s), about {} minutes a day.", program.exercises.len(), program.minutes_per_day));
            let rows: Vec<Vec<String>> = program
                .exercises
                .iter()
                .map(|e| vec![e.name.clone(), e.level_name.clone(), super::today::dose(e), words(&e.frequency)])
                .collect();
            out.push(table::render(&["exercise", "level", "dose", "how often"], &[table::Align::Left; 4], &rows));
            for left_out in &program.set_aside {
                out.push(wrap(left_out, 78, "Also noted: "));
            }
            if let Some(cue) = &program.cadence_cue {
                out.push(format!("Running cue: {cue}"));
            }
            if let Some(caution) = &program.caution {
                out.push(format!("⚠  {caution}"));
            }
        }
    }
    out.join("\n")
}

/// With `--json` the questions go to stderr so stdout stays one JSON document.
static PROMPTS_TO_STDERR: AtomicBool = AtomicBool::new(false);

fn say(text: &str) {
    if PROMPTS_TO_STDERR.load(Ordering::Relaxed) {
        eprint!("{text}");
    } else {
        print!("{text}");
        let _ = std::io::stdout().flush();
    }
}

fn sayln(text: &str) {
    say(&format!("{text}\n"));
}

/// Asks the safety questions and the assessment on stdin; returns the answers document.
fn ask(ctx: &Context) -> CliResult<String> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    PROMPTS_TO_STDERR.store(ctx.json, Ordering::Relaxed);
    let mut answers = Map::new();
    answers.insert("date".into(), json!(ctx.date));

    // rule R1: after an urgent screen, the screen is taken again only with a clinician's clearance.
    if ctx.app.home(ctx.moment.clone())?.red_flag == RedFlagLevel::Urgent {
        sayln(&heading("Cleared by a clinician?"));
        sayln(&wrap("Your last safety check found an urgent warning sign. Take it again only once a clinician has checked your foot and cleared you.", 78, ""));
        let cleared = prompt_value(&mut input, "  date they cleared you [YYYY-MM-DD]", |t| parse_date(t).map(Value::String), true)?;
        answers.insert("clinician_cleared_on".into(), cleared);
    }

    sayln(&heading("Safety questions"));
    sayln("Answer y or n. Some answers mean seeing a clinician first; FirstStep tells you which and why.\n");
    let mut flagged = Vec::new();
    let mut urgent = false;
    for q in ctx.app.safety_questions() {
        sayln(&wrap(&q.prompt, 78, ""));
        sayln(&wrap(&q.help, 76, "  "));
        if prompt_value(&mut input, "  y/n", |t| parse_yes_no(t).map(Value::Bool), true)? == Value::Bool(true) {
            flagged.push(q.id.clone());
            urgent |= q.level == RedFlagLevel::Urgent;
        }
    }
    answers.insert("red_flags".into(), json!(flagged));
    if urgent {
        // rule R1: the assessment ends at the screen — no physical tests for someone who may not
        // be able to bear weight. Only the side and this morning's pain are kept for the record.
        sayln(&format!("\n{}", heading("Please seek care today")));
        sayln(&wrap("One of your answers is an urgent warning sign, so FirstStep stops here: no tests and no exercises until a clinician has seen your foot.", 78, ""));
        for mut item in ctx.app.assessment_catalogue().into_iter().filter(|i| i.id == "affected_side" || i.id == "first_step_pain") {
            item.required = true;
            if let Some(value) = ask_item(&mut input, &item)? {
                answers.insert(item.id.clone(), value);
            }
        }
        return Ok(Value::Object(answers).to_string());
    }

    sayln(&format!("\n{}", heading("Assessment")));
    sayln("Press Enter to skip an optional question.\n");
    for mut item in ctx.app.assessment_catalogue() {
        // Runners who use miles measure the knee-to-wall distance in inches (the answers file
        // accepts `knee_to_wall_in`; the core converts).
        if ctx.units == Units::Imperial && item.id == "knee_to_wall_cm" {
            item.id = "knee_to_wall_in".into();
            item.unit = "in".into();
            item.max = (item.max / CM_PER_INCH * 100.0).floor() / 100.0;
        }
        if let Some(value) = ask_item(&mut input, &item)? {
            answers.insert(item.id.clone(), value);
        }
    }
    // rule A8: an upcoming race, optional (the answers file's `race`).
    sayln("Do you have a race coming up? Give its date, or press Enter to skip. (optional)");
    let race_date = prompt_value(&mut input, "  race date [YYYY-MM-DD]", |t| parse_date(t).map(Value::String), false)?;
    if !race_date.is_null() {
        let (unit, per_km) = if ctx.units == Units::Imperial { ("mi", firststep_core::report::KM_PER_MILE) } else { ("km", 1.0) };
        let max = firststep_core::clinical::assessment::KM_MAX / per_km;
        let min = firststep_core::clinical::RACE_KM_MIN / per_km;
        let distance = prompt_value(
            &mut input,
            &format!("  race distance [{min:.1}–{max:.0} {unit}]"),
            |t| match t.trim().parse::<f64>() {
                Ok(v) if v.is_finite() && v >= min && v <= max => Ok(json!(((v * per_km) * 100.0).round() / 100.0)),
                _ => Err(format!("please enter a number from {min:.1} to {max:.0}")),
            },
            true,
        )?;
        answers.insert("race".into(), json!({ "date": race_date, "distance_km": distance }));
    }
    Ok(Value::Object(answers).to_string())
}

fn ask_item(input: &mut impl BufRead, item: &AssessmentItem) -> CliResult<Option<Value>> {
    let optional = if item.required { "" } else { " (optional)" };
    sayln(&format!("{}{optional}", item.prompt));
    for step in &item.how_to {
        sayln(&wrap(step, 74, "  · "));
    }
    let hint = hint(item);
    if item.per_side {
        let Some(left) = prompt_value(input, &format!("  left {hint}"), |t| parse_kind(item, t), item.required).map(non_null)? else {
            return Ok(None);
        };
        let right = prompt_value(input, &format!("  right {hint}"), |t| parse_kind(item, t), true)?;
        return Ok(Some(json!({ "left": left, "right": right })));
    }
    prompt_value(input, &format!("  {hint}"), |t| parse_kind(item, t), item.required).map(non_null)
}

fn non_null(value: Value) -> Option<Value> {
    (!value.is_null()).then_some(value)
}

/// The allowed answers, shown in the prompt.
fn hint(item: &AssessmentItem) -> String {
    match item.kind {
        AnswerKind::Number | AnswerKind::Count => format!("[{}–{} {}]", item.min, item.max, item.unit),
        AnswerKind::Pain => "[0–10]".to_string(),
        AnswerKind::Grade => "[pass/partial/fail]".to_string(),
        AnswerKind::SquatQuality => "[good/fair/poor]".to_string(),
        AnswerKind::YesNo => "[y/n]".to_string(),
        AnswerKind::Side => "[left/right/both]".to_string(),
    }
}

fn parse_kind(item: &AssessmentItem, text: &str) -> Result<Value, String> {
    let text = text.trim().to_lowercase();
    let one_of = |options: &[&str]| {
        if options.contains(&text.as_str()) {
            Ok(json!(text))
        } else {
            Err(format!("please answer one of: {}", options.join(", ")))
        }
    };
    match item.kind {
        AnswerKind::Number => {
            let v: f64 = text.parse().map_err(|_| "please enter a number".to_string())?;
            if v.is_finite() && v >= item.min && v <= item.max {
                Ok(json!(v))
            } else {
                Err(format!("please enter a number from {} to {}", item.min, item.max))
            }
        }
        AnswerKind::Count | AnswerKind::Pain => {
            let (min, max) = if item.kind == AnswerKind::Pain { (0.0, 10.0) } else { (item.min, item.max) };
            let v: i64 = text.parse().map_err(|_| "please enter a whole number".to_string())?;
            if (v as f64) >= min && (v as f64) <= max {
                Ok(json!(v))
            } else {
                Err(format!("please enter a whole number from {min} to {max}"))
            }
        }
        AnswerKind::Grade => one_of(&["pass", "partial", "fail"]),
        AnswerKind::SquatQuality => one_of(&["good", "fair", "poor"]),
        AnswerKind::Side => one_of(&["left", "right", "both"]),
        AnswerKind::YesNo => parse_yes_no(&text).map(Value::Bool),
    }
}

/// A calendar date as the core reads it (the core also checks it is not in the future).
fn parse_date(text: &str) -> Result<String, String> {
    Day::parse("date", text.trim()).map(|d| d.iso()).map_err(|_| "please enter the date as YYYY-MM-DD".to_string())
}

fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "y" | "yes" => Ok(true),
        "n" | "no" => Ok(false),
        _ => Err("please answer y or n".to_string()),
    }
}

/// Reads lines until one parses; an empty line gives `null` for optional answers. End of input
/// before a required answer is an error naming nothing was saved.
fn prompt_value(
    input: &mut impl BufRead,
    label: &str,
    parse: impl Fn(&str) -> Result<Value, String>,
    required: bool,
) -> CliResult<Value> {
    loop {
        say(&format!("{label}: "));
        let mut line = String::new();
        let read = input.read_line(&mut line).map_err(|e| CliError::invalid("answers", format!("cannot read the answer: {e}")))?;
        if read == 0 {
            say("\n");
            return Err(CliError::invalid("answers", "input ended before the assessment was complete; nothing was saved"));
        }
        let text = line.trim();
        if text.is_empty() && !required {
            return Ok(Value::Null);
        }
        match parse(text) {
            Ok(value) => return Ok(value),
            Err(message) => sayln(&format!("  {message}")),
        }
    }
}
