//! Writing the files the runner asks for (`export`, `report`) without ever destroying the journal
//! (issue 16, item 1). One guard and one writer, used by every command that writes a file:
//!
//! - [`check_target`] refuses the journal and its side files (`-wal`, `-shm`, `-journal`) — also
//!   through a symlink, a hard link or another spelling of the path, and even with `--force` —
//!   and refuses any other existing file unless `--force` is given.
//! - [`write_atomically`] writes a temporary file in the same folder, fsyncs it, renames it over
//!   the target and fsyncs the folder: a crash leaves the old file or the new one, never half.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::context::{CliError, CliResult};

/// SQLite's side files next to a database (WAL mode uses -wal and -shm; rollback mode -journal).
const SIDE_FILES: [&str; 4] = ["", "-wal", "-shm", "-journal"];
/// Symlink hops followed before giving up (the kernel's own limit is 40).
const MAX_LINKS: usize = 40;

/// Checks that `out` may be written, then writes `bytes` to it atomically. Returns the path
/// written (the file a symlink points to, when `out` is one).
pub fn write_output(out: &Path, db: &Path, force: bool, bytes: &[u8]) -> CliResult<PathBuf> {
    let target = check_target(out, db, force)?;
    write_atomically(&target, bytes).map_err(|e| CliError::io(out, e))?;
    Ok(target)
}

/// The file `out` would write to, after the guard: never the journal or its side files; an
/// existing file only with `force`.
pub fn check_target(out: &Path, db: &Path, force: bool) -> CliResult<PathBuf> {
    let target = resolve(out).map_err(|e| CliError::invalid("out", format!("cannot write {}: {e}", out.display())))?;
    if is_journal(&target, db) {
        return Err(CliError::invalid(
            "out",
            format!(
                "{} is the journal {} or one of its side files (-wal, -shm, -journal): FirstStep never writes over it, even with --force; choose another file",
                out.display(),
                db.display()
            ),
        ));
    }
    match fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => Err(CliError::invalid("out", format!("{} is a folder; give a file name", out.display()))),
        Ok(_) if !force => Err(CliError::invalid("out", format!("{} already exists; pass --force to replace it", out.display()))),
        _ => Ok(target),
    }
}

/// Whether `target` (resolved) is the journal `db` or one of its side files, by path (the journal
/// as given and as resolved) or, for files that exist, by identity (a hard link).
fn is_journal(target: &Path, db: &Path) -> bool {
    let given = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    let resolved = resolve(db).unwrap_or_else(|_| given.clone());
    let target_meta = fs::metadata(target).ok();
    [given, resolved].iter().any(|base| {
        SIDE_FILES.iter().any(|suffix| {
            let mut name = base.as_os_str().to_os_string();
            name.push(suffix);
            let side = PathBuf::from(name);
            let side_resolved = resolve(&side).unwrap_or(side);
            side_resolved == target || target_meta.as_ref().zip(fs::metadata(&side_resolved).ok()).is_some_and(|(a, b)| same_file(a, &b))
        })
    })
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// The absolute path a write to `path` lands on: symlinks followed (dangling ones too), the
/// folder canonical, the file itself possibly not existing yet.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = std::path::absolute(path)?;
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            Ok(_) => return fs::canonicalize(&current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let name = current.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
                let parent = current.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let parent = fs::canonicalize(parent).map_err(|e| io::Error::new(e.kind(), format!("folder {}: {e}", parent.display())))?;
                return Ok(parent.join(name));
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes `bytes` to `target` atomically: a new temporary file in the same folder (so the rename
/// stays on one file system), fsync, rename over `target`, fsync the folder. On any error the
/// temporary file is removed and `target` is untouched. A replaced file keeps its permissions.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let (temp, mut file) = create_temp(folder, &name.to_string_lossy())?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Ok(meta) = fs::metadata(target) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, target)?;
        sync_folder(folder)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// A new, hidden temporary file next to the target (never an existing file).
fn create_temp(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for attempt in 0..100 {
        let temp = folder.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("cannot create a temporary file")))
}

/// Makes the rename durable (the folder's entry) where the platform allows it.
fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_and_its_side_files_are_refused_by_any_name() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("j.db");
        fs::write(&db, b"journal").expect("db");
        for out in [db.clone(), dir.path().join("j.db-wal"), dir.path().join("j.db-shm"), dir.path().join("j.db-journal"), dir.path().join(".").join("j.db")] {
            let err = check_target(&out, &db, true).expect_err("refused");
            assert_eq!(err.field.as_deref(), Some("out"));
            assert!(err.message.contains("never writes over it"), "{}", err.message);
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("link.html");
            std::os::unix::fs::symlink(&db, &link).expect("symlink");
            assert!(check_target(&link, &db, true).is_err(), "a symlink to the journal");
            let dangling = dir.path().join("wal-link");
            std::os::unix::fs::symlink(dir.path().join("j.db-wal"), &dangling).expect("symlink");
            assert!(check_target(&dangling, &db, true).is_err(), "a symlink to the (absent) -wal");
            let hard = dir.path().join("hard.html");
            fs::hard_link(&db, &hard).expect("hard link");
            assert!(check_target(&hard, &db, true).is_err(), "a hard link to the journal");
        }
        assert_eq!(fs::read(&db).expect("db"), b"journal");
    }

    #[test]
    fn an_existing_file_needs_force_and_is_replaced_atomically() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("j.db");
        let out = dir.path().join("out.html");
        fs::write(&out, b"old").expect("old");
        let err = check_target(&out, &db, false).expect_err("exists");
        assert!(err.message.contains("--force"), "{}", err.message);
        write_output(&out, &db, true, b"new").expect("forced");
        assert_eq!(fs::read(&out).expect("out"), b"new");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.html")], "no temporary file left behind");
        assert!(check_target(dir.path(), &db, true).is_err(), "a folder");
        assert!(check_target(&dir.path().join("missing/x.html"), &db, false).is_err(), "a missing folder");
    }
}
