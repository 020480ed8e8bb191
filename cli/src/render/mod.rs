//! Plain-text rendering helpers: aligned tables, the trend chart and small text utilities.

pub mod chart;
pub mod table;

/// A heading with an underline, for each screen.
pub fn heading(title: &str) -> String {
    format!("{title}\n{}", "─".repeat(title.chars().count()))
}

/// Wraps `text` at `width` columns: the first line starts with `prefix` (e.g. a bullet), the
/// following ones with as many spaces.
pub fn wrap(text: &str, width: usize, prefix: &str) -> String {
    let hanging = " ".repeat(prefix.chars().count());
    let mut lines = Vec::new();
    let mut line = String::new();
    let indent = |n: usize| if n == 0 { prefix } else { hanging.as_str() };
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(format!("{}{line}", indent(lines.len())));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!("{}{line}", indent(lines.len())));
    }
    lines.join("\n")
}

/// An optional number with one decimal, or "–".
pub fn opt1(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".to_string())
}

/// snake_case enum text (from serde) in plain words: `every_other_day` → "every other day".
pub fn words<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_hangs_continuation_lines_under_the_bullet() {
        assert_eq!(wrap("one two three", 7, "  · "), "  · one two\n    three");
    }
}
