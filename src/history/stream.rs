//! Reading a long history fast in little memory: lines parsed on two threads a batch at a time,
//! handed on in the order of the file, with a few batches in flight whatever the file's length;
//! and a quick look at whether the file is in time order, which is what lets an export write
//! each row as soon as it is final.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};

use super::event::Entry;
use super::load::{Pass, Skipped, Start, each_line, each_line_from, judge};
use crate::sys::files::FileError;

/// The bytes of lines in a batch: enough that handing it over costs little against parsing it.
const BATCH_BYTES: usize = 256 * 1024;

/// Threads that parse. The machines unknot runs on have two cores or more; the thread reading
/// the file and folding the events in is mostly waiting on them.
const PARSERS: usize = 2;

/// A batch's lines, judged in the order of the file.
type Parsed = Vec<Result<Entry, Skipped>>;

/// A parser thread: where batches go to it, where they come back parsed, and where their events
/// go back to it once read, to be let go on the thread that made them (memory given back on
/// another thread costs each of them a lock).
type Parser = (SyncSender<Batch>, Receiver<Parsed>, Sender<Parsed>);

/// Lines taken from the file, waiting to be parsed: their bytes end to end, and where each ends.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    /// (end in `bytes`, 1-based line number, cut off before its end).
    lines: Vec<(usize, usize, bool)>,
}

impl Batch {
    fn push(&mut self, line: &[u8], number: usize, cut: bool) {
        self.bytes.extend_from_slice(line);
        self.lines.push((self.bytes.len(), number, cut));
    }

    fn parse(&self) -> Parsed {
        let mut start = 0;
        self.lines
            .iter()
            .map(|&(end, line, cut)| {
                let judged =
                    judge(&self.bytes[start..end], cut).map_err(|why| Skipped { line, why });
                start = end;
                judged
            })
            .collect()
    }
}

/// What [`super::read_each_from`] does from the start, with the parsing spread over two threads:
/// each event is lent to `each` in the order of the file, on the calling thread. In memory at
/// once: a few batches of [`BATCH_BYTES`], whatever the length of the file.
///
/// # Errors
/// [`FileError`] as for [`super::read_each_from`].
pub fn read_each_in_parallel(
    path: &Path,
    each: impl FnMut(&Entry),
) -> Result<Vec<Skipped>, FileError> {
    let pass = read_each_in_parallel_from(path, Start::Beginning, each)?;
    Ok(pass.map(|p| p.skipped).unwrap_or_default())
}

/// As [`read_each_in_parallel`], from `from` on; `None` when the history no longer starts with
/// the bytes `from` names, and then nothing was handed to `each`.
///
/// # Errors
/// As [`read_each_in_parallel`].
pub fn read_each_in_parallel_from(
    path: &Path,
    from: Start,
    mut each: impl FnMut(&Entry),
) -> Result<Option<Pass>, FileError> {
    std::thread::scope(|scope| {
        let parsers: Vec<Parser> = (0..PARSERS)
            .map(|_| {
                let (to_parse, batches) = sync_channel::<Batch>(1);
                let (parsed, from_parse) = sync_channel(1);
                let (read, spent) = channel::<Parsed>();
                scope.spawn(move || {
                    for batch in batches {
                        while let Ok(done) = spent.try_recv() {
                            drop(done);
                        }
                        if parsed.send(batch.parse()).is_err() {
                            break;
                        }
                    }
                    while let Ok(done) = spent.recv() {
                        drop(done);
                    }
                });
                (to_parse, from_parse, read)
            })
            .collect();
        let mut order = InOrder {
            parsers: &parsers,
            sent: 0,
            taken: 0,
            skipped: Vec::new(),
        };
        let mut batch = Batch::default();
        let reach = each_line_from(path, from, |line, number, cut| {
            batch.push(line, number, cut);
            if batch.bytes.len() >= BATCH_BYTES {
                order.send(std::mem::take(&mut batch), &mut each);
            }
        })?;
        order.send(batch, &mut each);
        order.take_all(&mut each);
        Ok(reach.map(|reach| Pass {
            skipped: order.skipped,
            reach,
        }))
    })
}

/// Batches handed to the parsers in turn, and their events taken back in the same turn.
struct InOrder<'a> {
    parsers: &'a [Parser],
    sent: usize,
    taken: usize,
    skipped: Vec<Skipped>,
}

impl InOrder<'_> {
    fn send(&mut self, batch: Batch, each: &mut impl FnMut(&Entry)) {
        // Each parser holds at most one batch waiting and one parsed: two in flight apiece.
        if self.sent - self.taken >= 2 * PARSERS {
            self.take(each);
        }
        let (to_parse, _, _) = &self.parsers[self.sent % PARSERS];
        if let Err(unsent) = to_parse.send(batch) {
            // A parser that has gone (it cannot, short of running out of memory): what it was
            // given comes first, then this batch, parsed here.
            self.take_all(each);
            self.hand_on(&unsent.0.parse(), each);
            return;
        }
        self.sent += 1;
    }

    fn take_all(&mut self, each: &mut impl FnMut(&Entry)) {
        while self.taken < self.sent {
            self.take(each);
        }
    }

    fn take(&mut self, each: &mut impl FnMut(&Entry)) {
        let (_, from_parse, read) = &self.parsers[self.taken % PARSERS];
        self.taken += 1;
        if let Ok(parsed) = from_parse.recv() {
            self.hand_on(&parsed, each);
            // Let go on the parser's thread; here, should it have gone.
            let _ = read.send(parsed);
        }
    }

    fn hand_on(&mut self, parsed: &Parsed, each: &mut impl FnMut(&Entry)) {
        for judged in parsed {
            match judged {
                Ok(entry) => each(entry),
                Err(skipped) => self.skipped.push(*skipped),
            }
        }
    }
}

/// Whether every line of the history comes no more than `slack` before the latest line ahead of
/// it: true of a history unknot wrote, where each line is written as it happens; not of one
/// with a file merged in later (`unknot import`), whose lines can be years older than the
/// ones before them. Lines without a readable time are left for the reader to report.
///
/// # Errors
/// [`FileError`] as for [`super::load`], or for a read that fails part-way.
pub fn in_time_order(path: &Path, slack: TimeDelta) -> Result<bool, FileError> {
    let key = memchr::memmem::Finder::new(b"\"at\":\"");
    let mut order = Order::default();
    each_line(path, |line, _, _| {
        if let Some(at) = time_of(line, &key) {
            order.see(at);
        }
    })?;
    Ok(order.within(slack))
}

/// How far a history's lines keep to time order, seen one time at a time: the latest time seen,
/// and the most any came before a time seen ahead of it.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Order {
    latest: Option<DateTime<FixedOffset>>,
    /// Nanoseconds; past the most an `i64` holds (292 years), that most.
    lag_ns: i64,
}

impl Order {
    pub fn see(&mut self, at: DateTime<FixedOffset>) {
        if let Some(latest) = self.latest
            && at < latest
        {
            let lag = (latest - at).num_nanoseconds().unwrap_or(i64::MAX);
            self.lag_ns = self.lag_ns.max(lag);
        }
        self.latest = self.latest.max(Some(at));
    }

    /// Whether no time seen came more than `slack` before one ahead of it.
    pub fn within(&self, slack: TimeDelta) -> bool {
        slack
            .num_nanoseconds()
            .is_none_or(|slack| self.lag_ns <= slack)
    }
}

/// The `"at"` of a line, found with `key`, read without parsing the rest of the line.
fn time_of(line: &[u8], key: &memchr::memmem::Finder) -> Option<DateTime<FixedOffset>> {
    let from = key.find(line)? + key.needle().len();
    let to = from + memchr::memchr(b'"', &line[from..])?;
    let text = std::str::from_utf8(&line[from..to]).ok()?;
    super::timestamp::parse(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::read_each;

    fn line(n: usize, at: &str) -> String {
        format!(
            r#"{{"v":1,"id":"0190a0a0-0000-7000-8000-{n:012}","at":"{at}","type":"check_in","form":"0190a0a0-0000-7000-8000-000000000001","moment":"log","pain":{}}}"#,
            n % 11
        )
    }

    #[test]
    fn the_parallel_reader_reads_what_the_line_reader_reads_in_the_same_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        let mut text = String::new();
        for n in 0..20_000 {
            text.push_str(&line(n, "2026-11-20T08:00:00+01:00"));
            text.push('\n');
            if n % 997 == 0 {
                text.push_str("not a line of the history\n\n");
            }
        }
        text.push_str(r#"{"v":1,"id":"torn"#);
        std::fs::write(&path, &text).unwrap();
        let (mut one, mut two) = (Vec::new(), Vec::new());
        let skipped_one = read_each(&path, |e| one.push(e)).unwrap();
        let skipped_two = read_each_in_parallel(&path, |e| two.push(e.clone())).unwrap();
        assert_eq!(one.len(), 20_000);
        assert_eq!(one, two);
        assert_eq!(skipped_one, skipped_two);
        assert_eq!(skipped_two.len(), 22);
    }

    #[test]
    fn a_history_is_in_time_order_unless_a_line_is_older_than_the_slack() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        let write = |times: &[&str]| {
            let lines: Vec<String> = times
                .iter()
                .enumerate()
                .map(|(n, at)| line(n, at))
                .collect();
            std::fs::write(&path, lines.join("\n")).unwrap();
            in_time_order(&path, TimeDelta::days(2)).unwrap()
        };
        // The clocks going back an hour, and a line a day late, are still in order.
        assert!(write(&[
            "2026-10-25T02:30:00+02:00",
            "2026-10-25T02:10:00+01:00",
            "2026-10-26T09:00:00+01:00",
            "2026-10-25T09:00:00+01:00",
        ]));
        assert!(!write(&[
            "2026-10-25T09:00:00+01:00",
            "2026-10-20T09:00:00+01:00"
        ]));
        assert!(in_time_order(&dir.path().join("none.jsonl"), TimeDelta::days(2)).unwrap());
    }
}
