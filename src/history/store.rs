//! The history file on disk: append-only, one event a line, synced before the app moves on.
//! It is health data: 0600 in a 0700 folder, one writer at a time, never truncated or rewritten.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::event::Entry;
use crate::text;

pub const FILE_NAME: &str = "history.jsonl";

/// How long a second writer waits for the first before saying another session is running.
const LOCK_WAIT: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", text::history::err_history_busy(.0))]
    Busy(PathBuf),
    #[error("{}", text::history::err_history_open(.path, .source))]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", text::history::err_history_write(.path, .source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The open history file, locked for writing while this value lives.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    file: File,
    /// The file ends in a newline (or is empty), so the next line starts clean.
    ends_clean: bool,
}

impl Store {
    /// Opens (creating if needed) `dir/history.jsonl` for appending and takes the writer's lock.
    ///
    /// # Errors
    /// [`StoreError::Busy`] if another writer keeps the lock; [`StoreError::Open`] otherwise.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(FILE_NAME);
        let open_err = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        create_private_dir(dir).map_err(open_err)?;
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(open_err)?;
        lock(&file, &path)?;
        let ends_clean = ends_with_newline(&mut file).map_err(open_err)?;
        Ok(Store {
            path,
            file,
            ends_clean,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends events as lines in one write, then syncs them to disk.
    ///
    /// # Errors
    /// As [`Store::append_lines`].
    pub fn append(&mut self, entries: &[Entry]) -> Result<(), StoreError> {
        let mut lines = Vec::with_capacity(entries.len());
        for entry in entries {
            lines.push(serde_json::to_vec(entry).map_err(|e| StoreError::Write {
                path: self.path.clone(),
                source: std::io::Error::other(e),
            })?);
        }
        let lines: Vec<&[u8]> = lines.iter().map(Vec::as_slice).collect();
        self.append_lines(&lines)
    }

    /// Appends lines exactly as given (each without its newline) in one write, then syncs.
    ///
    /// # Errors
    /// [`StoreError::Write`] if the lines are not all on disk; the error of [`Store::open`] if
    /// the file was replaced and the new one cannot be opened.
    pub fn append_lines(&mut self, lines: &[&[u8]]) -> Result<(), StoreError> {
        // The file was deleted or replaced while we held it: write where the history is now,
        // not into a file nobody will read again.
        if !self.still_ours() {
            let dir = self
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            *self = Store::open(&dir)?;
        }
        let mut bytes = Vec::new();
        // A line torn by a crash stays as it was; ours starts on the next line.
        if !self.ends_clean {
            bytes.push(b'\n');
        }
        for line in lines {
            bytes.extend_from_slice(line.trim_ascii_end());
            bytes.push(b'\n');
        }
        let write_err = |source| StoreError::Write {
            path: self.path.clone(),
            source,
        };
        let was_clean = self.ends_clean;
        let len_before = self.file.metadata().map(|m| m.len());
        let written = self
            .file
            .write_all(&bytes)
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.ends_clean = true;
                Ok(())
            }
            Err(e) => {
                // A write cut short (a full disk) leaves part of a line. Those bytes are ours, from
                // this call: taking them back leaves the file exactly as it was, and the caller
                // writes the same lines again later. If even that fails, the next line starts afresh.
                // Only ever shorter: a file cut from outside meanwhile is not grown back.
                let now = self.file.metadata().map(|m| m.len());
                let rolled_back = match (len_before, now) {
                    (Ok(before), Ok(now)) if now > before => self
                        .file
                        .set_len(before)
                        .and_then(|()| self.file.sync_data())
                        .is_ok(),
                    (Ok(before), Ok(now)) => now == before,
                    _ => false,
                };
                self.ends_clean = rolled_back && was_clean;
                Err(write_err(e))
            }
        }
    }

    /// Whether the file at the history's path is still the one held open.
    fn still_ours(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match (std::fs::metadata(&self.path), self.file.metadata()) {
                (Ok(there), Ok(held)) => there.dev() == held.dev() && there.ino() == held.ino(),
                _ => false,
            }
        }
        #[cfg(not(unix))]
        {
            self.path.exists()
        }
    }
}

/// Creates the folder, private to the user, and its parents if needed.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[expect(
    clippy::disallowed_methods,
    reason = "waiting for another writer's lock is real time, bounded by LOCK_WAIT"
)]
fn lock(file: &File, path: &Path) -> Result<(), StoreError> {
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => return Err(StoreError::Busy(path.to_path_buf())),
            Err(TryLockError::Error(source)) => {
                return Err(StoreError::Open {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
}

fn ends_with_newline(file: &mut File) -> std::io::Result<bool> {
    let len = file.seek(SeekFrom::End(0))?;
    if len == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

#[cfg(test)]
#[expect(
    clippy::disallowed_methods,
    reason = "made-up history lines get fresh ids, and the lock test times the real wait"
)]
mod tests {
    use super::*;
    use crate::history::event::{CheckIn, Event, Moment};
    use uuid::Uuid;

    fn entry(pain: u8) -> Entry {
        Entry::new(Event::CheckIn(CheckIn {
            form: Uuid::now_v7(),
            moment: Moment::Log,
            pain: Some(pain),
            ..CheckIn::default()
        }))
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("deep").join("data");
        let mut store = Store::open(&dir).unwrap();
        store.append(&[entry(3)]).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join(FILE_NAME)), 0o600);
    }

    #[test]
    fn appends_never_touch_what_is_there_and_start_after_a_torn_line() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        std::fs::write(&path, "{\"v\":1,\"id\":\"torn").unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        store.append(&[entry(3)]).unwrap();
        store.append(&[entry(4), entry(5)]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("{\"v\":1,\"id\":\"torn\n"));
        let loaded = crate::history::parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 3);
        assert_eq!(loaded.skipped.len(), 1);
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn a_history_deleted_or_replaced_meanwhile_gets_the_next_lines() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        let mut store = Store::open(tmp.path()).unwrap();
        store.append(&[entry(1)]).unwrap();
        std::fs::remove_file(&path).unwrap();
        store.append(&[entry(2)]).unwrap();
        let after_delete = crate::history::parse(&std::fs::read(&path).unwrap());
        assert_eq!(
            after_delete.entries.len(),
            1,
            "the line went to the new file"
        );

        let other = tmp.path().join("other.jsonl");
        std::fs::write(&other, b"").unwrap();
        std::fs::rename(&other, &path).unwrap();
        store.append(&[entry(3)]).unwrap();
        let after_replace = crate::history::parse(&std::fs::read(&path).unwrap());
        assert_eq!(after_replace.entries.len(), 1);
    }

    #[test]
    fn a_second_writer_is_told_the_history_is_busy() {
        let tmp = tempfile::tempdir().unwrap();
        let _first = Store::open(tmp.path()).unwrap();
        let started = Instant::now();
        let second = Store::open(tmp.path());
        assert!(matches!(second, Err(StoreError::Busy(_))));
        assert!(started.elapsed() >= LOCK_WAIT, "it waited a little first");
    }
}
