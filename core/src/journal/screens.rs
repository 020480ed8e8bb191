//! Reading back the stored red-flag screens (for the clinician summary, `crate::report`): every
//! screen with its date, level and the questions answered "yes". A child module of the journal so
//! it reads through the same connection and error mapping.

use serde::{Deserialize, Serialize};

use super::{rows, Journal};
use crate::error::Result;
use crate::model::RedFlagLevel;

/// One stored red-flag screen (read by the core; not part of the FFI surface).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSafetyScreen {
    pub date: String,
    pub level: RedFlagLevel,
    /// Ids of the questions answered "yes" (see `safety_questions`).
    pub flagged: Vec<String>,
}

impl Journal {
    /// Every red-flag screen, oldest first (date, then the order saved).
    pub fn safety_screens(&self) -> Result<Vec<StoredSafetyScreen>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached("SELECT date, level, flagged_json FROM safety_screens ORDER BY date, id")?;
            let rows = stmt.query_map([], |r| {
                Ok(StoredSafetyScreen {
                    date: r.get(0)?,
                    level: rows::enum_from_text(1, r.get(1)?)?,
                    flagged: rows::json_from_text(2, &r.get::<_, String>(2)?)?,
                })
            })?;
            rows.collect()
        })
    }
}
