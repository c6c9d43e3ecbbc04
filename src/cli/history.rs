//! The history commands: quick pain logs, the review, exports and imports; and reading the
//! history once, and opening it for writing, for the rest of the command line.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use uuid::Uuid;

use super::start::{self, Flags, Options};
use crate::error::AppError;
use crate::history::export::{self, Format};
use crate::history::{
    self, Area, BodySide, CheckIn, Entry, Event, FILE_NAME, History, Moment, SkipReason, Skipped,
    Store, StoreError,
};
use crate::sys::output;
use crate::sys::paths::Paths;
use crate::sys::stderr::say;
use crate::text;

fn data_dir(paths: &Paths) -> Result<&Path, AppError> {
    paths.data_dir.as_deref().ok_or(AppError::NoDataDir)
}

/// Loads the history, telling stderr once about lines that were skipped.
pub fn load(paths: &Paths) -> Result<(History, Option<String>), AppError> {
    let path = data_dir(paths)?.join(FILE_NAME);
    let loaded = history::load(&path).map_err(|source| AppError::HistoryRead {
        path: path.clone(),
        source,
    })?;
    let notice = (!loaded.skipped.is_empty()).then(|| skipped_lines(&path, &loaded.skipped));
    Ok((history::build(&loaded.entries), notice))
}

/// The lines of `path` that could not be read, in one sentence for stderr.
fn skipped_lines(path: &Path, skipped: &[Skipped]) -> String {
    let numbers: Vec<usize> = skipped.iter().map(|s| s.line).collect();
    let newer = skipped
        .iter()
        .any(|s| matches!(s.why, SkipReason::Newer(_)));
    text::history::skipped_lines(path, &numbers, newer)
}

/// Opens the history for writing. Another session holding it is an error; any other problem
/// is returned as a sentence, and the session runs without saving.
pub fn open_store(paths: &Paths) -> Result<Result<Store, String>, AppError> {
    let Some(dir) = paths.data_dir.as_deref() else {
        return Ok(Err(text::cli::ERR_NO_DATA_DIR.to_string()));
    };
    match Store::open(dir) {
        Ok(store) => Ok(Ok(store)),
        Err(e @ StoreError::Busy(_)) => Err(AppError::Store(e)),
        Err(e) => Ok(Err(e.to_string())),
    }
}

/// Appends one check-in, stamped now.
pub fn append_check_in(store: &mut Store, check: CheckIn) -> Result<Entry, StoreError> {
    let entry = Entry::new(Event::CheckIn(check));
    store.append(std::slice::from_ref(&entry))?;
    Ok(entry)
}

/// `unknot log PAIN`: a pain score (0-10) now, outside any session.
#[expect(
    clippy::disallowed_methods,
    reason = "a logged score's form gets its id here, as the command line stamps it"
)]
pub fn log(
    paths: &Paths,
    pain: i64,
    areas: Vec<Area>,
    side: Option<BodySide>,
    note: Option<&str>,
) -> Result<(), AppError> {
    // clap has checked the range already.
    let pain = u8::try_from(pain).unwrap_or(0);
    let mut store = Store::open(data_dir(paths)?)?;
    let mut areas = areas;
    areas.sort();
    areas.dedup();
    let entry = append_check_in(
        &mut store,
        CheckIn {
            form: Uuid::now_v7(),
            moment: Moment::Log,
            pain: Some(pain),
            areas,
            side,
            // Cleaned as the command line was read; nothing left is no note.
            note: note.filter(|n| !n.is_empty()).map(str::to_string),
            ..CheckIn::default()
        },
    )?;
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
    let (history, notice) = load(paths)?;
    if let Some(notice) = notice {
        say(&notice);
    }
    let format = format.unwrap_or(Format::Table);
    output::print_with(|out| export::write(&history, format, since, out))?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// Merges another history file by event id: only events not already here are appended, each
/// line exactly as it was written there, so nothing a newer unknot wrote is lost.
pub fn import(paths: &Paths, file: &PathBuf) -> Result<(), AppError> {
    let bytes = std::fs::read(file).map_err(|source| AppError::ImportRead {
        path: file.clone(),
        source,
    })?;
    let (theirs, skipped) = history::lines_by_id(&bytes);
    if theirs.is_empty() {
        return Err(AppError::NotHistory(file.clone()));
    }
    if !skipped.is_empty() {
        say(&skipped_lines(file, &skipped));
    }
    let dir = data_dir(paths)?;
    // Lock first, then read ours, so nothing is written between the two.
    let mut store = Store::open(dir)?;
    let path = dir.join(FILE_NAME);
    let ours = match std::fs::read(&path) {
        Ok(ours) => ours,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(source) => return Err(AppError::HistoryRead { path, source }),
    };
    let mut known: HashSet<Uuid> = history::lines_by_id(&ours)
        .0
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let offered = theirs.len();
    let new: Vec<&[u8]> = theirs
        .into_iter()
        .filter(|(id, _)| known.insert(*id))
        .map(|(_, line)| line)
        .collect();
    if !new.is_empty() {
        store.append_lines(&new)?;
    }
    output::print_line(&text::history::imported(new.len(), offered - new.len()))
}
