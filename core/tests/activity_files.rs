//! Importing runs from real public activity files (tests/activities/README.md), from damaged copies
//! and from a health store, through the FFI surface, on real SQLite journals.

use firststep_core::api::{FirstStep, HealthRun, ImportStatus, Moment, RunImportResult};
#[cfg(feature = "activity-files")]
use firststep_core::model::RunSource;

#[cfg(feature = "activity-files")]
fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../tests/activities/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn now() -> Moment {
    // 2026-09-20 09:00 UTC
    Moment { instant_ms: 1_790_154_000_000, time_zone: "Europe/Berlin".into() }
}

fn journal() -> (tempfile::TempDir, std::sync::Arc<FirstStep>, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    let app = FirstStep::open(path.to_string_lossy().into_owned()).unwrap();
    (dir, app, path)
}

fn all_runs(app: &FirstStep) -> Vec<firststep_core::model::RunRecord> {
    app.runs("2000-01-01".into(), "2026-09-20".into()).unwrap()
}

/// The running health store session that is the Garmin GPX run (start 2017-07-29T14:46:35Z).
fn health_copy_of_gpx_run(start_shift_ms: i64, distance_m: f64) -> HealthRun {
    HealthRun {
        start_ms: 1_501_339_595_000 + start_shift_ms,
        end_ms: 1_501_339_595_000 + 5_498_000,
        distance_m,
        sport: "running".into(),
        source_id: "hc-1".into(),
        utc_offset_minutes: None,
    }
}

#[cfg(feature = "activity-files")]
mod files {
    use super::*;

    #[test]
    fn a_garmin_gpx_run_is_imported_with_its_track_distance_start_and_times() {
        let (_d, app, _) = journal();
        let out = app.import_activity_file(now(), "garmin-activity.gpx".into(), file("garmin-activity.gpx")).unwrap();
        assert_eq!(out.status, ImportStatus::Imported, "{out:?}");
        assert_eq!(out.runs.len(), 1);
        let run = &out.runs[0].run;
        assert_eq!(out.runs[0].result, RunImportResult::Added);
        // 2017-07-29T14:46:35Z is 16:46 in Berlin; the sum of the track's 989 points.
        assert_eq!(run.date, "2017-07-29");
        assert_eq!(run.start_ms, Some(1_501_339_595_000));
        assert!((run.distance_km - 12.82).abs() < 0.005, "{}", run.distance_km);
        assert_eq!(run.elapsed_minutes, Some(91.63), "5498 s");
        assert!(run.minutes.unwrap() <= run.elapsed_minutes.unwrap());
        assert_eq!(run.source, RunSource::File);
        assert_eq!(all_runs(&app), vec![firststep_core::model::RunRecord { matched_by: vec!["garmin-activity.gpx".into()], ..run.clone() }]);
        assert!(out.wrote);
        assert_eq!(out.change, Some(firststep_core::api::JournalChange::RunsImported));
        assert!(firststep_core::api::screens_to_refresh(out.change.unwrap()).contains(&firststep_core::api::AppScreen::Runs));
    }

    #[test]
    fn an_imported_run_survives_a_backup_round_trip_and_a_second_restore_adds_nothing() {
        let (_d, app, _) = journal();
        app.import_activity_file(now(), "garmin-activity.gpx".into(), file("garmin-activity.gpx")).unwrap();
        let backup = app.export_json(now()).unwrap();
        let (_d2, other, _) = journal();
        assert_eq!(other.import_json(now(), backup.clone()).unwrap().runs_added, 1);
        let restored = all_runs(&other);
        assert_eq!(restored, vec![firststep_core::model::RunRecord { matched_by: vec![], ..all_runs(&app)[0].clone() }]);
        assert_eq!(other.import_json(now(), backup).unwrap().runs_added, 0);
        // Without its external id the restored run is still matched by start and distance.
        let again = other.import_activity_file(now(), "garmin-activity.gpx".into(), file("garmin-activity.gpx")).unwrap();
        assert_eq!(again.runs[0].result, RunImportResult::Matched);
        assert_eq!(all_runs(&other).len(), 1);
    }

    #[test]
    fn the_same_file_twice_is_stored_once() {
        let (_d, app, _) = journal();
        app.import_activity_file(now(), "a.gpx".into(), file("garmin-activity.gpx")).unwrap();
        let again = app.import_activity_file(now(), "copy.gpx".into(), file("garmin-activity.gpx")).unwrap();
        assert_eq!(again.runs[0].result, RunImportResult::AlreadyImported);
        assert!(!again.wrote);
        assert_eq!(again.change, None);
        assert_eq!(all_runs(&app).len(), 1);
    }

    #[test]
    fn a_typed_in_run_matched_by_an_import_is_kept_and_shown_as_matched() {
        let (_d, app, _) = journal();
        app.log_run(now(), Some("2017-07-29".into()), 12.5, Some(95.0), Some(2), None, None, None).unwrap();
        let out = app.import_activity_file(now(), "garmin-activity.gpx".into(), file("garmin-activity.gpx")).unwrap();
        assert_eq!(out.runs[0].result, RunImportResult::Matched, "{out:?}");
        assert!(out.runs[0].message.contains("typed in"), "{}", out.runs[0].message);
        let runs = all_runs(&app);
        assert_eq!(runs.len(), 1);
        assert_eq!((runs[0].distance_km, runs[0].source, runs[0].pain_during), (12.5, RunSource::Manual, Some(2)));
        assert_eq!(runs[0].matched_by, vec!["garmin-activity.gpx".to_string()]);
    }

    #[test]
    fn the_same_run_from_a_file_and_a_health_store_is_stored_once() {
        let (_d, app, _) = journal();
        app.import_activity_file(now(), "garmin-activity.gpx".into(), file("garmin-activity.gpx")).unwrap();
        // Two minutes later, 2 % shorter: the same run (5 min / 3 %).
        let out = app.import_health_runs(now(), "Health Connect".into(), vec![health_copy_of_gpx_run(120_000, 12_570.0)]).unwrap();
        assert_eq!(out.runs[0].result, RunImportResult::Matched, "{out:?}");
        assert_eq!(all_runs(&app).len(), 1);
        // 6 minutes off is another run.
        let other = HealthRun { source_id: "hc-2".into(), ..health_copy_of_gpx_run(360_000, 12_570.0) };
        let out = app.import_health_runs(now(), "Health Connect".into(), vec![other]).unwrap();
        assert_eq!(out.runs[0].result, RunImportResult::Added);
        assert_eq!(all_runs(&app).len(), 2);
    }

    #[test]
    fn other_sports_are_skipped_with_the_sport_named() {
        let (_d, app, _) = journal();
        for (name, sport) in [("garmin-fenix-5-bike.fit", "cycling"), ("hrv-activity.fit", "cycling (indoor_cycling)")] {
            let out = app.import_activity_file(now(), name.into(), file(name)).unwrap();
            assert_eq!(out.status, ImportStatus::Skipped, "{name}");
            assert!(out.skipped[0].contains(sport), "{name}: {:?}", out.skipped);
        }
        // The FIT SDK's sample run is 5.73 m: too short to count.
        let out = app.import_activity_file(now(), "Activity.fit".into(), file("Activity.fit")).unwrap();
        assert_eq!(out.status, ImportStatus::Skipped);
        assert!(out.skipped[0].contains("too short"), "{:?}", out.skipped);
        assert!(all_runs(&app).is_empty());
    }

    #[test]
    fn routes_and_untyped_tracks_are_skipped_saying_why() {
        let (_d, app, _) = journal();
        for (name, why) in [
            ("strava_route_example.gpx", "no timestamps"),
            ("ecology-trail-and-lovers-lane-loop.gpx", "without timestamps"),
            ("outdooractive-export.gpx", "no timestamps"),
            ("wahoo_example.gpx", "which sport"),
        ] {
            let out = app.import_activity_file(now(), name.into(), file(name)).unwrap();
            assert_eq!(out.status, ImportStatus::Skipped, "{name}");
            assert!(out.skipped.iter().any(|s| s.contains(why)), "{name}: {:?}", out.skipped);
        }
        assert!(all_runs(&app).is_empty());
    }

    #[test]
    fn non_activity_and_damaged_files_are_refused_naming_the_file_and_leave_the_journal_unchanged() {
        let (_d, app, path) = journal();
        app.log_run(now(), None, 5.0, None, None, None, None, None).unwrap();
        let before = std::fs::read(&path).unwrap();
        let fit = file("hrv-activity.fit");
        let mut bad_header = fit.clone();
        bad_header[8..12].copy_from_slice(b"XXXX");
        let mut bad_crc = fit.clone();
        let n = bad_crc.len();
        bad_crc[n - 1] ^= 0xff;
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("Settings.fit", file("Settings.fit"), "settings file"),
            ("MonitoringFile.fit", file("MonitoringFile.fit"), "monitoring"),
            ("cut.fit", fit[..fit.len() / 3].to_vec(), "damaged"),
            ("header.fit", bad_header, "damaged"),
            ("crc.fit", bad_crc, "checksum"),
            ("notes.txt", b"hello".to_vec(), "not a FIT, GPX or TCX"),
            ("broken.gpx", b"<gpx><trk><trkseg><trkpt lat=".to_vec(), "not a readable GPX"),
        ];
        for (name, bytes, why) in cases {
            let out = app.import_activity_file(now(), name.into(), bytes).unwrap();
            assert_eq!(out.status, ImportStatus::Refused, "{name}: {out:?}");
            let reason = out.reason.unwrap();
            assert!(reason.contains(name) && reason.contains(why), "{name}: {reason}");
        }
        assert_eq!(std::fs::read(&path).unwrap(), before, "refused files write nothing");
    }

    #[test]
    fn a_fit_file_cut_after_its_session_is_read_from_that_summary_and_says_so() {
        let fit = file("hrv-activity.fit");
        let cut = &fit[..fit.len() - 1];
        let reading = firststep_core::activity::read_file("cut.fit", cut).unwrap();
        assert_eq!(reading.activities[0].distance_m, 6873.6, "the session's own distance");
        assert!(reading.notes[0].contains("summary was read whole"), "{:?}", reading.notes);
    }

    const TCX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
 <Activities>
  <MultiSportSession>
   <Id>2026-09-12T07:00:00+02:00</Id>
   <FirstSport><Activity Sport="Biking"><Id>2026-09-12T07:00:00+02:00</Id>
     <Lap StartTime="2026-09-12T07:00:00+02:00"><TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>15000</DistanceMeters></Lap></Activity></FirstSport>
   <NextSport><Activity Sport="Running"><Id>2026-09-12T07:35:00+02:00</Id>
     <Lap StartTime="2026-09-12T07:35:00+02:00"><TotalTimeSeconds>1500</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters>
       <Extensions><ns3:LX><ns3:AvgRunCadence>84</ns3:AvgRunCadence></ns3:LX></Extensions></Lap>
     <Lap StartTime="2026-09-12T08:00:00+02:00"><TotalTimeSeconds>500</TotalTimeSeconds><DistanceMeters>1500</DistanceMeters>
       <Extensions><ns3:LX><ns3:AvgRunCadence>88</ns3:AvgRunCadence></ns3:LX></Extensions></Lap>
   </Activity></NextSport>
  </MultiSportSession>
 </Activities>
</TrainingCenterDatabase>"#;

    #[test]
    fn a_multisport_tcx_imports_its_running_leg_with_cadence_in_steps() {
        let (_d, app, _) = journal();
        let out = app.import_activity_file(now(), "brick.tcx".into(), TCX.as_bytes().to_vec()).unwrap();
        assert_eq!(out.status, ImportStatus::Imported, "{out:?}");
        assert_eq!(out.runs.len(), 1);
        assert!(out.skipped[0].contains("Biking"), "{:?}", out.skipped);
        let run = &out.runs[0].run;
        assert_eq!((run.date.as_str(), run.distance_km), ("2026-09-12", 6.5));
        // Lap summaries: 2000 s; strides 84/88 weighted by time → 85 strides = 170 steps/min.
        assert_eq!(run.minutes, Some(33.33));
        assert!((run.cadence_spm.unwrap() - 170.0).abs() < 1e-9, "{:?}", run.cadence_spm);
    }
}

#[cfg(not(feature = "activity-files"))]
#[test]
fn without_the_feature_file_import_is_a_typed_error_and_health_import_still_works() {
    let (_d, app, _) = journal();
    assert!(!app.reads_activity_files());
    let err = app.import_activity_file(now(), "run.fit".into(), vec![0; 20]).unwrap_err();
    assert!(matches!(err, firststep_core::error::FirstStepError::InvalidState { ref reason } if reason.contains("health store")), "{err:?}");
    let out = app.import_health_runs(now(), "HealthKit".into(), vec![health_copy_of_gpx_run(0, 12_800.0)]).unwrap();
    assert_eq!(out.runs[0].result, RunImportResult::Added);
}

#[test]
fn a_health_store_walk_is_skipped_and_a_bad_session_is_a_field_error_that_writes_nothing() {
    let (_d, app, _) = journal();
    let walk = HealthRun { sport: "walking".into(), source_id: "w".into(), ..health_copy_of_gpx_run(0, 3000.0) };
    let out = app.import_health_runs(now(), "HealthKit".into(), vec![walk]).unwrap();
    assert_eq!(out.status, ImportStatus::Skipped);
    assert!(out.skipped[0].contains("walking"));
    let bad = HealthRun { end_ms: 0, ..health_copy_of_gpx_run(0, 3000.0) };
    let err = app.import_health_runs(now(), "HealthKit".into(), vec![health_copy_of_gpx_run(0, 12_800.0), bad]).unwrap_err();
    assert!(matches!(err, firststep_core::error::FirstStepError::InvalidInput { ref field, .. } if field == "runs[1]"), "{err:?}");
    assert!(all_runs(&app).is_empty());
}

#[cfg(feature = "activity-files")]
#[test]
fn a_tcx_cadence_shows_against_the_a6_goal_in_progress_and_the_clinician_summary() {
    let (_d, app, _) = journal();
    let answers = r#"{"date": "2026-09-01", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": 3,
      "red_flags": [], "knee_to_wall_cm": {"left": 11.0, "right": 11.0}, "heel_raise_reps": {"left": 24, "right": 25},
      "cadence_spm": 158, "overstride": true}"#;
    app.submit_assessment_json(now(), answers.into()).unwrap();
    // A 5 km run on 2026-09-18 at 83 strides (166 steps) a minute.
    let tcx = r#"<TrainingCenterDatabase xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities>
      <Activity Sport="Running"><Id>2026-09-18T06:30:00Z</Id><Lap StartTime="2026-09-18T06:30:00Z"><TotalTimeSeconds>1800</TotalTimeSeconds>
      <DistanceMeters>5000</DistanceMeters><Extensions><ns3:LX><ns3:AvgRunCadence>83</ns3:AvgRunCadence></ns3:LX></Extensions></Lap></Activity>
      </Activities></TrainingCenterDatabase>"#;
    let out = app.import_activity_file(now(), "easy.tcx".into(), tcx.as_bytes().to_vec()).unwrap();
    assert_eq!(out.runs[0].run.cadence_spm, Some(166.0));
    let progress = app.progress(now(), None).unwrap();
    assert_eq!(progress.running.cadence_spm, Some(166.0));
    let text = progress.running.cadence_progress.unwrap();
    assert!(text.contains("166 steps a minute") && text.contains("+5 %") && text.contains("inside the 166–174 goal"), "{text}");
    let summary = app.clinician_summary(now()).unwrap().html;
    assert!(summary.contains("166 steps a minute"), "the summary shows the step rate");
}
