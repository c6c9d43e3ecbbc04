//! The history written out for sharing, say with a clinician: a plain table, CSV or JSON. One row
//! per session and one per quick log, oldest first, with the same columns in every format.
//!
//! The text in it (routine names, notes) was cleaned where it entered unknot (`crate::clean`),
//! so no format carries a terminal command. Times keep the UTC offset they were written with,
//! so the hour repeated when the clocks go back reads twice, and apart.

use std::borrow::Cow;
use std::io::Write;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use super::export_stream::{ORDER_SLACK, StreamError, write_file};

use super::digest::{Brief, Digest};
use super::event::{Area, BodySide, CheckIn, Felt};
use super::view::Dated;
use super::view::{Change, Reading};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Sessions and quick logs from `since` (a local date, inclusive) on, oldest first.
///
/// # Errors
/// The error of a write to `out` that failed.
pub fn write(
    history: &Digest,
    format: Format,
    since: Option<NaiveDate>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let rows = rows(&history.sessions, &history.logs, since);
    match format {
        Format::Table => write_table(&rows, since, out),
        Format::Csv => write_csv(&rows, out),
        Format::Json => write_json(&rows, out),
    }
}

/// One line of the export. Unknown values are `None`: empty in CSV, null in JSON.
#[derive(Debug)]
pub(super) struct Row {
    /// Local time where it happened, with its UTC offset.
    at: DateTime<FixedOffset>,
    /// A quick log, not a session.
    log: bool,
    routine: Option<String>,
    minutes: Option<f64>,
    outcome: Option<&'static str>,
    pain_before: Option<u8>,
    pain_after: Option<u8>,
    change: Option<Change>,
    /// How a session's change reads; quick logs have none.
    reading: Option<Reading>,
    areas: Option<String>,
    side: Option<&'static str>,
    numbness: Option<&'static str>,
    felt: Option<&'static str>,
    note: Option<String>,
}

/// A value of one column.
enum Value<'a> {
    /// ISO 8601 with the UTC offset, to the second: `2026-10-25T01:45:00+01:00`.
    Time(DateTime<FixedOffset>),
    Text(&'a str),
    Int(i64),
    /// Minutes, rounded to one decimal.
    Decimal(f64),
    Null,
}

impl Row {
    /// The values in the order of [`text::review::EXPORT_KEYS`].
    fn values(&self) -> [Value<'_>; 14] {
        fn text(s: Option<&str>) -> Value<'_> {
            s.map_or(Value::Null, Value::Text)
        }
        fn int(n: Option<i64>) -> Value<'static> {
            n.map_or(Value::Null, Value::Int)
        }
        [
            Value::Time(self.at),
            Value::Text(if self.log {
                text::review::KIND_LOG
            } else {
                text::review::KIND_SESSION
            }),
            text(self.routine.as_deref()),
            self.minutes.map_or(Value::Null, Value::Decimal),
            text(self.outcome),
            int(self.pain_before.map(i64::from)),
            int(self.pain_after.map(i64::from)),
            int(self.change.map(|c| i64::from(c.delta()))),
            text(self.reading.map(Reading::words)),
            text(self.areas.as_deref()),
            text(self.side),
            text(self.numbness),
            text(self.felt),
            text(self.note.as_deref()),
        ]
    }
}

fn iso(at: &DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn from(at: &DateTime<FixedOffset>, since: Option<NaiveDate>) -> bool {
    since.is_none_or(|day| at.date_naive() >= day)
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn session_row(s: &Brief) -> Row {
    let before = s.before.as_ref();
    let notes: Vec<&str> = before
        .and_then(|c| c.note.as_deref())
        .into_iter()
        .chain(
            s.during_notes
                .iter()
                .filter_map(|(_, note)| note.as_deref()),
        )
        .chain(s.after.as_ref().and_then(|c| c.note.as_deref()))
        .filter(|n| !n.trim().is_empty())
        .collect();
    Row {
        at: s.started,
        log: false,
        routine: Some(s.routine.clone()),
        minutes: Some((s.elapsed.as_secs_f64() / 6.0).round() / 10.0),
        outcome: Some(s.finish().word()),
        pain_before: s.pain_before(),
        pain_after: s.pain_after(),
        change: s.change(),
        reading: s.reading(),
        areas: before.and_then(|c| non_empty(Area::join(&c.areas, text::checkin::AREAS_EXPORT))),
        side: before.and_then(|c| c.side).map(BodySide::word),
        numbness: before.and_then(|c| c.numbness).map(text::review::yes_no),
        felt: s.after.as_ref().and_then(|c| c.felt).map(Felt::word),
        note: non_empty(notes.join(text::review::NOTES_SEPARATOR)),
    }
}

fn log_row(at: &DateTime<FixedOffset>, c: &CheckIn) -> Row {
    Row {
        at: *at,
        log: true,
        routine: None,
        minutes: None,
        outcome: None,
        pain_before: c.pain,
        pain_after: None,
        change: None,
        reading: None,
        areas: non_empty(Area::join(&c.areas, text::checkin::AREAS_EXPORT)),
        side: c.side.map(BodySide::word),
        numbness: c.numbness.map(text::review::yes_no),
        felt: c.felt.map(Felt::word),
        note: c.note.clone().filter(|n| !n.trim().is_empty()),
    }
}

/// Sessions and logs, each in time order, merged by time; a session comes first when both
/// share a moment.
pub(super) fn rows(
    sessions: &[Box<Brief>],
    logs: &[Dated<CheckIn>],
    since: Option<NaiveDate>,
) -> Vec<Row> {
    let mut sessions = sessions
        .iter()
        .filter(|s| from(&s.started, since))
        .peekable();
    let mut logs = logs.iter().filter(|l| from(&l.at, since)).peekable();
    let mut rows = Vec::new();
    loop {
        let session_first = match (sessions.peek(), logs.peek()) {
            (Some(s), Some(l)) => s.started <= l.at,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let row = if session_first {
            sessions.next().map(|s| session_row(s))
        } else {
            logs.next().map(|l| log_row(&l.at, &l.value))
        };
        rows.extend(row);
    }
    rows
}

/// Characters that make a spreadsheet read a cell as a formula when it starts with one
/// (OWASP's list): `=HYPERLINK(...)` in a note would become a live link, or worse.
pub(super) const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as a spreadsheet shows it rather than runs it: one that would start a formula
/// gets a leading `'`, which spreadsheets take as "text follows". Numbers are not text cells.
pub(super) fn inert(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn write_csv(rows: &[Row], out: &mut impl Write) -> std::io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(text::review::EXPORT_KEYS)?;
    for row in rows {
        csv_row(&mut csv, row)?;
    }
    csv.flush()
}

pub(super) fn csv_row(csv: &mut csv::Writer<impl Write>, row: &Row) -> std::io::Result<()> {
    let fields = row.values().map(|v| match v {
        Value::Time(at) => inert(&iso(&at)).into_owned(),
        Value::Text(s) => inert(s).into_owned(),
        Value::Int(n) => n.to_string(),
        Value::Decimal(x) => format!("{x:.1}"),
        Value::Null => String::new(),
    });
    Ok(csv.write_record(fields)?)
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Time(at) => s.serialize_str(&iso(at)),
            Value::Text(t) => s.serialize_str(t),
            Value::Int(n) => s.serialize_i64(*n),
            Value::Decimal(x) => s.serialize_f64(*x),
            Value::Null => s.serialize_none(),
        }
    }
}

/// A row as a JSON object with its keys in column order.
impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(text::review::EXPORT_KEYS.len()))?;
        for (key, value) in text::review::EXPORT_KEYS.iter().zip(self.values()) {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}

struct Rows<'a>(&'a [Row]);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for row in self.0 {
            seq.serialize_element(row)?;
        }
        seq.end()
    }
}

fn write_json(rows: &[Row], out: &mut impl Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Rows(rows))?;
    writeln!(out)
}

/// The table's widest line; routine names are cut short to keep within it.
const TABLE_WIDTH: usize = 79;
/// Routine names are not cut shorter than this.
const TABLE_ROUTINE_MIN: usize = 8;

/// `s` cut to `max` columns of a terminal, the last one an ellipsis when something was cut.
/// Columns, not characters: a CJK character or an emoji takes two.
fn cut(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut short = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        short.push(c);
        used += w;
    }
    short.push('…');
    short
}

/// The table's date: local time with its UTC offset, `2026-10-25 01:45 +01:00`, so the hour
/// the clocks go back over is not read as one hour.
fn table_date(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%d %H:%M %:z").to_string()
}

fn write_table(
    rows: &[Row],
    since: Option<NaiveDate>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", text::review::export_empty(since));
    }
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                table_date(&r.at),
                r.routine
                    .as_deref()
                    .unwrap_or(text::review::KIND_LOG)
                    .to_string(),
                r.minutes.map(|m| format!("{m:.1}")).unwrap_or_default(),
                r.outcome.unwrap_or_default().to_string(),
                if r.log {
                    r.pain_before.map(|p| p.to_string()).unwrap_or_default()
                } else {
                    text::review::pain_pair(r.pain_before, r.pain_after)
                },
                r.reading
                    .map(Reading::short)
                    .unwrap_or_default()
                    .to_string(),
            ]
        })
        .collect();
    let mut widths = text::review::TABLE_HEADER.map(UnicodeWidthStr::width);
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    if total > TABLE_WIDTH {
        widths[1] = widths[1]
            .saturating_sub(total - TABLE_WIDTH)
            .max(TABLE_ROUTINE_MIN);
    }
    // Minutes are right-aligned, the rest left-aligned; no trailing spaces.
    let line = |cells: [&str; 6]| {
        let mut line = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let cell = cut(cell, width);
            let pad = width.saturating_sub(cell.width());
            if i == 2 {
                line.push_str(&" ".repeat(pad));
                line.push_str(&cell);
            } else {
                line.push_str(&cell);
                line.push_str(&" ".repeat(pad));
            }
        }
        line.trim_end().to_string()
    };
    writeln!(out, "{}", line(text::review::TABLE_HEADER))?;
    for row in &cells {
        writeln!(out, "{}", line(row.each_ref().map(String::as_str)))?;
    }
    let sessions = rows.iter().filter(|r| !r.log).count();
    writeln!(
        out,
        "{}",
        text::review::export_total(sessions, rows.len() - sessions)
    )
}
