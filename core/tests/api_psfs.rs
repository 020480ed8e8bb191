//! The Patient-Specific Functional Scale (CLINICAL M2) through the public `FirstStep` object on a
//! real database file: naming 3–5 activities, rating them at the start and 14 days later (due,
//! then a detectable +2.3 change on the average), typed errors that write nothing, the home screen,
//! progress, trend, and the backup round trip.

use std::sync::Arc;

use firststep_core::api::{FirstStep, Moment};
use firststep_core::clinical::PsfsRating;
use firststep_core::FirstStepError;
use jiff::civil::Date;

fn at(date: &str) -> Moment {
    let d: Date = date.parse().unwrap();
    let ts = d.at(9, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}

fn open(dir: &tempfile::TempDir, name: &str) -> Arc<FirstStep> {
    FirstStep::open(dir.path().join(name).to_string_lossy().into_owned()).unwrap()
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn ratings(ids: &[i64], scores: &[u8]) -> Vec<PsfsRating> {
    ids.iter().zip(scores).map(|(&activity_id, &score)| PsfsRating { activity_id, score }).collect()
}

fn export(app: &FirstStep) -> serde_json::Value {
    let mut doc: serde_json::Value = serde_json::from_str(&app.export_json(at("2026-10-01")).unwrap()).unwrap();
    doc.as_object_mut().unwrap().retain(|k, _| !k.starts_with("exported_at"));
    doc
}

#[test]
fn rating_at_the_start_and_two_weeks_later_shows_a_detectable_change() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir, "j.db");
    let none = app.psfs(at("2026-09-01")).unwrap();
    assert!(none.activities.is_empty() && !none.due && none.next_due.is_none());
    assert!(app.progress(at("2026-09-01"), None).unwrap().psfs.is_none());
    assert!(!app.home(at("2026-09-01")).unwrap().psfs_due);

    let list = app.set_psfs_activities(at("2026-09-01"), names(&["Run 5 km", " Walk the dog ", "Stairs at work"])).unwrap();
    assert_eq!(list.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Run 5 km", "Walk the dog", "Stairs at work"]);
    assert!(list.iter().all(|a| a.added_on == "2026-09-01"));
    let ids: Vec<i64> = list.iter().map(|a| a.id).collect();

    let due = app.psfs(at("2026-09-01")).unwrap();
    assert!(due.due, "named but never rated");
    assert!(due.due_reason.as_deref().unwrap().contains("starting point"));
    assert!(app.home(at("2026-09-01")).unwrap().psfs_due);

    let start = app.rate_psfs(at("2026-09-01"), None, ratings(&ids, &[3, 4, 4])).unwrap();
    assert!(!start.due);
    assert_eq!(start.next_due.as_deref(), Some("2026-09-15"));
    assert!((start.mean_first.unwrap() - 11.0 / 3.0).abs() < 1e-9);
    assert_eq!(start.mean_change, None);
    assert!(!app.home(at("2026-09-14")).unwrap().psfs_due);

    let later = app.psfs(at("2026-09-15")).unwrap();
    assert!(later.due, "14 days after the last rating");
    assert!(later.due_reason.as_deref().unwrap().contains("14 days"), "{:?}", later.due_reason);
    assert!(app.home(at("2026-09-15")).unwrap().psfs_due);

    let after = app.rate_psfs(at("2026-09-15"), None, ratings(&ids, &[6, 5, 7])).unwrap();
    assert!((after.mean_change.unwrap() - 7.0 / 3.0).abs() < 1e-9);
    assert!(after.detectable_change, "+2.3 on the average (rule M2: 2 points)");
    assert_eq!(after.activities.iter().map(|a| a.change).collect::<Vec<_>>(), [Some(3), Some(1), Some(3)]);
    assert_eq!(after.activities.iter().map(|a| a.detectable).collect::<Vec<_>>(), [true, false, true]);
    assert_eq!(after.text, "Your activities: 3.7 → 6.0 on average (+2.3, a change beyond the 2-point noise)");
    assert!(!after.due);

    let progress = app.progress(at("2026-09-15"), None).unwrap();
    assert_eq!(progress.psfs.as_ref().map(|p| p.text.as_str()), Some(after.text.as_str()));
    let trend = app.trend("2026-09-20".into(), 4).unwrap();
    assert_eq!(trend.psfs.iter().map(|p| p.date.as_str()).collect::<Vec<_>>(), ["2026-09-01", "2026-09-15"]);
    assert!((trend.psfs[1].score - 6.0).abs() < 1e-9);
    assert_eq!(
        trend.psfs_text.as_deref(),
        Some("Activities you want back (PSFS): 3.7 on 2026-09-01 → 6.0 on 2026-09-15 (+2.3; a change of 2 or more is beyond the noise).")
    );
    assert!(app.trend("2026-08-20".into(), 4).unwrap().psfs_text.is_none(), "no ratings in the window");

    // Re-rating the same date replaces it.
    let replaced = app.rate_psfs(at("2026-09-16"), Some("2026-09-15".into()), ratings(&ids, &[4, 5, 5])).unwrap();
    assert!(!replaced.detectable_change);
    assert_eq!(app.trend("2026-09-20".into(), 4).unwrap().psfs.len(), 2);

    // Renaming keeps ids and history; a removed name becomes inactive; a new one is added.
    let renamed = app.set_psfs_activities(at("2026-09-20"), names(&["run 5 km", "Stairs at work", "Hike"])).unwrap();
    assert_eq!(renamed[0].id, ids[0]);
    assert_eq!(renamed[0].name, "run 5 km");
    assert_eq!(renamed[1].id, ids[2]);
    assert_eq!(renamed[2].added_on, "2026-09-20");
    let psfs = app.psfs(at("2026-09-20")).unwrap();
    assert_eq!(psfs.activities[0].first.as_ref().map(|s| s.score), Some(3.0), "history kept");
}

#[test]
fn bad_input_is_refused_naming_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir, "j.db");
    let empty = export(&app);
    match app.set_psfs_activities(at("2026-09-01"), names(&["Run", "Walk"])) {
        Err(FirstStepError::InvalidInput { field, reason, .. }) => {
            assert_eq!(field, "names");
            assert_eq!(reason, "The activities: name 3 to 5 activities (you named 2)");
        }
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    match app.set_psfs_activities(at("2026-09-01"), names(&["Run", "Walk", "run "])) {
        Err(FirstStepError::InvalidInput { field, .. }) => assert_eq!(field, "names[2]"),
        other => panic!("expected a duplicate, got {other:?}"),
    }
    match app.set_psfs_activities(at("2026-09-01"), names(&["Run", &"x".repeat(101), "Walk"])) {
        Err(FirstStepError::InvalidInput { field, .. }) => assert_eq!(field, "names[1] length"),
        other => panic!("expected a long name, got {other:?}"),
    }
    assert!(matches!(app.rate_psfs(at("2026-09-01"), None, vec![]), Err(FirstStepError::InvalidState { .. })));
    assert_eq!(export(&app), empty, "nothing written");

    let ids: Vec<i64> = app.set_psfs_activities(at("2026-09-01"), names(&["Run", "Walk", "Stairs"])).unwrap().iter().map(|a| a.id).collect();
    let named = export(&app);
    match app.rate_psfs(at("2026-09-01"), None, ratings(&[ids[0], ids[1], 99], &[3, 4, 5])) {
        Err(FirstStepError::NotFound { reason }) => assert!(reason.contains("\"99\""), "{reason}"),
        other => panic!("expected NotFound, got {other:?}"),
    }
    match app.rate_psfs(at("2026-09-01"), None, ratings(&ids, &[3, 11, 5])) {
        Err(FirstStepError::InvalidInput { field, reason, allowed, got }) => {
            assert_eq!((field.as_str(), allowed.as_deref(), got.as_deref()), ("ratings[1].score", Some("0..=10"), Some("11")));
            assert_eq!(reason, "Enter 0–10 for the activity's score (you entered 11)");
        }
        other => panic!("expected a score error, got {other:?}"),
    }
    match app.rate_psfs(at("2026-09-01"), None, ratings(&ids[..2], &[3, 4])) {
        Err(FirstStepError::InvalidInput { field, .. }) => assert_eq!(field, "ratings"),
        other => panic!("expected a missing rating, got {other:?}"),
    }
    match app.rate_psfs(at("2026-09-01"), Some("2026-09-02".into()), ratings(&ids, &[3, 4, 5])) {
        Err(FirstStepError::InvalidInput { field, reason, .. }) => {
            assert_eq!(field, "date");
            assert!(reason.contains("future"), "{reason}");
        }
        other => panic!("expected a future date, got {other:?}"),
    }
    assert_eq!(export(&app), named, "nothing written");
}

#[test]
fn backup_round_trip_keeps_activities_and_ratings() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir, "a.db");
    let ids: Vec<i64> = app.set_psfs_activities(at("2026-09-01"), names(&["Run", "Walk", "Stairs", "Hop"])).unwrap().iter().map(|a| a.id).collect();
    app.rate_psfs(at("2026-09-01"), None, ratings(&ids, &[2, 3, 4, 5])).unwrap();
    app.set_psfs_activities(at("2026-09-10"), names(&["Run", "Walk", "Stairs"])).unwrap();
    app.rate_psfs(at("2026-09-15"), None, ratings(&ids[..3], &[5, 6, 7])).unwrap();
    let json = app.export_json(at("2026-10-01")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["psfs_activities"].as_array().unwrap().len(), 4);
    assert_eq!(doc["psfs_activities"][3]["active"], false);
    assert_eq!(doc["psfs_ratings"].as_array().unwrap().len(), 7);

    let other = open(&dir, "b.db");
    let report = other.import_json(at("2026-10-01"), json.clone()).unwrap();
    assert_eq!((report.psfs_activities_added, report.psfs_ratings_added), (4, 7));
    assert_eq!(export(&other)["psfs_ratings"], export(&app)["psfs_ratings"]);
    assert_eq!(export(&other)["psfs_activities"], export(&app)["psfs_activities"]);
    assert_eq!(other.psfs(at("2026-10-01")).unwrap(), app.psfs(at("2026-10-01")).unwrap());
    let again = other.import_json(at("2026-10-01"), json).unwrap();
    assert_eq!((again.psfs_activities_added, again.psfs_ratings_added, again.psfs_ratings_unchanged), (0, 0, 7));

    // A backup without the PSFS keys (written before them) still imports: absent → none.
    let mut old: serde_json::Value = serde_json::from_str(&app.export_json(at("2026-10-01")).unwrap()).unwrap();
    old.as_object_mut().unwrap().retain(|k, _| !k.starts_with("psfs_"));
    let third = open(&dir, "c.db");
    third.import_json(at("2026-10-01"), old.to_string()).unwrap();
    assert!(third.psfs(at("2026-10-01")).unwrap().activities.is_empty());

    // A rating of an activity the backup does not list is refused; nothing is written.
    let mut bad: serde_json::Value = serde_json::from_str(&app.export_json(at("2026-10-01")).unwrap()).unwrap();
    bad["psfs_ratings"][0]["activity_id"] = 42.into();
    let fourth = open(&dir, "d.db");
    match fourth.import_json(at("2026-10-01"), bad.to_string()) {
        Err(FirstStepError::Import { reason }) => assert!(reason.contains("psfs_ratings[0].activity_id"), "{reason}"),
        other => panic!("expected an import error, got {other:?}"),
    }
    assert!(fourth.psfs(at("2026-10-01")).unwrap().activities.is_empty());
}
