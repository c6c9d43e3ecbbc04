//! The history written out as CSV or JSON straight from the file, each row as soon as no later
//! line can change it: a history of a million events in the memory of a few days of it.

use std::io::Write;
use std::path::Path;

use chrono::{NaiveDate, TimeDelta};
use serde::Serializer;
use serde::ser::SerializeSeq;

use super::derived::{Fold, Plan};
use super::digest::{Brief, Folder};
use super::event::{CheckIn, Entry};
use super::export::{Format, Row, csv_row, rows};
use super::load::Skipped;
use super::stream::Order;
use super::view::Dated;
use crate::sys::files::FileError;
use crate::text;

/// How much earlier than a line ahead of it a line of a history in time order may come (see
/// [`super::in_time_order`]): a clock put back, a line saved late.
pub const ORDER_SLACK: TimeDelta = TimeDelta::days(2);

/// Whether the history at `path` is in time order (see [`write_file`]).
fn in_time_order(path: &Path, kept: &Plan) -> Result<bool, FileError> {
    match super::derived::read_if_kept::<TimeOrder>(path, kept)? {
        Some(read) => Ok(read.folded.order.within(ORDER_SLACK)),
        None => super::in_time_order(path, ORDER_SLACK),
    }
}

/// How far the lines keep to time order, and nothing else: read from the recent past's derived
/// file without the rest of what it holds, which would take memory that grows with the history.
#[derive(serde::Deserialize)]
struct TimeOrder {
    order: Order,
}

impl Fold for TimeOrder {
    fn fold(&mut self, entry: &Entry) {
        self.order.see(entry.at);
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        serde_json::from_slice(bytes).ok()
    }
}

/// A session's lines come within a day and a half of its start (the morning after is the last).
const SESSION_SPAN: TimeDelta = TimeDelta::days(2);

/// Events folded in between two rounds of writing out what is final.
const WRITE_EVERY: usize = 4096;

/// What went wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error(transparent)]
    Read(#[from] FileError),
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

/// Writes the history file at `path` as [`super::export::write`] writes its digest, byte for
/// byte, and returns the lines skipped. CSV and JSON of a history in time order
/// ([`super::in_time_order`] with [`ORDER_SLACK`], as unknot writes it) are written a row at a
/// time, each as soon as no later line can change it: in memory at once, a few days of sessions
/// and the lines being parsed, whatever the length of the file. The table (its columns as wide
/// as their widest cell), and a history with older lines merged in later, are read whole first.
/// Whether the history is in time order comes from the derived file of `kept`, where it is there
/// and still matches the history (then only the lines added since are read for it); otherwise
/// from a quick pass over the lines' times.
///
/// # Errors
/// [`StreamError::Read`] for a history that cannot be read, before anything is written;
/// [`StreamError::Write`] for a write to `out` that failed (the rest of the file is then read
/// but not written).
pub fn write_file(
    path: &Path,
    kept: &Plan,
    format: Format,
    since: Option<NaiveDate>,
    out: &mut impl Write,
) -> Result<Vec<Skipped>, StreamError> {
    // Standard output writes at each line end; pretty JSON has a line for every field.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    let skipped = write_buffered(path, kept, format, since, &mut out)?;
    out.flush()?;
    Ok(skipped)
}

fn write_buffered(
    path: &Path,
    kept: &Plan,
    format: Format,
    since: Option<NaiveDate>,
    out: &mut impl Write,
) -> Result<Vec<Skipped>, StreamError> {
    if format == Format::Table || !in_time_order(path, kept)? {
        let mut folder = Folder::default();
        let skipped = super::read_each_in_parallel(path, |entry| folder.fold(entry))?;
        super::export::write(&folder.finish(), format, since, out)?;
        return Ok(skipped);
    }
    if format == Format::Csv {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(text::review::EXPORT_KEYS)
            .map_err(std::io::Error::from)?;
        let skipped = settled_rows(path, since, |row| csv_row(&mut csv, row))?;
        csv.flush()?;
        return Ok(skipped);
    }
    let mut json = serde_json::Serializer::pretty(&mut *out);
    let mut seq = json.serialize_seq(None).map_err(std::io::Error::from)?;
    let skipped = settled_rows(path, since, |row| {
        seq.serialize_element(row).map_err(std::io::Error::from)
    })?;
    SerializeSeq::end(seq).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(skipped)
}

/// Reads the file, handing each row to `write` once it is final, oldest first.
fn settled_rows(
    path: &Path,
    since: Option<NaiveDate>,
    mut write: impl FnMut(&Row) -> std::io::Result<()>,
) -> Result<Vec<Skipped>, StreamError> {
    let mut folder = Folder::default();
    let mut newest = None;
    let mut events = 0usize;
    let mut failed = None;
    let mut write_out = |sessions: &[Box<Brief>], logs: &[Dated<CheckIn>]| {
        for row in rows(sessions, logs, since) {
            if failed.is_none() {
                failed = write(&row).err();
            }
        }
    };
    let skipped = super::read_each_in_parallel(path, |entry| {
        newest = newest.max(Some(entry.at));
        folder.fold(entry);
        events += 1;
        if events.is_multiple_of(WRITE_EVERY)
            && let Some(newest) = newest
        {
            let (sessions, logs) = folder.take_before(newest - ORDER_SLACK - SESSION_SPAN);
            write_out(&sessions, &logs);
        }
    })?;
    let rest = folder.finish();
    write_out(&rest.sessions, &rest.logs);
    match failed {
        Some(e) => Err(e.into()),
        None => Ok(skipped),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;

    use super::*;
    use crate::history::export::write;
    use crate::history::{Entry, digest, recent_tests::years};

    /// Every export of `entries` written as a file, against the export of their whole digest;
    /// whether the file is in time order.
    fn same_as_whole(entries: &[Entry]) -> bool {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        let lines: Vec<String> = entries
            .iter()
            .map(|e| serde_json::to_string(e).unwrap() + "\n")
            .collect();
        std::fs::write(&path, lines.concat()).unwrap();
        let whole = digest(entries);
        let day = entries[entries.len() / 2].at.date_naive();
        let raw = crate::history::in_time_order(&path, ORDER_SLACK).unwrap();
        // Without a derived file, and with one that says whether the lines are in time order.
        let none = Plan {
            derived: None,
            parallel: false,
            save_after: 0,
        };
        let kept = Plan {
            derived: Some(dir.path().join("cache").join("recent.json")),
            ..none.clone()
        };
        let later = crate::history::Later::default();
        crate::history::read_derived(&path, &kept, Folder::recent, &later).unwrap();
        assert_eq!(in_time_order(&path, &kept).unwrap(), raw);
        assert!(kept.derived.as_ref().is_some_and(|d| d.exists()));
        for (format, plan) in [Format::Csv, Format::Json, Format::Table]
            .into_iter()
            .flat_map(|f| [(f, &none), (f, &kept)])
        {
            for since in [None, Some(day)] {
                let (mut streamed, mut held) = (Vec::new(), Vec::new());
                let skipped = write_file(&path, plan, format, since, &mut streamed).unwrap();
                write(&whole, format, since, &mut held).unwrap();
                assert!(skipped.is_empty());
                assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    String::from_utf8(held).unwrap(),
                    "{format:?} since {since:?}"
                );
            }
        }
        raw
    }

    #[test]
    fn a_history_in_time_order_streams_to_the_export_of_its_whole_digest() {
        let entries = years(1500);
        assert!(entries.len() > 2 * WRITE_EVERY);
        assert!(same_as_whole(&entries), "in time order");
    }

    #[test]
    fn what_an_export_holds_while_it_streams_does_not_grow_with_the_history() {
        // As `settled_rows` folds: every few thousand events, what is final is taken out.
        let held = |days| {
            let mut folder = Folder::default();
            for (n, entry) in years(days).iter().enumerate() {
                folder.fold(entry);
                if n % WRITE_EVERY == WRITE_EVERY - 1 {
                    folder.take_before(entry.at - ORDER_SLACK - SESSION_SPAN);
                }
            }
            let left = folder.finish();
            [
                left.sessions.len(),
                left.logs.len(),
                left.safety.len(),
                left.weekly.len(),
            ]
        };
        let (short, long) = (held(1000), held(4000));
        assert!(long.iter().sum::<usize>() < 2 * WRITE_EVERY, "{long:?}");
        for (short, long) in short.iter().zip(long) {
            assert!(long <= short + WRITE_EVERY / 2, "{short} then {long}");
        }
    }

    #[test]
    fn a_history_with_old_lines_merged_in_late_is_read_whole_first() {
        let mut entries = years(300);
        let mut old = years(40);
        for e in &mut old {
            e.id = uuid::Uuid::from_u128(e.id.as_u128() + (1 << 120));
            e.at -= TimeDelta::days(400);
        }
        entries.extend(old);
        assert!(!same_as_whole(&entries), "not in time order");
    }

    #[test]
    fn an_empty_or_missing_history_exports_no_rows() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        let none = Plan {
            derived: None,
            parallel: false,
            save_after: 0,
        };
        let missing = dir.path().join("none.jsonl");
        write_file(&missing, &none, Format::Json, None, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
