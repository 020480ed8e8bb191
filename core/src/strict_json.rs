//! Strict reading of JSON documents that come from outside the app (backups, answers files).
//!
//! One place for every record type, so new fields and new record lists are covered without
//! annotating each type: an unknown key at any depth is refused (a typo must not lose a value),
//! and a type error names the record and field with its allowed range, e.g.
//! `pain[1].score must be in 0..=10 (got -1)` instead of serde's `invalid value: integer -1`.

use serde::de::DeserializeOwned;

/// A document that could not be read: `field` is the path of the offending value
/// (`pain[1].score`, `heel_raise_reps.left`), `message` the full sentence for the runner.
#[derive(Debug)]
pub(crate) struct Problem {
    pub field: String,
    pub message: String,
}

/// Deserializes `value` as `T`, refusing unknown keys anywhere. `allowed` gives the allowed range
/// or form of a field from its path (e.g. `"in 0..=10"`), used to explain type errors.
pub(crate) fn from_value<T: DeserializeOwned>(value: serde_json::Value, allowed: &dyn Fn(&str) -> Option<String>) -> Result<T, Problem> {
    let mut unknown: Option<(String, String)> = None;
    let mut note = |path: serde_ignored::Path<'_>| {
        if unknown.is_none() {
            unknown = Some(record_and_key(&path));
        }
    };
    let ignored = serde_ignored::Deserializer::new(value, &mut note);
    let result: Result<T, serde_path_to_error::Error<serde_json::Error>> = serde_path_to_error::deserialize(ignored);
    // An unknown key is reported first: a misspelt key usually also makes the real one missing.
    if let Some((record, key)) = unknown {
        return Err(unknown_key(&record, &key));
    }
    result.map_err(|e| {
        let path = e.path().to_string();
        describe(if path == "." { "" } else { &path }, &e.inner().to_string(), allowed)
    })
}

fn unknown_key(record: &str, key: &str) -> Problem {
    let message = if record.is_empty() { format!("unknown key {key:?} at the top level") } else { format!("{record}: unknown key {key:?}") };
    Problem { field: if record.is_empty() { key.to_string() } else { format!("{record}.{key}") }, message }
}

/// `pain[1]` and `scroe` from serde_ignored's path of an ignored key.
fn record_and_key(path: &serde_ignored::Path<'_>) -> (String, String) {
    match path {
        serde_ignored::Path::Map { parent, key } => (render(parent), key.clone()),
        other => (render(other), String::new()),
    }
}

/// serde_ignored's path in the same notation as serde_path_to_error (`a.b[2].c`).
fn render(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", render(parent)),
        Path::Map { parent, key } => {
            let parent = render(parent);
            if parent.is_empty() {
                key.clone()
            } else {
                format!("{parent}.{key}")
            }
        }
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => render(parent),
    }
}

/// Turns serde's message at `path` into a sentence naming the field and what it allows.
fn describe(path: &str, serde_message: &str, allowed: &dyn Fn(&str) -> Option<String>) -> Problem {
    let shown = |p: &str| if p.is_empty() { "the document".to_string() } else { p.to_string() };
    if let Some(key) = between(serde_message, "unknown field `", "`") {
        // Types that deny unknown fields report the key as the last path segment.
        let record = path.strip_suffix(key).map(|r| r.trim_end_matches('.')).unwrap_or(path);
        return unknown_key(record, key);
    }
    if let Some(key) = between(serde_message, "missing field `", "`") {
        let field = if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
        let hint = allowed(&field).map(|a| format!(" (allowed: {})", a.trim_start_matches("in "))).unwrap_or_default();
        return Problem { message: format!("{field} is required{hint}"), field };
    }
    let got = serde_message
        .strip_prefix("invalid value: ")
        .or_else(|| serde_message.strip_prefix("invalid type: "))
        .map(|rest| got_value(rest.split(", expected").next().unwrap_or(rest)));
    match (got, allowed(path)) {
        (Some(got), Some(allowed)) => Problem { message: format!("{} must be {allowed} (got {got})", shown(path)), field: path.to_string() },
        _ => Problem { message: format!("{}: {}", shown(path), plain_expected(serde_message)), field: path.to_string() },
    }
}

/// serde's description of a value as the runner typed it: `integer `-1`` → `-1`,
/// `string "fast"` → `"fast"`.
fn got_value(text: &str) -> String {
    for prefix in ["integer ", "floating point ", "boolean "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return rest.trim_matches('`').to_string();
        }
    }
    match text {
        "map" => "an object".into(),
        "sequence" => "a list".into(),
        other => other.strip_prefix("string ").unwrap_or(other).to_string(),
    }
}

/// serde's Rust type names in words: `expected u8` → `expected a whole number 0..=255`.
fn plain_expected(message: &str) -> String {
    message
        .replace("expected u8", "expected a whole number in 0..=255")
        .replace("expected u32", "expected a whole number in 0..=4294967295")
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(start)?;
    rest.find(end).map(|i| &rest[..i])
}

/// The last field name of a path: `pain[1].score` → `score`, `session_days[2]` → `session_days`.
pub(crate) fn leaf(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        pain: Vec<Entry>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Entry {
        score: u8,
        #[serde(default)]
        note: Option<String>,
    }

    fn read(json: &str) -> Result<Doc, Problem> {
        let range = |p: &str| (leaf(p) == "score").then(|| "in 0..=10".to_string());
        from_value(serde_json::from_str(json).unwrap(), &range)
    }

    #[test]
    fn nested_unknown_keys_name_the_record() {
        let e = read(r#"{"pain": [{"score": 1}, {"scroe": 4}]}"#).unwrap_err();
        assert_eq!(e.message, r#"pain[1]: unknown key "scroe""#);
        assert_eq!(e.field, "pain[1].scroe");
        let e = read(r#"{"pain": [], "extra": 1}"#).unwrap_err();
        assert_eq!(e.message, r#"unknown key "extra" at the top level"#);
    }

    #[test]
    fn type_errors_name_the_field_and_range() {
        assert_eq!(read(r#"{"pain": [{"score": 1}, {"score": -1}]}"#).unwrap_err().message, "pain[1].score must be in 0..=10 (got -1)");
        assert_eq!(read(r#"{"pain": [{"score": "x"}]}"#).unwrap_err().message, r#"pain[0].score must be in 0..=10 (got "x")"#);
        assert_eq!(read(r#"{"pain": [{"note": null}]}"#).unwrap_err().message, "pain[0].score is required (allowed: 0..=10)");
    }
}
