//! The readers of files people hand to unknot (routines, settings, a history, an import), open to
//! the fuzz targets in `fuzz/` and to the tests that keep the inputs the fuzzers found.

use std::path::Path;
use std::time::Duration;

use crate::config::Config;
use crate::routine;
use crate::routine::Timeline;
use crate::sys::files::{self, Kind};
use crate::{history, text};

/// What a routine that loads amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutineFacts {
    pub steps: usize,
    /// Phases once sides, reps, rests and lead-ins are laid out.
    pub phases: usize,
    /// The timed phases added up.
    pub planned: Duration,
}

/// Reads a routine file's bytes as `unknot check` does and lays the routine out as a session
/// would.
///
/// # Errors
/// The sentence a person would see about a file that does not load.
pub fn routine(bytes: &[u8]) -> Result<RoutineFacts, String> {
    let routine =
        routine::from_bytes(bytes.to_vec(), Path::new("routine.ron")).map_err(|e| e.to_string())?;
    let timeline = Timeline::new(&routine);
    Ok(RoutineFacts {
        steps: routine.steps.len(),
        phases: timeline.phases.len(),
        planned: timeline.planned_total(),
    })
}

/// Reads a settings file's bytes as unknot does at start.
///
/// # Errors
/// The sentence a person would see about a file that does not load.
pub fn settings(bytes: &[u8]) -> Result<(), String> {
    let path = Path::new("config.ron");
    let source = files::text(bytes.to_vec(), path, Kind::Settings).map_err(|e| e.to_string())?;
    Config::parse(&source, path)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// A history imported into another, as `unknot history import` does it: `theirs` read as an
/// import file is, and the lines it adds appended to `ours` as the store appends them.
///
/// # Errors
/// The sentence a person would see about a file that is not a history.
pub fn import(ours: &[u8], theirs: &[u8]) -> Result<Imported, String> {
    let path = Path::new("theirs.jsonl");
    let (offered, _) = history::lines_by_id(files::without_bom(theirs));
    if offered.is_empty() {
        return Err(text::history::err_not_history(path));
    }
    let new = history::new_lines(ours, &offered);
    let ends_clean = ours.last().is_none_or(|b| *b == b'\n');
    let mut after = ours.to_vec();
    after.extend(history::encode(ends_clean, &new));
    Ok(Imported {
        offered: offered.len(),
        added: new.len(),
        after,
    })
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Readable events in the imported file, counted again where an id repeats.
    pub offered: usize,
    /// Lines appended.
    pub added: usize,
    /// The history's bytes afterwards.
    pub after: Vec<u8>,
}
