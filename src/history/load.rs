//! Reading the history back. Tolerant: a torn last line, a garbled line, or a line from a newer
//! version is skipped and reported, and the file is left exactly as it is.

use std::path::Path;

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::digest::{Digest, Folder};
use super::event::{Entry, VERSION};
use crate::sys::files::{self, FileError, Kind};

#[derive(Debug, Default)]
pub struct Loaded {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// 1-based line number in the file.
    pub line: usize,
    pub why: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// The last line, cut off before its end (a crash or power cut while writing).
    Torn,
    /// A line that is not a history event, or one longer than [`MAX_LINE`].
    Garbled,
    /// Written by a newer unknot, in a format this one does not know.
    Newer(u32),
}

/// Reads the history file; a missing file is an empty history. A byte-order mark an editor
/// put at its start is not part of the first line.
///
/// # Errors
/// [`FileError`] for a history that cannot be read, or is refused: a link, not a regular
/// file, another user's, or over 1 GB.
#[cfg(test)]
pub fn load(path: &Path) -> Result<Loaded, FileError> {
    match files::read(path, Kind::History) {
        Ok(bytes) => Ok(parse(files::without_bom(&bytes))),
        Err(e) if e.is_not_found() => Ok(Loaded::default()),
        Err(e) => Err(e),
    }
}

/// Only the version, to tell a newer format from a garbled line.
#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

/// The id and version of a line, whatever else it holds.
#[derive(Deserialize)]
struct IdOnly {
    v: u32,
    id: uuid::Uuid,
}

/// The longest line, in bytes, that is read as a history event. unknot writes lines of a few
/// hundred bytes, its texts cut to a few hundred characters; a longer line was not written by
/// any unknot, and is reported rather than read, so that a note of megabytes never reaches
/// memory as text.
pub const MAX_LINE: usize = 64 * 1024;

/// Every line of a history worth keeping, as it is written, with its event id: lines this
/// version reads, and lines from a newer version (kept whole for a newer unknot to read).
/// Lines that are neither, or longer than [`MAX_LINE`], are reported.
pub fn lines_by_id(bytes: &[u8]) -> (Vec<(uuid::Uuid, &[u8])>, Vec<Skipped>) {
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    for (index, line, last) in lines(bytes) {
        let readable = |v| v > VERSION || serde_json::from_slice::<Entry>(line).is_ok();
        let id = (line.len() <= MAX_LINE)
            .then(|| serde_json::from_slice::<IdOnly>(line))
            .and_then(Result::ok);
        match id {
            Some(IdOnly { v, id }) if readable(v) => kept.push((id, line)),
            _ => skipped.push(Skipped {
                line: index + 1,
                why: if last && !ends_clean {
                    SkipReason::Torn
                } else {
                    SkipReason::Garbled
                },
            }),
        }
    }
    (kept, skipped)
}

/// The lines that hold something: (0-based number, text, whether it is the last line).
fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8], bool)> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let line = &bytes[start..end];
        start = end + 1;
        Some((line, end == bytes.len()))
    })
    .enumerate()
    .map(|(i, (line, last))| (i, line, last))
    .filter(|(_, line, _)| !line.iter().all(u8::is_ascii_whitespace))
}

/// Parses the lines of a whole history in memory, in the order of the file. The readers of a
/// line at a time (`read_each`, `stream::read_each_in_parallel`) are checked against it.
/// A bad last line is torn when the text does not end where a line ended, else garbled.
pub fn parse(bytes: &[u8]) -> Loaded {
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');
    let mut loaded = Loaded {
        entries: Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1),
        skipped: Vec::new(),
    };
    for (index, line, last) in lines(bytes) {
        match judge(line, last && !ends_clean) {
            Ok(entry) => loaded.entries.push(entry),
            Err(why) => loaded.skipped.push(Skipped {
                line: index + 1,
                why,
            }),
        }
    }
    loaded
}

/// One line as JSON. Checking the line is UTF-8 once is cheaper than `serde_json` checking each
/// string in it; a line that is not UTF-8 is left to `serde_json` to report.
fn read<T: serde::de::DeserializeOwned>(line: &[u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(line) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(line),
    }
}

/// One line that holds something: its event, or why it is skipped. `cut` says it is the last
/// line and the file does not end with a line end, so a bad line is torn rather than garbled.
pub(super) fn judge(line: &[u8], cut: bool) -> Result<Entry, SkipReason> {
    let bad = if cut {
        SkipReason::Torn
    } else {
        SkipReason::Garbled
    };
    if line.len() > MAX_LINE {
        return Err(bad);
    }
    match read::<Entry>(line) {
        Ok(entry) if entry.v <= VERSION => Ok(entry),
        Ok(entry) => Err(SkipReason::Newer(entry.v)),
        Err(_) => Err(match serde_json::from_slice::<VersionOnly>(line) {
            Ok(VersionOnly { v }) if v > VERSION => SkipReason::Newer(v),
            _ => bad,
        }),
    }
}

/// How far a reading of the history reached: the bytes of its complete lines (each ended by a
/// line end), how many lines they hold, and their XXH3-128 hash. A derived file names the mark it
/// was folded up to, and reading resumes there only if the history still starts with exactly
/// those bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mark {
    /// Bytes from the start of the file.
    pub bytes: u64,
    /// Lines in those bytes, blank ones included.
    pub lines: usize,
    /// XXH3-128 of those bytes.
    pub hash: u128,
}

/// Where a reading of the history stopped, kept to go on from there later in the same run
/// without reading again what it read: its [`Mark`], the state of the hash at it, and which file
/// it was.
#[derive(Clone)]
pub struct Place {
    pub mark: Mark,
    hasher: xxhash_rust::xxh3::Xxh3Default,
    file: files::Identity,
    /// The last bytes before the mark (up to [`LAST_BYTES`]): a file cut short and written again
    /// since, in place, no longer holds them there.
    last: Vec<u8>,
}

/// How many of the bytes before a [`Place`] it keeps, to be compared when a reading goes on
/// from it: a line or two, read again instead of the whole history.
const LAST_BYTES: usize = 4096;

/// The last [`LAST_BYTES`] bytes read.
#[derive(Default)]
struct Window(Vec<u8>);

impl Window {
    fn push(&mut self, bytes: &[u8]) {
        self.0
            .extend_from_slice(&bytes[bytes.len().saturating_sub(LAST_BYTES)..]);
        let over = self.0.len().saturating_sub(LAST_BYTES);
        self.0.drain(..over);
    }
}

impl std::fmt::Debug for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Place")
            .field("mark", &self.mark)
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

/// Where a reading starts.
#[derive(Debug, Clone, Default)]
pub enum Start {
    /// At the first line.
    #[default]
    Beginning,
    /// Past the bytes a mark names, once they are read and found to be those bytes.
    After(Mark),
    /// Where a reading earlier in this run stopped, without reading the bytes before it again
    /// (only the last few, to see they are still there): as [`Start::After`] its mark if the
    /// file is another since, shorter, or not the same just before the mark.
    At(Box<Place>),
}

impl Start {
    /// The bytes before it.
    fn bytes(&self) -> u64 {
        match self {
            Start::Beginning => 0,
            Start::After(mark) => mark.bytes,
            Start::At(place) => place.mark.bytes,
        }
    }
}

/// What a reading found besides its events: the lines it skipped, and how far it reached.
#[derive(Debug, Clone)]
pub struct Pass {
    pub skipped: Vec<Skipped>,
    pub reach: Place,
}

/// Reads the history a line at a time, front to back, handing each event to `each` in the
/// order of the file; a missing file is an empty history. Only one line is in memory at a
/// time, and a line over [`MAX_LINE`] is never kept: what [`load`] reads, without the file.
///
/// # Errors
/// [`FileError`] as for [`load`], or for a read that fails part-way.
#[cfg(test)]
pub fn read_each(path: &Path, mut each: impl FnMut(Entry)) -> Result<Vec<Skipped>, FileError> {
    let pass = read_each_from(path, Start::Beginning, &mut each)?;
    Ok(pass.map(|p| p.skipped).unwrap_or_default())
}

/// As [`read_each`], from `from` on (see [`Start`]): the lines before it are not read as
/// events. `None` when the history no longer starts with the bytes `from` names (it was edited,
/// replaced or shortened since): nothing was handed to `each`.
///
/// # Errors
/// As [`read_each`].
pub fn read_each_from(
    path: &Path,
    from: Start,
    mut each: impl FnMut(Entry),
) -> Result<Option<Pass>, FileError> {
    let mut skipped = Vec::new();
    let reach = each_line_from(path, from, |line, number, cut| match judge(line, cut) {
        Ok(entry) => each(entry),
        Err(why) => skipped.push(Skipped { line: number, why }),
    })?;
    Ok(reach.map(|reach| Pass { skipped, reach }))
}

/// Hands each line of the history that holds something to `each`, with its 1-based number and
/// whether it is a last line cut off before its end; a missing file has none. A byte-order mark
/// before the first line is not part of it, and a line over [`MAX_LINE`] comes cut one byte
/// past it, enough to be judged too long.
///
/// # Errors
/// [`FileError`] as for [`load`], or for a read that fails part-way.
pub(super) fn each_line(
    path: &Path,
    each: impl FnMut(&[u8], usize, bool),
) -> Result<(), FileError> {
    each_line_from(path, Start::Beginning, each).map(drop)
}

/// As [`each_line`], from `from` on (see [`read_each_from`]), and how far the lines reached;
/// `None` when the history no longer starts with the bytes `from` names.
///
/// # Errors
/// As [`each_line`].
pub(super) fn each_line_from(
    path: &Path,
    from: Start,
    mut each: impl FnMut(&[u8], usize, bool),
) -> Result<Option<Place>, FileError> {
    let mut pieces = match files::Pieces::open(path, Kind::History) {
        Ok(pieces) => pieces,
        Err(e) if e.is_not_found() => return Ok((from.bytes() == 0).then(Place::nothing)),
        Err(e) => return Err(e),
    };
    let file = pieces.identity();
    let mut window = Window::default();
    let begun = match from {
        Start::At(place)
            if place.file.device == file.device
                && place.file.inode == file.inode
                && file.bytes >= place.mark.bytes
                && pieces.holds_at(
                    place.mark.bytes.saturating_sub(place.last.len() as u64),
                    &place.last,
                ) =>
        {
            pieces.skip_unread(place.mark.bytes)?;
            window.push(&place.last);
            Some((place.mark, place.hasher))
        }
        Start::At(place) => {
            skip_checked(&mut pieces, place.mark, &mut window)?.map(|h| (place.mark, h))
        }
        Start::After(mark) => skip_checked(&mut pieces, mark, &mut window)?.map(|h| (mark, h)),
        Start::Beginning => Some((Mark::default(), xxhash_rust::xxh3::Xxh3Default::new())),
    };
    let Some((start, mut hasher)) = begun else {
        return Ok(None);
    };
    let mut reach = Place {
        mark: start,
        hasher: hasher.clone(),
        file,
        last: window.0.clone(),
    };
    let mut offset = start.bytes;
    let mut number = start.lines;
    let mut take = |line: &[u8], number: usize, cut: bool| {
        if !line.iter().all(u8::is_ascii_whitespace) {
            each(line, number, cut);
        }
    };
    // The part of a line that began in an earlier piece; a line over the limit keeps only its
    // first bytes past it, enough to be judged too long.
    let mut partial: Vec<u8> = Vec::new();
    let mut first = start.bytes == 0;
    loop {
        let piece = pieces.fill()?;
        if piece.is_empty() {
            break;
        }
        let mut skip = 0;
        if first {
            first = false;
            if piece.starts_with(b"\xEF\xBB\xBF") {
                skip = 3;
            }
        }
        let mut start = skip;
        for end in memchr::memchr_iter(b'\n', &piece[skip..]).map(|i| i + skip) {
            number += 1;
            if partial.is_empty() {
                take(&piece[start..end], number, false);
            } else {
                keep_some(&mut partial, &piece[start..end]);
                take(&partial, number, false);
                partial.clear();
            }
            start = end + 1;
        }
        // `start` is just past the piece's last line end, if it has one.
        if start > skip {
            hasher.update(&piece[..start]);
            window.push(&piece[..start]);
            reach.mark = Mark {
                bytes: offset + start as u64,
                lines: number,
                hash: hasher.digest128(),
            };
            reach.hasher = hasher.clone();
            reach.last.clone_from(&window.0);
            hasher.update(&piece[start..]);
            window.push(&piece[start..]);
        } else {
            hasher.update(piece);
            window.push(piece);
        }
        keep_some(&mut partial, &piece[start..]);
        let used = piece.len();
        offset += used as u64;
        pieces.consume(used);
    }
    if !partial.is_empty() {
        take(&partial, number + 1, true);
    }
    Ok(Some(reach))
}

impl Place {
    /// The start of a history that is not there.
    fn nothing() -> Place {
        Place {
            mark: Mark::default(),
            hasher: xxhash_rust::xxh3::Xxh3Default::new(),
            file: files::Identity::default(),
            last: Vec::new(),
        }
    }
}

/// Reads past the bytes `mark` names, hashing them: the hash so far if they are those bytes,
/// `None` if not. No bytes are always the same.
fn skip_checked(
    pieces: &mut files::Pieces,
    mark: Mark,
    window: &mut Window,
) -> Result<Option<xxhash_rust::xxh3::Xxh3Default>, FileError> {
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    if mark.bytes == 0 {
        return Ok(Some(hasher));
    }
    let mut left = mark.bytes;
    while left > 0 {
        let piece = pieces.fill()?;
        if piece.is_empty() {
            return Ok(None);
        }
        let n = piece.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        hasher.update(&piece[..n]);
        window.push(&piece[..n]);
        pieces.consume(n);
        left -= n as u64;
    }
    Ok((hasher.digest128() == mark.hash).then_some(hasher))
}

/// Adds `more` to a line being gathered, up to one byte past [`MAX_LINE`].
fn keep_some(line: &mut Vec<u8>, more: &[u8]) {
    let room = (MAX_LINE + 1).saturating_sub(line.len());
    line.extend_from_slice(&more[..more.len().min(room)]);
}

/// Whether the history can be read: opened and judged, without reading it. A missing file is
/// an empty history.
///
/// # Errors
/// As [`load`].
pub fn check(path: &Path) -> Result<(), FileError> {
    match files::Pieces::open(path, Kind::History) {
        Err(e) if !e.is_not_found() => Err(e),
        _ => Ok(()),
    }
}

/// The digest of the recent past in the history file (see [`super::recent`]), read a line at a
/// time, and the lines skipped.
///
/// # Errors
/// As [`read_each`].
#[cfg(test)]
pub fn read_digest(path: &Path) -> Result<(Digest, Vec<Skipped>), FileError> {
    let mut folder = Folder::recent();
    let skipped = read_each(path, |entry| folder.fold(&entry))?;
    Ok((folder.finish(), skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"v":1,"id":"0190a0a0-0000-7000-8000-000000000001","at":"2026-11-20T08:00:00+01:00","type":"check_in","form":"0190a0a0-0000-7000-8000-000000000001","moment":"log","pain":5}"#;

    #[test]
    fn reads_good_lines_and_skips_blank_ones() {
        let text = format!("{GOOD}\n\n{GOOD}\n");
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 2);
        assert!(loaded.skipped.is_empty());
    }

    #[test]
    fn a_cut_off_last_line_is_torn() {
        let text = format!("{GOOD}\n{}", &GOOD[..40]);
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 1);
        assert_eq!(
            loaded.skipped,
            vec![Skipped {
                line: 2,
                why: SkipReason::Torn
            }]
        );
    }

    #[test]
    fn a_complete_last_line_without_newline_is_kept() {
        let loaded = parse(GOOD.as_bytes());
        assert_eq!(loaded.entries.len(), 1);
    }

    #[test]
    fn garbled_and_newer_lines_are_skipped_with_their_numbers() {
        let newer = GOOD
            .replace(r#""v":1"#, r#""v":7"#)
            .replace("check_in", "mood");
        let text = format!("{GOOD}\nnot json at all\n{newer}\n\u{1}\u{ff}\n{GOOD}\n");
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 2);
        assert_eq!(
            loaded.skipped,
            vec![
                Skipped {
                    line: 2,
                    why: SkipReason::Garbled
                },
                Skipped {
                    line: 3,
                    why: SkipReason::Newer(7)
                },
                Skipped {
                    line: 4,
                    why: SkipReason::Garbled
                },
            ]
        );
    }

    #[test]
    fn a_large_file_keeps_order_and_line_numbers() {
        let mut text = String::new();
        let lines = (1 << 20) / GOOD.len() + 1000;
        for n in 0..lines {
            if n == 5000 {
                text.push_str("garbage\n");
            } else {
                text.push_str(&GOOD.replace("\"pain\":5", &format!("\"pain\":{}", n % 11)));
                text.push('\n');
            }
        }
        text.push_str(&GOOD[..30]);
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), lines - 1);
        assert_eq!(
            loaded.skipped,
            vec![
                Skipped {
                    line: 5001,
                    why: SkipReason::Garbled
                },
                Skipped {
                    line: lines + 1,
                    why: SkipReason::Torn
                }
            ]
        );
        let pains: Vec<u8> = loaded
            .entries
            .iter()
            .filter_map(|e| match &e.event {
                crate::history::Event::CheckIn(c) => c.pain,
                _ => None,
            })
            .take(3)
            .collect();
        assert_eq!(pains, vec![0, 1, 2]);
    }

    #[test]
    fn a_line_longer_than_any_unknot_writes_is_reported_not_read() {
        let huge = GOOD.replace(
            r#""pain":5"#,
            &format!(r#""pain":5,"note":"{}""#, "x".repeat(MAX_LINE)),
        );
        let text = format!("{GOOD}\n{huge}\n{GOOD}\n{huge}");
        let garbled = Skipped {
            line: 2,
            why: SkipReason::Garbled,
        };
        let torn = Skipped {
            line: 4,
            why: SkipReason::Torn,
        };
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 2);
        assert_eq!(loaded.skipped, vec![garbled, torn]);
        let (kept, skipped) = lines_by_id(text.as_bytes());
        assert_eq!(kept.len(), 2);
        assert_eq!(skipped, vec![garbled, torn]);
        // Just under the limit, a line is read, its note cut to a note's length.
        let long = GOOD.replace(
            r#""pain":5"#,
            &format!(
                r#""pain":5,"note":"{}""#,
                "x".repeat(MAX_LINE - GOOD.len() - 20)
            ),
        );
        assert!(long.len() <= MAX_LINE);
        let loaded = parse(long.as_bytes());
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
        assert_eq!(lines_by_id(long.as_bytes()).0.len(), 1);
    }

    #[test]
    fn a_byte_order_mark_before_the_first_line_is_no_garbled_line() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("history.jsonl");
        std::fs::write(&path, format!("\u{feff}{GOOD}\r\n{GOOD}\r\n")).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.entries.len(), 2);
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    }

    #[test]
    fn a_missing_file_is_an_empty_history() {
        let loaded = load(Path::new("/nonexistent/history.jsonl")).unwrap();
        assert!(loaded.entries.is_empty() && loaded.skipped.is_empty());
    }
}
