//! Bad input in a runner's words (issue 28, CLINICAL X4): "Enter 0–30 cm for the left side (you
//! entered 45)". The error keeps the field id, the allowed range and the value as data
//! ([`crate::error::FirstStepError::InvalidInput`]); this module only words them. A field this table
//! does not know reads as its id with spaces, never with underscores.

/// What a field is called in a sentence and the unit its number is in ("" for a score or a count
/// that needs none).
struct FieldWords {
    what: String,
    unit: &'static str,
}

/// design choice: the words for each field a runner types, after removing list positions
/// (`ratings[2].score` → `ratings.score`) and the side (`.left`, `.right`).
fn known(name: &str, context: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "knee_to_wall_cm" => ("knee-to-wall", "cm"),
        "knee_to_wall_in" => ("knee-to-wall", "in"),
        "heel_raise_reps" => ("single-leg heel raises", "raises"),
        "first_step_pain" => ("first-step pain", ""),
        "score" if context.contains("rating") => ("the activity's score", ""),
        "score" => ("first-step pain", ""),
        "pain" => ("pain", ""),
        "peak_pain" => ("pain during the exercise", ""),
        "pain_during" => ("pain during the run", ""),
        "pain_after" => ("pain after the run", ""),
        "walk_pain" => ("pain on the brisk walk", ""),
        "hop_pain" => ("pain on the hops", ""),
        "heel_raises_affected" => ("the affected side", "raises"),
        "heel_raises_other" => ("the other side", "raises"),
        "weeks_since_onset" => ("how long ago the pain began", "weeks"),
        "age_years" => ("your age", "years"),
        "balance_seconds" => ("single-leg balance", "seconds"),
        "cadence_spm" => ("your step rate", "steps a minute"),
        "hours_on_feet_per_day" => ("time on your feet a day", "hours"),
        "distance_km" if context == "race" => ("the race distance", "km"),
        "distance_km" => ("the run's distance", "km"),
        "planned_run_km" => ("the planned run", "km"),
        "weekly_km_now" => ("your weekly distance now", "km"),
        "weekly_km_4_weeks_ago" => ("your weekly distance 4 weeks ago", "km"),
        "longest_run_km_recent" => ("your longest recent run", "km"),
        "longest_run_km_prior_30d" => ("your longest run in the 30 days before", "km"),
        "minutes" => ("the run's time", "minutes"),
        "elapsed_minutes" => ("the elapsed time", "minutes"),
        "cadence" => ("the step rate", "steps a minute"),
        "sets" => ("the sets done", "sets"),
        "reps" => ("the reps per set", "reps"),
        "hold_seconds" => ("the hold", "seconds"),
        "reps_in_reserve" => ("the reps you had left", "reps"),
        "stiffness_minutes" => ("morning stiffness", "minutes"),
        "weeks" => ("the trend", "weeks"),
        "utc_offset_minutes" => ("the time-zone offset", "minutes"),
        "progress" => ("the figure's progress", ""),
        "session_days" => ("a session day", ""),
        "time_zone" => ("the time-zone name", ""),
        "names" => ("the activities", ""),
        "name" | "length" => ("the activity's name", ""),
        "date" => ("the date", ""),
        "exercises" => ("the session", ""),
        _ => return None,
    })
}

fn field_words(field: &str) -> (FieldWords, Option<&'static str>) {
    // `exercises[1].sets (calf_loading)`: the id in brackets only locates the entry.
    let field = field.split(" (").next().unwrap_or(field);
    if field.contains("level of ") {
        return (FieldWords { what: "the level".into(), unit: "" }, None);
    }
    // `ratings[2].score` → ["ratings", "score"]; `names[0] length` → ["names", "length"].
    let cleaned: String = {
        let mut out = String::new();
        let mut in_index = false;
        for c in field.chars() {
            match c {
                '[' => in_index = true,
                ']' => in_index = false,
                _ if in_index => {}
                ' ' => out.push('.'),
                c => out.push(c),
            }
        }
        out
    };
    let mut parts: Vec<&str> = cleaned.split('.').filter(|p| !p.is_empty()).collect();
    let side = match parts.last() {
        Some(&"left") => Some("left"),
        Some(&"right") => Some("right"),
        _ => None,
    };
    if side.is_some() {
        parts.pop();
    }
    let name = parts.last().copied().unwrap_or(field);
    let context = if parts.len() >= 2 { parts[parts.len() - 2] } else { name };
    let (what, unit) = match known(name, context) {
        Some((what, unit)) => (what.to_string(), unit),
        None => (name.replace('_', " "), ""),
    };
    (FieldWords { what, unit }, side)
}

/// `"0..=30"` → `Some(("0–30", ""))`; `"1..=64 characters"` → `Some(("1–64", "characters"))`;
/// anything else (`"4, 8 or 12"`) → `None`.
fn numeric_range(allowed: &str) -> Option<(String, String)> {
    let (low, rest) = allowed.split_once("..=")?;
    let high_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let (high, tail) = rest.split_at(high_len);
    let numeric = |s: &str| !s.is_empty() && s.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.' || c == 'e');
    (numeric(low) && numeric(high)).then(|| (format!("{low}–{high}"), tail.trim().to_string()))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A value out of its range: "Enter 0–30 cm for the left side (you entered 45)", "Enter 0–10 for
/// first-step pain (you entered 11)", "Enter 4, 8 or 12 weeks for the trend (you entered 5)".
pub(crate) fn out_of_range(field: &str, allowed: &str, got: &str) -> String {
    let (words, side) = field_words(field);
    let what = match side {
        Some(side) => format!("the {side} side"),
        None => words.what,
    };
    let (range, extra) = match numeric_range(allowed) {
        Some((range, tail)) => (range, tail),
        None if allowed.starts_with(|c: char| c.is_ascii_digit()) => (allowed.to_string(), String::new()),
        // design choice: a bound that is not a number ("at most 50 steps in a session") reads as
        // it stands after the field's name.
        None => return format!("{}: {allowed} (you entered {got})", capitalise(&what)),
    };
    let unit = [words.unit, extra.as_str()].iter().filter(|u| !u.is_empty()).copied().collect::<Vec<_>>().join(" ");
    let amount = if unit.is_empty() { range } else { format!("{range} {unit}") };
    format!("Enter {amount} for {what} (you entered {got})")
}

/// A value of the wrong form or a missing answer: "The date: enter a date such as 2026-03-01".
pub(crate) fn about(field: &str, message: &str) -> String {
    let (words, side) = field_words(field);
    let what = match side {
        Some(side) => format!("{} ({side} side)", words.what),
        None => words.what,
    };
    format!("{}: {message}", capitalise(&what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_a_runner_would_say_them() {
        assert_eq!(out_of_range("knee_to_wall_cm.left", "0..=30", "45"), "Enter 0–30 cm for the left side (you entered 45)");
        assert_eq!(out_of_range("first_step_pain", "0..=10", "11"), "Enter 0–10 for first-step pain (you entered 11)");
        assert_eq!(out_of_range("ratings[2].score", "0..=10", "12"), "Enter 0–10 for the activity's score (you entered 12)");
        assert_eq!(out_of_range("decisions[0].level of calf_loading", "0..=4", "7"), "Enter 0–4 for the level (you entered 7)");
        assert_eq!(out_of_range("level of calf_loading", "0..=4", "7"), "Enter 0–4 for the level (you entered 7)");
        assert_eq!(out_of_range("weeks", "4, 8 or 12", "5"), "Enter 4, 8 or 12 weeks for the trend (you entered 5)");
        assert_eq!(out_of_range("time_zone", "1..=64 characters", "70 characters"), "Enter 1–64 characters for the time-zone name (you entered 70 characters)");
        assert_eq!(out_of_range("run.distance_km", "0..=1000", "1e308"), "Enter 0–1000 km for the run's distance (you entered 1e308)");
        assert_eq!(out_of_range("exercises", "at most 50 steps in a session", "60"), "The session: at most 50 steps in a session (you entered 60)");
        assert_eq!(out_of_range("some_new_field", "0..=3", "9"), "Enter 0–3 for some new field (you entered 9)");
        assert_eq!(out_of_range("exercises[1].sets (calf_loading)", "1..=50", "0"), "Enter 1–50 sets for the sets done (you entered 0)");
    }

    #[test]
    fn other_input_errors_name_the_field_in_words() {
        assert_eq!(about("date", "enter a date such as 2026-03-01"), "The date: enter a date such as 2026-03-01");
        assert_eq!(about("knee_to_wall_cm", "give it for each side"), "Knee-to-wall: give it for each side");
    }
}
