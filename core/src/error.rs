//! Errors. Internal code returns [`CoreError`] (rich, typed); the FFI surface returns
//! [`FirstStepError`] (few variants, each with a message a runner reads — "Enter 0–30 cm for the
//! left side (you entered 45)" — and, for bad input, the field, allowed range and value as data). The conversion happens in exactly one place: `impl From<CoreError> for FirstStepError`.

use std::fmt::Display;

/// Internal error type used throughout the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A value outside its allowed range, e.g. pain 11. Reads as a runner would say it: "Enter
    /// 0–10 for first-step pain (you entered 11)"; `field`, `allowed` ("0..=10") and `got` stay data.
    #[error("{}", crate::field_words::out_of_range(field, allowed, got))]
    OutOfRange { field: String, allowed: String, got: String },

    /// A value of the wrong form (bad date, NaN, unknown enum text, ...): "The date: …", the
    /// field named in words.
    #[error("{}", crate::field_words::about(field, message))]
    Invalid { field: String, message: String },

    /// A required answer or field is absent.
    #[error("{}", crate::field_words::about(field, message))]
    Missing { field: String, message: String },

    /// An id that does not exist (exercise, question, test).
    #[error("unknown {kind} {id:?}; allowed: {allowed}")]
    UnknownId { kind: String, id: String, allowed: String },

    /// An operation not valid now (no program yet, session already finished, time went backwards...).
    #[error("{0}")]
    InvalidState(String),

    /// The database file could not be opened or used. It is never deleted or overwritten.
    #[error("database {path}: {message}")]
    Database { path: String, message: String },

    /// The database was written by a newer FirstStep.
    #[error("database {path} has schema version {found}, newer than this app supports ({supported}); update FirstStep to open it — the file was left untouched")]
    DatabaseTooNew { path: String, found: i64, supported: i64 },

    /// A backup document that failed validation. Nothing was written.
    #[error("import rejected, nothing was written: {0}")]
    Import(String),

    /// The journal file (or its folder) is read-only: it was opened read-only and every write is
    /// refused before SQLite is asked, so no `-wal`/`-shm` files are left behind.
    #[error("the journal {path} is read-only: nothing was written; make the file and its folder writable to log again (reading, the trend and export still work)")]
    ReadOnly { path: String },

    /// `PRAGMA quick_check` found damage: writes are refused so the file is never modified.
    #[error("the journal {path} is damaged ({findings}); nothing was written and FirstStep will not change it: keep the file, and save what can still be read with `firststep export --out backup.json` (in the app: Settings → Export)")]
    Damaged { path: String, findings: String },

    /// File system error outside the database (export target, answers file...).
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

impl CoreError {
    pub fn range(field: impl Into<String>, allowed: impl Into<String>, got: impl Display) -> Self {
        CoreError::OutOfRange { field: field.into(), allowed: allowed.into(), got: got.to_string() }
    }
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Invalid { field: field.into(), message: message.into() }
    }
    pub fn missing(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Missing { field: field.into(), message: message.into() }
    }
    pub fn unknown(kind: impl Into<String>, id: impl Into<String>, allowed: impl Into<String>) -> Self {
        CoreError::UnknownId { kind: kind.into(), id: id.into(), allowed: allowed.into() }
    }
    pub fn state(message: impl Into<String>) -> Self {
        CoreError::InvalidState(message.into())
    }
    pub fn db(path: impl Into<String>, err: impl Display) -> Self {
        CoreError::Database { path: path.into(), message: err.to_string() }
    }

    /// The error located by its field path, for a rejected backup file ("pain[1].score must be in
    /// 0..=10 (got -1)"): whoever repairs the file needs the entry, not a prompt to type a value.
    pub fn located(&self) -> String {
        match self {
            CoreError::OutOfRange { field, allowed, got } => format!("{field} must be in {allowed} (got {got})"),
            CoreError::Invalid { field, message } => format!("{field}: {message}"),
            CoreError::Missing { field, message } => format!("{field} is required: {message}"),
            other => other.to_string(),
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// Checks an integer score is within 0..=10 (pain scales, CLINICAL P1).
pub fn check_pain(field: &str, value: i64) -> Result<u8> {
    if (0..=10).contains(&value) {
        Ok(value as u8)
    } else {
        Err(CoreError::range(field, "0..=10", value))
    }
}

/// Checks a real number is finite and within `min..=max`.
pub fn check_real(field: &str, value: f64, min: f64, max: f64) -> Result<f64> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(CoreError::range(field, format!("{min}..={max}"), short_number(value)))
    }
}

/// A number as a runner would type it: `1e308`, not 309 digits (f64's `Display` never uses an
/// exponent).
pub fn short_number(value: f64) -> String {
    let magnitude = value.abs();
    if value.is_finite() && magnitude != 0.0 && !(1e-4..1e15).contains(&magnitude) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// Checks an integer is within `min..=max`.
pub fn check_int(field: &str, value: i64, min: i64, max: i64) -> Result<i64> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(CoreError::range(field, format!("{min}..={max}"), value))
    }
}

/// The public error crossing the FFI boundary. Every variant carries a message a runner (or the
/// shell developer) can read, and what a screen needs to offer the right way out: the field and its
/// allowed range for bad input; one variant per kind of journal trouble (issue 26: export what can
/// be read from a damaged file, open a read-only one for reading, update the app for a newer one).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum FirstStepError {
    /// Bad input: nothing was written. `reason` is the runner's message ("Enter 0–30 cm for the
    /// left side (you entered 45)"); `field` is the input's id (`knee_to_wall_cm.left`), and
    /// `allowed` ("0..=30") and `got` ("45") are set for a value out of its range.
    #[error("{reason}")]
    InvalidInput { field: String, reason: String, allowed: Option<String>, got: Option<String> },
    /// Something referenced does not exist (exercise id, question id).
    #[error("{reason}")]
    NotFound { reason: String },
    /// The call is not valid in the current state (no program yet, session finished, clock went backwards).
    #[error("{reason}")]
    InvalidState { reason: String },
    /// The database could not be opened or written; `path` names the file, which is left untouched.
    #[error("{reason}")]
    Database { path: String, reason: String },
    /// The journal is damaged (`PRAGMA quick_check` findings): writes are refused and the file is
    /// never changed; what can still be read can be exported.
    #[error("{reason}")]
    DatabaseDamaged { path: String, findings: String, reason: String },
    /// The journal (or its folder) is read-only: reading, the trend and export still work.
    #[error("{reason}")]
    DatabaseReadOnly { path: String, reason: String },
    /// The journal was written by a newer FirstStep (schema `found` > `supported`): update the app.
    #[error("{reason}")]
    DatabaseTooNew { path: String, found: i64, supported: i64, reason: String },
    /// A backup that failed validation. Nothing was written.
    #[error("{reason}")]
    Import { reason: String },
    /// A file outside the journal could not be read or written (export target, answers file…).
    #[error("{reason}")]
    Io { path: String, reason: String },
}

impl From<CoreError> for FirstStepError {
    fn from(err: CoreError) -> Self {
        let reason = err.to_string();
        match err {
            CoreError::OutOfRange { field, allowed, got } => FirstStepError::InvalidInput { field, reason, allowed: Some(allowed), got: Some(got) },
            CoreError::Invalid { field, .. } | CoreError::Missing { field, .. } => {
                FirstStepError::InvalidInput { field, reason, allowed: None, got: None }
            }
            CoreError::UnknownId { .. } => FirstStepError::NotFound { reason },
            CoreError::InvalidState(_) => FirstStepError::InvalidState { reason },
            CoreError::Database { path, .. } => FirstStepError::Database { path, reason },
            CoreError::DatabaseTooNew { path, found, supported } => FirstStepError::DatabaseTooNew { path, found, supported, reason },
            CoreError::ReadOnly { path } => FirstStepError::DatabaseReadOnly { path, reason },
            CoreError::Damaged { path, findings } => FirstStepError::DatabaseDamaged { path, findings, reason },
            CoreError::Import(_) => FirstStepError::Import { reason },
            CoreError::Io { path, .. } => FirstStepError::Io { path, reason },
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for FirstStepError {
    fn from(err: uniffi::UnexpectedUniFFICallbackError) -> Self {
        FirstStepError::InvalidState { reason: format!("callback failed: {}", err.reason) }
    }
}
