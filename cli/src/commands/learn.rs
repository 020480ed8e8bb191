//! `firststep learn [ID]`: the lessons E1–E7 — the list with what is open, or one lesson to read.
//! Text, unlock state and links come from the core (`lessons`, `lesson`).

use firststep_core::clinical::{Exercise, Lesson};

use crate::context::{CliResult, Context};
use crate::render::{heading, table, wrap};

/// Width the lesson paragraphs are wrapped to (as the other screens).
const WIDTH: usize = 78;

/// Lists the lessons, or shows the one with `id` (E1…E7, any case).
pub fn run(ctx: &Context, id: Option<&str>) -> CliResult {
    match id {
        None => {
            let lessons = ctx.app.lessons(ctx.moment.clone())?;
            if ctx.json {
                // The core's Lesson is the documented JSON shape (docs/cli.md).
                return ctx.print_json(&lessons);
            }
            println!("{}", render_list(&lessons));
        }
        Some(id) => {
            let lesson = ctx.app.lesson(ctx.moment.clone(), id.trim().to_uppercase())?;
            if ctx.json {
                return ctx.print_json(&lesson);
            }
            println!("{}", render_lesson(&lesson, &ctx.app.exercise_library()));
        }
    }
    Ok(())
}

/// The list: id, title and whether it is open (and why) or when it opens.
pub fn render_list(lessons: &[Lesson]) -> String {
    let mut out = vec![heading("Lessons")];
    let rows: Vec<Vec<String>> = lessons
        .iter()
        .map(|l| {
            let status = if l.unlocked { format!("open · {}", lowercase_first(&l.unlocked_because)) } else { format!("🔒 opens in week {}", l.unlock_week) };
            vec![l.id.clone(), l.title.clone(), status]
        })
        .collect();
    out.push(table::render(&["id", "lesson", ""], &[table::Align::Left; 3], &rows));
    out.push(String::new());
    out.push("Read one: firststep learn E1 (🔒 locked lessons open by week on your program, some sooner with a finding)".to_string());
    out.join("\n")
}

/// One lesson: paragraphs wrapped to the screen, the rules it rests on and the linked exercises. A
/// locked lesson shows when it opens instead of its text.
pub fn render_lesson(lesson: &Lesson, library: &[Exercise]) -> String {
    let mut out = vec![heading(&format!("{} · {}", lesson.id, lesson.title))];
    if !lesson.unlocked {
        out.push(wrap(&format!("{}. Until then, firststep learn lists the lessons you can read now.", lesson.unlocked_because), WIDTH, "🔒 "));
        return out.join("\n");
    }
    out.push(format!("({})", lesson.unlocked_because));
    for paragraph in &lesson.body {
        out.push(String::new());
        out.push(wrap(paragraph, WIDTH, ""));
    }
    out.push(String::new());
    out.push(format!("Rules (CLINICAL): {}", lesson.rules.join(", ")));
    if !lesson.exercise_ids.is_empty() {
        let names: Vec<String> = lesson
            .exercise_ids
            .iter()
            .map(|id| match library.iter().find(|e| &e.id == id) {
                Some(e) => format!("{} ({id})", e.name),
                None => id.clone(),
            })
            .collect();
        out.push(wrap(&format!("Exercises this explains: {}", names.join(", ")), WIDTH, ""));
    }
    out.join("\n")
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
