//! The history from the command line: quick pain logs, exports, imports, and what the
//! full-screen app needs to read and write it.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use uuid::Uuid;

use crate::checkin;
use crate::error::AppError;
use crate::history::export::{self, Format};
use crate::history::{
    self, Area, BodySide, CheckIn, Entry, Event, FILE_NAME, History, Moment, Store, StoreError,
};
use crate::paths::Paths;
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
    let notice = (!loaded.skipped.is_empty()).then(|| text::skipped_lines(&path, &loaded.skipped));
    Ok((history::build(&loaded.entries), notice))
}

/// Opens the history for writing. Another session holding it is an error; any other problem
/// is returned as a sentence, and the session runs without saving.
pub fn open_store(paths: &Paths) -> Result<Result<Store, String>, AppError> {
    let Some(dir) = paths.data_dir.as_deref() else {
        return Ok(Err(text::ERR_NO_DATA_DIR.to_string()));
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

pub fn log(
    paths: &Paths,
    pain: u8,
    areas: Vec<Area>,
    side: Option<BodySide>,
    note: Option<String>,
    out: &mut impl Write,
) -> Result<(), AppError> {
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
            note: note.as_deref().and_then(checkin::clean_note),
            ..CheckIn::default()
        },
    )?;
    let _ = writeln!(out, "{}", text::logged(pain, &entry.at));
    Ok(())
}

pub fn export(
    paths: &Paths,
    format: Format,
    since: Option<NaiveDate>,
    out: &mut impl Write,
) -> Result<(), AppError> {
    let (history, notice) = load(paths)?;
    if let Some(notice) = notice {
        crate::say(&notice);
    }
    export::write(&history, format, since, out).map_err(AppError::Output)
}

/// Merges another history file by event id: only events not already here are appended, each
/// line exactly as it was written there, so nothing a newer unknot wrote is lost.
pub fn import(paths: &Paths, file: &PathBuf, out: &mut impl Write) -> Result<(), AppError> {
    let bytes = std::fs::read(file).map_err(|source| AppError::ImportRead {
        path: file.clone(),
        source,
    })?;
    let (theirs, skipped) = history::lines_by_id(&bytes);
    if theirs.is_empty() {
        return Err(AppError::NotHistory(file.clone()));
    }
    if !skipped.is_empty() {
        crate::say(&text::skipped_lines(file, &skipped));
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
    let _ = writeln!(out, "{}", text::imported(new.len(), offered - new.len()));
    Ok(())
}
