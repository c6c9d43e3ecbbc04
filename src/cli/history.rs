//! The history commands: quick pain logs, the review, exports and imports; and reading the
//! history once, and opening it for writing, for the rest of the command line.

use std::path::Path;

use chrono::NaiveDate;
use uuid::Uuid;

use super::start::{self, Flags, Options};
use crate::app::{Loaded, Read, Reader, Want};
use crate::error::AppError;
use crate::history::export::{self, Format};
use crate::history::{
    self, Area, BodySide, CheckIn, Digest, Entry, Event, FILE_NAME, History, Moment, SkipReason,
    Skipped, Store, StoreError,
};
use crate::sys::files::{self, Kind};
use crate::sys::memory;
use crate::sys::output;
use crate::sys::paths::Paths;
use crate::sys::stderr::say;
use crate::text;

fn data_dir(paths: &Paths) -> Result<&Path, AppError> {
    paths.data_dir.as_deref().ok_or(AppError::NoDataDir)
}

/// The history's digest of the recent past, from its derived file and the lines added since,
/// and a sentence about lines that were skipped.
///
/// # Errors
/// [`AppError::File`] for a history that cannot be read or is refused.
pub fn digest(paths: &Paths) -> Result<(Digest, Option<String>), AppError> {
    digest_after(paths, &mut history::Later::default(), false)
}

/// As [`digest`], going on from `earlier`, the last reading in this run, which it then
/// replaces. For the home screen (`for_home`), from which the review may be opened, the review's
/// derived file is brought to the same mark in the same reading, so that opening the review
/// reads only the lines added since, even in a run that had to build the derived files.
fn digest_after(
    paths: &Paths,
    earlier: &mut history::Later,
    for_home: bool,
) -> Result<(Digest, Option<String>), AppError> {
    let data = data_dir(paths)?;
    let path = data.join(FILE_NAME);
    let recent = history::Plan::kept_in(data, history::RECENT, false);
    let read = if for_home {
        let review = history::Plan::kept_in(data, history::REVIEW, true);
        let both = || (history::ViewFolder::default(), history::Folder::recent());
        history::read_in_step(&path, (&recent, &review), both, earlier)?
    } else {
        history::read_derived(&path, &recent, history::Folder::recent, earlier)?
    };
    *earlier = read.later;
    let notice = (!read.skipped.is_empty()).then(|| skipped_lines(&path, &read.skipped));
    Ok((read.folded.finish(), notice))
}

/// The whole view of the history for the review, the digest of the same lines, and a sentence
/// about lines that were skipped.
///
/// # Errors
/// [`AppError::File`] for a history that cannot be read or is refused.
pub fn whole(paths: &Paths) -> Result<(History, Digest, Option<String>), AppError> {
    whole_after(paths, &mut history::Later::default())
}

/// As [`whole`], going on from `earlier`, which it then replaces.
fn whole_after(
    paths: &Paths,
    earlier: &mut history::Later,
) -> Result<(History, Digest, Option<String>), AppError> {
    let data = data_dir(paths)?;
    let path = data.join(FILE_NAME);
    // One pass, from the review's derived file on, the lines parsed on two threads, each event
    // folded into both as it comes.
    let recent = history::Plan::kept_in(data, history::RECENT, false);
    let review = history::Plan::kept_in(data, history::REVIEW, true);
    let both = || (history::ViewFolder::default(), history::Folder::recent());
    let read = history::read_pair(&path, (&recent, &review), both, earlier)?;
    let (view, digest) = read.folded;
    *earlier = read.later;
    let notice = (!read.skipped.is_empty()).then(|| skipped_lines(&path, &read.skipped));
    Ok((view.finish(), digest.finish(), notice))
}

/// Refuses, before the terminal is taken, a history that could not be read at all; a missing
/// history is an empty one.
///
/// # Errors
/// [`AppError::File`] for a history that cannot be opened or is refused.
pub fn check(paths: &Paths) -> Result<(), AppError> {
    let path = data_dir(paths)?.join(FILE_NAME);
    Ok(history::check(&path)?)
}

/// Reads the history for the full screen, on whatever thread calls it: what cannot be read is
/// said where the figures would be, and the rest goes on without the past.
pub fn reader(paths: &Paths) -> Reader {
    let paths = paths.clone();
    // What the last reading leaves the next, so that a run reads the history once: the review
    // opened from the home screen reads only its derived file and the lines added since. One
    // reading at a time: a second waits for the first, then reads only what it did not.
    let earlier = std::sync::Mutex::new(history::Later::default());
    std::sync::Arc::new(move |want| {
        let mut earlier = earlier
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        read_for(&paths, want, &mut earlier)
    })
}

/// What `want` asks of the history, going on from `earlier`. What the reading built and let go
/// (the review's derived file, read or written) is given back to the system, not kept through
/// the session that may follow.
fn read_for(paths: &Paths, want: Want, earlier: &mut history::Later) -> Loaded {
    let loaded = read_what(paths, want, earlier);
    memory::give_back();
    loaded
}

/// What `want` asks of the history, going on from `earlier`.
fn read_what(paths: &Paths, want: Want, earlier: &mut history::Later) -> Loaded {
    match want {
        Want::Digest | Want::Home => {
            let (digest, notice) = digest_after(paths, earlier, want == Want::Home)
                .unwrap_or_else(|e| (Digest::default(), Some(e.to_string())));
            Loaded {
                read: Read::Digest(Box::new(digest)),
                notice,
            }
        }
        Want::Whole => {
            let (whole, digest, notice) = whole_after(paths, earlier)
                .unwrap_or_else(|e| (History::default(), Digest::default(), Some(e.to_string())));
            Loaded {
                read: Read::Whole(Box::new((whole, digest))),
                notice,
            }
        }
    }
}

/// The lines of `path` that could not be read, in one sentence for stderr.
fn skipped_lines(path: &Path, skipped: &[Skipped]) -> String {
    let numbers: Vec<usize> = skipped.iter().map(|s| s.line).collect();
    let newer = skipped
        .iter()
        .any(|s| matches!(s.why, SkipReason::Newer(_)));
    text::history::skipped_lines(path, &numbers, newer)
}

/// Opens the history for writing. A history refused for what it is (a link, not a regular
/// file, another user's) is an error, and nothing starts; any other problem is returned as a
/// sentence, and the session runs without saving.
///
/// # Errors
/// [`AppError::Store`] for a refused history.
pub fn open_store(paths: &Paths) -> Result<Result<Store, String>, AppError> {
    let Some(dir) = paths.data_dir.as_deref() else {
        return Ok(Err(text::cli::ERR_NO_DATA_DIR.to_string()));
    };
    match Store::open(dir) {
        Ok(store) => Ok(Ok(store)),
        Err(e) if e.is_refusal() => Err(AppError::Store(e)),
        Err(e) => Ok(Err(e.to_string())),
    }
}

/// Does `write` until it is done or fails for a reason other than another program keeping the
/// history locked: a command waits as long as that takes, saying so once, so that nothing the
/// person typed is dropped. `write` wrote nothing when the history was locked.
fn patiently<T>(
    path: &Path,
    mut write: impl FnMut() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let mut told = false;
    loop {
        match write() {
            Err(StoreError::Locked(_)) => {
                if !told {
                    say(&text::history::history_waiting(path));
                    told = true;
                }
            }
            done => return done,
        }
    }
}

/// `unknot log PAIN`: a pain score (0-10) now, outside any session.
#[expect(
    clippy::disallowed_methods,
    reason = "a logged score's form gets its id here, as the command line stamps it"
)]
pub fn log(
    paths: &Paths,
    pain: u8,
    areas: Vec<Area>,
    side: Option<BodySide>,
    note: Option<&str>,
) -> Result<(), AppError> {
    let mut store = Store::open(data_dir(paths)?)?;
    let mut areas = areas;
    areas.sort();
    areas.dedup();
    // Stamped once, when typed, however long the history is kept locked.
    let entry = Entry::new(Event::CheckIn(CheckIn {
        form: Uuid::now_v7(),
        moment: Moment::Log,
        pain: Some(pain),
        areas,
        side,
        // Cleaned as the command line was read; nothing left is no note.
        note: note.filter(|n| !n.is_empty()).map(str::to_string),
        ..CheckIn::default()
    }));
    let path = store.path().to_path_buf();
    patiently(&path, || store.append(std::slice::from_ref(&entry)))?;
    output::print_line(&text::history::logged(pain, &entry.at))
}

/// `unknot history`: the review screen on a terminal; otherwise, or with a format, the history
/// printed for sharing.
pub fn review_or_export(
    paths: &Paths,
    flags: Flags,
    format: Option<Format>,
    since: Option<NaiveDate>,
) -> Result<std::process::ExitCode, AppError> {
    if format.is_none() && flags.full_screen() {
        return start::review(&Options::load(paths, flags)?);
    }
    let data = data_dir(paths)?;
    let path = data.join(FILE_NAME);
    let kept = history::Plan::kept_in(data, history::RECENT, false);
    let format = format.unwrap_or(Format::Table);
    let mut read = Ok(Vec::new());
    output::print_with(
        |out| match export::write_file(&path, &kept, format, since, out) {
            Ok(skipped) => {
                read = Ok(skipped);
                Ok(())
            }
            Err(export::StreamError::Write(e)) => Err(e),
            Err(export::StreamError::Read(e)) => {
                read = Err(e);
                Ok(())
            }
        },
    )?;
    let skipped = read?;
    if !skipped.is_empty() {
        say(&skipped_lines(&path, &skipped));
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// Merges another history file by event id: only events not already here are appended, each
/// line exactly as it was written there, so nothing a newer unknot wrote is lost.
pub fn import(paths: &Paths, file: &Path) -> Result<(), AppError> {
    let bytes = files::read(file, Kind::Import)?;
    let (theirs, skipped) = history::lines_by_id(files::without_bom(&bytes));
    if theirs.is_empty() {
        return Err(AppError::NotHistory(file.to_path_buf()));
    }
    if !skipped.is_empty() {
        say(&skipped_lines(file, &skipped));
    }
    let mut store = Store::open(data_dir(paths)?)?;
    let path = store.path().to_path_buf();
    // Ours is read and theirs appended under one lock, so nothing written meanwhile is doubled.
    let added = patiently(&path, || store.append_new(&theirs))?;
    output::print_line(&text::history::imported(added, theirs.len() - added))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Moment, SessionView};

    fn before_pain(view: &History) -> Option<u8> {
        view.sessions
            .first()
            .and_then(|s: &SessionView| s.before.as_ref()?.pain)
    }

    #[test]
    fn the_review_opened_from_the_home_screen_reads_only_what_the_home_screen_did_not() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::resolve(Some(dir.path().to_path_buf()), None);
        let session = Uuid::from_u128(7);
        let check_in = CheckIn {
            form: Uuid::from_u128(8),
            session: Some(session),
            moment: Moment::Before,
            pain: Some(3),
            ..CheckIn::default()
        };
        let line = |event| serde_json::to_string(&Entry::new(event)).unwrap() + "\n";
        let history = dir.path().join(FILE_NAME);
        // Quick logs after it: more than the few kB before where a reading stops that a later
        // one compares, and more events than a reading keeps for the next: a first run, whose
        // derived files are all built by the home screen's reading.
        let logs: String = (0..5000u128)
            .map(|n| {
                line(Event::CheckIn(CheckIn {
                    form: Uuid::from_u128(100 + n),
                    moment: Moment::Log,
                    pain: Some(1),
                    ..CheckIn::default()
                }))
            })
            .collect();
        assert!(logs.len() > 4096);
        std::fs::write(&history, line(Event::CheckIn(check_in.clone())) + &logs).unwrap();
        let read = reader(&paths);
        assert!(matches!(read(Want::Home).read, Read::Digest(_)));
        // Under the open app the score is changed in place, and a later pain score added.
        let text = std::fs::read_to_string(&history).unwrap();
        std::fs::write(&history, text.replacen("\"pain\":3", "\"pain\":9", 1)).unwrap();
        let later = CheckIn {
            form: Uuid::from_u128(9),
            moment: Moment::After,
            pain: Some(2),
            ..check_in
        };
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&history)
            .unwrap();
        std::io::Write::write_all(&mut file, line(Event::CheckIn(later)).as_bytes()).unwrap();
        let Read::Whole(review) = read(Want::Whole).read else {
            panic!("not the whole view");
        };
        let view = &review.0;
        assert_eq!(
            before_pain(view),
            Some(3),
            "the bytes read at home, not read again"
        );
        let after = view.sessions[0].after.as_ref().and_then(|c| c.pain);
        assert_eq!(after, Some(2), "the line added since, read");
        // Another run reads the history as it is.
        let (fresh, _, _) = whole(&paths).unwrap();
        assert_eq!(before_pain(&fresh), Some(9));
    }
}
