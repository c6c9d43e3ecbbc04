//! The history file on disk: append-only, one event a line, synced before the app moves on.
//! It is health data: 0600 in a 0700 folder, never truncated or rewritten, reached without
//! following a link, and refused if it is not the user's own.
//!
//! The file is locked only around each append (one write of whole lines, then a sync), never
//! for a whole session, so a quick log or an import goes through while a session runs. Lines
//! of two writers never mix, and every event carries its session's id, so two sessions at
//! once are told apart when the history is read.

use std::collections::HashSet;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::event::Entry;
use crate::sys::files::{self, FileError, Kind, Why};
use crate::text;

pub const FILE_NAME: &str = "history.jsonl";

/// How long an append waits for another writer's lock. An append holds it for one write and
/// sync, milliseconds; only a program that keeps it (an older unknot held it for a whole
/// session) makes an append wait this long and give up.
const LOCK_WAIT: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The history is not a file unknot may use (a link, not a regular file, another user's, too
    /// large), or it could not be read back.
    #[error(transparent)]
    File(FileError),
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
    /// Another program held the lock for all of [`LOCK_WAIT`]; nothing was written.
    #[error("{}", text::history::err_history_locked(.0))]
    Locked(PathBuf),
}

impl StoreError {
    /// Refused for what the file is: nothing will be written there until the person sees to it.
    pub fn is_refusal(&self) -> bool {
        matches!(self, StoreError::File(e) if e.is_refusal())
    }

    /// 2 when the history is refused, as for any bad input; 1 when writing failed.
    pub fn exit_code(&self) -> u8 {
        match self {
            StoreError::File(e) => e.exit_code(),
            _ => 1,
        }
    }
}

/// The open history file. It is locked only while an append writes.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    file: File,
}

impl Store {
    /// Opens (creating if needed) `dir/history.jsonl` for appending, creating `dir` private to
    /// the user. A history others can read, or a folder of the user's others can open, is made
    /// private again.
    ///
    /// # Errors
    /// [`StoreError::File`] for a history that is a link, not a regular file or another user's
    /// ([`StoreError::is_refusal`]); [`StoreError::Open`] when it cannot be opened.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(FILE_NAME);
        files::private_dir(dir).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = files::open(&path, &mut options, Kind::History).map_err(opened)?;
        Ok(Store { path, file })
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
    /// [`StoreError::Write`] if the lines are not all on disk; [`StoreError::Locked`] if another
    /// program kept the lock, and nothing was written; the error of [`Store::open`] if the file
    /// was replaced and the new one cannot be used.
    pub fn append_lines(&mut self, lines: &[&[u8]]) -> Result<(), StoreError> {
        self.locked(|store| store.write_lines(lines))
    }

    /// Appends those of `theirs` (event id and line) whose id the history does not hold yet,
    /// in their order and each once, reading the history and appending under one lock so that
    /// nothing written in between can be doubled. Returns how many were appended.
    ///
    /// # Errors
    /// As [`Store::append_lines`], and [`StoreError::File`] if the history cannot be read.
    pub fn append_new(&mut self, theirs: &[(Uuid, &[u8])]) -> Result<usize, StoreError> {
        self.locked(|store| {
            (&store.file)
                .seek(SeekFrom::Start(0))
                .map_err(|source| store.open_error(source))?;
            let ours = files::read_open(&store.file, &store.path, Kind::History)
                .map_err(StoreError::File)?;
            let new = new_lines(&ours, theirs);
            store.write_lines(&new)?;
            Ok(new.len())
        })
    }

    /// Does `work` holding the lock, on the file now at the history's path: one deleted or
    /// replaced meanwhile is left for the one there now, not written where nobody will read it.
    fn locked<T>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if !self.still_ours() {
            self.reopen()?;
        }
        lock(&self.file, &self.path)?;
        // Replaced between the look and the lock: the new file, locked in its turn.
        if !self.still_ours() {
            self.reopen()?;
            lock(&self.file, &self.path)?;
        }
        let done = work(self);
        // Closing the file would let go of the lock too; a failure here changes nothing.
        let _ = self.file.unlock();
        done
    }

    fn reopen(&mut self) -> Result<(), StoreError> {
        let dir = self
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        *self = Store::open(&dir)?;
        Ok(())
    }

    fn open_error(&self, source: std::io::Error) -> StoreError {
        StoreError::Open {
            path: self.path.clone(),
            source,
        }
    }

    /// Writes whole lines at the end and syncs; the lock is held.
    fn write_lines(&mut self, lines: &[&[u8]]) -> Result<(), StoreError> {
        if lines.is_empty() {
            return Ok(());
        }
        // Another writer's line torn by a crash stays as it was; ours starts on the next line.
        let ends_clean = ends_with_newline(&self.file).map_err(|e| self.open_error(e))?;
        let bytes = encode(ends_clean, lines);
        let len_before = self.file.metadata().map(|m| m.len());
        let written = self
            .file
            .write_all(&bytes)
            .and_then(|()| self.file.sync_data());
        let Err(e) = written else {
            return Ok(());
        };
        // A write cut short (a full disk) leaves part of a line. Those bytes are ours, from
        // this call, under the lock: taking them back leaves the file exactly as it was, and
        // the caller writes the same lines again later. If even that fails, the next append
        // starts on a new line. Only ever shorter: a file cut from outside is not grown back.
        if let (Ok(before), Ok(now)) = (len_before, self.file.metadata().map(|m| m.len()))
            && now > before
        {
            let _ = self
                .file
                .set_len(before)
                .and_then(|()| self.file.sync_data());
        }
        Err(StoreError::Write {
            path: self.path.clone(),
            source: e,
        })
    }

    /// Whether the file at the history's path is still the one held open (a link there is not).
    fn still_ours(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match (std::fs::symlink_metadata(&self.path), self.file.metadata()) {
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

/// The error of opening the history: a refusal as it is, the system's error as [`StoreError::Open`].
fn opened(e: FileError) -> StoreError {
    match e.why {
        Why::Io(source) => StoreError::Open {
            path: e.path,
            source,
        },
        _ => StoreError::File(e),
    }
}

/// The bytes that append `lines` to a history that ends with a newline (or is empty) when
/// `ends_clean`: each line with trailing spaces and a carriage return taken off, on a line of
/// its own. No lines, no bytes: a torn last line is left as it is.
pub fn encode(ends_clean: bool, lines: &[&[u8]]) -> Vec<u8> {
    if lines.is_empty() {
        return Vec::new();
    }
    let mut bytes = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 1);
    if !ends_clean {
        bytes.push(b'\n');
    }
    for line in lines {
        bytes.extend_from_slice(line.trim_ascii_end());
        bytes.push(b'\n');
    }
    bytes
}

/// Those of `theirs` whose event id is in neither `ours` (a history's bytes) nor earlier in
/// `theirs`, in their order.
pub fn new_lines<'a>(ours: &[u8], theirs: &[(Uuid, &'a [u8])]) -> Vec<&'a [u8]> {
    let mut known: HashSet<Uuid> = super::lines_by_id(files::without_bom(ours))
        .0
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    theirs
        .iter()
        .filter(|(id, _)| known.insert(*id))
        .map(|(_, line)| *line)
        .collect()
}

/// Takes the writer's lock, waiting up to [`LOCK_WAIT`] for another writer to finish.
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
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => return Err(StoreError::Locked(path.to_path_buf())),
            Err(TryLockError::Error(source)) => {
                return Err(StoreError::Open {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
}

fn ends_with_newline(mut file: &File) -> std::io::Result<bool> {
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
    fn two_stores_open_at_once_both_append_whole_lines() {
        let tmp = tempfile::tempdir().unwrap();
        let mut session = Store::open(tmp.path()).unwrap();
        let mut log = Store::open(tmp.path()).unwrap();
        session.append(&[entry(1)]).unwrap();
        log.append(&[entry(2)]).unwrap();
        session.append(&[entry(3), entry(4)]).unwrap();
        let loaded = crate::history::parse(&std::fs::read(tmp.path().join(FILE_NAME)).unwrap());
        assert!(loaded.skipped.is_empty());
        assert_eq!(loaded.entries.len(), 4);
    }

    #[test]
    fn a_lock_kept_by_another_program_is_waited_for_then_said_and_nothing_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        let path = tmp.path().join(FILE_NAME);
        let other = File::open(&path).unwrap();
        other.lock().unwrap();
        let started = Instant::now();
        let refused = store.append(&[entry(5)]);
        assert!(matches!(refused, Err(StoreError::Locked(_))), "{refused:?}");
        assert!(started.elapsed() >= LOCK_WAIT, "it waited a little first");
        assert_eq!(std::fs::read(&path).unwrap(), b"");
        other.unlock().unwrap();
        store.append(&[entry(5)]).unwrap();
        assert_eq!(
            crate::history::parse(&std::fs::read(&path).unwrap())
                .entries
                .len(),
            1
        );
    }

    #[test]
    fn only_lines_with_new_ids_are_appended_each_once() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        let (a, b) = (entry(1), entry(2));
        store.append(std::slice::from_ref(&a)).unwrap();
        let line = |e: &Entry| serde_json::to_vec(e).unwrap();
        let (la, lb) = (line(&a), line(&b));
        let theirs: Vec<(Uuid, &[u8])> = vec![(a.id, &la), (b.id, &lb), (b.id, &lb)];
        assert_eq!(store.append_new(&theirs).unwrap(), 1);
        assert_eq!(
            store.append_new(&theirs).unwrap(),
            0,
            "a second import adds nothing"
        );
        let loaded = crate::history::parse(&std::fs::read(tmp.path().join(FILE_NAME)).unwrap());
        let ids: Vec<Uuid> = loaded.entries.iter().map(|e| e.id).collect();
        assert_eq!(ids, [a.id, b.id]);
    }

    #[test]
    fn lines_are_appended_whole_without_a_carriage_return_after_a_torn_one() {
        assert_eq!(encode(true, &[b"{}\r", b"{} "]), b"{}\n{}\n");
        assert_eq!(encode(false, &[b"{}"]), b"\n{}\n");
        assert_eq!(encode(false, &[]), b"", "nothing to add, nothing added");
    }

    #[cfg(unix)]
    #[test]
    fn a_history_that_is_a_link_is_refused_and_its_target_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("other.txt");
        std::fs::write(&target, "notes\n").unwrap();
        std::os::unix::fs::symlink(&target, tmp.path().join(FILE_NAME)).unwrap();
        let refused = Store::open(tmp.path()).unwrap_err();
        assert!(refused.is_refusal(), "{refused:?}");
        assert_eq!(refused.exit_code(), 2);
        assert_eq!(std::fs::read(&target).unwrap(), b"notes\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_history_replaced_by_a_link_meanwhile_is_not_written_through_it() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        let path = tmp.path().join(FILE_NAME);
        let target = tmp.path().join("other.txt");
        std::fs::write(&target, "").unwrap();
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&target, &path).unwrap();
        let refused = store.append(&[entry(1)]);
        assert!(
            refused.as_ref().is_err_and(StoreError::is_refusal),
            "{refused:?}"
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"");
    }
}
