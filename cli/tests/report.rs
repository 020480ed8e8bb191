//! `firststep report` (issue 15) and the overwrite guard it shares with `export` (issue 16,
//! item 1): the journal and its -wal/-shm/-journal files are never written over — by path, by
//! another spelling, through a symlink, even with --force — and the journal's bytes stay the same;
//! another existing file is replaced only with --force, atomically (no temporary file left).

mod common;

use std::path::{Path, PathBuf};

use common::{add_days, assess, path_str, stiff_ankle_weak_calf, Journal};
use serde_json::Value;

const DAY: &str = "2026-09-01";

fn journal() -> Journal {
    let j = Journal::new();
    assess(&j, DAY, &stiff_ankle_weak_calf(DAY));
    for i in 0..5 {
        let date = add_days(DAY, i);
        j.ok(&["--date", &date, "pain", &(6 - i).to_string(), "--stiffness", "20", "--note", "<script>x</script>"]);
    }
    j
}

/// Side files as they are on disk now (absent ones as None).
fn snapshot(db: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_os_string();
            name.push(suffix);
            let path = PathBuf::from(name);
            let bytes = std::fs::read(&path).ok();
            (path, bytes)
        })
        .collect()
}

/// Runs `args` (with `--json`), expecting the guard's refusal; the journal and its side files
/// must be exactly as before.
fn refused(j: &Journal, args: &[&str], message: &str) {
    let before = snapshot(&j.db);
    assert!(before[0].1.is_some(), "the journal exists");
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = j.cmd(&all).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| panic!("{args:?}: JSON error ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(error["error"]["kind"], "invalid_input", "{error}");
    assert_eq!(error["error"]["field"], "out", "{error}");
    assert!(error["error"]["message"].as_str().unwrap_or("").contains(message), "{args:?}: {error}");
    assert!(out.stdout.is_empty());
    assert_eq!(snapshot(&j.db), before, "{args:?}: the journal or a side file changed");
}

#[test]
fn report_writes_the_summary_and_says_where() {
    let j = journal();
    let file = j.dir.path().join("summary.html");
    let said = j.json(&["--date", &add_days(DAY, 4), "report", "--out", path_str(&file)]);
    assert_eq!(said["out"], path_str(&file));
    assert_eq!(said["date"], add_days(DAY, 4));
    assert_eq!(said["suggested_file_name"], format!("firststep-summary-{}.html", add_days(DAY, 4)));
    let html = std::fs::read_to_string(&file).expect("written");
    assert_eq!(said["bytes"].as_u64(), Some(html.len() as u64));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("summary for a clinician"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script"), "notes escaped");
    // Human output.
    std::fs::remove_file(&file).expect("rm");
    let text = j.ok(&["report", "--out", path_str(&file)]);
    assert!(text.contains("Wrote the clinician summary") && text.contains("summary.html"), "{text}");
    assert!(file.is_file());
}

#[test]
fn report_and_export_never_write_over_the_journal_or_its_side_files_even_with_force() {
    let j = journal();
    let db = j.db.clone();
    let side = |suffix: &str| {
        let mut name = db.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    let mut targets: Vec<PathBuf> = vec![db.clone(), side("-wal"), side("-shm"), side("-journal"), j.dir.path().join(".").join("firststep.db")];
    #[cfg(unix)]
    {
        let link = j.dir.path().join("innocent.html");
        std::os::unix::fs::symlink(&db, &link).expect("symlink");
        let wal_link = j.dir.path().join("wal-link.json");
        std::os::unix::fs::symlink(side("-wal"), &wal_link).expect("symlink to -wal");
        targets.extend([link, wal_link]);
    }
    for target in &targets {
        let out = path_str(target);
        for force in [false, true] {
            for command in [&["report", "--out", out][..], &["export", "--out", out][..], &["export", "--csv", "--out", out][..]] {
                let mut args = command.to_vec();
                if force {
                    args.push("--force");
                }
                refused(&j, &args, "never writes over it");
            }
        }
    }
    // The journal still opens and holds its five mornings.
    let home = j.json(&["--date", &add_days(DAY, 4), "progress"]);
    assert!(home["date"].is_string());
    let csv = j.ok(&["export", "--csv"]);
    assert_eq!(csv.lines().count(), 6, "{csv}");
}

#[cfg(unix)]
#[test]
fn a_journal_opened_through_a_symlink_is_protected_by_its_real_name() {
    let j = journal();
    let link = j.dir.path().join("via-link.db");
    std::os::unix::fs::symlink(&j.db, &link).expect("symlink");
    let before = std::fs::read(&j.db).expect("db");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("firststep"))
        .args(["--json", "--tz", "UTC", "--db", path_str(&link), "report", "--force", "--out", path_str(&j.db)])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("never writes over it"));
    assert_eq!(std::fs::read(&j.db).expect("db"), before);
}

#[test]
fn another_existing_file_is_replaced_only_with_force_and_atomically() {
    let j = journal();
    for (i, command) in [&["report"][..], &["export"][..], &["export", "--csv"][..]].iter().enumerate() {
        let file = j.dir.path().join(format!("existing-{i}.out"));
        std::fs::write(&file, b"keep me").expect("existing");
        let mut args = command.to_vec();
        args.extend(["--out", path_str(&file)]);
        refused(&j, &args, "already exists; pass --force");
        assert_eq!(std::fs::read(&file).expect("file"), b"keep me", "{command:?} without --force");

        args.push("--force");
        j.ok(&args);
        let written = std::fs::read_to_string(&file).expect("file");
        assert_ne!(written, "keep me", "{command:?} with --force");
        assert!(written.starts_with("<!DOCTYPE html>") || written.starts_with('{') || written.starts_with("date,score"), "{written:.40}");
    }
    let leftovers: Vec<String> = std::fs::read_dir(j.dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn report_into_a_missing_folder_or_onto_a_folder_is_bad_input() {
    let j = journal();
    refused(&j, &["report", "--out", path_str(&j.dir.path().join("no/such/folder/s.html"))], "cannot write");
    refused(&j, &["report", "--force", "--out", path_str(j.dir.path())], "is a folder");
}
