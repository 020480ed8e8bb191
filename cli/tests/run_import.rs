//! `firststep run import`: a folder of real activity files into a journal with typed-in runs; the
//! imported long run earns its A7 warning, shows in progress's weekly distance, and a second import
//! adds nothing. Exit status 1 when a file was refused.

mod common;

use common::Journal;

fn activities() -> String {
    format!("{}/../tests/activities", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_folder_imports_its_runs_once_and_says_what_it_skipped_and_refused() {
    let j = Journal::new();
    // Two typed-in 5 km runs in the 30 days before the Garmin run of 2017-07-29 (12.82 km).
    for date in ["2017-07-10", "2017-07-17"] {
        j.ok(&["--date", date, "run", "--km", "5"]);
    }
    let out = j.cmd(&["--date", "2017-07-30", "run", "import", &activities()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "Settings.fit and MonitoringFile.fit are refused");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("garmin-activity.gpx: imported") && text.contains("Added: 12.82 km on 2017-07-29 (running)"), "{text}");
    assert!(text.contains("refused — Settings.fit is a FIT settings file, not an activity"), "{text}");
    assert!(text.contains("garmin-fenix-5-bike.fit: skipped") && text.contains("of cycling: not a run"), "{text}");
    // rule A7: 12.82 km is more than 10 % over the longest run of the 30 days before (5 km).
    assert!(text.contains("⚠"), "the imported long run is warned about: {text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 of 10 file(s) refused"));

    // The same file again (named twice, and inside the folder): once, already imported.
    let file = format!("{}/garmin-activity.gpx", activities());
    let again = j.json(&["--date", "2017-07-30", "run", "import", &file, &file]);
    let results = again.as_array().unwrap();
    assert_eq!(results.len(), 1, "each file once");
    assert_eq!(results[0]["status"], "imported");
    assert_eq!(results[0]["runs"][0]["result"], "already_imported");

    // The running guidance sees the imported run: the week's distance is the import's.
    let progress = j.json(&["--date", "2017-07-30", "progress"]);
    let weekly = progress["running"]["weekly_km"].as_f64().unwrap();
    assert!((weekly - 12.82).abs() < 1e-9, "{progress}");
}
