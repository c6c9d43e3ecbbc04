//! Words about the history file: errors opening, reading and writing it, lines skipped, a pain
//! logged, events imported, and a session that cannot be saved.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::checkin::pain_anchor;
use super::cli::io_reason;
use super::time::count;

/// Shown where figures from the history go, while a long history is still being read.
pub const READING: &str = "Reading your history…";

pub fn err_history_open(path: &Path, e: &std::io::Error) -> String {
    format!(
        "cannot open the history {}: {}",
        path.display(),
        io_reason(e)
    )
}

pub fn err_history_write(path: &Path, e: &std::io::Error) -> String {
    format!("could not save to {}: {}", path.display(), io_reason(e))
}

pub fn err_history_read(path: &Path, e: &std::io::Error) -> String {
    format!(
        "cannot read the history {}: {}",
        path.display(),
        io_reason(e)
    )
}

pub fn err_not_history(path: &Path) -> String {
    format!("{} is not an unknot history file", path.display())
}

/// Lines of the history that could not be read: counted, numbered (the first ten), and left in
/// the file; `newer` when some were written by a newer unknot.
pub fn skipped_lines(path: &Path, numbers: &[usize], newer: bool) -> String {
    let mut shown: Vec<String> = numbers.iter().take(10).map(usize::to_string).collect();
    if numbers.len() > 10 {
        shown.push(format!("and {} more", numbers.len() - 10));
    }
    format!(
        "{}: skipped {} that could not be read (line {}){}; the file is left as it is",
        path.display(),
        count(numbers.len(), "line", "lines"),
        shown.join(", "),
        if newer {
            ", some from a newer unknot"
        } else {
            ""
        }
    )
}

pub fn logged(pain: u8, at: &DateTime<FixedOffset>) -> String {
    format!(
        "Logged pain {pain} ({}) at {}.",
        pain_anchor(pain),
        at.format("%H:%M")
    )
}

pub fn imported(new: usize, already: usize) -> String {
    let were = if already == 1 {
        "1 was".to_string()
    } else {
        format!("{already} were")
    };
    format!(
        "Imported {}; {were} already here.",
        count(new, "event", "events")
    )
}

pub fn history_not_saved(reason: &str) -> String {
    format!("This session will not be saved: {reason}")
}

pub fn history_saving_paused(reason: &str) -> String {
    format!("Not saved yet: {reason}. unknot keeps your answers and tries again with the next one")
}

pub fn history_unsaved(records: usize, reason: &str) -> String {
    let records = count(records, "record", "records");
    format!("{records} of this session could not be saved: {reason}.")
}

/// "cannot use the history FILE: WHY": a history unknot will neither read nor write.
pub fn err_history_refused(path: &Path, why: &str) -> String {
    format!("cannot use the history {}: {why}", path.display())
}

pub const HISTORY_LINK: &str =
    "it is a symbolic link, and unknot keeps your history only in a file of its own";
pub const HISTORY_NOT_YOURS: &str = "it belongs to another user";

/// Another program has held the history's lock longer than a write takes.
pub fn err_history_locked(path: &Path) -> String {
    format!(
        "{} is held by another program (an older unknot, perhaps) and could not be written",
        path.display()
    )
}

/// Said once while a command waits for the history to be free.
pub fn history_waiting(path: &Path) -> String {
    format!(
        "waiting for another program to let go of {} (an older unknot, perhaps); Ctrl-C gives up",
        path.display()
    )
}
