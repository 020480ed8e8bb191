//! Export / import / CSV over real files.

mod journal_support;

use firststep_core::error::CoreError;
use firststep_core::journal::ImportReport;
use firststep_core::model::{DecisionAction, PainEntry, RedFlagLevel, Settings, Side};
use journal_support::*;

const TODAY: &str = "2026-06-30";

/// A journal with something in every table, including an edited score and repeated stretches.
fn filled() -> TempJournal {
    let t = temp_journal();
    let j = &t.journal;
    let today = day(TODAY);
    j.save_settings(&Settings { affected_side: Side::Right, time_zone: "Europe/Berlin".into(), ..Settings::default() }).unwrap();
    j.save_safety_screen(day("2026-06-01"), RedFlagLevel::Refer, &["night_pain".into()]).unwrap();
    let answers: firststep_core::model::AssessmentAnswers =
        serde_json::from_str(r#"{"date":"2026-06-01","affected_side":"right","first_step_pain":6}"#).unwrap();
    j.save_assessment(day("2026-06-01"), &answers, r#"{"z": 1, "a": [1, 2]}"#).unwrap();
    j.save_program(&program("2026-06-01")).unwrap();
    let mut p2 = program("2026-06-01");
    p2.exercises[0].level = 2;
    j.save_program(&p2).unwrap();
    let first = PainEntry { note: Some("after \"long\" walk, sore\nsecond line".into()), ..pain("2026-06-01", 6) };
    j.log_pain(&first, today).unwrap();
    j.log_pain(&PainEntry { score: 5, logged_at_ms: 1_700_000_100_000, ..first }, today).unwrap();
    j.log_pain(&PainEntry { stiffness_minutes: None, ..pain("2026-06-02", 4) }, today).unwrap();
    let stretch = session("2026-06-02", "fascia_stretch");
    j.log_sessions(&[stretch.clone(), stretch.clone(), stretch, session("2026-06-02", "heel_raise")], today).unwrap();
    j.log_run(&run("2026-06-02", 5.3), today).unwrap();
    j.log_run(&run("2026-06-02", 5.3), today).unwrap();
    j.record_morning(&pain("2026-06-03", 3), today, &[decision("2026-06-03", "heel_raise", DecisionAction::Progress, 1, 2)], None).unwrap();
    t
}

/// The document without its export time, for comparisons.
fn without_time(json: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("exported_at");
    obj.remove("exported_at_ms");
    v
}

#[test]
fn export_import_into_empty_export_gives_the_same_document() {
    let source = filled();
    let doc = source.journal.export_json(1_782_000_000_000).unwrap();
    let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!((v["format_version"].as_u64(), v["app"].as_str()), (Some(4), Some("FirstStep")));
    assert_eq!(v["pain_edits"].as_array().unwrap().len(), 1);
    assert_eq!(v["exported_at"], "2026-06-21T00:00:00Z");

    let target = temp_journal();
    let report = target.journal.import_json(&doc, day(TODAY), &known).unwrap();
    assert_eq!(
        (report.pain_added, report.pain_edits_added, report.sessions_added, report.runs_added, report.decisions_added),
        (3, 1, 4, 2, 1)
    );
    assert_eq!((report.programs_added, report.assessments_added, report.safety_screens_added, report.settings_imported), (2, 1, 1, true));
    let again = target.journal.export_json(1_790_000_000_000).unwrap();
    assert_eq!(without_time(&again), without_time(&doc));
    assert_eq!(row_counts(&target.path), row_counts(&source.path));
    assert_eq!(target.journal.current_program().unwrap(), source.journal.current_program().unwrap());
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let source = filled();
    let doc = source.journal.export_json(0).unwrap();
    // Into the source itself: everything is already there.
    let before = row_counts(&source.path);
    let report = source.journal.import_json(&doc, day(TODAY), &known).unwrap();
    assert_eq!(row_counts(&source.path), before);
    assert_eq!((report.pain_added, report.pain_updated, report.sessions_added, report.runs_added, report.decisions_added), (0, 0, 0, 0, 0));
    assert_eq!((report.sessions_unchanged, report.runs_unchanged, report.pain_unchanged), (4, 2, 3));

    // Into another journal with its own data: the second import adds nothing.
    let other = temp_journal();
    other.journal.log_pain(&pain("2026-05-01", 7), day(TODAY)).unwrap();
    other.journal.log_session(&session("2026-06-02", "fascia_stretch"), day(TODAY)).unwrap();
    let first = other.journal.import_json(&doc, day(TODAY), &known).unwrap();
    assert_eq!(first.sessions_added, 3, "one identical stretch was already there");
    let after_first = row_counts(&other.path);
    let second = other.journal.import_json(&doc, day(TODAY), &known).unwrap();
    assert_eq!(row_counts(&other.path), after_first);
    assert_eq!(second, ImportReport { pain_unchanged: 3, pain_edits_unchanged: 1, sessions_unchanged: 4, runs_unchanged: 2, decisions_unchanged: 1, programs_unchanged: 2, assessments_unchanged: 1, safety_screens_unchanged: 1, ..ImportReport::default() });
}

#[test]
fn merge_keeps_the_later_logged_score_and_the_local_settings_and_program() {
    let source = filled();
    let doc = source.journal.export_json(0).unwrap();
    let other = temp_journal();
    let local_settings = Settings { time_zone: "Asia/Tokyo".into(), ..Settings::default() };
    other.journal.save_settings(&local_settings).unwrap();
    let mut local_program = program("2026-06-20");
    local_program.cadence_cue = Some("local".into());
    other.journal.save_program(&local_program).unwrap();
    // Older than the backup's 2026-06-02 entry → replaced; newer than 2026-06-03 → kept.
    other.journal.log_pain(&PainEntry { logged_at_ms: 1, ..pain("2026-06-02", 9) }, day(TODAY)).unwrap();
    other.journal.log_pain(&PainEntry { logged_at_ms: 1_900_000_000_000, ..pain("2026-06-03", 8) }, day(TODAY)).unwrap();

    let report = other.journal.import_json(&doc, day(TODAY), &known).unwrap();
    assert_eq!((report.pain_added, report.pain_updated, report.pain_unchanged), (1, 1, 1));
    assert!(!report.settings_imported);
    assert_eq!(other.journal.settings().unwrap(), local_settings);
    assert_eq!(other.journal.current_program().unwrap(), Some(local_program));
    let scores: Vec<_> = other.journal.pain_entries(day("2026-06-01"), day("2026-06-03")).unwrap().iter().map(|p| p.score).collect();
    assert_eq!(scores, vec![5, 4, 8]);
    assert_eq!(other.journal.pain_edits(day("2026-06-02")).unwrap()[0].score, 9, "the replaced local score is kept as history");
}

/// Applies `tamper` to the exported document and expects a rejection that writes nothing.
fn rejected_import(tamper: impl Fn(&mut serde_json::Value), expect_in_message: &str) {
    let source = filled();
    let mut v: serde_json::Value = serde_json::from_str(&source.journal.export_json(0).unwrap()).unwrap();
    tamper(&mut v);
    let target = temp_journal();
    target.journal.log_pain(&pain("2026-01-01", 2), day(TODAY)).unwrap();
    let before = row_counts(&target.path);
    let err = target.journal.import_json(&v.to_string(), day(TODAY), &known).unwrap_err();
    assert!(matches!(err, CoreError::Import(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("nothing was written") && text.contains(expect_in_message), "{text}");
    assert_eq!(row_counts(&target.path), before);
}

#[test]
fn tampered_backups_are_rejected_with_nothing_written() {
    // A bad record late in the file must stop the earlier good ones too.
    rejected_import(|v| v["decisions"][0]["to_level"] = 99.into(), "decisions[0].to_level");
    rejected_import(|v| v["pain"][1]["score"] = 11.into(), "pain[1].score");
    rejected_import(|v| v["pain"][0]["date"] = "2099-01-01".into(), "pain[0].date");
    rejected_import(|v| v["pain"][1]["date"] = v["pain"][0]["date"].clone(), "appears twice");
    rejected_import(|v| v["sessions"][3]["exercise_id"] = "moon_walk".into(), "sessions[3].exercise_id");
    rejected_import(|v| v["runs"][1]["distance_km"] = (-5.0).into(), "runs[1].distance_km");
    rejected_import(|v| v["pain_edits"][0]["date"] = "2026-05-05".into(), "pain_edits[0].date");
    rejected_import(|v| v["programs"][0]["current"] = true.into(), "marked current");
    rejected_import(|v| v["settings"]["time_zone"] = "Nowhere/Land".into(), "settings.time_zone");
    rejected_import(|v| v["format_version"] = 5.into(), "newer");
    rejected_import(|v| v["format_version"] = 0.into(), "format_version must be in 1..=4");
    rejected_import(|v| v["hop_checks"] = serde_json::json!([{"date": "2026-01-01", "pain": 11, "passed": false}]), "hop_checks[0].pain");
    rejected_import(|v| v["maintenance_choices"] = serde_json::json!([{"date": "2026-01-01", "choice": "paused", "reason": null, "logged_at_ms": 0}]), "maintenance_choices[0].choice");
    rejected_import(|v| v["maintenance_choices"] = serde_json::json!([{"date": "2026-01-01", "choice": "ended", "reason": null, "logged_at_ms": 0}]), "maintenance_choices[0].reason");
    rejected_import(|v| v["maintenance_choices"] = serde_json::json!([{"date": "2026-01-01", "choice": "accepted", "reason": null, "logged_at_ms": 0, "why": 1}]), "maintenance_choices[0]: unknown key \"why\"");
    rejected_import(|v| v["clinician_visits"] = serde_json::json!([{"date": "2099-01-01", "cleared": true, "logged_at_ms": 0}]), "clinician_visits[0].date");
    rejected_import(|v| v["clinician_visits"] = serde_json::json!([{"date": "2026-01-01", "cleared": true, "logged_at_ms": 0, "by": "x"}]), "clinician_visits[0]: unknown key \"by\"");
    rejected_import(|v| v["app"] = "OtherApp".into(), "not a FirstStep backup");
    rejected_import(|v| v["surprise"] = 1.into(), "unknown key \"surprise\"");
    rejected_import(|v| v["pain"][1]["scroe"] = 4.into(), "pain[1]: unknown key \"scroe\"");
    rejected_import(|v| { v.as_object_mut().unwrap().remove("sessions"); }, "sessions");
    rejected_import(|v| v["sessions"][0]["level"] = "high".into(), "sessions[0].level must be in 0..=10 (got \"high\")");
}

#[test]
fn maintenance_choices_travel_in_the_backup_and_import_once() {
    // rule P9: the maintenance choices (format 4) are exported and merged by date and kind.
    use firststep_core::model::{MaintenanceChoice, MaintenanceChoiceKind};
    let source = filled();
    let accepted = MaintenanceChoice { date: "2026-06-01".into(), choice: MaintenanceChoiceKind::Accepted, reason: None, logged_at_ms: 5 };
    let ended = MaintenanceChoice {
        date: "2026-06-02".into(),
        choice: MaintenanceChoiceKind::Ended,
        reason: Some("Your full program is back: a flare.".into()),
        logged_at_ms: 6,
    };
    source.journal.save_maintenance_choice(&accepted, day(TODAY)).unwrap();
    source.journal.save_maintenance_choice(&ended, day(TODAY)).unwrap();
    let doc = source.journal.export_json(1_782_000_000_000).unwrap();
    let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(v["maintenance_choices"][1]["choice"], "ended");
    let target = temp_journal();
    assert_eq!(target.journal.import_json(&doc, day(TODAY), &known).unwrap().maintenance_choices_added, 2);
    assert_eq!(target.journal.maintenance_choices().unwrap(), vec![accepted, ended]);
    assert_eq!(target.journal.import_json(&doc, day(TODAY), &known).unwrap().maintenance_choices_unchanged, 2);
    // A document without them still imports.
    let mut old = v.clone();
    old.as_object_mut().unwrap().remove("maintenance_choices");
    assert_eq!(temp_journal().journal.import_json(&old.to_string(), day(TODAY), &known).unwrap().maintenance_choices_added, 0);
}

#[test]
fn hop_checks_travel_in_the_backup_and_import_once() {
    // rule P8: the hop checks (format 4) are exported and merged by date.
    let source = filled();
    let check = firststep_core::model::HopCheck { date: "2026-06-02".into(), pain: 1, passed: true };
    source.journal.save_hop_check(&check, 5, day(TODAY)).unwrap();
    let doc = source.journal.export_json(1_782_000_000_000).unwrap();
    let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(v["hop_checks"], serde_json::json!([{"date": "2026-06-02", "pain": 1, "passed": true}]));
    let target = temp_journal();
    assert_eq!(target.journal.import_json(&doc, day(TODAY), &known).unwrap().hop_checks_added, 1);
    assert_eq!(target.journal.hop_checks().unwrap(), vec![check]);
    assert_eq!(target.journal.import_json(&doc, day(TODAY), &known).unwrap().hop_checks_unchanged, 1);
    // A format-3 document has no hop checks: it still imports.
    let mut old = v.clone();
    old["format_version"] = 3.into();
    old.as_object_mut().unwrap().remove("hop_checks");
    assert_eq!(temp_journal().journal.import_json(&old.to_string(), day(TODAY), &known).unwrap().hop_checks_added, 0);
}

#[test]
fn a_truncated_backup_is_rejected_with_nothing_written() {
    let source = filled();
    let doc = source.journal.export_json(0).unwrap();
    let target = temp_journal();
    for cut in [0, 1, doc.len() / 3, doc.len() / 2, doc.len() - 2] {
        let err = target.journal.import_json(&doc[..cut], day(TODAY), &known).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
        assert!(row_counts(&target.path).iter().all(|(_, n)| *n == 0));
    }
}

#[test]
fn a_backup_with_future_dates_for_this_device_is_refused() {
    // Importing on a device whose "today" is earlier than the backup's dates (a wrong clock).
    let source = filled();
    let doc = source.journal.export_json(0).unwrap();
    let target = temp_journal();
    let err = target.journal.import_json(&doc, day("2026-06-01"), &known).unwrap_err();
    assert!(err.to_string().contains("future"), "{err}");
}

#[test]
fn pain_csv_quotes_commas_quotes_and_line_breaks() {
    let t = filled();
    let csv = t.journal.pain_csv().unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "date,score,stiffness_minutes,note");
    assert_eq!(lines[1], "2026-06-01,5,10,\"after \"\"long\"\" walk, sore\nsecond line\"");
    assert_eq!(lines[2], "2026-06-02,4,,");
    assert_eq!(lines[3], "2026-06-03,3,10,");
    assert_eq!(lines[4], "");
    assert_eq!(temp_journal().journal.pain_csv().unwrap(), "date,score,stiffness_minutes,note\r\n");
}

mod round_trip_property {
    use super::*;
    use proptest::prelude::*;

    fn arb_session() -> impl Strategy<Value = firststep_core::model::SessionRecord> {
        (0i32..20, prop::sample::select(vec!["fascia_stretch", "heel_raise", "balance"]), 0u32..=10, 1u32..=20, prop::option::of(0u32..=200), 0u8..=10, any::<bool>())
            .prop_map(|(d, id, level, sets, reps, peak, completed)| firststep_core::model::SessionRecord {
                date: day("2026-06-01").add_days(d).iso(),
                exercise_id: id.into(),
                level,
                sets_done: sets,
                reps_done: reps,
                hold_seconds_done: None,
                peak_pain: peak,
                completed,
                skipped_steps: 0,
            effort: None,
            reps_in_reserve: None,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        /// Any journal: export → import into an empty one → export is the same document, and a
        /// second import adds nothing.
        #[test]
        fn export_import_export_is_stable(
            scores in prop::collection::vec((0i32..20, 0u8..=10, prop::option::of("[a-z ,\"]{0,12}")), 0..15),
            sessions in prop::collection::vec(arb_session(), 0..15),
            kms in prop::collection::vec((0i32..20, 0.1f64..300.0), 0..6),
        ) {
            let source = temp_journal();
            let today = day(TODAY);
            for (i, (d, s, note)) in scores.iter().enumerate() {
                let e = PainEntry { note: note.clone(), logged_at_ms: i as i64, ..pain(&day("2026-06-01").add_days(*d).iso(), *s) };
                source.journal.log_pain(&e, today).unwrap();
            }
            source.journal.log_sessions(&sessions, today).unwrap();
            for (d, km) in &kms {
                source.journal.log_run(&run(&day("2026-06-01").add_days(*d).iso(), *km), today).unwrap();
            }
            let doc = source.journal.export_json(5).unwrap();
            let target = temp_journal();
            target.journal.import_json(&doc, today, &known).unwrap();
            prop_assert_eq!(without_time(&target.journal.export_json(6).unwrap()), without_time(&doc));
            let counts = row_counts(&target.path);
            target.journal.import_json(&doc, today, &known).unwrap();
            prop_assert_eq!(row_counts(&target.path), counts);
        }
    }
}

#[test]
fn a_format_1_backup_imports_with_its_screens_re_graded() {
    // A version-1 document (before the R1–R3 revision): no clinician_visits, night pain was "refer".
    let source = filled();
    let mut v: serde_json::Value = serde_json::from_str(&source.journal.export_json(0).unwrap()).unwrap();
    v["format_version"] = 1.into();
    v.as_object_mut().unwrap().remove("clinician_visits");
    v["safety_screens"] = serde_json::json!([{"date": "2026-06-01", "level": "refer", "flagged": ["night_or_rest_pain"]}]);
    let target = temp_journal();
    let report = target.journal.import_json(&v.to_string(), day(TODAY), &known).unwrap();
    assert_eq!(report.safety_screens_added, 1);
    assert_eq!(target.journal.latest_red_flag().unwrap(), Some((day("2026-06-01"), RedFlagLevel::ReferNoImpact)));
}
