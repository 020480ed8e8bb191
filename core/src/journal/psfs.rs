//! The PSFS activities and ratings (CLINICAL M2) in the journal: tables `psfs_activities (id, name,
//! added_on, active)` and `psfs_ratings (date, activity_id, score)` of schema step 4. A child module
//! of the journal so it writes through the same connection, transactions and error mapping.

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};

use super::Journal;
use crate::clinical::psfs::{self, PsfsActivity, PsfsRating, PsfsRatingEntry};
use crate::day::Day;
use crate::error::{CoreError, Result};

/// A stored activity with its `active` flag (the backup row). Removed activities stay, inactive,
/// so their ratings keep their name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredPsfsActivity {
    pub id: i64,
    pub name: String,
    pub added_on: String,
    pub active: bool,
}

impl StoredPsfsActivity {
    pub fn activity(&self) -> PsfsActivity {
        PsfsActivity { id: self.id, name: self.name.clone(), added_on: self.added_on.clone() }
    }
}

pub(super) fn activity_from_row(r: &Row<'_>) -> rusqlite::Result<StoredPsfsActivity> {
    Ok(StoredPsfsActivity { id: r.get(0)?, name: r.get(1)?, added_on: r.get(2)?, active: r.get(3)? })
}

pub(super) fn rating_from_row(r: &Row<'_>) -> rusqlite::Result<PsfsRatingEntry> {
    Ok(PsfsRatingEntry { date: r.get(0)?, activity_id: r.get(1)?, score: r.get(2)? })
}

/// Every activity (active and removed), by id.
pub(super) fn all_activities(c: &Connection) -> rusqlite::Result<Vec<StoredPsfsActivity>> {
    c.prepare_cached("SELECT id, name, added_on, active FROM psfs_activities ORDER BY id")?.query_map([], activity_from_row)?.collect()
}

/// Every rating, by date then activity.
pub(super) fn all_ratings(c: &Connection) -> rusqlite::Result<Vec<PsfsRatingEntry>> {
    c.prepare_cached("SELECT date, activity_id, score FROM psfs_ratings ORDER BY date, activity_id")?.query_map([], rating_from_row)?.collect()
}

pub(super) fn insert_activity(c: &Connection, name: &str, added_on: &str, active: bool) -> rusqlite::Result<i64> {
    c.prepare_cached("INSERT INTO psfs_activities (name, added_on, active) VALUES (?1, ?2, ?3)")?.execute(params![name, added_on, active])?;
    Ok(c.last_insert_rowid())
}

pub(super) fn insert_rating(c: &Connection, r: &PsfsRatingEntry) -> rusqlite::Result<()> {
    c.prepare_cached("INSERT INTO psfs_ratings (date, activity_id, score) VALUES (?1, ?2, ?3)")?.execute(params![r.date, r.activity_id, r.score])?;
    Ok(())
}

impl Journal {
    /// The active PSFS activities, by id (design choice: the order they were first named — the
    /// schema has no position column, and the CLI rates in this order).
    pub fn psfs_activities(&self) -> Result<Vec<PsfsActivity>> {
        let all = self.read(all_activities)?;
        Ok(all.into_iter().filter(|a| a.active).map(|a| a.activity()).collect())
    }

    /// Every stored activity, removed ones included.
    pub fn psfs_activities_all(&self) -> Result<Vec<StoredPsfsActivity>> {
        self.read(all_activities)
    }

    /// Every PSFS rating, by date then activity.
    pub fn psfs_ratings(&self) -> Result<Vec<PsfsRatingEntry>> {
        self.read(all_ratings)
    }

    /// PSFS mean per rating date from `from` to `to` inclusive (for the trend).
    pub fn psfs_means(&self, from: Day, to: Day) -> Result<Vec<psfs::PsfsScore>> {
        self.read(|c| means(c, &from.iso(), &to.iso()))
    }

    /// Names the activities (rule M2: 3–5) in one transaction: a name already stored (ignoring case,
    /// removed ones included) keeps its id and history and is active again; new names are added on
    /// `today`; stored names not given become inactive (history kept). Returns the active list.
    pub fn set_psfs_activities(&self, names: &[String], today: Day) -> Result<Vec<PsfsActivity>> {
        let names = psfs::validate_names(names)?;
        self.write(|c| {
            let stored = all_activities(c)?;
            c.prepare_cached("UPDATE psfs_activities SET active = 0")?.execute([])?;
            for name in &names {
                match stored.iter().find(|a| a.name.to_lowercase() == name.to_lowercase()) {
                    // design choice: the new spelling wins (e.g. a fixed capital letter); the id stays.
                    Some(a) => {
                        c.prepare_cached("UPDATE psfs_activities SET active = 1, name = ?2 WHERE id = ?1")?.execute(params![a.id, name])?;
                    }
                    None => {
                        insert_activity(c, name, &today.iso(), true)?;
                    }
                }
            }
            Ok(())
        })?;
        self.psfs_activities()
    }

    /// Stores the ratings of `date` in one transaction, replacing any given on that date. The
    /// caller validated them against the active activities; the date must not be after `today`.
    pub fn rate_psfs(&self, date: Day, ratings: &[PsfsRating], today: Day) -> Result<()> {
        crate::day::ensure_not_future("date", date, today)?;
        let active = self.psfs_activities()?;
        psfs::validate_ratings(&active, ratings)?;
        let iso = date.iso();
        self.write(|c| {
            // design choice: re-rating a date replaces that whole date's ratings.
            c.prepare_cached("DELETE FROM psfs_ratings WHERE date = ?1")?.execute([&iso])?;
            for r in ratings {
                insert_rating(c, &PsfsRatingEntry { date: iso.clone(), activity_id: r.activity_id, score: r.score })?;
            }
            Ok(())
        })
    }
}

/// design choice: the trend's PSFS point is the mean of every rating stored on that date (the
/// runner's list as it was that day), one point per rating date.
pub(super) fn means(c: &Connection, from: &str, to: &str) -> rusqlite::Result<Vec<psfs::PsfsScore>> {
    super::rows::in_range(
        c,
        "SELECT date, avg(score) FROM psfs_ratings WHERE date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
        from,
        to,
        |r| Ok(psfs::PsfsScore { date: r.get(0)?, score: r.get(1)? }),
    )
}

/// Checks a backup's activities and ratings (rule M2): unique ids and names (ignoring case), names
/// 1..=100 characters, 0 or 3..=5 active, ratings 0..=10 on past dates of known activities, one per
/// (date, activity).
pub(super) fn validate_backup(activities: &[StoredPsfsActivity], ratings: &[PsfsRatingEntry], today: Day) -> Result<()> {
    let mut ids = std::collections::HashSet::new();
    let mut names = std::collections::HashSet::new();
    for (i, a) in activities.iter().enumerate() {
        let field = format!("psfs_activities[{i}]");
        let n = a.name.trim().chars().count();
        if n == 0 || n > psfs::NAME_MAX_CHARS || n != a.name.chars().count() {
            return Err(CoreError::invalid(format!("{field}.name"), format!("use 1 to {} characters, without spaces at either end", psfs::NAME_MAX_CHARS)));
        }
        super::validate::past_date(&format!("{field}.added_on"), &a.added_on, today)?;
        if !ids.insert(a.id) {
            return Err(CoreError::invalid(format!("{field}.id"), format!("{} appears twice", a.id)));
        }
        if !names.insert(a.name.to_lowercase()) {
            return Err(CoreError::invalid(format!("{field}.name"), format!("{:?} appears twice", a.name)));
        }
    }
    let active = activities.iter().filter(|a| a.active).count();
    if active != 0 && !(psfs::MIN_ACTIVITIES..=psfs::MAX_ACTIVITIES).contains(&active) {
        return Err(CoreError::invalid("psfs_activities", format!("{active} are active; 0 or 3 to 5 may be")));
    }
    let mut keys = std::collections::HashSet::new();
    for (i, r) in ratings.iter().enumerate() {
        let field = format!("psfs_ratings[{i}]");
        super::validate::past_date(&format!("{field}.date"), &r.date, today)?;
        if r.score > psfs::MAX_SCORE {
            return Err(CoreError::range(format!("{field}.score"), format!("0..={}", psfs::MAX_SCORE), r.score));
        }
        if !ids.contains(&r.activity_id) {
            return Err(CoreError::invalid(format!("{field}.activity_id"), format!("{} is not in psfs_activities", r.activity_id)));
        }
        if !keys.insert((r.date.as_str(), r.activity_id)) {
            return Err(CoreError::invalid(field, format!("a second rating of activity {} on {}", r.activity_id, r.date)));
        }
    }
    Ok(())
}

/// Counts of a PSFS merge: (activities added, unchanged, ratings added, unchanged, conflicting).
#[derive(Default)]
pub(super) struct PsfsMerge {
    pub activities_added: u32,
    pub activities_unchanged: u32,
    pub ratings_added: u32,
    pub ratings_unchanged: u32,
    pub ratings_conflicting: u32,
}

/// Merges a validated backup's activities and ratings inside the import transaction. Activities
/// match by name ignoring case (ids are per device); a new one is active as in the backup only when
/// this journal has no activities yet (design choice: otherwise the local list wins and it is added
/// inactive, its history kept). A rating matches on (date, activity): an equal one is unchanged, a
/// different local score is kept (conflicting).
pub(super) fn merge_backup(c: &Connection, activities: &[StoredPsfsActivity], ratings: &[PsfsRatingEntry]) -> rusqlite::Result<PsfsMerge> {
    let mut out = PsfsMerge::default();
    let stored = all_activities(c)?;
    let fresh = stored.is_empty();
    let mut local_id = std::collections::HashMap::new();
    for a in activities {
        let id = match stored.iter().find(|s| s.name.to_lowercase() == a.name.to_lowercase()) {
            Some(s) => {
                out.activities_unchanged += 1;
                s.id
            }
            None => {
                out.activities_added += 1;
                insert_activity(c, &a.name, &a.added_on, fresh && a.active)?
            }
        };
        local_id.insert(a.id, id);
    }
    for r in ratings {
        let Some(&activity_id) = local_id.get(&r.activity_id) else { continue }; // validated: cannot happen
        let local: Option<u8> = c
            .prepare_cached("SELECT score FROM psfs_ratings WHERE date = ?1 AND activity_id = ?2")?
            .query_map(params![r.date, activity_id], |row| row.get(0))?
            .next()
            .transpose()?;
        match local {
            None => {
                insert_rating(c, &PsfsRatingEntry { date: r.date.clone(), activity_id, score: r.score })?;
                out.ratings_added += 1;
            }
            Some(score) if score == r.score => out.ratings_unchanged += 1,
            Some(_) => out.ratings_conflicting += 1,
        }
    }
    Ok(out)
}
