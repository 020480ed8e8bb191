//! Strict reading of JSON documents that come from outside the app (backups, answers files).
//!
//! One place for every record type, so new fields and new record lists are covered without
//! annotating each type: an unknown key at any depth is refused (a typo must not lose a value),
//! and a type error names the record and field with its allowed range, e.g.
//! `pain[1].score must be in 0..=10 (got -1)` instead of serde's `invalid value: integer -1`.
//!
//! Why it works on the text and not through deserializer wrappers: every wrapper (path tracking,
//! ignored-key reporting, reading from a `Value`) compiles another copy of every record's
//! deserializer into the mobile library (about 300 KiB, issue #16). Here each record is read by the
//! same `serde_json::from_str` the journal uses for its stored documents; the path of an error is
//! found from the error's position in the text, and unknown keys by comparing the document's keys
//! with the keys the typed record writes back.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A document that could not be read: `field` is the path of the offending value
/// (`pain[1].score`, `heel_raise_reps.left`), `message` the full sentence for the runner.
#[derive(Debug)]
pub(crate) struct Problem {
    pub field: String,
    pub message: String,
}

/// Reads `text` (already parsed as `document`, so it is well-formed JSON) as `T`, refusing unknown
/// keys anywhere. `allowed` gives the allowed range or form of a field from its path (e.g.
/// `"in 0..=10"`), used to explain type errors.
pub(crate) fn from_text<T: DeserializeOwned + Serialize>(text: &str, document: &Value, allowed: &dyn Fn(&str) -> Option<String>) -> Result<T, Problem> {
    match serde_json::from_str::<T>(text) {
        Ok(typed) => {
            // The keys a record writes back are the keys it knows; any other key was dropped.
            let known = serde_json::to_string(&typed).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok()).unwrap_or(Value::Null);
            match first_unknown_key(document, &known, String::new()) {
                Some((record, key)) => Err(unknown_key(&record, &key)),
                None => Ok(typed),
            }
        }
        Err(e) => {
            let path = path_at(text, byte_offset(text, e.line(), e.column()));
            let full = e.to_string();
            let message = full.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&full);
            // A misspelt key makes the real one missing: name the misspelling, as it is the fix.
            if let Some(missing) = between(message, "missing field `", "`") {
                if let Some(typo) = object_at(document, &path).and_then(|o| o.keys().find(|k| is_typo_of(k, missing))) {
                    return Err(unknown_key(&path, typo));
                }
            }
            Err(describe(&path, message, allowed))
        }
    }
}

/// The first key of `document` (depth first) that `known` does not have, with its record's path.
fn first_unknown_key(document: &Value, known: &Value, path: String) -> Option<(String, String)> {
    match (document, known) {
        (Value::Object(doc), Value::Object(known)) => doc.iter().find_map(|(key, value)| match known.get(key) {
            None => Some((path.clone(), key.clone())),
            Some(known) => first_unknown_key(value, known, if path.is_empty() { key.clone() } else { format!("{path}.{key}") }),
        }),
        (Value::Array(doc), Value::Array(known)) => {
            doc.iter().zip(known).enumerate().find_map(|(i, (value, known))| first_unknown_key(value, known, format!("{path}[{i}]")))
        }
        _ => None,
    }
}

/// The object at `path` (`pain[1]`) in `document`.
fn object_at<'a>(document: &'a Value, path: &str) -> Option<&'a serde_json::Map<String, Value>> {
    let mut node = document;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        let key = pieces.next().unwrap_or_default();
        if !key.is_empty() {
            node = node.get(key)?;
        }
        for index in pieces {
            node = node.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    node.as_object()
}

/// `scroe` for `score`: one or two letters added, dropped, changed or swapped (design choice, #16).
fn is_typo_of(key: &str, field: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (key.chars().collect(), field.chars().collect());
    // Levenshtein distance with adjacent swaps counted once (optimal string alignment).
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()] <= 2
}

/// The byte offset of serde_json's (1-based line, bytes-into-the-line column) position.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1) };
    (line_start + column).min(text.len())
}

/// The path (`pain[1].score`) of the value being read when `offset` bytes of `text` were consumed.
fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        Object { key: Option<String>, expect_key: bool },
        Array { index: usize },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let bytes = &text.as_bytes()[..offset];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        // `get`, not slicing: never a panic, whatever offset an error names.
                        let quoted = text.get(start..(i + 1).min(text.len())).unwrap_or("\"\"");
                        *key = Some(serde_json::from_str::<String>(quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_string()));
                        *expect_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

fn unknown_key(record: &str, key: &str) -> Problem {
    let message = if record.is_empty() { format!("unknown key {key:?} at the top level") } else { format!("{record}: unknown key {key:?}") };
    Problem { field: if record.is_empty() { key.to_string() } else { format!("{record}.{key}") }, message }
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

    #[derive(Debug, Deserialize, Serialize)]
    #[allow(dead_code)]
    struct Doc {
        pain: Vec<Entry>,
    }
    #[derive(Debug, Deserialize, Serialize)]
    #[allow(dead_code)]
    struct Entry {
        score: u8,
        #[serde(default)]
        note: Option<String>,
    }

    fn read(json: &str) -> Result<Doc, Problem> {
        let range = |p: &str| (leaf(p) == "score").then(|| "in 0..=10".to_string());
        from_text(json, &serde_json::from_str(json).unwrap(), &range)
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

    #[test]
    fn unknown_optional_keys_and_other_missing_fields() {
        let e = read(r#"{"pain": [{"score": 1, "nte": "sore"}]}"#).unwrap_err();
        assert_eq!(e.message, r#"pain[0]: unknown key "nte""#);
        // Not a typo of the missing field: the missing field is named.
        assert_eq!(read(r#"{"pain": [{"zzz": 1}]}"#).unwrap_err().message, "pain[0].score is required (allowed: 0..=10)");
        assert!(read(r#"{"pain": [{"score": 3, "note": null}]}"#).is_ok());
    }

    #[test]
    fn positions_survive_pretty_printing_and_escaped_quotes() {
        let text = "{\n  \"pain\": [\n    {\"score\": 2, \"note\": \"a \\\"}]\\\" b\"},\n    {\n      \"note\": \"x\",\n      \"score\": 300\n    }\n  ]\n}";
        assert_eq!(read(text).unwrap_err().message, "pain[1].score must be in 0..=10 (got 300)");
    }

    #[test]
    fn typos_are_one_or_two_edits() {
        assert!(is_typo_of("scroe", "score"));
        assert!(is_typo_of("scor", "score"));
        assert!(is_typo_of("date_", "date"));
        assert!(!is_typo_of("zzz", "score"));
        assert!(!is_typo_of("note", "score"));
    }

    #[test]
    fn a_position_inside_a_multibyte_key_is_not_a_panic() {
        assert_eq!(path_at("{\"é\": 1}", 2), "");
        assert_eq!(path_at("{\"é\": 1}", 5), "é");
    }

    proptest::proptest! {
        /// Any text and any position (serde_json's errors name positions): a path, never a panic.
        #[test]
        fn path_at_never_panics(text in "[{}\\[\\]\",:aé\\\\\n]{0,12}", line in 0usize..3, column in 0usize..16) {
            let _ = path_at(&text, byte_offset(&text, line, column));
        }
    }
}
